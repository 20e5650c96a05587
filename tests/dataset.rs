//! `public/data/atlas.json` is generated from the TSV edition under
//! `tests/data/atlas-source/`. This test regenerates it and fails when the
//! committed file differs; `ATLAS_WRITE=1 cargo test --test dataset` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cloud_atlas::core::load::parse_dataset;
use std::path::Path;

const OUT: &str = "public/data/atlas.json";

#[test]
fn committed_dataset_matches_its_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = support::convert::build(&root.join("tests/data/atlas-source")).expect("source converts");
    let out = root.join(OUT);
    if std::env::var_os("ATLAS_WRITE").is_some() {
        std::fs::write(&out, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        committed == generated,
        "{OUT} is out of date with tests/data/atlas-source; run `ATLAS_WRITE=1 cargo test --test dataset`"
    );
}

#[test]
fn shipped_dataset_validates_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(OUT)).unwrap();
    let loaded = parse_dataset(&text).expect("dataset loads");
    assert!(loaded.skipped.is_empty(), "skipped: {:?}", loaded.skipped);
    assert_eq!(loaded.dataset.regions.len(), 61);
    assert_eq!(loaded.dataset.events.len(), 112);
}
