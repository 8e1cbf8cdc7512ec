//! Sentence alignment: which sentences of A say the same thing as which of B.
//!
//! Produces units in display order: one-to-one, one-to-many, many-to-one,
//! unmatched on either side, and moved (out-of-order) matches.
//!
//! How it works (each step bounded, so book-length texts align in well under a second):
//! 1. **Features** ([`features`]): per sentence, IDF-weighted Snowball stems (truncations
//!    without a stemmer; number words as digits; a time of day, in digits or words, as one
//!    value ([`crate::text::clock`]); English synonyms of a WordNet class as one
//!    stem, [`crate::text::synonyms`]; Chinese, Japanese and Korean characters one by one
//!    and two by two) and character 3-grams; similarity is a weighted sum of
//!    the two cosines, in `0..=1`.
//!    Each side's tokens can be prepared once ([`prepare`]) and kept for every pair it is part
//!    of ([`align_prepared`]).
//! 2. **Candidates** ([`candidates`]): small problems compare every pair; large ones look up
//!    each sentence's rarest features in an inverted index of the other side (common features
//!    are never looked up) and keep the best few.
//! 3. **Chain** ([`chain`]): a sparse dynamic programme picks the heaviest monotone chain of
//!    1:1 matches (weight = similarity − threshold). The gaps between chained matches are then
//!    compared (exhaustively when small, along a band around their diagonal when large) and
//!    the chain recomputed; next to each chained match, merging in a neighbour the chain left
//!    out gives 1:2 / 2:1 items, kept when the merge beats every single pair in it by a
//!    margin. Finally each gap *between two matches* gets its own chain at the lower context
//!    threshold: the neighbours are evidence. A square gap (as many sentences on each side)
//!    gets half that threshold: equal runs between two anchors are most often
//!    sentence-for-sentence renderings. The opening gap (before the first match of both
//!    texts) gets `lead_threshold`, between the two: reports of one event open alike; but a
//!    pair there weaker than `moved_threshold` is left alone when either sentence has a
//!    stronger free match (≥ `moved_threshold`) outside the gap, which step 4 then takes
//!    (one outlet opens with what the other reports further down). The closing gap gets
//!    nothing.
//!    A heading (a short line ending in a letter or digit) opposite a body sentence needs the
//!    full threshold here and below: lower thresholds are for sentences of the same kind. In
//!    the chain such a pair also weighs `HEADING_BODY_PENALTY` less (a headline that sums up
//!    the other's lede must not take it from its own lede), and no merge (here, in step 5 or
//!    in step 6) puts a heading and a body sentence on one side of a unit.
//! 4. **Leftovers**: pairs of unmatched sentences that are strong (≥ `moved_threshold`), or
//!    each other's best match (≥ `mutual_threshold`; ≥ `related_mutual_threshold` once the
//!    texts share [`RELATED_MATCHES`] matches at the full threshold, evidence that they report
//!    one event), are matched, strongest first. One that
//!    fits between the in-order matches around it stays in order; the others are `Moved`.
//!    Cross-outlet paraphrases often score only 0.2–0.3, but as each other's best match.
//! 5. **Anchored n:m**: a free sentence next to a unit that is a match in its own right
//!    (≥ `threshold`) joins it when it shares with the unit's other side a stem found in no
//!    other sentence of either text (a number, a name, a rare word) and the unit's similarity
//!    drops by at most `MERGE_DROP` — how one outlet's "almost
//!    20 nations are participating" joins the sentence before it opposite another's "… officers
//!    from over 20 countries …". Units grow up to `MERGE_MAX` sentences, on one side only: a
//!    unit is one sentence opposite one or more (as 1:2 and 2:1 chain items are), never two
//!    opposite two, which would link each sentence with a neighbour's counterpart too.
//! 6. **Merges that raise the similarity**: a free sentence next to any unit joins it when
//!    the merged unit is at least `merge_margin` more similar than both the unit and the
//!    sentence's best single pair with it (and at least `mutual_threshold`): the sentence
//!    holds what the unit's other side says beyond the unit's own sentence, as when one
//!    outlet's "the building had a demolition order" and "its owner added three floors" are
//!    one sentence of another's. Unlike step 5 it needs no shared rare word, and it applies
//!    to units matched on context too, which step 5 leaves alone.
//! 7. **Display order**: A's reading order, with B-only sentences inserted where they fall in
//!    B's order: right after the in-order match that precedes them in B, else just before
//!    the first in-order match that follows them in B.

mod candidates;
mod chain;
pub mod eval;
mod features;
mod sims;

pub use features::{DocFreq, Prepared};

use crate::text::{Lang, Span};
use chain::Item;
use features::{Features, SentVec, SideIn};
use serde::{Deserialize, Serialize};
use sims::Sims;
use std::sync::Arc;

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
    /// Whether sentence `i` is marked as boilerplate (never matched).
    pub fn skipped(&self, i: usize) -> bool {
        self.skip.get(i).copied().unwrap_or(false)
    }
}

/// Tuning of [`align_with`]. The defaults were tuned on the Bible pair (KJV/BBE verses),
/// ECB+ news clusters and their hard negatives; see `tests/eval_*.rs`.
#[derive(Clone, Copy, Debug)]
pub struct AlignOptions<'c> {
    /// Corpus-wide document frequencies: stems common in the corpus weigh less.
    pub doc_freq: Option<&'c DocFreq>,
    /// Minimum similarity for an in-order match.
    pub threshold: f32,
    /// Minimum similarity for an out-of-order (moved) match.
    pub moved_threshold: f32,
    /// How much a 1:2 or 2:1 merge must beat the best 1:1 match it replaces.
    pub merge_margin: f32,
    /// Weight of the stem cosine in the similarity (the character 3-gram cosine gets the rest).
    pub stem_weight: f32,
    /// Minimum similarity for a match inside a small gap between two matches.
    pub context_threshold: f32,
    /// Minimum similarity for a leftover pair that is each other's best match (mutual best),
    /// in or out of reading order.
    pub mutual_threshold: f32,
    /// [`Self::mutual_threshold`] when the two texts already share [`RELATED_MATCHES`] matches
    /// at the full threshold: evidence that they report one event, whose paraphrases of each
    /// other often score below 0.2.
    pub related_mutual_threshold: f32,
    /// Minimum similarity for a match before the first match of both texts: two reports of one
    /// event open alike, so the openings are weak evidence (weaker than two matches around a
    /// gap).
    pub lead_threshold: f32,
}

impl Default for AlignOptions<'_> {
    fn default() -> Self {
        AlignOptions {
            doc_freq: None,
            threshold: 0.3,
            moved_threshold: 0.3,
            merge_margin: 0.05,
            stem_weight: 0.6,
            context_threshold: 0.12,
            mutual_threshold: 0.22,
            related_mutual_threshold: 0.16,
            lead_threshold: 0.14,
        }
    }
}

/// Matches at the full threshold after which two texts count as reports of one event (see
/// [`AlignOptions::related_mutual_threshold`]). With two, mutual-best pairs at 0.16 raised the
/// multilingual gold F1 0.717 -> 0.751 and ECB+ 0.698 -> 0.711 while the ECB+ hard negatives
/// (similar but different events) stayed at 0.037 of their sentences matched; without the
/// condition, the same threshold let them rise to 0.089.
pub const RELATED_MATCHES: usize = 2;
/// Gaps between chained matches up to this many sentence pairs are compared exhaustively
/// (larger ones along a band around their diagonal).
const GAP_PAIRS: usize = 400;
/// Half-width of the band compared in gaps too large to compare exhaustively.
const BAND: u64 = 1;
/// An anchored merge may lower the similarity of its unit by at most this much.
const MERGE_DROP: f32 = 0.1;
/// A square gap (as many sentences on each side) between two matches needs only this share of
/// the context threshold: between two anchors, equal runs are most often sentence-for-sentence
/// renderings (Bible KJV–BBE verse F1 0.975 → 0.982; the news gold unchanged).
const SQUARE_GAP: f32 = 0.5;
/// In the chain, a heading opposite a body sentence weighs this much less than its
/// similarity says, so it enters the chain only this much above the threshold (the gaps
/// between matches, step 4, still take it at the threshold). A headline sums up the other report's lede in few words, so it often
/// scores higher with that lede than the lede's own counterpart does ("Bus with pilgrims
/// overturns in Muriaé, seven dead" / "A bus with pilgrims overturned … in Muriaé … and
/// left eight dead"); the body sentence should have it. (0.05 to 0.2 give the same gold
/// scores: multilingual 0.780 -> 0.791, the rest unchanged.)
const HEADING_BODY_PENALTY: f32 = 0.1;
/// Units grow by anchored merges up to this many sentences (both sides together).
const MERGE_MAX: usize = 4;
/// Each single pair inside a merge must be at least this similar.
const MERGE_SEED: f32 = 0.12;
/// The candidate search (see `candidates`).
const CANDIDATES: candidates::Params = candidates::Params {
    k: 2,
    features: 8,
    budget: 200,
};

/// The similarity the aligner uses, for inspecting and evaluating it: built once for a pair
/// of sides, then asked for any sentence runs.
pub struct Similarity {
    f: Features,
}

impl Similarity {
    /// Features of both sides (as [`align_with`] builds them).
    pub fn new(a: &Side, b: &Side, opts: &AlignOptions) -> Similarity {
        Similarity {
            f: Features::build(
                &SideIn {
                    text: a.text,
                    sentences: a.sentences,
                    lang: a.lang,
                    skip: a.skip,
                },
                &SideIn {
                    text: b.text,
                    sentences: b.sentences,
                    lang: b.lang,
                    skip: b.skip,
                },
                opts.doc_freq,
                opts.stem_weight,
            ),
        }
    }

    /// Similarity in `0..=1` of A's sentences `ia` with B's `ib` (`None`: a sentence is
    /// skipped, has no words, or is out of range).
    pub fn sim(&self, ia: &[usize], ib: &[usize]) -> Option<f32> {
        self.f.sim(ia, ib)
    }
}

/// Align the sentences of `a` with those of `b` with the default options.
///
/// Every sentence index of each side appears in exactly one unit. Sentences marked in `skip`,
/// and sentences without a word (e.g. empty lines), are never matched: they come out as
/// `OnlyA`/`OnlyB` units in their place.
pub fn align(a: &Side, b: &Side) -> Alignment {
    align_with(a, b, &AlignOptions::default())
}

/// Align the sentences of `a` with those of `b` (see the module doc for the method).
pub fn align_with(a: &Side, b: &Side, opts: &AlignOptions) -> Alignment {
    let par = a.text.len() + b.text.len() >= features::PARALLEL_BYTES;
    let (pa, pb) = crate::par::both(par, || prepare(a), || prepare(b));
    align_prepared(a, Arc::new(pa), b, Arc::new(pb), opts)
}

/// What aligning needs from one side alone (its tokens, stems and 3-grams), to keep with a
/// text and reuse for every pair it is part of (see [`align_prepared`]).
pub fn prepare(side: &Side) -> Prepared {
    Prepared::new(&SideIn {
        text: side.text,
        sentences: side.sentences,
        lang: side.lang,
        skip: side.skip,
    })
}

/// [`align_with`] with each side already prepared (`pa` by [`prepare`] from `a`, `pb` from
/// `b`): the same alignment.
pub fn align_prepared(
    a: &Side,
    pa: Arc<Prepared>,
    b: &Side,
    pb: Arc<Prepared>,
    opts: &AlignOptions,
) -> Alignment {
    assert!(
        pa.sentences() == a.sentences.len() && pb.sentences() == b.sentences.len(),
        "a side prepared from another text"
    );
    let f = Features::from_prepared(pa, pb, opts.doc_freq, opts.stem_weight);
    let (na, nb) = (a.sentences.len(), b.sentences.len());
    let t = opts.threshold;
    // A heading opposite a body sentence needs the full threshold: lower ones are for
    // sentences (or headings) that say the same kind of thing.
    let headings = |s: &Side| -> Vec<bool> {
        s.sentences
            .iter()
            .map(|sp| is_heading(s.text, sp))
            .collect()
    };
    let (head_a, head_b) = (headings(a), headings(b));

    let one = |i: u32, j: u32, s: f32| Item {
        a0: i,
        a1: i,
        b0: j,
        b1: j,
        weight: (s
            - t
            - if head_a[i as usize] != head_b[j as usize] {
                HEADING_BODY_PENALTY
            } else {
                0.0
            }) as f64,
        sim: s,
    };

    // 1. Candidates and the first chain of 1:1 matches.
    let mut items: Vec<Item> = Vec::new();
    // (every pair when there are few: scored feature by feature, which reads far less)
    let scored = if candidates::exhaustive(&f) {
        f.sim_all()
    } else {
        par_sims(&f, &candidates::candidates(&f, CANDIDATES))
    };
    for &(i, j, s) in &scored {
        if s >= t {
            items.push(one(i, j, s));
        }
    }
    let mut sims = Sims::new(scored, na);
    let mut chosen = chain::best_chain(&items, nb);

    // 2. Compare small gaps between chained matches exhaustively, then chain again.
    let before = items.len();
    let fresh: Vec<(u32, u32)> = gaps(&items, &chosen, na, nb)
        .into_iter()
        .flat_map(|(pa, a0, pb, b0)| gap_pairs(pa, a0, pb, b0))
        .filter(|&(i, j)| !sims.contains(i, j))
        .collect();
    let scored = par_sims(&f, &fresh);
    for &(i, j, s) in &scored {
        if s >= t {
            items.push(one(i, j, s));
        }
    }
    sims.extend(scored, na);
    if items.len() > before {
        chosen = chain::best_chain(&items, nb);
    }

    // 3. n:m: next to each chained match, try merging in a neighbour the chain left out.
    let mut covered_a = vec![false; na];
    let mut covered_b = vec![false; nb];
    for &k in &chosen {
        covered_a[items[k].a0 as usize] = true;
        covered_b[items[k].b0 as usize] = true;
    }
    let before = items.len();
    for &k in &chosen.clone() {
        let Item { a0: i, b0: j, .. } = items[k];
        let (i, j) = (i as i64, j as i64);
        for (a0, a1, b0, b1, free) in [
            (i, i, j - 1, j, j - 1),
            (i, i, j, j + 1, j + 1),
            (i - 1, i, j, j, -(i - 1) - 2),
            (i, i + 1, j, j, -(i + 1) - 2),
        ] {
            if a0 < 0 || b0 < 0 || a1 >= na as i64 || b1 >= nb as i64 {
                continue;
            }
            let taken = if free >= 0 {
                covered_b[free as usize]
            } else {
                covered_a[(-free - 2) as usize]
            };
            if taken {
                continue;
            }
            // (a heading and a body sentence never make one side of a unit)
            let mixed = |h: &[bool], x0: i64, x1: i64| h[x0 as usize] != h[x1 as usize];
            if mixed(&head_a, a0, a1) || mixed(&head_b, b0, b1) {
                continue;
            }
            let penalty = if head_a[a0 as usize] != head_b[b0 as usize] {
                HEADING_BODY_PENALTY
            } else {
                0.0
            };
            if let Some(m) = merge_item(&f, opts, &sims, (a0, a1, b0, b1), penalty) {
                items.push(m);
            }
        }
    }
    if items.len() > before {
        chosen = chain::best_chain(&items, nb);
    }

    let mixed = |i: u32, j: u32| head_a[i as usize] != head_b[j as usize];

    // 4. Gaps between two matches: the neighbours are evidence, so small gaps get their own
    //    chain at the lower context threshold (lower still for square gaps; the opening gap at
    //    the lead threshold, the closing gap not at all).
    let mut extra: Vec<Item> = Vec::new();
    let mut local: Vec<Item> = Vec::new();
    for (pa, a0, pb, b0) in gaps(&items, &chosen, na, nb) {
        let at_end = a0 as usize == na && b0 as usize == nb;
        let lead = pa == 0 && pb == 0;
        let gb = (b0 - pb) as usize;
        if at_end || a0 == pa || gb == 0 {
            continue;
        }
        local.clear();
        // (only the opening gap needs each sentence's best free match: see `outbid`)
        let free = lead.then(|| free_best(&sims, &items, &chosen, na, nb));
        let base = if lead {
            opts.lead_threshold
        } else if (a0 - pa) as usize == gb {
            opts.context_threshold * SQUARE_GAP
        } else {
            opts.context_threshold
        };
        for (i, j) in gap_pairs(pa, a0, pb, b0) {
            let s = sims
                .get(i, j)
                .or_else(|| f.sim(&[i as usize], &[j as usize]));
            let floor = if mixed(i, j) { t } else { base };
            // In the opening gap, a weak pair gives way to a strong free match of either
            // sentence outside the gap (taken among the leftovers). (In every gap, the same
            // rule cost Bible F1 0.982 -> 0.978: repeated verses have strong matches afar.)
            let outbid = |s: f32| {
                let beats = |(x, k): (f32, u32), lo: u32, hi: u32| {
                    x > s && x >= opts.moved_threshold && !(lo..hi).contains(&k)
                };
                free.as_ref().is_some_and(|(free_a, free_b)| {
                    s < opts.moved_threshold
                        && (beats(free_a[i as usize], pb, b0) || beats(free_b[j as usize], pa, a0))
                })
            };
            if let Some(s) = s.filter(|&s| s >= floor && !outbid(s)) {
                local.push(Item {
                    a0: i - pa,
                    a1: i - pa,
                    b0: j - pb,
                    b1: j - pb,
                    weight: (s - base) as f64,
                    sim: s,
                });
            }
        }
        for k in chain::best_chain(&local, gb) {
            let it = local[k];
            extra.push(one(it.a0 + pa, it.b0 + pb, it.sim));
        }
    }
    for it in extra {
        chosen.push(items.len());
        items.push(it);
    }
    chosen.sort_by_key(|&k| (items[k].a0, items[k].b0));

    // Units of the chain.
    let mut unit_of_a: Vec<Option<usize>> = vec![None; na];
    let mut b_used = vec![false; nb];
    let mut units: Vec<Unit> = Vec::new();
    let mut in_order: Vec<bool> = Vec::new();
    for &k in &chosen {
        let it = items[k];
        let ua: Vec<usize> = (it.a0 as usize..=it.a1 as usize).collect();
        let ub: Vec<usize> = (it.b0 as usize..=it.b1 as usize).collect();
        for &i in &ua {
            unit_of_a[i] = Some(units.len());
        }
        for &j in &ub {
            b_used[j] = true;
        }
        units.push(matched(&f, ua, ub, it.sim, true));
        in_order.push(true);
    }

    // Each sentence's best similarity over the pairs compared.
    let (best_a, best_b) = free_best(&sims, &items, &[], na, nb);

    // Leftovers: strong pairs, and pairs that are each other's best match, strongest first.
    // One that fits between the in-order matches around it is in order; the rest are moved.
    // (lower once the texts share enough strong matches to be reports of one event)
    let related = units.iter().filter(|u| u.score >= t).count() >= RELATED_MATCHES;
    let mutual_t = if related {
        opts.related_mutual_threshold.min(opts.mutual_threshold)
    } else {
        opts.mutual_threshold
    };
    let mut left: Vec<(u32, u32, f32)> = sims
        .iter()
        .filter(|&(i, j, s)| {
            let (i, j) = (i as usize, j as usize);
            let mutual =
                s >= mutual_t && s >= best_a[i].0 && s >= best_b[j].0 && head_a[i] == head_b[j];
            (s >= opts.moved_threshold || mutual) && unit_of_a[i].is_none() && !b_used[j]
        })
        .collect();
    left.sort_unstable_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut order: std::collections::BTreeMap<usize, (usize, usize)> = units
        .iter()
        .map(|u| (u.a[0], (u.b[0], u.b[u.b.len() - 1])))
        .collect();
    for (i, j, s) in left {
        let (i, j) = (i as usize, j as usize);
        if unit_of_a[i].is_some() || b_used[j] {
            continue;
        }
        let after = order
            .range(..i)
            .next_back()
            .is_none_or(|(_, &(_, b1))| b1 < j);
        let before = order
            .range(i + 1..)
            .next()
            .is_none_or(|(_, &(b0, _))| j < b0);
        let fits = after && before;
        if fits {
            order.insert(i, (j, j));
        }
        unit_of_a[i] = Some(units.len());
        b_used[j] = true;
        units.push(matched(&f, vec![i], vec![j], s, fits));
        in_order.push(fits);
    }

    // 5. Anchored n:m: a free sentence next to a unit joins it when it shares with the unit's
    //    other side a word found nowhere else in either text (a number, a name, a rare word),
    //    and the unit stays about as similar. One outlet often splits into two sentences what
    //    another says in one, with little else in common. Only a unit that is a match in its
    //    own right (at least the in-order threshold) grows: a weaker one, matched on context,
    //    is too unsure to pull in its neighbours on one shared name (seed gold P 0.72 → 0.78,
    //    ECB+ hard negatives 3.8% → 3.6%).
    for unit in &mut units {
        while unit.score >= opts.threshold
            && let Some((side_a, x)) =
                anchored_neighbour(&f, unit, (&unit_of_a, &b_used), (&head_a, &head_b))
        {
            let (mut ua, mut ub) = (unit.a.clone(), unit.b.clone());
            let run = if side_a { &mut ua } else { &mut ub };
            run.push(x);
            run.sort_unstable();
            let Some(m) = f.sim(&ua, &ub) else { break };
            if m + MERGE_DROP < unit.score.min(1.0) || m < opts.context_threshold {
                break;
            }
            if side_a {
                unit_of_a[x] = unit_of_a[unit.a[0]];
            } else {
                b_used[x] = true;
            }
            (unit.a, unit.b, unit.score) = (ua, ub, m);
            if unit.kind == UnitKind::Same {
                unit.kind = UnitKind::Changed;
            }
        }
    }

    // 6. Merges that raise the similarity: a free sentence next to any unit joins it when the
    //    merged unit is clearly more similar than the unit or the new sentence alone. The
    //    sentence carries the part of the other side's content the unit lacked.
    for unit in &mut units {
        while let Some((side_a, x, m)) =
            similarity_raising_neighbour(&f, opts, unit, (&unit_of_a, &b_used), (&head_a, &head_b))
        {
            if side_a {
                unit_of_a[x] = unit_of_a[unit.a[0]];
                unit.a.push(x);
                unit.a.sort_unstable();
            } else {
                unit.b.push(x);
                unit.b.sort_unstable();
                b_used[x] = true;
            }
            unit.score = m;
            if unit.kind == UnitKind::Same {
                unit.kind = UnitKind::Changed;
            }
        }
    }

    Alignment {
        units: display_order(units, &in_order, &unit_of_a, &b_used, nb),
    }
}

/// Of the sentences `unit` may grow by ([`growth_candidates`]), the one whose merge raises
/// the similarity most, if any does by `merge_margin` over both the unit's own and the best
/// single pair of the new sentence with the unit's other side, to at least the mutual-best bar
/// (`(on side A, index, merged similarity)`). Each single pair of the new sentence with the
/// other side must be at least `MERGE_SEED` similar (as in the chain's 1:2 merges).
fn similarity_raising_neighbour(
    f: &Features,
    opts: &AlignOptions,
    unit: &Unit,
    (unit_of_a, b_used): (&[Option<usize>], &[bool]),
    (head_a, head_b): (&[bool], &[bool]),
) -> Option<(bool, usize, f32)> {
    let (next_a, next_b) = growth_candidates(f, unit, (unit_of_a, b_used), (head_a, head_b));
    let candidates = (next_a.into_iter().flatten().map(|x| (true, x)))
        .chain(next_b.into_iter().flatten().map(|x| (false, x)));
    let mut best: Option<(bool, usize, f32)> = None;
    for (side_a, x) in candidates {
        let (mut ua, mut ub) = (unit.a.clone(), unit.b.clone());
        let singles: Vec<f32> = if side_a {
            ub.iter().filter_map(|&j| f.sim(&[x], &[j])).collect()
        } else {
            ua.iter().filter_map(|&i| f.sim(&[i], &[x])).collect()
        };
        if singles.is_empty() || singles.iter().any(|&s| s < MERGE_SEED) {
            continue;
        }
        let single = singles.iter().copied().fold(0.0, f32::max);
        let run = if side_a { &mut ua } else { &mut ub };
        run.push(x);
        run.sort_unstable();
        let Some(m) = f.sim(&ua, &ub) else { continue };
        if m >= unit.score.min(1.0).max(single) + opts.merge_margin
            && m >= opts.mutual_threshold
            && best.is_none_or(|(_, _, b)| m > b)
        {
            best = Some((side_a, x, m));
        }
    }
    best
}

/// Of the sentences `unit` may grow by ([`growth_candidates`]; B's first), the first that
/// shares with the unit's other side a stem occurring in exactly two sentences of the pair:
/// `(on side A, index)`.
fn anchored_neighbour(
    f: &Features,
    unit: &Unit,
    (unit_of_a, b_used): (&[Option<usize>], &[bool]),
    (head_a, head_b): (&[bool], &[bool]),
) -> Option<(bool, usize)> {
    let shares = |x: &SentVec, run: &[usize], other: &[Option<SentVec>]| {
        run.iter().filter_map(|&k| other.get(k)?.as_ref()).any(|o| {
            x.stems
                .iter()
                .filter(|&&(id, _)| f.stem_df[id as usize] == 2)
                .any(|&(id, _)| o.stems.binary_search_by_key(&id, |&(k, _)| k).is_ok())
        })
    };
    let (next_a, next_b) = growth_candidates(f, unit, (unit_of_a, b_used), (head_a, head_b));
    for x in next_b.into_iter().flatten() {
        if let Some(Some(v)) = f.b.get(x)
            && shares(v, &unit.a, &f.a)
        {
            return Some((false, x));
        }
    }
    for x in next_a.into_iter().flatten() {
        if let Some(Some(v)) = f.a.get(x)
            && shares(v, &unit.b, &f.b)
        {
            return Some((true, x));
        }
    }
    None
}

/// The sentences `unit` may grow by (steps 5 and 6), `(A's, B's)`, each the one right before
/// and the one right after the unit's run: free, with features, and a heading if the run's
/// sentences are. Only the side opposite a single sentence grows (a unit is one sentence
/// opposite one or more), and no side once the unit holds `MERGE_MAX` sentences.
fn growth_candidates(
    f: &Features,
    unit: &Unit,
    (unit_of_a, b_used): (&[Option<usize>], &[bool]),
    (head_a, head_b): (&[bool], &[bool]),
) -> ([Option<usize>; 2], [Option<usize>; 2]) {
    if unit.a.is_empty() || unit.b.is_empty() || unit.a.len() + unit.b.len() >= MERGE_MAX {
        return ([None; 2], [None; 2]);
    }
    let next = |run: &[usize],
                grows: bool,
                feats: &[Option<SentVec>],
                free: &dyn Fn(usize) -> bool,
                head: &[bool]| {
        [run[0].checked_sub(1), Some(run[run.len() - 1] + 1)].map(|x| {
            x.filter(|&x| {
                grows && matches!(feats.get(x), Some(Some(_))) && free(x) && head[x] == head[run[0]]
            })
        })
    };
    (
        next(
            &unit.a,
            unit.b.len() == 1,
            &f.a,
            &|x| unit_of_a[x].is_none(),
            head_a,
        ),
        next(&unit.b, unit.a.len() == 1, &f.b, &|x| !b_used[x], head_b),
    )
}

/// A matched unit: `Same` when the words are the same (score 1), else `Changed` with the
/// similarity as its score, or `Moved` when it is out of reading order.
fn matched(f: &Features, a: Vec<usize>, b: Vec<usize>, sim: f32, in_order: bool) -> Unit {
    let kind = if !in_order {
        UnitKind::Moved
    } else if same_words(f, &a, &b) {
        UnitKind::Same
    } else {
        UnitKind::Changed
    };
    let score = if kind == UnitKind::Same {
        1.0
    } else {
        sim.clamp(0.0, 1.0)
    };
    Unit { a, b, kind, score }
}

/// Whether a sentence looks like a heading: a short line that ends in a letter or digit
/// (no closing punctuation).
fn is_heading(text: &str, sp: &Span) -> bool {
    let t = text.get(sp.start..sp.end).unwrap_or("").trim_end();
    t.chars().next_back().is_some_and(char::is_alphanumeric) && t.split_whitespace().count() <= 14
}

/// Per sentence of one side: its best similarity and the sentence of the other side it is with.
type BestFree = Vec<(f32, u32)>;

/// The best similarity of each sentence over the compared pairs whose other sentence no
/// chosen item covers, and that other sentence (`(0, 0)` without one). With nothing
/// chosen: each sentence's best over all the pairs compared.
fn free_best(
    sims: &Sims,
    items: &[Item],
    chosen: &[usize],
    na: usize,
    nb: usize,
) -> (BestFree, BestFree) {
    let (mut cov_a, mut cov_b) = (vec![false; na], vec![false; nb]);
    for &k in chosen {
        let it = items[k];
        cov_a[it.a0 as usize..=it.a1 as usize].fill(true);
        cov_b[it.b0 as usize..=it.b1 as usize].fill(true);
    }
    let (mut best_a, mut best_b) = (vec![(0f32, 0); na], vec![(0f32, 0); nb]);
    for (i, j, s) in sims.iter() {
        if !cov_b[j as usize] && s > best_a[i as usize].0 {
            best_a[i as usize] = (s, j);
        }
        if !cov_a[i as usize] && s > best_b[j as usize].0 {
            best_b[j as usize] = (s, i);
        }
    }
    (best_a, best_b)
}

/// Similarities of the 1:1 pairs, on two threads when there are many.
fn par_sims(f: &Features, pairs: &[(u32, u32)]) -> Vec<(u32, u32, f32)> {
    let run = |part: &[(u32, u32)]| -> Vec<(u32, u32, f32)> { f.sim_pairs(part) };
    // (a fork is worth it from some tens of pairs where it is cheap, from tens of thousands
    // elsewhere)
    let at_least = if crate::par::cheap_forks() {
        64
    } else {
        20_000
    };
    crate::par::halves(pairs.len() >= at_least, pairs, run)
}

/// A 1:2 or 2:1 item over `(a0, a1, b0, b1)` if it beats every single pair inside it by the
/// merge margin and both parts share content with the whole; its chain weight less `penalty`
/// (a heading opposite body sentences: [`HEADING_BODY_PENALTY`]).
fn merge_item(
    f: &Features,
    opts: &AlignOptions,
    sims: &Sims,
    (a0, a1, b0, b1): (i64, i64, i64, i64),
    penalty: f32,
) -> Option<Item> {
    let ia: Vec<usize> = (a0 as usize..=a1 as usize).collect();
    let ib: Vec<usize> = (b0 as usize..=b1 as usize).collect();
    let mut single = 0f32;
    let mut weakest = 1f32;
    for &x in &ia {
        for &y in &ib {
            let s = match sims.get(x as u32, y as u32) {
                Some(s) => s,
                None => f.sim(&[x], &[y])?,
            };
            single = single.max(s);
            weakest = weakest.min(s);
        }
    }
    if weakest < MERGE_SEED {
        return None;
    }
    let m = f.sim(&ia, &ib)?;
    let w = m - opts.threshold - opts.merge_margin - penalty;
    (m >= single + opts.merge_margin && w > 0.0).then_some(Item {
        a0: a0 as u32,
        a1: a1 as u32,
        b0: b0 as u32,
        b1: b1 as u32,
        weight: w as f64,
        sim: m,
    })
}

/// The pairs of a gap worth comparing: all of them when the gap is small, else a band of
/// `2 × BAND + 1` around the gap's diagonal (bounded work per sentence on long texts).
fn gap_pairs(pa: u32, a0: u32, pb: u32, b0: u32) -> impl Iterator<Item = (u32, u32)> {
    let (ga, gb) = ((a0 - pa) as u64, (b0 - pb) as u64);
    let small = (ga * gb) as usize <= GAP_PAIRS;
    (pa..a0).flat_map(move |i| {
        let (lo, hi) = if small {
            (pb, b0)
        } else {
            let centre = pb as u64 + ((i - pa) as u64 * gb + gb / 2) / ga.max(1);
            let lo = centre.saturating_sub(BAND).max(pb as u64);
            let hi = (centre + BAND + 1).min(b0 as u64);
            (lo as u32, hi as u32)
        };
        (lo..hi).map(move |j| (i, j))
    })
}

/// The gaps around the chained items: `(a_start, a_end, b_start, b_end)` (half-open), from
/// the start of both texts to the end, including empty ones.
fn gaps(items: &[Item], chosen: &[usize], na: usize, nb: usize) -> Vec<(u32, u32, u32, u32)> {
    let mut out = Vec::with_capacity(chosen.len() + 1);
    let (mut pa, mut pb) = (0u32, 0u32);
    for &k in chosen {
        let it = &items[k];
        out.push((pa, it.a0, pb, it.b0));
        pa = it.a1 + 1;
        pb = it.b1 + 1;
    }
    out.push((pa, na as u32, pb, nb as u32));
    out
}

/// Whether the normalised words of A's `ia` equal those of B's `ib`.
fn same_words(f: &Features, ia: &[usize], ib: &[usize]) -> bool {
    let wa = ia.iter().flat_map(|&i| f.norm_ids_a(i));
    let wb = ib.iter().flat_map(|&j| f.norm_ids_b(j));
    wa.eq(wb)
}

/// Put units in display order and add the unmatched sentences.
fn display_order(
    units: Vec<Unit>,
    in_order: &[bool],
    unit_of_a: &[Option<usize>],
    b_used: &[bool],
    nb: usize,
) -> Vec<Unit> {
    let mut slots: Vec<Option<Unit>> = units.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(unit_of_a.len() + nb);
    let mut next_b = 0usize;
    let only_b = |j: usize| Unit {
        a: vec![],
        b: vec![j],
        kind: UnitKind::OnlyB,
        score: 0.0,
    };
    for (i, u) in unit_of_a.iter().enumerate() {
        match *u {
            None => out.push(Unit {
                a: vec![i],
                b: vec![],
                kind: UnitKind::OnlyA,
                score: 0.0,
            }),
            Some(k) => {
                let Some(unit) = slots[k].take() else {
                    continue; // a later sentence of a 2:1 unit
                };
                if in_order[k] {
                    let b0 = unit.b[0];
                    while next_b < b0 {
                        if !b_used[next_b] {
                            out.push(only_b(next_b));
                        }
                        next_b += 1;
                    }
                    next_b = next_b.max(unit.b[unit.b.len() - 1] + 1);
                    out.push(unit);
                    // B-only sentences that follow this match in B come right after it.
                    while next_b < nb && !b_used[next_b] {
                        out.push(only_b(next_b));
                        next_b += 1;
                    }
                    continue;
                }
                out.push(unit);
            }
        }
    }
    for (j, &used) in b_used.iter().enumerate().skip(next_b) {
        if !used {
            out.push(only_b(j));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One sentence per line.
    fn lines(t: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for l in t.split_inclusive('\n') {
            out.push(Span::new(start, start + l.trim_end().len()));
            start += l.len();
        }
        out
    }

    fn side<'a>(text: &'a str, sentences: &'a [Span]) -> Side<'a> {
        Side {
            text,
            sentences,
            lang: Lang::English,
            skip: &[],
        }
    }

    fn run(a: &str, b: &str) -> Alignment {
        let (sa, sb) = (lines(a), lines(b));
        align(&side(a, &sa), &side(b, &sb))
    }

    fn unit_of(al: &Alignment, i: usize) -> &Unit {
        al.units.iter().find(|u| u.a.contains(&i)).expect("a unit")
    }

    #[test]
    fn a_lede_pairs_with_the_lede_not_with_the_headline_that_sums_it_up() {
        // A's headline is more similar to B's lede (0.51) than A's own lede is (0.43).
        let a = "Bus with pilgrims overturns on the BR-116 in Muriae, seven dead\n\
                 A bus carrying pilgrims from Feira de Santana to Aparecida overturned early on \
                 Sunday on the BR-116 in Muriae, in the Zona da Mata region.\n\
                 The driver lost control in a bend.";
        let b = "Tragedy on the Rio-Bahia: bus crash kills eight in Muriae\n\
                 A bus with pilgrims on its way to Aparecida overturned on the BR-116 in Muriae \
                 early on Sunday and left eight dead.\n\
                 The bus left the road in a bend.";
        let (sa, sb) = (lines(a), lines(b));
        let sim = Similarity::new(&side(a, &sa), &side(b, &sb), &AlignOptions::default());
        assert!(sim.sim(&[0], &[1]) > sim.sim(&[1], &[1]));
        let al = run(a, b);
        let u = unit_of(&al, 1);
        assert_eq!((&u.a, &u.b), (&vec![1], &vec![1]), "{:?}", al.units);
        // and the headline is not added to the ledes' unit either
        assert!(
            al.units
                .iter()
                .all(|u| !(u.a.contains(&0) && u.a.contains(&1)))
        );
    }

    #[test]
    fn one_time_of_day_in_two_forms_is_a_shared_word() {
        // "half past three" and "15:30" are one time (on a 12-hour clock); "16:45" another.
        // A's first sentence, against B's first (the same time) and second (another)
        let same_and_other = |a: &str, b: &str| {
            let (sa, sb) = (lines(a), lines(b));
            let sim = Similarity::new(&side(a, &sa), &side(b, &sb), &AlignOptions::default());
            (sim.sim(&[0], &[0]).unwrap(), sim.sim(&[0], &[1]).unwrap())
        };
        let (same, other) = same_and_other(
            "Residents heard the blast at half past three.\nThe roof fell in.",
            "Residents heard the blast at 15:30.\nResidents heard the blast at 16:45.",
        );
        assert!(same > other + 0.05, "{same} vs {other}");
        // "11pm" is one word with digits in it, and no other number in the sentence
        let (same, other) = same_and_other(
            "Residents heard the blast at 11pm.\nThe roof fell in.",
            "Residents heard the blast at 23:00.\nResidents heard the blast at 22:00.",
        );
        assert!(same > other + 0.05, "{same} vs {other}");
    }

    #[test]
    fn a_neighbour_that_raises_a_weak_units_similarity_joins_it() {
        // B says in one sentence what A says in two (the order, the halls), in other words:
        // each of A's sentences alone is a weak match of it (0.21, 0.23: below the in-order
        // threshold, so the anchored merge leaves the unit alone), the two together a clearly
        // better one (0.32).
        let a = "A fire destroyed a warehouse in the port district of Hamburg on Monday night.\n\
                 Firefighters needed six hours to bring the blaze under control.\n\
                 The building had been ordered demolished by the city in 2019.\n\
                 Its owner later added two storage halls without a permit.\n\
                 Police have opened an investigation into the cause of the fire.";
        let b = "A warehouse in Hamburg's port district burned down on Monday night.\n\
                 It took firefighters six hours to control the blaze.\n\
                 Local media reported that the city's 2019 demolition order for the building was \
                 never carried out, and that its owner put up two extra halls with no permit.\n\
                 Police are investigating what caused the fire.";
        let (sa, sb) = (lines(a), lines(b));
        let sim = Similarity::new(&side(a, &sa), &side(b, &sb), &AlignOptions::default());
        let single = |i| sim.sim(&[i], &[2]).expect("both sides have words");
        let t = AlignOptions::default().threshold;
        assert!(
            single(2) < t && single(3) < t,
            "{} {}",
            single(2),
            single(3)
        );
        let al = run(a, b);
        let u = unit_of(&al, 2);
        assert_eq!((&u.a, &u.b), (&vec![2, 3], &vec![2]), "{:?}", al.units);
        assert!(u.score > single(2).max(single(3)) + AlignOptions::default().merge_margin);
    }

    #[test]
    fn a_weak_mutual_best_pair_needs_two_strong_matches_around_it() {
        // The last sentences say the same thing in other words (similarity about 0.19): below
        // the mutual-best bar for texts that share nothing else, above the bar for texts that
        // already share two strong matches, as two reports of one event do.
        let weak_a = "The mayor finished the inspection two hours sooner than after the first storm in 2019.";
        let weak_b = "Back in 2019, clearing up after a storm took the city far longer.";
        let a = format!(
            "Heavy rain flooded the old quarter of Lisbon on Sunday night.\n\
             Firefighters rescued forty residents from flooded homes near the river.\n{weak_a}"
        );
        let b = format!(
            "Heavy rain flooded the old quarter of Lisbon on Sunday night.\n\
             Firefighters rescued forty residents from flooded homes near the river.\n{weak_b}"
        );
        let al = run(&a, &b);
        let u = unit_of(&al, 2);
        assert_eq!(u.b, vec![2], "{:?}", al.units);
        assert!(
            u.score < AlignOptions::default().mutual_threshold,
            "{}",
            u.score
        );

        let a = format!(
            "A new bakery opened on the main square last spring.\n\
             The football club signed a young goalkeeper from Porto.\n{weak_a}"
        );
        let b = format!(
            "Tickets for the summer concert sold out within a day.\n\
             A museum of modern art will open its doors in June.\n{weak_b}"
        );
        let al = run(&a, &b);
        assert!(
            al.units.iter().all(|u| u.a.is_empty() || u.b.is_empty()),
            "{:?}",
            al.units
        );
    }

    #[test]
    fn english_synonyms_match() {
        // The last sentences share no word but "the" and their meaning: "doctor" /
        // "physician", "helped" / "assisted", "children" / "kids" (the synonym classes of
        // `text::synonyms`). Without them the pair stays unmatched.
        let a = "Police closed the main road after a crash on Tuesday.\n\
                 Officials expect the road to reopen on Friday.\n\
                 The doctor helped the children.";
        let b = "Police closed the main road after a crash on Tuesday.\n\
                 Officials expect the road to reopen on Friday.\n\
                 A physician assisted the kids.";
        let al = run(a, b);
        let u = unit_of(&al, 2);
        assert_eq!(u.b, [2], "{al:?}");
        assert!(u.score >= 0.3, "{al:?}");
    }

    #[test]
    fn chinese_words_count_beyond_their_characters() {
        // B's two sentences have the same characters; only the first has A's words
        // (北京 大学 举行 会议: adjacent pairs). Read one character at a time they tie.
        let a = "北京大学举行会议。";
        let b = "会议在北京大学举行。\n行举京北议会学大在。";
        let (sa, sb) = (lines(a), lines(b));
        let side = |text, sentences| Side {
            text,
            sentences,
            lang: Lang::Unknown,
            skip: &[],
        };
        let sim = Similarity::new(&side(a, &sa), &side(b, &sb), &AlignOptions::default());
        let (words, scrambled) = (sim.sim(&[0], &[0]), sim.sim(&[0], &[1]));
        assert!(words > scrambled, "{words:?} vs {scrambled:?}");
    }

    #[test]
    fn headings_are_short_lines_without_closing_punctuation() {
        let t = "Major Obstacles to Peacekeeping Plans\nThe mission faces hurdles.\n\
                 He said:\nTalks continue, officials said\n20";
        let heads: Vec<bool> = lines(t).iter().map(|sp| is_heading(t, sp)).collect();
        assert_eq!(heads, [true, false, false, true, true]);
    }

    /// A lede (with `{n}` for how many countries) and the next sentence.
    const LEDE_A: &str = "Senior military officers from {n} countries of the coalition of the \
        willing met behind closed doors at the headquarters in Northwood on Thursday to plan a \
        peacekeeping mission for Ukraine after a ceasefire.\nThe navy will patrol the coast.\n";
    /// The same lede without the number, which follows in a sentence of its own.
    const LEDE_B: &str = "Senior military officers of the coalition of the willing met behind \
        closed doors at the headquarters in Northwood on Thursday to plan a peacekeeping mission \
        for Ukraine after a ceasefire.\nAlmost 20 nations take part.\n\
        The navy will patrol the coast.\n";

    #[test]
    fn a_neighbour_sharing_a_unique_number_joins_the_unit() {
        // B says in two sentences what A says in one; only "20" ties the second to A.
        let a = LEDE_A.replace("{n}", "over 20");
        let al = run(&a, LEDE_B);
        assert_eq!(unit_of(&al, 0).b, [0, 1], "{al:#?}");
        assert_eq!(unit_of(&al, 1).b, [2], "{al:#?}");
    }

    #[test]
    fn without_a_shared_unique_word_the_neighbour_stays_alone() {
        // ("allies": "nations" would be a synonym of A's "countries", see below)
        let a = LEDE_A.replace("{n}", "many");
        let al = run(&a, &LEDE_B.replace("nations", "allies"));
        assert_eq!(unit_of(&al, 0).b, [0], "{al:#?}");
        assert!(
            al.units.iter().any(|u| u.a.is_empty() && u.b == [1]),
            "{al:#?}"
        );
    }

    #[test]
    fn a_neighbour_sharing_a_unique_synonym_joins_the_unit() {
        // No number in A: B's "nations" is A's "countries" (one synonym class, one stem).
        let a = LEDE_A.replace("{n}", "many");
        let al = run(&a, LEDE_B);
        assert_eq!(unit_of(&al, 0).b, [0, 1], "{al:#?}");
    }

    #[test]
    fn a_square_gap_between_matches_pairs_weak_renderings() {
        // Two translations: verses 0 and 2 match well; verse 1 is rendered with few shared
        // words, below the context threshold. Between the two anchors, one sentence on each
        // side (a square gap), it still pairs.
        let a = "In the beginning God created the heaven and the earth.
                 And the earth was without form, and void; and darkness was upon the face of the deep.
                 And God said, Let there be light: and there was light.
";
        let b = "At the first God made the heaven and the earth.
                 Formless it lay, empty, a darkness covering its waters.
                 God said, Let there be light: and there was light.
";
        let (sa, sb) = (lines(a), lines(b));
        let opts = AlignOptions::default();
        let s = Similarity::new(&side(a, &sa), &side(b, &sb), &opts)
            .sim(&[1], &[1])
            .unwrap();
        assert!(
            s >= opts.context_threshold * SQUARE_GAP && s < opts.context_threshold,
            "similarity {s} is not in the band this test is about"
        );
        let al = run(a, b);
        assert_eq!(unit_of(&al, 0).b, [0], "{al:#?}");
        assert_eq!(unit_of(&al, 1).b, [1], "{al:#?}");
        assert_eq!(unit_of(&al, 2).b, [2], "{al:#?}");
    }

    #[test]
    fn mutual_best_paraphrases_match_even_below_the_chain_threshold() {
        // Reworded by another outlet: little shared wording, but each is the other's best match.
        let a = "Addressing reporters, Starmer underscored the commitment of the UK to its \
                 independent deterrent.\nThe weather in Barrow was cold and the town was quiet.\n\
                 The King granted the town a title.\n";
        let b = "The prime minister told reporters the Kremlin respected the nuclear arsenal of the \
                 UK because it has its own deterrent.\nFishing boats stayed in the harbour of the \
                 town.\nThe submarine returned to Scotland.\n";
        let (sa, sb) = (lines(a), lines(b));
        let opts = AlignOptions::default();
        let s = Similarity::new(&side(a, &sa), &side(b, &sb), &opts)
            .sim(&[0], &[0])
            .unwrap();
        assert!(
            s >= opts.mutual_threshold && s < opts.threshold,
            "similarity {s} is not in the band this test is about"
        );
        let al = run(a, b);
        assert_eq!(unit_of(&al, 0).b, [0], "{al:#?}");
        for i in 1..3 {
            assert!(unit_of(&al, i).b.is_empty(), "{al:#?}");
        }
    }

    #[test]
    fn a_weak_unit_does_not_pull_in_a_neighbour_on_one_shared_name() {
        // A0 and B1 are a weak paraphrase pair (each other's best match, below the in-order
        // threshold); B0, next to B1, shares with A0 only a name found nowhere else.
        let a = "Addressing reporters, Starmer underscored the commitment of the UK to its \
                 independent deterrent.\nThe weather in Barrow was cold and the town was quiet.\n\
                 The King granted the town a title.\n";
        let b = "Starmer will tour the shipyard on Friday with the local mayor.\n\
                 The prime minister told reporters the Kremlin respected the nuclear arsenal of the \
                 UK because it has its own deterrent.\nFishing boats stayed in the harbour of the \
                 town.\nThe submarine returned to Scotland.\n";
        let (sa, sb) = (lines(a), lines(b));
        let opts = AlignOptions::default();
        let sim = Similarity::new(&side(a, &sa), &side(b, &sb), &opts);
        let s = sim.sim(&[0], &[1]).unwrap();
        assert!(
            s >= opts.mutual_threshold && s < opts.threshold,
            "similarity {s} is not in the band this test is about"
        );
        // (the merge itself would pass the other tests: it barely lowers the similarity)
        let m = sim.sim(&[0], &[0, 1]).unwrap();
        assert!(m + MERGE_DROP >= s, "merged similarity {m} vs {s}");
        let al = run(a, b);
        assert_eq!(unit_of(&al, 0).b, [1], "{al:#?}");
        assert!(
            al.units.iter().any(|u| u.a.is_empty() && u.b == [0]),
            "{al:#?}"
        );
    }

    #[test]
    fn a_heading_is_not_matched_with_a_body_sentence_on_weak_evidence() {
        let a = "Starmer visits Barrow\nObstacles to Peacekeeping Plans\n";
        let b = "Starmer visits Barrow\nPlans for a peacekeeping force are moving to an operational \
                 phase, officials say.\n";
        let al = run(a, b);
        assert_eq!(unit_of(&al, 0).b, [0], "{al:#?}");
        assert!(unit_of(&al, 1).b.is_empty(), "{al:#?}");
    }

    #[test]
    fn an_opening_sentence_takes_its_strong_match_elsewhere_over_a_weak_one_in_the_lead() {
        // A opens with the power cuts; B opens with a summary that mentions them and reports
        // them in full after the shared anchor. The weak lead pair must not take A's opening
        // sentence from its real counterpart.
        let a = "More than twelve thousand homes were still without electricity on Sunday, the grid operator said.
                 The prefect triggered the emergency plan on Saturday evening at ten.
";
        let b = "One woman is missing and thousands of homes are without electricity after the storm.
                 The prefect triggered the emergency plan on Saturday evening.
                 By the end of the day nearly fifteen thousand homes were still without electricity, the grid operator said.
";
        let (sa, sb) = (lines(a), lines(b));
        let opts = AlignOptions::default();
        let sim = Similarity::new(&side(a, &sa), &side(b, &sb), &opts);
        let (weak, strong) = (sim.sim(&[0], &[0]).unwrap(), sim.sim(&[0], &[2]).unwrap());
        assert!(
            weak >= opts.lead_threshold && weak < opts.moved_threshold,
            "lead pair {weak} is not in the band this test is about"
        );
        assert!(strong >= opts.moved_threshold && strong > weak, "{strong}");
        let al = run(a, b);
        assert_eq!(unit_of(&al, 0).b, [2], "{al:#?}");
        assert_eq!(unit_of(&al, 1).b, [1], "{al:#?}");
    }
}

#[cfg(test)]
mod sim_all_tests {
    use super::*;
    use crate::corpus::{Article, ArticleMeta};
    use std::path::Path;

    /// The features of two texts, as the aligner builds them (sentences and boilerplate marks
    /// of each article).
    fn features(a: &Article, b: &Article) -> Features {
        let spans = |x: &Article| -> Vec<Span> { x.doc.sentences.iter().map(|s| s.span).collect() };
        let (sa, sb) = (spans(a), spans(b));
        let (ka, kb) = (a.skip_mask(), b.skip_mask());
        Features::build(
            &SideIn {
                text: &a.text,
                sentences: &sa,
                lang: a.lang,
                skip: &ka,
            },
            &SideIn {
                text: &b.text,
                sentences: &sb,
                lang: b.lang,
                skip: &kb,
            },
            None,
            AlignOptions::default().stem_weight,
        )
    }

    /// Scoring every pair feature by feature gives, bit for bit and in the same order, what
    /// scoring each pair by its dot products gives: seed pairs, and pairs in scripts with
    /// character-pair features (Chinese, Japanese) and in Arabic and Russian.
    #[test]
    fn all_pairs_score_as_pair_by_pair() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let corpus = crate::corpus::Corpus::load(&root.join("corpus")).unwrap();
        let mut arts: Vec<(Article, Article)> = Vec::new();
        for x in &corpus.articles {
            for y in &corpus.articles {
                arts.push((x.clone(), y.clone()));
            }
        }
        for l in ["zh", "ja", "ar", "ru"] {
            let read = |k: u8| {
                let p = root.join(format!("tests/gold/multilingual/{l}_{k}.txt"));
                Article::from_text(ArticleMeta::default(), std::fs::read_to_string(p).unwrap())
            };
            arts.push((read(1), read(2)));
        }
        for (a, b) in &arts {
            let f = features(a, b);
            let all = f.sim_all();
            let pairs: Vec<(u32, u32)> = all.iter().map(|&(i, j, _)| (i, j)).collect();
            let want = f.sim_pairs(&pairs);
            let bits = |v: &[(u32, u32, f32)]| -> Vec<(u32, u32, u32)> {
                v.iter().map(|&(i, j, s)| (i, j, s.to_bits())).collect()
            };
            assert_eq!(bits(&all), bits(&want), "{} / {}", a.meta.id, b.meta.id);
            let pooled = crate::par::on_pool(|| f.sim_all());
            assert_eq!(bits(&pooled), bits(&all), "on the pool");
            let with = |v: &[Option<SentVec>]| v.iter().filter(|s| s.is_some()).count();
            assert_eq!(all.len(), with(&f.a) * with(&f.b));
            assert!(all.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
        }
    }
}
