//! The promises view as markup: a line per provider, the lag chart (one mark per
//! promise) and the table of every promise, each opening its records.

use super::{a, Html};
use crate::catalog::T;
use crate::i18n::Speak;
use crate::theme::slot;
use atlas_core::filter::{Catalog, Record};
use atlas_core::model::Promise as What;
use atlas_core::promises::{Promise, Promises};

/// One sentence per provider: promises, kept, median lag, shares.
pub fn lead(cat: &Catalog, p: &Promises) -> Vec<String> {
    let lang = cat.lang;
    if p.list.is_empty() {
        return vec![lang.t(T::PrNoPromises).into()];
    }
    p.per
        .iter()
        .filter(|s| s.promises > 0)
        .map(|s| {
            let median = s.median_lag.map_or("—".into(), |m| {
                let m = m.round() as i32;
                lang.months(m, m)
            });
            lang.fill(
                T::PrLead,
                &[
                    cat.provider_name(&s.provider),
                    &s.promises.to_string(),
                    &s.kept.to_string(),
                    &median,
                    &s.within_12.0.to_string(),
                    &s.within_12.1.to_string(),
                    &s.within_24.0.to_string(),
                    &s.within_24.1.to_string(),
                ],
            )
        })
        .collect()
}

/// What a promise's lag cell says.
pub fn lag_text(cat: &Catalog, x: &Promise) -> String {
    let lang = cat.lang;
    match (x.lag, x.age) {
        (Some((lo, hi)), _) => lang.months(lo, hi),
        (None, Some(age)) => lang.fill(T::PrNotOnRecord, &[&lang.months(age, age)]),
        _ => "—".into(),
    }
}

/// The chart's frame: width, left margin, lane height, top, and the months the x axis spans.
pub const CHART_W: f64 = 1000.0;
const LEFT: f64 = 150.0;
const LANE: f64 = 46.0;
const TOP: f64 = 10.0;

/// The chart's x-axis span in months: the longest lag or age, rounded up to a year, at least two.
pub fn axis_months(p: &Promises) -> i32 {
    let max = p
        .list
        .iter()
        .map(|x| x.lag.map_or(x.age.unwrap_or(0), |l| l.1))
        .max()
        .unwrap_or(0);
    ((max + 11) / 12).max(2) * 12
}

/// The chart's height for `lanes` providers.
pub fn chart_height(lanes: usize) -> f64 {
    TOP + LANE * lanes as f64 + 34.0
}

/// The inside of the lag chart's `<svg>` (viewBox `0 0 CHART_W chart_height`).
pub fn chart(cat: &Catalog, p: &Promises) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let months = axis_months(p);
    let x = |m: f64| LEFT + (CHART_W - LEFT - 20.0) * m / f64::from(months);
    let lanes = &p.per;
    let bottom = TOP + LANE * lanes.len() as f64;
    let mut h = Html::new();
    h.el("title", &[], lang.t(T::PrChartTitle))
        .el("desc", &[], lang.t(T::PrChartHint));
    for m in (0..=months).step_by(12) {
        let gx = x(f64::from(m));
        h.void(
            "line",
            &[
                a("class", "pr-grid"),
                a("x1", gx),
                a("x2", gx),
                a("y1", TOP),
                a("y2", bottom),
            ],
        )
        .el(
            "text",
            &[
                a("class", "pr-axis"),
                a("x", gx),
                a("y", bottom + 16.0),
                a("text-anchor", "middle"),
            ],
            &m.to_string(),
        );
    }
    h.el(
        "text",
        &[
            a("class", "pr-axis"),
            a("x", x(f64::from(months) / 2.0)),
            a("y", bottom + 31.0),
            a("text-anchor", "middle"),
        ],
        lang.t(T::PrAxis),
    );
    for (k, s) in lanes.iter().enumerate() {
        let y = TOP + LANE * (k as f64 + 0.5);
        let class = slot(d, &s.provider);
        h.el(
            "text",
            &[a("class", "pr-lane"), a("x", 8.0), a("y", y + 5.0)],
            cat.provider_short(&s.provider),
        );
        for x_ in p
            .list
            .iter()
            .filter(|x_| d.events[x_.event].provider == s.provider)
        {
            let e = &d.events[x_.event];
            let tip = format!(
                "{} · {}{}{}",
                lang.date(&e.date),
                cat.event_title(e).text,
                lang.pick(": ", "："),
                lag_text(cat, x_)
            );
            match (x_.lag, x_.age) {
                (Some((lo, hi)), _) => {
                    if lo != hi {
                        h.void(
                            "line",
                            &[
                                a("class", format!("pr-span {class}").as_str()),
                                a("x1", x(f64::from(lo))),
                                a("x2", x(f64::from(hi))),
                                a("y1", y),
                                a("y2", y),
                            ],
                        );
                    }
                    let mid = f64::from(lo + hi) / 2.0;
                    h.open(
                        "circle",
                        &[
                            a("class", format!("pr-kept {class}").as_str()),
                            a("cx", x(mid)),
                            a("cy", y),
                            a("r", "6"),
                        ],
                    )
                    .el("title", &[], &tip)
                    .close("circle");
                }
                (None, Some(age)) => {
                    h.open(
                        "circle",
                        &[
                            a("class", format!("pr-open {class}").as_str()),
                            a("cx", x(f64::from(age))),
                            a("cy", y),
                            a("r", "6"),
                        ],
                    )
                    .el("title", &[], &tip)
                    .close("circle");
                }
                _ => {}
            }
        }
    }
    h.finish()
}

fn record_button(h: &mut Html, cat: &Catalog, r: Record) {
    let d = &cat.data;
    let (id, title, date) = match r {
        Record::Event(i) => (
            &d.events[i].id,
            cat.event_title(&d.events[i]),
            Some(d.events[i].date),
        ),
        Record::Region(i) => (
            &d.regions[i].id,
            cat.region_name(&d.regions[i]),
            d.regions[i].opened,
        ),
    };
    h.open("li", &[]);
    if let Some(date) = date {
        super::time(h, cat.lang, &date);
        h.text(" · ");
    }
    super::record_button(h, id, title);
    h.close("li");
}

/// The inside of the table of every promise, oldest first.
pub fn table(cat: &Catalog, p: &Promises) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let mut h = Html::new();
    super::head(
        &mut h,
        &[
            lang.t(T::PrColPromised),
            lang.t(T::ColProvider),
            lang.t(T::PrColWhat),
            lang.t(T::PrColLaunch),
            lang.t(T::PrColLag),
        ],
    );
    h.open("tbody", &[]);
    for x in &p.list {
        let e = &d.events[x.event];
        let what = match e.promise {
            Some(What::Region) => lang.t(T::PrRegion),
            _ => lang.t(T::PrDatacenter),
        };
        h.open("tr", &[a("data-id", &e.id)]).open("td", &[]);
        super::time(&mut h, lang, &e.date);
        h.close("td")
            .el("td", &[], cat.provider_name(&e.provider))
            .open("th", &[a("scope", "row")])
            .text(&format!("{what}{}", lang.pick(": ", "：")));
        super::record_button(&mut h, &e.id, cat.event_title(e));
        h.close("th").open("td", &[]);
        if x.by.is_empty() {
            h.text("—");
        } else {
            h.open("ul", &[a("class", "pr-launches")]);
            for &r in &x.by {
                record_button(&mut h, cat, r);
            }
            h.close("ul");
        }
        h.close("td")
            .el("td", &[a("class", "num")], &lag_text(cat, x))
            .close("tr");
    }
    h.close("tbody");
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use atlas_core::filter::select;

    #[test]
    fn a_row_and_a_mark_per_promise() {
        let (cat, _) = super::super::tests::fixture();
        let p = Promises::build(&cat, &select(&cat, &Default::default()));
        let t = table(&cat, &p);
        assert_eq!(t.matches("<tr data-id=").count(), p.list.len());
        let c = chart(&cat, &p);
        assert_eq!(c.matches("<circle").count(), p.list.len());
        assert_eq!(
            lead(&cat, &p).len(),
            if p.list.is_empty() {
                1
            } else {
                p.per.iter().filter(|s| s.promises > 0).count()
            }
        );
    }
}
