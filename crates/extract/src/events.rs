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

use crate::dates::Date;
use crate::camps::Role;
use crate::model::{EventKind, Precision};
use crate::tokens::{class, Words};

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
            Family::Combat
            | Family::Attack
            | Family::Movement
            | Family::Outcome
            | Family::Explosive => 0,
            Family::Air => 1,
            Family::Civilians => 0,
            Family::Withdrawal => 2,
            Family::Network => 3,
            Family::Territory => 4,
        }
    }

    /// Whether two families describe compatible happenings.
    pub fn compatible(self, other: Family) -> bool {
        let pair = |a: Family, b: Family| (self == a && other == b) || (self == b && other == a);
        self == other
            || pair(Family::Territory, Family::Movement)
            || self.group() == other.group()
            || pair(Family::Civilians, Family::Air)
            || pair(Family::Outcome, Family::Air)
            // one outlet's "drone strikes" are another's "attack" or "fighting"
            || (self.violent() && other.violent())
    }

    /// Violence at a place: strikes from the air, attacks, fighting, bombs,
    /// and taking a place by force.
    fn violent(self) -> bool {
        matches!(
            self,
            Family::Air | Family::Attack | Family::Combat | Family::Explosive | Family::Territory
        )
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
        Trigger {
            phrase: $p,
            family: Family::$f,
            hint: $h,
        }
    };
}

/// Ordered from most to least specific: the first match in the table wins
/// for the sentence's family; all matches feed the title hints.
const TRIGGERS: &[Trigger] = &[
    t!("drones struck", Air, "drone"),
    t!("drone struck", Air, "drone"),
    t!("drones targeted", Air, "drone"),
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
    t!("bombing", Air, "air"),
    t!("missile strikes", Air, "air"),
    t!("missile strike", Air, "air"),
    t!("missile attack", Air, "air"),
    t!("missiles", Air, "air"),
    t!("missile", Air, "air"),
    t!("telephone network", Network, "network"),
    t!("phone network", Network, "network"),
    t!("communications", Network, "network"),
    t!("civilians were killed", Civilians, "civilians"),
    t!("civilians were executed", Civilians, "civilians"),
    t!("killed civilians", Civilians, "civilians"),
    t!("executing", Civilians, "civilians"),
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
    t!("explosion", Explosive, "explosive"),
    t!("blast", Explosive, "explosive"),
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
    t!("took control", Territory, "control"),
    t!("now control", Territory, "control"),
    t!("regained control", Territory, "control"),
    t!("had retaken", Territory, "control"),
    t!("has retaken", Territory, "control"),
    t!("have retaken", Territory, "control"),
    t!("had overrun", Territory, "control"),
    t!("has overrun", Territory, "control"),
    t!("overran the", Territory, "control"),
    t!("seized the", Territory, "control"),
    t!("captured the", Territory, "control"),
    t!("overran", Territory, "control"),
    t!("overrun", Territory, "control"),
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
    t!("double attack", Attack, "double"),
    t!("ambushes", Combat, "ambush"),
    t!("ambush", Combat, "ambush"),
    t!("ambushed", Combat, "ambush"),
    t!("rocket fire", Combat, "rocket"),
    t!("shelling", Combat, "rocket"),
    t!("shelled", Combat, "rocket"),
    t!("artillery", Combat, "rocket"),
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
    t!("struck", Attack, "attack"),
    t!("strikes", Attack, "attack"),
    t!("strike", Attack, "attack"),
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
    t!("killing", Outcome, "toll"),
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
    t!("neutralised", Outcome, "fighting"),
    t!("neutralisation", Outcome, "fighting"),
    t!("neutralization", Outcome, "fighting"),
    t!("eliminated", Outcome, "fighting"),
    t!("elimination", Outcome, "fighting"),
    t!("neutralized", Outcome, "fighting"),
];

/// Words marking a hypothetical, future or negated happening.
pub(crate) const HYPOTHETICAL: &[&str] = &[
    "could",
    "would",
    "might",
    "may",
    "will",
    "if",
    "should",
    "yet",
    "never",
    "continue",
    "continues",
    "regularly",
    "often",
];

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
    /// The role of the first claim's speaker's camp, when known: who says
    /// it took a town is who took it.
    pub claimant_side: Option<Role>,
    /// The sentence opens by pointing back at the previous one's time
    /// ("At the time, …"), so its carried-over date is meant.
    pub anaphoric: bool,
}

/// Triggers of a sentence: (family of the first match, hints, token of the first match).
pub fn triggers(w: &Words, t0: usize, t1: usize) -> Option<(Family, Vec<&'static str>, usize)> {
    let index = trigger_index();
    let mut best: Option<(u8, usize, usize)> = None; // (weight, table index, token)
    let mut hints: Vec<&'static str> = Vec::new();
    for k in t0..t1 {
        if !w.has(k, class::TRIGGER) {
            continue;
        }
        let word = w.w(k);
        let from = index.partition_point(|(first, _)| *first < word);
        for &(first, ti) in &index[from..] {
            if first != word {
                break;
            }
            let t = &TRIGGERS[ti];
            if k + Words::phrase_len(t.phrase) > t1 || !w.phrase_at(k, t.phrase) {
                continue;
            }
            if !hints.contains(&t.hint) {
                hints.push(t.hint);
            }
            let weight = if t.family == Family::Outcome {
                0
            } else {
                trigger_weight(t.phrase)
            };
            if best.is_none_or(|(bw, bi, _)| weight > bw || (weight == bw && ti < bi)) {
                best = Some((weight, ti, k));
            }
        }
    }
    best.map(|(_, ti, k)| (TRIGGERS[ti].family, hints, k))
}

/// Triggers sorted by their first word, for a binary search per token.
fn trigger_index() -> &'static [(&'static str, usize)] {
    static INDEX: std::sync::OnceLock<Vec<(&'static str, usize)>> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut v: Vec<(&'static str, usize)> = TRIGGERS
            .iter()
            .enumerate()
            .map(|(i, t)| (t.phrase.split(' ').next().unwrap_or(t.phrase), i))
            .collect();
        v.sort();
        v
    })
}

/// The first words of all trigger phrases.
pub(crate) fn trigger_first_words() -> Vec<&'static str> {
    trigger_index().iter().map(|(w, _)| *w).collect()
}

/// Phrases are most specific, then event verbs in the past tense, then nouns
/// ("… waiting for the slightest ambush, the first arrived at the Kidal
/// camp" is an arrival).
fn trigger_weight(phrase: &str) -> u8 {
    if phrase.contains(' ') {
        3
    } else if phrase.ends_with("ed") || matches!(phrase, "left" | "fought" | "retook" | "withdrew")
    {
        2
    } else {
        1
    }
}

/// Whether tokens `[t0, t1)` are hypothetical or a question.
pub fn hypothetical(w: &Words, t0: usize, t1: usize, ends_with_question: bool) -> bool {
    ends_with_question
        || (t0..t1).any(|k| {
            let x = w.w(k);
            w.has(k, class::HYPOTHETICAL)
                && !(x == "may" && w.capitalised(k))
                && !(x == "yet" && w.w(k + 1) != "to")
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
    /// Members per family (indexed by [`Family`] order), kept as members join.
    family_counts: [u32; FAMILIES],
}

const FAMILIES: usize = 10;

fn family_index(f: Family) -> usize {
    f as usize
}

const ALL_FAMILIES: [Family; FAMILIES] = [
    Family::Air,
    Family::Territory,
    Family::Civilians,
    Family::Explosive,
    Family::Attack,
    Family::Combat,
    Family::Withdrawal,
    Family::Network,
    Family::Movement,
    Family::Outcome,
];

impl Group {
    /// Some member tells of an attack, fighting, a bomb or a strike from
    /// the air: a bare outcome ("30 soldiers were killed") may join it even
    /// when the group is mostly about taking the place.
    pub fn has_violence(&self) -> bool {
        [Family::Air, Family::Attack, Family::Combat, Family::Explosive]
            .iter()
            .any(|&f| self.family_counts[family_index(f)] > 0)
    }

    /// The family most members have (outcome-only members aside; ties go to
    /// the more specific family).
    pub fn family(&self) -> Family {
        let mut best = Family::Outcome;
        let mut n = 0;
        for f in ALL_FAMILIES {
            // specific happenings outweigh the fighting words around them
            let weight = if matches!(
                f,
                Family::Air | Family::Territory | Family::Civilians | Family::Explosive
            ) {
                3
            } else {
                1
            };
            let c = self.family_counts[family_index(f)] * weight;
            if f != Family::Outcome && c > n {
                best = f;
                n = c;
            }
        }
        best
    }
}

/// How a matching event ranks for a candidate (higher wins): for weakly
/// dated candidates an event dated to the day first, then nearness in the
/// same article; latest end; earliest index.
type Rank = (bool, usize, Date, std::cmp::Reverse<usize>);

/// Maximum span of an event, in days.
const MAX_SPAN: i64 = 8;
/// How far back a weakly dated candidate looks for its event, in days.
const WEAK_WINDOW: i64 = 30;

/// Group candidates into events. `related[p]` lists the places related to
/// place `p` (itself, the region of a town, the towns of a region). Groups
/// are indexed by place, and each group keeps its family counts and, per
/// article, the sentences of its members, so the cost per candidate does not
/// grow with the corpus.
pub fn group(cands: &[Candidate], related: &[Vec<usize>]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    // place → week (day number / 7) → groups there and then
    let mut by_place: Vec<HashMap<i64, Vec<usize>>> = vec![HashMap::new(); related.len()];
    // weeks each group is filed under
    let mut weeks: Vec<(i64, i64)> = Vec::new();
    // (group, document) → sentences of its members there
    let mut in_doc: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    let mut seen: Vec<usize> = Vec::new(); // per group: last candidate + 1 that looked at it
    let rel = |p: usize| -> &[usize] { related.get(p).map(Vec::as_slice).unwrap_or(&[]) };
    let is_related = |a: usize, b: usize| a == b || rel(a).contains(&b);

    // dated candidates naming what happened first, then bare outcomes
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].strong && !cands[i].places.is_empty())
        .collect();
    order.sort_by_key(|&i| {
        (
            cands[i].family == Family::Outcome,
            cands[i].start,
            cands[i].end,
            cands[i].doc,
            cands[i].sent,
        )
    });
    let mut weak: Vec<usize> = (0..cands.len())
        .filter(|&i| !cands[i].strong && !cands[i].places.is_empty())
        .collect();
    weak.sort_by_key(|&i| (cands[i].doc, cands[i].sent));
    let n_strong = order.len();
    order.extend(weak);

    for (step, &ci) in order.iter().enumerate() {
        let c = &cands[ci];
        let is_weak = step >= n_strong;
        if is_weak && c.family == Family::Outcome && c.claims.is_empty() {
            continue; // an undated bare outcome adds nothing to an event
        }
        let toll = c.family == Family::Outcome && c.hints.contains(&"toll");
        let mut best: Option<(usize, Rank)> = None;
        let reach = if is_weak {
            (WEAK_WINDOW, 1)
        } else if c.precision == Precision::Day {
            (MAX_SPAN, MAX_SPAN)
        } else {
            (7, 7)
        };
        let (w_lo, w_hi) = (
            (c.start.to_days() - reach.0).div_euclid(7),
            (c.end.to_days() + reach.1).div_euclid(7),
        );
        for &p in &c.places {
            for &q in std::iter::once(&p).chain(rel(p).iter()) {
                let Some(buckets) = by_place.get(q) else {
                    continue;
                };
                for gi in (w_lo..=w_hi)
                    .filter_map(|w| buckets.get(&w))
                    .flatten()
                    .copied()
                {
                    if seen[gi] == step + 1 {
                        continue;
                    }
                    seen[gi] = step + 1;
                    let g = &groups[gi];
                    let fam = g.family();
                    if !(fam.compatible(c.family)
                        || (toll && matches!(fam, Family::Air | Family::Civilians))
                        || (c.family == Family::Outcome && g.has_violence()))
                    {
                        continue;
                    }
                    let ok = if is_weak {
                        g.end >= c.start.add_days(-WEAK_WINDOW) && g.start <= c.end.add_days(1)
                    } else {
                        let slack = match c.precision.max(g.precision) {
                            Precision::Day => 1,
                            Precision::Week => 7,
                            _ => 0,
                        };
                        let overlap =
                            c.start <= g.end.add_days(slack) && c.end >= g.start.add_days(-slack);
                        let span = g.start.min(c.start).days_until(g.end.max(c.end));
                        overlap && (span <= MAX_SPAN || c.precision != Precision::Day)
                    };
                    // the candidate's main place relates to the event, or the event's to the candidate
                    let place_ok = g.places.iter().any(|&gp| is_related(gp, c.places[0]))
                        || c.places.iter().any(|&cp| is_related(cp, g.primary));
                    if !(ok && place_ok) {
                        continue;
                    }
                    // weakly dated: the event told nearest in the same article; dated: the latest event
                    let near = if is_weak {
                        in_doc
                            .get(&(gi, c.doc))
                            .and_then(|v| v.iter().map(|&s| usize::MAX - s.abs_diff(c.sent)).max())
                            .unwrap_or(0)
                    } else {
                        0
                    };
                    // a weakly dated sentence tells of an incident (a day), not of
                    // the weeks around it ("in recent weeks, the army advanced")
                    let incident = !is_weak || g.precision == Precision::Day;
                    let rank = (incident, near, g.end, std::cmp::Reverse(gi));
                    if best.as_ref().is_none_or(|(_, r)| rank > *r) {
                        best = Some((gi, rank));
                    }
                }
            }
        }
        let found = best.map(|(gi, _)| gi);
        if is_weak
            && found.is_none()
            && c.claims.is_empty()
            && !(c.anaphoric && c.family != Family::Outcome)
        {
            continue;
        }
        let gi = match found {
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
                groups.push(Group {
                    members: vec![ci],
                    start: c.start,
                    end: c.end,
                    precision: c.precision,
                    places: Vec::new(),
                    primary: c.places[0],
                    family_counts: [0; FAMILIES],
                });
                seen.push(0);
                groups.len() - 1
            }
        };
        groups[gi].family_counts[family_index(c.family)] += 1;
        in_doc.entry((gi, c.doc)).or_default().push(c.sent);
        // file the group under its places and weeks (new places: all weeks;
        // widened dates: the new weeks)
        let (g_lo, g_hi) = (
            groups[gi].start.to_days().div_euclid(7),
            groups[gi].end.to_days().div_euclid(7),
        );
        if weeks.len() <= gi {
            weeks.push((g_lo, g_lo - 1));
        }
        let (old_lo, old_hi) = weeks[gi];
        for &p in &c.places {
            if !groups[gi].places.contains(&p) {
                groups[gi].places.push(p);
                if let Some(b) = by_place.get_mut(p) {
                    for w in old_lo..=old_hi {
                        b.entry(w).or_default().push(gi);
                    }
                }
            }
        }
        if g_lo < old_lo || g_hi > old_hi {
            let new_weeks: Vec<i64> = (g_lo..=g_hi)
                .filter(|w| *w < old_lo || *w > old_hi)
                .collect();
            for &p in &groups[gi].places {
                if let Some(b) = by_place.get_mut(p) {
                    for &w in &new_weeks {
                        b.entry(w).or_default().push(gi);
                    }
                }
            }
            weeks[gi] = (g_lo.min(old_lo), g_hi.max(old_hi));
        }
    }
    groups
}

/// A report looking back on an incident: fold each event told only by
/// weakly dated sentences (no day of their own: dated by the publication or
/// the story) of one article into an earlier event at a related place whose
/// days that article names ("the UN report on the killings in Moura of
/// March 27-31, 2022", published a year later). Among several, the earlier
/// event with most members.
pub fn fold_retrospectives(
    groups: &mut Vec<Group>,
    cands: &[Candidate],
    mentioned: &[Vec<(Date, Date)>],
    related: &[Vec<usize>],
) {
    let rel = |p: usize| -> &[usize] { related.get(p).map(Vec::as_slice).unwrap_or(&[]) };
    let is_related = |a: usize, b: usize| a == b || rel(a).contains(&b);
    for gi in 0..groups.len() {
        let g = &groups[gi];
        let Some(&first) = g.members.first() else { continue };
        let doc = cands[first].doc;
        if g.members.iter().any(|&m| cands[m].strong || cands[m].doc != doc) {
            continue;
        }
        let Some(days) = mentioned.get(doc) else { continue };
        let target = (0..groups.len())
            .filter(|&hi| hi != gi && !groups[hi].members.is_empty())
            .filter(|&hi| {
                let h = &groups[hi];
                h.end < g.start
                    && days.iter().any(|&(s, e)| s <= h.end && e >= h.start)
                    && g.places.iter().any(|&p| h.places.iter().any(|&q| is_related(p, q)))
            })
            .max_by_key(|&hi| (groups[hi].members.len(), std::cmp::Reverse(hi)));
        if let Some(hi) = target {
            let taken = std::mem::take(&mut groups[gi].members);
            let places = std::mem::take(&mut groups[gi].places);
            let counts = std::mem::replace(&mut groups[gi].family_counts, [0; FAMILIES]);
            let h = &mut groups[hi];
            h.members.extend(taken);
            for p in places {
                if !h.places.contains(&p) {
                    h.places.push(p);
                }
            }
            for (a, b) in h.family_counts.iter_mut().zip(counts) {
                *a += b;
            }
        }
    }
    groups.retain(|g| !g.members.is_empty());
}

/// The family most members of a group have (see [`Group::family`]).
pub fn main_family(_cands: &[Candidate], g: &Group) -> Family {
    g.family()
}

/// Who takes the place in a territory event: the side claiming it in the
/// territory sentences (state against the others); without claims, the state
/// when any state actor is named.
pub fn territory_taker(
    cands: &[Candidate],
    g: &Group,
    side_of: &dyn Fn(usize) -> Option<Role>,
) -> Role {
    let (mut state, mut other) = (0, 0);
    for &m in &g.members {
        if cands[m].family != Family::Territory {
            continue;
        }
        match cands[m].claimant_side {
            Some(Role::State) => state += 1,
            Some(Role::Armed | Role::Jihadist) => other += 1,
            _ => {}
        }
    }
    if state + other > 0 {
        return if state >= other {
            Role::State
        } else {
            Role::Armed
        };
    }
    if g.members
        .iter()
        .flat_map(|&m| cands[m].actors.iter())
        .any(|&a| side_of(a) == Some(Role::State))
    {
        Role::State
    } else {
        Role::Armed
    }
}

/// The event kind of a group (main family, sides for territory).
pub fn kind_of(
    cands: &[Candidate],
    g: &Group,
    side_of: &dyn Fn(usize) -> Option<Role>,
) -> EventKind {
    let fam = main_family(cands, g);
    match fam {
        Family::Air => EventKind::AirDroneStrike,
        Family::Territory => {
            if territory_taker(cands, g, side_of) == Role::State {
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
    actor_label: &dyn Fn(usize) -> (String, Role),
    camp: bool,
) -> String {
    let fam = main_family(cands, g);
    let place = most_frequent(g.members.iter().map(|&m| cands[m].places[0])).unwrap_or(g.primary);
    let p = place_name(place);
    let hints: Vec<&str> = g
        .members
        .iter()
        .flat_map(|&m| cands[m].hints.iter().copied())
        .collect();
    let has = |h: &str| hints.contains(&h);
    let count = |h: &str| hints.iter().filter(|x| **x == h).count();
    // convoys are named by who is in them ("the FAMA/Wagner convoy"); other
    // events by the actors most mentioned
    let near: bool =
        fam == Family::Movement && g.members.iter().any(|&m| !cands[m].near_actors.is_empty());
    let actors_of = |sides: &[Role]| -> Option<String> {
        let mut labels: Vec<(String, usize)> = Vec::new();
        for &m in &g.members {
            let list = if near {
                &cands[m].near_actors
            } else {
                &cands[m].actors
            };
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
        top.sort_by_key(|x| std::cmp::Reverse(x.1));
        top.truncate(2);
        Some(
            top.into_iter()
                .map(|(l, _)| l)
                .collect::<Vec<_>>()
                .join("/"),
        )
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
        Family::Territory => {
            let side_of = |a: usize| Some(actor_label(a).1);
            let state = territory_taker(cands, g, &side_of) == Role::State;
            let (first, then): (&[Role], &[Role]) = if state {
                (&[Role::State], &[Role::Armed, Role::Jihadist])
            } else {
                (&[Role::Armed, Role::Jihadist], &[Role::State])
            };
            // taking a base is not taking the town
            let facility = g
                .members
                .iter()
                .filter(|&&m| cands[m].family == Family::Territory)
                .all(|&m| cands[m].hints.contains(&"facility"));
            let what = if camp { "camp" } else { "base" };
            match actors_of(first).or_else(|| actors_of(then)) {
                Some(a) if facility => {
                    format!("{} seizes {what} in {p}", a.split('/').next().unwrap_or(&a))
                }
                None if facility => format!("Attack on {what} in {p}"),
                Some(a) if state => {
                    format!("{} takes control of {p}", a.split('/').next().unwrap_or(&a))
                }
                Some(a) => format!("{} takes over {p}", a.split('/').next().unwrap_or(&a)),
                None => format!("Control of {p} changes hands"),
            }
        }
        Family::Civilians => format!("Civilians killed in {p}"),
        Family::Explosive => format!("Explosion near {p}"),
        Family::Withdrawal => {
            let who = actors_of(&[Role::International])
                .or_else(|| actors_of(&[Role::State, Role::Armed]))
                .unwrap_or_else(|| "Forces".into());
            let who = who.split('/').next().unwrap_or("Forces").to_string();
            if camp {
                format!("{who} leaves {p} camp")
            } else {
                format!("{who} leaves {p}")
            }
        }
        Family::Attack if has("double") => format!("Double attack in {p}"),
        Family::Attack if !has("ambush") => format!("Attack in {p}"),
        Family::Combat | Family::Attack | Family::Outcome if has("ambush") => {
            format!("Ambush near {p}")
        }
        Family::Combat | Family::Attack | Family::Outcome => {
            if has("rocket") && count("fighting") == 0 {
                format!("Rocket fire near {p}")
            } else {
                format!("Fighting around {p}")
            }
        }
        Family::Movement => {
            let who = actors_of(&[Role::State])
                .or_else(|| actors_of(&[Role::Armed, Role::Jihadist, Role::International]));
            let convoy = has("convoy");
            // "Forces" (no actor, no convoy) is plural: "Forces reach Kidal".
            let (subject, plural) = match (who, convoy) {
                (Some(a), true) => (format!("{a} convoy"), false),
                (Some(a), false) => (a, false),
                (None, true) => ("Convoy".into(), false),
                (None, false) => ("Forces".into(), true),
            };
            let verbs = [
                ("reach", "reaches", "reach"),
                ("approach", "approaches", "approach"),
                ("leave", "leaves", "leave"),
                ("deploy", "deploys to", "deploy to"),
            ];
            let verb = verbs
                .iter()
                .map(|&(h, one, many)| (count(h), if plural { many } else { one }))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, _)| *n)
                .map(|(_, v)| v)
                .unwrap_or(if plural { "move towards" } else { "moves towards" });
            format!("{subject} {verb} {p}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Folded;
    use crate::tokens::{classes, tokenize};

    fn trig(t: &str) -> Option<Family> {
        let f = Folded::new(t);
        let mut toks = Vec::new();
        tokenize(&f, 0, f.len(), &mut toks);
        let cls = classes(&f, &toks);
        let w = Words {
            f: &f,
            toks: &toks,
            cls: &cls,
        };
        triggers(&w, 0, toks.len()).map(|x| x.0)
    }

    #[test]
    fn specific_triggers_win() {
        assert_eq!(
            trig("the rebels had cut the telephone network when fighting seemed imminent"),
            Some(Family::Network)
        );
        assert_eq!(
            trig("while waiting for the slightest ambush, the first arrived at the camp"),
            Some(Family::Movement)
        );
        assert_eq!(
            trig("the UN abandoned its camp, immediately reinvested by the CSP"),
            Some(Family::Withdrawal)
        );
        assert_eq!(
            trig("the double attack in Bamako, which left 70 dead"),
            Some(Family::Attack)
        );
        assert_eq!(
            trig("drone strikes have targeted the city"),
            Some(Family::Air)
        );
        assert_eq!(
            trig("She claimed to have dispersed the opposing forces"),
            Some(Family::Outcome)
        );
        assert_eq!(trig("The assertions are difficult to verify"), None);
    }

    fn cand(
        doc: usize,
        sent: usize,
        family: Family,
        place: usize,
        d: (i32, u8, u8),
        strong: bool,
    ) -> Candidate {
        let day = Date::new(d.0, d.1, d.2).unwrap();
        Candidate {
            doc,
            sent,
            para: sent,
            family,
            hints: vec!["fighting"],
            places: vec![place],
            actors: vec![],
            near_actors: vec![],
            start: day,
            end: day,
            precision: Precision::Day,
            strong,
            claims: vec![0],
            claimant_side: None,
            anaphoric: false,
        }
    }

    #[test]
    fn groups_across_articles_by_place_date_and_family() {
        let related = vec![vec![], vec![]];
        let cands = vec![
            cand(0, 0, Family::Combat, 0, (2023, 11, 12), true),
            cand(1, 3, Family::Combat, 0, (2023, 11, 11), true),
            cand(1, 4, Family::Outcome, 0, (2023, 11, 12), true),
            cand(1, 9, Family::Air, 0, (2023, 11, 4), true),
            cand(0, 1, Family::Combat, 1, (2023, 11, 12), true),
            cand(0, 2, Family::Combat, 0, (2023, 12, 20), true),
            cand(1, 6, Family::Outcome, 0, (2023, 11, 12), false),
        ];
        let g = group(&cands, &related);
        let of = |ci: usize| g.iter().position(|x| x.members.contains(&ci));
        assert_eq!(of(0), of(1), "same fight in two articles");
        assert_eq!(of(0), of(2), "an outcome joins the fight");
        assert_eq!(of(0), of(6), "an undated outcome joins the story's fight");
        assert_ne!(of(0), of(3), "air strikes a week earlier are apart");
        assert_ne!(of(0), of(4), "another place");
        assert_ne!(of(0), of(5), "another month");
        let fight = &g[of(0).unwrap()];
        assert_eq!(
            (fight.start, fight.end),
            (
                Date::new(2023, 11, 11).unwrap(),
                Date::new(2023, 11, 12).unwrap()
            )
        );
        assert_eq!(fight.family(), Family::Combat);
    }

    #[test]
    fn a_report_looking_back_joins_the_incident_it_names() {
        let related = vec![vec![]; 3];
        let march = |d| (2022, 3, d);
        let cands = vec![
            cand(0, 0, Family::Civilians, 1, march(28), true),
            cand(0, 1, Family::Civilians, 1, march(29), true),
            // a year later, another article at the same place, no day of its own
            cand(1, 4, Family::Attack, 1, (2023, 5, 13), false),
            // and an unrelated place
            cand(2, 0, Family::Attack, 2, (2023, 5, 13), false),
        ];
        let mut groups = group(&cands, &related);
        assert_eq!(groups.len(), 3);
        let day = |m, d| Date::new(2022, m, d).unwrap();
        // article 1 names the days of the incident; article 2 names none
        let mentioned = vec![vec![], vec![(day(3, 27), day(3, 31))], vec![(day(3, 27), day(3, 31))]];
        fold_retrospectives(&mut groups, &cands, &mentioned, &related);
        assert_eq!(groups.len(), 2, "{groups:?}");
        let incident = groups.iter().find(|g| g.members.contains(&0)).unwrap();
        assert_eq!(incident.members.len(), 3);
        assert_eq!((incident.start, incident.end), (day(3, 28), day(3, 29)));
        // an article with a day of its own there tells of a new incident
        let mut strong = cands.clone();
        strong[2].strong = true;
        let mut groups = group(&strong, &related);
        fold_retrospectives(&mut groups, &strong, &mentioned, &related);
        assert_eq!(groups.len(), 3);
    }

    #[test]
    fn a_taken_base_titles_the_event_not_the_town() {
        let mut c = cand(0, 0, Family::Territory, 0, (2023, 11, 13), true);
        c.hints = vec!["control", "facility"];
        c.actors = vec![0];
        let groups = group(&[c.clone()], &[vec![]]);
        let name = |_| "Kidal".to_string();
        let label = |_| ("CSP".to_string(), Role::Armed);
        assert_eq!(title_of(&[c.clone()], &groups[0], &name, &label, false), "CSP seizes base in Kidal");
        c.hints = vec!["control"];
        assert_eq!(title_of(&[c], &groups[0], &name, &label, false), "CSP takes over Kidal");
    }

    #[test]
    fn movement_titles_agree_with_their_subject() {
        let mut c = cand(0, 0, Family::Movement, 0, (2023, 11, 13), true);
        c.hints = vec!["reach"];
        let groups = group(&[c.clone()], &[vec![]]);
        let name = |_| "Lake Town".to_string();
        let label = |_| ("Army".to_string(), Role::State);
        // no actor: "Forces" is plural
        assert_eq!(title_of(&[c.clone()], &groups[0], &name, &label, false), "Forces reach Lake Town");
        c.actors = vec![0];
        assert_eq!(title_of(&[c.clone()], &groups[0], &name, &label, false), "Army reaches Lake Town");
        c.actors = vec![];
        c.hints = vec![];
        assert_eq!(title_of(&[c], &groups[0], &name, &label, false), "Forces move towards Lake Town");
    }

    #[test]
    fn strikes_missiles_and_blasts_are_happenings() {
        assert_eq!(trig("a missile strike hit the depot"), Some(Family::Air));
        assert_eq!(trig("the bombing of the market"), Some(Family::Air));
        assert_eq!(trig("a strike on the bridge"), Some(Family::Attack));
        assert_eq!(trig("an explosion at the checkpoint"), Some(Family::Explosive));
        assert_eq!(trig("artillery pounded the hills"), Some(Family::Combat));
        assert_eq!(trig("twelve fighters were eliminated"), Some(Family::Outcome));
    }

    #[test]
    fn families_compatibility() {
        assert!(Family::Combat.compatible(Family::Movement));
        assert!(Family::Outcome.compatible(Family::Air));
        // one outlet's drone strike is another's fighting or attack
        assert!(Family::Air.compatible(Family::Combat));
        assert!(Family::Air.compatible(Family::Attack));
        assert!(Family::Territory.compatible(Family::Attack));
        assert!(!Family::Air.compatible(Family::Movement));
        assert!(!Family::Outcome.compatible(Family::Network));
        assert!(!Family::Air.compatible(Family::Network));
        assert!(!Family::Withdrawal.compatible(Family::Combat));
        assert!(Family::Territory.compatible(Family::Movement));
    }
}
