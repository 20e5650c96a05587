//! The head-to-head view as markup: the providers side by side for the filtered
//! data, per area, the countries each has alone or both share, and the market
//! context. Every figure that comes from one record is a button naming its
//! source (`data-sel-id` opens the record).

use super::{a, head, Html};
use crate::core::aggregate::{compare, country_split, footprints, ProviderStats};
use crate::core::filter::{Catalog, Record, Selection};
use crate::core::model::{Kind, MARKET};
use crate::present::format::money;
use crate::present::hooks::SEL_ID;

/// Past these, the lists name the largest pledges and the latest market figures and say how many
/// more the events table has: at tens of thousands of events a full list is unreadable and slow.
pub const PLEDGES_SHOWN: usize = 10;
pub const MARKET_SHOWN: usize = 12;

/// A figure: plain text, or, when one record backs it, a button that opens that
/// record and names its first source on hover, on focus and in its accessible name.
fn cited(h: &mut Html, cat: &Catalog, text: &str, record: Option<&str>) {
    let Some(id) = record else {
        h.text(text);
        return;
    };
    let source = match cat.record(id) {
        Some(Record::Event(i)) => cat.data.events[i].sources.first(),
        Some(Record::Region(i)) => cat.data.regions[i].sources.first(),
        None => None,
    }
    .and_then(|s| cat.data.source(s))
    .map(|s| format!("Source: {}", s.publisher.as_deref().unwrap_or(&s.url)))
    .unwrap_or_default();
    let name = format!("{text} ({source})");
    h.open(
        "button",
        &[
            a("type", "button"),
            a("class", "link-button cited"),
            a("aria-label", &name),
            a(SEL_ID, id),
        ],
    )
    .text(text)
    .el("span", &[a("class", "cited__tip")], &source)
    .close("button");
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Country names for ISO codes, sorted, comma-separated.
fn names<'a>(cat: &Catalog, codes: impl IntoIterator<Item = &'a String>) -> String {
    let mut v: Vec<&str> = codes
        .into_iter()
        .map(|c| cat.countries.get(c).map_or(c.as_str(), String::as_str))
        .collect();
    crate::core::sort::sort_vec(&mut v, &|a, b| a.cmp(b));
    v.join(", ")
}

type Figure = fn(&ProviderStats) -> (String, Option<String>);

const FIGURES: [(&str, Figure); 8] = [
    ("Live regions", |s| (s.live.to_string(), None)),
    ("Announced regions", |s| (s.announced.to_string(), None)),
    ("Retired regions", |s| (s.retired.to_string(), None)),
    (
        "Zones listed for live regions (summed; includes legacy zones)",
        |s| (s.zones.to_string(), None),
    ),
    ("Countries and territories with a live region", |s| {
        (s.countries.len().to_string(), None)
    }),
    ("First region launch", |s| {
        s.first_launch
            .as_ref()
            .map_or(("—".into(), None), |(d, id)| {
                (d.human(), Some(id.clone()))
            })
    }),
    ("Latest region launch", |s| {
        s.latest_launch
            .as_ref()
            .map_or(("—".into(), None), |(d, id)| {
                (d.human(), Some(id.clone()))
            })
    }),
    (
        "Pledged investment (US$, sum of announcements)",
        |s| match s.pledges.len() {
            0 => ("—".into(), None),
            1 => (money(s.pledged()), Some(s.pledges[0].0.clone())),
            n => (format!("{} ({n} pledges)", money(s.pledged())), None),
        },
    ),
];

/// A scrollable table box, as the view's other wide tables.
fn table_open(h: &mut Html, attrs: &[(&'static str, Option<super::Val>)]) {
    h.open(
        "div",
        &[
            a("class", "table-wrap"),
            a("tabindex", "0"),
            a("role", "region"),
            a("aria-label", "Table, scrolls sideways on small screens"),
        ],
    )
    .open("table", attrs);
}

pub fn view(cat: &Catalog, sel: &Selection) -> String {
    let d = &cat.data;
    let stats = compare(cat, sel, None);
    let split = country_split(cat, sel);
    let announced = footprints(cat, sel);
    let providers: Vec<(&str, &str)> = d
        .providers
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let none = ProviderStats::default();
    let mut h = Html::new();

    h.open("section", &[a("aria-labelledby", "h2h-h")])
        .el("h2", &[a("id", "h2h-h"), a("class", "section-title")], "Side by side")
        .el("p", &[a("class", "hint")], "For the filtered records. A linked figure opens the record it comes from, with its sources.");
    table_open(
        &mut h,
        &[
            a("class", "records-table compare"),
            a("data-testid", "compare"),
        ],
    );
    h.open("thead", &[]).open("tr", &[]).el(
        "th",
        &[a("scope", "col"), a("class", "plain")],
        "Figure",
    );
    for (id, name) in &providers {
        h.el(
            "th",
            &[
                a("scope", "col"),
                a("class", format!("plain col--{id}").as_str()),
            ],
            name,
        );
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for (label, figure) in FIGURES {
        h.open("tr", &[]).el("th", &[a("scope", "row")], label);
        for (id, _) in &providers {
            let (text, record) = figure(stats.get(*id).unwrap_or(&none));
            h.open("td", &[a("class", "num")]);
            cited(&mut h, cat, &text, record.as_deref());
            h.close("td");
        }
        h.close("tr");
    }
    h.open("tr", &[]).el(
        "th",
        &[a("scope", "row")],
        "Latest footprint the provider announced",
    );
    for (id, _) in &providers {
        h.open("td", &[a("class", "num")]);
        match announced.get(*id).and_then(|v| v.last()) {
            Some((date, r, z, eid)) => {
                let parts: Vec<String> = [
                    r.map(|n| format!("{n} regions")),
                    z.map(|n| format!("{n} zones")),
                ]
                .into_iter()
                .flatten()
                .collect();
                cited(
                    &mut h,
                    cat,
                    &format!("{} ({})", parts.join(", "), date.human()),
                    Some(eid),
                );
            }
            None => {
                h.text("—");
            }
        }
        h.close("td");
    }
    h.close("tr").close("tbody").close("table").close("div");
    h.el("p", &[a("class", "hint")], "Summed zone counts come from per-region documentation and run higher than the providers' own totals; the announced footprint is the providers' figure. Pledges differ in scope (group capital spending, talent programmes, acquisitions): read each one before comparing sums.");
    h.open("ul", &[a("class", "pledges")]);
    for (id, name) in &providers {
        let (shown, rest) = stats
            .get(*id)
            .map(|s| s.largest_pledges(PLEDGES_SHOWN))
            .unwrap_or_default();
        for (eid, usd) in shown {
            h.open("li", &[]).text(name).text(": ");
            cited(&mut h, cat, &format!("US${}", money(usd)), Some(&eid));
            if let Some(Record::Event(i)) = cat.record(&eid) {
                h.text(&format!(
                    " · {} — {}",
                    d.events[i].date.human(),
                    d.events[i].title
                ));
            }
            h.close("li");
        }
        if rest > 0 {
            h.el("li", &[a("class", "hint")], &format!("{name}: {rest} smaller pledges are not listed here; the events table lists every one."));
        }
    }
    h.close("ul").close("section");

    h.open("section", &[a("aria-labelledby", "areas-h")]).el(
        "h2",
        &[a("id", "areas-h"), a("class", "section-title")],
        "By area",
    );
    table_open(&mut h, &[a("class", "records-table compare")]);
    let mut labels = vec!["Area"];
    labels.extend(providers.iter().map(|(_, n)| *n));
    head(&mut h, &labels);
    h.open("tbody", &[]);
    for area in &d.areas {
        let st = compare(cat, sel, Some(&area.id));
        h.open("tr", &[]).el("th", &[a("scope", "row")], &area.name);
        for (id, _) in &providers {
            let s = st.get(*id).unwrap_or(&none);
            h.el(
                "td",
                &[a("class", "num")],
                &format!(
                    "{} live · {} zones · {} retired",
                    s.live, s.zones, s.retired
                ),
            );
        }
        h.close("tr");
    }
    h.close("tbody")
        .close("table")
        .close("div")
        .close("section");

    h.open(
        "section",
        &[
            a("aria-labelledby", "split-h"),
            a("data-testid", "country-split"),
        ],
    )
    .el(
        "h2",
        &[a("id", "split-h"), a("class", "section-title")],
        "Where each is present",
    )
    .el(
        "p",
        &[a("class", "hint")],
        "Countries and territories with at least one filtered region.",
    )
    .open("div", &[a("class", "splits")]);
    let empty = Default::default();
    let groups = providers
        .iter()
        .map(|(id, name)| {
            (
                format!("{name} only"),
                split.only.get(*id).unwrap_or(&empty),
            )
        })
        .chain([(capitalised(crate::present::words::shared(d)), &split.both)]);
    for (title, codes) in groups {
        h.open("div", &[a("class", "split")])
            .el(
                "h3",
                &[a("class", "split__title")],
                &format!("{title} ({})", codes.len()),
            )
            .el("p", &[], &names(cat, codes))
            .close("div");
    }
    h.close("div").close("section");

    let mut market: Vec<usize> = sel
        .events
        .iter()
        .copied()
        .filter(|&i| d.events[i].provider == MARKET && d.events[i].kind == Kind::MarketFigure)
        .collect();
    crate::core::sort::sort_indices(&mut market, &|a, b| d.events[a].date.cmp(&d.events[b].date));
    // The latest figures matter most; the events table has the rest.
    let earlier = market.len().saturating_sub(MARKET_SHOWN);
    h.open("section", &[a("aria-labelledby", "market-h")])
        .el(
            "h2",
            &[a("id", "market-h"), a("class", "section-title")],
            "Market context",
        )
        .open("ul", &[a("class", "market")]);
    for e in market[earlier..].iter().map(|&i| &d.events[i]) {
        h.open("li", &[])
            .el(
                "time",
                &[a("datetime", &e.date.to_string())],
                &e.date.human(),
            )
            .text(" · ")
            .text(&e.title)
            .text(" ");
        if let Some(s) = e.sources.first().and_then(|s| d.source(s)) {
            let attrs = [
                a("class", "source"),
                a("href", &s.url),
                a("target", "_blank"),
                a("rel", "noopener noreferrer"),
            ];
            h.el("a", &attrs, s.publisher.as_deref().unwrap_or(""));
        }
        h.close("li");
    }
    h.close("ul");
    if earlier > 0 {
        h.el("p", &[a("class", "hint")], &format!("The {MARKET_SHOWN} latest market figures are shown; {earlier} earlier ones are in the events table."));
    }
    h.close("section");
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_figure_row_and_section() {
        let (cat, sel) = super::super::tests::fixture();
        let html = view(&cat, &sel);
        for (label, _) in FIGURES {
            assert!(
                html.contains(&format!(
                    "<th scope=\"row\">{}</th>",
                    super::super::escape(label)
                )),
                "{label}"
            );
        }
        for id in ["h2h-h", "areas-h", "split-h", "market-h"] {
            assert!(html.contains(&format!("id=\"{id}\"")));
        }
        assert_eq!(
            html.matches("<section").count(),
            html.matches("</section>").count()
        );
    }
}
