use super::*;
use crate::compare::{Disagreement, DisagreementKind, Stats};
use crate::corpus::{ArticleMeta, Boilerplate};

fn article(id: &str, text: &str) -> Article {
    Article::from_text(
        ArticleMeta {
            id: id.into(),
            title: id.into(),
            ..ArticleMeta::default()
        },
        text,
    )
}

/// A row over whole sentences with one segment per sentence.
fn row(a: &Article, b: &Article, ia: &[usize], ib: &[usize], kind: UnitKind) -> Row {
    let segs = |art: &Article, idx: &[usize], tag| -> Vec<Segment> {
        idx.iter()
            .map(|&i| Segment {
                span: art.doc.sentences[i].span,
                tag,
            })
            .collect()
    };
    let tag = if kind == UnitKind::Same {
        SegTag::Equal
    } else {
        SegTag::Changed
    };
    Row {
        a: ia.to_vec(),
        b: ib.to_vec(),
        kind,
        score: 0.5,
        a_segments: segs(a, ia, tag),
        b_segments: segs(b, ib, tag),
    }
}

fn cmp(rows: Vec<Row>) -> Comparison {
    Comparison {
        rows,
        stats: Stats::default(),
        disagreements: Vec::new(),
    }
}

fn check_widths(v: &DiffView) {
    for l in &v.lines {
        assert_eq!(l.width(), v.geometry.width, "{:?}", l.plain());
    }
}

#[test]
fn geometry_fits_every_width() {
    for w in 1..120 {
        let g = Geometry::new(w, 120);
        assert_eq!(g.left + g.gutter() + g.right, w);
        assert!(g.gutter() <= 2 || g.gutter() == 2 * g.num + 5);
    }
    let g = Geometry::new(100, 42);
    assert_eq!((g.num, g.gutter(), g.left, g.right), (2, 9, 45, 46));
}

#[test]
fn rows_stay_level_and_exactly_wide() {
    let a = article("a", "One two three four five six seven. Eight nine.");
    let b = article("b", "One two. Ten eleven twelve thirteen fourteen.");
    let c = cmp(vec![
        row(&a, &b, &[0], &[0], UnitKind::Changed),
        row(&a, &b, &[1], &[], UnitKind::OnlyA),
        row(&a, &b, &[], &[1], UnitKind::OnlyB),
    ]);
    for w in 1..60 {
        let v = layout(&a, &b, &c, &LayoutOptions::new(w));
        check_widths(&v);
        assert_eq!(v.row_start.len(), 3);
        assert_eq!(v.changes, vec![0, 1, 2]);
    }
    let v = layout(&a, &b, &c, &LayoutOptions::new(30));
    let text: Vec<String> = v.lines.iter().map(|l| l.plain().to_string()).collect();
    // Row 0: A wraps to more lines than B; B is padded so row 1 starts level.
    assert!(text[0].contains(" 1 ~ 1 "), "{text:#?}");
    let r1 = v.row_start[1];
    assert!(text[r1].starts_with("Eight nine."), "{text:#?}");
    assert!(text[r1].contains(" 2 < "), "{text:#?}");
    // The missing side of an unmatched row is filler.
    let filler = |l: &Line| l.runs().any(|r| r.style == Style::Filler);
    assert!(filler(&v.lines[r1]));
    assert!(filler(&v.lines[v.row_start[2]]));
    assert!(!filler(&v.lines[0]));
    assert_eq!(v.row_at(r1), Some(1));
    assert_eq!(v.row_at(r1 - 1), Some(0), "a gap belongs to the row above");
}

#[test]
fn highlights_follow_segments() {
    let a = article("a", "The meeting had thirty nations.");
    let b = article("b", "The meeting had twenty nations.");
    let seg = |art: &Article, word: &str, tag| Segment {
        span: {
            let s = art.text.find(word).unwrap();
            Span::new(s, s + word.len())
        },
        tag,
    };
    let r = Row {
        a: vec![0],
        b: vec![0],
        kind: UnitKind::Changed,
        score: 0.8,
        a_segments: vec![
            seg(&a, "The meeting had", SegTag::Equal),
            seg(&a, "thirty", SegTag::Changed),
            seg(&a, "nations.", SegTag::Equal),
        ],
        b_segments: vec![
            seg(&b, "The meeting had", SegTag::Equal),
            seg(&b, "twenty", SegTag::Changed),
            seg(&b, "nations.", SegTag::Equal),
        ],
    };
    let v = layout(&a, &b, &cmp(vec![r]), &LayoutOptions::new(80));
    let runs: Vec<Run> = v.lines[0].runs().collect();
    let styled = |style| -> Vec<&str> {
        runs.iter()
            .filter(|r| r.style == style)
            .map(|r| r.text)
            .collect()
    };
    assert_eq!(styled(Style::Removed), ["thirty"]);
    assert_eq!(styled(Style::Added), ["twenty"]);
    assert_eq!(v.lines[0].plain().matches("nations.").count(), 2);
}

#[test]
fn wide_text_keeps_columns_aligned() {
    let a = article("a", "東京で会議が開かれ、二十か国以上が参加した。");
    let b = article(
        "b",
        "Café naïve e\u{301}lan — tabs\there, and emoji 👩‍👩‍👧 too.",
    );
    let c = cmp(vec![row(&a, &b, &[0], &[0], UnitKind::Changed)]);
    for w in [1, 2, 5, 9, 10, 11, 17, 24, 33, 80] {
        let v = layout(&a, &b, &c, &LayoutOptions::new(w));
        check_widths(&v);
    }
    let v = layout(&a, &b, &c, &LayoutOptions::new(40));
    // The mark sits at the same column on every line that has one.
    let g = v.geometry;
    for l in &v.lines {
        let mut col = 0;
        for r in l.runs() {
            if matches!(r.style, Style::Mark(_)) {
                assert_eq!(col, g.left + 1 + g.num + 1);
            }
            col += display_width(r.text);
        }
    }
}

#[test]
fn hostile_text_is_sanitised() {
    let a = article(
        "a",
        "Breaking \u{1b}[2J\u{1b}]0;pwned\u{7} news\u{9b}31m here.",
    );
    let b = article("b", "Calm text.");
    let c = cmp(vec![row(&a, &b, &[0], &[0], UnitKind::Changed)]);
    let v = layout(&a, &b, &c, &LayoutOptions::new(30));
    check_widths(&v);
    for l in &v.lines {
        assert!(!l.plain().chars().any(char::is_control), "{:?}", l.plain());
    }
    let h = header(&v.geometry, "A \u{1b}[31mred", "B\u{9b}0m");
    assert_eq!(h.width(), 30);
    assert!(!h.plain().chars().any(char::is_control));
}

#[test]
fn moved_rows_say_where_from() {
    let a = article("a", "First. Second. Third.");
    let b = article("b", "Third. First. Second.");
    let c = cmp(vec![
        row(&a, &b, &[0], &[1], UnitKind::Same),
        row(&a, &b, &[1], &[2], UnitKind::Same),
        row(&a, &b, &[2], &[0], UnitKind::Moved),
    ]);
    let v = layout(&a, &b, &c, &LayoutOptions::new(50));
    let l = &v.lines[v.row_start[2]];
    assert!(l.plain().contains("3 ↕ 1"), "{:?}", l.plain());
    assert!(l.plain().contains("from B#1 ›"), "{:?}", l.plain());
    assert!(l.runs().any(|r| r.style == Style::Moved));
}

#[test]
fn disagreements_are_flagged_and_styled() {
    let a = article("a", "Over 20 nations came.");
    let b = article("b", "Some 30 nations came.");
    let mut c = cmp(vec![row(&a, &b, &[0], &[0], UnitKind::Changed)]);
    let at = |art: &Article, w: &str| {
        let s = art.text.find(w).unwrap();
        Span::new(s, s + w.len())
    };
    c.disagreements.push(Disagreement {
        kind: DisagreementKind::NumberConflict,
        row: 0,
        a: vec![at(&a, "Over 20")],
        b: vec![at(&b, "Some 30")],
        summary: "count".into(),
    });
    let v = layout(&a, &b, &c, &LayoutOptions::new(50));
    let l = &v.lines[0];
    assert!(l.plain().contains(" 1!~ 1 "), "{:?}", l.plain());
    let dis: Vec<&str> = l
        .runs()
        .filter(|r| r.style == Style::Disagree)
        .map(|r| r.text)
        .collect();
    assert_eq!(dis, ["Over 20", "Some 30"]);
}

#[test]
fn boilerplate_is_dimmed_or_folded() {
    let mut a = article("a", "Real news here. Photo: Reuters. Share this.");
    let b = article("b", "Real news here.");
    a.boilerplate[1] = Some(Boilerplate::Caption);
    a.boilerplate[2] = Some(Boilerplate::SiteChrome);
    let c = cmp(vec![
        row(&a, &b, &[0], &[0], UnitKind::Same),
        row(&a, &b, &[1], &[], UnitKind::OnlyA),
        row(&a, &b, &[2], &[], UnitKind::OnlyA),
    ]);
    let mut o = LayoutOptions::new(40);
    let v = layout(&a, &b, &c, &o);
    assert!(
        v.lines[v.row_start[1]]
            .runs()
            .any(|r| r.style == Style::Boilerplate)
    );
    o.fold_boilerplate = true;
    let v = layout(&a, &b, &c, &o);
    check_widths(&v);
    assert_eq!(v.row_start[1], v.row_start[2], "folded into one line");
    assert!(
        v.lines[v.row_start[1]]
            .plain()
            .contains("2 boilerplate sentences folded")
    );
    // Next/previous change stops once on a fold (it stopped on every row folded into it,
    // the screen not moving).
    assert_eq!(v.changes, [1]);
    o.fold_boilerplate = false;
    assert_eq!(layout(&a, &b, &c, &o).changes, [1, 2]);
}

#[test]
fn appended_story_gets_a_separator() {
    let mut a = article("a", "Main story. Another story begins.");
    let b = article("b", "Main story.");
    a.part[1] = 1;
    let c = cmp(vec![
        row(&a, &b, &[0], &[0], UnitKind::Same),
        row(&a, &b, &[1], &[], UnitKind::OnlyA),
    ]);
    let v = layout(&a, &b, &c, &LayoutOptions::new(60));
    check_widths(&v);
    assert!(
        v.lines
            .iter()
            .any(|l| l.plain().starts_with("── A: appended story (part 2)"))
    );
}

#[test]
fn seed_pairs_lay_out_at_every_width() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = crate::corpus::Corpus::load(&dir).unwrap();
    let arts = &corpus.articles;
    for (i, j) in [(3, 4), (0, 1)] {
        let c = crate::compare::compare(&arts[i], &arts[j]);
        for w in [1, 3, 7, 12, 40, 79, 160] {
            let v = layout(&arts[i], &arts[j], &c, &LayoutOptions::new(w));
            check_widths(&v);
            assert_eq!(v.row_start.len(), c.rows.len());
            // Every sentence of each side starts a numbered line exactly once.
            if v.geometry.num > 0 {
                let mut na = Vec::new();
                let mut nb = Vec::new();
                for l in &v.lines {
                    let (x, y) = v.geometry.numbers(l);
                    na.extend(x);
                    nb.extend(y);
                }
                na.sort();
                nb.sort();
                let all = |n: usize| (1..=n).collect::<Vec<_>>();
                assert_eq!(na, all(arts[i].doc.sentences.len()), "width {w}");
                assert_eq!(nb, all(arts[j].doc.sentences.len()), "width {w}");
            }
        }
    }
}

/// On rayon's pool the stages split their work in halves ([`crate::par`]): the comparison and
/// its layout come out exactly as computed in one piece, off the pool.
#[test]
fn the_pool_splits_give_what_one_thread_gives() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = crate::corpus::Corpus::load(&dir).unwrap();
    let n = corpus.articles.len();
    let fresh = |i: usize| corpus.articles[i].clone();
    for i in 0..n {
        for j in 0..n {
            let folded = LayoutOptions {
                fold_boilerplate: true,
                ..LayoutOptions::new(120)
            };
            let tight = LayoutOptions {
                row_gap: false,
                ..folded
            };
            let run = |(a, b): (Article, Article)| {
                let c = crate::compare::compare(&a, &b);
                let views =
                    [LayoutOptions::new(160), folded, tight].map(|o| layout(&a, &b, &c, &o));
                (c, views)
            };
            let alone = run((fresh(i), fresh(j)));
            let pooled = crate::par::on_pool(|| {
                assert!(crate::par::cheap_forks() || rayon::current_num_threads() < 2);
                run((fresh(i), fresh(j)))
            });
            assert!(alone == pooled, "pair {i}–{j}");
        }
    }
}
