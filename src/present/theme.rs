//! Provider colours and shapes on the page, from the dataset alone.
//!
//! The strict Content-Security-Policy allows no inline style, so the colours
//! reach the stylesheet as custom properties set through the CSSOM on the root
//! element ([`custom_properties`]): `--prov-N-light` and `--prov-N-dark` for the
//! provider in position N. Every element drawn for a provider carries the class
//! [`slot`] (`prov-N`), and `style/main.css` maps each slot to `--c`, the one
//! colour all provider rules use. The stylesheet has [`MAX_PROVIDERS`] slots,
//! which the loader enforces. Exported pictures cannot use the stylesheet, so
//! they write the light colours out ([`fill`], [`country_fill`]).

use atlas_core::aggregate::{Presence, Shade};
use atlas_core::colour::Rgb;
use atlas_core::load::MAX_PROVIDERS;
use atlas_core::model::{Dataset, Marker, MARKET};
use std::fmt::Write;

/// The neutral colours of the light theme that exported pictures write out; the
/// stylesheet declares the same (a test holds them together).
pub const COUNTRY: &str = "#d9dee4";
pub const COUNTRY_SEVERAL: &str = "#98a4b0";
pub const BG: &str = "#ffffff";
pub const SURFACE: &str = "#f4f6f9";
pub const BORDER: &str = "#c9d1da";
pub const TEXT: &str = "#1b1f24";
pub const MUTED: &str = "#4f5b67";
pub const CLOSURE: &str = "#c62828";
/// How much of the provider colour a country's shade takes (the rest is [`COUNTRY`]).
pub const TINT: f64 = 0.5;

/// The class that colours an element for a provider: `prov-N` by dataset order,
/// `prov-market` for industry-wide figures, `prov-none` for an id the dataset lacks.
pub fn slot(d: &Dataset, provider: &str) -> String {
    match d.providers.iter().position(|p| p.id == provider) {
        Some(i) if i < MAX_PROVIDERS => format!("prov-{i}"),
        _ if provider == MARKET => "prov-market".into(),
        _ => "prov-none".into(),
    }
}

/// The custom properties the app sets on the root element once the dataset loads.
pub fn custom_properties(d: &Dataset) -> Vec<(String, String)> {
    d.providers
        .iter()
        .take(MAX_PROVIDERS)
        .enumerate()
        .flat_map(|(i, p)| {
            [
                (format!("--prov-{i}-light"), p.color.clone()),
                (format!("--prov-{i}-dark"), p.dark().to_string()),
            ]
        })
        .collect()
}

/// How much of the provider colour the coverage map's classes take (the rest is
/// [`COUNTRY`]): `lead-1`…`lead-3` (nearer by more), `dist-1`…`dist-5` (farther).
/// The stylesheet mixes the same.
pub const LEAD_TINTS: [f64; 3] = [0.3, 0.6, 0.9];
pub const DIST_TINTS: [f64; 5] = [0.9, 0.68, 0.46, 0.26, 0.1];
/// How much of [`COUNTRY_SEVERAL`] a country where a hyperscaler is nearer takes (the
/// rest is [`COUNTRY`]): a grey between a tie's plain land and "no region"'s darker one,
/// which stands off the sea in both themes. The home market, left out of that
/// comparison, is hatched ([`LEFT_PATTERN`]) so that no tone of grey has to tell it apart.
pub const BEHIND_TINT: f64 = 0.5;

/// The light-theme fill of a coverage-map class for exported pictures.
pub fn tint_fill(d: &Dataset, tint: crate::markup::coverage::Tint, providers: &[String]) -> String {
    use crate::markup::coverage::Tint;
    let base = Rgb::parse(COUNTRY).unwrap_or(Rgb(217, 222, 228));
    let mixed = |k: usize, t: f64| {
        providers
            .get(k)
            .and_then(|p| Rgb::parse(&fill(d, p)))
            .map_or(base, |c| c.mix(base, t))
            .hex()
    };
    match tint {
        Tint::NoData => SURFACE.into(),
        Tint::NoRegion => COUNTRY_SEVERAL.into(),
        Tint::Tie => COUNTRY.into(),
        Tint::Lead(k, c) => mixed(k, LEAD_TINTS[(c.max(1) - 1).min(2)]),
        Tint::Distance(k, c) => mixed(k, DIST_TINTS[(c.max(1) - 1).min(4)]),
        // The stylesheet mixes the same (`.country--behind`, `.country--home`).
        Tint::Home => format!("url(#{LEFT_PATTERN})"),
        Tint::Behind => Rgb::parse(COUNTRY_SEVERAL)
            .unwrap_or(base)
            .mix(base, BEHIND_TINT)
            .hex(),
    }
}

/// A provider's light-theme colour written out, grey for the market.
pub fn fill(d: &Dataset, provider: &str) -> String {
    d.provider(provider)
        .map_or_else(|| MUTED.to_string(), |p| p.color.clone())
}

/// The patterns of a country no provider is in at the end of the period: one has left
/// it (hatched), or one has only announced a region there (dotted). Readable without
/// colour, in both themes; every picture that shades countries defines them
/// ([`shade_patterns`]).
pub const LEFT_PATTERN: &str = "shade-left";
pub const ANNOUNCED_PATTERN: &str = "shade-announced";

/// The two patterns as SVG `<defs>`. On the page (`colours` `None`) their colours come
/// from the stylesheet (`.pattern__bg`, `.pattern__ink`), so they follow the theme; an
/// exported picture writes the light theme's out.
pub fn shade_patterns(colours: Option<(&str, &str)>) -> String {
    let (bg, ink, dot) = match colours {
        Some((bg, ink)) => (
            format!("fill=\"{bg}\""),
            format!("stroke=\"{ink}\""),
            format!("fill=\"{ink}\""),
        ),
        None => (
            "class=\"pattern__bg\"".to_string(),
            "class=\"pattern__ink\"".to_string(),
            "class=\"pattern__dot\"".to_string(),
        ),
    };
    format!(
        "<defs><pattern id=\"{LEFT_PATTERN}\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\" \
         patternTransform=\"rotate(45)\"><rect {bg} width=\"4\" height=\"4\"/>\
         <path {ink} d=\"M1 0V4\" stroke-width=\"1.5\"/></pattern>\
         <pattern id=\"{ANNOUNCED_PATTERN}\" patternUnits=\"userSpaceOnUse\" width=\"4\" height=\"4\">\
         <rect {bg} width=\"4\" height=\"4\"/>\
         <circle {dot} cx=\"2\" cy=\"2\" r=\"0.9\"/></pattern></defs>"
    )
}

/// The class of a country shaded by where the providers are
/// ([`atlas_core::aggregate::presence`]).
pub fn shade(d: &Dataset, who: Option<&Presence>) -> String {
    match who.map_or(Shade::None, Presence::shade) {
        Shade::Live(w) if w.len() == 1 => {
            let p = w.iter().next().map_or("", String::as_str);
            format!("country country--one {}", slot(d, p))
        }
        Shade::Live(_) => "country country--several".into(),
        Shade::Left => "country country--left".into(),
        Shade::Announced => "country country--announced".into(),
        Shade::None => "country".into(),
    }
}

/// The light-theme fill of a country for exported pictures, matching [`shade`].
/// The two patterns are the picture's own ([`shade_patterns`]).
pub fn country_fill(d: &Dataset, who: Option<&Presence>) -> String {
    let base = Rgb::parse(COUNTRY).unwrap_or(Rgb(217, 222, 228));
    match who.map_or(Shade::None, Presence::shade) {
        Shade::Live(w) if w.len() == 1 => w
            .iter()
            .next()
            .and_then(|p| Rgb::parse(&fill(d, p)))
            .map_or(base, |c| c.mix(base, TINT))
            .hex(),
        Shade::Live(_) => COUNTRY_SEVERAL.into(),
        Shade::Left => format!("url(#{LEFT_PATTERN})"),
        Shade::Announced => format!("url(#{ANNOUNCED_PATTERN})"),
        Shade::None => COUNTRY.into(),
    }
}

/// SVG path data of a marker shape centred on (x, y) with "radius" r, the shapes
/// drawn to roughly equal area so no provider looks bigger than another.
pub fn marker_path(m: Marker, x: f64, y: f64, r: f64) -> String {
    let polygon = |n: usize, radius: f64, turn: f64, inner: Option<f64>| {
        let steps = if inner.is_some() { n * 2 } else { n };
        let mut d = String::new();
        for k in 0..steps {
            let rr = match inner {
                Some(ir) if k % 2 == 1 => ir,
                _ => radius,
            };
            let a = turn + k as f64 * std::f64::consts::TAU / steps as f64;
            let _ = write!(
                d,
                "{}{:.2},{:.2}",
                if k == 0 { "M" } else { "L" },
                x + rr * a.sin(),
                y - rr * a.cos()
            );
        }
        d.push('Z');
        d
    };
    match m {
        Marker::Circle => format!(
            "M{:.2},{y:.2}a{r:.2},{r:.2} 0 1,0 {:.2},0a{r:.2},{r:.2} 0 1,0 {:.2},0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
        Marker::Diamond => polygon(4, r * 1.25, 0.0, None),
        Marker::Triangle => {
            let t = r * 1.45;
            format!(
                "M{x:.2},{:.2}L{:.2},{:.2}L{:.2},{:.2}Z",
                y - t,
                x + t * 0.866,
                y + t * 0.6,
                x - t * 0.866,
                y + t * 0.6
            )
        }
        Marker::Square => polygon(4, r * 1.25, std::f64::consts::FRAC_PI_4, None),
        Marker::Hexagon => polygon(6, r * 1.1, 0.0, None),
        Marker::Pentagon => polygon(5, r * 1.15, 0.0, None),
        Marker::Star => polygon(5, r * 1.45, 0.0, Some(r * 0.65)),
        Marker::Cross => {
            let (a, b) = (r * 0.42, r * 1.2);
            format!(
                "M{:.2},{:.2}h{:.2}v{:.2}h{:.2}v{:.2}h{:.2}v{:.2}h{:.2}v{:.2}h{:.2}v{:.2}Z",
                x - a,
                y - b,
                2.0 * a,
                b - a,
                b - a,
                2.0 * a,
                a - b,
                b - a,
                -2.0 * a,
                a - b,
                a - b,
                -2.0 * a
            )
        }
    }
}

/// The inside of a marker's 16×16 `<svg viewBox="-8 -8 16 16">`: the shape, and the
/// stroke that crosses a retired region out (hidden unless the marker is retired).
pub fn marker_icon(m: Marker) -> String {
    format!(
        "<path class=\"shape\" d=\"{}\"/><path class=\"strike\" d=\"M-6,6L6,-6\"/>",
        marker_path(m, 0.0, 0.0, 5.5)
    )
}

/// The market's chip mark: a bar, the shape of its timeline marks.
pub fn market_icon() -> String {
    "<path class=\"shape\" d=\"M-6.5,-2.5h13v5h-13Z\"/>".into()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn fixture() -> Dataset {
        crate::markup::tests::fixture().0.data
    }

    #[test]
    fn slots_follow_dataset_order() {
        let d = fixture();
        assert_eq!(slot(&d, &d.providers[1].id), "prov-1");
        assert_eq!(slot(&d, MARKET), "prov-market");
        assert_eq!(slot(&d, "nobody"), "prov-none");
        let props = custom_properties(&d);
        assert_eq!(props.len(), 2 * d.providers.len());
        assert_eq!(
            props[0],
            ("--prov-0-light".into(), d.providers[0].color.clone())
        );
    }

    #[test]
    fn shading_by_how_many_providers_are_there_and_whether_one_left() {
        let d = fixture();
        let set = |v: &[&str]| {
            v.iter()
                .map(|s| s.to_string())
                .collect::<std::collections::BTreeSet<_>>()
        };
        let (p0, p1) = (d.providers[0].id.as_str(), d.providers[1].id.as_str());
        let live = |v: &[&str]| Presence {
            live: set(v),
            ..Presence::default()
        };
        assert_eq!(
            shade(&d, Some(&live(&[p0, p1]))),
            "country country--several"
        );
        assert_eq!(shade(&d, Some(&live(&[p1]))), "country country--one prov-1");
        assert_eq!(shade(&d, None), "country");
        assert_eq!(country_fill(&d, Some(&live(&[p0, p1]))), COUNTRY_SEVERAL);
        assert_eq!(country_fill(&d, None), COUNTRY);
        // Live wins over a provider that left; a left country is hatched, one with only
        // an announced region dotted, on the page and in a picture alike.
        let left = Presence {
            left: set(&[p0]),
            ..Presence::default()
        };
        let both = Presence {
            live: set(&[p1]),
            ..left.clone()
        };
        assert_eq!(shade(&d, Some(&both)), "country country--one prov-1");
        assert_eq!(shade(&d, Some(&left)), "country country--left");
        assert_eq!(country_fill(&d, Some(&left)), "url(#shade-left)");
        let announced = Presence {
            announced: set(&[p1]),
            ..Presence::default()
        };
        assert_eq!(shade(&d, Some(&announced)), "country country--announced");
        assert_eq!(country_fill(&d, Some(&announced)), "url(#shade-announced)");
        let defs = shade_patterns(Some((COUNTRY, COUNTRY_SEVERAL)));
        assert!(defs.contains("id=\"shade-left\"") && defs.contains("id=\"shade-announced\""));
        assert!(!shade_patterns(None).contains('#'));
        assert!(!defs.contains("class="), "a picture has no stylesheet");
    }

    /// Exported pictures write the light theme's colours out; they must be the page's.
    #[test]
    fn written_out_colours_are_the_stylesheets() {
        let css = include_str!("../../style/main.css");
        let light = css
            .split("@media (prefers-color-scheme: dark)")
            .next()
            .unwrap();
        for (name, value) in [
            ("--country", COUNTRY),
            ("--country-several", COUNTRY_SEVERAL),
            ("--bg", BG),
            ("--surface", SURFACE),
            ("--border", BORDER),
            ("--text", TEXT),
            ("--muted", MUTED),
            ("--closure", CLOSURE),
        ] {
            assert!(
                light.contains(&format!("{name}: {value};")),
                "{name}: {value}"
            );
        }
        assert!(css.contains(&format!("var(--c) {}%, var(--country)", TINT * 100.0)));
        assert!(css.contains(&format!(
            ".country--behind {{ fill: color-mix(in srgb, var(--country-several) {}%, var(--country)); }}",
            BEHIND_TINT * 100.0
        )));
        assert!(css.contains(&format!(".country--home {{ fill: url(#{LEFT_PATTERN}); }}")));
        for i in 0..MAX_PROVIDERS {
            assert!(
                css.contains(&format!(".prov-{i} {{ --c: var(--prov-{i}-light); }}")),
                "slot {i}"
            );
            assert!(
                css.contains(&format!(".prov-{i} {{ --c: var(--prov-{i}-dark); }}")),
                "dark slot {i}"
            );
        }
    }

    #[test]
    fn every_shape_is_a_closed_path() {
        for m in Marker::ALL {
            let d = marker_path(m, 10.0, 10.0, 5.0);
            assert!(d.starts_with('M') && d.ends_with('Z'), "{m:?}: {d}");
            assert!(!d.contains("NaN"));
        }
    }
}
