//! Presentation: everything between the figures of [`atlas_core`] and the
//! components of `cloud_atlas::app`. Words (sentences about a selection), markup
//! (HTML/SVG text for the record-heavy views), pictures and downloads (the SVG
//! and CSV/JSON files), and the hooks the app's listeners find in that markup.
//!
//! Pure like the core: nothing here imports leptos or web-sys, so it is tested
//! natively. The layering reads data → selection → figures (`core`) → words
//! and markup (`present`) → components (`app`).

pub mod catalog;
pub mod changes_export;
pub mod cite;
pub mod coverage_export;
pub mod export;
pub mod feed;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod markup;
pub mod promises_export;
pub mod refwords;
pub mod theme;
pub mod words;
