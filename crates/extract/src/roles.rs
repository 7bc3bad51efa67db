//! One name, two roles: whether a place mention stands for a government
//! ("Bamako said…", "blamed Kyiv", "the capital accuses…": a speaker or a
//! target) or for where something happened ("fled to Bamako", "in the
//! capital"). Decided from the words around the mention:
//!
//! * after a place preposition (in, to, from, near, outside, …) it is a place;
//! * else, as the subject of a reporting or action verb ("X said", "X has
//!   denied", "X launched"), or the object of blame ("accused X", "by X",
//!   "against X"), it stands for its government.
//!
//! A place whose gazetteer entry names the actor it stands for
//! (`actor = "…"`) then becomes a mention of that actor ([`assign`]): it can
//! speak and be blamed. Any other place in that position only stops
//! locating an event (see `pipeline::event_candidates`).

use crate::mentions::{Ent, Lexicon};
use crate::tokens::{Tok, Words};

/// Words before a name that make it a place.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "to", "from", "near", "outside", "at", "into", "towards", "toward", "around", "inside",
    "across", "within", "through", "reach", "reached", "entered", "fled", "returned",
];

/// Words before a name that make it the one blamed or addressed.
const BLAME_BEFORE: &[&str] = &[
    "by", "for", "accused", "accuse", "accuses", "blamed", "blame", "blames", "incriminate",
    "urged", "warned", "against",
];

/// Verbs after a name that make it their subject: it speaks or acts.
const SUBJECT_OF: &[&str] = &[
    "said", "says", "denied", "denies", "accused", "accuses", "claimed", "blamed", "blames",
    "regime", "insisted", "announced", "announces", "rejected", "rejects", "condemned",
    "condemns", "warned", "warns", "vowed", "responded", "retorted", "refuted", "stated",
    "launched", "deployed", "ordered",
];

/// Auxiliaries allowed between the name and its verb ("Khartoum has denied").
const AUXILIARIES: &[&str] = &["has", "have", "had", "also", "again", "then"];

/// Whether the mention `e` stands for its government rather than a place.
pub fn stands_for_actor(words: &Words, toks: &[Tok], e: &Ent) -> bool {
    let k = toks.partition_point(|t| t.start < e.start);
    let after = toks.partition_point(|t| t.start < e.end);
    let before = (k > 0 && words.gap_after(k - 1).trim().is_empty()).then(|| words.w(k - 1));
    if before.is_some_and(|w| PLACE_PREPOSITIONS.contains(&w)) {
        return false;
    }
    if before.is_some_and(|w| BLAME_BEFORE.contains(&w)) {
        return true;
    }
    // the verb right after the name (across up to two auxiliaries)
    let mut v = after;
    while v < after + 2 && AUXILIARIES.contains(&words.w(v)) && words.gap_after(v).trim().is_empty() {
        v += 1;
    }
    SUBJECT_OF.contains(&words.w(v))
}

/// Turn the mentions of places that also stand for an actor into mentions
/// of that actor where the sentence makes them speak or be blamed.
pub fn assign(ents: &mut [Ent], words: &Words, toks: &[Tok], lex: &Lexicon) {
    for e in ents.iter_mut() {
        let Some(actor) = e.place.and_then(|p| lex.gazetteer.place_actor(p)) else { continue };
        if stands_for_actor(words, toks, e) {
            e.actor = Some(actor);
            e.place = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::assemble::assemble;
    use crate::gazetteer::Gazetteer;
    use crate::mentions::Lexicon;
    use crate::model::CampIx;
    use crate::pipeline::{parse_article, Article, Options};

    /// An invented war: the Republic of Varna, its capital Ostra, a river
    /// militia with a political and an armed wing.
    const GAZ: &str = r#"
[[actors]]
id = "varna-gov"
name = "Varnan government"
side = "state"

[[actors]]
id = "varna-health"
name = "Varnan health ministry"
aliases = ["health ministry"]
part_of = "varna-gov"

[[actors]]
id = "river-front"
name = "River Front"
side = "rebels"

[[actors]]
id = "river-brigades"
name = "River Brigades"
part_of = "river-front"

[[places]]
id = "ostra"
name = "Ostra"
aliases = ["the capital"]
lat = 10.0
lon = 20.0
country = "Varna"
actor = "varna-gov"

[[places]]
id = "kelm"
name = "Kelm"
lat = 11.0
lon = 21.0
country = "Varna"

[[places]]
id = "kelm-camp"
name = "Dara camp"
kind = "camp"
lat = 11.1
lon = 21.1
country = "Varna"
"#;

    fn lex() -> Lexicon {
        Lexicon::new(Gazetteer::parse(GAZ).unwrap())
    }

    fn article(lex: &Lexicon, text: &str) -> Article {
        parse_article("x.txt", format!("+++\npublished = 2031-03-12\n+++\n{text}\n").as_bytes(), lex, Options::default())
            .unwrap()
    }

    fn speakers(a: &Article) -> Vec<Option<&str>> {
        a.claims.iter().map(|c| c.speaker.as_deref()).collect()
    }

    fn places_of(a: &Article, lex: &Lexicon) -> Vec<Vec<String>> {
        a.candidates.iter().map(|c| c.places.iter().map(|&p| lex.places[p].id.clone()).collect()).collect()
    }

    #[test]
    fn a_capital_that_speaks_is_its_government() {
        let lex = lex();
        let a = article(&lex, "Ostra said its troops had shelled rebel positions near Kelm on Monday.");
        assert_eq!(speakers(&a), [Some("varna-gov")], "{:?}", a.claims);
        assert_eq!(a.claims[0].side, Some(CampIx(0)));
        let a = article(&lex, "The capital has denied that its forces shelled Kelm on Monday.");
        assert_eq!(speakers(&a), [Some("varna-gov")], "{:?}", a.claims);
    }

    #[test]
    fn a_capital_after_a_preposition_is_a_place() {
        let lex = lex();
        let a = article(&lex, "Thousands fled to Ostra after a drone strike on Monday, residents said.");
        assert!(a.claims.iter().all(|c| c.speaker.as_deref() != Some("varna-gov")), "{:?}", a.claims);
        assert_eq!(places_of(&a, &lex), [vec!["ostra".to_string()]]);
        let a = article(&lex, "A drone strike hit a market in the capital on Monday.");
        assert_eq!(places_of(&a, &lex), [vec!["ostra".to_string()]]);
    }

    #[test]
    fn a_camp_locates_an_event() {
        let lex = lex();
        let a = article(&lex, "Shelling hit Dara camp on Monday, killing five people, aid workers said.");
        assert_eq!(places_of(&a, &lex), [vec!["kelm-camp".to_string()]]);
    }

    #[test]
    fn a_part_speaks_for_its_parents_side_and_brings_it_into_the_event() {
        let lex = lex();
        let text = "Shelling hit Kelm on Monday, killing five people, the health ministry said. \
                    The River Brigades said they had not fired on Kelm on Monday.";
        let a = article(&lex, text);
        assert_eq!(speakers(&a), [Some("varna-health"), Some("river-brigades")], "{:?}", a.claims);
        assert_eq!(a.claims.iter().map(|c| c.side).collect::<Vec<_>>(), [Some(CampIx(0)), Some(CampIx(1))]);
        let corpus = assemble(vec![a], &lex);
        let e = corpus.events.iter().find(|e| e.places == ["kelm"]).expect("an event at Kelm");
        for parent in ["varna-gov", "river-front"] {
            assert!(e.actors.iter().any(|x| x == parent), "{parent} in {:?}", e.actors);
        }
    }

    #[test]
    fn a_part_and_its_parent_never_dispute() {
        let lex = lex();
        let text = "Shelling killed five people in Kelm on Monday, the Varnan government said. \
                    The health ministry denied that anyone was killed in Kelm on Monday.";
        let corpus = assemble(vec![article(&lex, text)], &lex);
        assert!(corpus.events.iter().all(|e| !e.contested), "{:?}", corpus.events);
        assert!(corpus.claims.len() >= 2, "{:?}", corpus.claims);
    }
}
