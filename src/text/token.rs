//! Word tokens with byte spans.

use super::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner apostrophes or hyphens).
    Word,
    /// Digits, possibly with separators: `30`, `3.5`, `2,000`.
    Number,
    /// Anything else that is not whitespace.
    Punct,
}

/// A word, number or punctuation mark, with its byte span in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Tokenise the part of `text` covered by `span` (UAX #29 word boundaries).
/// Returned spans are absolute offsets into `text`; whitespace yields no token.
/// Numbers keep their inner separators ("3.5", "2,000"); "30-day" is `30`, `-`, `day`;
/// contractions with `'` or `’` stay one word.
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

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text, Span::new(0, text.len()))
            .into_iter()
            .map(|t| (t.span.slice(text), t.kind))
            .collect()
    }

    #[test]
    fn numbers_keep_their_separators() {
        use TokenKind::*;
        assert_eq!(
            toks("rose 3.5% to 2,000 on a 30-day plan"),
            vec![
                ("rose", Word),
                ("3.5", Number),
                ("%", Punct),
                ("to", Word),
                ("2,000", Number),
                ("on", Word),
                ("a", Word),
                ("30", Number),
                ("-", Punct),
                ("day", Word),
                ("plan", Word),
            ]
        );
        assert_eq!(toks("$1.000.000,50")[1], ("1.000.000,50", Number));
    }

    #[test]
    fn contractions_with_straight_and_curly_apostrophes() {
        use TokenKind::*;
        assert_eq!(
            toks("don't won’t UK’s"),
            vec![("don't", Word), ("won’t", Word), ("UK’s", Word)]
        );
    }

    #[test]
    fn quotes_and_punctuation_are_separate_and_whitespace_is_dropped() {
        use TokenKind::*;
        let t = "“Yes,” he said.\u{a0}Ok";
        assert_eq!(
            toks(t),
            vec![
                ("“", Punct),
                ("Yes", Word),
                (",", Punct),
                ("”", Punct),
                ("he", Word),
                ("said", Word),
                (".", Punct),
                ("Ok", Word),
            ]
        );
    }

    #[test]
    fn spans_are_absolute_and_non_latin_words_count() {
        let text = "xx Zürich Москва 東京";
        let span = Span::new(3, text.len());
        let t = tokenize(text, span);
        assert_eq!(t[0].span.slice(text), "Zürich");
        assert!(t.iter().all(|t| t.kind == TokenKind::Word));
        assert!(t.iter().all(|t| t.span.start >= 3));
    }
}
