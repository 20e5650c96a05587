//! "Cite this view": the citation of what is on screen (the view's title, the
//! dataset version, the access date, the permalink) as a sentence and as BibTeX.
//! The same text heads the CSV exports and sits in the JSON export.

use crate::catalog::T;
use crate::i18n::Speak;
use crate::words::page_title;
use atlas_core::date::PartialDate;
use atlas_core::filter::Catalog;
use atlas_core::lang::Lang;
use atlas_core::query::Filters;

/// What a citation needs besides the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The view's title without the site's name.
    pub title: String,
    pub version: String,
    /// The day the person looked (`YYYY-MM-DD`, their local date).
    pub accessed: String,
    /// The view's stamped, absolute link.
    pub permalink: String,
}

impl Cited {
    pub fn of(cat: &Catalog, f: &Filters, permalink: &str, accessed: &str) -> Cited {
        let lang = cat.lang;
        let full = page_title(cat, f);
        let suffix = format!(" — {}", lang.t(T::SiteName));
        Cited {
            title: full.strip_suffix(&suffix).unwrap_or(&full).to_string(),
            version: cat.data.version.clone(),
            accessed: accessed.to_string(),
            permalink: permalink.to_string(),
        }
    }

    fn year(&self) -> &str {
        self.version.get(..4).unwrap_or(&self.version)
    }

    /// The citation as a sentence in the page's language.
    pub fn text(&self, lang: Lang) -> String {
        let accessed = PartialDate::parse(&self.accessed)
            .map(|d| lang.date(&d))
            .unwrap_or_else(|_| self.accessed.clone());
        lang.fill(
            T::CiteText,
            &[
                lang.t(T::SiteName),
                self.year(),
                &self.title,
                &self.version,
                &self.permalink,
                &accessed,
            ],
        )
    }

    /// The citation as a BibTeX `@misc` entry (biblatex reads `version`, `url`, `urldate`).
    pub fn bibtex(&self, lang: Lang) -> String {
        format!(
            "@misc{{cloudatlas-{key},\n  author = {{{{{author}}}}},\n  title = {{{title}}},\n  year = {{{year}}},\n  version = {{{version}}},\n  url = {{{url}}},\n  urldate = {{{accessed}}},\n  note = {{{note}}},\n  langid = {{{langid}}}\n}}\n",
            key = self.version.replace(|c: char| !c.is_ascii_alphanumeric(), ""),
            author = tex(lang.t(T::SiteName)),
            title = tex(&self.title),
            year = tex(self.year()),
            version = tex(&self.version),
            url = url(&self.permalink),
            accessed = tex(&self.accessed),
            note = tex(&lang.fill(T::CiteNote, &[&self.version])),
            langid = lang.pick("english", "chinese"),
        )
    }
}

/// Text for a BibTeX field: the characters TeX treats specially, escaped.
fn tex(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '$' | '&' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URL for a `url` field: read verbatim, except that `%`, `#` and braces must be escaped.
fn url(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '#' | '{' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_core::query::{from_query, parse_pairs};

    use crate::markup::tests::shipped;

    fn cited(lang: Lang, q: &str) -> (Catalog, Cited) {
        let cat = shipped(lang);
        let f = from_query(&parse_pairs(q)).0;
        let link = format!("https://host/atlas/?{q}&d={}", cat.data.version);
        let c = Cited::of(&cat, &f, &link, "2026-11-28");
        (cat, c)
    }

    #[test]
    fn the_sentence_names_the_view_version_date_and_link() {
        let (cat, c) = cited(Lang::En, "provider=alibaba&view=timeline");
        let t = c.text(Lang::En);
        assert!(t.starts_with("Cloud Atlas (2026). Alibaba Cloud"), "{t}");
        assert!(
            !t.contains("— Cloud Atlas"),
            "the title drops the site name: {t}"
        );
        assert!(
            t.contains(&format!("dataset version {}", cat.data.version)),
            "{t}"
        );
        assert!(
            t.contains("https://host/atlas/?provider=alibaba&view=timeline&d="),
            "{t}"
        );
        assert!(t.ends_with("(accessed 28 Nov 2026)."), "{t}");
        let (_, zh) = cited(Lang::Zh, "provider=alibaba&lang=zh");
        let t = zh.text(Lang::Zh);
        assert!(t.starts_with("云图谱（2026）。阿里云"), "{t}");
        assert!(t.contains("访问日期：2026年11月28日"), "{t}");
    }

    #[test]
    fn bibtex_is_one_balanced_misc_entry_with_special_characters_escaped() {
        let (_, mut c) = cited(Lang::En, "q=S%C3%A3o+Paulo");
        c.title = "A & B_{x} 100% #1 ~ ^ \\".into();
        c.permalink = "https://host/?q=a%20b#frag".into();
        let b = c.bibtex(Lang::En);
        assert!(b.starts_with("@misc{cloudatlas-"), "{b}");
        assert!(
            b.contains("title = {A \\& B\\_\\{x\\} 100\\% \\#1 \\~{} \\^{} \\textbackslash{}}"),
            "{b}"
        );
        assert!(b.contains("url = {https://host/?q=a\\%20b\\#frag}"), "{b}");
        assert!(b.contains("urldate = {2026-11-28}"));
        // Braces balance outside escapes.
        let mut depth = 0i32;
        let mut prev = ' ';
        for ch in b.chars() {
            if prev != '\\' {
                depth += match ch {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                assert!(depth >= 0, "{b}");
            }
            prev = ch;
        }
        assert_eq!(depth, 0, "{b}");
    }
}
