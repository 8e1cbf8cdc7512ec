//! Property tests: on any text, claim extraction and disagreement finding never panic and
//! every span lies on char boundaries inside its article.

use parallax::compare::{claims, compare};
use parallax::corpus::{Article, ArticleMeta};
use proptest::prelude::*;

fn art(id: &str, text: String) -> Article {
    Article::from_text(
        ArticleMeta {
            id: id.into(),
            ..ArticleMeta::default()
        },
        text,
    )
}

fn ok(t: &str, s: parallax::Span) -> bool {
    s.start <= s.end && s.end <= t.len() && t.is_char_boundary(s.start) && t.is_char_boundary(s.end)
}

/// Text built from news-like pieces: numbers, hedges, names, quotes, odd characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("some thirty".to_string()),
        Just("over 20 countries".to_string()),
        Just("almost 20 nations".to_string()),
        Just("a 30-day ceasefire".to_string()),
        Just("Prime Minister Sir Keir Starmer".to_string()),
        Just("Downing Street".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("he said.".to_string()),
        Just("Mr.".to_string()),
        Just("£1.2 million".to_string()),
        Just("5%".to_string()),
        Just("Thursday (March 20, 2025)".to_string()),
        Just("\n\n".to_string()),
        "[a-zA-Z0-9 ,.\\-’é\u{202e}\u{1b}]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn claims_spans_are_valid(parts in prop::collection::vec(piece(), 0..30)) {
        let t = parts.join(" ");
        let c = claims::extract_text(&t);
        for n in &c.numbers {
            prop_assert!(ok(&t, n.span) && ok(&t, n.value_span));
        }
        for q in &c.quotes {
            prop_assert!(ok(&t, q.span) && ok(&t, q.outer));
            prop_assert!(q.speaker.is_none_or(|i| i < c.entities.len()));
        }
        for e in &c.entities {
            for m in &e.mentions {
                prop_assert!(ok(&t, m.span));
            }
        }
        for d in &c.dates {
            prop_assert!(ok(&t, d.span));
        }
    }

    #[test]
    fn disagreement_spans_are_valid(pa in prop::collection::vec(piece(), 0..20), pb in prop::collection::vec(piece(), 0..20)) {
        let (a, b) = (art("a", pa.join(" ")), art("b", pb.join(" ")));
        let c = compare(&a, &b);
        for d in &c.disagreements {
            prop_assert!(d.row < c.rows.len());
            prop_assert!(!d.a.is_empty() || !d.b.is_empty());
            for s in &d.a {
                prop_assert!(ok(&a.text, *s));
            }
            for s in &d.b {
                prop_assert!(ok(&b.text, *s));
            }
        }
    }
}
