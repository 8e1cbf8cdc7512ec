//! End to end: the real binary in a pseudo-terminal on hostile directories. Open, choose a
//! pair, navigate, resize rapidly down to 1×1, quit — and on SIGTERM, SIGHUP and a panic the
//! terminal must be restored just as on `q`.

mod hostile_fixture;
mod pty_harness;

use hostile_fixture::{calm_text, check_terminal_bytes, hostile_text, write};
use pty_harness::Session;
use std::path::Path;
use std::time::{Duration, Instant};

fn utf16le(s: &str) -> Vec<u8> {
    let mut v = vec![0xff, 0xfe];
    for u in s.encode_utf16() {
        v.extend(u.to_le_bytes());
    }
    v
}

/// About `bytes` of ordinary prose, in paragraphs, with some repetition like real news.
fn big_article(bytes: usize) -> String {
    let mut s = String::from("A very long article\n\n");
    let mut i = 0usize;
    while s.len() < bytes {
        s.push_str(&format!(
            "The committee heard witness number {i} on day {} of the inquiry. \
             Officials said the harbour budget of {} million would be reviewed again. ",
            i / 40,
            i % 97
        ));
        if i % 5 == 4 {
            s.push_str("\n\n");
        }
        i += 1;
    }
    s
}

/// The hostile directory: the hostile fixture and a calm article, a UTF-16 and a Latin-1 file,
/// a binary, an empty file, a 10 MB article and a broken `corpus.toml`.
fn hostile_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "hostile.txt", hostile_text().as_bytes());
    write(d, "calm.txt", calm_text().as_bytes());
    write(
        d,
        "utf16.txt",
        &utf16le("Zürich headline\n\nThe council in Zürich met on Monday.\n"),
    );
    write(
        d,
        "latin1.txt",
        b"K\xf6ln headline\n\nThe council in K\xf6ln met on Monday. Caf\xe9 owners protested.\n",
    );
    write(
        d,
        "binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0",
    );
    write(d, "empty.txt", b"");
    write(d, "huge.txt", big_article(10 << 20).as_bytes());
    write(
        d,
        "corpus.toml",
        b"[[article]]\nfile = \"calm.txt\"\ntitle = \"unterminated\n",
    );
    dir
}

#[test]
fn hostile_directory_navigate_resize_quit() {
    let dir = hostile_dir();
    let mut s = Session::start(&[dir.path()], 40, 140, &[]);
    s.wait_for("the reader", |c| c.contains("Articles") && c.contains("⇄"));
    // Every loadable article is listed, the refused ones are not.
    s.wait_for("the list", |c| {
        ["calm", "hostile", "huge", "latin1", "utf16"]
            .iter()
            .all(|id| c.contains(id))
    });
    // Sorted by name: calm, hostile, huge, latin1, utf16. Choose hostile as A, calm as B.
    s.press("gja");
    s.press("kb");
    s.wait_for("hostile against calm", |c| {
        c.contains("A hostile ⇄ B calm") && !c.contains("comparing…") && c.contains("minister")
    });
    {
        let c = s.contents();
        assert!(c.contains('␛'), "escape sequences shown as markers:\n{c}");
        assert!(
            !c.contains("ZWNobyBwd25lZA"),
            "OSC 52 payload dropped:\n{c}"
        );
        assert!(c.contains("中文"), "CJK shown:\n{c}");
    }
    // Navigate the diff.
    s.press("\t");
    s.press("jjjk");
    s.press("n");
    s.press("\x1b[6~"); // PgDn
    s.press("G");
    s.press("n");
    s.wait_for("the end of the diff", |c| c.contains("A hostile ⇄ B calm"));
    // Rapid resizes, down to 1x1 and back.
    for (r, c) in [
        (24, 80),
        (10, 30),
        (1, 1),
        (2, 3),
        (1, 200),
        (60, 1),
        (8, 40),
        (50, 200),
        (1, 1),
        (40, 140),
    ] {
        s.resize(r, c);
        std::thread::sleep(Duration::from_millis(15));
    }
    s.resize(1, 1);
    std::thread::sleep(Duration::from_millis(300));
    s.resize(40, 140);
    s.wait_for("the full layout again", |c| {
        c.contains("Articles") && c.contains("A hostile ⇄ B calm")
    });
    // The 10 MB article is in the list (loaded); select it, then quit.
    s.press("\tgjj");
    s.wait_for("the huge article selected", |c| c.contains("huge"));
    s.press("q");
    let st = s.wait_exit();
    assert!(st.success(), "exit status {st:?}");
    let raw = s.assert_restored();
    // Everything the app wrote, article text included, holds only the backend's own CSIs.
    if let Err(l) = check_terminal_bytes(raw.as_bytes(), false) {
        panic!("{} at {}: {:?}", l.what, l.offset, l.context);
    }
}

#[test]
fn three_hundred_articles() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        write(
            dir.path(),
            &format!("a{i:03}.txt"),
            format!(
                "Story {i}\n\nThe council met on day {i}. It approved {} projects. \
                 Residents of district {} were not consulted.\n",
                i % 17,
                i % 23
            )
            .as_bytes(),
        );
    }
    let mut s = Session::start(&[dir.path()], 30, 120, &[]);
    s.wait_for("the reader", |c| c.contains("a000") && c.contains("⇄"));
    // Bottom of the list, choose it as B; the top as A.
    s.press("G");
    s.wait_for("the last article", |c| c.contains("a299"));
    s.press("b");
    s.press("ga");
    s.wait_for("a000 against a299", |c| {
        c.contains("A a000 ⇄ B a299") && !c.contains("comparing…")
    });
    // Page through the list.
    s.press("\x1b[6~\x1b[6~\x1b[6~");
    s.wait_for("a later page", |c| !c.contains("a001"));
    s.resize(12, 50);
    s.resize(30, 120);
    s.wait_for("the frame at the new size", |c| {
        c.contains("A a000 ⇄ B a299")
    });
    s.press("q");
    let st = s.wait_exit();
    assert!(st.success(), "exit status {st:?}");
    s.assert_restored();
}

fn small_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hostile.txt", hostile_text().as_bytes());
    write(dir.path(), "calm.txt", calm_text().as_bytes());
    dir
}

#[cfg(unix)]
fn signal_restores(sig: &str) {
    let dir = small_dir();
    let mut s = Session::start(&[dir.path()], 30, 100, &[]);
    s.wait_for("the reader", |c| c.contains("Articles") && c.contains("⇄"));
    s.signal(sig);
    let st = s.wait_exit();
    assert!(!st.success(), "killed by {sig}: {st:?}");
    s.assert_restored();
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal() {
    signal_restores("TERM");
}

#[cfg(unix)]
#[test]
fn sighup_restores_the_terminal() {
    signal_restores("HUP");
}

#[test]
fn a_panic_restores_the_terminal() {
    let dir = small_dir();
    let mut s = Session::start(&[dir.path()], 30, 100, &[(parallax::tui::PANIC_ENV, "1")]);
    let st = s.wait_exit();
    assert!(!st.success(), "a panic fails: {st:?}");
    let raw = s.assert_restored();
    // The message is printed after the terminal is restored, on the main screen.
    let restored_at = raw.find("\x1b[?1049l").unwrap();
    assert!(
        raw[restored_at..].contains("panicking on purpose"),
        "panic message after the restore: {:?}",
        &raw[restored_at..]
    );
    // … and the terminal is restored once: leaving the alternate screen again after the
    // message moved the cursor back over it, and the shell overwrote it.
    assert_eq!(raw.matches("\x1b[?1049l").count(), 1, "{raw:?}");
}

/// The terminal goes away (its window is closed): the kernel hangs up the pty and the reader
/// must end, rather than spin at full CPU on a read that returns end-of-file forever (it did:
/// stuck inside crossterm, it never got back to its loop to see the SIGHUP). A pty held open
/// by this test's own reader cannot hang up, so the terminal here is a tmux pane on a private
/// server, killed outright. Skipped (with a message) when tmux is not installed.
#[cfg(unix)]
#[test]
fn closing_the_terminal_ends_the_reader() {
    let _serial = pty_harness::serial();
    // (a server of this process's own: test runs of two checkouts at once must not kill
    // each other's)
    let socket = format!("parallax-e2e-close-{}", std::process::id());
    let tmux = |args: &[&str]| {
        std::process::Command::new("tmux")
            .args(["-L", &socket])
            .args(args)
            .output()
    };
    if tmux(&["-V"]).is_err() {
        println!("SKIPPED: tmux not found (closing_the_terminal_ends_the_reader)");
        return;
    }
    let dir = small_dir();
    let cmd = format!(
        "exec '{}' '{}'",
        env!("CARGO_BIN_EXE_parallax"),
        dir.path().display()
    );
    let out = tmux(&[
        "new-session",
        "-d",
        "-P",
        "-F",
        "#{pane_pid}",
        "-x",
        "100",
        "-y",
        "30",
        &cmd,
    ])
    .expect("start tmux");
    let pid: u32 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .expect("pane pid");
    let alive = || Path::new(&format!("/proc/{pid}")).exists();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(alive(), "the reader started");
    let _ = tmux(&["kill-server"]);
    let start = Instant::now();
    while alive() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("parallax still running 10 s after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
