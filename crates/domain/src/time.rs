//! Time in Prague and where `now` comes from.
//!
//! Instants are [`Timestamp`]s; the office world (hours, holidays, deadlines) is civil time
//! in Europe/Prague (domain.md §5: "Dates are in Europe/Prague"). Rules never read the
//! system clock themselves: they take a `now` that the caller got from a [`Clock`], so a
//! test can jump 180 days ahead in a millisecond.

use std::sync::{LazyLock, Mutex, MutexGuard};

use jiff::{SignedDuration, Timestamp, civil, tz::TimeZone};

static PRAGUE: LazyLock<TimeZone> = LazyLock::new(|| {
    // The tz database is bundled into the binary (jiff `tzdb-bundle-always`), so this
    // cannot depend on the host having /usr/share/zoneinfo.
    TimeZone::get("Europe/Prague").expect("Europe/Prague is in the bundled tz database")
});

/// The Europe/Prague time zone (cached; cloning a `TimeZone` is cheap).
pub fn prague() -> TimeZone {
    PRAGUE.clone()
}

/// Prague's UTC offset at the instant `ts` (no `TimeZone` clone).
pub fn prague_offset(ts: Timestamp) -> jiff::tz::Offset {
    PRAGUE.to_offset(ts)
}

/// The civil date in Prague at the instant `ts`.
pub fn local_date(ts: Timestamp) -> civil::Date {
    PRAGUE.to_datetime(ts).date()
}

/// The civil date and time in Prague at the instant `ts`.
pub fn local_datetime(ts: Timestamp) -> civil::DateTime {
    PRAGUE.to_datetime(ts)
}

/// The instant at which Prague's clocks show `dt`.
///
/// Ambiguity is resolved the "compatible" way (as RFC 5545 and Temporal do):
/// - in the spring-forward gap (02:00–03:00 on the last Sunday of March) a time that never
///   exists on the wall clock maps to the *later* reading, e.g. 02:30 → 03:30 CEST;
/// - in the autumn fold (02:00–03:00 on the last Sunday of October happens twice) the
///   *earlier* of the two instants (still CEST) is taken.
///
/// Offices never open at night, so this only matters for odd inputs. For datetimes so close
/// to the civil range limits (years ±9999) that no instant exists, the result saturates at
/// [`Timestamp::MIN`] / [`Timestamp::MAX`] instead of panicking.
pub fn to_instant(dt: civil::DateTime) -> Timestamp {
    match PRAGUE.to_ambiguous_timestamp(dt).compatible() {
        Ok(ts) => ts,
        Err(_) if dt.date().year() < 0 => Timestamp::MIN,
        Err(_) => Timestamp::MAX,
    }
}

/// RFC 3339 with the offset of Europe/Prague (api.md "Conventions"), to the second:
/// `2026-03-30T08:00:00+02:00`.
///
/// Written by hand: the API writes every instant it answers with this, and going through
/// `Zoned` and `strftime` cost a sixth of the availability endpoint's CPU before its slots
/// were kept already written. The output is byte-identical to
/// `strftime("%Y-%m-%dT%H:%M:%S%:z")` (see the tests); the rare inputs whose formatting
/// differs in shape (years outside 0–9999, offsets with seconds such as
/// Prague's local mean time before 1891) take that slow path.
pub fn rfc3339(ts: Timestamp) -> String {
    let offset = prague_offset(ts);
    let dt = offset.to_datetime(ts);
    let off = offset.seconds();
    if dt.year() < 0 || off % 60 != 0 {
        return rfc3339_strftime(ts);
    }
    if dt.year() > 9999 {
        return rfc3339_strftime(ts);
    }
    let off_minutes = off.unsigned_abs() / 60;
    // 25 ASCII bytes, filled in place: `YYYY-MM-DDTHH:MM:SS+HH:MM`.
    let mut b = *b"0000-00-00T00:00:00+00:00";
    let mut put = |at: usize, n: u32, width: usize| {
        let mut n = n;
        for k in (at..at + width).rev() {
            b[k] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(0, dt.year().unsigned_abs().into(), 4);
    put(5, dt.month().unsigned_abs().into(), 2);
    put(8, dt.day().unsigned_abs().into(), 2);
    put(11, dt.hour().unsigned_abs().into(), 2);
    put(14, dt.minute().unsigned_abs().into(), 2);
    put(17, dt.second().unsigned_abs().into(), 2);
    // |offset| < 26 h.
    put(20, off_minutes / 60, 2);
    put(23, off_minutes % 60, 2);
    if off < 0 {
        b[19] = b'-';
    }
    // Only ASCII digits and separators were written.
    String::from_utf8_lossy(&b).into_owned()
}

/// The general (slow) way of [`rfc3339`].
fn rfc3339_strftime(ts: Timestamp) -> String {
    ts.to_zoned(prague())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// Where the current instant comes from.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> Timestamp;
}

impl<C: Clock + ?Sized> Clock for std::sync::Arc<C> {
    fn now(&self) -> Timestamp {
        (**self).now()
    }
}

impl<C: Clock + ?Sized> Clock for Box<C> {
    fn now(&self) -> Timestamp {
        (**self).now()
    }
}

/// The real clock. The only place in the crate that reads the system time.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// Refusal to move a clock.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// Moving back could make stored events lie in the future and undo expiries; only
    /// forward jumps are allowed.
    #[error("the clock can only move forward (now {now}, requested {requested})")]
    Backwards {
        now: Timestamp,
        requested: Timestamp,
    },
}

/// A clock for development and demonstrations: it runs like the system clock but can be
/// jumped forward (e.g. to show a no-show or the end of a 180-day block) and keeps ticking
/// from the new instant.
#[derive(Debug, Default)]
pub struct DevClock {
    /// target − system now at the last jump.
    offset: Mutex<SignedDuration>,
}

impl DevClock {
    pub fn new() -> DevClock {
        DevClock::default()
    }

    /// Jumps to `to`, which must not be earlier than the current reading. Returns the new
    /// reading.
    pub fn set(&self, to: Timestamp) -> Result<Timestamp, ClockError> {
        let mut offset = lock(&self.offset);
        let system = Timestamp::now();
        let now = add(system, *offset);
        if to < now {
            return Err(ClockError::Backwards { now, requested: to });
        }
        *offset = to.duration_since(system);
        Ok(to)
    }

    /// How far ahead of the system clock this clock runs.
    pub fn offset(&self) -> SignedDuration {
        *lock(&self.offset)
    }
}

impl Clock for DevClock {
    fn now(&self) -> Timestamp {
        add(Timestamp::now(), *lock(&self.offset))
    }
}

/// A clock that stands still until told to move: for tests in this and other crates.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<Timestamp>,
}

impl ManualClock {
    pub fn new(at: Timestamp) -> ManualClock {
        ManualClock {
            now: Mutex::new(at),
        }
    }

    /// Sets the reading (any direction: tests may need to rewind).
    pub fn set(&self, to: Timestamp) {
        *lock(&self.now) = to;
    }

    /// Moves the reading by `by` and returns the new reading.
    pub fn advance(&self, by: SignedDuration) -> Timestamp {
        let mut now = lock(&self.now);
        *now = add(*now, by);
        *now
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *lock(&self.now)
    }
}

/// A clock holds plain data, so a panic elsewhere cannot leave it inconsistent: a
/// poisoned lock is still safe to use.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// `ts + d`, saturating at the ends of the timestamp range.
pub(crate) fn add(ts: Timestamp, d: SignedDuration) -> Timestamp {
    match ts.checked_add(d) {
        Ok(t) => t,
        Err(_) if d.is_negative() => Timestamp::MIN,
        Err(_) => Timestamp::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn winter_morning_in_prague_is_one_hour_ahead_of_utc() {
        // Friday before the spring change, still CET.
        assert_eq!(
            to_instant(date(2026, 3, 27).at(8, 0, 0, 0)),
            ts("2026-03-27T07:00:00Z")
        );
        // Monday after the autumn change, back on CET.
        assert_eq!(
            to_instant(date(2026, 10, 26).at(8, 0, 0, 0)),
            ts("2026-10-26T07:00:00Z")
        );
    }

    #[test]
    fn summer_morning_in_prague_is_two_hours_ahead_of_utc() {
        // Monday after the spring change, CEST.
        assert_eq!(
            to_instant(date(2026, 3, 30).at(8, 0, 0, 0)),
            ts("2026-03-30T06:00:00Z")
        );
    }

    #[test]
    fn time_in_the_spring_gap_maps_to_the_later_reading() {
        // 02:30 does not exist on 2026-03-29; it is read as 03:30 CEST = 01:30Z.
        assert_eq!(
            to_instant(date(2026, 3, 29).at(2, 30, 0, 0)),
            ts("2026-03-29T01:30:00Z")
        );
    }

    #[test]
    fn time_in_the_autumn_fold_maps_to_the_earlier_instant() {
        // 02:30 happens twice on 2026-10-25; the first one is CEST = 00:30Z.
        assert_eq!(
            to_instant(date(2026, 10, 25).at(2, 30, 0, 0)),
            ts("2026-10-25T00:30:00Z")
        );
    }

    #[test]
    fn local_date_crosses_midnight_in_prague_not_in_utc() {
        assert_eq!(local_date(ts("2026-06-30T22:30:00Z")), date(2026, 7, 1));
        assert_eq!(local_date(ts("2026-12-31T22:59:59Z")), date(2026, 12, 31));
        assert_eq!(local_date(ts("2026-12-31T23:00:00Z")), date(2027, 1, 1));
    }

    #[test]
    fn extreme_datetimes_saturate_instead_of_panicking() {
        assert_eq!(to_instant(civil::DateTime::MAX), Timestamp::MAX);
        assert_eq!(to_instant(civil::DateTime::MIN), Timestamp::MIN);
    }

    #[test]
    fn dev_clock_moves_forward_and_keeps_ticking() {
        let clock = DevClock::new();
        let target = Timestamp::now() + SignedDuration::from_hours(24 * 200);
        assert_eq!(clock.set(target), Ok(target));
        let read = clock.now();
        assert!(read >= target);
        assert!(read < target + SignedDuration::from_secs(60));
    }

    #[test]
    fn dev_clock_refuses_to_move_back() {
        let clock = DevClock::new();
        let ahead = Timestamp::now() + SignedDuration::from_hours(48);
        clock.set(ahead).unwrap();
        let back = ahead - SignedDuration::from_hours(1);
        assert!(matches!(
            clock.set(back),
            Err(ClockError::Backwards { requested, .. }) if requested == back
        ));
        assert!(clock.now() >= ahead);
    }

    #[test]
    fn manual_clock_stands_still_until_advanced() {
        let clock = ManualClock::new(ts("2026-01-05T08:00:00Z"));
        assert_eq!(clock.now(), ts("2026-01-05T08:00:00Z"));
        clock.advance(SignedDuration::from_mins(90));
        assert_eq!(clock.now(), ts("2026-01-05T09:30:00Z"));
        let shared: std::sync::Arc<dyn Clock> = std::sync::Arc::new(clock);
        assert_eq!(shared.now(), ts("2026-01-05T09:30:00Z"));
    }

    fn assert_same(t: Timestamp) {
        assert_eq!(rfc3339(t), rfc3339_strftime(t), "{t}");
    }

    #[test]
    fn rfc3339_examples() {
        assert_eq!(
            rfc3339(ts("2026-03-30T06:00:00Z")),
            "2026-03-30T08:00:00+02:00"
        );
        assert_eq!(
            rfc3339(ts("2026-01-05T07:00:00.999Z")),
            "2026-01-05T08:00:00+01:00"
        );
        assert_eq!(
            rfc3339(ts("2026-12-31T23:00:00Z")),
            "2027-01-01T00:00:00+01:00"
        );
    }

    #[test]
    fn rfc3339_matches_strftime_across_the_dst_switches() {
        // Every minute (and a few odd seconds) from the day before to the day after each
        // switch of 2026: 2026-03-29 02:00 CET → 03:00 CEST, 2026-10-25 03:00 CEST → 02:00 CET.
        for day in ["2026-03-28T00:00:00Z", "2026-10-24T00:00:00Z"] {
            let start = ts(day);
            for minute in 0..3 * 24 * 60 {
                let t = start + SignedDuration::from_mins(minute);
                assert_same(t);
                assert_same(t + SignedDuration::from_secs(59));
                assert_same(t - SignedDuration::from_nanos(1));
            }
        }
    }

    #[test]
    fn rfc3339_matches_strftime_over_many_years() {
        // Every 7 h 13 min 17 s over 1850–2200: both offsets, leap days, month ends, the
        // local mean time before 1891 (offset +00:57:44) and years without DST.
        let mut t = ts("1850-01-01T00:00:00Z");
        let end = ts("2200-01-01T00:00:00Z");
        let step = SignedDuration::from_secs(7 * 3600 + 13 * 60 + 17);
        while t < end {
            assert_same(t);
            t += step;
        }
        for s in [
            "1000-01-01T00:00:00Z",
            "9999-12-30T12:00:00Z",
            "2024-02-29T22:59:59Z",
            "2024-02-29T23:00:00Z",
            "1970-01-01T00:00:00Z",
        ] {
            assert_same(ts(s));
        }
        assert_same(Timestamp::MAX);
        assert_same(Timestamp::MIN);
    }
}
