//! The terminal reader: app state, keymap, widgets and the event loop.
//!
//! Elm style: crossterm events → [`keymap::Action`] (through the one keymap) →
//! [`App::update`]; [`ui::draw`] is a function of the state. Comparisons are computed
//! on a worker thread and cached by pair; layouts are cached per width.
//!
//! Disagreements of the current pair are flagged in the gutter and listed in a panel
//! (`p`); reviews (`c`, `x`, `u`, and a note popup on `e`) are written through
//! [`crate::review::ReviewStore`] at once. The corpus-wide claims table (`v`) is computed on
//! a thread of its own the first time it is opened.
//!
//! The terminal is always restored: on normal exit, on error (a guard), on panic
//! (a hook installed before the terminal is touched), and on SIGTERM or SIGHUP (caught,
//! then the loop ends normally).

pub mod app;
pub mod keymap;
pub mod theme;
pub mod ui;
pub mod worker;

pub use app::App;

use crate::corpus::Corpus;
use crossterm::event::{self, Event};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{IsTerminal, Stdout, stdout};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();

/// Put the terminal back as we found it: cooked mode, main screen, cursor shown.
/// Safe to call more than once.
pub fn restore_terminal() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(stdout(), terminal::LeaveAlternateScreen, cursor::Show);
}

/// A panic on the UI thread restores the terminal before the message is printed.
/// A panic elsewhere (the comparison worker) is caught there and shown in the UI,
/// so it prints nothing: writing to the screen would garble it.
fn install_panic_hook() {
    let _ = UI_THREAD.set(std::thread::current().id());
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if UI_THREAD.get() == Some(&std::thread::current().id()) {
            restore_terminal();
            previous(info);
        }
    }));
}

struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Run the reader on `corpus` until the user quits. Review notes are kept in `review`
/// (default: [`crate::review::default_path`] of the corpus directory).
pub fn run(corpus: Corpus, review: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for text output try `parallax list` or `parallax diff A B`"
        );
    }
    install_panic_hook();
    terminal::enable_raw_mode()?;
    let _restore = Restore;
    execute!(stdout(), terminal::EnterAlternateScreen)?;
    let mut term = Terminal::new(CrosstermBackend::new(stdout()))?;
    // No `term.clear()`: it asks the terminal for the cursor position, which not every
    // terminal answers; the first frame on the fresh alternate screen is drawn in full.
    term.hide_cursor()?;
    let corpus = Arc::new(corpus);
    let mut app = App::new(corpus.clone());
    app.color = theme::color_allowed();
    let review = review.unwrap_or_else(|| crate::review::default_path(&corpus.root));
    match crate::review::ReviewStore::open(&review) {
        Ok((store, warning)) => app.attach_review(store, warning),
        Err(e) => {
            app.review_path = Some(review);
            app.problems
                .push(format!("review notes cannot be read or saved: {e}"));
        }
    }
    let signals = Signals::install()?;
    event_loop(&mut term, &mut app, worker::Worker::spawn(corpus), &signals)
}

/// SIGTERM and SIGHUP, caught so that the terminal is restored before the process ends.
struct Signals {
    #[cfg(unix)]
    caught: Arc<std::sync::atomic::AtomicUsize>,
}

impl Signals {
    fn install() -> std::io::Result<Signals> {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGTERM};
            let caught = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            for sig in [SIGTERM, SIGHUP] {
                signal_hook::flag::register_usize(sig, caught.clone(), sig as usize)?;
            }
            Ok(Signals { caught })
        }
        #[cfg(not(unix))]
        Ok(Signals {})
    }

    /// The name of a signal received, if any.
    fn received(&self) -> Option<&'static str> {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGTERM};
            match self.caught.load(std::sync::atomic::Ordering::Relaxed) as i32 {
                0 => None,
                SIGTERM => Some("SIGTERM"),
                SIGHUP => Some("SIGHUP"),
                _ => Some("a signal"),
            }
        }
        #[cfg(not(unix))]
        None
    }
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    mut worker: worker::Worker,
    signals: &Signals,
) -> anyhow::Result<()> {
    let mut dirty = true;
    loop {
        if let Some(sig) = signals.received() {
            anyhow::bail!("stopped by {sig}");
        }
        while let Some((pair, c)) = worker.try_recv() {
            app.insert_comparison(pair, c);
            dirty |= pair == app.pair;
        }
        if let Some(pair) = app.wanted() {
            worker.request(pair);
        }
        if app.wants_claims() {
            worker.request_claims();
            if let Some(result) = worker.try_recv_claims() {
                app.claims = match result {
                    Ok(groups) => app::ClaimsState::Ready(Arc::new(groups)),
                    Err(e) => app::ClaimsState::Failed(e),
                };
                dirty = true;
            }
        }
        if dirty {
            term.draw(|f| ui::draw(f, app))?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        // Wake often while a comparison is on its way; otherwise often enough to
        // notice a signal promptly.
        let wait = if worker.busy() || app.wants_claims() {
            5
        } else {
            100
        };
        if event::poll(Duration::from_millis(wait))? {
            match event::read()? {
                Event::Key(k) => {
                    // Test hook (debug builds only): a panic mid-session, to check that
                    // the panic hook restores the terminal.
                    #[cfg(debug_assertions)]
                    if std::env::var_os("PARALLAX_TEST_PANIC").is_some() {
                        panic!("PARALLAX_TEST_PANIC: deliberate panic on a key press");
                    }
                    app.handle_key(k);
                    dirty = true;
                }
                Event::Resize(..) => {
                    term.autoresize()?;
                    dirty = true;
                }
                _ => {}
            }
        }
    }
}
