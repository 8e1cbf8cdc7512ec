//! Text model: paragraphs, sentences and word tokens, each with byte spans
//! into the original article text. Nothing downstream re-tokenises.

pub mod clock;
mod lang;
pub mod normalize;
pub mod numwords;
mod segment;
pub mod synonyms;
mod token;
// Per-language segmentation data (abbreviations, sentence openers).
mod rules;

pub use lang::Lang;
pub use segment::{Segmentation, segment, split_paragraphs, split_sentences};
pub use token::{Token, TokenKind, tokenize};

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into an article's text.
/// Both ends always lie on `char` boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A sentence: its span, the paragraph it sits in, and its word tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Vec<Token>,
}

/// A paragraph: a block of text separated from the next by a blank line
/// (or, in one-paragraph-per-line text, by a line break).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// Indices of the sentences in this paragraph.
    pub sentences: std::ops::Range<usize>,
}

/// The segmented form of one text. Spans point into the text it was built from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Segment `text` into paragraphs, sentences and tokens (see [`segment()`] for the rules).
    pub fn parse(text: &str, lang: Lang) -> Document {
        let seg = segment(text, lang);
        let sentences = seg
            .sentences
            .iter()
            .map(|&(span, paragraph)| Sentence {
                span,
                paragraph,
                tokens: tokenize(text, span),
            })
            .collect();
        let mut paragraphs = Vec::with_capacity(seg.paragraphs.len());
        let mut first = 0;
        for (p, &span) in seg.paragraphs.iter().enumerate() {
            let mut last = first;
            while last < seg.sentences.len() && seg.sentences[last].1 == p {
                last += 1;
            }
            paragraphs.push(Paragraph {
                span,
                sentences: first..last,
            });
            first = last;
        }
        Document {
            paragraphs,
            sentences,
        }
    }

    /// Every non-empty line is one sentence (and one paragraph); no re-segmentation.
    /// Line `i` of the input is sentence `i`, so empty lines are kept as empty sentences.
    pub fn from_lines(text: &str) -> Document {
        let mut doc = Document::default();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            let span = Span::new(start, start + body.len());
            let i = doc.sentences.len();
            doc.sentences.push(Sentence {
                span,
                paragraph: doc.paragraphs.len(),
                tokens: tokenize(text, span),
            });
            doc.paragraphs.push(Paragraph {
                span,
                sentences: i..i + 1,
            });
            start += line.len();
        }
        doc
    }

    /// The spans of all sentences, in order.
    pub fn sentence_spans(&self) -> Vec<Span> {
        self.sentences.iter().map(|s| s.span).collect()
    }
}

/// Paragraph spans, trimmed: blocks separated by blank lines, or by a single line break
/// where the line is a heading, caption or list item, or the text is one paragraph per
/// line (hard-wrapped prose is joined). The same paragraphs [`Document::parse`] finds.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    split_paragraphs(text)
}

/// Spans of the lines of `text` without their line ending: line `i` is sentence `i`, as
/// `parallax align --sentences` reads a file. A line ends at `\n`, `\r\n` or a lone `\r`
/// (Python's universal newlines: `open(f).read().splitlines()` for such text); a final line
/// without an ending counts, a final line ending adds no empty line, and empty text has no
/// lines.
pub fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let Some(k) = text[start..].find(['\n', '\r']) else {
            out.push(Span::new(start, text.len()));
            break;
        };
        let end = start + k;
        out.push(Span::new(start, end));
        start = end
            + if text[end..].starts_with("\r\n") {
                2
            } else {
                1
            };
    }
    out
}
