// Simplified Chinese (`lang=zh`): every view shows no English interface text (the
// English column of the phrase table, printed by the oracle, is looked for in the
// visible text, outside elements marked lang="en"), the page says it is zh-Hans, axe
// passes, the masthead's switch keeps every other key, a Chinese export carries the
// Chinese header and the permalink with lang=zh, and 360 px holds without overflow.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, teardown, openAt, axeViolations, download, shippedData, byDefault, emulatePrint, DIST, schemes } from './harness.mjs';
import { startOracle } from './model/oracle.mjs';

let env;
let english;
before(async () => {
  env = await setup();
  const oracle = startOracle(path.join(DIST, 'data/atlas.json'), path.join(DIST, 'geo/world.json'));
  english = (await oracle.catalog()).english;
  oracle.close();
});
after(async () => teardown(env));

const VIEWS = ['?lang=zh', '?view=compare&area=me&embed=1&lang=zh', '?view=timeline&lang=zh', '?view=compare&lang=zh', '?view=table&lang=zh', '?view=table&sel=tencent:me-saudi-arabia&lang=zh', '?view=timeline&sel=alibaba-2025-02-invest-cn&lang=zh', '?zzz=1&lang=zh', '?view=coverage&shade=tencent&lang=zh', '?view=changes&lang=zh', '?view=promises&lang=zh', '?ref=1&lang=zh', '?view=compare&ref=1&lang=zh', '?view=timeline&ref=1&lang=zh', '?view=coverage&shade=ref&ref=1&lang=zh'];

/** Visible text outside elements that declare themselves English (data kept as researched). */
async function chineseText(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        out.push(node.textContent);
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const el = node;
      if (el.closest('[lang]')?.getAttribute('lang') === 'en') return;
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) return;
      const s = getComputedStyle(el);
      if (s.display === 'none' || s.visibility === 'hidden') return;
      for (const c of el.childNodes) walk(c);
      for (const a of ['aria-label', 'placeholder', 'title']) if (el.hasAttribute(a)) out.push(el.getAttribute(a));
    };
    walk(document.body);
    return out.join('\n');
  });
}

for (const q of VIEWS) {
  test(`lang=zh shows no English interface text: ${q}`, async () => {
    const page = await openAt(env, q);
    await page.waitForFunction(() => !document.querySelector('.map') || document.querySelector('svg.map__shapes g path'));
    if (q.includes('ref=')) await page.waitForSelector('[data-testid=ref-list], [data-testid=compare-ref], [data-testid=growth-ref-caveat], [data-testid=coverage-table] td[data-ref]');
    if (q.includes('sel=')) await page.waitForSelector('[data-testid=detail]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
    const text = await chineseText(page);
    // Whole words only: "Map" must not match inside a data word.
    const found = english.filter((p) => new RegExp(`(^|[^A-Za-z])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z]|$)`).test(text));
    assert.deepEqual(found, [], `English on ${q}`);
    // Beyond the table: a lower-case English word of three letters or more (words the code
    // writes, like "billion" or "zones") outside lang="en". Region codes, host names and
    // versions (tokens with '.', '-', ':', '/', '_' or digits) are identifiers, not words.
    const words = text
      .split(/[\s，。、；：（）“”《》·—]+/)
      .filter((t) => !/[.\-:/_@\d]/.test(t))
      .flatMap((t) => t.match(/(?<![A-Za-z])[a-z]{3,}/g) ?? []);
    assert.deepEqual([...new Set(words)], [], `stray English words on ${q}`);
    assert.match(await page.title(), /云图谱/);
    await page.context().close();
  });
}

test('lang=zh passes axe on every view, light and dark (Chromium; light in Firefox), with lang="zh-Hans"', async () => {
  const found = [];
  // The four views, embed and an open record: the other addresses add no markup of their own.
  const views = VIEWS.filter((q) => !q.includes('zzz') && !q.includes('alibaba-2025'));
  for (const colorScheme of schemes()) {
    for (const q of views) {
      const page = await openAt(env, q, { colorScheme });
      if (q.includes('sel=')) await page.waitForSelector('[data-testid=detail]');
      for (const v of await axeViolations(page)) found.push(`${colorScheme} ${q}: ${v}`);
      await page.context().close();
    }
  }
  assert.deepEqual(found, []);
});

test('the language switch links to the same view in the other language, every key kept', async () => {
  const q = '?view=table&provider=tencent&country=SA&from=2020&kind=investment&q=riyadh';
  const page = await openAt(env, q);
  const href = await page.getByTestId('lang-switch').getAttribute('href');
  assert.equal(href, q + '&lang=zh');
  await page.getByTestId('lang-switch').click();
  await page.waitForURL(/lang=zh/);
  await page.waitForSelector('[data-testid=summary]');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hans');
  assert.equal(await page.getByTestId('lang-switch').getAttribute('href'), q);
  await page.context().close();
});

test('a Chinese CSV carries the Chinese header line and the permalink with lang=zh', async () => {
  const page = await openAt(env, '?provider=alibaba&lang=zh');
  const file = await download(env, page, () => page.getByRole('button', { name: /^地域CSV/ }).click());
  const text = file.body.toString('utf8');
  const first = text.split('\r\n')[0];
  assert.match(first, /# 云图谱地域 · 数据集/);
  assert.match(first, /provider=alibaba&(amp;)?d=[^&"]+&(amp;)?lang=zh/);
  assert.match(text.split('\r\n')[1], /^# 引用格式：云图谱（\d{4}）。/);
  assert.match(text.split('\r\n')[2], /^id,provider,code,name,/, 'machine column names stay English');
  await page.context().close();
});

test('at 360 px the Chinese page does not overflow sideways', async () => {
  for (const q of VIEWS) {
    const page = await openAt(env, q, { viewport: { width: 360, height: 800 } });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `${q}: page is ${wide} px wide`);
    await page.context().close();
  }
});

test('q=新加坡 finds Singapore in the Chinese table', async () => {
  const page = await openAt(env, '?view=table&q=%E6%96%B0%E5%8A%A0%E5%9D%A1&lang=zh');
  const rows = await page.locator('[data-testid=region-table] tbody tr').count();
  const singapore = byDefault(shippedData()).regions.filter((r) => r.iso2 === 'SG').length;
  assert.ok(singapore > 0);
  assert.equal(rows, singapore);
  await page.context().close();
});

test('a Chinese SVG export carries the Chinese title and source line and the permalink with lang=zh', async () => {
  const page = await openAt(env, '?view=timeline&provider=tencent&lang=zh');
  const svg = (await download(env, page, () => page.getByRole('button', { name: 'SVG图片' }).click())).body.toString('utf8');
  const version = shippedData().version;
  assert.ok(svg.includes(`${env.url}?view=timeline&amp;provider=tencent&amp;d=${version}&amp;lang=zh`), 'footer permalink');
  assert.match(svg, /来源：云图谱数据集/);
  assert.match(svg, /腾讯云：时间线 — 云图谱/);
  await page.context().close();
});

test('an embedded Chinese view speaks Chinese and opens the full Chinese view', async () => {
  const page = await openAt(env, '?view=compare&area=me&embed=1&lang=zh');
  assert.equal(await page.locator('.filterbar').count(), 0);
  assert.equal(await page.getByTestId('open-full').textContent(), '打开完整页面');
  assert.match(await page.getByTestId('open-full').getAttribute('href'), /\?view=compare&area=me&lang=zh$/);
  await page.context().close();
});

test('printed in Chinese, the source list has a Chinese heading', async () => {
  const page = await openAt(env, '?provider=tencent&lang=zh');
  await emulatePrint(env, page);
  await page.pdf({ format: 'A4' });
  await page.waitForFunction(() => document.querySelector('.print-only ol li'));
  assert.equal(await page.locator('.print-only h2').textContent(), '来源');
  await page.context().close();
});

test('a browser that prefers Chinese is offered the Chinese page once, never redirected', async () => {
  const page = await openAt(env, '?view=table&provider=alibaba', { locale: 'zh-CN' });
  assert.equal(await page.evaluate(() => location.search), '?view=table&provider=alibaba', 'no redirect');
  const offer = page.getByTestId('lang-offer');
  await offer.waitFor();
  assert.equal(await offer.getAttribute('lang'), 'zh-Hans');
  assert.match(await offer.locator('a').getAttribute('href'), /\?view=table&provider=alibaba&lang=zh$/);
  await offer.getByRole('button').click();
  await page.reload();
  await page.waitForSelector('[data-testid=summary]');
  assert.equal(await page.getByTestId('lang-offer').count(), 0, 'dismissed once, not offered again');
  await page.context().close();
  const english = await openAt(env, '', { locale: 'en-GB' });
  assert.equal(await english.getByTestId('lang-offer').count(), 0, 'not offered to an English browser');
  await english.context().close();
});
