//! Downloads of the filtered records: CSV (RFC 4180) and JSON, each carrying
//! the permalink of the view, the dataset version and the licence.
//!
//! CSV decisions: UTF-8 with a byte-order mark (so spreadsheets read
//! "Querétaro" right), CRLF line ends, every text cell quoted when it holds a
//! comma, quote, CR or LF. The first record is a one-cell provenance line that
//! starts with `#` (pandas: `comment="#"`; in a spreadsheet it is row 1). Text
//! cells that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`,
//! tab or CR) get a leading apostrophe; numbers are written as numbers.
//! A hand-written writer rather than the `csv` crate: these few rules cost a
//! few hundred bytes of wasm, where the crate brings its own serde layer.

use crate::core::filter::{Catalog, Selection};
use serde::Serialize;

/// What each download says about where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    pub permalink: String,
    pub version: String,
    pub license: String,
}

enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Num(Option<f64>),
}

fn text_cell(s: &str) -> String {
    let guarded = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    };
    if guarded.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn num_cell(v: Option<f64>) -> String {
    match v {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
        None => String::new(),
    }
}

fn row(cells: &[Cell]) -> String {
    let mut line = cells
        .iter()
        .map(|c| match c {
            Cell::Text(s) => text_cell(s),
            Cell::Owned(s) => text_cell(s),
            Cell::Num(v) => num_cell(*v),
        })
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

fn header(what: &str, p: &Provenance) -> String {
    let line = format!(
        "# Cloud Atlas {what} · dataset {} · licence: {} · view: {}",
        p.version, p.license, p.permalink
    );
    format!("\u{FEFF}{}", row(&[Cell::Owned(line)]))
}

fn sources(cat: &Catalog, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| cat.data.source(id))
        .map(|s| s.url.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn regions_csv(cat: &Catalog, sel: &Selection, p: &Provenance) -> String {
    let mut out = header("regions", p);
    out.push_str(&row(&[
        "id",
        "provider",
        "code",
        "name",
        "city",
        "country",
        "iso2",
        "area",
        "lat",
        "lon",
        "opened",
        "retired",
        "zones",
        "status",
        "confidence",
        "sources",
        "note",
    ]
    .map(Cell::Text)));
    for &i in &sel.regions {
        let r = &cat.data.regions[i];
        out.push_str(&row(&[
            Cell::Text(&r.id),
            Cell::Text(&r.provider),
            Cell::Text(r.code.as_deref().unwrap_or("")),
            Cell::Text(&r.name),
            Cell::Text(r.city.as_deref().unwrap_or("")),
            Cell::Text(&r.country),
            Cell::Text(&r.iso2),
            Cell::Text(&r.area),
            Cell::Num(Some(r.lat)),
            Cell::Num(Some(r.lon)),
            Cell::Owned(r.opened.map(|d| d.to_string()).unwrap_or_default()),
            Cell::Owned(r.retired.map(|d| d.to_string()).unwrap_or_default()),
            Cell::Num(r.zones.map(f64::from)),
            Cell::Text(r.status.id()),
            Cell::Text(r.confidence.id()),
            Cell::Owned(sources(cat, &r.sources)),
            Cell::Text(r.note.as_deref().unwrap_or("")),
        ]));
    }
    out
}

pub fn events_csv(cat: &Catalog, sel: &Selection, p: &Provenance) -> String {
    let mut out = header("events", p);
    out.push_str(&row(&[
        "id",
        "provider",
        "date",
        "kind",
        "country",
        "iso2",
        "city",
        "region",
        "title",
        "amount_usd",
        "amount_local",
        "currency",
        "footprint_regions",
        "footprint_zones",
        "sectors",
        "people",
        "confidence",
        "sources",
        "note",
    ]
    .map(Cell::Text)));
    for &i in &sel.events {
        let e = &cat.data.events[i];
        let fp = e.footprint.as_ref();
        out.push_str(&row(&[
            Cell::Text(&e.id),
            Cell::Text(&e.provider),
            Cell::Owned(e.date.to_string()),
            Cell::Text(e.kind.id()),
            Cell::Text(e.country.as_deref().unwrap_or("")),
            Cell::Text(e.iso2.as_deref().unwrap_or("")),
            Cell::Text(e.city.as_deref().unwrap_or("")),
            Cell::Text(e.region.as_deref().unwrap_or("")),
            Cell::Text(&e.title),
            Cell::Num(e.amount_usd),
            Cell::Num(e.amount_local),
            Cell::Text(e.currency.as_deref().unwrap_or("")),
            Cell::Num(fp.and_then(|f| f.regions).map(f64::from)),
            Cell::Num(fp.and_then(|f| f.zones).map(f64::from)),
            Cell::Owned(e.sectors.join("; ")),
            Cell::Owned(e.people.join("; ")),
            Cell::Text(e.confidence.id()),
            Cell::Owned(sources(cat, &e.sources)),
            Cell::Text(e.note.as_deref().unwrap_or("")),
        ]));
    }
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    permalink: &'a str,
    dataset_version: &'a str,
    license: &'a str,
    sources: Vec<&'a crate::core::model::Source>,
    regions: Vec<&'a crate::core::model::Region>,
    events: Vec<&'a crate::core::model::Event>,
}

/// The filtered records in the dataset's own schema, with only the sources they cite.
pub fn json(cat: &Catalog, sel: &Selection, p: &Provenance) -> String {
    let d = &cat.data;
    let regions: Vec<_> = sel.regions.iter().map(|&i| &d.regions[i]).collect();
    let events: Vec<_> = sel.events.iter().map(|&i| &d.events[i]).collect();
    let cited: std::collections::BTreeSet<&str> = regions
        .iter()
        .flat_map(|r| &r.sources)
        .chain(events.iter().flat_map(|e| &e.sources))
        .map(String::as_str)
        .collect();
    let doc = JsonExport {
        permalink: &p.permalink,
        dataset_version: &p.version,
        license: &p.license,
        sources: d
            .sources
            .iter()
            .filter(|s| cited.contains(s.id.as_str()))
            .collect(),
        regions,
        events,
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Escapes text for SVG/XML content and attributes.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    super::markup::push_escaped_with(&mut out, s, "&apos;");
    out
}

/// The map as a self-contained SVG: country shapes, region markers, and a footer
/// with the title, the source line and the permalink. Colours are written out
/// (light theme), fonts are generic, nothing is fetched.
pub fn map_svg(
    cat: &Catalog,
    sel: &Selection,
    shapes: &crate::core::geo::Shapes,
    frame: crate::core::geo::Rect,
    footer: &[String],
) -> String {
    use crate::core::geo::WORLD;
    let shading = crate::core::aggregate::presence(cat, sel);
    let line_h = frame.w / 55.0;
    let foot = line_h * (footer.len() as f64 + 1.0);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"{x:.1} {y:.1} {w:.1} {h:.1}\" font-family=\"system-ui, sans-serif\">",
        x = frame.x,
        y = frame.y,
        w = frame.w,
        h = frame.h + foot
    );
    s.push_str(&format!(
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#ffffff\"/>",
        frame.x,
        frame.y,
        frame.w,
        frame.h + foot
    ));
    s.push_str(&format!(
        "<path d=\"{}\" fill=\"#f4f6f9\" stroke=\"#c9d1da\" stroke-width=\"0.5\"/>",
        xml_escape(&shapes.sphere)
    ));
    for c in &shapes.countries {
        let who = c.iso2.as_ref().and_then(|i| shading.get(i));
        let fill = match who.map(|w| (w.contains("alibaba"), w.contains("tencent"))) {
            Some((true, true)) => "#b79ad1",
            Some((true, false)) => "#f2b27f",
            Some((false, true)) => "#8ec3e6",
            _ => "#d9dee4",
        };
        s.push_str(&format!("<path d=\"{}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"0.3\"><title>{}</title></path>", xml_escape(&c.d), xml_escape(&c.name)));
    }
    let r = frame.w / 160.0;
    let points: Vec<(f64, f64)> = sel
        .regions
        .iter()
        .map(|&i| WORLD.project(cat.data.regions[i].lon, cat.data.regions[i].lat))
        .collect();
    let placed = crate::core::geo::dodge(&points, r * 2.2);
    for (&i, (x, y)) in sel.regions.iter().zip(placed) {
        let reg = &cat.data.regions[i];
        let color = cat
            .data
            .provider(&reg.provider)
            .map(|p| p.color.as_str())
            .unwrap_or("#555555");
        let (fill, opacity) = match reg.status {
            crate::core::model::Status::Announced => ("#ffffff", 1.0),
            crate::core::model::Status::Retired => (color, 0.45),
            crate::core::model::Status::Live => (color, 1.0),
        };
        let shape = if reg.provider == "tencent" {
            format!(
                "<path d=\"M{x:.2},{:.2}L{:.2},{y:.2}L{x:.2},{:.2}L{:.2},{y:.2}Z\"",
                y - r * 1.2,
                x + r * 1.2,
                y + r * 1.2,
                x - r * 1.2
            )
        } else {
            format!("<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{r:.2}\"")
        };
        s.push_str(&format!(
            "{shape} fill=\"{fill}\" fill-opacity=\"{opacity}\" stroke=\"{color}\" stroke-width=\"{:.2}\"><title>{}</title></{}>",
            r * 0.35,
            xml_escape(&format!("{} — {} ({})", cat.data.provider_name(&reg.provider), reg.name, reg.status.id())),
            if reg.provider == "tencent" { "path" } else { "circle" }
        ));
    }
    for (k, line) in footer.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"#1b1f24\">{}</text>",
            frame.x + line_h * 0.5,
            frame.y + frame.h + line_h * (k as f64 + 1.1),
            line_h * 0.7,
            xml_escape(line)
        ));
    }
    s.push_str("</svg>");
    s
}
