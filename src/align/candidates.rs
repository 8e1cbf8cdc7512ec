//! Candidate sentence pairs from an inverted index over rare features.
//!
//! For each sentence of one side, only its rarest stems (by document frequency on the other
//! side) are looked up, features that occur in more than `cap` sentences are never looked up,
//! and the postings read per sentence are bounded, so the work per sentence is bounded and the
//! whole pass is linear in the text length in practice. The best `k` sentences of the other
//! side by this partial score become candidates; both directions are run and their union
//! taken. Small problems skip the index and compare every pair.

use super::features::{Features, SentVec};

/// Below this many sentence pairs every pair is a candidate.
pub(crate) const EXHAUSTIVE_PAIRS: usize = 40_000;

/// A compressed inverted index over one side: feature → `(sentence, normalised weight)`.
struct Index {
    offsets: Vec<u32>,
    postings: Vec<(u32, f32)>,
}

impl Index {
    fn build(
        sents: &[Option<SentVec>],
        n_feats: usize,
        pick: impl Fn(&SentVec) -> (&[(u32, f32)], f32),
    ) -> Index {
        let mut offsets = vec![0u32; n_feats + 1];
        for s in sents.iter().flatten() {
            for &(id, _) in pick(s).0 {
                offsets[id as usize + 1] += 1;
            }
        }
        for k in 0..n_feats {
            offsets[k + 1] += offsets[k];
        }
        let mut fill = offsets.clone();
        let mut postings = vec![(0u32, 0f32); offsets[n_feats] as usize];
        for (y, s) in sents.iter().enumerate() {
            let Some(s) = s else { continue };
            let (v, norm) = pick(s);
            for &(id, w) in v {
                let slot = &mut fill[id as usize];
                postings[*slot as usize] = (y as u32, w / norm.max(f32::MIN_POSITIVE));
                *slot += 1;
            }
        }
        Index { offsets, postings }
    }

    fn df(&self, id: u32) -> usize {
        (self.offsets[id as usize + 1] - self.offsets[id as usize]) as usize
    }

    fn list(&self, id: u32) -> &[(u32, f32)] {
        &self.postings[self.offsets[id as usize] as usize..self.offsets[id as usize + 1] as usize]
    }
}

/// Tuning of the candidate search.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    /// Candidates kept per sentence and direction.
    pub k: usize,
    /// Features looked up per sentence.
    pub features: usize,
    /// Postings read per sentence (soft bound: the feature that crosses it is read whole).
    pub budget: usize,
}

/// Whether every pair of sentences with features is a candidate (few enough of them).
pub(crate) fn exhaustive(f: &Features) -> bool {
    let na = f.a.iter().filter(|s| s.is_some()).count();
    let nb = f.b.iter().filter(|s| s.is_some()).count();
    na * nb <= EXHAUSTIVE_PAIRS
}

/// Candidate pairs `(i, j)` (sorted, unique).
pub(crate) fn candidates(f: &Features, p: Params) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    if exhaustive(f) {
        for (i, _) in f.a.iter().enumerate().filter(|(_, s)| s.is_some()) {
            for (j, _) in f.b.iter().enumerate().filter(|(_, s)| s.is_some()) {
                out.push((i as u32, j as u32));
            }
        }
        return out;
    }
    // The two directions are independent: run (and sort) them on two threads, then merge.
    let (forward, back) = crate::par::both(
        true,
        || {
            let mut v = Vec::new();
            one_way(&f.a, &f.b, f, p, &mut |x, y| v.push((x, y)));
            v.sort_unstable();
            v
        },
        || {
            let mut v = Vec::new();
            one_way(&f.b, &f.a, f, p, &mut |x, y| v.push((y, x)));
            v.sort_unstable();
            v
        },
    );
    merge_sorted(&forward, &back)
}

/// The union of two sorted lists, sorted and without repeats.
fn merge_sorted(x: &[(u32, u32)], y: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        let (a, b) = (x[i], y[j]);
        out.push(a.min(b));
        i += usize::from(a <= b);
        j += usize::from(b <= a);
    }
    out.extend_from_slice(&x[i..]);
    out.extend_from_slice(&y[j..]);
    out.dedup();
    out
}

fn one_way(
    xs: &[Option<SentVec>],
    ys: &[Option<SentVec>],
    f: &Features,
    p: Params,
    emit: &mut impl FnMut(u32, u32),
) {
    let stem_ix = Index::build(ys, f.stem_df.len(), |s| (&s.stems, s.stem_norm));
    // Only stems are looked up: this path serves long texts (short ones compare every pair),
    // where stems find enough anchors and the gap search around them catches the rest.
    let ny = ys.len();
    let cap = (ny / 100).max(64);
    let mut acc = vec![0f32; ny];
    let mut touched: Vec<u32> = Vec::new();
    let mut picks: Vec<(usize, u32, f32)> = Vec::new();
    let mut top: Vec<(f32, u32)> = Vec::new();
    for (x, s) in xs.iter().enumerate() {
        let Some(s) = s else { continue };
        picks.clear();
        for &(id, w) in &s.stems {
            let df = stem_ix.df(id);
            if (1..=cap).contains(&df) {
                picks.push((df, id, w / s.stem_norm));
            }
        }
        let rarest =
            |a: &(usize, u32, f32), b: &(usize, u32, f32)| a.0.cmp(&b.0).then(a.1.cmp(&b.1));
        if picks.len() > p.features {
            picks.select_nth_unstable_by(p.features, rarest);
            picks.truncate(p.features);
        }
        picks.sort_unstable_by(rarest);
        let mut read = 0;
        for &(df, id, wx) in picks.iter().take(p.features) {
            if read >= p.budget {
                break;
            }
            read += df;
            let list = stem_ix.list(id);
            // (`y` is written at the end of `touched` and kept when its cell was untouched:
            // no branch per posting)
            let mut n = touched.len();
            touched.resize(n + list.len(), 0);
            for &(y, wy) in list {
                let cell = &mut acc[y as usize];
                touched[n] = y;
                n += usize::from(*cell == 0.0);
                *cell += wx * wy;
            }
            touched.truncate(n);
        }
        // The best `k` by score (ties: lower index first), kept sorted in `top` while the
        // touched sentences are read once (k is small: no sort of all of them).
        top.clear();
        let better = |a: (f32, u32), b: (f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).is_lt();
        // Once `top` is full, a score below its last one's is out (a plain compare, before
        // the total order).
        let mut floor = f32::NEG_INFINITY;
        for &y in &touched {
            let score = std::mem::take(&mut acc[y as usize]);
            if score < floor {
                continue;
            }
            let e = (score, y);
            if top.len() == p.k && top.last().is_some_and(|&last| !better(e, last)) {
                continue;
            }
            let at = top.partition_point(|&t| better(t, e));
            top.insert(at, e);
            top.truncate(p.k);
            if top.len() == p.k
                && let Some(last) = top.last()
            {
                floor = last.0;
            }
        }
        touched.clear();
        // Runners-up only when they come close to the best (clear winners need no company).
        let best = top.iter().map(|t| t.0).fold(0f32, f32::max);
        for &(score, y) in &top {
            if score >= 0.5 * best {
                emit(x as u32, y);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_sorted_is_the_sorted_union() {
        let x = [(0, 1), (0, 2), (2, 2), (2, 2), (5, 0)];
        let y = [(0, 0), (0, 2), (3, 1), (5, 0), (6, 6)];
        let mut want: Vec<(u32, u32)> = x.iter().chain(&y).copied().collect();
        want.sort_unstable();
        want.dedup();
        assert_eq!(merge_sorted(&x, &y), want);
        assert_eq!(merge_sorted(&[], &y), y.to_vec());
        assert_eq!(merge_sorted(&x, &[]), vec![(0, 1), (0, 2), (2, 2), (5, 0)]);
    }
}
