//! The signed-in tokens this process has read lately, so that an authenticated request does
//! not cost a database read.
//!
//! Every API call and every page of a signed-in person starts by looking up its token. On
//! PostgreSQL that read is a round trip and about 50 µs of the database's CPU, which in a
//! release rush is most of what a refused attempt costs; on SQLite it is a hand-off to a
//! connection's thread and back, half of the rush's cost (docs/benchmarks.md).
//!
//! **The database says when to forget.** Triggers on `accounts` and `tokens` report the
//! account whose row or tokens changed (logout, password reset, staff deletion, e-mail
//! verified, language, role…), whoever makes the change: this process, another instance,
//! `termin admin`, or SQL typed by an operator. PostgreSQL delivers the report as
//! `NOTIFY termin_auth` when the transaction commits (migration 0006, postgres/signed_in.rs);
//! SQLite writes it to the `auth_changes` log, which the server reads every 100 ms (migration
//! 0007, sqlite/signed_in.rs). This process's own changes are also forgotten at once, before
//! the store method returns, so a person who logs out here is logged out here before the
//! answer is sent.
//!
//! What keeps it exact:
//! * nothing is kept or answered while the reports are not coming in (the listener is not
//!   connected, or the log cannot be read); then everything is forgotten, and keeping starts
//!   again only once the reports are back;
//! * a read that began before a forgetting must not put its (possibly old) answer back: every
//!   forgetting bumps an epoch, and an answer is kept only if the epoch is the one seen before
//!   the read;
//! * an entry is used for at most [`MAX_AGE`], a bound in case a report is ever late;
//! * idle expiry and the absolute expiry are checked on every use, as the query does.
//!
//! Another process's change is therefore seen when its report arrives (milliseconds on
//! PostgreSQL, at most a tenth of a second on SQLite), about the window of a request that was
//! already in flight when the person logged out.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::{Account, AccountId};

/// How long an entry may answer without being read again, whatever the reports say.
pub(crate) const MAX_AGE: Duration = Duration::from_secs(60);

/// More entries than this and the cache starts afresh (each entry is a few hundred bytes).
const CAPACITY: usize = 200_000;

/// What a token read gave: its account and the token's times (Unix seconds).
#[derive(Clone)]
pub(crate) struct Entry {
    pub account: Account,
    pub last_used: i64,
    pub expires_at: i64,
}

struct Kept {
    entry: Entry,
    read_at: Instant,
}

#[derive(Default)]
struct Inner {
    by_hash: HashMap<String, Kept>,
    by_account: HashMap<AccountId, Vec<String>>,
}

#[derive(Default)]
pub(crate) struct SignedIn {
    inner: Mutex<Inner>,
    /// Bumped under the lock by every forgetting and every change of `live`.
    epoch: AtomicU64,
    /// The reports are coming in (the listener listens, the log is read).
    live: AtomicBool,
    /// The task that follows the reports has been started.
    started: AtomicBool,
}

impl SignedIn {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves nothing half-written that matters: start over.
        self.inner.lock().unwrap_or_else(|poisoned| {
            let mut inner = poisoned.into_inner();
            *inner = Inner::default();
            inner
        })
    }

    /// True on the first call only: the caller then starts the task that follows the
    /// reports (a process that never authenticates anybody, such as `termin admin`, follows
    /// none).
    pub fn first_use(&self) -> bool {
        !self.started.swap(true, Ordering::AcqRel)
    }

    /// The epoch to hand back to [`SignedIn::keep`] after a read.
    pub fn epoch(&self) -> u64 {
        self.epoch.load(Ordering::Acquire)
    }

    /// The entry of a token, if one was read less than [`MAX_AGE`] ago and nothing has been
    /// forgotten since.
    pub fn get(&self, hash: &str) -> Option<Entry> {
        if !self.live.load(Ordering::Acquire) {
            return None;
        }
        let inner = self.lock();
        let kept = inner.by_hash.get(hash)?;
        (kept.read_at.elapsed() < MAX_AGE).then(|| kept.entry.clone())
    }

    /// Keeps what a read gave, unless something was forgotten since `epoch` was taken before
    /// the read (the answer may then be older than the notice) or the listener is down.
    pub fn keep(&self, hash: &str, entry: Entry, epoch: u64) {
        let mut inner = self.lock();
        if !self.live.load(Ordering::Acquire) || self.epoch.load(Ordering::Acquire) != epoch {
            return;
        }
        if inner.by_hash.len() >= CAPACITY {
            *inner = Inner::default();
        }
        let account = entry.account.id;
        let kept = Kept {
            entry,
            read_at: Instant::now(),
        };
        if inner.by_hash.insert(hash.to_owned(), kept).is_none() {
            inner
                .by_account
                .entry(account)
                .or_default()
                .push(hash.to_owned());
        }
    }

    /// The token was marked used at `last_used` (Unix seconds).
    pub fn touched(&self, hash: &str, last_used: i64) {
        if let Some(kept) = self.lock().by_hash.get_mut(hash) {
            kept.entry.last_used = last_used;
        }
    }

    /// Forgets every token of an account.
    pub fn forget_account(&self, account: AccountId) {
        let mut inner = self.lock();
        self.epoch.fetch_add(1, Ordering::AcqRel);
        if let Some(hashes) = inner.by_account.remove(&account) {
            for hash in hashes {
                inner.by_hash.remove(&hash);
            }
        }
    }

    /// Forgets one token (whose account is not known to the caller).
    pub fn forget_token(&self, hash: &str) {
        let mut inner = self.lock();
        self.epoch.fetch_add(1, Ordering::AcqRel);
        if let Some(kept) = inner.by_hash.remove(hash) {
            let account = kept.entry.account.id;
            if let Some(hashes) = inner.by_account.get_mut(&account) {
                hashes.retain(|h| h != hash);
                if hashes.is_empty() {
                    inner.by_account.remove(&account);
                }
            }
        }
    }

    pub fn forget_all(&self) {
        let mut inner = self.lock();
        self.epoch.fetch_add(1, Ordering::AcqRel);
        *inner = Inner::default();
    }

    /// A report in text: an account id, or `*` for "forget everything" (a TRUNCATE).
    pub fn notice(&self, payload: &str) {
        match payload.parse::<AccountId>() {
            Ok(account) => self.forget_account(account),
            // `*`, or anything this version does not understand: forget everything.
            Err(_) => self.forget_all(),
        }
    }

    /// The reports start or stop coming in: either way everything kept is forgotten.
    pub fn set_live(&self, live: bool) {
        let mut inner = self.lock();
        self.epoch.fetch_add(1, Ordering::AcqRel);
        *inner = Inner::default();
        self.live.store(live, Ordering::Release);
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.lock().by_hash.len()
    }
}

#[cfg(test)]
mod tests {
    use jiff::Timestamp;
    use jiff::civil::date;

    use super::*;

    fn entry(account: AccountId) -> Entry {
        Entry {
            account: Account {
                id: account,
                email: format!("p{account}@example.org"),
                password_hash: String::new(),
                full_name: "P".into(),
                date_of_birth: date(1990, 1, 1),
                language: "en".into(),
                role: crate::Role::Applicant,
                email_verified: true,
                created_at: Timestamp::UNIX_EPOCH,
            },
            last_used: 0,
            expires_at: i64::MAX,
        }
    }

    fn live() -> SignedIn {
        let cache = SignedIn::default();
        cache.set_live(true);
        cache
    }

    #[test]
    fn nothing_is_kept_or_answered_while_the_listener_is_down() {
        let cache = SignedIn::default();
        cache.keep("a", entry(1), cache.epoch());
        assert!(cache.get("a").is_none());
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn a_kept_token_is_answered_until_its_account_is_forgotten() {
        let cache = live();
        cache.keep("a", entry(1), cache.epoch());
        cache.keep("b", entry(1), cache.epoch());
        cache.keep("c", entry(2), cache.epoch());
        assert_eq!(cache.get("a").map(|e| e.account.id), Some(1));
        cache.notice("1");
        assert!(cache.get("a").is_none());
        assert!(cache.get("b").is_none());
        assert_eq!(cache.get("c").map(|e| e.account.id), Some(2));
    }

    #[test]
    fn a_read_that_began_before_a_forgetting_is_not_kept() {
        let cache = live();
        let before_read = cache.epoch();
        // The token is revoked while the read is on its way back.
        cache.forget_token("a");
        cache.keep("a", entry(1), before_read);
        assert!(cache.get("a").is_none());
    }

    #[test]
    fn a_lost_listener_forgets_everything_and_keeps_nothing_read_before_it_came_back() {
        let cache = live();
        cache.keep("a", entry(1), cache.epoch());
        let before_read = cache.epoch();
        cache.set_live(false);
        assert!(cache.get("a").is_none());
        cache.set_live(true);
        cache.keep("b", entry(2), before_read);
        assert!(cache.get("a").is_none());
        assert!(cache.get("b").is_none());
    }

    #[test]
    fn an_unknown_notice_forgets_everything() {
        let cache = live();
        cache.keep("a", entry(1), cache.epoch());
        cache.notice("*");
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn forgetting_one_token_keeps_the_accounts_others() {
        let cache = live();
        cache.keep("a", entry(1), cache.epoch());
        cache.keep("b", entry(1), cache.epoch());
        cache.forget_token("a");
        assert!(cache.get("a").is_none());
        assert!(cache.get("b").is_some());
        cache.forget_account(1);
        assert!(cache.get("b").is_none());
        assert_eq!(cache.len(), 0);
    }

    #[test]
    fn a_touch_moves_the_last_use() {
        let cache = live();
        cache.keep("a", entry(1), cache.epoch());
        cache.touched("a", 1_000);
        assert_eq!(cache.get("a").map(|e| e.last_used), Some(1_000));
    }
}
