//! Distances from where people live to the providers' regions: the geometry behind
//! the coverage view (`super::coverage`), kept apart from any view so it is tested on its own.
//!
//! Distances are great-circle distances on a sphere of the Earth's mean radius: good
//! to about 0.5 % against the ellipsoid, far finer than "which city hosts the data
//! centre" (region coordinates are the city's). The round-trip figure is a physical
//! floor, not a measurement: light in optical fibre covers about 200 km per
//! millisecond, and real routes are longer than the great circle.

use super::model::{Region, Status};

/// The Earth's mean radius (IUGG), in km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// How far light travels in optical fibre in one millisecond (refractive index ≈ 1.5).
pub const FIBRE_KM_PER_MS: f64 = 200.0;

/// Great-circle distance in km between two points given in degrees (haversine, which
/// stays accurate for short distances, where the spherical law of cosines does not).
pub fn great_circle_km((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A point given in degrees as a vector on the unit sphere. The nearer of two points
/// to a third is the one with the larger dot product with it, so finding the nearest
/// region needs no trigonometry per pair ([`nearest`]); the distance itself is then
/// measured once, by [`great_circle_km`].
pub fn unit((lat, lon): (f64, f64)) -> [f64; 3] {
    let (p, l) = (lat.to_radians(), lon.to_radians());
    [p.cos() * l.cos(), p.cos() * l.sin(), p.sin()]
}

/// The index of the region nearest to `point` (both as [`unit`] vectors): the
/// largest dot product, the first on a tie; `None` without regions.
pub fn nearest(point: [f64; 3], regions: &[[f64; 3]]) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (k, r) in regions.iter().enumerate() {
        let dot = point[0] * r[0] + point[1] * r[1] + point[2] * r[2];
        if best.is_none_or(|(_, b)| dot > b) {
            best = Some((k, dot));
        }
    }
    best.map(|(k, _)| k)
}

/// The least round-trip time the distance allows, in ms: there and back in fibre
/// along the great circle. A floor: no network can do better, most do worse.
pub fn round_trip_floor_ms(km: f64) -> f64 {
    2.0 * km / FIBRE_KM_PER_MS
}

/// Whether a region was live at the end of `year` (`None`: today). Announced and
/// listed-only regions never count; a region retired during or before that year does not count; a region
/// whose opening year is unknown cannot be placed before a year, so it counts only
/// for today (the same rule as the year filter, see `super::filter`).
pub fn live_at_end_of(r: &Region, year: Option<u16>) -> bool {
    if r.status.is_prospective() {
        return false;
    }
    match year {
        None => r.status == Status::Live,
        Some(y) => r.opened.is_some_and(|o| o.year <= y) && r.retired.is_none_or(|x| x.year > y),
    }
}

/// A place people live: coordinates and population (a city of the gazetteer).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Town {
    pub lat: f64,
    pub lon: f64,
    pub population: f64,
}

/// `public/geo/people.json` (written by `tests/geo/build-people.mjs`): per ISO country,
/// `[lat, lon, people]` cells standing for its cities and towns of 1,000 people or more.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct People {
    pub countries: std::collections::BTreeMap<String, Vec<(f64, f64, f64)>>,
    /// Country names, English and Chinese (Unicode CLDR), for the countries the
    /// dataset does not name itself.
    #[serde(default)]
    pub names: std::collections::BTreeMap<String, (String, String)>,
}

impl People {
    /// The towns of one country (none for a code the gazetteer lacks).
    pub fn towns(&self, iso2: &str) -> Vec<Town> {
        self.countries
            .get(iso2)
            .map(|cells| {
                cells
                    .iter()
                    .map(|&(lat, lon, population)| Town {
                        lat,
                        lon,
                        population,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// How near a set of regions is to a country's people.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    /// Population-weighted mean distance to the nearest region, km.
    pub mean_km: f64,
    /// Share of the population within 1,000 km of a region (0–1).
    pub within_1000: f64,
    /// Share within 2,500 km.
    pub within_2500: f64,
}

/// The distance from `town` to the nearest of `regions` (lat, lon), in km; `None` when
/// there is no region.
pub fn nearest_km(town: (f64, f64), regions: &[(f64, f64)]) -> Option<f64> {
    let units: Vec<[f64; 3]> = regions.iter().map(|&r| unit(r)).collect();
    nearest(unit(town), &units).map(|k| great_circle_km(town, regions[k]))
}

/// Population-weighted reach of `regions` for the people of `towns`; `None` without
/// regions or without people.
pub fn reach(towns: &[Town], regions: &[(f64, f64)]) -> Option<Reach> {
    let mut people = 0.0;
    let (mut km, mut near, mut mid) = (0.0, 0.0, 0.0);
    for t in towns.iter().filter(|t| t.population > 0.0) {
        let d = nearest_km((t.lat, t.lon), regions)?;
        people += t.population;
        km += d * t.population;
        if d <= 1000.0 {
            near += t.population;
        }
        if d <= 2500.0 {
            mid += t.population;
        }
    }
    (people > 0.0).then(|| Reach {
        mean_km: km / people,
        within_1000: near / people,
        within_2500: mid / people,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::date::PartialDate;
    use crate::model::Confidence;
    use proptest::prelude::*;

    fn point() -> impl Strategy<Value = (f64, f64)> {
        (-90.0..=90.0f64, -180.0..=180.0f64)
    }

    proptest! {
        /// The nearest region by dot product is the nearest by great-circle distance
        /// (any two regions within a metre of the same distance may trade places).
        #[test]
        fn the_nearest_by_dot_product_is_the_nearest_by_distance(
            town in point(),
            regions in proptest::collection::vec(point(), 1..40),
        ) {
            let units: Vec<[f64; 3]> = regions.iter().map(|&r| unit(r)).collect();
            let k = nearest(unit(town), &units).unwrap();
            let best = regions.iter().map(|&r| great_circle_km(town, r)).fold(f64::INFINITY, f64::min);
            prop_assert!(great_circle_km(town, regions[k]) - best < 1e-3, "{} vs {best}", great_circle_km(town, regions[k]));
        }
    }

    #[test]
    fn nearest_takes_the_first_on_a_tie_and_none_without_regions() {
        let p = unit((10.0, 20.0));
        assert_eq!(nearest(p, &[]), None);
        assert_eq!(
            nearest(
                p,
                &[unit((0.0, 0.0)), unit((10.0, 20.0)), unit((10.0, 20.0))]
            ),
            Some(1)
        );
    }

    /// Known city pairs (great-circle distances on the mean sphere, cross-checked with
    /// the published airport-to-airport figures to within 1 %).
    #[test]
    fn great_circle_distances_of_known_city_pairs() {
        let london = (51.5074, -0.1278);
        let paris = (48.8566, 2.3522);
        let singapore = (1.3521, 103.8198);
        let sydney = (-33.8688, 151.2093);
        let riyadh = (24.7136, 46.6753);
        let dubai = (25.2048, 55.2708);
        let close = |got: f64, want: f64| (got - want).abs() / want < 0.01;
        assert!(
            close(great_circle_km(london, paris), 343.5),
            "{}",
            great_circle_km(london, paris)
        );
        assert!(
            close(great_circle_km(singapore, sydney), 6300.0),
            "{}",
            great_circle_km(singapore, sydney)
        );
        assert!(
            close(great_circle_km(riyadh, dubai), 870.0),
            "{}",
            great_circle_km(riyadh, dubai)
        );
        assert_eq!(great_circle_km(london, london), 0.0);
        // Antipodes: half the circumference, without a NaN from rounding.
        let half = std::f64::consts::PI * EARTH_RADIUS_KM;
        assert!((great_circle_km((0.0, 0.0), (0.0, 180.0)) - half).abs() < 1e-6);
        // Symmetric.
        assert_eq!(
            great_circle_km(paris, sydney),
            great_circle_km(sydney, paris)
        );
    }

    #[test]
    fn the_round_trip_floor_is_there_and_back_in_fibre() {
        assert_eq!(round_trip_floor_ms(1000.0), 10.0);
        assert_eq!(round_trip_floor_ms(0.0), 0.0);
    }

    fn region(status: Status, opened: Option<&str>, retired: Option<&str>) -> Region {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        Region {
            id: "p:r".into(),
            provider: "p".into(),
            code: None,
            name: "R".into(),
            city: None,
            country: "X".into(),
            iso2: "XX".into(),
            area: "a".into(),
            lat: 0.0,
            lon: 0.0,
            opened: opened.map(d),
            retired: retired.map(d),
            zones: None,
            status,
            confidence: Confidence::High,
            sources: vec![],
            note: None,
            name_zh: None,
            name_zh_source: None,
            checked: None,
            evidence: vec![],
        }
    }

    #[test]
    fn as_of_the_end_of_a_year() {
        let live = region(Status::Live, Some("2016-11"), None);
        assert!(live_at_end_of(&live, None));
        assert!(live_at_end_of(&live, Some(2016)));
        assert!(!live_at_end_of(&live, Some(2015)));
        // Retired during 2024: live at the end of 2023, not at the end of 2024.
        let gone = region(Status::Retired, Some("2018-01"), Some("2024-07"));
        assert!(live_at_end_of(&gone, Some(2023)));
        assert!(!live_at_end_of(&gone, Some(2024)));
        assert!(!live_at_end_of(&gone, None));
        // Unknown opening year: today only.
        let undated = region(Status::Live, None, None);
        assert!(live_at_end_of(&undated, None));
        assert!(!live_at_end_of(&undated, Some(2026)));
        // Announced never counts.
        assert!(!live_at_end_of(
            &region(Status::Announced, Some("2025"), None),
            None
        ));
    }

    /// A hand-made country: a city of 3 people on a region, one of 1 person 1,500 km
    /// away along the equator (to within a metre of the sphere's arithmetic).
    #[test]
    fn population_weighting_on_a_hand_made_table() {
        let deg = 1500.0 / (EARTH_RADIUS_KM * std::f64::consts::PI / 180.0);
        let towns = [
            Town {
                lat: 0.0,
                lon: 0.0,
                population: 3.0,
            },
            Town {
                lat: 0.0,
                lon: deg,
                population: 1.0,
            },
            Town {
                lat: 50.0,
                lon: 50.0,
                population: 0.0,
            },
        ];
        let r = reach(&towns, &[(0.0, 0.0)]).unwrap();
        assert!((r.mean_km - 375.0).abs() < 1e-6, "{r:?}");
        assert_eq!(r.within_1000, 0.75);
        assert_eq!(r.within_2500, 1.0);
        // The nearest region counts, not the first.
        let r = reach(&towns, &[(60.0, 60.0), (0.0, deg)]).unwrap();
        assert!((r.mean_km - 1125.0).abs() < 1e-6, "{r:?}");
        assert_eq!(reach(&towns, &[]), None);
        assert_eq!(reach(&[], &[(0.0, 0.0)]), None);
    }
}
