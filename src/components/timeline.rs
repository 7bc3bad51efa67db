//! The timeline: matching events grouped by month, each with its date (at
//! its precision), places, kind, actors, and a *contested* badge carrying
//! the disputes' reasons.

use std::time::Duration;

use counterclaim_model::Event;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use counterclaim_model::camp_class;

use crate::data::{event_at, index, lookup};
use crate::format::{count_label, date_label};
use crate::url_state::{focus_element, follow_plain_link, href, use_nav};
use crate::window::{clip_groups, more_label, PAGE};

#[component]
pub fn Timeline(results: Memo<Vec<usize>>) -> impl IntoView {
    let nav = use_nav();
    // The window: the first `shown` results, grouped by month; "Show more"
    // adds a page (see `crate::window`), new results start at the first.
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        results.track();
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    let groups = move || {
        results.with(|r| {
            let groups = clip_groups(index().month_groups(r), shown.get());
            if groups.is_empty() {
                return view! { <EmptyResults/> }.into_any();
            }
            // A chunked build fetches the cards of the events shown: those
            // here are shown at once, a line says the rest are coming.
            #[cfg(chunked)]
            let waiting = {
                crate::store::track();
                match crate::store::need_cards(r.iter().take(shown.get()).copied()) {
                    crate::store::Need::Ready => None,
                    need => Some(crate::components::pending::pending(need, "the events")),
                }
            };
            #[cfg(not(chunked))]
            let waiting: Option<AnyView> = None;
            let months = groups
                .into_iter()
                .filter_map(|(g, full)| {
                    let events: Vec<(usize, &'static Event)> = r
                        .get(g.range.clone())
                        .unwrap_or(&[])
                        .iter()
                        .filter_map(|&i| Some((i, event_at(i)?)))
                        .collect();
                    let heading_id = format!("month-{}", g.key);
                    let labelled_by = heading_id.clone();
                    (!events.is_empty()).then(|| view! {
                        <section class="month" aria-labelledby=labelled_by>
                            <h3 id=heading_id>{g.label}<span class="month-count">{count_label(full, "event", "events")}</span></h3>
                            <ol class="events">
                                {events.into_iter().map(|(i, e)| view! { <EventCard event=e position=i/> }).collect_view()}
                            </ol>
                        </section>
                    })
                })
                .collect_view();
            view! { {months}{waiting} }.into_any()
        })
    };
    // Empty (and hidden by the stylesheet) once every result is shown.
    let more = move || more_label(shown.get(), results.with(Vec::len)).unwrap_or_default();
    let show_more = move |_| {
        let first_new = shown.get_untracked();
        shown.set(first_new + PAGE);
        // Focus the first new card's link once it is rendered (a microtask).
        set_timeout(
            move || {
                let link = document().query_selector_all(".event-title a").ok().and_then(|l| l.item(first_new as u32));
                if let Some(link) = link {
                    focus_element(link.unchecked_ref(), false);
                }
            },
            Duration::ZERO,
        );
    };
    view! {
        // The cards' links are plain anchors followed here.
        <section class="timeline" aria-labelledby="timeline-h" on:click=move |e| follow_plain_link(nav, &e)>
            <h2 id="timeline-h">"Timeline of events"</h2>
            {groups}
            <button type="button" class="button fold" on:click=show_more>{more}</button>
        </section>
    }
}

/// Shown when nothing matches.
#[component]
pub fn EmptyResults() -> impl IntoView {
    let nav = use_nav();
    view! {
        <div class="empty">
            <p>"No event matches these filters."</p>
            <button type="button" class="button" on:click=move |_| nav.update_filter(|f| *f = Default::default())>
                "Clear all filters"
            </button>
        </div>
    }
}

#[component]
fn EventCard(event: &'static Event, position: usize) -> impl IntoView {
    let nav = use_nav();
    let l = lookup();
    let to = nav.with(|s| {
        s.event = Some(event.id.clone());
        s.article = None;
        s.claim = None;
    });
    let places = event.places.iter().map(|p| l.place_name(p)).collect::<Vec<_>>().join(", ");
    let voices = match crate::data::voices(position) {
        (0, _) => "no quoted claim".to_owned(),
        (n, camps) => format!("{} from {}", count_label(n, "claim", "claims"), count_label(camps, "side", "sides")),
    };
    let actors = event
        .actors
        .iter()
        .map(|a| {
            let side = l.actor(a).map(|x| x.side);
            view! { <li class=format!("chip {}", camp_class(side))>{l.actor_name(a)}</li> }
        })
        .collect_view();
    // The first reasons; the event view has them all.
    let disputes = event
        .disputes
        .iter()
        .take(counterclaim_model::labels::CARD_REASONS)
        .map(|d| view! { <li>{d.reason.clone()}</li> })
        .collect_view();
    let more = counterclaim_model::labels::more_reasons(event.disputes.len())
        .map(|m| view! { <li class="more-reasons">{m}</li> });
    view! {
        <li class=if event.contested { "event-card contested" } else { "event-card" }>
            <p class="when">
                <time datetime=event.start.clone()>{date_label(&event.start, &event.end, event.precision)}</time>
            </p>
            <h4 class="event-title"><a href=href(&to)>{event.title.clone()}</a></h4>
            <p class="meta">
                <span class="kind">{event.kind.label()}</span>
                {(!places.is_empty()).then(|| view! { " · "<span class="place">{places}</span> })}
                " · "<span>{voices}</span>
            </p>
            {(!event.actors.is_empty()).then(|| view! { <ul class="chips" aria-label="Actors">{actors}</ul> })}
            {event.contested.then(|| view! {
                <div class="contested-note">
                    <span class="badge contested-badge">"Contested"</span>
                    <ul class="reasons">{disputes}{more}</ul>
                </div>
            })}
        </li>
    }
}
