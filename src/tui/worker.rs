//! Comparisons off the UI thread: a worker thread computes the comparison of a pair
//! and sends it back; the UI never waits for it. While no pair is asked for, the worker
//! prepares and analyses the corpus's articles one by one (see [`crate::compare::Prepared`]
//! and [`crate::compare::Analysis`]), so that a comparison asked for later finds both
//! articles' halves ready. The corpus-wide claims table is
//! computed the same way, on a thread of its own, when first asked for.

use super::app::{Compared, Pair};
use crate::compare::Comparison;
use crate::compare::claims::ClaimGroup;
use crate::corpus::Corpus;
use crate::view::{DiffView, LayoutOptions};
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};

/// A handle on the comparison thread.
pub struct Worker {
    tx: Option<Sender<Pair>>, // dropping the worker closes it and ends the thread
    rx: Receiver<(Pair, Compared)>,
    requested: HashSet<Pair>,
    in_flight: usize,
    corpus: Arc<Corpus>,
    claims: Option<Receiver<Result<Vec<ClaimGroup>, String>>>,
    layouts: Option<LayoutThread>,
}

/// A layout asked of the layout thread.
type LayoutJob = (Pair, LayoutOptions, Arc<Comparison>);
/// A finished layout (`None`: it failed), and how many older requests were skipped for it.
type LayoutDone = (Pair, LayoutOptions, Option<Arc<DiffView>>, usize);

/// The thread that lays out large comparisons (started on first use).
struct LayoutThread {
    tx: Sender<LayoutJob>,
    rx: Receiver<LayoutDone>,
    /// The last layout asked for (a repeated request is not sent again).
    last: Option<(Pair, LayoutOptions)>,
    in_flight: usize,
}

impl Worker {
    /// Start the thread on `corpus`.
    pub fn spawn(corpus: Arc<Corpus>) -> Worker {
        let (tx, jobs) = channel::<Pair>();
        let (done, rx) = channel();
        let shared = corpus.clone();
        // If the thread cannot start, requests fail to send and the UI keeps
        // saying "comparing…" rather than crashing.
        let _ = std::thread::Builder::new()
            .name("parallax-compare".into())
            .spawn(move || {
                // This thread runs the comparisons: in place on rayon's pool, with cheap
                // forks, when nothing used rayon before (see `par`).
                crate::par::adopt_current_thread();
                // Between requests, prepare and analyse the articles not done yet
                // (alignment features and diff keys, claims), so that picking any pair
                // later only aligns and diffs.
                let mut warm = 0;
                loop {
                    let (a, b) = match jobs.try_recv() {
                        Ok(pair) => pair,
                        Err(TryRecvError::Empty) if warm < corpus.articles.len() => {
                            let art = &corpus.articles[warm];
                            let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                art.warm_analysis()
                            }));
                            warm += 1;
                            continue;
                        }
                        Err(TryRecvError::Empty) => match jobs.recv() {
                            Ok(pair) => pair,
                            Err(_) => break,
                        },
                        Err(TryRecvError::Disconnected) => break,
                    };
                    let arts = &corpus.articles;
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        crate::par::on_pool(|| crate::compare::compare(&arts[a], &arts[b]))
                    }));
                    let c = match result {
                        Ok(c) => Compared::Done(Arc::new(c)),
                        Err(p) => Compared::Failed(panic_message(&*p)),
                    };
                    if done.send(((a, b), c)).is_err() {
                        break;
                    }
                }
            });
        Worker {
            tx: Some(tx),
            rx,
            requested: HashSet::new(),
            in_flight: 0,
            corpus: shared,
            claims: None,
            layouts: None,
        }
    }

    /// Ask for the layout of a large comparison (see [`super::App::wanted_layout`]). Only the
    /// latest request waiting is laid out: during a series of resizes the stale widths are
    /// skipped.
    pub fn request_layout(&mut self, pair: Pair, opts: LayoutOptions, cmp: Arc<Comparison>) {
        if self.layouts.is_none() {
            let (tx, jobs) = channel::<LayoutJob>();
            let (done, rx) = channel::<LayoutDone>();
            let corpus = self.corpus.clone();
            let started = std::thread::Builder::new()
                .name("parallax-layout".into())
                .spawn(move || {
                    while let Ok(mut job) = jobs.recv() {
                        let mut skipped = 0;
                        while let Ok(newer) = jobs.try_recv() {
                            skipped += 1;
                            job = newer;
                        }
                        let ((a, b), opts, cmp) = &job;
                        let arts = &corpus.articles;
                        let v = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            crate::view::layout(&arts[*a], &arts[*b], cmp, opts)
                        }))
                        .ok()
                        .map(Arc::new);
                        if done.send((job.0, job.1, v, skipped)).is_err() {
                            return;
                        }
                    }
                });
            if started.is_err() {
                return;
            }
            self.layouts = Some(LayoutThread {
                tx,
                rx,
                last: None,
                in_flight: 0,
            });
        }
        let Some(l) = &mut self.layouts else { return };
        if l.last == Some((pair, opts)) {
            return;
        }
        if l.tx.send((pair, opts, cmp)).is_ok() {
            l.last = Some((pair, opts));
            l.in_flight += 1;
        }
    }

    /// A finished layout, if one is ready.
    pub fn try_recv_layout(&mut self) -> Option<(Pair, LayoutOptions, Arc<DiffView>)> {
        let l = self.layouts.as_mut()?;
        loop {
            match l.rx.try_recv() {
                Ok((pair, opts, v, skipped)) => {
                    l.in_flight = l.in_flight.saturating_sub(1 + skipped);
                    // A failed layout is not asked for again (`last` keeps it).
                    if let Some(v) = v {
                        return Some((pair, opts, v));
                    }
                }
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    l.in_flight = 0;
                    return None;
                }
            }
        }
    }

    /// Start computing the claims table (once; later calls do nothing).
    pub fn request_claims(&mut self) {
        if self.claims.is_some() {
            return;
        }
        let (tx, rx) = channel();
        let corpus = self.corpus.clone();
        let started = std::thread::Builder::new()
            .name("parallax-claims".into())
            .spawn(move || {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    crate::compare::claims::corpus_claims(&corpus.articles)
                }))
                .map_err(|p| panic_message(&*p));
                let _ = tx.send(result);
            });
        if started.is_ok() {
            self.claims = Some(rx);
        }
    }

    /// The claims table, once computed (or why it could not be).
    pub fn try_recv_claims(&mut self) -> Option<Result<Vec<ClaimGroup>, String>> {
        self.claims.as_ref()?.try_recv().ok()
    }

    /// Ask for a pair (once; later requests for the same pair are ignored).
    pub fn request(&mut self, pair: Pair) {
        if self.requested.insert(pair)
            && let Some(tx) = &self.tx
            && tx.send(pair).is_ok()
        {
            self.in_flight += 1;
        }
    }

    /// Whether a comparison or a layout is being computed.
    pub fn busy(&self) -> bool {
        self.in_flight > 0 || self.layouts.as_ref().is_some_and(|l| l.in_flight > 0)
    }

    /// A finished comparison, if one is ready.
    pub fn try_recv(&mut self) -> Option<(Pair, Compared)> {
        match self.rx.try_recv() {
            Ok(r) => {
                self.in_flight = self.in_flight.saturating_sub(1);
                Some(r)
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.in_flight = 0;
                None
            }
        }
    }
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    let msg = p
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".into());
    format!("comparison failed: {msg}")
}
