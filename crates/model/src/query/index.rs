//! The search index, built once from a [`Corpus`]: for every facet value the
//! set of events it applies to, the events' days for date-range filtering
//! and date ordering, and a word index over event titles and claim quotes.
//!
//! What an event "has", per facet:
//! - actors: its `actors` plus the speakers of its claims;
//! - sides: the sides of those actors, plus each claim's `side`;
//! - places: its `places`; kind: its `kind`; contested: its `contested`;
//! - documents: its `documents` plus the documents of its claims;
//! - outlets: the outlets of those documents, keyed by [`outlet_key`];
//! - words: the folded words of its title and of its claims' quotes.
//!
//! An event's claims are those listed in `Event::claims` plus those whose
//! `Claim::event` names it. Ids that resolve to nothing are kept as facet
//! values labelled with the id itself, so nothing referenced is dropped.
//!
//! Events are numbered internally by *slot*: their position in result order
//! (start day, end day, corpus order; undated last), so a set of slots read
//! in increasing order is already sorted by date, and "starts on or before
//! day D" is a prefix of slots. Event sets are stored in a `PostingsList`
//! per facet: a sorted list of slots when sparse (all lists of a facet back
//! to back in one array), a [`Bitset`] when that is smaller (a facet with
//! thousands of documents would otherwise cost gigabytes of bitsets).

use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::bitset::Bitset;

mod wire;
pub(crate) use wire::Out;
use super::date::{format_day, month_name, parse_day, year_month};
use super::fold::{for_each_token, query_tokens, slug};
use super::keys::{kind_index, kind_key, KINDS};
use super::filter::{FacetValue, MAX_VALUES};
use crate::labels::day_label;
use crate::model::Corpus;

/// The key of an outlet in the `sources` facet: its name slugged
/// (`Le Monde` → `le-monde`).
pub fn outlet_key(outlet: &str) -> String {
    slug(outlet)
}

/// One set of event slots: a sorted slice when sparse, a bitset when dense.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Postings<'a> {
    Sparse(&'a [u32]),
    Dense(&'a Bitset),
}

impl Postings<'_> {
    /// `target ∪= self`.
    pub fn or_into(self, target: &mut Bitset) {
        match self {
            Postings::Sparse(v) => v.iter().for_each(|&e| target.insert(e as usize)),
            Postings::Dense(b) => target.or_with(b),
        }
    }

    /// `|self ∩ mask|`.
    pub fn count_in(self, mask: &Bitset) -> usize {
        match self {
            Postings::Sparse(v) => v.iter().filter(|&&e| mask.contains(e as usize)).count(),
            Postings::Dense(b) => b.and_count(mask),
        }
    }
}

/// Many event sets stored together: sparse ones back to back in one array
/// (so scanning every value of a facet reads memory in order), dense ones
/// as bitsets — whichever is smaller for each set.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "PostingsWire", into = "PostingsWire")]
pub(crate) struct PostingsList {
    flat: Vec<u32>,
    dense: Vec<Bitset>,
    /// Per set: `(start, end)` into `flat`, or `(u32::MAX, i)` for `dense[i]`.
    refs: Vec<(u32, u32)>,
    /// The number of events the sets are drawn from (the `n` of `push`).
    universe: u32,
}

/// How a [`PostingsList`] is encoded: the number of events, then each
/// set's members as gaps (the first slot, then the differences), which
/// are small numbers and so mostly one byte each in postcard's varints.
/// Decoding replays [`PostingsList::push`], so the sparse/dense choice is
/// made again and never read from the bytes.
#[derive(Serialize, Deserialize)]
struct PostingsWire {
    universe: u32,
    sets: Vec<Vec<u32>>,
}

impl From<PostingsList> for PostingsWire {
    fn from(p: PostingsList) -> PostingsWire {
        let sets = (0..p.refs.len())
            .map(|i| {
                let members: Vec<u32> = match p.get(i) {
                    Postings::Sparse(v) => v.to_vec(),
                    Postings::Dense(b) => b.iter().map(|e| e as u32).collect(),
                };
                let mut previous = 0;
                members.into_iter().map(|e| std::mem::replace(&mut previous, e).abs_diff(e)).collect()
            })
            .collect();
        PostingsWire { universe: p.universe, sets }
    }
}

impl From<PostingsWire> for PostingsList {
    fn from(w: PostingsWire) -> PostingsList {
        let mut p = PostingsList::default();
        let mut list = Vec::new();
        for gaps in w.sets {
            list.clear();
            let mut slot = 0u32;
            list.extend(gaps.into_iter().map(|g| {
                slot = slot.saturating_add(g);
                slot
            }));
            p.push(w.universe as usize, &list);
        }
        p.shrink();
        p
    }
}

impl PostingsList {
    /// Appends a set given as strictly increasing slots `< n`.
    fn push(&mut self, n: usize, list: &[u32]) {
        self.universe = n as u32;
        // A u32 per member vs. a bit per event.
        if list.len() * 32 >= n && !list.is_empty() {
            self.refs.push((u32::MAX, self.dense.len() as u32));
            self.dense.push(Bitset::from_indexes(n, list.iter().map(|&e| e as usize)));
        } else {
            let start = self.flat.len() as u32;
            self.flat.extend_from_slice(list);
            self.refs.push((start, self.flat.len() as u32));
        }
    }

    /// Set `i`; empty when `i` or its reference is out of range (possible
    /// only in an index decoded from corrupt bytes).
    fn get(&self, i: usize) -> Postings<'_> {
        match self.refs.get(i) {
            Some(&(u32::MAX, d)) => self.dense.get(d as usize).map_or(Postings::Sparse(&[]), Postings::Dense),
            Some(&(a, b)) => Postings::Sparse(self.flat.get(a as usize..b as usize).unwrap_or(&[])),
            None => Postings::Sparse(&[]),
        }
    }

    fn shrink(&mut self) {
        self.flat.shrink_to_fit();
        self.dense.shrink_to_fit();
        self.refs.shrink_to_fit();
    }
}

/// The values of one facet: keys, labels and event sets, in parallel.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct FacetTable {
    keys: Vec<Arc<str>>,
    labels: Vec<Arc<str>>,
    postings: PostingsList,
    /// Listing rank among equal counts: by folded label, then key.
    rank: Vec<u32>,
    /// Keys sorted (lookup by binary search, listing by count); otherwise
    /// the fixed declaration order of an enum (listing in that order).
    sorted: bool,
}

impl FacetTable {
    fn from_map<K: AsRef<str> + Ord>(n: usize, map: HashMap<K, (String, Vec<u32>)>) -> FacetTable {
        let mut values: Vec<(K, (String, Vec<u32>))> = map.into_iter().collect();
        crate::sort::sort_by(&mut values, |a, b| a.0.cmp(&b.0));
        let mut t = FacetTable { keys: vec![], labels: vec![], postings: Default::default(), rank: vec![], sorted: true };
        for (k, (label, list)) in values {
            t.keys.push(k.as_ref().into());
            t.labels.push(label.into());
            t.postings.push(n, &list);
        }
        t.postings.shrink();
        let folded: Vec<String> = t.labels.iter().map(|l| super::fold::fold(l)).collect();
        let mut by_label: Vec<usize> = (0..t.keys.len()).collect();
        crate::sort::sort_by(&mut by_label, |&a, &b| folded[a].cmp(&folded[b]).then_with(|| t.keys[a].cmp(&t.keys[b])));
        t.rank = vec![0; t.keys.len()];
        for (r, &i) in by_label.iter().enumerate() {
            t.rank[i] = r as u32;
        }
        t
    }

    fn fixed(n: usize, values: Vec<(&str, &str, Vec<u32>)>) -> FacetTable {
        let mut t = FacetTable { keys: vec![], labels: vec![], postings: Default::default(), rank: vec![], sorted: false };
        for (r, (k, label, list)) in values.into_iter().enumerate() {
            t.rank.push(r as u32);
            t.keys.push(k.into());
            t.labels.push(label.into());
            t.postings.push(n, &list);
        }
        t
    }

    fn position(&self, key: &str) -> Option<usize> {
        if self.sorted {
            self.keys.binary_search_by(|k| (**k).cmp(key)).ok()
        } else {
            self.keys.iter().position(|k| &**k == key)
        }
    }

    /// The events of value `key`, if the facet has it.
    pub(crate) fn get(&self, key: &str) -> Option<Postings<'_>> {
        self.position(key).map(|i| self.postings.get(i))
    }

    pub(crate) fn at(&self, i: usize) -> Postings<'_> {
        self.postings.get(i)
    }

    pub(crate) fn label(&self, key: &str) -> Option<&str> {
        self.position(key).map(|i| &*self.labels[i])
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Counts within `mask` for every value; see `FacetCounts` for which
    /// values are listed. At most `limit` unselected values are kept (the
    /// first ones in listing order); selected ones always are. Selected
    /// keys the table lacks are listed with count 0 when `list_unknown`
    /// says so.
    pub(crate) fn counts(
        &self,
        mask: &Bitset,
        selected: &[String],
        limit: usize,
        list_unknown: &dyn Fn(&str) -> bool,
    ) -> Vec<FacetValue> {
        let mut listed: Vec<(usize, usize, bool)> = Vec::new();
        for i in 0..self.keys.len() {
            let count = self.postings.get(i).count_in(mask);
            let is_selected = !selected.is_empty() && selected.iter().any(|s| **s == *self.keys[i]);
            if count > 0 || is_selected {
                listed.push((i, count, is_selected));
            }
        }
        let order = |&(i, count, _): &(usize, usize, bool)| (std::cmp::Reverse(count), self.rank[i]);
        if listed.len() > limit {
            // Keep the selected values and the first `limit` others.
            let (mut keep, mut others): (Vec<_>, Vec<_>) = listed.into_iter().partition(|v| v.2);
            // The small sort, not `select_nth_unstable` (kilobytes of wasm).
            crate::sort::sort_by_key(&mut others, order);
            others.truncate(limit);
            keep.append(&mut others);
            listed = keep;
        }
        if self.sorted {
            crate::sort::sort_by_key(&mut listed, order);
        } else {
            crate::sort::sort_by_key(&mut listed, |v| self.rank[v.0]);
        }
        let mut out: Vec<FacetValue> = listed
            .into_iter()
            .map(|(i, count, selected)| FacetValue {
                key: self.keys[i].clone(),
                label: self.labels[i].clone(),
                count,
                selected,
            })
            .collect();
        for s in selected.iter().take(MAX_VALUES) {
            if self.position(s).is_none() && list_unknown(s) && !out.iter().any(|v| *v.key == **s) {
                let key: Arc<str> = s.as_str().into();
                out.push(FacetValue { key: key.clone(), label: key, count: 0, selected: true });
            }
        }
        out
    }
}

/// Folded word → events, words sorted for exact and prefix lookup.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct TextIndex {
    words: Vec<Box<str>>,
    postings: PostingsList,
    /// Union of the events of all words starting with a given character,
    /// for characters starting many words: typing the first letter of a
    /// search is the most common and otherwise the dearest query.
    pub(crate) initials: Vec<(char, Bitset)>,
}

/// Initials starting at least this many words get a precomputed union.
const INITIAL_MIN_WORDS: usize = 16;

impl TextIndex {
    /// From words sorted and unique, each with its sorted slots.
    fn new(n: usize, words: Vec<(String, Vec<u32>)>) -> TextIndex {
        let mut t = TextIndex::default();
        for (w, list) in &words {
            t.words.push(w.as_str().into());
            t.postings.push(n, list);
        }
        t.postings.shrink();
        let mut i = 0;
        while i < t.words.len() {
            let Some(c) = t.words[i].chars().next() else {
                i += 1;
                continue;
            };
            let end = i + t.words[i..].partition_point(|w| w.starts_with(c));
            if end - i >= INITIAL_MIN_WORDS {
                let mut b = Bitset::new(n);
                (i..end).for_each(|k| t.postings.get(k).or_into(&mut b));
                t.initials.push((c, b));
            }
            i = end;
        }
        t
    }

    pub(crate) fn exact(&self, word: &str) -> Option<Postings<'_>> {
        self.words.binary_search_by(|w| (**w).cmp(word)).ok().map(|i| self.postings.get(i))
    }

    /// `target ∪=` the events of every word starting with `prefix`.
    pub(crate) fn prefix_into(&self, prefix: &str, target: &mut Bitset) {
        let mut chars = prefix.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if let Some((_, b)) = self.initials.iter().find(|(i, _)| *i == c) {
                target.or_with(b);
                return;
            }
        }
        let start = self.words.partition_point(|w| &**w < prefix);
        let n = self.words[start..].iter().take_while(|w| w.starts_with(prefix)).count();
        (start..start + n).for_each(|k| self.postings.get(k).or_into(target));
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// Corpus-wide figures for the page header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub documents: usize,
    pub events: usize,
    pub claims: usize,
    pub actors: usize,
    pub places: usize,
    /// Earliest event start (`YYYY-MM-DD`), if any event has a valid date.
    pub first: Option<String>,
    /// Latest event end (`YYYY-MM-DD`).
    pub last: Option<String>,
}

impl Summary {
    /// The header's line of figures: "5 articles · 12 events · 34 claims ·
    /// 2 Oct 2023 – 19 Sep 2024" (the app's header and the static view).
    pub fn figures_line(&self) -> String {
        let count = crate::labels::count_label;
        let span = match (&self.first, &self.last) {
            (Some(a), Some(b)) if a != b => format!("{} – {}", day_label(a), day_label(b)),
            (Some(a), _) => day_label(a),
            _ => "no dated events yet".to_owned(),
        };
        format!(
            "{} · {} · {} · {span}",
            count(self.documents, "article", "articles"),
            count(self.events, "event", "events"),
            count(self.claims, "claim", "claims"),
        )
    }
}

/// A run of results in the same month (for the timeline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthGroup {
    /// `YYYY-MM`, or `undated`.
    pub key: String,
    /// "October 2023", or "Undated".
    pub label: String,
    /// Positions in the results slice given to [`Index::month_groups`].
    pub range: Range<usize>,
}

/// The query index over one corpus. Build once with [`Index::new`]; every
/// query after that is bitset arithmetic.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Index {
    n: usize,
    /// Event ids sorted, with their event index (first occurrence wins).
    event_ids: Vec<(Box<str>, u32)>,
    pub(crate) actors: FacetTable,
    pub(crate) sides: FacetTable,
    pub(crate) places: FacetTable,
    pub(crate) kinds: FacetTable,
    pub(crate) outlets: FacetTable,
    pub(crate) documents: FacetTable,
    pub(crate) contested: Bitset,
    /// `(start, end)` day of each event, `None` when its dates do not parse.
    days: Vec<Option<(i32, i32)>>,
    /// Start day of each dated slot (dated slots come first, sorted).
    pub(crate) slot_starts: Vec<i32>,
    /// `(end day, slot)` sorted, dated events only.
    pub(crate) by_end: Vec<(i32, u32)>,
    /// Slot → event index. Slots are the events in result order (start
    /// day, end day, corpus order; undated last); every event set in the
    /// index is over slots, so set members come out in date order.
    pub(crate) order: Vec<u32>,
    pub(crate) text: TextIndex,
    summary: Summary,
    /// Whether the documents table and the word index are here.
    #[serde(skip)]
    pub(crate) parts: Parts,
}

/// Which optional parts an [`Index`] holds. A chunked build's manifest
/// carries the base ([`Index::base_bytes`]); the documents facet table and
/// the word index, large on a large corpus, come in files of their own when
/// first needed ([`Index::with_documents`], [`Index::with_text`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts {
    pub(crate) documents: bool,
    pub(crate) text: bool,
}

impl Parts {
    pub(crate) const ALL: Parts = Parts { documents: true, text: true };
    pub(crate) const BASE: Parts = Parts { documents: false, text: false };
}

impl Default for Parts {
    fn default() -> Parts {
        Parts::ALL
    }
}

/// FNV-1a: the index only hashes short trusted strings (ids, words), so a
/// fast non-keyed hash is fine and builds the index ~2× faster than SipHash.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Slots: events in result order (date, then corpus order, undated last).
/// All event sets are over slots, so results come out sorted. Derived from
/// the days, never stored.
pub(crate) fn slot_order(days: &[Option<(i32, i32)>]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..days.len() as u32).collect();
    crate::sort::sort_by_key(&mut order, |&e| match days.get(e as usize).copied().flatten() {
        Some((s, t)) => (0, s, t, e),
        None => (1, 0, 0, e),
    });
    order
}

/// The start day of each dated slot (dated slots come first, in start-day
/// order) and `(end day, slot)` sorted: the date filter's tables, derived
/// from the days and the slots, never stored.
pub(crate) fn day_tables(days: &[Option<(i32, i32)>], order: &[u32]) -> (Vec<i32>, Vec<(i32, u32)>) {
    let day = |e: u32| days.get(e as usize).copied().flatten();
    let slot_starts: Vec<i32> = order.iter().map_while(|&e| day(e).map(|(s, _)| s)).collect();
    let mut by_end: Vec<(i32, u32)> =
        order.iter().enumerate().filter_map(|(slot, &e)| day(e).map(|(_, t)| (t, slot as u32))).collect();
    crate::sort::sort(&mut by_end);
    (slot_starts, by_end)
}

/// Event ids (in corpus order) → sorted `(id, event)` for lookup, the first
/// event of a duplicated id winning. Stored in corpus order, whose ids
/// begin with their dates, so they compress well without their positions.
pub(crate) fn id_table(ids: Vec<Box<str>>) -> Vec<(Box<str>, u32)> {
    let mut table: Vec<(Box<str>, u32)> = ids.into_iter().enumerate().map(|(i, id)| (id, i as u32)).collect();
    crate::sort::sort(&mut table);
    table.dedup_by(|b, a| a.0 == b.0);
    table
}

/// Appends `e` to a posting list unless it is already its last member.
fn push(list: &mut Vec<u32>, e: u32) {
    if list.last() != Some(&e) {
        list.push(e);
    }
}

impl Index {
    /// Builds the index. Never panics, whatever the corpus holds (dangling
    /// ids, bad dates, duplicate ids).
    pub fn new(corpus: &Corpus) -> Index {
        let n = corpus.events.len();
        let actor_by_id: HashMap<&str, usize> =
            corpus.actors.iter().enumerate().rev().map(|(i, a)| (a.id.as_str(), i)).collect();
        let doc_by_id: HashMap<&str, usize> =
            corpus.documents.iter().enumerate().rev().map(|(i, d)| (d.id.as_str(), i)).collect();
        let claim_by_id: HashMap<&str, usize> =
            corpus.claims.iter().enumerate().rev().map(|(i, c)| (c.id.as_str(), i)).collect();
        let mut claims_by_event: HashMap<&str, Vec<usize>> = HashMap::default();
        for (i, c) in corpus.claims.iter().enumerate() {
            if let Some(e) = &c.event {
                claims_by_event.entry(e.as_str()).or_default().push(i);
            }
        }

        // Facet value → (label, events). Every known entity is listed even
        // without events, so a selected one keeps its label.
        // (The first entity with an id gives its label.)
        type Values<'c> = HashMap<&'c str, (String, Vec<u32>)>;
        let mut actors: Values = HashMap::default();
        for a in &corpus.actors {
            actors.entry(&a.id).or_insert_with(|| (a.name.clone(), vec![]));
        }
        let mut places: Values = HashMap::default();
        for p in &corpus.places {
            places.entry(&p.id).or_insert_with(|| (p.name.clone(), vec![]));
        }
        let mut documents: Values = HashMap::default();
        for d in &corpus.documents {
            let label = if d.title.trim().is_empty() { &d.id } else { &d.title };
            documents.entry(&d.id).or_insert_with(|| (label.clone(), vec![]));
        }
        // Outlet key of each document (None when it has no usable outlet).
        let doc_outlet: Vec<Option<String>> = corpus
            .documents
            .iter()
            .map(|d| d.outlet.as_deref().map(outlet_key).filter(|k| !k.is_empty()))
            .collect();
        let mut outlets: HashMap<String, (String, Vec<u32>)> = HashMap::default();
        for (d, key) in corpus.documents.iter().zip(&doc_outlet) {
            if let (Some(o), Some(k)) = (&d.outlet, key) {
                outlets.entry(k.clone()).or_insert_with(|| (o.trim().to_owned(), vec![]));
            }
        }
        let mut sides: Vec<Vec<u32>> = vec![vec![]; corpus.camps.len()];
        let mut kinds: Vec<Vec<u32>> = vec![vec![]; KINDS.len()];
        let mut contested = vec![];
        let mut words: HashMap<String, Vec<u32>> = HashMap::default();
        let mut buf = String::new();

        let days: Vec<Option<(i32, i32)>> = corpus
            .events
            .iter()
            .map(|ev| match (parse_day(&ev.start), parse_day(&ev.end)) {
                (Some(s), Some(t)) => Some((s.min(t), s.max(t))),
                (Some(d), None) | (None, Some(d)) => Some((d, d)),
                (None, None) => None,
            })
            .collect();
        let order = slot_order(&days);

        fn add<'c>(map: &mut Values<'c>, key: &'c str, e: u32) {
            match map.get_mut(key) {
                Some((_, list)) => push(list, e),
                None => {
                    map.insert(key, (key.to_owned(), vec![e]));
                }
            }
        }

        for (slot, &ev_index) in order.iter().enumerate() {
            let ev = &corpus.events[ev_index as usize];
            let e = slot as u32;
            let mut claims: Vec<usize> = ev.claims.iter().filter_map(|c| claim_by_id.get(c.as_str()).copied()).collect();
            claims.extend(claims_by_event.get(ev.id.as_str()).into_iter().flatten().copied());
            crate::sort::sort(&mut claims);
            claims.dedup();

            let mut actor_ids: Vec<&str> = ev.actors.iter().map(String::as_str).collect();
            actor_ids.extend(claims.iter().filter_map(|&c| corpus.claims[c].speaker.as_deref()));
            crate::sort::sort(&mut actor_ids);
            actor_ids.dedup();
            let mut event_sides = vec![false; corpus.camps.len()];
            for a in &actor_ids {
                add(&mut actors, a, e);
                if let Some(&ai) = actor_by_id.get(a) {
                    if let Some(has) = event_sides.get_mut(corpus.actors[ai].side.index()) {
                        *has = true;
                    }
                }
            }
            for &c in &claims {
                if let Some(has) = corpus.claims[c].side.and_then(|s| event_sides.get_mut(s.index())) {
                    *has = true;
                }
            }
            for (s, has) in event_sides.iter().enumerate() {
                if *has {
                    push(&mut sides[s], e);
                }
            }

            for p in &ev.places {
                add(&mut places, p, e);
            }
            push(&mut kinds[kind_index(ev.kind)], e);
            if ev.contested {
                contested.push(e);
            }

            let mut doc_ids: Vec<&str> = ev.documents.iter().map(String::as_str).collect();
            doc_ids.extend(claims.iter().map(|&c| corpus.claims[c].document.as_str()));
            crate::sort::sort(&mut doc_ids);
            doc_ids.dedup();
            for d in &doc_ids {
                add(&mut documents, d, e);
                let outlet = doc_by_id.get(d).and_then(|&di| doc_outlet[di].as_deref());
                if let Some((_, list)) = outlet.and_then(|k| outlets.get_mut(k)) {
                    push(list, e);
                }
            }

            let mut index_words = |s: &str| {
                for_each_token(s, &mut buf, |t| match words.get_mut(t) {
                    Some(list) => push(list, e),
                    None => {
                        words.insert(t.to_owned(), vec![e]);
                    }
                })
            };
            index_words(&ev.title);
            for &c in &claims {
                index_words(&corpus.claims[c].quote);
            }
        }

        let (slot_starts, by_end) = day_tables(&days, &order);

        let mut word_list: Vec<(String, Vec<u32>)> = words.into_iter().collect();
        crate::sort::sort_by(&mut word_list, |a, b| a.0.cmp(&b.0));
        let text = TextIndex::new(n, word_list);

        let event_ids = id_table(corpus.events.iter().map(|ev| Box::from(ev.id.as_str())).collect());

        let summary = Summary {
            documents: corpus.documents.len(),
            events: n,
            claims: corpus.claims.len(),
            actors: corpus.actors.len(),
            places: corpus.places.len(),
            first: slot_starts.first().map(|&d| format_day(d)),
            last: by_end.last().map(|&(d, _)| format_day(d)),
        };

        Index {
            n,
            event_ids,
            actors: FacetTable::from_map(n, actors),
            sides: FacetTable::fixed(n, corpus.camps.iter().zip(sides).map(|(c, l)| (c.id.as_str(), c.label.as_str(), l)).collect()),
            places: FacetTable::from_map(n, places),
            kinds: FacetTable::fixed(n, KINDS.iter().zip(kinds).map(|(k, l)| (kind_key(*k), k.label(), l)).collect()),
            outlets: FacetTable::from_map(n, outlets),
            documents: FacetTable::from_map(n, documents),
            contested: Bitset::from_indexes(n, contested.into_iter().map(|e: u32| e as usize)),
            days,
            slot_starts,
            by_end,
            order,
            text,
            summary,
            parts: Parts::ALL,
        }
    }

    /// The index as compact bytes (postcard), for embedding: `build.rs`
    /// builds the index natively and the app decodes it with
    /// [`Index::from_bytes`] instead of building it.
    pub fn to_bytes(&self) -> Result<Vec<u8>, postcard::Error> {
        Ok(wire::write(self))
    }

    /// Decodes [`Index::to_bytes`]' output for a corpus of `n_events`
    /// events. Never panics: bytes that do not decode, or that decode to an
    /// index of another size or whose parts do not fit together, are an
    /// error.
    pub fn from_bytes(bytes: &[u8], n_events: usize) -> Result<Index, crate::WireError> {
        let index = wire::read(bytes).ok_or(crate::WireError("bytes cut short, malformed or followed by more"))?;
        index.checked(n_events)
    }

    /// The index without its documents table and word index (a chunked
    /// build's manifest), then those two: [`Index::from_base`],
    /// [`Index::with_documents`] and [`Index::with_text`] read them.
    pub fn to_parts(&self) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        (wire::write_base(self), wire::write_documents(self), wire::write_text(self))
    }

    /// Decodes the first of [`Index::to_parts`]: an index whose documents
    /// facet is empty and whose free-text search matches nothing until the
    /// other parts are added. Errors like [`Index::from_bytes`].
    pub fn from_base(bytes: &[u8], n_events: usize) -> Result<Index, crate::WireError> {
        let index = wire::read_base(bytes).ok_or(crate::WireError("index base cut short, malformed or followed by more"))?;
        index.checked(n_events)
    }

    /// This index with the documents facet table of [`Index::to_parts`].
    pub fn with_documents(&self, bytes: &[u8]) -> Result<Index, crate::WireError> {
        let table = wire::read_documents(bytes).ok_or(crate::WireError("documents table cut short or malformed"))?;
        let mut index = Index { documents: table, ..self.clone() };
        index.parts.documents = true;
        index.checked(self.n)
    }

    /// This index with the word index of [`Index::to_parts`].
    pub fn with_text(&self, bytes: &[u8]) -> Result<Index, crate::WireError> {
        let text = wire::read_text(bytes).ok_or(crate::WireError("word index cut short or malformed"))?;
        let mut index = Index { text, ..self.clone() };
        index.parts.text = true;
        index.checked(self.n)
    }

    /// Whether the documents facet table is here (always, but in a chunked
    /// build before it is fetched).
    pub fn has_documents(&self) -> bool {
        self.parts.documents
    }

    /// Whether this filter needs the parts not here yet: `(documents,
    /// words)` — a source that is not an outlet (an article), or free text.
    pub fn missing_for(&self, f: &super::Filter) -> (bool, bool) {
        let documents = !self.parts.documents && f.sources.iter().any(|k| self.outlets.get(k).is_none());
        let words = !self.parts.text && query_tokens(&f.text).0.iter().next().is_some();
        (documents, words)
    }

    /// Whether the word index is here (see [`Index::has_documents`]).
    pub fn has_text(&self) -> bool {
        self.parts.text
    }

    fn checked(self, n_events: usize) -> Result<Index, crate::WireError> {
        if self.n == n_events && self.is_consistent() {
            Ok(self)
        } else {
            Err(crate::WireError("an index of another corpus, or whose parts do not fit together"))
        }
    }

    /// Whether every lookup the queries make stays in bounds: one slot per
    /// event, one label and rank per key, bitsets with one word per 64
    /// members of their universe. (Postings references are checked where
    /// they are read.)
    fn is_consistent(&self) -> bool {
        let tables = [&self.actors, &self.sides, &self.places, &self.kinds, &self.outlets, &self.documents];
        let mut bitsets = tables
            .iter()
            .flat_map(|t| &t.postings.dense)
            .chain(&self.text.postings.dense)
            .chain(self.text.initials.iter().map(|(_, b)| b))
            .chain([&self.contested]);
        self.order.len() == self.n
            && self.days.len() == self.n
            && self.event_ids.iter().all(|&(_, e)| (e as usize) < self.n)
            && tables.iter().all(|t| t.labels.len() == t.keys.len() && t.rank.len() == t.keys.len())
            && bitsets.all(Bitset::is_well_formed)
    }

    /// Number of events indexed.
    pub fn n_events(&self) -> usize {
        self.n
    }

    /// Corpus-wide figures.
    pub fn summary(&self) -> &Summary {
        &self.summary
    }

    /// Index of the event with this id (first one if duplicated).
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.event_ids.binary_search_by(|(k, _)| (**k).cmp(id)).ok().map(|i| self.event_ids[i].1 as usize)
    }

    /// `(start, end)` day numbers of an event (see [`super::date`]), `None`
    /// when undated or out of range.
    pub fn event_days(&self, event: usize) -> Option<(i32, i32)> {
        self.days.get(event).copied().flatten()
    }

    /// Display label of an actor / place / outlet / document key, if known.
    pub fn actor_label(&self, id: &str) -> Option<&str> {
        self.actors.label(id)
    }
    pub fn place_label(&self, id: &str) -> Option<&str> {
        self.places.label(id)
    }
    /// Label of a `sources` key: the outlet name, else the document title.
    pub fn source_label(&self, key: &str) -> Option<&str> {
        self.outlets.label(key).or_else(|| self.documents.label(key))
    }

    /// Number of distinct words in the text index.
    pub fn n_words(&self) -> usize {
        self.text.len()
    }

    /// Splits date-sorted results (as from [`Index::results`]) into runs of
    /// the same month of their start date; undated events form one final
    /// "Undated" group. Consecutive only: the input order is kept.
    pub fn month_groups(&self, results: &[usize]) -> Vec<MonthGroup> {
        // Keys and labels are written once per group, not per event: a
        // filter change at 10,000 articles groups thousands of results.
        let mut groups: Vec<MonthGroup> = Vec::new();
        let mut current: Option<Option<(i32, u32)>> = None;
        for (pos, &e) in results.iter().enumerate() {
            let ym = self.event_days(e).map(|(s, _)| year_month(s));
            match groups.last_mut() {
                Some(g) if current == Some(ym) => g.range.end = pos + 1,
                _ => {
                    let (key, label) = match ym {
                        Some((y, m)) => (format!("{y:04}-{m:02}"), format!("{} {y}", month_name(m))),
                        None => ("undated".to_owned(), "Undated".to_owned()),
                    };
                    groups.push(MonthGroup { key, label, range: pos..pos + 1 });
                    current = Some(ym);
                }
            }
        }
        groups
    }

    /// Number of values per facet: (actors, places, outlets, documents).
    pub fn facet_sizes(&self) -> (usize, usize, usize, usize) {
        (self.actors.len(), self.places.len(), self.outlets.len(), self.documents.len())
    }
}

#[cfg(test)]
mod summary_tests {
    use super::Summary;

    #[test]
    fn figures_line_counts_and_spans() {
        let mut s = Summary { documents: 1, events: 2, claims: 0, first: Some("2023-10-02".into()), last: Some("2024-09-19".into()), ..Default::default() };
        assert_eq!(s.figures_line(), "1 article · 2 events · 0 claims · 2 Oct 2023 – 19 Sep 2024");
        s.last = s.first.clone();
        assert!(s.figures_line().ends_with(" · 2 Oct 2023"));
        s.first = None;
        assert!(s.figures_line().ends_with("no dated events yet"));
    }
}
