//! `parallax diff A B`: the aligned, side-by-side comparison on standard output.

use anyhow::bail;
use parallax::align::UnitKind;
use parallax::compare::{Comparison, SegTag};
use parallax::corpus::Article;
use parallax::view::{self, LayoutOptions, Style};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// When to colour the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Only on a terminal, with `NO_COLOR` unset or empty and `TERM` not `dumb`.
    Auto,
    /// Always (an explicit request overrides `NO_COLOR`).
    Always,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article A: a path to a file, or an id in the corpus (e.g. `003`).
    a: std::ffi::OsString,
    /// Article B: a path to a file, or an id in the corpus.
    b: std::ffi::OsString,
    /// Print rows with spans, kinds, scores and word segments as JSON (pure ASCII).
    #[arg(long)]
    json: bool,
    /// Total output width in columns (default: the terminal's — $COLUMNS, else 100, when it
    /// reports none —, or 100 when the output is not a terminal).
    #[arg(long, value_name = "N")]
    width: Option<usize>,
    /// Corpus directory that ids refer to (default: the bundled corpus).
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// Colour the output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    color: ColorChoice,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // (this thread runs the comparison: in place on the pool, see `par`)
    parallax::par::adopt_current_thread();
    if args.width == Some(0) {
        bail!("--width must be at least 1");
    }
    // Resolved like `report` does: a file path, or an id in the corpus.
    let super::Pair { a, b, .. } = super::resolve_pair(&args.a, &args.b, args.corpus.as_deref())?;
    let cmp = parallax::par::on_pool(|| parallax::compare::compare(&a, &b));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        write_json(&mut out, &a, &b, &cmp)?;
    } else {
        let tty = std::io::stdout().is_terminal();
        // A terminal that reports no width (0 columns: some pseudo-terminals) has an unknown
        // one: $COLUMNS if set, else 100, as when the output is no terminal.
        let width = args.width.unwrap_or_else(|| {
            let columns = || {
                std::env::var("COLUMNS")
                    .ok()
                    .and_then(|c| c.trim().parse().ok())
                    .filter(|&w: &usize| w > 0)
            };
            tty.then(|| {
                crossterm::terminal::size()
                    .ok()
                    .map(|(w, _)| w as usize)
                    .filter(|&w| w > 0)
                    .or_else(columns)
            })
            .flatten()
            .unwrap_or(100)
        });
        let color = match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && color_allowed(),
        };
        write_text(&mut out, &a, &b, &cmp, width, color)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `NO_COLOR` unset or empty, and `TERM` not `dumb`.
fn color_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

fn label(side: char, a: &Article) -> String {
    let mut s = format!("{side} {}", a.meta.id);
    if let Some(o) = &a.meta.outlet {
        s.push_str(" · ");
        s.push_str(o);
    }
    if let Some(d) = &a.meta.published {
        s.push_str(" · ");
        s.push_str(d);
    }
    s.push_str(" · ");
    s.push_str(&a.meta.title);
    s
}

fn write_text(
    out: &mut impl Write,
    a: &Article,
    b: &Article,
    cmp: &Comparison,
    width: usize,
    color: bool,
) -> std::io::Result<()> {
    let v = view::layout(a, b, cmp, &LayoutOptions::new(width));
    let header = view::header(&v.geometry, &label('A', a), &label('B', b));
    let mut rule = view::Line::new(None);
    rule.push(&"─".repeat(v.geometry.width), Style::Separator);
    for line in std::iter::once(&header)
        .chain(std::iter::once(&rule))
        .chain(&v.lines)
    {
        write_line(out, line, color)?;
    }
    let s = &cmp.stats;
    let m = view::mark;
    let summary = format!(
        "{} {} same · {} {} changed · {} {} only A · {} {} only B · {} {} moved · {:.0}% similar",
        m(UnitKind::Same),
        s.same,
        m(UnitKind::Changed),
        s.changed,
        m(UnitKind::OnlyA),
        s.only_a,
        m(UnitKind::OnlyB),
        s.only_b,
        m(UnitKind::Moved),
        s.moved,
        s.similarity * 100.0
    );
    writeln!(out)?;
    writeln!(out, "{}", view::truncate(&summary, v.geometry.width).0)
}

/// One line: styled with ANSI escapes when `color`, else plain with trailing spaces cut.
fn write_line(out: &mut impl Write, line: &view::Line, color: bool) -> std::io::Result<()> {
    if !color {
        return writeln!(out, "{}", line.plain().trim_end());
    }
    for r in line.runs() {
        match sgr(r.style) {
            "" => out.write_all(r.text.as_bytes())?,
            code => write!(out, "\x1b[{code}m{}\x1b[0m", r.text)?,
        }
    }
    writeln!(out)
}

/// SGR parameters for a view role (the same palette as the reader's).
fn sgr(style: Style) -> &'static str {
    match style {
        Style::Text => "",
        Style::Removed => "97;48;5;52",
        Style::Added => "97;48;5;22",
        Style::OnlyA => "91",
        Style::OnlyB => "92",
        Style::Moved => "1;36",
        Style::Disagree => "1;30;43",
        Style::Boilerplate => "2;90",
        Style::Filler => "48;5;236",
        Style::Gutter | Style::Separator => "90",
        Style::Flag => "1;33",
        Style::Header => "1",
        Style::Mark(k) => match k {
            UnitKind::Same => "1;90",
            UnitKind::Changed => "1;33",
            UnitKind::OnlyA => "1;91",
            UnitKind::OnlyB => "1;92",
            UnitKind::Moved => "1;36",
        },
    }
}

#[derive(Serialize)]
struct JsonSide<'a> {
    id: &'a str,
    title: &'a str,
    file: String,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    /// The language the article was read in (ISO 639-1, `und` if unknown).
    language: &'static str,
    sentences: usize,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    index: usize,
    start: usize,
    end: usize,
    text: &'a str,
    /// Why the sentence is boilerplate, or null.
    boilerplate: Option<parallax::corpus::Boilerplate>,
    /// 0 for the article itself, 1.. for stories appended after it.
    part: u16,
}

#[derive(Serialize)]
struct JsonSegment {
    start: usize,
    end: usize,
    tag: SegTag,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    kind: UnitKind,
    score: f32,
    a: Vec<JsonSentence<'a>>,
    b: Vec<JsonSentence<'a>>,
    a_segments: Vec<JsonSegment>,
    b_segments: Vec<JsonSegment>,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    a: JsonSide<'a>,
    b: JsonSide<'a>,
    stats: &'a parallax::compare::Stats,
    rows: Vec<JsonRow<'a>>,
    disagreements: &'a [parallax::compare::Disagreement],
}

fn write_json(
    out: &mut impl Write,
    a: &Article,
    b: &Article,
    cmp: &Comparison,
) -> anyhow::Result<()> {
    let segs = |s: &[parallax::compare::Segment]| -> Vec<JsonSegment> {
        s.iter()
            .map(|g| JsonSegment {
                start: g.span.start,
                end: g.span.end,
                tag: g.tag,
            })
            .collect()
    };
    let doc = JsonDiff {
        a: json_side(a),
        b: json_side(b),
        stats: &cmp.stats,
        rows: cmp
            .rows
            .iter()
            .map(|r| JsonRow {
                kind: r.kind,
                score: r.score,
                a: json_sentences(a, &r.a),
                b: json_sentences(b, &r.b),
                a_segments: segs(&r.a_segments),
                b_segments: segs(&r.b_segments),
            })
            .collect(),
        disagreements: &cmp.disagreements,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, AsciiFormatter);
    doc.serialize(&mut ser)?;
    writeln!(out)?;
    Ok(())
}

fn json_side(art: &Article) -> JsonSide<'_> {
    JsonSide {
        id: &art.meta.id,
        title: &art.meta.title,
        file: art.meta.file.display().to_string(),
        outlet: art.meta.outlet.as_deref(),
        published: art.meta.published.as_deref(),
        language: art.lang.code(),
        sentences: art.doc.sentences.len(),
    }
}

fn json_sentences<'a>(art: &'a Article, idx: &[usize]) -> Vec<JsonSentence<'a>> {
    idx.iter()
        .map(|&i| {
            let span = art.doc.sentences[i].span;
            JsonSentence {
                index: i,
                start: span.start,
                end: span.end,
                text: art.sentence(i),
                boilerplate: art.boilerplate.get(i).copied().flatten(),
                part: art.part.get(i).copied().unwrap_or(0),
            }
        })
        .collect()
}

/// Compact JSON with every character outside printable ASCII written as a `\u` escape:
/// article text stays exact for a parser and can never act on a terminal.
struct AsciiFormatter;

impl serde_json::ser::Formatter for AsciiFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if (' '..='~').contains(&c) {
                continue;
            }
            w.write_all(&fragment.as_bytes()[start..i])?;
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{u:04x}")?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_is_ascii_and_exact() {
        let s = "naïve \u{1b}[31m 日本 😀 \u{7f}\u{9b} \"q\" \\";
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(&mut out, AsciiFormatter);
        s.serialize(&mut ser).unwrap();
        assert!(out.iter().all(|&b| (0x20..0x7f).contains(&b)), "{out:?}");
        let back: String = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, s);
    }
}
