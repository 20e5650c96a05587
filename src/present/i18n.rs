//! Languages: English and Simplified Chinese.
//!
//! Chosen over the Leptos i18n crates (leptos_i18n, fluent, rust-i18n): a table
//! compiled into the pure core ([`super::catalog`]), where a phrase is one line
//! with both languages, so a phrase cannot exist in one language only (a missing
//! translation does not compile), and the presentation layer that the oracle, the
//! pre-render and the app share stays free of Leptos. Sentences with figures are
//! functions, written for each language's grammar rather than word for word;
//! numbers and dates follow each language's conventions (`Feb 2025` / `2025年2月`,
//! `52.3 billion` / `523亿`). See the README ("Languages") for the comparison.

use super::catalog::{fill_template, Phrase, T};
use atlas_core::date::PartialDate;
use atlas_core::evidence::Proof;
use atlas_core::model::{Confidence, Kind, Status};
use atlas_core::query::{View, Why};

pub use atlas_core::lang::Lang;

/// What a language says: every phrase, word and number of the interface in the
/// language [`Speak::lang`] names. A trait on the core's [`Lang`] because the
/// identity of a language belongs to the URL codec (`atlas_core`), while its
/// words belong here; `use atlas_present::i18n::Speak` brings them into scope.
pub trait Speak: Copy {
    /// The language spoken.
    fn lang(self) -> Lang;

    /// A phrase in this language.
    fn t<P: Phrase>(self, t: P) -> &'static str;

    /// A phrase with its `{0}`, `{1}`… replaced by `args` (see [`fill_template`]).
    fn fill<P: Phrase>(self, t: P, args: &[&str]) -> String;

    fn kind(self, k: Kind) -> &'static str;

    fn status(self, s: Status) -> &'static str;

    /// A status inside a sentence or a tooltip: lower-case in English.
    fn status_word(self, s: Status) -> &'static str;

    fn confidence(self, c: Confidence) -> &'static str;

    /// The kind of an evidence item ("launch report").
    fn proof(self, p: Proof) -> &'static str;

    fn view(self, v: View) -> &'static str;

    /// Why a URL parameter was ignored.
    fn why(self, w: Why) -> String;

    /// A count of zones: "2 zones" / "2个可用区".
    fn zones(self, n: u32) -> String;

    /// Items joined as a list: "a, b and c" / "a、b和c".
    fn list(self, items: &[&str]) -> String;
    /// A date at its own precision: "24 Feb 2025" / "2025年2月24日", "Feb 2025" /
    /// "2025年2月", "2025" / "2025年".
    fn date(self, d: &PartialDate) -> String;

    /// A US$ amount in words: "US$52.3 billion" / "523亿美元", "US$300 million" /
    /// "3亿美元", "US$15 million" / "1,500万美元".
    fn usd(self, v: f64) -> String;

    /// An amount in the currency it was announced in: "380 billion CNY" /
    /// "3,800亿元人民币"; a currency without a Chinese name keeps its ISO code.
    fn local(self, v: f64, currency: &str) -> String;

    /// A number of people: "3.04 billion", "812.5 million", "5,400" / "30.4亿", "8,125万", "5,400".
    fn people(self, v: f64) -> String;

    /// A distance in whole km, grouped: "1,234 km" / "1,234公里".
    fn km(self, v: f64) -> String;

    /// A number of months, or a range of them: "1 month", "9 months", "0–3 months" /
    /// "9个月", "0–3个月".
    fn months(self, lo: i32, hi: i32) -> String;

    /// A range of distances: "250–1,000 km" / "250–1,000公里".
    fn km_range(self, lo: f64, hi: f64) -> String;

    /// A share as a whole percentage ("85%"); a share above zero never shows as 0%,
    /// nor one below all as 100%.
    fn percent(self, share: f64) -> String;

    /// A count with thousands separators (both languages use the comma).
    fn count(self, n: usize) -> String;
}

/// The words themselves: the trait above lists them, this one implementation
/// holds them.
impl Speak for Lang {
    fn lang(self) -> Lang {
        self
    }

    fn t<P: Phrase>(self, t: P) -> &'static str {
        match self {
            Lang::En => t.en(),
            Lang::Zh => t.zh(),
        }
    }

    fn fill<P: Phrase>(self, t: P, args: &[&str]) -> String {
        fill_template(self.t(t), args)
    }

    fn kind(self, k: Kind) -> &'static str {
        self.t(match k {
            Kind::RegionLaunch => T::KindRegionLaunch,
            Kind::DatacenterLaunch => T::KindDatacenter,
            Kind::Announcement => T::KindAnnouncement,
            Kind::Investment => T::KindInvestment,
            Kind::Partnership => T::KindPartnership,
            Kind::Closure => T::KindClosure,
            Kind::MarketFigure => T::KindMarket,
        })
    }

    fn status(self, s: Status) -> &'static str {
        self.t(match s {
            Status::Live => T::StatusLive,
            Status::Listed => T::StatusListed,
            Status::Announced => T::StatusAnnounced,
            Status::Retired => T::StatusRetired,
        })
    }

    fn status_word(self, s: Status) -> &'static str {
        match self {
            Lang::En => s.id(),
            Lang::Zh => self.status(s),
        }
    }

    fn confidence(self, c: Confidence) -> &'static str {
        self.t(match c {
            Confidence::Low => T::ConfidenceLow,
            Confidence::Medium => T::ConfidenceMedium,
            Confidence::High => T::ConfidenceHigh,
        })
    }

    fn proof(self, p: Proof) -> &'static str {
        self.t(match p {
            Proof::Launch => T::ProofLaunch,
            Proof::Table => T::ProofTable,
            Proof::Listing => T::ProofListing,
            Proof::Intent => T::ProofIntent,
            Proof::Closure => T::ProofClosure,
            Proof::Report => T::ProofReport,
        })
    }

    fn view(self, v: View) -> &'static str {
        self.t(match v {
            View::Map => T::ViewMap,
            View::Timeline => T::ViewTimeline,
            View::Compare => T::ViewCompare,
            View::Table => T::ViewTable,
            View::Coverage => T::ViewCoverage,
            View::Changes => T::ViewChanges,
            View::Promises => T::ViewPromises,
        })
    }

    fn why(self, w: Why) -> String {
        match self {
            Lang::En => match w {
                Why::NotView => {
                    "not a view (map, timeline, compare, table, coverage, changes or promises)"
                        .into()
                }
                Why::NotProvider => "not a provider id".into(),
                Why::NotArea => "not an area id".into(),
                Why::NotCountry => "not a two-letter country code".into(),
                Why::NotYear => "not a year".into(),
                Why::NotKind => "not an event kind".into(),
                Why::NotStatus => "not a status (live, announced or retired)".into(),
                Why::TooLong => "too long; shortened".into(),
                Why::NotRecordId => "not a record id".into(),
                Why::NotVersion => "not a dataset version".into(),
                Why::NotOne => "not 1".into(),
                Why::NotLang => "not a language (zh, or none for English)".into(),
                Why::Unknown => "unknown parameter".into(),
                Why::FromAfterTo(to) => format!("is after to={to}; both ignored"),
                Why::ProviderNotInData => "not a provider in this dataset".into(),
                Why::AreaNotInData => "not an area in this dataset".into(),
                Why::NoSuchRecord => "no record has this id".into(),
            },
            Lang::Zh => match w {
                Why::NotView => {
                    "不是视图名称（map、timeline、compare、table、coverage、changes或promises）"
                        .into()
                }
                Why::NotProvider => "不是云服务商代号".into(),
                Why::NotArea => "不是区域代号".into(),
                Why::NotCountry => "不是两个字母的国家或地区代码".into(),
                Why::NotYear => "不是年份".into(),
                Why::NotKind => "不是事件类型".into(),
                Why::NotStatus => "不是地域状态（live、announced或retired）".into(),
                Why::TooLong => "过长，已截短".into(),
                Why::NotRecordId => "不是记录编号".into(),
                Why::NotVersion => "不是数据集版本".into(),
                Why::NotOne => "只能是1".into(),
                Why::NotLang => "不是语言代码（中文为zh，英文不填）".into(),
                Why::Unknown => "未知参数".into(),
                Why::FromAfterTo(to) => format!("晚于截止年份to={to}，两者均被忽略"),
                Why::ProviderNotInData => "数据集中没有这家云服务商".into(),
                Why::AreaNotInData => "数据集中没有这个区域".into(),
                Why::NoSuchRecord => "没有这个编号的记录".into(),
            },
        }
    }

    fn zones(self, n: u32) -> String {
        let t = if n == 1 {
            T::MarkerZone
        } else {
            T::MarkerZones
        };
        self.fill(t, &[&n.to_string()])
    }

    fn list(self, items: &[&str]) -> String {
        match items.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!(
                    "{}{}{last}",
                    rest.join(self.t(T::ListComma)),
                    self.t(T::And)
                )
            }
            _ => items.join(""),
        }
    }

    fn date(self, d: &PartialDate) -> String {
        match self {
            Lang::En => d.human(),
            Lang::Zh => match (d.month, d.day) {
                (Some(m), Some(day)) => format!("{}年{m}月{day}日", d.year),
                (Some(m), None) => format!("{}年{m}月", d.year),
                _ => format!("{}年", d.year),
            },
        }
    }

    fn usd(self, v: f64) -> String {
        match self {
            Lang::En => format!("US${}", super::format::money(v)),
            Lang::Zh => format!("{}美元", chinese_amount(v)),
        }
    }

    fn local(self, v: f64, currency: &str) -> String {
        match (self, currency) {
            (Lang::En, c) => format!("{} {c}", super::format::money(v)),
            (Lang::Zh, "CNY") => format!("{}元人民币", chinese_amount(v)),
            (Lang::Zh, "USD") => format!("{}美元", chinese_amount(v)),
            (Lang::Zh, "HKD") => format!("{}港元", chinese_amount(v)),
            (Lang::Zh, "EUR") => format!("{}欧元", chinese_amount(v)),
            (Lang::Zh, c) => format!("{} {c}", chinese_amount(v)),
        }
    }

    fn people(self, v: f64) -> String {
        match self {
            Lang::En if v >= 1e6 => super::format::money(v),
            Lang::Zh if v >= 1e4 => chinese_amount(v),
            _ => grouped(&format!("{:.0}", v.max(0.0))),
        }
    }

    fn km(self, v: f64) -> String {
        self.fill(T::CovKm, &[&grouped(&format!("{:.0}", v.max(0.0)))])
    }

    fn months(self, lo: i32, hi: i32) -> String {
        let n = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        match self {
            Lang::En if lo == hi && lo == 1 => "1 month".into(),
            Lang::En => format!("{n} months"),
            Lang::Zh => format!("{n}个月"),
        }
    }

    fn km_range(self, lo: f64, hi: f64) -> String {
        format!(
            "{}–{}",
            grouped(&format!("{:.0}", lo.max(0.0))),
            self.km(hi)
        )
    }

    fn percent(self, share: f64) -> String {
        let p = (share * 100.0).round();
        let p = if share > 0.0 && p == 0.0 {
            "<1".to_string()
        } else if share < 1.0 && p == 100.0 {
            ">99".to_string()
        } else {
            format!("{p:.0}")
        };
        format!("{p}%")
    }

    fn count(self, n: usize) -> String {
        grouped(&n.to_string())
    }
}

/// An amount in the Chinese myriad units: 亿 (10⁸) and 万 (10⁴), two decimals at
/// most, thousands separators in the figure ("3,800亿").
pub fn chinese_amount(v: f64) -> String {
    let (value, unit) = if v >= 1e8 {
        (v / 1e8, "亿")
    } else if v >= 1e4 {
        (v / 1e4, "万")
    } else {
        (v, "")
    };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
    let mut out = grouped(whole);
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out.push_str(unit);
    out
}

/// Digits with a comma every three from the right.
fn grouped(digits: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn url_keys_round_trip_and_english_is_the_default() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_key(l.key()), Some(l));
        }
        assert_eq!(Lang::default(), Lang::En);
        assert_eq!(Lang::from_key("zh-Hans"), None);
        assert_eq!(Lang::from_key("ZH"), Some(Lang::Zh));
        assert_eq!(Lang::Zh.tag(), "zh-Hans");
    }

    #[test]
    fn dates_in_chinese_keep_their_precision() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(Lang::Zh.date(&d("2025-02-24")), "2025年2月24日");
        assert_eq!(Lang::Zh.date(&d("2025-02")), "2025年2月");
        assert_eq!(Lang::Zh.date(&d("2025")), "2025年");
        assert_eq!(Lang::En.date(&d("2025-02")), "Feb 2025");
    }

    #[test]
    fn amounts_in_chinese_use_yi_and_wan() {
        assert_eq!(Lang::Zh.usd(52.3e9), "523亿美元");
        assert_eq!(Lang::Zh.usd(380e9), "3,800亿美元");
        assert_eq!(Lang::Zh.usd(300e6), "3亿美元");
        assert_eq!(Lang::Zh.usd(150e6), "1.5亿美元");
        assert_eq!(Lang::Zh.usd(15e6), "1,500万美元");
        assert_eq!(Lang::Zh.usd(750_000.0), "75万美元");
        assert_eq!(Lang::Zh.usd(2.56e9), "25.6亿美元");
        assert_eq!(Lang::Zh.usd(9_000.0), "9,000美元");
        assert_eq!(Lang::En.usd(52.3e9), "US$52.3 billion");
        assert_eq!(chinese_amount(1.234_567e12), "12,345.67亿");
        assert_eq!(Lang::Zh.local(380e9, "CNY"), "3,800亿元人民币");
        assert_eq!(Lang::En.local(380e9, "CNY"), "380 billion CNY");
        assert_eq!(Lang::Zh.local(5e8, "SAR"), "5亿 SAR");
    }

    #[test]
    fn counts_are_grouped() {
        assert_eq!(Lang::En.count(0), "0");
        assert_eq!(Lang::Zh.count(1234), "1,234");
        assert_eq!(Lang::En.count(1_000_000), "1,000,000");
    }

    #[test]
    fn people_distances_and_shares() {
        assert_eq!(Lang::En.people(3.04e9), "3.04 billion");
        assert_eq!(Lang::Zh.people(3.04e9), "30.4亿");
        assert_eq!(Lang::En.people(812.5e6), "812.5 million");
        assert_eq!(Lang::Zh.people(81.25e6), "8,125万");
        assert_eq!(Lang::En.people(5400.0), "5,400");
        assert_eq!(Lang::En.km(1234.4), "1,234 km");
        assert_eq!(Lang::Zh.km(1234.6), "1,235公里");
        assert_eq!(Lang::En.percent(0.854), "85%");
        assert_eq!(Lang::En.percent(0.001), "<1%");
        assert_eq!(Lang::En.percent(0.999), ">99%");
        assert_eq!(Lang::En.percent(1.0), "100%");
        assert_eq!(Lang::En.percent(0.0), "0%");
    }
}
