//! Camps defined by the editor (`tests/fixtures/camps`: a made-up war whose
//! corpus.toml defines three camps and whose gazetteer puts a foreign
//! state's army in the Front's camp): the corpus carries the camps, actors
//! and claims name them, disputes are computed between camps, the downloads
//! and the static view use their labels.

use std::path::PathBuf;

use counterclaim_extract::export_rows::{to_csv, CorpusIds};
use counterclaim_extract::load::load_dir;
use counterclaim_extract::model::{ActorKind, CampIx, Corpus};

fn fixture() -> Corpus {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/camps");
    load_dir(&dir).unwrap_or_else(|e| panic!("{e}"))
}

fn camp_of<'c>(c: &'c Corpus, ix: Option<CampIx>) -> &'c str {
    ix.and_then(|i| c.camp(i)).map_or("", |camp| camp.id.as_str())
}

#[test]
fn the_corpus_carries_the_editors_camps_in_order() {
    let c = fixture();
    let camps: Vec<(&str, &str)> = c.camps.iter().map(|x| (x.id.as_str(), x.label.as_str())).collect();
    assert_eq!(camps, [("gov", "Government & allies"), ("front", "Front & allies"), ("monitors", "Monitors")]);
    assert_eq!(c.camps[1].colour.as_deref(), Some("#2e8b57"));
    let vesk = c.actors.iter().find(|a| a.id == "vesk").unwrap();
    assert_eq!((camp_of(&c, Some(vesk.side)), vesk.kind), ("front", Some(ActorKind::ForeignState)));
}

#[test]
fn disputes_are_between_camps_whoever_fights_in_them() {
    let c = fixture();
    let tarvel = c.events.iter().find(|e| e.places == ["tarvel"]).expect("the Tarvel event");
    assert!(tarvel.contested, "{tarvel:#?}");
    // the army's entry against the foreign legion's outcome: two camps
    let d = &tarvel.disputes[0];
    let camps: Vec<&str> =
        d.claims.iter().map(|id| camp_of(&c, c.claims.iter().find(|x| &x.id == id).and_then(|x| x.side))).collect();
    assert!(camps.contains(&"gov") && camps.contains(&"front"), "{d:?} {camps:?}");
    // military targets against a civilian toll counted by the monitors
    let oskar = c.events.iter().find(|e| e.places == ["oskar"]).expect("the Oskar event");
    assert!(oskar.contested && oskar.disputes.iter().any(|d| d.reason.contains("military targets")), "{oskar:#?}");
    for ev in &c.events {
        for d in &ev.disputes {
            let mut camps: Vec<&str> =
                d.claims.iter().map(|id| camp_of(&c, c.claims.iter().find(|x| &x.id == id).and_then(|x| x.side))).collect();
            camps.dedup();
            assert!(camps.len() >= 2, "a dispute within one camp: {d:?}");
        }
    }
}

#[test]
fn the_static_view_and_the_downloads_use_the_camps() {
    let c = fixture();
    let page = counterclaim_extract::opening::render(&c);
    // chips coloured by the camp's position: the legion is in camp 1
    assert!(page.body.contains("<li class=\"chip camp-1\">Vesk Legion</li>"), "{}", page.body);
    assert!(page.body.contains("<li class=\"chip camp-0\">Orland Armed Forces</li>"), "{}", page.body);
    // the editor's colour, for the start-up script (no inline style)
    assert!(page.head.ends_with("<meta name=\"camp-colours\" content=\"1:#2e8b57\">"), "{}", page.head);
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    assert!(!counterclaim_extract::opening::render(&load_dir(&seeds).unwrap()).head.contains("camp-colours"));
    let ids = CorpusIds::new(&c);
    let all: Vec<usize> = (0..c.events.len()).collect();
    let csv = to_csv(&c, &ids, &all);
    assert!(csv.contains("Government & allies; Front & allies"), "{csv}");
    assert!(csv.contains(",Monitors,"), "{csv}");
}
