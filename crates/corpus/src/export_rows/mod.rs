//! Downloads: the events of a view as flat rows, one per (event, claim),
//! with columns modelled on ACLED's export, written as CSV ([`to_csv`]) or
//! JSON ([`to_json`]). The app builds them in the browser from the current
//! filter's results; the format is documented in `docs/corpus-format.md`
//! ("Rows: CSV and JSON downloads").
//!
//! Hand-written writers, no serde_json: this module is compiled into the
//! WASM app and must stay small. Pure, never panics, whatever the corpus
//! holds (dangling ids, empty strings, NaN coordinates).

mod csv;
mod json;

use std::borrow::Cow;

use crate::model::{Corpus, Document, Event, Precision, Stance};

pub use csv::to_csv;
pub use json::to_json;

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

/// One value of a row.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Cell<'a> {
    /// Text: a JSON string; in CSV guarded against formula injection.
    Text(Cow<'a, str>),
    /// A count or offset: a JSON number.
    Int(u32),
    /// A coordinate in decimal degrees: a JSON number with at most five
    /// decimals (about a metre). Non-finite values are written as missing.
    Coord(f64),
    Bool(bool),
    /// Missing: an empty CSV field, JSON `null`.
    #[default]
    Null,
}

/// One row: the values of [`COLUMNS`], in the same order.
pub type Row<'a> = [Cell<'a>; 23];

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
    fn new(ids: impl Iterator<Item = &'a str>) -> Ids<'a> {
        let mut v: Vec<(&'a str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
        crate::sort::sort(&mut v);
        v.dedup_by(|b, a| a.0 == b.0);
        Ids(v)
    }
    fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(id)).ok().and_then(|i| self.0.get(i)).map(|&(_, p)| p)
    }
}

fn text(s: &str) -> Cell<'_> {
    Cell::Text(Cow::Borrowed(s))
}

/// Text, or missing when empty.
fn opt_text(s: &str) -> Cell<'_> {
    if s.is_empty() {
        Cell::Null
    } else {
        text(s)
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> Cell<'a> {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(p);
    }
    Cell::Text(Cow::Owned(out))
}

/// The rows of `events` (indexes into `corpus.events`, in display order;
/// out-of-range indexes are skipped): one row per claim about each event —
/// the claims it lists, then those naming it, as the event view shows them —
/// and one row with empty claim columns for an event without claims.
pub fn rows<'a>(corpus: &'a Corpus, events: &[usize]) -> Vec<Row<'a>> {
    let actors = Ids::new(corpus.actors.iter().map(|a| a.id.as_str()));
    let places = Ids::new(corpus.places.iter().map(|p| p.id.as_str()));
    let documents = Ids::new(corpus.documents.iter().map(|d| d.id.as_str()));
    let claims = Ids::new(corpus.claims.iter().map(|c| c.id.as_str()));
    // (event id, claim) for the claims naming an event, in corpus order per event.
    let mut naming: Vec<(&str, usize)> =
        corpus.claims.iter().enumerate().filter_map(|(i, c)| Some((c.event.as_deref()?, i))).collect();
    crate::sort::sort(&mut naming);

    let mut out = Vec::new();
    for e in events.iter().filter_map(|&i| corpus.events.get(i)) {
        let actor = |id: &'a String| actors.get(id).and_then(|i| corpus.actors.get(i));
        let actor_names = join(e.actors.iter().map(|id| actor(id).map_or(id.as_str(), |a| a.name.as_str())));
        let mut sides = Vec::new();
        for s in e.actors.iter().filter_map(|id| actor(id)).map(|a| a.side) {
            if !sides.contains(&s) {
                sides.push(s);
            }
        }
        let place_names = join(e.places.iter().map(|id| {
            places.get(id).and_then(|i| corpus.places.get(i)).map_or(id.as_str(), |p| p.name.as_str())
        }));
        let first = e.places.first().and_then(|id| places.get(id)).and_then(|i| corpus.places.get(i));
        let coord = |v: Option<f64>| v.filter(|v| v.is_finite()).map_or(Cell::Null, Cell::Coord);

        let mut mine: Vec<usize> = Vec::new();
        let from = naming.partition_point(|&(id, _)| id < e.id.as_str());
        let named = naming.get(from..).unwrap_or_default().iter().take_while(|&&(id, _)| id == e.id);
        for c in e.claims.iter().filter_map(|id| claims.get(id)).chain(named.map(|&(_, c)| c)) {
            if !mine.contains(&c) {
                mine.push(c);
            }
        }
        let head = [
            text(&e.id),
            text(&e.start),
            text(&e.end),
            Cell::Int(time_precision(e)),
            text(e.kind.label()),
            text(&e.title),
            actor_names,
            join(sides.iter().map(|s| s.label())),
            place_names,
            coord(first.map(|p| p.lat)),
            coord(first.map(|p| p.lon)),
            Cell::Bool(e.contested),
        ];
        if mine.is_empty() {
            out.push(row(&head, Default::default()));
        }
        for cl in mine.iter().filter_map(|&i| corpus.claims.get(i)) {
            let doc = documents.get(&cl.document).and_then(|i| corpus.documents.get(i));
            let speaker = cl.speaker.as_ref().and_then(|id| actor(id)).map_or(cl.speaker_text.as_str(), |a| &a.name);
            let field = |f: fn(&'a Document) -> Option<&'a String>| doc.and_then(f).map_or(Cell::Null, |s| opt_text(s));
            let stance = match cl.stance {
                Stance::Assert => "assert",
                Stance::Deny => "deny",
            };
            let tail = [
                text(&cl.id),
                opt_text(speaker),
                cl.side.map_or(Cell::Null, |s| text(s.label())),
                text(stance),
                text(&cl.quote),
                Cell::Int(cl.start),
                Cell::Int(cl.end),
                doc.map_or(Cell::Null, |d| opt_text(&d.title)),
                field(|d| d.outlet.as_ref()),
                field(|d| d.published.as_ref()),
                field(|d| d.url.as_ref().filter(|u| is_http_url(u))),
            ];
            out.push(row(&head, tail));
        }
    }
    out
}

/// The event's columns followed by the claim's.
fn row<'a>(head: &[Cell<'a>; 12], mut tail: [Cell<'a>; 11]) -> Row<'a> {
    std::array::from_fn(|i| match i.checked_sub(head.len()) {
        None => head.get(i).cloned().unwrap_or(Cell::Null),
        Some(j) => tail.get_mut(j).map_or(Cell::Null, |c| std::mem::replace(c, Cell::Null)),
    })
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

/// The number as written in both formats (`Int` and `Coord` cells).
fn push_number(out: &mut String, cell: &Cell) {
    match cell {
        Cell::Int(n) => push_uint(out, u64::from(*n)),
        Cell::Coord(v) if v.is_finite() => push_coord(out, *v),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
