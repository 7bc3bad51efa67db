//! Windowed lists, so that a corpus of thousands of events stays fast: the
//! timeline renders its results a page at a time ("Show more"), a facet its
//! top values ("Show all N"). Pure, tested natively; the components only
//! render what these functions pick.

use counterclaim_model::query::{FacetValue, MonthGroup};

use crate::format::number_label;

/// Events the timeline renders at first and adds at each "Show more"
/// (two or three screenfuls; each card is built again when the filter
/// changes, so fewer cards keep a filter change within a few frames).
pub const PAGE: usize = 12;
/// Facet values shown before "Show all".
pub const TOP: usize = 8;
/// A facet with at most this many values is shown whole (no button to
/// reveal one or two more).
pub const FOLD_ABOVE: usize = TOP + 2;

/// The "Show more" button's text for a window of `shown` of `total`
/// events; `None` when every event is shown.
pub fn more_label(shown: usize, total: usize) -> Option<String> {
    let left = total.saturating_sub(shown);
    (left > 0).then(|| format!("Show {} more ({} left)", left.min(PAGE), number_label(left as f64)))
}

/// The month groups of the results (`Index::month_groups`) that the first
/// `shown` results touch, each with its range cut to the window and its
/// full size (the month heading counts every event of the month).
pub fn clip_groups(groups: Vec<MonthGroup>, shown: usize) -> Vec<(MonthGroup, usize)> {
    groups
        .into_iter()
        .filter(|g| g.range.start < shown)
        .map(|mut g| {
            let full = g.range.len();
            g.range = g.range.start..g.range.end.min(shown);
            (g, full)
        })
        .collect()
}

/// Whether a facet of `n` values is folded to its top values.
pub fn folds(n: usize) -> bool {
    n > FOLD_ABOVE
}

/// The facet values to show, in their order (live count first): all of
/// them when `all` or when the facet does not fold, else the first
/// [`TOP`] and every selected value after them (a selection is never
/// hidden). Keys and labels only (count 0, not selected): the list changes
/// when other values are shown, not when counts change.
pub fn visible_values(values: &[FacetValue], all: bool) -> Vec<FacetValue> {
    let keep = |(i, v): &(usize, &FacetValue)| all || !folds(values.len()) || *i < TOP || v.selected;
    let bare = |(_, v): (usize, &FacetValue)| FacetValue { key: v.key.clone(), label: v.label.clone(), ..Default::default() };
    values.iter().enumerate().filter(keep).map(bare).collect()
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::*;

    fn value(key: &str, selected: bool) -> FacetValue {
        FacetValue { key: key.into(), label: key.into(), count: 0, selected }
    }

    fn group(key: &str, range: Range<usize>) -> MonthGroup {
        MonthGroup { key: key.to_owned(), label: key.to_owned(), range }
    }

    #[test]
    fn more_label_says_how_many_come_and_how_many_are_left() {
        assert_eq!(more_label(20, 1234), Some(format!("Show {PAGE} more (1,214 left)")), "a page at a time");
        assert_eq!(more_label(PAGE, PAGE + 5).as_deref(), Some("Show 5 more (5 left)"), "the last page may be short");
        assert_eq!(more_label(PAGE, PAGE), None);
        assert_eq!(more_label(12, 12), None);
        assert_eq!(more_label(50, 12), None);
    }

    #[test]
    fn clipped_groups_keep_their_full_size_and_stop_at_the_window() {
        let groups = vec![group("2023-01", 0..30), group("2023-02", 30..50), group("2023-03", 50..90)];
        let clipped = clip_groups(groups.clone(), 40);
        assert_eq!(clipped.len(), 2, "the third month starts after the window");
        assert_eq!(clipped[0], (group("2023-01", 0..30), 30));
        assert_eq!(clipped[1], (group("2023-02", 30..40), 20), "cut to the window, full size kept");
        assert_eq!(clip_groups(groups.clone(), 90).iter().map(|(g, _)| g.range.clone()).collect::<Vec<_>>(), vec![0..30, 30..50, 50..90]);
        assert!(clip_groups(groups, 0).is_empty());
    }

    #[test]
    fn short_facets_are_whole_long_ones_show_their_top_values() {
        let few: Vec<FacetValue> = (0..FOLD_ABOVE).map(|i| value(&i.to_string(), false)).collect();
        assert!(!folds(few.len()));
        assert_eq!(visible_values(&few, false), few, "whole, keys and labels only");

        let many: Vec<FacetValue> = (0..30).map(|i| value(&i.to_string(), false)).collect();
        assert!(folds(many.len()));
        let top = visible_values(&many, false);
        assert_eq!(top, many[..TOP].to_vec(), "the first values, in order");
        assert_eq!(visible_values(&many, true), many, "Show all shows every value");
    }

    #[test]
    fn a_selected_value_outside_the_top_stays_visible() {
        let mut many: Vec<FacetValue> = (0..30).map(|i| value(&i.to_string(), false)).collect();
        many[20].selected = true;
        many[3].selected = true;
        many[20].count = 5;
        let shown = visible_values(&many, false);
        assert!(shown.iter().all(|v| v.count == 0 && !v.selected), "no live fields");
        let keys: Vec<&str> = shown.iter().map(|v| &*v.key).collect();
        assert_eq!(keys, ["0", "1", "2", "3", "4", "5", "6", "7", "20"]);
    }
}
