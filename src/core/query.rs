//! The URL is the view: a separate codec between the query string and [`Filters`].
//!
//! Parsing is total. Every parameter ends up valid (used), invalid (ignored
//! and reported as an [`Issue`]) or missing (its default). Serialising is
//! canonical: fixed key order, sorted and de-duplicated lists, defaults left
//! out, so two equal views always have the same URL.

use super::date::clip;
use super::lang::Lang;
use super::model::{Kind, Status};
use std::collections::BTreeSet;

/// The views, switched by tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum View {
    #[default]
    Map,
    Timeline,
    Compare,
    Table,
    /// How far each country's people are from each provider's live regions.
    Coverage,
    /// What each provider added, announced, pledged and closed between two dates.
    Changes,
    /// Each announced region or data centre against the launch that kept it.
    Promises,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Map,
        View::Timeline,
        View::Compare,
        View::Table,
        View::Coverage,
        View::Changes,
        View::Promises,
    ];

    pub fn id(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Timeline => "timeline",
            View::Compare => "compare",
            View::Table => "table",
            View::Coverage => "coverage",
            View::Changes => "changes",
            View::Promises => "promises",
        }
    }
}

/// Everything that defines a view. `Default` is the unfiltered map.
///
/// Empty sets mean "all"; `None` years mean the dataset's own first/last year.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub view: View,
    pub providers: BTreeSet<String>,
    pub areas: BTreeSet<String>,
    pub countries: BTreeSet<String>,
    pub from: Option<u16>,
    pub to: Option<u16>,
    pub kinds: BTreeSet<Kind>,
    pub statuses: BTreeSet<Status>,
    pub q: String,
    pub sel: Option<String>,
    /// `shade=<provider>`: the coverage map shows this provider's distance alone
    /// instead of which provider is nearer. A way of looking, not a filter: Reset
    /// keeps it, and it stays in the address on the other views (which ignore it)
    /// so that going back to the coverage view finds it as it was.
    pub shade: Option<String>,
    /// `ref=1`: the reference layer (the regions of AWS, Azure and Google Cloud) is
    /// shown: marks on the map, columns in coverage, rows in head to head, lines on
    /// the growth chart. A way of looking, not a filter: Reset keeps it.
    pub reference: bool,
    /// The dataset version the link was made with.
    pub d: Option<String>,
    /// `embed=1`: only the view, for an iframe.
    pub embed: bool,
    /// `lang=zh`: the page in Simplified Chinese.
    pub lang: Lang,
}

/// A parameter that was ignored, and why; shown to the user in a notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub key: String,
    pub value: String,
    pub reason: Why,
}

/// Why a parameter was ignored: data, so the page can say it in either language
/// (`atlas_present::i18n::Speak::why`); the core holds no words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    NotView,
    NotProvider,
    NotArea,
    NotCountry,
    NotYear,
    NotKind,
    NotStatus,
    TooLong,
    NotRecordId,
    NotVersion,
    NotOne,
    NotLang,
    Unknown,
    /// `from` is after this `to`.
    FromAfterTo(u16),
    ProviderNotInData,
    AreaNotInData,
    NoSuchRecord,
}

impl Issue {
    /// `key=value: ` (or `key: ` without a value), the part that stays as typed.
    pub fn head(&self) -> String {
        if self.value.is_empty() {
            self.key.clone()
        } else {
            format!("{}={}", self.key, self.value)
        }
    }
}

/// Longest free-text query kept from a URL.
pub const MAX_Q: usize = 200;
const YEARS: std::ops::RangeInclusive<u16> = 1900..=2199;

/// Splits `?a=b&c=d` (leading `?` optional) into decoded pairs.
pub fn parse_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding that never fails: a broken escape stays as typed, bad UTF-8 becomes U+FFFD.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes everything but unreserved characters and the list comma.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' | b':' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Reads filters from decoded query pairs. Repeated list keys add up; a repeated
/// single-value key keeps its last value.
pub fn from_query(pairs: &[(String, String)]) -> (Filters, Vec<Issue>) {
    let mut f = Filters::default();
    let mut issues = Vec::new();
    let mut issue = |key: &str, value: &str, reason: Why| {
        issues.push(Issue {
            key: clip(key),
            value: clip(value),
            reason,
        });
    };
    for (key, raw) in pairs {
        let value = raw.trim();
        if value.is_empty() && key != "q" {
            continue;
        }
        match key.to_ascii_lowercase().as_str() {
            "view" => match View::ALL
                .iter()
                .find(|v| v.id().eq_ignore_ascii_case(value))
            {
                Some(v) => f.view = *v,
                None => issue(key, value, Why::NotView),
            },
            "provider" => list(value, |item| {
                let id = item.to_ascii_lowercase();
                if is_id(&id) {
                    f.providers.insert(id);
                } else {
                    issue(key, item, Why::NotProvider);
                }
            }),
            "area" => list(value, |item| {
                let id = item.to_ascii_lowercase();
                if is_id(&id) {
                    f.areas.insert(id);
                } else {
                    issue(key, item, Why::NotArea);
                }
            }),
            "country" => list(value, |item| {
                let code = item.to_ascii_uppercase();
                if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                    f.countries.insert(code);
                } else {
                    issue(key, item, Why::NotCountry);
                }
            }),
            "from" | "to" => match value.parse::<u16>().ok().filter(|y| YEARS.contains(y)) {
                Some(y) if key.eq_ignore_ascii_case("from") => f.from = Some(y),
                Some(y) => f.to = Some(y),
                None => issue(key, value, Why::NotYear),
            },
            "kind" => list(value, |item| {
                match Kind::ALL.iter().find(|k| k.id().eq_ignore_ascii_case(item)) {
                    Some(k) => {
                        f.kinds.insert(*k);
                    }
                    None => issue(key, item, Why::NotKind),
                }
            }),
            "status" => list(value, |item| {
                match Status::ALL
                    .iter()
                    .find(|s| s.id().eq_ignore_ascii_case(item))
                {
                    Some(s) => {
                        f.statuses.insert(*s);
                    }
                    None => issue(key, item, Why::NotStatus),
                }
            }),
            "q" => {
                if raw.chars().count() > MAX_Q {
                    issue(key, raw, Why::TooLong);
                }
                f.q = normalize_q(raw);
            }
            "sel" => {
                if is_record_id(value) {
                    f.sel = Some(value.to_string());
                } else {
                    issue(key, value, Why::NotRecordId);
                }
            }
            "shade" => {
                let id = value.to_ascii_lowercase();
                if is_id(&id) {
                    f.shade = Some(id);
                } else {
                    issue(key, value, Why::NotProvider);
                }
            }
            "d" => {
                if is_version(value) {
                    f.d = Some(value.to_string());
                } else {
                    issue(key, value, Why::NotVersion);
                }
            }
            "lang" => match Lang::from_key(value) {
                Some(l) => f.lang = l,
                None => issue(key, value, Why::NotLang),
            },
            "ref" => match value {
                "1" => f.reference = true,
                "0" => f.reference = false,
                _ => issue(key, value, Why::NotOne),
            },
            "embed" => match value {
                "1" => f.embed = true,
                "0" => f.embed = false,
                _ => issue(key, value, Why::NotOne),
            },
            _ => issue(key, value, Why::Unknown),
        }
    }
    if let (Some(from), Some(to)) = (f.from, f.to) {
        if from > to {
            issue("from", &format!("{from}"), Why::FromAfterTo(to));
            f.from = None;
            f.to = None;
        }
    }
    (f, issues)
}

/// The form of a free-text query that the view and the URL use: single spaces, no ends, at most [`MAX_Q`] characters.
pub fn normalize_q(raw: &str) -> String {
    let short: String = raw.chars().take(MAX_Q).collect();
    short.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the search box may hold: its `maxlength` ([`MAX_Q`]) counts UTF-16 units, and
/// text that arrives past it anyway (a script, an input method, an assistive tool,
/// a test driver) is cut back to the longest whole-character prefix that fits, so the
/// box never shows more than the view searches for. `None` when `raw` fits.
pub fn fit_box(raw: &str) -> Option<&str> {
    let mut units = 0;
    for (i, c) in raw.char_indices() {
        units += c.len_utf16();
        if units > MAX_Q {
            return Some(&raw[..i]);
        }
    }
    None
}

fn list(value: &str, mut each: impl FnMut(&str)) {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .for_each(&mut each);
}

/// A record id that `sel=` can carry: 1–100 printable ASCII characters, no spaces.
/// The loader skips a record whose id is not one (its link could not be shared).
pub fn is_record_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_graphic())
}

/// A dataset version that `d=`, file names and citation keys can carry: 1–32 ASCII
/// letters, digits, `.` and `-`. The loader refuses a dataset whose version is not one.
pub fn is_version(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
}

/// A provider or area id: what the URL can carry without escaping.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The canonical query string, without the leading `?`; empty for the default view.
///
/// Lists of ids are sorted alphabetically; kinds and statuses follow their
/// declaration order, which is just as fixed.
pub fn to_query(f: &Filters) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |key: &str, value: String| {
        if !value.is_empty() {
            parts.push(format!("{key}={}", encode(&value)));
        }
    };
    if f.view != View::Map {
        put("view", f.view.id().into());
    }
    put("provider", join(f.providers.iter().map(String::as_str)));
    put("area", join(f.areas.iter().map(String::as_str)));
    put("country", join(f.countries.iter().map(String::as_str)));
    put("from", f.from.map(|y| y.to_string()).unwrap_or_default());
    put("to", f.to.map(|y| y.to_string()).unwrap_or_default());
    put("kind", join(f.kinds.iter().map(|k| k.id())));
    put("status", join(f.statuses.iter().map(|s| s.id())));
    put("q", f.q.clone());
    put("sel", f.sel.clone().unwrap_or_default());
    put("shade", f.shade.clone().unwrap_or_default());
    if f.reference {
        put("ref", "1".into());
    }
    put("d", f.d.clone().unwrap_or_default());
    if f.lang != Lang::default() {
        put("lang", f.lang.key().into());
    }
    if f.embed {
        put("embed", "1".into());
    }
    parts.join("&")
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(",")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(q: &str) -> (Filters, Vec<Issue>) {
        from_query(&parse_pairs(q))
    }

    #[test]
    fn default_view_is_the_empty_query() {
        assert_eq!(to_query(&Filters::default()), "");
        assert_eq!(parse(""), (Filters::default(), vec![]));
        assert_eq!(parse("?view=map"), (Filters::default(), vec![]));
    }

    #[test]
    fn canonical_order_case_and_commas() {
        let (f, issues) = parse("?q=S%C3%A3o+Paulo&country=sa%2Cmx,MX&provider=Nimbus,acme&view=TABLE&to=2025&from=2015&kind=closure,region_launch&status=retired&sel=nimbus:ap-seoul&d=2026-11-26&area=me,apac&shade=Acme&ref=1");
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(
            to_query(&f),
            "view=table&provider=acme,nimbus&area=apac,me&country=MX,SA&from=2015&to=2025&kind=region_launch,closure&status=retired&q=S%C3%A3o+Paulo&sel=nimbus:ap-seoul&shade=acme&ref=1&d=2026-11-26"
        );
        assert_eq!(f.q, "São Paulo");
    }

    #[test]
    fn invalid_values_are_ignored_and_named() {
        let (f, issues) = parse("provider=acme,AWS!&from=abc&view=globe&area=Mars!&foo=1&country=Mexico&status=open&kind=merger");
        assert_eq!(f.providers.iter().collect::<Vec<_>>(), ["acme"]);
        assert_eq!(f.from, None);
        assert_eq!(f.view, View::Map);
        let named: Vec<(String, Why)> = issues.iter().map(|i| (i.head(), i.reason)).collect();
        assert_eq!(named.len(), 8, "{named:?}");
        assert!(
            named.contains(&("foo=1".to_string(), Why::Unknown)),
            "{named:?}"
        );
        // The value is named as it was typed, not as it was folded to lower case.
        assert!(
            named.contains(&("provider=AWS!".to_string(), Why::NotProvider)),
            "{named:?}"
        );
    }

    #[test]
    fn from_after_to_drops_both() {
        let (f, issues) = parse("from=2030&to=2020");
        assert_eq!((f.from, f.to), (None, None));
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].reason, Why::FromAfterTo(2020));
    }

    #[test]
    fn hostile_strings_are_clipped_and_encoded() {
        let (f, _) = parse("q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assert_eq!(f.q, "<script>alert(1)</script>");
        assert_eq!(to_query(&f), "q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
        let (f, issues) = parse(&format!("q={}", "a".repeat(500)));
        assert_eq!(f.q.len(), MAX_Q);
        assert_eq!(issues.len(), 1);
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn the_search_box_holds_what_fits_its_maxlength() {
        assert_eq!(fit_box(&"a".repeat(MAX_Q)), None);
        assert_eq!(
            fit_box(&"a".repeat(MAX_Q + 56)),
            Some("a".repeat(MAX_Q).as_str())
        );
        // Two UTF-16 units each: a character is never cut in half.
        let wide = "𝄞".repeat(101);
        assert_eq!(fit_box(&wide).map(|s| s.chars().count()), Some(100));
        let mixed = format!("{}𝄞", "a".repeat(MAX_Q - 1));
        assert_eq!(fit_box(&mixed), Some("a".repeat(MAX_Q - 1).as_str()));
        assert_eq!(fit_box("新加坡"), None);
    }

    fn id() -> impl Strategy<Value = String> {
        "[a-z0-9_-]{1,12}"
    }

    fn filters() -> impl Strategy<Value = Filters> {
        let years = (1900u16..2200, 1900u16..2200).prop_map(|(a, b)| (a.min(b), a.max(b)));
        (
            (
                prop::sample::select(View::ALL.to_vec()),
                prop::collection::btree_set(id(), 0..3),
                prop::collection::btree_set("[a-z][a-z0-9_-]{0,6}", 0..4),
                prop::collection::btree_set("[A-Z]{2}", 0..4),
                prop::option::of(years),
                any::<bool>(),
                prop::option::of(id()),
            ),
            (
                prop::collection::btree_set(prop::sample::select(Kind::ALL.to_vec()), 0..4),
                prop::collection::btree_set(prop::sample::select(Status::ALL.to_vec()), 0..3),
                prop::collection::vec("[\\PC&&[^ ]]{1,8}", 0..4).prop_map(|w| w.join(" ")),
                prop::option::of("[a-z0-9:_.-]{1,30}"),
                prop::option::of("[0-9]{4}-[0-9]{2}-[0-9]{2}"),
            ),
        )
            .prop_map(
                |(
                    (view, providers, areas, countries, years, only_from, shade),
                    (kinds, statuses, q, sel, d),
                )| Filters {
                    view,
                    providers,
                    areas,
                    countries,
                    from: years.map(|y| y.0),
                    to: years.filter(|_| !only_from).map(|y| y.1),
                    kinds,
                    statuses,
                    embed: q.len() % 2 == 1,
                    reference: q.len() % 5 < 2,
                    lang: if q.len() % 3 == 1 { Lang::Zh } else { Lang::En },
                    q: normalize_q(&q),
                    sel,
                    shade,
                    d,
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn round_trips(f in filters()) {
            let q = to_query(&f);
            let (back, issues) = parse(&q);
            prop_assert!(issues.is_empty(), "{:?} from {}", issues, q);
            prop_assert_eq!(back, f);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn any_query_parses_and_canonicalises_idempotently(q in "[a-zA-Z=&%,+0-9:._ <>\"'/\\\\-]{0,80}|\\PC{0,60}") {
            let (f, _) = parse(&q);
            let canonical = to_query(&f);
            let (again, issues) = parse(&canonical);
            prop_assert!(issues.is_empty(), "{:?}", issues);
            prop_assert_eq!(to_query(&again), canonical);
        }
    }
}
