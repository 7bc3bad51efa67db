//! Attributed claims: who asserts or denies what.
//!
//! A claim is found at a *cue*: a reporting verb outside quotation marks
//! (`said`, `claimed`, `indicated`, `denied`, `replied`, `told AFP`,
//! `highlighted`, `denounced`, `assured`, `comments` …) or `according to X`.
//! The speaker is read from the cue's position:
//!
//! - inverted, after a quote or a comma: `“…,” replied Attaye Ag Mohamed, a
//!   leader of the CMA` — the speaker follows the verb;
//! - post-posed: `…, the army said on Sunday.` / `“…,” he reported.` — the
//!   speaker is the noun phrase between the comma and the verb;
//! - pre-posed: `The Malian army indicated … that …`, `She claimed to have …`
//!   — the nearest subject before the verb (not one inside a prepositional
//!   phrase such as `faced with the FAMa`);
//! - `according to a CSP press release` — the phrase after the cue;
//! - an opening quote never closed followed by a short attribution sentence
//!   (`“It was a painful defeat. … A Malian officer slips in.`).
//!
//! Speakers: a gazetteer actor or person (speaker = the actor id), a pronoun
//! resolved to the last speaker of the paragraph or the subject of the
//! previous sentence, or an anonymous phrase (`a security official`, `two
//! security officials`, `several sources`, `a rebel commander`): then
//! `speaker` is `None`, `speaker_text` the words, and the side is the one of
//! the gazetteer entry inside the phrase (`Malian military source` → state,
//! `rebel commander` → rebels, `local elected official` → local), if any.
//!
//! Span (documented choice): the claim covers the whole sentence holding the
//! cue, except that (a) a quotation with its attribution starts at the
//! opening quote, (b) an unclosed quotation starts at its opening quote in an
//! earlier sentence, and (c) when one sentence holds two attributions to
//! different speakers, the first claim ends where the second begins.
//!
//! Stance is `Deny` for denial verbs (`denied`, `rejected`, `refuted` …) or
//! denial wording in the attributed content (`I deny`, `did not`, `never`,
//! `false`); otherwise `Assert`.

mod cues;

use crate::mentions::{ents_in, Ent, Lexicon};
use cues::{find_cues, Cue};
use crate::camps::Role;
use crate::model::{CampIx, Confidence, Stance};
use crate::text::Folded;
use crate::tokens::{class, Tok, Words};

/// A sentence as the extraction sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub start: u32,
    pub end: u32,
    /// Token range `[t0, t1)` into the document's tokens.
    pub t0: usize,
    pub t1: usize,
    /// Paragraph index.
    pub para: usize,
    /// Mined for claims and events (not boilerplate, not a heading).
    pub body: bool,
}

/// A claim before ids, dates and events are attached.
#[derive(Debug, Clone, PartialEq)]
pub struct RawClaim {
    pub start: u32,
    pub end: u32,
    /// The sentence holding the attribution.
    pub sent: usize,
    pub speaker: Option<usize>,
    pub speaker_text: String,
    pub side: Option<CampIx>,
    pub verb: String,
    pub stance: Stance,
    /// The attributed content (for outcomes, figures and dates).
    pub content: (u32, u32),
    pub confidence: Confidence,
}

pub(crate) const REPORT_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "claimed",
    "claims",
    "claim",
    "indicated",
    "indicates",
    "reported",
    "reports",
    "denied",
    "denies",
    "deny",
    "replied",
    "replies",
    "told",
    "tells",
    "highlighted",
    "highlights",
    "denounced",
    "denounces",
    "admitted",
    "admits",
    "insisted",
    "insists",
    "assured",
    "assures",
    "announced",
    "announces",
    "stated",
    "confirmed",
    "confirms",
    "accused",
    "accuses",
    "warned",
    "warns",
    "added",
    "adds",
    "explained",
    "explains",
    "estimated",
    "estimates",
    "comments",
    "commented",
    "noted",
    "asserted",
    "asserts",
    "affirmed",
    "affirms",
    "declared",
    "declares",
    "argued",
    "argues",
    "acknowledged",
    "acknowledges",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "dismissed",
    "believe",
    "believes",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "specified",
    "specifies",
    "slips",
    "slipped",
    "recounted",
    "testified",
    "wrote",
    "writes",
    "tweeted",
    "alleged",
    "alleges",
    "boasted",
    "countered",
    "retorted",
    "assert",
    "affirm",
    "admit",
    "insist",
    "announce",
    "confirm",
    "accuse",
    "denounce",
    "estimate",
    "report",
    "maintained",
    "maintains",
    "blamed",
    "blames",
    "disputed",
    "disputes",
    "spoken",
    "spoke",
];
/// Participles continuing a cue ("…, claiming to have …"): a cue only when
/// the sentence has no other.
pub(crate) const PARTICIPLES: &[&str] = &[
    "claiming",
    "saying",
    "adding",
    "stressing",
    "insisting",
    "denying",
    "assuring",
    "explaining",
    "indicating",
    "accusing",
    "specifying",
    "asserting",
    "affirming",
    "announcing",
    "warning",
    "noting",
];
pub(crate) const DENY_VERBS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "dismissed",
    "dismisses",
    "disputed",
    "disputes",
    "contested",
    "contests",
];
/// Denial wording inside the attributed content.
pub(crate) const DENY_CONTENT: &[&str] = &[
    "i deny",
    "we deny",
    "categorically deny",
    "deny the",
    "denies the",
    "is false",
    "are false",
    "is untrue",
    "fake news",
    "never entered",
    "did not enter",
    "have not entered",
    "has not entered",
    "not true",
    "baseless",
    "untrue",
    "fabricated",
    "fabrication",
    "fabrications",
    "fictitious",
    "unfounded",
    "groundless",
    "false",
    "lies",
    "no one was killed",
    "nobody was killed",
    "no civilian",
    "no civilians",
    "has not fallen",
    "have not fallen",
    "had not fallen",
    "still in our hands",
    "remains in our hands",
    "still under our control",
];
/// Words before a cue word that make it a noun ("the claim") or passive.
pub(crate) const NOT_VERB_BEFORE: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "these", "those", "this", "such", "of", "our",
    "my", "your", "no", "any", "every", "latest", "new", "was", "were", "is", "are", "been", "be",
    "being", "to", "whose", "first",
];
pub(crate) const PRONOUNS: &[&str] = &["he", "she", "it", "they"];
/// Heads of anonymous speaker phrases.
pub(crate) const HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "commander",
    "commanders",
    "officer",
    "officers",
    "leader",
    "leaders",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "diplomat",
    "diplomats",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "observer",
    "observers",
    "member",
    "members",
    "camps",
    "executive",
    "executives",
    "soldier",
    "soldiers",
    "fighter",
    "fighters",
    "doctor",
    "doctors",
    "representative",
    "representatives",
    "notable",
    "notables",
    "inhabitant",
    "inhabitants",
    "elected",
    "worker",
    "workers",
    "chief",
];
/// Determiners opening an anonymous phrase.
pub(crate) const ANON_DETS: &[&str] = &[
    "a",
    "an",
    "one",
    "two",
    "three",
    "four",
    "five",
    "several",
    "another",
    "some",
    "many",
    "other",
    "various",
    "numerous",
    "both",
    "multiple",
    "few",
    "consistent",
    "concordant",
    "different",
    "the",
];
pub(crate) const PREPOSITIONS: &[&str] = &[
    "with",
    "by",
    "of",
    "from",
    "against",
    "to",
    "on",
    "in",
    "for",
    "towards",
    "toward",
    "at",
    "into",
    "between",
    "among",
    "over",
    "under",
    "near",
    "around",
    "after",
    "before",
    "via",
    "including",
    "like",
    "than",
    "within",
    "about",
    "behind",
    "without",
    "whose",
    "and",
];
pub(crate) const SKIP_BEFORE_NP: &[&str] = &[
    "the", "its", "their", "his", "her", "a", "an", "this", "these", "those", "our",
];

/// Inputs of the claim finder for one document.
pub struct Ctx<'a> {
    pub f: &'a Folded,
    pub w: Words<'a>,
    pub ents: &'a [Ent],
    pub lex: &'a Lexicon,
}

#[derive(Debug, Clone, PartialEq)]
struct Speaker {
    actor: Option<usize>,
    text: String,
    side: Option<CampIx>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CandKind {
    Pronoun,
    Entity(Option<usize>, bool),
    Anon(Option<CampIx>, Option<usize>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Cand {
    t0: usize,
    t1: usize,
    kind: CandKind,
    prep: bool,
}

/// Where a cue sits relative to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Inverted,
    PrePosed,
    According,
}

impl<'a> Ctx<'a> {
    fn tok(&self, i: usize) -> Tok {
        self.w.toks[i]
    }

    /// Index of the first token starting at or after code point `cp`.
    fn tok_at(&self, cp: u32) -> usize {
        self.w.toks.partition_point(|t| t.start < cp)
    }

    fn text(&self, t0: usize, t1: usize) -> String {
        if t1 <= t0 {
            return String::new();
        }
        let (a, b) = (self.tok(t0).start as usize, self.tok(t1 - 1).end as usize);
        let mut s = self.f.original(a, b);
        // Balance a trailing parenthesis: "… Crisis Group (ICG"
        if s.matches('(').count() > s.matches(')').count() && self.f.chars.get(b) == Some(&')') {
            s.push(')');
        }
        s
    }

    fn side_of_actor(&self, a: Option<usize>) -> Option<CampIx> {
        a.and_then(|i| self.lex.actors.get(i)).map(|x| x.side)
    }

    /// The camp that words of an anonymous phrase point to: the first camp
    /// with the role the words name ([`role_from_words`]).
    fn side_from_words<'w>(&self, words: impl Iterator<Item = &'w str>) -> Option<CampIx> {
        role_from_words(words).and_then(|r| self.lex.gazetteer.roles.camp(r))
    }

    /// Speaker candidates among tokens `[t0, t1)`.
    fn candidates(&self, t0: usize, t1: usize) -> Vec<Cand> {
        let mut out: Vec<Cand> = Vec::new();
        if t1 <= t0 {
            return out;
        }
        let (a, b) = (self.tok(t0).start, self.tok(t1 - 1).end);
        let ents = ents_in(self.ents, a, b);
        let mut i = t0;
        let mut e = 0;
        while i < t1 {
            // An anonymous phrase whose head is here?
            if self.w.has(i, class::HEAD) && (!self.w.capitalised(i) || i == t0) {
                if let Some((s, side, actor)) = self.anon_np(i, t0, ents) {
                    // drop candidates the phrase covers
                    out.retain(|c| c.t1 <= s);
                    out.push(Cand {
                        t0: s,
                        t1: i + 1,
                        kind: CandKind::Anon(side, actor),
                        prep: self.prep_before(s, t0),
                    });
                    i += 1;
                    continue;
                }
            }
            while e < ents.len() && self.tok_at(ents[e].start) < i {
                e += 1;
            }
            if e < ents.len() && self.tok_at(ents[e].start) == i && ents[e].place.is_none() {
                let en = ents[e];
                let end = self.tok_at(en.end).max(i + 1);
                // "A security source" (the alias holds the determiner)
                if self.w.has(end - 1, class::HEAD)
                    && self.w.has(i, class::ANON_DET)
                    && self.w.w(i) != "the"
                {
                    let side = self.side_of_actor(en.actor);
                    out.push(Cand {
                        t0: i,
                        t1: end,
                        kind: CandKind::Anon(side, en.actor),
                        prep: self.prep_before(i, t0),
                    });
                    i = end;
                    continue;
                }
                // "a Malian military official", "two security officials": anonymous
                if self.w.has(end - 1, class::HEAD) {
                    if let Some((s, side, actor)) = self.anon_np(end - 1, t0, ents) {
                        if s < i {
                            out.retain(|c| c.t1 <= s);
                            out.push(Cand {
                                t0: s,
                                t1: end,
                                kind: CandKind::Anon(side, actor),
                                prep: self.prep_before(s, t0),
                            });
                            i = end;
                            continue;
                        }
                    }
                }
                out.push(Cand {
                    t0: i,
                    t1: end,
                    kind: CandKind::Entity(en.actor, en.person),
                    prep: self.prep_before(i, t0),
                });
                i = end;
                continue;
            }
            if self.w.has(i, class::PRONOUN) {
                out.push(Cand {
                    t0: i,
                    t1: i + 1,
                    kind: CandKind::Pronoun,
                    prep: self.prep_before(i, t0),
                });
            }
            i += 1;
        }
        out
    }

    /// Whether the phrase starting at token `s` sits in a prepositional phrase.
    fn prep_before(&self, s: usize, floor: usize) -> bool {
        let mut k = s;
        while k > floor {
            k -= 1;
            let word = self.w.w(k);
            let gap = self.w.gap_after(k);
            if gap.contains('(') {
                return true; // "(FAMA)": an apposition, never the subject
            }
            if !gap.trim().is_empty() {
                return false;
            }
            if self.w.has(k, class::SKIP_NP) {
                continue;
            }
            return self.w.has(k, class::PREP) || word == "faced";
        }
        false
    }

    /// An anonymous phrase ending at head token `h`: (start token, side, actor inside).
    fn anon_np(
        &self,
        h: usize,
        floor: usize,
        ents: &[Ent],
    ) -> Option<(usize, Option<CampIx>, Option<usize>)> {
        let mut s = h;
        let mut det = false;
        while s > floor && h - s < 5 {
            let k = s - 1;
            if !self.w.gap_after(k).trim().is_empty() {
                break;
            }
            let word = self.w.w(k);
            if self.w.has(k, class::ANON_DET) {
                s = k;
                det = true;
                break;
            }
            if self.w.has(k, class::PREP | class::PRONOUN | class::REPORT)
                || !word.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-')
            {
                break;
            }
            s = k;
        }
        let plural = self.w.w(h).ends_with('s');
        if !(det || (plural && s < h)) {
            return None;
        }
        // "the army spokesman", "the officials": definite, a named role or a back reference
        if self.w.w(s) == "the" {
            return None;
        }
        // A gazetteer entity inside the phrase gives the side. A named
        // organisation (not a person noun alias) makes it a named speaker.
        let (a, b) = (self.tok(s).start, self.tok(h).end);
        let mut actor = None;
        for e in ents
            .iter()
            .filter(|e| e.start >= a && e.end <= b && e.actor.is_some())
        {
            actor = e.actor;
            // "the CSP rebels": the definite phrase names the CSP
            let ends_at_head = self.tok_at(e.end) > h;
            if !ends_at_head && self.w.w(s) == "the" {
                return None;
            }
        }
        if self.w.w(s) == "the" && actor.is_none() {
            return None;
        }
        let mut side = self.side_of_actor(actor);
        if side.is_none() {
            side = self.side_from_words((s..=h).map(|k| self.w.w(k)));
        }
        Some((s, side, actor))
    }

    fn speaker_of(&self, c: &Cand) -> Speaker {
        // "the army", "the CSP": keep the article the text uses
        let with_the = c.t0 > 0
            && self.w.w(c.t0 - 1) == "the"
            && self.w.gap_after(c.t0 - 1).trim().is_empty()
            && matches!(c.kind, CandKind::Entity(_, false));
        let text = self.text(if with_the { c.t0 - 1 } else { c.t0 }, c.t1);
        match c.kind {
            CandKind::Entity(actor, _) => Speaker {
                actor,
                text,
                side: self.side_of_actor(actor),
            },
            CandKind::Anon(side, _) => Speaker {
                actor: None,
                text,
                side,
            },
            CandKind::Pronoun => Speaker {
                actor: None,
                text,
                side: None,
            },
        }
    }
}

/// Role words in an anonymous phrase without a gazetteer entry.
fn role_from_words<'a>(words: impl Iterator<Item = &'a str>) -> Option<Role> {
    let mut found = None;
    for w in words {
        let s = match w {
            "rebel" | "rebels" | "separatist" | "separatists" | "tuareg" | "azawad" | "cma"
            | "csp" => Some(Role::Armed),
            "jihadist" | "jihadists" | "islamist" | "jnim" | "gsim" => Some(Role::Jihadist),
            "military" | "army" | "security" | "malian" | "government" | "junta"
            | "gendarmerie" | "police" | "defence" | "defense" | "ministry" => Some(Role::State),
            "un" | "minusma" | "diplomatic" | "western" | "french" | "algerian"
            | "international" | "humanitarian" => Some(Role::International),
            "local" | "elected" | "resident" | "residents" | "witness" | "witnesses"
            | "villager" | "notable" | "notables" | "mayor" | "community" | "hospital"
            | "medical" | "inhabitant" | "inhabitants" => Some(Role::Local),
            "analyst" | "analysts" | "expert" | "experts" | "researcher" | "ngo" => {
                Some(Role::Observers)
            }
            _ => None,
        };
        // rebels and jihadists words win over generic ones ("rebel commander")
        match (found, s) {
            (_, None) => {}
            (None, x) => found = x,
            (Some(Role::State), Some(x)) | (Some(Role::Local), Some(x))
                if matches!(x, Role::Armed | Role::Jihadist) =>
            {
                found = Some(x)
            }
            _ => {}
        }
    }
    found
}

/// Quotation regions `[open, close]` (code points) in `[start, end)`; an
/// unclosed quotation extends to `end`.
fn quote_regions(f: &Folded, start: usize, end: usize) -> Vec<(usize, usize)> {
    let chars = &f.chars;
    let mut out = Vec::new();
    let mut i = start;
    while let Some(q) = quote_marks(f, i, end).next() {
        i = q;
        let opener = match chars[i] {
            '“' | '«' | '„' => chars
                .get(i + 1)
                .is_some_and(|n| !n.is_whitespace() && !matches!(n, ',' | '.' | ';')),
            '"' => {
                (i == start
                    || chars[i - 1].is_whitespace()
                    || matches!(chars[i - 1], '(' | '[' | '—' | '–' | ':'))
                    && chars.get(i + 1).is_some_and(|n| !n.is_whitespace())
            }
            _ => false,
        };
        if opener {
            let close = quote_marks(f, i + 1, end).find(|&j| match chars[j] {
                '”' | '»' => true,
                '"' => true,
                '“' => chars
                    .get(j + 1)
                    .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';')),
                _ => false,
            });
            let e = close.unwrap_or(end);
            out.push((i, e));
            i = e + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// The code points in `[from, end)` that may be quotation marks: every
/// opening and closing mark folds to `"`, so the folded text is searched.
fn quote_marks(f: &Folded, from: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
    f.fs(from, end).match_indices('"').map(move |(k, _)| from + k)
}

fn in_regions(regions: &[(usize, usize)], cp: usize) -> bool {
    regions.iter().any(|&(a, b)| cp > a && cp < b)
}

/// Pronoun and subject memory across sentences.
#[derive(Default)]
struct Memory {
    /// The last speaker: its paragraph, its sentence and who.
    last_speaker: Option<(usize, usize, Speaker)>,
    /// The previous body sentence: its subject is computed only when a
    /// pronoun needs it.
    prev_sent: Option<Sent>,
}

/// Find the claims of one document. `sents` must be in text order.
pub fn extract(ctx: &Ctx, sents: &[Sent]) -> Vec<RawClaim> {
    let mut out: Vec<RawClaim> = Vec::new();
    let mut mem = Memory::default();
    for (si, s) in sents.iter().enumerate() {
        if !s.body {
            continue;
        }
        let before = out.len();
        match unclosed_quote_claim(ctx, sents, si, &mem) {
            Some(mut c) => {
                // no closing quote: the attribution is read across sentences
                c.confidence = confidence_of(ctx, s, &c, true);
                out.push(c)
            }
            None => sentence_claims(ctx, sents, si, &mut mem, &mut out),
        }
        if out.len() > before {
            if let Some(c) = out.last() {
                mem.last_speaker = Some((s.para, si, speaker_of_claim(c)));
            }
        }
        mem.prev_sent = Some(*s);
    }
    out
}

/// The grammatical subject of a sentence, approximately: the first actor or
/// anonymous phrase not inside a prepositional phrase.
fn subject_of(ctx: &Ctx, s: &Sent) -> Option<Speaker> {
    ctx.candidates(s.t0, s.t1)
        .iter()
        .find(|c| {
            !c.prep
                && !matches!(c.kind, CandKind::Pronoun)
                && !matches!(c.kind, CandKind::Entity(None, _))
        })
        .map(|c| ctx.speaker_of(c))
}

fn sentence_claims(
    ctx: &Ctx,
    sents: &[Sent],
    si: usize,
    mem: &mut Memory,
    out: &mut Vec<RawClaim>,
) {
    let s = sents[si];
    let chars = &ctx.f.chars;
    let regions = quote_regions(ctx.f, s.start as usize, s.end as usize);
    // 1. cues
    let mut cues = find_cues(ctx, &s, &regions);
    // 2. one claim per cue, skipping cues whose speaker repeats the previous one
    let mut found: Vec<RawClaim> = Vec::new();
    for cue in cues.iter_mut() {
        let Some(mut claim) = claim_at(ctx, sents, si, cue, &regions, mem) else {
            continue;
        };
        if let Some(prev) = found.last() {
            let same = prev.speaker_text == claim.speaker_text
                || (prev.speaker.is_some() && prev.speaker == claim.speaker);
            // "X denied A and said B": one speaker, two stances, two claims
            if same && claim.stance == prev.stance {
                continue;
            }
            if same || claim.start <= prev.start {
                let at = clause_of_cue(ctx, &s, cue.k, &regions);
                if at <= prev.start {
                    continue;
                }
                claim.start = at;
                claim.content.0 = claim.content.0.max(at);
            }
        }
        claim.confidence = confidence_of(ctx, &s, &claim, cue.secondary);
        mem.last_speaker = Some((s.para, si, speaker_of_claim(&claim)));
        found.push(claim);
    }
    // 3. split the sentence between successive claims
    for i in 1..found.len() {
        let next_start = found[i].start;
        let prev = &mut found[i - 1];
        if prev.end > next_start {
            let mut e = next_start as usize;
            while e > prev.start as usize && chars[e - 1].is_whitespace() {
                e -= 1;
            }
            prev.end = e as u32;
            prev.content.1 = prev.content.1.min(e as u32);
        }
    }
    out.extend(found);
}

/// Conjunctions and relative words that open the clause of a second
/// attribution in a sentence ("…, while the rebels said", "… that two
/// sources said", "… and said").
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "while", "whereas", "although", "though", "as", "yet", "that", "which", "who",
];

/// Where the clause of the cue at token `k` starts (code point): after the
/// nearest comma, or at a conjunction, within eight tokens before `k`.
fn clause_of_cue(ctx: &Ctx, s: &Sent, k: usize, regions: &[(usize, usize)]) -> u32 {
    let w = &ctx.w;
    let mut j = k;
    while j > s.t0 && k - j < 8 {
        let gap = w.gap_after(j - 1);
        if gap.contains([',', ';', ':']) && !in_regions(regions, ctx.tok(j - 1).end as usize) {
            break;
        }
        j -= 1;
        if CLAUSE_OPENERS.contains(&w.w(j)) {
            break;
        }
    }
    ctx.tok(j).start
}

/// How sure the claim is (see [`Confidence`]): a gazetteer speaker named
/// in the sentence with a primary cue is high; a speaker carried over from
/// an earlier sentence (a pronoun), an anonymous source or a secondary cue
/// is medium; a few words of unknown side before the verb are low.
fn confidence_of(ctx: &Ctx, s: &Sent, c: &RawClaim, secondary: bool) -> Confidence {
    let folded = crate::text::fold_string(&c.speaker_text);
    let named_here = !folded.is_empty() && ctx.f.fs(s.start as usize, s.end as usize).contains(&folded);
    let head = folded
        .rsplit(|ch: char| !ch.is_ascii_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|w| HEADS.contains(&w) || w == "statement");
    let level = if c.speaker.is_some() && named_here {
        Confidence::High
    } else if c.speaker.is_some() || c.side.is_some() || head {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    if secondary {
        level.max(Confidence::Medium)
    } else {
        level
    }
}

fn speaker_of_claim(c: &RawClaim) -> Speaker {
    Speaker {
        actor: c.speaker,
        text: c.speaker_text.clone(),
        side: c.side,
    }
}

/// The token after the last comma or closing quote before token `k` (within
/// 8 tokens), and whether a quotation closes there.
fn clause_start(ctx: &Ctx, s: &Sent, k: usize) -> Option<(usize, bool)> {
    let mut j = k;
    while j > s.t0 && k - j < 9 {
        let gap = ctx.w.gap_after(j - 1);
        if gap.contains(',') || gap.contains('"') || gap.contains(':') || gap.contains('-') {
            let quote = gap.contains('"');
            return Some((j, quote));
        }
        j -= 1;
    }
    None
}

fn claim_at(
    ctx: &Ctx,
    sents: &[Sent],
    si: usize,
    cue: &mut Cue,
    regions: &[(usize, usize)],
    mem: &Memory,
) -> Option<RawClaim> {
    let s = sents[si];
    let w = &ctx.w;
    let k = cue.k;
    let verb = ctx.text(k, k + cue.len);
    let after = k + cue.len;
    let (start, content);
    let speaker: Speaker;
    match cue.form {
        Form::According => {
            // "according to X" up to the next comma / end
            let mut e = after;
            while e < s.t1 && e - after < 10 {
                e += 1;
                if !w.gap_after(e - 1).trim().is_empty()
                    && w.gap_after(e - 1).contains([',', '.', ';', ':', '('])
                {
                    break;
                }
            }
            let cands = ctx.candidates(after, e);
            let actor_c = cands
                .iter()
                .find(|c| matches!(c.kind, CandKind::Entity(Some(_), _) | CandKind::Anon(..)));
            let text = ctx.text(after, e);
            speaker = match actor_c {
                Some(c) => {
                    let mut sp = ctx.speaker_of(c);
                    if let CandKind::Anon(side, _) = c.kind {
                        sp = Speaker {
                            actor: None,
                            text: text.clone(),
                            side,
                        };
                    } else {
                        sp.text = text.clone();
                    }
                    sp
                }
                None => Speaker {
                    actor: None,
                    side: ctx.side_from_words((after..e).map(|i| w.w(i))),
                    text,
                },
            };
            start = s.start;
            content = if k == s.t0 {
                (ctx.tok(e.min(s.t1 - 1)).start, s.end)
            } else {
                (s.start, ctx.tok(k).start)
            };
        }
        _ => {
            let cl = clause_start(ctx, &s, k);
            let post_cands = ctx.candidates(after, (after + 12).min(s.t1));
            let inverted_speaker = post_cands
                .first()
                .filter(|c| c.t0 <= after + 1 && !matches!(c.kind, CandKind::Pronoun))
                .copied()
                .or_else(|| {
                    // an unknown capitalised name right after the verb: "says Jean Dupont, …"
                    (w.capitalised(after) && after < s.t1).then(|| {
                        post_cands
                            .iter()
                            .find(|c| matches!(c.kind, CandKind::Entity(Some(_), _)))
                            .copied()
                            .map(|c| Cand { t0: after, ..c })
                    })?
                });
            let inverted_speaker =
                inverted_speaker.filter(|_| w.w(k) != "told" && w.w(k) != "tells");
            let quote_before = cl.is_some_and(|(_, q)| q);
            let inverted_speaker = inverted_speaker
                .filter(|c| quote_before || inverted_phrase_ends(ctx, &s, k, c));
            match cl {
                Some((b, quote)) if b == k && inverted_speaker.is_some() => {
                    // inverted: “…,” replied X, a leader of …
                    cue.form = Form::Inverted;
                    let c = inverted_speaker?;
                    let mut e = c.t1.max(after);
                    // extend over an apposition up to the clause end
                    let mut j = e;
                    while j < s.t1 && j - e < 12 {
                        if w.gap_after(j).contains(['.', ';']) && j + 1 < s.t1 {
                            break;
                        }
                        j += 1;
                    }
                    let _ = j;
                    let mut sp = ctx.speaker_of(&c);
                    if c.t0 == after && c.t1 > after {
                        // a person's name with its apposition: "X, a leader of the CMA"
                        let person = matches!(c.kind, CandKind::Entity(_, true));
                        if person && w.gap_after(c.t1 - 1).contains(',') {
                            e = c.t1;
                            while e < s.t1
                                && e - c.t1 < 14
                                && !w.gap_after(e).contains([',', ';', '.'])
                            {
                                e += 1;
                            }
                            sp.text = ctx.text(c.t0, (e + 1).min(s.t1));
                        }
                    }
                    if matches!(c.kind, CandKind::Pronoun) {
                        sp = resolve_pronoun(ctx, s, si, mem)?;
                    }
                    speaker = sp;
                    let boundary = ctx.tok(b).start;
                    start = content_start(ctx, &s, boundary, quote, regions);
                    content = (start, boundary);
                }
                Some((b, quote))
                    if b < k
                        && b > s.t0
                        && !matches!(
                            w.w(b),
                            "while"
                                | "whereas"
                                | "but"
                                | "and"
                                | "as"
                                | "although"
                                | "though"
                                | "which"
                                | "who"
                                | "that"
                                | "when"
                        ) =>
                {
                    // post-posed: …, the army said / “…,” he reported
                    let cands = ctx.candidates(b, k);
                    let c = cands
                        .iter()
                        .find(|c| matches!(c.kind, CandKind::Entity(_, true)))
                        .or_else(|| cands.iter().find(|c| !c.prep))
                        .copied();
                    let boundary = ctx.tok(b).start;
                    // "…, Minusma indicated that …": the content follows the cue
                    let content_follows = matches!(
                        w.w(after),
                        "that" | "to" | "how" | "it" | "they" | "he" | "she" | "we"
                    ) || w.gap_after(after - 1).contains(':');
                    if content_follows {
                        start = s.start;
                        content = (ctx.tok(after - 1).end, s.end);
                    } else {
                        start = content_start(ctx, &s, boundary, quote, regions);
                        content = (start, boundary);
                    }
                    match c {
                        Some(c) if matches!(c.kind, CandKind::Pronoun) => {
                            let quoted = regions.iter().any(|&(a, _)| a as u32 == start);
                            let own = (!quoted)
                                .then(|| subject_at(ctx, ctx.tok_at(start), b))
                                .flatten();
                            speaker = match own {
                                Some(sp) => sp,
                                None => resolve_pronoun(ctx, s, si, mem)?,
                            };
                        }
                        Some(c) => {
                            let mut sp = ctx.speaker_of(&c);
                            // the whole phrase: "CMA spokesman Almou Ag Mohamed", "the Malian Armed Forces (FAMA)"
                            let ends_at_cue = cands.last().is_some_and(|l| l.t1 == k);
                            if matches!(c.kind, CandKind::Entity(..))
                                && k - b <= 8
                                && k > b
                                && ends_at_cue
                            {
                                sp.text = ctx.text(b, k);
                            }
                            speaker = sp;
                        }
                        None => {
                            // short unknown subject ("both camps", "Each")
                            if k - b > 4 {
                                return pre_posed(ctx, sents, si, k, verb, mem);
                            }
                            let text = ctx.text(b, k);
                            speaker = Speaker {
                                actor: None,
                                side: ctx.side_from_words((b..k).map(|i| w.w(i))),
                                text,
                            };
                        }
                    }
                }
                _ => return pre_posed(ctx, sents, si, k, verb, mem),
            }
        }
    }
    if speaker.text.is_empty() {
        return None;
    }
    let word = w.w(k);
    let stance = stance_of(ctx, word, content);
    Some(RawClaim {
        start,
        end: s.end,
        sent: si,
        speaker: speaker.actor,
        speaker_text: speaker.text,
        side: speaker.side,
        verb,
        stance,
        content,
        confidence: Confidence::Low,
    })
}

/// Where the attributed content starts: the opening quote of a quotation
/// closing at `boundary`, the start of the last clause after an internal
/// full stop, or the sentence start.
fn content_start(
    ctx: &Ctx,
    s: &Sent,
    boundary: u32,
    quote: bool,
    regions: &[(usize, usize)],
) -> u32 {
    // a quotation closing right before the attribution (`…,” he said`);
    // several quotations in a row all belong to it
    if let Some(last) = regions.iter().position(|&(a, b)| {
        (a as u32) >= s.start && (b as u32) < boundary && (b as u32) + 4 >= boundary
    }) {
        let mut first = last;
        while first > 0
            && (regions[first - 1].1 as u32) + 3 >= regions[first].0 as u32
            && regions[first - 1].0 as u32 >= s.start
        {
            first -= 1;
        }
        return regions[first].0 as u32;
    }
    if quote {
        // a closing quote without an opener: back to the last ". " in the sentence
        let chars = &ctx.f.chars;
        let mut i = boundary as usize;
        while i > s.start as usize + 1 {
            if chars[i - 1] == ' ' && matches!(chars[i - 2], '.' | '!' | '?') {
                return i as u32;
            }
            i -= 1;
        }
    }
    s.start
}

/// The subject at the very start of a clause ("The army, which …, she said").
fn subject_at(ctx: &Ctx, t0: usize, t1: usize) -> Option<Speaker> {
    let cands = ctx.candidates(t0, t1.min(t0 + 6));
    let c = cands.first()?;
    let lead_ok = (t0..c.t0).all(|k| ctx.w.has(k, class::SKIP_NP));
    (lead_ok && !matches!(c.kind, CandKind::Pronoun)).then(|| ctx.speaker_of(c))
}

/// The speaker a pronoun stands for: the last speaker of the paragraph;
/// else the subject of the previous sentence when it is in the same
/// paragraph; else the last speaker when it spoke in the three sentences
/// before (a quotation continued after a paragraph break, even across a
/// one-line aside); else the subject of the previous sentence; else the
/// last speaker.
fn resolve_pronoun(ctx: &Ctx, s: Sent, si: usize, mem: &Memory) -> Option<Speaker> {
    let prev_subject = || mem.prev_sent.and_then(|p| subject_of(ctx, &p));
    if let Some((para, at, sp)) = &mem.last_speaker {
        if *para == s.para {
            return Some(sp.clone());
        }
        if mem.prev_sent.is_some_and(|p| p.para == s.para) {
            if let Some(sp) = prev_subject() {
                return Some(sp);
            }
        }
        if si.saturating_sub(*at) <= 3 {
            return Some(sp.clone());
        }
    }
    prev_subject().or_else(|| mem.last_speaker.as_ref().map(|(_, _, sp)| sp.clone()))
}

/// Whether the phrase after an inverted verb is the speaker (`…, said the
/// army on Sunday.`, `replied X, a leader of …`) rather than the start of
/// the reported content (`…, said the insurgents had cleared the camp`,
/// `denying that civilians were hit`): a participle or `that` never
/// inverts, and the phrase must end the clause or be followed by a
/// preposition.
fn inverted_phrase_ends(ctx: &Ctx, s: &Sent, k: usize, c: &Cand) -> bool {
    let w = &ctx.w;
    if w.has(k, class::PARTICIPLE) || w.w(k).ends_with("ing") || w.w(k + 1) == "that" {
        return false;
    }
    if c.t1 >= s.t1 {
        return true;
    }
    let gap = w.gap_after(c.t1 - 1);
    gap.contains([',', '.', ';', '(', ':', '—', '–']) || w.has(c.t1, class::PREP)
}

/// `the rights group, which said …`, `Trump, who called it …`: the phrase
/// right before the relative pronoun of a cue in a relative clause.
fn relative_subject(ctx: &Ctx, s: &Sent, k: usize, cands: &[Cand]) -> Option<Cand> {
    let r = cues::relative_pronoun(ctx, s, k)?;
    cands
        .iter()
        .rev()
        .find(|c| c.t1 <= r && r - c.t1 <= 1 && !matches!(c.kind, CandKind::Pronoun))
        .copied()
}

/// `its rival, the army, disputed …`: a phrase between two commas right
/// before the cue (an apposition naming the subject).
fn appositive_subject(ctx: &Ctx, s: &Sent, k: usize, cands: &[Cand]) -> Option<Cand> {
    let w = &ctx.w;
    let c = cands.iter().rev().find(|c| c.t1 == k)?;
    if c.t0 <= s.t0 || !w.gap_after(k - 1).contains(',') || matches!(c.kind, CandKind::Pronoun) {
        return None;
    }
    let mut j = c.t0;
    while j > s.t0 + 1 && w.has(j - 1, class::SKIP_NP) && w.gap_after(j - 1).trim().is_empty() {
        j -= 1;
    }
    w.gap_after(j - 1).contains(',').then_some(*c)
}

fn pre_posed(
    ctx: &Ctx,
    sents: &[Sent],
    si: usize,
    k: usize,
    verb: String,
    mem: &Memory,
) -> Option<RawClaim> {
    let s = sents[si];
    let w = &ctx.w;
    let regions = quote_regions(ctx.f, s.start as usize, s.end as usize);
    let mut cands = ctx.candidates(s.t0, k);
    // words inside a quotation never name its speaker
    cands.retain(|c| {
        let at = ctx.tok(c.t0).start as usize;
        !in_regions(&regions, at) && !regions.iter().any(|&(a, _)| a + 1 == at)
    });
    // nearest candidate right before the cue, with no comma between
    let near = cands.iter().rev().find(|c| {
        c.t1 <= k && k - c.t1 <= 2 && (c.t1 - 1..k).all(|j| !w.gap_after(j).contains(','))
    });
    let chosen = relative_subject(ctx, &s, k, &cands)
        .or_else(|| appositive_subject(ctx, &s, k, &cands))
        .or(near.copied())
        .or_else(|| cands.iter().find(|c| !c.prep).copied());
    let speaker = match chosen {
        Some(c) if matches!(c.kind, CandKind::Pronoun) => resolve_pronoun(ctx, s, si, mem)?,
        Some(c) => ctx.speaker_of(&c),
        None => {
            if k - s.t0 > 3 || k == s.t0 {
                return None;
            }
            Speaker {
                actor: None,
                text: ctx.text(s.t0, k),
                side: ctx.side_from_words((s.t0..k).map(|i| w.w(i))),
            }
        }
    };
    // "Each says", "both camps said": a subject without actor is fine; an
    // actor-less pronoun is not.
    // the content follows the cue, unless a quotation precedes it
    // ("“…,” X, a spokesman for the CSP, told AP")
    let content = match regions
        .iter()
        .find(|&&(a, _)| a < ctx.tok(k).start as usize)
    {
        Some(&(a, b)) => (a as u32, (b as u32 + 1).min(s.end)),
        None => (ctx.tok(k).end, s.end),
    };
    let stance = stance_of(ctx, w.w(k), content);
    // the claim starts with the clause of its subject ("…, while the rebels said …")
    let mut start = s.start;
    if let Some(c) = chosen {
        let mut j = c.t0;
        while j > s.t0 {
            let gap = w.gap_after(j - 1);
            if gap.contains([',', ';']) && !in_regions(&regions, ctx.tok(j - 1).end as usize) {
                if !matches!(w.w(j), "while" | "whereas" | "but" | "and") && j != c.t0 {
                    // an apposition or an opening adverbial: keep the whole sentence
                    j = s.t0;
                }
                break;
            }
            j -= 1;
        }
        if j > s.t0 {
            start = ctx.tok(j).start;
        }
    }
    Some(RawClaim {
        start,
        end: s.end,
        sent: si,
        speaker: speaker.actor,
        speaker_text: speaker.text,
        side: speaker.side,
        verb,
        stance,
        content,
        confidence: Confidence::Low,
    })
}

fn stance_of(ctx: &Ctx, cue_word: &str, content: (u32, u32)) -> Stance {
    if DENY_VERBS.contains(&cue_word) {
        return Stance::Deny;
    }
    // cheap test first: a denial needs one of these words
    let (t0, t1) = (ctx.tok_at(content.0), ctx.tok_at(content.1));
    let maybe = (t0..t1).any(|k| {
        matches!(
            ctx.w.w(k),
            "deny" | "denies" | "false" | "untrue" | "fake" | "never" | "not" | "baseless" | "fabricated"
                | "fabrication" | "fabrications" | "fictitious" | "unfounded" | "groundless" | "lies"
                | "no" | "nobody" | "still"
        )
    });
    if !maybe {
        return Stance::Assert;
    }
    let text = ctx.f.fs(content.0 as usize, content.1 as usize);
    let denies = DENY_CONTENT.iter().any(|p| {
        text.match_indices(p).any(|(i, _)| {
            let before_ok = i == 0 || !text.as_bytes()[i - 1].is_ascii_alphanumeric();
            let after = i + p.len();
            before_ok
                && text
                    .as_bytes()
                    .get(after)
                    .is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    });
    if denies {
        Stance::Deny
    } else {
        Stance::Assert
    }
}

/// `“It was a painful defeat. Since then, … A Malian officer slips in.`:
/// a short sentence made of a speaker and a reporting verb, after sentences
/// opened by a quotation mark that never closes.
fn unclosed_quote_claim(ctx: &Ctx, sents: &[Sent], si: usize, mem: &Memory) -> Option<RawClaim> {
    let s = sents[si];
    let n = s.t1 - s.t0;
    if !(2..=8).contains(&n) || si == 0 {
        return None;
    }
    // the verb: the last or second-to-last token ("slips in", "he said")
    let w = &ctx.w;
    let k = (s.t0 + 1..s.t1).find(|&k| w.has(k, class::REPORT))?;
    // find the opening quote in earlier sentences of the paragraph
    let chars = &ctx.f.chars;
    let mut j = si;
    let mut open = None;
    while j > 0 && sents[j - 1].para == s.para && si - j < 6 {
        j -= 1;
        let p = sents[j];
        if matches!(chars.get(p.start as usize), Some('“' | '«' | '"')) {
            open = Some(p.start);
            break;
        }
    }
    let open = open?;
    let quoted = ctx.f.original(open as usize, s.start as usize);
    if quoted.contains(['”', '»']) {
        return None;
    }
    let cands = ctx.candidates(s.t0, k);
    let c = cands.iter().find(|c| !c.prep)?;
    let speaker = match c.kind {
        CandKind::Pronoun => resolve_pronoun(ctx, s, si, mem)?,
        _ => ctx.speaker_of(c),
    };
    let len = if w.w(k + 1) == "in" { 2 } else { 1 };
    let verb = ctx.text(k, k + len);
    let content = (open, s.start);
    let stance = stance_of(ctx, w.w(k), content);
    Some(RawClaim {
        start: open,
        end: s.end,
        sent: si,
        speaker: speaker.actor,
        speaker_text: speaker.text,
        side: speaker.side,
        verb,
        stance,
        content,
        confidence: Confidence::Low,
    })
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;
    use crate::load::parse_corpus;
    use crate::model::{CampIx, Claim, Stance};

    fn gaz() -> Gazetteer {
        Gazetteer::load(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds/gazetteer.toml"),
        )
        .unwrap()
    }

    fn claims(text: &str) -> Vec<Claim> {
        let t = format!("+++\npublished = 2023-11-14\n+++\n{text}");
        parse_corpus(&[("t.txt".into(), t.into_bytes())], &gaz())
            .unwrap()
            .claims
    }

    fn one(text: &str) -> Claim {
        let c = claims(text);
        assert_eq!(c.len(), 1, "{c:#?}");
        c.into_iter().next().unwrap()
    }

    #[test]
    fn quote_then_inverted_speaker_with_apposition() {
        let c = one(
            "“We will hold,” replied Attaye Ag Mohamed, a leader of the CMA, on social networks.",
        );
        assert_eq!(c.speaker.as_deref(), Some("cma"));
        assert_eq!(c.speaker_text, "Attaye Ag Mohamed, a leader of the CMA");
        assert_eq!(c.verb, "replied");
        assert!(c.quote.starts_with('“'));
    }

    #[test]
    fn post_posed_named_and_anonymous_speakers() {
        let c = one("The convoy left Gao, the army said on Sunday.");
        assert_eq!(
            (c.speaker.as_deref(), c.speaker_text.as_str()),
            (Some("fama"), "the army")
        );
        let c = one("The convoy was stopped north of Gao, two security officials said.");
        assert_eq!((c.speaker.as_deref(), c.side), (None, Some(CampIx(0))));
        assert_eq!(c.speaker_text, "two security officials");
    }

    #[test]
    fn pronouns_follow_the_last_speaker_of_the_paragraph() {
        let c = claims("The CSP highlighted that it had trapped the soldiers. “All flanks are blocked,” he reported. She claimed nothing.");
        assert_eq!(c.len(), 3, "{c:#?}");
        assert_eq!(c[1].speaker.as_deref(), Some("csp"));
        assert_eq!(c[1].speaker_text, "The CSP");
        assert_eq!(c[2].speaker.as_deref(), Some("csp"));
    }

    #[test]
    fn pronoun_takes_the_previous_subject_not_a_prepositional_phrase() {
        let c = one("Faced with the Malian Armed Forces (FAMA), the CSP-PSD holds the terrain. On Sunday, in a press release, he indicated that he had lured them into a trap.");
        assert_eq!(c.speaker.as_deref(), Some("csp"));
    }

    #[test]
    fn according_to_and_denials() {
        let c = one("At least 47 soldiers were killed, according to a CSP press release.");
        assert_eq!(
            (c.speaker.as_deref(), c.verb.as_str()),
            (Some("csp"), "according to")
        );
        assert_eq!(c.speaker_text, "a CSP press release");
        let c = one("Rebels denied the claim.");
        assert_eq!(
            (c.speaker.as_deref(), c.stance),
            (Some("rebels"), Stance::Deny)
        );
        let c = one("“I deny the entry of the convoy to Anéfis,” replied a rebel commander.");
        assert_eq!(
            (c.speaker, c.side, c.stance),
            (None, Some(CampIx(1)), Stance::Deny)
        );
    }

    #[test]
    fn two_speakers_in_one_sentence_split_it() {
        let c = claims("The army said 20 rebels were killed, while the rebels said three of their fighters were killed.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert!(c[0].quote.ends_with("killed,"), "{}", c[0].quote);
        assert!(c[1].quote.starts_with("while the rebels said"));
        assert_eq!(c[1].speaker.as_deref(), Some("rebels"));
    }

    #[test]
    fn unclosed_quotation_with_short_attribution() {
        let c = one("“It was a painful defeat. Since then, the town is a symbol. A Malian officer slips in. Later, nothing happened.");
        assert!(
            c.quote.starts_with("“It was a painful defeat.") && c.quote.ends_with("slips in."),
            "{}",
            c.quote
        );
        assert_eq!(
            (c.speaker, c.side, c.verb.as_str()),
            (None, Some(CampIx(0)), "slips in")
        );
    }

    #[test]
    fn nouns_passives_and_quoted_words_are_not_cues() {
        assert!(claims("The claim was false. It was reported later. The reports came.").is_empty());
        // a name inside the quotation does not speak it
        let c = one("“The army has not entered Kidal,” Mohamed Elmaouloud Ramadane, a spokesman for the CSP, told The Associated Press.");
        assert_eq!(
            (c.speaker.as_deref(), c.stance),
            (Some("csp"), Stance::Deny)
        );
    }

    #[test]
    fn denials_not_spelled_deny() {
        for text in [
            "The army said the rebels' claims were fabricated.",
            "The CSP said the army's account was absolutely untrue.",
            "The CSP denounced as fictitious the toll given by the army.",
            "The army dismissed the toll.",
            "The army disputed the toll given by the rebels.",
            "The CSP said no one was killed in the strike.",
            "The army said no civilian lost their life in the operation.",
            "The CSP said the town has not fallen.",
            "“The base is still in our hands,” the army said.",
        ] {
            let c = one(text);
            assert_eq!(c.stance, Stance::Deny, "{text}");
        }
    }

    #[test]
    fn a_negative_statement_on_its_own_is_an_assertion() {
        let c = one("The CSP said it had attacked army bases but did not report any civilian casualties.");
        assert_eq!(c.stance, Stance::Assert);
        let c = one("“Aid convoys must never be a target,” the CSP said.");
        assert_eq!(c.stance, Stance::Assert);
    }

    #[test]
    fn negated_modal_passive_and_noun_cues_are_not_claims() {
        for text in [
            "The army has not commented on the attack.",
            "AFP could not independently verify the toll.",
            "The CSP did not say how many fighters died.",
            "The group's claim about the toll was widely shared.",
            "If confirmed, the attack would be the deadliest of the year.",
            "The army is also accused of abuses.",
            "Nobody knows how the army could say that.",
            "The CSP maintains order in the town.",
        ] {
            assert!(claims(text).is_empty(), "{text}: {:#?}", claims(text));
        }
    }

    #[test]
    fn verbs_of_insisting_and_blaming_report() {
        let c = one("However, the army maintained it was still fighting in the town.");
        assert_eq!((c.speaker.as_deref(), c.verb.as_str()), (Some("fama"), "maintained"));
        let c = one("The CSP had blamed the army for the air strike on the market.");
        assert_eq!((c.speaker.as_deref(), c.stance), (Some("csp"), Stance::Assert));
        let c = one("Another military source called it “a purely tactical move”.");
        assert_eq!((c.speaker, c.side), (None, Some(CampIx(0))));
    }

    #[test]
    fn two_attributions_in_one_sentence_make_two_claims() {
        // different speakers, the second in an apposition between commas
        let c = claims("The CSP said it took the camp on Monday, though its rival, the Malian army, disputed the claim.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!((c[0].speaker.as_deref(), c[0].stance), (Some("csp"), Stance::Assert));
        assert_eq!((c[1].speaker.as_deref(), c[1].stance), (Some("fama"), Stance::Deny));
        // one speaker, a denial and an assertion
        let c = claims("The CSP denied on Friday that it had shelled the market and said the army fired the shells.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!((c[0].stance, c[1].stance), (Stance::Deny, Stance::Assert));
        assert!(c[1].quote.starts_with("and said"), "{}", c[1].quote);
        // a denial participle after the cue
        let c = claims("“We hit only military targets,” the army said on Monday, denying that civilians were hit.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!((c[1].speaker.as_deref(), c[1].stance), (Some("fama"), Stance::Deny));
        // a second speaker after "that"
        let c = claims("The CSP claimed an attack on the camp that two security sources said had killed ten soldiers.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!(c[1].speaker_text, "two security sources");
    }

    #[test]
    fn a_reporting_verb_in_a_relative_clause_belongs_to_the_phrase_before_it() {
        let c = one("The toll is the heaviest this year, according to the CSP, which said it had counted the dead.");
        assert_eq!(c.speaker.as_deref(), Some("csp"));
        let c = one("The attack was condemned by the CSP, which called it “a massacre”.");
        assert_eq!(c.speaker.as_deref(), Some("csp"));
        // the main verb wins over the relative clause
        let c = one("The army, which says it controls the road, said the convoy was safe.");
        assert_eq!((c.speaker.as_deref(), c.verb.as_str()), (Some("fama"), "said"));
    }

    #[test]
    fn a_pronoun_after_a_paragraph_break_continues_the_recent_speaker() {
        let c = claims("The CSP said the camp was taken.\n\nThe summit is planned for May.\n\n“The camp is ours,” it said.");
        assert_eq!(c.len(), 2, "{c:#?}");
        assert_eq!(c[1].speaker.as_deref(), Some("csp"));
    }
}
