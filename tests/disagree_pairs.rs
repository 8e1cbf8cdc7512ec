//! Disagreements of small aligned pairs: one test per kind, and quiet pairs that must not
//! raise false alarms.

use parallax::compare::{Comparison, Disagreement, DisagreementKind, compare};
use parallax::corpus::{Article, ArticleMeta};

fn art(id: &str, text: &str) -> Article {
    art_in(id, text, "en")
}

fn art_in(id: &str, text: &str, lang: &str) -> Article {
    Article::from_text(
        ArticleMeta {
            id: id.into(),
            language: Some(lang.into()),
            ..ArticleMeta::default()
        },
        text.to_string(),
    )
}

/// No number conflict and no number imprecision.
fn assert_no_number_disagreements(c: &Comparison) {
    for k in [
        DisagreementKind::NumberConflict,
        DisagreementKind::NumberImprecision,
    ] {
        assert!(of_kind(c, k).is_empty(), "{:#?}", c.disagreements);
    }
}

fn pair(a: &str, b: &str) -> (Article, Article, Comparison) {
    let (a, b) = (art("a", a), art("b", b));
    let c = compare(&a, &b);
    (a, b, c)
}

fn of_kind(c: &Comparison, k: DisagreementKind) -> Vec<&Disagreement> {
    c.disagreements.iter().filter(|d| d.kind == k).collect()
}

fn texts(art: &Article, spans: &[parallax::Span]) -> Vec<String> {
    spans
        .iter()
        .map(|s| art.text[s.start..s.end].to_string())
        .collect()
}

/// Round figures of one precision that differ by a step of it ("5 million" / "6 million",
/// "300" / "400") are two figures: a conflict. Within a writer's rounding of each other
/// ("300" / "320") they only differ in precision, and "several million" is no figure of a
/// million: it holds five million.
#[test]
fn round_figures_conflict_by_their_precision() {
    let kinds = |a: &str, b: &str| -> Vec<DisagreementKind> {
        let (_, _, c) = pair(a, b);
        let mut k: Vec<DisagreementKind> = c
            .disagreements
            .iter()
            .map(|d| d.kind)
            .filter(|k| {
                matches!(
                    k,
                    DisagreementKind::NumberConflict | DisagreementKind::NumberImprecision
                )
            })
            .collect();
        k.dedup();
        k
    };
    let (conflict, imprecise) = (
        DisagreementKind::NumberConflict,
        DisagreementKind::NumberImprecision,
    );
    let fire = |what: &str| format!("Fire at the plant\n\nPolice put the damage at {what}.");
    assert_eq!(
        kinds(&fire("5 million euros"), &fire("6 million euros")),
        [conflict]
    );
    assert_eq!(
        kinds(&fire("five million euros"), &fire("six million euros")),
        [conflict]
    );
    let hurt = |n: &str| format!("Fire at the plant\n\n{n} people were hurt in the blaze.");
    assert_eq!(kinds(&hurt("300"), &hurt("400")), [conflict]);
    assert_eq!(kinds(&hurt("300"), &hurt("320")), [imprecise]);
    assert_eq!(
        kinds(&fire("several million euros"), &fire("5 million euros")),
        [imprecise]
    );
    assert_eq!(
        kinds(&fire("several million euros"), &fire("50 million euros")),
        [conflict]
    );
}

#[test]
fn number_conflict_across_rows() {
    let (a, b, c) = pair(
        "Senior military officers from over 20 countries will meet in London on Thursday.\n\nThe meeting will discuss a peacekeeping force for Ukraine.",
        "Senior military officers will meet in London on Thursday to discuss peacekeeping.\n\nIt is believed that almost 20 nations are participating.",
    );
    let d = of_kind(&c, DisagreementKind::NumberConflict);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert_eq!(texts(&a, &d[0].a), ["over 20 countries"]);
    assert_eq!(texts(&b, &d[0].b), ["almost 20 nations"]);
    assert!(
        d[0].summary.starts_with("how many countries"),
        "{}",
        d[0].summary
    );
    // Attached to the row that shows A's span.
    assert!(c.rows[d[0].row].a.contains(&0));
}

#[test]
fn number_imprecision() {
    let (_, _, c) = pair(
        "The prime minister will address roughly 30 nations at the meeting in London.",
        "The prime minister will address more than 30 nations at the meeting in London.",
    );
    let d = of_kind(&c, DisagreementKind::NumberImprecision);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert!(of_kind(&c, DisagreementKind::NumberConflict).is_empty());
}

#[test]
fn equal_numbers_and_rounding_agree() {
    let (_, _, c) = pair(
        "Chiefs of some thirty countries gathered in London on Thursday.",
        "Chiefs of 30 nations gathered in London on Thursday.",
    );
    assert!(c.disagreements.is_empty(), "{:#?}", c.disagreements);
}

#[test]
fn numbers_about_different_things_are_not_compared() {
    let (_, _, c) = pair(
        "Officers from 30 countries met in London on Thursday to discuss the force.",
        "Some 200 soldiers from 30 countries met in London on Thursday to discuss the force.",
    );
    assert_no_number_disagreements(&c);
}

#[test]
fn differing_accounts_of_the_same_figure() {
    let (a, b, c) = pair(
        "On Tuesday, Putin said Russia would agree to a partial 30-day ceasefire but ruled out a complete ceasefire.",
        "Instead, Russia agreed to a 30-day limited halt on strikes against Ukraine's power grid.",
    );
    let d = of_kind(&c, DisagreementKind::AccountDifference);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert_eq!(texts(&a, &d[0].a), ["partial 30-day ceasefire"]);
    assert_eq!(
        texts(&b, &d[0].b),
        ["30-day limited halt on strikes against Ukraine's power grid"]
    );
}

#[test]
fn name_difference_is_suspected_spin() {
    let (a, b, c) = pair(
        "A spokesman for Downing Street has said it is still in the planning phase of how the coalition would work.",
        "A spokesman for Downing Avenue has said it is still in the planning phase of how the coalition would work.",
    );
    let d = of_kind(&c, DisagreementKind::NameDifference);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert_eq!(texts(&a, &d[0].a), ["Downing Street"]);
    assert_eq!(texts(&b, &d[0].b), ["Downing Avenue"]);
}

#[test]
fn spelling_variants_and_other_names_are_not_name_differences() {
    let (_, _, c) = pair(
        "Ukrainian President Volodymyr Zelenskyy met the crew of HMS Vanguard and HMS Dreadnought in the North Atlantic.",
        "Ukrainian President Volodymyr Zelensky met the crew of HMS Vanguard and HMS Dreadnought near North Korea.",
    );
    assert!(
        of_kind(&c, DisagreementKind::NameDifference).is_empty(),
        "{:#?}",
        c.disagreements
    );
}

#[test]
fn same_words_different_speaker() {
    let (_, _, c) = pair(
        "Defence Secretary John Healey spoke on Friday.\n\n“We will continue to ramp up our military planning for a lasting peace,” Healey said.",
        "Defence Secretary John Healey and Admiral Sir Tony Radakin spoke on Friday.\n\n“We will continue to ramp up our military planning for a lasting peace,” Radakin said.",
    );
    let d = of_kind(&c, DisagreementKind::QuoteDifference);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert!(
        d[0].summary.contains("different speaker"),
        "{}",
        d[0].summary
    );
}

#[test]
fn same_speaker_different_words() {
    let (_, _, c) = pair(
        "Defence Secretary John Healey spoke on Friday.\n\n“We will continue to ramp up our military planning for a lasting peace,” Healey said.",
        "Defence Secretary John Healey spoke on Friday.\n\n“We will slowly scale back our military planning for the coming months,” Healey said.",
    );
    let d = of_kind(&c, DisagreementKind::QuoteDifference);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert!(d[0].summary.contains("different words"), "{}", d[0].summary);
}

#[test]
fn partial_quotes_of_the_same_words_agree() {
    let (_, _, c) = pair(
        "Armed Forces minister Luke Pollard spoke.\n\n“Because we want the coalition to be a credible force that will allow Ukraine to enjoy a lasting peace,” Pollard said.",
        "Armed Forces minister Luke Pollard spoke.\n\nPollard said they want the coalition to be a “credible force that will allow Ukraine to enjoy a lasting peace”.",
    );
    assert!(
        of_kind(&c, DisagreementKind::QuoteDifference).is_empty(),
        "{:#?}",
        c.disagreements
    );
}

#[test]
fn only_here_in_matched_rows() {
    let (a, _, c) = pair(
        "Defence Secretary John Healey will host defence ministers in Brussels on Thursday, with 30 nations expected to contribute.",
        "Defence Secretary John Healey will host defence ministers in Brussels on Thursday.",
    );
    let d = of_kind(&c, DisagreementKind::OnlyHere);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert_eq!(texts(&a, &d[0].a), ["30 nations"]);
    assert!(d[0].b.is_empty());
}

#[test]
fn only_here_skips_unmatched_sentences() {
    // B's extra sentence is shown as only-B by the view; its facts are not listed again.
    let (_, _, c) = pair(
        "Defence Secretary John Healey will host defence ministers in Brussels on Thursday.",
        "Defence Secretary John Healey will host defence ministers in Brussels on Thursday.\n\nAt least 19 people were killed in a Russian missile strike on Kryvyi Rih, Mayor Oleksandr Vilkul said.",
    );
    assert!(c.disagreements.is_empty(), "{:#?}", c.disagreements);
}

#[test]
fn identical_articles_have_no_disagreements() {
    for t in [
        include_str!("../corpus/000_b6a59f73923e83a8.txt"),
        include_str!("../corpus/003_99949d89f03e48ca.txt"),
    ] {
        let (_, _, c) = pair(t, t);
        assert!(c.disagreements.is_empty(), "{:#?}", c.disagreements);
    }
}

#[test]
fn spans_point_into_each_side() {
    let (a, b, c) = pair(
        "“Über 20 Länder” — officers from over 20 countries met.",
        "Officers from almost 20 nations met, “ça va”.",
    );
    for d in &c.disagreements {
        for s in &d.a {
            assert!(
                a.text.is_char_boundary(s.start)
                    && a.text.is_char_boundary(s.end)
                    && s.end <= a.text.len()
            );
        }
        for s in &d.b {
            assert!(
                b.text.is_char_boundary(s.start)
                    && b.text.is_char_boundary(s.end)
                    && s.end <= b.text.len()
            );
        }
    }
}

#[test]
fn name_difference_needs_a_swapped_type_word() {
    let (_, _, c) = pair(
        "The actress checked into the Betty Ford Center in Rancho Mirage on Friday.",
        "The actress checked into the Betty Ford Clinic in Rancho Mirage on Friday.",
    );
    assert_eq!(
        of_kind(&c, DisagreementKind::NameDifference).len(),
        1,
        "{:#?}",
        c.disagreements
    );
    for (x, y) in [
        (
            "Police in Fulton County said the suspect fled on Friday.",
            "Police in Gwinnett County said the suspect fled on Friday.",
        ),
        (
            "The coach Maurice Cheeks said the team played well on Friday.",
            "The coach Maurice Clarett said the team played well on Friday.",
        ),
    ] {
        let (_, _, c) = pair(x, y);
        assert!(
            of_kind(&c, DisagreementKind::NameDifference).is_empty(),
            "{x}: {:#?}",
            c.disagreements
        );
    }
}

#[test]
fn many_values_for_one_noun_are_compared_within_rows_only() {
    let (a, b, c) = pair(
        "He coached for six seasons in Portland.\n\nHe played 11 seasons in the league before that.",
        "The team won on Friday.\n\nHe spent seven seasons as a coach.",
    );
    // "six seasons" coaching vs "seven seasons as a coach" may be a conflict when the aligner
    // pairs those sentences; "11 seasons" as a player is another fact and is never compared.
    for d in of_kind(&c, DisagreementKind::NumberConflict) {
        assert_eq!(texts(&a, &d.a), ["six seasons"], "{d:#?}");
        assert_eq!(texts(&b, &d.b), ["seven seasons"], "{d:#?}");
    }
}

#[test]
fn casualty_counts_conflict_without_a_counted_noun() {
    // "23 injured" and "25 injured" were not compared before (no noun after the number);
    // "7 dead" and "at least 5 missing" are two different things, not one imprecise figure.
    let tail = "\n\nRescue teams searched the rubble of the building all night long.";
    let (a, b, c) = pair(
        &format!("The collapse in Alexandria on Tuesday left 9 dead and 23 injured.{tail}"),
        &format!("The collapse in Alexandria on Tuesday left 9 dead and 25 injured.{tail}"),
    );
    let d = of_kind(&c, DisagreementKind::NumberConflict);
    assert_eq!(d.len(), 1, "{:#?}", c.disagreements);
    assert_eq!(texts(&a, &d[0].a), ["23 injured"]);
    assert_eq!(texts(&b, &d[0].b), ["25 injured"]);

    let (_, _, c) = pair(
        &format!("The collapse in Alexandria on Tuesday left 7 dead, officials said.{tail}"),
        &format!(
            "The collapse in Alexandria on Tuesday left at least 5 missing, officials said.{tail}"
        ),
    );
    assert_no_number_disagreements(&c);

    // The same in Arabic: "9 dead and 23 / 25 injured" ("و23": "and 23").
    let ar = |n: &str| {
        format!(
            "ارتفعت حصيلة ضحايا انهيار مبنى سكني في مدينة الإسكندرية إلى 9 قتلى و{n} مصابا.\n\n\
             وواصلت فرق الإنقاذ البحث تحت الأنقاض طوال الليل."
        )
    };
    let c = compare(&art_in("a", &ar("23"), "ar"), &art_in("b", &ar("25"), "ar"));
    assert_eq!(
        of_kind(&c, DisagreementKind::NumberConflict).len(),
        1,
        "{:#?}",
        c.disagreements
    );
}

#[test]
fn counts_of_another_year_are_not_compared_across_rows() {
    // A's past quake (2001, "dozens dead") is matched with B's sentence on it, which gives no
    // toll; B's "12 dead" is about this week's quake, in another row. Without the year rule
    // the two were a number conflict.
    let (_, _, c) = pair(
        "Rescuers worked through the night in the mountain villages.\n\n\
         The last big quake in the region, in 2001, left dozens dead in the mountain villages.",
        "Officials said 12 people died when the quake struck on Tuesday.\n\n\
         Rescuers worked through the night in the mountain villages.\n\n\
         The last big quake in the region struck the mountain villages in 2001.",
    );
    assert_no_number_disagreements(&c);
}

/// A name the other side writes inflected or hyphenated ("Warn-Apps NINA" / "Warn-App
/// NINA") is named on both sides; the "B." of German "z. B." ("for example") starts no
/// name ("z. B. VW" names VW). Only what one side alone names is left: "Katwarn".
#[test]
fn names_written_in_another_form_are_named_on_both_sides() {
    let a = art_in(
        "a",
        "Brand im Werk\n\nÜber die Warn-Apps NINA und Katwarn wurden Anwohner aufgefordert, Fenster zu schließen.\n\n\
         Das Unternehmen beliefert Autohersteller, z. B. VW und Ford.",
        "de",
    );
    let b = art_in(
        "b",
        "Feuer im Werk\n\nDie Behörden forderten die Bevölkerung per Warn-App NINA auf, Fenster zu schließen.\n\n\
         Das Unternehmen beliefert Autohersteller wie z. B. VW und Ford.",
        "de",
    );
    let c = compare(&a, &b);
    let only: Vec<&str> = of_kind(&c, DisagreementKind::OnlyHere)
        .iter()
        .map(|d| d.summary.as_str())
        .collect();
    assert!(
        only.iter()
            .all(|s| !s.contains("NINA") && !s.contains("B VW")),
        "{only:#?}"
    );
}

/// The same quote given to two people, each named after a role of a place ("the mayor of
/// Marston, Helen Ward"; "la maire de Quimper, Isabelle Le Goff"): the speakers are the
/// people, not the places, and three content words are quote enough.
#[test]
fn one_quote_two_speakers_named_after_a_role_of_a_place() {
    for (lang, a, b, who_a, who_b) in [
        (
            "en",
            "\"We will rebuild every home that was lost,\" said the mayor of Marston, Helen Ward.",
            "\"We will rebuild every home that was lost,\" said the county's chief executive, Tom Hardy.",
            "Helen Ward",
            "Tom Hardy",
        ),
        (
            "fr",
            "« Nous allons reconstruire chaque maison détruite », a déclaré la maire de Quimper, Isabelle Le Goff.",
            "« Nous allons reconstruire chaque maison détruite », a déclaré le préfet, Laurent Giraud.",
            "Isabelle Le Goff",
            "Laurent Giraud",
        ),
        (
            "it",
            "\"È stata una notte di paura per tutti noi\", ha detto il sindaco di Camerino, Paolo Santini.",
            "\"È stata una notte di paura per tutti noi\", ha detto il capo della Protezione civile, Luca Benedetti.",
            "Paolo Santini",
            "Luca Benedetti",
        ),
    ] {
        let filler = "\n\nThe police opened an investigation on Monday.";
        let c = compare(
            &art_in("a", &format!("Title\n\n{a}{filler}"), lang),
            &art_in("b", &format!("Title\n\n{b}{filler}"), lang),
        );
        let d = of_kind(&c, DisagreementKind::QuoteDifference);
        assert_eq!(d.len(), 1, "{lang}: {:#?}", c.disagreements);
        assert!(
            d[0].summary.contains(&format!("to {who_a}, B to {who_b}")),
            "{lang}: {}",
            d[0].summary
        );
    }
}

/// German number words opening a sentence open no name ("Zwölf Schulen"), and a measure
/// written with a unit symbol is labelled with the unit's word ("how many metres").
#[test]
fn german_counts_open_no_name_and_units_read_as_words() {
    let a = art_in(
        "a",
        "Hochwasser\n\nDer Pegel erreichte am Mittwoch 6,20 Meter.\n\nEin Dutzend Schulen und Kitas blieben geschlossen.",
        "de",
    );
    let b = art_in(
        "b",
        "Hochwasser\n\nDer Pegel erreichte am Mittwoch 5,90 Meter.\n\nZwölf Schulen und Kitas sind geschlossen.",
        "de",
    );
    let c = compare(&a, &b);
    let summaries: Vec<&str> = c.disagreements.iter().map(|d| d.summary.as_str()).collect();
    assert!(
        summaries.iter().all(|s| !s.contains("Schulen")),
        "{summaries:#?}"
    );
    assert!(
        summaries.iter().any(|s| s.starts_with("how many metres")),
        "{summaries:#?}"
    );
}

/// An age written two ways is one figure: "a 54-year-old man" / "a man aged 54", "ein
/// 54-jähriger Mann" / "der 54 Jahre alte Mann" (each pair gave two "only here" figures).
#[test]
fn an_age_written_two_ways_is_one_figure() {
    for (lang, a, b) in [
        (
            "en",
            "A 54-year-old man was arrested at the scene on Monday.",
            "A man aged 54 was arrested at the scene on Monday.",
        ),
        (
            "de",
            "Ein 54-jähriger Mann wurde am Montag am Tatort festgenommen.",
            "Der 54 Jahre alte Mann wurde am Montag am Tatort festgenommen.",
        ),
    ] {
        let c = compare(
            &art_in("a", &format!("Title\n\n{a}"), lang),
            &art_in("b", &format!("Title\n\n{b}"), lang),
        );
        assert!(
            of_kind(&c, DisagreementKind::OnlyHere).is_empty(),
            "{lang}: {:#?}",
            c.disagreements
        );
    }
}

/// A part of a count ("38 injured, twelve of them seriously") is not compared with the
/// whole ("38 Verletzte, darunter zwölf Schwerverletzte" was "38 vs 12: cannot both hold").
#[test]
fn a_part_of_a_count_is_not_compared_with_the_whole() {
    for (lang, a, b) in [
        (
            "de",
            "Bei dem Unfall wurden 38 Menschen verletzt, zwölf von ihnen schwer.",
            "Bei dem Unfall gab es 38 Verletzte, darunter zwölf Schwerverletzte.",
        ),
        (
            "en",
            "The crash injured 38 people, 12 of them seriously.",
            "The crash left 38 people injured on Friday.",
        ),
    ] {
        let c = compare(
            &art_in("a", &format!("Title\n\n{a}"), lang),
            &art_in("b", &format!("Title\n\n{b}"), lang),
        );
        assert!(
            of_kind(&c, DisagreementKind::NumberConflict).is_empty(),
            "{lang}: {:#?}",
            c.disagreements
        );
    }
}

/// Matched sentences that date the same thing differently: a weekday, a day of a month, or
/// a weekday against a full date falling on another day. Dates of different things in
/// matched sentences ("officials said Saturday" / "exploded late Friday"), one date twice,
/// and the same day written two ways are no conflict.
#[test]
fn dates_of_the_same_thing_conflict() {
    let dates = |a: &str, b: &str| -> Vec<(Vec<String>, Vec<String>)> {
        let (aa, bb, c) = pair(a, b);
        of_kind(&c, DisagreementKind::DateConflict)
            .into_iter()
            .map(|d| (texts(&aa, &d.a), texts(&bb, &d.b)))
            .collect()
    };
    let one = |x: &str, y: &str| vec![(vec![x.to_string()], vec![y.to_string()])];
    assert_eq!(
        dates(
            "The explosion occurred Friday afternoon at a bank in Woodburn, killing two officers.",
            "The explosion occurred Thursday afternoon at a bank in Woodburn, killing two officers.",
        ),
        one("Friday", "Thursday")
    );
    assert_eq!(
        dates(
            "Defence chiefs of thirty countries met in London on Thursday to plan a peacekeeping force.",
            "Military chiefs of thirty countries met in London on Wednesday to plan a peacekeeping force.",
        ),
        one("Thursday", "Wednesday")
    );
    assert_eq!(
        dates(
            "The summit of forty leaders opened in Paris on March 20 with a minute of silence.",
            "The summit of forty leaders opened in Paris on March 21 with a minute of silence.",
        ),
        one("March 20", "March 21")
    );
    // March 20, 2025 was a Thursday.
    let full =
        "The summit of forty leaders opened in Paris on March 20, 2025 with a minute of silence.";
    assert_eq!(
        dates(
            full,
            "The summit of forty leaders opened in Paris on Friday with a minute of silence."
        ),
        one("March 20, 2025", "Friday")
    );
    let quiet = [
        (
            full,
            "The summit of forty leaders opened in Paris on Thursday with a minute of silence.",
        ),
        (
            "A bomb at a bank killed a police officer and a technician, officials said Saturday.",
            "A bomb exploded at a bank late Friday, killing a police officer and a technician.",
        ),
        (
            "The explosion occurred Friday afternoon at a bank in Woodburn, killing two officers.",
            "The explosion occurred Friday afternoon at a bank in Woodburn; it killed two officers.",
        ),
        (
            "The talks opened on Monday and the ministers signed the accord on Friday in Geneva.",
            "The talks opened on Tuesday, and the ministers signed the accord in Geneva.",
        ),
        (
            "Prices rose last week after the ministers met in Geneva to sign the accord.",
            "Prices rose this week after the ministers met in Geneva to sign the accord.",
        ),
    ];
    for (a, b) in quiet {
        assert!(dates(a, b).is_empty(), "{a} / {b}: {:?}", dates(a, b));
    }
}

/// Counted nouns outside the small tables, in German (the capitalised noun after the number)
/// and in French, Spanish, Italian and Portuguese (the word after it): the same noun on both
/// sides with figures that cannot both hold is a conflict. A determiner after a number is no
/// noun: "alle 3.42 di questa notte" is a time, not a count of "questa".
#[test]
fn counted_nouns_outside_the_tables() {
    let conflicts = |a: &str, b: &str, lang: &str| -> Vec<(Vec<String>, Vec<String>)> {
        let (aa, bb) = (art_in("a", a, lang), art_in("b", b, lang));
        let c = compare(&aa, &bb);
        of_kind(&c, DisagreementKind::NumberConflict)
            .into_iter()
            .map(|d| (texts(&aa, &d.a), texts(&bb, &d.b)))
            .collect()
    };
    let one = |x: &str, y: &str| vec![(vec![x.to_string()], vec![y.to_string()])];
    assert_eq!(
        conflicts(
            "Bei dem Brand in einem Mehrfamilienhaus in Ulm waren 120 Einsatzkräfte der Feuerwehr vor Ort.",
            "Bei dem Feuer in einem Mehrfamilienhaus in Ulm waren rund 150 Einsatzkräfte der Feuerwehr im Einsatz.",
            "de",
        ),
        one("120 Einsatzkräfte", "rund 150 Einsatzkräfte")
    );
    assert_eq!(
        conflicts(
            "Il terremoto ha danneggiato 40 edifici nel centro storico di Norcia, secondo i vigili.",
            "Il sisma ha danneggiato 35 edifici nel centro storico di Norcia, secondo i vigili.",
            "it",
        ),
        one("40 edifici", "35 edifici")
    );
    assert_eq!(
        conflicts(
            "El ministerio desplegó 200 efectivos en la zona afectada por el incendio forestal.",
            "El ministerio desplegó unos 350 efectivos en la zona afectada por el incendio forestal.",
            "es",
        ),
        one("200 efectivos", "unos 350 efectivos")
    );
    let (a, b) = (
        art_in(
            "a",
            "La scossa è stata registrata alle 3.42 di questa notte in Umbria.",
            "it",
        ),
        art_in(
            "b",
            "La scossa è stata registrata alle 4.10 di questa notte in Umbria.",
            "it",
        ),
    );
    assert!(
        compare(&a, &b)
            .disagreements
            .iter()
            .all(|d| d.kind != DisagreementKind::NumberConflict
                && d.kind != DisagreementKind::OnlyHere),
        "{:#?}",
        compare(&a, &b).disagreements
    );
}
