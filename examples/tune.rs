//! Every alignment quality number in one run, for tuning the aligner on data:
//! the four gold files (seeds, seeds_more, multilingual — by language, and also read as a
//! language without rules —, ECB+), all English news gold together, the ECB+ hard
//! negatives' match rate and the Bible verse-level F1.
//!
//!     cargo run --release --example tune
//!
//! `AlignOptions` fields can be overridden from the environment without recompiling, e.g.
//! `PX_MUTUAL=0.18 PX_CONTEXT=0.1 cargo run --release --example tune` (see `opts`). With
//! `PX_SHOW=1` it also prints every missed gold link and every extra predicted link.
use parallax::align::eval::{GoldFile, Links, Scores, predicted_links, resolve_links};
use parallax::align::{self, AlignOptions, Alignment, Side, UnitKind};
use parallax::corpus::{Article, ArticleMeta, Corpus, line_sentences};
use parallax::text::{Lang, Span};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn opts() -> AlignOptions<'static> {
    let mut o = AlignOptions::default();
    let get = |k: &str, v: &mut f32| {
        if let Some(x) = std::env::var(k).ok().and_then(|s| s.parse().ok()) {
            *v = x;
        }
    };
    get("PX_THRESHOLD", &mut o.threshold);
    get("PX_MOVED", &mut o.moved_threshold);
    get("PX_MARGIN", &mut o.merge_margin);
    get("PX_STEMW", &mut o.stem_weight);
    get("PX_CONTEXT", &mut o.context_threshold);
    get("PX_MUTUAL", &mut o.mutual_threshold);
    get("PX_MUTUAL_RELATED", &mut o.related_mutual_threshold);
    get("PX_LEAD", &mut o.lead_threshold);
    o
}

fn side<'a>(text: &'a str, sentences: &'a [Span], lang: Lang, skip: &'a [bool]) -> Side<'a> {
    Side {
        text,
        sentences,
        lang,
        skip,
    }
}

fn align_articles(a: &Article, b: &Article, o: &AlignOptions) -> Alignment {
    let (sa, sb) = (a.doc.sentence_spans(), b.doc.sentence_spans());
    let (ka, kb) = (a.skip_mask(), b.skip_mask());
    align::align_with(
        &side(&a.text, &sa, a.lang, &ka),
        &side(&b.text, &sb, b.lang, &kb),
        o,
    )
}

fn align_lines(ta: &str, tb: &str, o: &AlignOptions) -> (Vec<Span>, Vec<Span>, Alignment) {
    // As `parallax align --sentences` reads them.
    let ((sa, ka), (sb, kb)) = (line_sentences(ta), line_sentences(tb));
    let al = align::align_with(
        &side(ta, &sa, Lang::detect(ta), &ka),
        &side(tb, &sb, Lang::detect(tb), &kb),
        o,
    );
    (sa, sb, al)
}

/// With `PX_SHOW` set, print a pair's missed gold links (`-`) and predicted links the gold
/// lacks (`+`), with both sentences.
fn show(fa: &str, fb: &str, a: &[&str], b: &[&str], predicted: &Links, gold: &Links) {
    if std::env::var_os("PX_SHOW").is_none() {
        return;
    }
    let cut = |s: &str| s.chars().take(110).collect::<String>().replace('\n', " ");
    for (sign, set, other) in [('-', gold, predicted), ('+', predicted, gold)] {
        for &(i, j) in set.difference(other) {
            println!(
                "{sign} {fa} {i} | {fb} {j}\n    A: {}\n    B: {}",
                cut(a[i]),
                cut(b[j])
            );
        }
    }
}

fn gold(root: &Path, name: &str) -> GoldFile {
    GoldFile::parse(&std::fs::read_to_string(root.join("tests/gold").join(name)).unwrap()).unwrap()
}

fn main() {
    let o = opts();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = Corpus::load(&root.join("corpus")).expect("corpus");
    let other = Corpus::load(&root.join("tests/gold/multilingual")).expect("multilingual corpus");
    // The same texts read as a language without rules of ours (no Snowball stemmer, no
    // number words): how the aligner does on Polish, Czech, Ukrainian and the like.
    let und: Vec<Article> = other
        .articles
        .iter()
        .map(|a| {
            let meta = ArticleMeta {
                language: Some("und".into()),
                ..a.meta.clone()
            };
            Article::from_text(meta, a.text.clone())
        })
        .collect();
    let mut news = Scores::from_counts(0, 0, 0);
    // (articles, gold file, label, part of "all news gold": the English news, as the README
    // reports it)
    for (c, name, label, english) in [
        (&seeds.articles, "seeds.toml", "seeds.toml", true),
        (&seeds.articles, "seeds_more.toml", "seeds_more.toml", true),
        (
            &other.articles,
            "multilingual.toml",
            "multilingual.toml",
            false,
        ),
        (&und, "multilingual.toml", "  read as und", false),
    ] {
        let find = |f: &str| c.iter().find(|a| a.meta.file.to_str() == Some(f)).unwrap();
        let mut total = Scores::from_counts(0, 0, 0);
        // (the multilingual pairs one by one, by the language their files are named for)
        let mut by_pair = Vec::new();
        for p in &gold(root, name).pairs {
            let (x, y) = (find(&p.a), find(&p.b));
            let sx: Vec<&str> = (0..x.doc.sentences.len()).map(|i| x.sentence(i)).collect();
            let sy: Vec<&str> = (0..y.doc.sentences.len()).map(|i| y.sentence(i)).collect();
            let links = resolve_links(p, &sx, &sy).unwrap();
            let predicted = predicted_links(&align_articles(x, y, &o));
            show(&p.a, &p.b, &sx, &sy, &predicted, &links);
            let pair = Scores::of(&predicted, &links);
            total = total.plus(&pair);
            if let Some((code, _)) = p.a.split_once('_').filter(|(c, _)| c.len() == 2) {
                by_pair.push(format!("{code} {:.3}", pair.f1));
            }
        }
        println!("{label:17} {total}");
        if !by_pair.is_empty() && !label.starts_with(' ') {
            println!("{:17} {}", "  by language", by_pair.join(", "));
        }
        if english {
            news = news.plus(&total);
        }
    }
    let dir = root.join("../shared/eval/news/ecbplus");
    if dir.is_dir() {
        let mut total = Scores::from_counts(0, 0, 0);
        for p in &gold(root, "ecbplus.toml").pairs {
            let ta = std::fs::read_to_string(dir.join(&p.a)).unwrap();
            let tb = std::fs::read_to_string(dir.join(&p.b)).unwrap();
            let (sa, sb, al) = align_lines(&ta, &tb, &o);
            let xa: Vec<&str> = sa.iter().map(|s| &ta[s.start..s.end]).collect();
            let xb: Vec<&str> = sb.iter().map(|s| &tb[s.start..s.end]).collect();
            let links = resolve_links(p, &xa, &xb).unwrap();
            let predicted = predicted_links(&al);
            show(&p.a, &p.b, &xa, &xb, &predicted, &links);
            total = total.plus(&Scores::of(&predicted, &links));
        }
        println!("{:17} {total}", "ecbplus.toml");
        news = news.plus(&total);
        println!("{:17} {news}", "all news gold");
        negatives(&dir, &o);
    }
    bible(root, &o);
}

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

/// The rates of tests/eval_news.rs: share of sentences in matched units for same-event pairs
/// and for hard negatives (similar but different events).
fn negatives(root: &Path, o: &AlignOptions) {
    let matched = |a: &str, b: &str| -> (usize, usize) {
        let (sa, sb, al) = align_lines(a, b, o);
        let n = al
            .units
            .iter()
            .filter(|u| !matches!(u.kind, UnitKind::OnlyA | UnitKind::OnlyB))
            .map(|u| u.a.len() + u.b.len())
            .sum();
        (n, sa.len() + sb.len())
    };
    let (mut pos, mut pos_t, mut neg, mut neg_t) = (0, 0, 0, 0);
    for topic in 1..=10 {
        let ecb = docs(&root.join(format!("topic{topic:02}_ecb")));
        let plus = docs(&root.join(format!("topic{topic:02}_ecbplus")));
        for group in [&ecb, &plus] {
            for w in group.windows(2) {
                let (n, t) = matched(&w[0], &w[1]);
                pos += n;
                pos_t += t;
            }
        }
        for (a, b) in ecb.iter().zip(&plus) {
            let (n, t) = matched(a, b);
            neg += n;
            neg_t += t;
        }
    }
    println!(
        "ECB+ matched      same event {:.3}, hard negatives {:.3}",
        pos as f64 / pos_t as f64,
        neg as f64 / neg_t as f64
    );
}

fn bible(root: &Path, o: &AlignOptions) {
    let dir = root.join("../shared/eval/scale");
    let load = |name: &str| -> Option<(String, Vec<Span>, Vec<String>)> {
        let tsv = std::fs::read_to_string(dir.join(name)).ok()?;
        let (mut text, mut spans, mut ids) = (String::new(), Vec::new(), Vec::new());
        for line in tsv.lines().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            let start = text.len();
            text.push_str(cols[4]);
            spans.push(Span::new(start, text.len()));
            text.push('\n');
            ids.push(format!("{}:{}:{}", cols[0], cols[2], cols[3]));
        }
        Some((text, spans, ids))
    };
    let (Some((ta, sa, ia)), Some((tb, sb, ib))) =
        (load("bible_kjv_verses.tsv"), load("bible_bbe_verses.tsv"))
    else {
        return;
    };
    let t0 = std::time::Instant::now();
    let al = align::align_with(
        &side(&ta, &sa, Lang::English, &[]),
        &side(&tb, &sb, Lang::English, &[]),
        o,
    );
    let secs = t0.elapsed().as_secs_f64();
    let pos: HashMap<&str, usize> = ib.iter().enumerate().map(|(j, s)| (&**s, j)).collect();
    let gold = ia
        .iter()
        .enumerate()
        .filter_map(|(i, s)| pos.get(&**s).map(|&j| (i, j)))
        .collect();
    println!(
        "{:17} {} in {secs:.2} s",
        "Bible KJV-BBE",
        Scores::of(&predicted_links(&al), &gold)
    );
}
