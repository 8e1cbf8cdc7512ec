//! Print, for each sentence of A, the most similar sentences of B under the aligner's
//! similarity, and the alignment it chose: a tool for tuning.
//!
//!     cargo run --release --example simmatrix -- corpus/003_*.txt corpus/004_*.txt
use parallax::align::{AlignOptions, Side, Similarity};
use parallax::corpus::Corpus;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (files, probes) = args.split_at(args.len().min(2));
    let [pa, pb] = files else {
        eprintln!("usage: simmatrix A B (files in one corpus directory)");
        std::process::exit(2);
    };
    let dir = Path::new(pa).parent().unwrap_or(Path::new("."));
    let c = Corpus::load(dir).expect("corpus");
    let find = |p: &str| {
        let name = Path::new(p).file_name().unwrap();
        c.articles
            .iter()
            .find(|a| a.meta.file.file_name() == Some(name))
            .expect("article in corpus")
    };
    let (a, b) = (find(pa), find(pb));
    let (sa, sb) = (a.doc.sentence_spans(), b.doc.sentence_spans());
    let (ka, kb) = (a.skip_mask(), b.skip_mask());
    let side_a = Side {
        text: &a.text,
        sentences: &sa,
        lang: a.lang,
        skip: &ka,
    };
    let side_b = Side {
        text: &b.text,
        sentences: &sb,
        lang: b.lang,
        skip: &kb,
    };
    let sim = Similarity::new(&side_a, &side_b, &AlignOptions::default());
    for i in 0..sa.len() {
        let mut row: Vec<(f32, usize)> = (0..sb.len())
            .filter_map(|j| Some((sim.sim(&[i], &[j])?, j)))
            .collect();
        row.sort_by(|x, y| y.0.total_cmp(&x.0));
        let top: Vec<String> = row
            .iter()
            .take(4)
            .map(|(s, j)| format!("B{j}:{s:.2}"))
            .collect();
        let t = a.sentence(i);
        let t: String = t.chars().take(60).collect();
        println!("A{i:<3} {:<40} {t}", top.join(" "));
    }
    // Probes like `0:1,2` (A run : B run) print the similarity of those runs.
    for p in probes {
        let parse = |s: &str| {
            s.split(',')
                .filter_map(|x| x.parse().ok())
                .collect::<Vec<usize>>()
        };
        if let Some((x, y)) = p.split_once(':') {
            println!("sim({x} : {y}) = {:?}", sim.sim(&parse(x), &parse(y)));
        }
    }
    let al = parallax::compare::align_articles(a, b);
    for u in &al.units {
        if !u.a.is_empty() && !u.b.is_empty() {
            print!("{:?}-{:?} {:?} {:.2} | ", u.a, u.b, u.kind, u.score);
        }
    }
    println!();
}
