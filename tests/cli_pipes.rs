//! Every command whose output can be long stops quietly when the reader of its stdout goes away
//! (`parallax align … | head`): exit status 0, nothing on stderr — not a panic from `println!`,
//! not "Broken pipe (os error 32)".

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

/// Run `parallax args…`, read a few bytes of its stdout, close the pipe, and return its exit
/// status and stderr. Every command here writes far more than a pipe holds (64 KiB), so it is
/// still writing when the pipe closes.
fn run_closing_stdout(args: &[&str], cwd: &Path) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parallax runs");
    let mut head = [0u8; 16];
    let mut stdout = child.stdout.take().unwrap();
    stdout.read_exact(&mut head).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Two long texts (one sentence a line) and a directory of many small articles.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let text = |tag: &str| -> String {
        (0..6000)
            .map(|i| {
                format!(
                    "Report {tag} number {i} says item {} rose by {i} percent.\n",
                    i % 97
                )
            })
            .collect()
    };
    std::fs::write(dir.path().join("a.txt"), text("one")).unwrap();
    std::fs::write(dir.path().join("b.txt"), text("two")).unwrap();
    let many = dir.path().join("many");
    std::fs::create_dir(&many).unwrap();
    for i in 0..2500 {
        std::fs::write(
            many.join(format!("article_{i:05}.txt")),
            format!("A title for article {i}\n\nOne sentence.\n"),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_closed_stdout_ends_each_command_quietly() {
    let dir = fixture();
    let commands: [&[&str]; 10] = [
        &["sentences", "a.txt"],
        &["sentences", "--json", "a.txt"],
        &["align", "--sentences", "a.txt", "b.txt"],
        &["align", "--sentences", "--json", "a.txt", "b.txt"],
        &["diff", "--width", "120", "a.txt", "b.txt"],
        &["diff", "--json", "a.txt", "b.txt"],
        &["report", "a.txt", "b.txt"],
        &["list", "many"],
        &["list", "--json", "many"],
        &["check", "--boilerplate", "many"],
    ];
    for args in commands {
        let (status, stderr) = run_closing_stdout(args, dir.path());
        assert!(
            status.success() && stderr.is_empty(),
            "parallax {}: {status}, stderr {stderr:?}",
            args.join(" ")
        );
    }
}
