//! Precision and recall of the disagreement finder on hand-labelled seed pairs
//! (tests/labels/seed_pairs.toml), with floors. Run with `--nocapture` to see the numbers
//! and every false alarm and miss.

use parallax::compare::{Disagreement, DisagreementKind, compare};
use parallax::corpus::{Article, Corpus};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Labels {
    pair: Vec<Pair>,
}

#[derive(Deserialize)]
struct Pair {
    a: String,
    b: String,
    label: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    status: String,
    kinds: Vec<DisagreementKind>,
    a: String,
    b: String,
    #[allow(dead_code)]
    note: String,
}

/// Whether the spans on one side satisfy a label fragment ("" = no span).
fn side_matches(art: &Article, spans: &[parallax::Span], fragment: &str) -> bool {
    if fragment.is_empty() {
        return spans.is_empty();
    }
    let hits: Vec<(usize, usize)> = art
        .text
        .match_indices(fragment)
        .map(|(i, f)| (i, i + f.len()))
        .collect();
    assert!(
        !hits.is_empty(),
        "label fragment {fragment:?} is not in {}",
        art.meta.id
    );
    spans
        .iter()
        .any(|s| hits.iter().any(|&(h0, h1)| s.start < h1 && h0 < s.end))
}

fn matches(l: &Label, d: &Disagreement, a: &Article, b: &Article) -> bool {
    l.kinds.contains(&d.kind) && side_matches(a, &d.a, &l.a) && side_matches(b, &d.b, &l.b)
}

#[test]
fn precision_and_recall_on_labelled_seed_pairs() {
    let labels: Labels =
        toml::from_str(include_str!("labels/seed_pairs.toml")).expect("labels parse");
    let corpus = Corpus::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpus")
            .as_path(),
    )
    .expect("bundled corpus");
    let (mut found, mut correct, mut expected, mut recalled) = (0usize, 0usize, 0usize, 0usize);
    for p in &labels.pair {
        let a = &corpus.articles[corpus.find(&p.a).expect("article a")];
        let b = &corpus.articles[corpus.find(&p.b).expect("article b")];
        let c = compare(a, b);
        println!(
            "== {} vs {}: {} disagreements",
            p.a,
            p.b,
            c.disagreements.len()
        );
        for d in &c.disagreements {
            found += 1;
            if p.label.iter().any(|l| matches(l, d, a, b)) {
                correct += 1;
                println!("  ok          {:?}: {}", d.kind, d.summary);
            } else {
                println!("  FALSE ALARM {:?}: {}", d.kind, d.summary);
            }
        }
        for l in p.label.iter().filter(|l| l.status == "expect") {
            expected += 1;
            if c.disagreements.iter().any(|d| matches(l, d, a, b)) {
                recalled += 1;
            } else {
                println!("  MISSED      {:?}: a={:?} b={:?}", l.kinds, l.a, l.b);
            }
        }
    }
    let precision = if found == 0 {
        1.0
    } else {
        correct as f64 / found as f64
    };
    let recall = recalled as f64 / expected.max(1) as f64;
    println!(
        "labelled seed pairs: precision {precision:.2} ({correct}/{found}), recall {recall:.2} ({recalled}/{expected})"
    );
    assert!(expected >= 5, "the labelled set lost its labels");
    assert!(
        precision >= 0.8,
        "precision {precision:.2} under the floor 0.80"
    );
    assert!(recall >= 0.6, "recall {recall:.2} under the floor 0.60");
}
