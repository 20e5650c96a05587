//! The notice a link made with another data version gets: how many records
//! changed since (`atlas_core::history`), grouped by what changed and why, each
//! record a button that opens it (a removed one is named, not linked).

use super::{a, Html};
use crate::catalog::T;
use crate::i18n::Speak;
use atlas_core::date::PartialDate;
use atlas_core::filter::{shown, Catalog};
use atlas_core::history::{link_age, Line, LinkAge};
use atlas_core::lang::Lang;
use atlas_core::model::ChangeKind;

/// A version (a day) as the page writes dates; the raw text if it is not one.
fn day(lang: Lang, version: &str) -> String {
    PartialDate::parse(version)
        .map(|d| lang.date(&d))
        .unwrap_or_else(|_| version.to_string())
}

/// A field of the data file in words.
pub fn field_label(lang: Lang, field: &str) -> &str {
    let (en, zh) = match field {
        "status" => ("status", "状态"),
        "confidence" => ("confidence", "可信度"),
        "note" => ("note", "说明"),
        "sources" => ("sources", "来源"),
        "checked" => ("status evidence date", "状态依据日期"),
        "opened" => ("opening date", "开服日期"),
        "retired" => ("closing date", "关停日期"),
        "zones" => ("zones", "可用区"),
        "name" => ("name", "名称"),
        "name_zh" | "title_zh" => ("Chinese name", "中文名称"),
        "name_zh_source" => ("source of the Chinese name", "中文名称来源"),
        "title" => ("title", "标题"),
        "date" => ("date", "日期"),
        "kind" => ("kind", "类型"),
        "amount_usd" | "amount_local" | "currency" => ("amount", "金额"),
        "people" => ("people", "人物"),
        "sectors" => ("sectors", "行业"),
        "lat" | "lon" => ("map position", "地图位置"),
        "city" => ("city", "城市"),
        "country" | "iso2" => ("country", "国家或地区"),
        "area" => ("area", "区域"),
        "region" => ("region", "地域"),
        "code" => ("region code", "地域代码"),
        "footprint" => ("stated footprint", "公布规模"),
        "promise" => ("promise", "承诺"),
        "delivered_by" => ("kept by", "兑现于"),
        "provider" => ("provider", "服务商"),
        other => (other, other),
    };
    lang.pick(en, zh)
}

/// The changed fields in words, each once, in the order given.
fn fields(lang: Lang, fields: &[&str]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for f in fields {
        let l = field_label(lang, f);
        if !out.contains(&l) {
            out.push(l);
        }
    }
    out.join(lang.pick(", ", "、"))
}

/// The records of one group: same change, same fields, same reason.
struct Group<'a> {
    change: ChangeKind,
    fields: Vec<&'a str>,
    reason: (&'a str, Option<&'a str>),
    lines: Vec<&'a Line<'a>>,
}

fn groups<'a>(lines: &'a [Line<'a>]) -> Vec<Group<'a>> {
    let mut out: Vec<Group> = Vec::new();
    for l in lines {
        let reason = (l.last.reason.as_str(), l.last.reason_zh.as_deref());
        match out
            .iter_mut()
            .find(|g| g.change == l.change && g.fields == l.fields && g.reason == reason)
        {
            Some(g) => g.lines.push(l),
            None => out.push(Group {
                change: l.change,
                fields: l.fields.clone(),
                reason,
                lines: vec![l],
            }),
        }
    }
    out
}

/// The notice's text and list for the link's `d=`; `None` when the link names
/// this data's version (or none).
pub fn notice(cat: &Catalog, d: Option<&str>) -> Option<String> {
    let lang = cat.lang;
    let data = &cat.data;
    let now = day(lang, &data.version);
    let mut h = Html::new();
    let since = match link_age(data, d) {
        LinkAge::Current => return None,
        LinkAge::Unknown => {
            h.el(
                "p",
                &[a("class", "since__head")],
                &lang.fill(T::SinceUnknown, &[d.unwrap_or_default(), &now]),
            );
            return Some(h.finish());
        }
        LinkAge::Older(s) => s,
    };
    let then = day(lang, &since.from);
    let n = since.lines.len();
    let head = match n {
        0 => lang.fill(T::SinceNone, &[&then, &now]),
        1 => lang.fill(T::SinceOne, &[&then, &now]),
        n => lang.fill(T::SinceMany, &[&n.to_string(), &then, &now]),
    };
    h.el(
        "p",
        &[a("class", "since__head"), a("data-count", &n.to_string())],
        &head,
    );
    if since.before_log {
        if let Some(first) = data.changes.first() {
            h.el(
                "p",
                &[a("class", "hint")],
                &lang.fill(T::SinceBeforeLog, &[&day(lang, &first.version)]),
            );
        }
    }
    if n > 0 {
        h.open("details", &[a("class", "since__details")])
            .el("summary", &[], &lang.fill(T::SinceList, &[&n.to_string()]))
            .open("ul", &[a("class", "notice__list since__list")]);
        for g in groups(&since.lines) {
            let kind = match g.change {
                ChangeKind::Added => T::SinceAdded,
                ChangeKind::Changed => T::SinceChanged,
                ChangeKind::Removed => T::SinceRemoved,
            };
            h.open("li", &[a("data-change", g.change_id())])
                .el("strong", &[], lang.t(kind));
            if !g.fields.is_empty() {
                h.text(&format!(
                    "{}{}{}",
                    lang.pick(" (", "（"),
                    fields(lang, &g.fields),
                    lang.pick(")", "）")
                ));
            }
            h.text(lang.pick(": ", "："));
            super::title(&mut h, shown(lang, g.reason.0, g.reason.1));
            h.open("ul", &[a("class", "since__records")]);
            for l in &g.lines {
                h.open("li", &[a("data-id", l.id)]);
                let logged = shown(lang, &l.last.title, l.last.title_zh.as_deref());
                match cat.record(l.id) {
                    Some(_) if l.change != ChangeKind::Removed => {
                        super::record_button(&mut h, l.id, current_title(cat, l.id, logged))
                    }
                    _ => super::title(&mut h, logged),
                }
                h.close("li");
            }
            h.close("ul").close("li");
        }
        h.close("ul").close("details");
    }
    h.el("p", &[a("class", "hint")], lang.t(T::SinceShowsNow));
    Some(h.finish())
}

/// The record's title as the data has it now (the log keeps the one it had then).
fn current_title<'a>(
    cat: &'a Catalog,
    id: &str,
    logged: atlas_core::filter::Shown<'a>,
) -> atlas_core::filter::Shown<'a> {
    use atlas_core::filter::Record;
    match cat.record(id) {
        Some(Record::Region(i)) => cat.region_name(&cat.data.regions[i]),
        Some(Record::Event(i)) => cat.event_title(&cat.data.events[i]),
        None => logged,
    }
}

impl Group<'_> {
    fn change_id(&self) -> &'static str {
        match self.change {
            ChangeKind::Added => "added",
            ChangeKind::Changed => "changed",
            ChangeKind::Removed => "removed",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    use crate::markup::tests::shipped;

    #[test]
    fn this_version_or_none_gives_no_notice() {
        let cat = shipped(Lang::En);
        assert_eq!(notice(&cat, None), None);
        assert_eq!(notice(&cat, Some(&cat.data.version.clone())), None);
    }

    #[test]
    fn an_old_link_lists_every_changed_record_once_with_a_button_unless_removed() {
        for lang in [Lang::En, Lang::Zh] {
            let cat = shipped(lang);
            let log = &cat.data.changes;
            let html = notice(&cat, Some(&log[log.len() - 2].version.clone())).unwrap();
            let last = log.last().unwrap();
            assert!(html.contains(&format!("data-count=\"{}\"", last.records.len())));
            for c in &last.records {
                assert_eq!(
                    html.matches(&format!("data-id=\"{}\"", c.id)).count(),
                    1,
                    "{}",
                    c.id
                );
            }
            let removed = last
                .records
                .iter()
                .filter(|c| c.change == ChangeKind::Removed)
                .count();
            assert_eq!(
                html.matches("data-sel-id=").count(),
                last.records.len() - removed
            );
        }
        let zh = notice(&shipped(Lang::Zh), Some("2026-11-26")).unwrap();
        assert!(zh.contains("状态依据日期"), "field names in Chinese");
    }

    #[test]
    fn a_version_the_data_does_not_know_says_so() {
        let cat = shipped(Lang::En);
        let html = notice(&cat, Some("2099-01-01")).unwrap();
        assert!(html.contains("2099-01-01") && !html.contains("<details"));
        let old = notice(&cat, Some("2020-01-01")).unwrap();
        assert!(old.contains("are not recorded"), "{old}");
    }
}
