//! Scoring an alignment against gold links: precision, recall and F1 over sentence pairs.
//!
//! A link is a pair `(i, j)`: sentence `i` of A says what sentence `j` of B says. Every matched
//! unit (`same`, `changed`, `moved`) contributes all `a × b` links of its sentences; unmatched
//! units contribute none. Gold for articles is keyed by sentence *text* (a distinctive fragment
//! of each sentence) rather than by index, so it stays valid when segmentation changes:
//! [`resolve`] maps each fragment to the one sentence that contains it.

use super::{Alignment, UnitKind};
use serde::Deserialize;
use std::collections::BTreeSet;

/// A set of links `(sentence of A, sentence of B)`.
pub type Links = BTreeSet<(usize, usize)>;

/// The links an alignment asserts: all `a × b` pairs of its matched units.
pub fn predicted_links(al: &Alignment) -> Links {
    let mut out = Links::new();
    for u in &al.units {
        if matches!(u.kind, UnitKind::OnlyA | UnitKind::OnlyB) {
            continue;
        }
        for &i in &u.a {
            for &j in &u.b {
                out.insert((i, j));
            }
        }
    }
    out
}

/// Precision, recall and F1 of predicted links against gold links.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Predicted links that are in the gold.
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Scores {
    /// Score `predicted` against `gold`. Empty sets score 1 (nothing claimed, nothing missed).
    pub fn of(predicted: &Links, gold: &Links) -> Scores {
        let correct = predicted.intersection(gold).count();
        Scores::from_counts(correct, predicted.len(), gold.len())
    }

    /// Scores from counts (for summing over several documents: micro-averaging).
    pub fn from_counts(correct: usize, predicted: usize, gold: usize) -> Scores {
        let precision = if predicted == 0 {
            1.0
        } else {
            correct as f64 / predicted as f64
        };
        let recall = if gold == 0 {
            1.0
        } else {
            correct as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Scores {
            correct,
            predicted,
            gold,
            precision,
            recall,
            f1,
        }
    }

    /// Add two score counts (micro-average).
    pub fn plus(&self, other: &Scores) -> Scores {
        Scores::from_counts(
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.gold + other.gold,
        )
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "P {:.3} R {:.3} F1 {:.3} ({} correct / {} predicted / {} gold)",
            self.precision, self.recall, self.f1, self.correct, self.predicted, self.gold
        )
    }
}

/// Gold links between two articles, keyed by sentence text.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldPair {
    /// File name of article A.
    pub a: String,
    /// File name of article B.
    pub b: String,
    /// Each link: a fragment of a sentence of A and a fragment of a sentence of B.
    #[serde(default)]
    pub links: Vec<(String, String)>,
}

/// A file of gold pairs (`[[pair]]` tables in TOML).
#[derive(Clone, Debug, Deserialize)]
pub struct GoldFile {
    #[serde(rename = "pair")]
    pub pairs: Vec<GoldPair>,
}

impl GoldFile {
    pub fn parse(toml_text: &str) -> Result<GoldFile, String> {
        toml::from_str(toml_text).map_err(|e| e.to_string())
    }
}

/// Whitespace collapsed, quotes and dashes folded, lowercased: so a fragment copied from the
/// article matches however the sentence was cut out.
fn canon(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = crate::text::normalize::fold_char(c);
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The index of the one sentence that contains `fragment` (after whitespace/quote folding).
/// Errors name the fragment when no sentence or several sentences contain it.
pub fn resolve(sentences: &[&str], fragment: &str) -> Result<usize, String> {
    let f = canon(fragment);
    let hits: Vec<usize> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| canon(s).contains(&f))
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [i] => Ok(*i),
        [] => Err(format!("gold fragment not found: {fragment:?}")),
        _ => Err(format!(
            "gold fragment {fragment:?} is in several sentences: {hits:?}"
        )),
    }
}

/// Resolve a gold pair's fragments into links over the given sentences.
pub fn resolve_links(gold: &GoldPair, a: &[&str], b: &[&str]) -> Result<Links, String> {
    let mut out = Links::new();
    for (fa, fb) in &gold.links {
        out.insert((resolve(a, fa)?, resolve(b, fb)?));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Unit;

    fn unit(a: &[usize], b: &[usize], kind: UnitKind) -> Unit {
        Unit {
            a: a.to_vec(),
            b: b.to_vec(),
            kind,
            score: 0.5,
        }
    }

    #[test]
    fn n_m_units_give_all_links_and_unmatched_give_none() {
        let al = Alignment {
            units: vec![
                unit(&[0], &[0, 1], UnitKind::Changed),
                unit(&[1], &[], UnitKind::OnlyA),
                unit(&[], &[2], UnitKind::OnlyB),
                unit(&[2], &[3], UnitKind::Moved),
            ],
        };
        let links = predicted_links(&al);
        assert_eq!(links, Links::from([(0, 0), (0, 1), (2, 3)]));
    }

    #[test]
    fn precision_recall_f1() {
        let pred = Links::from([(0, 0), (1, 1), (2, 5)]);
        let gold = Links::from([(0, 0), (1, 1), (2, 2), (3, 3)]);
        let s = Scores::of(&pred, &gold);
        assert_eq!((s.correct, s.predicted, s.gold), (2, 3, 4));
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        assert!((s.f1 - 4.0 / 7.0).abs() < 1e-9);
        assert_eq!(Scores::of(&Links::new(), &Links::new()).f1, 1.0);
        assert_eq!(Scores::of(&Links::new(), &gold).f1, 0.0);
    }

    #[test]
    fn fragments_resolve_by_containment() {
        let sents = [
            "The “coalition of the willing” met.",
            "It is  believed that almost 20 nations are participating.",
        ];
        assert_eq!(resolve(&sents, "\"coalition of the willing\""), Ok(0));
        assert_eq!(resolve(&sents, "believed that almost 20"), Ok(1));
        assert!(resolve(&sents, "nowhere").is_err());
        assert!(resolve(&sents, "a").is_err());
    }

    #[test]
    fn gold_file_parses() {
        let g = GoldFile::parse(
            "[[pair]]\na = \"x.txt\"\nb = \"y.txt\"\nlinks = [[\"one\", \"two\"]]\n",
        )
        .unwrap();
        assert_eq!(g.pairs[0].links, vec![("one".into(), "two".into())]);
    }
}
