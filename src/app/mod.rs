//! Leptos components. They read the pure core and wire signals to markup;
//! every decision about data lives in `crate::core`.

pub mod boot;
mod compare;
mod detail;
mod fetch;
mod filterbar;
mod map;
mod pick;
mod records;
mod share;
mod state;
mod status;
mod table;
mod timeline;
pub mod url;

pub use fetch::{fetch_dataset, DATASET_URL};
pub use records::Explorer;
pub use state::Atlas;
pub use status::{LoadFailed, Loading, SkippedNotice};

use leptos::prelude::*;

/// A User Timing mark (`atlas:downloaded`, `atlas:parsed`, `atlas:revealed`): the
/// benchmark (`tests/bench/longtasks.mjs`) and DevTools show the boot's steps by them.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The whole page below `<body>`: masthead, then the explorer once the dataset has loaded.
///
/// Each load is numbered; the view is "retrying" while the newest result
/// belongs to an older attempt. That keeps the failed view (and its message)
/// on screen during a retry without any effect writing signals.
/// `tagline` is the skeleton's (index.html), shown until the dataset names its providers.
#[component]
pub fn App(#[prop(optional)] tagline: String) -> impl IntoView {
    let attempt = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        let n = attempt.get();
        async move { (n, fetch_dataset(DATASET_URL).await) }
    });
    let pending =
        Signal::derive(move || data.with(|d| d.as_ref().map(|(n, _)| *n)) != Some(attempt.get()));
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));

    let embed =
        crate::core::query::from_query(&crate::core::query::parse_pairs(&url::current_query()))
            .0
            .embed;
    let skeleton = StoredValue::new(tagline);
    let tagline = move || match data.get() {
        Some((_, Ok(loaded))) => crate::present::words::tagline(&loaded.dataset),
        _ => skeleton.get_value(),
    };
    view! {
        <Show when=move || !embed>
            <header class="masthead">
                <h1 class="masthead__title">"Cloud Atlas"</h1>
                <p class="masthead__tagline">{tagline}</p>
            </header>
        </Show>
        {move || match data.get() {
            None => view! { <Loading/> }.into_any(),
            Some((_, Ok(loaded))) => view! { <Explorer loaded/> }.into_any(),
            Some((_, Err(message))) => {
                boot::reveal_when_built();
                view! { <LoadFailed message retry pending/> }.into_any()
            }
        }}
    }
}
