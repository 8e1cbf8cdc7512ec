//! Articles and corpora: loading a directory, the optional `corpus.toml`
//! manifest, decoding, and boilerplate marks. Read-only: nothing here writes.

pub mod boilerplate;
pub mod decode;
mod manifest;
pub mod stamp;

pub use manifest::{Manifest, ManifestEntry, ManifestError};

use crate::text::{Document, Lang};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Metadata of an article: from the manifest where it has it, else from the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    /// Short identifier: the file stem (e.g. `003_99949d89f03e48ca`).
    pub id: String,
    /// The file, relative to the corpus root (serialised lossily: a name that is not UTF-8
    /// gets U+FFFD, as `diff --json` writes it, instead of failing the whole output).
    #[serde(serialize_with = "lossy_path")]
    pub file: PathBuf,
    pub title: String,
    pub outlet: Option<String>,
    /// Publication date as stated (`YYYY-MM-DD` where known).
    pub published: Option<String>,
    pub url: Option<String>,
    /// Language code from the manifest, if it states one.
    pub language: Option<String>,
}

fn lossy_path<S: serde::Serializer>(p: &Path, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.to_string_lossy())
}

/// Why a sentence is not part of the article's own reporting
/// (see [`boilerplate`] for how each kind is detected).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Boilerplate {
    /// A caption or photo credit.
    Caption,
    /// The same text seen earlier in this article (or in another of this outlet's).
    Repeated,
    /// Hashtag, keyword or tag lines.
    Tags,
    /// "Related news", "More like this" and other site furniture.
    SiteChrome,
    /// Short debris such as "TT" / "20" or a video duration.
    Debris,
    /// A different story appended after the article (its sentences have `part > 0`).
    Appended,
    /// A leading `date YYYY-MM-DD` line (metadata, read into the article's date), or a line
    /// that is only a publication or update stamp (`May 3, 2013 at 7:31 AM ET`).
    Dateline,
}

/// A fully loaded article: its original text, segmentation and marks.
#[derive(Clone, Debug)]
pub struct Article {
    pub meta: ArticleMeta,
    /// The decoded text, exactly as read: only decoding is applied (a byte-order mark is
    /// stripped); line endings (LF, CRLF, lone CR), control characters and NUL bytes are kept.
    /// All spans point into it. Untrusted: pass it through [`crate::sanitize`] before display.
    pub text: Arc<str>,
    pub lang: Lang,
    pub doc: Document,
    /// One entry per sentence: `Some(kind)` when the sentence is boilerplate.
    pub boilerplate: Vec<Option<Boilerplate>>,
    /// One entry per sentence: which part of the article it belongs to
    /// (0 = the article; 1.. = stories appended after it).
    pub part: Vec<u16>,
    /// The per-article half of a comparison, computed on first use
    /// (see [`Article::analysis`]).
    pub(crate) analysis: crate::compare::AnalysisCell,
}

impl Article {
    /// Build an article from text already in memory: detect the language (unless the meta
    /// states it), segment, and mark boilerplate and appended stories (within this article only;
    /// marks across one outlet's articles are added by [`Corpus::load`]).
    pub fn from_text(meta: ArticleMeta, text: impl Into<Arc<str>>) -> Article {
        let text: Arc<str> = text.into();
        let lang = meta
            .language
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_else(|| Lang::detect(&text));
        Article::from_parts(meta, text, lang)
    }

    /// This article compared as `lang` (stems, number words, claims) when its own language
    /// could not be told: it is [`Lang::Unknown`], its meta names none and its text is not
    /// clearly in a language without rules ([`Lang::undetermined`]). Its sentences stay
    /// as the text alone gives them, so `parallax sentences` of the file cuts the same ones.
    /// See [`Lang::for_pair`] and [`Lang::most_common`] for where `lang` comes from.
    pub fn or_language(mut self, lang: Lang) -> Article {
        // (cheap tests first: `undetermined` runs the language detector again)
        if lang != Lang::Unknown
            && self.lang == Lang::Unknown
            && self.meta.language.is_none()
            && Lang::undetermined(&self.text)
        {
            self.lang = lang;
            // (features and claims computed in the old language, if any, are dropped)
            self.analysis = Default::default();
        }
        self
    }

    fn from_parts(meta: ArticleMeta, text: Arc<str>, lang: Lang) -> Article {
        let doc = Document::parse(&text, lang);
        let marks = boilerplate::detect(&text, &doc);
        Article {
            meta,
            text,
            lang,
            doc,
            boilerplate: marks.boilerplate,
            part: marks.part,
            analysis: Default::default(),
        }
    }

    /// Words outside boilerplate (the article's own reporting, part 0).
    pub fn content_word_count(&self) -> usize {
        self.doc
            .sentences
            .iter()
            .enumerate()
            .filter(|&(i, _)| !self.is_boilerplate(i))
            .flat_map(|(_, s)| &s.tokens)
            .filter(|t| t.kind != crate::text::TokenKind::Punct)
            .count()
    }

    /// Whether sentence `i` is boilerplate (including an appended story).
    pub fn is_boilerplate(&self, i: usize) -> bool {
        self.boilerplate.get(i).is_some_and(Option::is_some)
    }

    /// One flag per sentence: leave it out of comparison (for `align::Side::skip`).
    pub fn skip_mask(&self) -> Vec<bool> {
        self.boilerplate.iter().map(Option::is_some).collect()
    }

    /// Number of parts: 1, or more when stories were found appended after the article.
    pub fn parts(&self) -> usize {
        self.part
            .iter()
            .copied()
            .max()
            .map_or(1, |p| p as usize + 1)
    }

    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &str {
        self.doc.sentences[i].span.slice(&self.text)
    }

    /// All words of the text, boilerplate included.
    pub fn word_count(&self) -> usize {
        self.words().count()
    }

    /// How long the text is, as its readers count: words, or characters for a text whose
    /// words are mostly Chinese or Japanese, written without spaces, where every character is
    /// a word to the segmenter and "657 words" would mislead. (Korean is written with spaces.)
    pub fn length(&self) -> Length {
        let (mut words, mut unspaced, mut chars) = (0usize, 0usize, 0usize);
        for w in self.words() {
            let t = w.span.slice(&self.text);
            words += 1;
            chars += t.chars().count();
            let hangul = |c: char| ('\u{AC00}'..='\u{D7AF}').contains(&c);
            unspaced += usize::from(t.starts_with(|c: char| {
                crate::text::normalize::is_unspaced_script(c) && !hangul(c)
            }));
        }
        if unspaced * 2 > words {
            Length::Characters(chars)
        } else {
            Length::Words(words)
        }
    }

    fn words(&self) -> impl Iterator<Item = &crate::text::Token> {
        self.doc
            .sentences
            .iter()
            .flat_map(|s| &s.tokens)
            .filter(|t| t.kind != crate::text::TokenKind::Punct)
    }
}

/// The length of an article: [`Article::length`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Length {
    Words(usize),
    Characters(usize),
}

impl std::fmt::Display for Length {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Length::Words(n) => write!(f, "{n} words"),
            Length::Characters(n) => write!(f, "{n} characters"),
        }
    }
}

/// How bad a loading problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Loaded, but worth knowing (guessed encoding, NUL bytes, replaced bytes).
    Note,
    /// Something could not be loaded: a skipped file, a missing file, a bad manifest (entry).
    Error,
}

/// A problem met while loading; loading goes on past it.
///
/// `path` and `message` are untrusted (file names, decoder output): sanitise before display.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
    pub severity: Severity,
}

impl Warning {
    fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Warning {
        Warning {
            path: path.into(),
            message: message.into(),
            severity: Severity::Error,
        }
    }
    fn note(path: impl Into<PathBuf>, message: impl Into<String>) -> Warning {
        Warning {
            path: path.into(),
            message: message.into(),
            severity: Severity::Note,
        }
    }
    /// Whether something could not be loaded.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Options for [`Corpus::load_with`].
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this many bytes are skipped with a warning.
    pub max_bytes: u64,
}

/// Default size cap: 16 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 16 << 20;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// All articles of one directory.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub articles: Vec<Article>,
    /// Problems met while loading, in the order met.
    pub warnings: Vec<Warning>,
}

/// Why a corpus could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: no such directory", .0.display())]
    Missing(PathBuf),
    #[error("{}: not a directory", .0.display())]
    NotADirectory(PathBuf),
    #[error("{}: {}", .0.display(), .1)]
    Io(PathBuf, std::io::Error),
}

/// The manifest's file name inside a corpus directory.
pub const MANIFEST: &str = "corpus.toml";

impl Corpus {
    /// Load every article of `dir` with default [`LoadOptions`].
    pub fn load(dir: &Path) -> Result<Corpus, CorpusError> {
        Corpus::load_with(dir, &LoadOptions::default())
    }

    /// Load every article of `dir`: those its `corpus.toml` lists, or, without a (usable)
    /// manifest, every `.txt`/`.md` file directly in it (sorted by name; hidden files and
    /// sub-directories are left out).
    ///
    /// Only a missing or unreadable directory is an error. Every other problem — a malformed
    /// manifest, a missing, unreadable, binary, empty or oversized file, a dangling symlink or
    /// a symlink loop — becomes a [`Warning`] and loading goes on. Empty files are skipped.
    /// Files are decoded by [`decode::decode`]; the text is otherwise kept exactly as read.
    pub fn load_with(dir: &Path, opts: &LoadOptions) -> Result<Corpus, CorpusError> {
        match std::fs::metadata(dir) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Err(CorpusError::NotADirectory(dir.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(CorpusError::Missing(dir.to_path_buf()));
            }
            Err(e) => return Err(CorpusError::Io(dir.to_path_buf(), e)),
        }
        let mut corpus = Corpus {
            root: dir.to_path_buf(),
            ..Corpus::default()
        };
        let entries = corpus.read_manifest(opts);
        let files: Vec<(PathBuf, Option<ManifestEntry>)> = match entries {
            Some(entries) => {
                let mut seen = std::collections::HashSet::new();
                let mut files = Vec::new();
                for e in entries {
                    let path = dir.join(&e.file);
                    if !seen.insert(path.clone()) {
                        corpus.warnings.push(Warning::error(
                            dir.join(MANIFEST),
                            format!(
                                "{} is listed twice; the first entry counts",
                                e.file.display()
                            ),
                        ));
                        continue;
                    }
                    files.push((path, Some(e)));
                }
                files
            }
            None => {
                let rd =
                    std::fs::read_dir(dir).map_err(|e| CorpusError::Io(dir.to_path_buf(), e))?;
                let mut files = Vec::new();
                for entry in rd {
                    match entry {
                        Ok(e) => {
                            let p = e.path();
                            let ext = p
                                .extension()
                                .and_then(|e| e.to_str())
                                .map(str::to_ascii_lowercase);
                            let hidden = p
                                .file_name()
                                .and_then(|n| n.to_str())
                                .is_some_and(|n| n.starts_with('.'));
                            if !hidden && matches!(ext.as_deref(), Some("txt" | "md")) {
                                files.push((p, None));
                            }
                        }
                        Err(e) => corpus
                            .warnings
                            .push(Warning::error(dir, format!("reading the directory: {e}"))),
                    }
                }
                files.sort_by(|a, b| a.0.cmp(&b.0));
                files
            }
        };
        for (path, entry) in files {
            match read_article(&path, opts) {
                Ok(d) => {
                    for n in d.notes {
                        corpus.warnings.push(Warning::note(&path, n));
                    }
                    let meta = meta_for(dir, &path, entry.as_ref(), &d.text);
                    corpus.articles.push(Article::from_text(meta, d.text));
                }
                Err(msg) => corpus.warnings.push(Warning::error(&path, msg)),
            }
        }
        // An article too short to tell its language is read in the corpus's (one event's
        // reports are nearly always in one language).
        let common = Lang::most_common(corpus.articles.iter().map(|a| a.lang));
        corpus.articles = std::mem::take(&mut corpus.articles)
            .into_iter()
            .map(|a| a.or_language(common))
            .collect();
        let mut ids = std::collections::HashMap::new();
        for a in &corpus.articles {
            if let Some(first) = ids.insert(a.meta.id.clone(), a.meta.file.clone()) {
                corpus.warnings.push(Warning::note(
                    dir.join(&a.meta.file),
                    format!(
                        "same id as {}; name it by file name to choose it",
                        first.display()
                    ),
                ));
            }
        }
        if corpus.articles.is_empty() && !corpus.warnings.iter().any(Warning::is_error) {
            corpus.warnings.push(Warning::error(
                dir,
                "no articles found (a corpus is a directory of .txt/.md files)",
            ));
        }
        corpus.mark_across_outlets();
        Ok(corpus)
    }

    /// Read `corpus.toml` if there is one. `None`: scan the directory instead.
    fn read_manifest(&mut self, opts: &LoadOptions) -> Option<Vec<ManifestEntry>> {
        let path = self.root.join(MANIFEST);
        if std::fs::symlink_metadata(&path).is_err() {
            return None;
        }
        let text = match read_article(&path, opts) {
            Ok(d) => d.text,
            Err(e) => {
                self.warnings.push(Warning::error(
                    &path,
                    format!("{e}; loading every .txt/.md file instead"),
                ));
                return None;
            }
        };
        match Manifest::parse_lenient(&text) {
            Ok((m, problems)) => {
                for p in problems {
                    self.warnings.push(Warning::error(&path, p.to_string()));
                }
                Some(m.articles)
            }
            Err(e) => {
                self.warnings.push(Warning::error(
                    &path,
                    format!("{e}; loading every .txt/.md file instead"),
                ));
                None
            }
        }
    }

    fn mark_across_outlets(&mut self) {
        if self
            .articles
            .iter()
            .filter(|a| a.meta.outlet.is_some())
            .count()
            < 2
        {
            return;
        }
        let mut marks: Vec<boilerplate::Marks> = self
            .articles
            .iter()
            .map(|a| boilerplate::Marks {
                boilerplate: a.boilerplate.clone(),
                part: a.part.clone(),
            })
            .collect();
        {
            let mut input: Vec<_> = self
                .articles
                .iter()
                .zip(marks.iter_mut())
                .map(|(a, m)| (a.meta.outlet.as_deref(), &*a.text, &a.doc, m))
                .collect();
            boilerplate::mark_across(&mut input);
        }
        for (a, m) in self.articles.iter_mut().zip(marks) {
            a.boilerplate = m.boilerplate;
        }
    }

    /// Find an article by id, file name, unique id prefix (`003`), or path.
    pub fn find(&self, name: &str) -> Option<usize> {
        let by = |f: &dyn Fn(&Article) -> bool| {
            let hits: Vec<usize> = (0..self.articles.len())
                .filter(|&i| f(&self.articles[i]))
                .collect();
            (hits.len() == 1).then(|| hits[0])
        };
        by(&|a| a.meta.id == name)
            .or_else(|| by(&|a| a.meta.file.to_str() == Some(name)))
            .or_else(|| by(&|a| a.meta.file.file_name().and_then(|f| f.to_str()) == Some(name)))
            .or_else(|| {
                (!name.is_empty())
                    .then(|| by(&|a| a.meta.id.starts_with(name)))
                    .flatten()
            })
            .or_else(|| {
                let want = std::fs::canonicalize(name).ok()?;
                by(&|a| {
                    std::fs::canonicalize(self.root.join(&a.meta.file))
                        .ok()
                        .as_ref()
                        == Some(&want)
                })
            })
    }
}

/// Read and decode one article file, refusing what is not a readable regular text file.
fn read_article(path: &Path, opts: &LoadOptions) -> Result<decode::Decoded, String> {
    use std::io::Read;
    let md = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            return Err(match (link, e.kind()) {
                (true, std::io::ErrorKind::NotFound) => {
                    "dangling symlink (its target does not exist)".to_owned()
                }
                (true, _) => format!("symlink cannot be followed (a loop?): {e}"),
                (false, std::io::ErrorKind::NotFound) => "missing: no such file".to_owned(),
                _ => e.to_string(),
            });
        }
    };
    if md.is_dir() {
        return Err("is a directory, not a file".to_owned());
    }
    if !md.is_file() {
        return Err("not a regular file (device, FIFO or socket); skipped".to_owned());
    }
    let too_big = |n: u64| {
        format!(
            "{} is over the size cap of {}; skipped",
            human_size(n),
            human_size(opts.max_bytes)
        )
    };
    if md.len() > opts.max_bytes {
        return Err(too_big(md.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::with_capacity(md.len() as usize);
    file.take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    decode::decode(&bytes).map_err(|e| e.to_string())
}

fn human_size(n: u64) -> String {
    if n >= 1 << 20 {
        format!("{:.1} MiB", n as f64 / (1u64 << 20) as f64)
    } else if n >= 1 << 10 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{n} bytes")
    }
}

/// Longest title derived from the text, in chars.
const TITLE_CHARS: usize = 100;

/// A text read as `parallax align --sentences` reads it: line `i` is sentence `i` (no
/// re-segmentation), and the skip mask leaves only publication stamps unmatched (lines that
/// are nothing but a date and time: metadata, not reporting; see [`stamp`]).
pub fn line_sentences(text: &str) -> (Vec<crate::text::Span>, Vec<bool>) {
    let spans = crate::text::line_spans(text);
    let skip = spans
        .iter()
        .map(|s| stamp::is_timestamp(s.slice(text)))
        .collect();
    (spans, skip)
}

/// A leading `date YYYY-MM-DD` (case-insensitive, optional colon): the date and the rest of the line.
pub fn leading_date(text: &str) -> Option<(String, &str)> {
    let t = text.trim_start();
    let rest = t.get(..4).filter(|w| w.eq_ignore_ascii_case("date"))?;
    let _ = rest;
    let rest = t[4..].strip_prefix(':').unwrap_or(&t[4..]);
    let rest = rest.trim_start_matches([' ', '\t']);
    let date = rest.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let after = &rest[10..];
    if after.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    Some((date.to_owned(), after))
}

/// A display-safe title from the first non-empty line (after a leading date), truncated by
/// chars at a word boundary.
pub fn derive_title(text: &str) -> String {
    let body = leading_date(text).map_or(text, |(_, rest)| rest);
    let line = body
        .split(['\n', '\r'])
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let clean = crate::sanitize::display_line(line);
    let clean = clean.trim();
    if clean.chars().count() <= TITLE_CHARS {
        return clean.to_owned();
    }
    let cut: String = clean.chars().take(TITLE_CHARS).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(p) if p > cut.len() / 2 => &cut[..p],
        _ => &cut[..],
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ';')
    )
}

fn meta_for(dir: &Path, path: &Path, entry: Option<&ManifestEntry>, text: &str) -> ArticleMeta {
    let file = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let clean = |s: &Option<String>| -> Option<String> {
        s.as_deref()
            .map(|v| crate::sanitize::display_line(v).trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let e = entry.cloned().unwrap_or_default();
    ArticleMeta {
        id,
        file,
        title: clean(&e.title).unwrap_or_else(|| derive_title(text)),
        outlet: clean(&e.outlet),
        published: clean(&e.published).or_else(|| leading_date(text).map(|(d, _)| d)),
        url: clean(&e.url),
        language: clean(&e.language),
    }
}
