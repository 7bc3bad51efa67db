//! Code-point helpers. Offsets in the model count Unicode scalar values, not
//! bytes, so that they match the W3C TextPositionSelector used by annotators.

/// Number of code points in `s`.
pub fn cp_len(s: &str) -> u32 {
    s.chars().count() as u32
}

/// The substring of `text` between code-point offsets `[start, end)`.
/// Out-of-range offsets are clamped; never panics.
pub fn slice_cp(text: &str, start: u32, end: u32) -> &str {
    let (start, end) = (start as usize, end.max(start) as usize);
    let mut indices = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let b_start = indices.by_ref().nth(start).unwrap_or(text.len());
    let b_end = if end == start {
        b_start
    } else {
        indices.nth(end - start - 1).unwrap_or(text.len())
    };
    &text[b_start..b_end]
}

/// Maps byte offsets of one text to code-point offsets, in O(1) per lookup
/// after an O(n) table build.
pub struct CpIndex {
    /// `cp_at_byte[b]` = code points before byte `b` (only valid at char boundaries).
    cp_at_byte: Vec<u32>,
}

impl CpIndex {
    pub fn new(text: &str) -> Self {
        let mut cp_at_byte = vec![0u32; text.len() + 1];
        let mut cp = 0u32;
        for (b, ch) in text.char_indices() {
            for k in 0..ch.len_utf8() {
                cp_at_byte[b + k] = cp;
            }
            cp += 1;
        }
        cp_at_byte[text.len()] = cp;
        CpIndex { cp_at_byte }
    }

    pub fn cp(&self, byte: usize) -> u32 {
        self.cp_at_byte[byte.min(self.cp_at_byte.len() - 1)]
    }
}

/// Fold one character to a single lower-case ASCII byte, so that a folded
/// text has exactly one byte per code point of the original (byte offset ==
/// code-point offset). Latin letters lose their accents, typographic quotes
/// and dashes become their ASCII forms, whitespace becomes a space and any
/// other non-ASCII character becomes `~`.
#[inline]
pub fn fold_char(c: char) -> u8 {
    if c.is_ascii() {
        let b = c as u8;
        return if b == b'\t' || b == b'\r' {
            b' '
        } else {
            b.to_ascii_lowercase()
        };
    }
    fold_non_ascii(c)
}

/// [`fold_char`] beyond ASCII: out of line, so that the ASCII case, most
/// of any text, inlines into the loops that fold.
fn fold_non_ascii(c: char) -> u8 {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' => {
            b'a'
        }
        'ç' | 'Ç' | 'č' | 'ć' => b'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'ě' => b'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'ī' => b'i',
        'ñ' | 'Ñ' | 'ń' => b'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ō' => {
            b'o'
        }
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ū' => b'u',
        'ý' | 'ÿ' | 'Ý' => b'y',
        'š' | 'Š' | 'ś' => b's',
        'ž' | 'Ž' | 'ź' | 'ż' => b'z',
        'œ' | 'Œ' | 'æ' | 'Æ' => b'e',
        'ß' => b's',
        '“' | '”' | '„' | '«' | '»' | '″' => b'"',
        '‘' | '’' | '‚' | '′' | '‹' | '›' => b'\'',
        '–' | '—' | '‐' | '‑' | '‒' | '−' => b'-',
        '…' => b'.',
        c if c.is_whitespace() => b' ',
        _ => b'~',
    }
}

/// The ASCII fold of a whole string (see [`fold_char`]).
pub fn fold_string(s: &str) -> String {
    // one byte per code point, sized once; ASCII text without decoding
    let mut bytes = Vec::with_capacity(s.len());
    if s.is_ascii() {
        bytes.extend(s.bytes().map(|b| fold_char(b as char)));
    } else {
        bytes.extend(s.chars().map(fold_char));
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A document's text decoded once: the characters, and their ASCII fold
/// (one byte per code point, see [`fold_char`]). Every scanner of the parser
/// works on this so that the text is folded exactly once.
pub struct Folded {
    pub chars: Vec<char>,
    /// ASCII only (one byte per code point), so any byte range is a `&str`.
    pub folded: String,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        // sized once (a char per byte at most), not grown as decoded
        let mut chars: Vec<char> = Vec::with_capacity(text.len());
        chars.extend(text.chars());
        // `fold_char` yields ASCII bytes: collect bytes, not chars one push at a time
        let bytes: Vec<u8> = chars.iter().map(|&c| fold_char(c)).collect();
        let folded = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Folded { chars, folded }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The folded text of `[start, end)` as a `&str` (always ASCII).
    pub fn fs(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.folded.len());
        let start = start.min(end);
        self.folded.get(start..end).unwrap_or("")
    }

    /// The original text of `[start, end)`.
    pub fn original(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        let start = start.min(end);
        // sized once and encoded in place: cheaper than a push per char
        let slice = &self.chars[start..end];
        let mut bytes = vec![0u8; slice.iter().map(|c| c.len_utf8()).sum()];
        let mut at = 0;
        for c in slice {
            at += c.encode_utf8(&mut bytes[at..]).len();
        }
        String::from_utf8(bytes).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_code_point() {
        let t = "Anéfis — Kidal";
        assert_eq!(slice_cp(t, 0, 6), "Anéfis");
        assert_eq!(slice_cp(t, 9, 14), "Kidal");
        assert_eq!(slice_cp(t, 9, 99), "Kidal");
        assert_eq!(slice_cp(t, 99, 100), "");
        assert_eq!(slice_cp(t, 5, 2), "");
    }

    #[test]
    fn cp_index_matches_char_count() {
        let t = "é“a”b";
        let idx = CpIndex::new(t);
        for (b, _) in t.char_indices() {
            assert_eq!(idx.cp(b) as usize, t[..b].chars().count());
        }
        assert_eq!(idx.cp(t.len()), 5);
    }

    #[test]
    fn folds_one_byte_per_code_point() {
        let f = Folded::new("Anéfis “Goïta” — ÉTÉ");
        assert_eq!(f.folded.len(), f.chars.len());
        assert_eq!(f.fs(0, f.len()), "anefis \"goita\" - ete");
    }
}
