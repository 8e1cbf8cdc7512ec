//! The similarities of the sentence pairs compared so far, kept sorted by pair.
//!
//! Pairs arrive in sorted batches (candidates, then the pairs of the gaps between chained
//! matches), so each batch is merged in linearly instead of hashed pair by pair; a pair is
//! found by a binary search within its row of A.

/// `(i, j, similarity)` for every compared pair, sorted by `(i, j)`, pairs unique.
#[derive(Default)]
pub(crate) struct Sims {
    pairs: Vec<(u32, u32, f32)>,
    /// Row `i` of A is `pairs[row[i]..row[i + 1]]`.
    row: Vec<u32>,
}

impl Sims {
    /// The pairs of `sorted` (sorted by `(i, j)`, unique), for `na` sentences of A.
    pub fn new(sorted: Vec<(u32, u32, f32)>, na: usize) -> Sims {
        let mut s = Sims {
            pairs: sorted,
            row: Vec::new(),
        };
        s.index(na);
        s
    }

    /// Add pairs not compared before (`fresh` need not be sorted).
    pub fn extend(&mut self, mut fresh: Vec<(u32, u32, f32)>, na: usize) {
        if fresh.is_empty() {
            return;
        }
        if !fresh.is_sorted_by_key(|p| (p.0, p.1)) {
            fresh.sort_unstable_by_key(|p| (p.0, p.1));
        }
        let old = std::mem::take(&mut self.pairs);
        let mut out = Vec::with_capacity(old.len() + fresh.len());
        let (mut x, mut y) = (old.into_iter().peekable(), fresh.into_iter().peekable());
        while let (Some(p), Some(q)) = (x.peek(), y.peek()) {
            let next = if (p.0, p.1) <= (q.0, q.1) {
                x.next()
            } else {
                y.next()
            };
            out.extend(next);
        }
        out.extend(x);
        out.extend(y);
        self.pairs = out;
        self.index(na);
    }

    fn index(&mut self, na: usize) {
        debug_assert!(
            self.pairs
                .windows(2)
                .all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1))
        );
        self.row.clear();
        self.row.reserve(na + 1);
        let mut k = 0;
        for i in 0..=na as u32 {
            while k < self.pairs.len() && self.pairs[k].0 < i {
                k += 1;
            }
            self.row.push(k as u32);
        }
    }

    /// The similarity of `(i, j)` if that pair was compared.
    #[inline]
    pub fn get(&self, i: u32, j: u32) -> Option<f32> {
        let (lo, hi) = (
            *self.row.get(i as usize)? as usize,
            *self.row.get(i as usize + 1)? as usize,
        );
        let r = &self.pairs[lo..hi];
        r.binary_search_by_key(&j, |p| p.1).ok().map(|k| r[k].2)
    }

    pub fn contains(&self, i: u32, j: u32) -> bool {
        self.get(i, j).is_some()
    }

    /// Every compared pair with its similarity, in `(i, j)` order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, u32, f32)> + '_ {
        self.pairs.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_pairs_of_both_batches() {
        let mut s = Sims::new(vec![(0, 2, 0.5), (2, 0, 0.25), (2, 3, 0.75)], 4);
        s.extend(vec![(3, 1, 0.1), (0, 0, 0.2), (2, 1, 0.3)], 4);
        let all: Vec<_> = s.iter().collect();
        assert_eq!(
            all,
            [
                (0, 0, 0.2),
                (0, 2, 0.5),
                (2, 0, 0.25),
                (2, 1, 0.3),
                (2, 3, 0.75),
                (3, 1, 0.1)
            ]
        );
        assert_eq!(s.get(2, 1), Some(0.3));
        assert_eq!(s.get(3, 1), Some(0.1));
        assert_eq!(s.get(1, 0), None);
        assert_eq!(s.get(0, 1), None);
        assert_eq!(s.get(9, 9), None);
        assert!(s.contains(0, 2) && !s.contains(3, 0));
    }
}
