//! The pure core: data model, validation and everything derived from it.
//!
//! Nothing here imports leptos, web-sys or wasm-bindgen, so all of it is
//! tested natively with `cargo test`.

pub mod aggregate;
pub mod changes;
pub mod colour;
pub mod coverage;
pub mod date;
pub mod download;
pub mod edit;
pub mod evidence;
pub mod filter;
pub mod geo;
pub mod history;
pub mod lang;
pub mod load;
pub mod model;
pub mod promises;
pub mod query;
pub mod reach;
pub mod reference;
pub mod sort;
pub mod table;
pub mod text;
pub mod timeline;
