// The coverage view in the release build: every country of the gazetteer, the
// figures where a map makes the answer plain, the shading switch in the URL and
// history, the table's sorting by mouse and keyboard, the downloads, a failing
// gazetteer, Chinese, and a 360 px screen. Expected counts come from the files.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, openAt, shippedData, download as save, axeViolations, retype, DIST } from './harness.mjs';

const data = shippedData();
const people = JSON.parse(fs.readFileSync(path.join(DIST, 'geo/people.json'), 'utf8'));
const COUNTRIES = Object.keys(people.countries).length;

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

async function open(q, options) {
  const page = await openAt(env, q, options);
  await page.waitForSelector('[data-testid=coverage-table] tbody tr');
  return page;
}

/** The cells of a country's row, as text. */
const row = (page, iso) => page.locator(`[data-testid=coverage-table] tr[data-iso=${iso}] > *`).allTextContents();

test('coverage: a row for every country of the gazetteer, with the figures a map makes plain', async () => {
  const page = await open('?view=coverage');
  assert.equal(await page.locator('[data-testid=coverage-table] tbody tr').count(), COUNTRIES);
  // Singapore hosts a region of each provider: all its people within 1,000 km.
  const sg = await row(page, 'SG');
  assert.equal(sg[0], 'Singapore');
  assert.equal(sg.filter((c) => c === '100%').length, 4, `${sg}`);
  // Nigeria: no region of either provider within 2,500 km.
  const ng = await row(page, 'NG');
  assert.equal(ng.filter((c) => c === '0%').length, 4, `${ng}`);
  // Every country shape with a code is shaded from the figures; none is left unclassified.
  const classes = await page.locator('.coverage__map svg g > path').evaluateAll((ps) => ps.map((p) => p.getAttribute('class')));
  assert.ok(classes.length > 170 && classes.every((c) => /^country country--(lead|dist|tie|none|nodata)/.test(c)), classes.join('\n'));
  const summary = await page.textContent('[data-testid=coverage-summary]');
  assert.match(summary, /^Of the 3\.\d+ billion people counted in the gazetteer's towns, [\d.]+ billion live within 1,000 km of one of Alibaba Cloud's regions and [\d.]+ billion live within 1,000 km of one of Tencent Cloud's regions \(regions live today\)\.$/);
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('coverage: the "to" year measures the regions live at its end (Mexico before and after Querétaro)', async () => {
  const page = await open('?view=coverage&provider=alibaba&to=2024');
  const nearest = async () => (await row(page, 'MX'))[2];
  const before = await nearest();
  assert.doesNotMatch(before, /Mexico/, before);
  assert.match(await page.textContent('[data-testid=coverage-summary]'), /regions live at the end of 2024/);
  await retype(page.getByLabel('To year'), '2025');
  await page.getByLabel('To year').press('Tab');
  await page.waitForFunction(() => document.querySelector('[data-testid=coverage-table] tr[data-iso=MX] td button')?.textContent.includes('Mexico'));
  // Only Alibaba is measured: the map shows its distance alone, and the summary says Tencent has nothing here.
  assert.match(await page.textContent('[data-testid=coverage-summary]'), /Tencent Cloud has no live region among the filtered ones\.$/);
  assert.equal(await page.locator('[data-testid=coverage-switch] [aria-current]').textContent(), 'Alibaba Cloud alone');
  await page.context().close();
});

test('coverage: the shading switch is a link in the URL; Back returns to "which is nearer"', async () => {
  const page = await open('?view=coverage');
  const current = () => page.locator('[data-testid=coverage-switch] [aria-current]').textContent();
  assert.equal(await current(), 'Which is nearer');
  assert.match(await page.locator('[data-testid=coverage-switch] a', { hasText: 'Tencent Cloud alone' }).getAttribute('href'), /^\?view=coverage&shade=tencent$/);
  await page.getByRole('link', { name: 'Tencent Cloud alone' }).click();
  await page.waitForFunction(() => location.search === '?view=coverage&shade=tencent');
  assert.equal(await current(), 'Tencent Cloud alone');
  assert.match(await page.locator('.coverage__map svg').getAttribute('aria-label'), /^Distance from each country's people to Tencent Cloud's nearest live region/);
  assert.equal(await page.locator('[data-testid=coverage-legend] li').first().textContent(), 'up to 500 km');
  await page.goBack();
  await page.waitForFunction(() => location.search === '?view=coverage');
  assert.equal(await current(), 'Which is nearer');
  // Reset clears filters, not the way of looking.
  await page.goto(env.url + '?view=coverage&shade=alibaba&provider=tencent');
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.waitForFunction(() => location.search === '?view=coverage&shade=alibaba');
  await page.context().close();
});

test('coverage: the table sorts by any column, by mouse and by keyboard', async () => {
  const page = await open('?view=coverage');
  const names = () => page.locator('[data-testid=coverage-table] tbody th').allTextContents();
  const sorted = (v) => [...v].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Default: the most people first.
  assert.equal((await names())[0], 'China');
  await page.locator('button[data-sort=country]').click();
  const az = await names();
  assert.deepEqual(az, sorted(az));
  assert.equal(await page.locator('th:has(> button[data-sort=country])').getAttribute('aria-sort'), 'ascending');
  // Keyboard: the sort buttons are in the tab order and Enter sorts.
  await page.locator('button[data-sort=country]').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await names(), [...az].reverse());
  const km = page.locator('button[data-sort="km-tencent"]');
  assert.equal(await km.evaluate((b) => b.textContent.replace('↕', '').trim()), 'Mean distance (Tencent Cloud)');
  await km.click();
  const first = await row(page, await page.locator('[data-testid=coverage-table] tbody tr').first().getAttribute('data-iso'));
  assert.match(first[8], /^\d{1,3} km$/, `nearest first: ${first}`);
  // The nearest region opens its record.
  await page.locator('[data-testid=coverage-table] tbody tr').first().locator('button[data-sel-id^="tencent:"]').click();
  await page.waitForSelector('[data-testid=detail]');
  assert.match(await page.evaluate(() => location.search), /^\?view=coverage&sel=tencent%3A|^\?view=coverage&sel=tencent:/);
  await page.context().close();
});

test('coverage: CSV with a row per country and the permalink; SVG with the key and the footer', async () => {
  const page = await open('?view=coverage&area=eu');
  const csv = await save(env, page, () => page.getByRole('button', { name: /^Coverage CSV/ }).click());
  assert.equal(csv.name, `cloud-atlas-coverage-${data.version}.csv`);
  const text = csv.body.toString('utf8');
  assert.ok(text.startsWith('\uFEFF"# Cloud Atlas distance to the nearest region'), 'BOM and provenance line');
  const lines = text.trim().split('\r\n');
  assert.ok(lines[0].includes(`${env.url}?view=coverage&area=eu&d=${data.version}`));
  assert.match(lines[1], /^# Cite as: /);
  assert.equal(lines[2], '# regions live today');
  assert.ok(lines[3].startsWith('iso2,country,people,alibaba_nearest_region,alibaba_mean_km,alibaba_floor_ms,alibaba_within_1000km,alibaba_within_2500km,tencent_nearest_region'));
  assert.equal(lines.length, 4 + COUNTRIES);
  const de = lines.find((l) => l.startsWith('DE,'));
  assert.match(de, /^DE,Germany,\d+,alibaba:eu-central-1,\d+,/);
  const svg = (await save(env, page, () => page.getByRole('button', { name: 'SVG image' }).click())).body.toString('utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="'));
  assert.ok(svg.includes('Alibaba Cloud nearer by 250–1,000 km'), 'the key');
  assert.ok(svg.includes(`view=coverage&amp;area=eu&amp;d=${data.version}`), 'footer permalink');
  assert.ok(!/href=|<image|url\((?!#)|class=/.test(svg), 'self-contained');
  const png = (await save(env, page, () => page.getByRole('button', { name: 'PNG image' }).click())).body;
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  await page.context().close();
});

test('coverage: a gazetteer that fails to load says so, and Retry brings the view', async () => {
  const page = await openAt(env, '', { viewport: { width: 1280, height: 900 } });
  let fail = true;
  await page.route('**/geo/people.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await page.getByRole('link', { name: 'Coverage' }).click();
  const alert = page.getByTestId('coverage-failed');
  await alert.waitFor();
  assert.match(await alert.textContent(), /The population table could not be loaded \(HTTP 503\)\./);
  // The rest of the page stays.
  assert.ok(await page.getByTestId('summary').isVisible());
  fail = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.waitForSelector('[data-testid=coverage-table] tbody tr');
  assert.equal(await page.getByTestId('coverage-failed').count(), 0);
  await page.context().close();
});

test('coverage in Chinese and at 360 px: Chinese names, no sideways overflow, no WCAG violations', async () => {
  const page = await open('?view=coverage&lang=zh', { viewport: { width: 360, height: 800 } });
  const sg = await row(page, 'SG');
  assert.equal(sg[0], '新加坡');
  // A country the dataset does not name: the gazetteer's CLDR name.
  assert.equal((await row(page, 'NG'))[0], people.names.NG[1]);
  assert.match(await page.textContent('[data-testid=coverage-summary]'), /^地名库城镇人口共[\d.]+亿，其中/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'the page does not scroll sideways (the table scrolls in its box)');
  assert.deepEqual(await axeViolations(page), []);
  await page.context().close();
});
