//! Dates and weekdays: "Thursday (March 20, 2025)", "on Tuesday", "last month", "March 15",
//! "20 March 2025", "2025-03-20".

use super::DateClaim;
use super::words::W;
use crate::text::{Span, TokenKind};

fn weekday(w: &str) -> Option<u8> {
    let w = w.strip_suffix("'s").unwrap_or(w);
    if !(6..=9).contains(&w.len()) || !w.ends_with("day") {
        return None;
    }
    Some(match w {
        "monday" => 1,
        "tuesday" => 2,
        "wednesday" => 3,
        "thursday" => 4,
        "friday" => 5,
        "saturday" => 6,
        "sunday" => 7,
        _ => return None,
    })
}

fn month(w: &str) -> Option<u8> {
    Some(match w.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

const RELATIVE: &[&[&str]] = &[
    &["earlier", "this", "month"],
    &["earlier", "this", "week"],
    &["earlier", "this", "year"],
    &["later", "this", "month"],
    &["later", "this", "week"],
    &["later", "this", "year"],
    &["last", "month"],
    &["last", "week"],
    &["last", "year"],
    &["next", "month"],
    &["next", "week"],
    &["next", "year"],
    &["this", "week"],
    &["this", "month"],
    &["this", "year"],
    &["yesterday"],
    &["today"],
    &["tomorrow"],
];

fn small_int(w: &W, max: u32) -> Option<u32> {
    if w.kind != TokenKind::Number && !w.lower.ends_with("th") && !w.lower.ends_with("st") {
        return None;
    }
    let digits: String = w.text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &w.lower[digits.len()..];
    if !(rest.is_empty() || matches!(rest, "th" | "st" | "nd" | "rd")) {
        return None;
    }
    digits.parse().ok().filter(|&d| (1..=max).contains(&d))
}

fn year(w: &W) -> Option<u32> {
    (w.kind == TokenKind::Number && w.text.len() == 4)
        .then(|| w.text.parse().ok())
        .flatten()
        .filter(|y| (1800..=2100).contains(y))
}

/// Extract dates; marks the tokens they use in `covered`.
pub(crate) fn extract(
    text: &str,
    sentence: usize,
    ws: &[W],
    covered: &mut [bool],
) -> Vec<DateClaim> {
    let mut out: Vec<DateClaim> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        // Only a capital, a digit or a relative-date word can open a date.
        let w0 = &ws[i];
        let opener = w0.cap()
            || w0.text.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                w0.lower.as_ref(),
                "earlier" | "later" | "last" | "next" | "this" | "yesterday" | "today" | "tomorrow"
            );
        if !opener {
            i += 1;
            continue;
        }
        let mut claim = DateClaim {
            sentence,
            span: ws[i].span,
            text: String::new(),
            weekday: None,
            year: None,
            month: None,
            day: None,
            relative: None,
        };
        let mut end = i;
        // ISO: 2025-03-20
        if year(&ws[i]).is_some()
            && ws.len() > i + 4
            && ws[i + 1].text == "-"
            && ws[i + 3].text == "-"
            && ws[i + 1..=i + 4].iter().all(|w| !w.gap)
        {
            if let (Some(m), Some(d)) = (small_int(&ws[i + 2], 12), small_int(&ws[i + 4], 31)) {
                claim.year = year(&ws[i]);
                claim.month = Some(m as u8);
                claim.day = Some(d as u8);
                end = i + 5;
            }
        }
        if end == i {
            if let Some(wd) = weekday(&ws[i].lower).filter(|_| ws[i].cap()) {
                claim.weekday = Some(wd);
                end = i + 1;
                // "Thursday (March 20, 2025)" or "Thursday, March 20, 2025"
                let mut k = end;
                if ws.get(k).is_some_and(|w| w.text == "(" || w.text == ",") {
                    k += 1;
                }
                if let Some(e) = calendar(ws, k, &mut claim) {
                    end = e;
                    if ws.get(end).is_some_and(|w| w.text == ")") && ws[i + 1].text == "(" {
                        end += 1;
                    }
                }
            } else if let Some(e) = calendar(ws, i, &mut claim) {
                end = e;
            } else if let Some(seq) = RELATIVE.iter().find(|seq| {
                ws.len() >= i + seq.len()
                    && ws[i..i + seq.len()]
                        .iter()
                        .zip(seq.iter())
                        .all(|(w, s)| w.lower == *s)
            }) {
                claim.relative = Some(seq.join(" "));
                end = i + seq.len();
            }
        }
        if end > i {
            claim.span = Span::new(ws[i].span.start, ws[end - 1].span.end);
            claim.text = claim.span.slice(text).to_string();
            for c in covered.iter_mut().take(end).skip(i) {
                *c = true;
            }
            out.push(claim);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// "March 20, 2025", "March 15", "20 March 2025", "March 2025", "in March" from token `k`.
/// Fills the claim and returns the end token, or `None`.
fn calendar(ws: &[W], k: usize, claim: &mut DateClaim) -> Option<usize> {
    let w = ws.get(k)?;
    if let Some(m) = month(&w.lower).filter(|_| w.cap()) {
        // "May" alone is too ambiguous; it needs a day or a year.
        let mut end = k + 1;
        claim.month = Some(m);
        if let Some(d) = ws.get(end).and_then(|w| small_int(w, 31)) {
            claim.day = Some(d as u8);
            end += 1;
            let comma = ws.get(end).is_some_and(|w| w.text == ",");
            if let Some(y) = ws.get(end + usize::from(comma)).and_then(year) {
                claim.year = Some(y);
                end += 1 + usize::from(comma);
            }
        } else if let Some(y) = ws.get(end).and_then(year) {
            claim.year = Some(y);
            end += 1;
        } else if m == 5 {
            claim.month = None;
            return None;
        }
        return Some(end);
    }
    if let Some(d) = small_int(w, 31) {
        if let Some(m) = ws
            .get(k + 1)
            .filter(|w| w.cap())
            .and_then(|w| month(&w.lower))
        {
            claim.day = Some(d as u8);
            claim.month = Some(m);
            let mut end = k + 2;
            if let Some(y) = ws.get(end).and_then(year) {
                claim.year = Some(y);
                end += 1;
            }
            return Some(end);
        }
    }
    None
}
