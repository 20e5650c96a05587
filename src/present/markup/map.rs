//! The map's country layer as markup: the sphere outline and one path per
//! country. It is decoration (the markers carry the content), so the whole
//! layer is one `innerHTML` instead of a few hundred reactive nodes. It is
//! written once per set of shapes; shading changes only rewrite the `class`
//! of the paths whose shade changed (`data-iso` finds them), because parsing
//! 80 KB of path data again on every filter change cost more than it saved.

use super::{a, marker_svg, Html};
use crate::catalog::T;
use crate::hooks::ISO;
use crate::i18n::Speak;
use crate::theme::{shade, slot};
use atlas_core::filter::{Catalog, Selection};
use atlas_core::geo::{dodge_within, Rect, Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
use atlas_core::model::{Dataset, Marker, Region};
use std::collections::BTreeMap;

/// The selected regions whose marker falls inside the map's frame at `zoom`, in
/// selection order: the markers the map draws.
pub fn markers_in_frame(cat: &Catalog, sel: &Selection, zoom: Zoom) -> Vec<(usize, (f64, f64))> {
    let d = &cat.data;
    let frame = zoom.frame(d, &WORLD, MAP_WIDTH, MAP_HEIGHT);
    sel.regions
        .iter()
        .map(|&i| (i, WORLD.project(d.regions[i].lon, d.regions[i].lat)))
        .filter(|(_, p)| frame.contains(*p))
        .collect()
}

/// Where the map draws each of those markers, in percent of its frame (left, top): crowded
/// markers are pushed apart until every one keeps a 24 px target with 2 px between
/// (WCAG 2.5.8) on a map `width_px` wide. The live map and the build's pre-render
/// (`super::prerender`) both place markers here.
pub fn placed_markers(
    cat: &Catalog,
    sel: &Selection,
    zoom: Zoom,
    width_px: f64,
) -> Vec<(usize, (f64, f64))> {
    let f = zoom.frame(&cat.data, &WORLD, MAP_WIDTH, MAP_HEIGHT);
    let shown = markers_in_frame(cat, sel, zoom);
    let points: Vec<(f64, f64)> = shown.iter().map(|x| x.1).collect();
    let gap = 26.0 * f.w / width_px.max(1.0);
    let inner = Rect {
        x: f.x + gap / 2.0,
        y: f.y + gap / 2.0,
        w: f.w - gap,
        h: f.h - gap,
    };
    let placed = dodge_within(&points, gap, inner);
    shown
        .iter()
        .zip(placed)
        .map(|(&(i, _), p)| (i, f.percent(p)))
        .collect()
}

/// The map's markers as markup: one button per placed region (`placed_markers`), with its
/// shape, accessible name, tooltip and `data-sel-id` (one delegated listener opens it).
/// Unpressed: the app marks the open record's marker, and sets each position through
/// the CSSOM, in the same order as `placed` (the CSP forbids inline styles).
pub fn markers(cat: &Catalog, placed: &[(usize, (f64, f64))]) -> String {
    let d = &cat.data;
    let icons: Vec<String> = d
        .providers
        .iter()
        .map(|p| crate::theme::marker_icon(p.shape()))
        .collect();
    let mut h = Html::new();
    for &(i, _) in placed {
        let r = &d.regions[i];
        let name = marker_name(cat, r);
        let icon = d
            .providers
            .iter()
            .position(|p| p.id == r.provider)
            .and_then(|k| icons.get(k))
            .map_or("", String::as_str);
        h.open(
            "button",
            &[
                a("type", "button"),
                a("class", &marker_class(d, r)),
                a("aria-label", &name),
                a("aria-pressed", "false"),
                a(crate::hooks::SEL_ID, &r.id),
            ],
        )
        .open(
            "svg",
            &[
                a("class", "marker__shape"),
                a("viewBox", "-8 -8 16 16"),
                a("aria-hidden", "true"),
                a("focusable", "false"),
            ],
        )
        .raw(icon)
        .close("svg")
        .el(
            "span",
            &[a("class", "marker__tip"), a("aria-hidden", "true")],
            &name,
        )
        .close("button");
    }
    h.finish()
}

/// The markers as one picture, for the pre-render: the CSP allows no inline style, so
/// the live buttons' CSSOM positions become percent attributes of SVG shapes, drawn
/// 16 px wide whatever the map's size and centred like the buttons. Positions are
/// `placed` (from [`placed_markers`]), so both renders place every marker alike.
pub fn marker_picture(cat: &Catalog, placed: &[(usize, (f64, f64))]) -> String {
    let d = &cat.data;
    let mut h = Html::new();
    h.open(
        "svg",
        &[
            a("class", "map__points"),
            a("width", "100%"),
            a("height", "100%"),
            a("aria-hidden", "true"),
            a("focusable", "false"),
        ],
    );
    h.open("g", &[a("transform", "translate(-8 -8)")]);
    for &(i, (left, top)) in placed {
        let r = &d.regions[i];
        let icon = d
            .provider(&r.provider)
            .map(|p| crate::theme::marker_icon(p.shape()))
            .unwrap_or_default();
        let class = marker_class(d, r).replacen("marker ", "marker__shape ", 1);
        h.open(
            "svg",
            &[
                a("class", &class),
                a("x", format!("{left:.3}%").as_str()),
                a("y", format!("{top:.3}%").as_str()),
                a("width", "16"),
                a("height", "16"),
                a("viewBox", "-8 -8 16 16"),
            ],
        )
        .raw(&icon)
        .close("svg");
    }
    h.close("g").close("svg");
    h.finish()
}

/// A marker's classes: provider colour slot, status (hollow, dashed, struck through),
/// and a badge where its evidence is contested.
pub fn marker_class(d: &Dataset, r: &Region) -> String {
    let contested = if r.contested() {
        " marker--contested"
    } else {
        ""
    };
    format!(
        "marker {} marker--{}{contested}",
        slot(d, &r.provider),
        r.status.id()
    )
}

/// A marker's accessible name and tooltip: "Tencent Cloud — Middle East (Riyadh), live,
/// 2 zones, opened 2025"; "腾讯云 — 中东地区（利雅得），运营中，2个可用区，2025年开服".
pub fn marker_name(cat: &Catalog, r: &Region) -> String {
    let lang = cat.lang;
    let comma = lang.pick(", ", "，");
    let mut name = format!(
        "{} — {}{comma}{}",
        cat.provider_name(&r.provider),
        cat.region_name(r).text,
        lang.status_word(r.status)
    );
    if r.contested() {
        name.push_str(comma);
        name.push_str(lang.t(T::Contested));
    }
    if let Some(z) = r.zones {
        name.push_str(comma);
        name.push_str(&lang.zones(z));
    }
    if let Some(o) = r.opened {
        name.push_str(comma);
        name.push_str(&lang.fill(T::MarkerOpened, &[&lang.date(&o)]));
    }
    name
}

/// Title, description, sphere and countries (each with its `data-iso`), for the inside of
/// the map's `<svg>`, shaded as `presence` says.
pub fn layer(
    cat: &Catalog,
    shapes: Option<&Shapes>,
    presence: &BTreeMap<String, atlas_core::aggregate::Presence>,
) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let mut h = Html::new();
    h.el("title", &[], lang.t(T::MapTitle))
        .el("desc", &[], lang.t(T::MapDesc));
    if let Some(s) = shapes {
        // The hatch and dots of a country a provider left or only announced.
        h.raw(&crate::theme::shade_patterns(None));
        h.void("path", &[a("class", "sphere"), a("d", &s.sphere)])
            .open("g", &[]);
        for c in &s.countries {
            let class = shade(d, c.iso2.as_ref().and_then(|i| presence.get(i)));
            match &c.iso2 {
                Some(iso) => h.open("path", &[a("class", &class), a(ISO, iso), a("d", &c.d)]),
                None => h.open("path", &[a("class", &class), a("d", &c.d)]),
            };
            // The geometry names every country in English; the Chinese page names
            // the countries the dataset does, and leaves the others unnamed.
            let name = match (lang, &c.iso2) {
                (atlas_core::lang::Lang::En, _) => Some(c.name.as_str()),
                (_, Some(iso)) => cat.countries.get(iso).map(String::as_str),
                _ => None,
            };
            if let Some(name) = name {
                h.el("title", &[], name);
            }
            h.close("path");
        }
        h.close("g");
    }
    h.finish()
}

/// The map's legend: one marker per provider in view (its shape and colour; `providers`,
/// the selection's), the status looks, and one country shade per provider in view plus the
/// shade of shared countries. A provider not in view is not in the legend, so the legend
/// never names what the map cannot show.
/// `reference`: the reference layer is on, and its marks get an entry.
pub fn map_legend(cat: &Catalog, providers: &[String], reference: bool) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let shown = || d.providers.iter().filter(|p| providers.contains(&p.id));
    let mut h = Html::new();
    h.open(
        "ul",
        &[a("class", "legend"), a("aria-label", lang.t(T::MapLegend))],
    );
    for p in shown() {
        h.open("li", &[]);
        marker_svg(&mut h, &slot(d, &p.id), p.shape());
        h.text(&lang.fill(T::LegendRegion, &[cat.provider_name(&p.id)]))
            .close("li");
    }
    for (class, label) in [
        ("marker--listed", lang.t(T::LegendListed)),
        ("marker--announced", lang.t(T::LegendAnnounced)),
        ("marker--retired", lang.t(T::LegendRetired)),
        ("marker--live marker--contested", lang.t(T::LegendContested)),
    ] {
        h.open("li", &[]);
        marker_svg(&mut h, &format!("prov-market {class}"), Marker::Circle);
        h.text(label).close("li");
    }
    for p in shown() {
        h.open("li", &[])
            .el(
                "span",
                &[
                    a(
                        "class",
                        format!("swatch country--one {}", slot(d, &p.id)).as_str(),
                    ),
                    a("aria-hidden", "true"),
                ],
                "",
            )
            .text(&lang.fill(T::LegendOnly, &[cat.provider_short(&p.id)]))
            .close("li");
    }
    if providers.len() > 1 {
        let several = crate::words::shared(cat, providers.len(), false);
        h.open("li", &[])
            .el(
                "span",
                &[
                    a("class", "swatch country--several"),
                    a("aria-hidden", "true"),
                ],
                "",
            )
            .text(several)
            .close("li");
    }
    if reference {
        h.raw(&super::reference::legend_item(lang));
    }
    // A country no provider is in at the end of the period: left, or only announced.
    for (class, label) in [
        ("swatch country--left", lang.t(T::LegendLeft)),
        ("swatch country--announced", lang.t(T::LegendAnnouncedOnly)),
    ] {
        h.open("li", &[])
            .el("span", &[a("class", class), a("aria-hidden", "true")], "")
            .text(label)
            .close("li");
    }
    h.close("ul");
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The map kept stale shading after a provider chip was clicked: the app finds the
    /// paths to reshade by `data-iso`, and the layer did not write it.
    #[test]
    fn every_country_with_a_code_carries_data_iso_for_reshading() {
        let shapes = crate::markup::tests::shapes(&[Some("AU"), None]);
        let d = crate::markup::tests::fixture().0;
        assert!(layer(&d, None, &BTreeMap::new()).starts_with("<title>"));
        let html = layer(&d, Some(&shapes), &BTreeMap::new());
        assert_eq!(html.matches("data-iso=\"AU\"").count(), 1, "{html}");
        assert_eq!(html.matches("data-iso").count(), 1, "{html}");
    }
}
