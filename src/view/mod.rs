//! Rows → wrapped, aligned lines for a width; styles (pure, no ratatui).
//!
//! [`layout`] turns a [`Comparison`] of two articles into screen lines of a given total
//! width: A's column, a gutter, B's column. Each side of a row is wrapped by display width
//! (wide CJK characters, combining marks, words longer than the column); the shorter side
//! is padded so the next row starts level on both sides. Every line is exactly `width`
//! cells wide, made of [`Run`]s of text with a [`Style`] — a role, not a colour: the TUI
//! maps roles to ratatui styles and `parallax diff` maps them to ANSI escapes.
//!
//! All article text goes through [`crate::sanitize::display`] before it is measured, so the
//! widths computed here are the widths drawn.
//!
//! The gutter reads ` 12!~ 14 `: A's sentence number (1-based), a flag (`!` when the row
//! has a disagreement), the row mark ([`mark`]), B's sentence number. Numbers appear on the
//! line where each sentence starts; every sentence starts on a new line.

mod text;

use text::Wrapped;
pub use text::{Measured, display_width, grapheme_width, truncate};

use crate::align::UnitKind;
use crate::compare::{Comparison, Row, SegTag, Segment};
use crate::corpus::Article;
use crate::text::Span;
use serde::Serialize;

/// The role of a piece of the screen. Front ends map roles to colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Style {
    /// Ordinary text: words both sides share, padding.
    Text,
    /// Words of A that B does not have (in a matched row).
    Removed,
    /// Words of B that A does not have (in a matched row).
    Added,
    /// A sentence only A has.
    OnlyA,
    /// A sentence only B has.
    OnlyB,
    /// The "moved from" label of an out-of-order match.
    Moved,
    /// Tokens involved in a disagreement (numbers, quotes, names).
    Disagree,
    /// Boilerplate (captions, tags, site chrome): dimmed.
    Boilerplate,
    /// The blank opposite an unmatched sentence.
    Filler,
    /// Sentence numbers in the gutter.
    Gutter,
    /// The row mark in the gutter.
    Mark(UnitKind),
    /// The disagreement flag in the gutter.
    Flag,
    /// The header naming each side.
    Header,
    /// Separators (an appended story begins; folded boilerplate).
    Separator,
}

/// The one-character mark for a row kind, shown in the gutter.
pub fn mark(kind: UnitKind) -> char {
    match kind {
        UnitKind::Same => '=',
        UnitKind::Changed => '~',
        UnitKind::OnlyA => '<',
        UnitKind::OnlyB => '>',
        UnitKind::Moved => '↕',
    }
}

/// A piece of a line in one style. The text is display-safe (already sanitised).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run<'a> {
    pub text: &'a str,
    pub style: Style,
}

/// One screen line, exactly [`Geometry::width`] cells wide: display-safe text in one
/// buffer, with the style of each piece.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    /// The row of the comparison this line shows (None for gaps and separators).
    pub row: Option<usize>,
    text: String,
    /// The end (a byte offset into `text`) and style of each run, in order.
    ends: Vec<(u32, Style)>,
}

impl Line {
    /// An empty line for `row`.
    pub fn new(row: Option<usize>) -> Line {
        Line {
            row,
            text: String::new(),
            ends: Vec::new(),
        }
    }

    /// Append display-safe text in `style` (merged with the last run when the style is the same).
    pub fn push(&mut self, safe: &str, style: Style) {
        if safe.is_empty() {
            return;
        }
        self.text.push_str(safe);
        let end = self.text.len() as u32;
        match self.ends.last_mut() {
            Some((e, st)) if *st == style => *e = end,
            _ => self.ends.push((end, style)),
        }
    }

    /// An empty line with room for `bytes` of text and `runs` runs.
    pub fn with_capacity(row: Option<usize>, bytes: usize, runs: usize) -> Line {
        Line {
            row,
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(runs),
        }
    }

    /// Append `n` spaces in `style`.
    pub fn pad(&mut self, n: usize, style: Style) {
        if n == 0 {
            return;
        }
        const SPACES: &str = "                                                                ";
        let mut left = n;
        while left > 0 {
            let k = left.min(SPACES.len());
            self.text.push_str(&SPACES[..k]);
            left -= k;
        }
        let end = self.text.len() as u32;
        match self.ends.last_mut() {
            Some((e, st)) if *st == style => *e = end,
            _ => self.ends.push((end, style)),
        }
    }

    /// Append all of `other`'s runs.
    pub fn append(&mut self, other: &Line) {
        for r in other.runs() {
            self.push(r.text, r.style);
        }
    }

    /// The runs of the line, in order.
    pub fn runs(&self) -> impl Iterator<Item = Run<'_>> + '_ {
        let mut start = 0usize;
        self.ends.iter().map(move |&(end, style)| {
            let r = Run {
                text: &self.text[start..end as usize],
                style,
            };
            start = end as usize;
            r
        })
    }

    /// The line's text without styles.
    pub fn plain(&self) -> &str {
        &self.text
    }

    /// Display width of the line.
    pub fn width(&self) -> usize {
        display_width(&self.text)
    }

    /// The text between display columns `start` and `end` (graphemes that start there).
    pub fn columns(&self, start: usize, end: usize) -> &str {
        use unicode_segmentation::UnicodeSegmentation;
        let (mut col, mut from, mut to) = (0, None, self.text.len());
        for (i, g) in self.text.grapheme_indices(true) {
            if col >= start && from.is_none() {
                from = Some(i);
            }
            if col >= end {
                to = i;
                break;
            }
            col += grapheme_width(g);
        }
        let from = from.unwrap_or(self.text.len());
        &self.text[from..to.max(from)]
    }
}

impl Geometry {
    /// The sentence numbers (1-based) a line's gutter shows for A and B.
    pub fn numbers(&self, line: &Line) -> (Option<usize>, Option<usize>) {
        if self.num == 0 {
            return (None, None);
        }
        let g = line.columns(self.left, self.left + self.gutter());
        let parse = |s: Option<&str>| s.and_then(|s| s.trim().parse().ok());
        (
            parse(g.get(1..1 + self.num)),
            parse(g.get(g.len().saturating_sub(self.num + 1)..g.len().saturating_sub(1))),
        )
    }
}

/// Column geometry for a total width: A's column, the gutter, B's column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// Total width (at least 1).
    pub width: usize,
    /// Width of a sentence number in the gutter (0 in compact mode).
    pub num: usize,
    /// Width of A's column.
    pub left: usize,
    /// Width of B's column.
    pub right: usize,
}

impl Geometry {
    /// Geometry for `width` cells and sentence numbers up to `max_sentences`.
    /// Narrow widths drop the numbers, then the columns, never exceeding `width`.
    pub fn new(width: usize, max_sentences: usize) -> Geometry {
        let width = width.max(1);
        let num = max_sentences.max(1).to_string().len();
        let (num, gutter) = if width >= 2 * num + 5 + 2 {
            (num, 2 * num + 5)
        } else {
            (0, 2.min(width))
        };
        let cols = width - gutter;
        let left = cols / 2;
        Geometry {
            width,
            num,
            left,
            right: cols - left,
        }
    }

    /// Width of the gutter between the columns.
    pub fn gutter(&self) -> usize {
        self.width - self.left - self.right
    }

    /// The column (from the line start) of the disagreement flag in the gutter, if the
    /// gutter is wide enough to show one.
    pub fn flag_column(&self) -> Option<usize> {
        match self.gutter() {
            0 | 1 => None,
            2 => Some(self.left),
            _ => Some(self.left + 1 + self.num),
        }
    }
}

/// Options of [`layout`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Total width in cells.
    pub width: usize,
    /// Fold runs of rows that are boilerplate on both sides into one line.
    pub fold_boilerplate: bool,
    /// A blank line between rows.
    pub row_gap: bool,
}

impl LayoutOptions {
    pub fn new(width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            fold_boilerplate: false,
            row_gap: true,
        }
    }
}

/// A comparison laid out for one width.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffView {
    pub geometry: Geometry,
    pub options: LayoutOptions,
    pub lines: Vec<Line>,
    /// The first line of each row (a folded row points at its fold line).
    pub row_start: Vec<usize>,
    /// Rows that are changes (not `Same`), in order: targets of next/previous change. A run
    /// of rows folded away is one target, its first row.
    pub changes: Vec<usize>,
}

impl DiffView {
    /// The row shown on line `line`, or the nearest row below it (for gaps and separators).
    pub fn row_from(&self, line: usize) -> Option<usize> {
        self.lines
            .get(line..)?
            .iter()
            .find_map(|l| l.row)
            .or_else(|| self.row_at(line))
    }

    /// The row shown on line `line`, or the nearest row above it.
    pub fn row_at(&self, line: usize) -> Option<usize> {
        let line = line.min(self.lines.len().checked_sub(1)?);
        self.lines[..=line].iter().rev().find_map(|l| l.row)
    }
}

/// Lay out `cmp` (the comparison of `a` with `b`) for `opts.width` cells.
///
/// First the plan of every row (folded away or shown, moved labels, appended-story
/// separators); then the lines of the rows, in two runs of rows side by side where a fork is
/// cheap ([`crate::par::cheap_forks`]), each giving the lines [`lay_rows`] gives.
pub fn layout(a: &Article, b: &Article, cmp: &Comparison, opts: &LayoutOptions) -> DiffView {
    let max_sentences = a.doc.sentences.len().max(b.doc.sentences.len());
    let geo = Geometry::new(opts.width, max_sentences);
    let plan = plan_rows(a, b, cmp, opts);
    let dis = |side_a: bool| -> Vec<Span> {
        cmp.disagreements
            .iter()
            .flat_map(|d| if side_a { &d.a } else { &d.b }.iter().copied())
            .collect()
    };
    let ctx = RowsCtx {
        a,
        b,
        rows: &cmp.rows,
        plan: &plan,
        geo: &geo,
        opts,
        dis_a: dis(true),
        dis_b: dis(false),
        flagged: cmp.disagreements.iter().map(|d| d.row).collect(),
    };
    let n = cmp.rows.len();
    let cut = if n >= ROWS_SPLIT && crate::par::cheap_forks() {
        ctx.halfway()
    } else {
        n
    };
    let ((mut lines, mut row_start), (more, more_starts)) = crate::par::both(
        cut < n,
        || ctx.lay_rows(0..cut, false),
        || ctx.lay_rows(cut..n, cut > 0),
    );
    let offset = lines.len();
    lines.extend(more);
    row_start.extend(more_starts.into_iter().map(|l| l + offset));
    let changes = cmp
        .rows
        .iter()
        .enumerate()
        .filter(|&(i, row)| match plan[i] {
            RowPlan::Fold { end, .. } => cmp.rows[i..end].iter().any(Row::is_change),
            RowPlan::Folded => false,
            RowPlan::Shown { .. } => row.is_change(),
        })
        .map(|(i, _)| i)
        .collect();
    DiffView {
        geometry: geo,
        options: *opts,
        lines,
        row_start,
        changes,
    }
}

/// From this many rows on, [`layout`] lays out two runs of rows in parallel where a fork is
/// cheap.
const ROWS_SPLIT: usize = 8;

/// How a row is laid out.
#[derive(Clone, Copy, Debug, PartialEq)]
enum RowPlan {
    /// The first row of a folded run of boilerplate rows (up to row `end`, excluded), with
    /// the number of sentences folded. (A folded run is one stop for next/previous change:
    /// its first row.)
    Fold { end: usize, sentences: usize },
    /// A row inside a folded run, after its first.
    Folded,
    /// A row shown: the side whose sentence is labelled "moved from" (if any), and the
    /// appended story (part) of A and of B that starts with it (if any).
    Shown {
        moved: Option<char>,
        part_a: Option<u16>,
        part_b: Option<u16>,
    },
}

/// The plan of every row: folded runs (runs of rows that are boilerplate on every sentence
/// of both sides, when folding); for each row shown, which side is out of reading order and
/// which appended story starts there.
fn plan_rows(a: &Article, b: &Article, cmp: &Comparison, opts: &LayoutOptions) -> Vec<RowPlan> {
    let mut plan = Vec::with_capacity(cmp.rows.len());
    let (mut seen_a, mut seen_b): (Option<usize>, Option<usize>) = (None, None);
    let (mut part_a, mut part_b) = (0u16, 0u16);
    let mut r = 0;
    while r < cmp.rows.len() {
        let row = &cmp.rows[r];
        if opts.fold_boilerplate && all_boilerplate(a, b, row) {
            let mut end = r;
            let mut n = 0;
            while end < cmp.rows.len() && all_boilerplate(a, b, &cmp.rows[end]) {
                n += cmp.rows[end].a.len() + cmp.rows[end].b.len();
                end += 1;
            }
            plan.push(RowPlan::Fold { end, sentences: n });
            plan.resize(end, RowPlan::Folded);
            for row in &cmp.rows[r..end] {
                seen_a = row.a.iter().copied().max().max(seen_a);
                seen_b = row.b.iter().copied().max().max(seen_b);
            }
            r = end;
            continue;
        }
        // Which side is out of reading order (for the "moved from" label).
        let back =
            |idx: &[usize], seen: Option<usize>| idx.first().zip(seen).is_some_and(|(&i, s)| i < s);
        let moved = match row.kind {
            UnitKind::Moved if back(&row.a, seen_a) && !back(&row.b, seen_b) => Some('A'),
            UnitKind::Moved => Some('B'),
            _ => None,
        };
        // An appended story starts when a side's first sentence is in a later part.
        let starts = |idx: &[usize], art: &Article, part: &mut u16| {
            let p = idx.first().and_then(|&i| art.part.get(i)).copied()?;
            (p > *part).then(|| {
                *part = p;
                p
            })
        };
        plan.push(RowPlan::Shown {
            moved,
            part_a: starts(&row.a, a, &mut part_a),
            part_b: starts(&row.b, b, &mut part_b),
        });
        seen_a = row.a.iter().copied().max().max(seen_a);
        seen_b = row.b.iter().copied().max().max(seen_b);
        r += 1;
    }
    plan
}

/// What laying out rows needs ([`layout`]).
struct RowsCtx<'c> {
    a: &'c Article,
    b: &'c Article,
    rows: &'c [Row],
    plan: &'c [RowPlan],
    geo: &'c Geometry,
    opts: &'c LayoutOptions,
    /// Each side's disagreement spans: painted wherever they fall, as a disagreement's two
    /// sides may lie in different rows (a number in a matched sentence against one in an
    /// unmatched one).
    dis_a: Vec<Span>,
    dis_b: Vec<Span>,
    /// Rows holding a disagreement.
    flagged: std::collections::HashSet<usize>,
}

impl RowsCtx<'_> {
    /// A row where the rows before it and the rows from it have about as much text each,
    /// not inside a folded run (0 for none).
    fn halfway(&self) -> usize {
        let size = |r: &Row| -> usize {
            let len = |art: &Article, idx: &[usize]| -> usize {
                idx.iter()
                    .filter_map(|&i| art.doc.sentences.get(i))
                    .map(|s| s.span.end - s.span.start)
                    .sum()
            };
            len(self.a, &r.a) + len(self.b, &r.b)
        };
        let total: usize = self.rows.iter().map(size).sum();
        let mut sum = 0;
        for (r, row) in self.rows.iter().enumerate() {
            if sum * 2 >= total && self.plan[r] != RowPlan::Folded {
                return r;
            }
            sum += size(row);
        }
        0
    }

    /// The lines of `rows`, and the first line of each of them (a folded row: its fold
    /// line). `after`: lines come before these (so the first row gets its gap line).
    fn lay_rows(&self, rows: std::ops::Range<usize>, after: bool) -> (Vec<Line>, Vec<usize>) {
        let (a, b, geo, opts) = (self.a, self.b, self.geo, self.opts);
        let mut lines: Vec<Line> = Vec::new();
        let mut row_start = Vec::with_capacity(rows.len());
        let gap = |lines: &mut Vec<Line>| {
            if opts.row_gap && (after || !lines.is_empty()) {
                lines.push(blank(geo));
            }
        };
        // One buffer for measuring every sentence, one for each side's wrapped lines and one
        // for painting a sentence, reused from row to row.
        let mut measured = Measured::new();
        let (mut left, mut right) = (Cell::default(), Cell::default());
        let mut points = Vec::new();
        for r in rows {
            let row = &self.rows[r];
            let (moved, part_a, part_b) = match self.plan[r] {
                RowPlan::Fold { end, sentences: n } => {
                    gap(&mut lines);
                    row_start.extend(std::iter::repeat_n(lines.len(), end - r));
                    let s = if n == 1 { "" } else { "s" };
                    lines.push(separator(
                        geo,
                        Some(r),
                        &format!("⋯ {n} boilerplate sentence{s} folded"),
                        ' ',
                    ));
                    continue;
                }
                RowPlan::Folded => continue,
                RowPlan::Shown {
                    moved,
                    part_a,
                    part_b,
                } => (moved, part_a, part_b),
            };
            // An appended story starts: a separator naming the side.
            for (side, part) in [('A', part_a), ('B', part_b)] {
                if let Some(p) = part {
                    gap(&mut lines);
                    lines.push(separator(
                        geo,
                        None,
                        &format!("── {side}: appended story (part {}) ", p + 1),
                        '─',
                    ));
                }
            }
            gap(&mut lines);
            row_start.push(lines.len());
            for (cell, is_a) in [(&mut left, true), (&mut right, false)] {
                let (art, idx, segments, dis, side, width) = if is_a {
                    (a, &row.a, &row.a_segments, &self.dis_a, 'A', geo.left)
                } else {
                    (b, &row.b, &row.b_segments, &self.dis_b, 'B', geo.right)
                };
                side_cell(
                    cell,
                    &mut measured,
                    &mut points,
                    art,
                    idx,
                    segments,
                    row.kind,
                    is_a,
                    dis,
                    (moved == Some(side)).then_some(side),
                    width,
                );
            }
            let n = left.len().max(right.len()).max(1);
            for k in 0..n {
                let mut line = Line::with_capacity(Some(r), geo.width.min(1024) * 3 / 2, 10);
                cell(&mut line, &left, k, geo.left, row.a.is_empty());
                gutter(
                    &mut line,
                    geo,
                    left.number(k),
                    right.number(k),
                    (k == 0).then_some(row.kind),
                    k == 0 && self.flagged.contains(&r),
                );
                cell(&mut line, &right, k, geo.right, row.b.is_empty());
                lines.push(line);
            }
        }
        (lines, row_start)
    }
}

/// The header line naming each side, laid out on the same columns as the rows.
/// Labels are untrusted (titles) and are sanitised here.
pub fn header(geo: &Geometry, left: &str, right: &str) -> Line {
    let mut line = Line::new(None);
    for (label, w, last) in [(left, geo.left, false), (right, geo.right, true)] {
        let (t, tw) = truncate(&crate::sanitize::display_line(&one_line(label)), w);
        line.push(&t, Style::Header);
        line.pad(w - tw, Style::Header);
        if !last {
            line.pad(geo.gutter(), Style::Header);
        }
    }
    line
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_boilerplate(a: &Article, b: &Article, row: &Row) -> bool {
    let bp = |art: &Article, i: &usize| art.boilerplate.get(*i).is_some_and(Option::is_some);
    (!row.a.is_empty() || !row.b.is_empty())
        && row.a.iter().all(|i| bp(a, i))
        && row.b.iter().all(|i| bp(b, i))
}

/// The wrapped lines of one side of a row, with the sentence number (1-based) starting on
/// each line.
#[derive(Default)]
struct Cell {
    lines: Wrapped,
    numbers: Vec<Option<usize>>,
}

impl Cell {
    fn len(&self) -> usize {
        self.lines.len()
    }

    /// The sentence number starting on line `k` (None past the last line).
    fn number(&self, k: usize) -> Option<usize> {
        self.numbers.get(k).copied().flatten()
    }
}

/// Lay out one side of a row into `out` (emptied first).
#[allow(clippy::too_many_arguments)]
fn side_cell(
    out: &mut Cell,
    m: &mut Measured,
    points: &mut Vec<usize>,
    art: &Article,
    idx: &[usize],
    segments: &[Segment],
    kind: UnitKind,
    is_a: bool,
    disagree: &[Span],
    moved_label: Option<char>,
    width: usize,
) {
    out.lines.clear();
    out.numbers.clear();
    let (changed, base) = match (kind, is_a) {
        (UnitKind::OnlyA, _) => (Style::OnlyA, Style::OnlyA),
        (UnitKind::OnlyB, _) => (Style::OnlyB, Style::OnlyB),
        (_, true) => (Style::Removed, Style::Text),
        (_, false) => (Style::Added, Style::Text),
    };
    for (n, &si) in idx.iter().enumerate() {
        let Some(sentence) = art.doc.sentences.get(si) else {
            continue;
        };
        let span = sentence.span;
        let boiler = art.boilerplate.get(si).is_some_and(Option::is_some);
        m.clear();
        if n == 0
            && let Some(side) = moved_label
        {
            m.push(&format!("from {side}#{} › ", si + 1), Style::Moved);
        }
        let paint_style = |style| if boiler { Style::Boilerplate } else { style };
        paint(
            &art.text,
            span,
            segments,
            disagree,
            (changed, base),
            points,
            |piece, style| m.push(piece, paint_style(style)),
        );
        // The sentence starts on a new line, which shows its number.
        let first = out.lines.len();
        if width == 0 {
            out.lines.push_empty();
        } else {
            m.wrap_into(width, &mut out.lines);
        }
        out.numbers.push(Some(si + 1));
        out.numbers.resize(out.lines.len().max(first + 1), None);
    }
}

/// Split the sentence `span` of `text` into styled pieces: `changed` where a `Changed`
/// segment covers it, `Disagree` where a disagreement span does, `base` elsewhere.
/// Each piece goes to `piece` in order; `points` is a buffer.
fn paint(
    text: &str,
    span: Span,
    segments: &[Segment],
    disagree: &[Span],
    (changed, base): (Style, Style),
    points: &mut Vec<usize>,
    mut piece: impl FnMut(&str, Style),
) {
    let floor = |mut p: usize| {
        p = p.min(text.len());
        while !text.is_char_boundary(p) {
            p -= 1;
        }
        p
    };
    let (s, e) = (floor(span.start), floor(span.end));
    points.clear();
    points.extend([s, e]);
    let inside = |p: usize| p > s && p < e;
    for sp in segments
        .iter()
        .map(|g| g.span)
        .chain(disagree.iter().copied())
    {
        for p in [sp.start, sp.end] {
            let p = floor(p);
            if inside(p) {
                points.push(p);
            }
        }
    }
    points.sort_unstable();
    points.dedup();
    let covers = |sp: &Span, p: usize, q: usize| sp.start <= p && q <= sp.end;
    for w in points.windows(2) {
        let (p, q) = (w[0], w[1]);
        let style = if disagree.iter().any(|d| covers(d, p, q)) {
            Style::Disagree
        } else if segments
            .iter()
            .any(|g| g.tag == SegTag::Changed && covers(&g.span, p, q))
        {
            changed
        } else {
            base
        };
        piece(&text[p..q], style);
    }
}

/// Append line `k` of one side (`width` cells wide) to `out`, padded; past the side's last
/// line, blank (filler when the side has no sentence in this row: `missing`).
fn cell(out: &mut Line, side: &Cell, k: usize, width: usize, missing: bool) {
    if k < side.len() {
        side.lines.append_line(k, out);
        out.pad(width.saturating_sub(side.lines.width(k)), Style::Text);
    } else {
        out.pad(width, if missing { Style::Filler } else { Style::Text });
    }
}

fn gutter(
    out: &mut Line,
    geo: &Geometry,
    na: Option<usize>,
    nb: Option<usize>,
    kind: Option<UnitKind>,
    flag: bool,
) {
    // A sentence number in `geo.num` cells (right- or left-aligned, as `{n:>w$}` /
    // `{n:<w$}` write it), pushed straight onto the line: pieces of one style pushed in
    // turn make the same run as their concatenation.
    let num = |n: Option<usize>, right: bool, out: &mut Line| {
        let Some(n) = n else {
            out.pad(geo.num, Style::Gutter);
            return;
        };
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut v = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        let text = std::str::from_utf8(&digits[at..]).unwrap_or_default();
        let fill = geo.num.saturating_sub(text.len());
        if right {
            out.pad(fill, Style::Gutter);
        }
        out.push(text, Style::Gutter);
        if !right {
            out.pad(fill, Style::Gutter);
        }
    };
    let mut buf = [0u8; 4];
    let mark_text: &str = kind.map_or(' ', mark).encode_utf8(&mut buf);
    let mark_style = kind.map_or(Style::Gutter, Style::Mark);
    let (flag_text, flag_style) = if flag {
        ("!", Style::Flag)
    } else {
        (" ", Style::Gutter)
    };
    match geo.gutter() {
        0 => {}
        1 => out.push(mark_text, mark_style),
        2 => {
            out.push(flag_text, flag_style);
            out.push(mark_text, mark_style);
        }
        _ => {
            out.push(" ", Style::Gutter);
            num(na, true, out);
            out.push(flag_text, flag_style);
            out.push(mark_text, mark_style);
            out.push(" ", Style::Gutter);
            num(nb, false, out);
            out.push(" ", Style::Gutter);
        }
    }
}

fn blank(geo: &Geometry) -> Line {
    let mut line = Line::with_capacity(None, geo.width, 1);
    line.pad(geo.width, Style::Text);
    line
}

fn separator(geo: &Geometry, row: Option<usize>, label: &str, fill: char) -> Line {
    let (mut t, w) = truncate(label, geo.width);
    t.extend(std::iter::repeat_n(fill, geo.width - w));
    let mut line = Line::new(row);
    line.push(&t, Style::Separator);
    line
}

#[cfg(test)]
mod tests;
