//! The map's country layer as markup: the sphere outline and one path per
//! country. It is decoration (the markers carry the content), so the whole
//! layer is one `innerHTML` instead of a few hundred reactive nodes. It is
//! written once per set of shapes; shading changes only rewrite the `class`
//! of the paths whose shade changed (`data-iso` finds them), because parsing
//! 80 KB of path data again on every filter change cost more than it saved.

use super::{a, Html};
use crate::core::geo::Shapes;
use std::collections::{BTreeMap, BTreeSet};

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
            h.open("path", &[a("class", class), a("d", &c.d)])
                .el("title", &[], &c.name)
                .close("path");
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
}
