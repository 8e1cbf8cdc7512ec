//! `parallax align` as other tools call it: JSON shape, `--sentences`, stdin, bad input.

use std::io::Write;
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

/// Files `a.txt` and `b.txt` in `dir` with the given texts; their paths.
fn pair(dir: &tempfile::TempDir, a: &str, b: &str) -> (String, String) {
    (file(dir, "a.txt", a), file(dir, "b.txt", b))
}

fn units(stdout: &[u8]) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(stdout).expect("valid JSON");
    v["units"].as_array().expect("units array").clone()
}

/// The units of `parallax align A B --sentences --json` (files at paths `a`, `b`), which must
/// succeed.
fn align_sentences(a: &str, b: &str) -> Vec<serde_json::Value> {
    let out = bin()
        .args(["align", a, b, "--sentences", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    units(&out.stdout)
}

fn indices(u: &serde_json::Value, side: &str) -> Vec<usize> {
    u[side]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_u64().unwrap() as usize)
        .collect()
}

/// Each sentence index of each side appears exactly once.
fn assert_partition(units: &[serde_json::Value], na: usize, nb: usize) {
    let mut a: Vec<usize> = units.iter().flat_map(|u| indices(u, "a")).collect();
    let mut b: Vec<usize> = units.iter().flat_map(|u| indices(u, "b")).collect();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, (0..na).collect::<Vec<_>>());
    assert_eq!(b, (0..nb).collect::<Vec<_>>());
}

const A: &str = "The coalition met in London on Thursday.\n\
Thirty nations sent their defence chiefs.\n\
\n\
Prices of bread rose sharply in the capital.\n";
const B: &str = "Defence chiefs of 30 nations were sent.\n\
The coalition met on Thursday in London.\n\
A storm closed the harbour for two days.\n";

#[test]
fn json_units_with_sentences_flag() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (file(&dir, "a.txt", A), file(&dir, "b.txt", B));
    let units = align_sentences(&a, &b);
    assert_partition(&units, 4, 3);
    for u in &units {
        let kind = u["kind"].as_str().unwrap();
        assert!(["same", "changed", "only_a", "only_b", "moved"].contains(&kind));
        let score = u["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&score));
        let (ua, ub) = (indices(u, "a"), indices(u, "b"));
        match kind {
            "only_a" => assert!(ub.is_empty() && ua.len() == 1),
            "only_b" => assert!(ua.is_empty() && ub.len() == 1),
            _ => assert!(!ua.is_empty() && !ub.is_empty()),
        }
    }
    let find = |i: usize| units.iter().find(|u| indices(u, "a") == [i]).unwrap();
    // "Thirty nations …" ↔ "… 30 nations …" (number words), and the coalition sentences
    assert_eq!(indices(find(0), "b"), [1]);
    assert_eq!(indices(find(1), "b"), [0]);
    // the empty line is a sentence of its own, never matched
    assert_eq!(find(2)["kind"], "only_a");
    assert_eq!(find(3)["kind"], "only_a");
    assert!(
        units
            .iter()
            .any(|u| indices(u, "b") == [2] && u["kind"] == "only_b")
    );
    // one of the two crossing matches is flagged as moved
    assert!(units.iter().any(|u| u["kind"] == "moved"));
}

#[test]
fn identical_inputs_are_all_same_and_stdin_works() {
    let dir = tempfile::tempdir().unwrap();
    let a = file(&dir, "a.txt", B);
    let mut child = bin()
        .args(["align", &a, "-", "--sentences", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(B.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let units = units(&out.stdout);
    assert_eq!(units.len(), 3);
    for (k, u) in units.iter().enumerate() {
        assert_eq!((indices(u, "a"), indices(u, "b")), (vec![k], vec![k]));
        assert_eq!(u["kind"], "same");
        assert_eq!(u["score"].as_f64().unwrap(), 1.0);
    }
}

/// Each pair of one-line texts aligns as one unit of the same words (`--sentences`).
fn assert_all_same(pairs: &[(&str, &str)]) {
    let dir = tempfile::tempdir().unwrap();
    for &(a, b) in pairs {
        let (fa, fb) = pair(&dir, a, b);
        let units = align_sentences(&fa, &fb);
        assert_eq!(units.len(), 1, "{a}");
        assert_eq!(units[0]["kind"], "same", "{a} vs {b}");
    }
}

/// The same sentences in spellings outlets differ in: Russian е for ё, Arabic without its
/// short vowels, text in decomposed form (NFD). Each pair is the same words.
#[test]
fn spelling_variants_are_the_same_words() {
    assert_all_same(&[
        (
            "Занятия в трёх школах отменены, всё закрыто.\n",
            "Занятия в трех школах отменены, все закрыто.\n",
        ),
        (
            "ونُقل المصابون إلى ثلاثة مستشفيات.\n",
            "ونقل المصابون إلى ثلاثة مستشفيات.\n",
        ),
        (
            "El café de la plaza abrió ayer.\n",
            "El cafe\u{301} de la plaza abrio\u{301} ayer.\n",
        ),
    ]);
}

/// A number in words and the same number in digits are one figure in the alignment, in the
/// languages whose number words are read by `text::numwords` (the language detected).
#[test]
fn number_words_and_digits_are_the_same_figure() {
    assert_all_same(&[
        (
            "Rannych zostało trzech pasażerów w dwóch wagonach.\n",
            "Rannych zostało 3 pasażerów w 2 wagonach.\n",
        ),
        (
            "Ewakuowano dwieście osób z pięciu wsi.\n",
            "Ewakuowano 200 osób z 5 wsi.\n",
        ),
        (
            "انهار عقار مكون من عشرة طوابق في الإسكندرية.\n",
            "انهار عقار مكون من 10 طوابق في الإسكندرية.\n",
        ),
        (
            "وأضاف المالك ثلاثة طوابق بارتفاع خمسة وعشرين مترا.\n",
            "وأضاف المالك 3 طوابق بارتفاع 25 مترا.\n",
        ),
        (
            "バスには乗客三十一人と運転手二人が乗っていた。\n",
            "バスには乗客31人と運転手2人が乗っていた。\n",
        ),
        (
            "降雨量最大达二百八十六毫米，两万余人紧急转移。\n",
            "降雨量最大达286毫米，2万余人紧急转移。\n",
        ),
    ]);
}

#[test]
fn segmented_mode_on_seed_articles() {
    let root = env!("CARGO_MANIFEST_DIR");
    let a = format!("{root}/corpus/003_99949d89f03e48ca.txt");
    let b = format!("{root}/corpus/004_ffbc3294bb44548a.txt");
    let out = bin().args(["align", &a, &b, "--json"]).output().unwrap();
    assert!(out.status.success());
    let units = units(&out.stdout);
    assert!(units.iter().any(|u| u["kind"] == "changed"));
    // sentence counts as `parallax sentences` sees them
    let count = |p: &str| {
        let o = bin().args(["sentences", p]).output().unwrap();
        String::from_utf8_lossy(&o.stdout).lines().count()
    };
    assert_partition(&units, count(&a), count(&b));
}

#[test]
fn bad_input_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let a = file(&dir, "a.txt", A);
    let missing = dir.path().join("missing.txt");
    for args in [
        vec!["align", &a, missing.to_str().unwrap(), "--json"],
        vec!["align", "-", "-", "--sentences"],
        vec!["align", &a, dir.path().to_str().unwrap()],
        vec!["align", &a, &a, "--lang", "klingon"],
    ] {
        let out = bin().args(&args).stdin(Stdio::null()).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("parallax: "), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn empty_inputs_give_no_units() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (file(&dir, "a.txt", ""), file(&dir, "b.txt", ""));
    let out = bin()
        .args(["align", &a, &b, "--sentences", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        r#"{"units":[]}"#
    );
}

/// Without `--sentences`, `parallax align` on two article files gives exactly the units the
/// reader shows for them (same segmentation, same boilerplate marks): held-out evaluations
/// call the CLI, the reader and the seed gold go through `compare::align_articles`.
#[test]
fn article_files_align_as_in_the_reader() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = parallax::corpus::Corpus::load(&root).expect("bundled corpus");
    let arts = &corpus.articles;
    assert!(arts.len() >= 5);
    for (x, y) in [(0, 1), (3, 4), (0, 4), (2, 1)] {
        let (a, b) = (&arts[x], &arts[y]);
        let out = bin()
            .arg("align")
            .arg(root.join(&a.meta.file))
            .arg(root.join(&b.meta.file))
            .arg("--json")
            .output()
            .unwrap();
        assert!(out.status.success());
        let cli = String::from_utf8(out.stdout.clone()).unwrap();
        let reader = serde_json::to_string(&parallax::compare::align_articles(a, b)).unwrap();
        assert_eq!(cli.trim_end(), reader, "{} vs {}", a.meta.id, b.meta.id);
        // The NATO/Rutte story appended to 001 is marked, so never matched.
        if y == 1 {
            let part2 = b.part.iter().position(|&p| p > 0);
            let part2 = part2.expect("001 has an appended story");
            for u in units(&out.stdout) {
                if !indices(&u, "a").is_empty() {
                    assert!(indices(&u, "b").iter().all(|&j| j < part2), "{u}");
                }
            }
        }
    }
}

#[test]
fn sentences_flag_leaves_publication_stamps_unmatched() {
    // Two outlets' stamps (different days, same month) say nothing about the event: with
    // `--sentences` every other line takes part, the stamps stay alone.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = pair(
        &dir,
        "April 4, 2012\nThe coalition met in London on Thursday.\nThirty nations sent their defence chiefs.\n",
        "UPDATED: 22:07 GMT, 9 April 2012\nThe coalition met on Thursday in London.\nDefence chiefs of 30 nations were sent.\n",
    );
    let units = align_sentences(&a, &b);
    assert_partition(&units, 3, 3);
    for u in &units {
        let (ua, ub) = (indices(u, "a"), indices(u, "b"));
        if ua.contains(&0) || ub.contains(&0) {
            assert!(ua.is_empty() || ub.is_empty(), "a stamp is matched: {u}");
        } else {
            assert!(!ua.is_empty() && !ub.is_empty(), "{u}");
        }
    }
}

#[test]
fn short_texts_are_compared_in_the_language_they_share() {
    // Too short for a reliable guess each, but both guess Spanish: aligned as with `--lang es`
    // (Spanish stems), not in the language-neutral fallback.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = pair(
        &dir,
        "Unos treinta países se reunieron en Londres el jueves.\nEl primer ministro habló.\n",
        "El jueves, 30 naciones se reunieron en la capital británica.\nHabló el ministro.\n",
    );
    let run = |extra: &[&str]| {
        let o = bin()
            .args(["align", &a, &b, "--json", "--sentences"])
            .args(extra)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    assert_eq!(run(&[]), run(&["--lang", "es"]));
    assert_ne!(run(&[]), run(&["--lang", "und"]));
}

/// `align --sentences --json` of two byte strings (B is the fixed three-line `B`).
fn align_lines(dir: &tempfile::TempDir, a: &[u8]) -> Vec<serde_json::Value> {
    let p = dir.path().join("lines.txt");
    std::fs::write(&p, a).unwrap();
    let b = file(dir, "b.txt", B);
    align_sentences(p.to_str().unwrap(), &b)
}

#[test]
fn sentences_flag_counts_lines_like_python_splitlines() {
    // (file bytes, number of lines as `open(f).read().splitlines()` counts them)
    let cases: &[(&[u8], usize)] = &[
        (b"one\ntwo\nthree\n", 3),
        (b"one\ntwo\nthree", 3),
        (b"one\r\ntwo\r\nthree\r\n", 3),
        (b"one\rtwo\rthree\r", 3),
        (b"one\r\ntwo\rthree\n", 3),
        (b"one\n\ntwo\n", 3),
        (b"one\n \n\t\ntwo\n\n", 5),
        (b"\n", 1),
        (b"\n\n\n", 3),
        (b" \n \n", 2),
        (b"\xEF\xBB\xBFone\ntwo\n", 2),
        (b"\xEF\xBB\xBF \n \n", 2),
        (b"", 0),
    ];
    let dir = tempfile::tempdir().unwrap();
    for &(bytes, n) in cases {
        let units = align_lines(&dir, bytes);
        assert_partition(&units, n, 3);
    }
}

#[test]
fn sentences_flag_line_endings_do_not_change_the_alignment() {
    // The same lines with LF, CRLF, lone CR, no final line ending and a byte-order mark
    // align identically; blank lines keep their index and stay unmatched.
    let dir = tempfile::tempdir().unwrap();
    let lf = align_lines(&dir, A.as_bytes());
    assert_partition(&lf, 4, 3);
    for variant in [
        A.replace('\n', "\r\n"),
        A.replace('\n', "\r"),
        A.trim_end_matches('\n').to_string(),
        format!("\u{FEFF}{A}"),
    ] {
        assert_eq!(align_lines(&dir, variant.as_bytes()), lf, "{variant:?}");
    }
    let blank = lf.iter().find(|u| indices(u, "a") == [2]).unwrap();
    assert_eq!(blank["kind"], "only_a");
}

#[test]
fn nul_filled_input_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let b = file(&dir, "b.txt", B);
    let zeros = dir.path().join("zeros.txt");
    std::fs::write(&zeros, [0u8; 4096]).unwrap();
    for flag in ["--json", "--sentences"] {
        let out = bin()
            .args(["align", zeros.to_str().unwrap(), &b, flag])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("binary"), "{err}");
        assert!(out.stdout.is_empty());
    }
}
