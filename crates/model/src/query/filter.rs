//! The explorer's filter and its evaluation against an [`Index`].
//!
//! Semantics: values of one facet are OR-ed, facets are AND-ed. Facets:
//! actors, sides, places, kinds, sources (outlet keys and document ids, one
//! facet), date range, "contested only" and free text. An empty facet does
//! not constrain. Unknown ids / keys match nothing (and never panic); an
//! invalid `from`/`to` date is ignored. Which values an event has in each
//! facet (e.g. its actors include its claims' speakers) is set out in
//! [`super::index`].
//!
//! Date range: an event matches when its `[start, end]` overlaps
//! `[from, to]` (either bound may be open); events whose dates do not parse
//! never match a date range.
//!
//! Free text: the query is folded ([`super::fold`]) and split into words;
//! every word must occur in the event's title or in one of its claims'
//! quotes, as a whole word — except the last word, which matches as a
//! prefix while the user is still typing it (i.e. when the query does not
//! end with a space or punctuation).
//!
//! Facet counts ([`Index::facet_counts`]) follow Pagefind's `filters()`:
//! the count shown for value `v` of facet `F` is the number of events that
//! match **every other facet's current selection and `v`**, i.e.
//! `|matches(filter with F := {v})|`, whether or not `v` is selected. So
//! for a selected value it is the number of results that value contributes,
//! and when `F` is the only active facet and `v` its only value it equals
//! `results().len()`. Values with a zero count are listed only when
//! selected (so the UI can still show and clear them).

use std::sync::Arc;

use super::bitset::Bitset;
use super::fold::query_tokens;
use super::index::{Index, Postings};
use super::keys::{kind_index, kind_key};
use crate::model::EventKind;

/// Most values kept per multi-valued facet.
pub const MAX_VALUES: usize = 50;
/// Longest id / key / text value kept, in characters.
pub const MAX_VALUE_CHARS: usize = 200;

/// What the reader has selected. All fields are public; an empty filter
/// (the `Default`) matches every event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Actor ids.
    pub actors: Vec<String>,
    /// Camp ids (`Camp::id`); ids the corpus lacks select nothing and
    /// filter nothing.
    pub sides: Vec<String>,
    /// Place ids.
    pub places: Vec<String>,
    pub kinds: Vec<EventKind>,
    /// Outlet keys (see [`super::outlet_key`]) and/or document ids.
    pub sources: Vec<String>,
    /// ISO date `YYYY-MM-DD`, inclusive.
    pub from: Option<String>,
    /// ISO date `YYYY-MM-DD`, inclusive.
    pub to: Option<String>,
    pub contested: bool,
    /// Free-text search.
    pub text: String,
}

impl Filter {
    /// True when nothing is selected.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The canonical form of this filter: invalid ids and dates dropped,
    /// multi-values sorted, deduplicated and capped at [`MAX_VALUES`], text
    /// stripped of control characters and capped at [`MAX_VALUE_CHARS`].
    /// This is exactly what survives a trip through the URL.
    pub fn normalized(&self) -> Filter {
        Filter {
            actors: normalize_ids(self.actors.iter().map(String::as_str)),
            sides: normalize_ids(self.sides.iter().map(String::as_str)),
            places: normalize_ids(self.places.iter().map(String::as_str)),
            kinds: normalize_enum(&self.kinds),
            sources: normalize_ids(self.sources.iter().map(String::as_str)),
            from: self.from.clone().filter(|d| super::date::is_valid_date(d)),
            to: self.to.clone().filter(|d| super::date::is_valid_date(d)),
            contested: self.contested,
            text: normalize_text(&self.text),
        }
    }
}

/// Whether `s` is acceptable as an id or key: 1–[`MAX_VALUE_CHARS`]
/// characters, each a word character ([`super::fold::is_word_char`], any
/// script) or one of `- _ . ~ # : @ / + ( ) ! '`, or a space that is neither first nor last. Commas (the URL's
/// value separator) and control characters are never allowed.
pub fn is_valid_id(s: &str) -> bool {
    let n = s.chars().count();
    (1..=MAX_VALUE_CHARS).contains(&n)
        && !s.starts_with(' ')
        && !s.ends_with(' ')
        && s.chars().all(|c| super::fold::is_word_char(c) || "-_.~#:@/+()!' ".contains(c))
}

pub(crate) fn normalize_ids<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut v: Vec<String> = values.filter(|s| is_valid_id(s)).map(str::to_owned).collect();
    crate::sort::sort(&mut v);
    v.dedup();
    v.truncate(MAX_VALUES);
    v
}

pub(crate) fn normalize_enum<T: Ord + Copy>(values: &[T]) -> Vec<T> {
    let mut v = values.to_vec();
    crate::sort::sort(&mut v);
    v.dedup();
    v.truncate(MAX_VALUES);
    v
}

pub(crate) fn normalize_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(MAX_VALUE_CHARS).collect()
}

/// One value of a facet with its live count.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetValue {
    /// What goes into the [`Filter`] / URL (`fama`, `rebels`, `armed_clash`).
    pub key: Arc<str>,
    /// What the reader sees ("FAMa", "Separatist rebels", "Armed clash").
    pub label: Arc<str>,
    /// Events matching every other facet's selection and this value.
    pub count: usize,
    /// Whether the value is in the current filter.
    pub selected: bool,
}

/// Live counts for every facet (see the module doc for the exact rule).
///
/// Order: `sides` and `kinds` in declaration order; the others by
/// decreasing count, then folded (case- and accent-insensitive) label, then
/// key. Zero-count values appear only when selected; a selected id unknown
/// to the corpus appears with count 0 and its key as label.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub actors: Vec<FacetValue>,
    pub sides: Vec<FacetValue>,
    pub places: Vec<FacetValue>,
    pub kinds: Vec<FacetValue>,
    /// The `sources` facet, part 1: outlets.
    pub outlets: Vec<FacetValue>,
    /// The `sources` facet, part 2: single documents.
    pub documents: Vec<FacetValue>,
    /// Key `"1"`: contested events matching all other facets.
    pub contested: FacetValue,
    /// Number of results of the whole filter.
    pub total: usize,
}

/// Facets in the order masks are kept.
#[derive(Clone, Copy)]
enum Facet {
    Actors = 0,
    Sides,
    Places,
    Kinds,
    Sources,
    Dates,
    Contested,
    Text,
}
const N_FACETS: usize = 8;

/// Per-facet match sets of a filter; `None` = facet not active.
struct Masks([Option<Bitset>; N_FACETS]);

impl Masks {
    /// AND of all active masks except `skip` (full set when none).
    fn all_but(&self, n: usize, skip: Option<Facet>) -> Bitset {
        let mut acc: Option<Bitset> = None;
        for (i, m) in self.0.iter().enumerate() {
            if Some(i) == skip.map(|f| f as usize) {
                continue;
            }
            if let Some(m) = m {
                match &mut acc {
                    None => acc = Some(m.clone()),
                    Some(a) => a.and_with(m),
                }
            }
        }
        acc.unwrap_or_else(|| Bitset::full(n))
    }
}

impl Index {
    /// Union of event sets (`dyn`: one copy of the code for every facet).
    fn union_of<'a>(&self, lists: &mut dyn Iterator<Item = Option<Postings<'a>>>) -> Bitset {
        let mut b = Bitset::new(self.n_events());
        for p in lists.flatten() {
            p.or_into(&mut b);
        }
        b
    }

    fn masks(&self, f: &Filter) -> Masks {
        let mut m: [Option<Bitset>; N_FACETS] = Default::default();
        if !f.actors.is_empty() {
            m[Facet::Actors as usize] = Some(self.union_of(&mut f.actors.iter().map(|k| self.actors.get(k))));
        }
        // Camp ids the corpus lacks (an old or edited URL) are ignored.
        if f.sides.iter().any(|k| self.sides.get(k).is_some()) {
            m[Facet::Sides as usize] = Some(self.union_of(&mut f.sides.iter().map(|k| self.sides.get(k))));
        }
        if !f.places.is_empty() {
            m[Facet::Places as usize] = Some(self.union_of(&mut f.places.iter().map(|k| self.places.get(k))));
        }
        if !f.kinds.is_empty() {
            m[Facet::Kinds as usize] = Some(self.union_of(&mut f.kinds.iter().map(|&k| Some(self.kinds.at(kind_index(k))))));
        }
        if !f.sources.is_empty() {
            let mut lists = f.sources.iter().flat_map(|k| [self.outlets.get(k), self.documents.get(k)]);
            m[Facet::Sources as usize] = Some(self.union_of(&mut lists));
        }
        let from = f.from.as_deref().and_then(super::date::parse_day);
        let to = f.to.as_deref().and_then(super::date::parse_day);
        if from.is_some() || to.is_some() {
            m[Facet::Dates as usize] = Some(self.date_mask(from, to));
        }
        if f.contested {
            m[Facet::Contested as usize] = Some(self.contested.clone());
        }
        if let Some(t) = self.text_mask(&f.text) {
            m[Facet::Text as usize] = Some(t);
        }
        Masks(m)
    }

    /// Events overlapping `[from, to]` (days; `None` = open bound).
    fn date_mask(&self, from: Option<i32>, to: Option<i32>) -> Bitset {
        let n = self.n_events();
        // Events starting on or before `to`: a prefix of the slots.
        let starts_ok = to.map(|to| Bitset::prefix(n, self.slot_starts.partition_point(|&d| d <= to)));
        // Events ending on or after `from`: a suffix of `by_end`.
        let ends_ok = match from {
            None => None,
            Some(from) => {
                let k = self.by_end.partition_point(|&(d, _)| d < from);
                Some(Bitset::from_indexes(n, self.by_end[k..].iter().map(|&(_, e)| e as usize)))
            }
        };
        match (starts_ok, ends_ok) {
            (Some(a), Some(b)) => a.and(&b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => Bitset::full(n),
        }
    }

    /// Events whose title or claim quotes contain every word of `text`
    /// (last word as a prefix when still open); `None` when `text` has no
    /// words.
    fn text_mask(&self, text: &str) -> Option<Bitset> {
        let (tokens, open_end) = query_tokens(text);
        let last = tokens.len().checked_sub(1)?;
        let mut acc: Option<Bitset> = None;
        for (i, t) in tokens.iter().enumerate() {
            let mut b = Bitset::new(self.n_events());
            if i == last && open_end {
                self.text.prefix_into(t, &mut b);
            } else if let Some(p) = self.text.exact(t) {
                p.or_into(&mut b);
            }
            match &mut acc {
                None => acc = Some(b),
                Some(a) => a.and_with(&b),
            }
            // Early out: nothing left to intersect.
            if acc.as_ref().is_some_and(|a| a.count() == 0) {
                break;
            }
        }
        acc
    }

    /// The set of events (indexes into `Corpus::events`) matching `f`.
    pub fn matches(&self, f: &Filter) -> Bitset {
        let slots = self.masks(f).all_but(self.n_events(), None);
        Bitset::from_indexes(self.n_events(), slots.iter().map(|s| self.order[s] as usize))
    }

    /// Indexes (into `Corpus::events`) of the events matching `f`, sorted
    /// by start date, then end date, then corpus order; events with
    /// unparseable dates come last.
    pub fn results(&self, f: &Filter) -> Vec<usize> {
        let slots = self.masks(f).all_but(self.n_events(), None);
        let mut out = Vec::with_capacity(slots.count());
        out.extend(slots.iter().map(|s| self.order[s] as usize));
        out
    }

    /// The articles reporting the events that match `f`, each with how many
    /// of them it reports (the documents facet's sets within the results;
    /// none until a chunked build's documents table is here).
    pub fn documents_reporting(&self, f: &Filter) -> Vec<FacetValue> {
        let mask = self.masks(f).all_but(self.n_events(), None);
        self.documents.counts(&mask, &[], usize::MAX, &|_| false)
    }

    /// Live counts for every facet value (see the module doc).
    pub fn facet_counts(&self, f: &Filter) -> FacetCounts {
        self.facet_counts_top(f, usize::MAX)
    }

    /// Like [`Index::facet_counts`], but lists at most `limit` unselected
    /// values of each of actors, places, outlets and documents (the
    /// highest counts; selected values are always listed). Cheaper on
    /// corpora with thousands of documents.
    pub fn facet_counts_top(&self, f: &Filter, limit: usize) -> FacetCounts {
        let n = self.n_events();
        let masks = self.masks(f);
        let all = masks.all_but(n, None);
        // For an inactive facet "all other facets" is the full filter.
        let others = |facet: Facet| {
            if masks.0[facet as usize].is_some() {
                masks.all_but(n, Some(facet))
            } else {
                all.clone()
            }
        };

        let m = others(Facet::Actors);
        let actors = self.actors.counts(&m, &f.actors, limit, &|_| true);
        let m = others(Facet::Places);
        let places = self.places.counts(&m, &f.places, limit, &|_| true);
        let m = others(Facet::Sources);
        // A selected source key unknown to both tables is listed once, with
        // the outlets.
        let outlets = self.outlets.counts(&m, &f.sources, limit, &|k| self.documents.get(k).is_none());
        let documents = self.documents.counts(&m, &f.sources, limit, &|_| false);
        let m = others(Facet::Sides);
        let sides = self.sides.counts(&m, &f.sides, usize::MAX, &|_| false);
        let m = others(Facet::Kinds);
        let selected: Vec<String> = f.kinds.iter().map(|&k| kind_key(k).to_owned()).collect();
        let kinds = self.kinds.counts(&m, &selected, usize::MAX, &|_| false);
        let m = others(Facet::Contested);
        let contested = FacetValue {
            key: "1".into(),
            label: "Contested".into(),
            count: self.contested.and_count(&m),
            selected: f.contested,
        };
        FacetCounts { actors, sides, places, kinds, outlets, documents, contested, total: all.count() }
    }
}
