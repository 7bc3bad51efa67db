//! Small-code sorting for everything the WASM app links.
//!
//! `slice::sort*` instantiates the standard library's driftsort/ipnsort for
//! every element type and comparator, several kilobytes of wasm each; the
//! app's query engine and views sorted in ~40 places, which made up a large
//! part of the bundle. Here the sorting itself is one non-generic stable merge
//! sort over indices (compiled once, comparator behind `dyn`), and the generic
//! part is only a thin shim that applies the resulting permutation in place.
//!
//! The parser (native, build time) may keep using `slice::sort`.

use std::cmp::Ordering;

/// Stable sort of `v` by `cmp` (same result as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let perm = {
        let view: &[T] = v;
        stable_permutation(view.len(), &mut |a, b| cmp(&view[a], &view[b]) == Ordering::Greater)
    };
    apply_permutation(v, &perm);
}

/// Stable sort of `v` by a key (same result as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Stable sort of `v` in ascending order (same result as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The permutation `p` such that `[i ↦ p[i]]` lists `0..n` in stable sorted
/// order, where `greater(a, b)` tells whether item `a` sorts after item `b`.
/// Bottom-up merge sort: O(n log n), one scratch buffer, not generic.
fn stable_permutation(n: usize, greater: &mut dyn FnMut(usize, usize) -> bool) -> Vec<u32> {
    let mut src: Vec<u32> = (0..n as u32).collect();
    let mut dst: Vec<u32> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right run only when strictly smaller: stable.
                if greater(src[i] as usize, src[j] as usize) {
                    dst[k] = src[j];
                    j += 1;
                } else {
                    dst[k] = src[i];
                    i += 1;
                }
                k += 1;
            }
            dst[k..k + (mid - i)].copy_from_slice(&src[i..mid]);
            k += mid - i;
            dst[k..k + (end - j)].copy_from_slice(&src[j..end]);
            start = end;
        }
        std::mem::swap(&mut src, &mut dst);
        width *= 2;
    }
    src
}

/// Reorder `v` so that `new[i] = old[perm[i]]`, by following cycles.
fn apply_permutation<T>(v: &mut [T], perm: &[u32]) {
    let mut done = vec![false; v.len()];
    for i in 0..v.len() {
        if done[i] {
            continue;
        }
        let mut j = i;
        loop {
            done[j] = true;
            let k = perm[j] as usize;
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_items_in_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut e: Vec<u8> = vec![];
        sort(&mut e);
        assert!(e.is_empty());
    }

    proptest! {
        #[test]
        fn agrees_with_std_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            let mut std_sorted = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std_sorted.sort_by(|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
