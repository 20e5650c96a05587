//! The reference layer as markup: the hyperscalers' marks on the map, their legend
//! entry, the keyboard-reachable list of their regions with the evidence, and the
//! head-to-head section. Only code that arrives with the layer calls these.

use super::{a, source_link, Html};
use crate::catalog::T;
use crate::i18n::Speak;
use crate::refwords::R;
use atlas_core::filter::{Catalog, Selection};
use atlas_core::geo::{Rect, WORLD};
use atlas_core::lang::Lang;
use atlas_core::load::Skipped;
use atlas_core::reference::{Dated, RefRegion, Reference};
use std::collections::BTreeSet;

/// The class of every reference mark (map, legend, exports).
pub const MARK: &str = "ref-mark";

/// A reference provider's short name ("AWS").
pub fn provider_short(reference: &Reference, id: &str) -> String {
    reference
        .provider(id)
        .map_or_else(|| id.to_string(), |p| p.short_name().to_string())
}

/// Its city in the page's language, or "location unknown".
pub fn city(r: &RefRegion, lang: Lang) -> String {
    match (lang, &r.city, &r.city_zh) {
        (Lang::Zh, Some(_), Some(zh)) => zh.clone(),
        (_, Some(en), _) => en.clone(),
        _ => lang.t(R::PlaceUnknown).to_string(),
    }
}

pub fn country(r: &RefRegion, lang: Lang) -> String {
    match (lang, &r.country_zh) {
        (Lang::Zh, Some(zh)) => zh.clone(),
        _ => r.country.clone(),
    }
}

/// "Frankfurt (aws:eu-central-1)": how a reference region is named in a sentence or a
/// cell, its id (provider and code) in both languages, as the CSV writes it.
pub fn label(r: &RefRegion, lang: Lang) -> String {
    format!(
        "{}{}{}{}",
        city(r, lang),
        lang.pick(" (", "（"),
        r.id,
        lang.pick(")", "）")
    )
}

/// A "+": the neutral shape of a reference region, unlike every provider's marker.
fn plus(x: f64, y: f64, s: f64) -> String {
    format!(
        "M{:.1} {:.1}h{:.1}M{:.1} {:.1}v{:.1}",
        x - s,
        y,
        2.0 * s,
        x,
        y - s,
        2.0 * s
    )
}

/// The marks of the reference regions live at the end of `year` (`None`: today)
/// inside `frame`, as the inside of an overlay `<svg>` with that frame as its view
/// box; the mark's arm is a fixed share of the frame, so marks keep their size on
/// screen at every zoom. Decorative: the list ([`list`]) names them.
pub fn marks(reference: &Reference, year: Option<u16>, frame: Rect) -> String {
    let mut h = Html::new();
    h.void(
        "path",
        &[a("class", MARK), a("d", &mark_path(reference, year, frame))],
    );
    h.finish()
}

/// The marks' one path (the page's overlay and the exported picture draw the same).
pub fn mark_path(reference: &Reference, year: Option<u16>, frame: Rect) -> String {
    let s = frame.w / 260.0;
    let mut d = String::new();
    for r in &reference.regions {
        if !r.live_at_end_of(year) {
            continue;
        }
        if let Some((lat, lon)) = r.place() {
            let p = WORLD.project(lon, lat);
            if frame.contains(p) {
                d.push_str(&plus(p.0, p.1, s));
            }
        }
    }
    d
}

/// The map legend's entry for the marks.
pub fn legend_item(lang: Lang) -> String {
    let mut h = Html::new();
    h.open("li", &[a("data-testid", "ref-legend")])
        .open(
            "svg",
            &[
                a("class", "ref-icon"),
                a("viewBox", "-8 -8 16 16"),
                a("aria-hidden", "true"),
            ],
        )
        .void("path", &[a("class", MARK), a("d", &plus(0.0, 0.0, 5.0))])
        .close("svg")
        .text(lang.t(T::RefLegend))
        .close("li");
    h.finish()
}

/// "AWS 37, Azure 60, Google Cloud 42": live regions per provider at the end of `year`.
pub fn counts(reference: &Reference, year: Option<u16>, lang: Lang) -> String {
    let parts: Vec<String> = reference
        .stats(year)
        .iter()
        .map(|s| format!("{} {}", provider_short(reference, &s.provider), s.live))
        .collect();
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    lang.list(&refs)
}

/// "regions live today" / "at the end of 2020".
fn as_of(year: Option<u16>, lang: Lang) -> String {
    match year {
        Some(y) => lang.fill(T::CovAsOfYear, &[&y.to_string()]),
        None => lang.t(T::CovAsOfToday).to_string(),
    }
}

/// What the reference loader left out, named (nothing is dropped silently).
pub fn skipped_note(skipped: &[Skipped], lang: Lang) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let reasons: Vec<String> = skipped.iter().take(5).map(|s| s.to_string()).collect();
    let mut h = Html::new();
    h.el(
        "p",
        &[a("class", "notice"), a("data-testid", "ref-skipped")],
        &lang.fill(
            R::Skipped,
            &[&skipped.len().to_string(), &reasons.join("; ")],
        ),
    );
    h.finish()
}

/// The list of every reference region: a disclosure (one tab stop) holding a table
/// with each region's place, status, dates and evidence links.
pub fn list(reference: &Reference, skipped: &[Skipped], year: Option<u16>, lang: Lang) -> String {
    let mut h = Html::new();
    let title = lang.fill(R::ListTitle, &[&counts(reference, year, lang)]);
    // In sight, not folded into the list: what the file held that could not be used.
    h.raw(&skipped_note(skipped, lang));
    h.open(
        "details",
        &[a("class", "ref-list"), a("data-testid", "ref-list")],
    )
    .el("summary", &[], &title)
    .el(
        "p",
        &[a("class", "hint")],
        &lang.fill(R::ListHint, &[&as_of(year, lang)]),
    );
    let unplaced: usize = reference.stats(year).iter().map(|s| s.unplaced).sum();
    if unplaced > 0 {
        h.el(
            "p",
            &[a("class", "hint")],
            &lang.fill(R::Unplaced, &[&unplaced.to_string()]),
        );
    }
    h.table_box(lang, &[a("class", "records-table ref-table")]);
    h.el("caption", &[a("class", "visually-hidden")], &title)
        .open("thead", &[])
        .open("tr", &[]);
    for c in [
        R::ColProvider,
        R::ColCode,
        R::ColName,
        R::ColCity,
        R::ColCountry,
        R::ColStatus,
        R::ColListed,
        R::ColOpened,
        R::ColEvidence,
    ] {
        h.el("th", &[a("scope", "col")], lang.t(c));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    let date =
        |d: Option<atlas_core::date::PartialDate>| d.map_or("—".to_string(), |d| lang.date(&d));
    for r in &reference.regions {
        let counted = r.live_at_end_of(year);
        h.open(
            "tr",
            &[
                a("data-ref", &r.id),
                ("class", (!counted).then(|| "ref-row--other".into())),
            ],
        )
        .el("td", &[], &provider_short(reference, &r.provider))
        .open("th", &[a("scope", "row")])
        .el("code", &[a("lang", "en"), a("translate", "no")], &r.code)
        .close("th")
        .el("td", &[a("lang", "en")], &r.name)
        .el("td", &[], &city(r, lang))
        .el("td", &[], &country(r, lang))
        .el("td", &[], lang.status(r.status))
        .el("td", &[], &date(r.listed()))
        .el("td", &[], &date(r.opened))
        .open("td", &[]);
        for e in &r.evidence {
            if let Some(s) = reference.source(&e.source) {
                let label = format!("{} {}", lang.proof(e.kind), lang.date(&e.date));
                source_link(&mut h, s, &label, false);
                h.text(" ");
            }
        }
        h.close("td").close("tr");
    }
    h.close("tbody")
        .close("table")
        .close("div")
        .close("details");
    h.finish()
}

/// The growth chart's reference lines for the years `(first, last)`, with their words.
pub fn growth_lines(
    reference: &Reference,
    (first, last): (u16, u16),
    lang: Lang,
) -> super::timeline::RefLines {
    let growth = reference.growth(first, last);
    let counted: usize = growth.iter().filter_map(|g| g.counts.last()).sum();
    let by_listing: usize = growth.iter().map(|g| g.by_listing).sum();
    super::timeline::RefLines {
        caveat: lang.fill(
            R::GrowthCaveat,
            &[&counted.to_string(), &by_listing.to_string()],
        ),
        lines: growth
            .into_iter()
            .map(|g| {
                let name = provider_short(reference, &g.provider);
                super::timeline::RefLine {
                    label: lang.fill(R::GrowthKey, &[&name]),
                    name,
                    provider: g.provider,
                    first: g.first,
                    from: g.from,
                    counts: g.counts,
                }
            })
            .collect(),
    }
}

/// The countries where a provider of the selection has a live region (at the end of
/// `year`) and no reference region is live.
pub fn alone(
    cat: &Catalog,
    sel: &Selection,
    reference: &Reference,
    year: Option<u16>,
) -> Vec<(String, BTreeSet<String>)> {
    let theirs = reference.countries(year);
    cat.data
        .providers
        .iter()
        .filter(|p| sel.providers.contains(&p.id))
        .map(|p| {
            let mine: BTreeSet<String> = sel
                .regions
                .iter()
                .map(|&i| &cat.data.regions[i])
                .filter(|r| r.provider == p.id && atlas_core::reach::live_at_end_of(r, year))
                .map(|r| r.iso2.clone())
                .filter(|iso| !theirs.contains(iso))
                .collect();
            (p.id.clone(), mine)
        })
        .collect()
}

/// Head to head's reference section: each hyperscaler's live regions, those outside
/// the US, countries, and how many a launch report dates; then, per provider in view,
/// where it is and none of them is.
pub fn compare_section(
    cat: &Catalog,
    sel: &Selection,
    reference: &Reference,
    year: Option<u16>,
) -> String {
    let lang = cat.lang;
    let mut h = Html::new();
    h.open(
        "section",
        &[
            a("aria-labelledby", "h2h-ref-h"),
            a("class", "ref-section"),
            a("data-testid", "compare-ref"),
        ],
    )
    .el(
        "h2",
        &[a("id", "h2h-ref-h"), a("class", "section-title")],
        lang.t(R::CompareTitle),
    )
    .el(
        "p",
        &[a("class", "hint")],
        &lang.fill(R::CompareHint, &[&as_of(year, lang)]),
    );
    h.table_box(lang, &[a("class", "records-table compare ref-compare")]);
    h.open("thead", &[]).open("tr", &[]).el(
        "th",
        &[a("scope", "col"), a("class", "plain")],
        lang.t(R::ColProvider),
    );
    for c in [R::ColLive, R::ColAbroad, R::ColCountries, R::ColDated] {
        h.el("th", &[a("scope", "col"), a("class", "plain")], lang.t(c));
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for s in reference.stats(year) {
        let (launch, listing) = reference
            .regions
            .iter()
            .filter(|r| r.provider == s.provider && r.live_at_end_of(year))
            .fold((0, 0), |(l, x), r| match r.since() {
                Some((_, Dated::Launch)) => (l + 1, x),
                Some((_, Dated::Listing)) => (l, x + 1),
                None => (l, x),
            });
        let name = reference
            .provider(&s.provider)
            .map_or(s.provider.clone(), |p| match (lang, &p.name_zh) {
                (Lang::Zh, Some(zh)) => zh.clone(),
                _ => p.name.clone(),
            });
        h.open("tr", &[a("data-ref-provider", &s.provider)])
            .el("th", &[a("scope", "row")], &name)
            .el("td", &[a("class", "num")], &s.live.to_string())
            .el("td", &[a("class", "num")], &s.abroad.to_string())
            .el("td", &[a("class", "num")], &s.countries.len().to_string())
            .el("td", &[a("class", "num")], &format!("{launch} / {listing}"))
            .close("tr");
    }
    h.close("tbody").close("table").close("div");
    for (pid, countries) in alone(cat, sel, reference, year) {
        let name = cat.provider_name(&pid);
        let text = if countries.is_empty() {
            lang.fill(R::AloneNone, &[name])
        } else {
            let mut names: Vec<&str> = countries.iter().map(|c| cat.country_name(c)).collect();
            atlas_core::sort::sort_vec(&mut names, &|a, b| a.cmp(b));
            lang.fill(R::Alone, &[name, &names.join(lang.t(T::ListComma))])
        };
        h.el("p", &[a("data-alone", &pid)], &text);
    }
    h.close("section");
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_core::reference::parse_reference;

    pub(crate) fn reference() -> Reference {
        let text = include_str!("../../../public/data/reference.json");
        parse_reference(text).unwrap().reference
    }

    #[test]
    fn the_list_names_every_region_and_marks_draw_only_placed_live_ones() {
        let r = reference();
        let html = list(&r, &[], None, Lang::En);
        assert_eq!(html.matches("<tr data-ref=").count(), r.regions.len());
        let world = Rect {
            x: -1000.0,
            y: -1000.0,
            w: 4000.0,
            h: 4000.0,
        };
        let drawn = marks(&r, None, world).matches('M').count() / 2;
        let placed = r
            .regions
            .iter()
            .filter(|x| x.live_at_end_of(None) && x.place().is_some())
            .count();
        assert_eq!(drawn, placed);
        let zh = list(&r, &[], None, Lang::Zh);
        assert!(zh.contains("参照地域"), "{}", &zh[..200]);
    }
}
