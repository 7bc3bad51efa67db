//! Event confidence, rated after assembly from the event's claims: the best
//! confidence of the claims it lists or that name it (a claim's own
//! confidence is set by the claim finder, see `claims.rs`). An event built
//! only from anonymous or pronoun-attributed claims is medium; one resting
//! on weak cues only is low.

use crate::model::{Confidence, Corpus};

/// Sets every event's `confidence` from its claims.
pub fn rate_events(corpus: &mut Corpus) {
    let mut ids: Vec<(&str, Confidence)> =
        corpus.claims.iter().map(|c| (c.id.as_str(), c.confidence)).collect();
    crate::sort::sort(&mut ids);
    let mut by_event: Vec<(&str, Confidence)> = corpus
        .claims
        .iter()
        .filter_map(|c| c.event.as_deref().map(|e| (e, c.confidence)))
        .collect();
    crate::sort::sort(&mut by_event);
    let rated: Vec<Confidence> = corpus
        .events
        .iter()
        .map(|e| {
            let listed = e.claims.iter().filter_map(|id| {
                ids.binary_search_by(|(k, _)| (*k).cmp(id.as_str())).ok().map(|i| ids[i].1)
            });
            let from = by_event.partition_point(|(k, _)| *k < e.id.as_str());
            let naming = by_event[from..].iter().take_while(|(k, _)| *k == e.id).map(|(_, c)| *c);
            listed.chain(naming).min().unwrap_or(Confidence::Low)
        })
        .collect();
    for (e, c) in corpus.events.iter_mut().zip(rated) {
        e.confidence = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;
    use crate::load::parse_corpus;

    fn corpus(text: &str) -> Corpus {
        let gaz = Gazetteer::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gazetteer.toml"),
        )
        .unwrap();
        let t = format!("+++\npublished = 2023-11-14\n+++\n{text}");
        parse_corpus(&[("t.txt".into(), t.into_bytes())], &gaz).unwrap()
    }

    #[test]
    fn claims_rate_by_their_evidence_and_events_take_the_best() {
        let c = corpus(
            "The army said on Monday it had repelled an attack on Kidal.\n\n\
             Two security sources said ten soldiers were killed in the attack on Kidal.\n\n\
             Each says it won the battle of Kidal.",
        );
        let conf: Vec<Confidence> = c.claims.iter().map(|c| c.confidence).collect();
        assert_eq!(conf, [Confidence::High, Confidence::Medium, Confidence::Low], "{:#?}", c.claims);
        assert!(!c.events.is_empty());
        for e in &c.events {
            let best = c.claims.iter().filter(|x| x.event.as_deref() == Some(e.id.as_str())).map(|x| x.confidence).min();
            assert_eq!(Some(e.confidence), best);
        }
    }

    #[test]
    fn a_pronoun_speaker_is_medium() {
        let c = corpus("The CSP said it had taken the camp.\n\n“The camp is ours,” it said.");
        let conf: Vec<Confidence> = c.claims.iter().map(|c| c.confidence).collect();
        assert_eq!(conf, [Confidence::High, Confidence::Medium]);
    }
}
