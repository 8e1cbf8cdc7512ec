//! `parallax report`: formats, output files, review files and errors, through the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_parallax"));
    c.env("NO_COLOR", "1");
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A copy of the bundled corpus in a temp dir (so nothing is written next to the repo's).
fn corpus_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news");
    std::fs::create_dir(&corpus).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), corpus.join(e.file_name())).unwrap();
    }
    (dir, corpus)
}

fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn markdown_is_the_default_on_stdout() {
    let (_d, corpus) = corpus_copy();
    let o = run(&["report", "003", "004", "--corpus", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.starts_with("# Parallax report: 003\\_99949d89f03e48ca vs 004\\_ffbc3294bb44548a"));
    assert!(md.contains("| # | kind | A | B |"));
    assert!(md.contains("## Disagreements"));
    assert!(stderr(&o).is_empty());
}

#[test]
fn json_report_matches_the_comparison() {
    let (_d, corpus) = corpus_copy();
    let o = run(&[
        "report",
        "003",
        "004",
        "--format",
        "json",
        "--corpus",
        corpus.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["a"]["id"], "003_99949d89f03e48ca");
    assert_eq!(v["b"]["id"], "004_ffbc3294bb44548a");
    assert_eq!(v["b"]["published"], "2025-03-20");
    // Every sentence of both articles appears in exactly one row.
    let rows = v["rows"].as_array().unwrap();
    for (side, n) in [
        ("a", v["a"]["sentences"].as_u64().unwrap()),
        ("b", v["b"]["sentences"].as_u64().unwrap()),
    ] {
        let mut seen: Vec<u64> = rows
            .iter()
            .flat_map(|r| {
                r[side]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_u64().unwrap())
            })
            .collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..n).collect::<Vec<_>>(), "side {side}");
    }
    // The default review file is the corpus directory's sibling.
    let want = std::fs::canonicalize(corpus.parent().unwrap())
        .unwrap()
        .join("news.review.json");
    assert_eq!(v["review_file"], want.to_str().unwrap());
}

#[test]
fn output_file_and_format_from_extension() {
    let (d, corpus) = corpus_copy();
    let before = listing(&corpus);
    let html_path = d.path().join("out.html");
    let o = run(&[
        "report",
        "003",
        "004",
        "-o",
        html_path.to_str().unwrap(),
        "--corpus",
        corpus.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let h = std::fs::read_to_string(&html_path).unwrap();
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("Content-Security-Policy"));

    let json_path = d.path().join("out.json");
    let o = run(&[
        "report",
        "003",
        "004",
        "-o",
        json_path.to_str().unwrap(),
        "--corpus",
        corpus.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&json_path).unwrap())
        .unwrap();

    // --format wins over the extension.
    let o = run(&[
        "report",
        "003",
        "004",
        "-o",
        json_path.to_str().unwrap(),
        "-f",
        "md",
        "--corpus",
        corpus.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    assert!(
        std::fs::read_to_string(&json_path)
            .unwrap()
            .starts_with("# Parallax report")
    );

    // The corpus stays untouched and reports create no review file.
    assert_eq!(listing(&corpus), before);
    assert!(!d.path().join("news.review.json").exists());
}

#[test]
fn articles_by_path_and_explicit_review_file() {
    let (d, corpus) = corpus_copy();
    let a = corpus.join("003_99949d89f03e48ca.txt");
    let b = corpus.join("004_ffbc3294bb44548a.txt");
    let review = d.path().join("mine.json");
    std::fs::write(&review, "{\"version\": 1, \"reviews\": []}").unwrap();
    let o = run(&[
        "report",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-f",
        "json",
        "--corpus",
        corpus.to_str().unwrap(),
        "--review",
        review.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["review_file"], review.to_str().unwrap());
    // Paths inside the corpus pick up the manifest's metadata.
    assert_eq!(v["b"]["published"], "2025-03-20");

    // A file outside any corpus works too.
    let loose = d.path().join("loose.txt");
    std::fs::write(&loose, "A loose article. It has two sentences.").unwrap();
    let o = run(&[
        "report",
        loose.to_str().unwrap(),
        b.to_str().unwrap(),
        "-f",
        "json",
        "--review",
        review.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["a"]["id"], "loose");
    assert_eq!(v["a"]["sentences"], 2);
}

#[test]
fn damaged_review_file_is_reported_and_kept() {
    let (d, corpus) = corpus_copy();
    let review = d.path().join("news.review.json");
    std::fs::write(&review, "{ not json").unwrap();
    let o = run(&["report", "003", "004", "--corpus", corpus.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("damaged"), "{err}");
    let aside: Vec<String> = listing(d.path())
        .into_iter()
        .filter(|n| n.starts_with("news.review.json.damaged-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read_to_string(d.path().join(&aside[0])).unwrap(),
        "{ not json"
    );
}

fn assert_one_line_error(args: &[&str], needle: &str) {
    let o = run(args);
    assert!(!o.status.success(), "{args:?} should fail");
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    assert!(err.starts_with("parallax: "), "{err}");
    assert!(err.contains(needle), "{args:?}: {err}");
}

#[test]
fn bad_arguments_fail_with_one_line() {
    let (d, corpus) = corpus_copy();
    let c = corpus.to_str().unwrap();
    assert_one_line_error(
        &["report", "003", "004", "--format", "pdf", "--corpus", c],
        "unknown format 'pdf'",
    );
    assert_one_line_error(
        &["report", "003", "nope", "--corpus", c],
        "no article 'nope'",
    );
    // "00" is a prefix of several ids: ambiguous, and said so.
    assert_one_line_error(
        &["report", "00", "004", "--corpus", c],
        "'00' matches 5 articles",
    );
    assert_one_line_error(
        &["report", "003", "004", "--corpus", "/nonexistent/corpus"],
        "no such directory",
    );
    let o = d.path().join("no/such/dir/out.html");
    assert_one_line_error(
        &[
            "report",
            "003",
            "004",
            "--corpus",
            c,
            "-o",
            o.to_str().unwrap(),
        ],
        "writing",
    );
    // A directory given as the review file.
    assert_one_line_error(
        &[
            "report",
            "003",
            "004",
            "--corpus",
            c,
            "--review",
            d.path().to_str().unwrap(),
        ],
        "",
    );
    // Missing arguments: clap's usage error, non-zero.
    let o = run(&["report", "003"]);
    assert!(!o.status.success());
}
