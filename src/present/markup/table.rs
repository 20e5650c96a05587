//! The table view's rows as markup.

use super::{a, Html};
use crate::catalog::T;
use crate::i18n::Speak;
use atlas_core::filter::Catalog;
use atlas_core::model::{Confidence, Region};

fn source_links(h: &mut Html, cat: &Catalog, ids: &[String]) {
    h.open("td", &[]);
    for s in ids.iter().filter_map(|id| cat.data.source(id)) {
        super::source_link(h, s, s.publisher.as_deref().unwrap_or(&s.url), false);
        h.text(" ");
    }
    h.close("td");
}

fn confidence(h: &mut Html, cat: &Catalog, c: Confidence) {
    h.el(
        "td",
        &[a("class", format!("conf conf--{}", c.id()).as_str())],
        cat.lang.confidence(c),
    );
}

/// `<tr>`s for the regions at `rows`, in that order.
pub fn region_rows(cat: &Catalog, rows: &[usize]) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let mut h = Html::new();
    for r in rows.iter().map(|&i| &d.regions[i]) {
        h.open("tr", &[a("data-id", &r.id)])
            .open("th", &[a("scope", "row")]);
        super::record_button(&mut h, &r.id, cat.region_name(r));
        h.close("th")
            .el("td", &[], cat.provider_name(&r.provider))
            .el("td", &[], cat.country_name(&r.iso2))
            .el(
                "td",
                &[],
                &r.opened
                    .map_or_else(|| lang.t(T::Unknown).into(), |o| lang.date(&o)),
            );
        let status = match r.retired {
            Some(x) => format!(
                "{}{}{}{}",
                lang.status(r.status),
                lang.pick(" (", "（"),
                lang.date(&x),
                lang.pick(")", "）")
            ),
            None => lang.status(r.status).to_string(),
        };
        h.el("td", &[], &status).el(
            "td",
            &[a("class", "num")],
            &r.zones.map_or_else(|| "—".into(), |z| z.to_string()),
        );
        confidence(&mut h, cat, r.confidence);
        evidence_cell(&mut h, cat, r);
        source_links(&mut h, cat, &r.sources);
        h.close("tr");
    }
    h.finish()
}

/// The date of a region's newest evidence, marked when it is stale or contested.
fn evidence_cell(h: &mut Html, cat: &Catalog, r: &Region) {
    let lang = cat.lang;
    h.open("td", &[a("class", "evidence-cell")]);
    match r.checked {
        Some(c) => h.el("time", &[a("datetime", &c.to_string())], &lang.date(&c)),
        None => h.text(lang.t(T::Unknown)),
    };
    if atlas_core::evidence::region_stale(&cat.data.version, r.checked) {
        h.el(
            "span",
            &[a("class", "badge badge--stale")],
            lang.t(T::Stale),
        );
    }
    if r.contested() {
        h.el(
            "span",
            &[a("class", "badge badge--contested")],
            lang.t(T::Contested),
        );
    }
    h.close("td");
}

/// `<tr>`s for the events at `rows`, in that order.
pub fn event_rows(cat: &Catalog, rows: &[usize]) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let mut h = Html::new();
    for e in rows.iter().map(|&i| &d.events[i]) {
        h.open("tr", &[a("data-id", &e.id)])
            .open("td", &[])
            .el(
                "time",
                &[a("datetime", &e.date.to_string())],
                &lang.date(&e.date),
            )
            .close("td")
            .el("td", &[], cat.provider_name(&e.provider))
            .el("td", &[], lang.kind(e.kind))
            .open("th", &[a("scope", "row")]);
        super::record_button(&mut h, &e.id, cat.event_title(e));
        let country = match (&e.iso2, &e.country) {
            (Some(iso), _) => cat.country_name(iso),
            (None, Some(c)) => c.as_str(),
            _ => "",
        };
        h.close("th").el("td", &[], country).el(
            "td",
            &[a("class", "num")],
            &e.amount_usd.map(|v| lang.usd(v)).unwrap_or_default(),
        );
        confidence(&mut h, cat, e.confidence);
        source_links(&mut h, cat, &e.sources);
        h.close("tr");
    }
    h.finish()
}
