//! Native tests of the CSV and JSON downloads.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::filter::{select, Catalog};
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::core::query::Filters;
use cloud_atlas::present::export::{events_csv, json, regions_csv, xml_escape, Provenance};
use serde_json::json as j;

fn catalog(mutate: impl FnOnce(&mut serde_json::Value)) -> Catalog {
    let mut doc: serde_json::Value =
        serde_json::from_str(include_str!("data/fixtures/small.json")).unwrap();
    mutate(&mut doc);
    Catalog::new(parse_dataset(&doc.to_string()).unwrap().dataset)
}

fn prov() -> Provenance {
    Provenance {
        permalink: "https://host/atlas/?area=latam&d=2026-01-01".into(),
        version: "2026-01-01".into(),
        license: "CC0".into(),
        title: "Regions in Latin America".into(),
        accessed: "2026-11-28".into(),
    }
}

/// The `csv` crate reads the writer's output back: an independent RFC 4180 reader is the
/// oracle, not one written next to the writer. The provenance line is one cell, so rows vary
/// in length (`flexible`).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').expect("UTF-8 BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_round_trips_quotes_commas_newlines_and_unicode() {
    let cat = catalog(|d| {
        d["regions"][0]["name"] = j!("Mexico, \"Querétaro\"\nzone");
        d["regions"][0]["note"] = j!("=HYPERLINK(\"http://evil\")");
        d["regions"][1]["note"] = j!("-1+1");
    });
    let sel = select(&cat, &Filters::default());
    let text = regions_csv(&cat, &sel, &prov());
    assert!(text.starts_with('\u{FEFF}'), "UTF-8 BOM");
    assert!(text.contains("\r\n"));
    let rows = parse_csv(&text);
    assert!(rows[0][0].starts_with("# Cloud Atlas regions · dataset 2026-01-01 · licence: CC0 · view: https://host/atlas/?area=latam&d=2026-01-01"));
    // The citation, one field: it holds commas, so it is quoted, and reads back whole.
    assert_eq!(rows[1].len(), 1);
    assert!(rows[1][0].starts_with("# Cite as: Cloud Atlas (2026). Regions in Latin America [dataset version 2026-01-01]. https://host/atlas/?area=latam&d=2026-01-01 (accessed 28 Nov 2026)."), "{}", rows[1][0]);
    let rows = &rows[1..];
    assert_eq!(rows[1][3], "name");
    assert_eq!(rows.len(), 2 + 3);
    assert_eq!(rows[2][3], "Mexico, \"Querétaro\"\nzone");
    assert_eq!(
        rows[2][20], "'=HYPERLINK(\"http://evil\")",
        "formula neutralised"
    );
    assert_eq!(rows[3][20], "'-1+1");
    assert_eq!(
        rows[2][9], "-100.39",
        "numbers stay numbers, minus sign included"
    );
    assert_eq!(rows[2][19], "https://example.org/a");
}

#[test]
fn events_csv_and_json_hold_exactly_the_selection() {
    let cat = catalog(|_| {});
    let mut f = Filters::default();
    f.providers.insert("market".into());
    let sel = select(&cat, &f);
    let rows = parse_csv(&events_csv(&cat, &sel, &prov()));
    assert_eq!(rows.len(), 3 + 1);
    assert_eq!(rows[3][0], "e2");
    assert_eq!(rows[3][9], "321300000000");
    let doc: serde_json::Value = serde_json::from_str(&json(&cat, &sel, &prov())).unwrap();
    assert_eq!(
        doc["permalink"],
        "https://host/atlas/?area=latam&d=2026-01-01"
    );
    assert!(doc["citation"]["text"]
        .as_str()
        .unwrap()
        .contains("https://host/atlas/?area=latam&d=2026-01-01"));
    assert!(doc["citation"]["bibtex"]
        .as_str()
        .unwrap()
        .starts_with("@misc{cloudatlas-20260101,"));
    assert_eq!(doc["regions"].as_array().unwrap().len(), 0);
    assert_eq!(doc["events"][0]["id"], "e2");
    assert_eq!(
        doc["sources"].as_array().unwrap().len(),
        1,
        "only the cited sources"
    );
}

#[test]
fn xml_text_is_escaped() {
    assert_eq!(
        xml_escape("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;"
    );
}

#[test]
fn map_svg_is_self_contained_and_escaped() {
    use cloud_atlas::core::geo::{Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
    let cat = catalog(|d| d["regions"][0]["name"] = j!("<script>alert(1)</script>"));
    let sel = select(&cat, &Filters::default());
    let shapes: Shapes = serde_json::from_str(include_str!("../public/geo/world.json")).unwrap();
    let frame = Zoom::World.frame(&cat.data, &WORLD, MAP_WIDTH, MAP_HEIGHT);
    let svg = cloud_atlas::present::export::map_svg(
        &cat,
        &sel,
        &shapes,
        frame,
        None,
        &["Cloud Atlas".into(), "https://host/?a=1&b=2".into()],
    );
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(!svg.contains("<script"), "record text is escaped");
    assert!(svg.contains("&lt;script&gt;"));
    assert!(svg.contains("https://host/?a=1&amp;b=2"));
    assert!(!svg.contains("href"), "nothing is fetched");
    // One marker per region, outlined in its provider's colour from the dataset.
    for p in &cat.data.providers {
        let regions = sel
            .regions
            .iter()
            .filter(|&&i| cat.data.regions[i].provider == p.id)
            .count();
        let stroke = format!("stroke=\"{}\" stroke-width", p.color);
        assert_eq!(svg.matches(&stroke).count(), regions, "{}", p.id);
    }
    assert!(!svg.contains("class="), "no stylesheet to depend on");
}

/// The exported timeline is the page's layout with colours written out: the same marks
/// in the same places, nothing scraped from a page and no stylesheet.
#[test]
fn timeline_svg_draws_the_charts_layout() {
    use cloud_atlas::core::timeline::{layout, LaneBody};
    let cat = catalog(|d| d["events"][0]["title"] = j!("<b>\"&'"));
    let sel = select(&cat, &Filters::default());
    let svg = cloud_atlas::present::export::timeline_svg(&cat, &sel, &["Cloud Atlas".into()]);
    let (live, _) = cloud_atlas::present::markup::timeline::chart(&cat, &sel, None);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(!svg.contains("class=") && !svg.contains("<style"));
    assert!(svg.contains("&lt;b&gt;&quot;&amp;&apos;"));
    let marks: Vec<String> = layout(&cat, &sel)
        .lanes
        .iter()
        .flat_map(|l| match &l.body {
            LaneBody::Marks(m) => m.clone(),
            LaneBody::Bins { .. } => vec![],
        })
        .map(|m| {
            let e = &cat.data.events[m.event];
            cloud_atlas::present::markup::timeline::mark_path(e.kind, (m.x0 + m.x1) / 2.0, m.y, m.r)
        })
        .collect();
    assert_eq!(marks.len(), sel.events.len());
    for d in &marks {
        let attr = format!("d=\"{d}\"");
        assert!(svg.contains(&attr), "exported mark {d}");
        assert!(live.contains(&attr), "live mark {d}");
    }
    for p in &cat.data.providers {
        let has_events = sel
            .events
            .iter()
            .any(|&i| cat.data.events[i].provider == p.id);
        assert_eq!(
            svg.contains(&format!("=\"{}\"", p.color)),
            has_events,
            "{} colour written out",
            p.id
        );
    }
}
