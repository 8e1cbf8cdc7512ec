//! Number words of the languages the pipeline reads them in: `text2num`'s own (English,
//! German, French, Spanish, Italian, Portuguese, Dutch, Danish) and Russian and Polish,
//! which `text2num` lacks, as interpreters of the same kind ([`Russian`], [`Polish`]).
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
    Polish(Polish),
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
            Lang::Polish => Some(NumberWords::Polish(Polish)),
            _ => None,
        }
    }

    fn inner(&self) -> &dyn Dispatch {
        match self {
            NumberWords::Builtin(l) => l,
            NumberWords::Russian(l) => l,
            NumberWords::Polish(l) => l,
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

/// What one number word (Russian, Polish) does to the number being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nw {
    /// A digit 1–9 in the units place.
    Unit(u8),
    /// 10–19, or a multiple of ten 20–90: two digits.
    Tens(u8),
    /// A multiple of a hundred 100–900: the hundreds digit.
    Hundreds(u8),
    /// тысяча, миллион, миллиард: the number so far times 10^n.
    Scale(usize),
    /// A plural scale word, only after a number: Polish "tysiące" is "thousands" alone and
    /// the scale in "trzy tysiące" (3000).
    PluralScale(usize),
    Zero,
}

/// Apply one number word's meaning to the number being read (the rules Russian and Polish
/// share: tens then units, "двадцать три", "dwadzieścia trzy"; scales multiply what came
/// before).
fn apply_word(word: Nw, b: &mut DigitString) -> Result<(), Error> {
    match word {
        Nw::Zero => b.put(b"0"),
        // (not after 10–19: "десять пять" is no number)
        Nw::Unit(d) if !(b.len() >= 2 && b.peek(2)[0] == b'1') => b.put(&[b'0' + d]),
        Nw::Unit(_) => Err(Error::Overlap),
        Nw::Tens(n) => b.put(&[b'0' + n / 10, b'0' + n % 10]),
        Nw::Hundreds(d) => b.put(&[b'0' + d, b'0', b'0']),
        Nw::PluralScale(_) if b.is_null() => Err(Error::NaN),
        Nw::Scale(n) | Nw::PluralScale(n) if b.is_range_free(n, n + 2) => b.shift(n),
        Nw::Scale(_) | Nw::PluralScale(_) => Err(Error::Overlap),
    }
}

/// The value of a Russian number word (lower case, `ё` as `е`).
fn russian_word(w: &str) -> Option<Nw> {
    use Nw::*;
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

/// A stateless interpreter whose words all act through [`apply_word`].
macro_rules! word_interpreter {
    ($ty:ty, $apply:expr) => {
        impl LangInterpreter for $ty {
            fn apply(&self, num_func: &str, b: &mut DigitString) -> Result<(), Error> {
                let word: Option<Nw> = $apply(num_func);
                apply_word(word.ok_or(Error::NaN)?, b)
            }

            fn apply_decimal(
                &self,
                _decimal_func: &str,
                _b: &mut DigitString,
            ) -> Result<(), Error> {
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
    };
}

word_interpreter!(Russian, |w: &str| if w.contains('ё') {
    russian_word(&w.replace('ё', "е"))
} else {
    russian_word(w)
});

/// Polish cardinal numbers in words, in their case forms: "dwadzieścia trzy" is 23, "trzech",
/// "trzema" and "troje" (a collective numeral) are 3, "dwustu" is 200, "pięciuset" 500, "trzy
/// tysiące" 3000, "tysiąc" 1000. Plural scale words need a number before them: "tysiące",
/// "tysięcy", "miliony" alone are "thousands", "millions" (vague, see the claims), not 1000.
/// Words are expected lower-cased.
///
/// Left out on purpose: ordinals ("trzeci"), "raz" (once, a time), "kilka"/"kilkanaście"
/// (several: no figure), "dwu" (mostly a prefix written apart), and "sta", which is no
/// Polish form of 100.
#[derive(Clone, Copy, Debug, Default)]
pub struct Polish;

/// The value of a Polish number word (lower case).
fn polish_word(w: &str) -> Option<Nw> {
    use Nw::*;
    Some(match w {
        "zero" | "zera" | "zeru" | "zerem" => Zero,
        "jeden" | "jedna" | "jedno" | "jednego" | "jednej" | "jednemu" | "jednym" | "jedną" => {
            Unit(1)
        }
        "dwa" | "dwie" | "dwóch" | "dwom" | "dwoma" | "dwiema" | "dwaj" | "dwoje" | "dwojga"
        | "dwojgu" | "dwojgiem" => Unit(2),
        "trzy" | "trzech" | "trzem" | "trzema" | "trzej" | "troje" | "trojga" | "trojgu"
        | "trojgiem" => Unit(3),
        "cztery" | "czterech" | "czterem" | "czterema" | "czterej" | "czworo" | "czworga"
        | "czworgu" | "czworgiem" => Unit(4),
        "pięć" | "pięciu" | "pięcioma" | "pięcioro" | "pięciorga" => Unit(5),
        "sześć" | "sześciu" | "sześcioma" | "sześcioro" | "sześciorga" => Unit(6),
        "siedem" | "siedmiu" | "siedmioma" | "siedmioro" | "siedmiorga" => Unit(7),
        "osiem" | "ośmiu" | "ośmioma" | "ośmioro" | "ośmiorga" => Unit(8),
        "dziewięć" | "dziewięciu" | "dziewięcioma" | "dziewięcioro" | "dziewięciorga" => {
            Unit(9)
        }
        "dziesięć" | "dziesięciu" | "dziesięcioma" | "dziesięcioro" | "dziesięciorga" => {
            Tens(10)
        }
        "jedenaście" | "jedenastu" | "jedenastoma" => Tens(11),
        "dwanaście" | "dwunastu" | "dwunastoma" => Tens(12),
        "trzynaście" | "trzynastu" | "trzynastoma" => Tens(13),
        "czternaście" | "czternastu" | "czternastoma" => Tens(14),
        "piętnaście" | "piętnastu" | "piętnastoma" => Tens(15),
        "szesnaście" | "szesnastu" | "szesnastoma" => Tens(16),
        "siedemnaście" | "siedemnastu" | "siedemnastoma" => Tens(17),
        "osiemnaście" | "osiemnastu" | "osiemnastoma" => Tens(18),
        "dziewiętnaście" | "dziewiętnastu" | "dziewiętnastoma" => Tens(19),
        "dwadzieścia" | "dwudziestu" | "dwudziestoma" => Tens(20),
        "trzydzieści" | "trzydziestu" | "trzydziestoma" => Tens(30),
        "czterdzieści" | "czterdziestu" | "czterdziestoma" => Tens(40),
        "pięćdziesiąt" | "pięćdziesięciu" | "pięćdziesięcioma" => Tens(50),
        "sześćdziesiąt" | "sześćdziesięciu" | "sześćdziesięcioma" => Tens(60),
        "siedemdziesiąt" | "siedemdziesięciu" | "siedemdziesięcioma" => Tens(70),
        "osiemdziesiąt" | "osiemdziesięciu" | "osiemdziesięcioma" => Tens(80),
        "dziewięćdziesiąt" | "dziewięćdziesięciu" | "dziewięćdziesięcioma" => Tens(90),
        "sto" | "stu" | "stoma" => Hundreds(1),
        "dwieście" | "dwustu" | "dwustoma" => Hundreds(2),
        "trzysta" | "trzystu" | "trzystoma" => Hundreds(3),
        "czterysta" | "czterystu" | "czterystoma" => Hundreds(4),
        "pięćset" | "pięciuset" => Hundreds(5),
        "sześćset" | "sześciuset" => Hundreds(6),
        "siedemset" | "siedmiuset" => Hundreds(7),
        "osiemset" | "ośmiuset" => Hundreds(8),
        "dziewięćset" | "dziewięciuset" => Hundreds(9),
        "tysiąc" | "tysiąca" | "tysiącu" | "tysiącem" => Scale(3),
        "tysiące" | "tysięcy" | "tysiącom" | "tysiącami" | "tysiącach" => PluralScale(3),
        "milion" | "miliona" | "milionowi" | "milionem" | "milionie" => Scale(6),
        "miliony" | "milionów" | "milionom" | "milionami" | "milionach" => PluralScale(6),
        "miliard" | "miliarda" | "miliardowi" | "miliardem" | "miliardzie" => Scale(9),
        "miliardy" | "miliardów" | "miliardom" | "miliardami" | "miliardach" => PluralScale(9),
        _ => return None,
    })
}

word_interpreter!(Polish, polish_word);

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

    fn read_pl(words: &str) -> Option<String> {
        text2num::text2digits(words, &Polish).ok()
    }

    #[test]
    fn polish_cardinals_in_their_case_forms() {
        for (words, digits) in [
            ("dwadzieścia trzy", "23"),
            ("trzech", "3"),
            ("trzema", "3"),
            ("troje", "3"),
            ("dwie", "2"),
            ("dwiema", "2"),
            ("jednego", "1"),
            ("pięciu", "5"),
            ("ośmiu", "8"),
            ("jedenaście", "11"),
            ("dziewiętnastu", "19"),
            ("dwudziestu", "20"),
            ("czterdzieści", "40"),
            ("pięćdziesięciu", "50"),
            ("sto", "100"),
            ("stu", "100"),
            ("dwustu", "200"),
            ("trzysta", "300"),
            ("pięciuset", "500"),
            ("sto dwadzieścia", "120"),
            ("dwieście osiemdziesiąt sześć", "286"),
            ("tysiąc", "1000"),
            ("trzy tysiące", "3000"),
            ("pięć tysięcy", "5000"),
            ("dwa tysiące dwadzieścia pięć", "2025"),
            ("dwieście tysięcy", "200000"),
            ("trzy miliony", "3000000"),
            ("dwa miliardy", "2000000000"),
        ] {
            assert_eq!(read_pl(words).as_deref(), Some(digits), "{words}");
        }
    }

    #[test]
    fn polish_words_that_make_no_number() {
        for words in [
            // plural scale words alone are "thousands", "millions": no figure
            "tysiące",
            "tysięcy",
            "miliony",
            "milionów",
            // ordinals, "several", "once", and common words
            "trzeci",
            "kilka",
            "kilkanaście",
            "raz",
            "dziesiątki",
            "setki",
            "sta",
            "osoby",
            // not one number
            "dziesięć pięć",
            "dwadzieścia trzydzieści",
            "pięć trzy",
        ] {
            assert_eq!(read_pl(words), None, "{words}");
        }
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
        let pl = NumberWords::of(Lang::Polish).expect("Polish number words");
        assert_eq!(
            text2num::text2digits("trzech", &pl).ok().as_deref(),
            Some("3")
        );
        assert!(NumberWords::of(Lang::Greek).is_none());
    }
}
