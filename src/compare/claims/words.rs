//! A light view of a sentence's tokens for the claim extractors: text, lowercase form and
//! whether a space separates each token from the one before.

use crate::text::{Span, Token, TokenKind};

/// One token of a sentence, ready for pattern matching.
#[derive(Clone, Debug)]
pub(crate) struct W<'a> {
    pub span: Span,
    pub text: &'a str,
    /// Lowercase, with curly apostrophes made straight.
    pub lower: std::borrow::Cow<'a, str>,
    pub kind: TokenKind,
    /// Whitespace (or the sentence start) comes before this token.
    pub gap: bool,
}

impl<'a> W<'a> {
    /// Starts with an upper-case letter.
    pub fn cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    /// The word without a possessive `'s` / `’s` ending.
    pub fn stem_possessive(&self) -> (&'a str, bool) {
        for suf in ["'s", "’s", "'S"] {
            if let Some(s) = self.text.strip_suffix(suf) {
                if !s.is_empty() {
                    return (s, true);
                }
            }
        }
        (self.text, false)
    }
}

/// Normalise a word: lowercase, curly apostrophes straight, Russian `ё` as `е` (most
/// outlets write `е`; the similarity reads it so too, see [`crate::text::normalize::fold`]).
pub(crate) fn norm(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let lower = s.to_lowercase();
    if lower.contains(['\u{2018}', '\u{2019}', '\u{02BC}', 'ё']) {
        lower
            .replace(['\u{2018}', '\u{2019}', '\u{02BC}'], "'")
            .replace('ё', "е")
    } else {
        lower
    }
}

/// The word view of `toks` (spans into `text`).
pub(crate) fn words<'a>(text: &'a str, toks: &[Token]) -> Vec<W<'a>> {
    let mut out: Vec<W<'a>> = Vec::with_capacity(toks.len());
    let mut prev_end: Option<usize> = None;
    for t in toks {
        let s = t.span.slice(text);
        out.push(W {
            span: t.span,
            text: s,
            lower: if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                std::borrow::Cow::Borrowed(s)
            } else {
                std::borrow::Cow::Owned(norm(s))
            },
            kind: t.kind,
            gap: prev_end.is_none_or(|e| e < t.span.start),
        });
        prev_end = Some(t.span.end);
    }
    out
}

/// Singular form of an English plural noun (light rules, no dictionary).
pub(crate) fn singular(w: &str) -> String {
    let irregular = [
        ("people", "person"),
        ("folks", "folk"),
        ("men", "man"),
        ("women", "woman"),
        ("children", "child"),
        ("police", "police"),
        ("personnel", "personnel"),
        ("staff", "staff"),
    ];
    if let Some((_, s)) = irregular.iter().find(|(p, _)| *p == w) {
        return (*s).to_string();
    }
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    for suf in ["ches", "shes", "sses", "xes"] {
        if w.len() > suf.len() + 1 && w.ends_with(suf) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Whether an English noun form looks plural (ends in -s, or a known irregular plural).
pub(crate) fn looks_plural(w: &str) -> bool {
    matches!(
        w,
        "people" | "folks" | "men" | "women" | "children" | "police" | "personnel" | "staff"
    ) || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// Function words that end a noun phrase.
pub(crate) fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "on"
            | "in"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "against"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "must"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "as"
            | "than"
            | "this"
            | "these"
            | "those"
            | "their"
            | "its"
            | "his"
            | "her"
            | "our"
            | "they"
            | "it"
            | "he"
            | "she"
            | "we"
            | "said"
            | "says"
            | "after"
            | "before"
            | "since"
            | "while"
            | "when"
            | "where"
            | "if"
            | "not"
            | "into"
            | "across"
            | "over"
            | "under"
            | "per"
            | "each"
            | "every"
            | "some"
            | "all"
            | "including"
            | "between"
            | "during"
            | "about"
            | "around"
            | "near"
            | "within"
            | "without"
            | "through"
            | "towards"
            | "toward"
            | "amid"
            | "so"
            | "because"
    )
}

/// Content words of a text, lowercased, for overlap measures (stop words dropped).
pub(crate) fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(norm)
        .map(|w| {
            w.strip_suffix("'s")
                .unwrap_or(&w)
                .trim_matches('\'')
                .to_string()
        })
        .filter(|w| !w.is_empty() && !is_stop(w))
        .collect()
}

/// Levenshtein distance on chars (small strings only).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Two spellings of one name ("Zelenskyy" / "Zelensky", "Kyiv" / "Kiev").
pub(crate) fn spelling_variant(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 6 {
        return false;
    }
    // Variants keep their first letter ("Zelenskyy" / "Zelensky", "Kyiv" / "Kiev").
    let first = |s: &str| s.chars().next().map(|c| c.to_lowercase().next());
    if first(a) != first(b) {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    let (a, b) = (norm(a), norm(b));
    if a.chars().count().abs_diff(b.chars().count()) > 2 {
        return false;
    }
    if a == b {
        return true;
    }
    let n = a.chars().count().min(b.chars().count());
    n >= 4 && edit_distance(&a, &b) <= if n >= 7 { 2 } else { 1 }
}
