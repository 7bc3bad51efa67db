//! Figures in a claim: a number (digits such as `6,500`, or spelled out such
//! as `fourteen`, `a dozen`, `twenty-five`), the unit it comes with and what
//! it counts.
//!
//! A number is kept only when a known unit follows it (optionally through
//! adjectives or `of its …`): people nouns (`soldiers`, `mercenaries`,
//! `civilians`, `employees` … → unit `people`), casualty words used as nouns
//! (`70 dead`, `30 injured`), vehicles, aircraft, distances (`km`) and
//! durations. Years, days of the month and other bare numbers are ignored.
//!
//! `about` is the counted phrase (`Malian soldiers`) plus the outcome that
//! applies to it (`killed`, `wounded`, `destroyed` …) found after it in the
//! same clause (`… and 84 Wagner mercenaries were killed`) or before it
//! (`the deaths of fourteen civilians`). Distances are about `distance`.
//! `(out of N)` after a figure gives the total: same unit, about `… (total)`.

use crate::model::Number;
use crate::tokens::Words;

const PEOPLE: &[&str] = &[
    "soldiers",
    "soldier",
    "troops",
    "mercenaries",
    "mercenary",
    "civilians",
    "civilian",
    "children",
    "child",
    "women",
    "men",
    "people",
    "persons",
    "fighters",
    "fighter",
    "rebels",
    "rebel",
    "jihadists",
    "jihadist",
    "militants",
    "combatants",
    "employees",
    "peacekeepers",
    "officers",
    "officer",
    "villagers",
    "residents",
    "hostages",
    "victims",
    "bodies",
    "inhabitants",
    "refugees",
    "staff",
    "members",
    "gendarmes",
    "policemen",
    "police",
    "commandos",
    "personnel",
    "terrorists",
    "assailants",
    "attackers",
    "paramilitaries",
    "helmets",
    "recruits",
    "students",
    "prisoners",
    "migrants",
    "workers",
    "displaced",
    "casualties",
    "deaths",
];
const CASUALTY_NOUNS: &[&str] = &["dead", "killed", "wounded", "injured", "missing", "hurt"];
const VEHICLES: &[&str] = &[
    "vehicles",
    "vehicle",
    "pick-ups",
    "pickups",
    "pick-up",
    "trucks",
    "truck",
    "tanks",
    "cars",
    "motorbikes",
    "motorcycles",
    "armoured",
    "armored",
];
const AIRCRAFT: &[&str] = &[
    "planes",
    "plane",
    "aircraft",
    "helicopters",
    "helicopter",
    "drones",
    "drone",
    "jets",
];
const DISTANCE: &[(&str, &str)] = &[
    ("km", "km"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("meters", "m"),
    ("metres", "m"),
];
const DURATION: &[(&str, &str)] = &[
    ("hours", "hours"),
    ("hour", "hours"),
    ("days", "days"),
    ("weeks", "weeks"),
    ("months", "months"),
];
const OUTCOMES: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("wounded", "wounded"),
    ("injured", "wounded"),
    ("captured", "captured"),
    ("destroyed", "destroyed"),
    ("burned", "destroyed"),
    ("missing", "missing"),
    ("kidnapped", "kidnapped"),
    ("abducted", "kidnapped"),
    ("arrested", "arrested"),
    ("displaced", "displaced"),
    ("seized", "seized"),
    ("recovered", "seized"),
    ("neutralized", "killed"),
    ("neutralised", "killed"),
];
const DEATH_BEFORE: &[&str] = &[
    "deaths",
    "death",
    "killing",
    "killings",
    "massacre",
    "execution",
];
const MONTHS: &[&str] = &[
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
];
/// Words that may sit between the number and its unit noun.
const FILLERS: &[&str] = &[
    "of",
    "its",
    "their",
    "the",
    "his",
    "her",
    "our",
    "these",
    "those",
    "other",
    "more",
    "additional",
];

/// Spelled-out number words (for the token classes and `word_value`, which
/// relies on this order: zero..nineteen, the tens, then dozen/hundred/thousand).
pub(crate) const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "dozen",
    "hundred",
    "thousand",
];

/// Value of a spelled-out number word.
fn word_value(w: &str) -> Option<f64> {
    // NUMBER_WORDS lists zero..nineteen, then the tens, then dozen/hundred/thousand.
    const UNITS: &[&str] = NUMBER_WORDS.split_at(20).0;
    const TENS: &[&str] = NUMBER_WORDS.split_at(20).1.split_at(8).0;
    if let Some(i) = UNITS.iter().position(|u| *u == w) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|u| *u == w) {
        return Some(20.0 + 10.0 * i as f64);
    }
    if let Some((t, u)) = w.split_once('-') {
        let t = TENS.iter().position(|x| *x == t)?;
        let u = UNITS[1..10].iter().position(|x| *x == u)?;
        return Some(20.0 + 10.0 * t as f64 + 1.0 + u as f64);
    }
    match w {
        "dozen" => Some(12.0),
        "hundred" => Some(100.0),
        "thousand" => Some(1000.0),
        _ => None,
    }
}

fn digit_value(w: &str) -> Option<f64> {
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || !w
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b',' || c == b'.')
    {
        return None;
    }
    w.replace(',', "").parse::<f64>().ok()
}

/// Parse the number starting at token `i`: (value, index after it).
fn number_at(w: &Words, i: usize) -> Option<(f64, usize)> {
    let word = w.w(i);
    // cheap rejection: digits, "a", or a spelled-out number word
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && word != "a"
        && !w.has(i, crate::tokens::class::NUMBER)
    {
        return None;
    }
    let (mut value, mut next) = if let Some(v) = digit_value(word) {
        (v, i + 1)
    } else if word == "a" && w.w(i + 1) == "dozen" {
        (12.0, i + 2)
    } else if word == "a" && w.w(i + 1) == "hundred" {
        (100.0, i + 2)
    } else if let Some(v) = word_value(word) {
        if word == "one" {
            return None; // "one of", "one official": too ambiguous
        }
        (v, i + 1)
    } else {
        return None;
    };
    match w.w(next) {
        "hundred" if value < 100.0 => {
            value *= 100.0;
            next += 1;
        }
        "thousand" => {
            value *= 1000.0;
            next += 1;
        }
        "million" => {
            value *= 1_000_000.0;
            next += 1;
        }
        _ => {}
    }
    Some((value, next))
}

/// Figures found in tokens `[from, to)` of `w`.
pub fn find_numbers(w: &Words, from: usize, to: usize) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    let mut i = from;
    while i < to {
        let Some((value, after)) = number_at(w, i) else {
            i += 1;
            continue;
        };
        // Dates and years are not figures.
        let prev = if i > from { w.w(i - 1) } else { "" };
        if MONTHS.contains(&prev) || MONTHS.contains(&w.w(after)) {
            i = after;
            continue;
        }
        // "out of N" gives the total of the previous figure.
        let j = if prev == "the" { i - 1 } else { i };
        if j >= from + 2 && w.w(j - 1) == "of" && w.w(j - 2) == "out" {
            if let Some(last) = out.last().cloned() {
                let about = format!("{} (total)", last.about.trim_end_matches(" (total)"));
                out.push(Number {
                    value,
                    unit: last.unit,
                    about,
                });
            }
            i = after;
            continue;
        }
        if let Some((n, next)) = unit_after(w, value, i, after, from, to) {
            out.push(n);
            i = next;
        } else {
            i = after;
        }
    }
    out
}

/// The unit and counted phrase after a number at `[i, after)`.
fn unit_after(
    w: &Words,
    value: f64,
    i: usize,
    after: usize,
    from: usize,
    to: usize,
) -> Option<(Number, usize)> {
    // the unit follows directly: "2023, while …" is not a count
    if after >= to
        || w.gap_after(after - 1)
            .contains([',', '.', ';', ':', '(', ')'])
    {
        return None;
    }
    let first = w.w(after);
    if let Some((_, unit)) = DISTANCE.iter().find(|(k, _)| *k == first) {
        return Some((
            Number {
                value,
                unit: (*unit).into(),
                about: "distance".into(),
            },
            after + 1,
        ));
    }
    if let Some((_, unit)) = DURATION.iter().find(|(k, _)| *k == first) {
        return Some((
            Number {
                value,
                unit: (*unit).into(),
                about: "duration".into(),
            },
            after + 1,
        ));
    }
    if CASUALTY_NOUNS.contains(&first) {
        let about = OUTCOMES
            .iter()
            .find(|(k, _)| *k == first)
            .map(|(_, o)| *o)
            .unwrap_or(first);
        return Some((
            Number {
                value,
                unit: "people".into(),
                about: about.into(),
            },
            after + 1,
        ));
    }
    // Up to four words (adjectives, "of its") before a unit noun.
    let mut k = after;
    let limit = (after + 5).min(to);
    while k < limit {
        let word = w.w(k);
        let unit = if PEOPLE.contains(&word) {
            Some("people")
        } else if VEHICLES.contains(&word) && !matches!(word, "armoured" | "armored") {
            Some("vehicles")
        } else if matches!(word, "armoured" | "armored") && VEHICLES.contains(&w.w(k + 1)) {
            None // the noun follows
        } else if AIRCRAFT.contains(&word) {
            Some("aircraft")
        } else {
            None
        };
        if let Some(unit) = unit {
            // "blue helmets": keep both words
            let mut start = after;
            while start < k && FILLERS.contains(&w.w(start)) {
                start += 1;
            }
            let phrase: Vec<&str> = (start..=k).map(|j| w.w(j)).collect();
            let mut about = phrase.join(" ");
            if let Some(o) = outcome_around(w, i, k + 1, from, to) {
                about.push(' ');
                about.push_str(o);
            }
            return Some((
                Number {
                    value,
                    unit: unit.into(),
                    about: original_case(w, start, k, &about),
                },
                k + 1,
            ));
        }
        // Stop at punctuation or a verb-like word.
        if !w.gap_after(k).trim().is_empty()
            || !(word.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
            || w.phrase_at(k, "that")
        {
            break;
        }
        if !FILLERS.contains(&word) && word.len() < 2 {
            break;
        }
        k += 1;
    }
    None
}

/// Keep capitalised proper adjectives ("Malian soldiers", "Wagner mercenaries").
fn original_case(w: &Words, start: usize, end: usize, folded_about: &str) -> String {
    let mut out = String::with_capacity(folded_about.len());
    let n = end + 1 - start;
    for (j, part) in folded_about.split(' ').enumerate() {
        if j > 0 {
            out.push(' ');
        }
        if j < n && w.capitalised(start + j) {
            let t = w.toks[start + j];
            out.extend(w.f.chars[t.start as usize..t.end as usize].iter());
        } else {
            out.push_str(part);
        }
    }
    out
}

/// The outcome applying to a counted phrase: after it in the clause, or a
/// death noun shortly before the number.
fn outcome_around(
    w: &Words,
    num: usize,
    after_phrase: usize,
    from: usize,
    to: usize,
) -> Option<&'static str> {
    let mut k = after_phrase;
    while k < to && k < after_phrase + 10 {
        let gap = w.gap_after(k - 1);
        if gap.contains([';', ':', '(', ')']) || gap.contains('.') {
            break;
        }
        let word = w.w(k);
        if let Some((_, o)) = OUTCOMES.iter().find(|(x, _)| *x == word) {
            return Some(o);
        }
        // A new figure with its own casualty word ("and 30 injured") or a
        // clause break ends the search.
        if number_at(w, k).is_some() && CASUALTY_NOUNS.contains(&w.w(k + 1)) {
            break;
        }
        k += 1;
    }
    // "the strikes had killed nine civilians"
    for j in num.saturating_sub(2).max(from)..num {
        if let Some((_, o)) = OUTCOMES.iter().find(|(x, _)| *x == w.w(j)) {
            return Some(o);
        }
    }
    let lo = num.saturating_sub(6).max(from);
    (lo..num)
        .rev()
        .find(|&j| DEATH_BEFORE.contains(&w.w(j)))
        .map(|_| "killed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Folded;
    use crate::tokens::tokenize;

    fn nums(t: &str) -> Vec<(f64, String, String)> {
        let f = Folded::new(t);
        let mut toks = Vec::new();
        tokenize(&f, 0, f.len(), &mut toks);
        let cls = crate::tokens::classes(&f, &toks);
        let w = Words {
            f: &f,
            toks: &toks,
            cls: &cls,
        };
        find_numbers(&w, 0, w.len())
            .into_iter()
            .map(|n| (n.value, n.unit, n.about))
            .collect()
    }

    fn n(v: f64, u: &str, a: &str) -> (f64, String, String) {
        (v, u.into(), a.into())
    }

    #[test]
    fn casualties_with_shared_outcome() {
        assert_eq!(
            nums("The toll was bloody: at least 47 Malian soldiers and 84 Wagner mercenaries were killed, according to a CSP press release."),
            vec![n(47.0, "people", "Malian soldiers killed"), n(84.0, "people", "Wagner mercenaries killed")]
        );
    }

    #[test]
    fn spelled_out_numbers_and_casualty_nouns() {
        assert_eq!(
            nums("the CSP-PSD had already denounced the deaths of fourteen civilians, including eight children, and 30 injured in these operations"),
            vec![n(14.0, "people", "civilians killed"), n(8.0, "people", "children killed"), n(30.0, "people", "wounded")]
        );
        assert_eq!(
            nums("which left at least 70 dead and 200 wounded in the ranks"),
            vec![n(70.0, "people", "killed"), n(200.0, "people", "wounded")]
        );
        assert_eq!(
            nums("a dozen Russian mercenaries were killed at the airport"),
            vec![n(12.0, "people", "Russian mercenaries killed")]
        );
    }

    #[test]
    fn vehicles_distances_totals() {
        assert_eq!(
            nums("the convoy consisted of 119 vehicles and was stopped"),
            vec![n(119.0, "vehicles", "vehicles")]
        );
        assert_eq!(
            nums("They are instead surrounded eleven kilometers away"),
            vec![n(11.0, "km", "distance")]
        );
        assert_eq!(
            nums("some 6,500 of its uniformed employees (out of the 12,944 that counting the mission) and 196 civilians (out of 737) had already left"),
            vec![
                n(6500.0, "people", "uniformed employees"),
                n(12944.0, "people", "uniformed employees (total)"),
                n(196.0, "people", "civilians"),
                n(737.0, "people", "civilians (total)")
            ]
        );
        assert_eq!(
            nums("almost twenty armoured vehicles"),
            vec![n(20.0, "vehicles", "armoured vehicles")]
        );
    }

    #[test]
    fn ignores_dates_years_and_bare_numbers() {
        assert!(nums("On Sunday November 12, after rising in 2012, at Air Force Base 101 adjacent to the airport, on 17 September").is_empty());
    }
}
