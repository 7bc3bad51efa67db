//! Downloads: the events of a view as flat rows, one per (event, claim),
//! with columns modelled on ACLED's export, written as CSV ([`to_csv`]) or
//! JSON ([`to_json`]). The app builds them in the browser from the current
//! filter's results; the format is documented in `docs/corpus-format.md`
//! ("Rows: the CSV and JSON downloads").
//!
//! [`write`] streams the values of each row into a [`Sink`] — the one
//! [`Writer`] (CSV or JSON), or [`rows`] for tests — resolving ids through a
//! [`Resolve`] (the app passes the lookups it already has; tools use
//! [`CorpusIds`]). No intermediate table and one copy of the row logic keep
//! the WASM small; hand-written writers, no serde_json. Pure; never panics,
//! whatever the corpus holds (dangling ids, empty strings, NaN coordinates).
//!
//! Columns and choices, in short (details in the format doc): one row per
//! claim, so an event's columns repeat on each of its claims' rows; an event
//! with several places lists them all in `place` ("Anéfis; Kidal") and the
//! first is the one geolocated in `latitude`/`longitude`, as ACLED gives one
//! location per row; `time_precision` is ACLED's code (see [`time_precision`]).

mod csv;
mod json;

use crate::model::{Actor, Claim, Corpus, Document, Event, Place, Precision, Stance};

pub use csv::to_csv;
pub use json::to_json;

/// Version of the rows format (the `version` key of the JSON).
pub const ROWS_VERSION: u32 = 2;

/// The columns, in order: the CSV header and the keys of each JSON row.
pub const COLUMNS: [&str; 26] = [
    "event_id",
    "event_date",
    "event_date_end",
    "time_precision",
    "event_kind",
    "event_title",
    "actors",
    "sides",
    "place",
    "country",
    "latitude",
    "longitude",
    "contested",
    "claim_id",
    "speaker",
    "side",
    "stance",
    "quote",
    "quote_start",
    "quote_end",
    "source_title",
    "outlet",
    "published",
    "url",
    "confidence",
    "note",
];

/// One value of a row, as handed to a [`Sink`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// Text: a JSON string; in CSV guarded against formula injection.
    Text(&'a str),
    /// A count or offset: a JSON number.
    Int(u32),
    /// A coordinate in decimal degrees, finite: a number with at most five
    /// decimals (about a metre).
    Coord(f64),
    Bool(bool),
    /// Missing: an empty CSV field, JSON `null`.
    Null,
}

/// Receives the rows: the [`COLUMNS`] values of a row in order, then
/// `end_row`.
pub trait Sink {
    fn value(&mut self, v: Value);
    fn end_row(&mut self);
}

/// ACLED's `time_precision` code of an event: 1 = a single known day, 2 = a
/// range of days or a week, 3 = a month or coarser.
pub fn time_precision(e: &Event) -> u32 {
    match e.precision {
        Precision::Day if e.start == e.end => 1,
        Precision::Day | Precision::Week => 2,
        Precision::Month | Precision::Year => 3,
    }
}

/// Id → position in a corpus list, sorted for binary search.
struct Ids<'a>(Vec<(&'a str, usize)>);

impl<'a> Ids<'a> {
    /// The ids of items `0..n` (those that have one); with `unique`, the
    /// first item of each id only.
    fn new(n: usize, unique: bool, id: &dyn Fn(usize) -> Option<&'a str>) -> Ids<'a> {
        let mut v: Vec<(&'a str, usize)> = Vec::with_capacity(n);
        for i in 0..n {
            if let Some(id) = id(i) {
                v.push((id, i));
            }
        }
        crate::sort::sort(&mut v);
        if unique {
            v.dedup_by(|b, a| a.0 == b.0);
        }
        Ids(v)
    }
    fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(id)).ok().and_then(|i| self.0.get(i)).map(|&(_, p)| p)
    }
}

/// Text, or missing when empty.
fn opt(s: &str) -> Value<'_> {
    if s.is_empty() {
        Value::Null
    } else {
        Value::Text(s)
    }
}

/// How [`write`] finds what an event refers to. The app implements it with
/// the lookups it already has; [`CorpusIds`] is the stand-alone one.
pub trait Resolve<'c> {
    fn actor(&self, id: &str) -> Option<&'c Actor>;
    fn place(&self, id: &str) -> Option<&'c Place>;
    fn document(&self, id: &str) -> Option<&'c Document>;
    /// The claims about `event`, in the event view's order: those it lists,
    /// then those naming it; each once.
    fn claims_of(&self, event: &'c Event) -> Vec<&'c Claim>;
    /// Event `i` of `corpus` (a chunked build's app answers from the
    /// chunks it fetched, its corpus lacking them).
    fn event(&self, corpus: &'c Corpus, i: usize) -> Option<&'c Event> {
        corpus.events.get(i)
    }
}

/// [`Resolve`] over a corpus by sorted id tables (first occurrence wins).
pub struct CorpusIds<'c> {
    corpus: &'c Corpus,
    actors: Ids<'c>,
    places: Ids<'c>,
    documents: Ids<'c>,
    claims: Ids<'c>,
    /// Claims by the event they name (all of them, corpus order per event).
    naming: Ids<'c>,
}

impl<'c> CorpusIds<'c> {
    pub fn new(c: &'c Corpus) -> CorpusIds<'c> {
        CorpusIds {
            corpus: c,
            actors: Ids::new(c.actors.len(), true, &|i| c.actors.get(i).map(|a| a.id.as_str())),
            places: Ids::new(c.places.len(), true, &|i| c.places.get(i).map(|p| p.id.as_str())),
            documents: Ids::new(c.documents.len(), true, &|i| c.documents.get(i).map(|d| d.id.as_str())),
            claims: Ids::new(c.claims.len(), true, &|i| c.claims.get(i).map(|c| c.id.as_str())),
            naming: Ids::new(c.claims.len(), false, &|i| c.claims.get(i).and_then(|c| c.event.as_deref())),
        }
    }
}

impl<'c> Resolve<'c> for CorpusIds<'c> {
    fn actor(&self, id: &str) -> Option<&'c Actor> {
        self.actors.get(id).and_then(|i| self.corpus.actors.get(i))
    }
    fn place(&self, id: &str) -> Option<&'c Place> {
        self.places.get(id).and_then(|i| self.corpus.places.get(i))
    }
    fn document(&self, id: &str) -> Option<&'c Document> {
        self.documents.get(id).and_then(|i| self.corpus.documents.get(i))
    }
    fn claims_of(&self, e: &'c Event) -> Vec<&'c Claim> {
        let mut mine: Vec<usize> = Vec::new();
        let naming = &self.naming.0;
        let from = naming.partition_point(|&(id, _)| id < e.id.as_str());
        let named = naming.get(from..).unwrap_or_default().iter().take_while(|&&(id, _)| id == e.id);
        for c in e.claims.iter().filter_map(|id| self.claims.get(id)).chain(named.map(|&(_, c)| c)) {
            if !mine.contains(&c) {
                mine.push(c);
            }
        }
        mine.iter().filter_map(|&i| self.corpus.claims.get(i)).collect()
    }
}

/// Appends `item` to a "; "-separated list.
fn push_item(list: &mut String, item: &str) {
    if !list.is_empty() {
        list.push_str("; ");
    }
    list.push_str(item);
}

/// Streams the rows of `events` (indexes into `corpus.events`, in display
/// order; out-of-range indexes are skipped) into `sink`: one row per claim
/// about each event (see [`Resolve::claims_of`]), and one row with empty
/// claim columns for an event without claims.
pub fn write<'c>(corpus: &'c Corpus, ids: &dyn Resolve<'c>, events: &[usize], sink: &mut dyn Sink) {
    for e in events.iter().filter_map(|&i| ids.event(corpus, i)) {
        let (mut actors, mut sides, mut places) = (String::new(), String::new(), String::new());
        let mut seen = vec![false; corpus.camps.len()];
        for id in &e.actors {
            let a = ids.actor(id);
            push_item(&mut actors, a.map_or(id.as_str(), |a| a.name.as_str()));
            if let Some(side) = a.map(|a| a.side) {
                if let (Some(slot), Some(camp)) = (seen.get_mut(side.index()).filter(|s| !**s), corpus.camp(side)) {
                    *slot = true;
                    push_item(&mut sides, &camp.label);
                }
            }
        }
        for id in &e.places {
            push_item(&mut places, ids.place(id).map_or(id.as_str(), |p| p.name.as_str()));
        }
        let first = e.places.first().and_then(|id| ids.place(id));
        let coord = |v: f64| if v.is_finite() { Value::Coord(v) } else { Value::Null };
        let (lat, lon) = first.map_or((Value::Null, Value::Null), |p| (coord(p.lat), coord(p.lon)));

        let claims = ids.claims_of(e);
        for k in 0..claims.len().max(1) {
            for v in [
                Value::Text(&e.id),
                Value::Text(&e.start),
                Value::Text(&e.end),
                Value::Int(time_precision(e)),
                Value::Text(e.kind.label()),
                Value::Text(&e.title),
                Value::Text(&actors),
                Value::Text(&sides),
                Value::Text(&places),
                first.and_then(|p| p.country.as_deref()).map_or(Value::Null, opt),
                lat,
                lon,
                Value::Bool(e.contested),
            ] {
                sink.value(v);
            }
            let Some(cl) = claims.get(k) else {
                for _ in 13..COLUMNS.len() - 2 {
                    sink.value(Value::Null);
                }
                // an event without claims: the event's confidence
                sink.value(Value::Text(e.confidence.key()));
                sink.value(e.note.as_deref().map_or(Value::Null, opt));
                sink.end_row();
                continue;
            };
            let doc = ids.document(&cl.document);
            let actor = cl.speaker.as_deref().and_then(|id| ids.actor(id));
            let speaker = actor.map_or(cl.speaker_text.as_str(), |a| &a.name);
            let field = |f: fn(&Document) -> Option<&String>| doc.and_then(f).map_or(Value::Null, |s| opt(s));
            for v in [
                Value::Text(&cl.id),
                opt(speaker),
                cl.side.and_then(|s| corpus.camp(s)).map_or(Value::Null, |c| Value::Text(&c.label)),
                Value::Text(match cl.stance {
                    Stance::Assert => "assert",
                    Stance::Deny => "deny",
                }),
                Value::Text(&cl.quote),
                Value::Int(cl.start),
                Value::Int(cl.end),
                doc.map_or(Value::Null, |d| opt(&d.title)),
                field(|d| d.outlet.as_ref()),
                field(|d| d.published.as_ref()),
                field(|d| d.url.as_ref().filter(|u| crate::labels::is_http_url(u))),
                Value::Text(cl.confidence.key()),
            ] {
                sink.value(v);
            }
            let note = match (&e.note, &cl.note) {
                (Some(a), Some(b)) => Some(format!("{a} {b}")),
                (a, b) => a.clone().or_else(|| b.clone()),
            };
            sink.value(note.as_deref().map_or(Value::Null, opt));
            sink.end_row();
        }
    }
}

/// The CSV or JSON writer (see `csv.rs` and `json.rs` for the formats):
/// one [`Sink`] for both, which keeps the WASM small.
pub struct Writer {
    out: String,
    json: bool,
    /// Column of the next value.
    column: usize,
    rows: usize,
}

impl Writer {
    /// A CSV file: starts with the header row.
    pub fn csv() -> Writer {
        let mut out = COLUMNS.join(",");
        out.push_str("\r\n");
        Writer { out, json: false, column: 0, rows: 0 }
    }
    /// A JSON document; `query` is the view's URL query string, `events`
    /// the number of events in the view.
    pub fn json(query: &str, events: usize) -> Writer {
        let mut out = String::from("{\"format\":\"counterclaim-rows\",\"version\":");
        push_uint(&mut out, u64::from(ROWS_VERSION));
        out.push_str(",\"query\":");
        json::push_string(&mut out, query);
        out.push_str(",\"events\":");
        push_uint(&mut out, events as u64);
        out.push_str(",\"rows\":[");
        Writer { out, json: true, column: 0, rows: 0 }
    }
    pub fn finish(mut self) -> String {
        if self.json {
            self.out.push_str("\n]}\n");
        }
        self.out
    }
    /// Before a row's first value or closing brace: `{` in JSON.
    fn open_row(&mut self) {
        if self.json && self.column == 0 {
            self.out.push_str(if self.rows == 0 { "\n{" } else { ",\n{" });
        }
    }
}

impl Sink for Writer {
    fn value(&mut self, v: Value) {
        self.open_row();
        let out = &mut self.out;
        if self.column > 0 {
            out.push(',');
        }
        if self.json {
            json::push_string(out, COLUMNS.get(self.column).copied().unwrap_or("extra"));
            out.push(':');
        }
        self.column += 1;
        match v {
            Value::Text(s) if self.json => json::push_string(out, s),
            Value::Text(s) => csv::push_field(out, s),
            Value::Bool(b) => out.push_str(if b { "true" } else { "false" }),
            Value::Int(n) => push_uint(out, u64::from(n)),
            Value::Coord(c) if c.is_finite() => push_coord(out, c),
            _ if self.json => out.push_str("null"),
            _ => {}
        }
    }
    fn end_row(&mut self) {
        self.open_row();
        self.out.push_str(if self.json { "}" } else { "\r\n" });
        self.column = 0;
        self.rows += 1;
    }
}

/// An owned value, for [`rows`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u32),
    Coord(f64),
    Bool(bool),
    Null,
}

impl Cell {
    pub fn as_value(&self) -> Value<'_> {
        match self {
            Cell::Text(s) => Value::Text(s),
            Cell::Int(n) => Value::Int(*n),
            Cell::Coord(v) => Value::Coord(*v),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Null => Value::Null,
        }
    }
}

/// The rows as a table (for tests and tools; the app streams instead).
pub fn rows(corpus: &Corpus, events: &[usize]) -> Vec<Vec<Cell>> {
    struct Table(Vec<Vec<Cell>>, Vec<Cell>);
    impl Sink for Table {
        fn value(&mut self, v: Value) {
            self.1.push(match v {
                Value::Text(s) => Cell::Text(s.to_owned()),
                Value::Int(n) => Cell::Int(n),
                Value::Coord(v) => Cell::Coord(v),
                Value::Bool(b) => Cell::Bool(b),
                Value::Null => Cell::Null,
            });
        }
        fn end_row(&mut self) {
            self.0.push(std::mem::take(&mut self.1));
        }
    }
    let mut t = Table(Vec::new(), Vec::new());
    write(corpus, &CorpusIds::new(corpus), events, &mut t);
    t.0
}

/// Replays `rows` into `sink` (tests write edited tables this way).
pub fn replay(rows: &[Vec<Cell>], sink: &mut dyn Sink) {
    for r in rows {
        for c in r {
            sink.value(c.as_value());
        }
        sink.end_row();
    }
}

/// Appends the decimal digits of `n`.
fn push_uint(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &b in &buf[i..] {
        out.push(char::from(b));
    }
}

/// Appends a coordinate with at most five decimals and no trailing zeros
/// ("-3.00001", "18.441", "0"), by integer arithmetic: no float formatting
/// code in the WASM. `v` must be finite.
fn push_coord(out: &mut String, v: f64) {
    let scaled = (v * 1e5).round().clamp(-1e15, 1e15) as i64;
    if scaled < 0 {
        out.push('-');
    }
    let abs = scaled.unsigned_abs();
    push_uint(out, abs / 100_000);
    let mut frac = abs % 100_000;
    if frac > 0 {
        out.push('.');
        let mut div = 10_000;
        while frac > 0 {
            out.push(char::from(b'0' + (frac / div) as u8));
            frac %= div;
            div /= 10;
        }
    }
}

#[cfg(test)]
mod tests;
