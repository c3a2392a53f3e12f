//! SQLite's reports for the signed-in cache (crate::signed_in): the triggers of migration 0007
//! log every account whose row or tokens changed in `auth_changes`, and the server reads the
//! new rows every [`EVERY`].

use std::sync::{Arc, Weak};
use std::time::Duration;

use sqlx::SqlitePool;

use crate::signed_in::SignedIn;

/// How often the log is read: the longest another process's change (`termin admin`, an
/// operator's SQL) goes unseen. This process's own changes are forgotten at once.
pub(super) const EVERY: Duration = Duration::from_millis(100);

/// Log rows older than this are pruned (seconds).
const KEEP_LOG_SECS: i64 = 3600;

/// Starts following the log on the cache's first use.
pub(super) fn start(cache: &Arc<SignedIn>, pool: &SqlitePool, writer: &SqlitePool) {
    if cache.first_use() {
        tokio::spawn(follow(pool.clone(), writer.clone(), Arc::downgrade(cache)));
    }
}

/// Reads the log for as long as the cache exists. The cache is live only while the reads
/// succeed: a failed read forgets everything and keeps nothing until a read succeeds again.
async fn follow(pool: SqlitePool, writer: SqlitePool, cache: Weak<SignedIn>) {
    // Changes before the first read concern nothing kept: start after them.
    let mut seen: Option<i64> = None;
    let mut tick = tokio::time::interval(EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut rounds = 0u32;
    loop {
        tick.tick().await;
        let Some(signed_in) = cache.upgrade() else {
            return;
        };
        match read(&pool, seen).await {
            Ok((last, accounts)) => {
                for account in accounts {
                    signed_in.forget_account(account);
                }
                if seen.is_none() {
                    signed_in.set_live(true);
                }
                seen = Some(last);
            }
            Err(e) => {
                if seen.is_some() {
                    tracing::warn!(error = %e, "reading auth_changes failed; signed-in cache off, retrying");
                    signed_in.set_live(false);
                }
                // Start again from the end of the log: everything kept was forgotten.
                seen = None;
            }
        }
        drop(signed_in);
        rounds = rounds.wrapping_add(1);
        // About once a minute.
        if rounds.is_multiple_of(600)
            && let Err(e) = sqlx::query(
                "DELETE FROM auth_changes WHERE at < CAST(strftime('%s', 'now') AS INTEGER) - ?",
            )
            .bind(KEEP_LOG_SECS)
            .execute(&writer)
            .await
        {
            tracing::warn!(error = %e, "pruning auth_changes failed");
        }
    }
}

/// The log's last id and the accounts changed after `seen` (all of the log's end, if `None`).
async fn read(pool: &SqlitePool, seen: Option<i64>) -> Result<(i64, Vec<i64>), sqlx::Error> {
    match seen {
        None => {
            let last: Option<i64> = sqlx::query_scalar("SELECT max(id) FROM auth_changes")
                .fetch_one(pool)
                .await?;
            Ok((last.unwrap_or(0), Vec::new()))
        }
        Some(seen) => {
            let rows: Vec<(i64, i64)> =
                sqlx::query_as("SELECT id, account_id FROM auth_changes WHERE id > ? ORDER BY id")
                    .bind(seen)
                    .fetch_all(pool)
                    .await?;
            let last = rows.last().map_or(seen, |(id, _)| *id);
            Ok((last, rows.into_iter().map(|(_, account)| account).collect()))
        }
    }
}
