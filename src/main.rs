//! Counterclaim's web app (Leptos CSR). Components stay thin: the corpus is
//! decoded once at start from the binary embedded by `build.rs`, filtering
//! is the query crate's `Index`, and all view state lives in the URL query
//! string (`url_state`).

mod app;
mod components;
mod data;
mod embed;
mod figures;
mod format;
mod map;
mod segments;
mod url_state;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
