//! Command-line interface (clap derive). One file per command.

mod align;
mod check;
mod diff;
mod list;
mod report;
mod sentences;

use clap::{Parser, Subcommand};
use parallax::corpus::Corpus;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare how different news outlets report the same event.
///
/// With no command, opens the reader on DIR (default: the bundled corpus).
#[derive(Debug, Parser)]
#[command(
    name = "parallax",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Directory of articles to open in the reader.
    dir: Option<PathBuf>,
    /// Review notes file for the reader (default: `<DIR>.review.json` beside the corpus).
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the articles of a corpus.
    List(list::Args),
    /// Print the aligned, side-by-side comparison of two articles.
    Diff(diff::Args),
    /// Print the sentences of a file, one per line.
    Sentences(sentences::Args),
    /// Align the sentences of two files (machine interface).
    Align(align::Args),
    /// Check that every article of a corpus loads; exit non-zero if one does not.
    Check(check::Args),
    /// Write a report of a comparison (markdown, HTML or JSON).
    Report(report::Args),
}

/// The corpus that ships with Parallax, used when no directory is given.
pub fn default_corpus_dir() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    if here.is_dir() {
        here
    } else {
        PathBuf::from("corpus")
    }
}

pub fn load_corpus(dir: Option<&Path>) -> anyhow::Result<Corpus> {
    let dir = dir
        .map(Path::to_path_buf)
        .unwrap_or_else(default_corpus_dir);
    Ok(Corpus::load(&dir)?)
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let result = match cli.command {
        None => load_corpus(cli.dir.as_deref())
            .and_then(|c| parallax::tui::run(c, cli.review).map(|_| ExitCode::SUCCESS)),
        Some(Command::List(a)) => list::run(a),
        Some(Command::Diff(a)) => diff::run(a),
        Some(Command::Sentences(a)) => sentences::run(a),
        Some(Command::Align(a)) => align::run(a),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Report(a)) => report::run(a),
    };
    match result {
        Ok(code) => code,
        // The reader of stdout went away (`| head`): what it wanted is written; stop quietly,
        // as a filter does.
        Err(e) if closed_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "parallax: {}",
                parallax::sanitize::display(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

/// A command line clap cannot read: help and version are printed as clap prints them; an
/// error is one line on standard error (clap's message, its indented details joined), and
/// exit code 2.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind::*;
    if matches!(
        e.kind(),
        DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
    }
    eprintln!(
        "parallax: {} (see --help)",
        one_line(&e.render().to_string())
    );
    ExitCode::from(2)
}

/// clap's rendered error up to its first blank line, on one line, without "error: ".
fn one_line(rendered: &str) -> String {
    let head: Vec<&str> = rendered
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .map(str::trim)
        .collect();
    let text = head.join(" ");
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    parallax::sanitize::display_line(text).into_owned()
}

/// Whether `e` is (or was caused by) writing to a pipe whose reader has closed it, directly
/// or through `serde_json` (which wraps the I/O errors of a writer in its own).
fn closed_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| c.downcast_ref::<serde_json::Error>()?.io_error_kind())
            == Some(BrokenPipe)
    })
}

/// Two articles named on the command line, and the directory whose review file they share.
pub struct Pair {
    pub a: parallax::corpus::Article,
    pub b: parallax::corpus::Article,
    /// The corpus directory the articles came from (for a file given by path: its directory).
    pub home: PathBuf,
}

/// Resolve `a` and `b` like `diff` does: an existing file path (any bytes) is read directly
/// (with its manifest metadata when it lies in the corpus directory); anything else is a
/// corpus id, file name or unique id prefix in the corpus `dir` (default: the bundled corpus).
pub fn resolve_pair(a: &OsStr, b: &OsStr, dir: Option<&Path>) -> anyhow::Result<Pair> {
    use parallax::corpus::{Article, ArticleMeta};
    let mut corpus: Option<Corpus> = None;
    let mut home: Option<PathBuf> = None;
    let mut resolve = |raw: &OsStr| -> anyhow::Result<Article> {
        let path = Path::new(raw);
        if path.is_file() {
            let parent = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
            let in_corpus = dir
                .map(Path::to_path_buf)
                .unwrap_or_else(default_corpus_dir);
            let same_dir =
                std::fs::canonicalize(&parent).ok() == std::fs::canonicalize(&in_corpus).ok();
            if same_dir {
                if corpus.is_none() {
                    corpus = Some(load_corpus(Some(&in_corpus))?);
                }
                let c = corpus.as_ref().expect("loaded above");
                if let Some(art) = c.articles.iter().find(|x| {
                    std::fs::canonicalize(c.root.join(&x.meta.file))
                        .ok()
                        .as_ref()
                        == Some(&canon)
                }) {
                    home.get_or_insert(in_corpus);
                    return Ok(art.clone());
                }
            }
            home.get_or_insert(parent);
            let text = read_input(path)?.text;
            let meta = ArticleMeta {
                id: path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                file: path.to_path_buf(),
                title: text
                    .lines()
                    .map(str::trim)
                    .find(|l| !l.is_empty())
                    .unwrap_or("")
                    .chars()
                    .take(120)
                    .collect(),
                ..ArticleMeta::default()
            };
            return Ok(Article::from_text(meta, text));
        }
        // (not a file: an id, which is UTF-8, or nothing there)
        let Some(name) = raw.to_str() else {
            anyhow::bail!("{}: no such file", path.display())
        };
        if corpus.is_none() {
            corpus = Some(load_corpus(dir)?);
        }
        let c = corpus.as_ref().expect("loaded above");
        match c.find(name) {
            Some(i) => {
                home.get_or_insert_with(|| c.root.clone());
                Ok(c.articles[i].clone())
            }
            None => {
                // (say why: several ids start so, the path is a directory, or nothing is there)
                let ids: Vec<&str> = c
                    .articles
                    .iter()
                    .map(|a| a.meta.id.as_str())
                    .filter(|id| !name.is_empty() && id.starts_with(name))
                    .collect();
                if ids.len() > 1 {
                    let more = if ids.len() > 4 { ", …" } else { "" };
                    anyhow::bail!(
                        "'{name}' matches {} articles in {} ({}{more}); give more of the id",
                        ids.len(),
                        c.root.display(),
                        ids[..ids.len().min(4)].join(", ")
                    )
                }
                if path.is_dir() {
                    anyhow::bail!("{name}: is a directory, not an article file")
                }
                anyhow::bail!(
                    "no article '{}' in {} (and no such file)",
                    name,
                    c.root.display()
                )
            }
        }
    };
    let (a, b) = (resolve(a)?, resolve(b)?);
    // A text too short to tell its language is read in the other's (`Lang::for_pair`).
    let (la, lb) = parallax::text::Lang::for_pair(&a.text, a.lang, &b.text, b.lang);
    let (a, b) = (a.or_language(la), b.or_language(lb));
    Ok(Pair {
        a,
        b,
        home: home.expect("set when an article resolves"),
    })
}

/// A `--lang CODE`: a language with rules of its own (`en`, `de`, `en-US`, …; see
/// [`Lang::from_code`]), or a widely used one without ([`Lang::is_without_rules`]: `zh`, `ja`,
/// `hi`, …), which gets the language-neutral rules; anything else is an error.
pub fn parse_lang(code: &str) -> anyhow::Result<parallax::text::Lang> {
    use parallax::text::Lang;
    match Lang::from_code(code) {
        Some(lang) => Ok(lang),
        None if Lang::is_without_rules(code) => Ok(Lang::Unknown),
        None => anyhow::bail!("unknown language code {code:?}"),
    }
}

/// A file (or standard input) read as text.
pub struct Input {
    pub text: String,
    /// Where `text` starts in the file when it is the file's own bytes (valid UTF-8): 0, or 3
    /// after a UTF-8 byte-order mark, so `start + offset` is a file offset. `None` when the
    /// text was decoded (UTF-16, a legacy encoding, invalid bytes replaced): offsets then
    /// point into the decoded text.
    pub offset: Option<usize>,
}

/// The largest input `sentences`, `align`, `diff` and `report` read from a file or standard
/// input (the two Bible translations of the scale benchmark are 4 MiB each).
pub const MAX_INPUT_BYTES: usize = 64 << 20;

/// Read a file (or standard input for `-`) as text, through the corpus decoder: a UTF-8
/// byte-order mark is dropped, UTF-16 (with or without a byte-order mark) and legacy
/// encodings such as Windows-1252 (guessed by chardetng) are decoded, with what it guessed
/// said on standard error. Binary input (a known signature, or too many control characters,
/// NUL bytes included) is an error. Empty input is empty text (no sentences);
/// whitespace-only UTF-8 is kept as it is (its lines still count with `--sentences`).
pub fn read_input(path: &Path) -> anyhow::Result<Input> {
    use anyhow::Context;
    use parallax::corpus::decode::{self, Refused};
    use std::io::Read;
    let name = if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    // (at most one byte past the cap is read: `/dev/zero` is refused, not read to the end of
    // memory)
    let mut bytes = Vec::new();
    let cap = MAX_INPUT_BYTES as u64 + 1;
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(cap)
            .read_to_end(&mut bytes)
            .context("reading standard input")?;
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(cap).read_to_end(&mut bytes))
            .with_context(|| format!("{}", path.display()))?;
    }
    if bytes.len() > MAX_INPUT_BYTES {
        anyhow::bail!(
            "{}: larger than {} MiB; not read",
            parallax::sanitize::display_line(&name),
            MAX_INPUT_BYTES >> 20
        );
    }
    match decode::decode(&bytes) {
        Ok(d) => {
            for note in &d.notes {
                eprintln!(
                    "parallax: {}: {}",
                    parallax::sanitize::display(&name),
                    parallax::sanitize::display(note)
                );
            }
            Ok(Input {
                text: d.text,
                offset: d.offset,
            })
        }
        Err(Refused::Empty) => {
            // (whitespace-only UTF-8 is kept, after a byte-order mark if any)
            let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            Ok(Input {
                text: std::str::from_utf8(&bytes[bom..]).unwrap_or("").to_owned(),
                offset: Some(bom),
            })
        }
        Err(e) => anyhow::bail!("{name}: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_are_one_line() {
        let e = Cli::try_parse_from(["parallax", "sentences", "--bogus", "a.txt"]).unwrap_err();
        assert_eq!(
            one_line(&e.render().to_string()),
            "unexpected argument '--bogus' found"
        );
        let e = Cli::try_parse_from(["parallax", "align", "a.txt"]).unwrap_err();
        let line = one_line(&e.render().to_string());
        assert!(
            line.starts_with("the following required arguments were not provided: <B>"),
            "{line}"
        );
    }

    #[test]
    fn review_flag_names_the_review_file_of_the_reader() {
        let cli = Cli::try_parse_from(["parallax", "--review", "notes.json", "news"]).unwrap();
        assert_eq!(cli.review.as_deref(), Some(Path::new("notes.json")));
        assert_eq!(cli.dir.as_deref(), Some(Path::new("news")));
        assert!(cli.command.is_none());
        let cli = Cli::try_parse_from(["parallax"]).unwrap();
        assert!(cli.review.is_none());
    }
}
