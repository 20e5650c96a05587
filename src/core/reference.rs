//! The reference layer: the regions of the US hyperscalers (AWS, Microsoft Azure,
//! Google Cloud), read from `public/data/reference.json`, against which the Chinese
//! providers' expansion is judged.
//!
//! The file is a second, separate dataset, fetched only when a view asks for it
//! (the map's switch, `ref=1`, or the coverage view's "nearest cloud" shading). Its
//! regions carry evidence under the same rules as the atlas's own
//! ([`super::evidence::judge`]), and the loader checks them the same way
//! ([`super::load`]'s helpers): a record its evidence does not support is left out
//! with the reason, never silently.
//!
//! Decisions (also in the README):
//! - **A region without a known place** (no city, or one the gazetteer cannot place)
//!   keeps its record with `lat`/`lon` absent: it is listed and counted as "location
//!   unknown", never dropped, and never drawn or measured.
//! - **As of the end of a year**: a reference region counts if it is live and its
//!   launch date, or without one the date of the first listing that names it, falls
//!   in or before that year ([`RefRegion::since`]). A listing bounds a launch, it
//!   does not date it, so every view that places a region by its listing says so.

use super::date::PartialDate;
use super::evidence::{Evidence, Proof};
use super::load::{
    evidence_agrees, iso2, known, name_field, reason, records, safe_url, unique, LoadError, Skipped,
};
use super::model::{Confidence, Source, Status};
use super::query::is_version;
use super::reach::{great_circle_km, nearest, unit};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Where the reference file is, relative to the page.
pub const REFERENCE_URL: &str = "data/reference.json";

/// The schema number of the reference file this build reads.
pub const REF_SCHEMA: u32 = 1;

/// The most reference providers and regions a file may hold (a hostile file is cut
/// short with a reason, not allowed to make every distance computation slow).
pub const MAX_REF_PROVIDERS: usize = 8;
pub const MAX_REF_REGIONS: usize = 2_000;

/// A reference provider.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefProvider {
    pub id: String,
    pub name: String,
    /// A short name ("AWS"); defaults to `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// Its home country (ISO alpha-2): "abroad" means outside it.
    pub home: String,
}

impl RefProvider {
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }
}

/// A reference region.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RefRegion {
    /// `provider:code`.
    pub id: String,
    pub provider: String,
    pub code: String,
    /// The provider's own display name.
    pub name: String,
    /// The city the coordinates are of; absent when the place is unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_zh: Option<String>,
    pub iso2: String,
    /// The country's name (Unicode CLDR), and in Chinese.
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_zh: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// From the launch reports alone (`super::evidence::opened`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<PartialDate>,
    pub status: Status,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<PartialDate>,
    pub evidence: Vec<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a reference region's date was known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Dated {
    /// A launch report dates the opening.
    Launch,
    /// Only the first listing naming it: it bounds the launch.
    Listing,
}

impl RefRegion {
    /// Its coordinates, when its place is known.
    pub fn place(&self) -> Option<(f64, f64)> {
        self.lat.zip(self.lon)
    }

    /// The date of the first listing that names it.
    pub fn listed(&self) -> Option<PartialDate> {
        self.evidence
            .iter()
            .filter(|e| e.kind == Proof::Listing)
            .map(|e| e.date)
            .min()
    }

    /// When it is placed in time: its launch, else its first listing.
    pub fn since(&self) -> Option<(PartialDate, Dated)> {
        self.opened
            .map(|d| (d, Dated::Launch))
            .or_else(|| self.listed().map(|d| (d, Dated::Listing)))
    }

    /// Live at the end of `year` (`None`: today), by the module's as-of rule.
    pub fn live_at_end_of(&self, year: Option<u16>) -> bool {
        if self.status.is_prospective() {
            return false;
        }
        let gone = super::evidence::retired(&self.evidence);
        match year {
            None => self.status == Status::Live,
            Some(y) => {
                self.since().is_some_and(|(d, _)| d.year <= y) && gone.is_none_or(|g| g.year > y)
            }
        }
    }
}

/// The reference file, validated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub schema: u32,
    pub version: String,
    pub title: String,
    pub license: String,
    pub generated: String,
    pub providers: Vec<RefProvider>,
    pub sources: Vec<Source>,
    pub regions: Vec<RefRegion>,
}

/// The reference file and what its loader left out.
#[derive(Debug, Clone, PartialEq)]
pub struct RefLoaded {
    pub reference: Reference,
    pub skipped: Vec<Skipped>,
}

#[derive(Deserialize)]
struct Frame<'a> {
    schema: u32,
    version: String,
    title: String,
    license: String,
    generated: String,
    providers: Vec<RefProvider>,
    #[serde(default, borrow)]
    sources: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    regions: Vec<&'a RawValue>,
}

/// Reads the reference file: a broken frame is an error the page names; a bad record
/// is left out with its reason, as in the atlas's own loader.
pub fn parse_reference(text: &str) -> Result<RefLoaded, LoadError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| LoadError::NotJson(reason(e)))?;
    let frame: Frame = serde_json::from_str(text).map_err(|e| LoadError::BadHeader(reason(e)))?;
    if frame.schema != REF_SCHEMA {
        return Err(LoadError::UnsupportedSchema(frame.schema.to_string()));
    }
    let bad = |s: String| Err(LoadError::BadHeader(s));
    if !is_version(&frame.version) {
        return bad("its version is not 1–32 letters, digits, '.' and '-'".into());
    }
    for (field, value) in [
        ("title", &frame.title),
        ("license", &frame.license),
        ("generated", &frame.generated),
    ] {
        if name_field(field, Some(value)).is_err() {
            return bad(format!("its {field} is empty or not plain text"));
        }
    }
    if frame.providers.is_empty() || frame.providers.len() > MAX_REF_PROVIDERS {
        return bad(format!(
            "it lists {} providers (1 to {MAX_REF_PROVIDERS})",
            frame.providers.len()
        ));
    }
    let mut seen = HashSet::new();
    for p in &frame.providers {
        let ok = super::query::is_id(&p.id)
            && iso2(&p.home).is_ok()
            && name_field("name", Some(&p.name)).is_ok()
            && name_field("short", p.short.as_deref()).is_ok()
            && name_field("name_zh", p.name_zh.as_deref()).is_ok();
        if !ok || !seen.insert(p.id.as_str()) {
            return bad(format!(
                "provider \"{}\" is invalid or listed twice",
                super::date::clip(&p.id)
            ));
        }
    }
    let mut skipped = Vec::new();
    let sources: Vec<Source> = records(&frame.sources, "source", &mut skipped, |s: &Source| {
        if s.id.trim().is_empty() {
            return Err("empty id".into());
        }
        safe_url(&s.url)
    });
    let mut sources = unique(
        sources,
        |s| &s.id,
        "source",
        &mut HashSet::new(),
        &mut skipped,
    );
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let source_ids: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let provider_ids: HashSet<&str> = frame.providers.iter().map(|p| p.id.as_str()).collect();
    let raw = if frame.regions.len() > MAX_REF_REGIONS {
        skipped.push(Skipped {
            what: "region",
            id: format!("#{}…", MAX_REF_REGIONS + 1),
            reason: format!(
                "{} regions, more than {MAX_REF_REGIONS}: the rest are left out",
                frame.regions.len()
            ),
        });
        &frame.regions[..MAX_REF_REGIONS]
    } else {
        &frame.regions[..]
    };
    let regions: Vec<RefRegion> = records(raw, "region", &mut skipped, |r: &RefRegion| {
        known(&provider_ids, &r.provider, "provider")?;
        if r.id != format!("{}:{}", r.provider, r.code) || !super::query::is_record_id(&r.id) {
            return Err("its id is not provider:code".into());
        }
        iso2(&r.iso2)?;
        name_field("name", Some(&r.name))?;
        name_field("city", r.city.as_deref())?;
        name_field("city_zh", r.city_zh.as_deref())?;
        name_field("country", Some(&r.country))?;
        name_field("country_zh", r.country_zh.as_deref())?;
        name_field("note", r.note.as_deref())?;
        match (r.lat, r.lon) {
            (None, None) => {}
            (Some(lat), Some(lon))
                if lat.is_finite()
                    && lon.is_finite()
                    && (-90.0..=90.0).contains(&lat)
                    && (-180.0..=180.0).contains(&lon) => {}
            _ => return Err("its coordinates are incomplete or off the globe".into()),
        }
        if r.evidence.is_empty() {
            return Err("it has no evidence".into());
        }
        evidence_agrees(&r.evidence, r.status, r.confidence, r.checked, &source_ids)?;
        if r.opened != super::evidence::opened(&r.evidence) {
            return Err("its opening date is not the one its launch reports give".into());
        }
        Ok(())
    });
    let regions = unique(
        regions,
        |r| &r.id,
        "region",
        &mut HashSet::new(),
        &mut skipped,
    );
    Ok(RefLoaded {
        reference: Reference {
            schema: REF_SCHEMA,
            version: frame.version,
            title: frame.title,
            license: frame.license,
            generated: frame.generated,
            providers: frame.providers,
            sources,
            regions,
        },
        skipped,
    })
}

impl Reference {
    pub fn provider(&self, id: &str) -> Option<&RefProvider> {
        self.providers.iter().find(|p| p.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources
            .binary_search_by(|s| s.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.sources[i])
    }

    /// The regions live at the end of `year` (`None`: today), by index.
    pub fn live(&self, year: Option<u16>) -> Vec<usize> {
        (0..self.regions.len())
            .filter(|&i| self.regions[i].live_at_end_of(year))
            .collect()
    }

    /// Per provider, in file order: its figures at the end of `year`.
    pub fn stats(&self, year: Option<u16>) -> Vec<RefStats> {
        self.providers
            .iter()
            .map(|p| {
                let mut s = RefStats {
                    provider: p.id.clone(),
                    ..RefStats::default()
                };
                for r in self.regions.iter().filter(|r| r.provider == p.id) {
                    if r.live_at_end_of(year) {
                        s.live += 1;
                        if r.iso2 != p.home {
                            s.abroad += 1;
                        }
                        s.countries.insert(r.iso2.clone());
                        if r.place().is_none() {
                            s.unplaced += 1;
                        }
                    }
                    if r.listed().is_some() {
                        s.with_listing += 1;
                    }
                    if r.opened.is_some() {
                        s.with_launch += 1;
                    }
                    s.total += 1;
                }
                s
            })
            .collect()
    }

    /// Per provider, live regions outside its home country at the end of each year
    /// from `first` to `last`, placed by [`RefRegion::since`]; and how many of the
    /// regions counted at `last` only a listing places.
    pub fn growth(&self, first: u16, last: u16) -> Vec<RefGrowth> {
        self.providers
            .iter()
            .map(|p| {
                let abroad: Vec<&RefRegion> = self
                    .regions
                    .iter()
                    .filter(|r| r.provider == p.id && r.iso2 != p.home)
                    .collect();
                let counts = (first..=last)
                    .map(|y| abroad.iter().filter(|r| r.live_at_end_of(Some(y))).count())
                    .collect();
                let by_listing = abroad
                    .iter()
                    .filter(|r| {
                        r.live_at_end_of(Some(last))
                            && r.since().is_some_and(|(_, how)| how == Dated::Listing)
                    })
                    .count();
                // Before its earliest dated region the file says nothing of a provider
                // (its lists start later than its oldest regions): no line there, rather
                // than a line at zero.
                let from = self
                    .regions
                    .iter()
                    .filter(|r| r.provider == p.id)
                    .filter_map(|r| r.since().map(|(d, _)| d.year))
                    .min()
                    .map_or(last, |y| y.clamp(first, last));
                RefGrowth {
                    provider: p.id.clone(),
                    first,
                    from,
                    counts,
                    by_listing,
                }
            })
            .collect()
    }

    /// The countries with a live reference region at the end of `year`.
    pub fn countries(&self, year: Option<u16>) -> BTreeSet<String> {
        self.regions
            .iter()
            .filter(|r| r.live_at_end_of(year))
            .map(|r| r.iso2.clone())
            .collect()
    }
}

/// One reference provider's figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RefStats {
    pub provider: String,
    pub live: usize,
    /// Live outside its home country.
    pub abroad: usize,
    pub countries: BTreeSet<String>,
    /// Live regions whose place is unknown.
    pub unplaced: usize,
    /// All its regions in the file, and how many have a listing or a launch date.
    pub total: usize,
    pub with_listing: usize,
    pub with_launch: usize,
}

/// One reference provider's line on the growth chart.
#[derive(Debug, Clone, PartialEq)]
pub struct RefGrowth {
    pub provider: String,
    pub first: u16,
    /// The first year drawn: that of its earliest dated region (or `first`).
    pub from: u16,
    /// Live regions abroad at the end of each year from `first`.
    pub counts: Vec<usize>,
    /// Of those at the last year, how many only a listing places in time.
    pub by_listing: usize,
}

/// The nearest reference region for a country's people.
#[derive(Debug, Clone, PartialEq)]
pub struct RefNear {
    /// The reference region nearest for the most people (index into the file's regions).
    pub nearest: usize,
    /// Population-weighted mean distance to the nearest reference region, km.
    pub mean_km: f64,
}

/// For each country cell list, the nearest of the `live` reference regions.
/// `cells` are the gazetteer's `(lat, lon, people)`.
pub fn nearest_reference(
    reference: &Reference,
    live: &[usize],
    cells: &[(f64, f64, f64)],
) -> Option<RefNear> {
    let placed: Vec<(usize, (f64, f64))> = live
        .iter()
        .filter_map(|&i| reference.regions[i].place().map(|p| (i, p)))
        .collect();
    if placed.is_empty() {
        return None;
    }
    let units: Vec<[f64; 3]> = placed.iter().map(|&(_, p)| unit(p)).collect();
    let mut served: BTreeMap<usize, f64> = BTreeMap::new();
    let (mut people, mut km) = (0.0, 0.0);
    for &(lat, lon, pop) in cells.iter().filter(|c| c.2 > 0.0) {
        let k = nearest(unit((lat, lon)), &units)?;
        *served.entry(k).or_default() += pop;
        people += pop;
        km += great_circle_km((lat, lon), placed[k].1) * pop;
    }
    if people <= 0.0 {
        return None;
    }
    let best = served
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map_or(0, |(&k, _)| k);
    Some(RefNear {
        nearest: placed[best].0,
        mean_km: km / people,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn item(kind: &str, date: &str, says: &str) -> String {
        format!(r#"{{"kind":"{kind}","date":"{date}","says":"{says}","source":"s1"}}"#)
    }

    fn file(regions: &[String]) -> String {
        format!(
            r#"{{"schema":1,"version":"2026-12-05","title":"t","license":"l","generated":"g",
            "providers":[{{"id":"aws","name":"Amazon Web Services","short":"AWS","home":"US"}}],
            "sources":[{{"id":"s1","url":"https://example.com/a"}}],
            "regions":[{}]}}"#,
            regions.join(",")
        )
    }

    fn region(
        code: &str,
        iso: &str,
        place: &str,
        status: &str,
        conf: &str,
        ev: &[String],
    ) -> String {
        let checked = ev
            .iter()
            .map(|e| e.split("\"date\":\"").nth(1).unwrap()[..10].to_string())
            .max()
            .unwrap_or_default();
        format!(
            r#"{{"id":"aws:{code}","provider":"aws","code":"{code}","name":"N","iso2":"{iso}","country":"C"{place},
            "status":"{status}","confidence":"{conf}","checked":"{checked}","evidence":[{}]}}"#,
            ev.join(",")
        )
    }

    #[test]
    fn a_region_without_a_place_is_kept_and_counted_as_unplaced() {
        let text = file(&[
            region(
                "us-east-1",
                "US",
                r#","lat":39.0,"lon":-77.5,"city":"Ashburn""#,
                "live",
                "high",
                &[
                    item("listing", "2015-01-02", "listed"),
                    item("table", "2026-01-01", "live"),
                ],
            ),
            region(
                "xx-1",
                "DE",
                "",
                "live",
                "high",
                &[
                    item("listing", "2024-01-02", "listed"),
                    item("table", "2026-01-01", "live"),
                ],
            ),
        ]);
        let loaded = parse_reference(&text).unwrap();
        assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
        let r = &loaded.reference;
        assert_eq!(r.regions.len(), 2);
        let s = &r.stats(None)[0];
        assert_eq!((s.live, s.abroad, s.unplaced), (2, 1, 1));
        // As of 2020 only the region listed by then counts.
        assert_eq!(r.live(Some(2020)), vec![0]);
        let g = &r.growth(2023, 2025)[0];
        assert_eq!((g.counts.clone(), g.by_listing), (vec![0, 1, 1], 1));
        // Drawn from its earliest dated region (2015, before the chart's years).
        assert_eq!(g.from, 2023);
        assert_eq!(r.growth(2010, 2025)[0].from, 2015);
    }

    #[test]
    fn a_status_its_evidence_does_not_make_is_left_out_with_the_reason() {
        let text = file(&[region(
            "us-east-1",
            "US",
            "",
            "live",
            "low",
            &[item("listing", "2015-01-02", "listed")],
        )]);
        let loaded = parse_reference(&text).unwrap();
        assert!(loaded.reference.regions.is_empty());
        assert!(
            loaded.skipped[0].reason.contains("evidence makes it"),
            "{:?}",
            loaded.skipped
        );
    }

    #[test]
    fn hostile_frames_are_named_not_panicked_on() {
        for bad in [
            "",
            "[]",
            "{}",
            r#"{"schema":2,"version":"x","title":"t","license":"l","generated":"g","providers":[]}"#,
            r#"{"schema":1,"version":"a b","title":"t","license":"l","generated":"g","providers":[]}"#,
            r#"{"schema":1,"version":"v","title":"t","license":"l","generated":"g","providers":[]}"#,
        ] {
            assert!(parse_reference(bad).is_err(), "{bad}");
        }
        let off = file(&[region(
            "us-east-1",
            "US",
            r#","lat":139.0,"lon":-77.5"#,
            "live",
            "high",
            &[
                item("listing", "2015-01-02", "listed"),
                item("table", "2026-01-01", "live"),
            ],
        )]);
        assert_eq!(parse_reference(&off).unwrap().skipped.len(), 1);
    }

    #[test]
    fn the_nearest_reference_region_is_the_one_nearest_most_people() {
        let text = file(&[
            region(
                "a",
                "US",
                r#","lat":0.0,"lon":0.0"#,
                "live",
                "high",
                &[
                    item("listing", "2015-01-02", "listed"),
                    item("table", "2026-01-01", "live"),
                ],
            ),
            region(
                "b",
                "US",
                r#","lat":0.0,"lon":10.0"#,
                "live",
                "high",
                &[
                    item("listing", "2015-01-02", "listed"),
                    item("table", "2026-01-01", "live"),
                ],
            ),
        ]);
        let r = parse_reference(&text).unwrap().reference;
        let near =
            nearest_reference(&r, &r.live(None), &[(0.0, 9.0, 5.0), (0.0, 1.0, 1.0)]).unwrap();
        assert_eq!(near.nearest, 1);
        assert!(
            near.mean_km > 100.0 && near.mean_km < 200.0,
            "{}",
            near.mean_km
        );
    }
}
