//! The head-to-head view: the providers side by side for the filtered data,
//! per area, the countries each has alone or both share, and the market context.
//! Every figure that comes from one record links to it (and so to its sources).

use super::detail::money;
use super::state::Atlas;
use super::url::Entry;
use crate::core::aggregate::{compare, country_split, footprints, ProviderStats};
use crate::core::filter::{Catalog, Record};
use crate::core::model::{Kind, MARKET};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A figure that opens the record it comes from; its title names the source.
fn cited(atlas: &Atlas, text: String, event_id: Option<String>) -> AnyView {
    let Some(id) = event_id else {
        return text.into_any();
    };
    let cat = &atlas.catalog;
    let source = cat
        .record(&id)
        .and_then(|r| match r {
            Record::Event(i) => cat.data.events[i].sources.first(),
            Record::Region(i) => cat.data.regions[i].sources.first(),
        })
        .and_then(|s| cat.data.source(s))
        .map(|s| {
            format!(
                "Source: {}",
                s.publisher.clone().unwrap_or_else(|| s.url.clone())
            )
        })
        .unwrap_or_default();
    let a = atlas.clone();
    let target = id.clone();
    let name = format!("{text} ({source})");
    view! {
        <button type="button" class="link-button cited" aria-label=name data-sel-id=id on:click=move |_| a.update(Entry::Push, |f| f.sel = Some(target.clone()))>
            {text}
            <span class="cited__tip">{source}</span>
        </button>
    }
    .into_any()
}

/// Past these, the lists name the largest pledges and the latest market figures and say how many
/// more the events table has: at tens of thousands of events a full list is unreadable and slow.
const PLEDGES_SHOWN: usize = 10;
const MARKET_SHOWN: usize = 12;

fn names(cat: &Catalog, codes: impl IntoIterator<Item = String>) -> String {
    let mut v: Vec<String> = codes
        .into_iter()
        .map(|c| cat.countries.get(&c).cloned().unwrap_or(c))
        .collect();
    v.sort();
    v.join(", ")
}

#[component]
pub fn CompareView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let a = atlas.clone();
    move || {
        let cat = a.catalog.clone();
        let d = &cat.data;
        let (stats, per_area, split, announced) = a.selection.with(|s| {
            let per_area: Vec<(String, BTreeMap<String, ProviderStats>)> = d
                .areas
                .iter()
                .map(|ar| (ar.name.clone(), compare(&cat, s, Some(&ar.id))))
                .collect();
            (
                compare(&cat, s, None),
                per_area,
                country_split(&cat, s),
                footprints(&cat, s),
            )
        });
        let providers: Vec<(String, String)> = d
            .providers
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        let head = providers.iter().map(|(id, name)| view! { <th scope="col" class=format!("plain col--{id}")>{name.clone()}</th> }).collect_view();
        type Row = (
            &'static str,
            Box<dyn Fn(&ProviderStats) -> (String, Option<String>)>,
        );
        let rows: Vec<Row> = vec![
            ("Live regions", Box::new(|s| (s.live.to_string(), None))),
            (
                "Announced regions",
                Box::new(|s| (s.announced.to_string(), None)),
            ),
            (
                "Retired regions",
                Box::new(|s| (s.retired.to_string(), None)),
            ),
            (
                "Zones listed for live regions (summed; includes legacy zones)",
                Box::new(|s| (s.zones.to_string(), None)),
            ),
            (
                "Countries and territories with a live region",
                Box::new(|s| (s.countries.len().to_string(), None)),
            ),
            (
                "First region launch",
                Box::new(|s| {
                    s.first_launch
                        .as_ref()
                        .map_or(("—".into(), None), |(date, id)| {
                            (date.human(), Some(id.clone()))
                        })
                }),
            ),
            (
                "Latest region launch",
                Box::new(|s| {
                    s.latest_launch
                        .as_ref()
                        .map_or(("—".into(), None), |(date, id)| {
                            (date.human(), Some(id.clone()))
                        })
                }),
            ),
            (
                "Pledged investment (US$, sum of announcements)",
                Box::new(|s| match s.pledges.len() {
                    0 => ("—".into(), None),
                    1 => (money(s.pledged()), Some(s.pledges[0].0.clone())),
                    n => (format!("{} ({n} pledges)", money(s.pledged())), None),
                }),
            ),
        ];
        let latest = providers
            .iter()
            .map(|(id, _)| {
                let cell = announced
                    .get(id)
                    .and_then(|v| v.last())
                    .map(|(date, r, z, eid)| {
                        let part = |n: &Option<u32>, w: &str| n.map(|n| format!("{n} {w}"));
                        let text = format!(
                            "{} ({})",
                            [part(r, "regions"), part(z, "zones")]
                                .into_iter()
                                .flatten()
                                .collect::<Vec<_>>()
                                .join(", "),
                            date.human()
                        );
                        cited(&a, text, Some(eid.clone()))
                    });
                view! { <td class="num">{cell.unwrap_or_else(|| "—".into_any())}</td> }
            })
            .collect_view();
        let body = rows
            .into_iter()
            .map(|(label, f)| {
                let cells = providers
                    .iter()
                    .map(|(id, _)| {
                        let (text, source) = stats.get(id).map(&f).unwrap_or(("—".into(), None));
                        view! { <td class="num">{cited(&a, text, source)}</td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{label}</th>{cells}</tr> }
            })
            .collect_view();
        let pledge_list = providers
            .iter()
            .map(|(pid, pname)| {
                let (shown, rest) = stats.get(pid).map(|s| s.largest_pledges(PLEDGES_SHOWN)).unwrap_or_default();
                let items = shown
                    .into_iter()
                    .map(|(id, usd)| {
                        let title = match cat.record(&id) {
                            Some(Record::Event(i)) => format!("{} — {}", d.events[i].date.human(), d.events[i].title),
                            _ => String::new(),
                        };
                        view! { <li>{pname.clone()}": "{cited(&a, format!("US${}", money(usd)), Some(id))}" · "{title}</li> }
                    })
                    .collect_view();
                let more = (rest > 0).then(|| view! { <li class="hint">{format!("{pname}: {rest} smaller pledges are not listed here; the events table lists every one.")}</li> });
                view! { {items}{more} }
            })
            .collect_view();
        let area_rows = per_area
            .into_iter()
            .map(|(name, st)| {
                let cells = providers
                    .iter()
                    .map(|(id, _)| {
                        let s = st.get(id).cloned().unwrap_or_default();
                        view! { <td class="num">{format!("{} live · {} zones · {} retired", s.live, s.zones, s.retired)}</td> }
                    })
                    .collect_view();
                view! { <tr><th scope="row">{name}</th>{cells}</tr> }
            })
            .collect_view();
        let only = providers
            .iter()
            .map(|(id, name)| {
                let codes = split.only.get(id).cloned().unwrap_or_default();
                view! { <div class="split"><h3 class="split__title">{format!("{name} only ({})", codes.len())}</h3><p>{names(&cat, codes)}</p></div> }
            })
            .collect_view();
        let (market_shown, market_rest) = a.selection.with(|s| {
            let mut all: Vec<usize> = s
                .events
                .iter()
                .copied()
                .filter(|&i| {
                    d.events[i].provider == MARKET && d.events[i].kind == Kind::MarketFigure
                })
                .collect();
            all.sort_by_key(|&i| d.events[i].date);
            // The latest figures matter most; the events table has the rest.
            let rest = all.len().saturating_sub(MARKET_SHOWN);
            (all[rest..].to_vec(), rest)
        });
        let market = {
            market_shown
                .into_iter()
                .map(|i| &d.events[i])
                .map(|e| {
                    let src = e.sources.first().and_then(|s| d.source(s)).cloned();
                    view! {
                        <li>
                            <time datetime=e.date.to_string()>{e.date.human()}</time>" · "{e.title.clone()}" "
                            {src.map(|s| view! { <a class="source" href=s.url target="_blank" rel="noopener noreferrer">{s.publisher.unwrap_or_default()}</a> })}
                        </li>
                    }
                })
                .collect_view()
        };
        let market_more = (market_rest > 0).then(|| view! { <p class="hint">{format!("The {MARKET_SHOWN} latest market figures are shown; {market_rest} earlier ones are in the events table.")}</p> });
        view! {
            <section aria-labelledby="h2h-h">
                <h2 id="h2h-h" class="section-title">"Side by side"</h2>
                <p class="hint">"For the filtered records. A linked figure opens the record it comes from, with its sources."</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Table, scrolls sideways on small screens">
                    <table class="records-table compare" data-testid="compare">
                        <thead><tr><th scope="col" class="plain">"Figure"</th>{head}</tr></thead>
                        <tbody>
                            {body}
                            <tr><th scope="row">"Latest footprint the provider announced"</th>{latest}</tr>
                        </tbody>
                    </table>
                </div>
                <p class="hint">"Summed zone counts come from per-region documentation and run higher than the providers' own totals; the announced footprint is the providers' figure. Pledges differ in scope (group capital spending, talent programmes, acquisitions): read each one before comparing sums."</p>
                <ul class="pledges">{pledge_list}</ul>
            </section>
            <section aria-labelledby="areas-h">
                <h2 id="areas-h" class="section-title">"By area"</h2>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Table, scrolls sideways on small screens">
                    <table class="records-table compare">
                        <thead><tr><th scope="col" class="plain">"Area"</th>{providers.iter().map(|(_, n)| view! { <th scope="col" class="plain">{n.clone()}</th> }).collect_view()}</tr></thead>
                        <tbody>{area_rows}</tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="split-h" data-testid="country-split">
                <h2 id="split-h" class="section-title">"Where each is present"</h2>
                <p class="hint">"Countries and territories with at least one filtered region."</p>
                <div class="splits">
                    {only}
                    <div class="split"><h3 class="split__title">{format!("Both ({})", split.both.len())}</h3><p>{names(&cat, split.both.clone())}</p></div>
                </div>
            </section>
            <section aria-labelledby="market-h">
                <h2 id="market-h" class="section-title">"Market context"</h2>
                <ul class="market">{market}</ul>
                {market_more}
            </section>
        }
    }
}
