//! Model-level corpora for the query tests: one small hand-written corpus
//! (northern Mali, autumn 2023) and a proptest generator of random ones,
//! plus a naive reference implementation of the filter semantics that the
//! index is checked against.

use proptest::prelude::*;

use crate::model::*;
use crate::query::fold::{fold, query_tokens, slug};
use crate::query::Filter;

/// The id of a default camp.
pub fn camp_key(c: CampIx) -> String {
    Camp::defaults()[c.index()].id.clone()
}

pub fn doc(id: &str, title: &str, outlet: Option<&str>) -> Document {
    Document {
        id: id.into(),
        path: format!("{id}.txt"),
        title: title.into(),
        outlet: outlet.map(Into::into),
        published: None,
        published_source: PublishedSource::Unknown,
        url: None,
        language: "en".into(),
        text: String::new(),
        paragraphs: vec![],
        sentences: vec![],
        boilerplate: vec![],
    }
}

pub fn actor(id: &str, name: &str, side: CampIx) -> Actor {
    Actor { id: id.into(), name: name.into(), aliases: vec![], side, kind: None }
}

pub fn place(id: &str, name: &str) -> Place {
    Place { id: id.into(), name: name.into(), aliases: vec![], lat: 18.0, lon: 0.0, country: None }
}

pub fn claim(id: &str, document: &str, quote: &str, speaker: Option<&str>, side: Option<CampIx>, event: Option<&str>) -> Claim {
    Claim {
        id: id.into(),
        document: document.into(),
        start: 0,
        end: quote.chars().count() as u32,
        quote: quote.into(),
        speaker: speaker.map(Into::into),
        speaker_text: String::new(),
        side,
        verb: "said".into(),
        stance: Stance::Assert,
        date: None,
        event: event.map(Into::into),
        numbers: vec![],
        confidence: Default::default(),
        note: None,
    }
}

#[allow(clippy::too_many_arguments)]
pub fn event(
    id: &str,
    title: &str,
    kind: EventKind,
    (start, end): (&str, &str),
    places: &[&str],
    actors: &[&str],
    claims: &[&str],
    documents: &[&str],
    contested: bool,
) -> Event {
    let v = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect();
    Event {
        id: id.into(),
        title: title.into(),
        kind,
        start: start.into(),
        end: end.into(),
        precision: Precision::Day,
        places: v(places),
        actors: v(actors),
        claims: v(claims),
        documents: v(documents),
        contested,
        disputes: vec![],
        caveats: vec![],
        confidence: Default::default(),
        note: None,
    }
}

/// Five events around the 2023 Kidal offensive, exercising every facet and
/// every way an event gets a value (directly, through a claim listed in the
/// event, through a claim pointing at the event, dangling ids, bad dates).
pub fn mali() -> Corpus {
    Corpus {
        version: FORMAT_VERSION,
        camps: Camp::defaults(),
        documents: vec![
            doc("d0", "Army nears Anéfis", Some("Le Monde")),
            doc("d1", "Minusma leaves", Some("RFI")),
            doc("d2", "", None),
        ],
        actors: vec![
            actor("fama", "FAMa", CampIx(0)),
            actor("wagner", "Wagner", CampIx(0)),
            actor("cma", "CMA", CampIx(1)),
            actor("gsim", "GSIM", CampIx(2)),
            actor("minusma", "Minusma", CampIx(3)),
        ],
        places: vec![place("kidal", "Kidal"), place("anefis", "Anéfis"), place("gao", "Gao"), place("bamako", "Bamako")],
        claims: vec![
            claim("c0", "d0", "The army entered Anéfis", Some("fama"), Some(CampIx(0)), Some("e0")),
            claim("c1", "d0", "I deny the entry of the FAMA convoy to Anéfis", Some("cma"), Some(CampIx(1)), Some("e0")),
            claim("c2", "d1", "Minusma completed its withdrawal from the camp", Some("minusma"), None, Some("e1")),
            claim("c3", "d2", "A drone strike killed civilians", None, Some(CampIx(4)), None),
        ],
        events: vec![
            event("e0", "Convoy advances on Anéfis", EventKind::ArmedClash, ("2023-10-05", "2023-10-06"), &["anefis"], &["fama", "wagner"], &["c0", "c1"], &["d0"], true),
            event("e1", "Minusma leaves Kidal camp", EventKind::StrategicDevelopment, ("2023-10-31", "2023-10-31"), &["kidal"], &["minusma"], &[], &["d1"], false),
            event("e2", "Drone strike near Kidal", EventKind::AirDroneStrike, ("2023-11-14", "2023-11-14"), &["kidal"], &["fama"], &["c3"], &["d2"], false),
            event("e3", "Rumoured ambush", EventKind::Other, ("sometime", ""), &["gao"], &["gsim", "ghost"], &[], &["d9"], false),
            event("e4", "Kidal retaken", EventKind::GovernmentRegainsTerritory, ("2023-11-15", "2023-11-14"), &["kidal"], &["fama", "wagner"], &["c_missing"], &["d0"], false),
        ],
        corrections: 0,
        settings: Default::default(),
    }
}

// ---------------------------------------------------------------- random

pub const ACTORS: [&str; 5] = ["fama", "wagner", "cma", "gsim", "minusma"];
pub const PLACES: [&str; 4] = ["kidal", "anefis", "gao", "ber"];
pub const DOCS: [&str; 5] = ["doc0", "doc1", "doc2", "doc3", "doc4"];
pub const OUTLETS: [&str; 3] = ["Le Monde", "RFI", "Jeune Afrique"];
pub const WORDS: [&str; 10] = ["Kidal", "Anéfis", "convoi", "convoy", "drone", "FAMa", "l’armée", "armee", "Ber", "Tessalit"];

fn day(d: i32) -> String {
    crate::query::date::format_day(crate::query::date::parse_day("2023-09-01").unwrap() + d)
}

fn subset<T: Clone + std::fmt::Debug + 'static>(pool: &'static [T]) -> impl Strategy<Value = Vec<T>> {
    proptest::sample::subsequence(pool.to_vec(), 0..=pool.len())
}

fn side() -> impl Strategy<Value = CampIx> {
    (0u8..6).prop_map(CampIx)
}

fn kind() -> impl Strategy<Value = EventKind> {
    proptest::sample::select(crate::query::KINDS.to_vec())
}

fn words(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 0..=max).prop_map(|w| w.join(" "))
}

/// Dates: mostly a valid `[start, end]` in autumn 2023, sometimes reversed,
/// half-missing or garbage.
fn dates() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        6 => (0i32..120, 0i32..15).prop_map(|(s, l)| (day(s), day(s + l))),
        1 => (0i32..120, 0i32..15).prop_map(|(s, l)| (day(s + l), day(s))),
        1 => (0i32..120).prop_map(|s| (day(s), "?".to_owned())),
        1 => Just(("".to_owned(), "2023-02-30".to_owned())),
    ]
}

prop_compose! {
    fn random_claim(i: usize)(
        doc in proptest::sample::select(DOCS.to_vec()),
        quote in words(6),
        speaker in proptest::option::of(proptest::sample::select(vec!["fama", "wagner", "cma", "gsim", "minusma", "nobody"])),
        side in proptest::option::of(side()),
    ) -> Claim {
        claim(&format!("c{i}"), doc, &quote, speaker, side, None)
    }
}

prop_compose! {
    fn random_event(i: usize)(
        title in words(4),
        kind in kind(),
        (start, end) in dates(),
        places in subset(&PLACES),
        mut actors in subset(&ACTORS),
        ghost in any::<bool>(),
        documents in subset(&DOCS),
        contested in any::<bool>(),
    ) -> Event {
        if ghost {
            actors.push("ghost");
        }
        event(&format!("e{i}"), &title, kind, (&start, &end), &places, &actors, &[], &documents, contested)
    }
}

prop_compose! {
    /// A random corpus of up to 40 events and 60 claims. Claims are attached
    /// to events through `Event::claims` and/or `Claim::event`.
    pub fn random_corpus()(n_events in 0usize..40, n_claims in 0usize..60)(
        events in (0..n_events).map(random_event).collect::<Vec<_>>(),
        claims in (0..n_claims).map(random_claim).collect::<Vec<_>>(),
        links in proptest::collection::vec((0usize..40, 0u8..3), n_claims),
        sides in proptest::collection::vec(side(), ACTORS.len()),
        outlets in proptest::collection::vec(proptest::option::of(proptest::sample::select(OUTLETS.to_vec())), DOCS.len()),
    ) -> Corpus {
        let mut events = events;
        let mut claims = claims;
        for (c, (e, how)) in claims.iter_mut().zip(links) {
            if events.is_empty() {
                break;
            }
            let e = e % events.len();
            if how != 1 {
                events[e].claims.push(c.id.clone());
            }
            if how != 0 {
                c.event = Some(events[e].id.clone());
            }
        }
        Corpus {
            version: FORMAT_VERSION,
            documents: DOCS.iter().zip(outlets).map(|(d, o)| doc(d, &format!("Title {d}"), o)).collect(),
            actors: ACTORS.iter().zip(sides).map(|(a, s)| actor(a, &a.to_uppercase(), s)).collect(),
            places: PLACES.iter().map(|p| place(p, &p.to_uppercase())).collect(),
            claims,
            events,
            camps: Camp::defaults(),
            corrections: 0,
            settings: Default::default(),
        }
    }
}

fn ids_with_unknown(pool: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    (subset(pool), proptest::bool::weighted(0.1)).prop_map(|(v, unknown)| {
        let mut v: Vec<String> = v.into_iter().map(str::to_owned).collect();
        if unknown {
            v.push("unknown".into());
        }
        v
    })
}

fn sources() -> impl Strategy<Value = Vec<String>> {
    let pool: Vec<String> = DOCS.iter().map(|d| d.to_string()).chain(OUTLETS.iter().map(|o| slug(o))).collect();
    (proptest::sample::subsequence(pool.clone(), 0..=2), proptest::bool::weighted(0.1)).prop_map(|(mut v, unknown)| {
        if unknown {
            v.push("nowhere".into());
        }
        v
    })
}

prop_compose! {
    /// A random filter over the random corpora's vocabulary; each facet is
    /// empty more often than not.
    pub fn random_filter()(
        actors in prop_oneof![2 => Just(vec![]), 1 => ids_with_unknown(&ACTORS)],
        sides in prop_oneof![2 => Just(vec![]), 1 => proptest::collection::vec(side().prop_map(camp_key), 1..3)],
        places in prop_oneof![2 => Just(vec![]), 1 => ids_with_unknown(&PLACES)],
        kinds in prop_oneof![2 => Just(vec![]), 1 => proptest::collection::vec(kind(), 1..3)],
        sources in prop_oneof![2 => Just(vec![]), 1 => sources()],
        from in prop_oneof![2 => Just(None), 1 => (0i32..130).prop_map(|d| Some(day(d))), 1 => Just(Some("2023-13-01".to_owned()))],
        to in prop_oneof![2 => Just(None), 1 => (0i32..130).prop_map(|d| Some(day(d)))],
        contested in proptest::bool::weighted(0.25),
        text in prop_oneof![2 => Just(String::new()), 1 => words(2), 1 => (words(1), 1usize..4).prop_map(|(w, n)| w.chars().take(n).collect())],
    ) -> Filter {
        Filter { actors, sides, places, kinds, sources, from, to, contested, text }
    }
}

// ------------------------------------------------------ naive reference

/// The facet values and words of one event, computed straight from the
/// model by the rules in `index.rs`'s module doc.
pub struct NaiveEvent {
    pub actors: Vec<String>,
    /// Camp ids.
    pub sides: Vec<String>,
    pub places: Vec<String>,
    pub kind: EventKind,
    pub documents: Vec<String>,
    pub outlets: Vec<String>,
    pub contested: bool,
    pub days: Option<(i32, i32)>,
    pub words: Vec<String>,
}

pub fn naive_events(c: &Corpus) -> Vec<NaiveEvent> {
    use crate::query::date::parse_day;
    c.events
        .iter()
        .map(|ev| {
            let claims: Vec<&Claim> = c
                .claims
                .iter()
                .filter(|cl| ev.claims.contains(&cl.id) || cl.event.as_deref() == Some(ev.id.as_str()))
                .collect();
            let mut actors: Vec<String> = ev.actors.clone();
            actors.extend(claims.iter().filter_map(|cl| cl.speaker.clone()));
            let mut sides: Vec<String> = actors
                .iter()
                .filter_map(|a| c.actors.iter().find(|x| &x.id == a).map(|x| x.side))
                .chain(claims.iter().filter_map(|cl| cl.side))
                .filter_map(|s| c.camp(s).map(|camp| camp.id.clone()))
                .collect();
            sides.sort();
            sides.dedup();
            let mut documents: Vec<String> = ev.documents.clone();
            documents.extend(claims.iter().map(|cl| cl.document.clone()));
            let outlets = documents
                .iter()
                .filter_map(|d| c.documents.iter().find(|x| &x.id == d).and_then(|x| x.outlet.as_deref()).map(slug))
                .collect();
            let mut text = ev.title.clone();
            for cl in &claims {
                text.push(' ');
                text.push_str(&cl.quote);
            }
            let days = match (parse_day(&ev.start), parse_day(&ev.end)) {
                (Some(a), Some(b)) => Some((a.min(b), a.max(b))),
                (Some(a), None) | (None, Some(a)) => Some((a, a)),
                (None, None) => None,
            };
            NaiveEvent {
                actors,
                sides,
                places: ev.places.clone(),
                kind: ev.kind,
                documents,
                outlets,
                contested: ev.contested,
                days,
                words: fold(&text).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect(),
            }
        })
        .collect()
}

/// Whether one event matches `f`, by direct scanning.
pub fn naive_matches(e: &NaiveEvent, f: &Filter) -> bool {
    use crate::query::date::parse_day;
    let any = |sel: &[String], have: &[String]| sel.is_empty() || sel.iter().any(|s| have.contains(s));
    let from = f.from.as_deref().and_then(parse_day);
    let to = f.to.as_deref().and_then(parse_day);
    let dates_ok = match (from, to, e.days) {
        (None, None, _) => true,
        (_, _, None) => false,
        (from, to, Some((s, t))) => from.is_none_or(|f| t >= f) && to.is_none_or(|to| s <= to),
    };
    let (tokens, open) = query_tokens(&f.text);
    let text_ok = tokens.iter().enumerate().all(|(i, t)| {
        if open && i + 1 == tokens.len() {
            e.words.iter().any(|w| w.starts_with(t.as_str()))
        } else {
            e.words.iter().any(|w| w == t)
        }
    });
    let sources_ok = f.sources.is_empty() || f.sources.iter().any(|s| e.documents.contains(s) || e.outlets.contains(s));
    any(&f.actors, &e.actors)
        && (f.sides.is_empty() || f.sides.iter().any(|s| e.sides.contains(s)))
        && any(&f.places, &e.places)
        && (f.kinds.is_empty() || f.kinds.contains(&e.kind))
        && sources_ok
        && dates_ok
        && (!f.contested || e.contested)
        && text_ok
}

/// Naive results: matching events sorted by (start, end, index), undated last.
pub fn naive_results(events: &[NaiveEvent], f: &Filter) -> Vec<usize> {
    let mut r: Vec<usize> = (0..events.len()).filter(|&i| naive_matches(&events[i], f)).collect();
    r.sort_by_key(|&i| match events[i].days {
        Some((s, t)) => (0, s, t, i),
        None => (1, 0, 0, i),
    });
    r
}
