//! The changes view: what each provider added, announced, pledged and closed between
//! two dates (`crate::core::changes`). The range is the filters' years, or the last
//! 24 months of the data; every line opens its record.

use super::map::MapState;
use super::state::Atlas;
use crate::core::changes::{Changes, Window};
use crate::core::geo::{MAP_HEIGHT, MAP_WIDTH};
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::markup::changes as markup;
use leptos::prelude::*;
use std::sync::Arc;

/// The figures the changes view shows, lent to the share bar (the count on its CSV
/// button) while the view is open. The view builds them: the builder arrives with
/// the view's code (`super::lazy`), not with the first load.
#[derive(Clone, Copy)]
pub struct ChangesFigures(pub RwSignal<Option<Memo<Arc<Changes>>>>);

impl ChangesFigures {
    pub fn new() -> Self {
        ChangesFigures(RwSignal::new(None))
    }

    /// Lines the view lists; 0 while it is not open (tracked).
    pub fn rows(self) -> usize {
        self.0
            .get()
            .and_then(|m| m.try_with(|c| c.items.len() + c.coarse.len()))
            .unwrap_or(0)
    }
}

impl Default for ChangesFigures {
    fn default() -> Self {
        Self::new()
    }
}

/// The figures for the filters now.
pub fn build(atlas: &Atlas) -> Arc<Changes> {
    let window = atlas
        .filters
        .with_untracked(|f| Window::of(&atlas.catalog, f));
    Arc::new(
        atlas
            .selection
            .with_untracked(|s| Changes::build(&atlas.catalog, s, window)),
    )
}

#[component]
pub fn ChangesView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let map = expect_context::<MapState>();
    leptos::task::spawn_local(async move {
        map.load().await;
    });
    let lang = atlas.catalog.lang;
    let figures = {
        let a = atlas.clone();
        Memo::new(move |_| {
            let w = a.filters.with(|f| Window::of(&a.catalog, f));
            Arc::new(a.selection.with(|s| Changes::build(&a.catalog, s, w)))
        })
    };
    let lent = expect_context::<ChangesFigures>().0;
    lent.set(Some(figures));
    on_cleanup(move || {
        let _ = lent.try_set(None);
    });
    let parts = {
        let a = atlas.clone();
        Memo::new(move |_| figures.with(|ch| Arc::new(markup::parts(&a.catalog, ch))))
    };
    let shapes = map.shapes();
    let ground = Memo::new(move |_| shapes.get().map(|s| markup::ground(&s)).unwrap_or_default());
    let panels = move || {
        parts.with(|p| {
            p.maps
                .iter()
                .map(|(name, marks)| {
                    let inside = format!("{}<g class=\"ch-marks\">{marks}</g>", ground.get());
                    view! {
                        <figure class="changes__panel">
                            <figcaption>{name.clone()}</figcaption>
                            <div class="map changes__map">
                                <svg class="map__shapes" viewBox=format!("0 0 {MAP_WIDTH} {MAP_HEIGHT}") preserveAspectRatio="xMidYMid meet" role="img" aria-label=name.clone() focusable="false" inner_html=inside></svg>
                            </div>
                        </figure>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="changes-view" aria-labelledby="ch-h" on:click=super::pick::on_click(atlas.clone())>
            <p class="changes__range" data-testid="changes-range">{move || parts.with(|p| p.range.clone())}</p>
            <p class="coverage__summary" data-testid="changes-lead" aria-live="polite">{move || parts.with(|p| p.lead.clone())}</p>
            <h2 class="section-title" id="ch-h">{lang.t(T::ChTableTitle)}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=lang.t(T::TableScrolls)>
                <table class="records-table compare" data-testid="changes-table" inner_html=move || parts.with(|p| p.table.clone())></table>
            </div>
            <p class="hint">{lang.t(T::ChPledgeCaveat)}</p>
            <h2 class="section-title">{lang.t(T::ChMapsTitle)}</h2>
            <p class="hint">{lang.t(T::ChMapsHint)}</p>
            <div class="changes__panels" data-testid="changes-maps">{panels}</div>
            <h2 class="section-title">{lang.t(T::ChListTitle)}</h2>
            <div class="changes__months" data-testid="changes-list" inner_html=move || parts.with(|p| p.list.clone())></div>
        </section>
    }
}
