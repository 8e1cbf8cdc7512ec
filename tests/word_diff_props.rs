//! `compare::diff_keys` takes similar's Histogram ops straight into segments (through
//! `Compact`, with a shortcut for identical rows); its segments must be exactly those built
//! from `similar::capture_diff_slices(Algorithm::Histogram, ..)`, kept here as the reference.

use parallax::compare::{SegTag, Segment, diff_keys};
use parallax::text::{Span, Token, TokenKind};
use proptest::prelude::*;

/// Tokens at made-up offsets: token `i` covers `3i..3i+2`.
fn tokens(n: usize) -> Vec<Token> {
    (0..n)
        .map(|i| Token {
            span: Span::new(3 * i, 3 * i + 2),
            kind: TokenKind::Word,
        })
        .collect()
}

/// The segments as the ops `capture_diff_slices` returns give them.
fn reference(
    toks_a: &[Token],
    ka: &[u32],
    toks_b: &[Token],
    kb: &[u32],
) -> (Vec<Segment>, Vec<Segment>) {
    let (mut sa, mut sb) = (Vec::new(), Vec::new());
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
    for op in similar::capture_diff_slices(similar::Algorithm::Histogram, ka, kb) {
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

fn check(ka: &[u32], kb: &[u32]) {
    let (ta, tb) = (tokens(ka.len()), tokens(kb.len()));
    let mut out = (
        vec![Segment {
            span: Span::new(0, 1),
            tag: SegTag::Changed,
        }],
        Vec::new(),
    );
    diff_keys(&ta, ka, &tb, kb, &mut out);
    assert_eq!(out, reference(&ta, ka, &tb, kb), "{ka:?} vs {kb:?}");
}

#[test]
fn examples_match_the_reference() {
    check(&[], &[]);
    check(&[1, 2, 3], &[1, 2, 3]);
    check(&[1, 2, 3], &[]);
    check(&[], &[4]);
    check(
        &[11, 1, 2, 2, 3, 4, 4, 4, 5, 47, 19],
        &[10, 1, 2, 2, 8, 9, 4, 4, 7, 47, 18],
    );
    check(&[1, 1, 0, 0], &[0, 1, 1, 0]);
    check(&[1, 2, 3, 1, 2, 3], &[3, 2, 1, 1, 2, 3, 3]);
}

/// A row's ids: mostly a shared small vocabulary (repeats and unique words both), so the
/// two sides have anchors, gaps and repeated words.
fn ids(max_len: usize) -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(prop_oneof![3 => 0u32..8, 1 => 0u32..64], 0..max_len)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn segments_match_capture_diff_slices(ka in ids(60), kb in ids(60)) {
        check(&ka, &kb);
    }

    #[test]
    fn edited_copies_match_capture_diff_slices(
        ka in ids(80),
        edits in prop::collection::vec((0usize..80, 0u32..70, 0u8..3), 0..8),
    ) {
        // B is A with a few words replaced, inserted or removed: the common case of a row.
        let mut kb = ka.clone();
        for (at, id, what) in edits {
            let at = at.min(kb.len());
            match what {
                0 if at < kb.len() => kb[at] = id,
                1 => kb.insert(at, id),
                _ if at < kb.len() => {
                    kb.remove(at);
                }
                _ => {}
            }
        }
        check(&ka, &kb);
    }
}
