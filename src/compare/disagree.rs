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

use super::claims::{ArticleClaims, Entity, EntityKind, NumberClaim, NumberKind, Quote, words};
use super::{Analysis, Disagreement, DisagreementKind, Row};
use crate::align::UnitKind;
use crate::corpus::Article;
use crate::text::Span;
use std::collections::HashSet;

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
}

impl SideCtx<'_> {
    fn lower(&self) -> &str {
        match self.lower_given {
            Some(l) => l,
            None => self.lower.get_or_init(|| words::norm(&self.art.text)),
        }
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
    };
    let sb = SideCtx {
        art: b,
        claims: cb,
        row_of: row_b,
        lower_given: lower_b,
        lower: Default::default(),
    };
    let mut out = Vec::new();
    let used_numbers = numbers(&sa, &sb, rows, &mut out);
    only_numbers(&sa, &sb, rows, &used_numbers, &mut out);
    let names_used = names(&sa, &sb, &mut out);
    quotes(&sa, &sb, rows, &mut out);
    only_names(&sa, &sb, rows, &names_used, &mut out);
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

/// Number conflicts, imprecisions and differing accounts. Returns the claims used (A, B).
fn numbers(
    sa: &SideCtx,
    sb: &SideCtx,
    rows: &[Row],
    out: &mut Vec<Disagreement>,
) -> (HashSet<usize>, HashSet<usize>) {
    let na: Vec<&NumberClaim> = sa
        .claims
        .numbers
        .iter()
        .filter(|c| comparable_kind(c.kind))
        .collect();
    let nb: Vec<&NumberClaim> = sb
        .claims
        .numbers
        .iter()
        .filter(|c| comparable_kind(c.kind))
        .collect();
    let idx_a = |c: &NumberClaim| {
        sa.claims
            .numbers
            .iter()
            .position(|x| std::ptr::eq(x, c))
            .unwrap()
    };
    let idx_b = |c: &NumberClaim| {
        sb.claims
            .numbers
            .iter()
            .position(|x| std::ptr::eq(x, c))
            .unwrap()
    };
    let mut used_a = HashSet::new();
    let mut used_b = HashSet::new();
    let same_row = |x: &NumberClaim, y: &NumberClaim| {
        let (ra, rb) = (sa.row(x.sentence), sb.row(y.sentence));
        ra.is_some() && ra == rb && matched(rows, ra)
    };
    // A side that states incompatible values for one key ("six seasons", "11 seasons") is
    // talking about several things: compare those claims only within their rows.
    let consistent = |cs: &[&NumberClaim], x: &NumberClaim| {
        cs.iter()
            .filter(|c| c.key == x.key && c.kind == x.kind)
            .all(|c| c.loose().intersects(&x.loose()))
    };
    // Candidates of each claim: same thing; restricted to its row when the row has any.
    let cands = |x: &NumberClaim, others: &[&NumberClaim], a_side: bool| -> Vec<usize> {
        let sr = |o: &NumberClaim| {
            if a_side {
                same_row(x, o)
            } else {
                same_row(o, x)
            }
        };
        let all: Vec<usize> = (0..others.len())
            .filter(|&k| same_thing(x, others[k], sr(others[k])))
            .collect();
        let local: Vec<usize> = all.iter().copied().filter(|&k| sr(others[k])).collect();
        let own = if a_side { &na } else { &nb };
        let spread = !consistent(own, x) || all.iter().any(|&k| !consistent(others, others[k]));
        if local.is_empty() && !spread {
            all
        } else {
            local
        }
    };
    let ca: Vec<Vec<usize>> = na.iter().map(|x| cands(x, &nb, true)).collect();
    let cb: Vec<Vec<usize>> = nb.iter().map(|y| cands(y, &na, false)).collect();
    let best = |x: &NumberClaim, cs: &[usize], others: &[&NumberClaim]| {
        cs.iter().map(|&k| verdict(x, others[k])).min()
    };
    let va: Vec<Option<Verdict>> = na.iter().zip(&ca).map(|(x, cs)| best(x, cs, &nb)).collect();
    let vb: Vec<Option<Verdict>> = nb.iter().zip(&cb).map(|(y, cs)| best(y, cs, &na)).collect();
    // Group by key (and kind).
    let mut keys: Vec<(String, NumberKind)> = na
        .iter()
        .chain(nb.iter())
        .filter_map(|c| c.key.clone().map(|k| (k, c.kind)))
        .collect();
    keys.sort_by(|x, y| x.0.cmp(&y.0).then((x.1 as u8).cmp(&(y.1 as u8))));
    keys.dedup();
    for (key, kind) in keys {
        let in_key = |c: &NumberClaim| c.key.as_deref() == Some(key.as_str()) && c.kind == kind;
        for want in [Verdict::Conflict, Verdict::Imprecise] {
            let mut ia: Vec<usize> = Vec::new();
            let mut ib: Vec<usize> = Vec::new();
            for (k, x) in na.iter().enumerate() {
                if in_key(x) && va[k] == Some(want) {
                    ia.push(k);
                    ib.extend(ca[k].iter().copied().filter(|&j| verdict(x, nb[j]) == want));
                }
            }
            for (k, y) in nb.iter().enumerate() {
                if in_key(y) && vb[k] == Some(want) {
                    ib.push(k);
                    ia.extend(cb[k].iter().copied().filter(|&j| verdict(na[j], y) == want));
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
                    key_label(&key, kind),
                    texts(sa, &na, &ia),
                    texts(sb, &nb, &ib)
                ),
            });
            used_a.extend(ia.iter().map(|&k| idx_a(na[k])));
            used_b.extend(ib.iter().map(|&k| idx_b(nb[k])));
            break;
        }
    }
    // Differing accounts: the same figure and unit, described as different things.
    for x in na
        .iter()
        .filter(|c| c.kind == NumberKind::Measure && !c.descriptor.is_empty())
    {
        for y in nb
            .iter()
            .filter(|c| c.kind == NumberKind::Measure && !c.descriptor.is_empty())
        {
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
            used_a.insert(idx_a(x));
            used_b.insert(idx_b(y));
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

fn find_word(hay: &str, w: &str) -> Option<usize> {
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
        NumberKind::Measure => format!("how many {key}s"),
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
    for (side, other, used, is_a) in [(sa, sb, &used.0, true), (sb, sa, &used.1, false)] {
        for (k, c) in side.claims.numbers.iter().enumerate() {
            // Bare numbers without a noun or unit (datelines, scores) are not reported.
            if used.contains(&k) || !comparable_kind(c.kind) || c.key.is_none() {
                continue;
            }
            let row = side.row(c.sentence);
            if !matched(rows, row) {
                continue;
            }
            let said_there = other.claims.numbers.iter().any(|o| {
                (c.key.is_some() && o.key == c.key && o.kind == c.kind)
                    || (o.value == c.value && o.kind == c.kind)
            });
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
    for (wa, spa, sia, ea) in &fa {
        if wa.len() < 2 || set_b.contains(wa) {
            continue;
        }
        for (wb, spb, sib, eb) in &fb {
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

fn speaker_matches(sa: &ArticleClaims, qa: &Quote, sb: &ArticleClaims, qb: &Quote) -> Option<bool> {
    match (sa.speaker(qa), sb.speaker(qb)) {
        (Some(x), Some(y)) => Some(x.same_as(y)),
        _ => None,
    }
}

fn overlap(x: &[String], y: &[String]) -> (f32, f32) {
    let sx: HashSet<&String> = x.iter().collect();
    let sy: HashSet<&String> = y.iter().collect();
    let inter = sx.intersection(&sy).count() as f32;
    let min = sx.len().min(sy.len()).max(1) as f32;
    let union = sx.union(&sy).count().max(1) as f32;
    (inter / min, inter / union)
}

/// Quote differences, and quotes only one side has (in matched rows).
fn quotes(sa: &SideCtx, sb: &SideCtx, rows: &[Row], out: &mut Vec<Disagreement>) {
    let qa: Vec<&Quote> = sa.claims.quotes.iter().filter(|q| q.direct).collect();
    let qb: Vec<&Quote> = sb.claims.quotes.iter().filter(|q| q.direct).collect();
    let wa: Vec<Vec<String>> = qa.iter().map(|q| words::content_words(&q.text)).collect();
    let wb: Vec<Vec<String>> = qb.iter().map(|q| words::content_words(&q.text)).collect();
    let mut matched_a = vec![false; qa.len()];
    let mut matched_b = vec![false; qb.len()];
    let mut occasions: Vec<(usize, usize, usize, usize)> = Vec::new();
    let ctx_a: Vec<HashSet<String>> = qa.iter().map(|q| context(sa, q)).collect();
    let ctx_b: Vec<HashSet<String>> = qb.iter().map(|q| context(sb, q)).collect();
    let name =
        |c: &ArticleClaims, q: &Quote| c.speaker(q).map_or("?".to_string(), |e| e.name.clone());
    for i in 0..qa.len() {
        for j in 0..qb.len() {
            let (contain, jacc) = overlap(&wa[i], &wb[j]);
            let small = wa[i].len().min(wb[j].len());
            if contain >= 0.5 {
                matched_a[i] = true;
                matched_b[j] = true;
            }
            let same_row = {
                let r = sa.row(qa[i].sentence);
                r.is_some() && r == sb.row(qb[j].sentence)
            };
            let spk = speaker_matches(sa.claims, qa[i], sb.claims, qb[j]);
            let row = sa.row(qa[i].sentence).or_else(|| sb.row(qb[j].sentence));
            let Some(row) = row else { continue };
            if contain >= 0.999 && spk != Some(false) {
                continue; // the same words (or one quote inside the other)
            }
            if contain >= 0.8 && small >= 4 {
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
        let other_text = other.lower();
        for (k, q) in qs.iter().enumerate() {
            let row = side.row(q.sentence);
            if m[k] || ws[k].len() < 5 || !matched(rows, row) {
                continue;
            }
            let carried = ws[k]
                .iter()
                .filter(|w| find_word(other_text, w).is_some())
                .count() as f32
                / ws[k].len() as f32;
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
        let other_text = other.lower();
        for e in &side.claims.entities {
            if used.contains(&e.id) || !(e.kind == EntityKind::Person || e.words.len() >= 2) {
                continue;
            }
            if other.claims.entities.iter().any(|o| e.same_as(o)) {
                continue;
            }
            // Named in the other text even if not recognised there as a name.
            let last = words::norm(e.words.last().map_or("", |s| s.as_str()));
            if find_word(other_text, &last).is_some() && e.kind == EntityKind::Person {
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
