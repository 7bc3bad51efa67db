//! The date grammar: recognises date expressions over the token stream and
//! produces unresolved [`Expr`]essions wrapped in a [`Form`]. Resolution
//! against publication date / narrative anchor happens in `resolve`.
//!
//! Each rule is a small hand-written function over token indices; rules are
//! tried longest-first at every token, and a match consumes its tokens.
//!
//! - this module: expression types, token accessors, the rule driver
//!   ([`G::hit_at`]) and ranges joined by "between"/"from"/"and";
//! - `absolute`: calendar dates, months, years and their parts;
//! - `relative`: expressions counted from the publication date or anchor,
//!   bare weekdays and future-tense detection;
//! - `night`: nights.

mod absolute;
mod night;
mod relative;

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
    /// "the first half of": days 1–15 of a month, January–June of a year.
    FirstHalf,
    /// "the second half of": day 16 to the end of a month, July–December.
    SecondHalf,
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
    Iso {
        y: i32,
        m: u8,
        d: u8,
    },
    Day {
        d: u8,
        m: u8,
        y: Option<i32>,
        wd: Option<u8>,
    },
    /// "November 3 to 4", "3-4 November", "30 October to 2 November".
    DayRange {
        d1: u8,
        m1: u8,
        d2: u8,
        m2: u8,
        y: Option<i32>,
        wd: Option<u8>,
    },
    Month {
        m: u8,
        y: Option<i32>,
        part: Part,
    },
    Year {
        y: i32,
        part: Part,
    },
    Weekday {
        wd: u8,
        dir: Dir,
    },
    /// "the following Monday", "the previous Friday", "that Monday": a
    /// weekday placed against the narrative anchor.
    AnchorWeekday {
        wd: u8,
        dir: Dir,
    },
    /// "on the 2nd": a day of the month of the anchor (or publication), the
    /// nearest such day.
    DayOfMonth { d: u8 },
    /// "the first week of November": `nth` 0–3, or 4 for "the last week".
    MonthWeek {
        m: u8,
        y: Option<i32>,
        nth: u8,
    },
    /// A whole unit shifted by `n` units from the reference ("yesterday",
    /// "last week", "two days later", "the previous month").
    Shift {
        rel: Rel,
        n: i64,
        unit: Unit,
        part: Part,
    },
    /// "at the end of the week" without "last"/"this": the current week, or
    /// the previous one when the reference is early in the week.
    ImplicitWeekEnd {
        rel: Rel,
    },
    /// A counted shift landing on one date ("two days earlier", "a week
    /// later", "three years ago"): `n` units from the reference.
    Offset {
        rel: Rel,
        n: i64,
        unit: Unit,
    },
    /// A fuzzy span of days around the reference ("a few days ago",
    /// "the following days"): `[from, to]` days from it.
    Span {
        rel: Rel,
        from: i64,
        to: i64,
        unit: Unit,
    },
    /// Saturday–Sunday: `offset` weeks from the reference's week; `recent`
    /// = the most recent weekend on or before the reference.
    Weekend {
        rel: Rel,
        offset: i64,
        recent: bool,
    },
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
    /// "overnight into X": the day before X to X.
    NightInto(Expr),
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
    #[inline]
    pub(super) fn w(&self, i: usize) -> W {
        match self.t.get(i) {
            Some(Tok { k: K::Word(w), .. }) => *w,
            _ => W::Other,
        }
    }
    #[inline]
    pub(super) fn is_word(&self, i: usize) -> bool {
        matches!(self.t.get(i), Some(Tok { k: K::Word(_), .. }))
    }
    #[inline]
    pub(super) fn is(&self, i: usize, w: W) -> bool {
        matches!(self.t.get(i), Some(Tok { k: K::Word(x), .. }) if *x == w)
    }
    #[inline]
    pub(super) fn p(&self, i: usize, c: char) -> bool {
        matches!(self.t.get(i), Some(Tok { k: K::Punct(x), .. }) if *x == c)
    }
    #[inline]
    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.t.get(i) {
            Some(Tok { k: K::Punct(c), .. }) => Some(*c),
            _ => None,
        }
    }
    /// A hyphen: ASCII, Unicode hyphen or non-breaking hyphen.
    #[inline]
    pub(super) fn hyphen(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '\u{2010}' | '\u{2011}'))
    }
    #[inline]
    pub(super) fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.cap)
    }
    /// Tokens `i` and `i + 1` touch (no space between).
    #[inline]
    pub(super) fn glued(&self, i: usize) -> bool {
        match (self.t.get(i), self.t.get(i + 1)) {
            (Some(a), Some(b)) => a.b1 == b.b0,
            _ => false,
        }
    }
    #[inline]
    pub(super) fn num(&self, i: usize) -> Option<(u32, u8, bool)> {
        match self.t.get(i) {
            Some(Tok { k: K::Num { value, digits, ordinal }, .. }) => Some((*value, *digits, *ordinal)),
            _ => None,
        }
    }

    /// A day of the month: one or two digits, 1–31, optionally ordinal.
    pub(super) fn day(&self, i: usize) -> Option<u8> {
        let (v, d, _) = self.num(i)?;
        ((1..=2).contains(&d) && (1..=31).contains(&v) && !self.p(i + 1, '%')).then_some(v as u8)
    }

    /// A four-digit year 1900–2099 that is not a count or an identifier.
    pub(super) fn year(&self, i: usize) -> Option<i32> {
        let (v, d, ord) = self.num(i)?;
        if d != 4 || ord || !(1900..=2099).contains(&v) {
            return None;
        }
        if self.is(i + 1, W::CountNoun) || self.p(i + 1, '%') {
            return None;
        }
        if i > 0 && (self.is(i - 1, W::NumPrefix) || matches!(self.punct(i - 1), Some('$' | '€' | '£' | '#' | '№')))
        {
            return None;
        }
        // "No. 2023", "Art. 2012"
        if i > 1 && self.p(i - 1, '.') && self.is(i - 2, W::NumPrefix) {
            return None;
        }
        // Part of a longer digit sequence ("2023 2024 2025" is fine; "+2023" or "12-2023" codes are not).
        if i > 0 && self.glued(i - 1) && matches!(self.punct(i - 1), Some('+' | '/' | '_' | '=')) {
            return None;
        }
        Some(v as i32)
    }

    /// A month name at `i`: (month, end token, strong). Weak names ("May",
    /// "March", French names) need a day, a year or a trigger word to count;
    /// abbreviations need a day or a year.
    pub(super) fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
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

    pub(super) fn weekday(&self, i: usize) -> Option<u8> {
        match self.w(i) {
            W::Wd(d) if self.cap(i) => Some(d),
            W::WdFr(d) => Some(d),
            _ => None,
        }
    }

    pub(super) fn time_of_day(&self, i: usize) -> bool {
        matches!(self.w(i), W::Morning | W::Evening | W::Afternoon | W::Dawn | W::Noon)
    }

    /// The word before `i` makes a following bare month or weak month a date.
    pub(super) fn month_trigger(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.w(i - 1),
                W::In
                    | W::Since
                    | W::Until
                    | W::Till
                    | W::By
                    | W::From
                    | W::To
                    | W::During
                    | W::Early
                    | W::Late
                    | W::Mid
                    | W::Of
                    | W::Last
                    | W::Next
                    | W::This
                    | W::En
                    | W::Depuis
                    | W::Fin
                    | W::Debut
                    | W::Mi
                    | W::Through
                    | W::Between
                    | W::And
                    | W::Au
                    | W::De
            )
            || (i > 1 && self.hyphen(i - 1) && matches!(self.w(i - 2), W::Mid | W::Mi))
    }

    pub(super) fn range_joiner(&self, i: usize) -> bool {
        self.hyphen(i) || matches!(self.punct(i), Some('–' | '—'))
            || matches!(self.w(i), W::To | W::Au | W::And | W::AFr | W::Through)
    }

    /// Small count: digits (≤ 3), number words, "a"/"an".
    pub(super) fn count(&self, i: usize) -> Option<i64> {
        if let Some((v, d, ord)) = self.num(i) {
            return ((1..=3).contains(&d) && !ord).then_some(v as i64);
        }
        match self.w(i) {
            W::NumWord(n) => Some(n as i64),
            W::A => Some(1),
            _ => None,
        }
    }

    pub(super) fn unit(&self, i: usize) -> Option<Unit> {
        Some(match self.w(i) {
            W::Day | W::Days => Unit::Day,
            W::Week | W::Weeks => Unit::Week,
            W::Month_ | W::Months => Unit::Month,
            W::Year_ | W::Years => Unit::Year,
            _ => return None,
        })
    }

    /// One expression of any kind (no wrapper) at `i`.
    pub(super) fn expr(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(x) = self.date(i, true) {
            return Some(x);
        }
        if let Some(x) = self.part_expr(i) {
            return Some(x);
        }
        if let Some(x) = self.relative(i) {
            return Some(x);
        }
        if let Some(x) = self.relative_fr(i) {
            return Some(x);
        }
        if let Some(x) = self.bare_weekday(i) {
            return Some(x);
        }
        if let Some(y) = self.year(i) {
            return Some((i + 1, Expr::Year { y, part: Part::Whole }));
        }
        self.day_only(i)
    }

    /// Tries every rule at token `i`, longest and most specific first.
    pub(crate) fn hit_at(&self, i: usize) -> Option<Hit> {
        // Fast exit: most tokens cannot start a date.
        match self.t.get(i)?.k {
            K::Num { .. } => {}
            K::Word(w) if can_start(w) => {}
            _ => return None,
        }
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
                    // "between Nov. 1 and Nov. 7": the day rule took both ends.
                    if let Expr::DayRange { .. } = a {
                        return hit(e1, MentionKind::Absolute, Form::One(a));
                    }
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
        if let Some((e, x, into)) = self.night(i) {
            return hit(e, MentionKind::Night, if into { Form::NightInto(x) } else { Form::Night(x) });
        }
        let (e, x) = self.expr(i)?;
        // "the end of July and beginning of August"; "2012-2014".
        if let Expr::Month { part: Part::Begin | Part::Mid | Part::End, .. }
        | Expr::Year { part: Part::Begin | Part::Mid | Part::End, .. } = x
        {
            if self.is(e, W::And) {
                if let Some((e2, b)) = self.part_expr(e + 1) {
                    if matches!(b, Expr::Month { .. } | Expr::Year { .. }) {
                        return hit(e2, MentionKind::Period, Form::Range(x, b));
                    }
                }
            }
        }
        // "May and June 2015", "July to September 2023": the year is shared.
        if let Expr::Month { y: None, part: Part::Whole, .. } = x {
            if self.range_joiner(e) {
                if let Some((e2, b @ Expr::Month { y: Some(_), part: Part::Whole, .. })) = self.day_month(e + 1, false)
                {
                    return hit(e2, MentionKind::Period, Form::Range(x, b));
                }
            }
        }
        if let Expr::Year { y, part: Part::Whole } = x {
            if (self.hyphen(e) || self.p(e, '–')) && self.glued(e - 1) {
                if let Some(y2) = self.year(e + 1).filter(|y2| *y2 > y) {
                    let b = Expr::Year { y: y2, part: Part::Whole };
                    return hit(e + 2, MentionKind::Year, Form::Range(x, b));
                }
            }
        }
        hit(e, expr_kind(&x), Form::One(x))
    }
}

/// Words that can begin a date expression (every rule starts with one of
/// these or with a number).
fn can_start(w: W) -> bool {
    matches!(
        w,
        W::Month(_)
            | W::MonthAbbr(_)
            | W::MonthFr(_)
            | W::Wd(_)
            | W::WdFr(_)
            | W::NumWord(_)
            | W::A
            | W::The
            | W::That
            | W::This
            | W::Last
            | W::Next
            | W::Past
            | W::Coming
            | W::Yesterday
            | W::Today
            | W::Tomorrow
            | W::Hier
            | W::Aujourd
            | W::Demain
            | W::Earlier
            | W::Later
            | W::End
            | W::Beginning
            | W::Start
            | W::Middle
            | W::Early
            | W::Late
            | W::Mid
            | W::Mi
            | W::Fin
            | W::Debut
            | W::Since
            | W::Depuis
            | W::By
            | W::Between
            | W::From
            | W::Night
            | W::Nuit
            | W::La
            | W::Overnight
            | W::Few
            | W::Several
            | W::Tonight
            | W::Recent
            | W::First
            | W::Second
            | W::Third
            | W::Fourth
            | W::Le
            | W::Cette
            | W::Veille
            | W::Lendemain
            | W::Semaine
            | W::Mois
            | W::Annee
    )
}

pub(crate) fn expr_kind(x: &Expr) -> MentionKind {
    match x {
        Expr::Iso { .. } | Expr::Day { .. } | Expr::DayRange { .. } | Expr::DayOfMonth { .. } => MentionKind::Absolute,
        Expr::Month { .. } => MentionKind::Period,
        Expr::Year { part: Part::Whole, .. } => MentionKind::Year,
        Expr::Year { .. } => MentionKind::Period,
        Expr::Weekday { .. } => MentionKind::Weekday,
        Expr::AnchorWeekday { .. } => MentionKind::Relative,
        Expr::MonthWeek { .. } => MentionKind::Period,
        Expr::Shift { .. }
        | Expr::Offset { .. }
        | Expr::ImplicitWeekEnd { .. }
        | Expr::Span { .. }
        | Expr::Weekend { .. } => MentionKind::Relative,
    }
}

fn range_kind(a: &Expr, b: &Expr) -> MentionKind {
    match (expr_kind(a), expr_kind(b)) {
        (MentionKind::Year, MentionKind::Year) => MentionKind::Year,
        (MentionKind::Absolute, MentionKind::Absolute) => MentionKind::Absolute,
        _ => MentionKind::Period,
    }
}
