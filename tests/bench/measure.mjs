// File sizes of a release build, shared by the benchmark table (sizes.mjs) and the
// size ratchet of the test run (tests/size-check.mjs). Only Node built-ins.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Every file under `dir`: path relative to it, raw, gzip -9 and brotli -q 11 bytes. */
export function measure(dir) {
  const files = [];
  (function walk(d) {
    for (const name of fs.readdirSync(d)) {
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  })(dir);
  return files.sort().map((p) => {
    const body = fs.readFileSync(p);
    return {
      file: path.relative(dir, p),
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

/** What the page fetches before it is interactive: the HTML (with the pre-rendered first
 * paint and its country layer), stylesheets, JS glue, wasm and dataset. The country
 * shapes file is fetched only for an image export; schema, icon and preview image never. */
export const isCritical = (file) => /(^index\.html|\.js|\.wasm|\.css|^data\/atlas\.json)$/.test(file);

const sum = (list, key) => list.reduce((n, s) => n + s[key], 0);

/** The figures the ratchet holds, by name. */
export function figures(sizes) {
  const one = (re) => sizes.find((s) => re.test(s.file)) ?? { raw: 0, br: 0 };
  const wasm = one(/\.wasm$/);
  return {
    wasm_raw: wasm.raw,
    wasm_brotli: wasm.br,
    js_brotli: one(/\.js$/).br,
    css_brotli: sum(sizes.filter((s) => s.file.endsWith('.css')), 'br'),
    html_brotli: one(/^index\.html$/).br,
    critical_brotli: sum(sizes.filter((s) => isCritical(s.file)), 'br'),
  };
}
