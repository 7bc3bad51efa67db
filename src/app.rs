//! Top-level component: the article list and the article reader.

use leptos::prelude::*;
use leptos_router::components::{Router, A};
use leptos_router::hooks::use_query_map;

use crate::data::corpus;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Shell/>
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let query = use_query_map();
    let open_doc = move || query.read().get("article");
    view! {
        <header class="site-header" data-app-ready="">
            <h1><a href="?">"Counterclaim"</a></h1>
            <p class="tagline">"Who claimed what, when and where — the parties' accounts side by side."</p>
        </header>
        <main id="main">
            {move || match open_doc().and_then(|id| corpus().documents.iter().find(|d| d.id == id)) {
                Some(doc) => view! { <Reader doc_id=doc.id.clone()/> }.into_any(),
                None => view! { <ArticleList/> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn ArticleList() -> impl IntoView {
    let docs = &corpus().documents;
    view! {
        <section aria-labelledby="articles-h">
            <h2 id="articles-h">{format!("{} articles", docs.len())}</h2>
            <ul class="article-list" data-testid="article-list">
                {docs.iter().map(|d| view! {
                    <li>
                        <A href=format!("?view=articles&article={}", d.id)>{d.title.clone()}</A>
                        <span class="meta">{format!("{} sentences", d.sentences.len())}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Reader(doc_id: String) -> impl IntoView {
    let Some(doc) = corpus().documents.iter().find(|d| d.id == doc_id) else {
        return view! { <p>"Article not found."</p> }.into_any();
    };
    view! {
        <article class="reader" data-testid="reader">
            <p><A href="?view=articles">"← All articles"</A></p>
            <h2>{doc.title.clone()}</h2>
            {doc.paragraphs.iter().map(|p| view! {
                <p>{counterclaim_corpus::text::slice_cp(&doc.text, p.start, p.end).to_string()}</p>
            }).collect_view()}
        </article>
    }
    .into_any()
}
