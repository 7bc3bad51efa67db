//! Calendar dates ("October 5", "5 October 2023", "Sunday November 12",
//! "2023-11-12", day ranges), months, years and parts of them ("the end of
//! July", "mid-2023", "the first week of November").

use super::{Expr, Part, Rel, Unit, G};
use crate::dates::lexer::W;

impl<'a> G<'a> {
    /// ISO `YYYY-MM-DD` (all glued).
    pub(super) fn iso(&self, i: usize) -> Option<(usize, Expr)> {
        let (y, yd, _) = self.num(i)?;
        let (m, md, _) = self.num(i + 2)?;
        let (d, dd, _) = self.num(i + 4)?;
        let glued = (i..i + 4).all(|k| self.glued(k));
        if yd == 4 && md == 2 && dd == 2 && glued && self.p(i + 1, '-') && self.p(i + 3, '-') {
            let e = i + 5;
            crate::dates::calendar::Date::new(y as i32, m as u8, d as u8)?;
            return Some((e, Expr::Iso { y: y as i32, m: m as u8, d: d as u8 }));
        }
        None
    }

    /// Optional ", 2023" / " 2023" after a day-month.
    pub(super) fn opt_year(&self, k: usize) -> (usize, Option<i32>) {
        if let Some(y) = self.year(k) {
            return (k + 1, Some(y));
        }
        if self.p(k, ',') {
            if let Some(y) = self.year(k + 1) {
                return (k + 2, Some(y));
            }
        }
        (k, None)
    }

    /// Day and month without weekday: "October 5", "October 5, 2023",
    /// "Oct. 5", "5 October 2023", "the 5th of October", "3 to 4 November",
    /// "November 3-4", "30 October to 2 November", "November 2023",
    /// "12 novembre", and (when `bare_ok`) a bare month.
    pub(super) fn day_month(&self, j: usize, bare_ok: bool) -> Option<(usize, Expr)> {
        if let Some(x) = self.iso(j) {
            return Some(x);
        }
        if let Some((m, k, strong)) = self.month(j) {
            if let Some(d1) = self.day(k) {
                let mut k = k + 1;
                let (mut d2, mut m2) = (d1, m);
                if self.range_joiner(k) {
                    if let Some(d) = self.day(k + 1).filter(|&d| d > d1) {
                        // "November 3 to 4" (but not "November 3 to 4 December": handled below)
                        if self.month(k + 2).is_none() {
                            d2 = d;
                            k += 2;
                        }
                    } else if let Some((m_b, k_b, _)) = self.month(k + 1) {
                        if let Some(d) = self.day(k_b) {
                            d2 = d;
                            m2 = m_b;
                            k = k_b + 1;
                        }
                    }
                }
                let (k, y) = self.opt_year(k);
                let x = if (d2, m2) == (d1, m) {
                    Expr::Day { d: d1, m, y, wd: None }
                } else {
                    Expr::DayRange { d1, m1: m, d2, m2, y, wd: None }
                };
                return Some((k, x));
            }
            if let Some(y) = self.year(k) {
                return Some((k + 1, Expr::Month { m, y: Some(y), part: Part::Whole }));
            }
            // Abbreviations never stand alone: "by Jan Egeland" is not a date.
            let abbr = matches!(self.w(j), W::MonthAbbr(_));
            if bare_ok && !abbr && (strong || self.month_trigger(j)) {
                return Some((k, Expr::Month { m, y: None, part: Part::Whole }));
            }
            return None;
        }
        // Day first.
        let mut k = j;
        if self.is(k, W::The) && self.num(k + 1).is_some_and(|n| n.2) {
            k += 1;
        }
        let d1 = self.day(k)?;
        k += 1;
        let mut d2 = None;
        let mut m1 = None;
        if self.range_joiner(k) {
            if let Some(d) = self.day(k + 1) {
                d2 = Some(d);
                k += 2;
            }
        } else if let Some((m, km, _)) = self.month(k) {
            // "30 October to 2 November"
            if self.range_joiner(km) && self.day(km + 1).is_some() && self.month(km + 2).is_some() {
                m1 = Some(m);
                d2 = self.day(km + 1);
                k = km + 2;
            }
        }
        if self.is(k, W::Of) || self.is(k, W::De) {
            k += 1;
        }
        let (m, km, _) = self.month(k)?;
        let (k, y) = self.opt_year(km);
        let x = match (d2, m1) {
            (Some(d2), Some(m1)) => Expr::DayRange { d1, m1, d2, m2: m, y, wd: None },
            (Some(d2), None) if d2 > d1 => Expr::DayRange { d1, m1: m, d2, m2: m, y, wd: None },
            (Some(_), None) => return None,
            _ => Expr::Day { d: d1, m, y, wd: None },
        };
        Some((k, x))
    }

    /// "on the 2nd," — an ordinal day alone after "on the", not followed by a
    /// word ("the 2nd battalion", "the 21st century" are not dates).
    pub(super) fn day_only(&self, i: usize) -> Option<(usize, Expr)> {
        if i == 0 || !self.is(i - 1, W::On) || !self.is(i, W::The) {
            return None;
        }
        let (_, _, ordinal) = self.num(i + 1)?;
        let d = self.day(i + 1).filter(|_| ordinal)?;
        if self.is_word(i + 2) || self.num(i + 2).is_some() {
            return None;
        }
        Some((i + 2, Expr::DayOfMonth { d }))
    }

    /// A day-month optionally preceded by a weekday: "Sunday November 12",
    /// "Saturday, November 11", "Thursday evening, October 5",
    /// "Monday (October 2nd)", "Thursday 12 September", "lundi 12 novembre".
    pub(super) fn date(&self, i: usize, bare_ok: bool) -> Option<(usize, Expr)> {
        if let Some(wd) = self.weekday(i) {
            let mut j = i + 1;
            if self.time_of_day(j) {
                j += 1;
            }
            if self.p(j, ',') {
                j += 1;
            }
            let paren = self.p(j, '(');
            if paren {
                j += 1;
            }
            let (mut e, x) = self.day_month(j, false)?;
            if paren && self.p(e, ')') {
                e += 1;
            }
            let x = match x {
                Expr::Day { d, m, y, .. } => Expr::Day { d, m, y, wd: Some(wd) },
                Expr::DayRange { d1, m1, d2, m2, y, .. } => Expr::DayRange { d1, m1, d2, m2, y, wd: Some(wd) },
                _ => return None,
            };
            return Some((e, x));
        }
        self.day_month(i, bare_ok)
    }

    /// "the end of", "the beginning of", "early", "late", "mid-", "fin",
    /// "début", "mi-", "the middle of": returns (next token, part).
    pub(super) fn part_prefix(&self, i: usize) -> Option<(usize, Part)> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        if matches!(self.w(j), W::First | W::Second) && self.is(j + 1, W::Half) && self.is(j + 2, W::Of) {
            let part = if self.w(j) == W::First { Part::FirstHalf } else { Part::SecondHalf };
            return Some((j + 3, part));
        }
        let part = match self.w(j) {
            W::End => Part::End,
            W::Beginning | W::Start => Part::Begin,
            W::Middle => Part::Mid,
            W::Early if j == i => return Some((i + 1, Part::Begin)),
            W::Late if j == i => return Some((i + 1, Part::End)),
            W::Mid | W::Mi if j == i => {
                let k = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
                return Some((k, Part::Mid));
            }
            W::Fin | W::Debut if j == i => {
                let k = if self.is(i + 1, W::De) {
                    if self.p(i + 2, '\'') || self.p(i + 2, '’') {
                        i + 3
                    } else {
                        i + 2
                    }
                } else {
                    i + 1
                };
                return Some((k, if self.w(i) == W::Fin { Part::End } else { Part::Begin }));
            }
            _ => return None,
        };
        if self.is(j + 1, W::Of) {
            Some((j + 2, part))
        } else {
            None
        }
    }

    /// What follows a part prefix: a month, a year, or "the/this/last/next week|month|year".
    pub(super) fn part_target(&self, k: usize, part: Part) -> Option<(usize, Expr)> {
        if let Some((m, km, _)) = self.month(k) {
            if let Some(y) = self.year(km) {
                return Some((km + 1, Expr::Month { m, y: Some(y), part }));
            }
            if self.day(km).is_some() {
                return None;
            }
            return Some((km, Expr::Month { m, y: None, part }));
        }
        if let Some(y) = self.year(k) {
            return Some((k + 1, Expr::Year { y, part }));
        }
        let (n, rel) = match self.w(k) {
            W::The => (0, Rel::Pub),
            W::This => (0, Rel::Pub),
            W::Last | W::Past => (-1, Rel::Pub),
            W::Next | W::Coming => (1, Rel::Pub),
            W::That => (0, Rel::Anchor),
            _ => return None,
        };
        let unit = match self.w(k + 1) {
            W::Week => Unit::Week,
            W::Month_ => Unit::Month,
            W::Year_ => Unit::Year,
            _ => return None,
        };
        if unit == Unit::Week && part == Part::End && self.w(k) == W::The {
            return Some((k + 2, Expr::ImplicitWeekEnd { rel }));
        }
        Some((k + 2, Expr::Shift { rel, n, unit, part }))
    }

    pub(super) fn part_expr(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(x) = self.month_week(i) {
            return Some(x);
        }
        let (k, part) = self.part_prefix(i)?;
        self.part_target(k, part)
    }

    /// "the first week of November (2023)", "the last week of July".
    pub(super) fn month_week(&self, i: usize) -> Option<(usize, Expr)> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let nth = match self.w(j) {
            W::First => 0,
            W::Second => 1,
            W::Third => 2,
            W::Fourth => 3,
            W::Last => 4,
            _ => return None,
        };
        if !(self.is(j + 1, W::Week) && self.is(j + 2, W::Of)) {
            return None;
        }
        let (m, km, _) = self.month(j + 3)?;
        let (e, y) = match self.year(km) {
            Some(y) => (km + 1, Some(y)),
            None => (km, None),
        };
        Some((e, Expr::MonthWeek { m, y, nth }))
    }
}
