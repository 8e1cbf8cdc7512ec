//! Aligning articles whose sides were prepared once and kept (`compare::align_articles`,
//! reused across pairs) gives exactly the alignment computed from scratch (`align::align`),
//! in both directions, whatever pairs an article was part of before, and for a long pair
//! (its vocabularies merged as two threads build them) as for short ones.

use parallax::align::{self, Side};
use parallax::corpus::{Article, Corpus};
use parallax::text::Lang;
use std::path::Path;

fn fresh(a: &Article, b: &Article) -> align::Alignment {
    let (sa, sb) = (a.doc.sentence_spans(), b.doc.sentence_spans());
    let (ka, kb) = (a.skip_mask(), b.skip_mask());
    align::align(
        &Side {
            text: &a.text,
            sentences: &sa,
            lang: a.lang,
            skip: &ka,
        },
        &Side {
            text: &b.text,
            sentences: &sb,
            lang: b.lang,
            skip: &kb,
        },
    )
}

#[test]
fn prepared_sides_give_the_alignment_from_scratch_for_every_seed_pair() {
    let c = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    for a in &c.articles {
        for b in &c.articles {
            assert_eq!(
                parallax::compare::align_articles(a, b),
                fresh(a, b),
                "{} vs {}",
                a.meta.id,
                b.meta.id
            );
        }
    }
}

#[test]
fn prepared_sides_of_a_long_pair_give_the_alignment_from_scratch() {
    // Over the size where the sides are tokenised on two threads and B's vocabulary is
    // merged into A's.
    let verse = |i: usize| {
        format!(
            "In the {i}th year the king of the north sent {} ships and twenty men to the city.\n",
            i % 37
        )
    };
    let ta: String = (0..3000).map(verse).collect();
    let tb: String = (0..3000)
        .map(|i| verse(i + (i % 5 == 0) as usize).replace("king", "Ruler"))
        .collect();
    assert!(ta.len() + tb.len() > 256 * 1024);
    let lines = |t: &str| parallax::text::Document::from_lines(t).sentence_spans();
    let (sa, sb) = (lines(&ta), lines(&tb));
    let side = |text: &'static str, sentences| Side {
        text,
        sentences,
        lang: Lang::English,
        skip: &[],
    };
    let (ta, tb): (&'static str, &'static str) = (ta.leak(), tb.leak());
    let (a, b) = (side(ta, &sa), side(tb, &sb));
    let (pa, pb) = (align::prepare(&a), align::prepare(&b));
    let kept = align::align_prepared(
        &a,
        pa.into(),
        &b,
        pb.into(),
        &align::AlignOptions::default(),
    );
    assert_eq!(kept, align::align(&a, &b));
    assert!(kept.units.len() >= 3000);
}
