//! Quality on the bundled corpus: the "how many nations" disagreement and the differing
//! ceasefire accounts must be found; the corpus-wide claims table.

use parallax::compare::claims::{NumberKind, corpus_claims};
use parallax::compare::{DisagreementKind, compare};
use parallax::corpus::{Article, Corpus};
use std::path::Path;

fn corpus() -> Corpus {
    Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")).expect("bundled corpus")
}

fn get<'a>(c: &'a Corpus, id: &str) -> &'a Article {
    &c.articles[c.find(id).expect(id)]
}

/// The "how many nations" disagreement of a pair: its kind, and the spans' texts.
fn nations(c: &Corpus, a: &str, b: &str) -> Option<(DisagreementKind, Vec<String>, Vec<String>)> {
    let (x, y) = (get(c, a), get(c, b));
    let cmp = compare(x, y);
    cmp.disagreements
        .iter()
        .find(|d| {
            d.summary.starts_with("how many countries")
                && matches!(
                    d.kind,
                    DisagreementKind::NumberConflict | DisagreementKind::NumberImprecision
                )
        })
        .map(|d| {
            (
                d.kind,
                d.a.iter()
                    .map(|s| x.text[s.start..s.end].to_string())
                    .collect(),
                d.b.iter()
                    .map(|s| y.text[s.start..s.end].to_string())
                    .collect(),
            )
        })
}

#[test]
fn how_many_nations_conflicts() {
    let c = corpus();
    // Thirty / roughly thirty / more than 30 / 30 against "almost 20": cannot both hold.
    for (a, b) in [
        ("000", "004"),
        ("001", "004"),
        ("002", "004"),
        ("003", "004"),
    ] {
        let (kind, sa, sb) = nations(&c, a, b).unwrap_or_else(|| panic!("{a}–{b}: not found"));
        assert_eq!(kind, DisagreementKind::NumberConflict, "{a}–{b}");
        assert_eq!(sb, ["almost 20 nations"], "{a}–{b}");
        assert!(!sa.is_empty());
    }
    let (_, sa, _) = nations(&c, "003", "004").unwrap();
    assert_eq!(sa, ["over 20 countries"]);
}

#[test]
fn how_many_nations_imprecision() {
    let c = corpus();
    // Compatible but different: thirty vs more than 30, thirty vs over 20, 30 vs over 20.
    for (a, b) in [
        ("000", "001"),
        ("000", "003"),
        ("001", "003"),
        ("002", "003"),
        ("001", "002"),
    ] {
        let (kind, _, _) = nations(&c, a, b).unwrap_or_else(|| panic!("{a}–{b}: not found"));
        assert_eq!(kind, DisagreementKind::NumberImprecision, "{a}–{b}");
    }
    // "some thirty" / "thirty nations" vs "30 nations": the same claim.
    assert!(nations(&c, "000", "002").is_none());
}

#[test]
fn differing_ceasefire_accounts() {
    let c = corpus();
    let (a, b) = (get(&c, "000"), get(&c, "001"));
    let cmp = compare(a, b);
    let d = cmp
        .disagreements
        .iter()
        .find(|d| d.kind == DisagreementKind::AccountDifference)
        .expect("ceasefire accounts");
    let ta: Vec<&str> = d.a.iter().map(|s| &a.text[s.start..s.end]).collect();
    let tb: Vec<&str> = d.b.iter().map(|s| &b.text[s.start..s.end]).collect();
    assert_eq!(ta, ["partial 30-day ceasefire"]);
    assert_eq!(
        tb,
        ["30-day limited halt on strikes against Ukraine's power grid"]
    );
}

#[test]
fn claims_table_for_the_corpus() {
    let c = corpus();
    let groups = corpus_claims(&c.articles);
    let g = groups
        .iter()
        .find(|g| g.key == "countries" && g.kind == NumberKind::Count)
        .expect("a countries group");
    assert_eq!(g.articles, 5, "{g:#?}");
    assert!(g.conflict);
    let said: Vec<(String, String)> = g
        .entries
        .iter()
        .map(|e| (e.article_id[..3].to_string(), e.text.clone()))
        .collect();
    for want in [
        ("000", "some thirty"),
        ("000", "thirty"),
        ("001", "more than 30"),
        ("002", "30"),
        ("003", "over 20"),
        ("004", "almost 20"),
    ] {
        assert!(
            said.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} in {said:?}"
        );
    }
    // Every entry's span points at its phrase in its article.
    for e in &g.entries {
        assert_eq!(
            &c.articles[e.article].text[e.span.start..e.span.end],
            e.phrase
        );
    }
    // The table puts the most widely stated claim first.
    assert_eq!(groups[0].key, "countries");
    let days = groups
        .iter()
        .find(|g| g.key == "day")
        .expect("30-day group");
    assert!(!days.conflict, "all say 30 days");
}
