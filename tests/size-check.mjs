// The size ratchet: fails when a release build is bigger than tests/size-budget.json
// allows, naming each figure, its file and the overshoot. Sizes are deterministic for a
// given toolchain, so this may fail the test run (times never do).
//   node tests/size-check.mjs dist-e2e            # check
//   node tests/size-check.mjs dist-e2e --write    # set the budget to this build + margin
// Every commit that cuts bytes lowers the budget with --write in the same commit.

import fs from 'node:fs';
import { measure, figures } from './bench/measure.mjs';

const dir = process.argv[2] || 'dist';
const file = new URL('./size-budget.json', import.meta.url);
const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
const now = figures(measure(dir), dir);
if (process.argv.includes('--write')) {
  doc.measured = now;
  doc.budget = Object.fromEntries(Object.entries(now).map(([k, v]) => [k, Math.ceil(v * (1 + doc.margin))]));
  fs.writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`size budget written: ${JSON.stringify(doc.budget)}`);
  process.exit(0);
}
const over = Object.entries(doc.budget).filter(([k, limit]) => !(now[k] <= limit));
for (const [k, v] of Object.entries(now)) console.log(`${k.padEnd(16)} ${String(v).padStart(8)} B  budget ${String(doc.budget[k]).padStart(8)} B`);
if (over.length) {
  for (const [k, limit] of over) console.error(`SIZE BUDGET EXCEEDED: ${k} is ${now[k]} B, budget ${limit} B (+${now[k] - limit} B); see tests/size-budget.json`);
  process.exit(1);
}
console.log('sizes within tests/size-budget.json');
