//! The index's bytes ([`Index::to_bytes`], [`Index::from_bytes`]): written
//! by hand rather than through serde, because the app only ever decodes and
//! a generic decoder for these nested types costs several KB of WebAssembly.
//!
//! Layout: unsigned integers as LEB128 varints (7 bits per byte, low bits
//! first), signed ones zigzag-encoded first, strings as a length then UTF-8,
//! a sequence as its length then its items, an option as 0 or 1 then the
//! value, fields in declaration order. Postings are written as their
//! universe and, per set, its members as gaps (small numbers: mostly one
//! byte each); decoding replays `PostingsList::push`, so the sparse/dense
//! choice is made again and never read from the bytes.
//!
//! Decoding never panics and never allocates more than the input could
//! describe: every length is checked against the bytes left.

use std::sync::Arc;

pub(super) use crate::wire::In;

use super::super::bitset::Bitset;
use super::{FacetTable, Index, Parts, PostingsList, Postings, Summary, TextIndex};

/// The most events an index may describe (a corrupt universe must not make
/// the decoder allocate gigabytes of bitsets).
const MAX_UNIVERSE: u64 = 1 << 24;

#[derive(Default)]
pub(crate) struct Out(pub(crate) Vec<u8>);

impl Out {
    pub(crate) fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        self.uint(u64::from(s.is_some()));
        if let Some(s) = s {
            self.str(s);
        }
    }
    fn uints(&mut self, v: impl ExactSizeIterator<Item = u64>) {
        self.uint(v.len() as u64);
        v.for_each(|x| self.uint(x));
    }
    fn bitset(&mut self, b: &Bitset) {
        self.uint(b.len() as u64);
        self.uints(b.words().iter().copied());
    }
    fn postings(&mut self, p: &PostingsList) {
        self.uint(u64::from(p.universe));
        self.uint(p.refs.len() as u64);
        for i in 0..p.refs.len() {
            let members: Vec<u32> = match p.get(i) {
                Postings::Sparse(v) => v.to_vec(),
                Postings::Dense(b) => b.iter().map(|e| e as u32).collect(),
            };
            let mut previous = 0;
            let gaps: Vec<u64> = members.into_iter().map(|e| u64::from(std::mem::replace(&mut previous, e).abs_diff(e))).collect();
            self.uints(gaps.into_iter());
        }
    }
    fn table(&mut self, t: &FacetTable) {
        self.uint(t.keys.len() as u64);
        t.keys.iter().for_each(|k| self.str(k));
        self.uint(t.labels.len() as u64);
        t.labels.iter().for_each(|l| self.str(l));
        self.postings(&t.postings);
        self.uints(t.rank.iter().map(|&r| u64::from(r)));
        self.uint(u64::from(t.sorted));
    }
}

/// The whole index: [`write_base`], then the documents table
/// ([`write_documents`]), then the word index ([`write_text`]).
pub(super) fn write(ix: &Index) -> Vec<u8> {
    let mut bytes = write_base(ix);
    bytes.extend(write_documents(ix));
    bytes.extend(write_text(ix));
    bytes
}

/// Everything but the documents table and the word index: what a chunked
/// build's manifest carries (the two others are fetched when needed).
pub(super) fn write_base(ix: &Index) -> Vec<u8> {
    let mut o = Out::default();
    o.uint(ix.n as u64);
    // Ids in corpus order (the lookup table is sorted again on reading).
    let mut ids: Vec<&str> = vec![""; ix.n];
    for (id, i) in &ix.event_ids {
        if let Some(slot) = ids.get_mut(*i as usize) {
            *slot = id;
        }
    }
    o.uint(ids.len() as u64);
    ids.iter().for_each(|id| o.str(id));
    for t in [&ix.actors, &ix.sides, &ix.places, &ix.kinds, &ix.outlets] {
        o.table(t);
    }
    o.bitset(&ix.contested);
    // The days only: the slots and the date tables are derived from them
    // on reading (`slot_order`, `day_tables`). Each start as the gap from
    // the previous event's (events are mostly in date order: small
    // numbers), each end as its distance from its start.
    o.uint(ix.days.len() as u64);
    let mut previous = 0i64;
    for d in &ix.days {
        o.uint(u64::from(d.is_some()));
        if let Some((a, b)) = d {
            o.int(i64::from(*a) - previous);
            o.int(i64::from(*b) - i64::from(*a));
            previous = i64::from(*a);
        }
    }
    let s = &ix.summary;
    for n in [s.documents, s.events, s.claims, s.actors, s.places] {
        o.uint(n as u64);
    }
    o.opt_str(s.first.as_deref());
    o.opt_str(s.last.as_deref());
    o.0
}

/// The documents facet table (a value per article: large for a large corpus).
pub(super) fn write_documents(ix: &Index) -> Vec<u8> {
    let mut o = Out::default();
    o.table(&ix.documents);
    o.0
}

/// The word index over titles and quotes.
pub(super) fn write_text(ix: &Index) -> Vec<u8> {
    let mut o = Out::default();
    o.uint(ix.text.words.len() as u64);
    ix.text.words.iter().for_each(|w| o.str(w));
    o.postings(&ix.text.postings);
    o.uint(ix.text.initials.len() as u64);
    for (c, b) in &ix.text.initials {
        o.uint(u64::from(*c));
        o.bitset(b);
    }
    o.0
}

impl In<'_> {
    fn bitset(&mut self) -> Option<Bitset> {
        let len = self.uint().filter(|&l| l <= MAX_UNIVERSE)? as usize;
        let words = self.seq(In::uint)?;
        Bitset::from_words(words, len)
    }
    fn postings(&mut self) -> Option<PostingsList> {
        let universe = self.uint().filter(|&u| u <= MAX_UNIVERSE)? as usize;
        let sets = self.len()?;
        let mut p = PostingsList::default();
        let mut list = Vec::new();
        for _ in 0..sets {
            list.clear();
            let n = self.len()?;
            let mut slot = 0u32;
            for _ in 0..n {
                slot = slot.saturating_add(self.u32()?);
                list.push(slot);
            }
            p.push(universe, &list);
        }
        p.shrink();
        Some(p)
    }
    fn table(&mut self) -> Option<FacetTable> {
        let keys = self.seq(|r| r.str().map(Arc::from))?;
        let labels = self.seq(|r| r.str().map(Arc::from))?;
        let postings = self.postings()?;
        let rank = self.u32s()?;
        let sorted = self.bool()?;
        Some(FacetTable { keys, labels, postings, rank, sorted })
    }
}

/// Reads [`write`]'s bytes: base, documents table, word index, nothing after.
pub(super) fn read(bytes: &[u8]) -> Option<Index> {
    let mut r = In(bytes);
    let mut ix = r.base()?;
    ix.documents = r.table()?;
    ix.text = r.text()?;
    ix.parts = Parts::ALL;
    r.0.is_empty().then_some(ix)
}

/// Reads [`write_base`]'s bytes: an index without documents table or words.
pub(super) fn read_base(bytes: &[u8]) -> Option<Index> {
    let mut r = In(bytes);
    let ix = r.base()?;
    r.0.is_empty().then_some(ix)
}

/// Reads [`write_documents`]'s bytes.
pub(super) fn read_documents(bytes: &[u8]) -> Option<FacetTable> {
    let mut r = In(bytes);
    let t = r.table()?;
    r.0.is_empty().then_some(t)
}

/// Reads [`write_text`]'s bytes.
pub(super) fn read_text(bytes: &[u8]) -> Option<TextIndex> {
    let mut r = In(bytes);
    let t = r.text()?;
    r.0.is_empty().then_some(t)
}

impl In<'_> {
    fn base(&mut self) -> Option<Index> {
        let n = self.uint()? as usize;
        let event_ids = super::id_table(self.seq(|r| r.str().map(Box::from))?);
        let actors = self.table()?;
        let sides = self.table()?;
        let places = self.table()?;
        let kinds = self.table()?;
        let outlets = self.table()?;
        let contested = self.bitset()?;
        let mut previous = 0i32;
        let days = self.seq(|r| {
            Some(if r.bool()? {
                let start = previous.checked_add(r.i32()?)?;
                previous = start;
                Some((start, start.checked_add(r.i32()?)?))
            } else {
                None
            })
        })?;
        let order = super::slot_order(&days);
        let (slot_starts, by_end) = super::day_tables(&days, &order);
        let mut counts = [0usize; 5];
        for c in &mut counts {
            *c = self.uint()? as usize;
        }
        let [documents_n, events, claims, actors_n, places_n] = counts;
        let summary = Summary {
            documents: documents_n,
            events,
            claims,
            actors: actors_n,
            places: places_n,
            first: self.opt_str()?,
            last: self.opt_str()?,
        };
        Some(Index {
            n,
            event_ids,
            actors,
            sides,
            places,
            kinds,
            outlets,
            documents: FacetTable::default(),
            contested,
            days,
            slot_starts,
            by_end,
            order,
            text: TextIndex::default(),
            summary,
            parts: Parts::BASE,
        })
    }

    fn text(&mut self) -> Option<TextIndex> {
        let words = self.seq(|r| r.str().map(Box::from))?;
        let postings = self.postings()?;
        let initials = self.seq(|r| Some((char::from_u32(r.u32()?)?, r.bitset()?)))?;
        Some(TextIndex { words, postings, initials })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_refuse_overlong_input() {
        let values = [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        let mut o = Out::default();
        values.iter().for_each(|&v| o.uint(v));
        [-5i64, 0, 7, i64::from(i32::MIN), i64::from(i32::MAX)].iter().for_each(|&v| o.int(v));
        let mut r = In(&o.0);
        for v in values {
            assert_eq!(r.uint(), Some(v));
        }
        for v in [-5, 0, 7, i32::MIN, i32::MAX] {
            assert_eq!(r.i32(), Some(v));
        }
        assert_eq!(r.uint(), None, "at the end");
        assert_eq!(In(&[0xff; 11]).uint(), None, "more than 64 bits");
        assert_eq!(In(&[0x80]).uint(), None, "cut short");
    }

    #[test]
    fn lengths_never_exceed_the_bytes_left() {
        let mut o = Out::default();
        o.uint(1_000_000);
        assert_eq!(In(&o.0).len(), None);
        assert_eq!(In(&o.0).seq(In::uint), None);
        let mut o = Out::default();
        o.str("Anéfis");
        assert_eq!(In(&o.0).str(), Some("Anéfis"));
        assert_eq!(In(&[2, 0xc3, 0x28]).str(), None, "not UTF-8");
    }
}
