//! `public/data/reference.json`, the hyperscalers' regions, is generated from
//! `tests/data/reference-source/` (see `support::convert::build_reference`). This
//! test regenerates it and fails when the committed file differs;
//! `ATLAS_WRITE=1 cargo test --test reference` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cloud_atlas::core::reference::parse_reference;
use std::path::Path;

const OUT: &str = "public/data/reference.json";

#[test]
fn committed_reference_matches_its_source() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = support::convert::build_reference(&root.join("tests/data/reference-source"))
        .expect("reference source converts");
    let out = root.join(OUT);
    if std::env::var_os("ATLAS_WRITE").is_some() {
        std::fs::write(&out, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(
        committed == generated,
        "{OUT} is out of date with tests/data/reference-source; run `ATLAS_WRITE=1 cargo test --test reference`"
    );
}

#[test]
fn shipped_reference_validates_clean_and_keeps_every_row() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(OUT)).unwrap();
    let loaded = parse_reference(&text).expect("reference loads");
    assert!(loaded.skipped.is_empty(), "skipped: {:?}", loaded.skipped);
    let rows = std::fs::read_to_string(root.join("tests/data/reference-source/regions.tsv"))
        .unwrap()
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(loaded.reference.regions.len(), rows);
    // Every reference region has a first listing (the "listed by" evidence), and
    // every provider of the file has regions.
    let r = &loaded.reference;
    for p in &r.providers {
        assert!(r.regions.iter().any(|x| x.provider == p.id), "{}", p.id);
    }
}
