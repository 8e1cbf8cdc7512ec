//! The one sanitiser: untrusted article text → display-safe text.
//!
//! Policy (placeholder, to be completed): control characters are shown as
//! visible Unicode control pictures, tabs expand to spaces.

/// Make `s` safe to write to a terminal or embed in output.
pub fn display(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\t' => out.push_str("    "),
            '\u{1b}' => out.push('␛'),
            c if (c as u32) < 0x20 => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
            '\u{7f}' => out.push('␡'),
            c if ('\u{80}'..='\u{9f}').contains(&c) => out.push('�'),
            c => out.push(c),
        }
    }
    out
}
