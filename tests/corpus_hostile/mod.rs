//! A directory of hostile article files, created at test time in a temporary directory.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Run the built binary with `args` (colour off).
pub fn parallax(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// Bytes a terminal would interpret: C0 controls other than LF, DEL, C1 controls and bidi
/// overrides must not appear in output.
pub fn assert_terminal_safe(bytes: &[u8]) {
    let text = String::from_utf8(bytes.to_vec()).expect("output is UTF-8");
    for c in text.chars() {
        let u = c as u32;
        assert!(
            c == '\n'
                || !(u < 0x20 || (0x7f..=0x9f).contains(&u) || (0x202a..=0x202e).contains(&u)),
            "control {c:?} in output:\n{text}"
        );
    }
}

pub struct Hostile {
    pub dir: tempfile::TempDir,
    /// Whether `unreadable.txt` really is unreadable (it is not when running as root).
    pub unreadable_enforced: bool,
    /// Whether a FIFO could be made.
    pub fifo: bool,
}

impl Hostile {
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

pub const ESC_TITLE: &str = "Evil \x1b]0;pwned\x07title \x1b[31mred\u{202e}txet";

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut v: Vec<u8> = if le {
        vec![0xff, 0xfe]
    } else {
        vec![0xfe, 0xff]
    };
    for u in s.encode_utf16() {
        v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    v
}

/// Files that load: id → expected fragment of the text.
pub const LOADABLE: &[&str] = &[
    "bom", "crlf", "control", "latin1", "lonecr", "nul", "utf16be", "utf16le", "plain",
];

/// Files that are refused, each with a word the warning must contain.
pub const REFUSED: &[(&str, &str)] = &[
    ("binary.txt", "binary"),
    ("empty.txt", "empty"),
    ("huge.txt", "size cap"),
    ("loop.txt", "symlink"),
    ("loop2.txt", "symlink"),
    ("dangling.md", "dangling"),
    ("folder.txt", "directory"),
];

pub fn make() -> Hostile {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| -> PathBuf { dir.path().join(name) };
    let w = |name: &str, bytes: &[u8]| std::fs::write(p(name), bytes).unwrap();
    w(
        "plain.txt",
        b"Plain headline\n\nThe council met on Monday. It approved the budget.\n",
    );
    w(
        "bom.txt",
        b"\xef\xbb\xbfBOM headline\r\n\r\nA sentence after a byte-order mark.\r\n",
    );
    w(
        "crlf.txt",
        b"CRLF headline\r\n\r\nFirst line.\r\nSecond line.\r\n",
    );
    w(
        "lonecr.md",
        b"Lone CR headline\r\rOld Mac line one.\rOld Mac line two.\r",
    );
    w(
        "utf16le.txt",
        &utf16("UTF-16 LE headline\n\nZürich “quoted” – text.\n", true),
    );
    w(
        "utf16be.txt",
        &utf16("UTF-16 BE headline\n\nKöln “quoted” – text.\n", false),
    );
    w(
        "latin1.txt",
        b"Latin-1 headline\n\nCaf\xe9 cr\xe8me br\xfbl\xe9e \x96 na\xefve fa\xe7ade, d\xe9j\xe0 vu. Se\xf1or Pe\xf1a \x93said\x94 so.\n",
    );
    w(
        "nul.txt",
        b"NUL headline\n\nA sentence with a \0 NUL byte in it. And another one.\n",
    );
    w(
        "control.txt",
        format!("{ESC_TITLE}\n\nBody with \x1b[2J clear screen and \u{9b}31m C1 CSI. Tab\there.\n")
            .as_bytes(),
    );
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    w("binary.txt", &png);
    w("empty.txt", b"");
    let huge = std::fs::File::create(p("huge.txt")).unwrap();
    huge.set_len(17 << 20).unwrap(); // sparse: over the 16 MiB default cap
    std::fs::create_dir(p("folder.txt")).unwrap();
    w("notes.csv", b"not an article");
    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        symlink("loop2.txt", p("loop.txt")).unwrap();
        symlink("loop.txt", p("loop2.txt")).unwrap();
        symlink("no-such-target.txt", p("dangling.md")).unwrap();
        w(
            "unreadable.txt",
            b"Secret headline\n\nYou should not see this.\n",
        );
        std::fs::set_permissions(p("unreadable.txt"), std::fs::Permissions::from_mode(0o000))
            .unwrap();
        // A file name with an escape sequence in it.
        w("evil\x1b[2Jname.txt", b"Evil name headline\n\nBody.\n");
    }
    let unreadable_enforced = std::fs::read(p("unreadable.txt")).is_err();
    if !unreadable_enforced {
        eprintln!(
            "note: running as root (or without permission checks): unreadable.txt is readable, its assertion is skipped"
        );
    }
    let fifo = std::process::Command::new("mkfifo")
        .arg(p("fifo.txt"))
        .status()
        .is_ok_and(|s| s.success());
    Hostile {
        dir,
        unreadable_enforced,
        fifo,
    }
}
