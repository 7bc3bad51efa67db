//! The extraction's view of gazetteer matches: every actor, person and place
//! mention of a document, with what the claim and event rules need to know
//! about it (the actor a person speaks for, a place's kind and region).
//! This is the only module that adapts the gazetteer's types.

use crate::gazetteer::{Entity, Gazetteer, PlaceKind};
use crate::model::Side;
use crate::text::fold_char;

/// One entity mention, code points `[start, end)` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ent {
    pub start: u32,
    pub end: u32,
    /// The actor (index into [`Lexicon::actors`]) an actor or person mention stands for.
    pub actor: Option<usize>,
    /// A person's name (the speaker is then named, not an organisation).
    pub person: bool,
    /// The place (index into [`Lexicon::places`]).
    pub place: Option<usize>,
}

/// What the extraction knows of an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorInfo {
    pub id: String,
    pub side: Side,
    /// A short label for titles and dispute lines ("FAMa", "CSP", "Wagner").
    pub short: String,
}

/// What the extraction knows of a place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceInfo {
    pub id: String,
    pub name: String,
    pub kind: PlaceKind,
    /// Folded region key: a town's region label, or a region's name without "region".
    pub region_key: String,
}

/// Actors and places of the gazetteer, plus its matcher.
pub struct Lexicon {
    pub gazetteer: Gazetteer,
    pub matcher: crate::gazetteer::Matcher,
    pub actors: Vec<ActorInfo>,
    pub places: Vec<PlaceInfo>,
}

fn fold_str(s: &str) -> String {
    s.chars().map(|c| fold_char(c) as char).collect()
}

impl Lexicon {
    pub fn new(gazetteer: Gazetteer) -> Lexicon {
        let matcher = gazetteer.matcher();
        let actors = gazetteer
            .actors
            .iter()
            .map(|a| {
                let short = std::iter::once(&a.name)
                    .chain(a.aliases.iter())
                    .filter(|s| s.chars().count() <= 8 && s.chars().any(char::is_uppercase) && !s.contains(' '))
                    .min_by_key(|s| (!s.chars().next().is_some_and(char::is_uppercase), 0))
                    .cloned()
                    .unwrap_or_else(|| a.name.clone());
                ActorInfo { id: a.id.clone(), side: a.side, short }
            })
            .collect();
        let places = gazetteer
            .places
            .iter()
            .map(|p| {
                let region_key = match p.kind {
                    PlaceKind::Region => fold_str(&p.name).replace(" region", "").trim().to_string(),
                    _ => p.region.as_deref().map(fold_str).unwrap_or_default(),
                };
                PlaceInfo { id: p.id.clone(), name: p.name.clone(), kind: p.kind, region_key }
            })
            .collect();
        Lexicon { gazetteer, matcher, actors, places }
    }

    /// All mentions of `text`, sorted by start.
    pub fn find(&self, text: &str) -> Vec<Ent> {
        let mut out: Vec<Ent> = self
            .matcher
            .find(text)
            .into_iter()
            .map(|m| match m.entity {
                Entity::Actor(i) => Ent { start: m.start, end: m.end, actor: Some(i), person: false, place: None },
                Entity::Person(_) => {
                    Ent { start: m.start, end: m.end, actor: self.gazetteer.actor_of(m.entity), person: true, place: None }
                }
                Entity::Place(i) => Ent { start: m.start, end: m.end, actor: None, person: false, place: Some(i) },
            })
            .collect();
        out.sort_by_key(|e| (e.start, e.end));
        out
    }

    /// Whether a place is a town (or a region) rather than a country or a
    /// wide area: only those locate an event.
    pub fn locates(&self, place: usize) -> bool {
        self.places.get(place).is_some_and(|p| p.kind != PlaceKind::Country)
    }

    /// Same place, or a town and the region it lies in.
    pub fn related(&self, a: usize, b: usize) -> bool {
        if a == b {
            return true;
        }
        let (Some(pa), Some(pb)) = (self.places.get(a), self.places.get(b)) else { return false };
        match (pa.kind, pb.kind) {
            (PlaceKind::Region, PlaceKind::Town) => !pa.region_key.is_empty() && pa.region_key == pb.region_key,
            (PlaceKind::Town, PlaceKind::Region) => !pb.region_key.is_empty() && pa.region_key == pb.region_key,
            _ => false,
        }
    }
}

/// The mentions overlapping `[start, end)` (mentions are sorted by start).
pub fn ents_in(ents: &[Ent], start: u32, end: u32) -> &[Ent] {
    let a = ents.partition_point(|e| e.start < start);
    let b = ents.partition_point(|e| e.start < end);
    &ents[a..b.max(a)]
}
