use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article A: a path or a corpus id.
    a: String,
    /// Article B: a path or a corpus id.
    b: String,
    /// Print rows with spans and kinds as JSON.
    #[arg(long)]
    json: bool,
    /// Total output width in columns (default: the terminal's, or 100).
    #[arg(long)]
    width: Option<u16>,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("diff: not implemented yet")
}
