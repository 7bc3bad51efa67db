//! The app root: installs the URL-backed view state and lays out the page
//! (header, view tabs, filter sidebar / drawer, and the main content, which
//! is the article reader, the event view or one of the three views).

use counterclaim_model::query::{View, ViewState};
use leptos::prelude::*;

use crate::components::{
    articles::ArticlesView, event_view::EventView, filters::Filters, header::Header, map_view::MapView,
    reader::Reader, timeline::Timeline,
};
use crate::components::downloads::Downloads;
use crate::data::{index, lookup};
use crate::format::{count_label, grouped};
use crate::url_state::{Link, Nav};

/// What the main area shows, derived from the URL state.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Screen {
    Reader(String),
    Event(String),
    View(View),
}

fn screen_of(s: &ViewState) -> Screen {
    let l = lookup();
    // A chunked build knows an article once its chunk is here: the reader
    // fetches it and says so if it is not in the corpus.
    if let Some(a) = s.article.as_deref().filter(|a| cfg!(chunked) || l.document(a).is_some()) {
        return Screen::Reader(a.to_owned());
    }
    if let Some(e) = s.event.as_deref().filter(|e| index().event_index(e).is_some()) {
        return Screen::Event(e.to_owned());
    }
    Screen::View(s.view)
}

#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::install();
    let embedded = nav.state.with_untracked(|s| s.embed);
    if embedded {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-embed", "");
        }
    }

    let filter = Memo::new(move |_| nav.state.with(|s| s.filter.clone()));
    let results = Memo::new(move |_| {
        filter.with(|f| {
            // A chunked build fetches the word index or the articles' table
            // when the filter first needs them, and filters again then.
            let (documents, words) = index().missing_for(f);
            if documents || words {
                crate::store::track();
                if documents {
                    crate::store::need_directory();
                }
                if words {
                    crate::store::need_words();
                }
            }
            index().results(f)
        })
    });
    let screen = Memo::new(move |_| nav.state.with(screen_of));
    // A shared link to an event this edition no longer holds (merged,
    // corrected): say so, never show another event.
    let missing = Memo::new(move |_| {
        nav.state.with(|s| s.article.is_none() && s.event.as_deref().is_some_and(|e| index().event_index(e).is_none()))
    });
    let gone_notice = move || {
        missing.get().then(|| {
            let back = nav.with(|s| {
                s.event = None;
                s.claim = None;
            });
            view! {
                <div class="notice gone-notice" data-testid="gone-notice">
                    <h2>"This event is no longer in the corpus"</h2>
                    <p>
                        "The link names an event that this edition of the data does not hold: the editors may "
                        "have merged it with another event or corrected it. "<Link to=back>"Show all events"</Link>
                    </p>
                </div>
            }
        })
    };
    // One memo for the status line and the drawer button that repeats it.
    let count_text = Memo::new(move |_| {
        let n = results.with(Vec::len);
        if filter.with(|f| index().missing_for(f) != (false, false)) {
            crate::store::track();
            return "Searching…".to_owned();
        }
        let total = index().n_events();
        let filtered = filter.with(|f| !f.is_empty());
        match (n, filtered) {
            (1, true) => "1 event matches".to_owned(),
            (n, true) => format!("{} match (of {})", count_label(n, "event", "events"), grouped(total as u64)),
            (n, false) => format!("{}, no filter", count_label(n, "event", "events")),
        }
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header/>
        <div class="layout">
            <Filters results_text=count_text.into()/>
            <main id="main" tabindex="-1">
                <p class="result-count" role="status" aria-live="polite">{count_text}</p>
                {gone_notice}
                <Downloads results=results/>
                {move || match screen.get() {
                    Screen::Reader(doc) => view! { <Reader doc_id=doc/> }.into_any(),
                    Screen::Event(id) => view! { <EventView event_id=id/> }.into_any(),
                    Screen::View(View::Timeline) => view! { <Timeline results=results/> }.into_any(),
                    Screen::View(View::Map) => view! { <MapView/> }.into_any(),
                    Screen::View(View::Articles) => view! { <ArticlesView results=results/> }.into_any(),
                }}
            </main>
        </div>
        <footer class="site-footer">
            <p>
                "Claims are extracted automatically from the articles and may be incomplete; "
                "every quote links to its place in the original text. The parties' assertions "
                "are reported, not verified. "
                <button type="button" class="linklike" on:click=|_| crate::components::about::open()>
                    "How accurate is the extraction?"
                </button>
            </p>
        </footer>
    }
}
