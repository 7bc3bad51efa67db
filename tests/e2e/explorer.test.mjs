// Explorer e2e: filters with live counts and URL state, the event view's
// side-by-side accounts, the reader's exact-span highlight, history
// (replace for filters, push for opening), hostile query strings, axe-core
// (WCAG 2.2 AA) on every view in light and dark, and screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launchBrowser, newPage, waitForApp, screenshot } from './harness.mjs';

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const cards = (page) => page.locator('.event-card');
const statusText = (page) => page.locator('main [role=status]').innerText();

async function open(page, query = '') {
  await page.goto(server.url + query);
  await waitForApp(page);
}

/** The first facet value of `legend` whose count is below `max`, as {button, label, count}. */
async function facetBelow(page, legend, max) {
  const buttons = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: legend }) }).locator('button.facet-value');
  const n = await buttons.count();
  for (let i = 0; i < n; i++) {
    const b = buttons.nth(i);
    const count = Number((await b.locator('.count').innerText()).replace(/\D+/g, ''));
    if (count > 0 && count < max) {
      const label = (await b.locator('.label').innerText()).trim();
      // A locator by label, stable when the values are re-ordered by count.
      const button = buttons.filter({ has: page.locator('.label').getByText(label, { exact: true }) });
      return { button, label, count };
    }
  }
  return null;
}

/** Opens the contested event about Anéfis from the timeline (contested only). */
async function openAnefisEvent(page) {
  await open(page, '?contested=1');
  const card = cards(page).filter({ hasText: /Anéfis/ }).first();
  await card.locator('.event-title a').click();
  await page.locator('[data-testid=event-view]').waitFor();
}

test('the timeline lists dated events grouped by month, and the header describes the corpus', async () => {
  const page = await newPage(browser);
  await open(page);
  const figures = await page.locator('.site-header .figures').innerText();
  assert.match(figures, /\d+ articles · \d+ events · \d+ claims/);
  const n = await cards(page).count();
  assert.ok(n >= 2, `several events on the timeline, got ${n}`);
  assert.ok(await page.locator('.month h3').count() >= 2, 'events are grouped by month');
  assert.match(await statusText(page), new RegExp(`^${n} events`));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('filtering by an actor shrinks the list, updates the URL and the live status', async () => {
  const page = await newPage(browser);
  await open(page);
  const before = await cards(page).count();
  const facet = await facetBelow(page, 'Actors', before);
  assert.ok(facet, 'an actor that narrows the results');
  await facet.button.click();
  await page.waitForFunction(() => /[?&]actor=/.test(location.search));
  assert.equal(await facet.button.getAttribute('aria-pressed'), 'true');
  assert.equal(await cards(page).count(), facet.count, 'the list holds exactly the count the facet showed');
  assert.ok(facet.count < before);
  assert.match(await statusText(page), new RegExp(`^${facet.count} event`));
  // Keyboard focus stays on the toggled button.
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')), 'true');
  await facet.button.click();
  await page.waitForFunction(() => !/[?&]actor=/.test(location.search));
  assert.equal(await cards(page).count(), before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('free-text search and clear all', async () => {
  const page = await newPage(browser);
  await open(page);
  const before = await cards(page).count();
  await page.fill('#filter-q', 'Anéfis');
  await page.waitForFunction(() => /[?&]q=An%C3%A9fis/.test(location.search));
  const after = await cards(page).count();
  assert.ok(after >= 1 && after < before, `search narrows (${before} → ${after})`);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.waitForFunction(() => location.search === '');
  assert.equal(await cards(page).count(), before);
  assert.equal(await page.inputValue('#filter-q'), '');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"contested only" shows the Anéfis approach (Oct 2023) and the Kidal fighting (Nov 2023)', async () => {
  const page = await newPage(browser);
  await open(page);
  const all = await cards(page).count();
  await page.check('#filter-contested');
  await page.waitForFunction(() => /[?&]contested=1/.test(location.search));
  const contested = cards(page);
  const n = await contested.count();
  assert.ok(n >= 2 && n <= all);
  assert.equal(await page.locator('.event-card:not(.contested)').count(), 0, 'only contested events');
  const texts = await contested.allInnerTexts();
  assert.ok(texts.some((t) => /Anéfis/.test(t) && /Oct 2023/.test(t)), `Anéfis, Oct 2023 in ${JSON.stringify(texts)}`);
  assert.ok(texts.some((t) => /Kidal/.test(t) && /Nov 2023/.test(t)), `Kidal, Nov 2023 in ${JSON.stringify(texts)}`);
  // Each contested card states the dispute's reason.
  for (const c of await contested.all()) {
    assert.ok((await c.locator('.reasons li').count()) >= 1);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the event view shows the army and rebel accounts side by side', async () => {
  const page = await newPage(browser);
  await openAnefisEvent(page);
  assert.match(page.url(), /[?&]event=/);
  // One column per camp that speaks, headed by the camp's label: the
  // default camps' first two are the state (camp-0) and the rebels (camp-1).
  const state = page.locator('.account-column.camp-0'), rebels = page.locator('.account-column.camp-1');
  assert.match(await state.locator('h3').innerText(), /^State & allies/);
  assert.match(await rebels.locator('h3').innerText(), /^Rebels & armed opposition/);
  assert.ok(await state.locator('.claim').count() >= 1, 'a claim in the state column');
  assert.ok(await rebels.locator('.claim').count() >= 1, 'a claim in the rebels column');
  assert.match(await rebels.innerText(), /deny|Attaye/i);
  assert.ok(await page.locator('.dispute .reason').count() >= 1, 'the dispute and its reason');
  // Side by side at 1280 px: the two columns share a row.
  const [a, b] = await Promise.all([state.boundingBox(), rebels.boundingBox()]);
  assert.ok(Math.abs(a.y - b.y) < 2 && b.x > a.x, 'columns side by side');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('"read in the article" opens the reader on the exact words of the claim', async () => {
  const page = await newPage(browser);
  await openAnefisEvent(page);
  const claim = page.locator('.account-column.camp-1 .claim').first();
  const quote = (await claim.locator('blockquote').innerText()).trim(); // CSS quote marks are not text
  await claim.getByRole('link', { name: 'Read in the article' }).click();
  await page.locator('[data-testid=reader]').waitFor();
  assert.match(page.url(), /[?&]article=[^&]+/);
  assert.match(page.url(), /[?&]claim=[^&]+/);
  const target = page.locator('mark.target');
  await target.waitFor();
  assert.equal(await page.locator('mark.target').count(), 1);
  assert.equal((await target.innerText()).trim(), quote.trim(), 'the highlight is exactly the quoted claim');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('target')), true, 'focus moves to it');
  assert.ok(await target.isVisible());
  const box = await target.boundingBox();
  const vh = page.viewportSize().height;
  assert.ok(box.y >= 0 && box.y < vh, 'scrolled into view');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('back restores the previous filter; filter changes replace the history entry', async () => {
  const page = await newPage(browser);
  await open(page);
  const startLength = await page.evaluate(() => history.length);
  const total = await cards(page).count();
  const facet = await facetBelow(page, 'Actors', total);
  await facet.button.click();
  await page.waitForFunction(() => /actor=/.test(location.search));
  await page.check('#filter-contested');
  await page.waitForFunction(() => /contested=1/.test(location.search));
  assert.equal(await page.evaluate(() => history.length), startLength, 'filters replace, never push');
  const filtered = page.url();
  const shown = await cards(page).count();
  await cards(page).first().locator('.event-title a').click();
  await page.locator('[data-testid=event-view]').waitFor();
  assert.equal(await page.evaluate(() => history.length), startLength + 1, 'opening an event pushes');
  await page.goBack();
  await page.locator('.timeline').waitFor();
  assert.equal(page.url(), filtered);
  assert.equal(await cards(page).count(), shown);
  assert.equal(await facet.button.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.isChecked('#filter-contested'), true);
  await page.goForward();
  await page.locator('[data-testid=event-view]').waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a copied link opened in a new browser context restores the view', async () => {
  const page = await newPage(browser);
  await openAnefisEvent(page);
  const title = await page.locator('.event-head h2').innerText();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const field = page.locator('#copy-link-url');
  await field.waitFor();
  const copied = await field.inputValue();
  assert.equal(copied, page.url());
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'copy-link-url', 'the link is selected for copying');
  const other = await newPage(browser, { width: 360, height: 800 });
  await other.goto(copied);
  await waitForApp(other);
  assert.equal(await other.locator('.event-head h2').innerText(), title);
  assert.equal(await other.isChecked('#filter-contested'), true);
  assert.equal(await statusText(other), await statusText(page));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
  await other.context().close();
  await page.context().close();
});

test('malformed query strings render a clean default page', async () => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const randomBytes = Array.from({ length: 600 }, () => '%' + Math.floor(rand() * 256).toString(16).padStart(2, '0')).join('');
  const huge = 'actor=' + 'x,'.repeat(50 * 1024) + '&q=' + 'y'.repeat(1024);
  const queries = ['?%E0%A4%A&actor=%%%', '?' + huge, '?' + randomBytes, '?view=%00%ff&event=<script>&article=../../etc&claim=%'];
  const page = await newPage(browser);
  // The test server (like many) rejects request lines over 16 KB: serve the
  // page itself for those URLs so the app still sees the whole query string.
  const indexHtml = await (await fetch(server.url)).text();
  await page.route((url) => url.search.length > 8000, (route) => route.fulfill({ contentType: 'text/html', body: indexHtml }));
  await open(page);
  const defaultCount = await cards(page).count();
  for (const q of queries) {
    await open(page, q);
    await page.locator('.timeline').waitFor();
    assert.ok(await page.locator('.site-header h1').isVisible());
    const n = await cards(page).count();
    assert.ok(n === defaultCount || n === 0, `${q.slice(0, 40)}… renders the timeline`);
    assert.ok(new URL(page.url()).search.length < 5000, 'the URL is canonicalised');
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// ---- axe-core and screenshots on every view, light and dark ----

const VIEWS = [
  { name: 'timeline', go: (p) => open(p), ready: '.timeline' },
  { name: 'event', go: (p) => openAnefisEvent(p), ready: '[data-testid=event-view]' },
  {
    name: 'reader',
    go: async (p) => {
      await openAnefisEvent(p);
      await p.locator('.claim').first().getByRole('link', { name: 'Read in the article' }).click();
    },
    ready: 'mark.target',
  },
  { name: 'map', go: (p) => open(p, '?view=map'), ready: '.map-view' },
  { name: 'articles', go: (p) => open(p, '?view=articles'), ready: '[data-testid=article-list]' },
  { name: 'embed-mode', go: (p) => open(p, '?embed=1&contested=1'), ready: 'a.open-full' },
  {
    name: 'embed-dialog',
    go: async (p) => {
      await open(p, '?contested=1');
      await p.getByRole('button', { name: 'Embed' }).click();
      await p.frameLocator('.embed-preview').locator('a.open-full').waitFor();
    },
    ready: '#embed-code',
  },
];

for (const scheme of ['light', 'dark']) {
  for (const v of VIEWS) {
    test(`axe: no WCAG 2.2 AA violation on the ${v.name} view (${scheme}); screenshots at 1280 and 360 px`, async () => {
      for (const width of [1280, 360]) {
        const page = await newPage(browser, { width, height: width === 360 ? 800 : 900, colorScheme: scheme });
        await v.go(page);
        await page.locator(v.ready).first().waitFor();
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
        const summary = results.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        assert.deepEqual(summary, [], `${v.name} ${scheme} ${width}px`);
        await screenshot(page, `explorer-${v.name}-${width}-${scheme}`);
        if (width === 360 && v.name === 'timeline') {
          // The filters are a drawer on narrow screens.
          const toggle = page.locator('.drawer-toggle');
          assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
          assert.equal(await page.locator('#filter-q').isVisible(), false);
          await toggle.click();
          assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
          assert.equal(await page.locator('#filter-q').isVisible(), true);
          const open = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
          assert.deepEqual(open.violations.map((x) => x.id), [], `open drawer ${scheme}`);
          await screenshot(page, `explorer-drawer-360-${scheme}`);
        }
        assert.deepEqual(page.problems, []);
        await page.context().close();
      }
    });
  }
}

// ---- keyboard only ----

/** Presses Tab until `predicate(activeElement)` holds (at most `limit` times). */
async function tabUntil(page, predicate, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return true;
  }
  return false;
}

test('keyboard only: Tab reaches a facet and an event, focus is visible, Enter/Space activate them', async () => {
  const page = await newPage(browser);
  await open(page);
  const reached = await tabUntil(page, () => document.activeElement?.matches?.('button.facet-value') ?? false);
  assert.ok(reached, 'a facet value is reachable with Tab');
  const focus = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), key: document.activeElement.innerText };
  });
  assert.notEqual(focus.style, 'none', 'the focused facet shows a focus outline');
  assert.ok(focus.width >= 2, `focus outline is at least 2px (${focus.width})`);
  const before = page.url();
  await page.keyboard.press('Space');
  await page.waitForFunction((u) => location.href !== u, before);
  assert.match(page.url(), /[?&](side|actor|place|kind|source)=/, 'Space on a facet filters, in the URL');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-pressed')), 'true',
    'focus stays on the pressed facet');

  const toEvent = await tabUntil(page, () => document.activeElement?.closest?.('.event-title') != null, 300);
  assert.ok(toEvent, 'an event title link is reachable with Tab');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid=event-view]').waitFor();
  assert.match(page.url(), /[?&]event=/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
