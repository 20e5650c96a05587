//! The native part of the benchmark (run by `scripts/bench.sh`, not by the test run):
//! parse, index, filter and aggregate synthetic datasets of 500, 10,000 and
//! 100,000 events, and print a table of milliseconds. With `BENCH_DATA_DIR`
//! set it also writes the synthetic datasets for the browser benchmark.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::aggregate::{compare, growth};
use cloud_atlas::core::filter::{select, Catalog};
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::core::query::{from_query, parse_pairs};
use cloud_atlas::present::words::summary;
use serde_json::Value;
use std::time::Instant;

/// A deterministic dataset with `n` events: the shipped regions and sources, and the
/// shipped events repeated with new ids, shifted years and rotated kinds.
fn synthetic(n: usize) -> String {
    let mut doc: Value = serde_json::from_str(include_str!("../public/data/atlas.json")).unwrap();
    let base = doc["events"].as_array().unwrap().clone();
    let kinds = [
        "region_launch",
        "datacenter_launch",
        "announcement",
        "investment",
        "partnership",
        "closure",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let events: Vec<Value> = (0..n)
        .map(|i| {
            let mut e = base[i % base.len()].clone();
            if i >= base.len() {
                e["id"] = Value::String(format!("synthetic-{i}"));
                e["region"] = Value::Null;
                // A copy keeps no promise link: its kind and date are new, so the link the
                // loader checks (an announcement, not dated after its launches) would not hold.
                if let Some(e) = e.as_object_mut() {
                    e.remove("promise");
                    e.remove("delivered_by");
                }
                let year = 2009 + (next() % 18) as u16;
                e["date"] = Value::String(format!("{year}-{:02}", 1 + next() % 12));
                if e["provider"] != "market" {
                    e["kind"] = Value::String(kinds[(next() % 6) as usize].into());
                }
            }
            e
        })
        .collect();
    doc["events"] = Value::Array(events);
    doc.to_string()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[test]
#[ignore = "benchmark: run by scripts/bench.sh"]
fn filter_and_aggregate_speed() {
    let queries = [
        "",
        "provider=tencent",
        "area=apac",
        "country=SG,JP",
        "from=2018&to=2022",
        "kind=investment",
        "q=data",
        "provider=alibaba&area=eu&kind=closure,region_launch",
        "status=retired",
        "q=singapore&from=2015",
    ];
    println!("| events | JSON MB | parse ms | index ms | filter ms (median of 20) | summary+compare+growth ms |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for n in [500, 10_000, 100_000] {
        let text = synthetic(n);
        if let Some(dir) = std::env::var_os("BENCH_DATA_DIR") {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(
                std::path::Path::new(&dir).join(format!("atlas-{n}.json")),
                &text,
            )
            .unwrap();
        }
        let t = Instant::now();
        let loaded = parse_dataset(&text).unwrap();
        let parse = t.elapsed().as_secs_f64() * 1e3;
        assert!(
            loaded.skipped.is_empty(),
            "{:?}",
            &loaded.skipped[..loaded.skipped.len().min(3)]
        );
        let t = Instant::now();
        let cat = Catalog::new(loaded.dataset);
        let index = t.elapsed().as_secs_f64() * 1e3;
        let mut filter = vec![];
        let mut aggregate = vec![];
        for k in 0..20 {
            let (f, _) = from_query(&parse_pairs(queries[k % queries.len()]));
            let t = Instant::now();
            let s = select(&cat, &f);
            filter.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            let _ = (summary(&cat, &s), compare(&cat, &s, None), growth(&cat, &s));
            aggregate.push(t.elapsed().as_secs_f64() * 1e3);
        }
        println!(
            "| {n} | {:.1} | {parse:.1} | {index:.1} | {:.2} | {:.2} |",
            text.len() as f64 / 1e6,
            median(filter),
            median(aggregate)
        );
    }
}

/// The coverage view's figures on the shipped dataset and gazetteer (every country's
/// population cells against every live region), median of 9 builds.
#[test]
#[ignore = "benchmark: run by scripts/bench.sh"]
fn coverage_speed() {
    use cloud_atlas::core::coverage::Coverage;
    use cloud_atlas::core::reach::People;
    let loaded = parse_dataset(include_str!("../public/data/atlas.json")).unwrap();
    let people: People = serde_json::from_str(include_str!("../public/geo/people.json")).unwrap();
    let cells: usize = people.countries.values().map(Vec::len).sum();
    let cat = Catalog::new(loaded.dataset);
    let sel = select(&cat, &Default::default());
    let times: Vec<f64> = (0..9)
        .map(|_| {
            let t = Instant::now();
            let cov = Coverage::build(&cat, &sel, &people, None);
            assert!(!cov.rows.is_empty());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    println!(
        "| coverage view, shipped data | regions | gazetteer cells | build ms (median of 9) |"
    );
    println!("|---|---:|---:|---:|");
    println!(
        "| all providers, today | {} | {cells} | {:.2} |",
        sel.regions.len(),
        median(times)
    );
    // With the reference layer: the same, then every country against the nearest of
    // the hyperscalers' live regions (`shade=ref`), and the file's own parse.
    let text = include_str!("../public/data/reference.json");
    let parse: Vec<f64> = (0..9)
        .map(|_| {
            let t = Instant::now();
            let r = cloud_atlas::core::reference::parse_reference(text).unwrap();
            assert!(r.skipped.is_empty());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let reference = cloud_atlas::core::reference::parse_reference(text)
        .unwrap()
        .reference;
    let home = cloud_atlas::core::coverage::home_countries(&cat.data);
    for (label, year) in [("today", None), ("as of 2020", Some(2020))] {
        let times: Vec<f64> = (0..9)
            .map(|_| {
                let t = Instant::now();
                let mut cov = Coverage::build(&cat, &sel, &people, year);
                cov.against(&reference, &people, &home);
                assert!(cov.versus.is_some());
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        println!(
            "| all providers and the reference layer ({} regions), {label} | {} | {cells} | {:.2} |",
            reference.regions.len(),
            sel.regions.len(),
            median(times)
        );
    }
    println!(
        "| parse reference.json ({} KB) | — | — | {:.2} |",
        text.len() / 1000,
        median(parse)
    );
}
