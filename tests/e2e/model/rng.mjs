// A small seeded generator (mulberry32), so a failing sequence replays exactly.

export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (xs) => xs[int(xs.length)],
    chance: (p) => next() < p,
    /** One of `[weight, value]` pairs. */
    weighted: (pairs) => {
      let r = next() * pairs.reduce((s, [w]) => s + w, 0);
      for (const [w, v] of pairs) if ((r -= w) < 0) return v;
      return pairs[pairs.length - 1][1];
    },
  };
}

/** The seed of sequence `i` of a run seeded with `seed`. */
export const seedOf = (seed, i) => (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(i + 1, 40503)) >>> 0;
