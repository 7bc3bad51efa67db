//! `counterclaim review DIR`: what an editor reads before publishing — each
//! event with its claims (id, speaker, side, stance, quote), its disputes and
//! its editor's notes, as plain text for the terminal (ids on lines of their
//! own, easy to copy into `corrections.toml`) or as Markdown (`--format md`)
//! to send to a colleague.

use counterclaim_extract::labels::date_label;
use counterclaim_extract::{Claim, Corpus, Event, Stance};

/// What `review` shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub markdown: bool,
    /// `--only contested`: contested events only.
    pub only_contested: bool,
    /// `--only low-confidence`: the events with a low-confidence claim (the
    /// ones the page hides unless the reader asks for uncertain extractions),
    /// and of their claims only those.
    pub only_low_confidence: bool,
    /// `--event ID`: this event only.
    pub event: Option<String>,
}

fn speaker(c: &Corpus, claim: &Claim) -> String {
    let actor = claim
        .speaker
        .as_deref()
        .and_then(|id| c.actors.iter().find(|a| a.id == id));
    match actor {
        Some(a) => a.name.clone(),
        None if claim.speaker_text.trim().is_empty() => "unidentified source".into(),
        None => claim.speaker_text.trim().to_owned(),
    }
}

fn side<'c>(c: &'c Corpus, claim: &Claim) -> &'c str {
    claim.side.and_then(|s| c.camp(s)).map_or("side unknown", |camp| camp.label.as_str())
}

fn stance(claim: &Claim) -> &'static str {
    match claim.stance {
        Stance::Assert => "asserts",
        Stance::Deny => "denies",
    }
}

fn place_names(c: &Corpus, e: &Event) -> String {
    e.places
        .iter()
        .map(|p| c.places.iter().find(|x| &x.id == p).map_or(p.as_str(), |x| x.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The claims about an event: those it lists, then those naming it.
fn claims_of<'c>(c: &'c Corpus, e: &Event) -> Vec<&'c Claim> {
    let mut out: Vec<&Claim> = e
        .claims
        .iter()
        .filter_map(|id| c.claims.iter().find(|x| &x.id == id))
        .collect();
    for x in c.claims.iter().filter(|x| x.event.as_deref() == Some(e.id.as_str())) {
        if !out.iter().any(|y| y.id == x.id) {
            out.push(x);
        }
    }
    out
}

/// The review, or an error when `--event` names no event.
pub fn render(c: &Corpus, o: &Options) -> Result<String, String> {
    if let Some(id) = &o.event {
        if !c.events.iter().any(|e| &e.id == id) {
            return Err(format!("no event `{id}` in the corpus (`counterclaim review DIR` lists them)"));
        }
    }
    let events: Vec<&Event> = c
        .events
        .iter()
        .filter(|e| o.event.as_ref().is_none_or(|id| &e.id == id))
        .filter(|e| !o.only_contested || e.contested)
        .filter(|e| !o.only_low_confidence || claims_of(c, e).iter().any(|x| x.is_uncertain()))
        .collect();
    let mut out = String::new();
    let md = o.markdown;
    let contested = events.iter().filter(|e| e.contested).count();
    if md {
        out.push_str("# Review\n\n");
    }
    out.push_str(&format!(
        "{} events ({contested} contested), {} claims, {} editorial corrections applied\n\n",
        events.len(),
        c.claims.len(),
        c.corrections
    ));
    for e in events {
        event(&mut out, c, e, md, o.only_low_confidence);
    }
    if o.event.is_none() && !o.only_contested {
        let loose: Vec<&Claim> = c
            .claims
            .iter()
            .filter(|x| x.event.is_none() && !c.events.iter().any(|e| e.claims.contains(&x.id)))
            .filter(|x| !o.only_low_confidence || x.is_uncertain())
            .collect();
        if !loose.is_empty() {
            out.push_str(if md { "## Claims without an event\n\n" } else { "== Claims without an event\n\n" });
            for x in loose {
                claim(&mut out, c, x, md);
            }
        }
    }
    Ok(out)
}

fn event(out: &mut String, c: &Corpus, e: &Event, md: bool, only_low: bool) {
    let when = date_label(&e.start, &e.end, e.precision);
    let places = place_names(c, e);
    let mut meta = vec![when, e.kind.label().to_owned()];
    if !places.is_empty() {
        meta.push(places);
    }
    if e.contested {
        meta.push("CONTESTED".into());
    }
    if md {
        out.push_str(&format!("## {}\n\n`{}` · {}\n\n", e.title, e.id, meta.join(" · ")));
    } else {
        out.push_str(&format!("== {}\n   {}\n   {}\n", e.id, e.title, meta.join(" · ")));
    }
    if let Some(n) = &e.note {
        out.push_str(&if md { format!("> **Editor's note:** {n}\n\n") } else { format!("   Editor's note: {n}\n") });
    }
    for d in &e.disputes {
        out.push_str(&if md { format!("- **Dispute:** {}\n", d.reason) } else { format!("   Dispute: {}\n", d.reason) });
    }
    if md && !e.disputes.is_empty() {
        out.push('\n');
    }
    if !md {
        out.push('\n');
    }
    let mut claims = claims_of(c, e);
    if only_low {
        claims.retain(|x| x.is_uncertain());
    }
    if claims.is_empty() {
        out.push_str(if md { "_No claim._\n\n" } else { "   (no claim)\n\n" });
    }
    for x in claims {
        claim(out, c, x, md);
    }
}

fn claim(out: &mut String, c: &Corpus, x: &Claim, md: bool) {
    let who = format!("{} ({}) {}, {} confidence", speaker(c, x), side(c, x), stance(x), x.confidence.key());
    if md {
        out.push_str(&format!("- `{}` — {who}:\n  > {}\n", x.id, x.quote.replace('\n', " ")));
        if let Some(n) = &x.note {
            out.push_str(&format!("  \n  **Editor's note:** {n}\n"));
        }
        out.push('\n');
    } else {
        let quote = x.quote.replace('\n', " ");
        let quote = if quote.starts_with(['“', '"', '«', '‘']) { quote } else { format!("“{quote}”") };
        out.push_str(&format!("   {}\n      {who}:\n      {quote}\n", x.id));
        if let Some(n) = &x.note {
            out.push_str(&format!("      Editor's note: {n}\n"));
        }
        out.push('\n');
    }
}
