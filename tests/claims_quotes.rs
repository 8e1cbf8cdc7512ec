//! Quotations and their speakers: one test per attribution pattern.

use parallax::compare::claims::{ArticleClaims, extract_text};

/// (quoted text, speaker name) of every quote.
fn quotes(c: &ArticleClaims) -> Vec<(String, Option<String>)> {
    c.quotes
        .iter()
        .map(|q| (q.text.clone(), c.speaker(q).map(|e| e.name.clone())))
        .collect()
}

fn speaker_of(text: &str, words: &str) -> Option<String> {
    let c = extract_text(text);
    let qs = quotes(&c);
    qs.into_iter()
        .find(|(t, _)| t.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?} in {text:?}"))
        .1
}

const INTRO: &str = "Armed Forces minister Luke Pollard spoke on Monday. Defence Secretary John Healey was there too.\n\n";

#[test]
fn curly_quote_then_he_said() {
    let t = format!(
        "{INTRO}“We want a credible force that will allow Ukraine to enjoy a lasting peace,” he said."
    );
    assert_eq!(
        speaker_of(&t, "credible force").as_deref(),
        Some("John Healey")
    );
}

#[test]
fn straight_quote_then_name_said() {
    let t = format!(
        "{INTRO}\"Let me be absolutely clear, this is not the time to go it alone,\" Pollard said."
    );
    assert_eq!(
        speaker_of(&t, "absolutely clear").as_deref(),
        Some("Luke Pollard")
    );
}

#[test]
fn quote_then_said_name() {
    let t = format!("{INTRO}“The coalition is ready to act on the ground,” said Mr Healey.");
    assert_eq!(
        speaker_of(&t, "ready to act").as_deref(),
        Some("John Healey")
    );
}

#[test]
fn name_said_colon_quote() {
    let t = format!("{INTRO}Pollard said: “We will not walk away from Ukraine now.”");
    assert_eq!(speaker_of(&t, "walk away").as_deref(), Some("Luke Pollard"));
}

#[test]
fn according_to() {
    let t = format!(
        "{INTRO}“The planning is moving into an operational phase,” according to Mr. Pollard."
    );
    assert_eq!(
        speaker_of(&t, "operational phase").as_deref(),
        Some("Luke Pollard")
    );
}

#[test]
fn told_reporters() {
    let t =
        format!("{INTRO}Healey told reporters “we have got our own independent deterrent here”.");
    assert_eq!(
        speaker_of(&t, "independent deterrent").as_deref(),
        Some("John Healey")
    );
}

#[test]
fn mentioned_in_spun_text() {
    let t = "“The UK is ironclad in our support for Ukraine,” Admiral Sir Tony Radakin mentioned.";
    assert_eq!(speaker_of(t, "ironclad").as_deref(), Some("Tony Radakin"));
}

#[test]
fn she_resolves_to_the_last_named_person() {
    let t = "Foreign Secretary Yvette Cooper met NATO chief Mark Rutte on Friday. “We are united in our support for Ukraine,” she said.";
    // Plain resolution: the last named person before the pronoun (no gender model).
    assert_eq!(speaker_of(t, "united").as_deref(), Some("Mark Rutte"));
    let t = "Foreign Secretary Yvette Cooper spoke on Friday. “We are united in our support for Ukraine,” she said.";
    assert_eq!(speaker_of(t, "united").as_deref(), Some("Yvette Cooper"));
}

#[test]
fn continued_quote_inherits_the_speaker() {
    let t = "“Our coalition of nations is working at pace,” Mr Healey said.\n\n“As Putin prevaricates over a ceasefire, we will continue to ramp up our planning.\n\n“That is why we will also convene the contact group this week.”";
    let c = extract_text(t);
    let qs = quotes(&c);
    assert_eq!(qs.len(), 3, "{qs:?}");
    assert!(
        qs.iter().all(|(_, s)| s.as_deref() == Some("Healey")),
        "{qs:?}"
    );
}

#[test]
fn single_quotes_and_apostrophes() {
    let c = extract_text(
        "Starmer is co-leading efforts to form the 'coalition of the willing' to help Ukraine's army.",
    );
    let qs = quotes(&c);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(qs[0].0, "coalition of the willing");
    let c = extract_text("He called it ‘a very good day for Europe’s defence’ on Friday.");
    assert_eq!(quotes(&c)[0].0, "a very good day for Europe’s defence");
}

#[test]
fn short_phrases_are_not_direct_speech() {
    let c = extract_text(
        "Pollard said they want the coalition to be a “credible force” that will last.",
    );
    assert_eq!(c.quotes.len(), 1);
    assert!(!c.quotes[0].direct);
    assert_eq!(
        c.speaker(&c.quotes[0]).map(|e| e.name.as_str()),
        Some("Pollard")
    );
}

#[test]
fn quote_spans_are_exact() {
    let t = "“The UK is ironclad in our support,” Radakin said.";
    let c = extract_text(t);
    let q = &c.quotes[0];
    assert_eq!(
        &t[q.span.start..q.span.end],
        "The UK is ironclad in our support,"
    );
    assert_eq!(
        &t[q.outer.start..q.outer.end],
        "“The UK is ironclad in our support,”"
    );
    let sp = q.speaker_span.unwrap();
    assert_eq!(&t[sp.start..sp.end], "Radakin");
}

#[test]
fn relative_clause_does_not_steal_the_speaker() {
    let t = "Defence Secretary John Healey, who accompanied Prime Minister Keir Starmer on the visit, reiterated the UK’s “unshakeable” commitment, calling it the “ultimate guarantor of our national security”.";
    let c = extract_text(t);
    assert_eq!(c.quotes.len(), 2);
    for q in &c.quotes {
        assert_eq!(
            c.speaker(q).map(|e| e.name.as_str()),
            Some("John Healey"),
            "{}",
            q.text
        );
    }
}

#[test]
fn quotes_and_speech_verbs_of_other_languages() {
    use parallax::compare::claims::extract_text_in;
    use parallax::text::Lang;
    let cases = [
        (
            Lang::German,
            "„Wir sind bereit, Soldaten zu schicken“, sagte Verteidigungsminister Boris Pistorius am Donnerstag.",
            "Wir sind bereit, Soldaten zu schicken",
            "Pistorius",
        ),
        (
            Lang::German,
            "„Die Lage ist ernst und wir handeln jetzt“, so Boris Pistorius in Berlin.",
            "Die Lage ist ernst und wir handeln jetzt",
            "Pistorius",
        ),
        (
            Lang::French,
            "« Nous sommes prêts à envoyer des troupes », a déclaré le ministre Sébastien Lecornu jeudi.",
            "Nous sommes prêts à envoyer des troupes",
            "Lecornu",
        ),
        (
            Lang::Spanish,
            "\"Estamos listos para enviar tropas\", dijo el ministro José Manuel Albares el jueves.",
            "Estamos listos para enviar tropas",
            "Albares",
        ),
    ];
    for (lang, text, quote, who) in cases {
        let c = extract_text_in(text, lang);
        let qs = quotes(&c);
        let (t, speaker) = qs
            .iter()
            .find(|(t, _)| t.starts_with(quote))
            .unwrap_or_else(|| panic!("no quote {quote:?} in {text:?}: {qs:?}"));
        assert_eq!(t, quote, "{text}");
        assert!(
            speaker.as_deref().is_some_and(|s| s.contains(who)),
            "{text}: {speaker:?}"
        );
    }
    // Read as English, "sagte" is no speech verb.
    let en = extract_text(cases[0].1);
    assert!(
        en.quotes.iter().all(|q| en.speaker(q).is_none()),
        "{:?}",
        quotes(&en)
    );
}

/// A German sentence of capitalised nouns that ends in a quote closed German-style (`.“`)
/// is no headline: its quote and speaker are read ("Tobias Kranz sagte am Nachmittag:
/// „…schützen.“" gave no quote at all).
#[test]
fn german_quote_closed_after_its_full_stop() {
    for close in ["schützen.“", "schützen.«", "schützen“."] {
        let text = format!(
            "Oberbürgermeister Tobias Kranz sagte am Nachmittag: „Wir tun alles, um die Altstadt zu {close}"
        );
        let c = parallax::compare::claims::extract_text_in(&text, parallax::text::Lang::German);
        let qs = quotes(&c);
        assert_eq!(qs.len(), 1, "{text}: {qs:?}");
        assert_eq!(qs[0].1.as_deref(), Some("Tobias Kranz"), "{text}");
    }
}
