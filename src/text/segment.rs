//! Sentence boundary detection.

use super::{Lang, Span};

/// Split `text` into sentence spans (relative to `text`), trimmed of surrounding whitespace.
/// Placeholder: splits after `.`, `!`, `?` followed by whitespace, and at line breaks.
pub fn split_sentences(text: &str, _lang: Lang) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.trim_end().len();
        if piece.trim().is_empty() {
            return;
        }
        out.push(Span::new(s + lead, s + trail));
    };
    for (i, &b) in bytes.iter().enumerate() {
        let end_punct = matches!(b, b'.' | b'!' | b'?')
            && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        if end_punct {
            push(start, i + 1, &mut out);
            start = i + 1;
        } else if b == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
        }
    }
    push(start, text.len(), &mut out);
    out
}
