//! The whole view state as a URL query string, both ways.
//!
//! Keys, in canonical order: `actor`, `side`, `place`, `kind`, `source`
//! (comma-separated multi-values), `from`, `to` (`YYYY-MM-DD`),
//! `contested=1`, `q` (free text), `uncertain=1` (show low-confidence
//! claims), `view` (`map` | `articles`; timeline is the default), `event`,
//! `article`, `claim`, `embed=1`, `childId`. Example:
//! `actor=cma,fama&contested=1&q=anefis&view=map&claim=000_x%23c2`.
//!
//! [`ViewState::from_query`] is total: a leading `?` is optional, anything
//! from a raw `#` on is ignored, unknown keys are ignored, a pair whose
//! percent-encoding or UTF-8 is bad is dropped, invalid values (ids failing
//! [`is_valid_id`], unknown sides/kinds/views, impossible dates) are dropped,
//! `+` means space. Bounds: at most [`MAX_QUERY_BYTES`] are read (a pair
//! cut by that limit is dropped), at most
//! [`MAX_VALUES`](super::filter::MAX_VALUES) values per facet (the smallest
//! in sort order), at most [`MAX_VALUE_CHARS`](super::filter::MAX_VALUE_CHARS)
//! characters per value (a longer id is dropped, a longer `q` is cut).
//! Multi-valued keys may repeat (`actor=a&actor=b` =
//! `actor=a,b`) and values are deduplicated; for single-valued keys the
//! first valid value wins (for `view`, the first valid non-default one); a
//! flag is set by `1`, `true` or an empty value.
//!
//! [`ViewState::to_query`] is canonical: fixed key order, multi-values
//! deduplicated and sorted (ids and camp ids by byte order, kinds in
//! declaration order), defaults omitted, everything outside RFC 3986
//! unreserved characters percent-encoded, empty state → `""` (no `?`). It
//! never writes more than [`MAX_QUERY_BYTES`]: a value that would not fit is
//! left out (and later ones still tried), so that
//! `to_query(from_query(to_query(s))) == to_query(s)` always holds.

use super::date::is_valid_date;
use super::filter::{is_valid_id, normalize_enum, normalize_ids, normalize_text, Filter};
#[cfg(test)]
use super::filter::{MAX_VALUES, MAX_VALUE_CHARS};
use super::keys::{kind_from_key, kind_key};

/// Most bytes of a query string read or written.
pub const MAX_QUERY_BYTES: usize = 4096;

/// Which main view is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    #[default]
    Timeline,
    Map,
    Articles,
}

impl View {
    pub const ALL: [View; 3] = [View::Timeline, View::Map, View::Articles];

    pub fn key(self) -> &'static str {
        match self {
            View::Timeline => "timeline",
            View::Map => "map",
            View::Articles => "articles",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

/// Everything the explorer shows, as kept in the URL.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub filter: Filter,
    pub view: View,
    /// Selected event id.
    pub event: Option<String>,
    /// Open article (document id).
    pub article: Option<String>,
    /// Highlighted claim id.
    pub claim: Option<String>,
    /// Show the claims extracted with low confidence ("Show uncertain
    /// extractions"); hidden by default.
    pub uncertain: bool,
    /// Embedded in an iframe (compact chrome).
    pub embed: bool,
    /// Id the embedding page gave us, echoed in messages to it.
    pub child_id: Option<String>,
}

impl ViewState {
    /// Parses a query string (see the module doc). Never panics.
    pub fn from_query(q: &str) -> ViewState {
        let q = q.strip_prefix('?').unwrap_or(q);
        let q = q.split('#').next().unwrap_or("");
        let q = if q.len() > MAX_QUERY_BYTES {
            let mut cut = MAX_QUERY_BYTES;
            while !q.is_char_boundary(cut) {
                cut -= 1;
            }
            // The last pair may have been cut short: drop it.
            let q = &q[..cut];
            &q[..q.rfind('&').unwrap_or(0)]
        } else {
            q
        };

        let mut s = ViewState::default();
        let (mut actors, mut places, mut sources) = (Vec::new(), Vec::new(), Vec::new());
        let (mut sides, mut kinds) = (Vec::<String>::new(), Vec::new());
        for pair in q.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(k), Some(v)) = (percent_decode(k), percent_decode(v)) else {
                continue;
            };
            let items = || v.split(',').map(str::trim).filter(|x| !x.is_empty());
            let id = || Some(v.trim()).filter(|x| is_valid_id(x)).map(str::to_owned);
            let flag = matches!(v.as_str(), "" | "1" | "true");
            match k.as_str() {
                "actor" => actors.extend(items().map(str::to_owned)),
                "side" => sides.extend(items().map(str::to_owned)),
                "place" => places.extend(items().map(str::to_owned)),
                "kind" => kinds.extend(items().filter_map(kind_from_key)),
                "source" => sources.extend(items().map(str::to_owned)),
                "from" => first_valid(&mut s.filter.from, Some(v.trim()).filter(|d| is_valid_date(d)).map(str::to_owned)),
                "to" => first_valid(&mut s.filter.to, Some(v.trim()).filter(|d| is_valid_date(d)).map(str::to_owned)),
                "contested" => s.filter.contested |= flag,
                "uncertain" => s.uncertain |= flag,
                "q" if s.filter.text.is_empty() => s.filter.text = normalize_text(&v),
                // Timeline is the default: the first other valid view wins.
                "view" if s.view == View::Timeline => s.view = View::from_key(v.trim()).unwrap_or_default(),
                "event" => first_valid(&mut s.event, id()),
                "article" => first_valid(&mut s.article, id()),
                "claim" => first_valid(&mut s.claim, id()),
                "embed" => s.embed |= flag,
                "childId" => first_valid(&mut s.child_id, id()),
                _ => {}
            }
            // Bound the work on hostile input: far more than any facet keeps.
            for list in [&mut actors, &mut sides, &mut places, &mut sources] {
                list.truncate(MAX_QUERY_BYTES);
            }
        }
        s.filter.actors = normalize_ids(actors.iter().map(String::as_str));
        s.filter.places = normalize_ids(places.iter().map(String::as_str));
        s.filter.sources = normalize_ids(sources.iter().map(String::as_str));
        s.filter.sides = normalize_ids(sides.iter().map(String::as_str));
        s.filter.kinds = normalize_enum(&kinds);
        s
    }

    /// The canonical query string, without `?` (see the module doc).
    pub fn to_query(&self) -> String {
        let s = self.normalized();
        let f = &s.filter;
        let mut w = Writer { out: String::new() };
        w.multi("actor", f.actors.iter().map(String::as_str));
        w.multi("side", f.sides.iter().map(String::as_str));
        w.multi("place", f.places.iter().map(String::as_str));
        w.multi("kind", f.kinds.iter().map(|&k| kind_key(k)));
        w.multi("source", f.sources.iter().map(String::as_str));
        w.single("from", f.from.as_deref());
        w.single("to", f.to.as_deref());
        w.single("contested", f.contested.then_some("1"));
        w.single("q", Some(f.text.as_str()).filter(|t| !t.is_empty()));
        w.single("uncertain", s.uncertain.then_some("1"));
        w.single("view", Some(s.view).filter(|&v| v != View::Timeline).map(View::key));
        w.single("event", s.event.as_deref());
        w.single("article", s.article.as_deref());
        w.single("claim", s.claim.as_deref());
        w.single("embed", s.embed.then_some("1"));
        w.single("childId", s.child_id.as_deref());
        w.out
    }

    /// The canonical form of this state: what `from_query(to_query(self))`
    /// gives back when the query fits in [`MAX_QUERY_BYTES`].
    pub fn normalized(&self) -> ViewState {
        let id = |v: &Option<String>| v.clone().filter(|x| is_valid_id(x));
        ViewState {
            filter: self.filter.normalized(),
            view: self.view,
            event: id(&self.event),
            article: id(&self.article),
            claim: id(&self.claim),
            uncertain: self.uncertain,
            embed: self.embed,
            child_id: id(&self.child_id),
        }
    }
}

fn first_valid(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        *slot = v;
    }
}

/// Appends pairs while keeping the output within [`MAX_QUERY_BYTES`].
struct Writer {
    out: String,
}

impl Writer {
    /// Appends `text` if it fits; reports whether it did.
    fn try_push(&mut self, text: &str) -> bool {
        let fits = self.out.len() + text.len() <= MAX_QUERY_BYTES;
        if fits {
            self.out.push_str(text);
        }
        fits
    }

    fn multi<'a>(&mut self, key: &str, values: impl Iterator<Item = &'a str>) {
        let mut started = false;
        let mut piece = String::new();
        for v in values {
            piece.clear();
            if started {
                piece.push(',');
            } else {
                if !self.out.is_empty() {
                    piece.push('&');
                }
                piece.push_str(key);
                piece.push('=');
            }
            percent_encode_into(v, &mut piece);
            started |= self.try_push(&piece);
        }
    }

    fn single(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            let mut piece = String::new();
            if !self.out.is_empty() {
                piece.push('&');
            }
            piece.push_str(key);
            piece.push('=');
            percent_encode_into(v, &mut piece);
            self.try_push(&piece);
        }
    }
}

/// Percent-encodes every byte of `s` outside RFC 3986 unreserved
/// characters (`A–Z a–z 0–9 - . _ ~`), uppercase hex.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    percent_encode_into(s, &mut out);
    out
}

fn percent_encode_into(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
}

/// Decodes `%XX` escapes and `+` (space). `None` when a `%` is not followed
/// by two hex digits or the bytes are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    fn hex(c: u8) -> Option<u8> {
        match c {
            b'0'..=b'9' => Some(c - b'0'),
            b'a'..=b'f' => Some(c - b'a' + 10),
            b'A'..=b'F' => Some(c - b'A' + 10),
            _ => None,
        }
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hi = hex(*b.get(i + 1)?)?;
                let lo = hex(*b.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventKind;

    fn full_state() -> ViewState {
        ViewState {
            filter: Filter {
                actors: vec!["fama".into(), "cma".into()],
                sides: vec!["rebels".into(), "state".into()],
                places: vec!["kidal".into()],
                kinds: vec![EventKind::ArmedClash],
                sources: vec!["le-monde".into(), "000_e80854c3e174cb97".into()],
                from: Some("2023-10-01".into()),
                to: Some("2023-11-30".into()),
                contested: true,
                text: "Anéfis convoi".into(),
            },
            view: View::Map,
            event: Some("e3".into()),
            article: Some("000_x".into()),
            claim: Some("000_x#c2".into()),
            uncertain: true,
            embed: true,
            child_id: Some("frame-1".into()),
        }
    }

    #[test]
    fn writes_the_canonical_form() {
        assert_eq!(
            full_state().to_query(),
            "actor=cma,fama&side=rebels,state&place=kidal&kind=armed_clash\
             &source=000_e80854c3e174cb97,le-monde&from=2023-10-01&to=2023-11-30&contested=1\
             &q=An%C3%A9fis%20convoi&uncertain=1&view=map&event=e3&article=000_x&claim=000_x%23c2&embed=1&childId=frame-1"
        );
        assert_eq!(ViewState::default().to_query(), "");
        let only_view = ViewState { view: View::Articles, ..Default::default() };
        assert_eq!(only_view.to_query(), "view=articles");
    }

    #[test]
    fn reads_what_it_writes() {
        let s = full_state();
        assert_eq!(ViewState::from_query(&s.to_query()), s.normalized());
        assert_eq!(ViewState::from_query(&format!("?{}", s.to_query())), s.normalized());
    }

    #[test]
    fn reads_loose_input() {
        let s = ViewState::from_query(
            "?actor=fama&actor=cma,fama, gsim&side=rebels,nobody&kind=attack&from=2023-02-30&to=2023-11-30\
             &contested=true&q=kidal+anefis&view=globe&embed&unknown=1&event=e%203&claim=a%2Cb&uncertain=no",
        );
        assert!(!s.uncertain, "only 1, true or an empty value set a flag");
        assert!(ViewState::from_query("uncertain=true").uncertain);
        assert_eq!(s.filter.actors, ["cma", "fama", "gsim"]);
        assert_eq!(s.filter.sides, ["nobody", "rebels"]);
        assert_eq!(s.filter.kinds, [EventKind::Attack]);
        assert_eq!(s.filter.from, None);
        assert_eq!(s.filter.to.as_deref(), Some("2023-11-30"));
        assert!(s.filter.contested && s.embed);
        assert_eq!(s.filter.text, "kidal anefis");
        assert_eq!(s.view, View::Timeline);
        assert_eq!(s.event.as_deref(), Some("e 3"));
        assert_eq!(s.claim, None, "commas are not allowed in ids");
    }

    #[test]
    fn drops_only_the_pair_with_bad_encoding() {
        let s = ViewState::from_query("actor=fa%zzma&place=kidal&q=%FF%FE&event=e1%&article=a%C3%A9");
        assert!(s.filter.actors.is_empty());
        assert_eq!(s.filter.places, ["kidal"]);
        assert_eq!(s.filter.text, "");
        assert_eq!(s.event, None);
        assert_eq!(s.article.as_deref(), Some("aé"));
    }

    #[test]
    fn first_valid_single_value_wins() {
        let s = ViewState::from_query("view=bad&view=map&view=articles&from=x&from=2024-01-01&from=2024-02-01");
        assert_eq!(s.view, View::Map);
        assert_eq!(s.filter.from.as_deref(), Some("2024-01-01"));
    }

    #[test]
    fn caps_values_and_length() {
        let many: Vec<String> = (0..80).map(|i| format!("a{i:02}")).collect();
        let s = ViewState::from_query(&format!("actor={}", many.join(",")));
        assert_eq!(s.filter.actors.len(), MAX_VALUES);
        assert_eq!(s.filter.actors[0], "a00");
        let long = "x".repeat(MAX_VALUE_CHARS + 1);
        let s = ViewState::from_query(&format!("event={long}&q={long}"));
        assert_eq!(s.event, None);
        assert_eq!(s.filter.text.chars().count(), MAX_VALUE_CHARS);
        // A pair cut by the byte limit is dropped, earlier ones kept.
        let q = format!("place=kidal&q={}", "y".repeat(MAX_QUERY_BYTES));
        let s = ViewState::from_query(&q);
        assert_eq!(s.filter.places, ["kidal"]);
        assert_eq!(s.filter.text, "");
    }

    #[test]
    fn output_never_exceeds_the_limit_and_stays_a_fixed_point() {
        let ids: Vec<String> = (0..MAX_VALUES).map(|i| format!("{i:03}{}", "#".repeat(160))).collect();
        let s = ViewState {
            filter: Filter { actors: ids.clone(), places: ids.clone(), text: "é".repeat(150), ..Default::default() },
            view: View::Map,
            ..Default::default()
        };
        let q = s.to_query();
        assert!(q.len() <= MAX_QUERY_BYTES, "{}", q.len());
        assert!(q.ends_with("&view=map"), "a later short key still fits");
        assert!(!q.contains("place=") && !q.contains("q="), "too long to fit");
        let back = ViewState::from_query(&q);
        assert_eq!(back.to_query(), q);
        assert!(!back.filter.actors.is_empty());
    }

    #[test]
    fn percent_coding_is_utf8_aware() {
        assert_eq!(percent_encode("a b/é~"), "a%20b%2F%C3%A9~");
        assert_eq!(percent_decode("a%20b%2f%C3%A9~+").as_deref(), Some("a b/é~ "));
        assert_eq!(percent_decode("%"), None);
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%C3"), None);
        assert_eq!(percent_decode("日本").as_deref(), Some("日本"));
    }

    #[test]
    fn ignores_fragments() {
        let s = ViewState::from_query("?place=kidal#actor=fama");
        assert_eq!(s.filter.places, ["kidal"]);
        assert!(s.filter.actors.is_empty());
    }
}
