//! Proleptic Gregorian calendar arithmetic: [`Date`], [`Weekday`], day
//! numbers (days since 1970-01-01) and ISO formatting. No dependencies.

use std::fmt;

/// A calendar date (proleptic Gregorian). Always valid when built through
/// [`Date::new`], [`Date::from_days`] or [`Date::parse_iso`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Day of the week, Monday first (ISO 8601).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 = Monday … 6 = Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// Inverse of [`Weekday::index`], modulo 7.
    pub fn from_index(i: u8) -> Weekday {
        Weekday::ALL[(i % 7) as usize]
    }

    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

/// Day numbers of the first and last representable dates: [`Date::from_days`]
/// clamps to them, so that the year always fits in `i32`.
const MIN_DAYS: i64 = Date { year: i32::MIN, month: 1, day: 1 }.to_days();
const MAX_DAYS: i64 = Date { year: i32::MAX, month: 12, day: 31 }.to_days();

impl Date {
    /// A valid date, or `None` (month outside 1–12, day outside the month).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > Date::days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn is_leap_year(year: i32) -> bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in `month` of `year`; 0 for a month outside 1–12.
    pub fn days_in_month(year: i32, month: u8) -> u8 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if Date::is_leap_year(year) => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's algorithm.
    pub const fn to_days(self) -> i64 {
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Date::to_days`]. Inputs beyond the years of `i32` are
    /// clamped to the first or last representable day.
    pub fn from_days(days: i64) -> Date {
        let z = days.clamp(MIN_DAYS, MAX_DAYS) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        Date { year: year as i32, month, day }
    }

    pub fn weekday(self) -> Weekday {
        Weekday::from_index((self.to_days() + 3).rem_euclid(7) as u8)
    }

    /// The date `n` days later (earlier when negative); saturates far outside history.
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days().saturating_add(n))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    pub fn days_until(self, other: Date) -> i64 {
        other.to_days() - self.to_days()
    }

    /// First day of the month, shifted by `delta` months.
    pub fn add_months_first(self, delta: i32) -> Date {
        let m0 = self.year as i64 * 12 + (self.month as i64 - 1) + delta as i64;
        let year = m0.div_euclid(12).clamp(i32::MIN as i64 / 2, i32::MAX as i64 / 2) as i32;
        Date { year, month: (m0.rem_euclid(12) + 1) as u8, day: 1 }
    }

    /// Last day of this date's month.
    pub fn month_end(self) -> Date {
        Date { day: Date::days_in_month(self.year, self.month), ..self }
    }

    /// The Monday of this date's (ISO) week.
    pub fn week_start(self) -> Date {
        self.add_days(-(self.weekday().index() as i64))
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (m, d) = (u32::from(self.month), u32::from(self.day));
        match u32::try_from(self.year) {
            // a four-digit year (any date a report names), written without
            // the formatting machinery: the parser writes one per claim
            Ok(y) if y <= 9999 && m <= 99 && d <= 99 => {
                let digit = |n: u32| b'0' + (n % 10) as u8;
                let bytes = [
                    digit(y / 1000), digit(y / 100), digit(y / 10), digit(y), b'-',
                    digit(m / 10), digit(m), b'-', digit(d / 10), digit(d),
                ];
                String::from_utf8(bytes.to_vec()).unwrap_or_default()
            }
            _ => self.to_string(),
        }
    }

    /// Parses exactly `YYYY-MM-DD` (four-digit year); `None` for anything else
    /// or an impossible date.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32))
        };
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
