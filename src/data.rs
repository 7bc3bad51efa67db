//! The corpus and its prebuilt query index, and id lookups.
//!
//! Two build modes (`build.rs` chooses by size, `COUNTERCLAIM_CHUNKED`
//! overrides): a small corpus is **embedded** in the app and decoded once;
//! a large one is **chunked** (`cfg(chunked)`): the app fetches a manifest
//! at start and the rest when a view needs it (`crate::store`). Either way
//! the views ask the same questions here; the few that need data a chunked
//! build has not fetched yet ask `store` first (`store::need_*`).

use counterclaim_model::{Actor, CampIx, Claim, Corpus, Document, Event, Place};

#[cfg(not(chunked))]
mod embedded {
    use std::sync::OnceLock;

    use counterclaim_model::query::Index;
    use counterclaim_model::Corpus;

    static CORPUS_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
    static INDEX_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));

    /// The embedded corpus. A corrupt blob yields an empty corpus (and an
    /// error in the console), never a panic.
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

    /// The query index, built at build time (no `Index::new` in the
    /// browser). A corrupt or mismatched blob yields an empty index (and an
    /// error in the console), never a panic.
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
}

#[cfg(not(chunked))]
pub use embedded::{corpus, index};

#[cfg(chunked)]
pub use crate::store::{corpus, index};

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

/// Id → item lookups into one corpus: the embedded corpus, or in a chunked
/// build the manifest and each chunk fetched.
pub struct Lookup {
    corpus: &'static Corpus,
    actors: Ids,
    places: Ids,
    documents: Ids,
    claims: Ids,
    events: Ids,
    /// Claims per document (indexed like `Corpus::documents`), in text order.
    doc_claims: Vec<Vec<usize>>,
    /// Claims of each event: listed in `Event::claims` or naming it.
    event_claims: Vec<Vec<usize>>,
}

/// The lookups over the corpus (in a chunked build, the manifest's).
pub fn lookup() -> &'static Lookup {
    #[cfg(not(chunked))]
    {
        static LOOKUP: std::sync::OnceLock<Lookup> = std::sync::OnceLock::new();
        LOOKUP.get_or_init(|| Lookup::new(corpus()))
    }
    #[cfg(chunked)]
    crate::store::manifest_lookup()
}

impl Lookup {
    /// The lookups over `c`.
    pub fn new(c: &'static Corpus) -> Lookup {
        let claims = Ids::new(c.claims.iter().map(|x| x.id.as_str()));
        let documents = Ids::new(c.documents.iter().map(|x| x.id.as_str()));
        let events = Ids::new(c.events.iter().map(|x| x.id.as_str()));
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
            let target = cl.event.as_deref().and_then(|e| events.get(e));
            if let Some(list) = target.and_then(|e| event_claims.get_mut(e)) {
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        Lookup {
            corpus: c,
            actors: Ids::new(c.actors.iter().map(|x| x.id.as_str())),
            places: Ids::new(c.places.iter().map(|x| x.id.as_str())),
            documents,
            claims,
            events,
            doc_claims,
            event_claims,
        }
    }

    pub fn actor(&self, id: &str) -> Option<&'static Actor> {
        self.actors.get(id).and_then(|i| self.corpus.actors.get(i))
    }
    pub fn place(&self, id: &str) -> Option<&'static Place> {
        self.places.get(id).and_then(|i| self.corpus.places.get(i))
    }

    /// An article's metadata; its text too where this corpus has it. In a
    /// chunked build, from whichever fetched chunk holds it.
    pub fn document(&self, id: &str) -> Option<&'static Document> {
        self.own_document(id).or_else(|| self.elsewhere(|l| l.own_document(id)))
    }
    pub(crate) fn own_document(&self, id: &str) -> Option<&'static Document> {
        self.documents.get(id).and_then(|i| self.corpus.documents.get(i))
    }

    pub fn claim(&self, id: &str) -> Option<&'static Claim> {
        self.own_claim(id).or_else(|| self.elsewhere(|l| l.own_claim(id)))
    }
    fn own_claim(&self, id: &str) -> Option<&'static Claim> {
        self.claims.get(id).and_then(|i| self.corpus.claims.get(i))
    }

    /// An event. In a chunked build, whole once its chunk is fetched
    /// (`store::need_event`), else as the manifest has it: without its
    /// claims, articles and caveats.
    pub fn event(&self, id: &str) -> Option<&'static Event> {
        self.elsewhere(|l| l.own_event(id)).or_else(|| self.own_event(id))
    }
    pub(crate) fn own_event(&self, id: &str) -> Option<&'static Event> {
        self.events.get(id).and_then(|i| self.corpus.events.get(i))
    }

    /// Claims quoted from a document, in text order (in a chunked build,
    /// once its chunk is fetched: `store::need_document`).
    pub fn claims_of_document(&self, id: &str) -> Vec<&'static Claim> {
        self.own_or_elsewhere(|l| l.own_claims_of_document(id))
    }
    fn own_claims_of_document(&self, id: &str) -> Vec<&'static Claim> {
        let c = self.corpus;
        self.documents
            .get(id)
            .and_then(|d| self.doc_claims.get(d))
            .map(|v| v.iter().filter_map(|&i| c.claims.get(i)).collect())
            .unwrap_or_default()
    }

    /// Claims about an event (in a chunked build, once its chunk is
    /// fetched: `store::need_event`).
    pub fn claims_of_event(&self, event: &str) -> Vec<&'static Claim> {
        self.own_or_elsewhere(|l| l.own_claims_of_event(event))
    }
    fn own_claims_of_event(&self, event: &str) -> Vec<&'static Claim> {
        let c = self.corpus;
        self.events
            .get(event)
            .and_then(|i| self.event_claims.get(i))
            .map(|v| v.iter().filter_map(|&i| c.claims.get(i)).collect())
            .unwrap_or_default()
    }

    /// `claims` of this corpus, or else the first chunk's that has some.
    fn own_or_elsewhere(&self, claims: impl Fn(&Lookup) -> Vec<&'static Claim>) -> Vec<&'static Claim> {
        let own = claims(self);
        if !own.is_empty() {
            return own;
        }
        self.elsewhere(|l| Some(claims(l)).filter(|v| !v.is_empty())).unwrap_or_default()
    }

    /// The first answer from the chunks fetched so far (a chunked build's
    /// manifest lookup only; nothing elsewhere in an embedded build).
    #[allow(unused_variables)]
    fn elsewhere<T>(&self, ask: impl Fn(&Lookup) -> Option<T>) -> Option<T> {
        #[cfg(chunked)]
        if std::ptr::eq(self, crate::store::manifest_lookup()) {
            return crate::store::find(ask);
        }
        None
    }

    /// The corpus these lookups read.
    #[cfg_attr(not(chunked), allow(dead_code))]
    pub fn corpus(&self) -> &'static Corpus {
        self.corpus
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

/// Event `i` of the corpus (in a chunked build, once its card or event
/// chunk is here: `store::need_cards`, `store::need_event`).
pub fn event_at(i: usize) -> Option<&'static Event> {
    #[cfg(not(chunked))]
    {
        corpus().events.get(i)
    }
    #[cfg(chunked)]
    crate::store::event_at(i)
}

/// How many claims an event (by position in the corpus) has and how many
/// camps speak in them: the timeline card's "3 claims from 2 sides".
pub fn voices(event: usize) -> (usize, usize) {
    #[cfg(not(chunked))]
    {
        let claims = corpus().events.get(event).map(|e| lookup().claims_of_event(&e.id)).unwrap_or_default();
        (claims.len(), counterclaim_model::speaking_camps(claims.iter().copied()).len())
    }
    #[cfg(chunked)]
    crate::store::voices(event)
}

/// The label of a claim's camp ("Unidentified source" when not known).
pub fn camp_label(side: Option<CampIx>) -> &'static str {
    side.and_then(|s| corpus().camp(s)).map_or("Unidentified source", |c| c.label.as_str())
}

/// The hint under a camp's column head.
pub fn camp_hint(side: Option<CampIx>) -> &'static str {
    side.and_then(|s| corpus().camp(s)).map_or("speakers the text does not place", |c| c.hint.as_str())
}
