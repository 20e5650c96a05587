//! The coverage view's figures: for every country of the gazetteer, how far its people
//! are from each provider's regions, which provider is nearer and by how much, and
//! the table's order. Pure, so the page, the exports and the test oracle share it.
//!
//! Decisions (also in the README):
//! - **The filters choose the serving regions**, as they choose what every other view
//!   shows: `provider=tencent` measures Tencent's regions only, `area=europe` measures
//!   the distance to European regions, `status=retired` (no region is live) measures
//!   none. Every country of the gazetteer is listed, whatever the filters.
//! - **As of the end of `to`**: with a `to` year, a region counts if it was live at the
//!   end of that year ([`live_at_end_of`]); without one, if it is live today.
//! - **"About the same"** when the two nearest providers' mean distances differ by less
//!   than [`TIE_KM`]: region coordinates are the host city's and the gazetteer's cells
//!   are a degree wide, so a smaller difference says nothing.

use super::filter::{Catalog, Selection};
use super::reach::{
    great_circle_km, live_at_end_of, nearest, round_trip_floor_ms, unit, People, Reach,
};
use super::reference::{nearest_reference, RefNear, Reference};
use std::collections::BTreeSet;

/// The providers' home market: the countries of the areas marked `home`, named in the
/// area or by a region placed there.
pub fn home_countries(d: &super::model::Dataset) -> BTreeSet<String> {
    let home: Vec<&super::model::Area> = d.areas.iter().filter(|a| a.home).collect();
    home.iter()
        .flat_map(|a| a.countries.iter().cloned())
        .chain(
            d.regions
                .iter()
                .filter(|r| home.iter().any(|a| a.id == r.area))
                .map(|r| r.iso2.clone()),
        )
        .collect()
}
use super::table::Dir;
use std::cmp::Ordering;

/// Below this difference of mean distances, neither provider is called nearer (km).
pub const TIE_KM: f64 = 250.0;
/// The distance classes of the one-provider map: up to each bound (km), then beyond.
pub const DISTANCE_BINS: [f64; 4] = [500.0, 1000.0, 2500.0, 5000.0];
/// The classes of "nearer by": from [`TIE_KM`] up to each bound (km), then beyond.
pub const MARGIN_BINS: [f64; 2] = [1000.0, 3000.0];

/// One provider's reach in one country.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderReach {
    /// The region nearest to the largest share of the country's people (index into
    /// the dataset's regions).
    pub nearest: usize,
    pub reach: Reach,
}

impl ProviderReach {
    /// The round-trip floor at the population-weighted mean distance, ms.
    pub fn floor_ms(&self) -> f64 {
        round_trip_floor_ms(self.reach.mean_km)
    }
}

/// One country: its people and, per provider of [`Coverage::providers`], the reach of
/// that provider's serving regions (`None`: the provider has none).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub iso2: String,
    pub people: f64,
    pub by: Vec<Option<ProviderReach>>,
    /// The nearest reference region (AWS, Azure, Google Cloud) once the reference
    /// layer is measured ([`Coverage::against`]); `None` before, or when none counts.
    pub reference: Option<RefNear>,
    /// In the providers' home market (an area marked `home`), which the comparison
    /// with the hyperscalers leaves out (see [`Coverage::against`]).
    pub home: bool,
}

/// A provider and its serving regions.
#[derive(Debug, Clone, PartialEq)]
pub struct Served {
    pub id: String,
    /// Indices of the regions that count (selected and live at the end of the year).
    pub regions: Vec<usize>,
    /// People of the whole gazetteer within 1,000 km of one of them.
    pub near_people: f64,
}

/// Which provider is nearer to a country's people.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lead {
    /// No provider has a serving region.
    Nobody,
    /// Only this provider has serving regions.
    Only(usize),
    /// The two nearest are less than [`TIE_KM`] apart (the difference, km).
    Tie(f64),
    /// This provider is nearer, by this many km.
    Nearer(usize, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub year: Option<u16>,
    /// Every provider of the dataset, in its order.
    pub providers: Vec<Served>,
    /// One row per gazetteer country, by ISO code.
    pub rows: Vec<Row>,
    /// Everyone in the gazetteer.
    pub people: f64,
    /// The reference regions counted (live at the end of `year`, placed), once the
    /// reference layer is measured; `None` before.
    pub versus: Option<Vec<usize>>,
}

/// `shade=ref`: where a provider of the selection is nearer than every reference
/// region (the hyperscalers), and by how much.
pub const REF_SHADE: &str = "ref";

/// A country's nearest provider against the nearest reference region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Edge {
    /// The providers' home market: not compared.
    Home,
    /// Neither a provider nor a reference region serves it.
    Nobody,
    /// Only the reference serves it.
    NoProvider,
    /// Only provider `.0` (no reference region counts).
    Only(usize),
    /// Provider `.0` is nearer than any reference region by `.1` km (≥ [`TIE_KM`]).
    Ahead(usize, f64),
    /// Within [`TIE_KM`]: neither is nearer.
    Tie(f64),
    /// A reference region is nearer by this many km.
    Behind(f64),
}

/// How the coverage map is shaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shading {
    /// Which provider is nearer, and by how much.
    Nearer,
    /// One provider's distance alone (index into [`Coverage::providers`]).
    One(usize),
    /// Where a provider is nearer than the reference regions ([`REF_SHADE`]).
    Reference,
}

impl Coverage {
    /// The figures for the selection `sel`, as of the end of `year` (`None`: today).
    pub fn build(cat: &Catalog, sel: &Selection, people: &People, year: Option<u16>) -> Coverage {
        let d = &cat.data;
        let mut providers: Vec<Served> = d
            .providers
            .iter()
            .filter(|p| sel.providers.contains(&p.id))
            .map(|p| Served {
                id: p.id.clone(),
                regions: Vec::new(),
                near_people: 0.0,
            })
            .collect();
        for &i in &sel.regions {
            let r = &d.regions[i];
            if live_at_end_of(r, year) {
                if let Some(s) = providers.iter_mut().find(|s| s.id == r.provider) {
                    s.regions.push(i);
                }
            }
        }
        let points: Vec<Vec<(f64, f64)>> = providers
            .iter()
            .map(|s| {
                s.regions
                    .iter()
                    .map(|&i| (d.regions[i].lat, d.regions[i].lon))
                    .collect()
            })
            .collect();
        let mut total = 0.0;
        let rows = people
            .countries
            .iter()
            .map(|(iso, cells)| {
                let country: f64 = cells.iter().map(|c| c.2.max(0.0)).sum();
                total += country;
                let by = providers
                    .iter_mut()
                    .zip(&points)
                    .map(|(served, pts)| {
                        let r = country_reach(cells, pts)?;
                        served.near_people += r.reach.within_1000 * country;
                        Some(ProviderReach {
                            nearest: served.regions[r.nearest],
                            reach: r.reach,
                        })
                    })
                    .collect();
                Row {
                    iso2: iso.clone(),
                    people: country,
                    by,
                    reference: None,
                    home: false,
                }
            })
            .collect();
        Coverage {
            year,
            providers,
            rows,
            people: total,
            versus: None,
        }
    }

    /// Measures the reference layer beside the providers: each country's nearest
    /// reference region live at the end of the same year. The providers' home market
    /// (`home`, [`home_countries`]) is left out of the comparison: the hyperscalers
    /// serve mainland China through partner-run clouds that the reference layer, made
    /// of public commercial regions only, does not hold, so "nearer than every
    /// hyperscaler" there would say something the data does not.
    pub fn against(&mut self, reference: &Reference, people: &People, home: &BTreeSet<String>) {
        let live: Vec<usize> = reference
            .live(self.year)
            .into_iter()
            .filter(|&i| reference.regions[i].place().is_some())
            .collect();
        for row in &mut self.rows {
            row.home = home.contains(&row.iso2);
            row.reference = people
                .countries
                .get(&row.iso2)
                .and_then(|cells| nearest_reference(reference, &live, cells));
        }
        self.versus = Some(live);
    }

    /// The countries where a provider of the selection is nearer than every
    /// reference region (or the only one), with their people, by row index.
    pub fn ahead(&self) -> (Vec<usize>, f64) {
        let rows: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                matches!(self.rows[i].edge(), Edge::Ahead(..) | Edge::Only(_))
                    && self.versus.is_some()
            })
            .collect();
        let people = rows.iter().map(|&i| self.rows[i].people).sum();
        (rows, people)
    }

    /// A country's row (rows are kept in ISO order, so this is a binary search).
    pub fn row(&self, iso2: &str) -> Option<&Row> {
        self.rows
            .binary_search_by(|r| r.iso2.as_str().cmp(iso2))
            .ok()
            .map(|i| &self.rows[i])
    }

    /// The shading a `shade=` choice gives: that provider alone when it is one of the
    /// dataset's; otherwise which is nearer, unless fewer than two providers have a
    /// serving region (a comparison with nobody says nothing): then the one that has.
    pub fn shading(&self, shade: Option<&str>) -> Shading {
        if let Some(k) = shade.and_then(|p| self.providers.iter().position(|s| s.id == p)) {
            return Shading::One(k);
        }
        if shade == Some(REF_SHADE) && self.versus.is_some() {
            return Shading::Reference;
        }
        let serving: Vec<usize> = (0..self.providers.len())
            .filter(|&k| !self.providers[k].regions.is_empty())
            .collect();
        match serving.as_slice() {
            [only] => Shading::One(*only),
            _ => Shading::Nearer,
        }
    }

    /// Row indices in the table's order; ties keep the ISO order.
    pub fn order(&self, col: Col, dir: Dir, name: &dyn Fn(&str) -> String) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..self.rows.len()).collect();
        let names: Vec<String> = match col {
            Col::Country => self.rows.iter().map(|r| name(&r.iso2)).collect(),
            _ => Vec::new(),
        };
        let key = |i: usize| -> f64 {
            let r = &self.rows[i];
            let of = |k: usize| r.by.get(k).and_then(Option::as_ref);
            match col {
                Col::Country => 0.0,
                Col::People => r.people,
                Col::Km(k) => of(k).map_or(f64::INFINITY, |p| p.reach.mean_km),
                Col::Near(k) => of(k).map_or(0.0, |p| p.reach.within_1000),
                Col::Mid(k) => of(k).map_or(0.0, |p| p.reach.within_2500),
                Col::RefKm => r.reference.as_ref().map_or(f64::INFINITY, |n| n.mean_km),
            }
        };
        let cmp = |a: usize, b: usize| -> Ordering {
            let o = match col {
                Col::Country => names[a].cmp(&names[b]),
                _ => key(a).total_cmp(&key(b)),
            };
            match dir {
                Dir::Asc => o,
                Dir::Desc => o.reverse(),
            }
        };
        super::sort::sort_indices(&mut idx, &cmp);
        idx
    }
}

struct CountryReach {
    /// Index into the provider's serving regions.
    nearest: usize,
    reach: Reach,
}

/// One pass over a country's cells: each cell's nearest region and distance.
fn country_reach(cells: &[(f64, f64, f64)], regions: &[(f64, f64)]) -> Option<CountryReach> {
    if regions.is_empty() {
        return None;
    }
    let mut served = vec![0.0; regions.len()];
    let units: Vec<[f64; 3]> = regions.iter().map(|&r| unit(r)).collect();
    let (mut people, mut km, mut near, mut mid) = (0.0, 0.0, 0.0, 0.0);
    for &(lat, lon, pop) in cells.iter().filter(|c| c.2 > 0.0) {
        // The nearest by dot product, then its distance once (8,630 cells × every
        // region: trigonometry per pair made this the coverage view's longest task).
        let k = nearest(unit((lat, lon)), &units)?;
        let dist = great_circle_km((lat, lon), regions[k]);
        served[k] += pop;
        people += pop;
        km += dist * pop;
        if dist <= 1000.0 {
            near += pop;
        }
        if dist <= 2500.0 {
            mid += pop;
        }
    }
    if people <= 0.0 {
        return None;
    }
    // The region nearest for the most people; on a tie, the first.
    let nearest = (0..regions.len())
        .max_by(|&a, &b| served[a].total_cmp(&served[b]).then(b.cmp(&a)))
        .unwrap_or(0);
    Some(CountryReach {
        nearest,
        reach: Reach {
            mean_km: km / people,
            within_1000: near / people,
            within_2500: mid / people,
        },
    })
}

impl Row {
    /// The nearest provider against the nearest reference region.
    pub fn edge(&self) -> Edge {
        if self.home {
            return Edge::Home;
        }
        let best = self
            .by
            .iter()
            .enumerate()
            .filter_map(|(k, p)| p.as_ref().map(|p| (k, p.reach.mean_km)))
            .fold(None::<(usize, f64)>, |b, (k, km)| match b {
                Some((_, x)) if x <= km => b,
                _ => Some((k, km)),
            });
        match (best, &self.reference) {
            (None, None) => Edge::Nobody,
            (None, Some(_)) => Edge::NoProvider,
            (Some((k, _)), None) => Edge::Only(k),
            (Some((k, km)), Some(r)) => {
                let d = r.mean_km - km;
                if d >= TIE_KM {
                    Edge::Ahead(k, d)
                } else if d <= -TIE_KM {
                    Edge::Behind(-d)
                } else {
                    Edge::Tie(d.abs())
                }
            }
        }
    }

    pub fn lead(&self) -> Lead {
        // The two nearest providers, in one pass (no sort: each sort instantiation
        // costs the wasm a few KB, see `super::sort`).
        let (mut first, mut second): (Option<(usize, f64)>, Option<f64>) = (None, None);
        for (k, p) in self.by.iter().enumerate() {
            let Some(km) = p.as_ref().map(|p| p.reach.mean_km) else {
                continue;
            };
            match first {
                Some((_, best)) if km >= best => {
                    if second.is_none_or(|s| km < s) {
                        second = Some(km);
                    }
                }
                _ => {
                    second = first.map(|f| f.1);
                    first = Some((k, km));
                }
            }
        }
        match (first, second) {
            (None, _) => Lead::Nobody,
            (Some((k, _)), None) => Lead::Only(k),
            (Some((k, a)), Some(b)) if b - a >= TIE_KM => Lead::Nearer(k, b - a),
            (Some((_, a)), Some(b)) => Lead::Tie(b - a),
        }
    }
}

/// The class (1 = nearest) of a distance on the one-provider map.
pub fn distance_class(km: f64) -> usize {
    1 + DISTANCE_BINS.iter().filter(|&&b| km > b).count()
}

/// The class (1 = smallest) of a lead of `km` (at least [`TIE_KM`]).
pub fn margin_class(km: f64) -> usize {
    1 + MARGIN_BINS.iter().filter(|&&b| km >= b).count()
}

/// The table's sortable columns; provider columns carry the provider's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Country,
    People,
    /// Mean distance.
    Km(usize),
    /// Share within 1,000 km.
    Near(usize),
    /// Share within 2,500 km.
    Mid(usize),
    /// Mean distance to the nearest reference region.
    RefKm,
}

impl Col {
    /// The largest countries first: where most people are.
    pub const DEFAULT: (Col, Dir) = (Col::People, Dir::Desc);

    /// The column's id (`country`, `people`, `km-<provider>`, `near-<provider>`,
    /// `mid-<provider>`): the page's `data-sort` and the oracle's protocol.
    pub fn id(self, cov: &Coverage) -> String {
        let p = |k: usize| cov.providers.get(k).map_or("", |s| s.id.as_str());
        match self {
            Col::Country => "country".into(),
            Col::People => "people".into(),
            Col::Km(k) => format!("km-{}", p(k)),
            Col::Near(k) => format!("near-{}", p(k)),
            Col::Mid(k) => format!("mid-{}", p(k)),
            Col::RefKm => format!("km-{REF_SHADE}"),
        }
    }

    pub fn from_id(id: &str, cov: &Coverage) -> Option<Col> {
        let k = |p: &str| cov.providers.iter().position(|s| s.id == p);
        match id.split_once('-') {
            None if id == "country" => Some(Col::Country),
            None if id == "people" => Some(Col::People),
            Some(("km", REF_SHADE)) if cov.versus.is_some() => Some(Col::RefKm),
            Some(("km", p)) => k(p).map(Col::Km),
            Some(("near", p)) => k(p).map(Col::Near),
            Some(("mid", p)) => k(p).map(Col::Mid),
            _ => None,
        }
    }

    /// The direction a first click sorts in: names A–Z, distances nearest first,
    /// people and shares largest first.
    pub fn first_dir(self) -> Dir {
        match self {
            Col::Country | Col::Km(_) | Col::RefKm => Dir::Asc,
            _ => Dir::Desc,
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::filter::{select, Catalog};
    use crate::load::parse_dataset;
    use std::collections::BTreeMap;

    fn cat() -> Catalog {
        let text = include_str!("../../tests/data/fixtures/small.json");
        Catalog::new(parse_dataset(text).unwrap().dataset)
    }

    /// A gazetteer of two countries: one sitting on the first region of each
    /// provider, one far from all of them.
    fn people(cat: &Catalog) -> People {
        let d = &cat.data;
        let first = |p: &str| d.regions.iter().find(|r| r.provider == p).unwrap();
        let (a, b) = (first(&d.providers[0].id), first(&d.providers[1].id));
        let mut countries = BTreeMap::new();
        countries.insert(
            "AA".into(),
            vec![(a.lat, a.lon, 300.0), (b.lat, b.lon, 100.0)],
        );
        countries.insert("ZZ".into(), vec![(-75.0, 0.0, 10.0), (-75.0, 1.0, 0.0)]);
        People {
            countries,
            names: BTreeMap::new(),
        }
    }

    #[test]
    fn every_country_is_a_row_and_people_add_up() {
        let c = cat();
        let g = people(&c);
        let cov = Coverage::build(&c, &select(&c, &Default::default()), &g, None);
        assert_eq!(cov.rows.len(), 2);
        assert_eq!(cov.people, 410.0);
        assert_eq!(cov.providers.len(), c.data.providers.len());
        let far = &cov.rows[1];
        assert_eq!(far.iso2, "ZZ");
        for p in far.by.iter().flatten() {
            assert_eq!(p.reach.within_2500, 0.0);
        }
    }

    #[test]
    fn the_filters_choose_the_serving_regions() {
        let c = cat();
        let g = people(&c);
        let p0 = c.data.providers[0].id.clone();
        let f = crate::query::Filters {
            providers: [p0.clone()].into(),
            ..Default::default()
        };
        let cov = Coverage::build(&c, &select(&c, &f), &g, None);
        assert!(cov.providers[1].regions.is_empty());
        assert!(cov.rows.iter().all(|r| r.by[1].is_none()));
        assert_eq!(cov.rows[0].lead(), Lead::Only(0));
        // With one provider serving, the map shows its distance whatever was asked.
        assert_eq!(cov.shading(None), Shading::One(0));
        assert_eq!(cov.shading(Some(&c.data.providers[1].id)), Shading::One(1));
        assert_eq!(cov.shading(Some("nobody")), Shading::One(0));
    }

    #[test]
    fn regions_retired_before_the_years_end_do_not_count() {
        let c = cat();
        let g = people(&c);
        let all = select(&c, &Default::default());
        let today = Coverage::build(&c, &all, &g, None);
        for s in &today.providers {
            for &i in &s.regions {
                assert!(live_at_end_of(&c.data.regions[i], None));
            }
        }
        let long_ago = Coverage::build(&c, &all, &g, Some(1990));
        assert!(long_ago.providers.iter().all(|s| s.regions.is_empty()));
        assert!(long_ago.rows.iter().all(|r| r.lead() == Lead::Nobody));
        assert_eq!(long_ago.shading(None), Shading::Nearer);
    }

    fn row(kms: &[Option<f64>]) -> Row {
        Row {
            iso2: "AA".into(),
            people: 1.0,
            by: kms
                .iter()
                .map(|km| {
                    km.map(|mean_km| ProviderReach {
                        nearest: 0,
                        reach: Reach {
                            mean_km,
                            within_1000: 0.0,
                            within_2500: 0.0,
                        },
                    })
                })
                .collect(),
            reference: None,
            home: false,
        }
    }

    #[test]
    fn a_provider_is_ahead_of_the_hyperscalers_only_by_more_than_the_tie() {
        let mut r = row(&[Some(300.0), Some(900.0)]);
        assert_eq!(r.edge(), Edge::Only(0));
        r.reference = Some(RefNear {
            nearest: 0,
            mean_km: 1000.0,
        });
        assert_eq!(r.edge(), Edge::Ahead(0, 700.0));
        r.reference = Some(RefNear {
            nearest: 0,
            mean_km: 400.0,
        });
        assert_eq!(r.edge(), Edge::Tie(100.0));
        r.reference = Some(RefNear {
            nearest: 0,
            mean_km: 10.0,
        });
        assert_eq!(r.edge(), Edge::Behind(290.0));
        let none = row(&[None, None]);
        assert_eq!(none.edge(), Edge::Nobody);
        r.home = true;
        assert_eq!(r.edge(), Edge::Home);
    }

    #[test]
    fn who_is_nearer_and_by_how_much() {
        assert_eq!(row(&[None, None]).lead(), Lead::Nobody);
        assert_eq!(row(&[None, Some(900.0)]).lead(), Lead::Only(1));
        assert_eq!(
            row(&[Some(1200.0), Some(200.0)]).lead(),
            Lead::Nearer(1, 1000.0)
        );
        assert_eq!(row(&[Some(300.0), Some(500.0)]).lead(), Lead::Tie(200.0));
        // Three providers: the two nearest decide.
        assert_eq!(
            row(&[Some(5000.0), Some(100.0), Some(400.0)]).lead(),
            Lead::Nearer(1, 300.0)
        );
        assert_eq!(margin_class(250.0), 1);
        assert_eq!(margin_class(1000.0), 2);
        assert_eq!(margin_class(3000.0), 3);
        assert_eq!(distance_class(0.0), 1);
        assert_eq!(distance_class(500.0), 1);
        assert_eq!(distance_class(501.0), 2);
        assert_eq!(distance_class(9000.0), 5);
    }

    #[test]
    fn the_table_sorts_by_any_column_and_names_columns_by_id() {
        let c = cat();
        let g = people(&c);
        let cov = Coverage::build(&c, &select(&c, &Default::default()), &g, None);
        let name = |iso: &str| iso.to_string();
        assert_eq!(cov.order(Col::People, Dir::Desc, &name), vec![0, 1]);
        assert_eq!(cov.order(Col::Km(0), Dir::Desc, &name), vec![1, 0]);
        assert_eq!(cov.order(Col::Country, Dir::Desc, &name), vec![1, 0]);
        for col in [
            Col::Country,
            Col::People,
            Col::Km(1),
            Col::Near(0),
            Col::Mid(1),
        ] {
            assert_eq!(Col::from_id(&col.id(&cov), &cov), Some(col));
        }
        assert_eq!(Col::from_id("km-nobody", &cov), None);
        assert_eq!(Col::from_id("people-x", &cov), None);
    }
}
