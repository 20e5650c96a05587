// The first paint comes from HTML: the build writes the page at the empty query into
// index.html (src/bin/prerender.rs). These tests hold that page to what the core says,
// to the app's own first render (same text, same boxes, so nothing moves and the
// largest paint does not restart), and to the promise that a link to any other state
// never shows the pre-rendered data.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, teardown, guardedPage, newContext, shippedData, revealed, byDefault, DIST } from './harness.mjs';
import { startOracle } from './model/oracle.mjs';

const data = shippedData();
/** What a link without a provider key shows: the providers compared by default. */
const shown = byDefault(data);
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


/** Text and box of every element the two renders share, keyed by selector and position. */
const SHARED = [
  '.masthead', '.masthead__title', '.masthead__tagline', '.filterbar', '.filterbar__drawer-toggle',
  '.filters__group[aria-label=Providers] .chip', '.menu__summary', '.years__input', '.years__legend', '.search',
  '.filters__actions .button', '.tabs', '.tab', '.counts', '.summary', '.share .button', '.map-tools',
  '.map-tools .chip', '.legend li', '.map',
];
function layout(page) {
  return page.evaluate((selectors) => {
    // The pre-render while it is there, else the app (both are #app in turn).
    const root = document.querySelector('[data-prerender]') || document.querySelector('#app');
    const out = {};
    for (const sel of selectors) {
      [...root.querySelectorAll(sel)].forEach((el, i) => {
        const r = el.getBoundingClientRect();
        out[`${sel} #${i}`] = {
          text: (el.innerText ?? el.textContent).trim(),
          box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2),
        };
      });
    }
    return out;
  }, SHARED);
}

/**
 * Centres of the map's marker shapes, in page order. The shape path, not its `<svg>`:
 * Firefox gives a nested `<svg>` the box of its content and the origin, not its viewport.
 */
const markerCentres = (page, selector) =>
  page.$$eval(selector, (els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)];
    }),
  );

test('without JavaScript the default page shows the summary, the map and its legend, and the dataset link', async () => {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  await page.goto(env.url);
  const expected = await oracle.read('');
  // What a person sees: the keyed states' counts and summaries are in the HTML, hidden.
  assert.equal(await page.innerText('.summary'), expected.summary);
  assert.equal(
    await page.innerText('.counts'),
    `${shown.regions.length} of ${data.regions.length} regions, ${shown.events.length} of ${data.events.length} events · dataset version ${data.version}`,
  );
  assert.ok(await page.isVisible('.summary'));
  assert.ok(await page.isVisible('.map'));
  assert.ok((await page.locator('.map__shapes path.country').count()) > 150, 'the country layer is in the HTML');
  assert.equal(await page.locator('.map__points svg').count(), shown.regions.length, 'one marker per region shown');
  // Per provider a marker and a shade; four status looks; the shared shade; left and announced.
  // Per provider in view a marker and a shade; four status looks; the shared shade; left and announced.
  const inView = data.providers.filter((p) => p.default !== false).length;
  assert.equal(await page.locator('.legend li').count(), inView * 2 + 4 + (inView > 1 ? 1 : 0) + 2);
  assert.ok(await page.isVisible('.legend'));
  // The note with the dataset link shows; controls that need scripts do not.
  const note = page.locator('main .notice');
  assert.ok(await note.isVisible());
  assert.match(await note.textContent(), /need JavaScript/);
  const href = await note.locator('a').getAttribute('href');
  assert.equal((await page.request.get(new URL(href, env.url).href)).status(), 200);
  for (const hidden of ['.filterbar', '.tabs', '.share', '.map-tools [role=group]']) {
    assert.equal(await page.isVisible(hidden), false, `${hidden} is hidden without scripts`);
  }
  await page.context().close();
});

for (const [width, height] of [[1280, 900], [360, 780]]) {
  test(`the app's first render equals the pre-render, text and boxes (${width} px)`, async () => {
    // The same page twice: first with the dataset held back (what the HTML shows), then after the app took over.
    const page = await guardedPage(env, { viewport: { width, height } });
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/data/atlas.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.url);
    await page.waitForSelector('[data-prerender] .summary');
    const before = await layout(page);
    const pre = width === 1280 ? await markerCentres(page, '[data-prerender] .map__points .shape') : [];
    release();
    await revealed(page);
    await page.waitForFunction((n) => document.querySelectorAll('.marker').length === n, shown.regions.length);
    const afterRender = await layout(page);
    assert.ok(Object.keys(before).length > 40, Object.keys(before).join(', '));
    assert.deepEqual(Object.keys(afterRender), Object.keys(before), 'the same elements');
    for (const key of Object.keys(before)) {
      assert.equal(afterRender[key].text, before[key].text, `${key}: the same text`);
      assert.deepEqual(afterRender[key].box, before[key].box, `${key}: the same box`);
    }
    if (width === 1280) {
      const live = await markerCentres(page, '.marker .marker__shape .shape');
      assert.equal(live.length, pre.length);
      live.forEach((c, i) => {
        assert.ok(Math.abs(c[0] - pre[i][0]) <= 1 && Math.abs(c[1] - pre[i][1]) <= 1, `marker ${i}: ${c} vs ${pre[i]}`);
      });
    }
    assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
    await page.context().close();
  });
}

test('map markers sit on their region, not half a marker east of it', async () => {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.url);
  await revealed(page);
  await page.waitForSelector('.marker');
  const offsets = await page.$$eval('.marker', (els) =>
    els.map((b) => {
      const map = b.closest('.map');
      const m = map.getBoundingClientRect();
      const s = b.querySelector('.marker__shape').getBoundingClientRect();
      const x = ((s.x + s.width / 2 - m.x - map.clientLeft) / map.clientWidth) * 100;
      const y = ((s.y + s.height / 2 - m.y - map.clientTop) / map.clientHeight) * 100;
      return [x - parseFloat(b.style.left), y - parseFloat(b.style.top)];
    }),
  );
  for (const [dx, dy] of offsets) {
    assert.ok(Math.abs(dx) < 0.1 && Math.abs(dy) < 0.1, `the shape's centre is the marker's position (off by ${dx}%, ${dy}%)`);
  }
  await page.context().close();
});

test('the largest paint is the pre-rendered summary and does not restart; nothing shifts (the default page and a keyed link)', async () => {
  for (const q of ['', '?provider=tencent&area=me']) {
  const context = await newContext(env, { viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__lcp = [];
    window.__shift = 0;
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lcp.push({ t: e.startTime, tag: e.element?.closest?.('.summary') ? 'summary' : e.element?.className }))).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(env.url + q);
  await revealed(page);
  await page.waitForSelector('.marker');
  // Two frames after the reveal, so a paint it caused would have been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const { lcp, shift, revealedAt } = await page.evaluate(() => ({
    lcp: window.__lcp,
    shift: window.__shift,
    revealedAt: performance.getEntriesByName('atlas:revealed')[0]?.startTime,
  }));
  assert.ok(revealedAt > 0, 'the app marks its reveal');
  assert.ok(lcp.length >= 1);
  const last = lcp[lcp.length - 1];
  assert.ok(last.t < revealedAt, `${q}: the last LCP candidate (${JSON.stringify(last)}) painted before the app took over at ${revealedAt}`);
  assert.equal(last.tag, 'summary', `${q}: the summary's text is the largest paint`);
  assert.equal(shift, 0, `${q}: no layout shift`);
  await context.close();
  }
});

/** Opens `q` with the dataset held back, so the page is what the HTML alone shows. */
async function beforeTheApp(q) {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/data/atlas.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.url + q);
  await page.waitForFunction(() => document.documentElement.dataset.pre);
  const state = await page.evaluate(() => {
    const pre = document.querySelector('[data-prerender]');
    const shown = (sel) => {
      const el = pre.querySelector(sel);
      const s = el && getComputedStyle(el);
      return !!el && s.visibility === 'visible' && s.display !== 'none' && el.getClientRects().length > 0;
    };
    return {
      pre: document.documentElement.dataset.pre,
      key: document.documentElement.getAttribute('data-pre-key'),
      summary: shown('.summary'),
      summaryText: pre.querySelector('.summary').innerText.trim(),
      counts: shown('.counts'),
      markers: shown('.map__points'),
      map: shown('.map'),
      current: pre.querySelector('.tabs').querySelector('.tab[data-view=' + document.documentElement.dataset.preView + ']').textContent,
      currentWeight: getComputedStyle(pre.querySelector('.tab[data-view=' + document.documentElement.dataset.preView + ']')).fontWeight,
      images: shown('.share__picture'),
    };
  });
  return { page, state, release };
}

test('a filtered link never shows the pre-rendered data; the app then shows its own', async () => {
  for (const q of ['?q=riyadh', '?provider=tencent&area=me&from=2020', '?lang=zh&provider=tencent', '?provider=alibaba,tencent', `?d=1999-01-01`]) {
    const { page, state, release } = await beforeTheApp(q);
    assert.equal(state.pre, 'stale', q);
    assert.equal(state.key, null, `${q}: no keyed state`);
    assert.deepEqual([state.summary, state.counts, state.markers], [false, false, false], `${q}: the data is hidden`);
    release();
    await revealed(page);
    assert.equal(await page.textContent('[data-testid=summary]'), (await oracle.read(q)).summary, q);
    await page.context().close();
  }
});

// Symptom: a shared link to one provider or one area (Lighthouse, simulated slow 4G:
// ?provider=tencent&area=me LCP 2.85 s, ?view=timeline&provider=tencent 3.60 s) showed
// empty boxes until the app had downloaded and rendered, though its figures are known
// at build time. The page now carries those states' counts and summaries.
test('a link to one provider, one area or both shows its own counts and summary from HTML, then the app the same', async () => {
  const keyed = { '?provider=tencent&area=me': 'tencent.me', '?view=timeline&provider=tencent': 'tencent.', '?area=latam&view=table': '.latam', [`?provider=alibaba&d=${data.version}`]: 'alibaba.' };
  for (const [q, key] of Object.entries(keyed)) {
    const { page, state, release } = await beforeTheApp(q);
    assert.equal(state.pre, 'stale', q);
    assert.equal(state.key, key, q);
    assert.deepEqual([state.summary, state.counts, state.markers], [true, true, false], `${q}: counts and summary show, the markers do not`);
    const want = await oracle.read(q);
    assert.equal(state.summaryText, want.summary, `${q}: the pre-render's summary is the core's`);
    const before = await layout(page);
    release();
    await revealed(page);
    assert.equal(await page.textContent('[data-testid=summary]'), want.summary, q);
    const after = await layout(page);
    for (const sel of ['.counts #0', '.summary #0']) assert.deepEqual(after[sel], before[sel], `${q}: ${sel} is the same text in the same box`);
    await page.context().close();
  }
});

test('the pre-rendered states show at once: the default, each bare view, and this version stamp', async () => {
  const views = { '': ['map', 'Map'], '?view=timeline': ['timeline', 'Timeline'], '?view=compare': ['compare', 'Head to head'], '?view=table': ['table', 'Table'], '?view=coverage': ['coverage', 'Coverage'], '?view=changes': ['changes', 'Changes'], '?view=promises': ['promises', 'Promises'] };
  for (const [q, [pre, tab]] of Object.entries(views)) {
    for (const query of [q, q ? `${q}&d=${data.version}` : `?d=${data.version}`]) {
      const { page, state, release } = await beforeTheApp(query);
      assert.equal(state.pre, pre, query);
      assert.ok(state.summary && state.counts, `${query}: the summary and counts show`);
      assert.equal(state.map, pre === 'map', `${query}: the map shows only on the map view`);
      assert.equal(state.current, tab);
      assert.equal(state.currentWeight, '600', `${query}: the ${tab} tab is marked`);
      release();
      await revealed(page);
      // Symptom: a link to the coverage view showed no SVG/PNG buttons until the app
      // took over and added them (the stylesheet and the share bar kept two lists).
      const appImages = await page.evaluate(() => [...document.querySelectorAll('#app .share button')]
        .some((b) => b.textContent.trim() === 'SVG image' && b.getClientRects().length > 0));
      assert.equal(state.images, appImages, `${query}: the pre-render's image buttons are the app's (app: ${appImages})`);
      if (pre === 'map' || pre === 'table') assert.equal(appImages, pre === 'map', `${query}: the map has a picture, the table none`);
      await page.context().close();
    }
  }
});

test('an embed link shows nothing of the full page before the app', async () => {
  const { page, state, release } = await beforeTheApp('?embed=1');
  assert.equal(state.pre, 'embed');
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('[data-prerender]')).visibility), 'hidden');
  release();
  await revealed(page);
  await page.context().close();
});
