//! Word tokens over a [`Folded`] text. A token is a run of ASCII letters and
//! digits in the fold, with internal hyphens between letters (`pick-ups`),
//! thousands separators and decimals inside numbers (`6,500`, `1.5`) and
//! internal apostrophes (`haven't`). Offsets are code points (the fold has one
//! byte per code point), so tokens are two integers and matching a word is a
//! byte-slice comparison — no allocation per token.

use crate::text::Folded;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: u32,
    pub end: u32,
}

/// All tokens of `[start, end)`, appended to `out`.
pub fn tokenize(f: &Folded, start: usize, end: usize, out: &mut Vec<Tok>) {
    let b = f.folded.as_bytes();
    let end = end.min(b.len());
    let mut i = start;
    while i < end {
        if !b[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let s = i;
        while i < end {
            let c = b[i];
            if c.is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let next = b.get(i + 1).copied().filter(|_| i + 1 < end);
            let prev = b[i - 1];
            let joins = match c {
                b'-' => {
                    matches!(f.chars[i], '-' | '‐' | '‑')
                        && prev.is_ascii_alphabetic()
                        && next.is_some_and(|n| n.is_ascii_alphanumeric())
                }
                b'\'' => {
                    prev.is_ascii_alphabetic()
                        && next.is_some_and(|n| n.is_ascii_alphabetic())
                        && f.chars[i] != '‘'
                }
                b',' | b'.' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                i += 1;
            } else {
                break;
            }
        }
        out.push(Tok {
            start: s as u32,
            end: i as u32,
        });
    }
}

/// Word classes: bits telling which lexicons a word belongs to, computed
/// once per token ([`classes`]) so rules test a bit instead of scanning lists.
pub mod class {
    pub const REPORT: u32 = 1;
    pub const PARTICIPLE: u32 = 1 << 1;
    pub const DENY: u32 = 1 << 2;
    pub const NOT_VERB_BEFORE: u32 = 1 << 3;
    pub const PRONOUN: u32 = 1 << 4;
    pub const HEAD: u32 = 1 << 5;
    pub const ANON_DET: u32 = 1 << 6;
    pub const PREP: u32 = 1 << 7;
    pub const SKIP_NP: u32 = 1 << 8;
    pub const HYPOTHETICAL: u32 = 1 << 9;
    pub const TRIGGER: u32 = 1 << 10;
    /// A spelled-out number word ("fourteen", "twenty-five" is matched by its parts).
    pub const NUMBER: u32 = 1 << 11;
}

/// FNV-1a: short words hash much faster than with SipHash.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type ClassTable = std::collections::HashMap<&'static str, u32, std::hash::BuildHasherDefault<Fnv>>;

fn class_table() -> &'static ClassTable {
    static TABLE: std::sync::OnceLock<ClassTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = ClassTable::default();
        let mut add = |words: &[&'static str], bit: u32| {
            for w in words {
                *t.entry(*w).or_insert(0) |= bit;
            }
        };
        use crate::claims as c;
        add(c::REPORT_VERBS, class::REPORT);
        add(c::PARTICIPLES, class::PARTICIPLE);
        add(c::DENY_VERBS, class::DENY);
        add(c::NOT_VERB_BEFORE, class::NOT_VERB_BEFORE);
        add(c::PRONOUNS, class::PRONOUN);
        add(c::HEADS, class::HEAD);
        add(c::ANON_DETS, class::ANON_DET);
        add(c::PREPOSITIONS, class::PREP);
        add(c::SKIP_BEFORE_NP, class::SKIP_NP);
        add(crate::events::HYPOTHETICAL, class::HYPOTHETICAL);
        add(crate::numbers::NUMBER_WORDS, class::NUMBER);
        let firsts = crate::events::trigger_first_words();
        add(&firsts, class::TRIGGER);
        t
    })
}

/// The class bits of every token.
pub fn classes(f: &Folded, toks: &[Tok]) -> Vec<u32> {
    let table = class_table();
    toks.iter()
        .map(|t| {
            let w = f.fs(t.start as usize, t.end as usize);
            let mut c = table.get(w).copied().unwrap_or(0);
            // "twenty-five"
            if c == 0
                && w.as_bytes().contains(&b'-')
                && w.split('-')
                    .all(|p| table.get(p).is_some_and(|x| x & class::NUMBER != 0))
            {
                c = class::NUMBER;
            }
            c
        })
        .collect()
}

/// Token helpers bound to one folded text.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub f: &'a Folded,
    pub toks: &'a [Tok],
    /// Class bits per token (see [`classes`]).
    pub cls: &'a [u32],
}

impl<'a> Words<'a> {
    /// Whether token `i` has any of the class bits `bits`.
    pub fn has(&self, i: usize, bits: u32) -> bool {
        self.cls.get(i).is_some_and(|c| c & bits != 0)
    }

    /// The folded word at token `i` ("" when out of range).
    pub fn w(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => self.f.fs(t.start as usize, t.end as usize),
            None => "",
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The folded text between tokens `i` and `i + 1` (punctuation, spaces).
    pub fn gap_after(&self, i: usize) -> &'a str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.f.fs(a.end as usize, b.start as usize),
            _ => "",
        }
    }

    /// Whether the original text of token `i` starts with an upper-case letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| self.f.chars.get(t.start as usize))
            .is_some_and(|c| c.is_uppercase())
    }

    /// Whether the phrase (space-separated folded words) starts at token `i`.
    pub fn phrase_at(&self, i: usize, phrase: &str) -> bool {
        // most calls fail on the first word: test it before splitting
        let first = self.w(i);
        let after = phrase.as_bytes().get(first.len());
        if !phrase.starts_with(first) || after.is_some_and(|&b| b != b' ') {
            return false;
        }
        // split on the byte: cheaper than a char searcher per call
        phrase
            .as_bytes()
            .split(|&b| b == b' ')
            .enumerate()
            .all(|(j, part)| self.w(i + j).as_bytes() == part)
    }

    /// Number of words of a phrase.
    pub fn phrase_len(phrase: &str) -> usize {
        phrase.bytes().filter(|&b| b == b' ').count() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_numbers_and_hyphenated_words() {
        let f = Folded::new("Some 6,500 pick-ups (haven’t) left 1.5 km—Anéfis.");
        let mut t = Vec::new();
        tokenize(&f, 0, f.len(), &mut t);
        let cls = classes(&f, &t);
        let w = Words {
            f: &f,
            toks: &t,
            cls: &cls,
        };
        let words: Vec<&str> = (0..w.len()).map(|i| w.w(i)).collect();
        assert_eq!(
            words,
            vec!["some", "6,500", "pick-ups", "haven't", "left", "1.5", "km", "anefis"]
        );
        assert!(w.capitalised(7));
        assert!(w.phrase_at(4, "left 1.5 km"));
    }
}
