//! Editorial corrections: the stage that applies `corrections.toml` (next to
//! the articles) to the assembled corpus, after the permanent ids
//! ([`crate::ids`]) are given. An editor fixes what the extraction got wrong
//! without touching code, and every correction leaves a public note on what
//! it changed (`Claim::note`, `Event::note`).
//!
//! Kinds (one TOML array of tables each; format and examples in
//! `docs/corpus-format.md`): `hide_claim`, `set_claim` (speaker, side,
//! stance), `move_claim`, `add_claim` (by document and exact text),
//! `merge_events`, `split_claim`, `set_contested`, `set_event` (title, kind,
//! dates, precision, places). Corrections apply in file order.
//!
//! Nothing is ignored: an unknown key, a stale id, a text not found (or
//! found twice), or a correction that contradicts another (the same field
//! set twice; a claim hidden or an event merged away and then corrected) is
//! an error at `corrections.toml:LINE`, which fails `counterclaim check` and
//! the build.

use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::ids;
use crate::model::*;
use crate::text::slice_cp;

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The corrections file's name inside a corpus folder.
pub const FILE: &str = "corrections.toml";

/// The reason of the dispute an editor adds with `set_contested`; the
/// editor's note says what conflicts.
pub const EDITORS_DISPUTE: &str = "The editors judge the parties' accounts to conflict (see the editor's note).";

/// A public note longer than this is refused: notes are one or two sentences.
pub const MAX_NOTE: usize = 400;

/// A problem with one correction, at its line of `corrections.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectionError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CorrectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", FILE, self.line, self.message)
    }
}

/// One correction: where it is in the file, its public note, what it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub line: usize,
    pub note: String,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    HideClaim { claim: String },
    SetClaim(SetClaim),
    MoveClaim { claim: String, to: String },
    AddClaim(AddClaim),
    MergeEvents { into: String, events: Vec<String> },
    SplitClaim { claim: String, title: String, kind: Option<EventKind> },
    SetContested { event: String, contested: bool },
    SetEvent(SetEvent),
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetClaim {
    pub claim: String,
    pub speaker: Option<String>,
    pub speaker_text: Option<String>,
    /// A camp id (`Camp::id`).
    #[serde(alias = "camp")]
    pub side: Option<String>,
    pub stance: Option<Stance>,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddClaim {
    pub document: String,
    pub text: String,
    pub speaker: Option<String>,
    pub speaker_text: Option<String>,
    /// A camp id (`Camp::id`).
    #[serde(alias = "camp")]
    pub side: Option<String>,
    pub stance: Option<Stance>,
    pub verb: Option<String>,
    pub event: Option<String>,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetEvent {
    pub event: String,
    pub title: Option<String>,
    pub kind: Option<EventKind>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub precision: Option<Precision>,
    pub places: Option<Vec<String>>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHide {
    claim: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMove {
    claim: String,
    to: String,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMerge {
    into: String,
    events: Vec<String>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSplit {
    claim: String,
    title: String,
    kind: Option<EventKind>,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContested {
    event: String,
    contested: bool,
    #[serde(default)]
    note: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    hide_claim: Vec<Spanned<RawHide>>,
    #[serde(default)]
    set_claim: Vec<Spanned<SetClaim>>,
    #[serde(default)]
    move_claim: Vec<Spanned<RawMove>>,
    #[serde(default)]
    add_claim: Vec<Spanned<AddClaim>>,
    #[serde(default)]
    merge_events: Vec<Spanned<RawMerge>>,
    #[serde(default)]
    split_claim: Vec<Spanned<RawSplit>>,
    #[serde(default)]
    set_contested: Vec<Spanned<RawContested>>,
    #[serde(default)]
    set_event: Vec<Spanned<SetEvent>>,
}

fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parse `corrections.toml`. Corrections come back in file order.
pub fn parse(text: &str) -> Result<Vec<Correction>, Vec<CorrectionError>> {
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        vec![CorrectionError {
            line: e.span().map(|s| line_of(text, s.start)).unwrap_or(1),
            message: e.message().trim().to_owned(),
        }]
    })?;
    let mut out = Vec::new();
    let mut push = |at: std::ops::Range<usize>, note: String, action: Action| {
        out.push(Correction {
            line: line_of(text, at.start),
            note: note.trim().to_owned(),
            action,
        })
    };
    for s in raw.hide_claim {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note, Action::HideClaim { claim: r.claim });
    }
    for s in raw.set_claim {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note.clone(), Action::SetClaim(r));
    }
    for s in raw.move_claim {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note, Action::MoveClaim { claim: r.claim, to: r.to });
    }
    for s in raw.add_claim {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note.clone(), Action::AddClaim(r));
    }
    for s in raw.merge_events {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note, Action::MergeEvents { into: r.into, events: r.events });
    }
    for s in raw.split_claim {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note, Action::SplitClaim { claim: r.claim, title: r.title, kind: r.kind });
    }
    for s in raw.set_contested {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note, Action::SetContested { event: r.event, contested: r.contested });
    }
    for s in raw.set_event {
        let (at, r) = (s.span(), s.into_inner());
        push(at, r.note.clone(), Action::SetEvent(r));
    }
    out.sort_by_key(|c| c.line);
    let errors: Vec<CorrectionError> = out
        .iter()
        .filter_map(|c| {
            let message = if c.note.is_empty() {
                "every correction needs a `note`: one or two sentences readers will see"
            } else if char_len(&c.note) > MAX_NOTE {
                "`note` is too long (at most 400 characters): keep it to one or two sentences"
            } else {
                return None;
            };
            Some(CorrectionError { line: c.line, message: message.to_owned() })
        })
        .collect();
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Apply corrections (in file order) to a corpus with permanent ids. Every
/// correction that cannot be applied is reported; the others are applied.
/// `Corpus::corrections` counts the applied ones.
pub fn apply(corpus: &mut Corpus, corrections: &[Correction]) -> Vec<CorrectionError> {
    let mut editor = Editor { corpus, touched: Vec::new(), gone: Vec::new(), fixed_contested: Vec::new() };
    let mut errors = Vec::new();
    for c in corrections {
        match editor.apply(c) {
            Ok(()) => editor.corpus.corrections += 1,
            Err(message) => errors.push(CorrectionError { line: c.line, message }),
        }
    }
    editor.settle_contested();
    // A claim an editor corrected or added has been checked by a person;
    // events are rated again from their claims.
    for c in &mut corpus.claims {
        if c.note.is_some() {
            c.confidence = Confidence::High;
        }
    }
    crate::confidence::rate_events(corpus);
    errors
}

/// Read, parse and apply `dir/corrections.toml` when it exists.
pub fn apply_file(corpus: &mut Corpus, path: &std::path::Path) -> Result<(), Vec<CorrectionError>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(vec![CorrectionError { line: 1, message: format!("cannot read: {e}") }]);
        }
    };
    let list = parse(&text)?;
    let errors = apply(corpus, &list);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// What a correction targets, for contradiction checks.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Claim(String),
    Event(String),
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Claim(id) => write!(f, "claim `{id}`"),
            Target::Event(id) => write!(f, "event `{id}`"),
        }
    }
}

/// `*` in `touched` means the whole target (hidden, merged away).
const WHOLE: &str = "*";

struct Editor<'a> {
    corpus: &'a mut Corpus,
    /// (target, field, line) of every change made so far.
    touched: Vec<(Target, &'static str, usize)>,
    /// Targets that no longer exist: (target, line, what happened).
    gone: Vec<(Target, usize, String)>,
    /// Events whose `contested` an editor set: not recomputed.
    fixed_contested: Vec<String>,
}

fn add_note(slot: &mut Option<String>, note: &str) {
    match slot {
        Some(s) if !s.contains(note) => {
            s.push(' ');
            s.push_str(note);
        }
        Some(_) => {}
        None => *slot = Some(note.to_owned()),
    }
}

fn valid_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month: u32 = d[5..7].parse().unwrap_or(0);
    let day: u32 = d[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

impl Editor<'_> {
    fn touch(&mut self, target: Target, field: &'static str, line: usize) -> Result<(), String> {
        if let Some((_, f, at)) = self
            .touched
            .iter()
            .find(|(t, f, _)| *t == target && (*f == field || *f == WHOLE || field == WHOLE))
        {
            let what = if *f == WHOLE || field == WHOLE { "both change".to_owned() } else { format!("both set the {field} of") };
            return Err(format!("contradicts the correction at line {at} ({what} {target}); keep one"));
        }
        self.touched.push((target, field, line));
        Ok(())
    }

    fn gone_message(&self, target: &Target) -> Option<String> {
        self.gone
            .iter()
            .find(|(t, _, _)| t == target)
            .map(|(_, line, what)| format!("{target} {what} by the correction at line {line}"))
    }

    fn claim(&self, id: &str) -> Result<usize, String> {
        self.corpus.claims.iter().position(|c| c.id == id).ok_or_else(|| {
            self.gone_message(&Target::Claim(id.to_owned())).unwrap_or_else(|| {
                format!(
                    "no claim `{id}` in the corpus: the article changed or the id is stale \
                     (`counterclaim review DIR` lists the ids)"
                )
            })
        })
    }

    fn event(&self, id: &str) -> Result<usize, String> {
        self.corpus.events.iter().position(|e| e.id == id).ok_or_else(|| {
            self.gone_message(&Target::Event(id.to_owned())).unwrap_or_else(|| {
                format!(
                    "no event `{id}` in the corpus: the articles changed or the id is stale \
                     (`counterclaim review DIR` lists the ids)"
                )
            })
        })
    }

    fn actor(&self, id: &str) -> Result<&Actor, String> {
        self.corpus
            .actors
            .iter()
            .find(|a| a.id == id)
            .ok_or_else(|| format!("no actor `{id}` in the gazetteer"))
    }

    fn camp(&self, id: &str) -> Result<CampIx, String> {
        match self.corpus.camps.iter().position(|c| c.id == id) {
            Some(i) => Ok(CampIx(i as u8)),
            None => {
                let ids: Vec<&str> = self.corpus.camps.iter().map(|c| c.id.as_str()).collect();
                Err(format!("no camp `{id}` (the camps are: {})", ids.join(", ")))
            }
        }
    }

    fn apply(&mut self, c: &Correction) -> Result<(), String> {
        let line = c.line;
        match &c.action {
            Action::HideClaim { claim } => self.hide(claim, &c.note, line),
            Action::SetClaim(s) => self.set_claim(s, &c.note, line),
            Action::MoveClaim { claim, to } => self.move_claim(claim, to, &c.note, line),
            Action::AddClaim(a) => self.add_claim(a, &c.note, line),
            Action::MergeEvents { into, events } => self.merge(into, events, &c.note, line),
            Action::SplitClaim { claim, title, kind } => self.split(claim, title, *kind, &c.note, line),
            Action::SetContested { event, contested } => self.set_contested(event, *contested, &c.note, line),
            Action::SetEvent(s) => self.set_event(s, &c.note, line),
        }
    }

    /// Take a claim out of every event that lists it (claims and disputes).
    /// A dispute left with fewer than two claims falls; one that never had
    /// claims (an editor's) stays.
    fn detach(&mut self, claim: &str) {
        for e in &mut self.corpus.events {
            e.claims.retain(|id| id != claim);
            e.disputes.retain_mut(|d| {
                let before = d.claims.len();
                d.claims.retain(|id| id != claim);
                d.claims.len() == before || d.claims.len() >= 2
            });
        }
    }

    fn attach(&mut self, claim: usize, event: usize) {
        let (id, doc, speaker) = {
            let c = &self.corpus.claims[claim];
            (c.id.clone(), c.document.clone(), c.speaker.clone())
        };
        let e = &mut self.corpus.events[event];
        if !e.claims.contains(&id) {
            e.claims.push(id);
        }
        if !e.documents.contains(&doc) {
            e.documents.push(doc);
            e.documents.sort();
        }
        if let Some(s) = speaker.filter(|s| !e.actors.contains(s)) {
            e.actors.push(s);
        }
        self.corpus.claims[claim].event = Some(e.id.clone());
    }

    fn hide(&mut self, id: &str, note: &str, line: usize) -> Result<(), String> {
        let ci = self.claim(id)?;
        self.touch(Target::Claim(id.to_owned()), WHOLE, line)?;
        let removed = self.corpus.claims.remove(ci);
        self.detach(id);
        let owner = removed.event.as_deref().and_then(|e| self.corpus.events.iter().position(|x| x.id == e));
        if let Some(ei) = owner {
            add_note(&mut self.corpus.events[ei].note, note);
        }
        self.gone.push((Target::Claim(id.to_owned()), line, "was hidden".into()));
        Ok(())
    }

    fn set_claim(&mut self, s: &SetClaim, note: &str, line: usize) -> Result<(), String> {
        let ci = self.claim(&s.claim)?;
        if s.speaker.is_none() && s.speaker_text.is_none() && s.side.is_none() && s.stance.is_none() {
            return Err("`set_claim` sets nothing: give `speaker`, `speaker_text`, `side` or `stance`".into());
        }
        let target = Target::Claim(s.claim.clone());
        let actor = match &s.speaker {
            Some(a) => Some(self.actor(a)?.clone()),
            None => None,
        };
        let camp = match &s.side {
            Some(c) => Some(self.camp(c)?),
            None => None,
        };
        for (set, field) in [
            (s.speaker.is_some(), "speaker"),
            (s.speaker_text.is_some(), "speaker_text"),
            (s.side.is_some() || actor.is_some(), "side"),
            (s.stance.is_some(), "stance"),
        ] {
            if set {
                self.touch(target.clone(), field, line)?;
            }
        }
        let claim = &mut self.corpus.claims[ci];
        if let Some(a) = &actor {
            claim.speaker = Some(a.id.clone());
            claim.side = Some(a.side);
            claim.speaker_text = a.name.clone();
        }
        if let Some(t) = &s.speaker_text {
            claim.speaker_text = t.clone();
        }
        if let Some(side) = camp {
            claim.side = Some(side);
        }
        if let Some(stance) = s.stance {
            claim.stance = stance;
        }
        add_note(&mut claim.note, note);
        if let (Some(a), Some(ev)) = (&actor, claim.event.clone()) {
            if let Some(e) = self.corpus.events.iter_mut().find(|e| e.id == ev) {
                if !e.actors.contains(&a.id) {
                    e.actors.push(a.id.clone());
                }
            }
        }
        Ok(())
    }

    fn move_claim(&mut self, id: &str, to: &str, note: &str, line: usize) -> Result<(), String> {
        let ci = self.claim(id)?;
        let ei = self.event(to)?;
        if self.corpus.claims[ci].event.as_deref() == Some(to) {
            return Err(format!("claim `{id}` is already in event `{to}`"));
        }
        self.touch(Target::Claim(id.to_owned()), "event", line)?;
        self.detach(id);
        self.attach(ci, ei);
        add_note(&mut self.corpus.claims[ci].note, note);
        Ok(())
    }

    fn add_claim(&mut self, a: &AddClaim, note: &str, line: usize) -> Result<(), String> {
        let doc = self
            .corpus
            .documents
            .iter()
            .find(|d| d.id == a.document)
            .ok_or_else(|| format!("no document `{}` in the corpus (the file name without .txt)", a.document))?;
        let text = a.text.trim();
        if text.is_empty() {
            return Err("`text` is empty: copy the claim's exact words from the article".into());
        }
        let found: Vec<usize> = doc.text.match_indices(text).map(|(at, _)| at).collect();
        let at = match found.as_slice() {
            [] => {
                return Err(format!(
                    "text not found in document `{}`: copy it exactly from the article (“{}”)",
                    a.document,
                    short(text)
                ))
            }
            [at] => *at,
            more => {
                return Err(format!(
                    "text found {} times in document `{}`: quote more words so that it is found once",
                    more.len(),
                    a.document
                ))
            }
        };
        let start = char_len(&doc.text[..at]) as u32;
        let end = start + char_len(text) as u32;
        let document = doc.id.clone();
        if let Some(c) = self.corpus.claims.iter().find(|c| c.document == document && c.start == start && c.end == end) {
            return Err(format!("this text is already claim `{}`", c.id));
        }
        let actor = match &a.speaker {
            Some(s) => Some(self.actor(s)?.clone()),
            None => None,
        };
        let camp = match &a.side {
            Some(c) => Some(self.camp(c)?),
            None => None,
        };
        let speaker_text = match (&a.speaker_text, &actor) {
            (Some(t), _) => t.clone(),
            (None, Some(a)) => a.name.clone(),
            (None, None) => return Err("`add_claim` needs a `speaker` (actor id) or a `speaker_text`".into()),
        };
        let event = match &a.event {
            Some(e) => Some(self.event(e)?),
            None => None,
        };
        let quote = slice_cp(&doc.text, start, end).to_owned();
        let id = ids::fresh_claim_id(self.corpus, &document, &quote);
        self.touch(Target::Claim(id.clone()), WHOLE, line)?;
        let date = event.map(|ei| {
            let e = &self.corpus.events[ei];
            DateRange { start: e.start.clone(), end: e.end.clone(), precision: e.precision }
        });
        let claim = Claim {
            id,
            document: document.clone(),
            start,
            end,
            quote,
            speaker: actor.as_ref().map(|a| a.id.clone()),
            speaker_text,
            side: camp.or(actor.as_ref().map(|a| a.side)),
            verb: a.verb.clone().unwrap_or_default(),
            stance: a.stance.unwrap_or(Stance::Assert),
            date,
            event: None,
            numbers: Vec::new(),
            confidence: Confidence::High,
            note: Some(note.to_owned()),
        };
        let pos = self
            .corpus
            .claims
            .iter()
            .position(|c| (c.document.as_str(), c.start) > (document.as_str(), start))
            .unwrap_or(self.corpus.claims.len());
        self.corpus.claims.insert(pos, claim);
        if let Some(ei) = event {
            self.attach(pos, ei);
        }
        Ok(())
    }

    fn merge(&mut self, into: &str, events: &[String], note: &str, line: usize) -> Result<(), String> {
        self.event(into)?;
        if events.is_empty() {
            return Err("`merge_events` needs `events`: the ids of the events merged into `into`".into());
        }
        for (i, id) in events.iter().enumerate() {
            if id == into || events[..i].contains(id) {
                return Err(format!("event `{id}` is named twice"));
            }
            self.event(id)?;
        }
        for id in events {
            self.touch(Target::Event(id.clone()), WHOLE, line)?;
        }
        for id in events {
            let gone_at = self.event(id)?;
            let gone = self.corpus.events.remove(gone_at);
            let keep = self.event(into)?;
            for c in &mut self.corpus.claims {
                if c.event.as_deref() == Some(id) {
                    c.event = Some(into.to_owned());
                }
            }
            let e = &mut self.corpus.events[keep];
            for c in gone.claims {
                if !e.claims.contains(&c) {
                    e.claims.push(c);
                }
            }
            for (list, more) in [(&mut e.documents, gone.documents), (&mut e.actors, gone.actors), (&mut e.places, gone.places)] {
                for x in more {
                    if !list.contains(&x) {
                        list.push(x);
                    }
                }
            }
            e.documents.sort();
            e.disputes.extend(gone.disputes);
            e.caveats.extend(gone.caveats);
            if gone.start < e.start {
                e.start = gone.start;
            }
            if gone.end > e.end {
                e.end = gone.end;
            }
            e.precision = e.precision.max(gone.precision);
            e.contested |= gone.contested;
            self.gone.push((Target::Event(id.clone()), line, format!("was merged into `{into}`")));
        }
        let keep = self.event(into)?;
        add_note(&mut self.corpus.events[keep].note, note);
        Ok(())
    }

    fn split(&mut self, id: &str, title: &str, kind: Option<EventKind>, note: &str, line: usize) -> Result<(), String> {
        let ci = self.claim(id)?;
        if title.trim().is_empty() {
            return Err("`split_claim` needs a `title` for the new event".into());
        }
        self.touch(Target::Claim(id.to_owned()), "event", line)?;
        let claim = &self.corpus.claims[ci];
        let source = claim.event.as_deref().and_then(|e| self.corpus.events.iter().find(|x| x.id == e));
        let kind = kind.or(source.map(|e| e.kind)).unwrap_or(EventKind::Other);
        let places = source.map(|e| e.places.clone()).unwrap_or_default();
        let (start, end, precision) = match (&claim.date, source) {
            (Some(d), _) => (d.start.clone(), d.end.clone(), d.precision),
            (None, Some(e)) => (e.start.clone(), e.end.clone(), e.precision),
            (None, None) => {
                return Err(format!("claim `{id}` has no date and no event: give it one with `move_claim` instead"))
            }
        };
        let new_id = ids::fresh_event_id(self.corpus, &start, places.first().map(String::as_str), kind);
        self.detach(id);
        let event = Event {
            id: new_id,
            title: title.trim().to_owned(),
            kind,
            start,
            end,
            precision,
            places,
            actors: Vec::new(),
            claims: Vec::new(),
            documents: Vec::new(),
            contested: false,
            disputes: Vec::new(),
            caveats: Vec::new(),
            confidence: Confidence::High,
            note: Some(note.to_owned()),
        };
        let pos = self
            .corpus
            .events
            .iter()
            .position(|e| e.start > event.start)
            .unwrap_or(self.corpus.events.len());
        self.corpus.events.insert(pos, event);
        self.attach(ci, pos);
        add_note(&mut self.corpus.claims[ci].note, note);
        Ok(())
    }

    fn set_contested(&mut self, id: &str, contested: bool, note: &str, line: usize) -> Result<(), String> {
        let ei = self.event(id)?;
        self.touch(Target::Event(id.to_owned()), "contested", line)?;
        let e = &mut self.corpus.events[ei];
        if e.contested == contested && (contested || e.disputes.is_empty()) {
            return Err(format!("event `{id}` is already {}", if contested { "contested" } else { "not contested" }));
        }
        e.contested = contested;
        if contested {
            if e.disputes.is_empty() {
                e.disputes.push(Dispute { claims: Vec::new(), reason: EDITORS_DISPUTE.to_owned() });
            }
        } else {
            e.disputes.clear();
        }
        add_note(&mut e.note, note);
        self.fixed_contested.push(id.to_owned());
        Ok(())
    }

    fn set_event(&mut self, s: &SetEvent, note: &str, line: usize) -> Result<(), String> {
        let ei = self.event(&s.event)?;
        let target = Target::Event(s.event.clone());
        let fields = [
            (s.title.is_some(), "title"),
            (s.kind.is_some(), "kind"),
            (s.start.is_some(), "start"),
            (s.end.is_some(), "end"),
            (s.precision.is_some(), "precision"),
            (s.places.is_some(), "places"),
        ];
        if !fields.iter().any(|f| f.0) {
            return Err("`set_event` sets nothing: give `title`, `kind`, `start`, `end`, `precision` or `places`".into());
        }
        for d in [&s.start, &s.end].into_iter().flatten() {
            if !valid_date(d) {
                return Err(format!("`{d}` is not a date: write YYYY-MM-DD"));
            }
        }
        if let Some(t) = s.title.as_deref().filter(|t| t.trim().is_empty()) {
            return Err(format!("empty `title` (“{t}”)"));
        }
        for p in s.places.iter().flatten() {
            if !self.corpus.places.iter().any(|x| &x.id == p) {
                return Err(format!("no place `{p}` in the gazetteer"));
            }
        }
        let e = &self.corpus.events[ei];
        let start = s.start.clone().unwrap_or_else(|| e.start.clone());
        let end = s.end.clone().unwrap_or_else(|| e.end.clone());
        if start > end {
            return Err(format!("the event would start ({start}) after it ends ({end}): set both `start` and `end`"));
        }
        for (set, field) in fields {
            if set {
                self.touch(target.clone(), field, line)?;
            }
        }
        let e = &mut self.corpus.events[ei];
        if let Some(t) = &s.title {
            e.title = t.trim().to_owned();
        }
        if let Some(k) = s.kind {
            e.kind = k;
        }
        e.start = start;
        e.end = end;
        if let Some(p) = s.precision {
            e.precision = p;
        }
        if let Some(p) = &s.places {
            e.places = p.clone();
        }
        add_note(&mut e.note, note);
        Ok(())
    }

    /// `contested` follows the disputes left, except where an editor set it.
    fn settle_contested(&mut self) {
        for e in &mut self.corpus.events {
            if !self.fixed_contested.contains(&e.id) {
                e.contested = !e.disputes.is_empty();
            }
        }
    }
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if char_len(text) > 60 {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests;
