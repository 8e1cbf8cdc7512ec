//! The hostile article fixture shared by the hostile-input tests, and a checker for the
//! bytes a program writes to a terminal.

#![allow(dead_code)]

use std::path::Path;

/// An article whose text tries every trick against a terminal.
pub fn hostile_text() -> String {
    let long_word: String = "x".repeat(5000);
    let long_url = format!("https://example.com/{}", "a/".repeat(2490));
    format!(
        "Clear screen \x1b[2J headline \x1b[31mred\x1b[0m here\n\n\
         The minister said \x1b]52;c;ZWNobyBwd25lZA==\x07 nothing about the clipboard. \
         A device control \x1bPq#0;2;0;0;0#0~~@@vv@@~~\x1b\\ string follows. \
         An eight-bit CSI \u{9b}2J appears here, and an OSC in C1 \u{9d}0;title\u{9c} too.\n\n\
         Controls: NUL \0 BEL \x07 BS \x08 VT \x0b FF \x0c SO \x0e DEL \x7f C1 \u{85}\u{8d}\u{90}x\u{9c}\u{9f} end. \
         Bidi \u{202e}override\u{202c} and isolates \u{2066}\u{2067}\u{2068}text\u{2069} and LRM \u{200e}. \
         Zero\u{200b}width\u{2060}joiner\u{feff}here.\n\n\
         Tabs\there\tand\tthere. 中文报道称东京的会议已经结束。 Combining e\u{301}\u{301}\u{301} and a\u{20dd}. \
         Emoji 👩‍👩‍👧‍👦 🏳️‍🌈 🇸🇪 👍🏽 in the text.\n\n\
         A long word {long_word} ends here. A long URL {long_url} too.\n\n\
         The council met on Monday and approved the budget for the harbour.\n"
    )
}

/// A calmer article that shares some sentences with the hostile one.
pub fn calm_text() -> String {
    "Calm headline\n\n\
     The minister said nothing about the clipboard. \
     The council met on Monday and approved the budget for the harbour. \
     Tabs here and there. 中文报道称东京的会议已经结束。\n"
        .to_string()
}

/// Write a file, creating parents.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// What was wrong with a stream of terminal output.
#[derive(Debug)]
pub struct Leak {
    pub offset: usize,
    pub what: String,
    pub context: String,
}

/// Check that `out` holds no escape sequence except the ones a terminal backend emits for
/// cursor movement, colours, attributes, screen modes and clearing: every ESC starts a CSI
/// (`ESC [`) whose parameters are digits, `;` or `:` (optionally with a leading `?`) and whose
/// final byte is one of `A-H J K m h l` etc.; no OSC/DCS/SOS/PM/APC, no other ESC sequence,
/// no C1 control (U+0080–U+009F, including the one-byte CSI 0x9B in any encoding), no DEL,
/// no C0 control other than ESC, CR, LF (and BS/TAB only if `allow_tab`), no bidi controls.
pub fn check_terminal_bytes(out: &[u8], allow_tab: bool) -> Result<(), Leak> {
    let leak = |i: usize, what: &str| Leak {
        offset: i,
        what: what.to_string(),
        context: String::from_utf8_lossy(&out[i.saturating_sub(40)..(i + 40).min(out.len())])
            .into_owned(),
    };
    let text = match std::str::from_utf8(out) {
        Ok(t) => t,
        Err(e) => {
            return Err(leak(
                e.valid_up_to(),
                "invalid UTF-8 (a raw 8-bit C1 byte?)",
            ));
        }
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == 0x1b {
            if bytes.get(i + 1) != Some(&b'[') {
                return Err(leak(
                    i,
                    "ESC not followed by [ (OSC, DCS, or another escape)",
                ));
            }
            let mut j = i + 2;
            if bytes.get(j) == Some(&b'?') {
                j += 1;
            }
            while j < bytes.len()
                && (bytes[j].is_ascii_digit() || bytes[j] == b';' || bytes[j] == b':')
            {
                j += 1;
            }
            match bytes.get(j) {
                Some(f) if b"ABCDEFGHJKSTfmhlrqsu".contains(f) => i = j + 1,
                _ => return Err(leak(i, "CSI with unexpected parameters or final byte")),
            }
            continue;
        }
        if b < 0x20 && !(b == b'\r' || b == b'\n' || (allow_tab && b == b'\t')) {
            return Err(leak(i, &format!("C0 control 0x{b:02x}")));
        }
        if b == 0x7f {
            return Err(leak(i, "DEL"));
        }
        if b >= 0x80 {
            let c = text[i..].chars().next().unwrap();
            let u = c as u32;
            if (0x80..=0x9f).contains(&u) {
                return Err(leak(i, &format!("C1 control U+{u:04X}")));
            }
            if matches!(u, 0x202a..=0x202e | 0x2066..=0x2069) {
                return Err(leak(i, &format!("bidi control U+{u:04X}")));
            }
            i += c.len_utf8();
            continue;
        }
        i += 1;
    }
    Ok(())
}

/// Panic with a readable message if `out` leaks anything.
pub fn assert_clean(out: &[u8], what: &str) {
    if let Err(l) = check_terminal_bytes(out, false) {
        panic!(
            "{what}: {} at byte {}; around it: {:?}",
            l.what, l.offset, l.context
        );
    }
}
