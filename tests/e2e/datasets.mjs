// Datasets the browser tests derive from the shipped one: bigger ones to reach the
// batching, binning and capping paths that 61 regions and 112 events never touch.

/** The shipped dataset grown to `events` events (copies with new ids) and `copies` extra copies of each region. */
export function grown(base, { events = 3000, copies = 0 } = {}) {
  const large = structuredClone(base);
  large.events = [];
  for (let i = 0; large.events.length < events; i++) {
    const e = structuredClone(base.events[i % base.events.length]);
    e.id = `${e.id}-copy-${i}`;
    if (e.kind === 'investment') e.amount_usd = 1e6 * (1 + (i % 97));
    large.events.push(e);
  }
  for (let c = 1; c <= copies; c++) {
    for (const r of base.regions) {
      const copy = structuredClone(r);
      copy.id = `${r.id}-copy-${c}`;
      copy.name = `${r.name} ${c + 1}`;
      large.regions.push(copy);
    }
  }
  return large;
}
