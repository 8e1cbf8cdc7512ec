//! Languages the pipeline knows, by ISO 639-1 code.

use serde::{Deserialize, Serialize};

/// The language of a text. `Unknown` gets language-neutral behaviour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    English,
    German,
    French,
    Spanish,
    Italian,
    Portuguese,
    Dutch,
    Swedish,
    Norwegian,
    Danish,
    Finnish,
    Hungarian,
    Romanian,
    Russian,
    Greek,
    Turkish,
    Arabic,
    Tamil,
    Polish,
    /// Not known, or not one the pipeline has language-specific rules for.
    Unknown,
}

impl Lang {
    /// Parse an ISO 639-1 code, a three-letter code or an English language name ("en",
    /// "deu", "English"), ignoring case and a region or script subtag ("en-US", "pt_BR");
    /// `"und"` is [`Lang::Unknown`], so `from_code(l.code())` round-trips.
    pub fn from_code(code: &str) -> Option<Lang> {
        Some(match primary_subtag(code).as_str() {
            "en" | "eng" | "english" => Lang::English,
            "de" | "deu" | "ger" | "german" => Lang::German,
            "fr" | "fra" | "fre" | "french" => Lang::French,
            "es" | "spa" | "spanish" => Lang::Spanish,
            "it" | "ita" | "italian" => Lang::Italian,
            "pt" | "por" | "portuguese" => Lang::Portuguese,
            "nl" | "nld" | "dut" | "dutch" => Lang::Dutch,
            "sv" | "swe" | "swedish" => Lang::Swedish,
            "no" | "nb" | "nn" | "nor" | "nob" | "norwegian" => Lang::Norwegian,
            "da" | "dan" | "danish" => Lang::Danish,
            "fi" | "fin" | "finnish" => Lang::Finnish,
            "hu" | "hun" | "hungarian" => Lang::Hungarian,
            "ro" | "ron" | "rum" | "romanian" => Lang::Romanian,
            "ru" | "rus" | "russian" => Lang::Russian,
            "el" | "ell" | "gre" | "greek" => Lang::Greek,
            "tr" | "tur" | "turkish" => Lang::Turkish,
            "ar" | "ara" | "arabic" => Lang::Arabic,
            "ta" | "tam" | "tamil" => Lang::Tamil,
            "pl" | "pol" | "polish" => Lang::Polish,
            "und" | "unknown" => Lang::Unknown,
            _ => return None,
        })
    }

    /// Whether `code` (ISO 639-1, with or without a subtag) names a widely used language
    /// Parallax has no rules of its own for (Chinese, Japanese, Hindi, Czech, …): its text is
    /// handled by the language-neutral rules of [`Lang::Unknown`].
    pub fn is_without_rules(code: &str) -> bool {
        const CODES: &[&str] = &[
            "af", "am", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "et", "eu", "fa", "ga",
            "gl", "gu", "ha", "he", "hi", "hr", "hy", "id", "is", "ja", "ka", "kk", "km", "kn",
            "ko", "lb", "lo", "lt", "lv", "mk", "ml", "mr", "ms", "mt", "my", "ne", "pa", "si",
            "sk", "sl", "so", "sq", "sr", "sw", "te", "th", "tl", "uk", "ur", "uz", "vi", "yi",
            "yo", "zh", "zu",
        ];
        CODES.contains(&primary_subtag(code).as_str())
    }

    /// The ISO 639-1 code (`"und"` for [`Lang::Unknown`]).
    pub fn code(self) -> &'static str {
        match self {
            Lang::English => "en",
            Lang::German => "de",
            Lang::French => "fr",
            Lang::Spanish => "es",
            Lang::Italian => "it",
            Lang::Portuguese => "pt",
            Lang::Dutch => "nl",
            Lang::Swedish => "sv",
            Lang::Norwegian => "no",
            Lang::Danish => "da",
            Lang::Finnish => "fi",
            Lang::Hungarian => "hu",
            Lang::Romanian => "ro",
            Lang::Russian => "ru",
            Lang::Greek => "el",
            Lang::Turkish => "tr",
            Lang::Arabic => "ar",
            Lang::Tamil => "ta",
            Lang::Polish => "pl",
            Lang::Unknown => "und",
        }
    }

    /// Guess the language of a text with `whatlang` (trigram statistics).
    ///
    /// Only a sample of long texts is examined (about the first 4 KiB), so this is
    /// cheap on book-length input. Returns [`Lang::Unknown`] when the text is too short
    /// or the guess is not reliable, and when the detected language is not one of ours.
    pub fn detect(text: &str) -> Lang {
        match guess(text) {
            Some((lang, true)) => lang,
            _ => Lang::Unknown,
        }
    }

    /// Whether the language of `text` cannot be told: too short, too mixed, or no clear
    /// lead. A text clearly in a language without rules of ours (Chinese, Japanese, …) is
    /// told: it is [`Lang::Unknown`] for what it is, not for want of evidence, and must not
    /// be read in a neighbour's language.
    pub fn undetermined(text: &str) -> bool {
        !matches!(guess_any(text), Some((_, true)))
    }

    /// The languages to compare two texts in, given each one's own (`la` of `a`, `lb` of
    /// `b`). A text too short (or too mixed) to tell takes the other's language: two reports
    /// compared side by side are nearly always in one language, and the known language's
    /// stemming and number words then work on both sides. When neither can be told alone,
    /// the two are judged together. Texts in two known languages keep them, and so does a
    /// text clearly in a language without rules (see [`Lang::undetermined`]).
    pub fn for_pair(a: &str, la: Lang, b: &str, lb: Lang) -> (Lang, Lang) {
        match (la, lb) {
            (Lang::Unknown, Lang::Unknown) => {
                // Two texts whose best guesses agree are evidence enough (whatlang's
                // confidence in Spanish, say, stays low on short texts: Portuguese is close).
                let (ga, gb) = (guess_any(a), guess_any(b));
                if let (Some((x, _)), Some((y, _))) = (ga, gb)
                    && x == y
                    && x != Lang::Unknown
                {
                    return (x, y);
                }
                let half = DETECT_SAMPLE_BYTES / 2;
                let both = format!("{}\n{}", sample(a, half), sample(b, half));
                let l = Lang::detect(&both);
                // (a text told to be in a language without rules keeps it: `undetermined`)
                let or_told = |g: Option<(Lang, bool)>| match g {
                    Some((_, true)) => Lang::Unknown,
                    _ => l,
                };
                (or_told(ga), or_told(gb))
            }
            (Lang::Unknown, l) if Lang::undetermined(a) => (l, l),
            (l, Lang::Unknown) if Lang::undetermined(b) => (l, l),
            told => told,
        }
    }

    /// The language most of `langs` are in, ignoring `Unknown` (ties go to the first seen);
    /// `Unknown` if none is known.
    pub fn most_common(langs: impl IntoIterator<Item = Lang>) -> Lang {
        let mut counts: Vec<(Lang, usize)> = Vec::new();
        for l in langs.into_iter().filter(|&l| l != Lang::Unknown) {
            match counts.iter_mut().find(|(x, _)| *x == l) {
                Some((_, n)) => *n += 1,
                None => counts.push((l, 1)),
            }
        }
        // max_by_key keeps the last maximum: walk backwards so the first seen wins ties.
        counts
            .iter()
            .rev()
            .max_by_key(|&&(_, n)| n)
            .map_or(Lang::Unknown, |&(l, _)| l)
    }

    /// Map a `whatlang` language onto ours (`Unknown` for languages we have no rules for).
    pub fn from_whatlang(lang: whatlang::Lang) -> Lang {
        use whatlang::Lang as W;
        match lang {
            W::Eng => Lang::English,
            W::Deu => Lang::German,
            W::Fra => Lang::French,
            W::Spa => Lang::Spanish,
            W::Ita => Lang::Italian,
            W::Por => Lang::Portuguese,
            W::Nld => Lang::Dutch,
            W::Swe => Lang::Swedish,
            W::Nob => Lang::Norwegian,
            W::Dan => Lang::Danish,
            W::Fin => Lang::Finnish,
            W::Hun => Lang::Hungarian,
            W::Ron => Lang::Romanian,
            W::Rus => Lang::Russian,
            W::Ell => Lang::Greek,
            W::Tur => Lang::Turkish,
            W::Ara => Lang::Arabic,
            W::Tam => Lang::Tamil,
            W::Pol => Lang::Polish,
            _ => Lang::Unknown,
        }
    }
}

/// whatlang's best guess at the language of a text (from its first
/// [`DETECT_SAMPLE_BYTES`]), and whether the guess is reliable; `None` below
/// [`MIN_LETTERS`] letters or for a language we have no rules for.
fn guess(text: &str) -> Option<(Lang, bool)> {
    guess_any(text).filter(|&(lang, _)| lang != Lang::Unknown)
}

/// [`guess`], with [`Lang::Unknown`] for a language we have no rules for.
fn guess_any(text: &str) -> Option<(Lang, bool)> {
    let sample = sample(text, DETECT_SAMPLE_BYTES);
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(sample)?;
    let lang = Lang::from_whatlang(info.lang());
    // whatlang's own `is_reliable` (confidence > 0.9) is strict on one-line texts;
    // accept a clear lead on texts of a few sentences.
    let reliable = info.is_reliable() || (letters >= 60 && info.confidence() >= 0.5);
    Some((lang, reliable))
}

/// How much of a text [`Lang::detect`] looks at.
const DETECT_SAMPLE_BYTES: usize = 4096;
/// Fewer letters than this and no guess is made.
const MIN_LETTERS: usize = 12;

/// The first `max` bytes of `text`, cut back to a char boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The language part of a tag, lower-cased: "en" for " EN-us", "pt" for "pt_BR".
fn primary_subtag(code: &str) -> String {
    let code = code.trim();
    code.split(['-', '_'])
        .next()
        .unwrap_or(code)
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_major_languages() {
        let cases = [
            (
                "Defence chiefs from thirty countries met in London on Thursday to discuss a \
                 peacekeeping force for Ukraine after a ceasefire.",
                Lang::English,
            ),
            (
                "Die Verteidigungschefs von dreißig Ländern trafen sich am Donnerstag in London, \
                 um über eine Friedenstruppe für die Ukraine zu beraten.",
                Lang::German,
            ),
            (
                "Les chefs militaires d'une trentaine de pays se sont réunis jeudi à Londres pour \
                 discuter d'une force de maintien de la paix en Ukraine.",
                Lang::French,
            ),
            (
                "Los jefes de defensa de treinta países se reunieron el jueves en Londres para \
                 debatir una fuerza de paz para Ucrania tras un alto el fuego.",
                Lang::Spanish,
            ),
            (
                "I capi della difesa di trenta paesi si sono riuniti giovedì a Londra per \
                 discutere di una forza di pace per l'Ucraina.",
                Lang::Italian,
            ),
            (
                "Szefowie obrony trzydziestu państw spotkali się w czwartek w Londynie, aby \
                 omówić siły pokojowe dla Ukrainy po zawieszeniu broni.",
                Lang::Polish,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Lang::detect(text), want, "{text}");
        }
    }

    /// `Lang::for_pair` of `a` and `b` is `want`, and the same pair swapped when the texts are.
    fn both_orders(a: (&str, Lang), b: (&str, Lang), want: (Lang, Lang)) {
        assert_eq!(Lang::for_pair(a.0, a.1, b.0, b.1), want);
        assert_eq!(Lang::for_pair(b.0, b.1, a.0, a.1), (want.1, want.0));
    }

    /// A Spanish sentence long enough to be told.
    const ES: &str = "Los jefes de defensa de treinta países se reunieron el jueves en Londres \
                      para debatir una fuerza de paz para Ucrania tras un alto el fuego.";

    #[test]
    fn a_pair_shares_the_language_one_side_shows() {
        let es = ES;
        let short = "Unos treinta países.";
        assert_eq!(Lang::detect(short), Lang::Unknown);
        both_orders(
            (short, Lang::Unknown),
            (es, Lang::Spanish),
            (Lang::Spanish, Lang::Spanish),
        );
        // Two known languages are kept, whatever they are.
        assert_eq!(
            Lang::for_pair(es, Lang::Spanish, "x", Lang::German),
            (Lang::Spanish, Lang::German)
        );
        // Neither can be told alone, but the two agree.
        let (a, b) = (
            "Unos treinta países se reunieron en Londres el jueves.",
            "El jueves, 30 naciones se reunieron en la capital británica.",
        );
        assert_eq!(
            (Lang::detect(a), Lang::detect(b)),
            (Lang::Unknown, Lang::Unknown)
        );
        assert_eq!(
            Lang::for_pair(a, Lang::Unknown, b, Lang::Unknown),
            (Lang::Spanish, Lang::Spanish)
        );
        assert_eq!(
            Lang::for_pair("Hi.", Lang::Unknown, "Ok.", Lang::Unknown),
            (Lang::Unknown, Lang::Unknown)
        );
    }

    #[test]
    fn a_language_without_rules_is_not_handed_the_other_sides() {
        let zh = "国防部长们星期四在伦敦开会，讨论停火后派往乌克兰的维和部队。\
                  大约三十个国家参加了会议，英国首相说这是一个历史性的时刻。";
        let es = ES;
        assert_eq!(Lang::detect(zh), Lang::Unknown);
        assert!(!Lang::undetermined(zh));
        assert!(Lang::undetermined("Unos treinta países."));
        both_orders(
            (zh, Lang::Unknown),
            (es, Lang::Spanish),
            (Lang::Unknown, Lang::Spanish),
        );
        // Judged together with a short text, the Chinese one still keeps its own.
        let short = "Unos treinta países se reunieron en Londres el jueves.";
        assert_eq!(
            Lang::for_pair(zh, Lang::Unknown, short, Lang::Unknown).0,
            Lang::Unknown
        );
    }

    #[test]
    fn most_common_ignores_unknown_and_breaks_ties_by_order() {
        use Lang::*;
        assert_eq!(
            Lang::most_common([Unknown, German, English, German]),
            German
        );
        assert_eq!(Lang::most_common([French, English]), French);
        assert_eq!(
            Lang::most_common([English, French, French, English]),
            English
        );
        assert_eq!(Lang::most_common([Unknown, Unknown]), Unknown);
        assert_eq!(Lang::most_common([]), Unknown);
    }

    #[test]
    fn unknown_when_too_short_or_unsupported() {
        assert_eq!(Lang::detect(""), Lang::Unknown);
        assert_eq!(Lang::detect("12 34 !!"), Lang::Unknown);
        assert_eq!(Lang::detect("Hi."), Lang::Unknown);
        // Japanese is detected by whatlang but has no rules here.
        assert_eq!(
            Lang::detect("これはペンです。それはマーカーです。今日はとても良い天気ですね。"),
            Lang::Unknown
        );
    }

    #[test]
    fn long_text_is_sampled_on_a_char_boundary() {
        let text = "é".repeat(5000);
        let _ = Lang::detect(&text);
        assert_eq!(sample(&text, 4097).len(), 4096);
    }

    #[test]
    fn codes_round_trip() {
        for code in [
            "en", "de", "fr", "es", "it", "pt", "nl", "sv", "no", "da", "fi", "pl",
        ] {
            assert_eq!(Lang::from_code(code).unwrap().code(), code);
        }
        assert_eq!(Lang::from_code("xx"), None);
        assert_eq!(Lang::from_code("en-US"), Some(Lang::English));
        assert_eq!(Lang::from_code(" PT_br"), Some(Lang::Portuguese));
        assert!(Lang::is_without_rules("zh") && Lang::is_without_rules("zh-Hans"));
        assert!(Lang::is_without_rules("HI") && !Lang::is_without_rules("xx"));
        assert!(!Lang::is_without_rules("en"));
    }
}
