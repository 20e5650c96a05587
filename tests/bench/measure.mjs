// File sizes of a release build, shared by the benchmark table (sizes.mjs) and the
// size ratchet of the test run (tests/size-check.mjs). Only Node built-ins.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { viewChunksOf, partChunksOf } from '../../scripts/chunks.mjs';

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

/** A lazily loaded chunk of the app's wasm (scripts/split.mjs): not on the first load. */
export const isChunk = (file) => /^(chunk_\d+|split_[a-z_]+)-[0-9a-f]+\.wasm$/.test(file);

/** What the page fetches before it is interactive: the HTML (with the pre-rendered first
 * paint and its country layer), stylesheets, the JS glue and the chunk loader it imports,
 * the main wasm and the dataset. The chunks of the views other than the map arrive when a
 * view is first opened; the country shapes file only for an image export or another
 * language; schema, icon and preview image never. */
export const isCritical = (file) => !isChunk(file) && /(^index\.html|\.js|\.wasm|\.css|^data\/atlas\.json)$/.test(file);

const sum = (list, key) => list.reduce((n, s) => n + s[key], 0);

const loaderText = (dir) => {
  const loader = fs.readdirSync(dir).find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
  return loader ? fs.readFileSync(path.join(dir, loader), 'utf8') : '';
};

/** Each lazily loaded view's own chunks in the build in `dir` (scripts/chunks.mjs). */
export const viewChunks = (dir) => viewChunksOf(loaderText(dir));

/** Each lazily loaded part's chunks (the share bar's writers, the "changed since" notice). */
export const partChunks = (dir) => partChunksOf(loaderText(dir));

/** The figures the ratchet holds, by name: the first load, each view's chunks and each part's. */
export function figures(sizes, dir) {
  const one = (re) => sizes.find((s) => re.test(s.file)) ?? { raw: 0, br: 0 };
  const wasm = one(/_bg\.wasm$/);
  const out = {
    wasm_raw: wasm.raw,
    wasm_brotli: wasm.br,
    js_brotli: sum(sizes.filter((s) => /\.js$/.test(s.file)), 'br'),
    css_brotli: sum(sizes.filter((s) => s.file.endsWith('.css')), 'br'),
    html_brotli: one(/^index\.html$/).br,
    critical_brotli: sum(sizes.filter((s) => isCritical(s.file)), 'br'),
  };
  if (dir) {
    const by = new Map(sizes.map((s) => [s.file, s]));
    for (const [view, files] of Object.entries(viewChunks(dir)).sort()) {
      out[`view_${view}_brotli`] = sum(files.map((f) => by.get(f) ?? { br: 0 }), 'br');
    }
    for (const [part, files] of Object.entries(partChunks(dir)).sort()) {
      out[`part_${part}_brotli`] = sum(files.map((f) => by.get(f) ?? { br: 0 }), 'br');
    }
  }
  return out;
}
