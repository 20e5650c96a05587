//! The filter bar: every control writes the one filter state (and so the URL).

use super::boot::Staged;
use super::state::Atlas;
use super::url;
use crate::core::edit::{active_count, Edit, Facet};
use crate::core::model::{Kind, Status};
use crate::core::query::{fit_box, normalize_q, to_query, Filters, MAX_Q};
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::theme::{marker_icon, market_icon, slot};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::time::Duration;
use wasm_bindgen::JsCast;

#[component]
pub fn FilterBar() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let (open, set_open) = signal(false);
    let active = {
        let atlas = atlas.clone();
        move || atlas.criteria.with(active_count)
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
                    0 => lang.t(T::Filters).to_string(),
                    n => lang.fill(T::FiltersActive, &[&n.to_string()]),
                }}
            </button>
            <form id="filters" class="filters" class:filters--open=move || open.get() role="search" aria-label=lang.t(T::Filters) on:submit=|ev| ev.prevent_default()>
                <ProviderChips/>
                <RefChip/>
                <AreaMenu/>
                <CountryMenu/>
                // The second half of the bar gets a browser task of its own during the boot.
                <Staged name="filter bar, second half">
                    <YearRange/>
                    <KindMenu/>
                    <StatusMenu/>
                    <SearchBox/>
                    <div class="filters__actions">
                        <ResetButton/>
                        <CopyLink/>
                    </div>
                </Staged>
            </form>
        </div>
    }
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
            let d = &atlas.catalog.data;
            let class = format!("chip {}", slot(d, &id));
            let icon = d
                .provider(&id)
                .map_or_else(market_icon, |p| marker_icon(p.shape()));
            let pressed = {
                let (a, id) = (atlas.clone(), id.clone());
                move || a.criteria.with(|f| a.catalog.chip_pressed(f, &id))
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
                    class=class
                    aria-pressed=move || pressed().to_string()
                    on:click=move |_| a.edit(Edit::Toggle(Facet::Provider, id.clone()))
                >
                    <svg class="chip__mark marker__shape" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false" inner_html=icon></svg>
                    {name}
                    " "
                    <span class="count">{count}</span>
                </button>
            }
        })
        .collect_view();
    let label = atlas.catalog.lang.t(T::Providers);
    view! { <div class="filters__group" role="group" aria-label=label>{chips}</div> }
}

/// The reference layer's switch (`ref=1`): the US hyperscalers' regions beside the
/// providers in every view that can show them. Not a filter: Reset keeps it.
#[component]
fn RefChip() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let on = {
        let f = atlas.filters;
        move || f.with(|f| f.reference)
    };
    let a = atlas.clone();
    view! {
        <div class="filters__group" role="group" aria-label=lang.t(T::RefGroup)>
            <button
                type="button"
                class="chip chip--ref"
                data-testid="ref-switch"
                aria-pressed=move || on().to_string()
                title=lang.t(T::RefGroup)
                on:click=move |_| a.edit(Edit::Reference(!a.filters.with_untracked(|f| f.reference)))
            >
                <svg class="chip__mark" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false">
                    <path class="ref-mark" d="M-5 0h10M0 -5v10"></path>
                </svg>
                {lang.t(T::RefChip)}
            </button>
        </div>
    }
}

/// A disclosure with checkboxes; the summary names how many are chosen.
#[component]
fn CheckMenu(
    label: &'static str,
    /// The URL key this menu writes, on the element (`data-facet`) for tests and styles.
    facet: &'static str,
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
                    <input type="checkbox" value=id.clone() prop:checked=checked on:change=move |_| on_toggle.run(id.clone())/>
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
                // Handled: the detail panel leaves this Escape alone.
                ev.prevent_default();
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
        <details class="menu" data-facet=facet node_ref=menu>
            <summary class="menu__summary">
                {label}
                {move || match chosen.with(|c| c.len()) {
                    0 => String::new(),
                    n => format!(" ({n})"),
                }}
            </summary>
            <fieldset class="menu__panel">
                <legend class="visually-hidden">{label}</legend>
                // A closed menu's checkboxes get a task of their own during the boot.
                <Staged name=facet>{boxes.clone()}</Staged>
            </fieldset>
        </details>
    }
}

/// One facet as a checkbox menu: options are (value, id, name); the filter set and the
/// facet counts are picked out of the state by the two accessors.
fn facet_menu<T: Ord + Clone + Send + Sync + 'static>(
    label: &'static str,
    which: Facet,
    options: Vec<(T, String, String)>,
    set: fn(&Filters) -> &BTreeSet<T>,
    facet: fn(&crate::core::filter::Facets) -> &std::collections::BTreeMap<T, usize>,
) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let values: Vec<(T, String)> = options
        .iter()
        .map(|(v, id, _)| (v.clone(), id.clone()))
        .collect();
    let (v1, v2) = (values.clone(), values);
    let (a, b, c) = (atlas.clone(), atlas.clone(), atlas);
    view! {
        <CheckMenu
            label
            facet=which.key()
            options=options.into_iter().map(|(_, id, name)| (id, name)).collect()
            chosen=Signal::derive(move || a.criteria.with(|f| v1.iter().filter(|(v, _)| set(f).contains(v)).map(|(_, id)| id.clone()).collect()))
            counts=Signal::derive(move || b.selection.with(|s| v2.iter().map(|(v, _)| facet(&s.facets).get(v).copied().unwrap_or(0)).collect()))
            on_toggle=Callback::new(move |id: String| c.edit(Edit::Toggle(which, id)))
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
        .map(|a| {
            (
                a.id.clone(),
                a.id.clone(),
                atlas.catalog.area_name(a).to_string(),
            )
        })
        .collect();
    facet_menu(
        atlas.catalog.lang.t(T::Area),
        Facet::Area,
        options,
        |f| &f.areas,
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
        atlas.catalog.lang.t(T::Country),
        Facet::Country,
        options,
        |f| &f.countries,
        |x| &x.countries,
    )
}

#[component]
fn KindMenu() -> impl IntoView {
    let lang = expect_context::<Atlas>().catalog.lang;
    let options = Kind::ALL
        .iter()
        .map(|k| (*k, k.id().to_string(), lang.kind(*k).to_string()))
        .collect();
    facet_menu(
        lang.t(T::EventKind),
        Facet::Kind,
        options,
        |f| &f.kinds,
        |x| &x.kinds,
    )
}

#[component]
fn StatusMenu() -> impl IntoView {
    let lang = expect_context::<Atlas>().catalog.lang;
    let options = Status::ALL
        .iter()
        .map(|s| (*s, s.id().to_string(), lang.status(*s).to_string()))
        .collect();
    facet_menu(
        lang.t(T::RegionStatus),
        Facet::Status,
        options,
        |f| &f.statuses,
        |x| &x.statuses,
    )
}

/// Typed years (WCAG 2.2 needs an alternative to dragging, and typing is faster anyway).
///
/// After a commit the box shows the year in force, even when the typed text changed
/// nothing (a year before the data, or not a year): the box never disagrees with the view.
#[component]
fn YearRange() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let (first, last) = atlas.catalog.years;
    let shown = move |f: &Filters, from: bool| {
        if from {
            f.from.unwrap_or(first)
        } else {
            f.to.unwrap_or(last)
        }
        .to_string()
    };
    let year_box = move |from: bool| {
        let (a, b) = (atlas.clone(), atlas.clone());
        let commit = move |ev: leptos::ev::Event| {
            let raw = event_target_value(&ev);
            a.edit(if from { Edit::From(raw) } else { Edit::To(raw) });
            if let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.set_value(&a.criteria.with_untracked(|f| shown(f, from)));
            }
        };
        view! {
            <input
                type="number" inputmode="numeric" class="years__input"
                aria-label=lang.t(if from { T::FromYear } else { T::ToYear })
                min=first max=last
                prop:value=move || b.criteria.with(|f| shown(f, from))
                on:change=commit
            />
        }
    };
    view! {
        <fieldset class="years">
            <legend class="years__legend">{lang.t(T::Years)}</legend>
            {year_box(true)}
            <span aria-hidden="true">"–"</span>
            {year_box(false)}
        </fieldset>
    }
}

/// Free text, committed a moment after typing stops (or on Enter) so the URL is not
/// rewritten per key.
///
/// The box keeps exactly what the person typed, spaces included; the state holds the
/// normalised text. Only a change of the state from elsewhere (Reset, Back, a link)
/// rewrites the box, and that also drops a commit still waiting to happen.
#[component]
fn SearchBox() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let input = NodeRef::<leptos::html::Input>::new();
    let q = Memo::new({
        let a = atlas.clone();
        move |_| a.criteria.with(|f| f.q.clone())
    });
    // Each keystroke bumps the generation; a timer commits only if no newer one came.
    let generation = StoredValue::new(0u64);
    let commit_now = {
        let a = atlas.clone();
        move || {
            if let Some(el) = input.get_untracked() {
                generation.update_value(|g| *g += 1);
                a.edit(Edit::Query(el.value()));
            }
        }
    };
    let later = commit_now.clone();
    let on_input = move |_| {
        if let Some(el) = input.get_untracked() {
            if let Some(fit) = fit_box(&el.value()).map(str::to_owned) {
                el.set_value(&fit);
            }
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let later = later.clone();
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    later();
                }
            },
            Duration::from_millis(250),
        );
    };
    let value = move || {
        let q = q.get();
        match input.get_untracked().map(|el| el.value()) {
            Some(typed) if normalize_q(&typed) == q => typed,
            _ => {
                generation.update_value(|g| *g += 1);
                q
            }
        }
    };
    view! {
        <input
            type="search"
            class="search"
            placeholder=lang.t(T::SearchPlaceholder)
            aria-label=lang.t(T::SearchLabel)
            maxlength=MAX_Q
            node_ref=input
            prop:value=value
            on:input=on_input
            on:keydown=move |ev| if ev.key() == "Enter" { commit_now() }
        />
    }
}

#[component]
fn ResetButton() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let a = atlas.clone();
    view! {
        <button
            type="button"
            class="button button--quiet"
            disabled=move || a.criteria.with(|f| active_count(f) == 0)
            on:click=move |_| atlas.edit(Edit::Reset)
        >
            {lang.t(T::Reset)}
        </button>
    }
}

/// Copies a link to this exact view, stamped with the dataset version.
#[component]
fn CopyLink() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (message, set_message) = signal(String::new());
    let lang = atlas.catalog.lang;
    let version = atlas.catalog.data.version.clone();
    let copy = move |_| {
        let mut f = atlas.filters.get_untracked();
        f.d = Some(version.clone());
        let link = url::address_with(&to_query(&f));
        super::share::copy_text(
            link,
            lang.t(T::LinkCopied),
            T::CopyThisLink,
            lang,
            set_message,
        );
    };
    view! {
        <button type="button" class="button" on:click=copy>{lang.t(T::CopyLink)}</button>
        <span class="copy-status" role="status" aria-live="polite">{message}</span>
    }
}
