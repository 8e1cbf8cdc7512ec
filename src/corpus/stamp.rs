//! Date and time stamps: lines such as `May 3, 2013 at 7:31 AM ET`, `UPDATED: 22:07 GMT,
//! 7 July 2012`, `Friday, June 7, 2013` or `Veröffentlicht am 3. Mai 2013, 14:20 Uhr`.
//!
//! Scraped articles carry their publication and update stamps as lines of their own. They
//! are metadata, not reporting: two outlets' stamps say nothing about the event, and pairing
//! "April 4, 2012" with "April 9, 2012" would only add noise to an aligned diff.
//!
//! A line is a stamp when every word of it is a number, a time, a month or weekday name, a
//! time zone or am/pm, or one of a few stamp words ("published", "updated", "at", "am", "le",
//! …), and it has a number and a month or a time (a year alone is not enough). Month and weekday names are listed
//! for English, German, French, Spanish, Italian, Portuguese and Dutch; a line with any other
//! word is not a stamp, so an unknown language only means a stamp goes unmarked.

/// Whether a lower-case word is a month's name (not an abbreviation of three letters such
/// as "mar" or "set", which other words share; "mai", "mei" are names): "3 mars" is a date.
pub(crate) fn is_month_name(lower: &str) -> bool {
    (lower.chars().count() >= 4 || matches!(lower, "mai" | "mei")) && MONTHS.contains(&lower)
}

/// Month names and their usual abbreviations (lower case, without a final dot).
const MONTHS: &[&str] = &[
    // English
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // German
    "januar",
    "jänner",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "okt",
    "dez",
    "mär",
    // French
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "janv",
    "févr",
    "avr",
    "juil",
    "déc",
    // Spanish
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "ene",
    "abr",
    "ago",
    "dic",
    // Italian
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "gen",
    "mag",
    "giu",
    "lug",
    "set",
    "ott",
    // Portuguese
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "fev",
    "out",
    "dez",
    // Dutch
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    "oktober",
    "mrt",
];

/// Weekday names and abbreviations (lower case, without a final dot).
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// Time zones and am/pm marks.
const ZONES: &[&str] = &[
    "am", "pm", "a.m", "p.m", "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wet", "west",
    "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "mt", "pt", "ist", "jst",
    "aest", "aedt", "msk", "z", "uhr", "h",
];

/// Words that introduce or join the parts of a stamp.
const STAMP_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "created",
    "first",
    "at",
    "on",
    "date",
    "time",
    "and",
    "|",
    "veröffentlicht",
    "aktualisiert",
    "zuletzt",
    "stand",
    "um",
    "am",
    "vom",
    "publié",
    "mis",
    "à",
    "jour",
    "le",
    "publicado",
    "actualizado",
    "a",
    "las",
    "el",
    "de",
    "del",
    "pubblicato",
    "aggiornato",
    "alle",
    "il",
    "atualizado",
    "em",
    "às",
    "gepubliceerd",
    "bijgewerkt",
    "op",
    "om",
];

/// What one word of a stamp can be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A bare number (day, year, hour): `3`, `2013`, `3rd`, `3.`.
    Number,
    /// A time or a numeric date: `7:31`, `22.07`, `2013-05-03`, `03/05/2013`, `2pm`.
    Time,
    Month,
    /// A weekday, a zone or a stamp word.
    Filler,
}

fn part(word: &str) -> Option<Part> {
    let w = word.trim_end_matches('.');
    if w.is_empty() {
        return Some(Part::Filler);
    }
    // Lower-case short ASCII words on the stack (all of them, in a stamp); others allocate.
    let mut buf = [0u8; 32];
    let owned;
    let lower: &str = if w.len() <= buf.len() && w.is_ascii() {
        let b = &mut buf[..w.len()];
        b.copy_from_slice(w.as_bytes());
        b.make_ascii_lowercase();
        std::str::from_utf8(b).expect("ASCII")
    } else {
        owned = w.to_lowercase();
        &owned
    };
    if MONTHS.contains(&lower) {
        return Some(Part::Month);
    }
    if WEEKDAYS.contains(&lower) || ZONES.contains(&lower) || STAMP_WORDS.contains(&lower) {
        return Some(Part::Filler);
    }
    let digits = lower.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &lower[digits..];
    if rest.is_empty() || ["st", "nd", "rd", "th", "er", "e", "º", "°"].contains(&rest) {
        return (digits <= 4).then_some(Part::Number);
    }
    // Times and numeric dates: digits with `:` `.` `/` `-` separators, an optional am/pm or
    // `h`/`z` suffix (`7:31am`, `14h20`, `2013-05-03t10:00z`).
    let body = rest
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches('z');
    let ok = !body.is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/' | '-' | 'h' | 't'))
        && body
            .chars()
            .any(|c| matches!(c, ':' | '.' | '/' | '-' | 'h'))
        || (body.is_empty() && digits <= 2);
    ok.then_some(Part::Time)
}

/// Whether `line` is only a date and/or time stamp (see the module doc).
pub fn is_timestamp(line: &str) -> bool {
    // A stamp needs a number, and a number starts with an ASCII digit (lower-casing creates
    // none): a line without one is not a stamp, whatever its words.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '•' | '·' | '(' | ')'))
        .map(|w| w.trim_matches(|c: char| matches!(c, ':' | '–' | '—' | '-' | ';')))
        .filter(|w| !w.is_empty());
    let (mut n, mut number, mut anchor) = (0, false, false);
    for w in words {
        n += 1;
        if n > 14 {
            return false;
        }
        match part(w) {
            None => return false,
            Some(Part::Number) => number = true,
            Some(Part::Time) => {
                number = true;
                anchor = true;
            }
            Some(Part::Month) => anchor = true,
            Some(Part::Filler) => {}
        }
    }
    number && anchor
}

#[cfg(test)]
mod tests {
    use super::is_timestamp;

    #[test]
    fn publication_and_update_stamps_are_stamps() {
        for line in [
            "May 03, 2013",
            "May 2, 2013 | 5: 03pm",
            "May 3rd, 2013 2: 00pm EDT",
            "May 2, 2013 1:35 pm.",
            "May 3, 2013 at 7:31 AM ET",
            "MAY 3, 2013 AT 1: 10PM",
            "UPDATED: FRIDAY, MAY 3, 2013, 9:56 AM",
            "PUBLISHED: 22:07 GMT, 7 July 2012",
            "Last updated at 22:46 GMT",
            "Published August 02, 2013",
            "Friday, June 7, 2013",
            "APR 28",
            "June 6, 2013 3:05 PM EDT",
            "2013-05-03",
            "2013-05-03T10:00:00Z",
            "03/05/2013 14:20",
            "Veröffentlicht am 3. Mai 2013, 14:20 Uhr",
            "Publié le 3 mai 2013 à 14h20",
            "Actualizado el 3 de mayo de 2013",
            "Pubblicato il 3 maggio 2013 alle 14:20",
        ] {
            assert!(is_timestamp(line), "{line:?} should be a stamp");
        }
    }

    #[test]
    fn reporting_is_never_a_stamp() {
        for line in [
            "Three killed as rioters bomb Greek bank",
            "May 3 was a busy day for the coalition.",
            "The meeting on Thursday lasted 3 hours.",
            "Thursday, 20 March: defence chiefs meet in London",
            "2013",
            "Friday",
            "0:44 and counting",
            "March on Washington",
            "At 7:31 the bomb went off",
            "",
            "June",
        ] {
            assert!(!is_timestamp(line), "{line:?} is not a stamp");
        }
    }
}
