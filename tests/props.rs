//! Properties over arbitrary (and hostile) text: spans on char boundaries, every sentence in
//! exactly one row, layouts exactly as wide as asked, the TUI never drawing outside its area,
//! and no control characters reaching a cell.

use parallax::compare::compare;
use parallax::corpus::{Article, ArticleMeta, Corpus};
use parallax::sanitize;
use parallax::text::{Document, Lang};
use parallax::tui::keymap::Action;
use parallax::tui::{App, ui};
use parallax::view::{LayoutOptions, layout};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::sync::Arc;

/// Pieces news text and attackers are made of.
const PIECES: &[&str] = &[
    "The",
    "council",
    "met",
    "on",
    "Monday",
    "and",
    "approved",
    "the",
    "budget",
    "Mr.",
    "Dr.",
    "U.S.",
    "3.5",
    "2,000",
    "e.g.",
    "“quoted”",
    "(AP)",
    "—",
    "...",
    "?",
    "!",
    ".",
    ". ",
    ", ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\0",
    "\x07",
    "\x08",
    "\x1b",
    "\x1b[2J",
    "\x1b]52;c;eA==\x07",
    "\x1bP1$q\x1b\\",
    "\x7f",
    "\u{85}",
    "\u{9b}",
    "\u{9b}31m",
    "\u{9d}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{2028}",
    "中文",
    "東京。",
    "e\u{301}",
    "\u{301}",
    "👩‍👩‍👧",
    "🇸🇪",
    "ß",
    "İ",
    "ﬁ",
    "Ωμέγα",
    "عربى",
    "\u{fffd}",
    "https://example.com/a?b=c",
    "#tag",
    "Photo: AP",
    "TT",
    "20",
];

fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        // Pieces, mostly words and spaces.
        prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|v| v.concat()),
        // Any unicode at all.
        prop::collection::vec(any::<char>(), 0..max).prop_map(|v| v.into_iter().collect()),
    ]
}

fn article(id: &str, t: &str) -> Article {
    Article::from_text(
        ArticleMeta {
            id: id.into(),
            title: t.chars().take(30).collect(),
            ..ArticleMeta::default()
        },
        t,
    )
}

fn bad(c: char) -> bool {
    c.is_control() || matches!(c as u32, 0x202a..=0x202e | 0x2066..=0x2069)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, .. ProptestConfig::default() })]

    /// Sentence, token and paragraph spans are in bounds, on char boundaries, in order and
    /// disjoint, for every language's rules.
    #[test]
    fn spans_on_char_boundaries(t in text(120), lang in prop::sample::select(&["en", "de", "sv", "fr", "es", "it", "nl", "pt", "ru", "ja", "zh", "ar"][..])) {
        let lang = Lang::from_code(lang).unwrap_or_else(|| Lang::detect(&t));
        for doc in [Document::parse(&t, lang), Document::from_lines(&t)] {
            let mut end = 0;
            for s in &doc.sentences {
                prop_assert!(s.span.start <= s.span.end && s.span.end <= t.len());
                prop_assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
                prop_assert!(s.span.start >= end, "sentences overlap");
                end = s.span.end;
                let mut tend = s.span.start;
                for tok in &s.tokens {
                    prop_assert!(tok.span.start >= tend && tok.span.end <= s.span.end);
                    prop_assert!(t.is_char_boundary(tok.span.start) && t.is_char_boundary(tok.span.end));
                    prop_assert!(!tok.span.is_empty());
                    tend = tok.span.end;
                }
            }
            let mut end = 0;
            for p in &doc.paragraphs {
                prop_assert!(p.span.start >= end && p.span.end <= t.len());
                prop_assert!(t.is_char_boundary(p.span.start) && t.is_char_boundary(p.span.end));
                end = p.span.end;
            }
        }
    }

    /// Every sentence of A and of B is in exactly one row of the comparison, and word
    /// segments point into the right text on char boundaries.
    #[test]
    fn every_sentence_exactly_once(ta in text(150), tb in text(150)) {
        let (a, b) = (article("a", &ta), article("b", &tb));
        let cmp = compare(&a, &b);
        let mut seen_a = vec![0; a.doc.sentences.len()];
        let mut seen_b = vec![0; b.doc.sentences.len()];
        for r in &cmp.rows {
            prop_assert!(!(r.a.is_empty() && r.b.is_empty()), "empty row");
            for &i in &r.a { seen_a[i] += 1; }
            for &j in &r.b { seen_b[j] += 1; }
            for s in &r.a_segments {
                prop_assert!(s.span.end <= ta.len() && ta.is_char_boundary(s.span.start) && ta.is_char_boundary(s.span.end));
            }
            for s in &r.b_segments {
                prop_assert!(s.span.end <= tb.len() && tb.is_char_boundary(s.span.start) && tb.is_char_boundary(s.span.end));
            }
        }
        prop_assert!(seen_a.iter().all(|&n| n == 1), "A: {:?}", seen_a);
        prop_assert!(seen_b.iter().all(|&n| n == 1), "B: {:?}", seen_b);
        prop_assert!((0.0..=1.0).contains(&cmp.stats.similarity));
    }

    /// Every laid-out line is exactly the width asked (at least 1), holds no control
    /// character, and every row has a first line.
    #[test]
    fn layout_is_exactly_as_wide_as_asked(ta in text(80), tb in text(80), width in 0usize..300, fold: bool) {
        let (a, b) = (article("a", &ta), article("b", &tb));
        let cmp = compare(&a, &b);
        let v = layout(&a, &b, &cmp, &LayoutOptions { fold_boilerplate: fold, ..LayoutOptions::new(width) });
        prop_assert_eq!(v.geometry.width, width.max(1));
        for l in &v.lines {
            prop_assert_eq!(l.width(), width.max(1), "line {:?}", l.plain());
            prop_assert!(!l.plain().chars().any(bad), "control in {:?}", l.plain());
        }
        prop_assert_eq!(v.row_start.len(), cmp.rows.len());
        for &s in &v.row_start {
            prop_assert!(s < v.lines.len());
        }
    }

    /// The TUI drawn into a viewport inside a larger screen writes nothing outside the
    /// viewport, never panics, and no cell holds a control character.
    #[test]
    fn tui_draws_inside_its_area(
        ta in text(60), tb in text(60),
        w in 1u16..130, h in 1u16..45, x in 0u16..5, y in 0u16..5,
        keys in prop::collection::vec(0usize..15, 0..8),
    ) {
        let corpus = Corpus { articles: vec![article("a_x", &ta), article("b\x1b[2J", &tb)], ..Corpus::default() };
        let mut app = App::new(Arc::new(corpus));
        app.compare_now();
        let (sw, sh) = (w + x + 3, h + y + 3);
        let sentinel = "#".repeat(sw as usize);
        let backend = TestBackend::with_lines(vec![sentinel.as_str(); sh as usize]);
        let area = Rect::new(x, y, w, h);
        let mut term = Terminal::with_options(backend, TerminalOptions { viewport: Viewport::Fixed(area) }).unwrap();
        let actions = [Action::Down, Action::Up, Action::PageDown, Action::PageUp, Action::Top,
            Action::Bottom, Action::FocusNext, Action::ChooseA, Action::ChooseB, Action::Swap,
            Action::NextChange, Action::PrevChange, Action::ToggleFold, Action::Help, Action::HalfPageDown];
        term.draw(|f| ui::draw(f, &mut app)).unwrap();
        for k in keys {
            app.update(actions[k]);
            app.compare_now();
            term.draw(|f| ui::draw(f, &mut app)).unwrap();
        }
        let buf = term.backend().buffer();
        for cy in 0..sh {
            for cx in 0..sw {
                let sym = buf[(cx, cy)].symbol();
                if !area.contains(ratatui::layout::Position::new(cx, cy)) {
                    prop_assert_eq!(sym, "#", "wrote outside {:?} at ({}, {})", area, cx, cy);
                } else {
                    prop_assert!(!sym.chars().any(bad), "control in cell {:?}", sym);
                }
            }
        }
    }

    /// The sanitiser: no C0 (other than `\n` from `display`), C1, DEL, ESC or bidi control
    /// survives, for any input.
    #[test]
    fn sanitised_output_has_no_controls(t in text(200)) {
        let multi = sanitize::display(&t);
        prop_assert!(!multi.chars().any(|c| c != '\n' && bad(c)), "{:?}", multi);
        let line = sanitize::display_line(&t);
        prop_assert!(!line.chars().any(bad), "{:?}", line);
        prop_assert!(!line.contains(['\u{9b}', '\x1b']), "{:?}", line);
        // JSON made terminal-safe keeps its value.
        let v = serde_json::json!({ "t": t.clone() });
        let j = sanitize::json(&serde_json::to_string(&v).unwrap()).into_owned();
        prop_assert!(!j.chars().any(bad), "{:?}", j);
        prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&j).unwrap(), v);
        let html = sanitize::html(&t);
        prop_assert!(!html.contains('<') && !html.contains('>'));
    }
}
