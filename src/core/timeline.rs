//! Timeline geometry: dates drawn at their real precision and stacked so
//! events of one lane never cover each other.

use super::date::PartialDate;
use super::model::Kind;

/// The stretch of time a date stands for, in fractional years: a year-precise
/// date covers its whole year, a month its month, a day a single instant.
pub fn span(d: PartialDate) -> (f64, f64) {
    let y = d.year as f64;
    match (d.month, d.day) {
        (Some(m), Some(day)) => {
            let t = y + (m as f64 - 1.0) / 12.0 + (day as f64 - 1.0) / 365.25;
            (t, t)
        }
        (Some(m), None) => (y + (m as f64 - 1.0) / 12.0, y + m as f64 / 12.0),
        _ => (y, y + 1.0),
    }
}

/// A linear year axis from the start of `first` to the end of `last`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    pub first: u16,
    pub last: u16,
    pub left: f64,
    pub width: f64,
}

impl Axis {
    pub fn x(&self, t: f64) -> f64 {
        let years = (self.last as f64 + 1.0 - self.first as f64).max(1.0);
        self.left + (t - self.first as f64) / years * self.width
    }

    /// Tick years: every year when few, else every 2nd or 5th.
    pub fn ticks(&self) -> Vec<u16> {
        let n = self.last.saturating_sub(self.first) + 1;
        let step = if n <= 12 {
            1
        } else if n <= 24 {
            2
        } else {
            5
        };
        (self.first..=self.last)
            .filter(|y| (y - self.first).is_multiple_of(step))
            .collect()
    }
}

/// Assigns each interval (x0, x1) the lowest row where it keeps `gap` from the others in that row.
pub fn stack(intervals: &[(f64, f64)], gap: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..intervals.len()).collect();
    super::sort::sort_indices(&mut order, &|a, b| {
        intervals[a].0.total_cmp(&intervals[b].0)
    });
    let mut row_end: Vec<f64> = Vec::new();
    let mut rows = vec![0; intervals.len()];
    for i in order {
        let (x0, x1) = intervals[i];
        let row = match row_end.iter().position(|&end| x0 >= end + gap) {
            Some(r) => r,
            None => {
                row_end.push(f64::MIN);
                row_end.len() - 1
            }
        };
        row_end[row] = x1.max(x0);
        rows[i] = row;
    }
    rows
}

/// Above this many events a lane is drawn as counts per year: thousands of
/// overlapping marks, each one focusable, are neither readable nor quick to draw.
pub const LANE_CAP: usize = 400;

/// Events per year, `first..=last`; a year outside the range is not counted.
pub fn per_year(years: impl IntoIterator<Item = u16>, first: u16, last: u16) -> Vec<usize> {
    let mut out = vec![0; (last.saturating_sub(first) as usize) + 1];
    for y in years {
        if let Some(n) = y.checked_sub(first).and_then(|i| out.get_mut(i as usize)) {
            *n += 1;
        }
    }
    out
}

/// Marker radius for an investment: area proportional to the amount.
pub fn radius(amount: Option<f64>, max: f64) -> f64 {
    match amount {
        Some(a) if max > 0.0 => 4.0 + 10.0 * (a / max).sqrt(),
        _ => 5.0,
    }
}

/// The chart's width in its own units; the live chart and the picture scale it.
pub const WIDTH: f64 = 1000.0;
/// Where the lanes' marks start (the lane names sit left of it).
const LEFT: f64 = 110.0;
const ROW: f64 = 26.0;
const BINNED_HEIGHT: f64 = 72.0;
/// The top of the first lane (the tick labels sit above it).
const TOP: f64 = 30.0;

/// The whole chart, placed: what the live chart and the exported picture both draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub height: f64,
    /// Tick years and their x.
    pub ticks: Vec<(u16, f64)>,
    pub lanes: Vec<Lane>,
}

/// One provider's lane (or the market's).
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub provider: String,
    pub name: String,
    pub top: f64,
    pub height: f64,
    pub body: LaneBody,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LaneBody {
    /// One mark per event.
    Marks(Vec<Mark>),
    /// More than [`LANE_CAP`] events: one bar per year with events.
    Bins { total: usize, bars: Vec<Bar> },
}

/// An event placed: `x0..x1` is the stretch its date stands for, the mark sits in the middle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    /// Index into the dataset's events.
    pub event: usize,
    pub x0: f64,
    pub x1: f64,
    pub y: f64,
    pub r: f64,
}

/// A year bar of a binned lane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub year: u16,
    pub count: usize,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// Places the selected events: one lane per provider, then the market, in dataset order.
pub fn layout(cat: &super::filter::Catalog, sel: &super::filter::Selection) -> Layout {
    let d = &cat.data;
    let (first, last) = cat.years;
    let axis = Axis {
        first,
        last,
        left: LEFT,
        width: WIDTH - LEFT - 10.0,
    };
    let max_amount = d
        .events
        .iter()
        .filter(|e| e.kind == Kind::Investment)
        .filter_map(|e| e.amount_usd)
        .fold(0.0, f64::max);
    let mut lanes = Vec::new();
    let mut y = TOP;
    for (provider, name) in cat.lanes() {
        let events: Vec<usize> = sel
            .events
            .iter()
            .copied()
            .filter(|&i| d.events[i].provider == provider)
            .collect();
        let top = y;
        let (height, body) = if events.len() > LANE_CAP {
            let counts = per_year(events.iter().map(|&i| d.events[i].date.year), first, last);
            let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
            let bars = counts
                .iter()
                .enumerate()
                .filter(|(_, &n)| n > 0)
                .map(|(k, &count)| {
                    let year = first + k as u16;
                    let (x0, x1) = (axis.x(year as f64) + 1.0, axis.x(year as f64 + 1.0) - 1.0);
                    let h = (count as f64 / max * BINNED_HEIGHT).max(2.0);
                    Bar {
                        year,
                        count,
                        x: x0,
                        y: top + 6.0 + BINNED_HEIGHT - h,
                        w: x1 - x0,
                        h,
                    }
                })
                .collect();
            let total = events.len();
            (BINNED_HEIGHT + 12.0, LaneBody::Bins { total, bars })
        } else {
            let spans: Vec<(f64, f64)> = events
                .iter()
                .map(|&i| {
                    let (t0, t1) = span(d.events[i].date);
                    (axis.x(t0), axis.x(t1))
                })
                .collect();
            let padded: Vec<(f64, f64)> = spans.iter().map(|&(a, b)| (a - 7.0, b + 7.0)).collect();
            let rows = stack(&padded, 2.0);
            let height = (rows.iter().max().map_or(0, |m| m + 1).max(1)) as f64 * ROW + 12.0;
            let marks = events
                .iter()
                .zip(spans)
                .zip(rows)
                .map(|((&i, (x0, x1)), row)| {
                    let e = &d.events[i];
                    Mark {
                        event: i,
                        x0,
                        x1,
                        y: top + 6.0 + ROW / 2.0 + row as f64 * ROW,
                        r: if e.kind == Kind::Investment {
                            radius(e.amount_usd, max_amount)
                        } else {
                            6.0
                        },
                    }
                })
                .collect();
            (height, LaneBody::Marks(marks))
        };
        lanes.push(Lane {
            provider,
            name,
            top,
            height,
            body,
        });
        y += height + 4.0;
    }
    Layout {
        height: y,
        ticks: axis
            .ticks()
            .into_iter()
            .map(|t| (t, axis.x(t as f64)))
            .collect(),
        lanes,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn precision_becomes_width() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(span(d("2025")), (2025.0, 2026.0));
        let (a, b) = span(d("2025-02"));
        assert!((a - 2025.0833).abs() < 1e-3 && (b - 2025.1667).abs() < 1e-3);
        let (a, b) = span(d("2025-02-24"));
        assert_eq!(a, b);
    }

    #[test]
    fn stacking_avoids_overlap() {
        let rows = stack(&[(0.0, 10.0), (5.0, 6.0), (12.0, 13.0), (5.5, 5.5)], 1.0);
        assert_eq!(rows, vec![0, 1, 0, 2]);
    }

    #[test]
    fn yearly_counts() {
        assert_eq!(
            per_year([2020, 2020, 2022, 1999, 2030], 2020, 2022),
            vec![2, 0, 1]
        );
        assert_eq!(per_year([], 2020, 2020), vec![0]);
    }

    #[test]
    fn axis_and_ticks() {
        let a = Axis {
            first: 2009,
            last: 2026,
            left: 100.0,
            width: 900.0,
        };
        assert_eq!(a.x(2009.0), 100.0);
        assert_eq!(a.x(2027.0), 1000.0);
        assert_eq!(a.ticks().first(), Some(&2009));
        assert!(radius(Some(100.0), 100.0) > radius(Some(1.0), 100.0));
    }
}
