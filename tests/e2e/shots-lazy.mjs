// Screenshots of the lazily loaded parts and the keyed first paint (not a test):
//   E2E_DIST=dist-e2e E2E_BASE=/cloud-atlas/e2e/ node tests/e2e/shots-lazy.mjs OUT
// A keyed link before the app (dataset held back), light 1280 and dark 360; the share
// bar's message when the writers cannot be fetched; the old-link notice that cannot
// load, English and Chinese; a record open beside the map.
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, shippedData } from './harness.mjs';

const [out = 'shots'] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const env = await setup();
const data = shippedData();
const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`) });

for (const [name, options] of [['keyed-before-app-light-1280', {}], ['keyed-before-app-dark-360', { colorScheme: 'dark', viewport: { width: 360, height: 800 } }]]) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, ...options });
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/data/atlas.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${env.url}?provider=tencent&area=me`);
  await page.waitForFunction(() => document.documentElement.dataset.preKey);
  await shot(page, name);
  release();
  await page.context().close();
}

for (const lang of ['', '&lang=zh']) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.route(/split_part_(share|since)-[0-9a-f]+\.wasm$/, (r) => r.abort());
  await page.goto(`${env.url}?d=${data.changes[0].version}${lang}`);
  await page.getByTestId('data-changed').getByTestId('chunk-failed').waitFor();
  await page.locator('.share button').first().click();
  await page.locator('.share .copy-status').filter({ hasText: /\S/ }).waitFor();
  await shot(page, `parts-failed${lang ? '-zh' : ''}`);
  await page.context().close();
}

const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
await page.goto(`${env.url}?area=apac`);
await page.waitForSelector('#app .marker');
const wide = await page.$eval('#app [data-testid=map]', (m) => m.clientWidth);
await page.locator('#app .marker').first().click();
await page.getByTestId('detail').waitFor();
await page.waitForFunction((w) => document.querySelector('#app [data-testid=map]').clientWidth < w - 100, wide);
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
await shot(page, 'record-beside-map');
await page.context().close();
await teardown(env);
