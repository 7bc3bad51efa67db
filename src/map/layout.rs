//! What the map draws and lists for a set of markers: pure functions, so the
//! ordering and labelling rules are tested natively.

use super::projection::{marker_radius, place, Placement, Point};
use super::MapMarker;

/// A marker placed on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnMarker {
    pub marker: MapMarker,
    pub at: Point,
    pub radius: f64,
}

/// The markers that fall inside the map's frame, with position and radius,
/// in drawing order: biggest first so that smaller circles stay on top and
/// clickable. Off-map and invalid places are left to the list.
pub fn drawn_markers(markers: &[MapMarker]) -> Vec<DrawnMarker> {
    let max_count = markers.iter().map(|m| m.count).max().unwrap_or(0);
    let mut drawn: Vec<DrawnMarker> = markers
        .iter()
        .filter_map(|m| match place(m.lat, m.lon) {
            Placement::OnMap(at) => Some(DrawnMarker {
                marker: m.clone(),
                at,
                radius: marker_radius(m.count, max_count),
            }),
            Placement::OffMap(_) | Placement::Invalid => None,
        })
        .collect();
    counterclaim_model::sort::sort_by(&mut drawn, |a, b| {
        b.marker
            .count
            .cmp(&a.marker.count)
            .then_with(|| a.marker.name.cmp(&b.marker.name))
            .then_with(|| a.marker.place_id.cmp(&b.marker.place_id))
    });
    drawn
}

/// One entry of the list alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct ListedPlace {
    pub marker: MapMarker,
    /// "Kidal — 4 events".
    pub label: String,
    /// Set when the place is not drawn on the map, with the reason.
    pub note: Option<&'static str>,
}

/// Every marker, most events first (then by name, then id), for the list
/// below the map. Nothing is left out: places the map cannot show carry a
/// note saying so.
pub fn listed_places(markers: &[MapMarker]) -> Vec<ListedPlace> {
    let mut sorted: Vec<&MapMarker> = markers.iter().collect();
    counterclaim_model::sort::sort_by(&mut sorted, |a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.place_id.cmp(&b.place_id))
    });
    sorted
        .into_iter()
        .map(|m| ListedPlace {
            marker: m.clone(),
            label: format!("{} — {}", m.name, events(m.count)),
            note: match place(m.lat, m.lon) {
                Placement::OnMap(_) => None,
                Placement::OffMap(_) => Some("outside the map"),
                Placement::Invalid => Some("no valid coordinates"),
            },
        })
        .collect()
}

/// "1 event", "4 events", "0 events", "1,200 events".
pub fn events(count: usize) -> String {
    crate::format::count_label(count, "event", "events")
}

/// Accessible name of a marker: "Kidal: 4 events".
pub fn marker_label(m: &MapMarker) -> String {
    format!("{}: {}", m.name, events(m.count))
}

#[cfg(test)]
mod tests {
    use super::super::projection::{MAX_RADIUS, MIN_RADIUS};
    use super::*;

    fn m(id: &str, name: &str, lat: f64, lon: f64, count: usize) -> MapMarker {
        MapMarker {
            place_id: id.into(),
            name: name.into(),
            lat,
            lon,
            count,
            selected: false,
        }
    }

    fn sample() -> Vec<MapMarker> {
        vec![
            m("gao", "Gao", 16.27, -0.04, 2),
            m("kidal", "Kidal", 18.44, 1.41, 8),
            m("paris", "Paris", 48.86, 2.35, 1),
            m("nowhere", "Nowhere", f64::NAN, 0.0, 3),
            m("tessalit", "Tessalit", 20.20, 1.01, 2),
        ]
    }

    #[test]
    fn map_draws_only_places_in_the_frame_biggest_first() {
        let drawn = drawn_markers(&sample());
        let ids: Vec<&str> = drawn.iter().map(|d| d.marker.place_id.as_str()).collect();
        assert_eq!(ids, ["kidal", "gao", "tessalit"]);
        assert_eq!(drawn[0].radius, MAX_RADIUS);
        assert!(drawn[1].radius < MAX_RADIUS && drawn[1].radius >= MIN_RADIUS);
        assert_eq!(
            drawn[1].radius, drawn[2].radius,
            "equal counts, equal circles"
        );
    }

    #[test]
    fn radius_is_relative_to_the_busiest_place_including_unmapped_ones() {
        // The unmapped place with 3 events does not change Kidal's 8 being the max.
        let drawn = drawn_markers(&sample());
        assert!((drawn[1].radius - MAX_RADIUS * (2.0f64 / 8.0).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn list_keeps_every_place_sorted_by_count_with_notes() {
        let listed = listed_places(&sample());
        let labels: Vec<&str> = listed.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Kidal — 8 events",
                "Nowhere — 3 events",
                "Gao — 2 events",
                "Tessalit — 2 events",
                "Paris — 1 event"
            ]
        );
        let notes: Vec<Option<&str>> = listed.iter().map(|l| l.note).collect();
        assert_eq!(
            notes,
            [
                None,
                Some("no valid coordinates"),
                None,
                None,
                Some("outside the map")
            ]
        );
    }

    #[test]
    fn empty_input_gives_empty_output() {
        assert!(drawn_markers(&[]).is_empty());
        assert!(listed_places(&[]).is_empty());
    }

    #[test]
    fn labels_pluralise() {
        assert_eq!(events(0), "0 events");
        assert_eq!(events(1), "1 event");
        assert_eq!(
            marker_label(&m("kidal", "Kidal", 18.44, 1.41, 4)),
            "Kidal: 4 events"
        );
    }
}
