//! "Copy link": copies the current URL (which holds the whole view state)
//! with `navigator.clipboard`, and always shows it in a selected read-only
//! field as a fallback (and for browsers that refuse clipboard access).

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::url_state::use_nav;

#[component]
pub fn CopyLink() -> impl IntoView {
    let url = RwSignal::new(String::new());
    let shown = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let field = NodeRef::<leptos::html::Input>::new();

    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        url.set(href.clone());
        shown.set(true);
        message.set("Select the link and copy it (Ctrl+C / ⌘C).".to_owned());
        let navigator = window().navigator();
        let has_clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
            .map(|v| !v.is_undefined() && !v.is_null())
            .unwrap_or(false);
        if !has_clipboard {
            return;
        }
        let clipboard = navigator.clipboard();
        leptos::task::spawn_local(async move {
            let ok = JsFuture::from(clipboard.write_text(&href)).await.is_ok();
            if ok {
                message.set("Link copied to the clipboard.".to_owned());
            }
        });
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
                <p class="copy-status" role="status">{move || message.get()}</p>
                <button type="button" class="button subtle" on:click=move |_| shown.set(false)>"Close"</button>
            </div>
        </div>
    }
}
