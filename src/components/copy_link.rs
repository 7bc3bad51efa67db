//! "Copy link": copies the current URL (which holds the whole view state)
//! with `navigator.clipboard`, and always shows it in a selected read-only
//! field as a fallback (and for browsers that refuse clipboard access).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

use crate::url_state::use_nav;

/// Shows `text` in the element with id `status_id` (a `role=status` line).
pub fn set_status(status_id: &str, text: &str) {
    if let Some(el) = document().get_element_by_id(status_id) {
        el.set_text_content(Some(text));
    }
}

/// Writes `text` to the clipboard when the browser allows it, then shows
/// `done` in the status line `status_id` (which otherwise keeps its
/// select-and-copy hint).
pub fn copy_text(text: String, status_id: &'static str, done: &'static str) {
    let navigator = window().navigator();
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).map(|v| !v.is_undefined() && !v.is_null()).unwrap_or(false);
    if !has_clipboard {
        return;
    }
    // A promise callback rather than an async task: smaller in WASM. The
    // callback runs only when the write succeeded; it is leaked (one small
    // closure per copy) as the promise may never settle.
    let on_done = Closure::once(move |_: JsValue| set_status(status_id, done));
    let _ = navigator.clipboard().write_text(&text).then(&on_done);
    on_done.forget();
}

const STATUS_ID: &str = "copy-link-status";

#[component]
pub fn CopyLink() -> impl IntoView {
    let url = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let field = NodeRef::<leptos::html::Input>::new();

    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        url.set(href.clone());
        shown.set(true);
        set_status(STATUS_ID, "Select the link and copy it (Ctrl+C / ⌘C).");
        copy_text(href, STATUS_ID, "Link copied to the clipboard.");
    };
    // Keep the shown link current while the view changes.
    let nav = use_nav();
    Effect::new(move |_| {
        nav.state.track();
        if shown.get_untracked() {
            url.set(window().location().href().unwrap_or_default());
        }
    });
    Effect::new(move |_| {
        if shown.get() {
            if let Some(input) = field.get() {
                input.select();
                let _ = input.focus();
            }
        }
    });
    view! {
        <div class="copy-link">
            <button type="button" class="button" on:click=copy aria-expanded=move || if shown.get() { "true" } else { "false" } aria-controls="copy-link-panel">
                "Copy link"
            </button>
            <div id="copy-link-panel" class="copy-link-panel" hidden=move || !shown.get()>
                <label for="copy-link-url">"Link to this view"</label>
                <input id="copy-link-url" node_ref=field type="url" readonly prop:value=move || url.get()/>
                <p id=STATUS_ID class="copy-status" role="status"></p>
                <button type="button" class="button subtle" on:click=move |_| shown.set(false)>"Close"</button>
            </div>
        </div>
    }
}
