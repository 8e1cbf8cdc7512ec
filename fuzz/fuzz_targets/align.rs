//! Two arbitrary texts → align; every sentence index appears exactly once, kinds agree.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::align::{Side, UnitKind, align};
use parallax::text::{Document, Lang};

fn split(data: &[u8]) -> (String, String) {
    // First byte picks the split point; both halves are decoded lossily.
    let (head, rest) = data.split_first().unwrap_or((&0, &[]));
    let cut = if rest.is_empty() {
        0
    } else {
        (*head as usize * rest.len()) / 255
    };
    let (a, b) = rest.split_at(cut.min(rest.len()));
    (
        String::from_utf8_lossy(a).into_owned(),
        String::from_utf8_lossy(b).into_owned(),
    )
}

fuzz_target!(|data: &[u8]| {
    let (ta, tb) = split(data);
    let lang = Lang::from_code("en").unwrap();
    let da = Document::parse(&ta, lang);
    let db = Document::parse(&tb, lang);
    let sa = da.sentence_spans();
    let sb = db.sentence_spans();
    // Skip masks from the data too: every third sentence when the first byte is odd.
    let odd = data.first().is_some_and(|b| b & 1 == 1);
    let skip_a: Vec<bool> = (0..sa.len()).map(|i| odd && i % 3 == 1).collect();
    let skip_b: Vec<bool> = (0..sb.len()).map(|i| odd && i % 3 == 2).collect();
    let al = align(
        &Side {
            text: &ta,
            sentences: &sa,
            lang,
            skip: &skip_a,
        },
        &Side {
            text: &tb,
            sentences: &sb,
            lang,
            skip: &skip_b,
        },
    );
    let mut seen_a = vec![0u32; sa.len()];
    let mut seen_b = vec![0u32; sb.len()];
    for u in &al.units {
        assert!(
            u.score.is_finite() && (0.0..=1.0).contains(&u.score),
            "score {}",
            u.score
        );
        assert!(
            u.a.windows(2).all(|w| w[0] < w[1]),
            "A indices not ascending: {u:?}"
        );
        assert!(
            u.b.windows(2).all(|w| w[0] < w[1]),
            "B indices not ascending: {u:?}"
        );
        match u.kind {
            UnitKind::OnlyA => assert!(!u.a.is_empty() && u.b.is_empty(), "{u:?}"),
            UnitKind::OnlyB => assert!(u.a.is_empty() && !u.b.is_empty(), "{u:?}"),
            _ => assert!(!u.a.is_empty() && !u.b.is_empty(), "{u:?}"),
        }
        for &i in &u.a {
            seen_a[i] += 1;
        }
        for &i in &u.b {
            seen_b[i] += 1;
        }
    }
    assert!(seen_a.iter().all(|&n| n == 1), "A coverage {seen_a:?}");
    assert!(seen_b.iter().all(|&n| n == 1), "B coverage {seen_b:?}");
});
