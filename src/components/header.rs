//! The page header: what the corpus is, its description (corpus settings), the view
//! tabs and the "Copy link" and "Embed" buttons. Embedded (`embed=1`, which
//! sets `data-embed` on `<html>`) the stylesheet makes it compact: no
//! tagline, and instead of the buttons a link that opens the same view in
//! the full explorer in a new tab. Carries `data-app-ready`
//! (the e2e harness waits for it).

use counterclaim_model::query::{View, ViewState};
use leptos::prelude::*;

use crate::components::about::AboutDialog;
use crate::components::copy_link::CopyLink;
use crate::components::embed_dialog::EmbedDialog;
use crate::data::index;
use crate::url_state::{page_base, use_nav, Link};

fn view_label(v: View) -> &'static str {
    match v {
        View::Timeline => "Timeline",
        View::Map => "Map",
        View::Articles => "Articles",
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let nav = use_nav();
    let figures = index().summary().figures_line();
    let tabs = move || {
        let (view, in_view) = nav.state.with(|st| (st.view, st.event.is_none() && st.article.is_none()));
        View::ALL
            .into_iter()
            .map(|v| {
                let to = nav.with(|st: &mut ViewState| {
                    st.view = v;
                    st.event = None;
                    st.article = None;
                    st.claim = None;
                });
                let current = (v == view).then_some(if in_view { "page" } else { "true" });
                view! { <li><Link to=to current=current class="tab">{view_label(v)}</Link></li> }
            })
            .collect_view()
    };
    // The same view, outside the embed, as an absolute URL.
    let full_href = move || {
        let q = nav.state.with(|st| ViewState { embed: false, child_id: None, ..st.clone() }.to_query());
        let base = page_base();
        if q.is_empty() { base } else { format!("{base}?{q}") }
    };
    view! {
        <header class="site-header" data-app-ready="">
            <div class="brand">
                <h1>
                    <Link to=ViewState::default() class="home">"Counterclaim"</Link>
                </h1>
                <p class="figures">{figures}</p>
            </div>
            <p class="tagline">{crate::data::corpus().settings.description.as_str()}</p>
            <div class="header-bar">
                <nav aria-label="Views">
                    <ul class="tabs">{tabs}</ul>
                </nav>
                // Which of these show is CSS's business (`html[data-embed]`):
                // cheaper in page weight than two branches of views.
                <div class="header-actions"><EmbedDialog/><CopyLink/></div>
                <AboutDialog/>
                <a class="button subtle open-full" href=full_href target="_blank" rel="noopener">
                    "Open the full explorer"<span class="sr-only">" (opens in a new tab)"</span>
                </a>
            </div>
        </header>
    }
}
