//! "Download CSV" / "Download JSON": the events of the current filter as
//! rows with citations (`counterclaim_model::export_rows`), built in the
//! browser when a button is clicked, never on render. The file is handed to
//! the browser as a Blob behind an object URL and a temporary
//! `<a download>`; nothing is fetched, and a `blob:` download is allowed by
//! the strict Content-Security-Policy.

use std::time::Duration;

use counterclaim_model::export_rows::{to_csv, to_json, Resolve};
use counterclaim_model::{Actor, Claim, Document, Event, Place};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::data::{corpus, lookup};
use crate::url_state::use_nav;

/// The rows resolve ids with the lookups the views use, so a download lists
/// the claims the event view shows.
struct AppIds;

impl Resolve<'static> for AppIds {
    fn actor(&self, id: &str) -> Option<&'static Actor> {
        lookup().actor(id)
    }
    fn place(&self, id: &str) -> Option<&'static Place> {
        lookup().place(id)
    }
    fn document(&self, id: &str) -> Option<&'static Document> {
        lookup().document(id)
    }
    fn claims_of(&self, event: &'static Event) -> Vec<&'static Claim> {
        lookup().claims_of_event(&event.id)
    }
    fn event(&self, _corpus: &'static counterclaim_model::Corpus, i: usize) -> Option<&'static Event> {
        crate::data::event_at(i)
    }
}

/// Offers `body` to the browser as a download named `name`.
fn save(name: &str, mime: &str, body: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a = document().create_element("a")?;
    a.set_attribute("href", &url)?;
    a.set_attribute("download", name)?;
    a.unchecked_ref::<web_sys::HtmlElement>().click();
    // Free the Blob later rather than at once: some browsers read it only
    // after the click has returned (FileSaver.js waits 40 s too).
    set_timeout(move || drop(web_sys::Url::revoke_object_url(&url)), Duration::from_secs(30));
    Ok(())
}

/// Builds the rows of `events` and offers them as a file.
fn save_rows(json: bool, events: &[usize], query: &str) {
    let result = if json {
        save("counterclaim-events.json", "application/json", &to_json(corpus(), &AppIds, events, query))
    } else {
        save("counterclaim-events.csv", "text/csv;charset=utf-8", &to_csv(corpus(), &AppIds, events))
    };
    if let Err(e) = result {
        leptos::logging::error!("download failed: {e:?}");
    }
}

#[component]
pub fn Downloads(results: Memo<Vec<usize>>) -> impl IntoView {
    let nav = use_nav();
    // A chunked build first fetches the claims of the events (progress here).
    let progress = RwSignal::new(String::new());
    let download = move |json: bool| {
        let events = results.get_untracked();
        let query = nav.state.with_untracked(|s| s.to_query());
        #[cfg(not(chunked))]
        {
            let _ = progress;
            save_rows(json, &events, &query);
        }
        #[cfg(chunked)]
        leptos::task::spawn_local(async move {
            let shown = |done: usize, total: usize| {
                if total > 1 {
                    progress.set(format!("Fetching the claims: {done} of {total} parts…"));
                }
            };
            match crate::store::fetch_events(&events, shown).await {
                Ok(()) => {
                    progress.set(String::new());
                    save_rows(json, &events, &query);
                }
                Err(why) => progress.set(format!("The download failed: {why}. Try again.")),
            }
        });
    };
    view! {
        <div class="downloads">
            <button type="button" class="button subtle" on:click=move |_| download(false)>
                "Download CSV"<span class="sr-only">" of the matching events"</span>
            </button>
            <button type="button" class="button subtle" on:click=move |_| download(true)>
                "Download JSON"<span class="sr-only">" of the matching events"</span>
            </button>
            {cfg!(chunked).then(|| view! { <span class="download-progress" aria-live="polite">{move || progress.get()}</span> })}
        </div>
    }
}
