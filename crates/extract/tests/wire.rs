//! `decode` reads by hand exactly what `encode` (postcard, through serde)
//! writes: the seeds, the app's slimmed seeds, synthetic wire copy, and a
//! corpus holding every enum variant; and it refuses, without panicking,
//! every cut-short or trailing-byte input.

use std::path::Path;

use counterclaim_extract::embed::slim_for_app;
use counterclaim_extract::gazetteer::Gazetteer;
use counterclaim_extract::load::parse_corpus;
use counterclaim_extract::model::*;
use counterclaim_extract::synth::synth_articles;
use counterclaim_extract::{decode, encode};

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn gazetteer() -> Gazetteer {
    Gazetteer::load(&root().join("seeds/gazetteer.toml")).expect("gazetteer loads")
}

fn seeds() -> Corpus {
    let mut files = Vec::new();
    for e in std::fs::read_dir(root().join("seeds")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            files.push((p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()));
        }
    }
    parse_corpus(&files, &gazetteer()).expect("seeds parse")
}

fn assert_reads_back(c: &Corpus) {
    let bytes = encode(c).unwrap();
    let by_hand = decode(&bytes).expect("decodes");
    let by_serde: Corpus = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(by_hand, by_serde);
    assert_eq!(&by_hand, c);
}

#[test]
fn the_seeds_read_back_whole_and_slimmed() {
    let mut c = seeds();
    assert!(!c.claims.is_empty() && !c.events.is_empty());
    assert_reads_back(&c);
    slim_for_app(&mut c);
    assert_reads_back(&c);
}

#[test]
fn synthetic_wire_copy_reads_back() {
    let g = gazetteer();
    for seed in [1, 7, 42] {
        let files: Vec<(String, Vec<u8>)> =
            synth_articles(&g, 30, seed).into_iter().map(|(n, t)| (n, t.into_bytes())).collect();
        assert_reads_back(&parse_corpus(&files, &g).expect("synthetic copy parses"));
    }
}

fn every_variant() -> Corpus {
    let sources = [PublishedSource::FrontMatter, PublishedSource::Text, PublishedSource::Inferred, PublishedSource::Unknown];
    let kinds = [
        EventKind::ArmedClash,
        EventKind::GovernmentRegainsTerritory,
        EventKind::NonStateActorOvertakesTerritory,
        EventKind::AirDroneStrike,
        EventKind::Attack,
        EventKind::RemoteExplosive,
        EventKind::ViolenceAgainstCivilians,
        EventKind::StrategicDevelopment,
        EventKind::Other,
    ];
    let precisions = [Precision::Day, Precision::Week, Precision::Month, Precision::Year];
    let confidences = [Confidence::High, Confidence::Medium, Confidence::Low];
    let documents = sources
        .iter()
        .enumerate()
        .map(|(i, &s)| Document {
            id: format!("d{i}"),
            path: format!("d{i}.txt"),
            title: "Un titre accentué".into(),
            outlet: (i % 2 == 0).then(|| "Outlet".into()),
            published: (i % 2 == 1).then(|| "2024-02-29".into()),
            published_source: s,
            url: Some("https://example.org/a".into()),
            language: "fr".into(),
            text: "Première phrase. Seconde — ici.".into(),
            paragraphs: vec![Span { start: 0, end: 31 }],
            sentences: vec![Span { start: 0, end: 16 }, Span { start: 17, end: 31 }],
            boilerplate: vec![Span { start: 200, end: 300 }],
        })
        .collect();
    let camps = Camp::defaults();
    // every kind, and none; camp positions up to 255 (a raw byte on the wire)
    let actors = ActorKind::ALL
        .iter()
        .map(|&k| Some(k))
        .chain([None])
        .enumerate()
        .map(|(i, kind)| Actor {
            id: format!("a{i}"),
            name: format!("Actor {i}"),
            aliases: vec!["alias".into()],
            side: CampIx(if i == 0 { 255 } else { (i % camps.len()) as u8 }),
            kind,
        })
        .collect();
    let places = vec![
        Place { id: "p".into(), name: "P".into(), aliases: vec![], lat: -12.5, lon: 1e-9, country: None },
        Place { id: "q".into(), name: "Q".into(), aliases: vec![], lat: 1.0, lon: 2.0, country: Some("Varna".into()) },
    ];
    let mut claims = Vec::new();
    for (i, side) in (0..camps.len() as u8).map(|s| Some(CampIx(s))).chain([None]).enumerate() {
        claims.push(Claim {
            id: format!("d0#{i}"),
            document: "d0".into(),
            start: 0,
            end: 16,
            quote: "Première phrase.".into(),
            speaker: side.map(|s| format!("a{}", s.0)),
            speaker_text: "a spokesman".into(),
            side,
            verb: "said".into(),
            stance: if i % 2 == 0 { Stance::Assert } else { Stance::Deny },
            date: precisions.get(i).map(|&precision| DateRange { start: "2023-11-11".into(), end: "2023-11-12".into(), precision }),
            event: Some("e0".into()),
            numbers: vec![Number { value: 1.5 * i as f64, unit: "km".into(), about: "killed".into() }],
            confidence: confidences[i % 3],
            note: (i == 3).then(|| "Corrected.".into()),
        });
    }
    let events = kinds
        .iter()
        .enumerate()
        .map(|(i, &kind)| Event {
            id: format!("e{i}"),
            title: "An event".into(),
            kind,
            start: "2023-11-11".into(),
            end: "2023-11-12".into(),
            precision: precisions[i % 4],
            places: vec!["p".into()],
            actors: vec!["state".into(), "rebels".into()],
            claims: vec!["d0#0".into(), "d0#1".into()],
            documents: vec!["d0".into()],
            contested: i % 2 == 0,
            disputes: vec![Dispute { claims: vec!["d0#0".into(), "d0#1".into()], reason: "One denies.".into() }],
            caveats: vec![Caveat { document: "d0".into(), start: 17, end: 31, quote: "Seconde — ici.".into() }],
            confidence: confidences[i % 3],
            note: (i == 2).then(|| "Merged.".into()),
        })
        .collect();
    Corpus {
        version: FORMAT_VERSION,
        documents,
        actors,
        places,
        claims,
        events,
        camps: camps
            .into_iter()
            .enumerate()
            .map(|(i, c)| Camp { colour: (i % 2 == 0).then(|| "#1f5fa8".into()), ..c })
            .collect(),
        corrections: 3,
        settings: Settings { title: "T".into(), description: "D".into(), language: "en".into() },
    }
}

#[test]
fn every_enum_variant_and_option_reads_back() {
    assert_reads_back(&every_variant());
}

#[test]
fn cut_short_or_trailing_bytes_are_errors_never_panics() {
    let bytes = encode(&every_variant()).unwrap();
    for n in 0..bytes.len() {
        assert!(decode(&bytes[..n]).is_err(), "cut at {n} of {}", bytes.len());
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode(&longer).is_err(), "a trailing byte");
    let mut flipped = bytes;
    for i in 0..flipped.len() {
        flipped[i] ^= 0xff;
        let _ = decode(&flipped);
        flipped[i] ^= 0xff;
    }
}
