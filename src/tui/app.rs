//! App state and how actions step it (Elm style: input → [`Action`] → [`App::update`];
//! drawing is a function of the state, in `ui`).

use super::keymap::{Action, Keymap};
use crate::compare::Comparison;
use crate::corpus::Corpus;
use crate::view::{self, DiffView, LayoutOptions};
use crossterm::event::{KeyEvent, KeyEventKind};
use std::collections::HashMap;
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
    /// Problems met while loading the corpus.
    Warnings,
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
    keymap: Keymap,
    comparisons: HashMap<Pair, Compared>,
    view: Option<(Pair, LayoutOptions, Arc<DiffView>)>,
}

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
            scroll: 0,
            change: None,
            body_height: 20,
            list_height: 10,
            message: None,
            pending_key: None,
            keymap: Keymap::new(),
            comparisons: HashMap::new(),
            view: None,
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
        let new = Arc::new(view::layout(&arts[a], &arts[b], cmp, &opts));
        if let Some((p, _, old)) = &self.view
            && *p == self.pair
        {
            // Same pair, new width or folding: keep the current change, or else the
            // row at the top of the screen, at the top.
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
        self.view = Some((self.pair, opts, new.clone()));
        Some(new)
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
        if let Some(action) = self.keymap.resolve(&mut self.pending_key, &ev) {
            self.update(action);
        }
    }

    /// Step the state by one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if let Some(open) = self.overlay {
            match action {
                Action::Back => self.overlay = None,
                Action::Help if open == Overlay::Help => self.overlay = None,
                Action::Warnings if open == Overlay::Warnings => self.overlay = None,
                Action::Help => self.overlay = Some(Overlay::Help),
                Action::Warnings => self.overlay = Some(Overlay::Warnings),
                Action::Quit | Action::ForceQuit => self.quit = true,
                _ => {}
            }
            return;
        }
        let n = self.corpus.articles.len();
        let page = self.body_height.saturating_sub(2).max(1);
        match action {
            Action::Quit | Action::ForceQuit | Action::Back => self.quit = true,
            Action::Help => self.overlay = Some(Overlay::Help),
            Action::Warnings => self.overlay = Some(Overlay::Warnings),
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

    /// Scroll to the next (or previous) row with a disagreement, from the top of the screen.
    fn jump_disagreement(&mut self, forward: bool) {
        let (Some(v), Some(Compared::Done(c))) = (self.current_view().cloned(), self.comparison())
        else {
            self.message = Some("comparing…".into());
            return;
        };
        let mut rows: Vec<usize> = c.disagreements.iter().map(|d| d.row).collect();
        rows.dedup();
        if rows.is_empty() {
            self.message = Some("no disagreements found".into());
            return;
        }
        let line = |r: usize| v.row_start.get(r).copied().unwrap_or(0).saturating_sub(1);
        let target = if forward {
            rows.iter().copied().find(|&r| line(r) > self.scroll)
        } else {
            rows.iter().rev().copied().find(|&r| line(r) < self.scroll)
        };
        match target {
            Some(r) => {
                self.scroll = line(r).min(self.max_scroll_of(&v));
                self.change = v.changes.iter().position(|&c| c == r);
                let k = rows.iter().position(|&x| x == r).unwrap_or(0);
                self.message = Some(format!("disagreement {}/{}", k + 1, rows.len()));
            }
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
        assert_eq!(a.message.as_deref(), Some("disagreement 1/2"));
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
