// Where the wasm's bytes go: the code size of each function of cargo's wasm (before
// wasm-bindgen and wasm-opt, which strip the names), summed by the crate that defines
// it, plus the largest functions. Sizes before wasm-opt are larger than the shipped
// file's, but their shares say which crate and which part of the app to cut.
//   node tests/bench/wasm-crates.mjs target/wasm32-unknown-unknown/release/cloud-atlas.wasm [TOP]
//   node tests/bench/wasm-crates.mjs OLD.wasm NEW.wasm      # the change per crate
// Run by scripts/bench.sh after the release build; not part of the test run.

import fs from 'node:fs';

/** Unsigned LEB128 at `pos`: [value, next position]. */
function leb(buf, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

function name(buf, pos) {
  const [len, at] = leb(buf, pos);
  return [buf.toString('utf8', at, at + len), at + len];
}

/** Function names and body sizes of a wasm module. */
export function functions(file) {
  const buf = fs.readFileSync(file);
  let pos = 8;
  let imported = 0;
  const sizes = [];
  const names = new Map();
  while (pos < buf.length) {
    const id = buf[pos];
    const [len, start] = leb(buf, pos + 1);
    const end = start + len;
    if (id === 2) {
      let [count, p] = leb(buf, start);
      for (let i = 0; i < count; i++) {
        [, p] = name(buf, p);
        [, p] = name(buf, p);
        const kind = buf[p++];
        if (kind === 0) { [, p] = leb(buf, p); imported++; }
        else if (kind === 1) { p++; const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 2) { const flags = buf[p++]; [, p] = leb(buf, p); if (flags & 1) [, p] = leb(buf, p); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; [, p] = leb(buf, p); }
      }
    } else if (id === 10) {
      let [count, p] = leb(buf, start);
      for (let i = 0; i < count; i++) {
        const [size, body] = leb(buf, p);
        sizes.push(size + (body - p));
        p = body + size;
      }
    } else if (id === 0) {
      const [section, p0] = name(buf, start);
      if (section === 'name') {
        let p = p0;
        while (p < end) {
          const sub = buf[p];
          const [sublen, s] = leb(buf, p + 1);
          if (sub === 1) {
            let [count, q] = leb(buf, s);
            for (let i = 0; i < count; i++) {
              let idx;
              let n;
              [idx, q] = leb(buf, q);
              [n, q] = name(buf, q);
              names.set(idx, n);
            }
          }
          p = s + sublen;
        }
      }
    }
    pos = end;
  }
  return sizes.map((size, i) => ({ size, name: names.get(imported + i) || `func${imported + i}` }));
}

/** The path of a legacy-mangled Rust symbol (`_ZN4core3fmt5write17h…E`), hash dropped. */
export function demangle(sym) {
  if (/^_?_R/.test(sym)) {
    // v0 mangling (std's own symbols): the crate is the first `Cs<hash>_<len><name>`.
    const m = /C[sa-zA-Z0-9]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)/.exec(sym);
    return m ? [m[2].slice(0, Number(m[1])), sym] : [sym];
  }
  if (!sym.startsWith('_ZN')) return [sym];
  const parts = [];
  let i = 3;
  while (i < sym.length && sym[i] !== 'E') {
    let j = i;
    while (sym[j] >= '0' && sym[j] <= '9') j++;
    const n = Number(sym.slice(i, j));
    if (!n) break;
    parts.push(sym.slice(j, j + n));
    i = j + n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.map((p) => p.replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}'));
}

/** The crate a function belongs to: for `<A as B>::f`, the crate of A. */
export function crateOf(sym) {
  const parts = demangle(sym);
  let head = parts[0] || sym;
  head = head.replace(/^_+/, '').replace(/^</, '').replace(/^&(mut )?/, '').replace(/^\[/, '');
  const m = /^([A-Za-z_][A-Za-z0-9_]*)/.exec(head);
  return m ? m[1] : '(other)';
}

export function byCrate(fns) {
  const out = new Map();
  for (const f of fns) out.set(crateOf(f.name), (out.get(crateOf(f.name)) || 0) + f.size);
  return out;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const [a, b] = process.argv.slice(2);
  if (!a) {
    console.error('usage: wasm-crates.mjs WASM [TOP] | wasm-crates.mjs OLD.wasm NEW.wasm');
    process.exit(2);
  }
  if (b && b.endsWith('.wasm')) {
    const [old, now] = [byCrate(functions(a)), byCrate(functions(b))];
    const keys = [...new Set([...old.keys(), ...now.keys()])];
    const rows = keys.map((k) => [k, old.get(k) || 0, now.get(k) || 0]).filter(([, o, n]) => o !== n)
      .sort((x, y) => Math.abs(y[2] - y[1]) - Math.abs(x[2] - x[1]));
    console.log('| crate | before B | after B | change B |\n|---|---:|---:|---:|');
    for (const [k, o, n] of rows.slice(0, 30)) console.log(`| ${k} | ${o} | ${n} | ${n - o >= 0 ? '+' : ''}${n - o} |`);
    const total = (m) => [...m.values()].reduce((s, v) => s + v, 0);
    console.log(`| **all code** | ${total(old)} | ${total(now)} | ${total(now) - total(old)} |`);
  } else {
    const top = Number(b || 25);
    const fns = functions(a);
    const total = fns.reduce((s, f) => s + f.size, 0);
    const crates = [...byCrate(fns)].sort((x, y) => y[1] - x[1]);
    console.log(`code: ${total} B in ${fns.length} functions\n\n| crate | code B | share |\n|---|---:|---:|`);
    for (const [k, v] of crates.slice(0, top)) console.log(`| ${k} | ${v} | ${(100 * v / total).toFixed(1)} % |`);
    console.log(`\n| largest functions | B |\n|---|---:|`);
    for (const f of [...fns].sort((x, y) => y.size - x.size).slice(0, top)) console.log(`| ${demangle(f.name).join('::').slice(0, 110)} | ${f.size} |`);
  }
}
