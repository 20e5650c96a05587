//! The promises view's downloads: one CSV row per promise, and the lag chart as a
//! self-contained SVG (the PNG is drawn from it). Same rules as `super::export`.

use super::catalog::T;
use super::export::{footer_lines, header, picture_open, row, Cell, Provenance};
use super::markup::promises::{chart, chart_height, CHART_W};
use super::theme::{fill, BG, BORDER, MUTED, TEXT};
use atlas_core::filter::{Catalog, Record};
use atlas_core::model::Promise as What;
use atlas_core::promises::Promises;

/// `promised` (date), `provider`, `promise` (`region` or `datacenter`), `announcement`
/// (event id), `title`, `launches` (record ids, space-separated), `launched` (the last
/// launch's date), `lag_months_min`, `lag_months_max`, `months_without_launch`.
pub fn promises_csv(cat: &Catalog, p: &Promises, prov: &Provenance) -> String {
    let d = &cat.data;
    let mut out = header(cat, T::CsvPromises, prov);
    out.push_str(&row(&[
        "promised",
        "provider",
        "promise",
        "announcement",
        "title",
        "launches",
        "launched",
        "lag_months_min",
        "lag_months_max",
        "months_without_launch",
    ]
    .map(Cell::Text)));
    for x in &p.list {
        let e = &d.events[x.event];
        let ids: Vec<&str> =
            x.by.iter()
                .map(|r| match *r {
                    Record::Event(i) => d.events[i].id.as_str(),
                    Record::Region(i) => d.regions[i].id.as_str(),
                })
                .collect();
        out.push_str(&row(&[
            Cell::Owned(e.date.to_string()),
            Cell::Text(&e.provider),
            Cell::Text(match e.promise {
                Some(What::Region) => "region",
                _ => "datacenter",
            }),
            Cell::Text(&e.id),
            Cell::Text(&e.title),
            Cell::Owned(ids.join(" ")),
            Cell::Owned(x.kept.map(|k| k.to_string()).unwrap_or_default()),
            Cell::Num(x.lag.map(|l| f64::from(l.0))),
            Cell::Num(x.lag.map(|l| f64::from(l.1))),
            Cell::Num(x.age.map(f64::from)),
        ]));
    }
    out
}

/// The lag chart with the light theme's colours written over its classes, and the footer.
pub fn promises_svg(cat: &Catalog, p: &Promises, footer: &[String]) -> String {
    let d = &cat.data;
    let h = chart_height(p.per.len());
    let line_h = CHART_W / 55.0;
    let mut s = String::new();
    picture_open(
        &mut s,
        (0.0, 0.0, CHART_W, h + line_h * (footer.len() as f64 + 1.0)),
    );
    let mut body = chart(cat, p)
        .replace("class=\"pr-grid\"", &format!("stroke=\"{BORDER}\""))
        .replace(
            "class=\"pr-axis\"",
            &format!("font-size=\"12\" fill=\"{MUTED}\""),
        )
        .replace(
            "class=\"pr-lane\"",
            &format!("font-size=\"13\" fill=\"{TEXT}\""),
        );
    for (k, pr) in d.providers.iter().enumerate() {
        let c = fill(d, &pr.id);
        let slot = format!("prov-{k}");
        body = body
            .replace(
                &format!("class=\"pr-kept {slot}\""),
                &format!("fill=\"{c}\" stroke=\"{BG}\""),
            )
            .replace(
                &format!("class=\"pr-open {slot}\""),
                &format!("fill=\"{BG}\" stroke=\"{c}\" stroke-width=\"2\""),
            )
            .replace(
                &format!("class=\"pr-span {slot}\""),
                &format!("stroke=\"{c}\" stroke-width=\"4\" stroke-opacity=\"0.4\""),
            );
    }
    s.push_str(&body);
    footer_lines(&mut s, footer, line_h * 0.5, h, line_h);
    s.push_str("</svg>");
    s
}
