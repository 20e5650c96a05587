//! The coverage view: how far each country's people are from each provider's live
//! regions (`crate::core::coverage`), as a choropleth, its key and a sortable table.
//!
//! The gazetteer (`geo/people.json`, 56 KB compressed) and the country shapes are
//! fetched when the view first opens, never at boot. The shading is in the URL
//! (`shade`); the table's order is the view's own state, like the records table's.

use super::map::MapState;
use super::state::Atlas;
use crate::core::coverage::REF_SHADE;
use crate::core::coverage::{Col, Coverage};
use crate::core::edit::Edit;
use crate::core::geo::{MAP_HEIGHT, MAP_WIDTH};
use crate::core::query::to_query;
use crate::core::reach::People;
use crate::core::reference::{RefLoaded, Reference};
use crate::core::table::Dir;
use crate::present::catalog::T;
use crate::present::hooks::{NEARER, SHADE, SHADING, SORT, SORTABLE};
use crate::present::i18n::Speak;
use crate::present::markup::coverage as markup;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where the gazetteer is, relative to the page.
pub const PEOPLE_URL: &str = "geo/people.json";

/// The gazetteer and the table's order, kept while the person visits other views.
#[derive(Clone, Copy)]
pub struct CoverageUi {
    pub people: RwSignal<Option<Result<Arc<People>, super::fetch::Failure>>>,
    pub sort: RwSignal<(Col, Dir)>,
}

impl CoverageUi {
    pub fn new() -> Self {
        CoverageUi {
            people: RwSignal::new(None),
            sort: RwSignal::new(Col::DEFAULT),
        }
    }

    /// The gazetteer, downloaded unless it already is (a failed download is tried again).
    pub async fn load(&self) -> Option<Arc<People>> {
        if let Some(Some(Ok(p))) = self.people.try_get_untracked() {
            return Some(p);
        }
        let result = super::fetch::fetch_json::<People>(PEOPLE_URL).await;
        let people = result.as_ref().ok().cloned();
        let _ = self.people.try_set(Some(result));
        people
    }
}

/// The figures for the filters now, over the gazetteer `people` and, when the view
/// asks for it, against the reference layer (the share bar's files; the view keeps its
/// own memo of the same call).
pub fn build(atlas: &Atlas, people: &People, reference: Option<&Reference>) -> Coverage {
    let year = atlas.filters.with_untracked(|f| f.to);
    let mut cov = atlas
        .selection
        .with_untracked(|s| Coverage::build(&atlas.catalog, s, people, year));
    if let Some(r) = reference {
        cov.against(
            r,
            people,
            &crate::core::coverage::home_countries(&atlas.catalog.data),
        );
    }
    cov
}

impl Default for CoverageUi {
    fn default() -> Self {
        Self::new()
    }
}

/// What a click inside the view asks for.
fn on_click(
    atlas: Atlas,
    sort: RwSignal<(Col, Dir)>,
    cov: Memo<Option<Arc<Coverage>>>,
) -> impl Fn(leptos::ev::MouseEvent) {
    let records = super::pick::on_click(atlas.clone());
    move |ev: leptos::ev::MouseEvent| {
        let hit = |sel: &str| {
            ev.target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(sel).ok().flatten())
        };
        if let Some(id) = hit(SORTABLE).and_then(|b| b.get_attribute(SORT)) {
            let col = cov.with_untracked(|c| c.as_ref().and_then(|c| Col::from_id(&id, c)));
            if let Some(col) = col {
                sort.update(|s| {
                    *s = if s.0 == col {
                        (col, s.1.flip())
                    } else {
                        (col, col.first_dir())
                    }
                });
            }
            return;
        }
        if let Some(shade) = hit(SHADING).and_then(|l| l.get_attribute(SHADE)) {
            let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
                && ev.button() == 0;
            if plain {
                ev.prevent_default();
                let p = (shade != NEARER).then_some(shade);
                atlas.edit(Edit::Shade(p));
            }
            return;
        }
        records(ev);
    }
}

#[component]
pub fn CoverageView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<CoverageUi>();
    let map = expect_context::<MapState>();
    leptos::task::spawn_local(async move {
        ui.load().await;
    });
    leptos::task::spawn_local(async move {
        map.load().await;
    });
    let lang = atlas.catalog.lang;
    let year = {
        let f = atlas.filters;
        Memo::new(move |_| f.with(|f| f.to))
    };
    let shade = {
        let f = atlas.filters;
        Memo::new(move |_| f.with(|f| f.shade.clone()))
    };
    // The reference layer, when the address asks for it (`ref=1` or `shade=ref`): its
    // file is fetched and read by the layer's own chunk (`super::lazy`), so this view's
    // code does not carry the reader, and kept here once it has arrived.
    let asked = {
        let f = atlas.filters;
        Memo::new(move |_| f.with(|f| f.reference || f.shade.as_deref() == Some(REF_SHADE)))
    };
    let loaded = RwSignal::new(None::<Arc<RefLoaded>>);
    {
        let arrivals = super::lazy::reference_arrivals();
        Effect::new(move |_| {
            arrivals.track();
            if asked.get() && loaded.with_untracked(Option::is_none) {
                leptos::task::spawn_local(async move {
                    let r = super::lazy::reference_for_files().await;
                    if let Some(r) = r.and_then(|r| r.downcast::<RefLoaded>().ok()) {
                        // The view may have been left meanwhile.
                        let _ = loaded.try_set(Some(r));
                    }
                });
            }
        });
    }
    let reference = move || if asked.get() { loaded.get() } else { None };
    let cov = {
        let a = atlas.clone();
        Memo::new(move |_| {
            let people = ui.people.get()?.ok()?;
            let year = year.get();
            let mut cov = a
                .selection
                .with(|s| Coverage::build(&a.catalog, s, &people, year));
            if let Some(r) = reference() {
                cov.against(
                    &r.reference,
                    &people,
                    &crate::core::coverage::home_countries(&a.catalog.data),
                );
            }
            Some(Arc::new(cov))
        })
    };
    let a = atlas.clone();
    let versus = move || {
        let Some(people) = ui.people.get().and_then(|r| r.ok()) else {
            return String::new();
        };
        cov.with(|c| {
            c.as_ref()
                .filter(|c| c.versus.is_some())
                .map_or_else(String::new, |c| {
                    markup::versus_summary(&a.catalog, &people, c)
                })
        })
    };

    let people = move || ui.people.get().and_then(|r| r.ok());
    let a = atlas.clone();
    let summary = move || cov.with(|c| c.as_ref().map(|c| markup::summary(&a.catalog, c)));
    let a = atlas.clone();
    let switch = move || {
        cov.with(|c| {
            let c = c.as_ref()?;
            let href = |p: Option<&str>| {
                let mut f = a.filters.get();
                f.shade = p.map(String::from);
                let q = to_query(&f);
                if q.is_empty() {
                    "./".to_string()
                } else {
                    format!("?{q}")
                }
            };
            Some(markup::switch(&a.catalog, c, shade.get().as_deref(), &href))
        })
    };
    let a = atlas.clone();
    let legend = move || {
        cov.with(|c| {
            let c = c.as_ref()?;
            Some(markup::legend(
                &a.catalog,
                c,
                c.shading(shade.get().as_deref()),
            ))
        })
    };
    let a = atlas.clone();
    let shapes = map.shapes();
    let layer = move || {
        let (Some(shapes), Some(people)) = (shapes.get(), people()) else {
            return String::new();
        };
        cov.with(|c| {
            c.as_ref().map_or_else(String::new, |c| {
                let r = reference();
                markup::layer(
                    &a.catalog,
                    &people,
                    c,
                    r.as_ref().map(|r| &r.reference),
                    &shapes,
                    c.shading(shade.get().as_deref()),
                )
            })
        })
    };
    let a = atlas.clone();
    let map_name = move || {
        cov.with(|c| {
            c.as_ref().map(|c| {
                let (t, d) = markup::map_text(&a.catalog, c, c.shading(shade.get().as_deref()));
                format!("{t}. {d}")
            })
        })
    };
    let a = atlas.clone();
    let sort = ui.sort;
    let table = move || {
        let Some(people) = people() else {
            return String::new();
        };
        cov.with(|c| {
            c.as_ref().map_or_else(String::new, |c| {
                let r = reference();
                markup::table(
                    &a.catalog,
                    &people,
                    c,
                    r.as_ref().map(|r| &r.reference),
                    sort.get(),
                )
            })
        })
    };
    let state = move || {
        ui.people
            .with(|p| p.as_ref().map(|r| r.as_ref().err().cloned()))
    };
    let retry = move |_| {
        ui.people.set(None);
        leptos::task::spawn_local(async move {
            ui.load().await;
        });
    };
    view! {
        <section class="coverage-view" aria-labelledby="cov-h" on:click=on_click(atlas.clone(), sort, cov)>
            {move || match state() {
                None => view! { <p class="status" role="status">{lang.t(T::CovLoading)}</p> }.into_any(),
                Some(Some(e)) => view! {
                    <div class="error" role="alert" data-testid="coverage-failed">
                        <p>{lang.fill(T::CovLoadFailed, &[&e.detail(lang)])}</p>
                        <button type="button" class="button" on:click=retry>{lang.t(T::Retry)}</button>
                    </div>
                }.into_any(),
                Some(None) => ().into_any(),
            }}
            <p class="coverage__summary" data-testid="coverage-summary" aria-live="polite">{summary}</p>
            <p class="coverage__summary" data-testid="coverage-versus" aria-live="polite">{versus}</p>
            <Show when=move || asked.get()>
                <super::lazy::LazyRefStatus/>
            </Show>
            <div class="filters__group coverage__switch" role="group" aria-label=lang.t(T::CovShading) data-testid="coverage-switch" inner_html=switch></div>
            <figure class="coverage__figure">
                <div class="map-scroll">
                    <div class="map coverage__map">
                        <svg class="map__shapes" viewBox=format!("0 0 {MAP_WIDTH} {MAP_HEIGHT}") preserveAspectRatio="xMidYMid meet" role="img" aria-label=map_name focusable="false" inner_html=layer></svg>
                    </div>
                </div>
                <ul class="legend coverage__legend" aria-label=lang.t(T::CovLegend) data-testid="coverage-legend" inner_html=legend></ul>
            </figure>
            <h2 class="section-title" id="cov-h">{lang.t(T::CovTableTitle)}</h2>
            <p class="hint">{lang.t(T::CovTableHint)}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label=lang.t(T::TableScrolls)>
                <table class="records-table coverage-table" data-testid="coverage-table" inner_html=table></table>
            </div>
            <p class="hint">{lang.t(T::CovNote)}</p>
        </section>
    }
}
