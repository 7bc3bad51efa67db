// Trunk post_build hook: put the static opening view and the corpus's title
// and sharing tags into the page, inline the start-up script, and derive the
// page's strict Content-Security-Policy.
//
// build.rs has parsed the corpus ($COUNTERCLAIM_SEEDS, relative to the
// repository, default seeds/) and left in its OUT_DIR `page.json` (the
// engine's build-time HTML rendering, every text escaped, the same as
// `counterclaim page`; crates/extract/src/opening.rs): the <html lang>, the
// <title> and sharing <meta> tags, and the static view (header, first events,
// <noscript> rest of the list). A chunked build (a large corpus) also left its
// data files there, copied here into chunks/. scripts/startup.js goes into
// <head>, minified.
//
// Trunk inlines one small module script that loads the wasm bundle. Rather
// than allowing 'unsafe-inline', we hash every inline <script> of the built
// index.html and write the resulting policy to:
//   - csp.txt   — the policy, one line (the e2e server sends it as a header);
//   - _headers  — the same as a Netlify/Cloudflare Pages headers file;
//   - a <meta http-equiv="Content-Security-Policy"> in index.html, so the page
//     is protected even where the host sends no header (frame-ancestors and
//     report directives only work as a header).
//
// It also minifies wasm-bindgen's JS glue with terser (Trunk's own JS minifier
// gives up on it; −1.9 KB gzip for the page-weight budget) and rewrites the
// Subresource Integrity hash Trunk put on its modulepreload link. Before that,
// wasm-streams' classes, which leptos links but the app never uses, leave the
// wasm and the glue (scripts/unused-exports.mjs; −1.8 KB gzip).
// Usage: node scripts/postbuild.mjs [DIR] (defaults to $TRUNK_STAGING_DIR).
import { cpSync, existsSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
import { UNUSED_EXPORT, dropExports, dropGlueClasses } from './unused-exports.mjs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: no directory (pass one or run as a trunk hook)');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const seeds = resolve(ROOT, process.env.COUNTERCLAIM_SEEDS || 'seeds');
const fail = (message) => {
  console.error(`postbuild: ${message}`);
  process.exit(1);
};
const build = buildInfo();
let page;
try {
  page = JSON.parse(readFileSync(join(build.out_dir, 'page.json'), 'utf8'));
} catch (e) {
  fail(`cannot read the static view build.rs wrote (${build.out_dir}/page.json): ${e.message}`);
}
// The static view holds exactly one <noscript> (the rest of the list) or none.
if ((page.body.match(/<\/?noscript/gi) ?? []).length > 2) fail('the static view has stray <noscript> tags — text not escaped?');
if (/<\/?(script|title|head|body|html)\b/i.test(page.body + page.head.replace(/<\/?title>/g, ''))) fail('the static view contains a tag it must not — text not escaped?');
const placeholder = /<div id="?static-view"?\s*><\/div>/;
if (!placeholder.test(html)) fail(`no <div id="static-view"></div> in index.html to fill: ${html.slice(html.indexOf('<body'))}`);
html = html.replace(placeholder, () => page.body);
const title = /<title>[\s\S]*?<\/title>/;
if (!title.test(html)) fail('no <title> in index.html to replace');
html = html.replace(/<meta (name="?(description|twitter:[a-z]+)"?|property="?og:[a-z_]+"?) [^>]*>\s*/g, '');
html = html.replace(title, () => page.head);
if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(page.lang)) fail(`bad language tag ${page.lang}`);
html = html.replace(/<html[^>]*>/, `<html lang="${page.lang}">`);
// The start-up script (scripts/startup.js), minified, runs in <head> before the first paint.
const startup = (await minify(readFileSync(join(ROOT, 'scripts', 'startup.js'), 'utf8'), { compress: true, mangle: true })).code;
if (!startup) fail('terser produced nothing for scripts/startup.js');
if (!html.includes('</head>')) fail('no </head> in index.html');
html = html.replace('</head>', () => `<script>${startup}</script></head>`);

// A chunked build: its data files into dist/chunks/, and the manifest
// preloaded, so that it downloads alongside the wasm (the app fetches it with
// the same mode: a CORS request without credentials).
if (build.chunked) {
  const from = join(build.out_dir, 'chunks');
  rmSync(join(dir, 'chunks'), { recursive: true, force: true });
  cpSync(from, join(dir, 'chunks'), { recursive: true });
  const manifest = readFileSync(join(build.out_dir, 'manifest_path.txt'), 'utf8').trim();
  if (!/^chunks\/manifest-[0-9a-f]{8}\.bin$/.test(manifest)) fail(`unexpected manifest path ${manifest}`);
  html = html.replace('</head>', () => `<link rel="preload" href="${manifest}" as="fetch" type="application/octet-stream" crossorigin></head>`);
}

// Trunk's SRI for a file it links (<link rel=modulepreload>, <link rel=preload>): recompute it.
const resri = (name, bytes) => {
  const sri = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const tag = html.match(new RegExp(`<link[^>]*${name.replaceAll('.', '\\.')}[^>]*>`))?.[0];
  if (tag && tag.includes('integrity=')) {
    html = html.replace(tag, tag.replace(/integrity="?[^" >]+"?/, `integrity="${sri}"`));
  }
};

// wasm-streams' unused exports and the custom sections out of the wasm, wasm-opt again (with
// index.html's parameters), and their classes out of the glue below (scripts/unused-exports.mjs).
let droppedExports = 0;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.wasm'))) {
  const path = join(dir, name);
  const { bytes, removed } = dropExports(readFileSync(path));
  if (removed.length === 0) continue;
  droppedExports += removed.length;
  const params = readFileSync(join(ROOT, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]*)"/)?.[1];
  if (!params) fail('no data-wasm-opt-params in index.html');
  const wasmOpt = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
  writeFileSync(path, bytes);
  try {
    execFileSync(wasmOpt, ['-Oz', ...params.split(/\s+/).filter(Boolean), path, '-o', path], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    fail(`wasm-opt (${wasmOpt}, npm's binaryen) failed: ${e.message}`);
  }
  const optimised = dropExports(readFileSync(path), UNUSED_EXPORT, { custom: true }).bytes;
  writeFileSync(path, optimised);
  resri(name, optimised);
}

for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const path = join(dir, name);
  let source = readFileSync(path, 'utf8');
  if (droppedExports > 0) {
    try {
      source = dropGlueClasses(source);
    } catch (e) {
      fail(e.message);
    }
  }
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  if (!code) {
    console.error(`postbuild: terser produced nothing for ${name}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  resri(name, code);
}

const hashes = [];
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
if (hashes.length === 0) {
  console.error('postbuild: found no inline loader script in index.html — has trunk changed its output?');
  process.exit(1);
}

const directives = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // The Embed dialog's live preview is an iframe of the page itself.
  "frame-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
];
const policy = directives.join('; ');
// frame-ancestors is header-only: the page is meant to be embedded anywhere.
const headerPolicy = `${policy}; frame-ancestors *`;

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
// `trunk serve` injects its live-reload script into the page after this hook
// runs; `./dev serve` sets COUNTERCLAIM_DEV_SERVE so that the <meta> policy,
// which cannot know that script's hash, is left out while developing.
const devServe = process.env.COUNTERCLAIM_DEV_SERVE === '1';
const charset = /<meta charset="?utf-8"?\s*\/?>/i;
if (!devServe && !charset.test(html)) {
  console.error('postbuild: no <meta charset=utf-8> in index.html to put the CSP after');
  process.exit(1);
}
if (!devServe) html = html.replace(charset, (m) => `${m}${meta}`);
writeFileSync(indexPath, html);
writeFileSync(join(dir, 'csp.txt'), headerPolicy + '\n');
writeFileSync(join(dir, '_headers'), [
  '/*',
  `  Content-Security-Policy: ${headerPolicy}`,
  '  X-Content-Type-Options: nosniff',
  '  Referrer-Policy: strict-origin-when-cross-origin',
  '  Access-Control-Allow-Origin: *',
  '',
].join('\n'));
console.log(`postbuild: static view of ${seeds}${build.chunked ? ', chunked data in chunks/' : ''}; CSP with ${hashes.length} inline script hash(es) written`);

// What build.rs left for this corpus (counterclaim-build.json in its OUT_DIR:
// the corpus folder, chunked or not, where page.json and chunks/ are). The
// newest one of this profile that names this corpus folder.
function buildInfo() {
  const target = process.env.CARGO_TARGET_DIR ? resolve(ROOT, process.env.CARGO_TARGET_DIR) : join(ROOT, 'target');
  const profiles = process.env.TRUNK_PROFILE ? [process.env.TRUNK_PROFILE] : ['release', 'debug'];
  const want = existsSync(seeds) ? realpathSync(seeds) : seeds;
  let best = null;
  for (const profile of profiles) {
    const builds = join(target, 'wasm32-unknown-unknown', profile, 'build');
    if (!existsSync(builds)) continue;
    for (const d of readdirSync(builds).filter((d) => d.startsWith('counterclaim-'))) {
      const file = join(builds, d, 'out', 'counterclaim-build.json');
      if (!existsSync(file)) continue;
      const info = JSON.parse(readFileSync(file, 'utf8'));
      const mtime = statSync(file).mtimeMs;
      if (info.seeds === want && (!best || mtime > best.mtime)) best = { ...info, mtime };
    }
  }
  if (!best) fail(`no build of ${want} under ${target}/wasm32-unknown-unknown (build.rs writes counterclaim-build.json): run trunk build`);
  return best;
}
