//! Promise against delivery on the shipped dataset: the links filled from its own
//! records, the lag with year-only dates as a range, and the shares of promises old
//! enough to tell.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::filter::{select, Catalog};
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::core::promises::Promises;

fn promises(q: &str) -> (Catalog, Promises) {
    let cat = Catalog::new(
        parse_dataset(include_str!("../public/data/atlas.json"))
            .unwrap()
            .dataset,
    );
    let (f, _) = cloud_atlas::core::query::from_query(&cloud_atlas::core::query::parse_pairs(q));
    let p = Promises::build(&cat, &select(&cat, &f));
    (cat, p)
}

#[test]
fn the_shipped_promises_and_their_lags() {
    let (cat, p) = promises("");
    let by_id = |id: &str| {
        p.list
            .iter()
            .find(|x| cat.data.events[x.event].id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    // May 2024 plan, kept when its last linked launch (Malaysia, July 2025) happened.
    let mx = by_id("alibaba-2024-05-news-mx");
    assert_eq!(mx.by.len(), 4);
    assert_eq!(mx.lag, Some((14, 14)));
    // September 2025 promise, launch known only to the year 2025: 0 to 3 months.
    assert_eq!(by_id("tencent-2025-09-news-sa").lag, Some((0, 3)));
    // No launch on record: an age, not a lag.
    let nl = by_id("alibaba-2025-09-news-nl");
    assert_eq!(nl.lag, None);
    assert!(nl.age.is_some_and(|a| a >= 13), "{nl:?}");
    // Oldest first.
    let dates: Vec<_> = p
        .list
        .iter()
        .map(|x| cat.data.events[x.event].date)
        .collect();
    assert!(dates
        .windows(2)
        .all(|w| (w[0].year, w[0].month) <= (w[1].year, w[1].month.or(Some(12)))));
    for s in &p.per {
        assert!(s.kept <= s.promises);
        assert!(s.within_12.0 <= s.within_12.1 && s.within_24.0 <= s.within_24.1);
        assert!(s.within_12.0 <= s.within_24.0);
    }
    // The filters choose the promises like any event.
    let (_, t) = promises("provider=tencent");
    assert!(t
        .list
        .iter()
        .all(|x| cat.data.events[x.event].provider == "tencent"));
    assert_eq!(
        t.per.iter().map(|s| s.promises).sum::<usize>(),
        t.list.len()
    );
}
