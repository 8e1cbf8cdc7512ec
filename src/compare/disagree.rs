//! Disagreements of an aligned pair: number conflicts and imprecisions, differing accounts of
//! the same figure, quote differences, name differences and only-here facts.
//!
//! Policy (see `docs/DETECTION.md`):
//! - Numbers are compared by what they are about (the counted noun through the synonym
//!   table, the unit for measures) across the whole pair, not only within a row; when the
//!   same row holds candidates on both sides, only those are compared. A disagreement is
//!   attached to the row of A's first span.
//! - Only-here facts are reported for matched rows only: an unmatched sentence is already
//!   shown as only-A / only-B as a whole, so listing its numbers and names would flood.

use super::claims::{
    ArticleClaims, DateClaim, Entity, EntityKind, NumberClaim, NumberKind, Quote, words,
};
use super::{Analysis, Disagreement, DisagreementKind, Row};
use crate::align::UnitKind;
use crate::corpus::Article;
use crate::text::Span;
use crate::text::normalize::{Normalizer, fold, word_spans};
use std::collections::{HashMap, HashSet};

/// One side of the pair, with its claims and the row of each sentence.
struct SideCtx<'a> {
    art: &'a Article,
    claims: &'a ArticleClaims,
    /// `row_of[sentence]`: the row that shows it.
    row_of: Vec<Option<usize>>,
    /// The text in lower case, when given (see [`Analysis`]).
    lower_given: Option<&'a str>,
    /// The text in lower case (computed once, when not given).
    lower: std::cell::OnceCell<String>,
    /// The words (maximal alphanumeric runs) of the lower-case text (computed once, if asked).
    words: std::cell::OnceCell<HashSet<Box<str>>>,
    /// The stems of each sentence's words (computed once, if asked).
    stems: std::cell::OnceCell<Vec<HashSet<String>>>,
    /// The article's normaliser (made once, if asked).
    norm: std::cell::OnceCell<Normalizer>,
}

impl SideCtx<'_> {
    fn normalizer(&self) -> &Normalizer {
        self.norm.get_or_init(|| Normalizer::new(self.art.lang))
    }

    fn lower(&self) -> &str {
        match self.lower_given {
            Some(l) => l,
            None => self.lower.get_or_init(|| words::norm(&self.art.text)),
        }
    }

    /// Whether `w` occurs in the lower-case text as a whole word (as [`find_word`] finds it):
    /// a word of letters and digits is looked up in the text's words, anything else searched.
    fn has_word(&self, w: &str) -> bool {
        if !w.chars().all(char::is_alphanumeric) {
            return find_word(self.lower(), w).is_some();
        }
        let words = self.words.get_or_init(|| {
            self.lower()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(Box::from)
                .collect()
        });
        words.contains(w)
    }

    /// Whether one sentence holds a word of each of `words`' stems (in the article's
    /// language): "Warn-App NINA" has every word of "Warn-Apps NINA".
    fn one_sentence_has_stems(&self, words: &[String]) -> bool {
        let norm = self.normalizer();
        // (the parts of hyphenated words too: "Warn-App" has "Warn" and "App")
        let stems_of = |text: &str| -> HashSet<String> {
            let text = text.replace(['-', '‐', '‑'], " ");
            word_spans(&text)
                .into_iter()
                .map(|(r, _)| norm.stem(&fold(&text[r])).into_owned())
                .collect()
        };
        let sentences = self.stems.get_or_init(|| {
            let t = &self.art.text;
            (self.art.doc.sentences.iter())
                .map(|s| stems_of(s.span.slice(t)))
                .collect()
        });
        let want = stems_of(&words.join(" "));
        // (a stem one or two letters longer is the same word: Snowball keeps German "Apps")
        let close = |w: &String, h: &String| {
            let (short, long) = if w.len() <= h.len() { (w, h) } else { (h, w) };
            short.chars().count() >= 3
                && long.starts_with(short.as_str())
                && long.chars().count() - short.chars().count() <= 2
        };
        !want.is_empty()
            && sentences.iter().any(|have| {
                want.iter()
                    .all(|w| have.contains(w) || have.iter().any(|h| close(w, h)))
            })
    }

    fn row(&self, sentence: usize) -> Option<usize> {
        self.row_of.get(sentence).copied().flatten()
    }
    fn text(&self, s: Span) -> &str {
        s.slice(&self.art.text)
    }
}

fn matched(rows: &[Row], r: Option<usize>) -> bool {
    r.is_some_and(|r| {
        matches!(
            rows[r].kind,
            UnitKind::Same | UnitKind::Changed | UnitKind::Moved
        )
    })
}

/// Find the disagreements of two articles given their aligned rows.
pub fn find(
    a: &Article,
    ca: &ArticleClaims,
    b: &Article,
    cb: &ArticleClaims,
    rows: &[Row],
) -> Vec<Disagreement> {
    find_with(a, ca, None, b, cb, None, rows)
}

/// [`find`] with each article's [`Analysis`] (its claims and lower-case text) given.
pub fn find_analysed(
    a: &Article,
    aa: &Analysis,
    b: &Article,
    ab: &Analysis,
    rows: &[Row],
) -> Vec<Disagreement> {
    find_with(
        a,
        &aa.claims,
        Some(&aa.lower),
        b,
        &ab.claims,
        Some(&ab.lower),
        rows,
    )
}

fn find_with(
    a: &Article,
    ca: &ArticleClaims,
    lower_a: Option<&str>,
    b: &Article,
    cb: &ArticleClaims,
    lower_b: Option<&str>,
    rows: &[Row],
) -> Vec<Disagreement> {
    let mut row_a = vec![None; a.doc.sentences.len()];
    let mut row_b = vec![None; b.doc.sentences.len()];
    for (ri, r) in rows.iter().enumerate() {
        for &i in &r.a {
            if let Some(x) = row_a.get_mut(i) {
                *x = Some(ri);
            }
        }
        for &j in &r.b {
            if let Some(x) = row_b.get_mut(j) {
                *x = Some(ri);
            }
        }
    }
    let sa = SideCtx {
        art: a,
        claims: ca,
        row_of: row_a,
        lower_given: lower_a,
        lower: Default::default(),
        words: Default::default(),
        stems: Default::default(),
        norm: Default::default(),
    };
    let sb = SideCtx {
        art: b,
        claims: cb,
        row_of: row_b,
        lower_given: lower_b,
        lower: Default::default(),
        words: Default::default(),
        stems: Default::default(),
        norm: Default::default(),
    };
    let mut out = Vec::new();
    let used_numbers = numbers(&sa, &sb, rows, &mut out);
    only_numbers(&sa, &sb, rows, &used_numbers, &mut out);
    let names_used = names(&sa, &sb, &mut out);
    quotes(&sa, &sb, rows, &mut out);
    only_names(&sa, &sb, rows, &names_used, &mut out);
    dates(&sa, &sb, rows, &mut out);
    out.retain(|d| d.row < rows.len());
    out.sort_by(|x, y| {
        x.row
            .cmp(&y.row)
            .then(x.a.first().cmp(&y.a.first()))
            .then(x.b.first().cmp(&y.b.first()))
    });
    out
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Verdict {
    Agree,
    Imprecise,
    Conflict,
}

fn verdict(x: &NumberClaim, y: &NumberClaim) -> Verdict {
    if !x.loose().intersects(&y.loose()) {
        return Verdict::Conflict;
    }
    let loosely_equal = |c: &NumberClaim| {
        matches!(
            c.hedge,
            super::claims::Hedge::Exact | super::claims::Hedge::About
        )
    };
    if x.value == y.value && (x.hedge == y.hedge || (loosely_equal(x) && loosely_equal(y))) {
        Verdict::Agree
    } else {
        Verdict::Imprecise
    }
}

fn comparable_kind(k: NumberKind) -> bool {
    matches!(
        k,
        NumberKind::Count | NumberKind::Measure | NumberKind::Percent | NumberKind::Money
    )
}

/// Whether two claims with the same key are about the same thing.
fn same_thing(x: &NumberClaim, y: &NumberClaim, same_row: bool) -> bool {
    if x.kind != y.kind || x.key.is_none() || x.key != y.key {
        return false;
    }
    match x.kind {
        NumberKind::Count => true,
        // Measures, percentages and money: the same row, or a shared word in the phrase.
        _ => same_row || x.descriptor.iter().any(|w| y.descriptor.contains(w)),
    }
}

fn quoted(side: &SideCtx, c: &NumberClaim) -> String {
    clip(side.text(c.span), 80)
}

fn clip(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n {
        s
    } else {
        let t: String = s.chars().take(n - 1).collect();
        format!("{t}…")
    }
}

/// A side mentioning one thing (key and kind) more often than this is not stating one figure:
/// its claims about that thing are compared only within their rows, like those of a side that
/// states incompatible values. It also bounds the work on long texts, where every pair of
/// claims about one thing would otherwise be compared.
const CROSS_ROW_MAX: usize = 64;

/// The claims of one side that [`numbers`] compares, indexed for it.
struct NumberSide<'c> {
    claims: Vec<&'c NumberClaim>,
    /// `orig[k]`: the index of `claims[k]` among all the side's number claims.
    orig: Vec<usize>,
    /// Indices into `claims` by (key, kind), ascending.
    groups: HashMap<(&'c str, NumberKind), Vec<usize>>,
    /// Indices into `claims` of the claims in each row, ascending.
    by_row: HashMap<usize, Vec<usize>>,
    /// `consistent[k]`: every claim of the side with the same key and kind allows a value that
    /// `claims[k]` allows (false in a group larger than [`CROSS_ROW_MAX`]).
    consistent: Vec<bool>,
    /// The years each sentence names ("in 2001", "in June 2001"; not in a full date), by
    /// sentence.
    years: HashMap<usize, Vec<u64>>,
}

impl<'c> NumberSide<'c> {
    fn new(side: &'c SideCtx) -> NumberSide<'c> {
        let (mut claims, mut orig) = (Vec::new(), Vec::new());
        for (k, c) in side.claims.numbers.iter().enumerate() {
            if comparable_kind(c.kind) {
                claims.push(c);
                orig.push(k);
            }
        }
        let mut groups: HashMap<(&str, NumberKind), Vec<usize>> = HashMap::new();
        let mut by_row: HashMap<usize, Vec<usize>> = HashMap::new();
        for (k, c) in claims.iter().enumerate() {
            if let Some(key) = c.key.as_deref() {
                groups.entry((key, c.kind)).or_default().push(k);
            }
            if let Some(r) = side.row(c.sentence) {
                by_row.entry(r).or_default().push(k);
            }
        }
        // Claims without a key are never compared, so their consistency is never asked.
        let mut consistent = vec![true; claims.len()];
        for members in groups.values() {
            for &k in members {
                consistent[k] = members.len() <= CROSS_ROW_MAX
                    && members
                        .iter()
                        .all(|&m| claims[m].loose().intersects(&claims[k].loose()));
            }
        }
        let mut years: HashMap<usize, Vec<u64>> = HashMap::new();
        for c in side.claims.numbers.iter().filter(|c| c.is_year_shaped()) {
            years.entry(c.sentence).or_default().push(c.value as u64);
        }
        // (a full date, "Thursday (March 20, 2025)", is most often the reported event's own
        // day; "in June 2001" or "in 2001" sets a sentence in another time)
        for d in side.claims.dates.iter().filter(|d| d.day.is_none()) {
            if let Some(y) = d.year {
                years.entry(d.sentence).or_default().push(u64::from(y));
            }
        }
        NumberSide {
            claims,
            orig,
            groups,
            by_row,
            consistent,
            years,
        }
    }

    /// Whether sentence `s` of this side and sentence `t` of `other` are set in the same time:
    /// neither names a year, or both name one year in common. ("The 2001 quake left dozens
    /// dead" is not about the deaths of this week's quake in another row.)
    fn same_years(&self, s: usize, other: &NumberSide, t: usize) -> bool {
        match (self.years.get(&s), other.years.get(&t)) {
            (None, None) => true,
            (Some(x), Some(y)) => x.iter().any(|v| y.contains(v)),
            _ => false,
        }
    }

    /// The claims about the same thing (key and kind) as `x`.
    fn group(&self, x: &'c NumberClaim) -> &[usize] {
        x.key
            .as_deref()
            .and_then(|key| self.groups.get(&(key, x.kind)))
            .map_or(&[], Vec::as_slice)
    }
}

/// Number conflicts, imprecisions and differing accounts. Returns the claims used (A, B).
fn numbers(
    sa: &SideCtx,
    sb: &SideCtx,
    rows: &[Row],
    out: &mut Vec<Disagreement>,
) -> (HashSet<usize>, HashSet<usize>) {
    let (xa, xb) = (NumberSide::new(sa), NumberSide::new(sb));
    let (na, nb) = (&xa.claims, &xb.claims);
    let mut used_a = HashSet::new();
    let mut used_b = HashSet::new();
    let same_row = |x: &NumberClaim, y: &NumberClaim| {
        let (ra, rb) = (sa.row(x.sentence), sb.row(y.sentence));
        ra.is_some() && ra == rb && matched(rows, ra)
    };
    // Candidates of each claim: same thing; restricted to its row when the row has any, and
    // when a side states incompatible values for the thing ("six seasons", "11 seasons": it
    // is talking about several things).
    let cands = |k: usize, own: &NumberSide, others: &NumberSide, a_side: bool| -> Vec<usize> {
        let (x, ctx) = (own.claims[k], if a_side { sa } else { sb });
        let sr = |o: &NumberClaim| {
            if a_side {
                same_row(x, o)
            } else {
                same_row(o, x)
            }
        };
        let group = others.group(x);
        let local = || -> Vec<usize> {
            let in_row = ctx.row(x.sentence).and_then(|r| others.by_row.get(&r));
            in_row
                .into_iter()
                .flatten()
                .copied()
                .filter(|&m| sr(others.claims[m]) && same_thing(x, others.claims[m], true))
                .collect()
        };
        if !own.consistent[k] || group.len() > CROSS_ROW_MAX {
            return local();
        }
        let all: Vec<usize> = group
            .iter()
            .copied()
            .filter(|&m| {
                let o = others.claims[m];
                let row = sr(o);
                same_thing(x, o, row) && (row || own.same_years(x.sentence, others, o.sentence))
            })
            .collect();
        if all.iter().any(|&m| !others.consistent[m]) {
            return local();
        }
        let local: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&m| sr(others.claims[m]))
            .collect();
        if local.is_empty() { all } else { local }
    };
    let ca: Vec<Vec<usize>> = (0..na.len()).map(|k| cands(k, &xa, &xb, true)).collect();
    let cb: Vec<Vec<usize>> = (0..nb.len()).map(|k| cands(k, &xb, &xa, false)).collect();
    let best = |x: &NumberClaim, cs: &[usize], others: &[&NumberClaim]| {
        cs.iter().map(|&k| verdict(x, others[k])).min()
    };
    let va: Vec<Option<Verdict>> = na.iter().zip(&ca).map(|(x, cs)| best(x, cs, nb)).collect();
    let vb: Vec<Option<Verdict>> = nb.iter().zip(&cb).map(|(y, cs)| best(y, cs, na)).collect();
    // Group by key (and kind).
    let mut keys: Vec<(&str, NumberKind)> =
        xa.groups.keys().chain(xb.groups.keys()).copied().collect();
    keys.sort_by(|x, y| x.0.cmp(y.0).then((x.1 as u8).cmp(&(y.1 as u8))));
    keys.dedup();
    for (key, kind) in keys {
        fn in_key<'s, 'c>(side: &'s NumberSide<'c>, key: &'c str, kind: NumberKind) -> &'s [usize] {
            side.groups.get(&(key, kind)).map_or(&[], Vec::as_slice)
        }
        for want in [Verdict::Conflict, Verdict::Imprecise] {
            let mut ia: Vec<usize> = Vec::new();
            let mut ib: Vec<usize> = Vec::new();
            for &k in in_key(&xa, key, kind) {
                if va[k] == Some(want) {
                    ia.push(k);
                    ib.extend(
                        ca[k]
                            .iter()
                            .copied()
                            .filter(|&j| verdict(na[k], nb[j]) == want),
                    );
                }
            }
            for &k in in_key(&xb, key, kind) {
                if vb[k] == Some(want) {
                    ib.push(k);
                    ia.extend(
                        cb[k]
                            .iter()
                            .copied()
                            .filter(|&j| verdict(na[j], nb[k]) == want),
                    );
                }
            }
            ia.sort_unstable();
            ia.dedup();
            ib.sort_unstable();
            ib.dedup();
            if ia.is_empty() || ib.is_empty() {
                continue;
            }
            let row = sa
                .row(na[ia[0]].sentence)
                .or_else(|| sb.row(nb[ib[0]].sentence));
            let Some(row) = row else { continue };
            let texts = |side: &SideCtx, cs: &[&NumberClaim], ix: &[usize]| -> String {
                ix.iter()
                    .map(|&k| format!("“{}” {}", quoted(side, cs[k]), cs[k].interval))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (dk, what) = if want == Verdict::Conflict {
                (DisagreementKind::NumberConflict, "cannot both hold")
            } else {
                (DisagreementKind::NumberImprecision, "differ in precision")
            };
            out.push(Disagreement {
                kind: dk,
                row,
                a: ia.iter().map(|&k| na[k].span).collect(),
                b: ib.iter().map(|&k| nb[k].span).collect(),
                summary: format!(
                    "{}: A says {}; B says {} — {what}",
                    key_label(key, kind),
                    texts(sa, na, &ia),
                    texts(sb, nb, &ib)
                ),
            });
            used_a.extend(ia.iter().map(|&k| xa.orig[k]));
            used_b.extend(ib.iter().map(|&k| xb.orig[k]));
            break;
        }
    }
    // Differing accounts: the same figure and unit, described as different things.
    let accounts = |side: &NumberSide| -> Vec<usize> {
        (0..side.claims.len())
            .filter(|&k| {
                let c = side.claims[k];
                c.kind == NumberKind::Measure && !c.descriptor.is_empty()
            })
            .collect()
    };
    let mut b_by_figure: HashMap<(Option<&str>, u64), Vec<usize>> = HashMap::new();
    for k in accounts(&xb) {
        let c = nb[k];
        b_by_figure
            .entry((c.unit.as_deref(), c.value.to_bits()))
            .or_default()
            .push(k);
    }
    for ka in accounts(&xa) {
        let x = na[ka];
        let same_figure = b_by_figure.get(&(x.unit.as_deref(), x.value.to_bits()));
        for &kb in same_figure.into_iter().flatten() {
            let y = nb[kb];
            if x.unit != y.unit || x.value != y.value {
                continue;
            }
            let dx: HashSet<&String> = x.descriptor.iter().collect();
            let dy: HashSet<&String> = y.descriptor.iter().collect();
            if dx.is_subset(&dy) || dy.is_subset(&dx) {
                continue;
            }
            let Some(row) = sa.row(x.sentence).or_else(|| sb.row(y.sentence)) else {
                continue;
            };
            let (px, py) = (account_phrase(sa, x), account_phrase(sb, y));
            out.push(Disagreement {
                kind: DisagreementKind::AccountDifference,
                row,
                a: vec![px],
                b: vec![py],
                summary: format!(
                    "the same {} figure, described differently: A “{}”; B “{}”",
                    x.text.trim(),
                    clip(sa.text(px), 90),
                    clip(sb.text(py), 90)
                ),
            });
            used_a.insert(xa.orig[ka]);
            used_b.insert(xb.orig[kb]);
        }
    }
    (used_a, used_b)
}

/// The span of a measure's phrase including its descriptor words ("partial 30-day ceasefire").
fn account_phrase(side: &SideCtx, c: &NumberClaim) -> Span {
    let t = &side.art.text;
    let sent = side.art.doc.sentences[c.sentence].span;
    let mut s = c.span;
    // Extend over the descriptor words that sit near the number, within the sentence.
    for w in &c.descriptor {
        let lo = s.start.saturating_sub(40).max(sent.start);
        let hi = (s.end + 80).min(sent.end);
        let lo = floor_char(t, lo);
        let hi = floor_char(t, hi);
        let window = &t[lo..hi];
        let lw = words::norm(window);
        if lw.len() == window.len() {
            if let Some(p) = find_word(&lw, w) {
                let (ws, we) = (lo + p, lo + p + w.len());
                if ws < s.start {
                    s.start = ws;
                }
                if we > s.end {
                    s.end = we;
                }
            }
        }
    }
    s
}

fn floor_char(t: &str, mut i: usize) -> usize {
    while i > 0 && !t.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first occurrence of `w` in `hay` as a whole word (no letter or digit on either side);
/// an empty `w` is no word.
fn find_word(hay: &str, w: &str) -> Option<usize> {
    if w.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(p) = hay[from..].find(w) {
        let s = from + p;
        let e = s + w.len();
        let before = hay[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[e..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if before && after {
            return Some(s);
        }
        from = e;
    }
    None
}

fn key_label(key: &str, kind: NumberKind) -> String {
    match kind {
        NumberKind::Count => format!("how many {key}"),
        // (units written as symbols read as their words: "how many metres", not "ms")
        NumberKind::Measure => match key {
            "m" => "how many metres".into(),
            "km" => "how many kilometres".into(),
            "kg" => "how many kilograms".into(),
            "mph" => "how many mph".into(),
            _ => format!("how many {key}s"),
        },
        NumberKind::Percent => "percentage".into(),
        NumberKind::Money => format!("amount ({key})"),
        _ => key.to_string(),
    }
}

/// Numbers in matched rows that the other article does not state at all.
fn only_numbers(
    sa: &SideCtx,
    sb: &SideCtx,
    rows: &[Row],
    used: &(HashSet<usize>, HashSet<usize>),
    out: &mut Vec<Disagreement>,
) {
    // What each side states figures about, and the figures it states (by value and kind;
    // `-0.0` is `0.0`, and NaN, equal to nothing, is left out).
    type Stated<'c> = (HashSet<(&'c str, NumberKind)>, HashSet<(u64, NumberKind)>);
    fn stated<'c>(side: &SideCtx<'c>) -> Stated<'c> {
        let mut keys: HashSet<(&str, NumberKind)> = HashSet::new();
        let mut values: HashSet<(u64, NumberKind)> = HashSet::new();
        for o in &side.claims.numbers {
            if let Some(k) = o.key.as_deref() {
                keys.insert((k, o.kind));
            }
            if !o.value.is_nan() {
                values.insert(((o.value + 0.0).to_bits(), o.kind));
            }
        }
        (keys, values)
    }
    let (stated_a, stated_b) = (stated(sa), stated(sb));
    for (side, (keys, values), used, is_a) in [
        (sa, &stated_b, &used.0, true),
        (sb, &stated_a, &used.1, false),
    ] {
        for (k, c) in side.claims.numbers.iter().enumerate() {
            // Bare numbers without a noun or unit (datelines, scores) are not reported.
            if used.contains(&k) || !comparable_kind(c.kind) || c.key.is_none() {
                continue;
            }
            let row = side.row(c.sentence);
            if !matched(rows, row) {
                continue;
            }
            let said_there = c
                .key
                .as_deref()
                .is_some_and(|k| keys.contains(&(k, c.kind)))
                || (!c.value.is_nan() && values.contains(&((c.value + 0.0).to_bits(), c.kind)));
            if said_there {
                continue;
            }
            let row = row.unwrap();
            let span = if c.kind == NumberKind::Measure {
                account_phrase(side, c)
            } else {
                c.span
            };
            let text = clip(side.text(span), 90);
            out.push(Disagreement {
                kind: DisagreementKind::OnlyHere,
                row,
                a: if is_a { vec![span] } else { vec![] },
                b: if is_a { vec![] } else { vec![span] },
                summary: format!(
                    "only {} gives the figure “{text}”",
                    if is_a { "A" } else { "B" }
                ),
            });
        }
    }
}

fn forms(c: &ArticleClaims) -> Vec<(Vec<String>, Span, usize, usize)> {
    let mut out = Vec::new();
    for e in &c.entities {
        for m in &e.mentions {
            let ws: Vec<String> = m
                .text
                .split(|ch: char| ch.is_whitespace() || ch == '-')
                .filter(|w| !w.is_empty())
                .map(words::norm)
                .collect();
            if ws.first().is_some_and(|w| w == "the") {
                continue; // role phrases
            }
            out.push((ws, m.span, m.sentence, e.id));
        }
    }
    out
}

fn generic(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "new"
            | "united"
            | "royal"
            | "national"
            | "great"
            | "saint"
            | "st"
            | "the"
            | "of"
            | "and"
            | "for"
            | "central"
            | "upper"
            | "lower"
            | "old"
            | "hms"
            | "uss"
            | "general"
            | "international"
            | "european"
            | "american"
            | "british"
            | "democratic"
            | "republic"
    )
}

/// Name differences: one word of a multi-word name changed while the rest agrees.
fn names(
    sa: &SideCtx,
    sb: &SideCtx,
    out: &mut Vec<Disagreement>,
) -> (HashSet<usize>, HashSet<usize>) {
    let fa = forms(sa.claims);
    let fb = forms(sb.claims);
    let set_a: HashSet<&Vec<String>> = fa.iter().map(|f| &f.0).collect();
    let set_b: HashSet<&Vec<String>> = fb.iter().map(|f| &f.0).collect();
    let mut seen: HashSet<(Vec<String>, Vec<String>)> = HashSet::new();
    let mut used = (HashSet::new(), HashSet::new());
    // Only the last word may differ (see below): B's names of two words or more by the words
    // before their last, in B's order.
    let mut by_head: HashMap<&[String], Vec<usize>> = HashMap::new();
    for (k, (wb, ..)) in fb.iter().enumerate() {
        if wb.len() >= 2 {
            by_head.entry(&wb[..wb.len() - 1]).or_default().push(k);
        }
    }
    for (wa, spa, sia, ea) in &fa {
        if wa.len() < 2 || set_b.contains(wa) {
            continue;
        }
        let same_head = by_head.get(&wa[..wa.len() - 1]);
        for (wb, spb, sib, eb) in same_head.into_iter().flatten().map(|&k| &fb[k]) {
            if wb.len() != wa.len() || set_a.contains(wb) {
                continue;
            }
            let diff: Vec<usize> = (0..wa.len()).filter(|&i| wa[i] != wb[i]).collect();
            if diff.len() != 1 {
                continue;
            }
            let d = diff[0];
            if words::spelling_variant(&wa[d], &wb[d]) {
                continue;
            }
            // The distinctive part is kept and the kind of place swapped ("Downing Street" /
            // "Downing Avenue", "Betty Ford Center" / "Clinic"); a changed first or middle
            // word is mostly another name ("Fulton County" / "Gwinnett County").
            if d != wa.len() - 1
                || !super::claims::entities::is_type_word(&wa[d])
                || !super::claims::entities::is_type_word(&wb[d])
            {
                continue;
            }
            let shared_distinctive = (0..wa.len()).any(|i| i != d && !generic(&wa[i]));
            if !shared_distinctive {
                continue;
            }
            let (pa, pb) = (&sa.claims.entities[*ea], &sb.claims.entities[*eb]);
            // People: a changed first name or surname is mostly another person ("Maurice
            // Cheeks" / "Maurice Clarett"); spelling variants are skipped above.
            if pa.kind == EntityKind::Person || pb.kind == EntityKind::Person {
                continue;
            }
            // Runs of short capitals are codes, not names ("AM EDT" / "AM ET").
            let code = |e: &Entity| {
                e.words
                    .iter()
                    .all(|w| w.len() <= 4 && w.chars().all(|c| !c.is_lowercase()))
            };
            if code(pa) || code(pb) {
                continue;
            }
            if !seen.insert((wa.clone(), wb.clone())) {
                continue;
            }
            let Some(row) = sa.row(*sia).or_else(|| sb.row(*sib)) else {
                continue;
            };
            used.0.insert(*ea);
            used.1.insert(*eb);
            out.push(Disagreement {
                kind: DisagreementKind::NameDifference,
                row,
                a: vec![*spa],
                b: vec![*spb],
                summary: format!(
                    "suspected spin: A names “{}”, B “{}” (one word changed)",
                    clip(sa.text(*spa), 60),
                    clip(sb.text(*spb), 60)
                ),
            });
        }
    }
    used
}

/// How much two sets of words overlap: shared words over the smaller set (containment) and
/// over both (Jaccard).
fn overlap(sx: &HashSet<&str>, sy: &HashSet<&str>) -> (f32, f32) {
    let (small, large) = if sx.len() <= sy.len() {
        (sx, sy)
    } else {
        (sy, sx)
    };
    let shared = small.iter().filter(|w| large.contains(*w)).count();
    let min = small.len().max(1) as f32;
    let union = (sx.len() + sy.len() - shared).max(1) as f32;
    (shared as f32 / min, shared as f32 / union)
}

/// Quote differences, and quotes only one side has (in matched rows).
fn quotes(sa: &SideCtx, sb: &SideCtx, rows: &[Row], out: &mut Vec<Disagreement>) {
    let qa: Vec<&Quote> = sa.claims.quotes.iter().filter(|q| q.direct).collect();
    let qb: Vec<&Quote> = sb.claims.quotes.iter().filter(|q| q.direct).collect();
    let wa: Vec<Vec<String>> = qa.iter().map(|q| words::content_words(&q.text)).collect();
    let wb: Vec<Vec<String>> = qb.iter().map(|q| words::content_words(&q.text)).collect();
    fn sets(ws: &[Vec<String>]) -> Vec<HashSet<&str>> {
        ws.iter()
            .map(|w| w.iter().map(String::as_str).collect())
            .collect()
    }
    let (set_a, set_b) = (sets(&wa), sets(&wb));
    // Whether the speakers of two quotes are one person, asked once per pair of speakers.
    let mut speakers: HashMap<(usize, usize), bool> = HashMap::new();
    let mut matched_a = vec![false; qa.len()];
    let mut matched_b = vec![false; qb.len()];
    let mut occasions: Vec<(usize, usize, usize, usize)> = Vec::new();
    let ctx_a: Vec<HashSet<String>> = qa.iter().map(|q| context(sa, q)).collect();
    let ctx_b: Vec<HashSet<String>> = qb.iter().map(|q| context(sb, q)).collect();
    let name =
        |c: &ArticleClaims, q: &Quote| c.speaker(q).map_or("?".to_string(), |e| e.name.clone());
    for i in 0..qa.len() {
        for j in 0..qb.len() {
            let (contain, jacc) = overlap(&set_a[i], &set_b[j]);
            let small = wa[i].len().min(wb[j].len());
            if contain >= 0.5 {
                matched_a[i] = true;
                matched_b[j] = true;
            }
            let same_row = {
                let r = sa.row(qa[i].sentence);
                r.is_some() && r == sb.row(qb[j].sentence)
            };
            let spk = match (sa.claims.speaker(qa[i]), sb.claims.speaker(qb[j])) {
                (Some(x), Some(y)) => Some(
                    *speakers
                        .entry((qa[i].speaker.unwrap_or(0), qb[j].speaker.unwrap_or(0)))
                        .or_insert_with(|| x.same_as(y)),
                ),
                _ => None,
            };
            let row = sa.row(qa[i].sentence).or_else(|| sb.row(qb[j].sentence));
            let Some(row) = row else { continue };
            if contain >= 0.999 && spk != Some(false) {
                continue; // the same words (or one quote inside the other)
            }
            // (the same words given to two people need three content words: "We will
            // rebuild every home that was lost"; a reworded quote of one speaker, four)
            if contain >= 0.8 && (small >= 4 || (small >= 3 && spk == Some(false))) {
                if spk == Some(false) {
                    out.push(Disagreement {
                        kind: DisagreementKind::QuoteDifference,
                        row,
                        a: vec![qa[i].span, qa[i].speaker_span.unwrap_or(qa[i].span)],
                        b: vec![qb[j].span, qb[j].speaker_span.unwrap_or(qb[j].span)],
                        summary: format!(
                            "same words, different speaker: A attributes “{}” to {}, B to {}",
                            clip(&qa[i].text, 60),
                            name(sa.claims, qa[i]),
                            name(sb.claims, qb[j])
                        ),
                    });
                } else if spk == Some(true) && jacc < 0.9 && contain < 1.0 && same_row {
                    out.push(quote_words(
                        sa,
                        sb,
                        qa[i],
                        qb[j],
                        row,
                        &name(sa.claims, qa[i]),
                    ));
                }
            } else if spk == Some(true) && ((same_row && contain >= 0.25) || contain >= 0.5) {
                // Reported as one speaker's differing words: neither is a quote only one
                // side has.
                matched_a[i] = true;
                matched_b[j] = true;
                out.push(quote_words(
                    sa,
                    sb,
                    qa[i],
                    qb[j],
                    row,
                    &name(sa.claims, qa[i]),
                ));
            } else if spk == Some(true) && contain < 0.25 && small >= 4 {
                // The same person quoted on the same occasion (their sentences share context)
                // with entirely different words.
                let shared = ctx_a[i].intersection(&ctx_b[j]).count();
                if shared >= 3 {
                    occasions.push((shared, i, j, row));
                }
            }
        }
    }
    occasions.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_i, mut used_j) = (HashSet::new(), HashSet::new());
    for (_, i, j, row) in occasions {
        if used_i.insert(i) && used_j.insert(j) {
            matched_a[i] = true;
            matched_b[j] = true;
            let mut d = quote_words(sa, sb, qa[i], qb[j], row, &name(sa.claims, qa[i]));
            d.summary = format!("{} (same occasion)", d.summary);
            out.push(d);
        }
    }
    // Only-here quotes: substantial direct quotes in matched rows that the other side neither
    // quotes nor carries in its words.
    for (side, other, qs, ws, m, is_a) in [
        (sa, sb, &qa, &wa, &matched_a, true),
        (sb, sa, &qb, &wb, &matched_b, false),
    ] {
        for (k, q) in qs.iter().enumerate() {
            let row = side.row(q.sentence);
            if m[k] || ws[k].len() < 5 || !matched(rows, row) {
                continue;
            }
            let carried =
                ws[k].iter().filter(|w| other.has_word(w)).count() as f32 / ws[k].len() as f32;
            if carried >= 0.8 {
                continue;
            }
            let who = side
                .claims
                .speaker(q)
                .map_or("unattributed".to_string(), |e| e.name.clone());
            out.push(Disagreement {
                kind: DisagreementKind::OnlyHere,
                row: row.unwrap(),
                a: if is_a { vec![q.span] } else { vec![] },
                b: if is_a { vec![] } else { vec![q.span] },
                summary: format!(
                    "only {} quotes {who}: “{}”",
                    if is_a { "A" } else { "B" },
                    clip(&q.text, 70)
                ),
            });
        }
    }
}

/// Context words of a quote: its sentence outside the quote, and the sentence before.
fn context(side: &SideCtx, q: &Quote) -> HashSet<String> {
    let t = &side.art.text;
    let sents = &side.art.doc.sentences;
    let s = sents[q.sentence].span;
    let mut text = String::new();
    if q.sentence > 0 {
        text.push_str(sents[q.sentence - 1].span.slice(t));
        text.push(' ');
    }
    if q.outer.start > s.start {
        text.push_str(&t[s.start..q.outer.start.min(s.end)]);
        text.push(' ');
    }
    if q.outer.end < s.end {
        text.push_str(&t[q.outer.end.max(s.start)..s.end]);
    }
    let speaker: HashSet<String> = side
        .claims
        .speaker(q)
        .map(|e| e.words.iter().map(|w| words::norm(w)).collect())
        .unwrap_or_default();
    words::content_words(&text)
        .into_iter()
        .filter(|w| {
            !speaker.contains(w)
                && !matches!(w.as_str(), "said" | "says" | "told" | "prime" | "minister")
        })
        .collect()
}

fn quote_words(
    sa: &SideCtx,
    sb: &SideCtx,
    qa: &Quote,
    qb: &Quote,
    row: usize,
    who: &str,
) -> Disagreement {
    let _ = (sa, sb);
    Disagreement {
        kind: DisagreementKind::QuoteDifference,
        row,
        a: vec![qa.span],
        b: vec![qb.span],
        summary: format!(
            "same speaker ({who}), different words: A “{}”; B “{}”",
            clip(&qa.text, 60),
            clip(&qb.text, 60)
        ),
    }
}

/// People (and multi-word names) in matched rows that the other article never names.
fn only_names(
    sa: &SideCtx,
    sb: &SideCtx,
    rows: &[Row],
    used: &(HashSet<usize>, HashSet<usize>),
    out: &mut Vec<Disagreement>,
) {
    for (side, other, used, is_a) in [(sa, sb, &used.0, true), (sb, sa, &used.1, false)] {
        for e in &side.claims.entities {
            if used.contains(&e.id) || !(e.kind == EntityKind::Person || e.words.len() >= 2) {
                continue;
            }
            if other.claims.entities.iter().any(|o| e.same_as(o)) {
                continue;
            }
            // Named in the other text even if not recognised there as a name: a person's
            // surname, or every word of a name, inflected or not, in one sentence.
            let last = words::norm(e.words.last().map_or("", |s| s.as_str()));
            if e.kind == EntityKind::Person && other.has_word(&last) {
                continue;
            }
            if e.kind != EntityKind::Person && other.one_sentence_has_stems(&e.words) {
                continue;
            }
            let Some(m) = e
                .mentions
                .iter()
                .find(|m| matched(rows, side.row(m.sentence)) && !m.text.starts_with("the "))
            else {
                continue;
            };
            let row = side.row(m.sentence).unwrap();
            out.push(named_only(e, m.span, row, is_a));
        }
    }
}

/// Matched rows that date what they tell differently. A row is compared when each side's
/// sentences in it give one date (a weekday, a day of a month, or both; mentioned once or
/// more) and the two dates follow the same word ([`date_anchor`]: "occurred Friday" /
/// "occurred Thursday", "met in London on Thursday" / "gathered in London on Wednesday"), so
/// that they date the same thing: matched sentences often date different things ("officials
/// said Saturday" / "exploded late Friday"; "fired on Monday" / "hired on April 21, 2004").
/// The dates conflict when a part both give differs (Thursday / Wednesday, March 20 / March
/// 21, 2024 / 2025), or when one side gives a weekday and the other a full date falling on
/// another day. Relative dates ("last week") and months without a day are not compared.
fn dates(sa: &SideCtx, sb: &SideCtx, rows: &[Row], out: &mut Vec<Disagreement>) {
    /// The one date a side gives in row `r` (the first mention's span), if exactly one.
    fn only_date<'c>(side: &'c SideCtx, r: usize) -> Option<&'c DateClaim> {
        let mut found: Option<&DateClaim> = None;
        for d in side
            .claims
            .dates
            .iter()
            .filter(|d| side.row(d.sentence) == Some(r))
        {
            let day = d.month.is_some() && d.day.is_some();
            if d.relative.is_some() || !(d.weekday.is_some() || day) {
                continue;
            }
            match found {
                None => found = Some(d),
                Some(f) if same_date(f, d) => {}
                Some(_) => return None,
            }
        }
        found
    }
    for (r, row) in rows.iter().enumerate() {
        if row.a.is_empty() || row.b.is_empty() || !matched(rows, Some(r)) {
            continue;
        }
        let (Some(da), Some(db)) = (only_date(sa, r), only_date(sb, r)) else {
            continue;
        };
        let anchor = |side: &SideCtx, d: &DateClaim| date_anchor(side, d);
        if dates_conflict(da, db) && anchor(sa, da).is_some_and(|x| Some(x) == anchor(sb, db)) {
            out.push(Disagreement {
                kind: DisagreementKind::DateConflict,
                row: r,
                a: vec![da.span],
                b: vec![db.span],
                summary: format!(
                    "dates differ: A “{}”, B “{}”",
                    clip(&da.text, 60),
                    clip(&db.text, 60)
                ),
            });
        }
    }
}

/// The word a date follows in its sentence, stemmed: the nearest word before it that is not
/// a preposition or a time word ("on", "late", "last", …; words of up to three letters are
/// skipped), so "occurred late on Friday" and "occurred Thursday" both give `occur`.
fn date_anchor(side: &SideCtx, d: &DateClaim) -> Option<String> {
    const SKIP: [&str; 14] = [
        "late",
        "early",
        "last",
        "next",
        "this",
        "that",
        "since",
        "until",
        "before",
        "after",
        "from",
        "during",
        "overnight",
        "about",
    ];
    let art = side.art;
    let sentence = art.doc.sentences.get(d.sentence)?;
    let before = art.text.get(sentence.span.start..d.span.start)?;
    let norm = side.normalizer();
    word_spans(before)
        .into_iter()
        .rev()
        .map(|(r, _)| fold(&before[r]))
        .find(|w| w.chars().count() > 3 && !SKIP.contains(&w.as_ref()))
        .map(|w| norm.stem(&w).into_owned())
}

/// Two mentions of one date (all parts equal).
fn same_date(x: &DateClaim, y: &DateClaim) -> bool {
    (x.weekday, x.year, x.month, x.day) == (y.weekday, y.year, y.month, y.day)
}

/// Whether two dates cannot be the same day ([`dates`]).
fn dates_conflict(x: &DateClaim, y: &DateClaim) -> bool {
    let both = |p: Option<u32>, q: Option<u32>| p.zip(q).is_some_and(|(p, q)| p != q);
    let weekday = |d: &DateClaim| {
        d.weekday.or_else(|| {
            let (y, m, day) = (d.year?, d.month?, d.day?);
            weekday_of(y, m, day)
        })
    };
    both(x.weekday.map(u32::from), y.weekday.map(u32::from))
        || both(x.year, y.year)
        || (x.day.is_some()
            && y.day.is_some()
            && both(x.month.map(u32::from), y.month.map(u32::from)))
        || (x.month.is_some()
            && x.month == y.month
            && both(x.day.map(u32::from), y.day.map(u32::from)))
        || both(weekday(x).map(u32::from), weekday(y).map(u32::from))
}

/// The weekday (1 = Monday … 7 = Sunday) of a day of the Gregorian calendar (Sakamoto's
/// method), `None` for a day that does not exist.
fn weekday_of(year: u32, month: u8, day: u8) -> Option<u8> {
    const DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const T: [u32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let m = usize::from(month).checked_sub(1).filter(|&m| m < 12)?;
    if day == 0 || day > DAYS[m] || (m == 1 && day == 29 && !leap) || year == 0 {
        return None;
    }
    let y = if month < 3 { year - 1 } else { year };
    let w = (y + y / 4 - y / 100 + y / 400 + T[m] + u32::from(day)) % 7; // 0 = Sunday
    Some(if w == 0 { 7 } else { w as u8 })
}

fn named_only(e: &Entity, span: Span, row: usize, is_a: bool) -> Disagreement {
    let what = match e.kind {
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Organisation => "organisation",
        EntityKind::Other => "name",
    };
    Disagreement {
        kind: DisagreementKind::OnlyHere,
        row,
        a: if is_a { vec![span] } else { vec![] },
        b: if is_a { vec![] } else { vec![span] },
        summary: format!(
            "only {} names the {what} {}",
            if is_a { "A" } else { "B" },
            clip(&e.name, 60)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::weekday_of;

    #[test]
    fn weekdays_of_calendar_days() {
        // (1 = Monday … 7 = Sunday)
        assert_eq!(weekday_of(2025, 3, 20), Some(4));
        assert_eq!(weekday_of(2024, 12, 31), Some(2));
        assert_eq!(weekday_of(2000, 2, 29), Some(2));
        assert_eq!(weekday_of(1969, 7, 20), Some(7));
        assert_eq!(weekday_of(2025, 1, 1), Some(3));
        for (y, m, d) in [
            (1900, 2, 29),
            (2025, 4, 31),
            (2025, 13, 1),
            (2025, 0, 1),
            (2025, 1, 0),
        ] {
            assert_eq!(weekday_of(y, m, d), None, "{y}-{m}-{d}");
        }
    }
}
