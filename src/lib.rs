//! Cloud Atlas: compare how cloud providers expand abroad; the dataset names them.
//!
//! Three layers, each importing only the ones before it:
//! - `core`: the data (model, validation), the selection (URL codec, filters)
//!   and the figures derived from it; pure Rust, tested natively.
//! - `present`: words, markup and files made from those figures; also pure.
//! - `app`: the Leptos components that wire both to the page.

pub mod app;
pub mod core;
pub mod present;
