//! Paragraph and sentence segmentation (minimal version: blank-line or
//! single-newline paragraphs, sentence ends at `.`, `!`, `?` followed by space
//! and an upper-case letter or an opening quote, with a short abbreviation list).

use crate::model::Span;
use crate::text::CpIndex;

const ABBREVIATIONS: &[&str] = &["Col", "Gen", "Lt", "Capt", "Maj", "Sgt", "Mr", "Mrs", "Ms", "Dr", "St", "No", "U.N", "U.S", "approx", "e.g", "i.e", "vs", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"];

/// Non-empty lines of the text, each a paragraph, in code points (trimmed).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let idx = CpIndex::new(text);
    let mut out = Vec::new();
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            let b0 = offset + trimmed_start;
            out.push(Span { start: idx.cp(b0), end: idx.cp(b0 + body.len()) });
        }
        offset += line.len();
    }
    out
}

/// Sentences within the given paragraphs.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for p in paragraphs {
        let (ps, pe) = (p.start as usize, (p.end as usize).min(chars.len()));
        let mut start = ps;
        let mut i = ps;
        while i < pe {
            let c = chars[i];
            if matches!(c, '.' | '!' | '?') {
                // include closing quotes/brackets after the terminator
                let mut j = i + 1;
                while j < pe && matches!(chars[j], '"' | '”' | '’' | ')' | ']' | '\'') {
                    j += 1;
                }
                let next_is_break = j >= pe
                    || (chars[j].is_whitespace() && {
                        let mut k = j;
                        while k < pe && chars[k].is_whitespace() {
                            k += 1;
                        }
                        k >= pe || chars[k].is_uppercase() || matches!(chars[k], '"' | '“' | '‘' | '«') || chars[k].is_ascii_digit()
                    });
                if next_is_break && !(c == '.' && is_abbreviation(&chars[start..i])) {
                    out.push(Span { start: start as u32, end: j as u32 });
                    let mut k = j;
                    while k < pe && chars[k].is_whitespace() {
                        k += 1;
                    }
                    start = k;
                    i = k;
                    continue;
                }
            }
            i += 1;
        }
        if start < pe {
            out.push(Span { start: start as u32, end: pe as u32 });
        }
    }
    out
}

fn is_abbreviation(before: &[char]) -> bool {
    let word: String = before
        .iter()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    ABBREVIATIONS.iter().any(|a| *a == word) || (word.len() == 1 && word.chars().all(|c| c.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::slice_cp;

    #[test]
    fn splits_sentences_but_not_abbreviations() {
        let t = "Col. Goïta spoke. The army said “we won.” Then it left.\nSecond paragraph here.";
        let ps = paragraphs(t);
        assert_eq!(ps.len(), 2);
        let ss: Vec<&str> = sentences(t, &ps).iter().map(|s| slice_cp(t, s.start, s.end)).collect();
        assert_eq!(ss, vec!["Col. Goïta spoke.", "The army said “we won.”", "Then it left.", "Second paragraph here."]);
    }
}
