//! Stage 1 of claim extraction: the *cues* of one sentence — reporting
//! verbs outside quotation marks and `according to` — and which of them are
//! not attributions at all.
//!
//! Not a cue: a noun or passive (`the claim`, `the group's claim`, `was
//! reported`, `is also accused`), a modal or conditional (`could say`, `if
//! confirmed`), a negated verb (`has not commented`, `did not report`,
//! `could not independently verify`), a reporting word inside quotation
//! marks. *Secondary* cues (kept only when the sentence has no other) are
//! participles (`…, claiming to have …`), a verb in a relative clause (`the
//! group, which said …, …`) and a verb in a leading time clause (`After the
//! group announced the blockade, a source said …`). Denial participles
//! (`…, denying that …`) after another cue are kept: they add a denial.

use super::{in_regions, Ctx, Form, Sent};
use crate::tokens::class;

pub(super) struct Cue {
    pub k: usize,
    /// Tokens of the cue ("according to" = 2, "told AFP" = 2).
    pub len: usize,
    pub form: Form,
    pub secondary: bool,
}

/// Adverbs skipped when looking at the word before a verb ("is also
/// accused", "could not independently verify").
const ADVERBS: &[&str] = &[
    "also", "reportedly", "allegedly", "independently", "immediately", "widely", "repeatedly",
    "previously", "already", "often", "long", "later", "earlier", "again", "publicly", "officially",
    "initially", "separately", "still", "yet", "since",
];
/// Words before a verb that make it hypothetical, conditional or a modal.
const MODAL_BEFORE: &[&str] = &[
    "could", "would", "might", "may", "can", "should", "must", "will", "shall", "cannot", "if",
    "unless",
];
/// Negations that cancel a reporting verb within the three words before it.
const NEGATIONS: &[&str] = &["not", "never", "unable", "cannot", "declined", "refused", "nt"];
/// Relative pronouns: a verb right after one (or after `who had`) is in a
/// relative clause.
const RELATIVE: &[&str] = &["who", "which"];
/// Subordinators opening a leading time clause.
const TIME_CLAUSE: &[&str] = &["after", "before", "since", "when", "until", "once", "as"];
/// Verbs that report when a quotation follows ("called it “purely tactical”").
const NAMING_VERBS: &[&str] = &["called", "described", "termed", "branded", "labelled", "labeled"];
/// Verbs that report only before a clause or a topic ("maintained it
/// was", "spoken of"), not before an object ("maintains order").
const VERBS_NEEDING_NEXT: &[(&str, &[&str])] = &[
    ("maintained", &["that", "it", "they", "he", "she", "we", "there"]),
    ("maintains", &["that", "it", "they", "he", "she", "we", "there"]),
    ("alleged", &["that", "it", "they", "he", "she", "we", "there"]),
    ("alleges", &["that", "it", "they", "he", "she", "we", "there"]),
    ("spoke", &["of", "about", "to"]),
    ("spoken", &["of", "about", "to"]),
];

/// Denial participles that add a claim even after a primary cue.
const DENY_PARTICIPLES: &[&str] = &["denying", "rejecting", "dismissing", "refuting", "disputing"];

/// The word before token `k`, skipping adverbs; `None` at the sentence start
/// or across punctuation.
fn word_before<'a>(ctx: &Ctx<'a>, s: &Sent, k: usize) -> Option<(usize, &'a str)> {
    let w = &ctx.w;
    let mut j = k;
    while j > s.t0 {
        j -= 1;
        if !w.gap_after(j).trim().is_empty() {
            return None;
        }
        let word = w.w(j);
        if !ADVERBS.contains(&word) {
            return Some((j, word));
        }
    }
    None
}

fn negated(ctx: &Ctx, s: &Sent, k: usize) -> bool {
    let w = &ctx.w;
    (k.saturating_sub(3).max(s.t0)..k).any(|j| {
        let word = w.w(j);
        NEGATIONS.contains(&word) || word.ends_with("n't") || word.ends_with("n’t")
    })
}

/// Whether the word at `k` is used as a noun or passive participle, or
/// under a modal: `the claim`, `the group's claims`, `was reported`, `could say`.
fn not_a_verb(ctx: &Ctx, s: &Sent, k: usize) -> bool {
    let w = &ctx.w;
    let Some((j, before)) = word_before(ctx, s, k) else {
        return false;
    };
    if w.has(j, class::NOT_VERB_BEFORE) || MODAL_BEFORE.contains(&before) {
        return true;
    }
    // after a preposition the word is a noun: "after disputes over", "amid claims"
    if (w.has(j, class::PREP) && before != "and") || before == "amid" {
        return true;
    }
    // a possessive before a noun: "the group's claim", "the rebels' claims"
    let possessive = before.ends_with("'s") || before.ends_with("’s") || w.gap_after(j).starts_with(['\'', '’']);
    possessive && matches!(w.w(k), "claim" | "claims" | "report" | "reports" | "say")
}

/// The relative pronoun of the verb at `k`, when it is in a relative clause
/// (`which said`, `who had declared`).
pub(super) fn relative_pronoun(ctx: &Ctx, s: &Sent, k: usize) -> Option<usize> {
    let mut j = k;
    for _ in 0..2 {
        match word_before(ctx, s, j) {
            Some((i, word)) if RELATIVE.contains(&word) => return Some(i),
            Some((i, "had" | "has" | "have")) => j = i,
            _ => return None,
        }
    }
    None
}

/// Whether `k` is inside a leading time clause: the sentence opens with a
/// subordinator and an even number of commas (none, or an apposition's
/// pair: "After the group, JNIM, announced …") comes before `k`.
fn in_time_clause(ctx: &Ctx, s: &Sent, k: usize) -> bool {
    let w = &ctx.w;
    if !TIME_CLAUSE.contains(&w.w(s.t0)) {
        return false;
    }
    let commas = (s.t0..k).filter(|&j| w.gap_after(j).contains(',')).count();
    commas % 2 == 0
}

/// `called it “purely tactical”`: a naming verb with a quotation in the
/// next four words, not `what it called “…”`.
fn naming_cue(ctx: &Ctx, s: &Sent, k: usize, regions: &[(usize, usize)]) -> bool {
    let w = &ctx.w;
    if !NAMING_VERBS.contains(&w.w(k)) || k + 1 >= s.t1 {
        return false;
    }
    if let Some((j, _)) = word_before(ctx, s, k) {
        if (j.saturating_sub(1)..=j).any(|i| matches!(w.w(i), "what" | "so" | "be" | "is" | "was" | "been")) {
            return false;
        }
    }
    let from = ctx.tok(k).end as usize;
    let until = ctx.tok((k + 4).min(s.t1 - 1)).end as usize;
    regions.iter().any(|&(a, _)| a >= from && a <= until)
}

/// The cues of sentence `s` (see the module documentation).
pub(super) fn find_cues(ctx: &Ctx, s: &Sent, regions: &[(usize, usize)]) -> Vec<Cue> {
    let w = &ctx.w;
    let mut cues: Vec<Cue> = Vec::new();
    for k in s.t0..s.t1 {
        let word = w.w(k);
        let tk = ctx.tok(k);
        if in_regions(regions, tk.start as usize) {
            continue;
        }
        if word == "according" && w.w(k + 1) == "to" && k + 2 < s.t1 {
            cues.push(Cue { k, len: 2, form: Form::According, secondary: false });
            continue;
        }
        let naming = naming_cue(ctx, s, k, regions);
        let primary = w.has(k, class::REPORT) || naming;
        let participle = w.has(k, class::PARTICIPLE) || DENY_PARTICIPLES.contains(&word);
        if !primary && !participle {
            continue;
        }
        if let Some((_, next)) = VERBS_NEEDING_NEXT.iter().find(|(v, _)| *v == word) {
            if !next.contains(&w.w(k + 1)) {
                continue;
            }
        }
        if k > s.t0 && (not_a_verb(ctx, s, k) || negated(ctx, s, k)) {
            continue;
        }
        // "told AFP", "slips in"
        let len = if (word == "told" && w.capitalised(k + 1) && k + 1 < s.t1)
            || (word.starts_with("slip") && w.w(k + 1) == "in")
        {
            2
        } else {
            1
        };
        let secondary = participle || relative_pronoun(ctx, s, k).is_some() || in_time_clause(ctx, s, k);
        cues.push(Cue { k, len, form: Form::PrePosed, secondary });
    }
    if cues.iter().any(|c| !c.secondary) {
        let first_primary = cues.iter().position(|c| !c.secondary).unwrap_or(0);
        let first_k = cues[first_primary].k;
        cues.retain(|c| !c.secondary || (DENY_PARTICIPLES.contains(&w.w(c.k)) && c.k > first_k));
    }
    cues
}
