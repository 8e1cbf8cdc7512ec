//! `parallax`: parse the command line and run one command.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
