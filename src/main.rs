//! Counterclaim's web app (Leptos CSR). Components stay thin: the corpus is
//! decoded once at start from the binary embedded by `build.rs`, and all view
//! state is read from the URL query string.

mod app;
mod data;
// Mounted by the explorer view (UI branch); unused until then.
#[allow(dead_code)]
mod map;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
