//! `public/data/atlas.json` is generated from the TSV edition under
//! `tests/data/atlas-source/`. This test regenerates it and fails when the
//! committed file differs; `ATLAS_WRITE=1 cargo test --test dataset` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cloud_atlas::core::load::parse_dataset;
use std::path::Path;

const OUT: &str = "public/data/atlas.json";

#[test]
fn committed_dataset_matches_its_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("ATLAS_FIX").is_some() {
        support::convert::fix_regions(&root.join("tests/data/atlas-source")).expect("fix");
    }
    let generated =
        support::convert::build(&root.join("tests/data/atlas-source")).expect("source converts");
    let out = root.join(OUT);
    if std::env::var_os("ATLAS_WRITE").is_some() {
        std::fs::write(&out, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        committed == generated,
        "{OUT} is out of date with tests/data/atlas-source; run `ATLAS_WRITE=1 cargo test --test dataset`"
    );
}

#[test]
fn shipped_dataset_validates_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(OUT)).unwrap();
    let loaded = parse_dataset(&text).expect("dataset loads");
    assert!(loaded.skipped.is_empty(), "skipped: {:?}", loaded.skipped);
    // Every row of the TSV edition arrives: none is dropped on the way.
    let rows = |f: &str| {
        std::fs::read_to_string(root.join("tests/data/atlas-source").join(f))
            .unwrap()
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .count()
    };
    assert_eq!(loaded.dataset.regions.len(), rows("regions.tsv"));
    assert_eq!(loaded.dataset.events.len(), rows("events.tsv"));
}

fn shipped() -> cloud_atlas::core::model::Dataset {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(OUT)).unwrap();
    parse_dataset(&text).unwrap().dataset
}

/// Every claim of the seed article is in the dataset and cites the article.
#[test]
fn seed_article_claims_are_present_and_cited() {
    use cloud_atlas::core::model::{Event, Kind};
    let d = shipped();
    let seed = "seed-chinadaily-2025-03";
    assert!(d.source(seed).is_some(), "the seed article is a source");
    let cited = |e: &&Event| e.sources.iter().any(|s| s == seed);
    let find = |pred: &dyn Fn(&Event) -> bool, what: &str| -> Event {
        d.events
            .iter()
            .filter(cited)
            .find(|e| pred(e))
            .unwrap_or_else(|| panic!("seed claim missing: {what}"))
            .clone()
    };

    let mexico = find(
        &|e| e.kind == Kind::RegionLaunch && e.iso2.as_deref() == Some("MX"),
        "Mexico launch",
    );
    assert_eq!(mexico.date.to_string(), "2025-02");
    assert!(mexico.title.contains("first in Latin America"));
    let fp = mexico.footprint.expect("footprint after the Mexico launch");
    assert_eq!((fp.regions, fp.zones), (Some(29), Some(87)));
    assert_eq!(mexico.region.as_deref(), Some("alibaba:na-south-1"));

    let thai2 = find(
        &|e| e.kind == Kind::DatacenterLaunch && e.iso2.as_deref() == Some("TH"),
        "second Thai DC",
    );
    assert_eq!(thai2.date.to_string(), "2025-02");
    assert_eq!(
        thai2.sectors,
        [
            "technology",
            "media",
            "retail",
            "fintech",
            "public services"
        ]
    );
    let thai1 = find(
        &|e| e.kind == Kind::RegionLaunch && e.iso2.as_deref() == Some("TH"),
        "first Thai DC",
    );
    assert_eq!(thai1.date.to_string(), "2022");

    let plan = find(&|e| e.date.to_string() == "2024-05", "May 2024 plan");
    for country in ["Malaysia", "Philippines", "South Korea", "Mexic"] {
        assert!(
            plan.title.contains(country),
            "May 2024 plan names {country}"
        );
    }

    let pledge = find(
        &|e| e.kind == Kind::Investment && e.currency.as_deref() == Some("CNY"),
        "380 bn yuan pledge",
    );
    assert_eq!(pledge.amount_local, Some(380e9));
    assert_eq!(pledge.amount_usd, Some(52.3e9));
    assert!(
        pledge.note.as_deref().unwrap().contains("53.4"),
        "the conversion conflict is recorded"
    );

    let saudi = find(
        &|e| e.provider == "tencent" && e.iso2.as_deref() == Some("SA"),
        "Tencent Saudi DC",
    );
    assert_eq!(saudi.amount_usd, Some(150e6));
    assert_eq!(saudi.sectors.len(), 7);
    assert!(saudi.people.iter().any(|p| p.starts_with("Hu Dan (")));

    let canalys = find(
        &|e| e.kind == Kind::MarketFigure && e.amount_usd == Some(321.3e9),
        "Canalys 2024",
    );
    assert!(canalys.title.contains("+20 %") && canalys.title.contains("+19 %"));

    let people: Vec<&String> = d
        .events
        .iter()
        .filter(cited)
        .flat_map(|e| &e.people)
        .collect();
    for name in ["Selina Yuan (", "Wu Yongming (", "Hu Dan (", "Pan Helin ("] {
        assert!(
            people.iter().any(|p| p.starts_with(name)),
            "{name} is quoted with a title"
        );
    }

    let region = d
        .regions
        .iter()
        .find(|r| r.id == "alibaba:na-south-1")
        .unwrap();
    assert!(region.sources.iter().any(|s| s == seed));
}

/// Contradictions the research found stay visible in the notes.
#[test]
fn contradictions_are_recorded_not_resolved() {
    let d = shipped();
    let note = |id: &str| {
        d.regions
            .iter()
            .find(|r| r.id == id)
            .and_then(|r| r.note.clone())
            .or_else(|| {
                d.events
                    .iter()
                    .find(|e| e.id == id)
                    .and_then(|e| e.note.clone())
            })
            .unwrap_or_else(|| panic!("{id} has a note"))
    };
    assert!(note("tencent:me-saudi-arabia").contains("CONFLICT"));
    assert!(note("alibaba:us-southeast-1").contains("Miami"));
    assert!(note("tencent:ap-tokyo").contains("CONFLICT"));
    assert!(note("tencent:na-toronto").contains("CONFLICT"));
    assert!(note("alibaba-2016-11-region-ae").contains("disagree"));
    // Retired regions carry their retirement date where the research has one.
    for (id, date) in [
        ("alibaba:ap-southeast-2", "2024-09-30"),
        ("alibaba:ap-south-1", "2024-07-15"),
    ] {
        let r = d.regions.iter().find(|r| r.id == id).unwrap();
        assert_eq!(r.retired.map(|x| x.to_string()).as_deref(), Some(date));
    }
}

/// The shipped change log starts with the first logged edition, ends with this one,
/// counts each edition's records, and names every record it says is there now.
#[test]
fn change_log_ends_with_this_edition_and_names_its_records() {
    use cloud_atlas::core::model::{ChangeKind, Table};
    let d = shipped();
    let versions: Vec<&str> = d.changes.iter().map(|e| e.version.as_str()).collect();
    assert_eq!(versions, ["2026-11-26", "2026-11-27", "2026-12-05"]);
    assert!(
        d.changes[0].records.is_empty(),
        "the log starts with an edition"
    );
    let last = d.changes.last().unwrap();
    assert_eq!(last.version, d.version);
    assert_eq!(last.regions as usize, d.regions.len());
    assert_eq!(last.events as usize, d.events.len());
    for c in &last.records {
        let present = match c.table {
            Table::Region => d.regions.iter().any(|r| r.id == c.id),
            Table::Event => d.events.iter().any(|e| e.id == c.id),
        };
        assert_eq!(present, c.change != ChangeKind::Removed, "{}", c.id);
        assert!(!c.reason.is_empty() && c.reason_zh.is_some(), "{}", c.id);
        assert_eq!(
            c.fields.is_empty(),
            c.change != ChangeKind::Changed,
            "{}",
            c.id
        );
    }
    // The 2026-11-27 update's two corrections are in the log with what they changed.
    let nov = &d.changes[1];
    let sa = nov
        .records
        .iter()
        .find(|c| c.id == "alibaba:sa-east-1")
        .unwrap();
    assert!(sa.fields.iter().any(|f| f == "status"), "{:?}", sa.fields);
    let zz = nov
        .records
        .iter()
        .find(|c| c.id == "alibaba:cn-zhengzhou-jva")
        .unwrap();
    assert_eq!(zz.change, ChangeKind::Added);
    // Every region has evidence, and the date of its newest item.
    assert!(d
        .regions
        .iter()
        .all(|r| r.checked.is_some() && !r.evidence.is_empty()));
    // This edition's evidence pass: the regions it downgraded to "listed" say why.
    let listed: Vec<&str> = last
        .records
        .iter()
        .filter(|c| {
            c.fields.iter().any(|f| f == "status")
                && d.regions
                    .iter()
                    .any(|r| r.id == c.id && r.status == cloud_atlas::core::model::Status::Listed)
        })
        .map(|c| c.id.as_str())
        .collect();
    assert!(listed.contains(&"tencent:ap-osaka"), "{listed:?}");
}

/// The converter refuses an edition that changes a record without saying why, and
/// a reason for a record that did not change: the log cannot be forgotten.
#[test]
fn converter_refuses_a_change_without_a_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/atlas-source");
    let dir = std::env::temp_dir().join(format!("atlas-source-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(&root).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    let regions = std::fs::read_to_string(dir.join("regions.tsv")).unwrap();
    // A name, not a status: a status must follow from the evidence, which fails first.
    let edited = regions.replacen("\t2\tlive\t", "\t3\tlive\t", 1);
    assert_ne!(edited, regions);
    std::fs::write(dir.join("regions.tsv"), &edited).unwrap();
    let err = support::convert::build(&dir).unwrap_err();
    assert!(err.contains("gives no reason"), "{err}");
    std::fs::write(dir.join("regions.tsv"), &regions).unwrap();
    let changes = std::fs::read_to_string(dir.join("changes.tsv")).unwrap();
    std::fs::write(
        dir.join("changes.tsv"),
        format!(
            "{changes}{}\talibaba-2009-09-news-cn\t\tno reason\t\n",
            shipped().version
        ),
    )
    .unwrap();
    let err = support::convert::build(&dir).unwrap_err();
    assert!(err.contains("did not change"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The published JSON Schema names the same vocabularies as the Rust model.
#[test]
fn json_schema_agrees_with_the_model() {
    use cloud_atlas::core::model::{Kind, Status};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("public/data/atlas.schema.json")).unwrap(),
    )
    .unwrap();
    let kinds: Vec<&str> = schema["$defs"]["event"]["properties"]["kind"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(kinds, Kind::ALL.map(Kind::id));
    let statuses: Vec<&str> = schema["$defs"]["region"]["properties"]["status"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(statuses, Status::ALL.map(Status::id));
    assert_eq!(schema["properties"]["schema"]["const"], 1);
    use cloud_atlas::core::model::Marker;
    let markers: Vec<&str> = schema["properties"]["providers"]["items"]["properties"]["marker"]
        ["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(markers, Marker::ALL.map(Marker::id));
    assert_eq!(
        schema["properties"]["providers"]["maxItems"],
        cloud_atlas::core::load::MAX_PROVIDERS
    );
}

/// The shipped dataset is complete in Chinese: every provider, area, country, region
/// and event has its Chinese name or title, and every region's Chinese name that is
/// the provider's own names the source it comes from.
#[test]
fn shipped_dataset_is_complete_in_chinese() {
    let d = shipped();
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for p in &d.providers {
        assert!(p.name_zh.as_deref().is_some_and(cjk), "provider {}", p.id);
    }
    for a in &d.areas {
        assert!(a.name_zh.as_deref().is_some_and(cjk), "area {}", a.id);
    }
    let named: std::collections::BTreeSet<&str> =
        d.countries.iter().map(|c| c.iso2.as_str()).collect();
    for iso in d
        .regions
        .iter()
        .map(|r| r.iso2.as_str())
        .chain(d.events.iter().filter_map(|e| e.iso2.as_deref()))
    {
        assert!(named.contains(iso), "country {iso} has no Chinese name");
    }
    for r in &d.regions {
        assert!(r.name_zh.as_deref().is_some_and(cjk), "region {}", r.id);
    }
    let sourced = d
        .regions
        .iter()
        .filter(|r| r.name_zh_source.is_some())
        .count();
    assert!(
        sourced >= 55,
        "only {sourced} regions carry the provider's own Chinese name"
    );
    for e in &d.events {
        assert!(e.title_zh.as_deref().is_some_and(cjk), "event {}", e.id);
    }
    let cities: std::collections::BTreeSet<&str> =
        d.cities.iter().map(|c| c.name.as_str()).collect();
    for c in d
        .regions
        .iter()
        .filter_map(|r| r.city.as_deref())
        .chain(d.events.iter().filter_map(|e| e.city.as_deref()))
    {
        assert!(cities.contains(c), "city {c} has no Chinese name");
    }
}
