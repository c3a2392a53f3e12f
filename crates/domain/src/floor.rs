//! The office floor (issue 3): when a client may check in at the kiosk, where a ticket stands
//! in the queue, when walk-ins are taken, and how tickets are numbered.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::catalog::{Office, VisitType};
use crate::policy::BookingPolicy;
use crate::time;

/// Why the kiosk refuses a PIN that belongs to an appointment of today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckInRefusal {
    /// More than `checkin_opens_before` before the start (30 minutes by default).
    TooEarly { opens_at: Timestamp },
    /// The window closed `checkin_closes_after` after the start (15 minutes): a no-show.
    TooLate,
}

/// The kiosk window (api.md "At the office"): from 30 minutes before to 15 minutes after.
pub fn check_in_allowed(
    policy: &BookingPolicy,
    start: Timestamp,
    now: Timestamp,
) -> Result<(), CheckInRefusal> {
    let (opens, closes) = policy.checkin_window(start);
    if now < opens {
        Err(CheckInRefusal::TooEarly { opens_at: opens })
    } else if now >= closes {
        Err(CheckInRefusal::TooLate)
    } else {
        Ok(())
    }
}

/// Where a client who checks in after the appointment's start goes in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LateArrivals {
    /// Keeps the place of the scheduled start, as if on time.
    KeepPlace,
    /// After every on-time appointment, before walk-ins, in order of arrival.
    #[default]
    AfterOnTime,
    /// With the walk-ins, in order of arrival.
    WithWalkIns,
}

/// The queue order of a ticket: lower rank first, then earlier instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct QueuePlace {
    pub rank: u8,
    pub at: Timestamp,
}

pub const RANK_ON_TIME: u8 = 0;
pub const RANK_LATE: u8 = 1;
pub const RANK_WALK_IN: u8 = 2;

/// Checked-in appointments by scheduled start, then walk-ins by arrival (issue 3), with the
/// configured rule for late arrivals.
pub fn queue_place(
    scheduled_start: Option<Timestamp>,
    checked_in_at: Timestamp,
    late: LateArrivals,
) -> QueuePlace {
    match scheduled_start {
        None => QueuePlace {
            rank: RANK_WALK_IN,
            at: checked_in_at,
        },
        Some(start) if checked_in_at <= start => QueuePlace {
            rank: RANK_ON_TIME,
            at: start,
        },
        Some(start) => match late {
            LateArrivals::KeepPlace => QueuePlace {
                rank: RANK_ON_TIME,
                at: start,
            },
            LateArrivals::AfterOnTime => QueuePlace {
                rank: RANK_LATE,
                at: checked_in_at,
            },
            LateArrivals::WithWalkIns => QueuePlace {
                rank: RANK_WALK_IN,
                at: checked_in_at,
            },
        },
    }
}

/// Why a walk-in ticket is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkInRefusal {
    /// This visit type is only by appointment, or the office does not handle it.
    ByAppointmentOnly,
    /// The office is closed now.
    Closed,
    /// The hours now are for booked clients only (Friday at the regional offices, domain.md §3).
    BookedClientsOnly,
}

/// Walk-ins are taken for walk-in visit types during office hours, never in hours that are
/// for booked clients only.
pub fn walk_in_allowed(
    office: &Office,
    visit_type: &VisitType,
    now: Timestamp,
) -> Result<(), WalkInRefusal> {
    if !visit_type.walk_in || !office.offers(&visit_type.id) {
        return Err(WalkInRefusal::ByAppointmentOnly);
    }
    let local = time::local_datetime(now);
    let date = local.date();
    let Some(hours) = &office.hours else {
        return Err(WalkInRefusal::Closed);
    };
    if !crate::calendar::is_working_day(date) {
        return Err(WalkInRefusal::Closed);
    }
    let weekday = date.weekday();
    if !hours.on(weekday).iter().any(|i| i.contains(local.time())) {
        return Err(WalkInRefusal::Closed);
    }
    if office.friday_booked_only && weekday == jiff::civil::Weekday::Friday {
        return Err(WalkInRefusal::BookedClientsOnly);
    }
    Ok(())
}

/// `B-042`: the visit type's group letter and the day's running number of that group.
pub fn ticket_number(group: char, n: u32) -> String {
    format!("{group}-{n:03}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::ids::{OfficeId, VisitTypeId};
    use jiff::SignedDuration;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn check_in_opens_30_minutes_before_and_closes_15_minutes_after_the_start() {
        let policy = BookingPolicy::default();
        let start = at("2026-12-01T08:30:00+01:00");
        let m = SignedDuration::from_mins;
        assert_eq!(
            check_in_allowed(&policy, start, start - m(31)),
            Err(CheckInRefusal::TooEarly {
                opens_at: start - m(30)
            })
        );
        assert_eq!(check_in_allowed(&policy, start, start - m(30)), Ok(()));
        assert_eq!(
            check_in_allowed(
                &policy,
                start,
                start + m(14) + SignedDuration::from_secs(59)
            ),
            Ok(())
        );
        assert_eq!(
            check_in_allowed(&policy, start, start + m(15)),
            Err(CheckInRefusal::TooLate)
        );
    }

    #[test]
    fn on_time_appointments_go_by_scheduled_start_then_late_ones_then_walk_ins() {
        let start = at("2026-12-01T09:00:00+01:00");
        let early = start - SignedDuration::from_mins(20);
        let late = start + SignedDuration::from_mins(5);
        let on_time = queue_place(Some(start), early, LateArrivals::AfterOnTime);
        let later_slot = queue_place(
            Some(start + SignedDuration::from_mins(30)),
            early,
            LateArrivals::AfterOnTime,
        );
        let late_one = queue_place(Some(start), late, LateArrivals::AfterOnTime);
        let walk_in = queue_place(None, early, LateArrivals::AfterOnTime);
        let mut places = vec![walk_in, late_one, later_slot, on_time];
        places.sort();
        assert_eq!(places, vec![on_time, later_slot, late_one, walk_in]);
        assert_eq!(
            queue_place(Some(start), late, LateArrivals::KeepPlace),
            on_time
        );
        assert_eq!(
            queue_place(Some(start), late, LateArrivals::WithWalkIns).rank,
            RANK_WALK_IN
        );
    }

    #[test]
    fn walk_ins_are_refused_on_friday_at_offices_for_booked_clients_only() {
        let catalog = Catalog::shipped();
        let vt = catalog
            .visit_types
            .iter()
            .find(|v| v.walk_in)
            .expect("a walk-in visit type");
        let brno = catalog.office(&OfficeId::parse("brno").unwrap()).unwrap();
        assert!(
            brno.offers(&vt.id),
            "Brno takes {} without appointment",
            vt.id.as_str()
        );
        {
            // Friday 2026-12-04 09:00 in Brno: booked clients only.
            assert_eq!(
                walk_in_allowed(brno, vt, at("2026-12-04T09:00:00+01:00")),
                Err(WalkInRefusal::BookedClientsOnly)
            );
            assert_eq!(
                walk_in_allowed(brno, vt, at("2026-12-03T09:00:00+01:00")),
                Ok(())
            );
            // Thursday after closing, Saturday, and Christmas Eve (a Thursday) are closed.
            assert_eq!(
                walk_in_allowed(brno, vt, at("2026-12-03T18:00:00+01:00")),
                Err(WalkInRefusal::Closed)
            );
            assert_eq!(
                walk_in_allowed(brno, vt, at("2026-12-05T09:00:00+01:00")),
                Err(WalkInRefusal::Closed)
            );
            assert_eq!(
                walk_in_allowed(brno, vt, at("2026-12-24T09:00:00+01:00")),
                Err(WalkInRefusal::Closed)
            );
        }
        let by_appointment = catalog
            .visit_type(&VisitTypeId::parse("long-term-residence").unwrap())
            .unwrap();
        assert_eq!(
            walk_in_allowed(brno, by_appointment, at("2026-12-03T09:00:00+01:00")),
            Err(WalkInRefusal::ByAppointmentOnly)
        );
    }

    #[test]
    fn ticket_numbers_have_three_digits_after_the_group_letter() {
        assert_eq!(ticket_number('B', 42), "B-042");
        assert_eq!(ticket_number('A', 1234), "A-1234");
    }
}
