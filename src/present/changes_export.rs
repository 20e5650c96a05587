//! The changes view's downloads: every change as a CSV row, and the small maps as one
//! self-contained SVG (the PNG is drawn from it). Same rules as `super::export`.

use super::catalog::T;
use super::export::{footer_lines, header, picture_open, row, xml_escape, Cell, Provenance};
use super::markup::changes::{map_name, range_line};
use super::theme::{fill, BG, BORDER, CLOSURE, COUNTRY, SURFACE, TEXT};
use atlas_core::changes::{Change, Changes, What};
use atlas_core::filter::{Catalog, Record};
use atlas_core::geo::{Shapes, WORLD};

/// One row per change: `date`, `provider`, `change` (`region_opened`, `region_retired` or
/// the event kind), `record` (its id), `title`, `iso2`, `amount_usd`, and `in_range`
/// (`yes`, or `year_only` for a record too coarsely dated to place).
pub fn changes_csv(cat: &Catalog, ch: &Changes, p: &Provenance) -> String {
    let d = &cat.data;
    let mut out = header(cat, T::CsvChanges, p);
    out.push_str(&row(&[Cell::Owned(format!("# {}", range_line(cat, ch)))]));
    out.push_str(&row(&[
        "date",
        "provider",
        "change",
        "record",
        "title",
        "iso2",
        "amount_usd",
        "in_range",
    ]
    .map(Cell::Text)));
    let rows = |c: &Change, in_range: &'static str| {
        let (id, provider, title, iso2, usd) = match c.record {
            Record::Region(i) => {
                let r = &d.regions[i];
                (&r.id, &r.provider, &r.name, Some(&r.iso2), None)
            }
            Record::Event(i) => {
                let e = &d.events[i];
                (&e.id, &e.provider, &e.title, e.iso2.as_ref(), e.amount_usd)
            }
        };
        let what = match c.what {
            What::Opened => "region_opened",
            What::Retired => "region_retired",
            What::Event(k) => k.id(),
        };
        row(&[
            Cell::Owned(c.date.to_string()),
            Cell::Text(provider),
            Cell::Text(what),
            Cell::Text(id),
            Cell::Text(title),
            Cell::Text(iso2.map_or("", |s| s.as_str())),
            Cell::Num(usd),
            Cell::Text(in_range),
        ])
    };
    for c in &ch.items {
        out.push_str(&rows(c, "yes"));
    }
    for c in &ch.coarse {
        out.push_str(&rows(c, "year_only"));
    }
    out
}

/// The small maps, one above the other, each under its caption, then the footer.
pub fn changes_svg(cat: &Catalog, ch: &Changes, shapes: &Shapes, footer: &[String]) -> String {
    let d = &cat.data;
    let (w, h) = (shapes.width, shapes.height);
    let line_h = w / 55.0;
    let panel_h = h + line_h * 1.5;
    let n = ch.tallies.len() as f64;
    let foot = line_h * (footer.len() as f64 + 1.0);
    let mut s = String::new();
    picture_open(&mut s, (0.0, 0.0, w, panel_h * n + foot));
    for (k, t) in ch.tallies.iter().enumerate() {
        let top = panel_h * k as f64;
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"{TEXT}\">{}</text>\
             <g transform=\"translate(0 {:.1})\"><path d=\"{}\" fill=\"{SURFACE}\" stroke=\"{BORDER}\" stroke-width=\"0.5\"/>",
            line_h * 0.5,
            top + line_h,
            line_h * 0.75,
            xml_escape(&map_name(cat, ch, k)),
            top + line_h * 1.5,
            xml_escape(&shapes.sphere)
        ));
        for c in &shapes.countries {
            s.push_str(&format!(
                "<path d=\"{}\" fill=\"{COUNTRY}\" stroke=\"{BG}\" stroke-width=\"0.3\"/>",
                xml_escape(&c.d)
            ));
        }
        let colour = fill(d, &t.provider);
        for c in &ch.items {
            let Record::Region(i) = c.record else {
                continue;
            };
            let r = &d.regions[i];
            if r.provider != t.provider {
                continue;
            }
            let (x, y) = WORLD.project(r.lon, r.lat);
            if c.what == What::Opened {
                s.push_str(&format!(
                    "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"7\" fill=\"{colour}\" stroke=\"{BG}\" stroke-width=\"1.5\"/>"
                ));
            } else {
                s.push_str(&format!(
                    "<path d=\"M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}\" stroke=\"{CLOSURE}\" stroke-width=\"2.5\"/>",
                    x - 6.0, y - 6.0, x + 6.0, y + 6.0, x - 6.0, y + 6.0, x + 6.0, y - 6.0
                ));
            }
        }
        s.push_str("</g>");
    }
    footer_lines(&mut s, footer, line_h * 0.5, panel_h * n, line_h);
    s.push_str("</svg>");
    s
}
