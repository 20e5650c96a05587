// Trunk post-build step (scripts/post-build.sh), release builds only: fills in the
// subresource-integrity hashes the loader (Trunk.toml) and the pre-render leave
// open, then writes a strict Content-Security-Policy <meta> into the built
// index.html, allowing exactly its inline scripts (by SHA-256 hash) and nothing
// inline otherwise. The dev server injects its own reload script, which this
// policy would block.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const file = path.join(process.env.TRUNK_STAGING_DIR, 'index.html');
let html = fs.readFileSync(file, 'utf8');

// SRI: the JS glue and the chunk loader (import map), the wasm (fetch option), the
// generated stylesheet. The chunks carry theirs in the loader (scripts/split.mjs).
const sri = (name) => {
  const body = fs.readFileSync(path.join(process.env.TRUNK_STAGING_DIR, decodeURIComponent(name)));
  return `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;
};
const basename = (url) => url.slice(url.lastIndexOf('/') + 1);
const glue = html.match(/import\('([^']+\.js)'\)/);
const wasm = html.match(/fetch\('([^']+\.wasm)'/);
if (!glue || !wasm) throw new Error('the loader names no JS glue or wasm');
html = html
  .replace('__INTEGRITY_JS__', sri(basename(glue[1])))
  .replace('__INTEGRITY_WASM__', sri(basename(wasm[1])))
  .replace(/<link rel="stylesheet" href="(page-[0-9a-f]+\.css)">/, (m, name) => m.replace('>', ` integrity="${sri(name)}">`));
// The chunk loader the glue imports (scripts/split.mjs), under the glue's base URL.
const loader = fs.readdirSync(process.env.TRUNK_STAGING_DIR).find((f) => /^__wasm_split-[0-9a-f]+\.js$/.test(f));
if (loader) {
  const base = glue[1].slice(0, glue[1].lastIndexOf('/') + 1);
  const at = '<script type="importmap">{"integrity": {';
  if (!html.includes(at)) throw new Error('the loader has no import map to carry the chunk loader\'s hash');
  html = html.replace(at, `${at}${JSON.stringify(base + loader)}: ${JSON.stringify(sri(loader))}, `);
}
if (html.includes('__INTEGRITY_')) throw new Error('an integrity hash was left unfilled');
if (process.env.TRUNK_PROFILE !== 'release') {
  fs.writeFileSync(file, html);
  process.exit(0);
}

const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf('>'))))
  .map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);

const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('index.html already has a CSP');
html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes('Content-Security-Policy')) throw new Error('no <meta charset> to anchor the CSP');
fs.writeFileSync(file, html);
console.log(`CSP written with ${hashes.length} script hash(es)`);
