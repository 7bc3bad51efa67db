//! The article reader: the full text by paragraph, claims highlighted by
//! side (`<mark>` + legend), boilerplate de-emphasised and labelled. Opened
//! on a claim (`claim=`), it scrolls to that exact span, focuses it and
//! gives it a strong highlight. Corpus text is only ever rendered as text.

use counterclaim_model::query::View;
use counterclaim_model::text::slice_cp;
use counterclaim_model::{camp_class, speaking_camps, Claim, Document, Span};
use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::about::editors_note;
use crate::components::claim_card::speaker_label;
use crate::data::{camp_label, lookup};
use crate::format::{count_label, day_label, host_of, is_http_url};
use crate::segments::{pieces, Mark};
use crate::url_state::{focus_element, use_nav, Link};

/// The id of the highlighted claim's `<mark>`.
const TARGET_ID: &str = "target-claim";

/// The reader, once the article's chunk is here (a chunked build fetches it).
#[component]
pub fn Reader(doc_id: String) -> impl IntoView {
    #[cfg(not(chunked))]
    return view! { <ReaderBody doc_id=doc_id/> };
    #[cfg(chunked)]
    {
        use crate::components::pending::{pending, watch};
        use crate::store::Need;
        let id = doc_id.clone();
        let need = watch(move || crate::store::need_document(&id));
        move || match need.get() {
            Need::Ready => view! { <ReaderBody doc_id=doc_id.clone()/> }.into_any(),
            other => pending(other, "the article"),
        }
    }
}

#[component]
fn ReaderBody(doc_id: String) -> impl IntoView {
    let nav = use_nav();
    let l = lookup();
    let Some(doc) = l.document(&doc_id) else {
        return view! { <p>"This article is not in the corpus."</p> }.into_any();
    };
    let claims = l.claims_of_document(&doc.id);
    let target_id = nav.state.with_untracked(|s| s.claim.clone());
    // A link naming an uncertain claim still highlights it.
    let hidden = crate::components::event_view::uncertain_note(
        claims.iter().filter(|c| c.is_uncertain() && target_id.as_deref() != Some(c.id.as_str())).count(),
    );
    let target = target_id.as_deref().and_then(|id| claims.iter().position(|c| c.id == id));
    let target_claim = target.and_then(|i| claims.get(i).copied());
    let from_event = nav.state.with_untracked(|s| s.event.clone());

    let heading = NodeRef::<leptos::html::H2>::new();
    let focus_heading = target.is_none();
    Effect::new(move |_| {
        let mark = document().get_element_by_id(TARGET_ID).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(m) = mark {
            focus_element(&m, true);
            nav.take_focus();
        } else if let Some(h) = heading.get() {
            if focus_heading && nav.take_focus() {
                focus_element(&h, false);
            }
        }
    });

    let back = nav.with(|s| {
        s.article = None;
        s.claim = None;
    });
    let back_label = match (from_event.is_some(), nav.state.with_untracked(|s| s.view)) {
        (true, _) => "← Back to the event",
        (false, View::Articles) => "← All articles",
        (false, View::Map) => "← Back to the map",
        (false, View::Timeline) => "← Back to the timeline",
    };
    let meta = [doc.outlet.clone(), doc.published.as_deref().map(day_label)]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let original = doc.url.as_deref().filter(|u| is_http_url(u)).map(|u| {
        view! {
            <a class="external" href=u.to_owned() rel="noopener noreferrer external">
                "Original article on "{host_of(u).to_owned()}
            </a>
        }
    });
    let marks: Vec<Mark> =
        claims.iter().enumerate().map(|(i, c)| Mark { start: c.start, end: c.end, id: i }).collect();
    let paragraphs = doc
        .paragraphs
        .iter()
        .map(|p| paragraph(doc, *p, &claims, &marks, target))
        .collect_view();

    view! {
        <article class="reader" data-testid="reader" aria-labelledby="reader-h">
            <p class="back"><Link to=back>{back_label}</Link></p>
            <header class="reader-head">
                <h2 id="reader-h" node_ref=heading tabindex="-1">{doc.title.clone()}</h2>
                <p class="meta">
                    {(!meta.is_empty()).then(|| view! { <span>{meta}</span>" · " })}
                    <span>{count_label(claims.len(), "claim", "claims")}" highlighted"</span>
                    {original.map(|o| view! { " · "{o} })}
                </p>
            </header>
            {target_claim.map(|c| view! { <TargetNote claim=c/> })}
            {hidden}
            <Legend claims=claims.clone() boilerplate=!doc.boilerplate.is_empty()/>
            <div class="article-text">{paragraphs}</div>
        </article>
    }
    .into_any()
}

/// One paragraph, cut into plain, claim and boilerplate pieces.
fn paragraph(
    doc: &'static Document,
    para: Span,
    claims: &[&'static Claim],
    marks: &[Mark],
    target: Option<usize>,
) -> impl IntoView {
    let ps = pieces(para, marks, &doc.boilerplate, target);
    let all_boilerplate = !ps.is_empty() && ps.iter().all(|p| p.boilerplate);
    let mut target_seen = false;
    let mut prev_boilerplate = false;
    let parts = ps
        .into_iter()
        .map(|p| {
            let text = slice_cp(&doc.text, p.start, p.end).to_owned();
            let claim = p.mark.and_then(|i| claims.get(i).copied());
            let inner = match claim {
                Some(c) => {
                    let is_target = p.mark == target && !target_seen;
                    target_seen |= is_target;
                    let class = format!(
                        "claim-mark {}{}",
                        camp_class(c.side),
                        if is_target { " target" } else { crate::components::event_view::uncertain_class(c) }
                    );
                    let title = format!("{} — {} ({})", speaker_label(c), c.verb, camp_label(c.side));
                    Either::Left(view! {
                        <mark
                            class=class
                            id=is_target.then_some(TARGET_ID)
                            tabindex=is_target.then_some("-1")
                            data-claim=c.id.clone()
                            title=title
                        >
                            {text}
                        </mark>
                    })
                }
                None => Either::Right(text),
            };
            let starts_run = p.boilerplate && !prev_boilerplate;
            prev_boilerplate = p.boilerplate;
            let wrap = p.boilerplate && !all_boilerplate;
            let label = (wrap && starts_run).then(|| view! { <span class="boilerplate-label">"Boilerplate"</span> });
            view! { <span class=if wrap { "boilerplate" } else { "piece" }>{label}{inner}</span> }
        })
        .collect_view();
    let label = all_boilerplate
        .then(|| view! { <span class="boilerplate-label">"Page boilerplate"</span> });
    view! { <p class=if all_boilerplate { "boilerplate-para" } else { "" }>{label}{parts}</p> }
}

/// What the highlighted claim is: who said it and which event it is about.
#[component]
fn TargetNote(claim: &'static Claim) -> impl IntoView {
    let nav = use_nav();
    // The event's title (a chunked build fetches its card).
    let position = claim.event.as_deref().and_then(|e| crate::data::index().event_index(e));
    let event_link = move || {
        crate::store::track();
        let ready = position.is_some_and(|i| crate::store::need_cards(std::iter::once(i)) == crate::store::Need::Ready);
        let e = position.filter(|_| ready).and_then(crate::data::event_at)?;
        let to = nav.with(|s| {
            s.event = Some(e.id.clone());
            s.article = None;
            s.claim = None;
        });
        Some(view! { " About: "<Link to=to>{e.title.clone()}</Link> })
    };
    view! {
        <aside class=format!("target-note {}", camp_class(claim.side)) aria-label="Highlighted claim">
            <p>
                <span class="swatch" aria-hidden="true"></span>
                <strong>"Highlighted: "</strong>
                {speaker_label(claim)}", "{claim.verb.clone()}" ("{camp_label(claim.side)}")."
                {event_link}
            </p>
            {editors_note(&claim.note)}
        </aside>
    }
}

/// The colour key for the sides present in this article.
#[component]
fn Legend(claims: Vec<&'static Claim>, boilerplate: bool) -> impl IntoView {
    // Camps present, in the corpus's order (unknown last).
    let sides = speaking_camps(claims.iter().copied());
    let show = !sides.is_empty() || boilerplate;
    let items = sides
        .into_iter()
        .map(|s| view! { <li><mark class=format!("claim-mark {}", camp_class(s))>{camp_label(s)}</mark></li> })
        .collect_view();
    show.then(|| view! {
        <div class="legend" aria-label="Highlight key" role="group">
            <span class="legend-title">"Key:"</span>
            <ul>
                {items}
                {boilerplate.then(|| view! { <li><span class="boilerplate legend-bp">"Boilerplate (not part of the article)"</span></li> })}
            </ul>
        </div>
    })
}
