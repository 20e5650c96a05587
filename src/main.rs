use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    // index.html paints a skeleton inside #app so the page has its final shape
    // before the wasm arrives; the app replaces it with the same layout.
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    match root {
        Some(root) => {
            root.set_inner_html("");
            mount_to(root, cloud_atlas::app::App).forget();
        }
        None => mount_to_body(cloud_atlas::app::App),
    }
}
