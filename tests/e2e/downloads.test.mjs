// Downloads e2e: "Download CSV" / "Download JSON" save the events of the
// current filter (set by the URL or by clicking a filter) with their claims
// and citations, under the strict CSP, without a console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startServer, launchBrowser, newPage, waitForApp, cspViolations } from './harness.mjs';

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const COLUMNS = [
  'event_id', 'event_date', 'event_date_end', 'time_precision', 'event_kind', 'event_title', 'actors', 'sides',
  'place', 'country', 'latitude', 'longitude', 'contested', 'claim_id', 'speaker', 'side', 'stance', 'quote', 'quote_start',
  'quote_end', 'source_title', 'outlet', 'published', 'url', 'confidence', 'note',
];

/** RFC 4180 parser: records of fields; fails on anything malformed. */
function parseCsv(text) {
  const records = [];
  let field = '', record = [], i = 0, quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') {
      assert.equal(field, '', `a quote inside an unquoted field at ${i}`);
      quoted = true; i++; continue;
    }
    if (c === ',') { record.push(field); field = ''; i++; continue; }
    if (c === '\r') {
      assert.equal(text[i + 1], '\n', `CR without LF at ${i}`);
      record.push(field); records.push(record); field = ''; record = []; i += 2; continue;
    }
    assert.notEqual(c, '\n', `bare LF outside quotes at ${i}`);
    field += c; i++;
  }
  assert.equal(quoted, false, 'unterminated quoted field');
  assert.equal(field + record.join(''), '', 'the last record ends with CRLF');
  return records;
}

async function open(page, query = '') {
  await page.goto(server.url + query);
  await waitForApp(page);
}

/** Event ids of the timeline's cards, in display order. */
async function shownEventIds(page) {
  const hrefs = await page.locator('.event-card .event-title a').evaluateAll((as) => as.map((a) => a.href));
  return hrefs.map((h) => new URL(h).searchParams.get('event'));
}

/** Clicks the button and returns {name, text} of the file it saves. */
async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Both files of the current view, checked against each other and the page. */
async function checkDownloads(page, query) {
  const ids = await shownEventIds(page);
  const n = ids.length;
  assert.ok(n > 0);
  const label = 'of the matching events';

  const csv = await download(page, `Download CSV ${label}`);
  assert.equal(csv.name, 'counterclaim-events.csv');
  assert.ok(!csv.text.startsWith('\ufeff'), 'no byte-order mark');
  const [header, ...rows] = parseCsv(csv.text);
  assert.deepEqual(header, COLUMNS);
  for (const r of rows) assert.equal(r.length, COLUMNS.length);
  const col = (name) => COLUMNS.indexOf(name);
  // Every shown event, in display order, its rows together (one per claim).
  const rowEvents = rows.map((r) => r[col('event_id')]).filter((id, i, a) => i === 0 || a[i - 1] !== id);
  assert.deepEqual(rowEvents, ids);
  for (const r of rows) {
    const url = r[col('url')];
    assert.ok(url === '' || /^https?:\/\//.test(url), `url ${url}`);
    assert.ok(/^[123]$/.test(r[col('time_precision')]));
    if (r[col('claim_id')]) {
      assert.match(r[col('stance')], /^(assert|deny)$/);
      assert.ok(Number(r[col('quote_end')]) > Number(r[col('quote_start')]));
      assert.ok(r[col('quote')].length > 0 && r[col('source_title')].length > 0);
    }
  }

  const json = await download(page, `Download JSON ${label}`);
  assert.equal(json.name, 'counterclaim-events.json');
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, 'counterclaim-rows');
  assert.equal(doc.version, 2);
  assert.equal(doc.query, query);
  assert.equal(doc.events, n);
  assert.equal(doc.rows.length, rows.length);
  doc.rows.forEach((o, i) => {
    assert.deepEqual(Object.keys(o), COLUMNS);
    COLUMNS.forEach((c, j) => {
      const v = o[c];
      let want = v === null ? '' : String(v);
      // CSV guards text cells against formula injection; numbers stay numbers.
      if (typeof v === 'string' && /^[=+\-@\t\r]/.test(v)) want = `'${v}`;
      assert.equal(rows[i][j], want, `row ${i} ${c}`);
    });
    assert.equal(typeof o.contested, 'boolean');
    assert.ok(['high', 'medium', 'low'].includes(o.confidence), `row ${i} confidence ${o.confidence}`);
    assert.ok(o.latitude === null || typeof o.latitude === 'number');
  });
  return { rows, doc, col };
}

test('downloads of a view filtered by the URL (contested only) hold its events, claims and citations', async () => {
  const page = await newPage(browser);
  await open(page, '?contested=1');
  const { rows, doc, col } = await checkDownloads(page, 'contested=1');
  assert.ok(rows.every((r) => r[col('contested')] === 'true'));
  const denial = doc.rows.find((r) => r.quote?.includes('I deny the entry of the FAMA/Wagner convoy to Anéfis'));
  assert.ok(denial, 'the CSP denial is quoted');
  assert.equal(denial.stance, 'deny');
  const anefis = doc.rows.filter((r) => r.event_id === denial.event_id);
  const sides = new Set(anefis.map((r) => r.side));
  assert.ok(sides.has('State & allies') && sides.has('Rebels & armed opposition'), [...sides].join(', '));
  assert.ok(anefis[0].place.includes('Anéfis') && anefis[0].latitude > 17 && anefis[0].latitude < 19);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});

test('downloads follow a filter set by clicking, and the buttons say what they download', async () => {
  const page = await newPage(browser);
  await open(page);
  const all = (await shownEventIds(page)).length;
  await page.getByRole('button', { name: 'Download CSV of the matching events' }).waitFor();
  await page.getByRole('button', { name: 'Download JSON of the matching events' }).waitFor();
  await page.check('#filter-contested');
  await page.waitForFunction(() => /[?&]contested=1/.test(location.search));
  const shown = (await shownEventIds(page)).length;
  assert.ok(shown < all, `${shown} of ${all}`);
  await checkDownloads(page, 'contested=1');
  // Downloading leaves the page where it was.
  assert.match(await page.evaluate(() => location.search), /contested=1/);
  assert.equal((await shownEventIds(page)).length, shown);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});
