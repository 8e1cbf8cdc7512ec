//! The HTML report in a real browser: headless Chromium loads it, we check the DOM it built and
//! take a screenshot. Skips (and says so) when no Chromium is installed; `.ci/run` installs one.

use parallax::compare::{Disagreement, DisagreementKind, compare};
use parallax::corpus::{Article, ArticleMeta, Corpus};
use parallax::report::{Report, html};
use parallax::review::{ReviewKey, ReviewStore, Verdict};
use parallax::text::Span;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in [
            "chromium",
            "chromium-browser",
            "google-chrome",
            "google-chrome-stable",
        ] {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// Run Chromium headless on `file` with `extra` flags; returns stdout. Killed after 90 s.
fn chromium(exe: &Path, profile: &Path, file: &Path, extra: &[&str]) -> String {
    let out = profile.join(format!("stdout-{}.txt", extra.len()));
    let mut child = Command::new(exe)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.join("profile").display()
        ))
        .args(extra)
        .arg(format!("file://{}", file.display()))
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::read_to_string(out).unwrap()
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

fn screenshot(exe: &Path, tmp: &Path, file: &Path, name: &str) -> PathBuf {
    let png = tmp.join(name);
    chromium(
        exe,
        tmp,
        file,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1400,1000",
        ],
    );
    let bytes = std::fs::read(&png).expect("screenshot written");
    assert_eq!(png_size(&bytes), (1400, 1000));
    // A blank page compresses to a few kB; a page of text and colour is far bigger.
    assert!(
        bytes.len() > 30_000,
        "screenshot looks empty: {} bytes",
        bytes.len()
    );
    png
}

/// Leave copies of the page and its screenshot in `$PARALLAX_SCREENSHOT_DIR`, when set.
fn keep(files: &[&Path]) {
    if let Some(dir) = std::env::var_os("PARALLAX_SCREENSHOT_DIR") {
        for f in files {
            let _ = std::fs::copy(f, Path::new(&dir).join(f.file_name().unwrap()));
        }
    }
}

#[test]
fn seed_pair_report_in_chromium() {
    let Some(exe) = find_chromium() else {
        println!("SKIPPED: chromium not found (install chromium to run the browser test)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let review = tmp.path().join("review.json");
    let file = tmp.path().join("report.html");
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["report", "003", "004", "--corpus"])
            .arg(&corpus)
            .arg("--review")
            .arg(&review)
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    run(&["-o", file.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&run(&["-f", "json"])).unwrap();
    let rows = json["rows"].as_array().unwrap().len();
    assert!(rows > 5);

    let dom = chromium(&exe, tmp.path(), &file, &["--dump-dom"]);
    assert!(
        dom.contains("<table class=\"cmp\">"),
        "report table in the DOM"
    );
    assert_eq!(dom.matches("<tr class=\"row ").count(), rows);
    assert_eq!(dom.matches("<td class=\"side a").count(), rows);
    assert_eq!(dom.matches("<td class=\"side b").count(), rows);
    assert_eq!(dom.matches("<th>A · ").count(), 1);
    assert_eq!(dom.matches("<th>B · ").count(), 1);
    assert!(!dom.contains("<script"));
    let png = screenshot(&exe, tmp.path(), &file, "seed-003-004.png");
    keep(&[&png, &file]);
}

#[test]
fn hostile_report_stays_text_in_chromium() {
    let Some(exe) = find_chromium() else {
        println!("SKIPPED: chromium not found (install chromium to run the browser test)");
        return;
    };
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    let seed = &corpus.articles[corpus.find("003").unwrap()];
    // The seed article with hostile lines added to its text.
    let hostile = format!(
        "{}\n\nInjected <script>document.title='pwned'</script> line with \"><img src=x onerror=\"document.title='pwned'\"> in it.\n\
         Control \u{1b}[31mred\u{1b}[0m, bell \u{7}, bidi \u{202E}esrever\u{202C} and <style>body{{display:none}}</style>.",
        seed.text
    );
    let a = Article::from_text(
        ArticleMeta {
            id: "hostile\"><b>x</b>".into(),
            title: "<iframe src=\"https://example.com\"></iframe>".into(),
            language: Some("en".into()),
            ..ArticleMeta::default()
        },
        hostile.clone(),
    );
    let b = &corpus.articles[corpus.find("004").unwrap()];
    let mut cmp = compare(&a, b);
    let span_of = |text: &str, pat: &str| {
        let s = text.find(pat).unwrap();
        Span::new(s, s + pat.len())
    };
    let row_of = |pos: usize| {
        let si = a
            .doc
            .sentences
            .iter()
            .position(|s| s.span.start <= pos && pos < s.span.end)
            .unwrap();
        cmp.rows.iter().position(|r| r.a.contains(&si)).unwrap()
    };
    let n = span_of(&hostile, "over 20 countries");
    let inj = span_of(&hostile, "<script>document.title='pwned'</script>");
    let ds = vec![
        Disagreement {
            kind: DisagreementKind::NumberImprecision,
            row: row_of(n.start),
            a: vec![n],
            b: vec![span_of(&b.text, "almost 20 nations")],
            summary: "over 20 vs almost 20".into(),
        },
        Disagreement {
            kind: DisagreementKind::OnlyHere,
            row: row_of(inj.start),
            a: vec![inj],
            b: vec![],
            summary: "<img src=x onerror=alert(1)>".into(),
        },
    ];
    cmp.disagreements = ds;
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = ReviewStore::open(tmp.path().join("r.json")).unwrap();
    let k = ReviewKey::for_disagreement(&a, b, &cmp, &cmp.disagreements[0]);
    store
        .set(
            k,
            Verdict::Confirmed,
            "B's “almost 20” contradicts A. <script>x</script>",
        )
        .unwrap();
    let k = ReviewKey::for_disagreement(&a, b, &cmp, &cmp.disagreements[1]);
    store.set(k, Verdict::Dismissed, "test line").unwrap();
    let file = tmp.path().join("hostile.html");
    std::fs::write(&file, html(&Report::new(&a, b, &cmp, Some(&store)))).unwrap();

    let dom = chromium(&exe, tmp.path(), &file, &["--dump-dom"]);
    // The title was not changed by an injected script and nothing became an element.
    assert!(!dom.contains("pwned</title>"));
    for tag in ["<script", "<img", "<iframe", "<b>x", "<style>body"] {
        assert!(!dom.contains(tag), "{tag} turned into an element");
    }
    assert!(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"));
    assert!(dom.contains("&lt;iframe src=\"https://example.com\"&gt;&lt;/iframe&gt;"));
    assert_eq!(dom.matches("<tr class=\"row ").count(), cmp.rows.len());
    assert_eq!(dom.matches("<li id=\"d").count(), 2);
    assert!(!dom.contains('\u{1b}'));
    let png = screenshot(&exe, tmp.path(), &file, "hostile.png");
    keep(&[&png, &file]);
}
