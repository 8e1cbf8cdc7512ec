//! The terminal reader: app state, keymap, widgets and the event loop.
//!
//! Elm style: crossterm events → [`keymap::Action`] (through the one keymap) →
//! [`App::update`]; [`ui::draw`] is a function of the state. Comparisons are computed
//! on a worker thread and cached by pair; layouts are cached per width (a large pair is laid
//! out on a thread of its own, so a resize never blocks input).
//!
//! Disagreements of the current pair are flagged in the gutter and listed in a panel
//! (`p`); reviews (`c`, `x`, `u`, and a note popup on `e`) are written through
//! [`crate::review::ReviewStore`] at once. The corpus-wide claims table (`v`) is computed on
//! a thread of its own the first time it is opened.
//!
//! The terminal is always restored: on normal exit, on error (a guard), on panic
//! (a hook installed before the terminal is touched), and on SIGTERM and SIGHUP (unix: the
//! signal is noted, the event loop ends, the terminal is restored, and the process then
//! dies of the signal as it would have without the reader; a watchdog thread does the same
//! if the loop is stuck reading a terminal that went away).

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
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Hidden, for tests of the panic hook: when set, the reader panics on the UI thread right
/// after drawing its first frame.
#[doc(hidden)]
pub const PANIC_ENV: &str = "PARALLAX_TEST_PANIC";

static UI_THREAD: OnceLock<std::thread::ThreadId> = OnceLock::new();

/// Whether the reader has the terminal (raw mode, alternate screen) and has not given it
/// back yet.
static TERMINAL_TAKEN: AtomicBool = AtomicBool::new(false);

/// Put the terminal back as we found it: cooked mode, main screen, cursor shown.
/// Safe to call more than once: only the first call after the terminal was taken writes
/// anything (leaving the alternate screen twice moves the cursor back to where it was
/// saved, and the shell then overwrote the first line of a panic message).
pub fn restore_terminal() {
    if !TERMINAL_TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
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

/// SIGTERM and SIGHUP: noted in a flag the event loop checks; 0 until one arrives.
static SIGNAL: AtomicUsize = AtomicUsize::new(0);

#[cfg(unix)]
fn install_signal_handlers() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    for sig in [SIGTERM, SIGHUP] {
        // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
        unsafe {
            signal_hook::low_level::register(sig, move || {
                SIGNAL.store(sig as usize, Ordering::SeqCst)
            })?;
        }
    }
    Ok(())
}

/// How long the event loop gets to end by itself after a SIGTERM/SIGHUP.
#[cfg(unix)]
const SIGNAL_GRACE: Duration = Duration::from_millis(500);

/// After a SIGTERM/SIGHUP the event loop normally ends within one poll interval. It cannot when
/// it is stuck inside crossterm reading a terminal that went away (a closed window: the read
/// returns end-of-file forever). This thread then restores what it can and ends the process
/// by the signal, as it would have died without the reader.
#[cfg(unix)]
fn spawn_signal_watchdog() {
    let _ = std::thread::Builder::new()
        .name("signal-watchdog".into())
        .spawn(|| {
            loop {
                std::thread::sleep(Duration::from_millis(100));
                let sig = SIGNAL.load(Ordering::SeqCst);
                if sig != 0 {
                    std::thread::sleep(SIGNAL_GRACE);
                    restore_terminal();
                    let _ = signal_hook::low_level::emulate_default_handler(sig as i32);
                    std::process::exit(128 + sig as i32);
                }
            }
        });
}

#[cfg(not(unix))]
fn install_signal_handlers() -> std::io::Result<()> {
    Ok(())
}

/// Run the reader on `corpus` until the user quits (or a SIGTERM/SIGHUP arrives: then the
/// terminal is restored and the process ends by that signal's default action).
/// Review notes are kept in `review` (default: [`crate::review::default_path`] of the
/// corpus directory).
pub fn run(corpus: Corpus, review: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    if !stdout().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for text output try `parallax list` or `parallax diff A B`"
        );
    }
    install_panic_hook();
    install_signal_handlers()?;
    #[cfg(unix)]
    spawn_signal_watchdog();
    let result = run_in_terminal(corpus, review);
    // The terminal is restored (the guard in `run_in_terminal` has dropped).
    #[cfg(unix)]
    {
        let sig = SIGNAL.load(Ordering::SeqCst);
        if sig != 0 {
            let _ = signal_hook::low_level::emulate_default_handler(sig as i32);
        }
    }
    result
}

fn run_in_terminal(corpus: Corpus, review: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    terminal::enable_raw_mode()?;
    TERMINAL_TAKEN.store(true, Ordering::SeqCst);
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
    event_loop(&mut term, &mut app, worker::Worker::spawn(corpus))
}

fn event_loop(
    term: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    mut worker: worker::Worker,
) -> anyhow::Result<()> {
    let mut dirty = true;
    loop {
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
        while let Some((pair, opts, v)) = worker.try_recv_layout() {
            dirty |= app.insert_view(pair, opts, v);
        }
        if dirty {
            term.draw(|f| ui::draw(f, app))?;
            dirty = false;
        }
        // Drawing may have asked for a layout too large to compute while drawing.
        if let Some((pair, opts, cmp)) = app.wanted_layout() {
            worker.request_layout(pair, opts, cmp);
        }
        if app.quit || SIGNAL.load(Ordering::SeqCst) != 0 {
            return Ok(());
        }
        if std::env::var_os(PANIC_ENV).is_some() {
            panic!("{PANIC_ENV} is set: panicking on purpose after the first frame");
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
                    app.handle_key(k);
                    dirty = true;
                }
                Event::Resize(..) => {
                    // Clear and redraw everything at the size the terminal has now: after a
                    // quick shrink and regrow the size may be unchanged while the terminal
                    // dropped what fell outside the small window. (`Terminal::resize` clears
                    // without querying the cursor position, which `Terminal::clear` does and
                    // which races with our own reading of input.)
                    let size = term.size()?;
                    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
                    dirty = true;
                }
                _ => {}
            }
        }
    }
}
