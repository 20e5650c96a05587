// The reference layer: the US hyperscalers' regions (AWS, Azure, Google Cloud) beside
// the Chinese providers. Off by default and never fetched then; one switch (`ref=1`)
// brings neutral marks under the markers, a legend entry and a keyboard-reachable list
// with the evidence; head to head and the growth chart gain the reference figures; the
// coverage view shades where a provider in view is nearer than every hyperscaler.
// Expected figures come from the shipped files and from the oracle (the same Rust).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, openAt, DIST, download } from './harness.mjs';
import { startOracle } from './model/oracle.mjs';

let env;
let oracle;
before(async () => {
  env = await setup();
  oracle = startOracle(path.join(DIST, 'data/atlas.json'), path.join(DIST, 'geo/world.json'));
});
after(async () => {
  oracle?.close();
  await teardown(env);
});

const reference = JSON.parse(fs.readFileSync(path.join(DIST, 'data/reference.json'), 'utf8'));
const open = (q, options) => openAt(env, q, options);
/** Live today and placed on the globe: what the map draws at the world zoom. */
const drawn = reference.regions.filter((r) => r.status === 'live' && r.lat !== undefined).length;
const marksOn = (page) => page.evaluate(() => ((document.querySelector('[data-testid=ref-marks] path')?.getAttribute('d') ?? '').match(/M/g) ?? []).length / 2);

test('the default map never fetches the reference layer; the switch brings marks, legend and list, and Back takes them away', async () => {
  const page = await open();
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  const pressed = () => page.getByTestId('ref-switch').getAttribute('aria-pressed');
  assert.equal(await pressed(), 'false');
  await page.waitForSelector('.marker');
  assert.ok(!asked.some((p) => p.endsWith('/data/reference.json')), 'no reference file on the default map');
  await page.getByTestId('ref-switch').click();
  assert.equal(new URL(page.url()).search, '?ref=1');
  assert.equal(await pressed(), 'true');
  await page.waitForFunction((n) => ((document.querySelector('[data-testid=ref-marks] path')?.getAttribute('d') ?? '').match(/M/g) ?? []).length / 2 === n, drawn);
  assert.ok(asked.some((p) => p.endsWith('/data/reference.json')));
  // Beneath the markers, never a tab stop: the list names them.
  assert.equal(await page.getByTestId('ref-marks').getAttribute('aria-hidden'), 'true');
  await page.locator('[data-testid=ref-legend]').waitFor();
  const list = page.getByTestId('ref-list');
  const counts = ['aws', 'azure', 'gcp'].map((p) => reference.regions.filter((r) => r.provider === p && r.status === 'live').length);
  assert.match(await list.locator('summary').innerText(), new RegExp(`AWS ${counts[0]}, Azure ${counts[1]} and Google Cloud ${counts[2]}`));
  // One tab stop opens the whole list, every region with its evidence links.
  await list.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await list.locator('tbody tr').count(), reference.regions.length);
  const unplaced = reference.regions.filter((r) => r.lat === undefined);
  for (const r of unplaced) assert.match(await list.locator(`tr[data-ref="${r.id}"]`).innerText(), /location unknown/);
  assert.ok((await list.locator('a.source').count()) >= reference.regions.length);
  // Back: the switch is one history entry.
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('[data-testid=ref-marks]'));
  assert.equal(await pressed(), 'false');
  assert.equal(await page.getByTestId('ref-list').count(), 0);
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('[data-testid=ref-list]'));
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('a link with ref=1 and a year draws the hyperscaler regions live at the end of that year', async () => {
  const page = await open('?ref=1&to=2016');
  const exp = await oracle.page('?ref=1&to=2016', 'World', {}, []);
  assert.ok(exp.reference.map.marks < drawn, 'fewer regions in 2016 than today');
  await page.waitForFunction((n) => ((document.querySelector('[data-testid=ref-marks] path')?.getAttribute('d') ?? '').match(/M/g) ?? []).length / 2 === n, exp.reference.map.marks);
  assert.equal(await marksOn(page), exp.reference.map.marks);
  await page.context().close();
});

test('head to head and the growth chart carry the reference figures, marked as reference, with the caveat', async () => {
  const page = await open('?view=compare&ref=1');
  const section = page.getByTestId('compare-ref');
  await section.waitFor();
  for (const p of reference.providers) {
    const live = reference.regions.filter((r) => r.provider === p.id && r.status === 'live').length;
    assert.equal(await section.locator(`tr[data-ref-provider="${p.id}"] td`).first().innerText(), String(live), p.id);
  }
  for (const name of ['Alibaba Cloud', 'Tencent Cloud']) assert.match(await section.locator('p[data-alone]').allInnerTexts().then((t) => t.join('\n')), new RegExp(name));
  await page.getByRole('link', { name: 'Timeline' }).click();
  await page.getByTestId('growth-ref-caveat').waitFor();
  assert.equal(await page.locator('path.growth--ref').count(), reference.providers.length);
  assert.match(await page.getByTestId('growth-ref-caveat').innerText(), /bounds a launch but does not date it/);
  const exp = await oracle.page('?view=timeline&ref=1', 'World', {}, []);
  const html = await page.getByTestId('growth').innerHTML();
  assert.equal((html.match(/growth--ref/g) ?? []).length, (exp.timeline.growth.match(/growth--ref/g) ?? []).length);
  await page.context().close();
});

test('coverage: where a provider is nearer than every hyperscaler, today and in 2020, as the core computes it', async () => {
  const found = {};
  for (const q of ['?view=coverage&shade=ref', '?view=coverage&shade=ref&to=2020']) {
    const page = await open(q);
    const exp = await oracle.page(q, 'World', {}, ['people', 'desc']);
    assert.ok(exp.coverage.versus, 'the oracle measures the reference layer');
    await page.waitForFunction((t) => document.querySelector('[data-testid=coverage-versus]')?.textContent === t, exp.coverage.versus);
    assert.equal(await page.locator('[data-testid=coverage-switch] a[data-shade=ref]').getAttribute('aria-current'), 'true');
    await page.locator('[data-testid=coverage-table] td[data-ref]').first().waitFor();
    found[q] = exp.coverage.versus;
    // The CSV carries the reference columns.
    const file = await download(env, page, () => page.getByRole('button', { name: /^Coverage CSV/ }).click());
    const header = file.body.toString('utf8').split('\r\n').find((l) => l.startsWith('iso2,'));
    assert.match(header, /,reference_nearest_region,reference_mean_km,against_reference,against_reference_by_km$/);
    await page.context().close();
  }
  console.log(`# coverage against the hyperscalers:\n#   today: ${found['?view=coverage&shade=ref']}\n#   2020: ${found['?view=coverage&shade=ref&to=2020']}`);
});

test('in dark mode the countries where a hyperscaler is nearer looked like the sea, and the home market like them: both stand apart now, on the page and in the SVG', async () => {
  for (const colorScheme of ['dark', 'light']) {
    const page = await open('?view=coverage&shade=ref', { colorScheme });
    await page.waitForSelector('.coverage__map svg g path.country--behind');
    const fills = await page.evaluate(() => {
      const fill = (sel) => getComputedStyle(document.querySelector(`.coverage__map svg ${sel}`)).fill;
      return { sea: fill('.sphere'), behind: fill('path.country--behind'), tie: fill('path.country--tie'), home: fill('path.country--home') };
    });
    /** WCAG relative luminance of a computed `rgb(…)` or `color(srgb …)` fill. */
    const lum = (c) => {
      const n = c.match(/[\d.]+/g).map(Number);
      const rgb = c.startsWith('color(') ? n.slice(0, 3) : n.slice(0, 3).map((v) => v / 255);
      const lin = rgb.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
    };
    const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    assert.ok(ratio(fills.behind, fills.sea) >= 1.5, `${colorScheme}: behind ${fills.behind} against the sea ${fills.sea}`);
    assert.ok(ratio(fills.behind, fills.tie) >= 1.2, `${colorScheme}: behind ${fills.behind} against a tie ${fills.tie}`);
    assert.match(fills.home, /url\("?#shade-left"?\)/, `${colorScheme}: the home market is hatched`);
    assert.equal(await page.locator('.coverage__map svg pattern#shade-left').count(), 1);
    if (colorScheme === 'light') {
      const svg = (await download(env, page, () => page.getByRole('button', { name: 'SVG image' }).click())).body.toString('utf8');
      assert.ok(svg.includes('<pattern id="shade-left"') && svg.includes('fill="url(#shade-left)"'), 'the export hatches it too');
      assert.ok(!/href=|<image|url\((?!#)|class=/.test(svg), 'self-contained');
    }
    await page.context().close();
  }
});

test('a reference file that fails, is hostile or stalls: a message in the page, Retry, and the rest of the page works', async () => {
  const page = await open();
  let mode = 'fail';
  const hostile = JSON.parse(JSON.stringify(reference));
  hostile.regions[0].name = '<img src=x onerror=alert(1)>';
  hostile.regions[1].status = 'retired';
  await page.route('**/data/reference.json', (route) => {
    if (mode === 'fail') return route.fulfill({ status: 503, body: 'down' });
    if (mode === 'broken') return route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema":1,' });
    if (mode === 'hostile') return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hostile) });
    return route.continue();
  });
  await page.getByTestId('ref-switch').click();
  const alert = page.getByTestId('ref-failed');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be loaded \(HTTP 503\)/);
  // The rest of the page still works: the markers are there, another view opens.
  assert.ok((await page.locator('.marker').count()) > 0);
  mode = 'broken';
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.waitForFunction(() => /not valid JSON/.test(document.querySelector('[data-testid=ref-failed]')?.textContent ?? ''));
  mode = 'hostile';
  await page.getByTestId('ref-failed').getByRole('button', { name: 'Retry' }).click();
  // A record its evidence does not support is left out and named, never silently; markup stays text.
  const skipped = page.getByTestId('ref-skipped');
  await skipped.waitFor();
  assert.match(await skipped.innerText(), /1 reference records were left out/);
  assert.equal(await page.locator('[data-testid=ref-list] img').count(), 0);
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

test('a stalled reference file ends with a message, not a spinner forever', async () => {
  const page = await open('?view=compare');
  await page.route('**/data/reference.json', () => {});
  await page.getByTestId('ref-switch').click();
  await page.getByTestId('ref-loading').waitFor();
  // The side-file limits (15 s without an answer) end the wait with a reason.
  await page.getByTestId('ref-failed').waitFor({ timeout: 25_000 });
  assert.match(await page.getByTestId('ref-failed').innerText(), /could not be loaded/);
  await page.context().close();
});

/// Symptom: with the reference layer on, leaving the map (or head to head, or coverage)
/// for another view crashed the page ("Tried to access a reactive value that has
/// already been disposed"): the layer's components read the filters, which change with
/// the view, while their view was being taken down.
test('leaving a view that shows the reference layer for another view does not crash the page', async () => {
  for (const [q, ready, to] of [
    ['?ref=1', '[data-testid=ref-list]', 'Table'],
    ['?view=compare&ref=1', '[data-testid=compare-ref]', 'Timeline'],
    ['?view=timeline&ref=1', '[data-testid=growth-ref-caveat]', 'Coverage'],
    ['?view=coverage&shade=ref', '[data-testid=coverage-table] td[data-ref]', 'Map'],
  ]) {
    const page = await open(q);
    await page.waitForSelector(ready);
    await page.locator('#app .tabs').getByRole('link', { name: to, exact: true }).click();
    await page.waitForFunction((v) => new URLSearchParams(location.search).get('view') === (v === 'map' ? null : v), to.toLowerCase());
    // Back and forth once more: the layer comes back from the kept file.
    await page.goBack();
    await page.waitForSelector(ready);
    assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] }, q);
    await page.context().close();
  }
});

test("the layer's code that cannot be fetched says so where the layer goes, and Retry brings it", async () => {
  const page = await open();
  let failing = true;
  await page.route(/split_part_reference-[0-9a-f]+\.wasm$/, (r) => (failing ? r.abort() : r.continue()));
  await page.getByTestId('ref-switch').click();
  const alert = page.getByTestId('chunk-failed');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be loaded/);
  // The map still works: its markers are there and the switch can be turned off again.
  assert.ok((await page.locator('.marker').count()) > 0);
  failing = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await page.getByTestId('ref-list').waitFor();
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});
