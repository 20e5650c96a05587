//! The coverage view as markup: the sentence above it, the shading switch, the
//! choropleth's country classes and key, and the table of every country. The page,
//! the exports and the test oracle all write it from here.

use super::{a, Html, Val};
use crate::catalog::T;
use crate::hooks::ISO;
use crate::i18n::Speak;
use crate::refwords::R;
use crate::theme::slot;
use atlas_core::coverage::{
    distance_class, margin_class, Col, Coverage, Edge, Lead, Row, Shading, DISTANCE_BINS,
    MARGIN_BINS, REF_SHADE, TIE_KM,
};
use atlas_core::filter::Catalog;
use atlas_core::geo::Shapes;
use atlas_core::lang::Lang;
use atlas_core::reach::People;
use atlas_core::reference::Reference;
use atlas_core::table::Dir;

use crate::hooks::{NEARER, SHADE, SORT};

/// How one country is drawn: the page's classes and the exported picture's fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tint {
    /// The gazetteer has no town there.
    NoData,
    /// No provider (or not the chosen one) has a serving region.
    NoRegion,
    /// The two nearest providers are less than [`TIE_KM`] apart.
    Tie,
    /// Provider `.0` nearer, margin class `.1` (1–3).
    Lead(usize, usize),
    /// Provider `.0`'s distance, class `.1` (1 = nearest, 5 = farthest).
    Distance(usize, usize),
    /// A reference region (AWS, Azure, Google Cloud) is nearer than every provider
    /// in view, or is the only one (the "nearer than the hyperscalers" shading).
    Behind,
    /// The providers' home market, left out of the comparison with the hyperscalers.
    Home,
}

impl Tint {
    pub fn of(cov: &Coverage, row: Option<&Row>, shading: Shading) -> Tint {
        let Some(row) = row else {
            return Tint::NoData;
        };
        match shading {
            Shading::One(k) => match row.by.get(k).and_then(Option::as_ref) {
                Some(p) => Tint::Distance(k, distance_class(p.reach.mean_km)),
                None => Tint::NoRegion,
            },
            Shading::Nearer => match row.lead() {
                Lead::Nobody => Tint::NoRegion,
                Lead::Tie(_) => Tint::Tie,
                Lead::Only(k) => Tint::Lead(k, MARGIN_BINS.len() + 1),
                Lead::Nearer(k, km) => Tint::Lead(k, margin_class(km)),
            },
            // Against the hyperscalers: a provider ahead takes its colour by how much.
            Shading::Reference => match row.edge() {
                Edge::Home => Tint::Home,
                Edge::Nobody => Tint::NoRegion,
                Edge::Only(k) => Tint::Lead(k, MARGIN_BINS.len() + 1),
                Edge::Ahead(k, km) => Tint::Lead(k, margin_class(km)),
                Edge::Tie(_) => Tint::Tie,
                Edge::Behind(_) | Edge::NoProvider => Tint::Behind,
            },
        }
        .checked(cov)
    }

    fn checked(self, cov: &Coverage) -> Tint {
        match self {
            Tint::Lead(k, _) | Tint::Distance(k, _) if k >= cov.providers.len() => Tint::NoRegion,
            t => t,
        }
    }

    /// The class of a country path (and of its key's swatch).
    pub fn class(self, cov: &Coverage, d: &atlas_core::model::Dataset) -> String {
        let prov = |k: usize| slot(d, &cov.providers[k].id);
        match self {
            Tint::NoData => "country country--nodata".into(),
            Tint::NoRegion => "country country--none".into(),
            Tint::Tie => "country country--tie".into(),
            Tint::Lead(k, c) => format!("country country--lead lead-{c} {}", prov(k)),
            Tint::Distance(k, c) => format!("country country--dist dist-{c} {}", prov(k)),
            Tint::Behind => "country country--behind".into(),
            Tint::Home => "country country--home".into(),
        }
    }
}

/// A country's name: the dataset's where it names the country, else the gazetteer's
/// (Unicode CLDR) in the page's language, else the ISO code.
pub fn country_name(cat: &Catalog, people: &People, iso: &str) -> String {
    if let Some(n) = cat.countries.get(iso) {
        return n.clone();
    }
    match (people.names.get(iso), cat.lang) {
        (Some((en, _)), Lang::En) => en.clone(),
        (Some((_, zh)), Lang::Zh) => zh.clone(),
        _ => iso.to_string(),
    }
}

/// "as of": today, or the end of the `to` year.
pub fn as_of(lang: Lang, cov: &Coverage) -> String {
    match cov.year {
        Some(y) => lang.fill(T::CovAsOfYear, &[&y.to_string()]),
        None => lang.t(T::CovAsOfToday).to_string(),
    }
}

/// The sentence above the view: how many people live within 1,000 km of each
/// provider's serving regions, out of everyone in the gazetteer.
pub fn summary(cat: &Catalog, cov: &Coverage) -> String {
    let lang = cat.lang;
    let when = as_of(lang, cov);
    let serving: Vec<String> = cov
        .providers
        .iter()
        .filter(|s| !s.regions.is_empty())
        .map(|s| {
            lang.fill(
                T::CovWithin,
                &[&lang.people(s.near_people), cat.provider_name(&s.id)],
            )
        })
        .collect();
    let mut out = if serving.is_empty() {
        lang.fill(T::CovNoneServes, &[&when])
    } else {
        let parts: Vec<&str> = serving.iter().map(String::as_str).collect();
        lang.fill(
            T::CovSummary,
            &[&lang.people(cov.people), &lang.list(&parts), &when],
        )
    };
    if !serving.is_empty() {
        for s in cov.providers.iter().filter(|s| s.regions.is_empty()) {
            out.push_str(lang.pick(" ", ""));
            out.push_str(&lang.fill(T::CovNotServing, &[cat.provider_name(&s.id)]));
        }
    }
    out
}

/// The shading switch: links (they open in a new tab too), the current one marked.
/// `href` gives the address with `shade` set to a provider, or cleared.
pub fn switch(
    cat: &Catalog,
    cov: &Coverage,
    shade: Option<&str>,
    href: &dyn Fn(Option<&str>) -> String,
) -> String {
    let lang = cat.lang;
    let current = cov.shading(shade);
    let mut h = Html::new();
    let link = |h: &mut Html, id: Option<&str>, on: bool, text: &str, class: &str| {
        h.el(
            "a",
            &[
                a("class", class),
                a("href", &href(id)),
                a(SHADE, id.unwrap_or(NEARER)),
                ("aria-current", on.then(|| "true".into())),
            ],
            text,
        );
    };
    link(
        &mut h,
        None,
        current == Shading::Nearer,
        lang.t(T::CovShadeNearer),
        "chip",
    );
    for (k, s) in cov.providers.iter().enumerate() {
        let class = format!("chip {}", slot(&cat.data, &s.id));
        link(
            &mut h,
            Some(&s.id),
            current == Shading::One(k),
            &lang.fill(T::CovShadeOne, &[cat.provider_name(&s.id)]),
            &class,
        );
    }
    // Asks for the reference layer (it loads when the link is followed).
    link(
        &mut h,
        Some(REF_SHADE),
        current == Shading::Reference || (shade == Some(REF_SHADE) && cov.versus.is_none()),
        lang.t(R::Shade),
        "chip chip--ref",
    );
    h.finish()
}

/// The map's title and description for the current shading.
pub fn map_text(cat: &Catalog, cov: &Coverage, shading: Shading) -> (String, String) {
    let lang = cat.lang;
    match shading {
        Shading::Nearer => (lang.t(T::CovMapTitle).into(), lang.t(T::CovMapDesc).into()),
        Shading::One(k) => {
            let name = cat.provider_name(&cov.providers[k].id);
            (
                lang.fill(T::CovMapOneTitle, &[name]),
                lang.fill(T::CovMapOneDesc, &[name]),
            )
        }
        Shading::Reference => (lang.t(R::MapTitle).into(), lang.t(R::MapDesc).into()),
    }
}

/// Every country shape's tint, in the order of `shapes`.
pub fn tints(cov: &Coverage, shapes: &Shapes, shading: Shading) -> Vec<Tint> {
    shapes
        .countries
        .iter()
        .map(|c| {
            let row = c.iso2.as_deref().and_then(|iso| cov.row(iso));
            Tint::of(cov, row, shading)
        })
        .collect()
}

/// What a row's "Nearer" cell says.
pub fn lead_text(cat: &Catalog, cov: &Coverage, row: &Row) -> String {
    let lang = cat.lang;
    let name = |k: usize| cat.provider_name(&cov.providers[k].id);
    match row.lead() {
        Lead::Nobody => "—".into(),
        Lead::Only(k) => lang.fill(T::CovLeadOnly, &[name(k)]),
        Lead::Tie(_) => lang.t(T::CovLeadTie).into(),
        Lead::Nearer(k, km) => lang.fill(T::CovLeadBy, &[name(k), &lang.km(km)]),
    }
}

/// What a row's "against the nearest hyperscaler" cell says.
pub fn edge_text(cat: &Catalog, reference: &Reference, cov: &Coverage, row: &Row) -> String {
    let lang = cat.lang;
    let name = |k: usize| cat.provider_name(&cov.providers[k].id);
    match row.edge() {
        Edge::Home => lang.t(R::HomeShort).into(),
        Edge::Nobody => "—".into(),
        Edge::NoProvider => lang.t(R::NoProvider).into(),
        Edge::Only(k) => lang.fill(R::Only, &[name(k)]),
        Edge::Ahead(k, km) => lang.fill(R::AheadBy, &[name(k), &lang.km(km)]),
        Edge::Tie(_) => lang.t(R::Tie).into(),
        Edge::Behind(km) => match &row.reference {
            Some(n) => {
                let who = super::reference::label(&reference.regions[n.nearest], lang);
                lang.fill(R::BehindBy, &[&who, &lang.km(km)])
            }
            None => lang.t(R::Behind).into(),
        },
    }
}

/// The sentence under the summary when the reference layer is measured: where a
/// provider in view is nearer than every hyperscaler region, with the people there.
pub fn versus_summary(cat: &Catalog, people: &People, cov: &Coverage) -> String {
    let lang = cat.lang;
    let (rows, count) = cov.ahead();
    let when = as_of(lang, cov);
    if rows.is_empty() {
        return lang.fill(R::SummaryNone, &[&lang.km(TIE_KM), &when]);
    }
    let mut names: Vec<String> = rows
        .iter()
        .map(|&i| country_name(cat, people, &cov.rows[i].iso2))
        .collect();
    atlas_core::sort::sort_vec(&mut names, &|a, b| a.cmp(b));
    lang.fill(
        R::Summary,
        &[
            &lang.km(TIE_KM),
            &rows.len().to_string(),
            &lang.people(count),
            &when,
            &names.join(lang.t(T::ListComma)),
        ],
    )
}

/// The inside of the map's `<svg>`: title, description, sphere and countries, each
/// with its tint class and a tooltip naming the country and who is nearer.
pub fn layer(
    cat: &Catalog,
    people: &People,
    cov: &Coverage,
    reference: Option<&Reference>,
    shapes: &Shapes,
    shading: Shading,
) -> String {
    let (title, desc) = map_text(cat, cov, shading);
    let mut h = Html::new();
    h.el("title", &[], &title).el("desc", &[], &desc);
    if shading == Shading::Reference {
        // The home market's hatch (`.country--home`), coloured by the stylesheet.
        h.raw(&crate::theme::shade_patterns(None));
    }
    h.void("path", &[a("class", "sphere"), a("d", &shapes.sphere)])
        .open("g", &[]);
    for (c, tint) in shapes.countries.iter().zip(tints(cov, shapes, shading)) {
        let class = tint.class(cov, &cat.data);
        let iso = c.iso2.as_deref();
        match iso {
            Some(iso) => h.open("path", &[a("class", &class), a(ISO, iso), a("d", &c.d)]),
            None => h.open("path", &[a("class", &class), a("d", &c.d)]),
        };
        let row = iso.and_then(|i| cov.row(i));
        let name = match (iso, cat.lang) {
            (Some(i), _) if people.names.contains_key(i) || cat.countries.contains_key(i) => {
                Some(country_name(cat, people, i))
            }
            (_, Lang::En) => Some(c.name.clone()),
            _ => None,
        };
        if let Some(name) = name {
            let tip = match (row, reference) {
                (Some(r), Some(x)) if shading == Shading::Reference => format!(
                    "{name}{}{}",
                    cat.lang.pick(": ", "："),
                    edge_text(cat, x, cov, r)
                ),
                (Some(r), _) => format!(
                    "{name}{}{}",
                    cat.lang.pick(": ", "："),
                    lead_text(cat, cov, r)
                ),
                (None, _) => name,
            };
            h.el("title", &[], &tip);
        }
        h.close("path");
    }
    h.close("g");
    h.finish()
}

/// The key's entries: each tint the map can show with its words.
pub fn key(cat: &Catalog, cov: &Coverage, shading: Shading) -> Vec<(Tint, String)> {
    let lang = cat.lang;
    let range = |lo: f64, hi: Option<f64>| match hi {
        Some(hi) => lang.km_range(lo, hi),
        None => lang.fill(T::CovOver, &[&lang.km(lo)]),
    };
    let mut out = Vec::new();
    // Each serving provider's margin classes, in `words` ("{provider} nearer by {range}").
    let margins = |out: &mut Vec<(Tint, String)>, words: &dyn Fn(&str, &str) -> String| {
        for (k, s) in cov.providers.iter().enumerate() {
            if s.regions.is_empty() {
                continue;
            }
            for c in 1..=MARGIN_BINS.len() + 1 {
                let lo = if c == 1 { TIE_KM } else { MARGIN_BINS[c - 2] };
                let by = range(lo, MARGIN_BINS.get(c - 1).copied());
                out.push((Tint::Lead(k, c), words(cat.provider_name(&s.id), &by)));
            }
        }
    };
    match shading {
        Shading::Nearer => {
            margins(&mut out, &|p, by| lang.fill(T::CovNearerBy, &[p, by]));
            out.push((Tint::Tie, lang.t(T::CovTie).into()));
        }
        Shading::Reference => {
            margins(&mut out, &|p, by| lang.fill(R::AheadBy, &[p, by]));
            out.push((Tint::Tie, lang.t(R::Tie).into()));
            out.push((Tint::Behind, lang.t(R::Behind).into()));
            if cov.rows.iter().any(|r| r.home) {
                out.push((Tint::Home, lang.t(R::Home).into()));
            }
        }
        Shading::One(k) => {
            for c in 1..=DISTANCE_BINS.len() + 1 {
                let text = match c {
                    1 => lang.fill(T::CovUpTo, &[&lang.km(DISTANCE_BINS[0])]),
                    _ => range(DISTANCE_BINS[c - 2], DISTANCE_BINS.get(c - 1).copied()),
                };
                out.push((Tint::Distance(k, c), text));
            }
        }
    }
    out.push((Tint::NoRegion, lang.t(T::CovNoRegion).into()));
    out.push((Tint::NoData, lang.t(T::CovNotInGazetteer).into()));
    out
}

/// The key as a list of swatches.
pub fn legend(cat: &Catalog, cov: &Coverage, shading: Shading) -> String {
    let mut h = Html::new();
    for (tint, text) in key(cat, cov, shading) {
        let class = tint.class(cov, &cat.data).replacen("country", "swatch", 1);
        h.open("li", &[])
            .el("span", &[a("class", &class), a("aria-hidden", "true")], "")
            .text(&text)
            .close("li");
    }
    h.finish()
}

/// What every sort header of the table shares.
struct Heads<'a> {
    cov: &'a Coverage,
    sort: (Col, Dir),
    lang: Lang,
}

impl Heads<'_> {
    /// A header cell with a sort button; the provider's name is in the button's
    /// name (read out), not on screen, where the column group above says it.
    /// `rowspan` for the columns that span both header rows.
    fn cell(&self, h: &mut Html, col: Col, label: &str, provider: Option<&str>, rowspan: bool) {
        let sort = self.sort;
        let aria = if sort.0 == col { sort.1.aria() } else { "none" };
        let mark = match (sort.0 == col, sort.1) {
            (false, _) => "↕",
            (true, Dir::Asc) => "▲",
            (true, Dir::Desc) => "▼",
        };
        let rows = ("rowspan", rowspan.then_some(Val::from("2")));
        h.open("th", &[a("scope", "col"), rows, a("aria-sort", aria)])
            .open(
                "button",
                &[
                    a("type", "button"),
                    a("class", "sort"),
                    a(SORT, &col.id(self.cov)),
                ],
            )
            .text(label);
        if let Some(p) = provider {
            let lang = self.lang;
            h.el(
                "span",
                &[a("class", "visually-hidden")],
                &format!("{}{p}{}", lang.pick(" (", "（"), lang.pick(")", "）")),
            );
        }
        h.el(
            "span",
            &[a("class", "sort__mark"), a("aria-hidden", "true")],
            mark,
        )
        .close("button")
        .close("th");
    }
}

/// The table's head and body (the inside of its `<table>`), rows in `sort` order.
pub fn table(
    cat: &Catalog,
    people: &People,
    cov: &Coverage,
    reference: Option<&Reference>,
    sort: (Col, Dir),
) -> String {
    let reference = reference.filter(|_| cov.versus.is_some());
    let (d, lang) = (&cat.data, cat.lang);
    let mut h = Html::new();
    h.el(
        "caption",
        &[a("class", "visually-hidden")],
        lang.t(T::CovTableTitle),
    );
    h.open("thead", &[]).open("tr", &[]);
    let heads = Heads { cov, sort, lang };
    heads.cell(&mut h, Col::Country, lang.t(T::ColCountry), None, true);
    heads.cell(&mut h, Col::People, lang.t(T::CovColPeople), None, true);
    for s in &cov.providers {
        let class = format!("plain group {}", slot(d, &s.id));
        h.el(
            "th",
            &[
                a("scope", "colgroup"),
                a("colspan", "5"),
                a("class", &class),
            ],
            cat.provider_name(&s.id),
        );
    }
    h.el(
        "th",
        &[a("scope", "col"), a("rowspan", "2"), a("class", "plain")],
        lang.t(T::CovColLead),
    );
    if reference.is_some() {
        h.el(
            "th",
            &[
                a("scope", "colgroup"),
                a("colspan", "3"),
                a("class", "plain group group--ref"),
            ],
            lang.t(R::ColGroup),
        );
    }
    h.close("tr").open("tr", &[]);
    for (k, s) in cov.providers.iter().enumerate() {
        let name = cat.provider_name(&s.id);
        h.el(
            "th",
            &[a("scope", "col"), a("class", "plain")],
            lang.t(T::CovColNearest),
        );
        heads.cell(&mut h, Col::Km(k), lang.t(T::CovColKm), Some(name), false);
        h.el(
            "th",
            &[a("scope", "col"), a("class", "plain")],
            lang.t(T::CovColFloor),
        );
        heads.cell(
            &mut h,
            Col::Near(k),
            lang.t(T::CovColNear),
            Some(name),
            false,
        );
        heads.cell(&mut h, Col::Mid(k), lang.t(T::CovColMid), Some(name), false);
    }
    if reference.is_some() {
        let group = lang.t(R::ColGroup);
        h.el(
            "th",
            &[a("scope", "col"), a("class", "plain")],
            lang.t(R::ColRegion),
        );
        heads.cell(&mut h, Col::RefKm, lang.t(T::CovColKm), Some(group), false);
        h.el(
            "th",
            &[a("scope", "col"), a("class", "plain")],
            lang.t(R::ColEdge),
        );
    }
    h.close("tr").close("thead").open("tbody", &[]);
    let name = |iso: &str| country_name(cat, people, iso);
    for i in cov.order(sort.0, sort.1, &name) {
        let row = &cov.rows[i];
        h.open("tr", &[a("data-iso", &row.iso2)])
            .el("th", &[a("scope", "row")], &name(&row.iso2))
            .el("td", &[a("class", "num")], &lang.people(row.people));
        for p in &row.by {
            match p {
                Some(p) => {
                    let r = &d.regions[p.nearest];
                    let label = cat.region_name(r);
                    h.open("td", &[]);
                    super::record_button(&mut h, &r.id, label);
                    h.close("td");
                    h.el("td", &[a("class", "num")], &lang.km(p.reach.mean_km))
                        .el(
                            "td",
                            &[a("class", "num")],
                            &lang.fill(T::CovMs, &[&format!("{:.0}", p.floor_ms())]),
                        )
                        .el(
                            "td",
                            &[a("class", "num")],
                            &lang.percent(p.reach.within_1000),
                        )
                        .el(
                            "td",
                            &[a("class", "num")],
                            &lang.percent(p.reach.within_2500),
                        );
                }
                None => {
                    for _ in 0..5 {
                        h.el("td", &[a("class", "num")], "—");
                    }
                }
            }
        }
        h.el("td", &[], &lead_text(cat, cov, row));
        if let Some(x) = reference {
            match &row.reference {
                Some(n) => {
                    let r = &x.regions[n.nearest];
                    h.el(
                        "td",
                        &[a("data-ref", &r.id)],
                        &super::reference::label(r, lang),
                    )
                    .el("td", &[a("class", "num")], &lang.km(n.mean_km));
                }
                None => {
                    h.el("td", &[], "—").el("td", &[a("class", "num")], "—");
                }
            }
            h.el("td", &[], &edge_text(cat, x, cov, row));
        }
        h.close("tr");
    }
    h.close("tbody");
    h.finish()
}

/// The whole view's text parts, as the page writes them (the oracle's answer too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub summary: String,
    /// Against the hyperscalers, when the reference layer is measured (else empty).
    pub versus: String,
    pub switch: String,
    pub legend: String,
    pub table: String,
}

pub fn parts(
    cat: &Catalog,
    people: &People,
    cov: &Coverage,
    reference: Option<&Reference>,
    shade: Option<&str>,
    sort: (Col, Dir),
    href: &dyn Fn(Option<&str>) -> String,
) -> Parts {
    let shading = cov.shading(shade);
    Parts {
        summary: summary(cat, cov),
        versus: match (reference, &cov.versus) {
            (Some(_), Some(_)) => versus_summary(cat, people, cov),
            _ => String::new(),
        },
        switch: switch(cat, cov, shade, href),
        legend: legend(cat, cov, shading),
        table: table(cat, people, cov, reference, sort),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_core::filter::select;
    use std::collections::BTreeMap;

    fn setup(lang: Lang) -> (Catalog, People, Coverage) {
        let (cat, _) = super::super::tests::fixture();
        let cat = cat.with_lang(lang);
        let d = &cat.data;
        let r0 = d
            .regions
            .iter()
            .find(|r| r.provider == d.providers[0].id)
            .unwrap();
        let mut countries = BTreeMap::new();
        countries.insert("AA".to_string(), vec![(r0.lat, r0.lon, 2.0e6)]);
        countries.insert("ZZ".to_string(), vec![(-80.0, 0.0, 1.0e6)]);
        let mut names = BTreeMap::new();
        names.insert(
            "ZZ".to_string(),
            ("Farland".to_string(), "远方国".to_string()),
        );
        let people = People { countries, names };
        let sel = select(&cat, &Default::default());
        let cov = Coverage::build(&cat, &sel, &people, None);
        (cat, people, cov)
    }

    #[test]
    fn the_summary_counts_people_within_1000_km_per_provider() {
        let (cat, _, cov) = setup(Lang::En);
        let s = summary(&cat, &cov);
        assert!(s.starts_with("Of the 3 million people"), "{s}");
        assert!(
            s.contains(&format!(
                "2 million live within 1,000 km of one of {}'s regions",
                cat.provider_name(&cov.providers[0].id)
            )),
            "{s}"
        );
        assert!(s.ends_with("(regions live today)."), "{s}");
        let (cat, _, cov) = setup(Lang::Zh);
        let s = summary(&cat, &cov);
        assert!(s.starts_with("地名库城镇人口共300万"), "{s}");
    }

    #[test]
    fn the_table_lists_every_country_with_names_and_sort_state() {
        let (cat, people, cov) = setup(Lang::En);
        let html = table(&cat, &people, &cov, None, Col::DEFAULT);
        assert_eq!(html.matches("<tr data-iso=").count(), 2);
        assert!(html.contains("<th scope=\"row\">Farland</th>"), "{html}");
        assert!(html.contains(
            "aria-sort=\"descending\"><button type=\"button\" class=\"sort\" data-sort=\"people\""
        ));
        // The largest first: AA (2 million) before ZZ.
        assert!(html.find("data-iso=\"AA\"") < html.find("data-iso=\"ZZ\""));
        let (cat, people, cov) = setup(Lang::Zh);
        let html = table(&cat, &people, &cov, None, (Col::Country, Dir::Asc));
        assert!(html.contains("远方国"), "{html}");
    }

    #[test]
    fn the_key_names_every_tint_the_map_uses() {
        let (cat, _, cov) = setup(Lang::En);
        for shading in [Shading::Nearer, Shading::One(0)] {
            let k = key(&cat, &cov, shading);
            for row in &cov.rows {
                let t = Tint::of(&cov, Some(row), shading);
                assert!(k.iter().any(|(x, _)| *x == t), "{t:?} not in the key {k:?}");
            }
        }
        let words: Vec<String> = key(&cat, &cov, Shading::One(0))
            .into_iter()
            .map(|x| x.1)
            .collect();
        assert_eq!(words[0], "up to 500 km");
        assert_eq!(words[1], "500–1,000 km");
        assert_eq!(words[4], "over 5,000 km");
    }
}
