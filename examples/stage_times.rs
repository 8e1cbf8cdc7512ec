use parallax::compare;
use parallax::corpus::{Article, ArticleMeta, Corpus};
use std::path::Path;
use std::time::Instant;
fn meta(id: &str) -> ArticleMeta {
    ArticleMeta {
        id: id.into(),
        language: Some("en".into()),
        ..ArticleMeta::default()
    }
}
fn med(mut v: Vec<u128>) -> u128 {
    v.sort();
    v[v.len() / 2] / 1000
}
fn main() {
    let mut args = std::env::args().skip(1);
    let x = args.next().unwrap_or_else(|| "003".into());
    let y = args.next().unwrap_or_else(|| "004".into());
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    let text = |name: &str| {
        let i = corpus.find(name).unwrap();
        corpus.articles[i].text.to_string()
    };
    let (ta, tb) = (text(&x), text(&y));
    let (mut p, mut sa, mut sb, mut spawn) = (vec![], vec![], vec![], vec![]);
    for _ in 0..3000 {
        let t0 = Instant::now();
        let r = compare::load_pair(meta(&x), ta.as_str(), meta(&y), tb.as_str());
        p.push(t0.elapsed().as_nanos());
        drop(r);
        let t0 = Instant::now();
        let a = Article::from_text(meta(&x), ta.as_str());
        a.warm_prepared();
        sa.push(t0.elapsed().as_nanos());
        drop(a);
        let t0 = Instant::now();
        let b = Article::from_text(meta(&y), tb.as_str());
        b.warm_prepared();
        sb.push(t0.elapsed().as_nanos());
        drop(b);
        let t0 = Instant::now();
        std::thread::scope(|s| s.spawn(|| 1).join().unwrap());
        spawn.push(t0.elapsed().as_nanos());
    }
    println!(
        "load_pair {} µs; A alone {} µs; B alone {} µs; empty scoped spawn+join {} µs",
        med(p),
        med(sa),
        med(sb),
        med(spawn)
    );
}
