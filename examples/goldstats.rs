//! Dump, for every gold pair of `tests/gold/*.toml`, each sentence pair's similarity and
//! whether the gold links it, as TSV on stdout: a tool for studying the aligner's decision
//! rules on data (`cargo run --release --example goldstats > /tmp/pairs.tsv`).
//! Columns: file, pair, i, j, na, nb, sim, gold, heading_a, heading_b, predicted.
use parallax::align::eval::{GoldFile, predicted_links, resolve_links};
use parallax::align::{self, AlignOptions, Side, Similarity};
use parallax::corpus::{Corpus, line_sentences};
use parallax::text::Lang;
use std::path::Path;

fn dump(file: &str, k: usize, a: &Side, b: &Side, gold: &parallax::align::eval::Links) {
    let sim = Similarity::new(a, b, &AlignOptions::default());
    let pred = predicted_links(&align::align(a, b));
    let (na, nb) = (a.sentences.len(), b.sentences.len());
    for i in 0..na {
        for j in 0..nb {
            let Some(s) = sim.sim(&[i], &[j]) else {
                continue;
            };
            let g = gold.contains(&(i, j)) as u8;
            let p = pred.contains(&(i, j)) as u8;
            println!("{file}\t{k}\t{i}\t{j}\t{na}\t{nb}\t{s:.4}\t{g}\t{p}");
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = Corpus::load(&root.join("corpus")).expect("corpus");
    for name in ["seeds.toml", "seeds_more.toml"] {
        let g =
            GoldFile::parse(&std::fs::read_to_string(root.join("tests/gold").join(name)).unwrap())
                .unwrap();
        for (k, p) in g.pairs.iter().enumerate() {
            let find = |f: &str| {
                c.articles
                    .iter()
                    .find(|a| a.meta.file.to_str() == Some(f))
                    .unwrap()
            };
            let (x, y) = (find(&p.a), find(&p.b));
            let sx: Vec<&str> = (0..x.doc.sentences.len()).map(|i| x.sentence(i)).collect();
            let sy: Vec<&str> = (0..y.doc.sentences.len()).map(|i| y.sentence(i)).collect();
            let links = resolve_links(p, &sx, &sy).unwrap();
            let (spx, spy) = (x.doc.sentence_spans(), y.doc.sentence_spans());
            let (kx, ky) = (x.skip_mask(), y.skip_mask());
            let a = Side {
                text: &x.text,
                sentences: &spx,
                lang: x.lang,
                skip: &kx,
            };
            let b = Side {
                text: &y.text,
                sentences: &spy,
                lang: y.lang,
                skip: &ky,
            };
            dump(name, k, &a, &b, &links);
        }
    }
    let dir = root.join("../shared/eval/news/ecbplus");
    let g =
        GoldFile::parse(&std::fs::read_to_string(root.join("tests/gold/ecbplus.toml")).unwrap())
            .unwrap();
    for (k, p) in g.pairs.iter().enumerate() {
        let (ta, tb) = (
            std::fs::read_to_string(dir.join(&p.a)).unwrap(),
            std::fs::read_to_string(dir.join(&p.b)).unwrap(),
        );
        // As `parallax align --sentences` reads them.
        let ((sa, ka), (sb, kb)) = (line_sentences(&ta), line_sentences(&tb));
        let xa: Vec<&str> = sa.iter().map(|s| &ta[s.start..s.end]).collect();
        let xb: Vec<&str> = sb.iter().map(|s| &tb[s.start..s.end]).collect();
        let links = resolve_links(p, &xa, &xb).unwrap();
        let a = Side {
            text: &ta,
            sentences: &sa,
            lang: Lang::detect(&ta),
            skip: &ka,
        };
        let b = Side {
            text: &tb,
            sentences: &sb,
            lang: Lang::detect(&tb),
            skip: &kb,
        };
        dump("ecbplus.toml", k, &a, &b, &links);
    }
}
