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
/// form), writing the segments of each side to `out` (cleared first).
///
/// The segments are those of `similar::capture_diff_slices(Algorithm::Histogram, ka, kb)`:
/// a side's segments are the maximal runs of its tokens with one tag, so they only depend on
/// which tokens the ops mark equal. The ops are therefore taken straight from similar's
/// Histogram diff through its [`Compact`](similar::algorithms::Compact) cleanup (what
/// `capture_diff` runs) into a hook that writes segments, without the `Replace` and
/// `Capture` layers nor a `Vec<DiffOp>` to walk afterwards. Identical key lists (most rows
/// of two versions of a story) give one equal segment per side, as the diff would.
///
/// Histogram (git's `--histogram`: Patience's idea of anchoring on rare tokens, extended to
/// tokens that occur a few times) rather than Patience: on the rows of the seed pairs it
/// marks as many words equal (301 against 302 of 1,000-odd) at a quarter of the time, as
/// Patience spends most of its time in Myers between anchors. (Between two long rows that
/// share almost nothing, 512 tokens or more each, similar's Histogram gives up early and
/// marks all of both changed, which is what such a row shows anyway.)
pub fn diff_keys<K: Eq + std::hash::Hash>(
    toks_a: &[Token],
    ka: &[K],
    toks_b: &[Token],
    kb: &[K],
    out: &mut (Vec<Segment>, Vec<Segment>),
) {
    let (sa, sb) = out;
    sa.clear();
    sb.clear();
    if ka == kb {
        push(sa, toks_a, 0..ka.len(), SegTag::Equal);
        push(sb, toks_b, 0..kb.len(), SegTag::Equal);
        return;
    }
    let hook = SegmentHook {
        toks_a,
        toks_b,
        sa,
        sb,
    };
    let mut d = similar::algorithms::Compact::new(hook, ka, kb);
    let Ok(()) = similar::algorithms::histogram::diff(&mut d, ka, 0..ka.len(), kb, 0..kb.len());
}

/// Append the tokens `range` of `toks` to `out` with `tag`, extending the last segment
/// when it has the same tag.
pub(super) fn push(
    out: &mut Vec<Segment>,
    toks: &[Token],
    range: std::ops::Range<usize>,
    tag: SegTag,
) {
    if range.is_empty() {
        return;
    }
    let span = Span::new(toks[range.start].span.start, toks[range.end - 1].span.end);
    match out.last_mut() {
        Some(last) if last.tag == tag => last.span.end = span.end,
        _ => out.push(Segment { span, tag }),
    }
}

/// A [`similar::algorithms::DiffHook`] writing each side's segments as the ops arrive
/// (in order on both sides, as [`Compact`](similar::algorithms::Compact) emits them).
struct SegmentHook<'a> {
    toks_a: &'a [Token],
    toks_b: &'a [Token],
    sa: &'a mut Vec<Segment>,
    sb: &'a mut Vec<Segment>,
}

impl similar::algorithms::DiffHook for SegmentHook<'_> {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        push(self.sa, self.toks_a, old..old + len, SegTag::Equal);
        push(self.sb, self.toks_b, new..new + len, SegTag::Equal);
        Ok(())
    }

    fn delete(&mut self, old: usize, len: usize, _new: usize) -> Result<(), Self::Error> {
        push(self.sa, self.toks_a, old..old + len, SegTag::Changed);
        Ok(())
    }

    fn insert(&mut self, _old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        push(self.sb, self.toks_b, new..new + len, SegTag::Changed);
        Ok(())
    }
}
