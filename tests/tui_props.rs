//! Properties of the layout and the reader over arbitrary text, widths, sizes and keys.

use parallax::align::UnitKind;
use parallax::compare::{Comparison, Row, SegTag, Segment, Stats};
use parallax::corpus::{Article, ArticleMeta, Corpus};
use parallax::tui::keymap::{Action, KEYMAP};
use parallax::tui::{App, ui};
use parallax::view::{LayoutOptions, layout};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::{Arc, OnceLock};

fn article(text: &str) -> Article {
    Article::from_text(
        ArticleMeta {
            id: "x".into(),
            title: "x".into(),
            ..ArticleMeta::default()
        },
        text.to_string(),
    )
}

/// Text mixing ASCII, controls and escapes, wide and combining characters, emoji, long words.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ,.]{0,30}",
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]0;t\u{7}".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\t".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{7f}\u{0}".to_string()),
        Just("東京で会議".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("👩‍👩‍👧 ☺\u{fe0f}".to_string()),
        Just("\u{202e}abc\u{202c}\u{200b}".to_string()),
        Just("x".repeat(300)),
        Just(". ".to_string()),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// A comparison pairing sentence i of A with sentence i of B, the rest unmatched,
/// with word segments alternating equal / changed.
fn pairwise(a: &Article, b: &Article) -> Comparison {
    let n = a.doc.sentences.len().max(b.doc.sentences.len());
    let segs = |art: &Article, i: usize| -> Vec<Segment> {
        art.doc.sentences[i]
            .tokens
            .iter()
            .enumerate()
            .map(|(k, t)| Segment {
                span: t.span,
                tag: if k % 2 == 0 {
                    SegTag::Equal
                } else {
                    SegTag::Changed
                },
            })
            .collect()
    };
    let rows = (0..n)
        .map(|i| {
            let (ha, hb) = (i < a.doc.sentences.len(), i < b.doc.sentences.len());
            Row {
                a: if ha { vec![i] } else { vec![] },
                b: if hb { vec![i] } else { vec![] },
                kind: match (ha, hb) {
                    (true, true) => UnitKind::Changed,
                    (true, false) => UnitKind::OnlyA,
                    _ => UnitKind::OnlyB,
                },
                score: 0.5,
                a_segments: if ha { segs(a, i) } else { vec![] },
                b_segments: if hb { segs(b, i) } else { vec![] },
            }
        })
        .collect();
    Comparison {
        rows,
        stats: Stats::default(),
        disagreements: Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Every line is exactly the width asked for, holds no control character, and every
    /// sentence of each side starts exactly one numbered line.
    #[test]
    fn layout_lines_are_exact_and_safe(ta in messy_text(), tb in messy_text(), width in 1usize..200) {
        let (a, b) = (article(&ta), article(&tb));
        let cmp = pairwise(&a, &b);
        let v = layout(&a, &b, &cmp, &LayoutOptions::new(width));
        prop_assert_eq!(v.row_start.len(), cmp.rows.len());
        let (mut na, mut nb) = (0, 0);
        for l in &v.lines {
            prop_assert_eq!(l.width(), width, "{:?}", l.plain());
            for r in l.runs() {
                prop_assert!(!r.text.chars().any(|c| c.is_control()), "{:?}", r.text);
            }
            let (x, y) = v.geometry.numbers(l);
            na += usize::from(x.is_some());
            nb += usize::from(y.is_some());
        }
        if v.geometry.num > 0 {
            prop_assert_eq!(na, a.doc.sentences.len());
            prop_assert_eq!(nb, b.doc.sentences.len());
        }
    }
}

fn seed_corpus() -> Arc<Corpus> {
    static C: OnceLock<Arc<Corpus>> = OnceLock::new();
    C.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        Arc::new(Corpus::load(&dir).unwrap())
    })
    .clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(30))]

    /// Any sequence of actions at any size: no panic, the cursor stays in the list, the
    /// scroll stays in the diff, and the app quits only when asked.
    #[test]
    fn any_keys_any_size(
        keys in proptest::collection::vec(0usize..KEYMAP.len(), 0..40),
        sizes in proptest::collection::vec((1u16..200, 1u16..60), 1..4),
    ) {
        let mut app = App::new(seed_corpus());
        app.compare_now();
        for (i, &k) in keys.iter().enumerate() {
            let action = KEYMAP[k].action;
            if matches!(action, Action::Quit | Action::ForceQuit | Action::Back) && app.overlay.is_none() {
                continue;
            }
            app.update(action);
            prop_assert!(!app.quit || matches!(action, Action::Quit | Action::ForceQuit));
            if app.quit {
                break;
            }
            app.compare_now();
            let (w, h) = sizes[i % sizes.len()];
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| ui::draw(f, &mut app)).unwrap();
            prop_assert!(app.selected < app.corpus.articles.len());
            if let Some(v) = app.current_view() {
                prop_assert!(app.scroll <= v.lines.len());
            }
        }
    }
}
