//! The timeline view's markup: the event chart (lanes, marks, yearly bins), its
//! legend, and the growth section. Geometry comes from [`atlas_core::timeline`];
//! markup is text for the reasons given in [`super`].
//!
//! Marks carry `data-sel-id` (opens the record) and year bins `data-year`
//! (narrows the years); the view listens once for both.

use super::{a, head, marker_svg, Html, Val};
use crate::catalog::T;
use crate::hooks::{SEL_ID, YEAR};
use crate::i18n::Lang;
use crate::i18n::Speak;
use crate::theme::slot;
use atlas_core::aggregate::{footprints, growth, Growth};
use atlas_core::filter::{Catalog, Selection};
use atlas_core::model::{Event, Kind};
use atlas_core::timeline::{layout, Axis, Bar, Lane, LaneBody, WIDTH};
use std::collections::BTreeSet;

/// SVG path of a kind's marker centred on (x, y), size r.
pub fn mark_path(kind: Kind, x: f64, y: f64, r: f64) -> String {
    match kind {
        Kind::RegionLaunch => format!(
            "M{x:.1},{:.1}L{:.1},{:.1}L{:.1},{:.1}Z",
            y - r,
            x + r,
            y + r * 0.8,
            x - r,
            y + r * 0.8
        ),
        Kind::DatacenterLaunch => format!(
            "M{:.1},{:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r * 0.8,
            y - r * 0.8,
            r * 1.6,
            r * 1.6,
            -r * 1.6
        ),
        Kind::Partnership => format!(
            "M{x:.1},{:.1}L{:.1},{y:.1}L{x:.1},{:.1}L{:.1},{y:.1}Z",
            y - r,
            x + r,
            y + r,
            x - r
        ),
        Kind::Closure => format!(
            "M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}",
            x - r,
            y - r,
            x + r,
            y + r,
            x - r,
            y + r,
            x + r,
            y - r
        ),
        Kind::MarketFigure => format!(
            "M{:.1},{:.1}h{:.1}v{:.1}h{:.1}Z",
            x - r,
            y - r * 0.4,
            r * 2.0,
            r * 0.8,
            -r * 2.0
        ),
        // Investments and announcements are circles.
        _ => format!(
            "M{:.1},{y:.1}a{r:.1},{r:.1} 0 1,0 {:.1},0a{r:.1},{r:.1} 0 1,0 {:.1},0",
            x - r,
            r * 2.0,
            -r * 2.0
        ),
    }
}

/// A mark's accessible name and tooltip: "Tencent Cloud, 2025: … (Region launch), US$…".
pub fn mark_label(cat: &Catalog, lane: &str, e: &Event) -> String {
    let lang = cat.lang;
    let comma = lang.pick(", ", "，");
    let mut label = format!(
        "{lane}{comma}{}{}{}{}{}{}",
        lang.date(&e.date),
        lang.pick(": ", "："),
        cat.event_title(e).text,
        lang.pick(" (", "（"),
        lang.kind(e.kind),
        lang.pick(")", "）"),
    );
    if let Some(usd) = e.amount_usd {
        label.push_str(comma);
        label.push_str(&lang.usd(usd));
    }
    label
}

/// A year bar's accessible name.
pub fn bar_label(cat: &Catalog, lane: &str, bar: &Bar) -> String {
    cat.lang.fill(
        T::BinLabel,
        &[lane, &bar.year.to_string(), &bar.count.to_string()],
    )
}

/// The event chart for the selection, drawn from [`layout`]: `(svg, some lane is binned)`.
/// Colours come from the stylesheet through the provider's slot class; the exported
/// picture draws the same layout with its colours written out
/// ([`crate::export::timeline_svg`]).
pub fn chart(cat: &Catalog, sel: &Selection, selected: Option<&str>) -> (String, bool) {
    let d = &cat.data;
    let l = layout(cat, sel);
    let mut h = Html::new();
    h.open(
        "svg",
        &[
            a("class", "timeline"),
            a("viewBox", &format!("0 0 {WIDTH} {:.0}", l.height)),
            a("role", "group"),
            a("aria-labelledby", "tl-title"),
            a("aria-describedby", "tl-desc"),
        ],
    )
    .el(
        "title",
        &[a("id", "tl-title")],
        cat.lang.t(T::TimelineTitle),
    )
    .el("desc", &[a("id", "tl-desc")], cat.lang.t(T::TimelineDesc));
    for &(t, x) in &l.ticks {
        h.open("g", &[a("class", "tl-tick")])
            .void(
                "line",
                &[a("x1", x), a("x2", x), a("y1", "24"), a("y2", l.height)],
            )
            .el("text", &[a("x", x + 3.0), a("y", "18")], &t.to_string())
            .close("g");
    }
    let mut binned = false;
    for lane in &l.lanes {
        let colour = slot(d, &lane.provider);
        match &lane.body {
            LaneBody::Marks(marks) => {
                h.open("g", &[a("class", format!("tl-lane {colour}").as_str())]);
                lane_head(&mut h, lane);
                for m in marks {
                    let e = &d.events[m.event];
                    let label = mark_label(cat, &lane.name, e);
                    let pressed = if selected == Some(e.id.as_str()) {
                        " tl-event--selected"
                    } else {
                        ""
                    };
                    let class = format!("tl-event tl-kind--{}{pressed}", e.kind.id());
                    h.open(
                        "g",
                        &[
                            a("class", &class),
                            a("tabindex", "0"),
                            a("role", "button"),
                            a("aria-label", &label),
                            a(SEL_ID, &e.id),
                        ],
                    )
                    .el("title", &[], &label);
                    if m.x1 - m.x0 > 1.0 {
                        h.void(
                            "line",
                            &[
                                a("class", "tl-span"),
                                a("x1", m.x0),
                                a("x2", m.x1),
                                a("y1", m.y),
                                a("y2", m.y),
                            ],
                        );
                    }
                    h.void(
                        "path",
                        &[
                            a("class", "tl-mark"),
                            a("d", &mark_path(e.kind, (m.x0 + m.x1) / 2.0, m.y, m.r)),
                        ],
                    )
                    .close("g");
                }
            }
            LaneBody::Bins { total, bars } => {
                binned = true;
                h.open(
                    "g",
                    &[a(
                        "class",
                        format!("tl-lane tl-lane--binned {colour}").as_str(),
                    )],
                );
                lane_head(&mut h, lane);
                h.el(
                    "text",
                    &[
                        a("class", "tl-lane__label tl-lane__count"),
                        a("x", "8"),
                        a("y", lane.top + 38.0),
                    ],
                    &cat.lang.fill(T::NEvents, &[&total.to_string()]),
                );
                for bar in bars {
                    let label = bar_label(cat, &lane.name, bar);
                    h.open(
                        "g",
                        &[
                            a("class", "tl-bin"),
                            a("tabindex", "0"),
                            a("role", "button"),
                            a("aria-label", &label),
                            a(YEAR, &bar.year.to_string()),
                        ],
                    )
                    .el("title", &[], &label)
                    .void(
                        "rect",
                        &[
                            a("x", bar.x),
                            a("y", bar.y),
                            a("width", bar.w),
                            a("height", bar.h),
                        ],
                    )
                    .close("g");
                }
            }
        }
        h.close("g");
    }
    h.close("svg");
    (h.finish(), binned)
}

fn lane_head(h: &mut Html, lane: &Lane) {
    h.void(
        "rect",
        &[
            a("class", "tl-lane__bg"),
            a("x", "0"),
            a("y", lane.top),
            a("width", Val::Num(WIDTH, 0)),
            a("height", lane.height),
        ],
    )
    .el(
        "text",
        &[
            a("class", "tl-lane__label"),
            a("x", "8"),
            a("y", lane.top + 20.0),
        ],
        &lane.name,
    );
}

/// The legend of mark shapes.
pub fn legend(lang: Lang) -> String {
    let mut h = Html::new();
    h.open(
        "ul",
        &[a("class", "legend"), a("aria-label", lang.t(T::MapLegend))],
    );
    for k in [
        Kind::RegionLaunch,
        Kind::DatacenterLaunch,
        Kind::Investment,
        Kind::Partnership,
        Kind::Announcement,
        Kind::Closure,
        Kind::MarketFigure,
    ] {
        h.open("li", &[])
            .open(
                "svg",
                &[
                    a(
                        "class",
                        format!("legend__kind tl-kind--{}", k.id()).as_str(),
                    ),
                    a("viewBox", "0 0 16 16"),
                    a("aria-hidden", "true"),
                ],
            )
            .void(
                "path",
                &[a("class", "tl-mark"), a("d", &mark_path(k, 8.0, 8.0, 6.0))],
            )
            .close("svg")
            .text(lang.kind(k))
            .close("li");
    }
    h.open("li", &[])
        .el(
            "span",
            &[a("class", "legend__span"), a("aria-hidden", "true")],
            "",
        )
        .text(lang.t(T::LegendPrecision))
        .close("li")
        .el("li", &[], lang.t(T::LegendInvestment))
        .close("ul");
    h.finish()
}

/// Live regions abroad (outside the home areas) per provider per year, closures subtracted,
/// countries reached, and the announced totals the providers published.
/// The hyperscalers' lines on the growth chart, with their words: made by the
/// reference layer's code (`super::reference::growth_lines`), drawn here.
#[derive(Debug, Clone, PartialEq)]
pub struct RefLines {
    pub lines: Vec<RefLine>,
    /// The note on how the lines are dated.
    pub caveat: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RefLine {
    pub provider: String,
    /// Its short name, written at the line's end.
    pub name: String,
    /// Its row in the table under the chart ("AWS (reference)").
    pub label: String,
    pub first: u16,
    /// The first year drawn (before it the reference file dates none of its regions).
    pub from: u16,
    /// Live regions outside its home country at the end of each year from `first`.
    pub counts: Vec<usize>,
}

/// `providers` is the provider filter (empty: all). With `reference` (the layer is on),
/// each hyperscaler's live regions outside the US are drawn on the same axis as grey
/// dotted lines, marked as reference, with the caveat on how they are dated.
pub fn growth_section(
    cat: &Catalog,
    sel: &Selection,
    providers: &BTreeSet<String>,
    reference: Option<&RefLines>,
) -> String {
    let (d, lang) = (&cat.data, cat.lang);
    let (first, last) = cat.years;
    let axis = Axis {
        first,
        last,
        left: 40.0,
        width: 940.0,
    };
    let height = 220.0;
    let abroad = crate::words::abroad(cat);
    let (mut series, undated) = growth(cat, sel);
    // A provider filtered out has no line (rather than a flat zero).
    series.retain(|p, _| {
        sel.providers.contains(p) && (providers.is_empty() || providers.contains(p))
    });
    let lines: &[RefLine] = reference.map_or(&[], |r| &r.lines);
    let max = series
        .values()
        .flatten()
        .map(|g| g.regions.max(g.countries))
        .chain(lines.iter().flat_map(|l| l.counts.iter().copied()))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let y = |v: f64| height - 20.0 - v / max * (height - 40.0);
    let mut h = Html::new();
    h.open(
        "section",
        &[
            a("class", "growth-section"),
            a("aria-labelledby", "growth-h"),
        ],
    )
    .el(
        "h2",
        &[a("id", "growth-h"), a("class", "section-title")],
        &lang.fill(T::GrowthTitle, &[&abroad]),
    )
    .el("p", &[a("class", "hint")], lang.t(T::GrowthHint))
    .open(
        "svg",
        &[
            a("class", "growth-chart"),
            a("viewBox", &format!("0 0 1000 {height}")),
            a("role", "img"),
            a("aria-labelledby", "growth-title"),
            a("aria-describedby", "growth-desc"),
        ],
    )
    .el(
        "title",
        &[a("id", "growth-title")],
        &lang.fill(T::GrowthSvgTitle, &[&abroad]),
    )
    .el("desc", &[a("id", "growth-desc")], lang.t(T::GrowthSvgDesc));
    for t in axis.ticks() {
        h.el(
            "text",
            &[
                a("class", "axis"),
                a("x", axis.x(t as f64)),
                a("y", height - 4.0),
            ],
            &t.to_string(),
        );
    }
    h.void(
        "line",
        &[
            a("class", "axis-line"),
            a("x1", "40"),
            a("x2", "980"),
            a("y1", height - 20.0),
            a("y2", height - 20.0),
        ],
    )
    .el(
        "text",
        &[a("class", "axis"), a("x", "4"), a("y", y(max) + 4.0)],
        &(max as u32).to_string(),
    );
    // Dataset order, the order of the chips, lanes and legend.
    let ordered: Vec<(&String, &Vec<Growth>)> = d
        .providers
        .iter()
        .filter_map(|p| series.get_key_value(&p.id))
        .collect();
    for &(pid, points) in &ordered {
        let path = |f: fn(&Growth) -> usize| {
            points
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    format!(
                        "{}{:.1},{:.1}",
                        if i == 0 { "M" } else { "L" },
                        axis.x(g.year as f64 + 1.0),
                        y(f(g) as f64)
                    )
                })
                .collect::<String>()
        };
        h.void(
            "path",
            &[
                a("class", format!("growth {}", slot(d, pid)).as_str()),
                a("d", &path(|g| g.regions)),
            ],
        )
        .void(
            "path",
            &[
                a(
                    "class",
                    format!("growth growth--countries {}", slot(d, pid)).as_str(),
                ),
                a("d", &path(|g| g.countries)),
            ],
        );
    }
    // The reference lines: one grey dotted line per hyperscaler, named at its end so
    // that neither colour nor dash is the only cue.
    for l in lines {
        let skip = usize::from(l.from.saturating_sub(l.first));
        let d: String = l
            .counts
            .iter()
            .enumerate()
            .skip(skip)
            .map(|(i, &n)| {
                format!(
                    "{}{:.1},{:.1}",
                    if i == skip { "M" } else { "L" },
                    axis.x(f64::from(l.first) + i as f64 + 1.0),
                    y(n as f64)
                )
            })
            .collect();
        let end = l.counts.last().copied().unwrap_or(0);
        h.void(
            "path",
            &[
                a("class", "growth growth--ref"),
                a("data-ref-provider", &l.provider),
                a("d", &d),
            ],
        )
        .el(
            "text",
            &[
                a("class", "axis growth__ref-label"),
                a("x", axis.x(f64::from(last) + 1.0) - 4.0),
                a("y", y(end as f64) - 4.0),
                a("text-anchor", "end"),
            ],
            &l.name,
        );
    }
    h.close("svg")
        .open("table", &[a("class", "records-table compact")])
        .el("caption", &[], lang.t(T::GrowthCaption));
    head(
        &mut h,
        &[
            lang.t(T::ColProvider),
            lang.t(T::ColLiveRegions),
            lang.t(T::ColCountries),
        ],
    );
    h.open("tbody", &[]);
    for &(pid, points) in &ordered {
        let last = points.last().copied().unwrap_or_default();
        let shape = d.provider(pid).map(|p| p.shape()).unwrap_or_default();
        h.open("tr", &[]).open("th", &[a("scope", "row")]);
        marker_svg(&mut h, &format!("key {}", slot(d, pid)), shape);
        h.text(cat.provider_name(pid))
            .close("th")
            .el("td", &[a("class", "num")], &last.regions.to_string())
            .el("td", &[a("class", "num")], &last.countries.to_string())
            .close("tr");
    }
    for l in lines {
        {
            h.open("tr", &[a("class", "growth__ref-row")])
                .el("th", &[a("scope", "row")], &l.label)
                .el(
                    "td",
                    &[a("class", "num")],
                    &l.counts.last().copied().unwrap_or(0).to_string(),
                )
                .el("td", &[a("class", "num")], "—")
                .close("tr");
        }
    }
    h.close("tbody").close("table");
    if let Some(r) = reference {
        h.el(
            "p",
            &[a("class", "hint"), a("data-testid", "growth-ref-caveat")],
            &r.caveat,
        );
    }
    if undated > 0 {
        h.el(
            "p",
            &[a("class", "hint")],
            &lang.fill(T::GrowthUndated, &[&undated.to_string(), &abroad]),
        );
    }
    h.el(
        "h3",
        &[a("class", "section-title")],
        lang.t(T::FootprintTitle),
    )
    .el("p", &[a("class", "hint")], lang.t(T::FootprintHint))
    .open(
        "table",
        &[
            a("class", "records-table compact"),
            a("data-testid", "footprints"),
        ],
    );
    head(
        &mut h,
        &[
            lang.t(T::ColDate),
            lang.t(T::ColProvider),
            lang.t(T::ColRegions),
            lang.t(T::ColZones),
        ],
    );
    h.open("tbody", &[]);
    let dash = |v: Option<u32>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    let mut announced = footprints(cat, sel);
    let order = d
        .providers
        .iter()
        .map(|p| p.id.clone())
        .chain([atlas_core::model::MARKET.to_string()]);
    for (pid, points) in order.filter_map(|p| announced.remove_entry(&p)) {
        for (date, regions, zones, _) in points {
            h.open("tr", &[])
                .open("td", &[])
                .el(
                    "time",
                    &[a("datetime", &date.to_string())],
                    &lang.date(&date),
                )
                .close("td")
                .el("td", &[], cat.provider_name(&pid))
                .el("td", &[a("class", "num")], &dash(regions))
                .el("td", &[a("class", "num")], &dash(zones))
                .close("tr");
        }
    }
    h.close("tbody").close("table").close("section");
    h.finish()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn one_mark_per_event_and_bins_past_the_cap() {
        let (cat, sel) = super::super::tests::fixture();
        let (svg, binned) = chart(&cat, &sel, None);
        assert!(!binned);
        assert_eq!(svg.matches("class=\"tl-event ").count(), sel.events.len());
        assert!(svg.starts_with("<svg class=\"timeline\"") && svg.ends_with("</svg>"));
        let legend = legend(Lang::En);
        assert_eq!(legend.matches("<li>").count(), 9);
    }
}
