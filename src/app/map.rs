//! The map view: country shapes shaded by presence, one marker per region.
//!
//! Markers are HTML buttons laid over the SVG, positioned in percent of the
//! frame, so they keep a 24 px hit target at any size and zoom, take keyboard
//! focus, and carry a full accessible name.

use super::state::Atlas;
use crate::core::aggregate::presence;
use crate::core::geo::{Shapes, Zoom, MAP_HEIGHT, MAP_WIDTH, WORLD};
use crate::core::lang::Lang;
use crate::present::catalog::T;
use crate::present::hooks;
use crate::present::i18n::Speak;
use crate::present::markup::map::{layer, map_legend, markers, placed_markers};
use crate::present::theme::shade;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Marks the open record's marker pressed and every other one not.
fn press(markers: &web_sys::HtmlDivElement, open: Option<&str>) {
    let buttons = markers.children();
    for k in 0..buttons.length() {
        if let Some(b) = buttons.item(k) {
            let pressed = open.is_some() && b.get_attribute(hooks::SEL_ID).as_deref() == open;
            let value = if pressed { "true" } else { "false" };
            if b.get_attribute("aria-pressed").as_deref() != Some(value) {
                let _ = b.set_attribute("aria-pressed", value);
            }
        }
    }
}

/// Sets each country path's shade class where it differs (an effect on the DOM, not on signals).
fn reshade(
    d: &crate::core::model::Dataset,
    svg: &web_sys::SvgElement,
    presence: &std::collections::BTreeMap<String, crate::core::aggregate::Presence>,
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

/// Pre-render only ([`super::first_paint`]): the country shapes the build read, so
/// the map's layer is drawn into the HTML.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone)]
pub struct PreShapes(pub Arc<Shapes>);

/// The country shapes and the zoom, shared by the map and the image export.
///
/// The map's country layer normally comes from the pre-rendered page (cloned once at
/// start, `super::boot::country_layer`), so the shapes file is not downloaded or parsed
/// during the boot; it is fetched when something needs the geometry itself: an image
/// export, or a page without a pre-render.
#[derive(Clone, Copy)]
pub struct MapState {
    shapes: RwSignal<Option<Result<Arc<Shapes>, super::fetch::Failure>>>,
    pub zoom: RwSignal<Zoom>,
}

impl MapState {
    /// A link whose area filter names one area opens framed on it.
    pub fn new(atlas: &Atlas) -> Self {
        let initial = atlas
            .filters
            .with_untracked(|f| Zoom::initial(&atlas.catalog.data, &f.areas));
        // The pre-render hands its shapes in; the browser fetches them when needed.
        #[cfg(not(target_arch = "wasm32"))]
        let shapes = use_context::<PreShapes>().map(|PreShapes(s)| Ok(s));
        #[cfg(target_arch = "wasm32")]
        let shapes = None;
        MapState {
            shapes: RwSignal::new(shapes),
            zoom: RwSignal::new(initial),
        }
    }

    /// The shapes once downloaded (tracked).
    pub fn shapes(&self) -> Signal<Option<Arc<Shapes>>> {
        let shapes = self.shapes;
        Signal::derive(move || shapes.get().and_then(|r| r.ok()))
    }

    /// The shapes, downloaded unless they already are; the result lands in the signal.
    pub async fn load(&self) -> Option<Arc<Shapes>> {
        if let Some(Some(Ok(shapes))) = self.shapes.try_get_untracked() {
            return Some(shapes);
        }
        let result = super::fetch::fetch_json::<Shapes>("geo/world.json").await;
        let shapes = result.as_ref().ok().cloned();
        let _ = self.shapes.try_set(Some(result));
        shapes
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    let state = expect_context::<MapState>();
    let zoom = state.zoom;
    // The pre-render's layer names countries in English; the Chinese page draws its own.
    let boot = super::boot::Boot::current();
    let template = boot
        .country_layer()
        .filter(|_| atlas.catalog.lang == Lang::En);
    if template.is_none() && !super::SERVER {
        leptos::task::spawn_local(async move {
            state.load().await;
        });
    }
    let shapes = state.shapes;
    let cat = atlas.catalog.clone();
    let frame = Memo::new(move |_| zoom.get().frame(&cat.data, &WORLD, MAP_WIDTH, MAP_HEIGHT));
    // The map's width on screen decides how far apart markers must be in map units.
    let map_ref = NodeRef::<leptos::html::Div>::new();
    // Unknown until the map is laid out: markers are placed once, for the real width.
    let width_px = RwSignal::new(boot.map_width());
    let measure = move || {
        if let Some(el) = map_ref.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0
                && width_px
                    .get_untracked()
                    .is_none_or(|old| (w - old).abs() > 0.5)
            {
                width_px.set(Some(w));
            }
        }
    };
    if width_px.get_untracked().is_none() {
        Effect::new(move |_| {
            if map_ref.get().is_some() {
                measure();
            }
        });
    }
    // The map's box changes without the window too: the record panel opens beside it
    // (22 rem narrower on a desktop), the page gains a scrollbar. A ResizeObserver sees
    // every change of the box itself; a window `resize` listener saw none of those, and
    // the markers stayed spaced for the wider map, their targets overlapping.
    if !super::SERVER {
        observe_size(map_ref, measure);
    }

    let a = atlas.clone();
    let shading = Memo::new(move |_| a.selection.with(|s| presence(&a.catalog, s)));
    // Cloned from the pre-render, or written when the shapes arrive; later shading
    // changes go through `reshade` below.
    let adopt = template.is_some();
    let layer = {
        let a = atlas.clone();
        move || {
            if adopt {
                return String::new();
            }
            let shapes = shapes.get().and_then(|r| r.ok());
            shading.with_untracked(|p| layer(&a.catalog, shapes.as_deref(), p))
        }
    };
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let a = atlas.clone();
    let mut adopted = false;
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        if let (Some(layer), false) = (&template, adopted) {
            if let Ok(copy) = layer.clone_node_with_deep(true) {
                let _ = svg.append_child(&copy);
            }
            adopted = true;
        }
        shading.with(|p| reshade(&a.catalog.data, &svg, p));
    });
    let failed = move || !adopt && shapes.get().is_some_and(|r| r.is_err());

    // The set of markers follows the selection, the zoom and the width; which one is
    // pressed follows the open record alone, so opening one does not rebuild them all.
    let placed = {
        let atlas = atlas.clone();
        Memo::new(move |_| match width_px.get() {
            Some(width) => atlas
                .selection
                .with(|s| placed_markers(&atlas.catalog, s, zoom.get(), width)),
            None => Vec::new(),
        })
    };
    // Written as markup in a browser task of its own during the boot (one `innerHTML`
    // and a delegated listener; a `view!` per marker cost more to compile and to run),
    // then placed through the CSSOM.
    let staged = super::boot::stage("markers");
    let markers_ref = NodeRef::<leptos::html::Div>::new();
    // In the pre-render no effect runs: the markers are a picture at the width the
    // build assumes (`crate::present::markup::prerender::MAP_PX`); the app's buttons
    // replace it with the same positions.
    #[cfg(not(target_arch = "wasm32"))]
    let picture = width_px.get_untracked().map(|width| {
        let placed = atlas
            .selection
            .with_untracked(|s| placed_markers(&atlas.catalog, s, zoom.get_untracked(), width));
        crate::present::markup::map::marker_picture(&atlas.catalog, &placed)
    });
    #[cfg(target_arch = "wasm32")]
    let picture = None::<String>;
    {
        let atlas = atlas.clone();
        Effect::new(move |_| {
            let (Some(el), true) = (markers_ref.get(), staged.get()) else {
                return;
            };
            // A rebuild (a new width, zoom or selection) must not drop the focus of a
            // person on a marker: it goes to the new marker of the same record.
            let focused = document()
                .active_element()
                .filter(|a| el.contains(Some(a)))
                .and_then(|a| a.get_attribute(crate::present::hooks::SEL_ID));
            placed.with(|placed| {
                el.set_inner_html(&markers(&atlas.catalog, placed));
                let buttons = el.children();
                for (k, &(_, (left, top))) in placed.iter().enumerate() {
                    if let Some(b) = buttons
                        .item(k as u32)
                        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let style = b.style();
                        let _ = style.set_property("left", &format!("{left:.3}%"));
                        let _ = style.set_property("top", &format!("{top:.3}%"));
                    }
                }
            });
            press(&el, atlas.sel.get_untracked().as_deref());
            if let Some(id) = focused {
                if let Ok(Some(marker)) = el.query_selector(&crate::present::hooks::record(&id)) {
                    if let Ok(marker) = marker.dyn_into::<web_sys::HtmlElement>() {
                        let _ = marker.focus();
                    }
                }
            }
        });
    }
    // Which marker is pressed follows the open record alone.
    {
        let sel = atlas.sel;
        Effect::new(move |_| {
            let open = sel.get();
            if let Some(el) = markers_ref.get_untracked() {
                press(&el, open.as_deref());
            }
        });
    }

    let lang = atlas.catalog.lang;
    let zoom_buttons = Zoom::all(&atlas.catalog.data)
        .into_iter()
        .map(|z| {
            view! {
                <button type="button" class="chip" aria-pressed=move || (zoom.get() == z).to_string() on:click=move |_| zoom.set(z)>
                    {crate::present::words::zoom_label(&atlas.catalog, z).to_string()}
                </button>
            }
        })
        .collect_view();

    // The reference layer (`ref=1`): neutral marks beneath the markers and the list
    // that names them, both arriving with the layer's code.
    let layer_on = {
        let f = atlas.filters;
        Memo::new(move |_| f.with(|f| f.reference))
    };
    view! {
        <div class="map-tools">
            <div class="filters__group" role="group" aria-label=lang.t(T::ZoomTo)>{zoom_buttons}</div>
            <MapLegend/>
        </div>
        <div class="map-scroll">
        <div class="map" data-testid="map" node_ref=map_ref>
                <svg class="map__shapes" viewBox=move || frame.get().view_box() preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false" node_ref=svg_ref inner_html=layer></svg>
                <Show when=move || layer_on.get()>
                    <super::lazy::LazyRefMarks/>
                </Show>
                <div class="map__markers" role="group" aria-label=lang.t(T::MapRegionsList) node_ref=markers_ref on:click=super::pick::on_click(atlas.clone()) inner_html=picture></div>
            </div>
        </div>
        <Show when=move || layer_on.get()>
            <super::lazy::LazyRefList/>
        </Show>
        <Show when=failed>
            <div class="error" role="alert" data-testid="shapes-failed">
                <p>{move || {
                    let why = shapes.with(|r| match r {
                        Some(Err(e)) => e.detail(lang),
                        _ => String::new(),
                    });
                    lang.fill(T::MapOutlinesFailed, &[&why])
                }}</p>
                <button type="button" class="button" on:click=move |_| {
                    shapes.set(None);
                    leptos::task::spawn_local(async move {
                        state.load().await;
                    });
                }>{lang.t(T::Retry)}</button>
            </div>
        </Show>
    }
}

#[component]
fn MapLegend() -> impl IntoView {
    let atlas = expect_context::<Atlas>();
    // The providers in view change with the chips: the legend names only those.
    let legend = move || {
        let reference = atlas.filters.with(|f| f.reference);
        atlas
            .selection
            .with(|s| map_legend(&atlas.catalog, &s.providers, reference))
    };
    view! { <div class="map-legend" inner_html=legend></div> }
}

/// Calls `changed` whenever the box of the element behind `node` changes size (a
/// `ResizeObserver`, disconnected when the component goes). Written here rather than
/// taken from leptos-use: it is the app's one observer, a dozen lines of web-sys.
fn observe_size(node: NodeRef<leptos::html::Div>, changed: impl Fn() + 'static) {
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(changed);
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    let watch = observer.clone();
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            watch.observe(&el);
        }
    });
    // Browser objects stay on the page's one thread; the wrapper only satisfies
    // `on_cleanup`'s bound.
    let kept = send_wrapper::SendWrapper::new((observer, callback));
    on_cleanup(move || kept.0.disconnect());
}
