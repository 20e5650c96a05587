//! The detail panel's fields, note and sources for one record, and the
//! print-only list of sources, as markup.

use super::{a, Html};
use crate::catalog::T;
use crate::i18n::Lang;
use crate::i18n::Speak;
use atlas_core::evidence::Dispute;
use atlas_core::filter::{Catalog, Record, Selection, Shown};
use atlas_core::model::{Region, Status};

/// The record's title (marked English when it stands in for a missing translation),
/// and the panel body: confidence, every field, the note, the sources.
pub fn record(cat: &Catalog, record: Record) -> (Shown<'_>, String) {
    let (d, lang) = (&cat.data, cat.lang);
    let comma = lang.t(T::ListComma);
    let brackets = |s: &str| format!("{}{s}{}", lang.pick(" (", "（"), lang.pick(")", "）"));
    // A city without its Chinese name marks the place as English (see `markup::title`).
    let mut place_fallback = false;
    let mut city = |c: &Option<String>| {
        c.as_deref().map(|c| {
            let shown = cat.city_name(c);
            place_fallback |= shown.fallback;
            shown.text.to_string()
        })
    };
    let (mut notes, mut evidence) = (String::new(), String::new());
    let (title, rows, note, sources, confidence) = match record {
        Record::Region(i) => {
            let r = &d.regions[i];
            let area = d
                .areas
                .iter()
                .find(|a| a.id == r.area)
                .map(|a| cat.area_name(a).to_string())
                .unwrap_or_else(|| r.area.clone());
            let mut rows = vec![
                (T::FieldProvider, cat.provider_name(&r.provider).to_string()),
                (
                    T::FieldRegionCode,
                    r.code.clone().unwrap_or_else(|| lang.t(T::NoneYet).into()),
                ),
            ];
            // Both names on the Chinese page, and where the Chinese one comes from.
            if lang == Lang::Zh {
                rows.push((T::FieldEnglishName, r.name.clone()));
                let origin = match r.name_zh_source.as_deref().and_then(|s| d.source(s)) {
                    Some(s) => lang.fill(
                        T::NameProviders,
                        &[s.publisher.as_deref().unwrap_or(&s.url)],
                    ),
                    None if r.name_zh.is_some() => lang.t(T::NameOurs).into(),
                    None => lang.t(T::Untranslated).into(),
                };
                rows.push((
                    T::FieldChineseName,
                    format!("{}{}", cat.region_name(r).text, brackets(&origin)),
                ));
            }
            rows.extend([
                (
                    T::FieldPlace,
                    [city(&r.city), Some(cat.country_name(&r.iso2).to_string())]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(comma),
                ),
                (T::FieldArea, area),
                (T::FieldStatus, lang.status(r.status).to_string()),
                (
                    T::FieldChecked,
                    r.checked
                        .map(|c| lang.date(&c))
                        .unwrap_or_else(|| lang.t(T::Unknown).into()),
                ),
                (
                    T::FieldOpened,
                    r.opened
                        .map(|o| lang.date(&o))
                        .unwrap_or_else(|| lang.t(T::Unknown).into()),
                ),
                (
                    T::FieldRetired,
                    r.retired.map(|o| lang.date(&o)).unwrap_or_else(|| {
                        if r.status == Status::Retired {
                            lang.t(T::DateUnknown).into()
                        } else {
                            "—".into()
                        }
                    }),
                ),
                (
                    T::FieldZones,
                    r.zones
                        .map(|z| z.to_string())
                        .unwrap_or_else(|| lang.t(T::Unknown).into()),
                ),
                (
                    T::FieldMapPosition,
                    lang.fill(
                        T::MapPositionValue,
                        &[&format!("{:.2}", r.lat), &format!("{:.2}", r.lon)],
                    ),
                ),
            ]);
            (notes, evidence) = region_evidence(cat, r);
            (
                cat.region_name(r),
                rows,
                r.note.clone(),
                r.sources.clone(),
                r.confidence,
            )
        }
        Record::Event(i) => {
            let e = &d.events[i];
            let country = match (&e.iso2, &e.country) {
                (Some(iso), _) => Some(cat.country_name(iso).to_string()),
                (None, c) => c.clone(),
            };
            let mut rows = vec![
                (T::FieldProvider, cat.provider_name(&e.provider).to_string()),
                (T::FieldDate, lang.date(&e.date)),
                (T::FieldKind, lang.kind(e.kind).to_string()),
                (
                    T::FieldPlace,
                    [city(&e.city), country]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(comma),
                ),
            ];
            if let Some(usd) = e.amount_usd {
                rows.push((T::FieldAmountUsd, lang.usd(usd)));
            }
            if let (Some(v), Some(c)) = (e.amount_local, &e.currency) {
                rows.push((T::FieldAmountLocal, lang.local(v, c)));
            }
            if let Some(fp) = &e.footprint {
                let part = |n: Option<u32>, t: T| n.map(|n| lang.fill(t, &[&n.to_string()]));
                rows.push((
                    T::FieldFootprint,
                    [part(fp.regions, T::NRegions), part(fp.zones, T::NZones)]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(comma),
                ));
            }
            if !e.sectors.is_empty() {
                rows.push((T::FieldSectors, e.sectors.join(", ")));
            }
            if !e.people.is_empty() {
                rows.push((T::FieldPeople, e.people.join("; ")));
            }
            if let Some(r) = e.region.as_ref().and_then(|id| match cat.record(id) {
                Some(Record::Region(i)) => Some(&d.regions[i]),
                _ => None,
            }) {
                rows.push((
                    T::FieldRegion,
                    format!(
                        "{}{}",
                        cat.region_name(r).text,
                        brackets(cat.provider_name(&r.provider))
                    ),
                ));
            }
            (
                cat.event_title(e),
                rows,
                e.note.clone(),
                e.sources.clone(),
                e.confidence,
            )
        }
    };
    let mut h = Html::new();
    h.el(
        "p",
        &[a(
            "class",
            format!("confidence confidence--{}", confidence.id()).as_str(),
        )],
        &lang.fill(T::Confidence, &[lang.confidence(confidence)]),
    )
    .raw(&notes)
    .open("dl", &[a("class", "detail__fields")]);
    for (k, v) in rows {
        h.el("dt", &[], lang.t(k));
        // Sectors and people are data, kept as researched (in English).
        let english = matches!(k, T::FieldSectors | T::FieldPeople | T::FieldEnglishName)
            || (k == T::FieldPlace && place_fallback);
        if lang == Lang::Zh && english {
            h.el("dd", &[a("lang", "en")], &v);
        } else {
            h.el("dd", &[], &v);
        }
    }
    h.close("dl");
    if let Some(n) = note {
        h.el("h3", &[a("class", "detail__sub")], lang.t(T::Note));
        if lang == Lang::Zh {
            h.el("p", &[a("class", "hint")], lang.t(T::NoteInEnglish))
                .el("p", &[a("class", "detail__note"), a("lang", "en")], &n);
        } else {
            h.el("p", &[a("class", "detail__note")], &n);
        }
    }
    h.raw(&evidence)
        .el("h3", &[a("class", "detail__sub")], lang.t(T::Sources))
        .open("ul", &[a("class", "detail__sources")]);
    for s in sources.iter().filter_map(|id| d.source(id)) {
        let label = s
            .title
            .as_deref()
            .or(s.publisher.as_deref())
            .unwrap_or(&s.url);
        // A source's own title is in its own language: on the Chinese page an English
        // one says so.
        let english = lang == Lang::Zh
            && !label
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        h.open("li", &[]);
        super::source_link(&mut h, s, label, english);
        h.close("li");
    }
    h.close("ul");
    (title, h.finish())
}

/// A region's staleness and disputes (shown before its fields), and its evidence items
/// (before the sources), each with its kind, date, what it says and its source; the
/// items a dispute names are marked.
fn region_evidence(cat: &Catalog, r: &Region) -> (String, String) {
    let (d, lang) = (&cat.data, cat.lang);
    let mut h = Html::new();
    if atlas_core::evidence::region_stale(&d.version, r.checked) {
        h.el(
            "p",
            &[a("class", "stale-note")],
            &lang.fill(
                T::StaleNote,
                &[&atlas_core::evidence::STALE_MONTHS.to_string()],
            ),
        );
    }
    let Some(verdict) = r.verdict() else {
        return (h.finish(), String::new());
    };
    let mut disputed = Vec::new();
    for dispute in &verdict.disputes {
        let text = match dispute {
            Dispute::LiveAfterClosure { .. } => T::DisputeLiveAfterClosure,
            Dispute::RetiredClaim { .. } => T::DisputeRetiredClaim,
            Dispute::Dates { .. } => T::DisputeDates,
            Dispute::Unconfirmed { .. } => T::DisputeUnconfirmed,
        };
        h.el("p", &[a("class", "contested-note")], lang.t(text));
        disputed.extend(dispute.items());
    }
    let notes = h.finish();
    let mut h = Html::new();
    h.el("h3", &[a("class", "detail__sub")], lang.t(T::FieldEvidence))
        .open("ul", &[a("class", "detail__evidence")]);
    // Newest first: the freshest evidence is what the status rests on today.
    let mut order: Vec<usize> = (0..r.evidence.len()).collect();
    order.sort_by(|&x, &y| r.evidence[y].date.cmp(&r.evidence[x].date));
    for i in order {
        let e = &r.evidence[i];
        let class = if disputed.contains(&i) {
            format!("evidence evidence--{} evidence--disputed", e.kind.id())
        } else {
            format!("evidence evidence--{}", e.kind.id())
        };
        h.open("li", &[a("class", &class)]).text(&lang.fill(
            T::EvidenceItem,
            &[
                lang.proof(e.kind),
                &lang.date(&e.date),
                lang.status_word(e.says),
            ],
        ));
        if let Some(s) = d.source(&e.source) {
            h.text(" — ");
            super::source_link(&mut h, s, s.publisher.as_deref().unwrap_or(&s.url), false);
        }
        if let Some(detail) = &e.detail {
            let attrs = if lang == Lang::Zh {
                vec![a("class", "evidence__detail"), a("lang", "en")]
            } else {
                vec![a("class", "evidence__detail")]
            };
            h.el("span", &attrs, detail);
        }
        h.close("li");
    }
    h.close("ul");
    (notes, h.finish())
}

/// For print: every source behind the shown records, once, in id order.
pub fn print_sources(cat: &Catalog, sel: &Selection) -> String {
    let d = &cat.data;
    let mut ids: Vec<&String> = sel
        .regions
        .iter()
        .flat_map(|&i| &d.regions[i].sources)
        .chain(sel.events.iter().flat_map(|&i| &d.events[i].sources))
        .collect();
    atlas_core::sort::sort_vec(&mut ids, &|a, b| a.cmp(b));
    ids.dedup();
    let mut h = Html::new();
    for s in ids.into_iter().filter_map(|id| d.source(id)) {
        h.open("li", &[])
            .text(s.publisher.as_deref().unwrap_or(""))
            .text(" — ")
            .text(&s.url)
            .close("li");
    }
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fields_and_sources_of_each_kind_of_record() {
        let (cat, sel) = super::super::tests::fixture();
        let (title, body) = record(&cat, Record::Region(0));
        assert_eq!(title.text, cat.data.regions[0].name);
        assert!(
            body.contains("<dt>Map position</dt>") && body.contains("rel=\"noopener noreferrer\"")
        );
        let (_, body) = record(&cat, Record::Event(0));
        assert!(body.contains("<dt>Kind</dt>"));
        assert!(print_sources(&cat, &sel).starts_with("<li>"));
    }
}
