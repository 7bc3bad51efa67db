// Filter → repaint benchmark (figures, not pass/fail): serves DIST on
// loopback, opens it in headless Chromium at 1280 px, waits for the app, then
// toggles "Contested only" RUNS times and reports the median time from the
// click to the next painted frame (performance.now() around the click, then
// two requestAnimationFrame callbacks: the second runs after the frame that
// shows the change). Also reports how many event cards are in the DOM.
// Usage: node scripts/bench-filter.mjs [DIST] [RUNS]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const DIST = resolve(process.argv[2] ?? 'dist');
const RUNS = Number(process.argv[3] ?? 9);
const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };

const server = createServer(async (req, res) => {
  try {
    let path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const body = await readFile(join(DIST, path));
    res.writeHead(200, { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('[data-app-ready]', { timeout: 120000 });
const times = [];
for (let i = 0; i < RUNS; i++) {
  times.push(await page.evaluate(() => new Promise((done) => {
    const t0 = performance.now();
    document.querySelector('#filter-contested').click();
    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
  })));
}
const cards = await page.locator('.event-card').count();
await browser.close();
server.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(`dist: ${DIST}; "contested only" click → next paint, median of ${RUNS}: ${Math.round(sorted[RUNS >> 1])} ms (min ${Math.round(sorted[0])}, max ${Math.round(sorted[RUNS - 1])}); ${cards} event cards in the DOM`);
