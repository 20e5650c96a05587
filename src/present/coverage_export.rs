//! The coverage view's downloads: the table of every country as CSV, and the map
//! with its key as a self-contained SVG (the PNG is drawn from it). The same rules
//! as the other exports (`super::export`): provenance line first, machine column
//! names in every language, the light theme's colours written out.

use super::catalog::T;
use super::export::{footer_lines, header, picture_open, row, xml_escape, Cell, Provenance};
use super::markup::coverage::{as_of, country_name, key, tints, Tint};
use super::theme::{
    shade_patterns, tint_fill, BG, BORDER, COUNTRY, COUNTRY_SEVERAL, SURFACE, TEXT,
};
use atlas_core::coverage::{Coverage, Edge, Lead};
use atlas_core::filter::Catalog;
use atlas_core::geo::Shapes;
use atlas_core::reach::People;
use atlas_core::reference::Reference;

/// One row per gazetteer country: its people and, per provider, the nearest region's
/// id, the mean distance (km), the round-trip floor (ms) and the shares of people
/// within 1,000 and 2,500 km (0–1); then who is nearer and by how much (km). With the
/// reference layer measured, three more: the nearest hyperscaler region's id, its
/// mean distance (km), and against it who is nearer (`<provider>`, `tie`,
/// `reference`) and by how much (km).
pub fn coverage_csv(
    cat: &Catalog,
    people: &People,
    cov: &Coverage,
    reference: Option<&Reference>,
    p: &Provenance,
) -> String {
    let reference = reference.filter(|_| cov.versus.is_some());
    let mut out = header(cat, T::CsvCoverage, p);
    out.push_str(&row(&[Cell::Owned(format!("# {}", as_of(cat.lang, cov)))]));
    let mut names: Vec<String> = vec!["iso2".into(), "country".into(), "people".into()];
    for s in &cov.providers {
        for col in [
            "nearest_region",
            "mean_km",
            "floor_ms",
            "within_1000km",
            "within_2500km",
        ] {
            names.push(format!("{}_{col}", s.id));
        }
    }
    names.push("nearer".into());
    names.push("nearer_by_km".into());
    if reference.is_some() {
        for n in [
            "reference_nearest_region",
            "reference_mean_km",
            "against_reference",
            "against_reference_by_km",
        ] {
            names.push(n.into());
        }
    }
    out.push_str(&row(&names
        .iter()
        .map(|n| Cell::Text(n))
        .collect::<Vec<_>>()));
    let round = |v: f64, places: i32| {
        let m = 10f64.powi(places);
        Cell::Num(Some((v * m).round() / m))
    };
    for r in &cov.rows {
        let mut cells = vec![
            Cell::Text(&r.iso2),
            Cell::Owned(country_name(cat, people, &r.iso2)),
            Cell::Num(Some(r.people)),
        ];
        for p in &r.by {
            match p {
                Some(p) => cells.extend([
                    Cell::Text(&cat.data.regions[p.nearest].id),
                    round(p.reach.mean_km, 0),
                    round(p.floor_ms(), 1),
                    round(p.reach.within_1000, 4),
                    round(p.reach.within_2500, 4),
                ]),
                None => cells.extend((0..5).map(|_| Cell::Num(None))),
            }
        }
        let (who, by) = match r.lead() {
            Lead::Nobody => (String::new(), None),
            Lead::Only(k) => (cov.providers[k].id.clone(), None),
            Lead::Tie(_) => ("tie".into(), None),
            Lead::Nearer(k, km) => (cov.providers[k].id.clone(), Some(km.round())),
        };
        cells.push(Cell::Owned(who));
        cells.push(Cell::Num(by));
        if let Some(x) = reference {
            match &r.reference {
                Some(n) => {
                    cells.push(Cell::Text(&x.regions[n.nearest].id));
                    cells.push(round(n.mean_km, 0));
                }
                None => cells.extend([Cell::Num(None), Cell::Num(None)]),
            }
            let (who, by) = match r.edge() {
                Edge::Home => ("home".into(), None),
                Edge::Nobody => (String::new(), None),
                Edge::NoProvider => ("reference".into(), None),
                Edge::Only(k) => (cov.providers[k].id.clone(), None),
                Edge::Ahead(k, km) => (cov.providers[k].id.clone(), Some(km.round())),
                Edge::Tie(_) => ("tie".into(), None),
                Edge::Behind(km) => ("reference".into(), Some(km.round())),
            };
            cells.push(Cell::Owned(who));
            cells.push(Cell::Num(by));
        }
        out.push_str(&row(&cells));
    }
    out
}

/// The coverage map as a self-contained SVG: the countries in their tints, the key
/// under the map, and the footer (title, source line, permalink).
pub fn coverage_svg(
    cat: &Catalog,
    cov: &Coverage,
    shapes: &Shapes,
    shade: Option<&str>,
    footer: &[String],
) -> String {
    let d = &cat.data;
    let shading = cov.shading(shade);
    let ids: Vec<String> = cov.providers.iter().map(|s| s.id.clone()).collect();
    let (w, h) = (shapes.width, shapes.height);
    let line_h = w / 55.0;
    let entries = key(cat, cov, shading);
    let per_line = 3;
    let key_lines = entries.len().div_ceil(per_line);
    let key_h = line_h * (key_lines as f64 + 0.5);
    let foot = line_h * (footer.len() as f64 + 1.0);
    let mut s = String::new();
    picture_open(&mut s, (0.0, 0.0, w, h + key_h + foot));
    if entries.iter().any(|(t, _)| *t == Tint::Home) {
        s.push_str(&shade_patterns(Some((COUNTRY, COUNTRY_SEVERAL))));
    }
    s.push_str(&format!(
        "<path d=\"{}\" fill=\"{SURFACE}\" stroke=\"{BORDER}\" stroke-width=\"0.5\"/>",
        xml_escape(&shapes.sphere)
    ));
    for (c, tint) in shapes.countries.iter().zip(tints(cov, shapes, shading)) {
        s.push_str(&format!(
            "<path d=\"{}\" fill=\"{}\" stroke=\"{BG}\" stroke-width=\"0.3\"/>",
            xml_escape(&c.d),
            tint_fill(d, tint, &ids)
        ));
    }
    let col_w = w / per_line as f64;
    for (k, (tint, text)) in entries.iter().enumerate() {
        let x = line_h * 0.5 + col_w * (k % per_line) as f64;
        let y = h + line_h * (k / per_line) as f64 + line_h * 0.3;
        let fill = tint_fill(d, *tint, &ids);
        let stroke = if matches!(tint, Tint::NoData | Tint::Home) {
            BORDER
        } else {
            fill.as_str()
        };
        s.push_str(&format!(
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\" stroke=\"{stroke}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"{TEXT}\">{}</text>",
            line_h * 1.2,
            line_h * 0.7,
            x + line_h * 1.5,
            y + line_h * 0.65,
            line_h * 0.62,
            xml_escape(text)
        ));
    }
    footer_lines(&mut s, footer, line_h * 0.5, h + key_h, line_h);
    s.push_str("</svg>");
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_core::filter::select;
    use std::collections::BTreeMap;

    /// The small fixture with two countries: AA at its first region, BB far south.
    fn two_countries() -> (Catalog, People, Coverage) {
        let (cat, _) = super::super::markup::tests::fixture();
        let r0 = &cat.data.regions[0];
        let mut countries = BTreeMap::new();
        countries.insert("AA".to_string(), vec![(r0.lat, r0.lon, 10.0)]);
        countries.insert("BB".to_string(), vec![(-80.0, 0.0, 5.0)]);
        let people = People {
            countries,
            names: BTreeMap::new(),
        };
        let cov = Coverage::build(
            &cat,
            &select(&cat, &Default::default()),
            &people,
            Some(2030),
        );
        (cat, people, cov)
    }

    #[test]
    fn the_csv_has_a_row_per_country_and_machine_column_names() {
        let (cat, people, cov) = two_countries();
        let p = Provenance {
            permalink: "https://example.org/?view=coverage".into(),
            version: "v1".into(),
            license: "CC BY 4.0".into(),
            title: "Coverage".into(),
            accessed: "2026-11-28".into(),
        };
        let csv = coverage_csv(&cat, &people, &cov, None, &p);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].contains("view=coverage"), "{}", lines[0]);
        assert!(
            lines[1].starts_with("# Cite as: Cloud Atlas ("),
            "{}",
            lines[1]
        );
        assert_eq!(lines[2], "# regions live at the end of 2030");
        let p0 = &cat.data.providers[0].id;
        assert!(lines[3].starts_with(&format!(
            "iso2,country,people,{p0}_nearest_region,{p0}_mean_km,"
        )));
        assert!(lines[3].ends_with(",nearer,nearer_by_km"));
        assert_eq!(lines.len(), 4 + 2 + 1, "{csv}");
        assert!(lines[4].starts_with("AA,AA,10,"), "{}", lines[4]);
    }

    /// In dark mode, "a hyperscaler is nearer" and the home market looked like the sea
    /// and like each other; the home market is now hatched, in the export too.
    #[test]
    fn the_home_market_is_hatched_in_the_exported_picture_and_stays_self_contained() {
        let (cat, people, mut cov) = two_countries();
        let text = include_str!("../../public/data/reference.json");
        let reference = atlas_core::reference::parse_reference(text)
            .unwrap()
            .reference;
        cov.against(&reference, &people, &["AA".to_string()].into());
        let shapes = super::super::markup::tests::shapes(&[Some("AA"), Some("BB")]);
        let svg = coverage_svg(&cat, &cov, &shapes, Some("ref"), &[]);
        let hatch = format!("fill=\"url(#{})\"", crate::theme::LEFT_PATTERN);
        // The country and its key swatch.
        assert_eq!(svg.matches(&hatch).count(), 2, "{svg}");
        assert_eq!(svg.matches("<pattern id=").count(), 2, "{svg}");
        assert!(!svg.contains("href=") && !svg.contains("class="), "{svg}");
        assert!(
            svg.matches("url(").count() == svg.matches("url(#").count(),
            "only the picture's own patterns: {svg}"
        );
        let plain = coverage_svg(&cat, &cov, &shapes, None, &[]);
        assert!(!plain.contains("<pattern"), "{plain}");
    }
}
