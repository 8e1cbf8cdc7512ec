//! `corpus.toml`: optional per-article metadata.
//!
//! ```toml
//! [[article]]
//! file = "003_99949d89f03e48ca.txt"   # required, relative to the corpus directory
//! title = "…"                          # optional
//! outlet = "…"                         # optional
//! published = "2025-03-20"             # optional, as stated (YYYY-MM-DD where known)
//! url = "https://…"                    # optional
//! language = "en"                      # optional ISO 639-1 code
//! ```
//!
//! A syntax error fails the whole manifest (the loader then scans the directory instead);
//! an entry with a bad field (unknown key, missing `file`, wrong type) is reported and
//! left out while the other entries still count.

use serde::Deserialize;
use std::path::PathBuf;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    pub articles: Vec<ManifestEntry>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub file: PathBuf,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// A problem in `corpus.toml`, with a 1-based position where one is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.message),
            (Some(l), None) => write!(f, "line {l}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    article: Vec<toml::Spanned<toml::Table>>,
}

/// 1-based line and column (in chars) of byte offset `pos` in `text`.
pub fn line_col(text: &str, pos: usize) -> (usize, usize) {
    let mut pos = pos.min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &text[..pos];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (line, text[line_start..pos].chars().count() + 1)
}

impl Manifest {
    /// Parse a manifest strictly: any problem is an error.
    pub fn parse(text: &str) -> Result<Manifest, ManifestError> {
        let (m, problems) = Manifest::parse_lenient(text)?;
        match problems.into_iter().next() {
            Some(p) => Err(p),
            None => Ok(m),
        }
    }

    /// Parse a manifest, keeping the good entries: returns the manifest and the problems
    /// with individual entries. A syntax error (nothing usable) is an `Err`.
    pub fn parse_lenient(text: &str) -> Result<(Manifest, Vec<ManifestError>), ManifestError> {
        let raw: Raw = toml::from_str(text).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => {
                    let (l, c) = line_col(text, span.start);
                    (Some(l), Some(c))
                }
                None => (None, None),
            };
            ManifestError {
                line,
                column,
                message: e.message().trim().to_owned(),
            }
        })?;
        let mut problems = Vec::new();
        let top: toml::Table = toml::from_str(text).unwrap_or_default();
        for key in top.keys().filter(|k| k.as_str() != "article") {
            let pos = text.find(key.as_str()).map(|p| line_col(text, p));
            problems.push(ManifestError {
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                message: format!("unknown key `{key}` (expected [[article]] tables)"),
            });
        }
        let mut articles = Vec::new();
        for entry in raw.article {
            let (l, c) = line_col(text, entry.span().start);
            let table = entry.into_inner();
            match toml::Value::Table(table).try_into::<ManifestEntry>() {
                Ok(e) => articles.push(e),
                Err(e) => problems.push(ManifestError {
                    line: Some(l),
                    column: Some(c),
                    message: format!("[[article]] entry left out: {}", e.message().trim()),
                }),
            }
        }
        Ok((Manifest { articles }, problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries() {
        let m = Manifest::parse(
            "[[article]]\nfile = \"a.txt\"\ntitle = \"A\"\n\n[[article]]\nfile = \"b.txt\"\npublished = \"2025-03-20\"\n",
        )
        .unwrap();
        assert_eq!(m.articles.len(), 2);
        assert_eq!(m.articles[0].title.as_deref(), Some("A"));
        assert_eq!(m.articles[1].published.as_deref(), Some("2025-03-20"));
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e =
            Manifest::parse("[[article]]\nfile = \"a.txt\"\ntitle = \"unterminated\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.column.is_some());
        assert!(e.to_string().starts_with("line 3, column "), "{e}");
    }

    #[test]
    fn bad_entry_is_left_out_others_kept() {
        let (m, problems) = Manifest::parse_lenient(
            "[[article]]\nfile = \"a.txt\"\n\n[[article]]\ntitle = \"no file\"\n\n[[article]]\nfile = \"c.txt\"\nauthor = \"x\"\n\n[[article]]\nfile = \"d.txt\"\n",
        )
        .unwrap();
        let files: Vec<_> = m
            .articles
            .iter()
            .map(|a| a.file.to_str().unwrap())
            .collect();
        assert_eq!(files, ["a.txt", "d.txt"]);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, Some(4));
        assert!(
            problems[0].message.contains("file"),
            "{}",
            problems[0].message
        );
        assert_eq!(problems[1].line, Some(7));
        assert!(
            problems[1].message.contains("author"),
            "{}",
            problems[1].message
        );
    }

    #[test]
    fn line_col_counts_chars() {
        assert_eq!(line_col("ab\ncdé f", 0), (1, 1));
        assert_eq!(line_col("ab\ncdé f", 3), (2, 1));
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
    }
}
