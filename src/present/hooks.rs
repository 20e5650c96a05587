//! The contract between markup and listeners: the attribute names this layer
//! writes and the selectors `cloud_atlas::app` looks them up with, in one place.
//!
//! The views write record-heavy markup as text and listen once per view (see
//! [`crate::markup`]), so a renamed attribute on one side silently
//! breaks the other: the map once kept stale shading because the country paths
//! lacked `data-iso`. Both sides use these constants, and the tests below walk
//! every builder's output to prove each hook the app listens for is there.

/// On anything that opens a record: its id (region or event).
pub const SEL_ID: &str = "data-sel-id";
/// On a timeline year bar: the year it narrows the filter to.
pub const YEAR: &str = "data-year";
/// On a country path of the map: its ISO code, to reshade it in place.
pub const ISO: &str = "data-iso";

/// On a sortable column head of the coverage table: the column's id
/// (`atlas_core::coverage::Col::id`).
pub const SORT: &str = "data-sort";
/// On a link of the coverage view's shading switch: the provider it shades by, or
/// [`NEARER`].
pub const SHADE: &str = "data-shade";
/// The value of [`SHADE`] for "which is nearer".
pub const NEARER: &str = "-";
/// On the pre-render's `<div id="app">`: the page the app takes over from
/// (`cloud_atlas::app::boot`). The build writes it (`src/bin/prerender.rs`).
pub const PRERENDER: &str = "data-prerender";
/// The class of the share bar's picture buttons (SVG, PNG): the pre-render hides them
/// for an address whose view has no picture ([`crate::markup::prerender::view_css`]).
pub const PICTURE_BUTTON: &str = "share__picture";
/// The test id of the "the data changed since your link" notice, whose record
/// links open records like any other.
pub const DATA_CHANGED: &str = "data-changed";

/// What the delegated click and key listeners react to.
pub const PICKABLE: &str = "[data-sel-id], [data-year]";
/// The country paths the map reshades.
pub const COUNTRY_PATHS: &str = "path[data-iso]";
/// The coverage table's sortable column heads.
pub const SORTABLE: &str = "[data-sort]";
/// The coverage view's shading links.
pub const SHADING: &str = "[data-shade]";
/// The pre-rendered page.
pub const PRERENDERED: &str = "[data-prerender]";
/// Inside the "data changed" notice.
pub const IN_DATA_CHANGED: &str = "[data-testid=data-changed]";

/// The element that opened record `id`, to return focus to it when the panel closes.
pub fn record(id: &str) -> String {
    format!("[{SEL_ID}=\"{}\"]", css_string(id))
}

/// The record buttons in the rows of the table with this test id.
pub fn rows(testid: &str) -> String {
    format!("[data-testid={testid}] tbody tr [{SEL_ID}]")
}

/// Escapes a value for a double-quoted CSS string: ids come from the dataset.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // CSS cannot hold a NUL (it reads as U+FFFD), and a raw line end or form
            // feed ends a string: each is written as its hex escape.
            '\0' => out.push_str("\\FFFD "),
            '\n' | '\r' | '\u{C}' => out.push_str(&format!("\\{:x} ", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::markup::{compare, map, table, timeline};
    use atlas_core::filter::{select, Catalog};

    /// Symptom: a record id with a carriage return, form feed or NUL gave a selector
    /// the browser refused, so its button could not be found to focus.
    #[test]
    fn a_selector_for_an_id_with_line_ends_or_nul_stays_one_valid_string() {
        assert_eq!(
            css_string("a\rb\u{C}c\0d\ne\"f\\"),
            "a\\d b\\c c\\FFFD d\\a e\\\"f\\\\"
        );
        assert!(!css_string("\r\n\u{C}\0").contains(['\r', '\n', '\u{C}', '\0']));
    }

    /// One start tag: its name and attributes, as the markup builder wrote them.
    #[derive(Debug)]
    struct Tag {
        name: String,
        attrs: Vec<(String, String)>,
    }

    impl Tag {
        fn get(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        }

        fn has_class(&self, class: &str) -> bool {
            self.get("class")
                .is_some_and(|c| c.split(' ').any(|x| x == class))
        }

        /// Whether a selector of the forms used here (`[a]`, `tag[a]`, lists of them) matches.
        fn matches(&self, selector: &str) -> bool {
            selector.split(',').map(str::trim).any(|one| {
                let (tag, attr) = one.split_once('[').unwrap_or((one, ""));
                let attr = attr.trim_end_matches(']');
                (tag.is_empty() || tag == self.name)
                    && (attr.is_empty() || self.get(attr).is_some())
            })
        }
    }

    /// The start tags of well-formed builder output (values are escaped, so no `<` or `"` inside).
    fn tags(html: &str) -> Vec<Tag> {
        html.split('<')
            .skip(1)
            .filter(|t| !t.starts_with('/'))
            .filter_map(|t| {
                let inner = &t[..t.find('>')?];
                let inner = inner.trim_end_matches('/');
                let (name, mut rest) = inner.split_once(' ').unwrap_or((inner, ""));
                let mut attrs = Vec::new();
                while let Some((key, after)) = rest.split_once("=\"") {
                    let (value, tail) = after.split_once('"')?;
                    attrs.push((key.trim().to_string(), value.to_string()));
                    rest = tail;
                }
                Some(Tag {
                    name: name.to_string(),
                    attrs,
                })
            })
            .collect()
    }

    fn fixture() -> (Catalog, atlas_core::filter::Selection) {
        crate::markup::tests::fixture()
    }

    /// Every `data-sel-id` names a record the catalog finds, and each one is pickable.
    fn sel_ids(cat: &Catalog, html: &str) -> Vec<String> {
        let ids: Vec<String> = tags(html)
            .iter()
            .filter_map(|t| t.get(SEL_ID).map(|v| (t, v)))
            .map(|(t, v)| {
                assert!(t.matches(PICKABLE), "{t:?} is not found by the listener");
                assert!(
                    cat.record(&v.replace("&amp;", "&")).is_some(),
                    "{v} is no record"
                );
                v.to_string()
            })
            .collect();
        ids
    }

    #[test]
    fn selectors_are_built_from_the_attribute_names() {
        assert_eq!(PICKABLE, format!("[{SEL_ID}], [{YEAR}]"));
        assert_eq!(COUNTRY_PATHS, format!("path[{ISO}]"));
        assert_eq!(SORTABLE, format!("[{SORT}]"));
        assert_eq!(SHADING, format!("[{SHADE}]"));
        assert_eq!(PRERENDERED, format!("[{PRERENDER}]"));
        assert_eq!(IN_DATA_CHANGED, format!("[data-testid={DATA_CHANGED}]"));
        assert_eq!(record("a\"b"), "[data-sel-id=\"a\\\"b\"]");
    }

    #[test]
    fn every_table_row_opens_its_record() {
        let (cat, sel) = fixture();
        let regions = table::region_rows(&cat, &sel.regions);
        let events = table::event_rows(&cat, &sel.events);
        for (html, n) in [(regions, sel.regions.len()), (events, sel.events.len())] {
            let rows = tags(&html).iter().filter(|t| t.name == "tr").count();
            assert_eq!(rows, n);
            assert_eq!(sel_ids(&cat, &html).len(), n, "one record hook per row");
        }
    }

    #[test]
    fn every_timeline_mark_opens_its_event_and_every_bar_names_a_year() {
        let (cat, sel) = fixture();
        let (svg, _) = timeline::chart(&cat, &sel, None);
        let marks: Vec<Tag> = tags(&svg)
            .into_iter()
            .filter(|t| t.has_class("tl-event"))
            .collect();
        assert_eq!(marks.len(), sel.events.len());
        assert!(marks.iter().all(|t| t.get(SEL_ID).is_some()));
        assert_eq!(sel_ids(&cat, &svg).len(), sel.events.len());
        // Past the lane cap the lane is binned: each bar carries its year.
        let mut data = cat.data.clone();
        let e = data.events[0].clone();
        for k in 0..atlas_core::timeline::LANE_CAP + 1 {
            let mut copy = e.clone();
            copy.id = format!("copy-{k}");
            data.events.push(copy);
        }
        let big = Catalog::new(data);
        let (svg, binned) = timeline::chart(&big, &select(&big, &Default::default()), None);
        assert!(binned);
        let bars: Vec<Tag> = tags(&svg)
            .into_iter()
            .filter(|t| t.has_class("tl-bin"))
            .collect();
        assert!(!bars.is_empty());
        for b in bars {
            assert!(b.matches(PICKABLE));
            let year: u16 = b.get(YEAR).and_then(|y| y.parse().ok()).expect("a year");
            assert!((big.years.0..=big.years.1).contains(&year));
        }
    }

    #[test]
    fn every_map_marker_opens_its_region() {
        let (cat, sel) = fixture();
        let placed = map::placed_markers(&cat, &sel, atlas_core::geo::Zoom::World, 1000.0);
        let html = map::markers(&cat, &placed);
        let ids = sel_ids(&cat, &html);
        let want: Vec<&String> = placed
            .iter()
            .map(|&(i, _)| &cat.data.regions[i].id)
            .collect();
        assert_eq!(ids.iter().collect::<Vec<_>>(), want);
    }

    #[test]
    fn every_cited_figure_opens_its_record() {
        let (cat, sel) = fixture();
        let html = compare::view(&cat, &sel);
        let cited = tags(&html).iter().filter(|t| t.has_class("cited")).count();
        assert!(cited > 0);
        assert_eq!(sel_ids(&cat, &html).len(), cited);
    }

    #[test]
    fn every_country_path_can_be_reshaded() {
        let (cat, sel) = fixture();
        let shapes: atlas_core::geo::Shapes =
            serde_json::from_str(include_str!("../../public/geo/world.json")).unwrap();
        let presence = atlas_core::aggregate::presence(&cat, &sel);
        let html = map::layer(&cat, Some(&shapes), &presence);
        let coded = shapes.countries.iter().filter(|c| c.iso2.is_some()).count();
        let hooked: Vec<Tag> = tags(&html)
            .into_iter()
            .filter(|t| t.matches(COUNTRY_PATHS))
            .collect();
        assert_eq!(hooked.len(), coded);
        for t in hooked {
            let iso = t.get(ISO).unwrap();
            let who = presence.get(iso);
            assert_eq!(
                t.get("class"),
                Some(crate::theme::shade(&cat.data, who).as_str())
            );
        }
    }

    /// Every builder that writes record links, on the shipped dataset (whose change
    /// log, promises and sources exercise them all): each `data-sel-id` is found by
    /// the listener and names a record. The map, table, timeline and head to head
    /// have their own tests above, with counts.
    #[test]
    fn every_record_link_of_every_other_builder_opens_its_record() {
        use crate::markup::{changes, detail, map, promises, since};
        use atlas_core::changes::{month, Changes, Window};
        use atlas_core::filter::Record;
        use atlas_core::promises::Promises;
        for lang in atlas_core::lang::Lang::ALL {
            let cat = crate::markup::tests::shipped(lang);
            let sel = select(&cat, &Default::default());
            let (first, last) = cat.years;
            let window = Window {
                start: month(first, 1),
                end: month(last, 12),
                default: false,
            };
            let ch = Changes::build(&cat, &sel, window);
            let p = Promises::build(&cat, &sel);
            let notice = since::notice(&cat, Some("2026-11-26")).expect("an old link's notice");
            let mut counted = vec![
                ("changes list", changes::list(&cat, &ch), ch.items.len()),
                ("promises table", promises::table(&cat, &p), 1),
                ("promises chart", promises::chart(&cat, &p), 0),
                ("since notice", notice, 1),
                (
                    "pre-render's markers",
                    map::marker_picture(
                        &cat,
                        &map::placed_markers(&cat, &sel, atlas_core::geo::Zoom::World, 1118.0),
                    ),
                    0,
                ),
            ];
            counted.push(("changes table", changes::table(&cat, &ch), 0));
            for (i, _) in cat.data.regions.iter().enumerate().take(5) {
                counted.push(("region panel", detail::record(&cat, Record::Region(i)).1, 0));
            }
            for (i, _) in cat.data.events.iter().enumerate().take(5) {
                counted.push(("event panel", detail::record(&cat, Record::Event(i)).1, 0));
            }
            for (what, html, at_least) in counted {
                let n = sel_ids(&cat, &html).len();
                assert!(
                    n >= at_least,
                    "{what} ({lang:?}): {n} record links, want {at_least}+"
                );
            }
        }
    }

    /// The coverage view's listener sorts by `data-sort` and shades by `data-shade`:
    /// every sortable head names a column the core parses back, every shading link a
    /// provider of the view or "nearer".
    #[test]
    fn every_coverage_sort_and_shading_hook_names_a_column_or_a_provider() {
        use crate::markup::coverage;
        use atlas_core::coverage::{Col, Coverage};
        use atlas_core::reach::People;
        let (cat, sel) = fixture();
        let mut countries = std::collections::BTreeMap::new();
        for r in &cat.data.regions {
            countries.insert(r.country.clone(), vec![(r.lat, r.lon, 1.0e6)]);
        }
        let people = People {
            countries,
            names: Default::default(),
        };
        let cov = Coverage::build(&cat, &sel, &people, None);
        let table = coverage::table(&cat, &people, &cov, None, Col::DEFAULT);
        let heads: Vec<Tag> = tags(&table)
            .into_iter()
            .filter(|t| t.get(SORT).is_some())
            .collect();
        assert!(heads.len() >= 3, "{table}");
        for t in heads {
            assert!(t.matches(SORTABLE));
            let id = t.get(SORT).unwrap();
            assert!(Col::from_id(id, &cov).is_some(), "{id} is no column");
        }
        let switch = coverage::switch(&cat, &cov, None, &|_| "?".to_string());
        let links: Vec<Tag> = tags(&switch)
            .into_iter()
            .filter(|t| t.get(SHADE).is_some())
            .collect();
        // "Which is nearer", one per provider, and "nearer than the hyperscalers".
        assert_eq!(links.len(), cov.providers.len() + 2, "{switch}");
        for t in links {
            assert!(t.matches(SHADING));
            let v = t.get(SHADE).unwrap();
            assert!(
                v == NEARER
                    || v == atlas_core::coverage::REF_SHADE
                    || cov.providers.iter().any(|p| p.id == v),
                "{v}"
            );
        }
    }
}
