// Camps defined by the editor e2e: tests/fixtures/camps (a made-up war whose
// corpus.toml defines three camps, one with its own colour, and whose
// gazetteer files a foreign state's army in the Front's camp), built by
// ./dev test into target/dist-camps (or $COUNTERCLAIM_CAMPS_DIST). Checks:
// the event view has one column per camp that speaks, headed by the camps'
// labels; the Sides filter lists the camps and `side=<camp id>` filters and
// survives the URL; an unknown camp id falls back to no side filter; the
// editor's colour reaches the page without an inline style; zero console
// errors, zero CSP violations, axe clean in light and dark mode.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launchBrowser, newPage, waitForApp, cspViolations, screenshot, ROOT } from './harness.mjs';

const DIST = process.env.COUNTERCLAIM_CAMPS_DIST ?? join(ROOT, 'target/dist-camps');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
let server, browser;

before(async () => {
  try {
    server = await startServer({ root: DIST });
  } catch (e) {
    throw new Error(`no camps build in ${DIST} (./dev test builds it: COUNTERCLAIM_SEEDS=tests/fixtures/camps ` +
      `trunk build --release --dist target/dist-camps): ${e.message}`);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page, query = '') {
  await page.goto(server.url + query);
  await waitForApp(page);
}

async function clean(page, where) {
  assert.deepEqual(page.problems, [], where);
  assert.deepEqual(await cspViolations(page), [], where);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], where);
}

test('the event view has one column per camp that speaks, headed by the editor\'s labels', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await newPage(browser, { colorScheme });
    await open(page, '?event=2031-03-03-tarvel-strategic-development');
    const view = page.locator('[data-testid=event-view]');
    await view.waitFor();
    const heads = (await view.locator('.accounts .account-column h3').allInnerTexts()).map((t) => t.split('\n')[0].trim());
    // the army (camp 0), the Front's camp where the foreign legion speaks
    // (camp 1), and the spokesman the text does not place
    assert.deepEqual(heads, ['Government & allies', 'Front & allies', 'Unidentified source']);
    assert.match(await view.locator('.account-column.camp-1').innerText(), /Vesk Legion/);
    assert.match(await view.locator('.account-column.camp-1 .claim .actor-kind').first().innerText(), /^foreign state$/);
    assert.ok(await view.locator('.dispute').count() >= 1, 'a dispute between the camps');
    // the editor's colour for camp 1, set without an inline style attribute
    const colour = await view.locator('.account-column.camp-1 h3').evaluate((h) => getComputedStyle(h).borderBottomColor);
    assert.equal(colour, 'rgb(46, 139, 87)');
    // (the CSSOM reflects into <html style>, which the CSP allows; the
    // served markup has no style attribute, and clean() finds no violation)
    assert.doesNotMatch(await (await fetch(server.url)).text(), /\sstyle=/i);
    assert.equal(await page.locator('body [style]').count(), 0, 'no inline style in the page body');
    await screenshot(page, `camps-event-${colorScheme}`);
    await clean(page, `event view, ${colorScheme}`);
    await page.context().close();
  }
});

test('the Sides filter lists the camps; side=<camp id> filters and stays in the URL; an unknown id is dropped', async () => {
  const page = await newPage(browser);
  await open(page);
  const sides = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Sides' }) });
  const labels = (await sides.locator('.facet-value .label').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(labels, ['Government & allies', 'Front & allies', 'Monitors']);
  await sides.getByRole('button', { name: /Monitors/ }).click();
  await page.waitForURL(/[?&]side=monitors\b/);
  assert.equal(await page.locator('.event-card').count(), 1);
  const shared = new URL(page.url()).search;
  await clean(page, 'timeline filtered by a camp');
  await page.context().close();
  // One page per load: a navigation on the same page can abort its favicon
  // request, which the harness counts as a problem.
  const again = await newPage(browser);
  await open(again, shared);
  const sidesAgain = again.locator('fieldset.facet', { has: again.locator('legend', { hasText: 'Sides' }) });
  assert.equal(await again.locator('.event-card').count(), 1);
  assert.equal(await sidesAgain.getByRole('button', { name: /Monitors/ }).getAttribute('aria-pressed'), 'true');
  await clean(again, 'the shared link, loaded afresh');
  await again.context().close();
  // a link made for another corpus: its camp is forgotten, every event shows
  const other = await newPage(browser);
  await open(other, '?side=rebels');
  assert.equal(await other.locator('.event-card').count(), 2);
  assert.doesNotMatch(other.url(), /side=/);
  await clean(other, 'timeline');
  await other.context().close();
});
