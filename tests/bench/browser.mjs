// Browser part of the benchmark: the release build under headless Chromium with
// synthetic datasets (500, 10,000, 100,000 events, written by tests/bench.rs).
// Prints the time to first render of each view and the time from a filter change
// to the updated DOM (median of 20 changes).
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
    await page.waitForSelector('[data-testid=summary]', { timeout: 300000 });
    // From navigation start to the view's content in the DOM, data download and parse included.
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
await browser.close();
await server.close();
