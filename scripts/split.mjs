// Trunk post-build step (scripts/post-build.sh), first of its steps: stages the
// lazily loaded chunks that scripts/bin/wasm-bindgen cut from the app's wasm.
//
// wasm-split-cli wrote them into target/wasm-bindgen/<profile>/wasm-split/ with the
// loader `__wasm_split.js`, which the JS glue imports and which imports the glue
// back as "./main.js". Trunk stages only the glue and the main wasm; this step
//   1. optimises each chunk with wasm-opt -Oz (release builds, as trunk does the main wasm),
//   2. stages it as `<name>-<hash>.wasm` (a content hash, so a CDN may cache it forever),
//   3. rewrites the loader: each chunk by its staged name, fetched with its
//      subresource-integrity hash; the glue by its staged name,
//   4. stages the loader as `__wasm_split-<hash>.js` and points the glue at it
//      (scripts/csp.mjs adds its hash to the page's import map afterwards).
// A build without split points (no `__wasm_split.js` import in the glue) is left alone.

import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
const from = path.join(target, 'wasm-bindgen', profile, 'wasm-split');

const glueName = fs.readdirSync(staging).find((f) => /^cloud-atlas-[0-9a-f]+\.js$/.test(f));
if (!glueName) throw new Error(`split: no JS glue in ${staging}`);
const gluePath = path.join(staging, glueName);
let glue = fs.readFileSync(gluePath, 'utf8');
const LINK = 'from "./__wasm_split.js"';
if (!glue.includes(LINK)) {
  console.log('split: the build has no split points');
  process.exit(0);
}
const loaderPath = path.join(from, '__wasm_split.js');
if (!fs.existsSync(loaderPath)) throw new Error(`split: the glue imports the chunk loader, but ${loaderPath} is missing`);

const hash = (body) => crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
const sri = (body) => `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;

let loader = fs.readFileSync(loaderPath, 'utf8');
const chunks = fs.readdirSync(from).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').sort();
let staged = 0;
let bytes = 0;
for (const file of chunks) {
  const stem = file.slice(0, -'.wasm'.length);
  let input = path.join(from, file);
  if (profile === 'release') {
    const out = path.join(from, `${stem}.opt`);
    execFileSync('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', input, '-o', out], { stdio: 'inherit' });
    input = out;
  }
  const body = fs.readFileSync(input);
  const name = `${stem}-${hash(body)}.wasm`;
  fs.writeFileSync(path.join(staging, name), body);
  const before = `fetch(new URL("./${file}", import.meta.url))`;
  if (!loader.includes(before)) throw new Error(`split: the loader does not fetch ${file} as expected`);
  loader = loader.replace(before, `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri(body)}" })`);
  staged++;
  bytes += body.length;
}
if (!loader.includes('from "./main.js"')) throw new Error('split: the loader does not import the glue as ./main.js');
loader = loader.replace('from "./main.js"', `from "./${glueName}"`);
const loaderName = `__wasm_split-${hash(loader)}.js`;
fs.writeFileSync(path.join(staging, loaderName), loader);
glue = glue.replaceAll(LINK, `from "./${loaderName}"`);
fs.writeFileSync(gluePath, glue);
console.log(`split: ${staged} chunks (${bytes} B) and ${loaderName} staged`);
