//! Sentence alignment: which sentences of A say the same thing as which of B.
//!
//! Produces units in display order: one-to-one, one-to-many, many-to-one,
//! unmatched on either side, and moved (out-of-order) matches.

use crate::text::{Lang, Span};
use serde::{Deserialize, Serialize};

/// What an aligned unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// The same words (after normalisation) on both sides.
    Same,
    /// The same content, reworded.
    Changed,
    /// Only A has this.
    OnlyA,
    /// Only B has this.
    OnlyB,
    /// A match that is out of reading order relative to its neighbours.
    Moved,
}

/// One aligned unit: sentences of A opposite sentences of B.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    /// 0-based sentence indices of A (ascending; empty for `OnlyB`).
    pub a: Vec<usize>,
    /// 0-based sentence indices of B (ascending; empty for `OnlyA`).
    pub b: Vec<usize>,
    pub kind: UnitKind,
    /// Similarity / confidence in `0.0..=1.0` (0 for unmatched units).
    pub score: f32,
}

/// The alignment of two texts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    pub units: Vec<Unit>,
}

/// One side of an alignment problem.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    pub lang: Lang,
    /// Sentences to leave out of matching (boilerplate); same length as `sentences`, or empty.
    pub skip: &'a [bool],
}

impl Side<'_> {
    fn skipped(&self, i: usize) -> bool {
        self.skip.get(i).copied().unwrap_or(false)
    }
}

/// Align the sentences of `a` with those of `b`.
///
/// Placeholder: greedy one-to-one matching on word-set overlap.
#[allow(clippy::needless_range_loop)]
pub fn align(a: &Side, b: &Side) -> Alignment {
    use std::collections::HashSet;
    let words = |side: &Side, i: usize| -> HashSet<String> {
        side.sentences[i]
            .slice(side.text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let wa: Vec<_> = (0..a.sentences.len()).map(|i| words(a, i)).collect();
    let wb: Vec<_> = (0..b.sentences.len()).map(|j| words(b, j)).collect();
    let mut pairs = Vec::new();
    for i in 0..wa.len() {
        for j in 0..wb.len() {
            if a.skipped(i) || b.skipped(j) {
                continue;
            }
            let inter = wa[i].intersection(&wb[j]).count() as f32;
            let union = wa[i].union(&wb[j]).count().max(1) as f32;
            let s = inter / union;
            if s >= 0.25 {
                pairs.push((s, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut ma = vec![None; wa.len()];
    let mut mb = vec![None; wb.len()];
    for (s, i, j) in pairs {
        if ma[i].is_none() && mb[j].is_none() {
            ma[i] = Some((j, s));
            mb[j] = Some(i);
        }
    }
    let mut units = Vec::new();
    let mut next_b = 0;
    for (i, m) in ma.iter().enumerate() {
        match *m {
            None => units.push(Unit {
                a: vec![i],
                b: vec![],
                kind: UnitKind::OnlyA,
                score: 0.0,
            }),
            Some((j, s)) => {
                let moved = j < next_b;
                if !moved {
                    while next_b < j {
                        if mb[next_b].is_none() {
                            units.push(Unit {
                                a: vec![],
                                b: vec![next_b],
                                kind: UnitKind::OnlyB,
                                score: 0.0,
                            });
                        }
                        next_b += 1;
                    }
                    next_b = j + 1;
                }
                let kind = if moved {
                    UnitKind::Moved
                } else if s >= 0.999 {
                    UnitKind::Same
                } else {
                    UnitKind::Changed
                };
                units.push(Unit {
                    a: vec![i],
                    b: vec![j],
                    kind,
                    score: s,
                });
            }
        }
    }
    for j in next_b..wb.len() {
        if mb[j].is_none() {
            units.push(Unit {
                a: vec![],
                b: vec![j],
                kind: UnitKind::OnlyB,
                score: 0.0,
            });
        }
    }
    Alignment { units }
}
