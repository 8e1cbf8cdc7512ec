//! Number words of the languages the pipeline reads them in: `text2num`'s own (English,
//! German, French, Spanish, Italian, Portuguese, Dutch, Danish) and Russian, which
//! `text2num` lacks, as an interpreter of the same kind ([`Russian`]).
//!
//! [`NumberWords`] is one type for all of them, so the similarity features
//! ([`super::normalize::Normalizer`]) and the number claims read numbers the same way
//! whatever the language.

use super::Lang;
use text2num::digit_string::DigitString;
use text2num::error::Error;
use text2num::lang::{LangInterpreter, MorphologicalMarker};

/// The number words of one language.
pub enum NumberWords {
    /// One of `text2num`'s languages.
    Builtin(text2num::Language),
    Russian(Russian),
}

impl NumberWords {
    /// The number words of `lang`, where the pipeline has them.
    pub fn of(lang: Lang) -> Option<NumberWords> {
        match lang {
            Lang::English
            | Lang::German
            | Lang::French
            | Lang::Spanish
            | Lang::Italian
            | Lang::Portuguese
            | Lang::Dutch
            | Lang::Danish => text2num::get_interpreter_for(lang.code()).map(NumberWords::Builtin),
            Lang::Russian => Some(NumberWords::Russian(Russian)),
            _ => None,
        }
    }

    fn inner(&self) -> &dyn Dispatch {
        match self {
            NumberWords::Builtin(l) => l,
            NumberWords::Russian(l) => l,
        }
    }
}

/// The object-safe part of [`LangInterpreter`] that [`NumberWords`] forwards.
trait Dispatch {
    fn apply(&self, num_func: &str, b: &mut DigitString) -> Result<(), Error>;
    fn apply_decimal(&self, decimal_func: &str, b: &mut DigitString) -> Result<(), Error>;
    fn get_morph_marker(&self, word: &str) -> MorphologicalMarker;
    fn check_decimal_separator(&self, word: &str) -> Option<char>;
    fn format_and_value(&self, b: &DigitString) -> (String, f64);
    fn format_decimal_and_value(
        &self,
        int: &DigitString,
        dec: &DigitString,
        sep: char,
    ) -> (String, f64);
    fn is_linking(&self, word: &str) -> bool;
}

impl<L: LangInterpreter> Dispatch for L {
    fn apply(&self, num_func: &str, b: &mut DigitString) -> Result<(), Error> {
        LangInterpreter::apply(self, num_func, b)
    }
    fn apply_decimal(&self, decimal_func: &str, b: &mut DigitString) -> Result<(), Error> {
        LangInterpreter::apply_decimal(self, decimal_func, b)
    }
    fn get_morph_marker(&self, word: &str) -> MorphologicalMarker {
        LangInterpreter::get_morph_marker(self, word)
    }
    fn check_decimal_separator(&self, word: &str) -> Option<char> {
        LangInterpreter::check_decimal_separator(self, word)
    }
    fn format_and_value(&self, b: &DigitString) -> (String, f64) {
        LangInterpreter::format_and_value(self, b)
    }
    fn format_decimal_and_value(
        &self,
        int: &DigitString,
        dec: &DigitString,
        sep: char,
    ) -> (String, f64) {
        LangInterpreter::format_decimal_and_value(self, int, dec, sep)
    }
    fn is_linking(&self, word: &str) -> bool {
        LangInterpreter::is_linking(self, word)
    }
}

impl LangInterpreter for NumberWords {
    fn apply(&self, num_func: &str, b: &mut DigitString) -> Result<(), Error> {
        self.inner().apply(num_func, b)
    }
    fn apply_decimal(&self, decimal_func: &str, b: &mut DigitString) -> Result<(), Error> {
        self.inner().apply_decimal(decimal_func, b)
    }
    fn get_morph_marker(&self, word: &str) -> MorphologicalMarker {
        self.inner().get_morph_marker(word)
    }
    fn check_decimal_separator(&self, word: &str) -> Option<char> {
        self.inner().check_decimal_separator(word)
    }
    fn format_and_value(&self, b: &DigitString) -> (String, f64) {
        self.inner().format_and_value(b)
    }
    fn format_decimal_and_value(
        &self,
        int: &DigitString,
        dec: &DigitString,
        sep: char,
    ) -> (String, f64) {
        self.inner().format_decimal_and_value(int, dec, sep)
    }
    fn is_linking(&self, word: &str) -> bool {
        self.inner().is_linking(word)
    }
}

/// Russian cardinal numbers in words, in every case form: "двадцать три" is 23, "трёх" and
/// "тремя" are 3, "двухсот" is 200, "три тысячи" is 3000, "полтора миллиона" is not read
/// (fractions are not). Words are expected lower-cased; `ё` may be written `е`.
///
/// Left out on purpose: "семью", the instrumental of 7, which is far more often "family"
/// (accusative of "семья"); ordinals ("третий"), which count nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct Russian;

/// What one Russian number word does to the number being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ru {
    /// A digit 1–9 in the units place.
    Unit(u8),
    /// 10–19, or a multiple of ten 20–90: two digits.
    Tens(u8),
    /// A multiple of a hundred 100–900: the hundreds digit.
    Hundreds(u8),
    /// тысяча, миллион, миллиард: the number so far times 10^n.
    Scale(usize),
    Zero,
}

/// The value of a Russian number word (lower case, `ё` as `е`).
fn russian_word(w: &str) -> Option<Ru> {
    use Ru::*;
    Some(match w {
        "ноль" | "нуль" | "ноля" | "нуля" | "нолю" | "нулю" | "нолем" | "нулем" | "ноле"
        | "нуле" => Zero,
        "один" | "одна" | "одно" | "одного" | "одной" | "одному" | "одним" | "одном" | "одною"
        | "одну" => Unit(1),
        "два" | "две" | "двух" | "двум" | "двумя" => Unit(2),
        "три" | "трех" | "трем" | "тремя" => Unit(3),
        "четыре" | "четырех" | "четырем" | "четырьмя" => Unit(4),
        "пять" | "пяти" | "пятью" => Unit(5),
        "шесть" | "шести" | "шестью" => Unit(6),
        "семь" | "семи" => Unit(7),
        "восемь" | "восьми" | "восемью" | "восьмью" => Unit(8),
        "девять" | "девяти" | "девятью" => Unit(9),
        "десять" | "десяти" | "десятью" => Tens(10),
        "одиннадцать" | "одиннадцати" | "одиннадцатью" => {
            Tens(11)
        }
        "двенадцать" | "двенадцати" | "двенадцатью" => Tens(12),
        "тринадцать" | "тринадцати" | "тринадцатью" => Tens(13),
        "четырнадцать" | "четырнадцати" | "четырнадцатью" => {
            Tens(14)
        }
        "пятнадцать" | "пятнадцати" | "пятнадцатью" => Tens(15),
        "шестнадцать" | "шестнадцати" | "шестнадцатью" => {
            Tens(16)
        }
        "семнадцать" | "семнадцати" | "семнадцатью" => Tens(17),
        "восемнадцать" | "восемнадцати" | "восемнадцатью" => {
            Tens(18)
        }
        "девятнадцать" | "девятнадцати" | "девятнадцатью" => {
            Tens(19)
        }
        "двадцать" | "двадцати" | "двадцатью" => Tens(20),
        "тридцать" | "тридцати" | "тридцатью" => Tens(30),
        "сорок" | "сорока" => Tens(40),
        "пятьдесят" | "пятидесяти" | "пятьюдесятью" => Tens(50),
        "шестьдесят" | "шестидесяти" | "шестьюдесятью" => {
            Tens(60)
        }
        "семьдесят" | "семидесяти" | "семьюдесятью" => Tens(70),
        "восемьдесят" | "восьмидесяти" | "восемьюдесятью" => {
            Tens(80)
        }
        "девяносто" | "девяноста" => Tens(90),
        "сто" | "ста" => Hundreds(1),
        "двести" | "двухсот" | "двумстам" | "двумястами" | "двухстах" => {
            Hundreds(2)
        }
        "триста" | "трехсот" | "тремстам" | "тремястами" | "трехстах" => {
            Hundreds(3)
        }
        "четыреста" | "четырехсот" | "четыремстам" | "четырьмястами" | "четырехстах" => {
            Hundreds(4)
        }
        "пятьсот" | "пятисот" | "пятистам" | "пятьюстами" | "пятистах" => {
            Hundreds(5)
        }
        "шестьсот" | "шестисот" | "шестистам" | "шестьюстами" | "шестистах" => {
            Hundreds(6)
        }
        "семьсот" | "семисот" | "семистам" | "семьюстами" | "семистах" => {
            Hundreds(7)
        }
        "восемьсот"
        | "восьмисот"
        | "восьмистам"
        | "восемьюстами"
        | "восьмьюстами"
        | "восьмистах" => Hundreds(8),
        "девятьсот" | "девятисот" | "девятистам" | "девятьюстами" | "девятистах" => {
            Hundreds(9)
        }
        "тысяча" | "тысячи" | "тысяч" | "тысяче" | "тысячу" | "тысячей" | "тысячею" | "тысячам"
        | "тысячами" | "тысячах" => Scale(3),
        "миллион"
        | "миллиона"
        | "миллионов"
        | "миллиону"
        | "миллионом"
        | "миллионе"
        | "миллионы"
        | "миллионам"
        | "миллионами"
        | "миллионах" => Scale(6),
        "миллиард"
        | "миллиарда"
        | "миллиардов"
        | "миллиарду"
        | "миллиардом"
        | "миллиарде"
        | "миллиарды"
        | "миллиардам"
        | "миллиардами"
        | "миллиардах" => Scale(9),
        _ => return None,
    })
}

impl LangInterpreter for Russian {
    fn apply(&self, num_func: &str, b: &mut DigitString) -> Result<(), Error> {
        let word = if num_func.contains('ё') {
            russian_word(&num_func.replace('ё', "е"))
        } else {
            russian_word(num_func)
        };
        match word.ok_or(Error::NaN)? {
            Ru::Zero => b.put(b"0"),
            // (not after 10–19: "десять пять" is no number)
            Ru::Unit(d) if !(b.len() >= 2 && b.peek(2)[0] == b'1') => b.put(&[b'0' + d]),
            Ru::Unit(_) => Err(Error::Overlap),
            Ru::Tens(n) => b.put(&[b'0' + n / 10, b'0' + n % 10]),
            Ru::Hundreds(d) => b.put(&[b'0' + d, b'0', b'0']),
            Ru::Scale(n) if b.is_range_free(n, n + 2) => b.shift(n),
            Ru::Scale(_) => Err(Error::Overlap),
        }
    }

    fn apply_decimal(&self, _decimal_func: &str, _b: &mut DigitString) -> Result<(), Error> {
        Err(Error::NaN)
    }

    fn get_morph_marker(&self, _word: &str) -> MorphologicalMarker {
        MorphologicalMarker::None
    }

    fn check_decimal_separator(&self, _word: &str) -> Option<char> {
        None
    }

    fn is_linking(&self, _word: &str) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(words: &str) -> Option<String> {
        text2num::text2digits(words, &Russian).ok()
    }

    #[test]
    fn russian_cardinals_in_every_case() {
        assert_eq!(read("двадцать три").as_deref(), Some("23"));
        assert_eq!(read("трёх").as_deref(), Some("3"));
        assert_eq!(read("тремя").as_deref(), Some("3"));
        assert_eq!(read("двухсот").as_deref(), Some("200"));
        assert_eq!(read("сорока").as_deref(), Some("40"));
        assert_eq!(read("триста пятьдесят").as_deref(), Some("350"));
        assert_eq!(read("три тысячи").as_deref(), Some("3000"));
        assert_eq!(read("тысяча").as_deref(), Some("1000"));
        assert_eq!(read("две тысячи двадцать пять").as_deref(), Some("2025"));
        assert_eq!(read("двести тысяч").as_deref(), Some("200000"));
        assert_eq!(read("полтора").as_deref(), None);
        assert_eq!(read("семью").as_deref(), None);
    }

    #[test]
    fn words_that_make_no_number() {
        assert_eq!(read("десять пять"), None);
        assert_eq!(read("двадцать тридцать"), None);
        assert_eq!(read("пятнадцать три"), None);
        assert_eq!(read("школа"), None);
    }

    #[test]
    fn one_type_for_every_language() {
        let ru = NumberWords::of(Lang::Russian).expect("Russian number words");
        assert_eq!(
            text2num::text2digits("двух", &ru).ok().as_deref(),
            Some("2")
        );
        let en = NumberWords::of(Lang::English).expect("English number words");
        assert_eq!(
            text2num::text2digits("thirty", &en).ok().as_deref(),
            Some("30")
        );
        assert!(NumberWords::of(Lang::Polish).is_none());
    }
}
