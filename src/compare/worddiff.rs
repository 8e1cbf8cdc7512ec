//! Word-level diff inside an aligned row, computed with `similar`.

use crate::text::{Span, Token};
use serde::Serialize;

/// How a piece of a row's text relates to the other side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SegTag {
    /// Present on both sides.
    Equal,
    /// Only on this side (removed from A / added in B).
    Changed,
}

/// A run of tokens on one side with one tag. `span` covers the text from the
/// first token's start to the last token's end (inner whitespace included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub span: Span,
    pub tag: SegTag,
}

fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Diff the tokens of A against those of B; returns the segments of each side.
pub fn word_diff(
    text_a: &str,
    toks_a: &[Token],
    text_b: &str,
    toks_b: &[Token],
) -> (Vec<Segment>, Vec<Segment>) {
    let ka: Vec<String> = toks_a.iter().map(|t| norm(t.span.slice(text_a))).collect();
    let kb: Vec<String> = toks_b.iter().map(|t| norm(t.span.slice(text_b))).collect();
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &ka, &kb);
    let mut sa: Vec<Segment> = Vec::new();
    let mut sb: Vec<Segment> = Vec::new();
    let push = |out: &mut Vec<Segment>, toks: &[Token], range: std::ops::Range<usize>, tag| {
        if range.is_empty() {
            return;
        }
        let span = Span::new(toks[range.start].span.start, toks[range.end - 1].span.end);
        match out.last_mut() {
            Some(last) if last.tag == tag => last.span.end = span.end,
            _ => out.push(Segment { span, tag }),
        }
    };
    for op in ops {
        let (_, ra, rb) = op.as_tag_tuple();
        let tag = if matches!(op, similar::DiffOp::Equal { .. }) {
            SegTag::Equal
        } else {
            SegTag::Changed
        };
        push(&mut sa, toks_a, ra, tag);
        push(&mut sb, toks_b, rb, tag);
    }
    (sa, sb)
}
