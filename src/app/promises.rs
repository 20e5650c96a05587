//! The promises view: each announced region or data centre against the launches that
//! kept it (`crate::core::promises`), as a lag chart and a table opening every record.

use super::state::Atlas;
use crate::core::promises::Promises;
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::markup::promises as markup;
use leptos::prelude::*;
use std::sync::Arc;

/// The figures the promises view shows, lent to the share bar (the count on its CSV
/// button) while the view is open. The view builds them: the builder arrives with
/// the view's code (`super::lazy`), not with the first load.
#[derive(Clone, Copy)]
pub struct PromisesFigures(pub RwSignal<Option<Memo<Arc<Promises>>>>);

impl PromisesFigures {
    pub fn new() -> Self {
        PromisesFigures(RwSignal::new(None))
    }

    /// Promises the view lists; 0 while it is not open (tracked).
    pub fn rows(self) -> usize {
        self.0
            .get()
            .and_then(|m| m.try_with(|p| p.list.len()))
            .unwrap_or(0)
    }
}

impl Default for PromisesFigures {
    fn default() -> Self {
        Self::new()
    }
}

/// The figures for the filters now.
pub fn build(atlas: &Atlas) -> Arc<Promises> {
    Arc::new(
        atlas
            .selection
            .with_untracked(|s| Promises::build(&atlas.catalog, s)),
    )
}

#[component]
pub fn PromisesView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let a = atlas.clone();
    let figures = {
        let a = atlas.clone();
        Memo::new(move |_| Arc::new(a.selection.with(|s| Promises::build(&a.catalog, s))))
    };
    let lent = expect_context::<PromisesFigures>().0;
    lent.set(Some(figures));
    on_cleanup(move || {
        let _ = lent.try_set(None);
    });
    let parts = Memo::new(move |_| {
        let p = figures.get();
        let lanes = p.per.len();
        (
            markup::lead(&a.catalog, &p),
            markup::chart(&a.catalog, &p),
            markup::table(&a.catalog, &p),
            markup::chart_height(lanes),
        )
    });
    let lead = move || {
        parts.with(|p| {
            p.0.iter()
                .map(|l| view! { <li>{l.clone()}</li> })
                .collect_view()
        })
    };
    view! {
        <section class="promises-view" aria-labelledby="pr-h" on:click=super::pick::on_click(atlas.clone())>
            <ul class="promises__lead" data-testid="promises-lead" aria-live="polite">{lead}</ul>
            <h2 class="section-title">{lang.t(T::PrChartTitle)}</h2>
            <p class="hint">{lang.t(T::PrChartHint)}</p>
            <div class="chart-scroll" tabindex="0" role="region" aria-label=lang.t(T::ChartScrolls)>
                <svg class="promises__chart" data-testid="promises-chart" role="img" aria-label=lang.t(T::PrChartTitle)
                    viewBox=move || parts.with(|p| format!("0 0 {} {:.0}", markup::CHART_W, p.3))
                    inner_html=move || parts.with(|p| p.1.clone())></svg>
            </div>
            <h2 class="section-title" id="pr-h">{lang.t(T::PrTableTitle)}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=lang.t(T::TableScrolls)>
                <table class="records-table" data-testid="promises-table" inner_html=move || parts.with(|p| p.2.clone())></table>
            </div>
            <p class="hint">{lang.t(T::PrNote)}</p>
        </section>
    }
}
