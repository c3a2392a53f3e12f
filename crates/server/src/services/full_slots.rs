//! Slots lately seen full, so that a release rush is refused without asking the database.
//!
//! In a rush almost every attempt is for a slot already full, and asking the database costs
//! more than everything else the attempt does (docs/benchmarks.md). A slot seen full is
//! remembered for [`FullSlots::TTL`]. Only "full" is remembered, never "free", and only the
//! store's conditional update ever grants a place, so capacity cannot be exceeded through
//! this. What it can do: refuse a place freed by a cancellation for at most `TTL` — on this
//! instance not even that, as its own cancellations and account deletions forget the slot at
//! once; a place freed on another instance waits out the `TTL`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jiff::Timestamp;

type Key = (String, String, i64);

#[derive(Default)]
pub struct FullSlots {
    seen: Mutex<HashMap<Key, Instant>>,
}

impl FullSlots {
    /// How long a slot seen full is answered as full without asking again.
    pub const TTL: Duration = Duration::from_millis(250);
    /// Expired entries are dropped when the memo grows beyond this.
    const PRUNE_AT: usize = 4_096;

    pub fn is_full(&self, office: &str, visit_type: &str, start: Timestamp) -> bool {
        let key = key(office, visit_type, start);
        let mut seen = self.lock();
        match seen.get(&key) {
            Some(at) if at.elapsed() < Self::TTL => true,
            Some(_) => {
                seen.remove(&key);
                false
            }
            None => false,
        }
    }

    pub fn mark_full(&self, office: &str, visit_type: &str, start: Timestamp) {
        let mut seen = self.lock();
        if seen.len() >= Self::PRUNE_AT {
            seen.retain(|_, at| at.elapsed() < Self::TTL);
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
    fn a_slot_seen_full_is_full_until_the_ttl_runs_out() {
        let memo = FullSlots::default();
        let start = at("2026-12-01T08:00:00Z");
        assert!(!memo.is_full("praha-2", "biometrics", start));
        memo.mark_full("praha-2", "biometrics", start);
        assert!(memo.is_full("praha-2", "biometrics", start));
        assert!(!memo.is_full("praha-2", "biometrics", at("2026-12-01T08:15:00Z")));
        assert!(!memo.is_full("praha-3", "biometrics", start));
        std::thread::sleep(FullSlots::TTL + Duration::from_millis(20));
        assert!(!memo.is_full("praha-2", "biometrics", start));
    }

    #[test]
    fn a_released_place_is_forgotten_at_once() {
        let memo = FullSlots::default();
        let start = at("2026-12-01T08:00:00Z");
        memo.mark_full("praha-2", "biometrics", start);
        memo.forget("praha-2", "biometrics", start);
        assert!(!memo.is_full("praha-2", "biometrics", start));
        memo.mark_full("praha-2", "biometrics", start);
        memo.forget_all();
        assert!(!memo.is_full("praha-2", "biometrics", start));
    }

    #[test]
    fn the_memo_stays_small() {
        let memo = FullSlots::default();
        let start = at("2026-12-01T08:00:00Z");
        for i in 0..FullSlots::PRUNE_AT {
            memo.mark_full("praha-2", &format!("type-{i}"), start);
        }
        std::thread::sleep(FullSlots::TTL + Duration::from_millis(20));
        memo.mark_full("praha-2", "biometrics", start);
        assert_eq!(memo.lock().len(), 1);
    }
}
