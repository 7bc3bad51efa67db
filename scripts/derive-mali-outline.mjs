#!/usr/bin/env node
// Derives the explorer's base map (src/map/outline.rs) from Natural Earth's
// 1:50m admin-0 countries as packaged by npm's world-atlas@2.0.2
// (countries-50m.json, TopoJSON).
//
//   node scripts/derive-mali-outline.mjs            write src/map/outline.rs
//   node scripts/derive-mali-outline.mjs --check    fail if the committed file differs
//
// Steps: decode the delta-encoded, quantized TopoJSON arcs; fix a frame around
// Mali (its bounding box plus a margin); project every arc with an
// equirectangular projection whose x scale is multiplied by cos(mean
// latitude of the frame), into a viewBox WIDTH units wide; simplify each arc
// with Douglas–Peucker (arcs are shared between countries, so simplifying arcs
// rather than rings keeps shared borders identical); assemble Mali's rings and
// the rings of every other country that meets the frame, clip the latter to the
// frame (Sutherland–Hodgman), round to PRECISION decimals and write compact
// SVG paths. Everything is deterministic: no clocks, no randomness, objects
// visited in file order, numbers printed with fixed rules.
//
// The build never runs this script: its output is committed.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'node_modules/world-atlas/countries-50m.json');
const SOURCE_PACKAGE = join(ROOT, 'node_modules/world-atlas/package.json');
const OUTPUT = join(ROOT, 'src/map/outline.rs');

const MALI_ID = '466';
/** Degrees added around Mali's bounding box, then rounded outwards to 0.25°. */
const MARGIN_DEG = 0.75;
/** Width of the viewBox in SVG user units (≈ CSS px at the expected render width). */
const WIDTH = 600;
/** Douglas–Peucker tolerance in viewBox units. */
const TOLERANCE = 0.5;
/** Decimals kept in path coordinates. */
const PRECISION = 0;
/** Budgets that keep the page light; the script fails rather than exceed them. */
const MALI_PATH_MAX_BYTES = 3072;
const NEIGHBOURS_PATH_MAX_BYTES = 6144;
/** Clipped neighbour rings smaller than this (viewBox units²) are not drawn. */
const MIN_RING_AREA = 4;
/** Neighbours whose clipped area is at least this get a name label. */
const LABEL_MIN_AREA = 4000;

function fail(msg) {
  console.error(`derive-mali-outline: ${msg}`);
  process.exit(1);
}

// ---------------------------------------------------------------- TopoJSON --

/** Decodes every arc to absolute [lon, lat] pairs. */
function decodeArcs(topology) {
  const t = topology.transform;
  if (!t) fail(`${SOURCE}: expected a quantized topology (no "transform")`);
  const [sx, sy] = t.scale;
  const [tx, ty] = t.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/** Polygons (arrays of rings, each an array of arc indices) of a geometry. */
function polygonsOf(geometry) {
  switch (geometry.type) {
    case 'Polygon':
      return [geometry.arcs];
    case 'MultiPolygon':
      return geometry.arcs;
    default:
      return [];
  }
}

/** Joins the (already projected and simplified) arcs of a ring into points. */
function ringPoints(ring, arcAt) {
  const out = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcAt(index) : arcAt(~index).slice().reverse();
    for (let i = out.length === 0 ? 0 : 1; i < arc.length; i++) out.push(arc[i]);
  }
  return out;
}

// -------------------------------------------------------------- geometry --

function bboxOf(points, box = [Infinity, Infinity, -Infinity, -Infinity]) {
  for (const [x, y] of points) {
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
  }
  return box;
}

/** Shoelace area (signed) and centroid of a closed ring. */
function areaCentroid(ring) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    const cross = x0 * y1 - x1 * y0;
    a += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  a /= 2;
  return a === 0 ? { area: 0, cx: 0, cy: 0 } : { area: a, cx: cx / (6 * a), cy: cy / (6 * a) };
}

function pointInRing([px, py], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Douglas–Peucker on an open polyline; keeps both end points. Iterative. */
function simplify(points, tolerance) {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstDist = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      // Distance to the segment (to the point when the arc is closed).
      let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
      t = Math.max(0, Math.min(1, t));
      const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      if (d > worstDist) {
        worstDist = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** Sutherland–Hodgman clip of a ring to the rectangle [x0, x1] × [y0, y1]. */
function clipRing(ring, x0, y0, x1, y1) {
  const edges = [
    { inside: (p) => p[0] >= x0, cut: (a, b) => lerpAt(a, b, 0, x0) },
    { inside: (p) => p[0] <= x1, cut: (a, b) => lerpAt(a, b, 0, x1) },
    { inside: (p) => p[1] >= y0, cut: (a, b) => lerpAt(a, b, 1, y0) },
    { inside: (p) => p[1] <= y1, cut: (a, b) => lerpAt(a, b, 1, y1) },
  ];
  let out = ring;
  for (const edge of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      const curIn = edge.inside(cur);
      const prevIn = edge.inside(prev);
      if (curIn) {
        if (!prevIn) out.push(edge.cut(prev, cur));
        out.push(cur);
      } else if (prevIn) {
        out.push(edge.cut(prev, cur));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

function lerpAt(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

// ------------------------------------------------------------ formatting --

const FACTOR = 10 ** PRECISION;
const quantize = (v) => Math.round(v * FACTOR);

/** Rounds a ring to the output grid, dropping repeated points and the closing duplicate. */
function roundRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const q = [quantize(x), quantize(y)];
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

/** Formats a quantized number; a leading '-' doubles as separator. */
function num(q) {
  const s = (q / FACTOR).toFixed(PRECISION);
  const t = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
  return t === '-0' ? '0' : t;
}

function joinNumbers(values) {
  let s = '';
  for (const v of values) {
    const n = num(v);
    s += s === '' || n.startsWith('-') ? n : ` ${n}`;
  }
  return s;
}

/** Compact path: absolute move, relative lines, close, for each quantized ring. */
function pathOf(rings) {
  let d = '';
  for (const ring of rings) {
    const [fx, fy] = ring[0];
    d += `M${joinNumbers([fx, fy])}l`;
    const deltas = [];
    for (let i = 1; i < ring.length; i++) deltas.push(ring[i][0] - ring[i - 1][0], ring[i][1] - ring[i - 1][1]);
    d += `${joinNumbers(deltas)}z`;
  }
  return d;
}

/** Rust float literal: shortest round-trip repr, always with a '.' or exponent. */
function rustF64(v) {
  if (!Number.isFinite(v)) fail(`non-finite constant ${v}`);
  const s = String(v);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

const rustStr = (s) => JSON.stringify(s); // the paths hold only ASCII digits, letters, ' ', '-', '.'

// ----------------------------------------------------------------- main --

const topology = JSON.parse(readFileSync(SOURCE, 'utf8'));
const atlasVersion = JSON.parse(readFileSync(SOURCE_PACKAGE, 'utf8')).version;
if (atlasVersion !== '2.0.2') fail(`expected world-atlas 2.0.2, found ${atlasVersion}`);
const countries = topology.objects.countries?.geometries;
if (!Array.isArray(countries)) fail(`${SOURCE}: no objects.countries.geometries`);

const lonLatArcs = decodeArcs(topology);
const lonLatAt = (i) => lonLatArcs[i];
const mali = countries.find((g) => g.id === MALI_ID);
if (!mali) fail(`${SOURCE}: no country with id ${MALI_ID} (Mali)`);

const maliLonLat = polygonsOf(mali).flatMap((polygon) => polygon.map((ring) => ringPoints(ring, lonLatAt)));
const [mLonMin, mLatMin, mLonMax, mLatMax] = maliLonLat.reduce((box, ring) => bboxOf(ring, box), undefined);

const outward = (v, dir) => (dir < 0 ? Math.floor(v * 4) : Math.ceil(v * 4)) / 4;
const LON_MIN = outward(mLonMin - MARGIN_DEG, -1);
const LON_MAX = outward(mLonMax + MARGIN_DEG, 1);
const LAT_MIN = outward(mLatMin - MARGIN_DEG, -1);
const LAT_MAX = outward(mLatMax + MARGIN_DEG, 1);
const MEAN_LAT = (LAT_MIN + LAT_MAX) / 2;
const SCALE_X = WIDTH / (LON_MAX - LON_MIN);
const SCALE_Y = SCALE_X / Math.cos((MEAN_LAT * Math.PI) / 180);
const HEIGHT = Math.ceil((LAT_MAX - LAT_MIN) * SCALE_Y);

const project = ([lon, lat]) => [(lon - LON_MIN) * SCALE_X, (LAT_MAX - lat) * SCALE_Y];

// Arcs of interest: Mali's and those of every country whose bbox meets the frame.
const inFrame = (box) => box[0] <= LON_MAX && box[2] >= LON_MIN && box[1] <= LAT_MAX && box[3] >= LAT_MIN;
const neighbours = countries.filter((g) => {
  if (g.id === MALI_ID) return false;
  const rings = polygonsOf(g).flatMap((p) => p.map((r) => ringPoints(r, lonLatAt)));
  return rings.length > 0 && inFrame(rings.reduce((box, ring) => bboxOf(ring, box), undefined));
});

/** Arc i projected and simplified, computed once (shared borders stay identical). */
const simplified = new Map();
const arcFor = (i) => {
  if (!simplified.has(i)) simplified.set(i, simplify(lonLatArcs[i].map(project), TOLERANCE));
  return simplified.get(i);
};

// Mali: every ring, unclipped (it lies inside the frame by construction).
const maliRings = polygonsOf(mali)
  .flatMap((polygon) => polygon.map((ring) => roundRing(ringPoints(ring, arcFor))))
  .filter((ring) => ring.length >= 3);
if (maliRings.length === 0) fail('Mali simplified to nothing');
const maliPath = pathOf(maliRings);
const maliBounds = maliRings.reduce((box, ring) => bboxOf(ring, box), undefined).map((q) => q / FACTOR);

// Neighbours: clipped to the frame, plus a margin so their clipped edges stay out of sight.
const PAD = 2;
const neighbourRings = [];
const labels = [];
const neighbourNames = [];
for (const g of neighbours) {
  let kept = 0;
  let best = { area: 0, cx: 0, cy: 0, ring: null };
  for (const polygon of polygonsOf(g)) {
    for (const ring of polygon) {
      const clipped = clipRing(ringPoints(ring, arcFor), -PAD, -PAD, WIDTH + PAD, HEIGHT + PAD);
      const rounded = roundRing(clipped);
      if (rounded.length < 3) continue;
      const ac = areaCentroid(rounded.map(([x, y]) => [x / FACTOR, y / FACTOR]));
      if (Math.abs(ac.area) < MIN_RING_AREA) continue;
      neighbourRings.push(rounded);
      kept++;
      if (Math.abs(ac.area) > Math.abs(best.area)) best = { ...ac, ring: rounded.map(([x, y]) => [x / FACTOR, y / FACTOR]) };
    }
  }
  if (kept === 0) continue;
  const name = g.properties?.name ?? g.id;
  neighbourNames.push(name);
  // Label at the centroid of the largest visible piece, kept inside the view.
  if (Math.abs(best.area) >= LABEL_MIN_AREA && pointInRing([best.cx, best.cy], best.ring)) {
    const x = Math.min(WIDTH - 40, Math.max(40, best.cx));
    const y = Math.min(HEIGHT - 12, Math.max(16, best.cy));
    labels.push([name, Math.round(x), Math.round(y)]);
  }
}
const neighboursPath = pathOf(neighbourRings);

if (maliPath.length > MALI_PATH_MAX_BYTES) fail(`Mali path is ${maliPath.length} bytes > ${MALI_PATH_MAX_BYTES}; raise TOLERANCE`);
if (neighboursPath.length > NEIGHBOURS_PATH_MAX_BYTES)
  fail(`neighbours path is ${neighboursPath.length} bytes > ${NEIGHBOURS_PATH_MAX_BYTES}; raise TOLERANCE`);

const rust = `// Derived from Natural Earth via world-atlas@${atlasVersion} countries-50m.json by scripts/derive-mali-outline.mjs; do not edit.
// Natural Earth (naturalearthdata.com) is in the public domain; world-atlas is ISC-licensed packaging of it.
// Regenerate: node scripts/derive-mali-outline.mjs (check: --check).

//! Base map of Mali and its neighbours, pre-projected into SVG user units.
//!
//! Projection: equirectangular, x scaled by cos(MEAN_LAT):
//! \`x = (lon - LON_MIN) * SCALE_X\`, \`y = (LAT_MAX - lat) * SCALE_Y\`.
//! Paths simplified with Douglas–Peucker (tolerance ${TOLERANCE} units) and
//! rounded to ${PRECISION} decimals. Mali path: ${maliPath.length} bytes;
//! neighbours path: ${neighboursPath.length} bytes.

// MEAN_LAT and MALI_BOUNDS document the frame; the app itself may not read them.
#![allow(dead_code)]

/// The SVG viewBox: \`0 0 WIDTH HEIGHT\`.
pub const VIEW_BOX: &str = "0 0 ${WIDTH} ${HEIGHT}";
/// Width of the viewBox in user units.
pub const WIDTH: f64 = ${rustF64(WIDTH)};
/// Height of the viewBox in user units.
pub const HEIGHT: f64 = ${rustF64(HEIGHT)};
/// Western edge of the frame (degrees east).
pub const LON_MIN: f64 = ${rustF64(LON_MIN)};
/// Eastern edge of the frame (degrees east).
pub const LON_MAX: f64 = ${rustF64(LON_MAX)};
/// Southern edge of the frame (degrees north).
pub const LAT_MIN: f64 = ${rustF64(LAT_MIN)};
/// Northern edge of the frame (degrees north).
pub const LAT_MAX: f64 = ${rustF64(LAT_MAX)};
/// Standard parallel of the projection (degrees north).
pub const MEAN_LAT: f64 = ${rustF64(MEAN_LAT)};
/// User units per degree of longitude.
pub const SCALE_X: f64 = ${rustF64(SCALE_X)};
/// User units per degree of latitude.
pub const SCALE_Y: f64 = ${rustF64(SCALE_Y)};
/// Bounds of \`MALI_PATH\` in user units: \`[x_min, y_min, x_max, y_max]\`.
pub const MALI_BOUNDS: [f64; 4] = [${maliBounds.map(rustF64).join(', ')}];
/// Mali's outline (${maliRings.length} ring${maliRings.length === 1 ? '' : 's'}, ${maliRings.reduce((n, r) => n + r.length, 0)} points).
pub const MALI_PATH: &str = ${rustStr(maliPath)};
/// The other countries in the frame, clipped to it: ${neighbourNames.join(', ')}.
pub const NEIGHBOURS_PATH: &str = ${rustStr(neighboursPath)};
/// Names of the larger neighbours with a label position \`(name, x, y)\` in user units.
pub const NEIGHBOUR_LABELS: &[(&str, f64, f64)] = &[
${labels.map(([n, x, y]) => `    (${rustStr(n)}, ${rustF64(x)}, ${rustF64(y)}),`).join('\n')}
];
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUTPUT, 'utf8');
  } catch {
    fail(`${OUTPUT} is missing`);
  }
  if (current !== rust) fail(`${OUTPUT} is stale: run node scripts/derive-mali-outline.mjs`);
  console.log(`${OUTPUT} is up to date`);
} else {
  writeFileSync(OUTPUT, rust);
  console.log(
    `wrote ${OUTPUT}: viewBox 0 0 ${WIDTH} ${HEIGHT}; Mali ${maliPath.length} B; neighbours ${neighboursPath.length} B (${neighbourNames.join(', ')})`,
  );
}
