//! The page's static opening view (native only; build time): what a reader
//! sees before the WebAssembly app has arrived, and all a reader without
//! JavaScript gets. `counterclaim page DIR --out FILE` writes it and
//! `scripts/postbuild.mjs` splices it into `dist/index.html`.
//!
//! - [`Page::head`]: `<title>`, meta description, Open Graph and twitter
//!   tags, from the corpus settings.
//! - [`Page::body`]: the header (title, counts, description, controls shown
//!   as not yet available), the start-up status and failure notice, and the
//!   first screenful of the timeline ([`FIRST_SCREEN_EVENTS`]) — in the app's
//!   own markup and classes, so the stylesheet lays it out as the app will
//!   and the app replaces it without a visible jump. Ids carry an `s-`
//!   prefix so they never clash with the app's while both are in the page.
//! - each card also lists its source articles (`static-sources`: shown
//!   without JavaScript or when the app cannot start; hidden while loading);
//!   a `<noscript>` inside it continues the list for readers without
//!   JavaScript: the following events, [`LISTED_EVENTS`] in all, and a count
//!   of the rest (compact markup, one shared rendering: no event twice).
//!
//! Events come in the app's order and month groups (`query::Index`). Every
//! text is escaped; article links are http(s) only (`noscript::safe_href`).

use crate::labels::{count_label as count, date_label, escape_html as esc};
use crate::model::{camp_class, speaking_camps, Corpus, Event};
use crate::query::{Filter, Index, ViewState};

/// Events rendered in the app's markup: a first screenful, even on a tall
/// screen, and not more (page weight).
pub const FIRST_SCREEN_EVENTS: usize = 4;
/// Most events the page lists without JavaScript (the rest are counted).
pub const LISTED_EVENTS: usize = 200;

/// The pieces `scripts/postbuild.mjs` puts into `index.html`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `<html lang>`, a checked language tag.
    pub lang: String,
    /// `<title>` and the sharing `<meta>` tags.
    pub head: String,
    /// The static view: elements for `<body>`, before the app's script.
    pub body: String,
}

/// The page title: "Counterclaim — <corpus title>" (also the embed frame's).
pub fn page_title(c: &Corpus) -> String {
    format!("Counterclaim — {}", c.settings.title)
}

pub fn render(c: &Corpus) -> Page {
    let index = Index::new(c);
    let results = index.results(&Filter::default());
    let mut body = String::with_capacity(8 * 1024);
    body.push_str("<div id=\"static-view\" class=\"static-view\">");
    body.push_str("<a class=\"skip-link\" href=\"#s-main\">Skip to content</a>");
    header(c, &index, &mut body);
    body.push_str("<div class=\"layout\">");
    sidebar(results.len(), &mut body);
    body.push_str("<main id=\"s-main\" tabindex=\"-1\">");
    notices(&mut body);
    body.push_str(&format!(
        "<p class=\"result-count\"><span class=\"boot-loading\" role=\"status\">Loading the interactive explorer…</span>\
         <span class=\"boot-count\">{}</span></p>",
        esc(&events_no_filter(results.len()))
    ));
    body.push_str(
        "<div class=\"downloads\"><button type=\"button\" class=\"button subtle\" disabled>Download CSV</button>\
         <button type=\"button\" class=\"button subtle\" disabled>Download JSON</button></div>",
    );
    timeline(c, &index, &results, &mut body);
    body.push_str("</main></div>");
    body.push_str(
        "<footer class=\"site-footer\"><p>Claims are extracted automatically from the articles and may be incomplete; \
         every quote links to its place in the original text. The parties' assertions are reported, not verified. \
         <button type=\"button\" class=\"linklike\" disabled>How accurate is the extraction?</button></p></footer>",
    );
    body.push_str("</div>");
    Page { lang: c.settings.language.clone(), head: head(c), body }
}

fn head(c: &Corpus) -> String {
    let title = esc(&page_title(c));
    let description = esc(&c.settings.description);
    format!(
        "<title>{title}</title><meta name=\"description\" content=\"{description}\">\
         <meta property=\"og:type\" content=\"website\"><meta property=\"og:site_name\" content=\"Counterclaim\">\
         <meta property=\"og:title\" content=\"{title}\"><meta property=\"og:description\" content=\"{description}\">\
         <meta name=\"twitter:card\" content=\"summary\">{}",
        camp_colours(c)
    )
}

/// The editor's camp colours for `scripts/startup.js`, which sets them as
/// the palette's `--cN` (the CSP forbids inline styles):
/// `<meta name="camp-colours" content="1:#2e8b57">`; nothing without any.
/// Only checked `#rrggbb` colours of camps the palette has a slot for.
fn camp_colours(c: &Corpus) -> String {
    let pairs: Vec<String> = c
        .camps
        .iter()
        .enumerate()
        .take(crate::model::CAMP_CLASSES)
        .filter_map(|(i, camp)| camp.colour.as_deref().filter(|x| crate::settings::is_colour(x)).map(|x| format!("{i}:{}", x.to_ascii_lowercase())))
        .collect();
    if pairs.is_empty() {
        return String::new();
    }
    format!("<meta name=\"camp-colours\" content=\"{}\">", pairs.join(" "))
}

/// The app's result count with no filter.
fn events_no_filter(n: usize) -> String {
    format!("{}, no filter", count(n, "event", "events"))
}

/// The app's header, its controls disabled until the app has started.
fn header(c: &Corpus, index: &Index, out: &mut String) {
    let figures = index.summary().figures_line();
    out.push_str(&format!(
        "<header class=\"site-header\"><div class=\"brand\"><h1><a href=\"?\" class=\"home\">Counterclaim</a></h1>\
         <p class=\"figures\">{}</p></div><p class=\"tagline\">{}</p>\
         <div class=\"header-bar\"><nav aria-label=\"Views\"><ul class=\"tabs\">\
         <li><a href=\"?\" class=\"tab\" aria-current=\"page\">Timeline</a></li>\
         <li><a href=\"?view=map\" class=\"tab\">Map</a></li>\
         <li><a href=\"?view=articles\" class=\"tab\">Articles</a></li></ul></nav>\
         <div class=\"header-actions\"><button type=\"button\" class=\"button\" disabled>Embed</button>\
         <button type=\"button\" class=\"button\" disabled>Copy link</button></div>\
         <button type=\"button\" class=\"button subtle about-button\" disabled>About this data</button>\
         <a class=\"button subtle open-full\" href=\"?\" target=\"_blank\" rel=\"noopener\">Open the full explorer\
         <span class=\"sr-only\"> (opens in a new tab)</span></a></div></header>",
        esc(&figures),
        esc(&c.settings.description)
    ));
}

/// The filter sidebar's frame: the drawer button and the panel's heading,
/// the filters themselves not yet available.
fn sidebar(n: usize, out: &mut String) {
    out.push_str(&format!(
        "<aside class=\"sidebar\" aria-label=\"Filters\"><button type=\"button\" class=\"button drawer-toggle\" disabled>Filters\
         <span class=\"drawer-results\">{}</span></button><div class=\"filter-panel\"><div class=\"filter-head\"><h2>Filters</h2></div>\
         <p class=\"muted small boot-pending\">Available once the explorer has loaded.</p></div></aside>",
        esc(&events_no_filter(n))
    ));
}

/// The failure notice, hidden until the start-up script shows it.
fn notices(out: &mut String) {
    out.push_str(
        "<div class=\"boot-failed\" role=\"alert\" hidden><p><strong>The interactive explorer could not start here.</strong> \
         You can still read the list of events below and follow the links to the articles.</p>\
         <p class=\"boot-embedded\"><a class=\"boot-full\" href=\"?\" target=\"_blank\" rel=\"noopener\">Open the full page in a new tab\
         </a></p></div>",
    );
}

fn timeline(c: &Corpus, index: &Index, results: &[usize], out: &mut String) {
    let shown = results.len().min(FIRST_SCREEN_EVENTS);
    out.push_str("<section class=\"timeline static-list\" aria-labelledby=\"s-timeline-h\"><h2 id=\"s-timeline-h\">Timeline of events</h2>");
    let groups = index.month_groups(results);
    if groups.is_empty() {
        out.push_str("<div class=\"empty\"><p>No event matches these filters.</p></div>");
    }
    for g in groups.iter().filter(|g| g.range.start < shown) {
        let in_month = g.range.len();
        out.push_str(&format!(
            "<section class=\"month\" aria-labelledby=\"s-month-{key}\"><h3 id=\"s-month-{key}\">{label}<span class=\"month-count\">{n}</span></h3><ol class=\"events\">",
            key = esc(&g.key),
            label = esc(&g.label),
            n = count(in_month, "event", "events"),
        ));
        for &i in results.get(g.range.start..g.range.end.min(shown)).unwrap_or(&[]) {
            if let Some(e) = c.events.get(i) {
                event_card(c, e, out);
            }
        }
        out.push_str("</ol></section>");
    }
    if results.len() > shown {
        out.push_str(&format!(
            "<p class=\"muted boot-more\">The first {shown} of {}. The full timeline appears when the interactive explorer has loaded.</p>",
            count(results.len(), "event", "events")
        ));
        out.push_str("<noscript>");
        rest_of_list(c, results.get(shown..).unwrap_or(&[]), LISTED_EVENTS.saturating_sub(shown), out);
        out.push_str("</noscript>");
    }
    out.push_str("</section>");
}

/// Claims about an event: those it lists and those naming it (as the app).
fn claims_of<'c>(c: &'c Corpus, e: &Event) -> Vec<&'c crate::model::Claim> {
    c.claims
        .iter()
        .filter(|cl| e.claims.contains(&cl.id) || cl.event.as_deref() == Some(e.id.as_str()))
        .collect()
}

/// One event in the app's `EventCard` markup.
fn event_card(c: &Corpus, e: &Event, out: &mut String) {
    let claims = claims_of(c, e);
    // the camps speaking (unidentified speakers count as one), as the app
    let groups = speaking_camps(claims.iter().copied());
    let voices = match claims.len() {
        0 => "no quoted claim".to_owned(),
        n => format!("{} from {}", count(n, "claim", "claims"), count(groups.len(), "side", "sides")),
    };
    let places = place_names(c, e).join(", ");
    let href = ViewState { event: Some(e.id.clone()), ..Default::default() }.to_query();
    out.push_str(&format!(
        "<li class=\"{}\"><p class=\"when\"><time datetime=\"{}\">{}</time></p><h4 class=\"event-title\"><a href=\"?{}\">{}</a></h4>\
         <p class=\"meta\"><span class=\"kind\">{}</span>",
        if e.contested { "event-card contested" } else { "event-card" },
        esc(&e.start),
        esc(&date_label(&e.start, &e.end, e.precision)),
        esc(&href),
        esc(&e.title),
        esc(e.kind.label()),
    ));
    if !places.is_empty() {
        out.push_str(&format!(" · <span class=\"place\">{}</span>", esc(&places)));
    }
    out.push_str(&format!(" · <span>{}</span></p>", esc(&voices)));
    if !e.actors.is_empty() {
        out.push_str("<ul class=\"chips\" aria-label=\"Actors\">");
        for id in &e.actors {
            let actor = c.actors.iter().find(|a| &a.id == id);
            let class = camp_class(actor.map(|a| a.side));
            let name = actor.map(|a| a.name.as_str()).unwrap_or(id);
            out.push_str(&format!("<li class=\"chip {class}\">{}</li>", esc(name)));
        }
        out.push_str("</ul>");
    }
    if e.contested {
        out.push_str("<div class=\"contested-note\"><span class=\"badge contested-badge\">Contested</span><ul class=\"reasons\">");
        for d in e.disputes.iter().take(crate::labels::CARD_REASONS) {
            out.push_str(&format!("<li>{}</li>", esc(&d.reason)));
        }
        if let Some(more) = crate::labels::more_reasons(e.disputes.len()) {
            out.push_str(&format!("<li class=\"more-reasons\">{}</li>", esc(&more)));
        }
        out.push_str("</ul></div>");
    }
    // Shown only without JavaScript or when the app cannot start.
    crate::noscript::sources(c, e, "<ul class=\"static-sources\" aria-label=\"Sources\">", out);
    out.push_str("</li>");
}

fn place_names<'c>(c: &'c Corpus, e: &'c Event) -> Vec<&'c str> {
    e.places
        .iter()
        .map(|id| c.places.iter().find(|p| &p.id == id).map(|p| p.name.as_str()).unwrap_or(id))
        .collect()
}

/// The list continued without JavaScript: at most `room` more events in the
/// compact `<noscript>` form, then how many are left out.
fn rest_of_list(c: &Corpus, rest: &[usize], room: usize, out: &mut String) {
    let listed = rest.len().min(room);
    out.push_str("<ol class=\"plain-list\">");
    for e in rest.iter().take(listed).filter_map(|&i| c.events.get(i)) {
        crate::noscript::event_item(c, e, out);
    }
    out.push_str("</ol>");
    if rest.len() > listed {
        out.push_str(&format!(
            "<p>{} not listed here; the interactive explorer shows them all.</p>",
            count(rest.len() - listed, "more event is", "more events are")
        ));
    }
}

#[cfg(test)]
mod tests;
