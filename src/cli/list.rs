//! `parallax list [DIR]`: the articles of a corpus, one per line, or `--json`.

use parallax::corpus::Length;
use parallax::sanitize::display_line;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus directory (default: the bundled corpus).
    dir: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

/// One article in `list --json`.
#[derive(serde::Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    meta: &'a parallax::corpus::ArticleMeta,
    /// All words, boilerplate included.
    words: usize,
    /// Words outside boilerplate.
    content_words: usize,
    sentences: usize,
    /// Sentences marked as boilerplate (including appended stories).
    boilerplate: usize,
    /// 1, or more when stories were found appended after the article.
    parts: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = args.dir.clone().unwrap_or_else(super::default_corpus_dir);
    let corpus = super::load_corpus(Some(&dir))?;
    for w in &corpus.warnings {
        eprintln!(
            "{}: {}: {}",
            if w.is_error() { "warning" } else { "note" },
            super::check::shown_path(&dir, &w.path),
            display_line(&w.message)
        );
    }
    if args.json {
        let entries: Vec<Entry> = corpus
            .articles
            .iter()
            .map(|a| Entry {
                meta: &a.meta,
                words: a.word_count(),
                content_words: a.content_word_count(),
                sentences: a.doc.sentences.len(),
                boilerplate: (0..a.doc.sentences.len())
                    .filter(|&i| a.is_boilerplate(i))
                    .count(),
                parts: a.parts(),
            })
            .collect();
        let mut out = std::io::stdout().lock();
        writeln!(
            out,
            "{}",
            parallax::sanitize::json(&serde_json::to_string_pretty(&entries)?)
        )?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<[String; 5]> = corpus
        .articles
        .iter()
        .map(|a| {
            let m = &a.meta;
            [
                display_line(&m.id).into_owned(),
                display_line(m.published.as_deref().unwrap_or("-")).into_owned(),
                display_line(m.outlet.as_deref().unwrap_or("-")).into_owned(),
                match a.length() {
                    Length::Words(n) => n.to_string(),
                    Length::Characters(n) => format!("{n} chars"),
                },
                display_line(&m.title).into_owned(),
            ]
        })
        .collect();
    let header = ["ID", "DATE", "OUTLET", "WORDS", "TITLE"].map(String::from);
    let mut widths = [0usize; 4];
    for r in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(r.iter()) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in r.iter().take(4).enumerate() {
            let pad = widths[i] - cell.width();
            if i == 3 {
                line.push_str(&" ".repeat(pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(pad));
            }
            line.push_str("  ");
        }
        line.push_str(&r[4]);
        writeln!(out, "{}", line.trim_end())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
