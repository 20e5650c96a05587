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
use wasm_bindgen::JsCast;

/// What the boot knows, provided as a context at mount (`main.rs`): how many parts
/// of the page still wait for their task, whether the page has been revealed, and
/// what was kept of the pre-render before it goes away. `Copy`, so components and
/// timers hold it freely; the state lives in the reactive arena, on this thread.
#[derive(Clone, Copy)]
pub struct Boot(StoredValue<State, LocalStorage>);

#[derive(Default)]
struct State {
    /// Parts of the page still waiting for their task.
    pending: u32,
    revealed: bool,
    country_layer: Option<web_sys::Node>,
    map_width: Option<f64>,
}

impl Boot {
    fn new(state: State) -> Self {
        Boot(StoredValue::new_local(state))
    }

    /// The boot of this page: the context `main.rs` provides, or, where a component
    /// is mounted on its own (the component tests), a fresh one for this owner and
    /// its children: no pre-render to take over from.
    pub fn current() -> Self {
        use_context::<Boot>().unwrap_or_else(|| {
            let boot = Boot::new(State::default());
            provide_context(boot);
            boot
        })
    }

    /// The pre-render's boot ([`super::first_paint`]): no page to take over from, and
    /// the map as wide as the build assumes.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn for_html(map_width: f64) -> Self {
        Boot::new(State {
            map_width: Some(map_width),
            ..State::default()
        })
    }

    /// Provides this boot to the components mounted below the current owner.
    pub fn provide(self) {
        provide_context(self);
    }

    /// Keeps the page hidden until the returned guard is dropped, as an unbuilt part
    /// does: a view whose code is still arriving. After the reveal it holds nothing.
    pub fn hold(self) -> Held {
        let counted = self.0.with_value(|s| !s.revealed);
        if counted {
            self.0.update_value(|s| s.pending += 1);
        }
        Held {
            boot: self,
            counted,
        }
    }

    /// The pre-rendered map's width in CSS pixels, read before the app adds anything
    /// to the page (so reading it forces no layout): the live map has the same box, so
    /// its markers are placed once, without measuring the hidden page.
    pub fn map_width(self) -> Option<f64> {
        self.0.with_value(|s| s.map_width)
    }

    /// The pre-render's country layer (title, sphere, one path per country), copied
    /// before the pre-render goes away: the map clones it instead of downloading and
    /// parsing the shapes again. `None` on a page without a pre-render.
    pub fn country_layer(self) -> Option<web_sys::Node> {
        self.0.with_value(|s| s.country_layer.clone())
    }
}

/// A part the page waits for ([`Boot::hold`]); dropping it lets the page reveal.
pub struct Held {
    boot: Boot,
    counted: bool,
}

impl Drop for Held {
    fn drop(&mut self) {
        if self.counted {
            // `try_`: the boot's arena slot may be gone when the whole app unmounts.
            let _ = self
                .boot
                .0
                .try_update_value(|s| s.pending = s.pending.saturating_sub(1));
        }
    }
}

fn copy_country_layer(pre: &web_sys::Element) -> Option<web_sys::Node> {
    let svg = pre.query_selector("svg.map__shapes").ok()??;
    let layer = document().create_document_fragment();
    let children = svg.child_nodes();
    for i in 0..children.length() {
        layer
            .append_child(&children.item(i)?.clone_node_with_deep(true).ok()?)
            .ok()?;
    }
    Some(layer.into())
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
    let boot = Boot::current();
    // Rendered to HTML by the build, every part is there at once.
    if super::SERVER || boot.0.with_value(|s| s.revealed) {
        return Signal::stored(true);
    }
    let ready = RwSignal::new(false);
    boot.0.update_value(|s| s.pending += 1);
    set_timeout(
        move || {
            boot.0
                .update_value(|s| s.pending = s.pending.saturating_sub(1));
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

/// The element the app mounts into (a hidden host after the pre-render, or `#app`
/// itself, emptied, when the page has no pre-render), and the boot to provide at
/// mount, holding what was kept of the pre-render.
pub fn host() -> (Option<web_sys::HtmlElement>, Boot) {
    let doc = document();
    if let Ok(Some(pre)) = doc.query_selector(crate::present::hooks::PRERENDERED) {
        let map_width = pre
            .query_selector(".map")
            .ok()
            .flatten()
            .map(|map| f64::from(map.client_width()))
            .filter(|w| *w > 0.0);
        let boot = Boot::new(State {
            country_layer: copy_country_layer(&pre),
            map_width,
            ..State::default()
        });
        let host = doc.create_element("div").ok().and_then(|host| {
            host.set_class_name("app app--pending");
            pre.after_with_node_1(&host).ok()?;
            host.dyn_into().ok()
        });
        return (host, boot);
    }
    let root = doc.get_element_by_id("app").and_then(|root| {
        root.set_inner_html("");
        root.dyn_into().ok()
    });
    (root, Boot::new(State::default()))
}

/// Swaps the hidden host in for the pre-render; does nothing the second time.
fn reveal_page() {
    let doc = document();
    let Ok(Some(host)) = doc.query_selector(".app--pending") else {
        return;
    };
    if let Ok(Some(pre)) = doc.query_selector(crate::present::hooks::PRERENDERED) {
        pre.remove();
    }
    super::mark("atlas:revealed");
    host.set_class_name("app");
    host.set_id("app");
}

/// Reveals before the first frame after every part has been built.
pub fn reveal_when_built() {
    if super::SERVER {
        return;
    }
    fn check(boot: Boot) {
        request_animation_frame(move || {
            if boot.0.with_value(|s| s.pending) == 0 {
                boot.0.update_value(|s| s.revealed = true);
                reveal_page();
            } else {
                check(boot);
            }
        });
    }
    check(Boot::current());
}
