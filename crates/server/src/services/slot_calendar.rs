//! The slots of each office's visit types from today to the booking horizon, worked out
//! once a day per instance.
//!
//! Slots are derived from opening hours and the holiday calendar ([`termin_domain::slots`]),
//! which do not change while the process runs. Deriving them and writing their instants as
//! RFC 3339 for every availability request cost about a fifth of that endpoint's CPU
//! (docs/benchmarks.md), so an instance keeps them: one entry per office and visit type,
//! covering the days it was built for. A request for a day outside the entry (the date
//! turned, or the horizon grew) rebuilds it; a request outside the window the caller allows
//! is answered without touching the memo.

use std::collections::HashMap;
use std::ops::{Deref, Range};
use std::sync::{Arc, RwLock};

use jiff::Timestamp;
use jiff::civil::Date;
use termin_domain::time::{local_date, rfc3339};
use termin_domain::{Office, VisitType, slots};

/// One slot, with its instants as the API writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarSlot {
    /// The Prague date the slot is on.
    pub day: Date,
    pub start: Timestamp,
    pub end: Timestamp,
    /// `start` in RFC 3339 with Prague's offset (api.md "Conventions").
    pub start_text: Box<str>,
    pub end_text: Box<str>,
}

/// A run of consecutive calendar slots, in order of start.
#[derive(Debug, Clone)]
pub struct Slots {
    all: Arc<[CalendarSlot]>,
    range: Range<usize>,
}

impl Slots {
    /// These slots without those that start at or before `now`.
    pub fn starting_after(mut self, now: Timestamp) -> Slots {
        let past = self.partition_point(|s| s.start <= now);
        self.range.start += past;
        self
    }
}

impl Deref for Slots {
    type Target = [CalendarSlot];

    fn deref(&self) -> &[CalendarSlot] {
        &self.all[self.range.clone()]
    }
}

struct Entry {
    first: Date,
    last: Date,
    slots: Arc<[CalendarSlot]>,
}

/// Office slug → visit type id → the entry (looked up by `&str`, without allocating).
type Entries = HashMap<String, HashMap<String, Entry>>;

pub struct SlotCalendar {
    entries: RwLock<Entries>,
    max_slots: usize,
}

impl Default for SlotCalendar {
    fn default() -> Self {
        SlotCalendar::keeping_at_most(SlotCalendar::MAX_SLOTS)
    }
}

impl SlotCalendar {
    /// The most slots kept in all (each a `CalendarSlot` and its two 25-byte texts); past it
    /// the memo starts again from empty. Every visit type of every shipped office over a
    /// 60-day horizon is 231,838 (see the last test).
    pub const MAX_SLOTS: usize = 500_000;

    pub fn keeping_at_most(max_slots: usize) -> SlotCalendar {
        SlotCalendar {
            entries: RwLock::default(),
            max_slots,
        }
    }

    /// The slots of `vt` at `office` on the days `from..=to`.
    ///
    /// `window` is the run of days worth keeping (today to the horizon's last day): an entry
    /// that does not cover `from..=to` is rebuilt for `window` when `window` covers them.
    pub fn between(
        &self,
        office: &Office,
        vt: &VisitType,
        window: (Date, Date),
        from: Date,
        to: Date,
    ) -> Slots {
        if to < from {
            return Slots {
                all: Arc::from(Vec::new()),
                range: 0..0,
            };
        }
        let (office_key, type_key) = (office.id.as_str(), vt.id.as_str());
        let kept = self
            .read()
            .get(office_key)
            .and_then(|types| types.get(type_key))
            .filter(|e| e.first <= from && to <= e.last)
            .map(|e| e.slots.clone());
        let all = match kept {
            Some(all) => all,
            None if window.0 <= from && to <= window.1 => {
                let all = build(office, vt, window.0, window.1);
                let mut entries = self.write();
                if total(&entries) + all.len() > self.max_slots {
                    entries.clear();
                }
                entries.entry(office_key.to_string()).or_default().insert(
                    type_key.to_string(),
                    Entry {
                        first: window.0,
                        last: window.1,
                        slots: all.clone(),
                    },
                );
                all
            }
            None => build(office, vt, from, to),
        };
        let start = all.partition_point(|s| s.day < from);
        let end = all.partition_point(|s| s.day <= to);
        Slots {
            all,
            range: start..end,
        }
    }

    /// How many slots are kept, for the tests.
    #[cfg(test)]
    fn kept(&self) -> usize {
        total(&self.read())
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Entries> {
        // The map holds no invariant a panic could break halfway.
        self.entries.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Entries> {
        self.entries.write().unwrap_or_else(|p| p.into_inner())
    }
}

/// How many slots the entries hold.
fn total(entries: &Entries) -> usize {
    entries
        .values()
        .flat_map(|types| types.values())
        .map(|e| e.slots.len())
        .sum()
}

fn build(office: &Office, vt: &VisitType, first: Date, last: Date) -> Arc<[CalendarSlot]> {
    slots::slots_between(office, vt, first, last)
        .into_iter()
        .map(|s| CalendarSlot {
            day: local_date(s.start),
            start: s.start,
            end: s.end,
            start_text: rfc3339(s.start).into(),
            end_text: rfc3339(s.end).into(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use termin_domain::{Catalog, OfficeId, VisitTypeId};

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

    /// What the memo must answer: the domain's slots, written out.
    fn derived(office: &Office, vt: &VisitType, from: Date, to: Date) -> Vec<(Timestamp, String)> {
        slots::slots_between(office, vt, from, to)
            .into_iter()
            .map(|s| (s.start, format!("{}/{}", rfc3339(s.start), rfc3339(s.end))))
            .collect()
    }

    fn answered(slots: &Slots) -> Vec<(Timestamp, String)> {
        slots
            .iter()
            .map(|s| (s.start, format!("{}/{}", s.start_text, s.end_text)))
            .collect()
    }

    #[test]
    fn a_range_within_the_window_is_the_domains_slots_cut_from_the_kept_entry() {
        let memo = SlotCalendar::default();
        let (brno, bio) = (office("brno"), visit_type("biometrics"));
        let window = (date(2026, 12, 1), date(2027, 1, 30));
        for (from, to) in [
            (date(2026, 12, 1), date(2026, 12, 1)),
            (date(2026, 12, 3), date(2026, 12, 14)),
            // Christmas holidays and New Year inside the range.
            (date(2026, 12, 20), date(2027, 1, 4)),
            (date(2027, 1, 30), date(2027, 1, 30)),
            (date(2026, 12, 1), date(2027, 1, 30)),
        ] {
            let slots = memo.between(&brno, &bio, window, from, to);
            assert_eq!(
                answered(&slots),
                derived(&brno, &bio, from, to),
                "{from}..={to}"
            );
        }
        assert_eq!(
            memo.kept(),
            slots::slots_between(&brno, &bio, window.0, window.1).len(),
            "one entry, built once for the whole window"
        );
        assert!(
            memo.between(&brno, &bio, window, date(2026, 12, 26), date(2026, 12, 27))
                .is_empty(),
            "a weekend after Christmas has no slots"
        );
    }

    #[test]
    fn a_range_outside_the_window_is_answered_without_being_kept() {
        let memo = SlotCalendar::default();
        let (brno, bio) = (office("brno"), visit_type("biometrics"));
        let window = (date(2026, 12, 1), date(2027, 1, 30));
        let (from, to) = (date(2026, 3, 27), date(2026, 3, 30));
        let slots = memo.between(&brno, &bio, window, from, to);
        assert_eq!(answered(&slots), derived(&brno, &bio, from, to));
        assert!(!slots.is_empty());
        assert_eq!(memo.kept(), 0);
        assert!(
            memo.between(&brno, &bio, window, date(2026, 12, 5), date(2026, 12, 4))
                .is_empty(),
            "a reversed range is empty"
        );
    }

    #[test]
    fn the_entry_is_rebuilt_when_the_date_turns() {
        let memo = SlotCalendar::default();
        let (brno, bio) = (office("brno"), visit_type("biometrics"));
        memo.between(
            &brno,
            &bio,
            (date(2026, 12, 1), date(2027, 1, 30)),
            date(2026, 12, 1),
            date(2026, 12, 2),
        );
        // A day later the horizon reaches 31 January.
        let window = (date(2026, 12, 2), date(2027, 1, 31));
        let slots = memo.between(&brno, &bio, window, date(2027, 1, 25), date(2027, 1, 31));
        assert_eq!(
            answered(&slots),
            derived(&brno, &bio, date(2027, 1, 25), date(2027, 1, 31))
        );
        assert_eq!(
            memo.kept(),
            slots::slots_between(&brno, &bio, window.0, window.1).len()
        );
    }

    #[test]
    fn slots_that_have_started_are_left_out() {
        let memo = SlotCalendar::default();
        let (brno, bio) = (office("brno"), visit_type("biometrics"));
        let day = date(2026, 12, 3);
        let all = memo.between(&brno, &bio, (day, day), day, day);
        let third = all[2].start;
        let later = all.clone().starting_after(third);
        assert_eq!(later.len(), all.len() - 3);
        assert!(later.iter().all(|s| s.start > third));
    }

    #[test]
    fn past_the_bound_the_memo_starts_again() {
        let brno = office("brno");
        let window = (date(2026, 12, 1), date(2027, 1, 30));
        let types = ["biometrics", "card-pickup", "long-term-residence"].map(visit_type);
        let count = |vt: &VisitType| slots::slots_between(&brno, vt, window.0, window.1).len();
        let (first, second, third) = (count(&types[0]), count(&types[1]), count(&types[2]));
        assert!(first > 0 && second > 0 && third > 0);
        let memo = SlotCalendar::keeping_at_most(first + second);
        let mut kept = Vec::new();
        for vt in &types {
            let slots = memo.between(&brno, vt, window, window.0, window.1);
            assert_eq!(answered(&slots), derived(&brno, vt, window.0, window.1));
            kept.push(memo.kept());
        }
        assert_eq!(
            kept,
            [first, first + second, third],
            "the third let the first two go"
        );
    }

    #[test]
    fn every_shipped_office_and_visit_type_over_the_horizon_fits_well_within_the_bound() {
        let catalog = Catalog::shipped();
        let memo = SlotCalendar::default();
        let window = (date(2026, 12, 1), date(2027, 1, 30));
        for office in &catalog.offices {
            for vt in &catalog.visit_types {
                memo.between(office, vt, window, window.0, window.1);
            }
        }
        let kept = memo.kept();
        assert!(kept > 0);
        assert!(kept * 2 < SlotCalendar::MAX_SLOTS, "{kept} slots kept");
    }
}
