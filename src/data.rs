//! The embedded corpus and its prebuilt query index, each decoded once, and
//! id lookups.

use std::sync::OnceLock;

use counterclaim_model::query::Index;
use counterclaim_model::{Actor, CampIx, Claim, Corpus, Document, Event, Place};

static CORPUS_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static INDEX_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

/// The embedded corpus. A corrupt blob yields an empty corpus (and an error
/// in the console), never a panic.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| match counterclaim_model::decode(CORPUS_BIN) {
        Ok(c) => c,
        Err(e) => {
            leptos::logging::error!("embedded corpus does not decode: {e}");
            Corpus::default()
        }
    })
}

/// The query index over the embedded corpus, built at build time (no
/// `Index::new` in the browser). A corrupt or mismatched blob yields an
/// empty index (and an error in the console), never a panic.
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| match Index::from_bytes(INDEX_BIN, corpus().events.len()) {
        Ok(i) => i,
        Err(e) => {
            leptos::logging::error!("embedded index does not decode: {e}");
            Index::default()
        }
    })
}

/// Id → position in a corpus list: ids sorted for binary search (a sorted
/// vector is far smaller in WASM than a hash map); first occurrence wins.
struct Ids(Vec<(&'static str, usize)>);

impl Ids {
    fn new(ids: impl Iterator<Item = &'static str>) -> Ids {
        let mut v: Vec<(&'static str, usize)> = ids.enumerate().map(|(i, id)| (id, i)).collect();
        counterclaim_model::sort::sort(&mut v);
        v.dedup_by(|b, a| a.0 == b.0);
        Ids(v)
    }
    fn get(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(id)).ok().and_then(|i| self.0.get(i)).map(|&(_, p)| p)
    }
}

/// Id → position lookups into the corpus.
pub struct Lookup {
    actors: Ids,
    places: Ids,
    documents: Ids,
    claims: Ids,
    /// Claims per document (indexed like `Corpus::documents`), in text order.
    doc_claims: Vec<Vec<usize>>,
    /// Claims of each event: listed in `Event::claims` or naming it.
    event_claims: Vec<Vec<usize>>,
}

/// The lookups over the embedded corpus.
pub fn lookup() -> &'static Lookup {
    static LOOKUP: OnceLock<Lookup> = OnceLock::new();
    LOOKUP.get_or_init(|| {
        let c = corpus();
        let claims = Ids::new(c.claims.iter().map(|x| x.id.as_str()));
        let documents = Ids::new(c.documents.iter().map(|x| x.id.as_str()));
        let mut doc_claims: Vec<Vec<usize>> = vec![Vec::new(); c.documents.len()];
        for (i, cl) in c.claims.iter().enumerate() {
            if let Some(list) = documents.get(&cl.document).and_then(|d| doc_claims.get_mut(d)) {
                list.push(i);
            }
        }
        for list in &mut doc_claims {
            counterclaim_model::sort::sort_by_key(list, |&i| c.claims.get(i).map(|x| (x.start, x.end, i)));
        }
        let mut event_claims: Vec<Vec<usize>> =
            c.events.iter().map(|e| e.claims.iter().filter_map(|id| claims.get(id)).collect()).collect();
        for (i, cl) in c.claims.iter().enumerate() {
            let target = cl.event.as_deref().and_then(|e| index().event_index(e));
            if let Some(list) = target.and_then(|e| event_claims.get_mut(e)) {
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Lookup {
            actors: Ids::new(c.actors.iter().map(|x| x.id.as_str())),
            places: Ids::new(c.places.iter().map(|x| x.id.as_str())),
            documents,
            claims,
            doc_claims,
            event_claims,
        }
    })
}

impl Lookup {
    pub fn actor(&self, id: &str) -> Option<&'static Actor> {
        self.actors.get(id).and_then(|i| corpus().actors.get(i))
    }
    pub fn place(&self, id: &str) -> Option<&'static Place> {
        self.places.get(id).and_then(|i| corpus().places.get(i))
    }
    pub fn document(&self, id: &str) -> Option<&'static Document> {
        self.documents.get(id).and_then(|i| corpus().documents.get(i))
    }
    pub fn claim(&self, id: &str) -> Option<&'static Claim> {
        self.claims.get(id).and_then(|i| corpus().claims.get(i))
    }
    pub fn event(&self, id: &str) -> Option<&'static Event> {
        index().event_index(id).and_then(|i| corpus().events.get(i))
    }
    /// Claims quoted from a document, in text order.
    pub fn claims_of_document(&self, id: &str) -> Vec<&'static Claim> {
        let c = corpus();
        self.documents
            .get(id)
            .and_then(|d| self.doc_claims.get(d))
            .map(|v| v.iter().filter_map(|&i| c.claims.get(i)).collect())
            .unwrap_or_default()
    }
    /// Claims about an event.
    pub fn claims_of_event(&self, event: &str) -> Vec<&'static Claim> {
        let c = corpus();
        index()
            .event_index(event)
            .and_then(|i| self.event_claims.get(i))
            .map(|v| v.iter().filter_map(|&i| c.claims.get(i)).collect())
            .unwrap_or_default()
    }
    /// Display name of an actor id (the id itself when unknown).
    pub fn actor_name(&self, id: &str) -> String {
        self.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_owned())
    }
    /// Display name of a place id (the id itself when unknown).
    pub fn place_name(&self, id: &str) -> String {
        self.place(id).map(|p| p.name.clone()).unwrap_or_else(|| id.to_owned())
    }
}

/// The label of a claim's camp ("Unidentified source" when not known).
pub fn camp_label(side: Option<CampIx>) -> &'static str {
    side.and_then(|s| corpus().camp(s)).map_or("Unidentified source", |c| c.label.as_str())
}

/// The hint under a camp's column head.
pub fn camp_hint(side: Option<CampIx>) -> &'static str {
    side.and_then(|s| corpus().camp(s)).map_or("speakers the text does not place", |c| c.hint.as_str())
}
