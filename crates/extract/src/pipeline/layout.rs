//! Stage 2, the sentences: the text → paragraphs classified (body,
//! heading, boilerplate) with the headline found, tokens, and sentences
//! with their token ranges; a wire dateline opening a story is cut off its
//! sentence ([`sentences`]).

use crate::boilerplate::{self, ParaKind};
use crate::claims::Sent;
use crate::model::Span;
use crate::sentences as split;
use crate::text::Folded;
use crate::tokens::{tokenize, Tok};

/// An article's paragraphs, tokens and sentences.
pub(super) struct Layout {
    pub paragraphs: Vec<Span>,
    pub kinds: Vec<ParaKind>,
    /// The paragraph taken for the title (only without a front-matter title).
    pub headline: Option<usize>,
    pub toks: Vec<Tok>,
    /// The sentences as the document stores them.
    pub spans: Vec<Span>,
    /// The sentences as the extractors read them: body or not, token
    /// ranges, a dateline cut off.
    pub sents: Vec<Sent>,
}

/// Text → [`Layout`]. `find_headline`: look for a headline-like paragraph
/// (the front matter gives no title); it is not mined.
pub(super) fn sentences(f: &Folded, text: &str, find_headline: bool) -> Layout {
    let paragraphs = split::paragraphs(text);
    let kinds = boilerplate::classify(f, &paragraphs);
    let headline = if find_headline {
        headline(f, &paragraphs, &kinds)
    } else {
        None
    };
    let mut toks: Vec<Tok> = Vec::with_capacity(f.len() / 5);
    tokenize(f, 0, f.len(), &mut toks);
    let mut spans: Vec<Span> = Vec::with_capacity(paragraphs.len() * 4);
    let mut sents: Vec<Sent> = Vec::with_capacity(paragraphs.len() * 4);
    for (pi, p) in paragraphs.iter().enumerate() {
        let before = spans.len();
        split::split_sentences(f, *p, &mut spans);
        for s in &spans[before..] {
            let t0 = toks.partition_point(|t| t.start < s.start);
            let t1 = toks.partition_point(|t| t.start < s.end);
            sents.push(Sent {
                start: s.start,
                end: s.end,
                t0,
                t1,
                para: pi,
                body: kinds[pi] == ParaKind::Body && Some(pi) != headline,
            });
        }
    }
    cut_datelines(f, &toks, &mut sents);
    Layout { paragraphs, kinds, headline, toks, spans, sents }
}

/// A wire dateline ("BAMAKO, Mali (AP) — ", "GAO, Oct 6 (AFP) - ") is not
/// part of the first sentence's content: its place is where the story was
/// filed, not where things happened. The agency form is looked for in the
/// first body sentence; the bare form ("KYIV, Ukraine -- ") opens the story
/// after captions and teasers, so in any paragraph's first sentence.
fn cut_datelines(f: &Folded, toks: &[Tok], sents: &mut [Sent]) {
    let mut prev_para = usize::MAX;
    let mut first_body = true;
    for s in sents.iter_mut() {
        let opens_para = s.para != prev_para;
        prev_para = s.para;
        if !s.body || !opens_para {
            continue;
        }
        let end = if first_body {
            dateline_end(f, s.start as usize, s.end as usize)
        } else {
            bare_dateline_end(f, s.start as usize, s.end as usize)
        };
        first_body = false;
        if let Some(after) = end {
            s.start = after as u32;
            s.t0 = toks.partition_point(|t| t.start < s.start);
        }
    }
}

/// A headline-like paragraph among the first lines, followed by prose.
fn headline(f: &Folded, paragraphs: &[Span], kinds: &[ParaKind]) -> Option<usize> {
    for (i, p) in paragraphs.iter().enumerate().take(5) {
        match kinds[i] {
            ParaKind::Boilerplate => continue,
            ParaKind::Heading => {
                let words = f
                    .fs(p.start as usize, p.end as usize)
                    .split_whitespace()
                    .count();
                let next_body = kinds.get(i + 1).is_some_and(|k| *k == ParaKind::Body);
                if words >= 3 && next_body {
                    return Some(i);
                }
            }
            ParaKind::Body => return None,
        }
    }
    None
}

/// Where a wire dateline ends: an upper-case place, optional words and
/// date, an agency in brackets, a dash (`BAMAKO, Mali (AP) — `); or, with
/// no agency, an upper-case place and capitalised words or a date before a
/// dash (`GAO, Mali -- `, `KIDAL, Nov 14 - `).
fn dateline_end(f: &Folded, start: usize, end: usize) -> Option<usize> {
    let limit = (start + 90).min(end);
    let head = f.fs(start, limit);
    let Some(close) = head.find(") -").or_else(|| head.find(")-")) else {
        return bare_dateline_end(f, start, end);
    };
    let open = head[..close].rfind('(')?;
    let agency = &head[open + 1..close];
    if agency.is_empty()
        || agency.len() > 40
        || !f.chars[start].is_uppercase()
        || !f.chars.get(start + 1).is_some_and(|c| c.is_uppercase())
    {
        return None;
    }
    let mut i = start + close + 1;
    while i < end && matches!(f.folded.as_bytes()[i], b' ' | b'-') {
        i += 1;
    }
    (i < end).then_some(i)
}

/// A dateline without an agency: `PLACE, Words -- ` (see [`dateline_end`]).
fn bare_dateline_end(f: &Folded, start: usize, end: usize) -> Option<usize> {
    let limit = (start + 50).min(end);
    let head: String = f.chars.get(start..limit)?.iter().collect();
    let comma = head.find(", ")?;
    let place = &head[..comma];
    let all_caps = place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && place.chars().all(|c| c.is_uppercase() || c == ' ' || c == '-' || c == '.');
    if !all_caps {
        return None;
    }
    let rest = &head[comma + 2..];
    let (dash, sep_len) = [" -- ", " — ", " – ", " - "]
        .iter()
        .filter_map(|d| rest.find(d).map(|i| (i, d.len())))
        .min()?;
    let between = &rest[..dash];
    let capitalised = !between.is_empty()
        && between
            .split(' ')
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    if !capitalised {
        return None;
    }
    // byte offsets in `head` → code points
    let cp = head[..comma + 2 + dash + sep_len].chars().count();
    (start + cp < end).then_some(start + cp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(f: &Folded, l: &Layout) -> Vec<String> {
        l.sents.iter().filter(|s| s.body).map(|s| f.original(s.start as usize, s.end as usize)).collect()
    }

    #[test]
    fn the_headline_is_not_mined_and_the_dateline_is_cut() {
        let text = "Army and rebels trade fire in the north\n\nGAO, Mali (AP) — The army said it repelled an attack. Rebels denied it.\n";
        let f = Folded::new(text);
        let l = sentences(&f, text, true);
        assert_eq!(l.headline, Some(0));
        assert_eq!(body(&f, &l), ["The army said it repelled an attack.", "Rebels denied it."]);
        // the document's sentence keeps its dateline; the tokens start after it
        let first = l.sents.iter().find(|s| s.body).unwrap();
        assert!(f.original(l.spans[1].start as usize, l.spans[1].end as usize).starts_with("GAO, Mali (AP)"));
        assert_eq!(l.toks[first.t0].start, first.start);
        // with a title from the front matter, no paragraph is taken for one
        assert_eq!(sentences(&f, text, false).headline, None);
    }
}
