//! Verse-level alignment quality on two Bible translations (KJV vs BBE, a strong paraphrase)
//! from `../shared/eval/scale`: a link is right when both verses have the same
//! book/chapter/verse. Skipped with a printed message when the data is absent.
//!
//! `cargo test --release --test eval_bible -- --nocapture` prints P/R/F1. Debug builds align
//! a few books (the whole Bible takes seconds there); release builds align the whole Bible.

use parallax::align::eval::{Links, Scores, predicted_links};
use parallax::align::{self, Side};
use parallax::text::{Lang, Span};
use std::collections::HashMap;
use std::path::PathBuf;

/// CI floor for verse-level F1 (measured on the whole Bible and on books 1–5: see the report).
const FLOOR_F1: f64 = 0.93;

fn scale_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/scale");
    dir.join("bible_kjv_verses.tsv").is_file().then_some(dir)
}

/// Verses of books `1..=last_book`: one text with a verse per line, and the verse ids.
fn load(path: &PathBuf, last_book: usize) -> (String, Vec<Span>, Vec<String>) {
    let tsv = std::fs::read_to_string(path).expect("readable tsv");
    let (mut text, mut spans, mut ids) = (String::new(), Vec::new(), Vec::new());
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let book: usize = cols[0].parse().expect("book number");
        if book > last_book {
            break;
        }
        let start = text.len();
        text.push_str(cols[4]);
        spans.push(Span::new(start, text.len()));
        text.push('\n');
        ids.push(format!("{}:{}:{}", cols[0], cols[2], cols[3]));
    }
    (text, spans, ids)
}

#[test]
fn bible_verse_alignment_meets_the_floor() {
    let Some(dir) = scale_dir() else {
        println!("SKIPPED: ../shared/eval/scale not found");
        return;
    };
    let books = if cfg!(debug_assertions) { 5 } else { 66 };
    let (ta, sa, ia) = load(&dir.join("bible_kjv_verses.tsv"), books);
    let (tb, sb, ib) = load(&dir.join("bible_bbe_verses.tsv"), books);
    let al = align::align(
        &Side {
            text: &ta,
            sentences: &sa,
            lang: Lang::English,
            skip: &[],
        },
        &Side {
            text: &tb,
            sentences: &sb,
            lang: Lang::English,
            skip: &[],
        },
    );
    let pos: HashMap<&str, usize> = ib
        .iter()
        .enumerate()
        .map(|(j, s)| (s.as_str(), j))
        .collect();
    let gold: Links = ia
        .iter()
        .enumerate()
        .filter_map(|(i, s)| pos.get(s.as_str()).map(|&j| (i, j)))
        .collect();
    let s = Scores::of(&predicted_links(&al), &gold);
    println!(
        "Bible KJV vs BBE, books 1-{books}, {} vs {} verses: {s}",
        sa.len(),
        sb.len()
    );
    assert!(
        s.f1 >= FLOOR_F1,
        "Bible verse F1 {:.3} below {FLOOR_F1}",
        s.f1
    );
}
