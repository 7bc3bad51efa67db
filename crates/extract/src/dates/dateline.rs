//! Document-level inference: the dateline at the top of an article, the
//! year of year-less dates (from weekday + day-month consistency), and the
//! publication date.

use std::cell::RefCell;
use std::rc::Rc;

use super::calendar::Date;
use super::grammar::{Expr, Form, Hit, G};
use super::resolve::resolve_form;
use super::lexer::{tokenize, Tok, K};
use super::{for_each_hit, with_tokens, DateContext, MentionKind};
use crate::model::{Precision, PublishedSource};

/// Years considered when inferring a year from weekdays.
pub const YEAR_WINDOW: (i32, i32) = (1990, 2035);

/// How far into the text (code points) a dateline may start.
const DATELINE_REACH: u32 = 600;
/// Bytes of each line examined for a dateline.
const DATELINE_HEAD: usize = 240;
/// How many non-empty lines may precede the dateline line (title, menu).
const DATELINE_LINES: usize = 4;

/// A dateline near the top of an article: "Tuesday, September 24, 2024 -
/// 2:56 am", "Nov 12 (Reuters) -", "BAMAKO, Mali, 12 November 2023 (AFP) -",
/// "12 November 2023", "Published 24/09/2024". Returns the date and the
/// code-point span of the date expression. A dateline without a year
/// ("Nov 12 (Reuters)") takes the year from [`infer_year`]; a dateline
/// without any date ("BAMAKO, Mali (AP) —") gives `None`.
pub fn find_dateline(text: &str) -> Option<(Date, u32, u32)> {
    let mut cp_offset: u32 = 0;
    let mut lines_seen = 0usize;
    let mut toks = Vec::new();
    for line in text.split_inclusive('\n') {
        if cp_offset > DATELINE_REACH || lines_seen >= DATELINE_LINES {
            break;
        }
        let line_cps = line.chars().count() as u32;
        let body = line.trim_end();
        if body.trim().is_empty() {
            cp_offset += line_cps;
            continue;
        }
        lines_seen += 1;
        // A dateline's date starts within the first 80 code points and is
        // short: the head of the line is enough.
        let mut cut = body.len().min(DATELINE_HEAD);
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        let body = &body[..cut];
        tokenize(body, &mut toks);
        if let Some((d, s, e)) = dateline_in_line(text, body, &toks) {
            return Some((d, cp_offset + s, cp_offset + e));
        }
        cp_offset += line_cps;
    }
    None
}

/// Words that may precede a dateline's date besides capitalised ones
/// ("BAMAKO, Mali,", "Published on", "Mis à jour le").
const LEAD_WORDS: &[&str] = &[
    "on", "le", "at", "published", "updated", "posted", "mis", "à", "jour", "publié", "du", "modifié", "with", "avec", "by",
    "par", "and", "et",
];
/// Lower-case words that may follow the date in a dateline ("… by AFP").
const TRAIL_WORDS: &[&str] = &["by", "at", "à", "par", "updated", "am", "pm"];

fn dateline_in_line(text: &str, line: &str, toks: &[Tok]) -> Option<(Date, u32, u32)> {
    let word_ok = |t: &Tok, list: &[&str]| {
        let w = &line[t.b0 as usize..t.b1 as usize];
        t.cap || list.iter().any(|l| w.eq_ignore_ascii_case(l))
    };
    // Numeric "24/09/2024" (day first; month first when the first part > 12).
    for i in 0..toks.len().min(12) {
        if let Some(x) = numeric_date(toks, i) {
            if toks[..i].iter().all(|t| !matches!(t.k, K::Word(_)) || word_ok(t, LEAD_WORDS)) {
                return Some((x, toks[i].c0, toks[i + 4].c1));
            }
        }
    }
    let mut found = None;
    let mut first = true;
    for_each_hit(toks, |h: &Hit| {
        if found.is_some() || !first {
            return;
        }
        first = false;
        let start = toks[h.s].c0;
        let end = toks[h.e - 1].c1;
        let next = toks.get(h.e);
        let lead_ok = toks[..h.s].iter().all(|t| !matches!(t.k, K::Word(_)) || word_ok(t, LEAD_WORDS));
        let after_next = toks.get(h.e + 1).map(|t| t.k);
        let trail_ok = match next.map(|t| t.k) {
            None | Some(K::Punct('(' | '-' | '–' | '—' | '|' | '/' | '·')) | Some(K::Num { .. }) => true,
            // "24 September 2024, 2:56" but not "On 12 November 2023, the army …"
            Some(K::Punct(',')) => matches!(after_next, Some(K::Num { .. })),
            Some(K::Word(_)) => next.is_some_and(|t| word_ok(t, TRAIL_WORDS)),
            Some(K::Punct(_)) => false,
        };
        if start > 80 || !lead_ok || !trail_ok {
            return;
        }
        let x = match h.form {
            Form::One(x) => x,
            _ => return,
        };
        let date = match x {
            Expr::Iso { y, m, d } => Date::new(y, m, d),
            Expr::Day { d, m, y: Some(y), .. } => Date::new(y, m, d),
            Expr::Day { d, m, y: None, wd } => {
                // "Nov 12 (Reuters) -": the year comes from the whole text.
                if !matches!(next.map(|t| t.k), Some(K::Punct('('))) {
                    return;
                }
                let year = match wd {
                    Some(w) => {
                        infer_year(text).filter(|y| Date::new(*y, m, d).is_some_and(|dt| dt.weekday().index() == w))
                    }
                    None => infer_year(text),
                };
                year.and_then(|y| Date::new(y, m, d))
            }
            _ => None,
        };
        if let Some(d) = date {
            found = Some((d, start, end));
        }
    });
    found
}

fn numeric_date(toks: &[Tok], i: usize) -> Option<Date> {
    let num = |k: usize| match toks.get(k).map(|t| t.k) {
        Some(K::Num { value, digits, ordinal: false }) => Some((value, digits)),
        _ => None,
    };
    let (a, ad) = num(i)?;
    let (b, bd) = num(i + 2)?;
    let (y, yd) = num(i + 4)?;
    let slash = |k: usize| matches!(toks.get(k).map(|t| t.k), Some(K::Punct('/')));
    let glued = (i..i + 4).all(|k| toks[k].b1 == toks[k + 1].b0);
    if !(slash(i + 1) && slash(i + 3) && glued && (1..=2).contains(&ad) && (1..=2).contains(&bd) && yd == 4) {
        return None;
    }
    let (d, m) = if a > 12 {
        (a, b)
    } else if b > 12 {
        (b, a)
    } else {
        (a, b)
    };
    Date::new(y as i32, m as u8, d as u8)
}

/// What the document-level functions need from one pass over a text:
/// evidence for its year and the days that may date its publication.
struct DocScan {
    /// (month, day, weekday index) of year-less dates given with a weekday.
    constraints: Vec<(u8, u8, u8)>,
    /// Years written out in the text.
    mentioned: Vec<i32>,
    /// Absolute dates and nights outside future-tense clauses.
    past_days: Vec<Form>,
}

/// Texts longer than this are scanned but not cached.
const MAX_CACHED_TEXT: usize = 1 << 22;

thread_local! {
    /// The last text scanned and its scan: the engine asks [`infer_year`],
    /// [`infer_year_near`], [`year_candidates`] and [`infer_published_with`]
    /// about the same article in a row, and the text is scanned once.
    static LAST_SCAN: RefCell<Option<(String, Rc<DocScan>)>> = const { RefCell::new(None) };
}

fn doc_scan(text: &str) -> Rc<DocScan> {
    let cached = LAST_SCAN.with(|c| c.borrow().as_ref().filter(|(t, _)| t == text).map(|(_, s)| Rc::clone(s)));
    if let Some(scan) = cached {
        return scan;
    }
    let scan = Rc::new(scan_text(text));
    if text.len() <= MAX_CACHED_TEXT {
        LAST_SCAN.with(|c| *c.borrow_mut() = Some((text.to_string(), Rc::clone(&scan))));
    }
    scan
}

fn scan_text(text: &str) -> DocScan {
    with_tokens(text, scan_tokens)
}

fn scan_tokens(toks: &[Tok]) -> DocScan {
    let g = G { t: toks };
    let mut scan = DocScan { constraints: Vec::new(), mentioned: Vec::new(), past_days: Vec::new() };
    for_each_hit(toks, |h: &Hit| {
        let mut note = |x: &Expr| match *x {
            Expr::Day { d, m, y: None, wd: Some(w) } | Expr::DayRange { d1: d, m1: m, y: None, wd: Some(w), .. } => {
                scan.constraints.push((m, d, w));
            }
            Expr::Day { y: Some(y), .. } | Expr::DayRange { y: Some(y), .. } | Expr::Month { y: Some(y), .. } => {
                scan.mentioned.push(y)
            }
            Expr::Year { y, .. } => scan.mentioned.push(y),
            Expr::Iso { y, .. } => scan.mentioned.push(y),
            _ => {}
        };
        match &h.form {
            Form::One(x) | Form::Since(x) | Form::Night(x) | Form::NightInto(x) => note(x),
            Form::Range(a, b) => {
                note(a);
                note(b);
            }
        }
        // Announced dates ("will be held on November 21") say nothing of publication.
        if matches!(h.kind, MentionKind::Absolute | MentionKind::Night) && !g.future_context(h.s) {
            scan.past_days.push(h.form);
        }
    });
    scan
}

/// The years of [`YEAR_WINDOW`] consistent with the most weekday+day-month
/// constraints of the text (e.g. "Thursday, October 5" → 1995, 2000, 2006,
/// 2017, 2023, 2028, 2034). Empty when the text has no such constraint.
pub fn year_candidates(text: &str) -> Vec<i32> {
    candidates(&doc_scan(text))
}

fn candidates(ev: &DocScan) -> Vec<i32> {
    if ev.constraints.is_empty() {
        return Vec::new();
    }
    let mut best = 0usize;
    let mut out = Vec::new();
    for y in YEAR_WINDOW.0..=YEAR_WINDOW.1 {
        let score = ev
            .constraints
            .iter()
            .filter(|&&(m, d, w)| Date::new(y, m, d).is_some_and(|dt| dt.weekday().index() == w))
            .count();
        if score > best {
            best = score;
            out.clear();
        }
        if score == best && score > 0 {
            out.push(y);
        }
    }
    out
}

/// The year of the text's year-less dates, from weekday + day-month
/// consistency ("Thursday, October 5" and "Sunday November 12" are both
/// 2023 among years mentioned in the text). Among several consistent years,
/// the only one mentioned in the text wins; otherwise `None` (ambiguous —
/// see [`infer_year_near`]).
pub fn infer_year(text: &str) -> Option<i32> {
    let scan = doc_scan(text);
    pick(&candidates(&scan), &scan.mentioned, None)
}

/// Like [`infer_year`], but an ambiguity is settled by the candidate nearest
/// `reference` (e.g. the corpus's typical year): candidates of a weekday +
/// day-month recur every 5, 6 or 11 years, so the nearest is usually unique.
pub fn infer_year_near(text: &str, reference: i32) -> Option<i32> {
    let scan = doc_scan(text);
    pick(&candidates(&scan), &scan.mentioned, Some(reference))
}

fn pick(c: &[i32], mentioned: &[i32], reference: Option<i32>) -> Option<i32> {
    match c {
        [] => return None,
        [y] => return Some(*y),
        _ => {}
    }
    let in_text: Vec<i32> = c.iter().copied().filter(|y| mentioned.contains(y)).collect();
    if let [y] = in_text[..] {
        return Some(y);
    }
    let r = reference?;
    let pool = if in_text.is_empty() { c } else { &in_text[..] };
    let dist = |y: i32| (y as i64 - r as i64).abs();
    let best = pool.iter().map(|&y| dist(y)).min()?;
    let nearest: Vec<i32> = pool.iter().copied().filter(|&y| dist(y) == best).collect();
    match nearest[..] {
        [y] => Some(y),
        _ => None,
    }
}

/// The publication date: the dateline ([`PublishedSource::Text`]); else the
/// latest fully resolved day mentioned (not in a future-tense clause),
/// year-less days taking the year from [`infer_year`]
/// ([`PublishedSource::Inferred`]); else `None`.
pub fn infer_published(text: &str) -> Option<(Date, PublishedSource)> {
    infer_published_with(text, None)
}

/// [`infer_published`] with a reference year for ambiguous year inference
/// (see [`infer_year_near`]).
pub fn infer_published_with(text: &str, reference_year: Option<i32>) -> Option<(Date, PublishedSource)> {
    if let Some((d, _, _)) = find_dateline(text) {
        return Some((d, PublishedSource::Text));
    }
    let year = match reference_year {
        Some(r) => infer_year_near(text, r),
        None => infer_year(text),
    };
    let ctx = DateContext { published: None, anchor: None, year_hint: year };
    doc_scan(text)
        .past_days
        .iter()
        .filter_map(|f| resolve_form(f, &ctx))
        .filter(|r| r.precision == Precision::Day)
        .map(|r| (r.end, PublishedSource::Inferred))
        .max_by_key(|(d, _)| *d)
}
