// Projects Natural Earth 1:110m countries (npm world-atlas, public domain) with
// the Equal Earth projection into compact SVG path data: public/geo/world.json.
// The geometry is data, not code in the wasm. The file also carries control
// points that d3 projected, so the Rust projection in src/core/geo.rs is tested
// against d3 itself.
//
//   node tests/geo/build-world.mjs            writes public/geo/world.json
//   node tests/geo/build-world.mjs --check    fails if the committed file differs

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../../public/geo/world.json');
const topo = JSON.parse(fs.readFileSync(path.join(here, '../node_modules/world-atlas/countries-110m.json'), 'utf8'));

// ISO 3166-1 numeric -> alpha-2 for every shape (npm i18n-iso-countries, MIT), so the
// coverage view can shade every country; Natural Earth gives Kosovo no numeric code
// (GeoNames files it as XK). Northern Cyprus and Somaliland have no code of their own.
const countryCodes = createRequire(import.meta.url)('i18n-iso-countries');
const BY_NAME = { Kosovo: 'XK' };
const alpha2 = (f) => (f.id ? countryCodes.numericToAlpha2(f.id) : null) ?? BY_NAME[f.properties.name] ?? null;

const WIDTH = 1000;
const sphere = { type: 'Sphere' };
const projection = geoEqualEarth().fitWidth(WIDTH, sphere);
const path2d = geoPath(projection).digits(0);
const [[, y0], [, y1]] = geoPath(projection).bounds(sphere);
const height = Math.ceil(y1 - y0);

const countries = feature(topo, topo.objects.countries).features
  .filter((f) => f.properties.name !== 'Antarctica')
  .map((f) => ({ id: String(f.id ?? ''), iso2: alpha2(f), name: f.properties.name, d: path2d(f) }))
  .filter((c) => c.d)
  .sort((a, b) => (a.name < b.name ? -1 : 1));

const checks = [[0, 0], [-100.39, 20.59], [46.68, 24.71], [151.21, -33.87], [-179.9, 85], [139.69, 35.69], [-43.2, -22.9]]
  .map(([lon, lat]) => {
    const [x, y] = projection([lon, lat]);
    return { lon, lat, x: +x.toFixed(4), y: +y.toFixed(4) };
  });

const doc = {
  source: 'Natural Earth 1:110m countries (public domain), via npm world-atlas 2.0.2; Antarctica left out',
  projection: 'Equal Earth',
  width: WIDTH,
  height,
  scale: +projection.scale().toFixed(6),
  translate: projection.translate().map((v) => +v.toFixed(6)),
  sphere: geoPath(projection).digits(1)(sphere),
  checks,
  countries,
};
const text = JSON.stringify(doc) + '\n';
if (process.argv.includes('--check')) {
  const committed = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  if (committed !== text) {
    console.error('public/geo/world.json is out of date: run node tests/geo/build-world.mjs');
    process.exit(1);
  }
  console.log('public/geo/world.json is up to date');
} else {
  fs.writeFileSync(out, text);
  console.log(`wrote ${out}: ${countries.length} countries, ${text.length} bytes, ${WIDTH}x${height}`);
}
