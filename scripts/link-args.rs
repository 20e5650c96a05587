//! Cargo build script of the app crate (`build` in Cargo.toml; the brief keeps the
//! top level to its fixed files, so it lives here). With the `split` feature on
//! wasm32 the app binary is linked with `--emit-relocs`, which `wasm-split-cli`
//! needs to cut the module at its split points (`src/app/lazy.rs`). Only the
//! binary's link changes, so no dependency is rebuilt.

fn main() {
    println!("cargo::rerun-if-changed=scripts/link-args.rs");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if wasm && std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bin=cloud-atlas=--emit-relocs");
    }
}
