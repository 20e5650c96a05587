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
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../../public/geo/world.json');
const topo = JSON.parse(fs.readFileSync(path.join(here, '../node_modules/world-atlas/countries-110m.json'), 'utf8'));

// ISO 3166-1 numeric -> alpha-2, for the countries that can carry records (and their neighbours' names stay generic).
const ALPHA2 = {
  '156': 'CN', '344': 'HK', '840': 'US', '784': 'AE', '392': 'JP', '276': 'DE', '036': 'AU', '458': 'MY',
  '356': 'IN', '360': 'ID', '826': 'GB', '682': 'SA', '608': 'PH', '410': 'KR', '764': 'TH', '484': 'MX',
  '702': 'SG', '076': 'BR', '250': 'FR', '528': 'NL', '124': 'CA', '643': 'RU', '048': 'BH', '158': 'TW',
  '158': 'TW', '704': 'VN', '032': 'AR', '152': 'CL', '170': 'CO', '604': 'PE', '818': 'EG', '792': 'TR',
  '724': 'ES', '380': 'IT', '616': 'PL', '752': 'SE', '578': 'NO', '246': 'FI', '372': 'IE', '056': 'BE',
  '756': 'CH', '040': 'AT', '620': 'PT', '710': 'ZA', '566': 'NG', '404': 'KE', '586': 'PK', '050': 'BD',
  '144': 'LK', '104': 'MM', '116': 'KH', '418': 'LA', '496': 'MN', '398': 'KZ', '860': 'UZ', '364': 'IR',
  '368': 'IQ', '634': 'QA', '414': 'KW', '512': 'OM', '887': 'YE', '400': 'JO', '376': 'IL', '554': 'NZ',
};

const WIDTH = 1000;
const sphere = { type: 'Sphere' };
const projection = geoEqualEarth().fitWidth(WIDTH, sphere);
const path2d = geoPath(projection).digits(0);
const [[, y0], [, y1]] = geoPath(projection).bounds(sphere);
const height = Math.ceil(y1 - y0);

const countries = feature(topo, topo.objects.countries).features
  .filter((f) => f.properties.name !== 'Antarctica')
  .map((f) => ({ id: String(f.id ?? ''), iso2: ALPHA2[f.id] ?? null, name: f.properties.name, d: path2d(f) }))
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
