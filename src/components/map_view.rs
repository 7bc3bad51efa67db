//! The map view: places of the matching events, sized by event count
//! (within the current filter). Choosing a place toggles the place filter.

use leptos::prelude::*;

use crate::data::{index, lookup};
use crate::url_state::use_nav;

/// A place to draw, with its count in the current results.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCount {
    pub place_id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub count: usize,
    pub selected: bool,
}

#[component]
pub fn MapView() -> impl IntoView {
    let nav = use_nav();
    let places = Memo::new(move |_| {
        nav.state.with(|s| {
            index()
                .facet_counts(&s.filter)
                .places
                .into_iter()
                .filter_map(|v| {
                    let p = lookup().place(&v.key)?;
                    Some(PlaceCount {
                        place_id: p.id.clone(),
                        name: p.name.clone(),
                        lat: p.lat,
                        lon: p.lon,
                        count: v.count,
                        selected: v.selected,
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let on_select = move |id: String| {
        nav.update_filter(|f| {
            if let Some(i) = f.places.iter().position(|p| *p == id) {
                f.places.remove(i);
            } else {
                f.places.push(id);
            }
        })
    };
    let list = move || {
        places
            .get()
            .into_iter()
            .map(|p| {
                let id = p.place_id.clone();
                view! {
                    <li>
                        <button type="button" class="facet-value" aria-pressed=if p.selected { "true" } else { "false" } on:click=move |_| on_select(id.clone())>
                            <span class="label">{p.name}</span>
                            <span class="count">{p.count}<span class="sr-only">" events"</span></span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="map-view" aria-labelledby="map-h">
            <h2 id="map-h">"Where the events took place"</h2>
            <ul class="place-list">{list}</ul>
        </section>
    }
}
