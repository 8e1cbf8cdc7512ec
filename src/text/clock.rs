//! Times of day, however a report writes them: "13.15 uur", "15:30", "15h30", "1:15 p.m.",
//! "half past three", "halb sieben", "kwart over één", "trois heures et demie", "las tres y
//! media", "le tre e mezza", "в половине четвёртого", "الثالثة والنصف". Each becomes one
//! canonical value on a 12-hour clock (`3:30`, `1:15`), so two outlets that give the same
//! time in different forms share a word in the similarity features. (On a 12-hour clock
//! because the spoken forms do not say which half of the day they mean: Dutch "half vier" is
//! 3:30 or 15:30.)
//!
//! A bare number of hours ("drei Uhr", "trois heures") is left alone: it is as often a
//! duration ("drei Stunden", "pendant trois heures") as a time.

use super::Lang;

/// The times of day in `text` (any case), in order of appearance, as `h:mm` with `h` in
/// `1..=12`. A sentence with no digit time ([`may_have_digit_time`], one pass over its bytes)
/// is read only if one of its words is a key word of its language's spoken times.
pub fn times(text: &str, lang: Lang) -> Vec<String> {
    let words = spoken(lang);
    let toks = if may_have_digit_time(text) {
        tokens(text)
    } else {
        let Some(w) = words else {
            return Vec::new();
        };
        let toks = tokens(text);
        if !toks.iter().any(|t| w.keys.contains(&t.as_str())) {
            return Vec::new();
        }
        toks
    };
    // German "am" is "on the" ("A3 am Freitag"), not a.m.
    let half_day_words = lang != Lang::German;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // (Italian "alle 3.42", German "um 15.30", Dutch "om 13.15": a preposition of time
        // makes a dotted number a time without a clock word after it)
        let after_time_word = i > 0 && time_prepositions(lang).contains(&toks[i - 1].as_str());
        if let Some((n, v)) = digit_time(&toks[i..], half_day_words, after_time_word)
            .or_else(|| words.and_then(|w| w.read(&toks[i..])))
        {
            out.push(v);
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// The tokens [`times`] reads: runs of letters (lower-cased; combining marks and the Arabic
/// tatweel dropped) and runs of digits with the `:`/`.`/`h` of a time inside ("15:30",
/// "13.15", "15h30"); everything else separates them ("a.m." is "a", "m"; "all'una" is
/// "all", "una").
fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut kind = 0u8; // 0 none, 1 letters, 2 digits
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    let chars: Vec<char> = text.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let next_digit = chars.get(k + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            if kind != 2 {
                flush(&mut cur, &mut out);
                kind = 2;
            }
            cur.push(c);
        } else if kind == 2 && matches!(c, ':' | '.' | 'h' | 'H') && next_digit {
            cur.push(if c == 'H' { 'h' } else { c });
        } else if kind == 1 && (unicode_normalization::char::is_combining_mark(c) || c == '\u{640}')
        {
            // (Arabic short vowels and the like belong to the word they mark)
        } else if c.is_alphabetic() {
            if kind != 1 {
                flush(&mut cur, &mut out);
                kind = 1;
            }
            cur.extend(c.to_lowercase());
        } else {
            flush(&mut cur, &mut out);
            kind = 0;
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// `h:mm` on the 12-hour clock, if `h` and `m` make a time of day.
fn clock(h: u32, m: u32) -> Option<String> {
    (m < 60 && (h < 24 || h == 24 && m == 0)).then(|| {
        let h12 = match h % 12 {
            0 => 12,
            x => x,
        };
        format!("{h12}:{m:02}")
    })
}

/// Words after a number that make it a time: Dutch "uur", German "Uhr", French "h"/"heures",
/// English "hrs", and the like (a.m. and p.m.: [`half_day`]).
const CLOCK_WORDS: &[&str] = &[
    "uur", "uhr", "h", "heure", "heures", "hrs", "horas", "hs", "ore",
];

/// Words before a number that make it a time in languages that write times with a full stop
/// and decimals with a comma ("alle 3.42", "um 15.30", "om 13.15"; German "um 1,15 Prozent"
/// is no time). Not in English, where "at 3.50" is as often a price.
fn time_prepositions(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Italian => &["alle", "dalle"],
        Lang::German => &["um", "gegen", "ab"],
        Lang::Dutch => &["om", "rond", "tegen", "vanaf"],
        _ => &[],
    }
}

/// How many tokens at the start of `toks` make a clock word (0: none): one of
/// [`CLOCK_WORDS`], or a [`half_day`] mark.
fn marked_by(toks: &[String], half_day_words: bool) -> usize {
    match toks {
        [w, ..] if CLOCK_WORDS.contains(&w.as_str()) => 1,
        _ => half_day(toks, half_day_words),
    }
}

/// How many tokens at the start of `toks` say a.m. or p.m. (0: none): "a", "m" (as "a.m." is
/// read), or "am" / "pm" with `half_day_words`.
fn half_day(toks: &[String], half_day_words: bool) -> usize {
    match toks {
        [w, ..] if (w == "am" || w == "pm") && half_day_words => 1,
        [ap, m, ..] if (ap == "a" || ap == "p") && m == "m" => 2,
        _ => 0,
    }
}

/// A time written with digits at the start of `toks`: `(tokens used, value)`. "15:30" and
/// "15h30" on their own; "13.15" only before a clock word or `after_time_word` (else it is
/// a decimal).
fn digit_time(
    toks: &[String],
    half_day_words: bool,
    after_time_word: bool,
) -> Option<(usize, String)> {
    let t = toks.first()?;
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // French typography: "15 h 30"
    if let [h, mark, m, ..] = toks
        && mark == "h"
        && h.len() <= 2
        && h.bytes().all(|b| b.is_ascii_digit())
        && m.len() == 2
        && m.bytes().all(|b| b.is_ascii_digit())
    {
        return clock(h.parse().ok()?, m.parse().ok()?).map(|v| (3, v));
    }
    // a whole hour with a.m. or p.m. ("9 a.m.", "11pm"); other clock words after a bare hour
    // ("3 uur", "3 heures") as often measure a duration
    if t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) {
        let mark = half_day(&toks[1..], half_day_words);
        let h: u32 = t.parse().ok()?;
        return (mark > 0 && (1..=12).contains(&h)).then(|| (1 + mark, format!("{h}:00")));
    }
    let split = t.find([':', '.', 'h'])?;
    let (h, rest) = t.split_at(split);
    let sep = rest.as_bytes()[0];
    let m = &rest[1..];
    if h.is_empty() || h.len() > 2 || m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let marked = marked_by(&toks[1..], half_day_words);
    if sep == b'.' && marked == 0 && !after_time_word {
        return None;
    }
    let v = clock(h.parse().ok()?, m.parse().ok()?)?;
    Some((1 + marked, v))
}

/// A language's spoken times: hour words (1–12), and how a fraction word sets the minutes.
struct Spoken {
    /// Words every spoken form has, lower case: a sentence without one has no spoken time
    /// ([`is_time_word`]).
    keys: &'static [&'static str],
    /// Hour words, `hours[k]` being hour `k + 1` (several spellings joined with `|`).
    hours: [&'static str; 12],
    /// Patterns, `H` standing for the hour word: `(words, minutes, hour offset)`, e.g.
    /// German `(["halb", "H"], 30, -1)`: "halb sieben" is 6:30.
    forms: &'static [(&'static [&'static str], u32, i32)],
}

impl Spoken {
    fn hour(&self, w: &str) -> Option<u32> {
        if let Ok(n) = w.parse::<u32>() {
            return (1..=24).contains(&n).then_some(n);
        }
        self.hours
            .iter()
            .position(|alts| alts.split('|').any(|a| a == w))
            .map(|k| k as u32 + 1)
    }

    /// The spoken time at the start of `toks`, if any form matches there.
    fn read(&self, toks: &[String]) -> Option<(usize, String)> {
        for &(pattern, minutes, offset) in self.forms {
            if pattern.len() > toks.len() {
                continue;
            }
            let mut hour = None;
            let fits = pattern.iter().zip(toks).all(|(p, t)| match *p {
                "H" => {
                    hour = self.hour(t);
                    hour.is_some()
                }
                p => p.split('|').any(|alt| alt == t),
            });
            if let (true, Some(h)) = (fits, hour) {
                let h = (h as i32 + offset).rem_euclid(12) as u32;
                return clock(h, minutes).map(|v| (pattern.len(), v));
            }
        }
        None
    }
}

fn spoken(lang: Lang) -> Option<&'static Spoken> {
    Some(match lang {
        Lang::English => &EN,
        Lang::German => &DE,
        Lang::Dutch => &NL,
        Lang::French => &FR,
        Lang::Spanish => &ES,
        Lang::Italian => &IT,
        Lang::Russian => &RU,
        Lang::Arabic => &AR,
        _ => return None,
    })
}

static EN: Spoken = Spoken {
    keys: &["half", "quarter"],
    hours: [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ],
    forms: &[
        (&["half", "past", "H"], 30, 0),
        (&["quarter", "past", "H"], 15, 0),
        (&["a", "quarter", "past", "H"], 15, 0),
        (&["quarter", "to", "H"], 45, -1),
        (&["a", "quarter", "to", "H"], 45, -1),
    ],
};

static DE: Spoken = Spoken {
    keys: &["halb", "viertel", "dreiviertel"],
    hours: [
        "eins|ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
        "elf", "zwölf",
    ],
    forms: &[
        (&["halb", "H"], 30, -1),
        (&["viertel", "nach", "H"], 15, 0),
        (&["viertel", "vor", "H"], 45, -1),
        (&["dreiviertel", "H"], 45, -1),
    ],
};

static NL: Spoken = Spoken {
    keys: &["half", "kwart"],
    hours: [
        // ("een" is also the article: "half een jaar")
        "één|eén",
        "twee",
        "drie",
        "vier",
        "vijf",
        "zes",
        "zeven",
        "acht",
        "negen",
        "tien",
        "elf",
        "twaalf",
    ],
    forms: &[
        (&["half", "H"], 30, -1),
        (&["kwart", "over", "H"], 15, 0),
        (&["kwart", "voor", "H"], 45, -1),
    ],
};

static FR: Spoken = Spoken {
    keys: &["demie", "quart"],
    hours: [
        "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
        "douze",
    ],
    forms: &[
        // after a preposition of time ("vers trois heures et demie"): without one it is as
        // often a duration ("le débat a duré deux heures et demie")
        (
            &["à|vers|dès|après|avant", "H", "heure|heures", "et", "demie"],
            30,
            0,
        ),
        (
            &["à|vers|dès|après|avant", "H", "heure|heures", "et", "quart"],
            15,
            0,
        ),
        (
            &[
                "à|vers|dès|après|avant",
                "H",
                "heure|heures",
                "moins",
                "le",
                "quart",
            ],
            45,
            -1,
        ),
        (
            &[
                "à|vers|dès|après|avant",
                "H",
                "heure|heures",
                "moins",
                "quart",
            ],
            45,
            -1,
        ),
    ],
};

static ES: Spoken = Spoken {
    keys: &["media", "cuarto"],
    hours: [
        "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once",
        "doce",
    ],
    forms: &[
        (&["la|las", "H", "y", "media"], 30, 0),
        (&["la|las", "H", "y", "cuarto"], 15, 0),
        (&["la|las", "H", "menos", "cuarto"], 45, -1),
    ],
};

static IT: Spoken = Spoken {
    keys: &["mezza", "mezzo", "quarto"],
    hours: [
        "una", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci",
        "undici", "dodici",
    ],
    forms: &[
        // ("all'una" and "l'una" are read as "all", "una" and "l", "una")
        (&["le|alle|l|all", "H", "e", "mezza|mezzo"], 30, 0),
        (&["le|alle|l|all", "H", "e", "un", "quarto"], 15, 0),
        (&["le|alle|l|all", "H", "meno", "un", "quarto"], 45, -1),
        (&["le|alle|l|all", "H", "e", "quarto"], 15, 0),
    ],
};

static RU: Spoken = Spoken {
    keys: &["половине", "половины", "четверть", "четверти"],
    // genitive ordinals ("в половине четвертого": 3:30) and cardinals ("без четверти четыре")
    hours: [
        "первого|один|час",
        "второго|два",
        "третьего|три",
        "четвертого|четвёртого|четыре",
        "пятого|пять",
        "шестого|шесть",
        "седьмого|семь",
        "восьмого|восемь",
        "девятого|девять",
        "десятого|десять",
        "одиннадцатого|одиннадцать",
        "двенадцатого|двенадцать",
    ],
    forms: &[
        // with the preposition that makes it a time ("половина 5-этажного дома" is half of a
        // building)
        (&["в", "половине", "H"], 30, -1),
        (&["около|после|до|к", "половины", "H"], 30, -1),
        (&["в", "четверть", "H"], 15, -1),
        (&["без", "четверти", "H"], 45, -1),
    ],
};

static AR: Spoken = Spoken {
    keys: &["والنصف", "ونصف", "والربع", "وربع", "ربعا", "ربع"],
    // feminine ordinals, as the hour is named ("الثالثة والنصف": 3:30); 11 and 12 take two
    // words and are not read
    hours: [
        "الواحدة",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
        "العاشرة",
        "-",
        "-",
    ],
    forms: &[
        (&["H", "والنصف|ونصف"], 30, 0),
        (&["H", "والربع|وربع"], 15, 0),
        (&["H", "الا|إلا", "ربعا|ربع"], 45, -1),
    ],
};

/// Whether `text` may hold a time written with digits: a digit, then `:`, `.` or `h` (either
/// case, or ` h ` between spaces), then a digit, or a digit and "am"/"p.m.". Dates, sums and
/// years fail at once, so a sentence pays one pass over its bytes; [`times`] asks it first.
pub fn may_have_digit_time(text: &str) -> bool {
    let b = text.as_bytes();
    let n = b.len();
    let mut k = 0;
    while k + 2 < n {
        if b[k].is_ascii_digit() {
            let (x, y) = (b[k + 1], b[k + 2]);
            if matches!(x, b':' | b'.' | b'h' | b'H') && y.is_ascii_digit()
                || spaced_h(&b[k + 1..])
                || half_day_mark(&b[k + 1..])
            {
                return true;
            }
        }
        k += 1;
    }
    false
}

/// Whether `b` opens with " h " and a digit, the spaces plain or no-break (French "15 h 30",
/// typeset "15\u{a0}h\u{a0}30" or with narrow no-break spaces).
fn spaced_h(b: &[u8]) -> bool {
    let space = |b: &[u8]| -> Option<usize> {
        [&b" "[..], "\u{a0}".as_bytes(), "\u{202f}".as_bytes()]
            .into_iter()
            .find(|s| b.starts_with(s))
            .map(<[u8]>::len)
    };
    let Some(k) = space(b) else { return false };
    if b.get(k) != Some(&b'h') {
        return false;
    }
    let Some(m) = space(&b[k + 1..]) else {
        return false;
    };
    b.get(k + 1 + m).is_some_and(u8::is_ascii_digit)
}

/// Whether `b` opens with "am", "pm", "a.m.", "a. m.", "p.m." (either case, after at most one
/// space).
fn half_day_mark(b: &[u8]) -> bool {
    let b = b.strip_prefix(b" ").unwrap_or(b);
    let Some((&ap, rest)) = b.split_first() else {
        return false;
    };
    let rest = rest.strip_prefix(b".").unwrap_or(rest);
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    matches!(ap | 0x20, b'a' | b'p')
        && rest.first().is_some_and(|&m| m | 0x20 == b'm')
        && rest.get(1).is_none_or(|&c| !c.is_ascii_alphanumeric())
}

/// Whether a folded word is one a spoken time of `lang` cannot do without ("half", "halb",
/// "kwart", "demie", "media", …): a tokenizer that meets neither such a word nor a number in
/// a sentence knows it holds no time, without calling [`times`].
pub fn is_time_word(word: &str, lang: Lang) -> bool {
    spoken(lang).is_some_and(|w| w.keys.contains(&word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(lang: Lang, text: &str) -> Vec<String> {
        times(text, lang)
    }

    #[test]
    fn digit_times_in_every_form() {
        assert_eq!(
            t(Lang::Dutch, "Het ongeluk gebeurde rond 13.15 uur."),
            ["1:15"]
        );
        assert_eq!(
            t(Lang::German, "gegen 6.40 Uhr bemerkten Mitarbeiter"),
            ["6:40"]
        );
        assert_eq!(
            t(Lang::English, "at 15:30 on Monday, and again at 9:05 p.m."),
            ["3:30", "9:05"]
        );
        assert_eq!(
            t(Lang::French, "dès 22h30 samedi, puis à 3 h 15"),
            ["10:30", "3:15"]
        );
        assert_eq!(t(Lang::Arabic, "نحو الساعة 3:30 فجرا"), ["3:30"]);
        assert_eq!(
            t(Lang::English, "fleeing at around 9.05 a.m., Lyons said"),
            ["9:05"]
        );
        assert_eq!(
            t(Lang::English, "at around 9 a. m. and again at 11pm"),
            ["9:00", "11:00"]
        );
        assert_eq!(t(Lang::English, "midnight, 00:10"), ["12:10"]);
    }

    #[test]
    fn decimals_and_dates_are_not_times() {
        // a decimal without a clock word, a score, a date, a year, a magnitude
        assert!(t(Lang::Dutch, "een stijging van 13.15 procent").is_empty());
        assert!(t(Lang::English, "a 4.4 magnitude quake on 20.03.2025").is_empty());
        assert!(t(Lang::English, "the 76ers won 101:99 in 2019").is_empty());
        assert!(
            t(
                Lang::English,
                "shares fell 3.50 a share, a 2.15 hours delay"
            )
            .is_empty()
        );
        assert!(t(Lang::English, "12 amendments, 5 a month, 3 amps").is_empty());
        assert!(t(Lang::German, "drei Uhr, drei Stunden").is_empty());
    }

    #[test]
    fn spoken_times_meet_their_digits() {
        assert_eq!(
            t(Lang::Dutch, "Rond half vier werd de man bevrijd."),
            t(Lang::Dutch, "Rond 15.30 uur.")
        );
        assert_eq!(t(Lang::Dutch, "rond kwart over één 's middags"), ["1:15"]);
        assert_eq!(t(Lang::Dutch, "kwart voor twaalf"), ["11:45"]);
        assert_eq!(t(Lang::German, "kurz nach halb sieben"), ["6:30"]);
        assert_eq!(
            t(Lang::German, "Viertel nach acht, Viertel vor neun"),
            ["8:15", "8:45"]
        );
        assert_eq!(
            t(Lang::English, "at half past three and a quarter to ten"),
            ["3:30", "9:45"]
        );
        assert_eq!(
            t(Lang::French, "vers trois heures et demie du matin"),
            ["3:30"]
        );
        assert_eq!(t(Lang::French, "à une heure moins le quart"), ["12:45"]);
        assert_eq!(
            t(Lang::Spanish, "a las tres y media de la madrugada"),
            ["3:30"]
        );
        assert_eq!(
            t(Lang::Italian, "alle tre e mezza, alle otto e un quarto"),
            ["3:30", "8:15"]
        );
        assert_eq!(
            t(
                Lang::Russian,
                "в половине четвёртого утра, без четверти пять"
            ),
            ["3:30", "4:45"]
        );
        assert_eq!(
            t(Lang::Arabic, "تلقت بلاغا في الثالثة والنصف فجرا"),
            t(Lang::Arabic, "نحو الساعة 3:30")
        );
        assert_eq!(t(Lang::Arabic, "في الثالثةَ والرُّبع"), ["3:15"]);
    }

    #[test]
    fn what_a_review_of_the_reader_found() {
        // any case; typographic apostrophes; no-break spaces; the Arabic tatweel
        assert_eq!(t(Lang::English, "Blast At Half Past Three"), ["3:30"]);
        assert_eq!(t(Lang::English, "HALF PAST THREE"), ["3:30"]);
        assert_eq!(
            t(Lang::Italian, "all'una e mezza, l\u{2019}una e un quarto"),
            ["1:30", "1:15"]
        );
        assert_eq!(
            t(
                Lang::French,
                "dès 15\u{a0}h\u{a0}30 et 16\u{202f}h\u{202f}45"
            ),
            ["3:30", "4:45"]
        );
        assert_eq!(t(Lang::Arabic, "في الثالثـة والنصف"), ["3:30"]);
        assert_eq!(t(Lang::Arabic, "في الثالثة إلا ربع"), ["2:45"]);
        assert_eq!(t(Lang::English, "at 24:00, not 24:30"), ["12:00"]);
        // German "am" is "on the"
        assert!(
            t(
                Lang::German,
                "Unfall auf der A3 am Freitag, Platz 5 am Sonntag"
            )
            .is_empty()
        );
        assert!(t(Lang::German, "Der Kurs stieg auf 1.15 am Montag").is_empty());
        // durations and articles
        assert!(t(Lang::French, "Le débat a duré deux heures et demie.").is_empty());
        assert!(t(Lang::Dutch, "na half een jaar").is_empty());
        assert!(t(Lang::Russian, "половина 5-этажного дома").is_empty());
    }

    #[test]
    fn a_preposition_of_time_makes_a_dotted_number_a_time() {
        assert_eq!(
            t(Lang::Italian, "registrata alle 3.42 di questa notte"),
            ["3:42"]
        );
        assert_eq!(t(Lang::German, "um 15.30 begann die Sitzung"), ["3:30"]);
        assert_eq!(t(Lang::Dutch, "om 13.15 stortte de vloer in"), ["1:15"]);
        // elsewhere a dotted number is a decimal
        assert!(t(Lang::Italian, "una scossa di magnitudo 4.40").is_empty());
        assert!(t(Lang::English, "shares closed at 3.50").is_empty());
    }

    #[test]
    fn half_alone_is_no_time() {
        assert!(t(Lang::English, "half of the residents").is_empty());
        assert!(t(Lang::Dutch, "de helft, half Nederland").is_empty());
        assert!(t(Lang::German, "die halbe Stadt").is_empty());
        assert!(t(Lang::Spanish, "la media de edad").is_empty());
        assert!(t(Lang::Russian, "четверть жителей, половина домов").is_empty());
        assert!(t(Lang::Arabic, "نصف السكان").is_empty());
    }
}
