// A client for the `oracle` binary (src/bin/oracle.rs): the pure core, asked one
// JSON line at a time what the page must show. Started once per dataset.

import { spawn } from 'node:child_process';
import readline from 'node:readline';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ORACLE = process.env.ORACLE || path.join(ROOT, 'target/debug/oracle');

/** `reference`: the reference layer's file, when it is not the `reference.json` beside `dataset`. */
export function startOracle(dataset, world, reference) {
  const child = spawn(ORACLE, [dataset, world, ...(reference ? [reference] : [])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.resolve(JSON.parse(line)));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`oracle exited with ${code}`));
  });
  const ask = (q) =>
    new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      child.stdin.write(JSON.stringify(q) + '\n');
    }).then((a) => {
      if (a.error) throw new Error(`oracle: ${a.error} for ${JSON.stringify(q)}`);
      return a;
    });
  return {
    /** The canonical query after an edit of the view `query`, and its history entry kind. */
    edit: (query, edit) => ask({ op: 'edit', query, edit }),
    /** Everything the page must show for a raw query, a zoom, a table state and the coverage table's order. */
    page: (query, zoom, table, coverage, cite) => ask({ op: 'page', query, zoom, table, coverage, cite }),
    /** Only the canonical query, the ignored parameters and the summary for a raw query. */
    read: (query) => ask({ op: 'read', query }),
    /** The search text the state keeps for a box holding `text`. */
    normalize: (text) => ask({ op: 'normalize', text }).then((a) => a.q),
    /** The English phrases of the interface (what a page in Chinese must not show). */
    catalog: () => ask({ op: 'catalog' }),
    close: () => child.stdin.end(),
  };
}
