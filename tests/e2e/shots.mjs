// Screenshots for looking at the views by eye (not a test): light, dark and 360 px,
// of the shipped dataset and of the three-provider one.
//   E2E_DIST=dist-e2e node tests/e2e/shots.mjs OUT_DIR [query…]
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, shippedData } from './harness.mjs';
import { threeProviders } from './datasets.mjs';

const out = process.argv[2] || 'shots';
const queries = process.argv.slice(3).length ? process.argv.slice(3) : ['', '?view=timeline', '?view=compare', '?view=table'];
fs.mkdirSync(out, { recursive: true });
const env = await setup();
const three = JSON.stringify(threeProviders(shippedData()));
for (const [name, body] of [['shipped', null], ['three', three]]) {
  for (const [look, options] of [['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['360', { colorScheme: 'light', viewport: { width: 360, height: 800 } }]]) {
    const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, ...options });
    if (body) await page.route('**/data/atlas.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    for (const q of queries) {
      await page.goto(env.url + q);
      await page.waitForSelector('[data-testid=summary]');
      await page.waitForFunction(() => !document.querySelector('.map') || document.querySelector('svg.map__shapes g path'));
      // The reference layer arrives after the page (its code and file are fetched on demand).
      if (/ref=|shade=ref/.test(q)) await page.waitForSelector('[data-testid=ref-marks] path, [data-testid=compare-ref], [data-testid=growth-ref-caveat], [data-testid=coverage-table] td[data-ref]', { timeout: 20_000 });
      if (q.includes('view=coverage')) await page.waitForSelector('.coverage__map svg g path', { timeout: 20_000 });
      const file = path.join(out, `${name}-${look}-${q.replace(/[^a-z0-9]+/gi, '_') || 'map'}.png`);
      await page.screenshot({ path: file, fullPage: look === '360' ? false : true });
    }
    await page.context().close();
  }
}
await teardown(env);
