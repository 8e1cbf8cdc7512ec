use parallax::text::{Document, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// File to segment, or `-` for standard input.
    file: PathBuf,
    /// Print `[{"text","start","end"}]` with byte offsets.
    #[arg(long)]
    json: bool,
    /// Language code (default: detected).
    #[arg(long)]
    lang: Option<String>,
}

#[derive(serde::Serialize)]
struct Out<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = super::read_input(&args.file)?;
    let lang = args
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_else(|| Lang::detect(&text));
    let doc = Document::parse(&text, lang);
    if args.json {
        let out: Vec<Out> = doc
            .sentences
            .iter()
            .map(|s| Out {
                text: s.span.slice(&text),
                start: s.span.start,
                end: s.span.end,
            })
            .collect();
        println!("{}", serde_json::to_string(&out)?);
    } else {
        for s in &doc.sentences {
            println!(
                "{}",
                parallax::sanitize::display(&s.span.slice(&text).replace('\n', " "))
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
