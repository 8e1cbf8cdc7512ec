//! Word tokens with byte spans.

use super::Span;
use unicode_segmentation::UnicodeSegmentation;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes or hyphens).
    Word,
    /// Digits, possibly with separators: `30`, `3.5`, `2,000`.
    Number,
    /// Anything else that is not whitespace.
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Tokenise the part of `text` covered by `span` (UAX #29 word boundaries).
/// Returned spans are absolute offsets into `text`.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    span.slice(text)
        .split_word_bound_indices()
        .filter_map(|(i, w)| {
            let first = w.chars().next()?;
            if first.is_whitespace() {
                return None;
            }
            let kind = if w.chars().any(char::is_alphabetic) {
                TokenKind::Word
            } else if first.is_ascii_digit() || w.chars().any(|c| c.is_numeric()) {
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            let start = span.start + i;
            Some(Token {
                span: Span::new(start, start + w.len()),
                kind,
            })
        })
        .collect()
}
