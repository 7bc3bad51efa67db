//! Splits a corpus into a chunked build's files (see
//! `counterclaim_model::chunks` for what each holds): the manifest the app
//! fetches at start, and the event, document, directory and word chunks it
//! fetches when a view needs them. `build.rs` chooses this for a large
//! corpus ([`should_chunk`]) and writes the files under `dist/chunks/`.

use std::collections::HashMap;

use crate::chunks::{self, ChunkTable, Manifest, Voices};
use crate::model::{speaking_camps, Claim, Corpus, Document, Event};
use crate::query::Index;

/// Events per event chunk: a chunk is then a few kilobytes compressed, and
/// opening an event fetches one.
pub const EVENTS_PER_CHUNK: u32 = 32;
/// Articles per document chunk, on average (fewer, larger files: the
/// manifest names each one).
pub const DOCUMENTS_PER_CHUNK: usize = 32;
/// A documents facet table up to this size rides in the manifest (the
/// Sources facet lists single articles from the start); a larger one comes
/// with the directory.
pub const DOCUMENTS_IN_MANIFEST_BYTES: usize = 32 * 1024;
/// Above this many bytes of embedded data (corpus and index), a build is
/// chunked unless told otherwise.
pub const CHUNK_ABOVE_BYTES: usize = 256 * 1024;

/// Whether a build embeds its data (`false`) or chunks it (`true`):
/// `COUNTERCLAIM_CHUNKED=1` or `0` decides; otherwise the size does.
pub fn should_chunk(embedded_bytes: usize, setting: Option<&str>) -> Result<bool, String> {
    match setting.map(str::trim) {
        None | Some("") => Ok(embedded_bytes > CHUNK_ABOVE_BYTES),
        Some("1") => Ok(true),
        Some("0") => Ok(false),
        Some(other) => Err(format!("COUNTERCLAIM_CHUNKED must be 1 or 0, not `{other}`")),
    }
}

/// A chunked build's files: `(path relative to the page, bytes)`, the
/// manifest first.
#[derive(Debug)]
pub struct Split {
    pub files: Vec<(String, Vec<u8>)>,
}

impl Split {
    /// The manifest's path (`chunks/manifest-….bin`).
    pub fn manifest(&self) -> &str {
        &self.files[0].0
    }
}

/// Splits `corpus` (as the app would embed it: `embed::slim_for_app`) and
/// its `index`.
pub fn split(corpus: &Corpus, index: &Index) -> Result<Split, String> {
    let enc = |e: postcard::Error| format!("cannot encode a chunk: {e}");
    let claims = EventClaims::new(corpus);
    let (base, documents_table, words) = index.to_parts();
    let mut files = Vec::new();

    let (mut card_files, mut event_files) = (Vec::new(), Vec::new());
    for (i, events) in corpus.events.chunks(EVENTS_PER_CHUNK as usize).enumerate() {
        let first = i * EVENTS_PER_CHUNK as usize;
        let of: Vec<Vec<&Claim>> = (first..first + events.len()).map(|e| claims.of(corpus, e)).collect();
        let voices: Vec<Voices> = of
            .iter()
            .map(|c| Voices { claims: c.len() as u32, camps: speaking_camps(c.iter().copied()).len() as u32 })
            .collect();
        let cards = Corpus { events: events.iter().map(card).collect(), ..Corpus::default() };
        card_files.push(named(&format!("cards{i}"), chunks::encode_cards(&cards, &voices).map_err(enc)?, &mut files));
        let fragment = event_fragment(corpus, events, of.into_iter());
        event_files.push(named(&format!("events{i}"), chunks::encode_fragment(&fragment).map_err(enc)?, &mut files));
    }

    let n_doc_chunks = corpus.documents.len().div_ceil(DOCUMENTS_PER_CHUNK).max(1);
    let mut document_files = Vec::new();
    for (i, fragment) in document_fragments(corpus, n_doc_chunks).iter().enumerate() {
        let bytes = chunks::encode_fragment(fragment).map_err(enc)?;
        document_files.push(named(&format!("articles{i}"), bytes, &mut files));
    }

    let directory = Corpus { documents: corpus.documents.iter().map(metadata).collect(), ..Corpus::default() };
    let counts = claim_counts(corpus);
    let directory = chunks::encode_directory(&directory, &counts, &documents_table).map_err(enc)?;
    let directory = named("directory", directory, &mut files);
    let words = named("words", chunks::encode_words(&words), &mut files);

    let table = ChunkTable {
        n_events: corpus.events.len() as u32,
        events_per_chunk: EVENTS_PER_CHUNK,
        cards: card_files,
        events: event_files,
        documents: document_files,
        directory,
        words,
    };
    let documents = if documents_table.len() <= DOCUMENTS_IN_MANIFEST_BYTES { documents_table } else { vec![] };
    let manifest = Manifest { corpus: skeleton(corpus), index: base, documents, table };
    let mut all = Vec::new();
    named("manifest", manifest.encode().map_err(enc)?, &mut all);
    all.extend(files);
    Ok(Split { files: all })
}

/// Names a file after its kind (with its number, for the kinds that have
/// several: names are unique whatever the hash) and a hash of its bytes
/// (the top 32 bits of FNV-1a: a new name whenever the bytes change; short, since the
/// manifest lists every name), and keeps it.
fn named(kind: &str, bytes: Vec<u8>, files: &mut Vec<(String, Vec<u8>)>) -> String {
    let name = format!("chunks/{kind}-{:08x}.bin", chunks::fnv1a(&bytes) >> 32);
    files.push((name.clone(), bytes));
    name
}

/// The manifest's corpus: no events, claims or articles.
fn skeleton(corpus: &Corpus) -> Corpus {
    Corpus { documents: vec![], claims: vec![], events: vec![], ..corpus.clone() }
}

/// An event as its timeline card shows it: without what only the event view
/// reads (its claim and article lists, caveats, the claims behind each
/// dispute; the event chunk has them).
fn card(e: &Event) -> Event {
    Event {
        claims: vec![],
        documents: vec![],
        caveats: vec![],
        disputes: e.disputes.iter().map(|d| crate::model::Dispute { claims: vec![], reason: d.reason.clone() }).collect(),
        ..e.clone()
    }
}

/// An article without its text (what claim cards and downloads cite).
fn metadata(d: &Document) -> Document {
    Document { text: String::new(), paragraphs: vec![], sentences: vec![], boilerplate: vec![], ..d.clone() }
}

/// Some whole events, their claims, and their articles' metadata.
fn event_fragment<'c>(corpus: &'c Corpus, events: &[Event], claims: impl Iterator<Item = Vec<&'c Claim>>) -> Corpus {
    let mut fragment = Corpus { events: events.to_vec(), ..Corpus::default() };
    for list in claims {
        for c in list {
            if !fragment.claims.iter().any(|x| x.id == c.id) {
                fragment.claims.push(c.clone());
            }
        }
    }
    let mut doc_ids: Vec<&str> = events.iter().flat_map(|e| e.documents.iter().map(String::as_str)).collect();
    doc_ids.extend(fragment.claims.iter().map(|c| c.document.as_str()));
    fragment.documents = corpus.documents.iter().filter(|d| doc_ids.contains(&d.id.as_str())).map(metadata).collect();
    fragment
}

/// Every article, whole, in the chunk its id hashes to, with the claims
/// quoted from it.
fn document_fragments(corpus: &Corpus, n: usize) -> Vec<Corpus> {
    let mut fragments = vec![Corpus::default(); n];
    let mut chunk_of: HashMap<&str, usize> = HashMap::new();
    for d in &corpus.documents {
        let k = chunks::document_chunk(&d.id, n);
        chunk_of.entry(&d.id).or_insert(k);
        fragments[k].documents.push(d.clone());
    }
    for c in &corpus.claims {
        if let Some(&k) = chunk_of.get(c.document.as_str()) {
            fragments[k].claims.push(c.clone());
        }
    }
    fragments
}

/// Claims quoted from each article, in corpus order.
fn claim_counts(corpus: &Corpus) -> Vec<u32> {
    let mut by_doc: HashMap<&str, u32> = HashMap::new();
    for c in &corpus.claims {
        *by_doc.entry(&c.document).or_default() += 1;
    }
    corpus.documents.iter().map(|d| by_doc.get(d.id.as_str()).copied().unwrap_or(0)).collect()
}

/// The claims of each event as the app's views count them: those the
/// event lists, then those naming it that it does not list.
struct EventClaims<'c> {
    by_id: HashMap<&'c str, usize>,
    naming: HashMap<&'c str, Vec<usize>>,
}

impl<'c> EventClaims<'c> {
    fn new(corpus: &'c Corpus) -> EventClaims<'c> {
        let mut by_id = HashMap::new();
        let mut naming: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in corpus.claims.iter().enumerate() {
            by_id.entry(c.id.as_str()).or_insert(i);
            if let Some(e) = &c.event {
                naming.entry(e.as_str()).or_default().push(i);
            }
        }
        EventClaims { by_id, naming }
    }

    fn of(&self, corpus: &'c Corpus, event: usize) -> Vec<&'c Claim> {
        let e = &corpus.events[event];
        let mut list: Vec<usize> = e.claims.iter().filter_map(|id| self.by_id.get(id.as_str()).copied()).collect();
        for &i in self.naming.get(e.id.as_str()).into_iter().flatten() {
            if !list.contains(&i) {
                list.push(i);
            }
        }
        list.into_iter().map(|i| &corpus.claims[i]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunks::{decode_cards, decode_directory, decode_fragment, decode_words, document_chunk, event_chunk};

    fn seeds() -> Corpus {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let mut c = crate::load::load_dir(&dir).expect("seeds parse");
        crate::embed::slim_for_app(&mut c);
        c
    }

    fn file<'s>(split: &'s Split, name: &str) -> &'s [u8] {
        &split.files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no file {name}")).1
    }

    #[test]
    fn the_chunks_hold_the_whole_corpus_and_the_manifest_finds_each_piece() {
        let corpus = seeds();
        let index = Index::new(&corpus);
        let split = split(&corpus, &index).unwrap();
        assert!(split.manifest().starts_with("chunks/manifest-"));
        let m = Manifest::decode(file(&split, split.manifest())).unwrap();
        assert!(m.corpus.claims.is_empty() && m.corpus.documents.is_empty() && m.corpus.events.is_empty());
        assert_eq!((m.corpus.actors.len(), m.corpus.camps.len()), (corpus.actors.len(), corpus.camps.len()));
        let t = &m.table;
        assert_eq!(t.n_events as usize, corpus.events.len());
        assert_eq!(m.documents, index.to_parts().1, "a small documents table rides in the manifest");
        for (i, e) in corpus.events.iter().enumerate() {
            let k = event_chunk(i, t.events_per_chunk);
            let (cards, voices) = decode_cards(file(&split, &t.cards[k])).unwrap();
            let at = i - k * t.events_per_chunk as usize;
            assert_eq!(cards.events[at].id, e.id, "the card chunk holds the event at its place");
            assert!(cards.events[at].claims.is_empty() && cards.events[at].caveats.is_empty());
            assert_eq!(cards.events[at].disputes.len(), e.disputes.len());
            let chunk = decode_fragment(file(&split, &t.events[k])).unwrap();
            let whole = chunk.events.iter().find(|x| x.id == e.id).expect("the event is in its chunk");
            assert_eq!(whole, e, "whole, as in the corpus");
            for id in &e.claims {
                assert!(chunk.claims.iter().any(|c| &c.id == id), "claim {id} of {}", e.id);
            }
            for c in &chunk.claims {
                assert!(chunk.documents.iter().any(|d| d.id == c.document && d.text.is_empty()), "{}'s article", c.id);
            }
            assert_eq!(voices[at].claims as usize, EventClaims::new(&corpus).of(&corpus, i).len());
        }
        for d in &corpus.documents {
            let chunk = decode_fragment(file(&split, &t.documents[document_chunk(&d.id, t.documents.len())])).unwrap();
            assert_eq!(chunk.documents.iter().find(|x| x.id == d.id), Some(d), "the article, text and all");
            let quoted = corpus.claims.iter().filter(|c| c.document == d.id).count();
            assert_eq!(chunk.claims.iter().filter(|c| c.document == d.id).count(), quoted);
        }
        let (dir, counts, table) = decode_directory(file(&split, &t.directory)).unwrap();
        assert_eq!(dir.documents.len(), corpus.documents.len());
        assert_eq!(counts.iter().sum::<u32>() as usize, corpus.claims.len());
        let whole = Index::from_base(&m.index, t.n_events as usize)
            .and_then(|ix| ix.with_documents(table))
            .and_then(|ix| ix.with_text(decode_words(file(&split, &t.words)).unwrap()))
            .unwrap();
        let f = crate::query::Filter { text: "kidal".into(), ..Default::default() };
        assert_eq!(whole.results(&f), index.results(&f));
        assert!(!index.results(&f).is_empty());
    }

    #[test]
    fn names_follow_the_bytes() {
        let corpus = seeds();
        let a = split(&corpus, &Index::new(&corpus)).unwrap();
        let b = split(&corpus, &Index::new(&corpus)).unwrap();
        assert_eq!(a.files.iter().map(|f| &f.0).collect::<Vec<_>>(), b.files.iter().map(|f| &f.0).collect::<Vec<_>>());
        let mut other = corpus.clone();
        other.events[0].title.push('!');
        let c = split(&other, &Index::new(&other)).unwrap();
        assert_ne!(a.manifest(), c.manifest(), "a changed event changes the manifest's name");
        assert_ne!(a.files[1].0, c.files[1].0, "and its chunk's");
        assert_eq!(a.files.last().unwrap().0, c.files.last().unwrap().0, "the words did not change");
    }

    #[test]
    fn the_size_decides_unless_the_editor_does() {
        assert_eq!(should_chunk(10, None), Ok(false));
        assert_eq!(should_chunk(CHUNK_ABOVE_BYTES + 1, None), Ok(true));
        assert_eq!(should_chunk(10, Some("1")), Ok(true));
        assert_eq!(should_chunk(CHUNK_ABOVE_BYTES * 4, Some("0")), Ok(false));
        assert!(should_chunk(10, Some("yes")).unwrap_err().contains("COUNTERCLAIM_CHUNKED"));
    }
}
