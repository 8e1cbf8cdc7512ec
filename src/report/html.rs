//! The HTML report: one self-contained file. Inline CSS only, no scripts, no external assets,
//! and a Content-Security-Policy that forbids every network load.
//!
//! Layout: a header with both articles' metadata and the stats, a three-column table (row
//! number and kind, A, B) with the same highlights as the reader — equal words plain, changed
//! words highlighted, only-A / only-B rows set apart, moved rows marked, disagreements
//! underlined with their kind and note — then the list of disagreements with their reviews.
//!
//! Every untrusted string is sanitised ([`super::display_text`]) and then HTML-escaped; every
//! run of article text sits in an element with `unicode-bidi: isolate`, so a stray bidi
//! override cannot reorder text outside its own run.

use super::{Piece, Report, Which, display_text, kind_label, kind_slug, pieces};
use crate::align::UnitKind;
use crate::corpus::Article;
use crate::review::Verdict;
use std::fmt::Write;

/// The policy: nothing may load from anywhere; only the inline style sheet applies.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; \
                       script-src 'none'; connect-src 'none'; font-src 'none'; \
                       base-uri 'none'; form-action 'none'";

const CSS: &str = r#"
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --bg:#fff; --head:#f6f8fa;
  --chg-a:#ffd8d3; --chg-b:#c9f0d1; --only-a:#fff1ef; --only-b:#eefbf1; --moved:#ddf4ff;
  --dis:#bc4c00; --dis-bg:#fff1e5; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1.5rem; max-width: 1600px; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
.meta { margin-bottom: .75rem; table-layout: fixed; }
.meta th, .meta td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
.meta th { background: var(--head); font-weight: 600; }
.meta col.label { width: 9rem; }
.stats, .legend { margin: .35rem 0; color: var(--muted); }
.legend > span { margin-right: 1.25rem; white-space: nowrap; }
.cmp { table-layout: fixed; }
.cmp col.n { width: 6.5rem; }
.cmp thead th { position: sticky; top: 0; background: var(--head); text-align: left;
  padding: .4rem .6rem; border-bottom: 2px solid var(--line); }
.cmp td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; vertical-align: top;
  overflow-wrap: anywhere; }
.cmp td.n { color: var(--muted); font-size: .8rem; }
.cmp td.side { width: 50%; }
.cmp td.a { border-right: 1px solid var(--line); }
.t { unicode-bidi: isolate; }
.chg.in-a { background: var(--chg-a); border-radius: 2px; }
.chg.in-b { background: var(--chg-b); border-radius: 2px; }
tr.only_a td.a { background: var(--only-a); box-shadow: inset 4px 0 #cf222e; }
tr.only_b td.b { background: var(--only-b); box-shadow: inset 4px 0 #1a7f37; }
td.empty { background: repeating-linear-gradient(135deg, #fafbfc 0 6px, #f0f2f4 6px 12px);
  color: var(--muted); font-style: italic; font-size: .85rem; }
tr.moved td.side { box-shadow: inset 4px 0 #0969da; }
tr.moved td.n .kind { color: #0969da; font-weight: 600; }
.kind { display: block; }
.flag { display: inline-block; margin-top: .2rem; padding: 0 .35rem; border-radius: 1rem;
  background: var(--dis-bg); color: var(--dis); font-weight: 600; }
.dis { text-decoration: underline wavy var(--dis); text-decoration-thickness: 1.5px;
  text-underline-offset: 3px; }
.dis.confirmed { text-decoration-style: solid; text-decoration-thickness: 2px; }
.dis.dismissed { text-decoration-style: dotted; text-decoration-color: var(--muted); }
sup.mark a { color: var(--dis); text-decoration: none; font-weight: 600; font-size: .75rem; }
.dlist { padding-left: 0; list-style: none; }
.dlist li { border: 1px solid var(--line); border-left: 4px solid var(--dis); border-radius: 4px;
  padding: .5rem .75rem; margin: .5rem 0; }
.dlist li.dismissed { border-left-color: var(--muted); }
.dlist .sides { display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; margin: .3rem 0; }
.dlist q { quotes: "\201C" "\201D"; background: var(--dis-bg); }
.verdict { font-weight: 600; }
.verdict.confirmed { color: #cf222e; }
.verdict.dismissed { color: var(--muted); }
.none { color: var(--muted); }
@media print { .cmp thead th { position: static; } }
"#;

/// Sanitise and escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in display_text(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn verdict_class(v: Option<Verdict>) -> &'static str {
    match v {
        Some(Verdict::Confirmed) => " confirmed",
        Some(Verdict::Dismissed) => " dismissed",
        None => "",
    }
}

/// The hover text of a disagreement: kind, summary, review.
fn dis_title(report: &Report, i: usize) -> String {
    let d = &report.cmp.disagreements[i];
    let mut t = format!("D{} {}: {}", i + 1, kind_label(d.kind), d.summary);
    if let Some(r) = report.reviews.get(i).and_then(Option::as_ref) {
        let _ = write!(t, " — {}", r.verdict.as_str());
        if !r.note.trim().is_empty() {
            let _ = write!(t, ": {}", r.note);
        }
    }
    t
}

fn side_cell(out: &mut String, report: &Report, art: &Article, lines: &[Vec<Piece>], which: Which) {
    let cls = match which {
        Which::A => "in-a",
        Which::B => "in-b",
    };
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        for p in line {
            let text = escape(art.text.get(p.span.start..p.span.end).unwrap_or(""));
            let mut classes = vec!["t"];
            if p.changed {
                classes.push("chg");
                classes.push(cls);
            }
            let verdicts: Vec<Option<Verdict>> = p
                .disagreements
                .iter()
                .map(|&d| {
                    report
                        .reviews
                        .get(d)
                        .and_then(Option::as_ref)
                        .map(|r| r.verdict)
                })
                .collect();
            if !p.disagreements.is_empty() {
                classes.push("dis");
                // Shown as confirmed if any covering disagreement is; dismissed only if all are.
                if verdicts.contains(&Some(Verdict::Confirmed)) {
                    classes.push("confirmed");
                } else if verdicts.iter().all(|v| *v == Some(Verdict::Dismissed)) {
                    classes.push("dismissed");
                }
            }
            let _ = write!(out, "<span class=\"{}\"", classes.join(" "));
            if !p.disagreements.is_empty() {
                let titles: Vec<String> = p
                    .disagreements
                    .iter()
                    .map(|&d| dis_title(report, d))
                    .collect();
                let _ = write!(out, " title=\"{}\"", escape(&titles.join(" | ")));
            }
            let _ = write!(out, ">{text}</span>");
            for &d in &p.ends {
                let _ = write!(
                    out,
                    "<sup class=\"mark\"><a href=\"#d{n}\" title=\"{t}\">D{n}</a></sup>",
                    n = d + 1,
                    t = escape(&dis_title(report, d))
                );
            }
        }
    }
}

fn kind_class(k: UnitKind) -> &'static str {
    match k {
        UnitKind::Same => "same",
        UnitKind::Changed => "changed",
        UnitKind::Moved => "moved",
        UnitKind::OnlyA => "only_a",
        UnitKind::OnlyB => "only_b",
    }
}

fn kind_text(k: UnitKind) -> &'static str {
    match k {
        UnitKind::Same => "same",
        UnitKind::Changed => "changed",
        UnitKind::Moved => "↕ moved",
        UnitKind::OnlyA => "only in A",
        UnitKind::OnlyB => "only in B",
    }
}

fn meta(out: &mut String, a: &Article, b: &Article) {
    let row = |out: &mut String, label: &str, x: Option<&str>, y: Option<&str>| {
        let v = |s: Option<&str>| {
            s.map_or_else(
                || "<span class=\"none\">–</span>".to_owned(),
                |s| format!("<span class=\"t\">{}</span>", escape(s)),
            )
        };
        let _ = writeln!(
            out,
            "<tr><th>{label}</th><td>{}</td><td>{}</td></tr>",
            v(x),
            v(y)
        );
    };
    out.push_str(
        "<table class=\"meta\"><colgroup><col class=\"label\"><col><col></colgroup><thead><tr><th></th><th>A</th><th>B</th></tr></thead><tbody>\n",
    );
    for (label, x, y) in super::meta_rows(a, b) {
        row(out, label, x.as_deref(), y.as_deref());
    }
    out.push_str("</tbody></table>\n");
}

/// The report as one self-contained HTML document.
pub fn html(report: &Report) -> String {
    let (a, b, cmp) = (report.a, report.b, report.cmp);
    let mut out = String::with_capacity(16 * 1024 + a.text.len() * 3 + b.text.len() * 3);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"parallax {}\">\n\
         <title>Parallax report: {} vs {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&a.meta.id),
        escape(&b.meta.id)
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>Parallax report: <span class=\"t\">{}</span> vs <span class=\"t\">{}</span></h1>",
        escape(&a.meta.id),
        escape(&b.meta.id)
    );
    meta(&mut out, a, b);
    let s = cmp.stats;
    let reviewed = report.reviews.iter().flatten().count();
    let _ = writeln!(
        out,
        "<p class=\"stats\"><b>{}</b> rows: {} same, {} changed, {} moved, {} only in A, {} only in B; \
         similarity {:.2}. <b>{}</b> disagreements, {} reviewed.{}</p>",
        cmp.rows.len(),
        s.same,
        s.changed,
        s.moved,
        s.only_a,
        s.only_b,
        s.similarity,
        cmp.disagreements.len(),
        reviewed,
        report
            .review_file
            .as_ref()
            .map(|p| format!(
                " Review file: <code class=\"t\">{}</code>",
                escape(&p.to_string_lossy())
            ))
            .unwrap_or_default()
    );
    out.push_str(
        "<p class=\"legend\"><span><span class=\"chg in-a\">changed in A</span> / \
         <span class=\"chg in-b\">changed in B</span></span>\
         <span>only-A / only-B rows have a coloured edge</span>\
         <span>↕ moved rows are out of order</span>\
         <span><span class=\"dis\">disagreement</span><sup class=\"mark\"><a>Dn</a></sup> \
         (solid: confirmed, dotted: dismissed)</span></p>\n</header>\n",
    );

    out.push_str(
        "<main>\n<table class=\"cmp\">\n<colgroup><col class=\"n\"><col class=\"a\"><col class=\"b\"></colgroup>\n",
    );
    let _ = writeln!(
        out,
        "<thead><tr><th>#</th><th>A · <span class=\"t\">{}</span></th><th>B · <span class=\"t\">{}</span></th></tr></thead>\n<tbody>",
        escape(&a.meta.id),
        escape(&b.meta.id)
    );
    for (i, r) in cmp.rows.iter().enumerate() {
        let ds = report.disagreements_of_row(i);
        let _ = write!(
            out,
            "<tr class=\"row {}{}\" id=\"r{}\"><td class=\"n\">{}<span class=\"kind\">{}",
            kind_class(r.kind),
            if ds.is_empty() { "" } else { " has-dis" },
            i + 1,
            i + 1,
            kind_text(r.kind)
        );
        if matches!(r.kind, UnitKind::Changed | UnitKind::Moved) {
            let _ = write!(out, " {:.2}", r.score);
        }
        out.push_str("</span>");
        if !ds.is_empty() {
            let list: Vec<String> = ds
                .iter()
                .map(|d| format!("<a href=\"#d{n}\">D{n}</a>", n = d + 1))
                .collect();
            let _ = write!(out, "<span class=\"flag\">⚠ {}</span>", list.join(" "));
        }
        out.push_str("</td>");
        for (which, art, empty) in [(Which::A, a, "only in B"), (Which::B, b, "only in A")] {
            let lines = pieces(report, i, which);
            let side = if which == Which::A { "a" } else { "b" };
            if lines.is_empty() {
                let _ = write!(out, "<td class=\"side {side} empty\">{empty}</td>");
            } else {
                let _ = write!(
                    out,
                    "<td class=\"side {side}\" dir=\"auto\" lang=\"{}\">",
                    art.lang.code()
                );
                side_cell(&mut out, report, art, &lines, which);
                out.push_str("</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</main>\n");

    out.push_str("<section>\n<h2>Disagreements</h2>\n");
    if cmp.disagreements.is_empty() {
        out.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        out.push_str("<ol class=\"dlist\">\n");
    }
    for (i, d) in cmp.disagreements.iter().enumerate() {
        let review = report.reviews.get(i).and_then(Option::as_ref);
        let _ = write!(
            out,
            "<li id=\"d{n}\" class=\"{kind}{v}\"><b>D{n}</b> · {label} · <a href=\"#r{row}\">row {row}</a>\
             <div class=\"summary t\">{summary}</div><div class=\"sides\">",
            n = i + 1,
            kind = kind_slug(d.kind),
            v = verdict_class(review.map(|r| r.verdict)),
            label = kind_label(d.kind),
            row = d.row + 1,
            summary = escape(&d.summary)
        );
        for (name, art, spans) in [("A", a, &d.a), ("B", b, &d.b)] {
            let _ = write!(out, "<div class=\"side-{}\">{name}: ", name.to_lowercase());
            if spans.is_empty() {
                out.push_str("<span class=\"none\">(not stated)</span>");
            } else {
                let qs: Vec<String> = spans
                    .iter()
                    .map(|s| {
                        format!(
                            "<q class=\"t\">{}</q>",
                            escape(art.text.get(s.start..s.end).unwrap_or(""))
                        )
                    })
                    .collect();
                out.push_str(&qs.join(", "));
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
        match review {
            Some(r) => {
                let _ = write!(
                    out,
                    "<div class=\"review\"><span class=\"verdict {v}\">{v}</span>",
                    v = r.verdict.as_str()
                );
                if !r.note.trim().is_empty() {
                    let _ = write!(out, ": <span class=\"note t\">{}</span>", escape(&r.note));
                }
                out.push_str("</div>");
            }
            None => out.push_str("<div class=\"review none\">not reviewed</div>"),
        }
        out.push_str("</li>\n");
    }
    if !cmp.disagreements.is_empty() {
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_attributes() {
        let e = escape("<script>alert(1)</script>\"><img src=x onerror='y'>&\u{1b}[2J");
        assert!(!e.contains('<'));
        assert!(!e.contains('>'));
        assert!(!e.contains('"'));
        assert!(!e.contains('\''));
        assert!(!e.contains('\u{1b}'));
        assert!(e.contains("&lt;script&gt;"));
        assert!(e.contains("&amp;"));
    }
}
