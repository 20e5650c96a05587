//! The explorer: filter bar, notices, view tabs, and the records the filters select.

use super::boot::Staged;
use super::detail::DetailPanel;
use super::filterbar::FilterBar;
use super::map::MapView;
use super::state::Atlas;
use super::status::SkippedNotice;
use crate::core::edit::Edit;
use crate::core::filter::Catalog;
use crate::core::lang::Lang;
use crate::core::load::Loaded;
use crate::core::query::{to_query, Filters, View};
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::words::page_title;
use leptos::prelude::*;
use std::sync::Arc;

/// The providers' colours, from the dataset, as custom properties on the root element.
/// Set through the CSSOM, which the Content-Security-Policy allows (an inline style
/// attribute or `<style>` element it would block); see `crate::present::theme`.
fn set_provider_colours(d: &crate::core::model::Dataset) {
    use wasm_bindgen::JsCast;
    // The pre-render's page links the same properties as a stylesheet (`page_css`).
    if super::SERVER {
        return;
    }
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    for (name, value) in crate::present::theme::custom_properties(d) {
        let _ = style.set_property(&name, &value);
    }
}

#[component]
pub fn Explorer(loaded: Arc<Loaded>, filters: RwSignal<Filters>) -> impl IntoView {
    super::mark("atlas:explorer");
    super::boot::Boot::current();
    // English where no app provides a language (a component tested alone).
    let lang = use_context::<Lang>().unwrap_or_default();
    let catalog = Arc::new(Catalog::new(loaded.dataset.clone()).with_lang(lang));
    set_provider_colours(&catalog.data);
    let atlas = Atlas::new(catalog, filters);
    provide_context(atlas.clone());
    provide_context(super::map::MapState::new(&atlas));
    provide_context(super::table::TableUi::new());
    provide_context(super::coverage::CoverageUi::new());
    provide_context(super::changes::ChangesFigures::new());
    provide_context(super::promises::PromisesFigures::new());
    let a = atlas.clone();
    let listener = window_event_listener(leptos::ev::popstate, move |_| a.reload_from_url());
    on_cleanup(move || listener.remove());

    let a = atlas.clone();
    // The page's title and description follow the view (tabs, bookmarks, shared previews).
    Effect::new(move |_| {
        let title = a.filters.with(|f| page_title(&a.catalog, f));
        let description = a.summary.get();
        document().set_title(&title);
        if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", &description);
        }
    });

    super::boot::reveal_when_built();
    if atlas.filters.with_untracked(|f| f.embed) {
        return view! { <Embedded skipped=loaded.skipped.clone()/> }.into_any();
    }
    view! {
        <Staged name="filter bar"><FilterBar/></Staged>
        <main id="main" class="view" tabindex="-1">
            {no_script()}
            <UrlNotice/>
            <DataChangedNotice/>
            <SkippedNotice skipped=loaded.skipped.clone()/>
            <Staged name="tabs, counts, summary">
                <ViewTabs/>
                <Counts/>
                <Summary/>
            </Staged>
            <Staged name="share bar"><super::share::ShareBar/></Staged>
            <Workspace/>
            <PrintSources/>
        </main>
    }
    .into_any()
}

/// The current view with the detail panel beside it.
///
/// The view is built in a browser task of its own after the rest of the page (a boot
/// in short tasks, see `super::boot`), and the page is revealed once it is there.
#[component]
fn Workspace() -> impl IntoView {
    view! {
        <div class="workspace">
            <div class="workspace__view">
                <Staged name="view"><CurrentView/></Staged>
            </div>
            <DetailPanel/>
        </div>
    }
}

/// `embed=1`: the chosen view under a one-line header that links to the full view.
#[component]
fn Embedded(skipped: Vec<crate::core::load::Skipped>) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let a = atlas.clone();
    let full = move || {
        let mut f = a.filters.get();
        f.embed = false;
        super::url::address_with(&to_query(&f))
    };
    let b = atlas.clone();
    view! {
        <header class="embed-head">
            <strong class="embed-head__title">{move || b.filters.with(|f| page_title(&b.catalog, f))}</strong>
            <a class="embed-head__link" href=full target="_blank" rel="noopener noreferrer" data-testid="open-full">{atlas.catalog.lang.t(T::OpenFullView)}</a>
        </header>
        <main id="main" class="view view--embed" tabindex="-1">
            <UrlNotice/>
            <DataChangedNotice/>
            <SkippedNotice skipped/>
            <Summary/>
            <Workspace/>
        </main>
    }
}

/// On paper, the view is followed by the sources of the records it shows.
///
/// The list is written once the page is about to be printed (`beforeprint`, or the print
/// media query starting to match, as in a print preview or an emulated print medium) and
/// follows the selection from then on; nobody pays for it at boot.
#[component]
fn PrintSources() -> impl IntoView {
    use wasm_bindgen::prelude::*;
    let atlas = expect_context::<Atlas>();
    let heading = atlas.catalog.lang.t(T::Sources);
    let printing = RwSignal::new(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| {
        let _ = printing.try_set(true);
    });
    on_cleanup(move || before.remove());
    if let Some(Ok(Some(print))) = (!super::SERVER).then(|| window().match_media("print")) {
        let change = Closure::<dyn Fn()>::new(move || {
            let _ = printing.try_set(true);
        });
        let _ = print.add_event_listener_with_callback("change", change.as_ref().unchecked_ref());
        // One small closure per explorer, alive as long as the page.
        change.forget();
    }
    let sources = move || {
        if !printing.get() {
            return String::new();
        }
        atlas
            .selection
            .with(|s| crate::present::markup::detail::print_sources(&atlas.catalog, s))
    };
    view! {
        <section class="print-only" aria-hidden="true">
            <h2>{heading}</h2>
            <ol inner_html=sources></ol>
        </section>
    }
}

/// Pre-render only (the build provides it, [`super::first_paint`]): the filtered
/// states whose counts and summary the page also carries, hidden, each under its key
/// (`crate::present::markup::prerender::keyed_states`), so that a shared link to one
/// paints its figures from HTML. The browser's app never has it.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone)]
pub struct Keyed(pub Arc<Vec<(String, crate::core::filter::Selection)>>);

/// The text `of` makes of the selection: in the browser, live; in the pre-render, the
/// empty query's and each keyed state's ([`Keyed`]) in spans the stylesheet picks from.
/// The pre-render's part is compiled only there (it would cost the wasm 2 KB).
#[cfg(target_arch = "wasm32")]
fn keyed_text(
    _: &Atlas,
    live: impl Fn() -> String + Send + Sync + 'static,
    _: fn(&Catalog, &crate::core::filter::Selection) -> String,
) -> impl IntoView {
    live
}

#[cfg(not(target_arch = "wasm32"))]
fn keyed_text(
    atlas: &Atlas,
    live: impl Fn() -> String + Send + Sync + 'static,
    of: fn(&Catalog, &crate::core::filter::Selection) -> String,
) -> AnyView {
    use crate::present::markup::prerender::KEYED;
    let Some(Keyed(states)) = use_context::<Keyed>() else {
        return live.into_any();
    };
    let others = states
        .iter()
        .map(|(key, s)| {
            view! { <span class=KEYED data-k=key.clone() hidden>{of(&atlas.catalog, s)}</span> }
        })
        .collect_view();
    view! { <span class=KEYED data-k="">{live}</span>{others} }.into_any()
}

/// "N of M regions, K of L events", announced politely when it changes.
#[component]
fn Counts() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let version = atlas
        .catalog
        .lang
        .fill(T::DatasetVersion, &[&atlas.catalog.data.version]);
    let a = atlas.clone();
    let live = move || {
        a.selection
            .with(|s| crate::present::words::counts_line(&a.catalog, s))
    };
    let text = keyed_text(&atlas, live, crate::present::words::counts_line);
    view! {
        <p class="counts" data-testid="counts" aria-live="polite">
            {text}
            <span class="counts__version">{version}</span>
        </p>
    }
}

/// The generated sentence about what the view shows, read out when it changes.
#[component]
fn Summary() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let summary = atlas.summary;
    let text = keyed_text(
        &atlas,
        move || summary.get(),
        crate::present::words::summary,
    );
    view! {
        <p class="summary" data-testid="summary" aria-live="polite">
            {text}
        </p>
    }
}

/// Pre-render only: without scripts the page says what it cannot do, and where the
/// data is (the build's HTML is all such a reader gets). Nothing in the browser.
#[cfg(target_arch = "wasm32")]
fn no_script() -> impl IntoView {}

#[cfg(not(target_arch = "wasm32"))]
fn no_script() -> impl IntoView {
    let lang = expect_context::<Atlas>().catalog.lang;
    view! {
        <noscript>
            <div class="notice">
                <p>{lang.t(T::NoScriptNote)}</p>
                <p>{lang.t(T::NoScriptData)}<a href="data/atlas.json">{lang.t(T::DownloadDatasetJson)}</a>"."</p>
            </div>
        </noscript>
    }
}

#[component]
fn CurrentView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let view = atlas.view;
    move || match view.get() {
        View::Map => view! { <MapView/> }.into_any(),
        // Every other view's code arrives when it is first opened (`lazy`).
        v => view! { <super::lazy::LazyView view=v/> }.into_any(),
    }
}

/// View switches are links (they open in a new tab too) and push a history entry.
#[component]
fn ViewTabs() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let tabs = View::ALL
        .into_iter()
        .map(|v| {
            let (a, b, c) = (atlas.clone(), atlas.clone(), atlas.clone());
            let href = move || {
                let mut f = a.filters.get();
                f.view = v;
                let q = to_query(&f);
                if q.is_empty() { "./".to_string() } else { format!("?{q}") }
            };
            view! {
                <a
                    class="tab"
                    href=href
                    data-view=v.id()
                    aria-current=move || (b.view.get() == v).then_some("page")
                    on:click=move |ev| {
                        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) && ev.button() == 0;
                        if plain {
                            ev.prevent_default();
                            c.edit(Edit::View(v));
                        }
                    }
                >
                    {lang.view(v)}
                </a>
            }
        })
        .collect_view();
    view! { <nav class="tabs" aria-label=lang.t(T::Views)>{tabs}</nav> }
}

/// Names the URL parameters that were ignored; dismissible.
#[component]
fn UrlNotice() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let issues = atlas.url_issues;
    let line = move |i: crate::core::query::Issue| {
        format!(
            "{}{}{}",
            i.head(),
            lang.pick(": ", "："),
            lang.why(i.reason)
        )
    };
    view! {
        <Show when=move || issues.with(|i| !i.is_empty())>
            <div class="notice" role="status" data-testid="url-notice">
                <p><strong>{lang.t(T::UrlIgnored)}</strong></p>
                {move || view! { <super::status::NoticeList lines=issues.get().into_iter().map(line).collect()/> }}
                <button type="button" class="button button--quiet" on:click=move |_| issues.set(Vec::new())>{lang.t(T::Dismiss)}</button>
            </div>
        </Show>
    }
}

/// A link made with another dataset version may show different records now.
///
/// The change log's reader (`core::history`) and the notice's markup arrive only for
/// such a link (`super::lazy::since_notice`); a link of this version, the usual
/// case, loads neither. The page is not revealed before the notice is there, so it
/// never pushes the view down after the first paint.
#[component]
fn DataChangedNotice() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let (dismissed, set_dismissed) = signal(false);
    let version = atlas.catalog.data.version.clone();
    // The link's version when it is not this dataset's; the notice follows it.
    let older = {
        let filters = atlas.filters;
        Memo::new(move |_| filters.with(|f| f.d.clone().filter(|d| *d != version)))
    };
    // `None` until the notice's code has answered; then its markup or the failure.
    let html = RwSignal::new(None::<Result<Option<String>, super::lazy::ChunkFailed>>);
    let attempt = RwSignal::new(0u32);
    let boot = super::boot::Boot::current();
    let catalog = atlas.catalog.clone();
    Effect::new(move |_| {
        attempt.track();
        let Some(d) = older.get() else {
            html.set(Some(Ok(None)));
            return;
        };
        let held = boot.hold();
        let catalog = catalog.clone();
        leptos::task::spawn_local(async move {
            let answer = super::lazy::since_notice(catalog, d.clone()).await;
            // The link may have moved on while the code arrived (Back, Update the link):
            // an answer for another version is not this page's.
            if older.try_get_untracked().flatten().as_deref() == Some(d.as_str()) {
                let _ = html.try_set(Some(answer));
            }
            drop(held);
        });
    });
    let shown = move || {
        html.with(|h| match h {
            Some(Ok(Some(markup))) => Some(Ok(markup.clone())),
            Some(Err(_)) => Some(Err(())),
            _ => None,
        })
    };
    let a = atlas.clone();
    view! {
        <Show when=move || !dismissed.get() && shown().is_some()>
            <div class="notice notice--since" role="status" data-testid=crate::present::hooks::DATA_CHANGED on:click=super::pick::on_click(a.clone())>
                {move || match shown() {
                    Some(Ok(markup)) => view! { <div data-testid="since" inner_html=markup></div> }.into_any(),
                    _ => view! {
                        <p data-testid="chunk-failed">{lang.t(T::SinceCodeFailed)}</p>
                        <p><button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>{lang.t(T::Retry)}</button></p>
                    }.into_any(),
                }}
                <p class="notice__actions">
                    <button type="button" class="button button--quiet" data-testid="stamp" on:click={
                        let a = a.clone();
                        move |_| a.edit(Edit::Stamp)
                    }>{lang.t(T::SinceStamp)}</button>
                    <button type="button" class="button button--quiet" on:click=move |_| set_dismissed.set(true)>{lang.t(T::Dismiss)}</button>
                </p>
            </div>
        </Show>
    }
}
