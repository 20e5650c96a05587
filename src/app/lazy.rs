//! Views whose code arrives when they are first opened.
//!
//! With the `split` feature (the trunk build, `index.html`'s `data-cargo-features`),
//! each function below is a split point: `wasm-split-cli`, run between cargo and
//! wasm-bindgen by `scripts/bin/wasm-bindgen`, moves it and all code only it reaches
//! into a chunk of its own, which the page fetches (with its integrity hash,
//! `scripts/split.mjs`) the first time the view opens. The map is not here: it is
//! the default view and comes with the first load.
//!
//! Without the feature (the component tests, which run wasm-bindgen-test without the
//! split step) the same functions are plain calls, so both builds run one code path.
//!
//! A chunk that fails to arrive (offline, a stall, an integrity mismatch) leaves the
//! page as it was and says so in the view's place, with Retry; the loader does not
//! remember failures, so Retry fetches again.

use super::boot::Boot;
use crate::core::lang::Lang;
use crate::core::query::View;
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use leptos::prelude::*;

/// A view's code could not be loaded.
#[derive(Debug, Clone)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// One split point per view other than the map: `$name` (the chunk's name too)
/// renders `$view`.
macro_rules! split_view {
    ($name:ident, $view:expr) => {
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $name() -> Result<AnyView, ChunkFailed> {
            Ok($view.into_any())
        }
    };
}

use super::changes::ChangesView;
use super::compare::CompareView;
use super::coverage::CoverageView;
use super::promises::PromisesView;
use super::table::TableView;
use super::timeline::TimelineView;
split_view!(view_timeline, view! { <TimelineView/> });
split_view!(view_compare, view! { <CompareView/> });
split_view!(view_table, view! { <TableView/> });
split_view!(view_coverage, view! { <CoverageView/> });
split_view!(view_changes, view! { <ChangesView/> });
split_view!(view_promises, view! { <PromisesView/> });

/// The view's code, loaded if it is not yet (an `await` only in the split build).
async fn open(view: View) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    macro_rules! call {
        ($f:ident) => {
            $f().await
        };
    }
    #[cfg(not(feature = "split"))]
    macro_rules! call {
        ($f:ident) => {
            $f()
        };
    }
    match view {
        View::Map => Ok(view! { <super::map::MapView/> }.into_any()),
        View::Timeline => call!(view_timeline),
        View::Compare => call!(view_compare),
        View::Table => call!(view_table),
        View::Coverage => call!(view_coverage),
        View::Changes => call!(view_changes),
        View::Promises => call!(view_promises),
    }
}

/// A view other than the map, rendered once its code is here. During the boot the
/// page is not revealed before the chunk has arrived (or failed), so an address for
/// this view never shows an empty view in place of the pre-render.
#[component]
pub fn LazyView(view: View) -> impl IntoView {
    let lang = use_context::<Lang>().unwrap_or_default();
    let boot = Boot::current();
    let attempt = RwSignal::new(0u32);
    let retry = move |_| attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=move || view! { <p class="status" role="status">{lang.t(T::Loading)}</p> }>
            {move || {
                attempt.track();
                // Dropped when the chunk is here or has failed (or the view is left).
                let held = boot.hold();
                Suspend::new(async move {
                    let opened = open(view).await;
                    drop(held);
                    match opened {
                        Ok(v) => v,
                        Err(ChunkFailed) => view! {
                            <div class="error" role="alert" data-testid="chunk-failed">
                                <p>{lang.t(T::ViewCodeFailed)}</p>
                                <button type="button" class="button" on:click=retry>
                                    {lang.t(T::Retry)}
                                </button>
                            </div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
