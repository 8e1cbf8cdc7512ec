//! A thread that adopts rayon's pool (`par::adopt_current_thread`) runs comparisons in place,
//! with cheap forks, and gets what a thread off the pool gets. One test in its own process:
//! the global pool can be built only once.

use parallax::compare;
use parallax::corpus::Corpus;
use parallax::par;
use parallax::view::{LayoutOptions, layout};
use std::path::Path;

#[test]
fn an_adopted_thread_compares_in_place_with_cheap_forks() {
    let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).unwrap();
    // Computed on another thread first, before the pool exists (nothing here uses rayon).
    let want = std::thread::scope(|s| {
        s.spawn(|| {
            assert!(!par::cheap_forks());
            let (a, b) = (corpus.articles[0].clone(), corpus.articles[1].clone());
            let c = compare::compare(&a, &b);
            let v = layout(&a, &b, &c, &LayoutOptions::new(160));
            (c, v)
        })
        .join()
        .unwrap()
    });

    // (with one thread the pool would be this thread alone: adopting it is refused)
    if par::default_threads() < 2 {
        assert!(!par::adopt_current_thread());
        eprintln!("SKIPPED: one thread, so the pool is not adopted (checked that it is refused)");
        return;
    }
    assert!(par::adopt_current_thread(), "the pool was not built yet");
    assert!(
        !par::adopt_current_thread(),
        "a second call changes nothing"
    );
    assert_eq!(rayon::current_thread_index(), Some(0));
    let many = rayon::current_num_threads() > 1;
    assert_eq!(par::cheap_forks(), many);
    let (a, b) = (corpus.articles[0].clone(), corpus.articles[1].clone());
    let got = par::on_pool(|| {
        // (in place: still this thread)
        assert_eq!(rayon::current_thread_index(), Some(0));
        let c = compare::compare(&a, &b);
        let v = layout(&a, &b, &c, &LayoutOptions::new(160));
        (c, v)
    });
    assert!(got == want, "the same comparison and layout");
    // Other threads still hand their work to the pool.
    let other = std::thread::scope(|s| {
        s.spawn(|| par::on_pool(rayon::current_thread_index))
            .join()
            .unwrap()
    });
    assert!(other.is_some());
}
