//! The test oracle: what the page must show for a URL, computed by the pure core.
//!
//! The model-based browser test (`tests/e2e/model.test.mjs`) starts this once and
//! asks it, one JSON line per question on stdin, one answer line on stdout:
//!
//! - `{"op":"edit","query":Q,"edit":E}`: the canonical query after a person's edit
//!   `E` on the view `Q`, and whether it pushes or replaces the history entry
//!   ([`cloud_atlas::core::edit::apply`], the function the app calls on a click);
//! - `{"op":"page","query":Q,"zoom":Z,"table":T}`: everything the page must show
//!   for the raw query `Q` (as the browser's `location.search` holds it) with the
//!   map at zoom `Z` and the table in state `T`: the canonical query, the ignored
//!   parameters, the counts line and summary, every country's shade, the markers,
//!   the table rows, the timeline, head to head, the open record, the controls;
//! - `{"op":"read","query":Q}`: only the canonical query, the ignored parameters and the
//!   summary (the browser fuzz needs no more);
//! - `{"op":"normalize","text":T}`: the search text the state keeps for a box holding `T`;
//! - `{"op":"catalog"}`: every fixed English phrase of the interface, cut at its
//!   placeholders (what must not show on a page in Chinese).
//!
//! A query with `lang=zh` is answered in Chinese, as the page writes it. On the
//! coverage view, `"coverage":[COLUMN,DIR]` is the table's order, and the gazetteer
//! is read from `people.json` beside `WORLD.json`.
//!
//! It is the same Rust code the app runs, not a re-implementation in JavaScript,
//! so a difference is a wiring or staleness defect in the views.
//!
//! The reference layer (`ref=1`) is read from `REFERENCE.json`, by default the
//! `reference.json` beside the dataset; without one, the page must say it could not
//! be loaded.
//!
//! Usage: `oracle DATASET.json WORLD.json [REFERENCE.json]`

use cloud_atlas::core::aggregate::presence;
use cloud_atlas::core::changes::{Changes, Window};
use cloud_atlas::core::coverage::{Col, Coverage, REF_SHADE};
use cloud_atlas::core::edit::{active_count, apply, Edit, Facet};
use cloud_atlas::core::filter::{select, Catalog, Selection};
use cloud_atlas::core::geo::{Shapes, Zoom};
use cloud_atlas::core::lang::Lang;
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::core::promises::Promises;
use cloud_atlas::core::query::{from_query, normalize_q, parse_pairs, to_query, Filters, View};
use cloud_atlas::core::reach::People;
use cloud_atlas::core::reference::{parse_reference, RefLoaded, Reference};
use cloud_atlas::core::table::{sort_events, sort_regions, Dir, EventCol, RegionCol, ROWS_STEP};
use cloud_atlas::present::catalog::{Phrase, T};
use cloud_atlas::present::cite::Cited;
use cloud_atlas::present::i18n::Speak;
use cloud_atlas::present::markup::changes as ch_markup;
use cloud_atlas::present::markup::coverage as cov_markup;
use cloud_atlas::present::markup::promises as pr_markup;
use cloud_atlas::present::markup::reference as ref_markup;
use cloud_atlas::present::markup::{compare, detail, map, table as rows, timeline};
use cloud_atlas::present::refwords::R;
use cloud_atlas::present::theme::{shade, slot};
use cloud_atlas::present::words::{counts_line, page_title, summary, zoom_label};
use serde_json::{json, Value};
use std::io::{BufRead, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if !(3..=4).contains(&args.len()) {
        eprintln!("usage: oracle DATASET.json WORLD.json [REFERENCE.json]");
        std::process::exit(2);
    }
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let loaded = parse_dataset(&read(&args[1])).unwrap_or_else(|e| panic!("dataset: {e}"));
    let shapes: Shapes = serde_json::from_str(&read(&args[2])).expect("world.json");
    let people_path = std::path::Path::new(&args[2]).with_file_name("people.json");
    let people: People =
        serde_json::from_str(&read(&people_path.to_string_lossy())).expect("people.json");
    // The reference layer beside the dataset (`reference.json`), when there is one.
    let reference = std::fs::read_to_string(args.get(3).map_or_else(
        || std::path::Path::new(&args[1]).with_file_name("reference.json"),
        std::path::PathBuf::from,
    ))
    .ok()
    .map(|text| parse_reference(&text).unwrap_or_else(|e| panic!("reference: {e}")));
    let geo = Geo {
        shapes,
        people,
        reference,
    };
    let cats = [
        Catalog::new(loaded.dataset.clone()),
        Catalog::new(loaded.dataset).with_lang(Lang::Zh),
    ];
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let answer = match serde_json::from_str::<Value>(&line) {
            Ok(q) => {
                let query = q["query"].as_str().unwrap_or("");
                let (f, _) = from_query(&parse_pairs(query.trim_start_matches('?')));
                let cat = &cats[usize::from(f.lang == Lang::Zh)];
                answer(cat, &geo, &q)
            }
            Err(e) => json!({ "error": e.to_string() }),
        };
        writeln!(out, "{answer}").expect("stdout");
        out.flush().expect("stdout");
    }
}

/// The geometry and the gazetteer the map and the coverage view draw from.
struct Geo {
    shapes: Shapes,
    people: People,
    reference: Option<RefLoaded>,
}

fn answer(cat: &Catalog, geo: &Geo, q: &Value) -> Value {
    let query = q["query"].as_str().unwrap_or("");
    match q["op"].as_str() {
        Some("edit") => match edit(&q["edit"]) {
            Some(e) => {
                let (current, _) = read(cat, query);
                match apply(cat, &current, &e) {
                    Some((next, entry)) => json!({ "query": to_query(&next), "entry": entry.id() }),
                    None => json!({ "query": to_query(&current), "entry": "none" }),
                }
            }
            None => json!({ "error": format!("unknown edit {}", q["edit"]) }),
        },
        Some("page") => page(cat, geo, query, q),
        Some("read") => {
            let (f, issues) = read(cat, query);
            json!({ "canonical": to_query(&f), "issues": issues, "summary": summary(cat, &select(cat, &f)) })
        }
        Some("normalize") => json!({ "q": normalize_q(q["text"].as_str().unwrap_or("")) }),
        Some("catalog") => {
            let mut parts: Vec<&str> = T::ALL
                .iter()
                .map(|t| t.en())
                .chain(R::ALL.iter().map(|r| r.en()))
                .flat_map(|t| t.split(['{', '}']))
                .map(str::trim)
                // The switch's own label is Chinese on the English page: not English.
                .filter(|p| p.len() > 2 && p.is_ascii() && !p.chars().all(|c| c.is_ascii_digit()))
                .collect();
            parts.sort();
            parts.dedup();
            json!({ "english": parts })
        }
        _ => json!({ "error": "unknown op" }),
    }
}

/// Filters from a raw query the way the app reads `location.search`, with what it ignored.
fn read(cat: &Catalog, query: &str) -> (Filters, Vec<String>) {
    let (mut f, mut issues) = from_query(&parse_pairs(query.trim_start_matches('?')));
    issues.extend(cat.reconcile(&mut f));
    let lang = cat.lang;
    let lines = issues
        .iter()
        .map(|i| {
            format!(
                "{}{}{}",
                i.head(),
                lang.pick(": ", "："),
                lang.why(i.reason)
            )
        })
        .collect();
    (f, lines)
}

fn edit(e: &Value) -> Option<Edit> {
    let text = |k: &str| e[k].as_str().map(String::from);
    Some(match e["kind"].as_str()? {
        "toggle" => Edit::Toggle(Facet::from_key(e["facet"].as_str()?)?, text("id")?),
        "from" => Edit::From(text("text")?),
        "to" => Edit::To(text("text")?),
        "q" => Edit::Query(text("text")?),
        "view" => Edit::View(
            *View::ALL
                .iter()
                .find(|v| Some(v.id()) == e["id"].as_str())?,
        ),
        "select" => Edit::Select(text("id")?),
        "close" => Edit::Close,
        "year" => Edit::Year(u16::try_from(e["year"].as_u64()?).ok()?),
        "reset" => Edit::Reset,
        "shade" => Edit::Shade(text("id")),
        "reference" => Edit::Reference(e["on"].as_bool()?),
        "stamp" => Edit::Stamp,
        _ => return None,
    })
}

/// The words the browser test finds controls by, in the page's language: the model
/// keeps English keys (column names, views), the page shows these.
fn labels(cat: &Catalog) -> Value {
    let lang = cat.lang;
    let before_count = |t: T| lang.t(t).split("{0}").next().unwrap_or("").to_string();
    let columns = |all: &[(&str, T)]| {
        all.iter()
            .map(|(en, t)| (en.to_string(), Value::from(lang.t(*t))))
            .collect::<serde_json::Map<_, _>>()
    };
    json!({
        "providers": lang.t(T::Providers),
        "fromYear": lang.t(T::FromYear),
        "toYear": lang.t(T::ToYear),
        "views": lang.t(T::Views),
        "tabs": View::ALL.iter().map(|v| (v.id().to_string(), Value::from(lang.view(*v)))).collect::<serde_json::Map<_, _>>(),
        "reset": lang.t(T::Reset),
        "copyLink": lang.t(T::CopyLink),
        "stamp": lang.t(T::SinceStamp),
        "cite": lang.t(T::Cite),
        "citeCopyText": lang.t(T::CiteCopyText),
        "citeCopyBibtex": lang.t(T::CiteCopyBibtex),
        "zoomTo": lang.t(T::ZoomTo),
        "closeDetails": lang.t(T::CloseDetails),
        "dismiss": lang.t(T::Dismiss),
        "chips": cat.lanes().into_iter().map(|(id, name)| (id, Value::from(name))).collect::<serde_json::Map<_, _>>(),
        "regionsTab": before_count(T::RegionsN),
        "eventsTab": before_count(T::EventsN),
        "version": lang.fill(T::DatasetVersion, &[&cat.data.version]),
        "showingRegions": lang.t(T::ShowingFirstRegions),
        "showingEvents": lang.t(T::ShowingFirstEvents),
        "showMore": lang.t(T::ShowMore),
        "regionColumns": columns(&[("Region", T::ColRegion), ("Provider", T::ColProvider), ("Country", T::ColCountry), ("Opened", T::ColOpened), ("Status", T::ColStatus), ("Zones", T::ColZones), ("Confidence", T::ColConfidence)]),
        "eventColumns": columns(&[("Date", T::ColDate), ("Provider", T::ColProvider), ("Kind", T::ColKind), ("Event", T::ColEvent), ("Country", T::ColCountry), ("Amount", T::ColAmount), ("Confidence", T::ColConfidence)]),
    })
}

fn zoom(cat: &Catalog, z: &Value) -> Zoom {
    Zoom::all(&cat.data)
        .into_iter()
        .find(|x| Some(zoom_label(cat, *x)) == z.as_str())
        .unwrap_or(Zoom::World)
}

fn sort<C: Copy>(all: &[(&'static str, C)], v: &Value, default: (C, Dir)) -> (C, Dir) {
    let col = all
        .iter()
        .find(|(label, _)| Some(*label) == v[0].as_str())
        .map_or(default.0, |x| x.1);
    let dir = if v[1].as_str() == Some("desc") {
        Dir::Desc
    } else {
        Dir::Asc
    };
    (col, dir)
}

fn page(cat: &Catalog, geo: &Geo, query: &str, q: &Value) -> Value {
    let (z, t) = (&q["zoom"], &q["table"]);
    let shapes = &geo.shapes;
    let (f, issues) = read(cat, query);
    let s = select(cat, &f);
    let d = &cat.data;
    let present = presence(cat, &s);
    // The layer as the page shows it: only when the address asks for it.
    let wanted = f.reference || f.shade.as_deref() == Some(REF_SHADE);
    let reference = geo
        .reference
        .as_ref()
        .filter(|_| wanted)
        .map(|r| &r.reference);
    let shades: Vec<String> = shapes
        .countries
        .iter()
        .map(|c| shade(d, c.iso2.as_ref().and_then(|i| present.get(i))))
        .collect();
    let markers: Vec<Value> = map::markers_in_frame(cat, &s, zoom(cat, z))
        .into_iter()
        .map(|(i, _)| {
            let r = &d.regions[i];
            json!({
                "id": r.id,
                "class": map::marker_class(d, r),
                "label": map::marker_name(cat, r),
                "pressed": f.sel.as_deref() == Some(r.id.as_str()),
            })
        })
        .collect();
    // Only the shown view's parts are written (the rest would be work nobody compares).
    let (chart, binned) = match f.view {
        View::Timeline => timeline::chart(cat, &s, f.sel.as_deref()),
        _ => (String::new(), false),
    };
    let record = f.sel.as_deref().and_then(|id| cat.record(id)).map(|r| {
        let (title, body) = detail::record(cat, r);
        json!({ "id": f.sel, "title": title.text, "body": body })
    });
    let (first, last) = cat.years;
    let mut stamped = f.clone();
    stamped.d = Some(d.version.clone());
    json!({
        "canonical": to_query(&f),
        "issues": issues,
        "view": f.view.id(),
        "viewLabel": cat.lang.view(f.view),
        "lang": cat.lang.tag(),
        "labels": labels(cat),
        "embed": f.embed,
        "title": page_title(cat, &f),
        "summary": summary(cat, &s),
        "counts": counts_line(cat, &s),
        "initialZoom": zoom_label(cat, Zoom::initial(d, &f.areas)),
        "chips": cat.lanes().into_iter().map(|(id, _)| json!({ "class": format!("chip {}", slot(d, &id)), "pressed": cat.chip_pressed(&f, &id), "id": id })).collect::<Vec<_>>(),
        "zooms": Zoom::all(d).into_iter().map(|z| zoom_label(cat, z)).collect::<Vec<_>>(),
        "since": cloud_atlas::present::markup::since::notice(cat, f.d.as_deref()),
        // "Cite": for the driver's page address and the browser's date.
        "cite": q["cite"]["base"].as_str().zip(q["cite"]["accessed"].as_str()).map(|(base, accessed)| {
            let mut linked = stamped.clone();
            linked.embed = false;
            let c = Cited::of(cat, &f, &format!("{base}?{}", to_query(&linked)), accessed);
            json!({ "text": c.text(cat.lang), "bibtex": c.bibtex(cat.lang) })
        }),
        "copyLink": to_query(&stamped),
        "controls": {
            "providers": f.providers,
            "areas": f.areas,
            "countries": f.countries,
            "kinds": f.kinds.iter().map(|k| k.id()).collect::<Vec<_>>(),
            "statuses": f.statuses.iter().map(|s| s.id()).collect::<Vec<_>>(),
            "from": f.from.unwrap_or(first).to_string(),
            "to": f.to.unwrap_or(last).to_string(),
            "q": f.q,
            "active": active_count(&f),
            "reference": f.reference,
        },
        "facets": {
            "provider": s.facets.providers,
            "area": s.facets.areas,
            "country": s.facets.countries,
            "kind": s.facets.kinds.iter().map(|(k, n)| (k.id(), *n)).collect::<std::collections::BTreeMap<_, _>>(),
            "status": s.facets.statuses.iter().map(|(k, n)| (k.id(), *n)).collect::<std::collections::BTreeMap<_, _>>(),
        },
        "map": { "shades": shades, "markers": markers },
        "table": table(cat, &s, t),
        "timeline": {
            "chart": chart,
            "binned": binned,
            "growth": if f.view == View::Timeline { timeline::growth_section(cat, &s, &f.providers, reference.filter(|_| f.reference).map(|r| ref_markup::growth_lines(r, cat.years, cat.lang)).as_ref()) } else { String::new() },
        },
        "compare": if f.view == View::Compare { compare::view(cat, &s) } else { String::new() },
        "compareRef": match reference.filter(|_| f.reference && f.view == View::Compare) {
            Some(r) => ref_markup::compare_section(cat, &s, r, f.to),
            None => String::new(),
        },
        // The reference layer: `wanted` when the address asks for it; `available` when
        // the file is beside the dataset (else the page says it could not be loaded);
        // on the map, the marks drawn at zoom Z and the list's rows and title.
        "reference": {
            "wanted": wanted,
            "available": geo.reference.is_some(),
            "map": match (reference, f.view == View::Map && f.reference) {
                (Some(r), true) => {
                    let frame = zoom(cat, z).frame(d, &cloud_atlas::core::geo::WORLD, cloud_atlas::core::geo::MAP_WIDTH, cloud_atlas::core::geo::MAP_HEIGHT);
                    let path = ref_markup::mark_path(r, f.to, frame);
                    json!({
                        "marks": path.matches('M').count() / 2,
                        "rows": r.regions.len(),
                        "title": cat.lang.fill(R::ListTitle, &[&ref_markup::counts(r, f.to, cat.lang)]),
                    })
                }
                _ => Value::Null,
            },
        },
        "changes": if f.view == View::Changes {
            let ch = Changes::build(cat, &s, Window::of(cat, &f));
            let p = ch_markup::parts(cat, &ch);
            json!({ "range": p.range, "lead": p.lead, "table": p.table, "list": p.list, "maps": p.maps })
        } else { Value::Null },
        "promises": if f.view == View::Promises {
            let p = Promises::build(cat, &s);
            json!({ "lead": pr_markup::lead(cat, &p), "chart": pr_markup::chart(cat, &p), "table": pr_markup::table(cat, &p) })
        } else { Value::Null },
        "coverage": if f.view == View::Coverage { coverage(cat, geo, reference, &f, &s, &q["coverage"]) } else { Value::Null },
        "detail": record,
    })
}

/// The coverage view in table order `order` (`[column id, "asc"|"desc"]`).
fn coverage(
    cat: &Catalog,
    geo: &Geo,
    reference: Option<&Reference>,
    f: &Filters,
    s: &Selection,
    order: &Value,
) -> Value {
    let mut cov = Coverage::build(cat, s, &geo.people, f.to);
    if let Some(r) = reference {
        cov.against(
            r,
            &geo.people,
            &cloud_atlas::core::coverage::home_countries(&cat.data),
        );
    }
    let col = order[0]
        .as_str()
        .and_then(|id| Col::from_id(id, &cov))
        .unwrap_or(Col::DEFAULT.0);
    let dir = match order[1].as_str() {
        Some("asc") => Dir::Asc,
        Some("desc") => Dir::Desc,
        _ => Col::DEFAULT.1,
    };
    let href = |p: Option<&str>| {
        let mut g = f.clone();
        g.shade = p.map(String::from);
        let q = to_query(&g);
        if q.is_empty() {
            "./".to_string()
        } else {
            format!("?{q}")
        }
    };
    let parts = cov_markup::parts(
        cat,
        &geo.people,
        &cov,
        reference,
        f.shade.as_deref(),
        (col, dir),
        &href,
    );
    let shading = cov.shading(f.shade.as_deref());
    let (title, desc) = cov_markup::map_text(cat, &cov, shading);
    let mut columns = vec![Col::Country, Col::People];
    for k in 0..cov.providers.len() {
        columns.extend([Col::Km(k), Col::Near(k), Col::Mid(k)]);
    }
    if cov.versus.is_some() {
        columns.push(Col::RefKm);
    }
    json!({
        "summary": parts.summary,
        "versus": parts.versus,
        "switch": parts.switch,
        "legend": parts.legend,
        "table": parts.table,
        "mapName": format!("{title}. {desc}"),
        "shades": cov_markup::tints(&cov, &geo.shapes, shading).into_iter().map(|t| t.class(&cov, &cat.data)).collect::<Vec<_>>(),
        "columns": columns.into_iter().map(|c| (c.id(&cov), Value::from(if c.first_dir() == Dir::Asc { "asc" } else { "desc" }))).collect::<serde_json::Map<_, _>>(),
        "shadeIds": cov.providers.iter().map(|p| p.id.clone()).collect::<Vec<_>>(),
    })
}

/// The rows the table draws in state `t`: which list, its sort, how many rows.
fn table(cat: &Catalog, s: &Selection, t: &Value) -> Value {
    let events = t["events"].as_bool().unwrap_or(false);
    let mut idx = if events {
        s.events.clone()
    } else {
        s.regions.clone()
    };
    let shown = t[if events { "eventShown" } else { "regionShown" }]
        .as_u64()
        .map_or(ROWS_STEP, |n| n as usize);
    if events {
        let (c, d) = sort(&EventCol::ALL, &t["event"], EventCol::DEFAULT);
        sort_events(cat, &mut idx, c, d);
    } else {
        let (c, d) = sort(&RegionCol::ALL, &t["region"], RegionCol::DEFAULT);
        sort_regions(cat, &mut idx, c, d);
    }
    let total = idx.len();
    idx.truncate(shown);
    let ids: Vec<&str> = idx
        .iter()
        .map(|&i| {
            if events {
                cat.data.events[i].id.as_str()
            } else {
                cat.data.regions[i].id.as_str()
            }
        })
        .collect();
    let html = if events {
        rows::event_rows(cat, &idx)
    } else {
        rows::region_rows(cat, &idx)
    };
    json!({
        "ids": ids,
        "total": total,
        "rows": html,
        "tabs": [
            cat.lang.fill(T::RegionsN, &[&s.regions.len().to_string()]),
            cat.lang.fill(T::EventsN, &[&s.events.len().to_string()]),
        ],
    })
}
