//! Every file in `tests/data/regressions/` (fuzz crashers and hand-made hostile inputs) goes
//! through what the three fuzz targets do: decode and segment, align, compare, lay out and draw.
//! The input format is the `render` target's: 8 header bytes, then the two texts.

use parallax::compare::compare;
use parallax::corpus::{Article, ArticleMeta, Corpus, decode};
use parallax::tui::{App, ui};
use parallax::view::{LayoutOptions, layout};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn check(data: &[u8]) {
    // decode_segment: the whole input as a file.
    if let Ok(d) = decode::decode(data) {
        let art = Article::from_text(ArticleMeta::default(), d.text.as_str());
        for s in &art.doc.sentences {
            assert!(
                art.text.is_char_boundary(s.span.start) && art.text.is_char_boundary(s.span.end)
            );
        }
    }
    // align / render: header + two texts.
    if data.len() < 8 {
        return;
    }
    let (head, rest) = data.split_at(8);
    let width = 1 + (u16::from_le_bytes([head[0], head[1]]) as usize % 300);
    let (tw, th) = (1 + (head[2] as u16 % 200), 1 + (head[3] as u16 % 60));
    let cut = (head[6] as usize * rest.len()) / 255;
    let (a, b) = rest.split_at(cut.min(rest.len()));
    let ta = String::from_utf8_lossy(a);
    let tb = String::from_utf8_lossy(b);
    let art_a = Article::from_text(
        ArticleMeta {
            id: "a".into(),
            ..ArticleMeta::default()
        },
        ta.as_ref(),
    );
    let art_b = Article::from_text(
        ArticleMeta {
            id: "b".into(),
            ..ArticleMeta::default()
        },
        tb.as_ref(),
    );
    let cmp = compare(&art_a, &art_b);
    let mut seen = (
        vec![0; art_a.doc.sentences.len()],
        vec![0; art_b.doc.sentences.len()],
    );
    for r in &cmp.rows {
        r.a.iter().for_each(|&i| seen.0[i] += 1);
        r.b.iter().for_each(|&j| seen.1[j] += 1);
    }
    assert!(seen.0.iter().chain(&seen.1).all(|&n| n == 1));
    let v = layout(
        &art_a,
        &art_b,
        &cmp,
        &LayoutOptions {
            fold_boilerplate: head[4] & 1 == 1,
            ..LayoutOptions::new(width)
        },
    );
    assert!(v.lines.iter().all(|l| l.width() == v.geometry.width));
    let mut app = App::new(Arc::new(Corpus {
        articles: vec![art_a, art_b],
        ..Corpus::default()
    }));
    app.compare_now();
    let mut term = Terminal::new(TestBackend::new(tw, th)).unwrap();
    term.draw(|f| ui::draw(f, &mut app)).unwrap();
    for cell in term.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{:?}",
            cell.symbol()
        );
    }
}

#[test]
fn every_regression_input_survives() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let data = std::fs::read(&path).unwrap();
        let r = std::panic::catch_unwind(|| check(&data));
        assert!(r.is_ok(), "{} fails", path.display());
        n += 1;
    }
    assert!(n >= 3, "the regression inputs are there ({n})");
}
