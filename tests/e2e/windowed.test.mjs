// Windowed lists e2e, on a build with more events than one window: 150
// synthetic articles (`counterclaim synth 150 target/synth150-corpus`) built
// by ./dev test into target/dist-synth150 (or $COUNTERCLAIM_SYNTH150_DIST).
// Checks: the timeline renders only its first page of cards and the status
// still announces every result; "Show more" (keyboard) adds the next page and
// moves focus to its first card; month headings stay unique and count their
// whole month; a filter change starts again at the first page; a URL naming
// an event beyond the window opens it; a long facet shows its top values,
// "Show all N" shows every one, and a selected value stays visible when the
// facet is folded again; axe clean; no console error, no CSP violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launchBrowser, newPage, waitForApp, cspViolations, screenshot, ROOT } from './harness.mjs';

const DIST = process.env.COUNTERCLAIM_SYNTH150_DIST ?? join(ROOT, 'target/dist-synth150');
const PAGE = 12; // src/window.rs
const TOP = 8;
let server, browser;

before(async () => {
  try {
    server = await startServer({ root: DIST });
  } catch (e) {
    throw new Error(`no synthetic build in ${DIST} (./dev test builds it: counterclaim synth 150 target/synth150-corpus, ` +
      `then trunk build --release --dist target/dist-synth150): ${e.message}`);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const cards = (page) => page.locator('.timeline .event-card');
const more = (page) => page.locator('.timeline button.fold');
const status = (page) => page.locator('.result-count').innerText();
const number = (s) => Number(s.replace(/,/g, ''));

async function open(page, query = '') {
  await page.goto(server.url + query);
  await waitForApp(page);
}

async function clean(page, where) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  assert.deepEqual(axe.violations.map((x) => `${x.id}: ${x.nodes[0].target.join(' ')}`), [], `axe, ${where}`);
  assert.deepEqual(page.problems, [], `console, ${where}`);
  assert.deepEqual(await cspViolations(page), [], `CSP, ${where}`);
}

test('the timeline renders one page, announces every result, and Show more adds the next page with focus on it', async () => {
  const page = await newPage(browser);
  await open(page);
  const total = number((await status(page)).match(/^([\d,]+) events/)[1]);
  assert.ok(total > 2 * PAGE, `the build has more than two windows of events (${total})`);
  assert.equal(await cards(page).count(), PAGE, 'only the first page is rendered');
  assert.equal(await more(page).innerText(), `Show ${PAGE} more (${(total - PAGE).toLocaleString('en-US')} left)`);
  await clean(page, 'first page');

  // Keyboard: focus the button, Enter.
  await more(page).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.timeline .event-card').length === n, 2 * PAGE);
  const focused = await page.evaluate(() => {
    const card = document.activeElement?.closest('.event-card');
    return card ? [...document.querySelectorAll('.timeline .event-card')].indexOf(card) : -1;
  });
  assert.equal(focused, PAGE, 'focus is on the first card Show more added');
  assert.match(await status(page), new RegExp(`^${total.toLocaleString('en-US')} events`), 'the status still counts every result');

  // Until the end: the button goes, every card is there.
  while (await more(page).isVisible()) await more(page).click();
  assert.equal(await cards(page).count(), total);
  // Month headings: one per month, each counting its whole month.
  const months = await page.$$eval('.timeline section.month', (ss) => ss.map((s) => ({
    id: s.querySelector('h3').id,
    count: Number(s.querySelector('.month-count').textContent.match(/\d+/)[0]),
    cards: s.querySelectorAll('.event-card').length,
  })));
  assert.equal(new Set(months.map((m) => m.id)).size, months.length, 'no month heading twice');
  for (const m of months) assert.equal(m.count, m.cards, `${m.id} counts its cards`);
  await screenshot(page, 'windowed-all');
  await clean(page, 'all shown');
  await page.context().close();
});

test('a month cut by the window counts its whole month; a filter change starts at the first page', async () => {
  const page = await newPage(browser);
  await open(page);
  const last = page.locator('.timeline section.month').last();
  const count = Number((await last.locator('.month-count').innerText()).match(/\d+/)[0]);
  assert.ok(count >= await last.locator('.event-card').count(), 'the last month heading counts the whole month');
  await more(page).click();
  assert.equal(await cards(page).count(), 2 * PAGE);

  await page.locator('#filter-contested').check();
  await page.waitForFunction(() => /contested=1/.test(location.search));
  const contested = number((await status(page)).match(/^([\d,]+) events match/)[1]);
  assert.equal(await cards(page).count(), Math.min(PAGE, contested), 'the new results start at the first page');
  if (contested > PAGE) assert.match(await more(page).innerText(), new RegExp(`\\(${(contested - PAGE).toLocaleString('en-US')} left\\)$`));
  await clean(page, 'filtered');
  await page.context().close();
});

test('a URL naming an event beyond the window opens it', async () => {
  const page = await newPage(browser);
  await open(page);
  while (await more(page).isVisible()) await more(page).click();
  const link = cards(page).nth(PAGE + 5).locator('.event-title a');
  const [title, href] = [await link.innerText(), await link.getAttribute('href')];
  await open(page, new URL(href, server.url).search);
  const view = page.locator('[data-testid=event-view]');
  await view.waitFor();
  assert.equal(await view.locator('h2').first().innerText(), title);
  assert.equal(await cards(page).count(), 0);
  await clean(page, 'event beyond the window');
  await page.context().close();
});

test('a long facet shows its top values; Show all shows every one; a selected value stays visible', async () => {
  const page = await newPage(browser);
  await open(page);
  const facet = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Places' }) });
  const values = facet.locator('button.facet-value');
  const toggle = facet.locator('button.fold');
  assert.equal(await values.count(), TOP, 'the top values only');
  const label = await toggle.innerText();
  const n = Number(label.match(/^Show all (\d+) Places$/)[1]);
  assert.ok(n > TOP + 2, `a long facet (${n})`);
  // The top values are the highest counts.
  const counts = await values.locator('.count').allInnerTexts().then((xs) => xs.map((x) => parseInt(x, 10)));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));

  await toggle.click();
  assert.equal(await values.count(), n, 'every value');
  assert.equal(await toggle.innerText(), 'Show fewer Places');

  // Select the last value, fold again: it stays, pressed.
  const lastLabel = await values.last().locator('.label').innerText();
  await values.last().click();
  await page.waitForFunction(() => /[?&]place=/.test(location.search));
  await toggle.click();
  const shown = await values.locator('.label').allInnerTexts();
  assert.ok(shown.length <= TOP + 1, `top values and the selection (${shown.length})`);
  assert.ok(shown.includes(lastLabel), 'the selected value is still visible');
  assert.equal(await facet.locator('button.facet-value[aria-pressed=true] .label').innerText(), lastLabel);
  const sides = page.locator('fieldset.facet', { has: page.locator('legend', { hasText: 'Sides' }) });
  assert.equal(await sides.locator('button.fold').isVisible(), false, 'a short facet has no Show all');
  await clean(page, 'facet folded with a selection');
  await page.context().close();
});
