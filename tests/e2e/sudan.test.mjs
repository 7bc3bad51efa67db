// Another war, no code change: the Sudan reports of ../shared/dev-corpus/sudan
// (published articles, copied into target/sudan-corpus at test time, never into
// git) with our own tests/corpora/sudan/{gazetteer,corpus}.toml, built by
// ./dev test into target/dist-sudan (or $COUNTERCLAIM_SUDAN_DIST). Checks that
// the page, its <title> and sharing metadata, the Embed dialog's snippet and
// the static/<noscript> list say nothing of Mali; that the map is drawn for
// Sudan and lists Sudan's places; that the event view's columns are the
// corpus's camps; no console error, no CSP violation, axe clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { startServer, launchBrowser, newPage, waitForApp, cspViolations, screenshot, ROOT } from './harness.mjs';

const DIST = process.env.COUNTERCLAIM_SUDAN_DIST ?? join(ROOT, 'target/dist-sudan');
const SHARED = join(ROOT, '../shared/dev-corpus/sudan');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
// Words that would betray the default (Mali) corpus or code written for it.
const MALI = /\b(Mali|Malian|Malians|Bamako|Kidal|FAMa|Wagner|Timbuktu|Tombouctou|Gao|Azawad|Goïta|Sahel)\b/i;
const SETTINGS = readFileSync(join(ROOT, 'tests/corpora/sudan/corpus.toml'), 'utf8');
// The corpus's camps, in its order: the event view's columns are those that speak.
const CAMPS = [...SETTINGS.matchAll(/^label = "([^"]+)"/gm)].map((m) => m[1]);
const TITLE = SETTINGS.match(/^title = "([^"]+)"/m)[1];

let server, browser;

before(async () => {
  // The shared corpus must be there: a missing one fails, it is not skipped.
  assert.ok(existsSync(SHARED), `the Sudan dev corpus ${SHARED} is missing: it lives next to the repository in ../shared`);
  try {
    server = await startServer({ root: DIST });
  } catch (e) {
    throw new Error(`no Sudan build in ${DIST} (./dev test builds it: ../shared/dev-corpus/sudan/*.txt + ` +
      `tests/corpora/sudan/*.toml into target/sudan-corpus, then trunk build --release --dist target/dist-sudan): ${e.message}`);
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

async function axe(page, where) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((x) => `${x.id}: ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], where);
}

function noMali(text, where) {
  const m = text.match(MALI);
  assert.equal(m, null, `${where} mentions ${m?.[0]}: …${m ? text.slice(Math.max(0, m.index - 80), m.index + 80) : ''}…`);
}

/** name/property → content of every <meta> of the built index.html. */
function metas(html) {
  const out = {};
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    const attrs = Object.fromEntries([...tag.matchAll(/([\w:-]+)=(?:"([^"]*)"|([^\s">]+))/g)].map((m) => [m[1], m[2] ?? m[3]]));
    const key = attrs.name ?? attrs.property;
    if (key) out[key] = attrs.content;
  }
  return out;
}

const decode = (s) => s.replace(/&#x27;|&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

test('index.html: title, metadata, static view and <noscript> are about Sudan, never Mali', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  noMali(html, 'index.html');
  const title = decode(html.match(/<title>([^<]+)<\/title>/)?.[1] ?? '');
  assert.equal(title, `Counterclaim — ${TITLE}`);
  const m = metas(html);
  assert.match(decode(m.description ?? ''), /Sudanese army, the Rapid Support Forces/);
  assert.equal(m['og:description'], m.description);
  assert.equal(decode(m['og:title'] ?? ''), title);
  assert.equal(decode(m['twitter:title'] ?? m['og:title'] ?? ''), title);
  const noscript = html.match(/<noscript>[\s\S]*<\/noscript>/g)?.join('\n') ?? '';
  assert.match(noscript, /El Fasher|Khartoum|Omdurman|Babanusa|Mellit/, 'the <noscript> list names Sudan\'s places');
});

test('the page, the Embed snippet and the map speak of Sudan only; zero console errors and CSP violations; axe clean', async () => {
  for (const width of [1280, 360]) {
    const page = await newPage(browser, { width });
    await open(page);
    noMali(await page.locator('body').innerText(), `the page at ${width} px`);
    assert.equal(await page.title(), `Counterclaim — ${TITLE}`);

    if (width === 1280) {
      await page.locator('.site-header').getByRole('button', { name: 'Embed', exact: true }).click();
      const snippet = await page.locator('textarea#embed-code').inputValue();
      assert.match(snippet, /^<iframe /);
      assert.ok(decode(snippet).includes(`title="Counterclaim — ${TITLE}"`), `the snippet's frame title: ${snippet}`);
      noMali(snippet, 'the embed snippet');
      await page.keyboard.press('Escape');
    }
    await axe(page, `opening view, ${width} px`);
    await screenshot(page, `sudan-opening-${width}`);

    // The map: drawn for Sudan, its list names Sudan's places.
    await open(page, '?view=map');
    const map = page.locator('[data-testid=map]');
    await map.waitFor();
    const desc = await map.locator('svg desc, svg title').allTextContents();
    assert.match(desc.join(' '), /Sudan/, 'the map is of Sudan');
    noMali(desc.join(' '), 'the map\'s description');
    const listed = await page.locator('[data-testid=map-list]').innerText();
    for (const place of ['Khartoum', 'El Fasher']) assert.ok(listed.includes(place), `the map lists ${place}: ${listed}`);
    const labels = await map.locator('.map-country-label').allTextContents();
    noMali(labels.join(' '), 'the map\'s labels');
    noMali(await page.locator('body').innerText(), `the map view at ${width} px`);
    await axe(page, `map view, ${width} px`);
    await screenshot(page, `sudan-map-${width}`);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await cspViolations(page), []);
    await page.context().close();
  }
});

test('a contested event: the columns are the corpus\'s camps; axe clean', async () => {
  const page = await newPage(browser);
  await open(page, '?contested=1');
  const first = page.locator('.timeline .event-card.contested .event-title a').first();
  const href = await first.getAttribute('href');
  const event = new URL(href, server.url).searchParams.get('event');
  assert.ok(event, `a contested event's link: ${href}`);
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, `?event=${encodeURIComponent(event)}`);
    const view = page.locator('[data-testid=event-view]');
    await view.waitFor();
    assert.ok(await view.locator('.contested-badge').first().isVisible(), 'contested');
    const columns = (await view.locator('.account-column > h3').evaluateAll((hs) =>
      hs.map((h) => h.firstChild?.textContent?.trim() ?? '')));
    const known = columns.filter((c) => c !== 'Unidentified source');
    assert.ok(known.length >= 2, `a contested event has at least two camps' columns: ${columns}`);
    assert.deepEqual(known, CAMPS.filter((c) => known.includes(c)), `columns are camps, in the corpus's order: ${columns}`);
    noMali(await view.innerText(), `the event view at ${width} px`);
    await axe(page, `event view, ${width} px`);
    await screenshot(page, `sudan-event-${width}`);
  }
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});
