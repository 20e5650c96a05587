//! The explorer: filter bar, notices, view tabs, and the records the filters select.

use super::detail::DetailPanel;
use super::filterbar::FilterBar;
use super::map::MapView;
use super::state::Atlas;
use super::status::SkippedNotice;
use super::table::TableView;
use super::url::Entry;
use crate::core::aggregate::summary;
use crate::core::filter::Catalog;
use crate::core::load::Loaded;
use crate::core::query::{to_query, View};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Explorer(loaded: Arc<Loaded>) -> impl IntoView {
    let catalog = Arc::new(Catalog::new(loaded.dataset.clone()));
    let atlas = Atlas::new(catalog);
    provide_context(atlas.clone());
    let a = atlas.clone();
    let listener = window_event_listener(leptos::ev::popstate, move |_| a.reload_from_url());
    on_cleanup(move || listener.remove());

    view! {
        <FilterBar/>
        <main id="main" class="view">
            <UrlNotice/>
            <DataChangedNotice/>
            <SkippedNotice skipped=loaded.skipped.clone()/>
            <ViewTabs/>
            <Counts/>
            <Summary/>
            <div class="workspace">
                <div class="workspace__view">
                    <CurrentView/>
                </div>
                <DetailPanel/>
            </div>
        </main>
    }
}

/// "N of M regions, K of L events", announced politely when it changes.
#[component]
fn Counts() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (regions, events) = (
        atlas.catalog.data.regions.len(),
        atlas.catalog.data.events.len(),
    );
    let version = atlas.catalog.data.version.clone();
    let text = move || {
        atlas.selection.with(|s| {
            let hidden = match s.undated_hidden {
                0 => String::new(),
                1 => {
                    " (1 region with an unknown opening year is left out by the year filter)".into()
                }
                n => format!(
                    " ({n} regions with an unknown opening year are left out by the year filter)"
                ),
            };
            format!(
                "{} of {regions} regions, {} of {events} events{hidden}",
                s.regions.len(),
                s.events.len()
            )
        })
    };
    view! {
        <p class="counts" data-testid="counts" aria-live="polite">
            {text}
            <span class="counts__version">{format!(" · dataset version {version}")}</span>
        </p>
    }
}

/// The generated sentence about what the view shows, read out when it changes.
#[component]
fn Summary() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    view! {
        <p class="summary" data-testid="summary" aria-live="polite">
            {move || atlas.selection.with(|s| summary(&atlas.catalog, s))}
        </p>
    }
}

#[component]
fn CurrentView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let view = Memo::new(move |_| atlas.filters.with(|f| f.view));
    move || match view.get() {
        View::Map => view! { <MapView/> }.into_any(),
        View::Table => view! { <TableView/> }.into_any(),
        _ => view! { <RecordList/> }.into_any(),
    }
}

/// View switches are links (they open in a new tab too) and push a history entry.
#[component]
fn ViewTabs() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let tabs = View::ALL
        .into_iter()
        .map(|v| {
            let (a, b, c) = (atlas.clone(), atlas.clone(), atlas.clone());
            let href = move || {
                let mut f = a.filters.get();
                f.view = v;
                let q = to_query(&f);
                if q.is_empty() { "./".to_string() } else { format!("?{q}") }
            };
            view! {
                <a
                    class="tab"
                    href=href
                    aria-current=move || (b.filters.with(|f| f.view) == v).then_some("page")
                    on:click=move |ev| {
                        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) && ev.button() == 0;
                        if plain {
                            ev.prevent_default();
                            c.update(Entry::Push, |f| f.view = v);
                        }
                    }
                >
                    {v.label()}
                </a>
            }
        })
        .collect_view();
    view! { <nav class="tabs" aria-label="Views">{tabs}</nav> }
}

/// Names the URL parameters that were ignored; dismissible.
#[component]
fn UrlNotice() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let issues = atlas.url_issues;
    view! {
        <Show when=move || issues.with(|i| !i.is_empty())>
            <div class="notice" role="status" data-testid="url-notice">
                <p><strong>"Some of the link's settings were ignored:"</strong></p>
                <ul class="notice__list">
                    {move || issues.get().into_iter().map(|i| view! { <li>{i.to_string()}</li> }).collect_view()}
                </ul>
                <button type="button" class="button button--quiet" on:click=move |_| issues.set(Vec::new())>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// A link made with another dataset version may show different records now.
#[component]
fn DataChangedNotice() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let version = atlas.catalog.data.version.clone();
    let (dismissed, set_dismissed) = signal(false);
    let changed = move || {
        !dismissed.get()
            && atlas
                .filters
                .with(|f| f.d.as_ref().is_some_and(|d| *d != version))
    };
    view! {
        <Show when=changed>
            <div class="notice" role="status" data-testid="data-changed">
                <p>"The data has changed since this link was made, so the view may differ from what its author saw."</p>
                <button type="button" class="button button--quiet" on:click=move |_| set_dismissed.set(true)>"Dismiss"</button>
            </div>
        </Show>
    }
}

/// The selected regions and events, each with its source links.
#[component]
pub fn RecordList() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let cat = atlas.catalog.clone();
    let regions = {
        let (atlas, cat) = (atlas.clone(), cat.clone());
        move || {
            let d = &cat.data;
            atlas.selection.with(|s| {
                s.regions
                    .iter()
                    .map(|&i| {
                        let r = &d.regions[i];
                        let opened = r.opened.map(|o| format!(" · opened {}", o.human())).unwrap_or_default();
                        view! {
                            <li class="record" data-id=r.id.clone()>
                                <span class="record__provider">{d.provider_name(&r.provider).to_string()}</span>
                                " "
                                <strong>{r.name.clone()}</strong>
                                {format!(" — {} · {}{} · {} confidence", r.country, r.status.id(), opened, r.confidence.id())}
                                " "
                                <Sources cat=cat.clone() ids=r.sources.clone()/>
                            </li>
                        }
                    })
                    .collect_view()
            })
        }
    };
    let events = move || {
        let d = &cat.data;
        atlas.selection.with(|s| {
            s.events
                .iter()
                .map(|&i| {
                    let e = &d.events[i];
                    view! {
                        <li class="record" data-id=e.id.clone()>
                            <time datetime=e.date.to_string()>{e.date.human()}</time>
                            " "
                            <span class="record__provider">{d.provider_name(&e.provider).to_string()}</span>
                            " "
                            {e.title.clone()}
                            {format!(" · {} · {} confidence", e.kind.label(), e.confidence.id())}
                            " "
                            <Sources cat=cat.clone() ids=e.sources.clone()/>
                        </li>
                    }
                })
                .collect_view()
        })
    };
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
fn Sources(cat: Arc<Catalog>, ids: Vec<String>) -> impl IntoView {
    ids.into_iter()
        .filter_map(|id| cat.data.source(&id).cloned())
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
