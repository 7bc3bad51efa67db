//! Labels for figures, counts and hosts: pure functions, tested natively.
//! Counts, date labels and the http(s) check are the model crate's `labels` (the
//! `<noscript>` fallback and the downloads use them too), re-exported here.

pub use counterclaim_model::labels::{count_label, date_label, day_label, grouped, is_http_url};

/// A figure with thousands separators; fractions kept only when present:
/// 6500 → "6,500", 12.5 → "12.5", -3 → "-3".
pub fn number_label(v: f64) -> String {
    if !v.is_finite() || v.abs() >= 1e15 {
        return if v.is_finite() { "many".to_owned() } else { "?".to_owned() };
    }
    // Hundredths as an integer: no float formatting code in the WASM.
    let hundredths = (v.abs() * 100.0).round() as u64;
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    let mut out = String::new();
    if v < 0.0 && hundredths > 0 {
        out.push('-');
    }
    out.push_str(&grouped(whole));
    if frac > 0 {
        out.push('.');
        out.push(char::from(b'0' + (frac / 10) as u8));
        if frac % 10 > 0 {
            out.push(char::from(b'0' + (frac % 10) as u8));
        }
    }
    out
}

/// Whether `haystack` contains `needle`, ignoring ASCII case (no Unicode
/// case tables in the WASM).
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
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
    fn counts_hosts_and_search() {
        assert_eq!(count_label(1, "event", "events"), "1 event");
        assert_eq!(count_label(0, "event", "events"), "0 events");
        assert!(contains_ignore_case("the National Armed Forces", "national armed"));
        assert!(!contains_ignore_case("FAMa", "Wagner"));
        assert_eq!(host_of("https://www.lemonde.fr/afrique/x?y"), "lemonde.fr");
        assert_eq!(host_of("http://france24.com"), "france24.com");
    }
}
