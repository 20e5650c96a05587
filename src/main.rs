use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    // index.html paints a skeleton inside #app so the page has its final shape
    // before the wasm arrives; the app replaces it with the same layout.
    let root = document()
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    // The skeleton's tagline stays until the dataset names its providers.
    let tagline = document()
        .query_selector(".masthead__tagline")
        .ok()
        .flatten()
        .and_then(|el| el.text_content())
        .unwrap_or_default();
    let app = move || view! { <cloud_atlas::app::App tagline=tagline.clone()/> };
    match root {
        Some(root) => {
            root.set_inner_html("");
            mount_to(root, app).forget();
        }
        None => mount_to_body(app),
    }
}
