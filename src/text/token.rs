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
/// contractions with `'` or `’` stay one word. An escape sequence (ESC or a C1 introducer and
/// its body, as [`crate::sanitize`] reads it) is one punctuation token.
///
/// ASCII whitespace always separates words under UAX #29, so the text is cut there and
/// each all-ASCII piece is split by the same rules in a fast path; other pieces go through
/// `unicode-segmentation`. The result equals segmenting the whole span at once (tested).
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = span.slice(text);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while i < b.len() {
        if is_ascii_space(b[i]) {
            i += 1;
            continue;
        }
        // An escape sequence in untrusted text is one token (shown as one `␛`): no word,
        // figure ("0m" of ESC[0m) or diff boundary inside it.
        if escape_at(b, i) {
            let n = crate::sanitize::escape_sequence_len(&s[i..]).max(1);
            out.push(Token {
                span: Span::new(span.start + i, span.start + i + n),
                kind: TokenKind::Punct,
            });
            i += n;
            continue;
        }
        let start = i;
        let mut ascii = true;
        // (one comparison a byte for the common case: letters, digits, punctuation)
        while i < b.len() {
            let c = b[i];
            if c <= 0x20 {
                if is_ascii_space(c) || (c == 0x1b && i > start) {
                    break;
                }
            } else if c >= 0x80 {
                ascii = false;
                if c == 0xc2 && i > start && escape_at(b, i) {
                    break;
                }
            }
            i += 1;
        }
        if ascii {
            ascii_words(b, start, i, span.start, &mut out);
        } else {
            // Keep the preceding space: a combining mark after it belongs to it (WB4). (After
            // an escape sequence there is none to keep.)
            let from = if start > 0 && is_ascii_space(b[start - 1]) {
                start - 1
            } else {
                start
            };
            for (k, w) in s[from..i].split_word_bound_indices() {
                push(&mut out, span.start + from + k, w);
            }
        }
    }
    out
}

/// Whether an escape sequence starts at byte `i`: ESC, or a C1 introducer (CSI, OSC, DCS,
/// SOS, PM, APC: U+0090–U+009F in UTF-8, `C2 9x`).
#[inline]
fn escape_at(b: &[u8], i: usize) -> bool {
    b[i] == 0x1b || (b[i] == 0xc2 && matches!(b.get(i + 1), Some(0x90 | 0x98 | 0x9b | 0x9d..=0x9f)))
}

fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn push(out: &mut Vec<Token>, start: usize, w: &str) {
    let Some(first) = w.chars().next() else {
        return;
    };
    if first.is_whitespace() {
        return;
    }
    // An Arabic one-letter prefix glued to a number ("و23": "and 23"): two tokens, so the
    // number is one (UAX #29 keeps a letter and the digits after it together).
    let rest = &w[first.len_utf8()..];
    if crate::text::normalize::is_arabic_prefix(first)
        && rest.starts_with(crate::text::normalize::is_digit)
        && !rest.chars().any(char::is_alphabetic)
    {
        push(out, start, &w[..first.len_utf8()]);
        push(out, start + first.len_utf8(), rest);
        return;
    }
    let kind = if w.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if first.is_ascii_digit() || w.chars().any(char::is_numeric) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    };
    out.push(Token {
        span: Span::new(start, start + w.len()),
        kind,
    });
}

/// UAX #29 word-break classes of ASCII characters (other than whitespace).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Digit,
    /// `:` (MidLetter)
    MidLetter,
    /// `.` `'` (MidNumLet)
    MidNumLet,
    /// `,` `;` (MidNum)
    MidNum,
    /// `_` (ExtendNumLet)
    Extend,
    Other,
}

fn wb(c: u8) -> Wb {
    match c {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Digit,
        b':' => Wb::MidLetter,
        b'.' | b'\'' => Wb::MidNumLet,
        b',' | b';' => Wb::MidNum,
        b'_' => Wb::Extend,
        _ => Wb::Other,
    }
}

/// Split the all-ASCII, space-free `b[start..end]` by the UAX #29 rules that apply to
/// ASCII (WB5–WB13b); `base` makes the spans absolute.
fn ascii_words(b: &[u8], start: usize, end: usize, base: usize, out: &mut Vec<Token>) {
    let mut i = start;
    while i < end {
        let c = wb(b[i]);
        if !matches!(c, Wb::Letter | Wb::Digit | Wb::Extend) {
            out.push(Token {
                span: Span::new(base + i, base + i + 1),
                kind: TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        let (mut letters, mut digits) = (c == Wb::Letter, c == Wb::Digit);
        let mut prev = c;
        let mut j = i + 1;
        while j < end {
            let d = wb(b[j]);
            match d {
                Wb::Letter | Wb::Digit | Wb::Extend => {
                    letters |= d == Wb::Letter;
                    digits |= d == Wb::Digit;
                    prev = d;
                    j += 1;
                }
                Wb::MidLetter | Wb::MidNumLet | Wb::MidNum => {
                    let e = if j + 1 < end { wb(b[j + 1]) } else { Wb::Other };
                    let joins = (prev == Wb::Letter
                        && e == Wb::Letter
                        && matches!(d, Wb::MidLetter | Wb::MidNumLet))
                        || (prev == Wb::Digit
                            && e == Wb::Digit
                            && matches!(d, Wb::MidNum | Wb::MidNumLet));
                    if !joins {
                        break;
                    }
                    prev = e;
                    j += 2;
                }
                Wb::Other => break,
            }
        }
        let kind = if letters {
            TokenKind::Word
        } else if digits {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        out.push(Token {
            span: Span::new(base + i, base + j),
            kind,
        });
        i = j;
    }
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
    fn an_escape_sequence_is_one_token() {
        use TokenKind::*;
        assert_eq!(
            toks("The \x1b[31mmayor\x1b[0m spoke (\x1b]0;a title\x07x)"),
            [
                ("The", Word),
                ("\x1b[31m", Punct),
                ("mayor", Word),
                ("\x1b[0m", Punct),
                ("spoke", Word),
                ("(", Punct),
                ("\x1b]0;a title\x07", Punct),
                ("x", Word),
                (")", Punct),
            ]
        );
        assert_eq!(
            toks("a\u{9b}2Jb"),
            [("a", Word), ("\u{9b}2J", Punct), ("b", Word)]
        );
        // (a piece right after a two-byte introducer: no step back into it)
        assert_eq!(
            toks("\u{9b}\u{202e}"),
            [("\u{9b}", Punct), ("\u{202e}", Punct)]
        );
        // no figure "0m" in the claims of a coloured count
        let c = crate::compare::claims::extract_text("The fire hurt \x1b[31m5\x1b[0m people.");
        let figures: Vec<&str> = c.numbers.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(figures, ["5"]);
    }

    #[test]
    fn arabic_prefix_glued_to_a_number_is_a_word_of_its_own() {
        use TokenKind::*;
        assert_eq!(
            toks("9 قتلى و23 مصابا ب٣ وقتلى"),
            vec![
                ("9", Number),
                ("قتلى", Word),
                ("و", Word),
                ("23", Number),
                ("مصابا", Word),
                ("ب", Word),
                ("٣", Number),
                // (a prefix glued to a word stays with it)
                ("وقتلى", Word),
            ]
        );
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
