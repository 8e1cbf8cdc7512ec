//! Fork-join on rayon's pool, for work of tens of microseconds.
//!
//! What a fork costs depends on where it is made. On a thread of the pool it is a push onto
//! the thread's own queue: if no idle thread takes the job, the forking thread pops it back
//! and runs it itself, for about 0.1 µs. From any other thread the job must be handed to the
//! pool and the result handed back, waking a sleeping thread each way: 10–40 µs on the 2-core
//! VM we measure on, as much as a whole stage of a seed pair. So a comparison is run on the
//! pool as a whole ([`on_pool`]), and its stages split their work where [`cheap_forks`] says
//! a fork costs nothing.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Make the calling thread a thread of rayon's global pool (one fewer is spawned), so that
/// comparisons started on it run in place with cheap forks ([`on_pool`]) instead of being
/// handed to the pool and back: 15–40 µs saved per comparison, the longer the pool was
/// idle. Call it on the thread that runs comparisons (the reader's comparison thread, the
/// main thread of a one-shot command or a benchmark), before anything else uses rayon. Returns
/// false, changing nothing, when the pool is already built, or when it would have one thread
/// (`RAYON_NUM_THREADS=1`, one CPU): that thread would be the whole pool, and as it never
/// waits for the pool's work (it is not one of rayon's own threads), work handed to the pool
/// by other threads would never run. If the thread ends, the pool goes on with its other
/// threads.
pub fn adopt_current_thread() -> bool {
    let threads = default_threads();
    threads >= 2
        && rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .use_current_thread()
            .build_global()
            .is_ok()
}

/// The number of threads rayon gives its global pool when not told otherwise:
/// `RAYON_NUM_THREADS` when set to a positive number, else the machine's available
/// parallelism (1 when that cannot be told).
pub fn default_threads() -> usize {
    std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|n| n.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
}

/// Run `f` on a thread of rayon's pool: in place on a thread of the pool
/// ([`adopt_current_thread`]), else handed over to the pool and waited for. Either way the
/// forks `f` makes ([`both`]) are then cheap. With a pool of one thread, `f` just runs here.
/// A panic in `f` is resumed here.
///
/// While `f` runs, another thread of the pool stays awake to take what `f` forks ([`help`]):
/// a pool thread that ran out of work sleeps after some µs, and waking it again takes longer
/// than most of the forks of a comparison (measured: a fork-join of two halves of 30 µs took
/// 31 µs when the other thread was awake, 40 µs more when it had to be woken). So a core
/// spins while `f` runs and forks at least once a millisecond: meant for one comparison at
/// a time (the reader, a command), not for many `on_pool` calls at once.
pub fn on_pool<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    if rayon::current_num_threads() < 2 {
        return f();
    }
    if rayon::current_thread_index().is_some() {
        return helped(f);
    }
    rayon::scope(|_| helped(f))
}

/// Run `f` here (a thread of the pool) with another thread of the pool helping ([`help`]).
fn helped<R>(f: impl FnOnce() -> R) -> R {
    let done = Arc::new(AtomicBool::new(false));
    let home = rayon::current_thread_index();
    let flag = done.clone();
    // (queued now, so the other thread is woken while `f` starts)
    rayon::spawn(move || help(&flag, home));
    let _done = SetOnDrop(&done);
    f()
}

/// Stop helping after this long without a job to take (a long `f` that forks rarely does not
/// keep a core spinning).
const HELP_IDLE: Duration = Duration::from_millis(1);

/// Take and run jobs of the pool until `done` (or until idle for [`HELP_IDLE`]). Returns at
/// once on `home`, the thread running the work helped: it reaches this job only while
/// waiting inside that work, which cannot finish while this runs.
fn help(done: &AtomicBool, home: Option<usize>) {
    if rayon::current_thread_index() == home {
        return;
    }
    let mut idle_since = Instant::now();
    while !done.load(Ordering::Acquire) {
        if rayon::yield_now() == Some(rayon::Yield::Executed) {
            idle_since = Instant::now();
        } else if idle_since.elapsed() > HELP_IDLE {
            return;
        } else {
            std::hint::spin_loop();
        }
    }
}

/// Sets its flag when dropped (also when unwinding).
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

/// Whether a fork made here is cheap: this is a thread of a pool with another thread to take
/// the forked half.
pub fn cheap_forks() -> bool {
    rayon::current_thread_index().is_some() && rayon::current_num_threads() > 1
}

/// Run `fa` and `fb`, in parallel when `par`. On the pool the two are forked and joined
/// (`fb` is taken by another thread if one is idle); elsewhere `fb` goes to the pool and `fa`
/// runs here. Either way the results are those of running `fa`, then `fb`, and a panic in
/// either is resumed here.
pub fn both<A: Send, B: Send>(
    par: bool,
    fa: impl FnOnce() -> A + Send,
    fb: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !par {
        return (fa(), fb());
    }
    if rayon::current_thread_index().is_some() {
        return rayon::join(fa, fb);
    }
    let mut b = None;
    let a = rayon::in_place_scope(|scope| {
        scope.spawn(|_| b = Some(fb()));
        fa()
    });
    (a, b.expect("the scope waited for its spawned job"))
}

/// `f` of `items`, computed as `f` of the first half followed by `f` of the second, the two
/// halves in parallel when `par` ([`both`]): for an `f` whose output on a slice is its
/// outputs on the slice's parts, one after the other.
pub fn halves<T: Sync, R: Send>(
    par: bool,
    items: &[T],
    f: impl Fn(&[T]) -> Vec<R> + Sync,
) -> Vec<R> {
    if !par {
        return f(items);
    }
    let (first, second) = items.split_at(items.len() / 2);
    let (mut out, rest) = both(true, || f(first), || f(second));
    out.extend(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_gives_both_results_in_order_on_and_off_the_pool() {
        for par in [false, true] {
            assert_eq!(both(par, || 1, || "two"), (1, "two"));
            assert_eq!(on_pool(|| both(par, || 1, || "two")), (1, "two"));
        }
    }

    #[test]
    fn halves_give_the_whole_in_order() {
        let items: Vec<u32> = (0..9).collect();
        let double = |xs: &[u32]| xs.iter().map(|x| x * 2).collect::<Vec<_>>();
        for par in [false, true] {
            assert_eq!(halves(par, &items, double), double(&items));
            assert_eq!(on_pool(|| halves(par, &items, double)), double(&items));
            assert!(halves(par, &[] as &[u32], double).is_empty());
        }
    }

    #[test]
    fn forks_are_cheap_only_on_a_pool_with_two_threads() {
        assert!(!cheap_forks(), "the test thread is not on the pool");
        let many = rayon::current_num_threads() > 1;
        assert_eq!(on_pool(cheap_forks), many);
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        assert!(!one.install(cheap_forks));
    }

    #[test]
    fn a_panic_on_the_pool_reaches_the_caller() {
        let r = std::panic::catch_unwind(|| on_pool(|| both(true, || 1, || panic!("boom"))));
        assert!(r.is_err());
    }
}
