//! Word normalisation for similarity: case and Unicode folding, number words to digits,
//! and Snowball stemming per language (truncation to five letters for a language without a
//! stemmer).
//!
//! The pipeline for one text is [`word_spans`] (split into words) → [`fold`] (case, quotes,
//! dashes) → [`Normalizer::number`] (number words, per language: [`super::numwords`]) →
//! [`Normalizer::stem`] (Snowball, via `frostem`, else truncation). [`Normalizer::words`]
//! runs all of it.
//!
//! Splitting rules, chosen to work across languages:
//! - a word is a run of letters/digits and the combining marks after them (a virama, a
//!   decomposed accent); CJK ideographs, kana and hangul are one word each
//!   (those scripts do not separate words with spaces);
//! - an apostrophe splits a word, and a fragment of one or two characters after it is dropped
//!   (English clitics: `Ukraine's`, `won't`, `we're`; French/Italian elision keeps both
//!   sides: `l'armée` → `l`, `armée`);
//! - digits keep inner separators that are followed by a digit: `2,000` → `2000` (a separator
//!   followed by exactly three digits is a thousands separator), `3.5` and `3,5` → `3.5`;
//! - hyphens split (`twenty-one` → `twenty one`, later joined back into `21`);
//! - an Arabic one-letter prefix glued to digits is a word of its own (`و23` → `و`, `23`).

use super::Lang;
use super::numwords::NumberWords;
use std::borrow::Cow;
use std::ops::Range;
use text2num::digit_string::DigitString;
use unicode_normalization::char::is_combining_mark;

/// Lowercase and fold the variants one word is written in: curly quotes and primes to
/// `'`/`"`, all dashes and the minus sign to `-`, non-breaking and other spaces to ` `
/// ([`fold_char`]); decomposed accents composed (NFC: `e` + U+0301 is `é`); the optional
/// marks of [`is_optional_mark`] dropped; `ß` kept as is.
pub fn fold(word: &str) -> Cow<'_, str> {
    let needs = word.chars().any(|c| {
        c.is_uppercase()
            || !c.is_ascii() && (fold_char(c) != c || is_optional_mark(c) || is_decomposed(c))
    });
    if !needs {
        return Cow::Borrowed(word);
    }
    // (composed first: `е` + U+0308 is `ё`, which then folds as written whole)
    let composed: Cow<'_, str> = if word.chars().any(is_decomposed) {
        use unicode_normalization::UnicodeNormalization;
        Cow::Owned(word.nfc().collect())
    } else {
        Cow::Borrowed(word)
    };
    let mut out = String::with_capacity(composed.len());
    for c in composed.chars().filter(|&c| !is_optional_mark(c)) {
        let c = fold_char(c);
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A combining diacritic of the Latin, Greek and Cyrillic scripts (U+0300–U+036F): text
/// in decomposed form (NFD, as some systems write it) spells `é` as `e` + U+0301.
fn is_decomposed(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Marks a writer adds or leaves out without changing the word: Arabic short vowels and the
/// other tashkeel (U+064B–U+065F), the superscript alef (U+0670) and the tatweel (U+0640, a
/// stroke that only stretches a word). One outlet's "نُقل" is another's "نقل".
pub fn is_optional_mark(c: char) -> bool {
    matches!(c, '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Fold one character's variant: typographic (quotes, dashes, spaces) and orthographic
/// (Russian `ё` is most often written `е`; Arabic alef with hamza or madda `أ إ آ ٱ` is
/// often written as bare alef `ا`, as the Snowball stemmer also reads it). Case is left alone.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '`'
        | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        'ё' => 'е',
        'Ё' => 'Е',
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => '\u{0627}',
        _ => c,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

/// Letters kept of a word in a language without a Snowball stemmer. Truncation is the
/// classic language-free stemmer of information retrieval; on the hand-made gold in five
/// languages read as if without rules (`tests/gold/multilingual.toml` with `language = "und"`)
/// it lifts F1 from 0.679 to 0.713 (4: 0.701, 6: 0.702, 7: 0.708), against 0.718 with
/// Snowball.
pub const TRUNCATE_STEM: usize = 5;

/// `word` cut to its first [`TRUNCATE_STEM`] characters (whole when shorter, or when in a
/// script written without spaces, where a "word" here is a run of several words).
fn truncate_stem(word: &str) -> &str {
    if word.starts_with(written_without_spaces) {
        return word;
    }
    prefix_chars(word, TRUNCATE_STEM)
}

/// The first `n` characters of `w` (all of it when shorter).
pub(crate) fn prefix_chars(w: &str, n: usize) -> &str {
    w.char_indices().nth(n).map_or(w, |(k, _)| &w[..k])
}

/// Letters of scripts written without spaces between words: Han and kana (each character a
/// word of its own in [`word_spans`]), Thai, Lao, Myanmar and Khmer (runs of letters there).
/// Not hangul: Korean separates its words with spaces.
pub(crate) fn written_without_spaces(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF     // Thai, Lao
        | 0x1000..=0x109F   // Myanmar
        | 0x1780..=0x17FF   // Khmer
        | 0x3040..=0x30FF   // hiragana, katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0x20000..=0x2FA1F)
}

/// Characters that are a word on their own: scripts written without spaces between words.
pub(crate) fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // hiragana, katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xAC00..=0xD7AF   // hangul syllables
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0x20000..=0x2FA1F)
}

/// The kind of a word found by [`word_spans`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordKind {
    /// Letters (possibly with digits).
    Alpha,
    /// Digits, possibly with inner `.`/`,` separators.
    Digits,
}

/// The one-letter prefixes Arabic glues to the next word: و "and", ف "so", ب "with", ل "for",
/// ك "as". Before a number in digits ("و23 مصابا") they are words of their own.
pub fn is_arabic_prefix(c: char) -> bool {
    matches!(
        c,
        '\u{0648}' | '\u{0641}' | '\u{0628}' | '\u{0644}' | '\u{0643}'
    )
}

/// A decimal digit of any script (`3`, `٣`, `۳`, `३`).
pub(crate) fn is_digit(c: char) -> bool {
    c.is_numeric() && !c.is_alphabetic()
}

/// Byte ranges of the words of `text`, in order (see the module doc for the rules).
pub fn word_spans(text: &str) -> Vec<(Range<usize>, WordKind)> {
    let mut out = Vec::new();
    word_spans_with(text, |r, k| out.push((r, k)));
    out
}

/// Like [`word_spans`], calling `emit` for each word instead of collecting.
pub fn word_spans_with(text: &str, mut emit: impl FnMut(Range<usize>, WordKind)) {
    // Walks bytes: ASCII (most of any text) is classified without decoding a char; other
    // characters are decoded where they start. The same rules as for chars throughout.
    let bytes = text.as_bytes();
    let char_at = |i: usize| text[i..].chars().next().unwrap_or('\0');
    let mut last_end = usize::MAX;
    let mut after_apostrophe = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            after_apostrophe = b == b'\'' && last_end == i;
            i += 1;
            continue;
        }
        let c = char_at(i);
        if is_unspaced_script(c) {
            last_end = i + c.len_utf8();
            emit(i..last_end, WordKind::Alpha);
            after_apostrophe = false;
            i = last_end;
            continue;
        }
        if !c.is_alphanumeric() {
            after_apostrophe = is_apostrophe(c) && last_end == i;
            i += c.len_utf8();
            continue;
        }
        // An Arabic one-letter prefix glued to a number ("و23": "and 23") is a word of its own.
        if is_arabic_prefix(c) && text[i + c.len_utf8()..].starts_with(is_digit) {
            last_end = i + c.len_utf8();
            emit(i..last_end, WordKind::Alpha);
            after_apostrophe = false;
            i = last_end;
            continue;
        }
        let mut all_digits = is_digit(c);
        let mut end = i + c.len_utf8();
        while end < bytes.len() {
            let d = bytes[end];
            if d < 0x80 {
                if d.is_ascii_alphanumeric() {
                    all_digits &= d.is_ascii_digit();
                    end += 1;
                } else if all_digits
                    && matches!(d, b'.' | b',')
                    && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                {
                    // inner separator of a number: kept only when a digit follows
                    end += 1;
                } else {
                    break;
                }
                continue;
            }
            let d = char_at(end);
            // (a combining mark belongs to the letter before it: the virama of Hindi
            // "नमस्ते" or Tamil, a decomposed accent)
            if is_unspaced_script(d) || !(d.is_alphanumeric() || is_combining_mark(d)) {
                break;
            }
            all_digits &= is_digit(d);
            end += d.len_utf8();
        }
        let kind = if all_digits {
            WordKind::Digits
        } else {
            WordKind::Alpha
        };
        // (a clitic after an apostrophe: checked only there, counting chars is not free)
        let clitic =
            after_apostrophe && kind == WordKind::Alpha && text[i..end].chars().count() <= 2;
        if !clitic {
            emit(i..end, kind);
        }
        last_end = end;
        after_apostrophe = false;
        i = end;
    }
}

/// Canonical form of a digit string: thousands separators removed, decimal comma → point.
/// `2,000` → `2000`, `1.000.000` → `1000000`, `3,5` → `3.5`, `30` → `30`.
pub fn canonical_number(digits: &str) -> Cow<'_, str> {
    if !digits.contains(['.', ',']) {
        return Cow::Borrowed(digits);
    }
    let groups: Vec<&str> = digits.split(['.', ',']).collect();
    let seps: Vec<char> = digits.chars().filter(|c| matches!(c, '.' | ',')).collect();
    let thousands = |k: usize| groups[k + 1].len() == 3;
    let mut out = String::with_capacity(digits.len());
    out.push_str(groups[0]);
    let all_same_sep = seps.iter().all(|&s| s == seps[0]);
    for k in 0..seps.len() {
        // The last separator is a decimal point unless it is followed by exactly three digits
        // and is the same mark as the earlier ones (`1,000,000`), or repeated (`1.000.000`).
        let last = k + 1 == seps.len();
        let is_thousands = if last {
            thousands(k) && (seps.len() > 1 && all_same_sep || seps.len() == 1)
        } else {
            true
        };
        if !is_thousands {
            out.push('.');
        }
        out.push_str(groups[k + 1]);
    }
    Cow::Owned(out)
}

/// The digits of an ordinal written with digits and the language's ordinal suffix (`21st`,
/// `3rd`; French `1er`, `2e`, `19ème`; Spanish, Italian, Portuguese `1º`, `2ª`, `3o`; Dutch `4e`,
/// `8ste`), or `None`. Languages that write ordinals with a full stop (`19.`) need nothing: the
/// stop is not part of the word.
pub fn ordinal_digits(folded: &str, lang: Lang) -> Option<&str> {
    let split = folded.find(|c: char| !c.is_ascii_digit())?;
    let (digits, suffix) = folded.split_at(split);
    if digits.is_empty() {
        return None;
    }
    let suffixes: &[&str] = match lang {
        Lang::English => &["st", "nd", "rd", "th"],
        Lang::French => &["e", "er", "re", "ere", "eme", "ème", "ieme", "ième"],
        Lang::Spanish | Lang::Italian | Lang::Portuguese => &["o", "a", "º", "ª"],
        Lang::Dutch => &["e", "de", "ste"],
        _ => &[],
    };
    suffixes.contains(&suffix).then_some(digits)
}

/// A normalised word: its folded surface form (number words as digits) and its stem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormWord {
    /// Byte range in the input text (a number-word run covers all its words).
    pub span: Range<usize>,
    /// Folded surface form; numbers (digits or words) in canonical digit form.
    pub norm: String,
    /// Snowball stem of `norm` (for `Lang::Unknown` its first [`TRUNCATE_STEM`] letters;
    /// `norm` itself for numbers).
    pub stem: String,
}

/// Per-language normaliser: a Snowball stemmer and a number-word interpreter.
pub struct Normalizer {
    lang: Lang,
    stemmer: Option<frostem::Stemmer>,
    numbers: Option<NumberWords>,
}

impl std::fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normalizer")
            .field("lang", &self.lang)
            .field("stems", &self.stemmer.is_some())
            .field("numbers", &self.numbers.is_some())
            .finish()
    }
}

/// The Snowball algorithm for a language (`None`: none; [`Normalizer::stem`] truncates).
pub fn snowball_algorithm(lang: Lang) -> Option<frostem::Algorithm> {
    use frostem::Algorithm as A;
    Some(match lang {
        Lang::English => A::English,
        Lang::German => A::German,
        Lang::French => A::French,
        Lang::Spanish => A::Spanish,
        Lang::Italian => A::Italian,
        Lang::Portuguese => A::Portuguese,
        Lang::Dutch => A::Dutch,
        Lang::Swedish => A::Swedish,
        Lang::Norwegian => A::Norwegian,
        Lang::Danish => A::Danish,
        Lang::Finnish => A::Finnish,
        Lang::Hungarian => A::Hungarian,
        Lang::Romanian => A::Romanian,
        Lang::Russian => A::Russian,
        Lang::Greek => A::Greek,
        Lang::Turkish => A::Turkish,
        Lang::Arabic => A::Arabic,
        Lang::Tamil => A::Tamil,
        Lang::Polish => A::Polish,
        Lang::Unknown => return None,
    })
}

impl Normalizer {
    /// A normaliser for `lang`. Stemming for every Snowball language; number words for
    /// English, German, French, Spanish, Italian, Portuguese, Dutch, Danish, Russian, Polish
    /// and Arabic
    /// ([`NumberWords`]).
    pub fn new(lang: Lang) -> Normalizer {
        let numbers = NumberWords::of(lang);
        Normalizer {
            lang,
            stemmer: snowball_algorithm(lang).map(frostem::Stemmer::new),
            numbers,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The Snowball stem of a folded word. Without a stemmer (a language without rules of
    /// ours: Czech, Ukrainian, …) the stem is the word's first
    /// [`TRUNCATE_STEM`] letters, a language-free stemmer. Ordinals written with digits stem
    /// to their number (`19th` → `19`, French `2e` → `2`), so "his 19th season" and
    /// "19 seasons" share it. An English word of a synonym class stems to its class's stem
    /// ([`super::synonyms`]: "nations" → `countri`, as "countries").
    pub fn stem<'a>(&self, folded: &'a str) -> Cow<'a, str> {
        if folded.starts_with(|c: char| c.is_ascii_digit()) {
            return Cow::Borrowed(ordinal_digits(folded, self.lang).unwrap_or(folded));
        }
        match &self.stemmer {
            Some(s) => match self.lang {
                Lang::English => super::synonyms::class_stem(folded)
                    .map_or_else(|| s.stem(folded), Cow::Borrowed),
                _ => s.stem(folded),
            },
            None => Cow::Borrowed(truncate_stem(folded)),
        }
    }

    /// The digits a run of folded number words stands for (`["twenty", "one"]` → `21`,
    /// `["thirty"]` → `30`), or `None` if the run is not one number in this language.
    pub fn number(&self, words: &[&str]) -> Option<String> {
        let lang = self.numbers.as_ref()?;
        if words.is_empty() {
            return None;
        }
        let joined = words.join(" ");
        let digits = text2num::text2digits(&joined, lang).ok()?;
        // Ordinals come back as `1st`, `2nd`; keep only pure cardinals.
        digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
            .then_some(digits)
    }

    /// Whether a folded word is a number word on its own (`thirty`, `zwanzig`, `trente`).
    ///
    /// The same answer as `self.number(&[folded]).is_some()`, asked of the number parser
    /// directly: one word is one group of one token (no joining, splitting or lower-casing
    /// of an already lower-case word), so no memo is needed.
    pub fn is_number_word(&self, folded: &str) -> bool {
        self.is_number_word_in(folded, &mut DigitString::new())
    }

    /// [`Self::is_number_word`] reading the word into `scratch` (reset first: the same as a
    /// new one), so a caller asking about many words allocates one digit string, not one
    /// per word.
    pub(crate) fn is_number_word_in(&self, folded: &str, scratch: &mut DigitString) -> bool {
        use text2num::LangInterpreter;
        let Some(lang) = self.numbers.as_ref() else {
            return false;
        };
        // (`text2digits` lower-cases its input; a folded word usually is already, and then
        // it is alphabetic too, so one pass over its bytes answers both)
        let low: Cow<'_, str> = if folded.bytes().all(|b| b.is_ascii_lowercase()) {
            Cow::Borrowed(folded)
        } else if folded.chars().all(char::is_alphabetic) {
            Cow::Owned(folded.to_lowercase())
        } else {
            return false;
        };
        // A word that folds to nothing (an Arabic tatweel or lone tashkeel) is no number
        // word; and text2num's Danish panics on formatting an empty digit string.
        if low.is_empty() {
            return false;
        }
        // An alphabetic word has no white space: it is its own one token, as splitting it at
        // white space would give; the group of that one token is what `exec_group` reads:
        // the token applied to a new digit string (incomplete: no number).
        scratch.reset();
        match lang.apply(&low, scratch) {
            Ok(()) => lang
                .format_and_value(scratch)
                .0
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.'),
            Err(_) => false,
        }
    }

    /// Whether a folded word may join two number words into one number ("et", "y", "and").
    pub fn is_connector(&self, folded: &str) -> bool {
        use text2num::LangInterpreter;
        self.numbers.as_ref().is_some_and(|l| {
            l.is_linking(folded) || matches!(folded, "and" | "et" | "y" | "e" | "und" | "en" | "og")
        })
    }

    /// Normalise a whole text: words, folded, number-word runs turned into digits, stemmed.
    pub fn words(&self, text: &str) -> Vec<NormWord> {
        let spans = word_spans(text);
        let folded: Vec<(Range<usize>, WordKind, String)> = spans
            .into_iter()
            .map(|(r, k)| {
                let f = match k {
                    WordKind::Digits => canonical_number(&text[r.clone()]).into_owned(),
                    WordKind::Alpha => fold(&text[r.clone()]).into_owned(),
                };
                (r, k, f)
            })
            .collect();
        let mut is_num: Vec<bool> = folded
            .iter()
            .map(|(_, k, f)| *k == WordKind::Alpha && self.is_number_word(f))
            .collect();
        // Connectors ("vingt et un", "treinta y uno") join a run when number words surround them.
        for k in 1..folded.len().saturating_sub(1) {
            if !is_num[k] && is_num[k - 1] && is_num[k + 1] && self.is_connector(&folded[k].2) {
                is_num[k] = true;
            }
        }
        // Chinese and Japanese numerals, in a text of no language of ours (`numwords::cjk_numbers`)
        let mut cjk = Vec::new();
        if self.lang == Lang::Unknown {
            let ranges: Vec<Range<usize>> = folded.iter().map(|(r, _, _)| r.clone()).collect();
            cjk = super::numwords::cjk_numbers(text, &ranges);
        }
        let mut cjk = cjk.into_iter().peekable();
        let mut out = Vec::with_capacity(folded.len());
        let mut i = 0;
        while i < folded.len() {
            if let Some((range, value)) = cjk.next_if(|(r, _)| r.start == i) {
                let span = folded[range.start].0.start..folded[range.end - 1].0.end;
                out.push(NormWord {
                    span,
                    norm: value.clone(),
                    stem: value,
                });
                i = range.end;
                continue;
            }
            if is_num[i] {
                let mut j = i;
                while j < folded.len() && is_num[j] {
                    j += 1;
                }
                let run: Vec<&str> = folded[i..j].iter().map(|(_, _, f)| f.as_str()).collect();
                for (range, value) in self.number_runs(&run) {
                    let span = folded[i + range.start].0.start..folded[i + range.end - 1].0.end;
                    let (norm, stem) = match value {
                        Some(v) => (v.clone(), v),
                        None => {
                            let f = run[range.start];
                            (f.to_string(), self.stem(f).into_owned())
                        }
                    };
                    out.push(NormWord { span, norm, stem });
                }
                i = j;
                continue;
            }
            let (r, _, f) = &folded[i];
            out.push(NormWord {
                span: r.clone(),
                stem: self.stem(f).into_owned(),
                norm: f.clone(),
            });
            i += 1;
        }
        out
    }

    /// Split a run of number words into numbers: the longest prefix that reads as one number,
    /// then the rest (`one two three` → 1, 2, 3; `twenty one` → 21).
    /// `None` marks a word of the run that is not part of any number (a stray connector).
    pub fn number_runs(&self, run: &[&str]) -> Vec<(Range<usize>, Option<String>)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < run.len() {
            let mut done = false;
            for j in (i + 1..=run.len()).rev() {
                if let Some(v) = self.number(&run[i..j]) {
                    out.push((i..j, Some(v)));
                    i = j;
                    done = true;
                    break;
                }
            }
            if !done {
                out.push((i..i + 1, None));
                i += 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(lang: Lang, text: &str) -> Vec<String> {
        Normalizer::new(lang)
            .words(text)
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    fn stems(lang: Lang, text: &str) -> Vec<String> {
        Normalizer::new(lang)
            .words(text)
            .into_iter()
            .map(|w| w.stem)
            .collect()
    }

    #[test]
    fn folds_case_quotes_dashes() {
        assert_eq!(fold("Ukraine’s"), "ukraine's");
        assert_eq!(fold("“Royal”"), "\"royal\"");
        assert_eq!(fold("a—b–c"), "a-b-c");
        assert!(matches!(fold("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn folds_the_variants_one_word_is_written_in() {
        // Russian ё, mostly written е
        assert_eq!(fold("Трёх"), "трех");
        assert_eq!(fold("ещё"), fold("еще"));
        // Arabic tashkeel and tatweel dropped, alef with hamza or madda bare
        assert_eq!(fold("نُقل"), fold("نقل"));
        assert_eq!(fold("مـدينة"), fold("مدينة"));
        assert_eq!(fold("أحمد"), "احمد");
        // decomposed accents composed: NFD "café" is NFC "café", and NFD ё is ё, so е
        assert_eq!(fold("Cafe\u{301}"), "café");
        assert_eq!(fold("е\u{308}ще"), "еще");
        // other accents are letters of their own
        assert_ne!(fold("où"), fold("ou"));
    }

    #[test]
    fn combining_marks_stay_in_their_word() {
        let words = |t: &str| -> Vec<String> {
            word_spans(t)
                .into_iter()
                .map(|(r, _)| t[r].to_string())
                .collect()
        };
        // Hindi: the virama (U+094D) and nukta (U+093C) are marks, not word breaks
        assert_eq!(words("नमस्ते दुनिया"), ["नमस्ते", "दुनिया"]);
        assert_eq!(words("ज़िंदगी"), ["ज़िंदगी"]);
        // Tamil: the pulli (U+0BCD)
        assert_eq!(words("தமிழ்நாடு அரசு"), ["தமிழ்நாடு", "அரசு"]);
        // a decomposed accent
        assert_eq!(words("cafe\u{301} au lait"), ["cafe\u{301}", "au", "lait"]);
        // a mark with no letter before it starts no word
        assert_eq!(words("\u{301}abc"), ["abc"]);
    }

    #[test]
    fn english_number_words() {
        assert_eq!(
            norms(Lang::English, "some thirty nations"),
            ["some", "30", "nations"]
        );
        assert_eq!(norms(Lang::English, "twenty-one countries")[0], "21");
        assert_eq!(norms(Lang::English, "twenty one")[0], "21");
        assert_eq!(norms(Lang::English, "roughly 30 officials")[1], "30");
        assert_eq!(norms(Lang::English, "one two three"), ["1", "2", "3"]);
    }

    #[test]
    fn other_languages_number_words() {
        assert_eq!(norms(Lang::German, "etwa dreißig Länder")[1], "30");
        assert_eq!(norms(Lang::German, "einundzwanzig")[0], "21");
        assert_eq!(norms(Lang::French, "trente pays")[0], "30");
        assert_eq!(norms(Lang::French, "vingt-et-un")[0], "21");
        assert_eq!(norms(Lang::Spanish, "treinta y uno")[0], "31");
        assert_eq!(norms(Lang::Spanish, "veinte países")[0], "20");
        assert_eq!(norms(Lang::Polish, "trzech pasażerów")[0], "3");
        assert_eq!(
            norms(Lang::Polish, "dwieście osiemdziesiąt sześć")[0],
            "286"
        );
        // a plural scale word alone is "thousands", no figure; after a number it stays a word
        assert_eq!(norms(Lang::Polish, "tysiące osób")[0], "tysiące");
        // Arabic: folded first (hamza on alef, tashkeel), prefixes glued on, units before tens
        assert_eq!(norms(Lang::Arabic, "عشرة طوابق")[0], "10");
        assert_eq!(norms(Lang::Arabic, "بعَشرة")[0], "10");
        assert_eq!(norms(Lang::Arabic, "خمسة وعشرين مترا")[0], "25");
        assert_eq!(norms(Lang::Arabic, "خمس عشرة أسرة")[0], "15");
        // "مائة ألف" is read as "100 ألف" is written
        assert_eq!(norms(Lang::Arabic, "مائة ألف جنيه")[..2], ["100", "الف"]);
        assert_eq!(norms(Lang::Arabic, "يوم الاثنين")[1], "الاثنين");
        // Chinese and Japanese numerals in a text of no language of ours: runs, counters
        assert_eq!(
            norms(Lang::Unknown, "乗客三十一人"),
            ["乗", "客", "31", "人"]
        );
        assert_eq!(norms(Lang::Unknown, "两万余人")[..2], ["2", "万"]);
        assert_eq!(norms(Lang::Unknown, "第一"), ["第", "一"]);
        assert_eq!(norms(Lang::Unknown, "一般"), ["一", "般"]);
    }

    #[test]
    fn digits_canonical() {
        assert_eq!(norms(Lang::English, "2,000 troops"), ["2000", "troops"]);
        assert_eq!(
            norms(Lang::English, "3.5 per cent."),
            ["3.5", "per", "cent"]
        );
        assert_eq!(norms(Lang::German, "3,5 Prozent"), ["3.5", "prozent"]);
        assert_eq!(norms(Lang::German, "1.000.000 Euro"), ["1000000", "euro"]);
        assert_eq!(canonical_number("1,000,000"), "1000000");
        assert_eq!(canonical_number("30"), "30");
    }

    #[test]
    fn apostrophes_and_clitics() {
        assert_eq!(
            norms(Lang::English, "Ukraine’s power we're"),
            ["ukraine", "power", "we"]
        );
        assert_eq!(norms(Lang::French, "l'armée"), ["l", "armée"]);
    }

    #[test]
    fn stems_per_language() {
        assert_eq!(stems(Lang::English, "meeting meets"), ["meet", "meet"]);
        assert_eq!(
            stems(Lang::German, "Verhandlungen Verhandlung"),
            ["verhandl", "verhandl"]
        );
        assert_eq!(
            stems(Lang::French, "négociations négociation"),
            ["négoci", "négoci"]
        );
        // Polish, Snowball's newest: case forms of one noun meet.
        assert_eq!(
            stems(
                Lang::Polish,
                "województwa województwie mieszkańców mieszkańcy"
            ),
            ["województw", "województw", "mieszkańc", "mieszkańc"]
        );
        // Without a stemmer: the first five letters, so inflected forms meet.
        assert_eq!(stems(Lang::Unknown, "meetings"), ["meeti"]);
        assert_eq!(
            stems(Lang::Unknown, "województwa województwie gmina"),
            ["wojew", "wojew", "gmina"]
        );
        // Single-character words of unspaced scripts stay whole; so do numbers, and the runs
        // of scripts such as Thai, which hold several words.
        assert_eq!(stems(Lang::Unknown, "暴雨 2024"), ["暴", "雨", "2024"]);
        assert_eq!(stems(Lang::Unknown, "ประเทศไทย"), ["ประเทศไทย"]);
    }

    #[test]
    fn digit_ordinals_stem_to_their_number() {
        assert_eq!(
            stems(
                Lang::English,
                "his 19th season, 19 seasons, 1st 2nd 3rd 21st"
            ),
            ["his", "19", "season", "19", "season", "1", "2", "3", "21"]
        );
        assert_eq!(
            stems(Lang::French, "le 2e et le 19ème"),
            ["le", "2", "et", "le", "19"]
        );
        assert_eq!(stems(Lang::Spanish, "el 3º"), ["el", "3"]);
        // Not an ordinal: a unit, an identifier, a suffix of another language.
        assert_eq!(stems(Lang::English, "10km 19a 2e"), ["10km", "19a", "2e"]);
    }

    #[test]
    fn number_words_are_what_the_number_parser_reads_as_one_number() {
        let words = [
            "thirty",
            "one",
            "first",
            "second",
            "hundred",
            "thousands",
            "and",
            "o",
            "point",
            "seconds",
            "twenties",
            "nations",
            "zwanzig",
            "einundzwanzig",
            "dreißig",
            "Dreißig",
            "trente",
            "vingt",
            "et",
            "treinta",
            "y",
            "veinte",
            "ÉLEVÉ",
            "tweeëntwintig",
            "trzech",
            "tysiące",
            "tysiąc",
            "ثلاثة",
            "وعشرين",
            "ألف",
            "الاثنين",
        ];
        for lang in [
            Lang::English,
            Lang::German,
            Lang::French,
            Lang::Spanish,
            Lang::Dutch,
            Lang::Danish,
            Lang::Russian,
            Lang::Polish,
            Lang::Arabic,
        ] {
            let n = Normalizer::new(lang);
            for w in words {
                assert_eq!(
                    n.is_number_word(w),
                    n.number(&[w]).is_some(),
                    "{lang:?} {w}"
                );
            }
        }
    }

    #[test]
    fn number_word_test_answers_as_splitting_at_white_space_did() {
        use text2num::LangInterpreter;
        // the test as it was: alphabetic check, lower-casing, the word split at white space
        fn old(n: &Normalizer, folded: &str) -> bool {
            let Some(lang) = n.numbers.as_ref() else {
                return false;
            };
            if !folded.chars().all(char::is_alphabetic) {
                return false;
            }
            match lang.exec_group(folded.to_lowercase().split_whitespace()) {
                Ok(ds) => lang
                    .format_and_value(&ds)
                    .0
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.'),
                Err(_) => false,
            }
        }
        // ("" is left out: it is no number word now, where it was one)
        let words = [
            "two",
            "Two",
            "TWENTY",
            "two three",
            "x2",
            "twenty-one",
            "thirty\u{a0}one",
            "première",
            "thousand",
            "hundred",
            "twentieth",
            "point",
            "zero",
            "deux",
            "cent",
            "mille",
            "tausend",
            "zwanzig",
            "ÉLEVÉ",
            "dreißig",
            "the",
            "million",
            "a",
            "and",
            "один",
        ];
        for lang in [Lang::English, Lang::German, Lang::French, Lang::Russian] {
            let n = Normalizer::new(lang);
            // one digit string for all words, in both orders (a word read before must not
            // change the answer for the next)
            let mut scratch = DigitString::new();
            for w in words.iter().chain(words.iter().rev()) {
                assert_eq!(n.is_number_word(w), old(&n, w), "{lang:?} {w:?}");
                assert_eq!(
                    n.is_number_word_in(w, &mut scratch),
                    old(&n, w),
                    "{lang:?} {w:?}"
                );
            }
        }
    }

    /// A word that folds to nothing (a lone Arabic tatweel or tashkeel mark) is no number
    /// word in any language; text2num's Danish panicked on it.
    #[test]
    fn a_word_folded_to_nothing_is_no_number_word() {
        for lang in [Lang::Danish, Lang::English, Lang::Arabic, Lang::German] {
            let n = Normalizer::new(lang);
            assert!(!n.is_number_word(""), "{lang:?}");
            assert!(!n.is_number_word(&fold("\u{640}")), "{lang:?}");
        }
        let words =
            Normalizer::new(Lang::Danish).words("fem millioner kroner \u{640} til skolerne");
        assert!(!words.is_empty());
    }

    #[test]
    fn unspaced_scripts_split_per_character() {
        assert_eq!(norms(Lang::Unknown, "東京都"), ["東", "京", "都"]);
    }

    #[test]
    fn spans_point_into_text() {
        let text = "Some thirty-one “Nations” met.";
        for w in Normalizer::new(Lang::English).words(text) {
            assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
        }
    }
}
