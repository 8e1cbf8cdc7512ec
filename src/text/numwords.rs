//! Number words of the languages the pipeline reads them in: `text2num`'s own (English,
//! German, French, Spanish, Italian, Portuguese, Dutch, Danish) and Russian, Polish and
//! Arabic, which `text2num` lacks, as interpreters of the same kind ([`Russian`],
//! [`Polish`], [`Arabic`]).
//!
//! Chinese and Japanese numerals, written one character a word, are read from runs of
//! numeral characters where that is safe ([`cjk_numbers`]).
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
    Arabic(Arabic),
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
            Lang::Arabic => Some(NumberWords::Arabic(Arabic)),
            _ => None,
        }
    }

    fn inner(&self) -> &dyn Dispatch {
        match self {
            NumberWords::Builtin(l) => l,
            NumberWords::Russian(l) => l,
            NumberWords::Polish(l) => l,
            NumberWords::Arabic(l) => l,
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

/// A stateless interpreter: `$apply(word, digits)` reads one word; decimals, ordinals and
/// linking words are not read.
macro_rules! interpreter {
    ($ty:ty, $apply:expr) => {
        impl LangInterpreter for $ty {
            fn apply(&self, num_func: &str, b: &mut DigitString) -> Result<(), Error> {
                $apply(num_func, b)
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

/// An interpreter whose words all act through [`apply_word`] (`$word`: a word's value).
macro_rules! word_interpreter {
    ($ty:ty, $word:expr) => {
        interpreter!($ty, |w: &str, b: &mut DigitString| {
            let word: Option<Nw> = $word(w);
            apply_word(word.ok_or(Error::NaN)?, b)
        });
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

/// Arabic cardinal numbers in words, in both genders and the dual, with the prefixes news
/// text glues on: "ثلاثة" and "ثلاث" are 3, "بعشرة" (with ten) 10, "الثلاثة" (the three) 3,
/// "خمس عشرة" 15, "خمسة وعشرون" 25 (units before tens, joined by the prefix و), "مائة
/// وعشرون" 120, "ثلاثمئة" and "ثلاث مئة" 300, "مئتان" 200, "ألفان" 2000, "ثلاثة آلاف" 3000,
/// "مائة ألف" 100 000. Tashkeel and tatweel are ignored and alef with hamza or madda is
/// read bare (the features see words folded so, the claims as written).
///
/// A scale word needs a number before it ("ألف", "آلاف", "مليون", "ملايين"): word by word,
/// as the features read them, "مائة ألف" is "100" then "ألف", as "100 ألف" is, and "آلاف"
/// alone is "thousands" (vague, see the claims). After the first part of a number, the
/// next part needs the prefix و ("مائة وعشرون"), except the teens, a hundred after a unit
/// and the scales. Left out on purpose: ordinals ("الثالثة", the third), fractions
/// ("ثلث"); "الاثنين" and "الأحد" (Monday, Sunday), and "لست" ("I am not", not ل + ست).
#[derive(Clone, Copy, Debug, Default)]
pub struct Arabic;

/// What one Arabic number word does to the number being read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ar {
    /// 1–9.
    Unit(u8),
    /// عشرة, عشر: 10, or the tens digit of 11–19 right after a unit ("خمس عشرة").
    Ten,
    /// 20–90: the tens digit.
    Tens(u8),
    /// مئة, مائة: 100, or times 100 right after a unit ("ثلاث مئة").
    Hundred,
    /// 200–900 in one word ("مئتان", "ثلاثمئة"): the hundreds digit.
    Hundreds(u8),
    /// ألف, آلاف, مليون…: the number before it times 10^n.
    Scale(usize),
    /// ألفان, مليونان…: 2 × 10^n, a number on its own.
    Dual(usize),
}

/// The value of a bare Arabic number word without prefixes.
fn arabic_word(w: &str) -> Option<Ar> {
    use Ar::*;
    Some(match w {
        "واحد" | "واحدة" | "احد" | "احدى" => Unit(1),
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" | "اثنا" | "اثنتا" | "اثني" | "اثنتي" => {
            Unit(2)
        }
        "ثلاثة" | "ثلاث" => Unit(3),
        "اربعة" | "اربع" => Unit(4),
        "خمسة" | "خمس" => Unit(5),
        "ستة" | "ست" => Unit(6),
        "سبعة" | "سبع" => Unit(7),
        "ثمانية" | "ثماني" | "ثمان" => Unit(8),
        "تسعة" | "تسع" => Unit(9),
        "عشرة" | "عشر" => Ten,
        "عشرون" | "عشرين" => Tens(2),
        "ثلاثون" | "ثلاثين" => Tens(3),
        "اربعون" | "اربعين" => Tens(4),
        "خمسون" | "خمسين" => Tens(5),
        "ستون" | "ستين" => Tens(6),
        "سبعون" | "سبعين" => Tens(7),
        "ثمانون" | "ثمانين" => Tens(8),
        "تسعون" | "تسعين" => Tens(9),
        "مئة" | "مائة" => Hundred,
        "مئتان" | "مئتين" | "مائتان" | "مائتين" => Hundreds(2),
        "ثلاثمئة" | "ثلاثمائة" => Hundreds(3),
        "اربعمئة" | "اربعمائة" => Hundreds(4),
        "خمسمئة" | "خمسمائة" => Hundreds(5),
        "ستمئة" | "ستمائة" => Hundreds(6),
        "سبعمئة" | "سبعمائة" => Hundreds(7),
        "ثمانمئة" | "ثمانمائة" | "ثمانيمئة" | "ثمانيمائة" => {
            Hundreds(8)
        }
        "تسعمئة" | "تسعمائة" => Hundreds(9),
        "الف" | "الفا" | "الاف" => Scale(3),
        "الفان" | "الفين" => Dual(3),
        "مليون" | "مليونا" | "ملايين" => Scale(6),
        "مليونان" | "مليونين" => Dual(6),
        "مليار" | "مليارا" | "مليارات" | "بليون" => Scale(9),
        "ملياران" | "مليارين" => Dual(9),
        _ => return None,
    })
}

/// An Arabic number word, and whether it carries the prefix و ("and"), with the prefixes
/// news text glues on: و, then one of ب ل ك, then the article ال ("والثلاثة", "بعشرة",
/// "للعشرة" = ل + العشرة).
fn arabic_number(word: &str) -> Option<(Ar, bool)> {
    // (tashkeel and tatweel dropped, alef with hamza or madda bare, as the features see it)
    let w = crate::text::normalize::fold(word);
    if let Some(v) = arabic_word(&w) {
        return Some((v, false));
    }
    let (wa, r0) = match w.strip_prefix('و') {
        Some(r) => (true, r),
        None => (false, &*w),
    };
    // (preposition, article, what is left)
    let mut forms: Vec<(bool, bool, &str)> = Vec::with_capacity(4);
    if wa {
        forms.push((false, false, r0));
    }
    if let Some(r1) = r0.strip_prefix(['ب', 'ل', 'ك']) {
        forms.push((true, false, r1));
        if let Some(r2) = r1.strip_prefix("ال") {
            forms.push((true, true, r2));
        }
    }
    if let Some(r2) = r0.strip_prefix("ال") {
        forms.push((false, true, r2));
    }
    if let Some(r2) = r0.strip_prefix("لل") {
        forms.push((true, true, r2));
    }
    forms.into_iter().find_map(|(prep, article, base)| {
        let v = arabic_word(base)?;
        // "الاثنين", "الأحد": Monday, Sunday; "لست": "I am not"
        let day = article && (base.starts_with("اثن") || base.starts_with("احد"));
        let not_six = (prep || article) && base == "ست";
        (!day && !not_six).then_some((v, wa))
    })
}

/// [`DigitString::flags`] bit: the word read last was a unit ("خمسة" before "عشر" or "وعشرون").
const AR_UNIT_LAST: u64 = 1;

/// Read one Arabic number word into `b` (see [`Arabic`]).
fn arabic_apply(num_func: &str, b: &mut DigitString) -> Result<(), Error> {
    use Ar::*;
    let (v, wa) = arabic_number(num_func).ok_or(Error::NaN)?;
    let unit_last = b.flags & AR_UNIT_LAST != 0;
    // a new part of a number after the first is joined by و ("مائة وعشرون")
    let joins = b.is_null() || wa;
    match v {
        Unit(_) if !joins => Err(Error::Overlap),
        // (units come before tens: "عشرون وخمسة" is not read as one number)
        Unit(_) if b.len() >= 2 && b.peek(2)[0] != b'0' => Err(Error::Overlap),
        Unit(d) => b.put(&[b'0' + d]),
        Ten if unit_last && !wa => b.put_digit_at(b'1', 1),
        Tens(t) if unit_last && wa => b.put_digit_at(b'0' + t, 1),
        // "ثلاث مئة": the unit read last becomes the hundreds digit
        Hundred if unit_last && !wa => {
            let d = b.peek(1)[0];
            b.fput(b"0").and_then(|()| b.put_digit_at(d, 2))
        }
        Ten | Tens(_) | Hundred | Hundreds(_) if !joins || unit_last => Err(Error::Overlap),
        Ten => b.put(b"10"),
        Tens(t) => b.put(&[b'0' + t, b'0']),
        Hundred => b.put(b"100"),
        Hundreds(d) => b.put(&[b'0' + d, b'0', b'0']),
        Scale(_) if b.is_null() => Err(Error::NaN),
        Scale(n) if !wa && b.is_range_free(n, n + 2) => b.shift(n),
        Dual(n) if b.is_null() => b.put(b"2").and_then(|()| b.shift(n)),
        Scale(_) | Dual(_) => Err(Error::Overlap),
    }?;
    b.flags = if matches!(v, Unit(_)) {
        AR_UNIT_LAST
    } else {
        0
    };
    Ok(())
}

interpreter!(Arabic, arabic_apply);

/// A Chinese or Japanese numeral character: its digit (`〇`/`零` 0, `一`–`九`, `两`/`兩` 2)
/// or its place (`十`, `百`, `千`; `万`/`萬`, `亿`/`億`: the myriads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cjk {
    Digit(u8),
    /// 十, 百, 千: 10, 100, 1000.
    Place(u64),
    /// 万, 亿: 10^4, 10^8.
    Myriad(u64),
}

fn cjk_numeral(c: char) -> Option<Cjk> {
    use Cjk::*;
    Some(match c {
        '〇' | '零' => Digit(0),
        '一' => Digit(1),
        '二' | '两' | '兩' => Digit(2),
        '三' => Digit(3),
        '四' => Digit(4),
        '五' => Digit(5),
        '六' => Digit(6),
        '七' => Digit(7),
        '八' => Digit(8),
        '九' => Digit(9),
        '十' => Place(10),
        '百' => Place(100),
        '千' => Place(1000),
        '万' | '萬' => Myriad(10_000),
        '亿' | '億' => Myriad(100_000_000),
        _ => return None,
    })
}

/// Whether `c` is a Chinese or Japanese numeral character (`三`, `十`, `两`, `万`…).
pub fn is_cjk_numeral(c: char) -> bool {
    cjk_numeral(c).is_some()
}

/// Counters and units a lone numeral may count ("三人", "五時", "两万"), Chinese and
/// Japanese; longest first where one begins another.
const CJK_COUNTERS: &[&str] = &[
    "時間", "小时", "公里", "毫米", "厘米", "平方", "車線", "车道", "人", "日", "月", "年", "時",
    "时", "分", "秒", "歳", "岁", "件", "台", "回", "名", "个", "個", "倍", "度", "米", "元", "円",
    "つ", "天", "周", "週", "家", "所", "棟", "栋", "隻", "艘", "辆", "輌", "架", "位", "条", "枚",
    "頭", "匹", "只", "户", "戸", "次", "万", "萬", "亿", "億",
];

/// The counters a lone `一` may count: not those that make it a word of its own ("一度"
/// once, "一時" for a while, "一分", "一回", "一个" a, "一次" once, "一天" one day → some day).
const CJK_ONE_COUNTERS: &[&str] = &[
    "時間", "小时", "公里", "人", "名", "件", "台", "年", "月", "日", "歳", "岁", "万", "萬", "亿",
    "億",
];

/// The value of a run of numeral characters without myriads, read by place ("二百八十六" is
/// 286, "十八" 18, "一千零五" 1005) or, where it is written so, digit by digit ("二〇二四" is
/// 2024, "五二" in brackets 52). `None` when it is neither ("三四天" is "three or four
/// days", "千万" mostly "by all means").
fn cjk_value(run: &[Cjk], bracketed: bool) -> Option<u64> {
    use Cjk::*;
    let digits_only = run.iter().all(|c| matches!(c, Digit(_)));
    if digits_only {
        // digit by digit: a year, or an age in brackets ("（五二）"); a lone digit is itself
        let zero = run.contains(&Digit(0));
        if run.len() == 1 || run.len() >= 3 || zero || bracketed {
            return Some(run.iter().fold(0, |v, c| match c {
                Digit(d) => v * 10 + u64::from(*d),
                _ => v,
            }));
        }
        return None;
    }
    let mut total = 0u64;
    let mut digit: Option<u64> = None;
    let mut last_place = u64::MAX;
    for (k, c) in run.iter().enumerate() {
        match *c {
            // (a zero between places only fills a gap: "一千零五")
            Digit(0) => {}
            Digit(d) if digit.is_none() => digit = Some(u64::from(d)),
            Digit(_) => return None,
            Place(p) => {
                // only 十 stands for one of itself at the start ("十八"); places fall
                let d = match digit.take() {
                    Some(d) => d,
                    None if p == 10 && k == 0 => 1,
                    None => return None,
                };
                if p >= last_place {
                    return None;
                }
                last_place = p;
                total += d * p;
            }
            Myriad(_) => return None,
        }
    }
    Some(total + digit.unwrap_or(0))
}

/// The numbers written in Chinese or Japanese numerals among `words` (byte ranges into
/// `text`, one CJK character each as [`super::normalize::word_spans`] splits them): for each,
/// the range of word indices it covers and its value in digits.
///
/// A numeral is read only where it is safely one: a run of two or more numeral characters
/// ("三十一", "二百八十六"), or one followed by a counter ("三人", "两万", "五時"; a lone
/// "一" only before a counter that does not make it a word: "一人" but not "一度", "一時");
/// never after "第" (an ordinal: "第一", "第二十六届"), nor when the run does not read as a
/// number ("万一", "千万", "三四天"). The myriads `万`, `亿` stay words of their own, so
/// "两万人" is read "2 万 人", as "2万人" is written.
pub fn cjk_numbers(
    text: &str,
    words: &[std::ops::Range<usize>],
) -> Vec<(std::ops::Range<usize>, String)> {
    let numeral = |r: &std::ops::Range<usize>| {
        let mut cs = text[r.clone()].chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) => cjk_numeral(c),
            _ => None,
        }
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if numeral(&words[i]).is_none() {
            i += 1;
            continue;
        }
        // the run of numeral characters written together
        let mut j = i + 1;
        while j < words.len() && words[j].start == words[j - 1].end && numeral(&words[j]).is_some()
        {
            j += 1;
        }
        let ordinal = text[..words[i].start].ends_with('第');
        if !ordinal {
            let bracketed = text[..words[i].start].ends_with(['（', '('])
                && text[words[j - 1].end..].starts_with(['）', ')']);
            // the parts between the myriads
            let mut k = i;
            while k < j {
                if matches!(numeral(&words[k]), Some(Cjk::Myriad(_))) {
                    k += 1;
                    continue;
                }
                let mut e = k;
                while e < j && !matches!(numeral(&words[e]), Some(Cjk::Myriad(_))) {
                    e += 1;
                }
                let part: Vec<Cjk> = words[k..e].iter().filter_map(numeral).collect();
                let after = &text[words[e - 1].end..];
                let counted = |list: &[&str]| list.iter().any(|c| after.starts_with(c));
                let safe = match part.as_slice() {
                    [Cjk::Digit(1)] => counted(CJK_ONE_COUNTERS),
                    [Cjk::Digit(0)] => false,
                    [_] => counted(CJK_COUNTERS),
                    _ => true,
                };
                if let Some(v) = cjk_value(&part, bracketed).filter(|_| safe) {
                    out.push((k..e, v.to_string()));
                }
                k = e;
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The digits `words` make in `lang`, if one number.
    fn read(lang: &impl LangInterpreter, words: &str) -> Option<String> {
        text2num::text2digits(words, lang).ok()
    }

    /// Each of `cases` reads as its digits in `lang`.
    fn assert_reads(lang: &impl LangInterpreter, cases: &[(&str, &str)]) {
        for &(words, digits) in cases {
            assert_eq!(read(lang, words).as_deref(), Some(digits), "{words}");
        }
    }

    /// None of `cases` is one number in `lang`.
    fn assert_no_number(lang: &impl LangInterpreter, cases: &[&str]) {
        for &words in cases {
            assert_eq!(read(lang, words), None, "{words}");
        }
    }

    #[test]
    fn russian_cardinals_in_every_case() {
        assert_reads(
            &Russian,
            &[
                ("двадцать три", "23"),
                ("трёх", "3"),
                ("тремя", "3"),
                ("двухсот", "200"),
                ("сорока", "40"),
                ("триста пятьдесят", "350"),
                ("три тысячи", "3000"),
                ("тысяча", "1000"),
                ("две тысячи двадцать пять", "2025"),
                ("двести тысяч", "200000"),
            ],
        );
        assert_no_number(&Russian, &["полтора", "семью"]);
    }

    #[test]
    fn words_that_make_no_number() {
        assert_no_number(
            &Russian,
            &[
                "десять пять",
                "двадцать тридцать",
                "пятнадцать три",
                "школа",
            ],
        );
    }

    #[test]
    fn polish_cardinals_in_their_case_forms() {
        assert_reads(
            &Polish,
            &[
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
            ],
        );
    }

    #[test]
    fn polish_words_that_make_no_number() {
        assert_no_number(
            &Polish,
            &[
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
            ],
        );
    }

    #[test]
    fn arabic_cardinals_genders_duals_and_prefixes() {
        assert_reads(
            &Arabic,
            &[
                ("ثلاثة", "3"),
                ("ثلاث", "3"),
                ("ثَلَاثَة", "3"),
                ("أربعة", "4"),
                ("اربع", "4"),
                ("عشرة", "10"),
                ("بعشرة", "10"),
                ("الثلاثة", "3"),
                ("والثلاثة", "3"),
                ("لخمسة", "5"),
                ("للعشرة", "10"),
                ("اثنتين", "2"),
                ("خمس عشرة", "15"),
                ("اثنا عشر", "12"),
                ("أحد عشر", "11"),
                ("خمسة وعشرون", "25"),
                ("خمسة وعشرين", "25"),
                ("عشرون", "20"),
                ("وعشرين", "20"),
                ("مئة", "100"),
                ("مائة وعشرون", "120"),
                ("مائة وخمسة عشر", "115"),
                ("مئتان", "200"),
                ("ثلاثمئة", "300"),
                ("ثلاث مئة", "300"),
                ("ثلاثمائة وخمسة وعشرون", "325"),
                ("ألفان", "2000"),
                ("ألفين", "2000"),
                ("ثلاثة آلاف", "3000"),
                ("ثلاثة آلاف وخمسمائة", "3500"),
                ("مائة ألف", "100000"),
                ("خمسة وعشرين ألف", "25000"),
                ("عشرون ألفا", "20000"),
                ("ثلاثة ملايين", "3000000"),
            ],
        );
    }

    #[test]
    fn arabic_words_that_make_no_number() {
        assert_no_number(
            &Arabic,
            &[
                // scale words alone: "thousand(s)", "million(s)" need a number
                "ألف",
                "آلاف",
                "مليون",
                "ملايين",
                // Monday, Sunday, "I am not", ordinals, fractions, "dozens"
                "الاثنين",
                "الأحد",
                "لست",
                "الثالثة",
                "الخامس",
                "ثلث",
                "عشرات",
                "مستشفيات",
                // not one number: units after tens, two units, a part without و
                "عشرون خمسة",
                "ثلاثة خمسة",
                "ثلاثة وخمسة",
                "مائة عشرون",
                "خمسة عشرين",
            ],
        );
    }

    fn cjk(text: &str) -> Vec<(String, String)> {
        let mut words = Vec::new();
        super::super::normalize::word_spans_with(text, |r, _| words.push(r));
        cjk_numbers(text, &words)
            .into_iter()
            .map(|(r, v)| {
                (
                    text[words[r.start].start..words[r.end - 1].end].to_string(),
                    v,
                )
            })
            .collect()
    }

    #[test]
    fn chinese_and_japanese_numerals() {
        let read = |t: &str| cjk(t).into_iter().map(|(_, v)| v).collect::<Vec<_>>();
        assert_eq!(read("乗客三十一人と運転手二人"), ["31", "2"]);
        assert_eq!(read("降雨量最大达二百八十六毫米"), ["286"]);
        assert_eq!(read("十八人が重軽傷"), ["18"]);
        assert_eq!(read("二十二日午前五時四十分"), ["22", "5", "40"]);
        assert_eq!(read("男性運転手（五二）は"), ["52"]);
        assert_eq!(read("两万余人"), ["2"]);
        assert_eq!(read("一千二百余人次"), ["1200"]);
        assert_eq!(read("三万五千人"), ["3", "5000"]);
        assert_eq!(read("二〇二四年"), ["2024"]);
        assert_eq!(read("一千零五"), ["1005"]);
        assert_eq!(read("一人"), ["1"]);
        assert_eq!(read("一時間前"), ["1"]);
        assert_eq!(cjk("两万余人")[0].0, "两");
    }

    #[test]
    fn chinese_and_japanese_words_that_are_no_number() {
        for text in [
            "東京都八王子市",
            "赤ちゃんの一般公開",
            "当時は一帯で雪",
            "沿河老街一带积水",
            "全国统一",
            "第一次",
            "第二十六届重庆",
            "交通一度中断",
            "宁可十防九空，不可失防万一",
            "千万不要",
            "三四天",
            "一时",
            "响居民中已有九成恢复",
            "一个人",
        ] {
            assert!(cjk(text).is_empty(), "{text}: {:?}", cjk(text));
        }
    }

    #[test]
    fn one_type_for_every_language() {
        for (lang, words, digits) in [
            (Lang::Russian, "двух", "2"),
            (Lang::English, "thirty", "30"),
            (Lang::Polish, "trzech", "3"),
            (Lang::Arabic, "بعشرة", "10"),
        ] {
            let numbers = NumberWords::of(lang).expect("number words");
            assert_reads(&numbers, &[(words, digits)]);
        }
        assert!(NumberWords::of(Lang::Greek).is_none());
    }
}
