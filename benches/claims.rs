//! Claim extraction and disagreement finding on seed pairs, against the whole comparison.
//!
//! `cargo bench --bench claims -- --measurement-time 3 --warm-up-time 1`

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::compare::{claims, compare, disagree};
use parallax::corpus::Corpus;
use std::hint::black_box;
use std::path::Path;

fn bench(c: &mut Criterion) {
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    let get = |id: &str| &corpus.articles[corpus.find(id).unwrap()];
    for (x, y) in [("003", "004"), ("000", "001")] {
        let (a, b) = (get(x), get(y));
        let cmp = compare(a, b);
        let (ca, cb) = (claims::extract(a), claims::extract(b));
        c.bench_function(&format!("claims_extract_{x}_{y}"), |bn| {
            bn.iter(|| (claims::extract(black_box(a)), claims::extract(black_box(b))))
        });
        c.bench_function(&format!("disagree_find_{x}_{y}"), |bn| {
            bn.iter(|| disagree::find(black_box(a), &ca, black_box(b), &cb, &cmp.rows))
        });
        c.bench_function(&format!("compare_total_{x}_{y}"), |bn| {
            bn.iter(|| compare(black_box(a), black_box(b)))
        });
    }
    c.bench_function("corpus_claims_5_articles", |bn| {
        bn.iter(|| claims::corpus_claims(black_box(&corpus.articles)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// The binary's allocator (`src/main.rs`), so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
