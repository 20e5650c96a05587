//! The gazetteer (`public/geo/people.json`) against the shipped dataset: the reach of
//! each provider's live regions where the answer is plain from a map.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::core::reach::{live_at_end_of, reach, People};

fn load() -> (cloud_atlas::core::model::Dataset, People) {
    let d = parse_dataset(include_str!("../public/data/atlas.json"))
        .unwrap()
        .dataset;
    let people: People = serde_json::from_str(include_str!("../public/geo/people.json")).unwrap();
    (d, people)
}

fn regions(
    d: &cloud_atlas::core::model::Dataset,
    provider: &str,
    year: Option<u16>,
) -> Vec<(f64, f64)> {
    d.regions
        .iter()
        .filter(|r| r.provider == provider && live_at_end_of(r, year))
        .map(|r| (r.lat, r.lon))
        .collect()
}

#[test]
fn every_country_with_a_record_has_people_in_the_gazetteer() {
    let (d, people) = load();
    for r in &d.regions {
        assert!(!people.towns(&r.iso2).is_empty(), "{}", r.iso2);
    }
    let total: f64 = people.countries.values().flatten().map(|c| c.2).sum();
    assert!(total > 2.5e9, "{total}");
}

#[test]
fn reach_where_the_map_makes_it_plain() {
    let (d, people) = load();
    for p in ["alibaba", "tencent"] {
        let live = regions(&d, p, None);
        // A region in the city itself.
        let sg = reach(&people.towns("SG"), &live).unwrap();
        assert_eq!(sg.within_1000, 1.0, "{p} in Singapore");
        assert!(sg.mean_km < 50.0, "{p} in Singapore: {sg:?}");
        // Nigeria: no region of either provider within 2,500 km of Lagos or Abuja.
        let ng = reach(&people.towns("NG"), &live).unwrap();
        assert_eq!(ng.within_1000, 0.0, "{p} in Nigeria: {ng:?}");
        assert!(ng.mean_km > 2500.0, "{p} in Nigeria: {ng:?}");
    }
    // Coverage grows: Mexico before and after Alibaba's Querétaro region (2025).
    let before = reach(&people.towns("MX"), &regions(&d, "alibaba", Some(2024))).unwrap();
    let after = reach(&people.towns("MX"), &regions(&d, "alibaba", Some(2025))).unwrap();
    assert!(
        after.mean_km < before.mean_km / 2.0,
        "{before:?} → {after:?}"
    );
    assert!(after.within_1000 > 0.5, "{after:?}");
}

/// The per-country table: each provider's nearest region for most people, and the
/// "as of the end of `to`" rule applied through the filters.
#[test]
fn coverage_per_country_follows_the_filters_and_the_year() {
    use cloud_atlas::core::coverage::{Coverage, Lead};
    use cloud_atlas::core::filter::{select, Catalog};
    use cloud_atlas::core::query::{from_query, parse_pairs};
    let (d, people) = load();
    let cat = Catalog::new(d);
    let table = |q: &str, year: Option<u16>| {
        let (f, _) = from_query(&parse_pairs(q));
        Coverage::build(&cat, &select(&cat, &f), &people, year)
    };
    let today = table("", None);
    assert_eq!(today.rows.len(), people.countries.len());
    let row = |c: &Coverage, iso: &str| c.rows.iter().find(|r| r.iso2 == iso).unwrap().clone();
    let sa = row(&today, "SA");
    assert_eq!(
        sa.by.iter().flatten().count(),
        2,
        "both providers serve Saudi Arabia"
    );
    for p in sa.by.iter().flatten() {
        assert_eq!(cat.data.regions[p.nearest].iso2, "SA", "{p:?}");
        assert!(p.floor_ms() < 10.0, "{p:?}");
    }
    assert!(matches!(sa.lead(), Lead::Tie(_)), "{:?}", sa.lead());
    // The people within 1,000 km add up to no more than everyone.
    for s in &today.providers {
        assert!(
            s.near_people > 0.5e9 && s.near_people < today.people,
            "{s:?}"
        );
    }
    // One provider only.
    let only = table("provider=tencent", None);
    let t = only
        .providers
        .iter()
        .position(|s| s.id == "tencent")
        .unwrap();
    assert!(only
        .rows
        .iter()
        .all(|r| r.by.iter().enumerate().all(|(k, p)| p.is_none() || k == t)));
    // Mexico at the end of 2024: Alibaba's nearest was in the US; at the end of 2025, Mexico.
    let nearest = |year| {
        let c = table("provider=alibaba", Some(year));
        let r = row(&c, "MX");
        let p = r.by.iter().flatten().next().unwrap();
        cat.data.regions[p.nearest].iso2.clone()
    };
    assert_eq!(nearest(2024), "US");
    assert_eq!(nearest(2025), "MX");
}

#[test]
fn every_gazetteer_country_has_a_name_in_both_languages() {
    let (_, people) = load();
    for iso in people.countries.keys() {
        let (en, zh) = people.names.get(iso).unwrap_or_else(|| panic!("{iso}"));
        assert!(!en.is_empty() && en != iso, "{iso}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{iso}: {zh}"
        );
    }
}
