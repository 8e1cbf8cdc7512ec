//! The reader's speed: the first frame (corpus load + first comparison + render) —
//! target < 50 ms — and one keypress → redraw — target < 16 ms.

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use parallax::corpus::Corpus;
use parallax::tui::app::Focus;
use parallax::tui::{App, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn benches(c: &mut Criterion) {
    c.bench_function("first_frame_160x45", |b| {
        b.iter(|| {
            let corpus = Arc::new(Corpus::load(&corpus_dir()).unwrap());
            let mut app = App::new(corpus);
            app.compare_now();
            let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
            t.draw(|f| ui::draw(f, &mut app)).unwrap();
            black_box(t)
        })
    });

    let corpus = Arc::new(Corpus::load(&corpus_dir()).unwrap());
    let mut app = App::new(corpus);
    app.compare_now();
    app.focus = Focus::Diff;
    let mut t = Terminal::new(TestBackend::new(160, 45)).unwrap();
    t.draw(|f| ui::draw(f, &mut app)).unwrap();
    let keys = [KeyCode::Char('j'), KeyCode::Char('k')];
    let mut i = 0;
    c.bench_function("keypress_redraw_160x45", |b| {
        b.iter(|| {
            i += 1;
            app.handle_key(KeyEvent::new(keys[i % 2], KeyModifiers::NONE));
            t.draw(|f| ui::draw(f, &mut app)).unwrap();
        })
    });

    // The same with a layout to recompute (a resize, or a new pair on a cached comparison).
    let mut widths = [160u16, 150].into_iter().cycle();
    c.bench_function("resize_relayout_redraw", |b| {
        b.iter(|| {
            let w = widths.next().unwrap();
            t.backend_mut().resize(w, 45);
            t.draw(|f| ui::draw(f, &mut app)).unwrap();
        })
    });
}

criterion_group! {
    name = tui;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = benches
}
criterion_main!(tui);

/// The binary's allocator (`src/main.rs`), so the numbers are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
