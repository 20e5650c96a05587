//! Native tests of filtering and facet counts on the shipped dataset.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::filter::{select, Catalog};
use cloud_atlas::core::lang::Lang;
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::core::model::{Kind, Status};
use cloud_atlas::core::query::{from_query, parse_pairs, Filters};
use proptest::prelude::*;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CAT: OnceLock<Catalog> = OnceLock::new();
    CAT.get_or_init(|| {
        let text = include_str!("../public/data/atlas.json");
        Catalog::new(parse_dataset(text).unwrap().dataset)
    })
}

/// The shipped dataset named in Chinese.
fn catalog_zh() -> &'static Catalog {
    static CAT: OnceLock<Catalog> = OnceLock::new();
    CAT.get_or_init(|| catalog().clone().with_lang(Lang::Zh))
}

fn filters(q: &str) -> Filters {
    let (mut f, issues) = from_query(&parse_pairs(q));
    assert!(issues.is_empty(), "{issues:?}");
    assert!(catalog().reconcile(&mut f).is_empty());
    f
}

fn region_ids(q: &str) -> Vec<String> {
    let cat = catalog();
    select(cat, &filters(q))
        .regions
        .iter()
        .map(|&i| cat.data.regions[i].id.clone())
        .collect()
}

#[test]
fn no_filter_shows_everything() {
    let s = select(catalog(), &Filters::default());
    assert_eq!((s.regions.len(), s.events.len()), (63, 136));
    assert_eq!(catalog().years, (2009, 2026));
}

#[test]
fn provider_filter_and_its_facet_counts() {
    let s = select(catalog(), &filters("provider=tencent"));
    assert_eq!((s.regions.len(), s.events.len()), (25, 39));
    // Facet counts ignore the facet's own filter: what each option would show.
    assert_eq!(s.facets.providers["alibaba"], 38 + 65);
    assert_eq!(s.facets.providers["tencent"], 25 + 39);
    assert_eq!(s.facets.providers["market"], 32);
}

#[test]
fn country_area_and_text_filters() {
    assert_eq!(
        region_ids("country=mx"),
        ["alibaba:na-south-1", "tencent:na-queretaro"]
    );
    assert_eq!(
        region_ids("q=QUERETARO"),
        ["alibaba:na-south-1", "tencent:na-queretaro"]
    );
    assert_eq!(
        region_ids("q=sao+paulo&provider=tencent"),
        ["tencent:sa-saopaulo"]
    );
    let me = region_ids("area=me");
    assert_eq!(
        me,
        [
            "alibaba:me-east-1",
            "alibaba:me-central-1",
            "tencent:me-saudi-arabia"
        ]
    );
    // Events take their area from their country; Bahrain has no region but is Middle East.
    let cat = catalog();
    let s = select(cat, &filters("area=me&provider=tencent"));
    assert!(s
        .events
        .iter()
        .any(|&i| cat.data.events[i].iso2.as_deref() == Some("BH")));
    // People and sectors are searchable.
    let s = select(cat, &filters("q=hu+dan"));
    assert_eq!(s.events.len(), 1);
    let s = select(cat, &filters("q=esports"));
    assert_eq!(s.events.len(), 1);
}

#[test]
fn years_place_regions_in_time() {
    let cat = catalog();
    // The footprint as it stood at the end of 2016: dated regions opened by then.
    let s = select(cat, &filters("to=2016&provider=alibaba"));
    let ids: Vec<&str> = s
        .regions
        .iter()
        .map(|&i| cat.data.regions[i].id.as_str())
        .collect();
    assert!(
        ids.contains(&"alibaba:ap-southeast-2"),
        "Sydney was open in 2016"
    );
    assert!(!ids.contains(&"alibaba:na-south-1"));
    assert!(
        s.undated_hidden > 0,
        "undated mainland regions are counted, not silently dropped"
    );
    // From 2025: Sydney (closed 2024) is gone; Toronto (retired, date unknown) stays.
    let ids = region_ids("from=2025");
    assert!(!ids.contains(&"alibaba:ap-southeast-2".to_string()));
    assert!(ids.contains(&"tencent:na-toronto".to_string()));
    let s = select(cat, &filters("from=2025&to=2025"));
    assert!(s
        .events
        .iter()
        .all(|&i| cat.data.events[i].date.year == 2025));
}

#[test]
fn reconcile_drops_what_the_dataset_cannot_show() {
    let (mut f, _) = from_query(&parse_pairs(
        "provider=aws,tencent&from=1990&to=2030&sel=nope",
    ));
    let issues = catalog().reconcile(&mut f);
    assert_eq!(issues.len(), 2, "{issues:?}");
    assert_eq!(f.providers.iter().collect::<Vec<_>>(), ["tencent"]);
    assert_eq!((f.from, f.to, f.sel), (None, None, None));
}

fn any_filters() -> impl Strategy<Value = Filters> {
    let cat = catalog();
    let countries: Vec<String> = cat.countries.keys().cloned().collect();
    (
        prop::collection::btree_set(
            prop::sample::select(vec![
                "alibaba".to_string(),
                "tencent".into(),
                "market".into(),
            ]),
            0..3,
        ),
        prop::collection::btree_set(
            prop::sample::select(
                cat.data
                    .areas
                    .iter()
                    .map(|a| a.id.clone())
                    .collect::<Vec<_>>(),
            ),
            0..3,
        ),
        prop::collection::btree_set(prop::sample::select(countries), 0..3),
        prop::option::of(2009u16..2027),
        prop::option::of(2009u16..2027),
        prop::collection::btree_set(prop::sample::select(Kind::ALL.to_vec()), 0..3),
        prop::collection::btree_set(prop::sample::select(Status::ALL.to_vec()), 0..2),
        prop::sample::select(vec!["", "data", "tokyo", "alibaba", "2018", "zz"]),
    )
        .prop_map(
            |(providers, areas, countries, from, to, kinds, statuses, q)| Filters {
                providers,
                areas,
                countries,
                from,
                to,
                kinds,
                statuses,
                q: q.into(),
                ..Filters::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// A facet count is exactly what choosing that option alone would show.
    #[test]
    fn facet_counts_predict_the_result(f in any_filters()) {
        let cat = catalog();
        let s = select(cat, &f);
        for (p, n) in &s.facets.providers {
            let mut g = f.clone();
            g.providers = [p.clone()].into();
            let t = select(cat, &g);
            prop_assert_eq!(*n, t.regions.len() + t.events.len(), "provider {}", p);
        }
        for (k, n) in &s.facets.kinds {
            let mut g = f.clone();
            g.kinds = [*k].into();
            prop_assert_eq!(*n, select(cat, &g).events.len(), "kind {:?}", k);
        }
        for (st, n) in &s.facets.statuses {
            let mut g = f.clone();
            g.statuses = [*st].into();
            prop_assert_eq!(*n, select(cat, &g).regions.len(), "status {:?}", st);
        }
        // Every area: its count, or no count at all when choosing it would show nothing.
        for a in cat.data.areas.iter().map(|a| &a.id) {
            let mut g = f.clone();
            g.areas = [a.clone()].into();
            let t = select(cat, &g);
            let n = s.facets.areas.get(a).copied().unwrap_or(0);
            prop_assert_eq!(n, t.regions.len() + t.events.len(), "area {}", a);
        }
        for (c, n) in &s.facets.countries {
            let mut g = f.clone();
            g.countries = [c.clone()].into();
            let t = select(cat, &g);
            prop_assert_eq!(*n, t.regions.len() + t.events.len(), "country {}", c);
        }
        // Everything selected satisfies the filters that are set.
        for &i in &s.regions {
            let r = &cat.data.regions[i];
            prop_assert!(f.providers.is_empty() || f.providers.contains(&r.provider));
            prop_assert!(f.statuses.is_empty() || f.statuses.contains(&r.status));
        }
    }
}

#[test]
fn summary_and_presence_describe_the_selection() {
    use cloud_atlas::core::aggregate::presence;
    use cloud_atlas::present::words::summary;
    let cat = catalog();
    let s = select(cat, &filters("provider=tencent"));
    assert_eq!(summary(cat, &s), "Showing 25 Tencent Cloud regions in 17 countries and territories (3 retired, 5 listed only) and 39 events, 2013–2026.");
    let p = presence(cat, &select(cat, &Filters::default()));
    assert_eq!(p["SA"].live.len(), 2, "both providers are in Saudi Arabia");
    // Canada: Tencent's only region there is retired, so no provider is there today.
    assert!(p["CA"].live.is_empty());
    assert_eq!(p["CA"].left.iter().collect::<Vec<_>>(), ["tencent"]);
    // Mexico: Alibaba is live, Tencent's region is announced.
    assert_eq!(p["MX"].live.iter().collect::<Vec<_>>(), ["alibaba"]);
    assert_eq!(p["MX"].announced.iter().collect::<Vec<_>>(), ["tencent"]);
    // As of the end of the period: Alibaba's Sydney region closed in 2024, so Australia
    // is left today and Alibaba's at `to=2020`.
    assert_eq!(p["AU"].left.iter().collect::<Vec<_>>(), ["alibaba"]);
    let then = presence(cat, &select(cat, &filters("to=2020")));
    assert_eq!(then["AU"].live.iter().collect::<Vec<_>>(), ["alibaba"]);
    let s = select(cat, &filters("country=NL"));
    assert_eq!(summary(cat, &s), "Showing 1 Alibaba Cloud region in 1 country or territory (1 announced) and 1 event in 2025.");
}

/// Hand-checked Chinese sentences: no plurals, a classifier per noun, the place
/// before what is in it, one 年 after a range, full-width punctuation.
#[test]
fn the_chinese_summary_is_written_for_chinese_grammar() {
    use cloud_atlas::present::words::{counts_line, summary};
    let cat = catalog_zh();
    let zh = |q: &str| summary(cat, &select(cat, &filters(q)));
    assert_eq!(
        zh("provider=tencent"),
        "显示腾讯云在17个国家和地区的25个地域（3个已关停，5个仅见于清单）及39条事件，2013—2026年。"
    );
    assert_eq!(
        zh("country=NL"),
        "显示阿里云在1个国家和地区的1个地域（1个已宣布）及1条事件，均在2025年。"
    );
    assert_eq!(
        zh("q=nothing-matches-this"),
        "没有符合筛选条件的地域和事件。"
    );
    // Events only: no region can match the market lane.
    assert_eq!(
        zh("provider=market"),
        "没有符合筛选条件的地域；显示32条事件，2016—2026年。"
    );
    // One of each: Chinese needs no singular form.
    assert_eq!(
        zh("country=MX&provider=alibaba"),
        "显示阿里云在1个国家和地区的1个地域及2条事件，2024—2025年。"
    );
    assert_eq!(
        zh("status=retired&kind=partnership"),
        "显示4个国家和地区的5个地域（5个已关停）及11条事件，2015—2026年。"
    );
    assert_eq!(
        zh("from=2025&to=2025&provider=tencent"),
        "显示腾讯云在6个国家和地区的6个地域及6条事件，均在2025年。"
    );
    let all = zh("");
    assert!(
        all.starts_with("显示") && all.ends_with("年。") && !all.contains("云在"),
        "{all}"
    );
    let s = select(cat, &filters("to=2016"));
    assert!(s.undated_hidden > 0);
    let line = counts_line(cat, &s);
    assert!(
        line.starts_with(&format!(
            "{}个地域中的{}个，",
            cat.data.regions.len(),
            s.regions.len()
        )),
        "{line}"
    );
    assert!(
        line.ends_with(&format!(
            "（另有{}个开服年份不详的地域被年份筛选排除）",
            s.undated_hidden
        )),
        "{line}"
    );
}

#[test]
fn table_sorts_keep_unknowns_last() {
    use cloud_atlas::core::table::{sort_events, sort_regions, Dir, EventCol, RegionCol};
    let cat = catalog();
    let mut rows: Vec<usize> = (0..cat.data.regions.len()).collect();
    for dir in [Dir::Asc, Dir::Desc] {
        sort_regions(cat, &mut rows, RegionCol::Opened, dir);
        let opened: Vec<_> = rows.iter().map(|&i| cat.data.regions[i].opened).collect();
        let known = opened.iter().take_while(|o| o.is_some()).count();
        assert!(
            opened[known..].iter().all(|o| o.is_none()),
            "unknowns last ({dir:?})"
        );
        assert!(opened[..known].windows(2).all(|w| if dir == Dir::Asc {
            w[0] <= w[1]
        } else {
            w[0] >= w[1]
        }));
    }
    let mut rows: Vec<usize> = (0..cat.data.events.len()).collect();
    sort_events(cat, &mut rows, EventCol::Amount, Dir::Desc);
    let top = &cat.data.events[rows[0]];
    assert_eq!(
        top.amount_usd,
        Some(321.3e9),
        "the largest amount is the 2024 cloud market"
    );
}

#[test]
fn head_to_head_growth_and_footprints() {
    use cloud_atlas::core::aggregate::{compare, country_split, footprints, growth};
    let cat = catalog();
    let all = select(cat, &Filters::default());
    let stats = compare(cat, &all, None);
    let (ali, ten) = (&stats["alibaba"], &stats["tencent"]);
    // Alibaba's Brazil region is live by its own zone table (and contested); Tencent's
    // five regions named only by a code are listed, neither live nor announced.
    assert_eq!((ali.live, ali.announced, ali.retired), (35, 1, 2));
    assert_eq!(
        (ten.live, ten.listed, ten.announced, ten.retired),
        (17, 5, 0, 3)
    );
    assert_eq!(
        ali.first_launch.as_ref().unwrap().0.to_string(),
        "2014-05-12"
    );
    assert!(ali
        .pledges
        .iter()
        .any(|(id, usd)| id == "alibaba-2025-02-invest-cn" && *usd == 52.3e9));
    let me = compare(cat, &all, Some("me"));
    assert_eq!((me["alibaba"].live, me["tencent"].live), (2, 1));
    let split = country_split(cat, &all);
    assert!(split.both.contains("SA") && split.both.contains("US"));
    // Where a provider is, as on the map: Mexico is Alibaba's only (Tencent's Querétaro
    // region is listed only), Canada nobody's (Tencent's Toronto region is retired).
    assert!(split.only["alibaba"].contains("MX") && split.only["alibaba"].contains("GB"));
    assert!(
        !split.both.contains("CA")
            && split
                .only
                .get("tencent")
                .is_none_or(|only| !only.contains("CA"))
    );
    let (series, undated) = growth(cat, &all);
    let ali = &series["alibaba"];
    let at = |y: u16| ali.iter().find(|g| g.year == y).unwrap().regions;
    assert_eq!(at(2014), 1, "Hong Kong");
    assert!(at(2024) < at(2023) + 2, "Sydney and Mumbai closed in 2024");
    assert!(undated > 0);
    let fp = footprints(cat, &all);
    assert!(fp["alibaba"]
        .iter()
        .any(|p| p.1 == Some(29) && p.2 == Some(87)));
}

#[test]
fn page_titles_follow_the_view() {
    use cloud_atlas::present::words::page_title;
    let cat = catalog();
    assert_eq!(
        page_title(cat, &filters("provider=tencent&area=me")),
        "Tencent Cloud in the Middle East — Cloud Atlas"
    );
    assert_eq!(
        page_title(cat, &filters("view=table&country=MX")),
        "Cloud regions in Mexico: table — Cloud Atlas"
    );
    assert_eq!(
        page_title(cat, &Filters::default()),
        "Cloud Atlas — Alibaba Cloud and Tencent Cloud abroad"
    );
}

#[test]
fn every_record_is_found_by_its_id_and_nothing_else() {
    use cloud_atlas::core::filter::Record;
    let cat = catalog();
    for (i, r) in cat.data.regions.iter().enumerate() {
        assert_eq!(cat.record(&r.id), Some(Record::Region(i)));
    }
    for (i, e) in cat.data.events.iter().enumerate() {
        assert_eq!(cat.record(&e.id), Some(Record::Event(i)));
    }
    for id in ["", "alibaba", "zzz", "tencent:me-saudi-arabia-x"] {
        assert_eq!(cat.record(id), None, "{id}");
    }
}

/// `q=新加坡` finds Singapore's regions and events by their Chinese names, in either
/// language; English search is unchanged.
#[test]
fn chinese_search_finds_singapore() {
    for cat in [catalog(), catalog_zh()] {
        let s = select(cat, &filters("q=新加坡"));
        let english = select(cat, &filters("q=singapore"));
        assert!(!s.regions.is_empty());
        assert!(s.regions.iter().all(|&i| cat.data.regions[i].iso2 == "SG"));
        let sg_regions = english
            .regions
            .iter()
            .filter(|&&i| cat.data.regions[i].iso2 == "SG")
            .count();
        assert_eq!(s.regions.len(), sg_regions);
        assert!(!s.events.is_empty());
    }
}

#[test]
fn lang_is_a_canonical_url_key() {
    use cloud_atlas::core::query::to_query;
    let (f, issues) = from_query(&parse_pairs("lang=zh&view=table"));
    assert!(issues.is_empty());
    assert_eq!(f.lang, Lang::Zh);
    assert_eq!(to_query(&f), "view=table&lang=zh");
    let (f, issues) = from_query(&parse_pairs("lang=en"));
    assert!(issues.is_empty() && f.lang == Lang::En);
    assert_eq!(to_query(&f), "", "English is the default and is left out");
    let (f, issues) = from_query(&parse_pairs("lang=fr"));
    assert_eq!(f.lang, Lang::En);
    assert_eq!(issues.len(), 1);
}
