// Scale benchmark (figures for the README, not pass/fail): builds the seed
// corpus and a large synthetic one, then reports side by side, for each build
// on this machine:
//   - initial transfer: gzip bytes of every response the page receives until
//     the app is ready (`[data-app-ready]`) and the network has then been
//     quiet for QUIET ms — html, js, wasm, css and any data file the app
//     fetches at start. Measured from the browser's network events (the
//     encoded body size of each response), not by summing dist/;
//   - first event: the first `.event-card` laid out (the static opening view
//     counts), ms after navigation start, median of the cold loads;
//   - filter → repaint: "Contested only" clicked → the second
//     requestAnimationFrame callback (the frame showing the change has been
//     painted), median of TOGGLES toggles in one page per build (as
//     bench-filter.mjs; the builds take turns, so that a burst of load on
//     the machine falls on all alike) after the first, which is reported apart (it runs code the engine has
//     not optimised yet, and a chunked build fetches the first cards of the
//     new results then);
//   - open event: click on the first event card's title link → the event
//     view's heading (`.event-view h2`) showing that title, laid out and
//     painted, including any fetch the app makes; median of the cold loads;
//   - build: wall time of `trunk build --release` for that corpus.
// Headless Debian Chromium at 1280 px, loopback server with gzip (-9, cached
// per file so compression time is not measured), every cold load in a fresh
// browser context (empty cache). The script assumes neither an embedded nor
// a chunked corpus: COUNTERCLAIM_CHUNKED, if set, is passed to the builds, and
// whatever the page fetches is counted.
//
// Usage: node scripts/bench-scale.mjs [--articles N[,N…]] [--runs R] [--skip-build]
//   --articles  synthetic corpus sizes (default 10000), written by
//               `counterclaim synth N target/synth<N>-corpus`
//   --runs      cold loads per build (default 5)
//   --toggles   filter toggles per build, after the first (default 25)
//   --skip-build  measure target/dist-scale-<name> as they are
// Builds go to target/dist-scale-seeds and target/dist-scale-synth<N>, their
// logs to target/bench-scale-<name>.log.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const QUIET = 500;
const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.bin': 'application/octet-stream', '.txt': 'text/plain; charset=utf-8', '.png': 'image/png',
  '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

function parseArgs(argv) {
  const opts = { articles: [10000], runs: 5, toggles: 25, skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--articles') opts.articles = value().split(',').map(Number);
    else if (flag === '--runs') opts.runs = Number(value());
    else if (flag === '--toggles') opts.toggles = Number(value());
    else if (flag === '--skip-build') opts.skipBuild = true;
    else throw new Error(`unknown argument ${argv[i]} (usage: node scripts/bench-scale.mjs [--articles N] [--runs R] [--toggles T] [--skip-build])`);
  }
  if (opts.articles.some((n) => !(Number.isInteger(n) && n > 0))) throw new Error('--articles wants positive whole numbers');
  if (!(Number.isInteger(opts.runs) && opts.runs > 0)) throw new Error('--runs wants a positive whole number');
  if (!(Number.isInteger(opts.toggles) && opts.toggles > 0)) throw new Error('--toggles wants a positive whole number');
  return opts;
}

// ---------------------------------------------------------------- corpora and builds

const cli = (...args) => execFileSync('cargo', ['run', '--release', '-q', '-p', 'counterclaim-cli', '--', ...args],
  { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 << 20 });

function corpora(articles) {
  const list = [{ name: 'seeds', seeds: null, dir: join(ROOT, 'seeds') }];
  for (const n of articles) list.push({ name: `synth${n}`, seeds: `target/synth${n}-corpus`, dir: join(ROOT, `target/synth${n}-corpus`), synth: n });
  return list.map((c) => ({ ...c, dist: join(ROOT, `target/dist-scale-${c.name}`) }));
}

/// Documents and events as the engine counts them (`counterclaim stats`).
function counts(dir) {
  const out = cli('stats', dir);
  const field = (key) => Number(out.match(new RegExp(`^${key}:\\s+(\\d+)`, 'm'))?.[1]);
  return { articles: field('documents'), events: field('events') };
}

/// `trunk build --release` into the corpus's dist; returns the wall time in s.
function build(c) {
  if (c.synth) cli('synth', String(c.synth), c.dir);
  const env = { ...process.env };
  if (c.seeds) env.COUNTERCLAIM_SEEDS = c.seeds;
  else delete env.COUNTERCLAIM_SEEDS;
  const log = join(ROOT, `target/bench-scale-${c.name}.log`);
  const fd = openSync(log, 'w');
  console.error(`building ${c.name} (log: ${log}) …`);
  const t0 = performance.now();
  const r = spawnSync('trunk', ['build', '--release', '--dist', c.dist], { cwd: ROOT, env, stdio: ['ignore', fd, fd] });
  const seconds = (performance.now() - t0) / 1000;
  closeSync(fd);
  if (r.status !== 0) {
    process.stderr.write(readFileSync(log, 'utf8').split('\n').slice(-30).join('\n'));
    throw new Error(`trunk build for ${c.name} failed (${r.error?.message ?? `exit ${r.status}`}); log: ${log}`);
  }
  return seconds;
}

// ---------------------------------------------------------------- server

/// Serves `root` (any sub-folder) on loopback, gzip -9 when accepted; the
/// compressed bodies are cached per file so that timings do not include it.
async function serve(root) {
  const cache = new Map();
  const body = (file) => {
    const mtime = statSync(file).mtimeMs;
    const hit = cache.get(file);
    if (hit?.mtime === mtime) return hit;
    const raw = readFileSync(file);
    const entry = { mtime, raw, gz: gzipSync(raw, { level: 9 }) };
    cache.set(file, entry);
    return entry;
  };
  const server = createServer((req, res) => {
    try {
      let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
      if (path.endsWith('/') || path.endsWith(sep)) path += 'index.html';
      const file = join(root, path);
      if (!file.startsWith(root + sep)) throw new Error('outside');
      const { raw, gz } = body(file);
      const headers = { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
      if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': gz.length });
        res.end(gz);
      } else {
        res.writeHead(200, { ...headers, 'Content-Length': raw.length });
        res.end(raw);
      }
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

// ---------------------------------------------------------------- measurements

/// Every request of `page`: its URL, when it started relative to ready, and
/// once finished the encoded (gzip) body size the browser received.
function watchNetwork(page) {
  const log = { requests: [], inflight: 0, lastActivity: Date.now(), ready: false };
  page.on('request', (request) => {
    log.inflight++;
    log.lastActivity = Date.now();
    log.requests.push({ request, url: request.url(), afterReady: log.ready, bytes: null });
  });
  const done = async (request, failed) => {
    const entry = log.requests.find((r) => r.request === request);
    if (entry) entry.bytes = failed ? 0 : (await request.sizes().catch(() => ({ responseBodySize: 0 }))).responseBodySize;
    log.inflight--;
    log.lastActivity = Date.now();
  };
  page.on('requestfinished', (r) => done(r, false));
  page.on('requestfailed', (r) => done(r, true));
  return log;
}

async function networkQuiet(log, timeoutMs = 60000) {
  const start = Date.now();
  while (log.inflight > 0 || Date.now() - log.lastActivity < QUIET) {
    if (Date.now() - start > timeoutMs) throw new Error(`network never quiet (${log.inflight} requests in flight)`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/// Records, in rAF callbacks from the first frame, when the first event card
/// is laid out and when the app is ready (ms since navigation start).
function markFirstEvent() {
  window.__marks = {};
  const poll = () => {
    const m = window.__marks;
    const card = document.querySelector('.event-card');
    if (!m.event && card && card.offsetParent && card.getBoundingClientRect().height > 0) m.event = performance.now();
    if (!m.ready && document.querySelector('[data-app-ready]')) m.ready = performance.now();
    if (!(m.event && m.ready)) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/// In the page: click the first event card's title link and resolve with the
/// ms until the event view's heading shows that title, laid out, and the
/// frame after it has run (it has been painted).
function openFirstEvent() {
  return new Promise((done, fail) => {
    const link = document.querySelector('.event-card .event-title a');
    if (!link) return fail(new Error('no .event-card .event-title a on the page'));
    const title = link.textContent.trim();
    const t0 = performance.now();
    link.click();
    const poll = () => {
      const h = document.querySelector('.event-view h2');
      if (h && h.textContent.trim() === title && h.getBoundingClientRect().height > 0) {
        requestAnimationFrame(() => done(performance.now() - t0));
      } else if (performance.now() - t0 > 60000) {
        fail(new Error(`event view of "${title}" not shown after 60 s`));
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

function toggleContested() {
  return new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('#filter-contested').click();
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
  });
}

const VIEWPORT = { viewport: { width: 1280, height: 900 } };

/// One cold load: first event, app ready, what was fetched, then open event.
async function coldLoad(browser, url) {
  const context = await browser.newContext(VIEWPORT);
  const page = await context.newPage();
  const net = watchNetwork(page);
  await page.addInitScript(markFirstEvent);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout: 120000 });
  net.ready = true;
  await page.waitForFunction(() => window.__marks.event && window.__marks.ready, null, { timeout: 60000 });
  await networkQuiet(net);
  const marks = await page.evaluate(() => window.__marks);
  const fetched = net.requests.map(({ url: u, afterReady, bytes }) => ({ path: u.replace(url, '/'), afterReady, bytes: bytes ?? 0 }));
  const before = net.requests.length;
  const open = await page.evaluate(openFirstEvent);
  await networkQuiet(net);
  const openFetched = net.requests.slice(before).map((r) => ({ path: r.url.replace(url, '/'), bytes: r.bytes ?? 0 }));
  await context.close();
  return { event: marks.event, ready: marks.ready, open, fetched, openFetched };
}

/// "Contested only" toggled in one page per build (as bench-filter.mjs),
/// the builds taking turns — once each, then `runs` rounds — so that a
/// burst of load on this shared machine falls on all of them alike. Per
/// build: the first toggle's time, the others', what they fetched.
async function filterToggles(browser, urls, runs) {
  const pages = [];
  for (const url of urls) {
    const context = await browser.newContext(VIEWPORT);
    const page = await context.newPage();
    const net = watchNetwork(page);
    await page.goto(url);
    await page.waitForSelector('[data-app-ready]', { state: 'attached', timeout: 120000 });
    await networkQuiet(net);
    pages.push({ url, context, page, net, before: net.requests.length, times: [] });
  }
  for (const p of pages) p.first = await p.page.evaluate(toggleContested);
  for (let i = 0; i < runs; i++) {
    for (const p of pages) p.times.push(await p.page.evaluate(toggleContested));
  }
  const out = [];
  for (const p of pages) {
    await networkQuiet(p.net);
    const requests = p.net.requests.slice(p.before).map((r) => ({ path: r.url.replace(p.url, '/'), bytes: r.bytes ?? 0 }));
    await p.context.close();
    out.push({ first: p.first, times: p.times, requests });
  }
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/// Cold loads of one build (served on loopback while measured).
async function measureLoads(browser, url, runs) {
  const loads = [];
  for (let i = 0; i < runs; i++) loads.push(await coldLoad(browser, url));
  const first = loads[0];
  const transfer = first.fetched.reduce((s, f) => s + f.bytes, 0);
  const spread = new Set(loads.map((l) => l.fetched.reduce((s, f) => s + f.bytes, 0))).size > 1;
  return {
    transfer, spread, fetched: first.fetched, openFetched: first.openFetched,
    event: median(loads.map((l) => l.event)), ready: median(loads.map((l) => l.ready)),
    open: median(loads.map((l) => l.open)),
  };
}

/// Every build's cold loads, then their filter toggles taking turns.
async function measure(browser, rows, opts) {
  for (const r of rows) {
    if (!existsSync(join(r.dist, 'index.html'))) throw new Error(`no build in ${r.dist} (run without --skip-build)`);
  }
  const served = await Promise.all(rows.map((r) => serve(r.dist)));
  try {
    for (const [i, r] of rows.entries()) {
      console.error(`measuring ${r.name} …`);
      Object.assign(r, await measureLoads(browser, served[i].url, opts.runs));
    }
    console.error(`toggling the filter in ${rows.map((r) => r.name).join(' and ')}, in turn …`);
    const toggles = await filterToggles(browser, served.map((x) => x.url), opts.toggles);
    for (const [i, r] of rows.entries()) {
      const t = toggles[i];
      Object.assign(r, {
        filter: median(t.times), filterFirst: t.first, filterRange: [Math.min(...t.times), Math.max(...t.times)],
        filterRequests: t.requests,
      });
    }
  } finally {
    for (const x of served) x.server.close();
  }
}

// ---------------------------------------------------------------- report

/// "a 2.1, b ×3 0.6": each path once, with its count and total KB.
function listFetched(files) {
  if (!files.length) return 'nothing';
  const byPath = new Map();
  for (const f of files) {
    const e = byPath.get(f.path) ?? { n: 0, bytes: 0, afterReady: false };
    byPath.set(f.path, { n: e.n + 1, bytes: e.bytes + f.bytes, afterReady: e.afterReady || Boolean(f.afterReady) });
  }
  return [...byPath].map(([path, e]) => `${path}${e.n > 1 ? ` ×${e.n}` : ''} ${kb(e.bytes)}${e.afterReady ? ' (after ready)' : ''}`).join(', ');
}

const int = (x) => Math.round(x).toLocaleString('en-US');
const kb = (bytes) => (bytes / 1000).toFixed(1);

function report(rows, opts) {
  const chunked = process.env.COUNTERCLAIM_CHUNKED;
  let commit = '?';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { /* not a repository */ }
  console.log(`commit ${commit}${chunked !== undefined ? `; COUNTERCLAIM_CHUNKED=${chunked}` : ''}; headless Chromium at 1280 px, loopback, gzip -9;`
    + ` medians of ${opts.runs} cold loads (first event, open event) and of ${opts.toggles} toggles after a first one, the builds in turn (filter)\n`);
  console.log('| corpus | articles | events | initial transfer KB | first event ms | filter→repaint ms | open event ms | build s |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const build = r.build === undefined ? '—' : r.build.toFixed(0);
    // Not `| seeds`: README's quality-table row begins so (crates/cli/tests/eval.rs finds it).
    console.log(`| ${r.name === 'seeds' ? 'seed corpus' : r.name} | ${int(r.articles)} | ${int(r.events)} | ${kb(r.transfer)} | ${int(r.event)} | ${int(r.filter)} | ${int(r.open)} | ${build} |`);
  }
  console.log('');
  for (const r of rows) {
    console.log(`- ${r.name}: app ready ${int(r.ready)} ms; filter toggles ${int(r.filterRange[0])}–${int(r.filterRange[1])} ms,`
      + ` the first ${int(r.filterFirst)} ms; fetched at start (KB gzip): ${listFetched(r.fetched)}`
      + `${r.spread ? ' (the total varied between loads)' : ''}; opening the event fetched ${listFetched(r.openFetched)};`
      + ` the filter toggles fetched ${listFetched(r.filterRequests)}`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const list = corpora(opts.articles);
  const rows = [];
  for (const c of list) {
    const built = opts.skipBuild ? undefined : build(c);
    rows.push({ ...c, ...counts(c.dir), build: built });
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    await measure(browser, rows, opts);
  } finally {
    await browser.close();
  }
  report(rows, opts);
}

main().catch((e) => {
  console.error(`bench-scale: ${e.message}`);
  process.exit(1);
});
