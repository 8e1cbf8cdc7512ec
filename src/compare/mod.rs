//! Comparison of two articles: alignment rows with word-level diffs.
//!
//! Two articles compared straight from their raw text can be built together with
//! [`load_pair`]: each is segmented, marked and prepared on its own thread when the texts are
//! long enough to pay for one (a thread costs tens of microseconds to start).

mod analysis;
pub mod claims;
pub mod disagree;
mod worddiff;

pub use analysis::{Analysis, AnalysisCell, Prepared};
pub use worddiff::{SegTag, Segment, diff_keys, word_diff};

use crate::align::{self, Side, Unit, UnitKind};
use crate::corpus::{Article, ArticleMeta};
use crate::text::Token;
use serde::Serialize;
use std::sync::Arc;

/// One row of the side-by-side view: an aligned unit with its word diff.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// Sentence indices of A (empty when only B has this row).
    pub a: Vec<usize>,
    /// Sentence indices of B (empty when only A has this row).
    pub b: Vec<usize>,
    pub kind: UnitKind,
    pub score: f32,
    /// A's text as segments (spans into A's text), in order.
    pub a_segments: Vec<Segment>,
    /// B's text as segments (spans into B's text), in order.
    pub b_segments: Vec<Segment>,
}

impl Row {
    /// Whether this row is a difference a reader may want to jump to.
    pub fn is_change(&self) -> bool {
        self.kind != UnitKind::Same
    }
}

/// Counts for the status line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    pub same: usize,
    pub changed: usize,
    pub moved: usize,
    pub only_a: usize,
    pub only_b: usize,
    /// Overall similarity in `0.0..=1.0`: the share of (non-boilerplate) words in matched rows
    /// weighted by their row score.
    pub similarity: f32,
}

/// What kind of disagreement two aligned sources show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// Numbers about the same thing whose hedged ranges cannot both hold.
    NumberConflict,
    /// Compatible but different numbers ("roughly 30" vs "more than 30").
    NumberImprecision,
    /// Same speaker with different words, or same words with a different speaker.
    QuoteDifference,
    /// One word of a multi-word name changed while the rest agrees (suspected spin).
    NameDifference,
    /// A number, quote or name that only one side reports.
    OnlyHere,
    /// The same figure and unit described as different things ("a partial 30-day ceasefire"
    /// vs "a 30-day limited halt on strikes against Ukraine's power grid").
    AccountDifference,
    /// Matched sentences that date what they tell differently ("on Thursday" vs "on
    /// Wednesday", "March 20" vs "March 21").
    DateConflict,
}

/// A disagreement found in one row, with the exact spans on both sides.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Disagreement {
    pub kind: DisagreementKind,
    /// Index into `Comparison::rows`.
    pub row: usize,
    /// Spans into A's text (empty when only B says it).
    pub a: Vec<crate::text::Span>,
    /// Spans into B's text (empty when only A says it).
    pub b: Vec<crate::text::Span>,
    /// One line for people: what differs. Quotes article text: sanitise before display.
    pub summary: String,
}

/// The comparison of article A with article B.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub rows: Vec<Row>,
    pub stats: Stats,
    /// Disagreements between the two sides, in row order.
    pub disagreements: Vec<Disagreement>,
}

/// Above this many bytes of text (both together), [`load_pair`] builds the two articles on
/// two threads (below it a thread costs more than it saves).
pub const PAIR_PARALLEL_BYTES: usize = 4 * 1024;

/// Two articles from their raw text, each segmented, marked ([`Article::from_text`]) and
/// prepared ([`Article::prepared`]), ready to compare: the same articles as building and
/// preparing each in turn, on two threads when the texts are long enough.
pub fn load_pair(
    meta_a: ArticleMeta,
    text_a: impl Into<Arc<str>>,
    meta_b: ArticleMeta,
    text_b: impl Into<Arc<str>>,
) -> (Article, Article) {
    let (text_a, text_b): (Arc<str>, Arc<str>) = (text_a.into(), text_b.into());
    let par = text_a.len() + text_b.len() >= PAIR_PARALLEL_BYTES;
    let make = |meta, text| {
        let art = Article::from_text(meta, text);
        art.warm_prepared();
        art
    };
    // The second closure starts later (when a pool thread takes it over): give it the
    // shorter text, so the longer one (the critical path) starts at once.
    if text_b.len() > text_a.len() {
        let (b, a) = crate::par::both(par, || make(meta_b, text_b), || make(meta_a, text_a));
        (a, b)
    } else {
        crate::par::both(par, || make(meta_a, text_a), || make(meta_b, text_b))
    }
}

/// Align the sentences of two articles, leaving their boilerplate unmatched in place. Each
/// article's side of the features ([`Article::prepared`]) is computed on first use and kept.
pub fn align_articles(a: &Article, b: &Article) -> align::Alignment {
    align_prepared(a, &a.prepared(), b, &b.prepared())
}

/// [`align_articles`] with each article's [`Prepared`] given (`pa` of `a`, `pb` of `b`).
pub fn align_prepared(a: &Article, pa: &Prepared, b: &Article, pb: &Prepared) -> align::Alignment {
    align::align_prepared(
        &Side {
            text: &a.text,
            sentences: pa.sentences(),
            lang: a.lang,
            skip: pa.skip(),
        },
        pa.align.clone(),
        &Side {
            text: &b.text,
            sentences: pb.sentences(),
            lang: b.lang,
            skip: pb.skip(),
        },
        pb.align.clone(),
        &align::AlignOptions::default(),
    )
}

/// Compare two articles end to end: align sentences, then diff words within each row, then
/// find the disagreements. Each article's [`Prepared`] (alignment features, token keys) and
/// [`Analysis`] (claims) are computed on first use and kept on the article, so comparing it
/// again with another article reuses them.
pub fn compare(a: &Article, b: &Article) -> Comparison {
    // (the two articles' halves computed side by side first, where a fork is cheap)
    crate::par::both(
        crate::par::cheap_forks(),
        || a.warm_analysis(),
        || b.warm_analysis(),
    );
    compare_analysed(a, &a.analysis(), b, &b.analysis())
}

/// [`compare`] with each article's analysis given (`aa` of `a`, `ab` of `b`).
pub fn compare_analysed(a: &Article, aa: &Analysis, b: &Article, ab: &Analysis) -> Comparison {
    let mut cmp = compare_text(a, b);
    cmp.disagreements = disagree::find_analysed(a, aa, b, ab, &cmp.rows);
    cmp
}

/// Compare the text of two articles without their claims: align sentences, then diff words
/// within each row (no disagreements).
pub fn compare_text(a: &Article, b: &Article) -> Comparison {
    let (pa, pb) = (a.prepared(), b.prepared());
    let alignment = align_prepared(a, &pa, b, &pb);
    let rows = rows(a, &pa, b, &pb, alignment.units);
    let stats = stats(a, b, &rows);
    Comparison {
        rows,
        stats,
        disagreements: Vec::new(),
    }
}

/// The rows of aligned units: each unit with the word diff of its two sides (`pa` is `a`'s
/// [`Prepared`], `pb` is `b`'s).
pub fn rows(a: &Article, pa: &Prepared, b: &Article, pb: &Prepared, units: Vec<Unit>) -> Vec<Row> {
    // Tokens are diffed by form ids shared by the two articles (equal exactly when the
    // normalised forms are), so the diff compares integers.
    let b_ids = pa.pair_form_ids(pb);
    let diff = |units: Vec<Unit>| diff_rows(a, pa, b, pb, &b_ids, units);
    // Rows are independent: the two halves side by side where a fork is cheap.
    if units.len() >= ROWS_SPLIT && crate::par::cheap_forks() {
        let mut first = units;
        let second = first.split_off(first.len() / 2);
        let (mut out, rest) = crate::par::both(true, || diff(first), || diff(second));
        out.extend(rest);
        out
    } else {
        diff(units)
    }
}

/// From this many units on, [`rows`] diffs two halves in parallel where a fork is cheap.
const ROWS_SPLIT: usize = 16;

/// The rows of `units` in order ([`rows`], with B's form ids in the pair's numbering).
fn diff_rows(
    a: &Article,
    pa: &Prepared,
    b: &Article,
    pb: &Prepared,
    b_ids: &[u32],
    units: Vec<Unit>,
) -> Vec<Row> {
    // Buffers reused from row to row.
    let mut toks: (Vec<Token>, Vec<Token>) = Default::default();
    let mut ids: (Vec<u32>, Vec<u32>) = Default::default();
    let gather = |art: &Article, idx: &[usize], t: &mut Vec<Token>| {
        t.clear();
        for &i in idx {
            t.extend_from_slice(&art.doc.sentences[i].tokens);
        }
    };
    let mut out = Vec::with_capacity(units.len());
    for u in units {
        let mut segs = (Vec::new(), Vec::new());
        if u.a.is_empty() || u.b.is_empty() {
            // One side only: every token is a change.
            segs.0 = whole(a, &u.a);
            segs.1 = whole(b, &u.b);
        } else {
            gather(a, &u.a, &mut toks.0);
            gather(b, &u.b, &mut toks.1);
            ids.0.clear();
            for &i in &u.a {
                ids.0.extend_from_slice(pa.sentence_form_ids(i));
            }
            ids.1.clear();
            for &j in &u.b {
                ids.1
                    .extend(pb.sentence_form_ids(j).iter().map(|&f| b_ids[f as usize]));
            }
            worddiff::diff_keys(&toks.0, &ids.0, &toks.1, &ids.1, &mut segs);
        }
        out.push(Row {
            a: u.a,
            b: u.b,
            kind: u.kind,
            score: u.score,
            a_segments: segs.0,
            b_segments: segs.1,
        });
    }
    out
}

/// The segments of one side of a row the other side does not share: one changed segment
/// per stretch of tokens, as the diff against nothing gives.
fn whole(art: &Article, idx: &[usize]) -> Vec<Segment> {
    let mut out = Vec::new();
    for &i in idx {
        let toks = &art.doc.sentences[i].tokens;
        worddiff::push(&mut out, toks, 0..toks.len(), SegTag::Changed);
    }
    out
}

fn stats(a: &Article, b: &Article, rows: &[Row]) -> Stats {
    let mut s = Stats::default();
    let (mut matched, mut total) = (0.0f32, 0.0f32);
    for r in rows {
        match r.kind {
            UnitKind::Same => s.same += 1,
            UnitKind::Changed => s.changed += 1,
            UnitKind::Moved => s.moved += 1,
            UnitKind::OnlyA => s.only_a += 1,
            UnitKind::OnlyB => s.only_b += 1,
        }
        let words = |art: &Article, idx: &[usize]| -> f32 {
            idx.iter()
                .filter(|&&i| art.boilerplate.get(i).is_none_or(Option::is_none))
                .map(|&i| art.doc.sentences[i].tokens.len() as f32)
                .sum()
        };
        let w = words(a, &r.a) + words(b, &r.b);
        total += w;
        matched += w * r.score;
    }
    s.similarity = if total > 0.0 { matched / total } else { 0.0 };
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The raw text of the bundled article `name` (an id prefix such as `003`).
    fn seed(name: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let c = crate::corpus::Corpus::load(&dir).expect("bundled corpus");
        let i = c.find(name).expect("a bundled article");
        c.articles[i].text.to_string()
    }

    #[test]
    fn a_pair_loaded_together_compares_as_two_articles_built_in_turn() {
        let meta = |id: &str| ArticleMeta {
            id: id.into(),
            language: Some("en".into()),
            ..ArticleMeta::default()
        };
        // (A longer, B longer, the same text: each order of the two threads)
        for (x, y) in [("003", "004"), ("000", "001"), ("002", "002")] {
            let (ta, tb) = (seed(x), seed(y));
            // (the seed pairs are above the threshold: built on two threads)
            assert!(ta.len() + tb.len() >= PAIR_PARALLEL_BYTES);
            let (a, b) = load_pair(meta(x), ta.as_str(), meta(y), tb.as_str());
            let (a2, b2) = (
                Article::from_text(meta(x), ta.as_str()),
                Article::from_text(meta(y), tb.as_str()),
            );
            assert_eq!((&*a.meta.id, &*b.meta.id), (x, y));
            assert_eq!(a.doc, a2.doc);
            assert_eq!(b.doc, b2.doc);
            assert_eq!(b.boilerplate, b2.boilerplate);
            assert!(matches!(a.prepared(), std::borrow::Cow::Borrowed(_)));
            assert_eq!(compare_text(&a, &b), compare_text(&a2, &b2));
        }
    }
}
