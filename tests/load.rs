//! Native tests of dataset validation: the fixture loads clean, broken
//! documents fail with a named reason, broken records are skipped and counted.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::load::{parse_dataset, LoadError};
use cloud_atlas::core::model::Status;
use proptest::prelude::*;
use serde_json::{json, Value};

const SMALL: &str = include_str!("data/fixtures/small.json");

fn small() -> Value {
    serde_json::from_str(SMALL).unwrap()
}

fn skipped_reasons(doc: &Value) -> Vec<String> {
    parse_dataset(&doc.to_string())
        .unwrap()
        .skipped
        .iter()
        .map(|s| s.to_string())
        .collect()
}

#[test]
fn fixture_loads_clean_and_keeps_what_it_says() {
    let loaded = parse_dataset(SMALL).unwrap();
    assert!(loaded.skipped.is_empty());
    let d = &loaded.dataset;
    assert_eq!(
        (d.regions.len(), d.events.len(), d.sources.len()),
        (3, 2, 2)
    );
    let mumbai = d
        .regions
        .iter()
        .find(|r| r.id == "alibaba:ap-south-1")
        .unwrap();
    assert_eq!(mumbai.status, Status::Retired);
    assert_eq!(mumbai.retired.unwrap().to_string(), "2024-06");
    assert_eq!(d.events[0].footprint.as_ref().unwrap().zones, Some(87));
    assert_eq!(d.provider_name("market"), "Market");
}

#[test]
fn whole_document_failures_name_the_problem() {
    let cases: Vec<(String, &str)> = vec![
        ("{ not json".into(), "not valid JSON"),
        ("[]".into(), "top level is not an object"),
        (json!({"version": "x"}).to_string(), "no \"schema\""),
        (
            {
                let mut d = small();
                d["schema"] = json!(2);
                d.to_string()
            },
            "uses schema 2",
        ),
        (
            {
                let mut d = small();
                d["schema"] = json!("1");
                d.to_string()
            },
            "uses schema \"1\"",
        ),
        (
            {
                let mut d = small();
                d.as_object_mut().unwrap().remove("providers");
                d.to_string()
            },
            "providers",
        ),
        (
            {
                let mut d = small();
                d["providers"] = json!([]);
                d.to_string()
            },
            "provider list is empty",
        ),
        (
            {
                let mut d = small();
                d["providers"][0]["color"] = json!("red;background:url(x)");
                d.to_string()
            },
            "not #rrggbb",
        ),
        (
            {
                let mut d = small();
                d["providers"][0]["color"] = json!("#ffdd00");
                d.to_string()
            },
            "Alibaba Cloud's light-theme colour #ffdd00 has a contrast of 1.",
        ),
        (
            {
                let mut d = small();
                d["providers"][1]["color_dark"] = json!("#1a1a40");
                d.to_string()
            },
            "Tencent Cloud's dark-theme colour #1a1a40 has a contrast of 1.",
        ),
        (
            {
                let mut d = small();
                d["providers"][0]["marker"] = json!("square");
                d["providers"][1]["marker"] = json!("square");
                d.to_string()
            },
            "two providers use the marker \"square\"",
        ),
        (
            {
                let mut d = small();
                let p = d["providers"][0].clone();
                d["providers"] = (0..9)
                    .map(|i| {
                        let mut p = p.clone();
                        p["id"] = json!(format!("p{i}"));
                        p
                    })
                    .collect();
                d.to_string()
            },
            "at most 8 can be told apart",
        ),
        (
            {
                let mut d = small();
                d["providers"][0]["id"] = json!("Ali Baba");
                d.to_string()
            },
            "provider id \"Ali Baba\"",
        ),
        (
            {
                let mut d = small();
                d["areas"][0]["countries"] = json!(["SA"]);
                d["areas"][2]["countries"] = json!(["SA"]);
                d.to_string()
            },
            "country SA is listed in two areas",
        ),
        (
            {
                let mut d = small();
                d["areas"][0]["frame"] = json!([60, 10, 50, 40]);
                d.to_string()
            },
            "not [west, south, east, north]",
        ),
    ];
    for (doc, expected) in cases {
        let err = parse_dataset(&doc).unwrap_err();
        assert!(
            err.to_string().contains(expected),
            "{err} should mention {expected}"
        );
    }
    assert!(matches!(
        parse_dataset("").unwrap_err(),
        LoadError::NotJson(_)
    ));
}

/// A provider without a marker gets the first shape nobody else uses.
#[test]
fn markers_default_to_free_shapes() {
    use cloud_atlas::core::model::Marker;
    let mut d = small();
    d["providers"][1]["marker"] = json!("circle");
    let loaded = parse_dataset(&d.to_string()).unwrap();
    let shapes: Vec<Marker> = loaded.dataset.providers.iter().map(|p| p.shape()).collect();
    assert_eq!(shapes, [Marker::Diamond, Marker::Circle]);
}

/// A region in a country that the area list puts elsewhere is left out, with the reason.
#[test]
fn a_region_must_sit_in_its_countrys_listed_area() {
    let mut d = small();
    d["areas"][0]["countries"] = json!(["SA"]);
    let reasons = skipped_reasons(&d);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert!(
        reasons[0].contains("the area list puts SA in \"apac\""),
        "{reasons:?}"
    );
}

#[test]
fn bad_records_are_skipped_with_reasons() {
    let mut d = small();
    d["regions"][0]["lat"] = json!(95.0);
    d["regions"][1]["provider"] = json!("aws");
    d["events"][1]["id"] = json!("alibaba:ap-south-1"); // collides with a region id
    let reasons = skipped_reasons(&d);
    assert_eq!(reasons.len(), 4, "{reasons:?}"); // e1 also goes: its region was skipped
    assert!(reasons[0].contains("latitude 95"), "{reasons:?}");
    assert!(
        reasons[1].contains("unknown provider \"aws\""),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("unknown region \"alibaba:na-south-1\"")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().any(|r| r.contains("duplicate id")),
        "{reasons:?}"
    );
}

#[test]
fn field_level_problems_each_skip_one_record() {
    let cases: Vec<(&str, usize, &str, Value, &str)> = vec![
        ("regions", 0, "iso2", json!("mx"), "ISO 3166-1"),
        ("regions", 0, "lon", json!(-190.0), "longitude"),
        ("regions", 0, "opened", json!("2025-13"), "not a date"),
        ("regions", 0, "status", json!("open"), "unknown variant"),
        ("regions", 0, "confidence", json!("sure"), "unknown variant"),
        ("regions", 0, "area", json!("mars"), "unknown area"),
        ("regions", 0, "sources", json!([]), "no source"),
        ("regions", 0, "sources", json!(["nope"]), "unknown source"),
        ("regions", 1, "retired", json!("2025"), "not retired"),
        ("regions", 0, "name", json!(null), "invalid type"),
        ("events", 1, "amount_usd", json!(-5), "non-negative"),
        ("events", 1, "kind", json!("merger"), "unknown variant"),
        ("events", 1, "date", json!(2025), "invalid type"),
    ];
    for (list, i, field, value, expected) in cases {
        let mut d = small();
        d[list][i][field] = value;
        let reasons = skipped_reasons(&d);
        assert!(
            reasons.iter().any(|r| r.contains(expected)),
            "{list}[{i}].{field}: {reasons:?}"
        );
    }
}

/// A file that says "live" for a region whose only evidence is an SDK listing showed it
/// as live: the loader leaves such a region out and says why, and keeps one whose
/// status, grade and date are the ones its evidence makes.
#[test]
fn a_status_its_own_evidence_does_not_make_is_left_out_with_the_reason() {
    let listing =
        json!([{"kind": "listing", "date": "2024-05-01", "says": "listed", "source": "s1"}]);
    let mut d = small();
    d["regions"][0]["evidence"] = listing.clone();
    d["regions"][0]["checked"] = json!("2024-05-01");
    let reasons = skipped_reasons(&d);
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("its evidence makes it \"listed\"")),
        "{reasons:?}"
    );
    d["regions"][0]["status"] = json!("listed");
    d["regions"][0]["confidence"] = json!("low");
    d["regions"][0]["opened"] = Value::Null;
    assert!(skipped_reasons(&d).is_empty(), "{:?}", skipped_reasons(&d));
    let loaded = parse_dataset(&d.to_string()).unwrap();
    assert_eq!(loaded.dataset.regions[0].status, Status::Listed);
    // A stale `checked`, an unknown source, or a flood of items each skip the record.
    for (field, value, expected) in [
        ("checked", json!("2020"), "newest evidence"),
        (
            "evidence",
            json!([{"kind": "listing", "date": "2024-05-01", "says": "listed", "source": "nope"}]),
            "unknown evidence source",
        ),
        (
            "evidence",
            Value::Array(vec![listing[0].clone(); 65]),
            "more than 64",
        ),
    ] {
        let mut e = d.clone();
        e["regions"][0][field] = value;
        assert!(
            skipped_reasons(&e).iter().any(|r| r.contains(expected)),
            "{field}: {:?}",
            skipped_reasons(&e)
        );
    }
}

#[test]
fn only_http_sources_survive() {
    let mut d = small();
    d["sources"][1]["url"] = json!("javascript:alert(1)");
    let loaded = parse_dataset(&d.to_string()).unwrap();
    assert!(loaded
        .dataset
        .sources
        .iter()
        .all(|s| s.url.starts_with("https://")));
    let text: Vec<String> = loaded.skipped.iter().map(|s| s.to_string()).collect();
    assert!(text[0].contains("not an http(s) address"), "{text:?}");
    // Records citing it are skipped too, and say why.
    assert!(
        text.iter().any(|t| t.contains("unknown source \"s2\"")),
        "{text:?}"
    );
}

#[test]
fn hostile_text_is_kept_as_text() {
    let mut d = small();
    d["events"][1]["title"] = json!("<script>alert(1)</script><img src=x onerror=alert(2)>");
    let loaded = parse_dataset(&d.to_string()).unwrap();
    assert!(loaded.skipped.is_empty());
    assert!(loaded.dataset.events[1].title.starts_with("<script>"));
}

fn mutate(v: &mut Value, path: &[usize], replacement: &Value) {
    if let Some((&first, rest)) = path.split_first() {
        match v {
            Value::Object(map) if !map.is_empty() => {
                let key = map.keys().nth(first % map.len()).unwrap().clone();
                if rest.is_empty() {
                    map.insert(key, replacement.clone());
                } else {
                    mutate(map.get_mut(&key).unwrap(), rest, replacement);
                }
            }
            Value::Array(items) if !items.is_empty() => {
                let n = items.len();
                if rest.is_empty() {
                    items[first % n] = replacement.clone();
                } else {
                    mutate(&mut items[first % n], rest, replacement);
                }
            }
            _ => *v = replacement.clone(),
        }
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        "\\PC{0,12}".prop_map(Value::String),
        Just(json!([])),
        Just(json!({})),
    ]
}

/// Whatever loads must also index, filter and aggregate without a panic.
fn use_fully(loaded: cloud_atlas::core::load::Loaded) {
    use cloud_atlas::core::{aggregate, filter, query};
    let cat = filter::Catalog::new(loaded.dataset);
    let f = query::Filters::default();
    let sel = filter::select(&cat, &f);
    let _ = cloud_atlas::present::words::summary(&cat, &sel);
    let _ = aggregate::compare(&cat, &sel, None);
    let _ = aggregate::growth(&cat, &sel);
}

// 10,000 documents each: arbitrary text, structured mutations of a valid
// document, and byte-level splices of its text (truncations, insertions).
proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn spliced_text_never_panics(at in 0usize..4096, cut in 0usize..64, insert in "\\PC{0,8}|[\\[\\]{}\",:0-9]{0,4}") {
        let mut text = SMALL.to_string();
        let at = (at % (text.len() + 1)..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let end = (at + cut..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len()).min(text.len());
        text.replace_range(at..end.max(at), &insert);
        if let Ok(loaded) = parse_dataset(&text) {
            use_fully(loaded);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = parse_dataset(&s);
    }

    #[test]
    fn mutated_documents_never_panic(path in proptest::collection::vec(0usize..64, 1..5), value in any_json()) {
        let mut d = small();
        mutate(&mut d, &path, &value);
        if let Ok(loaded) = parse_dataset(&d.to_string()) {
            // Whatever survives is internally consistent.
            let kept = &loaded.dataset;
            for e in &kept.events {
                if let Some(r) = &e.region { prop_assert!(kept.regions.iter().any(|x| &x.id == r)); }
                prop_assert!(e.sources.iter().all(|s| kept.source(s).is_some()));
            }
            // Nothing is dropped silently: every region and event is kept or named as skipped.
            let given = |k: &str| d[k].as_array().map_or(0, Vec::len);
            let skipped = |w: &str| loaded.skipped.iter().filter(|s| s.what == w).count();
            prop_assert_eq!(kept.regions.len() + skipped("region"), given("regions"));
            prop_assert_eq!(kept.events.len() + skipped("event"), given("events"));
            use_fully(loaded);
        }
    }
}

/// Chinese names are validated like the rest: a blank one, a control character, a
/// source that is not in the list, or a source without a name skips its record with
/// the reason; a bad country or city entry skips only that entry.
#[test]
fn bad_chinese_fields_are_skipped_with_reasons() {
    let mut d = small();
    d["regions"][0]["name_zh"] = json!("  ");
    d["regions"][1]["name_zh"] = json!("名称");
    d["regions"][1]["name_zh_source"] = json!("nowhere");
    d["regions"][2]["name_zh_source"] = json!(d["sources"][0]["id"].clone());
    d["events"][0]["title_zh"] = json!("标题\u{7}");
    d["countries"] =
        json!([{ "iso2": "xx", "name_zh": "某国" }, { "iso2": "SA", "name_zh": "沙特阿拉伯" }]);
    d["cities"] =
        json!([{ "name": "Riyadh", "name_zh": "" }, { "name": "Dubai", "name_zh": "迪拜" }]);
    let loaded = parse_dataset(&d.to_string()).unwrap();
    let reasons: Vec<String> = loaded.skipped.iter().map(|s| s.to_string()).collect();
    for want in [
        "name_zh is empty",
        "unknown name_zh_source \"nowhere\"",
        "has a name_zh_source but no name_zh",
        "title_zh contains a control character",
        "is not an ISO 3166-1 alpha-2 code",
    ] {
        assert!(
            reasons.iter().any(|r| r.contains(want)),
            "{want}: {reasons:?}"
        );
    }
    assert_eq!(loaded.dataset.countries.len(), 1);
    assert_eq!(loaded.dataset.cities.len(), 1);
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("city Riyadh") || r.starts_with("city ")),
        "{reasons:?}"
    );
}

/// A promise's links are checked: an announcement only, launches of the same provider
/// that exist and are not dated before the promise. A broken one skips the record.
#[test]
fn promise_links_are_checked() {
    let d = small();
    let events = d["events"].as_array().unwrap();
    let find = |kind: &str| events.iter().position(|e| e["kind"] == kind);
    let Some(a) = find("announcement").or_else(|| find("investment")) else {
        return;
    };
    let cases: Vec<(Value, Value, &str)> = vec![
        (json!("castle"), json!([]), "unknown variant"),
        (json!(null), json!(["x"]), "delivered_by but no promise"),
        (
            json!("region"),
            json!(["no:such-record"]),
            "not a launch or an opened region",
        ),
    ];
    for (promise, by, expected) in cases {
        let mut doc = small();
        doc["events"][a]["kind"] = json!("announcement");
        doc["events"][a]["promise"] = promise;
        doc["events"][a]["delivered_by"] = by;
        let reasons = skipped_reasons(&doc);
        assert!(
            reasons.iter().any(|r| r.contains(expected)),
            "{expected}: {reasons:?}"
        );
    }
    // On anything but an announcement.
    let mut doc = small();
    let other = events
        .iter()
        .position(|e| e["kind"] != "announcement")
        .unwrap();
    doc["events"][other]["promise"] = json!("datacenter");
    assert!(skipped_reasons(&doc)
        .iter()
        .any(|r| r.contains("not an announcement")));
    // A valid promise with no launch on record loads clean.
    let mut doc = small();
    doc["events"][a]["kind"] = json!("announcement");
    doc["events"][a]["promise"] = json!("datacenter");
    assert_eq!(skipped_reasons(&doc), Vec::<String>::new());
}
