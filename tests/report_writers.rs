//! The Markdown, HTML and JSON report writers: structure, notes, and escaping of hostile text.

use parallax::compare::{Comparison, Disagreement, DisagreementKind, compare};
use parallax::corpus::{Article, ArticleMeta};
use parallax::report::{Format, Report, html, json, markdown};
use parallax::review::{ReviewKey, ReviewStore, Verdict};
use parallax::text::Span;

const HOSTILE: &str = "Officials said <script>alert(1)</script> some thirty nations took part in the talks.\n\
    The minister wrote \"><img src=x onerror=alert(2)> and | pipes | and `ticks` and **stars** [x](javascript:alert(3)) &amp; here.\n\
    Control \u{1b}[31mred\u{1b}[0m and bell\u{7} and nul\u{0} and bidi \u{202E}gnirts desrever\u{202C} end.\n\
    A partial 30-day ceasefire was agreed on Tuesday.";

const PLAIN: &str = "Officials said over 20 nations took part in the talks.\n\
    The minister wrote a letter and nothing else here.\n\
    A 30-day halt on strikes on the power grid was agreed on Tuesday.\n\
    Only B has this sentence about the weather in Kyiv.";

fn article(id: &str, title: &str, text: &str) -> Article {
    Article::from_text(
        ArticleMeta {
            id: id.into(),
            title: title.into(),
            outlet: Some("The <b>Outlet</b> | \"Times\"".into()),
            language: Some("en".into()),
            ..ArticleMeta::default()
        },
        text,
    )
}

fn span_of(text: &str, pat: &str) -> Span {
    let s = text
        .find(pat)
        .unwrap_or_else(|| panic!("{pat:?} not in text"));
    Span::new(s, s + pat.len())
}

fn row_of(cmp: &Comparison, a: &Article, pos: usize) -> usize {
    let si = a
        .doc
        .sentences
        .iter()
        .position(|s| s.span.start <= pos && pos < s.span.end)
        .unwrap();
    cmp.rows.iter().position(|r| r.a.contains(&si)).unwrap()
}

struct Fixture {
    a: Article,
    b: Article,
    cmp: Comparison,
    _dir: tempfile::TempDir,
    store: ReviewStore,
}

fn fixture() -> Fixture {
    let a = article("hostile<i>", "Title <script>x</script> | `t`", HOSTILE);
    let b = article("plain", "Plain title", PLAIN);
    let mut cmp = compare(&a, &b);
    let n = span_of(HOSTILE, "some thirty");
    let c = span_of(HOSTILE, "partial 30-day ceasefire");
    cmp.disagreements = vec![
        Disagreement {
            kind: DisagreementKind::NumberConflict,
            row: row_of(&cmp, &a, n.start),
            a: vec![n],
            b: vec![span_of(PLAIN, "over 20")],
            summary: "about 30 vs more than 20 <b>nations</b>".into(),
        },
        Disagreement {
            kind: DisagreementKind::QuoteDifference,
            row: row_of(&cmp, &a, c.start),
            a: vec![c],
            b: vec![span_of(PLAIN, "halt on strikes on the power grid")],
            summary: "ceasefire scope differs".into(),
        },
        Disagreement {
            kind: DisagreementKind::OnlyHere,
            row: row_of(&cmp, &a, span_of(HOSTILE, "Tuesday").start),
            a: vec![],
            b: vec![span_of(PLAIN, "Kyiv")],
            summary: "only B names Kyiv".into(),
        },
    ];
    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = ReviewStore::open(dir.path().join("r.review.json")).unwrap();
    let k0 = ReviewKey::for_disagreement(&a, &b, &cmp, &cmp.disagreements[0]);
    store
        .set(
            k0,
            Verdict::Confirmed,
            "checked <script>alert(4)</script> | `note`",
        )
        .unwrap();
    let k1 = ReviewKey::for_disagreement(&a, &b, &cmp, &cmp.disagreements[1]);
    store
        .set(k1, Verdict::Dismissed, "same event, other words")
        .unwrap();
    Fixture {
        a,
        b,
        cmp,
        _dir: dir,
        store,
    }
}

/// Tag names and attribute names of every tag in `html` (our markup: text `<` is escaped).
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("tag closes");
        let inner = &rest[..end];
        rest = &rest[end + 1..];
        if inner.starts_with('/') || inner.starts_with('!') {
            continue;
        }
        let mut parts = inner.splitn(2, char::is_whitespace);
        let name = parts.next().unwrap().to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = parts.next().unwrap_or("").trim();
        while !a.is_empty() {
            let eq = a.find('=').expect("attributes have values");
            let key = a[..eq].trim().to_ascii_lowercase();
            let after = &a[eq + 1..];
            assert!(after.starts_with('"'), "attribute {key} is quoted: {inner}");
            let close = after[1..].find('"').unwrap() + 1;
            attrs.push((key, after[1..close].to_owned()));
            a = after[close + 1..].trim();
        }
        out.push((name, attrs));
    }
    out
}

/// The HTML between `<body>` and `</body>`, without the inline style sheet.
fn body(html: &str) -> &str {
    let s = html.find("<body>").unwrap();
    let e = html.rfind("</body>").unwrap();
    &html[s..e]
}

#[test]
fn html_escapes_hostile_text_and_allows_only_known_markup() {
    let f = fixture();
    let report = Report::new(&f.a, &f.b, &f.cmp, Some(&f.store));
    let h = html(&report);
    assert!(h.starts_with("<!DOCTYPE html>"));
    const ALLOWED: &[&str] = &[
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "table", "thead",
        "colgroup", "tbody", "tr", "th", "td", "span", "p", "b", "sup", "a", "main", "colgroup",
        "col", "section", "ol", "li", "div", "q", "code",
    ];
    const ATTRS: &[&str] = &[
        "class",
        "id",
        "href",
        "title",
        "dir",
        "charset",
        "http-equiv",
        "content",
        "name",
        "lang",
    ];
    for (name, attrs) in tags(&h) {
        assert!(
            ALLOWED.contains(&name.as_str()),
            "unexpected element <{name}>"
        );
        for (k, v) in attrs {
            assert!(
                ATTRS.contains(&k.as_str()),
                "unexpected attribute {k} on <{name}>"
            );
            if k == "href" {
                assert!(v.starts_with('#'), "only in-page links: {v}");
            }
        }
    }
    assert!(!h.contains("<script"));
    assert!(!h.contains("<img"));
    assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(h.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assert!(h.contains("checked &lt;script&gt;alert(4)&lt;/script&gt;"));
    assert!(h.contains("The &lt;b&gt;Outlet&lt;/b&gt;"));
    // No raw control characters other than line breaks.
    assert!(
        !h.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character in HTML"
    );
    // A bidi override, if the sanitiser lets one through, sits inside an isolating run.
    for (i, _) in h.match_indices('\u{202E}') {
        let open = h[..i].rfind('<').unwrap();
        let tag = &h[open..i];
        assert!(
            tag.contains("class=\"t") && !tag.starts_with("</"),
            "bidi override outside an isolating run: {tag}"
        );
    }
    assert!(h.contains(".t { unicode-bidi: isolate; }"));
}

#[test]
fn html_is_self_contained_and_forbids_network() {
    let f = fixture();
    let h = html(&Report::new(&f.a, &f.b, &f.cmp, Some(&f.store)));
    let csp = tags(&h)
        .into_iter()
        .find(|(n, a)| {
            n == "meta"
                && a.iter()
                    .any(|(k, v)| k == "http-equiv" && v == "Content-Security-Policy")
        })
        .expect("a CSP meta");
    let policy = &csp.1.iter().find(|(k, _)| k == "content").unwrap().1;
    assert!(policy.contains("default-src 'none'"));
    assert!(!policy.contains("http"));
    // The only non-anchor URLs would be in the style sheet: there are none.
    let style = &h[h.find("<style>").unwrap()..h.find("</style>").unwrap()];
    assert!(!style.contains("url("));
    assert!(!style.contains("@import"));
    assert!(!style.contains("@font-face"));
    assert!(!h.contains("<link"));
    assert!(!h.contains("src=\""));
}

#[test]
fn html_has_two_columns_per_row_and_marks_disagreements() {
    let f = fixture();
    let report = Report::new(&f.a, &f.b, &f.cmp, Some(&f.store));
    let h = html(&report);
    let b = body(&h);
    let rows = b.matches("<tr class=\"row ").count();
    assert_eq!(rows, f.cmp.rows.len());
    assert_eq!(b.matches("<td class=\"side a").count(), rows);
    assert_eq!(b.matches("<td class=\"side b").count(), rows);
    // Kinds are classes; one-sided rows have an empty other side.
    let only_b = f.cmp.rows.iter().filter(|r| r.a.is_empty()).count();
    assert!(only_b >= 1);
    assert_eq!(b.matches("<td class=\"side a empty\">").count(), only_b);
    // Changed words highlighted on both sides.
    assert!(b.contains("class=\"t chg in-a"));
    assert!(b.contains("class=\"t chg in-b"));
    // Disagreements: marked in the text with kind and note, linked to the list.
    assert!(b.contains("dis confirmed"));
    assert!(b.contains("dis dismissed"));
    assert!(b.contains("title=\"D1 number conflict: about 30 vs more than 20 &lt;b&gt;nations&lt;/b&gt; — confirmed: checked &lt;script&gt;"));
    assert_eq!(b.matches("<li id=\"d").count(), 3);
    assert!(b.contains("<a href=\"#d1\">D1</a>"));
    assert!(b.contains("<span class=\"verdict confirmed\">confirmed</span>"));
    assert!(b.contains("<div class=\"review none\">not reviewed</div>"));
    assert!(b.contains("<span class=\"none\">(not stated)</span>"));
    // The marked text is exactly the disagreement's span.
    let marked: String = b
        .split("<span class=\"t chg in-a dis confirmed\"")
        .skip(1)
        .chain(b.split("<span class=\"t dis confirmed\"").skip(1))
        .map(|s| {
            let s = &s[s.find('>').unwrap() + 1..];
            s[..s.find("</span>").unwrap()].to_owned()
        })
        .collect();
    assert_eq!(marked, "some thirty");
}

#[test]
fn markdown_escapes_and_keeps_the_table_intact() {
    let f = fixture();
    let md = markdown(&Report::new(&f.a, &f.b, &f.cmp, Some(&f.store)));
    assert!(md.starts_with("# Parallax report: hostile&lt;i&gt; vs plain"));
    assert!(!md.contains("<script"));
    assert!(!md.contains("<img"));
    assert!(!md.contains("<b>"));
    assert!(
        !md.chars().any(|c| c.is_control() && c != '\n'),
        "raw control character in Markdown"
    );
    let unescaped_pipes = |line: &str| {
        line.char_indices()
            .filter(|&(i, c)| c == '|' && !line[..i].ends_with('\\'))
            .count()
    };
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| # | kind |"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(table.len(), f.cmp.rows.len() + 2);
    for line in &table {
        assert_eq!(unescaped_pipes(line), 5, "broken row: {line}");
    }
    // No unescaped backticks anywhere (no code spans from article text).
    assert!(
        md.char_indices()
            .filter(|&(_, c)| c == '`')
            .all(|(i, _)| md[..i].ends_with('\\'))
    );
    assert!(md.contains("\\*\\*stars\\*\\*"));
    assert!(md.contains("\\[x\\](javascript:alert(3))"));
    // Changed words bold, disagreements marked and listed with notes.
    assert!(md.contains("**"));
    assert!(md.contains("‹D1›"));
    assert!(md.contains("### D1 · number conflict"));
    assert!(md.contains("- A: “some thirty”"));
    assert!(md.contains("- B: “over 20”"));
    assert!(md.contains(
        "- Review: **confirmed**: checked &lt;script&gt;alert(4)&lt;/script&gt; \\| \\`note\\`"
    ));
    assert!(md.contains("- Review: **dismissed**: same event, other words"));
    assert!(md.contains("### D3 · only here"));
    assert!(md.contains("- A: *(not stated)*"));
    assert!(md.contains("- Review: not reviewed"));
    // Untrusted text never starts a line.
    for line in md.lines() {
        assert!(
            line.is_empty()
                || ["#", "|", "-", "*", "Summary: ", "Words in"]
                    .iter()
                    .any(|p| line.starts_with(p)),
            "line starts with untrusted text: {line}"
        );
    }
}

#[test]
fn json_has_stable_fields_and_exact_text() {
    let f = fixture();
    let report = Report::new(&f.a, &f.b, &f.cmp, Some(&f.store));
    let v: serde_json::Value = serde_json::from_str(&json(&report)).unwrap();
    assert_eq!(v["format"], "parallax-report");
    assert_eq!(v["version"], 1);
    assert_eq!(v["a"]["id"], "hostile<i>");
    assert_eq!(v["a"]["language"], "en");
    assert!(v["a"]["hash"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(v["b"]["sentences"], f.b.doc.sentences.len());
    assert!(
        v["review_file"]
            .as_str()
            .unwrap()
            .ends_with("r.review.json")
    );
    for k in ["same", "changed", "moved", "only_a", "only_b", "similarity"] {
        assert!(v["stats"][k].is_number(), "stats.{k}");
    }
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), f.cmp.rows.len());
    for (i, (r, row)) in rows.iter().zip(&f.cmp.rows).enumerate() {
        assert_eq!(r["index"], i);
        assert!(r["kind"].is_string());
        assert!(r["score"].is_number());
        assert_eq!(r["a"].as_array().unwrap().len(), row.a.len());
        assert_eq!(
            r["a_segments"].as_array().unwrap().len(),
            row.a_segments.len()
        );
        for seg in r["a_segments"].as_array().unwrap() {
            let (s, e) = (
                seg["start"].as_u64().unwrap() as usize,
                seg["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(seg["text"], &HOSTILE[s..e]);
            assert!(seg["tag"] == "equal" || seg["tag"] == "changed");
        }
        for seg in r["b_segments"].as_array().unwrap() {
            let (s, e) = (
                seg["start"].as_u64().unwrap() as usize,
                seg["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(seg["text"], &PLAIN[s..e]);
        }
    }
    // Text is exact (not sanitised) so offsets still point into the article.
    let all_a: String = rows
        .iter()
        .map(|r| r["a_text"].as_str().unwrap().to_owned())
        .collect();
    assert!(all_a.contains("\u{1b}[31mred"));
    assert!(all_a.contains("<script>alert(1)</script>"));

    let ds = v["disagreements"].as_array().unwrap();
    assert_eq!(ds.len(), 3);
    assert_eq!(ds[0]["kind"], "number_conflict");
    assert_eq!(ds[0]["a"][0]["text"], "some thirty");
    assert_eq!(ds[0]["b"][0]["text"], "over 20");
    assert_eq!(ds[0]["review"]["verdict"], "confirmed");
    assert_eq!(
        ds[0]["review"]["note"],
        "checked <script>alert(4)</script> | `note`"
    );
    assert_eq!(ds[1]["review"]["verdict"], "dismissed");
    assert!(ds[2]["review"].is_null());
    assert_eq!(ds[2]["a"].as_array().unwrap().len(), 0);
    let row0 = ds[0]["row"].as_u64().unwrap() as usize;
    assert!(
        rows[row0]["disagreements"]
            .as_array()
            .unwrap()
            .contains(&0.into())
    );
}

#[test]
fn reports_without_notes_or_disagreements() {
    let a = article("a", "A", "One sentence here. Another one there.");
    let b = article("b", "B", "One sentence here. Something else entirely.");
    let cmp = compare(&a, &b);
    let report = Report::new(&a, &b, &cmp, None);
    assert!(report.reviews.is_empty());
    let md = Format::Markdown.render(&report);
    assert!(md.contains("None found."));
    assert!(!md.contains("Review file"));
    let h = Format::Html.render(&report);
    assert!(h.contains("<p class=\"none\">None found.</p>"));
    let j: serde_json::Value = serde_json::from_str(&Format::Json.render(&report)).unwrap();
    assert!(j["review_file"].is_null());
    assert_eq!(j["disagreements"].as_array().unwrap().len(), 0);
}

#[test]
fn kind_slugs_match_serde_names() {
    for k in [
        DisagreementKind::NumberConflict,
        DisagreementKind::NumberImprecision,
        DisagreementKind::QuoteDifference,
        DisagreementKind::NameDifference,
        DisagreementKind::OnlyHere,
    ] {
        assert_eq!(
            serde_json::to_value(k).unwrap(),
            parallax::report::kind_slug(k)
        );
    }
}

#[test]
fn pieces_tile_every_sentence_on_all_seed_pairs() {
    use parallax::report::{Which, pieces};
    let corpus = parallax::corpus::Corpus::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
    )
    .unwrap();
    let arts = &corpus.articles;
    for i in 0..arts.len() {
        for j in 0..arts.len() {
            if i == j {
                continue;
            }
            let (a, b) = (&arts[i], &arts[j]);
            let mut cmp = compare(a, b);
            // A disagreement over the second token of each two-sided row (and one-sided ones).
            let second = |art: &Article, idx: &[usize]| -> Vec<Span> {
                idx.first()
                    .and_then(|&s| art.doc.sentences[s].tokens.get(1))
                    .map(|t| vec![t.span])
                    .unwrap_or_default()
            };
            cmp.disagreements = cmp
                .rows
                .iter()
                .enumerate()
                .map(|(r, row)| Disagreement {
                    kind: DisagreementKind::OnlyHere,
                    row: r,
                    a: second(a, &row.a),
                    b: second(b, &row.b),
                    summary: String::new(),
                })
                .collect();
            let report = Report::new(a, b, &cmp, None);
            for (r, row) in cmp.rows.iter().enumerate() {
                for (which, art, idx) in [(Which::A, a, &row.a), (Which::B, b, &row.b)] {
                    let lines = pieces(&report, r, which);
                    assert_eq!(lines.len(), idx.len());
                    for (line, &s) in lines.iter().zip(idx) {
                        let text: String = line.iter().map(|p| p.span.slice(&art.text)).collect();
                        assert_eq!(text, art.sentence(s), "{} row {r}", a.meta.id);
                        assert!(line.windows(2).all(|w| w[0].span.end == w[1].span.start));
                    }
                    let d = &cmp.disagreements[r];
                    let spans = if which == Which::A { &d.a } else { &d.b };
                    let marked: String = lines
                        .iter()
                        .flatten()
                        .filter(|p| p.disagreements.contains(&r))
                        .map(|p| p.span.slice(&art.text))
                        .collect();
                    let want: String = spans.iter().map(|s| s.slice(&art.text)).collect();
                    assert_eq!(marked, want);
                    let markers = lines
                        .iter()
                        .flatten()
                        .filter(|p| p.ends.contains(&r))
                        .count();
                    assert_eq!(markers, usize::from(!spans.is_empty()));
                }
            }
            // Every writer handles every pair.
            for f in [Format::Markdown, Format::Html, Format::Json] {
                assert!(!f.render(&report).is_empty());
            }
        }
    }
}
