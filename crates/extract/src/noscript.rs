//! The `<noscript>` fallback of the page: the corpus's events as plain HTML,
//! rendered at build time (`counterclaim noscript DIR`, spliced into
//! `dist/index.html` by `scripts/postbuild.mjs`). Readers without JavaScript
//! and link-preview crawlers see the events and their sources.
//!
//! Every piece of corpus text is escaped ([`escape`]); an article URL becomes
//! a link only when it is absolute http(s) ([`safe_href`]). The fragment is
//! compact (page weight): one `<li>` per event, its sources in a nested list.

use crate::labels::{count_label, date_label, escape_html as escape, is_http_url};
use crate::model::Corpus;

/// The URL as an escaped `href` value, if it may be a link
/// ([`is_http_url`]); `javascript:`, `data:`, relative URLs are `None`.
pub fn safe_href(url: &str) -> Option<String> {
    is_http_url(url).then(|| escape(url))
}

/// The fallback fragment (no `<noscript>` tags): a heading, one line of
/// explanation and the events in date order — at most
/// [`crate::opening::LISTED_EVENTS`], then a count of the rest — each with
/// its date, title, places, kind, a "contested" flag and its source
/// articles (title, outlet, link when http(s)). The page itself uses
/// [`crate::opening`], which shares [`event_item`].
pub fn render(c: &Corpus) -> String {
    let mut events: Vec<&crate::model::Event> = c.events.iter().collect();
    events.sort_by(|a, b| (&a.start, &a.end, &a.id).cmp(&(&b.start, &b.end, &b.id)));
    let mut out = format!(
        "<h1>{}</h1><p>The interactive explorer needs JavaScript and WebAssembly. \
         The {} found in {}:</p><ol>",
        escape(&c.settings.title),
        count_label(events.len(), "event", "events"),
        count_label(c.documents.len(), "article", "articles")
    );
    let listed = events.len().min(crate::opening::LISTED_EVENTS);
    for e in events.iter().take(listed) {
        event_item(c, e, &mut out);
    }
    out.push_str("</ol>");
    if events.len() > listed {
        out.push_str(&format!("<p>{} more events are not listed here.</p>", events.len() - listed));
    }
    out
}

/// One event as a compact `<li>`: date, title, places, kind, contested, and
/// its source articles in a nested list.
pub fn event_item(c: &Corpus, e: &crate::model::Event, out: &mut String) {
    let places: Vec<&str> =
        e.places.iter().filter_map(|id| c.places.iter().find(|p| &p.id == id)).map(|p| p.name.as_str()).collect();
    out.push_str(&format!("<li>{} — <b>{}</b><br>", escape(&date_label(&e.start, &e.end, e.precision)), escape(&e.title)));
    if !places.is_empty() {
        out.push_str(&escape(&places.join(", ")));
        out.push_str(" · ");
    }
    out.push_str(e.kind.label());
    if e.contested {
        out.push_str(" · <strong>contested</strong>");
    }
    sources(c, e, "<ul>", out);
    out.push_str("</li>");
}

/// An event's source articles as a list opened by `open` (`<ul…>`): title
/// (a link when its URL is http(s)) and outlet.
pub fn sources(c: &Corpus, e: &crate::model::Event, open: &str, out: &mut String) {
    out.push_str(open);
    for d in e.documents.iter().filter_map(|id| c.documents.iter().find(|d| &d.id == id)) {
        let title = escape(&d.title);
        match d.url.as_deref().and_then(safe_href) {
            Some(href) => out.push_str(&format!("<li><a href=\"{href}\">{title}</a>")),
            None => out.push_str(&format!("<li>{title}")),
        }
        if let Some(outlet) = d.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
            out.push_str(&format!(" ({})", escape(outlet)));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;
    use crate::model::{Document, Event, EventKind, Place, PublishedSource};

    fn doc(id: &str, title: &str, outlet: Option<&str>, url: Option<&str>) -> Document {
        Document {
            id: id.into(),
            path: format!("{id}.txt"),
            title: title.into(),
            outlet: outlet.map(Into::into),
            published: None,
            published_source: PublishedSource::Unknown,
            url: url.map(Into::into),
            language: "en".into(),
            text: String::new(),
            paragraphs: vec![],
            sentences: vec![],
            boilerplate: vec![],
        }
    }

    fn event(id: &str, start: &str, title: &str, docs: &[&str], contested: bool) -> Event {
        Event {
            id: id.into(),
            title: title.into(),
            kind: EventKind::ArmedClash,
            start: start.into(),
            end: start.into(),
            precision: Precision::Day,
            places: vec!["kidal".into()],
            actors: vec![],
            claims: vec![],
            documents: docs.iter().map(|d| d.to_string()).collect(),
            contested,
            disputes: vec![],
            caveats: vec![],
            confidence: Default::default(),
            note: None,
        }
    }

    fn corpus(docs: Vec<Document>, events: Vec<Event>) -> Corpus {
        let kidal = Place { id: "kidal".into(), name: "Kidal".into(), aliases: vec![], lat: 18.4, lon: 1.4, country: None };
        let settings = crate::model::Settings { title: "A test corpus".into(), ..Default::default() };
        Corpus { version: 1, documents: docs, places: vec![kidal], events, settings, ..Default::default() }
    }

    #[test]
    fn only_http_urls_become_hrefs() {
        assert_eq!(safe_href("https://example.org/a?b=1&c=2").as_deref(), Some("https://example.org/a?b=1&amp;c=2"));
        assert_eq!(safe_href("HTTP://Example.org").as_deref(), Some("HTTP://Example.org"));
        assert_eq!(safe_href("https://x.org/\"onmouseover=alert(1)").as_deref(), Some("https://x.org/&quot;onmouseover=alert(1)"));
        // The full list of refused URLs is `labels::is_http_url`'s test.
        for bad in ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "/relative", ""] {
            assert_eq!(safe_href(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn lists_events_in_date_order_with_sources() {
        let c = corpus(
            vec![
                doc("a", "Army takes Kidal", Some("AFP"), Some("https://example.org/a")),
                doc("b", "Rebels deny", None, None),
            ],
            vec![
                event("e2", "2023-11-12", "Fighting around Kidal", &["a", "b"], true),
                event("e1", "2023-10-05", "Convoy leaves Gao", &["b"], false),
            ],
        );
        let html = render(&c);
        assert!(html.starts_with("<h1>A test corpus</h1><p>"), "{html}");
        assert!(html.contains("The 2 events found in 2 articles:"), "{html}");
        let first = html.find("Convoy leaves Gao").unwrap();
        let second = html.find("Fighting around Kidal").unwrap();
        assert!(first < second, "date order: {html}");
        assert!(html.contains(
            "<li>12 Nov 2023 — <b>Fighting around Kidal</b><br>Kidal · Armed clash · <strong>contested</strong><ul>\
             <li><a href=\"https://example.org/a\">Army takes Kidal</a> (AFP)</li><li>Rebels deny</li></ul></li>"
        ), "{html}");
        assert_eq!(html.matches("contested").count(), 1, "only the contested event is flagged");
        assert!(html.ends_with("</ol>"));
    }

    #[test]
    fn hostile_text_stays_inert() {
        let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>&lt;b&gt;";
        let c = corpus(
            vec![
                doc("a", evil, Some(evil), Some("javascript:alert(3)")),
                doc("b", "ok", None, Some("https://x.org/\"><script>alert(4)</script>")),
            ],
            vec![event("e", "2023-10-05", evil, &["a", "b", "missing"], false)],
        );
        let html = render(&c);
        for bad in ["<script", "<img", "javascript:"] {
            assert!(!html.contains(bad), "{bad:?} in {html}");
        }
        assert_eq!(html.matches("<a ").count(), 1, "only the http(s) URL is a link: {html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&amp;lt;b&amp;gt;"));
        // Every tag in the output is one the renderer writes.
        for tag in html.split('<').skip(1).map(|t| t.split([' ', '>']).next().unwrap_or("")) {
            assert!(
                ["h1", "/h1", "p", "/p", "ol", "/ol", "ul", "/ul", "li", "/li", "b", "/b", "br", "strong", "/strong", "a", "/a"]
                    .contains(&tag),
                "unexpected tag <{tag}> in {html}"
            );
        }
    }

    #[test]
    fn empty_corpus() {
        assert_eq!(
            render(&Corpus { settings: crate::model::Settings { title: "Nothing yet".into(), ..Default::default() }, ..Default::default() }),
            "<h1>Nothing yet</h1><p>The interactive explorer needs JavaScript and WebAssembly. \
             The 0 events found in 0 articles:</p><ol></ol>"
        );
    }
}
