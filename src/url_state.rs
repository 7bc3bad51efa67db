//! Bridges the browser's location and history with the query crate's
//! [`ViewState`]: the URL query string is the single source of view state.
//!
//! Filter changes *replace* the history entry; opening an event or an
//! article *pushes* one; back/forward (popstate) re-read the URL. Parsing and
//! writing the query string is entirely `ViewState::from_query` / `to_query`.
//!
//! Embedded (`embed=1`), every navigation *replaces*: an iframe's history
//! entries are the host page's, and a reader's Back button must leave the
//! article, not step through our filters. `embed` and `childId` stick to
//! every state shown.

use counterclaim_model::query::{Filter, ViewState};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// How a navigation affects the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Push,
    Replace,
}

/// The app's view state, kept in sync with the URL. `Copy`: pass it freely.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<ViewState>,
    /// Set by a push navigation: the newly shown view should take focus.
    pub focus_pending: RwSignal<bool>,
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// The page's absolute address without query or fragment. (Not
/// `origin + pathname`: a sandboxed frame's origin is the string "null".)
pub fn page_base() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_owned()
}

/// The href for a state: `?query`, or `?` for the default view.
pub fn href(state: &ViewState) -> String {
    format!("?{}", state.to_query())
}

/// Low-confidence claims are in the page but hidden by the stylesheet unless
/// `html[data-uncertain]`; the "Show uncertain extractions" checkbox
/// follows the state too (plain DOM: cheaper in page weight than effects).
fn show_uncertain(on: bool) {
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = if on { root.set_attribute("data-uncertain", "") } else { root.remove_attribute("data-uncertain") };
    }
    if let Some(input) = doc.get_element_by_id("filter-uncertain").and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.set_checked(on);
    }
}

/// The view the URL describes; camp ids this corpus lacks (a link made
/// for another build) are dropped, so the canonical URL forgets them.
fn location_state() -> ViewState {
    let mut s = ViewState::from_query(&location_search());
    s.filter.sides.retain(|k| crate::data::corpus().camps.iter().any(|c| c.id == *k));
    s
}

impl Nav {
    /// Reads the current URL, canonicalises it in place (a malformed query
    /// becomes its clean form) and follows back/forward from then on.
    pub fn install() -> Nav {
        let state = location_state();
        let nav = Nav { state: RwSignal::new(state), focus_pending: RwSignal::new(false) };
        nav.write_url(Mode::Replace);
        let handle = window_event_listener(ev::popstate, move |_| {
            nav.state.set(location_state());
            nav.focus_pending.set(false);
            show_uncertain(nav.state.with_untracked(|s| s.uncertain));
        });
        on_cleanup(move || handle.remove());
        provide_context(nav);
        nav
    }

    /// Whether the page runs in embed mode (fixed at start).
    pub fn embedded(&self) -> bool {
        self.state.with_untracked(|s| s.embed)
    }

    fn write_url(&self, mode: Mode) {
        show_uncertain(self.state.with_untracked(|s| s.uncertain));
        let q = self.state.with_untracked(ViewState::to_query);
        let loc = window().location();
        let path = loc.pathname().unwrap_or_default();
        let url = if q.is_empty() { path } else { format!("{path}?{q}") };
        let Ok(history) = window().history() else { return };
        let current = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
        let push = mode == Mode::Push && current != url && !self.embedded();
        let result = if push {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
        if let Err(e) = result {
            leptos::logging::warn!("history update failed: {e:?}");
        }
    }

    /// Shows `next` and records it in the URL. Opening a view keeps the
    /// reader's "Show uncertain extractions": a link's href was written when
    /// its view was, perhaps before the reader ticked it.
    pub fn go(&self, mut next: ViewState, mode: Mode) {
        if self.embedded() {
            next.embed = true;
            next.child_id = self.state.with_untracked(|s| s.child_id.clone());
        }
        if mode == Mode::Push {
            next.uncertain |= self.state.with_untracked(|s| s.uncertain);
        }
        let next = ViewState::from_query(&next.to_query());
        if mode == Mode::Push {
            self.focus_pending.set(true);
        }
        self.state.set(next);
        self.write_url(mode);
        if mode == Mode::Push {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }

    /// Changes the filter (replacing the history entry), keeping the view.
    pub fn update_filter(&self, change: impl FnOnce(&mut Filter)) {
        let mut next = self.state.get_untracked();
        change(&mut next.filter);
        self.go(next, Mode::Replace);
    }

    /// Shows or hides the low-confidence claims ("Show uncertain
    /// extractions"), replacing the history entry like a filter change.
    pub fn set_uncertain(&self, on: bool) {
        self.go(self.with(|s| s.uncertain = on), Mode::Replace);
    }

    /// The current state with a change applied (for link targets).
    pub fn with(&self, change: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut next = self.state.get_untracked();
        change(&mut next);
        next
    }

    /// Takes the pending focus request, if any (for the view just opened).
    pub fn take_focus(&self) -> bool {
        let pending = self.focus_pending.get_untracked();
        if pending {
            self.focus_pending.set(false);
        }
        pending
    }
}

/// The navigation context (installed by the app root).
pub fn use_nav() -> Nav {
    use_context::<Nav>().unwrap_or_else(Nav::install)
}

/// Whether a click should be left to the browser (new tab, download, …).
fn is_modified(e: &web_sys::MouseEvent) -> bool {
    e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()
}

/// An in-app link: a real `<a href="?…">` (so it can be opened in a new
/// tab or copied) that navigates without reloading.
#[component]
pub fn Link(
    /// The state this link shows.
    to: ViewState,
    #[prop(default = Mode::Push)] mode: Mode,
    #[prop(optional, into)] class: String,
    /// `aria-current` value, when this link is the current one.
    #[prop(default = None)]
    current: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    let url = href(&to);
    view! {
        <a
            href=url
            class=class
            aria-current=current
            on:click=move |e: web_sys::MouseEvent| {
                if is_modified(&e) {
                    return;
                }
                e.prevent_default();
                nav.go(to.clone(), mode);
            }
        >
            {children()}
        </a>
    }
}

/// Follows a click on an in-app link rendered as a plain `<a href="?…">`
/// (a list of many links, e.g. the timeline's cards, has one listener
/// instead of one per link): the state its `href` names is shown and
/// pushed, unless the click is for the browser (new tab, …).
pub fn follow_plain_link(nav: Nav, e: &web_sys::MouseEvent) {
    if is_modified(e) {
        return;
    }
    let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(link) = target.and_then(|t| t.closest("a[href^='?']").ok().flatten()) else { return };
    let Some(query) = link.get_attribute("href") else { return };
    e.prevent_default();
    nav.go(ViewState::from_query(&query), Mode::Push);
}

/// Focuses an element (after it is in the document), optionally scrolling
/// it to the centre of the viewport.
pub fn focus_element(el: &web_sys::HtmlElement, center: bool) {
    if center {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    } else {
        let _ = el.focus();
    }
}
