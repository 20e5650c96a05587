// axe-core with the WCAG 2.0/2.1/2.2 A and AA rules on every view, in light
// and dark (dark in Chromium only), on a desktop and at 360 px: zero violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, guardedPage, axeViolations as violations, schemes } from './harness.mjs';

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

// Firefox sweeps the light scheme only, as every repeated sweep does (`schemes()` in
// harness.mjs: contrast comes from CSS colours both engines resolve alike); Chromium
// sweeps both. The dark sweeps were 79 s of Firefox's 14-minute run.
for (const colorScheme of schemes()) {
  for (const width of [1280, 360]) {
    test(`no WCAG A/AA violations: ${colorScheme}, ${width} px`, async () => {
      const page = await guardedPage(env, { viewport: { width, height: 900 }, colorScheme });
      const found = [];
      for (const q of ['', '?view=timeline', '?view=compare', '?view=table', '?view=table&sel=tencent:me-saudi-arabia', '?embed=1&view=compare', '?zzz=1', '?view=coverage', '?view=changes', '?view=promises', '?ref=1', '?view=compare&ref=1', '?view=timeline&ref=1', '?view=coverage&shade=ref']) {
        // The analyst views' own tests run axe at 360 px (coverage, changes, promises .test.mjs).
        if (width === 360 && /view=(coverage|changes|promises)/.test(q)) continue;
        await page.goto(env.url + q);
        await page.waitForSelector('[data-testid=summary]');
        // The map's outlines and an open record arrive after the summary: wait for them, not for a time.
        await page.waitForFunction(() => !document.querySelector('.map') || document.querySelector('svg.map__shapes g path'));
        if (q.includes('sel=')) await page.waitForSelector('[data-testid=detail]');
        // The reference layer arrives after the page; its list is checked unfolded.
        if (/ref=|shade=ref/.test(q)) {
          await page.waitForSelector('[data-testid=ref-list], [data-testid=compare-ref], [data-testid=growth-ref-caveat], [data-testid=coverage-table] td[data-ref]');
          await page.evaluate(() => document.querySelector('[data-testid=ref-list]')?.setAttribute('open', ''));
        }
        for (const v of await violations(page)) found.push(`${q || '(map)'}: ${v}`);
      }
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
}

test('prefers-reduced-motion: nothing on any view animates, transitions or scrolls smoothly', async () => {
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const moving = [];
  for (const q of ['', '?view=timeline', '?view=compare', '?view=table&sel=tencent:me-saudi-arabia']) {
    await page.goto(env.url + q);
    await page.waitForSelector('[data-testid=summary]');
    const found = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((el) => {
          const s = getComputedStyle(el);
          const secs = (v) => v.split(',').some((d) => parseFloat(d) > 0);
          return s.animationName !== 'none' || secs(s.transitionDuration) || s.scrollBehavior === 'smooth';
        })
        .map((el) => el.tagName + '.' + el.className),
    );
    moving.push(...found.map((f) => `${q || '(map)'}: ${f}`));
  }
  assert.deepEqual(moving, []);
  await page.context().close();
});
