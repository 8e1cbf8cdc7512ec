//! The real binary in a pseudo-terminal: open the bundled corpus, choose a pair,
//! read the screen, open the help, resize, quit — and check the terminal was restored.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Screen {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero")
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// Wait (up to 20 s, generous for a loaded machine) until the screen satisfies `ok`.
fn wait_for(screen: &Arc<Mutex<Screen>>, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
    let start = Instant::now();
    loop {
        {
            let s = screen.lock().unwrap();
            if ok(s.parser.screen()) {
                return;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!(
                    "timed out waiting for {what}; screen:\n{}",
                    s.parser.screen().contents()
                );
            }
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

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

/// The binary running in a pseudo-terminal, with its screen parsed as it is drawn.
struct Session {
    master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    keys: Box<dyn Write + Send>,
    screen: Arc<Mutex<Screen>>,
    reader: Option<std::thread::JoinHandle<()>>,
    #[cfg(unix)]
    cooked: nix::sys::termios::Termios,
}

impl Session {
    fn start(env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system();
        let pair = pty.openpty(size(40, 140)).expect("open a pty");
        #[cfg(unix)]
        let cooked = pair.master.get_termios().expect("termios");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(Screen {
            parser: vt100::Parser::new(nz(40), nz(140), 0),
            raw: Vec::new(),
        }));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = screen.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut s = sink.lock().unwrap();
                s.parser.process(&buf[..n]);
                s.raw.extend_from_slice(&buf[..n]);
            }
        });
        let keys = pair.master.take_writer().unwrap();
        Session {
            master: pair.master,
            child,
            keys,
            screen,
            reader: Some(reader),
            #[cfg(unix)]
            cooked,
        }
    }

    fn press(&mut self, k: &str) {
        self.keys.write_all(k.as_bytes()).unwrap();
        self.keys.flush().unwrap();
    }

    fn wait_for(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        wait_for(&self.screen, what, ok)
    }

    fn resize(&self, rows: u16, cols: u16) {
        self.master.resize(size(rows, cols)).unwrap();
        self.screen
            .lock()
            .unwrap()
            .parser
            .set_size(nz(rows), nz(cols));
    }

    /// Wait for the process to end; then check the terminal is as it was.
    fn finish(mut self) -> (portable_pty::ExitStatus, String) {
        let start = Instant::now();
        let status = loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                break st;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "parallax did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        #[cfg(unix)]
        {
            use nix::sys::termios::LocalFlags;
            let after = self.master.get_termios().expect("termios after exit");
            for flag in [LocalFlags::ICANON, LocalFlags::ECHO, LocalFlags::ISIG] {
                assert_eq!(
                    after.local_flags.contains(flag),
                    self.cooked.local_flags.contains(flag),
                    "{flag:?} restored"
                );
            }
        }
        drop(self.keys);
        drop(self.master);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        let s = self.screen.lock().unwrap();
        assert!(
            !s.parser.screen().alternate_screen(),
            "left the alternate screen"
        );
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        assert!(raw.contains("\x1b[?1049h") && raw.contains("\x1b[?1049l"));
        assert!(
            raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l"),
            "cursor shown again"
        );
        (status, s.parser.screen().contents())
    }
}

#[test]
fn choose_a_pair_read_help_resize_and_quit() {
    let mut s = Session::start(&[]);
    // Opens on the bundled corpus, comparing the first two articles.
    s.wait_for("the reader", |s| {
        s.alternate_screen()
            && s.contents().contains("Articles")
            && s.contents().contains("A 000 ⇄ B 001")
    });

    // Move to 003, choose it as A; move to 004, choose it as B.
    s.press("jjja");
    s.press("jb");
    s.wait_for("003 against 004", |s| {
        let c = s.contents();
        c.contains("A 003 ⇄ B 004")
            && c.contains("A 003_99949d89f03e48ca")
            && c.contains("B 004_ffbc3294bb44548a")
            && !c.contains("comparing…")
            && has_aligned_row(&c)
    });

    // Next change moves the counter.
    s.press("\t");
    s.press("n");
    s.wait_for("change 1/", |s| s.contents().contains("change 1/"));

    // Help overlay, generated from the keymap; Esc closes it.
    s.press("?");
    s.wait_for("the help", |s| {
        let c = s.contents();
        c.contains("Keys") && c.contains("Show or hide this help") && c.contains("Quit at once")
    });
    s.press("\x1b");
    s.wait_for("the help to close", |s| {
        !s.contents().contains("Show or hide this help")
    });

    // Resize: narrow shows the focused pane only; tiny asks for more room.
    s.resize(24, 80);
    s.wait_for("the narrow layout", |s| {
        let c = s.contents();
        c.contains("A 003 ⇄ B 004") && !c.contains("Articles")
    });
    s.resize(6, 30);
    s.wait_for("the too-small message", |s| {
        s.contents().contains("Parallax needs")
    });
    s.resize(40, 140);
    s.wait_for("the full layout again", |s| {
        s.contents().contains("Articles")
    });

    // Quit: a clean exit and a restored terminal.
    s.press("q");
    let (status, _) = s.finish();
    assert!(status.success(), "exit status {status:?}");
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
