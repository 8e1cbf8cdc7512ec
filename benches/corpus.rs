//! Corpus loading, boilerplate marking and sanitising.
//!
//! `cargo bench --bench corpus -- --measurement-time 3 --warm-up-time 1`

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::corpus::{Article, ArticleMeta, Corpus, boilerplate};
use parallax::text::{Document, Lang};
use std::hint::black_box;
use std::path::Path;

/// About `bytes` of article-like text with unique sentences, a caption block every so often.
fn big_article(bytes: usize) -> String {
    let seed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/003_99949d89f03e48ca.txt"),
    )
    .unwrap();
    let mut out = String::from("A headline for a very long article\n\n");
    let mut i = 0usize;
    while out.len() < bytes {
        for line in seed.lines() {
            out.push_str(line);
            out.push_str(&format!(" Paragraph {i}.\n\n"));
            i += 1;
        }
        out.push_str("A caption for the photo above. JANE DOE / AGENCY\n0:44\n\n");
    }
    out
}

fn benches(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    c.bench_function("load bundled corpus (5 articles)", |b| {
        b.iter(|| Corpus::load(black_box(&root)).unwrap())
    });

    let seed001 = std::fs::read_to_string(root.join("001_a1fb376bff78f1cb.txt")).unwrap();
    let doc001 = Document::parse(&seed001, Lang::English);
    c.bench_function("Document::parse seed 001 (for scale)", |b| {
        b.iter(|| Document::parse(black_box(&seed001), Lang::English))
    });
    c.bench_function("boilerplate::detect seed 001", |b| {
        b.iter(|| boilerplate::detect(black_box(&seed001), black_box(&doc001)))
    });

    let big = big_article(10 << 20);
    let big_doc = Document::parse(&big, Lang::English);
    let mut g = c.benchmark_group("10 MB article");
    g.sample_size(10);
    g.bench_function("boilerplate::detect", |b| {
        b.iter(|| boilerplate::detect(black_box(&big), black_box(&big_doc)))
    });
    g.bench_function("Article::from_text (segment + marks)", |b| {
        b.iter(|| Article::from_text(ArticleMeta::default(), black_box(big.as_str())))
    });
    g.bench_function("decode (UTF-8)", |b| {
        b.iter(|| parallax::corpus::decode::decode(black_box(big.as_bytes())).unwrap())
    });
    g.finish();

    let clean =
        "Prime Minister Sir Keir Starmer is expected to attend part of the discussions – “quoted”.";
    let hostile = "Title \x1b]0;pwned\x07 with \x1b[31mred\x1b[0m and \u{202e}bidi\t tab";
    c.bench_function("sanitize::display clean line", |b| {
        b.iter(|| parallax::sanitize::display(black_box(clean)))
    });
    c.bench_function("sanitize::display hostile line", |b| {
        b.iter(|| parallax::sanitize::display(black_box(hostile)))
    });
}

criterion_group!(corpus, benches);
criterion_main!(corpus);

/// The binary's allocator (`src/main.rs`), so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
