//! The detail panel for `sel=`: every field of one record, its note and its sources.
//! Escape or Close clears the selection and puts focus back on what opened it.

use super::state::Atlas;
use super::url::Entry;
use crate::core::filter::{Catalog, Record};
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
        // Timeline marks are SVG elements, not HTML ones; both can take focus.
        match target.map(|e| e.dyn_into::<web_sys::HtmlElement>()) {
            Some(Ok(el)) => {
                let _ = el.focus();
            }
            Some(Err(e)) => {
                if let Ok(el) = e.dyn_into::<web_sys::SvgElement>() {
                    let _ = el.focus();
                }
            }
            None => {}
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
    let (title, body) = crate::core::markup::detail::record(&cat, record);
    let a = atlas.clone();
    view! {
        <aside class="detail" aria-labelledby="detail-title" data-testid="detail">
            <div class="detail__head">
                <h2 id="detail-title" class="detail__title" tabindex="-1" node_ref=heading>{title}</h2>
                <button type="button" class="button button--quiet" on:click=move |_| close(&a) aria-label="Close details">"Close"</button>
            </div>
            <div inner_html=body></div>
        </aside>
    }
}
