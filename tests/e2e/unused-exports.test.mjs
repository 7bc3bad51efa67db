// scripts/unused-exports.mjs (used by the post-build hook): wasm-streams'
// exports leave a module that still validates, other exports stay, and its
// classes leave the JS glue, or the build fails naming what is left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dropExports, dropGlueClasses } from '../../scripts/unused-exports.mjs';

/** A module of two empty functions exported under `names`. */
function module(names) {
  const str = (s) => [s.length, ...Buffer.from(s)];
  const exports = names.flatMap((n, i) => [...str(n), 0, i]);
  const section = (id, body) => [id, body.length, ...body];
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [names.length, ...names.map(() => 0)]),
    ...section(7, [names.length, ...exports]),
    ...section(10, [names.length, ...names.flatMap(() => [2, 0, 0x0b])]),
    ...section(0, [...str('producers'), 1, 2, 3]),
  ]);
}

test('the unused exports and the custom sections leave, the other exports stay, the module validates', () => {
  const { bytes, removed } = dropExports(module(['main', 'intounderlyingsink_write', '__wbg_intounderlyingsource_free', 'memory_like']));
  assert.deepEqual(removed, ['intounderlyingsink_write', '__wbg_intounderlyingsource_free']);
  const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
  assert.deepEqual(names, ['main', 'memory_like']);
  const before = new WebAssembly.Module(module(['main']));
  assert.equal(WebAssembly.Module.customSections(before, 'producers').length, 1);
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(bytes), 'producers').length, 1, 'kept for wasm-opt');
  const bare = dropExports(module(['main']), undefined, { custom: true }).bytes;
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(bare), 'producers').length, 0, 'then dropped');
  assert.deepEqual(dropExports(module(['main'])).removed, []);
});

const glue = `export class IntoUnderlyingSink {
    free() {
        wasm.__wbg_intounderlyingsink_free(this.__wbg_ptr, 0);
    }
}
if (Symbol.dispose) IntoUnderlyingSink.prototype[Symbol.dispose] = IntoUnderlyingSink.prototype.free;

export function start() {
    wasm.main();
}
const IntoUnderlyingSinkFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_intounderlyingsink_free(ptr >>> 0, 1));
const kept = 1;
`;

test('the classes leave the glue, the rest stays', () => {
  assert.equal(dropGlueClasses(glue), `
export function start() {
    wasm.main();
}
const kept = 1;
`);
});

test('a reference left in the glue fails the build', () => {
  assert.throws(() => dropGlueClasses(`${glue}new IntoUnderlyingSink();\n`), /still referenced/);
});
