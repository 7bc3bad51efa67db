// First-paint benchmark (figures for the README, not pass/fail): serves
// dist/ on loopback with gzip, opens it in headless Chromium at 360 px, and
// measures, as the median of RUNS cold loads:
//   - FCP: first contentful paint;
//   - first event: the first `.event-card` laid out on screen (the static
//     opening view, or the app's timeline);
//   - app ready: the app has mounted (`[data-app-ready]`) — the filters
//     respond from then on;
//   - filter click: "Contested only" clicked once ready → the URL says so.
// Network: unthrottled, and throttled through the DevTools protocol to
// 400 kbit/s down and up with 400 ms latency (a phone on a poor connection).
// Usage: node scripts/bench-first-paint.mjs [DIST] [RUNS]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const DIST = resolve(process.argv[2] ?? 'dist');
const RUNS = Number(process.argv[3] ?? 3);
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

const server = createServer(async (req, res) => {
  try {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const body = await readFile(join(DIST, path));
    const headers = { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip' });
      res.end(gzipSync(body, { level: 6 }));
    } else {
      res.writeHead(200, headers);
      res.end(body);
    }
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

async function once(throttled) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttled) {
    const bps = (400 * 1000) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: bps, uploadThroughput: bps });
  }
  await page.addInitScript(() => {
    window.__marks = {};
    const poll = () => {
      const m = window.__marks;
      const card = document.querySelector('.event-card');
      if (!m.event && card && card.getBoundingClientRect().height > 0 && getComputedStyle(card).visibility !== 'hidden' && card.offsetParent) m.event = performance.now();
      if (!m.ready && document.querySelector('[data-app-ready]')) m.ready = performance.now();
      if (!(m.event && m.ready)) requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('[data-app-ready]', { timeout: 120000 });
  await page.waitForFunction(() => window.__marks.event && window.__marks.ready);
  const marks = await page.evaluate(() => ({
    ...window.__marks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  // The filters respond: open the drawer, click "Contested only", wait for the URL.
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('.drawer-toggle').click();
  await page.locator('#filter-contested').check();
  await page.waitForFunction(() => /contested=1/.test(location.search));
  marks.filter = (await page.evaluate(() => performance.now())) - t0;
  await context.close();
  return marks;
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const throttled of [false, true]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(throttled));
  const m = (k) => Math.round(median(runs.map((r) => r[k])));
  rows.push({ network: throttled ? '400 kbit/s, 400 ms' : 'loopback', fcp: m('fcp'), event: m('event'), ready: m('ready'), filter: m('filter') });
}
await browser.close();
server.close();
console.log(`dist: ${DIST}; 360 px; gzip; median of ${RUNS} cold loads (ms)`);
console.log('| network | first contentful paint | first event visible | app ready (filters respond) | "contested only" → URL |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.network} | ${r.fcp} | ${r.event} | ${r.ready} | ${r.filter} |`);
