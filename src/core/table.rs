//! The table view's rows: sorting, and their markup. Unknown values always sort
//! last, whichever the direction, so "opened, newest first" does not start with
//! a block of blanks.

use super::filter::Catalog;
use super::format::money;
use super::html::{a, Html};
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
    rows.sort_by(|&a, &b| {
        let (a, b) = (&r[a], &r[b]);
        match col {
            RegionCol::Name => by(
                Some(a.name.to_lowercase()),
                Some(b.name.to_lowercase()),
                dir,
            ),
            RegionCol::Provider => by(Some(&a.provider), Some(&b.provider), dir),
            RegionCol::Country => by(Some(&a.country), Some(&b.country), dir),
            RegionCol::Opened => by(a.opened, b.opened, dir),
            RegionCol::Status => by(Some(a.status), Some(b.status), dir),
            RegionCol::Zones => by(a.zones, b.zones, dir),
            RegionCol::Confidence => by(Some(a.confidence), Some(b.confidence), dir),
        }
    });
}

pub fn sort_events(cat: &Catalog, rows: &mut [usize], col: EventCol, dir: Dir) {
    let e = &cat.data.events;
    rows.sort_by(|&a, &b| {
        let (a, b) = (&e[a], &e[b]);
        match col {
            EventCol::Date => by(Some(a.date), Some(b.date), dir),
            EventCol::Provider => by(Some(&a.provider), Some(&b.provider), dir),
            EventCol::Kind => by(Some(a.kind.label()), Some(b.kind.label()), dir),
            EventCol::Title => by(
                Some(a.title.to_lowercase()),
                Some(b.title.to_lowercase()),
                dir,
            ),
            EventCol::Country => by(a.country.as_ref(), b.country.as_ref(), dir),
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

/// A record's name as a button that opens its details (the view listens for
/// clicks on `data-sel-id`).
fn name_button(h: &mut Html, id: &str, name: &str) {
    h.el(
        "button",
        &[
            a("type", "button"),
            a("class", "link-button"),
            a("data-sel-id", id),
        ],
        name,
    );
}

fn source_links(h: &mut Html, cat: &Catalog, ids: &[String]) {
    h.open("td", &[]);
    for s in ids.iter().filter_map(|id| cat.data.source(id)) {
        let label = s.publisher.as_deref().unwrap_or(&s.url);
        let attrs = [
            a("class", "source"),
            a("href", &s.url),
            a("target", "_blank"),
            a("rel", "noopener noreferrer"),
        ];
        h.el("a", &attrs, label).text(" ");
    }
    h.close("td");
}

fn confidence(h: &mut Html, id: &'static str) {
    h.el("td", &[a("class", format!("conf conf--{id}").as_str())], id);
}

/// `<tr>`s for the regions at `rows`, in that order.
pub fn region_rows(cat: &Catalog, rows: &[usize]) -> String {
    let d = &cat.data;
    let mut h = Html::new();
    for r in rows.iter().map(|&i| &d.regions[i]) {
        h.open("tr", &[a("data-id", &r.id)])
            .open("th", &[a("scope", "row")]);
        name_button(&mut h, &r.id, &r.name);
        h.close("th")
            .el("td", &[], d.provider_name(&r.provider))
            .el("td", &[], &r.country)
            .el(
                "td",
                &[],
                &r.opened.map_or_else(|| "unknown".into(), |o| o.human()),
            );
        let status = match r.retired {
            Some(x) => format!("{} ({})", r.status.label(), x.human()),
            None => r.status.label().to_string(),
        };
        h.el("td", &[], &status).el(
            "td",
            &[a("class", "num")],
            &r.zones.map_or_else(|| "—".into(), |z| z.to_string()),
        );
        confidence(&mut h, r.confidence.id());
        source_links(&mut h, cat, &r.sources);
        h.close("tr");
    }
    h.finish()
}

/// `<tr>`s for the events at `rows`, in that order.
pub fn event_rows(cat: &Catalog, rows: &[usize]) -> String {
    let d = &cat.data;
    let mut h = Html::new();
    for e in rows.iter().map(|&i| &d.events[i]) {
        h.open("tr", &[a("data-id", &e.id)])
            .open("td", &[])
            .el(
                "time",
                &[a("datetime", &e.date.to_string())],
                &e.date.human(),
            )
            .close("td")
            .el("td", &[], d.provider_name(&e.provider))
            .el("td", &[], e.kind.label())
            .open("th", &[a("scope", "row")]);
        name_button(&mut h, &e.id, &e.title);
        h.close("th")
            .el("td", &[], e.country.as_deref().unwrap_or(""))
            .el(
                "td",
                &[a("class", "num")],
                &e.amount_usd
                    .map(|v| format!("US${}", money(v)))
                    .unwrap_or_default(),
            );
        confidence(&mut h, e.confidence.id());
        source_links(&mut h, cat, &e.sources);
        h.close("tr");
    }
    h.finish()
}
