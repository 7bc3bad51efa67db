// Page weight of dist/: the sum of the gzip -9 sizes of every file.
// `node tests/weight.mjs --summary` prints a one-line summary; imported, it
// exposes `distWeight()` for the budget test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue; // trunk's transient .stage/
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p); else yield p;
  }
}

export function distWeight(dist = DIST) {
  const rows = [...files(dist)].map((p) => {
    const raw = readFileSync(p);
    return { file: p.slice(dist.length + 1), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  return { rows, raw: rows.reduce((a, r) => a + r.raw, 0), gzip: rows.reduce((a, r) => a + r.gzip, 0) };
}

// `node tests/weight.mjs --summary [DIR]`: DIR (default dist/) is another build, e.g. target/dist-sudan.
if (process.argv.includes('--summary')) {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const w = distWeight(dir ? resolve(dir) : DIST);
  const kb = (n) => (n / 1024).toFixed(1) + ' KB';
  console.log(`${kb(w.gzip)} gzip (${kb(w.raw)} raw) in ${w.rows.length} files: ` +
    w.rows.map((r) => `${r.file} ${kb(r.gzip)}`).join(', '));
}
