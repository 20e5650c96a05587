// Datasets the browser tests derive from the shipped one: bigger ones to reach the
// batching, binning and capping paths that 61 regions and 112 events never touch.

/** The shipped dataset grown to `events` events (copies with new ids) and `copies` extra copies of each region. */
export function grown(base, { events = 3000, copies = 0 } = {}) {
  const large = structuredClone(base);
  // Every provider compared by default, so a plain link shows every record of the scale test.
  for (const p of large.providers) delete p.default;
  large.events = [];
  const n = base.events.length;
  const position = new Map(base.events.map((e, k) => [e.id, k]));
  for (let i = 0; large.events.length < events; i++) {
    const e = structuredClone(base.events[i % n]);
    e.id = `${e.id}-copy-${i}`;
    if (e.kind === 'investment') e.amount_usd = 1e6 * (1 + (i % 97));
    // A promise links the launches copied in the same round (a region id stays as it is);
    // a launch past the last copy is left out, so every copy stays a valid record.
    if (e.delivered_by) {
      const round = Math.floor(i / n) * n;
      e.delivered_by = e.delivered_by
        .map((id) => (position.has(id) ? [`${id}-copy-${round + position.get(id)}`, round + position.get(id)] : [id, -1]))
        .filter(([, j]) => j < events)
        .map(([id]) => id);
    }
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

/**
 * The shipped dataset with an invented extra provider ("Nimbus Cloud", no marker given, so
 * the loader picks its shape; compared by default, unlike the shipped Huawei Cloud) and an
 * area "Africa" (invented, no zoom frame, so it is fitted to its regions, unless the shipped
 * data already has one): what adding a provider or an area takes is a dataset change only.
 */
export function threeProviders(base) {
  const d = structuredClone(base);
  d.version = `${base.version}-three`;
  d.title = 'Cloud Atlas: three providers (synthetic test data)';
  d.providers.push({ id: 'nimbus', name: 'Nimbus Cloud', short: 'Nimbus', color: '#6a3d9a', color_dark: '#b39ddb' });
  if (!d.areas.some((a) => a.id === 'af')) d.areas.push({ id: 'af', name: 'Africa', phrase: 'Africa', countries: ['KE'] });
  d.sources.push({ id: 's-nimbus', url: 'https://example.org/nimbus', publisher: 'example.org', title: 'Synthetic record' });
  const region = (id, name, city, country, iso2, area, lat, lon, opened, status, extra = {}) => ({
    id: `nimbus:${id}`, provider: 'nimbus', code: id, name, city, country, iso2, area, lat, lon, opened,
    zones: 2, status, confidence: 'low', sources: ['s-nimbus'], note: 'Synthetic test record.', ...extra,
  });
  d.regions.push(
    region('af-nairobi', 'Africa (Nairobi)', 'Nairobi', 'Kenya', 'KE', 'af', -1.29, 36.82, '2021-03', 'live'),
    region('af-lagos', 'Africa (Lagos)', 'Lagos', 'Nigeria', 'NG', 'af', 6.52, 3.38, '2023', 'live'),
    region('af-johannesburg', 'Africa (Johannesburg)', 'Johannesburg', 'South Africa', 'ZA', 'af', -26.2, 28.05, null, 'announced'),
    region('me-riyadh', 'Middle East (Riyadh)', 'Riyadh', 'Saudi Arabia', 'SA', 'me', 24.71, 46.68, '2024-05', 'live'),
    region('eu-frankfurt', 'Europe (Frankfurt)', 'Frankfurt', 'Germany', 'DE', 'eu', 50.11, 8.68, '2019', 'retired', { retired: '2024-12' }),
    region('ap-jakarta', 'Asia Pacific (Jakarta)', 'Jakarta', 'Indonesia', 'ID', 'apac', -6.2, 106.85, '2022-08-15', 'live'),
  );
  const event = (id, date, kind, iso2, country, title, extra = {}) => ({
    id: `nimbus-${id}`, provider: 'nimbus', date, kind, iso2, country, title, confidence: 'low', sources: ['s-nimbus'], ...extra,
  });
  d.events.push(
    event('2021-03-region-ke', '2021-03', 'region_launch', 'KE', 'Kenya', 'Nimbus opens its first African region in Nairobi', { region: 'nimbus:af-nairobi' }),
    event('2023-region-ng', '2023', 'region_launch', 'NG', 'Nigeria', 'Nimbus opens a region in Lagos', { region: 'nimbus:af-lagos' }),
    event('2024-05-region-sa', '2024-05', 'region_launch', 'SA', 'Saudi Arabia', 'Nimbus opens a region in Riyadh', { region: 'nimbus:me-riyadh' }),
    event('2024-06-invest-ke', '2024-06-10', 'investment', 'KE', 'Kenya', 'Nimbus pledges money for East African data centres', { amount_usd: 5e8 }),
    event('2024-12-closure-de', '2024-12', 'closure', 'DE', 'Germany', 'Nimbus closes its Frankfurt region', { region: 'nimbus:eu-frankfurt' }),
    event('2025-announce-za', '2025', 'announcement', 'ZA', 'South Africa', 'Nimbus announces a Johannesburg region', { region: 'nimbus:af-johannesburg' }),
    event('2025-02-partner-ke', '2025-02', 'partnership', 'KE', 'Kenya', 'Nimbus partners with a Kenyan carrier'),
  );
  return d;
}
