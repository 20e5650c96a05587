//! Reading `atlas.json`: total parsing with the problems named.
//!
//! A document whose frame is broken (not JSON, wrong schema, no provider list)
//! cannot be shown at all and gives a [`LoadError`]. A single bad record is
//! left out and reported as a [`Skipped`], so one typo never blanks the page
//! and nothing disappears without the user being told.

use super::colour::{worst_contrast, Rgb, DARK_BACKGROUNDS, LIGHT_BACKGROUNDS, MIN_CONTRAST};
use super::date::{clip, PartialDate};
use super::model::*;
use super::query::{is_id, is_record_id, is_version};
use super::text::{is_plain_char, url_host};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Why a dataset could not be used at all.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    NotJson(String),
    UnsupportedSchema(String),
    BadHeader(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson(e) => write!(f, "The dataset is not valid JSON ({e})."),
            LoadError::UnsupportedSchema(found) => write!(
                f,
                "The dataset uses schema {found}, but this version of Cloud Atlas reads schema {SCHEMA}."
            ),
            LoadError::BadHeader(e) => write!(f, "The dataset is incomplete: {e}."),
        }
    }
}

impl std::error::Error for LoadError {}

/// One record left out of the loaded dataset, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// "source", "region" or "event".
    pub what: &'static str,
    /// The record's id where it had a readable one, else its position.
    pub id: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.what, self.id, self.reason)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub skipped: Vec<Skipped>,
}

/// The document with each record left as its span of text: the frame is read in one
/// pass and each record on its own, so a bad record is skipped with its reason.
/// (Measured: building a `serde_json::Value` tree first and converting it made the
/// parse about twice as slow.)
#[derive(Deserialize)]
struct Frame<'a> {
    version: String,
    title: String,
    license: String,
    generated: String,
    providers: Vec<Provider>,
    areas: Vec<Area>,
    #[serde(default, borrow)]
    countries: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    cities: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    sources: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    regions: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    events: Vec<&'a RawValue>,
    #[serde(default, borrow)]
    changes: Vec<&'a RawValue>,
}

/// Only the schema number, read before anything else.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    schema: Option<&'a RawValue>,
}

/// A record's id, read only to name a record that is skipped.
#[derive(Deserialize)]
struct IdOnly {
    id: Option<Value>,
}

/// serde_json's message without its " at line L column C": the position is inside
/// one record's text, which would only mislead.
pub(crate) fn reason(e: serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Parses and validates a dataset document.
pub fn parse_dataset(text: &str) -> Result<Loaded, LoadError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| LoadError::NotJson(e.to_string()))?;
    if !text.trim_start().starts_with('{') {
        return Err(LoadError::BadHeader(
            "the top level is not an object".into(),
        ));
    }
    let head: Head = serde_json::from_str(text).map_err(|e| LoadError::BadHeader(reason(e)))?;
    match head
        .schema
        .map(|raw| (raw, serde_json::from_str::<Value>(raw.get())))
    {
        Some((_, Ok(Value::Number(n)))) if n.as_u64() == Some(SCHEMA as u64) => {}
        Some((raw, _)) => return Err(LoadError::UnsupportedSchema(clip(raw.get()))),
        None => return Err(LoadError::BadHeader("it has no \"schema\" number".into())),
    }
    let mut frame: Frame =
        serde_json::from_str(text).map_err(|e| LoadError::BadHeader(reason(e)))?;
    check_header(&mut frame)?;

    let mut skipped = Vec::new();
    let mut ids = HashSet::new();
    let providers: HashSet<&str> = frame.providers.iter().map(|p| p.id.as_str()).collect();
    let areas: HashSet<&str> = frame.areas.iter().map(|a| a.id.as_str()).collect();
    let listed: HashMap<&str, &str> = frame
        .areas
        .iter()
        .flat_map(|a| a.countries.iter().map(|c| (c.as_str(), a.id.as_str())))
        .collect();

    let sources: Vec<Source> = records(&frame.sources, "source", &mut skipped, |s: &Source| {
        if s.id.trim().is_empty() {
            return Err("empty id".into());
        }
        safe_url(&s.url)
    });
    let sources = unique(
        sources,
        |s| &s.id,
        "source",
        &mut HashSet::new(),
        &mut skipped,
    );
    // Sorted by id, so `Dataset::source` finds one by binary search (it is asked per cell).
    let mut sources = sources;
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let source_ids: HashSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let check_sources = |list: &[String]| -> Result<(), String> {
        if list.is_empty() {
            return Err("no source given".into());
        }
        match list.iter().find(|s| !source_ids.contains(s.as_str())) {
            Some(s) => Err(format!("unknown source \"{}\"", clip(s))),
            None => Ok(()),
        }
    };

    let regions: Vec<Region> = records(&frame.regions, "region", &mut skipped, |r: &Region| {
        record_id(&r.id)?;
        known(&providers, &r.provider, "provider")?;
        known(&areas, &r.area, "area")?;
        iso2(&r.iso2)?;
        if let Some(area) = listed.get(r.iso2.as_str()).filter(|a| **a != r.area) {
            return Err(format!(
                "area \"{}\", but the area list puts {} in \"{area}\"",
                clip(&r.area),
                r.iso2
            ));
        }
        if !(r.lat.is_finite() && (-90.0..=90.0).contains(&r.lat)) {
            return Err(format!("latitude {} is outside −90…90", r.lat));
        }
        if !(r.lon.is_finite() && (-180.0..=180.0).contains(&r.lon)) {
            return Err(format!("longitude {} is outside −180…180", r.lon));
        }
        bounded("zones", r.zones, MAX_ZONES)?;
        if r.retired.is_some() && r.status != Status::Retired {
            return Err("has a retirement date but is not retired".into());
        }
        name_field("name_zh", r.name_zh.as_deref())?;
        match (&r.name_zh, &r.name_zh_source) {
            (None, Some(_)) => return Err("has a name_zh_source but no name_zh".into()),
            (_, Some(s)) if !source_ids.contains(s.as_str()) => {
                return Err(format!("unknown name_zh_source \"{}\"", clip(s)))
            }
            _ => {}
        }
        evidence_checked(r, &source_ids)?;
        check_sources(&r.sources)
    });
    let regions = unique(regions, |r| &r.id, "region", &mut ids, &mut skipped);
    let region_ids: HashSet<&str> = regions.iter().map(|r| r.id.as_str()).collect();

    let events: Vec<Event> = records(&frame.events, "event", &mut skipped, |e: &Event| {
        record_id(&e.id)?;
        if e.provider != MARKET {
            known(&providers, &e.provider, "provider")?;
        }
        if let Some(code) = &e.iso2 {
            iso2(code)?;
        }
        for (name, amount) in [
            ("amount_usd", e.amount_usd),
            ("amount_local", e.amount_local),
        ] {
            if let Some(a) = amount {
                if !(a.is_finite() && (0.0..=MAX_AMOUNT).contains(&a)) {
                    return Err(format!(
                        "{name} {a} is not a non-negative number up to {MAX_AMOUNT:e}"
                    ));
                }
            }
        }
        if let Some(fp) = &e.footprint {
            bounded("footprint regions", fp.regions, MAX_FOOTPRINT)?;
            bounded("footprint zones", fp.zones, MAX_FOOTPRINT)?;
        }
        name_field("title_zh", e.title_zh.as_deref())?;
        if let Some(r) = &e.region {
            if !region_ids.contains(r.as_str()) {
                return Err(format!("unknown region \"{}\"", clip(r)));
            }
        }
        check_sources(&e.sources)
    });
    let events = unique(events, |e| &e.id, "event", &mut ids, &mut skipped);
    let events = promises_checked(events, &regions, &mut skipped);

    let countries: Vec<Country> =
        records(&frame.countries, "country", &mut skipped, |c: &Country| {
            iso2(&c.iso2)?;
            name_field("name_zh", Some(&c.name_zh))
        });
    let countries = unique(
        countries,
        |c| &c.iso2,
        "country",
        &mut HashSet::new(),
        &mut skipped,
    );
    let cities: Vec<City> = records(&frame.cities, "city", &mut skipped, |c: &City| {
        name_field("name", Some(&c.name))?;
        name_field("name_zh", Some(&c.name_zh))
    });
    let cities = unique(
        cities,
        |c| &c.name,
        "city",
        &mut HashSet::new(),
        &mut skipped,
    );

    let changes = editions(&frame.changes, &mut skipped);

    Ok(Loaded {
        dataset: Dataset {
            schema: SCHEMA,
            version: frame.version,
            title: frame.title,
            license: frame.license,
            generated: frame.generated,
            providers: frame.providers,
            areas: frame.areas,
            countries,
            cities,
            sources,
            regions,
            events,
            changes,
        },
        skipped,
    })
}

/// The change log's editions: each a day, in strictly ascending order, every
/// logged change with a title and a reason. A bad edition is skipped with its
/// reason like a bad record; the rest of the log stays.
fn editions(raw: &[&RawValue], skipped: &mut Vec<Skipped>) -> Vec<Edition> {
    let parsed: Vec<Edition> = records(raw, "edition", skipped, |e: &Edition| {
        let day = PartialDate::parse(&e.version).map_err(|m| format!("version: {m}"))?;
        if day.day.is_none() {
            return Err(format!("version \"{}\" is not a day", clip(&e.version)));
        }
        for c in &e.records {
            if c.id.trim().is_empty() {
                return Err("a change without a record id".into());
            }
            name_field("title", Some(&c.title))?;
            name_field("reason", Some(&c.reason))?;
            name_field("title_zh", c.title_zh.as_deref())?;
            name_field("reason_zh", c.reason_zh.as_deref())?;
        }
        Ok(())
    });
    let mut out: Vec<Edition> = Vec::with_capacity(parsed.len());
    for e in parsed {
        match out.last() {
            Some(last) if last.version >= e.version => skipped.push(Skipped {
                what: "edition",
                id: e.version.clone(),
                reason: format!("not after the edition before it ({})", last.version),
            }),
            _ => out.push(e),
        }
    }
    out
}

/// The most providers a dataset may declare: the stylesheet has this many colour
/// slots, and there are this many marker shapes (beyond it, colours and shapes
/// could no longer be told apart anyway).
pub const MAX_PROVIDERS: usize = Marker::ALL.len();

/// Checks the provider and area lists, and gives each provider without a marker
/// the first shape nobody uses. A broken header cannot be shown around: the page
/// says what is wrong instead.
fn check_header(frame: &mut Frame<'_>) -> Result<(), LoadError> {
    let bad = |s: String| Err(LoadError::BadHeader(s));
    if !is_version(&frame.version) {
        return bad(format!(
            "its version \"{}\" is not 1–32 letters, digits, '.' and '-' (it names files and links)",
            clip(&frame.version)
        ));
    }
    for (field, value) in [
        ("title", &frame.title),
        ("license", &frame.license),
        ("generated", &frame.generated),
    ] {
        if let Some(c) = value.chars().find(|&c| !is_plain_char(c)) {
            return bad(format!("its {field} {}", unplain(c)));
        }
    }
    // The header's other text (ids and colours have stricter rules of their own below).
    let provider_text = frame.providers.iter().flat_map(|p| {
        [
            ("provider", "name", Some(&p.name)),
            ("provider", "short", p.short.as_ref()),
            ("provider", "name_zh", p.name_zh.as_ref()),
            ("provider", "short_zh", p.short_zh.as_ref()),
        ]
    });
    let area_text = frame.areas.iter().flat_map(|a| {
        [
            ("area", "name", Some(&a.name)),
            ("area", "phrase", a.phrase.as_ref()),
            ("area", "name_zh", a.name_zh.as_ref()),
        ]
    });
    for (what, field, value) in provider_text.chain(area_text) {
        if let Some(c) = value.and_then(|v| v.chars().find(|&c| !is_plain_char(c))) {
            return bad(format!("a {what}'s {field} {}", unplain(c)));
        }
    }
    if frame.providers.is_empty() {
        return bad("the provider list is empty".into());
    }
    if frame.providers.len() > MAX_PROVIDERS {
        return bad(format!(
            "it lists {} providers; at most {MAX_PROVIDERS} can be told apart",
            frame.providers.len()
        ));
    }
    let mut seen = HashSet::new();
    for p in &frame.providers {
        if !seen.insert(p.id.as_str()) || p.id == MARKET || !is_id(&p.id) {
            return bad(format!(
                "provider id \"{}\" is used twice, reserved, or not lower-case letters, digits, - and _",
                clip(&p.id)
            ));
        }
        for (colour, theme, backgrounds) in [
            (p.color.as_str(), "light", &LIGHT_BACKGROUNDS),
            (p.dark(), "dark", &DARK_BACKGROUNDS),
        ] {
            let Some(rgb) = Rgb::parse(colour) else {
                return bad(format!(
                    "provider colour \"{}\" is not #rrggbb",
                    clip(colour)
                ));
            };
            let (ratio, against) = worst_contrast(rgb, backgrounds);
            if ratio < MIN_CONTRAST {
                return bad(format!(
                    "{}'s {theme}-theme colour {colour} has a contrast of {ratio:.2}:1 against {against}; \
                     marks need at least {MIN_CONTRAST}:1 (WCAG 1.4.11)",
                    clip(&p.name)
                ));
            }
        }
    }
    let mut shapes: Vec<Marker> = Vec::new();
    for p in frame.providers.iter().filter_map(|p| p.marker) {
        if shapes.contains(&p) {
            return bad(format!(
                "two providers use the marker \"{}\"; shapes tell providers apart without colour",
                p.id()
            ));
        }
        shapes.push(p);
    }
    for p in frame.providers.iter_mut().filter(|p| p.marker.is_none()) {
        let free = Marker::ALL.into_iter().find(|m| !shapes.contains(m));
        p.marker = free;
        shapes.extend(free);
    }
    for p in &frame.providers {
        for (field, value) in [("name_zh", &p.name_zh), ("short_zh", &p.short_zh)] {
            name_field(field, value.as_deref())
                .map_err(|e| LoadError::BadHeader(format!("provider \"{}\": {e}", clip(&p.id))))?;
        }
    }
    if frame.areas.is_empty() {
        return bad("the area list is empty".into());
    }
    let (mut ids, mut countries) = (HashSet::new(), HashSet::new());
    for a in &frame.areas {
        if !ids.insert(a.id.as_str()) || !is_id(&a.id) {
            return bad(format!(
                "area id \"{}\" is used twice or not lower-case letters, digits, - and _",
                clip(&a.id)
            ));
        }
        if let Some([w, s, e, n]) = a.frame {
            let lon = -180.0..=180.0;
            let lat = -90.0..=90.0;
            if !(lon.contains(&w)
                && lon.contains(&e)
                && lat.contains(&s)
                && lat.contains(&n)
                && w < e
                && s < n)
            {
                return bad(format!(
                    "area \"{}\" has a frame that is not [west, south, east, north] in degrees",
                    clip(&a.id)
                ));
            }
        }
        name_field("name_zh", a.name_zh.as_deref())
            .map_err(|e| LoadError::BadHeader(format!("area \"{}\": {e}", clip(&a.id))))?;
        for c in &a.countries {
            iso2(c).map_err(LoadError::BadHeader)?;
            if !countries.insert(c.as_str()) {
                return bad(format!("country {c} is listed in two areas"));
            }
        }
    }
    Ok(())
}

/// Deserialises each value on its own; a record that fails is skipped, not fatal.
pub(crate) fn records<T: for<'de> Deserialize<'de>>(
    values: &[&RawValue],
    what: &'static str,
    skipped: &mut Vec<Skipped>,
    check: impl Fn(&T) -> Result<(), String>,
) -> Vec<T> {
    let mut out = Vec::with_capacity(values.len());
    for (i, v) in values.iter().enumerate() {
        match plain_text(v.get())
            .and_then(|_| serde_json::from_str::<T>(v.get()).map_err(reason))
            .and_then(|r| check(&r).map(|_| r))
        {
            Ok(r) => out.push(r),
            Err(reason) => {
                let id = serde_json::from_str::<IdOnly>(v.get())
                    .ok()
                    .and_then(|r| r.id)
                    .and_then(|id| id.as_str().map(|s| format!("\"{}\"", clip(s))))
                    .unwrap_or_else(|| format!("#{}", i + 1));
                skipped.push(Skipped { what, id, reason });
            }
        }
    }
    out
}

/// Keeps the first record with each id; ids share one namespace across regions and events
/// because `sel=` in the URL names either.
pub(crate) fn unique<T>(
    items: Vec<T>,
    id: impl Fn(&T) -> &String,
    what: &'static str,
    seen: &mut HashSet<String>,
    skipped: &mut Vec<Skipped>,
) -> Vec<T> {
    items
        .into_iter()
        .filter(|item| {
            let key = id(item);
            if key.trim().is_empty() {
                skipped.push(Skipped {
                    what,
                    id: "\"\"".into(),
                    reason: "empty id".into(),
                });
                false
            } else if seen.insert(key.clone()) {
                true
            } else {
                skipped.push(Skipped {
                    what,
                    id: format!("\"{}\"", clip(key)),
                    reason: "duplicate id".into(),
                });
                false
            }
        })
        .collect()
}

pub(crate) fn known(set: &HashSet<&str>, value: &str, what: &str) -> Result<(), String> {
    if set.contains(value) {
        Ok(())
    } else {
        Err(format!("unknown {what} \"{}\"", clip(value)))
    }
}

/// An optional translated name or title: when given, it has visible text and no
/// control characters (a blank one would show as nothing instead of falling back).
pub(crate) fn name_field(field: &str, value: Option<&str>) -> Result<(), String> {
    match value {
        Some(v) if v.trim().is_empty() => Err(format!("{field} is empty")),
        Some(v) if v.chars().any(|c| c.is_control() || !is_plain_char(c)) => {
            Err(format!("{field} contains a control character"))
        }
        _ => Ok(()),
    }
}

/// The most evidence items a region may carry.
pub const MAX_EVIDENCE: usize = 64;

/// A region's evidence: known sources, and the status, confidence and `checked`
/// date its rules give (`super::evidence::judge`), so no file can assert a status
/// its own evidence does not make.
fn evidence_checked(r: &Region, source_ids: &HashSet<&str>) -> Result<(), String> {
    evidence_agrees(&r.evidence, r.status, r.confidence, r.checked, source_ids)
}

/// The evidence rules for any record with evidence (a region of the dataset or of
/// the reference file, `super::reference`): known sources, plain details, and the
/// status, confidence and `checked` date that `super::evidence::judge` gives.
pub(crate) fn evidence_agrees(
    evidence: &[super::evidence::Evidence],
    status: Status,
    confidence: Confidence,
    checked: Option<PartialDate>,
    source_ids: &HashSet<&str>,
) -> Result<(), String> {
    struct R<'a> {
        evidence: &'a [super::evidence::Evidence],
        status: Status,
        confidence: Confidence,
        checked: Option<PartialDate>,
    }
    impl R<'_> {
        fn verdict(&self) -> Option<super::evidence::Verdict> {
            super::evidence::judge(self.evidence)
        }
    }
    let r = R {
        evidence,
        status,
        confidence,
        checked,
    };
    if r.evidence.len() > MAX_EVIDENCE {
        return Err(format!(
            "{} evidence items, more than {MAX_EVIDENCE}",
            r.evidence.len()
        ));
    }
    if let Some(e) = r
        .evidence
        .iter()
        .find(|e| !source_ids.contains(e.source.as_str()))
    {
        return Err(format!("unknown evidence source \"{}\"", clip(&e.source)));
    }
    for e in r.evidence {
        name_field("evidence detail", e.detail.as_deref())?;
    }
    let Some(v) = r.verdict() else {
        return Ok(());
    };
    if v.status != r.status {
        return Err(format!(
            "status \"{}\", but its evidence makes it \"{}\"",
            r.status.id(),
            v.status.id()
        ));
    }
    if v.confidence != r.confidence {
        return Err(format!(
            "confidence \"{}\", but its evidence grades it \"{}\"",
            r.confidence.id(),
            v.confidence.id()
        ));
    }
    if r.checked != Some(v.newest) {
        return Err(format!(
            "checked {}, but its newest evidence is of {}",
            r.checked
                .map(|d| d.to_string())
                .unwrap_or_else(|| "(none)".into()),
            v.newest
        ));
    }
    Ok(())
}

/// The most availability zones a region may have (the largest today have six).
pub const MAX_ZONES: u32 = 100;
/// The most regions or zones a provider's announced footprint may count.
pub const MAX_FOOTPRINT: u32 = 100_000;
/// The largest amount (in any currency) a record may carry: ten trillion.
pub const MAX_AMOUNT: f64 = 1e13;

fn bounded(field: &str, value: Option<u32>, max: u32) -> Result<(), String> {
    match value {
        Some(v) if v > max => Err(format!("{field} {v} is more than {max}")),
        _ => Ok(()),
    }
}

/// A region's or event's id must be one a link can carry (`sel=`), or its share
/// link, feed entry and Back/Forward would fail.
fn record_id(id: &str) -> Result<(), String> {
    if is_record_id(id) {
        Ok(())
    } else {
        Err(format!(
            "id \"{}\" is not 1–100 printable ASCII characters without spaces, so no link could name it",
            clip(id)
        ))
    }
}

/// How a character that text may not hold is named in a reason.
fn unplain(c: char) -> String {
    format!(
        "contains a control character or non-character (U+{:04X})",
        u32::from(c)
    )
}

/// Every text field of a record holds only [`is_plain_char`] characters, or the
/// record is skipped naming the field. JSON cannot carry a raw control character in
/// a string, so the raw text is scanned for escapes that could decode to one (and
/// raw C1 controls or non-characters); only a record that has one is parsed again
/// to find the field, so the common case costs one pass over its bytes.
pub(crate) fn plain_text(raw: &str) -> Result<(), String> {
    if !suspicious(raw) {
        return Ok(());
    }
    let value: Value = serde_json::from_str(raw).map_err(reason)?;
    match unplain_in(&value, "") {
        Some((field, c)) => Err(format!("{field} {}", unplain(c))),
        None => Ok(()),
    }
}

fn suspicious(raw: &str) -> bool {
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('b' | 'f') => return true,
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    match u32::from_str_radix(&hex, 16).ok() {
                        // Surrogates (emoji come as pairs) are checked exactly.
                        Some(u) if (0xD800..=0xDFFF).contains(&u) => return true,
                        Some(u) if !char::from_u32(u).is_some_and(is_plain_char) => return true,
                        Some(_) => {}
                        None => return true,
                    }
                }
                _ => {}
            }
        } else if !is_plain_char(c) {
            return true;
        }
    }
    false
}

/// The first string (key or value) in `v` holding a character text may not hold: its
/// field path ("title", "sources[2]") and the character.
fn unplain_in(v: &Value, path: &str) -> Option<(String, char)> {
    let name = |p: &str| {
        if p.is_empty() {
            "a key".to_string()
        } else {
            p.to_string()
        }
    };
    match v {
        Value::String(s) => s
            .chars()
            .find(|&c| !is_plain_char(c))
            .map(|c| (name(path), c)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, x)| unplain_in(x, &format!("{path}[{i}]"))),
        Value::Object(map) => map.iter().find_map(|(k, x)| {
            let p = if path.is_empty() {
                clip(k)
            } else {
                format!("{path}.{}", clip(k))
            };
            match k.chars().find(|&c| !is_plain_char(c)) {
                Some(c) => Some((name(path), c)),
                None => unplain_in(x, &p),
            }
        }),
        _ => None,
    }
}

pub(crate) fn iso2(code: &str) -> Result<(), String> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(format!(
            "\"{}\" is not an ISO 3166-1 alpha-2 code",
            clip(code)
        ))
    }
}

/// Only http(s) links with a plain host become links: a `javascript:` or `data:` URL in
/// a hostile file must not, nor one whose text hides where it goes
/// (`https://alibabacloud.com@evil.example/` goes to evil.example).
pub(crate) fn safe_url(url: &str) -> Result<(), String> {
    if url_host(url).is_some() {
        Ok(())
    } else {
        Err(format!(
            "source URL \"{}\" is not an http(s) address with a plain host name (no user name, no spaces)",
            clip(url)
        ))
    }
}

/// A promise is an announcement, and each launch it names is a region (not merely
/// announced, with an opening date) or a region or data-centre launch of the same
/// provider, dated no earlier than the promise. An event that breaks this is skipped
/// with the reason, like any invalid record.
fn promises_checked(
    events: Vec<Event>,
    regions: &[Region],
    skipped: &mut Vec<Skipped>,
) -> Vec<Event> {
    let by_id: HashMap<&str, &Event> = events.iter().map(|e| (e.id.as_str(), e)).collect();
    let region_by_id: HashMap<&str, &Region> = regions.iter().map(|r| (r.id.as_str(), r)).collect();
    let check = |e: &Event| -> Result<(), String> {
        if e.promise.is_none() {
            return if e.delivered_by.is_empty() {
                Ok(())
            } else {
                Err("has delivered_by but no promise".into())
            };
        }
        if e.kind != Kind::Announcement {
            return Err("has a promise but is not an announcement".into());
        }
        for id in &e.delivered_by {
            let launch = by_id.get(id.as_str()).filter(|l| {
                l.provider == e.provider
                    && matches!(l.kind, Kind::RegionLaunch | Kind::DatacenterLaunch)
            });
            let region = region_by_id
                .get(id.as_str())
                .filter(|r| r.provider == e.provider && !r.status.is_prospective());
            let date = match (launch, region.and_then(|r| r.opened)) {
                (Some(l), _) => l.date,
                (None, Some(opened)) => opened,
                _ => {
                    return Err(format!(
                        "delivered_by \"{}\" is not a launch or an opened region of this provider",
                        clip(id)
                    ))
                }
            };
            let before = date.year < e.date.year
                || (date.year == e.date.year
                    && date.month.zip(e.date.month).is_some_and(|(a, b)| a < b));
            if before {
                return Err(format!(
                    "delivered_by \"{}\" is dated before the promise",
                    clip(id)
                ));
            }
        }
        Ok(())
    };
    let verdicts: Vec<Result<(), String>> = events.iter().map(check).collect();
    let mut kept = Vec::with_capacity(events.len());
    for (e, v) in events.into_iter().zip(verdicts) {
        match v {
            Ok(()) => kept.push(e),
            Err(reason) => skipped.push(Skipped {
                what: "event",
                id: clip(&e.id),
                reason,
            }),
        }
    }
    kept
}
