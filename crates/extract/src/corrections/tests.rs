use super::*;

const TEXT: &str = "The army said it entered the town on Monday. The rebels denied any entry. \
A resident said shops stayed closed.";

fn doc() -> Document {
    Document {
        id: "d1".into(),
        path: "d1.txt".into(),
        title: "T".into(),
        outlet: None,
        published: None,
        published_source: PublishedSource::Unknown,
        url: None,
        language: "en".into(),
        text: TEXT.into(),
        paragraphs: vec![],
        sentences: vec![],
        boilerplate: vec![],
    }
}

fn claim(id: &str, quote: &str, speaker: Option<&str>, side: Option<CampIx>, event: &str) -> Claim {
    let at = TEXT.find(quote).unwrap();
    Claim {
        id: id.into(),
        document: "d1".into(),
        start: at as u32,
        end: (at + quote.len()) as u32,
        quote: quote.into(),
        speaker: speaker.map(Into::into),
        speaker_text: speaker.unwrap_or("a resident").into(),
        side,
        verb: "said".into(),
        stance: Stance::Assert,
        date: None,
        event: Some(event.into()),
        numbers: vec![],
        confidence: Confidence::Medium,
        note: None,
    }
}

fn event(id: &str, start: &str, claims: &[&str], disputed: bool) -> Event {
    Event {
        id: id.into(),
        title: format!("Event {id}"),
        kind: EventKind::ArmedClash,
        start: start.into(),
        end: start.into(),
        precision: Precision::Day,
        places: vec!["town".into()],
        actors: vec![],
        claims: claims.iter().map(|c| c.to_string()).collect(),
        documents: vec!["d1".into()],
        contested: disputed,
        disputes: if disputed {
            vec![Dispute { claims: claims.iter().map(|c| c.to_string()).collect(), reason: "denial".into() }]
        } else {
            vec![]
        },
        caveats: vec![],
        confidence: Default::default(),
        note: None,
    }
}

fn corpus() -> Corpus {
    let actor = |id: &str, side| Actor { id: id.into(), name: id.to_uppercase(), aliases: vec![], side, kind: None };
    Corpus {
        camps: Camp::defaults(),
        version: FORMAT_VERSION,
        documents: vec![doc()],
        actors: vec![actor("army", CampIx(0)), actor("rebels", CampIx(1))],
        places: vec![
            Place { id: "town".into(), name: "Town".into(), aliases: vec![], lat: 0.0, lon: 0.0, country: None },
            Place { id: "hill".into(), name: "Hill".into(), aliases: vec![], lat: 1.0, lon: 1.0, country: None },
        ],
        claims: vec![
            claim("d1#a", "it entered the town on Monday", Some("army"), Some(CampIx(0)), "ev-1"),
            claim("d1#b", "any entry", Some("rebels"), Some(CampIx(1)), "ev-1"),
            claim("d1#c", "shops stayed closed", None, None, "ev-2"),
        ],
        events: vec![event("ev-1", "2023-01-02", &["d1#a", "d1#b"], true), event("ev-2", "2023-01-03", &["d1#c"], false)],
        corrections: 0,
        settings: Default::default(),
    }
}

fn run(toml: &str) -> (Corpus, Vec<CorrectionError>) {
    let mut c = corpus();
    let list = match parse(toml) {
        Ok(l) => l,
        Err(e) => return (c, e),
    };
    let errors = apply(&mut c, &list);
    (c, errors)
}

fn ok(toml: &str) -> Corpus {
    let (c, errors) = run(toml);
    assert!(errors.is_empty(), "{errors:?}");
    c
}

fn err(toml: &str) -> CorrectionError {
    let (_, errors) = run(toml);
    assert_eq!(errors.len(), 1, "{errors:?}");
    errors.into_iter().next().unwrap()
}

fn claim_of<'a>(c: &'a Corpus, id: &str) -> &'a Claim {
    c.claims.iter().find(|x| x.id == id).unwrap()
}

fn event_of<'a>(c: &'a Corpus, id: &str) -> &'a Event {
    c.events.iter().find(|x| x.id == id).unwrap()
}

#[test]
fn hide_removes_the_claim_and_notes_its_event() {
    let c = ok("[[hide_claim]]\nclaim = \"d1#b\"\nnote = \"Not a denial of this event.\"\n");
    assert!(c.claims.iter().all(|x| x.id != "d1#b"));
    let e = event_of(&c, "ev-1");
    assert_eq!(e.claims, ["d1#a"]);
    assert!(e.disputes.is_empty() && !e.contested, "the dispute falls with the claim");
    assert_eq!(e.note.as_deref(), Some("Not a denial of this event."));
    assert_eq!(c.corrections, 1);
}

#[test]
fn set_claim_changes_speaker_side_and_stance() {
    let c = ok("[[set_claim]]\nclaim = \"d1#c\"\nspeaker = \"rebels\"\nstance = \"deny\"\nnote = \"The speaker is the rebels' spokesman.\"\n");
    let x = claim_of(&c, "d1#c");
    assert_eq!((x.speaker.as_deref(), x.side, x.stance), (Some("rebels"), Some(CampIx(1)), Stance::Deny));
    assert_eq!(x.note.as_deref(), Some("The speaker is the rebels' spokesman."));
    assert!(event_of(&c, "ev-2").actors.contains(&"rebels".to_string()));
    let c = ok("[[set_claim]]\nclaim = \"d1#c\"\ncamp = \"local\"\nnote = \"A resident.\"\n");
    assert_eq!(claim_of(&c, "d1#c").side, Some(CampIx(4)));
}

#[test]
fn move_claim_between_events() {
    let c = ok("[[move_claim]]\nclaim = \"d1#b\"\nto = \"ev-2\"\nnote = \"Moved.\"\n");
    assert_eq!(claim_of(&c, "d1#b").event.as_deref(), Some("ev-2"));
    assert_eq!(event_of(&c, "ev-2").claims, ["d1#c", "d1#b"]);
    assert_eq!(event_of(&c, "ev-1").claims, ["d1#a"]);
    assert!(!event_of(&c, "ev-1").contested);
}

#[test]
fn add_claim_by_exact_text() {
    let c = ok("[[add_claim]]\ndocument = \"d1\"\ntext = \"The rebels denied any entry.\"\nspeaker = \"rebels\"\nstance = \"deny\"\nevent = \"ev-1\"\nnote = \"Missed denial.\"\n");
    let x = c.claims.iter().find(|x| x.quote == "The rebels denied any entry.").unwrap();
    assert_eq!(x.id, crate::ids::claim_base_id("d1", "The rebels denied any entry."));
    assert_eq!(slice_cp(TEXT, x.start, x.end), x.quote);
    assert_eq!((x.side, x.stance, x.event.as_deref()), (Some(CampIx(1)), Stance::Deny, Some("ev-1")));
    assert!(event_of(&c, "ev-1").claims.contains(&x.id));
    let e = err("[[add_claim]]\ndocument = \"d1\"\ntext = \"words nowhere\"\nspeaker = \"army\"\nnote = \"x\"\n");
    assert!(e.message.contains("not found"), "{e}");
    assert_eq!(e.line, 1);
    let e = err("[[add_claim]]\ndocument = \"d1\"\ntext = \"said\"\nspeaker = \"army\"\nnote = \"x\"\n");
    assert!(e.message.contains("found 2 times"), "{e}");
}

#[test]
fn merge_and_split_events() {
    let c = ok("[[merge_events]]\ninto = \"ev-1\"\nevents = [\"ev-2\"]\nnote = \"One incident.\"\n");
    assert_eq!(c.events.len(), 1);
    let e = event_of(&c, "ev-1");
    assert_eq!(e.claims, ["d1#a", "d1#b", "d1#c"]);
    assert_eq!((e.start.as_str(), e.end.as_str()), ("2023-01-02", "2023-01-03"));
    assert_eq!(claim_of(&c, "d1#c").event.as_deref(), Some("ev-1"));

    let c = ok("[[split_claim]]\nclaim = \"d1#b\"\ntitle = \"Rebel statement\"\nkind = \"strategic_development\"\nnote = \"A separate statement.\"\n");
    let new_id = claim_of(&c, "d1#b").event.clone().unwrap();
    assert_eq!(new_id, "2023-01-02-town-strategic-development");
    let e = event_of(&c, &new_id);
    assert_eq!((e.title.as_str(), e.claims.as_slice()), ("Rebel statement", &["d1#b".to_string()][..]));
    assert_eq!(event_of(&c, "ev-1").claims, ["d1#a"]);
}

#[test]
fn contested_and_event_fields() {
    let c = ok("[[set_contested]]\nevent = \"ev-2\"\ncontested = true\nnote = \"The army disputes the closures.\"\n");
    let e = event_of(&c, "ev-2");
    assert!(e.contested && e.disputes.len() == 1);
    let c = ok("[[set_contested]]\nevent = \"ev-1\"\ncontested = false\nnote = \"The denial concerns another town.\"\n");
    assert!(!event_of(&c, "ev-1").contested && event_of(&c, "ev-1").disputes.is_empty());
    let c = ok("[[set_event]]\nevent = \"ev-2\"\ntitle = \"Shops closed\"\nstart = \"2023-01-01\"\nprecision = \"week\"\nplaces = [\"hill\"]\nnote = \"Dated by the resident.\"\n");
    let e = event_of(&c, "ev-2");
    assert_eq!((e.title.as_str(), e.start.as_str(), e.precision, e.places.as_slice()),
        ("Shops closed", "2023-01-01", Precision::Week, &["hill".to_string()][..]));
    assert_eq!(e.note.as_deref(), Some("Dated by the resident."));
}

#[test]
fn stale_targets_fail_with_their_line() {
    let e = err("# header\n\n[[hide_claim]]\nclaim = \"d1#zz\"\nnote = \"x\"\n");
    assert_eq!(e.line, 3, "{e}");
    assert!(e.message.contains("no claim `d1#zz`"), "{e}");
    assert!(e.to_string().starts_with("corrections.toml:3: "));
    let e = err("[[set_event]]\nevent = \"gone\"\ntitle = \"x\"\nnote = \"x\"\n");
    assert!(e.message.contains("no event `gone`"), "{e}");
    let e = err("[[set_event]]\nevent = \"ev-1\"\nplaces = [\"atlantis\"]\nnote = \"x\"\n");
    assert!(e.message.contains("atlantis"), "{e}");
    let e = err("[[set_event]]\nevent = \"ev-1\"\nstart = \"2023-13-01\"\nnote = \"x\"\n");
    assert!(e.message.contains("not a date"), "{e}");
}

#[test]
fn contradictions_fail_naming_both_lines() {
    let e = err("[[set_claim]]\nclaim = \"d1#a\"\nstance = \"deny\"\nnote = \"a\"\n\n[[set_claim]]\nclaim = \"d1#a\"\nstance = \"assert\"\nnote = \"b\"\n");
    assert_eq!(e.line, 6);
    assert!(e.message.contains("line 1"), "{e}");
    let e = err("[[hide_claim]]\nclaim = \"d1#a\"\nnote = \"a\"\n[[move_claim]]\nclaim = \"d1#a\"\nto = \"ev-2\"\nnote = \"b\"\n");
    assert!(e.message.contains("hidden by the correction at line 1"), "{e}");
    let e = err("[[merge_events]]\ninto = \"ev-1\"\nevents = [\"ev-2\"]\nnote = \"a\"\n[[set_event]]\nevent = \"ev-2\"\ntitle = \"x\"\nnote = \"b\"\n");
    assert!(e.message.contains("merged into `ev-1`"), "{e}");
    let e = err("[[set_contested]]\nevent = \"ev-2\"\ncontested = true\nnote = \"a\"\n[[set_contested]]\nevent = \"ev-2\"\ncontested = false\nnote = \"b\"\n");
    assert!(e.message.contains("contradicts the correction at line 1"), "{e}");
}

#[test]
fn bad_files_fail_with_lines() {
    let e = err("[[hide_claim]]\nclaim = \"d1#a\"\n");
    assert!(e.message.contains("note"), "{e}");
    let e = err("[[hide_claim]]\nclaim = \"d1#a\"\nnote = \"x\"\nreason = \"y\"\n");
    assert!(e.message.contains("reason"), "{e}");
    assert_eq!(e.line, 4, "{e}");
    let e = err("[[retitle]]\nevent = \"x\"\n");
    assert!(e.message.contains("retitle"), "{e}");
}
