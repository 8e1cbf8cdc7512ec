//! Drawing: a function of the app state. Panes: the article list, the diff, the
//! status line, and the help overlay.

use super::app::{App, Compared, Focus, Overlay};
use super::keymap;
use super::theme;
use crate::align::UnitKind;
use crate::corpus::Article;
use crate::review::Verdict;
use crate::sanitize::{display, display_line};
use crate::view::{self, DiffView};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState, Paragraph, Wrap};
use std::collections::HashMap;

/// Below this size the reader asks for a bigger terminal instead of drawing.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// From this width on, the list and the diff are shown side by side;
/// below it, only the focused pane is.
pub const TWO_PANE_WIDTH: u16 = 100;

/// Draw the whole screen.
pub fn draw(f: &mut Frame, app: &mut App) {
    let area = f.area();
    app.too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
    if app.too_small {
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
        Some(Overlay::Disagreements) => draw_panel(f, app, main),
        Some(Overlay::Claims) => draw_claims(f, app, area),
        None => {}
    }
    if app.note.is_some() {
        draw_note(f, app, area);
    }
}

/// The gutter character of a review: `!` not reviewed, `✓` confirmed, `✗` dismissed.
pub fn verdict_char(v: Option<Verdict>) -> char {
    match v {
        None => '!',
        Some(Verdict::Confirmed) => '✓',
        Some(Verdict::Dismissed) => '✗',
    }
}

/// The review state of each row with disagreements: unreviewed if any of its
/// disagreements is, else confirmed if any is, else dismissed.
fn row_flags(app: &mut App) -> HashMap<usize, Option<Verdict>> {
    let reviews = app.reviews();
    let mut flags: HashMap<usize, Vec<Option<Verdict>>> = HashMap::new();
    for (k, d) in app.disagreements().iter().enumerate() {
        let v = reviews.get(k).cloned().flatten().map(|r| r.verdict);
        flags.entry(d.row).or_default().push(v);
    }
    flags
        .into_iter()
        .map(|(row, vs)| {
            let v = if vs.contains(&None) {
                None
            } else if vs.contains(&Some(Verdict::Confirmed)) {
                Some(Verdict::Confirmed)
            } else {
                Some(Verdict::Dismissed)
            };
            (row, v)
        })
        .collect()
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
    facts.push(a.length().to_string());
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
    let scroll = app.scroll;
    let current_dis = app
        .disagreement
        .and_then(|k| app.disagreements().get(k))
        .map(|d| d.row);
    let flags = row_flags(app);
    let buf = f.buffer_mut();
    draw_body(buf, body, &v, scroll, current, color);
    // Each flagged row's gutter flag shows its review; the current disagreement's is reversed.
    if let Some(col) = v.geometry.flag_column() {
        for (k, line) in v
            .lines
            .iter()
            .enumerate()
            .skip(scroll)
            .take(body.height as usize)
        {
            let Some(r) = line.row else { continue };
            if v.row_start.get(r) != Some(&k) {
                continue;
            }
            let Some(verdict) = flags.get(&r) else {
                continue;
            };
            let mut st = theme::verdict_flag(*verdict, color);
            if current_dis == Some(r) {
                st = st.add_modifier(Modifier::REVERSED);
            }
            let (x, y) = (body.x + col as u16, body.y + (k - scroll) as u16);
            if x < body.right() {
                buf[(x, y)].set_char(verdict_char(*verdict)).set_style(st);
            }
        }
    }
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
    // What just happened (a message, a key sequence in progress, problems) is shown whole;
    // the pair's figures take the room left (long form, compact form, then cut).
    let mut extras: Vec<String> = Vec::new();
    let nw = app.corpus.warnings.len() + app.problems.len();
    if nw > 0 {
        extras.push(format!(
            "⚠ {nw} problem{} (w)",
            if nw == 1 { "" } else { "s" }
        ));
    }
    if let Some(m) = &app.message {
        extras.push(display_line(m).into_owned());
    }
    if let Some(p) = &app.pending_key {
        extras.push(format!("{}…", display_line(p)));
    }
    let right = " ? help ";
    let rw = right.len() as u16;
    let lw = area.width.saturating_sub(rw);
    let room = lw.saturating_sub(1) as usize;
    let extra = extras.join(" │ ");
    let extra_w = if extras.is_empty() {
        0
    } else {
        view::display_width(&extra) + 3
    };
    let long = status_parts(app, false).join(" │ ");
    let fits = |s: &str| view::display_width(s) + extra_w < room;
    let stats = if fits(&long) {
        long
    } else {
        // compact counts; then "disagreement 1/3" as "! 1/3"
        let compact = status_parts(app, true).join(" │ ");
        if fits(&compact) {
            compact
        } else {
            compact.replacen("disagreement ", "! ", 1)
        }
    };
    let (stats, _) = view::truncate(&stats, room.saturating_sub(extra_w + 1).max(12));
    let left = match (stats.is_empty(), extras.is_empty()) {
        (_, true) => format!(" {stats}"),
        (true, false) => format!(" {extra}"),
        (false, false) => format!(" {stats} │ {extra}"),
    };
    let style = theme::status(app.color);
    let buf = f.buffer_mut();
    buf.set_style(area, style);
    let (left, _) = view::truncate(&left, room);
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

fn draw_warnings(f: &mut Frame, app: &mut App, area: Rect) {
    let ws = &app.corpus.warnings;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = if ws.is_empty() && app.problems.is_empty() {
        vec![Line::raw(" No problems: every article loaded.")]
    } else {
        ws.iter()
            .map(|w| {
                Line::from(vec![
                    Span::styled(
                        format!(" {}: ", display_line(&w.path.display().to_string())),
                        bold,
                    ),
                    Span::raw(display_line(&w.message).into_owned()),
                ])
            })
            .collect()
    };
    for p in &app.problems {
        lines.push(Line::from(vec![
            Span::styled(" review notes: ", bold),
            Span::raw(display_line(p).into_owned()),
        ]));
    }
    let popup = centered(
        area,
        area.width.saturating_sub(8).max(20),
        (lines.len() as u16).saturating_mul(2).saturating_add(2),
    );
    let block = Block::bordered()
        .title(format!(
            " Problems loading {} ",
            display_line(&app.corpus.root.display().to_string())
        ))
        .title_bottom(Line::from(" w or Esc to close ").right_aligned())
        .border_style(theme::border(true, app.color));
    let inner = block.inner(popup);
    f.render_widget(Clear, popup);
    f.render_widget(block, popup);
    // Scroll by problem: each may wrap over several lines.
    app.overlay_scroll = app.overlay_scroll.min(lines.len().saturating_sub(1));
    let lines: Vec<Line> = lines.into_iter().skip(app.overlay_scroll).collect();
    f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
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
            let n = c.disagreements.len();
            match app.disagreement {
                Some(k) => parts.push(format!("disagreement {}/{n}", k + 1)),
                None if n > 0 && compact => parts.push(format!("!{n}")),
                None if n > 0 => parts.push(format!(
                    "{n} disagreement{} (d, p)",
                    if n == 1 { "" } else { "s" }
                )),
                None => {}
            }
        }
        Some(Compared::Failed(_)) => parts.push("comparison failed".into()),
        None => parts.push("comparing…".into()),
    }
    if let Some(p) = &app.review_path {
        let shown = if compact {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        } else {
            p.display().to_string()
        };
        parts.push(format!("review {}", display_line(&shown)));
    }
    parts
}

fn draw_help(f: &mut Frame, app: &mut App, area: Rect) {
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
        (view::Style::Disagree, "disagreement"),
    ] {
        words.push(Span::styled(name, theme::style(role, app.color)));
        words.push(Span::raw("  "));
    }
    lines.push(Line::from(words));
    let mut flags = vec![Span::raw(" Flags: ")];
    for (v, name) in [
        (None, "disagreement"),
        (Some(Verdict::Confirmed), "confirmed"),
        (Some(Verdict::Dismissed), "dismissed"),
    ] {
        flags.push(Span::styled(
            verdict_char(v).to_string(),
            theme::verdict_flag(v, app.color),
        ));
        flags.push(Span::raw(format!(" {name}  ")));
    }
    lines.push(Line::from(flags));
    let popup = centered(area, key_w as u16 + 70, lines.len() as u16 + 2);
    // Taller than the screen: it scrolls (j/k, PgDn/PgUp, g/G), and says so.
    let shown = popup.height.saturating_sub(2) as usize;
    let max = lines.len().saturating_sub(shown);
    app.overlay_scroll = app.overlay_scroll.min(max);
    let close = if max == 0 {
        " ? or Esc to close ".to_string()
    } else {
        let below = max - app.overlay_scroll;
        format!(
            " {} j/k scroll · ? or Esc to close ",
            if below > 0 {
                format!("↓ {below} more ·")
            } else {
                "↑ top: g ·".to_string()
            }
        )
    };
    let lines: Vec<Line> = lines.into_iter().skip(app.overlay_scroll).collect();
    f.render_widget(Clear, popup);
    f.render_widget(
        Paragraph::new(lines).block(
            Block::bordered()
                .title(" Keys ")
                .title_bottom(Line::from(close).right_aligned())
                .border_style(theme::border(true, app.color)),
        ),
        popup,
    );
}

/// The disagreements panel: the lower part of `area`, one line per disagreement of the
/// current pair with its kind, summary and review.
fn draw_panel(f: &mut Frame, app: &mut App, area: Rect) {
    let n = app.disagreements().len();
    // The current disagreement in full, wrapped below the list when its line is cut there
    // (B's value was often what the panel edge cut off).
    let detail = app
        .disagreement
        .and_then(|k| app.disagreements().get(k).map(|d| (k, d)))
        .map(|(k, d)| {
            format!(
                " {}. {}: {}",
                k + 1,
                crate::report::kind_label(d.kind),
                display_line(&one_line(&d.summary))
            )
        });
    let inner_w = area.width.saturating_sub(2).max(1) as usize;
    let detail_h = detail
        .as_deref()
        .map(view::display_width)
        .filter(|&w| w + 12 > inner_w)
        .map_or(0, |w| (w.div_ceil(inner_w) as u16).min(4));
    let want = n.max(1) as u16 + 2 + detail_h;
    let h = want.min((area.height / 2).max(area.height.min(5)));
    if h < 3 || area.width < 10 {
        return;
    }
    let popup = Rect {
        y: area.y + area.height - h,
        height: h,
        ..area
    };
    let title = if app.has_pair() {
        format!(
            " Disagreements · A {} ⇄ B {} · {n} ",
            short_id(app, app.pair.0),
            short_id(app, app.pair.1)
        )
    } else {
        " Disagreements ".into()
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(
            Line::from(" Enter go · c confirm · x dismiss · e note · u forget · p close ")
                .right_aligned(),
        )
        .border_style(theme::border(true, app.color));
    f.render_widget(Clear, popup);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    if n == 0 {
        let msg = match app.comparison() {
            Some(Compared::Done(_)) => " No disagreements found in this pair.",
            Some(Compared::Failed(_)) => " The comparison failed.",
            None => " comparing…",
        };
        f.render_widget(Paragraph::new(msg), inner);
        return;
    }
    let reviews = app.reviews();
    let kind_w = app
        .disagreements()
        .iter()
        .map(|d| crate::report::kind_label(d.kind).len())
        .max()
        .unwrap_or(0);
    let items: Vec<ListItem> = app
        .disagreements()
        .iter()
        .enumerate()
        .map(|(k, d)| {
            let review = reviews.get(k).cloned().flatten();
            let verdict = review.as_ref().map(|r| r.verdict);
            let mut spans = vec![
                Span::raw(format!(" {:>2} ", k + 1)),
                Span::styled(
                    verdict_char(verdict).to_string(),
                    theme::verdict_flag(verdict, app.color),
                ),
                Span::styled(
                    format!(" {:<kind_w$} ", crate::report::kind_label(d.kind)),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(display_line(&one_line(&d.summary)).into_owned()),
            ];
            if let Some(r) = review {
                let mut s = format!("  [{}", r.verdict.as_str());
                if !r.note.is_empty() {
                    s.push_str(": ");
                    s.push_str(&display_line(&one_line(&r.note)));
                }
                s.push(']');
                spans.push(Span::styled(s, theme::verdict_flag(verdict, app.color)));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list = List::new(items).highlight_style(theme::selected(app.color));
    let mut state = ListState::default().with_selected(app.disagreement);
    // (the detail only when the list keeps a line of its own)
    let detail_h = if inner.height > detail_h { detail_h } else { 0 };
    let [list_area, detail_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_h)]).areas(inner);
    f.render_stateful_widget(list, list_area, &mut state);
    if let Some(text) = detail.filter(|_| detail_h > 0) {
        f.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .style(Style::new().add_modifier(Modifier::ITALIC)),
            detail_area,
        );
    }
}

/// Clamp an overlay's scroll to its content and return the visible lines.
fn scrolled<'a>(app: &mut App, lines: Vec<Line<'a>>, height: u16) -> Vec<Line<'a>> {
    let max = lines.len().saturating_sub(height as usize);
    app.overlay_scroll = app.overlay_scroll.min(max);
    lines.into_iter().skip(app.overlay_scroll).collect()
}

/// The claims table: for each claim (what is counted or measured), what every article says.
fn draw_claims(f: &mut Frame, app: &mut App, area: Rect) {
    let popup = centered(area, area.width.saturating_sub(4), area.height);
    if popup.width < 3 || popup.height < 3 {
        return;
    }
    let block = Block::bordered()
        .title(" Claims: what every article says ")
        .title_bottom(Line::from(" j/k scroll · v or Esc to close ").right_aligned())
        .border_style(theme::border(true, app.color));
    let inner = block.inner(popup);
    f.render_widget(Clear, popup);
    f.render_widget(block, popup);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let groups = match &app.claims {
        super::app::ClaimsState::Ready(g) => g.clone(),
        super::app::ClaimsState::Failed(e) => {
            f.render_widget(Paragraph::new(display(e).into_owned()), inner);
            return;
        }
        _ => {
            f.render_widget(
                Paragraph::new(" reading the claims of every article…"),
                inner,
            );
            return;
        }
    };
    let mut lines: Vec<Line> = Vec::new();
    if groups.is_empty() {
        lines.push(Line::raw(
            " No claim is made by more than one article (numbers about the same thing).",
        ));
    }
    let id_w = groups
        .iter()
        .flat_map(|g| &g.entries)
        .map(|e| view::display_width(&short_id(app, e.article)))
        .max()
        .unwrap_or(0)
        .min(24);
    for g in groups.iter() {
        let mut head = vec![Span::styled(
            format!(
                " {} ({}) · {} articles",
                display_line(&g.key),
                format!("{:?}", g.kind).to_lowercase(),
                g.articles
            ),
            bold,
        )];
        if g.conflict {
            head.push(Span::styled(
                "  ⚠ cannot all hold",
                theme::style(view::Style::Flag, app.color),
            ));
        }
        lines.push(Line::from(head));
        for e in &g.entries {
            let id = short_id(app, e.article);
            let (id, idw) = view::truncate(&id, id_w);
            let value = display_line(&one_line(&e.text)).into_owned();
            let (value, vw) = view::truncate(&value, 20);
            lines.push(Line::from(vec![
                Span::raw(format!("   {id}{}  ", " ".repeat(id_w - idw))),
                Span::styled(
                    format!("{value}{}", " ".repeat(20 - vw)),
                    theme::style(view::Style::Disagree, app.color),
                ),
                Span::raw(format!("  {}", display_line(&one_line(&e.phrase)))),
            ]));
        }
        lines.push(Line::raw(""));
    }
    let lines = scrolled(app, lines, inner.height);
    f.render_widget(Paragraph::new(lines), inner);
}

/// The note popup: a one-line text input on the current disagreement.
fn draw_note(f: &mut Frame, app: &App, area: Rect) {
    let Some(note) = &app.note else { return };
    let popup = centered(area, 76, 5);
    if popup.width < 6 || popup.height < 3 {
        return;
    }
    let n = app.disagreements().len();
    let block = Block::bordered()
        .title(format!(
            " Note · disagreement {}/{n} · {} (Tab switches) ",
            note.target + 1,
            note.verdict.as_str()
        ))
        .title_bottom(Line::from(" Enter save · Esc cancel ").right_aligned())
        .border_style(theme::border(true, app.color));
    let inner = block.inner(popup);
    f.render_widget(Clear, popup);
    f.render_widget(block, popup);
    let mut lines = Vec::new();
    if inner.height >= 2
        && let Some(d) = app.disagreements().get(note.target)
    {
        let (s, _) = view::truncate(
            &format!(" {}", display_line(&one_line(&d.summary))),
            inner.width as usize,
        );
        lines.push(Line::styled(s, Style::new().add_modifier(Modifier::DIM)));
    }
    // The text around the cursor: as much before it as fits, the cursor cell, then the rest.
    let w = (inner.width as usize).saturating_sub(3);
    let before: String = note.text.chars().take(note.cursor).collect();
    let at: String = note.text.chars().skip(note.cursor).take(1).collect();
    let after: String = note.text.chars().skip(note.cursor + 1).collect();
    let before = display_line(&before).into_owned();
    let mut shown = before.as_str();
    while view::display_width(shown) > w.saturating_sub(1) && !shown.is_empty() {
        let mut cut = 1;
        while !shown.is_char_boundary(cut) {
            cut += 1;
        }
        shown = &shown[cut..];
    }
    let at = display_line(&at).into_owned();
    let cursor = if at.is_empty() || view::display_width(&at) == 0 {
        " ".to_string()
    } else {
        at
    };
    let rest = w.saturating_sub(view::display_width(shown) + view::display_width(&cursor));
    let (after, _) = view::truncate(&display_line(&after), rest);
    lines.push(Line::from(vec![
        Span::raw(" > "),
        Span::raw(shown.to_string()),
        Span::styled(cursor, Style::new().add_modifier(Modifier::REVERSED)),
        Span::raw(after),
    ]));
    f.render_widget(Paragraph::new(lines), inner);
}
