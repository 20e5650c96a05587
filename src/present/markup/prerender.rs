//! What the build's pre-render needs besides the page itself: the states it carries,
//! its stylesheet and its boot script.
//!
//! The page at the empty query is written into `index.html` at build time
//! (`src/bin/prerender.rs`, a trunk post-build hook), so the first paint comes from
//! HTML instead of waiting for the wasm and the dataset. Its markup is the app's
//! own components rendered to HTML (`cloud_atlas::app::first_paint`); nothing here
//! writes a control. The end-to-end test `prerender.test.mjs` still holds the two
//! renders equal (text and boxes), so LCP does not restart and nothing moves when
//! the app takes over.
//!
//! What is pre-rendered, and why: the masthead, filter bar, tabs, counts line
//! and summary of every view (they are the same at the empty query), plus the
//! map, the default view. The summary is the largest text, so it is the LCP
//! element on all seven views, and it paints from HTML. The timeline, head to
//! head and table bodies are not pre-rendered: measured, they would add
//! 83 KB, 33 KB and 57 KB of HTML (raw) to every visit for no gain in LCP,
//! and the view below the summary pushes nothing down when it arrives.
//!
//! Which state the HTML may show is decided before first paint by
//! [`boot_script`]; everything else about the hand-over is in `cloud_atlas::app::boot`.

use atlas_core::query::{to_query, Filters, View};

/// The map's inner width in CSS pixels in a 1280 px wide window, the width the
/// pre-render spaces crowded markers for. At other widths the app re-spaces them
/// when it takes over (new nodes, so no layout shift is counted).
pub const MAP_PX: f64 = 1118.0;

/// The class of the pre-render's counts and summary, one per keyed state.
pub const KEYED: &str = "pre-k";

/// The filtered states whose counts and summary the page also carries, so that a
/// shared link to one paints its figures from HTML instead of waiting for the app:
/// one provider, one area, or one of each (with any view, since neither the counts
/// nor the summary depend on it). They are the links the app's own feeds and most
/// shared links carry, and few (providers + 1) × (areas + 1) − 1. Each is keyed
/// `provider.area` (a part empty when not filtered), which the boot script computes
/// from the address; an id that is not plain lower-case letters, digits and hyphens
/// gets no key (it could not be written into a selector unescaped).
///
/// Measured against the page without them: see README, "First paint".
pub fn keyed_states(d: &atlas_core::model::Dataset) -> Vec<(String, Filters)> {
    let plain = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    // Each id that may be a key, after `None` (not filtered by that key).
    let options = |ids: &mut dyn Iterator<Item = &'_ str>| -> Vec<Option<String>> {
        std::iter::once(None)
            .chain(ids.filter(|id| plain(id)).map(|id| Some(id.to_string())))
            .collect()
    };
    let providers = options(&mut d.providers.iter().map(|p| p.id.as_str()));
    let areas = options(&mut d.areas.iter().map(|a| a.id.as_str()));
    let mut out = Vec::new();
    for provider in &providers {
        for area in &areas {
            if provider.is_none() && area.is_none() {
                continue;
            }
            let f = Filters {
                providers: provider.iter().cloned().collect(),
                areas: area.iter().cloned().collect(),
                ..Filters::default()
            };
            let key = format!(
                "{}.{}",
                provider.as_deref().unwrap_or(""),
                area.as_deref().unwrap_or("")
            );
            out.push((key, f));
        }
    }
    out
}

/// The providers' colours as a stylesheet (`:root` custom properties), for the
/// pre-render to paint in colour before the app sets the same properties through
/// the CSSOM (`cloud_atlas::app`); a file, because the CSP allows no inline style.
pub fn page_css(d: &atlas_core::model::Dataset) -> String {
    let mut css = String::from(":root {");
    for (name, value) in crate::theme::custom_properties(d) {
        css.push_str(&format!(" {name}: {value};"));
    }
    css.push_str(" }\n");
    css.push_str(&view_css());
    css.push_str(&keyed_css(d));
    css
}

/// Which of the pre-render's counts and summaries shows ([`keyed_states`]): the empty
/// query's, unless the boot script found a keyed state in the address
/// (`data-pre-key`); then that state's, even though the page is otherwise `stale`
/// (markers, shading and facet counts stay hidden: they are the empty query's).
pub fn keyed_css(d: &atlas_core::model::Dataset) -> String {
    let keys: Vec<String> = keyed_states(d).into_iter().map(|(k, _)| k).collect();
    let mut css = format!(
        "[data-pre-key] .pre .{KEYED}[data-k=\"\"] {{ display: none; }}\n\
[data-pre=\"stale\"][data-pre-key] .pre :is(.counts, .summary) {{ visibility: visible; }}\n"
    );
    if !keys.is_empty() {
        let shown: Vec<String> = keys
            .iter()
            .map(|k| format!("[data-pre-key=\"{k}\"] .pre .{KEYED}[data-k=\"{k}\"]"))
            .collect();
        css.push_str(&format!("{} {{ display: inline; }}\n", shown.join(",\n")));
    }
    css
}

/// The pre-render's rules that follow the list of views ([`View::ALL`]), written
/// here so that a new view cannot be missing from them. The page is the map; for an
/// address that asks for another view (`data-pre-view`, set by [`boot_script`]),
/// the map's workspace and any picture button the view lacks
/// ([`crate::export::has_picture`]) are hidden, and that view's tab is marked.
pub fn view_css() -> String {
    let on = |v: View| format!("[data-pre-view=\"{}\"]", v.id());
    let rule = |views: &mut dyn Iterator<Item = View>, tail: &str, body: &str| {
        let sel: Vec<String> = views.map(on).collect();
        if sel.is_empty() {
            String::new()
        } else {
            format!(":is({}) .pre {tail} {{ {body} }}\n", sel.join(", "))
        }
    };
    let others = || View::ALL.into_iter().filter(|v| *v != View::Map);
    let mut css = rule(&mut others(), ".workspace", "display: none;");
    css += &rule(
        &mut others().filter(|v| !crate::export::has_picture(*v)),
        &format!(".{}", crate::hooks::PICTURE_BUTTON),
        "display: none;",
    );
    css += &rule(
        &mut others(),
        ".tab[aria-current]",
        "border-bottom-color: transparent; font-weight: inherit;",
    );
    let own: Vec<String> = others()
        .map(|v| format!("{} .pre .tab[data-view=\"{}\"]", on(v), v.id()))
        .collect();
    css += &format!(
        "{} {{ border-bottom-color: var(--accent); font-weight: 600; }}\n",
        own.join(",\n")
    );
    css
}

/// The inline script (its hash is in the page's CSP, `scripts/csp.mjs`) that runs
/// before first paint and tells the stylesheet which state the address asks for:
/// `data-pre` is `map`, `timeline`, `compare`, `table`, `coverage`, `changes` or `promises` when the pre-rendered
/// HTML shows exactly that state (empty query, a bare `view=`, and the dataset
/// version `d=` of this build, which a copied link carries), else `stale`: the
/// boxes stay, the data in them is hidden until the app has rendered the state.
/// `data-pre-view` names the view the address asks for, so the right tab is marked;
/// `embed=1` (a different layout) gives `data-pre="embed"`, which hides it all.
/// `data-pre-key` names the keyed state ([`keyed_states`]) an address asks for when
/// it asks for nothing else (any view; this build's stamp), so its counts and
/// summary show from HTML.
/// `data-since` marks a link stamped with another data version than this build's:
/// the loader (Trunk.toml) then fetches the "changed since" notice's code early.
pub fn boot_script(d: &atlas_core::model::Dataset) -> String {
    let stamp = to_query(&Filters {
        d: Some(d.version.clone()),
        ..Filters::default()
    });
    let stamp = serde_json::to_string(&stamp).unwrap_or_else(|_| "\"\"".into());
    let keys: Vec<String> = keyed_states(d).into_iter().map(|(k, _)| k).collect();
    let keys = serde_json::to_string(&keys).unwrap_or_else(|_| "[]".into());
    // The views other than the map, as the URL names them: ids are lower-case
    // letters (a test holds them to it), so they need no escaping in the regex.
    let others: Vec<&str> = View::ALL
        .into_iter()
        .filter(|v| *v != View::Map)
        .map(View::id)
        .collect();
    format!(
        "(function(){{var s=location.search.slice(1),p=s.split('&').filter(function(x){{return x&&x!=={stamp}}}),\
m=/(?:^|&)view=({views})(?:&|$)/.exec(s),v=m?m[1]:'map',\
ok=p.length===0||(p.length===1&&p[0]==='view='+v),r=document.documentElement;\
r.setAttribute('data-pre',/(?:^|&)embed=1(?:&|$)/.test(s)?'embed':ok?v:'stale');r.setAttribute('data-pre-view',v);\
if(p.some(function(x){{return /^d=/.test(x)}}))r.setAttribute('data-since','');\
var k={{}},one=p.every(function(x){{var m=/^(view|provider|area)=([a-z0-9-]+)$/.exec(x);\
if(!m||k[m[1]]!==undefined)return false;k[m[1]]=m[2];return true}}),\
key=(k.provider||'')+'.'+(k.area||'');\
if(one&&(!k.view||k.view===v)&&{keys}.indexOf(key)>=0)r.setAttribute('data-pre-key',key);\
if(/(?:^|&)lang=zh(?:&|$)/i.test(s))r.lang='zh-Hans'}})();",
        views = others.join("|"),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Symptom: a link to the coverage view showed the pre-render without its
    /// SVG and PNG buttons, which appeared when the app took over (the stylesheet
    /// and the share bar kept two lists of the views with a picture).
    #[test]
    fn every_view_but_the_map_has_its_pre_render_rules_and_its_boot_pattern() {
        let css = view_css();
        let (cat, _) = crate::markup::tests::fixture();
        let script = boot_script(&cat.data);
        for v in View::ALL {
            assert!(v.id().bytes().all(|b| b.is_ascii_lowercase()), "{v:?}");
            let marked = format!(
                "[data-pre-view=\"{0}\"] .pre .tab[data-view=\"{0}\"]",
                v.id()
            );
            let image_rule = css.lines().find(|l| l.contains(".pre .share__picture"));
            let hides_image =
                image_rule.is_some_and(|l| l.contains(&format!("[data-pre-view=\"{}\"]", v.id())));
            if v == View::Map {
                assert!(!css.contains(&marked));
                assert!(!hides_image);
            } else {
                assert!(css.contains(&marked), "{v:?}: {css}");
                assert_eq!(hides_image, !crate::export::has_picture(v), "{v:?}");
                assert!(script.contains(v.id()), "{v:?}: {script}");
            }
        }
    }

    #[test]
    fn the_boot_script_names_the_build_version() {
        let (cat, _) = crate::markup::tests::fixture();
        let s = boot_script(&cat.data);
        assert!(s.contains(&format!("\"d={}\"", cat.data.version)), "{s}");
        assert!(!s.contains("</script"), "{s}");
    }

    /// Each keyed state has its key in the boot script and its rule in the stylesheet
    /// (the page's spans are tested where the page is written, `src/bin/prerender.rs`).
    #[test]
    fn each_keyed_state_has_its_key_and_rule() {
        let (cat, _) = crate::markup::tests::fixture();
        let states = keyed_states(&cat.data);
        let (p, a) = (cat.data.providers.len(), cat.data.areas.len());
        assert_eq!(states.len(), (p + 1) * (a + 1) - 1);
        let (script, css) = (boot_script(&cat.data), page_css(&cat.data));
        for (key, _) in &states {
            assert!(script.contains(&format!("\"{key}\"")), "{key}: {script}");
            assert!(
                css.contains(&format!(
                    "[data-pre-key=\"{key}\"] .pre .{KEYED}[data-k=\"{key}\"]"
                )),
                "{key}"
            );
        }
    }

    #[test]
    fn an_id_that_a_selector_could_not_hold_gets_no_key() {
        let (cat, _) = crate::markup::tests::fixture();
        let mut d = cat.data.clone();
        d.providers[0].id = "a\"b".into();
        let keys: Vec<String> = keyed_states(&d).into_iter().map(|(k, _)| k).collect();
        assert!(keys.iter().all(|k| !k.contains('"')), "{keys:?}");
        assert_eq!(keys.len(), d.providers.len() * (d.areas.len() + 1) - 1);
    }

    #[test]
    fn provider_colours_become_root_properties() {
        let (cat, _) = crate::markup::tests::fixture();
        let css = page_css(&cat.data);
        assert!(
            css.starts_with(":root {") && css.contains("--prov-0-light:"),
            "{css}"
        );
    }
}
