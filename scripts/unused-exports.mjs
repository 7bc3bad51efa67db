// Drops wasm-streams' JS classes from the bundle: leptos links server_fn with
// its `browser` feature, whose wasm-streams exports three classes
// (IntoUnderlyingByteSource, IntoUnderlyingSink, IntoUnderlyingSource) from
// the wasm. Exports are roots, so wasm-opt keeps their code (stream pulls,
// futures, promises) although the app has no server function and never
// creates one. Used by scripts/postbuild.mjs: the exports are removed from
// the wasm, wasm-opt runs again and removes the code only they reached, and
// the classes go from wasm-bindgen's glue (before terser). Any other
// reference to them left in the glue is an error (a wasm-bindgen or leptos
// upgrade that uses them must not break silently).

/** Exports of the classes (methods and `__wbg_*_free`). */
export const UNUSED_EXPORT = /^(__wbg_)?intounderlying(bytesource|sink|source)_/;
const UNUSED_CLASS = 'IntoUnderlying(?:ByteSource|Sink|Source)';

function leb(bytes, i) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[i++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, i];
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
}

/**
 * `wasm` (bytes) without the exports whose names match `pattern`; returns
 * `{ bytes, removed }` (the export names removed). With `custom: true`, the
 * custom sections go too (`producers`, `target_features`, wasm-bindgen's
 * `__wasm_split_unstable`: toolchain notes no browser reads; wasm-opt needs
 * `target_features`, so only once it has run). Other sections are copied as
 * they are.
 */
export function dropExports(wasm, pattern = UNUSED_EXPORT, { custom = false } = {}) {
  if (wasm.length < 8 || wasm.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const parts = [wasm.subarray(0, 8)];
  const removed = [];
  let i = 8;
  while (i < wasm.length) {
    const id = wasm[i];
    const [size, start] = leb(wasm, i + 1);
    let body = wasm.subarray(start, start + size);
    if (id === 0 && custom) {
      i = start + size;
      continue;
    }
    if (id === 7) {
      let [count, k] = leb(body, 0);
      const kept = [];
      for (; count > 0; count--) {
        const [len, nameAt] = leb(body, k);
        const name = body.subarray(nameAt, nameAt + len).toString('utf8');
        const [, end] = leb(body, nameAt + len + 1); // kind byte, then index
        if (pattern.test(name)) removed.push(name);
        else kept.push(body.subarray(k, end));
        k = end;
      }
      body = Buffer.concat([Buffer.from(uleb(kept.length)), ...kept]);
    }
    parts.push(Buffer.from([id, ...uleb(body.length)]), body);
    i = start + size;
  }
  return { bytes: Buffer.concat(parts), removed };
}

/**
 * wasm-bindgen's (unminified) glue without the classes: their declarations,
 * their `Symbol.dispose` lines and their finalization registries. Throws
 * when a reference to them is left.
 */
export function dropGlueClasses(js) {
  const out = js
    .replace(new RegExp(`^export class (${UNUSED_CLASS}) \\{[\\s\\S]*?^\\}\\n(?:if \\(Symbol\\.dispose\\) \\1\\.prototype\\[Symbol\\.dispose\\] = \\1\\.prototype\\.free;\\n)?`, 'gm'), '')
    .replace(new RegExp(`^const ${UNUSED_CLASS}Finalization = [\\s\\S]*?\\);\\n`, 'gm'), '');
  const left = out.match(/IntoUnderlying|intounderlying/);
  if (left) throw new Error(`wasm-streams' classes are still referenced in the JS glue: …${out.slice(Math.max(0, left.index - 80), left.index + 80)}…`);
  return out;
}
