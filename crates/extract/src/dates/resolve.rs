//! Resolution of recognised expressions to concrete date ranges, using the
//! publication date, the narrative anchor and the year hint of a
//! [`DateContext`].
//!
//! Conventions (documented choices):
//! - Parts of a month: beginning = days 1–10, middle = 11–20, end = 21–last
//!   day, first half = 1–15, second half = 16–last; precision `Month`.
//!   "The first/second/third/fourth week of" = days 1–7/8–14/15–21/22–28,
//!   "the last week of" = the last seven days; precision `Week`.
//! - Parts of a year: beginning = January–March, middle = May–August,
//!   end = October–December, halves = January–June / July–December;
//!   precision `Month` (a whole year is `Year`).
//! - Parts of a week (Monday first): beginning = Monday–Wednesday, end =
//!   Thursday–Sunday; precision `Week`. "At the end of the week" without
//!   "this"/"last" means the previous week's end when the reference is a
//!   Monday–Wednesday.
//! - Nights run from the named day to the next ("overnight into Sunday":
//!   Saturday to Sunday); precision `Day`.
//! - Bare weekdays: against the publication date, the most recent such day
//!   on or before it (future tense: the next one after it); against the
//!   anchor alone, the nearest one.
//! - Counted shifts ("two days earlier", "a week later") land on one day,
//!   with precision `Day` or `Week`; "three months later" is that whole
//!   month, "a year ago" that whole year.
//! - "a few"/"several" units = 2 to 6 units; "in recent days" = the last 7
//!   days, "in recent weeks" = 4 weeks, "in recent months" = 6 months.
//! - "since X" runs from the start of X to the publication date (or anchor).
//! - Missing years: the year (publication year −1, same, +1) that puts the
//!   date closest to publication, future distances counting double; without
//!   publication, the one closest to the anchor (unless the year hint is
//!   more than a year away from it); else the year hint. A weekday given
//!   with the day-month picks, among those, the year that matches it
//!   (around the hint: the matching year nearest to it, within six years).

use super::calendar::Date;
use super::grammar::{Dir, Expr, Form, Part, Rel, Unit};
use super::{DateContext, Resolved};
use crate::model::Precision;

fn range(start: Date, end: Date, precision: Precision) -> Resolved {
    Resolved { start, end, precision }
}

fn day(d: Date) -> Resolved {
    range(d, d, Precision::Day)
}

fn reference(rel: Rel, ctx: &DateContext) -> Option<Date> {
    match rel {
        Rel::Pub => ctx.published.or(ctx.anchor),
        Rel::Anchor => ctx.anchor.or(ctx.published),
    }
}

/// Year for a day-month without one (see the module doc).
pub(crate) fn pick_year(m: u8, d: u8, wd: Option<u8>, ctx: &DateContext) -> Option<i32> {
    let matches_wd = |y: i32| match (wd, Date::new(y, m, d)) {
        (Some(w), Some(date)) => date.weekday().index() == w,
        (None, Some(_)) => true,
        (_, None) => false,
    };
    // Publication date (future distances count double), else the anchor
    // (symmetric) unless the year hint contradicts it.
    let reference = ctx
        .published
        .map(|p| (p, 2))
        .or_else(|| ctx.anchor.filter(|a| ctx.year_hint.is_none_or(|h| (a.year as i64 - h as i64).abs() <= 1)).map(|a| (a, 1)));
    if let Some((p, future_weight)) = reference {
        let score = |y: i32| {
            Date::new(y, m, d).map(|date| {
                let diff = p.days_until(date);
                if diff > 0 {
                    future_weight * diff
                } else {
                    -diff
                }
            })
        };
        let mut best: Option<(i64, i32)> = None;
        let mut best_wd: Option<(i64, i32)> = None;
        for y in [p.year.saturating_sub(1), p.year, p.year.saturating_add(1)] {
            if let Some(s) = score(y) {
                if best.is_none_or(|(b, _)| s < b) {
                    best = Some((s, y));
                }
                if wd.is_some() && matches_wd(y) && best_wd.is_none_or(|(b, _)| s < b) {
                    best_wd = Some((s, y));
                }
            }
        }
        if let Some((_, y)) = best_wd.or(best) {
            return Some(y);
        }
        // 29 February outside a leap year near publication: fall through.
    }
    let hint = ctx.year_hint.or(ctx.anchor.map(|a| a.year))?;
    if wd.is_none() {
        return Some(hint);
    }
    // The matching year nearest the hint (earlier first on ties), within ±6.
    for delta in 0..=6 {
        for y in [hint.saturating_sub(delta), hint.saturating_add(delta)] {
            if matches_wd(y) {
                return Some(y);
            }
        }
    }
    Some(hint)
}

fn month_range(y: i32, m: u8, part: Part, reference: Option<Date>) -> Option<Resolved> {
    let first = Date::new(y, m, 1)?;
    let last = first.month_end();
    let (a, b) = match part {
        Part::Whole => (first, last),
        Part::Begin => (first, Date { day: 10, ..first }),
        Part::Mid => (Date { day: 11, ..first }, Date { day: 20, ..first }),
        Part::End => (Date { day: 21, ..first }, last),
        Part::SoFar => (first, reference.filter(|r| *r >= first && *r <= last).unwrap_or(last)),
        Part::Rest => (reference.filter(|r| *r >= first && *r < last).map_or(first, |r| r.add_days(1)), last),
        Part::FirstHalf => (first, Date { day: 15, ..first }),
        Part::SecondHalf => (Date { day: 16, ..first }, last),
    };
    Some(range(a, b, Precision::Month))
}

fn year_range(y: i32, part: Part, reference: Option<Date>) -> Option<Resolved> {
    let first = Date::new(y, 1, 1)?;
    let last = Date::new(y, 12, 31)?;
    Some(match part {
        Part::Whole => range(first, last, Precision::Year),
        Part::Begin => range(first, Date::new(y, 3, 31)?, Precision::Month),
        Part::Mid => range(Date::new(y, 5, 1)?, Date::new(y, 8, 31)?, Precision::Month),
        Part::End => range(Date::new(y, 10, 1)?, last, Precision::Month),
        Part::SoFar => range(first, reference.filter(|r| r.year == y).unwrap_or(last), Precision::Month),
        Part::Rest => range(
            reference.filter(|r| r.year == y && *r < last).map_or(first, |r| r.add_days(1)),
            last,
            Precision::Month,
        ),
        Part::FirstHalf => range(first, Date::new(y, 6, 30)?, Precision::Month),
        Part::SecondHalf => range(Date::new(y, 7, 1)?, last, Precision::Month),
    })
}

fn week_range(monday: Date, part: Part, reference: Date) -> Resolved {
    let sunday = monday.add_days(6);
    let (a, b) = match part {
        Part::Whole | Part::FirstHalf | Part::SecondHalf => (monday, sunday),
        Part::Begin => (monday, monday.add_days(2)),
        Part::Mid => (monday.add_days(2), monday.add_days(4)),
        Part::End => (monday.add_days(3), sunday),
        Part::SoFar => (monday, if reference >= monday && reference <= sunday { reference } else { sunday }),
        Part::Rest => (if reference >= monday && reference < sunday { reference.add_days(1) } else { monday }, sunday),
    };
    range(a, b, Precision::Week)
}

/// A bare weekday. Against the publication date the news convention holds
/// (the most recent such day, possibly the publication day itself); against
/// the narrative anchor alone, the nearest such day. "last" is strictly
/// before, "next"/future tense strictly after, "this" the nearest.
fn resolve_weekday(wd: u8, dir: Dir, ctx: &DateContext) -> Option<Date> {
    let (r, from_pub) = match (ctx.published, ctx.anchor) {
        (Some(p), _) => (p, true),
        (None, Some(a)) => (a, false),
        (None, None) => return None,
    };
    Some(weekday_from(r, from_pub, wd, dir))
}

fn weekday_from(r: Date, from_pub: bool, wd: u8, dir: Dir) -> Date {
    let back = (r.weekday().index() as i64 - wd as i64).rem_euclid(7);
    let fwd = (7 - back) % 7;
    let offset = match dir {
        Dir::Auto if from_pub => -back,
        Dir::Auto | Dir::Nearest => {
            if back <= 3 {
                -back
            } else {
                fwd
            }
        }
        Dir::Past => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        Dir::Future => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
    };
    r.add_days(offset)
}

fn day_range_years(
    (d1, m1, d2, m2): (u8, u8, u8, u8),
    y: Option<i32>,
    wd: Option<u8>,
    ctx: &DateContext,
) -> Option<(Date, Date)> {
    let wraps = (m2, d2) < (m1, d1);
    match y {
        // An explicit year belongs to the end ("30 December to 2 January 2024").
        Some(y) => {
            let y1 = if wraps { y.saturating_sub(1) } else { y };
            Some((Date::new(y1, m1, d1)?, Date::new(y, m2, d2)?))
        }
        None => {
            let y1 = pick_year(m1, d1, wd, ctx)?;
            let y2 = if wraps { y1.saturating_add(1) } else { y1 };
            Some((Date::new(y1, m1, d1)?, Date::new(y2, m2, d2)?))
        }
    }
}

pub(crate) fn resolve(x: &Expr, ctx: &DateContext) -> Option<Resolved> {
    match *x {
        Expr::Iso { y, m, d } => Date::new(y, m, d).map(day),
        Expr::Day { d, m, y, wd } => {
            let y = match y {
                Some(y) => y,
                None => pick_year(m, d, wd, ctx)?,
            };
            Date::new(y, m, d).map(day)
        }
        Expr::DayRange { d1, m1, d2, m2, y, wd } => {
            let (a, b) = day_range_years((d1, m1, d2, m2), y, wd, ctx)?;
            (a <= b).then(|| range(a, b, Precision::Day))
        }
        Expr::Month { m, y, part } => {
            let mid = match part {
                Part::Begin => 5,
                Part::End => 25,
                _ => 15,
            };
            let y = match y {
                Some(y) => y,
                None => pick_year(m, mid, None, ctx)?,
            };
            month_range(y, m, part, ctx.published.or(ctx.anchor))
        }
        Expr::Year { y, part } => year_range(y, part, ctx.published.or(ctx.anchor)),
        Expr::Weekday { wd, dir } => resolve_weekday(wd, dir, ctx).map(day),
        Expr::DayOfMonth { d } => {
            let r = reference(Rel::Anchor, ctx)?;
            [-1, 0, 1]
                .into_iter()
                .filter_map(|k| {
                    let first = r.add_months_first(k);
                    Date::new(first.year, first.month, d)
                })
                .min_by_key(|c| r.days_until(*c).abs())
                .map(day)
        }
        Expr::AnchorWeekday { wd, dir } => reference(Rel::Anchor, ctx).map(|r| day(weekday_from(r, false, wd, dir))),
        Expr::MonthWeek { m, y, nth } => {
            let y = match y {
                Some(y) => y,
                None => pick_year(m, if nth == 4 { 25 } else { 1 + 7 * nth }, None, ctx)?,
            };
            let first = Date::new(y, m, 1)?;
            let start = if nth == 4 { first.month_end().add_days(-6) } else { first.add_days(7 * nth as i64) };
            Some(range(start, start.add_days(6), Precision::Week))
        }
        Expr::Shift { rel, n, unit, part } => {
            let r = reference(rel, ctx)?;
            match unit {
                Unit::Day => Some(day(r.add_days(n))),
                Unit::Week => Some(week_range(r.week_start().add_days(7 * n), part, r)),
                Unit::Month => {
                    let first = r.add_months_first(n.clamp(-1200, 1200) as i32);
                    month_range(first.year, first.month, part, Some(r))
                }
                Unit::Year => year_range(r.year.saturating_add(n.clamp(-1000, 1000) as i32), part, Some(r)),
            }
        }
        Expr::Offset { rel, n, unit } => {
            let r = reference(rel, ctx)?;
            match unit {
                Unit::Day => Some(day(r.add_days(n))),
                Unit::Week => {
                    let d = r.add_days(7 * n);
                    Some(range(d, d, Precision::Week))
                }
                Unit::Month => {
                    let first = r.add_months_first(n.clamp(-1200, 1200) as i32);
                    month_range(first.year, first.month, Part::Whole, None)
                }
                Unit::Year => year_range(r.year.saturating_add(n.clamp(-1000, 1000) as i32), Part::Whole, None),
            }
        }
        Expr::ImplicitWeekEnd { rel } => {
            let r = reference(rel, ctx)?;
            let monday = r.week_start();
            let monday = if r.weekday().index() <= 2 { monday.add_days(-7) } else { monday };
            Some(week_range(monday, Part::End, r))
        }
        Expr::Span { rel, from, to, unit } => {
            let r = reference(rel, ctx)?;
            let k = match unit {
                Unit::Day => 1,
                Unit::Week => 7,
                Unit::Month => 30,
                Unit::Year => 365,
            };
            let precision = match unit {
                Unit::Day if to - from <= 1 => Precision::Day,
                Unit::Day => Precision::Week,
                Unit::Week | Unit::Month => Precision::Month,
                Unit::Year => Precision::Year,
            };
            Some(range(r.add_days(from * k), r.add_days(to * k), precision))
        }
        Expr::Weekend { rel, offset, recent } => {
            let r = reference(rel, ctx)?;
            let sat = if recent {
                let back = (r.weekday().index() as i64 - 5).rem_euclid(7);
                r.add_days(-back)
            } else {
                r.week_start().add_days(7 * offset + 5)
            };
            Some(range(sat, sat.add_days(1), Precision::Day))
        }
    }
}

/// Gives a year-less left side of a range the year of the right side (one
/// less if that would put it after the right side).
fn fill_year(a: Expr, right: &Resolved, ctx: &DateContext) -> Option<Resolved> {
    let with_year = |y: i32| match a {
        Expr::Day { d, m, y: None, wd } => Some(Expr::Day { d, m, y: Some(y), wd }),
        Expr::DayRange { d1, m1, d2, m2, y: None, wd } => Some(Expr::DayRange { d1, m1, d2, m2, y: Some(y), wd }),
        Expr::Month { m, y: None, part } => Some(Expr::Month { m, y: Some(y), part }),
        _ => None,
    };
    match with_year(right.start.year) {
        Some(x) => {
            let r = resolve(&x, ctx)?;
            if r.start > right.start {
                resolve(&with_year(right.start.year.saturating_sub(1))?, ctx)
            } else {
                Some(r)
            }
        }
        None => resolve(&a, ctx),
    }
}

pub(crate) fn resolve_form(f: &Form, ctx: &DateContext) -> Option<Resolved> {
    match f {
        Form::One(x) => resolve(x, ctx),
        Form::Range(a, b) => {
            let rb = resolve(b, ctx)?;
            let ra = fill_year(*a, &rb, ctx)?;
            (ra.start <= rb.end).then(|| range(ra.start, rb.end.max(ra.end), ra.precision.max(rb.precision)))
        }
        Form::Since(x) => {
            let r = resolve(x, ctx)?;
            match ctx.published.or(ctx.anchor) {
                Some(p) if p >= r.start => Some(range(r.start, p, r.precision)),
                _ => Some(r),
            }
        }
        Form::NightInto(x) => {
            let r = resolve(x, ctx)?;
            Some(range(r.start.add_days(-1), r.start, Precision::Day))
        }
        Form::Night(x) => {
            let r = resolve(x, ctx)?;
            match x {
                Expr::DayRange { .. } => Some(r),
                _ => Some(range(r.start, r.start.add_days(1), Precision::Day)),
            }
        }
    }
}
