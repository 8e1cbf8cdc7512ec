//! Sentence features for similarity: IDF-weighted stems and character 3-grams.
//!
//! Every sentence becomes two sparse vectors over a vocabulary shared by both sides:
//! - **stems** (Snowball stems of folded words, their first five letters in a language
//!   without a stemmer; number words and digits in canonical digits; in English, the words
//!   of one WordNet synonym class share their class's stem: "nations" counts as "countries",
//!   "physician" as "doctor", see [`crate::text::synonyms`]; in scripts written without
//!   spaces, each character and each two adjacent characters, since most Chinese words
//!   are two characters long: the bigrams of CJK retrieval),
//!   and a sentence that gives a time of day gets one word more for it, the same for
//!   "13.15 uur" and "kwart over één" ([`crate::text::clock`]),
//! - **3-grams** of each folded, unstemmed word with boundary marks (`<wo`, `wor`, `ord`, `rd>`),
//!   which survive typos, spelling variants, compounds and some spun synonyms.
//!
//! Each side is first tokenised on its own ([`Prepared`]: word ids per sentence over the side's
//! own vocabulary), which a caller can keep with its text; a pair then maps B's vocabulary
//! onto A's (with the ids one shared vocabulary would have given) and counts and weighs.
//!
//! Weights are `idf × (1 + ln tf)`, with the IDF taken over the sentences of both texts
//! (optionally blended with corpus-wide document frequencies, see [`super::DocFreq`]), so
//! names and numbers count far more than function words without any stopword list.

use crate::par::both;
use crate::text::normalize::{
    Normalizer, WordKind, canonical_number, fold, is_unspaced_script, word_spans_with,
};
use crate::text::{Lang, Span, clock};
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::{FxBuildHasher, FxHashMap as FxMap};
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::sync::Arc;

/// A sparse vector: `(feature id, weight)`, sorted by id, ids unique.
pub(crate) type SparseVec = Vec<(u32, f32)>;

/// Boundary mark in character 3-grams (outside the Unicode range, fits in 21 bits).
const EDGE: u64 = 0x1F_FFFF;

/// One word type as the features see it.
struct WordInfo {
    stem: u32,
    norm: u32,
    /// Its 3-grams are `Vocab::word_grams[gram_start..gram_end]`.
    gram_start: u32,
    gram_end: u32,
}

/// One raw token type (as written) of one side.
struct TokInfo<'t> {
    /// (borrowed from the text when folding changed nothing, as for most words)
    folded: Cow<'t, str>,
    number: bool,
    /// Alphabetic (else digits); whether it is a connector is asked only where it matters.
    alpha: bool,
    /// What the token may make of a time of day: [`CLOCK_DIGITS`] (digits, or a word with a
    /// digit in it: "11pm", "22h30"), [`CLOCK_WORD`] (a [`clock::is_time_word`]), or 0.
    clock: u8,
    word: u32,
}

/// [`TokInfo::clock`]: digits, which may be part of a time of day written with them.
const CLOCK_DIGITS: u8 = 1;
/// [`TokInfo::clock`]: a word spoken times cannot do without ("half", "halb", "kwart").
const CLOCK_WORD: u8 = 2;

/// One side's vocabularies: stems, normalised forms and 3-grams, numbered in order of first
/// occurrence, and the word types over them.
struct Vocab {
    stems: Interner,
    norms: Interner,
    grams: FxMap<u64, u32>,
    words: Vec<WordInfo>,
    /// The 3-gram ids of every word, stored flat (one buffer instead of one per word).
    word_grams: Vec<u32>,
    /// Per word: its stem is the stemmer's (else its normalised form).
    stemmed: Vec<bool>,
}

/// From this many words to stem on, [`Vocab::set_stems`] stems two halves in parallel
/// where a fork is cheap (a stem costs about 2000 instructions).
const STEMS_SPLIT: usize = 64;

/// Above this many bytes of text (both sides), the sides are tokenised on two threads, and
/// B's new ids follow the merge of its vocabulary into A's (see [`pair_ids`]).
pub(crate) const PARALLEL_BYTES: usize = 256 * 1024;

/// Above this many bytes of text (both sides), the per-side steps of building a pair's
/// features run side by side where a fork is cheap ([`crate::par::cheap_forks`]): each is
/// then some µs of work, more than a fork costs there.
const SPLIT_BYTES: usize = 2 * 1024;

/// Distinct strings numbered in order of first occurrence, stored one after another in one
/// buffer: a vocabulary of a few hundred words costs a few allocations to build and to free
/// instead of one per word (as a map keyed by `Box<str>` does), and a new string is hashed
/// and probed for once.
#[derive(Default)]
struct Interner {
    /// All strings, concatenated in id order.
    text: String,
    /// String `i` ends at byte `ends[i]` of `text` (and starts where string `i - 1` ends).
    ends: Vec<u32>,
    /// The ids, found by the hash of their strings.
    table: HashTable<u32>,
}

/// String `id` of an [`Interner`] (given its parts, so the interner's table can be borrowed
/// mutably meanwhile).
fn interned<'s>(text: &'s str, ends: &[u32], id: u32) -> &'s str {
    let i = id as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] as usize };
    &text[start..ends[i] as usize]
}

impl Interner {
    /// An interner for about `n` strings.
    fn with_capacity(n: usize) -> Interner {
        Interner {
            text: String::with_capacity(8 * n),
            ends: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
        }
    }

    fn hash(s: &str) -> u64 {
        FxBuildHasher.hash_one(s)
    }

    /// How many strings it holds.
    fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `id`.
    fn str(&self, id: u32) -> &str {
        interned(&self.text, &self.ends, id)
    }

    /// The id of `s`, if it holds `s`.
    fn get(&self, s: &str) -> Option<u32> {
        self.table
            .find(Self::hash(s), |&id| self.str(id) == s)
            .copied()
    }

    /// The id of `s`, which gets the next id if it is new.
    fn intern(&mut self, s: &str) -> u32 {
        let Interner { text, ends, table } = self;
        let entry = table.entry(
            Self::hash(s),
            |&id| interned(text, ends, id) == s,
            |&id| Self::hash(interned(text, ends, id)),
        );
        match entry {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let id = ends.len() as u32;
                text.push_str(s);
                ends.push(text.len() as u32);
                e.insert(id);
                id
            }
        }
    }

    /// The strings in id order.
    fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len() as u32).map(|id| self.str(id))
    }
}

impl Vocab {
    /// A new word whose stem is its normalised form (a number, a number's value).
    fn word(&mut self, norm: &str) -> u32 {
        let norm_id = self.norms.intern(norm);
        self.word_of(norm, norm_id, false)
    }

    /// A new word of normalised form `norm`, already interned as `norm_id`; its stem is the
    /// stemmer's (`stemmed`) or the form itself, set by [`Self::set_stems`].
    fn word_of(&mut self, norm: &str, norm_id: u32, stemmed: bool) -> u32 {
        self.stemmed.push(stemmed);
        let stem = u32::MAX;
        let gram_start = self.word_grams.len() as u32;
        if !norm.starts_with(|c: char| c.is_ascii_digit()) {
            let (mut x, mut y) = (u64::MAX, EDGE);
            for z in norm.chars().map(|c| c as u64).chain(std::iter::once(EDGE)) {
                if x != u64::MAX {
                    let key = (x << 42) | (y << 21) | z;
                    let n = self.grams.len() as u32;
                    self.word_grams.push(*self.grams.entry(key).or_insert(n));
                }
                (x, y) = (y, z);
            }
        }
        let id = self.words.len() as u32;
        self.words.push(WordInfo {
            stem,
            norm: norm_id,
            gram_start,
            gram_end: self.word_grams.len() as u32,
        });
        id
    }

    /// Give every word its stem id, numbering the stems in the order of the words (as
    /// interning each word's stem when the word was made does). The stems are computed
    /// first, in two halves side by side where a fork is cheap: with the 3-grams, stemming is
    /// most of what a new word costs.
    fn set_stems(&mut self, norm: &Normalizer) {
        let forms: Vec<u32> = (self.words.iter().zip(&self.stemmed))
            .filter(|(_, s)| **s)
            .map(|(w, _)| w.norm)
            .collect();
        let norms = &self.norms;
        let stem_all = |ids: &[u32]| -> Vec<Cow<'_, str>> {
            ids.iter().map(|&n| norm.stem(norms.str(n))).collect()
        };
        let split = forms.len() >= STEMS_SPLIT && crate::par::cheap_forks();
        let mut stems = crate::par::halves(split, &forms, stem_all).into_iter();
        for (w, &stemmed) in self.words.iter_mut().zip(&self.stemmed) {
            w.stem = if stemmed {
                let stem = stems.next().expect("a stem per stemmed word");
                self.stems.intern(&stem)
            } else {
                self.stems.intern(self.norms.str(w.norm))
            };
        }
    }

    /// The 3-gram ids of word `w`.
    fn grams_of(&self, w: &WordInfo) -> &[u32] {
        &self.word_grams[w.gram_start as usize..w.gram_end as usize]
    }
}

/// A token of 1 to 8 bytes without a NUL byte as one integer (its bytes, zero-padded: unique
/// among such tokens), so the token cache hashes and compares one word instead of a string.
#[inline]
fn short_key(raw: &str) -> Option<u64> {
    let b = raw.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    // (a byte loop: cheaper than a call to copy at most 8 bytes)
    let mut buf = [0u8; 8];
    for (d, &s) in buf.iter_mut().zip(b) {
        *d = s;
    }
    let key = u64::from_le_bytes(buf);
    // A NUL byte among the token's own bytes (padding bytes set to 1 for the test) would make
    // the key ambiguous: such tokens take the string path.
    let padded =
        key | (u64::MAX.checked_shl(8 * b.len() as u32).unwrap_or(0) & 0x0101_0101_0101_0101);
    let has_nul = padded.wrapping_sub(0x0101_0101_0101_0101) & !padded & 0x8080_8080_8080_8080 != 0;
    (!has_nul).then_some(key)
}

/// Turns the sentences of one language into word ids, caching per token type.
struct SideTokenizer<'t> {
    norm: Normalizer,
    /// Scratch for [`Normalizer::is_number_word_in`].
    digits: text2num::digit_string::DigitString,
    /// Token types of up to 8 bytes, keyed by their bytes as one integer (see [`short_key`]).
    short: FxMap<u64, u32>,
    /// Longer token types.
    toks: FxMap<&'t str, u32>,
    infos: Vec<TokInfo<'t>>,
    /// Normalised form id → the alphabetic token type of that folded form (`u32::MAX`: none).
    alpha_of_norm: Vec<u32>,
    /// norm string → word id, for number values built from runs.
    values: FxMap<String, u32>,
    toks_buf: Vec<u32>,
    /// The two-character words of CJK text of one sentence, each with the index of its
    /// second character's token (reused from one sentence to the next).
    pairs_buf: Vec<(usize, u32)>,
}

impl<'t> SideTokenizer<'t> {
    /// A tokenizer expecting about `types` token types (its maps are never iterated, so
    /// their capacity changes nothing but the cost of growing them).
    fn new(lang: Lang, types: usize) -> Self {
        SideTokenizer {
            norm: Normalizer::new(lang),
            digits: Default::default(),
            short: FxMap::with_capacity_and_hasher(types, Default::default()),
            toks: FxMap::with_capacity_and_hasher(types / 2, Default::default()),
            infos: Vec::with_capacity(types),
            alpha_of_norm: Vec::with_capacity(types),
            values: FxMap::default(),
            toks_buf: Vec::new(),
            pairs_buf: Vec::new(),
        }
    }

    fn token(&mut self, vocab: &mut Vocab, raw: &'t str, kind: WordKind) -> u32 {
        let key = short_key(raw);
        let hit = match key {
            Some(k) => self.short.get(&k),
            None => self.toks.get(raw),
        };
        if let Some(&t) = hit {
            return t;
        }
        let folded = match kind {
            WordKind::Digits => canonical_number(raw),
            WordKind::Alpha => fold(raw),
        };
        let alpha = kind == WordKind::Alpha;
        // A word type already seen in another case ("The", "the"): everything about an
        // alphabetic token follows from its folded form, so it is the same token. (The form
        // is interned right away, not just looked up: a new one is a new word just below, so
        // it is hashed and probed for once.)
        let norm_id = alpha.then(|| vocab.norms.intern(&folded));
        let seen = norm_id
            .and_then(|n| self.alpha_of_norm.get(n as usize))
            .copied()
            .filter(|&t| t != u32::MAX);
        let id = match seen {
            Some(t) => t,
            None => {
                let number = alpha
                    && folded.len() <= 24
                    && self.norm.is_number_word_in(&folded, &mut self.digits);
                let word = match norm_id {
                    Some(n) => vocab.word_of(&folded, n, true),
                    None => vocab.word(&folded),
                };
                let id = self.infos.len() as u32;
                if alpha {
                    let n = vocab.words[word as usize].norm as usize;
                    if self.alpha_of_norm.len() <= n {
                        self.alpha_of_norm.resize(n + 1, u32::MAX);
                    }
                    self.alpha_of_norm[n] = id;
                }
                let clock = if !alpha || folded.bytes().any(|b| b.is_ascii_digit()) {
                    CLOCK_DIGITS
                } else if clock::is_time_word(&folded, self.norm.lang()) {
                    CLOCK_WORD
                } else {
                    0
                };
                self.infos.push(TokInfo {
                    folded,
                    number,
                    alpha,
                    clock,
                    word,
                });
                id
            }
        };
        match key {
            Some(k) => self.short.insert(k, id),
            None => self.toks.insert(raw, id),
        };
        id
    }

    /// Whether token type `t` may join two number words ([`Normalizer::is_connector`]).
    fn is_connector(&self, t: u32) -> bool {
        let info = &self.infos[t as usize];
        info.alpha && self.norm.is_connector(&info.folded)
    }

    fn value_word(&mut self, vocab: &mut Vocab, value: &str) -> u32 {
        if let Some(&w) = self.values.get(value) {
            return w;
        }
        let w = vocab.word(value);
        self.values.insert(value.to_string(), w);
        w
    }

    /// Append the word ids of one sentence to `out`, with number-word runs turned into
    /// single values, and one word more for each time of day it gives (`13.15 uur` and
    /// `kwart over één` both add `1:15`: [`clock::times`]).
    fn sentence(&mut self, vocab: &mut Vocab, text: &'t str, out: &mut Vec<u32>) {
        let seen = self.words(vocab, text, out);
        // (most sentences with digits hold dates or sums, no time: one pass over the bytes
        // tells)
        if seen & CLOCK_WORD == 0 && (seen & CLOCK_DIGITS == 0 || !clock::may_have_digit_time(text))
        {
            return;
        }
        for t in clock::times(text, self.norm.lang()) {
            let w = self.value_word(vocab, &t);
            out.push(w);
        }
    }

    /// The words of [`Self::sentence`]; what its tokens may make of a time of day (the
    /// [`TokInfo::clock`] of them all, or'ed).
    fn words(&mut self, vocab: &mut Vocab, text: &'t str, out: &mut Vec<u32>) -> u8 {
        let mut toks = std::mem::take(&mut self.toks_buf);
        toks.clear();
        let mut any_number = false;
        let mut maybe_time = 0u8;
        // (word ranges kept only for Chinese and Japanese numerals, read from the text around
        // them: `numwords::cjk_numbers`)
        let cjk_lang = self.norm.lang() == Lang::Unknown;
        let mut ranges = Vec::new();
        let mut any_cjk = false;
        // Two adjacent characters of a script written without spaces are a word too (most
        // Chinese words are two characters; one says little): the bigrams of CJK text
        // retrieval, kept apart and added after the sentence's words. (`unspaced`: where the
        // last such character started and ended.)
        let mut pairs = std::mem::take(&mut self.pairs_buf);
        pairs.clear();
        let mut unspaced: Option<(usize, usize)> = None;
        word_spans_with(text, |r, k| {
            // (decoded only for a word that does not start with ASCII: CJK numerals and
            // scripts without spaces never do)
            let first = (text.as_bytes()[r.start] >= 0x80)
                .then(|| text[r.start..].chars().next())
                .flatten();
            if cjk_lang {
                any_cjk |= first.is_some_and(crate::text::numwords::is_cjk_numeral);
                ranges.push(r.clone());
            }
            let t = self.token(vocab, &text[r.clone()], k);
            any_number |= self.infos[t as usize].number;
            maybe_time |= self.infos[t as usize].clock;
            toks.push(t);
            if first.is_some_and(is_unspaced_script) {
                if let Some(start) = unspaced.filter(|&(_, end)| end == r.start).map(|u| u.0) {
                    // (with the index of its second character's token)
                    let pair = self.token(vocab, &text[start..r.end], WordKind::Alpha);
                    pairs.push((toks.len() - 1, pair));
                }
                unspaced = Some((r.start, r.end));
            } else {
                unspaced = None;
            }
        });
        let cjk = if any_cjk {
            crate::text::numwords::cjk_numbers(text, &ranges)
        } else {
            Vec::new()
        };
        if !any_number && cjk.is_empty() {
            out.extend(toks.iter().map(|&t| self.infos[t as usize].word));
            out.extend(pairs.iter().map(|&(_, t)| self.infos[t as usize].word));
            self.toks_buf = toks;
            self.pairs_buf = pairs;
            return maybe_time;
        }
        // A numeral read as a number is that number alone: "三十一人" is "31人", so no pair
        // takes one of its characters ("十一", "一人").
        if !cjk.is_empty() {
            let mut numeral = vec![false; toks.len()];
            for (r, _) in &cjk {
                numeral[r.clone()].fill(true);
            }
            pairs.retain(|&(k, _)| !numeral[k - 1] && !numeral[k]);
        }
        let mut is_num: Vec<bool> = toks
            .iter()
            .map(|&t| self.infos[t as usize].number)
            .collect();
        for k in 1..toks.len().saturating_sub(1) {
            if !is_num[k] && is_num[k - 1] && is_num[k + 1] && self.is_connector(toks[k]) {
                is_num[k] = true;
            }
        }
        let mut cjk = cjk.into_iter().peekable();
        let mut i = 0;
        while i < toks.len() {
            if let Some((range, value)) = cjk.next_if(|(r, _)| r.start == i) {
                let w = self.value_word(vocab, &value);
                out.push(w);
                i = range.end;
                continue;
            }
            if !is_num[i] {
                out.push(self.infos[toks[i] as usize].word);
                i += 1;
                continue;
            }
            let mut j = i;
            while j < toks.len() && is_num[j] {
                j += 1;
            }
            let run: Vec<Cow<'t, str>> = toks[i..j]
                .iter()
                .map(|&t| self.infos[t as usize].folded.clone())
                .collect();
            let run_refs: Vec<&str> = run.iter().map(|s| &**s).collect();
            for (range, value) in self.norm.number_runs(&run_refs) {
                match value {
                    Some(v) => {
                        let w = self.value_word(vocab, &v);
                        out.push(w);
                    }
                    None => out.push(self.infos[toks[i + range.start] as usize].word),
                }
            }
            i = j;
        }
        out.extend(pairs.iter().map(|&(_, t)| self.infos[t as usize].word));
        self.toks_buf = toks;
        self.pairs_buf = pairs;
        maybe_time
    }
}

/// Counts ids into sparse vectors without sorting: a dense count per id, and a two-level
/// bitmap of the ids seen (one bit per id, one bit per non-zero 64-bit word), read back in
/// id order. The work per vector is proportional to its distinct ids (plus one word per
/// 4096 ids of the vocabulary); everything is reset as it is read.
struct Counter {
    count: Vec<u32>,
    bits: Vec<u64>,
    top: Vec<u64>,
    distinct: usize,
}

impl Counter {
    fn new(n_ids: usize) -> Counter {
        let words = n_ids.div_ceil(64);
        Counter {
            count: vec![0; n_ids],
            bits: vec![0; words],
            top: vec![0; words.div_ceil(64)],
            distinct: 0,
        }
    }

    #[inline]
    fn add(&mut self, id: u32) {
        let id = id as usize;
        let c = &mut self.count[id];
        self.distinct += usize::from(*c == 0);
        *c += 1;
        self.bits[id >> 6] |= 1 << (id & 63);
        self.top[id >> 12] |= 1 << ((id >> 6) & 63);
    }

    /// The `(id, count)` pairs added since the last call, sorted by id (counts as `f32`,
    /// weighted in place later), in a vector of exactly their size; counts each id once in
    /// `df`.
    fn take(&mut self, df: &mut [u32]) -> SparseVec {
        let mut out: SparseVec = Vec::with_capacity(self.distinct);
        for t in 0..self.top.len() {
            let mut tw = std::mem::take(&mut self.top[t]);
            while tw != 0 {
                let w = t * 64 + tw.trailing_zeros() as usize;
                tw &= tw - 1;
                let mut bw = std::mem::take(&mut self.bits[w]);
                while bw != 0 {
                    let id = w * 64 + bw.trailing_zeros() as usize;
                    bw &= bw - 1;
                    out.push((id as u32, std::mem::take(&mut self.count[id]) as f32));
                    df[id] += 1;
                }
            }
        }
        self.distinct = 0;
        out
    }
}

/// The weighted features of one sentence.
pub(crate) struct SentVec {
    pub stems: SparseVec,
    pub stem_norm: f32,
    pub grams: SparseVec,
    pub gram_norm: f32,
}

/// Features of both sides of an alignment problem.
pub(crate) struct Features {
    /// Per sentence of A: `None` when skipped or without words.
    pub a: Vec<Option<SentVec>>,
    pub b: Vec<Option<SentVec>>,
    /// Word id of each side → normalised form id of the pair (for `Same`).
    norm_a: Vec<u32>,
    norm_b: Vec<u32>,
    /// The sides (their word ids per sentence).
    side_a: Arc<Prepared>,
    side_b: Arc<Prepared>,
    /// In how many sentences (of both sides) each stem occurs; its length is the number of
    /// stems.
    pub stem_df: Vec<u32>,
    /// Weight of the stem cosine in the similarity (the 3-gram cosine gets the rest).
    pub alpha: f32,
    /// How many 3-grams the pair's vocabulary has.
    n_grams: usize,
}

/// Word ids of every sentence of one side, stored flat.
#[derive(Default)]
pub(crate) struct Norms {
    ids: Vec<u32>,
    /// Sentence `i` is `ids[ends[i - 1]..ends[i]]`.
    ends: Vec<u32>,
}

impl Norms {
    pub fn of(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.ids[start..self.ends[i] as usize]
    }
}

/// Corpus-wide document frequencies of stems, to sharpen the IDF of a pair.
#[derive(Clone, Debug, Default)]
pub struct DocFreq {
    docs: u32,
    df: std::collections::HashMap<String, u32>,
}

impl DocFreq {
    pub fn new() -> Self {
        Self::default()
    }

    /// Count the stems of one document (each stem once).
    pub fn add_document(&mut self, text: &str, lang: Lang) {
        let norm = Normalizer::new(lang);
        let mut seen: Vec<String> = norm.words(text).into_iter().map(|w| w.stem).collect();
        seen.sort_unstable();
        seen.dedup();
        for s in seen {
            *self.df.entry(s).or_insert(0) += 1;
        }
        self.docs += 1;
    }

    /// How many documents were counted.
    pub fn documents(&self) -> u32 {
        self.docs
    }

    /// In how many documents `stem` occurs.
    pub fn frequency(&self, stem: &str) -> u32 {
        self.df.get(stem).copied().unwrap_or(0)
    }

    /// A factor in `0.5..=1.0`: 1 for stems rare in the corpus, 0.5 for stems in every document.
    fn factor(&self, stem: &str) -> f32 {
        if self.docs < 2 {
            return 1.0;
        }
        let d = self.docs as f32;
        let df = self.frequency(stem) as f32;
        let r = (1.0 + d / (df + 1.0)).ln() / (1.0 + d).ln();
        0.5 + 0.5 * r.clamp(0.0, 1.0)
    }
}

/// The sides as the features need them.
pub(crate) struct SideIn<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    pub lang: Lang,
    pub skip: &'a [bool],
}

/// One side of an alignment problem tokenised on its own: word ids per sentence and the
/// side's own vocabulary (stems, normalised forms, 3-grams, in order of first occurrence).
/// Nothing in it depends on the other side, so it is computed once per text and reused by
/// every pair the text is part of ([`Features::from_prepared`]).
pub struct Prepared {
    text_len: usize,
    n_sentences: usize,
    vocab: Vocab,
    words: Norms,
}

impl Prepared {
    pub(crate) fn new(side: &SideIn) -> Prepared {
        // About one token type per 12 bytes of a news article (and about three 3-grams per
        // type); far fewer per byte in long texts. The 3-gram map gets a capacity too, which
        // changes its iteration order: where that order matters (the ids of long pairs),
        // [`pair_ids`] iterates a map grown key by key instead.
        let types = (side.text.len() / 12).min(4096);
        let mut vocab = Vocab {
            stems: Interner::with_capacity(types),
            norms: Interner::with_capacity(types),
            grams: FxMap::with_capacity_and_hasher(types * 3, Default::default()),
            words: Vec::with_capacity(types),
            word_grams: Vec::with_capacity(types * 6),
            stemmed: Vec::with_capacity(types),
        };
        let mut tok = SideTokenizer::new(side.lang, types);
        let words = tokenize_side(side, &mut tok, &mut vocab);
        vocab.set_stems(&tok.norm);
        Prepared {
            text_len: side.text.len(),
            n_sentences: side.sentences.len(),
            vocab,
            words,
        }
    }

    /// How many sentences the side has.
    pub fn sentences(&self) -> usize {
        self.n_sentences
    }
}

impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("sentences", &self.n_sentences)
            .field("words", &self.vocab.words.len())
            .finish()
    }
}

/// Pair ids for B's keys (`b`, by B's id): A's id for a key A has (`in_a`), else the next
/// free id after A's `a_len`. New keys are numbered in the iteration order of B's keys in a
/// hash map (`hash_order`, as merging B's vocabulary into A's does) or in B's order of first
/// occurrence (as one vocabulary filled with A, then B, does). Returns the ids by B's id, and
/// how many ids the pair has.
///
/// The hash order is that of a map of B's keys grown one key at a time from empty, in B's id
/// order (the ids of long pairs were defined so, when B's vocabulary was such maps): B's keys
/// are inserted so again, into such a map. (Same hasher, same hashes — a reference hashes as
/// what it points to, a `&str` as a `Box<str>` — same inserts: the same table.)
fn pair_ids<K: std::hash::Hash + Eq>(
    in_a: impl Fn(&K) -> Option<u32>,
    a_len: usize,
    b: &[K],
    hash_order: bool,
) -> (Vec<u32>, usize) {
    let mut out = vec![0u32; b.len()];
    let mut next = a_len as u32;
    let mut assign = |k: &K, id: u32| {
        out[id as usize] = in_a(k).unwrap_or_else(|| {
            next += 1;
            next - 1
        });
    };
    if hash_order {
        let mut grown: FxMap<&K, u32> = FxMap::default();
        for (id, k) in b.iter().enumerate() {
            grown.insert(k, id as u32);
        }
        for (k, &id) in &grown {
            assign(k, id);
        }
    } else {
        for (id, k) in b.iter().enumerate() {
            assign(k, id as u32);
        }
    }
    (out, next as usize)
}

/// The keys of a map onto the ids `0..len`, in id order.
fn keys_by_id<K: Copy + Default>(m: &FxMap<K, u32>) -> Vec<K> {
    let mut keys = vec![K::default(); m.len()];
    for (&k, &id) in m {
        keys[id as usize] = k;
    }
    keys
}

impl Features {
    /// Features of two sides (each tokenised on its own, on two threads for long texts).
    pub fn build(a: &SideIn, b: &SideIn, doc_freq: Option<&DocFreq>, alpha: f32) -> Features {
        let par = a.text.len() + b.text.len() >= PARALLEL_BYTES;
        let (pa, pb) = both(par, || Prepared::new(a), || Prepared::new(b));
        Features::from_prepared(Arc::new(pa), Arc::new(pb), doc_freq, alpha)
    }

    /// Features of two prepared sides.
    ///
    /// The ids of the pair's vocabulary are those one vocabulary filled with A's words, then
    /// B's, gives (long texts: A's, then B's merged in), so weights, their sums and every tie
    /// come out the same however the sides were prepared.
    pub fn from_prepared(
        pa: Arc<Prepared>,
        pb: Arc<Prepared>,
        doc_freq: Option<&DocFreq>,
        alpha: f32,
    ) -> Features {
        let par = pa.text_len + pb.text_len >= PARALLEL_BYTES;
        // (the steps below also run side by side for shorter texts where a fork is cheap)
        let split = par || (crate::par::cheap_forks() && pa.text_len + pb.text_len >= SPLIT_BYTES);
        let (va, vb) = (&pa.vocab, &pb.vocab);
        let (((stem_map, n_stems), norm_map), (gram_map, n_grams)) = both(
            split,
            || {
                let stems_b: Vec<&str> = vb.stems.iter().collect();
                let norms_b: Vec<&str> = vb.norms.iter().collect();
                (
                    pair_ids(|s| va.stems.get(s), va.stems.len(), &stems_b, par),
                    pair_ids(|s| va.norms.get(s), va.norms.len(), &norms_b, par).0,
                )
            },
            || {
                let grams_b = keys_by_id(&vb.grams);
                pair_ids(|g| va.grams.get(g).copied(), va.grams.len(), &grams_b, par)
            },
        );
        let stem_of_a: Vec<u32> = va.words.iter().map(|w| w.stem).collect();
        let stem_of_b: Vec<u32> = vb.words.iter().map(|w| stem_map[w.stem as usize]).collect();
        let (words_a, words_b) = (&pa.words, &pb.words);

        // Stem counts (and the stems' sentence frequencies), then 3-gram counts of the words
        // whose stems are rare enough, then weights: each step per side, the sides in parallel
        // for long texts.
        let ((mut vec_a, df_a), (mut vec_b, df_b)) = both(
            split,
            || stem_vecs(words_a, &stem_of_a, n_stems),
            || stem_vecs(words_b, &stem_of_b, n_stems),
        );
        let df_s: Vec<u32> = df_a.iter().zip(&df_b).map(|(x, y)| x + y).collect();
        let n = (vec_a.iter().chain(&vec_b).flatten().count()) as u32;
        let limit = (n / 10).max(3);
        // The 3-grams each word contributes: none when its stem is in more than `limit`
        // sentences (function words: they carry no signal, and they are most of the text, so
        // skipping them makes the 3-gram vectors short).
        let rare = |v: &Vocab, stem_of: &[u32]| {
            Flat::from_lists(v.words.iter().zip(stem_of).map(|(w, &stem)| {
                if df_s[stem as usize] <= limit {
                    v.grams_of(w)
                } else {
                    &[]
                }
            }))
        };
        let rare_a = rare(va, &stem_of_a);
        let mut rare_b = rare(vb, &stem_of_b);
        for g in &mut rare_b.ids {
            *g = gram_map[*g as usize];
        }
        let (df_a, df_b) = both(
            split,
            || add_grams(&mut vec_a, words_a, &rare_a, n_grams),
            || add_grams(&mut vec_b, words_b, &rare_b, n_grams),
        );
        let idf = |df: u32| (1.0 + n as f32 / df.max(1) as f32).ln();
        let mut idf_s: Vec<f32> = df_s.iter().map(|&d| idf(d)).collect();
        let idf_g: Vec<f32> = df_a.iter().zip(&df_b).map(|(x, y)| idf(x + y)).collect();
        if let Some(dfc) = doc_freq {
            // every stem of the pair once: A's, then those only B has
            for (id, stem) in va.stems.iter().enumerate() {
                idf_s[id] *= dfc.factor(stem);
            }
            for (id, stem) in vb.stems.iter().enumerate() {
                let id = stem_map[id] as usize;
                if id >= va.stems.len() {
                    idf_s[id] *= dfc.factor(stem);
                }
            }
        }
        both(
            split,
            || weigh_side(&mut vec_a, &idf_s, &idf_g),
            || weigh_side(&mut vec_b, &idf_s, &idf_g),
        );
        let norm_a = va.words.iter().map(|w| w.norm).collect();
        let norm_b = vb.words.iter().map(|w| norm_map[w.norm as usize]).collect();
        Features {
            a: vec_a,
            b: vec_b,
            norm_a,
            norm_b,
            side_a: pa,
            side_b: pb,
            stem_df: df_s,
            alpha,
            n_grams,
        }
    }

    /// The normalised-form ids of A's sentence `i`, word by word.
    pub fn norm_ids_a(&self, i: usize) -> impl Iterator<Item = u32> + '_ {
        self.side_a
            .words
            .of(i)
            .iter()
            .map(|&w| self.norm_a[w as usize])
    }

    /// The normalised-form ids of B's sentence `j`, word by word.
    pub fn norm_ids_b(&self, j: usize) -> impl Iterator<Item = u32> + '_ {
        self.side_b
            .words
            .of(j)
            .iter()
            .map(|&w| self.norm_b[w as usize])
    }

    /// Similarity of A's sentences `ia` with B's sentences `ib` (each a non-empty run).
    /// `None` when a sentence in either run has no features (skipped or empty).
    pub fn sim(&self, ia: &[usize], ib: &[usize]) -> Option<f32> {
        if let ([i], [j]) = (ia, ib) {
            let a = self.a.get(*i)?.as_ref()?;
            let b = self.b.get(*j)?.as_ref()?;
            return Some(self.sim11(a, b));
        }
        let va: Vec<&SentVec> = ia
            .iter()
            .map(|&i| self.a.get(i)?.as_ref())
            .collect::<Option<_>>()?;
        let vb: Vec<&SentVec> = ib
            .iter()
            .map(|&j| self.b.get(j)?.as_ref())
            .collect::<Option<_>>()?;
        if va.len() == 1 && vb.len() == 1 {
            return Some(self.sim11(va[0], vb[0]));
        }
        let (sa, sna) = merged(va.iter().map(|v| &v.stems));
        let (sb, snb) = merged(vb.iter().map(|v| &v.stems));
        let (ga, gna) = merged(va.iter().map(|v| &v.grams));
        let (gb, gnb) = merged(vb.iter().map(|v| &v.grams));
        Some(self.combine(cos(&sa, sna, &sb, snb), cos(&ga, gna, &gb, gnb)))
    }

    /// The similarity of every pair of sentences that have features, A's sentences in order
    /// and B's in order for each: what [`Self::sim_pairs`] gives for those pairs, in that
    /// order, bit for bit.
    ///
    /// Computed feature by feature instead of pair by pair: for each feature of an A
    /// sentence, the B sentences holding it (from posting lists) get its product added. A
    /// sentence shares few of its 3-grams with most others, so this reads a small part of
    /// what one dot product per pair reads. Each pair still sums its products in feature
    /// order (the order of both sparse vectors) and only skips products with a zero, which
    /// add nothing, so the sums are those [`Self::sim_pairs`] makes. A's sentences are done in
    /// two halves side by side where a fork is cheap.
    pub fn sim_all(&self) -> Vec<(u32, u32, f32)> {
        let rows: Vec<(u32, &SentVec)> = present(&self.a).collect();
        let cols: Vec<(u32, &SentVec)> = present(&self.b).collect();
        let stems = Postings::new(&cols, |v| &v.stems, self.stem_df.len());
        let grams = Postings::new(&cols, |v| &v.grams, self.n_grams);
        let run = |rows: &[(u32, &SentVec)]| -> Vec<(u32, u32, f32)> {
            let mut out = Vec::with_capacity(rows.len() * cols.len());
            let (mut dot_s, mut dot_g) = (vec![0f32; cols.len()], vec![0f32; cols.len()]);
            for &(i, a) in rows {
                dot_s.fill(0.0);
                dot_g.fill(0.0);
                stems.add_products(&a.stems, &mut dot_s);
                grams.add_products(&a.grams, &mut dot_g);
                let cos = |dot: f32, na: f32, nb: f32| {
                    if na <= 0.0 || nb <= 0.0 {
                        0.0
                    } else {
                        dot / (na * nb)
                    }
                };
                for (k, &(j, b)) in cols.iter().enumerate() {
                    let s = self.combine(
                        cos(dot_s[k], a.stem_norm, b.stem_norm),
                        cos(dot_g[k], a.gram_norm, b.gram_norm),
                    );
                    out.push((i, j, s));
                }
            }
            out
        };
        crate::par::halves(rows.len() >= 8 && crate::par::cheap_forks(), &rows, run)
    }

    /// The similarities of many 1:1 pairs, as [`Features::sim`] gives them (pairs it gives
    /// `None` for are left out). Consecutive pairs of one sentence of A share one scatter of
    /// its vectors into dense weights, so each pair is scored by one pass over B's entries:
    /// the products of shared features are summed in id order, as the sparse merge of
    /// [`cos`] sums them, and the other entries add exact zeros (weights are positive), so
    /// the values are the same to the bit.
    pub fn sim_pairs(&self, pairs: &[(u32, u32)]) -> Vec<(u32, u32, f32)> {
        let mut out = Vec::with_capacity(pairs.len());
        let mut dense_s = vec![0f32; self.stem_df.len()];
        let mut dense_g = vec![0f32; self.n_grams];
        let set = |dense: &mut [f32], v: &SparseVec, on: bool| {
            for &(id, w) in v {
                dense[id as usize] = if on { w } else { 0.0 };
            }
        };
        let dot = |dense: &[f32], v: &SparseVec| {
            v.iter()
                .fold(0.0f32, |d, &(id, w)| d + dense[id as usize] * w)
        };
        let mut cur: Option<&SentVec> = None;
        let mut cur_i = u32::MAX;
        for &(i, j) in pairs {
            let (Some(Some(a)), Some(Some(b))) = (self.a.get(i as usize), self.b.get(j as usize))
            else {
                continue;
            };
            if cur_i != i {
                if let Some(c) = cur {
                    set(&mut dense_s, &c.stems, false);
                    set(&mut dense_g, &c.grams, false);
                }
                set(&mut dense_s, &a.stems, true);
                set(&mut dense_g, &a.grams, true);
                (cur, cur_i) = (Some(a), i);
            }
            let cos = |dense: &[f32], na: f32, v: &SparseVec, nb: f32| {
                if na <= 0.0 || nb <= 0.0 {
                    0.0
                } else {
                    dot(dense, v) / (na * nb)
                }
            };
            let s = self.combine(
                cos(&dense_s, a.stem_norm, &b.stems, b.stem_norm),
                cos(&dense_g, a.gram_norm, &b.grams, b.gram_norm),
            );
            out.push((i, j, s));
        }
        out
    }

    pub fn sim11(&self, a: &SentVec, b: &SentVec) -> f32 {
        self.combine(
            cos(&a.stems, a.stem_norm, &b.stems, b.stem_norm),
            cos(&a.grams, a.gram_norm, &b.grams, b.gram_norm),
        )
    }

    fn combine(&self, stems: f32, grams: f32) -> f32 {
        (self.alpha * stems + (1.0 - self.alpha) * grams).clamp(0.0, 1.0)
    }
}

/// The word ids of every sentence of one side (none for skipped sentences).
fn tokenize_side<'t>(side: &SideIn<'t>, tok: &mut SideTokenizer<'t>, vocab: &mut Vocab) -> Norms {
    let mut words = Norms {
        ids: Vec::with_capacity(side.text.len() / 5),
        ends: Vec::with_capacity(side.sentences.len()),
    };
    for (i, sp) in side.sentences.iter().enumerate() {
        if !side.skip.get(i).copied().unwrap_or(false) {
            if let Some(text) = side.text.get(sp.start..sp.end) {
                tok.sentence(vocab, text, &mut words.ids);
            }
        }
        words.ends.push(words.ids.len() as u32);
    }
    words
}

/// Lists of ids stored flat: list `i` is `ids[ends[i - 1]..ends[i]]`.
struct Flat {
    ids: Vec<u32>,
    ends: Vec<u32>,
}

impl Flat {
    fn from_lists<'x>(lists: impl Iterator<Item = &'x [u32]>) -> Flat {
        let mut f = Flat {
            ids: Vec::new(),
            ends: Vec::new(),
        };
        for l in lists {
            f.ids.extend_from_slice(l);
            f.ends.push(f.ids.len() as u32);
        }
        f
    }

    #[inline]
    fn of(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.ids[start..self.ends[i] as usize]
    }
}

/// Stem counts of every sentence of one side (`None`: skipped or without words), and in how
/// many of them each stem occurs.
fn stem_vecs(words: &Norms, stem_of: &[u32], n_stems: usize) -> (Vec<Option<SentVec>>, Vec<u32>) {
    let mut counter = Counter::new(n_stems);
    let mut df = vec![0u32; n_stems];
    let vecs = (0..words.ends.len())
        .map(|i| {
            let ws = words.of(i);
            if ws.is_empty() {
                return None;
            }
            for &w in ws {
                counter.add(stem_of[w as usize]);
            }
            Some(SentVec {
                stems: counter.take(&mut df),
                stem_norm: 0.0,
                grams: Vec::new(),
                gram_norm: 0.0,
            })
        })
        .collect();
    (vecs, df)
}

/// Fill in the 3-gram counts of each sentence from the 3-grams its words contribute (`rare`,
/// per word id). Returns in how many sentences each 3-gram occurs.
fn add_grams(vecs: &mut [Option<SentVec>], words: &Norms, rare: &Flat, n_grams: usize) -> Vec<u32> {
    let mut counter = Counter::new(n_grams);
    let mut df = vec![0u32; n_grams];
    for (i, v) in vecs.iter_mut().enumerate() {
        let Some(v) = v else { continue };
        for &w in words.of(i) {
            for &g in rare.of(w as usize) {
                counter.add(g);
            }
        }
        v.grams = counter.take(&mut df);
    }
    df
}

/// The sentences of one side that have features, with their indices.
fn present(side: &[Option<SentVec>]) -> impl Iterator<Item = (u32, &SentVec)> {
    side.iter()
        .enumerate()
        .filter_map(|(i, v)| v.as_ref().map(|v| (i as u32, v)))
}

/// For each feature id, the sentences (columns) holding it with its weight there, in column
/// order: a sparse matrix stored by feature.
struct Postings {
    /// Postings of feature `f`: `entries[starts[f]..starts[f + 1]]`.
    starts: Vec<u32>,
    entries: Vec<(u32, f32)>,
}

impl Postings {
    fn new(
        cols: &[(u32, &SentVec)],
        features: impl Fn(&SentVec) -> &SparseVec,
        n: usize,
    ) -> Postings {
        let mut starts = vec![0u32; n + 1];
        for (_, v) in cols {
            for &(id, _) in features(v) {
                starts[id as usize + 1] += 1;
            }
        }
        for f in 0..n {
            starts[f + 1] += starts[f];
        }
        let mut fill = starts.clone();
        let mut entries = vec![(0u32, 0f32); starts[n] as usize];
        for (k, (_, v)) in cols.iter().enumerate() {
            for &(id, w) in features(v) {
                let at = &mut fill[id as usize];
                entries[*at as usize] = (k as u32, w);
                *at += 1;
            }
        }
        Postings { starts, entries }
    }

    /// Add, for each feature of `v` in order, its weight times the column's to `dot[column]`.
    fn add_products(&self, v: &SparseVec, dot: &mut [f32]) {
        for &(id, w) in v {
            let (s, e) = (self.starts[id as usize], self.starts[id as usize + 1]);
            for &(k, wb) in &self.entries[s as usize..e as usize] {
                dot[k as usize] += w * wb;
            }
        }
    }
}

/// Counts become weights `idf × (1 + ln tf)` in place, and the norms are set.
fn weigh_side(vecs: &mut [Option<SentVec>], idf_s: &[f32], idf_g: &[f32]) {
    let weigh = |v: &mut SparseVec, idf: &[f32]| -> f32 {
        let mut sq = 0.0;
        for (id, w) in v.iter_mut() {
            let tf = *w;
            *w = idf[*id as usize] * if tf > 1.0 { 1.0 + tf.ln() } else { 1.0 };
            sq += *w * *w;
        }
        sq.sqrt()
    };
    for v in vecs.iter_mut().flatten() {
        v.stem_norm = weigh(&mut v.stems, idf_s);
        v.gram_norm = weigh(&mut v.grams, idf_g);
    }
}

/// The sum of sparse vectors, and its norm.
fn merged<'v>(vs: impl Iterator<Item = &'v SparseVec>) -> (SparseVec, f32) {
    let mut out: SparseVec = Vec::new();
    let mut tmp: SparseVec = Vec::new();
    for v in vs {
        // linear merge of two sorted vectors
        tmp.clear();
        let (mut i, mut j) = (0, 0);
        while i < out.len() || j < v.len() {
            if j == v.len() || (i < out.len() && out[i].0 < v[j].0) {
                tmp.push(out[i]);
                i += 1;
            } else if i == out.len() || v[j].0 < out[i].0 {
                tmp.push(v[j]);
                j += 1;
            } else {
                tmp.push((out[i].0, out[i].1 + v[j].1));
                i += 1;
                j += 1;
            }
        }
        std::mem::swap(&mut out, &mut tmp);
    }
    let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    (out, norm)
}

/// Cosine of two sparse vectors given their norms.
pub(crate) fn cos(a: &[(u32, f32)], na: f32, b: &[(u32, f32)], nb: f32) -> f32 {
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i].0, b[j].0);
        if x == y {
            dot += a[i].1 * b[j].1;
            i += 1;
            j += 1;
        } else if x < y {
            i += 1;
        } else {
            j += 1;
        }
    }
    dot / (na * nb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counter_gives_sorted_counts_and_resets() {
        let mut c = Counter::new(10_000);
        let mut df = vec![0u32; 10_000];
        for id in [9_999, 5, 4_200, 5, 64, 63, 4_095, 4_096, 5, 9_999] {
            c.add(id);
        }
        let v = c.take(&mut df);
        assert_eq!(
            v,
            vec![
                (5, 3.0),
                (63, 1.0),
                (64, 1.0),
                (4_095, 1.0),
                (4_096, 1.0),
                (4_200, 1.0),
                (9_999, 2.0)
            ]
        );
        assert_eq!(v.capacity(), v.len());
        // Nothing is left over for the next vector; df counts each id once per vector.
        c.add(63);
        assert_eq!(c.take(&mut df), vec![(63, 1.0)]);
        assert!(c.take(&mut df).is_empty());
        assert_eq!((df[5], df[63], df[9_999], df[6]), (1, 2, 1, 0));
    }

    /// `pair_ids` as it was when B's vocabulary was a map grown from empty: A's ids for A's
    /// keys, new ids in B's iteration order (`hash_order`) or B's id order.
    fn pair_ids_of_maps<K: std::hash::Hash + Eq>(
        a: &FxMap<K, u32>,
        b: &FxMap<K, u32>,
        hash_order: bool,
    ) -> (Vec<u32>, usize) {
        let mut out = vec![0u32; b.len()];
        let mut next = a.len() as u32;
        let mut order: Vec<(&K, u32)> = b.iter().map(|(k, &id)| (k, id)).collect();
        if !hash_order {
            order.sort_by_key(|&(_, id)| id);
        }
        for (k, id) in order {
            out[id as usize] = a.get(k).copied().unwrap_or_else(|| {
                next += 1;
                next - 1
            });
        }
        (out, next as usize)
    }

    /// A map of `keys` onto ids in order of first occurrence, grown from `m`.
    fn fill<K: std::hash::Hash + Eq + Clone>(mut m: FxMap<K, u32>, keys: &[K]) -> FxMap<K, u32> {
        for k in keys {
            let n = m.len() as u32;
            m.entry(k.clone()).or_insert(n);
        }
        m
    }

    #[test]
    fn interned_vocabularies_pair_as_maps_grown_from_empty() {
        // B's words in order of first occurrence (with repeats); A shares some of them.
        let words: Vec<String> = (0..3000u32)
            .map(|i| format!("w{}", i.wrapping_mul(2_654_435_761) % 2_000))
            .collect();
        let boxed: Vec<Box<str>> = words.iter().map(|w| w.as_str().into()).collect();
        let mut a = Interner::default();
        let mut b = Interner::with_capacity(10);
        for w in &words[1000..1500] {
            a.intern(w);
        }
        for w in &words {
            let id = b.intern(w);
            assert_eq!(b.str(id), w);
            assert_eq!(b.get(w), Some(id));
        }
        assert_eq!(b.get("x"), None);
        let a_map = fill(FxMap::default(), &boxed[1000..1500]);
        let b_map = fill(FxMap::default(), &boxed);
        assert_eq!(b.len(), b_map.len());
        let b_keys: Vec<&str> = b.iter().collect();
        for hash_order in [false, true] {
            assert_eq!(
                pair_ids(|s| a.get(s), a.len(), &b_keys, hash_order),
                pair_ids_of_maps(&a_map, &b_map, hash_order),
                "hash order {hash_order}"
            );
        }
    }

    #[test]
    fn pair_ids_in_hash_order_ignore_the_capacity_of_b() {
        let keys: Vec<u64> = (0..3000u64)
            .map(|i| i.wrapping_mul(2_654_435_761) % 100_000)
            .collect();
        let a = fill(FxMap::default(), &keys[1000..1500]);
        let grown = fill(FxMap::default(), &keys);
        let order = |m: &FxMap<u64, u32>| m.values().copied().collect::<Vec<u32>>();
        let mut orders_differ = false;
        for cap in [0, 10, 700, 3000, 10_000] {
            let sized = fill(
                FxMap::with_capacity_and_hasher(cap, Default::default()),
                &keys,
            );
            orders_differ |= order(&sized) != order(&grown);
            for hash_order in [false, true] {
                assert_eq!(
                    pair_ids(
                        |g| a.get(g).copied(),
                        a.len(),
                        &keys_by_id(&sized),
                        hash_order
                    ),
                    pair_ids_of_maps(&a, &grown, hash_order),
                    "capacity {cap}, hash order {hash_order}"
                );
            }
        }
        // (else the test would show nothing)
        assert!(orders_differ, "a capacity changes the iteration order");
    }

    #[test]
    fn short_keys_are_unique_for_short_tokens_only() {
        assert_eq!(short_key("a"), short_key("a"));
        assert_ne!(short_key("ab"), short_key("ba"));
        assert_ne!(short_key("abc"), short_key("abcd"));
        assert!(short_key("12345678").is_some());
        assert!(short_key("123456789").is_none());
        assert!(short_key("").is_none());
        assert!(short_key("a\0").is_none());
    }
}
