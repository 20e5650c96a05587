//! Client-side filtering and facet counts, in one pass over the records.
//!
//! Facets: provider, area, country and year apply to regions and events;
//! status applies to regions only and kind to events only; the text query to both.
//!
//! Years mean different things for the two record types, on purpose:
//! an event matches when its date falls in `[from, to]`; a region matches
//! when it *existed* during that window (opened by `to`, not retired before
//! `from`), so the map at `to=2016` shows the footprint as it stood in 2016.
//! A region whose opening year is unknown cannot be placed before an upper
//! bound, so it is left out when `to` is set, and counted in
//! [`Selection::undated_hidden`] so the page can say so.

use super::lang::Lang;
use super::model::{Area, Dataset, Event, Kind, Region, Status, MARKET};
use super::query::{Filters, Issue, Why};
use super::text::{fold, Needle};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A dataset prepared for fast filtering: folded search text and derived fields, built once.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub data: Dataset,
    region_text: Vec<String>,
    event_text: Vec<String>,
    event_area: Vec<Option<String>>,
    /// Every record, ordered by id, so a link, a cited figure or the detail panel finds its
    /// record by binary search (no scan, and no copy of 100,000 ids into a map).
    ids: Vec<Record>,
    /// The first and last year any record mentions.
    pub years: (u16, u16),
    /// ISO code → country name, for every country with a record, in [`Catalog::lang`].
    pub countries: BTreeMap<String, String>,
    /// English city name → Chinese, from the dataset.
    cities_zh: HashMap<String, String>,
    /// The language names are given in. The filters and the search do not depend on it:
    /// a record is found by its English and its Chinese words in either language.
    pub lang: Lang,
    /// What a link without a `provider` key shows: empty (everything) when every
    /// provider is compared by default, else the default providers and the market.
    pub default_providers: BTreeSet<String>,
}

/// A name or title as the page shows it, and whether it is the English one standing in
/// for a missing translation (the markup then says so, with `lang="en"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub fallback: bool,
}

impl Catalog {
    pub fn new(data: Dataset) -> Self {
        // A country's area: the area that lists it, else the area of its regions.
        let mut area_of: HashMap<&str, &str> = data
            .areas
            .iter()
            .flat_map(|a| a.countries.iter().map(|c| (c.as_str(), a.id.as_str())))
            .collect();
        let mut countries = BTreeMap::new();
        for r in &data.regions {
            area_of.entry(r.iso2.as_str()).or_insert(r.area.as_str());
            countries.insert(r.iso2.clone(), r.country.clone());
        }
        for e in &data.events {
            if let (Some(iso), Some(name)) = (&e.iso2, &e.country) {
                countries.entry(iso.clone()).or_insert_with(|| name.clone());
            }
        }
        let zh_country: HashMap<&str, &str> = data
            .countries
            .iter()
            .map(|c| (c.iso2.as_str(), c.name_zh.as_str()))
            .collect();
        let zh_city: HashMap<&str, &str> = data
            .cities
            .iter()
            .map(|c| (c.name.as_str(), c.name_zh.as_str()))
            .collect();
        let city_zh = |c: &Option<String>| {
            c.as_deref()
                .and_then(|c| zh_city.get(c))
                .copied()
                .unwrap_or("")
        };
        let zh_provider = |id: &str| {
            data.provider(id)
                .and_then(|p| p.name_zh.as_deref())
                .unwrap_or("")
        };
        let region_text = data
            .regions
            .iter()
            .map(|r| {
                fold(
                    &[
                        r.name.as_str(),
                        r.code.as_deref().unwrap_or(""),
                        r.city.as_deref().unwrap_or(""),
                        &r.country,
                        &r.iso2,
                        data.provider_name(&r.provider),
                        r.name_zh.as_deref().unwrap_or(""),
                        city_zh(&r.city),
                        zh_country.get(r.iso2.as_str()).copied().unwrap_or(""),
                        zh_provider(&r.provider),
                    ]
                    .join(" | "),
                )
            })
            .collect();
        let event_text = data
            .events
            .iter()
            .map(|e| {
                let mut parts = vec![
                    e.title.as_str(),
                    e.city.as_deref().unwrap_or(""),
                    e.country.as_deref().unwrap_or(""),
                    e.iso2.as_deref().unwrap_or(""),
                    data.provider_name(&e.provider),
                    e.title_zh.as_deref().unwrap_or(""),
                    city_zh(&e.city),
                    e.iso2
                        .as_deref()
                        .and_then(|c| zh_country.get(c))
                        .copied()
                        .unwrap_or(""),
                    zh_provider(&e.provider),
                ];
                parts.extend(e.people.iter().map(String::as_str));
                parts.extend(e.sectors.iter().map(String::as_str));
                fold(&parts.join(" | "))
            })
            .collect();
        let event_area = data
            .events
            .iter()
            .map(|e| {
                e.iso2
                    .as_deref()
                    .and_then(|i| area_of.get(i))
                    .map(|a| a.to_string())
            })
            .collect();
        let years = data
            .events
            .iter()
            .map(|e| e.date.year)
            .chain(
                data.regions
                    .iter()
                    .flat_map(|r| [r.opened, r.retired])
                    .flatten()
                    .map(|d| d.year),
            )
            .fold(None, |acc: Option<(u16, u16)>, y| {
                Some(acc.map_or((y, y), |(a, b)| (a.min(y), b.max(y))))
            })
            .unwrap_or((2000, 2000));
        let cities_zh = data
            .cities
            .iter()
            .map(|c| (c.name.clone(), c.name_zh.clone()))
            .collect();
        let mut ids: Vec<Record> = (0..data.regions.len())
            .map(Record::Region)
            .chain((0..data.events.len()).map(Record::Event))
            .collect();
        // Stable: regions stay before events with the same id (loading already refuses repeats).
        super::sort::sort_vec(&mut ids, &|a, b| id_of(&data, *a).cmp(id_of(&data, *b)));
        let default_providers = if data.providers.iter().all(|p| p.default) {
            BTreeSet::new()
        } else {
            data.providers
                .iter()
                .filter(|p| p.default)
                .map(|p| p.id.clone())
                .chain([MARKET.to_string()])
                .collect()
        };
        Catalog {
            default_providers,
            data,
            region_text,
            event_text,
            event_area,
            ids,
            years,
            countries,
            cities_zh,
            lang: Lang::En,
        }
    }

    /// The same catalog naming things in `lang`.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        if lang == Lang::Zh {
            for c in &self.data.countries {
                if let Some(name) = self.countries.get_mut(&c.iso2) {
                    *name = c.name_zh.clone();
                }
            }
        }
        self.lang = lang;
        self
    }

    /// A provider's name ("Alibaba Cloud" / "阿里云"); the market lane's for [`MARKET`].
    pub fn provider_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.data.provider_name_in(id, self.lang)
    }

    /// A provider's short name for tight places.
    pub fn provider_short<'a>(&'a self, id: &'a str) -> &'a str {
        match (self.lang, self.data.provider(id)) {
            (Lang::Zh, Some(p)) => p
                .short_zh
                .as_deref()
                .or(p.name_zh.as_deref())
                .unwrap_or(p.short_name()),
            (_, Some(p)) => p.short_name(),
            _ => self.provider_name(id),
        }
    }

    /// An area's name as a label.
    pub fn area_name<'a>(&self, a: &'a Area) -> &'a str {
        match self.lang {
            Lang::Zh => a.name_zh.as_deref().unwrap_or(&a.name),
            Lang::En => &a.name,
        }
    }

    /// An area's name inside a sentence ("the Middle East" / "中东").
    pub fn area_phrase<'a>(&self, a: &'a Area) -> &'a str {
        match self.lang {
            Lang::Zh => a.name_zh.as_deref().unwrap_or(a.phrase()),
            Lang::En => a.phrase(),
        }
    }

    /// A country's name by ISO code, the code itself when no record names it.
    pub fn country_name<'a>(&'a self, iso2: &'a str) -> &'a str {
        self.countries.get(iso2).map_or(iso2, String::as_str)
    }

    /// A city's name in [`Catalog::lang`]; `fallback` when its Chinese name is missing.
    pub fn city_name<'a>(&'a self, en: &'a str) -> Shown<'a> {
        shown(self.lang, en, self.cities_zh.get(en).map(String::as_str))
    }

    /// A region's name: the provider's own Chinese name where there is one.
    pub fn region_name<'a>(&self, r: &'a Region) -> Shown<'a> {
        shown(self.lang, &r.name, r.name_zh.as_deref())
    }

    /// An event's title.
    pub fn event_title<'a>(&self, e: &'a Event) -> Shown<'a> {
        shown(self.lang, &e.title, e.title_zh.as_deref())
    }

    /// Drops what this dataset cannot show (unknown providers and areas, a selection that is not a
    /// record) and folds years at or beyond the dataset's bounds into the default.
    pub fn reconcile(&self, f: &mut Filters) -> Vec<Issue> {
        let mut issues = Vec::new();
        // Ids are checked for spelling by the codec; whether they exist is the dataset's say.
        let mut keep =
            |key: &str, why: Why, set: &mut BTreeSet<String>, known: &dyn Fn(&String) -> bool| {
                for id in set.iter().filter(|id| !known(id)) {
                    issues.push(Issue {
                        key: key.into(),
                        value: id.clone(),
                        reason: why,
                    });
                }
                set.retain(|id| known(id));
            };
        let d = &self.data;
        keep("provider", Why::ProviderNotInData, &mut f.providers, &|p| {
            p == MARKET || d.provider(p).is_some()
        });
        keep("area", Why::AreaNotInData, &mut f.areas, &|a| {
            d.areas.iter().any(|x| &x.id == a)
        });
        if let Some(p) = f.shade.take() {
            if d.provider(&p).is_some() || p == super::coverage::REF_SHADE {
                f.shade = Some(p);
            } else {
                issues.push(Issue {
                    key: "shade".into(),
                    value: p,
                    reason: Why::ProviderNotInData,
                });
            }
        }
        if let Some(sel) = &f.sel {
            if self.record(sel).is_none() {
                issues.push(Issue {
                    key: "sel".into(),
                    value: sel.clone(),
                    reason: Why::NoSuchRecord,
                });
                f.sel = None;
            }
        }
        let (first, last) = self.years;
        if f.from.is_some_and(|y| y <= first) {
            f.from = None;
        }
        if f.to.is_some_and(|y| y >= last) {
            f.to = None;
        }
        issues
    }

    /// The providers the filters show: the chosen ones, else the default ones.
    pub fn providers_of<'a>(&'a self, f: &'a Filters) -> &'a BTreeSet<String> {
        if f.providers.is_empty() {
            &self.default_providers
        } else {
            &f.providers
        }
    }

    /// Whether provider chip `id` shows as pressed: chosen, or (with nothing chosen) one
    /// of the default providers when not all of them are.
    pub fn chip_pressed(&self, f: &Filters, id: &str) -> bool {
        self.providers_of(f).contains(id)
    }

    /// (id, name) of every provider, then the market: the provider chips and the timeline lanes.
    pub fn lanes(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .data
            .providers
            .iter()
            .map(|p| (p.id.clone(), self.provider_name(&p.id).to_string()))
            .collect();
        out.push((MARKET.to_string(), self.provider_name(MARKET).to_string()));
        out
    }

    /// The area of event `i`, from its country (the same one the area filter uses).
    pub fn event_area(&self, i: usize) -> Option<&str> {
        self.event_area.get(i).and_then(|a| a.as_deref())
    }

    /// Finds a region or event by id (they share one namespace).
    pub fn record(&self, id: &str) -> Option<Record> {
        let k = self.ids.partition_point(|r| id_of(&self.data, *r) < id);
        self.ids
            .get(k)
            .copied()
            .filter(|r| id_of(&self.data, *r) == id)
    }
}

pub fn shown<'a>(lang: Lang, en: &'a str, zh: Option<&'a str>) -> Shown<'a> {
    match (lang, zh) {
        (Lang::Zh, Some(text)) => Shown {
            text,
            fallback: false,
        },
        (Lang::Zh, None) => Shown {
            text: en,
            fallback: true,
        },
        (Lang::En, _) => Shown {
            text: en,
            fallback: false,
        },
    }
}

fn id_of(d: &Dataset, r: Record) -> &str {
    match r {
        Record::Region(i) => &d.regions[i].id,
        Record::Event(i) => &d.events[i].id,
    }
}

/// A reference to one record of a [`Catalog`] by index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Region(usize),
    Event(usize),
}

/// How many records each facet option would match, given all the *other* filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub providers: BTreeMap<String, usize>,
    pub areas: BTreeMap<String, usize>,
    pub countries: BTreeMap<String, usize>,
    pub kinds: BTreeMap<Kind, usize>,
    pub statuses: BTreeMap<Status, usize>,
}

/// The records a view shows (indices into the catalog, in dataset order) and the facet counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub regions: Vec<usize>,
    pub events: Vec<usize>,
    pub facets: Facets,
    /// Regions left out only because their opening year is unknown and `to` is set.
    pub undated_hidden: usize,
    /// The last year of the period selected (`to`), the "as of" of what is live
    /// ([`crate::reach::live_at_end_of`]); `None`: today.
    pub to: Option<u16>,
    /// The providers the views compare side by side (head to head, coverage, growth,
    /// changes), in the dataset's order: those compared by default, and any other the
    /// `provider` key names.
    pub providers: Vec<String>,
}

const PROVIDER: usize = 0;
const AREA: usize = 1;
const COUNTRY: usize = 2;
const YEAR: usize = 3;
const KIND_OR_STATUS: usize = 4;

/// Whether each facet's test passes for one record.
type Passes = [bool; 6];

fn all_but(p: &Passes, skip: usize) -> bool {
    p.iter().enumerate().all(|(i, ok)| i == skip || *ok)
}

fn bump<K: Ord>(map: &mut BTreeMap<K, usize>, key: K) {
    *map.entry(key).or_insert(0) += 1;
}

/// Filters the catalog and counts facets in one pass over regions and one over events.
pub fn select(cat: &Catalog, f: &Filters) -> Selection {
    let needle = Needle::new(&f.q);
    let in_set = |set: &BTreeSet<String>, v: Option<&str>| {
        set.is_empty() || v.is_some_and(|v| set.contains(v))
    };
    let mut s = Selection {
        to: f.to,
        providers: cat
            .data
            .providers
            .iter()
            .filter(|p| p.default || f.providers.contains(&p.id))
            .map(|p| p.id.clone())
            .collect(),
        ..Selection::default()
    };
    for p in &cat.data.providers {
        s.facets.providers.insert(p.id.clone(), 0);
    }
    for (i, r) in cat.data.regions.iter().enumerate() {
        let (year_ok, undated) = region_in_years(r, f.from, f.to);
        let p: Passes = [
            in_set(cat.providers_of(f), Some(&r.provider)),
            in_set(&f.areas, Some(&r.area)),
            in_set(&f.countries, Some(&r.iso2)),
            year_ok,
            f.statuses.is_empty() || f.statuses.contains(&r.status),
            needle.is_empty() || needle.matches(&cat.region_text[i]),
        ];
        count(&mut s.facets, &p, &r.provider, Some(&r.area), Some(&r.iso2));
        if all_but(&p, KIND_OR_STATUS) {
            bump(&mut s.facets.statuses, r.status);
        }
        if p.iter().all(|ok| *ok) {
            s.regions.push(i);
        } else if undated && all_but(&p, YEAR) {
            s.undated_hidden += 1;
        }
    }
    for (i, e) in cat.data.events.iter().enumerate() {
        let y = e.date.year;
        let area = cat.event_area[i].as_deref();
        let p: Passes = [
            in_set(cat.providers_of(f), Some(&e.provider)),
            in_set(&f.areas, area),
            in_set(&f.countries, e.iso2.as_deref()),
            f.from.is_none_or(|from| y >= from) && f.to.is_none_or(|to| y <= to),
            f.kinds.is_empty() || f.kinds.contains(&e.kind),
            needle.is_empty() || needle.matches(&cat.event_text[i]),
        ];
        count(&mut s.facets, &p, &e.provider, area, e.iso2.as_deref());
        if all_but(&p, KIND_OR_STATUS) {
            bump(&mut s.facets.kinds, e.kind);
        }
        if p.iter().all(|ok| *ok) {
            s.events.push(i);
        }
    }
    s
}

fn count(facets: &mut Facets, p: &Passes, provider: &str, area: Option<&str>, iso2: Option<&str>) {
    if all_but(p, PROVIDER) {
        bump(&mut facets.providers, provider.to_string());
    }
    if let Some(a) = area.filter(|_| all_but(p, AREA)) {
        bump(&mut facets.areas, a.to_string());
    }
    if let Some(c) = iso2.filter(|_| all_but(p, COUNTRY)) {
        bump(&mut facets.countries, c.to_string());
    }
}

/// Whether a region existed during `[from, to]`, and whether an unknown opening year decided it.
fn region_in_years(r: &Region, from: Option<u16>, to: Option<u16>) -> (bool, bool) {
    let opened_by_to = match (to, r.opened) {
        (None, _) => true,
        (Some(to), Some(o)) => o.year <= to,
        (Some(_), None) => return (false, true),
    };
    let still_there = match (from, r.retired) {
        (Some(from), Some(ret)) => ret.year >= from,
        _ => true,
    };
    (opened_by_to && still_there, false)
}
