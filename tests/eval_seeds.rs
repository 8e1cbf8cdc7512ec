//! Seed-pair alignment quality against the hand-made gold in `tests/gold/seeds.toml`.
//!
//! Prints precision, recall and F1 per pair and over all pairs (`cargo test --test eval_seeds
//! -- --nocapture`) and fails below the floors.

use parallax::align::eval::{GoldFile, Scores, predicted_links, resolve_links};
use parallax::corpus::{Article, Corpus};
use std::path::Path;

/// CI floor for the micro-averaged F1 over all gold pairs. Measured 0.764 (P 0.840, R 0.700)
/// over the four pairs: 003–004 1.000, 000–004 0.800, 000–001 0.364 and 001–004 0.600
/// (annotated after the first three, as a held-out check); 0.750 (P 0.808) once texts that share
/// two strong matches accept weaker mutual-best pairs (one more wrong link in 000–004, while
/// the multilingual and ECB+ gold gained: see `tests/eval_gold.rs`).
/// Short of the 0.90 target: this floor guards against regressions only.
const FLOOR_F1: f64 = 0.72;

fn corpus() -> Corpus {
    Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).expect("bundled corpus")
}

fn article<'c>(c: &'c Corpus, file: &str) -> &'c Article {
    c.articles
        .iter()
        .find(|a| a.meta.file.to_str() == Some(file))
        .unwrap_or_else(|| panic!("{file} not in the corpus"))
}

fn sentences(a: &Article) -> Vec<&str> {
    (0..a.doc.sentences.len()).map(|i| a.sentence(i)).collect()
}

#[test]
fn seed_pairs_meet_the_gold_floor() {
    let gold_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/seeds.toml"),
    )
    .expect("gold file");
    let gold = GoldFile::parse(&gold_text).expect("gold parses");
    assert!(gold.pairs.len() >= 3, "at least three gold pairs");
    let c = corpus();
    let mut total = Scores::from_counts(0, 0, 0);
    for pair in &gold.pairs {
        let (a, b) = (article(&c, &pair.a), article(&c, &pair.b));
        let links = resolve_links(pair, &sentences(a), &sentences(b)).expect("gold resolves");
        let pred = predicted_links(&parallax::compare::align_articles(a, b));
        let s = Scores::of(&pred, &links);
        println!("{} vs {}: {s}", pair.a, pair.b);
        for &(i, j) in pred.difference(&links) {
            println!(
                "  extra  A{i} {:?}\n         B{j} {:?}",
                a.sentence(i),
                b.sentence(j)
            );
        }
        for &(i, j) in links.difference(&pred) {
            println!(
                "  missed A{i} {:?}\n         B{j} {:?}",
                a.sentence(i),
                b.sentence(j)
            );
        }
        total = total.plus(&s);
    }
    println!("all seed pairs: {total}");
    assert!(
        total.f1 >= FLOOR_F1,
        "seed-pair F1 {:.3} below the floor {FLOOR_F1}",
        total.f1
    );
}
