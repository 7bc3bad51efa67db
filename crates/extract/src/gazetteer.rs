//! The gazetteer: the actors, people and places the engine recognises,
//! read from an editor-maintained TOML file (`seeds/gazetteer.toml`, whose
//! header documents the format), validated, and compiled into a [`Matcher`]
//! that finds their names in article text.
//!
//! Validation rejects, with the line of the offending entry: duplicate or
//! malformed ids, empty names, a person whose `actor` is unknown, latitudes
//! and longitudes out of range, names with punctuation that no text could
//! match, and two different entities whose names fold to the same key
//! (e.g. "Anéfis" for a place and "anefis" for an actor), a `part_of` or a
//! place's `actor` naming no actor, and a `part_of` cycle.
//!
//! One entity, two roles: a place may name the actor it also stands for
//! (`actor = "government"` on a capital or a country); which role a mention
//! plays is decided by its sentence (see `crate::roles`). Actors may be
//! `part_of` another (a ministry of its government, the armed wing of an
//! alliance): a part speaks for its parent's side.

mod fold;
mod matcher;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::load::LoadError;
use crate::camps::{Role, Roles};
use crate::model::{Actor, ActorKind, Camp, CampIx, Place};

pub use fold::fold;
pub use matcher::{Matcher, Mention};

/// Everything the engine knows by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Gazetteer {
    pub actors: Vec<ActorEntry>,
    pub people: Vec<PersonEntry>,
    pub places: Vec<PlaceEntry>,
    /// The corpus's camps (`corpus.toml`, else `Camp::defaults`).
    pub camps: Vec<Camp>,
    /// Each camp's role in the extraction rules ([`crate::camps`]).
    pub roles: Roles,
}

impl Default for Gazetteer {
    /// No entries, the default camps.
    fn default() -> Gazetteer {
        Gazetteer { actors: vec![], people: vec![], places: vec![], camps: Camp::defaults(), roles: Roles(Role::DEFAULTS.to_vec()) }
    }
}

/// An armed group, government, organisation or group of people that can make
/// claims or take part in events.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// The actor's camp (`camp = "…"`, or the older `side = "…"`); the
    /// parent's camp when the file leaves it out of a part.
    pub side: CampIx,
    pub kind: Option<ActorKind>,
    /// Id of the actor this one is part of (its government, its alliance).
    pub part_of: Option<String>,
}

/// A named person, who speaks for an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonEntry {
    pub name: String,
    pub aliases: Vec<String>,
    /// Id of the actor this person speaks for.
    pub actor: String,
    pub role: Option<String>,
}

/// A town, region or country with a representative point.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceEntry {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// WGS84 decimal degrees.
    pub lat: f64,
    pub lon: f64,
    pub kind: PlaceKind,
    /// Administrative region, as a label ("Kidal").
    pub region: Option<String>,
    /// The country the place lies in, as a name ("Mali").
    pub country: Option<String>,
    /// Id of the actor the place also stands for when it speaks or is
    /// blamed ("Bamako said…": the government).
    pub actor: Option<String>,
}

/// What a place is; the engine prefers a point (a town, a camp, a base…)
/// over regions and countries when locating an event.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    #[default]
    Town,
    Region,
    Country,
    /// A displacement or refugee camp.
    Camp,
    Airport,
    /// A military base.
    Base,
    /// A district or neighbourhood of a town.
    District,
    BorderCrossing,
    /// Any other named spot: a square, a market, a bridge, a dam.
    Site,
}

impl PlaceKind {
    /// A place small enough to say where something happened: anything but
    /// a region or a country.
    pub fn is_point(self) -> bool {
        !matches!(self, PlaceKind::Region | PlaceKind::Country)
    }
}

/// What a [`Mention`] refers to: an index into [`Gazetteer::actors`],
/// [`Gazetteer::people`] or [`Gazetteer::places`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entity {
    Actor(usize),
    Person(usize),
    Place(usize),
}

/// A gazetteer file that cannot be used; `line` is 1-based when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerError {
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for GazetteerError {}

// The file as written, with positions kept for error messages.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    actors: Vec<RawActor>,
    #[serde(default)]
    people: Vec<RawPerson>,
    #[serde(default)]
    places: Vec<RawPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    camp: Option<Spanned<String>>,
    /// The older name of `camp`.
    side: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    #[serde(default)]
    part_of: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    actor: Spanned<String>,
    #[serde(default)]
    role: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    id: Spanned<String>,
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    lat: Spanned<f64>,
    lon: Spanned<f64>,
    #[serde(default)]
    kind: PlaceKind,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    actor: Option<Spanned<String>>,
}

/// 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Builds errors pointing into the file.
struct Errors<'a> {
    text: &'a str,
}

impl Errors<'_> {
    fn at<T>(&self, spanned: &Spanned<T>, message: String) -> GazetteerError {
        GazetteerError { line: Some(line_of(self.text, spanned.span().start)), message }
    }
}

fn check_id(e: &Errors, id: &Spanned<String>, what: &str) -> Result<(), GazetteerError> {
    let s = id.get_ref();
    if s.is_empty() {
        return Err(e.at(id, format!("{what} has an empty id")));
    }
    if !s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-') {
        return Err(e.at(id, format!("{what} id {s:?} must use only a-z, 0-9, '_' and '-'")));
    }
    Ok(())
}

fn check_name(e: &Errors, name: &Spanned<String>, what: &str) -> Result<(), GazetteerError> {
    if name.get_ref().trim().is_empty() {
        return Err(e.at(name, format!("{what} has an empty name")));
    }
    Ok(())
}

fn check_coord(e: &Errors, v: &Spanned<f64>, what: &str, axis: &str, limit: f64) -> Result<(), GazetteerError> {
    let x = *v.get_ref();
    if !x.is_finite() || x.abs() > limit {
        return Err(e.at(v, format!("{what}: {axis} {x} is outside -{limit}..{limit}")));
    }
    Ok(())
}

/// Every actor's camp: its own, else its parent's (`part_of`, followed up
/// the chain). Errors: a `part_of` naming no actor, a cycle, a part whose
/// camp differs from its parent's (a part speaks for its parent), an actor
/// with neither `camp` nor `part_of`.
fn actor_sides(
    e: &Errors,
    actors: &[RawActor],
    own: &[Option<CampIx>],
    ids: &HashMap<&str, usize>,
    camps: &[Camp],
) -> Result<Vec<CampIx>, GazetteerError> {
    let mut parent = vec![None; actors.len()];
    for (i, a) in actors.iter().enumerate() {
        if let Some(p) = &a.part_of {
            match ids.get(p.get_ref().as_str()) {
                Some(&j) => parent[i] = Some(j),
                None => {
                    return Err(e.at(p, format!("actor {:?}: part_of {:?} is not an actor id", a.id.get_ref(), p.get_ref())))
                }
            }
        }
    }
    let mut sides = Vec::with_capacity(actors.len());
    for (i, a) in actors.iter().enumerate() {
        // walk up to the first actor with a side; more steps than actors is a cycle
        let (mut at, mut steps) = (i, 0);
        let side = loop {
            if let Some(s) = own[at] {
                break s;
            }
            match parent[at] {
                Some(up) if steps < actors.len() => (at, steps) = (up, steps + 1),
                Some(_) => {
                    let p = a.part_of.as_ref().unwrap_or(&a.id);
                    return Err(e.at(p, format!("actor {:?}: part_of runs in a cycle", a.id.get_ref())));
                }
                None => {
                    return Err(e.at(&a.id, format!("actor {:?}: no camp (`camp = \"…\"`, or `part_of`)", a.id.get_ref())))
                }
            }
        };
        sides.push(side);
    }
    // a cycle whose members all give a side is still a cycle
    for (i, a) in actors.iter().enumerate() {
        let (mut at, mut steps) = (i, 0);
        while let Some(up) = parent[at] {
            steps += 1;
            if steps > actors.len() {
                let p = a.part_of.as_ref().unwrap_or(&a.id);
                return Err(e.at(p, format!("actor {:?}: part_of runs in a cycle", a.id.get_ref())));
            }
            at = up;
        }
        if let (Some(s), Some(up)) = (own[i], parent[i]) {
            if s != sides[up] {
                let at = a.camp.as_ref().or(a.side.as_ref()).unwrap_or(&a.id);
                return Err(e.at(
                    at,
                    format!(
                        "actor {:?}: camp {:?} differs from that of {:?}, which it is part of; \
                         a part speaks for its parent: leave `camp` out",
                        a.id.get_ref(),
                        camps.get(s.0 as usize).map_or("?", |c| c.id.as_str()),
                        actors[up].id.get_ref()
                    ),
                ));
            }
        }
    }
    Ok(sides)
}

/// The camp the actor names itself: `camp = "…"` or its older name
/// `side = "…"` (both only if they agree), one of `camps`' ids; `None` when
/// it names none (a part then takes its parent's, see [`actor_sides`]).
fn camp_of(e: &Errors, a: &RawActor, camps: &[Camp], what: &str) -> Result<Option<CampIx>, GazetteerError> {
    let named = match (&a.camp, &a.side) {
        (Some(c), Some(s)) if c.get_ref() != s.get_ref() => {
            return Err(e.at(s, format!("{what}: `side` {:?} and `camp` {:?} differ; keep `camp`", s.get_ref(), c.get_ref())));
        }
        (Some(v), _) | (None, Some(v)) => v,
        (None, None) => return Ok(None),
    };
    match camps.iter().position(|c| &c.id == named.get_ref()) {
        Some(i) => Ok(Some(CampIx(i as u8))),
        None => {
            let ids: Vec<&str> = camps.iter().map(|c| c.id.as_str()).collect();
            Err(e.at(named, format!("{what}: unknown camp {:?} (the camps are: {})", named.get_ref(), ids.join(", "))))
        }
    }
}

/// The actor's `kind`, one of [`ActorKind::label`]s.
fn kind_of(e: &Errors, a: &RawActor, what: &str) -> Result<Option<ActorKind>, GazetteerError> {
    let Some(k) = &a.kind else { return Ok(None) };
    match ActorKind::ALL.into_iter().find(|x| x.label() == k.get_ref().trim()) {
        Some(kind) => Ok(Some(kind)),
        None => {
            let all: Vec<&str> = ActorKind::ALL.iter().map(|x| x.label()).collect();
            Err(e.at(k, format!("{what}: unknown kind {:?} (one of: {})", k.get_ref(), all.join(", "))))
        }
    }
}

fn strings(v: &[Spanned<String>]) -> Vec<String> {
    v.iter().map(|s| s.get_ref().clone()).collect()
}

/// The gazetteer shipped with Counterclaim (`seeds/gazetteer.toml`),
/// compiled in, for corpora that bring none of their own.
pub const BUILTIN_TOML: &str = include_str!("../../../seeds/gazetteer.toml");

impl Gazetteer {
    /// The shipped gazetteer ([`BUILTIN_TOML`]), parsed and validated.
    pub fn builtin() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse(BUILTIN_TOML)
    }

    /// Parse and validate a gazetteer file's text, with the default camps.
    pub fn parse(text: &str) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::parse_with_camps(text, Camp::defaults(), false)
    }

    /// Parse and validate a gazetteer file's text; every actor names one of
    /// `camps` (`editor`: they are the editor's, see [`crate::camps::roles`]).
    pub fn parse_with_camps(text: &str, camps: Vec<Camp>, editor: bool) -> Result<Gazetteer, GazetteerError> {
        let raw: RawFile = toml::from_str(text).map_err(|err| GazetteerError {
            line: err.span().map(|s| line_of(text, s.start)),
            message: err.message().trim().to_string(),
        })?;
        let e = Errors { text };

        let mut actor_ids: HashMap<&str, usize> = HashMap::new();
        let mut own_camps: Vec<Option<CampIx>> = Vec::new();
        let mut kinds: Vec<Option<ActorKind>> = Vec::new();
        for (i, a) in raw.actors.iter().enumerate() {
            let what = format!("actor {:?}", a.id.get_ref());
            check_id(&e, &a.id, "actor")?;
            check_name(&e, &a.name, &what)?;
            own_camps.push(camp_of(&e, a, &camps, &what)?);
            kinds.push(kind_of(&e, a, &what)?);
            if actor_ids.insert(a.id.get_ref(), i).is_some() {
                return Err(e.at(&a.id, format!("duplicate actor id {:?}", a.id.get_ref())));
            }
        }
        let sides = actor_sides(&e, &raw.actors, &own_camps, &actor_ids, &camps)?;
        let actor_camps: Vec<(CampIx, Option<ActorKind>)> = sides.into_iter().zip(kinds).collect();
        for p in &raw.people {
            let what = format!("person {:?}", p.name.get_ref());
            check_name(&e, &p.name, "person")?;
            if !actor_ids.contains_key(p.actor.get_ref().as_str()) {
                return Err(e.at(&p.actor, format!("{what}: unknown actor {:?}", p.actor.get_ref())));
            }
        }
        let mut place_ids: HashMap<&str, usize> = HashMap::new();
        for (i, p) in raw.places.iter().enumerate() {
            let what = format!("place {:?}", p.id.get_ref());
            check_id(&e, &p.id, "place")?;
            check_name(&e, &p.name, &what)?;
            check_coord(&e, &p.lat, &what, "latitude", 90.0)?;
            check_coord(&e, &p.lon, &what, "longitude", 180.0)?;
            if place_ids.insert(p.id.get_ref(), i).is_some() {
                return Err(e.at(&p.id, format!("duplicate place id {:?}", p.id.get_ref())));
            }
            if let Some(a) = &p.actor {
                if !actor_ids.contains_key(a.get_ref().as_str()) {
                    return Err(e.at(a, format!("{what}: actor {:?} is not an actor id", a.get_ref())));
                }
            }
            if let Some(c) = &p.country {
                if c.trim().is_empty() {
                    return Err(e.at(&p.id, format!("{what}: empty country")));
                }
            }
        }

        // Every name and alias must be matchable and name one entity only.
        let mut names: Vec<(Entity, String, &Spanned<String>)> = Vec::new();
        for (i, a) in raw.actors.iter().enumerate() {
            let label = format!("actor {:?}", a.id.get_ref());
            names.extend(std::iter::once(&a.name).chain(&a.aliases).map(|n| (Entity::Actor(i), label.clone(), n)));
        }
        for (i, p) in raw.people.iter().enumerate() {
            let label = format!("person {:?}", p.name.get_ref());
            names.extend(std::iter::once(&p.name).chain(&p.aliases).map(|n| (Entity::Person(i), label.clone(), n)));
        }
        for (i, p) in raw.places.iter().enumerate() {
            let label = format!("place {:?}", p.id.get_ref());
            names.extend(std::iter::once(&p.name).chain(&p.aliases).map(|n| (Entity::Place(i), label.clone(), n)));
        }
        let mut seen: HashMap<Vec<char>, usize> = HashMap::new();
        for (k, (entity, label, name)) in names.iter().enumerate() {
            let (key, _) = fold::name_key(name.get_ref())
                .map_err(|m| e.at(name, format!("{label}: name {:?}: {m}", name.get_ref())))?;
            if key.is_empty() {
                return Err(e.at(name, format!("{label}: name {:?} has no letters or digits", name.get_ref())));
            }
            if let Some(&first) = seen.get(&key) {
                let (other, other_label, other_name) = &names[first];
                if other != entity {
                    let place_and_actor = matches!(
                        (other, entity),
                        (Entity::Actor(_), Entity::Place(_)) | (Entity::Place(_), Entity::Actor(_))
                    );
                    let hint = if place_and_actor {
                        " (a place that also speaks, like a capital, names its actor with `actor = \"<actor id>\"`)"
                    } else {
                        ""
                    };
                    return Err(e.at(
                        name,
                        format!(
                            "{label}: name {:?} matches the same text as {:?} of {other_label} (line {}); \
                             a name must belong to one entity only{hint}",
                            name.get_ref(),
                            other_name.get_ref(),
                            line_of(text, other_name.span().start)
                        ),
                    ));
                }
            } else {
                seen.insert(key, k);
            }
        }

        let roles = Roles(crate::camps::roles(&camps, editor, &actor_camps));
        Ok(Gazetteer {
            actors: raw
                .actors
                .iter()
                .zip(&actor_camps)
                .map(|(a, &(side, kind))| ActorEntry {
                    id: a.id.get_ref().clone(),
                    name: a.name.get_ref().trim().to_string(),
                    aliases: strings(&a.aliases),
                    side,
                    kind,
                    part_of: a.part_of.as_ref().map(|p| p.get_ref().clone()),
                })
                .collect(),
            people: raw
                .people
                .iter()
                .map(|p| PersonEntry {
                    name: p.name.get_ref().trim().to_string(),
                    aliases: strings(&p.aliases),
                    actor: p.actor.get_ref().clone(),
                    role: p.role.clone(),
                })
                .collect(),
            places: raw
                .places
                .iter()
                .map(|p| PlaceEntry {
                    id: p.id.get_ref().clone(),
                    name: p.name.get_ref().trim().to_string(),
                    aliases: strings(&p.aliases),
                    lat: *p.lat.get_ref(),
                    lon: *p.lon.get_ref(),
                    kind: p.kind,
                    region: p.region.clone(),
                    country: p.country.as_ref().map(|c| c.trim().to_string()),
                    actor: p.actor.as_ref().map(|a| a.get_ref().clone()),
                })
                .collect(),
            camps,
            roles,
        })
    }

    /// What a valid gazetteer's text leaves out that an editor should add,
    /// as one warning each: places without a `country` (one warning at the
    /// first such place, counting them all).
    pub fn warnings(text: &str) -> Vec<GazetteerError> {
        let Ok(raw) = toml::from_str::<RawFile>(text) else { return Vec::new() };
        let missing: Vec<&RawPlace> = raw.places.iter().filter(|p| p.country.is_none()).collect();
        let Some(first) = missing.first() else { return Vec::new() };
        let ids: Vec<String> = missing.iter().take(3).map(|p| format!("{:?}", p.id.get_ref())).collect();
        let more = if missing.len() > 3 { ", …" } else { "" };
        vec![GazetteerError {
            line: Some(line_of(text, first.id.span().start)),
            message: format!(
                "{} of {} places have no `country` ({}{more}): add `country = \"…\"` to each",
                missing.len(),
                raw.places.len(),
                ids.join(", ")
            ),
        }]
    }

    /// Read and validate a gazetteer file with the default camps; errors
    /// name the file and line.
    pub fn load(path: &Path) -> Result<Gazetteer, LoadError> {
        Gazetteer::load_with_camps(path, Camp::defaults(), false)
    }

    /// Read and validate a gazetteer file whose actors name `camps`.
    pub fn load_with_camps(path: &Path, camps: Vec<Camp>, editor: bool) -> Result<Gazetteer, LoadError> {
        let err = |line, message| LoadError { path: path.to_path_buf(), line, message };
        let bytes = std::fs::read(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                let dir = path.parent().map(|d| d.display().to_string()).unwrap_or_else(|| ".".into());
                err(
                    None,
                    format!(
                        "no gazetteer in this corpus folder: create one with `counterclaim init {dir}` \
                         (it lists the names the articles use), see docs/corpus-format.md"
                    ),
                )
            } else {
                err(None, format!("cannot read gazetteer: {e}"))
            }
        })?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            err(Some(line_of_bytes(&bytes, e.valid_up_to())), format!("not valid UTF-8 (byte {})", e.valid_up_to()))
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Gazetteer::parse_with_camps(text, camps, editor).map_err(|e| err(e.line, e.message))
    }

    /// Compile every name and alias into a matcher. This walks every name:
    /// build it once and reuse it for all documents.
    pub fn matcher(&self) -> Matcher {
        // a trie has at most one node per key character: sized once
        let len = |name: &String, aliases: &[String]| name.len() + aliases.iter().map(String::len).sum::<usize>();
        let chars = self.actors.iter().map(|a| len(&a.name, &a.aliases)).sum::<usize>()
            + self.people.iter().map(|p| len(&p.name, &p.aliases)).sum::<usize>()
            + self.places.iter().map(|p| len(&p.name, &p.aliases)).sum::<usize>();
        let mut m = matcher::MatcherBuilder::with_capacity(chars + 1);
        let mut add = |entity: Entity, name: &str, aliases: &[String]| {
            for n in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
                // Validated by `parse`; a hand-built gazetteer's unusable
                // names are skipped rather than matched wrongly.
                if let Ok((key, tokens)) = fold::name_key(n) {
                    if !key.is_empty() {
                        m.insert(&key, acronym(&tokens), entity);
                    }
                }
            }
        };
        for (i, a) in self.actors.iter().enumerate() {
            add(Entity::Actor(i), &a.name, &a.aliases);
        }
        for (i, p) in self.people.iter().enumerate() {
            add(Entity::Person(i), &p.name, &p.aliases);
        }
        for (i, p) in self.places.iter().enumerate() {
            add(Entity::Place(i), &p.name, &p.aliases);
        }
        m.build()
    }

    /// The model's actor and place lists (people are not exported: they
    /// speak for their actor).
    pub fn to_model(&self) -> (Vec<Actor>, Vec<Place>) {
        let actors = self
            .actors
            .iter()
            .map(|a| Actor { id: a.id.clone(), name: a.name.clone(), aliases: a.aliases.clone(), side: a.side, kind: a.kind })
            .collect();
        let places = self
            .places
            .iter()
            .map(|p| Place {
                id: p.id.clone(),
                name: p.name.clone(),
                aliases: p.aliases.clone(),
                lat: p.lat,
                lon: p.lon,
                country: p.country.clone(),
            })
            .collect();
        (actors, places)
    }

    /// Index of the actor with this id.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id == id)
    }

    /// Index of the place with this id.
    pub fn place_index(&self, id: &str) -> Option<usize> {
        self.places.iter().position(|p| p.id == id)
    }

    /// The actor an entity stands for: itself for an actor, the actor a
    /// person speaks for, `None` for a place.
    pub fn actor_of(&self, entity: Entity) -> Option<usize> {
        match entity {
            Entity::Actor(i) => (i < self.actors.len()).then_some(i),
            Entity::Person(i) => self.people.get(i).and_then(|p| self.actor_index(&p.actor)),
            Entity::Place(_) => None,
        }
    }

    /// The actors an actor is part of, nearest first (its parent, its
    /// parent's parent…); empty for an actor with no `part_of`.
    pub fn ancestors(&self, actor: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = actor;
        while let Some(up) = self.actors.get(at).and_then(|a| a.part_of.as_deref()).and_then(|id| self.actor_index(id)) {
            // validated acyclic by `parse`; a hand-built one stops here
            if up == actor || out.contains(&up) {
                break;
            }
            out.push(up);
            at = up;
        }
        out
    }

    /// The actor a place also stands for (`actor = …` on the place).
    pub fn place_actor(&self, place: usize) -> Option<usize> {
        self.places.get(place).and_then(|p| p.actor.as_deref()).and_then(|id| self.actor_index(id))
    }

    /// The canonical name of an entity ("" for an index out of range).
    pub fn name_of(&self, entity: Entity) -> &str {
        match entity {
            Entity::Actor(i) => self.actors.get(i).map(|a| a.name.as_str()),
            Entity::Person(i) => self.people.get(i).map(|p| p.name.as_str()),
            Entity::Place(i) => self.places.get(i).map(|p| p.name.as_str()),
        }
        .unwrap_or("")
    }
}

fn line_of_bytes(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// For a short all-capital acronym (1–3 letters, all upper-case: `IS`,
/// `UN`, `U.N.`), the exact characters the text must have.
fn acronym(tokens: &fold::Tokens) -> Option<Vec<char>> {
    let raw = || tokens.tokens.iter().flat_map(|t| tokens.raw(t));
    // counted first: most names are no acronym and need no copy
    let (mut letters, mut upper) = (0usize, 0usize);
    for c in raw().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
        if letters > 3 {
            return None;
        }
    }
    (letters > 0 && upper == letters).then(|| raw().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_cp;

    const SMALL: &str = r#"
[[actors]]
id = "fama"
name = "Malian Armed Forces"
aliases = ["FAMa", "Forces armées maliennes", "Malian army", "the army"]
side = "state"

[[actors]]
id = "islamic_state"
name = "Islamic State"
aliases = ["IS", "U.S.I."]
side = "jihadists"

[[actors]]
id = "un"
name = "United Nations"
aliases = ["UN", "U.N."]
side = "international"

[[people]]
name = "Assimi Goïta"
aliases = ["Goïta", "Colonel Goïta", "Col. Goïta"]
actor = "fama"

[[places]]
id = "tin-zaouatine"
name = "Tin Zaouatine"
aliases = ["Tinzaouaten"]
lat = 19.96
lon = 2.93

[[places]]
id = "kidal"
name = "Kidal"
lat = 18.44
lon = 1.41

[[places]]
id = "kidal-region"
name = "Kidal region"
kind = "region"
lat = 19.5
lon = 1.4
"#;

    fn found(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        g.matcher()
            .find(text)
            .into_iter()
            .map(|m| (slice_cp(text, m.start, m.end).to_string(), g.name_of(m.entity).to_string()))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn parses_entries_and_defaults() {
        let g = Gazetteer::parse(SMALL).unwrap();
        assert_eq!(g.actors.len(), 3);
        assert_eq!(g.actors[1].side, CampIx(2));
        assert_eq!(g.people[0].role, None);
        assert_eq!(g.places[0].kind, PlaceKind::Town);
        assert_eq!(g.places[2].kind, PlaceKind::Region);
        assert_eq!(g.actor_of(Entity::Person(0)), Some(0));
        assert_eq!(g.actor_of(Entity::Place(0)), None);
        let (actors, places) = g.to_model();
        assert_eq!(actors[0].id, "fama");
        assert_eq!(places[1].lat, 18.44);
    }

    #[test]
    fn matches_leftmost_longest_whole_words() {
        let g = Gazetteer::parse(SMALL).unwrap();
        assert_eq!(
            found(&g, "In the Kidal region, Col. Goïta's army met Colonel Goïta."),
            pairs(&[
                ("Kidal region", "Kidal region"),
                ("Col. Goïta", "Assimi Goïta"),
                ("Colonel Goïta", "Assimi Goïta")
            ])
        );
        // Not inside other words; possessives and case/diacritic variants match.
        assert_eq!(
            found(&g, "Kidalese Kidal’s KIDAL goita"),
            pairs(&[("Kidal", "Kidal"), ("KIDAL", "Kidal"), ("goita", "Assimi Goïta")])
        );
        // A period between words must be in the name: "Col Goïta" is not "Col. Goïta".
        assert_eq!(found(&g, "Col Goïta"), pairs(&[("Goïta", "Assimi Goïta")]));
    }

    #[test]
    fn joined_split_and_hyphenated_spellings_match() {
        let g = Gazetteer::parse(SMALL).unwrap();
        for text in [
            "Tin Zaouatine",
            "Tinzaouatine",
            "Tin-Zaouatine",
            "TIN ZAOUATINE",
            "Tin‑Zaouatine",
            "Tin\nZaouatine",
            "Tin Zaouaten",
        ] {
            let got = found(&g, text);
            assert_eq!(got, pairs(&[(text, "Tin Zaouatine")]), "{text:?}");
        }
        assert!(found(&g, "Tin\n\nZaouatine").is_empty());
        assert!(found(&g, "Tin (Zaouatine)").is_empty());
    }

    #[test]
    fn short_acronyms_are_case_sensitive() {
        let g = Gazetteer::parse(SMALL).unwrap();
        assert_eq!(
            found(&g, "It is the IS, not the UN, that is in the U.N. report; un convoi."),
            pairs(&[("IS", "Islamic State"), ("UN", "United Nations"), ("U.N", "United Nations")])
        );
        assert!(found(&g, "Is it? iS").is_empty());
        // Headlines in capitals: "IS" between capital words is not an acronym.
        assert_eq!(found(&g, "WHY IS KIDAL BESIEGED"), pairs(&[("KIDAL", "Kidal")]));
        assert_eq!(found(&g, "IS CLAIMS ATTACK"), pairs(&[("IS", "Islamic State")]));
    }

    const SLASHES: &str = r#"
[[actors]]
id = "afc"
name = "AFC/M23"
aliases = ["M23", "Congo River Alliance"]
side = "rebels"

[[actors]]
id = "au"
name = "African Union"
aliases = ["AU"]
side = "international"

[[actors]]
id = "us"
name = "United States"
aliases = ["US"]
side = "international"

[[actors]]
id = "un"
name = "United Nations"
aliases = ["U.N."]
side = "international"
"#;

    #[test]
    fn a_name_with_a_slash_matches_only_with_its_slash() {
        let g = Gazetteer::parse(SLASHES).unwrap();
        assert_eq!(
            found(&g, "The AFC/M23 said it held the hills; AFC / M23 fighters and M23 officers."),
            pairs(&[("AFC/M23", "AFC/M23"), ("AFC / M23", "AFC/M23"), ("M23", "AFC/M23")])
        );
        // a slash is not a space: "AFC M23" is not the name, "M23" alone is
        assert_eq!(found(&g, "AFC M23"), pairs(&[("M23", "AFC/M23")]));
        // nor is a space a slash for an alias written with a space
        assert!(found(&g, "Congo/River Alliance").is_empty());
    }

    #[test]
    fn dotted_acronyms_are_never_cut() {
        let g = Gazetteer::parse(SLASHES).unwrap();
        assert_eq!(
            found(&g, "A U.N. spokesperson said the U.S. envoy met the AU."),
            // "A U" is not "AU", "U.S" is not "US"
            pairs(&[("U.N", "United Nations"), ("AU", "African Union")])
        );
        assert_eq!(found(&g, "The AU and the US met."), pairs(&[("AU", "African Union"), ("US", "United States")]));
        assert!(found(&g, "a U.S.A. team, A U.S. plane").is_empty());
    }

    #[test]
    fn finds_within_a_range_with_whole_text_offsets() {
        let g = Gazetteer::parse(SMALL).unwrap();
        let m = g.matcher();
        let text = "Anéfis. Goïta went to Kidal. Then Tinzaouaten.";
        let ms = m.find_in(text, 8, 28);
        let got: Vec<&str> = ms.iter().map(|x| slice_cp(text, x.start, x.end)).collect();
        assert_eq!(got, ["Goïta", "Kidal"]);
        assert!(m.find_in(text, 40, 999).is_empty());
        assert!(m.find_in(text, 99, 120).is_empty());
        assert_eq!(m.find_in(text, 0, 999), m.find(text));
    }

    #[test]
    fn offsets_are_code_points() {
        let g = Gazetteer::parse(SMALL).unwrap();
        let text = "« Forces armées maliennes » — Œ ß Goïta’s and Tinzaouaten";
        let ms = g.matcher().find(text);
        let got: Vec<&str> = ms.iter().map(|m| slice_cp(text, m.start, m.end)).collect();
        assert_eq!(got, ["Forces armées maliennes", "Goïta", "Tinzaouaten"]);
        assert_eq!(ms[0].start, 2);
    }

    fn err(text: &str) -> GazetteerError {
        Gazetteer::parse(text).unwrap_err()
    }

    #[test]
    fn rejects_duplicate_ids_and_unknown_actors() {
        let dup = format!("{SMALL}\n[[places]]\nid = \"kidal\"\nname = \"Kidal bis\"\nlat = 1.0\nlon = 1.0\n");
        let e = err(&dup);
        assert!(e.message.contains("duplicate place id \"kidal\""), "{e}");
        assert_eq!(e.line, Some(SMALL.lines().count() + 3));

        let e = err(
            "[[actors]]\nid = \"a\"\nname = \"A\"\nside = \"state\"\n[[people]]\nname = \"P\"\nactor = \"nobody\"\n",
        );
        assert!(e.message.contains("unknown actor \"nobody\""), "{e}");
        assert_eq!(e.line, Some(7));
    }

    #[test]
    fn rejects_a_name_shared_by_two_entities() {
        let text = "[[actors]]\nid = \"a\"\nname = \"Anéfis group\"\naliases = [\"Anefis\"]\nside = \"rebels\"\n\
                    [[places]]\nid = \"anefis\"\nname = \"Anéfis\"\nlat = 18.05\nlon = 0.6\n";
        let e = err(text);
        assert_eq!(e.line, Some(8));
        assert!(e.message.contains("place \"anefis\"") && e.message.contains("actor \"a\""), "{e}");
        assert!(e.message.contains("(line 4)"), "{e}");
        assert!(e.message.contains("`actor = "), "a place and an actor: the way out is named: {e}");
    }

    fn camps3() -> Vec<Camp> {
        ["gov", "front", "monitors"]
            .iter()
            .map(|id| Camp { id: (*id).into(), label: id.to_uppercase(), hint: String::new(), colour: None })
            .collect()
    }

    #[test]
    fn actors_name_an_editor_camp_with_camp_or_the_older_side() {
        let text = "[[actors]]\nid = \"army\"\nname = \"Orland Army\"\ncamp = \"gov\"\nkind = \"armed forces\"\n\
                    [[actors]]\nid = \"legion\"\nname = \"Vesk Legion\"\nside = \"front\"\nkind = \"foreign state\"\n\
                    [[actors]]\nid = \"front\"\nname = \"Northern Front\"\ncamp = \"front\"\nside = \"front\"\nkind = \"armed group\"\n\
                    [[actors]]\nid = \"radio\"\nname = \"Radio Pell\"\ncamp = \"monitors\"\n";
        let g = Gazetteer::parse_with_camps(text, camps3(), true).unwrap();
        let camps: Vec<(u8, Option<ActorKind>)> = g.actors.iter().map(|a| (a.side.0, a.kind)).collect();
        assert_eq!(
            camps,
            [(0, Some(ActorKind::ArmedForces)), (1, Some(ActorKind::ForeignState)), (1, Some(ActorKind::ArmedGroup)), (2, None)]
        );
        // the foreign state's army gives the front no role; its armed group does
        assert_eq!(g.roles.0, [Role::State, Role::Armed, Role::Armed]);
        let (actors, _) = g.to_model();
        assert_eq!((actors[0].side, actors[0].kind), (CampIx(0), Some(ActorKind::ArmedForces)));
    }

    #[test]
    fn camp_and_kind_errors_name_their_line() {
        let parse = |text: &str| Gazetteer::parse_with_camps(text, camps3(), true).unwrap_err();
        let e = parse("[[actors]]\nid = \"a\"\nname = \"A\"\ncamp = \"state\"\n");
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("unknown camp \"state\" (the camps are: gov, front, monitors)"), "{e}");
        let e = parse("[[actors]]\nid = \"a\"\nname = \"A\"\n");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("no camp"), "{e}");
        let e = parse("[[actors]]\nid = \"a\"\nname = \"A\"\ncamp = \"gov\"\nside = \"front\"\n");
        assert_eq!(e.line, Some(5), "{e}");
        assert!(e.message.contains("differ"), "{e}");
        let e = parse("[[actors]]\nid = \"a\"\nname = \"A\"\ncamp = \"gov\"\nkind = \"army\"\n");
        assert_eq!(e.line, Some(5), "{e}");
        assert!(e.message.contains("unknown kind \"army\" (one of: armed forces, armed group,"), "{e}");
        // the default camps' ids are not the editor's
        assert!(Gazetteer::parse("[[actors]]\nid = \"a\"\nname = \"A\"\ncamp = \"gov\"\n").is_err());
        assert!(Gazetteer::parse("[[actors]]\nid = \"a\"\nname = \"A\"\ncamp = \"rebels\"\n").is_ok());
    }

    #[test]
    fn rejects_bad_values_with_lines() {
        let e = err("[[places]]\nid = \"x\"\nname = \"X\"\nlat = 91.0\nlon = 0.0\n");
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("latitude"), "{e}");
        let e = err("[[places]]\nid = \"X y\"\nname = \"X\"\nlat = 1.0\nlon = 0.0\n");
        assert!(e.message.contains("must use only"), "{e}");
        let e = err("[[actors]]\nid = \"a\"\nname = \"  \"\nside = \"state\"\n");
        assert!(e.message.contains("empty name"), "{e}");
        let e = err("[[actors]]\nid = \"a\"\nname = \"A\"\naliases = [\"FAMa (army)\"]\nside = \"state\"\n");
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("cannot be matched across"), "{e}");
        let e = err("[[actors]]\nid = \"a\"\nname = \"A\"\nside = \"army\"\n");
        assert_eq!(e.line, Some(4), "{e}");
        let e = err("[[actors]]\nid = \"a\"\nname = \"A\"\nside = \"state\"\ncolour = 1\n");
        assert_eq!(e.line, Some(5), "{e}");
        assert!(e.message.contains("colour"), "{e}");
    }

    const PARTS: &str = "[[actors]]\nid = \"gov\"\nname = \"Government\"\nside = \"state\"\n\
                         [[actors]]\nid = \"ministry\"\nname = \"Ministry\"\npart_of = \"gov\"\n";

    #[test]
    fn a_part_takes_its_parents_side() {
        let g = Gazetteer::parse(PARTS).unwrap();
        assert_eq!(g.actors[1].side, CampIx(0));
        assert_eq!(g.actors[1].part_of.as_deref(), Some("gov"));
        assert_eq!(g.ancestors(1), [0]);
        assert!(g.ancestors(0).is_empty());
        // the same side, written out, is fine
        assert!(Gazetteer::parse(&format!("{PARTS}side = \"state\"\n")).is_ok());
    }

    #[test]
    fn rejects_bad_part_of_with_lines() {
        let e = err(&format!("{PARTS}side = \"rebels\"\n"));
        assert_eq!(e.line, Some(9), "{e}");
        assert!(e.message.contains("part of") && e.message.contains("\"gov\""), "{e}");
        let e = err(&PARTS.replace("part_of = \"gov\"", "part_of = \"nobody\""));
        assert_eq!(e.line, Some(8), "{e}");
        assert!(e.message.contains("\"nobody\" is not an actor id"), "{e}");
        let cycle = "[[actors]]\nid = \"a\"\nname = \"A\"\npart_of = \"b\"\n\
                     [[actors]]\nid = \"b\"\nname = \"B\"\npart_of = \"a\"\n";
        let e = err(cycle);
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.message.contains("cycle"), "{e}");
        let e = err(&format!("{cycle}side = \"state\"\n"));
        assert!(e.message.contains("cycle"), "{e}");
        let e = err("[[actors]]\nid = \"a\"\nname = \"A\"\n");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("no camp"), "{e}");
    }

    #[test]
    fn places_have_kinds_countries_and_may_stand_for_an_actor() {
        let text = format!(
            "{PARTS}[[places]]\nid = \"cap\"\nname = \"Ostra\"\nlat = 1.0\nlon = 2.0\ncountry = \"Varna\"\nactor = \"gov\"\n\
             [[places]]\nid = \"camp\"\nname = \"Dara camp\"\nkind = \"camp\"\nlat = 1.0\nlon = 2.0\n\
             [[places]]\nid = \"xing\"\nname = \"Dara crossing\"\nkind = \"border_crossing\"\nlat = 1.0\nlon = 2.0\n"
        );
        let g = Gazetteer::parse(&text).unwrap();
        assert_eq!(g.places[0].country.as_deref(), Some("Varna"));
        assert_eq!(g.place_actor(0), Some(0));
        assert_eq!(g.place_actor(1), None);
        assert_eq!((g.places[1].kind, g.places[2].kind), (PlaceKind::Camp, PlaceKind::BorderCrossing));
        assert!(g.places[1].kind.is_point() && !PlaceKind::Country.is_point() && !PlaceKind::Region.is_point());
        for kind in ["airport", "base", "district", "site", "town", "region", "country"] {
            let one = format!("[[places]]\nid = \"p\"\nname = \"P\"\nkind = \"{kind}\"\nlat = 1.0\nlon = 2.0\n");
            assert!(Gazetteer::parse(&one).is_ok(), "{kind}");
        }
        let e = err(&text.replace("actor = \"gov\"", "actor = \"nobody\""));
        assert_eq!(e.line, Some(15), "{e}");
        let e = err("[[places]]\nid = \"p\"\nname = \"P\"\nkind = \"village\"\nlat = 1.0\nlon = 2.0\n");
        assert_eq!(e.line, Some(4), "{e}");
    }

    #[test]
    fn places_without_a_country_are_one_warning() {
        let one = |id: &str, country: &str| format!("[[places]]\nid = \"{id}\"\nname = \"{id}\"\nlat = 1.0\nlon = 2.0\n{country}");
        let text = format!("{}{}{}", one("a", "country = \"Varna\"\n"), one("b", ""), one("c", ""));
        let w = Gazetteer::warnings(&text);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, Some(8), "{}", w[0]);
        assert!(w[0].message.starts_with("2 of 3 places have no `country` (\"b\", \"c\")"), "{}", w[0]);
        assert!(Gazetteer::warnings(&one("a", "country = \"Varna\"\n")).is_empty());
    }

    #[test]
    fn bad_toml_reports_its_line() {
        let e = err("[[actors]]\nid = \"a\"\nname = \"A\n");
        assert_eq!(e.line, Some(3), "{e}");
        let e = err("[[actors]]\nid = \"a\"\n\n\nname = = 1\n");
        assert_eq!(e.line, Some(5), "{e}");
    }
}
