// Static first: the page shows the build-time opening view (header and first
// events, crates/extract/src/opening.rs) before the WebAssembly app has
// arrived, with a visible, announced loading state (scripts/startup.js); a
// URL naming an event or a filter shows the header and the loading state,
// never the default list; the app takes the view over without moving it
// (same boxes, layout shift ≤ 0.1); when the wasm cannot be fetched the
// static list stays with a readable notice and the reason in the console;
// embedded, the host frame gets its height from the static view (the Pym.js,
// Datawrapper and AMP messages of scripts/startup.js), also sandboxed and
// cross-origin; under a sub-path too. axe-clean in every state, light and
// dark, 1280 and 360 px. Zero CSP violations throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startServer, startHost, launchBrowser, newPage, waitForApp, cspViolations, screenshot, CORS, ROOT, DIST } from './harness.mjs';

const HOST_PAGE = readFileSync(join(ROOT, 'tests/e2e/hosts/frame-host.html'), 'utf8');
const NOTICE = 'The interactive explorer could not start here.';
const REASON = /Counterclaim: the interactive explorer could not start/;
let app, host, browser;

before(async () => {
  app = await startServer({ headers: CORS });
  host = await startHost({ '/frame-host.html': HOST_PAGE });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

/** Aborts every request for the wasm bundle (a proxy or an extension blocking it). */
const blockWasm = (ctxOrPage) => ctxOrPage.route(/\.wasm(\?|$)/, (r) => r.abort('blockedbyclient'));

/** Holds the wasm until `release()` is called: the loading state stays on screen meanwhile. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm(\?|$)/, async (r) => { await held; await r.continue(); });
  return () => release();
}

/** The expected problems of a blocked start (the failed request, the notice's console line). */
const unexpected = (problems) => problems.filter((p) => !/\.wasm|ERR_BLOCKED_BY_CLIENT/.test(p) && !REASON.test(p) && !/^pageerror: .*(fetch|WebAssembly|wasm)/i.test(p));

async function axe(page, what) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = results.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], what);
}

const boxOf = (page, selector) => page.locator(selector).first().evaluate((el) => {
  const r = el.getBoundingClientRect();
  return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height), text: el.textContent.trim() };
});

test('while the wasm loads: the first events, the header and an announced loading state; controls not yet available', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      const page = await newPage(browser, { width, height: width === 360 ? 800 : 900, colorScheme: scheme });
      const release = await holdWasm(page);
      await page.goto(app.url);
      await page.locator('#static-view .event-card').first().waitFor();
      assert.equal(await page.locator('#static-view .event-card').count(), 4, 'the first screenful of events');
      assert.equal(await page.locator('[data-app-ready]').count(), 0, 'the app has not started');
      const status = page.getByRole('status').filter({ hasText: 'Loading the interactive explorer…' });
      assert.equal(await status.isVisible(), true, 'the loading state is visible and a status');
      assert.equal(await page.locator('html').getAttribute('data-boot'), 'list');
      assert.ok((await page.locator('#static-view .tagline').innerText()).length > 20, 'the corpus description');
      for (const name of ['Download CSV', 'Download JSON']) {
        assert.equal(await page.getByRole('button', { name }).isDisabled(), true, `${name} not yet available`);
      }
      if (width === 1280) {
        assert.equal(await page.getByRole('button', { name: 'Embed' }).isDisabled(), true);
        assert.equal(await page.getByRole('button', { name: 'Copy link' }).isDisabled(), true);
      } else {
        assert.equal(await page.locator('.drawer-toggle').isDisabled(), true, 'the filter drawer is not yet available');
      }
      assert.equal(await page.locator('.static-sources').first().isVisible(), false, 'sources only without the app');
      await axe(page, `loading state ${scheme} ${width}px`);
      await screenshot(page, `static-loading-${width}-${scheme}`);
      release();
      await waitForApp(page);
      assert.equal(await page.locator('#static-view').count(), 0, 'the app removed the static view');
      assert.equal(await page.locator('html').getAttribute('data-boot'), null);
      assert.deepEqual(page.problems, []);
      assert.deepEqual(await cspViolations(page), []);
      await page.context().close();
    }
  }
});

test('the app takes the static view over without moving it (same boxes, CLS ≤ 0.1)', async () => {
  for (const width of [1280, 360]) {
    const page = await newPage(browser, { width, height: width === 360 ? 800 : 900 });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    const release = await holdWasm(page);
    await page.goto(app.url);
    await page.locator('#static-view .event-card').first().waitFor();
    const selectors = ['.event-card:nth-child(1) .event-title a', '.month h3', '.tagline', '.result-count', '.figures'];
    const before = {};
    for (const s of selectors) before[s] = await boxOf(page, `#static-view ${s}`);
    release();
    await waitForApp(page);
    for (const s of selectors) {
      const afterBox = await boxOf(page, s);
      for (const k of ['x', 'y', 'w']) {
        assert.ok(Math.abs(afterBox[k] - before[s][k]) <= 2, `${s} ${k} at ${width}px: ${JSON.stringify(before[s])} → ${JSON.stringify(afterBox)}`);
      }
      if (s !== '.result-count') assert.equal(afterBox.text, before[s].text, `${s} says the same`);
    }
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls <= 0.1, `cumulative layout shift ${cls} at ${width}px`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a URL naming an event or a filter shows the header and the loading state, never the default list', async () => {
  for (const query of ['?event=anything', '?contested=1', '?view=map']) {
    const page = await newPage(browser, { width: 360, height: 800 });
    const release = await holdWasm(page);
    await page.goto(app.url + query);
    await page.locator('#static-view .site-header').waitFor();
    assert.equal(await page.locator('html').getAttribute('data-boot'), 'view', query);
    assert.equal(await page.locator('#static-view .static-list').isVisible(), false, `no default list for ${query}`);
    assert.equal(await page.locator('#static-view .event-card').first().isVisible(), false);
    assert.equal(await page.getByText('Loading the interactive explorer…').isVisible(), true);
    await axe(page, `loading a named view ${query}`);
    if (query === '?contested=1') await screenshot(page, 'static-loading-view-360');
    release();
    await waitForApp(page);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('wasm blocked: the static list stays with a notice, the reason goes to the console', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 360]) {
      for (const query of ['', '?contested=1']) {
        const page = await newPage(browser, { width, height: width === 360 ? 800 : 900, colorScheme: scheme });
        await blockWasm(page);
        await page.goto(app.url + query);
        const notice = page.getByRole('alert');
        await notice.waitFor();
        assert.match(await notice.innerText(), new RegExp(NOTICE));
        assert.match(await notice.innerText(), /You can still read the list of events below/);
        assert.equal(await page.locator('.boot-embedded').isVisible(), false, 'no "new tab" link outside an embed');
        assert.equal(await page.locator('html').getAttribute('data-boot'), 'failed');
        assert.equal(await page.locator('#static-view .event-card').count(), 4);
        assert.equal(await page.locator('#static-view .event-card').first().isVisible(), true, `the list is shown (${query || 'default'})`);
        assert.equal(await page.locator('.static-sources').first().isVisible(), true, 'with the sources');
        const total = Number((await page.locator('#static-view .figures').innerText()).match(/(\d+) events/)[1]);
        assert.equal(await page.locator('#static-view .plain-list > li').count(), Math.min(total, 200) - 4, 'and the rest of the list');
        assert.equal(await page.locator('.boot-more').isVisible(), false);
        assert.equal(await page.getByText('Loading the interactive explorer…').isVisible(), false, 'no longer loading');
        assert.ok(page.problems.some((p) => REASON.test(p)), `the reason in the console: ${page.problems}`);
        assert.deepEqual(unexpected(page.problems), []);
        assert.deepEqual(await cspViolations(page), []);
        if (query === '') {
          await axe(page, `failure notice ${scheme} ${width}px`);
          await screenshot(page, `static-failed-${width}-${scheme}`);
        }
        await page.context().close();
      }
    }
  }
});

test('a start-up error (the wasm is not WebAssembly) shows the notice too', async () => {
  const page = await newPage(browser, { width: 1280, height: 900 });
  await page.route(/\.wasm(\?|$)/, (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: 'not wasm', headers: CORS }));
  await page.goto(app.url);
  await page.getByRole('alert').waitFor();
  assert.ok(page.problems.some((p) => REASON.test(p)), page.problems.join('\n'));
  assert.equal(await page.locator('#static-view .event-card').first().isVisible(), true);
  await page.context().close();
});

/** Opens the test host page embedding `query`, optionally sandboxed; returns the frame. */
async function embed(page, query, { sandbox, appUrl = app.url } = {}) {
  const params = new URLSearchParams({ src: appUrl + query });
  if (sandbox !== undefined) params.set('sandbox', sandbox);
  await page.goto(`${host.url}frame-host.html?${params}`);
  return (await page.waitForSelector('iframe')).contentFrame();
}
const messages = (page) => page.evaluate(() => window.messages.filter((m) => m.fromFrame).map((m) => m.data));
/** The shape of a message: its text with digits as N, or its JSON with numbers as N. */
const shape = (m) => (typeof m === 'string' ? m : JSON.stringify(m)).replace(/\d+/g, 'N');

test('embedded with the wasm blocked: the host frame gets its height from the static view, in the app\'s message shapes', async () => {
  const query = '?embed=1&childId=counterclaim';
  for (const sandbox of [undefined, 'allow-scripts']) {
    // The app's messages, for comparison.
    const live = await newPage(browser, { width: 800, height: 700 });
    const liveFrame = await embed(live, query, { sandbox });
    await liveFrame.waitForSelector('[data-app-ready]', { timeout: 15000 });
    await live.waitForFunction(() => window.messages.some((m) => m.fromFrame));
    const appShapes = new Set((await messages(live)).map(shape));
    await live.context().close();

    const page = await newPage(browser, { width: 800, height: 700 });
    await blockWasm(page.context());
    const frame = await embed(page, query, { sandbox });
    await frame.getByRole('alert').waitFor();
    await page.waitForFunction(() => window.messages.some((m) => m.fromFrame && m.data && m.data['datawrapper-height']));
    const got = await messages(page);
    const staticShapes = new Set(got.map(shape));
    assert.deepEqual([...staticShapes].sort(), [...appShapes].sort(), `same message shapes (${sandbox ?? 'plain'})`);
    assert.ok(staticShapes.has('pymxPYMxcounterclaimxPYMxheightxPYMxN'), [...staticShapes].join(' '));
    assert.ok(staticShapes.has('{"sentinel":"amp","type":"embed-size","height":N}'));
    // The host's frame follows the static content's height (no app involved).
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe');
      const d = window.messages.filter((m) => m.fromFrame && m.data['datawrapper-height']).pop();
      return d && Math.abs(f.getBoundingClientRect().height - d.data['datawrapper-height'].counterclaim) < 1;
    });
    const frameHeight = await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
    const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    assert.ok(frameHeight > 300 && Math.abs(frameHeight - content) <= 2, `frame ${frameHeight} px for content ${content} px`);
    // Embedded, the notice offers the full page in a new tab, without the embed parameters.
    const link = frame.getByRole('link', { name: 'Open the full page in a new tab' });
    assert.equal(await link.isVisible(), true);
    assert.equal(await link.getAttribute('href'), '?');
    assert.equal(await frame.locator('html').getAttribute('data-embed'), '', 'the compact header from the first paint');
    // In-page links keep the embed parameters.
    const eventHref = await frame.locator('#static-view .event-title a').first().getAttribute('href');
    assert.match(eventHref, /^\?event=[^&]+&embed=1&childId=counterclaim$/);
    if (!sandbox) await screenshot(page, 'static-failed-embedded');
    assert.deepEqual(await cspViolations(page.frames()[1] ?? page), []);
    await page.context().close();
  }
});

test('embedded, the host frame is sized before the app starts', async () => {
  const page = await newPage(browser, { width: 800, height: 700 });
  let release;
  const held = new Promise((r) => { release = r; });
  await page.context().route(/\.wasm(\?|$)/, async (r) => { await held; await r.continue(); });
  const frame = await embed(page, '?embed=1&childId=counterclaim', { sandbox: 'allow-scripts' });
  await frame.locator('#static-view .event-card').first().waitFor();
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
  assert.equal(await frame.locator('[data-app-ready]').count(), 0, 'before the app');
  release();
  await frame.waitForSelector('[data-app-ready]', { timeout: 15000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('under a sub-path: the static view, then the app; blocked, the notice', async () => {
  const sub = await startServer({ prefix: '/news/2024/explorer/' });
  try {
    const page = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(sub.url);
    await waitForApp(page);
    assert.deepEqual(page.problems, []);
    await page.context().close();
    const blocked = await newPage(browser, { width: 1280, height: 900 });
    await blockWasm(blocked);
    await blocked.goto(sub.url + '?contested=1');
    await blocked.getByRole('alert').waitFor();
    assert.equal(await blocked.locator('#static-view .event-card').first().isVisible(), true);
    assert.deepEqual(unexpected(blocked.problems), []);
    assert.deepEqual(await cspViolations(blocked), []);
    await blocked.context().close();
  } finally {
    await sub.close();
  }
});

test('the head and the static view come from the corpus settings; the page names no conflict in its code', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const settings = readFileSync(join(ROOT, 'seeds', 'corpus.toml'), 'utf8');
  const title = settings.match(/^title = "(.*)"$/m)[1];
  assert.match(html, /<html lang="?en"?>/);
  assert.ok(html.includes(`<title>Counterclaim — ${title}</title>`), 'the <title> from corpus.toml');
  const source = readFileSync(join(ROOT, 'index.html'), 'utf8');
  assert.ok(!/mali/i.test(source), 'index.html names no conflict');
});
