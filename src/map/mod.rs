//! The explorer's map: the corpus's region (the countries that hold its
//! places, and their neighbours) as an inline SVG with one
//! circle per place (area ∝ number of events), and below it the same places
//! as a list of buttons — the list is the map's keyboard and screen-reader
//! alternative, and the only place where unmappable places appear.
//!
//! Styles live in `style/map.css` (classes `map-*`). Geometry is pre-computed
//! in `outline.rs` (generated at build time for the corpus's places) and
//! `projection.rs`; ordering and labels in `layout.rs`.

mod layout;
pub mod outline;
pub mod projection;

use leptos::prelude::*;

use layout::{drawn_markers, listed_places, marker_label, DrawnMarker};
use outline::{FOCUS_NAMES, FOCUS_PATH, NEIGHBOURS_PATH, NEIGHBOUR_LABELS, VIEW_BOX};
use projection::{svg_num, HIT_RADIUS};

/// One place on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapMarker {
    pub place_id: String,
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    /// Number of events at the place (sets the circle's size).
    pub count: usize,
    /// Drawn with a thick outer ring and `aria-pressed="true"`.
    pub selected: bool,
}

const TITLE_ID: &str = "region-map-title";
const DESC_ID: &str = "region-map-desc";
const CAPTION_ID: &str = "region-map-caption";

/// The map and its list. `markers` may hold anything (NaN, off-map places,
/// zero counts): nothing panics and every marker is listed. Activating a
/// marker or list button (click, Enter, Space) calls `on_select` with its
/// `place_id`.
#[component]
pub fn RegionMap(
    #[prop(into)] markers: Signal<Vec<MapMarker>>,
    #[prop(into)] on_select: Callback<String>,
) -> impl IntoView {
    let description = move || {
        let all = markers.read();
        let shown = drawn_markers(&all).len();
        format!(
            "{FOCUS_NAMES} and neighbouring countries. {shown} of {} places are marked with circles \
             whose area grows with the number of events; the list below the map gives every place.",
            all.len()
        )
    };

    view! {
        <div class="map" data-testid="map">
            <svg
                class="map-svg"
                viewBox=VIEW_BOX
                role="group"
                aria-labelledby=TITLE_ID
                aria-describedby=DESC_ID
                data-testid="map-svg"
            >
                {svg_title("Map of the places in the corpus", Some(TITLE_ID))}
                <desc id=DESC_ID>{description}</desc>
                <path class="map-neighbours" d=NEIGHBOURS_PATH></path>
                <path class="map-land" d=FOCUS_PATH></path>
                <g class="map-labels" aria-hidden="true">
                    {NEIGHBOUR_LABELS
                        .iter()
                        .map(|(name, x, y)| {
                            view! {
                                <text class="map-country-label" x=svg_num(*x) y=svg_num(*y) text-anchor="middle">
                                    {*name}
                                </text>
                            }
                        })
                        .collect_view()}
                </g>
                <g class="map-markers">
                    {move || {
                        drawn_markers(&markers.read())
                            .into_iter()
                            .map(|d| marker_view(d, on_select))
                            .collect_view()
                    }}
                </g>
            </svg>
            <p class="map-caption" id=CAPTION_ID>
                "Circle area shows the number of events at each place. All places, most events first:"
            </p>
            {move || place_list(&markers.read(), on_select)}
        </div>
    }
}

/// An SVG `<title>`. Written with the builder because `view!` (leptos_macro
/// 0.8.20) forgets the SVG context in elements with several children and
/// would create an HTML `<title>`, which SVG ignores (no tooltip, no name).
fn svg_title(text: impl IntoView + 'static, id: Option<&'static str>) -> impl IntoView {
    leptos::tachys::svg::title().attr("id", id).child(text)
}

/// One focusable, activatable marker.
fn marker_view(d: DrawnMarker, on_select: Callback<String>) -> impl IntoView {
    let DrawnMarker { marker, at, radius } = d;
    let aria_label = marker_label(&marker);
    let tooltip = aria_label.clone();
    let (cx, cy) = (svg_num(at.x), svg_num(at.y));
    let class = if marker.selected {
        "map-marker map-marker--selected"
    } else {
        "map-marker"
    };
    let id_click = marker.place_id.clone();
    let id_key = marker.place_id;
    view! {
        <g
            class=class
            tabindex="0"
            role="button"
            aria-label=aria_label
            aria-pressed=if marker.selected { "true" } else { "false" }
            data-place=id_click.clone()
            on:click=move |_| on_select.run(id_click.clone())
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let key = ev.key();
                if key == "Enter" || key == " " {
                    ev.prevent_default();
                    on_select.run(id_key.clone());
                }
            }
        >
            {svg_title(tooltip, None)}
            <circle class="map-hit" cx=cx.clone() cy=cy.clone() r=svg_num(radius.max(HIT_RADIUS))></circle>
            <circle class="map-focus-ring" cx=cx.clone() cy=cy.clone() r=svg_num(radius + 5.0)></circle>
            <circle class="map-selected-ring" cx=cx.clone() cy=cy.clone() r=svg_num(radius + 3.0)></circle>
            <circle class="map-dot" cx=cx cy=cy r=svg_num(radius)></circle>
        </g>
    }
}

/// The list alternative: every place, most events first, as buttons.
fn place_list(markers: &[MapMarker], on_select: Callback<String>) -> AnyView {
    let listed = listed_places(markers);
    if listed.is_empty() {
        return view! { <p class="map-empty">"No places to show."</p> }.into_any();
    }
    view! {
        <ul class="map-list" aria-labelledby=CAPTION_ID data-testid="map-list">
            {listed
                .into_iter()
                .map(|l| {
                    let id = l.marker.place_id.clone();
                    let selected = l.marker.selected;
                    view! {
                        <li>
                            <button
                                type="button"
                                class="map-list-button"
                                aria-pressed=if selected { "true" } else { "false" }
                                data-place=l.marker.place_id.clone()
                                on:click=move |_| on_select.run(id.clone())
                            >
                                {l.label}
                            </button>
                            {l.note.map(|n| view! { <span class="map-list-note">{format!(" ({n})")}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
