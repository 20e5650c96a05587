// Share and export: downloads hold exactly the filtered records and their
// permalink; images carry a footer; embed mode; print; the title follows the view.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openAt, shippedData, download as save, emulatePrint, axeViolations } from './harness.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

const data = shippedData();

const open = (q, options) => openAt(env, q, options);

async function download(page, name) {
  return save(env, page, () => page.getByRole('button', { name }).click());
}

test('CSV and JSON downloads hold the filtered records and the permalink', async () => {
  const page = await open('?provider=tencent&area=me');
  const permalink = `${env.url}?provider=tencent&area=me&d=${data.version}`;
  const regions = data.regions.filter((r) => r.provider === 'tencent' && r.area === 'me');
  assert.equal(await page.getByRole('button', { name: /^Regions CSV/ }).textContent(), `Regions CSV (${regions.length})`);
  const csv = await download(page, /^Regions CSV/);
  assert.equal(csv.name, `cloud-atlas-map-${data.version}-regions.csv`);
  const text = csv.body.toString('utf8');
  assert.ok(text.startsWith('\uFEFF"# Cloud Atlas regions'), 'BOM and provenance line'); // quoted: the licence holds a ';'
  assert.ok(text.includes(permalink), 'the permalink of the view');
  assert.ok(text.includes(data.license));
  const lines = text.trim().split('\r\n');
  assert.match(lines[1], /^# Cite as: Cloud Atlas \(\d{4}\)\. /);
  assert.ok(lines[1].includes(permalink), 'the citation names the permalink');
  assert.equal(lines.length, 3 + regions.length);
  // The first row, field by field from the data: then staleness, disputes (Riyadh has
  // fresh, agreeing evidence), and the evidence items.
  const r = regions[0];
  const items = r.evidence.map((e) => `${e.kind} ${e.date} ${e.says} ${data.sources.find((s) => s.id === e.source).url}`).join('; ');
  assert.ok(lines[3].startsWith(`${r.id},${r.provider},${r.code},${r.name},${r.city},${r.country},${r.iso2},${r.area},${r.lat},${r.lon},${r.opened},,${r.zones},${r.status},${r.checked},,,`), lines[3]);
  assert.ok(lines[3].includes(items), 'the evidence items, kind, date, what each says and its source');
  const events = await download(page, /^Events CSV/);
  const eventLines = events.body.toString('utf8').trim().split('\r\n');
  const expectedEvents = (await page.textContent('[data-testid=counts]')).match(new RegExp(`, (\\d+) of ${data.events.length} events`))[1];
  assert.equal(eventLines.length - 3, Number(expectedEvents));
  const json = JSON.parse((await download(page, /^JSON/)).body.toString('utf8'));
  assert.equal(json.permalink, permalink);
  assert.ok(json.citation.text.includes(permalink) && json.citation.bibtex.startsWith('@misc{'));
  assert.deepEqual(json.regions.map((r) => r.id), regions.map((r) => r.id));
  assert.equal(json.events.length, Number(expectedEvents));
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('map and timeline export as self-contained SVG and as 2x PNG with a footer', async () => {
  const page = await open('?provider=alibaba');
  await page.waitForSelector('path.country');
  const svg = (await download(page, 'SVG image')).body.toString('utf8');
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="'));
  assert.ok(svg.includes(`${env.url}?provider=alibaba&amp;d=${data.version}`), 'footer permalink');
  // Nothing external: the only `url(` is a fill by one of the picture's own patterns.
  assert.ok(!/href=|<image|url\((?!#shade-(left|announced)\))/.test(svg), 'nothing external');
  // Alibaba left Australia (its only region there closed): hatched, by a pattern the file defines.
  assert.ok(svg.includes('fill="url(#shade-left)"') && svg.includes('<pattern id="shade-left"'), 'the hatch of a country left');
  const png = (await download(page, 'PNG image')).body;
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.equal(png.readUInt32BE(16), 2000, 'rendered at twice the SVG width');
  await page.getByRole('link', { name: 'Timeline' }).click();
  const chart = (await download(page, 'SVG image')).body.toString('utf8');
  // Written by the core from the chart's layout: colours written out, no stylesheet, no classes.
  assert.ok(!chart.includes('<style') && !chart.includes('class='));
  assert.ok(chart.includes(`fill="${data.providers.find((p) => p.id === 'alibaba').color}"`));
  assert.ok(chart.includes('view=timeline&amp;provider=alibaba'));
  await page.getByRole('link', { name: 'Table' }).click();
  assert.equal(await page.getByRole('button', { name: 'SVG image' }).count(), 0, 'no image for the table');
  await page.context().close();
});

test('embed mode shows only the view and links to the full view', async () => {
  const page = await open('?view=table&provider=alibaba&embed=1');
  assert.equal(await page.locator('.filterbar').count(), 0);
  assert.equal(await page.locator('.masthead').count(), 0);
  assert.equal(await page.locator('nav[aria-label=Views]').count(), 0);
  const alibaba = data.regions.filter((r) => r.provider === 'alibaba').length;
  assert.equal(await page.getByTestId('region-table').locator('tbody tr').count(), alibaba);
  const full = page.getByTestId('open-full');
  assert.equal(await full.getAttribute('href'), `${env.url}?view=table&provider=alibaba`);
  const [tab] = await Promise.all([page.context().waitForEvent('page'), full.click()]);
  await tab.waitForSelector('.filterbar');
  assert.equal(new URL(tab.url()).search, '?view=table&provider=alibaba');
  await page.context().close();
});

// Found by the model-based test: the full page warned about an older `d=`, the embed did not.
test('an embedded view made with an older dataset says the data has changed', async () => {
  const page = await open('?view=compare&d=2020-01-01&embed=1');
  await page.getByTestId('data-changed').waitFor();
  await page.context().close();
  const current = await open(`?view=compare&d=${data.version}&embed=1`);
  assert.equal(await current.getByTestId('data-changed').count(), 0);
  await current.context().close();
});

test('Copy embed code gives an iframe of this view', async () => {
  const page = await open('?view=compare&area=eu', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await page.getByText('Embed code copied').waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, new RegExp(`^<iframe src="${env.url.replace(/[.?]/g, '\\$&')}\\?view=compare&amp;area=eu&amp;d=${data.version}&amp;embed=1" title="Cloud regions in Europe: head to head — Cloud Atlas"`));
  await page.context().close();
});

test('the page title follows the view; print shows the view and sources without controls', async () => {
  const page = await open('?provider=tencent&area=me');
  assert.equal(await page.title(), 'Tencent Cloud in the Middle East — Cloud Atlas');
  assert.match(await page.getAttribute('meta[name=description]', 'content'), /^Showing 1 Tencent Cloud region/);
  await page.getByRole('link', { name: 'Table' }).click();
  assert.equal(await page.title(), 'Tencent Cloud in the Middle East: table — Cloud Atlas');
  await emulatePrint(env, page);
  assert.equal(await page.locator('.filterbar').isVisible(), false);
  assert.equal(await page.locator('.share').isVisible(), false);
  assert.ok(await page.getByTestId('summary').isVisible());
  assert.ok(await page.locator('.print-only').isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000);
  // The source list is written when printing starts: the print medium begins to match
  // (Chromium's emulation) or `beforeprint` fires (Firefox, printing the PDF).
  await page.waitForFunction(() => /https?:\/\//.test(document.querySelector('.print-only').textContent));
  await page.context().close();
});

test('Cite gives this view as a sentence and as BibTeX, follows the filters, and copies with one click', async () => {
  const page = await open('?provider=alibaba&view=timeline', { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.getByRole('button', { name: 'Cite', exact: true }).click();
  const panel = page.getByTestId('cite');
  await panel.waitFor();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getMonth()]} ${d.getFullYear()}`;
  });
  const text = await panel.getByTestId('cite-text').textContent();
  assert.equal(
    text,
    `Cloud Atlas (${data.version.slice(0, 4)}). Alibaba Cloud: timeline [dataset version ${data.version}]. ${env.url}?view=timeline&provider=alibaba&d=${data.version} (accessed ${today}).`,
  );
  const bibtex = await panel.getByTestId('cite-bibtex').textContent();
  assert.match(bibtex, /^@misc\{cloudatlas-\d{8},\n {2}author = \{\{Cloud Atlas\}\},\n {2}title = \{Alibaba Cloud: timeline\},/);
  assert.ok(bibtex.includes(`url = {${env.url}?view=timeline&provider=alibaba&d=${data.version}}`));
  await panel.getByRole('button', { name: 'Copy BibTeX' }).click();
  await page.getByText('Citation copied').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), bibtex);
  assert.deepEqual(await axeViolations(page), [], 'axe with the panel open');
  // The open panel follows the view.
  await page.locator('nav.tabs').getByText('Map', { exact: true }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=cite-text]').textContent.includes('timeline'));
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});
