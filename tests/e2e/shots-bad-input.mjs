// Screenshots of the bad-input states for looking at them by eye (not a test): the folded
// notices, the source host in the detail panel and a download error, light, dark, 360 px,
// English and Chinese.
//   E2E_DIST=dist-e2e node tests/e2e/shots-bad-input.mjs OUT_DIR
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, shippedData } from './harness.mjs';

const out = process.argv[2] || 'shots';
fs.mkdirSync(out, { recursive: true });
const env = await setup();
const doc = shippedData();
for (let i = 0; i < 40; i++) doc.events.push({ id: `junk-${i}`, provider: 'nobody' });
const body = JSON.stringify(doc);
const junk = Array.from({ length: 25 }, (_, i) => `z${i}=1`).join('&');
const sel = doc.regions.find((r) => r.provider === 'tencent' && r.status === 'live').id;
for (const lang of ['', '&lang=zh']) {
  for (const [look, options] of [['light', { colorScheme: 'light' }], ['dark', { colorScheme: 'dark' }], ['360', { colorScheme: 'light', viewport: { width: 360, height: 800 } }]]) {
    const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, ...options });
    await page.route('**/data/atlas.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    const name = (what) => path.join(out, `${what}-${look}${lang ? '-zh' : ''}.png`);
    await page.goto(`${env.url}?view=table&${junk}${lang}`);
    await page.waitForSelector('[data-testid=url-notice]');
    await page.locator('.notice summary').first().click();
    await page.screenshot({ path: name('notices'), fullPage: false });
    await page.goto(`${env.url}?view=table&sel=${encodeURIComponent(sel)}${lang}`);
    await page.waitForSelector('[data-testid=detail]');
    await page.locator('[data-testid=detail]').screenshot({ path: name('detail') });
    await page.locator('[data-testid=region-table] tbody tr').first().screenshot({ path: name('row') });
    await page.unroute('**/data/atlas.json');
    await page.route('**/data/atlas.json', (r) => r.fulfill({ status: 200, headers: { 'content-length': '200000000' }, body: '{' }));
    await page.goto(`${env.url}${lang.replace('&', '?')}`);
    await page.waitForSelector('[role=alert]');
    await page.screenshot({ path: name('too-large'), fullPage: false });
    await page.context().close();
  }
}
await teardown(env);
