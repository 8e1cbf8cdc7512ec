//! Comparisons run as rayon tasks over pairs that share articles: each article's prepared
//! halves are made on first use while other tasks wait for them, and making them forks. This
//! hung when they were made inside the article's `OnceLock` (a thread waiting for a fork took
//! up a task needing the same lock). A watchdog turns a hang into a failure.

use parallax::compare::compare;
use parallax::corpus::Corpus;
use rayon::prelude::*;
use std::path::Path;
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::Duration;

#[test]
fn compares_sharing_articles_in_parallel_finish() {
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(8)
        .build()
        .unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut want: Option<Vec<usize>> = None;
        // (a hang came about once in a few hundred rounds; a debug build is ~8 times slower)
        let rounds = if cfg!(debug_assertions) { 25 } else { 200 };
        for _ in 0..rounds {
            // (fresh copies: nothing prepared yet; each article in several pairs)
            let arts: Vec<_> = (0..8)
                .flat_map(|_| corpus.articles.iter().cloned())
                .collect();
            let n = arts.len();
            let pairs: Vec<(usize, usize)> = (0..n)
                .flat_map(|i| (1..6).map(move |d| (i, (i * 7 + d * 13) % n)))
                .collect();
            let rows: Vec<usize> = pool.install(|| {
                pairs
                    .par_iter()
                    .map(|&(i, j)| compare(&arts[i], &arts[j]).rows.len())
                    .collect()
            });
            // (and every round gives the same comparisons)
            assert_eq!(want.get_or_insert_with(|| rows.clone()), &rows);
        }
        tx.send(()).unwrap();
    });
    match rx.recv_timeout(Duration::from_secs(600)) {
        Ok(()) => {}
        Err(RecvTimeoutError::Timeout) => panic!("comparisons in parallel hung (10 minutes)"),
        Err(RecvTimeoutError::Disconnected) => panic!("a comparison panicked"),
    }
}
