//! The review-notes store: round trip, atomic writes, damaged files, matching across
//! re-segmentation, and a writer killed mid-loop.

use parallax::compare::{Comparison, Disagreement, DisagreementKind, compare};
use parallax::corpus::{Article, ArticleMeta};
use parallax::review::{ReviewKey, ReviewStore, SideKey, Verdict, content_hash};
use parallax::text::{Document, Span};
use std::path::Path;

fn article(id: &str, text: &str) -> Article {
    Article::from_text(
        ArticleMeta {
            id: id.into(),
            title: id.into(),
            language: Some("en".into()),
            ..ArticleMeta::default()
        },
        text,
    )
}

fn span_of(text: &str, pat: &str) -> Span {
    let s = text
        .find(pat)
        .unwrap_or_else(|| panic!("{pat:?} not in text"));
    Span::new(s, s + pat.len())
}

/// The row of `cmp` whose A side holds the sentence containing byte `pos`.
fn row_with_a(a: &Article, cmp: &Comparison, pos: usize) -> usize {
    let si = a
        .doc
        .sentences
        .iter()
        .position(|s| s.span.start <= pos && pos < s.span.end)
        .unwrap();
    cmp.rows.iter().position(|r| r.a.contains(&si)).unwrap()
}

const TEXT_A: &str = "Officials met on Thursday. Some thirty nations took part in the talks. \
                      The prime minister spoke first.\nA partial 30-day ceasefire was agreed. \
                      Nobody else commented.";
const TEXT_B: &str = "Officials met on Thursday. Over 20 nations took part in the talks. \
                      The prime minister spoke first.\nA 30-day halt on strikes on the power grid was agreed.";

fn number_disagreement(a: &Article, b: &Article, cmp: &Comparison) -> Disagreement {
    let sa = span_of(&a.text, "Some thirty");
    Disagreement {
        kind: DisagreementKind::NumberConflict,
        row: row_with_a(a, cmp, sa.start),
        a: vec![sa],
        b: vec![span_of(&b.text, "Over 20")],
        summary: "about 30 vs more than 20".into(),
    }
}

fn simple_key(i: usize) -> ReviewKey {
    let side = |h: &str| SideKey {
        hash: content_hash(h),
        spans: vec![format!("span {i}")],
        context: format!("context {i}"),
        offsets: vec![Span::new(i, i + 5)],
    };
    ReviewKey {
        kind: DisagreementKind::OnlyHere,
        a: side("a"),
        b: side("b"),
    }
}

#[test]
fn round_trip_survives_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.review.json");
    let a = article("a", TEXT_A);
    let b = article("b", TEXT_B);
    let mut cmp = compare(&a, &b);
    let d = number_disagreement(&a, &b, &cmp);
    cmp.disagreements.push(d.clone());
    let key = ReviewKey::for_disagreement(&a, &b, &cmp, &d);
    assert_eq!(key.a.spans, vec!["Some thirty".to_owned()]);
    assert_eq!(key.b.spans, vec!["Over 20".to_owned()]);
    assert!(key.a.context.contains("Some thirty nations took part"));
    assert!(key.b.context.contains("Over 20 nations took part"));
    assert_eq!(key.a.hash, content_hash(TEXT_A));

    let (mut store, warning) = ReviewStore::open(&path).unwrap();
    assert!(warning.is_none());
    assert!(store.is_empty());
    assert!(!path.exists(), "opening must not create the file");
    assert_eq!(store.path(), path);
    store
        .set(key.clone(), Verdict::Confirmed, "checked the communiqué")
        .unwrap();
    assert_eq!(store.get(&key).unwrap().verdict, Verdict::Confirmed);

    let (store2, warning) = ReviewStore::open(&path).unwrap();
    assert!(warning.is_none());
    let r = store2.get(&key).expect("note survives reopening");
    assert_eq!(r.verdict, Verdict::Confirmed);
    assert_eq!(r.note, "checked the communiqué");
    assert!(r.updated > 0);
    assert_eq!(store2.get_for(&a, &b, &cmp, &d), Some(r));

    // The file is versioned JSON.
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["reviews"][0]["verdict"], "confirmed");
    assert_eq!(v["reviews"][0]["key"]["kind"], "number_conflict");

    // Replacing keeps one entry; removing empties the file.
    let (mut store3, _) = ReviewStore::open(&path).unwrap();
    store3.set(key.clone(), Verdict::Dismissed, "").unwrap();
    assert_eq!(store3.len(), 1);
    let (store4, _) = ReviewStore::open(&path).unwrap();
    assert_eq!(store4.get(&key).unwrap().verdict, Verdict::Dismissed);
    let (mut store5, _) = ReviewStore::open(&path).unwrap();
    assert!(store5.remove(&key).unwrap());
    assert!(!store5.remove(&key).unwrap());
    assert!(ReviewStore::open(&path).unwrap().0.is_empty());
}

#[test]
fn note_matching_is_by_text_not_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    let a = article("a", TEXT_A);
    let b = article("b", TEXT_B);
    let mut cmp = compare(&a, &b);
    let d = number_disagreement(&a, &b, &cmp);
    cmp.disagreements.push(d.clone());
    let (mut store, _) = ReviewStore::open(&path).unwrap();
    store
        .set(
            ReviewKey::for_disagreement(&a, &b, &cmp, &d),
            Verdict::Confirmed,
            "n",
        )
        .unwrap();

    // Same spans but another kind: no match.
    let other_kind = Disagreement {
        kind: DisagreementKind::NumberImprecision,
        ..d.clone()
    };
    assert!(store.get_for(&a, &b, &cmp, &other_kind).is_none());
    // Another span on A: no match.
    let other_span = Disagreement {
        a: vec![span_of(&a.text, "30-day")],
        ..d.clone()
    };
    assert!(store.get_for(&a, &b, &cmp, &other_span).is_none());
    // The row index is not part of the key.
    let other_row = Disagreement {
        row: (d.row + 1) % cmp.rows.len(),
        ..d.clone()
    };
    assert!(store.get_for(&a, &b, &cmp, &other_row).is_some());
    // A changed article (different hash) no longer matches.
    let edited = article("a", &TEXT_A.replace("Nobody else", "No one else"));
    let mut cmp2 = compare(&edited, &b);
    let d2 = number_disagreement(&edited, &b, &cmp2);
    cmp2.disagreements.push(d2.clone());
    assert!(store.get_for(&edited, &b, &cmp2, &d2).is_none());
}

#[test]
fn same_words_elsewhere_do_not_borrow_a_note() {
    // "30 people" appears twice in A, in different sentences; a note on one is not the other's.
    let ta = "On Monday 30 people were hurt. Later, on Friday, 30 people were hurt again.";
    let tb = "On Monday 25 people were hurt. Later, on Friday, 40 people were hurt again.";
    let a = article("a", ta);
    let b = article("b", tb);
    let cmp = compare(&a, &b);
    let first = span_of(ta, "30 people");
    let second = Span::new(
        ta.rfind("30 people").unwrap(),
        ta.rfind("30 people").unwrap() + 9,
    );
    let d1 = Disagreement {
        kind: DisagreementKind::NumberConflict,
        row: 0,
        a: vec![first],
        b: vec![],
        summary: String::new(),
    };
    let d2 = Disagreement {
        a: vec![second],
        row: 1,
        ..d1.clone()
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = ReviewStore::open(dir.path().join("r.json")).unwrap();
    store
        .set(
            ReviewKey::for_disagreement(&a, &b, &cmp, &d1),
            Verdict::Confirmed,
            "",
        )
        .unwrap();
    assert!(store.get_for(&a, &b, &cmp, &d1).is_some());
    assert!(store.get_for(&a, &b, &cmp, &d2).is_none());
}

#[test]
fn note_survives_resegmentation() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.json");
    let a = article("a", TEXT_A);
    let b = article("b", TEXT_B);
    let mut cmp = compare(&a, &b);
    let d = number_disagreement(&a, &b, &cmp);
    cmp.disagreements.push(d.clone());
    let (mut store, _) = ReviewStore::open(&path).unwrap();
    store
        .set(
            ReviewKey::for_disagreement(&a, &b, &cmp, &d),
            Verdict::Dismissed,
            "same count, different hedge",
        )
        .unwrap();

    // The same texts segmented differently: one sentence per line.
    let mut a2 = a.clone();
    a2.doc = Document::from_lines(&a2.text);
    a2.boilerplate = vec![None; a2.doc.sentences.len()];
    a2.part = vec![0; a2.doc.sentences.len()];
    let mut b2 = b.clone();
    b2.doc = Document::from_lines(&b2.text);
    b2.boilerplate = vec![None; b2.doc.sentences.len()];
    b2.part = vec![0; b2.doc.sentences.len()];
    assert_ne!(a2.doc.sentences.len(), a.doc.sentences.len());
    let mut cmp2 = compare(&a2, &b2);
    let sa = span_of(&a2.text, "Some thirty");
    let d2 = Disagreement {
        row: row_with_a(&a2, &cmp2, sa.start),
        ..d.clone()
    };
    // Sentence indices differ between the two segmentations.
    let old_si = cmp.rows[d.row].a.clone();
    let new_si = cmp2.rows[d2.row].a.clone();
    assert_ne!(old_si, new_si);
    cmp2.disagreements.push(d2.clone());
    let fresh = ReviewKey::for_disagreement(&a2, &b2, &cmp2, &d2);
    assert_ne!(
        fresh.a.context,
        ReviewKey::for_disagreement(&a, &b, &cmp, &d).a.context
    );

    let (reopened, _) = ReviewStore::open(&path).unwrap();
    let r = reopened
        .get(&fresh)
        .expect("note found after re-segmentation");
    assert_eq!(r.note, "same count, different hedge");
    assert_eq!(r.verdict, Verdict::Dismissed);
}

#[test]
fn stray_and_truncated_temp_files_do_not_matter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.review.json");
    let (mut store, _) = ReviewStore::open(&path).unwrap();
    store.set(simple_key(1), Verdict::Confirmed, "one").unwrap();
    store.set(simple_key(2), Verdict::Dismissed, "two").unwrap();
    // What a crash mid-write leaves behind: a truncated temp file and an empty one.
    let good = std::fs::read(&path).unwrap();
    std::fs::write(
        dir.path().join(".n.review.json.abc123.tmp"),
        &good[..good.len() / 2],
    )
    .unwrap();
    std::fs::write(dir.path().join(".n.review.json.def456.tmp"), b"").unwrap();

    let (mut store, warning) = ReviewStore::open(&path).unwrap();
    assert!(warning.is_none());
    assert_eq!(store.len(), 2);
    assert_eq!(store.get(&simple_key(1)).unwrap().note, "one");
    // Writing again works and still keeps the earlier notes.
    store
        .set(simple_key(3), Verdict::Confirmed, "three")
        .unwrap();
    let (store, _) = ReviewStore::open(&path).unwrap();
    assert_eq!(store.len(), 3);
    assert_eq!(store.get(&simple_key(2)).unwrap().note, "two");
    // Our own writes leave no temp files.
    let temps = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temps, 2, "only the two planted temp files remain");
}

fn damaged_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".damaged-"))
        .collect();
    v.sort();
    v
}

#[test]
fn damaged_file_is_kept_aside_and_reported() {
    let cases: [(&[u8], &str); 6] = [
        (b"{\"version\": 1, \"reviews\": [", "not valid JSON"),
        (b"{\"version\": 99, \"reviews\": []}", "version 99"),
        (b"{\"reviews\": []}", "no version"),
        (b"", "not valid JSON"),
        (b"\xff\xfe garbage", "not valid JSON"),
        (
            b"{\"version\": 1, \"reviews\": [{\"verdict\": \"maybe\"}]}",
            "not a review file",
        ),
    ];
    for (bad, why) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.review.json");
        std::fs::write(&path, bad).unwrap();
        let (mut store, warning) = ReviewStore::open(&path).unwrap();
        let w = warning.expect("damage is reported");
        assert!(w.message.contains(why), "{:?} lacks {why:?}", w.message);
        let aside = damaged_files(dir.path());
        assert_eq!(aside.len(), 1);
        assert_eq!(w.moved_to.as_deref(), Some(aside[0].as_path()));
        assert_eq!(std::fs::read(&aside[0]).unwrap(), bad, "damaged bytes kept");
        assert!(
            aside[0]
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("c.review.json.damaged-")
        );
        assert!(store.is_empty());
        // New notes go to a fresh file; the damaged copy is untouched.
        store.set(simple_key(7), Verdict::Confirmed, "new").unwrap();
        assert_eq!(std::fs::read(&aside[0]).unwrap(), bad);
        assert_eq!(ReviewStore::open(&path).unwrap().0.len(), 1);
    }
}

#[test]
fn damage_while_open_is_not_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.review.json");
    let (mut store, _) = ReviewStore::open(&path).unwrap();
    store.set(simple_key(1), Verdict::Confirmed, "one").unwrap();
    std::fs::write(&path, b"{ broken").unwrap();
    let warning = store.set(simple_key(2), Verdict::Confirmed, "two").unwrap();
    assert!(warning.is_some());
    assert_eq!(damaged_files(dir.path()).len(), 1);
    // Two damaged files in the same second get distinct names.
    std::fs::write(&path, b"{ broken again").unwrap();
    let (_s, w) = ReviewStore::open(&path).unwrap();
    assert!(w.is_some());
    assert_eq!(damaged_files(dir.path()).len(), 2);
}

#[test]
fn two_instances_keep_each_others_notes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.review.json");
    let (mut one, _) = ReviewStore::open(&path).unwrap();
    let (mut two, _) = ReviewStore::open(&path).unwrap();
    one.set(simple_key(1), Verdict::Confirmed, "from one")
        .unwrap();
    two.set(simple_key(2), Verdict::Dismissed, "from two")
        .unwrap();
    let (merged, _) = ReviewStore::open(&path).unwrap();
    assert_eq!(merged.len(), 2);
    assert_eq!(merged.get(&simple_key(1)).unwrap().note, "from one");
    // Same note from both: the last writer wins.
    one.set(simple_key(2), Verdict::Confirmed, "one again")
        .unwrap();
    let (merged, _) = ReviewStore::open(&path).unwrap();
    assert_eq!(merged.get(&simple_key(2)).unwrap().note, "one again");
}

#[test]
fn overlong_notes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = ReviewStore::open(dir.path().join("r.json")).unwrap();
    let long = "x".repeat(parallax::review::MAX_NOTE_CHARS + 1);
    assert!(store.set(simple_key(1), Verdict::Confirmed, long).is_err());
    assert!(store.is_empty());
    assert!(!dir.path().join("r.json").exists());
}

#[test]
fn unreadable_path_is_an_error_not_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should be.
    assert!(ReviewStore::open(dir.path()).is_err());
}

/// Runs only as the child of `killed_writer_never_corrupts`: writes notes until killed.
#[test]
#[ignore = "helper process for killed_writer_never_corrupts"]
fn child_writer_loop() {
    let Ok(path) = std::env::var("PARALLAX_REVIEW_CHILD") else {
        return;
    };
    let (mut store, _) = ReviewStore::open(&path).unwrap();
    for i in 0usize.. {
        let note = format!("note {i} {}", "x".repeat(i % 300));
        store.set(simple_key(i), Verdict::Confirmed, note).unwrap();
    }
}

#[test]
fn killed_writer_never_corrupts() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.review.json");
    let exe = std::env::current_exe().unwrap();
    let mut seen = 0usize;
    for (round, delay_ms) in [0u64, 3, 11, 23, 41].into_iter().enumerate() {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "child_writer_loop",
                "--test-threads=1",
            ])
            .env("PARALLAX_REVIEW_CHILD", &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until this child has added notes, then kill it at an arbitrary moment.
        let start = Instant::now();
        loop {
            let n = std::fs::read(&path)
                .ok()
                .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
                .and_then(|v| v["reviews"].as_array().map(Vec::len))
                .unwrap_or(0);
            if n >= seen + 5 {
                seen = n;
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "child made no progress"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap();
        child.wait().unwrap();

        let (store, warning) = ReviewStore::open(&path).unwrap();
        assert!(
            warning.is_none(),
            "round {round}: file damaged: {warning:?}"
        );
        assert!(
            store.len() >= seen,
            "round {round}: lost notes ({} < {seen})",
            store.len()
        );
        for i in 0..store.len() {
            let r = store.get(&simple_key(i)).expect("notes are contiguous");
            assert!(r.note.starts_with(&format!("note {i} ")));
        }
        seen = store.len();
    }
    assert!(damaged_files(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn rewrites_keep_the_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.json");
    let (mut store, _) = ReviewStore::open(&path).unwrap();
    store.set(simple_key(1), Verdict::Confirmed, "").unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600, "a new review file is private");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    store.set(simple_key(2), Verdict::Confirmed, "").unwrap();
    assert_eq!(mode(&path), 0o640);
}

/// A note taken on A–B shows when the user swaps the pair (`s`) and looks at B–A, and
/// setting it again from B–A replaces it rather than adding a second one.
#[test]
fn note_holds_when_the_pair_is_swapped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.review.json");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = parallax::corpus::Corpus::load(&root).unwrap();
    let (a, b) = (&corpus.articles[3], &corpus.articles[4]);
    let (ab, ba) = (compare(a, b), compare(b, a));
    assert!(!ab.disagreements.is_empty());
    let (mut store, _) = ReviewStore::open(&path).unwrap();
    let mut swapped_hits = 0;
    for d in &ab.disagreements {
        let key = ReviewKey::for_disagreement(a, b, &ab, d);
        store.set(key, Verdict::Confirmed, "seen").unwrap();
        // The same disagreement found the other way round: same kind, sides exchanged.
        let Some(e) = ba.disagreements.iter().find(|e| {
            e.kind == d.kind
                && e.a
                    .iter()
                    .map(|s| s.slice(&b.text))
                    .eq(d.b.iter().map(|s| s.slice(&b.text)))
                && e.b
                    .iter()
                    .map(|s| s.slice(&a.text))
                    .eq(d.a.iter().map(|s| s.slice(&a.text)))
        }) else {
            continue;
        };
        let got = store.get_for(b, a, &ba, e);
        assert!(got.is_some(), "{:?} not found after the swap", d.kind);
        let before = store.len();
        store
            .set(
                ReviewKey::for_disagreement(b, a, &ba, e),
                Verdict::Dismissed,
                "",
            )
            .unwrap();
        assert_eq!(store.len(), before, "set from B–A replaces the A–B note");
        swapped_hits += 1;
    }
    assert!(
        swapped_hits > 0,
        "some disagreement is found both ways round"
    );
    // A note on something else is not found by a swapped lookup.
    let fresh = ReviewKey::for_disagreement(a, b, &ab, &ab.disagreements[0]);
    let mut other = fresh.clone();
    other.a.spans = vec!["not in the text".into()];
    assert!(!other.matches(&fresh));
}
