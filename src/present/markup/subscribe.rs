//! The masthead's "Subscribe" menu: the feeds of the page's language (everything,
//! then each provider), as written by the pre-render and by the app alike. Links
//! are relative, so a build under any sub-path finds its own files.

use super::{a, Html};
use crate::catalog::T;
use crate::feed::Feed;
use crate::i18n::Speak;
use atlas_core::lang::Lang;
use atlas_core::model::Dataset;

/// The menu's markup (a `<details>`); `data` names the providers when loaded.
pub fn menu(lang: Lang, data: Option<&Dataset>) -> String {
    let mut h = Html::new();
    write(&mut h, lang, data);
    h.finish()
}

/// [`menu`] into markup being written (the pre-rendered masthead).
pub fn write(h: &mut Html, lang: Lang, data: Option<&Dataset>) {
    h.open(
        "details",
        &[
            a("class", "masthead__subscribe"),
            a("data-testid", "subscribe"),
        ],
    )
    .el("summary", &[], lang.t(T::Subscribe))
    .open("div", &[a("class", "subscribe__panel")])
    .el("p", &[], lang.t(T::SubscribeHint))
    .open("ul", &[]);
    let line = |h: &mut Html, name: &str, provider: Option<&str>| {
        let stem = Feed {
            provider: provider.map(String::from),
            lang,
        }
        .stem();
        h.open("li", &[])
            .text(&format!("{name}{}", lang.pick(": ", "：")))
            .el(
                "a",
                &[
                    a("href", &format!("{stem}.xml")),
                    a("type", "application/atom+xml"),
                ],
                "Atom",
            )
            .text(" · ")
            .el(
                "a",
                &[
                    a("href", &format!("{stem}.json")),
                    a("type", "application/feed+json"),
                ],
                "JSON Feed",
            )
            .close("li");
    };
    line(h, lang.t(T::SubscribeAll), None);
    for p in data.map(|d| d.providers.as_slice()).unwrap_or_default() {
        let name = match lang {
            Lang::Zh => p.name_zh.as_deref().unwrap_or(&p.name),
            Lang::En => &p.name,
        };
        line(h, name, Some(&p.id));
    }
    h.close("ul").close("div").close("details");
}

/// The `<link rel="alternate">` tags for the page's head: every feed, both languages.
/// No `hreflang`: on a `<link rel="alternate">` it declares a translation of this
/// page, which a feed is not (Lighthouse's hreflang audit failed on each, SEO 90);
/// the title names the feed in its own language.
pub fn head_links(data: &Dataset) -> String {
    let mut out = String::new();
    for lang in Lang::ALL {
        let ids = std::iter::once(None).chain(data.providers.iter().map(|p| Some(p.id.as_str())));
        for id in ids {
            let stem = Feed {
                provider: id.map(String::from),
                lang,
            }
            .stem();
            let who = match id.and_then(|i| data.provider(i)) {
                Some(p) if lang == Lang::Zh => p.name_zh.clone().unwrap_or_else(|| p.name.clone()),
                Some(p) => p.name.clone(),
                None => lang.t(T::SubscribeAll).to_string(),
            };
            for (ext, mime, fmt) in [
                ("xml", "application/atom+xml", "Atom"),
                ("json", "application/feed+json", "JSON Feed"),
            ] {
                out.push_str(&format!(
                    "<link rel=\"alternate\" type=\"{mime}\" href=\"{stem}.{ext}\" title=\"{}\">\n  ",
                    super::escape(&format!("{} — {who} ({fmt})", lang.t(T::SiteName)))
                ));
            }
        }
    }
    out.trim_end().to_string()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Symptom: Lighthouse's SEO score was 90 because each feed link in the head
    /// carried `hreflang`, which declares a translation of the page.
    #[test]
    fn the_head_names_every_feed_without_claiming_it_is_a_translation() {
        let (cat, _) = crate::markup::tests::fixture();
        let html = head_links(&cat.data);
        let links = html.matches("<link rel=\"alternate\"").count();
        // All providers plus the combined feed, in each language, as Atom and JSON.
        assert_eq!(links, (cat.data.providers.len() + 1) * Lang::ALL.len() * 2);
        assert!(!html.contains("hreflang"), "{html}");
        assert_eq!(html.matches(" title=\"").count(), links);
    }
}
