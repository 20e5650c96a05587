//! The timeline view: one lane per provider plus a market lane, events drawn
//! at their real precision, then the growth chart and the providers' announced
//! footprint totals. The markup comes from `crate::present::markup::timeline`; this
//! component only re-renders it when the selection changes and listens for picks.

use super::pick;
use super::state::Atlas;
use crate::core::timeline::LANE_CAP;
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::markup::timeline::{chart, growth_section, legend};
use leptos::prelude::*;

#[component]
pub fn TimelineView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let a = atlas.clone();
    let drawn = Memo::new(move |_| {
        let selected = a.filters.with(|f| f.sel.clone());
        a.selection
            .with(|s| chart(&a.catalog, s, selected.as_deref()))
    });
    let b = atlas.clone();
    // Opening a record changes the filters too; the growth section only depends on providers.
    let providers = Memo::new(move |_| b.filters.with(|f| f.providers.clone()));
    let growth = move || providers.with(|p| b.selection.with(|s| growth_section(&b.catalog, s, p)));
    let lang = atlas.catalog.lang;
    let note = move || {
        drawn.with(|(_, binned)| *binned).then(|| {
            view! {
                <p class="notice" data-testid="binned-note">
                    {lang.fill(T::Binned, &[&LANE_CAP.to_string()])}
                </p>
            }
        })
    };
    view! {
        <div inner_html=legend(lang)></div>
        {note}
        <div class="chart-scroll" data-testid="timeline-chart" inner_html=move || drawn.with(|(svg, _)| svg.clone())
            on:click=pick::on_click(atlas.clone()) on:keydown=pick::on_key(atlas.clone())></div>
        <div data-testid="growth" inner_html=growth></div>
    }
}
