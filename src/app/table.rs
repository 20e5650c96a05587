//! The table view: regions or events, sortable by any column header (buttons,
//! so the keyboard works; `aria-sort` on the sorted column), every row with
//! its confidence and source links, dates at their real precision.

use super::pick;
use super::state::Atlas;
use crate::core::filter::{Catalog, Selection};
use crate::core::markup::table::{event_rows, region_rows};
use crate::core::table::{sort_events, sort_regions, Dir, EventCol, RegionCol, ROWS_STEP};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn TableView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (show_events, set_show_events) = signal(false);
    let (a, b) = (atlas.clone(), atlas.clone());
    view! {
        <div class="filters__group table-switch" role="group" aria-label="Records">
            <button type="button" class="chip" aria-pressed=move || (!show_events.get()).to_string() on:click=move |_| set_show_events.set(false)>
                {move || format!("Regions ({})", a.selection.with(|s| s.regions.len()))}
            </button>
            <button type="button" class="chip" aria-pressed=move || show_events.get().to_string() on:click=move |_| set_show_events.set(true)>
                {move || format!("Events ({})", b.selection.with(|s| s.events.len()))}
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
            <button type="button" class="sort" on:click=move |_| sort.update(|(c, d)| if *c == col { *d = d.flip() } else { *c = col; *d = Dir::Asc })>
                {label}
                <span class="sort__mark" aria-hidden="true">{move || { let (c, d) = sort.get(); if c != col { "↕" } else if d == Dir::Asc { "▲" } else { "▼" } }}</span>
            </button>
        </th>
    }
}

/// Below a table: how many rows are drawn, and a button that draws the next batch.
///
/// A filter or sort change keeps the number of rows already drawn, so reading on
/// after re-sorting does not jump back to the top.
fn more_rows(
    shown: RwSignal<usize>,
    total: impl Fn() -> usize + Send + Sync + Copy + 'static,
    noun: &'static str,
) -> impl IntoView {
    move || {
        let (n, all) = (shown.get().min(total()), total());
        (n < all).then(|| {
            view! {
                <p class="more-rows" data-testid="more-rows">
                    {format!("Showing the first {n} of {all} {noun}. ")}
                    <button type="button" class="chip" on:click=move |_| shown.update(|s| *s = (*s).min(all) + ROWS_STEP)>
                        {format!("Show {} more", ROWS_STEP.min(all - n))}
                    </button>
                </p>
            }
        })
    }
}

/// One sortable, batched table: the columns, how to sort the selected records, and how to
/// write their rows. Region and event tables differ only in these.
#[allow(clippy::too_many_arguments)]
fn sortable_table<C: Copy + PartialEq + Send + Sync + 'static>(
    testid: &'static str,
    caption: &'static str,
    noun: &'static str,
    columns: [(&'static str, C); 7],
    initial: C,
    records: fn(&Selection) -> &Vec<usize>,
    sort_by: fn(&Catalog, &mut [usize], C, Dir),
    write: fn(&Catalog, &[usize]) -> String,
) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let sort = RwSignal::new((initial, Dir::Asc));
    let shown = RwSignal::new(ROWS_STEP);
    let s = atlas.selection;
    let total = move || s.with(|s| records(s).len());
    let cat: Arc<Catalog> = atlas.catalog.clone();
    let rows = move || {
        let mut idx = s.with(|s| records(s).clone());
        let (col, dir) = sort.get();
        sort_by(&cat, &mut idx, col, dir);
        idx.truncate(shown.get());
        write(&cat, &idx)
    };
    let headers = columns
        .into_iter()
        .map(|(label, col)| header(label, col, sort))
        .collect_view();
    view! {
        <table class="records-table" data-testid=testid>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    {headers}
                    <th scope="col" class="plain">"Sources"</th>
                </tr>
            </thead>
            <tbody inner_html=rows on:click=pick::on_click(atlas)></tbody>
        </table>
        {more_rows(shown, total, noun)}
    }
}

#[component]
fn RegionTable() -> impl IntoView {
    use RegionCol::*;
    let columns = [
        ("Region", Name),
        ("Provider", Provider),
        ("Country", Country),
        ("Opened", Opened),
        ("Status", Status),
        ("Zones", Zones),
        ("Confidence", Confidence),
    ];
    sortable_table(
        "region-table",
        "Regions, sortable by any column",
        "regions",
        columns,
        Provider,
        |s| &s.regions,
        sort_regions,
        region_rows,
    )
}

#[component]
fn EventTable() -> impl IntoView {
    use EventCol::*;
    let columns = [
        ("Date", Date),
        ("Provider", Provider),
        ("Kind", Kind),
        ("Event", Title),
        ("Country", Country),
        ("Amount", Amount),
        ("Confidence", Confidence),
    ];
    sortable_table(
        "event-table",
        "Events, sortable by any column",
        "events",
        columns,
        Date,
        |s| &s.events,
        sort_events,
        event_rows,
    )
}
