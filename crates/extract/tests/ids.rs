//! Permanent ids: growing, shrinking, renaming or reordering the corpus
//! changes no existing claim or event id. The seeds are copied at test time
//! into a folder under `target/`, with articles written for this test.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use counterclaim_extract::load::load_dir;
use counterclaim_extract::Corpus;

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A fresh folder under `target/` holding the seeds plus `extra` articles.
fn corpus_with(name: &str, extra: &[(&str, &str)], skip: &[&str]) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/test-ids")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(seeds()).unwrap() {
        let path = entry.unwrap().path();
        let file = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !skip.contains(&file.as_str()) {
            std::fs::copy(&path, dir.join(&file)).unwrap();
        }
    }
    for (file, text) in extra {
        std::fs::write(dir.join(file), text).unwrap();
    }
    let corpus = load_dir(&dir).expect("corpus loads");
    let _ = std::fs::remove_dir_all(&dir);
    corpus
}

// Articles written for this test: unrelated incidents (other places, earlier
// dates) so that they add events without touching the seeds' ones.
const EARLIER_MENAKA: &str = "+++\ntitle = \"Clash near Menaka\"\npublished = 2023-03-02\n+++\n\
Fighting broke out near Menaka on Tuesday, February 28, 2023, residents said.\n\n\
The army said it had repelled an attack by jihadists near Menaka on February 28, 2023.\n";
const EARLIER_DJENNE: &str = "+++\ntitle = \"Market attack in Djenne\"\npublished = 2023-04-10\n+++\n\
Gunmen attacked the market of Djenne on Saturday, April 8, 2023, local officials said.\n\n\
A local elected official said the attackers burned several stalls in Djenne.\n";

/// Claim id → (document, start, end), event id → its claims.
fn ids(c: &Corpus) -> (HashMap<&str, (&str, u32, u32)>, HashMap<&str, Vec<&str>>) {
    let claims = c
        .claims
        .iter()
        .map(|x| (x.id.as_str(), (x.document.as_str(), x.start, x.end)))
        .collect();
    let events = c
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.claims.iter().map(String::as_str).collect()))
        .collect();
    (claims, events)
}

/// Every claim of `base` still has its id in `grown` (same document and
/// span) and every event of `base` still has its id, with its claims.
fn assert_ids_kept(base: &Corpus, grown: &Corpus, what: &str) {
    let (bc, be) = ids(base);
    let (gc, ge) = ids(grown);
    for (id, at) in &bc {
        assert_eq!(gc.get(id), Some(at), "{what}: claim {id} changed");
    }
    for (id, claims) in &be {
        let Some(now) = ge.get(id) else {
            panic!("{what}: event {id} is gone; now {:?}", ge.keys().collect::<Vec<_>>())
        };
        for c in claims {
            assert!(now.contains(c), "{what}: event {id} lost claim {c}");
        }
    }
}

#[test]
fn ids_are_readable() {
    let c = corpus_with("plain", &[], &[]);
    for e in &c.events {
        assert!(e.id.starts_with(&e.start), "{}", e.id);
        assert!(e.id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'), "{}", e.id);
    }
    assert!(c.events.iter().any(|e| e.id == "2023-11-11-kidal-armed-clash"), "{:?}",
        c.events.iter().map(|e| &e.id).collect::<Vec<_>>());
}

#[test]
fn ids_survive_added_removed_renamed_and_reordered_articles() {
    let base = corpus_with("base", &[], &[]);
    // two earlier reports; one named to sort before every seed
    let grown = corpus_with(
        "grown",
        &[("000_aaa_menaka.txt", EARLIER_MENAKA), ("zzz_djenne.txt", EARLIER_DJENNE)],
        &[],
    );
    assert!(grown.events.len() > base.events.len(), "the added reports add events");
    assert_ids_kept(&base, &grown, "two articles added");
    // the same added articles under other names
    let renamed = corpus_with(
        "renamed",
        &[("menaka_report.txt", EARLIER_MENAKA), ("0_djenne.txt", EARLIER_DJENNE)],
        &[],
    );
    assert_ids_kept(&base, &renamed, "added articles renamed");
    // a renamed article's claims are renamed with it, its events are not
    let mut grown_events: Vec<&str> = grown.events.iter().map(|e| e.id.as_str()).collect();
    let mut renamed_events: Vec<&str> = renamed.events.iter().map(|e| e.id.as_str()).collect();
    grown_events.sort();
    renamed_events.sort();
    assert_eq!(grown_events, renamed_events, "added articles renamed: event ids");
}

#[test]
fn removing_an_article_keeps_the_other_ids() {
    let base = corpus_with("base2", &[], &[]);
    let removed = "003_8bb7c22e07e2d0b2.txt";
    let smaller = corpus_with("smaller", &[], &[removed]);
    let doc = removed.trim_end_matches(".txt");
    let (bc, _) = ids(&base);
    let (sc, _) = ids(&smaller);
    for (id, at) in bc.iter().filter(|(_, at)| at.0 != doc) {
        assert_eq!(sc.get(id), Some(at), "claim {id} changed when {removed} was removed");
    }
}

#[test]
fn an_edit_elsewhere_in_an_article_keeps_its_claim_ids() {
    let base = corpus_with("base3", &[], &[]);
    let file = "001_321dd51f9c821d76.txt";
    let text = std::fs::read_to_string(seeds().join(file)).unwrap();
    // a paragraph written for this test, put first: every offset shifts
    let edited = format!("Editor's update: this report was checked against the wire.\n\n{text}");
    let corpus = corpus_with("edited", &[(file, &edited)], &[]);
    let doc = file.trim_end_matches(".txt");
    let quote_of = |c: &Corpus| -> HashMap<String, String> {
        c.claims
            .iter()
            .filter(|x| x.document == doc)
            .map(|x| (x.id.clone(), x.quote.clone()))
            .collect()
    };
    let before = quote_of(&base);
    let after = quote_of(&corpus);
    assert!(!before.is_empty());
    for (id, quote) in &before {
        assert_eq!(after.get(id), Some(quote), "claim {id} lost its id after an edit elsewhere");
    }
}
