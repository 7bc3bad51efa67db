//! Tests for date recognition and resolution: calendar arithmetic, every
//! supported form, the seed sentences, datelines and document inference.

use super::*;
use crate::model::{Precision, PublishedSource};

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap_or_else(|| panic!("bad test date {s}"))
}

fn published(s: &str) -> DateContext {
    DateContext { published: Some(d(s)), ..DateContext::default() }
}

fn anchored(s: &str) -> DateContext {
    DateContext { anchor: Some(d(s)), ..DateContext::default() }
}

fn hint(y: i32) -> DateContext {
    DateContext { year_hint: Some(y), ..DateContext::default() }
}

/// The single mention in `text`; panics (with all mentions) otherwise.
fn only(text: &str, ctx: &DateContext) -> DateMention {
    let ms = find_dates(text, ctx);
    assert_eq!(ms.len(), 1, "expected one mention in {text:?}, got {ms:#?}");
    ms.into_iter().next().unwrap()
}

/// (mention text, "start..end", precision) of the single mention.
fn res(text: &str, ctx: &DateContext) -> (String, String, Precision) {
    let m = only(text, ctx);
    let r = m.resolved.unwrap_or_else(|| panic!("{:?} unresolved in {text:?}", m.text));
    (m.text, format!("{}..{}", r.start, r.end), r.precision)
}

fn day_of(text: &str, ctx: &DateContext) -> String {
    let (_, r, p) = res(text, ctx);
    assert_eq!(p, Precision::Day, "{text:?}");
    r.split("..").next().unwrap().to_string()
}

fn kind_of(text: &str, ctx: &DateContext) -> MentionKind {
    only(text, ctx).kind
}

fn seed(name: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.file_name().unwrap().to_string_lossy().starts_with(name) {
            return std::fs::read_to_string(p).unwrap();
        }
    }
    panic!("no seed {name}")
}

/// The sentence of `text` containing `needle` (split at ". ").
fn sentence_with<'a>(text: &'a str, needle: &str) -> &'a str {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in seed"));
    let start = text[..at].rfind(". ").max(text[..at].rfind('\n')).map_or(0, |i| i + 1);
    let end =
        [text[at..].find(". "), text[at..].find('\n')].into_iter().flatten().min().map_or(text.len(), |i| at + i + 1);
    &text[start..end]
}

// ------------------------------------------------------------- calendar

#[test]
fn known_weekdays() {
    assert_eq!(d("2023-10-05").weekday(), Weekday::Thursday);
    assert_eq!(d("2024-09-24").weekday(), Weekday::Tuesday);
    assert_eq!(d("2023-11-11").weekday(), Weekday::Saturday);
    assert_eq!(d("2023-11-12").weekday(), Weekday::Sunday);
    assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
    assert_eq!(d("2000-01-01").weekday(), Weekday::Saturday);
    assert_eq!(d("1900-01-01").weekday(), Weekday::Monday);
}

#[test]
fn leap_years_and_validation() {
    assert!(Date::new(2000, 2, 29).is_some());
    assert!(Date::new(1900, 2, 29).is_none());
    assert!(Date::new(2024, 2, 29).is_some());
    assert!(Date::new(2023, 2, 29).is_none());
    assert!(Date::new(2023, 4, 31).is_none());
    assert!(Date::new(2023, 13, 1).is_none());
    assert!(Date::new(2023, 0, 1).is_none());
    assert!(Date::new(2023, 1, 0).is_none());
    assert_eq!(Date::days_in_month(2023, 2), 28);
    assert_eq!(Date::days_in_month(2024, 2), 29);
    assert_eq!(Date::days_in_month(2024, 12), 31);
    assert_eq!(Date::days_in_month(2024, 0), 0);
}

#[test]
fn day_numbers() {
    assert_eq!(d("1970-01-01").to_days(), 0);
    assert_eq!(d("1970-01-02").to_days(), 1);
    assert_eq!(d("1969-12-31").to_days(), -1);
    assert_eq!(d("2000-03-01").to_days() - d("2000-02-28").to_days(), 2);
    assert_eq!(d("1900-03-01").to_days() - d("1900-02-28").to_days(), 1);
    assert_eq!(Date::from_days(19_635), d("2023-10-05"));
    assert_eq!(d("2023-12-31").add_days(1), d("2024-01-01"));
    assert_eq!(d("2024-03-01").add_days(-1), d("2024-02-29"));
    assert_eq!(d("2023-11-12").add_days(-2), d("2023-11-10"));
    assert_eq!(d("2023-11-12").add_months_first(-11), d("2022-12-01"));
    assert_eq!(d("2023-11-12").week_start(), d("2023-11-06"));
    // Extreme inputs saturate at the first/last representable day.
    let last = Date { year: i32::MAX, month: 12, day: 31 };
    let first = Date { year: i32::MIN, month: 1, day: 1 };
    assert_eq!(Date::from_days(i64::MAX), last);
    assert_eq!(Date::from_days(i64::MIN), first);
    assert_eq!(Date::from_days(last.to_days()), last);
    assert_eq!(Date::from_days(first.to_days()), first);
    assert_eq!(last.add_days(1), last);
    assert_eq!(first.add_days(i64::MIN), first);
}

#[test]
fn iso_writes_what_display_writes() {
    for year in [-12, 0, 7, 987, 1999, 2023, 9999, 10000, 123456] {
        for (month, day) in [(1, 1), (2, 28), (11, 12), (12, 31), (0, 0), (100, 255)] {
            let date = Date { year, month, day };
            assert_eq!(date.iso(), date.to_string(), "{date:?}");
        }
    }
}

#[test]
fn iso_round_trip() {
    assert_eq!(d("2023-11-12").iso(), "2023-11-12");
    assert_eq!(Date::new(987, 1, 2).unwrap().iso(), "0987-01-02");
    for bad in ["2023-02-29", "2023-1-12", "2023/11/12", "20231112", "2023-11-1x", "", "२०२३-11-12"] {
        assert_eq!(Date::parse_iso(bad), None, "{bad}");
    }
    let r = Resolved { start: d("2023-11-03"), end: d("2023-11-04"), precision: Precision::Day };
    let range = r.to_range();
    assert_eq!(
        (range.start.as_str(), range.end.as_str(), range.precision),
        ("2023-11-03", "2023-11-04", Precision::Day)
    );
}

// ---------------------------------------------------------- absolute dates

#[test]
fn absolute_forms() {
    let c = published("2023-11-13");
    let cases = [
        ("on October 5, the army", "October 5", "2023-10-05"),
        ("on October 5, 2023 the army", "October 5, 2023", "2023-10-05"),
        ("on 5 October 2023 the army", "5 October 2023", "2023-10-05"),
        ("clashed again on Sunday November 12 in", "Sunday November 12", "2023-11-12"),
        // 12 September 2023 was a Tuesday: the weekday moves it to 2024.
        ("arrived on Thursday 12 September.", "Thursday 12 September", "2024-09-12"),
        ("arrived on Tuesday 12 September.", "Tuesday 12 September", "2023-09-12"),
        ("crossed the gates on 19 September.", "19 September", "2023-09-19"),
        ("set off on Monday (October 2nd) in Gao", "Monday (October 2nd)", "2023-10-02"),
        ("on Oct. 5 the", "Oct. 5", "2023-10-05"),
        ("on Sept 24 the", "Sept 24", "2023-09-24"),
        ("dated 2023-11-12 by", "2023-11-12", "2023-11-12"),
        ("on November 11 the", "November 11", "2023-11-11"),
        ("on November 1st the", "November 1st", "2023-11-01"),
        ("on the 21st of October the", "the 21st of October", "2023-10-21"),
        ("on 3rd November 2021,", "3rd November 2021", "2021-11-03"),
        ("le 12 novembre 2023, l'armée", "12 novembre 2023", "2023-11-12"),
        ("le 1er novembre, l'armée", "1er novembre", "2023-11-01"),
        ("dimanche 12 novembre", "dimanche 12 novembre", "2023-11-12"),
        ("the fighting of 5 October, 2023 was", "5 October, 2023", "2023-10-05"),
    ];
    for (text, span, day) in cases {
        let m = only(text, &c);
        assert_eq!(m.text, span, "{text}");
        assert_eq!(m.kind, MentionKind::Absolute, "{text}");
        assert_eq!(day_of(text, &c), day, "{text}");
    }
}

#[test]
fn day_ranges() {
    let c = published("2023-11-13");
    assert_eq!(res("fighting on November 3 to 4 near", &c).1, "2023-11-03..2023-11-04");
    assert_eq!(res("fighting on 3-4 November near", &c).1, "2023-11-03..2023-11-04");
    assert_eq!(res("from 30 October to 2 November,", &c).1, "2023-10-30..2023-11-02");
    assert_eq!(res("between October 30 and November 2,", &c).1, "2023-10-30..2023-11-02");
    assert_eq!(res("from 28 December to 3 January 2024", &c).1, "2023-12-28..2024-01-03");
}

#[test]
fn spans_are_code_points() {
    let text = "À Anéfis, le 12 novembre 2023 — puis à Kidal";
    let m = only(text, &DateContext::default());
    assert_eq!((m.start, m.end), (13, 29));
    assert_eq!(crate::text::slice_cp(text, m.start, m.end), "12 novembre 2023");
    assert_eq!(m.text, "12 novembre 2023");
}

#[test]
fn missing_year_from_publication() {
    // A December date in a January article is the previous year.
    assert_eq!(day_of("on December 28 the", &published("2024-01-03")), "2023-12-28");
    // A near-future deadline stays in the publication year.
    assert_eq!(day_of("on 31 December the", &published("2023-10-02")), "2023-12-31");
    // A January date in a late-December article is next January.
    assert_eq!(day_of("on January 2 the", &published("2023-12-30")), "2024-01-02");
    // Without publication date: nearest the anchor, else the year hint.
    assert_eq!(day_of("on January 2 the", &anchored("2023-12-30")), "2024-01-02");
    let far = DateContext { anchor: Some(d("2012-05-01")), year_hint: Some(2023), published: None };
    assert_eq!(day_of("on January 2 the", &far), "2023-01-02");
    assert_eq!(day_of("on October 5 the", &hint(2023)), "2023-10-05");
    // Nothing to go on: unresolved.
    let m = only("on October 5 the", &DateContext::default());
    assert_eq!(m.resolved, None);
    assert_eq!(m.kind, MentionKind::Absolute);
    // 29 February only exists in leap years.
    assert_eq!(only("on February 29 the", &hint(2023)).resolved, None);
    assert_eq!(day_of("on February 29 the", &hint(2024)), "2024-02-29");
}

#[test]
fn weekday_pins_the_year() {
    // Hint 2024, but Saturday 11 November is 2023.
    assert_eq!(day_of("began on Saturday, November 11, without", &hint(2024)), "2023-11-11");
    assert_eq!(day_of("began on Saturday, November 11, without", &hint(2023)), "2023-11-11");
    // Publication in 2024, the weekday says 2023.
    assert_eq!(day_of("on Sunday November 12", &published("2024-03-01")), "2023-11-12");
    // An explicit year wins over a contradicting weekday.
    assert_eq!(day_of("on Monday, October 5, 2023", &hint(2023)), "2023-10-05");
}

// ------------------------------------------------------------- weekdays

#[test]
fn bare_weekdays_news_convention() {
    let c = published("2023-10-05"); // a Thursday
    assert_eq!(day_of("left Gao on Monday towards Kidal", &c), "2023-10-02");
    assert_eq!(day_of("the army indicated Thursday evening", &c), "2023-10-05");
    assert_eq!(day_of("soldiers leaving on Sunday morning", &c), "2023-10-01");
    assert_eq!(day_of("on Friday the", &c), "2023-09-29");
    assert_eq!(only("on Monday the", &c).kind, MentionKind::Weekday);
    assert_eq!(only("Thursday evening", &c).text, "Thursday evening");
}

#[test]
fn future_weekdays() {
    let c = published("2023-10-05"); // Thursday
    assert_eq!(day_of("they will meet on Monday in Algiers", &c), "2023-10-09");
    assert_eq!(day_of("talks are scheduled for Friday", &c), "2023-10-06");
    assert_eq!(day_of("next Monday the", &c), "2023-10-09");
    assert_eq!(day_of("next Thursday the", &c), "2023-10-12");
    assert_eq!(day_of("last Thursday the", &c), "2023-09-28");
    assert_eq!(day_of("last Monday the", &c), "2023-10-02");
    assert_eq!(day_of("the army'll move on Saturday", &c), "2023-10-07");
    // Future tense in another clause does not count.
    assert_eq!(day_of("\"It will continue,\" the army said on Sunday.", &c), "2023-10-01");
}

#[test]
fn participle_after_a_past_auxiliary_is_past() {
    let c = published("2023-10-06"); // a Friday
    // "on Friday" in a Friday report is that Friday, not the next one
    assert_eq!(day_of("the unit had no patrols planned for the valley on Friday", &c), "2023-10-06");
    assert_eq!(day_of("the vote was scheduled for Tuesday", &c), "2023-10-03");
    assert_eq!(day_of("the vote is scheduled for Tuesday", &c), "2023-10-10");
}

#[test]
fn weekdays_against_anchor_only() {
    // Inferred publication passed as anchor: the nearest such day.
    let c = anchored("2023-11-11"); // Saturday
    assert_eq!(day_of("On Sunday, the army", &c), "2023-11-12");
    assert_eq!(day_of("possible Monday morning", &c), "2023-11-13");
    assert_eq!(day_of("On Wednesday, the CSP", &c), "2023-11-08");
    assert_eq!(only("On Sunday", &DateContext::default()).resolved, None);
}

#[test]
fn lowercase_weekday_and_month_words_are_not_dates() {
    let c = published("2023-10-05");
    assert!(find_dates("they may march on the capital in august company", &c).is_empty());
    assert!(find_dates("a sunday school", &c).is_empty());
    assert!(find_dates("in May the", &c).len() == 1);
    assert!(find_dates("May the force", &c).is_empty());
    assert!(find_dates("March on the town", &c).is_empty());
    assert!(find_dates("said by Jan Egeland of the NRC", &c).is_empty());
    assert_eq!(only("in Jan. 2023 the", &c).text, "Jan. 2023");
}

// ------------------------------------------------------------- relative

#[test]
fn relative_to_anchor() {
    let c = anchored("2023-11-12");
    let cases = [
        ("The day before, she claimed", "The day before", "2023-11-11"),
        ("on the previous day the", "the previous day", "2023-11-11"),
        ("the next day the", "the next day", "2023-11-13"),
        ("the following day the", "the following day", "2023-11-13"),
        ("Two days earlier, the rebels", "Two days earlier", "2023-11-10"),
        ("three days later the", "three days later", "2023-11-15"),
        ("2 days later the", "2 days later", "2023-11-14"),
        ("that day the", "that day", "2023-11-12"),
        ("That day, two GSIM commandos", "That day", "2023-11-12"),
        ("on the same day the", "the same day", "2023-11-12"),
        ("a day later the", "a day later", "2023-11-13"),
        ("on the eve, the", "the eve", "2023-11-11"),
    ];
    for (text, span, day) in cases {
        assert_eq!(only(text, &c).text, span, "{text}");
        assert_eq!(kind_of(text, &c), MentionKind::Relative, "{text}");
        assert_eq!(day_of(text, &c), day, "{text}");
    }
    assert_eq!(res("a week later the", &c), ("a week later".into(), "2023-11-19..2023-11-19".into(), Precision::Week));
    assert_eq!(
        res("the following week the", &c),
        ("the following week".into(), "2023-11-13..2023-11-19".into(), Precision::Week)
    );
    assert_eq!(res("In the following days, the", &c).1, "2023-11-13..2023-11-19");
    assert_eq!(res("that night the", &c).1, "2023-11-12..2023-11-13");
    assert_eq!(day_of("the same evening, the", &c), "2023-11-12");
    assert_eq!(day_of("that same day, the", &c), "2023-11-12");
    assert_eq!(res("the same night the", &c).1, "2023-11-12..2023-11-13");
    assert_eq!(day_of("the next morning, the", &c), "2023-11-13");
    assert_eq!(day_of("the previous evening, the", &c), "2023-11-11");
    // "the day before the attack" is relative to something else.
    assert!(find_dates("the day before the attack", &c).is_empty());
    assert!(find_dates("two days after the vote", &c).is_empty());
}

#[test]
fn relative_to_publication() {
    let c = published("2023-11-15"); // Wednesday
    assert_eq!(day_of("said yesterday that", &c), "2023-11-14");
    assert_eq!(day_of("said today that", &c), "2023-11-15");
    assert_eq!(day_of("will say tomorrow", &c), "2023-11-16");
    assert_eq!(day_of("a l'armée hier", &c), "2023-11-14");
    assert_eq!(day_of("aujourd'hui, l'armée", &c), "2023-11-15");
    assert_eq!(res("last week the", &c), ("last week".into(), "2023-11-06..2023-11-12".into(), Precision::Week));
    assert_eq!(res("this week the", &c).1, "2023-11-13..2023-11-19");
    assert_eq!(res("next week the", &c).1, "2023-11-20..2023-11-26");
    assert_eq!(
        res("earlier this month the", &c),
        ("earlier this month".into(), "2023-11-01..2023-11-15".into(), Precision::Month)
    );
    assert_eq!(res("later this week the", &c).1, "2023-11-16..2023-11-19");
    assert_eq!(res("last month the", &c), ("last month".into(), "2023-10-01..2023-10-31".into(), Precision::Month));
    assert_eq!(res("this year the", &c), ("this year".into(), "2023-01-01..2023-12-31".into(), Precision::Year));
    assert_eq!(res("last year the", &c).1, "2022-01-01..2022-12-31");
    assert_eq!(res("three days ago the", &c).1, "2023-11-12..2023-11-12");
    assert_eq!(
        res("completed a few days ago, promised", &c),
        ("a few days ago".into(), "2023-11-09..2023-11-13".into(), Precision::Week)
    );
    assert_eq!(res("over the weekend the", &c).1, "2023-11-11..2023-11-12");
    assert_eq!(res("last weekend the", &c).1, "2023-11-11..2023-11-12");
    assert_eq!(only("yesterday", &DateContext::default()).resolved, None);
}

#[test]
fn end_of_week() {
    // Published on a Monday: "the end of the week" is the previous week's end.
    let monday = published("2023-11-13");
    assert_eq!(
        res("at the end of the week, the", &monday),
        ("the end of the week".into(), "2023-11-09..2023-11-12".into(), Precision::Week)
    );
    // Published on a Saturday: this week's end.
    assert_eq!(res("at the end of the week, the", &published("2023-11-11")).1, "2023-11-09..2023-11-12");
    assert_eq!(res("at the end of the week, the", &published("2023-11-18")).1, "2023-11-16..2023-11-19");
    // "last week" is always the previous one.
    assert_eq!(res("At the end of last week, a convoy", &published("2024-09-24")).1, "2024-09-19..2024-09-22");
}

#[test]
fn more_relative_forms() {
    let c = DateContext { published: Some(d("2023-11-15")), anchor: Some(d("2023-11-08")), year_hint: None };
    // Weekdays against the anchor (Wednesday 8 November).
    assert_eq!(day_of("the following Monday, the", &c), "2023-11-13");
    assert_eq!(day_of("the next Wednesday, the", &c), "2023-11-15");
    assert_eq!(day_of("the previous Friday, the", &c), "2023-11-03");
    assert_eq!(day_of("that Tuesday, the", &c), "2023-11-07");
    assert_eq!(kind_of("the following Monday", &c), MentionKind::Relative);
    // Spans counted back from publication (Wednesday 15 November).
    assert_eq!(
        res("in recent days, the", &c),
        ("recent days".into(), "2023-11-08..2023-11-15".into(), Precision::Week)
    );
    assert_eq!(res("over the past few days, the", &c).1, "2023-11-09..2023-11-15");
    assert_eq!(
        res("during the last two weeks the", &c),
        ("the last two weeks".into(), "2023-11-01..2023-11-15".into(), Precision::Month)
    );
    assert_eq!(res("tonight the", &c).1, "2023-11-15..2023-11-16");
    assert_eq!(
        res("two weeks ago the", &c),
        ("two weeks ago".into(), "2023-11-01..2023-11-01".into(), Precision::Week)
    );
    assert_eq!(res("a year ago the", &c), ("a year ago".into(), "2022-01-01..2022-12-31".into(), Precision::Year));
    assert_eq!(
        res("three months later the", &c),
        ("three months later".into(), "2024-02-01..2024-02-29".into(), Precision::Month)
    );
}

#[test]
fn weeks_and_halves_of_months_and_years() {
    let c = published("2023-11-15");
    assert_eq!(
        res("in the first week of November the", &c),
        ("the first week of November".into(), "2023-11-01..2023-11-07".into(), Precision::Week)
    );
    assert_eq!(res("the second week of October 2022", &c).1, "2022-10-08..2022-10-14");
    assert_eq!(res("during the last week of July", &c).1, "2023-07-25..2023-07-31");
    assert_eq!(
        res("in the first half of 2023,", &c),
        ("the first half of 2023".into(), "2023-01-01..2023-06-30".into(), Precision::Month)
    );
    assert_eq!(res("in the second half of October", &c).1, "2023-10-16..2023-10-31");
    assert_eq!(
        res("early next week the", &c),
        ("early next week".into(), "2023-11-20..2023-11-22".into(), Precision::Week)
    );
    assert_eq!(res("late last year the", &c).1, "2022-10-01..2022-12-31");
    assert_eq!(res("at the end of last month the", &c).1, "2023-10-21..2023-10-31");
}

#[test]
fn french_relative_forms() {
    let c = DateContext { published: Some(d("2023-11-15")), anchor: Some(d("2023-11-08")), year_hint: None };
    assert_eq!(day_of("la veille, l'armée", &c), "2023-11-07");
    assert_eq!(day_of("le lendemain, l'armée", &c), "2023-11-09");
    assert_eq!(day_of("le même jour, l'armée", &c), "2023-11-08");
    assert!(find_dates("la veille de l'attaque", &c).is_empty());
    assert_eq!(res("la semaine dernière, l'armée", &c).1, "2023-11-06..2023-11-12");
    assert_eq!(res("le mois prochain, l'armée", &c).1, "2023-12-01..2023-12-31");
    assert_eq!(res("cette année, l'armée", &c).1, "2023-01-01..2023-12-31");
    assert_eq!(
        res("depuis l'an dernier, l'armée", &c),
        ("depuis l'an dernier".into(), "2022-01-01..2023-11-15".into(), Precision::Year)
    );
    assert_eq!(res("l'année dernière, l'armée", &c).1, "2022-01-01..2022-12-31");
    assert_eq!(day_of("samedi dernier, l'armée", &c), "2023-11-11");
    assert_eq!(day_of("lundi prochain, l'armée", &c), "2023-11-20");
    assert!(find_dates("le président et la ministre", &c).is_empty());
}

// ----------------------------------------------------------------- nights

#[test]
fn nights() {
    let c = published("2023-11-13"); // Monday
    assert_eq!(
        res("Since the night of November 3 to 4, the", &c),
        ("the night of November 3 to 4".into(), "2023-11-03..2023-11-04".into(), Precision::Day)
    );
    assert_eq!(kind_of("the night of November 3 to 4", &c), MentionKind::Night);
    assert_eq!(res("during the night from Saturday to Sunday,", &c).1, "2023-11-11..2023-11-12");
    assert_eq!(
        res("attacked overnight Saturday, killing", &c),
        ("overnight Saturday".into(), "2023-11-11..2023-11-12".into(), Precision::Day)
    );
    assert_eq!(res("attacked overnight Saturday to Sunday", &c).1, "2023-11-11..2023-11-12");
    assert_eq!(res("on Saturday night the", &c).1, "2023-11-11..2023-11-12");
    assert_eq!(
        res("Overnight into Sunday, explosions", &c),
        ("Overnight into Sunday".into(), "2023-11-11..2023-11-12".into(), Precision::Day)
    );
    let a = anchored("2023-11-11");
    assert_eq!(
        res("repelled an attack the previous night.", &a),
        ("the previous night".into(), "2023-11-10..2023-11-11".into(), Precision::Day)
    );
    assert_eq!(res("the night before, the", &a).1, "2023-11-10..2023-11-11");
    assert_eq!(res("the following night the", &a).1, "2023-11-11..2023-11-12");
    assert_eq!(res("the night of 3 to 4 November", &c).1, "2023-11-03..2023-11-04");
    assert_eq!(res("the night of November 3, the", &c).1, "2023-11-03..2023-11-04");
    assert_eq!(res("dans la nuit du 3 au 4 novembre,", &c).1, "2023-11-03..2023-11-04");
    assert_eq!(res("dans la nuit de samedi à dimanche,", &c).1, "2023-11-11..2023-11-12");
    assert_eq!(res("last night the", &c).1, "2023-11-12..2023-11-12");
}

// ---------------------------------------------------------------- periods

#[test]
fn periods() {
    let c = published("2024-09-24");
    let month = Precision::Month;
    assert_eq!(
        res("there at the end of July.", &c),
        ("the end of July".into(), "2024-07-21..2024-07-31".into(), month)
    );
    assert_eq!(kind_of("at the end of July", &c), MentionKind::Period);
    assert_eq!(res("at the beginning of August the", &c).1, "2024-08-01..2024-08-10");
    assert_eq!(
        res("At the end of July and beginning of August, the", &c),
        ("the end of July and beginning of August".into(), "2024-07-21..2024-08-10".into(), month)
    );
    // October is three weeks ahead of a 24 September article, but a year behind.
    assert_eq!(res("in mid-October the", &c).1, "2024-10-11..2024-10-20");
    assert_eq!(res("in mid-December the", &published("2024-03-01")).1, "2023-12-11..2023-12-20");
    assert_eq!(res("in mid-April the", &c).1, "2024-04-11..2024-04-20");
    assert_eq!(res("in early September the", &c).1, "2024-09-01..2024-09-10");
    assert_eq!(res("in mid\u{2011}April the", &c).1, "2024-04-11..2024-04-20");
    assert_eq!(res("in October the", &c), ("October".into(), "2024-10-01..2024-10-31".into(), month));
    assert_eq!(res("in November 2023 the", &c), ("November 2023".into(), "2023-11-01..2023-11-30".into(), month));
    assert_eq!(res("at the end of 2023,", &c), ("the end of 2023".into(), "2023-10-01..2023-12-31".into(), month));
    assert_eq!(res("in early 2023 the", &c).1, "2023-01-01..2023-03-31");
    assert_eq!(res("in mid-2023 the", &c).1, "2023-05-01..2023-08-31");
    assert_eq!(
        res("by the end of the year,", &c),
        ("by the end of the year".into(), "2024-10-01..2024-12-31".into(), month)
    );
    assert_eq!(kind_of("by the end of the year", &c), MentionKind::Deadline);
    assert_eq!(res("the end of the year", &c).1, "2024-10-01..2024-12-31");
    assert_eq!(res("at the end of the month", &c).1, "2024-09-21..2024-09-30");
    assert_eq!(res("fin juillet, l'armée", &c).1, "2024-07-21..2024-07-31");
    assert_eq!(res("début août, l'armée", &c).1, "2024-08-01..2024-08-10");
    assert_eq!(res("en juin, l'armée", &c).1, "2024-06-01..2024-06-30");
}

#[test]
fn since_runs_to_publication() {
    let c = published("2023-10-02");
    let m = only("the scene since late August of renewed hostilities", &c);
    assert_eq!((m.text.as_str(), m.kind), ("since late August", MentionKind::Period));
    let r = m.resolved.unwrap();
    assert_eq!((r.start, r.end, r.precision), (d("2023-08-21"), d("2023-10-02"), Precision::Month));
    assert_eq!(res("Since August, northern Mali", &c).1, "2023-08-01..2023-10-02");
    assert_eq!(res("since October 21, after", &published("2023-11-13")).1, "2023-10-21..2023-11-13");
    // Without a reference the range is X itself.
    assert_eq!(res("since late August", &hint(2023)).1, "2023-08-21..2023-08-31");
}

#[test]
fn years() {
    let c = published("2023-11-13");
    assert_eq!(
        res("against the state in 2012, these", &c),
        ("2012".into(), "2012-01-01..2012-12-31".into(), Precision::Year)
    );
    assert_eq!(kind_of("in 2012", &c), MentionKind::Year);
    assert_eq!(kind_of("The 2015 agreement is shattering", &c), MentionKind::Year);
    assert_eq!(
        res("defeats between 2012 and 2014, is", &c),
        ("between 2012 and 2014".into(), "2012-01-01..2014-12-31".into(), Precision::Year)
    );
    assert_eq!(kind_of("between 2012 and 2014", &c), MentionKind::Year);
    assert_eq!(res("from 2012 to 2014 the", &c).1, "2012-01-01..2014-12-31");
    assert_eq!(res("the 2012-2014 war", &c).1, "2012-01-01..2014-12-31");
    assert_eq!(res("en 2012, l'armée", &c).1, "2012-01-01..2012-12-31");
}

#[test]
fn shared_years_and_wrapped_ranges() {
    let c = published("2023-11-14");
    assert_eq!(
        res("signed in Algiers in May and June 2015, has", &c),
        ("May and June 2015".into(), "2015-05-01..2015-06-30".into(), Precision::Month)
    );
    assert_eq!(res("from July to September 2022 the", &c).1, "2022-07-01..2022-09-30");
    assert_eq!(
        res("Between Nov. 1 and Nov. 7, the UN", &c),
        ("Between Nov. 1 and Nov. 7".into(), "2023-11-01..2023-11-07".into(), Precision::Day)
    );
    assert!(find_dates("in its weekly report No. 2023", &c).is_empty());
}

#[test]
fn day_of_month_alone() {
    let c = anchored("2023-10-01");
    let ms = find_dates("It took place on 1 October, according to the UN, or on the 2nd, according to the rebels.", &c);
    let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["1 October", "the 2nd"]);
    assert_eq!(ms[1].resolved.unwrap().start, d("2023-10-02"));
    assert_eq!(ms[1].kind, MentionKind::Absolute);
    assert_eq!(day_of("and on the 30th.", &c), "2023-09-30");
    for text in ["on the 2nd battalion", "the 21st century", "on the 3rd day", "on the 2 roads"] {
        assert!(find_dates(text, &c).is_empty(), "{text}");
    }
}

#[test]
fn deadlines() {
    let c = published("2023-10-02");
    let m = only("liberate its camps in Kidal by 31 December.", &c);
    assert_eq!((m.text.as_str(), m.kind), ("by 31 December", MentionKind::Deadline));
    assert_eq!(m.resolved.unwrap().start, d("2023-12-31"));
}

#[test]
fn non_dates() {
    let c = published("2023-11-13");
    for text in [
        "Anéfis is located approximately 110 km south of Kidal.",
        "at least 47 Malian soldiers and 84 Wagner mercenaries were killed",
        "a logistics detachment at Air Force Base 101 adjacent",
        "(out of the 12,944 that counting the mission) and 196 civilians (out of 737)",
        "Tuesday - 2:56 am",
        "the CSP-PSD and the G5 Sahel, TB2 drones",
        "some 2000 soldiers and 1500 km",
        "UN Resolution 2640 was adopted",
        "about 300 km southwest of Kidal, 119 vehicles",
        "more than 1,500 km and 24 hours drive",
        "Speed ??race",
        "the 1960s and 5G",
    ] {
        let found: Vec<_> = find_dates(text, &c).into_iter().filter(|m| m.text != "Tuesday").collect();
        assert!(found.is_empty(), "{text:?} gave {found:#?}");
    }
}

// ------------------------------------------------------------ the seeds

#[test]
fn seed_000_no_year_no_dateline() {
    let text = seed("000");
    assert_eq!(find_dateline(&text), None);
    // The weekday constraint alone leaves 7 candidate years…
    assert_eq!(year_candidates(&text), vec![1995, 2000, 2006, 2017, 2023, 2028, 2034]);
    assert_eq!(infer_year(&text), None);
    // …settled by a corpus reference year.
    assert_eq!(infer_year_near(&text, 2024), Some(2023));
    let (p, src) = infer_published_with(&text, Some(2024)).unwrap();
    assert_eq!((p, src), (d("2023-10-05"), PublishedSource::Inferred));

    let s = sentence_with(&text, "Thursday evening");
    let m = &find_dates(s, &hint(2023))[0];
    assert_eq!(m.text, "Thursday evening, October 5");
    assert_eq!(m.resolved.unwrap().start, d("2023-10-05"));
    let s = sentence_with(&text, "left Gao on Monday");
    assert_eq!(day_of(s, &published("2023-10-05")), "2023-10-02");
    let s = sentence_with(&text, "claimed earlier, Thursday");
    assert_eq!(day_of(s, &published("2023-10-05")), "2023-10-05");
    let s = sentence_with(&text, "resumed hostilities in August");
    let ms = find_dates(s, &published("2023-10-05"));
    let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["2012", "2015", "August"]);
    assert_eq!(ms[2].resolved.unwrap().start, d("2023-08-01"));
}

#[test]
fn seed_001_sunday_november_12() {
    let text = seed("001");
    let s = sentence_with(&text, "Sunday November 12");
    assert_eq!(day_of(s, &hint(2024)), "2023-11-12");
    let c = published("2023-11-12");
    let s = sentence_with(&text, "at the end of the week");
    assert_eq!(res(s, &c).1, "2023-11-09..2023-11-12");
    let s = sentence_with(&text, "telephone network in Kidal on Friday");
    assert_eq!(day_of(s, &c), "2023-11-10");
    let s = sentence_with(&text, "Fighting began on Saturday");
    assert_eq!(day_of(s, &c), "2023-11-11");
    let s = sentence_with(&text, "where the army suffered humiliating defeats");
    let ms = find_dates(s, &c);
    let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["between 2012 and 2014", "2020"]);
}

#[test]
fn seed_002_monday_october_2nd_and_deadline() {
    let text = seed("002");
    assert_eq!(find_dateline(&text), None);
    let s = sentence_with(&text, "Monday (October 2nd)");
    assert_eq!(day_of(s, &hint(2023)), "2023-10-02");
    let (p, _) = infer_published_with(&text, Some(2024)).unwrap();
    assert_eq!(p, d("2023-10-02"));
    let s = sentence_with(&text, "by 31 December");
    let m = find_dates(s, &published("2023-10-02")).into_iter().find(|m| m.kind == MentionKind::Deadline).unwrap();
    assert_eq!(m.resolved.unwrap().start, d("2023-12-31"));
}

#[test]
fn seed_003_dateline_and_periods() {
    let text = seed("003");
    let (date, s, e) = find_dateline(&text).unwrap();
    assert_eq!(date, d("2024-09-24"));
    assert_eq!(crate::text::slice_cp(&text, s, e), "Tuesday, September 24, 2024");
    assert_eq!(infer_published(&text), Some((d("2024-09-24"), PublishedSource::Text)));
    assert_eq!(infer_year(&text), Some(2024));
    let c = published("2024-09-24");
    let s = sentence_with(&text, "at the end of July.");
    let m = find_dates(s, &c).into_iter().find(|m| m.text == "the end of July").unwrap();
    let r = m.resolved.unwrap();
    assert_eq!((r.start, r.end, r.precision), (d("2024-07-21"), d("2024-07-31"), Precision::Month));
    let s = sentence_with(&text, "on 17 September");
    assert_eq!(find_dates(s, &c)[0].resolved.unwrap().start, d("2024-09-17"));
    let s = sentence_with(&text, "Thursday 12 September");
    assert_eq!(day_of(s, &c), "2024-09-12");
    let s = sentence_with(&text, "on 19 September");
    assert_eq!(day_of(s, &c), "2024-09-19");
}

#[test]
fn seed_004_battle_of_kidal() {
    let text = seed("004");
    let s = sentence_with(&text, "The battle of Kidal began");
    assert_eq!(day_of(s, &hint(2024)), "2023-11-11");
    let s = sentence_with(&text, "Two days earlier");
    assert_eq!(day_of(s, &anchored("2023-11-12")), "2023-11-10");
    let s = sentence_with(&text, "the night of November 3 to 4");
    let m = find_dates(s, &hint(2023)).into_iter().find(|m| m.kind == MentionKind::Night).unwrap();
    let r = m.resolved.unwrap();
    assert_eq!((r.start, r.end), (d("2023-11-03"), d("2023-11-04")));
    let s = sentence_with(&text, "The day before");
    assert_eq!(day_of(s, &anchored("2023-11-12")), "2023-11-11");
    let s = sentence_with(&text, "abandoned its camp in Kidal on October 31");
    let days: Vec<String> = find_dates(s, &hint(2023)).iter().map(|m| m.resolved.unwrap().start.iso()).collect();
    assert_eq!(days, ["2023-10-31", "2023-11-10"]);
}

// ------------------------------------------------------------- datelines

#[test]
fn datelines() {
    let cases = [
        ("Tuesday, September 24, 2024 - 2:56 am\nTitle", "2024-09-24", "Tuesday, September 24, 2024"),
        ("BAMAKO, Mali, 12 November 2023 (AFP) - The army", "2023-11-12", "12 November 2023"),
        ("12 November 2023\n\nThe army said", "2023-11-12", "12 November 2023"),
        ("Mali army\n\nPublished 2023-11-12 by AFP", "2023-11-12", "2023-11-12"),
        ("Published on 24/09/2024 at 10:00\nText", "2024-09-24", "24/09/2024"),
        (
            "Nov 12 (Reuters) - Fighting began on Sunday November 12 near Kidal, lost in 2012 and 2023.",
            "2023-11-12",
            "Nov 12",
        ),
    ];
    for (text, day, span) in cases {
        let (date, s, e) = find_dateline(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
        assert_eq!(date, d(day), "{text}");
        assert_eq!(crate::text::slice_cp(text, s, e), span, "{text}");
    }
    assert_eq!(find_dateline("BAMAKO, Mali (AP) — Fighting resumed on Sunday."), None);
    // The first sentence of the body is not a dateline, nor is a headline.
    assert_eq!(find_dateline("On 12 November 2023, the army took Kidal."), None);
    assert_eq!(find_dateline("Mali: the army retakes Kidal on 14 November 2023\n\nText"), None);
    let (date, _, _) = find_dateline("Le Monde avec AFP\nPublié le 13 novembre 2023 à 10h45\nTexte").unwrap();
    assert_eq!(date, d("2023-11-13"));
    let (date, _, _) = find_dateline("Published: 13 November 2023 at 10:45 GMT\nText").unwrap();
    assert_eq!(date, d("2023-11-13"));
    let (date, _, _) = find_dateline("Mis à jour le 13 novembre 2023\nTexte").unwrap();
    assert_eq!(date, d("2023-11-13"));
    let (date, _, _) = find_dateline("By Jane Doe\nNovember 13, 2023 5:30 AM UTC\nText").unwrap();
    assert_eq!(date, d("2023-11-13"));
    // A date deep in the body is not a dateline.
    let body = format!("{}The deal of 12 November 2023 failed.", "Words and more words. ".repeat(40));
    assert_eq!(find_dateline(&body), None);
    // Without a year and without other evidence there is no dateline date.
    assert_eq!(find_dateline("Nov 12 (Reuters) - Fighting resumed."), None);
}

#[test]
fn infer_year_prefers_mentioned_years() {
    // Thursday 12 September: 2013, 2019, 2024 …; only 2024 is mentioned.
    assert_eq!(infer_year("On Thursday 12 September the convoy came. In 2024 the war went on."), Some(2024));
    // Two constraints: Sunday 12 November and Thursday 5 October are both 2023 (and 2017, …).
    let two = "On Thursday, October 5 the army moved. On Sunday November 12 it attacked.";
    assert_eq!(year_candidates(two), vec![1995, 2000, 2006, 2017, 2023, 2028, 2034]);
    // Friday 3 November and Sunday 12 November differ in 2023: the majority wins.
    assert!(infer_year("No weekday here, 12 November.").is_none());
    assert_eq!(infer_year_near(two, 2021), Some(2023));
    assert_eq!(infer_year_near("no evidence", 2021), None);
}

#[test]
fn document_scan_cache_follows_the_text() {
    let a = "On Thursday 12 September the convoy came. In 2024 the war went on.";
    let b = "On Sunday November 12 it attacked. In 2023 the war went on.";
    for _ in 0..2 {
        assert_eq!(infer_year(a), Some(2024));
        assert_eq!(infer_year(b), Some(2023));
    }
    let a2 = a.replace("2024", "2019");
    assert_eq!(infer_year(&a2), Some(2019));
    assert_eq!(infer_published_with(b, None), Some((d("2023-11-12"), PublishedSource::Inferred)));
    assert_eq!(infer_published_with(a, None), Some((d("2024-09-12"), PublishedSource::Inferred)));
}

#[test]
fn infer_published_from_latest_date() {
    let text = "On Saturday, November 11, fighting began. The UN left on October 31. By 31 December it must go.";
    // Deadlines do not count; the latest day does.
    assert_eq!(infer_published_with(text, Some(2024)), Some((d("2023-11-11"), PublishedSource::Inferred)));
    assert_eq!(infer_published("No dates at all."), None);
    let announced = "Fighting began on 11 November 2023. A ceremony will be held on 21 November 2023.";
    assert_eq!(infer_published(announced), Some((d("2023-11-11"), PublishedSource::Inferred)));
    assert_eq!(infer_published("In 2012 the rebels rose."), None);
    assert_eq!(infer_published("The attack of 5 March 2012 was"), Some((d("2012-03-05"), PublishedSource::Inferred)));
}

// ------------------------------------------------------------- properties

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check_spans(text: &str, ctx: &DateContext) {
        let ms = find_dates(text, ctx);
        let n = text.chars().count() as u32;
        let mut last_end = 0;
        for m in &ms {
            assert!(m.start < m.end && m.end <= n, "{m:?} out of bounds in {text:?}");
            assert!(m.start >= last_end, "overlap/order at {m:?} in {text:?}");
            assert_eq!(m.text, crate::text::slice_cp(text, m.start, m.end));
            if let Some(r) = m.resolved {
                assert!(r.start <= r.end, "{m:?}");
            }
            last_end = m.end;
        }
    }

    /// Text made of date-ish words, numbers and punctuation, to hit the rules.
    fn datey() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "on",
            "the",
            "night",
            "of",
            "November",
            "Nov",
            ".",
            "3",
            "4",
            "to",
            "and",
            "Saturday",
            "Sunday",
            "at",
            "end",
            "beginning",
            "July",
            "August",
            "2023",
            "2012",
            "between",
            "since",
            "late",
            "mid",
            "-",
            "by",
            "31",
            "December",
            "two",
            "days",
            "earlier",
            "later",
            "a",
            "week",
            "last",
            "next",
            "overnight",
            "into",
            "(",
            ")",
            ",",
            "1st",
            "2nd",
            "29",
            "February",
            "le",
            "1er",
            "novembre",
            "nuit",
            "du",
            "au",
            "fin",
            "début",
            "yesterday",
            "this",
            "month",
            "year",
            "few",
            "ago",
            "will",
            "'",
            "ll",
            "9999",
            "0",
            "00",
            "31st",
            "é",
            "—",
            "\n",
            "Monday",
            "that",
            "day",
            "before",
            "after",
            "eve",
        ]);
        prop::collection::vec(words, 0..40).prop_map(|ws| ws.join(" "))
    }

    fn any_ctx() -> impl Strategy<Value = DateContext> {
        (
            prop::option::of(-800_000i64..800_000),
            prop::option::of(-800_000i64..800_000),
            prop::option::of(-3000i32..3000),
        )
            .prop_map(|(p, a, y)| DateContext {
                published: p.map(Date::from_days),
                anchor: a.map(Date::from_days),
                year_hint: y,
            })
    }

    /// Contexts with raw, possibly invalid or extreme, public fields.
    fn raw_ctx() -> impl Strategy<Value = DateContext> {
        let raw_date = (any::<i32>(), any::<u8>(), any::<u8>()).prop_map(|(year, month, day)| Date { year, month, day });
        (prop::option::of(raw_date.clone()), prop::option::of(raw_date), prop::option::of(any::<i32>()))
            .prop_map(|(published, anchor, year_hint)| DateContext { published, anchor, year_hint })
    }

    proptest! {
        #[test]
        fn never_panics_with_extreme_contexts(text in datey(), ctx in raw_ctx()) {
            check_spans(&text, &ctx);
        }

        #[test]
        fn never_panics_on_unicode(text in "\\PC{0,200}", ctx in any_ctx()) {
            check_spans(&text, &ctx);
            let _ = find_dateline(&text);
            let _ = infer_published(&text);
        }

        #[test]
        fn spans_hold_on_datey_text(text in datey(), ctx in any_ctx()) {
            check_spans(&text, &ctx);
            let _ = find_dateline(&text);
            let _ = infer_year(&text);
        }

        #[test]
        fn day_numbers_round_trip(n in -3_000_000i64..3_000_000) {
            let date = Date::from_days(n);
            prop_assert_eq!(date.to_days(), n);
            prop_assert_eq!(Date::from_days(date.to_days()), date);
            prop_assert!(Date::new(date.year, date.month, date.day).is_some());
            prop_assert_eq!(Date::parse_iso(&date.iso()).filter(|_| (0..=9999).contains(&date.year)), (0..=9999).contains(&date.year).then_some(date));
        }

        #[test]
        fn add_days_agrees_with_weekday(n in -1_000_000i64..1_000_000, k in -10_000i64..10_000) {
            let date = Date::from_days(n);
            let later = date.add_days(k);
            prop_assert_eq!(later.to_days() - date.to_days(), k);
            prop_assert_eq!(later.weekday().index() as i64, (date.weekday().index() as i64 + k).rem_euclid(7));
            prop_assert_eq!(date.add_days(7).weekday(), date.weekday());
        }
    }
}

/// CPU time of this thread in seconds (Linux), so that the figure does not
/// depend on the machine's load; wall time elsewhere.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()))
        .map(|ns| ns / 1e9)
        .unwrap_or_else(|| std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64()))
}

/// Throughput on the seeds, sentence by sentence, in MB per CPU second
/// (run with `cargo test --release -p counterclaim-extract throughput -- --ignored --nocapture`).
#[test]
#[ignore]
fn throughput() {
    let mut all = String::new();
    for name in ["000", "001", "002", "003", "004"] {
        all.push_str(&seed(name));
        all.push('\n');
    }
    let paragraphs = crate::sentences::paragraphs(&all);
    let sentences: Vec<String> = crate::sentences::sentences(&all, &paragraphs)
        .iter()
        .map(|s| crate::text::slice_cp(&all, s.start, s.end).to_string())
        .collect();
    let bytes: usize = sentences.iter().map(|s| s.len()).sum();
    let ctx = published("2023-11-13");
    let rounds = (20_000_000 / bytes.max(1)).max(1);
    let mb = (bytes * rounds) as f64 / 1e6;
    let mut sink = 0usize;
    let t = cpu_seconds();
    for _ in 0..rounds {
        for s in &sentences {
            sink += s.chars().filter(|c| c.is_alphabetic()).count();
        }
    }
    println!("baseline (count letters): {:.0} MB/s", mb / (cpu_seconds() - t));
    let mut toks = Vec::new();
    let t = cpu_seconds();
    for _ in 0..rounds {
        for s in &sentences {
            lexer::tokenize(s, &mut toks);
            sink += toks.len();
        }
    }
    println!("tokenize: {:.0} MB/s", mb / (cpu_seconds() - t));
    let t = cpu_seconds();
    let mut mentions = 0usize;
    for _ in 0..rounds {
        for s in &sentences {
            mentions += find_dates(s, &ctx).len();
        }
    }
    println!("find_dates: {:.0} MB/s ({mentions} mentions in {mb:.0} MB)", mb / (cpu_seconds() - t));
    // Document level, as the engine calls it: four questions per article,
    // answered from one (cached) scan. Articles alternate, so every article
    // is scanned afresh.
    let docs: Vec<String> = ["000", "001", "002", "003", "004"].iter().map(|n| seed(n)).collect();
    let doc_bytes: usize = docs.iter().map(|d| d.len()).sum();
    let doc_rounds = (20_000_000 / doc_bytes.max(1)).max(1);
    let t = cpu_seconds();
    for _ in 0..doc_rounds {
        for d in &docs {
            sink += infer_year(d).is_some() as usize;
            sink += infer_year_near(d, 2024).is_some() as usize;
            sink += infer_published_with(d, Some(2024)).is_some() as usize;
            sink += year_candidates(d).len();
        }
    }
    println!("document level (4 calls per article): {:.0} MB/s", (doc_bytes * doc_rounds) as f64 / 1e6 / (cpu_seconds() - t));
    assert!(sink > 0 && mentions > 0);
}

#[test]
fn a_group_named_after_a_day_is_no_date() {
    let c = published("2023-10-06");
    assert!(find_dates("the June 5 Movement called a rally", &c).is_empty());
    assert!(find_dates("members of the Mouvement du 5 juin marched", &c).is_empty());
    assert!(find_dates("the March 23 Alliance said", &c).is_empty());
    // a day followed by other words is still a day
    assert_eq!(day_of("on June 5 the movement marched", &c), "2023-06-05");
}
