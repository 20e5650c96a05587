// Prints the size of every file in a release build: raw, gzip -9, brotli -q 11,
// the critical path (what the first view needs) against the product's targets, and
// the ratchet's figures against tests/size-budget.json.
//   node tests/bench/sizes.mjs dist-bench

import fs from 'node:fs';
import { measure, isCritical, figures } from './measure.mjs';

const dir = process.argv[2] || 'dist';
const sizes = measure(dir);
// --with-shapes: a build from before the pre-render, which fetched the shapes file at boot.
const withShapes = process.argv.includes('--with-shapes');
const critical = sizes.filter((s) => isCritical(s.file) || (withShapes && /^geo\/.*\.json$/.test(s.file)));
const total = (list, key) => list.reduce((n, s) => n + s[key], 0);
const row = (a, b, c, d) => `| ${a.padEnd(48)} | ${String(b).padStart(9)} | ${String(c).padStart(9)} | ${String(d).padStart(9)} |`;

console.log(row('file', 'raw B', 'gzip B', 'brotli B'));
console.log(`|${'-'.repeat(50)}|${'-'.repeat(11)}|${'-'.repeat(11)}|${'-'.repeat(11)}|`);
for (const s of sizes) console.log(row(s.file, s.raw, s.gzip, s.br));
console.log(row('critical path (html, css, js, main wasm, data)', total(critical, 'raw'), total(critical, 'gzip'), total(critical, 'br')));
const wasm = sizes.find((s) => s.file.endsWith('_bg.wasm'));
console.log('');
console.log(`critical path brotli: ${total(critical, 'br')} B (target 184320 B = 180 KiB) ${total(critical, 'br') <= 184320 ? 'OK' : 'OVER'}`);
console.log(`wasm raw: ${wasm.raw} B (target 409600 B = 400 KiB) ${wasm.raw <= 409600 ? 'OK' : 'OVER'}`);
const budget = JSON.parse(fs.readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8')).budget;
console.log('');
console.log('| ratchet figure | bytes | budget |');
console.log('|---|---:|---:|');
for (const [name, bytes] of Object.entries(figures(sizes, dir))) console.log(`| ${name} | ${bytes} | ${budget[name] ?? '—'} |`);
