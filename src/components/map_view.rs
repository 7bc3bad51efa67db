//! The map view: places of the matching events on the `RegionMap`, sized by
//! event count within the current filter. Choosing a place toggles the
//! place filter (replacing the history entry, like every filter change).

use leptos::prelude::*;

use crate::data::{index, lookup};
use crate::map::{RegionMap, MapMarker};
use crate::url_state::use_nav;

#[component]
pub fn MapView() -> impl IntoView {
    let nav = use_nav();
    let markers = Memo::new(move |_| {
        nav.state.with(|s| {
            index()
                .facet_counts(&s.filter)
                .places
                .into_iter()
                .filter_map(|v| {
                    let p = lookup().place(&v.key)?;
                    Some(MapMarker {
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
    let on_select = Callback::new(move |id: String| {
        nav.update_filter(|f| {
            if let Some(i) = f.places.iter().position(|p| *p == id) {
                f.places.remove(i);
            } else {
                f.places.push(id);
            }
        })
    });
    view! {
        <section class="map-view" aria-labelledby="map-h">
            <h2 id="map-h">"Where the events took place"</h2>
            <p class="muted">"Only the events matching the filters are counted. Choose a place to filter by it."</p>
            <RegionMap markers=markers on_select=on_select/>
        </section>
    }
}
