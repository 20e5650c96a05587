// Every interaction keeps every view true: seeded sequences of what a person does
// (chips, menus, years, search, tabs, zoom, sort, "Show more", opening and closing
// records by mouse and keyboard, Reset, Copy link, Back, Forward, reload, typed
// URLs), and after every step the page compared with the pure core's answer for
// the URL (the `oracle` binary). See model/driver.mjs.
//
//   MODEL_LONG=1 node --test tests/e2e/model.test.mjs   # the long run: 2,000 sequences
//   SEED=123 MODEL_ONLY=17 ...                          # replay one sequence
//   MODEL_REPLAY='{"dataset":"shipped","start":"","steps":[...]}' ...  # replay a printed one

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setup, teardown, DIST, ENGINE } from './harness.mjs';
import { grown, threeProviders } from './datasets.mjs';
import { startOracle } from './model/oracle.mjs';
import { Driver, handTypedQuery } from './model/driver.mjs';
import { rng, seedOf } from './model/rng.mjs';

const SEQUENCES = Number(process.env.MODEL_SEQUENCES || (process.env.MODEL_LONG ? 2000 : 200));
const STEPS = Number(process.env.MODEL_STEPS || 8);
const SEED = Number(process.env.SEED || process.env.MODEL_SEED || Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.MODEL_ONLY === undefined ? null : Number(process.env.MODEL_ONLY);
const REPLAY = process.env.MODEL_REPLAY ? JSON.parse(process.env.MODEL_REPLAY) : null;
/** One sequence in this many runs on the grown dataset (batched tables, binned lanes),
 *  and one on the three-provider dataset (a provider and an area added as data only). */
const LARGE_EVERY = 6;
const SHRINK_BUDGET = 40;

// Firefox focuses one window per browser, and its pages get no `blur`/`change` while
// another has focus, so its sequences run one at a time (see `Driver.open`).
const WORKERS = Number(process.env.MODEL_WORKERS || (ENGINE === 'firefox' ? 1 : 2));

let env;
/** One set of drivers (a page per dataset) per worker; the oracles are shared. */
const workers = [];
const oracles = [];
before(async () => {
  // No back/forward cache: a page left for another document reloads when returned to, as the model expects.
  env = await setup({
    chromiumArgs: ['--disable-features=BackForwardCache'],
    firefoxPrefs: { 'browser.sessionhistory.max_total_viewers': 0 },
  });
  const world = path.join(DIST, 'geo/world.json');
  const shippedPath = path.join(DIST, 'data/atlas.json');
  const shipped = JSON.parse(fs.readFileSync(shippedPath, 'utf8'));
  const large = grown(shipped, { events: 1500, copies: 4 });
  const largePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-model-')), 'large.json');
  fs.writeFileSync(largePath, JSON.stringify(large));
  const three = threeProviders(shipped);
  const threePath = path.join(path.dirname(largePath), 'three.json');
  fs.writeFileSync(threePath, JSON.stringify(three));
  // The page fetches the shipped reference layer whatever the dataset.
  const reference = path.join(DIST, 'data/reference.json');
  const [o1, o2, o3] = [startOracle(shippedPath, world), startOracle(largePath, world, reference), startOracle(threePath, world, reference)];
  oracles.push(o1, o2, o3);
  for (let w = 0; w < WORKERS; w++) {
    workers.push({
      shipped: new Driver({ env, oracle: o1, data: shipped, dataset: null }),
      large: new Driver({ env, oracle: o2, data: large, dataset: { text: JSON.stringify(large) } }),
      three: new Driver({ env, oracle: o3, data: three, dataset: { text: JSON.stringify(three) } }),
    });
  }
});
after(async () => {
  for (const o of oracles) o.close();
  await teardown(env);
});

/** Runs `steps` from `start`; returns the failure (step index, differences) or null. */
async function replay(driver, start, steps) {
  const m = await driver.open(start);
  try {
    const first = await driver.check(m);
    if (first.length) return { at: -1, diffs: first };
    for (const [i, s] of steps.entries()) {
      let kind;
      try {
        kind = await driver.run(m, s);
      } catch (e) {
        return { at: i, diffs: [{ what: 'step threw', got: String(e.message).split('\n')[0], want: 'none' }] };
      }
      if (kind === 'skip') continue;
      const diffs = await driver.check(m, kind === true);
      if (diffs.length) return { at: i, diffs };
    }
    return null;
  } catch (e) {
    return { at: -1, diffs: [{ what: 'replay threw', got: String(e.message).split('\n')[0], want: 'none' }] };
  }
}

/** The shortest sequence that still fails, by dropping chunks of steps (delta debugging). */
async function shrink(driver, start, steps) {
  let best = { start, steps };
  let budget = SHRINK_BUDGET;
  const fails = async (c) => budget-- > 0 && (await replay(driver, c.start, c.steps)) !== null;
  if (start !== '' && (await fails({ start: '', steps }))) best = { start: '', steps };
  for (let size = Math.ceil(best.steps.length / 2); size >= 1 && budget > 0; size = size === 1 ? 0 : Math.ceil(size / 2)) {
    for (let i = 0; i + size <= best.steps.length && budget > 0; ) {
      const c = { start: best.start, steps: best.steps.slice(0, i).concat(best.steps.slice(i + size)) };
      if (await fails(c)) best = c;
      else i += size;
    }
  }
  return best;
}

const clip = (s) => (s && s.length > 600 ? `${s.slice(0, 600)}…` : s);

function report(seq, dataset, start, steps, failure, shrunk, shrunkFailure) {
  const lines = [
    `Sequence ${seq} failed at step ${failure.at + 1} (SEED=${SEED} MODEL_ONLY=${seq} replays it).`,
    `Shortest failing sequence found (${shrunk.steps.length} steps):`,
    `  MODEL_REPLAY='${JSON.stringify({ dataset, start: shrunk.start, steps: shrunk.steps })}'`,
    'It ends with:',
    ...(shrunkFailure ?? failure).diffs.map((d) => `  ${d.what}: got ${clip(JSON.stringify(d.got))}, want ${clip(JSON.stringify(d.want))}`),
    `Original sequence: start ${JSON.stringify(start)}, steps ${JSON.stringify(steps)}`,
  ];
  return lines.join('\n');
}

/** Sequence `seq` of the run: generated step by step from its own seed, checked after each step. */
async function sequence(drivers, seq, counts, times) {
  const r = rng(seedOf(SEED, seq));
  const dataset = { [LARGE_EVERY - 1]: 'large', [LARGE_EVERY - 4]: 'three' }[seq % LARGE_EVERY] ?? 'shipped';
  const driver = drivers[dataset];
  // On the grown dataset, tables are where batching lives: start there more often.
  const picked =
    r.weighted([
      [4, ''],
      [dataset === 'large' ? 12 : 3, '?view=table'],
      [2, '?view=timeline&provider=alibaba'],
      [2, '?view=compare&area=me'],
      [2, '?provider=tencent&area=apac'],
      [3, null],
    ]) ?? handTypedQuery(r, driver.data);
  // A quarter of the sequences are lived in Chinese: every control is the same, every word differs.
  const start = r.chance(0.25) ? `${picked || '?'}${picked.length > 1 ? '&' : ''}lang=zh` : picked;
  const m = await driver.open(start);
  const done = [];
  let failure = null;
  const first = await driver.check(m);
  if (first.length) failure = { at: -1, diffs: first };
  for (let tries = 0; !failure && done.length < STEPS && tries < STEPS * 4; tries++) {
    const s = await driver.next(m, r);
    const t0 = performance.now();
    let kind;
    try {
      kind = await driver.run(m, s);
    } catch (e) {
      done.push(s);
      failure = { at: done.length - 1, diffs: [{ what: 'step threw', got: String(e.message).split('\n')[0], want: 'none' }] };
      break;
    }
    if (kind === 'skip') continue;
    done.push(s);
    counts[s.t] = (counts[s.t] || 0) + 1;
    const t1 = performance.now();
    const diffs = await driver.check(m, kind === true);
    const t2 = performance.now();
    times[s.t] ??= [0, 0];
    times[s.t][0] += t1 - t0;
    times[s.t][1] += t2 - t1;
    if (diffs.length) failure = { at: done.length - 1, diffs };
  }
  return { dataset, driver, start, done, failure };
}

test('model-based: every interaction sequence keeps the page equal to the core oracle', { timeout: 3 * 60 * 60 * 1000 }, async () => {
  if (REPLAY) {
    const failure = await replay(workers[0][REPLAY.dataset || 'shipped'], REPLAY.start, REPLAY.steps);
    assert.equal(failure, null, failure && JSON.stringify(failure, null, 2));
    return;
  }
  const counts = {};
  const times = {};
  const queue = ONLY === null ? [...Array(SEQUENCES).keys()] : [ONLY];
  const total = queue.length;
  console.log(`model: seed ${SEED}, ${total} sequences of ${STEPS} steps, ${WORKERS} workers`);
  let steps = 0;
  let failed = null;
  await Promise.all(
    workers.map(async (drivers) => {
      while (queue.length && !failed) {
        const seq = queue.shift();
        const result = await sequence(drivers, seq, counts, times);
        steps += result.done.length;
        if (result.failure && !failed) failed = { seq, ...result };
      }
    }),
  );
  for (const drivers of workers) for (const d of Object.values(drivers)) await d.close();
  if (failed) {
    const { seq, dataset, driver, start, done, failure } = failed;
    const failing = done.slice(0, failure.at + 1);
    const shrunk = await shrink(driver, start, failing);
    const again = await replay(driver, shrunk.start, shrunk.steps);
    await driver.close();
    assert.fail(report(seq, dataset, start, failing, failure, shrunk, again));
  }
  console.log(`model: ${total} sequences, ${steps} steps, by kind ${JSON.stringify(counts)}`);
  if (process.env.MODEL_PROFILE) {
    for (const [k, [a, b]] of Object.entries(times)) console.log(`  ${k}: act ${(a / counts[k]).toFixed(0)} ms, check ${(b / counts[k]).toFixed(0)} ms`);
  }
  assert.ok(steps >= total * STEPS, `every sequence ran ${STEPS} steps`);
});
