//! Signed-in accounts by token hash, kept [`Sessions::TTL`] per instance.
//!
//! Every authenticated request needs its token's account; asking the database each time is,
//! in a release rush on PostgreSQL, most of what the database does (docs/benchmarks.md). A
//! client in a rush sends many requests a second with the same token, so this instance keeps
//! the answer for one second. What it gives up: a token revoked or an account changed through
//! *another* instance still works here, with its old data, for at most `TTL`. This instance's
//! own sign-outs, password resets, e-mail verifications, language changes and account
//! deletions forget at once. Age is measured on the service's clock, so that a test moving
//! the dev clock past a token's idle expiry sees it expire.

use std::collections::HashMap;
use std::sync::Mutex;

use jiff::{SignedDuration, Timestamp};
use termin_store::{Account, AccountId};

#[derive(Default)]
pub struct Sessions {
    accounts: Mutex<HashMap<String, (Account, Timestamp)>>,
}

impl Sessions {
    pub const TTL: SignedDuration = SignedDuration::from_secs(1);
    /// Expired entries are dropped when the map grows beyond this.
    const PRUNE_AT: usize = 16_384;

    pub fn get(&self, token_hash: &str, now: Timestamp) -> Option<Account> {
        let mut accounts = self.lock();
        match accounts.get(token_hash) {
            Some((account, at)) if fresh(*at, now) => Some(account.clone()),
            Some(_) => {
                accounts.remove(token_hash);
                None
            }
            None => None,
        }
    }

    pub fn put(&self, token_hash: &str, account: &Account, now: Timestamp) {
        let mut accounts = self.lock();
        if accounts.len() >= Self::PRUNE_AT {
            accounts.retain(|_, (_, at)| fresh(*at, now));
        }
        accounts.insert(token_hash.to_string(), (account.clone(), now));
    }

    /// The token was revoked here.
    pub fn forget_token(&self, token_hash: &str) {
        self.lock().remove(token_hash);
    }

    /// The account changed here (or its tokens were revoked).
    pub fn forget_account(&self, id: AccountId) {
        self.lock().retain(|_, (account, _)| account.id != id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Account, Timestamp)>> {
        // The map holds no invariant a panic could break halfway.
        self.accounts.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Read at `at`, still good at `now` (a clock moved back makes it stale too).
fn fresh(at: Timestamp, now: Timestamp) -> bool {
    let age = now.duration_since(at);
    !age.is_negative() && age < Sessions::TTL
}

#[cfg(test)]
mod tests {
    use super::*;
    use termin_store::Role;

    fn account(id: AccountId) -> Account {
        Account {
            id,
            email: format!("a{id}@example.cz"),
            password_hash: String::new(),
            full_name: "Olena Kovalenko".into(),
            date_of_birth: "1995-04-12".parse().unwrap(),
            language: "uk".into(),
            role: Role::Applicant,
            email_verified: true,
            created_at: "2026-11-01T00:00:00Z".parse().unwrap(),
        }
    }

    fn t(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn an_account_is_kept_for_the_ttl_only_on_the_service_clock() {
        let sessions = Sessions::default();
        let now = t("2026-12-01T08:00:00Z");
        assert!(sessions.get("h1", now).is_none());
        sessions.put("h1", &account(1), now);
        assert_eq!(sessions.get("h1", now).map(|a| a.id), Some(1));
        let later = now + SignedDuration::from_millis(999);
        assert_eq!(sessions.get("h1", later).map(|a| a.id), Some(1));
        assert!(sessions.get("h2", now).is_none());
        assert!(sessions.get("h1", now + Sessions::TTL).is_none());
        sessions.put("h1", &account(1), now);
        assert!(
            sessions
                .get("h1", now - SignedDuration::from_secs(1))
                .is_none(),
            "a clock moved back"
        );
    }

    #[test]
    fn revoking_here_is_seen_at_once() {
        let sessions = Sessions::default();
        let now = t("2026-12-01T08:00:00Z");
        sessions.put("h1", &account(1), now);
        sessions.put("h2", &account(1), now);
        sessions.put("h3", &account(2), now);
        sessions.forget_token("h3");
        assert!(sessions.get("h3", now).is_none());
        sessions.forget_account(1);
        assert!(sessions.get("h1", now).is_none() && sessions.get("h2", now).is_none());
    }
}
