//! Pure geometry of the map: where a latitude/longitude lands in the SVG's
//! user units, and how big a marker is. Uses the very constants the outline
//! was projected with (`outline.rs`), so places line up with the borders.
//! No panics and no NaN out, whatever goes in.

use super::outline::{HEIGHT, LAT_MAX, LAT_MIN, LON_MAX, LON_MIN, SCALE_X, SCALE_Y, WIDTH};

/// Radius (user units) of the marker of the least-mentioned place.
pub const MIN_RADIUS: f64 = 4.0;
/// Radius (user units) of the marker of the most-mentioned place.
pub const MAX_RADIUS: f64 = 18.0;
/// Radius of the invisible hit area around every marker: 14 units are 14 CSS
/// px when the map is drawn at its intended 600 px width, so the target is
/// 28 px across (WCAG 2.2 target size asks for 24).
pub const HIT_RADIUS: f64 = 14.0;
const _: () = assert!(
    HIT_RADIUS * 2.0 >= 24.0,
    "marker targets must be at least 24 units across"
);

/// A point in the SVG's user units (y grows downwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Where a place goes on the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Inside the map's frame: draw it here.
    OnMap(Point),
    /// Valid coordinates outside the frame. Holds the nearest point on the
    /// frame's edge; the map does not draw it (an edge marker would lie about
    /// where the place is) and the list says it is outside the map.
    OffMap(Point),
    /// Not a position on Earth: NaN, infinite, |lat| > 90 or |lon| > 180.
    Invalid,
}

/// Projects a latitude/longitude (degrees) with the outline's equirectangular
/// projection: `x = (lon - LON_MIN) * SCALE_X`, `y = (LAT_MAX - lat) * SCALE_Y`.
pub fn place(lat: f64, lon: f64) -> Placement {
    if !lat.is_finite() || !lon.is_finite() || lat.abs() > 90.0 || lon.abs() > 180.0 {
        return Placement::Invalid;
    }
    let inside = (LAT_MIN..=LAT_MAX).contains(&lat) && (LON_MIN..=LON_MAX).contains(&lon);
    let point = Point {
        x: ((lon.clamp(LON_MIN, LON_MAX) - LON_MIN) * SCALE_X).clamp(0.0, WIDTH),
        y: ((LAT_MAX - lat.clamp(LAT_MIN, LAT_MAX)) * SCALE_Y).clamp(0.0, HEIGHT),
    };
    if inside {
        Placement::OnMap(point)
    } else {
        Placement::OffMap(point)
    }
}

/// Marker radius for a place with `count` events when the busiest place has
/// `max_count`: the area is proportional to the count (radius ∝ √count),
/// `MAX_RADIUS` for the busiest, never below `MIN_RADIUS` so that rare places
/// stay visible. Degenerate input (`max_count == 0`, `count > max_count`)
/// stays within `[MIN_RADIUS, MAX_RADIUS]`.
pub fn marker_radius(count: usize, max_count: usize) -> f64 {
    if max_count == 0 {
        return MIN_RADIUS;
    }
    let share = (count as f64 / max_count as f64).clamp(0.0, 1.0);
    (MAX_RADIUS * share.sqrt()).clamp(MIN_RADIUS, MAX_RADIUS)
}

/// A number for an SVG attribute: one decimal, never NaN or infinite
/// (those become 0, which the callers never produce anyway).
pub fn svg_num(v: f64) -> String {
    if v.is_finite() {
        // Tenths as an integer: no float formatting code in the WASM.
        let tenths = (v * 10.0).round().clamp(-1e12, 1e12) as i64;
        let (sign, abs) = (if tenths < 0 { "-" } else { "" }, tenths.unsigned_abs());
        match abs % 10 {
            0 => format!("{sign}{}", abs / 10),
            d => format!("{sign}{}.{d}", abs / 10),
        }
    } else {
        "0".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::super::outline::{MALI_BOUNDS, MALI_PATH, MEAN_LAT, NEIGHBOURS_PATH, VIEW_BOX};
    use super::*;

    /// Parses the generated paths (`M x y l dx dy … z`, repeated) into rings.
    fn rings(d: &str) -> Vec<Vec<Point>> {
        let mut out = Vec::new();
        for ring in d.split('z').filter(|r| !r.is_empty()) {
            let ring = ring.strip_prefix('M').expect("ring starts with M");
            let (start, deltas) = ring.split_once('l').expect("ring has an l");
            let nums = |s: &str| -> Vec<f64> {
                s.replace('-', " -")
                    .split_whitespace()
                    .map(|n| n.parse::<f64>().expect("number"))
                    .collect()
            };
            let start = nums(start);
            assert_eq!(start.len(), 2, "move-to has two numbers");
            let mut p = Point {
                x: start[0],
                y: start[1],
            };
            let mut pts = vec![p];
            let deltas = nums(deltas);
            assert_eq!(deltas.len() % 2, 0, "line-to deltas come in pairs");
            for d in deltas.chunks(2) {
                p = Point {
                    x: p.x + d[0],
                    y: p.y + d[1],
                };
                pts.push(p);
            }
            out.push(pts);
        }
        out
    }

    fn inside(p: Point, rings: &[Vec<Point>]) -> bool {
        // Even-odd over all rings, as the SVG fill rule would.
        let mut c = false;
        for ring in rings {
            let mut j = ring.len() - 1;
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[j]);
                if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x
                {
                    c = !c;
                }
                j = i;
            }
        }
        c
    }

    fn on_map(lat: f64, lon: f64) -> Point {
        match place(lat, lon) {
            Placement::OnMap(p) => p,
            other => panic!("({lat}, {lon}) should be on the map, got {other:?}"),
        }
    }

    const MALI_TOWNS: [(&str, f64, f64); 4] = [
        ("Bamako", 12.64, -8.00),
        ("Kidal", 18.44, 1.41),
        ("Tessalit", 20.20, 1.01),
        ("Gao", 16.27, -0.04),
    ];

    #[test]
    fn view_box_matches_width_and_height() {
        assert_eq!(VIEW_BOX, format!("0 0 {WIDTH} {HEIGHT}"));
    }

    #[test]
    fn frame_corners_map_to_view_box_corners() {
        let nw = on_map(LAT_MAX, LON_MIN);
        assert_eq!((nw.x, nw.y), (0.0, 0.0));
        let se = on_map(LAT_MIN, LON_MAX);
        assert!((se.x - WIDTH).abs() < 1e-9, "{se:?}");
        // HEIGHT is the projected height rounded up to a whole unit.
        assert!(se.y <= HEIGHT && HEIGHT - se.y < 1.0, "{se:?}");
    }

    #[test]
    fn scales_follow_equirectangular_with_cos_mean_latitude() {
        let ratio = SCALE_X / SCALE_Y;
        assert!(
            (ratio - MEAN_LAT.to_radians().cos()).abs() < 1e-12,
            "{ratio}"
        );
    }

    #[test]
    fn malian_towns_fall_inside_the_outline() {
        let mali = rings(MALI_PATH);
        let [x0, y0, x1, y1] = MALI_BOUNDS;
        for (name, lat, lon) in MALI_TOWNS {
            let p = on_map(lat, lon);
            assert!(
                (0.0..=WIDTH).contains(&p.x) && (0.0..=HEIGHT).contains(&p.y),
                "{name} {p:?}"
            );
            assert!(
                (x0..=x1).contains(&p.x) && (y0..=y1).contains(&p.y),
                "{name} {p:?} outside {MALI_BOUNDS:?}"
            );
            assert!(
                inside(p, &mali),
                "{name} {p:?} is not inside Mali's outline"
            );
        }
    }

    #[test]
    fn neighbouring_capitals_fall_outside_mali_but_on_neighbours() {
        let mali = rings(MALI_PATH);
        let neighbours = rings(NEIGHBOURS_PATH);
        for (name, lat, lon) in [
            ("Niamey", 13.51, 2.11),
            ("Ouagadougou", 12.37, -1.52),
            ("Conakry", 9.64, -13.58),
        ] {
            match place(lat, lon) {
                Placement::OnMap(p) => {
                    assert!(!inside(p, &mali), "{name} {p:?} inside Mali");
                    assert!(inside(p, &neighbours), "{name} {p:?} not on a neighbour");
                }
                // Conakry lies just west of the frame.
                Placement::OffMap(p) => assert_eq!(p.x, 0.0, "{name}"),
                Placement::Invalid => panic!("{name} invalid"),
            }
        }
    }

    #[test]
    fn relative_positions_are_geographic() {
        let bamako = on_map(12.64, -8.00);
        let kidal = on_map(18.44, 1.41);
        let tessalit = on_map(20.20, 1.01);
        assert!(
            kidal.x > bamako.x && kidal.y < bamako.y,
            "Kidal is north-east of Bamako"
        );
        assert!(tessalit.y < kidal.y, "Tessalit is north of Kidal");
        // One degree of latitude is SCALE_Y units.
        let a = on_map(15.0, 0.0);
        let b = on_map(16.0, 0.0);
        assert!(((a.y - b.y) - SCALE_Y).abs() < 1e-9);
    }

    #[test]
    fn outside_the_frame_is_flagged_and_clamped_to_its_edge() {
        // Paris: within the frame's longitudes, far north of its top edge.
        match place(48.86, 2.35) {
            Placement::OffMap(p) => {
                assert_eq!(p.y, 0.0);
                assert!(p.x > 0.0 && p.x < WIDTH);
            }
            other => panic!("{other:?}"),
        }
        match place(-33.9, 151.2) {
            // Sydney: clamped to the south-east corner of the frame.
            Placement::OffMap(p) => assert_eq!((p.x, p.y), (WIDTH, (LAT_MAX - LAT_MIN) * SCALE_Y)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn impossible_coordinates_are_invalid_never_nan() {
        for (lat, lon) in [
            (f64::NAN, 0.0),
            (0.0, f64::NAN),
            (f64::INFINITY, 0.0),
            (0.0, f64::NEG_INFINITY),
            (90.5, 0.0),
            (0.0, -180.5),
        ] {
            assert_eq!(place(lat, lon), Placement::Invalid, "({lat}, {lon})");
        }
        // Every valid input yields finite numbers.
        for lat in [-90.0, -10.0, 0.0, 9.25, 17.0, 25.75, 90.0] {
            for lon in [-180.0, -13.25, 0.0, 5.0, 180.0] {
                match place(lat, lon) {
                    Placement::OnMap(p) | Placement::OffMap(p) => {
                        assert!(
                            p.x.is_finite() && p.y.is_finite(),
                            "({lat}, {lon}) -> {p:?}"
                        )
                    }
                    Placement::Invalid => panic!("({lat}, {lon}) is valid"),
                }
            }
        }
    }

    #[test]
    fn radius_grows_with_the_square_root_of_the_count() {
        assert_eq!(marker_radius(16, 16), MAX_RADIUS);
        assert!((marker_radius(4, 16) - MAX_RADIUS / 2.0).abs() < 1e-12);
        // Quadrupling the count doubles the radius (above the minimum).
        assert!((marker_radius(16, 64) / marker_radius(4, 64) - 2.0).abs() < 1e-12);
        assert!(marker_radius(3, 10) < marker_radius(4, 10));
    }

    #[test]
    fn radius_stays_between_min_and_max() {
        assert_eq!(marker_radius(0, 10), MIN_RADIUS);
        assert_eq!(marker_radius(1, 1000), MIN_RADIUS);
        assert_eq!(marker_radius(0, 0), MIN_RADIUS);
        assert_eq!(marker_radius(5, 0), MIN_RADIUS);
        assert_eq!(marker_radius(50, 10), MAX_RADIUS);
        assert_eq!(marker_radius(usize::MAX, usize::MAX), MAX_RADIUS);
    }

    #[test]
    fn svg_numbers_are_short_and_finite() {
        assert_eq!(svg_num(12.345), "12.3");
        assert_eq!(svg_num(7.0), "7");
        assert_eq!(svg_num(-0.01), "0");
        assert_eq!(svg_num(f64::NAN), "0");
        assert_eq!(svg_num(f64::INFINITY), "0");
    }

    #[test]
    fn outline_paths_are_small_and_well_formed() {
        assert!(MALI_PATH.len() <= 3072, "{}", MALI_PATH.len());
        assert!(NEIGHBOURS_PATH.len() <= 6144, "{}", NEIGHBOURS_PATH.len());
        let mali = rings(MALI_PATH);
        assert_eq!(mali.len(), 1, "Mali is one polygon");
        assert!(
            mali[0].len() > 50,
            "Mali keeps its shape: {} points",
            mali[0].len()
        );
        for p in mali.iter().chain(&rings(NEIGHBOURS_PATH)).flatten() {
            assert!(
                p.x >= -2.0 && p.x <= WIDTH + 2.0 && p.y >= -2.0 && p.y <= HEIGHT + 2.0,
                "{p:?}"
            );
        }
    }
}
