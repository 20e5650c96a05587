//! Text matching that ignores letter case and accents, so "queretaro"
//! finds "Querétaro" and "SAO PAULO" finds "São Paulo".

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
