//! Drawing: a function of the app state. Panes: the article list, the diff, the
//! status line, and the help overlay.

use super::app::{App, Compared, Focus, Overlay};
use super::keymap;
use super::theme;
use crate::align::UnitKind;
use crate::corpus::Article;
use crate::sanitize::display;
use crate::view::{self, DiffView};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};

/// Below this size the reader asks for a bigger terminal instead of drawing.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the list and the diff are shown side by side;
/// below it, only the focused pane is.
pub const TWO_PANE_WIDTH: u16 = 100;

/// Draw the whole screen.
pub fn draw(f: &mut Frame, app: &mut App) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = format!(
            "Parallax needs at least {MIN_WIDTH}×{MIN_HEIGHT} cells (now {}×{}). Enlarge the terminal, or q to quit.",
            area.width, area.height
        );
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), area);
        return;
    }
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if main.width >= TWO_PANE_WIDTH {
        let list_w = (main.width * 22 / 100).clamp(26, 40);
        let [list, diff] =
            Layout::horizontal([Constraint::Length(list_w), Constraint::Fill(1)]).areas(main);
        draw_list(f, app, list);
        draw_diff(f, app, diff);
    } else if app.focus == Focus::List {
        draw_list(f, app, main);
    } else {
        draw_diff(f, app, main);
    }
    draw_status(f, app, status);
    match app.overlay {
        Some(Overlay::Help) => draw_help(f, app, area),
        Some(Overlay::Warnings) => draw_warnings(f, app, area),
        None => {}
    }
}

/// A short, display-safe name for an article: the id up to its first `_` when that
/// prefix names no other article (`003`), else the whole id.
pub fn short_id(app: &App, i: usize) -> String {
    let id = &app.corpus.articles[i].meta.id;
    let short = id.split('_').next().unwrap_or(id);
    let unique = !short.is_empty()
        && app
            .corpus
            .articles
            .iter()
            .enumerate()
            .all(|(j, a)| j == i || !a.meta.id.starts_with(short));
    display(if unique { short } else { id }).into_owned()
}

fn draw_list(f: &mut Frame, app: &mut App, area: Rect) {
    let focused = app.focus == Focus::List;
    let hint = match app.next_pick {
        super::app::Side::A => " Enter: choose A ",
        super::app::Side::B => " Enter: choose B ",
    };
    let block = Block::bordered()
        .title(" Articles ")
        .title_bottom(Line::from(hint).right_aligned())
        .border_style(theme::border(focused, app.color));
    let inner = block.inner(area);
    f.render_widget(block, area);
    app.list_height = (inner.height / 2).max(1) as usize;
    if app.corpus.articles.is_empty() {
        let msg = format!(
            "No articles in {}",
            display(&app.corpus.root.display().to_string())
        );
        f.render_widget(Paragraph::new(msg).wrap(Wrap { trim: true }), inner);
        return;
    }
    let items: Vec<ListItem> = app
        .corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| list_item(app, i, a))
        .collect();
    let list = List::new(items).highlight_style(theme::selected(app.color));
    let mut state = ListState::default()
        .with_offset(app.list_offset)
        .with_selected(Some(app.selected));
    f.render_stateful_widget(list, inner, &mut state);
    app.list_offset = state.offset();
}

fn list_item<'a>(app: &App, i: usize, a: &'a Article) -> ListItem<'a> {
    let (is_a, is_b) = (app.pair.0 == i, app.pair.1 == i);
    let marker = |on: bool, s: &'static str, side_a: bool| {
        if on {
            Span::styled(s, theme::side_marker(side_a, app.color))
        } else {
            Span::raw(" ")
        }
    };
    let title = Line::from(vec![
        marker(is_a, "A", true),
        marker(is_b, "B", false),
        Span::raw(" "),
        Span::raw(display(&one_line(&a.meta.title)).into_owned()),
    ]);
    let mut facts = vec![short_id(app, i)];
    facts.extend(a.meta.outlet.as_deref().map(|s| display(s).into_owned()));
    facts.extend(a.meta.published.as_deref().map(|s| display(s).into_owned()));
    facts.push(format!("{} words", a.word_count()));
    let meta = Line::from(Span::styled(
        format!("   {}", facts.join(" · ")),
        Style::new().add_modifier(Modifier::DIM),
    ));
    ListItem::new(vec![title, meta])
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn side_label(app: &App, side: char, i: usize) -> String {
    let a = &app.corpus.articles[i];
    let mut s = format!("{side} {}", a.meta.id);
    if let Some(o) = &a.meta.outlet {
        s.push_str(" · ");
        s.push_str(o);
    }
    s.push_str(" · ");
    s.push_str(&a.meta.title);
    s
}

fn draw_diff(f: &mut Frame, app: &mut App, area: Rect) {
    let focused = app.focus == Focus::Diff;
    let title = if app.has_pair() {
        format!(
            " A {} ⇄ B {} ",
            short_id(app, app.pair.0),
            short_id(app, app.pair.1)
        )
    } else {
        " Diff ".into()
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme::border(focused, app.color));
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.width == 0 || inner.height == 0 || !app.has_pair() {
        return;
    }
    let width = inner.width as usize;
    let Some(v) = app.view_for(width) else {
        let msg = match app.comparison() {
            Some(Compared::Failed(e)) => display(e).into_owned(),
            _ => "comparing…".to_string(),
        };
        f.render_widget(Paragraph::new(msg).centered(), inner);
        return;
    };
    let color = app.color;
    let (a, b) = app.pair;
    let header = view::header(
        &v.geometry,
        &side_label(app, 'A', a),
        &side_label(app, 'B', b),
    );
    let buf = f.buffer_mut();
    put_line(buf, inner.x, inner.y, inner.width, &header, color, false);
    if inner.height < 2 {
        return;
    }
    let rule = "─".repeat(width);
    buf.set_stringn(
        inner.x,
        inner.y + 1,
        &rule,
        width,
        theme::style(view::Style::Separator, color),
    );
    let body = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    app.body_height = body.height as usize;
    let max = v.lines.len().saturating_sub(app.body_height);
    app.scroll = app.scroll.min(max);
    let current = app.current_change_row();
    draw_body(buf, body, &v, app.scroll, current, color);
}

fn draw_body(
    buf: &mut Buffer,
    area: Rect,
    v: &DiffView,
    scroll: usize,
    current: Option<usize>,
    color: bool,
) {
    for (k, line) in v
        .lines
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .enumerate()
    {
        let hl = current.is_some() && line.row == current;
        put_line(buf, area.x, area.y + k as u16, area.width, line, color, hl);
    }
}

/// Draw one view line; `current` marks the line's gutter as the current change.
fn put_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    line: &view::Line,
    color: bool,
    current: bool,
) {
    let spans: Vec<Span> = line
        .runs()
        .map(|r| {
            let mut st = theme::style(r.style, color);
            if current && matches!(r.style, view::Style::Mark(_) | view::Style::Gutter) {
                st = st.add_modifier(Modifier::REVERSED);
            }
            Span::styled(r.text, st)
        })
        .collect();
    buf.set_line(x, y, &Line::from(spans), width);
}

fn draw_status(f: &mut Frame, app: &App, area: Rect) {
    let long = status_parts(app, false);
    let fits = view::display_width(&long.join(" │ ")) + 10 <= area.width as usize;
    let mut parts = if fits { long } else { status_parts(app, true) };
    let nw = app.corpus.warnings.len();
    if nw > 0 {
        parts.push(format!(
            "⚠ {nw} problem{} (w)",
            if nw == 1 { "" } else { "s" }
        ));
    }
    if let Some(m) = &app.message {
        parts.push(display(m).into_owned());
    }
    if let Some(p) = &app.pending_key {
        parts.push(format!("{}…", display(p)));
    }
    let left = format!(" {}", parts.join(" │ "));
    let right = " ? help ";
    let style = theme::status(app.color);
    let buf = f.buffer_mut();
    buf.set_style(area, style);
    let rw = right.len() as u16;
    let lw = area.width.saturating_sub(rw);
    let (left, _) = view::truncate(&left, lw.saturating_sub(1) as usize);
    buf.set_stringn(area.x, area.y, &left, lw as usize, style);
    if area.width > rw + 20 {
        buf.set_stringn(area.x + lw, area.y, right, rw as usize, style);
    }
}

/// A centred rectangle of at most `w`×`h` inside `area`, one cell from its edges.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2));
    let h = h.min(area.height.saturating_sub(2));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn draw_warnings(f: &mut Frame, app: &App, area: Rect) {
    let ws = &app.corpus.warnings;
    let lines: Vec<Line> = if ws.is_empty() {
        vec![Line::raw(" No problems: every article loaded.")]
    } else {
        ws.iter()
            .map(|w| {
                Line::from(vec![
                    Span::styled(
                        format!(" {}: ", display(&w.path.display().to_string())),
                        Style::new().add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(display(&w.message)),
                ])
            })
            .collect()
    };
    let popup = centered(
        area,
        area.width.saturating_sub(8).max(20),
        lines.len() as u16 * 2 + 2,
    );
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::bordered()
                .title(format!(
                    " Problems loading {} ",
                    display(&app.corpus.root.display().to_string())
                ))
                .title_bottom(Line::from(" w or Esc to close ").right_aligned())
                .border_style(theme::border(true, app.color)),
        ),
        popup,
    );
}

/// The pair, counts, similarity and position; `compact` for narrow screens.
fn status_parts(app: &App, compact: bool) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    if !app.has_pair() {
        return parts;
    }
    parts.push(format!(
        "A {} ⇄ B {}",
        short_id(app, app.pair.0),
        short_id(app, app.pair.1)
    ));
    match app.comparison() {
        Some(Compared::Done(c)) => {
            let s = &c.stats;
            let counts = [
                (UnitKind::Same, s.same, "same"),
                (UnitKind::Changed, s.changed, "changed"),
                (UnitKind::OnlyA, s.only_a, "only A"),
                (UnitKind::OnlyB, s.only_b, "only B"),
                (UnitKind::Moved, s.moved, "moved"),
            ];
            let counts: Vec<String> = counts
                .iter()
                .map(|&(k, n, name)| {
                    if compact {
                        format!("{}{n}", view::mark(k))
                    } else {
                        format!("{} {n} {name}", view::mark(k))
                    }
                })
                .collect();
            parts.push(counts.join(if compact { " " } else { " · " }));
            parts.push(format!(
                "{:.0}%{}",
                s.similarity * 100.0,
                if compact { "" } else { " similar" }
            ));
            if let Some(v) = app.current_view() {
                let pos = app.change.map_or("–".to_string(), |k| (k + 1).to_string());
                parts.push(format!("change {pos}/{}", v.changes.len()));
            }
        }
        Some(Compared::Failed(_)) => parts.push("comparison failed".into()),
        None => parts.push("comparing…".into()),
    }
    parts
}

fn draw_help(f: &mut Frame, app: &App, area: Rect) {
    let rows = keymap::help_rows();
    let key_w = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut lines: Vec<Line> = rows
        .iter()
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(
                    format!(" {k:<key_w$}  "),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(*d),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    let marks = [
        (UnitKind::Same, "same"),
        (UnitKind::Changed, "changed"),
        (UnitKind::OnlyA, "only in A"),
        (UnitKind::OnlyB, "only in B"),
        (UnitKind::Moved, "moved"),
    ];
    let mut legend = vec![Span::raw(" Gutter: ")];
    for (k, name) in marks {
        legend.push(Span::styled(
            view::mark(k).to_string(),
            theme::style(view::Style::Mark(k), app.color),
        ));
        legend.push(Span::raw(format!(" {name}  ")));
    }
    lines.push(Line::from(legend));
    let mut words = vec![Span::raw(" Words: ")];
    for (role, name) in [
        (view::Style::Removed, "only in A"),
        (view::Style::Added, "only in B"),
    ] {
        words.push(Span::styled(name, theme::style(role, app.color)));
        words.push(Span::raw("  "));
    }
    lines.push(Line::from(words));
    let popup = centered(area, key_w as u16 + 64, lines.len() as u16 + 2);
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Keys ")
                .title_bottom(Line::from(" ? or Esc to close ").right_aligned())
                .border_style(theme::border(true, app.color)),
        ),
        popup,
    );
}
