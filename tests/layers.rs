//! The layering is the compiler's to enforce: `atlas-core` and `atlas-present` are
//! crates whose dependencies name no browser crate and no layer above them, so an
//! `use leptos::…` (or `web_sys`, or `cloud_atlas::app`) in `src/core` or
//! `src/present` does not compile. This test guards the one way around that: adding
//! such a dependency to their manifests.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// The dependency names of every `[dependencies]`-like table of a manifest
/// (plain, dev, build and target-specific), by the table they are in.
fn dependencies(manifest: &str) -> Vec<(String, String)> {
    let mut table = String::new();
    let mut out = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            table = line.trim_matches(|c| c == '[' || c == ']').to_string();
        } else if table.ends_with("dependencies") && !line.is_empty() && !line.starts_with('#') {
            if let Some((name, _)) = line.split_once('=') {
                out.push((table.clone(), name.trim().to_string()));
            }
        }
    }
    out
}

#[test]
fn the_pure_layers_cannot_import_leptos_web_sys_or_the_app() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (krate, allowed) in [
        ("src/core", &["serde", "serde_json"][..]),
        ("src/present", &["atlas-core", "serde", "serde_json"][..]),
    ] {
        let text = std::fs::read_to_string(root.join(krate).join("Cargo.toml")).unwrap();
        let deps = dependencies(&text);
        assert!(!deps.is_empty(), "{krate}: no dependency table read");
        for (table, name) in deps {
            if table.ends_with("dev-dependencies") {
                // Test-only crates never reach the library.
                continue;
            }
            assert!(
                allowed.contains(&name.as_str()),
                "{krate}/Cargo.toml [{table}] adds `{name}`: the pure layers may depend only on {allowed:?}"
            );
        }
    }
}

#[test]
fn native_builds_compile_no_browser_crate() {
    // The app's browser dependencies are wasm32 dependencies, and natively optional
    // ones that only the feature `ssr` (the pre-render binary's) turns on: the tests
    // and the oracle never build them.
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let browser = [
        "leptos",
        "web-sys",
        "wasm-bindgen",
        "gloo-net",
        "js-sys",
        "wasm-bindgen-futures",
    ];
    let mut table = String::new();
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            table = line.trim_matches(|c| c == '[' || c == ']').to_string();
            continue;
        }
        let Some((name, spec)) = line.split_once('=') else {
            continue;
        };
        let name = name.trim();
        if table == "features" {
            assert!(
                name != "default" || !spec.contains("ssr"),
                "the default features turn on `ssr`: every native build would compile the browser crates"
            );
        }
        if !table.ends_with("dependencies") || !browser.contains(&name) {
            continue;
        }
        let wasm_only = table.contains("target_arch = \"wasm32\"") && !table.contains("not(");
        assert!(
            wasm_only || (table.contains("not(target_arch") && spec.contains("optional = true")),
            "`{name}` is in [{table}]: browser crates belong to the wasm32 target, or natively to the feature `ssr` only"
        );
    }
    let bin = text
        .split("[[bin]]")
        .find(|b| b.contains("name = \"prerender\""))
        .expect("the pre-render binary is declared");
    assert!(bin.contains("required-features = [\"ssr\"]"), "{bin}");
}
