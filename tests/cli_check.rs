//! `parallax check` on the bundled corpus, a hostile directory and a missing one.

mod corpus_hostile;

use corpus_hostile::{assert_terminal_safe, parallax};

#[test]
fn bundled_corpus_is_clean() {
    let out = parallax(&["check".as_ref()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("5 article(s) loaded, 0 problem(s)"),
        "{stdout}"
    );
}

#[test]
fn hostile_directory_lists_every_problem_and_exits_1() {
    let h = corpus_hostile::make();
    let out = parallax(&[
        "check".as_ref(),
        h.path().as_os_str(),
        "--boilerplate".as_ref(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert_terminal_safe(&out.stdout);
    assert_terminal_safe(&out.stderr);
    for (file, word) in corpus_hostile::REFUSED {
        let line = stdout
            .lines()
            .find(|l| l.starts_with("error: ") && l.contains(file))
            .unwrap_or_else(|| panic!("{file} not listed:\n{stdout}"));
        assert!(line.to_lowercase().contains(word), "{line}");
    }
    if h.unreadable_enforced {
        assert!(stdout.contains("unreadable.txt"), "{stdout}");
    } else {
        eprintln!("running as root: unreadable.txt is readable; not asserting it is reported");
    }
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("note: ") && l.contains("latin1.txt")),
        "{stdout}"
    );
    // The file name with an escape sequence is shown with a visible marker, not raw.
    assert!(stdout.contains("evil␛name"), "{stdout}");
    let summary = stdout.lines().last().unwrap();
    assert!(summary.contains("article(s) loaded"), "{summary}");
    assert!(
        summary.contains(&format!(
            "{} problem(s)",
            corpus_hostile::REFUSED.len()
                + usize::from(h.unreadable_enforced)
                + usize::from(h.fifo)
        )),
        "{summary}"
    );
}

#[test]
fn notes_alone_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        b"Caf\xe9 headline\n\nCaf\xe9 body, na\xefve and s\xfbr.\n",
    )
    .unwrap();
    let out = parallax(&["check".as_ref(), dir.path().as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("1 note(s)"), "{stdout}");
}

#[test]
fn bad_manifest_exits_1_but_articles_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Headline\n\nBody.\n").unwrap();
    std::fs::write(dir.path().join("corpus.toml"), "[[article]\nfile = 1\n").unwrap();
    let out = parallax(&["check".as_ref(), dir.path().as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("error: corpus.toml: line 1, column "),
        "{stdout}"
    );
    assert!(stdout.contains("1 article(s) loaded"), "{stdout}");
}

#[test]
fn missing_directory_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no\x1b[2Jdir");
    let out = parallax(&["check".as_ref(), missing.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no such directory"), "{stderr}");
    assert_terminal_safe(&out.stderr);
}

#[test]
fn size_cap_option() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Headline\n\n".to_owned() + &"Body text. ".repeat(100),
    )
    .unwrap();
    let out = parallax(&[
        "check".as_ref(),
        dir.path().as_os_str(),
        "--max-bytes".as_ref(),
        "100".as_ref(),
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("size cap"), "{stdout}");
}

#[test]
fn empty_directory_is_a_problem() {
    let dir = tempfile::tempdir().unwrap();
    let out = parallax(&["check".as_ref(), dir.path().as_os_str()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("no articles found"), "{stdout}");
}
