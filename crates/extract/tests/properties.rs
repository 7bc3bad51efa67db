//! Property tests of the article parser: it never panics on any text or
//! bytes, it is deterministic, every extracted quote is exactly the text its
//! offsets point at, and the binary encoding round-trips.

use std::path::Path;
use std::sync::OnceLock;

use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::load::parse_corpus;
use counterclaim_extract::mentions::Lexicon;
use counterclaim_extract::pipeline::{assemble, parse_article, Options};
use counterclaim_extract::synth::{synth_articles, synth_labelled};
use counterclaim_extract::text::{cp_len, slice_cp};
use counterclaim_extract::{decode, encode, Corpus};
use proptest::prelude::*;

fn seeds_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"))
}

/// The seed gazetteer, loaded once for all tests.
fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        Gazetteer::load(&seeds_dir().join("gazetteer.toml")).expect("seed gazetteer loads")
    })
}

fn seed_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(seeds_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

fn synth_files(gaz: &Gazetteer, n: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    synth_articles(gaz, n, seed)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect()
}

/// Every offset-bearing item of the corpus points at the text it quotes, and
/// every span lies inside its document.
fn assert_offsets_consistent(corpus: &Corpus) {
    let doc = |id: &str| {
        corpus
            .documents
            .iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("unknown document {id}"))
    };
    for c in &corpus.claims {
        let d = doc(&c.document);
        assert!(
            c.start <= c.end && c.end <= cp_len(&d.text),
            "claim {} span {}..{} out of bounds",
            c.id,
            c.start,
            c.end
        );
        assert_eq!(
            c.quote,
            slice_cp(&d.text, c.start, c.end),
            "claim {} quote differs from its span",
            c.id
        );
    }
    for e in &corpus.events {
        for cv in &e.caveats {
            let d = doc(&cv.document);
            assert!(
                cv.start <= cv.end && cv.end <= cp_len(&d.text),
                "caveat of {} out of bounds",
                e.id
            );
            assert_eq!(
                cv.quote,
                slice_cp(&d.text, cv.start, cv.end),
                "caveat of event {} differs from its span",
                e.id
            );
        }
    }
    for d in &corpus.documents {
        let len = cp_len(&d.text);
        for s in d
            .paragraphs
            .iter()
            .chain(&d.sentences)
            .chain(&d.boilerplate)
        {
            assert!(
                s.start <= s.end && s.end <= len,
                "{}: span {s:?} out of bounds ({len})",
                d.id
            );
        }
    }
}

#[test]
fn seed_quotes_match_their_offsets() {
    let corpus = parse_corpus(&seed_files(), gazetteer()).expect("seeds parse");
    assert_eq!(corpus.documents.len(), 5);
    assert_offsets_consistent(&corpus);
}

#[test]
fn synthetic_quotes_match_their_offsets_and_yield_claims_and_events() {
    let gaz = gazetteer();
    let files = synth_files(gaz, 200, 42);
    let corpus = parse_corpus(&files, gaz).expect("synthetic articles parse");
    assert_eq!(corpus.documents.len(), 200);
    assert!(
        !corpus.claims.is_empty(),
        "the engine extracts claims from synthetic copy"
    );
    assert!(
        !corpus.events.is_empty(),
        "the engine extracts events from synthetic copy"
    );
    assert_offsets_consistent(&corpus);
}

/// How well the engine recovers what each synthetic story reports: for
/// every kind of story, at least 90% of its articles have an event of that
/// kind.
#[test]
fn synthetic_stories_get_their_event_kind() {
    let gaz = gazetteer();
    let labelled = synth_labelled(gaz, 200, 42);
    let files: Vec<(String, Vec<u8>)> = labelled
        .iter()
        .map(|a| (a.name.clone(), a.text.clone().into_bytes()))
        .collect();
    let corpus = parse_corpus(&files, gaz).unwrap();
    let mut report = Vec::new();
    let mut kinds: Vec<_> = labelled.iter().map(|a| a.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let docs: Vec<&str> = labelled
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.name.trim_end_matches(".txt"))
            .collect();
        let found = docs
            .iter()
            .filter(|d| {
                corpus
                    .events
                    .iter()
                    .any(|e| e.kind == kind && e.documents.iter().any(|x| x == *d))
            })
            .count();
        report.push((kind, found, docs.len()));
    }
    let failing: Vec<_> = report
        .iter()
        .filter(|(_, found, n)| *found * 10 < *n * 9)
        .collect();
    assert!(
        failing.is_empty(),
        "kinds found in under 90% of their stories: {failing:?}\nall: {report:?}"
    );
}

#[test]
fn synth_is_deterministic_per_seed() {
    let gaz = gazetteer();
    assert_eq!(synth_articles(gaz, 20, 5), synth_articles(gaz, 20, 5));
    assert_ne!(synth_articles(gaz, 20, 5), synth_articles(gaz, 20, 6));
    // A prefix of a longer run is the shorter run.
    assert_eq!(
        synth_articles(gaz, 30, 5)[..20],
        synth_articles(gaz, 20, 5)[..]
    );
}

#[test]
fn synth_survives_an_empty_gazetteer() {
    let gaz = Gazetteer::default();
    let files = synth_files(&gaz, 20, 1);
    assert_eq!(files.len(), 20);
    let corpus = parse_corpus(&files, &gaz).expect("synthetic articles parse without a gazetteer");
    assert_offsets_consistent(&corpus);
}

#[test]
fn encode_decode_round_trips_on_seeds_and_synth() {
    let gaz = gazetteer();
    for files in [seed_files(), synth_files(gaz, 50, 3)] {
        let corpus = parse_corpus(&files, gaz).unwrap();
        let bytes = encode(&corpus).unwrap();
        assert_eq!(decode(&bytes).unwrap(), corpus);
    }
}

#[test]
fn newsy_fragments_reach_the_extractor() {
    // The generated texts are built from these fragments; glued together they
    // must give claims, so the properties below exercise the extraction, not
    // only the rejection paths.
    let text = "The Malian army said on Thursday it had retaken Anéfis. \"They lost 47 soldiers,\" said Attaye Ag Mohamed. \
                The claims could not be independently verified.";
    let corpus = parse_one(text.as_bytes()).expect("parses");
    assert!(corpus.claims.len() >= 2, "{:#?}", corpus.claims);
    assert_offsets_consistent(&corpus);
}

/// Text that looks like wire copy often enough to reach the extractor:
/// fragments of real sentences, quotes, numbers, front-matter markers and
/// odd characters, glued at random.
fn newsy_text() -> impl Strategy<Value = String> {
    let fragment = prop_oneof![
        Just("The Malian army said on Thursday ".to_string()),
        Just("the CSP denied the account. ".to_string()),
        Just("\u{201c}We control Kidal,\u{201d} a spokesman said. ".to_string()),
        Just("\"They lost 47 soldiers,\" said Attaye Ag Mohamed. ".to_string()),
        Just("according to a local elected official, ".to_string()),
        Just("near Anéfis, 110 km south of Kidal, on November 12, 2023. ".to_string()),
        Just("The claims could not be independently verified. ".to_string()),
        Just("\n\n".to_string()),
        Just("+++\n".to_string()),
        Just("title = \"x\"\n".to_string()),
        Just("published = 2023-10-05\n".to_string()),
        Just("BAMAKO, Oct 5 (AFP) - ".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r\n".to_string()),
        "\\PC{0,12}",
        "[ a-zA-Z0-9.,;:!?\"'“”«»()\\-–—\n]{0,40}",
    ];
    prop::collection::vec(fragment, 0..24).prop_map(|v| v.concat())
}

/// The seed gazetteer compiled once (building it is the costly part of
/// `parse_corpus` for one small article).
fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::new(gazetteer().clone()))
}

/// Parse articles with the per-article parser and group them into a corpus,
/// as `parse_corpus` does; `None` when an article is rejected.
fn parse_many(texts: &[&[u8]]) -> Option<Corpus> {
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            parse_article(
                &format!("article{i}.txt"),
                bytes,
                lexicon(),
                Options::default(),
            )
            .ok()
        })
        .collect::<Option<Vec<_>>>()?;
    Some(assemble(articles, lexicon()))
}

fn parse_one(bytes: &[u8]) -> Option<Corpus> {
    parse_many(&[bytes])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics_and_is_deterministic(text in newsy_text()) {
        let a = parse_one(text.as_bytes());
        let b = parse_one(text.as_bytes());
        prop_assert_eq!(&a, &b);
        if let Some(corpus) = a {
            assert_offsets_consistent(&corpus);
            let bytes = encode(&corpus).unwrap();
            prop_assert_eq!(&bytes, &encode(&b.unwrap()).unwrap());
            prop_assert_eq!(decode(&bytes).unwrap(), corpus);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let a = parse_one(&bytes);
        prop_assert_eq!(&a, &parse_one(&bytes));
        if let Some(corpus) = a {
            assert_offsets_consistent(&corpus);
        }
    }

    #[test]
    fn several_articles_group_without_panics(texts in prop::collection::vec(newsy_text(), 2..5)) {
        let bytes: Vec<&[u8]> = texts.iter().map(|t| t.as_bytes()).collect();
        let a = parse_many(&bytes);
        prop_assert_eq!(&a, &parse_many(&bytes));
        if let Some(corpus) = a {
            assert_offsets_consistent(&corpus);
            prop_assert_eq!(corpus.documents.len(), texts.len());
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        let a = parse_one(text.as_bytes());
        prop_assert_eq!(&a, &parse_one(text.as_bytes()));
    }
}

proptest! {
    // `parse_corpus` compiles the gazetteer on each call: fewer cases.
    #![proptest_config(ProptestConfig { cases: 32, .. ProptestConfig::default() })]

    #[test]
    fn parse_corpus_never_panics_and_is_deterministic(texts in prop::collection::vec(newsy_text(), 1..4)) {
        let files: Vec<(String, Vec<u8>)> =
            texts.iter().enumerate().map(|(i, t)| (format!("a{i}.txt"), t.as_bytes().to_vec())).collect();
        let a = parse_corpus(&files, gazetteer()).ok();
        // Input order does not matter: articles are taken in path order.
        let mut reversed = files.clone();
        reversed.reverse();
        prop_assert_eq!(&a, &parse_corpus(&reversed, gazetteer()).ok());
        if let Some(corpus) = a {
            assert_offsets_consistent(&corpus);
            prop_assert_eq!(decode(&encode(&corpus).unwrap()).unwrap(), corpus);
        }
    }
}
