//! Share and export: downloads of exactly the filtered records (CSV, JSON),
//! the current map or chart as SVG or PNG, an embed snippet and a citation. Every
//! file carries the permalink of the view it came from.
//!
//! The bar itself is on the first load; what it writes is not. [`write`] and the
//! [`CitePanel`] are reached only through the split points in `super::lazy`
//! (`part_share`), so every file writer, the figures only a file needs and the
//! citation arrive on the first click that needs one. The bar fetches the side
//! files a picture needs (shapes, gazetteer) first, then hands a [`Job`] over.

use super::coverage::CoverageUi;
use super::state::Atlas;
use super::url;
use crate::core::geo::{Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
use crate::core::query::{to_query, Filters, View};
use crate::core::reach::People;
use crate::core::reference::RefLoaded;
use crate::present::catalog::T;
use crate::present::changes_export::{changes_csv, changes_svg};
use crate::present::coverage_export::{coverage_csv, coverage_svg};
use crate::present::export::{events_csv, json, map_svg, regions_csv, timeline_svg, Provenance};
use crate::present::i18n::Speak;
use crate::present::promises_export::{promises_csv, promises_svg};
use leptos::prelude::*;
use std::sync::Arc;
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

/// A file the share bar writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    Regions,
    Events,
    Json,
    Coverage,
    Promises,
    Changes,
    Svg,
    Png,
}

/// What a file needs, gathered by the bar (it fetches the side files first) and
/// handed to [`write`] in the share chunk.
pub struct Job {
    pub atlas: Atlas,
    pub file: File,
    pub zoom: Zoom,
    /// The country shapes, for a picture of the map, coverage or changes.
    pub shapes: Option<Arc<Shapes>>,
    /// The gazetteer, for the coverage view's CSV and picture.
    pub people: Option<Arc<People>>,
    /// The reference layer, when the view shows it (`super::reference::wanted`), as
    /// [`super::lazy::RefAny`] (a `RefLoaded`).
    pub reference: Option<super::lazy::RefAny>,
    /// Says in the page that the picture could not be made.
    pub failed: Callback<()>,
}

impl Job {
    /// The reference layer's regions, when the view shows them.
    fn reference(&self) -> Option<&crate::core::reference::Reference> {
        let loaded = self.reference.as_ref()?.downcast_ref::<RefLoaded>()?;
        Some(&loaded.reference)
    }
}

/// Writes the file and hands it to the browser as a download.
pub fn write(job: Job) {
    let atlas = &job.atlas;
    let csv = "text/csv;charset=utf-8";
    let cat = &atlas.catalog;
    match job.file {
        File::Regions => {
            let text = atlas
                .selection
                .with_untracked(|s| regions_csv(cat, s, &provenance(atlas)));
            save(&format!("{}-regions.csv", stem(atlas)), csv, &text);
        }
        File::Events => {
            let text = atlas
                .selection
                .with_untracked(|s| events_csv(cat, s, &provenance(atlas)));
            save(&format!("{}-events.csv", stem(atlas)), csv, &text);
        }
        File::Json => {
            let text = atlas
                .selection
                .with_untracked(|s| json(cat, s, &provenance(atlas)));
            save(&format!("{}.json", stem(atlas)), "application/json", &text);
        }
        File::Coverage => {
            let Some(people) = &job.people else { return };
            let reference = job.reference();
            let cov = super::coverage::build(atlas, people, reference);
            let text = coverage_csv(cat, people, &cov, reference, &provenance(atlas));
            save(&format!("{}.csv", stem(atlas)), csv, &text);
        }
        File::Promises => {
            let p = super::promises::build(atlas);
            let text = promises_csv(cat, &p, &provenance(atlas));
            save(&format!("{}.csv", stem(atlas)), csv, &text);
        }
        File::Changes => {
            let ch = super::changes::build(atlas);
            let text = changes_csv(cat, &ch, &provenance(atlas));
            save(&format!("{}.csv", stem(atlas)), csv, &text);
        }
        File::Svg | File::Png => match picture(&job) {
            Some(svg) if job.file == File::Svg => {
                save(&format!("{}.svg", stem(atlas)), "image/svg+xml", &svg)
            }
            Some(svg) => {
                let failed = job.failed;
                save_png(format!("{}.png", stem(atlas)), svg, move || failed.run(()));
            }
            None => job.failed.run(()),
        },
    }
}

/// The SVG of what is on screen, written by the core from the same layout the page
/// draws (never scraped from the DOM), so the file stands alone. `None` when the
/// view has no picture or what it needs could not be fetched.
fn picture(job: &Job) -> Option<String> {
    let atlas = &job.atlas;
    let cat = &atlas.catalog;
    let footer = footer(atlas);
    let f = atlas.filters.get_untracked();
    match f.view {
        View::Map => {
            let frame = job.zoom.frame(&cat.data, &WORLD, MAP_WIDTH, MAP_HEIGHT);
            let empty = Shapes {
                width: MAP_WIDTH,
                height: MAP_HEIGHT,
                scale: WORLD.scale,
                translate: WORLD.translate,
                sphere: String::new(),
                countries: vec![],
            };
            let shapes = job.shapes.as_deref().unwrap_or(&empty);
            Some(atlas.selection.with_untracked(|s| {
                let layer = job.reference().filter(|_| f.reference).map(|r| (r, f.to));
                map_svg(cat, s, shapes, frame, layer, &footer)
            }))
        }
        View::Timeline => Some(
            atlas
                .selection
                .with_untracked(|s| timeline_svg(cat, s, &footer)),
        ),
        View::Coverage => {
            let (shapes, people) = (job.shapes.as_deref()?, job.people.as_deref()?);
            let reference = job.reference();
            let cov = super::coverage::build(atlas, people, reference);
            Some(coverage_svg(cat, &cov, shapes, f.shade.as_deref(), &footer))
        }
        View::Promises => Some(promises_svg(cat, &super::promises::build(atlas), &footer)),
        View::Changes => {
            let shapes = job.shapes.as_deref()?;
            Some(changes_svg(
                cat,
                &super::changes::build(atlas),
                shapes,
                &footer,
            ))
        }
        View::Compare | View::Table => None,
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
    let (message, set_message) = signal(String::new());
    let lang = atlas.catalog.lang;
    let failed = Callback::new(move |_| set_message.set(lang.t(T::ImageFailed).into()));
    // Fetches what the file needs (the map's country geometry on the first picture:
    // the page itself draws the pre-rendered layer; the coverage gazetteer), then has
    // the share chunk write it.
    let run = {
        let atlas = atlas.clone();
        Callback::new(move |file: File| {
            let atlas = atlas.clone();
            let view = atlas.view.get_untracked();
            let image = matches!(file, File::Svg | File::Png);
            leptos::task::spawn_local(async move {
                let shapes = match view {
                    View::Map | View::Coverage | View::Changes if image => map.load().await,
                    _ => None,
                };
                let people = match view {
                    View::Coverage if image || file == File::Coverage => coverage.load().await,
                    _ => None,
                };
                let wanted = atlas
                    .filters
                    .with_untracked(|f| f.reference || f.shade.as_deref() == Some("ref"));
                let reference = if wanted {
                    super::lazy::reference_for_files().await
                } else {
                    None
                };
                let job = Job {
                    atlas,
                    file,
                    zoom: map.zoom.get_untracked(),
                    reference,
                    shapes,
                    people,
                    failed,
                };
                if super::lazy::write_file(job).await.is_err() {
                    set_message.set(lang.t(T::FileCodeFailed).into());
                }
            });
        })
    };
    let (cite_open, set_cite_open) = signal(false);
    let a = atlas.clone();
    let counts = move || a.selection.with(|s| (s.regions.len(), s.events.len()));
    let a = atlas.clone();
    let has_image = move || {
        a.filters
            .with(|f| crate::present::export::has_picture(f.view))
    };
    let view = atlas.view;
    let on = move |v: View| view.get() == v;
    let coverage_rows = move || {
        coverage.people.with(|p| match p {
            Some(Ok(p)) => p.countries.len(),
            _ => 0,
        })
    };
    let button = move |file: File, label: Box<dyn Fn() -> String + Send + Sync>| {
        let class = if matches!(file, File::Svg | File::Png) {
            format!(
                "button button--quiet {}",
                crate::present::hooks::PICTURE_BUTTON
            )
        } else {
            "button button--quiet".to_string()
        };
        view! {
            <button type="button" class=class on:click=move |_| run.run(file)>{label}</button>
        }
    };
    let a6 = atlas.clone();
    view! {
        <div class="share" role="group" aria-label=lang.t(T::ShareGroup)>
            {button(File::Regions, Box::new(move || lang.fill(T::RegionsCsv, &[&counts().0.to_string()])))}
            {button(File::Events, Box::new(move || lang.fill(T::EventsCsv, &[&counts().1.to_string()])))}
            {button(File::Json, Box::new(move || { let (r, e) = counts(); lang.fill(T::JsonRecords, &[&(r + e).to_string()]) }))}
            <Show when=move || on(View::Coverage)>
                {button(File::Coverage, Box::new(move || lang.fill(T::CovCsv, &[&coverage_rows().to_string()])))}
            </Show>
            <Show when=move || on(View::Promises)>
                {button(File::Promises, Box::new(move || lang.fill(T::PrCsv, &[&promise_figures.rows().to_string()])))}
            </Show>
            <Show when=move || on(View::Changes)>
                {button(File::Changes, Box::new(move || lang.fill(T::ChCsv, &[&changes_figures.rows().to_string()])))}
            </Show>
            <Show when=has_image>
                {button(File::Svg, Box::new(move || lang.t(T::SvgImage).to_string()))}
                {button(File::Png, Box::new(move || lang.t(T::PngImage).to_string()))}
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
                <super::lazy::LazyCite say=set_message/>
            </section>
        </Show>
    }
}

/// The Cite panel's body: the view's citation as a sentence and as BibTeX, each with
/// a copy button, following the filters while the panel is open. `say` is the share
/// bar's status line.
#[component]
pub fn CitePanel(say: WriteSignal<String>) -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let lang = atlas.catalog.lang;
    let cited = Memo::new(move |_| {
        atlas.filters.track();
        let c = provenance(&atlas).cited();
        (c.text(lang), c.bibtex(lang))
    });
    view! {
        <p class="cite__text" data-testid="cite-text">{move || cited.with(|c| c.0.clone())}</p>
        <p><button type="button" class="button button--quiet" on:click=move |_| {
            copy_text(cited.with_untracked(|c| c.0.clone()), lang.t(T::CiteCopied), T::CopyThisCode, lang, say)
        }>{lang.t(T::CiteCopyText)}</button></p>
        <pre class="cite__bibtex" data-testid="cite-bibtex" tabindex="0" aria-label="BibTeX">{move || cited.with(|c| c.1.clone())}</pre>
        <p><button type="button" class="button button--quiet" on:click=move |_| {
            copy_text(cited.with_untracked(|c| c.1.clone()), lang.t(T::CiteCopied), T::CopyThisCode, lang, say)
        }>{lang.t(T::CiteCopyBibtex)}</button></p>
    }
}
