//! The filter bar: every control writes the one filter state (and so the URL).

use super::state::Atlas;
use super::url::{self, Entry};
use crate::core::model::{Kind, Status};
use crate::core::query::{normalize_q, to_query, Filters};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;
use wasm_bindgen::JsCast;

fn toggle<T: Ord + Clone>(set: &mut BTreeSet<T>, item: &T) {
    if !set.remove(item) {
        set.insert(item.clone());
    }
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (open, set_open) = signal(false);
    let active = {
        let atlas = atlas.clone();
        move || atlas.filters.with(active_count)
    };
    view! {
        <div class="filterbar">
            <button
                type="button"
                class="button button--quiet filterbar__drawer-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="filters"
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                {move || match active() {
                    0 => "Filters".to_string(),
                    n => format!("Filters ({n} active)"),
                }}
            </button>
            <form id="filters" class="filters" class:filters--open=move || open.get() role="search" aria-label="Filters" on:submit=|ev| ev.prevent_default()>
                <ProviderChips/>
                <AreaMenu/>
                <CountryMenu/>
                <YearRange/>
                <KindMenu/>
                <StatusMenu/>
                <SearchBox/>
                <div class="filters__actions">
                    <ResetButton/>
                    <CopyLink/>
                </div>
            </form>
        </div>
    }
}

fn active_count(f: &Filters) -> usize {
    [
        !f.providers.is_empty(),
        !f.areas.is_empty(),
        !f.countries.is_empty(),
        f.from.is_some() || f.to.is_some(),
        !f.kinds.is_empty(),
        !f.statuses.is_empty(),
        !f.q.is_empty(),
    ]
    .iter()
    .filter(|b| **b)
    .count()
}

#[component]
fn ProviderChips() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let chips = atlas
        .catalog
        .lanes()
        .into_iter()
        .map(|(id, name)| {
            let a = atlas.clone();
            let pressed = {
                let (a, id) = (atlas.clone(), id.clone());
                move || a.filters.with(|f| f.providers.contains(&id))
            };
            let count = {
                let (a, id) = (atlas.clone(), id.clone());
                move || {
                    a.selection
                        .with(|s| s.facets.providers.get(&id).copied().unwrap_or(0))
                }
            };
            view! {
                <button
                    type="button"
                    class=format!("chip chip--{id}")
                    aria-pressed=move || pressed().to_string()
                    on:click=move |_| a.update(Entry::Replace, |f| toggle(&mut f.providers, &id))
                >
                    <span class="chip__mark" aria-hidden="true"></span>
                    {name}
                    " "
                    <span class="count">{count}</span>
                </button>
            }
        })
        .collect_view();
    view! { <div class="filters__group" role="group" aria-label="Providers">{chips}</div> }
}

/// A disclosure with checkboxes; the summary names how many are chosen.
#[component]
fn CheckMenu(
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(into)] chosen: Signal<BTreeSet<String>>,
    #[prop(into)] counts: Signal<Vec<usize>>,
    on_toggle: Callback<String>,
) -> impl IntoView {
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let checked = {
                let id = id.clone();
                move || chosen.with(|c| c.contains(&id))
            };
            view! {
                <label class="check">
                    <input type="checkbox" prop:checked=checked on:change=move |_| on_toggle.run(id.clone())/>
                    <span class="check__name">{name}</span>
                    <span class="count">{move || counts.with(|c| c.get(i).copied().unwrap_or(0))}</span>
                </label>
            }
        })
        .collect_view();
    let menu = NodeRef::<leptos::html::Details>::new();
    // A menu closes on a click elsewhere or on Escape (focus goes back to its summary).
    let outside = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(el) = menu.get_untracked() {
            let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            if el.open() && !target.is_some_and(|t| el.contains(Some(&t))) {
                el.set_open(false);
            }
        }
    });
    let escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            if let Some(el) = menu.get_untracked().filter(|el| el.open()) {
                el.set_open(false);
                if let Some(summary) = el
                    .first_element_child()
                    .and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = summary.focus();
                }
            }
        }
    });
    on_cleanup(move || {
        outside.remove();
        escape.remove();
    });
    view! {
        <details class="menu" node_ref=menu>
            <summary class="menu__summary">
                {label}
                {move || match chosen.with(|c| c.len()) {
                    0 => String::new(),
                    n => format!(" ({n})"),
                }}
            </summary>
            <fieldset class="menu__panel">
                <legend class="visually-hidden">{label}</legend>
                {boxes}
            </fieldset>
        </details>
    }
}

/// One facet as a checkbox menu: options are (value, id, name); the filter set and the
/// facet counts are picked out of the state by the two accessors.
fn facet_menu<T: Ord + Clone + Send + Sync + 'static>(
    label: &'static str,
    options: Vec<(T, String, String)>,
    set: fn(&Filters) -> &BTreeSet<T>,
    set_mut: fn(&mut Filters) -> &mut BTreeSet<T>,
    facet: fn(&crate::core::filter::Facets) -> &std::collections::BTreeMap<T, usize>,
) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let values: Vec<(T, String)> = options
        .iter()
        .map(|(v, id, _)| (v.clone(), id.clone()))
        .collect();
    let (v1, v2, v3) = (values.clone(), values.clone(), values);
    let (a, b, c) = (atlas.clone(), atlas.clone(), atlas);
    view! {
        <CheckMenu
            label
            options=options.into_iter().map(|(_, id, name)| (id, name)).collect()
            chosen=Signal::derive(move || a.filters.with(|f| v1.iter().filter(|(v, _)| set(f).contains(v)).map(|(_, id)| id.clone()).collect()))
            counts=Signal::derive(move || b.selection.with(|s| v2.iter().map(|(v, _)| facet(&s.facets).get(v).copied().unwrap_or(0)).collect()))
            on_toggle=Callback::new(move |id: String| {
                if let Some((v, _)) = v3.iter().find(|(_, i)| *i == id) {
                    c.update(Entry::Replace, |f| toggle(set_mut(f), v));
                }
            })
        />
    }
}

#[component]
fn AreaMenu() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let options = atlas
        .catalog
        .data
        .areas
        .iter()
        .map(|a| (a.id.clone(), a.id.clone(), a.name.clone()))
        .collect();
    facet_menu(
        "Area",
        options,
        |f| &f.areas,
        |f| &mut f.areas,
        |x| &x.areas,
    )
}

#[component]
fn CountryMenu() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let mut options: Vec<(String, String, String)> = atlas
        .catalog
        .countries
        .iter()
        .map(|(code, name)| (code.clone(), code.clone(), name.clone()))
        .collect();
    crate::core::sort::sort_vec(&mut options, &|x, y| x.2.cmp(&y.2));
    facet_menu(
        "Country",
        options,
        |f| &f.countries,
        |f| &mut f.countries,
        |x| &x.countries,
    )
}

#[component]
fn KindMenu() -> impl IntoView {
    let options = Kind::ALL
        .iter()
        .map(|k| (*k, k.id().to_string(), k.label().to_string()))
        .collect();
    facet_menu(
        "Event kind",
        options,
        |f| &f.kinds,
        |f| &mut f.kinds,
        |x| &x.kinds,
    )
}

#[component]
fn StatusMenu() -> impl IntoView {
    let options = Status::ALL
        .iter()
        .map(|s| (*s, s.id().to_string(), s.label().to_string()))
        .collect();
    facet_menu(
        "Region status",
        options,
        |f| &f.statuses,
        |f| &mut f.statuses,
        |x| &x.statuses,
    )
}

/// Typed years (WCAG 2.2 needs an alternative to dragging, and typing is faster anyway).
#[component]
fn YearRange() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (first, last) = atlas.catalog.years;
    let (a, b) = (atlas.clone(), atlas.clone());
    let commit = move |which: &'static str, raw: String| {
        let year = raw.trim().parse::<u16>().ok().map(|y| y.clamp(first, last));
        atlas.update(Entry::Replace, |f| match which {
            "from" => {
                f.from = year;
                if let (Some(from), Some(to)) = (f.from, f.to) {
                    f.to = Some(to.max(from));
                }
            }
            _ => {
                f.to = year;
                if let (Some(from), Some(to)) = (f.from, f.to) {
                    f.from = Some(from.min(to));
                }
            }
        });
    };
    let commit2 = commit.clone();
    view! {
        <fieldset class="years">
            <legend class="years__legend">"Years"</legend>
            <input
                type="number" inputmode="numeric" class="years__input" aria-label="From year"
                min=first max=last
                prop:value=move || a.filters.with(|f| f.from.unwrap_or(first)).to_string()
                on:change=move |ev| commit("from", event_target_value(&ev))
            />
            <span aria-hidden="true">"–"</span>
            <input
                type="number" inputmode="numeric" class="years__input" aria-label="To year"
                min=first max=last
                prop:value=move || b.filters.with(|f| f.to.unwrap_or(last)).to_string()
                on:change=move |ev| commit2("to", event_target_value(&ev))
            />
        </fieldset>
    }
}

/// Free text, committed a moment after typing stops so the URL is not rewritten per key.
#[component]
fn SearchBox() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let a = atlas.clone();
    let commit = debounce(Duration::from_millis(250), move |text: String| {
        a.update(Entry::Replace, |f| f.q = normalize_q(&text));
    });
    let commit = std::sync::Arc::new(std::sync::Mutex::new(commit));
    view! {
        <input
            type="search"
            class="search"
            placeholder="Search names, places, people…"
            aria-label="Search records"
            maxlength="200"
            prop:value=move || atlas.filters.with(|f| f.q.clone())
            on:input=move |ev| {
                if let Ok(mut c) = commit.lock() {
                    c(event_target_value(&ev));
                }
            }
        />
    }
}

#[component]
fn ResetButton() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let a = atlas.clone();
    view! {
        <button
            type="button"
            class="button button--quiet"
            disabled=move || a.filters.with(|f| active_count(f) == 0)
            on:click=move |_| atlas.update(Entry::Replace, |f| *f = Filters { view: f.view, sel: f.sel.clone(), embed: f.embed, ..Filters::default() })
        >
            "Reset"
        </button>
    }
}

/// Copies a link to this exact view, stamped with the dataset version.
#[component]
fn CopyLink() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (message, set_message) = signal(String::new());
    let version = atlas.catalog.data.version.clone();
    let copy = move |_| {
        let mut f = atlas.filters.get_untracked();
        f.d = Some(version.clone());
        let link = url::address_with(&to_query(&f));
        let clipboard = web_sys::window().map(|w| w.navigator().clipboard());
        match clipboard {
            Some(clipboard) => {
                let promise = clipboard.write_text(&link);
                leptos::task::spawn_local(async move {
                    match wasm_bindgen_futures::JsFuture::from(promise).await {
                        Ok(_) => set_message.set("Link copied".into()),
                        Err(_) => set_message.set(format!("Copy this link: {link}")),
                    }
                });
            }
            None => set_message.set(format!("Copy this link: {link}")),
        }
    };
    view! {
        <button type="button" class="button" on:click=copy>"Copy link"</button>
        <span class="copy-status" role="status" aria-live="polite">{message}</span>
    }
}
