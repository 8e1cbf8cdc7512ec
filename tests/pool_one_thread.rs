//! With one thread (`RAYON_NUM_THREADS=1`, one CPU) a thread does not adopt rayon's pool: it
//! would be the whole pool, and work other threads hand to the pool would never run while it
//! waits elsewhere. One test in its own process (the variable must be set before the pool is
//! built).

use parallax::compare::load_pair;
use parallax::corpus::Corpus;
use std::path::Path;
use std::sync::mpsc::channel;
use std::time::Duration;

#[test]
fn one_thread_is_not_adopted_and_others_still_run_pool_work() {
    // SAFETY: set before any other thread of this process reads the environment.
    unsafe { std::env::set_var("RAYON_NUM_THREADS", "1") };
    assert!(!parallax::par::adopt_current_thread());
    assert_eq!(rayon::current_thread_index(), None);
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    let text = |i: usize| corpus.articles[i].text.to_string();
    let (ta, tb) = (text(0), text(1));
    // Another thread hands the second article to the pool (`load_pair` of long texts) while
    // this one waits on a channel, as the reader's comparison thread waits for requests.
    let (done, wait) = channel();
    std::thread::spawn(move || {
        let (a, b) = load_pair(Default::default(), ta, Default::default(), tb);
        done.send(a.doc.sentences.len() + b.doc.sentences.len())
            .unwrap();
    });
    let n = wait
        .recv_timeout(Duration::from_secs(60))
        .expect("the pool's work ran");
    assert!(n > 0);
}
