//! Number claims: one test per hedge form, units, money, percentages, years and ordinals.

use parallax::compare::claims::{Hedge, NumberClaim, NumberKind, extract_text};

/// The only comparable number claim of `text` (panics when there is not exactly one).
fn one(text: &str) -> NumberClaim {
    let c = extract_text(text);
    let n: Vec<NumberClaim> = c
        .numbers
        .into_iter()
        .filter(|n| !matches!(n.kind, NumberKind::Year | NumberKind::Ordinal))
        .collect();
    assert_eq!(n.len(), 1, "{text}: {n:#?}");
    n.into_iter().next().unwrap()
}

/// The only number claim of `text` read as `lang` (panics when there is not exactly one).
fn one_in(text: &str, lang: parallax::text::Lang) -> NumberClaim {
    let c = parallax::compare::claims::extract_text_in(text, lang);
    assert_eq!(c.numbers.len(), 1, "{text}: {:#?}", c.numbers);
    c.numbers.into_iter().next().unwrap()
}

/// Each text read as `lang` has one claim with that hedge, value and key (`None`: any key).
fn check_in(lang: parallax::text::Lang, cases: &[(&str, Hedge, f64, Option<&str>)]) {
    for &(text, hedge, value, key) in cases {
        let n = one_in(text, lang);
        assert_eq!((n.hedge, n.value), (hedge, value), "{text}");
        if key.is_some() {
            assert_eq!(n.key.as_deref(), key, "{text}");
        }
    }
}

/// Each text read as `lang` has one vague claim ("thousands") from that value.
fn check_vague_in(lang: parallax::text::Lang, cases: &[(&str, f64)]) {
    for &(text, value) in cases {
        let n = one_in(text, lang);
        assert_eq!((n.hedge, n.value), (Hedge::Vague, value), "{text}");
    }
}

/// No text read as `lang` has a number claim.
fn check_none_in(lang: parallax::text::Lang, texts: &[&str]) {
    for text in texts {
        let c = parallax::compare::claims::extract_text_in(text, lang);
        assert!(c.numbers.is_empty(), "{text}: {:#?}", c.numbers);
    }
}

fn check(text: &str, hedge: Hedge, value: f64, key: &str, inside: &[f64], outside: &[f64]) {
    let n = one(text);
    assert_eq!(n.hedge, hedge, "{text}");
    assert_eq!(n.value, value, "{text}");
    assert_eq!(n.key.as_deref(), Some(key), "{text}");
    for &v in inside {
        assert!(
            n.interval.contains(v),
            "{text}: {v} should be in {}",
            n.interval
        );
    }
    for &v in outside {
        assert!(
            !n.interval.contains(v),
            "{text}: {v} should not be in {}",
            n.interval
        );
    }
    // Spans are exact: the value text is a slice of the input.
    assert!(text[n.value_span.start..n.value_span.end] == n.text);
    assert!(text[n.span.start..n.span.end].starts_with(&n.text));
}

#[test]
fn exact_digits_and_words() {
    check(
        "Officials said 30 nations took part.",
        Hedge::Exact,
        30.0,
        "countries",
        &[30.0],
        &[29.0, 31.0],
    );
    check(
        "Officials said thirty nations took part.",
        Hedge::Exact,
        30.0,
        "countries",
        &[30.0],
        &[31.0],
    );
    check(
        "Officials said twenty-five states took part.",
        Hedge::Exact,
        25.0,
        "countries",
        &[25.0],
        &[],
    );
    check(
        "They counted exactly 30 soldiers.",
        Hedge::Exact,
        30.0,
        "troops",
        &[30.0],
        &[31.0],
    );
    check(
        "They counted 2,000 soldiers.",
        Hedge::Exact,
        2000.0,
        "troops",
        &[2000.0],
        &[],
    );
}

#[test]
fn about_forms() {
    for h in [
        "some thirty",
        "roughly 30",
        "about 30",
        "around 30",
        "approximately 30",
        "an estimated 30",
    ] {
        check(
            &format!("Chiefs of {h} Western countries met."),
            Hedge::About,
            30.0,
            "countries",
            &[27.0, 30.0, 33.0],
            &[20.0, 40.0],
        );
    }
}

#[test]
fn over_forms_are_open_below() {
    for h in ["over 20", "more than 20", "above 20", "in excess of 20"] {
        check(
            &format!("Officers from {h} countries came."),
            Hedge::Over,
            20.0,
            "countries",
            &[21.0, 500.0],
            &[20.0, 19.0],
        );
    }
}

#[test]
fn at_least_is_closed_below() {
    check(
        "It comes after at least 19 people were killed.",
        Hedge::AtLeast,
        19.0,
        "deaths",
        &[19.0, 40.0],
        &[18.0],
    );
    check(
        "At the least 19 folks had been killed.",
        Hedge::AtLeast,
        19.0,
        "deaths",
        &[19.0],
        &[18.0],
    );
    check(
        "No fewer than 19 civilians died.",
        Hedge::AtLeast,
        19.0,
        "deaths",
        &[19.0],
        &[18.0],
    );
}

#[test]
fn almost_forms_are_just_below() {
    for h in ["almost 20", "nearly 20", "just under 20", "close to 20"] {
        check(
            &format!("It is believed that {h} nations are participating."),
            Hedge::Almost,
            20.0,
            "countries",
            &[17.0, 19.0],
            &[20.0, 21.0, 10.0],
        );
    }
}

#[test]
fn under_and_up_to() {
    check(
        "Fewer than 20 nations came.",
        Hedge::Under,
        20.0,
        "countries",
        &[0.0, 19.0],
        &[20.0],
    );
    check(
        "Less than 20 nations came.",
        Hedge::Under,
        20.0,
        "countries",
        &[19.0],
        &[20.0],
    );
    check(
        "Up to 20 nations may come.",
        Hedge::AtMost,
        20.0,
        "countries",
        &[20.0, 5.0],
        &[21.0],
    );
    check(
        "At most 20 nations may come.",
        Hedge::AtMost,
        20.0,
        "countries",
        &[20.0],
        &[21.0],
    );
    check(
        "As many as 20 nations may come.",
        Hedge::AsManyAs,
        20.0,
        "countries",
        &[20.0, 17.0],
        &[21.0, 5.0],
    );
}

#[test]
fn vague_plurals() {
    let n = one("Dozens of military chiefs will meet in Britain.");
    assert_eq!(n.hedge, Hedge::Vague);
    assert_eq!(n.key.as_deref(), Some("officials"));
    assert!(n.interval.contains(24.0) && n.interval.contains(60.0) && !n.interval.contains(12.0));
    let n = one("Hundreds of soldiers were moved.");
    assert_eq!(n.key.as_deref(), Some("troops"));
    assert!(n.interval.contains(300.0) && !n.interval.contains(50.0));
    let n = one("Thousands of residents fled.");
    assert!(n.interval.contains(5000.0) && !n.interval.contains(500.0));
}

#[test]
fn counted_noun_synonyms() {
    assert_eq!(
        one("Some 30 military officials came.").key.as_deref(),
        Some("officials")
    );
    assert_eq!(
        one("Some 30 senior officers came.").key.as_deref(),
        Some("officials")
    );
    assert_eq!(one("Some 30 troops came.").key.as_deref(), Some("troops"));
    assert_eq!(
        one("A 30-nation coalition formed.").key.as_deref(),
        Some("countries")
    );
}

#[test]
fn measures_keep_the_unit_and_the_noun_they_modify() {
    let n = one("Russia agreed to a partial 30-day ceasefire on Tuesday.");
    assert_eq!(n.kind, NumberKind::Measure);
    assert_eq!(n.unit.as_deref(), Some("day"));
    assert_eq!(n.noun.as_deref(), Some("ceasefire"));
    assert!(n.descriptor.contains(&"partial".to_string()));
    let n = one("During a 90-minute call, they spoke.");
    assert_eq!(
        (n.unit.as_deref(), n.noun.as_deref()),
        (Some("minute"), Some("call"))
    );
    let n = one("It would end the three-year-long war.");
    assert_eq!(
        (n.value, n.unit.as_deref(), n.noun.as_deref()),
        (3.0, Some("year"), Some("war"))
    );
    let n = one("Russia agreed to a 30-day limited halt on strikes against the grid.");
    assert_eq!(n.noun.as_deref(), Some("halt"));
    assert!(
        n.descriptor.contains(&"strikes".to_string()) && n.descriptor.contains(&"grid".to_string())
    );
    let n = one("The talks lasted 90 minutes.");
    assert_eq!(
        (n.kind, n.unit.as_deref()),
        (NumberKind::Measure, Some("minute"))
    );
}

#[test]
fn percentages() {
    for t in [
        "Members should spend 5% of gross domestic product.",
        "Members should spend 5 per cent of gross domestic product.",
        "Members should spend five percent of gross domestic product.",
    ] {
        let n = one(t);
        assert_eq!(
            (n.kind, n.value, n.unit.as_deref()),
            (NumberKind::Percent, 5.0, Some("%")),
            "{t}"
        );
        assert_eq!(n.noun.as_deref(), Some("product"), "{t}");
    }
}

/// "Several hundred", "a few thousand", "mehrere Millionen": a bare scale after a word for
/// "several" is two to ten of it (not the scale itself: "several million" is not 1 000 000),
/// after "many" two to a thousand of it; the quantifier is part of the claim's text.
#[test]
fn several_of_a_scale() {
    use parallax::text::Lang::*;
    for (lang, text, lo, hi, quoted) in [
        (
            English,
            "Several hundred people were evacuated.",
            200.0,
            1000.0,
            "Several hundred",
        ),
        (
            English,
            "A few thousand people marched.",
            2000.0,
            1e4,
            "A few thousand",
        ),
        (
            English,
            "Damage of several million euros.",
            2e6,
            1e7,
            "several million euros",
        ),
        (
            English,
            "It cost several hundred thousand dollars.",
            2e5,
            1e6,
            "several hundred",
        ),
        (
            English,
            "Many thousands of people fled.",
            2000.0,
            1e6,
            "Many thousands",
        ),
        (
            German,
            "Der Schaden beträgt mehrere Millionen Euro.",
            2e6,
            1e7,
            "mehrere Millionen",
        ),
        (
            German,
            "Ein paar hundert Menschen kamen.",
            200.0,
            1000.0,
            "Ein paar hundert",
        ),
        (
            French,
            "Plusieurs millions d'euros ont été perdus.",
            2e6,
            1e7,
            "Plusieurs millions",
        ),
        (
            Spanish,
            "Varios millones de euros se perdieron.",
            2e6,
            1e7,
            "Varios millones",
        ),
        (
            Italian,
            "Alcune centinaia di persone in strada.",
            200.0,
            1000.0,
            "Alcune centinaia",
        ),
        (
            Russian,
            "Несколько тысяч человек вышли на улицы.",
            2000.0,
            1e4,
            "Несколько тысяч",
        ),
        (
            Polish,
            "Kilka tysięcy osób wyszło na ulice.",
            2000.0,
            1e4,
            "Kilka tysięcy",
        ),
    ] {
        let n = one_in(text, lang);
        assert_eq!(n.hedge, Hedge::Vague, "{text}");
        assert!(n.text.starts_with(quoted), "{text}: {:?}", n.text);
        assert!(
            n.interval.contains(lo) && n.interval.contains(0.9 * hi),
            "{text}: {}",
            n.interval
        );
        assert!(
            !n.interval.contains(0.9 * lo) && !n.interval.contains(hi),
            "{text}: {}",
            n.interval
        );
    }
    // "a hundred" is one hundred; a plural scale alone is "millions"
    check_in(
        English,
        &[("A hundred people came.", Hedge::Exact, 100.0, None)],
    );
    check_vague_in(German, &[("Millionen Menschen sahen zu.", 2e6)]);
    check_vague_in(Dutch, &[("Miljarden euro verdwenen.", 2e9)]);
}

/// Amounts written with the scale and currency words of other languages: digits before a
/// scale word ("5 Millionen", "2,5 Mio.", "5 mil millones") and the currency after "de",
/// "di" or an elided "d'".
#[test]
fn money_in_other_languages() {
    use parallax::text::Lang::*;
    for (lang, text, value, unit) in [
        (German, "Der Schaden beträgt 5 Millionen Euro.", 5e6, "EUR"),
        (German, "Der Schaden beträgt 2,5 Mio. Euro.", 2.5e6, "EUR"),
        (German, "Es geht um 3 Milliarden Euro.", 3e9, "EUR"),
        (
            French,
            "Les dégâts sont estimés à 5 millions d'euros.",
            5e6,
            "EUR",
        ),
        (French, "Un contrat de 2 milliards de dollars.", 2e9, "USD"),
        (
            Spanish,
            "Los daños ascienden a 5 millones de euros.",
            5e6,
            "EUR",
        ),
        (
            Spanish,
            "Una inversión de 5 mil millones de dólares.",
            5e9,
            "USD",
        ),
        (Italian, "Danni per 5 milioni di euro.", 5e6, "EUR"),
        (Portuguese, "Prejuízo de 5 milhões de reais.", 5e6, "BRL"),
        (Dutch, "De schade bedraagt 4 miljoen euro.", 4e6, "EUR"),
        (Russian, "Ущерб составил 5 миллионов рублей.", 5e6, "RUB"),
        (Polish, "Straty wynoszą 5 mln zł.", 5e6, "PLN"),
        (
            Arabic,
            "أعلنت الوزارة صرف مائة ألف جنيه لكل أسرة.",
            1e5,
            "EGP",
        ),
    ] {
        let n = one_in(text, lang);
        assert_eq!(
            (n.kind, n.value, n.unit.as_deref()),
            (NumberKind::Money, value, Some(unit)),
            "{text}"
        );
    }
    check_in(
        Spanish,
        &[(
            "Llegaron 5 mil personas.",
            Hedge::Exact,
            5000.0,
            Some("people"),
        )],
    );
}

/// Forms a probe of invented article pairs in six languages misread (each gave a confident
/// "cannot both hold"): thousands grouped by a point or a space, "ein Dutzend", percent
/// words, a day of a month, a time of day, an auxiliary after the counted noun.
#[test]
fn thousands_dozens_percent_words_dates_and_clock_hours() {
    use parallax::text::Lang::*;
    let nbsp = "\u{a0}";
    let nnbsp = "\u{202f}";
    for (lang, text, value) in [
        (
            German,
            "Am Mittwoch mussten 1.800 Menschen ihre Häuser verlassen.".to_string(),
            1800.0,
        ),
        (
            Spanish,
            "Las llamas obligaron a 1.200 vecinos a salir.".to_string(),
            1200.0,
        ),
        (
            Italian,
            "Circa 1.200 persone sono state evacuate.".to_string(),
            1200.0,
        ),
        (
            German,
            "Der Schaden liegt bei 1.234,5 Euro.".to_string(),
            1234.5,
        ),
        (
            French,
            "Les flammes ont obligé 1 200 habitants à partir.".to_string(),
            1200.0,
        ),
        (
            French,
            format!("Les flammes ont obligé 1{nbsp}200 habitants à partir."),
            1200.0,
        ),
        (
            French,
            format!("Les flammes ont obligé 1{nnbsp}500{nnbsp}000 habitants à partir."),
            1.5e6,
        ),
        (
            Russian,
            "Из домов эвакуировали 1 200 жителей.".to_string(),
            1200.0,
        ),
        (
            German,
            "Bei dem Unfall wurden ein Dutzend Menschen verletzt.".to_string(),
            12.0,
        ),
        (
            French,
            "Une douzaine de personnes ont été blessées.".to_string(),
            12.0,
        ),
        (
            Spanish,
            "Una docena de personas resultaron heridas.".to_string(),
            12.0,
        ),
        (English, "The 1.875 figure was revised.".to_string(), 1.875),
        (English, "It took 2,000 people.".to_string(), 2000.0),
    ] {
        let n = one_in(&text, lang);
        assert_eq!(n.value, value, "{text}");
    }
    for (lang, text) in [
        (German, "Die Preise stiegen um 3,5 Prozent."),
        (Spanish, "Los precios subieron un 3,2 por ciento."),
        (Italian, "I prezzi sono saliti del 3,5 per cento."),
        (French, "Les prix ont augmenté de 3,5 pour cent."),
        (Russian, "Цены выросли на 3,2 процента."),
    ] {
        let n = one_in(text, lang);
        assert_eq!(
            (n.kind, n.value),
            (
                NumberKind::Percent,
                if text.contains("3,2") { 3.2 } else { 3.5 }
            ),
            "{text}"
        );
    }
    check_none_in(
        French,
        &[
            "La tempête a frappé la Bretagne le 3 mars.",
            "La route a été fermée vers 5 heures du matin.",
            "Le bateau a disparu vers 3 h 30.",
        ],
    );
    check_none_in(Spanish, &["La carretera fue cerrada a las 15.30 horas."]);
    // "45 agenti sono stati schierati": agents, not "stati" (states, countries)
    let n = one_in("Per l'occasione 45 agenti sono stati schierati.", Italian);
    assert_ne!(n.key.as_deref(), Some("countries"));
    // a duration keeps its hours
    let n = one_in("La route est restée fermée pendant 3 heures.", French);
    assert_eq!((n.kind, n.value), (NumberKind::Measure, 3.0));
}

#[test]
fn money() {
    let n = one("The fund holds $3bn for reconstruction.");
    assert_eq!(
        (n.kind, n.value, n.unit.as_deref()),
        (NumberKind::Money, 3e9, Some("USD"))
    );
    let n = one("It costs £1.2 million a year.");
    assert_eq!(
        (n.kind, n.value, n.unit.as_deref()),
        (NumberKind::Money, 1.2e6, Some("GBP"))
    );
    let n = one("Tickets cost €500 each.");
    assert_eq!(
        (n.kind, n.value, n.unit.as_deref()),
        (NumberKind::Money, 500.0, Some("EUR"))
    );
    let n = one("He paid more than 20 euros for it.");
    assert_eq!(
        (n.kind, n.hedge, n.unit.as_deref()),
        (NumberKind::Money, Hedge::Over, Some("EUR"))
    );
}

#[test]
fn years_and_ordinals_are_kept_apart() {
    let c = extract_text("Since the invasion in 2022, it is the first time that 30 nations met.");
    let kinds: Vec<NumberKind> = c.numbers.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&NumberKind::Year), "{kinds:?}");
    assert!(kinds.contains(&NumberKind::Ordinal), "{kinds:?}");
    assert_eq!(
        c.numbers
            .iter()
            .filter(|n| n.kind == NumberKind::Count)
            .count(),
        1
    );
    // Digits inside dates are dates, not counts.
    let c = extract_text("They met on Thursday (March 20, 2025) in London.");
    assert!(c.numbers.is_empty(), "{:?}", c.numbers);
}

#[test]
fn pronoun_one_and_clock_times_are_not_counts() {
    let c = extract_text("He will lay the keel of one of Britain's submarines at 10:30 today.");
    assert!(
        c.numbers.iter().all(|n| n.kind != NumberKind::Count),
        "{:?}",
        c.numbers
    );
}

#[test]
fn spans_are_on_char_boundaries_in_untrusted_text() {
    let t = "“Über 20 Länder” — ça va? Some thirty nations ✓ met; 5 % … €3bn\u{202e}x 0:44";
    let c = extract_text(t);
    for n in &c.numbers {
        assert!(t.is_char_boundary(n.span.start) && t.is_char_boundary(n.span.end));
    }
}

#[test]
fn hedges_and_counted_nouns_of_other_languages() {
    use parallax::compare::claims::extract_text_in;
    use parallax::text::Lang;
    let cases = [
        (
            Lang::Spanish,
            "Unos treinta países se reunieron.",
            Hedge::About,
            30.0,
        ),
        (
            Lang::Spanish,
            "Casi 20 naciones participan.",
            Hedge::Almost,
            20.0,
        ),
        (
            Lang::German,
            "Rund dreißig Länder trafen sich.",
            Hedge::About,
            30.0,
        ),
        (
            Lang::German,
            "Fast 20 Staaten nahmen teil.",
            Hedge::Almost,
            20.0,
        ),
        (
            Lang::French,
            "Plus de 30 pays étaient là.",
            Hedge::Over,
            30.0,
        ),
        (
            Lang::French,
            "Près de 20 nations étaient là.",
            Hedge::Almost,
            20.0,
        ),
        (
            Lang::Italian,
            "Quasi 20 paesi hanno partecipato.",
            Hedge::Almost,
            20.0,
        ),
        (
            Lang::Portuguese,
            "Mais de 30 países participaram.",
            Hedge::Over,
            30.0,
        ),
        (
            Lang::Dutch,
            "Bijna 20 landen deden mee.",
            Hedge::Almost,
            20.0,
        ),
    ];
    for (lang, text, hedge, value) in cases {
        let c = extract_text_in(text, lang);
        assert_eq!(c.numbers.len(), 1, "{text}: {:#?}", c.numbers);
        let n = &c.numbers[0];
        assert_eq!((n.hedge, n.value), (hedge, value), "{text}");
        assert_eq!(n.key.as_deref(), Some("countries"), "{text}");
        assert!(
            text[n.span.start..n.span.end].starts_with(&n.text),
            "{text}"
        );
    }
    for (lang, text, low) in [
        (Lang::Spanish, "Decenas de soldados llegaron.", 24.0),
        (Lang::German, "Dutzende Soldaten kamen an.", 24.0),
        (
            Lang::French,
            "Des centaines de soldats sont arrivés.",
            200.0,
        ),
        (Lang::Italian, "Migliaia di persone sono arrivate.", 2000.0),
    ] {
        let c = extract_text_in(text, lang);
        assert_eq!(c.numbers.len(), 1, "{text}: {:#?}", c.numbers);
        let n = &c.numbers[0];
        assert_eq!((n.hedge, n.value), (Hedge::Vague, low), "{text}");
        assert!(
            matches!(n.key.as_deref(), Some("troops" | "people")),
            "{text}: {n:?}"
        );
    }
    // "miles" is Spanish for thousands, an English unit of length.
    assert!(
        extract_text_in("Miles de personas.", Lang::Spanish)
            .numbers
            .len()
            == 1
    );
    assert!(extract_text("They walked for miles.").numbers.is_empty());
    // Read as English, the German noun is no counted noun and "Fast" no hedge.
    let en = extract_text("Fast 20 Staaten nahmen teil.");
    assert!(
        en.numbers
            .iter()
            .all(|n| n.key.as_deref() != Some("countries"))
    );
}

/// Russian: number words in every case (text2num has no Russian: `text::numwords`),
/// hedges, counted nouns, and "тысячи" as a scale after a number but "thousands" alone.
#[test]
fn russian_numbers() {
    use parallax::text::Lang::Russian;
    let (about, almost, over) = (Hedge::About, Hedge::Almost, Hedge::Over);
    check_in(
        Russian,
        &[
            (
                "Около тридцати стран прислали военных.",
                about,
                30.0,
                Some("countries"),
            ),
            (
                "Почти 20 государств участвуют.",
                almost,
                20.0,
                Some("countries"),
            ),
            (
                "Эвакуированы более двухсот человек.",
                over,
                200.0,
                Some("people"),
            ),
            (
                "Не менее трёх стран отказались.",
                Hedge::AtLeast,
                3.0,
                Some("countries"),
            ),
            (
                "Пострадали двадцать пять человек.",
                Hedge::Exact,
                25.0,
                Some("injured"),
            ),
            (
                "Эвакуированы три тысячи человек.",
                Hedge::Exact,
                3000.0,
                Some("people"),
            ),
            (
                "Эвакуированы 3 тысячи человек.",
                Hedge::Exact,
                3000.0,
                Some("people"),
            ),
        ],
    );
    check_vague_in(Russian, &[("Тысячи людей вышли на улицы.", 2000.0)]);
    // "семью" is "family" here, not the instrumental of 7
    check_none_in(Russian, &["Он перевёз семью в Москву."]);
}

/// Polish: number words in their case forms (text2num has no Polish: `text::numwords`),
/// hedges ("ok.", "co najmniej"), counted nouns, and "tysiące" as a scale after a number
/// but "thousands" alone.
#[test]
fn polish_numbers() {
    use parallax::text::Lang::Polish;
    let exact = Hedge::Exact;
    check_in(
        Polish,
        &[
            (
                "Około trzydziestu krajów wysłało żołnierzy.",
                Hedge::About,
                30.0,
                Some("countries"),
            ),
            (
                "Prawie 20 państw bierze udział.",
                Hedge::Almost,
                20.0,
                Some("countries"),
            ),
            (
                "Ewakuowano ponad dwieście osób.",
                Hedge::Over,
                200.0,
                Some("people"),
            ),
            (
                "Co najmniej trzech żołnierzy zginęło.",
                Hedge::AtLeast,
                3.0,
                Some("troops"),
            ),
            (
                "Rannych zostało dwadzieścia pięć osób.",
                exact,
                25.0,
                Some("people"),
            ),
            (
                "Ewakuowano trzy tysiące mieszkańców.",
                exact,
                3000.0,
                Some("people"),
            ),
            (
                "Ewakuowano 3 tysiące mieszkańców.",
                exact,
                3000.0,
                Some("people"),
            ),
            (
                "Ewakuowano ok. 5 tys. osób.",
                Hedge::About,
                5000.0,
                Some("people"),
            ),
            (
                "Składem podróżowało blisko dwustu osób.",
                Hedge::Almost,
                200.0,
                Some("people"),
            ),
            (
                "Wśród rannych jest troje ludzi.",
                exact,
                3.0,
                Some("people"),
            ),
        ],
    );
    check_vague_in(
        Polish,
        &[
            ("Tysiące ludzi wyszły na ulice.", 2000.0),
            ("Setki osób czekały na dworcu.", 200.0),
        ],
    );
    // ordinals, "several" and "once" count nothing
    check_none_in(
        Polish,
        &[
            "Trzeci wagon przewrócił się.",
            "Kilka osób trafiło do szpitala raz jeszcze.",
        ],
    );
}

/// Arabic: number words in both genders, with glued prefixes and units before tens
/// (text2num has no Arabic: `text::numwords`), hedges, counted nouns, scales after digits
/// and words, vague plurals, and an ordinal's cardinal tail ("الخامس عشر") left alone.
#[test]
fn arabic_numbers() {
    use parallax::text::Lang::Arabic;
    let exact = Hedge::Exact;
    check_in(
        Arabic,
        &[
            ("لقي سبعة أشخاص مصرعهم.", exact, 7.0, Some("deaths")),
            (
                "شاركت نحو ثلاثين دولة في القمة.",
                Hedge::About,
                30.0,
                Some("countries"),
            ),
            (
                "أرسلت أكثر من عشرين دولة جنودا.",
                Hedge::Over,
                20.0,
                Some("countries"),
            ),
            (
                "يعتقد أن عددهم لا يقل عن 5 أشخاص.",
                Hedge::AtLeast,
                5.0,
                Some("people"),
            ),
            ("قتل خمسة وعشرون جنديا.", exact, 25.0, Some("troops")),
            ("انتشر ثلاثة آلاف جندي.", exact, 3000.0, Some("troops")),
            ("انتشر 3 آلاف جندي.", exact, 3000.0, Some("troops")),
            ("صرف مائة ألف جنيه لكل أسرة.", exact, 100000.0, None),
            ("صرف 100 ألف جنيه لكل أسرة.", exact, 100000.0, None),
            ("انهار عقار مكون من عشرة طوابق.", exact, 10.0, None),
            ("نقل المصابون إلى ثلاثة مستشفيات.", exact, 3.0, None),
        ],
    );
    check_vague_in(
        Arabic,
        &[
            ("تجمع العشرات من الأهالي أمام العقار.", 24.0),
            ("خرج آلاف المتظاهرين إلى الشوارع.", 2000.0),
        ],
    );
    // an ordinal's tail, Monday, Sunday and "I am not" count nothing
    check_none_in(
        Arabic,
        &[
            "في القرن التاسع عشر بنيت المدينة.",
            "وصل الوفد يوم الاثنين.",
            "عقد الاجتماع يوم الأحد.",
            "لست متأكدا من ذلك.",
        ],
    );
}

#[test]
fn units_of_other_languages() {
    use parallax::compare::claims::extract_text_in;
    use parallax::text::Lang;
    let cases = [
        (
            Lang::Italian,
            "Il sisma è avvenuto a circa nove chilometri di profondità.",
            9.0,
            "km",
        ),
        (
            Lang::Italian,
            "La strada è rimasta chiusa per sette ore.",
            7.0,
            "hour",
        ),
        (
            Lang::Spanish,
            "La vía estuvo cortada durante 3 días.",
            3.0,
            "day",
        ),
        (
            Lang::German,
            "Die Rauchsäule war 20 Kilometer weit zu sehen.",
            20.0,
            "km",
        ),
        (
            Lang::French,
            "Il est tombé 420 millimètres en douze heures.",
            12.0,
            "hour",
        ),
        (
            Lang::Portuguese,
            "O ônibus caiu numa ribanceira de dez metros.",
            10.0,
            "m",
        ),
        (Lang::Dutch, "De weg was vijf uur dicht.", 5.0, "hour"),
        (
            Lang::Polish,
            "Pociąg jechał 120 kilometrów na godzinę.",
            120.0,
            "km",
        ),
    ];
    for (lang, text, value, unit) in cases {
        let n: Vec<NumberClaim> = extract_text_in(text, lang)
            .numbers
            .into_iter()
            .filter(|n| n.unit.as_deref() == Some(unit))
            .collect();
        assert_eq!(n.len(), 1, "{text}: {n:#?}");
        assert_eq!(
            (n[0].kind, n[0].value),
            (NumberKind::Measure, value),
            "{text}"
        );
    }
}

#[test]
fn metres_spelled_out_are_a_length() {
    let n = one("The bus fell 10 metres down the bank.");
    assert_eq!(
        (n.kind, n.unit.as_deref()),
        (NumberKind::Measure, Some("m"))
    );
}

/// Chinese and Japanese numerals (a text of no language of ours, one character a word):
/// runs of numerals and a lone one before a counter, the myriads as scales (no key: "人"
/// counts everyone, too coarse to compare); ordinals ("第一") and words ("一般", "一度") count nothing.
#[test]
fn chinese_and_japanese_numbers() {
    use parallax::text::Lang::Unknown;
    for (text, value) in [
        ("乗客三十一人が乗っていた。", 31.0),
        ("乗客31人が乗っていた。", 31.0),
        ("運転手二人が死亡した。", 2.0),
        ("降雨量最大达二百八十六毫米。", 286.0),
        ("两万余人紧急转移。", 20000.0),
        ("2万余人紧急转移。", 20000.0),
        ("累计出动一千二百余人次。", 1200.0),
        ("三万五千人が避難した。", 35000.0),
    ] {
        assert_eq!(one_in(text, Unknown).value, value, "{text}");
    }
    check_none_in(
        Unknown,
        &[
            "第一次会议在东京举行。",
            "赤ちゃんの一般公開が始まった。",
            "交通一度中断。",
            "東京都八王子市の中央道。",
            "宁可十防九空，不可失防万一。",
        ],
    );
}

/// A casualty count is keyed by what befell the people counted, so "7 dead" and "5 missing"
/// are two things, and "23 injured" and "25 injured" one: after the number, after auxiliaries,
/// or a verb of harm before it, in each language with a table.
#[test]
fn casualty_counts_are_keyed_by_what_befell_them() {
    use parallax::text::Lang::{Arabic, Dutch, French, German, Polish, Russian, Spanish};
    let exact = Hedge::Exact;
    for (text, value, key) in [
        ("The collapse left 7 dead.", 7.0, "deaths"),
        ("The collapse left 23 injured.", 23.0, "injured"),
        ("At least 5 are still missing.", 5.0, "missing"),
        ("Officials said 9 were killed.", 9.0, "deaths"),
        (
            "Officials said 12 people have been wounded.",
            12.0,
            "injured",
        ),
        ("Four people died in the fire.", 4.0, "deaths"),
        ("The blast killed 9 people.", 9.0, "deaths"),
        ("Police evacuated 40 people.", 40.0, "people"),
        // one is a casualty count too, though "one" alone is mostly a pronoun
        ("One person died in the fire.", 1.0, "deaths"),
        ("1 dead in the fire.", 1.0, "deaths"),
    ] {
        let n = one(text);
        assert_eq!((n.value, n.key.as_deref()), (value, Some(key)), "{text}");
    }
    let c = extract_text("The blast killed nine and injured 30 others on Tuesday.");
    let keys: Vec<_> = c.numbers.iter().map(|n| (n.value, n.key.clone())).collect();
    assert!(keys.contains(&(9.0, Some("deaths".into()))), "{keys:?}");
    assert!(keys.contains(&(30.0, Some("injured".into()))), "{keys:?}");
    for t in [
        "One of the injured was a child.",
        "Only one country agreed.",
    ] {
        assert!(extract_text(t).numbers.is_empty(), "{t}");
    }
    for (lang, text, value, key) in [
        (French, "L'effondrement a fait 12 blessés.", 12.0, "injured"),
        (Spanish, "El derrumbe dejó 10 muertos.", 10.0, "deaths"),
        (German, "Es gab 45 Verletzte.", 45.0, "injured"),
        (Dutch, "Er vielen 4 gewonden.", 4.0, "injured"),
        (Russian, "Погибли 9 человек.", 9.0, "deaths"),
        (Polish, "Zginęło 5 osób.", 5.0, "deaths"),
    ] {
        check_in(lang, &[(text, exact, value, Some(key))]);
    }
    check_in(
        Arabic,
        &[
            ("أسفر الانهيار عن 23 مصابا.", exact, 23.0, Some("injured")),
            // "seven people met their death", "about twenty others were injured"
            ("لقي سبعة أشخاص مصرعهم.", exact, 7.0, Some("deaths")),
            (
                "وأصيب نحو عشرين آخرين.",
                Hedge::About,
                20.0,
                Some("injured"),
            ),
        ],
    );
    // Chinese and Japanese: number, counter, what befell them.
    check_in(
        parallax::text::Lang::Unknown,
        &[
            ("乗客二人死亡。", exact, 2.0, Some("deaths")),
            ("十八人重軽傷。", exact, 18.0, Some("injured")),
            ("事故で17人がけがをした。", exact, 17.0, Some("injured")),
            ("暴雨造成3人受伤。", exact, 3.0, Some("injured")),
            ("仍有4人失踪。", exact, 4.0, Some("missing")),
            ("另有1人失踪。", exact, 1.0, Some("missing")),
        ],
    );
}

/// A death toll is keyed "deaths" whatever the verb or word order, so two outlets' tolls
/// meet as one conflict (they were two "only here" figures): German "ums Leben gekommen",
/// a verb of harm before the count ("starben drei", "a tué trois"), "la muerte de", a
/// casualty word and a copula before it ("I feriti sono 15"), "the death toll rose to 11".
#[test]
fn casualty_counts_in_any_word_order() {
    use parallax::text::Lang::*;
    for (lang, text, value, key) in [
        (
            German,
            "Bei dem Unglück sind drei Menschen ums Leben gekommen.",
            3.0,
            "deaths",
        ),
        (
            German,
            "Bei dem Unglück kamen vier Menschen ums Leben.",
            4.0,
            "deaths",
        ),
        (
            German,
            "Bei dem Brand starben drei Menschen.",
            3.0,
            "deaths",
        ),
        (
            French,
            "La tempête a tué trois personnes dans la nuit.",
            3.0,
            "deaths",
        ),
        (
            Spanish,
            "El accidente causó la muerte de tres personas.",
            3.0,
            "deaths",
        ),
        (
            Spanish,
            "Cuatro personas murieron en el accidente.",
            4.0,
            "deaths",
        ),
        (
            Italian,
            "I feriti sono 15, nessuno in gravi condizioni.",
            15.0,
            "injured",
        ),
        (
            Italian,
            "Diciotto persone sono rimaste ferite.",
            18.0,
            "injured",
        ),
        (
            English,
            "The death toll from the floods rose to 11 on Wednesday.",
            11.0,
            "deaths",
        ),
    ] {
        let n = one_in(text, lang);
        assert_eq!((n.value, n.key.as_deref()), (value, Some(key)), "{text}");
    }
}

/// A range is one claim, the interval between its ends ("between 20 and 30 routes" was read
/// as 30, a conflict with another outlet's 25); "from 20 to 30" is a change and stays two
/// numbers. "Une trentaine", "una ventina" are about 30, 20.
#[test]
fn ranges_and_round_abouts() {
    use parallax::text::Lang::*;
    for (lang, text, lo, hi) in [
        (
            English,
            "The airline will drop between 20 and 30 routes.",
            20.0,
            30.0,
        ),
        (
            English,
            "The airline will drop 20 to 30 routes.",
            20.0,
            30.0,
        ),
        (English, "The airline will drop 20-30 routes.", 20.0, 30.0),
        (French, "Entre 25 et 35 routes étaient coupées.", 25.0, 35.0),
        (
            Spanish,
            "Entre 20 y 30 carreteras siguen cortadas.",
            20.0,
            30.0,
        ),
        (
            German,
            "Es fielen zwischen 30 und 40 Liter Regen.",
            30.0,
            40.0,
        ),
        (
            French,
            "Une trentaine de routes restaient coupées.",
            25.5,
            34.5,
        ),
        (
            Italian,
            "Una ventina di persone sono state evacuate.",
            17.0,
            23.0,
        ),
    ] {
        let n = one_in(text, lang);
        assert!(
            n.interval.contains(lo) && n.interval.contains(hi),
            "{text}: {}",
            n.interval
        );
        assert!(!n.interval.contains(hi + 1.0), "{text}: {}", n.interval);
    }
    let c =
        parallax::compare::claims::extract_text_in("Prices rose from 20 to 30 dollars.", English);
    assert_eq!(c.numbers.len(), 2, "{:#?}", c.numbers);
}

/// Halves: "half a million", "one and a half million", "anderthalb Millionen", "полтора
/// миллиона", "полмиллиарда", "un milione e mezzo", "dos millones y medio", "un milliard et
/// demi" (the bare scale left over was read as 1 000 000 or as "millions").
#[test]
fn numbers_with_a_half() {
    use parallax::text::Lang::*;
    for (lang, text, value) in [
        (English, "They received half a million dollars.", 5e5),
        (English, "It cost one and a half million dollars.", 1.5e6),
        (English, "The war lasted two and a half years.", 2.5),
        (
            German,
            "Der Schaden beträgt anderthalb Millionen Euro.",
            1.5e6,
        ),
        (
            German,
            "Der Schaden beträgt eineinhalb Millionen Euro.",
            1.5e6,
        ),
        (Russian, "Ущерб составил полтора миллиона рублей.", 1.5e6),
        (Russian, "Ущерб составил полмиллиарда рублей.", 5e8),
        (Italian, "Danni per un milione e mezzo di euro.", 1.5e6),
        (Spanish, "Pérdidas de dos millones y medio de euros.", 2.5e6),
        (French, "Un contrat d'un milliard et demi d'euros.", 1.5e9),
    ] {
        let n = one_in(text, lang);
        assert_eq!(n.value, value, "{text}");
    }
    check_none_in(English, &["Half the town was flooded."]);
}

/// Firefighters and residents are counted things in every language we read, so two
/// outlets' figures meet ("200 Feuerwehrleute" / "250 Feuerwehrleute" were silent).
#[test]
fn firefighters_and_residents_are_counted_in_every_language() {
    use parallax::text::Lang::*;
    for (lang, text, key) in [
        (
            English,
            "More than 200 firefighters fought the blaze.",
            "firefighters",
        ),
        (
            German,
            "Mehr als 200 Feuerwehrleute kämpften gegen die Flammen.",
            "firefighters",
        ),
        (
            French,
            "Environ 1 500 sapeurs-pompiers ont été mobilisés.",
            "firefighters",
        ),
        (
            Spanish,
            "Unos 300 bomberos trabajan en la zona.",
            "firefighters",
        ),
        (
            Russian,
            "В тушении участвовали 120 пожарных.",
            "firefighters",
        ),
        (
            German,
            "Rund 1.800 Einwohner mussten ihre Häuser verlassen.",
            "people",
        ),
        (Italian, "Circa 300 abitanti sono stati evacuati.", "people"),
    ] {
        let n = one_in(text, lang);
        assert_eq!(n.key.as_deref(), Some(key), "{text}");
    }
    // bounds print to one decimal, without a trailing ".0"
    let n = one_in("Environ 1 500 sapeurs-pompiers ont été mobilisés.", French);
    assert_eq!(n.interval.to_string(), "[1275, 1725]");
}
