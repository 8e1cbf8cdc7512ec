//! Properties of the one sanitiser over arbitrary input.

use parallax::sanitize::{display, display_line, html, is_safe};
use proptest::prelude::*;
use unicode_width::UnicodeWidthChar;

/// Characters that must never reach a terminal raw.
fn forbidden(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && c != '\n')
        || (0x7f..=0x9f).contains(&u)
        || matches!(u, 0x202a..=0x202e | 0x2066..=0x2069 | 0x200e | 0x200f | 0x061c)
        || matches!(u, 0x200b | 0x2060 | 0xfeff)
}

/// Arbitrary strings biased towards the troublesome characters.
fn hostile() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '\u{1b}',
        '[',
        ']',
        '\\',
        '\u{7}',
        '\u{9b}',
        '\u{9c}',
        '\u{9d}',
        '\u{90}',
        '\u{85}',
        '\0',
        '\t',
        '\n',
        '\r',
        '\u{7f}',
        '\u{202e}',
        '\u{2066}',
        '\u{2069}',
        '\u{200e}',
        '\u{200f}',
        '\u{61c}',
        '\u{200b}',
        '\u{200c}',
        '\u{200d}',
        '\u{2060}',
        '\u{feff}',
        '\u{2028}',
        '\u{e0041}',
        '\u{1f3f4}',
        '漢',
        '👨',
        'e',
        '\u{301}',
        '1',
        'm',
        ';',
        'P',
        '_',
        '^',
        'X',
    ]);
    let any = any::<char>();
    prop::collection::vec(prop_oneof![3 => special, 1 => any], 0..64)
        .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn output_has_no_controls(s in hostile()) {
        let out = display(&s);
        for c in out.chars() {
            prop_assert!(!forbidden(c), "{:?} in {:?} from {:?}", c, out, s);
            prop_assert!(c == '\n' || c.width().is_some(), "{:?} has no width", c);
        }
        let line = display_line(&s);
        prop_assert!(!line.contains('\n'));
        for c in line.chars() {
            prop_assert!(!forbidden(c), "{:?} in {:?}", c, line);
        }
        let h = html(&s);
        prop_assert!(!h.contains('<') && !h.contains('>'));
        prop_assert!(h.chars().all(|c| !forbidden(c)));
    }

    #[test]
    fn idempotent_and_is_safe_agrees(s in hostile()) {
        let once = display(&s).into_owned();
        prop_assert!(is_safe(&once), "not safe after sanitising: {:?}", once);
        prop_assert_eq!(display(&once).into_owned(), once.clone());
        prop_assert_eq!(is_safe(&s), once == s);
        let line = display_line(&s).into_owned();
        prop_assert_eq!(display_line(&line).into_owned(), line);
    }

    #[test]
    fn arbitrary_unicode_is_safe(s in any::<String>()) {
        let out = display(&s);
        prop_assert!(out.chars().all(|c| !forbidden(c)));
    }

    #[test]
    fn printable_text_unchanged(s in "[a-zA-Z0-9 .,;:!?'\"()\n漢字éü🙂-]{0,80}") {
        prop_assert_eq!(display(&s), s.as_str());
    }
}

#[test]
fn hostile_strings() {
    let cases: &[(&str, &str)] = &[
        ("\x1b[2J\x1b[H", "␛␛"),
        ("\x1b]52;c;ZXZpbA==\x07x", "␛x"),
        ("title\x1b]2;pwned\x1b\\", "title␛"),
        ("\u{9b}31mred", "␛red"),
        ("\u{9d}0;t\u{9c}ok", "␛ok"),
        ("\x1bP+q\x1b\\", "␛"),
        ("\x1b_apc\x1b\\", "␛"),
        ("a\x08b", "a␈b"),
        ("user\u{202e}gnp.exe", "user⟪RLO⟫gnp.exe"),
    ];
    for (input, want) in cases {
        assert_eq!(display(input), *want, "{input:?}");
    }
}
