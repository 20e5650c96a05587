//! Build step (trunk post-build hook, `scripts/post-build.sh`): writes the page at
//! the empty query into the staged `index.html`, so the first paint comes from
//! HTML. Reads the staged dataset and country shapes, the very files the build
//! ships; the markup is the app's own components rendered to HTML
//! (`cloud_atlas::app::first_paint`).
//!
//! Usage: `prerender STAGING_DIR` (trunk's `TRUNK_STAGING_DIR`).
//!
//! It writes three things into `index.html`:
//! - the page, between `<!-- prerender -->` and `<!-- /prerender -->`;
//! - at `<!-- prerender:head -->`, the inline boot script (its hash goes into the
//!   CSP afterwards) and a link to `page-<hash>.css`, the providers'
//!   colours and the rules per view as a stylesheet file (the CSP allows no
//!   inline style);
//! - the `pre` class and `data-prerender` on `<div id="app">`, which the app
//!   looks for to take over without a flash (`cloud_atlas::app::boot`).

use cloud_atlas::app::first_paint;
use cloud_atlas::core::filter::Catalog;
use cloud_atlas::core::geo::Shapes;
use cloud_atlas::core::lang::Lang;
use cloud_atlas::core::load::parse_dataset;
use cloud_atlas::present::feed::{atom, json, resolve_site, Feed};
use cloud_atlas::present::markup::prerender::{boot_script, page_css};
use cloud_atlas::present::markup::subscribe::head_links;
use std::path::Path;
use std::process::ExitCode;

const APP: &str = "<div id=\"app\" class=\"app\">";

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: prerender STAGING_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(&dir)) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(dir: &Path) -> Result<String, String> {
    let index = dir.join("index.html");
    let html = read(&index)?;
    let loaded = parse_dataset(&read(&dir.join("data/atlas.json"))?)
        .map_err(|e| format!("the dataset does not load: {e}"))?;
    if !loaded.skipped.is_empty() {
        return Err(format!(
            "the shipped dataset skips {} record(s); fix them before building",
            loaded.skipped.len()
        ));
    }
    let shapes: Shapes = serde_json::from_str(&read(&dir.join("geo/world.json"))?)
        .map_err(|e| format!("geo/world.json: {e}"))?;
    let cat = Catalog::new(loaded.dataset.clone());

    let css = page_css(&cat.data);
    let css_name = format!("page-{:016x}.css", fnv1a(css.as_bytes()));
    std::fs::write(dir.join(&css_name), &css).map_err(|e| format!("{css_name}: {e}"))?;

    let feeds = write_feeds(dir, &cat)?;

    let body = first_paint::page(loaded, Some(shapes));
    let head = format!(
        "<script>{}</script>\n  <link rel=\"stylesheet\" href=\"{css_name}\">\n  {}",
        boot_script(&cat.data),
        head_links(&cat.data)
    );
    let html = splice(&html, &body, &head)?;
    std::fs::write(&index, &html).map_err(|e| format!("{}: {e}", index.display()))?;
    Ok(format!(
        "prerender: {} bytes of page, {} regions, {css_name}, {feeds}",
        body.len(),
        cat.data.regions.len()
    ))
}

/// Every feed (`cloud_atlas::present::feed`), in Atom and JSON Feed, beside index.html.
/// The site's address comes from `ATLAS_SITE_URL` or trunk's public URL.
fn write_feeds(dir: &Path, cat: &Catalog) -> Result<String, String> {
    let public = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_else(|_| "/".into());
    let (site, warning) = resolve_site(std::env::var("ATLAS_SITE_URL").ok().as_deref(), &public)?;
    if let Some(w) = warning {
        eprintln!("prerender: {w}");
    }
    let mut n = 0;
    for lang in Lang::ALL {
        let cat = Catalog::new(cat.data.clone()).with_lang(lang);
        for feed in Feed::all(&cat).into_iter().filter(|f| f.lang == lang) {
            for (ext, text) in [
                ("xml", atom(&cat, &feed, &site)),
                ("json", json(&cat, &feed, &site)),
            ] {
                let name = format!("{}.{ext}", feed.stem());
                std::fs::write(dir.join(&name), text).map_err(|e| format!("{name}: {e}"))?;
                n += 1;
            }
        }
    }
    Ok(format!("{n} feeds for {}", site.url("")))
}

/// Puts the page and the head additions at their markers; fails when one is missing,
/// so a changed `index.html` cannot silently ship without its first paint.
fn splice(html: &str, body: &str, head: &str) -> Result<String, String> {
    let (open, close, at_head) = (
        "<!-- prerender -->",
        "<!-- /prerender -->",
        "<!-- prerender:head -->",
    );
    let start = html
        .find(open)
        .ok_or("index.html has no <!-- prerender --> marker")?;
    let end = html
        .find(close)
        .ok_or("index.html has no <!-- /prerender --> marker")?;
    if end < start || !html.contains(at_head) || !html.contains(APP) {
        return Err(format!(
            "index.html needs {open}…{close}, {at_head} and {APP}"
        ));
    }
    let out = format!("{}{body}{}", &html[..start], &html[end + close.len()..]);
    Ok(out.replacen(at_head, head, 1).replacen(
        APP,
        &format!(
            "<div id=\"app\" class=\"app pre\" {}>",
            cloud_atlas::present::hooks::PRERENDER
        ),
        1,
    ))
}

/// FNV-1a, 64 bits: a stable content hash for the stylesheet's name (cache busting).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use cloud_atlas::core::filter::{select, Catalog};
    use cloud_atlas::core::load::{parse_dataset, Loaded};
    use cloud_atlas::present::markup::escape;
    use cloud_atlas::present::markup::prerender::{keyed_states, KEYED};
    use cloud_atlas::present::words;

    fn shipped() -> Loaded {
        let text = std::fs::read_to_string("public/data/atlas.json").expect("the shipped dataset");
        parse_dataset(&text).expect("it loads")
    }

    /// The page is the app's components rendered to HTML: the masthead, every control
    /// of the filter bar, the tabs, the counts and summary, the share bar and one marker
    /// per region, with no test id (the tests find the live app by them).
    #[test]
    fn the_page_carries_the_apps_controls_the_summary_counts_and_one_marker_per_region() {
        let loaded = shipped();
        let cat = Catalog::new(loaded.dataset.clone());
        let sel = select(&cat, &Default::default());
        let html = super::first_paint::page(loaded, None);
        assert!(html.contains(&escape(&words::summary(&cat, &sel))));
        assert!(html.contains(&escape(&words::counts_line(&cat, &sel))));
        let markers = html.matches("width=\"16\" height=\"16\" viewBox").count();
        assert_eq!(markers, sel.regions.len());
        for part in [
            "class=\"masthead__lang\"",
            "class=\"filters\"",
            "data-facet=\"area\"",
            "data-facet=\"status\"",
            "class=\"years__input\"",
            "class=\"search\"",
            "href=\"?view=table\"",
            "class=\"share\"",
            "class=\"map-tools\"",
            "<noscript>",
        ] {
            assert!(html.contains(part), "{part}");
        }
        assert!(!html.contains("data-testid"));
    }

    /// A shared link to one provider, one area or both paints its own counts and
    /// summary from HTML: the page carries each keyed state's, hidden, written by the
    /// same words from the same selection as the app's.
    #[test]
    fn each_keyed_state_carries_its_counts_and_summary() {
        let loaded = shipped();
        let cat = Catalog::new(loaded.dataset.clone());
        let html = super::first_paint::page(loaded, None);
        let states = keyed_states(&cat.data);
        assert!(!states.is_empty());
        for (key, f) in &states {
            let s = select(&cat, f);
            let spans: Vec<&str> = html
                .split("<span ")
                .filter(|t| t.contains(&format!("data-k=\"{key}\"")))
                .collect();
            assert_eq!(spans.len(), 2, "{key}");
            for (span, text) in spans
                .iter()
                .zip([words::counts_line(&cat, &s), words::summary(&cat, &s)])
            {
                let (attrs, rest) = span.split_once('>').expect("a tag");
                assert!(
                    attrs.contains(KEYED) && attrs.contains("hidden"),
                    "{key}: {attrs}"
                );
                assert!(
                    rest.starts_with(&format!("{}</span>", escape(&text))),
                    "{key}: {rest}"
                );
            }
        }
    }
}
