//! Number claims: values with hedges, units and the noun they count.

use super::words::{W, is_stop, looks_plural, norm, singular};
use super::{Hedge, Interval, NumberClaim, NumberKind};
use crate::text::numwords::{NumberWords, cjk_numbers, is_cjk_numeral};
use crate::text::{Lang, Span, TokenKind};
use std::borrow::Cow;

/// A text2num token over one of our tokens.
struct T2n<'a> {
    lower: &'a str,
    /// Digits and other tokens that must never be read as part of a spelled number.
    nan: bool,
}

impl text2num::Token for T2n<'_> {
    fn text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.lower)
    }
    fn text_lowercase(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.lower)
    }
    fn not_a_number_part(&self) -> bool {
        self.nan
    }
}

/// The number words of a language, where the pipeline reads them (English ones in a text of
/// unknown language).
fn interpreter(lang: Lang) -> Option<NumberWords> {
    NumberWords::of(if lang == Lang::Unknown {
        Lang::English
    } else {
        lang
    })
}

/// A number found in the tokens: tokens `start..end`, its value, and whether it is an ordinal.
#[derive(Debug)]
struct Raw {
    start: usize,
    end: usize,
    value: f64,
    ordinal: bool,
    /// A vague plural ("dozens"): the interval is fixed by the word.
    vague: Option<Interval>,
}

/// Whether an English word can be part of a spelled number (a cheap filter before text2num).
fn english_number_word(w: &str) -> bool {
    matches!(
        w,
        "zero"
            | "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fourty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "first"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
    ) || w.ends_with("teenth")
        || w.ends_with("tieth")
        || w.ends_with("hundredth")
        || w.ends_with("thousandth")
}

/// Vague quantity words, with the interval each stands for (documented in `docs/DETECTION.md`):
/// the English ones, and those of `lang` ("decenas", "Dutzende", "des centaines").
fn vague(word: &str, lang: Lang) -> Option<(f64, Interval)> {
    use Lang::*;
    Some(match (lang, word) {
        // "Dozens" is at least two dozen; past about a hundred writers say "hundreds".
        (Spanish, "decenas")
        | (French, "dizaines")
        | (German, "dutzende")
        | (Italian, "decine")
        | (Portuguese, "dezenas")
        | (Dutch, "tientallen")
        | (Russian, "десятки" | "десятков")
        | (Polish, "dziesiątki" | "dziesiątek")
        | (Arabic, "عشرات" | "العشرات" | "بالعشرات")
        | (_, "dozens") => (24.0, Interval::closed_open(24.0, 100.0)),
        (Spanish, "cientos" | "centenares")
        | (French, "centaines")
        | (German, "hunderte")
        | (Italian, "centinaia")
        | (Portuguese, "centenas")
        | (Dutch, "honderden")
        | (Russian, "сотни" | "сотен")
        | (Polish, "setki" | "setek")
        | (Arabic, "مئات" | "المئات" | "بالمئات" | "بمئات")
        | (_, "hundreds") => (200.0, Interval::closed_open(200.0, 1000.0)),
        (Spanish, "miles")
        | (French, "milliers")
        | (German, "tausende")
        | (Italian, "migliaia")
        | (Portuguese, "milhares")
        | (Dutch, "duizenden")
        | (Russian, "тысячи")
        | (Polish, "tysiące")
        | (Arabic, "آلاف" | "الاف" | "الآلاف" | "الالاف" | "بالآلاف" | "بالالاف")
        | (_, "thousands") => (2000.0, Interval::closed_open(2000.0, 1e6)),
        (_, "scores") => (40.0, Interval::closed_open(40.0, 200.0)),
        (German, "millionen")
        | (Spanish, "millones")
        | (Italian, "milioni")
        | (Portuguese, "milhões")
        | (Dutch, "miljoenen")
        | (Russian, "миллионы")
        | (Polish, "miliony")
        | (Arabic, "ملايين" | "الملايين")
        | (_, "millions") => (2e6, Interval::closed_open(2e6, 1e9)),
        (German, "milliarden")
        | (French, "milliards")
        | (Italian, "miliardi")
        | (Portuguese, "bilhões")
        | (Dutch, "miljarden")
        | (_, "billions") => (2e9, Interval::closed_open(2e9, 1e12)),
        _ => return None,
    })
}

/// How many tokens from `k` say "percent" (`None`: none), in the languages we read.
fn percent_words(ws: &[W], k: usize) -> Option<usize> {
    let w = ws.get(k)?.lower.as_ref();
    let next = ws.get(k + 1).map(|n| n.lower.as_ref());
    if matches!(
        w,
        "percent" | "pc" | "prozent" | "procent" | "procentów" | "بالمئة" | "بالمائة"
    ) || w.starts_with("процент")
    {
        return Some(1);
    }
    match (w, next) {
        ("per" | "pour" | "por", Some("cent" | "cento" | "ciento"))
        | ("في", Some("المئة" | "المائة")) => Some(2),
        _ => None,
    }
}

/// Whether the number at `start..end` is a part of a count just given: after "among them",
/// "of whom", "darunter", "davon", "dont", "entre ellos", "de ellos", "di cui", "tra cui",
/// "в том числе", "из них"; or followed by "of them", "von ihnen", "d'entre eux", "de
/// ellos", "di loro", "из них".
fn is_subset_marker(ws: &[W], start: usize, end: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| ws.get(k)).map(|w| w.lower.as_ref());
    let p1 = at(start.checked_sub(1));
    let p2 = at(start.checked_sub(2));
    // ("including 12 children" stays a figure: children are counted on their own)
    let before = matches!(p1, Some("darunter" | "davon" | "dont"))
        || matches!(
            (p2, p1),
            (Some("among"), Some("them"))
                | (Some("of"), Some("whom"))
                | (Some("entre"), Some("ellos" | "ellas"))
                | (Some("de"), Some("ellos" | "ellas"))
                | (Some("di"), Some("cui"))
                | (Some("tra"), Some("cui"))
                | (Some("том"), Some("числе"))
                | (Some("из"), Some("них"))
        );
    let after = matches!(
        (at(Some(end)), at(Some(end + 1))),
        (Some("of"), Some("them"))
            | (Some("von"), Some("ihnen"))
            | (Some("de"), Some("ellos" | "ellas"))
            | (Some("di"), Some("loro"))
            | (Some("из"), Some("них"))
            | (Some("d'entre"), Some("eux" | "elles"))
    );
    before || after
}

/// A word before the hour of a time of day ("at 5", "vers 3 h", "a las 15.30 horas").
fn is_clock_preposition(word: &str) -> bool {
    matches!(
        word,
        "at" | "à"
            | "vers"
            | "dès"
            | "jusqu'à"
            | "jusqu’à"
            | "las"
            | "la"
            | "alle"
            | "dalle"
            | "verso"
            | "um"
            | "gegen"
            | "ab"
            | "bis"
            | "om"
            | "rond"
            | "às"
            | "o"
            | "около"
            | "в"
    )
}

/// Words for a number with a half, or a half of a scale: "anderthalb", "eineinhalb",
/// "zweieinhalb", "полтора", "half" (of "half a million"), "полмиллиона".
fn fraction_word(word: &str) -> Option<f64> {
    Some(match word {
        "half" => 0.5,
        "anderthalb" | "eineinhalb" | "полтора" | "полторы" => 1.5,
        "zweieinhalb" => 2.5,
        "dreieinhalb" => 3.5,
        "viereinhalb" => 4.5,
        "fünfeinhalb" => 5.5,
        "полмиллиона" => 5e5,
        "полмиллиарда" => 5e8,
        "полтысячи" => 500.0,
        _ => return None,
    })
}

/// The value of a scale word standing alone ("hundred", "Millionen", "milione"), if any.
fn bare_scale_value(word: &str) -> Option<f64> {
    scale(word).or_else(|| {
        matches!(
            word,
            "hundred" | "hundert" | "cent" | "cien" | "ciento" | "cento" | "cem" | "honderd"
        )
        .then_some(100.0)
    })
}

/// The round numbers French, Italian and Spanish say "about" with: "une trentaine" (about
/// 30), "una ventina", "una decena", "une centaine".
fn about_word(word: &str) -> Option<f64> {
    Some(match word {
        "dizaine" | "decina" | "decena" => 10.0,
        "quinzaine" | "quindicina" | "quincena" => 15.0,
        "vingtaine" | "ventina" | "veintena" => 20.0,
        "trentaine" | "trentina" | "treintena" => 30.0,
        "quarantaine" | "quarantina" => 40.0,
        "cinquantaine" | "cinquantina" | "cincuentena" => 50.0,
        "soixantaine" | "sessantina" => 60.0,
        "centaine" | "centinaio" | "centenar" => 100.0,
        _ => return None,
    })
}

/// "Dozen" in the languages we read (after "a", "ein", "une", … it is 12).
fn is_dozen(word: &str) -> bool {
    matches!(
        word,
        "dozen"
            | "dutzend"
            | "douzaine"
            | "docena"
            | "dozzina"
            | "dúzia"
            | "dozijn"
            | "дюжина"
            | "tuzin"
    )
}

/// A word for "several" ending just before token `i` ("several", "a few", "mehrere", "ein
/// paar", "plusieurs", "varios", "diversi", "vários", "enkele", "несколько", "kilka", "عدة"):
/// its first token, and whether it means "many" (no upper bound short of the next scale).
/// English counts in every language, as for hedges.
fn several_before(ws: &[W], i: usize, lang: Lang) -> Option<(usize, bool)> {
    use Lang::*;
    let prev = &ws[i.checked_sub(1)?];
    if !prev.is_word() {
        return None;
    }
    let w = prev.lower.as_ref();
    // "a few", "ein paar", "een paar"
    let pair_with =
        |first: &[&str]| i >= 2 && ws[i - 2].is_word() && first.contains(&ws[i - 2].lower.as_ref());
    let many = matches!(
        (lang, w),
        (_, "many") | (German, "viele") | (Dutch, "vele") | (Polish, "wiele")
    );
    let several = matches!(
        (lang, w),
        (_, "several")
            | (German, "mehrere" | "einige" | "etliche")
            | (French, "plusieurs" | "quelques")
            | (Spanish, "varios" | "varias" | "algunos" | "algunas")
            | (
                Italian,
                "diversi" | "diverse" | "alcuni" | "alcune" | "vari" | "varie"
            )
            | (Italian, "parecchi" | "parecchie")
            | (Portuguese, "vários" | "várias" | "alguns" | "algumas")
            | (Dutch, "meerdere" | "enkele" | "verscheidene")
            | (Russian, "несколько")
            | (Polish, "kilka")
            | (Arabic, "عدة" | "بضعة" | "بضع")
    );
    if several || many {
        Some((i - 1, many))
    } else if (w == "few" && pair_with(&["a"]))
        || (w == "paar" && matches!(lang, German | Dutch) && pair_with(&["ein", "een"]))
    {
        Some((i - 2, false))
    } else {
        None
    }
}

/// "Several" of a scale `unit` ("several hundred", "mehrere Millionen"): at least two of it,
/// and below ten of it ("many": below a thousand of it).
fn several_of(unit: f64, many: bool) -> (f64, Interval) {
    let hi = if many { 1000.0 } else { 10.0 };
    (2.0 * unit, Interval::closed_open(2.0 * unit, hi * unit))
}

/// Whether a token is a scale word ("million", "Millionen", "mil", "vague" plurals too).
fn is_scale_word(w: &W) -> bool {
    w.is_word() && w.lower.len() > 1 && is_bare_scale(&w.lower)
}

/// A scale word standing alone, without a number before it: "hundred", "Millionen", "mil".
fn is_bare_scale(word: &str) -> bool {
    bare_scale_value(word).is_some()
}

/// Whether token `i` follows a number, in digits or words: a scale word that is also a
/// vague plural (Russian "тысячи", Polish "tysiące", English "millions") is then the
/// number's scale ("три тысячи", "trzy tysiące" are 3000), not "thousands".
fn after_number(ws: &[W], i: usize, lang: Lang) -> bool {
    use text2num::LangInterpreter;
    let Some(prev) = i.checked_sub(1).map(|k| &ws[k]) else {
        return false;
    };
    prev.kind == TokenKind::Number
        || interpreter(lang).is_some_and(|n| {
            let mut b = text2num::digit_string::DigitString::new();
            n.apply(&prev.lower, &mut b).is_ok()
        })
}

/// The word that joins a quantity to what it counts: "dozens of", "decenas de", "Dutzende
/// von" ("of" in every language).
fn is_of(word: &str, lang: Lang) -> bool {
    word == "of"
        || match lang {
            Lang::Spanish | Lang::French | Lang::Portuguese => word == "de",
            Lang::Italian => word == "di",
            Lang::German => word == "von",
            Lang::Dutch => word == "van",
            Lang::Arabic => word == "من",
            _ => false,
        }
}

/// The Chinese and Japanese myriads: 万 10^4, 亿/億 10^8.
fn cjk_myriad(word: &str) -> Option<f64> {
    match word {
        "万" | "萬" => Some(1e4),
        "亿" | "億" => Some(1e8),
        _ => None,
    }
}

fn scale(word: &str) -> Option<f64> {
    if let Some(s) = cjk_myriad(word) {
        return Some(s);
    }
    Some(match word {
        "thousand" | "k" | "тыс" | "тысяча" | "тысячи" | "тысяч" | "tys" | "tysiąc" | "tysiące"
        | "tysięcy" | "ألف" | "الف" | "ألفا" | "الفا" | "آلاف" | "الاف" => {
            1e3
        }
        // (after digits only: "5 mil personas", "3 mila persone", "2 Tsd.")
        "tausend" | "tsd" | "mil" | "mila" | "duizend" => 1e3,
        "million" | "millions" | "m" | "mn" | "mln" | "млн" | "миллион" | "миллиона"
        | "миллионов" | "milion" | "miliony" | "milionów" | "مليون" | "مليونا" | "ملايين" => {
            1e6
        }
        // German, Spanish, Italian, Portuguese and Dutch ("5 Millionen Euro", "2,5 Mio.")
        "millionen" | "mio" | "millón" | "millones" | "milione" | "milioni" | "milhão"
        | "milhões" | "miljoen" | "miljoenen" => 1e6,
        "milliarde" | "milliarden" | "mrd" | "milliard" | "milliards" | "miliardo" | "miliardi"
        | "bilhão" | "bilhões" | "miljard" | "miljarden" => 1e9,
        "billion"
        | "billions"
        | "bn"
        | "b"
        | "млрд"
        | "миллиард"
        | "миллиарда"
        | "миллиардов"
        | "mld"
        | "miliard"
        | "miliardy"
        | "miliardów"
        | "مليار"
        | "مليارا"
        | "مليارات"
        | "بليون" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Units of measure that a number can carry ("30-day", "90 minutes", "5 km"), in English
/// and, lower-cased, in German, French, Spanish, Italian, Portuguese, Dutch and Polish
/// ("nove chilometri" is "9 km"): a word of one language that is another's unit is rare
/// after a number.
fn unit(word: &str) -> Option<&'static str> {
    Some(match word {
        "second" | "seconds" | "sekunden" | "secondes" | "segundos" | "secondi" | "seconden"
        | "sekund" => "second",
        "minute" | "minutes" | "min" | "mins" | "minuten" | "minutos" | "minuti" | "minut" => {
            "minute"
        }
        "hour" | "hours" | "hr" | "hrs" | "stunde" | "stunden" | "heure" | "heures" | "hora"
        | "horas" | "ora" | "ore" | "uur" | "godzin" | "godziny" | "godzina" | "h" => "hour",
        "day" | "days" | "tag" | "tage" | "tagen" | "jour" | "jours" | "día" | "días" | "dia"
        | "dias" | "giorno" | "giorni" | "dag" | "dagen" | "dni" | "dzień" => "day",
        "week" | "weeks" | "woche" | "wochen" | "semaine" | "semaines" | "semana" | "semanas"
        | "settimana" | "settimane" | "weken" | "tygodni" | "tydzień" => "week",
        "month" | "months" | "monat" | "monate" | "monaten" | "mois" | "mes" | "meses" | "mese"
        | "mesi" | "maand" | "maanden" | "miesięcy" | "miesiące" => "month",
        // (German ages: "54-jähriger" is "54 Jahre alt")
        "jährig" | "jährige" | "jähriger" | "jährigen" | "jähriges" | "jährigem" => "year",
        "year" | "years" | "jahr" | "jahre" | "jahren" | "an" | "ans" | "année" | "années"
        | "año" | "años" | "ano" | "anos" | "anno" | "anni" | "jaar" | "lat" | "lata" => "year",
        "decade" | "decades" => "decade",
        "mile" | "miles" => "mile",
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" | "kilometern"
        | "kilomètre" | "kilomètres" | "kilómetro" | "kilómetros" | "quilômetro"
        | "quilômetros" | "quilómetro" | "quilómetros" | "chilometro" | "chilometri"
        | "kilometrów" | "kilometry" => "km",
        "metre" | "metres" | "meter" | "meters" | "m" | "metern" | "mètre" | "mètres" | "metro"
        | "metros" | "metri" | "metrów" => "m",
        "kg" | "kilogram" | "kilograms" | "kilo" | "kilos" | "kilogramm" | "kilogramme"
        | "kilogrammes" | "kilogramo" | "kilogramos" | "quilo" | "quilos" => "kg",
        "tonne" | "tonnes" | "ton" | "tons" | "tonnen" | "tonelada" | "toneladas"
        | "tonnellata" | "tonnellate" => "tonne",
        "mph" => "mph",
        "point" | "points" => "point",
        _ => return None,
    })
}

fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" | "us$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₴" => "UAH",
        _ => return None,
    })
}

/// The currency a word names, in English and the other languages we read ("dólares",
/// "рублей", "złotych", "جنيه"); French elision is read through ("d'euros").
fn currency_word(s: &str) -> Option<&'static str> {
    let s = s
        .strip_prefix("d'")
        .or_else(|| s.strip_prefix("d’"))
        .unwrap_or(s);
    Some(match s {
        "dollar" | "dollars" | "usd" | "dólar" | "dólares" | "dollaro" | "dollari" | "доллар"
        | "доллара" | "долларов" | "dolar" | "dolary" | "dolarów" | "دولار" | "دولارا" | "دولارات" => {
            "USD"
        }
        "pound" | "pounds" | "gbp" | "sterling" | "pfund" | "sterline" | "libras" | "фунтов" => {
            "GBP"
        }
        "euro" | "euros" | "eur" | "евро" | "يورو" => "EUR",
        "yen" => "JPY",
        "rupee" | "rupees" => "INR",
        "rouble" | "roubles" | "ruble" | "rubles" | "рубль" | "рубля" | "рублей" => {
            "RUB"
        }
        "hryvnia" | "hryvnias" | "гривен" | "гривны" => "UAH",
        "złoty" | "złote" | "złotych" | "zł" | "pln" => "PLN",
        "reais" | "brl" => "BRL",
        "جنيه" | "جنيها" | "جنيهات" => "EGP",
        _ => return None,
    })
}

/// Hedges written before a number, longest first within each length.
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["in", "excess", "of"], Hedge::Over),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["not", "less", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["at", "the", "least"], Hedge::AtLeast),
    (&["no", "more", "than"], Hedge::AtMost),
    (&["not", "more", "than"], Hedge::AtMost),
    (&["a", "maximum", "of"], Hedge::AtMost),
    (&["as", "many", "as"], Hedge::AsManyAs),
    (&["as", "much", "as"], Hedge::AsManyAs),
    (&["just", "shy", "of"], Hedge::Almost),
    (&["an", "estimated"], Hedge::About),
    (&["more", "than"], Hedge::Over),
    (&["upwards", "of"], Hedge::Over),
    (&["just", "over"], Hedge::Over),
    (&["well", "over"], Hedge::Over),
    (&["at", "least"], Hedge::AtLeast),
    (&["fewer", "than"], Hedge::Under),
    (&["less", "than"], Hedge::Under),
    (&["just", "under"], Hedge::Almost),
    (&["close", "to"], Hedge::Almost),
    (&["up", "to"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["over"], Hedge::Over),
    (&["above"], Hedge::Over),
    (&["exceeding"], Hedge::Over),
    (&["almost"], Hedge::Almost),
    (&["nearly"], Hedge::Almost),
    (&["under"], Hedge::Under),
    (&["below"], Hedge::Under),
    (&["some"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["circa"], Hedge::About),
    (&["~"], Hedge::About),
    (&["exactly"], Hedge::Exact),
    (&["precisely"], Hedge::Exact),
];

/// Hedges of other languages, written before the number as in English ("casi 20 naciones",
/// "rund dreißig Länder", "plus de 30 pays"), longest first within each language.
fn hedges_of(lang: Lang) -> &'static [(&'static [&'static str], Hedge)] {
    use Hedge::*;
    match lang {
        Lang::Spanish => &[
            (&["alrededor", "de"], About),
            (&["cerca", "de"], About),
            (&["más", "de"], Over),
            (&["menos", "de"], Under),
            (&["al", "menos"], AtLeast),
            (&["por", "lo", "menos"], AtLeast),
            (&["hasta"], AtMost),
            (&["casi"], Almost),
            (&["unos"], About),
            (&["unas"], About),
            (&["aproximadamente"], About),
            (&["aprox"], About),
        ],
        Lang::French => &[
            (&["plus", "de"], Over),
            (&["moins", "de"], Under),
            (&["au", "moins"], AtLeast),
            (&["près", "de"], Almost),
            (&["presque"], Almost),
            (&["environ"], About),
            (&["quelque"], About),
            (&["quelques"], About),
        ],
        Lang::German => &[
            (&["mehr", "als"], Over),
            (&["weniger", "als"], Under),
            (&["bis", "zu"], AtMost),
            (&["über"], Over),
            (&["mindestens"], AtLeast),
            (&["höchstens"], AtMost),
            (&["fast"], Almost),
            (&["beinahe"], Almost),
            (&["knapp"], Almost),
            (&["rund"], About),
            (&["etwa"], About),
            (&["ungefähr"], About),
            (&["ca"], About),
        ],
        Lang::Italian => &[
            (&["più", "di"], Over),
            (&["meno", "di"], Under),
            (&["fino", "a"], AtMost),
            (&["oltre"], Over),
            (&["almeno"], AtLeast),
            (&["quasi"], Almost),
            (&["circa"], About),
        ],
        Lang::Portuguese => &[
            (&["mais", "de"], Over),
            (&["menos", "de"], Under),
            (&["pelo", "menos"], AtLeast),
            (&["cerca", "de"], About),
            (&["quase"], Almost),
        ],
        // (two-word hedges first: "не менее" before "менее")
        Lang::Russian => &[
            (&["не", "менее"], AtLeast),
            (&["не", "меньше"], AtLeast),
            (&["как", "минимум"], AtLeast),
            (&["не", "более"], AtMost),
            (&["не", "больше"], AtMost),
            (&["более", "чем"], Over),
            (&["менее", "чем"], Under),
            (&["более"], Over),
            (&["больше"], Over),
            (&["свыше"], Over),
            (&["менее"], Under),
            (&["меньше"], Under),
            (&["почти"], Almost),
            (&["около"], About),
            (&["примерно"], About),
            (&["приблизительно"], About),
            (&["порядка"], About),
        ],
        // ("ok." is read as "ok" then "."; "do" is left out: mostly "to", not "up to")
        Lang::Polish => &[
            (&["co", "najmniej"], AtLeast),
            (&["co", "najwyżej"], AtMost),
            (&["mniej", "niż"], Under),
            (&["więcej", "niż"], Over),
            (&["mniej", "więcej"], About),
            (&["ok", "."], About),
            (&["około"], About),
            (&["ok"], About),
            (&["przeszło"], Over),
            (&["ponad"], Over),
            (&["powyżej"], Over),
            (&["poniżej"], Under),
            (&["przynajmniej"], AtLeast),
            (&["najwyżej"], AtMost),
            (&["maksymalnie"], AtMost),
            (&["prawie"], Almost),
            (&["niemal"], Almost),
            (&["blisko"], Almost),
            (&["niespełna"], Almost),
            (&["szacunkowo"], About),
        ],
        // (with and without hamza on the alef: "أكثر", "اكثر")
        Lang::Arabic => &[
            (&["ما", "لا", "يقل", "عن"], AtLeast),
            (&["ما", "يزيد", "على"], Over),
            (&["ما", "يزيد", "عن"], Over),
            (&["ما", "يقرب", "من"], About),
            (&["لا", "يقل", "عن"], AtLeast),
            (&["لا", "تقل", "عن"], AtLeast),
            (&["لا", "يزيد", "على"], AtMost),
            (&["لا", "يزيد", "عن"], AtMost),
            (&["على", "الأقل"], AtLeast),
            (&["على", "الاقل"], AtLeast),
            (&["أكثر", "من"], Over),
            (&["اكثر", "من"], Over),
            (&["أزيد", "من"], Over),
            (&["ازيد", "من"], Over),
            (&["أقل", "من"], Under),
            (&["اقل", "من"], Under),
            (&["ما", "يقارب"], About),
            (&["نحو"], About),
            (&["حوالي"], About),
            (&["حوالى"], About),
            (&["قرابة"], About),
            (&["زهاء"], About),
        ],
        Lang::Dutch => &[
            (&["meer", "dan"], Over),
            (&["minder", "dan"], Under),
            (&["ten", "minste"], AtLeast),
            (&["bijna"], Almost),
            (&["ongeveer"], About),
            (&["ruim"], Over),
        ],
        _ => &[],
    }
}

/// The hedge ending just before token `i` (skipping nothing): its first token and kind.
/// English hedges count in every language (quoted English is common); the language's own
/// are tried first.
fn hedge_before(ws: &[W], i: usize, lang: Lang) -> Option<(usize, Hedge)> {
    for (seq, h) in hedges_of(lang).iter().chain(HEDGES) {
        let n = seq.len();
        if i >= n
            && ws[i - n..i]
                .iter()
                .zip(seq.iter())
                .all(|(w, s)| w.lower == *s)
        {
            return Some((i - n, *h));
        }
    }
    None
}

/// Parse a digit token: "30", "2,000", "3.5", "3bn", "19th", "5km". Returns (value, suffix).
fn parse_digits(s: &str, lang: Lang) -> Option<(f64, &str)> {
    // (a narrow no-break space between digit groups is inside the word: "1\u{202f}200")
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '\u{202f}')))
        .map_or(s.len(), |(i, _)| i);
    let (num, suffix) = s.split_at(end);
    let num = num.trim_end_matches(['.', ',', '\u{202f}']);
    let spaced;
    let num = if num.contains('\u{202f}') {
        spaced = num.replace('\u{202f}', "");
        spaced.as_str()
    } else {
        num
    };
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let groups_of_three = |sep: char| num.split(sep).skip(1).all(|g| g.len() == 3);
    let cleaned: String = if decimal_comma(lang) {
        // "1.800" groups thousands, "3,5" is 3.5 ("1.234,5": both)
        let int = num.split(',').next().unwrap_or(num);
        let thousands = int.contains('.') && int.split('.').skip(1).all(|g| g.len() == 3);
        let n = if thousands {
            num.replace('.', "")
        } else {
            num.to_string()
        };
        n.replace(',', ".")
    } else if num.contains(',') && groups_of_three(',') {
        // "2,000" groups thousands; "3,5" (a decimal comma) is read as 3.5.
        num.replace(',', "")
    } else {
        num.replace(',', ".")
    };
    cleaned.parse::<f64>().ok().map(|v| (v, suffix))
}

/// Languages that write a decimal comma and group thousands with a point or a space
/// ("1.800 Menschen", "3,5 Prozent", "1 200 habitants"): all we read but English (and a text
/// of no known language, read as English).
fn decimal_comma(lang: Lang) -> bool {
    !matches!(lang, Lang::English | Lang::Unknown)
}

/// Whether the white space between two digit groups groups thousands in `lang`: a no-break,
/// narrow no-break or thin space in any language; a plain space where the language groups
/// with spaces (French, Russian, Polish, the Nordic languages, …).
fn thousands_space(gap: &str, lang: Lang) -> bool {
    match gap {
        "\u{a0}" | "\u{202f}" | "\u{2009}" => true,
        " " => matches!(
            lang,
            Lang::French
                | Lang::Russian
                | Lang::Polish
                | Lang::Swedish
                | Lang::Norwegian
                | Lang::Danish
                | Lang::Finnish
                | Lang::Hungarian
        ),
        _ => false,
    }
}

fn find_raw(text: &str, ws: &[W], lang: Lang, covered: &[bool]) -> Vec<Raw> {
    let mut out = Vec::new();
    // Digits (and digits with a suffix such as "3bn" or "19th").
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        if covered[i] {
            i += 1;
            continue;
        }
        let starts_digit = w.text.starts_with(|c: char| c.is_ascii_digit());
        if starts_digit {
            // Clock times and scores: "0:44", "10:30".
            let clock = ws.get(i + 1).is_some_and(|n| n.text == ":" && !n.gap)
                && ws
                    .get(i + 2)
                    .is_some_and(|n| n.kind == TokenKind::Number && !n.gap);
            // … and the French "3 h 30", "15 h 45".
            let clock_h = ws.get(i + 1).is_some_and(|n| n.lower == "h")
                && ws.get(i + 2).is_some_and(|n| {
                    n.text.len() == 2 && n.text.bytes().all(|b| b.is_ascii_digit())
                });
            if clock || clock_h {
                i += 3;
                continue;
            }
            if let Some((v, suffix)) = parse_digits(&w.lower, lang) {
                let ordinal = matches!(suffix, "th" | "st" | "nd" | "rd");
                let mut value = v;
                if let Some(s) = scale(suffix) {
                    value *= s;
                } else if !(suffix.is_empty() || ordinal || unit(suffix).is_some()) {
                    i += 1;
                    continue;
                }
                let mut end = i + 1;
                // Thousands grouped by spaces: "1 200 habitants", "1\u{a0}500 000 жителей".
                let digits =
                    |w: &W| w.text.len() <= 3 && w.text.bytes().all(|b| b.is_ascii_digit());
                if suffix.is_empty() && digits(w) {
                    while let Some(next) = ws.get(end).filter(|n| {
                        n.text.len() == 3
                            && digits(n)
                            && thousands_space(&text[ws[end - 1].span.end..n.span.start], lang)
                    }) {
                        value = value * 1000.0 + next.text.parse::<f64>().unwrap_or(0.0);
                        end += 1;
                    }
                }
                // Scale words after the number: "1.2 million", "3 billion", "5 mil millones".
                while let Some(s) = ws
                    .get(end)
                    .filter(|w| w.lower.len() > 1 && w.is_word())
                    .and_then(|w| scale(&w.lower))
                {
                    value *= s;
                    end += 1;
                    // the point of an abbreviated scale inside the sentence: "5 tys. osób",
                    // "2,5 Mio. Euro"
                    if ws.get(end).is_some_and(|w| w.text == "." && !w.gap)
                        && ws.get(end + 1).is_some_and(|w| {
                            w.is_word() && (!w.cap() || currency_word(&w.lower).is_some())
                        })
                    {
                        end += 1;
                        break;
                    }
                }
                out.push(Raw {
                    start: i,
                    end,
                    value,
                    ordinal,
                    vague: None,
                });
                // (the groups and scale words taken are not numbers of their own)
                i = end;
                continue;
            }
        } else if let Some((s, (q, many))) = scale(&w.lower)
            .filter(|_| w.lower.len() > 1 && vague(&w.lower, lang).is_none())
            .and_then(|s| Some((s, several_before(ws, i, lang)?)))
        {
            // "kilka tysięcy", "several million" read word by word
            let (v, iv) = several_of(s, many);
            out.push(Raw {
                start: q,
                end: i + 1,
                value: v,
                ordinal: false,
                vague: Some(iv),
            });
        } else if let Some((v, iv)) = vague(&w.lower, lang)
            .filter(|_| scale(&w.lower).is_none() || !after_number(ws, i, lang))
        {
            // "several thousands", "plusieurs millions": two to ten of the unit
            let (start, v, iv) = match several_before(ws, i, lang) {
                Some((q, many)) => {
                    let (v, iv) = several_of(v / 2.0, many);
                    (q, v, iv)
                }
                None => (i, v, iv),
            };
            out.push(Raw {
                start,
                end: i + 1,
                value: v,
                ordinal: false,
                vague: Some(iv),
            });
        } else if let Some(v) = fraction_word(&w.lower) {
            // "anderthalb Millionen", "полтора миллиона", "half a million", "полмиллиарда"
            let mut end = i + 1;
            if w.lower == "half" {
                if ws.get(end).is_some_and(|n| n.lower == "a") {
                    end += 1;
                } else {
                    i += 1;
                    continue;
                }
            }
            let mut value = v;
            if let Some(sc) = ws
                .get(end)
                .filter(|n| n.is_word() && n.lower.len() > 1)
                .and_then(|n| bare_scale_value(&n.lower))
            {
                value *= sc;
                end += 1;
            } else if w.lower == "half" {
                i += 1;
                continue;
            }
            out.push(Raw {
                start: i,
                end,
                value,
                ordinal: false,
                vague: None,
            });
            i = end;
            continue;
        } else if let Some(v) = about_word(&w.lower).filter(|_| {
            i > 0
                && matches!(
                    ws[i - 1].lower.as_ref(),
                    "une" | "un" | "una" | "uno" | "uma"
                )
        }) {
            // "une trentaine de", "una ventina di", "una decena de": about 30, 20, 10
            out.push(Raw {
                start: i - 1,
                end: i + 1,
                value: v,
                ordinal: false,
                vague: Some(Interval::closed(0.85 * v, 1.15 * v)),
            });
        } else if is_dozen(&w.lower)
            && i > 0
            && matches!(
                ws[i - 1].lower.as_ref(),
                "a" | "half"
                    | "ein"
                    | "einem"
                    | "eine"
                    | "un"
                    | "une"
                    | "una"
                    | "uno"
                    | "uma"
                    | "een"
                    | "одна"
                    | "jeden"
                    | "jedna"
            )
        {
            // "a dozen", "ein Dutzend", "une douzaine", "una docena", "una dozzina"
            let half = ws[i - 1].lower == "half";
            out.push(Raw {
                start: i - 1,
                end: i + 1,
                value: if half { 6.0 } else { 12.0 },
                ordinal: false,
                vague: None,
            });
        }
        i += 1;
    }
    // Chinese and Japanese numerals, in a text of no language of ours: "三十一人", "两万人"
    // (20 000: the myriad after a number is its scale, and what follows it is added, as in
    // "三万五千" 35 000).
    if lang == Lang::Unknown && ws.iter().any(|w| w.text.starts_with(is_cjk_numeral)) {
        let ranges: Vec<std::ops::Range<usize>> =
            ws.iter().map(|w| w.span.start..w.span.end).collect();
        let mut found = cjk_numbers(text, &ranges).into_iter().peekable();
        while let Some((r, v)) = found.next() {
            let Ok(mut value) = v.parse::<f64>() else {
                continue;
            };
            let mut end = r.end;
            if let Some(s) = ws.get(end).and_then(|w| cjk_myriad(w.text)) {
                value *= s;
                end += 1;
                if let Some((r2, v2)) = found.next_if(|(r2, _)| r2.start == end) {
                    value += v2.parse::<f64>().unwrap_or(0.0);
                    end = r2.end;
                }
            }
            let overlaps = out.iter().any(|o: &Raw| o.start < end && r.start < o.end);
            if overlaps || covered[r.start..end].iter().any(|&c| c) {
                continue;
            }
            out.push(Raw {
                start: r.start,
                end,
                value,
                ordinal: false,
                vague: None,
            });
        }
    }
    // Spelled numbers, by text2num (skipped for English sentences without a number word).
    let english = matches!(lang, Lang::English | Lang::Unknown);
    let worth = !english || ws.iter().any(|w| english_number_word(&w.lower));
    if let Some(interp) = interpreter(lang).filter(|_| worth) {
        let toks: Vec<T2n> = ws
            .iter()
            .enumerate()
            .map(|(k, w)| T2n {
                lower: &w.lower,
                nan: covered[k]
                    || w.kind == TokenKind::Number
                    || w.lower.starts_with(|c: char| c.is_ascii_digit()),
            })
            .collect();
        for occ in text2num::find_numbers(toks.into_iter(), &interp, 0.0) {
            // "second" is mostly the unit or "the second time"; "one" mostly a pronoun; the
            // "cent" of "pour cent", "por ciento", "per cento" is part of "percent".
            let single = occ.end == occ.start + 1;
            if single && matches!(ws[occ.start].lower.as_ref(), "second" | "a") {
                continue;
            }
            if single && occ.start > 0 && percent_words(ws, occ.start - 1) == Some(2) {
                continue;
            }
            // Arabic ordinals end in a cardinal: "الخامس عشر" (15th), "الثالث والعشرين" (23rd)
            if lang == Lang::Arabic && occ.start > 0 && arabic_ordinal(&ws[occ.start - 1].lower) {
                continue;
            }
            if out.iter().any(|r| r.start < occ.end && occ.start < r.end) {
                continue;
            }
            // "several hundred (thousand)", "a few million": a bare scale after "several"
            let several = (!occ.is_ordinal && is_bare_scale(&ws[occ.start].lower))
                .then(|| several_before(ws, occ.start, lang))
                .flatten();
            if let Some((q, many)) = several {
                let (value, iv) = several_of(occ.value, many);
                out.push(Raw {
                    start: q,
                    end: occ.end,
                    value,
                    ordinal: false,
                    vague: Some(iv),
                });
                continue;
            }
            out.push(Raw {
                start: occ.start,
                end: occ.end,
                value: occ.value,
                ordinal: occ.is_ordinal,
                vague: None,
            });
        }
    }
    // (in text order; of two from one token, the longer first: it is the one kept)
    out.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    for r in out.iter_mut().filter(|r| r.vague.is_none() && !r.ordinal) {
        halves(ws, r);
    }
    // (a number grown by its half takes the scale word after it: "million" of "one and a
    // half million" is no number of its own)
    let mut kept: Vec<Raw> = Vec::with_capacity(out.len());
    for r in out {
        if kept.last().is_none_or(|p| r.start >= p.end) {
            kept.push(r);
        }
    }
    ranges(ws, kept)
}

/// A half after a number: "one and a half million" (1.5 million), "two and a half years",
/// "un milione e mezzo", "dos millones y medio", "un milliard et demi" (half of the scale).
fn halves(ws: &[W], r: &mut Raw) {
    let at = |k: usize| ws.get(k).map(|w| w.lower.as_ref());
    if (at(r.end), at(r.end + 1), at(r.end + 2)) == (Some("and"), Some("a"), Some("half")) {
        r.end += 3;
        match ws
            .get(r.end)
            .filter(|n| n.is_word() && n.lower.len() > 1)
            .and_then(|n| bare_scale_value(&n.lower))
        {
            Some(sc) => {
                r.value = (r.value + 0.5) * sc;
                r.end += 1;
            }
            None => r.value += 0.5,
        }
    } else if matches!(at(r.end), Some("e" | "y" | "et"))
        && matches!(
            at(r.end + 1),
            Some("mezzo" | "mezza" | "medio" | "media" | "demi" | "demie" | "meio" | "meia")
        )
    {
        // (the scale the figure ends in, when it is a word of it: not the "5" of "5 y medio")
        let scale_of_last = bare_scale_value(&ws[r.end - 1].lower).filter(|_| {
            r.end > r.start + 1 || !ws[r.start].text.starts_with(|c: char| c.is_ascii_digit())
        });
        r.value += 0.5 * scale_of_last.unwrap_or(1.0);
        r.end += 2;
    }
}

/// Two numbers of a range, "between 20 and 30", "20 to 30", "20-30", "entre 25 et 35",
/// "zwischen 30 und 40", "от 20 до 30", become one claim: the interval from the one to the
/// other (it was read as its upper bound: "30 routes" against another outlet's "25 routes"
/// was a conflict). "From 20 to 30" is a change, not a range, and stays two numbers.
fn ranges(ws: &[W], raws: Vec<Raw>) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
    let mut it = raws.into_iter().peekable();
    while let Some(r) = it.next() {
        let Some(next) = it.peek() else {
            out.push(r);
            continue;
        };
        let plain = |x: &Raw| x.vague.is_none() && !x.ordinal;
        let between = r.start.checked_sub(1).map(|k| ws[k].lower.as_ref());
        let opens = matches!(
            between,
            Some("between" | "entre" | "zwischen" | "tra" | "fra" | "от" | "tussen" | "między")
        );
        let from = matches!(
            between,
            Some("from" | "von" | "de" | "du" | "desde" | "da" | "dal" | "с" | "van" | "od")
        );
        let joined = next.start == r.end + 1 && {
            let j = &ws[r.end];
            match j.lower.as_ref() {
                "and" | "et" | "y" | "und" | "e" | "en" | "i" => opens,
                "до" => opens,
                "to" | "bis" | "à" | "a" | "tot" | "do" => !from,
                "-" | "–" => !from && !j.gap && !ws[next.start].gap,
                _ => false,
            }
        };
        if plain(&r) && plain(next) && joined && r.value < next.value {
            let hi = it.next().expect("peeked");
            out.push(Raw {
                start: if opens { r.start - 1 } else { r.start },
                end: hi.end,
                value: r.value,
                ordinal: false,
                vague: Some(Interval::closed(r.value, hi.value)),
            });
        } else {
            out.push(r);
        }
    }
    out
}

/// Whether an Arabic word is an ordinal 1st–10th ("الخامس", "والثالثة"), with و and ال.
fn arabic_ordinal(word: &str) -> bool {
    let w = word.strip_prefix('و').unwrap_or(word);
    let w = w.strip_prefix("ال").unwrap_or(w);
    matches!(
        w,
        "حادي"
            | "حادية"
            | "ثاني"
            | "ثانية"
            | "ثالث"
            | "ثالثة"
            | "رابع"
            | "رابعة"
            | "خامس"
            | "خامسة"
            | "سادس"
            | "سادسة"
            | "سابع"
            | "سابعة"
            | "ثامن"
            | "ثامنة"
            | "تاسع"
            | "تاسعة"
            | "عاشر"
            | "عاشرة"
    )
}

/// The pre-modifiers of a noun phrase before token `i` ("a partial 30-day …" → "partial").
fn premodifiers(ws: &[W], i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = i;
    while k > 0 && out.len() < 3 {
        let w = &ws[k - 1];
        if !w.is_word() || is_stop(&w.lower) || w.cap() || w.lower.ends_with("ly") {
            break;
        }
        out.push(k - 1);
        k -= 1;
    }
    // Only when a determiner or preposition opens the phrase: "agreed to a partial 30-day".
    if k > 0 && is_stop(&ws[k - 1].lower) {
        out.reverse();
        out
    } else {
        Vec::new()
    }
}

/// A run of noun-phrase words from `k` (hyphenated compounds kept whole): indices of words.
fn np_run(ws: &[W], mut k: usize, max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while k < ws.len() && out.len() < max {
        let w = &ws[k];
        if w.text == "-" && !w.gap && ws.get(k + 1).is_some_and(|n| !n.gap && n.is_word()) {
            k += 1;
            continue;
        }
        // (an auxiliary ends the phrase: "45 agenti sono stati schierati" counts agents, not
        // "stati", states; a first word stays: "50 state capitals")
        if !w.is_word() || is_stop(&w.lower) || (!out.is_empty() && is_auxiliary(&w.lower)) {
            break;
        }
        out.push(k);
        k += 1;
    }
    out
}

/// In a language whose counted nouns the tables do not hold, the noun a number counts
/// (`run`: the noun-phrase words after it): in German the first capitalised word, nouns
/// being capitalised there and adjectives not ("120 weitere Einsatzkräfte"); in French,
/// Spanish, Italian and Portuguese the first word, adjectives mostly following the noun
/// there ("40 edifici storici"); not a determiner ("3.42 di questa notte" is a time).
/// Words of one or two letters are not nouns here.
fn head_noun_in(ws: &[W], run: &[usize], lang: Lang) -> Option<usize> {
    const DETERMINERS: &[&str] = &[
        "les", "des", "une", "cette", "ces", "leur", "leurs", "los", "las", "una", "unos", "unas",
        "esta", "este", "estos", "estas", "esa", "ese", "esos", "esas", "sus", "uno", "questa",
        "questo", "questi", "queste", "quella", "quello", "quelli", "quelle", "della", "dello",
        "delle", "degli", "dei", "nella", "nelle", "uma", "umas", "uns", "essa", "esse", "essas",
        "esses", "dos", "das", "nos", "nas", "seus", "suas",
    ];
    let wordlike = |j: &usize| {
        let w = &ws[*j].lower;
        w.chars().count() > 2 && w.chars().all(char::is_alphabetic)
    };
    match lang {
        Lang::German => run.iter().copied().find(|j| ws[*j].cap() && wordlike(j)),
        Lang::French | Lang::Spanish | Lang::Italian | Lang::Portuguese => {
            run.first().copied().filter(|j| {
                !ws[*j].cap() && wordlike(j) && !DETERMINERS.contains(&ws[*j].lower.as_ref())
            })
        }
        _ => None,
    }
}

/// The canonical key of a counted noun of `lang` other than English (singular or plural,
/// lower case), shared with the English keys of [`counted_key`] so that "30 países" and
/// "casi 20 naciones" are both "countries"; `None` for words not in the small tables.
fn counted_key_in(noun: &str, lang: Lang) -> Option<&'static str> {
    // Firefighters and residents, counted in every news story of a fire or a flood (the
    // words are each one language's, so no language test is needed)
    if matches!(
        noun,
        "feuerwehrleute"
            | "feuerwehrmänner"
            | "pompiers"
            | "sapeurs-pompiers"
            | "bomberos"
            | "pompieri"
            | "bombeiros"
            | "brandweerlieden"
            | "пожарных"
            | "пожарные"
            | "пожарников"
            | "strażaków"
            | "strażacy"
    ) {
        return Some("firefighters");
    }
    if matches!(
        noun,
        "einwohner"
            | "anwohner"
            | "bewohner"
            | "habitants"
            | "habitantes"
            | "vecinos"
            | "abitanti"
            | "residenti"
            | "moradores"
            | "inwoners"
            | "bewoners"
            | "mieszkańców"
    ) {
        return Some("people");
    }
    let (countries, troops, people): (&[&str], &[&str], &[&str]) = match lang {
        Lang::Spanish => (
            &["país", "países", "nación", "naciones", "estado", "estados"],
            &["soldado", "soldados", "tropa", "tropas", "militares"],
            &["persona", "personas"],
        ),
        Lang::French => (
            &["pays", "nation", "nations", "état", "états"],
            &["soldat", "soldats", "troupe", "troupes", "militaires"],
            &["personne", "personnes"],
        ),
        Lang::German => (
            &[
                "land", "länder", "ländern", "staat", "staaten", "nation", "nationen",
            ],
            &["soldat", "soldaten", "truppe", "truppen"],
            &["mensch", "menschen", "person", "personen"],
        ),
        Lang::Italian => (
            &["paese", "paesi", "nazione", "nazioni", "stato", "stati"],
            &["soldato", "soldati", "truppa", "truppe", "militari"],
            &["persona", "persone"],
        ),
        Lang::Portuguese => (
            &["país", "países", "nação", "nações", "estado", "estados"],
            &["soldado", "soldados", "tropa", "tropas", "militares"],
            &["pessoa", "pessoas"],
        ),
        Lang::Russian => (
            &[
                "страна",
                "страны",
                "стран",
                "странам",
                "странами",
                "странах",
                "государство",
                "государства",
                "государств",
                "государствам",
                "нация",
                "нации",
                "наций",
            ],
            &[
                "солдат",
                "солдата",
                "солдаты",
                "солдатам",
                "военных",
                "военнослужащих",
                "военнослужащие",
            ],
            &[
                "человек",
                "человека",
                "люди",
                "людей",
                "жителей",
                "жителя",
                "жители",
            ],
        ),
        Lang::Polish => (
            &[
                "kraj",
                "kraje",
                "krajów",
                "krajom",
                "krajami",
                "krajach",
                "państwo",
                "państwa",
                "państw",
                "państwom",
                "państwami",
                "państwach",
                "narody",
                "narodów",
            ],
            &[
                "żołnierz",
                "żołnierze",
                "żołnierzy",
                "żołnierzom",
                "żołnierzami",
                "wojskowych",
                "wojskowi",
            ],
            &[
                "osoba",
                "osoby",
                "osób",
                "osobom",
                "osobami",
                "ludzie",
                "ludzi",
                "mieszkańcy",
                "mieszkańców",
            ],
        ),
        Lang::Arabic => (
            &["دولة", "دول", "دولا", "بلد", "بلدا", "بلدان"],
            &["جندي", "جنديا", "جنود", "عسكري", "عسكريا", "عسكريين"],
            &[
                "شخص",
                "شخصا",
                "أشخاص",
                "اشخاص",
                "مواطن",
                "مواطنا",
                "مواطنين",
                "آخرين",
                "آخرون",
            ],
        ),
        Lang::Dutch => (
            &["land", "landen", "natie", "naties", "staat", "staten"],
            &["soldaat", "soldaten", "troepen", "militairen"],
            &["mens", "mensen", "persoon", "personen"],
        ),
        _ => return None,
    };
    [
        (countries, "countries"),
        (troops, "troops"),
        (people, "people"),
    ]
    .into_iter()
    .find(|(words, _)| words.contains(&noun))
    .map(|(_, key)| key)
}

/// Who a casualty count counts: the dead, the injured or the missing ("7 dead", "23 injured",
/// "9 were killed", "45 Verletzte", "9 قتلى"), as the key of [`counted_key`] ("deaths") or
/// of its own. A word of `lang`'s table (lower case), or `None`.
fn casualty_key(word: &str, lang: Lang) -> Option<&'static str> {
    let (dead, injured, missing): (&[&str], &[&str], &[&str]) = match lang {
        Lang::English | Lang::Unknown => (
            &["dead", "killed", "died", "slain"],
            &["injured", "wounded", "hurt"],
            &["missing"],
        ),
        Lang::French => (
            &[
                "morts",
                "mort",
                "tués",
                "tuées",
                "tué",
                "tuée",
                "décès",
                "décédés",
                "péri",
            ],
            &["blessés", "blessées", "blessé", "blessée"],
            &["disparus", "disparues"],
        ),
        Lang::Spanish => (
            &[
                "muertos",
                "muertas",
                "fallecidos",
                "fallecidas",
                "murieron",
                "fallecieron",
            ],
            &["heridos", "heridas", "lesionados", "lesionadas"],
            &["desaparecidos", "desaparecidas"],
        ),
        Lang::Italian => (
            &["morti", "deceduti", "decedute"],
            &["feriti", "ferite", "ferito"],
            &["dispersi", "disperse"],
        ),
        Lang::Portuguese => (
            &["mortos", "mortas", "óbitos", "morreram"],
            &["feridos", "feridas"],
            &["desaparecidos", "desaparecidas"],
        ),
        Lang::German => (
            &[
                "tote",
                "toten",
                "todesopfer",
                "todesopfern",
                "getötet",
                "starben",
            ],
            &[
                "verletzte",
                "verletzten",
                "verletzt",
                "schwerverletzte",
                "schwerverletzten",
            ],
            &["vermisste", "vermissten", "vermisst"],
        ),
        Lang::Dutch => (
            &["doden", "dode", "omgekomen", "gedood", "overleden"],
            &["gewonden", "gewonde", "gewond"],
            &["vermisten", "vermist"],
        ),
        Lang::Russian => (
            &[
                "погибших",
                "погибшие",
                "погибли",
                "погибло",
                "погиб",
                "убитых",
                "умерших",
            ],
            &[
                "раненых",
                "раненые",
                "ранены",
                "пострадавших",
                "пострадавшие",
                "пострадали",
                "пострадало",
            ],
            &["пропавших", "пропали"],
        ),
        Lang::Polish => (
            &["zabitych", "zmarłych", "zginęło", "zginęli", "zginęła"],
            &["rannych", "ranni", "ranne", "poszkodowanych"],
            &["zaginionych"],
        ),
        Lang::Arabic => (
            &["قتلى", "قتيلا", "قتيل", "وفيات", "مصرعهم", "مصرعه", "حتفهم"],
            &[
                "مصابا",
                "مصابين",
                "مصاب",
                "مصابون",
                "جرحى",
                "جريحا",
                "إصابات",
            ],
            &["مفقودين", "مفقودا", "مفقود"],
        ),
        _ => return None,
    };
    [(dead, "deaths"), (injured, "injured"), (missing, "missing")]
        .into_iter()
        .find(|(words, _)| words.contains(&word))
        .map(|(_, key)| key)
}

/// A casualty count in Chinese or Japanese: after the number (its last token `last`), a
/// counter (人, 名, with が) and what befell them: "2人死亡", "十八人重軽傷", "2人が死亡",
/// "3人受伤", "1人失踪". The token that ends the casualty word, with the key.
fn cjk_casualty(text: &str, ws: &[W], last: usize) -> Option<(usize, &'static str)> {
    let from = ws[last].span.end;
    let rest = text.get(from..)?;
    let after_counter = ["人", "名"].iter().find_map(|c| rest.strip_prefix(c))?;
    let after = after_counter
        .strip_prefix('が')
        .or_else(|| after_counter.strip_prefix('も'))
        .unwrap_or(after_counter);
    const WORDS: [(&str, &str); 17] = [
        ("死亡", "deaths"),
        ("死去", "deaths"),
        ("遇难", "deaths"),
        ("罹难", "deaths"),
        ("丧生", "deaths"),
        ("身亡", "deaths"),
        ("重軽傷", "injured"),
        ("重傷", "injured"),
        ("軽傷", "injured"),
        ("負傷", "injured"),
        ("けが", "injured"),
        ("怪我", "injured"),
        ("受伤", "injured"),
        ("受傷", "injured"),
        ("失踪", "missing"),
        ("行方不明", "missing"),
        ("下落不明", "missing"),
    ];
    let (word, key) = WORDS.iter().find(|(w, _)| after.starts_with(w))?;
    let end = from + (rest.len() - after.len()) + word.len();
    let k = (last + 1..ws.len()).find(|&k| ws[k].span.end >= end)?;
    Some((k, key))
}

/// Words between a count and the participle that says what befell it: "9 were killed",
/// "19 people have been injured", "12 personnes ont été blessées".
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "been"
            | "being"
            | "reportedly"
            | "also"
            | "still"
            | "ont"
            | "été"
            | "sont"
            | "han"
            | "sido"
            | "fueron"
            | "resultaron"
            | "sono"
            | "stati"
            | "state"
            | "rimaste"
            | "rimasti"
            | "rimasto"
            | "rimasta"
            | "quedaron"
            | "foram"
            | "ficaram"
            | "wurden"
            | "sind"
            | "worden"
            | "zijn"
            | "raakten"
            | "zostało"
            | "zostały"
            | "zostali"
    )
}

/// The casualty word that tells what a count counts, with its key: right after the number
/// (`at`), after auxiliaries ("were killed"), or a verb of harm just before it (`before`:
/// "killing 9", "погибли 9 человек").
fn casualty(ws: &[W], before: usize, at: usize, lang: Lang) -> Option<(usize, &'static str)> {
    let mut k = at;
    // (a singular noun for a person is no counted noun of its own: "one person died")
    if ws
        .get(k)
        .is_some_and(|w| matches!(w.lower.as_ref(), "person" | "man" | "woman" | "civilian"))
    {
        k += 1;
    }
    while ws.get(k).is_some_and(|w| is_auxiliary(&w.lower)) && k < at + 3 {
        k += 1;
    }
    if let Some(key) = ws.get(k).and_then(|w| casualty_key(&w.lower, lang)) {
        return Some((k, key));
    }
    // German "drei Menschen ums Leben gekommen" / "kamen … ums Leben": died
    if lang == Lang::German
        && ws.get(k).is_some_and(|w| w.lower == "ums")
        && ws.get(k + 1).is_some_and(|w| w.lower == "leben")
    {
        return Some((k + 1, "deaths"));
    }
    let prev = before.checked_sub(1).map(|i| &ws[i])?;
    let prev2 = before.checked_sub(2).map(|i| ws[i].lower.as_ref());
    // "the death toll rose to 11", "death toll of 11"
    let window = before.saturating_sub(8)..before;
    if ws[window.clone()].iter().any(|w| w.lower == "toll")
        && ws[window].iter().any(|w| w.lower == "death")
    {
        return Some((before - 1, "deaths"));
    }
    // "I feriti sono 15", "los muertos son 4": the casualty word, a copula, the number
    if matches!(
        prev.lower.as_ref(),
        "are" | "were" | "sono" | "erano" | "son" | "fueron" | "sont" | "são" | "sind" | "waren"
    ) && let Some(key) = prev2.and_then(|w| casualty_key(w, lang))
    {
        return Some((before - 2, key));
    }
    // "causó la muerte de tres personas", "la mort de trois personnes", "den Tod von"
    if matches!(
        prev.lower.as_ref(),
        "de" | "di" | "von" | "of" | "do" | "da"
    ) && prev2.is_some_and(|w| matches!(w, "muerte" | "mort" | "morte" | "tod" | "death"))
    {
        return Some((before - 1, "deaths"));
    }
    let key = match prev.lower.as_ref() {
        "killing" | "killed" => "deaths",
        "injuring" | "wounding" | "injured" | "wounded" => "injured",
        // (with or without "و", "and"): "مصرع سبعة أشخاص", "وأصيب نحو عشرين آخرين"
        w if lang == Lang::Arabic => match w.strip_prefix('و').unwrap_or(w) {
            "مصرع" | "مقتل" | "قتل" | "وفاة" => "deaths",
            "أصيب" | "اصيب" | "إصابة" | "اصابة" => "injured",
            "فقدان" => "missing",
            _ => return None,
        },
        // a verb of harm before the count: "starben drei Menschen", "a tué trois personnes",
        // "murieron cuatro personas", "погибли 9 человек"
        w if lang != Lang::English => casualty_key(w, lang)?,
        _ => return None,
    };
    Some((before - 1, key))
}

/// Canonical key of a counted noun: the singular form mapped through a small synonym table.
pub fn counted_key(noun: &str) -> String {
    let s = singular(&norm(noun));
    let key = match s.as_str() {
        "country" | "nation" | "state" => "countries",
        "troop" | "soldier" | "serviceman" | "servicemember" => "troops",
        "official" | "officer" | "chief" | "commander" => "officials",
        "person" | "folk" | "civilian" | "individual" | "resident" | "inhabitant" | "other" => {
            "people"
        }
        "firefighter" | "fireman" | "firemen" => "firefighters",
        "child" | "youngster" | "kid" | "minor" => "children",
        "death" | "fatality" => "deaths",
        "leader" => "leaders",
        "minister" => "ministers",
        _ => return s,
    };
    key.to_string()
}

/// A figure written as a year: four digits (`t`, as written) of the calendar range.
pub(crate) fn is_year_figure(t: &str, value: f64) -> bool {
    t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && (1800.0..=2100.0).contains(&value)
}

/// Extract the number claims of one sentence. `covered` marks tokens already used by dates.
pub(crate) fn extract(
    text: &str,
    sentence: usize,
    ws: &[W],
    lang: Lang,
    covered: &[bool],
) -> Vec<NumberClaim> {
    let mut out = Vec::new();
    for raw in find_raw(text, ws, lang, covered) {
        if let Some(c) = build(text, sentence, ws, &raw, lang) {
            out.push(c);
        }
    }
    out
}

fn build(text: &str, sentence: usize, ws: &[W], raw: &Raw, lang: Lang) -> Option<NumberClaim> {
    let mut start = raw.start;
    let mut end = raw.end;
    let value = raw.value;
    let mut kind = NumberKind::Count;
    let mut unit_name: Option<String> = None;
    // Currency before the number: "$3bn", "£1.2 million", "US$ 5".
    if start > 0 {
        if let Some(c) = currency_symbol(&ws[start - 1].lower) {
            kind = NumberKind::Money;
            unit_name = Some(c.to_string());
            start -= 1;
            if start > 0 && ws[start - 1].lower == "us" && !ws[start].gap {
                start -= 1;
            }
        }
    }
    // Hedge before.
    let mut hedge = Hedge::Exact;
    if raw.vague.is_some() {
        hedge = Hedge::Vague;
    } else if let Some((h0, h)) = hedge_before(ws, start, lang) {
        hedge = h;
        start = h0;
    }
    // A digit suffix unit: "5km".
    let digit_suffix = parse_digits(&ws[raw.start].lower, lang).map(|(_, s)| s.to_string());
    if let Some(u) = digit_suffix.as_deref().and_then(unit) {
        kind = NumberKind::Measure;
        unit_name = Some(u.to_string());
    }
    let mut noun: Option<usize> = None;
    let mut descriptor: Vec<usize> = Vec::new();
    // The key of a casualty count ("deaths", "injured", "missing"; see `casualty`).
    let mut casualty_of: Option<&'static str> = None;
    // What follows.
    let next = ws.get(end);
    // A day of a month ("le 3 mars", "5 marzo") is a date, no count.
    if next.is_some_and(|w| crate::corpus::stamp::is_month_name(&w.lower)) {
        return None;
    }
    // Hours after a preposition of the clock are a time of day, no duration: "vers 3 h 30",
    // "à 5 heures du matin", "a las 15.30 horas", "alle 3 ore", "gegen 7 Uhr".
    if next.is_some_and(|w| unit(&w.lower) == Some("hour") || w.lower == "uhr")
        && raw.start > 0
        && is_clock_preposition(&ws[raw.start - 1].lower)
    {
        return None;
    }
    if raw.ordinal {
        kind = NumberKind::Ordinal;
    } else if kind == NumberKind::Money {
        // "$3bn in aid", "£5 million of funding": not keyed further.
    } else if next.is_some_and(|w| w.text == "%") {
        kind = NumberKind::Percent;
        unit_name = Some("%".into());
        end += 1;
    } else if let Some(n) = next.and_then(|_| percent_words(ws, end)) {
        // "percent", "per cent", "Prozent", "pour cent", "por ciento", "per cento",
        // "процента", "بالمئة"
        kind = NumberKind::Percent;
        unit_name = Some("%".into());
        end += n;
    } else if let Some(c) = next.and_then(|w| currency_word(&w.lower)) {
        kind = NumberKind::Money;
        unit_name = Some(c.to_string());
        end += 1;
    } else if let Some(c) = next
        .filter(|w| is_of(&w.lower, lang) && ws[raw.start..end].iter().any(is_scale_word))
        .and_then(|_| ws.get(end + 1))
        .and_then(|w| currency_word(&w.lower))
    {
        // "5 millones de euros", "2 milioni di euro", "3 milhões de reais"
        kind = NumberKind::Money;
        unit_name = Some(c.to_string());
        end += 2;
    } else if next.is_some_and(|w| w.text == "-" && !w.gap)
        && ws.get(end + 1).is_some_and(|w| w.is_word() && !w.gap)
    {
        // Hyphenated compounds: "30-day ceasefire", "90-minute call", "30-nation coalition".
        let u = &ws[end + 1];
        end += 2;
        // "three-year-long", "three-year-old"
        while ws.get(end).is_some_and(|w| w.text == "-" && !w.gap)
            && ws
                .get(end + 1)
                .is_some_and(|w| matches!(w.lower.as_ref(), "long" | "old" | "strong"))
        {
            end += 2;
        }
        if let Some(un) = unit(&u.lower) {
            kind = NumberKind::Measure;
            unit_name = Some(un.to_string());
            let run = np_run(ws, end, 4);
            descriptor.extend(premodifiers(ws, start));
            descriptor.extend(run.iter().copied());
            if let Some(&h) = run.last() {
                noun = Some(h);
            }
            // A following "on/against/of/for …" phrase belongs to the account: "halt on strikes".
            let mut k = run.last().map_or(end, |&h| h + 1);
            if noun.is_some()
                && ws.get(k).is_some_and(|w| {
                    matches!(w.lower.as_ref(), "on" | "against" | "of" | "for" | "in")
                })
            {
                let mut taken = 0;
                while k < ws.len() && taken < 6 {
                    let w = &ws[k];
                    if w.kind == TokenKind::Punct && w.text != "-" && w.text != "'" {
                        break;
                    }
                    if w.is_word() && !is_stop(&w.lower) {
                        descriptor.push(k);
                        taken += 1;
                    } else if w.is_word()
                        && !matches!(
                            w.lower.as_ref(),
                            "on" | "against" | "of" | "for" | "in" | "the" | "a" | "an"
                        )
                    {
                        break;
                    }
                    k += 1;
                }
            }
        } else {
            // A counted noun as the compound's head: "a 30-nation coalition" (not "four-time").
            if !matches!(ws[end - 1].lower.as_ref(), "time" | "times") {
                noun = Some(end - 1);
                descriptor.push(end - 1);
            }
        }
    } else if let Some(un) = next.and_then(|w| unit(&w.lower)) {
        // ("5 m" apart is too often a letter; "5m" or "5 metres" is a length)
        if !(next.is_some_and(|w| w.lower == "m" && w.gap)) {
            kind = NumberKind::Measure;
            unit_name = Some(un.to_string());
            end += 1;
        }
    }
    // A part of a count just given ("darunter zwölf Schwerverletzte", "zwölf von ihnen
    // schwer", "12 of them seriously", "dont 5 graves", "di cui 3 gravi") is no figure of
    // its own: compared with the whole it was a false conflict.
    if is_subset_marker(ws, start, end) {
        return None;
    }
    // "aged 54" is an age, as "54-year-old" and "54 Jahre alt" are: years
    if kind == NumberKind::Count
        && raw.start > 0
        && matches!(ws[raw.start - 1].lower.as_ref(), "aged" | "age")
    {
        kind = NumberKind::Measure;
        unit_name = Some("year".into());
    }
    if kind == NumberKind::Count && noun.is_none() {
        // The counted noun: "30 nations", "some thirty Western countries", "dozens of military chiefs".
        let mut k = end;
        if ws.get(k).is_some_and(|w| is_of(&w.lower, lang)) {
            k += 1;
            if ws.get(k).is_some_and(|w| w.lower == "the") {
                k += 1;
            }
        }
        let run = np_run(ws, k, 4);
        // In another language, a noun of its own counted-noun table first ("30 países",
        // "dreißig Länder": German nouns are capitalised and seldom end in -s).
        noun = run
            .iter()
            .copied()
            .find(|&j| counted_key_in(&ws[j].lower, lang).is_some())
            .or_else(|| {
                run.iter().copied().find(|&j| {
                    looks_plural(&ws[j].lower)
                        && !ws[j].cap()
                        && !matches!(ws[j].lower.as_ref(), "times")
                })
            })
            .or_else(|| head_noun_in(ws, &run, lang));
        if let Some(h) = noun {
            descriptor.extend(run.iter().copied().take_while(|&j| j <= h));
        }
        // A casualty count: what befell them is the thing counted ("7 dead" and "5 missing"
        // are two things), for no noun or "people" ("19 people were killed").
        let people = noun.is_none_or(|h| {
            let n = norm(ws[h].stem_possessive().0);
            counted_key_in(&n, lang).map_or_else(|| counted_key(&n), str::to_string) == "people"
        });
        if lang == Lang::Unknown
            && noun.is_none()
            && let Some((k, key)) = cjk_casualty(text, ws, end - 1)
        {
            casualty_of = Some(key);
            noun = Some(k);
        } else if let Some(key) = noun.and_then(|h| casualty_key(&ws[h].lower, lang)) {
            // the counted noun is one: "12 blessés", "10 muertos"
            casualty_of = Some(key);
        } else if people {
            let after = noun.map_or(end, |h| h + 1);
            if let Some((k, key)) = casualty(ws, start, after, lang) {
                casualty_of = Some(key);
                if noun.is_none() && k >= end {
                    noun = Some(k);
                    descriptor.push(k);
                }
            }
        }
        if value == 1.0 && raw.vague.is_none() && casualty_of.is_none() {
            // "one of …", "one": mostly a pronoun, not a count worth comparing (but "one
            // person died", "1人失踪" are casualty counts).
            return None;
        }
    }
    if kind == NumberKind::Percent {
        let mut k = end;
        if ws.get(k).is_some_and(|w| w.lower == "of") {
            k += 1;
        }
        let run = np_run(ws, k, 4);
        noun = run.last().copied();
        descriptor.extend(run);
    }
    // Years: a bare four-digit integer in the calendar range.
    if kind == NumberKind::Count
        && noun.is_none()
        && hedge == Hedge::Exact
        && is_year_figure(ws[raw.start].text, value)
    {
        kind = NumberKind::Year;
    }
    let interval = hedge.interval(value, raw.vague);
    let span_end = noun.map_or(ws[end - 1].span.end, |h| {
        ws[h].span.end.max(ws[end - 1].span.end)
    });
    let span = Span::new(ws[start].span.start, span_end);
    let value_span = Span::new(ws[start].span.start, ws[end - 1].span.end);
    let noun_text = noun.map(|h| {
        let (s, _) = ws[h].stem_possessive();
        norm(s)
    });
    let key = match kind {
        NumberKind::Count if casualty_of.is_some() => casualty_of.map(str::to_string),
        NumberKind::Count => noun_text
            .as_deref()
            .map(|n| counted_key_in(n, lang).map_or_else(|| counted_key(n), str::to_string)),
        NumberKind::Measure => unit_name.clone(),
        NumberKind::Percent => Some("%".into()),
        NumberKind::Money => unit_name.clone(),
        NumberKind::Year | NumberKind::Ordinal => None,
    };
    let mut desc: Vec<String> = descriptor
        .iter()
        .map(|&j| norm(ws[j].stem_possessive().0))
        .filter(|w| !w.is_empty())
        .collect();
    desc.dedup();
    Some(NumberClaim {
        sentence,
        span,
        value_span,
        text: value_span.slice(text).to_string(),
        value,
        interval,
        hedge,
        kind,
        unit: unit_name,
        noun: noun_text,
        noun_span: noun.map(|h| ws[h].span),
        key,
        descriptor: desc,
    })
}
