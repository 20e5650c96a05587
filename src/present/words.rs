//! Words: the sentences the page says about a selection (summary, counts line,
//! page title). Figures come from [`crate::core::aggregate`]; this layer only
//! phrases them, so a translation replaces this file and not the figures.

use crate::core::filter::{Catalog, Selection};
use crate::core::model::Status;
use std::collections::BTreeSet;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Showing 24 Tencent Cloud regions in 15 countries (3 retired) and 37 events, 2013–2026."
pub fn summary(cat: &Catalog, sel: &Selection) -> String {
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
    let who = match providers.iter().collect::<Vec<_>>().as_slice() {
        [one] => format!("{} ", d.provider_name(one)),
        _ => String::new(),
    };
    let n = sel.regions.len();
    let mut text = format!(
        "Showing {n} {who}{} in {}",
        if n == 1 { "region" } else { "regions" },
        plural(
            countries.len(),
            "country or territory",
            "countries and territories"
        )
    );
    let by_status = |s: Status| {
        sel.regions
            .iter()
            .filter(|&&i| d.regions[i].status == s)
            .count()
    };
    let notes: Vec<String> = [
        (Status::Retired, "retired"),
        (Status::Announced, "announced"),
    ]
    .into_iter()
    .filter_map(|(s, word)| match by_status(s) {
        0 => None,
        n => Some(format!("{n} {word}")),
    })
    .collect();
    if !notes.is_empty() {
        text.push_str(&format!(" ({})", notes.join(", ")));
    }
    text.push_str(&format!(
        " and {}",
        plural(sel.events.len(), "event", "events")
    ));
    let years = sel.events.iter().map(|&i| d.events[i].date.year);
    if let (Some(a), Some(b)) = (years.clone().min(), years.max()) {
        if a == b {
            text.push_str(&format!(" in {a}"));
        } else {
            text.push_str(&format!(", {a}–{b}"));
        }
    }
    text.push('.');
    text
}

/// "3 of 61 regions, 5 of 112 events", and how many regions the year filter had to leave out.
pub fn counts_line(cat: &Catalog, sel: &Selection) -> String {
    let hidden = match sel.undated_hidden {
        0 => String::new(),
        1 => " (1 region with an unknown opening year is left out by the year filter)".into(),
        n => format!(" ({n} regions with an unknown opening year are left out by the year filter)"),
    };
    format!(
        "{} of {} regions, {} of {} events{hidden}",
        sel.regions.len(),
        cat.data.regions.len(),
        sel.events.len(),
        cat.data.events.len()
    )
}

/// The page title for a view: "Tencent Cloud in the Middle East — Cloud Atlas".
pub fn page_title(cat: &Catalog, f: &crate::core::query::Filters) -> String {
    let d = &cat.data;
    let who: Vec<&str> = f.providers.iter().map(|p| d.provider_name(p)).collect();
    let areas: Vec<String> = f
        .areas
        .iter()
        .filter_map(|a| d.areas.iter().find(|x| &x.id == a))
        .map(|a| a.phrase().to_string())
        .collect();
    let places: Vec<String> = areas
        .into_iter()
        .chain(
            f.countries
                .iter()
                .map(|c| cat.countries.get(c).cloned().unwrap_or(c.clone())),
        )
        .collect();
    let subject = match (who.is_empty(), places.is_empty()) {
        (true, true) => return format!("Cloud Atlas — {} abroad", providers_phrase(&cat.data)),
        (false, true) => who.join(" and "),
        (true, false) => format!("Cloud regions in {}", places.join(", ")),
        (false, false) => format!("{} in {}", who.join(" and "), places.join(", ")),
    };
    let view = match f.view {
        crate::core::query::View::Map => "",
        crate::core::query::View::Timeline => ": timeline",
        crate::core::query::View::Compare => ": head to head",
        crate::core::query::View::Table => ": table",
    };
    format!("{subject}{view} — Cloud Atlas")
}

/// The providers' names as a phrase: "Alibaba Cloud and Tencent Cloud", "A, B and C".
pub fn providers_phrase(d: &crate::core::model::Dataset) -> String {
    let names: Vec<&str> = d.providers.iter().map(|p| p.name.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// "outside the Chinese Mainland" for the growth chart, from the areas marked `home`;
/// "abroad" names nothing when the dataset marks none.
pub fn abroad(cat: &Catalog) -> String {
    let home: Vec<&str> = cat
        .data
        .areas
        .iter()
        .filter(|a| a.home)
        .map(|a| a.phrase())
        .collect();
    match home.split_last() {
        None => "in every area".into(),
        Some((last, [])) => format!("outside {last}"),
        Some((last, rest)) => format!("outside {} and {last}", rest.join(", ")),
    }
}

/// The masthead's line under the title.
pub fn tagline(d: &crate::core::model::Dataset) -> String {
    format!(
        "{} abroad, record by record, with sources.",
        providers_phrase(d)
    )
}

/// What countries with regions of more than one provider are called: "both" when
/// the dataset has two providers, "two or more" otherwise.
pub fn shared(d: &crate::core::model::Dataset) -> &'static str {
    if d.providers.len() == 2 {
        "both"
    } else {
        "two or more"
    }
}
