//! `parallax check [DIR]`: load a corpus and list every problem.
//!
//! Exit status: 0 when every article loaded (notes allowed), 1 when something could not be
//! loaded (a skipped file, a missing file, a malformed manifest or manifest entry), 2 when the
//! directory itself is missing or unreadable.

use parallax::corpus::{Corpus, CorpusError, LoadOptions, Severity};
use parallax::sanitize::display_line;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus directory (default: the bundled corpus).
    dir: Option<PathBuf>,
    /// Skip files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = parallax::corpus::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Also print, per article, how many sentences are marked as boilerplate and how many parts it has.
    #[arg(long)]
    boilerplate: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = args.dir.clone().unwrap_or_else(super::default_corpus_dir);
    let opts = LoadOptions {
        max_bytes: args.max_bytes,
    };
    let corpus = match Corpus::load_with(&dir, &opts) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("parallax check: {}", display_line(&e.to_string()));
            return Ok(match e {
                CorpusError::Missing(_) | CorpusError::NotADirectory(_) | CorpusError::Io(..) => {
                    ExitCode::from(2)
                }
            });
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut errors = 0;
    let mut notes = 0;
    for w in &corpus.warnings {
        let label = match w.severity {
            Severity::Error => {
                errors += 1;
                "error"
            }
            Severity::Note => {
                notes += 1;
                "note"
            }
        };
        writeln!(
            out,
            "{label}: {}: {}",
            shown_path(&dir, &w.path),
            display_line(&w.message)
        )?;
    }
    if args.boilerplate {
        for a in &corpus.articles {
            let marked = (0..a.doc.sentences.len())
                .filter(|&i| a.is_boilerplate(i))
                .count();
            writeln!(
                out,
                "{}: {} of {} sentences marked as boilerplate, {} part(s)",
                display_line(&a.meta.id),
                marked,
                a.doc.sentences.len(),
                a.parts()
            )?;
        }
    }
    writeln!(
        out,
        "{} article(s) loaded, {} problem(s) with files not loaded, {} note(s)",
        corpus.articles.len(),
        errors,
        notes
    )?;
    out.flush()?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// A path for display: relative to the corpus directory when inside it, sanitised.
pub fn shown_path(dir: &Path, path: &Path) -> String {
    let p = path.strip_prefix(dir).unwrap_or(path);
    let p = if p.as_os_str().is_empty() { path } else { p };
    display_line(&p.display().to_string()).into_owned()
}
