//! The reference layer in the page: the hyperscalers' regions (AWS, Azure, Google
//! Cloud), downloaded and parsed only when a view asks for them (`ref=1`, or the
//! coverage view's `shade=ref`), then kept while the person visits other views.
//!
//! Everything here runs in the layer's chunk (`super::lazy`'s `part_reference`) or in
//! a view's chunk: the first load of the default map carries only the switch, the
//! legend entry and the calls that fetch this code. The file's state is therefore not
//! a context the explorer provides (that would put its type's code in the first load)
//! but one reference-counted signal this chunk creates on first use.

use super::fetch::{fetch_text, Failure};
use crate::core::coverage::REF_SHADE;
use crate::core::download;
use crate::core::query::Filters;
use crate::core::reference::{RefLoaded, REFERENCE_URL};
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::refwords::R;
use leptos::prelude::*;
use std::cell::Cell;
use std::sync::Arc;

/// The reference file once asked for (`None`: not yet, or a retry is under way).
#[derive(Clone)]
pub struct RefState {
    pub data: ArcRwSignal<Option<Result<Arc<RefLoaded>, Failure>>>,
}

thread_local! {
    static STATE: RefState = RefState { data: ArcRwSignal::new(None) };
    static LOADING: Cell<bool> = const { Cell::new(false) };
}

/// The page's one reference state.
pub fn refs() -> RefState {
    STATE.with(RefState::clone)
}

/// Whether the view in the address needs the layer.
pub fn wanted(f: &Filters) -> bool {
    f.reference || f.shade.as_deref() == Some(REF_SHADE)
}

impl RefState {
    /// Starts the download unless the file is here or on its way.
    pub fn ensure(&self) {
        if super::SERVER || self.data.with_untracked(Option::is_some) || LOADING.get() {
            return;
        }
        LOADING.set(true);
        let me = self.clone();
        leptos::task::spawn_local(async move {
            let result = match fetch_text(REFERENCE_URL, download::SIDE_FILE).await {
                Ok(text) => crate::core::reference::parse_reference(&text)
                    .map(Arc::new)
                    .map_err(Failure::Load),
                Err(e) => Err(e),
            };
            LOADING.set(false);
            me.data.set(Some(result));
            super::lazy::reference_arrivals().update(|n| *n += 1);
        });
    }

    /// The file, waiting for it if it is on its way (the share bar's files).
    pub async fn loaded(&self) -> Option<Arc<RefLoaded>> {
        self.ensure();
        loop {
            match self.data.with_untracked(Clone::clone) {
                Some(r) => return r.ok(),
                None if !LOADING.get() => return None,
                None => gloo_wait().await,
            }
        }
    }

    /// Retry after a failure.
    pub fn retry(&self) {
        self.data.set(None);
        self.ensure();
    }

    /// The file when it is here (tracked).
    pub fn get(&self) -> Option<Arc<RefLoaded>> {
        self.data
            .with(|d| d.as_ref().and_then(|r| r.as_ref().ok()).cloned())
    }
}

/// A short wait on the browser's timer (the share bar waits for the file this way).
async fn gloo_wait() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The file when `asked` (the view asks for the layer) and it is here (tracked); starts
/// the download when it is asked for.
pub fn for_view(asked: Memo<bool>) -> Option<Arc<RefLoaded>> {
    if !asked.get() {
        return None;
    }
    let r = refs();
    r.ensure();
    r.get()
}

/// Whether the address asks for the layer, and the `to` year, as memos: a component
/// must not read the filters themselves, which change with every switch of view (its
/// closures would then run once more while their view is being taken down).
pub fn asked(filters: RwSignal<Filters>) -> (Memo<bool>, Memo<Option<u16>>) {
    (
        Memo::new(move |_| filters.with(wanted)),
        Memo::new(move |_| filters.with(|f| f.to)),
    )
}

/// The marks of the reference regions over the map, beneath the providers' markers,
/// at the map's zoom.
#[component]
pub fn RefMarks() -> impl IntoView {
    use crate::core::geo::{MAP_HEIGHT, MAP_WIDTH, WORLD};
    let atlas = expect_context::<super::state::Atlas>();
    let zoom = expect_context::<super::map::MapState>().zoom;
    let cat = atlas.catalog.clone();
    let frame = Memo::new(move |_| zoom.get().frame(&cat.data, &WORLD, MAP_WIDTH, MAP_HEIGHT));
    let (on, year) = asked(atlas.filters);
    let marks = move || {
        for_view(on).map_or_else(String::new, |r| {
            crate::present::markup::reference::marks(&r.reference, year.get(), frame.get())
        })
    };
    view! {
        <svg class="map__ref" viewBox=move || frame.get().view_box() preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false" data-testid="ref-marks" inner_html=marks></svg>
    }
}

/// Head to head's reference section: the hyperscalers' counts and where each
/// provider in view is alone.
#[component]
pub fn RefCompare() -> impl IntoView {
    let atlas = expect_context::<super::state::Atlas>();
    let (on, year) = asked(atlas.filters);
    let a = atlas.clone();
    let html = move || {
        for_view(on).map_or_else(String::new, |r| {
            a.selection.with(|s| {
                crate::present::markup::reference::compare_section(
                    &a.catalog,
                    s,
                    &r.reference,
                    year.get(),
                )
            })
        })
    };
    view! {
        <RefStatus/>
        <div class="compare-view compare-view--ref" inner_html=html></div>
    }
}

/// The reference layer's list under the map: the regions with their evidence, or
/// why the file could not be had (with Retry).
#[component]
pub fn RefList() -> impl IntoView {
    use crate::present::markup::reference::list;
    let atlas = expect_context::<super::state::Atlas>();
    let lang = atlas.catalog.lang;
    let (on, year) = asked(atlas.filters);
    let html = move || {
        for_view(on).map_or_else(String::new, |r| {
            list(&r.reference, &r.skipped, year.get(), lang)
        })
    };
    view! {
        <RefStatus/>
        <div class="ref-layer" inner_html=html></div>
    }
}

/// Where a view shows the layer: "Loading the reference regions…", or why they could
/// not be had with Retry; nothing once they are here or when the view does not ask.
#[component]
pub fn RefStatus() -> impl IntoView {
    let atlas = expect_context::<super::state::Atlas>();
    let lang = atlas.catalog.lang;
    let (on, _) = asked(atlas.filters);
    move || {
        if !on.get() {
            return ().into_any();
        }
        let state = refs();
        state.ensure();
        state.data.with(|d| match d {
            None => view! { <p class="status" role="status" data-testid="ref-loading">{lang.t(R::Loading)}</p> }.into_any(),
            Some(Err(e)) => {
                let why = e.detail(lang);
                view! {
                    <div class="error" role="alert" data-testid="ref-failed">
                        <p>{lang.fill(R::Failed, &[&why])}</p>
                        <button type="button" class="button" on:click=move |_| refs().retry()>{lang.t(T::Retry)}</button>
                    </div>
                }.into_any()
            }
            Some(Ok(_)) => ().into_any(),
        })
    }
}
