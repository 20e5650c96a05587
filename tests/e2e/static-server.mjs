// A plain static file server, the way a CDN serves `dist/`: files only, no
// SPA fallback, correct MIME types (application/wasm), brotli/gzip when the
// client asks, and the whole site mounted under an optional sub-path.
//
//   node tests/e2e/static-server.mjs --root dist --port 8080 --base /some/path/
//
// Also importable: `startServer({ root, port, base, handle })` resolves to { url, close }.
// `handle(rel, req, res)`, if given, sees each request's path under the base first and
// answers it itself by returning true (the download tests' misbehaving servers).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt', '.csv', '.xml']);

export function startServer({ root, port = 0, base = '/', host = '127.0.0.1', handle }) {
  if (!base.startsWith('/')) base = '/' + base;
  if (!base.endsWith('/')) base += '/';
  const rootDir = path.resolve(root);
  const cache = new Map();

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'bad request');
    }
    if (pathname + '/' === base) {
      res.writeHead(301, { Location: base + url.search });
      return res.end();
    }
    if (!pathname.startsWith(base)) return send(res, 404, 'not found');
    let rel = pathname.slice(base.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    if (handle && handle(rel, req, res)) return;
    const file = path.resolve(rootDir, rel);
    if (!file.startsWith(rootDir + path.sep)) return send(res, 404, 'not found');
    fs.readFile(file, (err, body) => {
      if (err) return send(res, 404, 'not found');
      const ext = path.extname(file);
      const headers = {
        'Content-Type': TYPES[ext] || 'application/octet-stream',
        // Only file names that carry a content hash may be cached for good; the page and the data revalidate.
        'Cache-Control': /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      };
      const accept = String(req.headers['accept-encoding'] || '');
      if (COMPRESSIBLE.has(ext) && /\bbr\b/.test(accept)) {
        body = compressed(cache, file, body, 'br');
        headers['Content-Encoding'] = 'br';
      } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accept)) {
        body = compressed(cache, file, body, 'gzip');
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });

  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A misbehaving answer may hold its socket open: closing ends those too.
  const close = () => {
    for (const s of sockets) s.destroy();
    return new Promise((r) => server.close(r));
  };
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ url: `http://${host}:${actual}${base}`, close });
    });
  });
}

function compressed(cache, file, body, encoding) {
  const key = `${encoding}:${file}:${body.length}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      encoding === 'br'
        ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
        : zlib.gzipSync(body, { level: 9 }),
    );
  }
  return cache.get(key);
}

function send(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  const { url } = await startServer({ root: args.root || 'dist', port: Number(args.port || 8080), base: args.base || '/' });
  console.log(`Cloud Atlas is served at ${url}  (Ctrl+C stops it)`);
}
