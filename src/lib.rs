//! Cloud Atlas: compare how cloud providers expand abroad; the dataset names them.
//!
//! Three layers, each importing only the ones before it, and the compiler holds
//! them to it: each is a crate whose dependencies name only the layers below.
//! - `core` ([`atlas_core`], `src/core`): the data (model, validation), the
//!   selection (URL codec, filters) and the figures derived from it; pure Rust,
//!   no browser dependency, tested natively.
//! - `present` ([`atlas_present`], `src/present`): words, markup and files made
//!   from those figures; depends on the core only.
//! - `app` (this crate, `src/app`): the Leptos components that wire both to the
//!   page. Its browser dependencies exist only for `wasm32`, so native builds
//!   (the tests, the oracle, the pre-render) compile no browser crate at all.
//!
//! `cloud_atlas::core` and `cloud_atlas::present` name the two pure crates, so
//! every layer is reached by the same path from the app, the tests and the bins.

#[cfg(target_arch = "wasm32")]
pub mod app;
pub use atlas_core as core;
pub use atlas_present as present;
