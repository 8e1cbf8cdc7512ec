//! Display-safe, measured text: sanitised pieces split into graphemes with
//! exact terminal widths, and greedy word wrapping by display width.

use super::{Line, Style};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of one grapheme cluster, in terminal cells.
///
/// This is the rule ratatui's buffer applies (`unicode-width` of the cluster, plus one
/// for each halfwidth katakana sound mark, which terminals draw as a cell of its own),
/// so a line measured here occupies exactly as many cells when drawn.
pub fn grapheme_width(g: &str) -> usize {
    if g.len() == 1 {
        return usize::from(!g.as_bytes()[0].is_ascii_control());
    }
    g.width()
        + g.chars()
            .filter(|&c| c == '\u{FF9E}' || c == '\u{FF9F}')
            .count()
}

/// Display width of a string already made safe by [`crate::sanitize::display`].
pub fn display_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

/// Whether a grapheme is a place where a line may break (and that collapses to one space).
/// No-break spaces are not.
fn is_break_space(g: &str) -> bool {
    g.chars().next().is_some_and(|c| {
        c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}' | '\u{FEFF}')
    })
}

/// One visible grapheme — or a run of printable ASCII, one cell per byte — as a byte
/// range into [`Measured::buf`], with its width and style.
#[derive(Clone, Copy, Debug)]
struct Glyph {
    start: u32,
    end: u32,
    width: u8,
    style: Style,
    /// A collapsed run of whitespace (a possible line break).
    space: bool,
    /// A run of printable ASCII characters (`width` of them), not one grapheme.
    run: bool,
}

impl Glyph {
    /// The graphemes of this glyph, one by one (a run is split into its characters).
    fn each(self) -> impl Iterator<Item = Glyph> {
        let n = if self.run { self.end - self.start } else { 1 };
        (0..n).map(move |k| {
            if self.run {
                Glyph {
                    start: self.start + k,
                    end: self.start + k + 1,
                    width: 1,
                    run: false,
                    ..self
                }
            } else {
                self
            }
        })
    }
}

/// Sanitised text with a style per grapheme, ready to wrap.
#[derive(Clone, Debug, Default)]
pub struct Measured {
    buf: String,
    glyphs: Vec<Glyph>,
}

impl Measured {
    pub fn new() -> Measured {
        Measured::default()
    }

    /// Append untrusted `raw` text in `style`. It goes through the one sanitiser
    /// ([`crate::sanitize::display_line`]: line breaks become spaces, tabs expand,
    /// escapes and controls are shown visibly or removed); runs of whitespace collapse to
    /// one space; graphemes that take no cells are dropped (they would not be drawn either).
    pub fn push(&mut self, raw: &str, style: Style) {
        let safe = crate::sanitize::display_line(raw);
        for (k, word) in safe.split(' ').enumerate() {
            if k > 0 {
                self.push_space(style);
            }
            self.push_word(word, style);
        }
    }

    /// Append safe text with no ASCII space in it.
    fn push_word(&mut self, word: &str, style: Style) {
        if word.bytes().all(|b| b.is_ascii_graphic()) {
            // Fast path: printable ASCII is one cell per byte, kept as runs.
            let base = self.buf.len();
            for k in (0..word.len()).step_by(usize::from(u8::MAX)) {
                let n = (word.len() - k).min(usize::from(u8::MAX));
                let start = (base + k) as u32;
                self.glyphs.push(Glyph {
                    start,
                    end: start + n as u32,
                    width: n as u8,
                    style,
                    space: false,
                    run: true,
                });
            }
            self.buf.push_str(word);
            return;
        }
        {
            for g in word.graphemes(true) {
                if is_break_space(g) {
                    self.push_space(style);
                    continue;
                }
                if g.chars().any(char::is_control) {
                    // The sanitiser should never let one through; never draw it raw.
                    continue;
                }
                let w = grapheme_width(g);
                if w == 0 {
                    continue;
                }
                let start = self.buf.len() as u32;
                self.buf.push_str(g);
                self.glyphs.push(Glyph {
                    start,
                    end: self.buf.len() as u32,
                    width: w.min(u8::MAX as usize) as u8,
                    style,
                    space: false,
                    run: false,
                });
            }
        }
    }

    fn push_space(&mut self, style: Style) {
        if self.glyphs.last().is_some_and(|g| g.space) {
            return;
        }
        let start = self.buf.len() as u32;
        self.buf.push(' ');
        self.glyphs.push(Glyph {
            start,
            end: start + 1,
            width: 1,
            style,
            space: true,
            run: false,
        });
    }

    /// Empty it, keeping its allocations.
    pub fn clear(&mut self) {
        self.buf.clear();
        self.glyphs.clear();
    }

    /// Total display width (whitespace collapsed, nothing wrapped).
    pub fn width(&self) -> usize {
        self.glyphs.iter().map(|g| g.width as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.glyphs.iter().all(|g| g.space)
    }

    /// Wrap into lines of at most `width` cells (at least 1). Breaks at spaces; a word
    /// longer than a line is broken between graphemes. Each line comes with its width;
    /// and its width; lines are not padded. Leading and trailing spaces are dropped.
    pub fn wrap(&self, width: usize) -> Vec<(Line, usize)> {
        let width = width.max(1);
        let mut out = Vec::new();
        let mut line = LineBuf {
            line: Line::with_capacity(None, width.min(512) * 3 / 2, 4),
            width: 0,
        };
        let glyphs = &self.glyphs;
        let mut i = 0;
        while i < glyphs.len() {
            if glyphs[i].space {
                i += 1;
                continue;
            }
            // A word: glyphs[i..j], preceded by a space if glyphs[i-1] is one.
            let mut j = i;
            let mut ww = 0;
            while j < glyphs.len() && !glyphs[j].space {
                ww += glyphs[j].width as usize;
                j += 1;
            }
            let space = (i > 0 && glyphs[i - 1].space).then(|| glyphs[i - 1]);
            let sp = usize::from(line.width > 0 && space.is_some());
            if line.width + sp + ww <= width {
                if sp == 1 {
                    line.push(&self.buf, space.unwrap_or(glyphs[i]));
                }
                line.push_word(&self.buf, &glyphs[i..j], ww);
            } else if ww <= width {
                out.push(line.take(width));
                line.push_word(&self.buf, &glyphs[i..j], ww);
            } else {
                // Longer than a whole line: fill the current line, then break anywhere.
                if line.width + sp + 1 > width {
                    out.push(line.take(width));
                } else if sp == 1 {
                    line.push(&self.buf, space.unwrap_or(glyphs[i]));
                }
                for g in glyphs[i..j].iter().flat_map(|g| g.each()) {
                    let gw = g.width as usize;
                    if line.width + gw.min(width) > width {
                        out.push(line.take(width));
                    }
                    if gw > width {
                        // Too wide for the column at all (a wide glyph in a 1-cell column).
                        line.push_str("·", 1, g.style);
                    } else {
                        line.push(&self.buf, g);
                    }
                }
            }
            i = j;
        }
        if line.width > 0 || out.is_empty() {
            out.push(line.take(width));
        }
        out
    }
}

/// A line being built from glyphs.
#[derive(Default)]
struct LineBuf {
    line: Line,
    width: usize,
}

impl LineBuf {
    fn push(&mut self, buf: &str, g: Glyph) {
        self.push_str(
            &buf[g.start as usize..g.end as usize],
            g.width as usize,
            g.style,
        );
    }

    /// Push a whole word (contiguous glyphs) of width `w`, one slice per style.
    fn push_word(&mut self, buf: &str, word: &[Glyph], w: usize) {
        let mut k = 0;
        while k < word.len() {
            let style = word[k].style;
            let mut e = k + 1;
            while e < word.len() && word[e].style == style {
                e += 1;
            }
            let text = &buf[word[k].start as usize..word[e - 1].end as usize];
            self.line.push(text, style);
            k = e;
        }
        self.width += w;
    }

    fn push_str(&mut self, s: &str, w: usize, style: Style) {
        self.line.push(s, style);
        self.width += w;
    }

    fn take(&mut self, width: usize) -> (Line, usize) {
        let w = std::mem::take(&mut self.width);
        let next = Line::with_capacity(None, width.min(512) * 3 / 2, 4);
        (std::mem::replace(&mut self.line, next), w)
    }
}

/// Cut already-safe text to at most `width` cells, ending with `…` when cut.
/// Returns the text and its width.
pub fn truncate(safe: &str, width: usize) -> (String, usize) {
    let total = display_width(safe);
    if total <= width {
        return (safe.to_string(), total);
    }
    if width == 0 {
        return (String::new(), 0);
    }
    let mut out = String::new();
    let mut w = 0;
    for g in safe.graphemes(true) {
        let gw = grapheme_width(g);
        if gw == 0 || g.chars().any(char::is_control) {
            continue;
        }
        if w + gw > width - 1 {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    out.push('…');
    (out, w + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(m: &Measured, w: usize) -> Vec<String> {
        m.wrap(w)
            .into_iter()
            .map(|(line, lw)| {
                let s = line.plain().to_string();
                assert_eq!(display_width(&s), lw, "width of {s:?}");
                assert!(lw <= w.max(1), "{s:?} wider than {w}");
                s
            })
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        let mut m = Measured::new();
        m.push("the quick brown fox jumps", Style::Text);
        assert_eq!(lines(&m, 10), ["the quick", "brown fox", "jumps"]);
        assert_eq!(lines(&m, 100), ["the quick brown fox jumps"]);
    }

    #[test]
    fn breaks_long_words_and_urls() {
        let mut m = Measured::new();
        m.push("see https://example.com/a/very/long/path now", Style::Text);
        let l = lines(&m, 8);
        assert_eq!(
            l.concat().replace(' ', ""),
            "seehttps://example.com/a/very/long/pathnow"
        );
        assert!(l.iter().all(|s| display_width(s) <= 8));
    }

    #[test]
    fn wide_and_combining_characters() {
        let mut m = Measured::new();
        m.push("日本語のテキストです e\u{301}te\u{301}", Style::Text);
        for w in 1..12 {
            for s in lines(&m, w) {
                assert!(display_width(&s) <= w);
            }
        }
        // A wide glyph never straddles the edge: width 5 holds two of them.
        assert_eq!(lines(&m, 5)[0], "日本");
        assert!(lines(&m, 12).last().unwrap().contains("e\u{301}te\u{301}"));
    }

    #[test]
    fn collapses_whitespace_and_line_breaks() {
        let mut m = Measured::new();
        m.push("a \t b\r\n\n c", Style::Text);
        assert_eq!(lines(&m, 20), ["a b c"]);
    }

    #[test]
    fn controls_never_pass() {
        let mut m = Measured::new();
        m.push("red \u{1b}[31m text \u{7}\u{9b}2J", Style::Text);
        for s in lines(&m, 7) {
            assert!(!s.chars().any(char::is_control), "{s:?}");
        }
    }

    #[test]
    fn styles_follow_the_text() {
        let mut m = Measured::new();
        m.push("same ", Style::Text);
        m.push("gone", Style::Removed);
        let (line, _) = m.wrap(40).remove(0);
        let runs: Vec<_> = line.runs().collect();
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[1].text, "gone");
        assert_eq!(runs[1].style, Style::Removed);
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("hello world", 5), ("hell…".to_string(), 5));
        assert_eq!(truncate("日本語", 4), ("日…".to_string(), 3));
        assert_eq!(truncate("abc", 3), ("abc".to_string(), 3));
        assert_eq!(truncate("abc", 0), (String::new(), 0));
    }
}
