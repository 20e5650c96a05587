//! The page at the empty query as HTML, for the build's pre-render
//! (`src/bin/prerender.rs`): the app's own components (masthead, filter bar, tabs,
//! counts, summary, share bar, map) rendered by Leptos's server renderer, so the
//! first paint and the app are one source and cannot drift apart.
//!
//! The hand-over stays as it was (`super::boot`): the app renders beside this HTML in
//! a hidden host and swaps itself in; no hydration, which would inline the dataset.
//! What differs from the browser, each decided where it happens ([`super::SERVER`]):
//! no effect runs, the map's markers are a picture at [`MAP_PX`], the counts and
//! summary carry the keyed states ([`super::records::Keyed`]), a `<noscript>` note
//! says where the data is, and test ids are left out (the tests find the app by them,
//! and an inert copy must not answer for it).

use super::boot::Boot;
use super::map::PreShapes;
use super::records::{Explorer, Keyed};
use super::Masthead;
use crate::core::filter::{select, Catalog};
use crate::core::geo::Shapes;
use crate::core::load::Loaded;
use crate::core::query::Filters;
use crate::present::markup::prerender::{keyed_states, MAP_PX};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use std::sync::Arc;

/// The inside of `<div id="app">` at the empty query of `loaded`, in English.
pub fn page(loaded: Loaded, shapes: Option<Shapes>) -> String {
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(|| {
        let lang = crate::core::lang::Lang::default();
        provide_context(lang);
        Boot::for_html(MAP_PX).provide();
        if let Some(shapes) = shapes {
            provide_context(PreShapes(Arc::new(shapes)));
        }
        let cat = Catalog::new(loaded.dataset.clone()).with_lang(lang);
        let keyed = keyed_states(&cat.data)
            .into_iter()
            .map(|(key, f)| (key, select(&cat, &f)))
            .collect();
        provide_context(Keyed(Arc::new(keyed)));
        let tagline = crate::present::words::tagline(&cat.data, lang);
        let subscribe = crate::present::markup::subscribe::menu(lang, Some(&cat.data));
        let filters = RwSignal::new(Filters::default());
        view! {
            <Masthead tagline=Signal::stored(tagline) subscribe=Signal::stored(subscribe) filters/>
            <Explorer loaded=Arc::new(loaded) filters/>
        }
        .to_html()
    });
    drop(owner);
    without_test_ids(&html)
}

/// Removes every `data-testid="…"` (the renderer escapes `"` in values, so a value
/// ends at the next one).
fn without_test_ids(html: &str) -> String {
    const ATTR: &str = " data-testid=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        out.push_str(&rest[..at]);
        let value = &rest[at + ATTR.len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    out.push_str(rest);
    out
}
