//! Alignment behaviour on the bundled seed articles: no false matches with the unrelated story
//! appended to 001, the lead of 003 opposite the lead of 004, and structural invariants.

use parallax::align::{self, Alignment, Side, UnitKind};
use parallax::corpus::{Article, Corpus};
use std::path::Path;

fn corpus() -> Corpus {
    Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).expect("bundled corpus")
}

fn by_prefix<'c>(c: &'c Corpus, prefix: &str) -> &'c Article {
    c.articles
        .iter()
        .find(|a| a.meta.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no article {prefix}"))
}

fn find(a: &Article, fragment: &str) -> usize {
    (0..a.doc.sentences.len())
        .find(|&i| a.sentence(i).contains(fragment))
        .unwrap_or_else(|| panic!("{fragment:?} not found in {}", a.meta.id))
}

/// Every sentence of both sides is in exactly one unit; units are well formed.
fn assert_partition(al: &Alignment, na: usize, nb: usize) {
    let mut seen_a = vec![0; na];
    let mut seen_b = vec![0; nb];
    for u in &al.units {
        for &i in &u.a {
            seen_a[i] += 1;
        }
        for &j in &u.b {
            seen_b[j] += 1;
        }
        match u.kind {
            UnitKind::OnlyA => assert!(u.b.is_empty() && u.a.len() == 1 && u.score == 0.0),
            UnitKind::OnlyB => assert!(u.a.is_empty() && u.b.len() == 1 && u.score == 0.0),
            _ => assert!(!u.a.is_empty() && !u.b.is_empty()),
        }
        assert!((0.0..=1.0).contains(&u.score));
        assert!(u.a.windows(2).all(|w| w[1] == w[0] + 1));
        assert!(u.b.windows(2).all(|w| w[1] == w[0] + 1));
    }
    assert!(seen_a.iter().all(|&n| n == 1), "A: {seen_a:?}");
    assert!(seen_b.iter().all(|&n| n == 1), "B: {seen_b:?}");
}

#[test]
fn appended_nato_story_is_never_matched_with_the_peacekeeping_articles() {
    let c = corpus();
    let nato = by_prefix(&c, "001");
    let start = find(nato, "Not the Time to Go It Alone");
    assert!(
        start > 10,
        "the NATO story starts after the peacekeeping one"
    );
    for other in ["000", "002", "003", "004"] {
        let o = by_prefix(&c, other);
        let al = parallax::compare::align_articles(nato, o);
        assert_partition(&al, nato.doc.sentences.len(), o.doc.sentences.len());
        for u in al
            .units
            .iter()
            .filter(|u| !u.a.is_empty() && !u.b.is_empty())
        {
            assert!(
                u.a.iter().all(|&i| i < start),
                "001 NATO sentence {:?} matched with {other} {:?}",
                nato.sentence(u.a[0]),
                o.sentence(u.b[0])
            );
        }
        let al = parallax::compare::align_articles(o, nato);
        for u in al
            .units
            .iter()
            .filter(|u| !u.a.is_empty() && !u.b.is_empty())
        {
            assert!(
                u.b.iter().all(|&j| j < start),
                "{other} {:?} matched with 001 NATO sentence {:?}",
                o.sentence(u.a[0]),
                nato.sentence(u.b[0])
            );
        }
    }
}

#[test]
fn lead_of_003_sits_opposite_lead_of_004_and_the_20_nations_in_one_unit() {
    let c = corpus();
    let (a, b) = (by_prefix(&c, "003"), by_prefix(&c, "004"));
    let al = parallax::compare::align_articles(a, b);
    assert_partition(&al, a.doc.sentences.len(), b.doc.sentences.len());
    let a0 = find(a, "senior military officers from over 20 countries");
    let b0 = find(b, "Senior military officers from the");
    let b20 = find(b, "almost 20 nations are participating");
    let k = al
        .units
        .iter()
        .position(|u| u.a.contains(&a0))
        .expect("a unit for 003's lead");
    // 004 splits 003's lead in two: the meeting, then "almost 20 nations" (level with
    // "over 20 countries" in the reader).
    assert_eq!(al.units[k].b, vec![b0, b20], "unit: {:?}", al.units[k]);
    assert_eq!(al.units[k].kind, UnitKind::Changed);
}

#[test]
fn every_seed_pair_partitions_both_sides_and_is_deterministic() {
    let c = corpus();
    for a in &c.articles {
        for b in &c.articles {
            let al = parallax::compare::align_articles(a, b);
            assert_partition(&al, a.doc.sentences.len(), b.doc.sentences.len());
            assert_eq!(
                al,
                parallax::compare::align_articles(a, b),
                "{} vs {}",
                a.meta.id,
                b.meta.id
            );
        }
    }
}

#[test]
fn an_article_aligned_with_itself_is_all_same_in_order() {
    let c = corpus();
    let a = by_prefix(&c, "003");
    let al = parallax::compare::align_articles(a, a);
    for (k, u) in al.units.iter().enumerate() {
        assert_eq!((u.a.as_slice(), u.b.as_slice()), (&[k][..], &[k][..]));
        assert_eq!(u.kind, UnitKind::Same);
        assert_eq!(u.score, 1.0);
    }
}

#[test]
fn skipped_sentences_come_out_unmatched_in_place() {
    let c = corpus();
    let a = by_prefix(&c, "003");
    let spans = a.doc.sentence_spans();
    let mut skip = vec![false; spans.len()];
    skip[2] = true;
    let al = align::align(
        &Side {
            text: &a.text,
            sentences: &spans,
            lang: a.lang,
            skip: &skip,
        },
        &Side {
            text: &a.text,
            sentences: &spans,
            lang: a.lang,
            skip: &[],
        },
    );
    let k = al.units.iter().position(|u| u.a == [2]).unwrap();
    assert_eq!(al.units[k].kind, UnitKind::OnlyA);
    assert!(
        al.units
            .iter()
            .any(|u| u.b == [2] && u.kind == UnitKind::OnlyB)
    );
    assert_partition(&al, spans.len(), spans.len());
    // in place: the units before it cover sentences 0 and 1 of A
    let before: Vec<usize> = al.units[..k].iter().flat_map(|u| u.a.clone()).collect();
    assert_eq!(before, vec![0, 1]);
}
