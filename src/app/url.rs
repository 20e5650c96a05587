//! The address bar, read and written through the History API.
//!
//! Kept to a few functions instead of leptos_router: there is one route, and
//! the app needs exact control over push versus replace and no scroll jumps.

pub use crate::core::edit::Entry;
use wasm_bindgen::JsValue;

/// The current query string without its `?`.
pub fn current_query() -> String {
    // The pre-render is the page at the empty query.
    if super::SERVER {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// This page's address with the given query (and no fragment): what a copied link holds.
/// Always absolute (origin + path): a path that starts with `//` would otherwise read as
/// another host, and the History API refuses it (a link to `//evil.example` would have
/// made every control throw). An opaque origin (`null`) keeps the path, its leading
/// slashes folded into one.
pub fn address_with(query: &str) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let path = loc.pathname().unwrap_or_default();
    let base = match loc.origin().unwrap_or_default() {
        o if o.is_empty() || o == "null" => format!("/{}", path.trim_start_matches('/')),
        o => format!("{o}{path}"),
    };
    if query.is_empty() {
        base
    } else {
        format!("{base}?{query}")
    }
}

/// Puts `query` in the address bar without reloading or scrolling.
pub fn write(query: &str, entry: Entry) {
    if super::SERVER {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let mut url = address_with(query);
    url.push_str(&window.location().hash().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = match entry {
            Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
            Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
    }
}
