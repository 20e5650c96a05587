// The changes view in the release build: the default range (the last 24 months of
// the data), a chosen range of years equal to the records dated in it, records known
// only to a year that straddles an end set apart, every line opening its record,
// the downloads, Chinese at 360 px. Expected sets are derived from the dataset file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openAt, shippedData, byDefault, download as save, axeViolations } from './harness.mjs';

const data = shippedData();
/** What a link without a provider key shows: the providers compared by default. */
const shown = byDefault(data);
const PROVIDERS = data.providers.filter((p) => p.default !== false);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (s) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1;
const span = (s) => (s.length >= 7 ? [month(s), month(s)] : [Number(s) * 12, Number(s) * 12 + 11]);
const label = (m) => `${MONTHS[m % 12]} ${Math.floor(m / 12)}`;

/** Every dated change of the dataset: region openings and retirements, events but market figures. */
const CHANGES = [
  ...shown.regions.filter((r) => !['announced', 'listed'].includes(r.status)).flatMap((r) => [r.opened && { id: r.id, date: r.opened }, r.retired && { id: r.id, date: r.retired }].filter(Boolean)),
  ...shown.events.filter((e) => e.kind !== 'market_figure').map((e) => ({ id: e.id, date: e.date })),
];
const LATEST = Math.max(...CHANGES.concat(shown.events.map((e) => ({ date: e.date }))).filter((c) => c.date.length >= 7).map((c) => month(c.date)));
const START = LATEST - 23;

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

async function open(q, options) {
  const page = await openAt(env, q, options);
  await page.waitForSelector('[data-testid=changes-table] tbody tr');
  return page;
}

const lines = (page, scope = '[data-testid=changes-list]') => page.locator(`${scope} li button[data-sel-id]`).evaluateAll((bs) => bs.map((b) => b.dataset.selId));

test('changes: the default range is the last 24 months of the data; coarse dates are set apart', async () => {
  const page = await open('?view=changes');
  assert.equal(await page.textContent('[data-testid=changes-range]'), `From ${label(START)} to ${label(LATEST)}: the last 24 months of the data. Choose years in the filters for another range.`);
  const inside = CHANGES.filter((c) => span(c.date)[0] >= START && span(c.date)[1] <= LATEST).map((c) => c.id);
  const coarse = CHANGES.filter((c) => {
    const [a, b] = span(c.date);
    return !(a >= START && b <= LATEST) && !(b < START || a > LATEST);
  }).map((c) => c.id);
  const all = await lines(page);
  const apart = await lines(page, '[data-testid=changes-coarse]');
  assert.deepEqual([...all.slice(0, all.length - apart.length)].sort(), [...inside].sort());
  assert.deepEqual([...apart].sort(), [...coarse].sort());
  // The table's regions opened per provider: the list's region openings of that provider.
  const opened = await page.locator('[data-testid=changes-table] tbody tr').first().locator('td').allTextContents();
  for (const [k, p] of PROVIDERS.entries()) {
    const want = shown.regions.filter((r) => r.provider === p.id && !['announced', 'listed'].includes(r.status) && r.opened && span(r.opened)[0] >= START && span(r.opened)[1] <= LATEST).length;
    assert.equal(Number(opened[k]), want, p.id);
  }
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('changes: a range of whole years lists exactly the records dated in it, month by month', async () => {
  const page = await open('?view=changes&from=2025&to=2025');
  assert.equal(await page.textContent('[data-testid=changes-range]'), 'From Jan 2025 to Dec 2025, the years chosen in the filters.');
  const want = CHANGES.filter((c) => c.date.startsWith('2025')).map((c) => c.id);
  assert.deepEqual((await lines(page)).sort(), want.sort());
  assert.equal(await page.getByTestId('changes-coarse').count(), 0);
  const dates = await page.locator('[data-testid=changes-list] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  const keys = dates.map((d) => [span(d)[1], span(d)[1] - span(d)[0]]);
  assert.deepEqual(keys, [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]), 'oldest first');
  // A line opens its record; Back closes it.
  const first = page.locator('[data-testid=changes-list] li button').first();
  const id = await first.getAttribute('data-sel-id');
  await first.click();
  await page.waitForSelector('[data-testid=detail]');
  assert.ok((await page.evaluate(() => decodeURIComponent(location.search))).includes(`sel=${id}`));
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('[data-testid=detail]'));
  await page.context().close();
});

test('changes: CSV lists every change with the range and the permalink; SVG has a map per provider', async () => {
  const page = await open('?view=changes&provider=alibaba');
  const n = (await lines(page)).length;
  const button = page.getByRole('button', { name: /^Changes CSV/ });
  assert.equal(await button.textContent(), `Changes CSV (${n})`);
  const csv = await save(env, page, () => button.click());
  const text = csv.body.toString('utf8');
  assert.ok(text.startsWith('\uFEFF"# Cloud Atlas changes between two dates'));
  assert.ok(text.includes(`${env.url}?view=changes&provider=alibaba&d=${data.version}`));
  const rows = text.trim().split('\r\n');
  assert.match(rows[1], /^# Cite as: /);
  assert.match(rows[2], /^# From \w{3} \d{4} to \w{3} \d{4}: the last 24 months/);
  assert.equal(rows[3], 'date,provider,change,record,title,iso2,amount_usd,in_range');
  assert.equal(rows.length - 4, n);
  assert.ok(rows.slice(4).every((r) => r.split(',')[1] === 'alibaba'));
  const svg = (await save(env, page, () => page.getByRole('button', { name: 'SVG image' }).click())).body.toString('utf8');
  assert.ok(svg.includes('Alibaba Cloud — regions opened:') && svg.includes('Tencent Cloud — regions opened: 0'));
  assert.ok(!/href=|<image|url\(|class=/.test(svg), 'self-contained');
  await page.context().close();
});

test('changes in Chinese and at 360 px: no sideways overflow, no WCAG violations', async () => {
  const page = await open('?view=changes&lang=zh', { viewport: { width: 360, height: 800 } });
  assert.match(await page.textContent('[data-testid=changes-range]'), /^\d{4}年\d{1,2}月至\d{4}年\d{1,2}月：数据中最近的24个月/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});
