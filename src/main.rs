//! `parallax`: parse the command line and run one command.

mod cli;

/// mimalloc: a compare allocates many small, short-lived vectors and strings; it takes
/// 12% off a cold comparison of two seed articles (`benches/compare.rs`).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
