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
//! Event sets are stored as [`Postings`]: a sorted list of event indexes
//! when sparse, a [`Bitset`] when that is smaller (a facet with thousands
//! of documents would otherwise cost gigabytes of bitsets).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::sync::Arc;

use super::bitset::Bitset;
use super::date::{format_day, month_name, parse_day, year_month};
use super::fold::{for_each_token, slug};
use super::keys::{kind_index, kind_key, side_index, KINDS};
use super::filter::{FacetValue, MAX_VALUES};
use crate::model::{Corpus, Side};

/// The key of an outlet in the `sources` facet: its name slugged
/// (`Le Monde` → `le-monde`).
pub fn outlet_key(outlet: &str) -> String {
    slug(outlet)
}

/// A set of event indexes, stored sparse or dense, whichever is smaller.
#[derive(Debug, Clone)]
pub enum Postings {
    Sparse(Vec<u32>),
    Dense(Bitset),
}

impl Postings {
    /// From strictly increasing event indexes `< n`.
    pub fn from_sorted(n: usize, list: Vec<u32>) -> Postings {
        // A u32 per member vs. a bit per event.
        if list.len() * 32 >= n {
            Postings::Dense(Bitset::from_indexes(n, list.iter().map(|&e| e as usize)))
        } else {
            let mut list = list;
            list.shrink_to_fit();
            Postings::Sparse(list)
        }
    }

    /// `target ∪= self`.
    pub fn or_into(&self, target: &mut Bitset) {
        match self {
            Postings::Sparse(v) => v.iter().for_each(|&e| target.insert(e as usize)),
            Postings::Dense(b) => target.or_with(b),
        }
    }

    /// `|self ∩ mask|`.
    pub fn count_in(&self, mask: &Bitset) -> usize {
        match self {
            Postings::Sparse(v) => v.iter().filter(|&&e| mask.contains(e as usize)).count(),
            Postings::Dense(b) => b.and_count(mask),
        }
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        match self {
            Postings::Sparse(v) => v.len(),
            Postings::Dense(b) => b.count(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The values of one facet: keys, labels and event sets, in parallel.
#[derive(Debug, Clone)]
pub(crate) struct FacetTable {
    keys: Vec<Arc<str>>,
    labels: Vec<Arc<str>>,
    postings: Vec<Postings>,
    /// Listing rank among equal counts: by folded label, then key.
    rank: Vec<u32>,
    /// Keys sorted (lookup by binary search, listing by count); otherwise
    /// the fixed declaration order of an enum (listing in that order).
    sorted: bool,
}

impl FacetTable {
    fn from_map(n: usize, map: BTreeMap<String, (String, Vec<u32>)>) -> FacetTable {
        let mut t = FacetTable { keys: vec![], labels: vec![], postings: vec![], rank: vec![], sorted: true };
        for (k, (label, list)) in map {
            t.keys.push(k.into());
            t.labels.push(label.into());
            t.postings.push(Postings::from_sorted(n, list));
        }
        let folded: Vec<String> = t.labels.iter().map(|l| super::fold::fold(l)).collect();
        let mut by_label: Vec<usize> = (0..t.keys.len()).collect();
        by_label.sort_by(|&a, &b| folded[a].cmp(&folded[b]).then_with(|| t.keys[a].cmp(&t.keys[b])));
        t.rank = vec![0; t.keys.len()];
        for (r, &i) in by_label.iter().enumerate() {
            t.rank[i] = r as u32;
        }
        t
    }

    fn fixed(n: usize, values: Vec<(&str, &str, Vec<u32>)>) -> FacetTable {
        let mut t = FacetTable { keys: vec![], labels: vec![], postings: vec![], rank: vec![], sorted: false };
        for (r, (k, label, list)) in values.into_iter().enumerate() {
            t.rank.push(r as u32);
            t.keys.push(k.into());
            t.labels.push(label.into());
            t.postings.push(Postings::from_sorted(n, list));
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
    pub(crate) fn get(&self, key: &str) -> Option<&Postings> {
        self.position(key).map(|i| &self.postings[i])
    }

    pub(crate) fn at(&self, i: usize) -> &Postings {
        &self.postings[i]
    }

    pub(crate) fn label(&self, key: &str) -> Option<&str> {
        self.position(key).map(|i| &*self.labels[i])
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Counts within `mask` for every value; see `FacetCounts` for which
    /// values are listed. Selected keys the table lacks are listed with
    /// count 0 when `list_unknown` says so.
    pub(crate) fn counts(&self, mask: &Bitset, selected: &[String], list_unknown: impl Fn(&str) -> bool) -> Vec<FacetValue> {
        let mut listed: Vec<(usize, usize, bool)> = Vec::new();
        for i in 0..self.keys.len() {
            let count = self.postings[i].count_in(mask);
            let is_selected = selected.iter().any(|s| **s == *self.keys[i]);
            if count > 0 || is_selected {
                listed.push((i, count, is_selected));
            }
        }
        if self.sorted {
            listed.sort_by_key(|&(i, count, _)| (std::cmp::Reverse(count), self.rank[i]));
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
#[derive(Debug, Clone, Default)]
pub(crate) struct TextIndex {
    words: Vec<Box<str>>,
    postings: Vec<Postings>,
}

impl TextIndex {
    pub(crate) fn exact(&self, word: &str) -> Option<&Postings> {
        self.words.binary_search_by(|w| (**w).cmp(word)).ok().map(|i| &self.postings[i])
    }

    /// Event sets of every word starting with `prefix`.
    pub(crate) fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Postings> + 'a {
        let start = self.words.partition_point(|w| &**w < prefix);
        self.words[start..]
            .iter()
            .zip(&self.postings[start..])
            .take_while(move |(w, _)| w.starts_with(prefix))
            .map(|(_, p)| p)
    }

    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

/// Corpus-wide figures for the page header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
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
    pub(crate) contested: Postings,
    /// `(start, end)` day of each event, `None` when its dates do not parse.
    days: Vec<Option<(i32, i32)>>,
    /// `(start day, event)` sorted, dated events only.
    pub(crate) by_start: Vec<(i32, u32)>,
    /// `(end day, event)` sorted, dated events only.
    pub(crate) by_end: Vec<(i32, u32)>,
    /// All events in result order (date, then corpus order; undated last).
    pub(crate) order: Vec<u32>,
    pub(crate) text: TextIndex,
    summary: Summary,
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
        let mut claims_by_event: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in corpus.claims.iter().enumerate() {
            if let Some(e) = &c.event {
                claims_by_event.entry(e.as_str()).or_default().push(i);
            }
        }

        // Facet value → (label, events). Every known entity is listed even
        // without events, so a selected one keeps its label.
        let mut actors: BTreeMap<String, (String, Vec<u32>)> =
            corpus.actors.iter().map(|a| (a.id.clone(), (a.name.clone(), vec![]))).collect();
        let mut places: BTreeMap<String, (String, Vec<u32>)> =
            corpus.places.iter().map(|p| (p.id.clone(), (p.name.clone(), vec![]))).collect();
        let mut documents: BTreeMap<String, (String, Vec<u32>)> = corpus
            .documents
            .iter()
            .map(|d| (d.id.clone(), (if d.title.trim().is_empty() { d.id.clone() } else { d.title.clone() }, vec![])))
            .collect();
        let mut outlets: BTreeMap<String, (String, Vec<u32>)> = BTreeMap::new();
        for d in &corpus.documents {
            if let Some(o) = &d.outlet {
                let k = outlet_key(o);
                if !k.is_empty() {
                    outlets.entry(k).or_insert_with(|| (o.trim().to_owned(), vec![]));
                }
            }
        }
        let mut sides: Vec<Vec<u32>> = vec![vec![]; Side::ALL.len()];
        let mut kinds: Vec<Vec<u32>> = vec![vec![]; KINDS.len()];
        let mut contested = vec![];
        let mut words: HashMap<String, Vec<u32>> = HashMap::new();
        let mut buf = String::new();
        let mut days = Vec::with_capacity(n);

        fn add(map: &mut BTreeMap<String, (String, Vec<u32>)>, key: &str, e: u32) {
            match map.get_mut(key) {
                Some((_, list)) => push(list, e),
                None => {
                    map.insert(key.to_owned(), (key.to_owned(), vec![e]));
                }
            }
        }

        for (i, ev) in corpus.events.iter().enumerate() {
            let e = i as u32;
            let mut claims: Vec<usize> = ev.claims.iter().filter_map(|c| claim_by_id.get(c.as_str()).copied()).collect();
            claims.extend(claims_by_event.get(ev.id.as_str()).into_iter().flatten().copied());
            claims.sort_unstable();
            claims.dedup();

            let mut actor_ids: Vec<&str> = ev.actors.iter().map(String::as_str).collect();
            actor_ids.extend(claims.iter().filter_map(|&c| corpus.claims[c].speaker.as_deref()));
            actor_ids.sort_unstable();
            actor_ids.dedup();
            let mut event_sides = [false; 6];
            for a in &actor_ids {
                add(&mut actors, a, e);
                if let Some(&ai) = actor_by_id.get(a) {
                    event_sides[side_index(corpus.actors[ai].side)] = true;
                }
            }
            for &c in &claims {
                if let Some(s) = corpus.claims[c].side {
                    event_sides[side_index(s)] = true;
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
            doc_ids.sort_unstable();
            doc_ids.dedup();
            for d in &doc_ids {
                add(&mut documents, d, e);
                let outlet = doc_by_id.get(d).and_then(|&di| corpus.documents[di].outlet.as_deref());
                if let Some(o) = outlet {
                    let k = outlet_key(o);
                    if let Some((_, list)) = outlets.get_mut(&k) {
                        push(list, e);
                    }
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

            let (s, t) = (parse_day(&ev.start), parse_day(&ev.end));
            days.push(match (s, t) {
                (Some(s), Some(t)) => Some((s.min(t), s.max(t))),
                (Some(d), None) | (None, Some(d)) => Some((d, d)),
                (None, None) => None,
            });
        }

        let mut by_start: Vec<(i32, u32)> =
            days.iter().enumerate().filter_map(|(i, d)| d.map(|(s, _)| (s, i as u32))).collect();
        by_start.sort_unstable();
        let mut by_end: Vec<(i32, u32)> =
            days.iter().enumerate().filter_map(|(i, d)| d.map(|(_, t)| (t, i as u32))).collect();
        by_end.sort_unstable();
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_key(|&e| match days[e as usize] {
            Some((s, t)) => (0, s, t, e),
            None => (1, 0, 0, e),
        });

        let mut word_list: Vec<(String, Vec<u32>)> = words.into_iter().collect();
        word_list.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let text = TextIndex {
            words: word_list.iter().map(|(w, _)| w.as_str().into()).collect(),
            postings: word_list.into_iter().map(|(_, l)| Postings::from_sorted(n, l)).collect(),
        };

        let mut event_ids: Vec<(Box<str>, u32)> =
            corpus.events.iter().enumerate().map(|(i, ev)| (ev.id.as_str().into(), i as u32)).collect();
        event_ids.sort();
        event_ids.dedup_by(|b, a| a.0 == b.0);

        let summary = Summary {
            documents: corpus.documents.len(),
            events: n,
            claims: corpus.claims.len(),
            actors: corpus.actors.len(),
            places: corpus.places.len(),
            first: by_start.first().map(|&(d, _)| format_day(d)),
            last: by_end.last().map(|&(d, _)| format_day(d)),
        };

        Index {
            n,
            event_ids,
            actors: FacetTable::from_map(n, actors),
            sides: FacetTable::fixed(n, Side::ALL.iter().zip(sides).map(|(s, l)| (s.key(), s.label(), l)).collect()),
            places: FacetTable::from_map(n, places),
            kinds: FacetTable::fixed(n, KINDS.iter().zip(kinds).map(|(k, l)| (kind_key(*k), k.label(), l)).collect()),
            outlets: FacetTable::from_map(n, outlets),
            documents: FacetTable::from_map(n, documents),
            contested: Postings::from_sorted(n, contested),
            days,
            by_start,
            by_end,
            order,
            text,
            summary,
        }
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
        let mut groups: Vec<MonthGroup> = Vec::new();
        for (pos, &e) in results.iter().enumerate() {
            let ym = self.event_days(e).map(|(s, _)| year_month(s));
            let key = match ym {
                Some((y, m)) => format!("{y:04}-{m:02}"),
                None => "undated".to_owned(),
            };
            match groups.last_mut() {
                Some(g) if g.key == key => g.range.end = pos + 1,
                _ => {
                    let label = match ym {
                        Some((y, m)) => format!("{} {y}", month_name(m)),
                        None => "Undated".to_owned(),
                    };
                    groups.push(MonthGroup { key, label, range: pos..pos + 1 });
                }
            }
        }
        groups
    }

    /// Number of values per facet: (actors, places, outlets, documents).
    pub fn facet_sizes(&self) -> (usize, usize, usize, usize) {
        (self.actors.len(), self.places.len(), self.outlets.len(), self.documents.len())
    }

    /// The events of side `s` (for callers wanting per-side figures).
    pub fn side_events(&self, s: Side) -> &Postings {
        self.sides.at(side_index(s))
    }
}
