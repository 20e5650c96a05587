// Adding a provider or an area is a dataset change only: a synthetic dataset with a
// third provider (no marker given) and a new area (no zoom frame given) renders every
// view, legend, filter, export, summary and URL key from its records, with the
// provider's own colours in light and dark, no CSP violation and no axe violation.
// The model-based test also plays sequences on this dataset (model.test.mjs).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, guardedPage, shippedData, download as save, axeViolations as violations, schemes } from './harness.mjs';
import { threeProviders } from './datasets.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

const data = threeProviders(shippedData());
const nimbus = data.providers.find((p) => p.id === 'nimbus');
const slot = `prov-${data.providers.indexOf(nimbus)}`;
const mine = (r) => r.provider === 'nimbus';
const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function open(q, options = {}) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, ...options });
  await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) }));
  await page.goto(env.url + q);
  await page.waitForSelector('[data-testid=summary]');
  return page;
}

async function download(page, name) {
  return (await save(env, page, () => page.getByRole('button', { name }).click())).body.toString('utf8');
}


test('a third provider and a new area: chips, legend, markers, zoom and colours come from the data', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open('', { colorScheme });
    const chips = page.getByRole('group', { name: 'Providers' }).getByRole('button');
    assert.deepEqual(
      (await chips.allTextContents()).map((t) => t.replace(/\s*\d+$/, '').trim()),
      [...data.providers.map((p) => p.name), 'Market'],
    );
    const legend = await page.locator('.map-legend').textContent();
    for (const want of ['Nimbus Cloud region', 'Nimbus only', 'two or more']) assert.ok(legend.includes(want), want);
    // Every Nimbus region is a marker in its slot, drawn in the colour its record gives for this theme.
    const markers = page.locator(`.marker.${slot}`);
    assert.equal(await markers.count(), data.regions.filter(mine).length);
    const live = page.locator(`.marker.${slot}.marker--live .shape`).first();
    const want = colorScheme === 'dark' ? nimbus.color_dark : nimbus.color;
    assert.equal(await live.evaluate((el) => getComputedStyle(el).fill), rgb(want));
    // Kenya has only Nimbus; its shade is Nimbus's tint.
    await page.waitForSelector('path[data-iso=KE]');
    assert.equal(await page.locator('path[data-iso=KE]').getAttribute('class'), `country country--one ${slot}`);
    // The new area is a zoom preset fitted to its regions.
    await page.getByRole('group', { name: 'Zoom to' }).getByRole('button', { name: 'Africa', exact: true }).click();
    await page.waitForFunction(() => !document.querySelector('.marker[data-sel-id^="alibaba:eu"]'));
    const shown = await page.locator('.marker').evaluateAll((els) => els.map((e) => e.dataset.selId));
    // (the regions of providers compared by default: the shipped Huawei Cloud is a chip away)
    const compared = new Set(data.providers.filter((p) => p.default !== false).map((p) => p.id));
    for (const r of data.regions.filter((r) => r.area === 'af' && compared.has(r.provider))) assert.ok(shown.includes(r.id), r.id);
    assert.deepEqual(await page.cspViolations(), [], 'colours set without breaking the CSP');
    assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
    await page.context().close();
  }
});

test('the new ids are URL keys, and every view and export follows them', async () => {
  const page = await open('?provider=nimbus&area=af');
  assert.equal(new URL(page.url()).search, '?provider=nimbus&area=af', 'kept as it is: canonical');
  assert.equal(await page.title(), 'Nimbus Cloud in Africa — Cloud Atlas');
  const regions = data.regions.filter((r) => mine(r) && r.area === 'af');
  const africa = new Set(data.regions.filter((r) => r.area === 'af').map((r) => r.iso2).concat(data.areas.find((a) => a.id === 'af').countries));
  const events = data.events.filter((e) => mine(e) && africa.has(e.iso2));
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${regions.length} of ${data.regions.length} regions, ${events.length} of ${data.events.length} events`));
  assert.equal(await page.locator('.marker').count(), regions.length);
  const map = await download(page, 'SVG image');
  assert.ok(map.includes(`stroke="${nimbus.color}"`), 'the map picture draws Nimbus in its colour');
  const csv = await download(page, /^Regions CSV/);
  assert.equal(csv.split('\r\n').filter((l) => l.startsWith('nimbus:')).length, regions.length);

  await page.getByRole('link', { name: 'Timeline' }).click();
  await page.waitForFunction(() => location.search === '?view=timeline&provider=nimbus&area=af');
  await page.waitForSelector('svg.timeline');
  assert.equal(await page.locator(`svg.timeline .tl-lane.${slot} .tl-event`).count(), events.length);
  assert.ok((await page.getByTestId('growth').textContent()).includes('Nimbus Cloud'));
  const chart = await download(page, 'SVG image');
  assert.ok(chart.includes(`fill="${nimbus.color}"`) && !chart.includes('class='), 'the chart picture comes from the core');

  await page.getByRole('link', { name: 'Head to head' }).click();
  await page.waitForSelector('[data-testid=compare]');
  const heads = await page.locator('[data-testid=compare] thead th').allTextContents();
  // The providers compared by default, and Nimbus, which the link names.
  assert.deepEqual(heads.slice(1), data.providers.filter((p) => p.default !== false || p.id === 'nimbus').map((p) => p.name));
  assert.ok((await page.getByTestId('country-split').textContent()).includes('Nimbus Cloud only'));

  await page.getByRole('link', { name: 'Table' }).click();
  await page.waitForSelector('[data-testid=region-table]');
  assert.equal(await page.getByTestId('region-table').locator('tbody tr').count(), regions.length);
  await page.goBack();
  await page.waitForFunction(() => location.search === '?view=compare&provider=nimbus&area=af');
  await page.reload();
  await page.waitForSelector('[data-testid=compare]');
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('three providers pass axe in light and dark on every view (light only in Firefox)', async () => {
  const found = [];
  for (const colorScheme of schemes()) {
    const page = await open('', { colorScheme });
    for (const q of ['', '?view=timeline', '?view=compare', '?view=table&provider=nimbus', '?view=coverage', '?view=changes', '?view=promises']) {
      await page.goto(env.url + q);
      await page.waitForSelector('[data-testid=summary]');
      await page.waitForFunction(() => !document.querySelector('.map') || document.querySelector('svg.map__shapes g path'));
      for (const v of await violations(page)) found.push(`${colorScheme} ${q || '(map)'}: ${v}`);
    }
    await page.context().close();
  }
  assert.deepEqual(found, []);
});
