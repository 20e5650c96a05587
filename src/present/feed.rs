//! The dataset as feeds, written at build time (`src/bin/prerender.rs`): an Atom
//! feed and a JSON Feed 1.1 of the events and of each data update, newest first,
//! for everything and for each provider, in English and in Chinese.
//!
//! Feeds need absolute links, and a static build does not know where it will be
//! served; the build is told by `ATLAS_SITE_URL` (see the README, "Feeds"). Each
//! entry's id is the record's language-neutral permalink (`<site>?sel=<id>`), so it
//! stays the same while the record changes and across the two languages; its link
//! adds the language and the data version, so a reader following an old entry is
//! told what changed since.
//!
//! Order: by the day the entry last changed in the data (the edition that added or
//! changed the record; a record from before the change log dates from the log's
//! first edition), then by the event's own date, newest first. A new record about
//! an old event thus reaches subscribers as news, with its own date kept as
//! `published`.

use crate::catalog::T;
use crate::export::{xml_chars, xml_escape};
use crate::i18n::Speak;
use atlas_core::date::PartialDate;
use atlas_core::filter::{Catalog, Record};
use atlas_core::lang::Lang;
use atlas_core::model::{ChangeKind, Edition, Event};
use atlas_core::query::{to_query, Filters};
use std::collections::HashMap;

/// The site's absolute address, ending in `/` (the app's page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site(String);

impl Site {
    /// An absolute `http(s)` URL with a host and no query or fragment; a missing
    /// final `/` is added (the app lives in a directory).
    pub fn new(url: &str) -> Result<Site, String> {
        let url = url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("\"{url}\" is not an absolute http(s) URL"))?;
        let host = rest.split('/').next().unwrap_or("");
        if host.is_empty() || host.contains(['?', '#', ' ', '@']) {
            return Err(format!("\"{url}\" has no usable host"));
        }
        if url.contains(['?', '#']) || url.chars().any(char::is_whitespace) {
            return Err(format!(
                "\"{url}\" must not hold a query, fragment or spaces"
            ));
        }
        let mut s = url.to_string();
        if !s.ends_with('/') {
            s.push('/');
        }
        Ok(Site(s))
    }

    /// The path part (`/cloud-atlas/`), which must be the build's public URL.
    pub fn path(&self) -> &str {
        let rest = self.0.split_once("//").map_or("", |(_, r)| r);
        rest.find('/').map_or("/", |i| &rest[i..])
    }

    pub fn url(&self, rel: &str) -> String {
        format!("{}{rel}", self.0)
    }

    fn page(&self, f: &Filters) -> String {
        match to_query(f) {
            q if q.is_empty() => self.0.clone(),
            q => format!("{}?{q}", self.0),
        }
    }
}

/// One feed: everything or one provider, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub provider: Option<String>,
    pub lang: Lang,
}

impl Feed {
    /// Every feed the build writes.
    pub fn all(cat: &Catalog) -> Vec<Feed> {
        let providers =
            std::iter::once(None).chain(cat.data.providers.iter().map(|p| Some(p.id.clone())));
        providers
            .flat_map(|provider| {
                Lang::ALL.map(|lang| Feed {
                    provider: provider.clone(),
                    lang,
                })
            })
            .collect()
    }

    /// The file name without extension: `feed`, `feed-<provider>`, `.zh` for Chinese.
    pub fn stem(&self) -> String {
        let mut s = String::from("feed");
        if let Some(p) = &self.provider {
            s.push('-');
            s.push_str(p);
        }
        if self.lang == Lang::Zh {
            s.push_str(".zh");
        }
        s
    }

    fn filters(&self) -> Filters {
        Filters {
            providers: self.provider.iter().cloned().collect(),
            lang: self.lang,
            ..Filters::default()
        }
    }
}

/// What a feed entry says, in the feed's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub url: String,
    pub title: String,
    pub text: String,
    pub html: String,
    /// RFC 3339.
    pub published: String,
    pub updated: String,
    pub tags: Vec<String>,
}

/// `2025` → `2025-01-01T00:00:00Z`: a partial date as its first instant.
fn instant(d: &PartialDate) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year,
        d.month.unwrap_or(1),
        d.day.unwrap_or(1)
    )
}

fn day_instant(version: &str) -> String {
    PartialDate::parse(version)
        .map(|d| instant(&d))
        .unwrap_or_else(|_| "1970-01-01T00:00:00Z".into())
}

/// Text for the JSON feed, held to the same characters as the Atom feed.
fn clean(s: &str) -> String {
    xml_chars(s).into_owned()
}

/// The edition each record last changed in (added or changed), by id.
fn last_changed(editions: &[Edition]) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    for e in editions {
        for c in &e.records {
            if c.change != ChangeKind::Removed {
                out.insert(c.id.as_str(), e.version.as_str());
            }
        }
    }
    out
}

/// The provider a logged record belongs to, when the data still holds it.
fn owner<'a>(cat: &'a Catalog, id: &str) -> Option<&'a str> {
    match cat.record(id)? {
        Record::Region(i) => Some(&cat.data.regions[i].provider),
        Record::Event(i) => Some(&cat.data.events[i].provider),
    }
}

fn event_item(cat: &Catalog, feed: &Feed, site: &Site, e: &Event, updated: &str) -> Item {
    let lang = cat.lang;
    let d = &cat.data;
    let title = cat.event_title(e).text.to_string();
    let mut facts = vec![
        lang.date(&e.date),
        lang.kind(e.kind).to_string(),
        cat.provider_name(&e.provider).to_string(),
    ];
    let place: Vec<String> = [
        e.city.as_deref().map(|c| cat.city_name(c).text.to_string()),
        e.iso2.as_deref().map(|i| cat.country_name(i).to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !place.is_empty() {
        facts.push(place.join(lang.pick(", ", "，")));
    }
    if let Some(usd) = e.amount_usd {
        facts.push(lang.usd(usd));
    }
    facts.push(lang.fill(T::FeedConfidence, &[lang.confidence(e.confidence)]));
    // Each link named by its publisher and the host it goes to, as on the page.
    let sources: Vec<(&str, String)> = e
        .sources
        .iter()
        .filter_map(|id| d.source(id))
        .map(|s| {
            let label = match &s.publisher {
                Some(p) => format!("{p} ({})", s.host()),
                None => s.url.clone(),
            };
            (s.url.as_str(), label)
        })
        .collect();
    let line = facts.join(" · ");
    let mut text = line.clone();
    let mut html = format!("<p>{}</p>", xml_escape(&line));
    if let Some(note) = &e.note {
        text.push_str(&format!("\n{note}"));
        html.push_str(&format!("<p lang=\"en\">{}</p>", xml_escape(note)));
    }
    if !sources.is_empty() {
        let label = lang.t(T::FeedSources);
        text.push_str(&format!(
            "\n{label}{}",
            sources
                .iter()
                .map(|(u, _)| *u)
                .collect::<Vec<_>>()
                .join(" ")
        ));
        html.push_str(&format!(
            "<p>{}{}</p>",
            xml_escape(label),
            sources
                .iter()
                .map(|(u, p)| format!("<a href=\"{}\">{}</a>", xml_escape(u), xml_escape(p)))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let neutral = Filters {
        sel: Some(e.id.clone()),
        ..Filters::default()
    };
    let link = Filters {
        sel: Some(e.id.clone()),
        lang: feed.lang,
        d: Some(d.version.clone()),
        ..Filters::default()
    };
    let mut tags = vec![
        lang.kind(e.kind).to_string(),
        cat.provider_name(&e.provider).to_string(),
    ];
    if let Some(iso) = &e.iso2 {
        tags.push(cat.country_name(iso).to_string());
    }
    let published = instant(&e.date);
    let updated = day_instant(updated).max(published.clone());
    Item {
        id: site.page(&neutral),
        url: site.page(&link),
        title,
        text,
        html,
        published,
        updated,
        tags,
    }
}

/// One data update as an entry: what it added, changed and removed (in this feed's
/// provider), linking to the app at the edition before, whose notice lists them.
fn update_item(cat: &Catalog, feed: &Feed, site: &Site, before: &str, e: &Edition) -> Option<Item> {
    let lang = cat.lang;
    let records: Vec<_> = e
        .records
        .iter()
        .filter(|c| match &feed.provider {
            None => true,
            Some(p) => owner(cat, &c.id) == Some(p.as_str()),
        })
        .collect();
    if records.is_empty() {
        return None;
    }
    let count = |k: ChangeKind| records.iter().filter(|c| c.change == k).count().to_string();
    let date = PartialDate::parse(&e.version)
        .map(|d| lang.date(&d))
        .unwrap_or_else(|_| e.version.clone());
    let title = lang.fill(
        T::FeedUpdate,
        &[
            &date,
            &count(ChangeKind::Added),
            &count(ChangeKind::Changed),
            &count(ChangeKind::Removed),
        ],
    );
    let mut text = String::new();
    let mut html = String::from("<ul>");
    for c in &records {
        let kind = lang.t(match c.change {
            ChangeKind::Added => T::SinceAdded,
            ChangeKind::Changed => T::SinceChanged,
            ChangeKind::Removed => T::SinceRemoved,
        });
        let name = match lang {
            Lang::Zh => c.title_zh.as_deref().unwrap_or(&c.title),
            Lang::En => &c.title,
        };
        let reason = match lang {
            Lang::Zh => c.reason_zh.as_deref().unwrap_or(&c.reason),
            Lang::En => &c.reason,
        };
        text.push_str(&format!(
            "{kind}{}{name} — {reason}\n",
            lang.pick(": ", "：")
        ));
        let named = match c.change {
            ChangeKind::Removed => xml_escape(name),
            _ => format!(
                "<a href=\"{}\">{}</a>",
                xml_escape(&site.page(&Filters {
                    sel: Some(c.id.clone()),
                    lang: feed.lang,
                    ..Filters::default()
                })),
                xml_escape(name)
            ),
        };
        html.push_str(&format!(
            "<li>{}{}{named} — {}</li>",
            xml_escape(kind),
            xml_escape(lang.pick(": ", "：")),
            xml_escape(reason)
        ));
    }
    html.push_str("</ul>");
    let at = Filters {
        d: Some(before.to_string()),
        ..feed.filters()
    };
    let neutral = Filters {
        d: Some(before.to_string()),
        providers: feed.provider.iter().cloned().collect(),
        ..Filters::default()
    };
    let instant = day_instant(&e.version);
    Some(Item {
        id: site.page(&neutral),
        url: site.page(&at),
        title,
        text: text.trim_end().to_string(),
        html,
        published: instant.clone(),
        updated: instant,
        tags: vec![lang.t(T::FeedUpdateTag).to_string()],
    })
}

/// The feed's entries, newest first (see the module's note on order).
pub fn items(cat: &Catalog, feed: &Feed, site: &Site) -> Vec<Item> {
    let d = &cat.data;
    let changed = last_changed(&d.changes);
    let floor = d
        .changes
        .first()
        .map_or(d.version.as_str(), |e| e.version.as_str());
    let mut out: Vec<Item> = d
        .events
        .iter()
        .filter(|e| feed.provider.as_ref().is_none_or(|p| *p == e.provider))
        .map(|e| {
            let updated = changed.get(e.id.as_str()).copied().unwrap_or(floor);
            event_item(cat, feed, site, e, updated)
        })
        .collect();
    out.extend(
        d.changes
            .windows(2)
            .filter_map(|w| update_item(cat, feed, site, &w[0].version, &w[1])),
    );
    out.sort_by(|a, b| {
        b.updated
            .cmp(&a.updated)
            .then(b.published.cmp(&a.published))
            .then(a.id.cmp(&b.id))
    });
    out
}

fn feed_title(cat: &Catalog, feed: &Feed) -> String {
    let lang = cat.lang;
    match &feed.provider {
        None => lang.t(T::FeedTitle).to_string(),
        Some(p) => lang.fill(T::FeedTitleOne, &[cat.provider_name(p)]),
    }
}

/// The Atom feed (RFC 4287).
pub fn atom(cat: &Catalog, feed: &Feed, site: &Site) -> String {
    let lang = cat.lang;
    let items = items(cat, feed, site);
    let updated = items
        .iter()
        .map(|i| i.updated.as_str())
        .max()
        .map_or_else(|| day_instant(&cat.data.version), str::to_string);
    let self_url = site.url(&format!("{}.xml", feed.stem()));
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <id>{}</id>\n<title>{}</title>\n<subtitle>{}</subtitle>\n<updated>{updated}</updated>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <author><name>{}</name></author>\n<rights>{}</rights>\n<generator>{}</generator>\n",
        lang.tag(),
        xml_escape(&self_url),
        xml_escape(&feed_title(cat, feed)),
        xml_escape(lang.t(T::FeedSubtitle)),
        xml_escape(&self_url),
        xml_escape(&site.page(&feed.filters())),
        xml_escape(lang.t(T::SiteName)),
        xml_escape(&cat.data.license),
        xml_escape(lang.t(T::SiteName)),
    );
    for i in &items {
        s.push_str(&format!(
            "<entry>\n<id>{}</id>\n<title>{}</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
             <published>{}</published>\n<updated>{}</updated>\n",
            xml_escape(&i.id),
            xml_escape(&i.title),
            xml_escape(&i.url),
            i.published,
            i.updated
        ));
        for t in &i.tags {
            s.push_str(&format!("<category term=\"{}\"/>\n", xml_escape(t)));
        }
        s.push_str(&format!(
            "<summary>{}</summary>\n<content type=\"html\">{}</content>\n</entry>\n",
            xml_escape(&i.text),
            xml_escape(&i.html)
        ));
    }
    s.push_str("</feed>\n");
    s
}

/// The JSON Feed (version 1.1).
pub fn json(cat: &Catalog, feed: &Feed, site: &Site) -> String {
    let lang = cat.lang;
    let items: Vec<serde_json::Value> = items(cat, feed, site)
        .into_iter()
        .map(|i| {
            serde_json::json!({
                "id": i.id,
                "url": i.url,
                "title": clean(&i.title),
                "content_html": clean(&i.html),
                "content_text": clean(&i.text),
                "date_published": i.published,
                "date_modified": i.updated,
                "tags": i.tags,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed_title(cat, feed),
        "description": lang.t(T::FeedSubtitle),
        "home_page_url": site.page(&feed.filters()),
        "feed_url": site.url(&format!("{}.json", feed.stem())),
        "language": lang.tag(),
        "authors": [{ "name": lang.t(T::SiteName) }],
        "items": items,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// Where the build's feeds point: `ATLAS_SITE_URL` when given, else the public
/// URL when trunk was given an absolute one, else `trunk serve`'s own address
/// (`http://127.0.0.1:8080`) under the public path, with a warning for the build's
/// log: such feeds only work on the machine that built them. A site URL whose path
/// is not the build's public path is refused, since every link would miss.
pub fn resolve_site(
    site_url: Option<&str>,
    public_url: &str,
) -> Result<(Site, Option<String>), String> {
    let public = if public_url.is_empty() {
        "/"
    } else {
        public_url
    };
    let absolute = public.starts_with("http://") || public.starts_with("https://");
    let (site, warning) = match site_url.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => (Site::new(s)?, None),
        None if absolute => (Site::new(public)?, None),
        None => {
            let s = Site::new(&format!("http://127.0.0.1:8080{public}"))?;
            let w = format!(
                "feeds: ATLAS_SITE_URL is not set, so the feeds' links point at {}; set it to the address the site is published at",
                s.url("")
            );
            (s, Some(w))
        }
    };
    let want = if absolute {
        Site::new(public)?.path().to_string()
    } else {
        let mut p = public.to_string();
        if !p.ends_with('/') {
            p.push('/');
        }
        p
    };
    if site.path() != want {
        return Err(format!(
            "ATLAS_SITE_URL {} has the path {}, but the build's public URL is {want}",
            site.url(""),
            site.path()
        ));
    }
    Ok((site, warning))
}
