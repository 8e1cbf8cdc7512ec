use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus directory (default: the bundled corpus).
    dir: Option<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(args.dir.as_deref())?;
    if args.json {
        let metas: Vec<_> = corpus.articles.iter().map(|a| &a.meta).collect();
        println!("{}", serde_json::to_string_pretty(&metas)?);
    } else {
        for a in &corpus.articles {
            println!(
                "{}\t{}\t{}\t{}\t{}",
                a.meta.id,
                a.meta.published.as_deref().unwrap_or("-"),
                a.meta.outlet.as_deref().unwrap_or("-"),
                a.word_count(),
                parallax::sanitize::display(&a.meta.title)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
