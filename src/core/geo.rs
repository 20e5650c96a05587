//! Map geometry: the Equal Earth projection (the one the country shapes in
//! `public/geo/world.json` were drawn with), zoom presets, and marker layout.

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

/// The zoom presets: every view of the map is one click away, none needs dragging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zoom {
    World,
    AsiaPacific,
    MiddleEast,
    Europe,
    Americas,
}

impl Zoom {
    pub const ALL: [Zoom; 5] = [
        Zoom::World,
        Zoom::AsiaPacific,
        Zoom::MiddleEast,
        Zoom::Europe,
        Zoom::Americas,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Zoom::World => "World",
            Zoom::AsiaPacific => "Asia Pacific",
            Zoom::MiddleEast => "Middle East",
            Zoom::Europe => "Europe",
            Zoom::Americas => "Americas",
        }
    }

    /// The preset that frames one area filter, if any.
    pub fn for_area(area: &str) -> Option<Zoom> {
        match area {
            "cn" | "apac" => Some(Zoom::AsiaPacific),
            "me" => Some(Zoom::MiddleEast),
            "eu" => Some(Zoom::Europe),
            "na" | "latam" => Some(Zoom::Americas),
            _ => None,
        }
    }

    /// Where a map opened from a link starts: framed on the area filter when all the
    /// chosen areas share one preset, the world otherwise.
    pub fn initial<'a>(areas: impl IntoIterator<Item = &'a String>) -> Zoom {
        let zooms: Vec<Zoom> = areas
            .into_iter()
            .filter_map(|a| Zoom::for_area(a))
            .collect();
        match zooms.as_slice() {
            [one, rest @ ..] if rest.iter().all(|z| z == one) => *one,
            _ => Zoom::World,
        }
    }

    /// West, south, east, north in degrees.
    fn bounds(self) -> Option<(f64, f64, f64, f64)> {
        match self {
            Zoom::World => None,
            Zoom::AsiaPacific => Some((65.0, -45.0, 180.0, 55.0)),
            Zoom::MiddleEast => Some((25.0, 10.0, 65.0, 42.0)),
            Zoom::Europe => Some((-12.0, 34.0, 45.0, 62.0)),
            Zoom::Americas => Some((-130.0, -40.0, -30.0, 60.0)),
        }
    }

    /// The rectangle to show, with the map's aspect ratio, inside the map.
    pub fn frame(self, p: &Projection, width: f64, height: f64) -> Rect {
        let Some((w, s, e, n)) = self.bounds() else {
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
        let cases = [
            (Zoom::Europe, (-0.13, 51.51), (151.21, -33.87)),
            (Zoom::MiddleEast, (46.68, 24.71), (-0.13, 51.51)),
            (Zoom::AsiaPacific, (103.82, 1.35), (-100.39, 20.59)),
            (Zoom::Americas, (-100.39, 20.59), (139.69, 35.69)),
        ];
        for (zoom, inside, outside) in cases {
            let r = zoom.frame(&p, w, h);
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
            Zoom::World.frame(&p, w, h),
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
