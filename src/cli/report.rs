use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    a: String,
    b: String,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("report: not implemented yet")
}
