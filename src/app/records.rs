//! The explorer as it stands: dataset facts and a plain list of every record.

use super::status::SkippedNotice;
use crate::core::load::Loaded;
use crate::core::model::Dataset;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Explorer(loaded: Arc<Loaded>) -> impl IntoView {
    let data = &loaded.dataset;
    let summary = format!(
        "{} regions, {} events · dataset version {}",
        data.regions.len(),
        data.events.len(),
        data.version
    );
    view! {
        <div class="filterbar">
            <p class="filterbar__summary" data-testid="counts">{summary}</p>
        </div>
        <main id="main" class="view">
            <SkippedNotice skipped=loaded.skipped.clone()/>
            <RecordList data=loaded.clone()/>
        </main>
    }
}

/// Every region and event, each with its source links.
#[component]
pub fn RecordList(data: Arc<Loaded>) -> impl IntoView {
    let d: &Dataset = &data.dataset;
    let regions = d
        .regions
        .iter()
        .map(|r| {
            let opened = r.opened.map(|o| format!(" · opened {}", o.human())).unwrap_or_default();
            view! {
                <li class="record" data-id=r.id.clone()>
                    <span class="record__provider">{d.provider_name(&r.provider).to_string()}</span>
                    " "
                    <strong>{r.name.clone()}</strong>
                    {format!(" — {} · {}{} · {} confidence", r.country, r.status.id(), opened, r.confidence.id())}
                    " "
                    <Sources data=data.clone() ids=r.sources.clone()/>
                </li>
            }
        })
        .collect_view();
    let events = d
        .events
        .iter()
        .map(|e| {
            view! {
                <li class="record" data-id=e.id.clone()>
                    <time datetime=e.date.to_string()>{e.date.human()}</time>
                    " "
                    <span class="record__provider">{d.provider_name(&e.provider).to_string()}</span>
                    " "
                    {e.title.clone()}
                    {format!(" · {} · {} confidence", e.kind.label(), e.confidence.id())}
                    " "
                    <Sources data=data.clone() ids=e.sources.clone()/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="regions-h">
            <h2 id="regions-h">"Regions"</h2>
            <ul class="records" data-testid="regions">{regions}</ul>
        </section>
        <section aria-labelledby="events-h">
            <h2 id="events-h">"Events"</h2>
            <ul class="records" data-testid="events">{events}</ul>
        </section>
    }
}

/// Source links; validation guarantees every id resolves to an http(s) URL.
#[component]
fn Sources(data: Arc<Loaded>, ids: Vec<String>) -> impl IntoView {
    ids.into_iter()
        .filter_map(|id| data.dataset.source(&id).cloned())
        .enumerate()
        .map(|(i, s)| {
            let label = s.publisher.clone().unwrap_or_else(|| format!("source {}", i + 1));
            view! {
                <a class="source" href=s.url.clone() target="_blank" rel="noopener noreferrer" title=s.title.clone()>
                    {label}
                </a>
                " "
            }
        })
        .collect_view()
}
