//! The best monotone chain of match items: a sparse dynamic programme over candidates only.
//!
//! An item matches a run of A's sentences `a0..=a1` with a run of B's `b0..=b1` (1:1, 1:2,
//! 2:1) and has a positive weight. A chain is a sequence of items strictly increasing on both
//! sides; leaving sentences out (1:0, 0:1) costs nothing, so the programme maximises the total
//! weight of the chosen matches. With items sorted by `a0` and a Fenwick tree of prefix maxima
//! over `b1`, it runs in `O(n log n)` for `n` items, whatever the lengths of the texts.
//! Ties go to the item earliest in reading order, so the result is deterministic.

/// One possible match.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Item {
    pub a0: u32,
    pub a1: u32,
    pub b0: u32,
    pub b1: u32,
    pub weight: f64,
    pub sim: f32,
}

#[derive(Clone, Copy)]
struct Best {
    value: f64,
    /// Position of the item in reading order (`u32::MAX`: none).
    pos: u32,
}

impl Best {
    const NONE: Best = Best {
        value: 0.0,
        pos: u32::MAX,
    };
    fn better(&self, other: &Best) -> bool {
        self.value > other.value || (self.value == other.value && self.pos < other.pos)
    }
}

struct Fenwick {
    tree: Vec<Best>,
}

impl Fenwick {
    fn new(n: usize) -> Self {
        Fenwick {
            tree: vec![Best::NONE; n + 1],
        }
    }
    /// Offer `v` at key `k` (0-based).
    fn update(&mut self, k: usize, v: Best) {
        let mut i = k + 1;
        while i < self.tree.len() {
            if v.better(&self.tree[i]) {
                self.tree[i] = v;
            }
            i += i & i.wrapping_neg();
        }
    }
    /// The best value over keys `< k`.
    fn query(&self, k: usize) -> Best {
        let mut i = k;
        let mut best = Best::NONE;
        while i > 0 {
            if self.tree[i].better(&best) {
                best = self.tree[i];
            }
            i -= i & i.wrapping_neg();
        }
        best
    }
}

/// Indices into `items` of the best chain, in reading order.
pub(crate) fn best_chain(items: &[Item], nb: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&k| items[k].weight > 0.0)
        .collect();
    order.sort_by_key(|&k| {
        let it = &items[k];
        (it.a0, it.b0, it.a1, it.b1, k)
    });
    let mut by_end: Vec<usize> = (0..order.len()).collect();
    by_end.sort_by_key(|&p| (items[order[p]].a1, p));
    let mut fen = Fenwick::new(nb);
    let mut total = vec![0f64; order.len()];
    let mut prev = vec![u32::MAX; order.len()];
    let mut e = 0;
    let mut best = Best::NONE;
    let mut p = 0;
    while p < order.len() {
        let a0 = items[order[p]].a0;
        while e < by_end.len() && items[order[by_end[e]]].a1 < a0 {
            let q = by_end[e];
            fen.update(
                items[order[q]].b1 as usize,
                Best {
                    value: total[q],
                    pos: q as u32,
                },
            );
            e += 1;
        }
        while p < order.len() && items[order[p]].a0 == a0 {
            let it = &items[order[p]];
            let before = fen.query(it.b0 as usize);
            total[p] = it.weight + before.value;
            prev[p] = before.pos;
            let here = Best {
                value: total[p],
                pos: p as u32,
            };
            if here.better(&best) {
                best = here;
            }
            p += 1;
        }
    }
    let mut chain = Vec::new();
    let mut at = best.pos;
    while at != u32::MAX {
        chain.push(order[at as usize]);
        at = prev[at as usize];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(a0: u32, a1: u32, b0: u32, b1: u32, weight: f64) -> Item {
        Item {
            a0,
            a1,
            b0,
            b1,
            weight,
            sim: weight as f32,
        }
    }

    #[test]
    fn picks_heaviest_monotone_chain() {
        let items = [
            item(0, 0, 0, 0, 1.0),
            item(1, 1, 2, 2, 1.0),
            item(2, 2, 1, 1, 1.5), // crosses item 1
            item(3, 3, 3, 3, 1.0),
        ];
        assert_eq!(best_chain(&items, 4), vec![0, 2, 3]);
    }

    #[test]
    fn merges_compete_with_singles() {
        let items = [
            item(0, 0, 0, 0, 0.5),
            item(0, 0, 0, 1, 0.8), // 1:2 beats the 1:1
            item(1, 1, 2, 2, 0.9),
        ];
        assert_eq!(best_chain(&items, 3), vec![1, 2]);
    }

    #[test]
    fn ties_prefer_reading_order() {
        let items = [item(0, 0, 1, 1, 1.0), item(0, 0, 0, 0, 1.0)];
        assert_eq!(best_chain(&items, 2), vec![1]);
    }

    #[test]
    fn ignores_non_positive_items() {
        let items = [item(0, 0, 0, 0, 0.0), item(1, 1, 1, 1, -1.0)];
        assert!(best_chain(&items, 2).is_empty());
    }
}
