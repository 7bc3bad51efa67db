//! A small fixed-size bitset over event indexes (`Vec<u64>` words).
//!
//! All binary operations take the length of `self`; bits beyond `len` are
//! always zero, so `count` and `iter` never report phantom members.

/// A set of indexes in `0..len`, one bit each.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// The empty set over `0..len`.
    pub fn new(len: usize) -> Bitset {
        Bitset { words: vec![0; len.div_ceil(64)], len }
    }

    /// The full set `0..len`.
    pub fn full(len: usize) -> Bitset {
        let mut b = Bitset { words: vec![!0; len.div_ceil(64)], len };
        b.clear_tail();
        b
    }

    /// The set `0..k` (`k` clamped to `len`).
    pub fn prefix(len: usize, k: usize) -> Bitset {
        let k = k.min(len);
        let mut b = Bitset::new(len);
        b.words[..k / 64].iter_mut().for_each(|w| *w = !0);
        if !k.is_multiple_of(64) {
            b.words[k / 64] = (1u64 << (k % 64)) - 1;
        }
        b
    }

    /// Builds a set from indexes; indexes `>= len` are ignored.
    pub fn from_indexes(len: usize, indexes: impl IntoIterator<Item = usize>) -> Bitset {
        let mut b = Bitset::new(len);
        for i in indexes {
            b.insert(i);
        }
        b
    }

    /// A set from its words (as [`Bitset::words`] gives them); `None` when
    /// they do not fit `len` (one word per 64 members, nothing past `len`).
    pub(crate) fn from_words(words: Vec<u64>, len: usize) -> Option<Bitset> {
        let b = Bitset { words, len };
        let tail_clear = len % 64 == 0 || b.words.last().is_none_or(|w| w >> (len % 64) == 0);
        (b.is_well_formed() && tail_clear).then_some(b)
    }

    /// The words, 64 members each, lowest first.
    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }

    /// One word per 64 members of the universe (always true of a set built
    /// here; checked on sets decoded from bytes).
    pub(crate) fn is_well_formed(&self) -> bool {
        self.words.len() == self.len.div_ceil(64)
    }

    /// The size of the universe (not the number of members).
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when the universe is empty (`len() == 0`).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `i`; out-of-range indexes are ignored.
    pub fn insert(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] |= 1 << (i % 64);
        }
    }

    /// Removes `i`; out-of-range indexes are ignored.
    pub fn remove(&mut self, i: usize) {
        if i < self.len {
            self.words[i / 64] &= !(1 << (i % 64));
        }
    }

    /// Whether `i` is a member (false when out of range).
    #[inline]
    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    /// Number of members.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Number of members of `self ∩ other` without building it.
    pub fn and_count(&self, other: &Bitset) -> usize {
        self.words.iter().zip(&other.words).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    /// `self ∩= other`. Words of `self` past the end of `other` become empty.
    pub fn and_with(&mut self, other: &Bitset) {
        for (i, w) in self.words.iter_mut().enumerate() {
            *w &= other.words.get(i).copied().unwrap_or(0);
        }
    }

    /// `self ∪= other` (members of `other` beyond `self.len()` are dropped).
    pub fn or_with(&mut self, other: &Bitset) {
        for (w, o) in self.words.iter_mut().zip(&other.words) {
            *w |= o;
        }
        self.clear_tail();
    }

    /// `self ∩ other` as a new set.
    pub fn and(&self, other: &Bitset) -> Bitset {
        let mut b = self.clone();
        b.and_with(other);
        b
    }

    /// `self ∪ other` as a new set.
    pub fn or(&self, other: &Bitset) -> Bitset {
        let mut b = self.clone();
        b.or_with(other);
        b
    }

    /// Empties the set, keeping its universe.
    pub fn clear(&mut self) {
        self.words.iter_mut().for_each(|w| *w = 0);
    }

    /// Members in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(wi * 64 + bit)
            })
        })
    }

    fn clear_tail(&mut self) {
        let rem = self.len % 64;
        if rem != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << rem) - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_contains_count_iter() {
        let mut b = Bitset::new(130);
        for i in [0, 63, 64, 129, 130, 1000] {
            b.insert(i);
        }
        assert_eq!(b.count(), 4);
        assert!(b.contains(129) && !b.contains(130) && !b.contains(1));
        assert_eq!(b.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        b.remove(63);
        assert_eq!(b.iter().collect::<Vec<_>>(), vec![0, 64, 129]);
    }

    #[test]
    fn full_has_no_phantom_bits() {
        for len in [0, 1, 63, 64, 65, 200] {
            let f = Bitset::full(len);
            assert_eq!(f.count(), len);
            assert_eq!(f.iter().collect::<Vec<_>>(), (0..len).collect::<Vec<_>>());
        }
    }

    #[test]
    fn prefix_sets() {
        for (len, k) in [(0, 0), (10, 0), (10, 3), (64, 64), (130, 64), (130, 65), (130, 500)] {
            let p = Bitset::prefix(len, k);
            assert_eq!(p.iter().collect::<Vec<_>>(), (0..k.min(len)).collect::<Vec<_>>(), "{len} {k}");
        }
    }

    #[test]
    fn and_or_match_set_semantics() {
        let a = Bitset::from_indexes(100, [1, 5, 70, 99]);
        let b = Bitset::from_indexes(100, [5, 6, 99]);
        assert_eq!(a.and(&b).iter().collect::<Vec<_>>(), vec![5, 99]);
        assert_eq!(a.or(&b).iter().collect::<Vec<_>>(), vec![1, 5, 6, 70, 99]);
        assert_eq!(a.and_count(&b), 2);
        let mut c = a.clone();
        c.clear();
        assert_eq!(c.count(), 0);
        assert_eq!(c.len(), 100);
    }
}
