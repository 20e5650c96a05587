//! Sorting for the table view. Unknown values always sort last, whichever the
//! direction, so "opened, newest first" does not start with a block of blanks.

use super::filter::Catalog;
use super::lang::Lang;
use std::cmp::Ordering;

/// Rows a table draws at first and per "Show more": enough to read and scan
/// (the real dataset fits at once), small enough that 100,000 filtered events
/// render in a blink instead of building 100,000 rows in the DOM.
pub const ROWS_STEP: usize = 250;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Asc,
    Desc,
}

impl Dir {
    pub fn flip(self) -> Dir {
        match self {
            Dir::Asc => Dir::Desc,
            Dir::Desc => Dir::Asc,
        }
    }

    /// The `aria-sort` value.
    pub fn aria(self) -> &'static str {
        match self {
            Dir::Asc => "ascending",
            Dir::Desc => "descending",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionCol {
    Name,
    Provider,
    Country,
    Opened,
    Status,
    Zones,
    Confidence,
    /// The date of the newest evidence (`checked`).
    Checked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventCol {
    Date,
    Provider,
    Kind,
    Title,
    Country,
    Amount,
    Confidence,
}

impl RegionCol {
    /// The header labels, in column order (the table draws them, the browser test clicks them).
    pub const ALL: [(&'static str, RegionCol); 8] = [
        ("Region", RegionCol::Name),
        ("Provider", RegionCol::Provider),
        ("Country", RegionCol::Country),
        ("Opened", RegionCol::Opened),
        ("Status", RegionCol::Status),
        ("Zones", RegionCol::Zones),
        ("Confidence", RegionCol::Confidence),
        ("Evidence", RegionCol::Checked),
    ];
    /// The order a table starts in.
    pub const DEFAULT: (RegionCol, Dir) = (RegionCol::Provider, Dir::Asc);
}

impl EventCol {
    pub const ALL: [(&'static str, EventCol); 7] = [
        ("Date", EventCol::Date),
        ("Provider", EventCol::Provider),
        ("Kind", EventCol::Kind),
        ("Event", EventCol::Title),
        ("Country", EventCol::Country),
        ("Amount", EventCol::Amount),
        ("Confidence", EventCol::Confidence),
    ];
    pub const DEFAULT: (EventCol, Dir) = (EventCol::Date, Dir::Asc);
}

/// A click on a column header: the sorted column flips, another one starts ascending.
pub fn click<C: PartialEq>((col, dir): (C, Dir), clicked: C) -> (C, Dir) {
    if col == clicked {
        (col, dir.flip())
    } else {
        (clicked, Dir::Asc)
    }
}

/// Compares optional keys with `None` last in both directions.
fn by<T: Ord>(a: Option<T>, b: Option<T>, dir: Dir) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => match dir {
            Dir::Asc => a.cmp(&b),
            Dir::Desc => b.cmp(&a),
        },
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A stable sort: ties keep dataset order.
pub fn sort_regions(cat: &Catalog, rows: &mut [usize], col: RegionCol, dir: Dir) {
    let r = &cat.data.regions;
    super::sort::sort_indices(rows, &|a, b| {
        let (a, b) = (&r[a], &r[b]);
        match col {
            // Names sort as the page shows them, in its language.
            RegionCol::Name => by(
                Some(cat.region_name(a).text.to_lowercase()),
                Some(cat.region_name(b).text.to_lowercase()),
                dir,
            ),
            RegionCol::Provider => by(Some(&a.provider), Some(&b.provider), dir),
            RegionCol::Country => match cat.lang {
                Lang::En => by(Some(&a.country), Some(&b.country), dir),
                Lang::Zh => by(
                    Some(cat.country_name(&a.iso2)),
                    Some(cat.country_name(&b.iso2)),
                    dir,
                ),
            },
            RegionCol::Opened => by(a.opened, b.opened, dir),
            RegionCol::Status => by(Some(a.status), Some(b.status), dir),
            RegionCol::Zones => by(a.zones, b.zones, dir),
            RegionCol::Confidence => by(Some(a.confidence), Some(b.confidence), dir),
            RegionCol::Checked => by(a.checked, b.checked, dir),
        }
    });
}

pub fn sort_events(cat: &Catalog, rows: &mut [usize], col: EventCol, dir: Dir) {
    let e = &cat.data.events;
    super::sort::sort_indices(rows, &|a, b| {
        let (a, b) = (&e[a], &e[b]);
        match col {
            EventCol::Date => by(Some(a.date), Some(b.date), dir),
            EventCol::Provider => by(Some(&a.provider), Some(&b.provider), dir),
            // By id, which orders the kinds as their English names do (and language-free).
            EventCol::Kind => by(Some(a.kind.id()), Some(b.kind.id()), dir),
            EventCol::Title => by(
                Some(cat.event_title(a).text.to_lowercase()),
                Some(cat.event_title(b).text.to_lowercase()),
                dir,
            ),
            EventCol::Country => match cat.lang {
                Lang::En => by(a.country.as_ref(), b.country.as_ref(), dir),
                Lang::Zh => by(
                    a.iso2.as_deref().map(|i| cat.country_name(i)),
                    b.iso2.as_deref().map(|i| cat.country_name(i)),
                    dir,
                ),
            },
            // Amounts are finite and non-negative after validation, so their bits order like the numbers.
            EventCol::Amount => by(
                a.amount_usd.map(f64::to_bits),
                b.amount_usd.map(f64::to_bits),
                dir,
            ),
            EventCol::Confidence => by(Some(a.confidence), Some(b.confidence), dir),
        }
    });
}
