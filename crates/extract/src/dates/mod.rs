//! Date recognition and resolution for English (and common French) news
//! copy, with no dependencies beyond `std` (it also builds for wasm).
//!
//! - [`calendar`]: [`Date`] / [`Weekday`] arithmetic.
//! - `keywords`: the vocabulary (word kinds, English and French).
//! - `lexer`: a one-pass, allocation-free tokenizer.
//! - `grammar`: hand-written rules turning tokens into unresolved expressions.
//! - `resolve`: turns expressions into [`Resolved`] ranges using a
//!   [`DateContext`] (publication date, narrative anchor, year hint); its
//!   module doc lists the conventions (parts of months, nights, …).
//! - [`dateline`]: datelines, document-level year and publication inference.
//!
//! [`find_dates`] scans a text (usually one sentence) once and returns the
//! date mentions in order, with code-point spans. Recognised forms:
//!
//! - absolute: "October 5", "October 5, 2023", "5 October 2023", "Oct. 5",
//!   "Sept 24", "the 21st of October", "2023-11-12", "Sunday November 12",
//!   "Thursday evening, October 5", "Monday (October 2nd)", "November 3 to 4",
//!   "30 October to 2 November", "on the 2nd", "le 12 novembre 2023", "1er novembre";
//! - weekdays: "on Monday", "Sunday morning", "next/last/this Monday",
//!   "the following Monday", "samedi dernier" (future tense resolves forward);
//! - relative: "the day before", "the previous day", "the next day", "two
//!   days earlier", "a week later", "that day", "the same evening",
//!   "yesterday", "today", "last week", "this week", "earlier this month",
//!   "last month", "(at) the end of (last) week", "a few days ago", "in
//!   recent days", "la veille", "le lendemain", "la semaine dernière";
//! - nights: "the night of November 3 to 4", "the night from Saturday to
//!   Sunday", "overnight (into) Saturday", "Saturday night", "la nuit du 3 au 4";
//! - periods: "in October", "in November 2023", "(at) the end of July",
//!   "the beginning of August", "mid-October", "late August", "the end of
//!   July and beginning of August", "the first week of November", "the first
//!   half of 2023", "the end of 2023", "the end of the year", "since late
//!   August", "May and June 2015", "fin juillet", "début août";
//! - years: "in 2012", "the 2015 agreement", "between 2012 and 2014", "2013-2023";
//! - deadlines: "by 31 December", "by the end of the year".
//!
//! Not dates: "110 km", "47 Malian soldiers", "Air Force Base 101",
//! "12,944", "2:56 am", "CSP-PSD", "G5", "No. 2023", "by Jan Egeland".

pub mod calendar;
pub mod dateline;
mod grammar;
mod keywords;
mod lexer;
mod resolve;
pub mod statement;

#[cfg(test)]
mod tests;

pub use calendar::{Date, Weekday};
pub use dateline::{
    find_dateline, infer_published, infer_published_with, infer_year, infer_year_near, year_candidates,
};

use crate::model::{DateRange, Precision};

/// A resolved date range (inclusive) with its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Resolved {
    pub start: Date,
    pub end: Date,
    pub precision: Precision,
}

impl Resolved {
    /// The model's ISO-string form.
    pub fn to_range(&self) -> DateRange {
        DateRange { start: self.start.iso(), end: self.end.iso(), precision: self.precision }
    }
}

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A calendar day or day range: "October 5", "5 October 2023",
    /// "Sunday November 12", "2023-11-12", "November 3 to 4".
    Absolute,
    /// A bare weekday: "on Monday", "Thursday evening", "next Monday".
    Weekday,
    /// Relative to publication or to the narrative anchor: "yesterday",
    /// "last week", "the day before", "two days earlier", "a week later".
    Relative,
    /// A night: "the night of November 3 to 4", "overnight Saturday".
    Night,
    /// A month or part of one, a part of a year, "since …", month ranges:
    /// "in October", "at the end of July", "since late August".
    Period,
    /// A year or year range: "in 2012", "the 2015 agreement", "between 2012 and 2014".
    Year,
    /// A deadline: "by 31 December", "by the end of the year".
    Deadline,
}

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Code-point offsets `[start, end)` within the scanned text.
    pub start: u32,
    pub end: u32,
    /// Exactly the code points `[start, end)` of the scanned text.
    pub text: String,
    /// `None` when the context does not pin the date down (no year known,
    /// no reference date for a relative expression).
    pub resolved: Option<Resolved>,
    pub kind: MentionKind,
}

/// What relative and year-less expressions are resolved against.
///
/// - `published`: the article's publication date. Bare weekdays resolve to
///   the most recent such day on or before it (news convention); "yesterday",
///   "last week" count from it; year-less dates take the year that puts them
///   nearest to it (future distances count double).
/// - `anchor`: the current narrative date (the caller keeps it as the last
///   resolved day). "the day before", "two days later" count from it. When
///   `published` is `None`, bare weekdays take the weekday nearest to it
///   (pass an *inferred* publication date here rather than in `published`:
///   the latest date in a text is only a lower bound of its publication).
/// - `year_hint`: the year for year-less dates when there is no publication
///   date (see [`infer_year`]); a weekday given with the date picks the
///   matching year nearest to it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateContext {
    pub published: Option<Date>,
    pub anchor: Option<Date>,
    pub year_hint: Option<i32>,
}

/// All date mentions in `text` (usually one sentence), in order, with
/// non-overlapping code-point spans. Never panics.
pub fn find_dates(text: &str, ctx: &DateContext) -> Vec<DateMention> {
    with_tokens(text, |toks| {
        let mut out = Vec::new();
        for_each_hit(toks, |h| {
            let (a, b) = (&toks[h.s], &toks[h.e - 1]);
            if h.kind == MentionKind::Absolute
                && names_an_organisation(&text[..a.b0 as usize], &text[b.b1 as usize..])
            {
                return;
            }
            out.push(DateMention {
                start: a.c0,
                end: b.c1,
                text: text[a.b0 as usize..b.b1 as usize].to_string(),
                resolved: resolve::resolve_form(&h.form, ctx),
                kind: h.kind,
            });
        });
        out
    })
}

/// Capitalised nouns after which a day and month name a group, not a day
/// ("the June 5 Movement", "the March 23 Alliance").
const ORGANISATIONS: &[&str] = &[
    "Movement", "Alliance", "Coalition", "Front", "Group", "Brigade", "Brigades", "Revolution",
    "Party", "Committee", "Collective", "Declaration", "Accord", "Agreement",
];

/// Whether a day-month mention is part of an organisation's (or an
/// accord's) name: an organisation noun right after it, or "Movement of" /
/// "Mouvement du" right before it.
fn names_an_organisation(before: &str, after: &str) -> bool {
    let next = after.trim_start_matches([' ', '-']);
    let named_after = ORGANISATIONS.iter().any(|o| {
        next.strip_prefix(o)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    });
    let prev = before.trim_end();
    let named_before = ["Movement of", "Movement of the", "Mouvement du", "Mouvement des", "Front of the"]
        .iter()
        .any(|p| prev.ends_with(p));
    named_after || named_before
}

/// Tokenizes `text` into a reused buffer and hands the tokens to `f`.
fn with_tokens<R>(text: &str, f: impl FnOnce(&[lexer::Tok]) -> R) -> R {
    let mut toks = TOKENS.with(|t| t.take());
    lexer::tokenize(text, &mut toks);
    let r = f(&toks);
    if toks.capacity() <= MAX_KEPT_TOKENS {
        TOKENS.with(|t| t.replace(toks));
    }
    r
}

/// Larger token buffers (whole long documents) are freed, not kept.
const MAX_KEPT_TOKENS: usize = 1 << 16;

thread_local! {
    /// Token buffer reused across calls (one sentence after another), so
    /// that scanning does not allocate once warmed up.
    static TOKENS: std::cell::Cell<Vec<lexer::Tok>> = const { std::cell::Cell::new(Vec::new()) };
}

/// Runs the grammar over `toks` left to right, calling `f` on each
/// (non-empty, non-overlapping) hit.
fn for_each_hit(toks: &[lexer::Tok], mut f: impl FnMut(&grammar::Hit)) {
    let g = grammar::G { t: toks };
    let mut i = 0;
    while i < toks.len() {
        match g.hit_at(i) {
            Some(h) if h.e > h.s && h.e <= toks.len() => {
                f(&h);
                i = h.e;
            }
            _ => i += 1,
        }
    }
}
