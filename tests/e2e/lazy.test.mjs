// The views other than the map arrive as chunks of wasm when first opened
// (src/app/lazy.rs, scripts/split.mjs): the map link fetches none, a view link fetches
// only its own, a chunk that fails or was tampered with says so with Retry, and
// Retry then opens the view. The parts a visit may never need (the share bar's file
// writers and Cite, the "changed since" notice) arrive the same way, on first use.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, download, shippedData, DIST } from './harness.mjs';
import { viewChunks, partChunks } from '../bench/measure.mjs';

const CHUNKS = viewChunks(DIST);
const PARTS = partChunks(DIST);
const LAZY = ['timeline', 'compare', 'table', 'coverage', 'changes', 'promises'];

// What reached the server, per file: the network's own count (a browser may report a
// preloaded file twice, once for the preload and once for the fetch it serves).
const hits = new Map();
const served = () => new Map(hits);
let env;
before(async () => (env = await setup({ handle: (rel) => (hits.set(rel, (hits.get(rel) || 0) + 1), false) })));
after(async () => teardown(env));

/** A guarded desktop-sized page (what reached the server is counted in `hits`). */
const page = () => guardedPage(env, { viewport: { width: 1280, height: 900 } });

test('the build has one chunk set per view other than the map, and one per lazily loaded part', () => {
  assert.deepEqual(Object.keys(CHUNKS).sort(), [...LAZY].sort());
  for (const view of LAZY) assert.ok(CHUNKS[view].every((f) => fs.existsSync(path.join(DIST, f))), view);
  assert.deepEqual(Object.keys(PARTS).sort(), ['reference', 'share', 'since']);
  for (const part of Object.keys(PARTS)) assert.ok(PARTS[part].every((f) => fs.existsSync(path.join(DIST, f))), part);
});

/** The wasm files the server sent since `before` (a snapshot of `served()`), sorted, with repeats. */
const since = (before) => [...hits].filter(([f]) => f.endsWith('.wasm')).flatMap(([f, n]) => Array(n - (before.get(f) || 0)).fill(f)).sort();

test('the map link fetches no view chunk; a view link fetches exactly its own, and switching fetches the next', async () => {
  const p = await page();
  let mark = served();
  await p.goto(env.url);
  await p.waitForSelector('#app:not(.pre) [data-testid=summary]');
  await p.waitForSelector('.marker');
  assert.deepEqual(since(mark).filter((f) => !f.includes('_bg.wasm')), [], 'the map needs the main module only: no view, no file writer, no notice');
  mark = served();
  await p.goto(`${env.url}?view=coverage`);
  await p.waitForSelector('#app:not(.pre) [data-testid=coverage-table]');
  assert.deepEqual(since(mark).filter((f) => !f.includes('_bg.wasm')), [...CHUNKS.coverage].sort(), 'each of its chunks once');
  mark = served();
  await p.locator('#app .tabs').getByRole('link', { name: 'Table', exact: true }).click();
  await p.waitForSelector('[data-testid=region-table]');
  const want = CHUNKS.table.filter((f) => !CHUNKS.coverage.includes(f)).sort();
  assert.deepEqual(since(mark), want, 'only the chunks the table needs and the coverage view did not');
  assert.deepEqual(p.problems.errors, []);
  assert.deepEqual(await p.cspViolations(), []);
  await p.context().close();
});

for (const [what, route] of [
  ['cannot be fetched', (r) => r.abort()],
  ['was altered on the server', async (r) => {
    const body = Buffer.from(await (await r.fetch()).body());
    body[body.length - 1] ^= 0xff;
    await r.fulfill({ status: 200, contentType: 'application/wasm', body });
  }],
]) {
  test(`a view whose code ${what} says so with Retry, in English and Chinese, and Retry opens it`, async () => {
    for (const lang of ['', '&lang=zh']) {
      const p = await page();
      let failing = true;
      await p.route(/split_view_promises-[0-9a-f]+\.wasm$/, (r) => (failing ? route(r) : r.continue()));
      await p.goto(`${env.url}?view=promises${lang}`);
      const failed = p.locator('[data-testid=chunk-failed]');
      await failed.waitFor();
      assert.match(await failed.textContent(), lang ? /此视图无法加载/ : /This view could not be loaded/);
      // The rest of the page works: the filter bar, the tabs, the summary.
      assert.ok(await p.locator('[data-testid=summary]').isVisible());
      failing = false;
      await failed.getByRole('button').click();
      await p.waitForSelector('[data-testid=promises-table]');
      assert.equal(await failed.count(), 0);
      // Firefox reports the refused bytes itself, as a page error naming the integrity hash.
      assert.deepEqual(p.problems.errors.filter((e) => !/integrity attribute/.test(e)), []);
      await p.context().close();
    }
  });
}

// Symptom: a shared link to a view other than the map painted its content later than
// before the split (Lighthouse, simulated slow 4G: LCP 3.16 s -> 3.76 s on
// ?view=timeline&provider=tencent), because its chunks were asked for only after the
// main wasm had arrived. The boot now preloads them beside the main wasm.
test('a view link asks for its chunks before the main wasm has arrived, once each', async () => {
  const p = await page();
  const order = [];
  p.on('request', (r) => r.url().endsWith('.wasm') && order.push(r.url().slice(r.url().lastIndexOf('/') + 1)));
  p.on('requestfinished', (r) => r.url().endsWith('_bg.wasm') && order.push('main wasm done'));
  const mark = served();
  await p.goto(`${env.url}?view=timeline&provider=tencent`);
  await p.waitForSelector('#app:not(.pre) [data-testid=timeline-chart]');
  const done = order.indexOf('main wasm done');
  const sent = since(mark);
  for (const f of CHUNKS.timeline) {
    assert.equal(sent.filter((x) => x === f).length, 1, `${f} sent once (the loader's fetch uses the preload): ${sent}`);
    assert.ok(order.indexOf(f) < done, `${f} asked for before the main wasm arrived: ${order.join(', ')}`);
  }
  // A view name that is an Object property must not break the boot.
  await p.goto(`${env.url}?view=constructor`);
  await p.waitForSelector('#app:not(.pre) .marker');
  assert.deepEqual(p.problems.errors, []);
  await p.context().close();
});

// The share bar is on every page; what it writes is not. A person who never saves a
// file or opens Cite never downloads the writers.
test('the first file saved fetches the writers once; Cite and later files reuse them', async () => {
  const p = await page();
  await p.goto(env.url);
  await p.waitForSelector('#app:not(.pre) .marker');
  let mark = served();
  const csv = await download(env, p, () => p.getByRole('button', { name: /^Regions CSV/ }).click());
  assert.match(csv.name, /-regions\.csv$/);
  assert.deepEqual(since(mark), [...PARTS.share].sort(), 'the writers and the chunks they share, once each');
  mark = served();
  await p.getByRole('button', { name: 'Cite', exact: true }).click();
  await p.getByTestId('cite-text').waitFor();
  assert.match(await p.getByTestId('cite-text').textContent(), /Cloud Atlas/);
  await download(env, p, () => p.getByRole('button', { name: 'SVG image' }).click());
  assert.deepEqual(since(mark).filter((f) => f.endsWith('.wasm') && !f.includes('_bg.wasm')), [], 'nothing fetched again');
  assert.deepEqual(p.problems.errors, []);
  await p.context().close();
});

test('a file whose writer cannot be fetched says so in the page, and the next click writes it', async () => {
  for (const lang of ['', '?lang=zh']) {
    const p = await page();
    let failing = true;
    await p.route(/split_part_share-[0-9a-f]+\.wasm$/, (r) => (failing ? r.abort() : r.continue()));
    await p.goto(`${env.url}${lang}`);
    await p.waitForSelector('#app:not(.pre) .marker');
    const events = p.locator('.share button').nth(1);
    await events.click();
    const status = p.locator('.share .copy-status');
    await status.filter({ hasText: lang ? /无法生成文件/ : /could not be written/ }).waitFor();
    failing = false;
    const file = await download(env, p, () => events.click());
    assert.match(file.name, /-events\.csv$/);
    assert.deepEqual(p.problems.errors, []);
    await p.context().close();
  }
});

test('an old link asks for the notice\'s code early and shows it; a current link never fetches it', async () => {
  const data = shippedData();
  const first = data.changes[0];
  const p = await page();
  let mark = served();
  await p.goto(`${env.url}?d=${data.version}`);
  await p.waitForSelector('#app:not(.pre) .marker');
  assert.deepEqual(since(mark).filter((f) => PARTS.since.includes(f)), [], 'this version: no notice code');
  const order = [];
  p.on('request', (r) => r.url().endsWith('.wasm') && order.push(r.url().slice(r.url().lastIndexOf('/') + 1)));
  p.on('requestfinished', (r) => r.url().endsWith('_bg.wasm') && order.push('main wasm done'));
  mark = served();
  await p.goto(`${env.url}?d=${first.version}`);
  await p.getByTestId('since').waitFor();
  const sent = since(mark);
  for (const f of PARTS.since) {
    assert.equal(sent.filter((x) => x === f).length, 1, `${f} sent once: ${sent}`);
    assert.ok(order.indexOf(f) < order.indexOf('main wasm done'), `${f} asked for before the main wasm arrived: ${order.join(', ')}`);
  }
  assert.deepEqual(p.problems.errors, []);
  await p.context().close();
});

test('an old link whose notice cannot be loaded says so with Retry, and Retry shows it', async () => {
  const data = shippedData();
  for (const lang of ['', '&lang=zh']) {
    const p = await page();
    let failing = true;
    await p.route(/split_part_since-[0-9a-f]+\.wasm$/, (r) => (failing ? r.abort() : r.continue()));
    await p.goto(`${env.url}?d=${data.changes[0].version}${lang}`);
    const notice = p.getByTestId('data-changed');
    await notice.getByTestId('chunk-failed').waitFor();
    assert.match(await notice.textContent(), lang ? /变更列表无法加载/ : /could not be loaded/);
    assert.ok(await p.locator('[data-testid=summary]').isVisible());
    failing = false;
    await notice.getByRole('button', { name: lang ? '重试' : 'Retry' }).click();
    await notice.getByTestId('since').waitFor();
    assert.equal(await notice.getByTestId('chunk-failed').count(), 0);
    assert.deepEqual(p.problems.errors, []);
    await p.context().close();
  }
});
