//! Arbitrary bytes → two articles → compare → view layout at a fuzzed width → TUI drawn
//! into a TestBackend of fuzzed size after fuzzed key actions. No panic; every line of the
//! layout is exactly its width; no cell holds a control character.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::compare::compare;
use parallax::corpus::{Article, ArticleMeta, Corpus};
use parallax::tui::keymap::Action;
use parallax::tui::{App, ui};
use parallax::view::{LayoutOptions, layout};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

const ACTIONS: [Action; 17] = [
    Action::Up,
    Action::Down,
    Action::PageUp,
    Action::PageDown,
    Action::HalfPageUp,
    Action::HalfPageDown,
    Action::Top,
    Action::Bottom,
    Action::FocusNext,
    Action::Choose,
    Action::ChooseA,
    Action::ChooseB,
    Action::Swap,
    Action::NextChange,
    Action::PrevChange,
    Action::ToggleFold,
    Action::Help,
];

fn bad(c: char) -> bool {
    c.is_control() || matches!(c as u32, 0x202a..=0x202e | 0x2066..=0x2069 | 0x9b)
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 8 {
        return;
    }
    let (head, rest) = data.split_at(8);
    let width = 1 + (u16::from_le_bytes([head[0], head[1]]) as usize % 300);
    let tw = 1 + (head[2] as u16 % 200);
    let th = 1 + (head[3] as u16 % 60);
    let fold = head[4] & 1 == 1;
    let n_actions = (head[5] % 12) as usize;
    let cut = (head[6] as usize * rest.len()) / 255;
    let (a, b) = rest.split_at(cut.min(rest.len()));
    let (ta, tb) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    // Hostile ids and titles: the first line of each text.
    let meta = |t: &str, n: usize| ArticleMeta {
        id: format!(
            "{n}_{}",
            t.lines()
                .next()
                .unwrap_or("")
                .chars()
                .take(20)
                .collect::<String>()
        ),
        title: t.chars().take(40).collect(),
        outlet: Some(t.chars().rev().take(10).collect()),
        ..ArticleMeta::default()
    };
    let art_a = Article::from_text(meta(&ta, 0), ta.as_ref());
    let art_b = Article::from_text(meta(&tb, 1), tb.as_ref());

    // Layout at the fuzzed width.
    let cmp = compare(&art_a, &art_b);
    let opts = LayoutOptions {
        fold_boilerplate: fold,
        ..LayoutOptions::new(width)
    };
    let v = layout(&art_a, &art_b, &cmp, &opts);
    for l in &v.lines {
        assert_eq!(l.width(), v.geometry.width, "line width: {:?}", l.plain());
        assert!(
            !l.plain().chars().any(bad),
            "control in layout: {:?}",
            l.plain()
        );
    }
    for &r in &v.changes {
        assert!(r < cmp.rows.len());
    }

    // The TUI, after some actions, into a small terminal.
    let corpus = Corpus {
        articles: vec![art_a, art_b],
        ..Corpus::default()
    };
    let mut app = App::new(Arc::new(corpus));
    app.compare_now();
    let mut term = Terminal::new(TestBackend::new(tw, th)).unwrap();
    for (k, &byte) in head[7..]
        .iter()
        .chain(rest.iter())
        .take(n_actions)
        .enumerate()
    {
        app.update(ACTIONS[byte as usize % ACTIONS.len()]);
        app.compare_now();
        if k % 3 == 0 {
            term.draw(|f| ui::draw(f, &mut app)).unwrap();
        }
    }
    app.quit = false;
    term.draw(|f| ui::draw(f, &mut app)).unwrap();
    let buf = term.backend().buffer();
    assert_eq!(buf.area.width, tw);
    assert_eq!(buf.area.height, th);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(bad),
            "control in cell {:?}",
            cell.symbol()
        );
    }
});
