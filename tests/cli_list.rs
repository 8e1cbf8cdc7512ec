//! `parallax list` on the bundled corpus and on a hostile directory.

mod corpus_hostile;

use corpus_hostile::{assert_terminal_safe, parallax};

#[test]
fn bundled_corpus_table() {
    let out = parallax(&["list".as_ref()]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 6, "{stdout}");
    assert!(lines[0].starts_with("ID"));
    assert!(lines[1].starts_with("000_b6a59f73923e83a8"));
    assert!(lines[1].contains("Defence Chiefs Meet in London"));
    assert!(lines[5].contains("2025-03-20"), "{}", lines[5]);
    assert!(
        lines[5].contains("Senior military officers"),
        "{}",
        lines[5]
    );
    // Columns line up: the title starts at the same column on every row.
    let col = lines[0].find("TITLE").unwrap();
    assert!(lines[1][col..].starts_with("Defence"), "{stdout}");
}

#[test]
fn bundled_corpus_json() {
    let out = parallax(&["list".as_ref(), "--json".as_ref()]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 5);
    let a1 = &arr[1];
    assert_eq!(a1["id"], "001_a1fb376bff78f1cb");
    assert_eq!(a1["file"], "001_a1fb376bff78f1cb.txt");
    assert_eq!(a1["parts"], 2);
    assert!(a1["outlet"].is_null());
    assert!(a1["words"].as_u64().unwrap() > a1["content_words"].as_u64().unwrap());
    assert!(a1["boilerplate"].as_u64().unwrap() > 0);
    assert_eq!(arr[4]["published"], "2025-03-20");
}

#[test]
fn hostile_directory_lists_safely() {
    let h = corpus_hostile::make();
    let out = parallax(&["list".as_ref(), h.path().as_os_str()]);
    assert!(out.status.success());
    assert_terminal_safe(&out.stdout);
    assert_terminal_safe(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for id in corpus_hostile::LOADABLE {
        assert!(
            stdout.lines().any(|l| l.starts_with(id)),
            "{id} missing:\n{stdout}"
        );
    }
    assert!(stdout.contains("Evil ␛title ␛red⟪RLO⟫txet"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("binary.txt"), "{stderr}");
    let json = parallax(&["list".as_ref(), h.path().as_os_str(), "--json".as_ref()]);
    assert!(json.status.success());
    assert_terminal_safe(&json.stdout);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), stdout.lines().count() - 1);
}

#[test]
fn missing_directory_fails() {
    let out = parallax(&["list".as_ref(), "/definitely/not/here".as_ref()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such directory"));
}

/// A file name that is not UTF-8 is listed with U+FFFD in `list --json` (the whole output
/// failed: "path contains invalid UTF-8 characters").
#[cfg(unix)]
#[test]
fn json_with_a_file_name_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("a.txt"),
        "A title\n\nThe mayor spoke on Monday.",
    )
    .unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(d.path().join(name), "Caf\u{e9} news\n\nThe mayor spoke.").unwrap();
    let out = parallax(&["list".as_ref(), "--json".as_ref(), d.path().as_os_str()]);
    assert!(out.status.success(), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["file"].as_str().unwrap())
        .collect();
    assert!(
        files.contains(&"a.txt") && files.contains(&"caf\u{fffd}.txt"),
        "{files:?}"
    );
}
