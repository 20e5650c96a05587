//! The page at the empty query, written into `index.html` at build time
//! (`src/bin/prerender.rs`, a trunk post-build hook), so the first paint comes
//! from HTML instead of waiting for the wasm and the dataset.
//!
//! It is the app's first render as static markup: the same words
//! (`crate::words`), legend, country layer and marker placement
//! (`super::map`) the live view uses, in the same element boxes. The
//! end-to-end test `prerender.test.mjs` holds the two equal (text and boxes)
//! so LCP does not restart and nothing moves when the app takes over.
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

use super::map::{layer, map_legend, marker_class, placed_markers};
use super::{a, Html};
use crate::catalog::T;
use crate::i18n::Speak;
use crate::theme::{marker_icon, market_icon, slot};
use crate::words;
use atlas_core::filter::{select, Catalog, Selection};
use atlas_core::geo::{Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
use atlas_core::model::{Kind, Status};
use atlas_core::query::{to_query, Filters, View};
use std::collections::BTreeMap;

/// The map's inner width in CSS pixels in a 1280 px wide window, the width the
/// pre-render spaces crowded markers for. At other widths the app re-spaces them
/// when it takes over (new nodes, so no layout shift is counted).
pub const MAP_PX: f64 = 1118.0;

/// The class of the pre-render's counts and summary, one per keyed state.
const KEYED: &str = "pre-k";

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

/// The inside of `<div id="app">` at the empty query.
pub fn page(cat: &Catalog, sel: &Selection, shapes: Option<&Shapes>) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let mut h = Html::new();
    h.open("header", &[a("class", "masthead")])
        .el("h1", &[a("class", "masthead__title")], lang.t(T::SiteName))
        .el(
            "p",
            &[a("class", "masthead__tagline")],
            &words::tagline(d, lang),
        );
    // The language switch, as the app writes it (`cloud_atlas::app::LangSwitch`).
    let other = lang.other();
    let href = format!(
        "?{}",
        to_query(&Filters {
            lang: other,
            ..Filters::default()
        })
    );
    h.el(
        "a",
        &[
            a("class", "masthead__lang"),
            a("href", &href),
            a("hreflang", other.tag()),
            a("lang", other.tag()),
            a("title", lang.t(T::SwitchLangLabel)),
            a("data-testid", "lang-switch"),
        ],
        lang.t(T::SwitchLang),
    );
    h.open("div", &[a("class", "masthead__feeds")]);
    super::subscribe::write(&mut h, lang, Some(d));
    h.close("div").close("header");
    filterbar(&mut h, cat, sel);
    h.open(
        "main",
        &[a("class", "view"), a("id", "main"), a("tabindex", "-1")],
    );
    h.open("noscript", &[])
        .open("div", &[a("class", "notice")])
        .el("p", &[], lang.t(T::NoScriptNote))
        .open("p", &[])
        .text(lang.t(T::NoScriptData))
        .el(
            "a",
            &[a("href", "data/atlas.json")],
            lang.t(T::DownloadDatasetJson),
        )
        .text(".")
        .close("p")
        .close("div")
        .close("noscript");
    h.open(
        "nav",
        &[a("class", "tabs"), a("aria-label", lang.t(T::Views))],
    );
    for v in View::ALL {
        let q = to_query(&Filters {
            view: v,
            ..Filters::default()
        });
        let href = if q.is_empty() {
            "./".to_string()
        } else {
            format!("?{q}")
        };
        h.el(
            "a",
            &[
                a("class", "tab"),
                a("href", &href),
                ("aria-current", (v == View::Map).then_some("page".into())),
                a("data-view", v.id()),
            ],
            lang.view(v),
        );
    }
    h.close("nav");
    // The counts and the summary of the empty query, then of each keyed state
    // ([`keyed_states`]), `hidden` (so no reader, screen reader or page without the
    // stylesheet shows them); the stylesheet shows the one the address asks for.
    let states = keyed_states(d);
    let alternatives: Vec<(&str, Selection)> = states
        .iter()
        .map(|(key, f)| (key.as_str(), select(cat, f)))
        .collect();
    let each = |h: &mut Html, text: &dyn Fn(&Selection) -> String| {
        h.el("span", &[a("class", KEYED), a("data-k", "")], &text(sel));
        for (key, s) in &alternatives {
            h.el(
                "span",
                &[a("class", KEYED), a("data-k", *key), a("hidden", "")],
                &text(s),
            );
        }
    };
    h.open("p", &[a("class", "counts")]);
    each(&mut h, &|s| words::counts_line(cat, s));
    h.el(
        "span",
        &[a("class", "counts__version")],
        &lang.fill(T::DatasetVersion, &[&d.version]),
    )
    .close("p");
    h.open("p", &[a("class", "summary")]);
    each(&mut h, &|s| words::summary(cat, s));
    h.close("p");
    share(&mut h, cat, sel);
    h.open("div", &[a("class", "workspace")])
        .open("div", &[a("class", "workspace__view")]);
    map(&mut h, cat, sel, shapes);
    h.close("div").close("div").close("main");
    h.finish()
}

fn button(h: &mut Html, class: &'static str, label: &str) {
    h.el("button", &[a("class", class), a("type", "button")], label);
}

fn filterbar(h: &mut Html, cat: &Catalog, sel: &Selection) {
    let (d, lang) = (&cat.data, cat.lang);
    h.open("div", &[a("class", "filterbar")]).el(
        "button",
        &[
            a("class", "button button--quiet filterbar__drawer-toggle"),
            a("type", "button"),
            a("aria-expanded", "false"),
            a("aria-controls", "filters"),
        ],
        lang.t(T::Filters),
    );
    h.open(
        "form",
        &[
            a("class", "filters"),
            a("id", "filters"),
            a("role", "search"),
            a("aria-label", lang.t(T::Filters)),
        ],
    );
    h.open(
        "div",
        &[
            a("class", "filters__group"),
            a("role", "group"),
            a("aria-label", lang.t(T::Providers)),
        ],
    );
    for (id, name) in cat.lanes() {
        let icon = d
            .provider(&id)
            .map_or_else(market_icon, |p| marker_icon(p.shape()));
        h.open(
            "button",
            &[
                a("class", format!("chip {}", slot(d, &id)).as_str()),
                a("type", "button"),
                a("aria-pressed", "false"),
            ],
        )
        .open(
            "svg",
            &[
                a("class", "chip__mark marker__shape"),
                a("viewBox", "-8 -8 16 16"),
                a("aria-hidden", "true"),
                a("focusable", "false"),
            ],
        )
        .raw(&icon)
        .close("svg")
        .text(&format!("{name} "))
        .el(
            "span",
            &[a("class", "count")],
            &count(&sel.facets.providers, &id),
        )
        .close("button");
    }
    h.close("div");
    let areas: Vec<(String, String, String)> = d
        .areas
        .iter()
        .map(|x| {
            (
                x.id.clone(),
                cat.area_name(x).to_string(),
                count(&sel.facets.areas, &x.id),
            )
        })
        .collect();
    menu(h, lang.t(T::Area), "area", &areas);
    let mut countries: Vec<(String, String, String)> = cat
        .countries
        .iter()
        .map(|(c, n)| (c.clone(), n.clone(), count(&sel.facets.countries, c)))
        .collect();
    atlas_core::sort::sort_vec(&mut countries, &|x, y| x.1.cmp(&y.1));
    menu(h, lang.t(T::Country), "country", &countries);
    let (first, last) = cat.years;
    h.open("fieldset", &[a("class", "years")]).el(
        "legend",
        &[a("class", "years__legend")],
        lang.t(T::Years),
    );
    for (from, value) in [(true, first), (false, last)] {
        let label = lang.t(if from { T::FromYear } else { T::ToYear });
        h.void(
            "input",
            &[
                a("class", "years__input"),
                a("type", "number"),
                a("inputmode", "numeric"),
                a("aria-label", label),
                a("min", first.to_string().as_str()),
                a("max", last.to_string().as_str()),
                a("value", value.to_string().as_str()),
            ],
        );
        if from {
            h.el("span", &[a("aria-hidden", "true")], "–");
        }
    }
    h.close("fieldset");
    let kinds = counted(&Kind::ALL, &sel.facets.kinds, |k| (k.id(), lang.kind(*k)));
    menu(h, lang.t(T::EventKind), "kind", &kinds);
    let statuses = counted(&Status::ALL, &sel.facets.statuses, |s| {
        (s.id(), lang.status(*s))
    });
    menu(h, lang.t(T::RegionStatus), "status", &statuses);
    h.void(
        "input",
        &[
            a("class", "search"),
            a("type", "search"),
            a("placeholder", lang.t(T::SearchPlaceholder)),
            a("aria-label", lang.t(T::SearchLabel)),
            a("maxlength", "200"),
        ],
    );
    h.open("div", &[a("class", "filters__actions")]).el(
        "button",
        &[
            a("class", "button button--quiet"),
            a("type", "button"),
            a("disabled", ""),
        ],
        lang.t(T::Reset),
    );
    button(h, "button", lang.t(T::CopyLink));
    h.el("span", &[a("class", "copy-status")], "")
        .close("div")
        .close("form")
        .close("div");
}

fn count(facet: &BTreeMap<String, usize>, id: &str) -> String {
    facet.get(id).copied().unwrap_or(0).to_string()
}

/// Menu options (value, name, count) for every value of a fixed list such as the kinds.
fn counted<T: Ord>(
    all: &[T],
    facet: &BTreeMap<T, usize>,
    names: impl Fn(&T) -> (&'static str, &'static str),
) -> Vec<(String, String, String)> {
    all.iter()
        .map(|v| {
            let (id, label) = names(v);
            let n = facet.get(v).copied().unwrap_or(0);
            (id.to_string(), label.to_string(), n.to_string())
        })
        .collect()
}

/// A closed checkbox menu; options are (value, name, count).
fn menu(h: &mut Html, label: &str, facet: &'static str, options: &[(String, String, String)]) {
    h.open("details", &[a("class", "menu"), a("data-facet", facet)])
        .el("summary", &[a("class", "menu__summary")], label)
        .open("fieldset", &[a("class", "menu__panel")])
        .el("legend", &[a("class", "visually-hidden")], label);
    for (value, name, n) in options {
        h.open("label", &[a("class", "check")])
            .void("input", &[a("type", "checkbox"), a("value", value)])
            .el("span", &[a("class", "check__name")], name)
            .el("span", &[a("class", "count")], n)
            .close("label");
    }
    h.close("fieldset").close("details");
}

fn share(h: &mut Html, cat: &Catalog, sel: &Selection) {
    let lang = cat.lang;
    let (r, e) = (sel.regions.len(), sel.events.len());
    h.open(
        "div",
        &[
            a("class", "share"),
            a("role", "group"),
            a("aria-label", lang.t(T::ShareGroup)),
        ],
    );
    button(
        h,
        "button button--quiet",
        &lang.fill(T::RegionsCsv, &[&r.to_string()]),
    );
    button(
        h,
        "button button--quiet",
        &lang.fill(T::EventsCsv, &[&e.to_string()]),
    );
    button(
        h,
        "button button--quiet",
        &lang.fill(T::JsonRecords, &[&(r + e).to_string()]),
    );
    // Views without a picture hide these before the app takes over (`view_css`).
    button(h, "button button--quiet pre-image", lang.t(T::SvgImage));
    button(h, "button button--quiet pre-image", lang.t(T::PngImage));
    button(h, "button button--quiet", lang.t(T::CopyEmbed));
    button(h, "button button--quiet", lang.t(T::Cite));
    h.el("span", &[a("class", "copy-status")], "").close("div");
}

fn map(h: &mut Html, cat: &Catalog, sel: &Selection, shapes: Option<&Shapes>) {
    let d = &cat.data;
    h.open("div", &[a("class", "map-tools")]).open(
        "div",
        &[
            a("class", "filters__group"),
            a("role", "group"),
            a("aria-label", cat.lang.t(T::ZoomTo)),
        ],
    );
    for z in Zoom::all(d) {
        h.el(
            "button",
            &[
                a("class", "chip"),
                a("type", "button"),
                a(
                    "aria-pressed",
                    if z == Zoom::World { "true" } else { "false" },
                ),
            ],
            words::zoom_label(cat, z),
        );
    }
    h.close("div")
        .open("div", &[a("class", "map-legend")])
        .raw(&map_legend(cat))
        .close("div")
        .close("div");
    let presence = atlas_core::aggregate::presence(cat, sel);
    let frame = Zoom::World.frame(d, &WORLD, MAP_WIDTH, MAP_HEIGHT);
    h.open("div", &[a("class", "map-scroll")])
        .open("div", &[a("class", "map")])
        .open(
            "svg",
            &[
                a("class", "map__shapes"),
                a("viewBox", &frame.view_box()),
                a("preserveAspectRatio", "xMidYMid meet"),
                a("aria-hidden", "true"),
                a("focusable", "false"),
            ],
        )
        .raw(&layer(cat, shapes, &presence))
        .close("svg");
    // Markers as SVG: a position in percent from attributes (the CSP forbids inline
    // styles), drawn 16 px wide whatever the map's size, centred like the live buttons.
    h.open("div", &[a("class", "map__markers")]).open(
        "svg",
        &[
            a("class", "map__points"),
            a("width", "100%"),
            a("height", "100%"),
            a("aria-hidden", "true"),
            a("focusable", "false"),
        ],
    );
    h.open("g", &[a("transform", "translate(-8 -8)")]);
    for (i, (left, top)) in placed_markers(cat, sel, Zoom::World, MAP_PX) {
        let r = &d.regions[i];
        let icon = d
            .provider(&r.provider)
            .map(|p| marker_icon(p.shape()))
            .unwrap_or_default();
        let class = marker_class(d, r).replacen("marker ", "marker__shape ", 1);
        h.open(
            "svg",
            &[
                a("class", &class),
                a("x", format!("{left:.3}%").as_str()),
                a("y", format!("{top:.3}%").as_str()),
                a("width", "16"),
                a("height", "16"),
                a("viewBox", "-8 -8 16 16"),
            ],
        )
        .raw(&icon)
        .close("svg");
    }
    h.close("g").close("svg").close("div");
    h.close("div").close("div");
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
        ".pre-image",
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

    #[test]
    fn the_page_carries_the_summary_counts_and_one_marker_per_region() {
        let (cat, sel) = crate::markup::tests::fixture();
        let html = page(&cat, &sel, None);
        assert!(html.contains(&crate::markup::escape(&words::summary(&cat, &sel))));
        assert!(html.contains(&crate::markup::escape(&words::counts_line(&cat, &sel))));
        let markers = html.matches("width=\"16\" height=\"16\" viewBox").count();
        assert_eq!(markers, sel.regions.len());
        assert!(html.contains("href=\"?view=table\""));
    }

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
            let image_rule = css.lines().find(|l| l.contains(".pre .pre-image"));
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

    /// A shared link to one provider, one area or both paints its own counts and
    /// summary from HTML: the page carries each such state's, written by the same
    /// words from the same selection as the app's, and the script and the stylesheet
    /// name every key.
    #[test]
    fn each_keyed_state_has_its_counts_summary_key_and_rule() {
        let (cat, sel) = crate::markup::tests::fixture();
        let states = keyed_states(&cat.data);
        let (p, a) = (cat.data.providers.len(), cat.data.areas.len());
        assert_eq!(states.len(), (p + 1) * (a + 1) - 1);
        let html = page(&cat, &sel, None);
        let (script, css) = (boot_script(&cat.data), page_css(&cat.data));
        for (key, f) in &states {
            let s = select(&cat, f);
            for text in [words::summary(&cat, &s), words::counts_line(&cat, &s)] {
                let span = format!(
                    "<span class=\"{KEYED}\" data-k=\"{key}\" hidden=\"\">{}</span>",
                    crate::markup::escape(&text)
                );
                assert!(html.contains(&span), "{key}: {span}");
            }
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
