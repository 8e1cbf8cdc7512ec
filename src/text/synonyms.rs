//! English synonym classes: words of one meaning share one stem in the similarity features.
//!
//! The classes come from WordNet 3.0 (`data/synonyms-en.txt`, made by
//! `scripts/wordnet-synonyms.py`): a synset that is the most frequent sense of two or more of
//! its words, each in its most frequent part of speech ("country" / "nation", "help" / "aid"
//! / "assist", "film" / "movie"), with their inflected forms ("countries", "nations"). The
//! table is embedded and read once, on first use.
//!
//! Words are looked up as written (folded), not by stem: a Snowball stem also stands for
//! derived words of other meanings ("clearness" and "clear" both stem to `clear`).
//! A class's stem is the Snowball stem of its first (most frequent) word.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The table, one class a line (its lemmas, most frequent first, then their inflected
/// forms), `#` lines being comments.
const TABLE: &str = include_str!("../../data/synonyms-en.txt");

struct Classes {
    /// word → its class
    class_of: FxHashMap<&'static str, u32>,
    /// class → its first word, and its stem once asked for (a process meets few classes:
    /// stemming all of them up front would be most of the cost of reading the table)
    heads: Vec<(&'static str, OnceLock<String>)>,
}

fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| parse(TABLE))
}

fn parse(table: &'static str) -> Classes {
    let mut c = Classes {
        // (about six forms a class)
        class_of: FxHashMap::with_capacity_and_hasher(table.len() / 8, Default::default()),
        heads: Vec::new(),
    };
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let mut words = line.split_whitespace();
        let Some(head) = words.next() else { continue };
        let id = c.heads.len() as u32;
        c.heads.push((head, OnceLock::new()));
        for w in std::iter::once(head).chain(words) {
            c.class_of.entry(w).or_insert(id);
        }
    }
    c
}

/// The stem standing for folded English word `word` when it is in a synonym class: the
/// Snowball stem of the class's first word.
pub fn class_stem(word: &str) -> Option<&'static str> {
    let c = classes();
    let word = word.strip_suffix("'s").unwrap_or(word);
    let (head, stem) = &c.heads[*c.class_of.get(word)? as usize];
    Some(stem.get_or_init(|| {
        frostem::Stemmer::new(frostem::Algorithm::English)
            .stem(head)
            .into_owned()
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_with_its_licence() {
        assert!(TABLE.contains("WordNet 3.0 Copyright 2006 by Princeton University"));
        let c = classes();
        assert!(c.heads.len() > 300, "{} classes", c.heads.len());
        assert!(c.class_of.len() > 2 * c.heads.len());
    }

    #[test]
    fn synonyms_and_their_inflections_share_a_stem() {
        let country = class_stem("country").unwrap();
        for w in ["countries", "nation", "nations", "nation's"] {
            assert_eq!(class_stem(w), Some(country), "{w}");
        }
        assert_eq!(class_stem("film"), class_stem("movies"));
        assert_eq!(class_stem("helped"), class_stem("assisting"));
        assert_eq!(class_stem("film"), Some("film"));
        assert_ne!(class_stem("film"), class_stem("nation"));
    }

    #[test]
    fn polysemous_and_derived_words_stay_out() {
        // words whose first sense is not a class's, words too vague to join one, derived
        // words sharing a Snowball stem with a class's word, inflected forms of their own
        for w in [
            "state", "be", "being", "make", "works", "clear", "national", "run", "set", "on",
        ] {
            assert_eq!(class_stem(w), None, "{w}");
        }
        // "work" is no synonym of "plant" ("works"), "chance" is, "chancellor" no word of it
        assert_eq!(class_stem("work"), None);
        assert_eq!(class_stem("chancellor"), None);
    }
}
