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
//!   page. Its browser dependencies exist for `wasm32`, and natively only under the
//!   feature `ssr`, which the pre-render (the components rendered to HTML at build
//!   time, `app::first_paint`) requires: the tests and the oracle compile no browser
//!   crate at all.
//!
//! `cloud_atlas::core` and `cloud_atlas::present` name the two pure crates, so
//! every layer is reached by the same path from the app, the tests and the bins.

#![cfg_attr(feature = "ssr", recursion_limit = "256")]

#[cfg(any(target_arch = "wasm32", feature = "ssr"))]
pub mod app;
pub use atlas_core as core;
pub use atlas_present as present;
