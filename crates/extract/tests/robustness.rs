//! The parser never panics and keeps its provenance promises on arbitrary
//! input: random mixes of the constructs the rules look at (quotes,
//! reporting verbs, names, dates, numbers, boilerplate cues, odd Unicode).

use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::load::parse_corpus;
use counterclaim_extract::text::slice_cp;
use proptest::prelude::*;
use std::path::Path;

const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "«",
    "»",
    "‘",
    "’",
    ",",
    ".",
    ". ",
    "?",
    "!",
    ":",
    ";",
    "(",
    ")",
    "—",
    " - ",
    "\n",
    "\n\n",
    " ",
    "  ",
    "said",
    "says",
    "told AFP",
    "according to",
    "denied",
    "replied",
    "she",
    "he",
    "they",
    "it",
    "The army",
    "the CSP",
    "Attaye Ag Mohamed",
    "a security official",
    "two security officials",
    "a rebel commander",
    "Col.",
    "U.N.",
    "Oct. 5",
    "Kidal",
    "Anéfis",
    "Gao",
    "Bamako airport",
    "Tin Zaouatine",
    "Kidal region",
    "northern Mali",
    "on Sunday",
    "Thursday, October 5",
    "2023",
    "in 2012",
    "since the night of November 3 to 4",
    "the day before",
    "two days earlier",
    "at the end of July",
    "47",
    "fourteen",
    "a dozen",
    "6,500",
    "km",
    "kilometers",
    "soldiers",
    "killed",
    "wounded",
    "vehicles",
    "out of",
    "clashed",
    "fighting",
    "drone strikes",
    "left",
    "reached",
    "abandoned its camp",
    "cut the telephone network",
    "took control of",
    "could",
    "never",
    "did not",
    "Read also |",
    "See also",
    "LEAVE A REPLY",
    "Please enter your comment!",
    "HomeNews",
    "With AFP",
    "BAMAKO, Mali (AP) —",
    "(Reuters) -",
    "+++",
    "title = \"x\"",
    "é",
    "𝔘",
    "\u{200b}",
    "\r\n",
    "\t",
    "0",
    "9999999999999999999999",
    "…",
];

fn gaz() -> &'static Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gazetteer.toml"))
            .unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn never_panics_and_quotes_are_spans(parts in proptest::collection::vec(0..PIECES.len(), 0..120), parts2 in proptest::collection::vec(0..PIECES.len(), 0..60)) {
        let a: String = parts.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let b: String = parts2.iter().map(|&i| PIECES[i]).collect();
        let files = vec![("a.txt".to_string(), a.into_bytes()), ("b.txt".to_string(), b.into_bytes())];
        if let Ok(corpus) = parse_corpus(&files, gaz()) {
            for c in &corpus.claims {
                let d = corpus.documents.iter().find(|d| d.id == c.document).unwrap();
                prop_assert_eq!(slice_cp(&d.text, c.start, c.end), c.quote.as_str());
            }
            for e in &corpus.events {
                prop_assert!(e.start <= e.end);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_corpus(&[("x.txt".to_string(), bytes)], gaz());
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        let _ = parse_corpus(&[("x.txt".to_string(), text.into_bytes())], gaz());
    }
}
