//! Report writers: JSON, Markdown and self-contained HTML.
//!
//! A [`Report`] gathers one comparison with its disagreements and their review notes; the
//! writers [`json`], [`markdown`] and [`html`] turn it into text. All article text is
//! untrusted: the Markdown and HTML writers pass it through [`crate::sanitize::display`] and
//! then escape it for their format; JSON keeps the exact text (serde escapes it) so that its
//! byte offsets still point into the article.

mod html;
mod json;
mod markdown;

pub use html::html;
pub use json::{JsonReport, json, json_value};
pub use markdown::markdown;

use crate::compare::{Comparison, DisagreementKind, SegTag};
use crate::corpus::Article;
use crate::review::{Review, ReviewKey, ReviewStore};
use crate::text::Span;
use std::path::PathBuf;

/// Output formats of `parallax report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

impl Format {
    /// Render `report` in this format.
    pub fn render(self, report: &Report) -> String {
        match self {
            Format::Markdown => markdown(report),
            Format::Html => html(report),
            Format::Json => json(report),
        }
    }
}

/// One comparison with everything a report shows.
#[derive(Clone, Debug)]
pub struct Report<'a> {
    pub a: &'a Article,
    pub b: &'a Article,
    pub cmp: &'a Comparison,
    /// The review of each disagreement (same order as `cmp.disagreements`).
    pub reviews: Vec<Option<Review>>,
    /// The review file the notes came from, if one was used.
    pub review_file: Option<PathBuf>,
}

impl<'a> Report<'a> {
    /// Gather the report of `cmp` (the comparison of `a` with `b`), with the notes of `store`.
    pub fn new(
        a: &'a Article,
        b: &'a Article,
        cmp: &'a Comparison,
        store: Option<&ReviewStore>,
    ) -> Report<'a> {
        let reviews = cmp
            .disagreements
            .iter()
            .map(|d| store.and_then(|s| s.get(&ReviewKey::for_disagreement(a, b, cmp, d)).cloned()))
            .collect();
        Report {
            a,
            b,
            cmp,
            reviews,
            review_file: store.map(|s| s.path().to_path_buf()),
        }
    }

    /// Disagreement indices (into `cmp.disagreements`) that belong to row `row`.
    pub fn disagreements_of_row(&self, row: usize) -> Vec<usize> {
        (0..self.cmp.disagreements.len())
            .filter(|&i| self.cmp.disagreements[i].row == row)
            .collect()
    }
}

/// People's name of a disagreement kind (`"number conflict"`).
/// The metadata rows both human-readable reports show: label, A's value, B's value.
pub fn meta_rows(a: &Article, b: &Article) -> Vec<(&'static str, Option<String>, Option<String>)> {
    let counts = |x: &Article| format!("{} / {}", x.doc.sentences.len(), x.word_count());
    let short = |x: &Article| crate::review::content_hash(&x.text)[..19].to_owned();
    vec![
        ("id", Some(a.meta.id.clone()), Some(b.meta.id.clone())),
        (
            "title",
            Some(a.meta.title.clone()),
            Some(b.meta.title.clone()),
        ),
        ("outlet", a.meta.outlet.clone(), b.meta.outlet.clone()),
        (
            "published",
            a.meta.published.clone(),
            b.meta.published.clone(),
        ),
        ("url", a.meta.url.clone(), b.meta.url.clone()),
        (
            "language",
            Some(a.lang.code().into()),
            Some(b.lang.code().into()),
        ),
        ("sentences / words", Some(counts(a)), Some(counts(b))),
        ("text hash", Some(short(a)), Some(short(b))),
    ]
}

pub fn kind_label(kind: DisagreementKind) -> &'static str {
    match kind {
        DisagreementKind::NumberConflict => "number conflict",
        DisagreementKind::NumberImprecision => "number imprecision",
        DisagreementKind::QuoteDifference => "quote difference",
        DisagreementKind::NameDifference => "name difference",
        DisagreementKind::OnlyHere => "only here",
        DisagreementKind::AccountDifference => "account difference",
        DisagreementKind::DateConflict => "date conflict",
    }
}

/// The JSON name of a disagreement kind (`"number_conflict"`), also used as a CSS class.
pub fn kind_slug(kind: DisagreementKind) -> &'static str {
    match kind {
        DisagreementKind::NumberConflict => "number_conflict",
        DisagreementKind::NumberImprecision => "number_imprecision",
        DisagreementKind::QuoteDifference => "quote_difference",
        DisagreementKind::NameDifference => "name_difference",
        DisagreementKind::OnlyHere => "only_here",
        DisagreementKind::AccountDifference => "account_difference",
        DisagreementKind::DateConflict => "date_conflict",
    }
}

/// Which side of the comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    A,
    B,
}

/// A run of one sentence's text with one set of highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    /// The words differ from the other side (word diff; always false on one-sided rows).
    pub changed: bool,
    /// Disagreements (indices into `cmp.disagreements`) whose spans cover this piece.
    pub disagreements: Vec<usize>,
    /// Disagreements whose last span on this side ends with this piece (where a marker goes).
    pub ends: Vec<usize>,
}

/// The text of one side of row `row`, one entry per sentence, cut into [`Piece`]s at word-diff
/// and disagreement boundaries.
pub fn pieces(report: &Report, row: usize, which: Which) -> Vec<Vec<Piece>> {
    let r = &report.cmp.rows[row];
    let (art, idx, segs) = match which {
        Which::A => (report.a, &r.a, &r.a_segments),
        Which::B => (report.b, &r.b, &r.b_segments),
    };
    let text: &str = &art.text;
    // Word changes only mean something when both sides have text; a one-sided row is set
    // apart as a whole instead.
    let two_sided = !r.a.is_empty() && !r.b.is_empty();
    let dspans: Vec<(usize, &[Span])> = report
        .cmp
        .disagreements
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (
                i,
                match which {
                    Which::A => &d.a[..],
                    Which::B => &d.b[..],
                },
            )
        })
        .collect();
    let mut out = Vec::new();
    for &si in idx {
        let Some(sentence) = art.doc.sentences.get(si) else {
            continue;
        };
        let s = sentence.span;
        let mut cuts = vec![s.start, s.end];
        let inside = |p: usize| s.start < p && p < s.end && text.is_char_boundary(p);
        for seg in segs {
            cuts.extend(
                [seg.span.start, seg.span.end]
                    .into_iter()
                    .filter(|&p| inside(p)),
            );
        }
        for (_, spans) in &dspans {
            for sp in *spans {
                cuts.extend([sp.start, sp.end].into_iter().filter(|&p| inside(p)));
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut line: Vec<Piece> = Vec::new();
        for w in cuts.windows(2) {
            let span = Span::new(w[0], w[1]);
            let covers = |o: &Span| o.start <= span.start && span.end <= o.end && !o.is_empty();
            let changed = two_sided
                && segs
                    .iter()
                    .any(|g| g.tag == SegTag::Changed && covers(&g.span));
            let disagreements: Vec<usize> = dspans
                .iter()
                .filter(|(_, sp)| sp.iter().any(&covers))
                .map(|(i, _)| *i)
                .collect();
            match line.last_mut() {
                Some(last) if last.changed == changed && last.disagreements == disagreements => {
                    last.span.end = span.end;
                }
                _ => line.push(Piece {
                    span,
                    changed,
                    disagreements,
                    ends: Vec::new(),
                }),
            }
        }
        out.push(line);
    }
    // Markers go after the piece where a disagreement's last span on this side ends.
    for (i, spans) in &dspans {
        let Some(last_end) = spans.iter().filter(|s| !s.is_empty()).map(|s| s.end).max() else {
            continue;
        };
        if let Some(p) = out
            .iter_mut()
            .flatten()
            .filter(|p| p.disagreements.contains(i) && p.span.end <= last_end)
            .last()
        {
            p.ends.push(*i);
        }
    }
    out
}

/// Article text made safe for one line of display: line breaks become spaces, then the
/// project's sanitiser handles controls, tabs and the rest.
pub fn display_text(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => ' ',
            c => c,
        })
        .collect();
    crate::sanitize::display(&one_line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{Disagreement, compare};
    use crate::corpus::ArticleMeta;

    fn art(id: &str, text: &str) -> Article {
        Article::from_text(
            ArticleMeta {
                id: id.into(),
                title: id.into(),
                ..ArticleMeta::default()
            },
            text,
        )
    }

    #[test]
    fn pieces_cover_each_sentence_exactly_and_split_at_disagreements() {
        let a = art("a", "Some thirty nations took part in the talks. The end.");
        let b = art("b", "Over 20 nations took part in the talks. The end.");
        let mut cmp = compare(&a, &b);
        let row = cmp.rows.iter().position(|r| r.a == vec![0]).unwrap();
        // Only the hand-made disagreement below (compare() finds its own).
        cmp.disagreements.clear();
        let at = |t: &str, pat: &str| {
            let s = t.find(pat).unwrap();
            Span::new(s, s + pat.len())
        };
        cmp.disagreements.push(Disagreement {
            kind: DisagreementKind::NumberConflict,
            row,
            a: vec![at(&a.text, "Some thirty")],
            b: vec![at(&b.text, "Over 20")],
            summary: "30 vs >20".into(),
        });
        let report = Report::new(&a, &b, &cmp, None);
        for which in [Which::A, Which::B] {
            let art = if which == Which::A { &a } else { &b };
            let ps = pieces(&report, row, which);
            assert_eq!(ps.len(), 1);
            let joined: String = ps[0].iter().map(|p| p.span.slice(&art.text)).collect();
            assert_eq!(joined, art.sentence(0));
            let marked: Vec<&str> = ps[0]
                .iter()
                .filter(|p| p.disagreements == vec![0])
                .map(|p| p.span.slice(&art.text))
                .collect();
            let want = if which == Which::A {
                "Some thirty"
            } else {
                "Over 20"
            };
            assert_eq!(marked.concat(), want);
            assert_eq!(ps[0].iter().filter(|p| p.ends == vec![0]).count(), 1);
            assert!(ps[0].iter().any(|p| p.changed));
            assert!(ps[0].iter().any(|p| !p.changed));
        }
    }

    #[test]
    fn display_text_is_one_line_without_controls() {
        let s = display_text("a\nb\r\nc\u{1b}[31md\u{7}");
        assert!(!s.contains(['\n', '\r', '\u{1b}', '\u{7}']));
        assert!(s.starts_with("a b  c"));
    }
}
