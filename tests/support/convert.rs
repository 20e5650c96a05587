//! The deterministic converter from the TSV edition to `atlas.json`.
//!
//! Source ids are derived from the URL (FNV-1a) unless `sources.tsv` names
//! one, so they do not change when rows are reordered.
//!
//! Each test binary that includes this module uses only some of its converters.
#![allow(dead_code)]

use cloud_atlas::core::date::PartialDate;
use cloud_atlas::core::evidence::Evidence;
use cloud_atlas::core::model::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

type Row = BTreeMap<String, String>;

fn read_tsv(path: &Path) -> Result<Vec<Row>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split('\t').collect();
    lines
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != header.len() {
                return Err(format!(
                    "{} line {}: {} cells, header has {}",
                    path.display(),
                    i + 2,
                    cells.len(),
                    header.len()
                ));
            }
            Ok(header
                .iter()
                .map(|h| h.to_string())
                .zip(cells.iter().map(|c| c.trim().to_string()))
                .collect())
        })
        .collect()
}

fn opt(row: &Row, key: &str) -> Option<String> {
    row.get(key).filter(|v| !v.is_empty()).cloned()
}

fn req(row: &Row, key: &str) -> Result<String, String> {
    opt(row, key).ok_or_else(|| format!("missing {key} in {row:?}"))
}

fn date(row: &Row, key: &str) -> Result<Option<PartialDate>, String> {
    opt(row, key).map(|d| PartialDate::parse(&d)).transpose()
}

fn num<T: std::str::FromStr>(row: &Row, key: &str) -> Result<Option<T>, String> {
    opt(row, key)
        .map(|v| v.parse::<T>().map_err(|_| format!("{key}: bad number {v}")))
        .transpose()
}

fn list(row: &Row, key: &str) -> Vec<String> {
    opt(row, key)
        .map(|v| {
            v.split(';')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

fn fnv(s: &str) -> String {
    let mut h: u32 = 0x811c9dc5;
    for b in s.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x01000193);
    }
    format!("s-{h:08x}")
}

fn publisher(url: &str) -> String {
    let host = url
        .split("//")
        .nth(1)
        .unwrap_or(url)
        .split('/')
        .next()
        .unwrap_or("");
    let host = host.split(':').next().unwrap_or(host);
    host.trim_start_matches("www.").to_string()
}

struct Sources {
    overrides: BTreeMap<String, Row>,
    used: BTreeMap<String, Source>,
}

impl Sources {
    fn ids(&mut self, row: &Row) -> Vec<String> {
        self.ids_in(row, "sources")
    }

    /// The source ids of the URLs in column `key`.
    fn ids_in(&mut self, row: &Row, key: &str) -> Vec<String> {
        let urls = opt(row, key).unwrap_or_default();
        urls.split_whitespace()
            .map(|url| {
                let source = match self.overrides.get(url) {
                    Some(o) => Source {
                        id: o["id"].clone(),
                        url: url.to_string(),
                        publisher: opt(o, "publisher"),
                        title: opt(o, "title"),
                    },
                    None => Source {
                        id: fnv(url),
                        url: url.to_string(),
                        publisher: Some(publisher(url)),
                        title: None,
                    },
                };
                let id = source.id.clone();
                self.used.entry(id.clone()).or_insert(source);
                id
            })
            .collect()
    }
}

/// The evidence rules (`cloud_atlas::core::evidence`): the row's status, confidence
/// and `checked` must be the ones its evidence makes, an opening date must be a launch
/// report's, and a retirement date a closure's, so neither is asserted without proof.
fn judged(r: &Region) -> Result<(), String> {
    let Some(v) = r.verdict() else {
        return Err(format!("{}: no evidence in evidence.tsv", r.id));
    };
    let want = (v.status, v.confidence, Some(v.newest));
    let have = (r.status, r.confidence, r.checked);
    if want != have {
        return Err(format!(
            "{}: regions.tsv gives status/confidence/checked {have:?}, its evidence makes {want:?}",
            r.id
        ));
    }
    let dates = (
        cloud_atlas::core::evidence::opened(&r.evidence),
        cloud_atlas::core::evidence::retired(&r.evidence),
    );
    if dates != (r.opened, r.retired) {
        return Err(format!(
            "{}: regions.tsv gives opened/retired {:?}, its launch and closure reports {dates:?}",
            r.id,
            (r.opened, r.retired)
        ));
    }
    Ok(())
}

/// `evidence.tsv` by region id; `source` turns a row's URL into its source id.
fn read_evidence(
    dir: &Path,
    source: &mut dyn FnMut(&Row) -> Result<String, String>,
) -> Result<BTreeMap<String, Vec<Evidence>>, String> {
    let mut evidence: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
    for row in read_tsv(&dir.join("evidence.tsv"))? {
        evidence
            .entry(req(&row, "region")?)
            .or_default()
            .push(Evidence {
                kind: serde_json::from_value(Value::String(req(&row, "kind")?))
                    .map_err(|e| format!("evidence kind: {e}"))?,
                date: date(&row, "date")?.ok_or("evidence date")?,
                says: serde_json::from_value(Value::String(req(&row, "says")?))
                    .map_err(|e| format!("evidence says: {e}"))?,
                source: source(&row)?,
                detail: opt(&row, "detail"),
            });
    }
    Ok(evidence)
}

/// Rewrites the columns of `regions.tsv` that follow from `evidence.tsv` (status,
/// confidence, checked, opened, retired) to what the rules make of it: the step
/// of a data update after the evidence is edited (`ATLAS_FIX=1 cargo test --test
/// dataset`); every change it makes still needs its reason in `changes.tsv`.
pub fn fix_regions(dir: &Path) -> Result<(), String> {
    let path = dir.join("regions.tsv");
    let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty")?.split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or(format!("no {name}"))
    };
    let (prov, code) = (col("provider")?, col("code")?);
    let evidence = read_evidence(dir, &mut |_| Ok(String::new()))?;
    let mut out = vec![header.join("\t")];
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let mut cells: Vec<String> = line.split('\t').map(str::to_string).collect();
        let id = format!("{}:{}", cells[prov], cells[code]);
        let items = evidence.get(&id).map(Vec::as_slice).unwrap_or_default();
        if let Some(v) = cloud_atlas::core::evidence::judge(items) {
            let show = |d: Option<PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
            cells[col("status")?] = v.status.id().into();
            cells[col("confidence")?] = v.confidence.id().into();
            cells[col("checked")?] = v.newest.to_string();
            cells[col("opened")?] = show(cloud_atlas::core::evidence::opened(items));
            cells[col("retired")?] = show(cloud_atlas::core::evidence::retired(items));
        }
        out.push(cells.join("\t"));
    }
    std::fs::write(&path, out.join("\n") + "\n").map_err(|e| e.to_string())
}

/// Builds the pretty-printed JSON document (with a trailing newline).
pub fn build(dir: &Path) -> Result<String, String> {
    let meta: Dataset = serde_json::from_str(
        &std::fs::read_to_string(dir.join("meta.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())?;
    let mut sources = Sources {
        overrides: read_tsv(&dir.join("sources.tsv"))?
            .into_iter()
            .map(|r| (r["url"].clone(), r))
            .collect(),
        used: BTreeMap::new(),
    };
    let mut evidence = read_evidence(dir, &mut |row| {
        let url = req(row, "source")?;
        sources.ids_in(row, "source").into_iter().next().ok_or(url)
    })?;
    let mut regions = Vec::new();
    for row in read_tsv(&dir.join("regions.tsv"))? {
        let provider = req(&row, "provider")?;
        let code = req(&row, "code")?;
        regions.push(Region {
            id: format!("{provider}:{code}"),
            provider,
            code: Some(code).filter(|c| !c.starts_with("announced-")),
            name: req(&row, "name")?,
            city: opt(&row, "city"),
            country: req(&row, "country")?,
            iso2: req(&row, "iso2")?,
            area: req(&row, "area")?,
            lat: num(&row, "lat")?.ok_or("lat")?,
            lon: num(&row, "lon")?.ok_or("lon")?,
            opened: date(&row, "opened")?,
            retired: date(&row, "retired")?,
            zones: num(&row, "zones")?,
            status: serde_json::from_value(Value::String(req(&row, "status")?))
                .map_err(|e| e.to_string())?,
            confidence: serde_json::from_value(Value::String(req(&row, "confidence")?))
                .map_err(|e| e.to_string())?,
            sources: sources.ids(&row),
            note: opt(&row, "note"),
            name_zh: opt(&row, "name_zh"),
            name_zh_source: sources.ids_in(&row, "name_zh_source").into_iter().next(),
            checked: date(&row, "checked")?,
            evidence: Vec::new(),
        });
        let r = regions.last_mut().expect("just pushed");
        r.evidence = evidence.remove(&r.id).unwrap_or_default();
        judged(r)?;
    }
    if let Some(id) = evidence.keys().next() {
        return Err(format!(
            "evidence.tsv names {id}, which regions.tsv does not hold"
        ));
    }
    let mut events = Vec::new();
    for row in read_tsv(&dir.join("events.tsv"))? {
        let footprint = match (
            num(&row, "footprint_regions")?,
            num(&row, "footprint_zones")?,
        ) {
            (None, None) => None,
            (regions, zones) => Some(Footprint { regions, zones }),
        };
        events.push(Event {
            id: req(&row, "id")?,
            provider: req(&row, "provider")?,
            date: date(&row, "date")?.ok_or("date")?,
            kind: serde_json::from_value(Value::String(req(&row, "kind")?))
                .map_err(|e| e.to_string())?,
            country: opt(&row, "country"),
            iso2: opt(&row, "iso2"),
            city: opt(&row, "city"),
            region: opt(&row, "region"),
            title: req(&row, "title")?,
            amount_usd: num(&row, "amount_usd")?,
            amount_local: num(&row, "amount_local")?,
            currency: opt(&row, "currency"),
            footprint,
            sectors: list(&row, "sectors"),
            people: list(&row, "people"),
            confidence: serde_json::from_value(Value::String(req(&row, "confidence")?))
                .map_err(|e| e.to_string())?,
            sources: sources.ids(&row),
            note: opt(&row, "note"),
            title_zh: opt(&row, "title_zh"),
            promise: opt(&row, "promise")
                .map(|p| serde_json::from_value(Value::String(p)).map_err(|e| e.to_string()))
                .transpose()?,
            delivered_by: list(&row, "delivered_by"),
        });
    }
    let countries = read_tsv(&dir.join("countries.tsv"))?
        .into_iter()
        .map(|row| {
            Ok(Country {
                iso2: req(&row, "iso2")?,
                name_zh: req(&row, "name_zh")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let cities = read_tsv(&dir.join("cities.tsv"))?
        .into_iter()
        .map(|row| {
            Ok(City {
                name: req(&row, "name")?,
                name_zh: req(&row, "name_zh")?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut doc = Dataset {
        countries,
        cities,
        sources: sources.used.into_values().collect(),
        regions,
        events,
        changes: Vec::new(),
        ..meta
    };
    doc.changes = log(dir, &doc)?;
    // Compact: the file is on every first load, and indentation cost 1.7 KB of it
    // after compression (measured with the reference layer's issue, which needed room).
    let mut text = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// One `changes.tsv` row: why a record changed in an edition. `id` `*` with
/// `fields` gives the reason for every record whose changed fields are all among
/// those (a field added to every region, say); the row naming exactly a record's
/// changed fields wins over a broader one.
struct Reason {
    version: String,
    id: String,
    fields: Vec<String>,
    reason: String,
    reason_zh: Option<String>,
}

/// The records of a document by id, as JSON objects (field by field comparable).
fn by_id(doc: &Value) -> BTreeMap<String, (Table, &serde_json::Map<String, Value>)> {
    let mut out = BTreeMap::new();
    for (key, table) in [("regions", Table::Region), ("events", Table::Event)] {
        for r in doc[key].as_array().into_iter().flatten() {
            if let (Some(id), Some(obj)) = (r["id"].as_str(), r.as_object()) {
                out.insert(id.to_string(), (table, obj));
            }
        }
    }
    out
}

fn title_of(obj: &serde_json::Map<String, Value>, table: Table) -> (String, Option<String>) {
    let (en, zh) = match table {
        Table::Region => ("name", "name_zh"),
        Table::Event => ("title", "title_zh"),
    };
    let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    (text(en).unwrap_or_default(), text(zh))
}

/// The change log: the previous edition's log (or, if it has none, the log starts
/// with it), then this edition's changes against it, each with its reason from
/// `changes.tsv`. Fails when a changed record has no reason, or a reason names a
/// record that did not change, so an update cannot forget to say why.
fn log(dir: &Path, doc: &Dataset) -> Result<Vec<Edition>, String> {
    let path = dir.join("previous.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Ok(Vec::new());
    };
    let prev: Value = serde_json::from_str(&text).map_err(|e| format!("previous.json: {e}"))?;
    let prev_version = prev["version"].as_str().unwrap_or_default().to_string();
    let count = |d: &Value, k: &str| d[k].as_array().map_or(0, |a| a.len() as u32);
    let mut editions: Vec<Edition> = match prev.get("changes") {
        Some(c) => serde_json::from_value(c.clone()).map_err(|e| format!("previous log: {e}"))?,
        None => Vec::new(),
    };
    if editions.is_empty() {
        editions.push(Edition {
            version: prev_version.clone(),
            regions: count(&prev, "regions"),
            events: count(&prev, "events"),
            records: Vec::new(),
        });
    }
    if doc.version <= prev_version {
        return Err(format!(
            "meta.json version {} is not after the previous edition's {prev_version}",
            doc.version
        ));
    }
    let reasons: Vec<Reason> = read_tsv(&dir.join("changes.tsv"))?
        .into_iter()
        .map(|row| {
            Ok(Reason {
                version: req(&row, "version")?,
                id: req(&row, "id")?,
                fields: list(&row, "fields"),
                reason: req(&row, "reason")?,
                reason_zh: opt(&row, "reason_zh"),
            })
        })
        .collect::<Result<_, String>>()?;
    let reasons: Vec<&Reason> = reasons
        .iter()
        .filter(|r| r.version == doc.version)
        .collect();
    let new = serde_json::to_value(doc).map_err(|e| e.to_string())?;
    let (old, now) = (by_id(&prev), by_id(&new));
    let mut records = Vec::new();
    let mut used = vec![false; reasons.len()];
    let ids: std::collections::BTreeSet<&String> = old.keys().chain(now.keys()).collect();
    for id in ids {
        let (change, table, fields, obj) = match (old.get(id), now.get(id)) {
            (None, Some((t, o))) => (ChangeKind::Added, *t, Vec::new(), *o),
            (Some((t, o)), None) => (ChangeKind::Removed, *t, Vec::new(), *o),
            (Some((_, a)), Some((t, b))) => {
                let keys: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
                // An absent field, `null` and `[]` say the same (the file leaves
                // empty optional fields out).
                fn bare(v: &Value) -> Option<Value> {
                    match v {
                        Value::Null => None,
                        Value::Array(a) if a.is_empty() => None,
                        Value::Object(o) => Some(Value::Object(
                            o.iter()
                                .filter_map(|(k, v)| bare(v).map(|v| (k.clone(), v)))
                                .collect(),
                        )),
                        v => Some(v.clone()),
                    }
                }
                let value = |o: &serde_json::Map<String, Value>, k: &str| o.get(k).and_then(bare);
                let fields: Vec<String> = keys
                    .into_iter()
                    .filter(|k| value(a, k) != value(b, k))
                    .cloned()
                    .collect();
                if fields.is_empty() {
                    continue;
                }
                (ChangeKind::Changed, *t, fields, *b)
            }
            (None, None) => continue,
        };
        // A record's own reason, else the wildcard naming exactly its changed fields,
        // else one naming all of them and more.
        let wild = |exact: bool| {
            reasons.iter().position(|r| {
                r.id == "*"
                    && change == ChangeKind::Changed
                    && fields.iter().all(|f| r.fields.contains(f))
                    && (!exact || r.fields.len() == fields.len())
            })
        };
        let found = reasons
            .iter()
            .position(|r| &r.id == id)
            .or_else(|| wild(true))
            .or_else(|| wild(false));
        let Some(k) = found else {
            return Err(format!(
                "{table:?} {id} is {change:?} {fields:?} in {} but changes.tsv gives no reason",
                doc.version
            ));
        };
        used[k] = true;
        let (title, title_zh) = title_of(obj, table);
        records.push(RecordChange {
            id: id.clone(),
            table,
            change,
            fields,
            title,
            title_zh,
            reason: reasons[k].reason.clone(),
            reason_zh: reasons[k].reason_zh.clone(),
        });
    }
    if let Some(k) = used.iter().position(|u| !u) {
        return Err(format!(
            "changes.tsv gives a reason for {} in {}, which did not change",
            reasons[k].id, doc.version
        ));
    }
    records.sort_by(|a, b| (a.change, a.table, &a.id).cmp(&(b.change, b.table, &b.id)));
    editions.push(Edition {
        version: doc.version.clone(),
        regions: doc.regions.len() as u32,
        events: doc.events.len() as u32,
        records,
    });
    Ok(editions)
}

/// The reference file (`public/data/reference.json`) from
/// `tests/data/reference-source/`: `meta.json` (the frame and the providers),
/// `regions.tsv`, `evidence.tsv`, `sources.tsv`, and `places.tsv`, the gazetteer's
/// coordinates for each city (`tests/geo/build-reference.mjs`). Status, confidence,
/// `checked` and `opened` follow from the evidence by the atlas's own rules.
pub fn build_reference(dir: &Path) -> Result<String, String> {
    use cloud_atlas::core::evidence::{judge, opened};
    use cloud_atlas::core::reference::{RefRegion, Reference};
    let meta: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("meta.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| format!("meta.json: {e}"))?;
    let mut sources = Vec::new();
    let mut by_url = BTreeMap::new();
    for row in read_tsv(&dir.join("sources.tsv"))? {
        let (url, id) = (req(&row, "url")?, req(&row, "id")?);
        if by_url.insert(url.clone(), id.clone()).is_some() {
            return Err(format!("sources.tsv: {url} twice"));
        }
        sources.push(Source {
            id,
            url,
            publisher: opt(&row, "publisher"),
            title: opt(&row, "title"),
        });
    }
    sources.sort_by(|a, b| a.id.cmp(&b.id));
    let mut evidence = read_evidence(dir, &mut |row| {
        let url = req(row, "source")?;
        by_url
            .get(&url)
            .cloned()
            .ok_or_else(|| format!("evidence source {url} is not in sources.tsv"))
    })?;
    let mut places = BTreeMap::new();
    for row in read_tsv(&dir.join("places.tsv"))? {
        let key = (
            req(&row, "city")?,
            opt(&row, "admin").unwrap_or_default(),
            req(&row, "iso2")?,
        );
        let lat: f64 = num(&row, "lat")?.ok_or("lat")?;
        let lon: f64 = num(&row, "lon")?.ok_or("lon")?;
        places.insert(key, (lat, lon));
    }
    let mut countries = BTreeMap::new();
    for row in read_tsv(&dir.join("countries.tsv"))? {
        countries.insert(
            req(&row, "iso2")?,
            (req(&row, "name")?, opt(&row, "name_zh")),
        );
    }
    let mut regions = Vec::new();
    for row in read_tsv(&dir.join("regions.tsv"))? {
        let (provider, code) = (req(&row, "provider")?, req(&row, "code")?);
        let id = format!("{provider}:{code}");
        let items = evidence.remove(&id).unwrap_or_default();
        let v = judge(&items).ok_or_else(|| format!("{id}: no evidence"))?;
        let city = opt(&row, "city");
        let place = match &city {
            Some(c) => Some(
                *places
                    .get(&(
                        opt(&row, "place").unwrap_or_else(|| c.clone()),
                        opt(&row, "admin").unwrap_or_default(),
                        req(&row, "iso2")?,
                    ))
                    .ok_or_else(|| {
                        format!(
                            "{id}: {c} is not in places.tsv (node tests/geo/build-reference.mjs)"
                        )
                    })?,
            ),
            None => None,
        };
        let (country, country_zh) = countries
            .get(&req(&row, "iso2")?)
            .cloned()
            .ok_or_else(|| format!("{id}: no country name (node tests/geo/build-reference.mjs)"))?;
        regions.push(RefRegion {
            id,
            provider,
            code,
            name: req(&row, "name")?,
            city_zh: opt(&row, "city_zh").filter(|_| city.is_some()),
            city,
            iso2: req(&row, "iso2")?,
            country,
            country_zh,
            lat: place.map(|p| p.0),
            lon: place.map(|p| p.1),
            opened: opened(&items),
            status: v.status,
            confidence: v.confidence,
            checked: Some(v.newest),
            evidence: items,
            note: opt(&row, "note"),
        });
    }
    if let Some(id) = evidence.keys().next() {
        return Err(format!(
            "evidence for {id}, which regions.tsv does not list"
        ));
    }
    let field = |k: &str| -> Result<String, String> {
        meta.get(k)
            .and_then(Value::as_str)
            .map(String::from)
            .ok_or(format!("meta.json: {k}"))
    };
    let doc = Reference {
        schema: 1,
        version: field("version")?,
        title: field("title")?,
        license: field("license")?,
        generated: field("generated")?,
        providers: serde_json::from_value(meta.get("providers").cloned().unwrap_or_default())
            .map_err(|e| format!("meta.json providers: {e}"))?,
        sources,
        regions,
    };
    let mut text = serde_json::to_string(&doc).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}
