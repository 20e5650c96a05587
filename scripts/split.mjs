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
//      (scripts/csp.mjs adds its hash to the page's import map afterwards),
//   5. writes each view's chunks (and the "changed since" notice's), with their hashes,
//      into the page's loader script, which fetches those the address needs while the
//      main wasm downloads; the chunk loader takes those answers instead of fetching again.
// A build without split points (no `__wasm_split.js` import in the glue) is left alone.

import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { viewChunksOf, partChunksOf } from './chunks.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE === 'release' ? 'release' : 'debug';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const target = process.env.CARGO_TARGET_DIR ? path.resolve(root, process.env.CARGO_TARGET_DIR) : path.join(root, 'target');
const from = path.join(target, 'wasm-bindgen', profile, 'wasm-split');

// The boot's table of each view's chunks (Trunk.toml's loader preloads those of the
// view the address names, beside the main wasm, instead of after it): `{}` when unsplit.
const indexPath = path.join(staging, 'index.html');
const PLACEHOLDER = '__VIEW_CHUNKS__';
const writeTable = (table) => {
  const html = fs.readFileSync(indexPath, 'utf8');
  if (!html.includes(PLACEHOLDER)) throw new Error(`split: index.html's loader has no ${PLACEHOLDER}`);
  fs.writeFileSync(indexPath, html.replace(PLACEHOLDER, JSON.stringify(table)));
};

const glueName = fs.readdirSync(staging).find((f) => /^cloud-atlas-[0-9a-f]+\.js$/.test(f));
if (!glueName) throw new Error(`split: no JS glue in ${staging}`);
const gluePath = path.join(staging, glueName);
let glue = fs.readFileSync(gluePath, 'utf8');
const LINK = 'from "./__wasm_split.js"';
if (!glue.includes(LINK)) {
  console.log('split: the build has no split points');
  writeTable({ files: [], views: {}, parts: {} });
  process.exit(0);
}
const loaderPath = path.join(from, '__wasm_split.js');
if (!fs.existsSync(loaderPath)) throw new Error(`split: the glue imports the chunk loader, but ${loaderPath} is missing`);

const hash = (body) => crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);
// SHA-256 for the chunks (a collision-resistant hash is all SRI asks): each hash is in the
// loader, and the boot's table in every page, as 44 incompressible bytes rather than 64.
const sri = (body) => `sha256-${crypto.createHash('sha256').update(body).digest('base64')}`;

let loader = fs.readFileSync(loaderPath, 'utf8');
const chunks = fs.readdirSync(from).filter((f) => f.endsWith('.wasm') && f !== 'main.wasm').sort();
const integrity = new Map();
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
  loader = loader.replace(before, `take(new URL("./${name}", import.meta.url), "${sri(body)}")`);
  integrity.set(name, sri(body));
  staged++;
  bytes += body.length;
}
// The boot script may already have asked for a view's chunks (Trunk.toml): the loader
// takes that answer once, else fetches; always with the chunk's integrity hash. (A
// <link rel=preload> was fetched twice by Firefox.)
loader = `const take = (url, integrity) => {
  const early = globalThis.__atlasChunks?.get(url.href);
  if (early) {
    globalThis.__atlasChunks.delete(url.href);
    return early;
  }
  return fetch(url, { integrity });
};
${loader}`;
if (!loader.includes('from "./main.js"')) throw new Error('split: the loader does not import the glue as ./main.js');
loader = loader.replace('from "./main.js"', `from "./${glueName}"`);
const loaderName = `__wasm_split-${hash(loader)}.js`;
fs.writeFileSync(path.join(staging, loaderName), loader);
glue = glue.replaceAll(LINK, `from "./${loaderName}"`);
fs.writeFileSync(gluePath, glue);
// What the boot may preload: each view's chunks, and the notice's for a link stamped
// with another data version (the share bar's writers wait for a click).
const early = { views: viewChunksOf(loader), parts: Object.fromEntries(Object.entries(partChunksOf(loader)).filter(([p]) => p === 'since')) };
// Files once (name, hash), only those the boot may preload, views and parts as indices
// into them: the table is in every page, and each hash is 64 incompressible bytes.
const files = [...new Set([...Object.values(early.views), ...Object.values(early.parts)].flat())].sort();
for (const f of files) if (!integrity.has(f)) throw new Error(`split: ${f} is named by the loader but was not staged`);
const indices = (table) => Object.fromEntries(Object.entries(table).map(([v, list]) => [v, list.map((f) => files.indexOf(f))]));
const views = indices(early.views);
const parts = indices(early.parts);
if (Object.keys(views).length === 0) throw new Error('split: the loader names no view (scripts/chunks.mjs no longer reads it)');
if (!parts.since) throw new Error('split: the loader names no part_since module (src/app/lazy.rs)');
writeTable({ files: files.map((f) => [f, integrity.get(f)]), views, parts });
console.log(`split: ${staged} chunks (${bytes} B) and ${loaderName} staged`);
