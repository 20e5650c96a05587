//! The map view: country shapes shaded by presence, one marker per region.
//!
//! Markers are HTML buttons laid over the SVG, positioned in percent of the
//! frame, so they keep a 24 px hit target at any size and zoom, take keyboard
//! focus, and carry a full accessible name.

use super::state::Atlas;
use crate::core::aggregate::presence;
use crate::core::edit::Edit;
use crate::core::geo::{dodge_within, Rect, Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
use crate::present::hooks;
use crate::present::markup::map::{layer, map_legend, marker_class, marker_name, markers_in_frame};
use crate::present::theme::{marker_icon, shade};
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use leptos::tachys::view::add_attr::AddAnyAttr;
use std::sync::Arc;
use wasm_bindgen::JsCast;

async fn fetch_shapes() -> Result<Arc<Shapes>, String> {
    let response = Request::get("geo/world.json")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    response
        .json::<Shapes>()
        .await
        .map(Arc::new)
        .map_err(|e| e.to_string())
}

/// Sets each country path's shade class where it differs (an effect on the DOM, not on signals).
fn reshade(
    d: &crate::core::model::Dataset,
    svg: &web_sys::SvgElement,
    presence: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) {
    let Ok(paths) = svg.query_selector_all(hooks::COUNTRY_PATHS) else {
        return;
    };
    for i in 0..paths.length() {
        let Some(el) = paths
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let class = shade(
            d,
            el.get_attribute(hooks::ISO)
                .and_then(|iso| presence.get(&iso)),
        );
        if el.get_attribute("class").as_deref() != Some(class.as_str()) {
            let _ = el.set_attribute("class", &class);
        }
    }
}

/// The country shapes and the zoom, shared by the map and the image export.
#[derive(Clone, Copy)]
pub struct MapState {
    pub shapes: LocalResource<Result<Arc<Shapes>, String>>,
    pub zoom: RwSignal<Zoom>,
}

impl MapState {
    /// Starts loading the shapes; a link whose area filter names one area opens framed on it.
    pub fn new(atlas: &Atlas) -> Self {
        let initial = atlas
            .filters
            .with_untracked(|f| Zoom::initial(&atlas.catalog.data, &f.areas));
        MapState {
            shapes: LocalResource::new(fetch_shapes),
            zoom: RwSignal::new(initial),
        }
    }

    pub fn loaded(&self) -> Option<Arc<Shapes>> {
        self.shapes.get().and_then(|r| r.ok())
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let MapState { shapes, zoom } = expect_context::<MapState>();
    let cat = atlas.catalog.clone();
    let frame = Memo::new(move |_| zoom.get().frame(&cat.data, &WORLD, MAP_WIDTH, MAP_HEIGHT));
    // The map's width on screen decides how far apart markers must be in map units.
    let map_ref = NodeRef::<leptos::html::Div>::new();
    let width_px = RwSignal::new(1000.0);
    let measure = move || {
        if let Some(el) = map_ref.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - width_px.get_untracked()).abs() > 0.5 {
                width_px.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if map_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let a = atlas.clone();
    let shading = Memo::new(move |_| a.selection.with(|s| presence(&a.catalog, s)));
    // Written when the shapes arrive; later shading changes go through `reshade` below.
    let layer = {
        let a = atlas.clone();
        move || {
            let shapes = shapes.get().and_then(|r| r.ok());
            shading.with_untracked(|p| layer(&a.catalog.data, shapes.as_deref(), p))
        }
    };
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let a = atlas.clone();
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        shading.with(|p| reshade(&a.catalog.data, &svg, p));
    });
    let failed = move || shapes.get().is_some_and(|r| r.is_err());

    // One icon per provider, written once: markers are rebuilt on every filter change.
    let icons: Vec<String> = atlas
        .catalog
        .data
        .providers
        .iter()
        .map(|p| marker_icon(p.shape()))
        .collect();
    // The set of markers follows the selection, the zoom and the width; which one is
    // pressed follows the open record alone, so opening one does not rebuild them all.
    let markers = {
        let atlas = atlas.clone();
        move || {
            let d = &atlas.catalog.data;
            let f = frame.get();
            let shown = atlas
                .selection
                .with(|s| markers_in_frame(&atlas.catalog, s, zoom.get()));
            let points: Vec<(f64, f64)> = shown.iter().map(|x| x.1).collect();
            // 26 px between centres: every marker keeps a clear 24 px target (WCAG 2.5.8).
            let gap = 26.0 * f.w / width_px.get().max(1.0);
            let inner = Rect {
                x: f.x + gap / 2.0,
                y: f.y + gap / 2.0,
                w: f.w - gap,
                h: f.h - gap,
            };
            let placed = dodge_within(&points, gap, inner);
            shown
                .iter()
                .zip(placed)
                .map(|(&(i, _), p)| {
                    let r = &d.regions[i];
                    let icon = d
                        .providers
                        .iter()
                        .position(|p| p.id == r.provider)
                        .and_then(|k| icons.get(k).cloned())
                        .unwrap_or_default();
                    let (left, top) = f.percent(p);
                    let name = marker_name(d.provider_name(&r.provider), r);
                    let tip = name.clone();
                    let (a, id) = (atlas.clone(), r.id.clone());
                    let pressed = {
                        let (sel, id) = (atlas.sel, r.id.clone());
                        move || sel.with(|s| s.as_deref() == Some(id.as_str())).to_string()
                    };
                    view! {
                        <button
                            type="button"
                            class=marker_class(d, r)
                            aria-label=name
                            aria-pressed=pressed
                            style:left=format!("{left:.3}%")
                            style:top=format!("{top:.3}%")
                            on:click=move |_| a.edit(Edit::Select(id.clone()))
                        >
                            <svg class="marker__shape" viewBox="-8 -8 16 16" aria-hidden="true" focusable="false" inner_html=icon></svg>
                            <span class="marker__tip" aria-hidden="true">{tip}</span>
                        </button>
                    }
                    .add_any_attr(custom_attribute(hooks::SEL_ID, r.id.clone()))
                })
                .collect_view()
        }
    };

    let zoom_buttons = Zoom::all(&atlas.catalog.data)
        .into_iter()
        .map(|z| {
            view! {
                <button type="button" class="chip" aria-pressed=move || (zoom.get() == z).to_string() on:click=move |_| zoom.set(z)>
                    {z.label(&atlas.catalog.data).to_string()}
                </button>
            }
        })
        .collect_view();

    view! {
        <div class="map-tools">
            <div class="filters__group" role="group" aria-label="Zoom to">{zoom_buttons}</div>
            <MapLegend/>
        </div>
        <div class="map-scroll">
        <div class="map" data-testid="map" node_ref=map_ref>
                <svg class="map__shapes" viewBox=move || frame.get().view_box() preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false" node_ref=svg_ref inner_html=layer></svg>
                <div class="map__markers" role="group" aria-label="Regions on the map">{markers}</div>
            </div>
        </div>
        <Show when=failed>
            <p class="status">"The country outlines could not be loaded; the region markers are still placed correctly."</p>
        </Show>
    }
}

#[component]
fn MapLegend() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    view! { <div class="map-legend" inner_html=map_legend(&atlas.catalog.data)></div> }
}
