// A dataset far larger than the shipped one (3,000 events): the timeline turns
// crowded lanes into yearly counts, the table draws rows in batches, head to head
// names the largest pledges only. Each still leads to every record.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, DIST } from './harness.mjs';
import { grown } from './datasets.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

const base = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
const large = grown(base, { events: 3000 });

async function open(q) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(large) }));
  await page.goto(env.url + q);
  await page.waitForSelector('[data-testid=summary]');
  return page;
}

test('timeline: crowded lanes show yearly counts; a year bar narrows the filter to that year', async () => {
  const page = await open('?view=timeline');
  await page.waitForSelector('[data-testid=binned-note]');
  const bars = page.locator('.tl-bin');
  assert.ok((await bars.count()) > 5, 'bars per year');
  assert.equal(await page.locator('.tl-lane--binned').count() >= 1, true);
  const bar = page.getByRole('button', { name: /^Alibaba Cloud, 2019: \d+ events/ });
  await bar.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.search.includes('from=2019') && location.search.includes('to=2019'));
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('table: the first 250 rows, then 250 more on request, sorted over all of them', async () => {
  const page = await open('?view=table');
  await page.getByRole('button', { name: /^Events \(/ }).click();
  const rows = page.locator('[data-testid=event-table] tbody tr');
  assert.equal(await rows.count(), 250);
  assert.match(await page.textContent('[data-testid=more-rows]'), /first 250 of 3000 events/);
  await page.getByRole('button', { name: 'Show 250 more' }).click();
  assert.equal(await rows.count(), 500);
  // Sorting newest first puts the latest event of all 3,000 on top, not of the rows drawn.
  const latest = [...large.events].map((e) => e.date).sort().at(-1);
  await page.getByRole('button', { name: /^Date/ }).click();
  const top = await rows.first().locator('time').getAttribute('datetime');
  assert.equal(top.slice(0, 4), latest.slice(0, 4));
  await page.context().close();
});

test('head to head: the largest pledges by name, and how many smaller ones the table holds', async () => {
  const page = await open('?view=compare');
  // At most ten pledges by name per provider compared.
  assert.equal(await page.locator('ul.pledges > li:not(.hint)').count() <= 10 * large.providers.length, true);
  assert.match(await page.textContent('ul.pledges'), /smaller pledges are not listed here/);
  await page.context().close();
});

test('the large-data forms (yearly bars, batched rows, capped lists) have no WCAG A/AA violations', async () => {
  const { createRequire } = await import('node:module');
  const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const found = [];
  for (const q of ['?view=timeline', '?view=table', '?view=compare']) {
    const page = await open(q);
    if (q.includes('table')) await page.getByRole('button', { name: /^Events \(/ }).click();
    await page.evaluate(AXE);
    const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
    found.push(...r.violations.map((v) => `${q}: ${v.id} ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`));
    await page.context().close();
  }
  assert.deepEqual(found, []);
});
