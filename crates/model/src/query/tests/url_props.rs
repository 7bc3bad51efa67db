//! Property tests of the URL state: round trip, canonical fixed point,
//! totality on garbage.

use proptest::prelude::*;

use crate::query::url::MAX_QUERY_BYTES;
use crate::query::{Filter, View, ViewState, KINDS};

/// Ids, mostly valid (including `#`, `:` and non-ASCII letters), sometimes
/// not (commas, edge spaces, empty) so that normalisation has work to do.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z0-9_#.:~-]{1,16}",
        2 => "[a-zé日 ]{1,6}",
        1 => "[ ,a-z]{0,4}",
    ]
}

fn ids() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(id(), 0..5)
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        2 => (1990i32..2030, 1u32..13, 1u32..32).prop_map(|(y, m, d)| Some(format!("{y:04}-{m:02}-{d:02}"))),
        1 => "[0-9-]{0,10}".prop_map(Some),
    ]
}

prop_compose! {
    fn state()(
        actors in ids(),
        sides in proptest::collection::vec("[a-z0-9_-]{1,12}", 0..4),
        places in ids(),
        kinds in proptest::collection::vec(proptest::sample::select(KINDS.to_vec()), 0..4),
        sources in ids(),
        from in date(),
        to in date(),
        contested in any::<bool>(),
        text in prop_oneof![Just(String::new()), ".{0,40}"],
        view in proptest::sample::select(View::ALL.to_vec()),
        event in proptest::option::of(id()),
        article in proptest::option::of(id()),
        claim in proptest::option::of(id()),
        uncertain in any::<bool>(),
        embed in any::<bool>(),
        child_id in proptest::option::of(id()),
    ) -> ViewState {
        ViewState {
            filter: Filter { actors, sides, places, kinds, sources, from, to, contested, text },
            view, event, article, claim, uncertain, embed, child_id,
        }
    }
}

/// Query-string-like garbage: real keys and values mixed with separators,
/// broken escapes and multi-byte characters.
fn garbage(max_fragments: usize) -> impl Strategy<Value = String> {
    const FRAGMENTS: &[&str] = &[
        "actor=", "side=", "place=", "kind=", "source=", "from=", "to=", "contested=", "q=", "view=", "event=",
        "article=", "claim=", "uncertain=", "embed", "childId=", "&", "&", "=", ",", ",", "%", "%2", "%C3%A9", "%FF", "%zz", "+",
        "#", "?", "fama", "cma", "rebels", "state", "armed_clash", "2023-10-01", "2024-02-30", "map", "articles", "1",
        "true", "é", "日本", " ", "%23", "%2C", "%26", "%3D", "\u{0}", "\u{7f}", "e3", "000_x%23c2",
    ];
    proptest::collection::vec(proptest::sample::select(FRAGMENTS), 0..max_fragments).prop_map(|v| v.concat())
}

fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => garbage(60),
        1 => any::<String>(),
        1 => "[%&=,+#?a-f0-9]{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn reading_what_was_written_gives_the_normalised_state(s in state()) {
        let q = s.to_query();
        prop_assert!(q.len() <= MAX_QUERY_BYTES);
        prop_assert!(q.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%&=,".contains(&b)), "{}", q);
        prop_assert_eq!(ViewState::from_query(&q), s.normalized());
        prop_assert_eq!(ViewState::from_query(&format!("?{q}")), s.normalized());
        prop_assert_eq!(q.is_empty(), s.normalized() == ViewState::default());
    }

    #[test]
    fn canonical_form_is_a_fixed_point(q in any_query()) {
        let once = ViewState::from_query(&q).to_query();
        let twice = ViewState::from_query(&once).to_query();
        prop_assert_eq!(&twice, &once);
        // The parsed state is already normalised.
        let s = ViewState::from_query(&q);
        prop_assert_eq!(s.normalized(), s);
    }

    #[test]
    fn never_panics_on_garbage(q in any_query()) {
        let _ = ViewState::from_query(&q);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn huge_queries_are_bounded_and_stable(q in garbage(3000), prefix in garbage(20)) {
        let q = format!("{prefix}{q}{q}");
        let s = ViewState::from_query(&q);
        for list in [&s.filter.actors, &s.filter.places, &s.filter.sources] {
            prop_assert!(list.len() <= crate::query::filter::MAX_VALUES);
        }
        prop_assert!(s.filter.text.chars().count() <= crate::query::filter::MAX_VALUE_CHARS);
        let once = s.to_query();
        prop_assert!(once.len() <= MAX_QUERY_BYTES);
        prop_assert_eq!(ViewState::from_query(&once).to_query(), once);
    }
}

#[test]
fn huge_hostile_inputs_do_not_panic() {
    for q in [
        "%".repeat(100_000),
        "&".repeat(100_000),
        "actor=".to_owned() + &"a,".repeat(100_000),
        "q=".to_owned() + &"é".repeat(100_000),
        "é".repeat(5000),
        "%C3".repeat(10_000),
    ] {
        let s = ViewState::from_query(&q);
        assert!(s.to_query().len() <= MAX_QUERY_BYTES);
    }
    // Many distinct actors within the byte limit: capped at MAX_VALUES.
    let many: Vec<String> = (0..500).map(|i| format!("a{i}")).collect();
    let s = ViewState::from_query(&format!("actor={}", many.join(",")));
    assert_eq!(s.filter.actors.len(), crate::query::filter::MAX_VALUES);
}
