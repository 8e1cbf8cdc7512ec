//! Bytes of an article file → text.
//!
//! Policy:
//! - A byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE; the BOM is stripped.
//! - Without a BOM, text whose zero bytes sit at every other position is UTF-16 (LE or BE).
//! - Otherwise valid UTF-8 is UTF-8. UTF-8 with invalid bytes stays UTF-8 (they become
//!   U+FFFD, with a note) when it has at least as many valid multi-byte sequences: text in a
//!   legacy encoding next to never forms one (`â€œ` is how Windows-1252 reads UTF-8's `“`),
//!   while one stray byte in a UTF-8 file with three curly quotes is common.
//! - Anything else is handed to `chardetng` (Windows-1252/Latin-1, other legacy encodings) and
//!   decoded with `encoding_rs`.
//! - Line endings (LF, CRLF, lone CR) are kept exactly as in the file; segmentation and the
//!   sanitiser handle all three. Nothing else is rewritten: NUL and other control characters
//!   stay in the text (the sanitiser shows them visibly).
//! - Empty (or whitespace-only) files and binary files are refused. A file is binary when it
//!   starts with a well-known binary signature, or when more than [`BINARY_RATIO`] of its
//!   decoded characters (and at least [`MIN_BINARY_CONTROLS`]) are controls (other than tab,
//!   LF, CR, FF) or replacement characters.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Share of suspicious characters above which decoded text is considered binary.
pub const BINARY_RATIO: f64 = 0.10;
/// Fewer suspicious characters than this never make a text binary: a one-line text with a
/// colour code or two bells is a short text, shown with its controls made visible.
pub const MIN_BINARY_CONTROLS: usize = 4;

/// Successfully decoded text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding used, by its WHATWG name (e.g. `UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
    /// Remarks worth telling the user (guessed encoding, replaced bytes, NUL bytes).
    pub notes: Vec<String>,
    /// Where the text starts in the bytes when it is the bytes themselves (valid UTF-8,
    /// taken as is): 0, or 3 after a UTF-8 byte-order mark. `None` when it was decoded from
    /// another encoding or had invalid bytes replaced.
    pub offset: Option<usize>,
}

/// Why bytes were not accepted as text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("empty file; skipped")]
    Empty,
    #[error("binary file ({0}), skipped")]
    Binary(String),
}

/// Decode the bytes of one article file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Refused> {
    if bytes.is_empty() {
        return Err(Refused::Empty);
    }
    if let Some(kind) = binary_signature(bytes) {
        return Err(Refused::Binary(format!("{kind} signature")));
    }
    let mut notes = Vec::new();
    let mut offset = None;
    let (text, encoding) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            notes.push(format!(
                "invalid {} sequences replaced by U+FFFD",
                enc.name()
            ));
        } else if enc == UTF_8 {
            offset = Some(bom);
        }
        if enc != UTF_8 {
            // (offsets are into the decoded text, not the file: say so)
            notes.push(format!("decoded as {} (byte-order mark)", enc.name()));
        }
        (text.into_owned(), enc)
    } else if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        notes.push(format!("decoded as {} (no byte-order mark)", enc.name()));
        (text.into_owned(), enc)
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                offset = Some(0);
                (s.to_owned(), UTF_8)
            }
            Err(_) => {
                let (valid_multibyte, invalid) = utf8_stats(bytes);
                if valid_multibyte > 0 && invalid <= valid_multibyte {
                    notes.push(format!(
                        "{invalid} invalid UTF-8 sequence(s) replaced by U+FFFD"
                    ));
                    (String::from_utf8_lossy(bytes).into_owned(), UTF_8)
                } else {
                    let mut det =
                        chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
                    // Enough to decide; keeps huge files linear and fast.
                    let sample = &bytes[..bytes.len().min(1 << 20)];
                    det.feed(sample, sample.len() == bytes.len());
                    let enc = det.guess(None, chardetng::Utf8Detection::Allow);
                    let (text, _, had_errors) = enc.decode(bytes);
                    notes.push(format!("not UTF-8; decoded as {} (guessed)", enc.name()));
                    if had_errors {
                        notes.push("undecodable bytes replaced by U+FFFD".to_owned());
                    }
                    (text.into_owned(), enc)
                }
            }
        }
    };
    if text.trim().is_empty() {
        return Err(Refused::Empty);
    }
    let (total, bad, nul) = text.chars().fold((0usize, 0usize, 0usize), |(t, b, n), c| {
        (
            t + 1,
            b + usize::from(suspicious(c)),
            n + usize::from(c == '\0'),
        )
    });
    if bad >= MIN_BINARY_CONTROLS && bad as f64 > BINARY_RATIO * total as f64 {
        return Err(Refused::Binary(format!(
            "{:.0}% control or undecodable characters",
            100.0 * bad as f64 / total as f64
        )));
    }
    if nul > 0 {
        notes.push(format!("{nul} NUL byte(s) in the text"));
    }
    Ok(Decoded {
        text,
        encoding: encoding.name(),
        notes,
        offset,
    })
}

fn suspicious(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        || (0x7f..=0x9f).contains(&u)
        || c == '\u{fffd}'
}

/// Well-known signatures of binary formats.
fn binary_signature(b: &[u8]) -> Option<&'static str> {
    const SIGS: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"%PDF-", "PDF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x1f\x8b", "gzip"),
        (b"\x7fELF", "ELF"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"7z\xbc\xaf\x27\x1c", "7z"),
        (b"\x28\xb5\x2f\xfd", "zstd"),
        (b"BZh", "bzip2"),
        (b"\xfd7zXZ\x00", "xz"),
        (b"\x00asm", "WebAssembly"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (MS Office)"),
        (b"SQLite format 3\x00", "SQLite"),
        (b"OggS", "Ogg"),
        (b"\xca\xfe\xba\xbe", "Mach-O/class"),
    ];
    SIGS.iter()
        .find(|(sig, _)| b.starts_with(sig))
        .map(|&(_, name)| name)
}

/// UTF-16 without a BOM: zero bytes at (nearly) every odd (LE) or even (BE) position.
fn utf16_without_bom(b: &[u8]) -> Option<&'static Encoding> {
    if b.len() < 4 || b.len() % 2 != 0 {
        return None;
    }
    let sample = &b[..b.len().min(1 << 16)];
    let pairs = sample.len() / 2;
    let (mut even0, mut odd0) = (0usize, 0usize);
    for p in sample.chunks_exact(2) {
        even0 += usize::from(p[0] == 0);
        odd0 += usize::from(p[1] == 0);
    }
    // (bytes that are valid UTF-8 too — "x\0y\n" — need zeros at nearly every position)
    let share = if std::str::from_utf8(sample).is_ok() {
        8
    } else {
        4
    };
    let strong = |n: usize| n * 10 >= pairs * share; // ≥ 40%, or 80%
    let weak = |n: usize| n * 20 <= pairs; // ≤ 5%
    if strong(odd0) && weak(even0) {
        Some(UTF_16LE)
    } else if strong(even0) && weak(odd0) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Counts of valid multi-byte sequences and invalid sequences in `b`.
fn utf8_stats(mut b: &[u8]) -> (usize, usize) {
    let (mut multi, mut invalid) = (0, 0);
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                multi += s.chars().filter(|c| !c.is_ascii()).count();
                return (multi, invalid);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // SAFETY-free: the prefix is valid UTF-8 by definition of valid_up_to.
                let s = std::str::from_utf8(&b[..valid]).unwrap_or("");
                multi += s.chars().filter(|c| !c.is_ascii()).count();
                invalid += 1;
                let skip = valid + e.error_len().unwrap_or(b.len() - valid);
                b = &b[skip.min(b.len())..];
                if b.is_empty() {
                    return (multi, invalid);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_only_when_the_text_is_the_bytes() {
        let offset = |b: &[u8]| decode(b).unwrap().offset;
        assert_eq!(offset("Héllo world.".as_bytes()), Some(0));
        assert_eq!(offset(b"\xEF\xBB\xBFHello world."), Some(3));
        assert_eq!(offset(b"\xEF\xBB\xBFHello \xFF world."), None);
        assert_eq!(offset(&utf16("Hello world.", true, true)), None);
        assert_eq!(offset(&utf16("Hello world.", true, false)), None);
        assert_eq!(offset(b"Caf\xe9 cr\xe8me, na\xefve r\xe9sum\xe9."), None);
        let b = b"\xEF\xBB\xBFa b.";
        let d = decode(b).unwrap();
        assert_eq!(&b[d.offset.unwrap()..], d.text.as_bytes());
    }

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        if bom {
            v.extend(if le { [0xff, 0xfe] } else { [0xfe, 0xff] });
        }
        for u in s.encode_utf16() {
            v.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        v
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("héllo\r\nworld".as_bytes()).unwrap();
        assert_eq!(d.text, "héllo\r\nworld");
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.notes.is_empty());
        let d = decode(b"\xef\xbb\xbfhi").unwrap();
        assert_eq!(d.text, "hi");
    }

    #[test]
    fn utf16_all_forms() {
        let s = "Ünïcode “text”\r\nline 2";
        for (le, bom) in [(true, true), (false, true), (true, false), (false, false)] {
            let d = decode(&utf16(s, le, bom)).unwrap();
            assert_eq!(d.text, s, "le={le} bom={bom}");
            assert_eq!(d.encoding, if le { "UTF-16LE" } else { "UTF-16BE" });
        }
    }

    #[test]
    fn latin1_and_windows_1252() {
        // "Café – déjà vu “quoted”" in windows-1252.
        let bytes = b"Caf\xe9 \x96 d\xe9j\xe0 vu \x93quoted\x94 and more text to be sure, na\xefve r\xe9sum\xe9.";
        let d = decode(bytes).unwrap();
        assert!(d.text.starts_with("Café – déjà vu “quoted”"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notes.iter().any(|n| n.contains("guessed")));
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte_stays_utf8() {
        let mut b = "Zürich – “quote” déjà vu ".repeat(5).into_bytes();
        b.push(0xff);
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("Zürich"));
        assert!(d.text.ends_with('\u{fffd}'));
    }

    /// Three curly quotes and one stray byte: still UTF-8 (it was read as Windows-1252, and
    /// the `â€` + U+009D it made of "”" hid the rest of the line in the reader).
    #[test]
    fn few_multibyte_characters_and_a_stray_byte_stay_utf8() {
        let b = b"The minister said \xe2\x80\x9cover 20 countries\xe2\x80\x9d took part \xff in the talks in K\xc3\xb6ln.";
        let d = decode(b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(
            d.text
                .contains("“over 20 countries” took part \u{fffd} in the talks in Köln.")
        );
        // Windows-1252 text without a valid UTF-8 sequence is still guessed as such.
        let d = decode(b"Caf\xe9 cr\xe8me, \x93quoted\x94 and na\xefve.").unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("Café crème, “quoted” and naïve."));
    }

    #[test]
    fn a_short_utf8_text_with_a_nul_is_not_utf16() {
        let d = decode(b"x\0y\n").unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", "x\0y\n"));
        let d = decode(&utf16("Hi there.", true, false)).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-16LE", "Hi there."));
        let d = decode(&utf16("Hi.", true, true)).unwrap();
        assert!(
            d.notes.iter().any(|n| n.contains("UTF-16LE")),
            "{:?}",
            d.notes
        );
    }

    #[test]
    fn a_short_text_with_a_control_or_two_is_text() {
        for b in [&b"Hi.\x1b[0m\n"[..], b"OK.\x07\x07\n", b"xxxxxxxx\x07"] {
            assert!(decode(b).is_ok(), "{b:?}");
        }
        assert!(matches!(
            decode(b"a\x01\x02\x03\x04b"),
            Err(Refused::Binary(_))
        ));
    }

    #[test]
    fn crlf_and_lone_cr_kept() {
        let d = decode(b"a\r\nb\rc\n").unwrap();
        assert_eq!(d.text, "a\r\nb\rc\n");
    }

    #[test]
    fn nul_bytes_in_text_are_kept_with_a_note() {
        let d = decode(b"some text\0 with a NUL in the middle of a sentence").unwrap();
        assert!(d.text.contains('\0'));
        assert!(d.notes.iter().any(|n| n.contains("NUL")));
    }

    #[test]
    fn refused() {
        assert_eq!(decode(b""), Err(Refused::Empty));
        assert_eq!(decode(b" \n\r\n\t "), Err(Refused::Empty));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\nxxxx"),
            Err(Refused::Binary(_))
        ));
        assert!(matches!(decode(&[0u8; 4096]), Err(Refused::Binary(_))));
        // Pseudo-random bytes.
        let mut x: u32 = 12345;
        let noise: Vec<u8> = (0..65536)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8
            })
            .collect();
        assert!(
            matches!(decode(&noise), Err(Refused::Binary(_))),
            "{:?}",
            decode(&noise).map(|d| d.encoding)
        );
    }
}
