//! View roles → ratatui styles. One palette for colour terminals, one of text
//! attributes only for `NO_COLOR`.

use crate::align::UnitKind;
use crate::view::Style as Role;
use ratatui::style::{Color, Modifier, Style};

/// Whether the environment allows colour: `NO_COLOR` unset or empty, `TERM` not `dumb`.
pub fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

/// The ratatui style for a view role.
pub fn style(role: Role, color: bool) -> Style {
    let s = Style::new();
    if !color {
        return match role {
            Role::Removed => s.add_modifier(Modifier::UNDERLINED),
            Role::Added => s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            Role::OnlyA | Role::OnlyB => s.add_modifier(Modifier::ITALIC),
            Role::Disagree => s.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
            Role::Boilerplate | Role::Separator | Role::Gutter => s.add_modifier(Modifier::DIM),
            Role::Mark(_) | Role::Flag | Role::Header | Role::Moved => {
                s.add_modifier(Modifier::BOLD)
            }
            Role::Text | Role::Filler => s,
        };
    }
    match role {
        Role::Text => s,
        Role::Removed => s.fg(Color::White).bg(Color::Indexed(52)),
        Role::Added => s.fg(Color::White).bg(Color::Indexed(22)),
        Role::OnlyA => s.fg(Color::LightRed),
        Role::OnlyB => s.fg(Color::LightGreen),
        Role::Moved => s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
        Role::Disagree => s
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        Role::Boilerplate => s.fg(Color::DarkGray).add_modifier(Modifier::DIM),
        Role::Filler => s.bg(Color::Indexed(236)),
        Role::Gutter | Role::Separator => s.fg(Color::DarkGray),
        Role::Mark(kind) => s
            .fg(match kind {
                UnitKind::Same => Color::DarkGray,
                UnitKind::Changed => Color::Yellow,
                UnitKind::OnlyA => Color::LightRed,
                UnitKind::OnlyB => Color::LightGreen,
                UnitKind::Moved => Color::Cyan,
            })
            .add_modifier(Modifier::BOLD),
        Role::Flag => s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
        Role::Header => s.add_modifier(Modifier::BOLD),
    }
}

/// Border style of a pane, by focus.
pub fn border(focused: bool, color: bool) -> Style {
    match (focused, color) {
        (true, true) => Style::new().fg(Color::Cyan),
        (true, false) => Style::new().add_modifier(Modifier::BOLD),
        (false, true) => Style::new().fg(Color::DarkGray),
        (false, false) => Style::new(),
    }
}

/// The status line.
pub fn status(color: bool) -> Style {
    if color {
        Style::new().fg(Color::Black).bg(Color::Gray)
    } else {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

/// The marker of article A / B in the list.
pub fn side_marker(a: bool, color: bool) -> Style {
    let s = Style::new().add_modifier(Modifier::BOLD);
    match (color, a) {
        (false, _) => s,
        (true, true) => s.fg(Color::LightRed),
        (true, false) => s.fg(Color::LightGreen),
    }
}

/// The selected line of the list.
pub fn selected(color: bool) -> Style {
    if color {
        Style::new()
            .bg(Color::Indexed(238))
            .add_modifier(Modifier::BOLD)
    } else {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

/// The gutter flag of a row with disagreements, by review: unreviewed, confirmed, dismissed.
pub fn verdict_flag(verdict: Option<crate::review::Verdict>, color: bool) -> Style {
    use crate::review::Verdict;
    let s = Style::new().add_modifier(Modifier::BOLD);
    if !color {
        return s;
    }
    match verdict {
        None => s.fg(Color::Yellow),
        Some(Verdict::Confirmed) => s.fg(Color::LightMagenta),
        Some(Verdict::Dismissed) => s.fg(Color::DarkGray),
    }
}
