//! The booked counts of an office's visit type over the booking horizon, read at most every
//! [`SlotUses::TTL`] per instance.
//!
//! Availability is the most frequent request (docs/benchmarks.md: two thirds of a steady mix),
//! and its database read costs more than everything else it does. What it shows is advice,
//! already stale when the client reads it: the booking itself is decided by the store's
//! conditional update. So an instance answers from counts at most `TTL` old, and forgets the
//! counts of an office's visit type as soon as it books or cancels there itself, so that a
//! client sees its own booking at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use jiff::Timestamp;
use termin_store::SlotUse;

type Key = (String, String);

struct Entry {
    read_at: Instant,
    /// The counts cover slots starting in `[from, to)`.
    from: Timestamp,
    to: Timestamp,
    /// Sorted by start.
    uses: Arc<Vec<SlotUse>>,
}

#[derive(Default)]
pub struct SlotUses {
    entries: Mutex<HashMap<Key, Entry>>,
}

impl SlotUses {
    /// How old the counts behind an availability answer may be.
    pub const TTL: Duration = Duration::from_millis(200);

    /// The counts for slots starting in `[first, last]`, if this instance read them lately.
    pub fn get(
        &self,
        office: &str,
        visit_type: &str,
        first: Timestamp,
        last: Timestamp,
    ) -> Option<Arc<Vec<SlotUse>>> {
        let entries = self.lock();
        let entry = entries.get(&(office.to_string(), visit_type.to_string()))?;
        (entry.read_at.elapsed() < Self::TTL && entry.from <= first && last < entry.to)
            .then(|| entry.uses.clone())
    }

    pub fn put(
        &self,
        office: &str,
        visit_type: &str,
        from: Timestamp,
        to: Timestamp,
        mut uses: Vec<SlotUse>,
    ) -> Arc<Vec<SlotUse>> {
        uses.sort_by_key(|u| u.start);
        let uses = Arc::new(uses);
        let entry = Entry {
            read_at: Instant::now(),
            from,
            to,
            uses: uses.clone(),
        };
        self.lock()
            .insert((office.to_string(), visit_type.to_string()), entry);
        uses
    }

    /// This instance changed a count of the office's visit type.
    pub fn forget(&self, office: &str, visit_type: &str) {
        self.lock()
            .remove(&(office.to_string(), visit_type.to_string()));
    }

    /// Counts of unknown slots changed (an account's appointments were released).
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Entry>> {
        // The map holds no invariant a panic could break halfway.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The use of the slot starting at `start` in counts sorted by start.
pub fn use_at(uses: &[SlotUse], start: Timestamp) -> Option<&SlotUse> {
    uses.binary_search_by_key(&start, |u| u.start)
        .ok()
        .map(|i| &uses[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn used(start: &str, booked: u32) -> SlotUse {
        SlotUse {
            start: at(start),
            booked,
            capacity: 4,
        }
    }

    #[test]
    fn counts_are_served_only_fresh_and_only_within_the_range_read() {
        let memo = SlotUses::default();
        let (from, to) = (at("2026-12-01T00:00:00Z"), at("2026-12-31T00:00:00Z"));
        let (first, last) = (at("2026-12-02T08:00:00Z"), at("2026-12-02T15:00:00Z"));
        assert!(memo.get("praha-2", "biometrics", first, last).is_none());
        memo.put(
            "praha-2",
            "biometrics",
            from,
            to,
            vec![
                used("2026-12-02T09:00:00Z", 3),
                used("2026-12-02T08:00:00Z", 1),
            ],
        );
        let uses = memo.get("praha-2", "biometrics", first, last).unwrap();
        assert_eq!(use_at(&uses, at("2026-12-02T08:00:00Z")).unwrap().booked, 1);
        assert_eq!(use_at(&uses, at("2026-12-02T09:00:00Z")).unwrap().booked, 3);
        assert!(use_at(&uses, at("2026-12-02T08:15:00Z")).is_none());
        assert!(memo.get("praha-3", "biometrics", first, last).is_none());
        assert!(
            memo.get("praha-2", "biometrics", first, at("2026-12-31T08:00:00Z"))
                .is_none(),
            "beyond what was read"
        );
        std::thread::sleep(SlotUses::TTL + Duration::from_millis(20));
        assert!(memo.get("praha-2", "biometrics", first, last).is_none());
    }

    #[test]
    fn a_change_here_is_seen_at_once() {
        let memo = SlotUses::default();
        let (from, to) = (at("2026-12-01T00:00:00Z"), at("2026-12-31T00:00:00Z"));
        let (first, last) = (at("2026-12-02T08:00:00Z"), at("2026-12-02T15:00:00Z"));
        memo.put("praha-2", "biometrics", from, to, vec![]);
        memo.put("praha-2", "residence-permit", from, to, vec![]);
        memo.forget("praha-2", "biometrics");
        assert!(memo.get("praha-2", "biometrics", first, last).is_none());
        assert!(
            memo.get("praha-2", "residence-permit", first, last)
                .is_some()
        );
        memo.forget_all();
        assert!(
            memo.get("praha-2", "residence-permit", first, last)
                .is_none()
        );
    }
}
