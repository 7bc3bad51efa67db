//! The date grammar: recognises date expressions over the token stream and
//! produces unresolved [`Expr`]essions wrapped in a [`Form`]. Resolution
//! against publication date / narrative anchor happens in `resolve`.
//!
//! Each rule is a small hand-written function over token indices; rules are
//! tried longest-first at every token, and a match consumes its tokens.

use super::lexer::{Tok, K, W};
use super::MentionKind;

/// Which part of a month, year or week an expression covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Whole,
    /// "the beginning of", "early", "début".
    Begin,
    /// "mid-", "the middle of".
    Mid,
    /// "the end of", "late", "fin".
    End,
    /// "earlier this …": from the start of the unit up to the reference day.
    SoFar,
    /// "later this …": from the day after the reference to the end of the unit.
    Rest,
}

/// How a bare weekday is placed relative to the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// News convention: past unless the sentence is future tense.
    Auto,
    /// "last Monday": strictly before the reference.
    Past,
    /// "next Monday", "will … on Monday": strictly after the reference.
    Future,
    /// "this Monday": the nearest such day.
    Nearest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// What the offsets of a relative expression count from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// The publication date ("yesterday", "last week").
    Pub,
    /// The narrative anchor ("the day before", "two days later").
    Anchor,
}

/// An unresolved date expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expr {
    Iso { y: i32, m: u8, d: u8 },
    Day { d: u8, m: u8, y: Option<i32>, wd: Option<u8> },
    /// "November 3 to 4", "3-4 November", "30 October to 2 November".
    DayRange { d1: u8, m1: u8, d2: u8, m2: u8, y: Option<i32>, wd: Option<u8> },
    Month { m: u8, y: Option<i32>, part: Part },
    Year { y: i32, part: Part },
    Weekday { wd: u8, dir: Dir },
    /// A whole unit shifted by `n` units from the reference ("yesterday",
    /// "last week", "two days later", "the previous month").
    Shift { rel: Rel, n: i64, unit: Unit, part: Part },
    /// "at the end of the week" without "last"/"this": the current week, or
    /// the previous one when the reference is early in the week.
    ImplicitWeekEnd { rel: Rel },
    /// A counted shift landing on one date ("two days earlier", "a week
    /// later", "three years ago"): `n` units from the reference.
    Offset { rel: Rel, n: i64, unit: Unit },
    /// A fuzzy span of days around the reference ("a few days ago",
    /// "the following days"): `[from, to]` days from it.
    Span { rel: Rel, from: i64, to: i64, unit: Unit },
    /// Saturday–Sunday: `offset` weeks from the reference's week; `recent`
    /// = the most recent weekend on or before the reference.
    Weekend { rel: Rel, offset: i64, recent: bool },
}

/// A recognised expression with its wrapper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    One(Expr),
    /// "between X and Y", "from X to Y", "the end of July and beginning of August".
    Range(Expr, Expr),
    /// "since X": from X to the reference.
    Since(Expr),
    /// "the night of X (to Y)": X to the day after (or to Y for a day range).
    Night(Expr),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    /// Token range `[s, e)`.
    pub s: usize,
    pub e: usize,
    pub kind: MentionKind,
    pub form: Form,
}

pub(crate) struct G<'a> {
    pub t: &'a [Tok],
}

/// Sentence-internal punctuation that ends the look-back for future tense.
fn clause_break(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '«' | '»' | '.' | '!' | '?' | '(' | ')')
}

impl<'a> G<'a> {
    fn w(&self, i: usize) -> W {
        match self.t.get(i) {
            Some(Tok { k: K::Word(w), .. }) => *w,
            _ => W::Other,
        }
    }
    fn is_word(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(Tok { k: K::Word(_), .. }))
    }
    fn is(&self, i: usize, w: W) -> bool {
        matches!(self.t.get(i), Some(Tok { k: K::Word(x), .. }) if *x == w)
    }
    fn p(&self, i: usize, c: char) -> bool {
        matches!(self.t.get(i), Some(Tok { k: K::Punct(x), .. }) if *x == c)
    }
    fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i) {
            Some(Tok { k: K::Punct(c), .. }) => Some(*c),
            _ => None,
        }
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }
    /// Tokens `i` and `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.b1 == b.b0,
            _ => false,
        }
    }
    fn num(&self, i: usize) -> Option<(u32, u8, bool)> {
        match self.t.get(i) {
            Some(Tok { k: K::Num { value, digits, ordinal }, .. }) => Some((*value, *digits, *ordinal)),
            _ => None,
        }
    }

    /// A day of the month: one or two digits, 1–31, optionally ordinal.
    fn day(&self, i: usize) -> Option<u8> {
        let (v, d, _) = self.num(i)?;
        ((1..=2).contains(&d) && (1..=31).contains(&v) && !self.p(i + 1, '%')).then_some(v as u8)
    }

    /// A four-digit year 1900–2099 that is not a count or an identifier.
    fn year(&self, i: usize) -> Option<i32> {
        let (v, d, ord) = self.num(i)?;
        if d != 4 || ord || !(1900..=2099).contains(&v) {
            return None;
        }
        if self.is(i + 1, W::CountNoun) || self.p(i + 1, '%') {
            return None;
        }
        if i > 0 && (self.is(i - 1, W::NumPrefix) || matches!(self.punct(i - 1), Some('$' | '€' | '£' | '#' | '№'))) {
            return None;
        }
        // Part of a longer digit sequence ("2023 2024 2025" is fine; "+2023" or "12-2023" codes are not).
        if i > 0 && self.glued(i - 1) && matches!(self.punct(i - 1), Some('+' | '/' | '_' | '=')) {
            return None;
        }
        Some(v as i32)
    }

    /// A month name at `i`: (month, end token, strong). Weak names ("May",
    /// "March", abbreviations, French names) need a day, a year or a
    /// trigger word to count.
    fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        match self.w(i) {
            W::Month(m) if self.cap(i) => Some((m, i + 1, m != 3 && m != 5)),
            W::MonthAbbr(m) if self.cap(i) => {
                let e = if self.p(i + 1, '.') && self.glued(i) { i + 2 } else { i + 1 };
                Some((m, e, false))
            }
            W::MonthFr(m) => Some((m, i + 1, false)),
            _ => None,
        }
    }

    fn weekday(&self, i: usize) -> Option<u8> {
        match self.w(i) {
            W::Wd(d) if self.cap(i) => Some(d),
            W::WdFr(d) => Some(d),
            _ => None,
        }
    }

    fn time_of_day(&self, i: usize) -> bool {
        matches!(self.w(i), W::Morning | W::Evening | W::Afternoon | W::Dawn | W::Noon)
    }

    /// The word before `i` makes a following bare month or weak month a date.
    fn month_trigger(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.w(i - 1),
                W::In | W::Since | W::Until | W::Till | W::By | W::From | W::To | W::During | W::Early
                    | W::Late | W::Mid | W::Of | W::Last | W::Next | W::This | W::En | W::Depuis | W::Fin
                    | W::Debut | W::Mi | W::Through | W::Between | W::And | W::Au | W::De
            )
            || (i > 1 && self.p(i - 1, '-') && matches!(self.w(i - 2), W::Mid | W::Mi))
    }

    fn range_joiner(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—')) || matches!(self.w(i), W::To | W::Au | W::And | W::AFr | W::Through)
    }

    /// Small count: digits (≤ 3), number words, "a"/"an".
    fn count(&self, i: usize) -> Option<i64> {
        if let Some((v, d, ord)) = self.num(i) {
            return ((1..=3).contains(&d) && !ord).then_some(v as i64);
        }
        match self.w(i) {
            W::NumWord(n) => Some(n as i64),
            W::A => Some(1),
            _ => None,
        }
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        Some(match self.w(i) {
            W::Day | W::Days => Unit::Day,
            W::Week | W::Weeks => Unit::Week,
            W::Month_ | W::Months => Unit::Month,
            W::Year_ | W::Years => Unit::Year,
            _ => return None,
        })
    }

    // ---------------------------------------------------------------- dates

    /// ISO `YYYY-MM-DD` (all glued).
    fn iso(&self, i: usize) -> Option<(usize, Expr)> {
        let (y, yd, _) = self.num(i)?;
        let (m, md, _) = self.num(i + 2)?;
        let (d, dd, _) = self.num(i + 4)?;
        let glued = (i..i + 4).all(|k| self.glued(k));
        if yd == 4 && md == 2 && dd == 2 && glued && self.p(i + 1, '-') && self.p(i + 3, '-') {
            let e = i + 5;
            super::calendar::Date::new(y as i32, m as u8, d as u8)?;
            return Some((e, Expr::Iso { y: y as i32, m: m as u8, d: d as u8 }));
        }
        None
    }

    /// Optional ", 2023" / " 2023" after a day-month.
    fn opt_year(&self, k: usize) -> (usize, Option<i32>) {
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
    fn day_month(&self, j: usize, bare_ok: bool) -> Option<(usize, Expr)> {
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
            if bare_ok && (strong || self.month_trigger(j)) {
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

    /// A day-month optionally preceded by a weekday: "Sunday November 12",
    /// "Saturday, November 11", "Thursday evening, October 5",
    /// "Monday (October 2nd)", "Thursday 12 September", "lundi 12 novembre".
    fn date(&self, i: usize, bare_ok: bool) -> Option<(usize, Expr)> {
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
    fn part_prefix(&self, i: usize) -> Option<(usize, Part)> {
        let j = if self.is(i, W::The) { i + 1 } else { i };
        let part = match self.w(j) {
            W::End => Part::End,
            W::Beginning | W::Start => Part::Begin,
            W::Middle => Part::Mid,
            W::Early if j == i => return Some((i + 1, Part::Begin)),
            W::Late if j == i => return Some((i + 1, Part::End)),
            W::Mid | W::Mi if j == i => {
                let k = if self.p(i + 1, '-') { i + 2 } else { i + 1 };
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
    fn part_target(&self, k: usize, part: Part) -> Option<(usize, Expr)> {
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

    fn part_expr(&self, i: usize) -> Option<(usize, Expr)> {
        let (k, part) = self.part_prefix(i)?;
        self.part_target(k, part)
    }

    /// Relative expressions: "yesterday", "last week", "this month",
    /// "earlier this year", "the day before", "two days later", "a few days ago", …
    fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        let shift = |rel, n, unit| Expr::Shift { rel, n, unit, part: Part::Whole };
        match self.w(i) {
            W::Yesterday | W::Hier => return Some((i + 1, shift(Rel::Pub, -1, Unit::Day))),
            W::Today => return Some((i + 1, shift(Rel::Pub, 0, Unit::Day))),
            W::Tomorrow | W::Demain => return Some((i + 1, shift(Rel::Pub, 1, Unit::Day))),
            W::Aujourd if matches!(self.punct(i + 1), Some('\'' | '’')) && self.is_word(i + 2) => {
                return Some((i + 3, shift(Rel::Pub, 0, Unit::Day)))
            }
            W::Earlier | W::Later if self.is(i + 1, W::This) => {
                let unit = self.unit(i + 2).filter(|u| *u != Unit::Day)?;
                let part = if self.w(i) == W::Earlier { Part::SoFar } else { Part::Rest };
                return Some((i + 3, Expr::Shift { rel: Rel::Pub, n: 0, unit, part }));
            }
            W::This | W::Last | W::Next | W::Past | W::Coming => {
                let n = match self.w(i) {
                    W::This => 0,
                    W::Last | W::Past => -1,
                    _ => 1,
                };
                if self.is(i + 1, W::Weekend) {
                    return Some((i + 2, Expr::Weekend { rel: Rel::Pub, offset: n, recent: false }));
                }
                if self.w(i) == W::This && self.time_of_day(i + 1) {
                    return Some((i + 2, shift(Rel::Pub, 0, Unit::Day)));
                }
                if let Some(unit @ (Unit::Week | Unit::Month | Unit::Year)) = self.unit(i + 1) {
                    if matches!(self.w(i + 1), W::Week | W::Month_ | W::Year_) {
                        if self.w(i) == W::Past && unit == Unit::Week {
                            return Some((i + 2, Expr::Span { rel: Rel::Pub, from: -7, to: 0, unit: Unit::Day }));
                        }
                        return Some((i + 2, shift(Rel::Pub, n, unit)));
                    }
                }
                if self.w(i) == W::Last && self.is(i + 1, W::Night) {
                    return Some((i + 2, shift(Rel::Pub, -1, Unit::Day)));
                }
                if let Some(wd) = self.weekday(i + 1) {
                    let dir = match self.w(i) {
                        W::This => Dir::Nearest,
                        W::Last | W::Past => Dir::Past,
                        _ => Dir::Future,
                    };
                    let mut e = i + 2;
                    if self.time_of_day(e) {
                        e += 1;
                    }
                    return Some((e, Expr::Weekday { wd, dir }));
                }
                return None;
            }
            _ => {}
        }
        // "the day before", "the previous day", "that day", "the following days", …
        if matches!(self.w(i), W::The | W::That) {
            let that = self.w(i) == W::That;
            let j = i + 1;
            let anchor = |n, unit| Some((0usize, Expr::Shift { rel: Rel::Anchor, n, unit, part: Part::Whole }));
            let r: Option<(usize, Expr)> = match (self.w(j), self.unit(j), self.unit(j + 1)) {
                (W::Day, _, _) if that => anchor(0, Unit::Day).map(|(_, x)| (j + 1, x)),
                (W::Night, _, _) if that => Some((j + 1, Expr::Span { rel: Rel::Anchor, from: 0, to: 1, unit: Unit::Day })),
                (W::Morning | W::Evening | W::Afternoon, _, _) if that => anchor(0, Unit::Day).map(|(_, x)| (j + 1, x)),
                (W::Week | W::Month_ | W::Year_, Some(u), _) if that => anchor(0, u).map(|(_, x)| (j + 1, x)),
                (W::Same, _, Some(u)) if !that && matches!(self.w(j + 1), W::Day | W::Week | W::Month_ | W::Year_) => {
                    anchor(0, u).map(|(_, x)| (j + 2, x))
                }
                (W::Previous, _, Some(u)) if !that && matches!(self.w(j + 1), W::Day | W::Week | W::Month_ | W::Year_) => {
                    anchor(-1, u).map(|(_, x)| (j + 2, x))
                }
                (W::Next | W::Following, _, Some(u)) if !that && matches!(self.w(j + 1), W::Day | W::Week | W::Month_ | W::Year_) => {
                    anchor(1, u).map(|(_, x)| (j + 2, x))
                }
                (W::Following | W::Next, _, Some(Unit::Day)) if !that && self.is(j + 1, W::Days) => {
                    Some((j + 2, Expr::Span { rel: Rel::Anchor, from: 1, to: 7, unit: Unit::Day }))
                }
                (W::Day, _, _) if !that && matches!(self.w(j + 1), W::Before | W::After) && !self.after_is_word(j + 2) => {
                    let n = if self.is(j + 1, W::Before) { -1 } else { 1 };
                    anchor(n, Unit::Day).map(|(_, x)| (j + 2, x))
                }
                (W::Eve, _, _) if !that && !self.is(j + 1, W::Of) => anchor(-1, Unit::Day).map(|(_, x)| (j + 1, x)),
                _ => None,
            };
            if r.is_some() {
                return r;
            }
            if !that && self.is(j, W::Weekend) {
                return Some((j + 1, Expr::Weekend { rel: Rel::Pub, offset: 0, recent: true }));
            }
        }
        // "two days earlier", "a week later", "three days ago", "a few days ago".
        let (n, k) = if self.is(i, W::A) && self.is(i + 1, W::Few) {
            (None, i + 2)
        } else if self.is(i, W::Several) || (self.is(i, W::Few) && i > 0 && !self.is(i - 1, W::A)) {
            (None, i + 1)
        } else {
            (Some(self.count(i)?), i + 1)
        };
        let unit = self.unit(k)?;
        let (rel, sign) = match self.w(k + 1) {
            W::Earlier => (Rel::Anchor, -1),
            W::Later => (Rel::Anchor, 1),
            W::Before if !self.after_is_word(k + 2) => (Rel::Anchor, -1),
            W::After if !self.after_is_word(k + 2) => (Rel::Anchor, 1),
            W::Ago => (Rel::Pub, -1),
            _ => return None,
        };
        let e = k + 2;
        Some(match n {
            Some(n) => (e, Expr::Offset { rel, n: sign * n, unit }),
            None => {
                // "a few"/"several": 2–6 units.
                let (a, b) = if sign < 0 { (-6, -2) } else { (2, 6) };
                (e, Expr::Span { rel, from: a, to: b, unit })
            }
        })
    }

    /// True when token `i` is a word other than "that" (so "the day before
    /// the attack" is relative to something unknown, not to the anchor).
    fn after_is_word(&self, i: usize) -> bool {
        self.is_word(i) && !self.is(i, W::That) && !self.is(i, W::Yesterday)
    }

    /// Bare weekday, with optional time of day ("on Monday", "Sunday morning").
    fn bare_weekday(&self, i: usize) -> Option<(usize, Expr)> {
        let wd = self.weekday(i)?;
        let mut e = i + 1;
        if self.time_of_day(e) {
            e += 1;
        }
        let dir = if self.future_context(i) { Dir::Future } else { Dir::Auto };
        Some((e, Expr::Weekday { wd, dir }))
    }

    /// Future tense shortly before token `i` in the same clause ("will meet
    /// on Monday", "is scheduled for Friday", "the talks, due to resume").
    fn future_context(&self, i: usize) -> bool {
        let lo = i.saturating_sub(7);
        for k in (lo..i).rev() {
            if let Some(c) = self.punct(k) {
                if clause_break(c) {
                    return false;
                }
                if c == '\'' || c == '’' {
                    continue;
                }
            }
            match self.w(k) {
                W::Will | W::Shall | W::Scheduled | W::Expected | W::Due | W::Planned | W::Next | W::Coming => return true,
                W::Ll if k > 0 && matches!(self.punct(k - 1), Some('\'' | '’')) => return true,
                _ => {}
            }
        }
        false
    }

    /// One expression of any kind (no wrapper) at `i`.
    fn expr(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(x) = self.date(i, true) {
            return Some(x);
        }
        if let Some(x) = self.part_expr(i) {
            return Some(x);
        }
        if let Some(x) = self.relative(i) {
            return Some(x);
        }
        if let Some(x) = self.bare_weekday(i) {
            return Some(x);
        }
        if let Some(y) = self.year(i) {
            // "2012-2014", "2012–14"
            return Some((i + 1, Expr::Year { y, part: Part::Whole }));
        }
        None
    }

    /// Night expressions: "the night of November 3 to 4", "the night from
    /// Saturday to Sunday", "overnight Saturday", "Saturday night",
    /// "la nuit du 3 au 4 novembre", "dans la nuit de samedi à dimanche".
    fn night(&self, i: usize) -> Option<(usize, Expr)> {
        let j = if matches!(self.w(i), W::The | W::La) { i + 1 } else { i };
        match self.w(j) {
            W::Night | W::Nuit => {
                if !matches!(self.w(j + 1), W::Of | W::From | W::Du | W::De) {
                    return None;
                }
                let k = j + 2;
                if let Some(wd) = self.weekday(k) {
                    let mut e = k + 1;
                    if self.range_joiner(e) && self.weekday(e + 1).is_some() {
                        e += 2;
                    }
                    return Some((e, Expr::Weekday { wd, dir: Dir::Auto }));
                }
                let (e, x) = self.day_month(k, false)?;
                matches!(x, Expr::Day { .. } | Expr::DayRange { .. } | Expr::Iso { .. }).then_some((e, x))
            }
            W::Overnight if j == i => {
                let mut k = i + 1;
                if matches!(self.w(k), W::On | W::Into | W::To) {
                    k += 1;
                }
                if let Some((e, x)) = self.date(k, false) {
                    return Some((e, x));
                }
                let wd = self.weekday(k)?;
                let mut e = k + 1;
                if (self.range_joiner(e) || self.is(e, W::Into)) && self.weekday(e + 1).is_some() {
                    e += 2;
                }
                let dir = if self.future_context(i) { Dir::Future } else { Dir::Auto };
                Some((e, Expr::Weekday { wd, dir }))
            }
            _ => {
                // "Saturday night", "Saturday to Sunday night"
                let wd = self.weekday(i)?;
                if self.is(i + 1, W::Night) {
                    let dir = if self.future_context(i) { Dir::Future } else { Dir::Auto };
                    return Some((i + 2, Expr::Weekday { wd, dir }));
                }
                None
            }
        }
    }

    /// Tries every rule at token `i`, longest and most specific first.
    pub(crate) fn hit_at(&self, i: usize) -> Option<Hit> {
        let hit = |e: usize, kind, form| Some(Hit { s: i, e, kind, form });
        match self.w(i) {
            W::Since | W::Depuis => {
                let j = i + 1;
                // "since the night of …" dates the start itself: left to the night rule.
                if self.night(j).is_some() {
                    return None;
                }
                let (e, x) = self.expr(j)?;
                return hit(e, MentionKind::Period, Form::Since(x));
            }
            W::By => {
                let (e, x) = self.expr(i + 1)?;
                if matches!(x, Expr::Shift { rel: Rel::Anchor, .. }) {
                    return None;
                }
                return hit(e, MentionKind::Deadline, Form::One(x));
            }
            W::Between | W::From => {
                if let Some((e1, a)) = self.expr(i + 1) {
                    let joiner_ok = if self.w(i) == W::Between {
                        self.is(e1, W::And)
                    } else {
                        self.range_joiner(e1) || matches!(self.w(e1), W::Until | W::Till)
                    };
                    if joiner_ok {
                        if let Some((e2, b)) = self.expr(e1 + 1) {
                            return hit(e2, range_kind(&a, &b), Form::Range(a, b));
                        }
                    }
                }
                return None;
            }
            _ => {}
        }
        if let Some((e, x)) = self.night(i) {
            return hit(e, MentionKind::Night, Form::Night(x));
        }
        let (e, x) = self.expr(i)?;
        // "the end of July and beginning of August"; "2012-2014".
        if let Expr::Month { part: Part::Begin | Part::Mid | Part::End, .. } | Expr::Year { part: Part::Begin | Part::Mid | Part::End, .. } = x {
            if self.is(e, W::And) {
                if let Some((e2, b)) = self.part_expr(e + 1) {
                    if matches!(b, Expr::Month { .. } | Expr::Year { .. }) {
                        return hit(e2, MentionKind::Period, Form::Range(x, b));
                    }
                }
            }
        }
        if let Expr::Year { y, part: Part::Whole } = x {
            if matches!(self.punct(e), Some('-' | '–')) && self.glued(e - 1) {
                if let Some(y2) = self.year(e + 1).filter(|y2| *y2 > y) {
                    let b = Expr::Year { y: y2, part: Part::Whole };
                    return hit(e + 2, MentionKind::Year, Form::Range(x, b));
                }
            }
        }
        hit(e, expr_kind(&x), Form::One(x))
    }
}

pub(crate) fn expr_kind(x: &Expr) -> MentionKind {
    match x {
        Expr::Iso { .. } | Expr::Day { .. } | Expr::DayRange { .. } => MentionKind::Absolute,
        Expr::Month { .. } => MentionKind::Period,
        Expr::Year { part: Part::Whole, .. } => MentionKind::Year,
        Expr::Year { .. } => MentionKind::Period,
        Expr::Weekday { .. } => MentionKind::Weekday,
        Expr::Shift { .. } | Expr::Offset { .. } | Expr::ImplicitWeekEnd { .. } | Expr::Span { .. } | Expr::Weekend { .. } => MentionKind::Relative,
    }
}

fn range_kind(a: &Expr, b: &Expr) -> MentionKind {
    match (expr_kind(a), expr_kind(b)) {
        (MentionKind::Year, MentionKind::Year) => MentionKind::Year,
        (MentionKind::Absolute, MentionKind::Absolute) => MentionKind::Absolute,
        _ => MentionKind::Period,
    }
}
