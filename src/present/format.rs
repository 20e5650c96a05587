//! Numbers written for people.

/// US$ amounts in words: "52.3 billion", "300 million", "750000".
pub fn money(v: f64) -> String {
    if v >= 1e9 {
        format!("{} billion", trim(v / 1e9))
    } else if v >= 1e6 {
        format!("{} million", trim(v / 1e6))
    } else {
        format!("{v:.0}")
    }
}

/// Two decimals at most, trailing zeros dropped.
fn trim(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A size in decimal megabytes as the download messages say it: "0.2 MB", "64 MB".
pub fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / atlas_core::download::MB as f64;
    if mb < 10.0 {
        format!("{mb:.1} MB")
    } else {
        format!("{mb:.0} MB")
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn money_in_words() {
        assert_eq!(super::money(52.3e9), "52.3 billion");
        assert_eq!(super::money(300e6), "300 million");
        assert_eq!(super::money(1.5e9), "1.5 billion");
        assert_eq!(super::money(750000.0), "750000");
    }
}
