//! One event: the parties' accounts side by side (one column per camp that
//! speaks in it), the disputes with their reasons, a comparison of the figures the
//! parties give, the verification caveats and the articles that report it.

use counterclaim_model::{camp_class, speaking_camps, Claim, Event};
use leptos::prelude::*;

use crate::components::about::editors_note;
use crate::components::claim_card::{speaker_label, ClaimCard, Quote};
use crate::data::{camp_hint, camp_label, lookup};
use crate::figures::comparable_figures;
use crate::format::{count_label, date_label, number_label};
use crate::url_state::{focus_element, use_nav, Link};

/// The event view, once its chunk is here (a chunked build fetches it).
#[component]
pub fn EventView(event_id: String) -> impl IntoView {
    #[cfg(not(chunked))]
    return view! { <EventBody event_id=event_id/> };
    #[cfg(chunked)]
    {
        use crate::components::pending::{pending, watch};
        use crate::store::Need;
        let position = crate::data::index().event_index(&event_id);
        let need = watch(move || position.map_or(Need::Ready, crate::store::need_event));
        move || match need.get() {
            Need::Ready => view! { <EventBody event_id=event_id.clone()/> }.into_any(),
            other => pending(other, "the event's accounts"),
        }
    }
}

#[component]
fn EventBody(event_id: String) -> impl IntoView {
    let l = lookup();
    let Some(event) = l.event(&event_id) else {
        return view! { <p>"This event is not in the corpus."</p> }.into_any();
    };
    let nav = use_nav();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            if nav.take_focus() {
                focus_element(&h, false);
            }
        }
    });
    let back = nav.with(|s| {
        s.event = None;
        s.article = None;
        s.claim = None;
    });
    let claims = l.claims_of_event(&event.id);
    let hidden = uncertain_note(claims.iter().filter(|c| c.is_uncertain()).count());
    let disputed: Vec<&str> = event.disputes.iter().flat_map(|d| d.claims.iter().map(String::as_str)).collect();
    let places = event.places.iter().map(|p| l.place_name(p)).collect::<Vec<_>>().join(", ");
    let actors = event.actors.iter().map(|a| l.actor_name(a)).collect::<Vec<_>>().join(", ");

    let camps = speaking_camps(claims.iter().copied());
    let no_claims = camps.is_empty().then(|| view! { <p class="muted no-claims">"No quoted claim in the corpus."</p> });
    let columns = camps
        .into_iter()
        .map(|g| {
            let body = claims
                .iter()
                .copied()
                .filter(|c| c.side == g)
                .map(|c| {
                    let is_disputed = disputed.contains(&c.id.as_str());
                    view! { <ClaimCard claim=c disputed=is_disputed/> }
                })
                .collect_view();
            let hid = format!("col-{}", camp_class(g));
            let hid2 = hid.clone();
            view! {
                <section class=format!("account-column {}", camp_class(g)) aria-labelledby=hid2>
                    <h3 id=hid>{camp_label(g)}<span class="col-hint">{camp_hint(g)}</span></h3>
                    {body}
                </section>
            }
        })
        .collect_view();

    view! {
        <article class="event-view" data-testid="event-view">
            <p class="back"><Link to=back>"← All events"</Link></p>
            <header class="event-head">
                <p class="when">{date_label(&event.start, &event.end, event.precision)}</p>
                <h2 node_ref=heading tabindex="-1">{event.title.clone()}</h2>
                <p class="meta">
                    <span class="kind">{event.kind.label()}</span>
                    {(!places.is_empty()).then(|| view! { " · "{places} })}
                    {(!actors.is_empty()).then(|| view! { " · "{actors} })}
                </p>
                {event.contested.then(|| view! { <p><span class="badge contested-badge">"Contested"</span>" The parties' accounts conflict."</p> })}
                {editors_note(&event.note)}
            </header>
            <Disputes event=event/>
            <h3 class="section-title">{format!("The accounts ({})", count_label(claims.len(), "claim", "claims"))}</h3>
            {hidden}
            {no_claims}
            <div class="accounts">{columns}</div>
            <Figures claims=claims.clone()/>
            <Caveats event=event/>
            <Reported event=event/>
        </article>
    }
    .into_any()
}

/// "2 uncertain extractions hidden", with the button that shows them
/// (`uncertain=1`); nothing when there are none. The stylesheet hides the
/// low-confidence claims (class `uncertain`) and, once they show, this note.
pub fn uncertain_note(hidden: usize) -> Option<impl IntoView> {
    let nav = use_nav();
    (hidden > 0).then(|| {
        let show = move |_| nav.set_uncertain(true);
        view! {
            <p class="muted uncertain-note" data-testid="uncertain-note">
                {count_label(hidden, "uncertain extraction", "uncertain extractions")}" hidden. "
                <button type="button" class="linklike" on:click=show>"Show uncertain extractions"</button>
            </p>
        }
    })
}

/// " uncertain" for a low-confidence claim's element (see `uncertain_note`).
pub fn uncertain_class(c: &Claim) -> &'static str {
    if c.is_uncertain() { " uncertain" } else { "" }
}

/// The disputes: each reason with the conflicting claims next to each other.
#[component]
fn Disputes(event: &'static Event) -> impl IntoView {
    let show = !event.disputes.is_empty();
    let l = lookup();
    let nav = use_nav();
    let items = event
        .disputes
        .iter()
        .map(|d| {
            let claims: Vec<&'static Claim> = d.claims.iter().filter_map(|id| l.claim(id)).collect();
            // One column per camp, so each party's version faces the other's.
            let columns = speaking_camps(claims.iter().copied())
                .into_iter()
                .map(|g| {
                    let quotes = claims
                        .iter()
                        .copied()
                        .filter(|c| c.side == g)
                        .map(|c| {
                            let to = nav.with(|s| {
                                s.article = Some(c.document.clone());
                                s.claim = Some(c.id.clone());
                            });
                            view! {
                                <li class=format!("dispute-claim {}{}", camp_class(c.side), uncertain_class(c))>
                                    <Quote text=c.quote.clone()/>
                                    <p class="attribution"><span class="speaker">{speaker_label(c)}</span>", "<span class="verb">{c.verb.clone()}</span></p>
                                    <p class="claim-source"><Link to=to class="read-link">"Read in the article"</Link></p>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class=format!("versus-side {}", camp_class(g))>
                            <p class="claim-side">
                                <span class="swatch" aria-hidden="true"></span>
                                {camp_label(g)}
                            </p>
                            <ul>{quotes}</ul>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <li class="dispute">
                    <p class="reason"><span class="badge contested-badge">"Disputed"</span>" "{d.reason.clone()}</p>
                    <div class="versus">{columns}</div>
                </li>
            }
        })
        .collect_view();
    show.then(|| view! {
        <section class="disputes" aria-labelledby="disputes-h">
            <h3 id="disputes-h" class="section-title">"Where the accounts conflict"</h3>
            <ul class="dispute-list">{items}</ul>
        </section>
    })
}

/// Tables comparing the figures the parties give for the same count.
#[component]
fn Figures(claims: Vec<&'static Claim>) -> impl IntoView {
    let groups = comparable_figures(&claims);
    let show = !groups.is_empty();
    let tables = groups
        .into_iter()
        .map(|g| {
            let rows = g
                .rows
                .iter()
                .map(|r| {
                    let unit = if r.unit.is_empty() { String::new() } else { format!(" {}", r.unit) };
                    view! {
                        <tr class=uncertain_class(r.claim)>
                            <td class=camp_class(r.claim.side)><span class="swatch" aria-hidden="true"></span>{camp_label(r.claim.side)}</td>
                            <td>{speaker_label(r.claim)}</td>
                            <td class="num">{number_label(r.value)}{unit}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="figures-table">
                    <caption>{g.about.clone()}</caption>
                    <thead><tr><th scope="col">"Side"</th><th scope="col">"Source"</th><th scope="col" class="num">"Figure"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            }
        })
        .collect_view();
    show.then(|| view! {
        <section class="figures-compare" aria-labelledby="figures-h">
            <h3 id="figures-h" class="section-title">"Figures compared"</h3>
            <div class="tables">{tables}</div>
        </section>
    })
}

/// What the articles say about verifying the claims.
#[component]
fn Caveats(event: &'static Event) -> impl IntoView {
    let show = !event.caveats.is_empty();
    let nav = use_nav();
    let items = event
        .caveats
        .iter()
        .map(|c| {
            let to = nav.with(|s| {
                s.article = Some(c.document.clone());
                s.claim = None;
            });
            view! {
                <li>
                    <Quote text=c.quote.clone()/>
                    <Link to=to class="read-link">"Read in the article"</Link>
                </li>
            }
        })
        .collect_view();
    show.then(|| view! {
        <section class="caveats" aria-labelledby="caveats-h">
            <h3 id="caveats-h" class="section-title">"Verification caveats"</h3>
            <ul class="caveat-list">{items}</ul>
        </section>
    })
}

/// The articles that report the event.
#[component]
fn Reported(event: &'static Event) -> impl IntoView {
    let l = lookup();
    let nav = use_nav();
    let items = event
        .documents
        .iter()
        .filter_map(|id| l.document(id))
        .map(|d| {
            let to = nav.with(|s| {
                s.article = Some(d.id.clone());
                s.claim = None;
            });
            let meta = [d.outlet.clone(), d.published.as_deref().map(crate::format::day_label)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" · ");
            view! { <li><Link to=to>{d.title.clone()}</Link>" "<span class="meta">{meta}</span></li> }
        })
        .collect_view();
    view! {
        <section class="reported" aria-labelledby="reported-h">
            <h3 id="reported-h" class="section-title">"Reported in"</h3>
            <ul class="doc-list">{items}</ul>
        </section>
    }
}
