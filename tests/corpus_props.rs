//! Properties of decoding and boilerplate marking over arbitrary input: no panics, marks
//! consistent with the segmentation.

use parallax::corpus::{Article, ArticleMeta, decode::decode};
use proptest::prelude::*;

fn texty() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Headline Here",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "TT",
        "20",
        "0:44",
        "#tag #more",
        "a, b, c, d, e",
        "Photo Credit: X",
        "(AFP)",
        " JANE DOE / AGENCY",
        "The council met on Monday.",
        "It voted.",
        "Related News",
        "\u{1b}[31m",
        "\0",
        "漢字。",
        "é",
        "“quoted,” he said.",
        "  ",
        "\t",
    ]);
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(d) = decode(&bytes) {
            prop_assert!(!d.text.trim().is_empty());
        }
    }

    #[test]
    fn marks_are_consistent(text in texty()) {
        let a = Article::from_text(ArticleMeta::default(), text);
        let n = a.doc.sentences.len();
        prop_assert_eq!(a.boilerplate.len(), n);
        prop_assert_eq!(a.part.len(), n);
        prop_assert!(a.part.windows(2).all(|w| w[0] <= w[1]), "parts in order");
        for i in 0..n {
            if a.part[i] > 0 {
                prop_assert!(a.is_boilerplate(i));
            }
        }
        prop_assert!(a.parts() >= 1);
    }

    #[test]
    fn marks_on_arbitrary_unicode(text in any::<String>()) {
        let a = Article::from_text(ArticleMeta::default(), text);
        prop_assert_eq!(a.boilerplate.len(), a.doc.sentences.len());
    }
}
