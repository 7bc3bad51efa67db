//! ISO calendar dates (`YYYY-MM-DD`) as day numbers, for date-range
//! filtering and month grouping. Proleptic Gregorian calendar, years
//! 0001–9999; anything else is not a date.

/// Days since 1970-01-01 of a strict `YYYY-MM-DD` date, or `None` when the
/// string is not exactly that shape or not a real calendar date.
pub fn parse_day(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i32> {
        b[r].iter().try_fold(0i32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as i32))
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if y < 1 || !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Whether `s` is a valid `YYYY-MM-DD` date.
pub fn is_valid_date(s: &str) -> bool {
    parse_day(s).is_some()
}

/// First and last day numbers of years 0001–9999.
const MIN_DAY: i32 = -719_162;
const MAX_DAY: i32 = 2_932_896;

/// The `YYYY-MM-DD` string of a day number (inverse of [`parse_day`]);
/// days outside years 0001–9999 are clamped into them.
pub fn format_day(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `(year, month)` of a day number.
pub fn year_month(day: i32) -> (i32, u32) {
    let (y, m, _) = civil_from_days(day);
    (y, m)
}

/// English month name, 1-based; "?" outside 1..=12.
pub fn month_name(m: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];
    NAMES.get((m as usize).wrapping_sub(1)).copied().unwrap_or("?")
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: i32) -> i32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z.clamp(MIN_DAY, MAX_DAY) + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(parse_day("1970-01-01"), Some(0));
        assert_eq!(parse_day("1970-01-02"), Some(1));
        assert_eq!(parse_day("1969-12-31"), Some(-1));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("1900-02-29"));
        assert!(is_valid_date("2000-02-29"));
        for bad in ["2023-13-01", "2023-00-10", "2023-04-31", "2023-4-01", "2023-04-1a", "0000-01-01", "", "2023/04/01", "２０２３-01-01"] {
            assert!(!is_valid_date(bad), "{bad}");
        }
    }

    #[test]
    fn round_trips_every_day_of_a_span() {
        let start = parse_day("1999-12-01").unwrap();
        for day in start..start + 3000 {
            let s = format_day(day);
            assert_eq!(parse_day(&s), Some(day), "{s}");
        }
        assert_eq!(format_day(parse_day("2023-10-05").unwrap()), "2023-10-05");
        assert_eq!(year_month(parse_day("2023-10-05").unwrap()), (2023, 10));
        assert_eq!(month_name(10), "October");
        assert_eq!(month_name(0), "?");
    }

    #[test]
    fn extremes_clamp_instead_of_overflowing() {
        assert_eq!(parse_day("0001-01-01"), Some(MIN_DAY));
        assert_eq!(parse_day("9999-12-31"), Some(MAX_DAY));
        assert_eq!(format_day(i32::MIN), "0001-01-01");
        assert_eq!(format_day(i32::MAX), "9999-12-31");
        assert_eq!(year_month(i32::MAX), (9999, 12));
    }
}
