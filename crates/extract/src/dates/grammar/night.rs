//! Nights: "the night of November 3 to 4", "the night from Saturday to
//! Sunday", "overnight (into) Saturday", "Saturday night", "la nuit du 3 au
//! 4 novembre".

use super::{Dir, Expr, G};
use crate::dates::lexer::W;

impl<'a> G<'a> {
    /// Night expressions: "the night of November 3 to 4", "the night from
    /// Saturday to Sunday", "overnight Saturday", "Saturday night",
    /// "la nuit du 3 au 4 novembre", "dans la nuit de samedi à dimanche".
    /// The flag marks "overnight into X" (the night ending on X).
    pub(super) fn night(&self, i: usize) -> Option<(usize, Expr, bool)> {
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
                    return Some((e, Expr::Weekday { wd, dir: Dir::Auto }, false));
                }
                let (e, x) = self.day_month(k, false)?;
                matches!(x, Expr::Day { .. } | Expr::DayRange { .. } | Expr::Iso { .. }).then_some((e, x, false))
            }
            W::Overnight if j == i => {
                let mut k = i + 1;
                let into = self.is(k, W::Into);
                if matches!(self.w(k), W::On | W::Into | W::To) {
                    k += 1;
                }
                if let Some((e, x)) = self.date(k, false) {
                    return Some((e, x, into));
                }
                let wd = self.weekday(k)?;
                let mut e = k + 1;
                if (self.range_joiner(e) || self.is(e, W::Into)) && self.weekday(e + 1).is_some() {
                    e += 2;
                }
                let dir = if self.future_context(i) { Dir::Future } else { Dir::Auto };
                Some((e, Expr::Weekday { wd, dir }, into))
            }
            _ => {
                // "Saturday night", "Saturday to Sunday night"
                let wd = self.weekday(i)?;
                if self.is(i + 1, W::Night) {
                    let dir = if self.future_context(i) { Dir::Future } else { Dir::Auto };
                    return Some((i + 2, Expr::Weekday { wd, dir }, false));
                }
                None
            }
        }
    }
}
