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
    let mut indices = text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len()));
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
}
