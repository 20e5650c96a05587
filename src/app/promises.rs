//! The promises view: each announced region or data centre against the launches that
//! kept it (`crate::core::promises`), as a lag chart and a table opening every record.

use super::state::Atlas;
use crate::core::promises::Promises;
use crate::core::query::View;
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::markup::promises as markup;
use leptos::prelude::*;
use std::sync::Arc;

/// The figures for the current filters, built once while the view shows and read
/// by the view and by the share bar (its count and CSV).
#[derive(Clone, Copy)]
pub struct PromisesFigures(pub Memo<Option<Arc<Promises>>>);

impl PromisesFigures {
    pub fn new(atlas: &Atlas) -> Self {
        let a = atlas.clone();
        PromisesFigures(Memo::new(move |_| {
            if a.view.get() != View::Promises {
                return None;
            }
            Some(Arc::new(
                a.selection.with(|s| Promises::build(&a.catalog, s)),
            ))
        }))
    }

    /// The figures now (built here if the view is not showing).
    pub fn now(self, atlas: &Atlas) -> Arc<Promises> {
        self.0.get_untracked().unwrap_or_else(|| {
            Arc::new(
                atlas
                    .selection
                    .with_untracked(|s| Promises::build(&atlas.catalog, s)),
            )
        })
    }
}

#[component]
pub fn PromisesView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let a = atlas.clone();
    let figures = expect_context::<PromisesFigures>().0;
    let parts = Memo::new(move |_| {
        let p = figures
            .get()
            .unwrap_or_else(|| PromisesFigures::now(PromisesFigures(figures), &a));
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
