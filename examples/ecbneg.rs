//! Print the matches the aligner makes between ECB+ hard negatives (`topicNN_ecb` vs
//! `topicNN_ecbplus`, similar but different events): a tool for tuning precision.
//!
//!     cargo run --release --example ecbneg -- ../shared/eval/news/ecbplus [pos]
use parallax::align::{self, Side, UnitKind};
use parallax::text::{Lang, Span};
use std::path::{Path, PathBuf};

fn docs(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .iter()
        .take(6)
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn lines(t: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in t.split_inclusive('\n') {
        out.push(Span::new(
            start,
            start + l.trim_end_matches(['\n', '\r']).len(),
        ));
        start += l.len();
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(args.first().map_or("../shared/eval/news/ecbplus", |s| s));
    let pos = args.get(1).is_some_and(|s| s == "pos");
    for topic in 1..=10 {
        let ecb = docs(&root.join(format!("topic{topic:02}_ecb")));
        let plus = docs(&root.join(format!("topic{topic:02}_ecbplus")));
        let pairs: Vec<(&String, &String)> = if pos {
            ecb.windows(2).map(|w| (&w[0], &w[1])).collect()
        } else {
            ecb.iter().zip(&plus).collect()
        };
        for (a, b) in pairs {
            let (sa, sb) = (lines(a), lines(b));
            let side = |t, s| Side {
                text: t,
                sentences: s,
                lang: Lang::English,
                skip: &[],
            };
            let al = align::align(&side(a, &sa), &side(b, &sb));
            for u in al
                .units
                .iter()
                .filter(|u| !u.a.is_empty() && !u.b.is_empty())
            {
                let ta: String = u.a.iter().map(|&i| &a[sa[i].start..sa[i].end]).collect();
                let tb: String = u.b.iter().map(|&j| &b[sb[j].start..sb[j].end]).collect();
                let k = if u.kind == UnitKind::Moved { "M" } else { " " };
                println!(
                    "t{topic} {k} {:.2} | {} | {}",
                    u.score,
                    &ta.chars().take(90).collect::<String>(),
                    &tb.chars().take(90).collect::<String>()
                );
            }
        }
    }
}
