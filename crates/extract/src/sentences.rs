//! Paragraph and sentence segmentation.
//!
//! Paragraphs are non-empty lines (trimmed). Within a paragraph a sentence
//! ends at `.`, `!`, `?` or `…` (plus any closing quotes/brackets) followed by
//! white space and an upper-case letter, a digit or an opening quote — unless
//! the word before the full stop is an abbreviation: titles (`Col.`, `Gen.`,
//! `Lt.`, `Mr.`…), initials (`J.`), `U.N.`/`U.S.`-style acronyms, `a.m.`, or
//! a month abbreviation followed by a number (`Oct. 5`).
//!
//! Quotations: when an opening quote is closed later in the same paragraph,
//! the quoted passage is not split, so a quote spanning several sentences
//! stays with its attribution (`"We took Kidal. They fled," he said.`). An
//! opening quote that is never closed (translated copy often drops the closing
//! mark) does not suppress splitting. A `“` that is followed by punctuation
//! or a space is a (misprinted) closing quote.

use crate::model::Span;
use crate::text::{cp_len, Folded};

/// Abbreviations that never end a sentence (case-sensitive, without the dot).
const TITLES: &[&str] = &[
    "Col", "Gen", "Lt", "Capt", "Cpt", "Maj", "Sgt", "Cpl", "Pvt", "Adm", "Brig", "Cmdr", "Cdr",
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Gov", "Sen", "Rep", "Pres", "St", "Mt", "Ft", "No",
    "Nos", "vs", "approx", "e.g", "i.e", "cf", "al", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr",
    "Messrs", "Mme", "Mlle", "Lt.-Col", "a.m", "p.m", "ca",
];

/// Month abbreviations: not a sentence end when a number follows.
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Quotes longer than this (in code points) are split like normal prose.
const MAX_UNSPLIT_QUOTE: usize = 600;

/// Non-empty lines of the text, each a paragraph, in code points (trimmed).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    // code points before the current line (counted line by line, no index of the whole text)
    let mut cp = 0u32;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            let start = cp + cp_len(&line[..trimmed_start]);
            out.push(Span {
                start,
                end: start + cp_len(body),
            });
        }
        cp += cp_len(line);
    }
    out
}

/// Sentences of the given paragraphs (convenience wrapper over [`split_sentences`]).
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let f = Folded::new(text);
    let mut out = Vec::new();
    for p in paragraphs {
        split_sentences(&f, *p, &mut out);
    }
    out
}

fn is_open_quote(chars: &[char], i: usize) -> bool {
    match chars[i] {
        '«' | '„' => true,
        '“' => chars.get(i + 1).is_some_and(|c| {
            c.is_alphanumeric() || matches!(c, '[' | '(' | '‘' | '\'' | '…' | '.')
        }),
        '"' => {
            let before_ok = i == 0
                || chars[i - 1].is_whitespace()
                || matches!(chars[i - 1], '(' | '[' | '—' | '–' | '-' | ':');
            before_ok && chars.get(i + 1).is_some_and(|c| !c.is_whitespace())
        }
        _ => false,
    }
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»' | '"' | '“')
}

/// Index of the quote closing the one opened at `open`, within `[open+1, end)`.
fn find_close(chars: &[char], open: usize, end: usize) -> Option<usize> {
    let closer: &[char] = match chars[open] {
        '«' => &['»'],
        '„' => &['“', '”'],
        '"' => &['"', '”'],
        _ => &['”', '"', '“'],
    };
    (open + 1..end).find(|&j| {
        closer.contains(&chars[j])
            && !(chars[j] == '"' && is_open_quote(chars, j) && chars[open] != '"')
            && !(chars[j] == '“' && is_open_quote(chars, j))
    })
}

/// Append the sentences of paragraph `p` to `out`.
pub fn split_sentences(f: &Folded, p: Span, out: &mut Vec<Span>) {
    let chars = &f.chars;
    let (ps, pe) = (p.start as usize, (p.end as usize).min(chars.len()));
    let mut start = ps;
    let mut i = ps;
    let mut quote_end: Option<usize> = None;
    let folded = f.folded.as_bytes();
    while i < pe {
        // Only sentence ends and quotation marks matter here: in the fold
        // `…` is `.` and every quotation mark is `"`.
        if !matches!(folded[i], b'.' | b'!' | b'?' | b'"') {
            i += 1;
            continue;
        }
        let c = chars[i];
        if quote_end.is_some_and(|q| i >= q) {
            quote_end = None;
        }
        if quote_end.is_none() && matches!(c, '«' | '„' | '“' | '"') && is_open_quote(chars, i)
        {
            if let Some(close) = find_close(chars, i, pe) {
                if close - i <= MAX_UNSPLIT_QUOTE {
                    quote_end = Some(close);
                }
            }
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut j = i + 1;
            while j < pe && matches!(chars[j], '.' | '!' | '?' | '…') {
                j += 1;
            }
            while j < pe && (is_close_quote(chars[j]) || matches!(chars[j], ')' | ']' | '’' | '\''))
            {
                j += 1;
            }
            let mut k = j;
            while k < pe && chars[k].is_whitespace() {
                k += 1;
            }
            // Inside a quotation only a terminator that ends the quotation counts.
            let quoted = quote_end.is_some_and(|q| j <= q);
            let next_starts = !quoted
                && (k >= pe
                    || (k > j
                        && (chars[k].is_uppercase()
                            || chars[k].is_ascii_digit()
                            || matches!(chars[k], '"' | '“' | '‘' | '«' | '(' | '['))));
            if next_starts && !(c == '.' && is_abbreviation(chars, start, i, k, pe)) {
                out.push(Span {
                    start: start as u32,
                    end: j as u32,
                });
                start = k;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    // trim trailing white space of the last sentence
    let mut e = pe;
    while e > start && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if start < e {
        out.push(Span {
            start: start as u32,
            end: e as u32,
        });
    }
}

/// Whether the `.` at `dot` ends an abbreviation rather than the sentence.
fn is_abbreviation(chars: &[char], sent_start: usize, dot: usize, next: usize, end: usize) -> bool {
    let mut w = dot;
    while w > sent_start
        && !chars[w - 1].is_whitespace()
        && !matches!(chars[w - 1], '(' | '"' | '“' | '«' | '[')
    {
        w -= 1;
    }
    let word: String = chars[w..dot].iter().collect();
    if word.is_empty() {
        return false;
    }
    if TITLES.contains(&word.as_str()) {
        return true;
    }
    let next_is_digit = next < end && chars[next].is_ascii_digit();
    if MONTHS.contains(&word.as_str()) && next_is_digit {
        return true;
    }
    // Initials and dotted acronyms: "J", "U.N", "U.S", "a.m"
    let letters: Vec<&str> = word.split('.').collect();
    letters
        .iter()
        .all(|l| l.chars().count() == 1 && l.chars().all(char::is_alphabetic))
        && (letters.len() > 1 || word.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_cp;

    fn split(t: &str) -> Vec<&str> {
        let ps = paragraphs(t);
        sentences(t, &ps)
            .iter()
            .map(|s| slice_cp(t, s.start, s.end))
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let t = "Col. Goïta spoke. The army said “we won.” Then it left.\nSecond paragraph here.";
        assert_eq!(
            split(t),
            vec![
                "Col. Goïta spoke.",
                "The army said “we won.”",
                "Then it left.",
                "Second paragraph here."
            ]
        );
        assert_eq!(
            split("The U.N. Security Council met on Oct. 5 in New York. Gen. J. Smith said so. It ended."),
            vec!["The U.N. Security Council met on Oct. 5 in New York.", "Gen. J. Smith said so.", "It ended."]
        );
    }

    #[test]
    fn closed_quote_spanning_sentences_stays_whole() {
        let t = "“I deny the entry. They are surrounded,” replied a leader. The army said nothing.";
        assert_eq!(
            split(t),
            vec![
                "“I deny the entry. They are surrounded,” replied a leader.",
                "The army said nothing."
            ]
        );
        let t = "\"We have seized Kidal. The terrorists fled,\" Col. Abdoulaye Maiga said in a statement.";
        assert_eq!(split(t).len(), 1);
    }

    #[test]
    fn unclosed_quote_does_not_swallow_the_paragraph() {
        let t = "“It was a painful defeat. Since then, Tin Zaouatine has become a symbolic issue. A Malian officer slips in. In the following days, reinforcements came.";
        assert_eq!(
            split(t),
            vec![
                "“It was a painful defeat.",
                "Since then, Tin Zaouatine has become a symbolic issue.",
                "A Malian officer slips in.",
                "In the following days, reinforcements came."
            ]
        );
    }

    #[test]
    fn lower_case_after_full_stop_does_not_split() {
        assert_eq!(
            split("They remain on guard. we watch them “, comments a commander.").len(),
            1
        );
    }
}
