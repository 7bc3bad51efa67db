//! What the web app embeds: the corpus minus what no view reads.
//!
//! The full gazetteer (every actor and place, with every alias) is needed to
//! *parse* articles, but the app only shows actors and places that some event
//! or claim refers to, and never their aliases. Dropping the rest keeps the
//! page inside its weight budget. The CLI's `export` keeps everything.

use std::collections::BTreeSet;

use crate::model::Corpus;

/// Remove actors and places no event or claim refers to, all aliases, and
/// the sentence spans (the app splits articles by paragraph only).
pub fn slim_for_app(corpus: &mut Corpus) {
    for d in &mut corpus.documents {
        d.sentences = Vec::new();
    }
    let mut actors: BTreeSet<&str> = BTreeSet::new();
    let mut places: BTreeSet<&str> = BTreeSet::new();
    for e in &corpus.events {
        actors.extend(e.actors.iter().map(String::as_str));
        places.extend(e.places.iter().map(String::as_str));
    }
    actors.extend(corpus.claims.iter().filter_map(|c| c.speaker.as_deref()));
    let actors: BTreeSet<String> = actors.into_iter().map(str::to_owned).collect();
    let places: BTreeSet<String> = places.into_iter().map(str::to_owned).collect();
    corpus.actors.retain(|a| actors.contains(&a.id));
    corpus.places.retain(|p| places.contains(&p.id));
    for a in &mut corpus.actors {
        a.aliases.clear();
    }
    for p in &mut corpus.places {
        p.aliases.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    #[test]
    fn keeps_only_what_events_and_claims_name() {
        let actor = |id: &str| Actor { id: id.into(), name: id.into(), aliases: vec!["x".into()], side: CampIx(0), kind: None };
        let place = |id: &str| Place { id: id.into(), name: id.into(), aliases: vec!["y".into()], lat: 0.0, lon: 0.0, country: None };
        let mut c = Corpus {
            actors: vec![actor("fama"), actor("cma"), actor("unused")],
            places: vec![place("kidal"), place("unused")],
            events: vec![Event {
                id: "e1".into(),
                title: "t".into(),
                kind: EventKind::ArmedClash,
                start: "2023-11-11".into(),
                end: "2023-11-12".into(),
                precision: Precision::Day,
                places: vec!["kidal".into()],
                actors: vec!["fama".into()],
                claims: vec![],
                documents: vec![],
                contested: false,
                disputes: vec![],
                caveats: vec![],
                confidence: Default::default(),
                note: None,
            }],
            claims: vec![Claim {
                id: "d#c1".into(),
                document: "d".into(),
                start: 0,
                end: 1,
                quote: "x".into(),
                speaker: Some("cma".into()),
                speaker_text: "the CMA".into(),
                side: Some(CampIx(1)),
                verb: "said".into(),
                stance: Stance::Assert,
                date: None,
                event: None,
                numbers: vec![],
                confidence: Default::default(),
                note: None,
            }],
            documents: vec![Document {
                id: "d".into(),
                path: "d.txt".into(),
                title: "t".into(),
                outlet: None,
                published: None,
                published_source: PublishedSource::Unknown,
                url: None,
                language: "en".into(),
                text: "A. B.".into(),
                paragraphs: vec![Span { start: 0, end: 5 }],
                sentences: vec![Span { start: 0, end: 2 }, Span { start: 3, end: 5 }],
                boilerplate: vec![],
            }],
            ..Corpus::default()
        };
        slim_for_app(&mut c);
        assert!(c.documents[0].sentences.is_empty(), "the app reads no sentence spans");
        assert_eq!(c.documents[0].paragraphs.len(), 1, "but it splits by paragraph");
        let ids: Vec<&str> = c.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["fama", "cma"]);
        assert_eq!(c.places.len(), 1);
        assert!(c.actors.iter().all(|a| a.aliases.is_empty()) && c.places[0].aliases.is_empty());
    }
}
