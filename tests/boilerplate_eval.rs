//! Boilerplate marking on real multi-outlet news (ECB+, `../shared/eval/news/ecbplus`):
//! clean news must stay unmarked (its publication stamps aside, which must all be marked as
//! datelines), and two unrelated stories glued together must be split.
//! Skipped (with a message) when the eval data is not beside the checkout.

use parallax::corpus::stamp::is_timestamp;
use parallax::corpus::{Article, ArticleMeta, Boilerplate};
use std::path::{Path, PathBuf};

fn ecb_docs() -> Option<Vec<(String, String)>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/news/ecbplus");
    let mut clusters: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    clusters.sort();
    let mut out = Vec::new();
    for c in clusters {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&c)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        files.sort();
        for f in files {
            if let Ok(t) = std::fs::read_to_string(&f) {
                out.push((c.file_name()?.to_string_lossy().into_owned(), t));
            }
        }
    }
    Some(out)
}

fn article(text: &str) -> Article {
    Article::from_text(ArticleMeta::default(), text.to_owned())
}

#[test]
fn clean_news_stays_unmarked_and_glued_stories_split() {
    let Some(docs) = ecb_docs() else {
        eprintln!("skipped: ../shared/eval/news/ecbplus not found");
        return;
    };
    assert!(docs.len() > 100);
    // False positives on single articles.
    let (mut sentences, mut marked, mut split, mut stamps) = (0usize, 0usize, 0usize, 0usize);
    let mut examples = Vec::new();
    for (_, text) in &docs {
        let a = article(text);
        sentences += a.doc.sentences.len();
        for i in 0..a.doc.sentences.len() {
            // A publication or update stamp is a dateline: metadata, rightly marked. Each one
            // must really be a stamp line (the test of `corpus::stamp` decides).
            if a.boilerplate[i] == Some(Boilerplate::Dateline) {
                let line = a.text[..a.doc.sentences[i].span.end]
                    .rsplit('\n')
                    .next()
                    .unwrap_or("");
                let rest = a.text[a.doc.sentences[i].span.start..]
                    .split('\n')
                    .next()
                    .unwrap_or("");
                let start = a.doc.sentences[i].span.end - line.len();
                let whole = &a.text[start..a.doc.sentences[i].span.start + rest.len()];
                assert!(is_timestamp(whole), "marked as a dateline: {whole:?}");
                stamps += 1;
                continue;
            }
            if let Some(k) = a.boilerplate[i] {
                marked += 1;
                if examples.len() < 40 {
                    examples.push(format!("{k:?}: {}", a.sentence(i)));
                }
            }
        }
        split += usize::from(a.parts() > 1);
        if std::env::var("BP_DEBUG").is_ok() {
            for c in parallax::corpus::boilerplate::appended_candidates(&a.text, &a.doc) {
                if c.after >= 5 && c.before >= 4 {
                    eprintln!(
                        "SINGLE cos={:.3} typ={:.3} topic={:.3} ov={:.2} cues={}",
                        c.cosine,
                        c.typical.unwrap_or(f64::NAN),
                        c.topic_overlap,
                        c.headline_overlap,
                        c.cues
                    );
                }
            }
        }
    }
    let rate = marked as f64 / sentences as f64;
    eprintln!(
        "ECB+: {} docs, {sentences} sentences, {marked} marked ({:.2}%), {split} docs split; \
         {stamps} sentences of date/time stamp lines marked as datelines",
        docs.len(),
        100.0 * rate
    );
    assert!(stamps >= 60, "publication stamps not marked: {stamps}");
    for e in &examples {
        eprintln!("  {e}");
    }
    // Recall on glued pairs: a doc of one topic followed by a doc of another topic.
    let (mut pairs, mut found, mut exact) = (0usize, 0usize, 0usize);
    for (i, (ca, ta)) in docs.iter().enumerate().step_by(3) {
        let (cb, tb) = &docs[(i * 7 + 50) % docs.len()];
        if ca[..7] == cb[..7] {
            continue; // same topic number: related events
        }
        let glued = format!("{ta}\n{tb}");
        let a = article(&glued);
        let first_b = a.doc.sentences.iter().position(|s| s.span.start > ta.len());
        let n_a = article(ta).doc.sentences.len();
        let n_b = article(tb).doc.sentences.len();
        if n_a < 4 || n_b < 6 {
            continue;
        }
        pairs += 1;
        if std::env::var("BP_DEBUG").is_ok() {
            for c in parallax::corpus::boilerplate::appended_candidates(&a.text, &a.doc) {
                if Some(c.sentence) == first_b {
                    eprintln!(
                        "GLUED cos={:.3} typ={:.3} topic={:.3} ov={:.2} cues={} headline={} after={} parts={}",
                        c.cosine,
                        c.typical.unwrap_or(f64::NAN),
                        c.topic_overlap,
                        c.headline_overlap,
                        c.cues,
                        c.headline,
                        c.after,
                        a.parts()
                    );
                }
            }
        }
        if a.parts() > 1 {
            found += 1;
            let start = a.part.iter().position(|&p| p > 0);
            if start == first_b {
                exact += 1;
            }
        }
    }
    eprintln!("glued pairs: {pairs}, split: {found}, at the exact boundary: {exact}");
    // Measured at the time of writing: 0.15% marked, 0 split, 16/52 glued pairs split (15 exactly);
    // now, with stamp lines marked as datelines (not counted in the rate): 0.16% marked, 0 split,
    // 18/51 glued pairs split (16 exactly), 78 stamp sentences.
    // (Thresholds were chosen looking at these distributions: not a held-out score.)
    // `BP_DEBUG=1 cargo test --test boilerplate_eval -- --nocapture` prints the candidates.
    assert!(
        split * 100 <= docs.len(),
        "too many single articles split: {split}"
    );
    assert!(
        rate < 0.01,
        "too many sentences marked in clean news: {rate}"
    );
    assert!(found >= 10, "glued stories not found: {found}/{pairs}");
    assert!(
        exact * 10 >= found * 8,
        "split at the wrong place: {exact}/{found}"
    );
}
