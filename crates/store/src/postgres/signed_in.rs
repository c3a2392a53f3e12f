//! The signed-in tokens this instance has read lately, so that an authenticated request does
//! not cost a round trip to PostgreSQL.
//!
//! Every API call and every page of a signed-in person starts by looking up its token. On
//! PostgreSQL that read is a round trip and about 50 µs of the database's CPU, which in a
//! release rush is most of what a refused attempt costs (docs/benchmarks.md).
//!
//! **The database says when to forget.** Triggers on `accounts` and `tokens` (migration 0006)
//! send `NOTIFY termin_auth, '<account id>'` in the transaction that changes an account or one
//! of its tokens (logout, password reset, staff deletion, e-mail verified, language, role…),
//! whoever makes the change: this instance, another one, `termin admin`, or SQL typed by an
//! operator. Every instance listens and forgets that account's tokens when the transaction
//! commits. This instance's own changes are also forgotten at once, before the store method
//! returns, so a person who logs out here is logged out here before the answer is sent.
//!
//! What keeps it exact:
//! * nothing is kept or answered while the listener is not connected; a lost connection
//!   forgets everything, and keeping starts again only once `LISTEN` is back;
//! * a read that began before a forgetting must not put its (possibly old) answer back: every
//!   forgetting bumps an epoch, and an answer is kept only if the epoch is the one seen before
//!   the read;
//! * an entry is used for at most [`MAX_AGE`], a bound in case a notice is ever late;
//! * idle expiry and the absolute expiry are checked on every use, as the query does.
//!
//! Another instance therefore sees a revocation when PostgreSQL delivers the notice (within
//! milliseconds), the same window as a request that was already in flight when the person
//! logged out.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};
use std::time::{Duration, Instant};

use sqlx::PgPool;
use sqlx::postgres::PgListener;

use crate::{Account, AccountId};

/// The NOTIFY channel of migration 0006's triggers. The payload is an account id, or `*` for
/// "forget everything" (a TRUNCATE).
pub(super) const AUTH_CHANNEL: &str = "termin_auth";

/// How long an entry may answer without being read again, whatever the notices say.
pub(super) const MAX_AGE: Duration = Duration::from_secs(60);

/// More entries than this and the cache starts afresh (each entry is a few hundred bytes).
const CAPACITY: usize = 200_000;

/// What a token read gave: its account and the token's times (Unix seconds).
#[derive(Clone)]
pub(super) struct Entry {
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
pub(super) struct SignedIn {
    inner: Mutex<Inner>,
    /// Bumped under the lock by every forgetting and every change of `live`.
    epoch: AtomicU64,
    /// The listener is connected and listening.
    live: AtomicBool,
    /// The listener task has been started.
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

    /// Starts the listener on the first call (a process that never authenticates anybody,
    /// such as `termin admin`, opens no listening connection).
    pub fn start(self: &Arc<Self>, pool: &PgPool) {
        if !self.started.swap(true, Ordering::AcqRel) {
            tokio::spawn(listen(pool.clone(), Arc::downgrade(self)));
        }
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

    /// A notice on [`AUTH_CHANNEL`].
    fn notice(&self, payload: &str) {
        match payload.parse::<AccountId>() {
            Ok(account) => self.forget_account(account),
            // `*`, or anything this version does not understand: forget everything.
            Err(_) => self.forget_all(),
        }
    }

    fn set_live(&self, live: bool) {
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

/// Listens on [`AUTH_CHANNEL`] for as long as the cache exists; reconnects after a lost
/// connection, with the cache switched off until it listens again.
async fn listen(pool: PgPool, cache: Weak<SignedIn>) {
    loop {
        let listener = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            listener.listen(AUTH_CHANNEL).await?;
            Ok::<_, sqlx::Error>(listener)
        }
        .await;
        let Some(signed_in) = cache.upgrade() else {
            return;
        };
        let mut listener = match listener {
            Ok(listener) => listener,
            Err(e) => {
                tracing::warn!(error = %e, "LISTEN {AUTH_CHANNEL} failed; signed-in cache off, retrying");
                drop(signed_in);
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
        };
        signed_in.set_live(true);
        drop(signed_in);
        loop {
            let notice = listener.try_recv().await;
            let Some(signed_in) = cache.upgrade() else {
                return;
            };
            match notice {
                Ok(Some(notice)) => signed_in.notice(notice.payload()),
                // `Ok(None)`: the connection was lost; notices may have been missed.
                Ok(None) | Err(_) => {
                    signed_in.set_live(false);
                    tracing::warn!("LISTEN {AUTH_CHANNEL} lost; signed-in cache off, reconnecting");
                    break;
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
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
