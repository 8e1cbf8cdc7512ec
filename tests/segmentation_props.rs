//! Property tests: segmentation never panics and its spans keep their invariants on any
//! input — char boundaries, non-empty, trimmed, in order, non-overlapping, and every
//! non-whitespace character in exactly one sentence (and one paragraph).

use parallax::Span;
use parallax::text::{Document, Lang, paragraph_spans, split_sentences, tokenize};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// The reference: UAX #29 over the whole span, whitespace segments dropped.
fn reference_tokens(text: &str) -> Vec<(usize, usize)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| !w.starts_with(char::is_whitespace))
        .map(|(i, w)| (i, i + w.len()))
        .collect()
}

fn check_partition(text: &str, spans: &[Span], what: &str) {
    let mut prev_end = 0;
    for (k, s) in spans.iter().enumerate() {
        assert!(s.start < s.end, "{what} {k} empty: {s:?}");
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{what} {k} off a char boundary: {s:?}"
        );
        assert!(
            k == 0 || s.start >= prev_end,
            "{what} {k} overlaps or is out of order"
        );
        let body = s.slice(text);
        assert_eq!(body, body.trim(), "{what} {k} not trimmed");
        prev_end = s.end;
    }
    // Every non-whitespace char lies in exactly one span (spans are sorted and disjoint,
    // so a single walk suffices).
    let mut k = 0;
    for (i, c) in text.char_indices() {
        while k < spans.len() && spans[k].end <= i {
            k += 1;
        }
        let inside = k < spans.len() && spans[k].start <= i;
        if c.is_whitespace() {
            continue;
        }
        assert!(inside, "{what}: char {c:?} at {i} is in no span");
    }
}

fn check_all(text: &str) {
    for lang in [
        Lang::English,
        Lang::German,
        Lang::French,
        Lang::Greek,
        Lang::Unknown,
    ] {
        let sentences = split_sentences(text, lang);
        check_partition(text, &sentences, "sentence");
        let doc = Document::parse(text, lang);
        assert_eq!(doc.sentence_spans(), sentences);
        for (p, para) in doc.paragraphs.iter().enumerate() {
            for s in &doc.sentences[para.sentences.clone()] {
                assert_eq!(s.paragraph, p);
                assert!(para.span.start <= s.span.start && s.span.end <= para.span.end);
                for t in &s.tokens {
                    assert!(s.span.start <= t.span.start && t.span.end <= s.span.end);
                    assert!(!t.span.is_empty());
                    assert!(!t.span.slice(text).starts_with(char::is_whitespace));
                }
            }
        }
        let covered: usize = doc.paragraphs.iter().map(|p| p.sentences.len()).sum();
        assert_eq!(covered, doc.sentences.len());
    }
    let paragraphs = paragraph_spans(text);
    check_partition(text, &paragraphs, "paragraph");
}

/// Pieces that exercise the rules: abbreviations, quotes, list markers, line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "Mr.",
            "U.S.",
            "U.S",
            "e.g.",
            "z.B.",
            "a.m.",
            "P.M.",
            "No.",
            "Co.",
            "St.",
            "M.",
            "I.",
            "E.",
            "p.",
            "1.",
            "2.",
            "10.",
            "a.",
            "b.",
            "1)",
            "2)",
            "(a)",
            "•",
            "⁃",
            "-",
            "*",
            ".",
            "..",
            "...",
            ". . .",
            "…",
            "!",
            "?",
            "?!",
            "。",
            "！",
            "”",
            "“",
            "\"",
            "'",
            "’",
            "(",
            ")",
            "[",
            "]",
            "«",
            "»",
            "„",
            "$100.00",
            "3.5",
            "2,000",
            "30-day",
            "The",
            "the",
            "He",
            "Smith",
            "iPhone",
            "date",
            "2025-03-20",
            "https://x.org/a.b.",
            "a@b.co.",
            "Zürich",
            "ΑΘΗΝΑ",
            "Москва",
            "東京",
            "नमस्ते",
            "🙂",
            "e\u{301}",
            "\u{200b}",
            "\u{feff}",
        ])
        .prop_map(str::to_string),
        "[a-zA-Z]{1,12}",
        prop::sample::select(vec![
            " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\u{a0}", "\t", "\u{2028}", "\u{2029}",
            "\u{0c}", " \n", "\u{85}", "\u{3000}",
        ])
        .prop_map(str::to_string),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn invariants_on_structured_text(pieces in prop::collection::vec(piece(), 0..60)) {
        let text: String = pieces.concat();
        check_all(&text);
    }

    #[test]
    fn invariants_on_arbitrary_unicode(text in any::<String>()) {
        check_all(&text);
    }

    #[test]
    fn invariants_on_punctuation_soup(text in "[ .!?\"'()\\[\\]\n\r…“”‘’«»•a-cA-C0-2]{0,80}") {
        check_all(&text);
    }

    #[test]
    fn tokenize_equals_whole_text_uax29(
        text in "[a-zA-Z0-9 .,;:'_\"()\\-\t\n\r$%é’\u{301}\u{200d}\u{a0}中🙂🇬🇧]{0,60}"
    ) {
        let got: Vec<(usize, usize)> = tokenize(&text, Span::new(0, text.len()))
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        prop_assert_eq!(got, reference_tokens(&text));
    }

    #[test]
    fn tokenize_equals_uax29_on_all_ascii(text in "[ -~\t\n\r\x0b\x0c]{0,80}") {
        let got: Vec<(usize, usize)> = tokenize(&text, Span::new(0, text.len()))
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        prop_assert_eq!(got, reference_tokens(&text));
    }

    #[test]
    fn tokens_cover_words(text in "[a-zA-Z0-9 ,.'’-]{0,60}") {
        let span = Span::new(0, text.len());
        let tokens = tokenize(&text, span);
        let mut prev = 0;
        for t in &tokens {
            assert!(t.span.start >= prev);
            prev = t.span.end;
            assert!(!t.span.slice(&text).contains(' '));
        }
        let joined: String = tokens.iter().map(|t| t.span.slice(&text)).collect();
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(joined, expected);
    }
}

#[test]
fn pathological_inputs() {
    let long_word = "a".repeat(5000);
    let cases = [
        String::new(),
        " ".into(),
        ".".into(),
        "!".into(),
        "\n\n\n".into(),
        "\r".into(),
        "…".into(),
        ". . . .".into(),
        "•".into(),
        "1.".into(),
        "date 2025-03-20".into(),
        "date 2025-03-20 ".into(),
        long_word.clone(),
        format!("{long_word}. {long_word}."),
        ".".repeat(5000),
        ". ".repeat(3000),
        "a.".repeat(3000),
        "A. ".repeat(3000),
        "1. ".repeat(3000),
        "x.Y".repeat(2000),
        "\u{2029}".repeat(100),
        "é".repeat(5000) + ".",
        "(".repeat(2000) + "A." + &")".repeat(2000),
    ];
    for text in &cases {
        check_all(text);
    }
}

#[test]
fn tokenize_equals_uax29_on_the_seeds() {
    let dir = format!("{}/corpus", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(Result::ok)
    {
        let text =
            String::from_utf8_lossy(&std::fs::read(entry.path()).expect("read")).into_owned();
        let got: Vec<(usize, usize)> = tokenize(&text, Span::new(0, text.len()))
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        assert_eq!(got, reference_tokens(&text), "{:?}", entry.path());
    }
}
