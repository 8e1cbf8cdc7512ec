//! The raw bytes Parallax writes, for hostile article text and hostile file names: the TUI
//! through a real crossterm backend over a `Vec<u8>`, and the stdout/stderr of `diff`, `list`,
//! `sentences`, `check` and error messages. Nothing from an article may reach the terminal as a control.

mod hostile_fixture;

use hostile_fixture::{assert_clean, calm_text, check_terminal_bytes, hostile_text, write};
use parallax::corpus::Corpus;
use parallax::tui::keymap::Action;
use parallax::tui::{App, ui};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::process::Command;
use std::sync::{Arc, Mutex};

/// A file name with an OSC title-set, a CSI clear and a bidi override in it.
const EVIL_NAME: &str = "evil\x1b]0;pwned\x07\x1b[2J\u{202e}name.txt";

fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hostile.txt", hostile_text().as_bytes());
    write(dir.path(), "calm.txt", calm_text().as_bytes());
    write(
        dir.path(),
        EVIL_NAME,
        "Title \x1b[41mof\x1b[0m evil\n\nThe council met on Monday.\n".as_bytes(),
    );
    write(
        dir.path(),
        "binary\x1b[5m.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    );
    dir
}

// ---- The checker itself must catch what it is meant to catch. ----

#[test]
fn checker_rejects_raw_hostile_text() {
    let raw = hostile_text();
    assert!(check_terminal_bytes(raw.as_bytes(), false).is_err());
    for bad in [
        &b"a\x1b]52;c;eA==\x07"[..],
        b"\x1bPq\x1b\\",
        b"\x1b[2J\x1b7",
        "x\u{9b}2J".as_bytes(),
        b"\xc2",
        b"\x07",
        b"\x7f",
        "\u{202e}".as_bytes(),
        "\u{2066}".as_bytes(),
        b"\x1b[31;\x1b]",
    ] {
        assert!(
            check_terminal_bytes(bad, false).is_err(),
            "should reject {bad:?}"
        );
    }
    assert!(check_terminal_bytes(b"\x1b[?1049h\x1b[1;1H\x1b[38;5;12mhi\x1b[0m\r\n", false).is_ok());
    assert!(check_terminal_bytes(b"a\tb", true).is_ok());
    assert!(check_terminal_bytes(b"a\tb", false).is_err());
}

// ---- The TUI through a real crossterm backend. ----

/// A `Write` whose bytes the test can read after the backend has written them.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn crossterm_bytes(app: &mut App, w: u16, h: u16) -> Vec<u8> {
    let out = Shared::default();
    let backend = CrosstermBackend::new(out.clone());
    let mut term = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .unwrap();
    term.draw(|f| ui::draw(f, app)).unwrap();
    term.hide_cursor().unwrap();
    term.show_cursor().unwrap();
    drop(term);
    out.0.lock().unwrap().clone()
}

fn hostile_app() -> (tempfile::TempDir, App) {
    let dir = hostile_dir();
    let corpus = Corpus::load(dir.path()).unwrap();
    assert!(corpus.articles.len() >= 3, "{:?}", corpus.warnings);
    let mut app = App::new(Arc::new(corpus));
    let h = app
        .corpus
        .articles
        .iter()
        .position(|a| a.meta.id == "hostile")
        .unwrap();
    let c = app
        .corpus
        .articles
        .iter()
        .position(|a| a.meta.id == "calm")
        .unwrap();
    for (target, key) in [(h, Action::ChooseA), (c, Action::ChooseB)] {
        app.update(Action::Top);
        for _ in 0..target {
            app.update(Action::Down);
        }
        app.update(key);
    }
    app.compare_now();
    (dir, app)
}

#[test]
fn tui_bytes_carry_no_article_escapes() {
    let (_dir, mut app) = hostile_app();
    let mut total = 0;
    for (w, h) in [
        (160, 50),
        (120, 40),
        (99, 30),
        (80, 24),
        (40, 8),
        (20, 5),
        (1, 1),
    ] {
        for step in 0..6 {
            match step {
                1 => app.update(Action::FocusNext),
                2 => app.update(Action::NextChange),
                3 => app.update(Action::PageDown),
                4 => app.update(Action::Bottom),
                5 => app.update(Action::ToggleFold),
                _ => {}
            }
            let out = crossterm_bytes(&mut app, w, h);
            total += out.len();
            assert_clean(&out, &format!("TUI at {w}x{h}, step {step}"));
        }
        app.update(Action::Help);
        let out = crossterm_bytes(&mut app, w, h);
        assert_clean(&out, &format!("help at {w}x{h}"));
        app.update(Action::Help);
    }
    assert!(total > 10_000, "the screens were drawn ({total} bytes)");
}

#[test]
fn tui_shows_hostile_text_visibly() {
    let (_dir, mut app) = hostile_app();
    app.update(Action::FocusNext);
    let out = crossterm_bytes(&mut app, 200, 60);
    let s = String::from_utf8(out).unwrap();
    // The article's escapes are shown as markers, and the calm text is really there.
    assert!(s.contains('␛'), "escape marker shown");
    assert!(s.contains("minister"));
    assert!(s.contains("中"));
    // The evil file name is listed, visibly neutralised.
    assert!(s.contains("evil"));
}

// ---- The binary's stdout and stderr. ----

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_parallax"));
    c.env_remove("NO_COLOR").env("TERM", "xterm-256color");
    c
}

fn run(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().expect("run parallax");
    assert!(
        out.status.code().is_some(),
        "parallax was killed by a signal: {:?}",
        out.status
    );
    out
}

#[test]
fn diff_stdout_is_clean_with_and_without_colour() {
    let dir = hostile_dir();
    let h = dir.path().join("hostile.txt");
    let c = dir.path().join("calm.txt");
    let e = dir.path().join(EVIL_NAME);
    for color in ["always", "never", "auto"] {
        for width in ["1", "7", "40", "100", "250"] {
            for (a, b) in [(&h, &c), (&c, &h), (&e, &h), (&h, &h)] {
                let out = run(bin()
                    .args(["diff", "--color", color, "--width", width])
                    .arg(a)
                    .arg(b));
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
                assert!(!out.stdout.is_empty());
                let what = format!("diff --color {color} --width {width} {a:?} {b:?}");
                assert_clean(&out.stdout, &what);
                assert_clean(&out.stderr, &what);
                if color == "never" {
                    assert!(!out.stdout.contains(&0x1b), "{what}: no ESC at all");
                }
            }
        }
    }
    // --json is pure ASCII.
    let out = run(bin().args(["diff", "--json"]).arg(&h).arg(&e));
    assert!(out.status.success());
    assert!(
        out.stdout
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) || b == b'\n')
    );
}

#[test]
fn sentences_stdout_is_clean_plain_and_json() {
    // C1 CSI (U+009B), a bidi override and an OSC: raw in the file, escaped in `--json`
    // (the parsed text is still exactly the file's bytes), visible markers in plain output.
    let text =
        "Evil \u{9b}31m text here. Bidi \u{202e}reversed\u{202c} here. Esc \x1b]0;t\x07 done.\n";
    let dir = hostile_dir();
    let f = dir.path().join("c1.txt");
    std::fs::write(&f, text).unwrap();
    for file in [f.clone(), dir.path().join("hostile.txt")] {
        for json in [false, true] {
            let mut cmd = bin();
            cmd.arg("sentences");
            if json {
                cmd.arg("--json");
            }
            let out = run(cmd.arg(&file));
            assert!(out.status.success());
            let what = format!("sentences json={json} {file:?}");
            assert_clean(&out.stdout, &what);
            assert_clean(&out.stderr, &what);
            if json && file == f {
                let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(items.len(), 3);
                for it in &items {
                    let (s, e) = (it["start"].as_u64().unwrap(), it["end"].as_u64().unwrap());
                    assert_eq!(it["text"].as_str().unwrap(), &text[s as usize..e as usize]);
                }
            }
        }
    }
}

#[test]
fn diff_by_id_in_a_hostile_corpus_is_clean() {
    let dir = hostile_dir();
    let out = run(bin()
        .args(["diff", "--color", "always", "--corpus"])
        .arg(dir.path())
        .args(["hostile", "calm"]));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_clean(&out.stdout, "diff by id");
    assert_clean(&out.stderr, "diff by id (stderr)");
}

#[test]
fn list_and_check_output_is_clean() {
    let dir = hostile_dir();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["check"],
        &["check", "--boilerplate"],
        &["check", "--max-bytes", "10"],
    ] {
        let out = run(bin().args(args).arg(dir.path()));
        let what = format!("{args:?}");
        assert_clean(&out.stdout, &what);
        assert_clean(&out.stderr, &what);
    }
    // check names the binary file with the escape in its name, visibly.
    let out = run(bin().arg("check").arg(dir.path()));
    let all = String::from_utf8_lossy(&[out.stdout, out.stderr].concat()).into_owned();
    assert!(all.contains("binary␛.txt"), "{all}");
}

#[test]
fn error_messages_naming_hostile_files_are_clean() {
    let dir = hostile_dir();
    let missing = dir.path().join("gone\x1b]52;c;cHduZWQ=\x07\u{9b}31m.txt");
    let cases: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["list".into(), missing.clone().into()],
        vec!["check".into(), missing.clone().into()],
        vec![missing.clone().into()],
        vec![
            "diff".into(),
            "--corpus".into(),
            dir.path().into(),
            "nope\x1b[2J\u{202e}".into(),
            "calm".into(),
        ],
        vec![
            "diff".into(),
            "--corpus".into(),
            missing.clone().into(),
            "a\x1b]0;t\x07".into(),
            "b".into(),
        ],
        vec!["sentences".into(), missing.clone().into()],
        vec!["report".into(), missing.clone().into(), "calm".into()],
    ];
    for args in cases {
        let out = run(bin().args(&args));
        let what = format!("{args:?}");
        assert!(!out.status.success(), "{what} should fail");
        assert!(!out.stderr.is_empty(), "{what}: an error message");
        assert_clean(&out.stdout, &what);
        assert_clean(&out.stderr, &what);
    }
}

#[test]
fn a_hostile_manifest_is_reported_cleanly() {
    let dir = hostile_dir();
    write(
        dir.path(),
        "corpus.toml",
        "[[article]]\nfile = \"hostile.txt\"\ntitle = \"T\x1b]0;x\x07\"\n[[article\nfile = \"\u{202e}\x1b[2J\"\n"
            .as_bytes(),
    );
    for args in [&["check"][..], &["list"]] {
        let out = run(bin().args(args).arg(dir.path()));
        let what = format!("{args:?} with a bad manifest");
        assert_clean(&out.stdout, &what);
        assert_clean(&out.stderr, &what);
    }
}

#[test]
fn report_stdout_is_clean() {
    let dir = hostile_dir();
    for format in ["md", "json", "html"] {
        let out = run(bin()
            .args(["report", "--format", format, "--corpus"])
            .arg(dir.path())
            .args(["hostile", "calm"]));
        let what = format!("report --format {format}");
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{what}");
        assert_clean(&out.stdout, &what);
        assert_clean(&out.stderr, &what);
    }
}
