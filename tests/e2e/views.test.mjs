// The map, the table and the detail panel, in the release build under its sub-path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, guardedPage } from './harness.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

async function open(q = '', options) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(env.url + q);
  await page.waitForSelector('[data-testid=counts]');
  return page;
}

test('map: one focusable, named, 24 px marker per region; both providers visible where they share a city', async () => {
  const page = await open();
  const markers = page.locator('.marker');
  assert.equal(await markers.count(), 61);
  const riyadh = page.getByRole('button', { name: 'Tencent Cloud — Middle East (Riyadh), live, 2 zones, opened 2025' });
  assert.equal(await riyadh.count(), 1);
  const boxes = await markers.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }));
  assert.ok(boxes.every(([w, h]) => w >= 24 && h >= 24), 'hit targets are at least 24x24');
  // Alibaba and Tencent both have Riyadh regions: two markers, not on top of each other.
  const saudi = await page.locator('.marker[data-sel-id$="me-central-1"], .marker[data-sel-id$="me-saudi-arabia"]')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  assert.equal(saudi.length, 2);
  assert.ok(Math.abs(saudi[0] - saudi[1]) >= 20, `markers apart: ${saudi}`);
  // Shading: Mexico has only Alibaba, Saudi Arabia both, Canada only Tencent (a retired region).
  await page.waitForSelector('path.country');
  const shade = (name) => page.locator('path.country', { has: page.locator(`title:text-is("${name}")`) }).getAttribute('class');
  assert.equal(await shade('Mexico'), 'country country--alibaba');
  assert.equal(await shade('Saudi Arabia'), 'country country--both');
  assert.equal(await shade('Canada'), 'country country--tencent');
  assert.equal(await shade('Egypt'), 'country');
  // Hover and focus show the same tooltip.
  await riyadh.hover();
  assert.ok(await riyadh.locator('.marker__tip').isVisible());
  await page.mouse.move(0, 0);
  await riyadh.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.ok(await riyadh.locator('.marker__tip').isVisible());
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('map: selecting opens the detail panel, pushes history; Escape closes and returns focus', async () => {
  const page = await open('?provider=tencent');
  const marker = page.locator('.marker[data-sel-id="tencent:me-saudi-arabia"]');
  await marker.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('detail');
  await panel.waitFor();
  assert.equal(new URL(page.url()).search, '?provider=tencent&sel=tencent:me-saudi-arabia');
  assert.match(await panel.textContent(), /CONFLICT on timing/);
  assert.match(await panel.textContent(), /Confidence: medium/);
  assert.ok(await panel.locator('a[rel="noopener noreferrer"][target=_blank]').count() >= 1);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).search, '?provider=tencent');
  await page.waitForFunction(() => document.activeElement?.dataset?.selId === 'tencent:me-saudi-arabia');
  // Back after selecting returns to the unselected view.
  await marker.click();
  await panel.waitFor();
  await page.goBack();
  await panel.waitFor({ state: 'detached' });
  await page.context().close();
});

test('map: zoom presets frame their area', async () => {
  const page = await open();
  await page.getByRole('button', { name: 'Europe', exact: true }).click();
  const ids = await page.locator('.marker').evaluateAll((els) => els.map((e) => e.dataset.selId));
  assert.ok(ids.includes('alibaba:eu-central-1') && ids.includes('tencent:eu-frankfurt') && ids.includes('alibaba:eu-west-1'));
  assert.ok(!ids.includes('alibaba:ap-northeast-1'), 'Tokyo is outside the Europe frame');
  // An area filter alone frames the map on load.
  const me = await open('?area=me');
  assert.equal(await me.getByRole('button', { name: 'Middle East', exact: true }).getAttribute('aria-pressed'), 'true');
  await me.context().close();
  await page.context().close();
});

test('table: sortable headers with aria-sort, sources on every row', async () => {
  const page = await open('?view=table');
  const table = page.getByTestId('region-table');
  assert.equal(await table.locator('tbody tr').count(), 61);
  const opened = table.getByRole('button', { name: /^Opened/ });
  await opened.click();
  await opened.click();
  assert.equal(await table.locator('th[aria-sort=descending]').textContent(), 'Opened▼');
  assert.equal(await table.locator('tbody tr').first().locator('td').nth(2).textContent(), 'Jun 2026');
  const rowsWithoutSource = await table.locator('tbody tr').evaluateAll((rows) => rows.filter((r) => !r.querySelector('a[href^="http"][rel="noopener noreferrer"]')).length);
  assert.equal(rowsWithoutSource, 0);
  await page.getByRole('button', { name: /^Events/ }).click();
  const events = page.getByTestId('event-table');
  assert.equal(await events.locator('tbody tr').count(), 112);
  assert.equal(await events.locator('th[aria-sort=ascending]').textContent(), 'Date▲');
  assert.equal(await events.locator('tbody tr time').first().textContent(), 'Sep 2009', 'month precision stays a month');
  await page.context().close();
});

test('the summary sentence follows the filters', async () => {
  const page = await open('?provider=alibaba&country=MX');
  assert.equal(await page.getByTestId('summary').textContent(), 'Showing 1 Alibaba Cloud region in 1 country or territory and 2 events, 2024–2025.');
  await page.context().close();
});
