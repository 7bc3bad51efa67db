//! Stage 6, the claims: the attributions of the body sentences
//! ([`claims::extract`]: cues, speakers, stance) → [`Claim`]s with their
//! quote, figures and the date they are about ([`claims`]).

use super::timeline::{Period, SentenceDates};
use super::{Parsed, Warning};
use crate::claims::{self, RawClaim};
use crate::dates::Resolved;
use crate::model::{Claim, Precision};
use crate::numbers;

/// An article's claims, before events are attached.
pub(super) struct Attributed {
    /// As the extractor found them (sentence, speaker index, content span).
    pub raw: Vec<RawClaim>,
    /// With ids (`{document}#c{n}`), quote, figures and date.
    pub claims: Vec<Claim>,
    /// Per claim: its date is a day named in its own words or sentence.
    pub strong: Vec<bool>,
}

/// Body sentences → [`Attributed`] claims of document `id`. A claim with
/// neither speaker nor side is a warning at its line.
pub(super) fn claims(
    p: &Parsed,
    id: &str,
    dates: &SentenceDates,
    period: Period,
    warnings: &mut Vec<Warning>,
) -> Attributed {
    let cctx = claims::Ctx {
        f: p.f(),
        w: p.words,
        ents: p.ents,
        lex: p.lex,
    };
    let raw: Vec<RawClaim> = claims::extract(&cctx, p.sents);
    let mut out: Vec<Claim> = Vec::with_capacity(raw.len());
    let mut strong: Vec<bool> = Vec::with_capacity(raw.len());
    for (n, rc) in raw.iter().enumerate() {
        let (ta, tb) = p.token_range(rc.start, rc.end);
        let nums = numbers::find_numbers(&p.words, ta, tb);
        let (own, date) = claim_date(p, rc, dates, period);
        strong.push(own.is_some_and(|r| r.precision == Precision::Day));
        if rc.speaker.is_none() && rc.side.is_none() {
            warnings.push(Warning {
                line: Some(p.layers.file_line(rc.start)),
                message: format!(
                    "claim without an identified speaker (“{}”)",
                    rc.speaker_text
                ),
            });
        }
        out.push(Claim {
            id: format!("{id}#c{}", n + 1),
            document: id.to_string(),
            start: rc.start,
            end: rc.end,
            quote: p.original(rc.start, rc.end),
            speaker: rc
                .speaker
                .and_then(|a| p.lex.actors.get(a))
                .map(|a| a.id.clone()),
            speaker_text: rc.speaker_text.clone(),
            side: rc.side,
            verb: rc.verb.clone(),
            stance: rc.stance,
            date: date.map(|r| r.to_range()),
            event: None,
            numbers: nums,
            confidence: rc.confidence,
            note: None,
        });
    }
    Attributed { raw, claims: out, strong }
}

/// The date a claim is about: a recent one in its content, else in its
/// sentence(s) (its own), else the story's date where it begins.
/// Gives (own, own or carried over).
fn claim_date(
    p: &Parsed,
    rc: &RawClaim,
    dates: &SentenceDates,
    period: Period,
) -> (Option<Resolved>, Option<Resolved>) {
    let pick_date = |from: u32, to: u32, si: usize| -> Option<Resolved> {
        dates.hits[si]
            .iter()
            .filter(|h| h.start >= from && h.end <= to)
            .filter_map(|h| h.resolved)
            .find(|r| !period.is_old(r))
    };
    let first_sent = p.sents.partition_point(|s| s.end <= rc.start).min(rc.sent);
    let own = pick_date(rc.content.0, rc.content.1, rc.sent)
        .or_else(|| (first_sent..=rc.sent).find_map(|si| pick_date(rc.start, rc.end, si)));
    (own, own.or(dates.narratives[first_sent]))
}
