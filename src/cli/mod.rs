//! Command-line interface (clap derive). One file per command.

mod align;
mod check;
mod diff;
mod list;
mod report;
mod sentences;

use clap::{Parser, Subcommand};
use parallax::corpus::Corpus;
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
    let cli = Cli::parse();
    let result = match cli.command {
        None => load_corpus(cli.dir.as_deref())
            .and_then(|c| parallax::tui::run(c).map(|_| ExitCode::SUCCESS)),
        Some(Command::List(a)) => list::run(a),
        Some(Command::Diff(a)) => diff::run(a),
        Some(Command::Sentences(a)) => sentences::run(a),
        Some(Command::Align(a)) => align::run(a),
        Some(Command::Check(a)) => check::run(a),
        Some(Command::Report(a)) => report::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "parallax: {}",
                parallax::sanitize::display(&format!("{e:#}"))
            );
            ExitCode::from(2)
        }
    }
}

/// Read a file (or standard input for `-`) as text.
pub fn read_input(path: &Path) -> anyhow::Result<String> {
    use anyhow::Context;
    let bytes = if path == Path::new("-") {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut v)
            .context("reading standard input")?;
        v
    } else {
        std::fs::read(path).with_context(|| format!("{}", path.display()))?
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
