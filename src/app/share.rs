//! Share and export: downloads of exactly the filtered records (CSV, JSON),
//! the current map or chart as SVG or PNG, and an embed snippet. Every file
//! carries the permalink of the view it came from.

use super::coverage::CoverageUi;
use super::state::Atlas;
use super::url;
use crate::core::geo::{Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
use crate::core::query::{to_query, Filters, View};
use crate::present::catalog::T;
use crate::present::changes_export::{changes_csv, changes_svg};
use crate::present::coverage_export::{coverage_csv, coverage_svg};
use crate::present::export::{events_csv, json, map_svg, regions_csv, timeline_svg, Provenance};
use crate::present::i18n::Speak;
use crate::present::promises_export::{promises_csv, promises_svg};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The link to this view, stamped with the dataset version, without `embed`.
pub fn permalink(atlas: &Atlas) -> String {
    let mut f: Filters = atlas.filters.get_untracked();
    f.d = Some(atlas.catalog.data.version.clone());
    f.embed = false;
    url::address_with(&to_query(&f))
}

fn provenance(atlas: &Atlas) -> Provenance {
    let permalink = permalink(atlas);
    let accessed = today();
    let title = atlas.filters.with_untracked(|f| {
        crate::present::cite::Cited::of(&atlas.catalog, f, &permalink, &accessed).title
    });
    Provenance {
        permalink,
        version: atlas.catalog.data.version.clone(),
        license: atlas.catalog.data.license.clone(),
        title,
        accessed,
    }
}

/// The person's local date, `YYYY-MM-DD` (the access date of a citation).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Copies `text`; says `done` when the browser allowed it, else `by_hand` (a phrase
/// whose `{0}` is the text) so the person can copy it themselves. The one copy helper
/// of the app: `navigator.clipboard` is missing on an insecure origin (plain http on a
/// LAN host), where calling it would throw out of the handler, so it is looked up first.
pub(crate) fn copy_text(
    text: String,
    done: &'static str,
    by_hand: T,
    lang: crate::core::lang::Lang,
    say: WriteSignal<String>,
) {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("clipboard")).ok())
        .filter(|c| c.is_object())
        .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::Clipboard>);
    let Some(clip) = clipboard else {
        say.set(lang.fill(by_hand, &[&text]));
        return;
    };
    let promise = clip.write_text(&text);
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => say.set(done.into()),
            Err(_) => say.set(lang.fill(by_hand, &[&text])),
        }
    });
}

/// Saves text as a file through a temporary object URL.
fn save(name: &str, mime: &str, body: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        save_blob(name, &blob);
    }
}

fn save_blob(name: &str, blob: &web_sys::Blob) {
    let Ok(href) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&href);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&href);
}

fn stem(atlas: &Atlas) -> String {
    let f = atlas.filters.get_untracked();
    format!("cloud-atlas-{}-{}", f.view.id(), atlas.catalog.data.version)
}

/// Under every picture: the page title, the source line and the permalink.
fn footer(atlas: &Atlas) -> Vec<String> {
    vec![
        document().title(),
        atlas.catalog.lang.fill(
            T::FooterSource,
            &[&atlas.catalog.data.version, &atlas.catalog.data.license],
        ),
        permalink(atlas),
    ]
}

/// The coverage map's SVG, once the gazetteer and the shapes are there.
async fn coverage_picture(
    atlas: &Atlas,
    ui: CoverageUi,
    map: super::map::MapState,
) -> Option<String> {
    let shapes = map.load().await?;
    ui.load().await?;
    let cov = ui.coverage(atlas)?;
    let shade = atlas.filters.with_untracked(|f| f.shade.clone());
    Some(coverage_svg(
        &atlas.catalog,
        &cov,
        &shapes,
        shade.as_deref(),
        &footer(atlas),
    ))
}

/// The SVG of what is on screen, written by the core from the same layout the page
/// draws (never scraped from the DOM), so the file stands alone.
fn current_svg(atlas: &Atlas, shapes: Option<&Shapes>, zoom: Zoom) -> Option<String> {
    let footer = footer(atlas);
    match atlas.filters.get_untracked().view {
        View::Map => {
            let frame = zoom.frame(&atlas.catalog.data, &WORLD, MAP_WIDTH, MAP_HEIGHT);
            let empty = Shapes {
                width: MAP_WIDTH,
                height: MAP_HEIGHT,
                scale: WORLD.scale,
                translate: WORLD.translate,
                sphere: String::new(),
                countries: vec![],
            };
            Some(atlas.selection.with_untracked(|s| {
                map_svg(&atlas.catalog, s, shapes.unwrap_or(&empty), frame, &footer)
            }))
        }
        View::Timeline => Some(
            atlas
                .selection
                .with_untracked(|s| timeline_svg(&atlas.catalog, s, &footer)),
        ),
        _ => None,
    }
}

/// Renders an SVG through a canvas at twice its size and saves it as PNG.
/// Draws the SVG on a canvas and saves it as PNG; `failed` runs when the browser
/// cannot (an image it refuses to decode, no canvas), so the page says so instead of
/// doing nothing.
fn save_png(name: String, svg: String, failed: impl Fn() + Clone + 'static) {
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        failed();
        return;
    };
    let src = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&svg))
    );
    let image = img.clone();
    let on_error = failed.clone();
    let onerror = Closure::once_into_js(on_error);
    let onload = Closure::once_into_js(move || {
        let (w, h) = (image.natural_width() * 2, image.natural_height() * 2);
        let Some(canvas) = document()
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            failed();
            return;
        };
        canvas.set_width(w);
        canvas.set_height(h);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            failed();
            return;
        };
        let _ = ctx
            .draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w as f64, h as f64);
        let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| match blob {
            Some(blob) => save_blob(&name, &blob),
            None => failed(),
        });
        let _ = canvas.to_blob(done.unchecked_ref());
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    img.set_src(&src);
}

#[component]
pub fn ShareBar() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let map = expect_context::<super::map::MapState>();
    let coverage = expect_context::<CoverageUi>();
    let promise_figures = expect_context::<super::promises::PromisesFigures>();
    let changes_figures = expect_context::<super::changes::ChangesFigures>();
    // The image of what is on screen; the map's needs the country geometry, fetched
    // on the first export (the page itself draws the pre-rendered layer).
    let (message, set_message) = signal(String::new());
    let lang = atlas.catalog.lang;
    let failed = move || set_message.set(lang.t(T::ImageFailed).into());
    let image = move |atlas: Atlas, done: fn(&Atlas, String, Callback<()>)| {
        let zoom = map.zoom.get_untracked();
        let view = atlas.filters.with_untracked(|f| f.view);
        leptos::task::spawn_local(async move {
            let svg = if view == View::Coverage {
                coverage_picture(&atlas, coverage, map).await
            } else if view == View::Promises {
                Some(promises_svg(
                    &atlas.catalog,
                    &promise_figures.now(&atlas),
                    &footer(&atlas),
                ))
            } else if view == View::Changes {
                let shapes = map.load().await;
                let changes_now = changes_figures.now(&atlas);
                shapes.map(|s| changes_svg(&atlas.catalog, &changes_now, &s, &footer(&atlas)))
            } else {
                let shapes = if view == View::Map {
                    map.load().await
                } else {
                    None
                };
                current_svg(&atlas, shapes.as_deref(), zoom)
            };
            match svg {
                Some(svg) => done(&atlas, svg, Callback::new(move |_| failed())),
                None => failed(),
            }
        });
    };
    // "Cite": the view's citation, following the filters while the panel is open.
    let (cite_open, set_cite_open) = signal(false);
    let cited = {
        let a = atlas.clone();
        Memo::new(move |_| {
            a.filters.track();
            let c = provenance(&a).cited();
            (c.text(lang), c.bibtex(lang))
        })
    };
    let a = atlas.clone();
    let counts = move || a.selection.with(|s| (s.regions.len(), s.events.len()));
    let c1 = counts;
    let c2 = counts;
    let c3 = counts;
    let (a1, a2, a3, a4, a5, a6, a7) = (
        atlas.clone(),
        atlas.clone(),
        atlas.clone(),
        atlas.clone(),
        atlas.clone(),
        atlas.clone(),
        atlas.clone(),
    );
    let has_image = move || {
        a7.filters
            .with(|f| crate::present::export::has_picture(f.view))
    };
    let a13 = atlas.clone();
    let on_promises = move || a13.view.get() == View::Promises;
    let a14 = atlas.clone();
    let promise_rows = move || {
        promise_figures
            .0
            .with(|p| p.as_ref().map_or(0, |p| p.list.len()))
    };
    let a10 = atlas.clone();
    let on_changes = move || a10.view.get() == View::Changes;
    let a11 = atlas.clone();
    // The count on the button follows the filters only while the view shows.
    let change_rows = move || {
        changes_figures
            .0
            .with(|c| c.as_ref().map_or(0, |c| c.items.len() + c.coarse.len()))
    };
    let a8 = atlas.clone();
    let on_coverage = move || a8.view.get() == View::Coverage;
    let a9 = atlas.clone();
    let coverage_rows = move || {
        coverage.people.with(|p| match p {
            Some(Ok(p)) => p.countries.len(),
            _ => 0,
        })
    };
    view! {
        <div class="share" role="group" aria-label=lang.t(T::ShareGroup)>
            <button type="button" class="button button--quiet" on:click=move |_| {
                let text = a1.selection.with_untracked(|s| regions_csv(&a1.catalog, s, &provenance(&a1)));
                save(&format!("{}-regions.csv", stem(&a1)), "text/csv;charset=utf-8", &text);
            }>{move || lang.fill(T::RegionsCsv, &[&c1().0.to_string()])}</button>
            <button type="button" class="button button--quiet" on:click=move |_| {
                let text = a2.selection.with_untracked(|s| events_csv(&a2.catalog, s, &provenance(&a2)));
                save(&format!("{}-events.csv", stem(&a2)), "text/csv;charset=utf-8", &text);
            }>{move || lang.fill(T::EventsCsv, &[&c2().1.to_string()])}</button>
            <button type="button" class="button button--quiet" on:click=move |_| {
                let text = a3.selection.with_untracked(|s| json(&a3.catalog, s, &provenance(&a3)));
                save(&format!("{}.json", stem(&a3)), "application/json", &text);
            }>{move || { let (r, e) = c3(); lang.fill(T::JsonRecords, &[&(r + e).to_string()]) }}</button>
            <Show when=on_coverage>
                <button type="button" class="button button--quiet" on:click={
                    let a9 = a9.clone();
                    move |_| {
                        let a9 = a9.clone();
                        leptos::task::spawn_local(async move {
                            let Some(people) = coverage.load().await else { return };
                            let Some(cov) = coverage.coverage(&a9) else { return };
                            let text = coverage_csv(&a9.catalog, &people, &cov, &provenance(&a9));
                            save(&format!("{}.csv", stem(&a9)), "text/csv;charset=utf-8", &text);
                        });
                    }
                }>{move || lang.fill(T::CovCsv, &[&coverage_rows().to_string()])}</button>
            </Show>
            <Show when=on_promises>
                <button type="button" class="button button--quiet" on:click={
                    let a14 = a14.clone();
                    move |_| {
                        let p = promise_figures.now(&a14);
                        let text = promises_csv(&a14.catalog, &p, &provenance(&a14));
                        save(&format!("{}.csv", stem(&a14)), "text/csv;charset=utf-8", &text);
                    }
                }>{move || lang.fill(T::PrCsv, &[&promise_rows().to_string()])}</button>
            </Show>
            <Show when=on_changes>
                <button type="button" class="button button--quiet" on:click={
                    let a11 = a11.clone();
                    move |_| {
                        let ch = changes_figures.now(&a11);
                        let text = changes_csv(&a11.catalog, &ch, &provenance(&a11));
                        save(&format!("{}.csv", stem(&a11)), "text/csv;charset=utf-8", &text);
                    }
                }>{move || lang.fill(T::ChCsv, &[&change_rows().to_string()])}</button>
            </Show>
            <Show when=has_image>
                <button type="button" class="button button--quiet" on:click={
                    let a4 = a4.clone();
                    move |_| image(a4.clone(), |a, svg, _| save(&format!("{}.svg", stem(a)), "image/svg+xml", &svg))
                }>{lang.t(T::SvgImage)}</button>
                <button type="button" class="button button--quiet" on:click={
                    let a5 = a5.clone();
                    move |_| image(a5.clone(), |a, svg, failed| save_png(format!("{}.png", stem(a)), svg, move || failed.run(())))
                }>{lang.t(T::PngImage)}</button>
            </Show>
            <button type="button" class="button button--quiet" on:click=move |_| {
                let mut f = a6.filters.get_untracked();
                f.d = Some(a6.catalog.data.version.clone());
                f.embed = true;
                let src = url::address_with(&to_query(&f));
                let code = crate::present::markup::embed_code(&src, &document().title());
                copy_text(code, lang.t(T::EmbedCopied), T::CopyThisCode, lang, set_message);
            }>{lang.t(T::CopyEmbed)}</button>
            <button type="button" class="button button--quiet" aria-controls="cite-panel"
                aria-expanded=move || cite_open.get().to_string()
                on:click=move |_| set_cite_open.update(|o| *o = !*o)>{lang.t(T::Cite)}</button>
            <span class="copy-status" role="status">{message}</span>
        </div>
        <Show when=move || cite_open.get()>
            <section id="cite-panel" class="cite" aria-labelledby="cite-h" data-testid="cite">
                <h2 class="section-title" id="cite-h">{lang.t(T::CiteTitle)}</h2>
                <p class="cite__text" data-testid="cite-text">{move || cited.with(|c| c.0.clone())}</p>
                <p><button type="button" class="button button--quiet" on:click=move |_| {
                    copy_text(cited.with_untracked(|c| c.0.clone()), lang.t(T::CiteCopied), T::CopyThisCode, lang, set_message)
                }>{lang.t(T::CiteCopyText)}</button></p>
                <pre class="cite__bibtex" data-testid="cite-bibtex" tabindex="0" aria-label="BibTeX">{move || cited.with(|c| c.1.clone())}</pre>
                <p><button type="button" class="button button--quiet" on:click=move |_| {
                    copy_text(cited.with_untracked(|c| c.1.clone()), lang.t(T::CiteCopied), T::CopyThisCode, lang, set_message)
                }>{lang.t(T::CiteCopyBibtex)}</button></p>
            </section>
        </Show>
    }
}
