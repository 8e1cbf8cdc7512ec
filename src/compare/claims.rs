//! Claims per sentence: numbers (values with hedges, units and the noun they count), dates,
//! quotations with their speakers, and named people, places and organisations with
//! co-reference. Offline rules, no model. Everything carries exact byte spans into the
//! article text. Boilerplate sentences are skipped.
//!
//! Spelled numbers are read by the `text2num` crate (English, German, French, Spanish,
//! Italian, Portuguese, Dutch, Danish); hedges, units and the noun a number counts are
//! English rules.

mod dates;
pub(crate) mod entities;
mod numbers;
mod quotes;
pub(crate) mod words;

pub use numbers::counted_key;

use crate::corpus::Article;
use crate::text::{Document, Lang, Span};
use serde::Serialize;

/// How a number is hedged in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// "30", "exactly 30".
    Exact,
    /// "some thirty", "roughly 30", "about", "around", "approximately", "an estimated": ±15 %.
    About,
    /// "over 20", "more than 30", "above", "in excess of": (v, ∞).
    Over,
    /// "at least 19", "no fewer than": [v, ∞).
    AtLeast,
    /// "almost 20", "nearly", "just under", "close to": [0.8·v, v).
    Almost,
    /// "fewer than", "less than", "under", "below": [0, v).
    Under,
    /// "up to", "at most", "no more than": [0, v].
    AtMost,
    /// "as many as 30": [0.8·v, v].
    AsManyAs,
    /// "dozens", "scores", "hundreds", "thousands", "millions": a fixed range per word.
    Vague,
}

impl Hedge {
    /// The interval a hedged value stands for.
    pub fn interval(self, v: f64, vague: Option<Interval>) -> Interval {
        match self {
            Hedge::Exact => Interval::point(v),
            Hedge::About => Interval::closed(0.85 * v, 1.15 * v),
            Hedge::Over => Interval {
                lo: v,
                lo_closed: false,
                hi: f64::INFINITY,
                hi_closed: false,
            },
            Hedge::AtLeast => Interval {
                lo: v,
                lo_closed: true,
                hi: f64::INFINITY,
                hi_closed: false,
            },
            Hedge::Almost => Interval::closed_open(0.8 * v, v),
            Hedge::Under => Interval::closed_open(0.0, v),
            Hedge::AtMost => Interval::closed(0.0, v),
            Hedge::AsManyAs => Interval::closed(0.8 * v, v),
            Hedge::Vague => vague.unwrap_or_else(|| Interval::point(v)),
        }
    }
}

/// An interval of values with open or closed ends (`hi` may be infinite).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub lo_closed: bool,
    pub hi: f64,
    pub hi_closed: bool,
}

impl Interval {
    pub fn point(v: f64) -> Interval {
        Interval::closed(v, v)
    }
    pub fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo,
            lo_closed: true,
            hi,
            hi_closed: true,
        }
    }
    pub fn closed_open(lo: f64, hi: f64) -> Interval {
        Interval {
            lo,
            lo_closed: true,
            hi,
            hi_closed: false,
        }
    }
    /// Whether some value lies in both intervals.
    pub fn intersects(&self, o: &Interval) -> bool {
        let (lo, lo_closed) = if self.lo > o.lo {
            (self.lo, self.lo_closed)
        } else if o.lo > self.lo {
            (o.lo, o.lo_closed)
        } else {
            (self.lo, self.lo_closed && o.lo_closed)
        };
        let (hi, hi_closed) = if self.hi < o.hi {
            (self.hi, self.hi_closed)
        } else if o.hi < self.hi {
            (o.hi, o.hi_closed)
        } else {
            (self.hi, self.hi_closed && o.hi_closed)
        };
        lo < hi || (lo == hi && lo_closed && hi_closed)
    }
    pub fn contains(&self, v: f64) -> bool {
        (v > self.lo || (v == self.lo && self.lo_closed))
            && (v < self.hi || (v == self.hi && self.hi_closed))
    }
}

impl std::fmt::Display for Interval {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // (to one decimal, without a trailing ".0": 0.85 × 2030 shows as 1725.5, 1.15 × 1500
        // as 1725, not 1725.0)
        let num = |v: f64| {
            if v.is_infinite() {
                "∞".to_string()
            } else if v.fract() == 0.0 {
                format!("{v}")
            } else {
                let r = (v * 10.0).round() / 10.0;
                if r.fract() == 0.0 {
                    format!("{r:.0}")
                } else {
                    format!("{r:.1}")
                }
            }
        };
        write!(
            f,
            "{}{}, {}{}",
            if self.lo_closed { '[' } else { '(' },
            num(self.lo),
            num(self.hi),
            if self.hi_closed { ']' } else { ')' }
        )
    }
}

/// What a number measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count of things: "30 nations", "dozens of military chiefs".
    Count,
    /// A quantity with a unit: "a 30-day ceasefire", "90-minute call", "5 km".
    Measure,
    /// "5%", "5 per cent".
    Percent,
    /// "$3bn", "£1.2 million", "€500", "20 euros".
    Money,
    /// A calendar year outside a full date: "in 2022".
    Year,
    /// "first", "19th".
    Ordinal,
}

/// A number claim: a hedged value, what it is about, and where it is written.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct NumberClaim {
    /// Sentence index in the article.
    pub sentence: usize,
    /// The whole phrase: hedge, number, unit and counted noun ("some thirty Western countries").
    pub span: Span,
    /// The hedge and number only ("some thirty").
    pub value_span: Span,
    /// The text of `value_span`.
    pub text: String,
    /// The stated value (scaled: "$3bn" → 3e9).
    pub value: f64,
    /// The range of values the hedged number allows.
    pub interval: Interval,
    pub hedge: Hedge,
    pub kind: NumberKind,
    /// "day", "minute", "%", "USD", …
    pub unit: Option<String>,
    /// The counted (or, for measures, the modified) noun as written, lowercase.
    pub noun: Option<String>,
    pub noun_span: Option<Span>,
    /// What the claim is about, for comparing across articles: the counted noun through the
    /// synonym table for counts ("countries" for nations/countries/states), the unit for
    /// measures, "%" for percentages, the currency for money. `None` when unknown.
    pub key: Option<String>,
    /// Content words of the noun phrase around the number (for measures: "partial",
    /// "ceasefire"; "limited", "halt", "strikes", "ukraine", "power", "grid").
    pub descriptor: Vec<String>,
}

impl NumberClaim {
    /// Written as a year ("2001"), whatever it was read as: a [`NumberKind::Year`], or a
    /// count whose noun was found after it ("en junio de 2001 y dejó decenas …").
    pub(crate) fn is_year_shaped(&self) -> bool {
        numbers::is_year_figure(&self.text, self.value)
    }

    /// The interval used to decide conflicts: a bare round number ("30", "thirty") is read
    /// as the journalist's rounding, ±10 %, but less than halfway to the next number of its
    /// precision: "5 million" and "6 million" are two figures, not one rounded twice.
    pub fn loose(&self) -> Interval {
        let v = self.value;
        if self.hedge == Hedge::Exact
            && v >= 10.0
            && (v % 10.0 == 0.0 || (v >= 100.0 && v % 50.0 == 0.0))
        {
            let tolerance = (0.1 * v).min(0.4 * rounding_step(v));
            Interval::closed(v - tolerance, v + tolerance)
        } else {
            self.interval
        }
    }
}

/// The step of the last digit a round number is written to: 10 for "30" and "150", 100 for
/// "300", 1 000 000 for "5 million"; 50 for multiples of 50 from 100 ("150", "250": "round"
/// to a writer as 100 is).
fn rounding_step(v: f64) -> f64 {
    let mut step = 1.0;
    while step * 10.0 <= v && (v / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    if step == 10.0 && v >= 100.0 && v % 50.0 == 0.0 {
        50.0
    } else {
        step
    }
}

/// A date or weekday mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateClaim {
    pub sentence: usize,
    pub span: Span,
    pub text: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: Option<u8>,
    pub year: Option<u32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// "last month", "this week", "yesterday", …
    pub relative: Option<String>,
}

/// A quotation and who said it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Sentence where the quotation opens.
    pub sentence: usize,
    /// The quoted words, without the marks.
    pub span: Span,
    /// With the marks.
    pub outer: Span,
    pub text: String,
    /// Index into `ArticleClaims::entities`.
    pub speaker: Option<usize>,
    /// Where the speaker is named (or the pronoun that refers to them).
    pub speaker_span: Option<Span>,
    /// Direct speech, as opposed to a short quoted phrase ("a “credible force”").
    pub direct: bool,
}

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Organisation,
    Other,
}

/// One place where an entity is named.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub sentence: usize,
    /// The name as written, titles stripped ("Keir Starmer" in "Prime Minister Keir Starmer"),
    /// or a role phrase ("the prime minister").
    pub span: Span,
    pub text: String,
}

/// A person, place or organisation of one article, with all its mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Index in `ArticleClaims::entities`.
    pub id: usize,
    /// The fullest name seen, titles stripped ("Keir Starmer").
    pub name: String,
    pub kind: EntityKind,
    /// Titles and roles seen with the name, lowercase ("prime minister").
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    /// The words of `name`.
    pub words: Vec<String>,
    /// `words` lower-cased without dots, for matching across articles.
    #[serde(skip)]
    pub(crate) keys: Vec<String>,
}

impl Entity {
    /// Whether this entity and `other` (possibly of another article) name the same thing:
    /// same surname for people (spelling variants allowed), else the same words or one
    /// name's words contained in the other's.
    pub fn same_as(&self, other: &Entity) -> bool {
        let (a, b) = (&self.keys, &other.keys);
        if a.is_empty() || b.is_empty() {
            return false;
        }
        // "UK" / "U.K." / "United Kingdom", "NATO" / "North Atlantic Treaty Organization".
        let initials = |ws: &[String]| -> String {
            ws.iter()
                .filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for"))
                .filter_map(|w| w.chars().next())
                .collect()
        };
        if (a.len() == 1 && b.len() > 1 && a[0] == initials(b))
            || (b.len() == 1 && a.len() > 1 && b[0] == initials(a))
        {
            return true;
        }
        if self.kind == EntityKind::Person || other.kind == EntityKind::Person {
            return words::spelling_variant(a.last().unwrap(), b.last().unwrap())
                && (a.len() < 2 || b.len() < 2 || words::spelling_variant(&a[0], &b[0]));
        }
        a == b || a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
    }
}

/// All claims of one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ArticleClaims {
    pub numbers: Vec<NumberClaim>,
    pub dates: Vec<DateClaim>,
    pub quotes: Vec<Quote>,
    pub entities: Vec<Entity>,
}

impl ArticleClaims {
    /// The entity a quote's speaker refers to.
    pub fn speaker(&self, q: &Quote) -> Option<&Entity> {
        q.speaker.and_then(|i| self.entities.get(i))
    }
}

/// Extract the claims of an article (boilerplate sentences skipped).
pub fn extract(article: &Article) -> ArticleClaims {
    let skip: Vec<bool> = (0..article.doc.sentences.len())
        .map(|i| article.boilerplate.get(i).is_some_and(Option::is_some))
        .collect();
    extract_doc(&article.text, &article.doc, &skip, article.lang)
}

/// Extract claims from a segmented text; `skip[i]` leaves sentence `i` out.
pub fn extract_doc(text: &str, doc: &Document, skip: &[bool], lang: Lang) -> ArticleClaims {
    let sent_words: Vec<Option<Vec<words::W>>> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (!skip.get(i).copied().unwrap_or(false)).then(|| words::words(text, &s.tokens))
        })
        .collect();
    let mut claims = ArticleClaims::default();
    let (entities, headlines) = entities::extract(text, &sent_words);
    for (si, ws) in sent_words.iter().enumerate() {
        let Some(ws) = ws else { continue };
        let mut covered = vec![false; ws.len()];
        claims
            .dates
            .extend(dates::extract(text, si, ws, &mut covered));
        if !headlines[si] {
            claims
                .numbers
                .extend(numbers::extract(text, si, ws, lang, &covered));
        }
    }
    claims.quotes = quotes::extract(text, doc, skip, &sent_words, &entities, &headlines, lang);
    claims.entities = entities;
    claims
}

/// Extract claims from plain text (segmented here): handy for tests and tools.
pub fn extract_text(text: &str) -> ArticleClaims {
    extract_text_in(text, Lang::English)
}

/// [`extract_text`] for a text in `lang`.
pub fn extract_text_in(text: &str, lang: Lang) -> ArticleClaims {
    let doc = Document::parse(text, lang);
    extract_doc(text, &doc, &[], lang)
}

/// One article's statement in a claim group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimEntry {
    /// Index of the article in the slice given to [`corpus_claims`].
    pub article: usize,
    pub article_id: String,
    pub sentence: usize,
    /// The hedged value as written ("some thirty").
    pub text: String,
    /// The whole phrase ("some thirty Western countries").
    pub span: Span,
    pub phrase: String,
    pub interval: Interval,
}

/// What every article says about one claim key, e.g. how many countries.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimGroup {
    /// The claim key ("countries", "day", "%", "USD").
    pub key: String,
    pub kind: NumberKind,
    /// Entries in article order, then text order.
    pub entries: Vec<ClaimEntry>,
    /// How many distinct articles say something.
    pub articles: usize,
    /// Some two entries of different articles cannot both hold.
    pub conflict: bool,
}

/// The corpus-wide claims table: for each key that at least two articles state a number
/// about, what every article says. Groups with more articles come first.
pub fn corpus_claims(articles: &[Article]) -> Vec<ClaimGroup> {
    let all: Vec<ArticleClaims> = articles.iter().map(extract).collect();
    corpus_claims_from(articles, &all)
}

/// [`corpus_claims`] with the claims already extracted (`claims[i]` of `articles[i]`).
pub fn corpus_claims_from(articles: &[Article], claims: &[ArticleClaims]) -> Vec<ClaimGroup> {
    use std::collections::BTreeMap;
    let mut groups: BTreeMap<(String, u8), Vec<(ClaimEntry, Interval)>> = BTreeMap::new();
    for (ai, (art, c)) in articles.iter().zip(claims).enumerate() {
        for n in &c.numbers {
            let Some(key) = &n.key else { continue };
            if !matches!(
                n.kind,
                NumberKind::Count | NumberKind::Measure | NumberKind::Percent | NumberKind::Money
            ) {
                continue;
            }
            groups
                .entry((key.clone(), n.kind as u8))
                .or_default()
                .push((
                    ClaimEntry {
                        article: ai,
                        article_id: art.meta.id.clone(),
                        sentence: n.sentence,
                        text: n.text.clone(),
                        span: n.span,
                        phrase: n.span.slice(&art.text).to_string(),
                        interval: n.interval,
                    },
                    n.loose(),
                ));
        }
    }
    let kinds = [
        NumberKind::Count,
        NumberKind::Measure,
        NumberKind::Percent,
        NumberKind::Money,
        NumberKind::Year,
        NumberKind::Ordinal,
    ];
    let mut out: Vec<ClaimGroup> = groups
        .into_iter()
        .filter_map(|((key, k), entries)| {
            let mut ids: Vec<usize> = entries.iter().map(|e| e.0.article).collect();
            ids.dedup();
            if ids.len() < 2 {
                return None;
            }
            let conflict = entries.iter().any(|x| {
                entries
                    .iter()
                    .any(|y| x.0.article != y.0.article && !x.1.intersects(&y.1))
            });
            Some(ClaimGroup {
                key,
                kind: kinds[k as usize],
                articles: ids.len(),
                conflict,
                entries: entries.into_iter().map(|e| e.0).collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.key.cmp(&b.key)));
    out
}
