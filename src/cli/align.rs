use parallax::align::{self, Side};
use parallax::text::{Document, Lang};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    a: PathBuf,
    b: PathBuf,
    /// Print `{"units":[{"a":[..],"b":[..],"kind":..,"score":..}]}`.
    #[arg(long)]
    json: bool,
    /// Each line of each file is one sentence (line i is sentence i).
    #[arg(long)]
    sentences: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ta = super::read_input(&args.a)?;
    let tb = super::read_input(&args.b)?;
    let doc = |t: &str| {
        if args.sentences {
            Document::from_lines(t)
        } else {
            Document::parse(t, Lang::detect(t))
        }
    };
    let (da, db) = (doc(&ta), doc(&tb));
    let (sa, sb) = (da.sentence_spans(), db.sentence_spans());
    let al = align::align(
        &Side {
            text: &ta,
            sentences: &sa,
            lang: Lang::detect(&ta),
            skip: &[],
        },
        &Side {
            text: &tb,
            sentences: &sb,
            lang: Lang::detect(&tb),
            skip: &[],
        },
    );
    if args.json {
        println!("{}", serde_json::to_string(&al)?);
    } else {
        for u in &al.units {
            println!("{:?}\t{:?}\t{:?}\t{:.3}", u.a, u.b, u.kind, u.score);
        }
    }
    Ok(ExitCode::SUCCESS)
}
