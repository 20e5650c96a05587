//! The language of a view, as the URL names it. Only the identity lives here (the
//! codec and the catalog need it); what each language says is in
//! `atlas_present::i18n`.

/// The language of everything a person reads. English is the default and is never
/// written into the URL; Simplified Chinese is `lang=zh`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The value of `<html lang>` (and of `lang` on data shown untranslated).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }

    /// The value of the URL's `lang` key.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language a URL value names, in any letter case; `None` for anything else.
    pub fn from_key(s: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.key().eq_ignore_ascii_case(s))
    }

    /// The other language: what the masthead's switch links to.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The phrase in this language; both are always given.
    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}
