//! App state and how actions step it (Elm style: input → [`Action`] → [`App::update`];
//! drawing is a function of the state, in `ui`).

use super::keymap::{Action, Keymap};
use crate::compare::Comparison;
use crate::compare::claims::ClaimGroup;
use crate::corpus::Corpus;
use crate::review::{MAX_NOTE_CHARS, Review, ReviewKey, ReviewStore, Verdict};
use crate::view::{self, DiffView, LayoutOptions};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Which pane has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    List,
    Diff,
}

/// Which side Enter assigns next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// A window drawn over the panes; Esc closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The keys, generated from the keymap.
    Help,
    /// Problems met while loading the corpus (and with the review file).
    Warnings,
    /// The disagreements of the current pair, with their reviews.
    Disagreements,
    /// The corpus-wide claims table.
    Claims,
}

/// The one-line note being written on a disagreement (a small popup).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteEdit {
    /// Index into the current comparison's `disagreements`.
    pub target: usize,
    pub text: String,
    /// The cursor, in characters from the start of `text`.
    pub cursor: usize,
    /// The verdict saved with the note (Tab switches it).
    pub verdict: Verdict,
}

/// The claims table: not asked for, being computed, or ready.
#[derive(Clone, Debug, Default)]
pub enum ClaimsState {
    #[default]
    NotAsked,
    Computing,
    Ready(Arc<Vec<ClaimGroup>>),
    Failed(String),
}

/// An ordered pair of article indices: (A, B).
pub type Pair = (usize, usize);

/// What a comparison slot holds.
#[derive(Clone, Debug)]
pub enum Compared {
    Done(Arc<Comparison>),
    Failed(String),
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub corpus: Arc<Corpus>,
    /// The article under the cursor in the list.
    pub selected: usize,
    /// First article shown in the list (kept by drawing).
    pub list_offset: usize,
    /// The pair being compared: (A, B).
    pub pair: Pair,
    /// The side Enter assigns next.
    pub next_pick: Side,
    pub focus: Focus,
    /// The overlay shown, if any.
    pub overlay: Option<Overlay>,
    pub fold_boilerplate: bool,
    /// Draw with colours (off under `NO_COLOR` / `TERM=dumb`).
    pub color: bool,
    pub quit: bool,
    /// The screen is below the minimum size (set when drawn): only the keys that quit work.
    pub too_small: bool,
    /// First diff line on screen.
    pub scroll: usize,
    /// The current change: an index into the view's `changes`.
    pub change: Option<usize>,
    /// Lines of diff text on screen (set when drawn; used for paging).
    pub body_height: usize,
    /// Articles visible in the list (set when drawn).
    pub list_height: usize,
    /// A one-off note for the status line.
    pub message: Option<String>,
    /// First key of a key sequence in progress (e.g. `]`).
    pub pending_key: Option<String>,
    /// The current disagreement: an index into the comparison's `disagreements`.
    pub disagreement: Option<usize>,
    /// First line shown in a scrolling overlay (claims, warnings, help).
    pub overlay_scroll: usize,
    /// The note popup, while open.
    pub note: Option<NoteEdit>,
    /// The review notes (None: no review file in use).
    pub review: Option<ReviewStore>,
    /// The review file shown in the status line (set even when it could not be opened).
    pub review_path: Option<PathBuf>,
    /// Problems that are not the corpus loader's (the review file), sanitised on display.
    pub problems: Vec<String>,
    /// The corpus-wide claims table.
    pub claims: ClaimsState,
    keymap: Keymap,
    /// Reviews of the current pair's disagreements, by index (cleared when a review changes).
    reviews: HashMap<Pair, Arc<Vec<Option<Review>>>>,
    comparisons: HashMap<Pair, Compared>,
    view: Option<(Pair, LayoutOptions, Arc<DiffView>)>,
    /// A layout too large to compute while drawing, for the worker.
    layout_wanted: Option<(Pair, LayoutOptions, Arc<Comparison>)>,
    /// The layout the screen waits for from the worker.
    layout_pending: Option<(Pair, LayoutOptions)>,
}

/// Pairs whose texts together are larger than this many bytes are laid out on the worker
/// thread rather than while drawing (layout runs at roughly 10 MB/s; this keeps an inline
/// layout within a few milliseconds).
pub const LAYOUT_INLINE_BYTES: usize = 64 * 1024;

impl App {
    /// A reader on `corpus` comparing its first two articles.
    pub fn new(corpus: Arc<Corpus>) -> App {
        let n = corpus.articles.len();
        App {
            pair: (0, 1.min(n.saturating_sub(1))),
            corpus,
            selected: 0,
            list_offset: 0,
            next_pick: Side::A,
            focus: Focus::List,
            overlay: None,
            fold_boilerplate: false,
            color: true,
            quit: false,
            too_small: false,
            scroll: 0,
            change: None,
            body_height: 20,
            list_height: 10,
            message: None,
            pending_key: None,
            disagreement: None,
            overlay_scroll: 0,
            note: None,
            review: None,
            review_path: None,
            problems: Vec::new(),
            claims: ClaimsState::NotAsked,
            keymap: Keymap::new(),
            reviews: HashMap::new(),
            comparisons: HashMap::new(),
            view: None,
            layout_wanted: None,
            layout_pending: None,
        }
    }

    /// Whether there is a pair to compare at all.
    pub fn has_pair(&self) -> bool {
        !self.corpus.articles.is_empty()
    }

    /// The pair the screen wants but nobody has computed yet.
    pub fn wanted(&self) -> Option<Pair> {
        (self.has_pair() && !self.comparisons.contains_key(&self.pair)).then_some(self.pair)
    }

    /// Store a computed comparison (from the worker, or computed in place by tests).
    pub fn insert_comparison(&mut self, pair: Pair, c: Compared) {
        self.comparisons.insert(pair, c);
    }

    /// Compute the wanted comparison on this thread (tests and benchmarks).
    pub fn compare_now(&mut self) {
        if let Some((a, b)) = self.wanted() {
            let arts = &self.corpus.articles;
            let c = crate::compare::compare(&arts[a], &arts[b]);
            self.insert_comparison((a, b), Compared::Done(Arc::new(c)));
        }
    }

    /// The comparison of the current pair, if computed.
    pub fn comparison(&self) -> Option<&Compared> {
        self.comparisons.get(&self.pair)
    }

    /// The current pair's layout for `width`, computed once per (pair, width, options)
    /// and kept; on a new width the row at the top of the screen stays at the top.
    ///
    /// A small pair (both texts together under [`LAYOUT_INLINE_BYTES`]) is laid out here at
    /// once: for the seed articles that takes well under a millisecond. A larger one is left
    /// to the worker (see [`App::wanted_layout`]) so that a resize never blocks input; until
    /// it arrives this returns `None`.
    pub fn view_for(&mut self, width: usize) -> Option<Arc<DiffView>> {
        let opts = LayoutOptions {
            width,
            fold_boilerplate: self.fold_boilerplate,
            ..LayoutOptions::new(width)
        };
        if let Some((p, o, v)) = &self.view
            && *p == self.pair
            && *o == opts
        {
            return Some(v.clone());
        }
        let Some(Compared::Done(cmp)) = self.comparisons.get(&self.pair) else {
            return None;
        };
        let (a, b) = self.pair;
        let arts = &self.corpus.articles;
        if arts[a].text.len() + arts[b].text.len() > LAYOUT_INLINE_BYTES {
            self.layout_wanted = Some((self.pair, opts, cmp.clone()));
            self.layout_pending = Some((self.pair, opts));
            return None;
        }
        let new = Arc::new(view::layout(&arts[a], &arts[b], cmp, &opts));
        self.install_view(opts, new.clone());
        Some(new)
    }

    /// A layout [`App::view_for`] left to the worker: the pair, the options and the
    /// comparison to lay out. Taking it clears the request.
    pub fn wanted_layout(&mut self) -> Option<(Pair, LayoutOptions, Arc<Comparison>)> {
        self.layout_wanted.take()
    }

    /// Store a layout computed elsewhere (by the worker). Returns whether it is the one the
    /// screen wants now (then it should be redrawn); a stale one is dropped.
    pub fn insert_view(&mut self, pair: Pair, opts: LayoutOptions, v: Arc<DiffView>) -> bool {
        if self.layout_pending != Some((pair, opts)) || pair != self.pair {
            return false;
        }
        self.layout_pending = None;
        self.install_view(opts, v);
        true
    }

    /// Make `new` (a layout of the current pair) the current view, keeping the current
    /// change, or else the row at the top of the screen, at the top.
    fn install_view(&mut self, opts: LayoutOptions, new: Arc<DiffView>) {
        if let Some((p, _, old)) = &self.view
            && *p == self.pair
        {
            let row = match self.change.and_then(|k| old.changes.get(k)) {
                Some(&r) => Some(r),
                None => old.row_from(self.scroll),
            };
            self.scroll = row
                .and_then(|r| new.row_start.get(r).copied())
                .map_or(0, |l| {
                    if self.change.is_some() {
                        l.saturating_sub(1)
                    } else {
                        l
                    }
                });
        }
        self.view = Some((self.pair, opts, new));
    }

    /// The layout last computed for the current pair, if any.
    pub fn current_view(&self) -> Option<&Arc<DiffView>> {
        self.view
            .as_ref()
            .filter(|(p, _, _)| *p == self.pair)
            .map(|(_, _, v)| v)
    }

    /// Handle one key event (presses and repeats; releases are ignored).
    pub fn handle_key(&mut self, ev: KeyEvent) {
        if ev.kind == KeyEventKind::Release {
            return;
        }
        // Ctrl-C quits at once, whatever is open (an unsaved note included).
        if ev.code == KeyCode::Char('c') && ev.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        // Below the minimum size the screen says "Enlarge the terminal, or q to quit": q
        // and Esc quit, and no other key reaches what cannot be seen.
        if self.too_small {
            if matches!(ev.code, KeyCode::Char('q') | KeyCode::Esc) {
                self.quit = true;
            }
            return;
        }
        if self.note.is_some() {
            self.pending_key = None;
            self.edit_note(ev);
            return;
        }
        if let Some(action) = self.keymap.resolve(&mut self.pending_key, &ev) {
            self.update(action);
        }
    }

    /// Step the state by one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if let Some(open) = self.overlay {
            let toggle = match action {
                Action::Help => Some(Overlay::Help),
                Action::Warnings => Some(Overlay::Warnings),
                Action::Disagreements => Some(Overlay::Disagreements),
                Action::Claims => Some(Overlay::Claims),
                _ => None,
            };
            match (action, toggle) {
                (_, Some(o)) if o == open => self.overlay = None,
                (_, Some(o)) => self.open_overlay(o),
                (Action::Back, _) => self.overlay = None,
                (Action::Quit | Action::ForceQuit, _) => self.quit = true,
                _ if open == Overlay::Disagreements => self.panel_action(action),
                (Action::Down, _) => self.overlay_scroll = self.overlay_scroll.saturating_add(1),
                (Action::Up, _) => self.overlay_scroll = self.overlay_scroll.saturating_sub(1),
                (Action::PageDown | Action::HalfPageDown, _) => {
                    self.overlay_scroll = self.overlay_scroll.saturating_add(10)
                }
                (Action::PageUp | Action::HalfPageUp, _) => {
                    self.overlay_scroll = self.overlay_scroll.saturating_sub(10)
                }
                (Action::Top, _) => self.overlay_scroll = 0,
                (Action::Bottom, _) => self.overlay_scroll = usize::MAX / 2,
                _ => {}
            }
            return;
        }
        let n = self.corpus.articles.len();
        let page = self.body_height.saturating_sub(2).max(1);
        match action {
            Action::Quit | Action::ForceQuit | Action::Back => self.quit = true,
            Action::Help => self.open_overlay(Overlay::Help),
            Action::Warnings => self.open_overlay(Overlay::Warnings),
            Action::Disagreements => self.open_overlay(Overlay::Disagreements),
            Action::Claims => self.open_overlay(Overlay::Claims),
            Action::Confirm => self.mark(Some(Verdict::Confirmed)),
            Action::Dismiss => self.mark(Some(Verdict::Dismissed)),
            Action::ClearReview => self.mark(None),
            Action::Note => self.start_note(),
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::List => Focus::Diff,
                    Focus::Diff => Focus::List,
                }
            }
            Action::Down => self.move_by(1, 1),
            Action::Up => self.move_by(-1, -1),
            Action::PageDown => self.move_by(self.list_height as isize, page as isize),
            Action::PageUp => self.move_by(-(self.list_height as isize), -(page as isize)),
            Action::HalfPageDown => self.move_by(
                (self.list_height / 2).max(1) as isize,
                (page / 2).max(1) as isize,
            ),
            Action::HalfPageUp => self.move_by(
                -((self.list_height / 2).max(1) as isize),
                -((page / 2).max(1) as isize),
            ),
            Action::Top => self.move_by(isize::MIN / 2, isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2, isize::MAX / 2),
            Action::Choose if self.focus == Focus::List && n > 0 => {
                let side = self.next_pick;
                self.choose(side);
                if side == Side::B {
                    self.focus = Focus::Diff;
                }
            }
            Action::Choose => {}
            Action::ChooseA if n > 0 => self.choose(Side::A),
            Action::ChooseB if n > 0 => self.choose(Side::B),
            Action::ChooseA | Action::ChooseB => {}
            Action::Swap => self.set_pair((self.pair.1, self.pair.0)),
            Action::NextChange => self.jump_change(true),
            Action::PrevChange => self.jump_change(false),
            Action::NextDisagreement => self.jump_disagreement(true),
            Action::PrevDisagreement => self.jump_disagreement(false),
            Action::ToggleFold => {
                self.fold_boilerplate = !self.fold_boilerplate;
                self.message = Some(
                    if self.fold_boilerplate {
                        "boilerplate folded"
                    } else {
                        "boilerplate shown"
                    }
                    .into(),
                );
            }
        }
    }

    fn choose(&mut self, side: Side) {
        let s = self.selected;
        match side {
            Side::A => {
                self.set_pair((s, self.pair.1));
                self.next_pick = Side::B;
            }
            Side::B => {
                self.set_pair((self.pair.0, s));
                self.next_pick = Side::A;
            }
        }
    }

    fn set_pair(&mut self, pair: Pair) {
        if pair != self.pair {
            self.pair = pair;
            self.scroll = 0;
            self.change = None;
            self.disagreement = None;
        }
        // (its boilerplate, never aligned, then shows as sentences each side has alone)
        if pair.0 == pair.1 {
            self.message = Some("A and B are the same article: choose another as B".into());
        }
    }

    /// Move the list cursor (list focus) or scroll the diff (diff focus).
    fn move_by(&mut self, list: isize, diff: isize) {
        match self.focus {
            Focus::List => {
                let n = self.corpus.articles.len();
                if n > 0 {
                    self.selected = self.selected.saturating_add_signed(list).min(n - 1);
                }
            }
            Focus::Diff => {
                self.scroll = self
                    .scroll
                    .saturating_add_signed(diff)
                    .min(self.max_scroll());
                self.change = None;
                self.disagreement = None;
            }
        }
    }

    fn max_scroll(&self) -> usize {
        self.current_view()
            .map_or(0, |v| v.lines.len().saturating_sub(self.body_height))
    }

    fn jump_change(&mut self, forward: bool) {
        let Some(v) = self.current_view().cloned() else {
            self.message = Some("comparing…".into());
            return;
        };
        if v.changes.is_empty() {
            self.message = Some("no changes".into());
            return;
        }
        let start = |k: usize| v.row_start[v.changes[k]];
        let target = match (self.change, forward) {
            (Some(k), true) if k + 1 < v.changes.len() => Some(k + 1),
            (Some(k), false) if k > 0 => Some(k - 1),
            (Some(_), _) => None,
            // No current change: the first one from the top of the screen down,
            // or the last one above it.
            (None, true) => {
                (0..v.changes.len()).find(|&k| start(k).saturating_sub(1) >= self.scroll)
            }
            (None, false) => (0..v.changes.len())
                .rev()
                .find(|&k| start(k).saturating_sub(1) < self.scroll),
        };
        match target {
            Some(k) => {
                self.change = Some(k);
                // One line of context above the change (the gap between rows).
                self.scroll = start(k).saturating_sub(1).min(self.max_scroll_of(&v));
            }
            None => {
                self.message = Some(
                    if forward {
                        "last change"
                    } else {
                        "first change"
                    }
                    .into(),
                )
            }
        }
    }

    /// Make the next (or previous) disagreement current and scroll to its row. With
    /// none current, the first one from the top of the screen down (or the last above it).
    fn jump_disagreement(&mut self, forward: bool) {
        let (Some(v), Some(Compared::Done(c))) = (self.current_view().cloned(), self.comparison())
        else {
            self.message = Some("comparing…".into());
            return;
        };
        let rows: Vec<usize> = c.disagreements.iter().map(|d| d.row).collect();
        if rows.is_empty() {
            self.message = Some("no disagreements found".into());
            return;
        }
        let line = |r: usize| v.row_start.get(r).copied().unwrap_or(0).saturating_sub(1);
        let target = match (self.disagreement, forward) {
            (Some(k), true) => (k + 1 < rows.len()).then_some(k + 1),
            (Some(k), false) => k.checked_sub(1),
            (None, true) => (0..rows.len()).find(|&k| line(rows[k]) >= self.scroll),
            (None, false) => (0..rows.len()).rev().find(|&k| line(rows[k]) < self.scroll),
        };
        match target {
            Some(k) => self.go_to_disagreement(k),
            None => {
                self.message = Some(
                    if forward {
                        "last disagreement"
                    } else {
                        "first disagreement"
                    }
                    .into(),
                )
            }
        }
    }

    /// Make disagreement `k` current and scroll its row into view (one line of context above).
    pub fn go_to_disagreement(&mut self, k: usize) {
        let (Some(v), Some(Compared::Done(c))) = (self.current_view().cloned(), self.comparison())
        else {
            return;
        };
        let Some(d) = c.disagreements.get(k) else {
            return;
        };
        let r = d.row;
        let line = v.row_start.get(r).copied().unwrap_or(0).saturating_sub(1);
        self.scroll = line.min(self.max_scroll_of(&v));
        self.change = v.changes.iter().position(|&c| c == r);
        self.disagreement = Some(k);
    }

    fn open_overlay(&mut self, o: Overlay) {
        self.overlay = Some(o);
        self.overlay_scroll = 0;
        if o == Overlay::Claims && matches!(self.claims, ClaimsState::NotAsked) {
            self.claims = ClaimsState::Computing;
        }
        if o == Overlay::Disagreements && self.disagreement.is_none() {
            self.disagreement = self.disagreement_on_screen();
        }
    }

    /// Whether the claims table is wanted and nobody has computed it yet.
    pub fn wants_claims(&self) -> bool {
        matches!(self.claims, ClaimsState::Computing)
    }

    /// Compute the claims table on this thread (tests).
    pub fn claims_now(&mut self) {
        let groups = crate::compare::claims::corpus_claims(&self.corpus.articles);
        self.claims = ClaimsState::Ready(Arc::new(groups));
    }

    /// The disagreements of the current pair (empty until compared).
    pub fn disagreements(&self) -> &[crate::compare::Disagreement] {
        match self.comparison() {
            Some(Compared::Done(c)) => &c.disagreements,
            _ => &[],
        }
    }

    /// The first disagreement whose row is on screen.
    fn disagreement_on_screen(&self) -> Option<usize> {
        let v = self.current_view()?;
        let end = self.scroll + self.body_height;
        self.disagreements().iter().position(|d| {
            v.row_start
                .get(d.row)
                .is_some_and(|&l| l >= self.scroll && l < end)
        })
    }

    /// The disagreement keys act on: the current one, else the first on screen.
    fn target(&self) -> Option<usize> {
        self.disagreement.or_else(|| self.disagreement_on_screen())
    }

    /// Keys in the disagreements panel: move the selection, go to its row, review it.
    fn panel_action(&mut self, action: Action) {
        let n = self.disagreements().len();
        if n == 0 {
            if matches!(action, Action::Choose) {
                self.overlay = None;
            }
            return;
        }
        let cur = self.disagreement;
        let step = |d: isize| match cur {
            Some(k) => k.saturating_add_signed(d).min(n - 1),
            None => 0,
        };
        match action {
            Action::Down | Action::NextDisagreement => self.go_to_disagreement(step(1)),
            Action::Up | Action::PrevDisagreement => self.go_to_disagreement(step(-1)),
            Action::PageDown | Action::HalfPageDown => self.go_to_disagreement(step(5)),
            Action::PageUp | Action::HalfPageUp => self.go_to_disagreement(step(-5)),
            Action::Top => self.go_to_disagreement(0),
            Action::Bottom => self.go_to_disagreement(n - 1),
            Action::Choose => {
                self.go_to_disagreement(cur.unwrap_or(0));
                self.overlay = None;
                self.focus = Focus::Diff;
            }
            Action::Confirm => self.mark(Some(Verdict::Confirmed)),
            Action::Dismiss => self.mark(Some(Verdict::Dismissed)),
            Action::ClearReview => self.mark(None),
            Action::Note => self.start_note(),
            _ => {}
        }
    }

    /// The reviews of the current pair's disagreements, by index (computed once per pair
    /// and review change).
    pub fn reviews(&mut self) -> Arc<Vec<Option<Review>>> {
        if let Some(r) = self.reviews.get(&self.pair) {
            return r.clone();
        }
        let Some(Compared::Done(c)) = self.comparisons.get(&self.pair) else {
            return Arc::new(Vec::new());
        };
        let (a, b) = self.pair;
        let arts = &self.corpus.articles;
        let list: Vec<Option<Review>> = c
            .disagreements
            .iter()
            .map(|d| {
                self.review
                    .as_ref()
                    .and_then(|s| s.get_for(&arts[a], &arts[b], c, d).cloned())
            })
            .collect();
        let list = Arc::new(list);
        self.reviews.insert(self.pair, list.clone());
        list
    }

    /// Use `store` for review notes; a warning from opening it is listed as a problem.
    pub fn attach_review(&mut self, store: ReviewStore, warning: Option<crate::review::Warning>) {
        self.review_path = Some(store.path().to_path_buf());
        if let Some(w) = warning {
            self.problems.push(w.message);
            self.message = Some("the review file was damaged and is kept aside (w)".into());
        }
        self.review = Some(store);
        self.reviews.clear();
    }

    /// The key of disagreement `k` of the current pair.
    fn review_key(&self, k: usize) -> Option<ReviewKey> {
        let Some(Compared::Done(c)) = self.comparison() else {
            return None;
        };
        let d = c.disagreements.get(k)?;
        let (a, b) = self.pair;
        let arts = &self.corpus.articles;
        Some(ReviewKey::for_disagreement(&arts[a], &arts[b], c, d))
    }

    /// Set (Some) or clear (None) the verdict of the current disagreement, keeping its note.
    fn mark(&mut self, verdict: Option<Verdict>) {
        let Some(k) = self.target() else {
            self.message = Some(if self.disagreements().is_empty() {
                "no disagreements found".into()
            } else {
                "no disagreement on screen: d goes to the next one".into()
            });
            return;
        };
        let note = self
            .reviews()
            .get(k)
            .cloned()
            .flatten()
            .map(|r| r.note)
            .unwrap_or_default();
        self.save_review(k, verdict, note);
    }

    fn save_review(&mut self, k: usize, verdict: Option<Verdict>, note: String) {
        let n = self.disagreements().len();
        let Some(key) = self.review_key(k) else {
            return;
        };
        let Some(store) = self.review.as_mut() else {
            self.message = Some("no review file: notes cannot be saved".into());
            return;
        };
        let result = match verdict {
            Some(v) => store.set(key, v, note).map(|w| (w, true)),
            None => store.remove(&key).map(|removed| (None, removed)),
        };
        self.reviews.clear();
        self.disagreement = Some(k);
        match result {
            Ok((warning, changed)) => {
                if let Some(w) = warning {
                    self.problems.push(w.message);
                }
                let what = match (verdict, changed) {
                    (Some(v), _) => v.as_str(),
                    (None, true) => "review cleared",
                    (None, false) => "not reviewed",
                };
                self.message = Some(format!("disagreement {}/{n}: {what}", k + 1));
            }
            Err(e) => {
                self.message = Some(format!("could not save the review: {e}"));
            }
        }
    }

    /// Open the note popup on the current disagreement, with its saved note and verdict.
    fn start_note(&mut self) {
        let Some(k) = self.target() else {
            self.message =
                Some("no disagreement to write a note on: d goes to the next one".into());
            return;
        };
        if self.review.is_none() {
            self.message = Some("no review file: notes cannot be saved".into());
            return;
        }
        let old = self.reviews().get(k).cloned().flatten();
        let text = old.as_ref().map(|r| r.note.clone()).unwrap_or_default();
        self.disagreement = Some(k);
        self.note = Some(NoteEdit {
            target: k,
            cursor: text.chars().count(),
            text,
            verdict: old.map_or(Verdict::Confirmed, |r| r.verdict),
        });
    }

    /// A key in the note popup: text editing, Tab switches the verdict, Enter saves, Esc cancels.
    fn edit_note(&mut self, ev: KeyEvent) {
        let Some(mut note) = self.note.take() else {
            return;
        };
        let byte = |t: &str, c: usize| t.char_indices().nth(c).map_or(t.len(), |(i, _)| i);
        let ctrl = ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match ev.code {
            KeyCode::Esc => {
                self.message = Some("note not saved".into());
                return;
            }
            KeyCode::Enter => {
                let text = note.text.trim().to_string();
                self.save_review(note.target, Some(note.verdict), text);
                return;
            }
            KeyCode::Tab | KeyCode::BackTab => {
                note.verdict = match note.verdict {
                    Verdict::Confirmed => Verdict::Dismissed,
                    Verdict::Dismissed => Verdict::Confirmed,
                }
            }
            KeyCode::Backspace if note.cursor > 0 => {
                let at = byte(&note.text, note.cursor - 1);
                note.text.remove(at);
                note.cursor -= 1;
            }
            KeyCode::Delete if note.cursor < note.text.chars().count() => {
                let at = byte(&note.text, note.cursor);
                note.text.remove(at);
            }
            KeyCode::Left => note.cursor = note.cursor.saturating_sub(1),
            KeyCode::Right => note.cursor = (note.cursor + 1).min(note.text.chars().count()),
            KeyCode::Home => note.cursor = 0,
            KeyCode::End => note.cursor = note.text.chars().count(),
            KeyCode::Char('u') if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                let at = byte(&note.text, note.cursor);
                note.text.replace_range(..at, "");
                note.cursor = 0;
            }
            KeyCode::Char(ch)
                if !ctrl && !ch.is_control() && note.text.chars().count() < MAX_NOTE_CHARS =>
            {
                let at = byte(&note.text, note.cursor);
                note.text.insert(at, ch);
                note.cursor += 1;
            }
            _ => {}
        }
        self.note = Some(note);
    }

    fn max_scroll_of(&self, v: &DiffView) -> usize {
        v.lines.len().saturating_sub(self.body_height)
    }

    /// The row of the current change, if one is selected.
    pub fn current_change_row(&self) -> Option<usize> {
        let v = self.current_view()?;
        v.changes.get(self.change?).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app() -> App {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut app = App::new(Arc::new(Corpus::load(&dir).unwrap()));
        app.compare_now();
        app.view_for(120);
        app
    }

    #[test]
    fn a_large_pair_is_laid_out_by_the_worker_not_while_drawing() {
        use crate::corpus::{Article, ArticleMeta};
        let para = "The council met on Monday. It approved twelve projects. Residents were not consulted.\n\n";
        let big = |id: &str, n: usize| {
            Article::from_text(
                ArticleMeta {
                    id: id.into(),
                    language: Some("en".into()),
                    ..ArticleMeta::default()
                },
                para.repeat(n),
            )
        };
        let n = LAYOUT_INLINE_BYTES / para.len() / 2 + 10;
        let corpus = Corpus {
            articles: vec![big("a", n), big("b", n)],
            ..Corpus::default()
        };
        let corpus = Arc::new(corpus);
        let mut app = App::new(corpus.clone());
        app.compare_now();
        // Drawing asks for the layout instead of computing it.
        assert!(app.view_for(100).is_none());
        let (pair, opts, cmp) = app.wanted_layout().expect("a layout request");
        assert_eq!((pair, opts.width), ((0, 1), 100));
        assert!(app.wanted_layout().is_none());
        // The worker's thread lays it out and the event loop hands it back.
        let mut worker = super::super::worker::Worker::spawn(corpus);
        worker.request_layout(pair, opts, cmp);
        let start = std::time::Instant::now();
        let v = loop {
            if let Some(done) = worker.try_recv_layout() {
                break done;
            }
            assert!(start.elapsed() < std::time::Duration::from_secs(60));
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(!worker.busy());
        // A layout for another width is stale and dropped; the wanted one is kept.
        let mut other = opts;
        other.width = 90;
        assert!(!app.insert_view(v.0, other, v.2.clone()));
        assert!(app.insert_view(v.0, v.1, v.2.clone()));
        let shown = app.view_for(100).expect("the layout");
        assert!(Arc::ptr_eq(&shown, &v.2));
        assert!(app.wanted_layout().is_none());
    }

    #[test]
    fn starts_on_the_first_two_articles() {
        let a = app();
        assert_eq!(a.pair, (0, 1));
        assert!(a.wanted().is_none());
        assert!(a.current_view().is_some());
    }

    #[test]
    fn choosing_a_and_b() {
        let mut a = app();
        for _ in 0..3 {
            a.update(Action::Down);
        }
        a.update(Action::ChooseA);
        a.update(Action::Down);
        a.update(Action::ChooseB);
        assert_eq!(a.pair, (3, 4));
        assert_eq!(a.wanted(), Some((3, 4)));
        a.update(Action::Swap);
        assert_eq!(a.pair, (4, 3));
        // Enter alternates A, B, and then shows the diff.
        a.update(Action::Top);
        a.update(Action::Choose);
        assert_eq!(a.pair, (0, 3));
        a.update(Action::Down);
        a.update(Action::Choose);
        assert_eq!(a.pair, (0, 1));
        assert_eq!(a.focus, Focus::Diff);
        // The list cursor never leaves the list.
        a.focus = Focus::List;
        a.update(Action::Bottom);
        assert_eq!(a.selected, 4);
        a.update(Action::Down);
        assert_eq!(a.selected, 4);
    }

    #[test]
    fn next_and_previous_change() {
        let mut a = app();
        a.body_height = 10;
        let v = a.current_view().unwrap().clone();
        assert!(v.changes.len() >= 2);
        a.update(Action::NextChange);
        assert_eq!(a.change, Some(0));
        a.update(Action::NextChange);
        assert_eq!(a.change, Some(1));
        assert_eq!(a.current_change_row(), Some(v.changes[1]));
        a.update(Action::PrevChange);
        assert_eq!(a.change, Some(0));
        a.update(Action::PrevChange);
        assert_eq!(a.change, Some(0));
        assert_eq!(a.message.as_deref(), Some("first change"));
    }

    #[test]
    fn next_and_previous_disagreement() {
        use crate::compare::{Disagreement, DisagreementKind};
        let mut a = app();
        a.body_height = 5;
        let Some(Compared::Done(c)) = a.comparison().cloned() else {
            panic!("compared")
        };
        let mut c = (*c).clone();
        c.disagreements.clear();
        a.insert_comparison(a.pair, Compared::Done(Arc::new(c.clone())));
        a.update(Action::NextDisagreement);
        assert_eq!(a.message.as_deref(), Some("no disagreements found"));
        assert!(c.rows.len() > 6);
        // Without disagreements, the jump says so.
        c.disagreements.clear();
        a.insert_comparison(a.pair, Compared::Done(Arc::new(c.clone())));
        a.view = None;
        a.view_for(120);
        a.update(Action::NextDisagreement);
        assert_eq!(a.message.as_deref(), Some("no disagreements found"));
        for row in [2, 6] {
            c.disagreements.push(Disagreement {
                kind: DisagreementKind::NumberConflict,
                row,
                a: vec![],
                b: vec![],
                summary: String::new(),
            });
        }
        a.insert_comparison(a.pair, Compared::Done(Arc::new(c)));
        a.view = None;
        let v = a.view_for(120).unwrap();
        a.update(Action::NextDisagreement);
        assert_eq!(v.row_at(a.scroll + 1), Some(2));
        assert_eq!(a.disagreement, Some(0));
        a.update(Action::NextDisagreement);
        assert_eq!(v.row_at(a.scroll + 1), Some(6));
        a.update(Action::NextDisagreement);
        assert_eq!(a.message.as_deref(), Some("last disagreement"));
        a.update(Action::PrevDisagreement);
        assert_eq!(v.row_at(a.scroll + 1), Some(2));
    }

    #[test]
    fn help_and_quit() {
        let mut a = app();
        a.update(Action::Help);
        assert_eq!(a.overlay, Some(Overlay::Help));
        a.update(Action::Down);
        assert!(a.overlay.is_some() && !a.quit);
        a.update(Action::Warnings);
        assert_eq!(a.overlay, Some(Overlay::Warnings));
        a.update(Action::Back);
        assert!(a.overlay.is_none() && !a.quit);
        a.update(Action::Back);
        assert!(a.quit);
        let mut a = app();
        a.update(Action::Help);
        a.update(Action::ForceQuit);
        assert!(a.quit);
    }

    /// Ctrl-C quits at once, with the note popup open too; below the minimum size only q,
    /// Esc and Ctrl-C do anything (q is not typed into a note no one can see).
    #[test]
    fn ctrl_c_always_quits_and_a_too_small_screen_only_quits() {
        let key = |c: KeyCode, m: KeyModifiers| KeyEvent::new(c, m);
        let with_note = || {
            let mut a = app();
            a.note = Some(NoteEdit {
                target: 0,
                text: String::new(),
                cursor: 0,
                verdict: Verdict::Confirmed,
            });
            a
        };
        let mut a = with_note();
        a.handle_key(key(KeyCode::Char('x'), KeyModifiers::NONE));
        assert_eq!(a.note.as_ref().map(|n| n.text.as_str()), Some("x"));
        a.handle_key(key(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert!(a.quit);
        let mut a = with_note();
        a.too_small = true;
        a.handle_key(key(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(a.note.as_ref().map(|n| n.text.as_str()), Some(""));
        assert!(!a.quit);
        a.handle_key(key(KeyCode::Char('q'), KeyModifiers::NONE));
        assert!(a.quit);
    }

    #[test]
    fn choosing_one_article_as_a_and_b_says_so() {
        let mut a = app();
        a.selected = a.pair.0;
        a.choose(Side::B);
        assert_eq!(a.pair.0, a.pair.1);
        assert!(a.message.as_deref().unwrap_or("").contains("same article"));
    }

    #[test]
    fn resize_keeps_the_top_row() {
        let mut a = app();
        a.focus = Focus::Diff;
        a.body_height = 10;
        for _ in 0..15 {
            a.update(Action::Down);
        }
        let row = a.current_view().unwrap().row_from(a.scroll).unwrap();
        let v = a.view_for(60).unwrap();
        assert_eq!(v.row_from(a.scroll), Some(row));
        // With a current change, the change stays in view.
        a.update(Action::NextChange);
        let row = a.current_change_row().unwrap();
        let v = a.view_for(100).unwrap();
        assert_eq!(v.row_from(a.scroll), Some(row));
    }

    #[test]
    fn empty_corpus_does_not_panic() {
        let mut a = App::new(Arc::new(Corpus::default()));
        assert_eq!(a.wanted(), None);
        for act in super::super::keymap::KEYMAP.iter().map(|b| b.action) {
            if act != Action::Quit && act != Action::ForceQuit && act != Action::Back {
                a.update(act);
            }
        }
        assert!(a.view_for(80).is_none());
    }
}
