//! The map's country layer as markup: the sphere outline and one path per
//! country. It is decoration (the markers carry the content), so the whole
//! layer is one `innerHTML` instead of a few hundred reactive nodes. It is
//! written once per set of shapes; shading changes only rewrite the `class`
//! of the paths whose shade changed (`data-iso` finds them), because parsing
//! 80 KB of path data again on every filter change cost more than it saved.

use super::{a, Html};
use crate::core::filter::{Catalog, Selection};
use crate::core::geo::{Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
use crate::core::model::Region;
use std::collections::{BTreeMap, BTreeSet};

/// The selected regions whose marker falls inside the map's frame at `zoom`, in
/// selection order: the markers the map draws.
pub fn markers_in_frame(cat: &Catalog, sel: &Selection, zoom: Zoom) -> Vec<(usize, (f64, f64))> {
    let frame = zoom.frame(&WORLD, MAP_WIDTH, MAP_HEIGHT);
    let d = &cat.data;
    sel.regions
        .iter()
        .map(|&i| (i, WORLD.project(d.regions[i].lon, d.regions[i].lat)))
        .filter(|(_, p)| frame.contains(*p))
        .collect()
}

/// A marker's classes: provider (colour and shape) and status (hollow, struck through).
pub fn marker_class(r: &Region) -> String {
    format!("marker marker--{} marker--{}", r.provider, r.status.id())
}

/// A marker's accessible name and tooltip: "Tencent Cloud — Middle East (Riyadh), live, 2 zones, opened 2025".
pub fn marker_name(provider: &str, r: &Region) -> String {
    let mut name = format!("{provider} — {}, {}", r.name, r.status.id());
    if let Some(z) = r.zones {
        name.push_str(&format!(", {z} zone{}", if z == 1 { "" } else { "s" }));
    }
    if let Some(o) = r.opened {
        name.push_str(&format!(", opened {}", o.human()));
    }
    name
}

/// The CSS class of a country shaded by which providers have a region there.
pub fn shade(who: Option<&BTreeSet<String>>) -> &'static str {
    match who.map(|w| (w.contains("alibaba"), w.contains("tencent"))) {
        Some((true, true)) => "country country--both",
        Some((true, false)) => "country country--alibaba",
        Some((false, true)) => "country country--tencent",
        _ => "country",
    }
}

/// Title, description, sphere and countries (each with its `data-iso`), for the inside of
/// the map's `<svg>`, shaded as `presence` says.
pub fn layer(shapes: Option<&Shapes>, presence: &BTreeMap<String, BTreeSet<String>>) -> String {
    let mut h = Html::new();
    h.el("title", &[], "World map of cloud regions").el(
        "desc",
        &[],
        "Countries shaded by which providers have a region there; the region markers are buttons laid over the map.",
    );
    if let Some(s) = shapes {
        h.void("path", &[a("class", "sphere"), a("d", &s.sphere)])
            .open("g", &[]);
        for c in &s.countries {
            let class = shade(c.iso2.as_ref().and_then(|i| presence.get(i)));
            match &c.iso2 {
                Some(iso) => h.open(
                    "path",
                    &[a("class", class), a("data-iso", iso), a("d", &c.d)],
                ),
                None => h.open("path", &[a("class", class), a("d", &c.d)]),
            };
            h.el("title", &[], &c.name).close("path");
        }
        h.close("g");
    }
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn shading_by_provider() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(
            shade(Some(&set(&["alibaba", "tencent"]))),
            "country country--both"
        );
        assert_eq!(shade(Some(&set(&["tencent"]))), "country country--tencent");
        assert_eq!(shade(None), "country");
        assert!(layer(None, &BTreeMap::new()).starts_with("<title>"));
    }

    /// The map kept stale shading after a provider chip was clicked: the app finds the
    /// paths to reshade by `data-iso`, and the layer did not write it.
    #[test]
    fn every_country_with_a_code_carries_data_iso_for_reshading() {
        let shape = |iso: Option<&str>| crate::core::geo::Shape {
            iso2: iso.map(String::from),
            name: "X".into(),
            d: "M0 0Z".into(),
        };
        let shapes = Shapes {
            width: 1.0,
            height: 1.0,
            scale: 1.0,
            translate: (0.0, 0.0),
            sphere: "M0 0Z".into(),
            countries: vec![shape(Some("AU")), shape(None)],
        };
        let html = layer(Some(&shapes), &BTreeMap::new());
        assert_eq!(html.matches("data-iso=\"AU\"").count(), 1, "{html}");
        assert_eq!(html.matches("data-iso").count(), 1, "{html}");
    }
}
