// Lighthouse part of the benchmark: Lighthouse 12.2.3 in its default mobile mode
// (simulated slow 4G, 4× CPU slowdown, Moto G Power screen) against the release
// build served on loopback with brotli, the way a CDN serves it. Prints the four
// category scores and the Core Web Vitals for the default view and each other view.
//   node tests/bench/lighthouse.mjs dist-bench            # the pages below
//   node tests/bench/lighthouse.mjs dist-bench '?lang=zh'  # these queries instead

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../e2e/static-server.mjs';

const [dist = 'dist-bench', ...only] = process.argv.slice(2);
const server = await startServer({ root: dist, base: process.env.BASE || '/' });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const all = [
  ['map (default)', ''],
  ['timeline', '?view=timeline'],
  ['head to head', '?view=compare'],
  ['table', '?view=table'],
  ['filtered link', '?provider=tencent&area=me'],
  ['filtered timeline', '?view=timeline&provider=tencent'],
];
const pages = only.length ? only.map((q) => [q, q]) : all;
const score = (lhr, id) => Math.round(lhr.categories[id].score * 100);
const ms = (lhr, id) => `${Math.round(lhr.audits[id].numericValue)}`;

console.log('| page | performance | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | SI ms | failed audits |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
// One unreported run first: the first navigation of a fresh browser pays one-off costs.
await lighthouse(server.url, { port: chrome.port, output: 'json', logLevel: 'error' });
for (const [name, query] of pages) {
  const { lhr } = await lighthouse(server.url + query, { port: chrome.port, output: 'json', logLevel: 'error' });
  const failed = Object.values(lhr.categories)
    .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
    .filter((a) => a.score !== null && a.score < 0.9)
    .map((a) => a.id);
  console.log(
    `| ${name} | ${score(lhr, 'performance')} | ${score(lhr, 'accessibility')} | ${score(lhr, 'best-practices')} | ${score(lhr, 'seo')} | ` +
      `${ms(lhr, 'first-contentful-paint')} | ${ms(lhr, 'largest-contentful-paint')} | ${ms(lhr, 'total-blocking-time')} | ` +
      `${lhr.audits['cumulative-layout-shift'].numericValue.toFixed(3)} | ${ms(lhr, 'speed-index')} | ${[...new Set(failed)].join(', ') || '–'} |`,
  );
}
await chrome.kill();
await server.close();
