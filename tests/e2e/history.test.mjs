// A link made with an older data version, in the release build: the notice lists
// what changed since (derived from the dataset's change log), every record opens,
// "Update the link" moves the link to this data, a removed record is named but not
// linked, an unknown version says so, in English and Chinese, without axe findings.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, teardown, openAt, guardedPage, shippedData, axeViolations } from './harness.mjs';

const data = shippedData();
const [first, ...later] = data.changes;
const last = data.changes.at(-1);

let env;
before(async () => (env = await setup()));
after(async () => teardown(env));

test('an old link lists every record changed since, each opening; Update the link stamps this version', async () => {
  assert.ok(later.length > 0, 'the shipped log has an edition after its first');
  const page = await openAt(env, `?view=table&d=${first.version}`);
  const notice = page.getByTestId('data-changed');
  await notice.waitFor();
  const ids = new Set(later.flatMap((e) => e.records.map((c) => c.id)));
  assert.equal(await notice.locator('.since__head').getAttribute('data-count'), String(ids.size));
  await notice.locator('summary').click();
  const listed = await notice.locator('li[data-id]').evaluateAll((ls) => ls.map((l) => l.dataset.id));
  assert.deepEqual([...listed].sort(), [...ids].sort());
  // The correction of the update is there with its fields.
  const sa = notice.locator('li[data-change=changed]', { has: page.locator('li[data-id="alibaba:sa-east-1"]') });
  assert.match(await sa.textContent(), /status/);
  // A record opens from the notice.
  await notice.locator('[data-sel-id="alibaba:cn-zhengzhou-jva"]').click();
  await page.waitForSelector('[data-testid=detail]');
  assert.equal(new URL(page.url()).searchParams.get('sel'), 'alibaba:cn-zhengzhou-jva');
  await notice.getByRole('button', { name: 'Update the link to this data' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).searchParams.get('d'), data.version);
  assert.deepEqual(page.problems, { console: [], errors: [], offOrigin: [] });
  await page.context().close();
});

test('a removed record is named in the notice but not linked', async () => {
  const changed = structuredClone(data);
  changed.changes.at(-1).records.push({
    id: 'gone-2020-01-news', table: 'event', change: 'removed',
    title: 'A withdrawn announcement', title_zh: '一条已撤回的公告',
    reason: 'Withdrawn: its only source was retracted.', reason_zh: '已撤回：其唯一来源已撤稿。',
  });
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(changed) }));
  await page.goto(`${env.url}?d=${first.version}`);
  const notice = page.getByTestId('data-changed');
  await notice.waitFor();
  await notice.locator('summary').click();
  const gone = notice.locator('li[data-id="gone-2020-01-news"]');
  assert.equal(await gone.textContent(), 'A withdrawn announcement');
  assert.equal(await gone.locator('button').count(), 0);
  assert.match(await notice.locator('li[data-change=removed]', { hasText: 'Withdrawn' }).textContent(), /^Removed: Withdrawn/);
  await page.context().close();
});

test('a link naming a version this data does not know says so; this version gives no notice', async () => {
  const page = await openAt(env, '?d=2099-01-01');
  await page.getByTestId('data-changed').waitFor();
  assert.match(await page.getByTestId('data-changed').textContent(), /does not know/);
  await page.goto(`${env.url}?d=${last.version}`);
  await page.waitForSelector('[data-testid=summary]');
  assert.equal(await page.getByTestId('data-changed').count(), 0);
  await page.context().close();
});

test('the old-link notice in Chinese, unfolded, light and dark: no untranslated text, no axe findings', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openAt(env, `?lang=zh&d=${first.version}`, { colorScheme });
    const notice = page.getByTestId('data-changed');
    await notice.waitFor();
    await notice.locator('summary').click();
    assert.equal(await notice.locator('.untranslated').count(), 0);
    assert.match(await notice.locator('.since__head').textContent(), /条记录发生了变化/);
    assert.deepEqual(await axeViolations(page), [], colorScheme);
    await page.context().close();
  }
});
