//! The feeds written at build time: well-formed (a real XML parser reads the Atom
//! feed), with the fields Atom and JSON Feed 1.1 require, absolute links under a
//! sub-path site, ids stable per record, newest first, hostile text escaped.
#![cfg(not(target_arch = "wasm32"))]

use cloud_atlas::core::filter::Catalog;
use cloud_atlas::core::lang::Lang;
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::present::feed::{atom, items, json, Feed, Site};
use std::collections::HashSet;

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn shipped(lang: Lang) -> Catalog {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/atlas.json"),
    )
    .unwrap();
    Catalog::new(parse_dataset(&text).unwrap().dataset).with_lang(lang)
}

fn site() -> Site {
    Site::new("https://example.org/some/path").unwrap()
}

fn child<'a>(n: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    n.children().find(|c| c.has_tag_name((ATOM, name)))
}

#[test]
fn site_urls_are_absolute_and_end_in_a_directory() {
    let s = site();
    assert_eq!(s.url("feed.xml"), "https://example.org/some/path/feed.xml");
    assert_eq!(s.path(), "/some/path/");
    assert_eq!(Site::new("http://127.0.0.1:8080/").unwrap().path(), "/");
    for bad in [
        "/cloud-atlas/",
        "ftp://host/",
        "https://",
        "https://host/?a=1",
        "https://host/#x",
        "https://a b/",
    ] {
        assert!(Site::new(bad).is_err(), "{bad}");
    }
}

#[test]
fn every_atom_feed_is_well_formed_with_the_required_fields_and_absolute_links() {
    for lang in Lang::ALL {
        let cat = shipped(lang);
        for feed in Feed::all(&cat).into_iter().filter(|f| f.lang == lang) {
            let xml = atom(&cat, &feed, &site());
            let doc = roxmltree::Document::parse(&xml)
                .unwrap_or_else(|e| panic!("{}: not well-formed: {e}", feed.stem()));
            let root = doc.root_element();
            assert!(root.has_tag_name((ATOM, "feed")));
            for f in ["id", "title", "updated", "author"] {
                assert!(
                    child(root, f).is_some(),
                    "{}: feed without {f}",
                    feed.stem()
                );
            }
            let self_link = root
                .children()
                .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
                .unwrap();
            assert_eq!(
                self_link.attribute("href"),
                Some(format!("https://example.org/some/path/{}.xml", feed.stem()).as_str())
            );
            let entries: Vec<_> = root
                .children()
                .filter(|c| c.has_tag_name((ATOM, "entry")))
                .collect();
            let events = cat
                .data
                .events
                .iter()
                .filter(|e| feed.provider.as_ref().is_none_or(|p| *p == e.provider))
                .count();
            assert!(
                entries.len() > events,
                "{}: events and at least one update",
                feed.stem()
            );
            let mut ids = HashSet::new();
            let mut last = String::from("9999");
            for e in &entries {
                for f in ["id", "title", "updated", "published", "content"] {
                    assert!(child(*e, f).is_some(), "{}: entry without {f}", feed.stem());
                }
                let id = child(*e, "id").unwrap().text().unwrap().to_string();
                assert!(id.starts_with("https://example.org/some/path/?"), "{id}");
                assert!(ids.insert(id.clone()), "duplicate id {id}");
                let href = child(*e, "link").unwrap().attribute("href").unwrap();
                assert!(
                    href.starts_with("https://example.org/some/path/?"),
                    "{href}"
                );
                let updated = child(*e, "updated").unwrap().text().unwrap().to_string();
                assert!(updated <= last, "newest first: {updated} after {last}");
                assert!(
                    updated.ends_with("T00:00:00Z") && updated.len() == 20,
                    "{updated}"
                );
                last = updated;
            }
        }
    }
}

#[test]
fn every_json_feed_carries_the_json_feed_1_1_fields() {
    for lang in Lang::ALL {
        let cat = shipped(lang);
        for feed in Feed::all(&cat).into_iter().filter(|f| f.lang == lang) {
            let doc: serde_json::Value = serde_json::from_str(&json(&cat, &feed, &site())).unwrap();
            assert_eq!(doc["version"], "https://jsonfeed.org/version/1.1");
            assert!(doc["title"].as_str().is_some_and(|t| !t.is_empty()));
            assert_eq!(
                doc["feed_url"],
                format!("https://example.org/some/path/{}.json", feed.stem())
            );
            let items = doc["items"].as_array().unwrap();
            assert!(!items.is_empty());
            let mut ids = HashSet::new();
            for i in items {
                let id = i["id"].as_str().unwrap();
                assert!(ids.insert(id.to_string()), "duplicate {id}");
                assert!(i["content_html"].is_string() || i["content_text"].is_string());
                assert!(i["url"]
                    .as_str()
                    .unwrap()
                    .starts_with("https://example.org/some/path/"));
            }
        }
    }
}

/// An entry's id is the record's language-neutral permalink: the same in both
/// languages and whatever the data version, so readers never see a record twice.
#[test]
fn entry_ids_are_stable_per_record_across_languages_and_versions() {
    let (en, zh) = (shipped(Lang::En), shipped(Lang::Zh));
    let all = |_: &Catalog, lang| Feed {
        provider: None,
        lang,
    };
    let ids = |cat: &Catalog, lang| -> Vec<String> {
        let mut v: Vec<String> = items(cat, &all(cat, lang), &site())
            .into_iter()
            .map(|i| i.id)
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&en, Lang::En), ids(&zh, Lang::Zh));
    let e = &en.data.events[0];
    let found = items(&en, &all(&en, Lang::En), &site())
        .into_iter()
        .find(|i| i.id == format!("https://example.org/some/path/?sel={}", e.id))
        .expect("an entry per event");
    assert!(found.url.contains(&format!("d={}", en.data.version)));
    let mut next = en.data.clone();
    next.version = "2099-01-01".into();
    let moved = Catalog::new(next);
    assert!(ids(&moved, Lang::En)
        .iter()
        .any(|i| *i == format!("https://example.org/some/path/?sel={}", e.id)));
}

/// The update of the shipped data is an entry that links to the app at the
/// version before it, whose notice lists what changed.
#[test]
fn a_data_update_is_an_entry_linking_to_the_version_before() {
    let cat = shipped(Lang::En);
    let feed = Feed {
        provider: None,
        lang: Lang::En,
    };
    let log = &cat.data.changes;
    let before = &log[log.len() - 2].version;
    let update = items(&cat, &feed, &site())
        .into_iter()
        .find(|i| i.url.ends_with(&format!("?d={before}")))
        .expect("the update entry");
    assert!(
        update.title.starts_with("Data update of"),
        "{}",
        update.title
    );
    assert_eq!(update.updated, format!("{}T00:00:00Z", cat.data.version));
    // Newest first: the update and the records it added come before older news.
    let top = items(&cat, &feed, &site());
    assert_eq!(top[0].updated, update.updated);
}

#[test]
fn hostile_text_is_escaped_and_characters_xml_cannot_hold_are_dropped() {
    let mut cat = shipped(Lang::En);
    let mut d = cat.data.clone();
    d.events[0].note = Some("a\u{1}b <script>alert(1)</script> & \"q\" ]]>".into());
    d.events[0].title = "<b>Bold</b> & co".into();
    cat = Catalog::new(d);
    let feed = Feed {
        provider: None,
        lang: Lang::En,
    };
    let xml = atom(&cat, &feed, &site());
    let doc = roxmltree::Document::parse(&xml).expect("still well-formed");
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ATOM, "title")))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        titles.contains(&"<b>Bold</b> & co"),
        "the title is text, not markup"
    );
    assert!(!xml.contains("<script>"));
    assert!(!xml.contains('\u{1}'));
    let j = json(&cat, &feed, &site());
    assert!(!j.contains('\u{1}') && serde_json::from_str::<serde_json::Value>(&j).is_ok());
}

#[test]
fn the_site_url_comes_from_the_environment_or_the_public_url_and_must_match_its_path() {
    use cloud_atlas::present::feed::resolve_site;
    let (s, w) = resolve_site(Some("https://atlas.example/cloud-atlas/"), "/cloud-atlas/").unwrap();
    assert_eq!(
        (s.url(""), w),
        ("https://atlas.example/cloud-atlas/".to_string(), None)
    );
    let (s, _) = resolve_site(None, "https://cdn.example/a/b/").unwrap();
    assert_eq!(s.url("feed.xml"), "https://cdn.example/a/b/feed.xml");
    let (s, w) = resolve_site(None, "/cloud-atlas/e2e/").unwrap();
    assert_eq!(s.url(""), "http://127.0.0.1:8080/cloud-atlas/e2e/");
    assert!(w.unwrap().contains("ATLAS_SITE_URL"));
    let err = resolve_site(Some("https://atlas.example/other/"), "/cloud-atlas/").unwrap_err();
    assert!(
        err.contains("/other/") && err.contains("/cloud-atlas/"),
        "{err}"
    );
    assert!(resolve_site(Some("atlas.example/x/"), "/x/").is_err());
}
