//! Markup as text for the read-only, record-heavy parts of the views (table
//! rows, the head-to-head figures, the timeline chart).
//!
//! Why text and not `view!`: every `view!` tree is compiled into its own
//! renderer, and those renderers were most of the wasm (measured: the four
//! views cost 45–80 KB each). One string builder serves them all, and setting
//! `innerHTML` once is also faster than creating hundreds of rows node by node.
//! Clicks and keys are handled by one delegated listener per view, which reads
//! the `data-sel-id` / `data-year` attributes written here.
//!
//! Safety: every text and attribute value goes through [`escape`]; tag and
//! attribute *names* are `&'static str`, so no data can become markup. The
//! page's Content-Security-Policy (no inline script, no inline handlers)
//! stands behind this.

pub mod changes;
pub mod compare;
pub mod coverage;
pub mod detail;
pub mod map;
pub mod prerender;
pub mod promises;
pub mod reference;
pub mod since;
pub mod subscribe;
pub mod table;
pub mod timeline;

use crate::i18n::Speak;
use std::fmt::Write;

/// Escapes text for HTML/SVG content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s);
    out
}

fn push_escaped(out: &mut String, s: &str) {
    push_escaped_with(out, s, "&#39;");
}

/// The one escaping loop; `apos` is how the apostrophe is written (the SVG export
/// writes `&apos;`, see [`crate::export::xml_escape`]).
pub(crate) fn push_escaped_with(out: &mut String, s: &str, apos: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apos),
            c => out.push(c),
        }
    }
}

/// A link to a source, named `label`, with the host it goes to after it (a hostile
/// dataset cannot dress one site up as another: the host is read from the URL).
/// `english` marks an English label on the Chinese page. The one writer of source
/// links for the detail panel, the table and head to head.
pub fn source_link(h: &mut Html, s: &atlas_core::model::Source, label: &str, english: bool) {
    h.el(
        "a",
        &[
            a("class", "source"),
            a("href", &s.url),
            a("target", "_blank"),
            a("rel", "noopener noreferrer"),
            ("lang", english.then_some("en".into())),
        ],
        label,
    );
    // Not when the label already is that host ("tencentcloud.com" for www.tencentcloud.com).
    let host = s.host();
    let bare = host.strip_prefix("www.").unwrap_or(host);
    let named = label.eq_ignore_ascii_case(host) || label.eq_ignore_ascii_case(bare);
    if !host.is_empty() && label != s.url && !named {
        h.text(" ").el("span", &[a("class", "source__host")], host);
    }
}

/// The code that embeds a view (`src`, the embed link) in another page, its
/// attributes written by the one HTML escaper: a page title or a link can hold
/// quotes and ampersands, never markup.
pub fn embed_code(src: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>",
        escape(src),
        escape(title)
    )
}

/// An attribute value: text, or a number written with a fixed number of decimals.
pub enum Val<'a> {
    Text(&'a str),
    Num(f64, usize),
}

impl<'a> From<&'a str> for Val<'a> {
    fn from(s: &'a str) -> Self {
        Val::Text(s)
    }
}

impl<'a> From<&'a String> for Val<'a> {
    fn from(s: &'a String) -> Self {
        Val::Text(s)
    }
}

/// Coordinates in SVG: one decimal.
impl From<f64> for Val<'_> {
    fn from(v: f64) -> Self {
        Val::Num(v, 1)
    }
}

/// Appends escaped markup to one string.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn new() -> Self {
        Html(String::new())
    }

    /// `<tag a="v" …>`; attributes whose value is `None` are left out.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, Option<Val>)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            let Some(value) = value else { continue };
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            match value {
                Val::Text(s) => push_escaped(&mut self.0, s),
                Val::Num(v, places) => {
                    let _ = write!(self.0, "{v:.places$}");
                }
            }
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// A void element (`<line …/>`, `<path …/>`): opened and closed at once.
    pub fn void(&mut self, tag: &'static str, attrs: &[(&'static str, Option<Val>)]) -> &mut Self {
        self.open(tag, attrs);
        self.0.pop();
        self.0.push_str("/>");
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Markup this module wrote itself (a shape from [`crate::theme`]); never data.
    pub(crate) fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    pub fn text(&mut self, s: &str) -> &mut Self {
        push_escaped(&mut self.0, s);
        self
    }

    /// `<tag …>text</tag>`
    pub fn el(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, Option<Val>)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// A wide table in its scrollable box (one tab stop, named for screen readers):
    /// opens the box and `<table attrs>`; the caller closes both.
    pub fn table_box(
        &mut self,
        lang: atlas_core::lang::Lang,
        attrs: &[(&'static str, Option<Val>)],
    ) -> &mut Self {
        self.open(
            "div",
            &[
                a("class", "table-wrap"),
                a("tabindex", "0"),
                a("role", "region"),
                a("aria-label", lang.t(crate::catalog::T::TableScrolls)),
            ],
        )
        .open("table", attrs)
    }

    pub fn finish(self) -> String {
        self.0
    }
}

/// A decorative marker icon (legends, table keys): `class` adds the colour slot and
/// the status look to `marker__shape`.
pub(crate) fn marker_svg(h: &mut Html, class: &str, shape: atlas_core::model::Marker) {
    h.open(
        "svg",
        &[
            a("class", format!("marker__shape {class}").as_str()),
            a("viewBox", "-8 -8 16 16"),
            a("aria-hidden", "true"),
        ],
    )
    .raw(&crate::theme::marker_icon(shape))
    .close("svg");
}

/// Shorthand for an attribute that is always present.
pub fn a<'a>(name: &'static str, value: impl Into<Val<'a>>) -> (&'static str, Option<Val<'a>>) {
    (name, Some(value.into()))
}

/// A record's name or title. English standing in for a missing translation is
/// marked as English (`lang="en"`, so a screen reader switches voice) and says so
/// on hover.
pub fn title(h: &mut Html, shown: atlas_core::filter::Shown) {
    if shown.fallback {
        h.el(
            "span",
            &[
                a("lang", "en"),
                a("class", "untranslated"),
                a(
                    "title",
                    crate::catalog::Phrase::zh(crate::catalog::T::Untranslated),
                ),
            ],
            shown.text,
        );
    } else {
        h.text(shown.text);
    }
}

/// A record's name as a button that opens its details (the views listen for
/// clicks on `data-sel-id`).
pub(crate) fn record_button(h: &mut Html, id: &str, name: atlas_core::filter::Shown) {
    h.open(
        "button",
        &[
            a("type", "button"),
            a("class", "link-button"),
            a(crate::hooks::SEL_ID, id),
        ],
    );
    title(h, name);
    h.close("button");
}

/// A `<time>` carrying the machine-readable form of a (partial) date.
pub(crate) fn time(
    h: &mut Html,
    lang: atlas_core::lang::Lang,
    date: &atlas_core::date::PartialDate,
) {
    h.el(
        "time",
        &[a("datetime", &date.to_string())],
        &lang.date(date),
    );
}

/// A `<thead>` of plain column headers.
pub fn head(h: &mut Html, labels: &[&str]) {
    h.open("thead", &[]).open("tr", &[]);
    for l in labels {
        h.el("th", &[a("scope", "col"), a("class", "plain")], l);
    }
    h.close("tr").close("thead");
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The shipped dataset, indexed, in `lang`: for figures the shipped data must give.
    pub(crate) fn shipped(lang: atlas_core::lang::Lang) -> atlas_core::filter::Catalog {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/atlas.json"),
        )
        .unwrap();
        atlas_core::filter::Catalog::new(atlas_core::load::parse_dataset(&text).unwrap().dataset)
            .with_lang(lang)
    }

    /// The small fixture dataset, indexed, and everything in it selected: what the views'
    /// markup tests render.
    pub(crate) fn fixture() -> (atlas_core::filter::Catalog, atlas_core::filter::Selection) {
        let json = include_str!("../../../tests/data/fixtures/small.json");
        let cat = atlas_core::filter::Catalog::new(
            atlas_core::load::parse_dataset(json).unwrap().dataset,
        );
        let sel = atlas_core::filter::select(&cat, &Default::default());
        (cat, sel)
    }

    /// A map of one square per country code (`None`: a shape with no code).
    pub(crate) fn shapes(isos: &[Option<&str>]) -> atlas_core::geo::Shapes {
        atlas_core::geo::Shapes {
            width: 1000.0,
            height: 500.0,
            scale: 1.0,
            translate: (0.0, 0.0),
            sphere: "M0 0Z".into(),
            countries: isos
                .iter()
                .map(|iso| atlas_core::geo::Shape {
                    iso2: iso.map(String::from),
                    name: iso.unwrap_or("X").into(),
                    d: "M0 0L1 0L1 1Z".into(),
                })
                .collect(),
        }
    }

    /// Symptom: a page title with `<` or `'` (from a search) broke out of the embed
    /// code's attribute: the code is now written by the one escaper.
    #[test]
    fn the_embed_code_escapes_its_title_and_link() {
        let code = embed_code("https://h/?a=1&b=\"2\"", "x\"><script>alert(1)</script>'");
        assert!(code.starts_with(
            "<iframe src=\"https://h/?a=1&amp;b=&quot;2&quot;\" title=\"x&quot;&gt;&lt;script&gt;"
        ));
        assert_eq!(code.matches('<').count(), 2, "{code}");
    }

    #[test]
    fn builds_escaped_markup() {
        let mut h = Html::new();
        h.open("td", &[a("class", "num"), ("title", None), a("x", 1.26)])
            .text("<b>&'\"")
            .close("td")
            .void("path", &[a("d", "M0,0")]);
        assert_eq!(
            h.finish(),
            "<td class=\"num\" x=\"1.3\">&lt;b&gt;&amp;&#39;&quot;</td><path d=\"M0,0\"/>"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Whatever the data, it never opens a tag or leaves an attribute.
        #[test]
        fn data_never_becomes_markup(s in "\\PC{0,40}") {
            let mut h = Html::new();
            h.el("td", &[a("data-id", s.as_str())], &s);
            let out = h.finish();
            let inner = &out["<td data-id=\"".len()..];
            prop_assert!(!inner.contains('<') || inner.ends_with("</td>") && !inner[..inner.len() - 5].contains('<'));
            prop_assert_eq!(out.matches('"').count(), 2);
        }
    }
}
