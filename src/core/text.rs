//! Text matching that ignores letter case and accents, so "queretaro"
//! finds "Querétaro" and "SAO PAULO" finds "São Paulo".

/// Whether a dataset's text may hold `c`: no control characters other than tab and
/// the line ends (C0 and C1 alike) and no Unicode non-characters (U+FDD0–U+FDEF and
/// the last two code points of every plane). The loader refuses a record with any
/// other character in any text field, and the XML writer drops them from text that
/// does not come from the dataset (a search from a link), since XML 1.0 cannot
/// hold most of them.
pub fn is_plain_char(c: char) -> bool {
    let u = u32::from(c);
    matches!(c, '\t' | '\n' | '\r')
        || (u >= 0x20
            && !(0x7F..0xA0).contains(&u)
            && !(0xFDD0..=0xFDEF).contains(&u)
            && (u & 0xFFFE) != 0xFFFE)
}

/// The host an http(s) URL goes to, lower-cased as written; `None` unless the URL is
/// `http://` or `https://`, then a host of ASCII letters, digits, `-` and `.` (an
/// international name in its `xn--` form, so no look-alike letters), an optional
/// `:port`, then `/`, `?`, `#` or the end; no user name or password, no spaces or
/// backslashes anywhere. The page shows this host beside each source's publisher.
pub fn url_host(url: &str) -> Option<&str> {
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return None;
    }
    let lower = url
        .get(..8)
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let (host, port) = match authority.split_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host.contains(|c: char| c.is_ascii_alphabetic())
        && !host.starts_with(['.', '-'])
        && !host.ends_with('-')
        && !host.contains("..")
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    let port_ok = port.is_none_or(|p| {
        !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok()
    });
    (host_ok && port_ok).then_some(host)
}

/// Lower-cases and strips the accents of Latin letters (Latin-1 and Latin Extended-A).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !fold_latin(c, &mut out) {
            // Lower-casing can land on an accented letter (the Ångström sign becomes "å"):
            // fold that too, so folding twice changes nothing.
            for l in c.to_lowercase() {
                if !fold_latin(l, &mut out) {
                    out.push(l);
                }
            }
        }
    }
    out
}

/// Writes the unaccented lower-case form of a Latin letter; false for any other character.
fn fold_latin(c: char, out: &mut String) -> bool {
    match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => out.push('a'),
        'Ç' | 'ç' | 'Ć'..='č' => out.push('c'),
        'Ď'..='đ' => out.push('d'),
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => out.push('e'),
        'Ĝ'..='ģ' => out.push('g'),
        'Ĥ'..='ħ' => out.push('h'),
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => out.push('i'),
        'Ĵ' | 'ĵ' => out.push('j'),
        'Ķ' | 'ķ' => out.push('k'),
        'Ĺ'..='ł' => out.push('l'),
        'Ñ' | 'ñ' | 'Ń'..='ŉ' => out.push('n'),
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => out.push('o'),
        'Œ' | 'œ' => out.push_str("oe"),
        'Ŕ'..='ř' => out.push('r'),
        'Ś'..='š' => out.push('s'),
        'ß' => out.push_str("ss"),
        'Ţ'..='ŧ' => out.push('t'),
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => out.push('u'),
        'Ŵ' | 'ŵ' => out.push('w'),
        'Ý' | 'ý' | 'ÿ' | 'Ŷ' | 'ŷ' | 'Ÿ' => out.push('y'),
        'Ź'..='ž' => out.push('z'),
        'Æ' | 'æ' => out.push_str("ae"),
        _ => return false,
    }
    true
}

/// A folded search: every word of the query must occur somewhere in the haystack.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Needle(Vec<String>);

impl Needle {
    pub fn new(query: &str) -> Self {
        Needle(fold(query).split_whitespace().map(str::to_string).collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `folded_haystack` must already be folded with [`fold`].
    pub fn matches(&self, folded_haystack: &str) -> bool {
        self.0.iter().all(|w| folded_haystack.contains(w.as_str()))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ignores_case_and_accents() {
        assert_eq!(fold("Querétaro"), "queretaro");
        assert_eq!(fold("SÃO Paulo"), "sao paulo");
        assert_eq!(fold("Türkiye Łódź Œuvre"), "turkiye lodz oeuvre");
        let n = Needle::new("  sao   PAULO ");
        assert!(n.matches(&fold("Tencent — South America (São Paulo)")));
        assert!(!n.matches(&fold("Paulo only")));
        assert!(Needle::new("   ").is_empty());
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }
    }
}
