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
    /// Not known, or not one the pipeline has language-specific rules for.
    Unknown,
}

impl Lang {
    /// Parse an ISO 639-1 code or an English language name ("en", "English").
    pub fn from_code(code: &str) -> Option<Lang> {
        Some(match code.trim().to_ascii_lowercase().as_str() {
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
            _ => return None,
        })
    }

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
            Lang::Unknown => "und",
        }
    }

    /// Guess the language of a text. Placeholder: always English.
    pub fn detect(_text: &str) -> Lang {
        Lang::English
    }
}
