// The chunk loader's map of the lazily loaded parts of the app (scripts/split.mjs writes
// the loader): for each split module, its own chunk and every shared chunk it waits for.
// Modules are named `view_<view>` (a view other than the map) or `part_<name>` (code a
// visit may never need: the share bar's writers, the "changed since" notice); see
// src/app/lazy.rs. Read by the build (split.mjs: the boot's preloads) and by the size
// ratchet (tests/bench/measure.mjs).

/** `{ module: [file, …] }` for every split module in the text of `__wasm_split-<hash>.js`, file names as fetched. */
export function splitModulesOf(text) {
  const chunkFile = new Map();
  for (const m of text.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = (?:fetch|take)\(new URL\("\.\/([^"]+)"/g)) chunkFile.set(m[1], m[2]);
  const out = {};
  for (const m of text.matchAll(/export const __wasm_split_load_([a-z_]+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = (?:fetch|take)\(new URL\("\.\/([^"]+)"[\s\S]*?\n, \[([^\]]*)\]\)\)/g)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    out[m[1]] = [m[2], ...deps];
  }
  return out;
}

/** The modules whose names start with `prefix`, keyed by the rest of the name. */
const withPrefix = (text, prefix) =>
  Object.fromEntries(Object.entries(splitModulesOf(text)).filter(([m]) => m.startsWith(prefix)).map(([m, files]) => [m.slice(prefix.length), files]));

/** `{ view: [file, …] }`: each lazily loaded view's chunks. */
export const viewChunksOf = (text) => withPrefix(text, 'view_');

/** `{ part: [file, …] }`: each lazily loaded part's chunks (`share`, `since`). */
export const partChunksOf = (text) => withPrefix(text, 'part_');
