//! What changed in the data since a link was made: the change log's editions
//! newer than the link's `d=` version, folded into one line per record.
//!
//! A record added and then removed after the link was made is not listed (the
//! link never showed it and the data no longer holds it); one removed and added
//! again counts as changed.

use super::model::{ChangeKind, Dataset, Edition, RecordChange, Table};
use std::collections::BTreeMap;

/// How a link's data version relates to the loaded data.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkAge<'a> {
    /// No `d=`, or the loaded version itself.
    Current,
    /// An older version: what changed since.
    Older(Since<'a>),
    /// A version this data does not know: not a day, or newer than the data.
    Unknown,
}

/// The changes since a link's version.
#[derive(Debug, Clone, PartialEq)]
pub struct Since<'a> {
    /// The link's version.
    pub from: String,
    /// The editions after it, oldest first.
    pub editions: Vec<&'a Edition>,
    /// One line per record, newest change first.
    pub lines: Vec<Line<'a>>,
    /// The link is older than the first edition of the log, so changes between
    /// its version and that edition are not recorded.
    pub before_log: bool,
}

/// One record's net change since the link.
#[derive(Debug, Clone, PartialEq)]
pub struct Line<'a> {
    pub id: &'a str,
    pub table: Table,
    pub change: ChangeKind,
    /// For `Changed`: every field changed in any edition since, in first-seen order.
    pub fields: Vec<&'a str>,
    /// The record's latest logged change (its title, reason and edition).
    pub last: &'a RecordChange,
    pub version: &'a str,
    /// Every logged change of the record since the link, oldest first.
    pub steps: Vec<(&'a str, &'a RecordChange)>,
}

/// Whether `s` is a day `YYYY-MM-DD` (the form of every version).
fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// How the link's `d=` relates to `data` (versions are days, so they sort as text).
pub fn link_age<'a>(data: &'a Dataset, d: Option<&str>) -> LinkAge<'a> {
    let Some(d) = d else {
        return LinkAge::Current;
    };
    if d == data.version {
        return LinkAge::Current;
    }
    if !is_day(d) || d > data.version.as_str() {
        return LinkAge::Unknown;
    }
    let editions: Vec<&Edition> = data
        .changes
        .iter()
        .filter(|e| e.version.as_str() > d)
        .collect();
    let before_log = data.changes.first().is_none_or(|e| e.version.as_str() > d);
    let mut steps: BTreeMap<&str, Vec<(&str, &RecordChange)>> = BTreeMap::new();
    for e in &editions {
        for c in &e.records {
            steps
                .entry(c.id.as_str())
                .or_default()
                .push((e.version.as_str(), c));
        }
    }
    let mut lines: Vec<Line> = steps
        .into_iter()
        .filter_map(|(id, steps)| {
            let (first, (version, last)) = (steps[0].1, *steps.last()?);
            let change = match (
                first.change != ChangeKind::Added,
                last.change != ChangeKind::Removed,
            ) {
                (false, false) => return None,
                (false, true) => ChangeKind::Added,
                (true, false) => ChangeKind::Removed,
                (true, true) => ChangeKind::Changed,
            };
            let mut fields: Vec<&str> = Vec::new();
            if change == ChangeKind::Changed {
                for f in steps.iter().flat_map(|(_, c)| c.fields.iter()) {
                    if !fields.contains(&f.as_str()) {
                        fields.push(f);
                    }
                }
            }
            Some(Line {
                id,
                table: last.table,
                change,
                fields,
                last,
                version,
                steps,
            })
        })
        .collect();
    lines.sort_by(|a, b| {
        b.version
            .cmp(a.version)
            .then(a.change.cmp(&b.change))
            .then(a.table.cmp(&b.table))
            .then(a.last.title.cmp(&b.last.title))
    });
    LinkAge::Older(Since {
        from: d.to_string(),
        editions,
        lines,
        before_log,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(id: &str, change: ChangeKind, fields: &[&str]) -> RecordChange {
        RecordChange {
            id: id.into(),
            table: Table::Event,
            change,
            fields: fields.iter().map(|f| f.to_string()).collect(),
            title: format!("title of {id}"),
            title_zh: None,
            reason: "why".into(),
            reason_zh: None,
        }
    }

    fn data(editions: Vec<(&str, Vec<RecordChange>)>) -> Dataset {
        let mut d: Dataset = serde_json::from_str(
            r#"{"schema":1,"version":"2026-03-01","title":"t","license":"l","generated":"g","providers":[],"areas":[]}"#,
        )
        .unwrap();
        d.changes = editions
            .into_iter()
            .map(|(v, records)| Edition {
                version: v.into(),
                regions: 0,
                events: 0,
                records,
            })
            .collect();
        d.version = d.changes.last().unwrap().version.clone();
        d
    }

    fn log() -> Dataset {
        use ChangeKind::*;
        data(vec![
            ("2026-01-01", vec![]),
            (
                "2026-02-01",
                vec![
                    change("a", Added, &[]),
                    change("b", Changed, &["status"]),
                    change("c", Removed, &[]),
                    change("t", Added, &[]),
                ],
            ),
            (
                "2026-03-01",
                vec![
                    change("a", Changed, &["note"]),
                    change("b", Changed, &["note", "status"]),
                    change("c", Added, &[]),
                    change("t", Removed, &[]),
                    change("z", Removed, &[]),
                ],
            ),
        ])
    }

    #[test]
    fn no_version_or_this_version_is_current() {
        let d = log();
        assert_eq!(link_age(&d, None), LinkAge::Current);
        assert_eq!(link_age(&d, Some("2026-03-01")), LinkAge::Current);
    }

    #[test]
    fn a_version_newer_than_the_data_or_not_a_day_is_unknown() {
        let d = log();
        for v in ["2027-01-01", "yesterday", "2026-1-01", "", "2026-03-01x"] {
            assert_eq!(link_age(&d, Some(v)), LinkAge::Unknown, "{v}");
        }
    }

    #[test]
    fn changes_since_fold_into_one_net_line_per_record() {
        let d = log();
        let LinkAge::Older(s) = link_age(&d, Some("2026-01-01")) else {
            panic!("older")
        };
        assert!(!s.before_log);
        assert_eq!(s.editions.len(), 2);
        let got: Vec<(&str, ChangeKind, Vec<&str>)> = s
            .lines
            .iter()
            .map(|l| (l.id, l.change, l.fields.clone()))
            .collect();
        use ChangeKind::*;
        // Newest first; "t" was added and removed after the link: not listed.
        assert_eq!(
            got,
            vec![
                ("a", Added, vec![]),
                ("b", Changed, vec!["status", "note"]),
                ("c", Changed, vec![]),
                ("z", Removed, vec![]),
            ]
        );
    }

    #[test]
    fn a_link_between_editions_sees_only_the_later_ones() {
        let d = log();
        let LinkAge::Older(s) = link_age(&d, Some("2026-02-15")) else {
            panic!("older")
        };
        assert_eq!(s.editions.len(), 1);
        assert_eq!(s.lines.len(), 5);
        assert!(s.lines.iter().all(|l| l.version == "2026-03-01"));
    }

    #[test]
    fn a_link_older_than_the_log_says_so() {
        let d = log();
        let LinkAge::Older(s) = link_age(&d, Some("2025-06-30")) else {
            panic!("older")
        };
        assert!(s.before_log);
        assert_eq!(s.editions.len(), 3);
    }
}
