//! Comparison of two articles: alignment rows with word-level diffs.

pub mod claims;
pub mod disagree;
mod worddiff;

pub use worddiff::{SegTag, Segment, word_diff};

use crate::align::{self, Side, Unit, UnitKind};
use crate::corpus::Article;
use serde::Serialize;

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

/// Align the sentences of two articles, leaving their boilerplate unmatched in place.
pub fn align_articles(a: &Article, b: &Article) -> align::Alignment {
    let (spans_a, spans_b) = (a.doc.sentence_spans(), b.doc.sentence_spans());
    let (skip_a, skip_b) = (a.skip_mask(), b.skip_mask());
    align::align(
        &Side {
            text: &a.text,
            sentences: &spans_a,
            lang: a.lang,
            skip: &skip_a,
        },
        &Side {
            text: &b.text,
            sentences: &spans_b,
            lang: b.lang,
            skip: &skip_b,
        },
    )
}

/// Compare two articles end to end: align sentences, then diff words within each row.
pub fn compare(a: &Article, b: &Article) -> Comparison {
    let alignment = align_articles(a, b);
    let rows: Vec<Row> = alignment
        .units
        .into_iter()
        .map(|u| row_for(a, b, u))
        .collect();
    let stats = stats(a, b, &rows);
    let disagreements = disagree::find(a, &claims::extract(a), b, &claims::extract(b), &rows);
    Comparison {
        rows,
        stats,
        disagreements,
    }
}

fn row_for(a: &Article, b: &Article, u: Unit) -> Row {
    let toks = |art: &Article, idx: &[usize]| -> Vec<crate::text::Token> {
        idx.iter()
            .flat_map(|&i| art.doc.sentences[i].tokens.iter().copied())
            .collect()
    };
    let ta = toks(a, &u.a);
    let tb = toks(b, &u.b);
    let (a_segments, b_segments) = word_diff(&a.text, &ta, &b.text, &tb);
    Row {
        a: u.a,
        b: u.b,
        kind: u.kind,
        score: u.score,
        a_segments,
        b_segments,
    }
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
