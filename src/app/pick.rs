//! Delegated listeners for markup written as text (see `crate::present::markup`):
//! one listener per view instead of one per row or mark.
//!
//! A click on, or Enter/Space on a focused non-button element with, a
//! `data-sel-id` opens that record; `data-year` narrows the years to that year.

use super::state::Atlas;
use crate::core::edit::Edit;
use crate::present::hooks;
use leptos::ev::{KeyboardEvent, MouseEvent};
use wasm_bindgen::JsCast;

/// What a target inside the container asks for.
enum Pick {
    Record(String),
    Year(u16),
}

fn pick(target: Option<web_sys::EventTarget>) -> Option<Pick> {
    let el = target?.dyn_into::<web_sys::Element>().ok()?;
    let hit = el.closest(hooks::PICKABLE).ok().flatten()?;
    if let Some(id) = hit.get_attribute(hooks::SEL_ID) {
        return Some(Pick::Record(id));
    }
    hit.get_attribute(hooks::YEAR)?.parse().ok().map(Pick::Year)
}

fn apply(atlas: &Atlas, p: Pick) {
    match p {
        Pick::Record(id) => atlas.edit(Edit::Select(id)),
        Pick::Year(y) => atlas.edit(Edit::Year(y)),
    }
}

pub fn on_click(atlas: Atlas) -> impl Fn(MouseEvent) + 'static {
    move |ev: MouseEvent| {
        if let Some(p) = pick(ev.target()) {
            apply(&atlas, p);
        }
    }
}

/// Buttons already turn Enter and Space into clicks; SVG marks with `role="button"` do not.
pub fn on_key(atlas: Atlas) -> impl Fn(KeyboardEvent) + 'static {
    move |ev: KeyboardEvent| {
        if ev.key() != "Enter" && ev.key() != " " {
            return;
        }
        let is_button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("button"));
        if is_button {
            return;
        }
        if let Some(p) = pick(ev.target()) {
            ev.prevent_default();
            apply(&atlas, p);
        }
    }
}
