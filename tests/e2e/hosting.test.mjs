// Hosting and sharing e2e: dist/ works under a sub-path (relative asset URLs,
// Trunk's public_url "./"); the sharing metadata is in the page; without
// JavaScript the build-time static view and its <noscript> continuation
// show every event with its sources.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, newPage, waitForApp, cspViolations, screenshot, DIST, ROOT } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('served under a sub-path, the explorer loads its assets and keeps the path when navigating', async () => {
  const server = await startServer({ prefix: '/news/2024/explorer/' });
  const page = await newPage(browser);
  try {
    assert.equal((await fetch(server.url.replace('/news/2024/explorer/', '/index.html'))).status, 404, 'nothing at the root');
    await page.goto(server.url + '?contested=1');
    await waitForApp(page);
    await page.locator('.event-card').first().waitFor();
    await page.locator('.event-card .event-title a').first().click();
    await page.locator('[data-testid=event-view]').waitFor();
    const url = new URL(page.url());
    assert.equal(url.pathname, '/news/2024/explorer/', 'in-app links keep the sub-path');
    assert.ok(url.searchParams.has('event'));
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.context().close();
    await server.close();
  }
});

test('index.html carries the sharing metadata, with no relative og:url or og:image', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // name/property → content of every <meta> (the minifier drops quotes where it can).
  const metas = {};
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const attrs = Object.fromEntries([...tag.matchAll(/([\w:-]+)=(?:"([^"]*)"|([^\s">]+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
    const key = attrs.name ?? attrs.property;
    if (key) metas[key] = attrs.content;
  }
  const meta = (_, key) => metas[key];
  assert.match(html.match(/<title>([^<]+)<\/title>/)?.[1] ?? '', /^Counterclaim/);
  assert.ok((meta('name', 'description') ?? '').length > 50, 'a description');
  assert.equal(meta('property', 'og:type'), 'website');
  assert.equal(meta('property', 'og:site_name'), 'Counterclaim');
  assert.match(meta('property', 'og:title') ?? '', /^Counterclaim/);
  assert.equal(meta('property', 'og:description'), meta('name', 'description'));
  assert.equal(meta('name', 'twitter:card'), 'summary');
  for (const abs of ['og:url', 'og:image']) {
    const v = meta('property', abs);
    if (v !== undefined) assert.match(v, /^https:\/\//, `${abs} must be an absolute URL`);
  }
});

test('without JavaScript, the page lists every event with its sources (static view + <noscript>)', async () => {
  const exported = JSON.parse(execFileSync('cargo', ['run', '-q', '-p', 'counterclaim-cli', '--', 'export', join(ROOT, 'seeds')],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 }));
  const server = await startServer();
  const page = await newPage(browser, { javaScriptEnabled: false, width: 360, height: 740 });
  try {
    await page.goto(server.url);
    // The first events in the app's markup (with their sources), the rest in <noscript>: each event once.
    const cards = page.locator('#static-view .event-card');
    const items = page.locator('noscript > ol > li');
    assert.equal(await cards.count() + await items.count(), exported.events.length, 'one entry per event');
    const text = await page.locator('#static-view').innerText();
    for (const e of exported.events) assert.ok(text.includes(e.title), `event ${e.title}`);
    const contested = await page.locator('#static-view .contested-badge').count() + await page.locator('noscript strong', { hasText: 'contested' }).count();
    assert.equal(contested, exported.events.filter((e) => e.contested).length, 'contested events are flagged');
    assert.equal(await page.locator('.static-sources').first().isVisible(), true, 'sources shown');
    assert.equal(await page.locator('.header-bar').isVisible(), false, 'no controls that need the app');
    assert.equal(await page.getByText('Loading the interactive explorer').isVisible(), false, 'no loading state');
    assert.match(text, /FAMa\/Wagner convoy approaches Anéfis/);
    assert.ok(text.includes('(France 24)'), 'outlets are named');
    for (const href of await page.locator('#static-view a[href^="http"], noscript a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.match(href, /^https?:\/\//);
    }
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'fits 360 px');
    await screenshot(page, 'noscript-360');
  } finally {
    await page.context().close();
    await server.close();
  }
});
