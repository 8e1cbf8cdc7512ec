//! What comparing needs from one article, computed once per article and reused by every
//! pair it is part of, in two parts:
//! - [`Prepared`] ([`Article::prepared`]): what aligning and diffing need — the alignment
//!   features of its side ([`align::Prepared`]: tokens, stems, 3-grams) and a diff key for
//!   every token; cheap, so a pair only counts, weighs and scores;
//! - [`Analysis`] ([`Article::analysis`]): its claims, for the disagreements.
//!
//! Each is computed lazily and kept on the article; a reader can warm both for every article
//! in the background when a corpus loads (the TUI worker does).

use super::claims::{self, ArticleClaims};
use crate::align;
use crate::corpus::Article;
use crate::text::normalize::fold;
use crate::text::{Lang, Span};
use rustc_hash::FxHashMap as FxMap;
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

/// The per-article half of a comparison's claims.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Numbers, dates, quotes and named entities (boilerplate sentences skipped).
    pub claims: ArticleClaims,
    /// The whole text in lower case (as the claim rules normalise words).
    pub(crate) lower: String,
    /// What the analysis was computed from, to notice an article changed since.
    source: Source,
}

/// The per-article half of aligning and diffing.
#[derive(Clone, Debug)]
pub struct Prepared {
    /// The article's side of the alignment features.
    pub(crate) align: Arc<align::Prepared>,
    /// The forms its tokens are diffed by.
    pub(crate) diff: Forms,
    /// What it was computed from, to notice an article changed since.
    source: Source,
}

/// A token's normalised form for the word diff (lowercase; curly quotes, primes and dashes
/// folded), as a range of [`Prepared::forms`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct TokenKey {
    pub start: u32,
    pub end: u32,
}

/// The inputs an analysis depends on (besides the tokens, which follow from these).
#[derive(Clone, Debug, PartialEq)]
struct Source {
    text: (usize, usize),
    lang: Lang,
    sentences: Vec<Span>,
    skip: Vec<bool>,
}

impl Source {
    fn of(a: &Article) -> Source {
        Source {
            text: (a.text.as_ptr() as usize, a.text.len()),
            lang: a.lang,
            sentences: a.doc.sentences.iter().map(|s| s.span).collect(),
            skip: a.skip_mask(),
        }
    }

    fn matches(&self, a: &Article) -> bool {
        self.text == (a.text.as_ptr() as usize, a.text.len())
            && self.lang == a.lang
            && self.sentences.len() == a.doc.sentences.len()
            && self
                .sentences
                .iter()
                .zip(&a.doc.sentences)
                .all(|(x, s)| *x == s.span)
            && self.skip.len() == a.boilerplate.len()
            && self
                .skip
                .iter()
                .zip(&a.boilerplate)
                .all(|(&x, b)| x == b.is_some())
    }
}

/// From this many bytes of text on, [`Prepared::new`] computes its two halves in parallel
/// where a fork is cheap.
const PREPARE_SPLIT_BYTES: usize = 1024;

/// The diff forms of an article's tokens ([`Prepared::diff`]).
#[derive(Clone, Debug)]
pub(crate) struct Forms {
    /// One key per token, in document order (sentence by sentence).
    pub(crate) keys: Vec<TokenKey>,
    /// `token_start[i]`: index in `keys` of sentence `i`'s first token (one extra entry at
    /// the end: the token count).
    pub(crate) token_start: Vec<usize>,
    /// The normalised forms of all tokens, concatenated; [`TokenKey`] points into it.
    pub(crate) forms: String,
    /// Per token (as `keys`), the id of its normalised form: the article's distinct forms
    /// numbered in order of first occurrence.
    pub(crate) form_ids: Vec<u32>,
    /// Per form id, the index in `keys` of its first token.
    pub(crate) distinct: Vec<u32>,
}

impl Forms {
    fn new(a: &Article) -> Forms {
        let mut keys = Vec::with_capacity(a.doc.sentences.iter().map(|s| s.tokens.len()).sum());
        let mut token_start = Vec::with_capacity(a.doc.sentences.len() + 1);
        let mut forms = String::with_capacity(a.text.len());
        for s in &a.doc.sentences {
            token_start.push(keys.len());
            for t in &s.tokens {
                let start = forms.len();
                push_form(&mut forms, t.span.slice(&a.text));
                keys.push(TokenKey {
                    start: start as u32,
                    end: forms.len() as u32,
                });
            }
        }
        token_start.push(keys.len());
        // (never iterated, so its capacity changes nothing but the cost of growing it: about
        // one distinct form per two tokens of a news article, far fewer in long texts)
        let mut ids: FxMap<&str, u32> =
            FxMap::with_capacity_and_hasher((keys.len() / 2).min(4096), Default::default());
        let mut distinct = Vec::new();
        let form_ids = keys
            .iter()
            .enumerate()
            .map(|(t, k)| {
                *ids.entry(&forms[k.start as usize..k.end as usize])
                    .or_insert_with(|| {
                        distinct.push(t as u32);
                        distinct.len() as u32 - 1
                    })
            })
            .collect();
        drop(ids);
        Forms {
            keys,
            token_start,
            forms,
            form_ids,
            distinct,
        }
    }
}

impl Analysis {
    /// Analyse `a` (its claims).
    pub fn new(a: &Article) -> Analysis {
        Analysis {
            claims: claims::extract(a),
            lower: claims::words::norm(&a.text),
            source: Source::of(a),
        }
    }
}

impl Prepared {
    /// Prepare `a` for aligning and diffing: its alignment features, and the forms its
    /// tokens are diffed by (the two halves in parallel where a fork is cheap,
    /// [`crate::par::cheap_forks`]).
    pub fn new(a: &Article) -> Prepared {
        let source = Source::of(a);
        let split = a.text.len() >= PREPARE_SPLIT_BYTES && crate::par::cheap_forks();
        let (align, diff) = crate::par::both(
            split,
            || {
                Arc::new(align::prepare(&align::Side {
                    text: &a.text,
                    sentences: &source.sentences,
                    lang: a.lang,
                    skip: &source.skip,
                }))
            },
            || Forms::new(a),
        );
        Prepared {
            align,
            diff,
            source,
        }
    }

    /// The spans of the article's sentences (as prepared).
    pub(crate) fn sentences(&self) -> &[Span] {
        &self.source.sentences
    }

    /// The article's skip mask (as prepared: its boilerplate marks).
    pub(crate) fn skip(&self) -> &[bool] {
        &self.source.skip
    }

    /// The form ids of sentence `i`'s tokens.
    pub(crate) fn sentence_form_ids(&self, i: usize) -> &[u32] {
        &self.diff.form_ids[self.diff.token_start[i]..self.diff.token_start[i + 1]]
    }

    /// For each form id of `other`, the id of the same form among this article's (its own id
    /// here), or a new id past this article's when this article does not have it: ids that
    /// are equal exactly when the forms are, across both articles.
    pub(crate) fn pair_form_ids(&self, other: &Prepared) -> Vec<u32> {
        let mine: FxMap<&str, u32> = self
            .diff
            .distinct
            .iter()
            .enumerate()
            .map(|(id, &t)| (self.form(&self.diff.keys[t as usize]), id as u32))
            .collect();
        let mut next = self.diff.distinct.len() as u32;
        other
            .diff
            .distinct
            .iter()
            .map(|&t| {
                mine.get(other.form(&other.diff.keys[t as usize]))
                    .copied()
                    .unwrap_or_else(|| {
                        next += 1;
                        next - 1
                    })
            })
            .collect()
    }

    /// The normalised form a key stands for.
    pub(crate) fn form(&self, k: &TokenKey) -> &str {
        &self.diff.forms[k.start as usize..k.end as usize]
    }
}

/// Append the diff form of a token: its [`fold`]ed form (lowercase; quotes, dashes, `ё`,
/// Arabic alef forms and tashkeel folded), so two tokens are equal in the word diff exactly
/// when the similarity reads them as the same word.
pub(super) fn push_form(out: &mut String, s: &str) {
    if s.is_ascii() {
        // (copied, then lowered in place: no char-by-char pushes)
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    out.push_str(&fold(s));
}

/// FNV-1a over the bytes, then a final mix: a fast hash for short words.
pub(super) fn hash(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= u64::from(x);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// A slot on an [`Article`] for its [`Prepared`] and [`Analysis`], each filled on first use.
///
/// Cloning an article does not clone them (a clone is usually made to be changed); and each
/// is only used while the article's text, sentences, language and boilerplate marks are
/// those it was computed from.
#[derive(Default)]
pub struct AnalysisCell {
    analysis: OnceLock<Arc<Analysis>>,
    prepared: OnceLock<Arc<Prepared>>,
}

impl Clone for AnalysisCell {
    fn clone(&self) -> Self {
        AnalysisCell::default()
    }
}

impl std::fmt::Debug for AnalysisCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ready = |r: bool| if r { "ready" } else { "empty" };
        write!(
            f,
            "AnalysisCell(prepared {}, analysis {})",
            ready(self.prepared.get().is_some()),
            ready(self.analysis.get().is_some())
        )
    }
}

/// The value kept in `cell`, made by `make` when there is none yet. `make` runs outside the
/// cell's lock (not as `OnceLock::get_or_init` would): it forks on rayon's pool
/// ([`crate::par`]), and a thread waiting for a fork's other half runs other jobs meanwhile,
/// which may need this cell — inside the lock, a deadlock (seen with `compare` run by
/// `par_iter` over pairs sharing articles). Two threads asking at once may both make it;
/// the first one kept is what both get (the two are equal).
fn kept<T>(cell: &OnceLock<Arc<T>>, make: impl FnOnce() -> T) -> &Arc<T> {
    if let Some(v) = cell.get() {
        return v;
    }
    let _ = cell.set(Arc::new(make()));
    cell.get().expect("kept above, or by another thread")
}

impl Article {
    /// This article's [`Analysis`]: computed on first use and kept. (Computed afresh, and
    /// not kept, if the article was changed after its analysis was made.)
    pub fn analysis(&self) -> Cow<'_, Analysis> {
        let a = kept(&self.analysis.analysis, || Analysis::new(self));
        if a.source.matches(self) {
            Cow::Borrowed(a)
        } else {
            Cow::Owned(Analysis::new(self))
        }
    }

    /// This article's [`Prepared`]: computed on first use and kept (computed afresh, and not
    /// kept, if the article was changed after it was made).
    pub fn prepared(&self) -> Cow<'_, Prepared> {
        let p = kept(&self.analysis.prepared, || Prepared::new(self));
        if p.source.matches(self) {
            Cow::Borrowed(p)
        } else {
            Cow::Owned(Prepared::new(self))
        }
    }

    /// Compute the [`Prepared`] now if it is not there yet.
    pub fn warm_prepared(&self) {
        let _ = self.prepared();
    }

    /// Compute the [`Prepared`] and the [`Analysis`] now if they are not there yet (e.g. in
    /// the background after loading, so that a comparison later finds them ready).
    pub fn warm_analysis(&self) {
        let _ = self.prepared();
        let _ = self.analysis();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{ArticleMeta, Boilerplate};

    fn art(text: &str) -> Article {
        Article::from_text(
            ArticleMeta {
                language: Some("en".into()),
                ..ArticleMeta::default()
            },
            text,
        )
    }

    #[test]
    fn keys_are_the_folded_lowercase_tokens() {
        let a = art("“Don’t” — said MR. Smith – 3.5%.");
        let an = a.prepared();
        let forms: Vec<&str> = an.diff.keys.iter().map(|k| an.form(k)).collect();
        assert_eq!(
            forms,
            [
                "\"", "don't", "\"", "-", "said", "mr", ".", "smith", "-", "3.5", "%", "."
            ]
        );
        let same = |x: &str, y: &str| {
            let (i, j) = (
                forms.iter().position(|f| *f == x),
                forms.iter().rposition(|f| *f == y),
            );
            an.diff.form_ids[i.unwrap()] == an.diff.form_ids[j.unwrap()]
        };
        assert!(same("\"", "\""));
        assert!(same("-", "-"));
        assert!(!same("said", "smith"));
        assert_eq!(an.sentence_form_ids(0).len(), an.diff.keys.len());
        assert_eq!(an.diff.distinct.len(), 9);
    }

    #[test]
    fn the_analysis_is_kept_and_follows_changes_to_the_article() {
        let text = "Over 20 countries agreed. “We will,” Mr Smith said. A caption";
        let mut a = art(text);
        let first = a.analysis().claims.clone();
        assert!(matches!(a.analysis(), Cow::Borrowed(_)));
        assert_eq!(a.analysis().claims, first);
        assert!(!first.numbers.is_empty());
        // Marking the first sentence as boilerplate takes its number out of the claims.
        a.boilerplate[0] = Some(Boilerplate::Caption);
        assert!(matches!(a.analysis(), Cow::Owned(_)));
        assert!(a.analysis().claims.numbers.is_empty());
        assert_eq!(a.analysis().claims, claims::extract(&a));
        // A clone starts without one and computes its own.
        let b = a.clone();
        assert!(matches!(b.analysis(), Cow::Borrowed(_)));
        assert_eq!(b.analysis().claims, claims::extract(&a));
    }
}
