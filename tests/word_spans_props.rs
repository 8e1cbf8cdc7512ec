//! `normalize::word_spans` walks bytes with an ASCII fast path; it must find exactly the words
//! the plain char-by-char statement of its rules finds (kept here as the reference).

use parallax::text::normalize::{WordKind, is_arabic_prefix, word_spans};
use proptest::prelude::*;
use std::ops::Range;
use unicode_normalization::char::is_combining_mark;

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// The rules, one char at a time.
fn reference(text: &str) -> Vec<(Range<usize>, WordKind)> {
    let mut out = Vec::new();
    let mut last_end = usize::MAX;
    let mut it = text.char_indices().peekable();
    let mut after_apostrophe = false;
    while let Some((i, c)) = it.next() {
        if is_unspaced_script(c) {
            last_end = i + c.len_utf8();
            out.push((i..last_end, WordKind::Alpha));
            after_apostrophe = false;
            continue;
        }
        if !c.is_alphanumeric() {
            after_apostrophe = is_apostrophe(c) && last_end == i;
            continue;
        }
        // an Arabic one-letter prefix glued to digits is a word of its own
        if is_arabic_prefix(c)
            && it
                .peek()
                .is_some_and(|&(_, d)| d.is_numeric() && !d.is_alphabetic())
        {
            last_end = i + c.len_utf8();
            out.push((i..last_end, WordKind::Alpha));
            after_apostrophe = false;
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut all_digits = c.is_numeric() && !c.is_alphabetic();
        while let Some(&(j, d)) = it.peek() {
            if is_unspaced_script(d) {
                break;
            }
            // (a combining mark belongs to the letter before it)
            if d.is_alphanumeric() || is_combining_mark(d) {
                all_digits &= d.is_numeric() && !d.is_alphabetic();
                end = j + d.len_utf8();
                it.next();
            } else if all_digits && matches!(d, '.' | ',') {
                if text[j + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_ascii_digit())
                {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let kind = if all_digits {
            WordKind::Digits
        } else {
            WordKind::Alpha
        };
        let clitic =
            after_apostrophe && kind == WordKind::Alpha && text[i..end].chars().count() <= 2;
        if !clitic {
            out.push((i..end, kind));
        }
        last_end = end;
        after_apostrophe = false;
    }
    out
}

#[test]
fn examples_match_the_reference() {
    for t in [
        "",
        "Ukraine’s power we're won't l'armée",
        "2,000 troops, 3.5 per cent. 1.000.000 Euro 3,5, 10. x,1 a.1",
        "東京都 in 2025年 ٣٤ ½ Ⅻ x²",
        "café naïve Œuvre — “quoted” 'x' d'",
        "\u{0}\t\r\n ab\u{0}cd",
        "नमस्ते தமிழ் cafe\u{301} \u{301}x ١٢\u{651}",
        "9 قتلى و23 مصابا ب٣ ولد و",
    ] {
        assert_eq!(word_spans(t), reference(t), "{t:?}");
    }
}

proptest! {
    #[test]
    fn word_spans_match_the_reference(
        t in "([a-zA-Z0-9.,' \u{2019}\u{2018}\u{02BC}\u{00e9}\u{4e00}\u{3042}\u{0663}\u{00bd}\u{2013}\u{00a0}-]|[\\PC]){0,40}"
    ) {
        prop_assert_eq!(word_spans(&t), reference(&t));
    }
}
