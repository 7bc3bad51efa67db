//! The list of articles in the corpus (all of them, or those reporting the
//! matching events when a filter is active), each opening the reader.

use leptos::prelude::*;

use crate::data::{corpus, lookup};
use crate::format::{count_label, day_label};
use crate::url_state::{use_nav, Link};

#[component]
pub fn ArticlesView(results: Memo<Vec<usize>>) -> impl IntoView {
    let nav = use_nav();
    let list = move || {
        let filtered = nav.state.with(|s| !s.filter.is_empty());
        let l = lookup();
        let c = corpus();
        // Documents of the matching events, with how many of them each reports.
        let mut reporting: Vec<(&str, usize)> = Vec::new();
        results.with(|r| {
            for e in r.iter().filter_map(|&i| c.events.get(i)) {
                let mut docs: Vec<&str> = Vec::new();
                let claim_docs = l.claims_of_event(&e.id).into_iter().map(|cl| cl.document.as_str());
                for d in e.documents.iter().map(String::as_str).chain(claim_docs) {
                    if !docs.contains(&d) {
                        docs.push(d);
                    }
                }
                for d in docs {
                    match reporting.iter_mut().find(|(id, _)| *id == d) {
                        Some((_, n)) => *n += 1,
                        None => reporting.push((d, 1)),
                    }
                }
            }
        });
        let docs: Vec<_> = c
            .documents
            .iter()
            .filter(|d| !filtered || reporting.iter().any(|(id, _)| *id == d.id))
            .collect();
        let heading = if filtered {
            format!("{} reporting the matching events", count_label(docs.len(), "article", "articles"))
        } else {
            format!("All {}", count_label(docs.len(), "article", "articles"))
        };
        let items = docs
            .into_iter()
            .map(|d| {
                let to = nav.with(|s| {
                    s.article = Some(d.id.clone());
                    s.claim = None;
                });
                let events = reporting.iter().find(|(id, _)| *id == d.id).map(|(_, n)| *n).unwrap_or(0);
                let meta = [
                    d.outlet.clone(),
                    d.published.as_deref().map(day_label),
                    Some(count_label(l.claims_of_document(&d.id).len(), "claim", "claims")),
                    Some(count_label(events, "event", "events")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
                view! {
                    <li>
                        <Link to=to class="article-title">{d.title.clone()}</Link>
                        <span class="meta">{meta}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 id="articles-h">{heading}</h2>
            <ul class="article-list" data-testid="article-list">{items}</ul>
        }
    };
    view! { <section class="articles" aria-labelledby="articles-h">{list}</section> }
}
