// Page-weight budget: all of dist/ (with the seed corpus) stays within 200 KB gzip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distWeight } from '../weight.mjs';

const BUDGET = 200 * 1024;

test('dist/ weighs at most 200 KB gzip', () => {
  const w = distWeight();
  assert.ok(w.rows.some((r) => r.file.endsWith('.wasm')), 'dist/ holds the wasm bundle');
  assert.ok(w.gzip <= BUDGET, `dist/ is ${w.gzip} B gzip, over the ${BUDGET} B budget: ${JSON.stringify(w.rows)}`);
});
