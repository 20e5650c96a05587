// Prints the size of every file in a release build: raw, gzip -9, brotli -q 11,
// and the critical path (what the first view needs) against its budget.
//   node tests/bench/sizes.mjs dist-bench

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] || 'dist';
const files = [];
(function walk(d) {
  for (const name of fs.readdirSync(d)) {
    const p = path.join(d, name);
    if (fs.statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
})(dir);

const sizes = files.sort().map((p) => {
  const body = fs.readFileSync(p);
  return {
    file: path.relative(dir, p),
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    br: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

// What the first paint of the default view fetches; the schema and icons are not on it.
const critical = sizes.filter((s) => /(^index\.html|\.js|\.wasm|\.css|^data\/atlas\.json|^geo\/.*\.json)$/.test(s.file));
const total = (list, key) => list.reduce((n, s) => n + s[key], 0);
const row = (a, b, c, d) => `| ${a.padEnd(48)} | ${String(b).padStart(9)} | ${String(c).padStart(9)} | ${String(d).padStart(9)} |`;

console.log(row('file', 'raw B', 'gzip B', 'brotli B'));
console.log(`|${'-'.repeat(50)}|${'-'.repeat(11)}|${'-'.repeat(11)}|${'-'.repeat(11)}|`);
for (const s of sizes) console.log(row(s.file, s.raw, s.gzip, s.br));
console.log(row('critical path (html, js, wasm, css, data, geometry)', total(critical, 'raw'), total(critical, 'gzip'), total(critical, 'br')));
const wasm = sizes.find((s) => s.file.endsWith('.wasm'));
console.log('');
console.log(`critical path brotli: ${total(critical, 'br')} B (budget 184320 B = 180 KiB) ${total(critical, 'br') <= 184320 ? 'OK' : 'OVER'}`);
console.log(`wasm raw: ${wasm.raw} B (budget 409600 B = 400 KiB) ${wasm.raw <= 409600 ? 'OK' : 'OVER'}`);
