//! What proves a region's status, and the rules that turn evidence into a status.
//!
//! Each region carries its evidence: items of a [`Proof`] kind, each with a date,
//! what it says of the region, and its source. The status, the confidence grade and
//! the date of the newest evidence follow from the items by the rules of
//! [`judge`], which the dataset converter applies and the loader checks, so a
//! status can never be asserted without the evidence that makes it:
//!
//! - **retired** needs a closure notice or the provider's own table showing the
//!   region gone (`table` saying `retired`);
//! - **live** needs a launch report or the provider's own region table;
//! - **listed** is what a code in an API, SDK or Terraform provider (or a third
//!   party naming the region) proves alone: the region exists, not that it is open.
//!   Listings bound a launch; they never date it;
//! - **announced** needs an announcement of intent.
//!
//! A region is **contested** when its evidence disagrees: an item says it is live
//! after the evidence that retired it, an item says it is retired although the
//! rules keep it open (a third-party report, say), or two launch reports give
//! different opening dates. A contested region keeps the status the rules give it
//! (and is counted under it), and every view marks it and shows both sides.

use super::date::{PartialDate, Precision};
use super::model::{Confidence, Status};
use serde::{Deserialize, Serialize};

/// The kind of an evidence item, strongest claim first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Proof {
    /// A press or provider report that the region opened.
    Launch,
    /// The provider's own region or zone table in its documentation.
    Table,
    /// The region's code in an API, SDK or Terraform provider: it bounds a launch.
    Listing,
    /// An announcement of intent to open.
    Intent,
    /// A notice that the region closed.
    Closure,
    /// Any other third-party report naming the region.
    Report,
}

impl Proof {
    pub const ALL: [Proof; 6] = [
        Proof::Launch,
        Proof::Table,
        Proof::Listing,
        Proof::Intent,
        Proof::Closure,
        Proof::Report,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Proof::Launch => "launch",
            Proof::Table => "table",
            Proof::Listing => "listing",
            Proof::Intent => "intent",
            Proof::Closure => "closure",
            Proof::Report => "report",
        }
    }
}

/// One item of evidence for a region's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub kind: Proof,
    /// Launch: the opening date reported; table: the version read; listing: the
    /// first commit naming the code; closure: the day service ended.
    pub date: PartialDate,
    /// What the item says of the region.
    pub says: Status,
    /// A source id (`sources`).
    pub source: String,
    /// One sentence on what the item shows (a file and commit, a notice's date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// Why a region is contested: the items on each side (indices into its evidence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dispute {
    /// Items say the region is live after the evidence that retired it.
    LiveAfterClosure {
        closed: Vec<usize>,
        live: Vec<usize>,
    },
    /// Items say the region is retired though the rules keep it open.
    RetiredClaim {
        open: Vec<usize>,
        retired: Vec<usize>,
    },
    /// Launch reports give different opening dates.
    Dates { reports: Vec<usize> },
    /// Only a provider table says the region is live: no launch report, and no API,
    /// SDK or Terraform listing, confirms it.
    Unconfirmed { tables: Vec<usize> },
}

impl Dispute {
    pub fn id(&self) -> &'static str {
        match self {
            Dispute::LiveAfterClosure { .. } => "live_after_closure",
            Dispute::RetiredClaim { .. } => "retired_claim",
            Dispute::Dates { .. } => "dates",
            Dispute::Unconfirmed { .. } => "unconfirmed",
        }
    }

    /// Every item the dispute names, each side in turn.
    pub fn items(&self) -> Vec<usize> {
        match self {
            Dispute::LiveAfterClosure { closed: a, live: b }
            | Dispute::RetiredClaim {
                open: a,
                retired: b,
            } => a.iter().chain(b).copied().collect(),
            Dispute::Dates { reports } => reports.clone(),
            Dispute::Unconfirmed { tables } => tables.clone(),
        }
    }
}

/// What the rules make of a region's evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub status: Status,
    pub confidence: Confidence,
    /// The date of the newest item.
    pub newest: PartialDate,
    pub disputes: Vec<Dispute>,
}

impl Verdict {
    pub fn contested(&self) -> bool {
        !self.disputes.is_empty()
    }
}

/// The two dates cut to the coarser of their precisions.
fn common(a: PartialDate, b: PartialDate) -> (PartialDate, PartialDate) {
    let p = a.precision().min(b.precision());
    let cut = |d: PartialDate| PartialDate {
        year: d.year,
        month: if p >= Precision::Month { d.month } else { None },
        day: if p >= Precision::Day { d.day } else { None },
    };
    (cut(a), cut(b))
}

/// Whether two of `dates` differ at the precision both share ("2017" agrees with
/// "2017-04", which does not agree with "2017-05"). Linear, not pairwise, so a file
/// with many items per region cannot make the check quadratic: two dates disagree
/// exactly when their years differ, or both have months that differ, or both have
/// days (and so, agreeing, the same month) that differ.
fn disagree(dates: impl Iterator<Item = PartialDate> + Clone) -> bool {
    fn differ<T: PartialEq>(mut values: impl Iterator<Item = T>) -> bool {
        let first = values.next();
        first.is_some_and(|f| values.any(|v| v != f))
    }
    differ(dates.clone().map(|d| d.year))
        || differ(dates.clone().filter_map(|d| d.month))
        || differ(dates.filter_map(|d| d.month.zip(d.day)))
}

/// `a` is later than `b` at the precision both share ("2025-03" is not later
/// than "2025").
pub fn later(a: PartialDate, b: PartialDate) -> bool {
    let (a, b) = common(a, b);
    a > b
}

/// The rules (see the module's documentation). `None` for a region without evidence.
pub fn judge(items: &[Evidence]) -> Option<Verdict> {
    let newest = items.iter().map(|e| e.date).max()?;
    let has = |kind: Proof, says: Status| items.iter().any(|e| e.kind == kind && e.says == says);
    let closes =
        |e: &Evidence| e.says == Status::Retired && matches!(e.kind, Proof::Closure | Proof::Table);
    let opens =
        |e: &Evidence| e.says == Status::Live && matches!(e.kind, Proof::Launch | Proof::Table);
    let status = if items.iter().any(closes) {
        Status::Retired
    } else if items.iter().any(opens) {
        Status::Live
    } else if items.iter().any(|e| {
        matches!(e.kind, Proof::Listing | Proof::Report)
            && matches!(e.says, Status::Live | Status::Listed)
    }) {
        Status::Listed
    } else if has(Proof::Intent, Status::Announced)
        || items.iter().any(|e| e.says == Status::Announced)
    {
        Status::Announced
    } else {
        // Only reports of a closure nothing official confirms: the region existed.
        Status::Listed
    };
    let idx = |pred: &dyn Fn(&Evidence) -> bool| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, e)| pred(e))
            .map(|(i, _)| i)
            .collect()
    };
    let mut disputes = Vec::new();
    if status == Status::Retired {
        let closed = idx(&closes);
        let first_close = closed.iter().map(|&i| items[i].date).min();
        let live = idx(&|e: &Evidence| {
            e.says == Status::Live && first_close.is_some_and(|c| later(e.date, c))
        });
        if !live.is_empty() {
            disputes.push(Dispute::LiveAfterClosure { closed, live });
        }
    } else {
        let retired = idx(&|e: &Evidence| e.says == Status::Retired);
        if !retired.is_empty() {
            let open = idx(&|e: &Evidence| e.says != Status::Retired);
            disputes.push(Dispute::RetiredClaim { open, retired });
        }
    }
    let launches = idx(&|e: &Evidence| e.kind == Proof::Launch && e.says == Status::Live);
    if disagree(launches.iter().map(|&i| items[i].date)) {
        disputes.push(Dispute::Dates { reports: launches });
    }
    let confirmed = items
        .iter()
        .any(|e| matches!(e.kind, Proof::Launch | Proof::Listing) && e.says != Status::Retired);
    if status == Status::Live && !confirmed {
        disputes.push(Dispute::Unconfirmed {
            tables: idx(&|e: &Evidence| e.kind == Proof::Table && e.says == Status::Live),
        });
    }
    // Confidence: how many independent kinds of evidence support the status.
    let supports = |e: &Evidence| match status {
        Status::Retired => e.says == Status::Retired,
        Status::Live => matches!(e.says, Status::Live | Status::Listed),
        Status::Listed => matches!(e.says, Status::Live | Status::Listed),
        Status::Announced => e.says == Status::Announced,
    };
    let mut kinds: Vec<Proof> = items
        .iter()
        .filter(|e| supports(e))
        .map(|e| e.kind)
        .collect();
    kinds.sort();
    kinds.dedup();
    let confidence = match (status, kinds.len(), disputes.is_empty()) {
        (Status::Listed, _, _) => Confidence::Low,
        (_, n, true) if n >= 2 => Confidence::High,
        (_, 0, _) => Confidence::Low,
        _ => Confidence::Medium,
    };
    Some(Verdict {
        status,
        confidence,
        newest,
        disputes,
    })
}

/// The opening date the launch reports give: the earliest, and of two that agree at
/// their common precision the finer ("2018-10-22" over "2018-10").
pub fn opened(items: &[Evidence]) -> Option<PartialDate> {
    items
        .iter()
        .filter(|e| e.kind == Proof::Launch && e.says == Status::Live)
        .map(|e| e.date)
        .reduce(|best, d| {
            let (a, b) = common(d, best);
            if a < b || (a == b && d.precision() > best.precision()) {
                d
            } else {
                best
            }
        })
}

/// The day service ended, from the closure notices: the earliest.
pub fn retired(items: &[Evidence]) -> Option<PartialDate> {
    items
        .iter()
        .filter(|e| e.kind == Proof::Closure && e.says == Status::Retired)
        .map(|e| e.date)
        .min()
}

/// How many months before the edition's day the newest evidence may be before a
/// region counts as stale.
pub const STALE_MONTHS: u32 = 12;

/// A region whose newest evidence is older than [`STALE_MONTHS`] before `asof`
/// (the edition's day, so the judgement does not drift with the reader's clock).
/// A coarse date counts as its period's last day: "2025" is as fresh as 2025-12-31.
pub fn is_stale(newest: PartialDate, asof: PartialDate) -> bool {
    let month_index =
        |d: PartialDate, last: u8| d.year as u32 * 12 + d.month.unwrap_or(last) as u32 - 1;
    let newest = month_index(newest, 12);
    let asof = month_index(asof, 1);
    asof.saturating_sub(newest) > STALE_MONTHS
}

/// The region's `checked` date is stale against the edition `version` (a day,
/// `YYYY-MM-DD`); never for a region without one or an edition without a date.
pub fn region_stale(version: &str, checked: Option<PartialDate>) -> bool {
    match (checked, PartialDate::parse(version)) {
        (Some(c), Ok(v)) => is_stale(c, v),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn e(kind: Proof, date: &str, says: Status) -> Evidence {
        Evidence {
            kind,
            date: d(date),
            says,
            source: "s-1".into(),
            detail: None,
        }
    }

    #[test]
    fn a_launch_report_and_the_providers_table_make_a_region_live_with_high_confidence() {
        let v = judge(&[
            e(Proof::Launch, "2018-03", Status::Live),
            e(Proof::Table, "2026-08", Status::Live),
        ])
        .unwrap();
        assert_eq!(v.status, Status::Live);
        assert_eq!(v.confidence, Confidence::High);
        assert_eq!(v.newest, d("2026-08"));
        assert!(!v.contested());
    }

    #[test]
    fn an_sdk_code_alone_makes_a_region_listed_not_live() {
        let v = judge(&[e(Proof::Listing, "2026-03-01", Status::Live)]).unwrap();
        assert_eq!(v.status, Status::Listed);
        assert_eq!(v.confidence, Confidence::Low);
    }

    #[test]
    fn a_closure_notice_retires_and_older_launches_do_not_contest_it() {
        let v = judge(&[
            e(Proof::Launch, "2016", Status::Live),
            e(Proof::Listing, "2016-11", Status::Live),
            e(Proof::Closure, "2024-09-30", Status::Retired),
        ])
        .unwrap();
        assert_eq!(v.status, Status::Retired);
        assert!(!v.contested());
    }

    #[test]
    fn a_region_named_live_after_its_closure_is_contested() {
        let v = judge(&[
            e(Proof::Closure, "2022-06", Status::Retired),
            e(Proof::Report, "2024-03", Status::Live),
        ])
        .unwrap();
        assert_eq!(v.status, Status::Retired);
        assert_eq!(
            v.disputes,
            vec![Dispute::LiveAfterClosure {
                closed: vec![0],
                live: vec![1]
            }]
        );
        assert_eq!(v.confidence, Confidence::Medium);
    }

    #[test]
    fn a_report_of_closure_without_a_notice_contests_a_live_region() {
        let v = judge(&[
            e(Proof::Table, "2026-01", Status::Live),
            e(Proof::Report, "2026-02", Status::Retired),
        ])
        .unwrap();
        assert_eq!(v.status, Status::Live);
        assert!(matches!(v.disputes[0], Dispute::RetiredClaim { .. }));
        assert_eq!(v.confidence, Confidence::Medium);
    }

    #[test]
    fn two_opening_dates_contest_a_region_but_a_finer_date_of_the_same_year_does_not() {
        let same = judge(&[
            e(Proof::Launch, "2017", Status::Live),
            e(Proof::Launch, "2017-04-25", Status::Live),
        ])
        .unwrap();
        assert!(!same.contested());
        let two = judge(&[
            e(Proof::Launch, "2016-11", Status::Live),
            e(Proof::Launch, "2017-02", Status::Live),
        ])
        .unwrap();
        assert_eq!(
            two.disputes,
            vec![Dispute::Dates {
                reports: vec![0, 1]
            }]
        );
    }

    #[test]
    fn a_provider_table_alone_makes_a_region_live_but_contested() {
        let v = judge(&[
            e(Proof::Intent, "2025-09", Status::Announced),
            e(Proof::Table, "2026", Status::Live),
        ])
        .unwrap();
        assert_eq!(v.status, Status::Live);
        assert_eq!(v.disputes, vec![Dispute::Unconfirmed { tables: vec![1] }]);
        let listed = judge(&[
            e(Proof::Listing, "2020-06-28", Status::Listed),
            e(Proof::Table, "2026", Status::Live),
        ])
        .unwrap();
        assert!(!listed.contested());
        assert_eq!(listed.confidence, Confidence::High);
    }

    #[test]
    fn the_opening_date_is_the_earliest_launch_report_and_the_finer_of_two_that_agree() {
        let items = [
            e(Proof::Launch, "2018-10", Status::Live),
            e(Proof::Launch, "2018-10-22", Status::Live),
            e(Proof::Listing, "2018-01", Status::Listed),
        ];
        assert_eq!(opened(&items), Some(d("2018-10-22")));
        let two = [
            e(Proof::Launch, "2016-11", Status::Live),
            e(Proof::Launch, "2016-10-21", Status::Live),
        ];
        assert_eq!(opened(&two), Some(d("2016-10-21")));
        assert_eq!(opened(&items[2..]), None);
        assert_eq!(
            retired(&[e(Proof::Closure, "2024-09-30", Status::Retired)]),
            Some(d("2024-09-30"))
        );
    }

    proptest::proptest! {
        /// The linear check says what comparing every pair at its common precision says.
        #[test]
        fn disagreement_is_the_pairwise_rule(raw in proptest::collection::vec((2015u16..2018, proptest::option::of(1u8..4), proptest::option::of(1u8..4)), 0..6)) {
            let dates: Vec<PartialDate> = raw
                .into_iter()
                .map(|(year, month, day)| PartialDate { year, month, day: month.and(day) })
                .collect();
            let pairwise = dates.iter().any(|&a| dates.iter().any(|&b| {
                let (a, b) = common(a, b);
                a != b
            }));
            proptest::prop_assert_eq!(disagree(dates.iter().copied()), pairwise);
        }
    }

    #[test]
    fn an_announcement_alone_is_announced() {
        let v = judge(&[e(Proof::Intent, "2025-09", Status::Announced)]).unwrap();
        assert_eq!(v.status, Status::Announced);
        assert_eq!(v.confidence, Confidence::Medium);
        assert!(judge(&[]).is_none());
    }

    #[test]
    fn staleness_counts_a_coarse_date_as_its_last_month() {
        let asof = d("2026-11-27");
        assert!(!is_stale(d("2025"), asof), "2025-12 is 11 months before");
        assert!(is_stale(d("2025-10"), asof));
        assert!(!is_stale(d("2025-11"), asof));
        assert!(is_stale(d("2024"), asof));
        assert!(!is_stale(d("2027"), asof));
    }
}
