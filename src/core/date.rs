//! Dates that keep the precision their source gave them.
//!
//! The research dates some events to the day, others only to a month or a
//! year. Padding "2025" to "2025-01-01" would invent facts, so a date is kept
//! as year, optional month, optional day, and shown and sorted as such.

use std::fmt;

/// How precisely a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a year, a month or a day.
///
/// Ordering puts a less precise date before a more precise one in the same
/// period ("2025" < "2025-02" < "2025-02-24"), which keeps sorts stable and
/// predictable; it does not claim "2025" happened before February.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "\"{}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
                clip(s)
            )
        };
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, len: usize| -> Option<u16> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)?;
        if !(1900..=2199).contains(&year) {
            return Err(format!("year {year} is outside 1900–2199"));
        }
        let month = match parts.get(1) {
            None => None,
            Some(p) => Some(num(p, 2).filter(|m| (1..=12).contains(m)).ok_or_else(bad)? as u8),
        };
        let day = match parts.get(2) {
            None => None,
            Some(p) => {
                let d = num(p, 2).ok_or_else(bad)? as u8;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > max {
                    return Err(bad());
                }
                Some(d)
            }
        };
        if parts.len() > 3 {
            return Err(bad());
        }
        Ok(Self { year, month, day })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Shortens untrusted text before it is quoted in a message.
pub(crate) fn clip(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

impl fmt::Display for PartialDate {
    /// The canonical ISO form, at the date's own precision.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl PartialDate {
    /// A human form at the date's own precision: "2025", "Feb 2025", "24 Feb 2025".
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            _ => self.year.to_string(),
        }
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        PartialDate::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn keeps_precision() {
        let y = PartialDate::parse("2025").unwrap();
        let m = PartialDate::parse("2025-02").unwrap();
        let d = PartialDate::parse("2025-02-24").unwrap();
        assert_eq!(y.precision(), Precision::Year);
        assert_eq!(m.precision(), Precision::Month);
        assert_eq!(d.precision(), Precision::Day);
        assert_eq!(
            (y.human(), m.human(), d.human()),
            ("2025".into(), "Feb 2025".into(), "24 Feb 2025".into())
        );
        assert!(y < m && m < d);
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "",
            "25",
            "2025-13",
            "2025-00",
            "2025-02-30",
            "2023-02-29",
            "2025-1",
            "2025-02-24-1",
            "abcd",
            "2025-02-",
            "1066",
        ] {
            assert!(PartialDate::parse(s).is_err(), "{s} should be rejected");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    proptest! {
        #[test]
        fn display_round_trips(y in 1900u16..2200, m in proptest::option::of(1u8..=12), d in 1u8..=28, has_day: bool) {
            let date = PartialDate { year: y, month: m, day: if has_day { m.map(|_| d) } else { None } };
            prop_assert_eq!(PartialDate::parse(&date.to_string()), Ok(date));
        }

        #[test]
        fn never_panics(s in "\\PC{0,20}") {
            let _ = PartialDate::parse(&s);
        }
    }
}
