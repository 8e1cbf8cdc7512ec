//! Comparing two seed articles end to end: segmentation, alignment, word diff, layout.
//! Target: well under 1 ms for 003 against 004.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::corpus::{Article, ArticleMeta};
use parallax::view::{LayoutOptions, layout};
use std::hint::black_box;
use std::time::Duration;

fn seed(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .expect("seed article");
    std::fs::read_to_string(path).unwrap()
}

fn article(id: &str, text: &str) -> Article {
    Article::from_text(
        ArticleMeta {
            id: id.into(),
            language: Some("en".into()),
            ..ArticleMeta::default()
        },
        text,
    )
}

fn benches(c: &mut Criterion) {
    for (x, y) in [("003", "004"), ("000", "001")] {
        let (ta, tb) = (seed(x), seed(y));
        c.bench_function(&format!("compare_end_to_end_{x}_{y}_w160"), |b| {
            b.iter(|| {
                let a = article(x, black_box(&ta));
                let bb = article(y, black_box(&tb));
                let cmp = parallax::compare::compare(&a, &bb);
                black_box(layout(&a, &bb, &cmp, &LayoutOptions::new(160)))
            })
        });
        let a = article(x, &ta);
        let bb = article(y, &tb);
        c.bench_function(&format!("segment_{x}_{y}"), |b| {
            b.iter(|| (article(x, black_box(&ta)), article(y, black_box(&tb))))
        });
        c.bench_function(&format!("align_and_word_diff_{x}_{y}"), |b| {
            b.iter(|| parallax::compare::compare(black_box(&a), black_box(&bb)))
        });
        let cmp = parallax::compare::compare(&a, &bb);
        c.bench_function(&format!("layout_{x}_{y}_w160"), |b| {
            b.iter(|| layout(&a, &bb, black_box(&cmp), &LayoutOptions::new(160)))
        });
    }
}

criterion_group! {
    name = compare;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = benches
}
criterion_main!(compare);
