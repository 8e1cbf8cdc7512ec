//! Compare two bundled articles from their raw text N times, exactly as the `issue2_cold_*`
//! benchmark does (load both, align, diff words, lay out at width 160): a fixed workload for
//! counting instructions, which unlike wall time does not move with the machine's load.
//!
//!     cargo run --release --example cold_pair -- 003 004 20
//!
//! `scripts/instructions.sh` runs it under callgrind and prints instructions per comparison.
use parallax::compare;
use parallax::corpus::ArticleMeta;
use parallax::view::{LayoutOptions, layout};
use std::path::Path;

/// The text of the bundled article whose file name starts with `prefix`.
fn seed(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let path = std::fs::read_dir(&dir)
        .expect("corpus directory")
        .filter_map(|e| Some(e.ok()?.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        })
        .unwrap_or_else(|| panic!("no article {prefix}* in {}", dir.display()));
    std::fs::read_to_string(path).expect("article text")
}

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
    let (ta, tb) = (seed(&x), seed(&y));
    let opts = LayoutOptions::new(160);
    for _ in 0..n {
        let (a, b) = compare::load_pair(meta(&x), ta.as_str(), meta(&y), tb.as_str());
        let cmp = compare::compare_text(&a, &b);
        std::hint::black_box(layout(&a, &b, &cmp, &opts));
    }
}
