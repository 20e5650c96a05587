// Hostile and broken inputs against the release build: each ends in a clear
// in-page message or a correct render; never a blank page, a panic or executed script.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, DIST } from './harness.mjs';

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
  const [r, e] = [base.regions.length - 3, base.events.length - 1]; // what the notice lists as skipped
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${r} of ${r} regions, ${e} of ${e} events`));
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
  const [r, e] = [base.regions.length, doc.events.length];
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${r} of ${r} regions, ${e} of ${e} events`));
  await page.getByRole('group', { name: 'Providers' }).getByRole('button', { name: /^Tencent Cloud/ }).click();
  await page.waitForFunction(() => location.search === '?provider=tencent');
  const tencent = base.regions.filter((r) => r.provider === 'tencent').length;
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${tencent} of ${base.regions.length} regions`));
  await page.context().close();
});

test('a response that stalls ends in a timeout message with Retry', async () => {
  const page = await guardedPage(env);
  let stalled = true;
  await page.route('**/data/atlas.json', async (route) => {
    if (stalled) return; // never answer
    await route.continue();
  });
  // Playwright's clock stands in for the 15 seconds: nothing waits for real time.
  await page.clock.install();
  const asked = page.waitForRequest('**/data/atlas.json');
  await page.goto(env.url);
  await asked;
  const alert = page.locator('[role=alert]');
  await page.clock.runFor(14_000);
  assert.equal(await alert.count(), 0, 'no timeout before 15 seconds');
  await page.clock.runFor(1_500);
  await alert.waitFor();
  assert.match(await alert.textContent(), /no answer within 15 seconds/);
  stalled = false;
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.waitForSelector('[data-testid=counts]');
  await page.context().close();
});
