//! `parallax`: parse the command line and run one command.

mod cli;

/// mimalloc: the aligner builds and frees ~10^5 small vectors on two threads for a book;
/// glibc malloc spends ~7% of the time there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
