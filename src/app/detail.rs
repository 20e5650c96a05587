//! The detail panel for `sel=`: every field of one record, its note and its sources.
//! Escape or Close clears the selection and puts focus back on what opened it.

use super::state::Atlas;
use super::url::Entry;
use crate::core::filter::{Catalog, Record};
pub use crate::core::format::money;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

fn close(atlas: &Atlas) {
    let Some(id) = atlas.filters.with_untracked(|f| f.sel.clone()) else {
        return;
    };
    atlas.update(Entry::Replace, |f| f.sel = None);
    // Return focus to the marker or row that opened the panel, once it is back in the DOM.
    request_animation_frame(move || {
        let target = document()
            .query_selector(&format!("[data-sel-id=\"{id}\"]"))
            .ok()
            .flatten()
            .or_else(|| document().get_element_by_id("main"));
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

#[component]
pub fn DetailPanel() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let a = atlas.clone();
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && a.filters.with_untracked(|f| f.sel.is_some()) {
            close(&a);
        }
    });
    on_cleanup(move || escape.remove());
    let b = atlas.clone();
    move || {
        let id = b.filters.with(|f| f.sel.clone())?;
        let record = b.catalog.record(&id)?;
        Some(view! { <Panel record cat=b.catalog.clone()/> })
    }
}

#[component]
fn Panel(record: Record, cat: Arc<Catalog>) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
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
            if let Some(r) = e
                .region
                .as_ref()
                .and_then(|id| d.regions.iter().find(|r| &r.id == id))
            {
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
    let source_links = sources
        .iter()
        .filter_map(|id| d.source(id).cloned())
        .map(|s| {
            let label = s.title.clone().or(s.publisher.clone()).unwrap_or_else(|| s.url.clone());
            view! { <li><a href=s.url.clone() target="_blank" rel="noopener noreferrer">{label}</a></li> }
        })
        .collect_view();
    let a = atlas.clone();
    view! {
        <aside class="detail" aria-labelledby="detail-title" data-testid="detail">
            <div class="detail__head">
                <h2 id="detail-title" class="detail__title" tabindex="-1" node_ref=heading>{title}</h2>
                <button type="button" class="button button--quiet" on:click=move |_| close(&a) aria-label="Close details">"Close"</button>
            </div>
            <p class=format!("confidence confidence--{}", confidence.id())>{format!("Confidence: {}", confidence.id())}</p>
            <dl class="detail__fields">
                {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            {note.map(|n| view! { <h3 class="detail__sub">"Note"</h3><p class="detail__note">{n}</p> })}
            <h3 class="detail__sub">"Sources"</h3>
            <ul class="detail__sources">{source_links}</ul>
        </aside>
    }
}
