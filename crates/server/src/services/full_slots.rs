//! Slots lately seen full, so that a release rush is refused without asking the database.
//!
//! In a rush almost every attempt is for a slot already full, and asking the database costs
//! more than everything else the attempt does (docs/benchmarks.md). A slot seen full is
//! answered full for [`FullSlots::TTL`]; after that, for [`FullSlots::LATELY`], it is worth
//! one cheap read before the write path (a rush goes on), while a slot never seen full goes
//! straight to the booking. Only "full" is remembered, never "free", and only the
//! store's conditional update ever grants a place, so capacity cannot be exceeded through
//! this. What it can do: refuse a place freed by a cancellation for at most `TTL` — on this
//! instance not even that, as its own cancellations and account deletions forget the slot at
//! once; a place freed on another instance waits out the `TTL`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jiff::Timestamp;

type Key = (String, String, i64);

/// What the memo knows of a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// Seen full less than `TTL` ago: refuse.
    Full,
    /// Seen full less than `LATELY` ago: ask the database before trying to book.
    FullLately,
    /// Not seen full (lately): book.
    Unknown,
}

#[derive(Default)]
pub struct FullSlots {
    seen: Mutex<HashMap<Key, Instant>>,
}

impl FullSlots {
    /// How long a slot seen full is answered as full without asking again.
    pub const TTL: Duration = Duration::from_millis(250);
    /// How long a slot once seen full is read before booking.
    pub const LATELY: Duration = Duration::from_secs(60);
    /// Expired entries are dropped when the memo grows beyond this.
    const PRUNE_AT: usize = 4_096;

    pub fn seen(&self, office: &str, visit_type: &str, start: Timestamp) -> Seen {
        let key = key(office, visit_type, start);
        let mut seen = self.lock();
        match seen.get(&key).map(Instant::elapsed) {
            Some(age) if age < Self::TTL => Seen::Full,
            Some(age) if age < Self::LATELY => Seen::FullLately,
            Some(_) => {
                seen.remove(&key);
                Seen::Unknown
            }
            None => Seen::Unknown,
        }
    }

    pub fn mark_full(&self, office: &str, visit_type: &str, start: Timestamp) {
        let mut seen = self.lock();
        if seen.len() >= Self::PRUNE_AT {
            seen.retain(|_, at| at.elapsed() < Self::LATELY);
        }
        seen.insert(key(office, visit_type, start), Instant::now());
    }

    /// A place of this slot was released here.
    pub fn forget(&self, office: &str, visit_type: &str, start: Timestamp) {
        self.lock().remove(&key(office, visit_type, start));
    }

    /// Places of unknown slots were released (an account's appointments).
    pub fn forget_all(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Instant>> {
        // The map holds no invariant a panic could break halfway.
        self.seen
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn key(office: &str, visit_type: &str, start: Timestamp) -> Key {
    (
        office.to_string(),
        visit_type.to_string(),
        start.as_second(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn a_slot_seen_full_is_full_until_the_ttl_runs_out_then_read_before_booking() {
        let memo = FullSlots::default();
        let start = at("2026-12-01T08:00:00Z");
        assert_eq!(memo.seen("praha-2", "biometrics", start), Seen::Unknown);
        memo.mark_full("praha-2", "biometrics", start);
        assert_eq!(memo.seen("praha-2", "biometrics", start), Seen::Full);
        let other = at("2026-12-01T08:15:00Z");
        assert_eq!(memo.seen("praha-2", "biometrics", other), Seen::Unknown);
        assert_eq!(memo.seen("praha-3", "biometrics", start), Seen::Unknown);
        std::thread::sleep(FullSlots::TTL + Duration::from_millis(20));
        assert_eq!(memo.seen("praha-2", "biometrics", start), Seen::FullLately);
    }

    #[test]
    fn a_released_place_is_forgotten_at_once() {
        let memo = FullSlots::default();
        let start = at("2026-12-01T08:00:00Z");
        memo.mark_full("praha-2", "biometrics", start);
        memo.forget("praha-2", "biometrics", start);
        assert_eq!(memo.seen("praha-2", "biometrics", start), Seen::Unknown);
        memo.mark_full("praha-2", "biometrics", start);
        memo.forget_all();
        assert_eq!(memo.seen("praha-2", "biometrics", start), Seen::Unknown);
    }

    #[test]
    fn the_memo_stays_small() {
        let memo = FullSlots::default();
        let start = at("2026-12-01T08:00:00Z");
        let long_ago = Instant::now() - FullSlots::LATELY - Duration::from_secs(1);
        for i in 0..FullSlots::PRUNE_AT {
            let key = key("praha-2", &format!("type-{i}"), start);
            memo.lock().insert(key, long_ago);
        }
        memo.mark_full("praha-2", "biometrics", start);
        assert_eq!(
            memo.lock().len(),
            1,
            "entries older than LATELY are dropped"
        );
    }
}
