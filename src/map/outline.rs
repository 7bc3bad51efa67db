//! Base map of the corpus's region, pre-projected into SVG user units:
//! generated at build time by `build.rs`, which runs
//! `scripts/derive-region-map.mjs` (Natural Earth via npm's world-atlas) on
//! the places the corpus's events name. The focus countries (those that
//! hold a place) are drawn as land, their neighbours in the frame around
//! them. Constants: `VIEW_BOX`, `WIDTH`, `HEIGHT`, the frame `LON_MIN`…
//! `LAT_MAX`, `MEAN_LAT`, `SCALE_X`, `SCALE_Y`, `FOCUS_NAMES`,
//! `FOCUS_BOUNDS`, `FOCUS_PATH`, `NEIGHBOURS_PATH`, `NEIGHBOUR_LABELS`.

// MEAN_LAT and FOCUS_BOUNDS document the frame; the app itself may not read them.
#![allow(dead_code)]

include!(concat!(env!("OUT_DIR"), "/region_map.rs"));
