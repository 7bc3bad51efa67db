//! Case and diacritic folding and word splitting for free-text search.
//!
//! A hand-written table folds Latin-1 and Latin Extended-A letters to plain
//! lowercase ASCII (`Anéfis` → `anefis`, `Œuvre` → `oeuvre`, `ß` → `ss`);
//! combining diacritics (U+0300–U+036F) are dropped; Greek and Cyrillic
//! capitals are lowercased arithmetically; other characters are kept as
//! they are. A token is a maximal run of word characters after folding
//! ([`is_word_char`]): apostrophes, hyphens and punctuation separate words
//! (`l'armée` → `l`, `armee`).
//!
//! Deliberately table-free beyond Latin: `char::to_lowercase` and
//! `char::is_alphanumeric` pull about 7 KB (gzip) of Unicode tables into the
//! WASM app, and a search box needs only a consistent notion of "word".

/// Base letters for U+0100..=U+017F, lowercase. `1` stands for "ij", `2`
/// for "oe".
const EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii11jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Base letters for U+00C0..=U+00FF, lowercase. `1` = "ae", `2` = "th",
/// `3` = "ss", ` ` = not a letter (× and ÷).
const LATIN1: &[u8; 64] = b"aaaaaa1ceeeeiiiidnooooo ouuuuy23aaaaaa1ceeeeiiiidnooooo ouuuuy2y";

/// Appends the folded form of `c` to `out`: a plain lowercase string, a
/// space for non-word characters, or nothing for combining marks.
pub fn fold_char(c: char, out: &mut String) {
    let u = c as u32;
    if c.is_ascii() {
        out.push(if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { ' ' });
        return;
    }
    let mapped = match u {
        0xC0..=0xFF => Some(LATIN1[(u - 0xC0) as usize]),
        0x100..=0x17F => Some(EXT_A[(u - 0x100) as usize]),
        _ => None,
    };
    match mapped {
        Some(b'1') if u < 0x100 => out.push_str("ae"),
        Some(b'1') => out.push_str("ij"),
        Some(b'2') if u < 0x100 => out.push_str("th"),
        Some(b'2') => out.push_str("oe"),
        Some(b'3') => out.push_str("ss"),
        Some(b) => out.push(b as char),
        None if (0x300..=0x36F).contains(&u) => {}
        None if is_word_char(c) => out.push(lower_greek_cyrillic(c)),
        None => out.push(' '),
    }
}

/// Whether `c` belongs inside a word: ASCII letters and digits, and any
/// other character outside the blocks of spaces, punctuation, symbols,
/// controls and emoji. (An approximation of `char::is_alphanumeric` that
/// needs no tables; it errs towards "word" for rare scripts' marks.)
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    !matches!(u,
        0x80..=0xA9 | 0xAB..=0xB4 | 0xB6..=0xB9 | 0xBB..=0xBF | 0xD7 | 0xF7
        | 0x2B9..=0x2FF          // modifier letters and spacing accents
        | 0x300..=0x36F          // combining diacritics
        | 0x37E | 0x387 | 0x55A..=0x55F | 0x589 | 0x5BE | 0x5C0 | 0x5C3 | 0x5C6
        | 0x5F3 | 0x5F4 | 0x600..=0x60F | 0x61B..=0x61F | 0x66A..=0x66D | 0x6D4
        | 0x964 | 0x965 | 0xE3F | 0xE4F | 0xE5A | 0xE5B | 0x10FB
        | 0x1680 | 0x180E
        | 0x2000..=0x206F        // general punctuation and spaces
        | 0x20A0..=0x20FF        // currency, combining marks for symbols
        | 0x2100..=0x2BFF        // letterlike, arrows, maths, shapes, dingbats
        | 0x2E00..=0x2E7F        // supplemental punctuation
        | 0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030 | 0x303D | 0x30FB
        | 0xD800..=0xF8FF        // surrogates (never chars) and private use
        | 0xFE00..=0xFE6F        // variation selectors, CJK compatibility punctuation
        | 0xFEFF
        | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
        | 0xFFF0..=0xFFFF
        | 0x1F000..=0x1FAFF      // emoji and pictographs
        | 0xE0000..=0x10FFFF     // tags, variation selectors, private use
    )
}

/// Lowercases basic Greek and Cyrillic capitals; every other character is
/// returned unchanged.
fn lower_greek_cyrillic(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x391..=0x3A9 if u != 0x3A2 => u + 0x20,
        0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The folded form of `s` (non-word characters become spaces).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Calls `f` with each folded word of `s`, in order. `buf` is scratch
/// space, reused across calls to avoid allocating (this runs over every
/// title and quote when the index is built).
pub fn for_each_token(s: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    buf.clear();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            buf.push(c.to_ascii_lowercase());
            continue;
        }
        if !c.is_ascii() {
            fold_char(c, buf);
            if !buf.ends_with(' ') {
                continue;
            }
            buf.pop();
        }
        // A word boundary.
        if !buf.is_empty() {
            f(buf);
            buf.clear();
        }
    }
    if !buf.is_empty() {
        f(buf);
    }
}

/// The folded words of `s`, and whether `s` ends inside a word (so the last
/// word may still be being typed and is matched as a prefix).
pub fn query_tokens(s: &str) -> (Vec<String>, bool) {
    let folded = fold(s);
    let tokens: Vec<String> = folded.split(' ').filter(|t| !t.is_empty()).map(str::to_owned).collect();
    let open_end = !folded.ends_with(' ') && !tokens.is_empty();
    (tokens, open_end)
}

/// A URL-friendly key for a display name: folded words joined by `-`
/// (`Le Monde Afrique` → `le-monde-afrique`).
pub fn slug(s: &str) -> String {
    let folded = fold(s);
    let mut out = String::with_capacity(folded.len());
    for t in folded.split(' ').filter(|t| !t.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_token(s, &mut String::new(), |t| v.push(t.to_owned()));
        v
    }

    #[test]
    fn folds_case_and_latin_diacritics() {
        assert_eq!(fold("Anéfis"), "anefis");
        assert_eq!(fold("ÀÉÎÕÜÇÑ àéîõüçñ ÿ"), "aeioucn aeioucn y");
        assert_eq!(fold("Œuvre Æther straße Þór"), "oeuvre aether strasse thor");
        assert_eq!(fold("Łódź Čađ Ğ İ ĳ"), "lodz cad g i ij");
        // Decomposed é (e + U+0301) folds like the precomposed one.
        assert_eq!(fold("Ane\u{301}fis"), "anefis");
        assert_eq!(fold("2×3÷4"), "2 3 4");
        assert_eq!(fold("ΑΘΗΝΑ Москва ЁЖ"), "αθηνα москва ёж");
    }

    #[test]
    fn word_chars_cover_scripts_but_not_punctuation_or_symbols() {
        for c in "aZ09éßŁαЖ日本テス한ك١".chars() {
            assert!(is_word_char(c), "{c:?} should be a word character");
        }
        for c in " ,.;’“”«»—–…€£©°×÷\u{a0}\u{2009}、。「」！？😀→★".chars() {
            assert!(!is_word_char(c), "{c:?} should separate words");
        }
    }

    #[test]
    fn table_lengths_line_up_with_unicode_blocks() {
        // Spot checks at both ends and in the middle of each table.
        assert_eq!(fold("\u{100}\u{17F}\u{152}\u{153}\u{141}\u{17E}"), "asoeoelz");
        assert_eq!(fold("\u{C0}\u{DF}\u{FF}\u{D7}\u{F7}\u{D8}"), "assy  o");
    }

    #[test]
    fn splits_words_on_punctuation_and_apostrophes() {
        assert_eq!(toks("L’armée a « repris » Kidal, dit-il."), ["l", "armee", "a", "repris", "kidal", "dit", "il"]);
        assert_eq!(toks("FAMa/Wagner 11km"), ["fama", "wagner", "11km"]);
        assert!(toks("  ,;  ").is_empty());
    }

    #[test]
    fn tokens_agree_with_fold_then_split() {
        for s in ["", " a ", "L’armée×2 Œuvre—Ane\u{301}fis ÇA,va  ", "日本語 テスト ß", "x\u{300}"] {
            let expected: Vec<String> = fold(s).split(' ').filter(|t| !t.is_empty()).map(str::to_owned).collect();
            assert_eq!(toks(s), expected, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn tokens_agree_with_fold_then_split_on_any_text(s in "\\PC{0,40}") {
            let expected: Vec<String> = fold(&s).split(' ').filter(|t| !t.is_empty()).map(str::to_owned).collect();
            proptest::prop_assert_eq!(toks(&s), expected);
        }
    }

    #[test]
    fn query_tokens_know_whether_the_last_word_is_open() {
        assert_eq!(query_tokens("Kidal Ané"), (vec!["kidal".into(), "ane".into()], true));
        assert_eq!(query_tokens("Kidal Ané "), (vec!["kidal".into(), "ane".into()], false));
        assert_eq!(query_tokens("  "), (vec![], false));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Le Monde Afrique"), "le-monde-afrique");
        assert_eq!(slug("  RFI — Afrique! "), "rfi-afrique");
        assert_eq!(slug("—"), "");
    }
}
