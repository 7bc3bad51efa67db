use std::path::Path;

use super::*;
use crate::model::Settings;

fn seeds() -> Corpus {
    crate::load::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds load")
}

fn hostile() -> Corpus {
    crate::load::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile")).expect("hostile loads")
}

/// Text between the first `open` and the next `close`.
fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let a = s.find(open).map(|i| i + open.len()).unwrap_or(s.len());
    let b = s[a..].find(close).map(|i| a + i).unwrap_or(s.len());
    &s[a..b]
}

#[test]
fn the_opening_view_is_the_apps_first_screenful_in_its_order() {
    let c = seeds();
    let page = render(&c);
    let index = Index::new(&c);
    let order = index.results(&Filter::default());
    assert!(order.len() > FIRST_SCREEN_EVENTS, "the seeds have more events than a screenful");
    let cards = page.body.matches("<li class=\"event-card").count();
    assert_eq!(cards, FIRST_SCREEN_EVENTS);
    // The cards are the first events in the app's order, linked as the app links them.
    let mut at = 0;
    for &i in &order[..FIRST_SCREEN_EVENTS] {
        let e = &c.events[i];
        let link = format!("<a href=\"?{}\">{}</a>", esc(&ViewState { event: Some(e.id.clone()), ..Default::default() }.to_query()), esc(&e.title));
        let found = page.body[at..].find(&link).unwrap_or_else(|| panic!("{link} after {at}"));
        at += found;
    }
    // Header: the settings' description and the app's figures line.
    assert!(page.body.contains(&format!("<p class=\"tagline\">{}</p>", esc(&c.settings.description))));
    assert!(page.body.contains(&format!("{} articles · {} events · ", c.documents.len(), c.events.len())));
    assert!(page.body.contains(&format!("<span class=\"boot-count\">{} events, no filter</span>", c.events.len())));
    // Without JavaScript, the rest of the list follows in <noscript>: every event once.
    let rest = between(&page.body, "<noscript>", "</noscript>");
    assert_eq!(rest.matches("<b>").count(), order.len() - FIRST_SCREEN_EVENTS);
    for &i in &order {
        let title = esc(&c.events[i].title);
        assert_eq!(page.body.matches(&format!(">{title}<")).count(), 1, "{title} once");
    }
    // The start-up status and the failure notice are in the markup.
    assert!(page.body.contains("role=\"status\">Loading the interactive explorer…"));
    assert!(page.body.contains("class=\"boot-failed\" role=\"alert\" hidden"));
    assert_eq!(page.lang, "en");
}

#[test]
fn head_and_texts_come_from_the_settings() {
    let mut c = seeds();
    c.settings = Settings { title: "A river war".into(), description: "What the two banks said.".into(), language: "fr".into() };
    let page = render(&c);
    assert!(page.head.starts_with("<title>Counterclaim — A river war</title><meta name=\"description\" content=\"What the two banks said.\">"), "{}", page.head);
    assert!(page.head.contains("<meta property=\"og:title\" content=\"Counterclaim — A river war\">"));
    assert!(page.head.contains("<meta property=\"og:description\" content=\"What the two banks said.\">"));
    assert!(page.head.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    assert_eq!(page.lang, "fr");
    assert!(page.body.contains("<p class=\"tagline\">What the two banks said.</p>"));
}

#[test]
fn the_list_without_javascript_is_capped_with_a_count() {
    let mut c = seeds();
    let template = c.events[0].clone();
    c.events = (0..LISTED_EVENTS + 57)
        .map(|i| {
            let mut e = template.clone();
            e.id = format!("ev{i:04}");
            e.title = format!("Event number {i}");
            e
        })
        .collect();
    let page = render(&c);
    let rest = between(&page.body, "<noscript>", "</noscript>");
    assert_eq!(rest.matches("<b>Event number").count(), LISTED_EVENTS - FIRST_SCREEN_EVENTS);
    assert!(rest.contains("<p>57 more events are not listed here; the interactive explorer shows them all.</p>"), "{rest}");
    let fallback = crate::noscript::render(&c);
    assert_eq!(fallback.matches("<b>Event number").count(), LISTED_EVENTS);
    assert!(fallback.ends_with("<p>57 more events are not listed here.</p>"));
}

#[test]
fn hostile_text_stays_text() {
    let c = hostile();
    let page = render(&c);
    for part in [&page.head, &page.body] {
        for bad in ["<script", "<img", "<iframe", "<svg", "href=\"javascript:", " onmouseover=\""] {
            assert!(!part.to_ascii_lowercase().contains(bad), "{bad:?} in {part}");
        }
    }
    // Every source link is http(s).
    for href in page.body.split("href=\"").skip(1).map(|h| h.split('"').next().unwrap_or("")) {
        assert!(href.starts_with('?') || href.starts_with("https://") || href.starts_with("http://") || href == "#s-main", "{href}");
    }
}

#[test]
fn an_empty_corpus_still_renders() {
    let page = render(&Corpus { settings: Settings { title: "Nothing yet".into(), description: "d".into(), language: "en".into() }, ..Default::default() });
    assert!(page.body.contains("No event matches these filters."));
    assert!(page.body.contains("no dated events yet"));
    assert!(!page.body.contains("<noscript>"));
}

#[test]
fn a_card_lists_its_first_reasons_and_counts_the_rest() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut c = crate::load::load_dir(&dir).expect("seeds parse");
    let e = c.events.iter_mut().find(|e| e.contested).expect("a contested seed event");
    let first = e.disputes[0].clone();
    e.disputes = (0..5).map(|i| crate::model::Dispute { reason: format!("reason number {i}"), ..first.clone() }).collect();
    let body = render(&c).body;
    assert!(body.contains("<li>reason number 2</li>"), "{body}");
    assert!(!body.contains("reason number 3"), "the fourth reason is left to the event view");
    assert!(body.contains("<li class=\"more-reasons\">and 2 more in the event</li>"), "{body}");
}

#[test]
fn large_counts_read_as_the_app_writes_them() {
    assert_eq!(events_no_filter(6005), "6,005 events, no filter");
    assert_eq!(events_no_filter(1), "1 event, no filter");
    assert_eq!(count(12944, "claim", "claims"), "12,944 claims");
}
