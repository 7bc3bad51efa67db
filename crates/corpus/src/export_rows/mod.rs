//! Downloads: the events of a view as flat rows, one per (event, claim),
//! with columns modelled on ACLED's export, written as CSV ([`to_csv`]) or
//! JSON ([`to_json`]). The app builds them in the browser from the current
//! filter's results; the format is documented in `docs/corpus-format.md`
//! ("Rows: the CSV and JSON downloads").
//!
//! [`write`] streams the values of each row into a [`Sink`] (the CSV and
//! JSON writers, or [`rows`] for tests): no intermediate table, and one copy
//! of the row logic behind a `dyn`, which keeps the WASM small. Hand-written
//! writers, no serde_json. Pure; never panics, whatever the corpus holds
//! (dangling ids, empty strings, NaN coordinates).

mod csv;
mod json;

use crate::model::{Corpus, Document, Event, Precision, Stance};

pub use csv::{to_csv, Csv};
pub use json::{to_json, Json};

/// Version of the rows format (the `version` key of the JSON).
pub const ROWS_VERSION: u32 = 1;

/// The columns, in order: the CSV header and the keys of each JSON row.
pub const COLUMNS: [&str; 23] = [
    "event_id",
    "event_date",
    "event_date_end",
    "time_precision",
    "event_kind",
    "event_title",
    "actors",
    "sides",
    "place",
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

/// Whether a URL may be exported: absolute http(s), no white space or
/// control characters. Anything else is written as missing.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() > 8
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Id → position in a corpus list, sorted for binary search; first
/// occurrence wins.
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

/// Streams the rows of `events` (indexes into `corpus.events`, in display
/// order; out-of-range indexes are skipped) into `sink`: one row per claim
/// about each event — the claims it lists, then those naming it, as the
/// event view shows them — and one row with empty claim columns for an
/// event without claims.
pub fn write(corpus: &Corpus, events: &[usize], sink: &mut dyn Sink) {
    let c = corpus;
    let actors = Ids::new(c.actors.len(), true, &|i| c.actors.get(i).map(|a| a.id.as_str()));
    let places = Ids::new(c.places.len(), true, &|i| c.places.get(i).map(|p| p.id.as_str()));
    let documents = Ids::new(c.documents.len(), true, &|i| c.documents.get(i).map(|d| d.id.as_str()));
    let claims = Ids::new(c.claims.len(), true, &|i| c.claims.get(i).map(|c| c.id.as_str()));
    // (event id, claim) for the claims naming an event, in corpus order per event.
    let naming = Ids::new(c.claims.len(), false, &|i| c.claims.get(i).and_then(|c| c.event.as_deref()));
    let actor = |id: &str| actors.get(id).and_then(|i| corpus.actors.get(i));

    for e in events.iter().filter_map(|&i| corpus.events.get(i)) {
        let (mut names, mut sides) = (Vec::new(), Vec::new());
        for id in &e.actors {
            let a = actor(id);
            names.push(a.map_or(id.as_str(), |a| a.name.as_str()));
            if let Some(side) = a.map(|a| a.side.label()).filter(|s| !sides.contains(s)) {
                sides.push(side);
            }
        }
        let (actor_names, sides) = (names.join("; "), sides.join("; "));
        let place = |id: &str| places.get(id).and_then(|i| corpus.places.get(i));
        names.clear();
        for id in &e.places {
            names.push(place(id).map_or(id.as_str(), |p| p.name.as_str()));
        }
        let place_names = names.join("; ");
        let first = e.places.first().and_then(|id| place(id));
        let coord = |v: f64| if v.is_finite() { Value::Coord(v) } else { Value::Null };
        let (lat, lon) = first.map_or((Value::Null, Value::Null), |p| (coord(p.lat), coord(p.lon)));

        let mut mine: Vec<Option<usize>> = Vec::new();
        let from = naming.0.partition_point(|&(id, _)| id < e.id.as_str());
        let named = naming.0.get(from..).unwrap_or_default().iter().take_while(|&&(id, _)| id == e.id);
        for c in e.claims.iter().filter_map(|id| claims.get(id)).chain(named.map(|&(_, c)| c)) {
            if !mine.contains(&Some(c)) {
                mine.push(Some(c));
            }
        }
        if mine.is_empty() {
            mine.push(None);
        }
        for c in mine {
            for v in [
                Value::Text(&e.id),
                Value::Text(&e.start),
                Value::Text(&e.end),
                Value::Int(time_precision(e)),
                Value::Text(e.kind.label()),
                Value::Text(&e.title),
                Value::Text(&actor_names),
                Value::Text(&sides),
                Value::Text(&place_names),
                lat,
                lon,
                Value::Bool(e.contested),
            ] {
                sink.value(v);
            }
            let Some(cl) = c.and_then(|i| corpus.claims.get(i)) else {
                for _ in 12..COLUMNS.len() {
                    sink.value(Value::Null);
                }
                sink.end_row();
                continue;
            };
            let doc = documents.get(&cl.document).and_then(|i| corpus.documents.get(i));
            let speaker = cl.speaker.as_deref().and_then(actor).map_or(cl.speaker_text.as_str(), |a| &a.name);
            let field = |f: fn(&Document) -> Option<&String>| doc.and_then(f).map_or(Value::Null, |s| opt(s));
            for v in [
                Value::Text(&cl.id),
                opt(speaker),
                cl.side.map_or(Value::Null, |s| Value::Text(s.label())),
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
                field(|d| d.url.as_ref().filter(|u| is_http_url(u))),
            ] {
                sink.value(v);
            }
            sink.end_row();
        }
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
    write(corpus, events, &mut t);
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

/// The number as written in both formats (`Int` and finite `Coord`).
fn push_number(out: &mut String, v: Value) {
    match v {
        Value::Int(n) => push_uint(out, u64::from(n)),
        Value::Coord(v) if v.is_finite() => push_coord(out, v),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
