//! `parallax sentences`: the stable machine interface, run as the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn parallax(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run parallax");
    {
        let mut pipe = child.stdin.take().expect("stdin");
        if let Some(input) = stdin {
            // The program may exit without reading (bad arguments): a closed pipe is fine.
            match pipe.write_all(input) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                r => r.expect("write stdin"),
            }
        }
    }
    child.wait_with_output().expect("wait")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn seed_path(prefix: &str) -> String {
    let dir = format!("{}/corpus", env!("CARGO_MANIFEST_DIR"));
    let entry = std::fs::read_dir(&dir)
        .expect("corpus")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .expect("seed");
    entry.path().to_string_lossy().into_owned()
}

#[derive(serde::Deserialize)]
struct Item {
    text: String,
    start: usize,
    end: usize,
}

fn json_items(o: &Output) -> Vec<Item> {
    serde_json::from_str(&stdout(o)).expect("JSON array")
}

#[test]
fn seed_plain_and_json_agree() {
    let path = seed_path("003_");
    let bytes = std::fs::read(&path).unwrap();
    let plain = parallax(&["sentences", &path], None);
    assert!(plain.status.success());
    let lines: Vec<String> = stdout(&plain).lines().map(str::to_string).collect();
    let json = parallax(&["sentences", "--json", &path], None);
    assert!(json.status.success());
    let items = json_items(&json);
    assert_eq!(lines.len(), items.len());
    assert_eq!(lines[3], "Major Obstacles to Peacekeeping Plans");
    let mut prev = 0;
    for (line, item) in lines.iter().zip(&items) {
        assert!(item.start >= prev && item.end > item.start);
        prev = item.end;
        assert_eq!(&bytes[item.start..item.end], item.text.as_bytes());
        assert_eq!(line, &item.text);
    }
}

#[test]
fn stdin_dash_and_crlf() {
    let input = b"Heading\r\nFirst one. Second one.\r\n\r\nThe end\r\n";
    let out = parallax(&["sentences", "--json", "-"], Some(input));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let items = json_items(&out);
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["Heading", "First one.", "Second one.", "The end"]);
    for i in &items {
        assert_eq!(&input[i.start..i.end], i.text.as_bytes());
    }
    let plain = parallax(&["sentences", "-"], Some(input));
    assert_eq!(
        stdout(&plain),
        "Heading\nFirst one.\nSecond one.\nThe end\n"
    );
}

#[test]
fn wrapped_sentence_prints_on_one_line() {
    let input = "The defence chiefs of some thirty Western countries gathered in\n\
                 London on Thursday for a planning meeting about peacekeeping in\n\
                 Ukraine after a ceasefire with Russia, officials said on Friday\n\
                 morning. The talks were held at Northwood, the headquarters of the\n\
                 armed forces, and lasted for most of the day.\n";
    let out = parallax(&["sentences", "--lang", "en", "-"], Some(input.as_bytes()));
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("The defence chiefs") && lines[0].ends_with("Friday morning."));
    assert!(lines[0].contains("gathered in London"));
}

#[test]
fn language_override() {
    let input = "Er nannte viele Länder, z.B. Frankreich. Die Briten fehlten.";
    let out = parallax(&["sentences", "--lang", "de", "-"], Some(input.as_bytes()));
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "Er nannte viele Länder, z.B. Frankreich.\nDie Briten fehlten.\n"
    );
}

#[test]
fn control_characters_are_not_passed_to_the_terminal() {
    let input = "Safe text.\x1b[31m Red? Not here.";
    let out = parallax(&["sentences", "-"], Some(input.as_bytes()));
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b));
    // JSON keeps the text exact (escaped by the JSON writer).
    let json = parallax(&["sentences", "--json", "-"], Some(input.as_bytes()));
    assert!(!json.stdout.contains(&0x1b));
    let items = json_items(&json);
    assert_eq!(
        items.iter().map(|i| i.text.as_str()).collect::<String>(),
        "Safe text.\x1b[31m Red?Not here."
    );
}

#[test]
fn missing_file_is_a_one_line_error() {
    let out = parallax(&["sentences", "/nonexistent/parallax-test.txt"], None);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("parallax-test.txt"), "{err}");
}

#[test]
fn unknown_language_code_is_an_error() {
    let out = parallax(&["sentences", "--lang", "xx", "-"], Some(b"Hello."));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("xx"), "{err}");
}

#[test]
fn empty_input_prints_nothing() {
    let out = parallax(&["sentences", "-"], Some(b"  \n\n"));
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let json = parallax(&["sentences", "--json", "-"], Some(b""));
    assert_eq!(stdout(&json).trim(), "[]");
}

#[test]
fn legacy_and_utf16_input_is_decoded_not_garbled() {
    // "Le président a déclaré. Les négociations continuent." in Windows-1252 and in UTF-16LE
    // with a byte-order mark: both decode to the same sentences (accents intact), and the
    // guess is reported on standard error.
    let text = "Le président a déclaré. Les négociations continuent.";
    let latin1: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    for (name, bytes) in [("windows-1252", latin1), ("UTF-16LE", utf16)] {
        let out = parallax(&["sentences", "--lang", "fr", "-"], Some(&bytes));
        assert!(out.status.success(), "{name}");
        assert_eq!(
            stdout(&out).lines().collect::<Vec<_>>(),
            ["Le président a déclaré.", "Les négociations continuent."],
            "{name}"
        );
        if name == "windows-1252" {
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("windows-1252"),
                "the guess is reported: {:?}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn binary_input_is_a_one_line_error() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend([0u8, 0, 0, 13, 73, 72, 68, 82, 0xff, 0xfe, 0x00, 0x01]);
    let out = parallax(&["sentences", "-"], Some(&png));
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("binary"), "{err}");
}

/// `file[start..end] == text` for every sentence, in order: what an evaluator slicing the file
/// relies on.
fn assert_offsets_slice(file: &[u8], items: &[Item]) {
    let mut prev = 0;
    for it in items {
        assert_eq!(&file[it.start..it.end], it.text.as_bytes(), "{:?}", it.text);
        assert!(prev <= it.start && it.start < it.end, "{:?}", it.text);
        prev = it.end;
    }
}

const MULTILINGUAL: &str = "Dr. Müller sagte, es gehe um 3,5 Mio. Euro. „Wir sind zufrieden“, erklärte sie.\n\
Le président a déclaré : « Nous continuerons. » M. Dupont n'était pas d'accord.\r\n\
¿Qué pasó ayer? ¡Increíble!\n\
Г-н Иванов сказал, что это «важный шаг». Τι θα γίνει τώρα; Κανείς δεν ξέρει.\n\
उन्होंने कहा कि यह ऐतिहासिक कदम है। क्या यह सफल होगा?\n\
国家主席周二宣布了新的措施。首相は新しい政策を発表した。\n\
وقال إن هذه خطوة مهمة. هل ستنجح؟\tFamily 👨‍👩‍👧 arrived.\n";

#[test]
fn json_offsets_slice_the_file_in_many_scripts() {
    let bytes = MULTILINGUAL.as_bytes();
    let out = parallax(&["sentences", "--json", "-"], Some(bytes));
    assert!(out.status.success());
    let items = json_items(&out);
    assert!(items.len() >= 12, "{}", items.len());
    assert_offsets_slice(bytes, &items);
}

#[test]
fn utf8_bom_offsets_are_file_offsets() {
    // A UTF-8 byte-order mark is not part of any sentence, and offsets still slice the file.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(MULTILINGUAL.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.txt");
    std::fs::write(&path, &bytes).unwrap();
    let from_file = parallax(&["sentences", "--json", path.to_str().unwrap()], None);
    let from_stdin = parallax(&["sentences", "--json", "-"], Some(&bytes));
    assert!(from_file.status.success() && from_stdin.status.success());
    assert_eq!(from_file.stdout, from_stdin.stdout);
    let items = json_items(&from_file);
    assert_eq!(items[0].start, 3);
    assert!(items[0].text.starts_with("Dr. Müller"));
    assert_offsets_slice(&bytes, &items);
    // the same sentences as without the mark, shifted by its length
    let plain = json_items(&parallax(
        &["sentences", "--json", "-"],
        Some(MULTILINGUAL.as_bytes()),
    ));
    assert_eq!(plain.len(), items.len());
    for (p, b) in plain.iter().zip(&items) {
        assert_eq!(
            (p.text.as_str(), p.start + 3, p.end + 3),
            (b.text.as_str(), b.start, b.end)
        );
    }
}

#[test]
fn nul_filled_input_is_binary_and_bomless_utf16_is_decoded() {
    // Valid UTF-8 is still checked: a run of NUL bytes is binary, not a sentence of ␀.
    let out = parallax(&["sentences", "-"], Some(&[0u8; 2000]));
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("binary"), "{err}");
    // ASCII in UTF-16LE without a byte-order mark is valid UTF-8 too, but is UTF-16.
    let utf16: Vec<u8> = "Hello there. The world is round.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let out = parallax(&["sentences", "-"], Some(&utf16));
    assert!(out.status.success());
    assert_eq!(stdout(&out), "Hello there.\nThe world is round.\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16LE"));
}

#[test]
fn lang_accepts_region_subtags_and_languages_without_rules() {
    // An evaluator passing the language of each text must not be refused for `en-US` or for
    // a language Parallax has no rules of its own for; a nonsense code is still an error.
    let de = "Dr. Müller kam am 3. Oktober. Er blieb lange.";
    let de_rules = parallax(&["sentences", "--lang", "de", "-"], Some(de.as_bytes()));
    let de_at = parallax(&["sentences", "--lang", "de-AT", "-"], Some(de.as_bytes()));
    assert!(de_at.status.success());
    assert_eq!(de_at.stdout, de_rules.stdout);
    let zh = "国家主席周二宣布了新的措施。经济增长了百分之五！下一步是什么？";
    for code in ["zh", "zh-Hans", "ja", "hi", "PL"] {
        let out = parallax(&["sentences", "--lang", code, "-"], Some(zh.as_bytes()));
        assert!(out.status.success(), "{code}");
        assert_eq!(stdout(&out).lines().count(), 3, "{code}");
    }
    let out = parallax(&["sentences", "--lang", "qq", "-"], Some(b"Hello."));
    assert_eq!(out.status.code(), Some(2));
}

/// An endless input (`/dev/zero`) is refused once past the input cap, with one line, instead
/// of being read until memory runs out.
#[cfg(unix)]
#[test]
fn endless_input_is_refused_at_the_cap() {
    for args in [
        &["sentences", "/dev/zero"][..],
        &["align", "/dev/zero", "/dev/zero"],
    ] {
        let o = parallax(args, None);
        assert!(!o.status.success());
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains("larger than 64 MiB"), "{err}");
    }
}
