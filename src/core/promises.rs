//! Promise against delivery: each announcement of a region or a data centre (an
//! event with `promise`), the launches that kept it (`delivered_by`), and the lag.
//!
//! Decisions (also in the README):
//! - **Where the link lives**: on the announcement (`promise` + `delivered_by`), so a
//!   promise with no launch on record is a record too, and one announcement naming
//!   several sites links them all. It is kept when its last linked launch happened.
//! - **Dates at their own precision**: a year-only date spans its twelve months, so a
//!   lag is a range of months (`lo`–`hi`); the median takes each range's middle, and
//!   "within 12 months" counts a promise only when even its longest possible lag fits.
//! - **Shares within 12 and 24 months** are of the promises old enough to tell: made at
//!   least that long before the dataset's version date. A promise with no launch on
//!   record is not called broken: its age is shown, and the dataset may lack the launch.

use super::changes::{span, Month};
use super::date::PartialDate;
use super::filter::{Catalog, Record, Selection};

#[derive(Debug, Clone, PartialEq)]
pub struct Promise {
    /// The announcement (index into the events).
    pub event: usize,
    /// The launches that kept it, as records.
    pub by: Vec<Record>,
    /// When it was kept: the latest of those launches.
    pub kept: Option<PartialDate>,
    /// Months from promise to delivery, shortest and longest the dates allow.
    pub lag: Option<(i32, i32)>,
    /// Without a launch on record: months since the promise, at least.
    pub age: Option<i32>,
}

impl Promise {
    /// The middle of the lag range (what the median and the chart use).
    pub fn lag_mid(&self) -> Option<f64> {
        self.lag.map(|(lo, hi)| f64::from(lo + hi) / 2.0)
    }
}

/// One provider's record of promises.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Score {
    pub provider: String,
    pub promises: usize,
    pub kept: usize,
    pub median_lag: Option<f64>,
    /// (kept within 12 months, promises at least 12 months old)
    pub within_12: (usize, usize),
    pub within_24: (usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Promises {
    /// The month the ages are counted to (the dataset's version date).
    pub as_of: Month,
    /// Oldest promise first.
    pub list: Vec<Promise>,
    /// One per provider of the dataset, in its order.
    pub per: Vec<Score>,
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    super::sort::sort_vec(&mut v, &|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

impl Promises {
    /// The selected promises (the filters choose them like any event).
    pub fn build(cat: &Catalog, sel: &Selection) -> Promises {
        let d = &cat.data;
        let as_of = PartialDate::parse(&d.version)
            .map(|v| span(&v).1)
            .unwrap_or_else(|_| super::changes::month(cat.years.1, 12));
        let date_of = |r: Record| match r {
            Record::Event(i) => Some(d.events[i].date),
            Record::Region(i) => d.regions[i].opened,
        };
        let mut list: Vec<Promise> = sel
            .events
            .iter()
            .copied()
            .filter(|&i| d.events[i].promise.is_some())
            .map(|i| {
                let e = &d.events[i];
                let by: Vec<Record> = e
                    .delivered_by
                    .iter()
                    .filter_map(|id| cat.record(id))
                    .collect();
                let kept = by
                    .iter()
                    .filter_map(|&r| date_of(r))
                    .max_by_key(|p| (span(p).1, span(p).0));
                let (a0, a1) = span(&e.date);
                let lag = kept.map(|k| {
                    let (d0, d1) = span(&k);
                    ((d0 - a1).max(0), (d1 - a0).max(0))
                });
                Promise {
                    event: i,
                    by,
                    kept,
                    lag,
                    age: kept.is_none().then_some((as_of - a1).max(0)),
                }
            })
            .collect();
        let key = |p: &Promise| {
            let e = &d.events[p.event];
            (span(&e.date).1, e.id.clone())
        };
        super::sort::sort_vec(&mut list, &|a, b| key(a).cmp(&key(b)));
        let per = d
            .providers
            .iter()
            .filter(|p| sel.providers.contains(&p.id))
            .map(|p| {
                let mine: Vec<&Promise> = list
                    .iter()
                    .filter(|x| d.events[x.event].provider == p.id)
                    .collect();
                let within = |n: i32| {
                    let old: Vec<&&Promise> = mine
                        .iter()
                        .filter(|x| as_of - span(&d.events[x.event].date).1 >= n)
                        .collect();
                    let ok = old
                        .iter()
                        .filter(|x| x.lag.is_some_and(|l| l.1 <= n))
                        .count();
                    (ok, old.len())
                };
                Score {
                    provider: p.id.clone(),
                    promises: mine.len(),
                    kept: mine.iter().filter(|x| x.kept.is_some()).count(),
                    median_lag: median(mine.iter().filter_map(|x| x.lag_mid()).collect()),
                    within_12: within(12),
                    within_24: within(24),
                }
            })
            .collect();
        Promises { as_of, list, per }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn medians() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }
}
