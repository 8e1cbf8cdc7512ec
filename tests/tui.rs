//! Whole-screen snapshots of the reader, drawn into ratatui's TestBackend.
//!
//! Alignment and segmentation are being improved; when they change, review the new
//! screens with `cargo insta review` and accept them if they read right.

use parallax::corpus::Corpus;
use parallax::tui::keymap::Action;
use parallax::tui::{App, ui};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::Arc;

fn corpus() -> Arc<Corpus> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    Arc::new(Corpus::load(&dir).expect("bundled corpus"))
}

/// An app on the bundled corpus with the pair (a, b) chosen through the keys.
fn app_with_pair(a: usize, b: usize) -> App {
    let mut app = App::new(corpus());
    for (target, key) in [(a, Action::ChooseA), (b, Action::ChooseB)] {
        app.update(Action::Top);
        for _ in 0..target {
            app.update(Action::Down);
        }
        app.update(key);
    }
    assert_eq!(app.pair, (a, b));
    app.compare_now();
    app
}

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| ui::draw(f, app)).unwrap();
    t
}

fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            x += 1;
            // A wide glyph covers the next cell, which holds nothing of its own.
            if parallax::view::display_width(cell.symbol()) == 2 {
                x += 1;
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn pair_003_004() {
    let mut app = app_with_pair(3, 4);
    let t = render(&mut app, 160, 45);
    let s = screen(&t);
    assert!(s.contains("A 003 ⇄ B 004"));
    insta::assert_snapshot!("pair_003_004", s);
}

#[test]
fn pair_000_001() {
    let mut app = app_with_pair(0, 1);
    let t = render(&mut app, 160, 45);
    insta::assert_snapshot!("pair_000_001", screen(&t));
}

#[test]
fn next_change_scrolls_and_counts() {
    let mut app = app_with_pair(3, 4);
    app.update(Action::FocusNext);
    render(&mut app, 160, 45);
    app.update(Action::NextChange);
    app.update(Action::NextChange);
    app.update(Action::NextChange);
    let s = screen(&render(&mut app, 160, 45));
    assert!(s.contains("change 3/"), "{s}");
    insta::assert_snapshot!("pair_003_004_change_3", s);
}

#[test]
fn help_overlay() {
    let mut app = app_with_pair(3, 4);
    app.update(Action::Help);
    let s = screen(&render(&mut app, 120, 40));
    for b in parallax::tui::keymap::KEYMAP {
        assert!(s.contains(b.help), "help lacks {:?}", b.help);
    }
    insta::assert_snapshot!("help_overlay", s);
}

#[test]
fn narrow_terminal_shows_the_focused_pane() {
    let mut app = app_with_pair(3, 4);
    let list = screen(&render(&mut app, 80, 24));
    assert!(list.contains("Articles"));
    app.update(Action::FocusNext);
    let diff = screen(&render(&mut app, 80, 24));
    assert!(!diff.contains("Articles"));
    insta::assert_snapshot!("narrow_80x24_diff", diff);
}

#[test]
fn tiny_terminal_says_so() {
    let mut app = app_with_pair(3, 4);
    let s = screen(&render(&mut app, 30, 6));
    assert!(s.contains("Parallax needs"));
    insta::assert_snapshot!("tiny_30x6", s);
}

#[test]
fn every_size_draws_without_panic() {
    let mut app = app_with_pair(0, 1);
    app.update(Action::Help);
    for w in (1..=130).step_by(7).chain([1, 2, 39, 40, 41, 99, 100]) {
        for h in [1, 2, 3, 7, 8, 9, 15, 40] {
            render(&mut app, w, h);
            app.help = !app.help;
            app.focus = if w % 2 == 0 {
                parallax::tui::app::Focus::Diff
            } else {
                parallax::tui::app::Focus::List
            };
        }
    }
}

#[test]
fn comparing_is_shown_until_the_worker_answers() {
    let mut app = App::new(corpus());
    let s = screen(&render(&mut app, 120, 30));
    assert!(s.contains("comparing…"), "{s}");
    app.compare_now();
    let s = screen(&render(&mut app, 120, 30));
    assert!(!s.contains("comparing…"), "{s}");
}

#[test]
fn highlights_are_styled() {
    use ratatui::style::Color;
    let mut app = app_with_pair(3, 4);
    let t = render(&mut app, 160, 45);
    let buf = t.backend().buffer();
    let bgs: std::collections::HashSet<Color> = buf.content().iter().map(|c| c.bg).collect();
    // Removed and added words have their own backgrounds; unmatched rows have filler.
    assert!(
        bgs.contains(&Color::Indexed(52)),
        "no removed words highlighted"
    );
    assert!(
        bgs.contains(&Color::Indexed(22)),
        "no added words highlighted"
    );
    assert!(
        bgs.contains(&Color::Indexed(236)),
        "no filler for unmatched sentences"
    );
    // Without colour, attributes carry the same information.
    app.color = false;
    let t = render(&mut app, 160, 45);
    let buf = t.backend().buffer();
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        buf.content()
            .iter()
            .any(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
    );
}
