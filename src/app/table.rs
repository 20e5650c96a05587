//! The table view: regions or events, sortable by any column header (buttons,
//! so the keyboard works; `aria-sort` on the sorted column), every row with
//! its confidence and source links, dates at their real precision.
//!
//! Which list is shown, how each is sorted and how many rows are drawn live in
//! [`TableUi`], provided above the views: switching to the map and back keeps
//! them. They are not in the URL contract, so a reload starts afresh.

use super::pick;
use super::state::Atlas;
use crate::core::filter::{Catalog, Selection};
use crate::core::lang::Lang;
use crate::core::table::{click, sort_events, sort_regions, Dir, EventCol, RegionCol, ROWS_STEP};
use crate::present::catalog::T;
use crate::present::i18n::Speak;
use crate::present::markup::table::{event_rows, region_rows};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The table's own state, outside the URL.
#[derive(Clone, Copy)]
pub struct TableUi {
    pub events: RwSignal<bool>,
    pub region_sort: RwSignal<(RegionCol, Dir)>,
    pub event_sort: RwSignal<(EventCol, Dir)>,
    pub region_shown: RwSignal<usize>,
    pub event_shown: RwSignal<usize>,
}

impl TableUi {
    pub fn new() -> Self {
        TableUi {
            events: RwSignal::new(false),
            region_sort: RwSignal::new(RegionCol::DEFAULT),
            event_sort: RwSignal::new(EventCol::DEFAULT),
            region_shown: RwSignal::new(ROWS_STEP),
            event_shown: RwSignal::new(ROWS_STEP),
        }
    }
}

impl Default for TableUi {
    fn default() -> Self {
        Self::new()
    }
}

#[component]
pub fn TableView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let ui = expect_context::<TableUi>();
    let show_events = ui.events;
    let lang = atlas.catalog.lang;
    let (a, b) = (atlas.clone(), atlas.clone());
    view! {
        <div class="filters__group table-switch" role="group" aria-label=lang.t(T::Records)>
            <button type="button" class="chip" aria-pressed=move || (!show_events.get()).to_string() on:click=move |_| show_events.set(false)>
                {move || lang.fill(T::RegionsN, &[&a.selection.with(|s| s.regions.len()).to_string()])}
            </button>
            <button type="button" class="chip" aria-pressed=move || show_events.get().to_string() on:click=move |_| show_events.set(true)>
                {move || lang.fill(T::EventsN, &[&b.selection.with(|s| s.events.len()).to_string()])}
            </button>
        </div>
        <div class="table-wrap">
            {move || if show_events.get() { view! { <EventTable/> }.into_any() } else { view! { <RegionTable/> }.into_any() }}
        </div>
    }
}

/// A sortable header cell. Clicking the sorted column flips it; another column starts ascending.
fn header<C: Copy + PartialEq + Send + Sync + 'static>(
    label: &'static str,
    col: C,
    sort: RwSignal<(C, Dir)>,
) -> impl IntoView {
    view! {
        <th scope="col" aria-sort=move || { let (c, d) = sort.get(); if c == col { d.aria() } else { "none" } }>
            <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = click(*s, col))>
                {label}
                <span class="sort__mark" aria-hidden="true">{move || { let (c, d) = sort.get(); if c != col { "↕" } else if d == Dir::Asc { "▲" } else { "▼" } }}</span>
            </button>
        </th>
    }
}

/// Below a table: how many rows are drawn, and a button that draws the next batch.
///
/// The paragraph and its button stay the same elements while more rows remain (only
/// their text changes), and after a click focus moves to the first new row, so a
/// keyboard user reads on from there instead of falling back to the top of the page.
fn more_rows(
    testid: &'static str,
    shown: RwSignal<usize>,
    total: Signal<usize>,
    showing: T,
    lang: Lang,
) -> impl IntoView {
    let drawn = move || shown.get().min(total.get());
    let more = move |_| {
        let first_new = drawn();
        shown.set(first_new + ROWS_STEP);
        request_animation_frame(move || {
            let selector = crate::present::hooks::rows(testid);
            let target = document()
                .query_selector_all(&selector)
                .ok()
                .and_then(|rows| rows.item(first_new as u32))
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = target {
                let _ = el.focus();
            }
        });
    };
    view! {
        <Show when=move || drawn() < total.get()>
            <p class="more-rows" data-testid="more-rows">
                {move || lang.fill(showing, &[&drawn().to_string(), &total.get().to_string()])}
                <button type="button" class="chip" on:click=more>
                    {move || lang.fill(T::ShowMore, &[&ROWS_STEP.min(total.get() - drawn()).to_string()])}
                </button>
            </p>
        </Show>
    }
}

/// One sortable, batched table: the columns, how to sort the selected records, and how to
/// write their rows. Region and event tables differ only in these.
///
/// The sorted order is one memo (re-sorted when the records or the sort change, never
/// per batch); each batch of rows is its own `<tbody>`, so "Show more" adds one and
/// leaves the rows already drawn alone.
#[allow(clippy::too_many_arguments)]
fn sortable_table<C: Copy + PartialEq + Send + Sync + 'static, const N: usize>(
    testid: &'static str,
    caption: T,
    showing: T,
    columns: [(T, C); N],
    sort: RwSignal<(C, Dir)>,
    shown: RwSignal<usize>,
    records: fn(&Selection) -> &Vec<usize>,
    sort_by: fn(&Catalog, &mut [usize], C, Dir),
    write: fn(&Catalog, &[usize]) -> String,
) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let s = atlas.selection;
    let cat: Arc<Catalog> = atlas.catalog.clone();
    let sorted = {
        let cat = cat.clone();
        Memo::new(move |_| {
            let mut idx = s.with(|s| records(s).clone());
            let (col, dir) = sort.get();
            sort_by(&cat, &mut idx, col, dir);
            idx
        })
    };
    let total = Signal::derive(move || sorted.with(Vec::len));
    let batches = move || {
        let n = shown.get().min(total.get());
        (0..n.div_ceil(ROWS_STEP).max(1)).collect::<Vec<_>>()
    };
    let batch = move |k: usize| {
        let cat = cat.clone();
        let rows = move || {
            sorted.with(|v| {
                let end = ((k + 1) * ROWS_STEP).min(v.len());
                write(&cat, v.get(k * ROWS_STEP..end).unwrap_or(&[]))
            })
        };
        view! { <tbody inner_html=rows></tbody> }
    };
    let headers = columns
        .into_iter()
        .map(|(label, col)| header(lang.t(label), col, sort))
        .collect_view();
    view! {
        <table class="records-table" data-testid=testid on:click=pick::on_click(atlas)>
            <caption class="visually-hidden">{lang.t(caption)}</caption>
            <thead>
                <tr>
                    {headers}
                    <th scope="col" class="plain">{lang.t(T::Sources)}</th>
                </tr>
            </thead>
            <For each=batches key=|k| *k children=batch/>
        </table>
        {more_rows(testid, shown, total, showing, lang)}
    }
}

#[component]
fn RegionTable() -> impl IntoView {
    let ui = expect_context::<TableUi>();
    let columns = RegionCol::ALL.map(|(_, c)| (region_label(c), c));
    sortable_table(
        "region-table",
        T::RegionsSortable,
        T::ShowingFirstRegions,
        columns,
        ui.region_sort,
        ui.region_shown,
        |s| &s.regions,
        sort_regions,
        region_rows,
    )
}

#[component]
fn EventTable() -> impl IntoView {
    let ui = expect_context::<TableUi>();
    let columns = EventCol::ALL.map(|(_, c)| (event_label(c), c));
    sortable_table(
        "event-table",
        T::EventsSortable,
        T::ShowingFirstEvents,
        columns,
        ui.event_sort,
        ui.event_shown,
        |s| &s.events,
        sort_events,
        event_rows,
    )
}

fn region_label(c: RegionCol) -> T {
    match c {
        RegionCol::Name => T::ColRegion,
        RegionCol::Provider => T::ColProvider,
        RegionCol::Country => T::ColCountry,
        RegionCol::Opened => T::ColOpened,
        RegionCol::Status => T::ColStatus,
        RegionCol::Zones => T::ColZones,
        RegionCol::Confidence => T::ColConfidence,
        RegionCol::Checked => T::ColChecked,
    }
}

fn event_label(c: EventCol) -> T {
    match c {
        EventCol::Date => T::ColDate,
        EventCol::Provider => T::ColProvider,
        EventCol::Kind => T::ColKind,
        EventCol::Title => T::ColEvent,
        EventCol::Country => T::ColCountry,
        EventCol::Amount => T::ColAmount,
        EventCol::Confidence => T::ColConfidence,
    }
}
