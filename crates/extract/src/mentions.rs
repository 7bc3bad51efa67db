//! The extraction's view of gazetteer matches: every actor, person and place
//! mention of a document, with what the claim and event rules need to know
//! about it (the actor a person speaks for, a place's kind and region).
//! This is the only module that adapts the gazetteer's types.

use crate::gazetteer::{Entity, Gazetteer, PlaceKind};
use crate::camps::Role;
use crate::model::CampIx;
use crate::text::fold_char;
use std::sync::{Arc, Mutex, PoisonError};

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
    /// The actor's camp and that camp's role.
    pub side: CampIx,
    pub role: Role,
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
    /// Locates an event: a point (town, camp, base…), or a region that has
    /// towns (not a country
    /// or a wide area such as "northern Mali" or "the Sahel").
    pub locates: bool,
}

/// Actors and places of the gazetteer, plus its matcher.
#[derive(Clone)]
pub struct Lexicon {
    pub gazetteer: Gazetteer,
    pub matcher: crate::gazetteer::Matcher,
    pub actors: Vec<ActorInfo>,
    pub places: Vec<PlaceInfo>,
    /// For every place, the other places related to it (see [`Lexicon::related`]).
    pub related_places: Vec<Vec<usize>>,
}

fn fold_str(s: &str) -> String {
    s.chars().map(|c| fold_char(c) as char).collect()
}

/// The last lexicon built (see [`Lexicon::new`]).
static LAST: Mutex<Option<Arc<Lexicon>>> = Mutex::new(None);

fn remembered(gazetteer: &Gazetteer) -> Option<Arc<Lexicon>> {
    let last = LAST.lock().unwrap_or_else(PoisonError::into_inner);
    last.as_ref().filter(|l| l.gazetteer == *gazetteer).map(Arc::clone)
}

fn remember(lex: Arc<Lexicon>) {
    *LAST.lock().unwrap_or_else(PoisonError::into_inner) = Some(lex);
}

impl Lexicon {
    /// The lexicon of a gazetteer. Building one walks every name (the
    /// matcher) and every pair of places, so the last one built is
    /// remembered: loading again with an equal gazetteer (reloads, several
    /// corpora sharing one, the benches) copies it instead.
    pub fn new(gazetteer: Gazetteer) -> Lexicon {
        if let Some(lex) = remembered(&gazetteer) {
            return Lexicon::clone(&lex);
        }
        let lex = Lexicon::build(gazetteer);
        remember(Arc::new(lex.clone()));
        lex
    }

    /// [`Lexicon::new`] without copying: the remembered lexicon itself
    /// when the gazetteer is equal, else a new one (then remembered).
    pub fn shared(gazetteer: &Gazetteer) -> Arc<Lexicon> {
        if let Some(lex) = remembered(gazetteer) {
            return lex;
        }
        let lex = Arc::new(Lexicon::build(gazetteer.clone()));
        remember(Arc::clone(&lex));
        lex
    }

    fn build(gazetteer: Gazetteer) -> Lexicon {
        let matcher = gazetteer.matcher();
        let actors = gazetteer
            .actors
            .iter()
            .map(|a| {
                // a mixed-case short name (FAMa, Wagner, Minusma), else a
                // two-word name (Malian junta), else an acronym (CSP), else the name
                let single: Vec<&String> = std::iter::once(&a.name)
                    .chain(a.aliases.iter())
                    .filter(|s| s.chars().count() <= 8 && !s.contains(' '))
                    .collect();
                // FAMa (two capitals), Wagner (part of the name), Minusma (the
                // first alias); else a two-word name (Malian junta); else an
                // acronym (CSP); else the name
                let first_alias = a.aliases.first();
                let mixed = single.iter().find(|s| {
                    s.chars().next().is_some_and(char::is_uppercase)
                        && s.chars().any(char::is_lowercase)
                        && (s.chars().filter(|c| c.is_uppercase()).count() >= 2
                            || a.name.split(' ').any(|w| w == s.as_str())
                            || first_alias == Some(**s))
                });
                let acronym = single.iter().find(|s| {
                    s.chars().count() >= 2 && s.chars().all(|c| c.is_uppercase() || c == '-')
                });
                let short = match (mixed, a.name.split(' ').count() <= 2, acronym) {
                    (Some(m), _, _) => (*m).clone(),
                    (None, true, _) => a.name.clone(),
                    (None, false, Some(x)) => (*x).clone(),
                    _ => a.name.clone(),
                };
                ActorInfo {
                    id: a.id.clone(),
                    side: a.side,
                    role: gazetteer.roles.of(a.side).unwrap_or(Role::Armed),
                    short,
                }
            })
            .collect();
        let places = gazetteer
            .places
            .iter()
            .map(|p| {
                let region_key = match p.kind {
                    PlaceKind::Region => {
                        fold_str(&p.name).replace(" region", "").trim().to_string()
                    }
                    _ => p.region.as_deref().map(fold_str).unwrap_or_default(),
                };
                PlaceInfo {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    kind: p.kind,
                    region_key,
                    locates: p.kind.is_point(),
                }
            })
            .collect::<Vec<PlaceInfo>>();
        let mut places = places;
        let folded_names: Vec<String> = places.iter().map(|p| fold_str(&p.name)).collect();
        for i in 0..places.len() {
            if places[i].kind == PlaceKind::Region {
                let key = places[i].region_key.clone();
                places[i].locates = !key.is_empty()
                    && places.iter().zip(&folded_names).any(|(t, name)| {
                        t.kind.is_point() && (t.region_key == key || *name == key)
                    });
            }
        }
        let mut lex = Lexicon {
            gazetteer,
            matcher,
            actors,
            places,
            related_places: Vec::new(),
        };
        lex.related_places = lex.related_lists();
        lex
    }

    /// All mentions of `text`, sorted by start.
    pub fn find(&self, text: &str) -> Vec<Ent> {
        let mut out: Vec<Ent> = self
            .matcher
            .find(text)
            .into_iter()
            .map(|m| match m.entity {
                Entity::Actor(i) => Ent {
                    start: m.start,
                    end: m.end,
                    actor: Some(i),
                    person: false,
                    place: None,
                },
                Entity::Person(_) => Ent {
                    start: m.start,
                    end: m.end,
                    actor: self.gazetteer.actor_of(m.entity),
                    person: true,
                    place: None,
                },
                Entity::Place(i) => Ent {
                    start: m.start,
                    end: m.end,
                    actor: None,
                    person: false,
                    place: Some(i),
                },
            })
            .collect();
        out.sort_by_key(|e| (e.start, e.end));
        out
    }

    /// Whether a place is a town (or a region) rather than a country or a
    /// wide area: only those locate an event.
    pub fn locates(&self, place: usize) -> bool {
        self.places.get(place).is_some_and(|p| p.locates)
    }

    /// For every place, the other places [`Lexicon::related`] to it.
    pub fn related_lists(&self) -> Vec<Vec<usize>> {
        let n = self.places.len();
        // every name folded once, not once per pair
        let names: Vec<String> = self.places.iter().map(|p| fold_str(&p.name)).collect();
        let mut out = vec![Vec::new(); n];
        for (a, list) in out.iter_mut().enumerate() {
            for b in 0..n {
                if a != b && self.related_folded(a, b, &names[a], &names[b]) {
                    list.push(b);
                }
            }
        }
        out
    }

    /// Same place, or a town and the region it lies in.
    pub fn related(&self, a: usize, b: usize) -> bool {
        if a == b {
            return true;
        }
        let (Some(pa), Some(pb)) = (self.places.get(a), self.places.get(b)) else {
            return false;
        };
        self.related_folded(a, b, &fold_str(&pa.name), &fold_str(&pb.name))
    }

    /// [`Lexicon::related`] for two distinct places given their folded names.
    fn related_folded(&self, a: usize, b: usize, na: &str, nb: &str) -> bool {
        let (Some(pa), Some(pb)) = (self.places.get(a), self.places.get(b)) else {
            return false;
        };
        // a part named after its town: "Bamako airport", "Kidal camp"
        let part = na.strip_prefix(nb).is_some_and(|r| r.starts_with(' '))
            || nb.strip_prefix(na).is_some_and(|r| r.starts_with(' '));
        if part && pa.kind != PlaceKind::Region && pb.kind != PlaceKind::Region {
            return true;
        }
        match (pa.kind, pb.kind) {
            (PlaceKind::Region, k) if k.is_point() => in_region(pb, nb, pa),
            (k, PlaceKind::Region) if k.is_point() => in_region(pa, na, pb),
            _ => false,
        }
    }
}

/// A town in a region: by its region label, or the region named after it
/// ("Tin Zaouatine region").
fn in_region(town: &PlaceInfo, town_folded: &str, region: &PlaceInfo) -> bool {
    !region.region_key.is_empty()
        && (town.region_key == region.region_key || town_folded == region.region_key)
}

/// The mentions overlapping `[start, end)` (mentions are sorted by start).
pub fn ents_in(ents: &[Ent], start: u32, end: u32) -> &[Ent] {
    let a = ents.partition_point(|e| e.start < start);
    let b = ents.partition_point(|e| e.start < end);
    &ents[a..b.max(a)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_cp;

    const GAZ: &str = r#"
[[actors]]
id = "army"
name = "National Army"
side = "state"

[[places]]
id = "northtown"
name = "Northtown"
kind = "town"
lat = 1.0
lon = 1.0
"#;

    #[test]
    fn the_remembered_lexicon_follows_the_gazetteer() {
        let g = Gazetteer::parse(GAZ).unwrap();
        let mut renamed = g.clone();
        renamed.places[0].name = "Southtown".into();
        let text = "The National Army left Northtown for Southtown.";
        let names = |g: &Gazetteer| -> Vec<String> {
            let lex = Lexicon::new(g.clone());
            lex.find(text).iter().map(|e| slice_cp(text, e.start, e.end).to_string()).collect()
        };
        for _ in 0..2 {
            assert_eq!(names(&g), ["National Army", "Northtown"]);
            assert_eq!(names(&renamed), ["National Army", "Southtown"]);
        }
        let (again, built) = (Lexicon::new(g.clone()), Lexicon::build(g));
        assert_eq!((again.actors, again.places, again.related_places), (built.actors, built.places, built.related_places));
    }
}
