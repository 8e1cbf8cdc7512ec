//! Quotations and their speakers: straight and curly quotes, "…,” he said", "X said",
//! "said X", "according to X", "X told reporters", "X mentioned"; "he"/"she" (and their
//! equivalents in the languages with speech verbs: "sagte er", "заявил он") resolve to the
//! last named person; a quote that opens a sentence right after an attributed quote
//! continues it.

use super::words::W;
use super::{Entity, EntityKind, Quote};
use crate::text::{Document, Lang, Span};

fn is_abbrev(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Prof"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Jr"
            | "Sr"
    ) || (w.len() <= 4 && w.contains('.'))
}

pub(crate) fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "stated"
            | "states"
            | "mentioned"
            | "mentions"
            | "explained"
            | "warned"
            | "warns"
            | "insisted"
            | "noted"
            | "continued"
            | "wrote"
            | "writes"
            | "argued"
            | "declared"
            | "remarked"
            | "tweeted"
            | "posted"
            | "claimed"
            | "replied"
            | "underscored"
            | "stressed"
            | "acknowledged"
            | "announced"
            | "describing"
            | "described"
            | "calling"
            | "called"
            | "saying"
            | "urged"
            | "asked"
            | "observed"
            | "commented"
            | "conceded"
            | "admitted"
            | "recalled"
            | "reiterated"
            | "reiterates"
    )
}

/// [`is_speech_verb`], or a speech verb of `lang` ("a déclaré", "sagte", "dijo"; German
/// "so" as in „…“, so Pistorius).
pub(crate) fn is_speech_verb_in(w: &str, lang: Lang) -> bool {
    is_speech_verb(w)
        || match lang {
            Lang::French => matches!(
                w,
                "dit"
                    | "déclaré"
                    | "affirmé"
                    | "expliqué"
                    | "ajouté"
                    | "souligné"
                    | "estimé"
                    | "assuré"
                    | "indiqué"
                    | "averti"
                    | "précisé"
                    | "déclare"
                    | "affirme"
                    | "explique"
                    | "ajoute"
                    | "souligne"
                    | "estime"
                    | "assure"
                    | "indique"
            ),
            // (past tense in all three genders and the plural, and the present)
            Lang::Russian => matches!(
                w,
                "заявил"
                    | "заявила"
                    | "заявили"
                    | "сказал"
                    | "сказала"
                    | "сказали"
                    | "сообщил"
                    | "сообщила"
                    | "сообщили"
                    | "отметил"
                    | "отметила"
                    | "отметили"
                    | "подчеркнул"
                    | "подчеркнула"
                    | "подчеркнули"
                    | "добавил"
                    | "добавила"
                    | "добавили"
                    | "пояснил"
                    | "пояснила"
                    | "пояснили"
                    | "рассказал"
                    | "рассказала"
                    | "рассказали"
                    | "предупредил"
                    | "предупредила"
                    | "заявляет"
                    | "говорит"
                    | "говорят"
            ),
            Lang::German => matches!(
                w,
                "sagte"
                    | "sagt"
                    | "sagten"
                    | "erklärte"
                    | "erklärt"
                    | "betonte"
                    | "betont"
                    | "meinte"
                    | "warnte"
                    | "fügte"
                    | "sprach"
                    | "so"
            ),
            Lang::Spanish => matches!(
                w,
                "dijo"
                    | "dice"
                    | "afirmó"
                    | "declaró"
                    | "explicó"
                    | "señaló"
                    | "aseguró"
                    | "indicó"
                    | "añadió"
                    | "advirtió"
                    | "subrayó"
                    | "afirma"
                    | "asegura"
            ),
            Lang::Italian => matches!(
                w,
                "detto"
                    | "dichiarato"
                    | "spiegato"
                    | "aggiunto"
                    | "affermato"
                    | "sottolineato"
                    | "dice"
                    | "afferma"
                    | "spiega"
            ),
            Lang::Portuguese => matches!(
                w,
                "disse" | "afirmou" | "declarou" | "explicou" | "acrescentou" | "diz" | "afirma"
            ),
            Lang::Dutch => matches!(
                w,
                "zei" | "zegt" | "verklaarde" | "benadrukte" | "aldus" | "waarschuwde"
            ),
            _ => false,
        }
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Double,
    /// German „…“ (and „…”).
    Low,
    Straight,
    Single,
    StraightSingle,
    Guillemet,
}

/// Find quotation spans in the non-skipped sentences: (open mark pos, content span, close mark end).
fn scan(text: &str, doc: &Document, skip: &[bool]) -> Vec<(usize, Span, usize)> {
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        let mut open: Option<(Mark, usize)> = None;
        let mut last_end = para.span.start;
        for si in para.sentences.clone() {
            if skip.get(si).copied().unwrap_or(false) {
                open = None;
                continue;
            }
            let s = doc.sentences[si].span;
            last_end = s.end;
            let body = s.slice(text);
            if !body.contains(['"', '\'', '“', '”', '„', '‘', '’', '«', '»']) {
                if matches!(open, Some((Mark::Single | Mark::StraightSingle, _))) {
                    open = None;
                }
                continue;
            }
            let chars: Vec<(usize, char)> = body.char_indices().collect();
            for (ci, &(off, c)) in chars.iter().enumerate() {
                let pos = s.start + off;
                let prev = ci.checked_sub(1).map(|p| chars[p].1);
                let next = chars.get(ci + 1).map(|p| p.1);
                let word_before = prev.is_some_and(char::is_alphanumeric);
                let word_after = next.is_some_and(char::is_alphanumeric);
                let close = |open: &mut Option<(Mark, usize)>, out: &mut Vec<_>, len: usize| {
                    if let Some((_, o)) = open.take() {
                        let content = Span::new(o + len_at(text, o), pos);
                        out.push((o, content, pos + len));
                    }
                };
                match (c, open.map(|o| o.0)) {
                    ('“', None) => open = Some((Mark::Double, pos)),
                    ('„', None) => open = Some((Mark::Low, pos)),
                    ('“' | '”', Some(Mark::Low)) => close(&mut open, &mut out, c.len_utf8()),
                    ('”', Some(Mark::Double)) => close(&mut open, &mut out, c.len_utf8()),
                    ('«', None) => open = Some((Mark::Guillemet, pos)),
                    ('»', Some(Mark::Guillemet)) => close(&mut open, &mut out, c.len_utf8()),
                    ('"', None) => open = Some((Mark::Straight, pos)),
                    ('"', Some(Mark::Straight)) => close(&mut open, &mut out, 1),
                    ('‘', None) if !word_before => open = Some((Mark::Single, pos)),
                    ('’', Some(Mark::Single)) if !word_after => {
                        close(&mut open, &mut out, c.len_utf8())
                    }
                    ('\'', None) if !word_before && word_after => {
                        open = Some((Mark::StraightSingle, pos))
                    }
                    ('\'', Some(Mark::StraightSingle))
                        if !word_after && !prev.is_some_and(char::is_whitespace) =>
                    {
                        close(&mut open, &mut out, 1)
                    }
                    _ => {}
                }
            }
            // Single quotes do not run across sentences.
            if matches!(open, Some((Mark::Single | Mark::StraightSingle, _))) {
                open = None;
            }
        }
        // A double quote left open at the paragraph's end runs to it (the next paragraph reopens).
        if let Some((Mark::Double | Mark::Low | Mark::Straight | Mark::Guillemet, o)) = open {
            let content = Span::new(o + len_at(text, o), last_end);
            if content.start < content.end {
                out.push((o, content, last_end));
            }
        }
    }
    out
}

fn len_at(text: &str, pos: usize) -> usize {
    text[pos..].chars().next().map_or(1, char::len_utf8)
}

fn trim(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let lead = t.len() - t.trim_start().len();
    let t2 = t.trim();
    Span::new(s.start + lead, s.start + lead + t2.len())
}

/// The mention (entity id, span) inside `window`, preferring the last person.
fn mention_in(ents: &[Entity], window: Span, last: bool) -> Option<(usize, Span)> {
    let mut hits: Vec<(usize, Span, bool)> = ents
        .iter()
        .flat_map(|e| {
            e.mentions
                .iter()
                .map(move |m| (e.id, m.span, e.kind == EntityKind::Person))
        })
        .filter(|(_, s, _)| s.start >= window.start && s.end <= window.end)
        .collect();
    hits.sort_by_key(|h| h.1.start);
    if hits.iter().any(|h| h.2) {
        hits.retain(|h| h.2);
    }
    if last { hits.last() } else { hits.first() }.map(|h| (h.0, h.1))
}

/// The last person named before byte `pos`.
pub(crate) fn person_before(ents: &[Entity], pos: usize) -> Option<usize> {
    ents.iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            e.mentions
                .iter()
                .filter(|m| m.span.end <= pos)
                .map(|m| m.span.start)
                .max()
                .map(|p| (p, e.id))
        })
        .max()
        .map(|(_, id)| id)
}

/// "he" or "she" in `lang` (lower case): the pronouns that stand for the last named person.
/// ("sie", "ze" are also "they", rarely the subject of a speech verb after a quote.)
fn is_he_or_she(w: &str, lang: Lang) -> bool {
    match lang {
        Lang::German => matches!(w, "er" | "sie"),
        Lang::French => matches!(w, "il" | "elle"),
        Lang::Spanish => matches!(w, "él" | "ella"),
        Lang::Italian => matches!(w, "lui" | "lei" | "egli"),
        Lang::Portuguese => matches!(w, "ele" | "ela"),
        Lang::Dutch => matches!(w, "hij" | "zij" | "ze"),
        Lang::Russian => matches!(w, "он" | "она"),
        Lang::Polish => matches!(w, "on" | "ona"),
        _ => matches!(w, "he" | "she"),
    }
}

/// Resolve the subject in words `ws[from..to]` (a pronoun of `lang` or a named mention).
fn subject(
    ws: &[W],
    mut from: usize,
    mut to: usize,
    ents: &[Entity],
    last: bool,
    lang: Lang,
) -> Option<(usize, Span)> {
    // "X, who met Y, said": the subject is X, not Y.
    if last {
        if let Some(k) = (1..to)
            .rev()
            .find(|&k| matches!(ws[k].lower.as_ref(), "who" | "which") && ws[k - 1].text == ",")
        {
            to = k - 1;
            from = from.min(to.saturating_sub(8));
        }
    }
    if from >= to {
        return None;
    }
    // Right after the speech verb, a pronoun is the subject: "sagte er nach einer
    // Besprechung", not the noun after it.
    if !last && is_he_or_she(&ws[from].lower, lang) {
        if let Some(id) = person_before(ents, ws[from].span.start) {
            return Some((id, ws[from].span));
        }
    }
    let window = Span::new(ws[from].span.start, ws[to - 1].span.end);
    if let Some(hit) = mention_in(ents, window, last) {
        // "said the mayor of Marston, Helen Ward": a place after the role, then the name
        // after a comma (when the name was not recognised as a person's)
        if !last
            && !ents
                .iter()
                .any(|e| e.id == hit.0 && e.kind == EntityKind::Person)
        {
            let after_comma = (from + 1..to)
                .filter(|&k| ws[k - 1].text == "," && ws[k].span.start > hit.1.end)
                .find_map(|k| {
                    mention_in(ents, Span::new(ws[k].span.start, window.end), false)
                        .filter(|m| m.1.start == ws[k].span.start)
                });
            if let Some(m) = after_comma {
                return Some(m);
            }
        }
        return Some(hit);
    }
    let pron = ws[from..to].iter().find(|w| is_he_or_she(&w.lower, lang))?;
    person_before(ents, pron.span.start).map(|id| (id, pron.span))
}

/// Extract the quotations of an article.
pub(crate) fn extract(
    text: &str,
    doc: &Document,
    skip: &[bool],
    sent_words: &[Option<Vec<W>>],
    ents: &[Entity],
    headlines: &[bool],
    lang: Lang,
) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    // Sentences are in text order: find the one holding `pos` by binary search.
    let sentence_of = |pos: usize| {
        let i = doc.sentences.partition_point(|s| s.span.start <= pos);
        i.checked_sub(1).filter(|&i| {
            pos < doc.sentences[i]
                .span
                .end
                .max(doc.sentences[i].span.start + 1)
        })
    };
    for (open, content, close_end) in scan(text, doc, skip) {
        let content = trim(text, content);
        if content.is_empty() {
            continue;
        }
        let Some(si) = sentence_of(open) else {
            continue;
        };
        if headlines.get(si).copied().unwrap_or(false) {
            continue;
        }
        let words_in = content.slice(text).split_whitespace().count();
        let starts_lower = content
            .slice(text)
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_lowercase);
        let direct = words_in >= 4 && !(starts_lower && words_in <= 6);
        let mut q = Quote {
            sentence: si,
            span: content,
            outer: Span::new(open, close_end),
            text: content.slice(text).to_string(),
            speaker: None,
            speaker_span: None,
            direct,
        };
        // After the quote, in the sentence where it closes: "…,” he said", "…,” said X", "…” X told reporters".
        let close_si = sentence_of(close_end.saturating_sub(1)).unwrap_or(si);
        // The words after the quote: its sentence, and the next one of the same paragraph
        // (a segmenter may have cut after "Mr.").
        let mut joined: Vec<W> = Vec::new();
        for (s, sw) in sent_words.iter().enumerate().skip(close_si).take(2) {
            if s > close_si && doc.sentences[s].paragraph != doc.sentences[close_si].paragraph {
                break;
            }
            if let Some(ws) = sw {
                joined.extend(ws.iter().filter(|w| w.span.start >= close_end).cloned());
            }
        }
        {
            let ws = &joined;
            if !ws.is_empty() {
                let a0 = 0;
                let lim = (a0 + 12).min(ws.len());
                let stop = (a0..lim)
                    .find(|&k| {
                        matches!(ws[k].text, "“" | "\"" | ";")
                            || (ws[k].text == "."
                                && !(k > 0 && !ws[k].gap && is_abbrev(ws[k - 1].text)))
                    })
                    .unwrap_or(lim);
                if let Some(v) = (a0..stop).find(|&k| is_speech_verb_in(&ws[k].lower, lang)) {
                    // (after the verb, room for a role and its place before the name: "a
                    // déclaré la maire de Quimper, Isabelle Le Goff" is hers, not Quimper's;
                    // a person in the window wins over a place)
                    let subj = subject(ws, a0, v, ents, true, lang).or_else(|| {
                        subject(ws, v + 1, (v + 11).min(stop.max(v + 1)), ents, false, lang)
                    });
                    if let Some((id, sp)) = subj {
                        q.speaker = Some(id);
                        q.speaker_span = Some(sp);
                    }
                }
                // "… according to X"
                if q.speaker.is_none() {
                    if let Some(k) = (a0..stop.saturating_sub(1))
                        .find(|&k| ws[k].lower == "according" && ws[k + 1].lower == "to")
                    {
                        if let Some((id, sp)) =
                            subject(ws, k + 2, (k + 8).min(ws.len()), ents, false, lang)
                        {
                            q.speaker = Some(id);
                            q.speaker_span = Some(sp);
                        }
                    }
                }
            }
        }
        // Before the quote, in its sentence: "X said: “…”", "X said they want a “credible force”".
        if q.speaker.is_none() {
            if let Some(ws) = &sent_words[si] {
                let before: Vec<usize> =
                    (0..ws.len()).filter(|&k| ws[k].span.end <= open).collect();
                if let Some(&b1) = before.last() {
                    let b0 = b1.saturating_sub(20);
                    if let Some(v) = (b0..=b1)
                        .rev()
                        .find(|&k| is_speech_verb_in(&ws[k].lower, lang))
                    {
                        let person = |h: &(usize, Span)| ents[h.0].kind == EntityKind::Person;
                        let near = subject(ws, v.saturating_sub(8), v, ents, true, lang);
                        // "X, who …, reiterated …, calling it “…”": the sentence's subject.
                        let first = subject(ws, 0, v, ents, false, lang);
                        let subj = match (near, first) {
                            (Some(n), Some(f)) if !person(&n) && person(&f) => Some(f),
                            (n, f) => n.or(f),
                        }
                        // "Said Mr Healey: “…”"
                        .or_else(|| subject(ws, v + 1, (v + 6).min(b1 + 1), ents, false, lang));
                        if let Some((id, sp)) = subj {
                            q.speaker = Some(id);
                            q.speaker_span = Some(sp);
                        }
                    }
                }
            }
        }
        // A quote opening a sentence right after an attributed one continues it.
        if q.speaker.is_none() {
            let opens_sentence = doc.sentences[si].span.start == open;
            if let Some(prev) = quotes.last() {
                let near = prev.sentence + 2 >= si;
                if opens_sentence && near && prev.speaker.is_some() {
                    q.speaker = prev.speaker;
                }
            }
        }
        quotes.push(q);
    }
    quotes
}
