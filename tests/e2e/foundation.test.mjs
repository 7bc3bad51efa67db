// Foundation e2e: the page loads without errors, lists the embedded articles
// and opens one to read it in full.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchBrowser, newPage, waitForApp, screenshot, cspViolations, ROOT } from './harness.mjs';

const seedCount = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).length;
let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the page loads with no console errors and lists every seed article', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + '?view=articles');
  await waitForApp(page);
  const items = page.locator('[data-testid=article-list] li');
  await items.first().waitFor();
  assert.equal(await items.count(), seedCount, 'one list item per seed article');
  for (const title of await items.locator('a').allTextContents()) {
    assert.ok(title.trim().length > 10, `article title looks real: ${title}`);
  }
  await screenshot(page, 'foundation-articles-1280');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await cspViolations(page), [], 'no Content-Security-Policy violation');
  await page.context().close();
});

test('opening an article shows its full text', async () => {
  const page = await newPage(browser);
  await page.goto(server.url + '?view=articles');
  await waitForApp(page);
  await page.locator('[data-testid=article-list] li a[href*="article=000_"]').click();
  const reader = page.locator('[data-testid=reader]');
  await reader.waitFor();
  const text = await reader.innerText();
  // First and last sentences of seed 000 are both there: the whole article is shown.
  assert.match(text, /The Malian army indicated, Thursday evening, October 5/);
  assert.match(text, /Anéfis is located approximately 110 km south of Kidal\./);
  assert.match(page.url(), /article=000_/);
  await screenshot(page, 'foundation-reader-1280');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await cspViolations(page), [], 'no Content-Security-Policy violation');
  await page.context().close();
});
