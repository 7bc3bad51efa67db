//! "About this data" (build time only): how the data was made, the measured
//! accuracy of the extraction (from `docs/accuracy.toml`), the number of
//! editorial corrections, the sources and the build date, as a small HTML
//! fragment the app shows in its About panel. Every text is escaped and
//! every link checked http(s), as in the `<noscript>` fallback.
//!
//! `docs/accuracy.toml`:
//!
//! ```toml
//! measured = "2026-11-30"          # when the figures were measured (optional)
//! method = "Hand-labelled sample"  # how (optional, one line)
//! [[figure]]
//! label = "Claims found (recall)"
//! value = "83%"
//! ```

use serde::Deserialize;

use crate::labels::{count_label as count, day_label, escape_html};
use crate::model::Corpus;

/// The measured accuracy of the automatic extraction.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accuracy {
    pub measured: Option<String>,
    pub method: Option<String>,
    #[serde(default)]
    pub figure: Vec<Figure>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub label: String,
    pub value: String,
}

/// Parse `docs/accuracy.toml`; the error names the line.
pub fn parse_accuracy(text: &str) -> Result<Accuracy, String> {
    toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
            .unwrap_or(1);
        format!("{line}: {}", e.message().trim())
    })
}

/// `YYYY-MM-DD` of a Unix time (UTC), for the build date.
pub fn iso_date(unix_secs: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = (unix_secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The About panel's body: an HTML fragment, every text escaped.
pub fn render(c: &Corpus, accuracy: &Accuracy, built: &str) -> String {
    let mut h = String::new();
    let push = |h: &mut String, tag: &str, text: &str| {
        h.push_str(&format!("<{tag}>{}</{tag}>", escape_html(text)));
    };
    push(&mut h, "h3", "How it was made");
    push(
        &mut h,
        "p",
        &format!(
            "A program read {} and found who claimed what ({}), about which events ({}), and \
             where the accounts conflict. The parties' claims are reported, not verified.",
            count(c.documents.len(), "article", "articles"),
            count(c.claims.len(), "claim", "claims"),
            count(c.events.len(), "event", "events")
        ),
    );
    push(&mut h, "h3", "Accuracy");
    if accuracy.figure.is_empty() {
        push(&mut h, "p", "The accuracy of the extraction has not been measured for this edition.");
    } else {
        let mut intro = String::from("Measured against articles labelled by hand");
        if let Some(m) = accuracy.method.as_deref().filter(|m| !m.trim().is_empty()) {
            intro = m.trim().to_owned();
        }
        if let Some(d) = &accuracy.measured {
            intro.push_str(&format!(" ({})", day_label(d)));
        }
        intro.push(':');
        push(&mut h, "p", &intro);
        h.push_str("<ul>");
        for f in &accuracy.figure {
            h.push_str(&format!("<li>{}: <strong>{}</strong></li>", escape_html(&f.label), escape_html(&f.value)));
        }
        h.push_str("</ul>");
    }
    push(&mut h, "h3", "Editorial corrections");
    push(
        &mut h,
        "p",
        &match c.corrections {
            0 => "No editorial correction.".to_owned(),
            n => format!("Editors corrected the extraction {}, each with an editor's note.", count(n as usize, "time", "times")),
        },
    );
    push(&mut h, "h3", "Sources");
    h.push_str("<ul>");
    for (outlet, n) in outlets(c) {
        h.push_str(&format!("<li>{}: {}</li>", escape_html(&outlet), count(n, "article", "articles")));
    }
    h.push_str("</ul>");
    push(&mut h, "p", &format!("Data compiled on {}.", day_label(built)));
    h
}


/// Articles per outlet, most first; articles without one last.
fn outlets(c: &Corpus) -> Vec<(String, usize)> {
    let mut list: Vec<(String, usize)> = Vec::new();
    let mut unnamed = 0;
    for d in &c.documents {
        match d.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            Some(o) => match list.iter_mut().find(|(x, _)| x == o) {
                Some(slot) => slot.1 += 1,
                None => list.push((o.to_owned(), 1)),
            },
            None => unnamed += 1,
        }
    }
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if unnamed > 0 {
        list.push(("Outlet not recorded".to_owned(), unnamed));
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn dates_of_unix_times() {
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(951_782_400), "2000-02-29");
        assert_eq!(iso_date(1_700_000_000), "2023-11-14");
    }

    #[test]
    fn renders_figures_corrections_and_sources_escaped() {
        let doc = |id: &str, outlet: Option<&str>| Document {
            id: id.into(),
            path: id.into(),
            title: id.into(),
            outlet: outlet.map(Into::into),
            published: None,
            published_source: PublishedSource::Unknown,
            url: None,
            language: "en".into(),
            text: String::new(),
            paragraphs: vec![],
            sentences: vec![],
            boilerplate: vec![],
        };
        let c = Corpus {
            documents: vec![doc("a", Some("<AFP>")), doc("b", Some("<AFP>")), doc("c", None)],
            corrections: 3,
            ..Corpus::default()
        };
        let acc = parse_accuracy("measured = \"2026-11-30\"\n[[figure]]\nlabel = \"Claims found\"\nvalue = \"8<9%\"\n").unwrap();
        let h = render(&c, &acc, "2026-12-01");
        assert!(h.contains("Claims found: <strong>8&lt;9%</strong>"), "{h}");
        assert!(h.contains("&lt;AFP&gt;: 2 articles") && h.contains("Outlet not recorded: 1 article"), "{h}");
        assert!(h.contains("corrected the extraction 3 times"), "{h}");
        assert!(h.contains("1 Dec 2026"), "{h}");
        assert!(!h.contains("<AFP>"));
        let none = render(&c, &Accuracy::default(), "2026-12-01");
        assert!(none.contains("has not been measured"), "{none}");
        assert!(parse_accuracy("[[figure]]\nlabel = \"x\"\n").unwrap_err().starts_with("1:"));
    }
}
