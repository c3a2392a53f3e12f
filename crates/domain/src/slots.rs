//! Appointment slots: when an office can see a client for a visit type.
//!
//! Slots are derived, not stored: consecutive blocks of the visit type's duration inside
//! each opening interval (domain.md §3) on working days (domain.md §5). How many people one
//! slot can take is `Office::counters`; the store enforces that.

use jiff::{SignedDuration, Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use crate::calendar::is_working_day;
use crate::catalog::{Office, VisitType};
use crate::time::to_instant;

/// One slot, `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SlotTime {
    pub start: Timestamp,
    pub end: Timestamp,
}

/// The slots of `vt` at `office` on the Prague date `date`, in order.
///
/// None on Saturdays, Sundays and Czech public holidays, none at an office without
/// published hours, none for a visit type the office does not offer. A slot never runs
/// past the end of its interval, so Praha V's lunch break (12:00–12:30) stays free.
/// Friday "booked only" hours (domain.md §3) are ordinary slots here: booking is exactly
/// what they are for.
pub fn slots_on(office: &Office, vt: &VisitType, date: Date) -> Vec<SlotTime> {
    let Some(hours) = &office.hours else {
        return Vec::new();
    };
    if vt.duration_minutes == 0 || !office.offers(&vt.id) || !is_working_day(date) {
        return Vec::new();
    }
    let duration = SignedDuration::from_mins(i64::from(vt.duration_minutes));
    let mut slots = Vec::new();
    for interval in hours.on(date.weekday()) {
        // Step in civil time, not in instants, so a slot is always "08:00–08:30" on the
        // wall clock whatever the UTC offset of the day.
        let end = date.to_datetime(interval.end);
        let mut start = date.to_datetime(interval.start);
        while let Ok(slot_end) = start.checked_add(duration) {
            if slot_end > end {
                break;
            }
            slots.push(SlotTime {
                start: to_instant(start),
                end: to_instant(slot_end),
            });
            start = slot_end;
        }
    }
    slots
}

/// The slots on every date from `from` to `to`, both included, in order. Empty if
/// `to < from`. Callers bound the range (`BookingPolicy::max_range_days`).
pub fn slots_between(office: &Office, vt: &VisitType, from: Date, to: Date) -> Vec<SlotTime> {
    let mut slots = Vec::new();
    let mut day = from;
    while day <= to {
        slots.extend(slots_on(office, vt, day));
        match day.tomorrow() {
            Ok(next) => day = next,
            Err(_) => break,
        }
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::ids::{OfficeId, VisitTypeId};
    use crate::time::local_datetime;
    use jiff::civil::{date, time};

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn office(id: &str) -> Office {
        Catalog::shipped()
            .office(&OfficeId::parse(id).unwrap())
            .unwrap()
            .clone()
    }

    fn visit_type(id: &str) -> VisitType {
        Catalog::shipped()
            .visit_type(&VisitTypeId::parse(id).unwrap())
            .unwrap()
            .clone()
    }

    #[test]
    fn monday_after_spring_change_starts_at_0600_utc() {
        let slots = slots_on(
            &office("brno"),
            &visit_type("biometrics"),
            date(2026, 3, 30),
        );
        assert_eq!(slots[0].start, ts("2026-03-30T06:00:00Z"));
        assert_eq!(slots.last().unwrap().end, ts("2026-03-30T15:00:00Z")); // 17:00 CEST
    }

    #[test]
    fn friday_before_spring_change_starts_at_0700_utc() {
        let slots = slots_on(
            &office("brno"),
            &visit_type("biometrics"),
            date(2026, 3, 27),
        );
        assert_eq!(slots[0].start, ts("2026-03-27T07:00:00Z"));
        assert_eq!(slots.last().unwrap().end, ts("2026-03-27T10:00:00Z")); // 11:00 CET
    }

    #[test]
    fn monday_after_autumn_change_starts_at_0700_utc() {
        let slots = slots_on(
            &office("brno"),
            &visit_type("biometrics"),
            date(2026, 10, 26),
        );
        assert_eq!(slots[0].start, ts("2026-10-26T07:00:00Z"));
        // Friday before it is still summer time.
        let friday = slots_on(
            &office("brno"),
            &visit_type("biometrics"),
            date(2026, 10, 23),
        );
        assert_eq!(friday[0].start, ts("2026-10-23T06:00:00Z"));
    }

    #[test]
    fn the_dst_sundays_themselves_have_no_slots() {
        for day in [date(2026, 3, 29), date(2026, 10, 25)] {
            assert!(slots_on(&office("brno"), &visit_type("biometrics"), day).is_empty());
        }
    }

    #[test]
    fn slots_are_consecutive_blocks_of_the_duration() {
        // Brno Monday 8–17 with 15-minute biometrics: 36 slots.
        let slots = slots_on(
            &office("brno"),
            &visit_type("biometrics"),
            date(2026, 1, 12),
        );
        assert_eq!(slots.len(), 36);
        for pair in slots.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
            assert_eq!(
                pair[0].end.duration_since(pair[0].start),
                SignedDuration::from_mins(15)
            );
        }
    }

    #[test]
    fn a_slot_never_runs_past_the_end_of_its_interval() {
        // Hradec Králové Tuesday 8:00–11:30 with 45-minute permanent residence: 8:00, 8:45,
        // 9:30, 10:15; 11:00 would end at 11:45.
        let slots = slots_on(
            &office("hradec-kralove"),
            &visit_type("permanent-residence"),
            date(2026, 1, 13),
        );
        let starts: Vec<_> = slots
            .iter()
            .map(|s| local_datetime(s.start).time())
            .collect();
        assert_eq!(
            starts,
            [
                time(8, 0, 0, 0),
                time(8, 45, 0, 0),
                time(9, 30, 0, 0),
                time(10, 15, 0, 0)
            ]
        );
    }

    #[test]
    fn praha_5_lunch_break_has_no_slot() {
        let praha5 = office("praha-5");
        for vt in Catalog::shipped()
            .visit_types
            .iter()
            .filter(|vt| praha5.offers(&vt.id))
        {
            for day in [
                date(2026, 1, 12),
                date(2026, 1, 13),
                date(2026, 6, 17),
                date(2026, 6, 18),
            ] {
                let slots = slots_on(&praha5, vt, day);
                assert!(!slots.is_empty());
                let noon = to_instant(day.at(12, 0, 0, 0));
                let half_past = to_instant(day.at(12, 30, 0, 0));
                for slot in &slots {
                    assert!(
                        slot.end <= noon || slot.start >= half_past,
                        "{} {day} {slot:?}",
                        vt.id
                    );
                }
                assert!(
                    slots.iter().any(|s| s.start == half_past),
                    "{} {day}",
                    vt.id
                );
            }
        }
    }

    #[test]
    fn no_slots_on_weekends_or_holidays() {
        let brno = office("brno");
        let vt = visit_type("long-term-residence");
        for day in [
            date(2026, 1, 10),  // Saturday
            date(2026, 1, 11),  // Sunday
            date(2026, 1, 1),   // New Year, Thursday
            date(2026, 4, 3),   // Good Friday
            date(2026, 4, 6),   // Easter Monday
            date(2026, 12, 24), // Christmas Eve, Thursday
        ] {
            assert!(slots_on(&brno, &vt, day).is_empty(), "{day}");
        }
    }

    #[test]
    fn unbookable_offices_give_no_slots() {
        let catalog = Catalog::shipped();
        let vt = visit_type("residence-confirmation");
        for office in catalog.offices.iter().filter(|o| !o.is_bookable()) {
            assert!(
                slots_between(office, &vt, date(2026, 1, 1), date(2026, 2, 28)).is_empty(),
                "{}",
                office.id
            );
        }
    }

    #[test]
    fn visit_types_not_offered_give_no_slots() {
        let slots = slots_on(
            &office("praha-1"),
            &visit_type("long-term-residence"),
            date(2026, 1, 12),
        );
        assert!(slots.is_empty());
    }

    #[test]
    fn slots_between_covers_both_ends_and_skips_the_weekend() {
        let brno = office("brno");
        let vt = visit_type("biometrics");
        // Friday 9 Jan to Monday 12 Jan 2026: Friday 8–11 (12) + Monday 8–17 (36).
        let slots = slots_between(&brno, &vt, date(2026, 1, 9), date(2026, 1, 12));
        assert_eq!(slots.len(), 12 + 36);
        assert!(slots.windows(2).all(|w| w[0].end <= w[1].start));
        assert!(slots_between(&brno, &vt, date(2026, 1, 12), date(2026, 1, 9)).is_empty());
    }
}
