//! The detail panel for `sel=`: every field of one record, its note and its sources.
//! Escape or Close clears the selection and puts focus back on what opened it.

use super::state::Atlas;
use crate::core::edit::Edit;
use crate::core::filter::{Catalog, Record};
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where focus goes back to: an element showing record `id` that is on screen (a
/// button folded away in the old-link notice's list cannot take focus), the views'
/// own before the notice's.
fn opener(id: &str) -> Option<web_sys::Element> {
    let all = document()
        .query_selector_all(&crate::present::hooks::record(id))
        .ok()?;
    let shown: Vec<web_sys::Element> = (0..all.length())
        .filter_map(|k| all.item(k)?.dyn_into::<web_sys::Element>().ok())
        .filter(|e| e.closest("details:not([open])").ok().flatten().is_none())
        .collect();
    let in_notice = |e: &web_sys::Element| {
        e.closest(crate::present::hooks::IN_DATA_CHANGED)
            .ok()
            .flatten()
            .is_some()
    };
    shown
        .iter()
        .find(|e| !in_notice(e))
        .or_else(|| shown.first())
        .cloned()
}

fn close(atlas: &Atlas) {
    let Some(id) = atlas.filters.with_untracked(|f| f.sel.clone()) else {
        return;
    };
    atlas.edit(Edit::Close);
    // Return focus to the marker or row that opened the panel, once it is back in the DOM.
    request_animation_frame(move || {
        let target = opener(&id).or_else(|| document().get_element_by_id("main"));
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
    // An open filter menu takes the Escape (it closes; the listeners run in the order the
    // parts were built, which the boot's tasks decide, so the menu being open is what
    // counts, not whether its listener ran first), and a text box uses Escape itself (the
    // search box clears); in both cases the panel stays open.
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        let in_text_box = ev
            .target()
            .is_some_and(|t| t.dyn_ref::<web_sys::HtmlInputElement>().is_some());
        let menu_open = document()
            .query_selector("details.menu[open]")
            .ok()
            .flatten()
            .is_some();
        if ev.key() == "Escape"
            && !ev.default_prevented()
            && !menu_open
            && !in_text_box
            && a.sel.with_untracked(Option::is_some)
        {
            close(&a);
        }
    });
    on_cleanup(move || escape.remove());
    // Only the open record's id: another filter change leaves the panel (and focus) alone.
    let (sel, cat) = (atlas.sel, atlas.catalog.clone());
    move || {
        let record = sel.with(|id| id.as_deref().and_then(|id| cat.record(id)))?;
        Some(view! { <Panel record cat=cat.clone()/> })
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
    let (title, body) = crate::present::markup::detail::record(&cat, record);
    let lang = cat.lang;
    // English standing in for a missing Chinese title says so (see `markup::title`).
    let title_lang = title.fallback.then_some("en");
    let title = title.text.to_string();
    let a = atlas.clone();
    view! {
        <aside class="detail" aria-labelledby="detail-title" data-testid="detail">
            <div class="detail__head">
                <h2 id="detail-title" class="detail__title" tabindex="-1" lang=title_lang node_ref=heading>{title}</h2>
                <button type="button" class="button button--quiet" on:click=move |_| close(&a) aria-label=lang.t(T::CloseDetails)>{lang.t(T::Close)}</button>
            </div>
            <div data-testid="detail-body" inner_html=body></div>
        </aside>
    }
}
