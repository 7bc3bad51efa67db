//! "Embed": a modal `<dialog>` with the embed code for the current view (an
//! iframe and a few lines of listener script, from `embed::snippet`), a
//! copy button, and a live preview of the embedded view.
//!
//! The markup is static and filled in when the dialog opens (plain DOM
//! calls, no signals): the dialog is used rarely, and reactive wiring costs
//! page weight.

use counterclaim_model::query::ViewState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::copy_link::{copy_text, set_status};
use crate::embed::snippet::{embed_url, snippet};
use crate::url_state::{page_base, use_nav};

const DIALOG_ID: &str = "embed-dialog";
const CODE_ID: &str = "embed-code";
const STATUS_ID: &str = "embed-status";
const PREVIEW_ID: &str = "embed-preview";

fn element<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id).and_then(|e| e.dyn_into::<T>().ok())
}

fn code_field() -> Option<web_sys::HtmlTextAreaElement> {
    element(CODE_ID)
}

#[component]
pub fn EmbedDialog() -> impl IntoView {
    let nav = use_nav();
    let show = move |_| {
        let query = nav.state.with_untracked(|s| ViewState { embed: false, child_id: None, ..s.clone() }.to_query());
        let src = embed_url(&page_base(), &query);
        if let Some(t) = code_field() {
            t.set_value(&snippet(&src, &crate::data::corpus().settings.title));
        }
        if let Some(f) = document().get_element_by_id(PREVIEW_ID) {
            let _ = f.set_attribute("src", &src);
        }
        set_status(STATUS_ID, "Select the code and copy it (Ctrl+C / ⌘C).");
        if let Some(d) = element::<web_sys::HtmlDialogElement>(DIALOG_ID) {
            let _ = d.show_modal();
        }
        if let Some(t) = code_field() {
            t.select();
        }
    };
    let copy = move |_| {
        if let Some(t) = code_field() {
            t.select();
            copy_text(t.value(), STATUS_ID, "Embed code copied to the clipboard.");
        }
    };
    let close = move |_| {
        if let Some(d) = element::<web_sys::HtmlDialogElement>(DIALOG_ID) {
            d.close();
        }
    };
    view! {
        <button type="button" class="button subtle" aria-haspopup="dialog" on:click=show>"Embed"</button>
        <dialog id=DIALOG_ID class="embed-dialog" aria-labelledby="embed-title">
            <h2 id="embed-title">"Embed this view"</h2>
            <p>
                "Paste this code into your page. The frame shows the current filters and resizes itself to fit "
                "its content. Pym.js and AMP hosts can use the frame's address directly."
            </p>
            <label for=CODE_ID>"Embed code"</label>
            <textarea id=CODE_ID readonly rows="9" spellcheck="false"></textarea>
            <div class="dialog-actions">
                <button type="button" class="button" on:click=copy>"Copy code"</button>
                <p id=STATUS_ID class="copy-status" role="status"></p>
                <button type="button" class="button subtle" on:click=close>"Close"</button>
            </div>
            <h3>"Preview"</h3>
            <iframe id=PREVIEW_ID class="embed-preview" title="Preview of the embedded view"></iframe>
        </dialog>
    }
}
