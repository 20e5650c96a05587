//! The timeline view: one lane per provider plus a market lane, events drawn
//! at their real precision (a year-dated event spans its year), marked by kind;
//! then the growth chart and the providers' announced footprint totals.

use super::detail::money;
use super::state::Atlas;
use super::url::Entry;
use crate::core::aggregate::{footprints, growth};
use crate::core::model::Kind;
use crate::core::timeline::{per_year, radius, span, stack, Axis, LANE_CAP};
use leptos::prelude::*;

const WIDTH: f64 = 1000.0;
const LEFT: f64 = 110.0;
const ROW: f64 = 26.0;
const BINNED_HEIGHT: f64 = 72.0;

/// A lane with more than [`LANE_CAP`] events: one bar per year, its height the
/// count. Each bar is a button that narrows the year filter to that year.
fn binned_lane(
    atlas: &Atlas,
    provider: &str,
    name: &str,
    counts: &[usize],
    axis: Axis,
    top: f64,
    height: f64,
) -> impl IntoView {
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let bars = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(i, &n)| {
            let year = axis.first + i as u16;
            let (x0, x1) = (axis.x(year as f64) + 1.0, axis.x(year as f64 + 1.0) - 1.0);
            let h = (n as f64 / max * BINNED_HEIGHT).max(2.0);
            let a = atlas.clone();
            let pick = move || a.update(Entry::Push, |f| (f.from, f.to) = (Some(year), Some(year)));
            let label = format!("{name}, {year}: {n} events. Show only {year}.");
            let title = label.clone();
            view! {
                <g class="tl-bin" tabindex="0" role="button" aria-label=label
                    on:click={ let pick = pick.clone(); move |_| pick() }
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); pick() }
                >
                    <title>{title}</title>
                    <rect x=format!("{x0:.1}") y=format!("{:.1}", top + 6.0 + BINNED_HEIGHT - h) width=format!("{:.1}", x1 - x0) height=format!("{h:.1}")/>
                </g>
            }
        })
        .collect_view();
    view! {
        <g class=format!("tl-lane tl-lane--binned tl-lane--{provider}")>
            <rect class="tl-lane__bg" x="0" y=format!("{top:.1}") width=WIDTH height=format!("{height:.1}")/>
            <text class="tl-lane__label" x="8" y=format!("{:.1}", top + 20.0)>{name.to_string()}</text>
            <text class="tl-lane__label tl-lane__count" x="8" y=format!("{:.1}", top + 38.0)>{format!("{} events", counts.iter().sum::<usize>())}</text>
            {bars}
        </g>
    }
}

/// SVG path of a kind's marker centred on (x, y), size r.
fn shape(kind: Kind, x: f64, y: f64, r: f64) -> String {
    match kind {
        Kind::RegionLaunch => format!(
            "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
            y - r,
            x + r,
            y + r * 0.8,
            x - r,
            y + r * 0.8
        ),
        Kind::DatacenterLaunch => format!(
            "M{:.1},{:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r * 0.8,
            y - r * 0.8,
            r * 1.6,
            r * 1.6,
            -r * 1.6
        ),
        Kind::Partnership => format!(
            "M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z",
            y - r,
            x + r,
            y + r,
            x - r
        ),
        Kind::Closure => format!(
            "M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}",
            x - r,
            y - r,
            x + r,
            y + r,
            x - r,
            y + r,
            x + r,
            y - r
        ),
        Kind::MarketFigure => format!(
            "M{:.1},{:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r,
            y - r * 0.4,
            r * 2.0,
            r * 0.8,
            -r * 2.0
        ),
        // Investments and announcements are circles.
        _ => format!(
            "M{:.1},{y:.1}a{r:.1},{r:.1} 0 1,0 {:.1},0a{r:.1},{r:.1} 0 1,0 {:.1},0",
            x - r,
            r * 2.0,
            -r * 2.0
        ),
    }
}

#[component]
pub fn TimelineView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (first, last) = atlas.catalog.years;
    let axis = Axis {
        first,
        last,
        left: LEFT,
        width: WIDTH - LEFT - 10.0,
    };
    let lanes = atlas.catalog.lanes();
    let max_amount = atlas
        .catalog
        .data
        .events
        .iter()
        .filter(|e| e.kind == Kind::Investment)
        .filter_map(|e| e.amount_usd)
        .fold(0.0, f64::max);

    let a = atlas.clone();
    let chart = move || {
        let d = &a.catalog.data;
        let selected = a.filters.with(|f| f.sel.clone());
        a.selection.with(|s| {
            let mut y = 30.0;
            let mut lane_views = Vec::new();
            for (id, name) in &lanes {
                let events: Vec<usize> = s.events.iter().copied().filter(|&i| &d.events[i].provider == id).collect();
                if events.len() > LANE_CAP {
                    let counts = per_year(events.iter().map(|&i| d.events[i].date.year), first, last);
                    let height = BINNED_HEIGHT + 12.0;
                    lane_views.push(binned_lane(&a, id, name, &counts, axis, y, height).into_any());
                    y += height + 4.0;
                    continue;
                }
                let intervals: Vec<(f64, f64)> = events
                    .iter()
                    .map(|&i| {
                        let (t0, t1) = span(d.events[i].date);
                        (axis.x(t0) - 7.0, axis.x(t1) + 7.0)
                    })
                    .collect();
                let rows = stack(&intervals, 2.0);
                let height = (rows.iter().max().map_or(0, |m| m + 1).max(1)) as f64 * ROW + 12.0;
                let top = y;
                let marks = events
                    .iter()
                    .zip(rows)
                    .map(|(&i, row)| {
                        let e = &d.events[i];
                        let (t0, t1) = span(e.date);
                        let (x0, x1) = (axis.x(t0), axis.x(t1));
                        let cy = top + 6.0 + ROW / 2.0 + row as f64 * ROW;
                        let cx = (x0 + x1) / 2.0;
                        let r = if e.kind == Kind::Investment { radius(e.amount_usd, max_amount) } else { 6.0 };
                        let mut label = format!("{}, {}: {} ({})", name, e.date.human(), e.title, e.kind.label());
                        if let Some(usd) = e.amount_usd {
                            label.push_str(&format!(", US${}", money(usd)));
                        }
                        let title = label.clone();
                        let id = e.id.clone();
                        let (b, c) = (a.clone(), id.clone());
                        let pressed = selected.as_deref() == Some(e.id.as_str());
                        let class = format!("tl-event tl-event--{} tl-kind--{}{}", e.provider, e.kind.id(), if pressed { " tl-event--selected" } else { "" });
                        let precision = (x1 - x0 > 1.0).then(|| view! { <line class="tl-span" x1=format!("{x0:.1}") x2=format!("{x1:.1}") y1=format!("{cy:.1}") y2=format!("{cy:.1}")/> });
                        view! {
                            <g class=class tabindex="0" role="button" aria-label=label data-sel-id=id
                                on:click=move |_| b.update(Entry::Push, |f| f.sel = Some(c.clone()))
                                on:keydown={
                                    let (b, c) = (a.clone(), e.id.clone());
                                    move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" || ev.key() == " " {
                                        ev.prevent_default();
                                        b.update(Entry::Push, |f| f.sel = Some(c.clone()));
                                    }
                                }
                            >
                                <title>{title}</title>
                                {precision}
                                <path class="tl-mark" d=shape(e.kind, cx, cy, r)/>
                            </g>
                        }
                    })
                    .collect_view();
                lane_views.push(view! {
                    <g class="tl-lane">
                        <rect class="tl-lane__bg" x="0" y=format!("{top:.1}") width=WIDTH height=format!("{height:.1}")/>
                        <text class="tl-lane__label" x="8" y=format!("{:.1}", top + 20.0)>{name.clone()}</text>
                        {marks}
                    </g>
                }.into_any());
                y += height + 4.0;
            }
            let ticks = axis
                .ticks()
                .into_iter()
                .map(|t| {
                    let x = axis.x(t as f64);
                    view! {
                        <g class="tl-tick">
                            <line x1=format!("{x:.1}") x2=format!("{x:.1}") y1="24" y2=format!("{y:.1}")/>
                            <text x=format!("{:.1}", x + 3.0) y="18">{t}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <svg class="timeline" viewBox=format!("0 0 {WIDTH} {y:.0}") role="group" aria-labelledby="tl-title" aria-describedby="tl-desc">
                    <title id="tl-title">"Events by provider and date"</title>
                    <desc id="tl-desc">"One lane per provider and one for market figures. Each mark is an event; a pale bar behind it spans the year or month when the date is known only that precisely. Marks are focusable; Enter opens the event's details."</desc>
                    {ticks}
                    {lane_views}
                </svg>
            }
        })
    };

    let b = atlas.clone();
    let binned_note = move || {
        let d = &b.catalog.data;
        let busy = b.selection.with(|s| {
            let mut per_lane = std::collections::HashMap::new();
            for &i in &s.events {
                *per_lane
                    .entry(d.events[i].provider.as_str())
                    .or_insert(0usize) += 1;
            }
            per_lane.values().any(|&n| n > LANE_CAP)
        });
        busy.then(|| view! {
            <p class="notice" data-testid="binned-note">
                {format!("A lane with more than {LANE_CAP} events shows how many fell in each year. Choose a year's bar, or narrow the filters, to see the events one by one.")}
            </p>
        })
    };
    view! {
        <TimelineLegend/>
        {binned_note}
        <div class="chart-scroll">{chart}</div>
        <GrowthChart/>
    }
}

#[component]
fn TimelineLegend() -> impl IntoView {
    let items = [Kind::RegionLaunch, Kind::DatacenterLaunch, Kind::Investment, Kind::Partnership, Kind::Announcement, Kind::Closure, Kind::MarketFigure]
        .into_iter()
        .map(|k| {
            view! {
                <li>
                    <svg class=format!("legend__kind tl-kind--{}", k.id()) viewBox="0 0 16 16" aria-hidden="true"><path class="tl-mark" d=shape(k, 8.0, 8.0, 6.0)/></svg>
                    {k.label()}
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="legend" aria-label="Legend">
            {items}
            <li><span class="legend__span" aria-hidden="true"></span>"date known only to the year or month"</li>
            <li>"investment size ∝ amount"</li>
        </ul>
    }
}

/// Live regions outside the Chinese Mainland per provider per year, closures subtracted,
/// countries reached, and the announced totals the providers published.
#[component]
fn GrowthChart() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let (first, last) = atlas.catalog.years;
    let axis = Axis {
        first,
        last,
        left: 40.0,
        width: 940.0,
    };
    let height = 220.0;
    let a = atlas.clone();
    move || {
        let d = &a.catalog.data;
        let (mut series, undated) = a.selection.with(|s| growth(&a.catalog, s));
        // A provider filtered out has no line (rather than a flat zero).
        a.filters
            .with(|f| series.retain(|p, _| f.providers.is_empty() || f.providers.contains(p)));
        let fps = a.selection.with(|s| footprints(&a.catalog, s));
        let max = series
            .values()
            .flatten()
            .map(|g| g.regions.max(g.countries))
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let y = |v: f64| height - 20.0 - v / max * (height - 40.0);
        let lines = series
            .iter()
            .map(|(pid, points)| {
                let path = |f: &dyn Fn(&crate::core::aggregate::Growth) -> usize| {
                    points.iter().enumerate().map(|(i, g)| format!("{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, axis.x(g.year as f64 + 1.0), y(f(g) as f64))).collect::<String>()
                };
                view! {
                    <path class=format!("growth growth--{pid}") d=path(&|g| g.regions)/>
                    <path class=format!("growth growth--{pid} growth--countries") d=path(&|g| g.countries)/>
                }
            })
            .collect_view();
        let table_rows = series
            .iter()
            .map(|(pid, points)| {
                let last = points.last().copied().unwrap_or_default();
                view! { <tr><th scope="row">{d.provider_name(pid).to_string()}</th><td class="num">{last.regions}</td><td class="num">{last.countries}</td></tr> }
            })
            .collect_view();
        let fp_rows = fps
            .iter()
            .flat_map(|(pid, pts)| pts.iter().map(move |p| (pid.clone(), p.clone())))
            .map(|(pid, (date, regions, zones, _))| {
                view! {
                    <tr>
                        <td><time datetime=date.to_string()>{date.human()}</time></td>
                        <td>{d.provider_name(&pid).to_string()}</td>
                        <td class="num">{regions.map(|r| r.to_string()).unwrap_or_else(|| "—".into())}</td>
                        <td class="num">{zones.map(|z| z.to_string()).unwrap_or_else(|| "—".into())}</td>
                    </tr>
                }
            })
            .collect_view();
        let note = (undated > 0).then(|| format!("{undated} region(s) outside the mainland with an unknown opening year are not placed on this chart."));
        view! {
            <section class="growth-section" aria-labelledby="growth-h">
                <h2 id="growth-h" class="section-title">"Growth outside the Chinese Mainland"</h2>
                <p class="hint">"Live regions at each year's end (solid) and countries or territories reached (dashed), closures subtracted."</p>
                <svg class="growth-chart" viewBox=format!("0 0 1000 {height}") role="img" aria-labelledby="growth-title" aria-describedby="growth-desc">
                    <title id="growth-title">"Live regions and countries outside the Chinese Mainland, by year"</title>
                    <desc id="growth-desc">"Solid lines: live regions at each year's end; dashed lines: countries and territories reached; one colour per provider. The table below gives the final values."</desc>
                    {axis.ticks().into_iter().map(|t| view! { <text class="axis" x=format!("{:.1}", axis.x(t as f64)) y=format!("{:.1}", height - 4.0)>{t}</text> }).collect_view()}
                    <line class="axis-line" x1="40" x2="980" y1=format!("{:.1}", height - 20.0) y2=format!("{:.1}", height - 20.0)/>
                    <text class="axis" x="4" y=format!("{:.1}", y(max) + 4.0)>{max as u32}</text>
                    {lines}
                </svg>
                <table class="records-table compact">
                    <caption>"At the end of the period shown"</caption>
                    <thead><tr><th scope="col" class="plain">"Provider"</th><th scope="col" class="plain">"Live regions"</th><th scope="col" class="plain">"Countries"</th></tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
                {note.map(|n| view! { <p class="hint">{n}</p> })}
                <h3 class="section-title">"Footprint the providers announced"</h3>
                <p class="hint">"Totals as each provider stated them at the time (regions and availability zones, mainland included); they are not sums of this dataset's rows."</p>
                <table class="records-table compact" data-testid="footprints">
                    <thead><tr><th scope="col" class="plain">"Date"</th><th scope="col" class="plain">"Provider"</th><th scope="col" class="plain">"Regions"</th><th scope="col" class="plain">"Zones"</th></tr></thead>
                    <tbody>{fp_rows}</tbody>
                </table>
            </section>
        }
    }
}
