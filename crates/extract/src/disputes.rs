//! Disputes: where the parties' accounts of one event conflict.
//!
//! Within an event, two sides are in dispute when
//! 1. one side **denies** what another asserts (`FAMa says its convoy
//!    progressed; CMA denies it: “I deny the entry …”`);
//! 2. two belligerent sides (camps whose role is the state or an armed
//!    movement, [`Role::belligerent`]) each claim an outcome
//!    in their own favour — outcomes are read with a lexicon: advance,
//!    progress, dispersed, destroyed, broke through, repelled, took control
//!    vs trapped, surrounded, stopped, blocked, shot down, routed — so both
//!    cannot be right (`FAMa says it made progress; CSP says it trapped the
//!    enemy`);
//! 3. they give **different figures** for the same count (same unit, same
//!    counted noun and outcome);
//! 4. they **blame each other**: each names the other side as the one who
//!    struck (`Rebels say the army shelled the market; the army says the
//!    rebels did`), or one account says outright that they trade blame;
//! 5. a belligerent says it hit **military targets** while another side
//!    counts **civilian dead** (`the army says it killed 40 terrorists;
//!    residents say 30 villagers died`).
//!
//! A "side" here is a [`Party`]: a camp of the corpus with its role
//! ([`crate::camps`]). Which parties can dispute is decided in one place,
//! [`opposed`]: claims of two different camps. Which parties fight (rules 2,
//! 4 and 5) is their camp's role ([`Role::belligerent`]), never a camp id.
//!
//! One dispute per pair of sides and rule, naming every claim involved and
//! one readable line.

use crate::camps::Role;
use crate::model::{CampIx, Dispute, Number, Stance};

/// A claimant's camp, with the role the rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Party {
    pub camp: CampIx,
    pub role: Role,
}


/// What the dispute finder needs of a claim.
#[derive(Debug, Clone)]
pub struct ClaimView<'a> {
    pub id: &'a str,
    pub side: Option<Party>,
    pub stance: Stance,
    /// Actor short label or the speaker's words.
    pub label: String,
    /// Folded attributed content (lower-case ASCII).
    pub content: &'a str,
    /// The original quote, for the denial excerpt.
    pub quote: &'a str,
    pub numbers: &'a [Number],
    /// Sides of the actors the content names (the speaker's own included);
    /// read only when [`may_blame`] holds.
    pub named_sides: Vec<Party>,
    /// Which of the words an assertion is read for its content holds
    /// ([`assertion_words`]; 0 for another stance).
    pub assertion_words: u64,
}

/// Outcome phrases (folded) and how a dispute line words them.
const OUTCOMES: &[(&str, &str)] = &[
    ("stopped the advance", "it stopped the enemy's advance"),
    ("stopped the progress", "it stopped the enemy's advance"),
    (
        "very significant progress",
        "it made very significant progress",
    ),
    ("progressed", "its forces progressed"),
    ("progress", "it made progress"),
    ("advanced", "its forces advanced"),
    ("reached", "its forces reached the town"),
    ("entered", "its forces entered the town"),
    ("breaking through", "it broke through enemy lines"),
    ("have seized", "it seized the town"),
    ("has seized", "it seized the town"),
    ("broke", "it broke through enemy lines"),
    ("broken", "it broke through enemy lines"),
    ("dispersed", "it dispersed the enemy"),
    ("destroyed", "it destroyed enemy equipment"),
    ("inflicted", "it inflicted losses"),
    ("repelled", "it repelled the attack"),
    ("repel", "it repelled the attack"),
    ("took control", "it took control"),
    ("taken control", "it took control"),
    ("seized", "it seized ground"),
    ("captured", "it captured ground"),
    ("retook", "it retook ground"),
    ("lured", "it trapped the enemy"),
    ("trapped", "it trapped the enemy"),
    ("trap", "it trapped the enemy"),
    ("surrounded", "the enemy is surrounded"),
    ("encircled", "the enemy is surrounded"),
    ("blocked", "the enemy is blocked"),
    ("stopped", "it stopped the enemy"),
    ("shot down", "it shot down an aircraft"),
    ("routed", "it routed the enemy"),
    ("defeated", "it defeated the enemy"),
    ("neutralized", "it neutralized enemy fighters"),
    ("neutralised", "it neutralized enemy fighters"),
    ("in disarray", "the enemy is in disarray"),
    ("fled", "the enemy fled"),
    ("fought back", "it fought back"),
    ("reacted vigorously", "it fought back"),
    ("responded vigorously", "it fought back"),
    ("vigorous response", "it fought back"),
    ("gained the advantage", "it gained the advantage"),
];

/// Whether two claimants' accounts can be in dispute: they speak for
/// different camps.
pub fn opposed(a: Party, b: Party) -> bool {
    a.camp != b.camp
}

/// Words saying who did it: the named party carried it out.
const PERPETRATION: &[&str] = &[
    "struck", "carried out", "attacked", "shelled", "fired", "bombed", "hit", "to blame",
    "responsible", "launched", "targeted", "shot", "behind the", "perpetrated", "committed",
];

/// One account saying both parties blame each other.
const MUTUAL_BLAME: &[&str] = &[
    "accused each other", "accuse each other", "blamed each other", "blame each other",
    "traded blame", "trade blame", "trading blame", "traded accusations", "trade accusations",
];

/// The words of [`ASSERTION_WORDS`] (perpetration, military victims, death)
/// an assertion's (folded) content holds, as bits, found in one scan; 0 for
/// another stance, which is not read for them.
pub(crate) fn assertion_words(stance: Stance, content: &str) -> u64 {
    if stance == Stance::Assert {
        words_in(content, &ASSERTION_WORDS, &ASSERTION_FIRST)
    } else {
        0
    }
}

/// Whether a claim can blame a side: an assertion by a known side with a
/// perpetration word (`words`: its [`assertion_words`]). Only then does
/// [`blamed_sides`] read its `named_sides`, so only then need they be found.
pub(crate) fn may_blame(side: Option<Party>, words: u64) -> bool {
    side.is_some() && words & PERPETRATION_BITS != 0
}

/// The sides a claim blames: an assertion with a perpetration word naming a
/// belligerent of another side than the speaker's.
/// `perpetrates`: whether it is an assertion with a perpetration word.
fn blamed_sides(c: &ClaimView, perpetrates: bool) -> Vec<Party> {
    let Some(own) = c.side else { return Vec::new() };
    if !perpetrates {
        return Vec::new();
    }
    c.named_sides
        .iter()
        .copied()
        .filter(|&s| belligerent(Some(s)) && opposed(own, s))
        .collect()
}

/// Victims named as combatants or military objects ("military targets",
/// "servicemen", "terrorists").
const MILITARY_VICTIMS: &[&str] = &[
    "military target", "military targets", "military facilities", "military facility",
    "servicemen", "terrorists", "militants", "fighters", "combatants", "commanders",
    "military personnel", "army camps", "military camps", "army bases", "military bases",
];
/// Victims named as civilians or people.
const CIVILIAN_VICTIMS: &[&str] = &[
    "civilians", "civilian", "people", "residents", "villagers", "children", "women",
    "patients", "prisoners", "men",
];
/// Words of death in a toll.
const DEATH: &[&str] = &["killed", "killing", "dead", "died", "deaths", "executed", "massacre"];

/// An assertion with a death word within five words of a civilian noun
/// ("30 villagers were killed"; not "residents said armed men were killed":
/// armed men are no civilians, and the speaker is not the victim).
/// `death`: whether it is an assertion with a death word (the same test as
/// below's `DEATH.contains(w)`, without cutting the words).
fn counts_civilian_dead(c: &ClaimView, death: bool) -> bool {
    if !death {
        return false;
    }
    let words: Vec<&str> = c
        .content
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // the speaker's own words ("residents said …") are not the victims
    let speaker = c.label.to_ascii_lowercase();
    let civilian = |i: usize| {
        CIVILIAN_VICTIMS.contains(&words[i])
            && !(i > 0 && words[i - 1] == "armed")
            && !has_word(&speaker, words[i])
    };
    words.iter().enumerate().any(|(i, w)| {
        DEATH.contains(w) && (i.saturating_sub(5)..(i + 6).min(words.len())).any(civilian)
    })
}

fn belligerent(s: Option<Party>) -> bool {
    s.is_some_and(|p| p.role.belligerent())
}

fn has_word(text: &str, phrase: &str) -> bool {
    // `contains` rejects most phrases cheaply (a SIMD scan for short
    // needles); `match_indices` sets up a searcher on every call
    text.contains(phrase)
        && text.match_indices(phrase).any(|(i, _)| {
            let b = text.as_bytes();
            (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                && b.get(i + phrase.len())
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
}

/// For each byte, the phrases (at most 64, none empty) starting with it,
/// as bits over their indices: the index [`words_in`] reads, built once at
/// compile time for the lists below.
const fn first_bytes(phrases: &[&str]) -> [u64; 256] {
    assert!(phrases.len() <= 64);
    let mut t = [0u64; 256];
    let mut k = 0;
    while k < phrases.len() {
        t[phrases[k].as_bytes()[0] as usize] |= 1 << k;
        k += 1;
    }
    t
}

const OUTCOME_PHRASES: [&str; OUTCOMES.len()] = {
    let mut out = [""; OUTCOMES.len()];
    let mut k = 0;
    while k < OUTCOMES.len() {
        out[k] = OUTCOMES[k].0;
        k += 1;
    }
    out
};
static OUTCOMES_FIRST: [u64; 256] = first_bytes(&OUTCOME_PHRASES);

/// The words an assertion is read for ([`Reading::of`]), in one list so
/// that one scan finds them: perpetration, military victims, death.
const ASSERTION_WORDS: [&str; PERPETRATION.len() + MILITARY_VICTIMS.len() + DEATH.len()] =
    concat([PERPETRATION, MILITARY_VICTIMS, DEATH]);
static ASSERTION_FIRST: [u64; 256] = first_bytes(&ASSERTION_WORDS);
/// The bits of each list in [`ASSERTION_WORDS`].
const PERPETRATION_BITS: u64 = bits(0, PERPETRATION.len());
const MILITARY_VICTIMS_BITS: u64 = bits(PERPETRATION.len(), MILITARY_VICTIMS.len());
const DEATH_BITS: u64 = bits(PERPETRATION.len() + MILITARY_VICTIMS.len(), DEATH.len());

const fn concat<const N: usize>(lists: [&[&'static str]; 3]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut n, mut l) = (0, 0);
    while l < lists.len() {
        let mut k = 0;
        while k < lists[l].len() {
            out[n] = lists[l][k];
            n += 1;
            k += 1;
        }
        l += 1;
    }
    assert!(n == N);
    out
}

/// Bits `[from, from + len)`.
const fn bits(from: usize, len: usize) -> u64 {
    ((1u64 << len) - 1) << from
}

/// Which of `list` (indexed by `starting_with`, see [`first_bytes`]) occur
/// in `text` as whole words, as bits over their indices: [`has_word`] for
/// each phrase, in one pass over the text. Only the places where a word may
/// start are looked at, and there only the phrases starting with that
/// character.
fn words_in(text: &str, list: &[&str], starting_with: &[u64; 256]) -> u64 {
    let b = text.as_bytes();
    let mut hits = 0u64;
    for i in 0..b.len() {
        let mut candidates = starting_with[b[i] as usize] & !hits;
        if candidates == 0 || (i > 0 && b[i - 1].is_ascii_alphanumeric()) {
            continue;
        }
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let end = i + list[k].len();
            if b[i..].starts_with(list[k].as_bytes()) && b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric()) {
                hits |= 1 << k;
            }
        }
    }
    hits
}

/// The first outcome a claim asserts, as a dispute phrase.
pub fn outcome(content: &str) -> Option<&'static str> {
    // quoted words count as said: reacted "vigorously"
    let plain: String;
    let content = if content.contains('"') {
        plain = content.replace('"', "");
        plain.as_str()
    } else {
        content
    };
    let hits = words_in(content, &OUTCOME_PHRASES, &OUTCOMES_FIRST);
    (hits != 0).then(|| OUTCOMES[hits.trailing_zeros() as usize].1)
}

fn excerpt(quote: &str) -> String {
    let q = quote.trim();
    // the quoted words when there are any
    let inner = q.find(['“', '"', '«']).and_then(|a| {
        let rest = &q[a + q[a..].chars().next().map_or(1, char::len_utf8)..];
        rest.find(['”', '"', '»']).map(|b| &rest[..b])
    });
    let s = inner.unwrap_or(q);
    let first = s
        .split_inclusive(['.', '!', '?'])
        .next()
        .unwrap_or(s)
        .trim()
        .trim_end_matches([',', '.']);
    if first.chars().count() > 80 {
        let cut: String = first.chars().take(78).collect();
        format!(
            "“{}…”",
            cut.rsplit_once(' ').map(|(a, _)| a).unwrap_or(&cut)
        )
    } else {
        format!("“{first}”")
    }
}

/// Key of a figure for comparison: unit, counted noun, outcome.
fn figure_key(n: &Number) -> (String, String) {
    let words: Vec<String> = n.about.split(' ').map(|w| w.to_ascii_lowercase()).collect();
    let noun = words
        .iter()
        .rev()
        .find(|w| {
            !matches!(
                w.as_str(),
                "killed"
                    | "wounded"
                    | "captured"
                    | "destroyed"
                    | "missing"
                    | "kidnapped"
                    | "arrested"
                    | "displaced"
                    | "seized"
                    | "(total)"
            )
        })
        .cloned()
        .unwrap_or_default();
    // the same people under the names each side uses
    let noun = match noun.as_str() {
        "rebels" | "fighters" | "militants" | "jihadists" | "terrorists" | "assailants"
        | "combatants" | "attackers" => "fighters".to_string(),
        "troops" | "soldiers" | "gendarmes" | "servicemen" | "personnel" => "soldiers".to_string(),
        _ => noun,
    };
    let outcome = words.last().cloned().unwrap_or_default();
    (format!("{}|{}", n.unit, noun), outcome)
}

/// Nouns a bare people count ("30 killed", "100 personnel") may stand for.
const CASUALTY_NOUNS: &[&str] = &["soldiers", "fighters", "people", "civilians", ""];

/// Whether two figure keys count the same thing. Exactly the same key; or,
/// for people, one side's bare count of dead ("30 killed") against the
/// other's count of the same victims without the word ("more than 100
/// personnel"): an unnamed noun or outcome stands for the other's, when the
/// noun is one of the casualty nouns (not prisoners, not vehicles).
fn same_count(a: &(String, String), b: &(String, String)) -> bool {
    if a == b {
        return true;
    }
    let split = |k: &(String, String)| -> (String, String, String) {
        let (unit, noun) = k.0.split_once('|').unwrap_or((k.0.as_str(), ""));
        let counted = matches!(
            k.1.as_str(),
            "killed" | "wounded" | "captured" | "destroyed" | "missing" | "kidnapped" | "arrested"
                | "displaced" | "seized"
        );
        let outcome = if counted { k.1.clone() } else { String::new() };
        (unit.to_string(), noun.to_string(), outcome)
    };
    let ((ua, na, oa), (ub, nb, ob)) = (split(a), split(b));
    ua == "people"
        && ua == ub
        && CASUALTY_NOUNS.contains(&na.as_str())
        && CASUALTY_NOUNS.contains(&nb.as_str())
        && (na == nb || na.is_empty() || nb.is_empty())
        && (oa == ob || oa.is_empty() || ob.is_empty())
        && [oa.as_str(), ob.as_str()].iter().all(|o| o.is_empty() || *o == "killed")
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// What the rules read in one claim, found once per claim rather than once
/// per pair of sides.
struct Reading<'c, 'a> {
    claim: &'c ClaimView<'a>,
    outcome: Option<&'static str>,
    blamed: Vec<Party>,
    military_victims: bool,
    civilian_dead: bool,
}

impl<'c, 'a> Reading<'c, 'a> {
    fn of(claim: &'c ClaimView<'a>) -> Self {
        let hits = claim.assertion_words;
        Reading {
            claim,
            outcome: outcome(claim.content),
            blamed: blamed_sides(claim, hits & PERPETRATION_BITS != 0),
            military_victims: hits & MILITARY_VICTIMS_BITS != 0,
            civilian_dead: counts_civilian_dead(claim, hits & DEATH_BITS != 0),
        }
    }
}

/// The disputes among the claims of one event (claims in text order).
pub fn find(claims: &[ClaimView]) -> Vec<Dispute> {
    let reads: Vec<Reading> = claims.iter().map(Reading::of).collect();
    // every counted figure once: (claim, number, key); distances are not counts
    let figures: Vec<(usize, usize, (String, String))> = claims
        .iter()
        .enumerate()
        .flat_map(|(ci, c)| {
            c.numbers
                .iter()
                .enumerate()
                .filter(|(_, n)| n.unit != "km")
                .map(move |(ni, n)| (ci, ni, figure_key(n)))
        })
        .collect();
    let mut sides: Vec<Party> = claims.iter().filter_map(|c| c.side).collect();
    sides.sort();
    sides.dedup();
    let mut out = Vec::new();
    for (i, &a) in sides.iter().enumerate() {
        for &b in sides[i + 1..].iter().filter(|&&b| opposed(a, b)) {
            let of = |s: Party| reads.iter().filter(move |r| r.claim.side == Some(s));
            denials(&mut out, of(a), of(b));
            denials(&mut out, of(b), of(a));
            // 2. competing outcomes between belligerents
            if belligerent(Some(a)) && belligerent(Some(b)) {
                let wins = |s: Party| -> Vec<&Reading> {
                    of(s).filter(|r| r.claim.stance == Stance::Assert && r.outcome.is_some()).collect()
                };
                let (wa, wb) = (wins(a), wins(b));
                if !wa.is_empty() && !wb.is_empty() {
                    let reason = format!(
                        "{} says {}; {} says {}",
                        wa[0].claim.label,
                        wa[0].outcome.unwrap_or_default(),
                        wb[0].claim.label,
                        wb[0].outcome.unwrap_or_default()
                    );
                    let mut ids: Vec<String> = wa
                        .iter()
                        .chain(wb.iter())
                        .map(|r| r.claim.id.to_string())
                        .collect();
                    ids.sort();
                    ids.dedup();
                    if !out.iter().any(|d: &Dispute| d.claims == ids) {
                        out.push(Dispute {
                            claims: ids,
                            reason,
                        });
                    }
                }
            }
            // 4. each blames the other
            let blames = |x: Party, y: Party| -> Vec<&ClaimView> {
                of(x).filter(|r| r.blamed.contains(&y)).map(|r| r.claim).collect()
            };
            let (ba, bb) = (blames(a, b), blames(b, a));
            if let (Some(x), Some(y)) = (ba.first(), bb.first()) {
                push_new(
                    &mut out,
                    ids_of(ba.iter().chain(bb.iter())),
                    format!("{} blames the other side; {} blames the other side", x.label, y.label),
                );
            }
            // 5. military targets against civilian dead
            for (mil, civ) in [(a, b), (b, a)] {
                if !belligerent(Some(mil)) {
                    continue;
                }
                let m: Vec<&ClaimView> = of(mil).filter(|r| r.military_victims).map(|r| r.claim).collect();
                let v: Vec<&ClaimView> = of(civ).filter(|r| r.civilian_dead).map(|r| r.claim).collect();
                if let (Some(x), Some(y)) = (m.first(), v.first()) {
                    push_new(
                        &mut out,
                        ids_of(m.iter().chain(v.iter())),
                        format!(
                            "{} says it hit military targets; {} counts civilian dead: {}",
                            x.label,
                            y.label,
                            excerpt(y.quote)
                        ),
                    );
                }
            }
            // 3. different figures for the same count (first pair found, in claim order)
            let fig_a: Vec<(usize, usize, &(String, String))> = figures
                .iter()
                .filter(|f| claims[f.0].side == Some(a))
                .map(|f| (f.0, f.1, &f.2))
                .collect();
            'figures: for &(ia, na, ka) in &fig_a {
                for (ib, nb, kb) in figures.iter().filter(|f| claims[f.0].side == Some(b)) {
                    let (x, y) = (&claims[ia].numbers[na], &claims[*ib].numbers[*nb]);
                    if same_count(ka, kb) && x.value != y.value {
                        let reason = format!(
                            "{} counts {} {}; {} counts {}",
                            claims[ia].label,
                            fmt_value(x.value),
                            x.about,
                            claims[*ib].label,
                            fmt_value(y.value)
                        );
                        let mut ids = vec![claims[ia].id.to_string(), claims[*ib].id.to_string()];
                        ids.sort();
                        out.push(Dispute {
                            claims: ids,
                            reason,
                        });
                        break 'figures;
                    }
                }
            }
        }
    }
    // one account: the parties blame each other
    let mutual: Vec<&ClaimView> = claims
        .iter()
        .filter(|c| MUTUAL_BLAME.iter().any(|p| c.content.contains(p)))
        .collect();
    if let Some(c) = mutual.first() {
        push_new(
            &mut out,
            ids_of(mutual.iter()),
            format!("{} reports that the parties blame each other", c.label),
        );
    }
    out
}

/// Rule 1: one side denies what the other asserts (`deniers` are the
/// denying side's claims, `others` the other side's).
fn denials<'r, 'c: 'r, 'a: 'c>(
    out: &mut Vec<Dispute>,
    deniers: impl Iterator<Item = &'r Reading<'c, 'a>>,
    others: impl Iterator<Item = &'r Reading<'c, 'a>>,
) {
    let denials: Vec<&ClaimView> = deniers.filter(|r| r.claim.stance == Stance::Deny).map(|r| r.claim).collect();
    let asserted: Vec<&Reading> = others.filter(|r| r.claim.stance == Stance::Assert).collect();
    if denials.is_empty() || asserted.is_empty() {
        return;
    }
    let main = asserted.iter().find(|r| r.outcome.is_some()).unwrap_or(&asserted[0]);
    let what = main.outcome.unwrap_or("it happened");
    let quoted = denials
        .iter()
        .find(|c| c.quote.contains(['“', '"', '«']))
        .unwrap_or(&denials[0]);
    let reason = format!(
        "{} says {}; {} denies it: {}",
        main.claim.label,
        what,
        quoted.label,
        excerpt(quoted.quote)
    );
    let mut ids: Vec<String> = asserted
        .iter()
        .map(|r| r.claim.id.to_string())
        .chain(denials.iter().map(|c| c.id.to_string()))
        .collect();
    ids.sort();
    out.push(Dispute {
        claims: ids,
        reason,
    });
}

/// Sorted, deduplicated claim ids.
fn ids_of<'c, 'a: 'c>(claims: impl Iterator<Item = &'c &'c ClaimView<'a>>) -> Vec<String> {
    let mut ids: Vec<String> = claims.map(|c| c.id.to_string()).collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Adds a dispute unless one with the same claims is there.
fn push_new(out: &mut Vec<Dispute>, claims: Vec<String>, reason: String) {
    if !out.iter().any(|d| d.claims == claims) {
        out.push(Dispute { claims, reason });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The default camps, as the seeds' gazetteer has them.
    const fn party(camp: u8) -> Party {
        Party { camp: CampIx(camp), role: Role::DEFAULTS[camp as usize] }
    }
    const STATE: Party = party(0);
    const REBELS: Party = party(1);
    const JIHADISTS: Party = party(2);
    const LOCAL: Party = party(4);
    const OBSERVERS: Party = party(5);

    #[test]
    fn words_in_agrees_with_has_word() {
        let lists: [Vec<&str>; 3] = [
            OUTCOMES.iter().map(|(p, _)| *p).collect(),
            PERPETRATION.to_vec(),
            MILITARY_VICTIMS.to_vec(),
        ];
        let texts = [
            "",
            "fled",
            "the rebels fled; the army advanced and took control of the base",
            "unstopped, progressive, trapdoor, refled: no whole words here",
            "we have seized it, \"repelled\" them and shot  down a drone",
            "military targets: terrorists and fighters were hit (struck) by the army",
            "l'armée a progressé — they were in disarray, blamed each other",
            "carried outright; behind thea; struck",
        ];
        for list in &lists {
            assert!(list.len() <= 64);
            for text in texts {
                let hits = words_in(text, list, &first_bytes(list));
                for (k, p) in list.iter().enumerate() {
                    assert_eq!(hits & (1 << k) != 0, has_word(text, p), "{p:?} in {text:?}");
                }
            }
        }
    }

    fn view<'a>(
        id: &'a str,
        side: Party,
        stance: Stance,
        label: &str,
        content: &'a str,
        numbers: &'a [Number],
    ) -> ClaimView<'a> {
        ClaimView {
            id,
            side: Some(side),
            stance,
            label: label.into(),
            content,
            quote: content,
            numbers,
            named_sides: Vec::new(),
            assertion_words: assertion_words(stance, content),
        }
    }

    fn naming<'a>(mut v: ClaimView<'a>, sides: &[Party]) -> ClaimView<'a> {
        v.named_sides = sides.to_vec();
        v
    }

    #[test]
    fn each_side_blaming_the_other_is_a_dispute() {
        let c = [
            naming(
                view("a#c1", REBELS, Stance::Assert, "CSP", "the csp said the army shelled the market", &[]),
                &[REBELS, STATE],
            ),
            naming(
                view("b#c1", STATE, Stance::Assert, "FAMa", "the army said rebels fired on the market", &[]),
                &[STATE, REBELS],
            ),
        ];
        let d = find(&c);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].claims, ["a#c1", "b#c1"]);
        // one side blaming, the other silent on who did it: no dispute
        let one = [c[0].clone(), view("b#c2", STATE, Stance::Assert, "FAMa", "the market was busy", &[])];
        assert!(find(&one).is_empty());
    }

    #[test]
    fn an_account_of_mutual_blame_is_a_dispute() {
        let c = [view("a#c1", OBSERVERS, Stance::Assert, "AFP", "the two armies accused each other of the shelling", &[])];
        assert_eq!(find(&c).len(), 1);
    }

    #[test]
    fn military_targets_against_civilian_dead() {
        let c = [
            view("a#c1", STATE, Stance::Assert, "FAMa", "the army said it killed 40 terrorists in the strike", &[]),
            view("a#c2", LOCAL, Stance::Assert, "residents", "residents said 30 villagers were killed", &[]),
        ];
        let d = find(&c);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].reason.contains("civilian dead"), "{}", d[0].reason);
        // armed men killed are no civilian toll
        let c = [c[0].clone(), view("a#c3", LOCAL, Stance::Assert, "residents", "residents said armed men were killed", &[])];
        assert!(find(&c).is_empty());
    }

    #[test]
    fn denial_against_assertion() {
        let c = [
            view(
                "a#c1",
                STATE,
                Stance::Assert,
                "FAMa",
                "a large convoy of its forces had progressed to the surroundings of anefis",
                &[],
            ),
            view(
                "a#c2",
                REBELS,
                Stance::Deny,
                "CMA",
                "i deny the entry of the convoy. they are instead surrounded",
                &[],
            ),
        ];
        let d = find(&c);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].claims, vec!["a#c1", "a#c2"]);
        assert!(
            d[0].reason
                .starts_with("FAMa says its forces progressed; CMA denies it"),
            "{}",
            d[0].reason
        );
    }

    #[test]
    fn a_bare_death_count_against_a_count_of_personnel() {
        let n = |v: f64, about: &str| Number { value: v, unit: "people".into(), about: about.into() };
        let (a, b, c) = ([n(30.0, "killed")], [n(100.0, "personnel")], [n(22.0, "prisoners")]);
        let claims = [
            view("a#c1", STATE, Stance::Assert, "officials", "officials said 30 were killed", &a),
            view("a#c2", JIHADISTS, Stance::Assert, "JNIM", "jnim said it killed 100 personnel", &b),
        ];
        assert_eq!(find(&claims).len(), 1);
        // prisoners are another count
        let claims = [claims[0].clone(), view("a#c3", JIHADISTS, Stance::Assert, "JNIM", "jnim said it took 22 prisoners", &c)];
        assert!(find(&claims).is_empty());
    }

    #[test]
    fn fled_against_fought_back() {
        let c = [
            view("a#c1", JIHADISTS, Stance::Assert, "JNIM", "the escorting soldiers fled", &[]),
            view("a#c2", STATE, Stance::Assert, "FAMa", "the escort reacted \"vigorously\" to the ambush", &[]),
        ];
        let d = find(&c);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].reason.contains("fled") && d[0].reason.contains("fought back"), "{}", d[0].reason);
    }

    #[test]
    fn competing_outcomes_and_figures() {
        let n1 = [Number {
            value: 47.0,
            unit: "people".into(),
            about: "Malian soldiers killed".into(),
        }];
        let n2 = [Number {
            value: 5.0,
            unit: "people".into(),
            about: "soldiers killed".into(),
        }];
        let c = [
            view(
                "a#c1",
                STATE,
                Stance::Assert,
                "FAMa",
                "recorded very significant progress",
                &n2,
            ),
            view(
                "b#c1",
                REBELS,
                Stance::Assert,
                "CSP",
                "it had trapped malian soldiers",
                &n1,
            ),
            view(
                "b#c2",
                LOCAL,
                Stance::Assert,
                "a resident",
                "heard gunfire",
                &[],
            ),
        ];
        let d = find(&c);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(
            d[0].reason,
            "FAMa says it made very significant progress; CSP says it trapped the enemy"
        );
        assert!(
            d[1].reason
                .contains("counts 5 soldiers killed; CSP counts 47"),
            "{}",
            d[1].reason
        );
    }

    #[test]
    fn same_side_is_no_dispute() {
        let c = [
            view(
                "a#c1",
                STATE,
                Stance::Assert,
                "FAMa",
                "progressed",
                &[],
            ),
            view("a#c2", STATE, Stance::Deny, "junta", "denied", &[]),
        ];
        assert!(find(&c).is_empty());
    }
}
