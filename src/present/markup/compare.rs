//! The head-to-head view as markup: the providers side by side for the filtered
//! data, per area, the countries each has alone or both share, and the market
//! context. Every figure that comes from one record is a button naming its
//! source (`data-sel-id` opens the record).

use super::{a, head, Html};
use crate::catalog::T;
use crate::hooks::SEL_ID;
use crate::i18n::Lang;
use crate::i18n::Speak;
use atlas_core::aggregate::{compare, country_split, footprints, ProviderStats};
use atlas_core::filter::{Catalog, Record, Selection};
use atlas_core::model::{Kind, MARKET};

/// Past these, the lists name the largest pledges and the latest market figures and say how many
/// more the events table has: at tens of thousands of events a full list is unreadable and slow.
pub const PLEDGES_SHOWN: usize = 10;
pub const MARKET_SHOWN: usize = 12;

/// A figure: plain text, or, when one record backs it, a button that opens that
/// record and names its first source on hover, on focus and in its accessible name.
fn cited(h: &mut Html, cat: &Catalog, text: &str, record: Option<&str>) {
    let Some(id) = record else {
        h.text(text);
        return;
    };
    let source = match cat.record(id) {
        Some(Record::Event(i)) => cat.data.events[i].sources.first(),
        Some(Record::Region(i)) => cat.data.regions[i].sources.first(),
        None => None,
    }
    .and_then(|s| cat.data.source(s))
    .map(|s| {
        cat.lang
            .fill(T::SourceLink, &[s.publisher.as_deref().unwrap_or(&s.url)])
    })
    .unwrap_or_default();
    let name = format!("{text} ({source})");
    h.open(
        "button",
        &[
            a("type", "button"),
            a("class", "link-button cited"),
            a("aria-label", &name),
            a(SEL_ID, id),
        ],
    )
    .text(text)
    .el("span", &[a("class", "cited__tip")], &source)
    .close("button");
}

/// Country names for ISO codes, sorted, comma-separated.
fn names<'a>(cat: &Catalog, codes: impl IntoIterator<Item = &'a String>) -> String {
    let mut v: Vec<&str> = codes.into_iter().map(|c| cat.country_name(c)).collect();
    atlas_core::sort::sort_vec(&mut v, &|a, b| a.cmp(b));
    v.join(cat.lang.t(T::ListComma))
}

type Figure = fn(&ProviderStats, Lang) -> (String, Option<String>);

const FIGURES: [(T, Figure); 8] = [
    (T::FigLive, |s, _| (s.live.to_string(), None)),
    (T::FigAnnounced, |s, _| (s.announced.to_string(), None)),
    (T::FigRetired, |s, _| (s.retired.to_string(), None)),
    (T::FigZones, |s, _| (s.zones.to_string(), None)),
    (T::FigCountries, |s, _| {
        (s.countries.len().to_string(), None)
    }),
    (T::FigFirst, |s, lang| {
        s.first_launch
            .as_ref()
            .map_or(("—".into(), None), |(d, id)| {
                (lang.date(d), Some(id.clone()))
            })
    }),
    (T::FigLatest, |s, lang| {
        s.latest_launch
            .as_ref()
            .map_or(("—".into(), None), |(d, id)| {
                (lang.date(d), Some(id.clone()))
            })
    }),
    (T::FigPledged, |s, lang| match s.pledges.len() {
        0 => ("—".into(), None),
        1 => (lang.usd(s.pledged()), Some(s.pledges[0].0.clone())),
        n => (
            lang.fill(T::NPledges, &[&lang.usd(s.pledged()), &n.to_string()]),
            None,
        ),
    }),
];

pub fn view(cat: &Catalog, sel: &Selection) -> String {
    let d = &cat.data;
    let lang = cat.lang;
    let stats = compare(cat, sel, None);
    let split = country_split(cat, sel);
    let announced = footprints(cat, sel);
    let providers: Vec<(&str, &str)> = d
        .providers
        .iter()
        .filter(|p| sel.providers.contains(&p.id))
        .map(|p| (p.id.as_str(), cat.provider_name(&p.id)))
        .collect();
    let none = ProviderStats::default();
    let mut h = Html::new();

    h.open("section", &[a("aria-labelledby", "h2h-h")])
        .el(
            "h2",
            &[a("id", "h2h-h"), a("class", "section-title")],
            lang.t(T::SideBySide),
        )
        .el("p", &[a("class", "hint")], lang.t(T::SideBySideHint));
    h.table_box(
        lang,
        &[
            a("class", "records-table compare"),
            a("data-testid", "compare"),
        ],
    );
    h.open("thead", &[]).open("tr", &[]).el(
        "th",
        &[a("scope", "col"), a("class", "plain")],
        lang.t(T::Figure),
    );
    for (id, name) in &providers {
        h.el(
            "th",
            &[
                a("scope", "col"),
                a("class", format!("plain col--{id}").as_str()),
            ],
            name,
        );
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for (label, figure) in FIGURES {
        h.open("tr", &[])
            .el("th", &[a("scope", "row")], lang.t(label));
        for (id, _) in &providers {
            let (text, record) = figure(stats.get(*id).unwrap_or(&none), lang);
            h.open("td", &[a("class", "num")]);
            cited(&mut h, cat, &text, record.as_deref());
            h.close("td");
        }
        h.close("tr");
    }
    h.open("tr", &[])
        .el("th", &[a("scope", "row")], lang.t(T::FigFootprint));
    for (id, _) in &providers {
        h.open("td", &[a("class", "num")]);
        match announced.get(*id).and_then(|v| v.last()) {
            Some((date, r, z, eid)) => {
                let parts: Vec<String> = [
                    r.map(|n| lang.fill(T::NRegions, &[&n.to_string()])),
                    z.map(|n| lang.fill(T::NZones, &[&n.to_string()])),
                ]
                .into_iter()
                .flatten()
                .collect();
                cited(
                    &mut h,
                    cat,
                    &format!(
                        "{}{}{}{}",
                        parts.join(lang.t(T::ListComma)),
                        lang.pick(" (", "（"),
                        lang.date(date),
                        lang.pick(")", "）")
                    ),
                    Some(eid),
                );
            }
            None => {
                h.text("—");
            }
        }
        h.close("td");
    }
    h.close("tr").close("tbody").close("table").close("div");
    h.el("p", &[a("class", "hint")], lang.t(T::CompareCaveat));
    h.open("ul", &[a("class", "pledges")]);
    for (id, name) in &providers {
        let (shown, rest) = stats
            .get(*id)
            .map(|s| s.largest_pledges(PLEDGES_SHOWN))
            .unwrap_or_default();
        for (eid, usd) in shown {
            h.open("li", &[]).text(name).text(lang.pick(": ", "："));
            cited(&mut h, cat, &lang.usd(usd), Some(&eid));
            if let Some(Record::Event(i)) = cat.record(&eid) {
                let e = &d.events[i];
                h.text(&format!(" · {} — ", lang.date(&e.date)));
                super::title(&mut h, cat.event_title(e));
            }
            h.close("li");
        }
        if rest > 0 {
            h.el(
                "li",
                &[a("class", "hint")],
                &lang.fill(T::SmallerPledges, &[name, &rest.to_string()]),
            );
        }
    }
    h.close("ul").close("section");

    h.open("section", &[a("aria-labelledby", "areas-h")]).el(
        "h2",
        &[a("id", "areas-h"), a("class", "section-title")],
        lang.t(T::ByArea),
    );
    h.table_box(lang, &[a("class", "records-table compare")]);
    let mut labels = vec![lang.t(T::Area)];
    labels.extend(providers.iter().map(|(_, n)| *n));
    head(&mut h, &labels);
    h.open("tbody", &[]);
    for area in &d.areas {
        let st = compare(cat, sel, Some(&area.id));
        h.open("tr", &[])
            .el("th", &[a("scope", "row")], cat.area_name(area));
        for (id, _) in &providers {
            let s = st.get(*id).unwrap_or(&none);
            h.el(
                "td",
                &[a("class", "num")],
                &lang.fill(
                    T::AreaRow,
                    &[
                        &s.live.to_string(),
                        &s.zones.to_string(),
                        &s.retired.to_string(),
                    ],
                ),
            );
        }
        h.close("tr");
    }
    h.close("tbody")
        .close("table")
        .close("div")
        .close("section");

    h.open(
        "section",
        &[
            a("aria-labelledby", "split-h"),
            a("data-testid", "country-split"),
        ],
    )
    .el(
        "h2",
        &[a("id", "split-h"), a("class", "section-title")],
        lang.t(T::WherePresent),
    )
    .el("p", &[a("class", "hint")], lang.t(T::WherePresentHint))
    .open("div", &[a("class", "splits")]);
    let empty = Default::default();
    let groups = providers
        .iter()
        .map(|(id, name)| {
            (
                lang.fill(T::OnlyOne, &[name]),
                split.only.get(*id).unwrap_or(&empty),
            )
        })
        .chain([(
            crate::words::shared(cat, sel.providers.len(), true).to_string(),
            &split.both,
        )]);
    for (title, codes) in groups {
        h.open("div", &[a("class", "split")])
            .el(
                "h3",
                &[a("class", "split__title")],
                &format!(
                    "{title}{}{}{}",
                    lang.pick(" (", "（"),
                    codes.len(),
                    lang.pick(")", "）")
                ),
            )
            .el("p", &[], &names(cat, codes))
            .close("div");
    }
    h.close("div").close("section");

    let mut market: Vec<usize> = sel
        .events
        .iter()
        .copied()
        .filter(|&i| d.events[i].provider == MARKET && d.events[i].kind == Kind::MarketFigure)
        .collect();
    atlas_core::sort::sort_indices(&mut market, &|a, b| d.events[a].date.cmp(&d.events[b].date));
    // The latest figures matter most; the events table has the rest.
    let earlier = market.len().saturating_sub(MARKET_SHOWN);
    h.open("section", &[a("aria-labelledby", "market-h")])
        .el(
            "h2",
            &[a("id", "market-h"), a("class", "section-title")],
            lang.t(T::MarketContext),
        )
        .open("ul", &[a("class", "market")]);
    for e in market[earlier..].iter().map(|&i| &d.events[i]) {
        h.open("li", &[])
            .el(
                "time",
                &[a("datetime", &e.date.to_string())],
                &lang.date(&e.date),
            )
            .text(" · ");
        super::title(&mut h, cat.event_title(e));
        h.text(" ");
        if let Some(s) = e.sources.first().and_then(|s| d.source(s)) {
            super::source_link(&mut h, s, s.publisher.as_deref().unwrap_or(s.host()), false);
        }
        h.close("li");
    }
    h.close("ul");
    if earlier > 0 {
        h.el(
            "p",
            &[a("class", "hint")],
            &lang.fill(
                T::MarketEarlier,
                &[&MARKET_SHOWN.to_string(), &earlier.to_string()],
            ),
        );
    }
    h.close("section");
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_figure_row_and_section() {
        let (cat, sel) = super::super::tests::fixture();
        let html = view(&cat, &sel);
        for (label, _) in FIGURES {
            assert!(
                html.contains(&format!(
                    "<th scope=\"row\">{}</th>",
                    super::super::escape(crate::catalog::Phrase::en(label))
                )),
                "{label:?}"
            );
        }
        for id in ["h2h-h", "areas-h", "split-h", "market-h"] {
            assert!(html.contains(&format!("id=\"{id}\"")));
        }
        assert_eq!(
            html.matches("<section").count(),
            html.matches("</section>").count()
        );
    }
}
