//! One-pass tokenizer for the date recogniser: words (classified against a
//! fixed keyword table without allocating), numbers (with ordinal suffixes)
//! and single punctuation characters, each with byte and code-point offsets.

pub(crate) use super::keywords::W;
use super::keywords::KEYWORDS;

/// A token: a word of some kind, a number, or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum K {
    Word(W),
    /// A run of digits: value (saturating), digit count, ordinal suffix.
    /// Digit groups joined by `,` `.` `:` ("12,944", "2:56") get `digits == 0`
    /// so that no date rule can use them.
    Num {
        value: u32,
        digits: u8,
        ordinal: bool,
    },
    Punct(char),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub k: K,
    /// Byte offsets `[b0, b1)` in the scanned text.
    pub b0: u32,
    pub b1: u32,
    /// Code-point offsets `[c0, c1)` in the scanned text.
    pub c0: u32,
    pub c1: u32,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

/// A lower-cased word of at most [`Key::MAX`] UTF-8 bytes packed into an
/// integer (length in the top byte), for allocation-free keyword lookup.
#[derive(Clone, Copy)]
struct Key {
    v: u128,
    len: u8,
    overflow: bool,
}

impl Key {
    const MAX: u8 = 15;
    const EMPTY: Key = Key { v: 0, len: 0, overflow: false };

    fn push_byte(&mut self, b: u8) {
        if self.len >= Key::MAX {
            self.overflow = true;
        } else {
            self.v = (self.v << 8) | b as u128;
            self.len += 1;
        }
    }

    fn push_char(&mut self, ch: char) {
        let lc = ch.to_lowercase().next().unwrap_or(ch);
        let mut buf = [0u8; 4];
        for &b in lc.encode_utf8(&mut buf).as_bytes() {
            self.push_byte(b);
        }
    }

    fn is_empty(self) -> bool {
        self.len == 0 && !self.overflow
    }

    /// The packed key, or `None` if the word was too long.
    fn get(self) -> Option<u128> {
        (!self.overflow).then_some(self.v | ((self.len as u128) << 120))
    }
}

const fn pack(s: &str) -> u128 {
    let b = s.as_bytes();
    let mut v = 0u128;
    let mut i = 0;
    while i < b.len() {
        v = (v << 8) | b[i] as u128;
        i += 1;
    }
    v | ((b.len() as u128) << 120)
}

const fn build_table() -> [(u128, W); KEYWORDS.len()] {
    let mut t = [(0u128, W::Other); KEYWORDS.len()];
    let mut i = 0;
    while i < KEYWORDS.len() {
        t[i] = (pack(KEYWORDS[i].0), KEYWORDS[i].1);
        i += 1;
    }
    // Insertion sort by key, at compile time.
    let mut i = 1;
    while i < t.len() {
        let mut j = i;
        while j > 0 && t[j - 1].0 > t[j].0 {
            let tmp = t[j - 1];
            t[j - 1] = t[j];
            t[j] = tmp;
            j -= 1;
        }
        i += 1;
    }
    t
}

/// [`KEYWORDS`] packed and sorted for binary search.
static TABLE: [(u128, W); KEYWORDS.len()] = build_table();

/// Bit `b` of `FIRST_BYTES[len]` is set when some keyword of `len` bytes
/// starts with a byte whose low 5 bits are `b`: a cheap pre-filter that
/// spares most words the binary search.
static FIRST_BYTES: [u32; 16] = {
    let mut t = [0u32; 16];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let b = KEYWORDS[i].0.as_bytes();
        t[b.len()] |= 1 << (b[0] & 31);
        i += 1;
    }
    t
};

fn lookup(key: Key) -> W {
    if key.len == 0 || key.overflow {
        return W::Other;
    }
    let first = (key.v >> (8 * (key.len as u32 - 1))) as u8;
    if FIRST_BYTES[key.len as usize] & (1 << (first & 31)) == 0 {
        return W::Other;
    }
    match key.get() {
        Some(k) => TABLE.binary_search_by(|(x, _)| x.cmp(&k)).map_or(W::Other, |i| TABLE[i].1),
        None => W::Other,
    }
}

fn is_ordinal_suffix(key: Key) -> bool {
    const ORDINALS: [u128; 9] =
        [pack("st"), pack("nd"), pack("rd"), pack("th"), pack("er"), pack("e"), pack("ème"), pack("eme"), pack("re")];
    key.get().is_some_and(|k| ORDINALS.contains(&k))
}

/// Tokenizes `text` into `out` (cleared first). Whitespace is skipped.
/// ASCII is scanned byte by byte; other characters are decoded as needed.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let n = bytes.len();
    // The char starting at byte `i` (always a char boundary here).
    let char_at = |i: usize| text[i..].chars().next().unwrap_or(' ');
    let mut i = 0usize;
    let mut cp = 0u32;
    while i < n {
        let c = bytes[i];
        let ch = if c < 0x80 { c as char } else { char_at(i) };
        let (b0, c0) = (i, cp);
        let (space, alpha) = if c < 0x80 {
            (c.is_ascii_whitespace(), c.is_ascii_alphabetic())
        } else {
            (ch.is_whitespace(), ch.is_alphabetic())
        };
        if space {
            i += ch.len_utf8();
            cp += 1;
            continue;
        }
        if alpha {
            let cap = if c < 0x80 { c.is_ascii_uppercase() } else { ch.is_uppercase() };
            let mut has_digit = false;
            let mut ascii = true;
            loop {
                // Tight run over ASCII letters and digits, then one non-ASCII char.
                let run = i;
                while i < n && bytes[i].is_ascii_alphanumeric() {
                    has_digit |= bytes[i].is_ascii_digit();
                    i += 1;
                }
                cp += (i - run) as u32;
                if i < n && bytes[i] >= 0x80 {
                    let ch = char_at(i);
                    if ch.is_alphanumeric() {
                        has_digit |= ch.is_numeric();
                        ascii = false;
                        i += ch.len_utf8();
                        cp += 1;
                        continue;
                    }
                }
                break;
            }
            let w = if has_digit || i - b0 > Key::MAX as usize * if ascii { 1 } else { 4 } {
                W::Other
            } else if ascii && FIRST_BYTES[i - b0] & (1 << ((bytes[b0] | 0x20) & 31)) == 0 {
                // `lookup`'s pre-filter, tested before the key is built
                W::Other
            } else {
                let mut key = Key::EMPTY;
                if ascii {
                    for &b in &bytes[b0..i] {
                        key.push_byte(b | 0x20);
                    }
                } else {
                    for ch in text[b0..i].chars() {
                        key.push_char(ch);
                    }
                }
                lookup(key)
            };
            out.push(Tok { k: K::Word(w), b0: b0 as u32, b1: i as u32, c0, c1: cp, cap });
            continue;
        }
        if c.is_ascii_digit() {
            let mut value: u32 = 0;
            let mut digits: u32 = 0;
            let mut joined = false;
            while i < n {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    value = value.saturating_mul(10).saturating_add((c - b'0') as u32);
                    digits += 1;
                } else if matches!(c, b',' | b'.' | b':') && bytes.get(i + 1).is_some_and(|d| d.is_ascii_digit()) {
                    joined = true;
                } else {
                    break;
                }
                i += 1;
                cp += 1;
            }
            // Letters glued to the digits: an ordinal suffix, or a code ("5G", "110km").
            let mut suffix = Key::EMPTY;
            while i < n {
                let c = bytes[i];
                if c < 0x80 {
                    if !c.is_ascii_alphanumeric() {
                        break;
                    }
                    suffix.push_byte(c.to_ascii_lowercase());
                    i += 1;
                } else {
                    let ch = char_at(i);
                    if !ch.is_alphanumeric() {
                        break;
                    }
                    suffix.push_char(ch);
                    i += ch.len_utf8();
                }
                cp += 1;
            }
            let digits = digits.min(255) as u8;
            let k = if suffix.is_empty() {
                K::Num { value, digits: if joined { 0 } else { digits }, ordinal: false }
            } else if !joined && is_ordinal_suffix(suffix) {
                K::Num { value, digits, ordinal: true }
            } else {
                K::Word(W::Other)
            };
            out.push(Tok { k, b0: b0 as u32, b1: i as u32, c0, c1: cp, cap: false });
            continue;
        }
        i += ch.len_utf8();
        cp += 1;
        out.push(Tok { k: K::Punct(ch), b0: b0 as u32, b1: i as u32, c0, c1: cp, cap: false });
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<K> {
        let mut v = Vec::new();
        tokenize(s, &mut v);
        v.iter().map(|t| t.k).collect()
    }

    #[test]
    fn numbers_ordinals_and_codes() {
        assert_eq!(
            kinds("2nd 12,944 2:56 G5 110km 1er"),
            vec![
                K::Num { value: 2, digits: 1, ordinal: true },
                K::Num { value: 12944, digits: 0, ordinal: false },
                K::Num { value: 256, digits: 0, ordinal: false },
                K::Word(W::Other),
                K::Word(W::Other),
                K::Num { value: 1, digits: 1, ordinal: true },
            ]
        );
    }

    #[test]
    fn keyword_table_is_sorted_unique_and_complete() {
        assert!(TABLE.windows(2).all(|w| w[0].0 < w[1].0), "duplicate keyword");
        for (word, w) in KEYWORDS {
            assert!(word.len() <= Key::MAX as usize, "{word} too long");
            let mut v = Vec::new();
            tokenize(word, &mut v);
            assert_eq!(v.len(), 1, "{word}");
            assert_eq!(v[0].k, K::Word(*w), "{word}");
        }
        let mut v = Vec::new();
        tokenize("NOVEMBER Début AOÛT extraordinarily", &mut v);
        let ks: Vec<K> = v.iter().map(|t| t.k).collect();
        assert_eq!(ks, [K::Word(W::Month(11)), K::Word(W::Debut), K::Word(W::MonthFr(8)), K::Word(W::Other)]);
    }

    #[test]
    fn offsets_are_code_points() {
        let mut v = Vec::new();
        tokenize("Anéfis, 5 août", &mut v);
        assert_eq!((v[0].c0, v[0].c1, v[0].b1), (0, 6, 7));
        assert_eq!(v[3].k, K::Word(W::MonthFr(8)));
        assert_eq!((v[3].c0, v[3].c1), (10, 14));
        assert!(v[0].cap);
    }
}
