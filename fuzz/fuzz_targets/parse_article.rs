//! Fuzz the per-article parser with arbitrary bytes: it must return `Ok` or
//! `Err`, never panic, and keep every claim quote equal to its span.
#![no_main]

use std::sync::OnceLock;

use counterclaim_corpus::gazetteer::Gazetteer;
use counterclaim_corpus::load::parse_corpus;
use counterclaim_corpus::text::slice_cp;
use libfuzzer_sys::fuzz_target;

fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        Gazetteer::parse(include_str!("../../seeds/gazetteer.toml")).expect("seed gazetteer parses")
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(corpus) = parse_corpus(&[("fuzz.txt".to_string(), data.to_vec())], gazetteer()) {
        for c in &corpus.claims {
            let doc = corpus.documents.iter().find(|d| d.id == c.document).expect("claim's document exists");
            assert_eq!(c.quote, slice_cp(&doc.text, c.start, c.end));
        }
    }
});
