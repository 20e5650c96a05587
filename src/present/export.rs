//! Downloads of the filtered records: CSV (RFC 4180) and JSON, each carrying
//! the permalink of the view, the dataset version and the licence.
//!
//! CSV decisions: UTF-8 with a byte-order mark (so spreadsheets read
//! "Querétaro" right), CRLF line ends, every text cell quoted when it holds a
//! comma, semicolon, tab, quote, CR or LF. The first record is a one-cell provenance line that
//! starts with `#` (pandas: `skiprows=`, see the README; in a spreadsheet it is row 1). Text
//! that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR or LF
//! at the start of the cell or of any piece a `,`/`;`/tab/line-end split could make
//! of it) gets an apostrophe before it ([`text_cell`]); numbers are written as numbers.
//! A hand-written writer rather than the `csv` crate: these few rules cost a
//! few hundred bytes of wasm, where the crate brings its own serde layer.

use crate::catalog::T;
use crate::i18n::Speak;
use crate::theme::{country_fill, fill, marker_path, BG, BORDER, CLOSURE, MUTED, SURFACE, TEXT};
use atlas_core::filter::{Catalog, Selection};
use atlas_core::model::Status;
use atlas_core::text::is_plain_char;
use serde::Serialize;

/// What each download says about where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    pub permalink: String,
    pub version: String,
    pub license: String,
    /// The view's title (without the site's name), for the citation.
    pub title: String,
    /// The day of the download (`YYYY-MM-DD`, local), for the citation.
    pub accessed: String,
}

impl Provenance {
    pub fn cited(&self) -> crate::cite::Cited {
        crate::cite::Cited {
            title: self.title.clone(),
            version: self.version.clone(),
            accessed: self.accessed.clone(),
            permalink: self.permalink.clone(),
        }
    }
}

pub(crate) enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    Num(Option<f64>),
}

/// What a spreadsheet may split a line on, whatever its locale: the comma, the
/// semicolon (Excel in de-DE, fr-FR, nl-NL, es-ES…), the tab, and line ends.
const SEPARATORS: [char; 5] = [',', ';', '\t', '\r', '\n'];

/// What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection").
fn is_trigger(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\t'
            | '\r'
            | '\n'
            | '\u{FF1D}'
            | '\u{FF0B}'
            | '\u{FF0D}'
            | '\u{FF20}'
    )
}

/// A text cell that no spreadsheet runs, whichever separator it splits on: every
/// piece a reader could split out (the cell's start and whatever follows a
/// separator, past any quotes or spaces) that starts with a formula trigger gets an
/// apostrophe before the trigger, and a cell holding a separator or a quote is
/// quoted. The apostrophe is the neutralised form the tests allow; it changes what
/// the cell reads only where the text would otherwise have been a formula.
pub(crate) fn text_cell(s: &str) -> String {
    let mut guarded = String::with_capacity(s.len() + 2);
    let mut at_piece = true;
    for c in s.chars() {
        if at_piece && is_trigger(c) {
            guarded.push('\'');
        }
        guarded.push(c);
        if SEPARATORS.contains(&c) {
            at_piece = true;
        } else if !matches!(c, '"' | ' ') {
            at_piece = false;
        }
    }
    if guarded.contains(SEPARATORS) || guarded.contains('"') {
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

pub(crate) fn row(cells: &[Cell]) -> String {
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

/// The one human-readable line above the columns, in the page's language; the column
/// names under it stay the same in every language, so scripts keep working.
pub(crate) fn header(cat: &Catalog, what: T, p: &Provenance) -> String {
    let lang = cat.lang;
    let line = lang.fill(
        T::CsvHeader,
        &[lang.t(what), &p.version, &p.license, &p.permalink],
    );
    let cite = lang.fill(T::CsvCite, &[&p.cited().text(lang)]);
    format!(
        "\u{FEFF}{}{}",
        row(&[Cell::Owned(line)]),
        row(&[Cell::Owned(cite)])
    )
}

/// A region's evidence for the CSV: `kind date says url`, items joined by `; `.
fn evidence(cat: &Catalog, r: &atlas_core::model::Region) -> String {
    r.evidence
        .iter()
        .map(|e| {
            let url = cat.data.source(&e.source).map_or("", |s| s.url.as_str());
            format!("{} {} {} {url}", e.kind.id(), e.date, e.says.id())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn sources(cat: &Catalog, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| cat.data.source(id))
        .map(|s| s.url.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a view draws a picture that the share bar offers as SVG and PNG (head to
/// head and the table are text). The app's share bar and the pre-render's
/// stylesheet (`markup::prerender::page_css`) both read it.
pub fn has_picture(view: atlas_core::query::View) -> bool {
    use atlas_core::query::View;
    match view {
        View::Map | View::Timeline | View::Coverage | View::Changes | View::Promises => true,
        View::Compare | View::Table => false,
    }
}

pub fn regions_csv(cat: &Catalog, sel: &Selection, p: &Provenance) -> String {
    let mut out = header(cat, T::CsvRegions, p);
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
        "checked",
        "stale",
        "contested",
        "evidence",
        "confidence",
        "sources",
        "note",
        "name_zh",
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
            Cell::Owned(r.checked.map(|d| d.to_string()).unwrap_or_default()),
            Cell::Text(
                if atlas_core::evidence::region_stale(&cat.data.version, r.checked) {
                    "stale"
                } else {
                    ""
                },
            ),
            Cell::Owned(
                r.verdict()
                    .map(|v| {
                        v.disputes
                            .iter()
                            .map(|d| d.id())
                            .collect::<Vec<_>>()
                            .join("; ")
                    })
                    .unwrap_or_default(),
            ),
            Cell::Owned(evidence(cat, r)),
            Cell::Text(r.confidence.id()),
            Cell::Owned(sources(cat, &r.sources)),
            Cell::Text(r.note.as_deref().unwrap_or("")),
            Cell::Text(r.name_zh.as_deref().unwrap_or("")),
        ]));
    }
    out
}

pub fn events_csv(cat: &Catalog, sel: &Selection, p: &Provenance) -> String {
    let mut out = header(cat, T::CsvEvents, p);
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
        "title_zh",
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
            Cell::Text(e.title_zh.as_deref().unwrap_or("")),
        ]));
    }
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    permalink: &'a str,
    dataset_version: &'a str,
    license: &'a str,
    citation: Citation,
    sources: Vec<&'a atlas_core::model::Source>,
    regions: Vec<&'a atlas_core::model::Region>,
    events: Vec<&'a atlas_core::model::Event>,
}

#[derive(serde::Serialize)]
struct Citation {
    text: String,
    bibtex: String,
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
        citation: Citation {
            text: p.cited().text(cat.lang),
            bibtex: p.cited().bibtex(cat.lang),
        },
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

/// A country shape's tooltip: the geometry's English name, or on the Chinese page the
/// dataset's Chinese name (or none, for a country the dataset does not name).
fn shape_name(cat: &Catalog, c: &atlas_core::geo::Shape) -> String {
    match (cat.lang, &c.iso2) {
        (atlas_core::lang::Lang::En, _) => c.name.clone(),
        (_, Some(iso)) => cat.countries.get(iso).cloned().unwrap_or_default(),
        _ => String::new(),
    }
}

/// `s` without the characters XML cannot hold (C0/C1 controls other than tab and line
/// ends, non-characters: [`is_plain_char`]); borrowed when it has none.
pub fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(is_plain_char) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|&c| is_plain_char(c)).collect())
    }
}

/// The one XML text writer, for every SVG export and the Atom feeds: the characters
/// XML cannot hold dropped, then escaped for content and attributes alike.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    super::markup::push_escaped_with(&mut out, &xml_chars(s), "&apos;");
    out
}

/// The `<svg>` start of a picture `w`×`h` in its own units, on a white ground.
pub(crate) fn picture_open(s: &mut String, (x, y, w, h): (f64, f64, f64, f64)) {
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"{x:.1} {y:.1} {w:.1} {h:.1}\" font-family=\"system-ui, sans-serif\">\
         <rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{BG}\"/>"
    ));
}

/// The footer lines (title, source line, permalink) from `top`, `line_h` apart.
pub(crate) fn footer_lines(s: &mut String, footer: &[String], x: f64, top: f64, line_h: f64) {
    for (k, line) in footer.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{:.1}\" fill=\"{TEXT}\">{}</text>",
            top + line_h * (k as f64 + 1.1),
            line_h * 0.7,
            xml_escape(line)
        ));
    }
}

/// The map as a self-contained SVG: country shapes, region markers, and a footer
/// with the title, the source line and the permalink. Colours are the light theme's
/// written out (the page's stylesheet cannot travel with the file), fonts are
/// generic, nothing is fetched.
pub fn map_svg(
    cat: &Catalog,
    sel: &Selection,
    shapes: &atlas_core::geo::Shapes,
    frame: atlas_core::geo::Rect,
    reference: Option<(&atlas_core::reference::Reference, Option<u16>)>,
    footer: &[String],
) -> String {
    use atlas_core::geo::WORLD;
    let d = &cat.data;
    let shading = atlas_core::aggregate::presence(cat, sel);
    let line_h = frame.w / 55.0;
    let foot = line_h * (footer.len() as f64 + 1.0);
    let mut s = String::new();
    picture_open(&mut s, (frame.x, frame.y, frame.w, frame.h + foot));
    s.push_str(&crate::theme::shade_patterns(Some((
        crate::theme::COUNTRY,
        crate::theme::COUNTRY_SEVERAL,
    ))));
    s.push_str(&format!(
        "<path d=\"{}\" fill=\"{SURFACE}\" stroke=\"{BORDER}\" stroke-width=\"0.5\"/>",
        xml_escape(&shapes.sphere)
    ));
    for c in &shapes.countries {
        let fill = country_fill(d, c.iso2.as_ref().and_then(|i| shading.get(i)));
        s.push_str(&format!("<path d=\"{}\" fill=\"{fill}\" stroke=\"{BG}\" stroke-width=\"0.3\"><title>{}</title></path>", xml_escape(&c.d), xml_escape(&shape_name(cat, c))));
    }
    // The reference layer's marks, beneath the markers, as on the page.
    if let Some((x, year)) = reference {
        s.push_str(&format!(
            "<path d=\"{}\" fill=\"none\" stroke=\"{MUTED}\" stroke-width=\"{:.2}\"/>",
            xml_escape(&crate::markup::reference::mark_path(x, year, frame)),
            frame.w / 700.0
        ));
    }
    let r = frame.w / 160.0;
    let points: Vec<(f64, f64)> = sel
        .regions
        .iter()
        .map(|&i| WORLD.project(d.regions[i].lon, d.regions[i].lat))
        .collect();
    let placed = atlas_core::geo::dodge(&points, r * 2.2);
    for (&i, (x, y)) in sel.regions.iter().zip(placed) {
        let reg = &d.regions[i];
        let color = fill(d, &reg.provider);
        let (inside, opacity) = match reg.status {
            Status::Announced | Status::Listed => (BG.to_string(), 1.0),
            Status::Retired => (color.clone(), 0.45),
            Status::Live => (color.clone(), 1.0),
        };
        let shape = d
            .provider(&reg.provider)
            .map(|p| p.shape())
            .unwrap_or_default();
        // Listed only: a dashed outline, as on the page.
        let dash = if reg.status == Status::Listed {
            format!(" stroke-dasharray=\"{:.2} {:.2}\"", r * 0.5, r * 0.4)
        } else {
            String::new()
        };
        s.push_str(&format!(
            "<path d=\"{}\" fill=\"{inside}\" fill-opacity=\"{opacity}\" stroke=\"{color}\" stroke-width=\"{:.2}\"{dash}><title>{}</title></path>",
            marker_path(shape, x, y, r),
            r * 0.35,
            xml_escape(&crate::markup::map::marker_name(cat, reg)),
        ));
        // Contested: a dashed ring around the marker.
        if reg.contested() {
            s.push_str(&format!(
                "<circle cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"{:.2}\" fill=\"none\" stroke=\"{TEXT}\" stroke-width=\"{:.2}\" stroke-dasharray=\"{:.2} {:.2}\"/>",
                r * 1.45,
                r * 0.18,
                r * 0.4,
                r * 0.3
            ));
        }
    }
    footer_lines(
        &mut s,
        footer,
        frame.x + line_h * 0.5,
        frame.y + frame.h,
        line_h,
    );
    s.push_str("</svg>");
    s
}

/// The timeline as a self-contained SVG: the very layout the page draws
/// ([`atlas_core::timeline::layout`]), with the light theme's colours written out
/// in place of the stylesheet's classes, and the footer under it.
pub fn timeline_svg(cat: &Catalog, sel: &Selection, footer: &[String]) -> String {
    use crate::markup::timeline::{bar_label, mark_label, mark_path};
    use atlas_core::model::Kind;
    use atlas_core::timeline::{layout, LaneBody, WIDTH};
    let d = &cat.data;
    let l = layout(cat, sel);
    let line_h = 20.0;
    let mut s = String::new();
    picture_open(
        &mut s,
        (
            0.0,
            0.0,
            WIDTH,
            l.height + line_h * (footer.len() as f64 + 1.0),
        ),
    );
    for &(t, x) in &l.ticks {
        s.push_str(&format!(
            "<line x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"24\" y2=\"{:.1}\" stroke=\"{BORDER}\"/>\
             <text x=\"{:.1}\" y=\"18\" font-size=\"12\" fill=\"{MUTED}\">{t}</text>",
            l.height,
            x + 3.0
        ));
    }
    for lane in &l.lanes {
        let colour = fill(d, &lane.provider);
        s.push_str(&format!(
            "<rect x=\"0\" y=\"{:.1}\" width=\"{WIDTH:.0}\" height=\"{:.1}\" fill=\"{SURFACE}\"/>\
             <text x=\"8\" y=\"{:.1}\" font-size=\"13\" font-weight=\"600\" fill=\"{TEXT}\">{}</text>",
            lane.top,
            lane.height,
            lane.top + 20.0,
            xml_escape(&lane.name)
        ));
        match &lane.body {
            LaneBody::Marks(marks) => {
                for m in marks {
                    let e = &d.events[m.event];
                    if m.x1 - m.x0 > 1.0 {
                        s.push_str(&format!(
                            "<line x1=\"{:.1}\" x2=\"{:.1}\" y1=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"4\" stroke-linecap=\"round\" opacity=\"0.35\"/>",
                            m.x0, m.x1, m.y, m.y
                        ));
                    }
                    let paint = match e.kind {
                        Kind::Announcement => {
                            format!("fill=\"{BG}\" stroke=\"{colour}\" stroke-width=\"2\"")
                        }
                        Kind::Closure => {
                            format!("fill=\"none\" stroke=\"{CLOSURE}\" stroke-width=\"3\"")
                        }
                        Kind::Investment => {
                            format!("fill=\"{colour}\" fill-opacity=\"0.75\" stroke=\"{BG}\"")
                        }
                        _ => format!("fill=\"{colour}\" stroke=\"{BG}\""),
                    };
                    s.push_str(&format!(
                        "<path d=\"{}\" {paint}><title>{}</title></path>",
                        mark_path(e.kind, (m.x0 + m.x1) / 2.0, m.y, m.r),
                        xml_escape(&mark_label(cat, &lane.name, e))
                    ));
                }
            }
            LaneBody::Bins { total, bars } => {
                s.push_str(&format!(
                    "<text x=\"8\" y=\"{:.1}\" font-size=\"13\" fill=\"{TEXT}\">{total} events</text>",
                    lane.top + 38.0
                ));
                for b in bars {
                    s.push_str(&format!(
                        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"><title>{}</title></rect>",
                        b.x, b.y, b.w, b.h,
                        xml_escape(&bar_label(cat, &lane.name, b))
                    ));
                }
            }
        }
    }
    footer_lines(&mut s, footer, 8.0, l.height, line_h);
    s.push_str("</svg>");
    s
}
