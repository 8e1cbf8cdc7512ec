//! `parallax report A B [--format md|html|json] [-o FILE] [--review FILE] [--corpus DIR]`

use anyhow::Context;
use parallax::report::{Format, Report};
use parallax::review::{self, ReviewStore};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article A: a corpus id (or unique prefix) or a file path.
    a: std::ffi::OsString,
    /// Article B: a corpus id (or unique prefix) or a file path.
    b: std::ffi::OsString,
    /// Output format: md (Markdown), html (one self-contained file) or json.
    /// Default: from the -o file's extension, else md.
    #[arg(long, short = 'f', value_name = "md|html|json")]
    format: Option<String>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Review notes file (default: `<corpus dir>.review.json` beside the corpus directory).
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
    /// Corpus directory to find ids in (default: the bundled corpus).
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
}

fn parse_format(s: &str) -> Option<Format> {
    match s.to_ascii_lowercase().as_str() {
        "md" | "markdown" => Some(Format::Markdown),
        "html" | "htm" => Some(Format::Html),
        "json" => Some(Format::Json),
        _ => None,
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // (this thread runs the comparison: in place on the pool, see `par`)
    parallax::par::adopt_current_thread();
    let format = match (&args.format, &args.output) {
        (Some(f), _) => parse_format(f)
            .with_context(|| format!("report: unknown format '{f}' (expected md, html or json)"))?,
        (None, Some(out)) => out
            .extension()
            .and_then(|e| e.to_str())
            .and_then(parse_format)
            .unwrap_or(Format::Markdown),
        (None, None) => Format::Markdown,
    };
    let pair = super::resolve_pair(&args.a, &args.b, args.corpus.as_deref())?;
    let review_path = args
        .review
        .clone()
        .unwrap_or_else(|| review::default_path(&pair.home));
    let (store, warning) = ReviewStore::open(&review_path)?;
    if let Some(w) = warning {
        eprintln!("parallax: {}", parallax::sanitize::display(&w.message));
    }
    let cmp = parallax::par::on_pool(|| parallax::compare::compare(&pair.a, &pair.b));
    let report = Report::new(&pair.a, &pair.b, &cmp, Some(&store));
    let text = format.render(&report);
    match &args.output {
        Some(path) if path.as_os_str() != "-" => std::fs::write(path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?,
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .context("writing the report")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
