#!/usr/bin/env node
// Derives the explorer's base map for a corpus's places from Natural Earth's
// 1:50m admin-0 countries as packaged by npm's world-atlas@2.0.2
// (countries-50m.json, TopoJSON). Run by build.rs at every build of the app:
//
//   node scripts/derive-region-map.mjs PLACES.json OUT.rs
//
// PLACES.json is `{"places": [[lon, lat], ...]}` (the places the corpus's
// events name). Steps: decode the delta-encoded, quantized TopoJSON arcs;
// find the countries that hold the places (point in polygon): the primary
// one holds the most, and with the others that hold at least two places and a
// tenth of them it is a "focus" country, drawn as land; fix a frame around the places and the primary country (its
// bounding box, unless it is very large, e.g. Russia or one spanning the
// antimeridian, when the places alone set the frame), plus a margin; project
// every arc with an equirectangular projection whose x scale is multiplied by
// cos(mean latitude of the frame), into a viewBox WIDTH units wide; simplify
// each arc with Douglas–Peucker (arcs are shared between countries, so
// simplifying arcs rather than rings keeps shared borders identical; the
// tolerance grows until the paths fit their byte budget); assemble the rings
// of every country that meets the frame, clip them to the frame
// (Sutherland–Hodgman), round to whole units and write compact SVG paths.
// Everything is deterministic: no clocks, no randomness, objects visited in
// file order, numbers printed with fixed rules. Nothing in it knows a country.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'node_modules/world-atlas/countries-50m.json');
const SOURCE_PACKAGE = join(ROOT, 'node_modules/world-atlas/package.json');
const [PLACES_FILE, OUTPUT] = process.argv.slice(2);

/** Degrees added around the frame's content, then rounded outwards to 0.25°. */
const MARGIN_DEG = 0.75;
/** The smallest frame, in degrees (one town alone still gets a region around it). */
const MIN_SPAN_DEG = 4;
/** A primary country larger than this (degrees of longitude or latitude) does not set the frame. */
const MAX_COUNTRY_SPAN_DEG = 40;
/** Width of the viewBox in SVG user units (≈ CSS px at the expected render width). */
const WIDTH = 600;
/** Douglas–Peucker tolerance in viewBox units (the first one tried). */
const TOLERANCE = 1;
/** Decimals kept in path coordinates. */
const PRECISION = 0;
/** Budgets that keep the page light; the script fails rather than exceed them. */
const FOCUS_PATH_MAX_BYTES = 4096;
const NEIGHBOURS_PATH_MAX_BYTES = 6144;
/** Clipped neighbour rings smaller than this (viewBox units²) are not drawn. */
const MIN_RING_AREA = 4;
/** Neighbours whose clipped area is at least this get a name label. */
const LABEL_MIN_AREA = 4000;

function fail(msg) {
  console.error(`derive-region-map: ${msg}`);
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

if (!PLACES_FILE || !OUTPUT) fail('usage: node scripts/derive-region-map.mjs PLACES.json OUT.rs');
let topology;
try {
  topology = JSON.parse(readFileSync(SOURCE, 'utf8'));
} catch (e) {
  fail(`cannot read ${SOURCE} (${e.message}); install the npm dev dependencies first: ./dev setup`);
}
const atlasVersion = JSON.parse(readFileSync(SOURCE_PACKAGE, 'utf8')).version;
if (atlasVersion !== '2.0.2') fail(`expected world-atlas 2.0.2, found ${atlasVersion}`);
const countries = topology.objects.countries?.geometries;
if (!Array.isArray(countries)) fail(`${SOURCE}: no objects.countries.geometries`);
const places = (JSON.parse(readFileSync(PLACES_FILE, 'utf8')).places ?? []).filter(
  ([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180,
);

const lonLatArcs = decodeArcs(topology);
const lonLatAt = (i) => lonLatArcs[i];
const ringsOf = (g) => polygonsOf(g).flatMap((polygon) => polygon.map((ring) => ringPoints(ring, lonLatAt)));
const country = countries.map((g) => {
  const rings = ringsOf(g);
  return { g, rings, box: rings.length ? rings.reduce((box, ring) => bboxOf(ring, box), undefined) : null };
});
/** Even-odd over all rings of a country, as SVG fills it. */
const holds = (c, p) => c.box && p[0] >= c.box[0] && p[0] <= c.box[2] && p[1] >= c.box[1] && p[1] <= c.box[3]
  && c.rings.reduce((inside, ring) => (pointInRing(p, ring) ? !inside : inside), false);

// Focus countries: those holding at least one place; the primary holds the most.
const placeCount = new Map();
for (const p of places) {
  const c = country.find((c) => holds(c, p));
  if (c) placeCount.set(c, (placeCount.get(c) ?? 0) + 1);
}
const primary = [...placeCount.keys()].reduce((best, c) => (!best || placeCount.get(c) > placeCount.get(best) ? c : best), null);
// A country with a stray border town is a neighbour, not the subject: besides the
// primary, a focus country holds at least two places and a tenth of them.
const isFocus = (c) => c === primary || ((placeCount.get(c) ?? 0) >= 2 && placeCount.get(c) * 10 >= places.length);
const focus = country.filter(isFocus);

// The frame: the places, plus the primary country when it is not huge.
// No places at all: the whole world, so the map still says where nothing is.
let content = places.length ? bboxOf(places) : [-179, -58, 179, 83];
if (primary && primary.box[2] - primary.box[0] <= MAX_COUNTRY_SPAN_DEG && primary.box[3] - primary.box[1] <= MAX_COUNTRY_SPAN_DEG) {
  content = bboxOf([[primary.box[0], primary.box[1]], [primary.box[2], primary.box[3]]], content);
}
const widen = (lo, hi) => {
  const missing = Math.max(0, MIN_SPAN_DEG - (hi - lo));
  return [lo - missing / 2, hi + missing / 2];
};
const [cLonMin, cLonMax] = widen(content[0], content[2]);
const [cLatMin, cLatMax] = widen(content[1], content[3]);

const outward = (v, dir) => (dir < 0 ? Math.floor(v * 4) : Math.ceil(v * 4)) / 4;
const LON_MIN = Math.max(-180, outward(cLonMin - MARGIN_DEG, -1));
const LON_MAX = Math.min(180, outward(cLonMax + MARGIN_DEG, 1));
const LAT_MIN = Math.max(-85, outward(cLatMin - MARGIN_DEG, -1));
const LAT_MAX = Math.min(85, outward(cLatMax + MARGIN_DEG, 1));
const MEAN_LAT = (LAT_MIN + LAT_MAX) / 2;
const SCALE_X = WIDTH / (LON_MAX - LON_MIN);
const SCALE_Y = SCALE_X / Math.cos((MEAN_LAT * Math.PI) / 180);
const HEIGHT = Math.ceil((LAT_MAX - LAT_MIN) * SCALE_Y);

const project = ([lon, lat]) => [(lon - LON_MIN) * SCALE_X, (LAT_MAX - lat) * SCALE_Y];
const inFrame = (box) => box && box[0] <= LON_MAX && box[2] >= LON_MIN && box[1] <= LAT_MAX && box[3] >= LAT_MIN;
const visible = country.filter((c) => inFrame(c.box));

/** Every country in the frame as clipped, rounded rings at one tolerance. */
function draw(tolerance) {
  const simplified = new Map();
  const arcFor = (i) => {
    if (!simplified.has(i)) simplified.set(i, simplify(lonLatArcs[i].map(project), tolerance));
    return simplified.get(i);
  };
  // A margin around the frame, so clipped edges stay out of sight.
  const PAD = 2;
  const focusRings = [];
  const neighbourRings = [];
  const labels = [];
  const neighbourNames = [];
  for (const c of visible) {
    const drawnAsLand = isFocus(c);
    let kept = 0;
    let best = { area: 0, cx: 0, cy: 0, ring: null };
    for (const polygon of polygonsOf(c.g)) {
      for (const ring of polygon) {
        const rounded = roundRing(clipRing(ringPoints(ring, arcFor), -PAD, -PAD, WIDTH + PAD, HEIGHT + PAD));
        if (rounded.length < 3) continue;
        const ac = areaCentroid(rounded.map(([x, y]) => [x / FACTOR, y / FACTOR]));
        if (Math.abs(ac.area) < MIN_RING_AREA) continue;
        (drawnAsLand ? focusRings : neighbourRings).push(rounded);
        kept++;
        if (Math.abs(ac.area) > Math.abs(best.area)) best = { ...ac, ring: rounded.map(([x, y]) => [x / FACTOR, y / FACTOR]) };
      }
    }
    if (kept === 0 || drawnAsLand) continue;
    const name = c.g.properties?.name ?? c.g.id;
    neighbourNames.push(name);
    // Label at the centroid of the largest visible piece, kept inside the view.
    if (Math.abs(best.area) >= LABEL_MIN_AREA && pointInRing([best.cx, best.cy], best.ring)) {
      const x = Math.min(WIDTH - 40, Math.max(40, best.cx));
      const y = Math.min(HEIGHT - 12, Math.max(16, best.cy));
      labels.push([name, Math.round(x), Math.round(y)]);
    }
  }
  return { focusRings, neighbourRings, labels, neighbourNames, focusPath: pathOf(focusRings), neighboursPath: pathOf(neighbourRings) };
}

let tolerance = TOLERANCE;
let drawn = draw(tolerance);
while (drawn.focusPath.length > FOCUS_PATH_MAX_BYTES || drawn.neighboursPath.length > NEIGHBOURS_PATH_MAX_BYTES) {
  tolerance *= 1.5;
  if (tolerance > 50) fail('the outlines do not fit their byte budget even at tolerance 50');
  drawn = draw(tolerance);
}
const { focusRings, labels, neighbourNames, focusPath, neighboursPath } = drawn;
const focusBounds = focusRings.length
  ? focusRings.reduce((box, ring) => bboxOf(ring, box), undefined).map((q) => q / FACTOR)
  : [0, 0, 0, 0];
const focusNames = focus.map((c) => c.g.properties?.name ?? c.g.id);
const focusPhrase = focusNames.length === 0 ? 'The region'
  : focusNames.length === 1 ? focusNames[0]
  : `${focusNames.slice(0, -1).join(', ')} and ${focusNames[focusNames.length - 1]}`;

const rust = `// Derived at build time from Natural Earth via world-atlas@${atlasVersion} countries-50m.json
// by scripts/derive-region-map.mjs (run by build.rs) for the places of the corpus; do not edit.
// Natural Earth (naturalearthdata.com) is in the public domain; world-atlas is ISC-licensed packaging of it.

// Base map of the corpus's region, pre-projected into SVG user units.
//
// Projection: equirectangular, x scaled by cos(MEAN_LAT):
// \`x = (lon - LON_MIN) * SCALE_X\`, \`y = (LAT_MAX - lat) * SCALE_Y\`.
// Paths simplified with Douglas–Peucker (tolerance ${tolerance} units) and
// rounded to ${PRECISION} decimals. Focus path: ${focusPath.length} bytes;
// neighbours path: ${neighboursPath.length} bytes.

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
/// The countries that hold the corpus's places, for the map's description.
pub const FOCUS_NAMES: &str = ${rustStr(focusPhrase)};
/// Bounds of \`FOCUS_PATH\` in user units: \`[x_min, y_min, x_max, y_max]\`.
pub const FOCUS_BOUNDS: [f64; 4] = [${focusBounds.map(rustF64).join(', ')}];
/// The focus countries' outlines, clipped to the frame (${focusRings.length} rings).
pub const FOCUS_PATH: &str = ${rustStr(focusPath)};
/// The other countries in the frame, clipped to it: ${neighbourNames.join(', ') || 'none'}.
pub const NEIGHBOURS_PATH: &str = ${rustStr(neighboursPath)};
/// Names of the larger neighbours with a label position \`(name, x, y)\` in user units.
pub const NEIGHBOUR_LABELS: &[(&str, f64, f64)] = &[
${labels.map(([n, x, y]) => `    (${rustStr(n)}, ${rustF64(x)}, ${rustF64(y)}),`).join('\n')}
];
`;

writeFileSync(OUTPUT, rust);
console.log(
  `wrote ${OUTPUT}: viewBox 0 0 ${WIDTH} ${HEIGHT}; focus ${focusPhrase} ${focusPath.length} B; neighbours ${neighboursPath.length} B (${neighbourNames.join(', ')})`,
);
