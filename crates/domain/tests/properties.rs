//! Properties that must hold for every input, not just the examples in the unit tests.

use jiff::{SignedDuration, Timestamp, civil::Date};
use proptest::prelude::*;
use termin_domain::calendar::{
    add_working_days, holidays, is_working_day, next_working_day_on_or_after,
    previous_working_day_on_or_before,
};
use termin_domain::slots::slots_on;
use termin_domain::time::local_datetime;
use termin_domain::{BookingPolicy, Catalog};

/// Any date from 1900 to 2200.
fn any_date() -> impl Strategy<Value = Date> {
    (0i64..(300 * 366))
        .prop_map(|n| jiff::civil::date(1900, 1, 1).saturating_add(jiff::Span::new().days(n)))
}

fn any_year() -> impl Strategy<Value = i16> {
    1583i16..=9998
}

/// An instant within about two years of 2026-01-01, to the second.
fn instant_near(base: Timestamp) -> impl Strategy<Value = Timestamp> {
    (-(400 * 86_400i64)..(400 * 86_400)).prop_map(move |s| base + SignedDuration::from_secs(s))
}

fn base() -> Timestamp {
    "2026-01-01T00:00:00Z".parse().unwrap()
}

proptest! {
    // domain.md §5
    #[test]
    fn holidays_are_never_working_days(year in any_year()) {
        let list = holidays(year);
        prop_assert_eq!(list.len(), 13);
        for h in list {
            prop_assert!(!is_working_day(h.date), "{} {}", h.id, h.date);
        }
    }

    #[test]
    fn add_working_days_lands_on_a_working_day_after_the_date(date in any_date(), n in 1u32..80) {
        let end = add_working_days(date, n);
        prop_assert!(end > date);
        prop_assert!(is_working_day(end));
        // Exactly n working days lie in (date, end].
        let mut count = 0;
        let mut day = date.tomorrow().unwrap();
        while day <= end {
            if is_working_day(day) {
                count += 1;
            }
            day = day.tomorrow().unwrap();
        }
        prop_assert_eq!(count, n);
    }

    #[test]
    fn nearest_working_days_are_working_days(date in any_date()) {
        let next = next_working_day_on_or_after(date);
        let prev = previous_working_day_on_or_before(date);
        prop_assert!(is_working_day(next) && next >= date);
        prop_assert!(is_working_day(prev) && prev <= date);
        prop_assert_eq!(is_working_day(date), next == prev);
    }

    #[test]
    fn slots_never_overlap_and_lie_inside_office_hours(
        office_index in 0usize..64,
        type_index in 0usize..64,
        date in any_date(),
    ) {
        let catalog = Catalog::shipped();
        let office = &catalog.offices[office_index % catalog.offices.len()];
        let vt = &catalog.visit_types[type_index % catalog.visit_types.len()];
        let slots = slots_on(office, vt, date);
        if !office.is_bookable() || !office.offers(&vt.id) || !is_working_day(date) {
            prop_assert!(slots.is_empty());
            return Ok(());
        }
        let intervals = office.hours.as_ref().unwrap().on(date.weekday());
        for pair in slots.windows(2) {
            prop_assert!(pair[0].end <= pair[1].start);
        }
        for slot in &slots {
            prop_assert_eq!(
                slot.end.duration_since(slot.start),
                SignedDuration::from_mins(i64::from(vt.duration_minutes))
            );
            let start = local_datetime(slot.start);
            let end = local_datetime(slot.end);
            prop_assert_eq!(start.date(), date);
            prop_assert_eq!(end.date(), date);
            prop_assert!(
                intervals.iter().any(|iv| iv.start <= start.time() && end.time() <= iv.end),
                "{:?} outside {:?}", slot, intervals
            );
        }
    }

    // domain.md §2: at most 10 cancellations in 90 days.
    #[test]
    fn cancellations_left_plus_cancellations_is_the_limit_below_the_limit(
        offsets in prop::collection::vec(0i64..(200 * 86_400), 0..30),
        now in instant_near(base()),
    ) {
        let policy = BookingPolicy::default();
        let cancellations: Vec<Timestamp> =
            offsets.iter().map(|&s| now - SignedDuration::from_secs(s)).collect();
        let standing = policy.standing(&[], &cancellations, now);
        if standing.cancellations < policy.cancellation_limit {
            prop_assert_eq!(standing.cancellations_left + standing.cancellations, policy.cancellation_limit);
            let start = now + SignedDuration::from_hours(48);
            prop_assert_eq!(policy.check_cancel(start, &cancellations, now), Ok(()));
        } else {
            prop_assert_eq!(standing.cancellations_left, 0);
            let start = now + SignedDuration::from_hours(48);
            prop_assert!(policy.check_cancel(start, &cancellations, now).is_err());
        }
    }

    // domain.md §2: 3 no-shows within 180 days block booking.
    #[test]
    fn blocked_until_is_none_with_fewer_than_three_no_shows(
        offsets in prop::collection::vec(0i64..(400 * 86_400), 0..3),
        now in instant_near(base()),
    ) {
        let policy = BookingPolicy::default();
        let no_shows: Vec<Timestamp> = offsets.iter().map(|&s| now - SignedDuration::from_secs(s)).collect();
        prop_assert_eq!(policy.blocked_until(&no_shows, now), None);
        prop_assert_eq!(policy.standing(&no_shows, &[], now).blocked_until, None);
    }

    #[test]
    fn a_block_always_ends_180_days_after_a_no_show(
        offsets in prop::collection::vec(0i64..(400 * 86_400), 3..8),
        now in instant_near(base()),
    ) {
        let policy = BookingPolicy::default();
        let no_shows: Vec<Timestamp> = offsets.iter().map(|&s| now - SignedDuration::from_secs(s)).collect();
        if let Some(until) = policy.blocked_until(&no_shows, now) {
            prop_assert!(until > now);
            prop_assert!(no_shows.iter().any(|&t| t + policy.block_for == until));
        }
    }

    #[test]
    fn cancelling_is_allowed_exactly_when_the_notice_is_met(
        now in instant_near(base()),
        ahead in -(3 * 86_400i64)..(3 * 86_400),
    ) {
        let policy = BookingPolicy::default();
        let start = now + SignedDuration::from_secs(ahead);
        let result = policy.check_cancel(start, &[], now);
        prop_assert_eq!(result.is_ok(), ahead >= 24 * 3600);
    }
}
