//! Recognising web boilerplate pasted with an article — comment forms,
//! share/subscribe/download prompts, "Read also |" and "See also" teasers,
//! navigation breadcrumbs, page timestamps, agency credit lines ("With AFP"),
//! author bios and "Related articles" / "Recent Posts" lists — and headings.
//!
//! Rules are general (no article-specific strings): a paragraph is
//! boilerplate when it starts with a teaser/navigation cue, contains a
//! comment-form or subscription prompt, is a breadcrumb (`Home` glued to the
//! next word, or `›`/`»`/`>`/`/` separated short segments), a bare timestamp or
//! a credit line. At the end of the article, a *tail* is boilerplate as a
//! whole when it contains at least one such paragraph and otherwise consists
//! only of short unpunctuated lines (names, "Source") and author bios.
//!
//! Boilerplate stays in the text and is listed in `Document::boilerplate`;
//! the extraction skips it. Headings (short lines without final punctuation)
//! are not boilerplate but are not mined for claims either.

use crate::model::Span;
use crate::text::Folded;

/// What a paragraph is, for the extraction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    /// Article prose: mined for claims and events.
    Body,
    /// A headline or section heading: kept, not mined.
    Heading,
    /// Web boilerplate: kept, marked, not mined.
    Boilerplate,
}

/// Paragraph openings that mark a teaser or a navigation block.
const STARTS: &[&str] = &[
    "see also",
    "read also",
    "also read",
    "read more",
    "read next",
    "related:",
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "recent posts",
    "recent articles",
    "most read",
    "most popular",
    "more on this",
    "you may also like",
    "you might also like",
    "recommended",
    "trending",
    "tags:",
    "tagged:",
    "share this",
    "share on",
    "share:",
    "follow us",
    "sign up",
    "subscribe",
    "i subscribe",
    "advertisement",
    "sponsored",
    "reuse this content",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "comments",
    "cookie",
    "click here",
    "log in",
    "listen to this",
    "the summary of the week",
    "newsletter",
    "photo:",
    "image:",
    "caption:",
    "copyright",
    "all rights reserved",
    "with afp",
    "with reuters",
    "with ap",
    "(with afp",
    "(with reuters",
    "reporting by",
    "editing by",
    "writing by",
    "additional reporting",
    "source:",
    "source",
    "getty images",
    "download the",
    "previous article",
    "next article",
];

/// Phrases that make a (short) paragraph a prompt wherever they occur.
const CONTAINS: &[&str] = &[
    "please enter your",
    "your email address will not be published",
    "required fields are marked",
    "save my name",
    "leave a reply",
    "reuse this content",
    "all rights reserved",
    "download the",
    "sign up for",
    "subscribe to our",
    "our newsletter",
    "share this article",
    "follow us on",
    "click here",
    "cookie policy",
    "privacy policy",
    "terms of use",
    "invites you to",
    "you have read",
    "to continue reading",
    "subscribers only",
];

/// Words that make a sentence an author bio ("X is a journalist …").
const BIO_NOUNS: &[&str] = &[
    "journalist",
    "blogger",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "influencer",
    "author",
    "columnist",
    "contributor",
    "freelance",
];

/// Classify every paragraph.
pub fn classify(f: &Folded, paragraphs: &[Span]) -> Vec<ParaKind> {
    // each paragraph's words counted once for all the tests below; long
    // prose ending like a sentence is body: no cue scan, no count
    let words: Vec<Option<usize>> = paragraphs
        .iter()
        .map(|p| (!is_long_prose(f, *p)).then(|| word_count(f, *p)))
        .collect();
    let mut kinds: Vec<ParaKind> = paragraphs
        .iter()
        .zip(&words)
        .map(|(p, n)| match *n {
            None => ParaKind::Body,
            Some(n) if is_boilerplate_paragraph(f, *p, n) => ParaKind::Boilerplate,
            Some(n) if heading_of_words(f, *p, n) => ParaKind::Heading,
            Some(_) => ParaKind::Body,
        })
        .collect();
    // The tail: walk back over boilerplate, short unpunctuated lines and bios.
    let mut i = paragraphs.len();
    let mut strong = false;
    let mut first = paragraphs.len();
    while i > 0 {
        let p = paragraphs[i - 1];
        let n = words[i - 1].unwrap_or_else(|| word_count(f, p));
        let k = kinds[i - 1];
        let ok = k == ParaKind::Boilerplate
            || (k == ParaKind::Heading && n <= 25)
            || is_bio(f, p, n);
        if !ok {
            break;
        }
        strong |= k == ParaKind::Boilerplate;
        i -= 1;
        first = i;
    }
    if strong {
        for k in &mut kinds[first..] {
            *k = ParaKind::Boilerplate;
        }
    }
    kinds
}

/// More than 400 characters ending like a sentence, not a teaser.
fn is_long_prose(f: &Folded, p: Span) -> bool {
    p.end - p.start > 400 && ends_like_sentence(f, p) && !starts_with_teaser(f, p)
}

fn word_count(f: &Folded, p: Span) -> usize {
    // The folded text is ASCII, whose Unicode white space is ' ' and \t..=\r:
    // counting word starts byte by byte equals `split_whitespace().count()`.
    let mut n = 0;
    let mut in_word = false;
    for &b in f.fs(p.start as usize, p.end as usize).as_bytes() {
        let space = matches!(b, b' ' | b'\t'..=b'\r');
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

/// Opens like a teaser ("See also…", "Read also |"), which may run long.
fn starts_with_teaser(f: &Folded, p: Span) -> bool {
    let s = f.fs(
        p.start as usize,
        (p.start as usize + 12).min(p.end as usize),
    );
    s.starts_with("see") || s.starts_with("read") || s.starts_with("also read")
}

/// Ends with sentence punctuation (possibly followed by closing quotes/brackets).
pub fn ends_like_sentence(f: &Folded, p: Span) -> bool {
    let s = f.fs(p.start as usize, p.end as usize).trim_end();
    let s = s.trim_end_matches(['"', '\'', ')', ']', ' ']);
    s.ends_with(['.', '!', '?', ':', ';'])
}

/// A short line without final punctuation: a headline or a section heading.
pub fn is_heading(f: &Folded, p: Span) -> bool {
    heading_of_words(f, p, word_count(f, p))
}

/// [`is_heading`] for a paragraph of `n` words.
fn heading_of_words(f: &Folded, p: Span, n: usize) -> bool {
    n > 0 && n <= 30 && !ends_like_sentence(f, p)
}

/// An author bio of `n` words.
fn is_bio(f: &Folded, p: Span, n: usize) -> bool {
    let s = f.fs(p.start as usize, p.end as usize);
    if n > 60 {
        return false;
    }
    let Some(is_at) = s.find(" is a ").or_else(|| s.find(" is an ")) else {
        return false;
    };
    is_at < 60 && BIO_NOUNS.iter().any(|w| s.contains(w))
}

/// Boilerplate, for a paragraph of `words` words.
fn is_boilerplate_paragraph(f: &Folded, p: Span, words: usize) -> bool {
    let (a, b) = (p.start as usize, p.end as usize);
    let raw = f.fs(a, b);
    let s = raw.trim();
    let lead = raw.len() - raw.trim_start().len();
    // only the cues starting with the paragraph's first byte are compared
    let first = s.as_bytes().first().copied();
    for st in STARTS.iter().filter(|st| st.as_bytes().first().copied() == first) {
        if let Some(rest) = s.strip_prefix(st) {
            // The cue must end at a word boundary, except glued teasers such as
            // "See alsoJihadist …" where the next word starts in upper case.
            let next = rest.as_bytes().first().copied();
            let glued = next.is_some_and(|c| c.is_ascii_alphabetic())
                && f.chars
                    .get(a + lead + st.len())
                    .is_some_and(|c| c.is_uppercase());
            let boundary = next.is_none_or(|c| !c.is_ascii_alphanumeric());
            if (boundary || glued)
                && (words <= 40 || st.starts_with("see") || st.starts_with("read"))
            {
                // Single-word cues ("source", "comments", "subscribe") only as short lines.
                let single = !st.contains(' ');
                if !single || words <= 6 {
                    return true;
                }
            }
        }
    }
    if words > 40 {
        return false;
    }
    if contains_prompt(s) {
        return true;
    }
    (words <= 30 && is_breadcrumb(f, p)) || (words <= 12 && is_timestamp_line(s))
}

/// For each ASCII byte, the [`CONTAINS`] phrases starting with it (bits).
const CONTAINS_BY_FIRST: [u32; 128] = {
    let mut t = [0u32; 128];
    let mut k = 0;
    while k < CONTAINS.len() {
        t[CONTAINS[k].as_bytes()[0] as usize] |= 1 << k;
        k += 1;
    }
    t
};

/// Whether `s` contains any of [`CONTAINS`]: one pass, and at each byte
/// only the phrases starting with it are compared.
fn contains_prompt(s: &str) -> bool {
    let b = s.as_bytes();
    (0..b.len()).any(|i| {
        let mut candidates = if b[i] < 0x80 { CONTAINS_BY_FIRST[b[i] as usize] } else { 0 };
        while candidates != 0 {
            let k = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            if b[i..].starts_with(CONTAINS[k].as_bytes()) {
                return true;
            }
        }
        false
    })
}

/// `HomeNews…` (Home glued to the next capitalised word) or short segments
/// separated by `›`, `»`, `>` or ` / `.
fn is_breadcrumb(f: &Folded, p: Span) -> bool {
    let a = p.start as usize;
    let chars = &f.chars[a..(p.end as usize).min(f.chars.len())];
    if chars.len() > 4 && chars[..4] == ['H', 'o', 'm', 'e'] && chars[4].is_uppercase() {
        return true;
    }
    for sep in ['›', '»', '>', '/'] {
        if chars.iter().filter(|&&c| c == sep).count() < 2 {
            continue;
        }
        let s: String = chars.iter().collect();
        let parts: Vec<&str> = s.split(sep).map(str::trim).collect();
        if parts
            .iter()
            .all(|x| !x.is_empty() && x.split_whitespace().count() <= 4)
        {
            return true;
        }
    }
    false
}

const CALENDAR_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "am",
    "pm",
    "gmt",
    "utc",
    "updated",
    "published",
    "on",
    "at",
];

/// A page timestamp: only calendar words and numbers, including a year.
fn is_timestamp_line(s: &str) -> bool {
    let mut has_year = false;
    let mut tokens = 0;
    for t in s
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        tokens += 1;
        if t.bytes().all(|c| c.is_ascii_digit()) {
            if t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) {
                has_year = true;
            }
            continue;
        }
        if !CALENDAR_WORDS.contains(&t) {
            return false;
        }
    }
    has_year && tokens >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_prompt_agrees_with_contains() {
        assert!(CONTAINS.len() <= 32 && CONTAINS.iter().all(|c| !c.is_empty() && c.is_ascii()));
        let texts = [
            "",
            "click here",
            "please click here to continue reading",
            "xxsave my namexx",
            "our newsletter",
            "your email address will not be publishe",
            "subscribers onl",
            "privacy policy and terms of use",
            "nothing to see: the army said",
        ];
        for t in texts {
            assert_eq!(contains_prompt(t), CONTAINS.iter().any(|c| t.contains(c)), "{t:?}");
        }
        for c in CONTAINS {
            assert!(contains_prompt(c) && contains_prompt(&format!("a{c}b")));
        }
    }
    use crate::sentences::paragraphs;

    #[test]
    fn word_count_matches_split_whitespace() {
        for t in [
            "",
            "   ",
            "one",
            " Kidal,\tthe  army\u{a0}said\u{2009}— \u{b}\u{c}on Tuesday\r\n ",
            "«Nous» n'avons… rien\u{3000}dit ",
        ] {
            let f = Folded::new(t);
            let p = Span {
                start: 0,
                end: f.len() as u32,
            };
            assert_eq!(
                word_count(&f, p),
                f.folded.split_whitespace().count(),
                "{t:?}"
            );
        }
    }

    fn kinds(t: &str) -> Vec<ParaKind> {
        let f = Folded::new(t);
        classify(&f, &paragraphs(t))
    }

    use ParaKind::*;

    #[test]
    fn teasers_breadcrumbs_timestamps() {
        let t = "Tuesday, September 24, 2024 - 2:56 am\nHomeWorld NewsMali army moves\nMali army moves\nThe army said it moved.\nRead also | Mali: something else\nSee alsoAnother teaser here\nThe rebels said they fought.";
        assert_eq!(
            kinds(t),
            vec![
                Boilerplate,
                Boilerplate,
                Heading,
                Body,
                Boilerplate,
                Boilerplate,
                Body
            ]
        );
    }

    #[test]
    fn comment_form_tail_with_bio() {
        let t = "The army said it moved.\nShare this article\nSource\nJane Doe\nJane Doe is a freelance journalist covering the Sahel.\nLEAVE A REPLY\nPlease enter your comment!\nRecent Posts";
        assert_eq!(
            kinds(t),
            vec![
                Body,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate,
                Boilerplate
            ]
        );
    }

    #[test]
    fn subscription_tail_and_credit() {
        let t = "The head of the junta said the state would regain control.\nWith AFP\nThe summary of the weekSome Outlet invites you to look back on the news\nI subscribe\nTake news everywhere! Download the Some Outlet app";
        assert_eq!(
            kinds(t),
            vec![Body, Boilerplate, Boilerplate, Boilerplate, Boilerplate]
        );
    }

    #[test]
    fn body_and_mid_headings_untouched() {
        let t = "The army said it moved.\nA snub to Wagner\nSources said the fighting continued.\nHome of independence insurgencies\nThe rebels denied it.";
        assert_eq!(kinds(t), vec![Body, Heading, Body, Heading, Body]);
    }
}
