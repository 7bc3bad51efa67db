//! Labels for dates, figures and counts: pure functions, tested natively.
//!
//! Dates arrive as `YYYY-MM-DD` strings with an ACLED-style [`Precision`];
//! anything malformed is shown as given rather than dropped or panicking.

use counterclaim_corpus::Precision;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `(year, month 1-12, day 1-31)` of an ISO date, if well formed.
pub fn parse_ymd(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let y: i32 = it.next()?.parse().ok()?;
    let m: u32 = it.next()?.parse().ok()?;
    let d: u32 = it.next()?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn month_abbr(m: u32) -> &'static str {
    MONTHS.get((m as usize).wrapping_sub(1)).copied().unwrap_or("")
}

/// "12 Nov 2023".
pub fn day_label(s: &str) -> String {
    match parse_ymd(s) {
        Some((y, m, d)) => format!("{d} {} {y}", month_abbr(m)),
        None => s.to_owned(),
    }
}

/// A date range at its precision: "12 Nov 2023", "11–12 Nov 2023",
/// "week of 6 Nov 2023", "Jul 2024", "2024".
pub fn date_label(start: &str, end: &str, precision: Precision) -> String {
    let Some((y, m, d)) = parse_ymd(start) else {
        return if start.is_empty() { "Undated".to_owned() } else { start.to_owned() };
    };
    match precision {
        Precision::Day => match parse_ymd(end) {
            Some((y2, m2, d2)) if (y2, m2, d2) != (y, m, d) => {
                if (y2, m2) == (y, m) {
                    format!("{d}–{d2} {} {y}", month_abbr(m))
                } else if y2 == y {
                    format!("{d} {} – {d2} {} {y}", month_abbr(m), month_abbr(m2))
                } else {
                    format!("{} – {}", day_label(start), day_label(end))
                }
            }
            _ => day_label(start),
        },
        Precision::Week => format!("week of {}", day_label(start)),
        Precision::Month => format!("{} {y}", month_abbr(m)),
        Precision::Year => format!("{y}"),
    }
}

/// A figure with thousands separators; fractions kept only when present:
/// 6500 → "6,500", 12.5 → "12.5", -3 → "-3".
pub fn number_label(v: f64) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return if v.is_finite() { "many".to_owned() } else { "?".to_owned() };
    }
    // Hundredths as an integer: no float formatting code in the WASM.
    let hundredths = (v.abs() * 100.0).round() as u64;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    let digits = whole.to_string();
    let mut out = String::new();
    if v < 0.0 && hundredths > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 > 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    out
}

/// "1 event", "7 events".
pub fn count_label(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether `haystack` contains `needle`, ignoring ASCII case (no Unicode
/// case tables in the WASM).
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Whether a data-supplied URL may become a link: absolute http(s) only,
/// no whitespace or control characters.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() > 8
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The host of an http(s) URL, for a short link label ("lemonde.fr").
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_at_each_precision() {
        assert_eq!(date_label("2023-11-12", "2023-11-12", Precision::Day), "12 Nov 2023");
        assert_eq!(date_label("2023-11-11", "2023-11-12", Precision::Day), "11–12 Nov 2023");
        assert_eq!(date_label("2023-10-31", "2023-11-02", Precision::Day), "31 Oct – 2 Nov 2023");
        assert_eq!(date_label("2023-12-31", "2024-01-01", Precision::Day), "31 Dec 2023 – 1 Jan 2024");
        assert_eq!(date_label("2023-11-06", "2023-11-12", Precision::Week), "week of 6 Nov 2023");
        assert_eq!(date_label("2024-07-01", "2024-07-31", Precision::Month), "Jul 2024");
        assert_eq!(date_label("2024-01-01", "2024-12-31", Precision::Year), "2024");
    }

    #[test]
    fn malformed_dates_are_shown_as_given() {
        assert_eq!(date_label("", "", Precision::Day), "Undated");
        assert_eq!(date_label("soon", "", Precision::Month), "soon");
        assert_eq!(day_label("2023-13-01"), "2023-13-01");
        assert_eq!(parse_ymd("2023-02-x"), None);
        assert_eq!(parse_ymd("2023-02-03"), Some((2023, 2, 3)));
    }

    #[test]
    fn figures() {
        assert_eq!(number_label(6500.0), "6,500");
        assert_eq!(number_label(12944.0), "12,944");
        assert_eq!(number_label(119.0), "119");
        assert_eq!(number_label(1_000_000.0), "1,000,000");
        assert_eq!(number_label(12.5), "12.5");
        assert_eq!(number_label(-3.0), "-3");
        assert_eq!(number_label(f64::NAN), "?");
        assert_eq!(number_label(0.05), "0.05");
        assert_eq!(number_label(1234.5), "1,234.5");
        assert_eq!(number_label(-0.001), "0");
    }

    #[test]
    fn counts_and_urls() {
        assert_eq!(count_label(1, "event", "events"), "1 event");
        assert_eq!(count_label(0, "event", "events"), "0 events");
        assert!(is_http_url("https://www.lemonde.fr/a"));
        assert!(is_http_url("HTTP://example.org"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https://a b"));
        assert!(!is_http_url("é"));
        assert!(contains_ignore_case("the Malian Armed Forces", "malian armed"));
        assert!(!contains_ignore_case("FAMa", "Wagner"));
        assert_eq!(host_of("https://www.lemonde.fr/afrique/x?y"), "lemonde.fr");
        assert_eq!(host_of("http://france24.com"), "france24.com");
    }
}
