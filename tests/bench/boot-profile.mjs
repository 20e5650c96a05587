// Where the boot's time goes, by function: the V8 sampling profiler over one load
// (use a build with the wasm name section, e.g. data-wasm-opt="0").
//   BASE=/sub/ node tests/bench/boot-profile.mjs DIST [query]
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/static-server.mjs';
const [dist, q = ''] = process.argv.slice(2);
const server = await startServer({ root: dist, base: process.env.BASE || '/' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(server.url + q);
await page.waitForFunction(() => !document.querySelector('[data-prerender]') && document.querySelector('[data-testid=summary]'), null, { timeout: 60000 });
await page.evaluate(() => new Promise((d) => requestIdleCallback(() => requestIdleCallback(d))));
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const self = new Map(), total = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const ms = (dt[i + 1] ?? 0) / 1000;
  const n = byId.get(id);
  const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) || 0) + ms);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const f = byId.get(cur).callFrame.functionName || '(anon)';
    if (seen.has(f)) continue;
    seen.add(f);
    total.set(f, (total.get(f) || 0) + ms);
  }
});
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${f.slice(0, 150)}`).join('\n');
console.log('## self time\n' + top(self, 30));
console.log('## total (inclusive) time\n' + top(total, 60));
if (process.env.FILTER) {
  const re = new RegExp(process.env.FILTER);
  console.log(`## inclusive time of functions matching ${re}\n` + top(new Map([...total].filter(([f]) => re.test(f))), 60));
}
await browser.close(); await server.close();
