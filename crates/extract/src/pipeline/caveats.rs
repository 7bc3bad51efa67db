//! Stage 7, the caveats: body sentences that say what they report cannot
//! be verified ([`caveats`]); they make no event.

use super::Parsed;
use crate::model::Caveat;

/// Verification caveats (folded phrases). Each contains "verif", "confirm"
/// or "independ" (the pre-test in [`is_caveat`] relies on it).
const CAVEATS: &[&str] = &[
    "difficult to verify",
    "hard to verify",
    "impossible to verify",
    "could not be verified",
    "cannot be verified",
    "could not be independently",
    "cannot be independently",
    "can not be independently",
    "not be independently",
    "independently verif",
    "independently confirm",
    "established independently",
    "verified independently",
    "confirmed independently",
    "verification of the facts impossible",
    "any verification",
    "verification impossible",
    "could not be confirmed",
    "cannot be confirmed",
    "unverifiable",
    "no independent",
    "impossible to confirm",
    "not possible to confirm",
];

/// Body sentences → the caveats of document `id`, with their sentence, in order.
pub(super) fn caveats(p: &Parsed, id: &str) -> Vec<(usize, Caveat)> {
    let f = p.f();
    let mut out: Vec<(usize, Caveat)> = Vec::new();
    for (si, s) in p.sents.iter().enumerate() {
        if !s.body || !is_caveat(f.fs(s.start as usize, s.end as usize)) {
            continue;
        }
        out.push((
            si,
            Caveat {
                document: id.to_string(),
                start: s.start,
                end: s.end,
                quote: f.original(s.start as usize, s.end as usize),
            },
        ));
    }
    out
}

/// Whether a (folded) sentence is a verification caveat.
pub(super) fn is_caveat(folded: &str) -> bool {
    // every caveat phrase holds one of these stems: most sentences are
    // cleared by three scans instead of one per phrase
    (folded.contains("verif") || folded.contains("confirm") || folded.contains("independ"))
        && CAVEATS.iter().any(|c| folded.contains(c))
        || (folded.starts_with("no ") && folded.contains("assessment"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_caveat_holds_a_prefilter_stem() {
        for c in CAVEATS {
            assert!(
                ["verif", "confirm", "independ"]
                    .iter()
                    .any(|s| c.contains(s)),
                "caveat `{c}` escapes the pre-test in is_caveat"
            );
        }
    }

    #[test]
    fn caveats_are_told_from_confirmations() {
        for s in [
            "the toll could not be independently verified.",
            "reuters was unable to verify the footage independently; it is unverifiable.",
            "no independent assessment of the damage was possible.",
            "no assessment of the losses has been published.",
        ] {
            assert!(is_caveat(s), "{s}");
        }
        for s in [
            "the ministry confirmed the strike on tuesday.",
            "officials said the figures were verified by the red cross.",
            "the army said it had taken the airport.",
        ] {
            assert!(!is_caveat(s), "{s}");
        }
    }
}
