//! The filter sidebar (a drawer on narrow screens): free-text search,
//! "contested only", date range and one toggle group per facet, each value
//! with its live count from `Index::facet_counts`. Every change replaces the
//! history entry (see `url_state`).

use std::sync::Arc;

use counterclaim_model::query::{kind_from_key, FacetCounts, FacetValue, Filter};
use counterclaim_model::{camp_class, CampIx};
use leptos::prelude::*;

use crate::data::index;
use crate::format::grouped;
use crate::url_state::use_nav;
use crate::window::{folds, visible_values};

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
    let counts = Memo::new(move |_| {
        nav.state.with(|s| {
            // Counted again when a chunked build's word index or articles
            // table, which this filter needs, arrives.
            if index().missing_for(&s.filter) != (false, false) {
                crate::store::track();
            }
            index().facet_counts(&s.filter)
        })
    });
    let open = RwSignal::new(false);
    let active = Memo::new(move |_| nav.state.with(|s| active_count(&s.filter)));
    let summary = index().summary();
    let (min, max) = (summary.first.clone().unwrap_or_default(), summary.last.clone().unwrap_or_default());

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
    let contested_count = move || grouped(counts.with(|c| c.contested.count) as u64);
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
                <FacetGroup title="Sides" counts=counts pick=|c| &c.sides on_toggle=on_side swatch=true/>
                <FacetGroup title="Actors" counts=counts pick=|c| &c.actors on_toggle=on_actor/>
                <FacetGroup title="Places" counts=counts pick=|c| &c.places on_toggle=on_place/>
                <FacetGroup title="Event kinds" counts=counts pick=|c| &c.kinds on_toggle=on_kind/>
                <FacetGroup title="Outlets" counts=counts pick=|c| &c.outlets on_toggle=on_source/>
                <FacetGroup title="Articles" counts=counts pick=|c| &c.documents on_toggle=on_source/>
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

/// One facet: a group of toggle buttons (`aria-pressed`) with live counts,
/// folded to its top values with a "Show all N" button (`crate::window`).
/// The buttons are rendered again only when the list of values shown
/// changes (not its counts), so a click never loses keyboard focus.
#[component]
fn FacetGroup(
    title: &'static str,
    counts: Memo<FacetCounts>,
    pick: fn(&FacetCounts) -> &Vec<FacetValue>,
    on_toggle: Callback<String>,
    #[prop(optional)] swatch: bool,
) -> impl IntoView {
    let all = RwSignal::new(false);
    let shown = Memo::new(move |_| counts.with(|c| visible_values(pick(c), all.get())));
    let live = move |key: &Arc<str>| {
        counts.with(|c| pick(c).iter().find(|x| x.key == *key).map(|x| (x.count, x.selected)).unwrap_or((0, false)))
    };
    let list = move || {
        shown.with(|vs| {
            if vs.is_empty() {
                return view! { <p class="muted small">"None in the current results."</p> }.into_any();
            }
            let items = vs
                .iter()
                .map(|v| {
                    let key = v.key.clone();
                    let (k1, k2) = (key.clone(), key.clone());
                    let pressed = move || if live(&k1).1 { "true" } else { "false" };
                    let count = move || grouped(live(&k2).0 as u64);
                    let dot = swatch.then(|| {
                        let camp = crate::data::corpus().camps.iter().position(|c| *c.id == *key).map(|i| CampIx(i as u8));
                        view! { <span class=format!("swatch {}", camp_class(camp)) aria-hidden="true"></span> }
                    });
                    let k = v.key.clone();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="facet-value"
                                aria-pressed=pressed
                                on:click=move |_| on_toggle.run(k.to_string())
                            >
                                {dot}
                                <span class="label">{v.label.to_string()}</span>
                                <span class="count">{count}<span class="sr-only">" events"</span></span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="facet-values">{items}</ul> }.into_any()
        })
    };
    // Empty (and hidden by the stylesheet) when the facet does not fold.
    let fold = move || {
        let n = counts.with(|c| pick(c).len());
        match (folds(n), all.get()) {
            (false, _) => String::new(),
            (true, false) => format!("Show all {} {title}", grouped(n as u64)),
            (true, true) => format!("Show fewer {title}"),
        }
    };
    view! {
        <fieldset class="facet">
            <legend>{title}</legend>
            {list}
            <button type="button" class="linklike fold" on:click=move |_| all.update(|a| *a = !*a)>{fold}</button>
        </fieldset>
    }
}
