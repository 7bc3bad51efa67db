//! The files of a chunked build: a large corpus is not embedded in the app
//! but split, at build time, into a **manifest** the app fetches at start
//! and **chunks** it fetches when a view needs them (Pagefind's way).
//!
//! - The manifest: the corpus without its events, claims and articles (its
//!   settings, camps, actors and places), the query index without its
//!   documents table and word index ([`crate::query::Index::to_parts`]) —
//!   everything filtering and the facets need, with the documents table
//!   too when it is small — and a [`ChunkTable`]: the file of every chunk.
//! - A card chunk: [`ChunkTable::events_per_chunk`] consecutive events of
//!   the corpus as the timeline's cards show them (without their claims,
//!   articles and caveats), with each one's count of claims and speaking
//!   camps ([`Voices`]: "3 claims from 2 sides").
//! - An event chunk: the same events, whole, with their claims and their
//!   articles' metadata (the event view, the downloads).
//! - A document chunk: whole articles (text, paragraphs, boilerplate) with
//!   the claims quoted from them; an article's chunk is [`document_chunk`]
//!   of its id, so no table is needed to find it.
//! - The directory: every article's metadata and claim count, and the
//!   documents facet table (the Articles view, the sources facet).
//! - The words: the index's word index (free-text search).
//!
//! Every file is a [`pack`]: a magic number, the format version, then
//! length-prefixed sections. File names carry a hash of their bytes, so a
//! host can cache them forever. Decoding never panics.

use crate::model::Corpus;
use crate::query::index::Out;
use crate::wire::In;
use crate::WireError;

/// The first bytes of every file of a chunked build.
const MAGIC: &[u8; 4] = b"CCch";
/// Bumped whenever the layout of a pack or of a section changes.
pub const FORMAT_VERSION: u8 = 1;

/// What the app knows about a chunked build's files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChunkTable {
    /// How many events the corpus has.
    pub n_events: u32,
    /// Events per card or event chunk (the last one may hold fewer).
    pub events_per_chunk: u32,
    /// Card chunk files, relative to the page, in corpus order.
    pub cards: Vec<String>,
    /// Event chunk files, in corpus order.
    pub events: Vec<String>,
    /// Document chunk files; see [`document_chunk`].
    pub documents: Vec<String>,
    /// The directory file (every article's metadata, the documents facet).
    pub directory: String,
    /// The word index file.
    pub words: String,
}

/// How many claims an event has and how many camps speak in them (the
/// unidentified speakers counted as one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Voices {
    pub claims: u32,
    pub camps: u32,
}

/// The manifest: what a chunked build's app reads at start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    /// The corpus without events, claims or articles (see the module doc).
    pub corpus: Corpus,
    /// [`crate::query::Index::from_base`]'s bytes.
    pub index: Vec<u8>,
    /// The documents facet table when it is small
    /// ([`crate::query::Index::with_documents`]; else empty: it comes with
    /// the directory).
    pub documents: Vec<u8>,
    pub table: ChunkTable,
}

/// The event chunk holding event `event` (its position in the corpus).
pub fn event_chunk(event: usize, events_per_chunk: u32) -> usize {
    event / events_per_chunk.max(1) as usize
}

/// The document chunk holding the article `id`, among `chunks` chunks: a
/// hash of the id, so ids need no table.
pub fn document_chunk(id: &str, chunks: usize) -> usize {
    (fnv1a(id.as_bytes()) % chunks.max(1) as u64) as usize
}

/// FNV-1a, 64 bits: places articles in chunks, and names a chunk's file
/// after its bytes (`counterclaim_extract::chunking`).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A file of a chunked build: magic, [`FORMAT_VERSION`], then each section
/// as its length and its bytes.
pub fn pack(sections: &[&[u8]]) -> Vec<u8> {
    let mut o = Out::default();
    o.0.extend_from_slice(MAGIC);
    o.0.push(FORMAT_VERSION);
    o.uint(sections.len() as u64);
    for s in sections {
        o.uint(s.len() as u64);
        o.0.extend_from_slice(s);
    }
    o.0
}

/// The sections of a [`pack`]; an error for another format, another
/// version, or bytes cut short.
pub fn unpack(bytes: &[u8]) -> Result<Vec<&[u8]>, WireError> {
    let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(WireError("not a Counterclaim data file"))?;
    let (&version, rest) = rest.split_first().ok_or(WireError("data file cut short"))?;
    if version != FORMAT_VERSION {
        return Err(WireError("data file of another version of Counterclaim: reload the page"));
    }
    let mut r = In(rest);
    let sections = r.seq(|r| {
        let n = r.len()?;
        let (s, rest) = r.0.split_at(n);
        r.0 = rest;
        Some(s)
    });
    match sections {
        Some(s) if r.0.is_empty() => Ok(s),
        _ => Err(WireError("data file cut short or malformed")),
    }
}

/// The sections of a pack that must have exactly `N`.
fn sections<const N: usize>(bytes: &[u8]) -> Result<[&[u8]; N], WireError> {
    unpack(bytes)?.try_into().map_err(|_| WireError("data file with the wrong number of sections"))
}

impl ChunkTable {
    fn encode(&self) -> Vec<u8> {
        let mut o = Out::default();
        o.uint(u64::from(self.n_events));
        o.uint(u64::from(self.events_per_chunk));
        for list in [&self.cards, &self.events, &self.documents] {
            o.uint(list.len() as u64);
            list.iter().for_each(|f| o.str(f));
        }
        o.str(&self.directory);
        o.str(&self.words);
        o.0
    }

    fn decode(bytes: &[u8]) -> Option<ChunkTable> {
        let mut r = In(bytes);
        let n_events = r.u32()?;
        let events_per_chunk = r.u32()?;
        let cards = r.seq(|r| r.str().map(str::to_owned))?;
        let events = r.seq(|r| r.str().map(str::to_owned))?;
        let documents = r.seq(|r| r.str().map(str::to_owned))?;
        let directory = r.str()?.to_owned();
        let words = r.str()?.to_owned();
        r.0.is_empty().then_some(ChunkTable { n_events, events_per_chunk, cards, events, documents, directory, words })
    }
}

impl Manifest {
    /// The manifest's file.
    pub fn encode(&self) -> Result<Vec<u8>, postcard::Error> {
        let corpus = crate::encode(&self.corpus)?;
        Ok(pack(&[&corpus, &self.index, &self.documents, &self.table.encode()]))
    }

    /// Reads [`Manifest::encode`]'s bytes. Checks that the table is whole
    /// (a card and an event chunk for every group of events, a document
    /// chunk), so the app never looks past its end.
    pub fn decode(bytes: &[u8]) -> Result<Manifest, WireError> {
        let [corpus, index, documents, table] = sections(bytes)?;
        let corpus = crate::decode(corpus)?;
        let table = ChunkTable::decode(table).ok_or(WireError("chunk table cut short or malformed"))?;
        let chunks_needed = (table.n_events as usize).div_ceil(table.events_per_chunk.max(1) as usize);
        let whole = table.events_per_chunk > 0
            && table.cards.len() == chunks_needed
            && table.events.len() == chunks_needed
            && !table.documents.is_empty();
        if !whole {
            return Err(WireError("chunk table does not fit the corpus"));
        }
        Ok(Manifest { corpus, index: index.to_vec(), documents: documents.to_vec(), table })
    }
}

/// An event or document chunk's file: one corpus fragment.
pub fn encode_fragment(fragment: &Corpus) -> Result<Vec<u8>, postcard::Error> {
    Ok(pack(&[&crate::encode(fragment)?]))
}

/// Reads [`encode_fragment`]'s bytes.
pub fn decode_fragment(bytes: &[u8]) -> Result<Corpus, WireError> {
    let [corpus] = sections(bytes)?;
    crate::decode(corpus)
}

/// A card chunk's file: its events as the cards show them, and each one's
/// voices.
pub fn encode_cards(events: &Corpus, voices: &[Voices]) -> Result<Vec<u8>, postcard::Error> {
    let mut o = Out::default();
    o.uint(voices.len() as u64);
    for v in voices {
        o.uint(u64::from(v.claims));
        o.uint(u64::from(v.camps));
    }
    Ok(pack(&[&crate::encode(events)?, &o.0]))
}

/// Reads [`encode_cards`]'s bytes: one voices entry per event.
pub fn decode_cards(bytes: &[u8]) -> Result<(Corpus, Vec<Voices>), WireError> {
    let [events, voices] = sections(bytes)?;
    let events = crate::decode(events)?;
    let mut r = In(voices);
    let voices = r.seq(|r| Some(Voices { claims: r.u32()?, camps: r.u32()? }));
    match voices {
        Some(v) if r.0.is_empty() && v.len() == events.events.len() => Ok((events, v)),
        _ => Err(WireError("card chunk's voices do not fit its events")),
    }
}

/// The directory's file: every article's metadata (a corpus holding only
/// documents, without their texts), their claim counts in the same order,
/// and the documents facet table ([`crate::query::Index::with_documents`]).
pub fn encode_directory(documents: &Corpus, claim_counts: &[u32], table: &[u8]) -> Result<Vec<u8>, postcard::Error> {
    let mut counts = Out::default();
    counts.uint(claim_counts.len() as u64);
    claim_counts.iter().for_each(|&c| counts.uint(u64::from(c)));
    Ok(pack(&[&crate::encode(documents)?, &counts.0, table]))
}

/// The directory: documents, claim counts, documents table bytes.
pub type Directory<'a> = (Corpus, Vec<u32>, &'a [u8]);

/// Reads [`encode_directory`]'s bytes.
pub fn decode_directory(bytes: &[u8]) -> Result<Directory<'_>, WireError> {
    let [documents, counts, table] = sections(bytes)?;
    let documents = crate::decode(documents)?;
    let mut r = In(counts);
    let counts = r.u32s().filter(|c| r.0.is_empty() && c.len() == documents.documents.len());
    let counts = counts.ok_or(WireError("directory's claim counts do not fit its documents"))?;
    Ok((documents, counts, table))
}

/// The words file: the index's word index.
pub fn encode_words(words: &[u8]) -> Vec<u8> {
    pack(&[words])
}

/// Reads [`encode_words`]'s bytes (for [`crate::query::Index::with_text`]).
pub fn decode_words(bytes: &[u8]) -> Result<&[u8], WireError> {
    let [words] = sections(bytes)?;
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::tests::corpora::mali;

    #[test]
    fn packs_round_trip_and_refuse_other_files() {
        let bytes = pack(&[b"abc", b"", &[0u8; 300]]);
        let s = unpack(&bytes).unwrap();
        assert_eq!(s, vec![&b"abc"[..], &b""[..], &[0u8; 300][..]]);
        assert!(unpack(b"<!doctype html>").is_err(), "an HTML error page is not a chunk");
        let mut other = bytes.clone();
        other[4] = FORMAT_VERSION + 1;
        assert_eq!(unpack(&other).unwrap_err().0, "data file of another version of Counterclaim: reload the page");
        for cut in 0..bytes.len() {
            assert!(unpack(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(unpack(&longer).is_err(), "followed by more");
    }

    #[test]
    fn documents_spread_over_every_chunk_and_stay_put() {
        let mut seen = [0usize; 8];
        for i in 0..800 {
            seen[document_chunk(&format!("article-{i}"), 8)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 50), "{seen:?}");
        assert_eq!(document_chunk("a", 0), 0, "no chunk: never out of range");
        assert_eq!(document_chunk("synth_00042", 16), document_chunk("synth_00042", 16));
        assert_eq!(event_chunk(0, 32), 0);
        assert_eq!(event_chunk(31, 32), 0);
        assert_eq!(event_chunk(32, 32), 1);
        assert_eq!(event_chunk(5, 0), 5, "a zero size is read as one");
    }

    #[test]
    fn a_manifest_round_trips_and_must_fit_its_corpus() {
        let corpus = Corpus { actors: mali().actors, ..Corpus::default() };
        let table = ChunkTable {
            n_events: 3,
            events_per_chunk: 2,
            cards: vec!["chunks/c-1.bin".into(), "chunks/c-2.bin".into()],
            events: vec!["chunks/e-1.bin".into(), "chunks/e-2.bin".into()],
            documents: vec!["chunks/d-1.bin".into()],
            directory: "chunks/dir.bin".into(),
            words: "chunks/w.bin".into(),
        };
        let m = Manifest { corpus, index: vec![1, 2, 3], documents: vec![4], table };
        let bytes = m.encode().unwrap();
        assert_eq!(Manifest::decode(&bytes).unwrap(), m);
        let mut short = m.clone();
        short.table.events.pop();
        assert!(Manifest::decode(&short.encode().unwrap()).is_err(), "events without their chunk");
        let mut short = m.clone();
        short.table.cards.pop();
        assert!(Manifest::decode(&short.encode().unwrap()).is_err(), "events without their cards");
        let mut more = m.clone();
        more.table.n_events = 5;
        assert!(Manifest::decode(&more.encode().unwrap()).is_err(), "more events than chunks");
        for cut in 0..bytes.len() {
            assert!(Manifest::decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_directory_round_trips_and_its_counts_fit_its_documents() {
        let docs = Corpus { documents: mali().documents[..2].to_vec(), ..Corpus::default() };
        let bytes = encode_directory(&docs, &[4, 0], b"table").unwrap();
        let (d, counts, table) = decode_directory(&bytes).unwrap();
        assert_eq!((d.documents.len(), counts, table), (2, vec![4, 0], &b"table"[..]));
        assert!(decode_directory(&encode_directory(&docs, &[4], b"").unwrap()).is_err());
        assert_eq!(decode_words(&encode_words(b"w")).unwrap(), b"w");
        let events = Corpus { events: mali().events[..2].to_vec(), ..Corpus::default() };
        let voices = [Voices { claims: 3, camps: 2 }, Voices::default()];
        let (back, v) = decode_cards(&encode_cards(&events, &voices).unwrap()).unwrap();
        assert_eq!((back.events, v), (events.events.clone(), voices.to_vec()));
        assert!(decode_cards(&encode_cards(&events, &voices[..1]).unwrap()).is_err(), "an event without voices");
        assert!(decode_fragment(&encode_words(b"w")).is_err(), "not a corpus");
    }
}
