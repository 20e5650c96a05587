// The release bundle boots under a sub-path, loads the dataset and renders it;
// a missing or broken dataset gives an in-page error with a working Retry.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, download, retype, byDefault, DIST } from './harness.mjs';

const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/atlas.json'), 'utf8'));
// What a link without a provider key shows (the default providers), of all the dataset holds.
const shown = byDefault(data);
const [REGIONS, EVENTS] = [shown.regions.length, shown.events.length];
const [ALL_REGIONS, ALL_EVENTS] = [data.regions.length, data.events.length];

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

test('boots under the sub-path, renders every record, stays on its origin', async () => {
  const page = await guardedPage(env);
  const dataRequests = [];
  page.on('request', (r) => r.url().includes('atlas.json') && dataRequests.push(r.url()));
  await page.goto(env.url);
  await page.waitForSelector('[data-testid=counts]');
  const counts = await page.textContent('[data-testid=counts]');
  assert.equal(counts, `${REGIONS} of ${ALL_REGIONS} regions, ${EVENTS} of ${ALL_EVENTS} events · dataset version ${data.version}`);
  assert.equal(await page.locator('.marker').count(), REGIONS, 'one map marker per region');
  await page.getByRole('link', { name: 'Table' }).click();
  // The table's code arrives now (src/app/lazy.rs): wait for its first row.
  await page.waitForSelector('[data-testid=region-table] tbody tr');
  assert.equal(await page.locator('[data-testid=region-table] tbody tr').count(), REGIONS);
  await page.getByRole('button', { name: /^Events \(/ }).click();
  assert.equal(await page.locator('[data-testid=event-table] tbody tr').count(), EVENTS);
  assert.deepEqual(dataRequests, [env.url + 'data/atlas.json']);
  assert.equal(await page.locator('.notice').count(), 0, 'no skipped-records notice');
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('a strict CSP is in force and nothing violates it', async () => {
  const html = await (await fetch(env.url)).text();
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(csp, 'the release build carries a CSP meta');
  const policy = csp[1];
  assert.ok(!policy.includes('unsafe-inline'), policy);
  for (const part of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval' 'sha256-", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "base-uri 'self'", "form-action 'none'"]) {
    assert.ok(policy.includes(part), `${part} in ${policy}`);
  }
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy precedes every script');
  // Subresource integrity on every asset the page loads: stylesheets and icon by tag, the JS
  // glue through the import map, the wasm through its fetch; each hash is the file's own.
  const sri = async (url, algorithm = 'sha384') => {
    const body = Buffer.from(await (await fetch(new URL(url, env.url))).arrayBuffer());
    return `${algorithm}-${(await import('node:crypto')).createHash(algorithm).update(body).digest('base64')}`;
  };
  const tags = [...html.matchAll(/<link\b[^>]*rel="(?:stylesheet|icon)"[^>]*>/g)].map((m) => m[0]);
  assert.ok(tags.length >= 3, tags.join('\n'));
  for (const tag of tags) {
    const [, href] = tag.match(/href="([^"]+)"/);
    assert.equal(tag.match(/integrity="([^"]+)"/)?.[1], await sri(href), tag);
  }
  // The import map: the glue, and the chunk loader the glue imports (scripts/split.mjs).
  const map = JSON.parse(html.match(/<script type="importmap">([^<]+)<\/script>/)[1]);
  const entries = Object.entries(map.integrity);
  for (const [url, hash] of entries) assert.equal(hash, await sri(url), url);
  const glue = entries.map(([url]) => url).find((url) => html.includes(`import('${url}')`));
  assert.ok(glue, 'the loader imports a glue the map names');
  const chunkLoader = entries.map(([url]) => url).find((url) => /__wasm_split-[0-9a-f]+\.js$/.test(url));
  assert.ok(chunkLoader, `the import map names the chunk loader: ${entries.map(([u]) => u)}`);
  // Each lazily loaded chunk is fetched with its own file's hash (SHA-256: scripts/split.mjs).
  const loaderText = await (await fetch(new URL(chunkLoader, env.url))).text();
  const chunkFetches = [...loaderText.matchAll(/take\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\), "(sha256-[^"]+)"\)/g)];
  assert.ok(chunkFetches.length >= 6, `a chunk per view at least: ${chunkFetches.length}`);
  assert.ok(!/fetch\(new URL\(/.test(loaderText), 'no chunk is fetched but through take(), with its hash');
  assert.ok(loaderText.includes('return fetch(url, { integrity });'), 'take() fetches with the hash');
  // The boot's early fetches carry the same hashes.
  const table = JSON.parse(html.match(/const chunks = (\{.*?\});\n/)[1]);
  for (const [file, hash] of table.files) assert.equal(hash, await sri(new URL(file, new URL(chunkLoader, env.url)).href, 'sha256'), `boot table: ${file}`);
  for (const [, file, hash] of chunkFetches) assert.equal(hash, await sri(new URL(file, new URL(chunkLoader, env.url)).href, 'sha256'), file);
  const [, wasm, wasmHash] = html.match(/fetch\('([^']+\.wasm)', \{ integrity: '([^']+)' \}\)/);
  assert.equal(wasmHash, await sri(wasm));
  // Every view, a selection, a filter edit and an export: no violation anywhere; every link
  // that opens a new tab gives the other site neither the opener nor the referrer.
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  for (const q of ['', '?view=timeline&sel=alibaba-2025-02-region-mx', '?view=compare', '?view=table', '?embed=1']) {
    await page.goto(env.url + q);
    await page.waitForSelector('[data-testid=summary]');
    const bare = await page.locator('a[target=_blank]:not([rel="noopener noreferrer"])').count();
    assert.equal(bare, 0, `${q}: every new-tab link has rel="noopener noreferrer"`);
  }
  await page.goto(env.url);
  await page.waitForSelector('path.country');
  await page.locator('.marker').first().click();
  await retype(page.getByLabel('From year'), '2020');
  await page.getByLabel('From year').press('Enter');
  const png = await download(env, page, () => page.getByRole('button', { name: 'PNG image' }).click());
  assert.ok(png.name.endsWith('.png'));
  assert.deepEqual(await page.cspViolations(), []);
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('the HTML carries the first paint and asks for nothing else before it', async () => {
  const res = await fetch(env.url);
  assert.equal(res.status, 200);
  const html = await res.text();
  for (const part of ['class="masthead"', 'class="filterbar', 'id="main"', '<noscript>', 'data/atlas.json', 'class="summary"', 'class="map__shapes"']) {
    assert.ok(html.includes(part), `index.html has ${part}`);
  }
  // No preload or module preload: the glue, the wasm and the dataset are asked for after the first frame.
  assert.ok(!/rel="(?:module)?preload"/.test(html), 'no preload before the first paint');
  const wasm = html.match(/'([^']+\.wasm)'/);
  assert.ok(wasm, 'the loader names the wasm');
  const w = await fetch(new URL(wasm[1], env.url));
  assert.equal(w.headers.get('content-type'), 'application/wasm');
});

test('a dataset that 404s shows the error, and Retry recovers', async () => {
  const page = await guardedPage(env);
  await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(env.url);
  const alert = page.locator('[role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be loaded.*404/);
  await page.unroute('**/data/atlas.json');
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.waitForSelector('[data-testid=counts]');
  assert.equal(await page.locator('[role=alert]').count(), 0);
  assert.deepEqual(page.problems.errors, []);
  assert.deepEqual(page.problems.offOrigin, []);
  await page.context().close();
});

test('malformed JSON and a wrong schema each show a clear message', async () => {
  for (const [body, expected] of [
    ['{"schema": 1, "regions": [', /not valid JSON/],
    ['{"schema": 99}', /uses schema 99, but this version of Cloud Atlas reads schema 1/],
  ]) {
    const page = await guardedPage(env);
    await page.route('**/data/atlas.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto(env.url);
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), expected);
    assert.ok(await page.getByRole('button', { name: 'Retry' }).isVisible());
    assert.deepEqual(page.problems.errors, []);
    await page.context().close();
  }
});

test('invalid records are left out and counted in a visible notice', async () => {
  const page = await guardedPage(env);
  await page.route('**/data/atlas.json', async (route) => {
    const doc = await (await route.fetch()).json();
    doc.regions[0].lat = 95;
    doc.events[1].id = doc.events[0].id;
    doc.sources.push({ id: 'evil', url: 'javascript:alert(1)' });
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(doc) });
  });
  await page.goto(env.url);
  await page.waitForSelector('[data-testid=counts]');
  const notice = page.locator('.notice', { hasText: 'skipped' });
  assert.match(await notice.textContent(), /3 records skipped/);
  assert.match(await notice.textContent(), /latitude 95/);
  assert.match(await notice.textContent(), /duplicate id/);
  assert.match(await notice.textContent(), /not an http\(s\) address/);
  // One region and one event skipped, both of a provider compared by default.
  const [r, e] = [REGIONS - 1, EVENTS - 1];
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${r} of ${ALL_REGIONS - 1} regions, ${e} of ${ALL_EVENTS - 1} events`));
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('the sub-path without its trailing slash still reaches the app', async () => {
  const page = await guardedPage(env);
  await page.goto(env.url.replace(/\/$/, ''));
  await page.waitForSelector('[data-testid=counts]');
  await page.context().close();
});
