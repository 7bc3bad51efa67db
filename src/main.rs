//! Counterclaim's web app (Leptos CSR). Components stay thin: the corpus is
//! decoded once at start from the binary embedded by `build.rs`, filtering
//! is the query crate's `Index`, and all view state lives in the URL query
//! string (`url_state`).
//!
//! Until it starts, the page shows the build-time static opening view
//! (`#static-view`, `counterclaim_model::opening`) under the control of
//! `scripts/startup.js`; once mounted, the app removes it.

mod app;
mod components;
mod data;
mod embed;
mod figures;
mod format;
mod map;
mod segments;
mod store;
mod url_state;
mod window;

fn main() {
    #[cfg(not(chunked))]
    start();
    // A chunked build starts once its manifest is here; meanwhile the static
    // view stays, and if the manifest cannot be had the start-up script shows
    // its failure notice (`counterclaim-failed`).
    #[cfg(chunked)]
    wasm_bindgen_futures::spawn_local(async {
        match store::start().await {
            Ok(()) => start(),
            Err(why) => {
                leptos::logging::error!("Counterclaim: the corpus could not be loaded: {why}");
                if let Ok(e) = web_sys::Event::new("counterclaim-failed") {
                    let _ = leptos::prelude::window().dispatch_event(&e);
                }
            }
        }
    });
}

fn start() {
    leptos::mount::mount_to_body(app::App);
    remove_static_view();
}

/// Removes the static opening view and the start-up state, in the same
/// task as the mount (no frame shows both, none shows neither). Its layout
/// is the app's, so nothing visibly moves.
fn remove_static_view() {
    let doc = leptos::prelude::document();
    if let Some(view) = doc.get_element_by_id("static-view") {
        view.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.remove_attribute("data-boot");
    }
}
