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

/// A token as the diff sees it: its normalised form, with a precomputed hash.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Key<'a> {
    pub hash: u64,
    pub form: &'a str,
}

impl PartialEq for Key<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.hash == o.hash && self.form == o.form
    }
}

impl Eq for Key<'_> {}

impl std::hash::Hash for Key<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Diff the tokens of A against those of B; returns the segments of each side.
///
/// Tokens compare by their normalised form: lowercase, with curly quotes, primes and
/// dashes folded to ASCII.
pub fn word_diff(
    text_a: &str,
    toks_a: &[Token],
    text_b: &str,
    toks_b: &[Token],
) -> (Vec<Segment>, Vec<Segment>) {
    let forms = |text: &str, toks: &[Token]| -> (String, Vec<(usize, usize)>) {
        let mut s = String::new();
        let mut r = Vec::with_capacity(toks.len());
        for t in toks {
            let start = s.len();
            super::analysis::push_form(&mut s, t.span.slice(text));
            r.push((start, s.len()));
        }
        (s, r)
    };
    let (fa, ra) = forms(text_a, toks_a);
    let (fb, rb) = forms(text_b, toks_b);
    fn keys<'a>(f: &'a str, r: &[(usize, usize)]) -> Vec<Key<'a>> {
        r.iter()
            .map(|&(s, e)| Key {
                hash: super::analysis::hash(&f.as_bytes()[s..e]),
                form: &f[s..e],
            })
            .collect()
    }
    let (ka, kb) = (keys(&fa, &ra), keys(&fb, &rb));
    let mut out = (Vec::new(), Vec::new());
    diff_keys(toks_a, &ka, toks_b, &kb, &mut out);
    out
}

/// Diff tokens by their keys (`ka[i]` of `toks_a[i]`; equal keys: the same normalised
/// form), appending the segments of each side to `out` (cleared first).
pub(crate) fn diff_keys<K: Eq + std::hash::Hash>(
    toks_a: &[Token],
    ka: &[K],
    toks_b: &[Token],
    kb: &[K],
    out: &mut (Vec<Segment>, Vec<Segment>),
) {
    let (sa, sb) = out;
    sa.clear();
    sb.clear();
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
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, ka, kb);
    for op in ops {
        let (_, ra, rb) = op.as_tag_tuple();
        let tag = if matches!(op, similar::DiffOp::Equal { .. }) {
            SegTag::Equal
        } else {
            SegTag::Changed
        };
        push(sa, toks_a, ra, tag);
        push(sb, toks_b, rb, tag);
    }
}
