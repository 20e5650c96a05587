// Browser part of the benchmark: the release build under headless Chromium with
// synthetic datasets (500, 10,000, 100,000 events, written by tests/bench.rs).
// Prints the time to first render of each view and the time from a filter change
// to the updated DOM (median of 20 changes); then, on the shipped dataset, the time
// from a tab click on the map to the content of a view whose code is not loaded yet
// (its chunks fetched from loopback, compiled and rendered; src/app/lazy.rs).
//   node tests/bench/browser.mjs dist-bench target/bench-data

import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/static-server.mjs';

const [dist = 'dist-bench', dataDir = 'target/bench-data'] = process.argv.slice(2);
const server = await startServer({ root: dist, base: '/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
// What shows that a view's own content is there (not only the summary above it).
const CONTENT = {
  map: '.marker',
  timeline: '[data-testid=timeline-chart]',
  compare: '.cited',
  table: '[data-testid=region-table] tbody tr',
  coverage: '[data-testid=coverage-table] tbody tr',
  changes: '[data-testid=changes-list]',
  promises: '[data-testid=promises-table]',
};
const TAB = { timeline: 'Timeline', compare: 'Head to head', table: 'Table', coverage: 'Coverage', changes: 'Changes', promises: 'Promises' };

// One unreported load first: a fresh browser's first navigation pays one-off costs
// (process start-up, an empty code cache) that no visitor's second view does.
{
  const page = await browser.newPage();
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=summary]', { timeout: 60000 });
  await page.close();
}

console.log('| events | first render: map ms | timeline ms | compare ms | table ms | filter change → DOM ms (median of 20) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of [500, 10000, 100000]) {
  const body = fs.readFileSync(path.join(dataDir, `atlas-${n}.json`));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  const first = [];
  for (const view of ['map', 'timeline', 'compare', 'table']) {
    await page.goto(server.url + (view === 'map' ? '' : `?view=${view}`));
    await page.waitForSelector(CONTENT[view], { timeout: 300000 });
    // From navigation start to the view's content in the DOM, data download, parse and
    // (for a view other than the map) its chunks included.
    first.push(await page.evaluate(() => performance.now()));
  }
  await page.goto(server.url);
  await page.waitForSelector('[data-testid=counts]', { timeout: 300000 });
  const chip = page.getByRole('group', { name: 'Providers' }).getByRole('button', { name: /^Tencent Cloud/ });
  const changes = [];
  for (let i = 0; i < 20; i++) {
    const before = await page.textContent('[data-testid=counts]');
    const ms = await chip.evaluate((button, before) => new Promise((resolve) => {
      const counts = document.querySelector('[data-testid=counts]');
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (counts.textContent !== before) {
          observer.disconnect();
          resolve(performance.now() - t0);
        }
      });
      observer.observe(counts, { subtree: true, characterData: true, childList: true });
      button.click();
    }), before);
    changes.push(ms);
  }
  console.log(`| ${n} | ${first.map((v) => v.toFixed(0)).join(' | ')} | ${median(changes).toFixed(1)} |`);
  await page.close();
}

// A view opened for the first time: from the tab click to its content, median of 5 fresh
// pages (each starts with no chunk loaded; the HTTP cache is per page here, so the
// chunks come from loopback every time).
console.log('');
console.log('| view opened from the map (shipped dataset) | tab click → content ms (median of 5) | wasm fetched on the click |');
console.log('|---|---:|---:|');
for (const view of Object.keys(TAB)) {
  const times = [];
  let fetched = 0;
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => !document.querySelector('[data-prerender]') && document.querySelector('.marker'));
    let wasm = 0;
    page.on('request', (r) => r.url().endsWith('.wasm') && wasm++);
    const t0 = await page.evaluate(() => performance.now());
    await page.locator('#app .tabs').getByRole('link', { name: TAB[view], exact: true }).click();
    await page.waitForSelector(CONTENT[view], { timeout: 60000 });
    times.push((await page.evaluate(() => performance.now())) - t0);
    fetched = wasm;
    await context.close();
  }
  console.log(`| ${view} | ${median(times).toFixed(0)} | ${fetched} |`);
}

// The reference layer (AWS, Azure, Google Cloud) asked for the first time: its file and
// its code fetched, read, and the view redrawn (median of 5 fresh pages).
console.log('');
console.log('| reference layer turned on (shipped dataset) | click → drawn ms (median of 5) | bytes fetched on the click |');
console.log('|---|---:|---:|');
for (const [label, start, click, done] of [
  ['map: the switch → marks and list', '', '[data-testid=ref-switch]', '[data-testid=ref-marks] path'],
  ['coverage: "Nearer than AWS, Azure and Google Cloud" → shading and table', '?view=coverage', '[data-testid=coverage-switch] a[data-shade=ref]', '[data-testid=coverage-table] td[data-ref]'],
]) {
  const times = [];
  let bytes = 0;
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + start);
    await page.waitForFunction(() => !document.querySelector('[data-prerender]') && document.querySelector('[data-testid=summary]'));
    if (start) await page.waitForSelector('[data-testid=coverage-table] tbody tr', { timeout: 60000 });
    // A build from before the layer (the bench's baseline) has no switch: say so and go on
    // to Lighthouse, rather than time out and end the whole bench.
    if (!(await page.locator(click).count())) {
      await context.close();
      break;
    }
    let got = 0;
    page.on('response', async (r) => {
      try {
        got += (await r.body()).length;
      } catch {}
    });
    const t0 = await page.evaluate(() => performance.now());
    await page.click(click);
    await page.waitForSelector(done, { timeout: 60000 });
    times.push((await page.evaluate(() => performance.now())) - t0);
    bytes = got;
    await context.close();
  }
  console.log(times.length ? `| ${label} | ${median(times).toFixed(0)} | ${bytes} |` : `| ${label} | not in this build | — |`);
}
await browser.close();
await server.close();
