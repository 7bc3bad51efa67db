//! Permanent ids: the stage that names claims and events after the corpus is
//! assembled, so that shared links (`?event=…`, `&claim=…`) keep meaning the
//! same thing after every rebuild.
//!
//! - A **claim id** is its document id and a short hash of the claim's own
//!   normalised words: `002_ad8ebad0d352e249#3fa9c1`. Other articles being
//!   added or removed, or edits elsewhere in the same article, change nothing.
//!   Two claims of one document with the same words (or the same hash) take
//!   `-2`, `-3`… in text order.
//! - An **event id** is a readable slug of its first day, its main (first)
//!   place and its kind: `2023-11-12-kidal-armed-clash` (no place:
//!   `2023-11-12-armed-clash`). Events with the same slug are ordered by their
//!   smallest claim id, then title, then first document — never by file
//!   order — and all but the first take `-2`, `-3`….
//!
//! Every reference is rewritten: `Event::claims`, `Dispute::claims`,
//! `Claim::event`.

use std::collections::HashMap;

use crate::model::{Corpus, EventKind};
use crate::text::fold_char;

/// Give every claim and event of an assembled corpus its permanent id and
/// rewrite every reference to them.
pub fn assign(mut corpus: Corpus) -> Corpus {
    let claim_map: HashMap<String, String> = corpus
        .claims
        .iter()
        .map(|c| c.id.clone())
        .zip(claim_ids(&corpus))
        .collect();
    let event_map: HashMap<String, String> = corpus
        .events
        .iter()
        .map(|e| e.id.clone())
        .zip(event_ids(&corpus, &claim_map))
        .collect();
    let rename = |map: &HashMap<String, String>, id: &mut String| {
        if let Some(new) = map.get(id.as_str()) {
            *id = new.clone();
        }
    };
    for c in &mut corpus.claims {
        rename(&claim_map, &mut c.id);
        if let Some(e) = c.event.as_mut() {
            rename(&event_map, e);
        }
    }
    for e in &mut corpus.events {
        rename(&event_map, &mut e.id);
        e.claims.iter_mut().for_each(|id| rename(&claim_map, id));
        for d in &mut e.disputes {
            d.claims.iter_mut().for_each(|id| rename(&claim_map, id));
        }
    }
    corpus
}

/// FNV-1a, 64 bits: small, stable across platforms and Rust versions.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A claim's words, normalised: folded to lower-case ASCII, letters and
/// digits only, single spaces. Punctuation, case, accents and spacing
/// changes leave it unchanged.
pub fn normalise(text: &str) -> String {
    // one pass: each character folded (`fold_char`), words joined by one
    // space; ASCII bytes collected, not chars pushed one at a time
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    if text.is_ascii() {
        // ASCII (most quotes): the bytes themselves, no decoding
        join_words(&mut out, text.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        join_words(&mut out, text.chars().map(|c| fold_char(c).to_ascii_lowercase()));
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Appends the runs of ASCII letters and digits of `folded` to `out`,
/// joined by one space.
fn join_words(out: &mut Vec<u8>, folded: impl Iterator<Item = u8>) {
    let mut gap = false;
    for b in folded {
        if b.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(b' ');
            }
            out.push(b);
            gap = false;
        } else {
            gap = true;
        }
    }
}

/// The id of a claim of `document` with these words (before disambiguation).
pub fn claim_base_id(document: &str, quote: &str) -> String {
    let h = fnv1a(normalise(quote).as_bytes());
    format!("{document}#{:06x}", h & 0xff_ffff)
}

fn claim_ids(corpus: &Corpus) -> Vec<String> {
    let bases: Vec<String> = corpus
        .claims
        .iter()
        .map(|c| claim_base_id(&c.document, &c.quote))
        .collect();
    let keys: Vec<(u32, u32)> = corpus.claims.iter().map(|c| (c.start, c.end)).collect();
    disambiguate(&bases, |a, b| keys[a].cmp(&keys[b]))
}

/// `ids[i]` made unique: within each group of equal ids, ordered by `order`,
/// the first keeps the id and the others take `-2`, `-3`….
fn disambiguate(
    ids: &[String],
    order: impl Fn(usize, usize) -> std::cmp::Ordering,
) -> Vec<String> {
    let mut groups: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, id) in ids.iter().enumerate() {
        groups.entry(id.as_str()).or_default().push(i);
    }
    let mut out = ids.to_vec();
    for members in groups.values_mut() {
        members.sort_by(|&a, &b| order(a, b));
        for (n, &i) in members.iter().enumerate().skip(1) {
            out[i] = format!("{}-{}", ids[i], n + 1);
        }
    }
    out
}

/// The kind as it reads in an id: `armed-clash`.
pub fn kind_slug(kind: EventKind) -> &'static str {
    match kind {
        EventKind::ArmedClash => "armed-clash",
        EventKind::GovernmentRegainsTerritory => "government-regains-territory",
        EventKind::NonStateActorOvertakesTerritory => "non-state-actor-overtakes-territory",
        EventKind::AirDroneStrike => "air-drone-strike",
        EventKind::Attack => "attack",
        EventKind::RemoteExplosive => "remote-explosive",
        EventKind::ViolenceAgainstCivilians => "violence-against-civilians",
        EventKind::StrategicDevelopment => "strategic-development",
        EventKind::Other => "other",
    }
}

/// Lower-case ASCII letters and digits, words joined by `-`.
fn slug(text: &str) -> String {
    normalise(text).replace(' ', "-")
}

/// The readable id of an event (before disambiguation).
pub fn event_base_id(start: &str, place: Option<&str>, kind: EventKind) -> String {
    let mut parts = vec![slug(start)];
    if let Some(p) = place.map(slug).filter(|p| !p.is_empty()) {
        parts.push(p);
    }
    parts.push(kind_slug(kind).to_owned());
    parts.join("-")
}

fn event_ids(corpus: &Corpus, claim_map: &HashMap<String, String>) -> Vec<String> {
    let bases: Vec<String> = corpus
        .events
        .iter()
        .map(|e| event_base_id(&e.start, e.places.first().map(String::as_str), e.kind))
        .collect();
    let keys: Vec<(Option<&String>, &String, Option<&String>)> = corpus
        .events
        .iter()
        .map(|e| {
            let smallest = e.claims.iter().filter_map(|id| claim_map.get(id)).min();
            (smallest, &e.title, e.documents.first())
        })
        .collect();
    // An event with claims comes before one without (`None` would sort first).
    disambiguate(&bases, |a, b| {
        let k = |i: usize| (keys[i].0.is_none(), keys[i].0, keys[i].1, keys[i].2);
        k(a).cmp(&k(b))
    })
}

/// A new id for an event made by a correction (a split): its slug, with the
/// first free `-N` when the slug is taken.
pub fn fresh_event_id(corpus: &Corpus, start: &str, place: Option<&str>, kind: EventKind) -> String {
    let base = event_base_id(start, place, kind);
    let taken = |id: &str| corpus.events.iter().any(|e| e.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// A new id for a claim added by a correction: its base id, with the first
/// free `-N` when taken.
pub fn fresh_claim_id(corpus: &Corpus, document: &str, quote: &str) -> String {
    let base = claim_base_id(document, quote);
    let taken = |id: &str| corpus.claims.iter().any(|c| c.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_read_well() {
        assert_eq!(
            event_base_id("2023-11-12", Some("kidal"), EventKind::ArmedClash),
            "2023-11-12-kidal-armed-clash"
        );
        assert_eq!(
            event_base_id("2023-11-12", None, EventKind::AirDroneStrike),
            "2023-11-12-air-drone-strike"
        );
        assert_eq!(
            event_base_id("2023-10-05", Some("Ber_Camp"), EventKind::Other),
            "2023-10-05-ber-camp-other"
        );
    }

    #[test]
    fn normalise_is_the_folded_words_joined_by_single_spaces() {
        for text in [
            "",
            "  ",
            "The army “entered” Anéfis.",
            "  Rebels—and   the ARMY: 30 killed, 2 × wounded… ",
            "Œuvre l’État déjà-vu 3.5km (AP)",
            "日本 ok ñ",
        ] {
            // the form the ids were first defined by: fold, lower-case, split, join
            let words: Vec<String> = crate::text::fold_string(text)
                .to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            assert_eq!(normalise(text), words.join(" "), "{text:?}");
        }
    }

    #[test]
    fn claim_ids_ignore_case_punctuation_and_spacing() {
        let a = claim_base_id("d", "The army “entered” Anéfis.");
        assert_eq!(a, claim_base_id("d", "the  army entered ANEFIS"));
        assert_ne!(a, claim_base_id("d", "the army left Anéfis"));
        assert_ne!(a, claim_base_id("e", "the army entered Anéfis"));
        assert!(a.starts_with("d#") && a.len() == 2 + 6, "{a}");
    }

    #[test]
    fn duplicates_take_suffixes_in_the_given_order() {
        let ids: Vec<String> = ["x", "y", "x", "x"].iter().map(|s| s.to_string()).collect();
        let rank = [3, 0, 1, 2];
        let out = disambiguate(&ids, |a, b| rank[a].cmp(&rank[b]));
        assert_eq!(out, ["x-3", "y", "x", "x-2"]);
    }
}
