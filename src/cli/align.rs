//! `parallax align A B [--json] [--sentences]`: the machine interface to the aligner.
//!
//! Output (`--json`): `{"units":[{"a":[i,…],"b":[j,…],"kind":"same|changed|only_a|only_b|moved",
//! "score":0.0}]}` with 0-based sentence indices, units in display order, every sentence of
//! each side in exactly one unit. With `--sentences`, line `i` of a file is sentence `i`
//! (lines end at `\n`, `\r\n` or a lone `\r`; a final line without an ending counts, a final
//! line ending adds no empty line, an empty file has no sentences: Python's
//! `open(f).read().splitlines()`); empty or punctuation-only lines are kept as sentences but
//! have no words, so they are never matched and come out as `only_a` / `only_b` units.
//!
//! Without `--sentences` each file goes through the reader's pipeline (segmentation, then
//! boilerplate marks: captions, repeats, tags, site furniture, appended stories), so the units
//! are exactly those the reader shows for the same two files: marked sentences are never
//! matched. With `--sentences` every line takes part but publication stamps (lines that are
//! nothing but a date and time: metadata, not reporting).

use parallax::align::{self, Side};
use parallax::corpus::{Article, ArticleMeta};
use parallax::text::{Lang, Span};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// First file (A), or `-` for standard input.
    a: PathBuf,
    /// Second file (B), or `-` for standard input.
    b: PathBuf,
    /// Print `{"units":[{"a":[..],"b":[..],"kind":..,"score":..}]}`.
    #[arg(long)]
    json: bool,
    /// Each line of each file is one sentence (line i is sentence i); no re-segmentation.
    #[arg(long)]
    sentences: bool,
    /// Language code of both texts (default: detected per file; a file too short to tell
    /// takes the other's); `en-US` counts as `en`, and a language without rules of its own
    /// (`zh`, `ja`, `hi`, `pl`, …) gets language-neutral ones.
    #[arg(long)]
    lang: Option<String>,
}

/// One input, ready to align.
struct Loaded {
    text: String,
    lang: Lang,
    spans: Vec<Span>,
    /// Boilerplate marks (with `--sentences`: publication stamps only).
    skip: Vec<bool>,
}

impl Loaded {
    fn side(&self) -> Side<'_> {
        Side {
            text: &self.text,
            sentences: &self.spans,
            lang: self.lang,
            skip: &self.skip,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // (this thread runs the alignment: in place on the pool, see `par`)
    parallax::par::adopt_current_thread();
    if args.a.as_os_str() == "-" && args.b.as_os_str() == "-" {
        anyhow::bail!("only one of A and B can be standard input (-)");
    }
    let forced = match args.lang.as_deref() {
        Some(code) => Some(super::parse_lang(code)?),
        None => None,
    };
    // Each file is read, its language detected and its sentences found (and, for articles,
    // boilerplate marked) on its own thread.
    let load = |path: &std::path::Path| -> anyhow::Result<Loaded> {
        let text = super::read_input(path)?.text;
        if args.sentences {
            let lang = forced.unwrap_or_else(|| Lang::detect(&text));
            let (spans, skip) = parallax::corpus::line_sentences(&text);
            return Ok(Loaded {
                text,
                lang,
                spans,
                skip,
            });
        }
        let meta = ArticleMeta {
            language: forced.map(|l| l.code().to_string()),
            ..ArticleMeta::default()
        };
        let article = Article::from_text(meta, text);
        Ok(Loaded {
            lang: article.lang,
            spans: article.doc.sentence_spans(),
            skip: article.skip_mask(),
            text: article.text.to_string(),
        })
    };
    let (ra, rb) = std::thread::scope(|scope| {
        let h = scope.spawn(|| load(&args.b));
        let ra = load(&args.a);
        match h.join() {
            Ok(rb) => (ra, rb),
            Err(e) => std::panic::resume_unwind(e),
        }
    });
    let (mut la, mut lb) = (ra?, rb?);
    // Unless `--lang` says, a text too short to tell its language is compared in the
    // other's (see `Lang::for_pair`); sentences stay as `parallax sentences` cuts each file.
    if forced.is_none() {
        (la.lang, lb.lang) = Lang::for_pair(&la.text, la.lang, &lb.text, lb.lang);
    }
    let al = parallax::par::on_pool(|| align::align(&la.side(), &lb.side()));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.json {
        serde_json::to_writer(&mut out, &al)?;
        writeln!(out)?;
    } else {
        for u in &al.units {
            writeln!(out, "{:?}\t{:?}\t{:?}\t{:.3}", u.a, u.b, u.kind, u.score)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
