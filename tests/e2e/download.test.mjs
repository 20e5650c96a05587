// Downloads that never end, against a real server on loopback (a route cannot send
// headers and then stop): every one ends in an in-page message with Retry, and
// Retry then loads the real file. The limits are `src/core/download.rs`'s; the
// fake clock (Playwright's) stands in for the seconds, so nothing waits for real time.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, teardown, guardedPage, byDefault, DIST } from './harness.mjs';

const DATASET = fs.readFileSync(path.join(DIST, 'data/atlas.json'));
const MB = 1_000_000;

// What the server does with the next request for each file: a mode name, or undefined
// for the real file. Each misbehaving answer is bounded in bytes and time.
const modes = { 'data/atlas.json': undefined, 'geo/people.json': undefined, 'geo/world.json': undefined };
function misbehave(rel, req, res) {
  const mode = modes[rel];
  if (!mode) return false;
  const timers = [];
  const stop = () => timers.forEach(clearInterval);
  req.on('close', stop);
  res.on('error', stop);
  if (mode === 'silent') {
    // No answer at all: not even the headers.
  } else if (mode === 'stall') {
    // Headers and a first piece, then nothing (closed by the test or at teardown).
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write(DATASET.subarray(0, 100));
  } else if (mode === 'declared-huge') {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(200 * MB) });
    res.write(DATASET.subarray(0, 100));
  } else if (mode === 'endless') {
    // No length: 1 MB pieces for as long as the client reads, 100 MB at most.
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const piece = Buffer.alloc(MB, 0x20);
    res.write('{"schema":1,"x":"');
    let sent = 0;
    const pump = () => {
      while (sent < 100 && !res.destroyed) {
        sent++;
        if (!res.write(piece)) return res.once('drain', pump);
      }
      if (!res.destroyed) res.end('"}');
    };
    pump();
  } else if (mode === 'trickle') {
    // The real file, slowly: 20 pieces 50 ms apart, one second in all.
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    const size = Math.ceil(DATASET.length / 20);
    let at = 0;
    timers.push(
      setInterval(() => {
        res.write(DATASET.subarray(at, at + size));
        at += size;
        if (at >= DATASET.length) {
          stop();
          res.end();
        }
      }, 50),
    );
  }
  modes[rel] = undefined; // the next request (Retry) gets the real file
  return true;
}

let env;
before(async () => (env = await setup({ handle: misbehave })));
after(async () => teardown(env));

/**
 * Opens the app while the server answers the dataset as `mode`, once the browser has
 * sent the request (`silent`) or had the response headers; with `quiet`, the fake clock
 * runs to just before and just after that many milliseconds. The in-page message must
 * match `expected`, and Retry must then load the real file.
 */
async function ends(mode, expected, { quiet } = {}) {
  modes['data/atlas.json'] = mode;
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.clock.install();
  const asked = mode === 'silent' ? page.waitForRequest('**/data/atlas.json') : page.waitForResponse('**/data/atlas.json');
  await page.goto(env.url);
  await asked;
  const alert = page.locator('[role=alert]');
  if (quiet) {
    await page.clock.runFor(quiet - 1_000);
    assert.equal(await alert.count(), 0, `no message before ${quiet / 1000} seconds`);
    await page.clock.runFor(1_500);
  }
  await alert.waitFor({ timeout: 60_000 });
  assert.match(await alert.textContent(), expected);
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.waitForSelector('[data-testid=counts]');
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
}

test('a server that never answers ends in "no answer within 15 seconds" with Retry', () =>
  ends('silent', /the server sent no answer within 15 seconds/, { quiet: 15_000 }));

test('a server that sends headers and then stops ends in "nothing more arrived" with Retry', () =>
  ends('stall', /nothing more arrived for 15 seconds, after 0\.0 MB/, { quiet: 15_000 }));

test('a declared length over the cap is refused before the body is read', () =>
  ends('declared-huge', /larger than 64 MB, the most this page reads/));

test('an endless body without a length stops at the cap, not in an out-of-memory crash', () =>
  ends('endless', /larger than 64 MB/));

test('a slow download that keeps flowing loads whole', async () => {
  modes['data/atlas.json'] = 'trickle';
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.url);
  await page.waitForSelector('[data-testid=counts]');
  const doc = JSON.parse(DATASET);
  const [shown, all] = [byDefault(doc).regions.length, doc.regions.length];
  assert.match(await page.textContent('[data-testid=counts]'), new RegExp(`^${shown} of ${all} regions`));
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
});

/**
 * A side file that stalls at `q`: after 16 s of fake time the view's message (`testid`)
 * matches `expected`, and its Retry (`retry`) brings what `ready` selects.
 */
async function sideFileStalls(file, q, { testid, expected, retry, ready }) {
  modes[file] = 'stall';
  const page = await guardedPage(env, { viewport: { width: 1280, height: 900 } });
  await page.clock.install();
  const answered = page.waitForResponse(`**/${file}`);
  await page.goto(env.url + q);
  await answered;
  const failed = page.getByTestId(testid);
  await page.clock.runFor(16_000);
  await failed.waitFor();
  assert.match(await failed.textContent(), expected);
  await failed.getByRole('button', { name: retry }).click();
  await page.waitForSelector(ready);
  assert.equal(await failed.count(), 0);
  assert.deepEqual(page.problems.errors, []);
  await page.context().close();
}

test('a gazetteer that stalls ends the coverage view in a message with Retry', () =>
  sideFileStalls('geo/people.json', '?view=coverage', {
    testid: 'coverage-failed',
    expected: /nothing more arrived for 15 seconds/,
    retry: 'Retry',
    ready: '[data-testid=coverage-table] tbody tr',
  }));

test('country outlines that stall end in a message on the map with Retry (Chinese page, which loads its own)', () =>
  sideFileStalls('geo/world.json', '?lang=zh', {
    testid: 'shapes-failed',
    expected: /国家轮廓无法加载（收到0\.0 MB后，15秒内再无数据）/,
    retry: '重试',
    ready: 'svg.map__shapes g path',
  }));
