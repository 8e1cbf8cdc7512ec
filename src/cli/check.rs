use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Corpus directory (default: the bundled corpus).
    dir: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(args.dir.as_deref())?;
    for w in &corpus.warnings {
        eprintln!(
            "{}: {}",
            w.path.display(),
            parallax::sanitize::display(&w.message)
        );
    }
    println!(
        "{} articles loaded, {} problems",
        corpus.articles.len(),
        corpus.warnings.len()
    );
    Ok(if corpus.warnings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
