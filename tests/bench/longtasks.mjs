// Browser part of the benchmark: the long tasks (over 50 ms, the browser's own
// `longtask` entries) from navigation until the view has rendered and the page is
// idle, unthrottled, for each view of the shipped dataset. Median of 5 loads per
// view; prints each load's task list for the first one.
//   node tests/bench/longtasks.mjs dist-bench

import { chromium } from 'playwright-core';
import { startServer } from '../e2e/static-server.mjs';

const [dist = 'dist-bench'] = process.argv.slice(2);
const server = await startServer({ root: dist, base: process.env.BASE || '/' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const RUNS = 5;

async function load(q) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(server.url + q);
  await page.waitForFunction(() => !document.querySelector('[data-prerender]') && document.querySelector('[data-testid=summary]'), null, { timeout: 60000 });
  await page.waitForFunction(() => !document.querySelector('.map') || document.querySelector('svg.map__shapes g path'));
  // Idle: two idle callbacks in a row, so tasks queued by the render have run.
  const tasks = await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(window.__long)))));
  await context.close();
  return tasks;
}

await load(''); // warm-up, unreported: process start-up and an empty code cache
console.log('| view | long tasks (median) | longest ms (median) | total long ms (median) | first load: [start ms, duration ms] |');
console.log('|---|---:|---:|---:|---|');
for (const q of ['', '?view=timeline', '?view=compare', '?view=table', '?provider=tencent&area=me']) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await load(q));
  const count = median(runs.map((t) => t.length));
  const longest = median(runs.map((t) => Math.max(0, ...t.map((x) => x[1]))));
  const total = median(runs.map((t) => t.reduce((n, x) => n + x[1], 0)));
  console.log(`| ${q || '/'} | ${count} | ${longest} | ${total} | ${JSON.stringify(runs[0])} |`);
}
await browser.close();
await server.close();
