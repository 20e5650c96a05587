//! The head-to-head view. Its markup comes from `crate::present::markup::compare`;
//! this component re-renders it when the selection changes and opens the
//! record behind a cited figure.

use super::pick;
use super::state::Atlas;
use crate::present::markup::compare::view;
use leptos::prelude::*;

#[component]
pub fn CompareView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let a = atlas.clone();
    let html = move || a.selection.with(|s| view(&a.catalog, s));
    let layer_on = {
        let f = atlas.filters;
        Memo::new(move |_| f.with(|f| f.reference))
    };
    view! {
        <div class="compare-view" inner_html=html on:click=pick::on_click(atlas)></div>
        // The hyperscalers beside them (`ref=1`), with the layer's code.
        <Show when=move || layer_on.get()>
            <super::lazy::LazyRefCompare/>
        </Show>
    }
}
