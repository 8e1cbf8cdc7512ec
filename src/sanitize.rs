//! The one sanitiser: untrusted article text → display-safe text.
//!
//! Every output path (TUI, stdout, error messages, HTML) passes untrusted text
//! through this module; HTML output additionally escapes with [`html`].
//!
//! # Policy
//!
//! | input | output |
//! |---|---|
//! | ESC and a whole escape sequence after it: CSI (`ESC [` … final byte), OSC (`ESC ]`), DCS (`ESC P`), SOS (`ESC X`), PM (`ESC ^`), APC (`ESC _`) up to their terminator (BEL, ST = `ESC \` or U+009C, within 4096 characters), and two/three-byte escapes such as `ESC ( B`, `ESC 7`, `ESC c` | one `␛` (U+241B); the sequence's bytes are dropped. A control string left unterminated (a line break, another ESC or the end comes first) keeps its text: only `ESC ]` (or `ESC P`, …) becomes `␛` |
//! | the one-character C1 introducers U+009B (CSI), U+009D (OSC), U+0090 (DCS), U+0098 (SOS), U+009E (PM), U+009F (APC) with their sequence | one `␛` |
//! | tab | spaces to the next tab stop; tab stops every [`TAB_WIDTH`] columns, counted in display width from the start of the line (of the string, for [`display_line`]) |
//! | line breaks: LF, CRLF, lone CR, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029) | [`display`]: one `\n`; [`display_line`]: one space |
//! | other C0 controls (U+0000–U+001F) | the matching control picture U+2400–U+241F, e.g. NUL → `␀`, BEL → `␇`, FF → `␌` |
//! | DEL (U+007F) | `␡` (U+2421) |
//! | other C1 controls (U+0080–U+009F) | `�` (U+FFFD) |
//! | bidi embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069 | a visible marker naming it: `⟪LRE⟫ ⟪RLE⟫ ⟪PDF⟫ ⟪LRO⟫ ⟪RLO⟫ ⟪LRI⟫ ⟪RLI⟫ ⟪FSI⟫ ⟪PDI⟫` |
//! | bidi marks: U+200E LRM, U+200F RLM, U+061C ALM | removed (they are invisible and common in right-to-left news text) |
//! | zero-width and invisible characters: U+200B, U+2060–U+2064, U+206A–U+206F, U+FEFF, U+180E, U+FFF9–U+FFFB, tag characters U+E0000–U+E007F (except inside an emoji tag sequence starting with 🏴 U+1F3F4) | removed |
//! | U+200C ZWNJ and U+200D ZWJ | kept between two non-ASCII, non-space characters (emoji ZWJ sequences, Indic and Arabic shaping), removed elsewhere |
//! | everything else, including wide (CJK) characters, combining marks, emoji and variation selectors | unchanged |
//!
//! So every character of the output (other than `\n` from [`display`]) has a
//! defined display width (`unicode_width::UnicodeWidthChar::width` is `Some`),
//! and the output never contains ESC, C0 or C1 controls, DEL or bidi controls.
//! Sanitising is idempotent: `display(display(s)) == display(s)`.
//!
//! Both functions return [`Cow::Borrowed`] when the input is already safe, so
//! they are cheap to call per line while rendering.

use std::borrow::Cow;
use unicode_width::UnicodeWidthChar;

/// Columns between tab stops.
pub const TAB_WIDTH: usize = 4;

/// The marker shown in place of an escape sequence.
pub const ESC_MARKER: char = '␛';

/// Make `s` safe to write to a terminal or embed in output. Line breaks are
/// kept (normalised to `\n`); see the [module policy](self).
pub fn display(s: &str) -> Cow<'_, str> {
    sanitize(s, Mode::Multiline)
}

/// Like [`display`], for text shown on one line: every line break becomes one space.
pub fn display_line(s: &str) -> Cow<'_, str> {
    sanitize(s, Mode::Line)
}

/// Whether `s` is already display-safe, i.e. [`display`] would return it unchanged.
pub fn is_safe(s: &str) -> bool {
    clean_prefix(s, Mode::Multiline) == s.len()
}

/// [`display`] followed by HTML escaping of `& < > " '`.
pub fn html(s: &str) -> String {
    let safe = display(s);
    let mut out = String::with_capacity(safe.len() + 16);
    for c in safe.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Make serialised JSON safe to print to a terminal without changing its value: every
/// character JSON leaves raw but a terminal would act on — DEL, C1 controls (including the
/// one-byte CSI U+009B), bidi controls and marks (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) and U+2028/U+2029 — is written as a `\uXXXX` escape. serde_json already
/// escapes C0 controls (ESC included) and only emits non-ASCII inside strings, so the result
/// parses to the same value. Other text (CJK, emoji) stays readable.
pub fn json(serialised: &str) -> Cow<'_, str> {
    let risky = |c: char| matches!(c as u32, 0x7f..=0x9f | 0x061c | 0x200e | 0x200f | 0x2028..=0x202e | 0x2066..=0x2069);
    if !serialised.chars().any(risky) {
        return Cow::Borrowed(serialised);
    }
    let mut out = String::with_capacity(serialised.len() + 16);
    for c in serialised.chars() {
        if risky(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Multiline,
    Line,
}

/// Whether `c` may need rewriting. Conservative: `true` for everything the slow path touches.
#[inline]
fn suspicious(c: char, mode: Mode) -> bool {
    let u = c as u32;
    if u < 0x20 {
        return !(c == '\n' && mode == Mode::Multiline);
    }
    if u < 0x7f {
        return false;
    }
    matches!(u,
        0x7f..=0x9f
        | 0x061c
        | 0x180e
        | 0x200b..=0x200f
        | 0x2028..=0x202e
        | 0x2060..=0x206f
        | 0xfeff
        | 0xfff9..=0xfffb
        | 0xe0000..=0xe007f)
}

/// Length of the longest prefix of `s` that needs no change.
fn clean_prefix(s: &str, mode: Mode) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    // Fast path over printable ASCII.
    while i < bytes.len() {
        let b = bytes[i];
        if (0x20..0x7f).contains(&b) || (b == b'\n' && mode == Mode::Multiline) {
            i += 1;
            continue;
        }
        if b < 0x80 {
            return i;
        }
        break;
    }
    let mut prev: Option<char> = s[..i].chars().next_back();
    let mut in_tag_sequence = false;
    let mut iter = s[i..].char_indices().peekable();
    while let Some((off, c)) = iter.next() {
        if suspicious(c, mode) {
            // ZWJ / ZWNJ are fine in context, tag characters inside an emoji tag sequence.
            let next = iter.peek().map(|&(_, n)| n);
            let keep = match c {
                '\u{200c}' | '\u{200d}' => joiner_in_context(prev, next),
                '\u{e0020}'..='\u{e007f}' => in_tag_sequence,
                _ => false,
            };
            if !keep {
                return i + off;
            }
        }
        in_tag_sequence = match c {
            '\u{1f3f4}' => true,
            '\u{e0020}'..='\u{e007f}' => in_tag_sequence,
            _ => false,
        };
        prev = Some(c);
    }
    s.len()
}

fn joiner_in_context(prev: Option<char>, next: Option<char>) -> bool {
    let ok = |c: Option<char>| {
        c.is_some_and(|c| {
            !c.is_ascii() && !c.is_whitespace() && !suspicious(c, Mode::Line) && !c.is_control()
        })
    };
    ok(prev) && ok(next)
}

fn sanitize(s: &str, mode: Mode) -> Cow<'_, str> {
    let start = clean_prefix(s, mode);
    if start == s.len() {
        return Cow::Borrowed(s);
    }
    let mut out = Writer {
        buf: String::with_capacity(s.len() + 16),
        col: None,
    };
    out.buf.push_str(&s[..start]);
    let chars: Vec<char> = s[start..].chars().collect();
    let mut prev_in = s[..start].chars().next_back();
    let mut in_tag_sequence = prev_in == Some('\u{1f3f4}');
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let u = c as u32;
        let mut consumed = 1;
        match c {
            '\n' => out.newline(mode),
            '\r' => {
                if next == Some('\n') {
                    consumed = 2;
                }
                out.newline(mode);
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => out.newline(mode),
            '\t' => out.tab(),
            '\u{1b}' => {
                consumed = 1 + escape_len(&chars[i + 1..]);
                out.push(ESC_MARKER);
            }
            '\u{9b}' => {
                consumed = 1 + csi_len(&chars[i + 1..]);
                out.push(ESC_MARKER);
            }
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                consumed = 1 + string_len(&chars[i + 1..]);
                out.push(ESC_MARKER);
            }
            _ if u < 0x20 => out.push(char::from_u32(0x2400 + u).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('␡'),
            _ if (0x80..=0x9f).contains(&u) => out.push('\u{fffd}'),
            '\u{202a}' => out.push_str("⟪LRE⟫"),
            '\u{202b}' => out.push_str("⟪RLE⟫"),
            '\u{202c}' => out.push_str("⟪PDF⟫"),
            '\u{202d}' => out.push_str("⟪LRO⟫"),
            '\u{202e}' => out.push_str("⟪RLO⟫"),
            '\u{2066}' => out.push_str("⟪LRI⟫"),
            '\u{2067}' => out.push_str("⟪RLI⟫"),
            '\u{2068}' => out.push_str("⟪FSI⟫"),
            '\u{2069}' => out.push_str("⟪PDI⟫"),
            '\u{200c}' | '\u{200d}' => {
                if joiner_in_context(prev_in, next) {
                    out.push(c);
                }
            }
            '\u{e0000}'..='\u{e007f}' => {
                if in_tag_sequence && c != '\u{e0001}' {
                    out.push(c);
                }
            }
            c if suspicious(c, Mode::Line) => {} // the remaining invisible characters: removed
            c => out.push(c),
        }
        let last = chars[i + consumed - 1];
        in_tag_sequence = match last {
            '\u{1f3f4}' => true,
            '\u{e0020}'..='\u{e007f}' => in_tag_sequence,
            _ => false,
        };
        prev_in = Some(last);
        i += consumed;
    }
    Cow::Owned(out.buf)
}

struct Writer {
    buf: String,
    /// Display column since the last line break, computed lazily on the first tab.
    col: Option<usize>,
}

impl Writer {
    fn push(&mut self, c: char) {
        if let Some(col) = &mut self.col {
            *col += c.width().unwrap_or(0);
        }
        self.buf.push(c);
    }
    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push(c);
        }
    }
    fn newline(&mut self, mode: Mode) {
        match mode {
            Mode::Multiline => {
                self.buf.push('\n');
                self.col = Some(0);
            }
            Mode::Line => self.push(' '),
        }
    }
    fn tab(&mut self) {
        let col = match self.col {
            Some(c) => c,
            None => {
                let line = match self.buf.rfind('\n') {
                    Some(p) => &self.buf[p + 1..],
                    None => &self.buf[..],
                };
                unicode_width::UnicodeWidthStr::width(line)
            }
        };
        let n = TAB_WIDTH - col % TAB_WIDTH;
        for _ in 0..n {
            self.buf.push(' ');
        }
        self.col = Some(col + n);
    }
}

/// Byte length of the escape sequence (or control string) that starts `s` — ESC or a C1
/// introducer, and what [`display`] drops with it, so the whole of it shows as one `␛` —,
/// or 0 when `s` starts with none. The tokenizer keeps such a sequence one token, so no
/// word, figure or diff boundary falls inside it.
pub fn escape_sequence_len(s: &str) -> usize {
    let Some(c) = s.chars().next() else {
        return 0;
    };
    let rest = || -> Vec<char> { s[c.len_utf8()..].chars().take(MAX_STRING + 2).collect() };
    let (rest, n) = match c {
        '\u{1b}' => {
            let r = rest();
            let n = escape_len(&r);
            (r, n)
        }
        '\u{9b}' => {
            let r = rest();
            let n = csi_len(&r);
            (r, n)
        }
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
            let r = rest();
            let n = string_len(&r);
            (r, n)
        }
        _ => return 0,
    };
    c.len_utf8() + rest[..n].iter().map(|c| c.len_utf8()).sum::<usize>()
}

/// Length (in chars) of an escape sequence after ESC, not counting the ESC.
fn escape_len(rest: &[char]) -> usize {
    match rest.first() {
        Some('[') => 1 + csi_len(&rest[1..]),
        Some(']' | 'P' | 'X' | '^' | '_') => 1 + string_len(&rest[1..]),
        // nF: intermediates 0x20–0x2F then a final 0x30–0x7E.
        Some(&c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            let n = rest
                .iter()
                .take_while(|c| ('\u{20}'..='\u{2f}').contains(*c))
                .count();
            match rest.get(n) {
                Some(f) if ('\u{30}'..='\u{7e}').contains(f) => n + 1,
                _ => n,
            }
        }
        // Fp / Fe / Fs: one final byte.
        Some(&c) if ('\u{30}'..='\u{7e}').contains(&c) => 1,
        _ => 0,
    }
}

/// Length of a CSI sequence's body after the introducer: parameters 0x30–0x3F,
/// intermediates 0x20–0x2F and a final byte 0x40–0x7E. A malformed sequence
/// ends before the first character that does not fit.
fn csi_len(rest: &[char]) -> usize {
    let mut n = 0;
    while let Some(&c) = rest.get(n) {
        match c {
            '\u{30}'..='\u{3f}' | '\u{20}'..='\u{2f}' => n += 1,
            '\u{40}'..='\u{7e}' => return n + 1,
            _ => return n,
        }
    }
    n
}

/// Length of a control string's body (OSC, DCS, SOS, PM, APC) including its
/// terminator: BEL, ST (`ESC \` or U+009C), within [`MAX_STRING`] characters. A string
/// left unterminated — another ESC, a line break or the end come first, or it runs on past
/// the bound — has no body: only its introducer is replaced, so it cannot swallow the
/// text after it (a stray U+009D in mis-decoded text hid the rest of its sentence).
fn string_len(rest: &[char]) -> usize {
    let mut n = 0;
    while let Some(&c) = rest.get(n).filter(|_| n < MAX_STRING) {
        match c {
            '\u{7}' | '\u{9c}' => return n + 1,
            '\u{1b}' => {
                return if rest.get(n + 1) == Some(&'\\') {
                    n + 2
                } else {
                    0
                };
            }
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => return 0,
            _ => n += 1,
        }
    }
    0
}

/// The longest control string body dropped whole (an OSC 8 hyperlink with a long URL fits).
const MAX_STRING: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        for s in [
            "plain ascii",
            "two\nlines",
            "“quotes” – dash é 漢字 🙂",
            "👨\u{200d}👩\u{200d}👧 family",
        ] {
            assert!(matches!(display(s), Cow::Borrowed(_)), "{s:?}");
            assert!(is_safe(s));
        }
        assert!(matches!(display_line("a\nb"), Cow::Owned(_)));
    }

    #[test]
    fn escape_sequences_become_one_marker() {
        assert_eq!(display("a\x1b[31mred\x1b[0m b"), "a␛red␛ b");
        assert_eq!(display("\x1b]0;title\x07after"), "␛after");
        assert_eq!(
            display("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"),
            "␛link␛"
        );
        assert_eq!(display("x\u{9b}2Jy"), "x␛y");
        assert_eq!(display("\x1bPq#0;2;0;0;0\x1b\\z"), "␛z");
        assert_eq!(display("\x1b(Bq"), "␛q");
        assert_eq!(display("\x1b7\x1b8"), "␛␛");
        assert_eq!(display("end\x1b"), "end␛");
        // An unterminated control string has no body: its text stays, the next line too.
        assert_eq!(display("\x1b]0;evil\nnext"), "␛0;evil\nnext");
        assert_eq!(
            display("took \u{9d}part in the talks"),
            "took ␛part in the talks"
        );
        assert_eq!(display("a\u{9d}b\x1b[0mc"), "a␛b␛c");
        let long = format!("\u{9d}{}\x07tail", "x".repeat(MAX_STRING + 1));
        assert!(display(&long).ends_with("x\u{2407}tail"));
        // Malformed CSI: ends at the first non-CSI char, which is kept.
        assert_eq!(display("\x1b[12é"), "␛é");
    }

    #[test]
    fn escape_sequence_lengths_are_what_display_drops() {
        for (s, n) in [
            ("\x1b[31mred", 5),
            ("\x1b]0;a title\x07x", 12),
            ("\x1b]0;unterminated\nx", 2),
            ("\u{9b}2Jy", 4),
            ("\u{9d}x", 2),
            ("\x1b", 1),
            ("abc", 0),
            ("", 0),
        ] {
            assert_eq!(escape_sequence_len(s), n, "{s:?}");
            assert_eq!(display(&s[..n]), if n > 0 { "␛" } else { "" }, "{s:?}");
        }
    }

    #[test]
    fn controls_become_pictures() {
        assert_eq!(display("a\0b\x07c\x7f"), "a␀b␇c␡");
        assert_eq!(display("\u{80}x\u{9c}"), "\u{fffd}x\u{fffd}");
        assert_eq!(display("a\x0cb"), "a␌b");
    }

    #[test]
    fn line_breaks() {
        assert_eq!(display("a\r\nb\rc\u{2028}d\u{85}e"), "a\nb\nc\nd\ne");
        assert_eq!(display_line("a\r\nb\nc"), "a b c");
    }

    #[test]
    fn tabs_expand_to_stops_by_display_width() {
        assert_eq!(display("\tx"), "    x");
        assert_eq!(display("ab\tx"), "ab  x");
        assert_eq!(display("abcd\tx"), "abcd    x");
        assert_eq!(display("漢\tx"), "漢  x");
        assert_eq!(display("ab\ncd\te"), "ab\ncd  e");
        assert_eq!(display_line("ab\ncd\te"), "ab cd   e");
    }

    #[test]
    fn bidi_and_invisibles() {
        assert_eq!(display("abc\u{202e}fed"), "abc⟪RLO⟫fed");
        assert_eq!(display("\u{2066}x\u{2069}"), "⟪LRI⟫x⟪PDI⟫");
        assert_eq!(display("a\u{200f}b\u{200e}c\u{61c}"), "abc");
        assert_eq!(display("pay\u{200b}pal\u{feff}\u{2060}"), "paypal");
        assert_eq!(display("pay\u{200d}pal"), "paypal");
        // Emoji ZWJ sequence and Persian ZWNJ kept.
        assert_eq!(display("👨\u{200d}👩"), "👨\u{200d}👩");
        assert_eq!(display("می\u{200c}خواهم"), "می\u{200c}خواهم");
        // Tag characters: removed, except in an emoji tag sequence.
        assert_eq!(display("a\u{e0041}\u{e0042}b"), "ab");
        let flag = "\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}";
        assert_eq!(display(flag), flag);
        assert!(is_safe(flag));
    }

    #[test]
    fn wide_and_combining_kept() {
        let s = "e\u{301} 漢字 🇬🇧 👍🏽";
        assert_eq!(display(s), s);
    }

    #[test]
    fn html_escapes_after_sanitising() {
        assert_eq!(
            html("<b>\x1b[1m&'\"</b>"),
            "&lt;b&gt;␛&amp;&#39;&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn idempotent_on_markers() {
        let s = "\x1b[1m\u{202e}\0\t\u{9b}";
        let once = display(s).into_owned();
        assert_eq!(display(&once), once);
    }
}
