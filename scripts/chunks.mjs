// The chunk loader's map of the lazily loaded views (scripts/split.mjs writes the loader):
// for each view, its own split module and every shared chunk it waits for. Read by the
// build (split.mjs: the boot's preloads) and by the size ratchet (tests/bench/measure.mjs).

/** `{ view: [file, …] }` from the text of `__wasm_split-<hash>.js`, file names as fetched. */
export function viewChunksOf(text) {
  const chunkFile = new Map();
  for (const m of text.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = (?:fetch|take)\(new URL\("\.\/([^"]+)"/g)) chunkFile.set(m[1], m[2]);
  const out = {};
  for (const m of text.matchAll(/export const __wasm_split_load_view_([a-z]+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = (?:fetch|take)\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    out[m[1]] = [m[2], ...deps];
  }
  return out;
}
