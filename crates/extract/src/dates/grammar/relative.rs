//! Relative expressions ("yesterday", "last week", "the day before",
//! "two days later", French "la veille"), bare weekdays and the future-tense
//! test that decides their direction.

use super::{clause_break, Dir, Expr, Part, Rel, Unit, G};
use crate::dates::lexer::W;

impl<'a> G<'a> {
    /// Common French relative forms: "la veille", "le lendemain", "le même
    /// jour", "la semaine dernière", "le mois prochain", "cette année",
    /// "l'an dernier".
    pub(super) fn relative_fr(&self, i: usize) -> Option<(usize, Expr)> {
        let det = matches!(self.w(i), W::La | W::Le | W::Cette);
        let elided = det && self.glued(i) && matches!(self.punct(i + 1), Some('\'' | '’'));
        let j = if elided {
            i + 2
        } else if det {
            i + 1
        } else {
            i
        };
        let shift = |rel, n, unit| Expr::Shift { rel, n, unit, part: Part::Whole };
        let not_of = |k: usize| !matches!(self.w(k), W::De | W::Du);
        match self.w(j) {
            W::Veille if not_of(j + 1) => return Some((j + 1, shift(Rel::Anchor, -1, Unit::Day))),
            W::Lendemain if not_of(j + 1) => return Some((j + 1, shift(Rel::Anchor, 1, Unit::Day))),
            W::Meme if self.is(j + 1, W::Jour) => return Some((j + 2, shift(Rel::Anchor, 0, Unit::Day))),
            _ => {}
        }
        let unit = match self.w(j) {
            W::Semaine => Unit::Week,
            W::Mois => Unit::Month,
            W::Annee => Unit::Year,
            W::A if self.is(j + 1, W::Dernier) || self.is(j + 1, W::Prochain) => Unit::Year,
            _ => return None,
        };
        match self.w(j + 1) {
            W::Dernier => Some((j + 2, shift(Rel::Pub, -1, unit))),
            W::Prochain => Some((j + 2, shift(Rel::Pub, 1, unit))),
            _ if self.w(i) == W::Cette => Some((j + 1, shift(Rel::Pub, 0, unit))),
            _ => None,
        }
    }

    /// Relative expressions: "yesterday", "last week", "this month",
    /// "earlier this year", "the day before", "two days later", "a few days ago", …
    pub(super) fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        let shift = |rel, n, unit| Expr::Shift { rel, n, unit, part: Part::Whole };
        match self.w(i) {
            W::Yesterday | W::Hier => return Some((i + 1, shift(Rel::Pub, -1, Unit::Day))),
            W::Today => return Some((i + 1, shift(Rel::Pub, 0, Unit::Day))),
            W::Tomorrow | W::Demain => return Some((i + 1, shift(Rel::Pub, 1, Unit::Day))),
            W::Tonight => return Some((i + 1, Expr::Span { rel: Rel::Pub, from: 0, to: 1, unit: Unit::Day })),
            W::Recent => {
                let (from, unit) = match self.w(i + 1) {
                    W::Days => (-7, Unit::Day),
                    W::Weeks => (-4, Unit::Week),
                    W::Months => (-6, Unit::Month),
                    _ => return None,
                };
                return Some((i + 2, Expr::Span { rel: Rel::Pub, from, to: 0, unit }));
            }
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
            // "the same evening" and "that same day" behave like "that evening", "that day".
            let same = self.is(i + 1, W::Same) && !matches!(self.w(i + 2), W::Day | W::Week | W::Month_ | W::Year_)
                || (self.w(i) == W::That && self.is(i + 1, W::Same));
            let that = self.w(i) == W::That || same;
            let j = if same { i + 2 } else { i + 1 };
            // "the following Monday", "the previous Friday", "that Monday".
            let wd_at = if that { j } else { j + 1 };
            if let Some(wd) = self.weekday(wd_at) {
                let dir = match (that, self.w(j)) {
                    (true, _) => Some(Dir::Nearest),
                    (false, W::Following | W::Next) => Some(Dir::Future),
                    (false, W::Previous) => Some(Dir::Past),
                    _ => None,
                };
                if let Some(dir) = dir {
                    let mut e = wd_at + 1;
                    if self.time_of_day(e) {
                        e += 1;
                    }
                    return Some((e, Expr::AnchorWeekday { wd, dir }));
                }
            }
            // "the past few days", "the last two weeks".
            if !that && matches!(self.w(j), W::Past | W::Last) {
                let (n, k) = if self.is(j + 1, W::Few) || self.is(j + 1, W::Several) {
                    (6, j + 2)
                } else if let Some(n) = self.count(j + 1).filter(|_| !self.is(j + 1, W::A)) {
                    (n, j + 2)
                } else {
                    (0, j + 1)
                };
                if n > 0 && matches!(self.w(k), W::Days | W::Weeks | W::Months | W::Years) {
                    let unit = self.unit(k)?;
                    return Some((k + 1, Expr::Span { rel: Rel::Pub, from: -n, to: 0, unit }));
                }
            }
            let anchor = |n, unit| Some((0usize, Expr::Shift { rel: Rel::Anchor, n, unit, part: Part::Whole }));
            let r: Option<(usize, Expr)> = match (self.w(j), self.unit(j), self.unit(j + 1)) {
                (W::Day, _, _) if that => anchor(0, Unit::Day).map(|(_, x)| (j + 1, x)),
                (W::Night, _, _) if that => {
                    Some((j + 1, Expr::Span { rel: Rel::Anchor, from: 0, to: 1, unit: Unit::Day }))
                }
                (W::Morning | W::Evening | W::Afternoon, _, _) if that => anchor(0, Unit::Day).map(|(_, x)| (j + 1, x)),
                (W::Week | W::Month_ | W::Year_, Some(u), _) if that => anchor(0, u).map(|(_, x)| (j + 1, x)),
                (W::Same, _, Some(u)) if !that && matches!(self.w(j + 1), W::Day | W::Week | W::Month_ | W::Year_) => {
                    anchor(0, u).map(|(_, x)| (j + 2, x))
                }
                (W::Previous, _, Some(u))
                    if !that && matches!(self.w(j + 1), W::Day | W::Week | W::Month_ | W::Year_) =>
                {
                    anchor(-1, u).map(|(_, x)| (j + 2, x))
                }
                (W::Next | W::Following, _, Some(u))
                    if !that && matches!(self.w(j + 1), W::Day | W::Week | W::Month_ | W::Year_) =>
                {
                    anchor(1, u).map(|(_, x)| (j + 2, x))
                }
                (W::Following | W::Next, _, Some(Unit::Day)) if !that && self.is(j + 1, W::Days) => {
                    Some((j + 2, Expr::Span { rel: Rel::Anchor, from: 1, to: 7, unit: Unit::Day }))
                }
                (W::Day, _, _)
                    if !that && matches!(self.w(j + 1), W::Before | W::After) && !self.after_is_word(j + 2) =>
                {
                    let n = if self.is(j + 1, W::Before) { -1 } else { 1 };
                    anchor(n, Unit::Day).map(|(_, x)| (j + 2, x))
                }
                (W::Next | W::Following, _, _) if !that && self.time_of_day(j + 1) => {
                    anchor(1, Unit::Day).map(|(_, x)| (j + 2, x))
                }
                (W::Previous, _, _) if !that && self.time_of_day(j + 1) => anchor(-1, Unit::Day).map(|(_, x)| (j + 2, x)),
                (W::Previous, _, _) if !that && self.is(j + 1, W::Night) => {
                    Some((j + 2, Expr::Span { rel: Rel::Anchor, from: -1, to: 0, unit: Unit::Day }))
                }
                (W::Following | W::Next, _, _) if !that && self.is(j + 1, W::Night) => {
                    Some((j + 2, Expr::Span { rel: Rel::Anchor, from: 0, to: 1, unit: Unit::Day }))
                }
                (W::Night, _, _) if !that && self.is(j + 1, W::Before) && !self.after_is_word(j + 2) => {
                    Some((j + 2, Expr::Span { rel: Rel::Anchor, from: -1, to: 0, unit: Unit::Day }))
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
    pub(super) fn after_is_word(&self, i: usize) -> bool {
        self.is_word(i) && !self.is(i, W::That) && !self.is(i, W::Yesterday)
    }

    /// Bare weekday, with optional time of day ("on Monday", "Sunday morning").
    pub(super) fn bare_weekday(&self, i: usize) -> Option<(usize, Expr)> {
        let wd = self.weekday(i)?;
        let mut e = i + 1;
        if self.time_of_day(e) {
            e += 1;
        }
        // "samedi dernier", "lundi prochain"
        match self.w(e) {
            W::Dernier => return Some((e + 1, Expr::Weekday { wd, dir: Dir::Past })),
            W::Prochain => return Some((e + 1, Expr::Weekday { wd, dir: Dir::Future })),
            _ => {}
        }
        let dir = if self.future_context(i) { Dir::Future } else { Dir::Auto };
        Some((e, Expr::Weekday { wd, dir }))
    }

    /// Future tense shortly before token `i` in the same clause ("will meet
    /// on Monday", "is scheduled for Friday", "the talks, due to resume").
    /// A participle after a past auxiliary is past ("had no missions
    /// scheduled for Friday", "was expected on Monday"): news convention.
    pub(crate) fn future_context(&self, i: usize) -> bool {
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
                W::Will | W::Shall | W::Next | W::Coming => return true,
                W::Ll if k > 0 && matches!(self.punct(k - 1), Some('\'' | '’')) => return true,
                W::Scheduled | W::Expected | W::Due | W::Planned => return !self.past_auxiliary_before(k),
                _ => {}
            }
        }
        false
    }

    /// A past auxiliary ("had", "was", "were") within four words before
    /// token `k`, in the same clause.
    fn past_auxiliary_before(&self, k: usize) -> bool {
        for j in (k.saturating_sub(4)..k).rev() {
            if self.punct(j).is_some_and(clause_break) {
                return false;
            }
            if self.is(j, W::PastAux) {
                return true;
            }
        }
        false
    }
}
