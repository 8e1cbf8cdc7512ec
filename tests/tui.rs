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

/// On an ordinary 80×24 terminal the help is taller than the screen: it says how much is
/// below, and j / G scroll it to its last rows (they were cut off for good).
#[test]
fn help_overlay_scrolls_on_a_small_screen() {
    let mut app = app_with_pair(3, 4);
    app.update(Action::Help);
    let s = screen(&render(&mut app, 80, 24));
    assert!(s.contains("more · j/k scroll"), "{s}");
    let last = parallax::tui::keymap::KEYMAP.last().unwrap().help;
    assert!(!s.contains(last), "{s}");
    app.update(Action::Bottom);
    let s = screen(&render(&mut app, 80, 24));
    assert!(s.contains(last) && s.contains("Flags:"), "{s}");
    app.update(Action::Down);
    app.update(Action::Top);
    let s = screen(&render(&mut app, 80, 24));
    let first = parallax::tui::keymap::KEYMAP[0].help;
    assert!(s.contains(first), "{s}");
}

/// A message (what a key just did) is shown whole on the status line; the pair's figures
/// give way to it (they cut it to "…" at 80 columns).
#[test]
fn status_messages_are_shown_whole() {
    let mut app = app_with_pair(3, 4);
    app.message = Some("disagreement 1/3: dismissed".into());
    let s = screen(&render(&mut app, 80, 24));
    let status = s.lines().last().unwrap().to_string();
    assert!(status.contains("disagreement 1/3: dismissed"), "{status}");
    assert!(status.contains("A 003"), "{status}");
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
fn warnings_view() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "One sentence here.\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Another sentence here.\n").unwrap();
    let mut corpus = Corpus::load(dir.path()).unwrap();
    // A problem as the loader reports it (the path and message are untrusted).
    corpus.warnings.push(parallax::corpus::Warning {
        path: dir.path().join("bad\u{1b}[31m.txt"),
        message: "could not be read \u{1b}]0;x\u{7}".into(),
        severity: parallax::corpus::Severity::Error,
    });
    let mut app = App::new(Arc::new(corpus));
    app.compare_now();
    let s = screen(&render(&mut app, 160, 20));
    assert!(s.contains("⚠ 1 problem (w)"), "{s}");
    app.update(Action::Warnings);
    let s = screen(&render(&mut app, 160, 20));
    assert!(s.contains("could not be read"), "{s}");
    assert!(!s.contains('\u{1b}'));
    app.update(Action::Back);
    assert!(app.overlay.is_none());
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
    app.claims_now();
    app.update(Action::Help);
    for w in (1..=130).step_by(7).chain([1, 2, 39, 40, 41, 99, 100]) {
        for h in [1, 2, 3, 7, 8, 9, 15, 40] {
            render(&mut app, w, h);
            use parallax::tui::app::Overlay;
            app.overlay = match (w + h) % 5 {
                0 => None,
                1 => Some(Overlay::Help),
                2 => Some(Overlay::Disagreements),
                3 => Some(Overlay::Claims),
                _ => Some(Overlay::Warnings),
            };
            app.note = (w % 3 == 0).then(|| parallax::tui::app::NoteEdit {
                target: 0,
                text: "東京 note ".repeat(w as usize % 7),
                cursor: h as usize % 5,
                verdict: parallax::review::Verdict::Confirmed,
            });
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

/// Hostile article text drawn through the real crossterm backend into a byte buffer:
/// the only escape sequences written are the backend's own CSI sequences, and the
/// screen those bytes produce keeps every border in its column (widths are exact).
#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    use ratatui::backend::CrosstermBackend;
    let dir = tempfile::tempdir().unwrap();
    let long_word = "x".repeat(5000);
    std::fs::write(
        dir.path().join("a.txt"),
        format!(
            "Title \u{1b}]0;pwned\u{7} here\n\nThe \u{1b}[2J\u{1b}[31mred\u{1b}[0m text\u{9b}6n said \
             “twenty nations”.\tTabbed\u{7f} words. 東京で会議が開かれた。 e\u{301}te\u{301} 👩‍👩‍👧 ok.\n\n\
             {long_word} https://example.com/{long_word}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Title here\n\nThe red text said “thirty nations”. Plain words. 東京で会議。\n",
    )
    .unwrap();
    let mut app = App::new(Arc::new(Corpus::load(dir.path()).unwrap()));
    app.compare_now();
    let (w, h) = (120u16, 40u16);
    let mut frames = Vec::new();
    for step in [None, Some(Action::FocusNext), Some(Action::Bottom)] {
        if let Some(a) = step {
            app.update(a);
        }
        let mut bytes = Vec::new();
        let mut t = Terminal::with_options(
            CrosstermBackend::new(&mut bytes),
            ratatui::TerminalOptions {
                viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, w, h)),
            },
        )
        .unwrap();
        t.draw(|f| ui::draw(f, &mut app)).unwrap();
        drop(t);
        frames.push(bytes);
    }
    for bytes in frames {
        check_terminal_bytes(&bytes, w, h);
    }
}

fn check_terminal_bytes(bytes: &[u8], w: u16, h: u16) {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    // Every ESC starts a CSI sequence: ESC [ params final-byte.
    let mut rest = text.as_str();
    while let Some(i) = rest.find('\u{1b}') {
        let seq = &rest[i + 1..];
        assert!(
            seq.starts_with('['),
            "non-CSI escape: {:?}",
            &seq[..seq.len().min(20)]
        );
        let end = seq[1..]
            .find(|c: char| ('\u{40}'..='\u{7e}').contains(&c))
            .expect("CSI sequence ends");
        assert!(
            seq[1..1 + end]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ';' || c == '?'),
            "odd CSI parameters: {:?}",
            &seq[..end + 2]
        );
        rest = &seq[end + 2..];
    }
    for c in text.chars() {
        assert!(
            c == '\u{1b}' || !c.is_control(),
            "control {c:?} written to the terminal"
        );
    }
    // The screen the bytes draw: borders stay in their columns on every row.
    let mut p = vt100::Parser::new(
        std::num::NonZeroU16::new(h).unwrap(),
        std::num::NonZeroU16::new(w).unwrap(),
        0,
    );
    p.process(bytes);
    let screen = p.screen();
    if std::env::var_os("DUMP").is_some() {
        eprintln!("{}", screen.contents());
    }
    for row in 0..h - 1 {
        let last = screen.cell(row, w - 1).unwrap().contents();
        assert!(
            ["│", "┐", "┘"].contains(&last),
            "row {row} ends with {last:?}:\n{}",
            screen.contents()
        );
    }
}

/// The bundled corpus shown under a fixed root, so snapshots do not name the checkout.
fn corpus_at_fixed_root() -> Arc<Corpus> {
    let mut c = (*corpus()).clone();
    c.root = "/data/news".into();
    Arc::new(c)
}

fn app_with_pair_on(corpus: Arc<Corpus>, a: usize, b: usize) -> App {
    let mut app = App::new(corpus);
    for (target, key) in [(a, Action::ChooseA), (b, Action::ChooseB)] {
        app.update(Action::Top);
        for _ in 0..target {
            app.update(Action::Down);
        }
        app.update(key);
    }
    app.compare_now();
    app
}

/// A review store in a fresh temporary directory.
fn store_in(dir: &tempfile::TempDir) -> parallax::review::ReviewStore {
    let (store, warning) =
        parallax::review::ReviewStore::open(dir.path().join("news.review.json")).unwrap();
    assert!(warning.is_none());
    store
}

/// On a narrow screen the current disagreement's line is cut at the panel edge; its whole
/// summary is shown wrapped below the list.
#[test]
fn the_current_disagreement_is_shown_whole_in_the_panel() {
    let mut app = app_with_pair(3, 4);
    app.update(Action::FocusNext);
    render(&mut app, 80, 24);
    app.update(Action::Disagreements);
    let s = screen(&render(&mut app, 80, 24));
    let k = app.disagreement.expect("the first disagreement is current");
    let summary = app.disagreements()[k].summary.clone();
    let words: Vec<&str> = summary.split_whitespace().collect();
    // the summary's last words (cut off in its list line) are on screen
    let tail = words[words.len().saturating_sub(3)..].join(" ");
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(&tail), "{tail:?} not in\n{s}");
}

#[test]
fn disagreements_panel_003_004() {
    let mut app = app_with_pair(3, 4);
    assert!(
        !app.disagreements().is_empty(),
        "003 and 004 disagree (how many nations)"
    );
    app.update(Action::FocusNext);
    render(&mut app, 160, 45);
    app.update(Action::Disagreements);
    let s = screen(&render(&mut app, 160, 45));
    assert!(s.contains("Disagreements · A 003 ⇄ B 004"), "{s}");
    for d in app.disagreements() {
        assert!(s.contains(parallax::report::kind_label(d.kind)), "{s}");
    }
    assert!(s.contains("disagreement 1/"), "{s}");
    insta::assert_snapshot!("disagreements_panel_003_004", s);
    // Down moves the selection (and the diff); Enter closes the panel on that row.
    app.update(Action::Down);
    assert_eq!(app.disagreement, Some(1.min(app.disagreements().len() - 1)));
    app.update(Action::Choose);
    assert!(app.overlay.is_none());
    let row = app.disagreements()[app.disagreement.unwrap()].row;
    let v = app.current_view().unwrap().clone();
    let start = v.row_start[row];
    assert!(start >= app.scroll && start < app.scroll + app.body_height);
}

#[test]
fn disagreement_rows_are_flagged_and_their_words_styled() {
    use ratatui::style::{Color, Modifier};
    let mut app = app_with_pair(3, 4);
    app.update(Action::FocusNext);
    render(&mut app, 160, 45);
    app.update(Action::NextDisagreement);
    let t = render(&mut app, 160, 45);
    let s = screen(&t);
    assert!(s.contains("disagreement 1/"), "{s}");
    let buf = t.backend().buffer();
    // Disagreeing words: underlined on yellow, apart from word changes.
    assert!(buf.content().iter().any(|c| c.bg == Color::Yellow
        && c.modifier.contains(Modifier::UNDERLINED)
        && c.symbol().chars().all(|ch| !ch.is_whitespace())));
    // The current disagreement's gutter flag is drawn reversed.
    assert!(
        buf.content()
            .iter()
            .any(|c| c.symbol() == "!" && c.modifier.contains(Modifier::REVERSED))
    );
}

#[test]
fn jump_between_disagreements() {
    let mut app = app_with_pair(3, 4);
    app.update(Action::FocusNext);
    render(&mut app, 160, 45);
    let n = app.disagreements().len();
    assert!(n >= 2, "003/004 have several disagreements");
    let rows: Vec<usize> = app.disagreements().iter().map(|d| d.row).collect();
    for (k, &row) in rows.iter().enumerate() {
        app.update(Action::NextDisagreement);
        assert_eq!(app.disagreement, Some(k));
        let v = app.current_view().unwrap().clone();
        // The row is on screen (at the top, or as far down as the last page allows).
        let start = v.row_start[row];
        assert!(start >= app.scroll && start < app.scroll + app.body_height);
    }
    app.update(Action::NextDisagreement);
    assert_eq!(app.message.as_deref(), Some("last disagreement"));
    assert_eq!(app.disagreement, Some(n - 1));
    app.update(Action::PrevDisagreement);
    assert_eq!(app.disagreement, Some(n - 2));
    let s = screen(&render(&mut app, 160, 45));
    assert!(s.contains(&format!("disagreement {}/{n}", n - 1)), "{s}");
    // Scrolling by hand lets go of the current disagreement.
    app.update(Action::Top);
    assert_eq!(app.disagreement, None);
}

#[test]
fn confirm_dismiss_and_note_are_saved_and_survive_reopening() {
    use parallax::review::{ReviewStore, Verdict};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.review.json");
    let mut app = app_with_pair(3, 4);
    app.attach_review(store_in(&dir), None);
    app.update(Action::FocusNext);
    render(&mut app, 160, 45);
    app.update(Action::NextDisagreement);
    app.update(Action::Confirm);
    assert!(path.exists(), "confirming writes the review file");
    assert_eq!(app.message.as_deref(), Some("disagreement 1/3: confirmed"));
    app.update(Action::NextDisagreement);
    app.update(Action::Dismiss);
    // A note with unicode, edited with backspace and the arrows.
    app.update(Action::Note);
    assert!(app.note.is_some());
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    for ch in "naïve 東京x".chars() {
        app.handle_key(key(KeyCode::Char(ch)));
    }
    app.handle_key(key(KeyCode::Backspace));
    app.handle_key(key(KeyCode::Home));
    app.handle_key(key(KeyCode::Char('«')));
    app.handle_key(key(KeyCode::End));
    app.handle_key(key(KeyCode::Char('»')));
    let s = screen(&render(&mut app, 100, 30));
    assert!(s.contains("Note · disagreement 2/3 · dismissed"), "{s}");
    app.handle_key(key(KeyCode::Enter));
    assert!(app.note.is_none());
    // Esc cancels a note without saving it.
    app.update(Action::Note);
    app.handle_key(key(KeyCode::Char('z')));
    app.handle_key(key(KeyCode::Esc));
    assert!(app.note.is_none());

    // A fresh store on the same file sees both reviews.
    let (store, warning) = ReviewStore::open(&path).unwrap();
    assert!(warning.is_none());
    assert_eq!(store.len(), 2);
    let mut again = app_with_pair(3, 4);
    again.attach_review(store, None);
    let reviews = again.reviews();
    assert_eq!(reviews[0].as_ref().unwrap().verdict, Verdict::Confirmed);
    let second = reviews[1].as_ref().unwrap();
    assert_eq!(second.verdict, Verdict::Dismissed);
    assert_eq!(second.note, "«naïve 東京»");
    // The panel and the gutter show the verdicts.
    again.update(Action::Disagreements);
    let s = screen(&render(&mut again, 160, 45));
    assert!(s.contains("[confirmed]"), "{s}");
    assert!(s.contains("[dismissed: «naïve 東京»]"), "{s}");
    assert!(s.contains('✓'), "{s}");
    // Forgetting a review removes it from the file.
    again.update(Action::ClearReview);
    let (store, _) = ReviewStore::open(&path).unwrap();
    assert_eq!(store.len(), 1);
}

#[test]
fn note_popup() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_pair_on(corpus_at_fixed_root(), 3, 4);
    app.attach_review(store_in(&dir), None);
    // Shown in the status line; fixed here so the snapshot does not name the temp dir.
    app.review_path = Some("/data/news.review.json".into());
    app.update(Action::FocusNext);
    render(&mut app, 120, 30);
    app.update(Action::NextDisagreement);
    app.update(Action::Note);
    for ch in "checked the communiqué: “over 20” is right".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(ch), KeyModifiers::NONE));
    }
    app.handle_key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    let s = screen(&render(&mut app, 120, 30));
    assert!(s.contains("communiqué"), "{s}");
    assert!(s.contains("review news.review.json"), "{s}");
    insta::assert_snapshot!("note_popup", s);
    // Tiny terminals: no panic.
    for (w, h) in [(1, 1), (10, 3), (40, 8), (41, 9)] {
        render(&mut app, w, h);
    }
}

#[test]
fn marks_without_a_review_file_say_so() {
    let mut app = app_with_pair(3, 4);
    app.update(Action::FocusNext);
    render(&mut app, 160, 45);
    app.update(Action::NextDisagreement);
    app.update(Action::Confirm);
    assert_eq!(
        app.message.as_deref(),
        Some("no review file: notes cannot be saved")
    );
    app.update(Action::Note);
    assert!(app.note.is_none());
}

#[test]
fn claims_view() {
    let mut app = app_with_pair_on(corpus_at_fixed_root(), 3, 4);
    app.update(Action::Claims);
    assert!(app.wants_claims());
    let s = screen(&render(&mut app, 160, 45));
    assert!(s.contains("reading the claims"), "{s}");
    app.claims_now();
    assert!(!app.wants_claims());
    let s = screen(&render(&mut app, 160, 45));
    assert!(s.contains("Claims: what every article says"), "{s}");
    assert!(
        s.contains("countries") || s.contains("nations"),
        "the how-many-nations claim: {s}"
    );
    insta::assert_snapshot!("claims_view", s);
    // Scrolling stops at the end; v closes.
    for _ in 0..500 {
        app.update(Action::Down);
    }
    render(&mut app, 160, 45);
    let end = app.overlay_scroll;
    app.update(Action::Down);
    render(&mut app, 160, 45);
    assert_eq!(app.overlay_scroll, end);
    app.update(Action::Claims);
    assert!(app.overlay.is_none());
}

#[test]
fn damaged_review_file_is_a_listed_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("news.review.json");
    std::fs::write(&path, "{ not json \u{1b}[31m").unwrap();
    let (store, warning) = parallax::review::ReviewStore::open(&path).unwrap();
    assert!(warning.is_some());
    let mut app = app_with_pair_on(corpus_at_fixed_root(), 3, 4);
    app.attach_review(store, warning);
    let s = screen(&render(&mut app, 160, 30));
    assert!(s.contains("⚠ 1 problem (w)"), "{s}");
    assert!(s.contains("review file was damaged"), "{s}");
    app.update(Action::Warnings);
    let s = screen(&render(&mut app, 160, 30));
    assert!(s.contains("review notes:"), "{s}");
    assert!(s.contains("is damaged"), "{s}");
    assert!(!s.contains('\u{1b}'));
}

#[test]
fn warnings_view_snapshot() {
    let mut c = (*corpus_at_fixed_root()).clone();
    c.warnings.push(parallax::corpus::Warning {
        path: "/data/news/broken.txt".into(),
        message: "binary file (NUL bytes), skipped \u{1b}[2J".into(),
        severity: parallax::corpus::Severity::Error,
    });
    let mut app = App::new(Arc::new(c));
    app.compare_now();
    app.problems.push("review file /data/news.review.json is damaged (not valid JSON); kept it as /data/news.review.json.damaged-20250320T120000Z and started a new one".into());
    let s = screen(&render(&mut app, 120, 30));
    assert!(s.contains("⚠ 2 problems (w)"), "{s}");
    app.update(Action::Warnings);
    let s = screen(&render(&mut app, 120, 30));
    insta::assert_snapshot!("warnings_view", s);
}

#[test]
fn appended_story_is_a_separate_part_and_boilerplate_folds() {
    let mut app = app_with_pair(0, 1);
    app.update(Action::FocusNext);
    render(&mut app, 160, 45);
    let v = app.current_view().unwrap().clone();
    let sep = v
        .lines
        .iter()
        .position(|l| l.plain().contains("B: appended story (part 2)"))
        .expect("001's appended NATO story is set apart");
    // The separator comes right before the first row of the appended part.
    let arts = &app.corpus.articles;
    let next_row = v.row_from(sep + 1).unwrap();
    let Some(parallax::tui::app::Compared::Done(c)) = app.comparison().cloned() else {
        panic!("compared")
    };
    let first_b = c.rows[next_row].b[0];
    assert!(arts[1].part[first_b] >= 1);
    assert!(
        c.rows[..next_row]
            .iter()
            .flat_map(|r| &r.b)
            .all(|&i| arts[1].part[i] == 0)
    );
    // Scrolled there, the screen shows it.
    app.scroll = sep.saturating_sub(2);
    let s = screen(&render(&mut app, 160, 45));
    assert!(s.contains("B: appended story (part 2)"), "{s}");
    // Folding boilerplate shortens the view and says how much it folded.
    let lines = v.lines.len();
    app.update(Action::ToggleFold);
    render(&mut app, 160, 45);
    let folded = app.current_view().unwrap().clone();
    assert!(folded.lines.len() < lines);
    assert!(
        folded
            .lines
            .iter()
            .any(|l| l.plain().contains("boilerplate sentence"))
    );
}

mod note_editing {
    use super::*;
    use proptest::prelude::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn key_strategy() -> impl Strategy<Value = KeyEvent> {
        let plain = |c| KeyEvent::new(c, KeyModifiers::NONE);
        prop_oneof![
            4 => any::<char>().prop_map(move |c| plain(KeyCode::Char(c))),
            1 => Just(plain(KeyCode::Backspace)),
            1 => Just(plain(KeyCode::Delete)),
            1 => Just(plain(KeyCode::Left)),
            1 => Just(plain(KeyCode::Right)),
            1 => Just(plain(KeyCode::Home)),
            1 => Just(plain(KeyCode::End)),
            1 => Just(plain(KeyCode::Tab)),
            1 => Just(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
            1 => Just(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::ALT)),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Any keys typed into the note popup: no panic, the cursor stays in the text,
        /// no control character gets in, and the popup draws at any size.
        #[test]
        fn any_keys_keep_the_note_consistent(keys in proptest::collection::vec(key_strategy(), 0..60), w in 1u16..130, h in 1u16..40) {
            let dir = tempfile::tempdir().unwrap();
            let mut app = app_with_pair(3, 4);
            app.attach_review(store_in(&dir), None);
            render(&mut app, 160, 45);
            app.update(Action::NextDisagreement);
            app.update(Action::Note);
            prop_assert!(app.note.is_some());
            for k in keys {
                app.handle_key(k);
                let n = app.note.as_ref().unwrap();
                prop_assert!(n.cursor <= n.text.chars().count());
                prop_assert!(!n.text.chars().any(char::is_control));
            }
            render(&mut app, w, h);
            // (below the minimum size keys other than q/Esc do nothing: the user enlarges
            // the terminal first)
            render(&mut app, 160, 45);
            let typed = app.note.as_ref().unwrap().text.trim().to_string();
            app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            prop_assert!(app.note.is_none());
            let reviews = app.reviews();
            prop_assert_eq!(&reviews[0].as_ref().unwrap().note, &typed);
        }
    }
}
