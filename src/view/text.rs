//! Display-safe, measured text: sanitised pieces split into graphemes with
//! exact terminal widths, and greedy word wrapping by display width.

use super::{Line, Style};
use std::ops::Range;
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

/// Whether `c` is a grapheme cluster of its own next to any character of this set: printable
/// ASCII, Latin-1 and Latin Extended-A letters and signs (not the soft hyphen, a control for
/// segmentation), general punctuation (dashes, curly quotes, ellipsis, primes, not the
/// spaces, joiners and controls around them) and the euro sign. None of them is a control,
/// Extend, ZWJ, SpacingMark, Prepend, Hangul or regional indicator, so UAX #29 breaks
/// between any two of them (rule GB999): a word made only of them needs no segmenting
/// (tested against `unicode-segmentation` on every pair).
fn is_lone_grapheme(c: char) -> bool {
    matches!(c,
        '\u{21}'..='\u{7e}'
        | '\u{a0}'..='\u{ac}'
        | '\u{ae}'..='\u{17f}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205e}'
        | '\u{20ac}')
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
        // Printable ASCII is display-safe as it is (the sanitiser returns it unchanged), so
        // `raw` is pushed as it stands while it is; at the first word with any other byte,
        // what was pushed is undone and the sanitised text is pushed instead.
        let (buf, glyphs) = (self.buf.len(), self.glyphs.len());
        if self.push_safe(raw, style, true) {
            return;
        }
        self.buf.truncate(buf);
        self.glyphs.truncate(glyphs);
        let safe = crate::sanitize::display_line(raw);
        self.push_safe(&safe, style, false);
    }

    /// Append safe text: the words between ASCII spaces (as `split(' ')` gives them), in
    /// one pass over the bytes. With `ascii_only`, stop at the first word that is not all
    /// printable ASCII and return false.
    fn push_safe(&mut self, safe: &str, style: Style, ascii_only: bool) -> bool {
        let bytes = safe.as_bytes();
        let mut start = 0;
        loop {
            let mut end = start;
            let mut ascii = true;
            while end < bytes.len() && bytes[end] != b' ' {
                ascii &= bytes[end].is_ascii_graphic();
                end += 1;
            }
            if ascii_only && !ascii {
                return false;
            }
            self.push_word(&safe[start..end], ascii, style);
            if end == bytes.len() {
                return true;
            }
            self.push_space(style);
            start = end + 1;
        }
    }

    /// Append safe text with no ASCII space in it (`ascii`: all of it is printable ASCII).
    fn push_word(&mut self, word: &str, ascii: bool, style: Style) {
        if ascii {
            // Fast path: printable ASCII is one cell per byte, kept as runs.
            let mut start = self.buf.len() as u32;
            self.buf.push_str(word);
            let end = self.buf.len() as u32;
            while start < end {
                let n = (end - start).min(u32::from(u8::MAX));
                self.glyphs.push(Glyph {
                    start,
                    end: start + n,
                    width: n as u8,
                    style,
                    space: false,
                    run: true,
                });
                start += n;
            }
            return;
        }
        if word.chars().all(is_lone_grapheme) {
            // Every character is a grapheme of its own: no need to segment.
            for (i, c) in word.char_indices() {
                self.push_grapheme(&word[i..i + c.len_utf8()], style);
            }
        } else {
            for g in word.graphemes(true) {
                self.push_grapheme(g, style);
            }
        }
    }

    /// Append one grapheme of safe text.
    fn push_grapheme(&mut self, g: &str, style: Style) {
        if is_break_space(g) {
            self.push_space(style);
            return;
        }
        if g.chars().any(char::is_control) {
            // The sanitiser should never let one through; never draw it raw.
            return;
        }
        let w = grapheme_width(g);
        if w == 0 {
            return;
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
        let mut w = Wrapped::default();
        self.wrap_into(width, &mut w);
        (0..w.len())
            .map(|k| {
                let mut line = Line::new(None);
                w.append_line(k, &mut line);
                (line, w.width(k))
            })
            .collect()
    }

    /// The width of what must share a line with `pieces[0]` by the line-breaking rules of
    /// Chinese and Japanese (kinsoku, JIS X 4051): the closing punctuation, small kana and
    /// marks that follow it ([`no_line_start`]), and, when it opens a bracket
    /// ([`no_line_end`]), the glyph after it too.
    fn unbreakable(&self, pieces: &[Glyph]) -> usize {
        let first = |g: &Glyph| {
            self.buf[g.start as usize..g.end as usize]
                .chars()
                .next()
                .unwrap_or(' ')
        };
        let mut n = 1;
        if pieces.len() > 1 && no_line_end(first(&pieces[0])) {
            n = 2;
        }
        while n < pieces.len() && no_line_start(first(&pieces[n])) {
            n += 1;
        }
        pieces[..n].iter().map(|g| g.width as usize).sum()
    }

    /// [`Measured::wrap`], appending the lines to `out` (all in its buffers: no allocation
    /// per line once they have grown).
    pub(crate) fn wrap_into(&self, width: usize, out: &mut Wrapped) {
        let width = width.max(1);
        let first = out.len();
        let mut line = LineBuf {
            out,
            src: &self.buf,
            pending: 0..0,
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
                    line.push(space.unwrap_or(glyphs[i]));
                }
                line.push_word(&glyphs[i..j], ww);
            } else if ww <= width {
                line.take();
                line.push_word(&glyphs[i..j], ww);
            } else {
                // Longer than a whole line: fill the current line, then break anywhere.
                if line.width + sp + 1 > width {
                    line.take();
                } else if sp == 1 {
                    line.push(space.unwrap_or(glyphs[i]));
                }
                let pieces: Vec<Glyph> = glyphs[i..j].iter().flat_map(|g| g.each()).collect();
                for (k, &g) in pieces.iter().enumerate() {
                    let gw = g.width as usize;
                    // (what must stay on one line with this glyph, when it fits on a line)
                    let keep = self.unbreakable(&pieces[k..]);
                    let need = if keep <= width { keep } else { gw.min(width) };
                    if line.width > 0 && line.width + need > width {
                        line.take();
                    }
                    if gw > width {
                        // Too wide for the column at all (a wide glyph in a 1-cell column).
                        line.push_str("·", 1, g.style);
                    } else {
                        line.push(g);
                    }
                }
            }
            i = j;
        }
        if line.width > 0 || line.out.len() == first {
            line.take();
        }
        line.flush();
    }
}

/// A character a line does not start with in Chinese and Japanese text: closing
/// punctuation and brackets, the middle dot, small kana, the prolonged sound mark and
/// iteration marks (JIS X 4051 line-start prohibitions, full-width forms).
fn no_line_start(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '，'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '）'
            | '〕'
            | '］'
            | '｝'
            | '〉'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〙'
            | '〗'
            | '〟'
            | '｠'
            | '・'
            | 'ー'
            | 'ゝ'
            | 'ゞ'
            | 'ヽ'
            | 'ヾ'
            | '々'
            | 'ぁ'
            | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ゕ'
            | 'ゖ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
    )
}

/// A character a line does not end with in Chinese and Japanese text: opening brackets
/// (full-width forms).
fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '（' | '〔' | '［' | '｛' | '〈' | '《' | '「' | '『' | '【' | '〘' | '〖' | '〝' | '｟'
    )
}

/// Wrapped lines stored back to back: the text of all of them in one buffer, the runs of
/// all of them in another (a run never spans two lines), and where each line ends.
#[derive(Clone, Debug, Default)]
pub(crate) struct Wrapped {
    text: String,
    /// The end (a byte offset into `text`) and style of each run.
    runs: Vec<(u32, Style)>,
    /// For each line: the end of its runs in `runs`, and its width.
    lines: Vec<(u32, usize)>,
}

impl Wrapped {
    /// Empty it, keeping its allocations.
    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.runs.clear();
        self.lines.clear();
    }

    /// The number of lines.
    pub(crate) fn len(&self) -> usize {
        self.lines.len()
    }

    /// The width of line `k`.
    pub(crate) fn width(&self, k: usize) -> usize {
        self.lines[k].1
    }

    /// Add an empty line.
    pub(crate) fn push_empty(&mut self) {
        self.lines.push((self.runs.len() as u32, 0));
    }

    /// The first run of the line being built (after the last finished line).
    fn open_runs(&self) -> usize {
        self.lines.last().map_or(0, |&(e, _)| e as usize)
    }

    /// Append the runs of line `k` to `out` (as [`Line::append`] of that line would).
    pub(crate) fn append_line(&self, k: usize, out: &mut Line) {
        let first = if k == 0 {
            0
        } else {
            self.lines[k - 1].0 as usize
        };
        let end = self.lines[k].0 as usize;
        let mut start = match first {
            0 => 0,
            f => self.runs[f - 1].0 as usize,
        };
        for &(e, style) in &self.runs[first..end] {
            out.push(&self.text[start..e as usize], style);
            start = e as usize;
        }
    }
}

/// A line being built from glyphs of `src` ([`Measured::buf`]), at the end of a
/// [`Wrapped`]. Text that follows on in `src` (a word, the space after it, the next word)
/// is copied in one piece when the line is finished or something else is pushed.
struct LineBuf<'a> {
    out: &'a mut Wrapped,
    src: &'a str,
    /// The text of `src` pushed but not yet copied to `out.text`.
    pending: Range<usize>,
    width: usize,
}

impl LineBuf<'_> {
    fn push(&mut self, g: Glyph) {
        self.push_src(g.start as usize..g.end as usize, g.style);
        self.width += g.width as usize;
    }

    /// Push a whole word (contiguous glyphs) of width `w`, one slice per style.
    fn push_word(&mut self, word: &[Glyph], w: usize) {
        let mut k = 0;
        while k < word.len() {
            let style = word[k].style;
            let mut e = k + 1;
            while e < word.len() && word[e].style == style {
                e += 1;
            }
            self.push_src(word[k].start as usize..word[e - 1].end as usize, style);
            k = e;
        }
        self.width += w;
    }

    /// Push text that is not in `src`.
    fn push_str(&mut self, s: &str, w: usize, style: Style) {
        self.flush();
        if !s.is_empty() {
            self.out.text.push_str(s);
            self.end_run(self.out.text.len(), style);
        }
        self.width += w;
    }

    /// Push `src[range]` in `style`.
    fn push_src(&mut self, range: Range<usize>, style: Style) {
        if range.is_empty() {
            return;
        }
        if range.start != self.pending.end {
            self.flush();
            self.pending = range.start..range.start;
        }
        self.pending.end = range.end;
        self.end_run(self.out.text.len() + self.pending.len(), style);
    }

    /// A run of `style` now ends at `end` (in `out.text` once pending text is copied):
    /// merged with the line's last run when the style is the same (as [`Line::push`]).
    fn end_run(&mut self, end: usize, style: Style) {
        let open = self.out.open_runs();
        let runs = &mut self.out.runs;
        let n = runs.len();
        match runs.last_mut() {
            Some((e, st)) if n > open && *st == style => *e = end as u32,
            _ => runs.push((end as u32, style)),
        }
    }

    /// Copy the pending text.
    fn flush(&mut self) {
        self.out.text.push_str(&self.src[self.pending.clone()]);
        self.pending.start = self.pending.end;
    }

    /// Finish the line being built.
    fn take(&mut self) {
        self.flush();
        let w = std::mem::take(&mut self.width);
        self.out.lines.push((self.out.runs.len() as u32, w));
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
    fn lone_graphemes_are_graphemes_next_to_each_other() {
        let set: Vec<char> = (0..=0x20ffu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_lone_grapheme(c))
            .collect();
        assert!(set.len() > 300);
        let mut s = String::new();
        for &a in &set {
            for &b in &set {
                s.clear();
                s.push(a);
                s.push(b);
                assert_eq!(s.graphemes(true).count(), 2, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn wrap_into_appends_lines_as_wrap_gives_them() {
        let mut m = Measured::new();
        m.push(
            "the “quick” brown fox jumps — over e\u{301}te\u{301} 日本語 x",
            Style::Text,
        );
        m.push(" gone", Style::Removed);
        for w in [1, 2, 5, 9, 80] {
            let mut out = Wrapped::default();
            out.push_empty();
            m.wrap_into(w, &mut out);
            m.wrap_into(w, &mut out);
            let one = m.wrap(w);
            assert_eq!(out.len(), 1 + 2 * one.len());
            for (k, (line, lw)) in one.iter().enumerate() {
                for at in [1 + k, 1 + one.len() + k] {
                    let mut got = Line::new(None);
                    out.append_line(at, &mut got);
                    assert_eq!((&got, out.width(at)), (line, *lw));
                }
            }
        }
    }

    #[test]
    fn cjk_lines_keep_their_punctuation() {
        // four あ fill a line of 8 cells, so 。 would start the next: the last あ goes with it
        let mut m = Measured::new();
        m.push("ああああ。いい", Style::Text);
        assert_eq!(lines(&m, 8), ["あああ", "あ。いい"]);
        // an opening bracket does not end a line
        let mut m = Measured::new();
        m.push("あああ「いい」", Style::Text);
        assert_eq!(lines(&m, 8), ["あああ", "「いい」"]);
        // a run too long for any line still breaks, and nothing is lost
        let mut m = Measured::new();
        m.push("あ。。。。。", Style::Text);
        assert_eq!(lines(&m, 4).concat(), "あ。。。。。");
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("hello world", 5), ("hell…".to_string(), 5));
        assert_eq!(truncate("日本語", 4), ("日…".to_string(), 3));
        assert_eq!(truncate("abc", 3), ("abc".to_string(), 3));
        assert_eq!(truncate("abc", 0), (String::new(), 0));
    }
}
