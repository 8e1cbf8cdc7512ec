//! Arbitrary bytes → decode → segmentation → article; check span invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::corpus::{Article, ArticleMeta, decode};
use parallax::text::{Document, Lang, Span};

fn check_span(text: &str, s: Span, what: &str) {
    assert!(s.start <= s.end, "{what}: reversed span {s:?}");
    assert!(
        s.end <= text.len(),
        "{what}: span {s:?} out of bounds {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start),
        "{what}: start {s:?} not on a char boundary"
    );
    assert!(
        text.is_char_boundary(s.end),
        "{what}: end {s:?} not on a char boundary"
    );
}

fn check_doc(text: &str, doc: &Document) {
    let mut prev_end = 0;
    for (i, sent) in doc.sentences.iter().enumerate() {
        check_span(text, sent.span, "sentence");
        assert!(
            sent.span.start >= prev_end,
            "sentence {i} overlaps the previous one"
        );
        prev_end = sent.span.end;
        let mut tok_end = sent.span.start;
        for t in &sent.tokens {
            check_span(text, t.span, "token");
            assert!(t.span.start >= tok_end, "tokens overlap");
            assert!(t.span.end <= sent.span.end, "token outside its sentence");
            assert!(!t.span.is_empty(), "empty token");
            tok_end = t.span.end;
        }
        assert!(
            sent.paragraph < doc.paragraphs.len().max(1),
            "paragraph index"
        );
    }
    let mut prev_end = 0;
    for p in &doc.paragraphs {
        check_span(text, p.span, "paragraph");
        assert!(p.span.start >= prev_end, "paragraphs overlap");
        prev_end = p.span.end;
        assert!(p.sentences.end <= doc.sentences.len());
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode::decode(data) else {
        return;
    };
    let text = decoded.text.as_str();
    for lang in [Lang::detect(text), Lang::from_code("en").unwrap()] {
        check_doc(text, &Document::parse(text, lang));
    }
    check_doc(text, &Document::from_lines(text));
    let art = Article::from_text(ArticleMeta::default(), text);
    check_doc(&art.text, &art.doc);
    assert_eq!(art.boilerplate.len(), art.doc.sentences.len());
    assert_eq!(art.part.len(), art.doc.sentences.len());
    let _ = art.content_word_count();
    let _ = parallax::corpus::derive_title(text);
    let _ = parallax::corpus::leading_date(text);
    // The sanitiser on every sentence: no controls out.
    for i in 0..art.doc.sentences.len() {
        let s = parallax::sanitize::display_line(art.sentence(i));
        assert!(parallax::sanitize::is_safe(&s));
        assert!(!s.chars().any(|c| c.is_control()), "control char in {s:?}");
    }
});
