//! The table view's rows as markup.

use super::{a, Html};
use crate::core::filter::Catalog;
use crate::present::format::money;
use crate::present::hooks::SEL_ID;

/// A record's name as a button that opens its details (the view listens for
/// clicks on `data-sel-id`).
fn name_button(h: &mut Html, id: &str, name: &str) {
    h.el(
        "button",
        &[
            a("type", "button"),
            a("class", "link-button"),
            a(SEL_ID, id),
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
