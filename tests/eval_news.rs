//! Sanity check on real multi-outlet news (ECB+ clusters in `../shared/eval/news/ecbplus`,
//! one sentence per line): documents of the same cluster (same event) should share matches,
//! while `topicNN_ecb` vs `topicNN_ecbplus` (similar but *different* events: hard negatives)
//! should get few matches. No gold alignment exists for these: the test compares rates.
//! Skipped with a printed message when the data is absent. `PARALLAX_SHOW_MATCHES=1 cargo test
//! --release --test eval_news -- --nocapture` prints every matched unit.

use parallax::align::{self, Side, UnitKind};
use parallax::corpus::line_sentences;
use parallax::text::{Lang, Span};
use std::path::{Path, PathBuf};

fn docs(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .iter()
        .take(6)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Share of sentences (both sides) in matched units, and the mean score of those units.
fn matched(a: &str, b: &str) -> (usize, usize, f32) {
    // As `parallax align --sentences` reads them.
    let ((sa, ka), (sb, kb)) = (line_sentences(a), line_sentences(b));
    let al = align::align(
        &Side {
            text: a,
            sentences: &sa,
            lang: Lang::English,
            skip: &ka,
        },
        &Side {
            text: b,
            sentences: &sb,
            lang: Lang::English,
            skip: &kb,
        },
    );
    let m: Vec<_> = al
        .units
        .iter()
        .filter(|u| !matches!(u.kind, UnitKind::OnlyA | UnitKind::OnlyB))
        .collect();
    // PARALLAX_SHOW_MATCHES=1 prints every matched unit (for tuning precision).
    if std::env::var_os("PARALLAX_SHOW_MATCHES").is_some() {
        let text = |t: &str, s: &[Span], ix: &[usize]| -> String {
            let joined: String = ix.iter().map(|&i| &t[s[i].start..s[i].end]).collect();
            joined.chars().take(90).collect()
        };
        for u in &m {
            println!(
                "  {:?} {:.2} | {} | {}",
                u.kind,
                u.score,
                text(a, &sa, &u.a),
                text(b, &sb, &u.b)
            );
        }
    }
    let n = m.iter().map(|u| u.a.len() + u.b.len()).sum();
    let score = m.iter().map(|u| u.score).sum::<f32>();
    (n, sa.len() + sb.len(), score)
}

#[test]
fn same_event_pairs_match_more_than_hard_negatives() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/news/ecbplus");
    if !root.is_dir() {
        println!("SKIPPED: ../shared/eval/news/ecbplus not found");
        return;
    }
    let (mut pos, mut pos_total, mut neg, mut neg_total) = (0, 0, 0, 0);
    let (mut pos_units_score, mut neg_units_score) = (0.0f32, 0.0f32);
    for topic in 1..=10 {
        let ecb = docs(&root.join(format!("topic{topic:02}_ecb")));
        let plus = docs(&root.join(format!("topic{topic:02}_ecbplus")));
        for group in [&ecb, &plus] {
            for w in group.windows(2) {
                let (n, t, s) = matched(&w[0], &w[1]);
                pos += n;
                pos_total += t;
                pos_units_score += s;
            }
        }
        for (a, b) in ecb.iter().zip(&plus) {
            if std::env::var_os("PARALLAX_SHOW_MATCHES").is_some() {
                println!("hard negative, topic {topic}:");
            }
            let (n, t, s) = matched(a, b);
            neg += n;
            neg_total += t;
            neg_units_score += s;
        }
    }
    let pos_rate = pos as f64 / pos_total.max(1) as f64;
    let neg_rate = neg as f64 / neg_total.max(1) as f64;
    println!(
        "ECB+ same event: {pos}/{pos_total} sentences matched ({pos_rate:.3}), score mass {pos_units_score:.1}"
    );
    println!(
        "ECB+ hard negatives: {neg}/{neg_total} sentences matched ({neg_rate:.3}), score mass {neg_units_score:.1}"
    );
    assert!(pos_total > 0 && neg_total > 0);
    assert!(
        neg_rate * 2.0 < pos_rate,
        "hard negatives match too often: {neg_rate:.3} vs same event {pos_rate:.3}"
    );
    assert!(
        neg_rate < 0.04,
        "hard negatives: {neg_rate:.3} of sentences matched"
    );
}
