//! Cloud Atlas: compare Alibaba Cloud's and Tencent Cloud's expansion abroad.
//!
//! `core` is pure Rust (model, validation, derived figures) and is tested
//! natively; `app` holds the Leptos components that wire it to the page.

pub mod app;
pub mod core;
