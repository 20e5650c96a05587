//! Code that arrives when it is first needed.
//!
//! With the `split` feature (the trunk build, `index.html`'s `data-cargo-features`),
//! each function below is a split point: `wasm-split-cli`, run between cargo and
//! wasm-bindgen by `scripts/bin/wasm-bindgen`, moves it and all code only it reaches
//! into a chunk of its own, which the page fetches (with its integrity hash,
//! `scripts/split.mjs`) the first time it is called. Two kinds:
//!
//! - **views** (`view_*`): each view but the map, the default view that comes with
//!   the first load. A link to one asks for its chunks in the boot script.
//! - **parts** (`part_*`): what a person may never ask for on a visit. `part_share`
//!   holds every file writer (CSV, JSON, SVG, PNG) with its provenance, and the
//!   Cite panel; `part_since` the change log's reader and the "what changed since
//!   this link" notice, needed only by a link stamped with an older data version.
//!
//! Without the feature (the component tests, which run wasm-bindgen-test without the
//! split step) the same functions are plain calls, so both builds run one code path.
//!
//! A chunk that fails to arrive (offline, a stall, an integrity mismatch) leaves the
//! page as it was and says so where it was needed, with Retry (for a view or the
//! notice) or by asking again (a share button); the loader does not remember
//! failures, so the next call fetches again.

use super::boot::Boot;
use crate::core::lang::Lang;
use crate::core::query::View;
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use leptos::prelude::*;
use std::sync::Arc;

/// A view's code could not be loaded.
#[derive(Debug, Clone)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// Calls a split point: an `await` only in the split build.
#[cfg(feature = "split")]
macro_rules! call {
    ($f:ident($($arg:expr),*)) => {
        $f($($arg),*).await
    };
}
#[cfg(not(feature = "split"))]
macro_rules! call {
    ($f:ident($($arg:expr),*)) => {
        $f($($arg),*)
    };
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

/// The share bar's file writers (`super::share::write`).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(part_share, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn part_share_write(job: super::share::Job) -> Result<(), ChunkFailed> {
    super::share::write(job);
    Ok(())
}

/// The Cite panel, in the same chunk as the writers (a citation is their first line).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(part_share, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn part_share_cite(say: WriteSignal<String>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <super::share::CitePanel say/> }.into_any())
}

/// What changed since a link's data version, as the notice's markup (`None` for
/// this version).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(part_since, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn part_since_notice(
    catalog: std::sync::Arc<crate::core::filter::Catalog>,
    d: String,
) -> Result<Option<String>, ChunkFailed> {
    Ok(crate::present::markup::since::notice(&catalog, Some(&d)))
}

thread_local! {
    /// Counts the reference file's arrivals (and failures), so a view outside the
    /// layer's chunk can follow it. Reference-counted, so no component owns it (an
    /// owned signal would be disposed with the first view that asked for it).
    static REF_ARRIVALS: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// How many times the reference file has arrived or failed (tracked).
pub fn reference_arrivals() -> ArcRwSignal<u32> {
    REF_ARRIVALS.with(ArcRwSignal::clone)
}

/// The reference file for the share bar's files, type-erased so that its type's code
/// stays out of the first load (the share chunk downcasts it).
pub type RefAny = std::sync::Arc<dyn std::any::Any + Send + Sync>;
type RefTask = std::pin::Pin<Box<dyn std::future::Future<Output = Option<RefAny>>>>;

/// Waits for the reference file (`super::reference::RefState::loaded`).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(part_reference, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn part_reference_load() -> Result<RefTask, ChunkFailed> {
    Ok(Box::pin(async {
        let loaded = super::reference::refs().loaded().await?;
        Some(loaded as RefAny)
    }))
}

/// One of the layer's components, in the same chunk as the reader.
macro_rules! split_part {
    ($name:ident, $view:expr) => {
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(part_reference, wasm_split_path = ::leptos::wasm_split, fallible)
        )]
        fn $name() -> Result<AnyView, ChunkFailed> {
            Ok($view.into_any())
        }
    };
}
split_part!(part_reference_list, view! { <super::reference::RefList/> });
split_part!(
    part_reference_marks,
    view! { <super::reference::RefMarks/> }
);
split_part!(
    part_reference_compare,
    view! { <super::reference::RefCompare/> }
);
split_part!(
    part_reference_status,
    view! { <super::reference::RefStatus/> }
);

/// The hyperscalers' lines for the growth chart, in the layer's chunk.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(part_reference, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn part_reference_growth(years: (u16, u16), lang: Lang) -> Result<GrowthTask, ChunkFailed> {
    Ok(Box::pin(async move {
        let loaded = super::reference::refs().loaded().await?;
        Some(crate::present::markup::reference::growth_lines(
            &loaded.reference,
            years,
            lang,
        ))
    }))
}
type GrowthTask = std::pin::Pin<
    Box<dyn std::future::Future<Output = Option<crate::present::markup::timeline::RefLines>>>,
>;

/// The reference file for a file of the share bar (`None`: it could not be had).
pub async fn reference_for_files() -> Option<RefAny> {
    call!(part_reference_load()).ok()?.await
}

/// The growth chart's reference lines, the layer's code and file first.
pub async fn reference_growth(
    years: (u16, u16),
    lang: Lang,
) -> Option<crate::present::markup::timeline::RefLines> {
    call!(part_reference_growth(years, lang)).ok()?.await
}

/// The reference layer's list under the map.
#[component]
pub fn LazyRefList() -> impl IntoView {
    deferred(
        Some(T::PartCodeFailed),
        Arc::new(|| Box::pin(async { call!(part_reference_list()) })),
    )
}

/// Head to head's reference section.
#[component]
pub fn LazyRefCompare() -> impl IntoView {
    deferred(
        Some(T::PartCodeFailed),
        Arc::new(|| Box::pin(async { call!(part_reference_compare()) })),
    )
}

/// Whether the reference file is loading or failed (with Retry), for a view that
/// shows the layer.
#[component]
pub fn LazyRefStatus() -> impl IntoView {
    deferred(
        Some(T::PartCodeFailed),
        Arc::new(|| Box::pin(async { call!(part_reference_status()) })),
    )
}

/// The marks over the map: nothing while their code loads, nothing if it cannot (the
/// list under the map says so, with Retry).
#[component]
pub fn LazyRefMarks() -> impl IntoView {
    deferred(
        None,
        Arc::new(|| Box::pin(async { call!(part_reference_marks()) })),
    )
}

/// Writes a file of the share bar, its code loaded first if it is not yet.
pub async fn write_file(job: super::share::Job) -> Result<(), ChunkFailed> {
    call!(part_share_write(job))
}

/// The Cite panel, its code loaded first if it is not yet.
pub async fn cite_panel(say: WriteSignal<String>) -> Result<AnyView, ChunkFailed> {
    call!(part_share_cite(say))
}

/// The "what changed since" notice for a link stamped `d`, its code loaded first.
pub async fn since_notice(
    catalog: std::sync::Arc<crate::core::filter::Catalog>,
    d: String,
) -> Result<Option<String>, ChunkFailed> {
    call!(part_since_notice(catalog, d))
}

/// The view's code, loaded if it is not yet (an `await` only in the split build).
async fn open(view: View) -> Result<AnyView, ChunkFailed> {
    match view {
        View::Map => Ok(view! { <super::map::MapView/> }.into_any()),
        View::Timeline => call!(view_timeline()),
        View::Compare => call!(view_compare()),
        View::Table => call!(view_table()),
        View::Coverage => call!(view_coverage()),
        View::Changes => call!(view_changes()),
        View::Promises => call!(view_promises()),
    }
}

/// A view other than the map, rendered once its code is here. During the boot the
/// page is not revealed before the chunk has arrived (or failed), so an address for
/// this view never shows an empty view in place of the pre-render.
#[component]
pub fn LazyView(view: View) -> impl IntoView {
    deferred(
        Some(T::ViewCodeFailed),
        Arc::new(move || Box::pin(open(view))),
    )
}

/// The Cite panel (its code arrives with the file writers); `say` is the share
/// bar's status line, which tells when a citation was copied.
#[component]
pub fn LazyCite(say: WriteSignal<String>) -> impl IntoView {
    deferred(
        Some(T::PartCodeFailed),
        Arc::new(move || Box::pin(cite_panel(say))),
    )
}

type Loading =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, ChunkFailed>> + Send>>;

/// What `load` renders once its chunk is here; "Loading…" until then, and `failed`
/// with Retry if the chunk cannot be had. The boot waits for it (see [`Boot::hold`]).
/// `failed` `None`: quiet, nothing while loading or on failure (another part of the
/// page says so). One instantiation for every lazy part: `load` is a trait object,
/// since each closure type would otherwise copy the whole suspense machinery into
/// the first load.
fn deferred(failed: Option<T>, load: Arc<dyn Fn() -> Loading + Send + Sync>) -> impl IntoView {
    let lang = use_context::<Lang>().unwrap_or_default();
    let boot = Boot::current();
    let attempt = RwSignal::new(0u32);
    let retry = move |_| attempt.update(|n| *n += 1);
    view! {
        <Suspense fallback=move || failed.map(|_| view! { <p class="status" role="status">{lang.t(T::Loading)}</p> })>
            {move || {
                attempt.track();
                // Dropped when the chunk is here or has failed (or the part is left).
                let held = boot.hold();
                let loading = load();
                Suspend::new(async move {
                    let opened = loading.await;
                    drop(held);
                    match (opened, failed) {
                        (Ok(v), _) => v,
                        (Err(ChunkFailed), None) => ().into_any(),
                        (Err(ChunkFailed), Some(failed)) => view! {
                            <div class="error" role="alert" data-testid="chunk-failed">
                                <p>{lang.t(failed)}</p>
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
