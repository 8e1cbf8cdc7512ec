//! The real `parallax` binary in a pseudo-terminal, its output parsed by a terminal emulator
//! (vt100) as it is drawn: start it, press keys, resize, wait for what a person would see,
//! and after it exits check that the terminal was restored. Shared by tests/pty.rs and
//! tests/e2e_pty.rs.

#![allow(dead_code)] // each test file uses its own part of the harness

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Generous: debug builds on a loaded machine.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// One session at a time: a large article keeps a debug build busy, and on a loaded 2-core
/// machine sessions in parallel starve each other past the timeout. Tests that drive the
/// terminal some other way (tmux) take it too.
pub static SERIAL: Mutex<()> = Mutex::new(());

/// Take [`SERIAL`] (a test that panicked while holding it does not poison the rest).
pub fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

struct Screen {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

fn size(rows: u16, cols: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero")
}

/// The binary running in a pseudo-terminal.
pub struct Session {
    _serial: MutexGuard<'static, ()>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<Screen>>,
    reader: Option<std::thread::JoinHandle<()>>,
    #[cfg(unix)]
    cooked: nix::sys::termios::Termios,
}

impl Session {
    /// Start `parallax ARGS…` in a `rows`×`cols` terminal (TERM=xterm-256color, NO_COLOR
    /// unset, plus `env`).
    pub fn start<S: AsRef<OsStr>>(
        args: &[S],
        rows: u16,
        cols: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let serial = serial();
        let pair = native_pty_system()
            .openpty(size(rows, cols))
            .expect("open a pty");
        #[cfg(unix)]
        let cooked = pair.master.get_termios().expect("termios");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_parallax"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn parallax");
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(Screen {
            parser: vt100::Parser::new(nz(rows.max(1)), nz(cols.max(1)), 0),
            raw: Vec::new(),
        }));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = screen.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut s = sink.lock().unwrap();
                s.parser.process(&buf[..n]);
                s.raw.extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            _serial: serial,
            child,
            master: pair.master,
            writer,
            screen,
            reader: Some(reader),
            #[cfg(unix)]
            cooked,
        }
    }

    /// Type `keys` (raw bytes: `"\t"`, `"\x1b[6~"` for PgDn, …).
    pub fn press(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Resize the pty. The emulator that reads the screen gets at least 2 columns: during
    /// rapid resizes a frame drawn for the previous size can arrive after the pty shrank, and
    /// vt100 0.18 panics on a wide character in a 1-column screen (a real terminal wraps it).
    pub fn resize(&mut self, rows: u16, cols: u16) {
        // The emulated screen takes the new size first, and holds the lock until the terminal
        // has it too: a reader drawing at once on SIGWINCH (as a loaded machine may let it,
        // before this thread runs again) must not have its frame parsed at the old size and
        // clipped, which left the screen blank for good (ratatui redraws only what changes).
        let mut screen = self.screen.lock().unwrap();
        screen
            .parser
            .screen_mut()
            .set_size(nz(rows), nz(cols.max(2)));
        self.master.resize(size(rows, cols)).unwrap();
    }

    /// What the screen shows now, as text.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().parser.screen().contents()
    }

    /// Wait (up to [`TIMEOUT`]) until the screen satisfies `ok`; on a time-out, fail showing it.
    pub fn wait_for_screen(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        loop {
            {
                let s = self.screen.lock().unwrap();
                if ok(s.parser.screen()) {
                    return;
                }
                if start.elapsed() > TIMEOUT {
                    panic!(
                        "timed out waiting for {what}; screen:\n{}",
                        s.parser.screen().contents()
                    );
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// [`Session::wait_for_screen`] on the screen's text.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) {
        self.wait_for_screen(what, |s| ok(&s.contents()))
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Send the process a signal (`"TERM"`, `"HUP"`) with kill(1).
    pub fn signal(&self, sig: &str) {
        let st = std::process::Command::new("kill")
            .args([format!("-{sig}"), self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(st.success());
    }

    /// Wait (up to [`TIMEOUT`]) for the process to end.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st;
            }
            assert!(start.elapsed() < TIMEOUT, "parallax did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait for the child to exit; every byte it wrote, lossily as text.
    #[allow(dead_code)] // (not every test binary that includes the harness uses it)
    pub fn output(mut self) -> String {
        self.wait_exit();
        let screen = self.drain();
        let s = screen.lock().unwrap();
        String::from_utf8_lossy(&s.raw).into_owned()
    }

    /// After the child has exited: let the reader drain what it wrote last, then stop it.
    fn drain(mut self) -> Arc<Mutex<Screen>> {
        std::thread::sleep(Duration::from_millis(200));
        drop(self.writer);
        drop(self.master);
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        self.screen
    }

    /// After the child has exited: the terminal is back as it was (line discipline, main
    /// screen, cursor shown). Returns every byte the program wrote, lossily as text.
    pub fn assert_restored(self) -> String {
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
        let screen = self.drain();
        let s = screen.lock().unwrap();
        assert!(
            !s.parser.screen().alternate_screen(),
            "left the alternate screen"
        );
        assert!(!s.parser.screen().hide_cursor(), "cursor shown");
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        assert!(raw.contains("\x1b[?1049h") && raw.contains("\x1b[?1049l"));
        assert!(
            raw.rfind("\x1b[?25h") > raw.rfind("\x1b[?25l"),
            "cursor shown again"
        );
        assert!(
            raw.rfind("\x1b[?1049l") > raw.rfind("\x1b[?1049h"),
            "main screen last"
        );
        raw
    }
}
