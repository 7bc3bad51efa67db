//! Events: narrated facts and claims grouped by date, place and kind across
//! articles.
//!
//! **Candidates.** Every body sentence holding an event trigger (`clashed`,
//! `fighting`, `ambush`, `attacked`, `drone strikes`, `left Gao`, `reached`,
//! `withdrew`, `abandoned its camp`, `cut the telephone network`, `took
//! control` …) or an outcome word (`killed`, `dispersed`, `trapped`,
//! `surrounded`, `progress` …) is a candidate, with
//! - its date: the resolved date mention nearest the trigger; a sentence
//!   without one takes the narrative anchor (a *weak* date);
//! - its places (towns and regions, not countries), the one nearest the
//!   trigger first; a sentence without any inherits the previous sentence's
//!   places when it is in the same paragraph or opens with `At the time`,
//!   `That day`, `There`…;
//! - its actors (gazetteer actors mentioned, plus its claims' speakers).
//!
//! Dropped (claims are kept): hypothetical or future sentences (`could`,
//! `would`, `might`, `may`, `will`, `yet to`, questions), and **background**
//! sentences whose only dates are more than a year before publication
//! (`after rising in 2012`, `In 2012, the latter were able…`): this engine
//! records events of the reported period only.
//!
//! **Grouping.** Candidates with a date of their own are taken in date order;
//! each joins an event of a compatible family (fighting, attacks, movements
//! and bare outcomes go together; air strikes, withdrawals, territory changes
//! and communication cuts stay apart) whose place is related (same place, or
//! a town and its region) and whose dates overlap within a day (an event
//! spans at most eight days). Events are bucketed by place, so grouping is
//! linear in practice. Weakly dated candidates then join the latest
//! compatible event in the 30 days up to their anchor, or start their own
//! event when they carry a claim. Ids `e1…` follow start date.

use std::collections::HashMap;

use crate::dates::{Date, Resolved};
use crate::model::{EventKind, Precision, Side};
use crate::tokens::Words;

/// Event families: what happened, coarser than [`EventKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    Air,
    Territory,
    Civilians,
    Explosive,
    Attack,
    Combat,
    Withdrawal,
    Network,
    Movement,
    /// Only an outcome word ("killed", "trapped"): joins what it describes.
    Outcome,
}

impl Family {
    fn group(self) -> u8 {
        match self {
            Family::Combat | Family::Attack | Family::Movement | Family::Outcome | Family::Explosive => 0,
            Family::Air => 1,
            Family::Civilians => 0,
            Family::Withdrawal => 2,
            Family::Network => 3,
            Family::Territory => 4,
        }
    }

    /// Whether two families describe compatible happenings.
    pub fn compatible(self, other: Family) -> bool {
        self == other
            || self.group() == other.group()
            || (matches!(self, Family::Outcome | Family::Civilians) && other == Family::Air)
            || (matches!(other, Family::Outcome | Family::Civilians) && self == Family::Air)
    }
}

/// A trigger phrase: folded words, family and a title hint.
struct Trigger {
    phrase: &'static str,
    family: Family,
    hint: &'static str,
}

macro_rules! t {
    ($p:expr, $f:ident, $h:expr) => {
        Trigger { phrase: $p, family: Family::$f, hint: $h }
    };
}

/// Ordered from most to least specific: the first match in the table wins
/// for the sentence's family; all matches feed the title hints.
const TRIGGERS: &[Trigger] = &[
    t!("drone strikes", Air, "drone"),
    t!("drone strike", Air, "drone"),
    t!("drone attacks", Air, "drone"),
    t!("drone attack", Air, "drone"),
    t!("drones", Air, "drone"),
    t!("air strikes", Air, "air"),
    t!("air strike", Air, "air"),
    t!("airstrikes", Air, "air"),
    t!("airstrike", Air, "air"),
    t!("air raid", Air, "air"),
    t!("air raids", Air, "air"),
    t!("from the air", Air, "air"),
    t!("bombardments", Air, "air"),
    t!("bombardment", Air, "air"),
    t!("bombed", Air, "air"),
    t!("telephone network", Network, "network"),
    t!("phone network", Network, "network"),
    t!("communications", Network, "network"),
    t!("took control", Territory, "control"),
    t!("taken control", Territory, "control"),
    t!("take control", Territory, "control"),
    t!("seized control", Territory, "control"),
    t!("have seized", Territory, "control"),
    t!("has seized", Territory, "control"),
    t!("recapture", Territory, "control"),
    t!("recaptured", Territory, "control"),
    t!("reconquest", Territory, "control"),
    t!("retook", Territory, "control"),
    t!("retaken", Territory, "control"),
    t!("reinvested", Territory, "control"),
    t!("took over", Territory, "control"),
    t!("into the hands", Territory, "control"),
    t!("massacre", Civilians, "civilians"),
    t!("massacred", Civilians, "civilians"),
    t!("executed", Civilians, "civilians"),
    t!("executions", Civilians, "civilians"),
    t!("improvised explosive", Explosive, "explosive"),
    t!("explosive device", Explosive, "explosive"),
    t!("roadside bomb", Explosive, "explosive"),
    t!("landmine", Explosive, "explosive"),
    t!("car bomb", Explosive, "explosive"),
    t!("ied", Explosive, "explosive"),
    t!("withdrew", Withdrawal, "withdraw"),
    t!("withdrawn", Withdrawal, "withdraw"),
    t!("pulled out", Withdrawal, "withdraw"),
    t!("evacuation", Withdrawal, "withdraw"),
    t!("evacuated", Withdrawal, "withdraw"),
    t!("abandoned its camp", Withdrawal, "withdraw"),
    t!("abandoned their camp", Withdrawal, "withdraw"),
    t!("abandoned its base", Withdrawal, "withdraw"),
    t!("handed over", Withdrawal, "withdraw"),
    t!("left the city", Withdrawal, "withdraw"),
    t!("left the town", Withdrawal, "withdraw"),
    t!("left the camp", Withdrawal, "withdraw"),
    t!("left its camp", Withdrawal, "withdraw"),
    t!("double attack", Attack, "double"),
    t!("ambushes", Combat, "ambush"),
    t!("ambush", Combat, "ambush"),
    t!("ambushed", Combat, "ambush"),
    t!("rocket fire", Combat, "rocket"),
    t!("shelling", Combat, "rocket"),
    t!("shelled", Combat, "rocket"),
    t!("clashed", Combat, "fighting"),
    t!("clashes", Combat, "fighting"),
    t!("clash", Combat, "fighting"),
    t!("fighting", Combat, "fighting"),
    t!("fought", Combat, "fighting"),
    t!("battle", Combat, "fighting"),
    t!("combat", Combat, "fighting"),
    t!("skirmishes", Combat, "fighting"),
    t!("exchange of fire", Combat, "fighting"),
    t!("repel", Combat, "fighting"),
    t!("repelled", Combat, "fighting"),
    t!("attacked", Attack, "attack"),
    t!("attacks", Attack, "attack"),
    t!("attack", Attack, "attack"),
    t!("assault", Attack, "attack"),
    t!("raid", Attack, "attack"),
    t!("left", Movement, "leave"),
    t!("set off", Movement, "leave"),
    t!("departed", Movement, "leave"),
    t!("reached", Movement, "reach"),
    t!("arrived", Movement, "reach"),
    t!("crossed the camp gates", Movement, "reach"),
    t!("entered", Movement, "reach"),
    t!("entry", Movement, "reach"),
    t!("progressed", Movement, "approach"),
    t!("advance", Movement, "approach"),
    t!("advances", Movement, "approach"),
    t!("advanced", Movement, "approach"),
    t!("closed in", Movement, "approach"),
    t!("redeployment", Movement, "deploy"),
    t!("redeployed", Movement, "deploy"),
    t!("reinforcements", Movement, "deploy"),
    t!("convoy", Movement, "convoy"),
    t!("convoys", Movement, "convoy"),
    t!("column", Movement, "convoy"),
    t!("killed", Outcome, "toll"),
    t!("dead", Outcome, "toll"),
    t!("wounded", Outcome, "toll"),
    t!("losses", Outcome, "toll"),
    t!("toll", Outcome, "toll"),
    t!("defeat", Outcome, "fighting"),
    t!("dispersed", Outcome, "fighting"),
    t!("trapped", Outcome, "fighting"),
    t!("trap", Outcome, "fighting"),
    t!("surrounded", Outcome, "fighting"),
    t!("blocked", Outcome, "fighting"),
    t!("shot down", Outcome, "fighting"),
    t!("destroyed", Outcome, "fighting"),
    t!("progress", Outcome, "fighting"),
    t!("routed", Outcome, "fighting"),
    t!("disarray", Outcome, "fighting"),
];

/// Words marking a hypothetical, future or negated happening.
const HYPOTHETICAL: &[&str] = &["could", "would", "might", "may", "will", "if", "should", "yet"];

/// A sentence that may describe an event.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Index of the sentence in its document.
    pub sent: usize,
    pub para: usize,
    pub family: Family,
    /// Title hints of all triggers found ("convoy", "leave", "fighting" …).
    pub hints: Vec<&'static str>,
    /// Places (gazetteer indices), the one nearest the trigger first.
    pub places: Vec<usize>,
    pub actors: Vec<usize>,
    /// Actors named within a few words of a trigger ("the FAMA/Wagner convoy").
    pub near_actors: Vec<usize>,
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
    /// The date comes from the sentence itself (not the narrative anchor).
    pub strong: bool,
    /// Claims (corpus indices) made in this sentence.
    pub claims: Vec<usize>,
}

/// Triggers of a sentence: (family of the first match, hints, token of the first match).
pub fn triggers(w: &Words, t0: usize, t1: usize) -> Option<(Family, Vec<&'static str>, usize)> {
    let mut best: Option<(usize, usize)> = None; // (table index, token)
    let mut hints: Vec<&'static str> = Vec::new();
    for k in t0..t1 {
        for (ti, t) in TRIGGERS.iter().enumerate() {
            if k + Words::phrase_len(t.phrase) > t1 || !w.phrase_at(k, t.phrase) {
                continue;
            }
            if !hints.contains(&t.hint) {
                hints.push(t.hint);
            }
            if best.is_none_or(|(bi, _)| ti < bi) {
                best = Some((ti, k));
            }
        }
    }
    best.map(|(ti, k)| (TRIGGERS[ti].family, hints, k))
}

/// Whether tokens `[t0, t1)` are hypothetical or a question.
pub fn hypothetical(w: &Words, t0: usize, t1: usize, ends_with_question: bool) -> bool {
    ends_with_question
        || (t0..t1).any(|k| {
            let x = w.w(k);
            HYPOTHETICAL.contains(&x) && !(x == "may" && w.capitalised(k)) && !(x == "yet" && w.w(k + 1) != "to")
        })
}

/// A grouped event before ids are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub members: Vec<usize>,
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
    pub places: Vec<usize>,
    pub primary: usize,
}

/// Maximum span of an event, in days.
const MAX_SPAN: i64 = 8;
/// How far back a weakly dated candidate looks for its event, in days.
const WEAK_WINDOW: i64 = 30;

/// Group candidates into events. `related(a, b)` tells whether two places
/// are the same or nested. Returns groups of candidate indices.
pub fn group(cands: &[Candidate], related: &dyn Fn(usize, usize) -> bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // place → groups having it
    let mut by_place: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut order: Vec<usize> = (0..cands.len()).filter(|&i| cands[i].strong && !cands[i].places.is_empty()).collect();
    order.sort_by_key(|&i| (cands[i].start, cands[i].end, cands[i].doc, cands[i].sent));
    let family_of = |g: &Group| -> Family {
        g.members.iter().map(|&m| cands[m].family).filter(|f| *f != Family::Outcome).min().unwrap_or(Family::Outcome)
    };
    let find = |groups: &Vec<Group>, by_place: &HashMap<usize, Vec<usize>>, c: &Candidate, weak: bool| -> Option<usize> {
        let mut best: Option<usize> = None;
        for &p in &c.places {
            for (&q, gs) in by_place.iter() {
                if !related(p, q) {
                    continue;
                }
                for &gi in gs {
                    let g = &groups[gi];
                    if !family_of(g).compatible(c.family) && !g.members.iter().any(|&m| cands[m].family.compatible(c.family) && cands[m].family != Family::Outcome) {
                        continue;
                    }
                    let ok = if weak {
                        let lo = c.start.add_days(-WEAK_WINDOW);
                        g.end >= lo && g.start <= c.start.add_days(1)
                    } else {
                        let (s, e) = (g.start.add_days(-1), g.end.add_days(1));
                        let overlap = c.start <= e && c.end >= s;
                        let span = g.start.min(c.start).days_until(g.end.max(c.end));
                        overlap && (span <= MAX_SPAN || c.precision != Precision::Day)
                    };
                    // the candidate's primary place must relate to the group, or the group's primary to the candidate
                    let place_ok = g.places.iter().any(|&gp| related(gp, c.places[0])) || c.places.iter().any(|&cp| related(cp, g.primary));
                    if ok && place_ok && best.is_none_or(|b| groups[b].end < g.end || (groups[b].end == g.end && gi < b)) {
                        best = Some(gi);
                    }
                }
            }
        }
        best
    };
    let mut add = |groups: &mut Vec<Group>, by_place: &mut HashMap<usize, Vec<usize>>, gi: Option<usize>, ci: usize| {
        let c = &cands[ci];
        let gi = match gi {
            Some(gi) => {
                let g = &mut groups[gi];
                g.members.push(ci);
                if c.strong && (c.precision == Precision::Day || g.precision != Precision::Day) {
                    if g.precision != Precision::Day && c.precision == Precision::Day {
                        g.start = c.start;
                        g.end = c.end;
                        g.precision = Precision::Day;
                    } else {
                        g.start = g.start.min(c.start);
                        g.end = g.end.max(c.end);
                        g.precision = g.precision.min(c.precision);
                    }
                }
                gi
            }
            None => {
                groups.push(Group { members: vec![ci], start: c.start, end: c.end, precision: c.precision, places: Vec::new(), primary: c.places[0] });
                groups.len() - 1
            }
        };
        for &p in &c.places {
            if !groups[gi].places.contains(&p) {
                groups[gi].places.push(p);
                by_place.entry(p).or_default().push(gi);
            }
        }
    };
    for &ci in &order {
        let gi = find(&groups, &by_place, &cands[ci], false);
        add(&mut groups, &mut by_place, gi, ci);
    }
    // weakly dated candidates
    let mut weak: Vec<usize> = (0..cands.len()).filter(|&i| !cands[i].strong && !cands[i].places.is_empty()).collect();
    weak.sort_by_key(|&i| (cands[i].doc, cands[i].sent));
    for ci in weak {
        let gi = find(&groups, &by_place, &cands[ci], true);
        if gi.is_some() || !cands[ci].claims.is_empty() {
            add(&mut groups, &mut by_place, gi, ci);
        }
    }
    groups
}

/// The event kind of a group (by family precedence, sides for territory).
pub fn kind_of(cands: &[Candidate], g: &Group, side_of: &dyn Fn(usize) -> Option<Side>) -> EventKind {
    let fam = g.members.iter().map(|&m| cands[m].family).min().unwrap_or(Family::Outcome);
    match fam {
        Family::Air => EventKind::AirDroneStrike,
        Family::Territory => {
            let state = g.members.iter().flat_map(|&m| cands[m].actors.iter()).any(|&a| side_of(a) == Some(Side::State));
            if state {
                EventKind::GovernmentRegainsTerritory
            } else {
                EventKind::NonStateActorOvertakesTerritory
            }
        }
        Family::Civilians => EventKind::ViolenceAgainstCivilians,
        Family::Explosive => EventKind::RemoteExplosive,
        Family::Attack => EventKind::Attack,
        Family::Combat | Family::Outcome => EventKind::ArmedClash,
        Family::Withdrawal | Family::Network | Family::Movement => EventKind::StrategicDevelopment,
    }
}

/// The most frequent item (ties: the first seen).
fn most_frequent<T: Copy + PartialEq>(items: impl Iterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for x in items {
        match counts.iter_mut().find(|(y, _)| *y == x) {
            Some((_, n)) => *n += 1,
            None => counts.push((x, 1)),
        }
    }
    let max = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(x, _)| x)
}

/// A short readable title: "Fighting around Kidal", "FAMa/Wagner convoy
/// approaches Anéfis", "Drone strikes on Kidal", "Minusma leaves Kidal camp".
pub fn title_of(
    cands: &[Candidate],
    g: &Group,
    place_name: &dyn Fn(usize) -> String,
    actor_label: &dyn Fn(usize) -> (String, Side),
    camp: bool,
) -> String {
    let fam = g.members.iter().map(|&m| cands[m].family).min().unwrap_or(Family::Outcome);
    let place = most_frequent(g.members.iter().map(|&m| cands[m].places[0])).unwrap_or(g.primary);
    let p = place_name(place);
    let hints: Vec<&str> = g.members.iter().flat_map(|&m| cands[m].hints.iter().copied()).collect();
    let has = |h: &str| hints.contains(&h);
    let count = |h: &str| hints.iter().filter(|x| **x == h).count();
    let near: bool = g.members.iter().any(|&m| !cands[m].near_actors.is_empty());
    let actors_of = |sides: &[Side]| -> Option<String> {
        let mut labels: Vec<(String, usize)> = Vec::new();
        for &m in &g.members {
            let list = if near { &cands[m].near_actors } else { &cands[m].actors };
            for &a in list {
                let (l, s) = actor_label(a);
                if sides.contains(&s) {
                    match labels.iter_mut().find(|(x, _)| *x == l) {
                        Some((_, n)) => *n += 1,
                        None => labels.push((l, 1)),
                    }
                }
            }
        }
        if labels.is_empty() {
            return None;
        }
        let mut top: Vec<(String, usize)> = labels;
        top.sort_by(|a, b| b.1.cmp(&a.1));
        top.truncate(2);
        Some(top.into_iter().map(|(l, _)| l).collect::<Vec<_>>().join("/"))
    };
    match fam {
        Family::Air => {
            if has("drone") {
                format!("Drone strikes on {p}")
            } else {
                format!("Air strikes on {p}")
            }
        }
        Family::Network => format!("Telephone network cut in {p}"),
        Family::Territory => match actors_of(&[Side::State]) {
            Some(a) => format!("{a} take control of {p}"),
            None => match actors_of(&[Side::Rebels, Side::Jihadists]) {
                Some(a) => format!("{a} take over {p}"),
                None => format!("Control of {p} changes hands"),
            },
        },
        Family::Civilians => format!("Civilians killed in {p}"),
        Family::Explosive => format!("Explosion near {p}"),
        Family::Withdrawal => {
            let who = actors_of(&[Side::International]).or_else(|| actors_of(&[Side::State, Side::Rebels])).unwrap_or_else(|| "Forces".into());
            if camp {
                format!("{who} leaves {p} camp")
            } else {
                format!("{who} leaves {p}")
            }
        }
        Family::Attack if has("double") => format!("Double attack in {p}"),
        Family::Attack if !has("ambush") => format!("Attack in {p}"),
        Family::Combat | Family::Attack | Family::Outcome if has("ambush") => format!("Ambush near {p}"),
        Family::Combat | Family::Attack | Family::Outcome => {
            if has("rocket") && count("fighting") == 0 {
                format!("Rocket fire near {p}")
            } else {
                format!("Fighting around {p}")
            }
        }
        Family::Movement => {
            let who = actors_of(&[Side::State]).or_else(|| actors_of(&[Side::Rebels, Side::Jihadists, Side::International]));
            let convoy = has("convoy");
            let subject = match (who, convoy) {
                (Some(a), true) => format!("{a} convoy"),
                (Some(a), false) => a,
                (None, true) => "Convoy".into(),
                (None, false) => "Forces".into(),
            };
            let verb = [("reach", "reaches"), ("approach", "approaches"), ("leave", "leaves"), ("deploy", "deploys to")]
                .iter()
                .map(|(h, v)| (count(h), *v))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, _)| *n)
                .map(|(_, v)| v)
                .unwrap_or("moves towards");
            format!("{subject} {verb} {p}")
        }
    }
}
