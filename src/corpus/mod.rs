//! Articles and corpora: loading a directory, the optional `corpus.toml`
//! manifest, decoding, and boilerplate marks. Read-only: nothing here writes.

mod manifest;

pub use manifest::{Manifest, ManifestEntry};

use crate::text::{Document, Lang};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Metadata of an article: from the manifest where it has it, else from the text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ArticleMeta {
    /// Short identifier: the file stem (e.g. `003_99949d89f03e48ca`).
    pub id: String,
    /// The file, relative to the corpus root.
    pub file: PathBuf,
    pub title: String,
    pub outlet: Option<String>,
    /// Publication date as stated (`YYYY-MM-DD` where known).
    pub published: Option<String>,
    pub url: Option<String>,
    /// Language code from the manifest, if it states one.
    pub language: Option<String>,
}

/// Why a sentence is not part of the article's own reporting.
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
    /// A different story appended after the article.
    Appended,
}

/// A fully loaded article: its original text, segmentation and marks.
#[derive(Clone, Debug)]
pub struct Article {
    pub meta: ArticleMeta,
    /// The decoded text, exactly as read (no cleaning). All spans point into it.
    pub text: Arc<str>,
    pub lang: Lang,
    pub doc: Document,
    /// One entry per sentence: `Some(kind)` when the sentence is boilerplate.
    pub boilerplate: Vec<Option<Boilerplate>>,
    /// One entry per sentence: which part of the article it belongs to
    /// (0 = the article; 1.. = stories appended after it).
    pub part: Vec<u16>,
}

impl Article {
    /// Build an article from text already in memory.
    pub fn from_text(meta: ArticleMeta, text: impl Into<Arc<str>>) -> Article {
        let text: Arc<str> = text.into();
        let lang = meta
            .language
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_else(|| Lang::detect(&text));
        let doc = Document::parse(&text, lang);
        let n = doc.sentences.len();
        Article {
            meta,
            text,
            lang,
            doc,
            boilerplate: vec![None; n],
            part: vec![0; n],
        }
    }

    /// The text of sentence `i`.
    pub fn sentence(&self, i: usize) -> &str {
        self.doc.sentences[i].span.slice(&self.text)
    }

    pub fn word_count(&self) -> usize {
        self.doc
            .sentences
            .iter()
            .flat_map(|s| &s.tokens)
            .filter(|t| t.kind != crate::text::TokenKind::Punct)
            .count()
    }
}

/// A problem met while loading; loading goes on past it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub path: PathBuf,
    pub message: String,
}

/// All articles of one directory.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub root: PathBuf,
    pub articles: Vec<Article>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("{}: no such directory", .0.display())]
    Missing(PathBuf),
    #[error("{}: {}", .0.display(), .1)]
    Io(PathBuf, std::io::Error),
}

impl Corpus {
    /// Load every article of `dir`: those its `corpus.toml` lists, or else every `.txt`/`.md` file.
    pub fn load(dir: &Path) -> Result<Corpus, CorpusError> {
        if !dir.is_dir() {
            return Err(CorpusError::Missing(dir.to_path_buf()));
        }
        let mut corpus = Corpus {
            root: dir.to_path_buf(),
            ..Corpus::default()
        };
        let manifest_path = dir.join("corpus.toml");
        let entries: Vec<ManifestEntry> = if manifest_path.is_file() {
            match std::fs::read_to_string(&manifest_path)
                .map_err(|e| e.to_string())
                .and_then(|s| Manifest::parse(&s).map_err(|e| e.to_string()))
            {
                Ok(m) => m.articles,
                Err(e) => {
                    corpus.warnings.push(Warning {
                        path: manifest_path.clone(),
                        message: e,
                    });
                    Vec::new()
                }
            }
        } else {
            Vec::new()
        };
        let mut files: Vec<PathBuf> = if entries.is_empty() {
            let rd = std::fs::read_dir(dir).map_err(|e| CorpusError::Io(dir.to_path_buf(), e))?;
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md"))
                })
                .collect()
        } else {
            entries.iter().map(|e| dir.join(&e.file)).collect()
        };
        files.sort();
        for path in files {
            let entry = entries.iter().find(|e| dir.join(&e.file) == path);
            match std::fs::read(&path) {
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    let meta = meta_for(dir, &path, entry, &text);
                    corpus.articles.push(Article::from_text(meta, text));
                }
                Err(e) => corpus.warnings.push(Warning {
                    path: path.clone(),
                    message: e.to_string(),
                }),
            }
        }
        Ok(corpus)
    }

    /// Find an article by id, file name, or a unique id prefix (`003`).
    pub fn find(&self, name: &str) -> Option<usize> {
        let by = |f: &dyn Fn(&Article) -> bool| {
            let hits: Vec<usize> = (0..self.articles.len())
                .filter(|&i| f(&self.articles[i]))
                .collect();
            (hits.len() == 1).then(|| hits[0])
        };
        by(&|a| a.meta.id == name)
            .or_else(|| by(&|a| a.meta.file.to_str() == Some(name)))
            .or_else(|| by(&|a| a.meta.id.starts_with(name)))
    }
}

fn meta_for(dir: &Path, path: &Path, entry: Option<&ManifestEntry>, text: &str) -> ArticleMeta {
    let file = path.strip_prefix(dir).unwrap_or(path).to_path_buf();
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    ArticleMeta {
        id,
        file,
        title: entry
            .and_then(|e| e.title.clone())
            .unwrap_or_else(|| first_line.chars().take(120).collect()),
        outlet: entry.and_then(|e| e.outlet.clone()),
        published: entry.and_then(|e| e.published.clone()),
        url: entry.and_then(|e| e.url.clone()),
        language: entry.and_then(|e| e.language.clone()),
    }
}
