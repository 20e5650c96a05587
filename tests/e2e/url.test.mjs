// The URL is the view: filtered links open exactly, every control writes the
// URL, reload and Back/Forward restore, garbage is named and canonicalised.
// All of it under the sub-path the release build was made for.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, retype, byDefault, DIST } from './harness.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));

/** Record ids as the table view lists them (it opens the table and the right tab, keeping the filters). */
async function ids(page, list) {
  if (!page.url().includes('view=table')) await page.getByRole('link', { name: 'Table' }).click();
  await page.getByRole('button', { name: list === 'events' ? /^Events \(/ : /^Regions \(/ }).click();
  const testid = list === 'events' ? 'event-table' : 'region-table';
  return page.locator(`[data-testid=${testid}] tbody tr`).evaluateAll((rows) => rows.map((r) => r.dataset.id));
}
const query = (page) => new URL(page.url()).search;

async function open(q = '', options) {
  const page = await guardedPage(env, options);
  await page.goto(env.url + q);
  await page.waitForSelector('[data-testid=counts]');
  return page;
}

test('a filtered link shows exactly the matching records', async () => {
  const page = await open('?provider=tencent&country=SA,AE');
  const regions = data.regions.filter((r) => r.provider === 'tencent' && ['SA', 'AE'].includes(r.iso2)).map((r) => r.id);
  const events = data.events.filter((e) => e.provider === 'tencent' && ['SA', 'AE'].includes(e.iso2)).map((e) => e.id);
  assert.ok(regions.length > 0 && events.length > 0);
  assert.equal(query(page), '?provider=tencent&country=AE,SA', 'rewritten canonically');
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${regions.length} of ${data.regions.length} regions, ${events.length} of ${data.events.length} events`));
  assert.deepEqual([...(await ids(page, 'regions'))].sort(), [...regions].sort());
  assert.deepEqual([...(await ids(page, 'events'))].sort(), [...events].sort());
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('every control writes the URL without adding history entries', async () => {
  const page = await open();
  const steps = async (action, expected) => {
    await action();
    await page.waitForFunction((q) => location.search === q, expected, { timeout: 5000 });
  };
  const historyBefore = await page.evaluate(() => history.length);
  // From the default comparison (every chip of it pressed), chips toggle providers out until
  // only Tencent Cloud is left; with every provider a default one, one click chooses it.
  const chips = page.getByRole('group', { name: 'Providers' });
  const defaults = data.providers.filter((p) => p.default !== false).map((p) => p.id);
  if (defaults.length === data.providers.length) {
    await steps(() => chips.getByRole('button', { name: /^Tencent Cloud/ }).click(), '?provider=tencent');
  } else {
    const chosen = new Set([...defaults, 'market']);
    for (const p of [...chosen].filter((id) => id !== 'tencent')) {
      const name = p === 'market' ? 'Market' : data.providers.find((x) => x.id === p).name;
      chosen.delete(p);
      await steps(() => chips.getByRole('button', { name: new RegExp(`^${name} `) }).click(), `?provider=${[...chosen].sort().join(',')}`);
    }
  }
  await steps(async () => {
    await page.locator('summary', { hasText: 'Area' }).click();
    await page.getByRole('checkbox', { name: /Middle East/ }).check();
  }, '?provider=tencent&area=me');
  await steps(async () => {
    await page.locator('summary', { hasText: 'Country' }).click();
    await page.getByRole('checkbox', { name: /Saudi Arabia/ }).check();
  }, '?provider=tencent&area=me&country=SA');
  await steps(() => retype(page.getByLabel('From year'), '2020').then(() => page.getByLabel('From year').press('Enter')),
    '?provider=tencent&area=me&country=SA&from=2020');
  await steps(() => retype(page.getByLabel('To year'), '2025').then(() => page.getByLabel('To year').press('Tab')),
    '?provider=tencent&area=me&country=SA&from=2020&to=2025');
  await steps(async () => {
    await page.locator('summary', { hasText: 'Event kind' }).click();
    await page.getByRole('checkbox', { name: /Investment/ }).check();
  }, '?provider=tencent&area=me&country=SA&from=2020&to=2025&kind=investment');
  await steps(async () => {
    await page.locator('summary', { hasText: 'Region status' }).click();
    await page.getByRole('checkbox', { name: /^Live/ }).check();
  }, '?provider=tencent&area=me&country=SA&from=2020&to=2025&kind=investment&status=live');
  await steps(() => page.getByLabel('Search records').fill('riyadh'),
    '?provider=tencent&area=me&country=SA&from=2020&to=2025&kind=investment&status=live&q=riyadh');
  assert.equal(await page.locator('.marker').count(), 1);
  assert.equal(await page.locator('.marker').getAttribute('data-sel-id'), 'tencent:me-saudi-arabia');
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^1 of ${data.regions.length} regions, 1 of ${data.events.length} events`));
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'filter edits replace the entry');
  await steps(() => page.getByRole('button', { name: 'Reset' }).click(), '');
  assert.equal(await page.locator('.marker').count(), byDefault(data).regions.length);
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('reload restores the same view', async () => {
  const page = await open('?view=table&area=eu&status=retired,live&q=frankfurt');
  const rows = () => page.locator('[data-testid=region-table] tbody tr').evaluateAll((r) => r.map((x) => x.dataset.id));
  const before = { q: query(page), regions: await rows(), counts: await page.textContent('[data-testid=counts]') };
  assert.ok(before.regions.length > 0);
  await page.reload();
  await page.waitForSelector('[data-testid=counts]');
  assert.deepEqual({ q: query(page), regions: await rows(), counts: await page.textContent('[data-testid=counts]') }, before);
  assert.equal(await page.getByLabel('Search records').inputValue(), 'frankfurt');
  assert.equal(await page.locator('[aria-current=page]').textContent(), 'Table');
  await page.context().close();
});

test('Back and Forward walk through view switches', async () => {
  const page = await open('?provider=alibaba');
  const current = () => page.locator('nav[aria-label=Views] [aria-current=page]').textContent();
  await page.getByRole('link', { name: 'Timeline' }).click();
  assert.equal(query(page), '?view=timeline&provider=alibaba');
  await page.getByRole('link', { name: 'Table' }).click();
  assert.equal(query(page), '?view=table&provider=alibaba');
  await page.goBack();
  await page.waitForFunction(() => location.search === '?view=timeline&provider=alibaba');
  assert.equal(await current(), 'Timeline');
  await page.goBack();
  await page.waitForFunction(() => location.search === '?provider=alibaba');
  assert.equal(await current(), 'Map');
  await page.goForward();
  await page.waitForFunction(() => location.search === '?view=timeline&provider=alibaba');
  assert.equal(await current(), 'Timeline');
  const alibaba = data.regions.filter((r) => r.provider === 'alibaba').length;
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${alibaba} of ${data.regions.length} regions`));
  await page.context().close();
});

test('garbage parameters are named in a notice and the URL ends canonical', async () => {
  const page = await open('?zzz=1&provider=AWS,Tencent&from=abc&view=globe&to=2019&from=2030&country=xx1');
  const notice = page.locator('[data-testid=url-notice]');
  await notice.waitFor();
  const text = await notice.textContent();
  for (const part of ['zzz=1', 'provider=aws', 'from=abc', 'view=globe', 'country=xx1']) assert.ok(text.includes(part), `${part} in ${text}`);
  assert.equal(query(page), '?provider=tencent');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0);
  await page.context().close();
});

test('Copy link stamps the dataset version; an older stamp warns', async () => {
  const page = await open('?area=latam', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${env.url}?area=latam&d=${data.version}`);
  await page.goto(link);
  await page.waitForSelector('[data-testid=counts]');
  assert.equal(await page.locator('[data-testid=data-changed]').count(), 0);
  await page.goto(`${env.url}?area=latam&d=2020-01-01`);
  await page.locator('[data-testid=data-changed]').waitFor();
  await page.context().close();
});
