// The product's question is Alibaba Cloud against Tencent Cloud: a link without a
// provider key compares those two (and the market), as every link made before Huawei
// Cloud joined means. Huawei Cloud is one chip away, and then takes part in every
// view and in the address. Expected figures come from the shipped data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openAt, shippedData } from './harness.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

const data = shippedData();
const open = (q, options) => openAt(env, q, options);
const query = (page) => new URL(page.url()).search;

const defaults = data.providers.filter((p) => p.default !== false);
const others = data.providers.filter((p) => p.default === false);
const shownBy = (ids) => data.regions.filter((r) => ids.includes(r.provider));

test('a link without a provider compares the default providers; one chip adds Huawei Cloud to every view', async () => {
  assert.ok(others.length > 0, 'the shipped data has a provider outside the default comparison');
  const extra = others[0];
  const page = await open();
  const chips = page.getByRole('group', { name: 'Providers' });
  for (const p of defaults) assert.equal(await chips.getByRole('button', { name: new RegExp(`^${p.name} `) }).getAttribute('aria-pressed'), 'true', p.id);
  assert.equal(await chips.getByRole('button', { name: new RegExp(`^${extra.name} `) }).getAttribute('aria-pressed'), 'false');
  const before = shownBy(defaults.map((p) => p.id));
  await page.waitForFunction((n) => document.querySelectorAll('.marker').length === n, before.length);
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${before.length} of ${data.regions.length} regions`));
  // The legend names only the providers in view.
  assert.equal(await page.locator('.legend li', { hasText: `${extra.name} region` }).count(), 0);
  // One click: its regions join the map (and its legend), the address carries every provider chosen.
  await chips.getByRole('button', { name: new RegExp(`^${extra.name} `) }).click();
  const all = shownBy(data.providers.map((p) => p.id));
  await page.waitForFunction((n) => document.querySelectorAll('.marker').length === n, all.length);
  await page.locator('.legend li', { hasText: `${extra.name} region` }).waitFor();
  const ids = [...data.providers.map((p) => p.id), 'market'].sort();
  assert.equal(query(page), `?provider=${ids.join(',')}`);
  // Head to head has its column; the table its rows; the link reloads to the same view.
  await page.getByRole('link', { name: 'Head to head' }).click();
  const head = page.getByTestId('compare').locator('thead th');
  await head.first().waitFor();
  assert.ok((await head.allInnerTexts()).some((t) => t.includes(extra.name)), 'a column for the added provider');
  await page.reload();
  await page.getByTestId('compare').waitFor();
  assert.ok((await page.getByTestId('compare').locator('thead th').allInnerTexts()).some((t) => t.includes(extra.name)));
  // Back to the default pair: the key leaves the address again.
  await page.getByRole('link', { name: 'Map' }).click();
  await page.getByRole('group', { name: 'Providers' }).getByRole('button', { name: new RegExp(`^${extra.name} `) }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.marker').length === n, before.length);
  assert.equal(query(page), '');
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('the Chinese page names the added provider in Chinese and counts it the same', async () => {
  const extra = others[0];
  const page = await open('?lang=zh&provider=' + extra.id);
  const regions = shownBy([extra.id]);
  await page.waitForFunction((n) => document.querySelectorAll('.marker').length === n, regions.length);
  const chip = page.getByRole('group', { name: '云服务商' }).locator('.chip[aria-pressed=true]');
  assert.equal(await chip.count(), 1);
  assert.match(await chip.textContent(), new RegExp(extra.name_zh));
  await page.context().close();
});
