//! Statement days: a date that says when something was *said* ("denied on
//! Tuesday", "said late on Friday", "In a statement on Wednesday") rather
//! than when the reported thing happened. When a sentence also names the day
//! of the happening ("… was to blame for Monday's strike"), that day dates
//! the event; a statement day alone is still the best date there is (the
//! thing happened on or before it).

/// Reporting words a statement day hangs on (folded, lower case).
const REPORTING: &[&str] = &[
    "said", "says", "denied", "denies", "claimed", "claims", "announced", "reported", "stated",
    "added", "told", "rejected", "dismissed", "confirmed", "accused", "insisted", "statement",
    "briefing", "declared", "refuted", "wrote", "posted",
];

fn is_reporting(word: &str) -> bool {
    REPORTING.contains(&word)
}

/// Whether a date mention is a statement day, given the folded text just
/// before it and just after it in its sentence (a few words each).
pub fn is_statement_day(before: &str, after: &str) -> bool {
    // "denied on Tuesday", "said late on Friday", "statement on Wednesday"
    let mut prev = before
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev();
    let mut w = prev.next();
    for filler in ["on", "late", "early"] {
        if w == Some(filler) {
            w = prev.next();
        }
    }
    if w.is_some_and(is_reporting) {
        return true;
    }
    // "on Monday said", "on Monday, the ministry said" is not taken: the
    // subject may be the happening's
    let next = after
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| !w.is_empty());
    next.is_some_and(|w| matches!(w, "said" | "says" | "denied" | "announced" | "claimed"))
        && !after.trim_start().starts_with(',')
}

#[cfg(test)]
mod tests {
    use super::is_statement_day;

    #[test]
    fn days_of_saying_and_days_of_happening() {
        assert!(is_statement_day("the ministry denied on ", " that its jets"));
        assert!(is_statement_day("the militia said late on ", " it had taken"));
        assert!(is_statement_day("in a statement on ", ", the group"));
        assert!(is_statement_day("the governor ", " said the bridge"));
        assert!(!is_statement_day("the convoy was ambushed on ", " near the"));
        assert!(!is_statement_day("blamed for ", "'s shelling"));
        assert!(!is_statement_day("", ", the rebels said"));
    }
}
