//! The corpus model: what the engine extracts and what the app and the CLI
//! export. Field names follow the export contract in `docs/corpus-format.md`.
//!
//! All offsets are in Unicode code points into `Document::text`
//! (W3C TextPositionSelector), `[start, end)`.
//!
//! Note for postcard: no `skip_serializing_if`, no untagged enums, no
//! `flatten` — the binary format is not self-describing.

use serde::{Deserialize, Serialize};

/// Bump when the binary layout changes.
pub const FORMAT_VERSION: u32 = 3;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub version: u32,
    pub documents: Vec<Document>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
    /// The camps of the conflict, in the editor's order (`corpus.toml`,
    /// else [`Camp::defaults`]); `CampIx` indexes this list.
    pub camps: Vec<Camp>,
    /// How many editorial corrections (`corrections.toml`) were applied.
    pub corrections: u32,
    /// What the corpus is about, for readers (`corpus.toml`, or derived
    /// from the corpus when the folder has none).
    #[serde(default)]
    pub settings: Settings,
}

/// The corpus's reader-facing texts: every conflict-specific text on and
/// around the page comes from here (header, `<title>`, sharing metadata,
/// the embed code's frame title, the static and `<noscript>` views).
/// Always filled by the loader (`settings::resolve`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// A short title: "The war in northern Sudan, 2024".
    pub title: String,
    /// One paragraph for readers: what the corpus covers.
    pub description: String,
    /// BCP 47 language tag of the texts (`<html lang>`), e.g. `en`.
    pub language: String,
}

/// A half-open range `[start, end)` of code points into a document's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    FrontMatter,
    Text,
    Inferred,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id derived from the file name (without extension).
    pub id: String,
    /// Path relative to the corpus folder.
    pub path: String,
    pub title: String,
    pub outlet: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub published: Option<String>,
    pub published_source: PublishedSource,
    /// Only ever http(s); anything else is rejected at parse time.
    pub url: Option<String>,
    pub language: String,
    /// The article body (front matter removed), as in the file otherwise.
    pub text: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    /// Web boilerplate pasted with the article (comment forms, bios, …):
    /// kept in the text, marked here, excluded from claims and events.
    pub boilerplate: Vec<Span>,
}

/// A camp of the conflict, defined by the editor in `corpus.toml`
/// (`[[camp]]`), or one of [`Camp::defaults`]. Actors and claims name
/// their camp by its position in `Corpus::camps` ([`CampIx`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Camp {
    /// The URL key (`?side=saf`): `[a-z0-9_-]`.
    pub id: String,
    /// Shown in chips, filters, column heads and the downloads.
    pub label: String,
    /// A few words under column heads: who is in the camp.
    pub hint: String,
    /// The editor's colour (`#rrggbb`), else the palette by position.
    pub colour: Option<String>,
}

impl Camp {
    /// The camps of a corpus whose settings define none: the six sides of
    /// the seed gazetteer, in this order (URL keys and labels unchanged).
    pub fn defaults() -> Vec<Camp> {
        const SIX: [(&str, &str, &str); 6] = [
            ("state", "State & allies", "army, allied forces, government"),
            ("rebels", "Rebels & armed opposition", "rebel movements, armed opposition"),
            ("jihadists", "Jihadist groups", "jihadist armed groups"),
            ("international", "International", "UN, foreign governments, aid agencies"),
            ("local", "Local officials & civilians", "local officials, residents"),
            ("observers", "Independent observers", "analysts, NGOs, journalists"),
        ];
        SIX.iter()
            .map(|(id, label, hint)| Camp { id: (*id).into(), label: (*label).into(), hint: (*hint).into(), colour: None })
            .collect()
    }
}

/// How many camps the page can colour: the stylesheet's palette has
/// classes `camp-0` … `camp-7` (see [`camp_class`]).
pub const CAMP_CLASSES: usize = 8;

/// The CSS class of a camp's colour: `camp-N` for the camp at position N,
/// `camp-u` for an unknown speaker (or a camp beyond the palette).
pub fn camp_class(camp: Option<CampIx>) -> &'static str {
    const CLASSES: [&str; CAMP_CLASSES] = ["camp-0", "camp-1", "camp-2", "camp-3", "camp-4", "camp-5", "camp-6", "camp-7"];
    camp.and_then(|c| CLASSES.get(c.index()).copied()).unwrap_or("camp-u")
}

/// The camps speaking in `claims`, each once: in the corpus's order, then
/// `None` when some speaker's camp is unknown. An event's accounts have one
/// column for each.
pub fn speaking_camps<'c>(claims: impl IntoIterator<Item = &'c Claim>) -> Vec<Option<CampIx>> {
    // slot 256: unknown, after every camp
    let mut has = [false; 257];
    for c in claims {
        has[c.side.map_or(256, |s| s.index())] = true;
    }
    (0..has.len()).filter(|&i| has[i]).map(|i| u8::try_from(i).ok().map(CampIx)).collect()
}

/// A camp by its position in `Corpus::camps`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CampIx(pub u8);

impl CampIx {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What an actor is (`kind` in the gazetteer), shown next to its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    ArmedForces,
    ArmedGroup,
    Militia,
    Government,
    ForeignState,
    InternationalOrganisation,
    LocalAuthority,
    Civilians,
    Media,
    Observers,
}

impl ActorKind {
    pub const ALL: [ActorKind; 10] = [
        ActorKind::ArmedForces,
        ActorKind::ArmedGroup,
        ActorKind::Militia,
        ActorKind::Government,
        ActorKind::ForeignState,
        ActorKind::InternationalOrganisation,
        ActorKind::LocalAuthority,
        ActorKind::Civilians,
        ActorKind::Media,
        ActorKind::Observers,
    ];

    /// As written in the gazetteer and shown in the app ("armed forces").
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::ArmedForces => "armed forces",
            ActorKind::ArmedGroup => "armed group",
            ActorKind::Militia => "militia",
            ActorKind::Government => "government",
            ActorKind::ForeignState => "foreign state",
            ActorKind::InternationalOrganisation => "international organisation",
            ActorKind::LocalAuthority => "local authority",
            ActorKind::Civilians => "civilians",
            ActorKind::Media => "media",
            ActorKind::Observers => "observers",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    /// The actor's camp.
    pub side: CampIx,
    /// What the actor is, when the gazetteer says.
    pub kind: Option<ActorKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub lat: f64,
    pub lon: f64,
    /// The country the place lies in, as the gazetteer names it.
    pub country: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Assert,
    Deny,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

/// A resolved date range with ACLED-style precision. Dates are `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: String,
    pub end: String,
    pub precision: Precision,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Number {
    pub value: f64,
    pub unit: String,
    /// What is counted, e.g. "soldiers killed", "vehicles".
    pub about: String,
}

/// How sure the engine is of an extraction, from the evidence that produced
/// it (see `docs/corpus-format.md`, "Confidence").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// A named speaker (gazetteer actor or person) with an explicit
    /// reporting verb; for an event, one such claim.
    High,
    /// A pronoun or carried-over speaker, an anonymous source, or a
    /// secondary cue (participle, relative clause, time clause).
    Medium,
    /// A weak cue: a speaker of unknown side read from a few words before
    /// the verb.
    #[default]
    Low,
}

impl Confidence {
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    pub document: String,
    pub start: u32,
    pub end: u32,
    /// Exactly `text[start..end]` (in code points) of the document.
    pub quote: String,
    /// Actor id, or `None` for an unidentified speaker.
    pub speaker: Option<String>,
    /// The words naming the speaker in the text ("a local elected official").
    pub speaker_text: String,
    /// The camp of the speaker, when known (from the actor or the text).
    pub side: Option<CampIx>,
    /// The reporting verb or cue ("said", "denied", "according to").
    pub verb: String,
    pub stance: Stance,
    pub date: Option<DateRange>,
    pub event: Option<String>,
    pub numbers: Vec<Number>,
    pub confidence: Confidence,
    /// The editor's public note when a correction changed or added this claim.
    pub note: Option<String>,
}

impl Corpus {
    /// The camp a claim or actor names (`None` for an index out of range).
    pub fn camp(&self, ix: CampIx) -> Option<&Camp> {
        self.camps.get(ix.index())
    }
}

impl Claim {
    /// Extracted with low confidence: the explorer shows it only when the
    /// reader asks for uncertain extractions (`uncertain=1` in the URL).
    pub fn is_uncertain(&self) -> bool {
        self.confidence == Confidence::Low
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    ArmedClash,
    GovernmentRegainsTerritory,
    NonStateActorOvertakesTerritory,
    AirDroneStrike,
    Attack,
    RemoteExplosive,
    ViolenceAgainstCivilians,
    StrategicDevelopment,
    Other,
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            EventKind::ArmedClash => "Armed clash",
            EventKind::GovernmentRegainsTerritory => "Government regains territory",
            EventKind::NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
            EventKind::AirDroneStrike => "Air/drone strike",
            EventKind::Attack => "Attack",
            EventKind::RemoteExplosive => "Remote explosive",
            EventKind::ViolenceAgainstCivilians => "Violence against civilians",
            EventKind::StrategicDevelopment => "Strategic development",
            EventKind::Other => "Other",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dispute {
    /// Claim ids involved (at least two, from different sides).
    pub claims: Vec<String>,
    /// One human-readable line.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Caveat {
    pub document: String,
    pub start: u32,
    pub end: u32,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub start: String,
    pub end: String,
    pub precision: Precision,
    pub places: Vec<String>,
    pub actors: Vec<String>,
    pub claims: Vec<String>,
    pub documents: Vec<String>,
    pub contested: bool,
    pub disputes: Vec<Dispute>,
    pub caveats: Vec<Caveat>,
    /// The best confidence of its claims (see [`Confidence`]).
    pub confidence: Confidence,
    /// The editor's public note when a correction changed this event.
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(side: Option<u8>) -> Claim {
        Claim {
            id: String::new(),
            document: String::new(),
            start: 0,
            end: 0,
            quote: String::new(),
            speaker: None,
            speaker_text: String::new(),
            side: side.map(CampIx),
            verb: String::new(),
            stance: Stance::Assert,
            date: None,
            event: None,
            numbers: vec![],
            confidence: Confidence::High,
            note: None,
        }
    }

    #[test]
    fn default_camps_are_the_six_sides_in_their_order() {
        let ids: Vec<String> = Camp::defaults().into_iter().map(|c| c.id).collect();
        assert_eq!(ids, ["state", "rebels", "jihadists", "international", "local", "observers"]);
        assert!(Camp::defaults().iter().all(|c| !c.label.is_empty() && !c.hint.is_empty() && c.colour.is_none()));
    }

    #[test]
    fn speaking_camps_in_corpus_order_unknown_last_each_once() {
        let claims = [claim(Some(3)), claim(None), claim(Some(0)), claim(Some(3)), claim(Some(255))];
        assert_eq!(speaking_camps(&claims), [Some(CampIx(0)), Some(CampIx(3)), Some(CampIx(255)), None]);
        assert!(speaking_camps(&[]).is_empty());
    }

    #[test]
    fn camp_classes_cover_the_palette_then_fall_back() {
        assert_eq!(camp_class(Some(CampIx(0))), "camp-0");
        assert_eq!(camp_class(Some(CampIx(7))), "camp-7");
        assert_eq!(camp_class(Some(CampIx(8))), "camp-u");
        assert_eq!(camp_class(None), "camp-u");
    }
}
