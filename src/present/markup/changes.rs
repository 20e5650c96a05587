//! The changes view as markup: the range, a sentence, the per-provider table, one
//! small map per provider of the regions opened and retired, and the month-by-month
//! list in which every line opens its record.

use super::{a, Html};
use crate::catalog::T;
use crate::i18n::Speak;
use crate::theme::slot;
use atlas_core::changes::{year_month, Change, Changes, Month, What};
use atlas_core::date::PartialDate;
use atlas_core::filter::{Catalog, Record};
use atlas_core::geo::{Shapes, WORLD};

fn month_date(m: Month) -> PartialDate {
    let (year, month) = year_month(m);
    PartialDate {
        year,
        month: Some(month),
        day: None,
    }
}

/// "From Dec 2024 to Nov 2026: …" — which months the view covers and why.
pub fn range_line(cat: &Catalog, ch: &Changes) -> String {
    let lang = cat.lang;
    let w = ch.window;
    let t = if w.default {
        T::ChRangeDefault
    } else {
        T::ChRangeYears
    };
    lang.fill(
        t,
        &[
            &lang.date(&month_date(w.start)),
            &lang.date(&month_date(w.end)),
        ],
    )
}

/// The sentence above the view: regions opened and retired per provider.
pub fn lead(cat: &Catalog, ch: &Changes) -> String {
    let lang = cat.lang;
    let parts: Vec<String> = ch
        .tallies
        .iter()
        .map(|t| {
            lang.fill(
                T::ChLeadPart,
                &[
                    &format!("{}{}", cat.provider_name(&t.provider), lang.pick(":", "")),
                    &t.opened.to_string(),
                    &t.retired.to_string(),
                ],
            )
        })
        .collect();
    lang.fill(T::ChLead, &[&parts.join(lang.pick("; ", "；"))])
}

fn countries(cat: &Catalog, set: &std::collections::BTreeSet<String>) -> String {
    if set.is_empty() {
        return "—".into();
    }
    let mut v: Vec<&str> = set.iter().map(|c| cat.country_name(c)).collect();
    atlas_core::sort::sort_vec(&mut v, &|a, b| a.cmp(b));
    v.join(cat.lang.t(T::ListComma))
}

/// The inside of the per-provider `<table>`.
pub fn table(cat: &Catalog, ch: &Changes) -> String {
    let lang = cat.lang;
    let mut h = Html::new();
    h.open("thead", &[]).open("tr", &[]).el(
        "th",
        &[a("scope", "col"), a("class", "plain")],
        lang.t(T::Figure),
    );
    for t in &ch.tallies {
        h.el(
            "th",
            &[a("scope", "col"), a("class", "plain")],
            cat.provider_name(&t.provider),
        );
    }
    h.close("tr").close("thead").open("tbody", &[]);
    type Cell = fn(&Catalog, &atlas_core::changes::Tally) -> String;
    let rows: [(T, Cell); 8] = [
        (T::ChOpened, |_, t| t.opened.to_string()),
        (T::ChAnnouncements, |_, t| t.announcements.to_string()),
        (T::ChRetired, |_, t| t.retired.to_string()),
        (T::ChDatacenters, |_, t| t.datacenters.to_string()),
        (T::ChPledged, |c, t| match t.pledges.len() {
            0 => "—".into(),
            1 => c.lang.usd(t.pledged()),
            n => c
                .lang
                .fill(T::NPledges, &[&c.lang.usd(t.pledged()), &n.to_string()]),
        }),
        (T::ChEntered, |c, t| countries(c, &t.entered)),
        (T::ChLeft, |c, t| countries(c, &t.left)),
        (T::ChNet, |_, t| match t.net() {
            n if n > 0 => format!("+{n}"),
            n if n < 0 => format!("−{}", -n),
            _ => "0".into(),
        }),
    ];
    for (label, cell) in rows {
        h.open("tr", &[])
            .el("th", &[a("scope", "row")], lang.t(label));
        for t in &ch.tallies {
            h.el("td", &[a("class", "num")], &cell(cat, t));
        }
        h.close("tr");
    }
    h.close("tbody");
    h.finish()
}

/// The accessible name of provider `k`'s small map.
pub fn map_name(cat: &Catalog, ch: &Changes, k: usize) -> String {
    let t = &ch.tallies[k];
    cat.lang.fill(
        T::ChMapName,
        &[
            cat.provider_name(&t.provider),
            &t.opened.to_string(),
            &t.retired.to_string(),
        ],
    )
}

/// The marks of provider `k`'s small map (a `<g>`'s inside): a dot per region opened, a
/// cross per region retired, at the region's city.
pub fn marks(cat: &Catalog, ch: &Changes, k: usize) -> String {
    let d = &cat.data;
    let p = &ch.tallies[k].provider;
    let class = slot(d, p);
    let mut h = Html::new();
    for c in &ch.items {
        let Record::Region(i) = c.record else {
            continue;
        };
        let r = &d.regions[i];
        if &r.provider != p {
            continue;
        }
        let (x, y) = WORLD.project(r.lon, r.lat);
        match c.what {
            What::Opened => {
                h.void(
                    "circle",
                    &[
                        a("class", format!("ch-open {class}").as_str()),
                        a("cx", x),
                        a("cy", y),
                        a("r", "7"),
                    ],
                );
            }
            _ => {
                let s = 6.0;
                let path = format!(
                    "M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}",
                    x - s,
                    y - s,
                    x + s,
                    y + s,
                    x - s,
                    y + s,
                    x + s,
                    y - s
                );
                h.void("path", &[a("class", "ch-retired"), a("d", path.as_str())]);
            }
        }
    }
    h.finish()
}

/// The quiet country layer under the marks, the same for every panel.
pub fn ground(shapes: &Shapes) -> String {
    let mut h = Html::new();
    h.void("path", &[a("class", "sphere"), a("d", &shapes.sphere)]);
    for c in &shapes.countries {
        h.void("path", &[a("class", "country"), a("d", &c.d)]);
    }
    h.finish()
}

fn line(h: &mut Html, cat: &Catalog, c: &Change) {
    let (d, lang) = (&cat.data, cat.lang);
    let (id, provider, title) = match c.record {
        Record::Region(i) => {
            let r = &d.regions[i];
            (&r.id, &r.provider, cat.region_name(r))
        }
        Record::Event(i) => {
            let e = &d.events[i];
            (&e.id, &e.provider, cat.event_title(e))
        }
    };
    let what = match c.what {
        What::Opened => lang.t(T::ChWhatOpened),
        What::Retired => lang.t(T::ChWhatRetired),
        What::Event(k) => lang.kind(k),
    };
    h.open("li", &[]);
    super::time(h, lang, &c.date);
    h.text(" · ")
        .el(
            "span",
            &[a(
                "class",
                format!("ch-prov {}", slot(d, provider)).as_str(),
            )],
            cat.provider_name(provider),
        )
        .text(&format!(" · {what} · "));
    super::record_button(h, id, title);
    h.close("li");
}

/// The month-by-month list, then the records too coarse to place.
pub fn list(cat: &Catalog, ch: &Changes) -> String {
    let lang = cat.lang;
    let mut h = Html::new();
    if ch.items.is_empty() {
        h.el("p", &[a("class", "hint")], lang.t(T::ChNothing));
    }
    for ((first, last), items) in ch.by_month() {
        let label = if first == last {
            lang.date(&month_date(first))
        } else {
            let (year, _) = year_month(first);
            let y = PartialDate {
                year,
                month: None,
                day: None,
            };
            lang.fill(T::ChYearOnly, &[&lang.date(&y)])
        };
        h.el("h3", &[a("class", "changes__month")], &label)
            .open("ul", &[a("class", "changes__list")]);
        for c in items {
            line(&mut h, cat, c);
        }
        h.close("ul");
    }
    if !ch.coarse.is_empty() {
        h.open("section", &[a("data-testid", "changes-coarse")])
            .el(
                "h3",
                &[a("class", "changes__month")],
                lang.t(T::ChCoarseTitle),
            )
            .el("p", &[a("class", "hint")], lang.t(T::ChCoarseHint))
            .open("ul", &[a("class", "changes__list")]);
        for c in &ch.coarse {
            line(&mut h, cat, c);
        }
        h.close("ul").close("section");
    }
    h.finish()
}

/// The view's text parts as the page writes them (the oracle's answer too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub range: String,
    pub lead: String,
    pub table: String,
    pub list: String,
    /// Per provider: the small map's name and its marks.
    pub maps: Vec<(String, String)>,
}

pub fn parts(cat: &Catalog, ch: &Changes) -> Parts {
    Parts {
        range: range_line(cat, ch),
        lead: lead(cat, ch),
        table: table(cat, ch),
        list: list(cat, ch),
        maps: (0..ch.tallies.len())
            .map(|k| (map_name(cat, ch, k), marks(cat, ch, k)))
            .collect(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_core::changes::{Changes, Window};
    use atlas_core::filter::select;

    #[test]
    fn every_change_is_a_line_that_opens_its_record() {
        let (cat, _) = super::super::tests::fixture();
        let f = atlas_core::query::Filters::default();
        let sel = select(&cat, &f);
        let (first, last) = cat.years;
        let w = Window {
            start: atlas_core::changes::month(first, 1),
            end: atlas_core::changes::month(last, 12),
            default: false,
        };
        let ch = Changes::build(&cat, &sel, w);
        let html = list(&cat, &ch);
        assert_eq!(html.matches("<li>").count(), ch.items.len());
        assert_eq!(html.matches("data-sel-id=").count(), ch.items.len());
        let t = table(&cat, &ch);
        assert_eq!(t.matches("<tr>").count(), 9);
        let p = parts(&cat, &ch);
        assert_eq!(p.maps.len(), sel.providers.len());
        assert!(
            p.range
                .starts_with(&format!("From Jan {first} to Dec {last}")),
            "{}",
            p.range
        );
    }
}
