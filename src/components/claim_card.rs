//! One claim, quoted with its speaker, reporting verb, date, figures and a
//! "Read in the article" link that opens the reader on the exact words.

use counterclaim_model::{Claim, Stance};
use leptos::prelude::*;

use crate::components::about::editors_note;
use counterclaim_model::camp_class;

use crate::data::{camp_label, lookup};
use crate::format::{contains_ignore_case, date_label, number_label};
use crate::url_state::{use_nav, Link};

/// Who said it: "Attaye Ag Mohamed (CMA)" — the words of the text, plus the
/// actor's name when the text names it differently.
pub fn speaker_label(c: &Claim) -> String {
    let actor = c.speaker.as_deref().map(|a| lookup().actor_name(a));
    let text = c.speaker_text.trim();
    match actor {
        Some(a) if text.is_empty() => a,
        Some(a) if !contains_ignore_case(text, &a) => format!("{text} ({a})"),
        _ if text.is_empty() => "Unidentified source".to_owned(),
        _ => text.to_owned(),
    }
}

#[component]
pub fn ClaimCard(claim: &'static Claim, #[prop(optional)] disputed: bool) -> impl IntoView {
    let nav = use_nav();
    let to = nav.with(|s| {
        s.article = Some(claim.document.clone());
        s.claim = Some(claim.id.clone());
    });
    let doc = lookup().document(&claim.document);
    // what the speaking actor is, when the gazetteer says ("armed forces")
    let kind = claim.speaker.as_deref().and_then(|a| lookup().actor(a)).and_then(|a| a.kind);
    let source = doc
        .map(|d| match &d.outlet {
            Some(o) => format!("{o}: {}", d.title),
            None => d.title.clone(),
        })
        .unwrap_or_else(|| claim.document.clone());
    let when = claim.date.as_ref().map(|d| date_label(&d.start, &d.end, d.precision));
    let figures = claim
        .numbers
        .iter()
        .map(|n| {
            let unit = if n.unit.is_empty() || n.about.contains(&n.unit) { String::new() } else { format!(" {}", n.unit) };
            view! { <li>{number_label(n.value)}{unit}" "{n.about.clone()}</li> }
        })
        .collect_view();
    view! {
        <article class=format!("claim {}{}", camp_class(claim.side), crate::components::event_view::uncertain_class(claim)) data-claim=claim.id.clone()>
            <p class="claim-side">
                <span class="swatch" aria-hidden="true"></span>
                {camp_label(claim.side)}
                {(claim.stance == Stance::Deny).then(|| view! { <span class="badge deny">"Denial"</span> })}
                {disputed.then(|| view! { <span class="badge contested-badge">"Disputed"</span> })}
                {claim.is_uncertain().then(|| view! { <span class="badge uncertain">"Uncertain extraction"</span> })}
            </p>
            <Quote text=claim.quote.clone()/>
            <p class="attribution">
                <span class="speaker">{speaker_label(claim)}</span>
                {kind.map(|k| view! { " "<span class="actor-kind">{k.label()}</span> })}
                {(!claim.verb.trim().is_empty()).then(|| view! { ", "<span class="verb">{claim.verb.clone()}</span> })}
                {when.map(|w| view! { " · "<span class="claim-date">{w}</span> })}
            </p>
            {(!claim.numbers.is_empty()).then(|| view! { <ul class="figures" aria-label="Figures given">{figures}</ul> })}
            {editors_note(&claim.note)}
            <p class="claim-source">
                <Link to=to class="read-link">"Read in the article"</Link>
                <span class="source-name">" — "{source}</span>
            </p>
        </article>
    }
}

/// A quotation from an article, exactly as in the text. Quote marks are
/// added by CSS (not part of the text) unless the quote already has its own.
#[component]
pub fn Quote(text: String) -> impl IntoView {
    let own = text.starts_with(['“', '"', '«', '‘']);
    view! {
        <blockquote class=if own { "quote" } else { "quote add-marks" }>
            <p>{text}</p>
        </blockquote>
    }
}
