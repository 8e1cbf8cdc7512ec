//! Segmentation speed: one seed article and the 4 MB KJV Bible text.
//!
//! The Bible case reads `../shared/eval/scale/bible_kjv_verses.tsv` (verse text is the
//! fifth tab-separated field, one verse a line) and is skipped with a message when the
//! file is absent.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use parallax::text::{Document, Lang, split_sentences};
use std::hint::black_box;
use std::path::Path;

fn seed() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    String::from_utf8_lossy(&std::fs::read(&files[0]).expect("seed")).into_owned()
}

fn bible() -> Option<String> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/scale/bible_kjv_verses.tsv");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("skipping the Bible benchmark: {} not found", path.display());
        return None;
    };
    let mut text = String::with_capacity(raw.len());
    for line in raw.lines() {
        if let Some(verse) = line.split('\t').nth(4) {
            text.push_str(verse);
            text.push('\n');
        }
    }
    Some(text)
}

fn bench(c: &mut Criterion) {
    let seed = seed();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(seed.len() as u64));
    g.bench_function("seed_split_sentences", |b| {
        b.iter(|| split_sentences(black_box(&seed), Lang::English))
    });
    g.bench_function("seed_document_parse", |b| {
        b.iter(|| Document::parse(black_box(&seed), Lang::English))
    });
    g.bench_function("seed_detect_lang", |b| {
        b.iter(|| Lang::detect(black_box(&seed)))
    });
    g.finish();

    if let Some(text) = bible() {
        let mut g = c.benchmark_group("segment_bible_4mb");
        g.sample_size(10);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function("split_sentences", |b| {
            b.iter(|| split_sentences(black_box(&text), Lang::English))
        });
        g.bench_function("document_parse", |b| {
            b.iter(|| Document::parse(black_box(&text), Lang::English))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

/// The binary's allocator (`src/main.rs`), so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
