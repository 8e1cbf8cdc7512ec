//! The Markdown report: metadata and stats, a side-by-side table of rows with changed words in
//! **bold** and disagreements marked `‹D1›`, then the disagreements with their notes.
//!
//! Every piece of untrusted text (article text, titles, summaries, notes, paths) is sanitised
//! and then escaped so it renders literally: no emphasis, links, HTML, code spans or table breaks.
//! Untrusted text never starts a line, so block syntax (`#`, `>`, `-`, `1.`) cannot apply.

use super::{Piece, Report, Which, display_text, kind_label, pieces};
use crate::align::UnitKind;
use crate::corpus::Article;
use std::fmt::Write;

/// Sanitise `s` and escape it for inline Markdown (GitHub-flavoured, also inside table cells).
///
/// Backslash-escapes the characters with inline meaning (emphasis, code, links, HTML, tables,
/// strike-through, maths) and writes `&`, `<`, `>` as entities so HTML and entities stay literal. Line-start syntax
/// needs no escaping because untrusted text never starts a line.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in display_text(s).chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

fn kind_name(k: UnitKind) -> &'static str {
    match k {
        UnitKind::Same => "same",
        UnitKind::Changed => "changed",
        UnitKind::Moved => "moved",
        UnitKind::OnlyA => "only in A",
        UnitKind::OnlyB => "only in B",
    }
}

/// Render pieces: changed words in bold, markers after disagreements.
fn cell(text: &str, lines: &[Vec<Piece>]) -> String {
    let mut out = String::new();
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        for p in line {
            let raw = text.get(p.span.start..p.span.end).unwrap_or("");
            let lead = &raw[..raw.len() - raw.trim_start().len()];
            let core = raw.trim();
            let trail = &raw[lead.len() + core.len()..];
            if !lead.is_empty() {
                out.push(' ');
            }
            if core.is_empty() {
            } else if p.changed {
                let _ = write!(out, "**{}**", escape(core));
            } else {
                out.push_str(&escape(core));
            }
            for d in &p.ends {
                let _ = write!(out, " ‹D{}›", d + 1);
            }
            if !trail.is_empty() {
                out.push(' ');
            }
        }
    }
    // Collapse the doubled spaces the trimming above may leave.
    let mut collapsed = String::with_capacity(out.len());
    for c in out.chars() {
        if !(c == ' ' && collapsed.ends_with(' ')) {
            collapsed.push(c);
        }
    }
    collapsed.trim().to_owned()
}

fn meta_row(out: &mut String, label: &str, a: Option<&str>, b: Option<&str>) {
    let v = |x: Option<&str>| x.map_or_else(|| "–".to_owned(), escape);
    let _ = writeln!(out, "| {label} | {} | {} |", v(a), v(b));
}

fn meta_table(out: &mut String, a: &Article, b: &Article) {
    out.push_str("| | A | B |\n|---|---|---|\n");
    for (label, x, y) in super::meta_rows(a, b) {
        meta_row(out, label, x.as_deref(), y.as_deref());
    }
}

/// The report as Markdown.
pub fn markdown(report: &Report) -> String {
    let (a, b, cmp) = (report.a, report.b, report.cmp);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Parallax report: {} vs {}\n",
        escape(&a.meta.id),
        escape(&b.meta.id)
    );
    meta_table(&mut out, a, b);
    let s = cmp.stats;
    let reviewed = report.reviews.iter().flatten().count();
    let _ = writeln!(
        out,
        "\n**{} rows**: {} same, {} changed, {} moved, {} only in A, {} only in B; similarity {:.2}.  ",
        cmp.rows.len(),
        s.same,
        s.changed,
        s.moved,
        s.only_a,
        s.only_b,
        s.similarity
    );
    let _ = writeln!(
        out,
        "**{} disagreements**, {} reviewed.{}",
        cmp.disagreements.len(),
        reviewed,
        report
            .review_file
            .as_ref()
            .map(|p| format!(" Review file: {}", escape(&p.to_string_lossy())))
            .unwrap_or_default()
    );
    out.push_str(
        "\nWords in **bold** differ between the two sides; ‹Dn› marks disagreement n (listed below).\n",
    );

    out.push_str("\n## Rows\n\n| # | kind | A | B |\n|---:|---|---|---|\n");
    for (i, r) in cmp.rows.iter().enumerate() {
        let mut kind = kind_name(r.kind).to_owned();
        if matches!(r.kind, UnitKind::Changed | UnitKind::Moved | UnitKind::Same) {
            let _ = write!(kind, " {:.2}", r.score);
        }
        let ds = report.disagreements_of_row(i);
        if !ds.is_empty() {
            let list: Vec<String> = ds.iter().map(|d| format!("D{}", d + 1)).collect();
            let _ = write!(kind, " ⚠ {}", list.join(", "));
        }
        let side = |which: Which, art: &Article, empty: &str| {
            let lines = pieces(report, i, which);
            if lines.is_empty() {
                format!("*{empty}*")
            } else {
                cell(&art.text, &lines)
            }
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            i + 1,
            kind,
            side(Which::A, a, "(only in B)"),
            side(Which::B, b, "(only in A)")
        );
    }

    out.push_str("\n## Disagreements\n");
    if cmp.disagreements.is_empty() {
        out.push_str("\nNone found.\n");
    }
    for (i, d) in cmp.disagreements.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n### D{} · {} (row {})\n",
            i + 1,
            kind_label(d.kind),
            d.row + 1
        );
        let _ = writeln!(out, "Summary: {}\n", escape(&d.summary));
        let quote = |art: &Article, spans: &[crate::text::Span]| -> String {
            if spans.is_empty() {
                return "*(not stated)*".to_owned();
            }
            spans
                .iter()
                .map(|s| format!("“{}”", escape(art.text.get(s.start..s.end).unwrap_or(""))))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(out, "- A: {}", quote(a, &d.a));
        let _ = writeln!(out, "- B: {}", quote(b, &d.b));
        match report.reviews.get(i).and_then(Option::as_ref) {
            Some(r) if r.note.trim().is_empty() => {
                let _ = writeln!(out, "- Review: **{}**", r.verdict.as_str());
            }
            Some(r) => {
                let _ = writeln!(
                    out,
                    "- Review: **{}**: {}",
                    r.verdict.as_str(),
                    escape(&r.note)
                );
            }
            None => out.push_str("- Review: not reviewed\n"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markdown_and_html() {
        let e = escape("a|b `c` **d** <img src=x> [l](u) &amp; \n# h");
        assert!(!e.contains("`c`"));
        assert!(!e.contains("<img"));
        assert!(!e.contains('\n'));
        assert!(e.contains("\\|"));
        assert!(e.contains("&amp;amp;"));
        assert!(e.contains("\\*\\*d\\*\\*"));
        assert!(e.contains("\\[l\\](u)"));
        // Every '|' is escaped, so table cells cannot be broken.
        assert!(e.match_indices('|').all(|(i, _)| e[..i].ends_with('\\')));
    }
}
