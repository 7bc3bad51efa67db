//! Property tests of the filter semantics against a naive scan over random
//! corpora.

use proptest::prelude::*;

use super::corpora::{naive_events, naive_results, random_corpus, random_filter, NaiveEvent, ACTORS, DOCS, PLACES};
use crate::model::{Camp, EventKind};
use crate::query::{FacetValue, Filter, Index, KINDS};

/// Naive count for value `key` of a facet: results with that facet set to
/// exactly `{key}`.
fn naive_count(events: &[NaiveEvent], f: &Filter, set: impl Fn(&mut Filter)) -> usize {
    let mut g = f.clone();
    set(&mut g);
    naive_results(events, &g).len()
}

fn check_listing(
    name: &str,
    listed: &[FacetValue],
    candidates: &[String],
    selected: &[String],
    naive: impl Fn(&str) -> usize,
) -> Result<(), TestCaseError> {
    for v in listed {
        prop_assert_eq!(v.count, naive(&v.key), "{} {} count", name, v.key);
        prop_assert_eq!(v.selected, selected.contains(&v.key.to_string()), "{} {} selected", name, v.key);
    }
    for c in candidates {
        let expected = naive(c) > 0 || selected.contains(c);
        let found = listed.iter().any(|v| &*v.key == c.as_str());
        prop_assert_eq!(found, expected, "{} {} listed", name, c);
    }
    // Never listed twice.
    let mut keys: Vec<&str> = listed.iter().map(|v| &*v.key).collect();
    keys.sort();
    let n = keys.len();
    keys.dedup();
    prop_assert_eq!(keys.len(), n, "{} duplicates", name);
    Ok(())
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn results_equal_a_naive_scan(corpus in random_corpus(), f in random_filter()) {
        let ix = Index::new(&corpus);
        let events = naive_events(&corpus);
        let got = ix.results(&f);
        prop_assert_eq!(&got, &naive_results(&events, &f));
        prop_assert!(got.iter().all(|&e| e < corpus.events.len()));
        prop_assert_eq!(ix.matches(&f).count(), got.len());
    }

    #[test]
    fn month_groups_split_the_results_into_runs_of_one_month(corpus in random_corpus(), f in random_filter()) {
        let ix = Index::new(&corpus);
        let results = ix.results(&f);
        let groups = ix.month_groups(&results);
        let key_of = |e: usize| match ix.event_days(e) {
            Some((start, _)) => {
                let (y, m) = crate::query::date::year_month(start);
                format!("{y:04}-{m:02}")
            }
            None => "undated".to_owned(),
        };
        let mut next = 0;
        for (i, g) in groups.iter().enumerate() {
            prop_assert_eq!(g.range.start, next, "contiguous, in order");
            prop_assert!(!g.range.is_empty());
            prop_assert!(results[g.range.clone()].iter().all(|&e| key_of(e) == g.key), "one month per group");
            prop_assert!(i == 0 || groups[i - 1].key != g.key, "a run ends where the month changes");
            next = g.range.end;
        }
        prop_assert_eq!(next, results.len(), "every result in a group");
    }

    #[test]
    fn adding_a_value_never_shrinks_and_adding_a_facet_never_grows(
        corpus in random_corpus(),
        f in random_filter(),
        facet in 0usize..6,
        pick in 0usize..10,
    ) {
        let ix = Index::new(&corpus);
        let before = ix.matches(&f);
        // One more value in one facet: a superset (OR within a facet)...
        let mut wider = f.clone();
        match facet {
            0 => wider.actors.push(ACTORS[pick % ACTORS.len()].into()),
            1 => wider.sides.push(Camp::defaults()[pick % 6].id.clone()),
            2 => wider.places.push(PLACES[pick % PLACES.len()].into()),
            3 => wider.kinds.push(KINDS[pick % KINDS.len()]),
            _ => wider.sources.push(DOCS[pick % DOCS.len()].into()),
        }
        let wider_set = ix.matches(&wider);
        // ... unless the facet was empty before (unconstrained): then it is
        // a new facet and may only shrink.
        let was_empty = match facet {
            0 => f.actors.is_empty(),
            1 => f.sides.is_empty(),
            2 => f.places.is_empty(),
            3 => f.kinds.is_empty(),
            _ => f.sources.is_empty(),
        };
        if was_empty {
            prop_assert_eq!(before.and(&wider_set), wider_set.clone(), "new facet must not grow results");
        } else {
            prop_assert_eq!(before.and(&wider_set), before.clone(), "extra value must not shrink results");
        }
        // Contested and text are facets too.
        let mut narrower = f.clone();
        narrower.contested = true;
        let n = ix.matches(&narrower);
        prop_assert_eq!(before.and(&n), n);
        let mut narrower = f.clone();
        narrower.text.push_str(" kidal");
        let n = ix.matches(&narrower);
        prop_assert_eq!(before.and(&n), n);
    }

    #[test]
    fn facet_counts_equal_a_naive_scan(corpus in random_corpus(), f in random_filter()) {
        let ix = Index::new(&corpus);
        let events = naive_events(&corpus);
        let c = ix.facet_counts(&f);
        prop_assert_eq!(c.total, naive_results(&events, &f).len());

        let mut actors = strings(&ACTORS);
        actors.extend(["ghost".to_owned(), "nobody".to_owned(), "unknown".to_owned()]);
        check_listing("actor", &c.actors, &actors, &f.actors,
            |k| naive_count(&events, &f, |g| g.actors = vec![k.to_owned()]))?;
        let mut places = strings(&PLACES);
        places.push("unknown".into());
        check_listing("place", &c.places, &places, &f.places,
            |k| naive_count(&events, &f, |g| g.places = vec![k.to_owned()]))?;

        // Sources: outlets and documents are one facet, listed in two parts.
        let mut both = c.outlets.clone();
        both.extend(c.documents.iter().cloned());
        let mut sources = strings(&DOCS);
        sources.extend(["le-monde", "rfi", "jeune-afrique", "nowhere"].map(str::to_owned));
        check_listing("source", &both, &sources, &f.sources,
            |k| naive_count(&events, &f, |g| g.sources = vec![k.to_owned()]))?;

        let side_keys: Vec<String> = Camp::defaults().into_iter().map(|c| c.id).collect();
        check_listing("side", &c.sides, &side_keys, &f.sides, |k| {
            naive_count(&events, &f, |g| g.sides = vec![k.to_owned()])
        })?;
        let kind_keys: Vec<String> = KINDS.iter().map(|&k| crate::query::kind_key(k).to_owned()).collect();
        let sel: Vec<String> = f.kinds.iter().map(|&k| crate::query::kind_key(k).to_owned()).collect();
        check_listing("kind", &c.kinds, &kind_keys, &sel, |k| {
            let kind: EventKind = crate::query::kind_from_key(k).unwrap();
            naive_count(&events, &f, |g| g.kinds = vec![kind])
        })?;
        prop_assert_eq!(c.contested.count, naive_count(&events, &f, |g| g.contested = true));
        prop_assert_eq!(c.contested.selected, f.contested);

        // Listing order: sides/kinds in declaration order, others by count.
        let pos = |k: &str| side_keys.iter().position(|s| s == k);
        prop_assert!(c.sides.windows(2).all(|w| pos(&w[0].key) < pos(&w[1].key)));
        prop_assert!(c.actors.windows(2).all(|w| w[0].count >= w[1].count));
        prop_assert!(c.documents.windows(2).all(|w| w[0].count >= w[1].count));

        // The top-N variant keeps every selected value and the first N
        // others, in the same order.
        let top = ix.facet_counts_top(&f, 2);
        let cut = |all: &[FacetValue]| -> Vec<FacetValue> {
            let mut unselected = 0;
            all.iter()
                .filter(|v| {
                    unselected += usize::from(!v.selected);
                    v.selected || unselected <= 2
                })
                .cloned()
                .collect()
        };
        prop_assert_eq!(&top.actors, &cut(&c.actors));
        prop_assert_eq!(&top.places, &cut(&c.places));
        prop_assert_eq!(&top.outlets, &cut(&c.outlets));
        prop_assert_eq!(&top.documents, &cut(&c.documents));
        prop_assert_eq!((&top.sides, &top.kinds, &top.contested, top.total), (&c.sides, &c.kinds, &c.contested, c.total));
    }

    #[test]
    fn selected_value_count_is_the_result_count_when_alone(corpus in random_corpus(), f in random_filter(), pick in 0usize..5) {
        let ix = Index::new(&corpus);
        // Only the actor facet, one value.
        let alone = Filter { actors: vec![ACTORS[pick].into()], ..Default::default() };
        let c = ix.facet_counts(&alone);
        let v = c.actors.iter().find(|v| &*v.key == ACTORS[pick]).expect("selected value is listed");
        prop_assert_eq!(v.count, ix.results(&alone).len());
        // And in general: a selected value's count is the result count of
        // its facet narrowed to it.
        let c = ix.facet_counts(&f);
        for v in c.places.iter().filter(|v| v.selected) {
            let narrowed = Filter { places: vec![v.key.to_string()], ..f.clone() };
            prop_assert_eq!(v.count, ix.results(&narrowed).len());
        }
        for v in c.places.iter().filter(|v| v.selected) {
            prop_assert!(v.count <= c.total);
            if f.places.len() == 1 {
                prop_assert_eq!(v.count, c.total);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100, ..ProptestConfig::default() })]

    /// The app decodes the index `build.rs` encoded: it answers exactly as
    /// the index built in place.
    #[test]
    fn prebuilt_index_answers_as_built(corpus in random_corpus(), f in random_filter()) {
        let built = Index::new(&corpus);
        let bytes = built.to_bytes().expect("encodes");
        let decoded = Index::from_bytes(&bytes, corpus.events.len()).expect("decodes");
        prop_assert_eq!(decoded.results(&f), built.results(&f));
        prop_assert_eq!(decoded.facet_counts(&f), built.facet_counts(&f));
        prop_assert_eq!(decoded.summary(), built.summary());
        for e in &corpus.events {
            prop_assert_eq!(decoded.event_index(&e.id), built.event_index(&e.id));
        }
    }

    /// A chunked build's index arrives in three parts: the base alone
    /// answers every filter without free text or a document source as the
    /// whole index does, and with both other parts added it is the whole.
    #[test]
    fn index_parts_answer_as_the_whole(corpus in random_corpus(), f in random_filter()) {
        let built = Index::new(&corpus);
        let (base, documents, words) = built.to_parts();
        let n = corpus.events.len();
        let partial = Index::from_base(&base, n).expect("base decodes");
        prop_assert!(!partial.has_text() && !partial.has_documents());
        let without = Filter { text: String::new(), sources: vec![], ..f.clone() };
        prop_assert_eq!(partial.results(&without), built.results(&without));
        prop_assert_eq!(partial.summary(), built.summary());
        let whole = partial.with_documents(&documents).expect("documents").with_text(&words).expect("words");
        prop_assert!(whole.has_text() && whole.has_documents());
        prop_assert_eq!(whole.results(&f), built.results(&f));
        prop_assert_eq!(whole.facet_counts(&f), built.facet_counts(&f));
        prop_assert!(partial.with_text(&documents).is_err() || documents.len() == words.len());
    }

    /// Damaged bytes are an error or an index that still answers without
    /// panicking; never a panic.
    #[test]
    fn damaged_index_bytes_never_panic(
        corpus in random_corpus(),
        f in random_filter(),
        cut in 0usize..4000,
        flips in proptest::collection::vec((0usize..4000, any::<u8>()), 0..6),
    ) {
        let mut bytes = Index::new(&corpus).to_bytes().expect("encodes");
        for (at, b) in flips {
            if let Some(x) = bytes.get_mut(at) {
                *x ^= b;
            }
        }
        bytes.truncate(cut.max(bytes.len() / 2));
        if let Ok(ix) = Index::from_bytes(&bytes, corpus.events.len()) {
            let _ = ix.results(&f);
            let _ = ix.facet_counts(&f);
            let _ = ix.month_groups(&ix.results(&f));
        }
        prop_assert!(Index::from_bytes(&[], corpus.events.len()).is_err() || corpus.events.is_empty());
    }
}

#[test]
fn index_of_another_corpus_size_is_refused() {
    let corpus = super::corpora::mali();
    let bytes = Index::new(&corpus).to_bytes().expect("encodes");
    assert!(Index::from_bytes(&bytes, corpus.events.len()).is_ok());
    assert!(Index::from_bytes(&bytes, corpus.events.len() + 1).is_err());
}
