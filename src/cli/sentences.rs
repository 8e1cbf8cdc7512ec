//! `parallax sentences FILE|-`: print the sentences of a text, one per line.

use parallax::text::{Document, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// File to segment, or `-` for standard input.
    file: PathBuf,
    /// Print `[{"text","start","end"}]` with byte offsets into the file (for a decoded file,
    /// UTF-16 or a legacy encoding: into the decoded UTF-8 text).
    #[arg(long)]
    json: bool,
    /// Language code, e.g. `en`, `de`, `fr` (default: detected); `en-US` counts as `en`, and a
    /// language without rules of its own (`zh`, `ja`, `hi`, `pl`, …) gets language-neutral ones.
    #[arg(long, value_name = "CODE")]
    lang: Option<String>,
}

#[derive(serde::Serialize)]
struct Out<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lang = match args.lang.as_deref() {
        Some(code) => Some(super::parse_lang(code)?),
        None => None,
    };
    let input = super::read_input(&args.file)?;
    let (text, base) = (input.text, input.offset.unwrap_or(0));
    let lang = lang.unwrap_or_else(|| Lang::detect(&text));
    let doc = Document::parse(&text, lang);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    if args.json {
        let items: Vec<Out> = doc
            .sentences
            .iter()
            .map(|s| Out {
                text: s.span.slice(&text),
                start: base + s.span.start,
                end: base + s.span.end,
            })
            .collect();
        // The same value, printable: C1 controls and bidi controls as `\u` escapes.
        out.push_str(&parallax::sanitize::json(&serde_json::to_string(&items)?));
        out.push('\n');
    } else {
        for s in &doc.sentences {
            out.push_str(&parallax::sanitize::display(&one_line(s.span.slice(&text))));
            out.push('\n');
        }
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A sentence on one line: each line break inside it (CRLF counts once) becomes a space.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push(' ');
            }
            '\n' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Write to stdout (a closed pipe is handled by `cli::main`).
fn write_stdout(s: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(s.as_bytes())?;
    stdout.flush()?;
    Ok(())
}
