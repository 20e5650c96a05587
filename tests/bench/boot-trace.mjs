import { chromium } from 'playwright-core';
import { startServer } from '../e2e/static-server.mjs';
const [dist, q = ''] = process.argv.slice(2);
const server = await startServer({ root: dist, base: process.env.BASE || '/' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu','--no-first-run'] });
for (let run = 0; run < 2; run++) {
const [w, h] = (process.env.VIEWPORT || '1280x900').split('x').map(Number);
const context = await browser.newContext({ viewport: { width: w, height: h } });
const page = await context.newPage();
if (process.env.THROTTLE) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.THROTTLE) });
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
await page.goto(server.url + q);
await page.waitForFunction(() => !document.querySelector('[data-prerender]') && document.querySelector('[data-testid=summary]'), null, { timeout: 60000 });
await page.waitForFunction(() => !document.querySelector('.map') || document.querySelector('svg.map__shapes g path'));
await page.evaluate(() => new Promise((d) => requestIdleCallback(() => requestIdleCallback(d))));
const buf = await browser.stopTracing();
await context.close();
if (run === 0) continue;
const ev = JSON.parse(buf.toString()).traceEvents.filter((e) => e.ph === 'X' && e.dur);
const all0 = JSON.parse(buf.toString()).traceEvents;
const T0 = Math.min(...all0.filter((e) => e.name === 'navigationStart' || e.name === 'TracingStartedInBrowser').map((e) => e.ts));
const main = ev.filter((e) => e.name === 'RunTask' && e.dur > Number(process.env.MIN_MS || 30) * 1000);
for (const t of main) {
  console.log(`TASK at ${((t.ts - T0) / 1000).toFixed(0)} ms: ${(t.dur / 1000).toFixed(1)} ms`);
  const kids = ev.filter((e) => e.tid === t.tid && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 3000);
  for (const k of kids) console.log(`   +${((k.ts - t.ts) / 1000).toFixed(1)} ${(k.dur / 1000).toFixed(1)} ms ${k.name} ${k.args?.data?.functionName || k.args?.data?.url?.slice(-40) || ''}`);
}
const all = JSON.parse(buf.toString()).traceEvents;
const t0 = T0;
const marks = all.filter((e) => e.cat === 'blink.user_timing' && !/Start|End|dom|navigation|commit/.test(e.name));
for (const m of marks) console.log('mark', m.name, ((m.ts - t0) / 1000).toFixed(1));
}
await browser.close(); await server.close();
