// Editorial control e2e: the seeds plus tests/fixtures/corrections (an article
// written for the tests and a corrections.toml with one correction of every
// kind), assembled into target/editorial-corpus and built by ./dev test into
// target/dist-editorial (or $COUNTERCLAIM_EDITORIAL_DIST). Checks: the
// Editor's note shows in the event view, on claim cards and in the reader; a
// hidden claim is gone; the CSV carries the note; a URL naming an event that
// no longer exists (merged by the editors) lands on a clear message with a way
// back, never on another event; the About panel (header and embed) says how
// the data was made and counts the corrections; axe is clean on all of it,
// light and dark, 1280 and 360 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launchBrowser, newPage, waitForApp, screenshot, ROOT } from './harness.mjs';

const DIST = process.env.COUNTERCLAIM_EDITORIAL_DIST ?? join(ROOT, 'target/dist-editorial');
let server, browser;

before(async () => {
  try {
    server = await startServer({ root: DIST });
  } catch (e) {
    throw new Error(`no editorial build in ${DIST} (./dev test builds it: seeds + tests/fixtures/corrections ` +
      `into target/editorial-corpus, then trunk build --release --dist target/dist-editorial): ${e.message}`);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Ids named by tests/fixtures/corrections/corrections.toml.
const CONTESTED_EVENT = '2023-11-03-kidal-air-drone-strike';
const CLASH = '2023-11-11-kidal-armed-clash';
const HIDDEN_CLAIM = '001_321dd51f9c821d76#c8b996';
const SPEAKER_FIXED = '001_321dd51f9c821d76#c841ee';
const MERGED_AWAY = '2023-11-10-kidal-strategic-development';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function open(page, query = '') {
  await page.goto(server.url + query);
  await waitForApp(page);
}

async function axe(page, where) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], where);
}

test('the event view shows the editor\'s note on the event and on corrected claims; a hidden claim is gone', async () => {
  const page = await newPage(browser);
  await open(page, `?event=${CONTESTED_EVENT}`);
  const view = page.locator('[data-testid=event-view]');
  await view.waitFor();
  const note = view.locator('.event-head .editors-note');
  assert.match(await note.innerText(), /^Editor's note: Contested: the army has denied/);
  assert.ok(await view.locator('.contested-badge').first().isVisible(), 'set contested by the editors');

  await open(page, `?event=${CLASH}`);
  await view.waitFor();
  assert.match(await view.locator('.event-head .editors-note').innerText(), /Hidden: this sentence sums up/);
  const card = view.locator(`.claim[data-claim="${SPEAKER_FIXED}"]`);
  assert.match(await card.locator('.editors-note').innerText(), /^Editor's note: The speaker is a local elected official/);
  assert.equal(await page.locator(`[data-claim="${HIDDEN_CLAIM}"]`).count(), 0, 'the hidden claim is not shown');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the reader shows the note of the highlighted claim', async () => {
  const page = await newPage(browser);
  const q = new URLSearchParams({ event: CLASH, article: '001_321dd51f9c821d76', claim: SPEAKER_FIXED });
  await open(page, `?${q}`);
  await page.locator('mark.target').waitFor();
  assert.match(await page.locator('.target-note .editors-note').innerText(), /^Editor's note: The speaker is a local/);
  assert.equal(await page.locator(`mark[data-claim="${HIDDEN_CLAIM}"]`).count(), 0, 'a hidden claim is not highlighted');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the CSV download carries the notes', async () => {
  const page = await newPage(browser);
  await open(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV of the matching events' }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  const header = text.slice(0, text.indexOf('\r\n')).split(',');
  assert.equal(header.at(-1), 'note');
  for (const note of ['Title corrected by the editors.', 'Merged: the network cut', 'Added by the editors:', 'Split off:']) {
    assert.ok(text.includes(note), `the CSV holds “${note}”`);
  }
  assert.ok(!text.includes(HIDDEN_CLAIM), 'no row for the hidden claim');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a URL naming an event that no longer exists says so, and leads back to all events', async () => {
  const page = await newPage(browser);
  await open(page, `?event=${MERGED_AWAY}`);
  const notice = page.locator('[data-testid=gone-notice]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /This event is no longer in the corpus/);
  assert.equal(await page.locator('[data-testid=event-view]').count(), 0, 'never another event');
  await axe(page, 'gone notice');
  await screenshot(page, 'editorial-gone-1280');
  await notice.getByRole('link', { name: 'Show all events' }).click();
  await page.locator('.timeline').waitFor();
  assert.equal(await notice.count(), 0);
  assert.equal(new URL(page.url()).searchParams.get('event'), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

for (const scheme of ['light', 'dark']) {
  test(`the About panel, from the header and in an embed; axe clean with notes (${scheme}, 1280 and 360 px)`, async () => {
    for (const width of [1280, 360]) {
      for (const query of ['', '?embed=1']) {
        const page = await newPage(browser, { width, height: width === 360 ? 800 : 900, colorScheme: scheme });
        await open(page, query);
        const button = page.getByRole('button', { name: 'About this data' });
        assert.ok(await button.isVisible(), `About reachable ${query || 'in the page'} at ${width}px`);
        await button.click();
        const dialog = page.getByRole('dialog', { name: 'About this data' });
        await dialog.waitFor();
        const text = await dialog.innerText();
        assert.match(text, /How it was made/);
        assert.match(text, /Editors corrected the extraction 8 times/);
        assert.match(text, /Accuracy/);
        assert.match(text, /Counterclaim test desk: 1 article/);
        assert.match(text, /Data compiled on \d{1,2} \w{3} \d{4}\./);
        await axe(page, `About ${scheme} ${width}px ${query}`);
        await screenshot(page, `editorial-about-${width}-${scheme}${query ? '-embed' : ''}`);
        await dialog.getByRole('button', { name: 'Close' }).click();
        assert.equal(await dialog.isVisible(), false);
        assert.deepEqual(page.problems, []);
        await page.context().close();
      }
      const page = await newPage(browser, { width, height: width === 360 ? 800 : 900, colorScheme: scheme });
      await open(page, `?event=${CLASH}`);
      await page.locator(`.claim[data-claim="${SPEAKER_FIXED}"] .editors-note`).waitFor();
      await axe(page, `event with notes ${scheme} ${width}px`);
      await screenshot(page, `editorial-event-${width}-${scheme}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  });
}
