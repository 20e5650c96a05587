//! Map geometry: the Equal Earth projection (the one the country shapes in
//! `public/geo/world.json` were drawn with), zoom presets, and marker layout.

use super::model::Dataset;

/// The map's frame in map units and the projection that fills it; equal to the
/// header of `public/geo/world.json` (a test holds them together), so markers
/// can be placed before, or without, the country shapes.
pub const MAP_WIDTH: f64 = 1000.0;
pub const MAP_HEIGHT: f64 = 487.0;
pub const WORLD: Projection = Projection {
    scale: 184.731568,
    translate: (500.0, 243.358488),
};

/// The country shapes file.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Shapes {
    pub width: f64,
    pub height: f64,
    pub scale: f64,
    pub translate: (f64, f64),
    pub sphere: String,
    pub countries: Vec<Shape>,
}

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
pub struct Shape {
    pub iso2: Option<String>,
    pub name: String,
    pub d: String,
}

/// Where the world fits in map units: `x = tx + k·X(λ, φ)`, `y = ty − k·Y(λ, φ)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    pub scale: f64,
    pub translate: (f64, f64),
}

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

impl Projection {
    /// Equal Earth (Šavrič, Patterson, Jenny 2018), as d3-geo's `geoEqualEarth`.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let m = 3f64.sqrt() / 2.0;
        let l = lon.to_radians();
        let theta = (m * lat.to_radians().sin()).asin();
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let x = l * theta.cos() / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
        let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
        (
            self.translate.0 + self.scale * x,
            self.translate.1 - self.scale * y,
        )
    }
}

/// A rectangle in map units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn view_box(&self) -> String {
        format!("{:.1} {:.1} {:.1} {:.1}", self.x, self.y, self.w, self.h)
    }

    /// Where a map point falls in this rectangle, in percent of its width and height.
    pub fn percent(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.x) / self.w * 100.0, (y - self.y) / self.h * 100.0)
    }

    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        x >= self.x && x <= self.x + self.w && y >= self.y && y <= self.y + self.h
    }
}

/// A zoom preset: the world, or one area of the dataset (its position in the area
/// list). Every view of the map is one click away; none needs dragging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Zoom {
    #[default]
    World,
    Area(usize),
}

/// West, south, east, north in degrees.
pub type Bounds = [f64; 4];

impl Zoom {
    /// The presets offered: the world, then each area with a frame, in dataset order.
    pub fn all(d: &Dataset) -> Vec<Zoom> {
        std::iter::once(Zoom::World)
            .chain(
                (0..d.areas.len())
                    .filter(|&i| area_bounds(d, i).is_some())
                    .map(Zoom::Area),
            )
            .collect()
    }

    /// Where a map opened from a link starts: framed on the area filter when it names
    /// exactly one area that has a frame, the world otherwise.
    pub fn initial<'a>(d: &Dataset, areas: impl IntoIterator<Item = &'a String>) -> Zoom {
        let chosen: Vec<&String> = areas.into_iter().collect();
        match chosen.as_slice() {
            [one] => d
                .areas
                .iter()
                .position(|a| &a.id == *one)
                .filter(|&i| area_bounds(d, i).is_some())
                .map_or(Zoom::World, Zoom::Area),
            _ => Zoom::World,
        }
    }

    fn bounds(self, d: &Dataset) -> Option<Bounds> {
        match self {
            Zoom::World => None,
            Zoom::Area(i) => area_bounds(d, i),
        }
    }

    /// The rectangle to show, with the map's aspect ratio, inside the map.
    pub fn frame(self, d: &Dataset, p: &Projection, width: f64, height: f64) -> Rect {
        let Some([w, s, e, n]) = self.bounds(d) else {
            return Rect {
                x: 0.0,
                y: 0.0,
                w: width,
                h: height,
            };
        };
        let corners = [
            (w, s),
            (w, n),
            (e, s),
            (e, n),
            ((w + e) / 2.0, n),
            ((w + e) / 2.0, s),
        ]
        .map(|(lon, lat)| p.project(lon, lat));
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for (x, y) in corners {
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        let aspect = width / height;
        let (mut bw, mut bh) = (x1 - x0, y1 - y0);
        if bw / bh > aspect {
            bh = bw / aspect;
        } else {
            bw = bh * aspect;
        }
        let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let x = (cx - bw / 2.0).clamp(0.0, (width - bw).max(0.0));
        let y = (cy - bh / 2.0).clamp(0.0, (height - bh).max(0.0));
        Rect {
            x,
            y,
            w: bw.min(width),
            h: bh.min(height),
        }
    }
}

/// The frame of area `i`: the one the dataset declares, else the box around the area's
/// regions with a margin (at least 24° by 14°, so one region is not a close-up).
/// Fitted frames do not wrap the antimeridian; an area that does declares its frame.
pub fn area_bounds(d: &Dataset, i: usize) -> Option<Bounds> {
    let area = d.areas.get(i)?;
    if let Some(b) = area.frame {
        return Some(b);
    }
    let mut it = d.regions.iter().filter(|r| r.area == area.id);
    let first = it.next()?;
    let [mut w, mut s, mut e, mut n] = [first.lon, first.lat, first.lon, first.lat];
    for r in it {
        (w, s, e, n) = (w.min(r.lon), s.min(r.lat), e.max(r.lon), n.max(r.lat));
    }
    let pad = |lo: f64, hi: f64, min: f64, limit: f64| {
        let half = ((hi - lo) * 1.4).max(min) / 2.0;
        let mid = (lo + hi) / 2.0;
        ((mid - half).max(-limit), (mid + half).min(limit))
    };
    let (w, e) = pad(w, e, 24.0, 180.0);
    let (s, n) = pad(s, n, 14.0, 85.0);
    Some([w, s, e, n])
}

/// Moves markers apart until no two square hit targets of side `gap` overlap
/// (their centres differ by at least `gap` along x or along y), so each keeps
/// a clear target (WCAG 2.5.8), staying as close to its place as it can: a pair
/// is pushed apart along the axis where it is already furthest apart.
/// Deterministic: markers on the very same spot are split along x in input order.
pub fn dodge(points: &[(f64, f64)], gap: f64) -> Vec<(f64, f64)> {
    let all = Rect {
        x: f64::MIN / 4.0,
        y: f64::MIN / 4.0,
        w: f64::MAX / 2.0,
        h: f64::MAX / 2.0,
    };
    dodge_within(points, gap, all)
}

/// [`dodge`], keeping every marker inside `bounds` (the visible frame, less half a marker),
/// so none is pushed off the map where it could not be seen or clicked.
pub fn dodge_within(points: &[(f64, f64)], gap: f64, bounds: Rect) -> Vec<(f64, f64)> {
    let clamp = |(x, y): (f64, f64)| {
        (
            x.clamp(bounds.x, bounds.x + bounds.w),
            y.clamp(bounds.y, bounds.y + bounds.h),
        )
    };
    let mut p: Vec<(f64, f64)> = points.iter().map(|&q| clamp(q)).collect();
    for _ in 0..200 {
        let mut moved = false;
        for i in 0..p.len() {
            for j in (i + 1)..p.len() {
                let (dx, dy) = (p[j].0 - p[i].0, p[j].1 - p[i].1);
                if dx.abs().max(dy.abs()) + 1e-9 >= gap {
                    continue;
                }
                moved = true;
                if dx.abs() >= dy.abs() {
                    let push = (gap - dx.abs()) / 2.0 + 1e-6;
                    let sign = if dx < 0.0 { -1.0 } else { 1.0 };
                    p[i].0 -= sign * push;
                    p[j].0 += sign * push;
                } else {
                    let push = (gap - dy.abs()) / 2.0 + 1e-6;
                    let sign = if dy < 0.0 { -1.0 } else { 1.0 };
                    p[i].1 -= sign * push;
                    p[j].1 += sign * push;
                }
                p[i] = clamp(p[i]);
                p[j] = clamp(p[j]);
            }
        }
        if !moved {
            break;
        }
    }
    p
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn world() -> (Projection, serde_json::Value) {
        let doc: serde_json::Value =
            serde_json::from_str(include_str!("../../public/geo/world.json")).unwrap();
        let t = doc["translate"].as_array().unwrap();
        let p = Projection {
            scale: doc["scale"].as_f64().unwrap(),
            translate: (t[0].as_f64().unwrap(), t[1].as_f64().unwrap()),
        };
        (p, doc)
    }

    fn shipped() -> Dataset {
        let json = include_str!("../../public/data/atlas.json");
        crate::load::parse_dataset(json).unwrap().dataset
    }

    /// An area without a declared frame is framed around its regions, and a link that
    /// names one area opens on it.
    #[test]
    fn an_area_without_a_frame_is_fitted_to_its_regions() {
        let mut d = shipped();
        for a in &mut d.areas {
            a.frame = None;
        }
        let me = d.areas.iter().position(|a| a.id == "me").unwrap();
        let b = area_bounds(&d, me).unwrap();
        for r in d.regions.iter().filter(|r| r.area == "me") {
            assert!(
                b[0] < r.lon && r.lon < b[2] && b[1] < r.lat && r.lat < b[3],
                "{}",
                r.id
            );
        }
        assert!(b[2] - b[0] >= 24.0 && b[3] - b[1] >= 14.0);
        assert_eq!(Zoom::initial(&d, &["me".to_string()]), Zoom::Area(me));
        assert_eq!(
            Zoom::initial(&d, &["me".to_string(), "eu".to_string()]),
            Zoom::World
        );
        assert_eq!(Zoom::all(&d).len(), 1 + d.areas.len());
    }

    #[test]
    fn matches_d3_on_the_shipped_geometry() {
        let (p, doc) = world();
        for c in doc["checks"].as_array().unwrap() {
            let (x, y) = p.project(c["lon"].as_f64().unwrap(), c["lat"].as_f64().unwrap());
            assert!((x - c["x"].as_f64().unwrap()).abs() < 0.01, "{c}: x {x}");
            assert!((y - c["y"].as_f64().unwrap()).abs() < 0.01, "{c}: y {y}");
        }
    }

    #[test]
    fn constants_match_the_shapes_file() {
        let shapes: Shapes =
            serde_json::from_str(include_str!("../../public/geo/world.json")).unwrap();
        assert_eq!((shapes.width, shapes.height), (MAP_WIDTH, MAP_HEIGHT));
        assert_eq!(
            Projection {
                scale: shapes.scale,
                translate: shapes.translate
            },
            WORLD
        );
        assert!(shapes
            .countries
            .iter()
            .any(|c| c.iso2.as_deref() == Some("MX")));
    }

    #[test]
    fn presets_frame_their_places() {
        let (p, doc) = world();
        let (w, h) = (
            doc["width"].as_f64().unwrap(),
            doc["height"].as_f64().unwrap(),
        );
        let d = shipped();
        let area = |id: &str| Zoom::Area(d.areas.iter().position(|a| a.id == id).unwrap());
        let cases = [
            (area("eu"), (-0.13, 51.51), (151.21, -33.87)),
            (area("me"), (46.68, 24.71), (-0.13, 51.51)),
            (area("apac"), (103.82, 1.35), (-100.39, 20.59)),
            (area("latam"), (-100.39, 20.59), (139.69, 35.69)),
            (area("na"), (-79.38, 43.65), (-0.13, 51.51)),
        ];
        for (zoom, inside, outside) in cases {
            let r = zoom.frame(&d, &p, w, h);
            assert!(
                r.contains(p.project(inside.0, inside.1)),
                "{zoom:?} shows {inside:?}"
            );
            assert!(
                !r.contains(p.project(outside.0, outside.1)),
                "{zoom:?} hides {outside:?}"
            );
            assert!(
                ((r.w / r.h) - w / h).abs() < 1e-6,
                "{zoom:?} keeps the aspect ratio"
            );
            assert!(r.x >= 0.0 && r.y >= 0.0 && r.x + r.w <= w + 1e-9 && r.y + r.h <= h + 1e-9);
        }
        assert_eq!(
            Zoom::World.frame(&d, &p, w, h),
            Rect {
                x: 0.0,
                y: 0.0,
                w,
                h
            }
        );
    }

    #[test]
    fn dodge_keeps_markers_apart_and_near_home() {
        let (p, _) = world();
        let cities = [
            (116.41, 39.90),
            (117.2, 39.1),
            (114.88, 40.77),
            (121.47, 31.23),
            (120.16, 30.27),
            (118.8, 32.06),
            (116.41, 39.90),
        ];
        let points: Vec<(f64, f64)> = cities
            .iter()
            .map(|&(lon, lat)| p.project(lon, lat))
            .collect();
        let gap = 12.0;
        let out = dodge(&points, gap);
        for i in 0..out.len() {
            for j in (i + 1)..out.len() {
                let d = (out[i].0 - out[j].0).abs().max((out[i].1 - out[j].1).abs());
                assert!(d >= gap - 1e-3, "{i} and {j} are {d} apart");
            }
            let moved = (out[i].0 - points[i].0).hypot(out[i].1 - points[i].1);
            assert!(moved < gap * 3.0, "marker {i} moved {moved}");
        }
        assert_eq!(dodge(&points, gap), out, "deterministic");
        // Inside a frame, nobody is pushed out of it.
        let frame = Rect {
            x: points[0].0 - 5.0,
            y: points[0].1 - 30.0,
            w: 40.0,
            h: 60.0,
        };
        for q in dodge_within(&points, gap, frame) {
            assert!(frame.contains(q), "{q:?} left the frame");
        }
    }
}
