// Embedding e2e: a host page on another loopback origin (another port) embeds
// the explorer in a plain and in a sandboxed iframe (allow-scripts only: an
// opaque origin). It renders under the strict CSP; the host's iframe follows
// the content's height through the Datawrapper-style message (the host listens
// like the embed snippet does); the Pym and AMP messages have their exact
// shapes; Pym's width message is answered and every other message ignored;
// filter changes and opening an event in embed mode leave the host's history
// alone; "Open the full explorer" opens the same view, not embedded; the
// snippet from the Embed dialog, pasted into a page, works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, startHost, launchBrowser, newPage, waitForApp, cspViolations, screenshot, CORS, ROOT } from './harness.mjs';

const HOST_PAGE = readFileSync(join(ROOT, 'tests/e2e/hosts/frame-host.html'), 'utf8');
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

/** Opens the host page embedding `app.url + query`; resolves to the explorer's frame once the app is up. */
async function embed(page, query, { sandbox, id, appUrl = app.url } = {}) {
  const params = new URLSearchParams({ src: appUrl + query });
  if (sandbox !== undefined) params.set('sandbox', sandbox);
  if (id) params.set('id', id);
  await page.goto(`${host.url}frame-host.html?${params}`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  assert.ok(frame, 'the iframe has a frame');
  await frame.waitForSelector('[data-app-ready]', { timeout: 15000 });
  return frame;
}

const messages = (page) => page.evaluate(() => window.messages.filter((m) => m.fromFrame).map((m) => m.data));
const hostHeight = (page) => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);

/**
 * Waits until the host's iframe fits the frame's content — as tall as the
 * content (within a pixel or two), no scrollbar inside — and stays so for a
 * few polls; returns that height.
 */
async function settledHeight(page, frame) {
  let last = -1;
  let stable = 0;
  let state;
  for (let i = 0; i < 60; i++) {
    const outer = await hostHeight(page);
    const inner = await frame.evaluate(() => ({
      content: document.documentElement.getBoundingClientRect().height,
      scroll: document.documentElement.scrollHeight,
      view: window.innerHeight,
    }));
    state = { outer, ...inner };
    const fits = outer >= Math.floor(inner.content) && outer - inner.content <= 2 && inner.scroll <= inner.view + 1;
    stable = fits && outer === last ? stable + 1 : 0;
    if (stable >= 2) return outer;
    last = outer;
    await page.waitForTimeout(150);
  }
  assert.fail(`the host's iframe does not follow the content's height: ${JSON.stringify(state)}`);
}

/** Toggles "contested only" inside the frame (through the filter drawer when the filters are one, as they always are embedded). */
async function toggleContested(frame) {
  const box = frame.locator('#filter-contested');
  const drawer = !(await box.isVisible());
  if (drawer) await frame.locator('.drawer-toggle').click();
  const was = await box.isChecked();
  await box.setChecked(!was);
  await frame.waitForFunction((on) => /[?&]contested=1/.test(location.search) === on, !was);
  if (drawer) await frame.locator('.drawer-toggle').click(); // close it again: heights compare like with like
}

function assertInteger(px, what) {
  assert.ok(Number.isInteger(px) && px > 0, `${what} is a positive integer, got ${JSON.stringify(px)}`);
}

test('a plain cross-origin iframe shows the compact embed with no CSP violation or console error', async () => {
  const page = await newPage(browser);
  const frame = await embed(page, '?embed=1');
  assert.notEqual(new URL(frame.url()).origin, new URL(page.url()).origin, 'the host is another origin');
  const cards = page.frameLocator('iframe').locator('.event-card');
  await cards.first().waitFor();
  assert.ok(await cards.count() >= 2, 'the timeline is shown');
  assert.equal(await frame.evaluate(() => document.documentElement.hasAttribute('data-embed')), true, '<html data-embed>');
  // Compact: no tagline, no Embed/Copy link buttons, the filters in a drawer, "Open the full explorer" instead.
  assert.equal(await frame.locator('.tagline').isVisible(), false, 'compact header: no tagline');
  assert.equal(await frame.getByRole('button', { name: 'Copy link' }).isVisible(), false, 'no site chrome');
  assert.equal(await frame.locator('.drawer-toggle').isVisible(), true, 'filters in a drawer');
  assert.equal(await frame.locator('a.open-full').isVisible(), true, 'the full-explorer link');
  await settledHeight(page, frame);
  await screenshot(page, 'embed-host-1280');
  assert.deepEqual(await cspViolations(frame), [], 'no CSP violation in the frame');
  assert.deepEqual(await cspViolations(page), [], 'no CSP violation in the host');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the host page\'s iframe follows the content\'s height after filter changes (Datawrapper message)', async () => {
  const page = await newPage(browser);
  const frame = await embed(page, '?embed=1');
  const all = await settledHeight(page, frame);
  assert.notEqual(all, 300, 'the initial 300 px were replaced by the content height');

  await toggleContested(frame); // fewer events: shorter
  const contested = await settledHeight(page, frame);
  assert.ok(contested < all, `contested only is shorter: ${contested} < ${all}`);
  await toggleContested(frame); // back to every event
  assert.equal(await settledHeight(page, frame), all, 'and grows back');

  // Every height message is the Datawrapper object with the default id and whole pixels.
  const dw = (await messages(page)).filter((m) => m && typeof m === 'object' && 'datawrapper-height' in m);
  assert.ok(dw.length >= 3, `a message per height change, got ${dw.length}`);
  for (const m of dw) {
    assert.deepEqual(Object.keys(m), ['datawrapper-height']);
    assert.deepEqual(Object.keys(m['datawrapper-height']), ['counterclaim']);
    assertInteger(m['datawrapper-height'].counterclaim, 'the Datawrapper height');
  }
  assert.equal(dw.at(-1)['datawrapper-height'].counterclaim, all, 'the last message is the current height');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('AMP embed-size messages have AMP\'s shape; without childId there is no Pym message', async () => {
  const page = await newPage(browser);
  const frame = await embed(page, '?embed=1');
  const height = await settledHeight(page, frame);
  const all = await messages(page);
  const amp = all.filter((m) => m && typeof m === 'object' && m.sentinel === 'amp');
  assert.ok(amp.length >= 1, 'an AMP message');
  for (const m of amp) {
    assert.deepEqual(Object.keys(m).sort(), ['height', 'sentinel', 'type']);
    assert.equal(m.type, 'embed-size');
    assertInteger(m.height, 'the AMP height');
  }
  assert.equal(amp.at(-1).height, height);
  assert.deepEqual(all.filter((m) => typeof m === 'string'), [], 'no string (Pym) message without a childId');
  await page.context().close();
});

test('Pym: height messages in Pym\'s exact format for the childId; the width message is answered, others ignored', async () => {
  const page = await newPage(browser);
  const frame = await embed(page, '?embed=1&childId=story-7', { id: 'story-7' });
  const height = await settledHeight(page, frame);
  const pym = /^pymxPYMxstory-7xPYMxheightxPYMx(\d+)$/;
  const strings = (await messages(page)).filter((m) => typeof m === 'string');
  assert.ok(strings.length >= 1, 'a Pym message');
  for (const m of strings) assert.match(m, pym);
  assert.equal(Number(strings.at(-1).match(pym)[1]), height, 'the last Pym height is the current height');
  const dw = (await messages(page)).filter((m) => m?.['datawrapper-height']);
  assert.deepEqual(Object.keys(dw.at(-1)['datawrapper-height']), ['story-7'], 'Datawrapper uses the childId too');

  // Messages that are not Pym's width message for this child change nothing.
  await page.evaluate(() => { window.messages.length = 0; });
  await page.evaluate(() => {
    const w = document.querySelector('iframe').contentWindow;
    for (const m of [
      'pymxPYMxother-childxPYMxwidthxPYMx600',
      'pymxPYMxstory-7xPYMxheightxPYMx10',
      'pymxPYMxstory-7xPYMxnavigateToxPYMxjavascript:alert(1)',
      'pymxPYMxstory-7xPYMxwidthxPYMx',
      'hello',
      { 'datawrapper-height': { 'story-7': 10 } },
      { sentinel: 'amp', type: 'embed-size', height: 10 },
      { sentinel: 'amp', type: 'embed-ready' },
      null,
    ]) w.postMessage(m, '*');
  });
  await page.waitForTimeout(600);
  assert.deepEqual(await messages(page), [], 'no reply to other messages');
  assert.equal(await hostHeight(page), height, 'and no size change');

  // Pym's width message (the parent sends it on load and on resize) gets the height back at once.
  await page.evaluate(() => {
    const f = document.querySelector('iframe');
    f.contentWindow.postMessage(`pymxPYMxstory-7xPYMxwidthxPYMx${f.offsetWidth}`, '*');
  });
  await page.waitForFunction(() => window.messages.some((m) => typeof m.data === 'string'), null, { timeout: 2000 });
  const reply = (await messages(page)).filter((m) => typeof m === 'string');
  assert.deepEqual(reply, [`pymxPYMxstory-7xPYMxheightxPYMx${height}`]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a sandboxed iframe (allow-scripts, opaque origin) renders and resizes under the strict CSP', async () => {
  const page = await newPage(browser);
  const frame = await embed(page, '?embed=1', { sandbox: 'allow-scripts' });
  assert.equal(await frame.evaluate(() => window.origin), 'null', 'the frame has an opaque origin');
  const cards = page.frameLocator('iframe').locator('.event-card');
  await cards.first().waitFor();
  assert.ok(await cards.count() >= 2, 'the timeline is shown');
  // The stylesheets applied (no SRI block without CORS): the page background is not transparent.
  assert.notEqual(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgba(0, 0, 0, 0)');
  const all = await settledHeight(page, frame);
  await toggleContested(frame);
  assert.ok(await settledHeight(page, frame) < all, 'follows a filter change');
  assert.ok((await page.evaluate(() => window.messages)).every((m) => m.origin === 'null'), 'messages come from the opaque origin');
  await screenshot(page, 'embed-sandboxed-1280');
  assert.deepEqual(await cspViolations(frame), [], 'no CSP violation in the sandboxed frame (\'self\' still matches)');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without Access-Control-Allow-Origin a sandboxed embed cannot load the app (README, "Hosting")', async () => {
  const bare = await startServer(); // no CORS header
  const page = await newPage(browser);
  try {
    const params = new URLSearchParams({ src: bare.url + '?embed=1', sandbox: 'allow-scripts' });
    await page.goto(`${host.url}frame-host.html?${params}`);
    await page.waitForTimeout(2500);
    const frame = await (await page.$('iframe')).contentFrame();
    assert.equal(await frame.locator('[data-app-ready]').count(), 0, 'the app did not start');
    assert.ok(page.problems.some((p) => /CORS|Access-Control-Allow-Origin/.test(p)), page.problems.join('\n'));
  } finally {
    await page.context().close();
    await bare.close();
  }
});

test('in embed mode, filter changes and opening an event leave the host\'s history alone', async () => {
  const page = await newPage(browser);
  const frame = await embed(page, '?embed=1&childId=h1', { id: 'h1' });
  const before = await page.evaluate(() => history.length);
  await toggleContested(frame);
  await toggleContested(frame);
  await toggleContested(frame);
  await frame.locator('.event-card .event-title a').first().click();
  await frame.locator('[data-testid=event-view]').waitFor();
  const tab = frame.locator('.site-header a.tab', { hasText: 'Articles' });
  if (await tab.count()) await tab.click();
  assert.equal(await page.evaluate(() => history.length), before, 'history.length unchanged');
  const search = new URLSearchParams(await frame.evaluate(() => location.search));
  assert.equal(search.get('embed'), '1', 'embed=1 sticks to every view');
  assert.equal(search.get('childId'), 'h1', 'and so does childId');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"Open the full explorer" opens the same view, not embedded, in a new tab', async () => {
  const page = await newPage(browser);
  const frame = await embed(page, '?contested=1&embed=1&childId=x1', { id: 'x1' });
  const link = frame.locator('a.open-full');
  assert.equal(await link.count(), 1);
  assert.match(await link.innerText(), /^Open the full explorer/);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.ok((await link.getAttribute('rel') ?? '').split(/\s+/).includes('noopener'), 'rel has noopener');
  const check = (href) => {
    const u = new URL(href); // throws unless absolute
    assert.equal(u.origin + u.pathname, app.url, `absolute URL of the explorer: ${href}`);
    assert.equal(u.searchParams.get('contested'), '1', 'same view');
    assert.equal(u.searchParams.has('embed'), false, 'not embedded');
    assert.equal(u.searchParams.has('childId'), false, 'no childId');
  };
  check(await link.getAttribute('href'));
  // It follows the view.
  await frame.locator('.event-card .event-title a').first().click();
  await frame.locator('[data-testid=event-view]').waitFor();
  const href = await link.getAttribute('href');
  check(href);
  assert.ok(new URL(href).searchParams.has('event'), 'with the open event');

  const [popup] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await waitForApp(popup);
  assert.equal(popup.url(), href);
  assert.equal(await popup.evaluate(() => document.documentElement.hasAttribute('data-embed')), false);
  assert.equal(await popup.locator('.tagline').isVisible(), true, 'the full header');
  assert.equal(await popup.locator('a.open-full').isVisible(), false);
  assert.equal(await popup.evaluate(() => window.opener), null, 'no opener');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the full page is not in embed mode', async () => {
  const page = await newPage(browser);
  await page.goto(app.url + '?contested=1');
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-embed')), false);
  assert.equal(await page.locator('.tagline').isVisible(), true);
  assert.equal(await page.locator('a.open-full').isVisible(), false);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the Embed dialog\'s snippet, pasted into a page on another origin, embeds and sizes the view', async () => {
  const page = await newPage(browser);
  await page.goto(app.url + '?contested=1');
  await waitForApp(page);
  await page.locator('.site-header').getByRole('button', { name: 'Embed', exact: true }).click();
  const code = page.locator('textarea#embed-code');
  await code.waitFor();
  assert.equal(await code.getAttribute('readonly'), '', 'the code is read-only');
  const snippet = await code.inputValue();
  assert.match(snippet, /^<iframe [^>]*src="[^"]*contested=1[^"]*embed=1/, 'an iframe of this view, embedded');
  for (const part of ['title="', 'width:100%', 'loading="lazy"', 'e.source === ', 'datawrapper-height']) {
    assert.ok(snippet.includes(part), `the snippet has ${part}`);
  }
  assert.equal(await page.getByRole('button', { name: /^Copy/ }).count() >= 1, true, 'a Copy button');
  // The live preview shows the same view in embed mode.
  const preview = page.locator('iframe.embed-preview');
  await preview.waitFor();
  const src = new URL(await preview.getAttribute('src'), app.url);
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('contested'), '1');
  await page.frameLocator('iframe.embed-preview').locator('.event-card').first().waitFor();
  assert.deepEqual(await cspViolations(page), [], 'the preview frame is allowed by the page\'s CSP');
  assert.deepEqual(page.problems, []);
  await page.context().close();

  // Paste it into a newsroom page served from another origin.
  const newsroom = await startHost({ '/article.html': `<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>Article</title><p>Before.</p>\n${snippet}\n<p>After.</p></html>` });
  const host = await newPage(browser);
  try {
    await host.goto(newsroom.url + 'article.html');
    const frame = await (await host.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('[data-app-ready]', { timeout: 15000 });
    await host.frameLocator('iframe').locator('.event-card').first().waitFor();
    const contested = await settledHeight(host, frame);
    await toggleContested(frame);
    assert.ok(await settledHeight(host, frame) > contested, 'the snippet\'s listener resizes the iframe');
    assert.deepEqual(host.problems, []);
  } finally {
    await host.context().close();
    await newsroom.close();
  }
});
