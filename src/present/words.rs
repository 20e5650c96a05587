//! Words: the sentences the page says about a selection (summary, counts line,
//! page title). Figures come from [`atlas_core::aggregate`]; this layer only
//! phrases them, in each language ([`Lang`]), so the figures are shared.

use crate::catalog::T;
use crate::i18n::Lang;
use crate::i18n::Speak;
use atlas_core::filter::{Catalog, Selection};
use atlas_core::model::Status;
use atlas_core::query::View;
use std::collections::BTreeSet;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The facts a summary sentence states, counted once for every language.
struct Facts<'a> {
    /// The provider's name when the regions belong to one provider only.
    one_provider: Option<&'a str>,
    regions: usize,
    countries: usize,
    retired: usize,
    listed: usize,
    announced: usize,
    events: usize,
    years: Option<(u16, u16)>,
}

fn facts<'a>(cat: &'a Catalog, sel: &Selection) -> Facts<'a> {
    let d = &cat.data;
    let providers: BTreeSet<&str> = sel
        .regions
        .iter()
        .map(|&i| d.regions[i].provider.as_str())
        .collect();
    let countries: BTreeSet<&str> = sel
        .regions
        .iter()
        .map(|&i| d.regions[i].iso2.as_str())
        .collect();
    let by_status = |s: Status| {
        sel.regions
            .iter()
            .filter(|&&i| d.regions[i].status == s)
            .count()
    };
    let years = sel.events.iter().map(|&i| d.events[i].date.year);
    Facts {
        one_provider: match providers.iter().collect::<Vec<_>>().as_slice() {
            [one] => Some(cat.provider_name(one)),
            _ => None,
        },
        regions: sel.regions.len(),
        countries: countries.len(),
        retired: by_status(Status::Retired),
        listed: by_status(Status::Listed),
        announced: by_status(Status::Announced),
        events: sel.events.len(),
        years: years.clone().min().zip(years.max()),
    }
}

/// "Showing 24 Tencent Cloud regions in 15 countries (3 retired) and 37 events, 2013–2026."
/// In Chinese: "显示Tencent Cloud在15个国家和地区的24个地域（3个已关停）及37条事件，2013—2026年。"
pub fn summary(cat: &Catalog, sel: &Selection) -> String {
    let f = facts(cat, sel);
    match cat.lang {
        Lang::En => summary_en(&f),
        Lang::Zh => summary_zh(&f),
    }
}

fn summary_en(f: &Facts) -> String {
    let who = f.one_provider.map(|p| format!("{p} ")).unwrap_or_default();
    let n = f.regions;
    let mut text = format!(
        "Showing {n} {who}{} in {}",
        if n == 1 { "region" } else { "regions" },
        plural(
            f.countries,
            "country or territory",
            "countries and territories"
        )
    );
    let notes: Vec<String> = [
        (f.retired, "retired"),
        (f.listed, "listed only"),
        (f.announced, "announced"),
    ]
    .into_iter()
    .filter(|&(n, _)| n > 0)
    .map(|(n, word)| format!("{n} {word}"))
    .collect();
    if !notes.is_empty() {
        text.push_str(&format!(" ({})", notes.join(", ")));
    }
    text.push_str(&format!(" and {}", plural(f.events, "event", "events")));
    match f.years {
        Some((a, b)) if a == b => text.push_str(&format!(" in {a}")),
        Some((a, b)) => text.push_str(&format!(", {a}–{b}")),
        None => {}
    }
    text.push('.');
    text
}

/// Chinese counts need no plural; a classifier goes between number and noun
/// (个地域, 条事件), the place comes before what is in it, and a range of years
/// takes one 年 at its end.
fn summary_zh(f: &Facts) -> String {
    let years = match f.years {
        Some((a, b)) if a == b => format!("，均在{a}年"),
        Some((a, b)) => format!("，{a}—{b}年"),
        None => String::new(),
    };
    if f.regions == 0 {
        return match f.events {
            0 => "没有符合筛选条件的地域和事件。".into(),
            e => format!("没有符合筛选条件的地域；显示{e}条事件{years}。"),
        };
    }
    let who = f.one_provider.map(|p| format!("{p}在")).unwrap_or_default();
    let mut text = format!("显示{who}{}个国家和地区的{}个地域", f.countries, f.regions);
    let notes: Vec<String> = [
        (f.retired, "已关停"),
        (f.listed, "仅见于清单"),
        (f.announced, "已宣布"),
    ]
    .into_iter()
    .filter(|&(n, _)| n > 0)
    .map(|(n, word)| format!("{n}个{word}"))
    .collect();
    if !notes.is_empty() {
        text.push_str(&format!("（{}）", notes.join("，")));
    }
    match f.events {
        0 => text.push_str("，没有事件"),
        e => text.push_str(&format!("及{e}条事件")),
    }
    text.push_str(&years);
    text.push('。');
    text
}

/// "3 of 61 regions, 5 of 112 events", and how many regions the year filter had to
/// leave out; in Chinese "61个地域中的3个，112条事件中的5条".
pub fn counts_line(cat: &Catalog, sel: &Selection) -> String {
    let (r, all_r, e, all_e) = (
        sel.regions.len(),
        cat.data.regions.len(),
        sel.events.len(),
        cat.data.events.len(),
    );
    match cat.lang {
        Lang::En => {
            let hidden = match sel.undated_hidden {
                0 => String::new(),
                1 => {
                    " (1 region with an unknown opening year is left out by the year filter)".into()
                }
                n => format!(
                    " ({n} regions with an unknown opening year are left out by the year filter)"
                ),
            };
            format!("{r} of {all_r} regions, {e} of {all_e} events{hidden}")
        }
        Lang::Zh => {
            let hidden = match sel.undated_hidden {
                0 => String::new(),
                n => format!("（另有{n}个开服年份不详的地域被年份筛选排除）"),
            };
            format!("{all_r}个地域中的{r}个，{all_e}条事件中的{e}条{hidden}")
        }
    }
}

/// The page title for a view: "Tencent Cloud in the Middle East — Cloud Atlas".
pub fn page_title(cat: &Catalog, f: &atlas_core::query::Filters) -> String {
    let lang = cat.lang;
    let d = &cat.data;
    let who: Vec<&str> = f.providers.iter().map(|p| cat.provider_name(p)).collect();
    let places: Vec<&str> = f
        .areas
        .iter()
        .filter_map(|a| d.areas.iter().find(|x| &x.id == a))
        .map(|a| cat.area_phrase(a))
        .chain(f.countries.iter().map(|c| cat.country_name(c)))
        .collect();
    let view = match f.view {
        View::Map => "",
        View::Timeline => lang.t(T::TitleViewTimeline),
        View::Compare => lang.t(T::TitleViewCompare),
        View::Table => lang.t(T::TitleViewTable),
        View::Coverage => lang.t(T::TitleViewCoverage),
        View::Changes => lang.t(T::TitleViewChanges),
        View::Promises => lang.t(T::TitleViewPromises),
    };
    let who = who.join(lang.t(T::And));
    let places = places.join(lang.t(T::ListComma));
    let title = match (who.is_empty(), places.is_empty()) {
        (true, true) => lang.fill(T::TitleHome, &[&providers_phrase(d, lang)]),
        (false, true) => lang.fill(T::TitleWho, &[&who, view]),
        (true, false) => lang.fill(T::TitleWhere, &[&places, view]),
        (false, false) => lang.fill(T::TitleWhoWhere, &[&who, &places, view]),
    };
    // The reference layer is part of what the view shows, so of its title, citation
    // and exported files' provenance.
    if f.reference {
        let site = format!(" — {}", lang.t(T::SiteName));
        return match title.strip_suffix(&site) {
            Some(head) => format!("{head}{}{site}", lang.t(T::TitleWithRef)),
            None => format!("{title}{}", lang.t(T::TitleWithRef)),
        };
    }
    title
}

/// The names of the providers compared by default as a phrase: "Alibaba Cloud and
/// Tencent Cloud" (the product's question; Huawei Cloud is a chip away), "A, B and C".
/// Needs only the provider list, so the masthead can phrase it before any index is built.
pub fn providers_phrase(d: &atlas_core::model::Dataset, lang: Lang) -> String {
    let names: Vec<&str> = d
        .providers
        .iter()
        .filter(|p| p.default)
        .map(|p| d.provider_name_in(&p.id, lang))
        .collect();
    lang.list(&names)
}

/// "outside the Chinese Mainland" for the growth chart, from the areas marked `home`;
/// "abroad" names nothing when the dataset marks none.
pub fn abroad(cat: &Catalog) -> String {
    let lang = cat.lang;
    let home: Vec<&str> = cat
        .data
        .areas
        .iter()
        .filter(|a| a.home)
        .map(|a| cat.area_phrase(a))
        .collect();
    match home.split_last() {
        None => lang.t(T::InEveryArea).into(),
        Some((last, [])) => lang.fill(T::OutsideOne, &[last]),
        Some((last, rest)) => lang.fill(T::OutsideMany, &[&rest.join(lang.t(T::ListComma)), last]),
    }
}

/// The masthead's line under the title.
pub fn tagline(d: &atlas_core::model::Dataset, lang: Lang) -> String {
    lang.fill(T::Tagline, &[&providers_phrase(d, lang)])
}

/// What countries with regions of more than one provider are called: "both" when
/// `providers` (those in view) are two, "two or more" otherwise.
pub fn shared(cat: &Catalog, providers: usize, capital: bool) -> &'static str {
    let two = providers == 2;
    cat.lang.t(match (two, capital) {
        (true, false) => T::LegendBoth,
        (false, false) => T::LegendTwoOrMore,
        (true, true) => T::SharedBoth,
        (false, true) => T::SharedTwoOrMore,
    })
}

/// A zoom preset's button label: "World" or an area's name.
pub fn zoom_label(cat: &Catalog, z: atlas_core::geo::Zoom) -> &str {
    match z {
        atlas_core::geo::Zoom::Area(i) if i < cat.data.areas.len() => {
            cat.area_name(&cat.data.areas[i])
        }
        _ => cat.lang.t(T::ZoomWorld),
    }
}
