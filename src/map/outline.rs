// Derived from Natural Earth via world-atlas@2.0.2 countries-50m.json by scripts/derive-mali-outline.mjs; do not edit.
// Natural Earth (naturalearthdata.com) is in the public domain; world-atlas is ISC-licensed packaging of it.
// Regenerate: node scripts/derive-mali-outline.mjs (check: --check).

//! Base map of Mali and its neighbours, pre-projected into SVG user units.
//!
//! Projection: equirectangular, x scaled by cos(MEAN_LAT):
//! `x = (lon - LON_MIN) * SCALE_X`, `y = (LAT_MAX - lat) * SCALE_Y`.
//! Paths simplified with Douglas–Peucker (tolerance 0.5 units) and
//! rounded to 0 decimals. Mali path: 869 bytes;
//! neighbours path: 2917 bytes.

// MEAN_LAT and MALI_BOUNDS document the frame; the app itself may not read them.
#![allow(dead_code)]

/// The SVG viewBox: `0 0 WIDTH HEIGHT`.
pub const VIEW_BOX: &str = "0 0 600 569";
/// Width of the viewBox in user units.
pub const WIDTH: f64 = 600.0;
/// Height of the viewBox in user units.
pub const HEIGHT: f64 = 569.0;
/// Western edge of the frame (degrees east).
pub const LON_MIN: f64 = -13.25;
/// Eastern edge of the frame (degrees east).
pub const LON_MAX: f64 = 5.0;
/// Southern edge of the frame (degrees north).
pub const LAT_MIN: f64 = 9.25;
/// Northern edge of the frame (degrees north).
pub const LAT_MAX: f64 = 25.75;
/// Standard parallel of the projection (degrees north).
pub const MEAN_LAT: f64 = 17.5;
/// User units per degree of longitude.
pub const SCALE_X: f64 = 32.87671232876713;
/// User units per degree of latitude.
pub const SCALE_Y: f64 = 34.4721904155883;
/// Bounds of `MALI_PATH` in user units: `[x_min, y_min, x_max, y_max]`.
pub const MALI_BOUNDS: [f64; 4] = [32.0, 26.0, 575.0, 538.0];
/// Mali's outline (1 ring, 207 points).
pub const MALI_PATH: &str = "M61 460l0-3-2-1 0-1 2-13-5-8-3-7-4-1-2 3-2-2 0-3-6-6 1-4 2-2 0-3-2-3 0-8-6-9 1-6-3-6 6 2 5-5 2-3 2-9 2-6 8-7 2 0 17 16 1 0 7-9 9 0 10 1 6 1 16-3 1-6 2-2 1 5 5 1 120 0 5-27-8-10-32-290 58 0 196 134 1 4 0 6 4 4 11 5 2 6 2 2 6 2 10 1 2 1 4 5 15 4 9 3 2 2 0 8 2 6 0 1-2 2-3 5 0 2 5 3 4 1 28-5 0 74-1 1-1 13-2 8-3 5-5 16-2 2-3 1-7 6 0 4-15-2-1 1-1 2-56 2-11 10-8 1-14-1-2 1 0 2-15-5-6 1-1-2-3 0-7 1-10 8-14 6-7 5-9 1-3 9-2 1-11-3-4 1-7 5-3 5-2 5 1 4-1 1-3 1-6-2-1 1-1 3 0 6-1 4-7 3-2 0-9-6-3-1-4 0-3 3-6 6 4 9 0 3-9 4 2 3 0 8-5 7-4 2-3 2-10 2-6 5 0 5 2 5-1 6-2 5-1 3-5 3 1 9 0 7-2 5-6 0-5 2-6 6-5-1-2-2 2-4-2-5 1-2-1-4-6 2 1 3-1 1-4-1-3-3-1 3 0 6 0 2-9 0-1 3 1 3-2 1-3-2-8-2-1-3-1 0-3-3-5 0-5 7-3 2-3 0 0-2-1-3-7-4-1-2-2-9 1-5-1-3-5-2-3 2-3 0 0-1 3-6 5-4 1-2-6-4-2 0-1-1-2-4-3-2 0-8-8-17-5-3-3 0-3 1 2 5-1 2-4 1-6 3-2 4-1 0-17-6-7 2-4 7-3 1-8-10-2 0-2 1-5 5-2 1-1-1-6-5-1-1z";
/// The other countries in the frame, clipped to it: Togo, Sierra Leone, Senegal, Nigeria, Niger, Morocco, W. Sahara, Mauritania, Guinea, Ghana, Côte d'Ivoire, Burkina Faso, Benin, Algeria.
pub const NEIGHBOURS_PATH: &str = "M465 509l-2 8-2 1 0 12 18 13 1 15 1 7 1 3 4 3-35 0 2-7-3-3-1-1-5 3-1-2 2-3 2-1-2-1-1-1 0-1 2 0 2-21-5-4-10-9 0-2 2-6 1-4-3-4 19 5 0 1zM8 571l2-3 4-1 2-2 7-12 2-5 2-2 5-1 4 2 8-1 0-3 21 0 2 1 17 23 0 1-1 3zM32 377l3 6-1 6 6 9 0 8 2 3 0 3-2 2-1 4 6 6 0 3 2 2 2-3 4 1 3 7 5 8-2 13 0 1 2 1 0 3-6-1-8 2-7-1-9 3-3-1-2-1-2 0-9-3-4-2-3 2-2-1 0-1 0-3-1-1-7 0 0-111 2 5 1 3 3 1 2 3 2 0 3 2 2 4 0 3 6 6 4 1 3 2 2 3zM602 571l-64 0 1-5 0-4 6-8 0-3 1-2 4-1 3-2 2-9-2-4 2-4 2-1 2 1 1-1 2-6-3-6-1-10-8-11 0-4 4-7 2-2-1-2-1-2 1-3 0-19 10-9 3-5 2-4 2-14 3-2 6-5 8-3 5-1 8 1zM602 414l-8-1-5 1-8 3-6 5-3 2-2 14-2 4-3 5-10 9 0 19-1 3 1 2 1 2-2 2-2-3-8-4-5-7-9-9-2 0-5 3-10 2 2 8-1 4-10-15 0-2 4-1 1-2-1-3-3-5-5 0-6 3-7-1-15-13-4-1 0-11 6 1 1-1-6-4-1-3-3-2-9-3-6-9-3-6 1-3-7-9 2-14 0-2 2-1 14 1 8-1 11-10 56-2 1-2 1-1 15 2 0-4 7-6 3-1 2-2 5-16 3-5 2-8 1-13 1-1 0-74 27-6zM38-2l-2 6-5 18-4 10-7 5-11 7-3 3-8 14 0-63zM41-2l-1 81-11 5-8 1-14 10-4 6 0 5 2 6 3 40-10 0 0-91 8-14 3-3 11-7 7-5 4-10 5-18 2-6zM32 377l-4-3-2-3-3-2-4-1-6-6 0-3-2-4-3-2-2 0-2-3-3-1-1-3-2-5 0-189 10 0-3-40-2-6 0-5 4-6 14-10 8-1 11-5 1-81 191 0 45 28-58 0 32 290 8 10-5 27-120 0-5-1-1-5-2 2-1 6-16 3-6-1-10-1-9 0-7 9-1 0-17-16-2 0-8 7-2 6-2 9-2 3-5 5zM83 571l1-3 0-1-17-23-2-1-21 0 0 3-8 1-4-2-5 1-2 2-2 5-7 12-2 2-4 1-2 3-9 0-1-1 0-118 7 0 1 1 0 3 0 1 2 1 3-2 4 2 9 3 2 0 2 1 3 1 9-3 7 1 8-2 6 1-4 7 1 1 6 5 1 1 2-1 5-5 2-1 2 0 8 10 3-1 4-7 7-2 17 6 1 0 2-4 6-3 4-1 1-2-2-5 3-1 3 0 5 3 8 17 0 8 3 2 2 4 1 1 2 0 6 4-1 2-5 4-3 6 0 1 3 0 3-2 5 2 1 3-1 5 2 9 1 2 7 4 1 3 0 2-5 5-1 2 1 16 4 4 4-1-1 8 1 0zM433 504l3 4-1 4-2 6 0 2 10 9 5 4-2 21-2 0 0 1 1 1 2 1-2 1-2 3 1 2 5-3 1 1 3 3-2 7-105 0 2-3-1-1 0-6-3-9 1-2-1-10 0-4 1-1-2-5 1-1 0-1-2-1-2-4 0-5 3-9 40 0 2-1 10 1 6-1 5 1 7 0 2 2 4-3 2-3 3 0 2-2zM173 537l3 0 3-2 5-7 5 0 3 3 1 0 1 3 8 2 3 2 2-1-1-3 1-3 9 0 0-2 0-6 1-3 3 3 4 1 1-1-1-3 6-2 1 4-1 2 2 5-2 4 2 2 5 1 6-6 5-2 6 0 5 4 4 0 5 3 3 6 1 4 8 6 4 2 3-1 4 3 2 0 2-3 16-6 7 0 9 1 3 0 2 1 2 3 3 3 6 9 2 0 2-2 0 6 1 1-2 3-170 0-1 0 1-8-4 1-4-4-1-16 1-2zM465 509l-13 1 0-1-19-5-7-1-2 2-3 0-2 3-4 3-2-2-7 0-5-1-6 1-10-1-2 1-40 0-3 9 0 5 2 4 2 1 0 1-1 1 2 5-1 1 0 4 1 10-1 2 3 9-2 2-2 0-6-9-3-3-2-3-2-1-3 0-9-1-7 0-16 6-2 3-2 0-4-3-3 1-4-2-8-6-1-4-3-6-5-3-4 0-5-4 2-5 0-7-1-9 5-3 1-3 2-5 1-6-2-5 0-5 6-5 10-2 3-2 4-2 5-7 0-8-2-3 9-4 0-3-4-9 6-6 3-3 4 0 3 1 9 6 2 0 7-3 1-4 0-6 1-3 1-1 6 2 3-1 1-1-1-4 2-5 3-5 7-5 4-1 11 3 2-1 3-9 9-1 7-5 14-6 10-8 7-1 3 0 1 2 6-1 15 5-2 14 7 9-1 3 3 6 6 9 9 3 3 2 1 3 6 4-1 1-6-1 0 11 4 1 15 13 7 1 6-3 5 0 3 5 1 3-1 2-4 1 0 2 10 15-3 7-10 9-4-1-9 2-1-2-4 0-4 5-6 2 0 2-1 1-1 1 0 2-3 0-1 2zM486 571l-4-3-1-3-1-7-1-15-18-13 0-12 2-1 2-8 2-1 1-2 3 0 0-2 1-1 1-1 0-2 6-2 4-5 4 0 1 2 9-2 4 1 10-9 3-7 1-4-2-8 10-2 5-3 2 0 9 9 5 7 8 4 2 3-4 7 0 4 8 11 1 10 3 6-2 6-1 1-2-1-2 1-2 4 2 4-2 9-3 2-4 1-1 2 0 3-6 8 0 4-1 5zM602-2l0 224-27 6-28 5-4-1-5-3 0-2 3-5 2-2 0-1-2-6 0-8-2-2-9-3-15-4-4-5-2-1-10-1-6-2-2-2-2-6-11-5-4-4 0-6-1-4-196-134-45-28z";
/// Names of the larger neighbours with a label position `(name, x, y)` in user units.
pub const NEIGHBOUR_LABELS: &[(&str, f64, f64)] = &[
    ("Senegal", 40.0, 416.0),
    ("Nigeria", 560.0, 501.0),
    ("Niger", 540.0, 379.0),
    ("Mauritania", 123.0, 187.0),
    ("Guinea", 81.0, 516.0),
    ("Ghana", 394.0, 540.0),
    ("Côte d'Ivoire", 245.0, 553.0),
    ("Burkina Faso", 378.0, 465.0),
    ("Benin", 515.0, 523.0),
    ("Algeria", 480.0, 82.0),
];
