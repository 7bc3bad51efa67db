//! The filter sidebar (a drawer on narrow screens): free-text search,
//! "contested only", date range and one toggle group per facet, each value
//! with its live count from `Index::facet_counts`. Every change replaces the
//! history entry (see `url_state`).

use std::sync::Arc;

use counterclaim_model::query::{kind_from_key, FacetValue, Filter};
use counterclaim_model::{camp_class, CampIx};
use leptos::prelude::*;

use crate::data::index;
use crate::url_state::use_nav;

/// Adds `key` to `list` if absent, removes it otherwise.
fn toggle<T: PartialEq>(list: &mut Vec<T>, key: T) {
    if let Some(i) = list.iter().position(|x| *x == key) {
        list.remove(i);
    } else {
        list.push(key);
    }
}

/// Number of active constraints in a filter (for the drawer button).
pub fn active_count(f: &Filter) -> usize {
    f.actors.len()
        + f.sides.len()
        + f.places.len()
        + f.kinds.len()
        + f.sources.len()
        + usize::from(f.from.is_some())
        + usize::from(f.to.is_some())
        + usize::from(f.contested)
        + usize::from(!f.text.trim().is_empty())
}

#[component]
pub fn Filters(results_text: Signal<String>) -> impl IntoView {
    let nav = use_nav();
    let counts = Memo::new(move |_| nav.state.with(|s| index().facet_counts(&s.filter)));
    let open = RwSignal::new(false);
    let active = Memo::new(move |_| nav.state.with(|s| active_count(&s.filter)));
    let summary = index().summary();
    let (min, max) = (summary.first.clone().unwrap_or_default(), summary.last.clone().unwrap_or_default());

    let group = move |pick: fn(&counterclaim_model::query::FacetCounts) -> &Vec<FacetValue>| {
        Signal::derive(move || counts.with(|c| pick(c).clone()))
    };
    let on_actor = Callback::new(move |k: String| nav.update_filter(|f| toggle(&mut f.actors, k)));
    let on_place = Callback::new(move |k: String| nav.update_filter(|f| toggle(&mut f.places, k)));
    let on_source = Callback::new(move |k: String| nav.update_filter(|f| toggle(&mut f.sources, k)));
    let on_side = Callback::new(move |k: String| nav.update_filter(|f| toggle(&mut f.sides, k)));
    let on_kind = Callback::new(move |k: String| {
        if let Some(kind) = kind_from_key(&k) {
            nav.update_filter(|f| toggle(&mut f.kinds, kind));
        }
    });

    let text = move || nav.state.with(|s| s.filter.text.clone());
    let from = move || nav.state.with(|s| s.filter.from.clone().unwrap_or_default());
    let to = move || nav.state.with(|s| s.filter.to.clone().unwrap_or_default());
    let contested = move || nav.state.with(|s| s.filter.contested);
    let contested_count = move || counts.with(|c| c.contested.count);
    let uncertain = nav.state.with_untracked(|s| s.uncertain);

    view! {
        <aside class="sidebar" aria-label="Filters">
            <button
                type="button"
                class="button drawer-toggle"
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls="filter-panel"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                "Filters"
                {move || (active.get() > 0).then(|| view! { <span class="pill">{active.get()}" active"</span> })}
                <span class="drawer-results">{move || results_text.get()}</span>
            </button>
            <div id="filter-panel" class=move || if open.get() { "filter-panel open" } else { "filter-panel" }>
                <div class="filter-head">
                    <h2>"Filters"</h2>
                    <button
                        type="button"
                        class="button subtle"
                        disabled=move || active.get() == 0
                        on:click=move |_| nav.update_filter(|f| *f = Filter::default())
                    >
                        "Clear all"
                    </button>
                </div>
                <div class="field" role="search">
                    <label for="filter-q">"Search claims and event titles"</label>
                    <input
                        id="filter-q"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=text
                        on:input=move |e| {
                            let v = event_target_value(&e);
                            nav.update_filter(|f| f.text = v);
                        }
                    />
                </div>
                <div class="field check">
                    <input
                        id="filter-contested"
                        type="checkbox"
                        prop:checked=contested
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            nav.update_filter(|f| f.contested = on);
                        }
                    />
                    <label for="filter-contested">
                        "Contested only "
                        <span class="count">{contested_count}<span class="sr-only">" events"</span></span>
                    </label>
                </div>
                <div class="field check">
                    <input
                        id="filter-uncertain"
                        type="checkbox"
                        checked=uncertain
                        on:change=move |e| {
                            nav.set_uncertain(event_target_checked(&e));
                        }
                    />
                    <label for="filter-uncertain">"Show uncertain extractions"</label>
                </div>
                <FacetGroup title="Sides" values=group(|c| &c.sides) on_toggle=on_side swatch=true/>
                <FacetGroup title="Actors" values=group(|c| &c.actors) on_toggle=on_actor/>
                <FacetGroup title="Places" values=group(|c| &c.places) on_toggle=on_place/>
                <FacetGroup title="Event kinds" values=group(|c| &c.kinds) on_toggle=on_kind/>
                <FacetGroup title="Outlets" values=group(|c| &c.outlets) on_toggle=on_source/>
                <FacetGroup title="Articles" values=group(|c| &c.documents) on_toggle=on_source/>
                <fieldset class="facet dates">
                    <legend>"Date range"</legend>
                    <div class="date-fields">
                        <div class="field">
                            <label for="filter-from">"From"</label>
                            <input
                                id="filter-from"
                                type="date"
                                min=min.clone()
                                max=max.clone()
                                prop:value=from
                                on:change=move |e| {
                                    let v = event_target_value(&e);
                                    nav.update_filter(|f| f.from = (!v.is_empty()).then_some(v));
                                }
                            />
                        </div>
                        <div class="field">
                            <label for="filter-to">"To"</label>
                            <input
                                id="filter-to"
                                type="date"
                                min=min
                                max=max
                                prop:value=to
                                on:change=move |e| {
                                    let v = event_target_value(&e);
                                    nav.update_filter(|f| f.to = (!v.is_empty()).then_some(v));
                                }
                            />
                        </div>
                    </div>
                </fieldset>
            </div>
        </aside>
    }
}

/// One facet: a group of toggle buttons (`aria-pressed`) with live counts.
/// Buttons are keyed by value so a click never loses keyboard focus.
#[component]
fn FacetGroup(
    title: &'static str,
    values: Signal<Vec<FacetValue>>,
    on_toggle: Callback<String>,
    #[prop(optional)] swatch: bool,
) -> impl IntoView {
    let live = move |key: &Arc<str>| {
        values.with(|vs| vs.iter().find(|x| x.key == *key).map(|x| (x.count, x.selected)).unwrap_or((0, false)))
    };
    view! {
        <fieldset class="facet">
            <legend>{title}</legend>
            <Show
                when=move || values.with(|v| !v.is_empty())
                fallback=|| view! { <p class="muted small">"None in the current results."</p> }
            >
                <ul class="facet-values">
                    <For
                        each=move || values.get()
                        key=|v| v.key.clone()
                        children=move |v: FacetValue| {
                            let key = v.key.clone();
                            let (k1, k2) = (key.clone(), key.clone());
                            let pressed = move || if live(&k1).1 { "true" } else { "false" };
                            let count = move || live(&k2).0;
                            let dot = swatch.then(|| {
                                let camp = crate::data::corpus().camps.iter().position(|c| *c.id == *key).map(|i| CampIx(i as u8));
                                view! { <span class=format!("swatch {}", camp_class(camp)) aria-hidden="true"></span> }
                            });
                            view! {
                                <li>
                                    <button
                                        type="button"
                                        class="facet-value"
                                        aria-pressed=pressed
                                        on:click=move |_| on_toggle.run(v.key.to_string())
                                    >
                                        {dot}
                                        <span class="label">{v.label.to_string()}</span>
                                        <span class="count">{count}<span class="sr-only">" events"</span></span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </fieldset>
    }
}
