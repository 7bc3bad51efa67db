//! Fuzz the per-article parser with arbitrary bytes: it must return `Ok` or
//! `Err`, never panic; a parsed article must group into a corpus whose claim
//! and caveat quotes are exactly the text at their offsets.
#![no_main]

use std::sync::OnceLock;

use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::mentions::Lexicon;
use counterclaim_extract::pipeline::{assemble, parse_article, Options};
use counterclaim_extract::text::slice_cp;
use libfuzzer_sys::fuzz_target;

/// The seed gazetteer, compiled once per fuzzing process.
fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let gaz = Gazetteer::parse(include_str!("../../seeds/gazetteer.toml"))
            .expect("seed gazetteer parses");
        Lexicon::new(gaz)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(article) = parse_article("fuzz.txt", data, lexicon(), Options::default()) else {
        return;
    };
    let corpus = assemble(vec![article], lexicon());
    let doc = &corpus.documents[0];
    for c in &corpus.claims {
        assert_eq!(
            c.quote,
            slice_cp(&doc.text, c.start, c.end),
            "claim {}",
            c.id
        );
    }
    for e in &corpus.events {
        for cv in &e.caveats {
            assert_eq!(
                cv.quote,
                slice_cp(&doc.text, cv.start, cv.end),
                "caveat of {}",
                e.id
            );
        }
    }
});
