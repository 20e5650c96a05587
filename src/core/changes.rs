//! The changes view's figures: what each provider added, announced, pledged and
//! closed between two dates, and the records behind every figure.
//!
//! Decisions (also in the README):
//! - **The range** is the `from`–`to` years (January of `from` to December of `to`);
//!   without either, the last 24 months of the data, ending with the latest month any
//!   record is dated to.
//! - **Precision**: a date is the span it stands for (a day or a month is that month,
//!   a year is January to December). A record is *in* the range when its whole span is;
//!   a record whose span straddles an end (a "2024" against a range starting in June
//!   2024) is not counted, and the view lists it apart as known only to the year.
//!   With whole-year ranges nothing straddles, so the change set is exactly the records
//!   dated in the range.
//! - **Live at a date**: a region is live at the end of a month when its opening is
//!   known to fall in or before that month and it is not known to be retired by then:
//!   what "countries entered and left" compare at the two ends of the range.

use super::date::PartialDate;
use super::filter::{Catalog, Record, Selection};
use super::model::{Kind, Region};
use super::query::Filters;
use std::collections::BTreeSet;

/// A month as one number: `year × 12 + month − 1`.
pub type Month = i32;

pub fn month(year: u16, month: u8) -> Month {
    i32::from(year) * 12 + i32::from(month.clamp(1, 12)) - 1
}

/// The year and month (1–12) of a [`Month`].
pub fn year_month(m: Month) -> (u16, u8) {
    ((m.div_euclid(12)) as u16, (m.rem_euclid(12) + 1) as u8)
}

/// The months a date stands for: its month, or its whole year.
pub fn span(d: &PartialDate) -> (Month, Month) {
    match d.month {
        Some(m) => (month(d.year, m), month(d.year, m)),
        None => (month(d.year, 1), month(d.year, 12)),
    }
}

/// The length of the default range, in months.
pub const DEFAULT_MONTHS: i32 = 24;

/// The range of months the view covers, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: Month,
    pub end: Month,
    /// No year was chosen: the last [`DEFAULT_MONTHS`] of the data.
    pub default: bool,
}

/// Where a date falls against a [`Window`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Inside,
    Outside,
    /// Its span reaches both in and out: too coarse to say.
    Straddles,
}

impl Window {
    pub fn of(cat: &Catalog, f: &Filters) -> Window {
        let (first, last) = cat.years;
        if f.from.is_some() || f.to.is_some() {
            return Window {
                start: month(f.from.unwrap_or(first), 1),
                end: month(f.to.unwrap_or(last), 12),
                default: false,
            };
        }
        let d = &cat.data;
        let precise = |p: &PartialDate| p.month.map(|m| month(p.year, m));
        let latest = d
            .events
            .iter()
            .filter_map(|e| precise(&e.date))
            .chain(
                d.regions
                    .iter()
                    .flat_map(|r| [r.opened, r.retired])
                    .flatten()
                    .filter_map(|p| precise(&p)),
            )
            .max()
            .unwrap_or(month(last, 12));
        Window {
            start: latest - (DEFAULT_MONTHS - 1),
            end: latest,
            default: true,
        }
    }

    pub fn place(&self, d: &PartialDate) -> Place {
        let (a, b) = span(d);
        if a >= self.start && b <= self.end {
            Place::Inside
        } else if b < self.start || a > self.end {
            Place::Outside
        } else {
            Place::Straddles
        }
    }
}

/// A region is live at the end of month `m` (see the module's decisions).
pub fn live_at(r: &Region, m: Month) -> bool {
    !r.status.is_prospective()
        && r.opened.is_some_and(|o| span(&o).1 <= m)
        && r.retired.is_none_or(|x| span(&x).1 > m)
}

/// What a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Opened,
    Retired,
    /// An event of this kind.
    Event(Kind),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub what: What,
    pub record: Record,
    pub date: PartialDate,
}

/// One provider's figures for the range.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tally {
    pub provider: String,
    pub opened: usize,
    pub retired: usize,
    pub announcements: usize,
    pub datacenters: usize,
    /// The pledges with an amount: (event index, US$).
    pub pledges: Vec<(usize, f64)>,
    pub entered: BTreeSet<String>,
    pub left: BTreeSet<String>,
}

impl Tally {
    /// Live regions at the end minus at the start.
    pub fn net(&self) -> i64 {
        self.opened as i64 - self.retired as i64
    }

    pub fn pledged(&self) -> f64 {
        self.pledges.iter().map(|p| p.1).sum()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Changes {
    pub window: Window,
    /// The changes in the range, oldest first (a year-only date after that year's months).
    pub items: Vec<Change>,
    /// Records whose date is too coarse to place in or out of the range.
    pub coarse: Vec<Change>,
    /// One per provider of the dataset, in its order.
    pub tallies: Vec<Tally>,
}

/// The provider whose tally a change counts in (`None` for the market lane).
fn provider_of<'a>(cat: &'a Catalog, c: &Change) -> &'a str {
    match c.record {
        Record::Region(i) => &cat.data.regions[i].provider,
        Record::Event(i) => &cat.data.events[i].provider,
    }
}

impl Changes {
    /// The changes among the selected records (the filters choose providers, places,
    /// kinds and text; the window replaces the year filter).
    pub fn build(cat: &Catalog, sel: &Selection, window: Window) -> Changes {
        let d = &cat.data;
        let mut items = Vec::new();
        let mut coarse = Vec::new();
        let mut put = |c: Change| match window.place(&c.date) {
            Place::Inside => items.push(c),
            Place::Straddles => coarse.push(c),
            Place::Outside => {}
        };
        for &i in &sel.regions {
            let r = &d.regions[i];
            if r.status.is_prospective() {
                continue;
            }
            if let Some(o) = r.opened {
                put(Change {
                    what: What::Opened,
                    record: Record::Region(i),
                    date: o,
                });
            }
            if let Some(x) = r.retired {
                put(Change {
                    what: What::Retired,
                    record: Record::Region(i),
                    date: x,
                });
            }
        }
        for &i in &sel.events {
            let e = &d.events[i];
            if e.kind == Kind::MarketFigure {
                continue;
            }
            put(Change {
                what: What::Event(e.kind),
                record: Record::Event(i),
                date: e.date,
            });
        }
        let key = |c: &Change| {
            let (a, b) = span(&c.date);
            (b, b - a, c.date.day.unwrap_or(0))
        };
        super::sort::sort_vec(&mut items, &|a, b| key(a).cmp(&key(b)));
        super::sort::sort_vec(&mut coarse, &|a, b| key(a).cmp(&key(b)));
        let mut tallies: Vec<Tally> = d
            .providers
            .iter()
            .filter(|p| sel.providers.contains(&p.id))
            .map(|p| Tally {
                provider: p.id.clone(),
                ..Tally::default()
            })
            .collect();
        for c in &items {
            let p = provider_of(cat, c);
            let Some(t) = tallies.iter_mut().find(|t| t.provider == p) else {
                continue;
            };
            match (c.what, c.record) {
                (What::Opened, _) => t.opened += 1,
                (What::Retired, _) => t.retired += 1,
                (What::Event(Kind::Announcement), _) => t.announcements += 1,
                (What::Event(Kind::DatacenterLaunch), _) => t.datacenters += 1,
                (What::Event(Kind::Investment), Record::Event(i)) => {
                    if let Some(usd) = d.events[i].amount_usd {
                        t.pledges.push((i, usd));
                    }
                }
                _ => {}
            }
        }
        for t in &mut tallies {
            let live = |m: Month| -> BTreeSet<String> {
                sel.regions
                    .iter()
                    .map(|&i| &d.regions[i])
                    .filter(|r| r.provider == t.provider && live_at(r, m))
                    .map(|r| r.iso2.clone())
                    .collect()
            };
            let (before, after) = (live(window.start - 1), live(window.end));
            t.entered = after.difference(&before).cloned().collect();
            t.left = before.difference(&after).cloned().collect();
        }
        Changes {
            window,
            items,
            coarse,
            tallies,
        }
    }

    /// The changes grouped for the list: one group per month (a year-only date gets
    /// its own group after that year's months), oldest first.
    pub fn by_month(&self) -> Vec<((Month, Month), Vec<&Change>)> {
        let mut groups: Vec<((Month, Month), Vec<&Change>)> = Vec::new();
        for c in &self.items {
            let s = span(&c.date);
            match groups.last_mut() {
                Some((g, list)) if *g == s => list.push(c),
                _ => groups.push((s, vec![c])),
            }
        }
        groups
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::filter::select;
    use crate::load::parse_dataset;
    use crate::model::Status;

    fn cat() -> Catalog {
        let text = include_str!("../../tests/data/fixtures/small.json");
        Catalog::new(parse_dataset(text).unwrap().dataset)
    }

    fn date(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn months_and_spans() {
        assert_eq!(year_month(month(2025, 2)), (2025, 2));
        assert_eq!(year_month(month(2025, 12) + 1), (2026, 1));
        assert_eq!(span(&date("2025-02-24")), (month(2025, 2), month(2025, 2)));
        assert_eq!(span(&date("2025")), (month(2025, 1), month(2025, 12)));
    }

    #[test]
    fn a_coarse_date_straddling_an_end_is_set_apart() {
        let w = Window {
            start: month(2024, 6),
            end: month(2026, 5),
            default: true,
        };
        assert_eq!(w.place(&date("2024-06")), Place::Inside);
        assert_eq!(w.place(&date("2024-05-31")), Place::Outside);
        assert_eq!(w.place(&date("2025")), Place::Inside);
        assert_eq!(w.place(&date("2024")), Place::Straddles);
        assert_eq!(w.place(&date("2026")), Place::Straddles);
        assert_eq!(w.place(&date("2023")), Place::Outside);
    }

    /// With whole years chosen, the change set is exactly the records dated in them.
    #[test]
    fn the_change_set_of_a_year_range_is_the_records_dated_in_it() {
        let c = cat();
        let (first, last) = c.years;
        for from in first..=last {
            for to in from..=last {
                let f = Filters {
                    from: Some(from),
                    to: Some(to),
                    ..Default::default()
                };
                let sel = select(&c, &f);
                let ch = Changes::build(&c, &sel, Window::of(&c, &f));
                assert!(ch.coarse.is_empty());
                let d = &c.data;
                let mut want: Vec<(What, Record)> = Vec::new();
                for (i, r) in d.regions.iter().enumerate() {
                    if r.status.is_prospective() {
                        continue;
                    }
                    for (what, date) in [(What::Opened, r.opened), (What::Retired, r.retired)] {
                        if date.is_some_and(|x| (from..=to).contains(&x.year)) {
                            want.push((what, Record::Region(i)));
                        }
                    }
                }
                for (i, e) in d.events.iter().enumerate() {
                    if e.kind != Kind::MarketFigure && (from..=to).contains(&e.date.year) {
                        want.push((What::Event(e.kind), Record::Event(i)));
                    }
                }
                let mut got: Vec<(What, Record)> =
                    ch.items.iter().map(|x| (x.what, x.record)).collect();
                let order = |a: &(What, Record), b: &(What, Record)| {
                    format!("{a:?}").cmp(&format!("{b:?}"))
                };
                got.sort_by(order);
                want.sort_by(order);
                assert_eq!(got, want, "{from}–{to}");
                let opened: usize = ch.tallies.iter().map(|t| t.opened).sum();
                assert_eq!(opened, want.iter().filter(|w| w.0 == What::Opened).count());
            }
        }
    }

    #[test]
    fn the_default_range_is_the_last_24_months_of_the_data() {
        let c = cat();
        let w = Window::of(&c, &Filters::default());
        assert!(w.default);
        assert_eq!(w.end - w.start + 1, DEFAULT_MONTHS);
        let latest = c
            .data
            .events
            .iter()
            .filter(|e| e.date.month.is_some())
            .map(|e| span(&e.date).1)
            .max()
            .unwrap();
        assert!(w.end >= latest);
    }

    #[test]
    fn countries_entered_and_left_compare_the_two_ends() {
        let c = cat();
        let d = &c.data;
        // A provider's first region in a country, opened inside the range: entered.
        let (i, r) = d
            .regions
            .iter()
            .enumerate()
            .find(|(_, r)| r.opened.is_some_and(|o| o.month.is_some()) && r.status == Status::Live)
            .unwrap();
        let o = r.opened.unwrap();
        let w = Window {
            start: span(&o).0,
            end: span(&o).0,
            default: false,
        };
        let sel = select(&c, &Filters::default());
        let ch = Changes::build(&c, &sel, w);
        assert!(ch
            .items
            .iter()
            .any(|x| x.record == Record::Region(i) && x.what == What::Opened));
        let t = ch
            .tallies
            .iter()
            .find(|t| t.provider == r.provider)
            .unwrap();
        let elsewhere = d
            .regions
            .iter()
            .any(|x| x.provider == r.provider && x.iso2 == r.iso2 && live_at(x, w.start - 1));
        assert_eq!(t.entered.contains(&r.iso2), !elsewhere);
        assert!(t.net() >= 0 || t.retired > 0);
    }
}
