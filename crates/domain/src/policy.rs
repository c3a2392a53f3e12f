//! The booking rules of the reservation system (domain.md §2). Every number is a field
//! whose default is the sources' value, so a change of rules is configuration.
//!
//! All functions are pure: they take the relevant history and a `now`.

use jiff::{SignedDuration, Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use crate::appointment::AppointmentStatus;
use crate::time::{add, local_date};

const DAY: i64 = 24;

/// The rules, with the sources' defaults (domain.md §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BookingPolicy {
    /// "An appointment can be cancelled no later than 24 hours before its start."
    pub cancel_notice: SignedDuration,
    /// "At most 10 cancellations in 90 days."
    pub cancellation_limit: u32,
    pub cancellation_window: SignedDuration,
    /// "3 missed appointments within 180 days ⇒ booking is blocked for the next 180 days."
    pub no_show_limit: u32,
    pub no_show_window: SignedDuration,
    pub block_for: SignedDuration,
    /// How early the kiosk accepts the PIN before the start.
    pub checkin_opens_before: SignedDuration,
    /// How late the kiosk still accepts the PIN; after that the appointment has lapsed.
    pub checkin_closes_after: SignedDuration,
    /// How many days ahead (Prague dates) an appointment can be booked.
    pub horizon_days: u32,
    /// "Children under 15": booked by a legal representative in their own name.
    pub child_age_limit: u8,
    /// The longest date range one availability query may ask for.
    pub max_range_days: u32,
    /// How long a place freed up is held for the waitlist request it is offered to
    /// (`waitlist::offer_expires_at`; shortened when the slot is near).
    pub offer_hold: SignedDuration,
    /// A place that starts sooner than this after it frees up is not offered from the
    /// waitlist: it is free for anyone to book.
    pub offer_min_lead: SignedDuration,
    /// The most offices one waitlist request may name.
    pub waitlist_max_offices: u32,
}

impl Default for BookingPolicy {
    fn default() -> BookingPolicy {
        BookingPolicy {
            cancel_notice: SignedDuration::from_hours(24),
            cancellation_limit: 10,
            // Days are 24-hour periods here: the windows are about counting events, not
            // about calendar days, and must not shift with summer time.
            cancellation_window: SignedDuration::from_hours(90 * DAY),
            no_show_limit: 3,
            no_show_window: SignedDuration::from_hours(180 * DAY),
            block_for: SignedDuration::from_hours(180 * DAY),
            checkin_opens_before: SignedDuration::from_mins(30),
            checkin_closes_after: SignedDuration::from_mins(15),
            horizon_days: 60,
            child_age_limit: 15,
            max_range_days: 62,
            offer_hold: SignedDuration::from_hours(12),
            offer_min_lead: SignedDuration::from_hours(2),
            waitlist_max_offices: 5,
        }
    }
}

/// A client's standing at `now`: what they may still do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Standing {
    /// Missed appointments in the no-show window.
    pub no_shows: u32,
    /// Cancellations in the cancellation window.
    pub cancellations: u32,
    /// How many more cancellations are allowed now.
    pub cancellations_left: u32,
    /// Booking is blocked until this instant.
    pub blocked_until: Option<Timestamp>,
}

/// Why a cancellation is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "kebab-case", tag = "reason")]
pub enum CancelRefusal {
    /// Less than the notice (24 h) before the start.
    #[error(
        "the appointment can no longer be cancelled: it starts in less than the required notice"
    )]
    TooLate,
    /// The cancellation limit in the window is used up.
    #[error("the cancellation limit is reached until {retry_after}")]
    LimitReached { retry_after: Timestamp },
}

/// Why a start time cannot be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BookingTimeRefusal {
    #[error("the slot has already started")]
    InPast,
    #[error("the slot is beyond the booking horizon")]
    BeyondHorizon,
}

/// Events in the half-open window `(now - window, now]`: an event exactly one window ago
/// has just left it.
fn in_window(events: &[Timestamp], window: SignedDuration, now: Timestamp) -> Vec<Timestamp> {
    let from = add(now, -window);
    let mut inside: Vec<Timestamp> = events
        .iter()
        .copied()
        .filter(|&t| from < t && t <= now)
        .collect();
    inside.sort_unstable();
    inside
}

fn count(events: &[Timestamp]) -> u32 {
    u32::try_from(events.len()).unwrap_or(u32::MAX)
}

impl BookingPolicy {
    /// The client's standing from their no-shows and cancellations (instants of the events,
    /// in any order).
    pub fn standing(
        &self,
        no_shows: &[Timestamp],
        cancellations: &[Timestamp],
        now: Timestamp,
    ) -> Standing {
        let recent_no_shows = count(&in_window(no_shows, self.no_show_window, now));
        let recent_cancellations = count(&in_window(cancellations, self.cancellation_window, now));
        Standing {
            no_shows: recent_no_shows,
            cancellations: recent_cancellations,
            cancellations_left: self.cancellation_limit.saturating_sub(recent_cancellations),
            blocked_until: self.blocked_until(no_shows, now),
        }
    }

    /// domain.md §2: "3 missed appointments within 180 days ⇒ booking is blocked for the
    /// next 180 days". Every no-show that is the third within the 180 days ending at it
    /// starts a block of 180 days; the latest end of such a block, if still ahead of `now`.
    /// Only no-shows up to `now` count.
    pub fn blocked_until(&self, no_shows: &[Timestamp], now: Timestamp) -> Option<Timestamp> {
        if self.no_show_limit == 0 {
            return None;
        }
        let limit = self.no_show_limit as usize;
        let mut past: Vec<Timestamp> = no_shows.iter().copied().filter(|&t| t <= now).collect();
        past.sort_unstable();
        past.iter()
            .enumerate()
            .filter(|&(i, &t)| {
                // With the events sorted, the `limit`-th one ending at `t` is `limit - 1`
                // places back; it must lie inside (t - window, t].
                i + 1 >= limit && past[i + 1 - limit] > add(t, -self.no_show_window)
            })
            .map(|(_, &t)| add(t, self.block_for))
            .max()
            .filter(|&until| until > now)
    }

    /// Whether an appointment starting at `start` may be cancelled at `now`, given the
    /// client's earlier cancellations. domain.md §2: no later than 24 hours before the
    /// start (exactly 24 hours is still in time), at most 10 in 90 days.
    pub fn check_cancel(
        &self,
        start: Timestamp,
        cancellations: &[Timestamp],
        now: Timestamp,
    ) -> Result<(), CancelRefusal> {
        if start.duration_since(now) < self.cancel_notice {
            return Err(CancelRefusal::TooLate);
        }
        let recent = in_window(cancellations, self.cancellation_window, now);
        let limit = self.cancellation_limit as usize;
        if recent.len() >= limit {
            // Allowed again once enough of the counted ones have left the window that fewer
            // than `limit` remain: normally when the oldest one leaves.
            let leaving = recent.len() - limit;
            let retry_after = recent
                .get(leaving)
                .map_or(now, |&t| add(t, self.cancellation_window));
            return Err(CancelRefusal::LimitReached { retry_after });
        }
        Ok(())
    }

    /// When a booked appointment lapses if the client has not checked in (domain.md §2:
    /// "not showing up … the appointment lapses").
    pub fn no_show_at(&self, start: Timestamp) -> Timestamp {
        add(start, self.checkin_closes_after)
    }

    /// The kiosk window for checking in: `[start - opens_before, start + closes_after)`.
    pub fn checkin_window(&self, start: Timestamp) -> (Timestamp, Timestamp) {
        (
            add(start, -self.checkin_opens_before),
            self.no_show_at(start),
        )
    }

    /// The status as it is at `now`: a `Booked` appointment whose check-in window has
    /// closed is a `NoShow` even before a job has written that down.
    pub fn effective_status(
        &self,
        stored: AppointmentStatus,
        start: Timestamp,
        now: Timestamp,
    ) -> AppointmentStatus {
        if stored == AppointmentStatus::Booked && now >= self.no_show_at(start) {
            AppointmentStatus::NoShow
        } else {
            stored
        }
    }

    /// domain.md §2: children under 15 are booked by a legal representative.
    /// On the 15th birthday the person is no longer a child.
    pub fn is_child(&self, dob: Date, today: Date) -> bool {
        age_on(dob, today) < i16::from(self.child_age_limit)
    }

    /// Age in completed years on `today`; see [`age_on`].
    pub fn age_on(&self, dob: Date, today: Date) -> i16 {
        age_on(dob, today)
    }

    /// Whether a slot starting at `start` may be booked at `now`: not started yet, and on a
    /// Prague date at most `horizon_days` after today.
    pub fn check_booking_time(
        &self,
        start: Timestamp,
        now: Timestamp,
    ) -> Result<(), BookingTimeRefusal> {
        if start <= now {
            return Err(BookingTimeRefusal::InPast);
        }
        if local_date(start) > self.last_bookable_day(now) {
            return Err(BookingTimeRefusal::BeyondHorizon);
        }
        Ok(())
    }

    /// The last Prague date on which a slot may be booked at `now`: `horizon_days` after today.
    pub fn last_bookable_day(&self, now: Timestamp) -> Date {
        local_date(now).saturating_add(jiff::Span::new().days(i64::from(self.horizon_days)))
    }
}

/// Age in completed years on `today` (negative if `dob` is after `today`).
///
/// Someone born on 29 February completes a year on 28 February in common years: the Czech
/// Civil Code (§ 605) ends a period in years on the last day of the month when the month
/// has no such day.
pub fn age_on(dob: Date, today: Date) -> i16 {
    let years = today.year() - dob.year();
    // jiff clamps 29 Feb + 1 year to 28 Feb, which is the § 605 rule.
    let anniversary = dob.checked_add(jiff::Span::new().years(years));
    match anniversary {
        Ok(day) if day > today => years - 1,
        Ok(_) => years,
        // Only near the ends of the calendar; compare month and day directly.
        Err(_) if (today.month(), today.day()) < (dob.month(), dob.day()) => years - 1,
        Err(_) => years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn days(n: i64) -> SignedDuration {
        SignedDuration::from_hours(24 * n)
    }

    fn policy() -> BookingPolicy {
        BookingPolicy::default()
    }

    const START: &str = "2026-05-20T08:00:00Z";

    #[test]
    fn defaults_are_the_sources_numbers() {
        let p = policy();
        assert_eq!(p.cancel_notice, SignedDuration::from_hours(24));
        assert_eq!(p.cancellation_limit, 10);
        assert_eq!(p.cancellation_window, days(90));
        assert_eq!(p.no_show_limit, 3);
        assert_eq!(p.no_show_window, days(180));
        assert_eq!(p.block_for, days(180));
        assert_eq!(p.checkin_closes_after, SignedDuration::from_mins(15));
        assert_eq!(p.child_age_limit, 15);
    }

    #[test]
    fn policy_reads_partial_configuration() {
        let p: BookingPolicy =
            toml::from_str("cancellation_limit = 5\ncancel_notice = \"PT48H\"").unwrap();
        assert_eq!(p.cancellation_limit, 5);
        assert_eq!(p.cancel_notice, SignedDuration::from_hours(48));
        assert_eq!(p.no_show_limit, 3);
    }

    #[test]
    fn cancellation_exactly_24_hours_before_start_is_allowed() {
        let start = ts(START);
        let now = start - SignedDuration::from_hours(24);
        assert_eq!(policy().check_cancel(start, &[], now), Ok(()));
    }

    #[test]
    fn cancellation_one_second_under_24_hours_is_too_late() {
        let start = ts(START);
        let now = start - SignedDuration::from_hours(24) + SignedDuration::from_secs(1);
        assert_eq!(
            policy().check_cancel(start, &[], now),
            Err(CancelRefusal::TooLate)
        );
    }

    #[test]
    fn cancellation_after_the_start_is_too_late() {
        let start = ts(START);
        assert_eq!(
            policy().check_cancel(start, &[], start + days(1)),
            Err(CancelRefusal::TooLate)
        );
    }

    #[test]
    fn tenth_cancellation_in_90_days_is_allowed_eleventh_is_refused() {
        let p = policy();
        let now = ts(START) - days(10);
        let start = ts(START);
        // Nine earlier cancellations, one every eight days, the oldest 72 days ago.
        let mut done: Vec<Timestamp> = (1..=9).map(|i| now - days(8 * (10 - i))).collect();
        assert_eq!(p.check_cancel(start, &done, now), Ok(()), "the 10th");
        done.push(now);
        let oldest = done[0];
        assert_eq!(
            p.check_cancel(start, &done, now),
            Err(CancelRefusal::LimitReached {
                retry_after: oldest + days(90)
            }),
            "the 11th"
        );
        // Once the oldest leaves the 90 days, one more is allowed.
        let later = oldest + days(90);
        assert_eq!(p.check_cancel(later + days(2), &done, later), Ok(()));
        assert!(
            p.check_cancel(later + days(2), &done, later - SignedDuration::from_secs(1))
                .is_err()
        );
    }

    #[test]
    fn cancellations_older_than_90_days_do_not_count() {
        let p = policy();
        let now = ts(START);
        let old: Vec<Timestamp> = (0..10)
            .map(|i| now - days(90) - SignedDuration::from_hours(i))
            .collect();
        assert_eq!(p.check_cancel(now + days(3), &old, now), Ok(()));
        let s = p.standing(&[], &old, now);
        assert_eq!((s.cancellations, s.cancellations_left), (0, 10));
    }

    #[test]
    fn third_no_show_within_180_days_blocks_booking_for_180_days() {
        let p = policy();
        let first = ts("2026-01-05T08:15:00Z");
        let no_shows = [first, first + days(60), first + days(179)];
        let third = no_shows[2];
        // Two no-shows: no block.
        assert_eq!(p.blocked_until(&no_shows[..2], third), None);
        // The third: blocked for the next 180 days.
        assert_eq!(p.blocked_until(&no_shows, third), Some(third + days(180)));
        let standing = p.standing(&no_shows, &[], third + SignedDuration::from_hours(12));
        assert_eq!(standing.no_shows, 3);
        assert_eq!(standing.blocked_until, Some(third + days(180)));
        // The block outlives the window: a month later only two no-shows are recent, but
        // booking is still blocked.
        let standing = p.standing(&no_shows, &[], third + days(30));
        assert_eq!(standing.no_shows, 2);
        assert_eq!(standing.blocked_until, Some(third + days(180)));
        // Still blocked one second before the end, free at the end.
        assert_eq!(
            p.blocked_until(&no_shows, third + days(180) - SignedDuration::from_secs(1)),
            Some(third + days(180))
        );
        assert_eq!(p.blocked_until(&no_shows, third + days(180)), None);
    }

    #[test]
    fn no_show_leaving_the_180_day_window_no_longer_counts() {
        let p = policy();
        let first = ts("2026-01-05T08:15:00Z");
        // The third comes exactly 180 days after the first: the first has just left.
        let no_shows = [first, first + days(90), first + days(180)];
        assert_eq!(p.blocked_until(&no_shows, first + days(180)), None);
        assert_eq!(p.standing(&no_shows, &[], first + days(180)).no_shows, 2);
        // One second earlier it would have been the third within 180 days.
        let sooner = [
            first,
            first + days(90),
            first + days(180) - SignedDuration::from_secs(1),
        ];
        assert!(p.blocked_until(&sooner, sooner[2]).is_some());
    }

    #[test]
    fn the_latest_block_wins() {
        let p = policy();
        let t = ts("2026-01-05T08:15:00Z");
        let no_shows = [t, t + days(1), t + days(2), t + days(3)];
        assert_eq!(p.blocked_until(&no_shows, t + days(3)), Some(t + days(183)));
    }

    #[test]
    fn future_no_shows_are_ignored() {
        let p = policy();
        let now = ts(START);
        let no_shows = [now - days(2), now - days(1), now + days(1)];
        assert_eq!(p.blocked_until(&no_shows, now), None);
    }

    #[test]
    fn booked_appointment_becomes_no_show_15_minutes_after_start() {
        let p = policy();
        let start = ts(START);
        assert_eq!(p.no_show_at(start), start + SignedDuration::from_mins(15));
        let just_before = start + SignedDuration::from_mins(15) - SignedDuration::from_secs(1);
        assert_eq!(
            p.effective_status(AppointmentStatus::Booked, start, just_before),
            AppointmentStatus::Booked
        );
        assert_eq!(
            p.effective_status(
                AppointmentStatus::Booked,
                start,
                start + SignedDuration::from_mins(15)
            ),
            AppointmentStatus::NoShow
        );
        // Other states are what they are.
        for s in [
            AppointmentStatus::CheckedIn,
            AppointmentStatus::Served,
            AppointmentStatus::Cancelled,
        ] {
            assert_eq!(p.effective_status(s, start, start + days(1)), s);
        }
    }

    #[test]
    fn checkin_window_opens_30_minutes_before() {
        let start = ts(START);
        assert_eq!(
            policy().checkin_window(start),
            (
                start - SignedDuration::from_mins(30),
                start + SignedDuration::from_mins(15)
            )
        );
    }

    #[test]
    fn on_the_15th_birthday_a_person_is_no_longer_a_child() {
        let p = policy();
        let dob = date(2011, 6, 15);
        assert!(p.is_child(dob, date(2026, 6, 14)));
        assert!(!p.is_child(dob, date(2026, 6, 15)));
        assert_eq!(age_on(dob, date(2026, 6, 14)), 14);
        assert_eq!(age_on(dob, date(2026, 6, 15)), 15);
    }

    #[test]
    fn born_on_29_february_turns_a_year_older_on_28_february() {
        let dob = date(2012, 2, 29);
        assert_eq!(age_on(dob, date(2027, 2, 27)), 14);
        assert_eq!(age_on(dob, date(2027, 2, 28)), 15);
        assert_eq!(age_on(dob, date(2028, 2, 28)), 15);
        assert_eq!(age_on(dob, date(2028, 2, 29)), 16);
    }

    #[test]
    fn age_before_birth_is_negative_and_counts_as_a_child() {
        assert_eq!(age_on(date(2030, 1, 1), date(2026, 1, 1)), -4);
        assert!(policy().is_child(date(2030, 1, 1), date(2026, 1, 1)));
    }

    #[test]
    fn slots_that_have_started_cannot_be_booked() {
        let p = policy();
        let start = ts(START);
        assert_eq!(
            p.check_booking_time(start, start),
            Err(BookingTimeRefusal::InPast)
        );
        assert_eq!(
            p.check_booking_time(start, start + SignedDuration::from_secs(1)),
            Err(BookingTimeRefusal::InPast)
        );
        assert_eq!(
            p.check_booking_time(start, start - SignedDuration::from_secs(1)),
            Ok(())
        );
    }

    #[test]
    fn booking_horizon_is_60_prague_days() {
        let p = policy();
        // Now: Monday 2 March 2026 23:30 Prague (22:30Z, still 2 March locally although
        // close to midnight). Day 60 is 1 May (a holiday, but that is the slots' business).
        let now = ts("2026-03-02T22:30:00Z");
        let day_60_evening = crate::time::to_instant(date(2026, 5, 1).at(16, 0, 0, 0));
        let day_61_morning = crate::time::to_instant(date(2026, 5, 2).at(8, 0, 0, 0));
        assert_eq!(p.check_booking_time(day_60_evening, now), Ok(()));
        assert_eq!(
            p.check_booking_time(day_61_morning, now),
            Err(BookingTimeRefusal::BeyondHorizon)
        );
    }

    #[test]
    fn standing_counts_only_the_windows() {
        let p = policy();
        let now = ts(START);
        let s = p.standing(
            &[now - days(200), now - days(10)],
            &[now - days(100), now - days(1), now - days(2)],
            now,
        );
        assert_eq!(
            s,
            Standing {
                no_shows: 1,
                cancellations: 2,
                cancellations_left: 8,
                blocked_until: None
            }
        );
    }
}
