// The promises view in the release build: a row and a mark per promise of the
// dataset, each lag from the records it links, the filters choosing promises,
// records opening from the table, the downloads, Chinese at 360 px.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openAt, shippedData, byDefault, download as save, axeViolations } from './harness.mjs';

const data = shippedData();
// Those a link without a provider key shows: of the providers compared by default.
const PROMISES = byDefault(data).events.filter((e) => e.promise);

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

async function open(q, options) {
  const page = await openAt(env, q, options);
  await page.waitForSelector('[data-testid=promises-table] tbody tr');
  return page;
}

test('promises: a row and a mark per promise, the lag from the linked launches', async () => {
  const page = await open('?view=promises');
  const ids = await page.locator('[data-testid=promises-table] tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.id));
  assert.deepEqual([...ids].sort(), PROMISES.map((e) => e.id).sort());
  assert.equal(await page.locator('[data-testid=promises-chart] circle').count(), PROMISES.length);
  assert.equal(await page.locator('[data-testid=promises-chart] circle.pr-open').count(), PROMISES.filter((e) => !e.delivered_by?.length).length);
  // Each row lists exactly the launches its record links.
  for (const e of PROMISES) {
    const linked = await page.locator(`[data-testid=promises-table] tr[data-id="${e.id}"] .pr-launches button`).evaluateAll((bs) => bs.map((b) => b.dataset.selId));
    assert.deepEqual(linked, e.delivered_by ?? [], e.id);
  }
  // May 2024 → July 2025 (the last of its four launches): 14 months.
  assert.equal(await page.locator('[data-testid=promises-table] tr[data-id="alibaba-2024-05-news-mx"] td.num').textContent(), '14 months');
  assert.match(await page.locator('[data-testid=promises-table] tr[data-id="alibaba-2025-09-news-nl"] td.num').textContent(), /^No launch on record after \d+ months$/);
  // A launch opens its record.
  await page.locator('tr[data-id="alibaba-2024-05-news-mx"] .pr-launches button').first().click();
  await page.waitForSelector('[data-testid=detail]');
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('promises: the filters choose them; CSV and SVG downloads carry them', async () => {
  const page = await open('?view=promises&provider=tencent');
  const mine = PROMISES.filter((e) => e.provider === 'tencent');
  assert.equal(await page.locator('[data-testid=promises-table] tbody tr').count(), mine.length);
  assert.deepEqual(await page.locator('[data-testid=promises-lead] li').allTextContents(), [
    (await page.locator('[data-testid=promises-lead] li').first().textContent()),
  ]);
  assert.match(await page.locator('[data-testid=promises-lead] li').first().textContent(), new RegExp(`^Tencent Cloud — promises: ${mine.length}; with a launch on record: ${mine.filter((e) => e.delivered_by?.length).length};`));
  const csv = await save(env, page, () => page.getByRole('button', { name: /^Promises CSV/ }).click());
  const rows = csv.body.toString('utf8').trim().split('\r\n');
  assert.ok(rows[0].includes(`${env.url}?view=promises&provider=tencent&d=${data.version}`));
  assert.match(rows[1], /^# Cite as: /);
  assert.equal(rows[2], 'promised,provider,promise,announcement,title,launches,launched,lag_months_min,lag_months_max,months_without_launch');
  assert.equal(rows.length - 3, mine.length);
  const svg = (await save(env, page, () => page.getByRole('button', { name: 'SVG image' }).click())).body.toString('utf8');
  assert.ok(!/class=|href=|url\(/.test(svg), 'self-contained');
  assert.equal((svg.match(/<circle/g) || []).length, mine.length);
  await page.context().close();
});

test('promises in Chinese and at 360 px: no sideways overflow, no WCAG violations', async () => {
  const page = await open('?view=promises&lang=zh', { viewport: { width: 360, height: 800 } });
  assert.match(await page.locator('[data-testid=promises-lead] li').first().textContent(), /^阿里云——承诺\d+项/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});

test('the three analyst views embed: only the view, with its figures', async () => {
  for (const [view, ready] of [['coverage', '[data-testid=coverage-table] tbody tr'], ['changes', '[data-testid=changes-table] tbody tr'], ['promises', '[data-testid=promises-table] tbody tr']]) {
    const page = await openAt(env, `?view=${view}&embed=1`);
    await page.waitForSelector(ready);
    assert.equal(await page.locator('.filterbar').count(), 0, view);
    assert.match(await page.getByTestId('open-full').getAttribute('href'), new RegExp(`\\?view=${view}$`));
    assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] }, view);
    await page.context().close();
  }
});
