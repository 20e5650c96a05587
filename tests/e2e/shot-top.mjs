// One viewport-sized screenshot per query (not a test): E2E_DIST=… node tests/e2e/shot-top.mjs OUT look query…
// SCROLL=px scrolls first; CLICK='sel1|sel2' clicks those elements first (open a menu or a panel).
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage } from './harness.mjs';
const [out, look, ...queries] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const env = await setup();
const options = { light: { colorScheme: 'light' }, dark: { colorScheme: 'dark' }, 360: { colorScheme: 'light', viewport: { width: 360, height: 800 } } }[look];
const page = await guardedPage(env, { viewport: { width: 1280, height: 1000 }, ...options });
for (const q of queries) {
  await page.goto(env.url + q);
  await page.waitForSelector('[data-testid=summary]');
  await page.waitForFunction(() => !document.querySelector('.map') || document.querySelector('svg.map__shapes g path'));
  await page.waitForFunction(() => !document.querySelector('.coverage-view') || document.querySelector('[data-testid=coverage-table] tbody tr'));
  for (const sel of (process.env.CLICK || '').split('|').filter(Boolean)) await page.locator(sel).first().click();
  const y = Number(process.env.SCROLL || 0);
  if (y) await page.evaluate((y) => window.scrollTo(0, y), y);
  await page.screenshot({ path: path.join(out, `${look}-${q.replace(/[^a-z0-9]+/gi, '_') || 'map'}-${y}.png`) });
}
await page.context().close();
await teardown(env);
