//! "About this data": a modal `<dialog>` saying how the data was made — the
//! automatic extraction and its measured accuracy, the editorial
//! corrections, the sources, the build date. Its body is written at build
//! time (`counterclaim_model::about`, every text escaped) and put in the
//! dialog when it first opens: plain DOM calls, no signals, as for the Embed
//! dialog. Reachable from the header, embedded or not.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Built by `build.rs` from the corpus and `docs/accuracy.toml`; escaped.
static BODY: &str = include_str!(concat!(env!("OUT_DIR"), "/about.html"));

const DIALOG_ID: &str = "about-dialog";

fn dialog() -> Option<web_sys::HtmlDialogElement> {
    document().get_element_by_id(DIALOG_ID).and_then(|e| e.dyn_into().ok())
}

/// Opens the dialog (from the header button or the footer's "How accurate
/// is the extraction?").
pub fn open() {
    if let Some(body) = document().get_element_by_id("about-body").filter(|b| b.child_element_count() == 0) {
        body.set_inner_html(BODY);
    }
    if let Some(d) = dialog() {
        let _ = d.show_modal();
    }
}

#[component]
pub fn AboutDialog() -> impl IntoView {
    let show = move |_| open();
    let close = move |_| {
        if let Some(d) = dialog() {
            d.close();
        }
    };
    view! {
        <button type="button" class="button subtle about-button" aria-haspopup="dialog" on:click=show>"About this data"</button>
        <dialog id=DIALOG_ID class="embed-dialog about-dialog" aria-labelledby="about-title">
            <h2 id="about-title">"About this data"</h2>
            <div id="about-body"></div>
            <div class="dialog-actions"><button type="button" class="button" on:click=close>"Close"</button></div>
        </dialog>
    }
}

/// An editor's public note on a corrected claim or event.
pub fn editors_note(note: &Option<String>) -> Option<impl IntoView> {
    note.clone().map(|n| view! { <p class="editors-note"><strong>"Editor's note: "</strong>{n}</p> })
}
