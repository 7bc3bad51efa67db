//! One article's bytes → a [`Document`] with its claims, event candidates
//! and caveats ([`parse_article`]), in named stages, each in its own module
//! with its input and output:
//!
//! 1. source (`pipeline/source.rs`): bytes → text and front matter; the text decoded
//!    and folded once, with maps back to bytes and file lines;
//! 2. sentences (`pipeline/layout.rs`): paragraphs (body / heading / boilerplate, the
//!    headline), tokens, sentences, wire datelines cut off;
//! 3. mentions: the gazetteer's names found once over the whole text
//!    ([`Lexicon::find`]), word classes per token;
//! 4. document (`pipeline/document.rs`): title, outlet, publication day;
//! 5. dates (`pipeline/timeline.rs`): each sentence's date mentions, resolved with the
//!    narrative anchor carried forward (the last day of the reported period);
//! 6. claims (`pipeline/attributions.rs`): attributions → claims with quote, figures, date;
//! 7. caveats (`pipeline/caveats.rs`): "could not be independently verified";
//! 8. event candidates (`pipeline/event_candidates.rs`): places of each sentence's
//!    scene, then a candidate per sentence telling of a happening; where and
//!    when each claim is.
//!
//! All articles → a [`Corpus`] with events grouped across articles and their
//! disputes: [`assemble`].

mod attributions;
mod caveats;
mod document;
mod event_candidates;
mod layout;
mod source;
mod timeline;

use crate::claims::Sent;
use crate::dates::Date;
use crate::events::Candidate;
use crate::mentions::{Ent, Lexicon};
use crate::model::*;
use crate::text::Folded;
use crate::tokens::{Tok, Words};
use source::{read_source, Layers, Source};
use timeline::Period;

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleError {
    pub line: Option<usize>,
    pub message: String,
}

/// Something worth reporting that does not stop the article from loading.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

/// Options for [`parse_article`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The corpus's usual year, used when an article's year-less dates are
    /// ambiguous (a weekday + day-month fits several years).
    pub reference_year: Option<i32>,
}

/// One parsed article, before events are grouped across the corpus.
#[derive(Debug, Clone)]
pub struct Article {
    pub document: Document,
    /// Claims with ids; `event` is filled by [`assemble`].
    pub claims: Vec<Claim>,
    /// Event candidates (`doc` is 0 here; [`assemble`] renumbers; `claims`
    /// index into this article's claims).
    pub candidates: Vec<Candidate>,
    /// Caveats with the sentence they come from.
    pub caveats: Vec<(usize, Caveat)>,
    pub warnings: Vec<Warning>,
    /// Places and date of each claim's sentence, for attaching claims
    /// without a candidate.
    pub(crate) claim_where: Vec<ClaimWhere>,
    /// The day and month ranges the article mentions, old ones included
    /// (a report looking back on an incident names its days).
    pub(crate) mentioned: Vec<(Date, Date)>,
    /// The year of year-less dates was ambiguous and no reference was given.
    pub needs_reference_year: bool,
}

/// Where and when a claim is, for attaching it to an event when its own
/// sentence made none.
#[derive(Debug, Clone)]
pub(crate) struct ClaimWhere {
    /// The claim's sentence in its document.
    pub(crate) sent: usize,
    pub(crate) places: Vec<usize>,
    /// The claim's own day (from its sentence), if any.
    pub(crate) strong: Option<(Date, Date)>,
    /// Its date, own or carried over.
    pub(crate) any: Option<(Date, Date)>,
    /// It speaks of something happening (a trigger or an outcome word).
    pub(crate) eventish: bool,
}

/// An article as the stages after the mentions read it.
struct Parsed<'a> {
    /// The article text the layers were made from.
    text: &'a str,
    layers: &'a Layers,
    words: Words<'a>,
    toks: &'a [Tok],
    sents: &'a [Sent],
    /// Gazetteer mentions, in text order.
    ents: &'a [Ent],
    lex: &'a Lexicon,
}

impl<'a> Parsed<'a> {
    fn f(&self) -> &'a Folded {
        &self.layers.f
    }

    /// The original text of code points `[start, end)` (clamped), sliced
    /// by byte offsets rather than re-encoded from the characters.
    fn original(&self, start: u32, end: u32) -> String {
        let end = end.min(self.f().len() as u32);
        self.layers.slice(self.text, start.min(end), end).to_string()
    }

    /// The tokens `[a, b)` starting in code points `[start, end)`.
    fn token_range(&self, start: u32, end: u32) -> (usize, usize) {
        (
            self.toks.partition_point(|t| t.start < start),
            self.toks.partition_point(|t| t.start < end),
        )
    }
}

/// Parse one article. `rel_path` names it (its stem is the document id).
/// The stages in order (see the module documentation).
pub fn parse_article(
    rel_path: &str,
    bytes: &[u8],
    lex: &Lexicon,
    opts: Options,
) -> Result<Article, ArticleError> {
    let Source { id, text, front, body_line0, mut warnings } = read_source(rel_path, bytes)?;
    let layers = Layers::new(&text, body_line0);
    let f = &layers.f;
    let layout = layout::sentences(f, &text, front.title.is_none());
    let mut ents = lex.find(&text);
    let cls = crate::tokens::classes(f, &layout.toks);
    let words = Words { f, toks: &layout.toks, cls: &cls };
    crate::roles::assign(&mut ents, &words, &layout.toks, lex);
    let p = Parsed {
        text: &text,
        layers: &layers,
        words,
        toks: &layout.toks,
        sents: &layout.sents,
        ents: &ents,
        lex,
    };
    let about = document::describe(&front, f, &layout, &ents, lex, &text, opts);
    let needs_reference_year = about.published.is_none() && opts.reference_year.is_none();
    if about.published.is_none() {
        warnings.push(Warning {
            line: None,
            message:
                "no published date: none in front matter, no dateline, no datable day in the text"
                    .into(),
        });
    }
    let period = Period::new(about.published, about.source, opts);
    let dates = timeline::date_sentences(&text, &layers, &layout.sents, period, &mut warnings);
    let claims = attributions::claims(&p, &id, &dates, period, &mut warnings);
    let caveats = caveats::caveats(&p, &id);
    let (candidates, sent_places) =
        event_candidates::event_candidates(&p, &dates, period, &caveats, &claims.raw);
    let claim_where = event_candidates::claim_where(&p, &claims, &sent_places);
    let mentioned = dates.mentioned();
    Ok(Article {
        document: about.into_document(id, rel_path, &front, layout, text),
        claims: claims.claims,
        candidates,
        caveats,
        warnings,
        claim_where,
        mentioned,
        needs_reference_year,
    })
}

pub use crate::assemble::assemble;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Gazetteer;

    fn lex() -> Lexicon {
        Lexicon::new(
            Gazetteer::load(
                &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../seeds/gazetteer.toml"),
            )
            .unwrap(),
        )
    }

    fn article(text: &str) -> Article {
        parse_article("x.txt", text.as_bytes(), &lex(), Options::default()).unwrap()
    }

    #[test]
    fn headline_after_dateline_and_breadcrumb() {
        let a = article("Tuesday, September 24, 2024 - 2:56 am\nHomeWorld NewsIn Mali, the army...\n\nIn Mali, the army moves north\n\nThe army said it moved towards Kidal on Monday.\n");
        assert_eq!(a.document.title, "In Mali, the army moves north");
        assert_eq!(a.document.published.as_deref(), Some("2024-09-24"));
        assert_eq!(a.document.published_source, PublishedSource::Text);
        assert_eq!(a.document.boilerplate.len(), 2);
        assert_eq!(a.claims.len(), 1, "the headline is not mined");
    }

    #[test]
    fn title_from_first_sentence_and_inferred_date() {
        let text = "The Malian army indicated, Thursday evening, October 5, that a large convoy of its forces had progressed to the surroundings of Anéfis, a stopover towards Kidal.";
        // a Thursday 5 October fits 2017, 2023, 2028…: alone, the year is unknown
        let a = article(text);
        assert!(a.needs_reference_year && a.document.published.is_none());
        // the corpus's usual year settles it
        let a = parse_article(
            "x.txt",
            text.as_bytes(),
            &lex(),
            Options {
                reference_year: Some(2024),
            },
        )
        .unwrap();
        assert!(
            a.document.title.ends_with('…') && a.document.title.chars().count() <= 90,
            "{}",
            a.document.title
        );
        assert_eq!(a.document.published.as_deref(), Some("2023-10-05"));
        assert_eq!(a.document.published_source, PublishedSource::Inferred);
    }

    #[test]
    fn wire_dateline_is_not_claimed_and_names_the_outlet() {
        let a = article("BAMAKO, Mali (AP) — Mali's army said Tuesday, November 14, 2023 it had taken control of Kidal.");
        assert_eq!(a.document.outlet.as_deref(), Some("Associated Press"));
        assert!(
            a.claims[0].quote.starts_with("Mali's army"),
            "{}",
            a.claims[0].quote
        );
        // the filing place is not where it happened
        assert!(a
            .candidates
            .iter()
            .all(|c| c.places.iter().all(|&p| lex().places[p].id != "bamako")));
    }

    #[test]
    fn a_dateline_without_agency_is_not_where_it_happened() {
        for text in [
            "BAMAKO, Mali -- Rebels said they attacked an army post near Kidal on Monday.",
            "BAMAKO, Nov 14 - Rebels said they attacked an army post near Kidal on Monday.",
        ] {
            let a = article(&format!("+++\npublished = 2023-11-14\n+++\n{text}\n"));
            assert!(!a.candidates.is_empty(), "{text}");
            assert!(
                a.candidates.iter().all(|c| c.places.iter().all(|&p| lex().places[p].id != "bamako")),
                "{text}"
            );
        }
        // a sentence that opens with a capitalised name is no dateline
        let a = article("+++\npublished = 2023-11-14\n+++\nFighting near Kidal on Monday, the army said - and in Gao too.\n");
        assert!(a.candidates.iter().any(|c| c.sent == 0));
    }

    #[test]
    fn a_capital_standing_for_its_government_is_not_a_place() {
        let a = article("+++\npublished = 2023-11-14\n+++\nRebels blamed Bamako for the strike on Monday. Bamako said the strike on Monday was theirs.\n\nThe army accused Bamako of shelling on Monday.\n");
        assert!(
            a.candidates.iter().all(|c| c.places.iter().all(|&p| lex().places[p].id != "bamako")),
            "{:?}",
            a.candidates
        );
        let a = article("+++\npublished = 2023-11-14\n+++\nA strike hit a market in Bamako on Monday.\n");
        assert!(a.candidates.iter().any(|c| c.places.iter().any(|&p| lex().places[p].id == "bamako")));
    }

    #[test]
    fn taking_a_base_is_told_apart_from_taking_the_town() {
        let a = article("+++\npublished = 2023-11-14\n+++\nRebels said they seized the army base in Kidal on Monday.\n\nThe army took control of Gao on Monday.\n");
        let hints: Vec<bool> = a.candidates.iter().map(|c| c.hints.contains(&"facility")).collect();
        assert_eq!(hints, [true, false], "{:?}", a.candidates);
    }

    #[test]
    fn a_year_since_which_is_no_date_of_the_happening() {
        let a = article("+++\npublished = 2023-11-14\n+++\nFighting broke out near Kidal on Monday.\n\nThe fighting near Kidal was the fiercest since 2023, residents said.\n");
        assert_eq!(a.candidates.len(), 2, "{:?}", a.candidates);
        for c in &a.candidates {
            assert_eq!((c.start, c.end), (Date::new(2023, 11, 13).unwrap(), Date::new(2023, 11, 13).unwrap()), "{c:?}");
        }
    }

    #[test]
    fn background_history_and_hypotheticals_make_no_event() {
        let a = article("+++\npublished = 2023-11-13\n+++\nThe rebels routed the Malian army when it tried to regain control of Kidal in 2014. An offensive on Kidal could begin soon. Fighting began near Kidal on Saturday.");
        assert_eq!(a.candidates.len(), 1, "{:?}", a.candidates);
        assert_eq!(a.candidates[0].start, Date::new(2023, 11, 11).unwrap());
    }

    #[test]
    fn an_undated_lead_takes_the_day_the_next_sentence_names() {
        // published on a Tuesday; the capture is told first, its day second
        let a = article("+++\npublished = 2023-11-14\n+++\nThe rebels have claimed the capture of Kidal after days of fighting.\n\nThe group said late on Sunday it had taken Kidal.\n");
        let lead = a.candidates.iter().find(|c| c.sent == 0).expect("a lead candidate");
        assert_eq!(lead.start, Date::new(2023, 11, 12).unwrap());
        // an older day further down is background, not the lead's
        let a = article("+++\npublished = 2023-11-14\n+++\nThe rebels have claimed the capture of Kidal after heavy fighting.\n\nThe town has changed hands often.\n\nThey said something else.\n\nFighting had erupted near Kidal on 2 November.\n");
        let lead = a.candidates.iter().find(|c| c.sent == 0).expect("a lead candidate");
        assert_eq!(lead.start, Date::new(2023, 11, 14).unwrap());
    }

    #[test]
    fn caveats_are_found_and_exact() {
        let a = article("+++\npublished = 2023-11-13\n+++\nFighting began near Kidal on Saturday. The claims could not be independently verified.");
        assert_eq!(a.caveats.len(), 1);
        let c = &a.caveats[0].1;
        assert_eq!(
            crate::text::slice_cp(&a.document.text, c.start, c.end),
            c.quote
        );
    }

    #[test]
    fn crlf_and_bom_are_normalised_and_offsets_stay_exact() {
        let a = article("\u{feff}The army said on Sunday, November 12, 2023 it clashed with rebels near Kidal.\r\nRebels denied it.\r\n");
        assert!(!a.document.text.contains('\r'));
        for c in &a.claims {
            assert_eq!(
                crate::text::slice_cp(&a.document.text, c.start, c.end),
                c.quote
            );
        }
    }
}
