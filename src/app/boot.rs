//! Taking over from the pre-render (`crate::present::markup::prerender`).
//!
//! The build writes the page at the empty query into `index.html`. The app does
//! not clear it on start: it renders into a hidden host beside it, in several
//! browser tasks (download, parse, index, filter bar, view: each yields, so no
//! task blocks input for long), and swaps the two in one step before a frame
//! once the whole view is there. Until then a person sees the pre-render, or,
//! for an address it does not show, its boxes with the data hidden (see the
//! boot script in `prerender.rs` and the `.pre` rules in `style/main.css`).

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;

thread_local! {
    /// Parts of the page still waiting for their task.
    static PENDING: Cell<u32> = const { Cell::new(0) };
    static REVEALED: Cell<bool> = const { Cell::new(false) };
    static COUNTRY_LAYER: RefCell<Option<web_sys::Node>> = const { RefCell::new(None) };
    static MAP_WIDTH: Cell<Option<f64>> = const { Cell::new(None) };
}

/// The pre-rendered map's width in CSS pixels, read before the app adds anything to
/// the page (so reading it forces no layout): the live map has the same box, so its
/// markers are placed once, without measuring the hidden page.
pub fn map_width() -> Option<f64> {
    MAP_WIDTH.get()
}

/// The pre-render's country layer (title, sphere, one path per country), copied
/// before the pre-render goes away: the map clones it instead of downloading and
/// parsing the shapes again. `None` on a page without a pre-render.
pub fn country_layer() -> Option<web_sys::Node> {
    COUNTRY_LAYER.with(|l| l.borrow().clone())
}

fn keep_country_layer(pre: &web_sys::Element) -> Option<()> {
    let svg = pre.query_selector("svg.map__shapes").ok()??;
    let layer = document().create_document_fragment();
    let children = svg.child_nodes();
    for i in 0..children.length() {
        layer
            .append_child(&children.item(i)?.clone_node_with_deep(true).ok()?)
            .ok()?;
    }
    COUNTRY_LAYER.with(|l| *l.borrow_mut() = Some(layer.into()));
    Some(())
}

/// A part of the page built in a browser task of its own: false until a timer
/// (a macrotask, so the browser may paint and handle input in between) fires.
/// Timers fire in the order they were set, so parts come in page order. After
/// the page has been revealed, parts are built at once (a view switch is one
/// short render, not a boot).
///
/// `name` becomes a User Timing mark (`atlas:stage:NAME`) when the part's task starts,
/// so the benchmark and DevTools can say which part a long task was.
pub fn stage(name: &'static str) -> Signal<bool> {
    if REVEALED.get() {
        return Signal::stored(true);
    }
    let ready = RwSignal::new(false);
    PENDING.set(PENDING.get() + 1);
    set_timeout(
        move || {
            PENDING.set(PENDING.get().saturating_sub(1));
            super::mark(&format!("atlas:stage:{name}"));
            let _ = ready.try_set(true);
        },
        std::time::Duration::ZERO,
    );
    ready.into()
}

/// Children built in a browser task of their own during the boot ([`stage`]).
#[component]
pub fn Staged(name: &'static str, children: ChildrenFn) -> impl IntoView {
    let ready = stage(name);
    view! { <Show when=move || ready.get()>{children()}</Show> }
}

/// The element the app mounts into: a hidden host after the pre-render, or `#app`
/// itself (emptied) when the page has no pre-render.
pub fn host() -> Option<web_sys::HtmlElement> {
    let doc = document();
    if let Ok(Some(pre)) = doc.query_selector("[data-prerender]") {
        keep_country_layer(&pre);
        if let Ok(Some(map)) = pre.query_selector(".map") {
            let w = f64::from(map.client_width());
            MAP_WIDTH.set((w > 0.0).then_some(w));
        }
        let host = doc.create_element("div").ok()?;
        host.set_class_name("app app--pending");
        pre.after_with_node_1(&host).ok()?;
        return host.dyn_into().ok();
    }
    let root = doc.get_element_by_id("app")?;
    root.set_inner_html("");
    root.dyn_into().ok()
}

/// Swaps the hidden host in for the pre-render; does nothing the second time.
pub fn reveal() {
    REVEALED.set(true);
    let doc = document();
    let Ok(Some(host)) = doc.query_selector(".app--pending") else {
        return;
    };
    if let Ok(Some(pre)) = doc.query_selector("[data-prerender]") {
        pre.remove();
    }
    super::mark("atlas:revealed");
    host.set_class_name("app");
    host.set_id("app");
}

/// Reveals before the first frame after every part has been built.
pub fn reveal_when_built() {
    request_animation_frame(|| {
        if PENDING.get() == 0 {
            reveal();
        } else {
            reveal_when_built();
        }
    });
}
