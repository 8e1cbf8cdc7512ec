//! Comparing two seed articles end to end, and each stage of it.
//! Target (issue 2): well under 1 ms from raw text to laid-out rows for a seed pair.
//!
//! - `issue2_cold_*`: exactly the pipeline from raw text — [`compare::load_pair`]
//!   (`Article::from_text`: segmentation, boilerplate marks; and each side prepared, the two
//!   articles on two threads), alignment, word-diff rows, layout at width 160 (no claims:
//!   [`compare::compare_text`]) — run on rayon's pool as the reader and the CLI run it
//!   ([`parallax::par::on_pool`], on a thread of the pool: `par::adopt_current_thread`), so
//!   that its stages split their work cheaply.
//! - `issue2_warm_*`: the same with the articles already loaded and prepared (as in the reader
//!   when the user picks a pair): alignment, word-diff rows, layout, on the pool.
//! - `cold_*`: from raw text — segmentation (with boilerplate marks), claims, alignment,
//!   word diff, disagreements, layout.
//! - `warm_*`: the articles already loaded and analysed (as in the reader when the user picks
//!   a pair): alignment, word diff, disagreements, layout.
//! - `stage_*`: one stage at a time, both articles where the stage is per article.
//! - `long_disagreements_*`: the disagreements of two long generated texts (N paragraphs, each
//!   with a quote, a speaker, figures): the pairwise comparisons of numbers, names and quotes
//!   must stay near-linear in practice.
//!
//! `cargo bench --bench compare -- --measurement-time 3 --warm-up-time 1`

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::compare::{self, Analysis, Prepared, align_articles, disagree};
use parallax::corpus::{Article, ArticleMeta, Corpus};
use parallax::view::{LayoutOptions, layout};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

/// The raw text of the bundled article `name` (an id prefix such as `003`).
fn seed(name: &str) -> String {
    let c = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).expect("corpus");
    let i = c.find(name).expect("a bundled article");
    c.articles[i].text.to_string()
}

fn meta(id: &str) -> ArticleMeta {
    ArticleMeta {
        id: id.into(),
        language: Some("en".into()),
        ..ArticleMeta::default()
    }
}

fn article(id: &str, text: &str) -> Article {
    Article::from_text(meta(id), text)
}

fn benches(c: &mut Criterion) {
    // The benchmarks run on a thread of rayon's pool, as the reader's comparison thread and
    // the CLI do (`par::adopt_current_thread`): the `issue2_*` pipelines in place with a
    // helper (`par::on_pool`), the stages with the forks they make there.
    parallax::par::adopt_current_thread();
    for (x, y) in [("003", "004"), ("000", "001")] {
        let (ta, tb) = (seed(x), seed(y));
        let opts = LayoutOptions::new(160);
        c.bench_function(&format!("issue2_cold_{x}_{y}_w160"), |b| {
            b.iter(|| {
                parallax::par::on_pool(|| {
                    let (a, bb) = compare::load_pair(
                        meta(x),
                        black_box(ta.as_str()),
                        meta(y),
                        black_box(tb.as_str()),
                    );
                    let cmp = compare::compare_text(&a, &bb);
                    black_box(layout(&a, &bb, &cmp, &opts))
                })
            })
        });
        {
            let a = article(x, &ta);
            let bb = article(y, &tb);
            a.prepared();
            bb.prepared();
            c.bench_function(&format!("issue2_warm_{x}_{y}_w160"), |b| {
                b.iter(|| {
                    parallax::par::on_pool(|| {
                        let cmp = compare::compare_text(black_box(&a), black_box(&bb));
                        black_box(layout(&a, &bb, &cmp, &opts))
                    })
                })
            });
        }
        c.bench_function(&format!("cold_end_to_end_{x}_{y}_w160"), |b| {
            b.iter(|| {
                let a = article(x, black_box(&ta));
                let bb = article(y, black_box(&tb));
                let cmp = compare::compare(&a, &bb);
                black_box(layout(&a, &bb, &cmp, &opts))
            })
        });
        let a = article(x, &ta);
        let bb = article(y, &tb);
        a.warm_analysis();
        bb.warm_analysis();
        c.bench_function(&format!("warm_end_to_end_{x}_{y}_w160"), |b| {
            b.iter(|| {
                let cmp = compare::compare(black_box(&a), black_box(&bb));
                black_box(layout(&a, &bb, &cmp, &opts))
            })
        });

        c.bench_function(&format!("stage_segment_{x}_{y}"), |b| {
            b.iter(|| (article(x, black_box(&ta)), article(y, black_box(&tb))))
        });
        c.bench_function(&format!("stage_prepare_{x}_{y}"), |b| {
            b.iter(|| (Prepared::new(black_box(&a)), Prepared::new(black_box(&bb))))
        });
        c.bench_function(&format!("stage_analyse_{x}_{y}"), |b| {
            b.iter(|| (Analysis::new(black_box(&a)), Analysis::new(black_box(&bb))))
        });
        c.bench_function(&format!("stage_claims_{x}_{y}"), |b| {
            b.iter(|| {
                (
                    compare::claims::extract(black_box(&a)),
                    compare::claims::extract(black_box(&bb)),
                )
            })
        });
        // (with both articles prepared: what a pair alone costs)
        c.bench_function(&format!("stage_align_{x}_{y}"), |b| {
            b.iter(|| align_articles(black_box(&a), black_box(&bb)))
        });
        let (aa, ab) = (a.analysis(), bb.analysis());
        let (pa, pb) = (a.prepared(), bb.prepared());
        let units = align_articles(&a, &bb).units;
        c.bench_function(&format!("stage_word_diff_{x}_{y}"), |b| {
            b.iter(|| compare::rows(&a, &pa, &bb, &pb, black_box(units.clone())))
        });
        let cmp = compare::compare(&a, &bb);
        c.bench_function(&format!("stage_disagreements_{x}_{y}"), |b| {
            b.iter(|| disagree::find_analysed(&a, &aa, &bb, &ab, black_box(&cmp.rows)))
        });
        c.bench_function(&format!("stage_layout_{x}_{y}_w160"), |b| {
            b.iter(|| layout(&a, &bb, black_box(&cmp), &opts))
        });
    }
}

/// A long generated article: `n` one-sentence paragraphs, each with a named speaker (300
/// distinct names), a quote or a counted figure, the same figures recurring on both sides.
fn long_text(n: usize, tag: &str) -> String {
    const NAMES: [&str; 6] = [
        "John Smith",
        "Maria Lopez",
        "Olaf Berg",
        "Anna Novak",
        "Peter Brown",
        "Lena Fischer",
    ];
    let mut out = String::new();
    for i in 0..n {
        let who = format!("{}{}", NAMES[(i * 7 + tag.len()) % 6], i % 300);
        let line = match i % 5 {
            0 => format!(
                "{who} said “the {tag} plan number {i} will cost {} million dollars” on Monday.",
                i * 3
            ),
            1 => format!(
                "Minister {who} told reporters that {} countries and {i} soldiers would join.",
                i % 40
            ),
            2 => format!(
                "The {tag} report, published by {who}, says {} percent of {i} voters agreed.",
                i % 77
            ),
            3 => format!(
                "According to {who}, some thirty nations sent {i} troops to the border in {}.",
                1990 + i % 30
            ),
            _ => format!(
                "“We will not accept {i} refugees,” {who} said, adding that the 30-day ceasefire held."
            ),
        };
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

fn long_benches(c: &mut Criterion) {
    for n in [500, 2000] {
        let (a, b) = (
            article("long_a", &long_text(n, "one")),
            article("long_b", &long_text(n, "two")),
        );
        let (aa, ab) = (a.analysis(), b.analysis());
        let cmp = compare::compare(&a, &b);
        c.bench_function(&format!("long_disagreements_{n}"), |bch| {
            bch.iter(|| disagree::find_analysed(&a, &aa, &b, &ab, black_box(&cmp.rows)))
        });
    }
}

criterion_group! {
    name = compare;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = benches, long_benches
}
criterion_main!(compare);

/// The binary's allocator (`src/main.rs`), so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
