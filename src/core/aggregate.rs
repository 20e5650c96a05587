//! Figures derived from a selection: country presence for the map and the
//! one-sentence summary above every view. Views draw these; they compute nothing.

use super::filter::{Catalog, Selection};
use super::model::Status;
use std::collections::{BTreeMap, BTreeSet};

/// Which providers have a selected region in each country (ISO alpha-2).
pub fn presence(cat: &Catalog, sel: &Selection) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for &i in &sel.regions {
        let r = &cat.data.regions[i];
        out.entry(r.iso2.clone())
            .or_default()
            .insert(r.provider.clone());
    }
    out
}

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
