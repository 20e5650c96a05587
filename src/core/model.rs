//! The typed dataset: what `public/data/atlas.json` holds once validated.
//!
//! These types are the public contract of the file (schema 1). Unknown extra
//! fields are ignored on read so that newer files still load.

use super::date::PartialDate;
use serde::{Deserialize, Serialize};

/// The one schema number this build reads.
pub const SCHEMA: u32 = 1;

/// The id industry-wide figures use in place of a provider.
pub const MARKET: &str = "market";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    RegionLaunch,
    DatacenterLaunch,
    Announcement,
    Investment,
    Partnership,
    Closure,
    MarketFigure,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::RegionLaunch,
        Kind::DatacenterLaunch,
        Kind::Announcement,
        Kind::Investment,
        Kind::Partnership,
        Kind::Closure,
        Kind::MarketFigure,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::RegionLaunch => "region_launch",
            Kind::DatacenterLaunch => "datacenter_launch",
            Kind::Announcement => "announcement",
            Kind::Investment => "investment",
            Kind::Partnership => "partnership",
            Kind::Closure => "closure",
            Kind::MarketFigure => "market_figure",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Live,
    /// Named by an API, SDK or Terraform provider (or a third party) only: the region
    /// exists, but neither a launch report nor the provider's own table confirms it
    /// is open (see [`super::evidence`]).
    Listed,
    Announced,
    Retired,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Live,
        Status::Listed,
        Status::Announced,
        Status::Retired,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Status::Live => "live",
            Status::Listed => "listed",
            Status::Announced => "announced",
            Status::Retired => "retired",
        }
    }

    /// Not (yet) shown to be open: announced, or listed by code only. Such a region
    /// counts as neither live nor retired, and the map shades its country apart.
    pub fn is_prospective(self) -> bool {
        matches!(self, Status::Listed | Status::Announced)
    }
}

/// How sure the research is of a record as a whole; the note says which field is weak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// A provider: everything the page shows of it comes from this record, so a new
/// provider is a dataset change only (see the README, "Adding a provider or an area").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provider {
    pub id: String,
    pub name: String,
    /// A short name for tight places ("Alibaba only" in the map legend); defaults to `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// The provider's own Chinese name ("阿里云"); without one the Chinese page shows `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// The short Chinese name; defaults to `name_zh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_zh: Option<String>,
    /// `#rrggbb` on the light theme; the loader checks its contrast.
    pub color: String,
    /// `#rrggbb` on the dark theme; defaults to `color`, and is checked the same way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color_dark: Option<String>,
    /// The shape of its map markers and chips, so colour is never the only cue. The
    /// loader gives a provider without one the first shape no other provider uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marker: Option<Marker>,
    /// Whether a link without a `provider` key compares it: the product's own question
    /// is Alibaba Cloud against Tencent Cloud, so a third provider joins with
    /// `"default": false` and is one chip away. Absent: it is compared by default.
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub default: bool,
}

fn yes() -> bool {
    true
}

fn is_yes(b: &bool) -> bool {
    *b
}

impl Provider {
    pub fn short_name(&self) -> &str {
        self.short.as_deref().unwrap_or(&self.name)
    }

    pub fn dark(&self) -> &str {
        self.color_dark.as_deref().unwrap_or(&self.color)
    }

    pub fn shape(&self) -> Marker {
        self.marker.unwrap_or_default()
    }
}

/// Marker shapes, in the order the loader hands them out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Marker {
    #[default]
    Circle,
    Diamond,
    Triangle,
    Square,
    Hexagon,
    Star,
    Pentagon,
    Cross,
}

impl Marker {
    pub const ALL: [Marker; 8] = [
        Marker::Circle,
        Marker::Diamond,
        Marker::Triangle,
        Marker::Square,
        Marker::Hexagon,
        Marker::Star,
        Marker::Pentagon,
        Marker::Cross,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Marker::Circle => "circle",
            Marker::Diamond => "diamond",
            Marker::Triangle => "triangle",
            Marker::Square => "square",
            Marker::Hexagon => "hexagon",
            Marker::Star => "star",
            Marker::Pentagon => "pentagon",
            Marker::Cross => "cross",
        }
    }
}

/// An area: a filter option, a zoom preset and a row of the head-to-head table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Area {
    pub id: String,
    pub name: String,
    /// How the name reads inside a sentence ("the Middle East"); defaults to `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
    /// The Chinese name, in the providers' own terms ("中国内地", "亚太"); Chinese needs no
    /// article, so it serves in sentences too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// The providers' home market: growth "abroad" leaves its regions out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub home: bool,
    /// The map frame of its zoom preset, `[west, south, east, north]` in degrees;
    /// without one the frame is fitted around the area's regions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<[f64; 4]>,
    /// Countries (ISO alpha-2) that belong to this area. Needed for a country with
    /// events but no region (its area cannot be read from a region); a region in a
    /// listed country must name this area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
}

impl Area {
    pub fn phrase(&self) -> &str {
        self.phrase.as_deref().unwrap_or(&self.name)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl Source {
    /// The host the link goes to ("www.reuters.com"), shown beside the publisher so a
    /// reader sees where a link leads before following it; the loader keeps only
    /// sources that have one.
    pub fn host(&self) -> &str {
        super::text::url_host(&self.url).unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub id: String,
    pub provider: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    pub country: String,
    pub iso2: String,
    pub area: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opened: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zones: Option<u32>,
    pub status: Status,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The region's Chinese name: the provider's own where it publishes one (then
    /// `name_zh_source` names the source), else our rendering of `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// The source (an id in `sources`) that publishes `name_zh`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh_source: Option<String>,
    /// The date of the newest evidence found for the region's status (a provider's
    /// region list, documentation, a launch or closure report), to the precision
    /// known. It says how fresh the status is, not when we looked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<PartialDate>,
    /// The evidence for `status`, by whose rules (`super::evidence::judge`) the status,
    /// the confidence and `checked` follow. Empty in files from before the evidence
    /// model; then the record's own values stand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<super::evidence::Evidence>,
}

impl Region {
    /// What the rules make of the region's evidence (`None` without evidence).
    pub fn verdict(&self) -> Option<super::evidence::Verdict> {
        super::evidence::judge(&self.evidence)
    }

    /// Its evidence disagrees (see `super::evidence`).
    pub fn contested(&self) -> bool {
        self.verdict().is_some_and(|v| v.contested())
    }
}

/// A provider's own announced totals at a date ("87 zones in 29 regions").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footprint {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zones: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub provider: String,
    pub date: PartialDate,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_usd: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_local: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footprint: Option<Footprint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The title in Chinese, written in our own words (not a translation of a source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_zh: Option<String>,
    /// On an announcement: it promised a region or a data centre (see `super::promises`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise: Option<Promise>,
    /// On a promise: the launches that kept it (region ids or region/data-centre launch
    /// event ids of the same provider), as far as the dataset records them. Empty: no
    /// launch on record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delivered_by: Vec<String>,
}

/// What an announcement promised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Promise {
    Region,
    Datacenter,
}

/// A country's or territory's Chinese name, by ISO code. English names come with the
/// records themselves; Chinese ones are kept once here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub iso2: String,
    pub name_zh: String,
}

/// A city's Chinese name, by the English name the records use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct City {
    pub name: String,
    pub name_zh: String,
}

/// A validated dataset. Every reference in it resolves.
///
/// `Deserialize` is for trusted tooling only (the dataset converter reads its
/// hand-kept header as a dataset without records); the app reads files through
/// [`crate::load::parse_dataset`], which validates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub schema: u32,
    pub version: String,
    pub title: String,
    pub license: String,
    pub generated: String,
    pub providers: Vec<Provider>,
    pub areas: Vec<Area>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Country>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cities: Vec<City>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// The change log, oldest edition first; the last is normally this edition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Edition>,
}

/// Which list a logged record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Region,
    Event,
}

/// What an edition did to a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Changed,
    Removed,
}

/// One record's change in an edition, and why. The title is the record's as of
/// that edition, so a removed record can still be named.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordChange {
    pub id: String,
    pub table: Table,
    pub change: ChangeKind,
    /// For `changed`: the fields whose values differ (the file's field names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_zh: Option<String>,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_zh: Option<String>,
}

/// One published edition in the change log: its version (a day), how many
/// records it held, and what it changed against the edition before. The first
/// edition of the log lists no changes (the log starts there).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    pub version: String,
    pub regions: u32,
    pub events: u32,
    #[serde(default)]
    pub records: Vec<RecordChange>,
}

impl Dataset {
    pub fn provider(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id == id)
    }

    /// The source with this id: by binary search, since the loader sorts the sources
    /// by id (this is asked once per table cell); a scan only when that finds nothing,
    /// for a dataset built by trusted tooling in another order.
    pub fn source(&self, id: &str) -> Option<&Source> {
        match self.sources.binary_search_by(|s| s.id.as_str().cmp(id)) {
            Ok(i) => Some(&self.sources[i]),
            Err(_) => self.sources.iter().find(|s| s.id == id),
        }
    }

    /// The display name of a provider id, "Market" for industry-wide records.
    pub fn provider_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.provider_name_in(id, super::lang::Lang::En)
    }

    /// The display name of a provider id in `lang` ("阿里云"; "行业" for the market);
    /// English where the dataset gives no Chinese name.
    pub fn provider_name_in<'a>(&'a self, id: &'a str, lang: super::lang::Lang) -> &'a str {
        use super::lang::Lang;
        match (lang, self.provider(id)) {
            (Lang::Zh, Some(p)) => p.name_zh.as_deref().unwrap_or(&p.name),
            (Lang::En, Some(p)) => &p.name,
            (lang, None) if id == MARKET => lang.pick("Market", "行业"),
            (_, None) => id,
        }
    }
}
