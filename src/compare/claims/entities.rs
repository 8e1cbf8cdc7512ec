//! Named people, places and organisations: capitalised word runs with titles stripped,
//! and one entity per person however they are named ("Sir Keir Starmer", "Keir Starmer",
//! "Starmer", "Sir Keir", "the prime minister").

use super::words::{W, norm, spelling_variant};
use super::{Entity, EntityKind, Mention};
use crate::text::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Titles and role words stripped from the front of a name.
fn is_title(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Sir"
            | "Dame"
            | "Lord"
            | "Lady"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Miss"
            | "Dr"
            | "Prof"
            | "Professor"
            | "President"
            | "Prime"
            | "Minister"
            | "Secretary"
            | "General"
            | "Admiral"
            | "Chancellor"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "Senator"
            | "Sen"
            | "Rep"
            | "Representative"
            | "Governor"
            | "Gov"
            | "Mayor"
            | "Judge"
            | "Justice"
            | "Chief"
            | "Commander"
            | "Colonel"
            | "Col"
            | "Captain"
            | "Capt"
            | "Lieutenant"
            | "Lt"
            | "Sergeant"
            | "Sgt"
            | "Ambassador"
            | "Envoy"
            | "Spokesman"
            | "Spokeswoman"
            | "Spokesperson"
            | "Chairman"
            | "Chairwoman"
            | "Chair"
            | "Director"
            | "Deputy"
            | "Vice"
            | "Foreign"
            | "Defence"
            | "Defense"
            | "Home"
            | "Health"
            | "Finance"
            | "Interior"
            | "Leader"
            | "Premier"
            | "Archbishop"
            | "Bishop"
            | "Rev"
            | "Marshal"
            | "Field"
            | "Air"
            | "Vice-President"
    ) || is_foreign_title(w.trim_end_matches('.'))
}

/// Titles of German, French, Spanish, Italian, Portuguese and Dutch ("Herr", "Monsieur",
/// "Presidente"), and German compounds ending in a role ("Verteidigungsminister",
/// "Bundeskanzlerin", "Regierungssprecher").
fn is_foreign_title(w: &str) -> bool {
    const ROLES: &[&str] = &[
        "minister",
        "ministerin",
        "präsident",
        "präsidentin",
        "kanzler",
        "kanzlerin",
        "sprecher",
        "sprecherin",
        "bürgermeister",
        "bürgermeisterin",
        "landrat",
        "landrätin",
        "direktor",
        "direktorin",
        "chef",
        "chefin",
    ];
    let capitalised = w.starts_with(char::is_uppercase);
    capitalised
        && (matches!(
            w,
            "Herr"
                | "Frau"
                | "Monsieur"
                | "Madame"
                | "Mme"
                | "Mlle"
                | "Ministre"
                | "Président"
                | "Présidente"
                | "Señor"
                | "Señora"
                | "Sra"
                | "Ministro"
                | "Ministra"
                | "Presidente"
                | "Presidenta"
                | "Signor"
                | "Signora"
                | "Sig"
                | "Senhor"
                | "Senhora"
                | "Dhr"
                | "Mevrouw"
        ) || {
            let lower = w.to_lowercase();
            ROLES.iter().any(|r| lower.ends_with(r))
        })
}

/// Lower-case role words that, just before a name, make it a person: "minister Luke Pollard".
fn is_role_word(w: &str) -> bool {
    matches!(
        w,
        "minister"
            | "president"
            | "secretary"
            | "envoy"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "chancellor"
            | "chief"
            | "leader"
            | "premier"
            | "ambassador"
            | "commander"
            | "general"
            | "admiral"
            | "senator"
            | "governor"
            | "mayor"
            | "counterpart"
            | "adviser"
            | "advisor"
            | "director"
            // German, French, Spanish, Italian, Portuguese and Dutch.
            | "ministro"
            | "ministra"
            | "ministre"
            | "presidente"
            | "presidenta"
            | "président"
            | "présidente"
            | "canciller"
            | "chancelier"
            | "portavoz"
            | "porte-parole"
            | "portavoce"
            | "porta-voz"
            | "woordvoerder"
            | "secretario"
            | "secrétaire"
            // Russian and Polish (lower case before a name, often with a genitive between:
            // "глава района Иван Петров", "rzecznik policji Jan Kowalski").
            | "глава"
            | "мэр"
            | "губернатор"
            | "министр"
            | "президент"
            | "премьер"
            | "премьер-министр"
            | "пресс-секретарь"
            | "представитель"
            | "директор"
            | "начальник"
            | "руководитель"
            | "председатель"
            | "командующий"
            | "посол"
            | "prezydent"
            | "burmistrz"
            | "wojewoda"
            | "rzecznik"
            | "rzeczniczka"
            | "dyrektor"
            | "prezes"
            | "komendant"
            | "szef"
            | "szefowa"
    )
}

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "the"
            | "de"
            | "du"
            | "la"
            | "le"
            | "von"
            | "van"
            | "der"
            | "bin"
            | "al"
            | "da"
            | "di"
            | "in"
    )
}

fn is_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    ["ian", "ean", "ese", "ish", "can"]
        .iter()
        .any(|s| l.ends_with(s) && l.len() > s.len() + 2)
        || matches!(
            l.as_str(),
            "french"
                | "dutch"
                | "swiss"
                | "greek"
                | "thai"
                | "western"
                | "eastern"
                | "northern"
                | "southern"
                | "iraqi"
                | "israeli"
                | "pakistani"
                | "saudi"
                | "yemeni"
                | "kuwaiti"
                | "qatari"
                | "bangladeshi"
                | "nepali"
                | "emirati"
                | "soviet"
        )
}

fn is_weekday_or_month(w: &str) -> bool {
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w);
    if !(3..=9).contains(&w.len()) {
        return false;
    }
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .iter()
    .any(|m| m.eq_ignore_ascii_case(w))
}

const ORG_WORDS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Group",
    "Party",
    "Headquarters",
    "Office",
    "Government",
    "Army",
    "Navy",
    "Forces",
    "Force",
    "Agency",
    "Bank",
    "Union",
    "Commission",
    "Committee",
    "Parliament",
    "Assembly",
    "Court",
    "Company",
    "Corporation",
    "Inc",
    "Ltd",
    "University",
    "School",
    "Institute",
    "Association",
    "Organisation",
    "Organization",
    "Alliance",
    "Coalition",
    "Kremlin",
    "Pentagon",
    "Congress",
    "Senate",
    "Service",
    "Police",
    "Guard",
    "News",
    "Times",
    "Post",
    "Press",
    "Reuters",
    "HMS",
];
const PLACE_WORDS: &[&str] = &[
    "Street",
    "Avenue",
    "Road",
    "Square",
    "Lane",
    "Boulevard",
    "City",
    "County",
    "Province",
    "Region",
    "Island",
    "Islands",
    "River",
    "Sea",
    "Ocean",
    "Mountains",
    "Valley",
    "Bay",
    "Gulf",
    "Republic",
    "Kingdom",
    "States",
    "Atlantic",
    "Pacific",
];

/// A word that says what kind of place or body a name is ("Street", "Avenue", "Center",
/// "County"): the word a spun text swaps while keeping the distinctive part.
pub(crate) fn is_type_word(w: &str) -> bool {
    ORG_WORDS
        .iter()
        .chain(PLACE_WORDS)
        .any(|t| t.eq_ignore_ascii_case(w))
        || [
            "center",
            "centre",
            "clinic",
            "hospital",
            "courthouse",
            "house",
            "hall",
            "building",
            "park",
            "bridge",
            "station",
            "airport",
            "prison",
            "jail",
            "palace",
            "church",
            "stadium",
            "arena",
            "place",
            "court",
            "gardens",
            "tower",
            "base",
            "port",
            "harbour",
            "harbor",
            "way",
            "drive",
            "close",
            "crescent",
            "terrace",
            "row",
            "market",
        ]
        .iter()
        .any(|t| t.eq_ignore_ascii_case(w))
}

/// A name run found in a sentence, before co-reference.
#[derive(Debug, Clone)]
struct RawMention {
    sentence: usize,
    span: Span,
    /// The name's words, titles stripped.
    words: Vec<String>,
    person: bool,
    role: Option<String>,
    kind: EntityKind,
    /// Preceded by a "first name" title such as Sir or Dame.
    sir: bool,
}

/// Whether a sentence looks like a headline or tag line (mostly capitalised, no full stop).
fn headline(ws: &[W]) -> bool {
    let (mut long, mut caps) = (0usize, 0usize);
    for w in ws.iter().filter(|w| w.is_word() && w.text.len() > 3) {
        long += 1;
        caps += usize::from(w.cap());
    }
    // (a final stop, or a closing quote or bracket of any convention after one: German
    // „…“ and »…«, French « … »)
    let ends_stop = ws
        .iter()
        .rev()
        .find(|w| !matches!(w.text, "“" | "‘" | "’" | "»" | "«" | "›" | "‹" | ")" | "]"))
        .is_some_and(|w| matches!(w.text, "." | "?" | "!" | "…" | "”" | "\""));
    long >= 3 && caps * 10 >= long * 6 && !ends_stop
}

/// Extract entities from the article's sentences (`None` for skipped ones).
pub(crate) fn extract(text: &str, sentences: &[Option<Vec<W>>]) -> (Vec<Entity>, Vec<bool>) {
    // Pass 1: which words appear lower-case, and which capitalised away from a sentence start.
    let mut lower: HashSet<&str> = HashSet::default();
    let mut caps_mid: HashMap<&str, usize> = HashMap::default();
    let headlines: Vec<bool> = sentences
        .iter()
        .map(|s| s.as_ref().is_some_and(|ws| headline(ws)))
        .collect();
    for (si, s) in sentences.iter().enumerate() {
        let Some(ws) = s else { continue };
        if headlines[si] {
            continue;
        }
        for (k, w) in ws.iter().enumerate() {
            if !w.is_word() {
                continue;
            }
            if w.cap() {
                if !initial(ws, k) {
                    *caps_mid.entry(w.stem_possessive().0).or_insert(0) += 1;
                }
            } else {
                lower.insert(w.lower.as_ref());
            }
        }
    }
    let mut raws: Vec<RawMention> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let Some(ws) = s else { continue };
        if headlines[si] {
            continue;
        }
        runs(text, si, ws, &lower, &caps_mid, &mut raws);
    }
    (corefer(text, sentences, raws), headlines)
}

/// A German article, quantifier, preposition or small number opening a sentence or
/// quotation: German nouns follow it capitalised ("„Alle Bewohner …", "Im Werk …", "Drei
/// Arbeiter …"), and it is never the first word of a name. (Not English "The" or Dutch "De":
/// "The Hague", "De Haan"; nor "Von": "Von der Leyen".)
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "der"
            | "die"
            | "das"
            | "den"
            | "dem"
            | "des"
            | "ein"
            | "eine"
            | "einen"
            | "einem"
            | "einer"
            | "alle"
            | "viele"
            | "einige"
            | "mehrere"
            | "kein"
            | "keine"
            | "jeder"
            | "jede"
            | "diese"
            | "dieser"
            | "dieses"
            // prepositions, their contractions with the article, numbers
            | "im"
            | "am"
            | "zum"
            | "zur"
            | "beim"
            | "vom"
            | "ins"
            | "in"
            | "an"
            | "auf"
            | "aus"
            | "bei"
            | "mit"
            | "nach"
            | "vor"
            | "für"
            | "über"
            | "unter"
            | "wegen"
            | "seit"
            | "laut"
            | "zwei"
            | "drei"
            | "vier"
            | "fünf"
            | "sechs"
            | "sieben"
            | "acht"
            | "neun"
            | "zehn"
            | "elf"
            | "zwölf"
            | "zwanzig"
            | "dreißig"
            | "hundert"
            | "tausend"
            | "dutzend"
            | "dutzende"
            | "hunderte"
            | "tausende"
            | "rund"
            | "etwa"
            | "mehr"
            | "fast"
    )
}

/// Token `k` opens a sentence or a quotation (so its capital says nothing).
fn initial(ws: &[W], k: usize) -> bool {
    let mut j = k;
    while j > 0
        && matches!(
            ws[j - 1].text,
            "“" | "\"" | "‘" | "'" | "(" | "«" | "»" | "„" | "‚" | "[" | "—" | "–" | "-"
        )
    {
        j -= 1;
    }
    j == 0 || matches!(ws[j - 1].text, ":" | "|")
}

/// Token `k` is the capital letter of a dotted abbreviation after a lower-case one: the
/// "B" of German "z. B." ("for example"), which is no initial of a name ("J. R. Smith").
fn in_abbreviation(ws: &[W], k: usize) -> bool {
    let one_letter = |w: &W| w.is_word() && w.text.chars().count() == 1;
    k >= 2
        && one_letter(&ws[k])
        && ws.get(k + 1).is_some_and(|w| w.text == ".")
        && ws[k - 1].text == "."
        && one_letter(&ws[k - 2])
        && !ws[k - 2].cap()
}

/// A capitalised word, or an acronym ("NATO": two letters or more, in capitals). A script
/// without case (Arabic, Hebrew, Devanagari, CJK) has neither: its words are not names by
/// their shape (every Arabic word was an "acronym", so whole phrases were names).
fn is_name_word(w: &W) -> bool {
    w.is_word()
        && (w.cap()
            || (w.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.text.chars().any(char::is_uppercase)
                && w.text.chars().all(|c| !c.is_lowercase())))
}

fn runs(
    text: &str,
    si: usize,
    ws: &[W],
    lower: &HashSet<&str>,
    caps_mid: &HashMap<&str, usize>,
    out: &mut Vec<RawMention>,
) {
    let mut k = 0;
    while k < ws.len() {
        if !is_name_word(&ws[k])
            || in_abbreviation(ws, k)
            || (is_weekday_or_month(ws[k].text) && !is_title(ws[k].text))
            || (initial(ws, k)
                && (is_determiner(&ws[k].lower)
                    || (is_role_word(&ws[k].lower) && !is_title(ws[k].text))))
        {
            k += 1;
            continue;
        }
        // Collect the run: indices of name words (connectors included).
        let mut idx: Vec<usize> = vec![k];
        let mut possessive = ws[k].stem_possessive().1;
        let mut j = k + 1;
        while !possessive && j < ws.len() {
            let w = &ws[j];
            if (w.text == "-" || w.text == ".") && !w.gap {
                // "Barrow-in-Furness", "Secretary-General", "Mr. Pollard", "U.S. President"
                j += 1;
                continue;
            }
            if is_name_word(w) && !is_weekday_or_month(w.text) {
                possessive = w.stem_possessive().1;
                idx.push(j);
                j += 1;
                continue;
            }
            if w.is_word() && is_connector(&w.lower) {
                // connectors only between name words: "Secretary of State", "Coalition of the Willing"
                let mut m = j;
                let mut n_conn = 0;
                while m < ws.len()
                    && ((ws[m].is_word() && is_connector(&ws[m].lower))
                        || (ws[m].text == "-" && !ws[m].gap))
                {
                    n_conn += usize::from(ws[m].is_word());
                    m += 1;
                }
                if m < ws.len()
                    && is_name_word(&ws[m])
                    && n_conn <= 2
                    && (ws[j].lower != "in" || !ws[j].gap)
                {
                    idx.extend((j..m).filter(|&q| ws[q].is_word()));
                    j = m;
                    continue;
                }
            }
            break;
        }
        let next = j;
        // Sentence-initial words: kept only if the article capitalises them elsewhere and never writes them lower-case.
        if initial(ws, idx[0]) {
            let w0 = &ws[idx[0]];
            let never_lower = !lower.contains(w0.lower.as_ref());
            let known = (caps_mid.contains_key(w0.stem_possessive().0) && never_lower)
                || (idx.len() == 1 && speaks_after(ws, idx[0]));
            // "Downing Avenue has said …": a capitalised pair at the start is a name.
            let pair = never_lower
                && !is_demonym(w0.text)
                && idx.get(1).is_some_and(|&i| !is_connector(&ws[i].lower));
            if is_title(w0.text) {
                // "Defence Chiefs of …": a title and one word unknown elsewhere is no name.
                let rest: Vec<usize> = idx
                    .iter()
                    .copied()
                    .filter(|&i| !is_title(word_text(&ws[i])))
                    .collect();
                // (The word's own capital in this run counts once.)
                if let [only] = rest[..] {
                    let seen = caps_mid.get(word_text(&ws[only])).copied().unwrap_or(0);
                    if seen < 2 && !speaks_after(ws, only) {
                        idx.clear();
                    }
                }
            } else if !known && !pair {
                idx.remove(0);
                while idx.first().is_some_and(|&i| is_connector(&ws[i].lower)) {
                    idx.remove(0);
                }
            }
        }
        if !idx.is_empty() {
            split_run(text, si, ws, &idx, out);
        }
        k = next.max(k + 1);
    }
}

fn word_text<'a>(w: &'a W) -> &'a str {
    w.stem_possessive().0.trim_end_matches('.')
}

/// Split a run at its titles: "UK Prime Minister Keir Starmer" → "UK", person "Keir Starmer".
fn split_run(text: &str, si: usize, ws: &[W], idx: &[usize], out: &mut Vec<RawMention>) {
    let title: Vec<bool> = idx.iter().map(|&i| is_title(word_text(&ws[i]))).collect();
    let conn: Vec<bool> = idx.iter().map(|&i| is_connector(&ws[i].lower)).collect();
    // The last title followed by a name word that is neither title nor connector.
    let mut person_at: Option<(usize, usize)> = None; // (first title pos, name start pos)
    let mut p = 0;
    while p < idx.len() {
        if title[p] {
            let t0 = p;
            while p < idx.len() && title[p] {
                p += 1;
            }
            if p < idx.len() && !conn[p] {
                person_at = Some((t0, p));
            } else if p < idx.len() && conn[p] {
                // "Minister for the Armed Forces Luke Pollard": a role, then maybe a name at the end.
                let caps: Vec<usize> = (p..idx.len()).filter(|&q| !conn[q] && !title[q]).collect();
                if caps.len() >= 3 {
                    person_at = Some((t0, caps[caps.len() - 2]));
                }
            }
        } else {
            p += 1;
        }
    }
    let make = |range: std::ops::Range<usize>| -> Option<(Span, Vec<String>)> {
        let r: Vec<usize> = idx[range].to_vec();
        let (first, last) = (*r.first()?, *r.last()?);
        let words: Vec<String> = r
            .iter()
            .filter(|&&i| !is_connector(&ws[i].lower) || (i != first && i != last))
            .map(|&i| word_text(&ws[i]).to_string())
            .collect();
        let end = ws[last].span.start + word_text(&ws[last]).len();
        Some((Span::new(ws[first].span.start, end), words))
    };
    let prev_word = |pos: usize| -> Option<&W> { (pos > 0).then(|| &ws[pos - 1]) };
    match person_at {
        Some((t0, n0)) => {
            let role_words: Vec<String> = idx[t0..n0]
                .iter()
                .filter(|&&i| {
                    !matches!(
                        word_text(&ws[i]),
                        "Sir" | "Dame" | "Lord" | "Lady" | "Mr" | "Mrs" | "Ms" | "Miss" | "Dr"
                    )
                })
                .map(|&i| word_text(&ws[i]).to_lowercase())
                .collect();
            let sir = idx[..n0]
                .iter()
                .any(|&i| matches!(word_text(&ws[i]), "Sir" | "Dame"));
            if t0 > 0 {
                // A qualifier before the title: "UK", "NATO" (kept), "Russian" (dropped).
                if let Some((span, words)) = make(0..t0) {
                    push_other(text, si, ws, idx[0], span, words, out);
                }
            }
            if let Some((span, words)) = make(n0..idx.len()) {
                if words
                    .iter()
                    .any(|w| ORG_WORDS.contains(&w.as_str()) || PLACE_WORDS.contains(&w.as_str()))
                {
                    if let Some((span, words)) = make(0..idx.len()) {
                        push_other(text, si, ws, idx[0], span, words, out);
                    }
                    return;
                }
                out.push(RawMention {
                    sentence: si,
                    span,
                    words,
                    person: true,
                    role: (!role_words.is_empty()).then(|| role_words.join(" ")),
                    kind: EntityKind::Person,
                    sir,
                });
            }
        }
        None => {
            if title.iter().zip(&conn).all(|(t, c)| *t || *c) {
                return; // only titles: "Prime Minister", "King"
            }
            // Leading titles without a name after them are roles, not part of the name.
            let mut s = 0;
            while s < idx.len() && (title[s] || conn[s]) && idx.len() - s > 1 {
                s += 1;
            }
            if let Some((span, words)) = make(s..idx.len()) {
                // (the role right before the name, or one word before that: "глава района
                // Иван Петров", "rzecznik policji Jan Kowalski")
                let role_word = prev_word(idx[0])
                    .filter(|w| is_role_word(&w.lower))
                    .or_else(|| {
                        prev_word(idx[0].saturating_sub(1))
                            .filter(|w| idx[0] > 0 && w.gap && is_role_word(&w.lower))
                    });
                let org_or_place = words
                    .iter()
                    .any(|w| ORG_WORDS.contains(&w.as_str()) || PLACE_WORDS.contains(&w.as_str()));
                let role_before = role_word.is_some() || speaks_after(ws, *idx.last().unwrap());
                if role_before && words.len() >= 2 && !org_or_place {
                    out.push(RawMention {
                        sentence: si,
                        span,
                        words,
                        person: true,
                        role: role_word.map(|w| w.lower.to_string()),
                        kind: EntityKind::Person,
                        sir: false,
                    });
                } else {
                    push_other(text, si, ws, idx[s], span, words, out);
                }
            }
        }
    }
}

/// "X said", "X has said", "X told": the run ending at token `last` is the subject of a speech verb.
fn speaks_after(ws: &[W], last: usize) -> bool {
    let mut k = last + 1;
    while k < ws.len()
        && matches!(
            ws[k].lower.as_ref(),
            "has" | "had" | "have" | "also" | "later" | "then" | "previously"
        )
    {
        k += 1;
    }
    ws.get(k).is_some_and(|w| {
        super::quotes::is_speech_verb(&w.lower) && w.lower != "calling" && w.lower != "called"
    })
}

fn push_other(
    _text: &str,
    si: usize,
    ws: &[W],
    first: usize,
    span: Span,
    words: Vec<String>,
    out: &mut Vec<RawMention>,
) {
    if words.len() == 1 && (is_demonym(&words[0]) || words[0].chars().count() < 2) {
        return;
    }
    let kind = if words.iter().any(|w| ORG_WORDS.contains(&w.as_str()))
        || (words.len() == 1
            && words[0].len() >= 2
            && words[0].chars().all(|c| c.is_uppercase())
            && words[0] != "UK"
            && words[0] != "US")
    {
        EntityKind::Organisation
    } else if words.iter().any(|w| PLACE_WORDS.contains(&w.as_str()))
        || (first > 0
            && matches!(
                ws[first - 1].lower.as_ref(),
                "in" | "at" | "from" | "to" | "near" | "across"
            ))
    {
        EntityKind::Place
    } else {
        EntityKind::Other
    };
    out.push(RawMention {
        sentence: si,
        span,
        words,
        person: false,
        role: None,
        kind,
        sir: false,
    });
}

/// Lower-case words without dots ("U.K" → "uk"), for matching names.
pub(crate) fn keys_of(words: &[String]) -> Vec<String> {
    words.iter().map(|w| norm(w).replace('.', "")).collect()
}

fn last_key(e: &Entity) -> &str {
    e.keys.last().map_or("", String::as_str)
}

fn surname(words: &[String]) -> String {
    norm(words.last().map_or("", |s| s.as_str()))
}

/// Merge mentions into entities.
fn corefer(text: &str, sentences: &[Option<Vec<W>>], raws: Vec<RawMention>) -> Vec<Entity> {
    let mut ents: Vec<Entity> = Vec::new();
    let mention = |r: &RawMention| Mention {
        sentence: r.sentence,
        span: r.span,
        text: r.span.slice(text).to_string(),
    };
    // 1. Multi-word person names.
    let persons_known: HashSet<String> = raws
        .iter()
        .filter(|r| r.person)
        .map(|r| surname(&r.words))
        .collect();
    let mut assigned = vec![false; raws.len()];
    for (ri, r) in raws.iter().enumerate() {
        let multi_person = r.words.len() >= 2
            && (r.person
                || (persons_known.contains(&surname(&r.words)) && r.kind == EntityKind::Other));
        if !multi_person {
            continue;
        }
        let rk = keys_of(&r.words);
        let sn = rk.last().cloned().unwrap_or_default();
        let found = ents.iter().position(|e| {
            e.kind == EntityKind::Person && spelling_variant(last_key(e), &sn) && {
                let (f1, f2) = (&e.keys[0], &rk[0]);
                e.words.len() < 2 || f1 == f2 || spelling_variant(f1, f2)
            }
        });
        let id = found.unwrap_or_else(|| {
            ents.push(Entity {
                id: ents.len(),
                name: r.words.join(" "),
                kind: EntityKind::Person,
                roles: Vec::new(),
                mentions: Vec::new(),
                words: r.words.clone(),
                keys: rk.clone(),
            });
            ents.len() - 1
        });
        let e = &mut ents[id];
        if r.words.len() > e.words.len() {
            e.words = r.words.clone();
            e.name = r.words.join(" ");
            e.keys = rk;
        }
        if let Some(role) = &r.role {
            if !e.roles.contains(role) {
                e.roles.push(role.clone());
            }
        }
        e.mentions.push(mention(r));
        assigned[ri] = true;
    }
    // 2. Other multi-word names, then single words.
    for pass in 0..2 {
        for (ri, r) in raws.iter().enumerate() {
            if assigned[ri] || (pass == 0) != (r.words.len() >= 2) {
                continue;
            }
            let lw: Vec<String> = keys_of(&r.words);
            let found = if lw.len() == 1 {
                let w = &lw[0];
                // "Starmer" → the person with that surname; "Sir Keir" → the person with that first name.
                ents.iter()
                    .position(|e| e.kind == EntityKind::Person && spelling_variant(last_key(e), w))
                    .or_else(|| {
                        r.sir
                            .then(|| {
                                ents.iter()
                                    .position(|e| e.kind == EntityKind::Person && e.keys[0] == *w)
                            })
                            .flatten()
                    })
                    .or_else(|| {
                        ents.iter()
                            .position(|e| e.words.len() == 1 && e.keys[0] == *w)
                    })
                    .or_else(|| {
                        // "Barrow" → "Barrow-in-Furness"
                        ents.iter().position(|e| {
                            e.kind != EntityKind::Person
                                && e.words.len() > 1
                                && e.keys[0] == *w
                                && e.name.contains('-')
                        })
                    })
            } else {
                ents.iter().position(|e| e.keys == lw)
            };
            let id = found.unwrap_or_else(|| {
                ents.push(Entity {
                    id: ents.len(),
                    name: r.words.join(" "),
                    kind: if r.person { EntityKind::Person } else { r.kind },
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    words: r.words.clone(),
                    keys: lw.clone(),
                });
                ents.len() - 1
            });
            let e = &mut ents[id];
            if e.kind == EntityKind::Other && r.kind != EntityKind::Other && !r.person {
                e.kind = r.kind;
            }
            if let Some(role) = &r.role {
                if !e.roles.contains(role) {
                    e.roles.push(role.clone());
                }
            }
            e.mentions.push(mention(r));
            assigned[ri] = true;
        }
    }
    // 3. Role mentions: "the prime minister" → the last person with that role.
    for (si, s) in sentences.iter().enumerate() {
        let Some(ws) = s else { continue };
        for k in 0..ws.len() {
            if ws[k].lower != "the" {
                continue;
            }
            for len in (1..=3).rev() {
                if k + len >= ws.len() || !is_role_word(&ws[k + len].lower) {
                    continue;
                }
                let phrase: Vec<&str> = ws[k + 1..=k + len]
                    .iter()
                    .map(|w| w.lower.as_ref())
                    .collect();
                if !ws[k + len].is_word()
                    || !is_role_word(phrase[len - 1])
                    || ws[k + len + 1..]
                        .first()
                        .is_some_and(|w| w.cap() && w.is_word())
                {
                    continue;
                }
                let phrase = phrase.join(" ");
                let pos = ws[k].span.start;
                let best = ents
                    .iter()
                    .filter(|e| {
                        e.kind == EntityKind::Person
                            && e.roles.iter().any(|r| {
                                r == &phrase
                                    || r.ends_with(&format!(" {phrase}"))
                                    || phrase.ends_with(&format!(" {r}"))
                            })
                    })
                    .filter_map(|e| {
                        e.mentions
                            .iter()
                            .filter(|m| m.span.start < pos)
                            .map(|m| m.span.start)
                            .max()
                            .map(|p| (p, e.id))
                    })
                    .max();
                if let Some((_, id)) = best {
                    let span = Span::new(pos, ws[k + len].span.end);
                    ents[id].mentions.push(Mention {
                        sentence: si,
                        span,
                        text: span.slice(text).to_string(),
                    });
                    break;
                }
            }
        }
    }
    for e in &mut ents {
        e.mentions.sort_by_key(|m| m.span.start);
    }
    ents
}
