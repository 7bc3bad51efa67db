//! What a view needs that a chunked build fetches on demand (see
//! `counterclaim_model::chunks`): the whole event with its claims, an
//! article's text, the directory of articles, the word index. Views ask
//! `need_*`, which answers [`Need::Ready`] at once in an embedded build
//! (everything is there) and in a chunked build starts the fetch, answers
//! [`Need::Loading`], and bumps a signal when the chunk has arrived or
//! failed: a view that calls [`track`] renders again then.

/// Whether a view's data is here.
#[cfg_attr(not(chunked), allow(dead_code))]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    Ready,
    Loading,
    /// The fetch failed: why, for the reader (with a Retry button).
    Failed(String),
}

/// Every article's metadata (no text) and how many claims quote it.
pub struct Directory {
    pub documents: &'static [counterclaim_model::Document],
    pub claim_counts: Vec<u32>,
}

#[cfg(not(chunked))]
pub use embedded::*;

#[cfg(chunked)]
pub use chunked::*;

#[cfg(not(chunked))]
mod embedded {
    use super::{Directory, Need};
    use crate::data::{corpus, lookup};

    /// Nothing to wait for: the corpus is in the app.
    pub fn track() {}
    pub fn need_directory() -> Need {
        Need::Ready
    }
    pub fn need_words() -> Need {
        Need::Ready
    }
    pub fn need_cards(_events: impl Iterator<Item = usize>) -> Need {
        Need::Ready
    }
    pub fn directory() -> Option<Directory> {
        let c = corpus();
        let claim_counts = c.documents.iter().map(|d| lookup().claims_of_document(&d.id).len() as u32).collect();
        Some(Directory { documents: &c.documents, claim_counts })
    }
}

#[cfg(chunked)]
mod chunked {
    use std::cell::{Cell, RefCell};
    use std::sync::OnceLock;

    use counterclaim_model::chunks::{self, ChunkTable, Manifest, Voices};
    use counterclaim_model::query::Index;
    use counterclaim_model::Corpus;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::{Directory, Need};
    use crate::data::Lookup;

    /// The manifest's path, relative to the page (`build.rs`).
    const MANIFEST: &str = include_str!(concat!(env!("OUT_DIR"), "/manifest_path.txt"));

    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    static LOOKUP: OnceLock<Lookup> = OnceLock::new();

    thread_local! {
        static INDEX: Cell<Option<&'static Index>> = const { Cell::new(None) };
        static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
        static VERSION: RwSignal<u32> = RwSignal::new(0);
    }

    #[derive(Clone)]
    enum Slot<T> {
        Absent,
        Loading,
        Ready(T),
        Failed(String),
    }

    impl<T> Slot<T> {
        /// A failed slot becomes absent: the next view that needs it fetches it.
        fn forget_failure(&mut self) {
            if matches!(self, Slot::Failed(_)) {
                *self = Slot::Absent;
            }
        }
    }

    struct Loaded {
        lookup: &'static Lookup,
        claim_counts: Vec<u32>,
    }

    /// A card chunk: its events as the timeline shows them, and their voices.
    struct Cards {
        lookup: &'static Lookup,
        voices: Vec<Voices>,
    }

    struct Store {
        table: ChunkTable,
        cards: Vec<Slot<&'static Cards>>,
        events: Vec<Slot<&'static Lookup>>,
        documents: Vec<Slot<&'static Lookup>>,
        directory: Slot<&'static Loaded>,
        words: Slot<()>,
    }

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Key {
        Cards(usize),
        Events(usize),
        Documents(usize),
        Directory,
        Words,
    }

    impl Store {
        fn path(&self, key: Key) -> Option<&str> {
            match key {
                Key::Cards(i) => self.table.cards.get(i).map(String::as_str),
                Key::Events(i) => self.table.events.get(i).map(String::as_str),
                Key::Documents(i) => self.table.documents.get(i).map(String::as_str),
                Key::Directory => Some(&self.table.directory),
                Key::Words => Some(&self.table.words),
            }
        }
        /// The slot's state, without its data.
        fn state(&self, key: Key) -> Option<Slot<()>> {
            fn plain<T>(s: &Slot<T>) -> Slot<()> {
                match s {
                    Slot::Absent => Slot::Absent,
                    Slot::Loading => Slot::Loading,
                    Slot::Ready(_) => Slot::Ready(()),
                    Slot::Failed(m) => Slot::Failed(m.clone()),
                }
            }
            Some(match key {
                Key::Cards(i) => plain(self.cards.get(i)?),
                Key::Events(i) => plain(self.events.get(i)?),
                Key::Documents(i) => plain(self.documents.get(i)?),
                Key::Directory => plain(&self.directory),
                Key::Words => self.words.clone(),
            })
        }
        fn set_loading(&mut self, key: Key) {
            match key {
                Key::Cards(i) => self.cards.get_mut(i).into_iter().for_each(|s| *s = Slot::Loading),
                Key::Events(i) => self.events.get_mut(i).into_iter().for_each(|s| *s = Slot::Loading),
                Key::Documents(i) => self.documents.get_mut(i).into_iter().for_each(|s| *s = Slot::Loading),
                Key::Directory => self.directory = Slot::Loading,
                Key::Words => self.words = Slot::Loading,
            }
        }
        fn set_failed(&mut self, key: Key, why: String) {
            match key {
                Key::Cards(i) => self.cards.get_mut(i).into_iter().for_each(|s| *s = Slot::Failed(why.clone())),
                Key::Events(i) => self.events.get_mut(i).into_iter().for_each(|s| *s = Slot::Failed(why.clone())),
                Key::Documents(i) => self.documents.get_mut(i).into_iter().for_each(|s| *s = Slot::Failed(why.clone())),
                Key::Directory => self.directory = Slot::Failed(why),
                Key::Words => self.words = Slot::Failed(why),
            }
        }
    }

    fn with_store<T>(f: impl FnOnce(&mut Store) -> T) -> Option<T> {
        STORE.with(|s| s.borrow_mut().as_mut().map(f))
    }

    fn leak<T>(x: T) -> &'static T {
        Box::leak(Box::new(x))
    }

    /// Fetches and reads the manifest; the app starts once it is here.
    pub async fn start() -> Result<(), String> {
        let bytes = fetch(MANIFEST.trim()).await?;
        let m = Manifest::decode(&bytes).map_err(|e| format!("{}: {e}", MANIFEST.trim()))?;
        let bad = |e: counterclaim_model::WireError| format!("{}: {e}", MANIFEST.trim());
        let mut index = Index::from_base(&m.index, m.table.n_events as usize).map_err(bad)?;
        if !m.documents.is_empty() {
            index = index.with_documents(&m.documents).map_err(bad)?;
        }
        let store = Store {
            cards: vec![Slot::Absent; m.table.cards.len()],
            events: vec![Slot::Absent; m.table.events.len()],
            documents: vec![Slot::Absent; m.table.documents.len()],
            directory: Slot::Absent,
            words: Slot::Absent,
            table: m.table,
        };
        // The arrivals signal is made here, outside any reactive owner: made
        // inside a view, it would be disposed with that view.
        VERSION.with(|_| ());
        let _ = CORPUS.set(m.corpus);
        INDEX.with(|i| i.set(Some(leak(index))));
        STORE.with(|s| *s.borrow_mut() = Some(store));
        Ok(())
    }

    /// The manifest's corpus: settings, camps, actors and places; no
    /// events, claims or articles (the chunks have them). Empty before
    /// [`start`].
    pub fn corpus() -> &'static Corpus {
        static EMPTY: OnceLock<Corpus> = OnceLock::new();
        CORPUS.get().unwrap_or_else(|| EMPTY.get_or_init(Corpus::default))
    }

    /// The query index: the manifest's, with the documents table and the
    /// word index once fetched.
    pub fn index() -> &'static Index {
        static EMPTY: OnceLock<Index> = OnceLock::new();
        INDEX.with(Cell::get).unwrap_or_else(|| EMPTY.get_or_init(Index::default))
    }

    pub fn manifest_lookup() -> &'static Lookup {
        LOOKUP.get_or_init(|| Lookup::new(corpus()))
    }

    /// The first answer from the chunks fetched so far.
    pub fn find<T>(ask: impl Fn(&Lookup) -> Option<T>) -> Option<T> {
        STORE.with(|s| {
            let s = s.borrow();
            let s = s.as_ref()?;
            let ready = |slot: &Slot<&'static Lookup>| match slot {
                Slot::Ready(l) => Some(*l),
                _ => None,
            };
            let directory = match &s.directory {
                Slot::Ready(d) => Some(d.lookup),
                _ => None,
            };
            let cards = s.cards.iter().filter_map(|slot| match slot {
                Slot::Ready(c) => Some(c.lookup),
                _ => None,
            });
            // Articles' chunks first (only they hold the texts), events'
            // before cards' (only they hold whole events).
            let mut all = s.documents.iter().filter_map(ready).chain(s.events.iter().filter_map(ready)).chain(cards).chain(directory);
            all.find_map(|l| ask(l))
        })
    }

    /// Subscribes the current reactive scope to arrivals and failures.
    pub fn track() {
        VERSION.with(|v| v.track());
    }

    fn bump() {
        VERSION.with(|v| v.update(|n| *n += 1));
    }

    fn need(key: Key) -> Need {
        match with_store(|s| s.state(key)).flatten() {
            None => Need::Failed("this part of the data is not in the build".into()),
            Some(Slot::Ready(())) => Need::Ready,
            Some(Slot::Loading) => Need::Loading,
            Some(Slot::Failed(why)) => Need::Failed(why),
            Some(Slot::Absent) => {
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = load(key).await;
                });
                Need::Loading
            }
        }
    }

    /// Fetches and installs one file; its slot ends ready or failed.
    async fn load(key: Key) -> Result<(), String> {
        let Some(path) = with_store(|s| {
            s.set_loading(key);
            s.path(key).map(str::to_owned)
        })
        .flatten() else {
            return Err("no such chunk".into());
        };
        let result = match fetch(&path).await {
            Ok(bytes) => install(key, &bytes).map_err(|e| format!("{path}: {e}")),
            Err(e) => Err(e),
        };
        if let Err(why) = &result {
            leptos::logging::error!("Counterclaim: {why}");
            with_store(|s| s.set_failed(key, why.clone()));
        }
        bump();
        result
    }

    fn install(key: Key, bytes: &[u8]) -> Result<(), String> {
        let text = |e: counterclaim_model::WireError| e.to_string();
        match key {
            Key::Cards(i) => {
                let (events, voices) = chunks::decode_cards(bytes).map_err(text)?;
                let cards = leak(Cards { lookup: leak(Lookup::new(leak(events))), voices });
                with_store(|s| s.cards.get_mut(i).into_iter().for_each(|x| *x = Slot::Ready(cards)));
            }
            Key::Events(_) | Key::Documents(_) => {
                let lookup = leak(Lookup::new(leak(chunks::decode_fragment(bytes).map_err(text)?)));
                with_store(|s| {
                    let slot = match key {
                        Key::Events(i) => s.events.get_mut(i),
                        Key::Documents(i) => s.documents.get_mut(i),
                        _ => None,
                    };
                    slot.into_iter().for_each(|x| *x = Slot::Ready(lookup));
                });
            }
            Key::Directory => {
                let (documents, claim_counts, table) = chunks::decode_directory(bytes).map_err(text)?;
                if !index().has_documents() {
                    let index = index().with_documents(table).map_err(text)?;
                    INDEX.with(|i| i.set(Some(leak(index))));
                }
                let loaded = leak(Loaded { lookup: leak(Lookup::new(leak(documents))), claim_counts });
                with_store(|s| s.directory = Slot::Ready(loaded));
            }
            Key::Words => {
                let index = index().with_text(chunks::decode_words(bytes).map_err(text)?).map_err(text)?;
                INDEX.with(|i| i.set(Some(leak(index))));
                with_store(|s| s.words = Slot::Ready(()));
            }
        }
        Ok(())
    }

    /// `GET path` (relative to the page) → its bytes; an error names the
    /// file and the HTTP status or the network failure.
    async fn fetch(path: &str) -> Result<Vec<u8>, String> {
        let window = web_sys::window().ok_or("no window")?;
        let failed = |_| format!("{path}: the network request failed");
        let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(failed)?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{path}: not a response"))?;
        if !response.ok() {
            return Err(format!("{path}: HTTP {}", response.status()));
        }
        let body = response.array_buffer().map_err(failed)?;
        let body = JsFuture::from(body).await.map_err(failed)?;
        Ok(js_sys::Uint8Array::new(&body).to_vec())
    }

    /// The chunk of event `event` (card and event chunks are numbered
    /// alike) and the event's place in it.
    fn card_place(event: usize) -> (usize, usize) {
        let per = with_store(|s| s.table.events_per_chunk).unwrap_or(1).max(1);
        (chunks::event_chunk(event, per), event % per as usize)
    }

    fn event_key(event: usize) -> Key {
        Key::Events(card_place(event).0)
    }

    /// The cards of `events` (positions in the corpus): ready when every
    /// one's chunk is here; failed if one failed; else their fetch starts.
    pub fn need_cards(events: impl Iterator<Item = usize>) -> Need {
        let mut chunks: Vec<usize> = events.map(|e| card_place(e).0).collect();
        chunks.dedup();
        let mut answer = Need::Ready;
        for k in chunks {
            match need(Key::Cards(k)) {
                Need::Ready => {}
                Need::Failed(why) => return Need::Failed(why),
                Need::Loading => answer = Need::Loading,
            }
        }
        answer
    }

    /// Event `event` (its position in the corpus): whole if its event chunk
    /// is here, as its card shows it if its card chunk is, else `None`.
    pub fn event_at(event: usize) -> Option<&'static counterclaim_model::Event> {
        let (k, at) = card_place(event);
        STORE.with(|s| {
            let s = s.borrow();
            let s = s.as_ref()?;
            if let Some(Slot::Ready(l)) = s.events.get(k) {
                if let Some(e) = l.corpus().events.get(at) {
                    return Some(e);
                }
            }
            match s.cards.get(k) {
                Some(Slot::Ready(c)) => c.lookup.corpus().events.get(at),
                _ => None,
            }
        })
    }

    /// The chunk of event `event` (its position in the corpus).
    pub fn need_event(event: usize) -> Need {
        need(event_key(event))
    }

    /// The chunk of the article `id`.
    pub fn need_document(id: &str) -> Need {
        let n = with_store(|s| s.table.documents.len()).unwrap_or(0);
        need(Key::Documents(chunks::document_chunk(id, n)))
    }

    /// The directory of articles (and the documents facet table).
    pub fn need_directory() -> Need {
        need(Key::Directory)
    }

    /// The word index (free-text search).
    pub fn need_words() -> Need {
        need(Key::Words)
    }

    /// Forgets every failure, so the views that need those chunks fetch
    /// them again.
    pub fn retry() {
        with_store(|s| {
            s.cards.iter_mut().for_each(Slot::forget_failure);
            s.events.iter_mut().for_each(Slot::forget_failure);
            s.documents.iter_mut().for_each(Slot::forget_failure);
            s.directory.forget_failure();
            s.words.forget_failure();
        });
        bump();
    }

    /// Fetches the chunks of `events` not yet here, one after the other,
    /// telling `progress(done, total)` after each.
    pub async fn fetch_events(events: &[usize], progress: impl Fn(usize, usize)) -> Result<(), String> {
        let mut keys: Vec<Key> = events.iter().map(|&e| event_key(e)).collect();
        keys.dedup();
        keys.retain(|&k| !matches!(with_store(|s| s.state(k)).flatten(), Some(Slot::Ready(()))));
        let mut seen = Vec::with_capacity(keys.len());
        keys.retain(|k| {
            let new = !seen.contains(k);
            seen.push(*k);
            new
        });
        let total = keys.len();
        for (done, key) in keys.into_iter().enumerate() {
            progress(done, total);
            load(key).await?;
        }
        progress(total, total);
        Ok(())
    }

    /// Every article's metadata, once [`need_directory`] is ready.
    pub fn directory() -> Option<Directory> {
        STORE.with(|s| match &s.borrow().as_ref()?.directory {
            Slot::Ready(d) => Some(Directory { documents: &d.lookup.corpus().documents, claim_counts: d.claim_counts.clone() }),
            _ => None,
        })
    }

    /// The timeline card's claim and camp counts, from its card chunk.
    pub fn voices(event: usize) -> (usize, usize) {
        let (k, at) = card_place(event);
        STORE
            .with(|s| match s.borrow().as_ref()?.cards.get(k)? {
                Slot::Ready(c) => c.voices.get(at).map(|v| (v.claims as usize, v.camps as usize)),
                _ => None,
            })
            .unwrap_or((0, 0))
    }
}
