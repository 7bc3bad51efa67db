// Hostile content e2e: the corpus tests/fixtures/hostile (built by ./dev test
// into target/dist-hostile, or $COUNTERCLAIM_HOSTILE_DIST) has <script>, <img
// onerror>, <svg onload>, javascript: URLs, HTML entities and a 20,000-character
// line in its text and front matter (title, outlet, and a url with quotes and
// markup). In every view: no script runs (no dialog, the flag an injected
// script would set stays unset, no CSP violation), no element carries an
// event-handler attribute, every link is http(s) or the app's own, the markup
// and entities show as typed text, and the long line does not widen the page
// at 360 px. The build-time static view is escaped too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, newPage, waitForApp, cspViolations, screenshot, ROOT } from './harness.mjs';

const DIST = process.env.COUNTERCLAIM_HOSTILE_DIST ?? join(ROOT, 'target/dist-hostile');
let server, browser;

before(async () => {
  try {
    server = await startServer({ root: DIST });
  } catch (e) {
    throw new Error(`no hostile-corpus build in ${DIST} (./dev test builds it: ` +
      `COUNTERCLAIM_SEEDS=tests/fixtures/hostile trunk build --release --dist target/dist-hostile): ${e.message}`);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records dialogs (alert, confirm, prompt) besides the harness's problems. */
async function hostilePage(opts) {
  const page = await newPage(browser, opts);
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return page;
}

/** Everything that would show that markup from the corpus became live. */
async function assertInert(page, where) {
  await page.waitForTimeout(300); // give an injected handler (img onerror, svg onload) time to fire
  const found = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: window.__pwned,
      handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `<${el.localName} ${a.name}>`)),
      jsLinks: [...document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]')].map((a) => a.outerHTML.slice(0, 80)),
      badHrefs: [...document.querySelectorAll('a[href]')]
        .map((a) => a.href)
        .filter((h) => !/^https?:$/.test(new URL(h).protocol)),
      // The app's one iframe is the Embed dialog's preview (its src is set from the page's own address on opening).
      injected: [...document.querySelectorAll('img, iframe:not(#embed-preview), style, object, embed, script[src*="evil"]')]
        .map((e) => e.outerHTML.slice(0, 80)),
      scripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned') || s.textContent.includes('alert')).length,
    };
  });
  assert.equal(found.pwned, undefined, `${where}: no injected script ran`);
  assert.deepEqual(page.dialogs, [], `${where}: no dialog`);
  assert.deepEqual(found.handlers, [], `${where}: no event-handler attribute`);
  assert.deepEqual(found.jsLinks, [], `${where}: no javascript: link or source`);
  assert.deepEqual(found.badHrefs, [], `${where}: every link is http(s)`);
  assert.deepEqual(found.injected, [], `${where}: no element from the corpus's markup`);
  assert.equal(found.scripts, 0, `${where}: no script from the corpus`);
  assert.deepEqual(await cspViolations(page), [], `${where}: no CSP violation`);
  assert.deepEqual(page.problems, [], `${where}: no console error`);
}

/** Fails if the page scrolls sideways (the 20,000-character line must wrap). */
async function assertNoSideScroll(page, where) {
  const { scroll, view } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
  assert.ok(scroll <= view, `${where}: the page is ${scroll} px wide in a ${view} px viewport`);
}

const bodyText = (page) => page.evaluate(() => document.body.innerText);

test('the timeline and the article list show the hostile titles as text', async () => {
  const page = await hostilePage();
  await page.goto(server.url);
  await waitForApp(page);
  assert.equal(await page.locator('.event-card').count(), 2, 'both events of the hostile corpus');
  await assertInert(page, 'timeline');
  await page.goto(server.url + '?view=articles');
  await waitForApp(page);
  await page.locator('[data-testid=article-list] li').first().waitFor();
  const text = await bodyText(page);
  assert.ok(text.includes('<script>alert(1)</script>Army and rebels clash near Kidal <img src=x onerror="window.__pwned=1">'),
    'front-matter title shown as typed');
  assert.ok(text.includes("<script>alert('title')</script> Rebels say"), 'a first-line title shown as typed');
  assert.ok(text.includes('&lt;b&gt;not bold&lt;/b&gt; &amp;'), 'entities in the title are not decoded');
  await assertInert(page, 'article list');
  await page.context().close();
});

test('every event view is inert', async () => {
  const page = await hostilePage();
  await page.goto(server.url);
  await waitForApp(page);
  const hrefs = await page.locator('.event-card .event-title a').evaluateAll((as) => as.map((a) => a.href));
  assert.equal(hrefs.length, 2);
  for (const href of hrefs) {
    await page.goto(href);
    await waitForApp(page);
    await page.locator('[data-testid=event-view]').waitFor();
    await assertInert(page, href);
  }
  // The claims quote the markup as text.
  const text = await bodyText(page);
  assert.ok(/<script>window\.__pwned=1; alert\(1\)<\/script>|<img src=x onerror=|<b onmouseover=|<script src="https:\/\/evil/.test(text),
    'a claim quotes the markup literally');
  await page.context().close();
});

test('the reader shows <script>, javascript: and entities as typed text', async () => {
  const page = await hostilePage();
  await page.goto(server.url + '?article=000_hostile');
  await waitForApp(page);
  const reader = page.locator('[data-testid=reader]');
  await reader.waitFor();
  const text = await reader.innerText();
  for (const literal of [
    '<script>window.__pwned=1; alert(1)</script>',
    '<img src=x onerror="window.__pwned=1;alert(1)">',
    '<a href="javascript:window.__pwned=1">here</a>',
    '<svg onload="window.__pwned=1"></svg>',
    '<style>body{display:none}</style>',
    '&lt;b&gt;escaped&lt;/b&gt; &amp; &quot;quoted&quot; &#60;script&#62;',
    'A'.repeat(20000),
  ]) {
    assert.ok(text.includes(literal), `shown as text: ${literal.slice(0, 60)}`);
  }
  await page.getByText('<script>window.__pwned=1; alert(1)</script>', { exact: false }).first().waitFor();
  // The source link is the front matter's https URL, kept whole (quotes and markup are in the attribute value only).
  const sources = await reader.locator('a[href^="https://example.org/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(sources, ['https://example.org/news?a=1&b=<script>window.__pwned=1</script>"onmouseover="window.__pwned=1']);
  await assertInert(page, 'reader');
  await page.goto(server.url + '?article=001_hostile_title');
  await waitForApp(page);
  await page.locator('[data-testid=reader]').waitFor();
  await assertInert(page, 'reader of the second article');
  await page.context().close();
});

test('the 20,000-character line wraps: no horizontal scroll at 360 px', async () => {
  const page = await hostilePage({ width: 360, height: 740 });
  for (const query of ['', '?view=articles', '?article=000_hostile', '?article=001_hostile_title']) {
    await page.goto(server.url + query);
    await waitForApp(page);
    await page.waitForTimeout(100);
    await assertNoSideScroll(page, query || 'timeline');
  }
  const hrefs = await (async () => {
    await page.goto(server.url);
    await waitForApp(page);
    return page.locator('.event-card .event-title a').evaluateAll((as) => as.map((a) => a.href));
  })();
  for (const href of hrefs) {
    await page.goto(href);
    await waitForApp(page);
    await assertNoSideScroll(page, href);
  }
  await page.goto(server.url + '?article=000_hostile');
  await waitForApp(page);
  await screenshot(page, 'hostile-reader-360');
  await assertInert(page, 'reader at 360 px');
  await page.context().close();
});

test('the build-time static view escapes the hostile corpus', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const view = html.match(/<div id="?static-view"?[^>]*>([\s\S]*?)<\/body>/)?.[1];
  assert.ok(view, 'index.html has the static view');
  assert.ok(!/<(img|svg|iframe|style)\b/i.test(view) && !/<script(?!>)/i.test(view), 'no markup from the corpus');
  assert.ok(!/href="?javascript:/i.test(view), 'no javascript: href');
  assert.ok(view.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the title, escaped');

  const page = await hostilePage({ javaScriptEnabled: false, width: 360, height: 740 });
  await page.goto(server.url);
  const list = page.locator('#static-view .event-card');
  assert.equal(await list.count(), 2, 'both events, without JavaScript');
  const text = await page.locator('#static-view').innerText();
  assert.ok(text.includes('<script>alert(1)</script>Army and rebels clash near Kidal'), 'markup shown as text');
  assert.ok(text.includes('&lt;b&gt;not bold&lt;/b&gt; &amp;'), 'entities shown as typed');
  const links = await page.locator('.static-sources a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['https://example.org/news?a=1&b=<script>window.__pwned=1</script>"onmouseover="window.__pwned=1']);
  assert.equal(await page.locator('#static-view [onmouseover], #static-view img, #static-view script').count(), 0);
  await assertNoSideScroll(page, 'static-view');
  await page.context().close();
});
