//! The detail panel's fields, note and sources for one record, and the
//! print-only list of sources, as markup.

use super::{a, Html};
use crate::core::filter::{Catalog, Record, Selection};
use crate::present::format::money;

/// The record's title, and the panel body: confidence, every field, the note, the sources.
pub fn record(cat: &Catalog, record: Record) -> (String, String) {
    let d = &cat.data;
    let (title, rows, note, sources, confidence) = match record {
        Record::Region(i) => {
            let r = &d.regions[i];
            let area = d
                .areas
                .iter()
                .find(|a| a.id == r.area)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| r.area.clone());
            let rows = vec![
                ("Provider", d.provider_name(&r.provider).to_string()),
                (
                    "Region code",
                    r.code.clone().unwrap_or_else(|| "none yet".into()),
                ),
                (
                    "Place",
                    [r.city.clone(), Some(r.country.clone())]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("Area", area),
                ("Status", r.status.label().to_string()),
                (
                    "Opened",
                    r.opened
                        .map(|o| o.human())
                        .unwrap_or_else(|| "unknown".into()),
                ),
                (
                    "Retired",
                    r.retired.map(|o| o.human()).unwrap_or_else(|| {
                        if r.status.id() == "retired" {
                            "date unknown".into()
                        } else {
                            "—".into()
                        }
                    }),
                ),
                (
                    "Availability zones",
                    r.zones
                        .map(|z| z.to_string())
                        .unwrap_or_else(|| "unknown".into()),
                ),
                (
                    "Map position",
                    format!(
                        "{:.2}, {:.2} (the city, not the data-centre site)",
                        r.lat, r.lon
                    ),
                ),
            ];
            (
                r.name.clone(),
                rows,
                r.note.clone(),
                r.sources.clone(),
                r.confidence,
            )
        }
        Record::Event(i) => {
            let e = &d.events[i];
            let mut rows = vec![
                ("Provider", d.provider_name(&e.provider).to_string()),
                ("Date", e.date.human()),
                ("Kind", e.kind.label().to_string()),
                (
                    "Place",
                    [e.city.clone(), e.country.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ];
            if let Some(usd) = e.amount_usd {
                rows.push(("Amount (US$)", money(usd)));
            }
            if let (Some(v), Some(c)) = (e.amount_local, &e.currency) {
                rows.push(("Amount (as announced)", format!("{} {c}", money(v))));
            }
            if let Some(fp) = &e.footprint {
                let part = |n: Option<u32>, w: &str| n.map(|n| format!("{n} {w}"));
                rows.push((
                    "Announced footprint",
                    [part(fp.regions, "regions"), part(fp.zones, "zones")]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(", "),
                ));
            }
            if !e.sectors.is_empty() {
                rows.push(("Sectors", e.sectors.join(", ")));
            }
            if !e.people.is_empty() {
                rows.push(("People", e.people.join("; ")));
            }
            if let Some(r) = e.region.as_ref().and_then(|id| match cat.record(id) {
                Some(Record::Region(i)) => Some(&d.regions[i]),
                _ => None,
            }) {
                rows.push((
                    "Region",
                    format!("{} ({})", r.name, d.provider_name(&r.provider)),
                ));
            }
            (
                e.title.clone(),
                rows,
                e.note.clone(),
                e.sources.clone(),
                e.confidence,
            )
        }
    };
    let mut h = Html::new();
    h.el(
        "p",
        &[a(
            "class",
            format!("confidence confidence--{}", confidence.id()).as_str(),
        )],
        &format!("Confidence: {}", confidence.id()),
    )
    .open("dl", &[a("class", "detail__fields")]);
    for (k, v) in rows {
        h.el("dt", &[], k).el("dd", &[], &v);
    }
    h.close("dl");
    if let Some(n) = note {
        h.el("h3", &[a("class", "detail__sub")], "Note")
            .el("p", &[a("class", "detail__note")], &n);
    }
    h.el("h3", &[a("class", "detail__sub")], "Sources")
        .open("ul", &[a("class", "detail__sources")]);
    for s in sources.iter().filter_map(|id| d.source(id)) {
        let label = s
            .title
            .as_deref()
            .or(s.publisher.as_deref())
            .unwrap_or(&s.url);
        h.open("li", &[])
            .el(
                "a",
                &[
                    a("href", &s.url),
                    a("target", "_blank"),
                    a("rel", "noopener noreferrer"),
                ],
                label,
            )
            .close("li");
    }
    h.close("ul");
    (title, h.finish())
}

/// For print: every source behind the shown records, once, in id order.
pub fn print_sources(cat: &Catalog, sel: &Selection) -> String {
    let d = &cat.data;
    let mut ids: Vec<&String> = sel
        .regions
        .iter()
        .flat_map(|&i| &d.regions[i].sources)
        .chain(sel.events.iter().flat_map(|&i| &d.events[i].sources))
        .collect();
    crate::core::sort::sort_vec(&mut ids, &|a, b| a.cmp(b));
    ids.dedup();
    let mut h = Html::new();
    for s in ids.into_iter().filter_map(|id| d.source(id)) {
        h.open("li", &[])
            .text(s.publisher.as_deref().unwrap_or(""))
            .text(" — ")
            .text(&s.url)
            .close("li");
    }
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fields_and_sources_of_each_kind_of_record() {
        let (cat, sel) = super::super::tests::fixture();
        let (title, body) = record(&cat, Record::Region(0));
        assert_eq!(title, cat.data.regions[0].name);
        assert!(
            body.contains("<dt>Map position</dt>") && body.contains("rel=\"noopener noreferrer\"")
        );
        let (_, body) = record(&cat, Record::Event(0));
        assert!(body.contains("<dt>Kind</dt>"));
        assert!(print_sources(&cat, &sel).starts_with("<li>"));
    }
}
