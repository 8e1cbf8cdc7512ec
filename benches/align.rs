//! Alignment speed: a seed pair (003 vs 004, segmented) and the two Bible translations of
//! `../shared/eval/scale` (one verse a line, ~31,000 each; skipped with a message when absent).
//!
//! `cargo bench --bench align -- --measurement-time 3 --warm-up-time 1`

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::align::{self, Side};
use parallax::text::{Document, Lang, Span};
use std::hint::black_box;
use std::path::Path;

/// Align two English texts with the default options.
fn align_english(ta: &str, sa: &[Span], tb: &str, sb: &[Span]) -> align::Alignment {
    let side = |text, sentences| Side {
        text,
        sentences,
        lang: Lang::English,
        skip: &[],
    };
    align::align(&side(ta, sa), &side(tb, sb))
}

fn seed_pair(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let ta = std::fs::read_to_string(root.join("003_99949d89f03e48ca.txt")).unwrap();
    let tb = std::fs::read_to_string(root.join("004_ffbc3294bb44548a.txt")).unwrap();
    let sa = Document::parse(&ta, Lang::English).sentence_spans();
    let sb = Document::parse(&tb, Lang::English).sentence_spans();
    c.bench_function("align seeds 003-004", |bench| {
        bench.iter(|| align_english(black_box(&ta), &sa, black_box(&tb), &sb))
    });
}

fn verses(path: &Path) -> (String, Vec<Span>) {
    let tsv = std::fs::read_to_string(path).unwrap();
    let mut text = String::new();
    let mut spans = Vec::new();
    for line in tsv.lines().skip(1) {
        let verse = line.split('\t').nth(4).unwrap_or("");
        let start = text.len();
        text.push_str(verse);
        spans.push(Span::new(start, text.len()));
        text.push('\n');
    }
    (text, spans)
}

fn bible(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/scale");
    if !dir.join("bible_kjv_verses.tsv").is_file() {
        println!("SKIPPED bible bench: ../shared/eval/scale not found");
        return;
    }
    let (ta, sa) = verses(&dir.join("bible_kjv_verses.tsv"));
    let (tb, sb) = verses(&dir.join("bible_bbe_verses.tsv"));
    let mut g = c.benchmark_group("bible");
    g.sample_size(10);
    g.bench_function("align KJV-BBE verses", |bench| {
        bench.iter(|| align_english(black_box(&ta), &sa, black_box(&tb), &sb))
    });
    g.finish();
}

criterion_group!(benches, seed_pair, bible);
criterion_main!(benches);

/// The binary's allocator (`src/main.rs`), so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
