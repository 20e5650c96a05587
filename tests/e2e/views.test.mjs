// The map, the table and the detail panel, in the release build under its sub-path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, byDefault, DIST } from './harness.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
// What a link without a provider key shows: the providers compared by default.
const { regions: SHOWN_REGIONS, events: SHOWN_EVENTS } = byDefault(data);
const [REGIONS, EVENTS] = [SHOWN_REGIONS.length, SHOWN_EVENTS.length];
const PROVIDER_IDS = data.providers.filter((p) => p.default !== false).map((p) => p.id);

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
  assert.equal(await markers.count(), REGIONS);
  const riyadh = page.getByRole('button', { name: 'Tencent Cloud — Middle East (Riyadh), live, 2 zones, opened 2025' });
  assert.equal(await riyadh.count(), 1);
  const boxes = await markers.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.width, r.height]; }));
  assert.ok(boxes.every(([w, h]) => w >= 24 && h >= 24), 'hit targets are at least 24x24');
  // Alibaba and Tencent both have Riyadh regions: two markers, not on top of each other.
  const saudi = await page.locator('.marker[data-sel-id$="me-central-1"], .marker[data-sel-id$="me-saudi-arabia"]')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
  assert.equal(saudi.length, 2);
  assert.ok(Math.abs(saudi[0] - saudi[1]) >= 20, `markers apart: ${saudi}`);
  // Shading, today: the UK has only Alibaba, Saudi Arabia both; Mexico only Alibaba (Tencent's
  // region there is announced); Canada is hatched: Tencent's only region there is retired.
  await page.waitForSelector('path.country');
  const shade = (name) => page.locator('path.country', { has: page.locator(`title:text-is("${name}")`) }).getAttribute('class');
  const slot = (id) => `prov-${data.providers.findIndex((p) => p.id === id)}`;
  assert.equal(await shade('United Kingdom'), `country country--one ${slot('alibaba')}`);
  assert.equal(await shade('Mexico'), `country country--one ${slot('alibaba')}`);
  assert.equal(await shade('Saudi Arabia'), 'country country--several');
  assert.equal(await shade('Canada'), 'country country--left');
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
  assert.match(await panel.textContent(), new RegExp(`Confidence: ${data.regions.find((r) => r.id === 'tencent:me-saudi-arabia').confidence}`));
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
  assert.equal(await table.locator('tbody tr').count(), REGIONS);
  const opened = table.getByRole('button', { name: /^Opened/ });
  await opened.click();
  await opened.click();
  assert.equal(await table.locator('th[aria-sort=descending]').textContent(), 'Opened▼');
  assert.match(await table.locator('tbody tr').first().locator('td').nth(2).textContent(), /^(\d+ )?Jun 2026$/);
  const rowsWithoutSource = await table.locator('tbody tr').evaluateAll((rows) => rows.filter((r) => !r.querySelector('a[href^="http"][rel="noopener noreferrer"]')).length);
  assert.equal(rowsWithoutSource, 0);
  await page.getByRole('button', { name: /^Events \(/ }).click();
  const events = page.getByTestId('event-table');
  assert.equal(await events.locator('tbody tr').count(), EVENTS);
  assert.equal(await events.locator('th[aria-sort=ascending]').textContent(), 'Date▲');
  assert.equal(await events.locator('tbody tr time').first().textContent(), 'Sep 2009', 'month precision stays a month');
  await page.context().close();
});

test('the summary sentence follows the filters', async () => {
  const page = await open('?provider=alibaba&country=MX');
  assert.equal(await page.getByTestId('summary').textContent(), 'Showing 1 Alibaba Cloud region in 1 country or territory and 2 events, 2024–2025.');
  await page.context().close();
});

test('timeline: lanes per provider, events focusable and named, precision drawn honestly', async () => {
  const page = await open('?view=timeline');
  const events = page.locator('.tl-event');
  assert.equal(await events.count(), EVENTS);
  const mexico = page.locator('.tl-event[data-sel-id="alibaba-2025-02-region-mx"]');
  assert.equal(await mexico.getAttribute('aria-label'), 'Alibaba Cloud, Feb 2025: First Mexican data centre and region, the first in Latin America (Region launch)');
  // A month-precise event spans its month; a day-precise one has no span.
  assert.equal(await mexico.locator('.tl-span').count(), 1);
  assert.equal(await page.locator('.tl-event[data-sel-id="alibaba-2025-02-invest-cn"] .tl-span').count(), 0);
  const width = (id) => page.locator(`.tl-event[data-sel-id="${id}"] .tl-span`).evaluate((l) => l.x2.baseVal.value - l.x1.baseVal.value);
  const year = await width('tencent-2025-region-sa');
  const month = await width('alibaba-2025-02-region-mx');
  assert.ok(Math.abs(year / month - 12) < 0.2, `a year spans 12 months (${year} vs ${month})`);
  // Closures are visibly distinct.
  assert.equal(await page.locator('.tl-event.tl-kind--closure').count(), 3);
  // Keyboard: focus, Enter opens the detail panel.
  await mexico.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('detail').waitFor();
  assert.match(new URL(page.url()).search, /sel=alibaba-2025-02-region-mx/);
  // Growth chart and the announced totals.
  assert.equal(await page.locator('svg.timeline title').first().textContent(), 'Events by provider and date');
  assert.match(await page.getByTestId('footprints').textContent(), /Feb 2025Alibaba Cloud2987/);
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('head to head: figures per provider, per area, countries alone and shared, market context', async () => {
  const page = await open('?view=compare');
  const table = page.getByTestId('compare');
  const row = async (label) => table.locator('tr', { has: page.locator(`th:text-is("${label}")`) }).locator('td').allInnerTexts();
  // Per provider compared by default, from the data.
  const count = (status) => PROVIDER_IDS.map((p) => String(SHOWN_REGIONS.filter((r) => r.provider === p && r.status === status).length));
  assert.deepEqual(await row('Live regions'), count('live'));
  assert.deepEqual(await row('Retired regions'), count('retired'));
  assert.deepEqual(await row('First region launch'), ['12 May 2014', '2013']);
  assert.deepEqual(await row('Latest footprint the provider announced'), ['29 regions, 92 zones (14 Oct 2025)', '21 regions, 56 zones (2 Jul 2025)']);
  // A cited figure opens its record, whose panel lists the sources.
  await table.getByRole('button', { name: /^12 May 2014 \(Source: / }).click();
  await page.getByTestId('detail').waitFor();
  // Where each provider is today, as the map shades it: countries with a live region.
  const split = await page.getByTestId('country-split').textContent();
  const live = new Map();
  for (const r of SHOWN_REGIONS.filter((r) => r.status === 'live')) live.set(r.iso2, (live.get(r.iso2) ?? new Set()).add(r.provider));
  const only = (p) => [...live.values()].filter((s) => s.size === 1 && s.has(p)).length;
  const both = [...live.values()].filter((s) => s.size > 1).length;
  assert.match(split, new RegExp(`Alibaba Cloud only \\(${only('alibaba')}\\).*Mexico.*United Kingdom`));
  assert.match(split, new RegExp(`Tencent Cloud only \\(${only('tencent')}\\)`));
  assert.match(split, new RegExp(`Both \\(${both}\\).*Saudi Arabia`));
  // Canada's only region (Tencent's) is retired: no provider is there today.
  assert.doesNotMatch(split, /Canada/);
  // Market context: the latest market figures, newest first, the newest of the data among them.
  const newest = data.events.filter((e) => e.kind === 'market_figure').sort((a, b) => b.date.localeCompare(a.date))[0];
  assert.ok((await page.textContent('main')).includes(newest.title), newest.id);
  // Filters apply: Middle East only.
  const me = await open('?view=compare&area=me');
  assert.deepEqual(await me.getByTestId('compare').locator('tr', { has: me.locator('th:text-is("Live regions")') }).locator('td').allInnerTexts(), ['2', '1']);
  await me.context().close();
  await page.context().close();
});

test('keyboard only: reach the filters, switch views, step through markers, open and close details', async () => {
  const page = await open();
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e ? (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 60) : '';
  });
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.push(await focused());
  }
  for (const name of ['Alibaba Cloud', 'Area', 'Country', 'From year', 'To year', 'Event kind', 'Region status', 'Search records', 'Copy link', 'Map', 'Timeline', 'Head to head', 'Table', 'World', 'Europe']) {
    assert.ok(seen.some((s) => s.startsWith(name)), `${name} is reachable by Tab: ${seen.join(' | ')}`);
  }
  assert.ok(seen.some((s) => s.includes(' — ')), 'markers are reachable by Tab');
  // A marker opens with Enter and closes with Escape, focus returning to it.
  const marker = page.locator('.marker').first();
  await marker.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('detail').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('detail').waitFor({ state: 'detached' });
  // Symptom seen in CI: after Escape closed a marker's details, focus was sometimes not
  // back on the marker yet. The panel goes first and focus follows one animation frame
  // later (once the map has redrawn), so wait for it rather than read it at once.
  await page.waitForFunction(() => document.activeElement?.classList.contains('marker'));
  // The focus ring is visible (not hidden by anything).
  const outline = await marker.evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, 'none');
  // Every view switch by keyboard.
  for (const [name, search] of [['Head to head', '?view=compare'], ['Table', '?view=table'], ['Map', ''], ['Timeline', '?view=timeline']]) {
    await page.getByRole('link', { name, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((s) => location.search === s, search);
  }
  // Step through the timeline's events with Tab, open one with Enter, close with Escape:
  // focus returns to that event, and its focus ring is on top (nothing sticky covers it).
  let event = null;
  for (let i = 0; i < 80 && !event; i++) {
    await page.keyboard.press('Tab');
    event = await page.evaluate(() => document.activeElement?.closest('.tl-event')?.dataset.selId ?? null);
  }
  assert.ok(event, 'timeline events are reachable by Tab');
  const uncovered = () => page.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.top >= 0 && r.bottom <= innerHeight && !!top && (el === top || el.contains(top));
  });
  assert.ok(await uncovered(), 'the focused event is in view and not covered');
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => document.activeElement?.closest('.tl-event')?.dataset.selId ?? null);
  assert.ok(next && next !== event, 'Tab moves on to the next event');
  await page.keyboard.press('Enter');
  await page.getByTestId('detail').waitFor();
  assert.match(new URL(page.url()).search, new RegExp(`sel=${encodeURIComponent(next).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  await page.keyboard.press('Escape');
  await page.getByTestId('detail').waitFor({ state: 'detached' });
  await page.waitForFunction((id) => document.activeElement?.closest('.tl-event')?.dataset.selId === id, next);
  assert.ok(await uncovered(), 'focus is back on the event, visible');
  await page.context().close();
});

test('each view shows the records of a filtered URL', async () => {
  const page = await open('?view=timeline&kind=closure');
  const ids = await page.locator('.tl-event').evaluateAll((els) => els.map((e) => e.dataset.selId).sort());
  assert.deepEqual(ids, ['alibaba-2024-06-closure', 'alibaba-2024-07-closure-in', 'alibaba-2024-09-closure-au']);
  await page.goto(env.url + '?view=table&provider=alibaba&status=retired');
  await page.waitForSelector('[data-testid=region-table]');
  const rows = await page.locator('[data-testid=region-table] tbody tr').evaluateAll((r) => r.map((x) => x.dataset.id).sort());
  assert.deepEqual(rows, ['alibaba:ap-south-1', 'alibaba:ap-southeast-2']);
  await page.goto(env.url + '?status=retired');
  await page.waitForSelector('.marker');
  const markers = await page.locator('.marker').evaluateAll((els) => els.map((e) => e.dataset.selId).sort());
  assert.deepEqual(markers, ['alibaba:ap-south-1', 'alibaba:ap-southeast-2', 'tencent:ap-mumbai', 'tencent:eu-moscow', 'tencent:na-toronto']);
  await page.goto(env.url + '?view=compare&status=retired');
  await page.waitForSelector('[data-testid=compare]');
  assert.deepEqual(await page.getByTestId('compare').locator('tr', { has: page.locator('th:text-is("Retired regions")') }).locator('td').allInnerTexts(), ['2', '3']);
  await page.context().close();
});
