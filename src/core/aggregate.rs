//! Figures derived from a selection: country presence for the map, the
//! head-to-head figures, growth per year. Numbers only: the sentences that
//! phrase them live in `atlas_present::words`.

use super::filter::{Catalog, Selection};
use super::model::Status;
use std::collections::{BTreeMap, BTreeSet};

/// Where each provider is in a country (ISO alpha-2), as of the end of the period the
/// selection is of ([`Selection::to`], today without it; the coverage view's rule,
/// [`crate::reach::live_at_end_of`]). A reader takes a shaded country for presence, so a
/// region that has closed or is only announced does not shade it as if it were live.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Presence {
    /// Providers with a selected region live there at the end of the period.
    pub live: BTreeSet<String>,
    /// Providers whose selected regions there had all closed by then (and that
    /// announced none to come).
    pub left: BTreeSet<String>,
    /// Providers with only announced or listed-only regions there (none live, none closed).
    pub announced: BTreeSet<String>,
}

/// How the map shades a country ([`Presence::shade`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shade<'a> {
    /// No selected region: the plain country.
    None,
    /// These providers are there (one or several).
    Live(&'a BTreeSet<String>),
    /// No provider is there now, and one has left (its regions closed).
    Left,
    /// No provider is there now, and one has announced a region.
    Announced,
}

impl Presence {
    /// Live wins; a country no provider is in is "left" if one closed its regions
    /// there, else "announced" if one only announced one.
    pub fn shade(&self) -> Shade<'_> {
        if !self.live.is_empty() {
            Shade::Live(&self.live)
        } else if !self.left.is_empty() {
            Shade::Left
        } else if !self.announced.is_empty() {
            Shade::Announced
        } else {
            Shade::None
        }
    }
}

/// Each country with a selected region, and where each provider stands there.
pub fn presence(cat: &Catalog, sel: &Selection) -> BTreeMap<String, Presence> {
    let mut out: BTreeMap<String, Presence> = BTreeMap::new();
    for &i in &sel.regions {
        let r = &cat.data.regions[i];
        let p = out.entry(r.iso2.clone()).or_default();
        if super::reach::live_at_end_of(r, sel.to) {
            p.live.insert(r.provider.clone());
        } else if r.status.is_prospective() {
            p.announced.insert(r.provider.clone());
        } else {
            p.left.insert(r.provider.clone());
        }
    }
    // A provider live there has neither left nor only announced; one that closed its
    // regions and announced a new one is coming back: announced, not left.
    for p in out.values_mut() {
        let (live, announced) = (p.live.clone(), p.announced.clone());
        p.announced.retain(|x| !live.contains(x));
        p.left
            .retain(|x| !live.contains(x) && !announced.contains(x));
    }
    out
}

/// One provider's figures for the head-to-head view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProviderStats {
    pub live: usize,
    /// Regions named only by code (an SDK, API or Terraform listing).
    pub listed: usize,
    pub announced: usize,
    pub retired: usize,
    /// Zones of live regions whose count is known.
    pub zones: u32,
    pub countries: BTreeSet<String>,
    /// Earliest and latest dated region launch (`region_launch` events).
    pub first_launch: Option<(super::date::PartialDate, String)>,
    pub latest_launch: Option<(super::date::PartialDate, String)>,
    /// Investment events with a US$ amount: (event id, amount).
    pub pledges: Vec<(String, f64)>,
}

impl ProviderStats {
    pub fn pledged(&self) -> f64 {
        self.pledges.iter().map(|p| p.1).sum()
    }

    /// The `n` largest pledges, largest first (ties keep dataset order), and how many
    /// are left out: a list of every pledge is unreadable (and slow) at thousands.
    pub fn largest_pledges(&self, n: usize) -> (Vec<(String, f64)>, usize) {
        let mut v = self.pledges.clone();
        super::sort::sort_vec(&mut v, &|a, b| b.1.total_cmp(&a.1));
        let rest = v.len().saturating_sub(n);
        v.truncate(n);
        (v, rest)
    }
}

/// Head-to-head figures per provider id, optionally for one area only.
pub fn compare(
    cat: &Catalog,
    sel: &Selection,
    area: Option<&str>,
) -> BTreeMap<String, ProviderStats> {
    let d = &cat.data;
    let mut out: BTreeMap<String, ProviderStats> = d
        .providers
        .iter()
        .map(|p| (p.id.clone(), ProviderStats::default()))
        .collect();
    for &i in &sel.regions {
        let r = &d.regions[i];
        if area.is_some_and(|a| a != r.area) {
            continue;
        }
        let Some(s) = out.get_mut(&r.provider) else {
            continue;
        };
        match r.status {
            Status::Live => {
                s.live += 1;
                s.zones = s.zones.saturating_add(r.zones.unwrap_or(0));
                s.countries.insert(r.iso2.clone());
            }
            Status::Listed => s.listed += 1,
            Status::Announced => s.announced += 1,
            Status::Retired => s.retired += 1,
        }
    }
    for &i in &sel.events {
        let e = &d.events[i];
        // The catalog already knows each event's area; scanning the regions here was O(events × regions).
        let in_area = area.is_none_or(|a| cat.event_area(i) == Some(a));
        let Some(s) = out.get_mut(&e.provider).filter(|_| in_area) else {
            continue;
        };
        if e.kind == super::model::Kind::RegionLaunch {
            if s.first_launch.as_ref().is_none_or(|(d0, _)| e.date < *d0) {
                s.first_launch = Some((e.date, e.id.clone()));
            }
            if s.latest_launch.as_ref().is_none_or(|(d0, _)| e.date >= *d0) {
                s.latest_launch = Some((e.date, e.id.clone()));
            }
        }
        if e.kind == super::model::Kind::Investment {
            if let Some(usd) = e.amount_usd {
                s.pledges.push((e.id.clone(), usd));
            }
        }
    }
    out
}

/// Countries where exactly one provider is, or several are (live at the end of the
/// period, as the map shades them: [`presence`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountrySplit {
    pub only: BTreeMap<String, BTreeSet<String>>,
    pub both: BTreeSet<String>,
}

pub fn country_split(cat: &Catalog, sel: &Selection) -> CountrySplit {
    let mut split = CountrySplit::default();
    for (country, p) in presence(cat, sel) {
        let providers = p.live;
        if providers.len() > 1 {
            split.both.insert(country);
        } else if let Some(p) = providers.into_iter().next() {
            split.only.entry(p).or_default().insert(country);
        }
    }
    split
}

/// One year of the growth chart for one provider.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Growth {
    pub year: u16,
    /// Live regions outside the home areas at the end of the year (closures subtracted).
    pub regions: usize,
    pub countries: usize,
}

/// Cumulative footprint abroad (outside the areas marked `home`) per provider per year, from the selected
/// regions' opening and retirement years. Regions with an unknown opening year are not
/// placed; `undated` counts them so the chart can say so.
pub fn growth(cat: &Catalog, sel: &Selection) -> (BTreeMap<String, Vec<Growth>>, usize) {
    let d = &cat.data;
    let (first, last) = cat.years;
    let mut undated = 0;
    let mut out = BTreeMap::new();
    let home: Vec<&str> = d
        .areas
        .iter()
        .filter(|a| a.home)
        .map(|a| a.id.as_str())
        .collect();
    for p in &d.providers {
        let mine: Vec<_> = sel
            .regions
            .iter()
            .map(|&i| &d.regions[i])
            .filter(|r| {
                r.provider == p.id && !home.contains(&r.area.as_str()) && !r.status.is_prospective()
            })
            .collect();
        undated += mine.iter().filter(|r| r.opened.is_none()).count();
        let series = (first..=last)
            .map(|year| {
                let open: Vec<_> = mine
                    .iter()
                    .filter(|r| {
                        r.opened.is_some_and(|o| o.year <= year)
                            && r.retired.is_none_or(|x| x.year > year)
                    })
                    .collect();
                let countries: BTreeSet<&str> = open.iter().map(|r| r.iso2.as_str()).collect();
                Growth {
                    year,
                    regions: open.len(),
                    countries: countries.len(),
                }
            })
            .collect();
        out.insert(p.id.clone(), series);
    }
    (out, undated)
}

/// The providers' own announced totals over time: (date, regions, zones, event id).
pub type FootprintPoint = (super::date::PartialDate, Option<u32>, Option<u32>, String);

pub fn footprints(cat: &Catalog, sel: &Selection) -> BTreeMap<String, Vec<FootprintPoint>> {
    let mut out: BTreeMap<String, Vec<FootprintPoint>> = BTreeMap::new();
    for &i in &sel.events {
        let e = &cat.data.events[i];
        if let Some(fp) = &e.footprint {
            out.entry(e.provider.clone()).or_default().push((
                e.date,
                fp.regions,
                fp.zones,
                e.id.clone(),
            ));
        }
    }
    for v in out.values_mut() {
        super::sort::sort_vec(v, &|a, b| a.0.cmp(&b.0));
    }
    out
}
