//! The app's entry point in the browser (trunk builds it for wasm32).

#[cfg(target_arch = "wasm32")]
use leptos::prelude::*;

/// Natively there is nothing to run: the app lives in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cloud-atlas runs in the browser: build it with trunk (scripts/build.sh)");
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The build pre-renders the page into index.html; the app renders beside it,
    // hidden, and swaps itself in when complete (cloud_atlas::app::boot).
    // The skeleton's tagline stays until the dataset names its providers.
    let tagline = document()
        .query_selector(".masthead__tagline")
        .ok()
        .flatten()
        .and_then(|el| el.text_content())
        .unwrap_or_default();
    let (root, boot) = cloud_atlas::app::boot::host();
    let app = move || {
        boot.provide();
        view! { <cloud_atlas::app::App tagline=tagline.clone()/> }
    };
    // Mounting is a browser task of its own: instantiating the wasm already is one.
    set_timeout(
        move || {
            cloud_atlas::app::mark("atlas:mount");
            match root {
                Some(root) => mount_to(root, app).forget(),
                None => mount_to_body(app),
            }
        },
        std::time::Duration::ZERO,
    );
}
