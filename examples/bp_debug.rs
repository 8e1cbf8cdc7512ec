use parallax::corpus::{Corpus, boilerplate};
fn main() {
    let dir = std::env::args().nth(1).unwrap_or("corpus".into());
    let c = Corpus::load(std::path::Path::new(&dir)).unwrap();
    for w in &c.warnings {
        eprintln!("W {:?}", w);
    }
    for a in &c.articles {
        println!(
            "=== {} | {:?} | {:?} parts={}",
            a.meta.id,
            a.meta.title,
            a.meta.published,
            a.parts()
        );
        for i in 0..a.doc.sentences.len() {
            let t: String = a.sentence(i).chars().take(90).collect();
            println!(
                "{:3} p{} {:12} {}",
                i,
                a.part[i],
                a.boilerplate[i]
                    .map(|b| format!("{b:?}"))
                    .unwrap_or_default(),
                t.replace('\n', "⏎")
            );
        }
        for c in boilerplate::appended_candidates(&a.text, &a.doc) {
            {
                println!(
                    "   cand s{} cos={:.3} nov={:.3} cues={} before={} after={}",
                    c.sentence, c.cosine, c.novelty, c.cues, c.before, c.after
                );
            }
        }
    }
}
