//! Leptos components. They read the pure core and wire signals to markup;
//! every decision about data lives in `crate::core`.

pub mod boot;
mod changes;
mod compare;
mod coverage;
mod detail;
mod fetch;
mod filterbar;
#[cfg(not(target_arch = "wasm32"))]
pub mod first_paint;
mod lazy;
mod map;
mod pick;
mod promises;
mod records;
mod reference;
mod share;
mod state;
mod status;
mod table;
mod timeline;
pub mod url;

use crate::present::i18n::Speak;
pub use fetch::{fetch_dataset, DATASET_URL};
pub use records::Explorer;
pub use state::Atlas;
pub use status::{LoadFailed, Loading, SkippedNotice};

use crate::core::lang::Lang;
use crate::present::catalog::{Phrase, T};
use leptos::prelude::*;

/// True where the components are rendered to HTML by the build (the pre-render,
/// [`first_paint`]) rather than run in a browser: there is no window, no timer and no
/// address bar, and the few calls that need one are skipped. Effects never run there.
pub const SERVER: bool = cfg!(not(target_arch = "wasm32"));

/// A User Timing mark (`atlas:downloaded`, `atlas:parsed`, `atlas:revealed`): the
/// benchmark (`tests/bench/longtasks.mjs`) and DevTools show the boot's steps by them.
pub fn mark(name: &str) {
    if SERVER {
        return;
    }
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
///
/// The language is read once, from the address the page was opened with: switching
/// it is a link to another page (the same view in the other language), so every word
/// is written once per page and the views carry no per-word reactivity.
#[component]
pub fn App(#[prop(optional)] tagline: String) -> impl IntoView {
    // The boot `main.rs` provides (a fresh one for an App mounted on its own).
    boot::Boot::current();
    let attempt = RwSignal::new(0u32);
    let data = LocalResource::new(move || {
        let n = attempt.get();
        async move { (n, fetch_dataset(DATASET_URL).await) }
    });
    let pending =
        Signal::derive(move || data.with(|d| d.as_ref().map(|(n, _)| *n)) != Some(attempt.get()));
    let retry = Callback::new(move |_| attempt.update(|n| *n += 1));

    let (first, _) =
        crate::core::query::from_query(&crate::core::query::parse_pairs(&url::current_query()));
    let (embed, lang) = (first.embed, first.lang);
    // The one view state, shared by the masthead's language switch and the explorer.
    let filters = RwSignal::new(first);
    provide_context(lang);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    let skeleton = StoredValue::new(tagline);
    let tagline = move || match data.get() {
        Some((_, Ok(loaded))) => crate::present::words::tagline(&loaded.dataset, lang),
        _ if lang == Lang::Zh => String::new(),
        _ => skeleton.get_value(),
    };
    // The feeds of this language; the providers' own feeds once the dataset names them.
    let subscribe = move || {
        data.with(|d| match d {
            Some((_, Ok(loaded))) => {
                crate::present::markup::subscribe::menu(lang, Some(&loaded.dataset))
            }
            _ => crate::present::markup::subscribe::menu(lang, None),
        })
    };
    view! {
        <Show when=move || !embed>
            <Masthead tagline=Signal::derive(tagline) subscribe=Signal::derive(subscribe) filters/>
            <LangOffer/>
        </Show>
        {move || match data.get() {
            None => view! { <Loading/> }.into_any(),
            Some((_, Ok(loaded))) => view! { <Explorer loaded filters/> }.into_any(),
            Some((_, Err(failure))) => {
                boot::reveal_when_built();
                view! { <LoadFailed message=failure.say(lang) retry pending/> }.into_any()
            }
        }}
    }
}

/// The site's name, the tagline, the language switch and the feeds: the app's and the
/// pre-render's ([`first_paint`]) one masthead.
#[component]
pub fn Masthead(
    tagline: Signal<String>,
    /// The feeds menu's markup (`crate::present::markup::subscribe::menu`).
    subscribe: Signal<String>,
    filters: RwSignal<crate::core::query::Filters>,
) -> impl IntoView {
    let lang = expect_context::<Lang>();
    view! {
        <header class="masthead">
            <h1 class="masthead__title">{lang.t(T::SiteName)}</h1>
            <p class="masthead__tagline">{tagline}</p>
            <LangSwitch filters/>
            <div class="masthead__feeds" inner_html=subscribe></div>
        </header>
    }
}

/// The masthead's link to this very view in the other language: a real link (it
/// opens in a new tab, and a copied address carries every key), named in the
/// language it leads to. Its accessible name is its visible text (WCAG 2.5.3: an
/// `aria-label` around "中文" failed axe's label-in-name check in Firefox); the longer
/// description is its `title`.
#[component]
fn LangSwitch(filters: RwSignal<crate::core::query::Filters>) -> impl IntoView {
    let lang = expect_context::<Lang>();
    let other = lang.other();
    let href = move || {
        let mut f = filters.get();
        f.lang = other;
        let q = crate::core::query::to_query(&f);
        if q.is_empty() {
            "./".to_string()
        } else {
            format!("?{q}")
        }
    };
    view! {
        <a class="masthead__lang" href=href hreflang=other.tag() lang=other.tag()
            title=lang.t(T::SwitchLangLabel) data-testid="lang-switch">
            {lang.t(T::SwitchLang)}
        </a>
    }
}

/// A browser that prefers Chinese, on the English page, is offered the Chinese one:
/// once, in a line under the masthead, never by redirecting. Following or dismissing
/// the offer ends it for this browser (remembered in `localStorage` where allowed).
#[component]
fn LangOffer() -> impl IntoView {
    const KEY: &str = "atlas:lang-offer";
    let lang = expect_context::<Lang>();
    let storage = window().local_storage().ok().flatten();
    let answered = storage
        .as_ref()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .is_some();
    let prefers_chinese = window()
        .navigator()
        .language()
        .is_some_and(|l| l.to_ascii_lowercase().starts_with("zh"));
    let (open, set_open) = signal(lang == Lang::En && prefers_chinese && !answered);
    let answer = move || {
        if let Some(s) = &storage {
            let _ = s.set_item(KEY, "answered");
        }
        set_open.set(false);
    };
    let follow = answer.clone();
    let href = move || {
        let (mut f, _) =
            crate::core::query::from_query(&crate::core::query::parse_pairs(&url::current_query()));
        f.lang = Lang::Zh;
        format!("?{}", crate::core::query::to_query(&f))
    };
    view! {
        <Show when=move || open.get()>
            <p class="lang-offer" lang="zh-Hans" data-testid="lang-offer">
                {T::PreferOffer.en()}
                " "
                <a href=href on:click={let follow = follow.clone(); move |_| follow()}>{T::PreferOfferLink.en()}</a>
                " "
                <button type="button" class="button button--quiet" on:click={let answer = answer.clone(); move |_| answer()}>{T::Dismiss.zh()}</button>
            </p>
        </Show>
    }
}
