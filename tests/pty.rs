//! The real binary in a pseudo-terminal: open the bundled corpus, choose a pair,
//! read the screen, open the help, resize, quit — and check the terminal was restored.

mod pty_harness;

use pty_harness::Session;

/// A screen row with sentence numbers and a row mark in the gutter and text on both sides.
fn has_aligned_row(contents: &str) -> bool {
    contents.lines().any(|l| {
        let chars: Vec<char> = l.chars().collect();
        (2..chars.len().saturating_sub(3)).any(|i| {
            matches!(chars[i], '=' | '~' | '↕')
                // The flag column holds ' ' or a disagreement flag (reviewed or not).
                && matches!(chars[i - 1], ' ' | '!' | '✓' | '✗')
                && chars[i - 2].is_ascii_digit()
                && chars[i + 1] == ' '
                && chars[i + 2].is_ascii_digit()
                && chars[..i - 3].iter().filter(|c| c.is_alphabetic()).count() > 10
                && chars[i + 3..].iter().filter(|c| c.is_alphabetic()).count() > 10
        })
    })
}

#[test]
fn choose_a_pair_read_help_resize_and_quit() {
    let none: [&str; 0] = [];
    let mut s = Session::start(&none, 40, 140, &[]);
    // Opens on the bundled corpus, comparing the first two articles.
    s.wait_for_screen("the reader", |s| {
        s.alternate_screen()
            && s.contents().contains("Articles")
            && s.contents().contains("A 000 ⇄ B 001")
    });

    // Move to 003, choose it as A; move to 004, choose it as B.
    s.press("jjja");
    s.press("jb");
    s.wait_for("003 against 004", |c| {
        c.contains("A 003 ⇄ B 004")
            && c.contains("A 003_99949d89f03e48ca")
            && c.contains("B 004_ffbc3294bb44548a")
            && !c.contains("comparing…")
            && has_aligned_row(c)
    });

    // Next change moves the counter.
    s.press("\t");
    s.press("n");
    s.wait_for("change 1/", |c| c.contains("change 1/"));

    // Help overlay, generated from the keymap; Esc closes it.
    s.press("?");
    s.wait_for("the help", |c| {
        c.contains("Keys") && c.contains("Show or hide this help") && c.contains("Quit at once")
    });
    s.press("\x1b");
    s.wait_for("the help to close", |c| {
        !c.contains("Show or hide this help")
    });

    // Resize: narrow shows the focused pane only; tiny asks for more room.
    s.resize(24, 80);
    s.wait_for("the narrow layout", |c| {
        c.contains("A 003 ⇄ B 004") && !c.contains("Articles")
    });
    s.resize(6, 30);
    s.wait_for("the too-small message", |c| c.contains("Parallax needs"));
    s.resize(40, 140);
    s.wait_for("the full layout again", |c| c.contains("Articles"));

    // Quit: a clean exit and a restored terminal.
    s.press("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    s.assert_restored();
}

// A panic, SIGTERM and SIGHUP restoring the terminal: see tests/e2e_pty.rs.

#[test]
fn the_reader_needs_a_terminal() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
}

/// `parallax diff` on a terminal that reports no width (0×0, as some pseudo-terminals do)
/// prints at `$COLUMNS`, else 100 columns — not at width 1, which showed no text at all.
#[test]
fn diff_on_a_terminal_without_a_width() {
    let widest = |out: &str| {
        out.lines()
            .map(|l| unicode_width::UnicodeWidthStr::width(l.trim_end()))
            .max()
            .unwrap_or(0)
    };
    let args = ["diff", "003", "004", "--color", "never"];
    let out = Session::start(&args, 0, 0, &[("COLUMNS", "90")]).output();
    assert!(out.contains("almost 20 nations"), "{out}");
    assert!((80..=90).contains(&widest(&out)), "{out}");
    let out = Session::start(&args, 0, 0, &[]).output();
    assert!((90..=100).contains(&widest(&out)), "{out}");
}
