//! The list of articles in the corpus (all of them, or those reporting the
//! matching events when a filter is active), each opening the reader; a
//! page at a time (`window::PAGE`) with "Show more", like the timeline. A chunked build fetches
//! the directory of articles first.

use leptos::prelude::*;

use crate::data::index;
use crate::format::{count_label, day_label};
use crate::store;
use crate::url_state::{use_nav, Link};
use crate::window::{more_label, PAGE};

#[component]
pub fn ArticlesView(results: Memo<Vec<usize>>) -> impl IntoView {
    #[cfg(not(chunked))]
    let body = view! { <ArticleList results=results/> };
    #[cfg(chunked)]
    let body = {
        use crate::components::pending::{pending, watch};
        use crate::store::Need;
        let need = watch(store::need_directory);
        move || match need.get() {
            Need::Ready => view! { <ArticleList results=results/> }.into_any(),
            other => pending(other, "the list of articles"),
        }
    };
    view! { <section class="articles" aria-labelledby="articles-h">{body}</section> }
}

#[component]
fn ArticleList(results: Memo<Vec<usize>>) -> impl IntoView {
    let nav = use_nav();
    let shown = RwSignal::new(PAGE);
    let list = move || {
        results.track();
        let Some(dir) = store::directory() else {
            return view! { <h2 id="articles-h">"Articles"</h2> }.into_any();
        };
        let filter = nav.state.with(|s| s.filter.clone());
        let filtered = !filter.is_empty();
        // Articles reporting the matching events, with how many each reports.
        let mut reporting: Vec<(std::sync::Arc<str>, usize)> =
            index().documents_reporting(&filter).into_iter().map(|v| (v.key, v.count)).collect();
        counterclaim_model::sort::sort_by(&mut reporting, |a, b| a.0.cmp(&b.0));
        let events_of = |id: &str| reporting.binary_search_by(|(k, _)| (**k).cmp(id)).ok().map(|i| reporting[i].1);
        let docs: Vec<(usize, usize)> = dir
            .documents
            .iter()
            .enumerate()
            .filter_map(|(i, d)| match events_of(&d.id) {
                Some(n) => Some((i, n)),
                None if !filtered => Some((i, 0)),
                None => None,
            })
            .collect();
        let heading = if filtered {
            format!("{} reporting the matching events", count_label(docs.len(), "article", "articles"))
        } else {
            format!("All {}", count_label(docs.len(), "article", "articles"))
        };
        let total = docs.len();
        let items = docs
            .into_iter()
            .take(shown.get())
            .filter_map(|(i, events)| {
                let d = dir.documents.get(i)?;
                let to = nav.with(|s| {
                    s.article = Some(d.id.clone());
                    s.claim = None;
                });
                let claims = dir.claim_counts.get(i).copied().unwrap_or(0) as usize;
                let meta = [
                    d.outlet.clone(),
                    d.published.as_deref().map(day_label),
                    Some(count_label(claims, "claim", "claims")),
                    Some(count_label(events, "event", "events")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
                Some(view! {
                    <li>
                        <Link to=to class="article-title">{d.title.clone()}</Link>
                        <span class="meta">{meta}</span>
                    </li>
                })
            })
            .collect_view();
        let more = more_label(shown.get(), total).map(|label| {
            view! { <button type="button" class="button fold" on:click=move |_| shown.update(|n| *n += PAGE)>{label}</button> }
        });
        view! {
            <h2 id="articles-h">{heading}</h2>
            <ul class="article-list" data-testid="article-list">{items}</ul>
            {more}
        }
        .into_any()
    };
    view! { {list} }
}
