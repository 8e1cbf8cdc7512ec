//! The JSON report: a stable, documented shape (see `docs/REPORTS.md`).
//!
//! ```text
//! {"format": "parallax-report", "version": 1, "generator": "parallax 0.1.0",
//!  "a": {"id", "file", "title", "outlet", "published", "url", "language", "hash", "sentences", "words"},
//!  "b": {…},
//!  "stats": {"same", "changed", "moved", "only_a", "only_b", "similarity"},
//!  "review_file": "…" | null,
//!  "rows": [{"index", "kind", "score", "a": [sentence indices], "b": […],
//!            "a_text", "b_text",
//!            "a_segments": [{"start", "end", "tag", "text"}], "b_segments": […],
//!            "disagreements": [indices into "disagreements"]}],
//!  "disagreements": [{"index", "kind", "row", "summary",
//!                     "a": [{"start", "end", "text"}], "b": […],
//!                     "review": {"verdict", "note", "updated"} | null}]}
//! ```
//! Offsets are byte offsets into each article's text; texts are exact (not sanitised).

use super::Report;
use crate::align::UnitKind;
use crate::compare::{DisagreementKind, SegTag, Segment, Stats};
use crate::corpus::Article;
use crate::review::Verdict;
use crate::text::Span;
use serde::Serialize;

/// Version of the JSON report shape; bumped on incompatible changes.
pub const JSON_VERSION: u32 = 1;

/// The whole JSON report.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    /// Always `"parallax-report"`.
    pub format: &'static str,
    pub version: u32,
    pub generator: String,
    pub a: JsonArticle<'a>,
    pub b: JsonArticle<'a>,
    pub stats: Stats,
    pub review_file: Option<String>,
    pub rows: Vec<JsonRow<'a>>,
    pub disagreements: Vec<JsonDisagreement<'a>>,
}

/// Metadata of one article.
#[derive(Debug, Serialize)]
pub struct JsonArticle<'a> {
    pub id: &'a str,
    pub file: String,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub published: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: &'static str,
    /// `sha256:<hex>` of the text (the key review notes use).
    pub hash: String,
    pub sentences: usize,
    pub words: usize,
}

/// A span with its text.
#[derive(Debug, Serialize)]
pub struct JsonSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

/// A word-diff segment with its text.
#[derive(Debug, Serialize)]
pub struct JsonSegment<'a> {
    pub start: usize,
    pub end: usize,
    pub tag: SegTag,
    pub text: &'a str,
}

/// One aligned row.
#[derive(Debug, Serialize)]
pub struct JsonRow<'a> {
    pub index: usize,
    pub kind: UnitKind,
    pub score: f32,
    pub a: &'a [usize],
    pub b: &'a [usize],
    /// The row's sentences of A, joined by a space.
    pub a_text: String,
    pub b_text: String,
    pub a_segments: Vec<JsonSegment<'a>>,
    pub b_segments: Vec<JsonSegment<'a>>,
    pub disagreements: Vec<usize>,
}

/// One disagreement with its review.
#[derive(Debug, Serialize)]
pub struct JsonDisagreement<'a> {
    pub index: usize,
    pub kind: DisagreementKind,
    pub row: usize,
    pub summary: &'a str,
    pub a: Vec<JsonSpan<'a>>,
    pub b: Vec<JsonSpan<'a>>,
    pub review: Option<JsonReview<'a>>,
}

/// A stored review.
#[derive(Debug, Serialize)]
pub struct JsonReview<'a> {
    pub verdict: Verdict,
    pub note: &'a str,
    /// Seconds since the Unix epoch.
    pub updated: u64,
}

fn article(a: &Article) -> JsonArticle<'_> {
    JsonArticle {
        id: &a.meta.id,
        file: a.meta.file.to_string_lossy().into_owned(),
        title: &a.meta.title,
        outlet: a.meta.outlet.as_deref(),
        published: a.meta.published.as_deref(),
        url: a.meta.url.as_deref(),
        language: a.lang.code(),
        hash: crate::review::content_hash(&a.text),
        sentences: a.doc.sentences.len(),
        words: a.word_count(),
    }
}

fn slice(text: &str, s: Span) -> &str {
    text.get(s.start..s.end).unwrap_or("")
}

fn segments<'a>(text: &'a str, segs: &[Segment]) -> Vec<JsonSegment<'a>> {
    segs.iter()
        .map(|s| JsonSegment {
            start: s.span.start,
            end: s.span.end,
            tag: s.tag,
            text: slice(text, s.span),
        })
        .collect()
}

fn spans<'a>(text: &'a str, spans: &[Span]) -> Vec<JsonSpan<'a>> {
    spans
        .iter()
        .map(|s| JsonSpan {
            start: s.start,
            end: s.end,
            text: slice(text, *s),
        })
        .collect()
}

fn joined(a: &Article, idx: &[usize]) -> String {
    idx.iter()
        .filter(|&&i| i < a.doc.sentences.len())
        .map(|&i| a.sentence(i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Build the JSON report's value (useful to embed or test).
pub fn json_value<'a>(report: &'a Report) -> JsonReport<'a> {
    let (a, b, cmp) = (report.a, report.b, report.cmp);
    JsonReport {
        format: "parallax-report",
        version: JSON_VERSION,
        generator: format!("parallax {}", env!("CARGO_PKG_VERSION")),
        a: article(a),
        b: article(b),
        stats: cmp.stats,
        review_file: report
            .review_file
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned()),
        rows: cmp
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| JsonRow {
                index: i,
                kind: r.kind,
                score: r.score,
                a: &r.a,
                b: &r.b,
                a_text: joined(a, &r.a),
                b_text: joined(b, &r.b),
                a_segments: segments(&a.text, &r.a_segments),
                b_segments: segments(&b.text, &r.b_segments),
                disagreements: report.disagreements_of_row(i),
            })
            .collect(),
        disagreements: cmp
            .disagreements
            .iter()
            .enumerate()
            .map(|(i, d)| JsonDisagreement {
                index: i,
                kind: d.kind,
                row: d.row,
                summary: &d.summary,
                a: spans(&a.text, &d.a),
                b: spans(&b.text, &d.b),
                review: report
                    .reviews
                    .get(i)
                    .and_then(Option::as_ref)
                    .map(|r| JsonReview {
                        verdict: r.verdict,
                        note: &r.note,
                        updated: r.updated,
                    }),
            })
            .collect(),
    }
}

/// The report as pretty-printed JSON (ends with a newline).
pub fn json(report: &Report) -> String {
    let s = serde_json::to_string_pretty(&json_value(report)).expect("report serialises");
    // Raw C1 and bidi controls must not reach a terminal when the report goes to stdout.
    let mut s = crate::sanitize::json(&s).into_owned();
    s.push('\n');
    s
}
