//! Property tests of the alignment invariants on random texts.

use parallax::align::{self, Side, UnitKind};
use parallax::text::{Lang, Span};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "coalition",
    "met",
    "London",
    "thirty",
    "30",
    "nations",
    "troops",
    "peace",
    "Kyiv",
    "said",
    "mentioned",
    "Putin",
    "ceasefire",
    "air",
    "cover",
    "",
    "—",
    "“quote”",
    "Zelenskyy",
];

/// A text of lines (each line one sentence) from random words.
fn text() -> impl Strategy<Value = Vec<Vec<usize>>> {
    prop::collection::vec(prop::collection::vec(0..WORDS.len(), 0..8), 0..25)
}

fn build(lines: &[Vec<usize>]) -> (String, Vec<Span>) {
    let mut t = String::new();
    let mut spans = Vec::new();
    for l in lines {
        let start = t.len();
        let words: Vec<&str> = l.iter().map(|&w| WORDS[w]).collect();
        t.push_str(&words.join(" "));
        spans.push(Span::new(start, t.len()));
        t.push('\n');
    }
    (t, spans)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_sentence_once_and_skips_never_matched(
        la in text(),
        lb in text(),
        skip_bits in any::<u64>(),
    ) {
        let (ta, sa) = build(&la);
        let (tb, sb) = build(&lb);
        let skip_a: Vec<bool> = (0..sa.len()).map(|i| skip_bits >> (i % 64) & 1 == 1).collect();
        let side_a = Side { text: &ta, sentences: &sa, lang: Lang::English, skip: &skip_a };
        let side_b = Side { text: &tb, sentences: &sb, lang: Lang::English, skip: &[] };
        let al = align::align(&side_a, &side_b);
        let mut seen_a = vec![0; sa.len()];
        let mut seen_b = vec![0; sb.len()];
        for u in &al.units {
            u.a.iter().for_each(|&i| seen_a[i] += 1);
            u.b.iter().for_each(|&j| seen_b[j] += 1);
            prop_assert!((0.0..=1.0).contains(&u.score));
            match u.kind {
                UnitKind::OnlyA => prop_assert!(u.b.is_empty() && u.a.len() == 1),
                UnitKind::OnlyB => prop_assert!(u.a.is_empty() && u.b.len() == 1),
                _ => {
                    prop_assert!(!u.a.is_empty() && !u.b.is_empty());
                    prop_assert!(u.a.len() == 1 || u.b.len() == 1, "one sentence opposite one or more: {:?}", u);
                    prop_assert!(u.a.iter().all(|&i| !skip_a[i]), "a skipped sentence was matched");
                }
            }
        }
        prop_assert!(seen_a.iter().all(|&n| n == 1));
        prop_assert!(seen_b.iter().all(|&n| n == 1));
        // A's sentences appear in reading order
        let order: Vec<usize> = al.units.iter().flat_map(|u| u.a.iter().copied()).collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]));
        // deterministic
        prop_assert_eq!(&al, &align::align(&side_a, &side_b));
    }
}
