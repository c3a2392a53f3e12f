//! The waitlist (fair access when appointments are scarce): a person asks for a visit type at
//! any of a few offices, on a range of days, at some times of day; when a place frees up, it is
//! offered to the first matching request in order of filing, for a limited time.
//!
//! The rules here are pure: which freed place a request accepts, whether a request may be
//! filed, and how long an offer is held. The numbers are fields of
//! [`BookingPolicy`](crate::BookingPolicy) (`offer_hold`, `offer_min_lead`,
//! `waitlist_max_offices`).

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::ids::{OfficeId, VisitTypeId};
use crate::policy::BookingPolicy;
use crate::time::{local_date, local_datetime};

/// The part of the day a slot starts in, Prague time: the morning ends at noon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PartOfDay {
    Morning,
    Afternoon,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 2] = [PartOfDay::Morning, PartOfDay::Afternoon];

    /// The part of the day of an instant, in Prague.
    pub fn of(start: Timestamp) -> PartOfDay {
        if local_datetime(start).hour() < 12 {
            PartOfDay::Morning
        } else {
            PartOfDay::Afternoon
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
        }
    }

    pub fn parse(s: &str) -> Option<PartOfDay> {
        match s {
            "morning" => Some(PartOfDay::Morning),
            "afternoon" => Some(PartOfDay::Afternoon),
            _ => None,
        }
    }
}

/// What a waitlist request accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wish {
    pub visit_type: VisitTypeId,
    /// The acceptable offices, at least one.
    pub offices: Vec<OfficeId>,
    /// The first and last acceptable Prague dates.
    pub from: Date,
    pub to: Date,
    /// The acceptable parts of the day, at least one.
    pub times: Vec<PartOfDay>,
}

impl Wish {
    /// Whether a place of `visit_type` at `office` starting at `start` is one this request
    /// accepts.
    pub fn accepts(&self, office: &OfficeId, visit_type: &VisitTypeId, start: Timestamp) -> bool {
        let day = local_date(start);
        *visit_type == self.visit_type
            && self.offices.contains(office)
            && self.from <= day
            && day <= self.to
            && self.times.contains(&PartOfDay::of(start))
    }
}

/// Why a request cannot be filed as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WishRefusal {
    /// No office, or more than the policy allows.
    Offices,
    /// No part of the day.
    Times,
    /// The last day is before the first.
    RangeReversed,
    /// The last day has passed.
    InPast,
    /// The first day is after the last bookable day.
    BeyondHorizon,
}

impl BookingPolicy {
    /// Whether `wish` may be filed at `now`: at least one office and at most
    /// `waitlist_max_offices`, at least one part of the day, a range of days that is not over
    /// and starts within the booking horizon. Every refusal at once, so a form can name
    /// every field that needs changing.
    pub fn check_wish(&self, wish: &Wish, now: Timestamp) -> Result<(), Vec<WishRefusal>> {
        let mut refusals = self.check_wish_choices(wish.offices.len(), wish.times.len());
        if wish.to < wish.from {
            refusals.push(WishRefusal::RangeReversed);
        } else {
            if wish.to < local_date(now) {
                refusals.push(WishRefusal::InPast);
            }
            if wish.from > self.last_bookable_day(now) {
                refusals.push(WishRefusal::BeyondHorizon);
            }
        }
        if refusals.is_empty() {
            Ok(())
        } else {
            Err(refusals)
        }
    }

    /// The refusals of a wish's choices alone (how many offices, how many parts of the day),
    /// for a form whose dates could not be read.
    pub fn check_wish_choices(&self, offices: usize, times: usize) -> Vec<WishRefusal> {
        let mut refusals = Vec::new();
        if offices == 0 || offices > self.waitlist_max_offices as usize {
            refusals.push(WishRefusal::Offices);
        }
        if times == 0 {
            refusals.push(WishRefusal::Times);
        }
        refusals
    }

    /// Until when a place that starts at `start`, offered at `now`, is held for the person it
    /// is offered to: `offer_hold` after the offer, but never past half of the time left
    /// before the slot, so that the next in line still has as long again. `None` when the slot
    /// starts sooner than `offer_min_lead`: too late to offer, the place is freed for anyone.
    pub fn offer_expires_at(&self, start: Timestamp, now: Timestamp) -> Option<Timestamp> {
        let left = start.duration_since(now);
        if left < self.offer_min_lead || left <= SignedDuration::ZERO {
            return None;
        }
        let half = SignedDuration::from_secs(left.as_secs() / 2);
        now.checked_add(self.offer_hold.min(half)).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn office(s: &str) -> OfficeId {
        OfficeId::parse(s).unwrap()
    }

    fn visit(s: &str) -> VisitTypeId {
        VisitTypeId::parse(s).unwrap()
    }

    fn wish() -> Wish {
        Wish {
            visit_type: visit("biometrics"),
            offices: vec![office("praha-1"), office("brno")],
            from: date(2026, 12, 7),
            to: date(2026, 12, 11),
            times: vec![PartOfDay::Morning],
        }
    }

    #[test]
    fn the_morning_ends_at_noon_prague_time() {
        assert_eq!(
            PartOfDay::of(ts("2026-12-07T10:59:59Z")),
            PartOfDay::Morning
        );
        assert_eq!(
            PartOfDay::of(ts("2026-12-07T11:00:00Z")),
            PartOfDay::Afternoon
        );
        // Summer time: noon is 10:00 UTC.
        assert_eq!(
            PartOfDay::of(ts("2026-07-07T09:59:59Z")),
            PartOfDay::Morning
        );
        assert_eq!(
            PartOfDay::of(ts("2026-07-07T10:00:00Z")),
            PartOfDay::Afternoon
        );
    }

    #[test]
    fn a_wish_accepts_its_offices_days_and_times_only() {
        let w = wish();
        let morning = ts("2026-12-08T08:00:00Z");
        assert!(w.accepts(&office("brno"), &visit("biometrics"), morning));
        assert!(!w.accepts(&office("ostrava"), &visit("biometrics"), morning));
        assert!(!w.accepts(&office("brno"), &visit("card-pickup"), morning));
        assert!(!w.accepts(
            &office("brno"),
            &visit("biometrics"),
            ts("2026-12-08T13:00:00Z")
        ));
        // The first and the last day are included, the days around them are not.
        assert!(w.accepts(
            &office("brno"),
            &visit("biometrics"),
            ts("2026-12-07T07:00:00Z")
        ));
        assert!(w.accepts(
            &office("brno"),
            &visit("biometrics"),
            ts("2026-12-11T07:00:00Z")
        ));
        assert!(!w.accepts(
            &office("brno"),
            &visit("biometrics"),
            ts("2026-12-06T07:00:00Z")
        ));
        assert!(!w.accepts(
            &office("brno"),
            &visit("biometrics"),
            ts("2026-12-12T07:00:00Z")
        ));
    }

    #[test]
    fn a_wish_needs_an_office_a_time_of_day_and_a_range_that_is_not_over() {
        let policy = BookingPolicy::default();
        let now = ts("2026-12-04T12:00:00Z");
        assert_eq!(policy.check_wish(&wish(), now), Ok(()));
        let mut w = wish();
        w.offices.clear();
        assert_eq!(policy.check_wish(&w, now), Err(vec![WishRefusal::Offices]));
        let mut w = wish();
        w.offices = (0..=policy.waitlist_max_offices)
            .map(|n| office(&format!("office-{n}")))
            .collect();
        assert_eq!(policy.check_wish(&w, now), Err(vec![WishRefusal::Offices]));
        let mut w = wish();
        w.times.clear();
        assert_eq!(policy.check_wish(&w, now), Err(vec![WishRefusal::Times]));
        let mut w = wish();
        w.to = date(2026, 12, 6);
        assert_eq!(
            policy.check_wish(&w, now),
            Err(vec![WishRefusal::RangeReversed])
        );
        let mut w = wish();
        w.from = date(2026, 12, 1);
        w.to = date(2026, 12, 3);
        assert_eq!(policy.check_wish(&w, now), Err(vec![WishRefusal::InPast]));
        let mut w = wish();
        w.from = date(2027, 3, 1);
        w.to = date(2027, 3, 5);
        assert_eq!(
            policy.check_wish(&w, now),
            Err(vec![WishRefusal::BeyondHorizon])
        );
    }

    #[test]
    fn the_waitlist_rules_are_configured_under_policy() {
        let policy: BookingPolicy = toml::from_str(
            "offer_hold = \"6h\"\noffer_min_lead = \"90m\"\nwaitlist_max_offices = 3",
        )
        .expect("policy");
        assert_eq!(policy.offer_hold, SignedDuration::from_hours(6));
        assert_eq!(policy.offer_min_lead, SignedDuration::from_mins(90));
        assert_eq!(policy.waitlist_max_offices, 3);
    }

    #[test]
    fn every_refusal_of_a_wish_is_named_at_once() {
        let policy = BookingPolicy::default();
        let now = ts("2026-12-04T12:00:00Z");
        let mut w = wish();
        w.offices.clear();
        w.times.clear();
        w.from = date(2026, 11, 1);
        w.to = date(2026, 11, 2);
        assert_eq!(
            policy.check_wish(&w, now),
            Err(vec![
                WishRefusal::Offices,
                WishRefusal::Times,
                WishRefusal::InPast
            ])
        );
        assert_eq!(
            policy.check_wish_choices(0, 0),
            vec![WishRefusal::Offices, WishRefusal::Times]
        );
    }

    #[test]
    fn an_offer_is_held_twelve_hours_when_the_slot_is_far() {
        let policy = BookingPolicy::default();
        let now = ts("2026-12-04T12:00:00Z");
        let start = ts("2026-12-10T08:00:00Z");
        assert_eq!(
            policy.offer_expires_at(start, now),
            Some(ts("2026-12-05T00:00:00Z"))
        );
    }

    #[test]
    fn no_offer_for_a_slot_closer_than_the_minimum_lead() {
        let policy = BookingPolicy::default();
        let now = ts("2026-12-04T12:00:00Z");
        let soon = now.checked_add(policy.offer_min_lead).unwrap();
        assert!(policy.offer_expires_at(soon, now).is_some());
        let sooner = soon.checked_sub(SignedDuration::from_secs(1)).unwrap();
        assert_eq!(policy.offer_expires_at(sooner, now), None);
        assert_eq!(policy.offer_expires_at(now, now), None);
    }

    proptest! {
        #[test]
        fn an_offer_never_outlives_half_the_time_left_before_its_slot(
            lead_secs in 0i64..(30 * 86_400),
            hold_hours in 1i64..48,
        ) {
            let policy = BookingPolicy {
                offer_hold: SignedDuration::from_hours(hold_hours),
                ..BookingPolicy::default()
            };
            let now = ts("2026-12-04T12:00:00Z");
            let start = now.checked_add(SignedDuration::from_secs(lead_secs)).unwrap();
            match policy.offer_expires_at(start, now) {
                None => prop_assert!(start.duration_since(now) < policy.offer_min_lead),
                Some(until) => {
                    prop_assert!(until > now);
                    prop_assert!(until.duration_since(now) <= policy.offer_hold);
                    // The next in line has at least as long as this person had.
                    prop_assert!(start.duration_since(until) >= until.duration_since(now));
                }
            }
        }

        #[test]
        fn a_wish_accepts_a_place_exactly_when_office_type_day_and_time_all_fit(
            hour in 0i64..(24 * 14),
            office_n in 0usize..4,
            same_type in any::<bool>(),
            morning in any::<bool>(),
            afternoon in any::<bool>(),
        ) {
            let offices = ["praha-1", "brno", "ostrava", "plzen"];
            let mut w = wish();
            w.times = PartOfDay::ALL
                .into_iter()
                .filter(|p| match p {
                    PartOfDay::Morning => morning,
                    PartOfDay::Afternoon => afternoon,
                })
                .collect();
            let start = ts("2026-12-03T23:00:00Z")
                .checked_add(SignedDuration::from_hours(hour))
                .unwrap();
            let o = office(offices[office_n]);
            let v = if same_type { visit("biometrics") } else { visit("card-pickup") };
            let day = local_date(start);
            let expected = same_type
                && office_n < 2
                && (date(2026, 12, 7)..=date(2026, 12, 11)).contains(&day)
                && w.times.contains(&PartOfDay::of(start));
            prop_assert_eq!(w.accepts(&o, &v, start), expected);
        }
    }
}
