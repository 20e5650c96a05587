//! When a download gives up: the rules the one fetch helper (`app::fetch`) follows
//! for every file the app loads, kept here so they are tested natively.
//!
//! A download ends in one of four ways besides success: the server sends no answer
//! (no response headers) within [`Limits::answer_ms`]; the body stops flowing (no
//! chunk for [`Limits::idle_ms`], the timer reset by each chunk); the body is still
//! arriving after [`Limits::total_ms`] (a trickle that never ends); or it is larger
//! than [`Limits::max_bytes`], known from `Content-Length` before a byte is read, or
//! counted while reading when the header is missing, compressed or wrong. Each gives
//! the page a message and a Retry instead of an endless "Loading…" or an
//! out-of-memory abort.

/// A file's limits; times in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub answer_ms: u32,
    pub idle_ms: u32,
    pub total_ms: u32,
    pub max_bytes: u64,
}

/// A megabyte as the messages say it (10^6 bytes).
pub const MB: u64 = 1_000_000;

/// The dataset: 64 MB holds well over 100,000 events (the benchmark's 100,000
/// synthetic events are about 50 MB; the shipped file is under 0.3 MB).
pub const DATASET: Limits = Limits {
    answer_ms: 15_000,
    idle_ms: 15_000,
    total_ms: 300_000,
    max_bytes: 64 * MB,
};

/// A side file a view needs (map shapes, gazetteer; each under 0.2 MB today).
pub const SIDE_FILE: Limits = Limits {
    answer_ms: 15_000,
    idle_ms: 15_000,
    total_ms: 300_000,
    max_bytes: 16 * MB,
};

/// Why a download was given up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// No response within `answer_ms`.
    NoAnswer,
    /// No chunk for `idle_ms`; `bytes` had arrived.
    Stalled { bytes: u64 },
    /// Still arriving after `total_ms`; `bytes` had arrived.
    TooSlow { bytes: u64 },
    /// More than `max_bytes`: declared by `Content-Length` or counted.
    TooLarge { bytes: u64 },
}

/// One download's progress against its limits; `now` is any clock in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub limits: Limits,
    started: f64,
    last: f64,
    bytes: u64,
    answered: bool,
}

impl Progress {
    pub fn new(limits: Limits, now: f64) -> Self {
        Self {
            limits,
            started: now,
            last: now,
            bytes: 0,
            answered: false,
        }
    }

    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The response headers arrived, declaring `length` bytes if they said.
    pub fn answered(&mut self, now: f64, length: Option<u64>) -> Result<(), Stop> {
        self.answered = true;
        self.last = now;
        match length {
            Some(n) if n > self.limits.max_bytes => Err(Stop::TooLarge { bytes: n }),
            _ => Ok(()),
        }
    }

    /// A chunk of `len` bytes arrived at `now`.
    pub fn chunk(&mut self, now: f64, len: u64) -> Result<(), Stop> {
        self.bytes = self.bytes.saturating_add(len);
        if self.bytes > self.limits.max_bytes {
            return Err(Stop::TooLarge { bytes: self.bytes });
        }
        if let Some(stop) = self.expired(now) {
            return Err(stop);
        }
        self.last = now;
        Ok(())
    }

    /// When to stop waiting for the next answer or chunk, on the same clock as `now`.
    pub fn deadline(&self) -> f64 {
        if self.answered {
            (self.last + f64::from(self.limits.idle_ms))
                .min(self.started + f64::from(self.limits.total_ms))
        } else {
            self.started + f64::from(self.limits.answer_ms)
        }
    }

    /// Why the download must stop at `now`, if it must.
    pub fn expired(&self, now: f64) -> Option<Stop> {
        if now < self.deadline() {
            return None;
        }
        Some(if !self.answered {
            Stop::NoAnswer
        } else if now >= self.started + f64::from(self.limits.total_ms) {
            Stop::TooSlow { bytes: self.bytes }
        } else {
            Stop::Stalled { bytes: self.bytes }
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const L: Limits = Limits {
        answer_ms: 100,
        idle_ms: 10,
        total_ms: 1000,
        max_bytes: 500,
    };

    #[test]
    fn a_server_that_never_answers_ends_after_the_answer_time() {
        let p = Progress::new(L, 0.0);
        assert_eq!(p.deadline(), 100.0);
        assert_eq!(p.expired(99.0), None);
        assert_eq!(p.expired(100.0), Some(Stop::NoAnswer));
    }

    #[test]
    fn headers_then_silence_ends_as_stalled() {
        let mut p = Progress::new(L, 0.0);
        p.answered(5.0, None).unwrap();
        p.chunk(8.0, 7).unwrap();
        assert_eq!(p.deadline(), 18.0);
        assert_eq!(p.expired(18.0), Some(Stop::Stalled { bytes: 7 }));
    }

    #[test]
    fn a_declared_length_over_the_cap_stops_before_reading() {
        let mut p = Progress::new(L, 0.0);
        assert_eq!(
            p.answered(1.0, Some(501)),
            Err(Stop::TooLarge { bytes: 501 })
        );
        let mut p = Progress::new(L, 0.0);
        assert_eq!(p.answered(1.0, Some(500)), Ok(()));
    }

    #[test]
    fn an_endless_body_without_a_length_stops_at_the_cap() {
        let mut p = Progress::new(L, 0.0);
        p.answered(0.0, None).unwrap();
        let mut t = 0.0;
        let stop = loop {
            t += 1.0;
            if let Err(s) = p.chunk(t, 64) {
                break s;
            }
        };
        assert_eq!(stop, Stop::TooLarge { bytes: 512 });
    }

    #[test]
    fn a_trickle_that_never_ends_stops_at_the_total_time() {
        let mut p = Progress::new(L, 0.0);
        p.answered(0.0, None).unwrap();
        let mut t = 0.0;
        let stop = loop {
            t += 9.0; // always inside the idle time
            if let Err(s) = p.chunk(t, 0) {
                break s;
            }
            assert!(p.expired(t).is_none());
        };
        assert!(matches!(stop, Stop::TooSlow { .. }), "{stop:?}");
        assert!((1000.0..1009.0).contains(&t));
    }

    proptest! {
        /// Whatever the chunks and their timing, the download ends by the total time
        /// or the cap, never later, and a stop is always for a real reason.
        #[test]
        fn every_download_ends_within_its_limits(
            gaps in proptest::collection::vec((0.0f64..15.0, 0u64..200), 0..300),
        ) {
            let mut p = Progress::new(L, 0.0);
            p.answered(0.0, None).unwrap();
            let mut t = 0.0;
            for (gap, len) in gaps {
                t += gap;
                match p.chunk(t, len) {
                    Ok(()) => {
                        prop_assert!(t < 1000.0);
                        prop_assert!(p.bytes() <= 500);
                        prop_assert!(p.deadline() <= 1000.0);
                    }
                    Err(Stop::TooLarge { bytes }) => { prop_assert!(bytes > 500); break }
                    Err(Stop::Stalled { .. }) => { prop_assert!(gap >= 10.0); break }
                    Err(Stop::TooSlow { .. }) => { prop_assert!(t >= 1000.0); break }
                    Err(Stop::NoAnswer) => prop_assert!(false, "answered"),
                }
            }
        }
    }
}
