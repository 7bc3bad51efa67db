//! Stage 8, the event candidates: per body sentence, the places of its
//! scene (its own, nearest the trigger first, or carried over from the
//! sentence before), and for a sentence telling of a happening (a trigger,
//! see [`events::triggers`]) that is no caveat, hypothetical or question:
//! its family, date, actors and claims ([`event_candidates`]). Then where
//! and when each claim is ([`claim_where`]), for claims whose sentence made
//! no candidate.

use super::attributions::Attributed;
use super::timeline::{DateHit, Period, SentenceDates};
use super::{ClaimWhere, Parsed};
use crate::claims::{RawClaim, Sent};
use crate::dates::{Date, Resolved};
use crate::events::{self, Candidate, Family};
use crate::mentions::ents_in;
use crate::model::{Caveat, Precision};
use crate::tokens::Words;

/// Body sentences → event candidates (`doc` 0, `claims` indexing `raw`),
/// and per sentence the places of its scene.
pub(super) fn event_candidates(
    p: &Parsed,
    dates: &SentenceDates,
    period: Period,
    caveats: &[(usize, Caveat)],
    raw: &[RawClaim],
) -> (Vec<Candidate>, Vec<Vec<usize>>) {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut sent_places: Vec<Vec<usize>> = vec![Vec::new(); p.sents.len()];
    let mut scene = Scene { places: Vec::new(), para: usize::MAX };
    for (si, s) in p.sents.iter().enumerate() {
        if !s.body {
            continue;
        }
        let trig = events::triggers(&p.words, s.t0, s.t1);
        let near = trig.as_ref().map(|t| p.toks[t.2].start).unwrap_or(s.start);
        let points_back = anaphoric(&p.words, s.t0);
        let places = scene.places(p, si, own_places(p, s, near), points_back);
        sent_places[si] = places.clone();
        let Some((family, hints, tki)) = trig else {
            continue;
        };
        let told = Told { si, family, hints, tki, places, anaphoric: points_back };
        let caveat = caveats.binary_search_by_key(&si, |c| c.0).is_ok();
        if let Some(c) = candidate(p, told, caveat, dates, period, raw) {
            candidates.push(c);
        }
    }
    (candidates, sent_places)
}

/// A sentence's own places (towns and regions, not a capital standing for
/// its government), the one nearest code point `near` first.
fn own_places(p: &Parsed, s: &Sent, near: u32) -> Vec<usize> {
    let mut own: Vec<(u32, usize)> = Vec::new();
    for e in ents_in(p.ents, s.start, s.end) {
        let Some(pl) = e.place else { continue };
        if !p.lex.locates(pl) || crate::roles::stands_for_actor(&p.words, p.toks, e) {
            continue;
        }
        own.push((e.start.abs_diff(near), pl));
    }
    own.sort();
    let mut places: Vec<usize> = Vec::new();
    for (_, pl) in own {
        if !places.contains(&pl) {
            places.push(pl);
        }
    }
    places
}

/// The places of the scene being told, and the paragraph that last set it.
struct Scene {
    places: Vec<usize>,
    para: usize,
}

impl Scene {
    /// The places of body sentence `si`: its `own`, else the scene's when
    /// it goes on in the same paragraph, points back ("At the time"), or
    /// follows a one-sentence paragraph (wire copy runs one sentence a
    /// paragraph: the previous one still sets the scene). Moves the scene on.
    fn places(&mut self, p: &Parsed, si: usize, own: Vec<usize>, points_back: bool) -> Vec<usize> {
        let s = &p.sents[si];
        let prev_para = self.para;
        let prev_single = si > 0
            && p.sents[si - 1].para == prev_para
            && (si < 2 || p.sents[si - 2].para != prev_para);
        let mut places = own;
        if places.is_empty()
            && (s.para == prev_para || points_back || (prev_single && s.para == prev_para + 1))
        {
            places = self.places.clone();
        }
        self.places = places.clone();
        self.para = s.para;
        places
    }
}

/// A body sentence that tells of a happening.
struct Told {
    si: usize,
    family: Family,
    hints: Vec<&'static str>,
    /// The trigger's token.
    tki: usize,
    places: Vec<usize>,
    anaphoric: bool,
}

/// The candidate of a sentence that tells of a happening, unless it is a
/// caveat, hypothetical or a question, names no place, or only old dates.
fn candidate(
    p: &Parsed,
    t: Told,
    caveat: bool,
    dates: &SentenceDates,
    period: Period,
    raw: &[RawClaim],
) -> Option<Candidate> {
    let s = &p.sents[t.si];
    let f = p.f();
    let mut hints = t.hints;
    if f.fs(s.start as usize, s.end as usize).contains("camp") {
        hints.push("camp");
    }
    if t.family == Family::Territory && takes_a_facility(&p.words, t.tki, s.t1) {
        hints.push("facility");
    }
    let question = f.chars[..s.end as usize]
        .iter()
        .rev()
        .find(|c| !matches!(c, '”' | '"' | '’' | ' '))
        .is_some_and(|c| *c == '?');
    if caveat || events::hypothetical(&p.words, s.t0, s.t1, question) || t.places.is_empty() {
        return None;
    }
    let (range, strong) = candidate_date(p, t.family, t.tki, &dates.hits[t.si], dates.narratives[t.si], period)?;
    let (mut actors, near_actors) = candidate_actors(p, s, t.tki);
    let mut cl: Vec<usize> = Vec::new();
    for (ci, rc) in raw.iter().enumerate() {
        if rc.sent == t.si {
            cl.push(ci);
            if let Some(a) = rc.speaker {
                if !actors.contains(&a) {
                    actors.push(a);
                }
            }
        }
    }
    Some(Candidate {
        doc: 0,
        sent: t.si,
        para: s.para,
        family: t.family,
        hints,
        places: t.places,
        actors,
        near_actors,
        start: range.start,
        end: range.end,
        precision: range.precision,
        strong,
        claimant_side: cl.first().and_then(|&ci| p.lex.gazetteer.roles.of(raw[ci].side?)),
        claims: cl,
        anaphoric: t.anaphoric,
    })
}

/// The date of a happening and whether the sentence names it: of the
/// sentence's recent dates, the one nearest the trigger, the day it
/// happened before the day it was told of; else the story's date. `None`:
/// the sentence names only old dates (background) or no date is known.
fn candidate_date(
    p: &Parsed,
    family: Family,
    tki: usize,
    hits: &[DateHit],
    narrative: Option<Resolved>,
    period: Period,
) -> Option<(Resolved, bool)> {
    let reference = period.published;
    // "the deadliest since 2021": a yardstick, not the happening's date
    let yardstick = |h: &DateHit| {
        h.since
            && h.resolved.is_some_and(|r| {
                r.precision == Precision::Year
                    || reference.is_some_and(|p| r.start.days_until(p) > 62)
            })
    };
    // dates of the reported period, not after publication (deadlines, plans)
    let recent: Vec<&DateHit> = hits
        .iter()
        .filter(|h| !yardstick(h))
        .filter(|h| {
            h.resolved
                .is_some_and(|r| !period.is_old(&r) && reference.is_none_or(|p| r.start <= p))
        })
        .collect();
    // background: an old date in the trigger's own clause ("routed the army when it tried … in 2014")
    let trig_cp = p.toks[tki].start;
    let any_dates = hits.iter().filter(|h| h.resolved.is_some() && !yardstick(h)).any(|h| {
        let (a, b) = if h.start < trig_cp {
            (h.end, trig_cp)
        } else {
            (trig_cp, h.start)
        };
        !p.f().fs(a as usize, b as usize).contains([',', ';', '(', ')'])
    });
    // the day of the happening before the day it was told of
    let happening = recent.iter().any(|h| !h.statement);
    let (range, strong) = match recent
        .iter()
        .filter(|h| !(happening && h.statement))
        .min_by_key(|h| h.start.abs_diff(trig_cp))
    {
        Some(h) => {
            // "drone strikes … since the night of November 3 to 4": ongoing
            let ongoing =
                h.since && matches!(family, Family::Air | Family::Combat | Family::Attack);
            let r = h.resolved.map(|mut r| {
                if let Some(p) = reference.filter(|p| ongoing && *p > r.end) {
                    r.end = p;
                } else if h.since && !ongoing && r.precision == Precision::Day {
                    r.end = r.start; // "left the city since October 21": it happened then
                }
                r
            });
            (r, true)
        }
        None if any_dates => return None, // background: only old dates
        None => (narrative, false),
    };
    range.map(|r| (r, strong))
}

/// The actors a sentence names (not places), and those named next to the
/// trigger or a convoy, column, evacuation or withdrawal ("the FAMA/Wagner
/// convoy", "a convoy of the Malian army").
fn candidate_actors(p: &Parsed, s: &Sent, tki: usize) -> (Vec<usize>, Vec<usize>) {
    let mut actors: Vec<usize> = Vec::new();
    let mut near_actors: Vec<usize> = Vec::new();
    let words = &p.words;
    let anchors_tok: Vec<usize> = (s.t0..s.t1)
        .filter(|&k| {
            k == tki
                || matches!(
                    words.w(k),
                    "convoy" | "convoys" | "column" | "evacuation" | "withdrawal"
                )
        })
        .collect();
    for e in ents_in(p.ents, s.start, s.end) {
        if let (Some(a), None) = (e.actor, e.place) {
            if !actors.contains(&a) {
                actors.push(a);
            }
            let (ek, ee) = p.token_range(e.start, e.end);
            let before = anchors_tok.iter().any(|&k| ee <= k && k - ee <= 1);
            let after = anchors_tok.iter().any(|&k| {
                ek > k && ek - k <= 4 && (k + 1..ek).any(|j| matches!(words.w(j), "of" | "by"))
            });
            if (before || after) && !near_actors.contains(&a) {
                near_actors.push(a);
            }
        }
    }
    (actors, near_actors)
}

/// Where and when each claim is: its sentence's places, its own day, its
/// date own or carried over, and whether it speaks of something happening.
pub(super) fn claim_where(p: &Parsed, claims: &Attributed, sent_places: &[Vec<usize>]) -> Vec<ClaimWhere> {
    claims
        .raw
        .iter()
        .zip(&claims.claims)
        .zip(&claims.strong)
        .map(|((rc, c), &strong)| {
            let any = c
                .date
                .as_ref()
                .and_then(|d| Some((Date::parse_iso(&d.start)?, Date::parse_iso(&d.end)?)));
            let (ta, tb) = p.token_range(rc.start, rc.end);
            let eventish = events::triggers(&p.words, ta, tb).is_some();
            ClaimWhere {
                sent: rc.sent,
                places: sent_places[rc.sent].clone(),
                strong: any.filter(|_| strong),
                any,
                eventish,
            }
        })
        .collect()
}

/// Words naming a facility rather than a whole town.
const FACILITIES: &[&str] = &[
    "base", "bases", "camp", "post", "posts", "barracks", "headquarters", "building",
    "airport", "checkpoint", "position", "positions", "garrison", "station",
];

/// Whether the taking trigger at token `k` takes a facility ("seized the
/// army base in X", "took control of the radio building"): a facility word
/// within the next five words, before any place preposition.
fn takes_a_facility(words: &Words, k: usize, end: usize) -> bool {
    for j in k + 1..(k + 6).min(end) {
        let w = words.w(j);
        if FACILITIES.contains(&w) {
            return true;
        }
        if matches!(w, "in" | "at" | "near" | "around" | "outside") {
            return false;
        }
    }
    false
}

/// A sentence opening that refers back to the previous sentence's scene.
fn anaphoric(words: &Words, t0: usize) -> bool {
    [
        "at the time",
        "that day",
        "the same day",
        "there",
        "then",
        "at that time",
        "on that day",
        "the toll",
        "the attack",
    ]
    .iter()
    .any(|p| words.phrase_at(t0, p))
}
