// Shared harness for the browser end-to-end tests: a small static server over
// dist/ on a free loopback port, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const DIST = process.env.COUNTERCLAIM_DIST ?? join(ROOT, 'dist');
export const ARTIFACTS = join(here, 'artifacts');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The strict policy the build derived (scripts/postbuild.mjs), as hosts must send it. */
export async function buildPolicy(root = DIST) {
  return (await readFile(join(root, 'csp.txt'), 'utf8')).trim();
}

/**
 * What a sandboxed embed needs (`<iframe sandbox="allow-scripts">`, no
 * allow-same-origin): its document has an opaque origin, so the module script
 * and the .wasm are cross-origin CORS fetches. README, "Hosting".
 */
export const CORS = { 'Access-Control-Allow-Origin': '*' };

/**
 * Serve `root` on 127.0.0.1 on a free port, sending the build's strict
 * Content-Security-Policy with every response (pass `csp: false` to omit it)
 * and `X-Content-Type-Options: nosniff` (so a wrong MIME type fails).
 * `headers` are added to every response. `prefix` mounts `root` under a
 * sub-path (`/news/explorer/`); everything else is 404. Resolves once the
 * server answers; `url` ends with the prefix.
 */
export async function startServer({ root = DIST, headers = {}, csp = true, prefix = '/' } = {}) {
  await stat(join(root, 'index.html')); // fail early and clearly when dist/ is missing
  headers = { 'X-Content-Type-Options': 'nosniff', ...headers };
  if (csp) headers = { 'Content-Security-Policy': await buildPolicy(root), ...headers };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(prefix)) throw Object.assign(new Error('outside prefix'), { code: 'ENOENT' });
      let path = normalize(decodeURIComponent(url.pathname.slice(prefix.length - 1))).replace(/^(\.\.[/\\])+/, '');
      if (path.endsWith('/')) path += 'index.html';
      const file = join(root, path);
      if (!file.startsWith(root)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === 'ENOENT' || e.code === 'EISDIR' ? 404 : 500, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((ok, fail) => server.listen(0, '127.0.0.1', ok).on('error', fail));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}${prefix}`;
  await answering(url);
  return { url, port, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

async function answering(url) {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A host site for embedding tests: serves `pages` (path → HTML string) on
 * another free port of 127.0.0.1 — a different origin from startServer's —
 * with no CSP. `url` is its root.
 */
export async function startHost(pages) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path === '/favicon.ico') { res.writeHead(204); res.end(); return; } // Chromium asks for it
    const html = pages[path];
    res.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise((ok, fail) => server.listen(0, '127.0.0.1', ok).on('error', fail));
  const url = `http://127.0.0.1:${server.address().port}/`;
  await answering(url + Object.keys(pages)[0].slice(1));
  return { url, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
  '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A new page that records console errors, page errors and failed requests in
 * `page.problems` (tests assert it stays empty).
 */
export async function newPage(browser, { width = 1280, height = 900, colorScheme = 'light', javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  // A request the test itself cut short by loading another document in the
  // page (goto, reload: e.g. the favicon of the previous load) is no
  // problem of the app; every other failed request is.
  let loads = 0;
  const loadOf = new WeakMap();
  for (const method of ['goto', 'reload']) {
    const original = page[method].bind(page);
    page[method] = (...args) => { loads += 1; return original(...args); };
  }
  page.on('request', (r) => loadOf.set(r, loads));
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText;
    if (error === 'net::ERR_ABORTED' && loadOf.get(r) !== loads) return;
    page.problems.push(`requestfailed: ${r.url()} ${error}`);
  });
  // Record CSP violations in the page and in its frames (init scripts run in
  // every frame and are not subject to the CSP).
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile ?? ''}:${e.lineNumber ?? ''}`));
  });
  return page;
}

/** CSP violations the page (or a frame: `page.frame…`) has reported so far. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? ['no CSP recorder']);
}

/** Wait until the app has mounted (the header is rendered by the WASM app). */
export async function waitForApp(page) {
  await page.waitForSelector('[data-app-ready]', { timeout: 15000 });
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
