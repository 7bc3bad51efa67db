//! Hand-checked filter results and facet counts on the small Mali corpus.

use super::corpora::mali;
use crate::model::EventKind;
use crate::query::{FacetValue, Filter, Index};

fn index() -> Index {
    Index::new(&mali())
}

fn res(f: Filter) -> Vec<usize> {
    index().results(&f)
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn counts(values: &[FacetValue]) -> Vec<(&str, usize, bool)> {
    values.iter().map(|v| (&*v.key, v.count, v.selected)).collect()
}

#[test]
fn empty_filter_gives_every_event_in_date_order_undated_last() {
    assert_eq!(res(Filter::default()), [0, 1, 2, 4, 3]);
}

#[test]
fn actors_include_claim_speakers_and_or_within_the_facet() {
    assert_eq!(res(Filter { actors: ids(&["cma"]), ..Default::default() }), [0]);
    assert_eq!(res(Filter { actors: ids(&["fama", "minusma"]), ..Default::default() }), [0, 1, 2, 4]);
    assert_eq!(res(Filter { actors: ids(&["ghost"]), ..Default::default() }), [3], "dangling actor ids still filter");
}

#[test]
fn facets_are_and_ed() {
    let f = Filter { actors: ids(&["fama"]), places: ids(&["kidal"]), ..Default::default() };
    assert_eq!(res(f.clone()), [2, 4]);
    assert_eq!(res(Filter { kinds: vec![EventKind::AirDroneStrike], ..f }), [2]);
}

#[test]
fn sides_come_from_actors_and_claims() {
    assert_eq!(res(Filter { sides: vec!["rebels".into()], ..Default::default() }), [0]);
    assert_eq!(res(Filter { sides: vec!["local".into()], ..Default::default() }), [2], "claim side only");
    assert_eq!(res(Filter { sides: vec!["international".into()], ..Default::default() }), [1]);
    assert_eq!(res(Filter { sides: vec!["jihadists".into(), "observers".into()], ..Default::default() }), [3]);
}

/// An editor's camps: the facet, the filter and the URL use their ids.
#[test]
fn editor_camps_filter_by_id_and_unknown_ids_filter_nothing() {
    use crate::model::Camp;
    use crate::query::ViewState;
    let mut c = mali();
    let camp = |id: &str, label: &str| Camp { id: id.into(), label: label.into(), hint: String::new(), colour: None };
    // the same actors, regrouped in three camps (positions 0, 1, 2)
    c.camps = vec![camp("army-allies", "Army & allies"), camp("front_2", "Front & allies"), camp("monitors", "Monitors")];
    let ix = Index::new(&c);
    let r = |sides: &[&str]| ix.results(&Filter { sides: ids(sides), ..Default::default() });
    assert_eq!(r(&["front_2"]), [0]);
    assert_eq!(r(&["monitors"]), [3]);
    let counts_of = ix.facet_counts(&Filter::default());
    let labels: Vec<(&str, &str)> = counts_of.sides.iter().map(|v| (&*v.key, &*v.label)).collect();
    assert_eq!(labels, [("army-allies", "Army & allies"), ("front_2", "Front & allies"), ("monitors", "Monitors")]);
    // an id from another corpus (an old link) is ignored, alone or not
    assert_eq!(r(&["rebels"]), ix.results(&Filter::default()));
    assert_eq!(r(&["rebels", "front_2"]), [0]);
    assert!(counts_of.sides.iter().all(|v| !v.selected));
    // the URL keeps the camp id through a round trip
    let s = ViewState::from_query("side=front_2,army-allies");
    assert_eq!(s.filter.sides, ["army-allies", "front_2"]);
    assert_eq!(s.to_query(), "side=army-allies,front_2");
    assert_eq!(ViewState::from_query(&s.to_query()), s);
}

#[test]
fn sources_match_outlets_and_documents() {
    assert_eq!(res(Filter { sources: ids(&["le-monde"]), ..Default::default() }), [0, 4]);
    assert_eq!(res(Filter { sources: ids(&["d1"]), ..Default::default() }), [1]);
    assert_eq!(res(Filter { sources: ids(&["rfi", "d2"]), ..Default::default() }), [1, 2]);
    assert_eq!(res(Filter { sources: ids(&["d9"]), ..Default::default() }), [3]);
    assert!(res(Filter { sources: ids(&["nowhere"]), ..Default::default() }).is_empty());
}

#[test]
fn date_range_matches_overlaps() {
    let range = |from: Option<&str>, to: Option<&str>| {
        res(Filter { from: from.map(Into::into), to: to.map(Into::into), ..Default::default() })
    };
    assert_eq!(range(Some("2023-10-06"), Some("2023-10-31")), [0, 1]);
    assert_eq!(range(Some("2023-11-15"), None), [4], "reversed event dates are reordered");
    assert_eq!(range(None, Some("2023-10-05")), [0]);
    assert!(range(Some("2023-11-01"), Some("2023-10-01")).is_empty());
    assert_eq!(range(Some("2023-02-30"), Some("not a date")), [0, 1, 2, 4, 3], "invalid bounds are ignored");
}

#[test]
fn text_search_folds_and_requires_every_word() {
    let q = |t: &str| res(Filter { text: t.into(), ..Default::default() });
    assert_eq!(q("anefis"), [0]);
    assert_eq!(q("ANÉFIS"), [0]);
    assert_eq!(q("kid"), [1, 2, 4], "open last word is a prefix");
    assert!(q("kid ").is_empty(), "closed word must match whole");
    assert_eq!(q("drone kidal"), [2]);
    assert_eq!(q("deny, convoy!"), [0], "claim quotes are searched");
    assert_eq!(q("withdrawal"), [1], "claims linked by Claim::event");
    assert!(q("kidal withdrawal tessalit").is_empty());
    assert_eq!(q("  ,  "), [0, 1, 2, 4, 3], "no words = no constraint");
}

#[test]
fn contested_only() {
    assert_eq!(res(Filter { contested: true, ..Default::default() }), [0]);
}

#[test]
fn unknown_ids_match_nothing_without_panicking() {
    let f = Filter { actors: ids(&["nobody"]), places: ids(&["atlantis"]), ..Default::default() };
    assert!(res(f.clone()).is_empty());
    let c = index().facet_counts(&f);
    assert_eq!(c.total, 0);
    assert!(c.actors.iter().any(|v| &*v.key == "nobody" && v.count == 0 && v.selected && &*v.label == "nobody"));
}

#[test]
fn facet_counts_ignore_their_own_facet() {
    let ix = index();
    let f = Filter { actors: ids(&["fama"]), ..Default::default() };
    let c = ix.facet_counts(&f);
    assert_eq!(c.total, 3);
    assert_eq!(
        counts(&c.actors),
        [("fama", 3, true), ("wagner", 2, false), ("cma", 1, false), ("ghost", 1, false), ("gsim", 1, false), ("minusma", 1, false)]
    );
    assert_eq!(counts(&c.places), [("kidal", 2, false), ("anefis", 1, false)]);
    assert_eq!(counts(&c.sides), [("state", 3, false), ("rebels", 1, false), ("local", 1, false)]);
    assert_eq!(
        counts(&c.kinds),
        [("armed_clash", 1, false), ("government_regains_territory", 1, false), ("air_drone_strike", 1, false)]
    );
    assert_eq!(counts(&c.outlets), [("le-monde", 2, false)]);
    assert_eq!(counts(&c.documents), [("d0", 2, false), ("d2", 1, false)]);
    assert_eq!(c.documents[1].label.as_ref(), "d2", "untitled document labelled by id");
    assert_eq!((c.contested.count, c.contested.selected), (1, false));

    // Selecting a second actor: counts within the actor facet do not move.
    let f2 = Filter { actors: ids(&["fama", "cma"]), contested: true, ..Default::default() };
    let c2 = ix.facet_counts(&f2);
    assert_eq!(counts(&c2.actors), [("cma", 1, true), ("fama", 1, true), ("wagner", 1, false)]);
    assert_eq!(c2.contested.count, 1);
    assert_eq!(c2.total, 1);
}

#[test]
fn labels_and_lookups() {
    let ix = index();
    assert_eq!(ix.actor_label("fama"), Some("FAMa"));
    assert_eq!(ix.place_label("anefis"), Some("Anéfis"));
    assert_eq!(ix.source_label("le-monde"), Some("Le Monde"));
    assert_eq!(ix.source_label("d1"), Some("Minusma leaves"));
    assert_eq!(ix.event_index("e4"), Some(4));
    assert_eq!(ix.event_index("e5"), None);
    let c = ix.facet_counts(&Filter::default());
    let bamako = c.places.iter().find(|v| &*v.key == "bamako");
    assert!(bamako.is_none(), "zero-count unselected values are not listed");
    let c = ix.facet_counts(&Filter { places: ids(&["bamako"]), ..Default::default() });
    assert_eq!(c.places.iter().find(|v| &*v.key == "bamako").map(|v| (&*v.label, v.count)), Some(("Bamako", 0)));
}

#[test]
fn summary_and_month_groups() {
    let ix = index();
    let s = ix.summary();
    assert_eq!((s.documents, s.events, s.claims, s.actors, s.places), (3, 5, 4, 5, 4));
    assert_eq!((s.first.as_deref(), s.last.as_deref()), (Some("2023-10-05"), Some("2023-11-15")));
    let r = ix.results(&Filter::default());
    let g = ix.month_groups(&r);
    let got: Vec<(&str, &str, std::ops::Range<usize>)> = g.iter().map(|g| (&*g.key, &*g.label, g.range.clone())).collect();
    assert_eq!(
        got,
        [("2023-10", "October 2023", 0..2), ("2023-11", "November 2023", 2..4), ("undated", "Undated", 4..5)]
    );
}

#[test]
fn empty_corpus_is_fine() {
    let ix = Index::new(&Default::default());
    let f = Filter { text: "kidal".into(), from: Some("2023-01-01".into()), ..Default::default() };
    assert!(ix.results(&f).is_empty());
    assert_eq!(ix.facet_counts(&f).total, 0);
    assert_eq!(ix.summary().first, None);
}

#[test]
fn duplicate_and_dangling_ids_are_tolerated() {
    let mut c = mali();
    // A second event reusing id e0, listing a claim twice and a missing one.
    let mut dup = c.events[0].clone();
    dup.title = "Second e0".into();
    dup.claims = vec!["c0".into(), "c0".into(), "nope".into()];
    c.events.push(dup);
    // A claim pointing at an event that does not exist, and a duplicate claim id.
    c.claims.push(super::corpora::claim("c9", "d1", "orphan words", Some("cma"), None, Some("e404")));
    c.claims.push(super::corpora::claim("c0", "d1", "shadowed quote", Some("gsim"), None, None));
    let ix = Index::new(&c);
    assert_eq!(ix.event_index("e0"), Some(0), "first event with an id wins the lookup");
    assert_eq!(ix.results(&Filter { text: "second".into(), ..Default::default() }), [5]);
    assert!(ix.results(&Filter { text: "orphan".into(), ..Default::default() }).is_empty());
    assert!(ix.results(&Filter { text: "shadowed".into(), ..Default::default() }).is_empty(), "first claim with an id wins");
    // The duplicate is dated like e0 and sorts right after it.
    assert_eq!(ix.results(&Filter::default()), [0, 5, 1, 2, 4, 3]);
    let counts = ix.facet_counts(&Filter::default());
    assert_eq!(counts.actors.iter().find(|v| &*v.key == "fama").map(|v| v.count), Some(4));
}

#[test]
fn one_letter_prefixes_use_precomputed_unions_with_the_same_results() {
    use super::corpora::{event, naive_events, naive_results};
    // 40 events, titles drawn from 30 words starting with k, é (folded to e)
    // or other letters, so that k and e start more than 16 words each.
    let words: Vec<String> = (0..30)
        .map(|i| match i % 3 {
            0 => format!("k{i}x"),
            1 => format!("É{i}y"),
            _ => format!("z{i}"),
        })
        .collect();
    let mut c = mali();
    c.events = (0..40)
        .map(|i| {
            let title = format!("{} {}", words[(i * 7) % 30], words[(i * 11 + 3) % 30]);
            event(&format!("e{i}"), &title, EventKind::Other, ("2023-10-01", "2023-10-02"), &[], &[], &[], &[], false)
        })
        .collect();
    // More words per initial: pad with extra single-word events.
    for i in 0..40 {
        c.events.push(event(&format!("p{i}"), &format!("k{i}pad é{i}pad"), EventKind::Other, ("", ""), &[], &[], &[], &[], false));
    }
    let ix = Index::new(&c);
    assert!(ix.text.initials.iter().any(|(ch, _)| *ch == 'k') && ix.text.initials.iter().any(|(ch, _)| *ch == 'e'));
    let naive = naive_events(&c);
    for q in ["k", "K", "é", "e", "z", "k1", "k 1", "z2 k", "e1", "q"] {
        let f = Filter { text: q.into(), ..Default::default() };
        assert_eq!(ix.results(&f), naive_results(&naive, &f), "{q:?}");
    }
    assert!(ix.results(&Filter { text: "k".into(), ..Default::default() }).len() > 40, "pads and some titled events");
}
