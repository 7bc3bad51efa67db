//! Golden tests: the seeds (and the wire-style fixtures) parsed with the real
//! gazetteer, checked against expectations written by reading the articles
//! (`tests/golden/*.toml`, format described at the top of `seeds.toml`).
//! Every mismatch is listed with what was expected and what was found.
//! Also: provenance (every quote is exactly its span of the text),
//! determinism, and the corpus's internal references.

use std::path::{Path, PathBuf};

use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::load::parse_corpus;
use counterclaim_extract::text::slice_cp;
use counterclaim_extract::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Golden {
    #[serde(default)]
    article: Vec<ArticleExp>,
    #[serde(default)]
    event: Vec<EventExp>,
}

#[derive(Deserialize)]
struct ArticleExp {
    id: String,
    published: Option<String>,
    published_source: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    #[serde(default)]
    boilerplate: Vec<String>,
    #[serde(default)]
    claim: Vec<ClaimExp>,
}

#[derive(Deserialize)]
struct ClaimExp {
    quote: String,
    not_in_quote: Option<String>,
    speaker: Option<String>,
    speaker_text: Option<String>,
    side: Option<String>,
    stance: Option<String>,
    date: Option<String>,
    #[serde(default)]
    numbers: Vec<String>,
}

#[derive(Deserialize)]
struct EventExp {
    title: String,
    start: String,
    end: Option<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    documents: Vec<String>,
    contested: Option<bool>,
    #[serde(default)]
    claims: Vec<String>,
    caveat: Option<String>,
    dispute: Option<String>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gazetteer() -> Gazetteer {
    Gazetteer::load(&root().join("seeds/gazetteer.toml")).expect("gazetteer loads")
}

fn corpus_of(dir: &Path) -> Corpus {
    let mut files = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            files.push((
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            ));
        }
    }
    parse_corpus(&files, &gazetteer()).expect("corpus parses")
}

fn key<T: serde::Serialize>(v: &T) -> String {
    // the serde name of a unit variant ("state", "deny", "front_matter")
    toml::Value::try_from(Wrap { v })
        .ok()
        .and_then(|t| t.get("v").and_then(|x| x.as_str().map(str::to_string)))
        .unwrap_or_default()
}

#[derive(serde::Serialize)]
struct Wrap<'a, T: serde::Serialize> {
    v: &'a T,
}

fn fmt_number(n: &Number) -> String {
    let v = if n.value.fract() == 0.0 {
        format!("{}", n.value as i64)
    } else {
        format!("{}", n.value)
    };
    format!("{v} {} {}", n.unit, n.about)
}

fn check(corpus: &Corpus, golden: &Golden) -> Vec<String> {
    let mut errs = Vec::new();
    for a in &golden.article {
        let Some(d) = corpus.documents.iter().find(|d| d.id == a.id) else {
            errs.push(format!("article {}: not in the corpus", a.id));
            continue;
        };
        if let Some(p) = &a.published {
            if d.published.as_deref() != Some(p.as_str()) {
                errs.push(format!(
                    "article {}: published expected {p}, found {:?}",
                    a.id, d.published
                ));
            }
        }
        if let Some(s) = &a.published_source {
            if &key(&d.published_source) != s {
                errs.push(format!(
                    "article {}: published_source expected {s}, found {}",
                    a.id,
                    key(&d.published_source)
                ));
            }
        }
        if let Some(t) = &a.title {
            if !d.title.contains(t.as_str()) {
                errs.push(format!(
                    "article {}: title expected to contain {t:?}, found {:?}",
                    a.id, d.title
                ));
            }
        }
        if let Some(o) = &a.outlet {
            let found = d.outlet.clone().unwrap_or_default();
            if &found != o {
                errs.push(format!(
                    "article {}: outlet expected {o:?}, found {found:?}",
                    a.id
                ));
            }
        }
        for b in &a.boilerplate {
            let inside = d
                .boilerplate
                .iter()
                .any(|s| slice_cp(&d.text, s.start, s.end).contains(b.as_str()));
            if !inside {
                errs.push(format!(
                    "article {}: {b:?} is not marked as boilerplate",
                    a.id
                ));
            }
        }
        let claims: Vec<&Claim> = corpus
            .claims
            .iter()
            .filter(|c| c.document == a.id)
            .collect();
        for e in &a.claim {
            let Some(c) = claims.iter().find(|c| c.quote.contains(e.quote.as_str())) else {
                errs.push(format!("article {}: no claim quoting {:?}", a.id, e.quote));
                continue;
            };
            let who = format!("article {} claim {} ({:?})", a.id, c.id, e.quote);
            if let Some(n) = &e.not_in_quote {
                if c.quote.contains(n.as_str()) {
                    errs.push(format!(
                        "{who}: quote should not contain {n:?}: {:?}",
                        c.quote
                    ));
                }
            }
            if let Some(sp) = &e.speaker {
                let found = c.speaker.clone().unwrap_or_default();
                if &found != sp {
                    errs.push(format!(
                        "{who}: speaker expected {sp:?}, found {found:?} (speaker_text {:?})",
                        c.speaker_text
                    ));
                }
            }
            if let Some(t) = &e.speaker_text {
                if !c.speaker_text.contains(t.as_str()) {
                    errs.push(format!(
                        "{who}: speaker_text expected to contain {t:?}, found {:?}",
                        c.speaker_text
                    ));
                }
            }
            if let Some(s) = &e.side {
                // the camp's id ("state", "rebels", …)
                let found = c.side.and_then(|x| corpus.camp(x)).map(|x| x.id.clone()).unwrap_or_default();
                if &found != s {
                    errs.push(format!("{who}: side expected {s}, found {found:?}"));
                }
            }
            if let Some(s) = &e.stance {
                if &key(&c.stance) != s {
                    errs.push(format!(
                        "{who}: stance expected {s}, found {}",
                        key(&c.stance)
                    ));
                }
            }
            if let Some(dt) = &e.date {
                let found = c.date.as_ref().map(|r| r.start.clone()).unwrap_or_default();
                if !found.starts_with(dt.as_str()) {
                    errs.push(format!("{who}: date expected {dt}…, found {found:?}"));
                }
            }
            let found: Vec<String> = c.numbers.iter().map(fmt_number).collect();
            for n in &e.numbers {
                if !found.contains(n) {
                    errs.push(format!("{who}: figure {n:?} missing; found {found:?}"));
                }
            }
        }
    }
    for e in &golden.event {
        let Some(ev) = corpus
            .events
            .iter()
            .find(|x| x.title.contains(e.title.as_str()) && x.start.starts_with(e.start.as_str()))
        else {
            let near: Vec<String> = corpus
                .events
                .iter()
                .map(|x| format!("{} {} {}", x.start, x.title, x.end))
                .collect();
            errs.push(format!(
                "no event {:?} starting {}; events are:\n      {}",
                e.title,
                e.start,
                near.join("\n      ")
            ));
            continue;
        };
        let who = format!("event {} {:?}", ev.id, ev.title);
        if let Some(end) = &e.end {
            if !ev.end.starts_with(end.as_str()) {
                errs.push(format!("{who}: end expected {end}, found {}", ev.end));
            }
        }
        for p in &e.places {
            if !ev.places.contains(p) {
                errs.push(format!("{who}: place {p} missing; places {:?}", ev.places));
            }
        }
        for d in &e.documents {
            if !ev.documents.contains(d) {
                errs.push(format!(
                    "{who}: document {d} missing; documents {:?}",
                    ev.documents
                ));
            }
        }
        if let Some(c) = e.contested {
            if ev.contested != c {
                errs.push(format!(
                    "{who}: contested expected {c}, found {} ({:?})",
                    ev.contested, ev.disputes
                ));
            }
        }
        for q in &e.claims {
            let has = ev.claims.iter().any(|id| {
                corpus
                    .claims
                    .iter()
                    .any(|c| &c.id == id && c.quote.contains(q.as_str()))
            });
            if !has {
                errs.push(format!(
                    "{who}: no claim quoting {q:?}; claims {:?}",
                    ev.claims
                ));
            }
        }
        if let Some(cv) = &e.caveat {
            if !ev.caveats.iter().any(|c| c.quote.contains(cv.as_str())) {
                errs.push(format!(
                    "{who}: caveat {cv:?} missing; caveats {:?}",
                    ev.caveats.iter().map(|c| &c.quote).collect::<Vec<_>>()
                ));
            }
        }
        if let Some(r) = &e.dispute {
            if !ev.disputes.iter().any(|d| d.reason.contains(r.as_str())) {
                errs.push(format!(
                    "{who}: no dispute saying {r:?}; reasons {:?}",
                    ev.disputes.iter().map(|d| &d.reason).collect::<Vec<_>>()
                ));
            }
        }
    }
    errs
}

fn run(dir: &Path, golden_file: &str) -> Corpus {
    let corpus = corpus_of(dir);
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(golden_file),
    )
    .unwrap();
    let golden: Golden = toml::from_str(&text).expect("golden file parses");
    let errs = check(&corpus, &golden);
    assert!(
        errs.is_empty(),
        "{} mismatches with {golden_file}:\n  - {}",
        errs.len(),
        errs.join("\n  - ")
    );
    corpus
}

/// Quotes and caveats are exact slices; ids resolve; events reference real claims.
fn check_integrity(corpus: &Corpus) {
    for c in &corpus.claims {
        let d = corpus
            .documents
            .iter()
            .find(|d| d.id == c.document)
            .expect("claim's document exists");
        assert!(c.start < c.end, "{}: empty span", c.id);
        assert_eq!(
            slice_cp(&d.text, c.start, c.end),
            c.quote,
            "{}: quote is not its span",
            c.id
        );
        assert!(c.id.starts_with(&format!("{}#", d.id)), "{}: id", c.id);
        if let Some(e) = &c.event {
            let ev = corpus
                .events
                .iter()
                .find(|x| &x.id == e)
                .expect("claim's event exists");
            assert!(ev.claims.contains(&c.id), "{} not listed by {}", c.id, e);
        }
        assert!(!c.speaker_text.is_empty(), "{}: no speaker text", c.id);
        if let Some(s) = &c.speaker {
            assert!(
                corpus.actors.iter().any(|a| &a.id == s),
                "{}: unknown speaker {s}",
                c.id
            );
        }
        for p in d.boilerplate.iter() {
            assert!(
                c.end <= p.start || c.start >= p.end,
                "{} overlaps boilerplate",
                c.id
            );
        }
    }
    for (i, e) in corpus.events.iter().enumerate() {
        assert!(e.id.starts_with(&e.start), "{}: id starts with the date", e.id);
        assert_eq!(
            corpus.events.iter().filter(|x| x.id == e.id).count(),
            1,
            "{}: unique",
            e.id
        );
        if i > 0 {
            assert!(
                corpus.events[i - 1].start <= e.start,
                "events sorted by start"
            );
        }
        assert!(e.start <= e.end, "{}: start after end", e.id);
        for c in &e.caveats {
            let d = corpus
                .documents
                .iter()
                .find(|d| d.id == c.document)
                .unwrap();
            assert_eq!(
                slice_cp(&d.text, c.start, c.end),
                c.quote,
                "caveat of {} is not its span",
                e.id
            );
        }
        for p in &e.places {
            assert!(
                corpus.places.iter().any(|x| &x.id == p),
                "{}: unknown place {p}",
                e.id
            );
        }
        for d in &e.disputes {
            assert!(d.claims.len() >= 2, "{}: a dispute needs two claims", e.id);
            for id in &d.claims {
                assert!(
                    e.claims.contains(id),
                    "{}: dispute claim {id} not in the event",
                    e.id
                );
            }
            assert!(!d.reason.is_empty());
        }
        assert_eq!(e.contested, !e.disputes.is_empty());
    }
}

#[test]
fn seeds_match_the_golden_file() {
    let corpus = run(&root().join("seeds"), "seeds.toml");
    check_integrity(&corpus);
    // background history (2012, 2014, 2015…) makes no event
    for e in &corpus.events {
        assert!(
            e.start.as_str() >= "2023-08-01",
            "background event {} {} starting {}",
            e.id,
            e.title,
            e.start
        );
    }
}

#[test]
fn wire_fixtures_match_the_golden_file() {
    let corpus = run(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire"),
        "wire.toml",
    );
    check_integrity(&corpus);
}

#[test]
fn output_is_deterministic() {
    let a = encode(&corpus_of(&root().join("seeds"))).unwrap();
    let b = encode(&corpus_of(&root().join("seeds"))).unwrap();
    assert_eq!(a, b);
}
