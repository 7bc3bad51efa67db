//! How the model's dates and links are shown to people, shared by the web
//! app, the `<noscript>` fallback and the downloads: pure functions (and the
//! one HTML escaper, for the build-time `<noscript>` and the embed code).
//!
//! Dates arrive as `YYYY-MM-DD` strings with an ACLED-style [`Precision`];
//! anything malformed is shown as given rather than dropped or panicking.

use crate::model::Precision;

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

/// Whether a data-supplied URL may become a link (or be exported as one):
/// absolute `http://` or `https://` (any case) with a host, and no white
/// space or control characters. `javascript:`, `data:`, relative and
/// scheme-relative URLs are refused.
/// A whole number with thousands separators: 10000 → "10,000" (the
/// app's and the static view's counts alike).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 event", "7 events", "10,000 events".
pub fn count_label(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n as u64), if n == 1 { one } else { many })
}

/// How many dispute reasons a timeline card lists (the app's and the
/// static view's); the event view lists them all.
pub const CARD_REASONS: usize = 3;

/// The card's line after its first [`CARD_REASONS`] reasons, if it has
/// more: "and 9 more in the event".
pub fn more_reasons(disputes: usize) -> Option<String> {
    (disputes > CARD_REASONS).then(|| format!("and {} more in the event", grouped((disputes - CARD_REASONS) as u64)))
}

pub fn is_http_url(s: &str) -> bool {
    let scheme = |p: &str| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let rest = if scheme("https://") {
        &s[8..]
    } else if scheme("http://") {
        &s[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !rest.starts_with(['/', '?', '#']) && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Escapes text for HTML element content and quoted attribute values:
/// `&`, `<`, `>`, `"` and `'`. Control characters other than tab and newline
/// are dropped (they are not allowed in HTML text).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_have_thousands_separators() {
        let cases = [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (10000, "10,000"), (123456, "123,456"), (1234567, "1,234,567")];
        for (n, want) in cases {
            assert_eq!(grouped(n), want);
        }
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(count_label(1, "event", "events"), "1 event");
        assert_eq!(count_label(0, "event", "events"), "0 events");
        assert_eq!(count_label(10000, "article", "articles"), "10,000 articles");
    }

    #[test]
    fn a_card_says_how_many_reasons_it_leaves_to_the_event() {
        assert_eq!(more_reasons(CARD_REASONS), None);
        assert_eq!(more_reasons(CARD_REASONS + 9).as_deref(), Some("and 9 more in the event"));
        assert_eq!(more_reasons(0), None);
    }

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
        assert_eq!(date_label("2023-00-01", "", Precision::Month), "2023-00-01");
        assert_eq!(day_label("2023-13-01"), "2023-13-01");
        assert_eq!(parse_ymd("2023-02-x"), None);
        assert_eq!(parse_ymd("2023-02-03"), Some((2023, 2, 3)));
    }

    #[test]
    fn only_absolute_http_urls_may_be_links() {
        for ok in ["https://www.lemonde.fr/a", "HTTP://example.org", "http://x", "https://example.org/a?b=1&c=2"] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " https://example.org",
            "https://exa mple.org",
            "https://example.org/\n",
            "https://a\u{1}b",
            "data:text/html,<script>alert(1)</script>",
            "//example.org",
            "/relative",
            "https://",
            "https:///path",
            "http:/x",
            "http:x",
            "ftp://example.org",
            "",
            "é",
        ] {
            assert!(!is_http_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn escapes_markup_quotes_and_entities() {
        assert_eq!(escape_html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(escape_html(r#"<img src=x onerror="a('b')">"#), "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;");
        // An entity in the data is text, not markup: it stays visible as typed.
        assert_eq!(escape_html("&lt;b&gt; &amp;"), "&amp;lt;b&amp;gt; &amp;amp;");
        assert_eq!(escape_html("a\u{0}b\u{7}c\td\ne"), "abc\td\ne");
        assert_eq!(escape_html("Anéfis — “ok”"), "Anéfis — “ok”");
        assert_eq!(escape_html("</noscript><script>"), "&lt;/noscript&gt;&lt;script&gt;");
    }
}
