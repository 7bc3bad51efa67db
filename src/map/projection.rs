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
    use super::super::outline::{FOCUS_BOUNDS, FOCUS_PATH, MEAN_LAT, NEIGHBOURS_PATH, VIEW_BOX};
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

    /// The places the map was derived for (`build.rs` writes them next to
    /// the generated outline): `[[lon, lat], …]`.
    fn corpus_places() -> Vec<(f64, f64)> {
        let json = include_str!(concat!(env!("OUT_DIR"), "/region_places.json"));
        let inner = json
            .split_once("[[")
            .map(|(_, rest)| rest.trim_end_matches(|c| c == ']' || c == '}'))
            .unwrap_or("");
        inner
            .split("],[")
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (lon, lat) = pair.split_once(',').expect("lon,lat");
                (lon.parse().expect("lon"), lat.parse().expect("lat"))
            })
            .collect()
    }

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
    fn the_corpus_places_lie_on_the_map_and_almost_all_on_the_focus_land() {
        let places = corpus_places();
        assert!(!places.is_empty(), "the default corpus has mapped places");
        let land = rings(FOCUS_PATH);
        let [x0, y0, x1, y1] = FOCUS_BOUNDS;
        let mut on_land = 0;
        for &(lon, lat) in &places {
            let p = on_map(lat, lon);
            if inside(p, &land) {
                on_land += 1;
                assert!((x0..=x1).contains(&p.x) && (y0..=y1).contains(&p.y), "{p:?} outside {FOCUS_BOUNDS:?}");
            }
        }
        // Border towns may fall a unit outside the simplified outline.
        assert!(on_land * 10 >= places.len() * 9, "{on_land} of {} places on the focus land", places.len());
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let (lat, lon) = ((LAT_MIN + LAT_MAX) / 2.0, (LON_MIN + LON_MAX) / 2.0);
        let c = on_map(lat, lon);
        let north = on_map(lat + 1.0, lon);
        let east = on_map(lat, lon + 1.0);
        assert!(north.y < c.y && (north.x - c.x).abs() < 1e-9);
        assert!(east.x > c.x && (east.y - c.y).abs() < 1e-9);
        // One degree of latitude is SCALE_Y units.
        assert!(((c.y - north.y) - SCALE_Y).abs() < 1e-9);
    }

    #[test]
    fn outside_the_frame_is_flagged_and_clamped_to_its_edge() {
        let mid_lon = (LON_MIN + LON_MAX) / 2.0;
        match place(LAT_MAX + 1.0, mid_lon) {
            Placement::OffMap(p) => {
                assert_eq!(p.y, 0.0);
                assert!(p.x > 0.0 && p.x < WIDTH);
            }
            other => panic!("{other:?}"),
        }
        if LON_MAX < 179.0 && LAT_MIN > -89.0 {
            match place(LAT_MIN - 1.0, LON_MAX + 1.0) {
                Placement::OffMap(p) => assert_eq!((p.x, p.y), (WIDTH, (LAT_MAX - LAT_MIN) * SCALE_Y)),
                other => panic!("{other:?}"),
            }
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
        for lat in [-90.0, -10.0, 0.0, LAT_MIN, MEAN_LAT, LAT_MAX, 90.0] {
            for lon in [-180.0, LON_MIN, 0.0, LON_MAX, 180.0] {
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
        assert!(FOCUS_PATH.len() <= 4096, "{}", FOCUS_PATH.len());
        assert!(NEIGHBOURS_PATH.len() <= 6144, "{}", NEIGHBOURS_PATH.len());
        let land = rings(FOCUS_PATH);
        assert!(!land.is_empty(), "the default corpus's places lie in a country");
        assert!(land.iter().map(Vec::len).max().unwrap_or(0) > 50, "the focus keeps its shape");
        for p in land.iter().chain(&rings(NEIGHBOURS_PATH)).flatten() {
            assert!(
                p.x >= -2.0 && p.x <= WIDTH + 2.0 && p.y >= -2.0 && p.y <= HEIGHT + 2.0,
                "{p:?}"
            );
        }
    }
}
