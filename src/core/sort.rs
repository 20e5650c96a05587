//! One sort routine for the whole app.
//!
//! Each `sort_by` on a new element type or closure compiles the standard
//! library's whole sort again: the release wasm held 94 sort functions
//! (43 KB). Everything here goes through one instantiation: indices ordered by
//! a comparator object. Both functions are stable: ties keep their order.

use std::cmp::Ordering;

/// Sorts indices by `cmp`.
pub fn sort_indices(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    v.sort_by(|&a, &b| cmp(a, b));
}

/// Sorts a vector by `cmp`, through a permutation of its indices.
pub fn sort_vec<T>(v: &mut Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut expected = v.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = v;
            sort_vec(&mut ours, &|a, b| a.0.cmp(&b.0));
            prop_assert_eq!(ours, expected);
        }
    }
}
