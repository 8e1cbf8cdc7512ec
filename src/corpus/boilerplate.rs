//! Boilerplate marks: which sentences are not the article's own reporting.
//!
//! Nothing is deleted: each sentence gets an optional [`Boilerplate`] kind and a part number.
//! All signals come from the text itself (no site- or outlet-specific strings):
//!
//! - **Dateline**: a first sentence that is only `date YYYY-MM-DD` is [`Boilerplate::Dateline`]
//!   (the loader reads it as the article's date), and so is any line that is only a date or
//!   time stamp (`May 3, 2013 at 7:31 AM ET`, `UPDATED: 22:07 GMT, 7 July 2012`; see
//!   [`super::stamp`]).
//! - **Line shape** (only for lines made of whole sentences, never for the first line, which is
//!   the headline): video durations (`0:44`), lines of symbols only and lines of at most two words
//!   without lower-case letters or a final stop (`TT`, `20`) are [`Boilerplate::Debris`]; hashtag
//!   lines and comma/pipe-separated keyword lists are [`Boilerplate::Tags`]; photo credits (`Photo Credit: …`, `©`, a trailing `(AFP)`-style or
//!   `NAME / AGENCY` credit in capitals) are [`Boilerplate::Caption`], as are the caption line right
//!   above a credit line and the title line right below a video duration.
//! - **Trailing furniture**: a block of two or more short, title-case lines without a full stop at the
//!   end of the text ("Related News", "More like this") is [`Boilerplate::SiteChrome`].
//! - **Repetition**: a sentence whose words were already seen earlier in the article (a duplicated
//!   headline or caption block) is [`Boilerplate::Repeated`]; [`mark_across`] does the same for short
//!   non-sentence lines shared by several articles of one outlet.
//! - **Appended story**: a later block may start a new part. Candidates are line starts with at
//!   least three content sentences (of four or more words) on each side. A candidate needs a
//!   headline-like first line (one sentence, no final stop, 3–25 words) whose words are (almost)
//!   absent from the article's first line and lede (at most 20% shared), and then either
//!   - two more structural cues out of: two or more blank lines before it, a caption/credit/debris
//!     block right after it, the headline repeated right after it — plus a vocabulary check that it
//!     is not the same story (tf-idf cosine between the two sides below 0.35); or
//!   - no other cue but a sharp vocabulary drop: cosine below 0.10 and below 0.8 times the
//!     article's median over its candidates, or below 0.15 when fewer than 20% of the later
//!     block's topical words (used twice there, not in most sentences) occur before it; and
//!     five content sentences after it.
//!
//!   The vocabulary is language-free: a term is a word's first six characters (truncation
//!   stands in for stemming, so Russian or German inflection still repeats), and in scripts
//!   written without spaces (Chinese, Japanese, Thai) two adjacent characters.
//!
//!   The sentences of the new part get `part = 1` (2, … for further stories) and, unless another
//!   kind applies, [`Boilerplate::Appended`], so they are shown as a separate part and left out of
//!   comparison. Without a headline-like line nothing is split: on real news a vocabulary drop
//!   alone is not reliable (measured on ECB+, see `tests/boilerplate_eval.rs`).
//!
//! Everything is linear in the length of the text (hash maps, one incremental pass for the
//! similarity curve), so a 10 MB article is fine.

use super::Boilerplate;
use crate::text::normalize::{prefix_chars, written_without_spaces};
use crate::text::{Document, Span, Token, TokenKind};
use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: a fast hasher for the short keys used here (no untrusted-key DoS concern worth
/// SipHash: keys are words of one article).
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Hasher for keys that are already 64-bit hashes (term and sentence keys): one multiply.
#[derive(Default)]
struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x ^ (x >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;
type KeyMap<V> = StdHashMap<u64, V, BuildHasherDefault<PreHashed>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fnv>>;

use std::ops::Range;

/// Per-sentence marks for one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    pub boilerplate: Vec<Option<Boilerplate>>,
    pub part: Vec<u16>,
}

/// One non-blank line of the text.
#[derive(Clone, Debug)]
struct Line {
    /// Trimmed span of the line.
    span: Span,
    /// Blank lines directly before this one.
    blank_before: usize,
    /// Sentences lying entirely within the line.
    sents: Range<usize>,
    /// The line consists of whole sentences (none crosses its edges).
    clean: bool,
}

/// Most parts an article is split into.
const MAX_PARTS: u16 = 8;

/// Detect boilerplate in `text`, segmented as `doc`.
pub fn detect(text: &str, doc: &Document) -> Marks {
    let n = doc.sentences.len();
    let mut marks = Marks {
        boilerplate: vec![None; n],
        part: vec![0; n],
    };
    if n == 0 {
        return marks;
    }
    let lines = lines(text, doc);
    let mut kind: Vec<Option<Boilerplate>> = vec![None; lines.len()];
    let line_w: Vec<usize> = lines.iter().map(|l| line_words(doc, l)).collect();

    // Pass 1: line shape. Line 0 is the headline and never marked by shape.
    for (i, l) in lines.iter().enumerate().skip(1) {
        if !l.clean {
            continue;
        }
        let t = l.span.slice(text);
        let w = line_w[i];
        kind[i] = if is_duration(t) || w == 0 {
            Some(Boilerplate::Debris)
        } else if is_hashtag_line(t) || is_keyword_list(t) {
            Some(Boilerplate::Tags)
        } else if is_credit(t) {
            Some(Boilerplate::Caption)
        } else if w <= 2
            && !ends_terminal(t)
            && t.chars().count() <= 24
            && !t.chars().any(char::is_lowercase)
        {
            Some(Boilerplate::Debris)
        } else {
            None
        };
    }
    // A line that is only a date or time stamp (publication, update) is metadata, the
    // headline line included: a headline is never just a date.
    for (i, l) in lines.iter().enumerate() {
        if l.clean && kind[i].is_none() && super::stamp::is_timestamp(l.span.slice(text)) {
            kind[i] = Some(Boilerplate::Dateline);
        }
    }
    // Pass 2: context. The caption above a separate credit line; the title below a video duration.
    for i in 1..lines.len() {
        let (prev, cur) = (&lines[i - 1], &lines[i]);
        if cur.blank_before > 0 || !prev.clean || !cur.clean {
            continue;
        }
        let pt = prev.span.slice(text);
        let ct = cur.span.slice(text);
        if i >= 2
            && kind[i] == Some(Boilerplate::Caption)
            && kind[i - 1].is_none()
            && line_w[i] <= 8
            && line_w[i - 1] <= 80
        {
            kind[i - 1] = Some(Boilerplate::Caption);
        }
        if is_duration(pt) && kind[i].is_none() && !ends_terminal(ct) && line_w[i] <= 20 {
            kind[i] = Some(Boilerplate::Caption);
        }
    }
    // Pass 3: a trailing block of site furniture.
    {
        let mut tentative = Vec::new();
        let mut block = 0;
        let mut i = lines.len();
        while i > 1 {
            i -= 1;
            let l = &lines[i];
            if kind[i].is_some() {
                if kind[i] == Some(Boilerplate::Debris)
                    && is_chrome_like(l.span.slice(text), line_w[i])
                    && !l.span.slice(text).chars().any(|c| c.is_ascii_digit())
                {
                    tentative.push(i);
                }
                block += 1;
            } else if l.clean && is_chrome_like(l.span.slice(text), line_w[i]) {
                tentative.push(i);
                block += 1;
            } else {
                break;
            }
        }
        if block >= 2 && !tentative.is_empty() && block * 2 <= lines.len() {
            for i in tentative {
                kind[i] = Some(Boilerplate::SiteChrome);
            }
        }
    }
    // Line kinds → sentence kinds.
    for (l, k) in lines.iter().zip(&kind) {
        if let Some(k) = k {
            for s in l.sents.clone() {
                marks.boilerplate[s] = Some(*k);
            }
        }
    }
    // A first sentence that is only a leading `date YYYY-MM-DD` is metadata (the loader reads
    // it as the article's date).
    if text[..doc.sentences[0].span.start].trim().is_empty()
        && super::leading_date(doc.sentences[0].span.slice(text))
            .is_some_and(|(_, rest)| rest.trim().is_empty())
    {
        marks.boilerplate[0] = Some(Boilerplate::Dateline);
    }
    // Pass 4: repetition within the article.
    let standalone: Vec<bool> = {
        let mut v = vec![false; n];
        for l in lines.iter().filter(|l| l.clean && l.sents.len() == 1) {
            v[l.sents.start] = true;
        }
        v
    };
    // Every sentence's key, hashed once (the appended-story cues compare them too).
    let keys = sentence_keys(text, doc);
    let mut seen: KeyMap<usize> = KeyMap::with_capacity_and_hasher(n, Default::default());
    for (s, sent) in doc.sentences.iter().enumerate() {
        let w = word_count(&sent.tokens);
        if w < 2 || (w < 4 && !standalone[s]) {
            continue;
        }
        let key = keys[s];
        if seen.insert(key, s).is_some() && marks.boilerplate[s].is_none() {
            marks.boilerplate[s] = Some(Boilerplate::Repeated);
        }
    }
    // Pass 5: appended stories.
    // Every split needs a headline-like line, so without one the search is skipped; the
    // per-sentence terms are computed once for all searches.
    let mut terms: Option<Terms> = None;
    let mut from = 0;
    let mut part = 0u16;
    while part + 1 < MAX_PARTS {
        if !lines
            .iter()
            .any(|l| l.clean && l.sents.start > from && is_headline(text, doc, l))
        {
            break;
        }
        let terms = terms.get_or_insert_with(|| Terms::new(text, doc));
        match find_appended(text, doc, &lines, &marks, from, terms, &keys) {
            Some(k) => {
                part += 1;
                for p in &mut marks.part[k..] {
                    *p = part;
                }
                from = k;
            }
            None => break,
        }
    }
    for s in 0..n {
        if marks.part[s] > 0 && marks.boilerplate[s].is_none() {
            marks.boilerplate[s] = Some(Boilerplate::Appended);
        }
    }
    marks
}

/// Key of a sentence's words: a 64-bit FNV-1a hash of its lower-cased word and number tokens
/// (punctuation and spacing ignored). Collisions are astronomically unlikely at article sizes.
pub(crate) fn norm_key(text: &str, tokens: &[Token]) -> u64 {
    let mut h = Fnv::default();
    for t in tokens.iter().filter(|t| t.kind != TokenKind::Punct) {
        hash_lower(&mut h, t.span.slice(text));
        h.write(&[0xff]); // separator: not valid UTF-8, cannot occur in a word
    }
    h.finish()
}

/// The [`norm_key`] of every sentence of `doc`.
fn sentence_keys(text: &str, doc: &Document) -> Vec<u64> {
    doc.sentences
        .iter()
        .map(|s| norm_key(text, &s.tokens))
        .collect()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Feed `w` lower-cased into `h` (fast path for ASCII: bytes are hashed as they are checked,
/// and the first non-ASCII byte restarts the word on the char-by-char path).
fn hash_lower(h: &mut Fnv, w: &str) {
    let start = if h.0 == 0 { FNV_OFFSET } else { h.0 };
    let mut x = start;
    for &b in w.as_bytes() {
        if !b.is_ascii() {
            x = hash_lower_chars(start, w);
            break;
        }
        x = (x ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
    }
    h.0 = x;
}

/// [`hash_lower`] for any text: FNV-1a from state `x` over the UTF-8 of `w` lower-cased.
fn hash_lower_chars(mut x: u64, w: &str) -> u64 {
    let mut buf = [0u8; 4];
    for c in w.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            x = (x ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    x
}

/// `Some(term_hash(term_prefix(w)))` if [`has_three_letters`]`(w)`, else `None`: one pass
/// over an ASCII word (hash and letter count together), the separate steps otherwise.
fn content_term_hash(w: &str) -> Option<u64> {
    let (mut x, mut letters) = (FNV_OFFSET, 0usize);
    for (k, &b) in w.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            return has_three_letters(w).then(|| term_hash(term_prefix(w)));
        }
        letters += usize::from(b.is_ascii_alphabetic());
        if k < TERM_PREFIX {
            x = (x ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        }
    }
    (letters >= 3).then_some(x)
}

/// Characters of a word that make its term for the vocabulary curve: truncation is a
/// language-free stemmer that holds up in inflected languages (Russian "Киренске",
/// "Киренска"; German, Finnish) where whole forms rarely repeat.
const TERM_PREFIX: usize = 6;

/// The first [`TERM_PREFIX`] characters of `w`.
fn term_prefix(w: &str) -> &str {
    prefix_chars(w, TERM_PREFIX)
}

/// Hash of one word, lower-cased.
fn term_hash(w: &str) -> u64 {
    let mut h = Fnv::default();
    hash_lower(&mut h, w);
    h.finish()
}

fn word_count(tokens: &[Token]) -> usize {
    tokens.iter().filter(|t| t.kind != TokenKind::Punct).count()
}

/// The non-blank lines of `text` with the sentences each contains.
fn lines(text: &str, doc: &Document) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut blank = 0;
    let mut push = |s: usize, e: usize, out: &mut Vec<Line>| {
        let raw = &text[s..e];
        let t = raw.trim();
        if t.is_empty() {
            blank += 1;
            return;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::new(s + lead, s + lead + t.len());
        out.push(Line {
            span,
            blank_before: std::mem::take(&mut blank),
            sents: 0..0,
            clean: false,
        });
    };
    if !text.contains('\r') {
        // Only `\n` ends a line: find each with the memchr-backed `str::find`.
        while let Some(p) = text[start..].find('\n') {
            push(start, start + p, &mut out);
            start += p + 1;
        }
    } else {
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    push(start, i, &mut out);
                    start = i + 1;
                }
                b'\r' => {
                    push(start, i, &mut out);
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    start = i + 1;
                }
                _ => {}
            }
            i += 1;
        }
    }
    push(start, text.len(), &mut out);
    // Assign sentences (both lists are in text order).
    let sents = &doc.sentences;
    let mut j = 0;
    for l in &mut out {
        while j < sents.len() && sents[j].span.end <= l.span.start {
            j += 1;
        }
        let first = j;
        let mut k = j;
        while k < sents.len()
            && sents[k].span.start >= l.span.start
            && sents[k].span.end <= l.span.end
        {
            k += 1;
        }
        l.sents = first..k;
        let crossing_before = first > 0 && sents[first - 1].span.end > l.span.start;
        l.clean = k > first
            && !crossing_before
            && sents[first].span.start == l.span.start
            && sents[k - 1].span.end == l.span.end;
        j = k;
    }
    out
}

/// Word and number tokens of the sentences within a line.
fn line_words(doc: &Document, l: &Line) -> usize {
    l.sents
        .clone()
        .map(|s| word_count(&doc.sentences[s].tokens))
        .sum()
}

/// Whether a line ends like a sentence: a full stop, `!`, `?`, `…`, `:` or `;`
/// (possibly followed by closing quotes or brackets).
fn ends_terminal(t: &str) -> bool {
    // (closing quotes of every convention: German „…“ and ‚…‘, »…« and ›…‹ too)
    let t = t.trim_end_matches(|c: char| {
        matches!(
            c,
            '"' | '\''
                | '”'
                | '’'
                | '“'
                | '‘'
                | '»'
                | '«'
                | '›'
                | '‹'
                | ')'
                | ']'
                | '」'
                | '』'
                | '）'
        ) || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？', '؟', '।'])
}

/// `0:44`, `12:03`, `1:02:03`.
fn is_duration(t: &str) -> bool {
    // Cheap exact prefilter: a duration is at most `12:34:56` and only digits and colons.
    if t.len() > 8 || !t.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return false;
    }
    let parts: Vec<&str> = t.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts[0].len() <= 2
        && !parts[0].is_empty()
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.len() == 2)
}

/// A line that is mostly hashtags: `#Defence #Chiefs #Meet`.
fn is_hashtag_line(t: &str) -> bool {
    if !t.contains('#') && !t.contains('＃') {
        return false;
    }
    let items: Vec<&str> = t.split_whitespace().collect();
    let tags = items
        .iter()
        .filter(|w| w.len() > 1 && w.starts_with(['#', '＃']))
        .count();
    tags >= 2 && tags * 3 >= items.len() * 2
}

/// A list of short keyword phrases separated by commas, pipes or middle dots, without a final stop.
fn is_keyword_list(t: &str) -> bool {
    const SEPS: [char; 6] = [',', '|', '·', '•', '、', '，'];
    // Cheap exact prefilter: every separator ends in one of these bytes (`·` C2 B7, `•` E2 80
    // A2, `、` E3 80 81, `，` EF BC 8C), so fewer than three of them means fewer than three
    // separators.
    if t.bytes()
        .filter(|b| matches!(b, b',' | b'|' | 0xB7 | 0xA2 | 0x81 | 0x8C))
        .count()
        < 3
    {
        return false;
    }
    if ends_terminal(t) || t.contains(['"', '“', '”']) || t.matches(SEPS).count() < 3 {
        return false;
    }
    let items: Vec<&str> = t
        .split(SEPS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 4 {
        return false;
    }
    let long = items
        .iter()
        .filter(|s| s.split_whitespace().count() > 6 || s.chars().count() > 60)
        .count();
    long == 0
}

/// A photo or image credit.
fn is_credit(t: &str) -> bool {
    let words = count_words(t);
    if !may_have_credit_words(t, words) {
        // No lead word or agency marker can match: skip lower-casing the line.
        return (t.contains('©') && words <= 15) || trailing_agency_credit(t);
    }
    is_credit_full(t, words)
}

/// `t.split_whitespace().count()`, counted without building the split (an ASCII line is
/// walked byte by byte; ASCII whitespace for [`char::is_whitespace`] is space and `\t`–`\r`).
fn count_words(t: &str) -> usize {
    /// Starts of runs of non-whitespace, given each char's whitespace flag.
    fn starts(ws: impl Iterator<Item = bool>) -> usize {
        let (mut n, mut prev_ws) = (0, true);
        for w in ws {
            n += usize::from(prev_ws && !w);
            prev_ws = w;
        }
        n
    }
    if t.is_ascii() {
        starts(t.bytes().map(|b| matches!(b, b' ' | b'\t'..=b'\r')))
    } else {
        starts(t.chars().map(char::is_whitespace))
    }
}

/// [`is_credit`] without the prefilter (`words`: whitespace-separated words of `t`).
fn is_credit_full(t: &str, words: usize) -> bool {
    // Only the start of the line matters for the lead words; the whole line only when short.
    let lower = if words <= 60 {
        t.to_lowercase()
    } else {
        t.chars().take(40).flat_map(char::to_lowercase).collect()
    };
    let head = lower.trim_start_matches(CREDIT_TRIM);
    if CREDIT_LEADS.iter().any(|l| head.starts_with(l)) {
        // `Photo Credit: AP`, `Image: Reuters`, `Photo by …`.
        let first3: String = head
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        if first3.contains(':') || first3.contains(" by ") || (words <= 8 && !ends_terminal(t)) {
            return true;
        }
    }
    if t.contains('©') && words <= 15 {
        return true;
    }
    for marker in CREDIT_MARKERS {
        if lower.contains(marker) && words <= 60 {
            return true;
        }
    }
    trailing_agency_credit(t)
}

/// Lead words of a credit line (matched at its start, lower-cased).
const CREDIT_LEADS: &[&str] = &[
    "photo",
    "photograph",
    "image",
    "picture",
    "credit",
    "foto",
    "bild",
    "file photo",
    "pic:",
];
/// Agency markers anywhere in a credit line (lower-cased).
const CREDIT_MARKERS: [&str; 5] = [
    "getty images",
    "shutterstock",
    "via reuters",
    "ap photo",
    "afp via",
];
/// Characters trimmed before the lead word of a credit.
const CREDIT_TRIM: [char; 7] = ['|', '-', '—', '–', '(', '[', ' '];

/// Whether `t` could contain a credit lead word at its start or an agency marker, ignoring
/// ASCII case — a cheap, allocation-free superset of the lower-cased tests in [`is_credit`].
///
/// Exact as a prefilter: apart from `K` (Kelvin sign) and `İ`, which this treats as "maybe",
/// no non-ASCII character lower-cases to ASCII, so an ASCII match in the lower-cased line is an
/// ASCII case-insensitive match in the line itself.
fn may_have_credit_words(t: &str, words: usize) -> bool {
    if !t.is_ascii() && t.contains(['\u{212A}', '\u{0130}']) {
        return true;
    }
    let head = t.trim_start_matches(CREDIT_TRIM).as_bytes();
    let starts =
        |p: &str| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if CREDIT_LEADS.iter().any(|l| starts(l)) {
        return true;
    }
    // Markers only count on lines of at most 60 words.
    if words > 60 {
        return false;
    }
    let b = t.as_bytes();
    b.windows(2).enumerate().any(|(i, w)| {
        // One pass: test only the markers starting with this byte pair (ASCII-lower-cased:
        // `| 0x20` maps no other byte onto a lower-case letter's pair).
        let rest = &b[i..];
        let is =
            |m: &str| rest.len() >= m.len() && rest[..m.len()].eq_ignore_ascii_case(m.as_bytes());
        match [w[0] | 0x20, w[1] | 0x20] {
            [b'g', b'e'] => is(CREDIT_MARKERS[0]),
            [b's', b'h'] => is(CREDIT_MARKERS[1]),
            [b'v', b'i'] => is(CREDIT_MARKERS[2]),
            [b'a', b'p'] => is(CREDIT_MARKERS[3]),
            [b'a', b'f'] => is(CREDIT_MARKERS[4]),
            _ => false,
        }
    })
}

/// A credit at the end of a line: `… peace. JULIAN SIMMONDS / POOL/AFP` or `… 2025. (AFP)`.
fn trailing_agency_credit(t: &str) -> bool {
    let t = t.trim_end();
    // `(AFP)`, `(EPA-EFE)`, `(Reuters)` after the last sentence.
    if let Some(inner) = t.strip_suffix(')').and_then(|s| s.rsplit_once('(')) {
        let (before, inner) = inner;
        let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
        let caps = letters.iter().filter(|c| c.is_uppercase()).count();
        let before = before.trim_end();
        if (2..=20).contains(&letters.len())
            && caps * 2 >= letters.len()
            && inner.split_whitespace().count() <= 3
            && (before.is_empty() || ends_terminal(before))
            && inner.chars().next().is_some_and(char::is_uppercase)
        {
            return true;
        }
    }
    // `NAME NAME / AGENCY/AGENCY` in capitals after the last full stop.
    let tail = match t.rfind(['.', '!', '?']) {
        Some(p) if p + 1 < t.len() => &t[p + 1..],
        _ => return false,
    };
    let letters: Vec<char> = tail.chars().filter(|c| c.is_alphabetic()).collect();
    tail.contains('/')
        && letters.len() >= 3
        && letters.iter().all(|c| c.is_uppercase())
        && tail.split_whitespace().count() <= 8
}

/// Short title-case furniture such as "Related News" or "More like this".
fn is_chrome_like(t: &str, words: usize) -> bool {
    words <= 5
        && !ends_terminal(t)
        && !t.contains(['"', '“', '”', '«', '»'])
        && t.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
}

/// The terms of a word `w` (starting at byte `start`) in a script written without spaces:
/// each two adjacent characters (a Chinese word is most often two; single characters say
/// little about the topic), `push`ed as hashes. A pair spans two tokens that touch: `prev`
/// is the last character seen and the byte where it ends.
fn char_pair_terms(
    w: &str,
    start: usize,
    prev: &mut Option<(char, usize)>,
    mut push: impl FnMut(u64),
) {
    let mut at = start;
    for c in w.chars() {
        if let Some((p, end)) = *prev
            && end == at
            && written_without_spaces(c)
        {
            let mut h = Fnv::default();
            h.write_u32(p as u32);
            h.write_u32(c as u32);
            push(h.finish());
        }
        at += c.len_utf8();
        *prev = Some((c, at));
    }
}

/// Content terms of every sentence, hashed once per article: for each sentence, the ids of its
/// terms in token order (one id per distinct term hash). A term is the first
/// [`TERM_PREFIX`] characters of a lower-cased word with 3+ letters, or in scripts written
/// without spaces two adjacent characters.
struct Terms {
    /// Term ids in token order (with repeats), sentence after sentence.
    ids: Vec<u32>,
    /// Where each sentence's ids end in `ids`.
    ends: Vec<u32>,
    /// Number of distinct ids.
    len: usize,
}

impl Terms {
    fn new(text: &str, doc: &Document) -> Terms {
        let words: usize = doc.sentences.iter().map(|s| s.tokens.len()).sum();
        let mut ids: KeyMap<u32> = KeyMap::with_capacity_and_hasher(words / 2, Default::default());
        let mut id = |key: u64| {
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        };
        let mut out = Vec::with_capacity(words);
        let mut ends = Vec::with_capacity(doc.sentences.len());
        for sent in &doc.sentences {
            let mut prev: Option<(char, usize)> = None;
            for t in sent.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
                let w = t.span.slice(text);
                if w.starts_with(written_without_spaces) {
                    char_pair_terms(w, t.span.start, &mut prev, |key| out.push(id(key)));
                    continue;
                }
                prev = None;
                if let Some(key) = content_term_hash(w) {
                    out.push(id(key));
                }
            }
            ends.push(out.len() as u32);
        }
        Terms {
            ids: out,
            ends,
            len: ids.len(),
        }
    }

    /// The term ids of sentence `s`, in token order.
    fn sent(&self, s: usize) -> &[u32] {
        let start = if s == 0 { 0 } else { self.ends[s - 1] as usize };
        &self.ids[start..self.ends[s] as usize]
    }
}

/// At least three alphabetic characters (fast path for ASCII).
fn has_three_letters(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
    } else {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3
    }
}

/// Content terms of a sentence for the similarity curve: `(id, count)` sorted by id, where ids
/// are local (`local`, assigned in order of first appearance; `u32::MAX` = not yet assigned).
fn content_terms(global: &[u32], local: &mut [u32], next: &mut u32) -> Vec<(u32, u32)> {
    let mut v: Vec<u32> = global
        .iter()
        .map(|&g| {
            let l = &mut local[g as usize];
            if *l == u32::MAX {
                *l = *next;
                *next += 1;
            }
            *l
        })
        .collect();
    v.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
    for id in v {
        match out.last_mut() {
            Some((last, c)) if *last == id => *c += 1,
            _ => out.push((id, 1)),
        }
    }
    out
}

/// A candidate start of an appended story, with its score.
#[derive(Clone, Debug, PartialEq)]
pub struct SplitCandidate {
    /// First sentence of the later block.
    pub sentence: usize,
    /// tf-idf cosine between the content before and after.
    pub cosine: f64,
    /// Structural cues (0–4): a headline-like line, a gap of two or more blank lines before it,
    /// a caption/debris block right after it, the headline repeated right after.
    pub cues: u8,
    /// Share of the later block's content terms that never occur before it.
    pub novelty: f64,
    /// Of the later block's topical words (used twice or more there, and not in most
    /// sentences of the article), the share that also occurs before it.
    pub topic_overlap: f64,
    /// The block opens with a headline-like line (one sentence, no final stop, 3–25 words).
    pub headline: bool,
    /// Share of that headline's terms found in the article's first line and first content
    /// sentences.
    pub headline_overlap: f64,
    /// Content sentences before and after.
    pub before: usize,
    pub after: usize,
    /// The median cosine over the article's other candidates (`None` with fewer than
    /// [`MIN_OTHERS`] of them: too few to tell what is typical).
    pub typical: Option<f64>,
}

/// Content sentences needed on each side of an appended-story boundary.
const MIN_SIDE: usize = 3;
/// Structural cues needed (the headline-like line is one and is required).
const MIN_CUES: u8 = 3;
/// Above this cosine the later block continues the same story even with structural cues.
const COS_SAME_STORY: f64 = 0.35;
/// Most share of the new headline's words that may also occur in the article's title and lede.
const HEADLINE_OVERLAP: f64 = 0.2;
/// Cosine below which a block opening with an unrelated headline (and no other cue) is a
/// different story.
const COS_HEADLINE_ONLY: f64 = 0.10;
/// ... and below this share of the median cosine of the article's other candidates: a drop
/// is sharp against the article's own curve, which runs low where terms rarely repeat
/// (Chinese character pairs run at 0.1 all through one story). An article without terms
/// (cosines all 0) shows no drop at all.
const SHARP_DROP: f64 = 0.8;
/// Other candidates needed for [`SHARP_DROP`] to apply.
const MIN_OTHERS: usize = 3;
/// Cosine below which a block opening with an unrelated headline is a different story when,
/// in addition, few of its topical words occur before it (below [`TOPIC_OVERLAP`]).
const COS_HEADLINE_TOPIC: f64 = 0.15;
/// See [`COS_HEADLINE_TOPIC`].
const TOPIC_OVERLAP: f64 = 0.2;
/// Topical words the later block needs for its topic overlap to count.
const MIN_TOPICAL: i64 = 3;
/// Content sentences needed after the boundary when the headline is the only cue.
const MIN_SIDE_WITHOUT_CUES: usize = 5;

fn find_appended(
    text: &str,
    doc: &Document,
    lines: &[Line],
    marks: &Marks,
    from: usize,
    all_terms: &Terms,
    keys: &[u64],
) -> Option<usize> {
    split_candidates(text, doc, lines, marks, from, all_terms, keys)
        .into_iter()
        .filter(|c| {
            (c.headline
                && c.cues >= MIN_CUES
                && c.cosine < COS_SAME_STORY
                && c.headline_overlap <= HEADLINE_OVERLAP
                && c.after >= MIN_SIDE)
                || (c.headline
                    && c.headline_overlap <= HEADLINE_OVERLAP
                    && ((c.cosine < COS_HEADLINE_ONLY
                        && c.typical.is_none_or(|t| c.cosine < SHARP_DROP * t))
                        || (c.cosine < COS_HEADLINE_TOPIC && c.topic_overlap < TOPIC_OVERLAP))
                    && c.after >= MIN_SIDE_WITHOUT_CUES)
        })
        .min_by(|a, b| b.cues.cmp(&a.cues).then(a.cosine.total_cmp(&b.cosine)))
        .map(|c| c.sentence)
}

/// Score every line start after sentence `from` as the start of an appended story
/// (`keys`: [`norm_key`] of every sentence).
fn split_candidates(
    text: &str,
    doc: &Document,
    lines: &[Line],
    marks: &Marks,
    from: usize,
    all_terms: &Terms,
    keys: &[u64],
) -> Vec<SplitCandidate> {
    let n = doc.sentences.len();
    let content: Vec<bool> = (0..n)
        .map(|s| s >= from && marks.boilerplate[s].is_none())
        .collect();
    let mut local = vec![u32::MAX; all_terms.len];
    let mut next = 0u32;
    let terms: Vec<Vec<(u32, u32)>> = (0..n)
        .map(|s| {
            if content[s] {
                content_terms(all_terms.sent(s), &mut local, &mut next)
            } else {
                Vec::new()
            }
        })
        .collect();
    let n_ids = next as usize;
    // Sentences that count towards the size of a side: content with at least four words
    // (fragments such as a split-up timestamp do not make an article).
    let counts: Vec<bool> = (0..n)
        .map(|s| content[s] && word_count(&doc.sentences[s].tokens) >= 4)
        .collect();
    let n_content = counts.iter().filter(|&&c| c).count();
    if n_content < 2 * MIN_SIDE {
        return Vec::new();
    }
    let mut df = vec![0u32; n_ids];
    let mut total = vec![0f64; n_ids];
    for t in &terms {
        for &(id, c) in t {
            df[id as usize] += 1;
            total[id as usize] += c as f64;
        }
    }
    let w2: Vec<f64> = df
        .iter()
        .map(|&d| {
            let idf = ((n_content as f64 + 1.0) / (d as f64 + 0.5)).ln().max(0.0);
            idf * idf
        })
        .collect();
    let mut h = vec![0f64; n_ids];
    let (mut dot, mut hh) = (0f64, 0f64);
    let mut tt: f64 = total.iter().zip(&w2).map(|(t, w)| w * t * t).sum();
    let mut tail_mass: f64 = total.iter().sum();
    let topical = |d: u32| (d as f64) <= 0.3 * n_content.max(1) as f64;
    // a: topical words used 2+ times after the boundary; b: those also used before it.
    let mut a_cnt: i64 = (0..total.len())
        .filter(|&i| total[i] >= 2.0 && topical(df[i]))
        .count() as i64;
    let mut b_cnt: i64 = 0;
    let mut novel = tail_mass;

    // The article's own topic: its first line and first content sentences.
    // (Global term ids; a term's id stands for its hash.)
    let lede: Vec<bool> = {
        let mut set = vec![false; all_terms.len];
        let first_line = lines
            .iter()
            .find(|l| l.span.start >= doc.sentences[from].span.start);
        let mut picked: Vec<usize> = first_line
            .map(|l| l.sents.clone().collect())
            .unwrap_or_default();
        picked.extend((from..n).filter(|&s| content[s]).take(MIN_SIDE));
        for s in picked {
            for &g in all_terms.sent(s) {
                set[g as usize] = true;
            }
        }
        set
    };
    // Line-level cue data.
    // (the clean line starting with each sentence, if any)
    let mut line_of_sentence: Vec<Option<usize>> = vec![None; n];
    for (i, l) in lines.iter().enumerate().filter(|(_, l)| l.clean) {
        if let Some(slot) = line_of_sentence.get_mut(l.sents.start) {
            *slot = Some(i);
        }
    }
    let line_kind = |l: &Line| l.sents.clone().find_map(|s| marks.boilerplate[s]);

    let mut out = Vec::new();
    let mut before = 0;
    for s in 0..n {
        // Candidate boundary before sentence `s`.
        if s > from && before >= MIN_SIDE && n_content - before >= MIN_SIDE {
            if let Some(li) = line_of_sentence[s] {
                let (cues, headline) = cues_at(text, doc, lines, li, &line_kind, keys);
                let headline_overlap = if headline {
                    let mut h = all_terms.sent(s).to_vec();
                    h.sort_unstable();
                    h.dedup();
                    let shared = h.iter().filter(|&&g| lede[g as usize]).count();
                    shared as f64 / h.len().max(1) as f64
                } else {
                    1.0
                };
                let cosine = if hh > 0.0 && tt > 0.0 {
                    dot / (hh * tt).sqrt()
                } else {
                    0.0
                };
                out.push(SplitCandidate {
                    sentence: s,
                    cosine,
                    novelty: if tail_mass > 0.0 {
                        novel / tail_mass
                    } else {
                        0.0
                    },
                    topic_overlap: if a_cnt >= MIN_TOPICAL {
                        b_cnt as f64 / a_cnt as f64
                    } else {
                        1.0
                    },
                    cues,
                    headline,
                    headline_overlap,
                    before,
                    after: n_content - before,
                    typical: None,
                });
            }
        }
        if counts[s] {
            before += 1;
        }
        if content[s] {
            for &(id, c) in &terms[s] {
                let i = id as usize;
                let c = c as f64;
                let t = total[i] - h[i];
                if topical(df[i]) {
                    let (a_old, b_old) = (t >= 2.0, t >= 2.0 && h[i] > 0.0);
                    let t_new = t - c;
                    let (a_new, b_new) = (t_new >= 2.0, t_new >= 2.0);
                    a_cnt += i64::from(a_new) - i64::from(a_old);
                    b_cnt += i64::from(b_new) - i64::from(b_old);
                }
                if h[i] == 0.0 {
                    novel -= total[i];
                }
                tail_mass -= c;
                dot += w2[i] * (c * t - c * h[i] - c * c);
                hh += w2[i] * (2.0 * h[i] * c + c * c);
                tt += w2[i] * (c * c - 2.0 * t * c);
                h[i] += c;
            }
        }
    }
    // The median of the others: with the cosines sorted, the one at the middle index of the
    // list without this candidate's own.
    let mut cs: Vec<f64> = out.iter().map(|c| c.cosine).collect();
    cs.sort_unstable_by(f64::total_cmp);
    if cs.len() > MIN_OTHERS {
        let mid = (cs.len() - 1) / 2;
        for c in &mut out {
            let own = cs.partition_point(|&x| x < c.cosine);
            c.typical = Some(if own > mid { cs[mid] } else { cs[mid + 1] });
        }
    }
    out
}

/// A headline-like line: one sentence, no final stop, 3–25 words.
fn is_headline(text: &str, doc: &Document, l: &Line) -> bool {
    l.sents.len() == 1
        && !ends_terminal(l.span.slice(text))
        && (3..=25).contains(&line_words(doc, l))
}

fn cues_at(
    text: &str,
    doc: &Document,
    lines: &[Line],
    li: usize,
    line_kind: &dyn Fn(&Line) -> Option<Boilerplate>,
    keys: &[u64],
) -> (u8, bool) {
    let l = &lines[li];
    let mut cues = 0;
    if l.blank_before >= 2 {
        cues += 1;
    }
    let headline = is_headline(text, doc, l);
    if headline {
        cues += 1;
    }
    let window = &lines[li + 1..lines.len().min(li + 8)];
    if window.iter().any(|m| {
        matches!(
            line_kind(m),
            Some(Boilerplate::Caption | Boilerplate::Debris)
        )
    }) {
        cues += 1;
    }
    if headline {
        let key = keys[l.sents.start];
        if window
            .iter()
            .any(|m| m.sents.len() == 1 && keys[m.sents.start] == key)
        {
            cues += 1;
        }
    }
    (cues, headline)
}

/// Candidates for the start of an appended story, for diagnostics and tuning.
pub fn appended_candidates(text: &str, doc: &Document) -> Vec<SplitCandidate> {
    let marks = detect(text, doc);
    let mut base = marks.clone();
    for (b, p) in base.boilerplate.iter_mut().zip(&marks.part) {
        if *p > 0 && *b == Some(Boilerplate::Appended) {
            *b = None;
        }
    }
    split_candidates(
        text,
        doc,
        &lines(text, doc),
        &base,
        0,
        &Terms::new(text, doc),
        &sentence_keys(text, doc),
    )
}

/// Mark short non-sentence lines that recur in several articles of the same outlet.
///
/// `articles[i]` is `(outlet, text, doc, marks)`; only articles with a known outlet take part.
pub fn mark_across(articles: &mut [(Option<&str>, &str, &Document, &mut Marks)]) {
    let mut by_key: HashMap<(&str, u64), Vec<(usize, usize)>> = HashMap::default();
    for (a, (outlet, text, doc, _)) in articles.iter().enumerate() {
        let Some(outlet) = outlet else { continue };
        let mut seen_here = HashSet::default();
        for l in lines(text, doc).iter().skip(1) {
            if !l.clean || l.sents.len() != 1 {
                continue;
            }
            let s = l.sents.start;
            let t = l.span.slice(text);
            let w = word_count(&doc.sentences[s].tokens);
            if ends_terminal(t) || w == 0 || w > 30 {
                continue;
            }
            let key = norm_key(text, &doc.sentences[s].tokens);
            if seen_here.insert(key) {
                by_key.entry((outlet, key)).or_default().push((a, s));
            }
        }
    }
    let hits: Vec<(usize, usize)> = by_key
        .into_values()
        .filter(|v| v.len() >= 2)
        .flatten()
        .collect();
    for (a, s) in hits {
        let marks = &mut articles[a].3;
        if marks.boilerplate[s].is_none() {
            marks.boilerplate[s] = Some(Boilerplate::Repeated);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sentence closing with a German quotation mark (`.“`, `.«`) ends with a full stop:
    /// it is no headline, so no story split starts there (the rest of an 11-sentence
    /// article was set apart as an appended story and never compared).
    #[test]
    fn a_quote_closing_german_style_ends_its_sentence() {
        for t in [
            "sagte er: „Wir tun alles.“",
            "sagte er: »Wir tun alles.«",
            "„Gut.‘",
        ] {
            assert!(ends_terminal(t), "{t}");
        }
        assert!(!ends_terminal("Hochwasser in Sachsen: Mulde steigt"));
        let text = "Hochwasser in Sachsen: Mulde steigt in Grimma auf über sechs Meter\n\n\
            Das Hochwasser der Mulde hat am Mittwoch in Grimma einen Pegelstand von 6,20 Metern erreicht.\n\n\
            Nach Angaben der Stadtverwaltung mussten rund 1.800 Einwohner ihre Häuser verlassen.\n\n\
            Oberbürgermeister Tobias Kranz sagte am Nachmittag: „Wir tun alles, um die Altstadt zu schützen.“\n\n\
            Die Landesregierung stellte eine Soforthilfe von 20 Millionen Euro in Aussicht.\n\n\
            Ein Dutzend Schulen und Kitas blieben geschlossen.\n\n\
            Der Deutsche Wetterdienst rechnet bis Donnerstagabend mit weiteren 30 bis 40 Litern Regen pro Quadratmeter.\n\n\
            Um 15.30 Uhr wurde für den Landkreis Leipzig Katastrophenalarm ausgelöst.\n\n\
            Nach Schätzungen des Versicherungsverbands könnte der Schaden bei 1,5 Milliarden Euro liegen.\n\n\
            Die Bahnstrecke nach Leipzig ist seit Dienstag unterbrochen.\n\n\
            Ein 71-jähriger Mann wird seit Mittwochmorgen vermisst.\n";
        let doc = Document::parse(text, crate::text::Lang::German);
        let marks = detect(text, &doc);
        assert!(marks.part.iter().all(|&p| p == 0), "{:?}", marks.part);
    }

    /// The allocation-free prefilter never changes the answer of the full credit test.
    #[test]
    fn credit_prefilter_agrees_with_full_test() {
        let lines = [
            "Photo Credit: AP",
            "— PHOTO by Jane Doe",
            "|| Image: Reuters",
            "PIC: agency",
            "File Photo of the summit",
            "Picture taken on Monday in Kyiv.",
            "Leaders meet in Paris (Getty Images)",
            "Soldiers on patrol. VIA REUTERS",
            "A caption ap photo",
            "The AFP via Getty report",
            "© 2025 Agency",
            "The prime minister spoke to reporters on Tuesday.",
            "Keir Starmer said “photos” were taken. JULIAN SIMMONDS / POOL/AFP",
            "Peace talks resume. (AFP)",
            "\u{212A}elvin photo",
            "\u{0130}mage: someone",
            "Ph\u{0130}oto",
            "Crédit photo : AFP",
            "",
        ];
        let long = "word ".repeat(70) + "getty images";
        for t in lines.iter().copied().chain([long.as_str()]) {
            let words = t.split_whitespace().count();
            assert_eq!(is_credit(t), is_credit_full(t, words), "{t:?}");
        }
        assert!(is_credit("Photo Credit: AP"));
        assert!(!may_have_credit_words("The prime minister spoke.", 4));
    }

    /// The one-pass term hash agrees with the two tests it replaces, and the byte-wise
    /// `hash_lower` with the char-by-char one.
    #[test]
    fn content_term_hash_agrees() {
        for w in [
            "",
            "ab",
            "abc",
            "ABC",
            "a1b2",
            "a1b2c",
            "Été",
            "éa",
            "ab\u{0130}",
            "\u{212A}ey",
            "ΣΑΣ",
            "x'y",
        ] {
            let want = has_three_letters(w).then(|| term_hash(term_prefix(w)));
            assert_eq!(content_term_hash(w), want, "{w:?}");
            let mut h = Fnv::default();
            hash_lower(&mut h, w);
            assert_eq!(h.0, hash_lower_chars(FNV_OFFSET, w), "{w:?}");
        }
    }

    proptest::proptest! {
        /// See [`content_term_hash_agrees`].
        #[test]
        fn content_term_hash_is_filter_then_hash(w in "([a-zA-Z0-9'.-]|\\PC){0,12}") {
            proptest::prop_assert_eq!(
                content_term_hash(&w),
                has_three_letters(&w).then(|| term_hash(term_prefix(&w)))
            );
            let mut h = Fnv(12345);
            hash_lower(&mut h, &w);
            proptest::prop_assert_eq!(h.0, hash_lower_chars(12345, &w));
        }

        /// The fast word counter counts what `split_whitespace` splits.
        #[test]
        fn count_words_is_split_whitespace(
            t in "([ \t\n\x0b\x0c\r\u{85}\u{a0}\u{2003}\u{3000}a-zé.,]|\\PC){0,40}"
        ) {
            proptest::prop_assert_eq!(count_words(&t), t.split_whitespace().count());
        }
    }
}
