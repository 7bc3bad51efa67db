// Trunk post_build hook: derive the page's strict Content-Security-Policy.
//
// Trunk inlines one small module script that loads the wasm bundle. Rather
// than allowing 'unsafe-inline', we hash every inline <script> of the built
// index.html and write the resulting policy to:
//   - csp.txt   — the policy, one line (the e2e server sends it as a header);
//   - _headers  — the same as a Netlify/Cloudflare Pages headers file;
//   - a <meta http-equiv="Content-Security-Policy"> in index.html, so the page
//     is protected even where the host sends no header (frame-ancestors and
//     report directives only work as a header).
// Usage: node scripts/postbuild.mjs [DIR] (defaults to $TRUNK_STAGING_DIR).
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: no directory (pass one or run as a trunk hook)');
  process.exit(2);
}
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

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
  // The embed dialog previews the embedded view in an iframe of this page.
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
console.log(`postbuild: CSP with ${hashes.length} inline script hash(es) written`);
