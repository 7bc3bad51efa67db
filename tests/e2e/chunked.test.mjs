// Chunked build e2e: the 150 synthetic articles of target/synth150-corpus
// built twice by ./dev test — embedded (target/dist-synth150,
// COUNTERCLAIM_CHUNKED=0) and chunked (target/dist-chunked,
// COUNTERCLAIM_CHUNKED=1: a manifest fetched at start, chunks on demand) —
// and the chunked page checked against the embedded one: the same events,
// filters and facet counts, free-text search (its word index fetched when
// first typed), the event view and the reader (their chunks fetched when
// opened), back/forward, the Articles view, downloads byte-identical to the
// embedded build's, a sandboxed cross-origin embed, sub-path hosting, a chunk
// that fails (a message and Retry) and a manifest that fails (the start-up
// failure notice with the static list). Zero console errors, no CSP violation,
// axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startServer, startHost, launchBrowser, newPage, waitForApp, cspViolations, screenshot, CORS, ROOT } from './harness.mjs';
import { distWeight } from '../weight.mjs';

const CHUNKED = process.env.COUNTERCLAIM_CHUNKED_DIST ?? join(ROOT, 'target/dist-chunked');
const EMBEDDED = process.env.COUNTERCLAIM_SYNTH150_DIST ?? join(ROOT, 'target/dist-synth150');
const HOST_PAGE = readFileSync(join(ROOT, 'tests/e2e/hosts/frame-host.html'), 'utf8');
let chunked, embedded, host, browser;

before(async () => {
  for (const dist of [CHUNKED, EMBEDDED]) {
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error(`no build in ${dist}: ./dev test builds target/synth150-corpus embedded into target/dist-synth150 ` +
        'and chunked (COUNTERCLAIM_CHUNKED=1) into target/dist-chunked');
    }
  }
  chunked = await startServer({ root: CHUNKED, headers: CORS });
  embedded = await startServer({ root: EMBEDDED });
  host = await startHost({ '/frame-host.html': HOST_PAGE });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await chunked?.close();
  await embedded?.close();
});

const status = (page) => page.locator('.result-count').innerText();
const chunkRequests = (page) => page.requested.filter((u) => u.includes('/chunks/')).map((u) => u.replace(/.*\/chunks\//, '').replace(/\d*-[0-9a-f]{8}\.bin$/, ''));

async function open(page, server, query = '') {
  await page.goto(server.url + query);
  await waitForApp(page);
}

async function fresh(width = 1280) {
  const page = await newPage(browser, { width });
  page.requested = [];
  page.on('request', (r) => page.requested.push(r.url()));
  return page;
}

async function clean(page, where) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(axe.violations.map((x) => `${x.id}: ${x.nodes[0].target.join(' ')}`), [], `axe, ${where}`);
  assert.deepEqual(page.problems, [], `console, ${where}`);
  assert.deepEqual(await cspViolations(page), [], `CSP, ${where}`);
}

/** The status line and the facet counts, as the reader sees them. */
async function seen(page) {
  await page.locator('.event-card').first().waitFor();
  return {
    status: await status(page),
    cards: await page.locator('.event-card .event-title').allInnerTexts(),
    voices: await page.locator('.event-card .meta').allInnerTexts(),
    facets: await page.locator('.sidebar .facet-value, .sidebar label').allInnerTexts(),
  };
}

test('the build is chunked: a small shell, a manifest, content-hashed chunks; the embedded build has none', () => {
  const files = readdirSync(join(CHUNKED, 'chunks'));
  assert.equal(files.filter((f) => /^manifest-[0-9a-f]{8}\.bin$/.test(f)).length, 1, files.join(' '));
  for (const kind of ['cards0', 'events0', 'articles0', 'directory', 'words']) {
    assert.ok(files.some((f) => new RegExp(`^${kind}-[0-9a-f]{8}\\.bin$`).test(f)), `a ${kind} chunk`);
  }
  assert.ok(!existsSync(join(EMBEDDED, 'chunks')), 'the embedded build has no chunks/');
  const shell = distWeight(CHUNKED).rows.filter((r) => !r.file.startsWith('chunks/'));
  const embeddedWasm = distWeight(EMBEDDED).rows.find((r) => r.file.endsWith('.wasm'));
  const chunkedWasm = shell.find((r) => r.file.endsWith('.wasm'));
  assert.ok(chunkedWasm.gzip < embeddedWasm.gzip, `the chunked wasm (${chunkedWasm.gzip} B) carries no corpus (embedded: ${embeddedWasm.gzip} B)`);
  const total = shell.reduce((a, r) => a + r.gzip, 0);
  assert.ok(total <= 200 * 1024, `the app shell stays within 200 KB gzip: ${total} B`);
  const html = readFileSync(join(CHUNKED, 'index.html'), 'utf8');
  assert.match(html, /<link rel="?preload"? href="?chunks\/manifest-[0-9a-f]{8}\.bin"?[^>]*as="?fetch"?[^>]*crossorigin/, 'the manifest is preloaded');
});

test('the same timeline, counts and filters as the embedded build; at start only the manifest and the first cards are fetched', async () => {
  const a = await fresh();
  const b = await fresh();
  await open(a, chunked);
  await open(b, embedded);
  const opening = await seen(a);
  assert.ok(opening.facets.filter((f) => /\d/.test(f)).length > 10, `facet values with counts: ${opening.facets}`);
  assert.deepEqual(opening, await seen(b), 'opening view');
  const kinds = (page) => [...new Set(chunkRequests(page))].sort();
  assert.deepEqual(kinds(a), ['cards', 'manifest'], 'the manifest and the first cards: no claims, articles or words');
  assert.ok(chunkRequests(a).filter((k) => k === 'cards').length <= 2, 'the cards of the first page only');
  for (const page of [a, b]) await page.getByRole('checkbox', { name: /Contested/ }).first().check();
  await a.waitForURL(/contested=1/);
  await b.waitForURL(/contested=1/);
  assert.deepEqual(await seen(a), await seen(b), 'contested only');
  await clean(a, 'chunked timeline');
  await screenshot(a, 'chunked-timeline-1280');
  await a.context().close();
  await b.context().close();
});

test('free-text search fetches the word index once and finds what the embedded build finds', async () => {
  const a = await fresh();
  const b = await fresh();
  await open(a, chunked, '?q=killed');
  await open(b, embedded, '?q=killed');
  await a.waitForFunction(() => !/Searching/.test(document.querySelector('.result-count')?.textContent ?? ''));
  assert.deepEqual(await seen(a), await seen(b), 'search from the URL');
  assert.deepEqual([...new Set(chunkRequests(a))].sort(), ['cards', 'manifest', 'words'], 'the word index, once');
  assert.equal(chunkRequests(a).filter((k) => k === 'words').length, 1);
  assert.deepEqual(a.problems, []);
  await a.context().close();
  await b.context().close();
});

test('an event opens with its chunk; the reader opens with its article; back and forward work', async () => {
  const page = await fresh();
  await open(page, chunked);
  const first = page.locator('.event-card .event-title a').first();
  const title = await first.innerText();
  await first.click();
  await page.locator('[data-testid=event-view] h2', { hasText: title }).waitFor();
  assert.ok(chunkRequests(page).includes('events'), 'the event chunk was fetched');
  await page.locator('.account-column').first().waitFor();
  await clean(page, 'chunked event view');
  await screenshot(page, 'chunked-event-1280');
  const read = page.locator('.account-column a.read-link').first();
  await read.click();
  await page.locator('[data-testid=reader] mark.target').waitFor();
  assert.ok(chunkRequests(page).includes('articles'), 'the article chunk was fetched');
  await clean(page, 'chunked reader');
  await page.goBack();
  await page.locator('[data-testid=event-view] h2', { hasText: title }).waitFor();
  await page.goBack();
  await page.locator('.timeline .event-card').first().waitFor();
  await page.goForward();
  await page.locator('[data-testid=event-view] h2', { hasText: title }).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the Articles view lists what the embedded build lists', async () => {
  const a = await fresh();
  const b = await fresh();
  await open(a, chunked, '?view=articles&contested=1');
  await open(b, embedded, '?view=articles&contested=1');
  const list = async (p) => {
    await p.locator('[data-testid=article-list] li').first().waitFor();
    return { heading: await p.locator('#articles-h').innerText(), items: await p.locator('[data-testid=article-list] li').allInnerTexts() };
  };
  assert.deepEqual(await list(a), await list(b));
  assert.ok(chunkRequests(a).includes('directory'));
  await clean(a, 'chunked articles');
  await a.context().close();
  await b.context().close();
});

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return readFileSync(await file.path(), 'utf8');
}

test('downloads fetch the claims they need and equal the embedded build\'s files', async () => {
  const a = await fresh();
  const b = await fresh();
  await open(a, chunked, '?contested=1');
  await open(b, embedded, '?contested=1');
  const csv = await download(a, /Download CSV/);
  assert.equal(csv, await download(b, /Download CSV/), 'CSV');
  assert.ok(csv.split('\n').length > 20, 'rows with claims');
  const json = (text) => { const j = JSON.parse(text); delete j.generated; return j; };
  assert.deepEqual(json(await download(a, /Download JSON/)), json(await download(b, /Download JSON/)), 'JSON');
  assert.ok(chunkRequests(a).filter((k) => k === 'events').length >= 2, 'several event chunks fetched');
  assert.deepEqual(a.problems, []);
  await a.context().close();
  await b.context().close();
});

test('embedded in a sandboxed cross-origin iframe and hosted under a sub-path, the chunks load', async () => {
  const page = await fresh();
  const params = new URLSearchParams({ src: chunked.url + '?embed=1', sandbox: 'allow-scripts' });
  await page.goto(`${host.url}frame-host.html?${params}`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('[data-app-ready]', { timeout: 15000 });
  assert.equal(await frame.evaluate(() => window.origin), 'null', 'an opaque origin: every chunk is a CORS request');
  await frame.locator('.event-card .event-title a').first().click();
  await frame.locator('.account-column').first().waitFor();
  assert.deepEqual(await cspViolations(frame), []);
  assert.deepEqual(page.problems, []);
  await page.context().close();

  const sub = await startServer({ root: CHUNKED, prefix: '/news/war/explorer/' });
  try {
    const p = await fresh(360);
    await open(p, sub, '?view=articles');
    await p.locator('[data-testid=article-list] li a').first().click();
    await p.locator('[data-testid=reader] .article-text p').first().waitFor();
    assert.ok(p.requested.filter((u) => u.includes('/chunks/')).every((u) => u.includes('/news/war/explorer/chunks/')));
    await clean(p, 'sub-path reader at 360');
    await screenshot(p, 'chunked-reader-subpath-360');
    await p.context().close();
  } finally {
    await sub.close();
  }
});

test('a chunk that fails says so and Retry fetches it again; a manifest that fails shows the static list', async () => {
  const page = await fresh();
  await page.route('**/chunks/events*', (r) => r.fulfill({ status: 503, body: 'busy' }));
  await open(page, chunked);
  await page.locator('.event-card .event-title a').first().click();
  const failed = page.locator('[data-testid=load-failed]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /Could not load the event's accounts: chunks\/events\d+-[0-9a-f]{8}\.bin: HTTP 503/);
  await page.unroute('**/chunks/events*');
  await failed.getByRole('button', { name: 'Retry' }).click();
  await page.locator('.account-column').first().waitFor();
  // The two 503s were the test's doing (console errors and the failed fetch).
  assert.ok(page.problems.every((p) => /503|events\d+-[0-9a-f]{8}/.test(p)), page.problems.join('\n'));
  await page.context().close();

  const broken = await fresh();
  await broken.route('**/chunks/manifest-*', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await broken.goto(chunked.url);
  await broken.waitForSelector('html[data-boot=failed]', { timeout: 15000 });
  assert.ok(await broken.locator('.boot-failed').isVisible(), 'the failure notice');
  assert.ok(await broken.locator('#static-view .event-card').count() > 0, 'the static list stays');
  await broken.context().close();
});
