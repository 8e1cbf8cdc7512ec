//! The one keymap: action ↔ keys ↔ description.
//!
//! [`KEYMAP`] drives input handling ([`Keymap::resolve`]), the help overlay
//! ([`help_rows`]) and the key table in README.md ([`markdown_table`]; a test checks
//! that the README matches), so keys and their documentation cannot drift apart.
//!
//! Keys are written as names: a character (`j`, `G`, `?`), a named key (`Down`, `PgUp`,
//! `Enter`, `Esc`, `Tab`, `Shift-Tab`, `F1`), `Ctrl-` plus a lower-case letter, or a
//! two-key sequence of characters (`]c`).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{HashMap, HashSet};

/// Everything a key can ask the reader to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// Move focus to the other pane.
    FocusNext,
    /// Choose the selected article as A, then as B (alternating).
    Choose,
    ChooseA,
    ChooseB,
    Swap,
    NextChange,
    PrevChange,
    NextDisagreement,
    PrevDisagreement,
    ToggleFold,
    /// Show or hide the disagreements panel of the current pair.
    Disagreements,
    /// Mark the current disagreement confirmed.
    Confirm,
    /// Mark the current disagreement dismissed (a false alarm).
    Dismiss,
    /// Write a note on the current disagreement.
    Note,
    /// Forget the review of the current disagreement.
    ClearReview,
    /// Show or hide the corpus-wide claims table.
    Claims,
    Help,
    /// Show the problems met while loading the corpus.
    Warnings,
    /// Close the overlay if one is open, else quit.
    Back,
    Quit,
    /// Quit at once, whatever is open.
    ForceQuit,
}

/// One entry of the keymap.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub action: Action,
    pub keys: &'static [&'static str],
    pub help: &'static str,
}

const fn bind(action: Action, keys: &'static [&'static str], help: &'static str) -> Binding {
    Binding { action, keys, help }
}

/// The keymap, in the order the help shows it.
pub const KEYMAP: &[Binding] = &[
    bind(
        Action::Down,
        &["j", "Down"],
        "Next article (list) / scroll down (diff)",
    ),
    bind(
        Action::Up,
        &["k", "Up"],
        "Previous article (list) / scroll up (diff)",
    ),
    bind(Action::PageDown, &["PgDn"], "Page down"),
    bind(Action::PageUp, &["PgUp"], "Page up"),
    bind(Action::HalfPageDown, &["Ctrl-d"], "Half a page down"),
    bind(Action::HalfPageUp, &["Ctrl-u"], "Half a page up"),
    bind(Action::Top, &["g", "Home"], "Go to the top"),
    bind(Action::Bottom, &["G", "End"], "Go to the bottom"),
    bind(
        Action::FocusNext,
        &["Tab", "Shift-Tab"],
        "Switch between the list and the diff",
    ),
    bind(
        Action::Choose,
        &["Enter"],
        "Choose the article as A, then as B; in the panel, go to its row",
    ),
    bind(Action::ChooseA, &["a"], "Choose the selected article as A"),
    bind(Action::ChooseB, &["b"], "Choose the selected article as B"),
    bind(Action::Swap, &["s"], "Swap A and B"),
    bind(Action::NextChange, &["n", "]c"], "Next change"),
    bind(Action::PrevChange, &["N", "[c"], "Previous change"),
    bind(Action::NextDisagreement, &["d"], "Next disagreement"),
    bind(Action::PrevDisagreement, &["D"], "Previous disagreement"),
    bind(
        Action::Disagreements,
        &["p"],
        "Show or hide the disagreements panel of this pair",
    ),
    bind(
        Action::Confirm,
        &["c"],
        "Mark the current disagreement confirmed (saved for review)",
    ),
    bind(
        Action::Dismiss,
        &["x"],
        "Mark the current disagreement dismissed (a false alarm)",
    ),
    bind(
        Action::Note,
        &["e"],
        "Write a note on the current disagreement",
    ),
    bind(
        Action::ClearReview,
        &["u"],
        "Forget the review of the current disagreement",
    ),
    bind(
        Action::Claims,
        &["v"],
        "Show or hide the claims table: what every article says",
    ),
    bind(
        Action::ToggleFold,
        &["z"],
        "Fold or show boilerplate (captions, tags, site furniture)",
    ),
    bind(Action::Help, &["?", "F1"], "Show or hide this help"),
    bind(
        Action::Warnings,
        &["w"],
        "Show or hide the problems met loading the corpus",
    ),
    bind(Action::Back, &["Esc"], "Close the open window, else quit"),
    bind(Action::Quit, &["q"], "Quit"),
    bind(Action::ForceQuit, &["Ctrl-c"], "Quit at once"),
];

/// The name of a key event in keymap notation, or None for keys the keymap cannot name.
pub fn key_name(ev: &KeyEvent) -> Option<String> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    Some(match ev.code {
        KeyCode::Char(c) if ctrl => format!("Ctrl-{}", c.to_ascii_lowercase()),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "Up".into(),
        KeyCode::Down => "Down".into(),
        KeyCode::Left => "Left".into(),
        KeyCode::Right => "Right".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => "Shift-Tab".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => return None,
    })
}

/// Whether a key name is a two-character sequence such as `]c`.
fn is_sequence(name: &str) -> bool {
    name.chars().count() == 2 && !name.chars().any(|c| c.is_ascii_uppercase())
}

/// The keymap as a lookup table.
#[derive(Clone, Debug)]
pub struct Keymap {
    keys: HashMap<&'static str, Action>,
    prefixes: HashSet<String>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new()
    }
}

impl Keymap {
    /// Build the lookup table from [`KEYMAP`].
    pub fn new() -> Keymap {
        let mut keys = HashMap::new();
        let mut prefixes = HashSet::new();
        for b in KEYMAP {
            for &k in b.keys {
                keys.insert(k, b.action);
                if is_sequence(k) {
                    prefixes.insert(k.chars().next().unwrap_or(' ').to_string());
                }
            }
        }
        Keymap { keys, prefixes }
    }

    /// Resolve one key press. `pending` holds the first key of a sequence in progress
    /// (e.g. `]`); a key that completes no sequence is then taken on its own.
    pub fn resolve(&self, pending: &mut Option<String>, ev: &KeyEvent) -> Option<Action> {
        let name = key_name(ev)?;
        if let Some(first) = pending.take() {
            if let Some(&a) = self.keys.get(format!("{first}{name}").as_str()) {
                return Some(a);
            }
            // Esc cancels a key sequence in progress (`]` then Esc), and nothing more.
            if name == "Esc" {
                return None;
            }
        }
        if let Some(&a) = self.keys.get(name.as_str()) {
            return Some(a);
        }
        if self.prefixes.contains(&name) {
            *pending = Some(name);
        }
        None
    }
}

/// Rows of the help overlay: keys joined by " / ", and the description.
pub fn help_rows() -> Vec<(String, &'static str)> {
    KEYMAP
        .iter()
        .map(|b| (b.keys.join(" / "), b.help))
        .collect()
}

/// The key table for README.md, generated from [`KEYMAP`].
pub fn markdown_table() -> String {
    let mut s = String::from("| Keys | Action |\n|---|---|\n");
    for b in KEYMAP {
        let keys: Vec<String> = b
            .keys
            .iter()
            .map(|k| format!("`{}`", k.replace('|', "\\|")))
            .collect();
        s.push_str(&format!("| {} | {} |\n", keys.join(" "), b.help));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn no_key_is_bound_twice_or_is_both_key_and_prefix() {
        let mut seen = HashSet::new();
        for b in KEYMAP {
            assert!(!b.keys.is_empty(), "{:?} has no key", b.action);
            for &k in b.keys {
                assert!(seen.insert(k), "{k} bound twice");
            }
        }
        let km = Keymap::new();
        for p in &km.prefixes {
            assert!(
                !km.keys.contains_key(p.as_str()),
                "{p} is a key and a prefix"
            );
        }
        let mut actions = HashSet::new();
        for b in KEYMAP {
            assert!(actions.insert(b.action), "{:?} listed twice", b.action);
        }
    }

    #[test]
    fn every_key_name_is_one_the_terminal_can_send() {
        // Each name parses back from some key event (sequences: from their two keys).
        let named = |n: &str| -> bool {
            let events = [
                key(KeyCode::Up, KeyModifiers::NONE),
                key(KeyCode::Down, KeyModifiers::NONE),
                key(KeyCode::PageUp, KeyModifiers::NONE),
                key(KeyCode::PageDown, KeyModifiers::NONE),
                key(KeyCode::Home, KeyModifiers::NONE),
                key(KeyCode::End, KeyModifiers::NONE),
                key(KeyCode::Tab, KeyModifiers::NONE),
                key(KeyCode::BackTab, KeyModifiers::SHIFT),
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Esc, KeyModifiers::NONE),
                key(KeyCode::F(1), KeyModifiers::NONE),
            ];
            events.iter().any(|e| key_name(e).as_deref() == Some(n))
                || n.chars().count() == 1
                || n.strip_prefix("Ctrl-").is_some_and(|c| c.len() == 1)
                || is_sequence(n)
        };
        for b in KEYMAP {
            for k in b.keys {
                assert!(named(k), "{k}");
            }
        }
    }

    #[test]
    fn resolves_keys_and_sequences() {
        let km = Keymap::new();
        let mut p = None;
        let ch = |c| key(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(km.resolve(&mut p, &ch('j')), Some(Action::Down));
        assert_eq!(km.resolve(&mut p, &ch('G')), Some(Action::Bottom));
        assert_eq!(
            km.resolve(&mut p, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::ForceQuit)
        );
        assert_eq!(
            km.resolve(&mut p, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(km.resolve(&mut p, &ch(']')), None);
        assert_eq!(p.as_deref(), Some("]"));
        assert_eq!(km.resolve(&mut p, &ch('c')), Some(Action::NextChange));
        assert_eq!(p, None);
        assert_eq!(km.resolve(&mut p, &ch('[')), None);
        // A key that completes no sequence is taken on its own.
        assert_eq!(km.resolve(&mut p, &ch('j')), Some(Action::Down));
        assert_eq!(km.resolve(&mut p, &ch('y')), None);
        // Esc cancels a sequence in progress and does nothing else (it quit the reader).
        assert_eq!(km.resolve(&mut p, &ch(']')), None);
        let esc = key(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(km.resolve(&mut p, &esc), None);
        assert_eq!(p, None);
        assert_eq!(km.resolve(&mut p, &esc), Some(Action::Back));
        assert_eq!(
            km.resolve(&mut p, &key(KeyCode::F(1), KeyModifiers::NONE)),
            Some(Action::Help)
        );
        assert_eq!(
            km.resolve(&mut p, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusNext)
        );
    }

    #[test]
    fn readme_key_table_matches_the_keymap() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        let begin = "<!-- keys:begin (generated from src/tui/keymap.rs) -->\n";
        let end = "<!-- keys:end -->";
        let start = readme
            .find(begin)
            .expect("README has the keys:begin marker")
            + begin.len();
        let stop = readme[start..]
            .find(end)
            .expect("README has the keys:end marker")
            + start;
        if std::env::var_os("PARALLAX_BLESS").is_some() {
            let new = format!(
                "{}{}{}",
                &readme[..start],
                markdown_table(),
                &readme[stop..]
            );
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"), new).unwrap();
            return;
        }
        assert_eq!(
            &readme[start..stop],
            markdown_table(),
            "README key table is out of date; run with PARALLAX_BLESS=1 to rewrite it"
        );
    }
}
