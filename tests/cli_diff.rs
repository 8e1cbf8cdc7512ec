//! `parallax diff`: JSON structure, plain and coloured text, bad arguments.

use std::collections::BTreeMap;
use std::process::{Command, Output};

fn parallax(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_parallax"));
    c.args(args)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run parallax")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("utf-8 output")
}

fn sentence_count(id: &str) -> usize {
    let o = parallax(&["list", "--json"], &[]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let file = v
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"].as_str().unwrap().starts_with(id))
        .unwrap()["file"]
        .as_str()
        .unwrap()
        .to_string();
    let path = format!("{}/corpus/{file}", env!("CARGO_MANIFEST_DIR"));
    let o = parallax(&["sentences", &path, "--json"], &[]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    v.as_array().unwrap().len()
}

#[test]
fn json_rows_cover_every_sentence_exactly_once() {
    for (x, y) in [("003", "004"), ("000", "001")] {
        let o = parallax(&["diff", x, y, "--json"], &[]);
        let text = stdout(&o);
        assert!(text.is_ascii(), "JSON output is pure ASCII");
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for (side, id) in [("a", x), ("b", y)] {
            let n = v[side]["sentences"].as_u64().unwrap() as usize;
            assert_eq!(n, sentence_count(id));
            let mut seen: BTreeMap<u64, usize> = BTreeMap::new();
            for row in v["rows"].as_array().unwrap() {
                for s in row[side].as_array().unwrap() {
                    *seen.entry(s["index"].as_u64().unwrap()).or_default() += 1;
                    let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                    assert!(start < end);
                    assert!(!s["text"].as_str().unwrap().is_empty());
                }
            }
            assert_eq!(seen.len(), n, "{x}-{y} side {side}: every sentence appears");
            assert!(seen.values().all(|&c| c == 1), "and only once");
            assert_eq!(*seen.keys().last().unwrap() as usize, n - 1);
        }
        for row in v["rows"].as_array().unwrap() {
            let kind = row["kind"].as_str().unwrap();
            assert!(["same", "changed", "only_a", "only_b", "moved"].contains(&kind));
            let (na, nb) = (
                row["a"].as_array().unwrap().len(),
                row["b"].as_array().unwrap().len(),
            );
            match kind {
                "only_a" => assert!(na > 0 && nb == 0),
                "only_b" => assert!(na == 0 && nb > 0),
                _ => assert!(na > 0 && nb > 0),
            }
            let score = row["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score));
            for seg in row["a_segments"].as_array().unwrap() {
                assert!(["equal", "changed"].contains(&seg["tag"].as_str().unwrap()));
            }
        }
    }
}

#[test]
fn json_spans_slice_the_files() {
    let o = parallax(&["diff", "003", "004", "--json"], &[]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let file = v["a"]["file"].as_str().unwrap();
    let text =
        std::fs::read_to_string(format!("{}/corpus/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for row in v["rows"].as_array().unwrap() {
        for s in row["a"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], s["text"].as_str().unwrap());
        }
    }
}

#[test]
fn plain_output_when_piped() {
    let o = parallax(&["diff", "003", "004", "--width", "120"], &[]);
    let text = stdout(&o);
    assert!(!text.contains('\x1b'), "no escape codes when piped");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("A 003_99949d89f03e48ca"));
    assert!(lines[0].contains("B 004_ffbc3294bb44548a"));
    for l in &lines {
        assert!(parallax::view::display_width(l) <= 120, "{l:?}");
    }
    // Some row pairs a sentence of A with one of B: "N ~ M" or "N = M" in the gutter.
    let paired = |l: &&str| {
        let w: Vec<&str> = l.split_whitespace().collect();
        w.windows(3).any(|t| {
            t[0].parse::<usize>().is_ok()
                && (t[1] == "~" || t[1] == "=")
                && t[2].parse::<usize>().is_ok()
        })
    };
    assert!(lines.iter().any(paired));
    assert!(lines.last().unwrap().contains("similar"));
    // Default width when piped is 100.
    let o = parallax(&["diff", "003", "004"], &[]);
    let text = stdout(&o);
    assert!(
        text.lines()
            .all(|l| parallax::view::display_width(l) <= 100)
    );
    assert!(text.lines().any(|l| parallax::view::display_width(l) > 90));
}

#[test]
fn colour_only_when_asked_and_allowed() {
    let o = parallax(&["diff", "003", "004", "--color", "always"], &[]);
    assert!(
        stdout(&o).contains("\x1b["),
        "--color always colours even when piped"
    );
    for env in [("NO_COLOR", "1"), ("TERM", "dumb")] {
        let o = parallax(&["diff", "003", "004", "--color", "auto"], &[env]);
        assert!(!stdout(&o).contains('\x1b'), "{env:?}");
    }
    let o = parallax(&["diff", "003", "004", "--color", "never"], &[]);
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn files_by_path_and_hostile_text() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Headline \u{1b}]0;owned\u{7}\nOver 20 nations met on Thursday.\u{1b}[2J\tTabs\u{9b}31m too.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Headline\nAlmost 20 nations met on Thursday. 東京 too.\n",
    )
    .unwrap();
    let (pa, pb) = (a.to_str().unwrap(), b.to_str().unwrap());
    for color in ["never", "always"] {
        let o = parallax(&["diff", pa, pb, "--width", "60", "--color", color], &[]);
        let out = stdout(&o);
        assert!(out.contains("A a · Headline"), "{out}");
        // The only escapes are our own SGR sequences.
        let stripped = strip_sgr(&out);
        assert!(
            !stripped.chars().any(|c| c.is_control() && c != '\n'),
            "{stripped:?}"
        );
        for l in stripped.lines() {
            assert!(parallax::view::display_width(l) <= 60, "{l:?}");
        }
    }
}

fn strip_sgr(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let end = after.find('m').expect("SGR ends with m");
        assert!(after[..end].chars().all(|c| c.is_ascii_digit() || c == ';'));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

fn fails_with_one_line(args: &[&str], needle: &str) {
    let o = parallax(args, &[]);
    assert!(!o.status.success(), "{args:?} should fail");
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.contains(needle), "{err:?}");
}

#[test]
fn bad_arguments() {
    fails_with_one_line(&["diff", "003", "nonesuch"], "no article 'nonesuch'");
    fails_with_one_line(&["diff", "missing/file.txt", "003"], "no such file");
    fails_with_one_line(
        &["diff", "003", "004", "--width", "0"],
        "--width must be at least 1",
    );
    // An ambiguous prefix names no article, and says so; a directory is no article file.
    fails_with_one_line(&["diff", "0", "004"], "'0' matches 5 articles in ");
    fails_with_one_line(&["diff", "tests", "004"], "tests: is a directory");
    // clap's own usage errors are one line too.
    fails_with_one_line(&["diff", "003"], "required arguments were not provided");
    fails_with_one_line(
        &["diff", "003", "004", "--width", "abc"],
        "invalid value 'abc'",
    );
    fails_with_one_line(
        &["diff", "003", "004", "--bogus"],
        "unexpected argument '--bogus'",
    );
    fails_with_one_line(
        &["diff", "003", "004", "--corpus", "/nonexistent/dir"],
        "no such directory",
    );
    fails_with_one_line(&["diff", "\u{1b}[31mx", "004"], "no such file");
    let o = parallax(&["diff", "\u{1b}[31mx", "004"], &[]);
    assert!(!o.stderr.contains(&0x1b), "error messages are sanitised");
}

/// `parallax diff --json` of two texts written to files.
fn diff_json(a: &str, b: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let (pa, pb) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    let o = parallax(
        &["diff", pa.to_str().unwrap(), pb.to_str().unwrap(), "--json"],
        &[],
    );
    serde_json::from_str(&stdout(&o)).unwrap()
}

/// The kinds of a diff's disagreements, in order.
fn disagreement_kinds(v: &serde_json::Value) -> Vec<&str> {
    v["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect()
}

#[test]
fn short_texts_are_read_in_the_language_they_share() {
    // Neither line is long enough for a reliable guess on its own; read as English (the
    // fallback), "treinta" would be no figure and B's "30 naciones" would stand alone.
    let v = diff_json(
        "Unos treinta países se reunieron en Londres el jueves.\n",
        "El jueves, 30 naciones se reunieron en la capital británica.\n",
    );
    assert_eq!(v["a"]["language"], "es", "{v}");
    assert_eq!(v["b"]["language"], "es", "{v}");
    assert_eq!(v["disagreements"], serde_json::json!([]), "{v}");
}

#[test]
fn number_conflicts_in_other_languages() {
    // "Rund dreißig Länder" vs "Fast 20 Staaten": the same count (countries), hedged in German.
    let v = diff_json(
        "Rund dreißig Länder trafen sich am Donnerstag in London, um über die Ukraine zu beraten.\n",
        "Fast 20 Staaten trafen sich am Donnerstag in London, um über die Ukraine zu beraten.\n",
    );
    assert_eq!(v["a"]["language"], "de", "{v}");
    assert_eq!(disagreement_kinds(&v), ["number_conflict"], "{v}");
}

#[test]
fn quote_differences_in_other_languages_are_reported_once() {
    let v = diff_json(
        "« Nous sommes prêts à envoyer des troupes », a déclaré le ministre Sébastien Lecornu jeudi à Londres.\n",
        "« Nous ne enverrons jamais de troupes », a déclaré le ministre Sébastien Lecornu jeudi à Londres.\n",
    );
    // One speaker's differing words, not also two quotes "only one side has".
    assert_eq!(disagreement_kinds(&v), ["quote_difference"], "{v}");
}

/// A quote written with `ё` in one outlet and `е` in the other is the same quote: no "only A
/// quotes …" / "only B quotes …" pair (was reported while the row itself read as the same).
#[test]
fn a_quote_spelled_with_yo_is_the_same_quote() {
    let v = diff_json(
        "Глава района Иван Петров заявил: «Её ещё ждёт всё это».\n",
        "Глава района Иван Петров заявил: «Ее еще ждет все это».\n",
    );
    assert_eq!(v["stats"]["same"], 1, "{v}");
    assert!(disagreement_kinds(&v).is_empty(), "{v}");
}

/// Russian speech verbs attribute a quote: one speaker's two different quotes are a quote
/// difference of that speaker (was: "only B quotes unattributed").
#[test]
fn russian_quotes_have_speakers() {
    let v = diff_json(
        "Глава района Иван Петров заявил: «Все жители эвакуированы вовремя».\n",
        "Глава района Иван Петров заявил: «Спасатели работают круглые сутки без отдыха».\n",
    );
    assert_eq!(disagreement_kinds(&v), ["quote_difference"], "{v}");
    let summary = v["disagreements"][0]["summary"].as_str().unwrap();
    assert!(summary.contains("Иван Петров"), "{summary}");
}

/// "…», — заявил он", "…“, sagte er": the pronoun after the speech verb is the person named
/// before, in the languages with speech verbs of their own, as "he said" is in English.
#[test]
fn pronoun_speakers_in_other_languages() {
    let ru = |quote: &str| {
        format!(
            "Глава района Иван Петров утром приехал на место обрушения жилого дома.\n\n\
             «{quote}», — заявил он журналистам после совещания в администрации района.\n\n\
             Спасатели продолжают разбирать завалы, работы продлятся до конца недели.\n"
        )
    };
    let de = |quote: &str| {
        format!(
            "Bürgermeister Klaus Weber kam am Morgen zur Brandstelle in der Innenstadt.\n\n\
             „{quote}“, sagte er nach einer Besprechung mit der Feuerwehr im Rathaus.\n\n\
             Die Ermittlungen zur Brandursache dauern nach Angaben der Polizei noch an.\n"
        )
    };
    for (a, b, name) in [
        (
            ru("Все жители эвакуированы вовремя"),
            ru("Спасатели работают круглые сутки без отдыха"),
            "Иван Петров",
        ),
        (
            de("Alle Bewohner sind in Sicherheit"),
            de("Die Feuerwehr arbeitet seit Stunden ohne Pause"),
            "Klaus Weber",
        ),
    ] {
        let v = diff_json(&a, &b);
        assert_eq!(disagreement_kinds(&v), ["quote_difference"], "{v}");
        let summary = v["disagreements"][0]["summary"].as_str().unwrap();
        assert!(summary.contains(name), "{summary}");
    }
}

/// `diff` and `report` take any file path, as `sentences` and `align` do: a file name that is
/// not UTF-8 is read (it was a usage error), and one that names nothing is a one-line error.
#[cfg(unix)]
#[test]
fn article_paths_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join(OsStr::from_bytes(b"caf\xe9.txt"));
    let b = d.path().join("b.txt");
    std::fs::write(
        &a,
        "Caf\u{e9} news\n\nThe mayor of Lyon spoke on Monday to 40 reporters.",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Town news\n\nThe mayor of Lyon spoke on Monday to 45 reporters.",
    )
    .unwrap();
    let run = |args: &[&OsStr]| {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("run parallax")
    };
    let o = run(&[
        "diff".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "--json".as_ref(),
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["rows"].as_array().is_some_and(|r| !r.is_empty()), "{v}");
    let o = run(&[
        "report".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
        "-f".as_ref(),
        "md".as_ref(),
    ]);
    assert!(stdout(&o).contains("45 reporters"));
    let missing = d.path().join(OsStr::from_bytes(b"x\xff.txt"));
    for cmd in ["diff", "report"] {
        let o = run(&[cmd.as_ref(), missing.as_os_str(), b.as_os_str()]);
        assert_eq!(o.status.code(), Some(2));
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(
            err.contains("no such file") && err.lines().count() == 1,
            "{err}"
        );
    }
}
