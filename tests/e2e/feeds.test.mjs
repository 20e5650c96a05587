// The feeds of the release build under a sub-path: announced in the page's head,
// listed by "Subscribe" in the page's language, served beside the page, well-formed
// (the browser's own XML parser), one entry per event plus one per data update,
// every link inside this site, and an entry's link opening its record.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openAt, shippedData, BASE, axeViolations } from './harness.mjs';

const data = shippedData();
/** The data updates a feed has an entry for: every one in the full feed; in a provider's, those that changed a record of it (a record still in the data). */
const owner = (id) => (data.regions.find((r) => r.id === id) ?? data.events.find((e) => e.id === id))?.provider;
const updatesOf = (p) => data.changes.slice(1).filter((ed) => !p || ed.records.some((c) => owner(c.id) === p.id)).length;
const FEEDS = [null, ...data.providers.map((p) => p.id)].flatMap((p) => ['', '.zh'].map((lang) => `feed${p ? `-${p}` : ''}${lang}`));
const providerOf = (stem) => data.providers.find((x) => stem.startsWith(`feed-${x.id}`));
const events = (stem) => {
  const p = providerOf(stem);
  return data.events.filter((e) => !p || e.provider === p.id).length;
};

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

test('the head announces every feed; Subscribe lists the feeds of the page language', async () => {
  const page = await openAt(env, '');
  const alternates = await page.locator('head link[rel=alternate]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href')));
  assert.deepEqual(alternates.sort(), FEEDS.flatMap((f) => [`${f}.xml`, `${f}.json`]).sort());
  await page.getByTestId('subscribe').locator('summary').click();
  const links = await page.getByTestId('subscribe').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, FEEDS.filter((f) => !f.endsWith('.zh')).flatMap((f) => [`${f}.xml`, `${f}.json`]));
  assert.deepEqual(await axeViolations(page), [], 'axe with the menu open');
  await page.goto(`${env.url}?lang=zh`);
  await page.waitForSelector('[data-testid=summary]');
  await page.getByTestId('subscribe').locator('summary').click();
  assert.match(await page.getByTestId('subscribe').locator('summary').textContent(), /订阅/);
  const zh = await page.getByTestId('subscribe').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(zh.length > 0 && zh.every((h) => /\.zh\.(xml|json)$/.test(h)), zh.join(' '));
  await page.context().close();
});

test('every feed is served and well-formed, an entry per event and update, every link inside this site', async () => {
  const page = await openAt(env, '');
  for (const stem of FEEDS) {
    const atom = await page.request.get(`${env.url}${stem}.xml`);
    assert.equal(atom.status(), 200, stem);
    const got = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
      const ns = 'http://www.w3.org/2005/Atom';
      const entries = [...doc.getElementsByTagNameNS(ns, 'entry')];
      return {
        root: doc.documentElement.namespaceURI,
        entries: entries.length,
        links: entries.map((e) => e.getElementsByTagNameNS(ns, 'link')[0].getAttribute('href')),
        ids: entries.map((e) => e.getElementsByTagNameNS(ns, 'id')[0].textContent),
      };
    }, await atom.text());
    assert.equal(got.error, undefined, stem);
    assert.equal(got.root, 'http://www.w3.org/2005/Atom');
    assert.equal(got.entries, events(stem) + updatesOf(providerOf(stem)), stem);
    assert.equal(new Set(got.ids).size, got.ids.length, `${stem}: ids are unique`);
    for (const href of got.links) assert.ok(new URL(href).pathname === BASE, `${stem}: ${href}`);
    const json = await (await page.request.get(`${env.url}${stem}.json`)).json();
    assert.equal(json.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(json.items.length, events(stem) + updatesOf(providerOf(stem)), stem);
  }
  await page.context().close();
});

test("an entry's link, followed on this server, opens its record", async () => {
  const page = await openAt(env, '');
  const json = await (await page.request.get(`${env.url}feed.json`)).json();
  const item = json.items.find((i) => i.url.includes('sel='));
  const url = new URL(item.url);
  await page.goto(env.url + url.search);
  await page.waitForSelector('[data-testid=detail]');
  assert.equal(new URL(page.url()).searchParams.get('sel'), url.searchParams.get('sel'));
  await page.context().close();
});
