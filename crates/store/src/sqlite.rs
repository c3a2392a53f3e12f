//! The embedded SQLite backend: one file, WAL, durable commits, writes in `BEGIN IMMEDIATE`.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{AssertSqlSafe, Row, SqliteConnection, SqlitePool};
use termin_domain::{AppointmentStatus, BookingPolicy, Transition};

use crate::model::{date, ts};
use crate::*;

mod booking;
mod signed_in;

crate::rows::row_mappers!(SqliteRow);

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

const ACTIVE: &str = "('booked', 'checked-in', 'called')";

/// How stale `tokens.last_used_at` may get before a request writes it again.
const TOKEN_TOUCH_SECS: i64 = 300;

// Connection settings, for sqlx's connections and the booking writer's own (booking.rs).

/// How long a write waits for another process's write lock (`termin admin`).
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// The default page cache (2 MB) is soon smaller than the indexes a booking writes into; every
/// miss is a read system call on the writer's critical path.
const CACHE_SIZE: &str = "-65536";
/// Reads of the database file without a system call (the WAL is read with `pread`).
const MMAP_SIZE: &str = "268435456";
/// The commit that crosses this many WAL pages copies them into the database file, on the
/// writer's path. Every 1,000 pages (the default), the same hot index pages are copied again
/// and again; every 10,000 (40 MB of WAL) they are copied once.
const WAL_AUTOCHECKPOINT: &str = "10000";

#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// One connection for every write transaction: writers wait their turn in the pool's
    /// queue (first come, first served) instead of in SQLite's sleeping busy handler, and do
    /// not hold the read connections while they wait (docs/benchmarks.md, change 4).
    writer: SqlitePool,
    /// The queue of the one task that runs every booking, in group commits (booking.rs).
    booker: booking::Booker,
    /// Tokens read lately, forgotten on the database's word (crate::signed_in).
    signed_in: Arc<crate::signed_in::SignedIn>,
}

impl SqliteStore {
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // Durable commits: a confirmed booking survives a power cut.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            .pragma("cache_size", CACHE_SIZE)
            .pragma("mmap_size", MMAP_SIZE)
            .pragma("wal_autocheckpoint", WAL_AUTOCHECKPOINT);
        let memory = url.contains(":memory:");
        let pool = SqlitePoolOptions::new()
            // An in-memory database exists once per connection.
            .max_connections(if memory { 1 } else { 8 })
            .min_connections(if memory { 1 } else { 0 })
            .idle_timeout(if memory {
                None
            } else {
                Some(Duration::from_secs(600))
            })
            .max_lifetime(if memory {
                None
            } else {
                Some(Duration::from_secs(3600))
            })
            // A local file has no network to break: a ping before every query would only add a
            // round trip to the connection's thread (measured: a third of the rush's CPU went
            // to thread hand-offs).
            .test_before_acquire(false)
            // Readers without the memory map: the writer's commits grow the file, and the
            // readers' remapping cost IPIs to every core (perf: smp_call_function_many_cond,
            // unmap_page_range); bookings on an AMD EPYC VM 2,283 -> 2,677/s, availability
            // and the rush unchanged (docs/benchmarks.md).
            .connect_with(options.clone().pragma("mmap_size", "0"))
            .await?;
        let writer = if memory {
            pool.clone()
        } else {
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(0)
                .idle_timeout(Some(Duration::from_secs(600)))
                .max_lifetime(Some(Duration::from_secs(3600)))
                // The queue for the writer is the wait: give it as long as the busy timeout.
                .acquire_timeout(Duration::from_secs(10))
                // A local file: a ping before every write transaction would only cost a
                // round trip to the connection's thread.
                .test_before_acquire(false)
                .connect_with(options.clone())
                .await?
        };
        let booker = if memory {
            booking::Booker::start(writer.clone(), None)?
        } else {
            let own = booking::open_writer(options.get_filename())?;
            booking::Booker::start(writer.clone(), Some(own))?
        };
        Ok(Self {
            pool,
            writer,
            booker,
            signed_in: Arc::default(),
        })
    }

    /// Every write goes through here: `BEGIN IMMEDIATE` takes the write lock up front, so a
    /// transaction that reads before it writes cannot fail on a stale snapshot, and writers are
    /// serialised by SQLite itself.
    async fn write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.writer.begin_with("BEGIN IMMEDIATE").await
    }
}

fn secs(t: Timestamp) -> i64 {
    t.as_second()
}

const ACCOUNT_COLUMNS: &str = "id, email, password_hash, full_name, date_of_birth, language, role, \
     email_verified_at, created_at";
/// The same columns of `accounts a` in a join.
const ACCOUNT_COLUMNS_OF_A: &str = "a.id, a.email, a.password_hash, a.full_name, \
     a.date_of_birth, a.language, a.role, a.email_verified_at, a.created_at";
const APPOINTMENT_COLUMNS: &str = "id, account_id, person_id, office_id, visit_type_id, start_at, \
     end_at, pin, status, language, created_at, status_changed_at, sequence";

async fn insert_job(conn: &mut SqliteConnection, job: &NewJob, now: Timestamp) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO jobs (kind, payload, run_at, dedupe_key, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (dedupe_key) DO NOTHING",
    )
    .bind(&job.kind)
    .bind(job.payload.to_string())
    .bind(secs(job.run_at))
    .bind(&job.dedupe_key)
    .bind(secs(now))
    .execute(conn)
    .await?;
    Ok(())
}

/// `?1` the check-in window in seconds, `?2` now, `?3` one account or NULL for all. Shared by
/// the sqlx statements here and the booking writer's own connection (booking.rs).
const MATERIALISE_NO_SHOWS: &str = "UPDATE appointments
    SET status = 'no-show', status_changed_at = start_at + ?1, sequence = sequence + 1
  WHERE status = 'booked' AND start_at <= ?2 - ?1 AND (?3 IS NULL OR account_id = ?3)";

/// The instants of an account's no-shows in (`?3`, `?4`]: `?1` the account, `?2` the check-in
/// window in seconds. A no-show written by the sweep or by a clerk carries its instant; one
/// still `booked` past its window is a no-show at start + window (api.md).
const NO_SHOW_INSTANTS: &str = "SELECT at FROM (
     SELECT CASE WHEN status = 'no-show' THEN status_changed_at ELSE start_at + ?2 END AS at
       FROM appointments
      WHERE account_id = ?1 AND (status = 'no-show' OR status = 'booked'))
  WHERE at > ?3 AND at <= ?4
  ORDER BY at";

/// Writes the `no-show` status that time has already decided (api.md: the no-show happens at
/// the instant the check-in window closes), for one account or for all.
async fn materialise_no_shows(
    conn: &mut SqliteConnection,
    account: Option<AccountId>,
    policy: &BookingPolicy,
    now: Timestamp,
) -> sqlx::Result<u64> {
    let closes = policy.checkin_closes_after.as_secs();
    let done = sqlx::query(MATERIALISE_NO_SHOWS)
        .bind(closes)
        .bind(secs(now))
        .bind(account)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

async fn history_in(
    conn: &mut SqliteConnection,
    account: AccountId,
    since: Timestamp,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<History, StoreError> {
    let closes = policy.checkin_closes_after.as_secs();
    let no_shows: Vec<i64> = sqlx::query_scalar(NO_SHOW_INSTANTS)
        .bind(account)
        .bind(closes)
        .bind(secs(since))
        .bind(secs(now))
        .fetch_all(&mut *conn)
        .await?;
    let cancellations: Vec<i64> = sqlx::query_scalar(
        "SELECT status_changed_at FROM appointments
          WHERE account_id = ? AND status = 'cancelled' AND cancelled_by_client = 1
            AND status_changed_at > ? AND status_changed_at <= ?
          ORDER BY status_changed_at",
    )
    .bind(account)
    .bind(secs(since))
    .bind(secs(now))
    .fetch_all(&mut *conn)
    .await?;
    Ok(History {
        no_shows: no_shows.into_iter().map(ts).collect::<Result<_, _>>()?,
        cancellations: cancellations
            .into_iter()
            .map(ts)
            .collect::<Result<_, _>>()?,
    })
}

fn history_window(policy: &BookingPolicy, now: Timestamp) -> Timestamp {
    // Enough history for both rules: a block can reach back one no-show window plus the block.
    let back = policy
        .no_show_window
        .checked_add(policy.block_for)
        .unwrap_or(policy.no_show_window)
        .max(policy.cancellation_window);
    now.checked_sub(back).unwrap_or(Timestamp::MIN)
}

fn is_unique_violation(e: &sqlx::Error, index: &str) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation() && db.message().contains(index)
                || db.is_unique_violation() && index.is_empty()
        }
        _ => false,
    }
}

#[async_trait]
impl Store for SqliteStore {
    async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn create_account(
        &self,
        account: NewAccount,
        token: Option<NewToken>,
        job: Option<JobFor<'_, Account>>,
        now: Timestamp,
    ) -> Result<Account, CreateAccountError> {
        let mut tx = self.write().await?;
        let inserted = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO accounts (email, password_hash, full_name, date_of_birth, language, role,
                                   email_verified_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {ACCOUNT_COLUMNS}"
        )))
        .bind(&account.email)
        .bind(&account.password_hash)
        .bind(&account.full_name)
        .bind(account.date_of_birth.to_string())
        .bind(&account.language)
        .bind(account.role.as_str())
        .bind(account.email_verified.then(|| secs(now)))
        .bind(secs(now))
        .fetch_one(&mut *tx)
        .await;
        let row = match inserted {
            Ok(row) => row,
            Err(e) if is_unique_violation(&e, "accounts.email") => {
                return Err(CreateAccountError::EmailTaken);
            }
            Err(e) => return Err(e.into()),
        };
        let created = account_from(&row)?;
        sqlx::query(
            "INSERT INTO persons (account_id, full_name, date_of_birth, relation, created_at)
             VALUES (?, ?, ?, 'self', ?)",
        )
        .bind(created.id)
        .bind(&created.full_name)
        .bind(created.date_of_birth.to_string())
        .bind(secs(now))
        .execute(&mut *tx)
        .await?;
        for office in &account.offices {
            sqlx::query("INSERT INTO staff_offices (account_id, office_id) VALUES (?, ?)")
                .bind(created.id)
                .bind(office)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(token) = token {
            insert_token(&mut tx, &token, created.id).await?;
        }
        if let Some(job) = job {
            insert_job(&mut tx, &job(&created), now).await?;
        }
        tx.commit().await?;
        Ok(created)
    }

    async fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ? AND deleted_at IS NULL"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(account_from).transpose()
    }

    async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = ? AND deleted_at IS NULL"
        )))
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(account_from).transpose()
    }

    async fn staff_offices(&self, id: AccountId) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT office_id FROM staff_offices WHERE account_id = ? ORDER BY office_id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn set_language(&self, id: AccountId, language: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET language = ? WHERE id = ?")
            .bind(language)
            .bind(id)
            .execute(&self.writer)
            .await?;
        self.signed_in.forget_account(id);
        Ok(())
    }

    async fn delete_account(&self, id: AccountId, now: Timestamp) -> Result<bool, StoreError> {
        let mut tx = self.write().await?;
        // The e-mail is freed (a new account may be made with it later) but kept recognisable
        // for the audit trail of this database only.
        let done = sqlx::query(
            "UPDATE accounts SET deleted_at = ?, email = 'deleted-' || id || ':' || email
              WHERE id = ? AND deleted_at IS NULL",
        )
        .bind(secs(now))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM tokens WHERE account_id = ?")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let released: Vec<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "UPDATE appointments
                SET status = 'cancelled', status_changed_at = ?, sequence = sequence + 1
              WHERE account_id = ? AND status IN {ACTIVE} AND start_at > ?
              RETURNING slot_id"
        )))
        .bind(secs(now))
        .bind(id)
        .bind(secs(now))
        .fetch_all(&mut *tx)
        .await?;
        for slot in released {
            sqlx::query("UPDATE slots SET booked = booked - 1 WHERE id = ?")
                .bind(slot)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.signed_in.forget_account(id);
        Ok(true)
    }

    async fn create_token(&self, token: NewToken, job: Option<NewJob>) -> Result<(), StoreError> {
        let mut tx = self.write().await?;
        insert_token(&mut tx, &token, token.account_id).await?;
        if let Some(job) = job {
            insert_job(&mut tx, &job, token.created_at).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn session_account(
        &self,
        hash: &str,
        now: Timestamp,
        idle: SignedDuration,
    ) -> Result<Option<Account>, StoreError> {
        let idle_since = secs(now.checked_sub(idle).unwrap_or(Timestamp::MIN));
        let signed_in = &self.signed_in;
        signed_in::start(signed_in, &self.pool, &self.writer);
        let entry = match signed_in.get(hash) {
            // The same conditions as the query's, on the times read then.
            Some(entry) if entry.last_used > idle_since && entry.expires_at > secs(now) => entry,
            Some(_) => return Ok(None),
            None => {
                let epoch = signed_in.epoch();
                // One statement for the token and its account.
                let row = sqlx::query(AssertSqlSafe(format!(
                    "SELECT t.last_used_at, t.expires_at, {} FROM tokens t
                       JOIN accounts a ON a.id = t.account_id
                      WHERE t.hash = ?1 AND t.kind IN ('session', 'api') AND t.used_at IS NULL
                        AND t.last_used_at > ?2 AND t.expires_at > ?3 AND a.deleted_at IS NULL",
                    ACCOUNT_COLUMNS_OF_A
                )))
                .bind(hash)
                .bind(idle_since)
                .bind(secs(now))
                .fetch_optional(&self.pool)
                .await?;
                let Some(row) = row else {
                    return Ok(None);
                };
                let entry = crate::signed_in::Entry {
                    account: account_from(&row)?,
                    last_used: row.try_get("last_used_at")?,
                    expires_at: row.try_get("expires_at")?,
                };
                signed_in.keep(hash, entry.clone(), epoch);
                entry
            }
        };
        // A durable write on every request would serialise all requests behind the writer;
        // the idle expiry holds to within TOKEN_TOUCH_SECS. (The triggers of migration 0007 log
        // nothing for this update.)
        if secs(now) - entry.last_used >= TOKEN_TOUCH_SECS {
            sqlx::query("UPDATE tokens SET last_used_at = ? WHERE hash = ?")
                .bind(secs(now))
                .bind(hash)
                .execute(&self.writer)
                .await?;
            signed_in.touched(hash, secs(now));
        }
        Ok(Some(entry.account))
    }

    async fn delete_token(&self, hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM tokens WHERE hash = ?")
            .bind(hash)
            .execute(&self.writer)
            .await?;
        self.signed_in.forget_token(hash);
        Ok(())
    }

    async fn verify_email(
        &self,
        hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError> {
        let mut tx = self.write().await?;
        let Some(account) = consume_token(&mut tx, hash, TokenKind::Verify, now).await? else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?",
        )
        .bind(secs(now))
        .bind(account)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.signed_in.forget_account(account);
        Ok(Some(account))
    }

    async fn reset_password(
        &self,
        hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError> {
        let mut tx = self.write().await?;
        let Some(account) = consume_token(&mut tx, hash, TokenKind::Reset, now).await? else {
            return Ok(None);
        };
        sqlx::query("UPDATE accounts SET password_hash = ? WHERE id = ?")
            .bind(password_hash)
            .bind(account)
            .execute(&mut *tx)
            .await?;
        // Whoever knew the old password is logged out everywhere.
        sqlx::query("DELETE FROM tokens WHERE account_id = ? AND kind IN ('session', 'api')")
            .bind(account)
            .execute(&mut *tx)
            .await?;
        // A reset link also proves the mailbox.
        sqlx::query(
            "UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?",
        )
        .bind(secs(now))
        .bind(account)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        self.signed_in.forget_account(account);
        Ok(Some(account))
    }

    async fn persons(&self, account: AccountId) -> Result<Vec<Person>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, account_id, full_name, date_of_birth, relation FROM persons
              WHERE account_id = ? ORDER BY relation = 'child', id",
        )
        .bind(account)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(person_from).collect()
    }

    async fn add_child(
        &self,
        account: AccountId,
        full_name: &str,
        date_of_birth: Date,
        now: Timestamp,
    ) -> Result<Person, StoreError> {
        let row = sqlx::query(
            "INSERT INTO persons (account_id, full_name, date_of_birth, relation, created_at)
             VALUES (?, ?, ?, 'child', ?)
             RETURNING id, account_id, full_name, date_of_birth, relation",
        )
        .bind(account)
        .bind(full_name)
        .bind(date_of_birth.to_string())
        .bind(secs(now))
        .fetch_one(&self.writer)
        .await?;
        person_from(&row)
    }

    async fn slot_full(
        &self,
        office: &str,
        visit_type: &str,
        start: Timestamp,
    ) -> Result<bool, StoreError> {
        let full: Option<bool> = sqlx::query_scalar(
            "SELECT booked >= capacity FROM slots
              WHERE office_id = ? AND visit_type_id = ? AND start_at = ?",
        )
        .bind(office)
        .bind(visit_type)
        .bind(secs(start))
        .fetch_optional(&self.pool)
        .await?;
        Ok(full == Some(true))
    }

    async fn book(
        &self,
        booking: NewBooking,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, BookError> {
        self.booker.book(booking, policy, job, now).await
    }

    async fn cancel(
        &self,
        account: AccountId,
        appointment: AppointmentId,
        policy: &BookingPolicy,
        job: JobFor<'_, Appointment>,
        now: Timestamp,
    ) -> Result<Appointment, CancelError> {
        let mut tx = self.write().await?;
        materialise_no_shows(&mut tx, Some(account), policy, now).await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = ? AND account_id = ?"
        )))
        .bind(appointment)
        .bind(account)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Err(CancelError::NotFound);
        };
        let current = appointment_from(&row)?;
        if current.status != AppointmentStatus::Booked {
            return Err(CancelError::NotCancellable);
        }
        // Counted under the write lock: two cancellations at once cannot both be the 10th.
        let history =
            history_in(&mut tx, account, history_window(policy, now), policy, now).await?;
        policy
            .check_cancel(current.start, &history.cancellations, now)
            .map_err(CancelError::Refused)?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "UPDATE appointments
                SET status = 'cancelled', status_changed_at = ?, cancelled_by_client = 1,
                    sequence = sequence + 1
              WHERE id = ? AND status = 'booked'
              RETURNING {APPOINTMENT_COLUMNS}"
        )))
        .bind(secs(now))
        .bind(appointment)
        .fetch_one(&mut *tx)
        .await?;
        let cancelled = appointment_from(&row)?;
        sqlx::query(
            "UPDATE slots SET booked = booked - 1
              WHERE id = (SELECT slot_id FROM appointments WHERE id = ?)",
        )
        .bind(appointment)
        .execute(&mut *tx)
        .await?;
        insert_job(&mut tx, &job(&cancelled), now).await?;
        tx.commit().await?;
        Ok(cancelled)
    }

    async fn appointment(&self, id: AppointmentId) -> Result<Option<Appointment>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = ?"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(appointment_from).transpose()
    }

    async fn appointments(&self, account: AccountId) -> Result<Vec<Appointment>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE account_id = ?
              ORDER BY start_at DESC, id DESC"
        )))
        .bind(account)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(appointment_from).collect()
    }

    async fn history(
        &self,
        account: AccountId,
        since: Timestamp,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<History, StoreError> {
        let mut conn = self.pool.acquire().await?;
        history_in(&mut conn, account, since, policy, now).await
    }

    async fn booked_counts(
        &self,
        office: &str,
        visit_type: &str,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<SlotUse>, StoreError> {
        let rows = sqlx::query(
            "SELECT start_at, booked, capacity FROM slots
              WHERE office_id = ? AND visit_type_id = ? AND start_at >= ? AND start_at < ?",
        )
        .bind(office)
        .bind(visit_type)
        .bind(secs(from))
        .bind(secs(to))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SlotUse {
                    start: ts(r.try_get("start_at")?)?,
                    booked: r.try_get::<i64, _>("booked")? as u32,
                    capacity: r.try_get::<i64, _>("capacity")? as u32,
                })
            })
            .collect()
    }

    async fn sweep_no_shows(
        &self,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<u64, StoreError> {
        let mut tx = self.write().await?;
        let n = materialise_no_shows(&mut tx, None, policy, now).await?;
        tx.commit().await?;
        Ok(n)
    }

    async fn record_rate_event(&self, bucket: &str, now: Timestamp) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO rate_events (bucket, at) VALUES (?, ?)")
            .bind(bucket)
            .bind(secs(now))
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    async fn rate_events(
        &self,
        bucket: &str,
        since: Timestamp,
    ) -> Result<(u32, Option<Timestamp>), StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM rate_events WHERE bucket = ? AND at > ?",
        )
        .bind(bucket)
        .bind(secs(since))
        .fetch_one(&self.pool)
        .await?;
        let n: i64 = row.try_get("n")?;
        let oldest: Option<i64> = row.try_get("oldest")?;
        Ok((n as u32, oldest.map(ts).transpose()?))
    }

    async fn create_device(
        &self,
        office: &str,
        kind: DeviceKind,
        name: &str,
        token_hash: &str,
        by: AccountId,
        now: Timestamp,
    ) -> Result<Device, StoreError> {
        let row = sqlx::query(
            "INSERT INTO devices (office_id, kind, name, token_hash, created_by, created_at)
             VALUES (?, ?, ?, ?, ?, ?)
             RETURNING id, office_id, kind, name, created_at, revoked_at",
        )
        .bind(office)
        .bind(kind.as_str())
        .bind(name)
        .bind(token_hash)
        .bind(by)
        .bind(secs(now))
        .fetch_one(&self.writer)
        .await?;
        device_from(&row)
    }

    async fn devices(&self, office: &str) -> Result<Vec<Device>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, office_id, kind, name, created_at, revoked_at FROM devices
              WHERE office_id = ? ORDER BY revoked_at IS NOT NULL, id",
        )
        .bind(office)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(device_from).collect()
    }

    async fn device_by_token(&self, token_hash: &str) -> Result<Option<Device>, StoreError> {
        let row = sqlx::query(
            "SELECT id, office_id, kind, name, created_at, revoked_at FROM devices
              WHERE token_hash = ? AND revoked_at IS NULL",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(device_from).transpose()
    }

    async fn revoke_device(
        &self,
        office: &str,
        id: i64,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE devices SET revoked_at = ? WHERE id = ? AND office_id = ? AND revoked_at IS NULL",
        )
        .bind(secs(now))
        .bind(id)
        .bind(office)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn appointment_by_pin(
        &self,
        office: &str,
        local_date: Date,
        pin: &str,
    ) -> Result<Option<Appointment>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments
              WHERE office_id = ? AND local_date = ? AND pin = ? AND status <> 'cancelled'
              ORDER BY status IN {ACTIVE} DESC, id DESC LIMIT 1"
        )))
        .bind(office)
        .bind(local_date.to_string())
        .bind(pin)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(appointment_from).transpose()
    }

    async fn check_in(
        &self,
        appointment: AppointmentId,
        ticket: NewTicket,
        actor: Actor,
        now: Timestamp,
    ) -> Result<(Ticket, u32), FloorError> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE appointments
                SET status = 'checked-in', status_changed_at = ?, sequence = sequence + 1
              WHERE id = ? AND status = 'booked'",
        )
        .bind(secs(now))
        .bind(appointment)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(FloorError::AlreadyCheckedIn);
        }
        let created = insert_ticket(&mut tx, &ticket, Some(appointment), now).await?;
        record_event(&mut tx, &created, "check-in", None, actor, now).await?;
        let position = position_of(&mut tx, &created).await?;
        tx.commit().await?;
        Ok((created, position))
    }

    async fn walk_in(
        &self,
        ticket: NewTicket,
        actor: Actor,
        now: Timestamp,
    ) -> Result<(Ticket, u32), StoreError> {
        let mut tx = self.write().await?;
        let created = insert_ticket(&mut tx, &ticket, None, now).await?;
        record_event(&mut tx, &created, "walk-in", None, actor, now).await?;
        let position = position_of(&mut tx, &created).await?;
        tx.commit().await?;
        Ok((created, position))
    }

    async fn queue(&self, office: &str, local_date: Date) -> Result<Vec<Ticket>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets
              WHERE office_id = ? AND local_date = ? AND status IN ('checked-in', 'called')
              ORDER BY status = 'called' DESC, rank, priority_at, id"
        )))
        .bind(office)
        .bind(local_date.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(ticket_from).collect()
    }

    async fn call_next(
        &self,
        office: &str,
        local_date: Date,
        counter: &str,
        actor: Actor,
        now: Timestamp,
    ) -> Result<Option<(Ticket, bool)>, StoreError> {
        let mut tx = self.write().await?;
        let current = sqlx::query(AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets
              WHERE office_id = ? AND local_date = ? AND counter = ? AND status = 'called'"
        )))
        .bind(office)
        .bind(local_date.to_string())
        .bind(counter)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = current {
            return Ok(Some((ticket_from(&row)?, false)));
        }
        let row = sqlx::query(AssertSqlSafe(format!(
            "UPDATE tickets SET status = 'called', counter = ?1, called_at = COALESCE(called_at, ?2)
              WHERE id = (SELECT id FROM tickets
                           WHERE office_id = ?3 AND local_date = ?4 AND status = 'checked-in'
                           ORDER BY rank, priority_at, id LIMIT 1)
                AND status = 'checked-in'
              RETURNING {TICKET_COLUMNS}"
        )))
        .bind(counter)
        .bind(secs(now))
        .bind(office)
        .bind(local_date.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let ticket = ticket_from(&row)?;
        mirror_appointment(&mut tx, &ticket, now).await?;
        record_event(&mut tx, &ticket, "call", Some(counter), actor, now).await?;
        tx.commit().await?;
        Ok(Some((ticket, true)))
    }

    async fn transition_ticket(
        &self,
        action: TicketAction<'_>,
        actor: Actor,
        now: Timestamp,
    ) -> Result<Ticket, FloorError> {
        let TicketAction {
            office,
            local_date,
            number,
            transition,
            counter,
        } = action;
        let mut tx = self.write().await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets
              WHERE office_id = ? AND local_date = ? AND number = ?"
        )))
        .bind(office)
        .bind(local_date.to_string())
        .bind(number)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Err(FloorError::NotFound);
        };
        let current = ticket_from(&row)?;
        let next = current
            .status
            .apply(transition)
            .map_err(|_| FloorError::InvalidTransition {
                from: current.status,
            })?;
        let new_counter = match (transition, next) {
            (Transition::Transfer, _) => counter.or(current.counter.as_deref()),
            (_, AppointmentStatus::CheckedIn) => None,
            _ => current.counter.as_deref(),
        };
        let finished = matches!(next, AppointmentStatus::Served | AppointmentStatus::NoShow);
        let updated = sqlx::query(AssertSqlSafe(format!(
            "UPDATE tickets SET status = ?, counter = ?, finished_at = ?
              WHERE id = ? AND status = ?
              RETURNING {TICKET_COLUMNS}"
        )))
        .bind(next.as_str())
        .bind(new_counter)
        .bind(finished.then(|| secs(now)))
        .bind(current.id)
        .bind(current.status.as_str())
        .fetch_optional(&mut *tx)
        .await;
        let row = match updated {
            Ok(Some(row)) => row,
            Ok(None) => {
                return Err(FloorError::InvalidTransition {
                    from: current.status,
                });
            }
            // Transferring to a counter that is busy with somebody else.
            Err(e) if is_unique_violation(&e, "") => {
                return Err(FloorError::InvalidTransition {
                    from: current.status,
                });
            }
            Err(e) => return Err(e.into()),
        };
        let ticket = ticket_from(&row)?;
        mirror_appointment(&mut tx, &ticket, now).await?;
        record_event(
            &mut tx,
            &ticket,
            transition.as_str(),
            ticket.counter.as_deref(),
            actor,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ticket)
    }

    async fn floor_events(
        &self,
        office: &str,
        after_id: i64,
        kinds: &[&str],
        limit: u32,
    ) -> Result<Vec<FloorEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, office_id, kind, ticket, counter, at FROM floor_events
              WHERE office_id = ? AND id > ? AND kind IN (SELECT value FROM json_each(?))
              ORDER BY id LIMIT ?",
        )
        .bind(office)
        .bind(after_id)
        .bind(serde_json::to_string(kinds).unwrap_or_default())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(event_from).collect()
    }

    async fn recent_floor_events(
        &self,
        office: &str,
        local_date: Date,
        kinds: &[&str],
        limit: u32,
    ) -> Result<Vec<FloorEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, office_id, kind, ticket, counter, at FROM floor_events
              WHERE office_id = ? AND local_date = ? AND kind IN (SELECT value FROM json_each(?))
              ORDER BY id DESC LIMIT ?",
        )
        .bind(office)
        .bind(local_date.to_string())
        .bind(serde_json::to_string(kinds).unwrap_or_default())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(event_from).collect()
    }

    async fn agenda(&self, office: &str, local_date: Date) -> Result<Vec<AgendaEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT a.id, a.account_id, a.person_id, a.office_id, a.visit_type_id, a.start_at,
                    a.end_at, a.pin, a.status, a.language, a.created_at, a.status_changed_at,
                    a.sequence, p.full_name AS person_name, p.date_of_birth AS person_dob,
                    t.number AS ticket
               FROM appointments a
               JOIN persons p ON p.id = a.person_id
               LEFT JOIN tickets t ON t.appointment_id = a.id
              WHERE a.office_id = ? AND a.local_date = ? AND a.status <> 'cancelled'
              ORDER BY a.start_at, a.id",
        )
        .bind(office)
        .bind(local_date.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AgendaEntry {
                    appointment: appointment_from(r)?,
                    person_name: r.try_get("person_name")?,
                    person_date_of_birth: date(&r.try_get::<String, _>("person_dob")?)?,
                    ticket: r.try_get("ticket")?,
                })
            })
            .collect()
    }

    async fn floor_stats(
        &self,
        office: &str,
        local_date: Date,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<FloorStats, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS checked_in,
                    SUM(status = 'checked-in') AS waiting,
                    SUM(status = 'called') AS called,
                    SUM(status = 'served') AS served,
                    AVG(called_at - checked_in_at) AS avg_wait,
                    AVG(CASE WHEN status = 'served' THEN finished_at - called_at END) AS avg_service
               FROM tickets WHERE office_id = ? AND local_date = ?",
        )
        .bind(office)
        .bind(local_date.to_string())
        .fetch_one(&self.pool)
        .await?;
        let no_shows: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM appointments
              WHERE office_id = ? AND local_date = ?
                AND (status = 'no-show' OR (status = 'booked' AND start_at + ? <= ?))",
        )
        .bind(office)
        .bind(local_date.to_string())
        .bind(policy.checkin_closes_after.as_secs())
        .bind(secs(now))
        .fetch_one(&self.pool)
        .await?;
        let count = |name: &str| -> Result<u32, StoreError> {
            Ok(row.try_get::<Option<i64>, _>(name)?.unwrap_or(0) as u32)
        };
        Ok(FloorStats {
            checked_in: count("checked_in")?,
            waiting: count("waiting")?,
            called: count("called")?,
            served: count("served")?,
            no_shows: no_shows as u32,
            average_wait_seconds: row
                .try_get::<Option<f64>, _>("avg_wait")?
                .map(|v| v.round() as i64),
            average_service_seconds: row
                .try_get::<Option<f64>, _>("avg_service")?
                .map(|v| v.round() as i64),
        })
    }

    async fn publish_floor_change(&self, _office: &str) -> Result<(), StoreError> {
        Ok(())
    }

    async fn listen_floor_changes(
        &self,
        _sender: tokio::sync::broadcast::Sender<String>,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    async fn claim_jobs(
        &self,
        now: Timestamp,
        lease: SignedDuration,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError> {
        let mut tx = self.write().await?;
        let until = now.checked_add(lease).unwrap_or(Timestamp::MAX);
        let rows = sqlx::query(
            "UPDATE jobs SET locked_until = ?1, attempts = attempts + 1
              WHERE id IN (SELECT id FROM jobs
                            WHERE done_at IS NULL AND run_at <= ?2
                              AND (locked_until IS NULL OR locked_until <= ?2)
                            ORDER BY run_at, id LIMIT ?3)
              RETURNING id, kind, payload, attempts",
        )
        .bind(secs(until))
        .bind(secs(now))
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        rows.iter()
            .map(|r| {
                let payload: String = r.try_get("payload")?;
                Ok(Job {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    payload: serde_json::from_str(&payload)
                        .map_err(|e| StoreError::Corrupt(format!("job payload: {e}")))?,
                    attempts: r.try_get::<i64, _>("attempts")? as u32,
                })
            })
            .collect()
    }

    async fn finish_job(&self, id: i64, now: Timestamp) -> Result<(), StoreError> {
        // The payload may carry a one-time link for a mail: it is not kept once sent.
        sqlx::query(
            "UPDATE jobs SET done_at = ?, locked_until = NULL, payload = '{}' WHERE id = ?",
        )
        .bind(secs(now))
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    async fn finish_jobs(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        // The ids are integers formatted here, never client text.
        sqlx::query(AssertSqlSafe(format!(
            "UPDATE jobs SET done_at = ?, locked_until = NULL, payload = '{{}}' WHERE id IN ({list})"
        )))
        .bind(secs(now))
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    async fn fail_job(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        match retry_at {
            Some(at) => {
                sqlx::query(
                    "UPDATE jobs SET last_error = ?, run_at = ?, locked_until = NULL WHERE id = ?",
                )
                .bind(error)
                .bind(secs(at))
                .bind(id)
                .execute(&self.writer)
                .await?;
            }
            None => {
                // Given up: done, with the error kept for the operator.
                sqlx::query(
                    "UPDATE jobs SET last_error = ?, done_at = run_at, locked_until = NULL
                      WHERE id = ?",
                )
                .bind(error)
                .bind(id)
                .execute(&self.writer)
                .await?;
            }
        }
        Ok(())
    }

    async fn pending_jobs(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
            .fetch_one(&self.pool)
            .await?;
        Ok(n as u64)
    }
}

const TICKET_COLUMNS: &str = "id, office_id, local_date, number, appointment_id, visit_type_id, \
     language, status, counter, checked_in_at, called_at, finished_at";

/// Takes the next number of the group for the day and inserts the ticket.
async fn insert_ticket(
    conn: &mut SqliteConnection,
    ticket: &NewTicket,
    appointment: Option<AppointmentId>,
    now: Timestamp,
) -> Result<Ticket, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_numbers (office_id, local_date, grp, last) VALUES (?, ?, ?, 1)
         ON CONFLICT (office_id, local_date, grp) DO UPDATE SET last = last + 1
         RETURNING last",
    )
    .bind(&ticket.office_id)
    .bind(ticket.local_date.to_string())
    .bind(ticket.group.to_string())
    .fetch_one(&mut *conn)
    .await?;
    let number = termin_domain::floor::ticket_number(ticket.group, n as u32);
    let row = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO tickets (office_id, local_date, number, appointment_id, visit_type_id,
                              language, status, rank, priority_at, checked_in_at)
         VALUES (?, ?, ?, ?, ?, ?, 'checked-in', ?, ?, ?)
         RETURNING {TICKET_COLUMNS}"
    )))
    .bind(&ticket.office_id)
    .bind(ticket.local_date.to_string())
    .bind(&number)
    .bind(appointment)
    .bind(&ticket.visit_type_id)
    .bind(&ticket.language)
    .bind(i64::from(ticket.rank))
    .bind(secs(ticket.priority_at))
    .bind(secs(now))
    .fetch_one(&mut *conn)
    .await?;
    ticket_from(&row)
}

/// 1 for the first in line, among the tickets still waiting.
async fn position_of(conn: &mut SqliteConnection, ticket: &Ticket) -> Result<u32, StoreError> {
    let ahead: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM tickets t, tickets me
          WHERE me.id = ?1 AND t.office_id = me.office_id AND t.local_date = me.local_date
            AND t.status = 'checked-in' AND t.id <> me.id
            AND (t.rank < me.rank OR (t.rank = me.rank AND (t.priority_at < me.priority_at
                 OR (t.priority_at = me.priority_at AND t.id < me.id))))",
    )
    .bind(ticket.id)
    .fetch_one(conn)
    .await?;
    Ok(ahead as u32 + 1)
}

/// The appointment behind a ticket follows it: called, served, no-show, back to waiting.
async fn mirror_appointment(
    conn: &mut SqliteConnection,
    ticket: &Ticket,
    now: Timestamp,
) -> Result<(), StoreError> {
    if let Some(id) = ticket.appointment_id {
        sqlx::query(
            "UPDATE appointments SET status = ?, status_changed_at = ?, sequence = sequence + 1
              WHERE id = ? AND status <> ?",
        )
        .bind(ticket.status.as_str())
        .bind(secs(now))
        .bind(id)
        .bind(ticket.status.as_str())
        .execute(conn)
        .await?;
    }
    Ok(())
}

async fn record_event(
    conn: &mut SqliteConnection,
    ticket: &Ticket,
    kind: &str,
    counter: Option<&str>,
    actor: Actor,
    now: Timestamp,
) -> Result<(), StoreError> {
    let (account, device) = match actor {
        Actor::Staff(id) => (Some(id), None),
        Actor::Device(id) => (None, Some(id)),
    };
    sqlx::query(
        "INSERT INTO floor_events (office_id, local_date, kind, ticket_id, ticket, counter,
                                   actor_account_id, actor_device_id, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&ticket.office_id)
    .bind(ticket.local_date.to_string())
    .bind(kind)
    .bind(ticket.id)
    .bind(&ticket.number)
    .bind(counter)
    .bind(account)
    .bind(device)
    .bind(secs(now))
    .execute(conn)
    .await?;
    Ok(())
}

async fn insert_token(
    conn: &mut SqliteConnection,
    token: &NewToken,
    account: AccountId,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO tokens (hash, account_id, kind, created_at, last_used_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(&token.hash)
    .bind(account)
    .bind(token.kind.as_str())
    .bind(secs(token.created_at))
    .bind(secs(token.created_at))
    .bind(secs(token.expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

async fn consume_token(
    conn: &mut SqliteConnection,
    hash: &str,
    kind: TokenKind,
    now: Timestamp,
) -> sqlx::Result<Option<AccountId>> {
    sqlx::query_scalar(
        "UPDATE tokens SET used_at = ?1
          WHERE hash = ?2 AND kind = ?3 AND used_at IS NULL AND expires_at > ?1
          RETURNING account_id",
    )
    .bind(secs(now))
    .bind(hash)
    .bind(kind.as_str())
    .fetch_optional(conn)
    .await
}
