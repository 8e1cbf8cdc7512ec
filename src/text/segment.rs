//! Sentence and paragraph boundary detection.
//!
//! Two layers, both linear in the length of the text:
//!
//! 1. **Lines → blocks.** The text is cut into lines (`\n`, `\r\n`, lone `\r`, U+2028,
//!    U+0085; U+2029 and form feed end a paragraph). A blank line always ends a block.
//!    A single line break ends one too — the line is a heading, a caption, a list item,
//!    or the text is written one paragraph per line — unless the line's shape says the
//!    break is a soft wrap: the text is hard-wrapped at a fixed width and the line is
//!    full, or the next line continues it in lower case. Each block is a paragraph.
//! 2. **Punctuation → sentences.** Inside a block, every run of end punctuation
//!    (`.`, `!`, `?`, `…`, `‼`, `⁇`, `⁈`, `⁉`; CJK `。！？｡`; Devanagari `।` `॥`; Arabic
//!    `؟` and Urdu `۔`; Ethiopic `።` `፧`; Myanmar `။`; Armenian `։`; Greek `;` as the
//!    question mark when the language is Greek), with its closing quotes and brackets,
//!    is a candidate. It ends a sentence when the next word could start one, judged by
//!    the word before it (abbreviations per language, also after an elided article as in
//!    "l'Avv."; initials, acronyms such as U.S. or z.B., numbers, ordinals in German,
//!    Danish, Norwegian, Finnish, Hungarian and Turkish, a.m./p.m.), the word after it
//!    (lower case never starts a sentence, nor does a dash and lower case as in "«…?» –
//!    спросила мама"; after an abbreviation only a typical sentence opener such as "The"
//!    or "How" does), ellipsis conventions, and list markers ("1.", "a)", "•"). A colon
//!    after an Armenian word, before a word not in lower case, is the Armenian full stop
//!    typed as ":". A text's first block, when it is one short line without end
//!    punctuation, is its headline and stays whole ("… 150 sfollati. Giù la cima del
//!    campanile").
//!
//! Sentence spans are trimmed, non-empty, in order, and together cover every
//! non-whitespace character of the text exactly once.

use super::rules::{Rules, continues_time, fronts_time, rules_for};
use super::{Lang, Span};

/// The segmentation of one text: paragraphs and the sentences inside them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// Paragraph spans, in order, trimmed.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, in order, trimmed, each with the index of its paragraph.
    pub sentences: Vec<(Span, usize)>,
}

/// Segment `text` into paragraphs and sentences.
pub fn segment(text: &str, lang: Lang) -> Segmentation {
    let rules = rules_for(lang);
    let mut out = Segmentation::default();
    for block in blocks(text) {
        let p = out.paragraphs.len();
        split_block(text, block, p == 0, rules, &mut |span| {
            out.sentences.push((span, p))
        });
        out.paragraphs.push(block);
    }
    out
}

/// Split `text` into sentence spans (relative to `text`), trimmed of surrounding whitespace.
///
/// Line structure counts: a heading or caption on its own line is a sentence even without
/// end punctuation, while hard-wrapped prose is joined across line breaks.
pub fn split_sentences(text: &str, lang: Lang) -> Vec<Span> {
    let rules = rules_for(lang);
    let mut out = Vec::new();
    for (k, block) in blocks(text).into_iter().enumerate() {
        split_block(text, block, k == 0, rules, &mut |span| out.push(span));
    }
    out
}

/// Paragraph spans of `text`: blocks separated by blank lines, or by single line breaks
/// where the line's shape shows the break is not a soft wrap (see the module docs).
pub fn split_paragraphs(text: &str) -> Vec<Span> {
    blocks(text)
}

// ---------------------------------------------------------------------------------------
// Lines and blocks
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Line {
    /// Trimmed content (start == end for a blank line).
    start: usize,
    end: usize,
    /// Length of the trimmed content in chars.
    chars: usize,
    /// The content is followed by whitespace before the line break.
    trailing_space: bool,
    /// A paragraph separator (U+2029, form feed) ends this line.
    hard_after: bool,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.start >= self.end
    }
}

/// Cut `text` into lines, recognising `\n`, `\r\n`, `\r`, U+0085, U+2028 (line breaks) and
/// U+2029, form feed, vertical tab (paragraph breaks).
fn lines(text: &str) -> Vec<Line> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        if !LINE_BYTES[usize::from(b[i])] {
            i = skip_words(b, i + 1, |x| {
                has_less(x, 0x0E) | has_byte(x, 0xC2) | has_byte(x, 0xE2)
            });
            continue;
        }
        let (len, hard) = match b[i] {
            b'\n' => (1, false),
            b'\r' => (if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 }, false),
            0x0b | 0x0c => (1, true),
            0xC2 if b.get(i + 1) == Some(&0x85) => (2, false),
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => {
                (3, b[i + 2] == 0xA9)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push(make_line(text, start, i, hard));
        i += len;
        start = i;
    }
    if start < b.len() {
        out.push(make_line(text, start, b.len(), false));
    }
    out
}

fn make_line(text: &str, start: usize, end: usize, hard_after: bool) -> Line {
    let raw = &text[start..end];
    let body = raw.trim();
    if body.is_empty() {
        return Line {
            start,
            end: start,
            chars: 0,
            trailing_space: false,
            hard_after,
        };
    }
    let s = start + (raw.len() - raw.trim_start().len());
    let e = s + body.len();
    Line {
        start: s,
        end: e,
        chars: char_count(body.as_bytes()),
        trailing_space: e < end,
        hard_after,
    }
}

/// Paragraph blocks of `text`.
fn blocks(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let wrap = wrap_width(text, &lines);
    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    let mut prev: Option<&Line> = None;
    for line in &lines {
        if line.is_blank() {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            prev = None;
            continue;
        }
        match (cur.as_mut(), prev) {
            (Some(b), Some(p))
                if !p.hard_after
                    && soft_break(text, p, line, wrap, starts_with_bullet(b.slice(text))) =>
            {
                b.end = line.end;
            }
            _ => {
                if let Some(b) = cur.take() {
                    out.push(b);
                }
                cur = Some(Span::new(line.start, line.end));
            }
        }
        prev = Some(line);
        if line.hard_after {
            if let Some(b) = cur.take() {
                out.push(b);
            }
            prev = None;
        }
    }
    if let Some(b) = cur {
        out.push(b);
    }
    split_date_marker(text, &mut out);
    out
}

/// A text that starts with a `date YYYY-MM-DD` marker (the corpus convention for an
/// article's date) gets the marker as a block of its own.
fn split_date_marker(text: &str, blocks: &mut Vec<Span>) {
    let Some(first) = blocks.first().copied() else {
        return;
    };
    let s = first.slice(text);
    let Some(len) = date_marker_len(s) else {
        return;
    };
    let rest = &s[len..];
    let lead = rest.len() - rest.trim_start().len();
    if lead == rest.len() {
        return;
    }
    blocks[0] = Span::new(first.start, first.start + len);
    blocks.insert(1, Span::new(first.start + len + lead, first.end));
}

/// Length of a leading `date YYYY-MM-DD` (or `Date: YYYY-MM-DD`) followed by whitespace.
fn date_marker_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 15 || !b[..4].eq_ignore_ascii_case(b"date") {
        return None;
    }
    let mut i = 4;
    if b[i] == b':' {
        i += 1;
    }
    let ws = b[i..]
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t'))
        .count();
    if ws == 0 {
        return None;
    }
    i += ws;
    let d = b.get(i..i + 10)?;
    let shape = d.iter().enumerate().all(|(k, c)| match k {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    let end = i + 10;
    let after_ok = b.get(end).is_none_or(|c| c.is_ascii_whitespace());
    (shape && after_ok).then_some(end)
}

/// If the text is hard-wrapped at a fixed width, that width (in chars).
///
/// Looks at lines followed by another line of the same block. In wrapped prose many of
/// them are nearly as long as the longest, end mid-sentence, and are often continued in
/// lower case; a column of headings or one-sentence lines is not.
fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    let mut lens = Vec::new();
    for w in lines.windows(2) {
        let (l, n) = (&w[0], &w[1]);
        if !l.is_blank() && !n.is_blank() && !l.hard_after {
            lens.push(l.chars);
        }
    }
    if lens.len() < 2 {
        return None;
    }
    let mut sorted = lens.clone();
    sorted.sort_unstable();
    let width = sorted[(sorted.len() - 1) * 95 / 100];
    if !(30..=150).contains(&width) {
        return None;
    }
    let (mut wrapped, mut lower_next) = (0usize, 0usize);
    for w in lines.windows(2) {
        let (l, n) = (&w[0], &w[1]);
        if l.is_blank() || n.is_blank() || l.hard_after {
            continue;
        }
        if l.chars * 10 >= width * 8 && !ends_with_terminal(&text[l.start..l.end]) {
            wrapped += 1;
            if text[n.start..n.end].starts_with(char::is_lowercase) {
                lower_next += 1;
            }
        }
    }
    // A short text may have only two wrapped lines; then every line must look wrapped.
    let enough = wrapped >= 3 || (wrapped == 2 && lens.len() == 2 && width >= 50);
    (enough && wrapped * 10 >= lens.len() * 4 && lower_next * 4 >= wrapped).then_some(width)
}

/// Is the line break between `l` and `n` (both non-blank) a soft wrap inside a paragraph?
///
/// `in_list` says the current block began with a bullet: then a line starting with a dash
/// is the next item, while in wrapped prose it may be a dash wrapped to the line start.
fn soft_break(text: &str, l: &Line, n: &Line, wrap: Option<usize>, in_list: bool) -> bool {
    let ls = &text[l.start..l.end];
    let ns = &text[n.start..n.end];
    let dash = ns.starts_with(['-', '–', '—']);
    if starts_with_bullet(ns) && (in_list || wrap.is_none() || !dash) {
        return false;
    }
    if let Some(width) = wrap {
        // Greedy wrapping moves a word to the next line only when it does not fit. A
        // number may be wrapped to the start of a line ("fell\n3.9 percent"), so only a
        // line that ends early makes "3." a list item.
        let next_word = ns
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        if l.chars + 1 + next_word + width / 10 >= width {
            return true;
        }
    }
    if starts_list_item(ns) {
        return false;
    }
    if ends_with_terminal(ls) {
        return false;
    }
    let (Some(first), Some(last)) = (ns.chars().next(), ls.chars().next_back()) else {
        return false;
    };
    if first.is_lowercase() {
        if l.trailing_space || matches!(last, ',' | ';' | '&') {
            return true;
        }
        if matches!(last, '-' | '\u{2010}' | '\u{00AD}')
            && ls[..ls.len() - last.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            return true;
        }
        return ls.split_whitespace().nth(2).is_some();
    }
    // Scripts written without spaces wrap anywhere.
    is_unspaced_script(last) && is_unspaced_script(first)
}

/// Does the line begin with a bullet ("- x", "• x", "* x")?
fn starts_with_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if is_bullet(c) => true,
        Some('-' | '*' | '+' | '–' | '—') => chars.next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// Does the line begin like a list item ("- x", "• x", "1. x", "2) x", "(a) x")?
fn starts_list_item(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    if is_bullet(c) {
        return true;
    }
    let second = chars.next();
    if matches!(c, '-' | '*' | '+' | '–' | '—') {
        return second.is_none_or(char::is_whitespace);
    }
    let b = s.as_bytes();
    let mut i = usize::from(b[0] == b'(');
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let letter = digits == 0 && b.get(i).is_some_and(u8::is_ascii_alphabetic);
    if !(1..=3).contains(&digits) && !letter {
        return false;
    }
    i += if letter { 1 } else { digits };
    let close = match b.get(i) {
        Some(b')') => true,
        Some(b'.') if !letter => false,
        _ => return false,
    };
    i += 1;
    if !close && b.get(i) == Some(&b')') {
        i += 1;
    }
    b.get(i).is_none_or(u8::is_ascii_whitespace)
}

/// Does `s` end with sentence-final punctuation (ignoring closing quotes and brackets)?
fn ends_with_terminal(s: &str) -> bool {
    s.chars()
        .rev()
        .find(|&c| !is_closer(c))
        .is_some_and(|c| is_terminal(c, false))
}

/// After `pos`: white space, a dash, and then what `what` accepts ("? – спросила",
/// "—¿Vienes? —preguntó", "1. -3. Jahrhundert").
fn dash_then(s: &str, pos: usize, what: impl Fn(char) -> bool) -> bool {
    let rest = s[pos..].trim_start();
    let Some(rest) = rest.strip_prefix(['-', '–', '—']) else {
        return false;
    };
    rest.trim_start_matches([' ', '\u{a0}'])
        .trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(what)
}

/// A dash and a word in lower case follow `pos`: the words after a quotation that say who
/// spoke ("«…?» – спросила мама", "—¿Vienes? —preguntó él").
fn dash_then_lower(s: &str, pos: usize) -> bool {
    dash_then(s, pos, char::is_lowercase)
}

/// A dash and a digit follow `pos`: a range ("vom 1. - 3. Oktober") or a negative number.
fn dash_then_digit(s: &str, pos: usize) -> bool {
    dash_then(s, pos, |c| c.is_ascii_digit())
}

/// A slash follows `pos` after a space: the line break of verse quoted inline ("… se
/// consuela. / [...]"); no sentence begins with one.
fn continues_after_slash(s: &str, pos: usize) -> bool {
    let rest = &s[pos..];
    rest.starts_with([' ', '\u{a0}']) && rest.trim_start().starts_with("/ ")
}

// ---------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------

/// Sentence-final punctuation. `greek` adds the Greek question mark `;`.
fn is_terminal(c: char, greek: bool) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '।'
            | '॥'
            | '؟'
            | '۔'
            | '።'
            | '፧'
            | '။'
            | '։'
    ) || (greek && c == ';')
}

/// Full stops of scripts written without spaces: they end a sentence even when no space
/// follows.
fn is_strong_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡' | '።' | '፧' | '။')
}

/// Closing quotes and brackets that may follow end punctuation. Quote marks of every
/// convention are included (German closes with “ and ‘, and »…« runs backwards).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '”'
            | '“'
            | '’'
            | '‘'
            | '」'
            | '』'
            | '）'
            | '］'
            | '】'
            | '〕'
            | '〉'
            | '》'
            | '｣'
    )
}

/// Opening quotes and brackets that may precede the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '［'
            | '【'
            | '〔'
            | '〈'
            | '《'
            | '*'
            | '_'
    )
}

fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
    )
}

/// Letters of scripts written without spaces between words (Han, kana, Thai, ...).
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // Hiragana, Katakana
        | 0x3400..=0x4DBF // CJK Ext A
        | 0x4E00..=0x9FFF // CJK Unified
        | 0xF900..=0xFAFF // CJK Compatibility
        | 0x0E00..=0x0E7F // Thai
        | 0x0E80..=0x0EFF // Lao
        | 0x1000..=0x109F // Myanmar
        | 0x3000..=0x303F // CJK punctuation
        | 0xFF00..=0xFFEF // Full-width forms
    )
}

// ---------------------------------------------------------------------------------------
// Sentences inside a block
// ---------------------------------------------------------------------------------------

/// Split one block into sentences; `first`: the text's first block, its headline if it is
/// one line (see [`is_title_line`]).
fn split_block(text: &str, block: Span, first: bool, rules: &Rules, emit: &mut dyn FnMut(Span)) {
    let s = block.slice(text);
    if first && is_title_line(s) {
        emit(block);
        return;
    }
    let mut cuts = Splitter::new(s, rules).run();
    if armenian_colon_cuts(s, &mut cuts) {
        cuts.sort_unstable();
    }
    cuts.push(s.len());
    let mut prev = 0;
    for c in cuts {
        if c <= prev {
            continue;
        }
        let piece = &s[prev..c];
        let body = piece.trim();
        if !body.is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            let start = block.start + prev + lead;
            emit(Span::new(start, start + body.len()));
        }
        prev = c;
    }
}

/// Names written with an exclamation mark ("at Yahoo! Research"): it ends a sentence only
/// before a typical sentence opener, as an abbreviation's full stop does.
fn is_bang_name(word: &str) -> bool {
    matches!(word, "Yahoo" | "Jeopardy")
}

/// Armenian letters.
fn is_armenian(c: char) -> bool {
    matches!(c, '\u{531}'..='\u{556}' | '\u{561}'..='\u{587}')
}

/// Armenian text often ends a sentence with a colon, which looks like the Armenian full stop
/// "։" ("Բարև Ձեզ: Իմ անունն է…"): after an Armenian word (and closing quotes or an
/// ellipsis), before white space and a word not in lower case. Adds those cuts to `cuts`;
/// returns whether it added any.
fn armenian_colon_cuts(s: &str, cuts: &mut Vec<usize>) -> bool {
    // Armenian letters are U+0531..U+0587: lead bytes D4..D6.
    if !s.bytes().any(|b| matches!(b, 0xD4..=0xD6)) {
        return false;
    }
    let before = cuts.len();
    for (i, _) in s.match_indices(':') {
        let head = s[..i].trim_end_matches(|c: char| is_closer(c) || c == '…' || c == '.');
        if !head.chars().next_back().is_some_and(is_armenian)
            || !s[i + 1..].starts_with(char::is_whitespace)
        {
            continue;
        }
        if matches!(
            next_word(s, i + 1).kind,
            NextKind::Upper | NextKind::Digit | NextKind::Other
        ) {
            cuts.push(i + 1);
        }
    }
    cuts.len() > before
}

/// Most words a one-line block without end punctuation may have to be read as a title.
const TITLE_MAX_WORDS: usize = 24;

/// Whether the first block is a headline to keep whole even with a full stop inside
/// ("Scossa nella notte, oltre 150 sfollati. Giù la cima del campanile"; Polish
/// "Katastrofa kolejowa na Opolszczyźnie. 27 osób rannych"): one short line that ends in
/// a letter or digit and does not open like a list ("1. The first item 2. The second
/// item" is a list written on one line).
fn is_title_line(s: &str) -> bool {
    let t = s.trim();
    let mut chars = t.chars();
    let list_like = match (chars.next(), chars.next()) {
        (Some(c), _) if c.is_ascii_digit() || is_bullet(c) || "-–—*".contains(c) => true,
        (Some(c), Some('.' | ')')) => c.is_alphabetic(),
        _ => false,
    };
    !list_like
        && !t.contains(['\n', '\r', '\u{2028}', '\u{85}'])
        && t.chars().next_back().is_some_and(char::is_alphanumeric)
        && t.split_whitespace().nth(TITLE_MAX_WORDS).is_none()
}

/// What follows a candidate sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NextKind {
    End,
    Lower,
    Upper,
    Digit,
    /// A letter of a script without case (Han, Arabic, Devanagari, ...).
    Caseless,
    Other,
}

#[derive(Clone, Copy, Debug)]
struct Next<'a> {
    kind: NextKind,
    /// The leading letters of the next word.
    word: &'a str,
    /// The word is directly followed by a full stop ("Mr.", "A.").
    dotted: bool,
}

/// The word before a full stop, classified.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Left {
    Regular,
    /// A known abbreviation or an acronym with inner dots (U.S., z.B.).
    Abbrev,
    /// Only an abbreviation before a number ("No. 5").
    AbbrevBeforeNumber,
    /// a.m. / p.m.
    Time,
    /// A single capital letter ("E." in "Jonas E. Smith").
    Initial,
    Number,
}

struct Splitter<'a> {
    s: &'a str,
    b: &'a [u8],
    rules: &'a Rules,
    greek: bool,
    cuts: Vec<usize>,
    sent_start: usize,
    /// Cuts forced by list markers and bullets, sorted.
    forced: Vec<usize>,
    next_forced: usize,
    /// Positions of full stops that belong to list markers ("1." "a.").
    marker_dots: Vec<usize>,
}

impl<'a> Splitter<'a> {
    fn new(s: &'a str, rules: &'a Rules) -> Self {
        let (forced, marker_dots) = scan_lists(s, rules);
        Splitter {
            s,
            b: s.as_bytes(),
            rules,
            greek: std::ptr::eq(rules, rules_for(Lang::Greek)),
            cuts: Vec::new(),
            sent_start: 0,
            forced,
            next_forced: 0,
            marker_dots,
        }
    }

    fn cut(&mut self, at: usize) {
        if at > self.sent_start {
            self.cuts.push(at);
            self.sent_start = at;
        }
    }

    fn apply_forced_until(&mut self, pos: usize) {
        while let Some(&f) = self.forced.get(self.next_forced) {
            if f > pos {
                break;
            }
            self.next_forced += 1;
            self.cut(f);
        }
    }

    fn run(mut self) -> Vec<usize> {
        let b = self.b;
        let mut i = 0;
        while i < b.len() {
            // Most bytes cannot start end punctuation: skip them in a tight loop.
            while i < b.len() && !TERMINAL_BYTES[usize::from(b[i])] {
                i = skip_words(b, i + 1, |x| {
                    has_byte(x, b'.')
                        | has_byte(x, b'!')
                        | has_byte(x, b'?')
                        | has_byte(x, b';')
                        | (x & HI)
                });
            }
            let Some(&c) = b.get(i) else {
                break;
            };
            if c < 0x80 {
                if c == b'.' || c == b'!' || c == b'?' || (self.greek && c == b';') {
                    self.apply_forced_until(i);
                    i = self.candidate(i);
                } else {
                    i += 1;
                }
                continue;
            }
            let width = utf8_width(c);
            if matches!(c, 0xD6 | 0xD8 | 0xDB | 0xE0..=0xEF) {
                let ch = self.s[i..].chars().next().unwrap_or('\0');
                if is_terminal(ch, self.greek) {
                    self.apply_forced_until(i);
                    i = self.candidate(i);
                    continue;
                }
            }
            i += width;
        }
        self.apply_forced_until(usize::MAX);
        let mut cuts = self.cuts;
        cuts.sort_unstable();
        cuts.dedup();
        cuts
    }

    /// Examine the run of end punctuation starting at `start`; returns where to resume.
    fn candidate(&mut self, start: usize) -> usize {
        let s = self.s;
        // The run: end punctuation, spaced dots (". . ."), then closing quotes/brackets,
        // possibly more end punctuation (`?”.`).
        let mut j = start;
        let mut dots = 0usize;
        let mut only_dots = true;
        let mut spaced = false;
        let mut strong = false;
        while let Some(c) = s[j..].chars().next() {
            if c == '.' {
                dots += 1;
            } else if c == '…' {
                dots += 3;
            } else if is_terminal(c, self.greek) {
                only_dots = false;
                strong |= is_strong_terminal(c);
            } else if only_dots
                && dots > 0
                && (c == ' ' || c == '\u{a0}')
                && s[j + c.len_utf8()..].starts_with('.')
                && !s[j + c.len_utf8()..].starts_with("..")
            {
                spaced = true;
            } else {
                break;
            }
            j += c.len_utf8();
        }
        let run_end = j;
        let mut closers = false;
        while let Some(c) = s[j..].chars().next() {
            if is_closer(c) {
                closers = true;
            } else if matches!(c, ' ' | '\u{a0}' | '\u{202f}')
                && s[j + c.len_utf8()..].starts_with(['»', '›'])
            {
                // French spacing: « Fin. »
            } else if !is_terminal(c, self.greek) {
                break;
            }
            j += c.len_utf8();
        }
        // `said. " Next`: a straight quote set off by a space closes an open quotation
        // (an odd number of them so far in the paragraph, looking back a bounded way), and
        // so does one that ends the paragraph (`girl. "` closing a quotation opened in an
        // earlier paragraph; a single `'` too): it can open nothing.
        let gap = match self.b.get(j..j + 2) {
            Some(b"\r\n") => 2,
            Some([b' ' | b'\n' | b'\r', _]) => 1,
            _ => 0,
        };
        let quote = self.b.get(j + gap).copied();
        let ends_block = s.get(j + gap + 1..).is_some_and(|r| r.trim().is_empty());
        if gap > 0
            && (quote == Some(b'"') || (quote == Some(b'\'') && ends_block))
            && s[j + gap + 1..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
            && (ends_block
                || self.b[start.saturating_sub(QUOTE_LOOKBACK)..start]
                    .iter()
                    .filter(|&&c| c == b'"')
                    .count()
                    % 2
                    == 1)
        {
            j += gap + 1;
            closers = true;
        }
        let end = j;
        let after = s[end..].chars().next();

        if strong && self.inside_cjk_brackets(start) {
            return end; // 《摔跤吧！爸爸》, 「はい。そうです。」: a title or quotation goes on
        }
        if let Some(a) = after
            && !a.is_whitespace()
        {
            if strong && !closers {
                self.cut(end);
            } else if dots == 1 && only_dots && run_end == start + 1 && self.glued(start) {
                self.cut(start + 1);
            }
            return end.max(start + 1);
        }
        let next = next_word(s, end);

        if strong {
            self.cut(end);
            return end;
        }
        if self.only_aside_follows(end) {
            return end; // "... on March 26, 2025. (AFP)": a credit, not a sentence
        }
        if s[end..]
            .trim_start()
            .starts_with(|c: char| c != '.' && c != '…' && is_terminal(c, self.greek))
        {
            return end; // "! ! !", "Fig. ??": no sentence starts with "!" or "?"
        }
        if continues_after_slash(s, end) {
            return end; // "… se consuela. / [...]": verse lines quoted with slashes
        }
        if !only_dots {
            // ! ? and friends: a sentence ends unless the text goes on in lower case, also
            // after a dash ("«К чему ты готовишься? – спросила мама.", "—¿Vienes? —preguntó").
            let name = s[start..run_end] == *"!" && is_bang_name(self.word_before(start).1);
            if next.kind != NextKind::Lower
                && !dash_then_lower(s, end)
                && (!name || next.kind == NextKind::End || self.is_starter(next.word))
            {
                self.cut(end);
            }
            return end;
        }
        if dots >= 3 || spaced {
            self.ellipsis(start, end, dots, spaced, next);
            return end;
        }
        // A single full stop (or a doubled one: "Nov.. Grazie", an abbreviation's full
        // stop and the sentence's, ends the sentence unless lower case follows).
        if self.marker_dots.binary_search(&start).is_ok() {
            return end;
        }
        if dots == 2 && run_end == start + 2 && next.kind != NextKind::Lower {
            self.cut(end);
            return end;
        }
        if self.full_stop_ends(start, next) {
            self.cut(end);
        }
        end
    }

    /// Is `start` inside a full-width bracket or corner quote (《》「」『』（）〈〉【】〔〕［］)
    /// opened earlier in the sentence (looking back a bounded way) and not yet closed?
    fn inside_cjk_brackets(&self, start: usize) -> bool {
        const PAIRS: [(char, char); 8] = [
            ('《', '》'),
            ('「', '」'),
            ('『', '』'),
            ('（', '）'),
            ('〈', '〉'),
            ('【', '】'),
            ('〔', '〕'),
            ('［', '］'),
        ];
        let mut lo = start.saturating_sub(QUOTE_LOOKBACK).max(self.sent_start);
        while !self.s.is_char_boundary(lo) {
            lo += 1;
        }
        let mut depth = [0usize; PAIRS.len()];
        for c in self.s[lo..start].chars() {
            if let Some(k) = PAIRS.iter().position(|&(open, _)| open == c) {
                depth[k] += 1;
            } else if let Some(k) = PAIRS.iter().position(|&(_, close)| close == c) {
                depth[k] = depth[k].saturating_sub(1);
            }
        }
        depth.iter().any(|&d| d > 0)
    }

    /// Is the rest of the block a short bracketed aside without end punctuation?
    fn only_aside_follows(&self, end: usize) -> bool {
        let rest = self.s[end..].trim();
        rest.len() <= 40
            && rest.starts_with(['(', '['])
            && rest.ends_with([')', ']'])
            && !rest.chars().any(|c| is_terminal(c, self.greek))
    }

    fn ellipsis(&mut self, start: usize, end: usize, dots: usize, spaced: bool, next: Next) {
        let before = self.s[..start].chars().next_back();
        if matches!(before, Some('[' | '(')) {
            return; // "[...]": an omission inside a quotation
        }
        let attached = before.is_some_and(|c| !c.is_whitespace());
        if spaced {
            if dots >= 4 {
                if attached {
                    // "word. . . . Next": a full stop, then an ellipsis opening the next one.
                    if next.kind == NextKind::Upper {
                        // (after the first mark, which may be a one-character "…")
                        let first = self.s[start..].chars().next().map_or(1, char::len_utf8);
                        self.cut(start + first);
                    }
                } else if next.kind != NextKind::Lower {
                    // "word . . . . Next": an ellipsis, then the full stop.
                    self.cut(end);
                }
            }
            // ". . ." alone marks an omission inside the sentence.
            return;
        }
        let ends = if dots == 3 {
            matches!(next.kind, NextKind::Upper | NextKind::End)
        } else {
            next.kind != NextKind::Lower
        };
        if ends {
            self.cut(end);
        }
    }

    /// Does the single full stop at `dot` end a sentence, given what follows?
    fn full_stop_ends(&self, dot: usize, next: Next) -> bool {
        use NextKind as N;
        match next.kind {
            N::End => return true,
            N::Lower => return false,
            _ => {}
        }
        let (word_start, word) = self.word_before(dot);
        let starter = next.kind == N::Upper && !next.dotted && self.is_starter(next.word);
        match self.classify(word) {
            Left::Regular => true,
            // "No. 5", "s. XX" (siglo XX), "ch. IV": a number, Arabic or Roman, follows.
            Left::AbbrevBeforeNumber => next.kind != N::Digit && !is_roman_numeral(next.word),
            // "… 1250 см. Синоптики …": a unit symbol after a number takes no full stop, so
            // this one ends the sentence.
            Left::Abbrev => {
                starter
                    || (next.kind == N::Upper
                        && (self.unit_after_number(word_start, word)
                            || self.year_after_number(word_start, word)))
            }
            Left::Time => {
                if next.kind != N::Upper {
                    return false;
                }
                if starter {
                    return true;
                }
                if continues_time(next.word) {
                    return false;
                }
                !self.fronted_time_phrase(word_start)
            }
            // "Jonas E. Smith", "named H. Rap Brown", "J. K. Rowling": an initial inside a
            // name, unless a typical opener follows ("you and I. Did you ...").
            Left::Initial => starter,
            Left::Number => {
                if self.is_sentence_initial(word_start) {
                    return false; // "1. Introduction": a list marker or heading number
                }
                if self.rules.ordinal_dot {
                    // "am 12. Juni": an ordinal unless a new sentence clearly starts; "1. -3.
                    // Jahrhundert" is a range of ordinals.
                    return starter || (next.kind == N::Other && !dash_then_digit(self.s, dot + 1));
                }
                true
            }
        }
    }

    /// Whether the word starting at `word_start` follows a number, after white space.
    fn after_number(&self, word_start: usize) -> bool {
        let end = self.s[..word_start].trim_end().len();
        end < word_start && is_number(self.word_before(end).1)
    }

    /// Whether `word` (starting at `word_start`) is a unit symbol right after a number.
    fn unit_after_number(&self, word_start: usize, word: &str) -> bool {
        self.rules.is_unit(&word.to_lowercase()) && self.after_number(word_start)
    }

    /// Whether `word` (starting at `word_start`) abbreviates "year" after a number, late
    /// enough in its sentence that it does not close a date phrase opening it: "…
    /// zakończono w grudniu 2023 r. Pociągi …" ends a sentence, "W czerwcu 1989 r. Polacy
    /// …" does not.
    fn year_after_number(&self, word_start: usize, word: &str) -> bool {
        self.rules.is_year_mark(&word.to_lowercase())
            && self.after_number(word_start)
            && self.s[self.sent_start..word_start]
                .split_whitespace()
                .count()
                > 4
    }

    fn is_starter(&self, word: &str) -> bool {
        if word.is_empty() || word.len() > 24 {
            return false;
        }
        self.rules.is_starter(&word.to_lowercase())
    }

    /// The whitespace-delimited word before `pos` (not reaching back past the start of
    /// the current sentence), without opening or closing quotes and brackets.
    fn word_before(&self, pos: usize) -> (usize, &'a str) {
        let s = self.s;
        let mut k = pos;
        let mut steps = 0;
        while k > self.sent_start {
            let Some(c) = s[..k].chars().next_back() else {
                break;
            };
            if c.is_whitespace() {
                break;
            }
            k -= c.len_utf8();
            steps += 1;
            if steps > 64 {
                return (k, "");
            }
        }
        let raw = &s[k..pos];
        let trimmed_start = raw.trim_start_matches(is_opener);
        let start = k + (raw.len() - trimmed_start.len());
        (start, trimmed_start.trim_end_matches(is_closer))
    }

    /// Is the word at `pos` the first of its sentence (ignoring quotes, bullets, dashes)?
    fn is_sentence_initial(&self, pos: usize) -> bool {
        self.s[self.sent_start..pos]
            .chars()
            .take(16)
            .all(|c| c.is_whitespace() || is_opener(c) || is_bullet(c) || "-–—".contains(c))
            && pos - self.sent_start <= 64
    }

    /// "At 5 a.m. Mr. Smith ...": the time belongs to a short phrase opening the sentence.
    fn fronted_time_phrase(&self, word_start: usize) -> bool {
        let head = &self.s[self.sent_start..word_start];
        if head.len() > 60 {
            return false;
        }
        let mut words = head.split_whitespace();
        let Some(first) = words.next() else {
            return true;
        };
        let first = first
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        fronts_time(&first) && words.count() <= 3
    }

    fn classify(&self, word: &str) -> Left {
        if word.is_empty() || word.len() > 32 {
            return Left::Regular;
        }
        let lower = word.to_lowercase();
        if lower == "a.m" || lower == "p.m" {
            return Left::Time;
        }
        if self.rules.is_abbreviation(word, &lower) {
            return Left::Abbrev;
        }
        let mut chars = word.chars();
        let first = chars.next().unwrap_or(' ');
        if chars.next().is_none() && first.is_alphabetic() {
            // A capital letter is an initial even where the lower-case letter abbreviates
            // before a number ("di S. Benedetto", Italian San; "S. 5", German Seite, holds
            // together either way: a digit is no sentence opener).
            return if first.is_uppercase() {
                Left::Initial
            } else if self.rules.is_abbreviation_before_number(&lower) {
                Left::AbbrevBeforeNumber
            } else {
                Left::Abbrev
            };
        }
        if is_acronym(word) {
            return Left::Abbrev;
        }
        if self.rules.is_abbreviation_before_number(&lower) {
            return Left::AbbrevBeforeNumber;
        }
        if is_number(word) {
            return Left::Number;
        }
        // After an elided article or preposition: "l'Avv. Fabrizi", "dell'art. 5".
        let bare = without_elision(word);
        if bare.len() < word.len() {
            let lower = bare.to_lowercase();
            if self.rules.is_own_abbreviation(&lower) {
                return Left::Abbrev;
            }
            if self.rules.is_abbreviation_before_number(&lower) {
                return Left::AbbrevBeforeNumber;
            }
        }
        Left::Regular
    }

    /// A full stop with no space after it, as in "world.Today": a missing space between
    /// sentences, unless it sits in an address, a file name or an abbreviation.
    fn glued(&self, dot: usize) -> bool {
        let s = self.s;
        let before = s[..dot].chars().next_back();
        if !before.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
            return false;
        }
        let mut after = s[dot + 1..].chars();
        let (Some(a1), Some(a2)) = (after.next(), after.next()) else {
            return false;
        };
        // "world.Today", and "world.I dag" (a one-letter word) after a lower-case letter.
        let one_letter = a2.is_whitespace() && before.is_some_and(char::is_lowercase);
        if !(a1.is_uppercase() && (a2.is_lowercase() || one_letter)) {
            return false;
        }
        // The whole token, both sides, bounded.
        let mut lo = dot;
        for (n, (i, c)) in s[..dot].char_indices().rev().enumerate() {
            if c.is_whitespace() {
                break;
            }
            if n >= 128 {
                return false;
            }
            lo = i;
        }
        let lo = lo.max(self.sent_start);
        let mut hi = s.len();
        for (n, (i, c)) in s[dot..].char_indices().enumerate() {
            if c.is_whitespace() {
                hi = dot + i;
                break;
            }
            if n >= 128 {
                return false;
            }
        }
        let token = &s[lo..hi];
        if token.contains(['@', '/', '\\', ':', '_']) || token.to_lowercase().starts_with("www") {
            return false;
        }
        let fragment = s[lo..dot].rsplit('.').next().unwrap_or("");
        if fragment.chars().count() < 2 {
            return false;
        }
        let lower = fragment.to_lowercase();
        !self.rules.is_abbreviation(fragment, &lower)
    }
}

/// The first word after `pos`, skipping whitespace and opening quotes/brackets.
fn next_word(s: &str, pos: usize) -> Next<'_> {
    // Whitespace and opening quotes/brackets, including French spacing ("« Nous").
    let mut skipped = 0;
    let rest = s[pos..].trim_start_matches(|c: char| {
        if c.is_whitespace() {
            return true;
        }
        skipped += 1;
        skipped <= 8 && is_opener(c)
    });
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return Next {
            kind: NextKind::End,
            word: "",
            dotted: false,
        };
    };
    let kind = if c.is_lowercase() {
        // "iPhone", "eBay" start sentences too.
        if chars.next().is_some_and(char::is_uppercase) {
            NextKind::Upper
        } else {
            NextKind::Lower
        }
    } else if c.is_uppercase() || (c.is_alphabetic() && c.to_lowercase().next() != Some(c)) {
        NextKind::Upper
    } else if c.is_numeric() {
        NextKind::Digit
    } else if c.is_alphabetic() {
        NextKind::Caseless
    } else {
        NextKind::Other
    };
    let letters = rest
        .char_indices()
        .take(32)
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(rest.len().min(floor_char_boundary(rest, 128)), |(i, _)| i);
    let word = &rest[..letters];
    let dotted = rest[letters..].starts_with('.');
    Next { kind, word, dotted }
}

/// The word after an elided article or preposition ("l'Ing" → "Ing", "dell'Avv" → "Avv",
/// "d'Av"): a short prefix of letters, an apostrophe, and at least two more letters, so
/// that "don't" and "Tom's" stay whole.
fn without_elision(word: &str) -> &str {
    let Some(k) = word.rfind(['\'', '’']) else {
        return word;
    };
    let (prefix, rest) = (&word[..k], &word[k..]);
    let suffix = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
    let short_prefix =
        (1..=4).contains(&prefix.chars().count()) && prefix.chars().all(char::is_alphabetic);
    if short_prefix && suffix.chars().count() >= 2 && suffix.chars().all(char::is_alphabetic) {
        suffix
    } else {
        word
    }
}

/// "U.S", "e.g", "Ph.D", "z.B", "J.-C": dot-separated groups of one or two letters.
fn is_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|seg| {
            let letters = seg.chars().filter(|c| c.is_alphabetic()).count();
            (1..=2).contains(&letters) && seg.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// "100", "1,000", "3.5", "$100.00", "-4", "12%".
fn is_number(word: &str) -> bool {
    let w = word.trim_start_matches(['$', '€', '£', '¥', '₹', '+', '-', '#', '№']);
    let w = w.trim_end_matches('%');
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '\'' | '’'))
}

/// List markers and bullets inside a block: returns (forced cut positions, full stops of
/// list markers), both sorted. A marker counts when the one after it has the next number
/// or letter ("1. … 2. …", "a) … b) …"); a bullet counts when it follows a space.
fn scan_lists(s: &str, rules: &Rules) -> (Vec<usize>, Vec<usize>) {
    let b = s.as_bytes();
    let mut forced = Vec::new();
    let mut markers: Vec<Marker> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        // List markers end in "." or ")"; bullets start with E2. Skip everything else fast.
        while i < b.len() && !LIST_BYTES[usize::from(b[i])] {
            i = skip_words(b, i + 1, |x| {
                has_byte(x, b'.') | has_byte(x, b')') | (x & HI)
            });
        }
        let Some(&c) = b.get(i) else {
            break;
        };
        if c == 0xE2 {
            let ch = s[i..].chars().next().unwrap_or('\0');
            if is_bullet(ch) && i > 0 && s[..i].chars().next_back().is_some_and(char::is_whitespace)
            {
                forced.push(i);
            }
            i += 3;
            continue;
        }
        // Walk back over the marker's number (up to three digits) or letter.
        let digits = b[..i]
            .iter()
            .rev()
            .take(4)
            .take_while(|d| d.is_ascii_digit())
            .count();
        let start = match digits {
            1..=3 => Some(i - digits),
            0 if i > 0 && b[i - 1].is_ascii_alphabetic() => Some(i - 1),
            _ => None,
        };
        if let Some(start) = start
            && (start == 0 || !b[start - 1].is_ascii_alphanumeric())
            && let Some(m) = marker_at(s, start, rules)
        {
            markers.push(m);
        }
        i += 1;
    }
    let mut dots = Vec::new();
    if markers.len() >= 2 {
        let mut is_item = vec![false; markers.len()];
        for (k, m) in markers.iter().enumerate() {
            if let Some(n) = markers[k + 1..].iter().position(|n| n.style == m.style) {
                let n = k + 1 + n;
                if markers[n].value == m.value + 1 {
                    is_item[k] = true;
                    is_item[n] = true;
                }
            }
        }
        for (m, item) in markers.iter().zip(is_item) {
            if item {
                forced.push(m.cut);
                if let Some(d) = m.dot {
                    dots.push(d);
                }
            }
        }
    }
    forced.retain(|&f| f > 0 && !s[..f].trim().is_empty());
    forced.sort_unstable();
    forced.dedup();
    dots.sort_unstable();
    (forced, dots)
}

#[derive(Clone, Copy, Debug)]
struct Marker {
    style: (u8, u8),
    value: u32,
    /// Where a sentence starts if this is a list item (before a bullet that precedes it).
    cut: usize,
    dot: Option<usize>,
}

/// A list marker ("12.", "3)", "4.)", "b.", "(c)") starting at byte `i`.
fn marker_at(s: &str, i: usize, rules: &Rules) -> Option<Marker> {
    let b = s.as_bytes();
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let (kind, len, value) = if digits > 0 {
        if digits > 3 {
            return None;
        }
        let v = s[i..i + digits].parse::<u32>().ok()?;
        (0u8, digits, v)
    } else {
        let c = b[i];
        let kind = if c.is_ascii_lowercase() { 1 } else { 2 };
        (kind, 1, u32::from(c.to_ascii_lowercase() - b'a'))
    };
    let mut j = i + len;
    let (close, dot) = match b.get(j) {
        Some(b'.') if b.get(j + 1) == Some(&b')') => {
            j += 2;
            (1u8, Some(j - 2))
        }
        Some(b'.') => {
            j += 1;
            (0, Some(j - 1))
        }
        Some(b')') => {
            j += 1;
            (2, None)
        }
        _ => return None,
    };
    if kind == 2 && close != 2 {
        return None; // "A." is an initial, not a list marker
    }
    let after = s[j..].chars().next();
    if !after.is_none_or(char::is_whitespace) {
        return None;
    }
    // What precedes: the start, a space, a bullet or "(".
    let head = &s[..i];
    let before = head.chars().next_back();
    let open = before == Some('(');
    if open && close != 2 {
        return None;
    }
    let mut cut = if open { i - 1 } else { i };
    match before {
        None => {}
        Some(c) if c.is_whitespace() || c == '(' => {}
        Some(c) if is_bullet(c) => cut = i - c.len_utf8(),
        _ => return None,
    }
    let trimmed = s[..cut].trim_end();
    if let Some(p) = trimmed.chars().next_back()
        && is_bullet(p)
    {
        cut = trimmed.len() - p.len_utf8();
    }
    if close != 2 {
        // "1. The first item": the item begins like a sentence.
        let next = next_word(s, j);
        if next.kind == NextKind::Lower {
            return None;
        }
        if rules.ordinal_dot && kind == 0 && close == 0 && !before.is_some_and(is_bullet) {
            // "am 1. Mai und 2. Juni" are dates; numbered items follow a break, a colon or
            // a bullet, or close with ".)".
            let prev = trimmed.chars().next_back();
            if !prev.is_none_or(|c| c == ':' || is_bullet(c) || is_terminal(c, false)) {
                return None;
            }
        }
    }
    Some(Marker {
        style: (kind, close * 2 + u8::from(open)),
        value,
        cut,
        dot,
    })
}

/// Bytes that may begin a line break: `\n`, `\r`, VT, FF, and the lead bytes of U+0085
/// (C2) and U+2028/U+2029 (E2).
static LINE_BYTES: [bool; 256] = byte_table(&[b'\n', b'\r', 0x0b, 0x0c, 0xC2, 0xE2], 0, 0);

/// Bytes that may begin end punctuation: `.`, `!`, `?`, `;` (Greek), and the lead bytes
/// of the non-ASCII terminals (D6 Armenian, D8/DB Arabic script, E0–EF three-byte chars).
static TERMINAL_BYTES: [bool; 256] =
    byte_table(&[b'.', b'!', b'?', b';', 0xD6, 0xD8, 0xDB], 0xE0, 0xEF);

/// Bytes that may end a list marker (`.`, `)`) or begin a bullet (E2).
static LIST_BYTES: [bool; 256] = byte_table(&[b'.', b')', 0xE2], 0, 0);

/// How far back (bytes) to count quotation marks when deciding whether one is open.
const QUOTE_LOOKBACK: usize = 2000;

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Non-zero if any byte of `x` is below `n` (`n` ≤ 128).
fn has_less(x: u64, n: u8) -> u64 {
    x.wrapping_sub(LO * u64::from(n)) & !x & HI
}

/// Non-zero if any byte of `x` equals `c`.
fn has_byte(x: u64, c: u8) -> u64 {
    let y = x ^ (LO * u64::from(c));
    y.wrapping_sub(LO) & !y & HI
}

/// From `i`, skip whole 8-byte words in which `hit` finds nothing of interest; returns the
/// position of the first word that may hold an interesting byte (or of the tail).
fn skip_words(b: &[u8], mut i: usize, hit: impl Fn(u64) -> u64) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if hit(x) != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// The number of chars in UTF-8 `b`: bytes that are not continuation bytes (10xxxxxx).
fn char_count(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(8);
    let mut continuation = 0usize;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        continuation += (x & !(x << 1) & HI).count_ones() as usize;
    }
    continuation += chunks
        .remainder()
        .iter()
        .filter(|&&c| (c & 0xC0) == 0x80)
        .count();
    b.len() - continuation
}

const fn byte_table(bytes: &[u8], range_lo: u8, range_hi: u8) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    if range_hi > 0 {
        let mut c = range_lo as usize;
        while c <= range_hi as usize {
            t[c] = true;
            c += 1;
        }
    }
    t
}

fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1, // continuation byte: never a char start, step over it
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An upper-case Roman numeral of up to seven letters ("IV", "XX", "MCM"), but not a lone
/// "I" (the English pronoun far more often than one).
fn is_roman_numeral(word: &str) -> bool {
    (1..=7).contains(&word.len()) && word != "I" && word.bytes().all(|b| b"IVXLCDM".contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_count_matches_std() {
        for t in ["", "a", "héllo wörld, “quoted” 東京 🙂🇬🇧", &"é".repeat(37)] {
            assert_eq!(char_count(t.as_bytes()), t.chars().count(), "{t}");
        }
    }

    #[test]
    fn roman_numerals_after_a_number_abbreviation() {
        for w in ["IV", "XX", "MCMXC", "V", "C"] {
            assert!(is_roman_numeral(w), "{w}");
        }
        for w in ["I", "", "Xx", "XIVXLCDM", "Then", "IX1"] {
            assert!(!is_roman_numeral(w), "{w}");
        }
    }

    #[test]
    fn date_marker_shapes() {
        assert_eq!(date_marker_len("date 2025-03-20 Senior"), Some(15));
        assert_eq!(date_marker_len("Date: 2025-03-20\nText"), Some(16));
        assert_eq!(date_marker_len("date 2025-03-20"), Some(15));
        assert_eq!(date_marker_len("date 2025-3-20 x"), None);
        assert_eq!(date_marker_len("dates 2025-03-20 x"), None);
        assert_eq!(date_marker_len("date 2025-03-20x"), None);
    }

    #[test]
    fn list_item_lines() {
        for yes in [
            "- a", "* b", "• c", "1. d", "12) e", "(a) f", "b) g", "3.) h", "-",
        ] {
            assert!(starts_list_item(yes), "{yes}");
        }
        for no in [
            "-1 degrees",
            "2024. The",
            "A. Smith",
            "a.m. start",
            "Hello",
            "1.5 m",
        ] {
            assert!(!starts_list_item(no), "{no}");
        }
    }

    #[test]
    fn word_shapes() {
        for a in ["U.S", "e.g", "Ph.D", "z.B", "J.-C", "EE.UU"] {
            assert!(is_acronym(a), "{a}");
        }
        for a in ["US", "example.com", "Sig.ra", "a..b"] {
            assert!(!is_acronym(a), "{a}");
        }
        for n in ["100", "1,000", "$100.00", "3.5", "12%", "1.000.000"] {
            assert!(is_number(n), "{n}");
        }
        for n in ["1st", "abc", "$", "1990s"] {
            assert!(!is_number(n), "{n}");
        }
    }

    #[test]
    fn elided_articles_and_dashes() {
        for (w, bare) in [("l'Avv", "Avv"), ("dell’Ing", "Ing"), ("d'Av", "Av")] {
            assert_eq!(without_elision(w), bare);
        }
        for w in [
            "don't",
            "Tom's",
            "O'Neill's",
            "rock'n'roll",
            "Smith's",
            "l'1",
        ] {
            assert_eq!(without_elision(w), w);
        }
        assert!(dash_then_lower(" – спросила мама.", 0));
        assert!(dash_then_lower(" —preguntó", 0));
        assert!(!dash_then_lower(" – Завтра", 0));
        assert!(dash_then_digit(" -3. Jahrhundert", 0));
        assert!(dash_then_digit(" – 3. Oktober", 0));
        assert!(!dash_then_digit(" Juni", 0));
        assert!(continues_after_slash(" / al compás", 0));
        assert!(!continues_after_slash("/2", 0));
    }

    #[test]
    fn wrap_width_needs_full_unterminated_lines() {
        let wrapped = "The chiefs of some thirty Western countries gathered in London on\n\
                       Thursday for a planning meeting to discuss peacekeeping in the\n\
                       country after any ceasefire, and to decide which nations would\n\
                       offer aircraft and ships.\n";
        let lines = lines(wrapped);
        assert!(wrap_width(wrapped, &lines).is_some());
        let headings = "Major Obstacles to Peacekeeping Plans\nThe mission faces hurdles.\n\
                        Starmer Highlights Defence Strength\nHe spoke on Monday.\n";
        assert_eq!(wrap_width(headings, &super::lines(headings)), None);
    }

    #[test]
    fn lines_recognise_every_break() {
        let t = "a\nb\r\nc\rd\u{2028}e\u{85}f\u{2029}g\u{0c}h";
        let ls = lines(t);
        let bodies: Vec<&str> = ls.iter().map(|l| &t[l.start..l.end]).collect();
        assert_eq!(bodies, ["a", "b", "c", "d", "e", "f", "g", "h"]);
        assert!(ls[5].hard_after && ls[6].hard_after && !ls[0].hard_after);
    }

    #[test]
    fn paragraph_separator_ends_a_paragraph() {
        let t = "one line continues\u{2029}and this is another paragraph.";
        assert_eq!(split_paragraphs(t).len(), 2);
    }
}
