//! Compare two bundled articles from their raw text N times, exactly as the `issue2_cold_*`
//! benchmark does (load both, align, diff words, lay out at width 160): a fixed workload for
//! counting instructions, which unlike wall time does not move with the machine's load.
//!
//!     cargo run --release --example cold_pair -- 003 004 20
//!
//! `scripts/instructions.sh` runs it under callgrind and prints instructions per comparison.
//! With `time` after the count, it also prints percentiles of each comparison's wall time
//! (what criterion's means, skewed by a busy machine's slow runs, do not show):
//!
//!     cargo run --release --example cold_pair -- 003 004 4000 time
use parallax::compare;
use parallax::corpus::{ArticleMeta, Corpus};
use parallax::view::{LayoutOptions, layout};
use std::path::Path;

fn meta(id: &str) -> ArticleMeta {
    ArticleMeta {
        id: id.into(),
        language: Some("en".into()),
        ..ArticleMeta::default()
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let x = args.next().unwrap_or_else(|| "003".into());
    let y = args.next().unwrap_or_else(|| "004".into());
    let n: usize = args.next().map_or(1, |s| s.parse().expect("a count"));
    // (as the reader's comparison thread and the CLI do)
    parallax::par::adopt_current_thread();
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"))
        .expect("bundled corpus");
    let text = |name: &str| {
        let i = corpus
            .find(name)
            .unwrap_or_else(|| panic!("no bundled article {name}"));
        corpus.articles[i].text.to_string()
    };
    let (ta, tb) = (text(&x), text(&y));
    let opts = LayoutOptions::new(160);
    let time = args.next().is_some_and(|a| a == "time");
    let mut walls = Vec::with_capacity(if time { n } else { 0 });
    for _ in 0..n {
        let start = std::time::Instant::now();
        parallax::par::on_pool(|| {
            let (a, b) = compare::load_pair(meta(&x), ta.as_str(), meta(&y), tb.as_str());
            let cmp = compare::compare_text(&a, &b);
            std::hint::black_box(layout(&a, &b, &cmp, &opts));
        });
        if time {
            walls.push(start.elapsed().as_secs_f64() * 1e6);
        }
    }
    if time && !walls.is_empty() {
        walls.sort_by(f64::total_cmp);
        let at = |q: usize| walls[(walls.len() - 1) * q / 100];
        println!(
            "{x}–{y}: {n} cold comparisons, wall time p10 {:.0} µs, median {:.0} µs, p90 {:.0} µs",
            at(10),
            at(50),
            at(90)
        );
    }
}

/// The binary's allocator (`src/main.rs`), so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
