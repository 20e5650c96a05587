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
    // The hyperscalers' lines (`ref=1`), computed with the layer's code once its file
    // is here.
    let layer_on = {
        let f = b.filters;
        Memo::new(move |_| f.with(|f| f.reference))
    };
    let lines = RwSignal::new(None::<std::sync::Arc<crate::present::markup::timeline::RefLines>>);
    {
        let (years, lang) = (b.catalog.years, b.catalog.lang);
        let arrivals = super::lazy::reference_arrivals();
        Effect::new(move |_| {
            // Again after a retry brings the file.
            arrivals.track();
            if layer_on.get() {
                leptos::task::spawn_local(async move {
                    if let Some(l) = super::lazy::reference_growth(years, lang).await {
                        // The view may have been left while the lines were made.
                        let _ = lines.try_set(Some(std::sync::Arc::new(l)));
                    }
                });
            } else {
                lines.set(None);
            }
        });
    }
    let growth = move || {
        let lines = lines.get().filter(|_| layer_on.get());
        providers.with(|p| {
            b.selection
                .with(|s| growth_section(&b.catalog, s, p, lines.as_deref()))
        })
    };
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
        <Show when=move || layer_on.get()>
            <super::lazy::LazyRefStatus/>
        </Show>
        <div data-testid="growth" inner_html=growth></div>
    }
}
