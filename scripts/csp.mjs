// Trunk post-build hook: writes a strict Content-Security-Policy <meta> into the
// built index.html, allowing exactly the inline scripts trunk generated (by
// SHA-256 hash) and nothing inline otherwise. Release builds only: the dev
// server injects its own reload script, which this policy would block.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const file = path.join(process.env.TRUNK_STAGING_DIR, 'index.html');
let html = fs.readFileSync(file, 'utf8');

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
