//! The PostgreSQL backend: several instances of `termin` share one database.
//!
//! Transactions run at PostgreSQL's default READ COMMITTED. Every race is settled by the
//! database, never by "read, then write" in the application:
//!
//! * capacity: `UPDATE slots SET booked = booked + 1 WHERE … AND booked < capacity` — a
//!   concurrent updater waits for the row and re-checks the condition on its new version;
//! * per-account rules (the no-show block in `book`, the 10-in-90-days count in `cancel`): the
//!   account row is locked `FOR UPDATE` first, so one account's transactions run one by one;
//! * PINs: a random free PIN is inserted under a savepoint; a unique violation of the partial
//!   index (somebody committed the same PIN meanwhile) rolls back to the savepoint and retries;
//! * jobs: claimed with `FOR UPDATE SKIP LOCKED`, so two workers never get the same job;
//! * the office floor: every floor transaction of one office holds a transaction-level
//!   advisory lock (`lock_floor`), like `BEGIN IMMEDIATE` on SQLite, so "call next" cannot
//!   double-call and floor event ids (the display's SSE ids) commit in order;
//! * migrations: sqlx's PostgreSQL migrator holds `pg_advisory_lock` (keyed by the database
//!   name) while it applies them, so instances starting together apply each migration once.

mod batch;
mod signed_in;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::{AssertSqlSafe, PgConnection, PgPool, Row};
use termin_domain::{AppointmentStatus, BookingPolicy, Transition};

use crate::model::{date, ts};
use crate::*;

crate::rows::row_mappers!(PgRow);

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

const ACTIVE: &str = "('booked', 'checked-in', 'called')";

/// Unique constraints whose violations mean something to the caller (see the migrations).
const EMAIL_UNIQUE: &str = "accounts_email_key";
const PIN_UNIQUE: &str = "appointments_pin_per_office_day";
const ONE_ACTIVE_UNIQUE: &str = "appointments_one_active_per_person_type";
const IDEMPOTENCY_UNIQUE: &str = "idempotency_keys_pkey";
const ONE_CALLED_UNIQUE: &str = "tickets_one_called_per_counter";

/// The NOTIFY channel on which instances tell each other that an office's floor changed.
const FLOOR_CHANNEL: &str = "termin_floor";

/// How stale `tokens.last_used_at` may get before a request writes it again.
const TOKEN_TOUCH_SECS: i64 = 300;

#[derive(Clone)]
pub struct PgStore {
    pool: PgPool,
    options: PgConnectOptions,
    /// Tokens read lately, forgotten on the database's word (crate::signed_in).
    signed_in: Arc<crate::signed_in::SignedIn>,
    /// First attempts of bookings, written together (`batch.rs`).
    batcher: Arc<batch::Batcher>,
}

impl PgStore {
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = PgConnectOptions::from_str(url)?
            .application_name("termin")
            // Every statement is prepared once per connection and is an index lookup whatever
            // its parameters: plan it once, not on every execution (PostgreSQL re-plans the
            // first five executions and keeps re-planning a statement whose generic plan
            // looks costlier, as the booking's WITH does).
            .options([("plan_cache_mode", "force_generic_plan")]);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .min_connections(0)
            // An unreachable database fails a request fast (the server answers 503).
            .acquire_timeout(Duration::from_secs(5))
            .idle_timeout(Some(Duration::from_secs(600)))
            .max_lifetime(Some(Duration::from_secs(1800)))
            // No ping before each query: it is a round trip of its own. A connection broken by
            // a database restart fails its next query instead (503, the client may retry) and
            // is then closed, not returned to the pool.
            .test_before_acquire(false)
            .connect_with(options.clone())
            .await?;
        Ok(Self {
            pool,
            options,
            signed_in: Arc::default(),
            batcher: Arc::default(),
        })
    }
}

fn secs(t: Timestamp) -> i64 {
    t.as_second()
}

fn count_from(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

const ACCOUNT_COLUMNS: &str = "id, email, password_hash, full_name, date_of_birth, language, role, \
     email_verified_at, created_at";
/// The same columns of `accounts a` in a join.
const ACCOUNT_COLUMNS_OF_A: &str = "a.id, a.email, a.password_hash, a.full_name, \
     a.date_of_birth, a.language, a.role, a.email_verified_at, a.created_at";
const APPOINTMENT_COLUMNS: &str = "id, account_id, person_id, office_id, visit_type_id, start_at, \
     end_at, pin, status, language, created_at, status_changed_at, sequence";

/// PostgreSQL cancelled the statement to break a deadlock.
fn deadlocked(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.code().as_deref() == Some("40P01"))
}

/// A unique violation of the named constraint or unique index.
fn violates(e: &sqlx::Error, constraint: &str) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation() && db.constraint() == Some(constraint)
        }
        _ => false,
    }
}

/// Serialises the transactions of one account (booking, cancelling, deletion): whoever locks
/// the row first runs its checks and writes; the other waits and then sees them committed.
async fn lock_account(conn: &mut PgConnection, account: AccountId) -> sqlx::Result<bool> {
    let row: Option<i64> = sqlx::query_scalar("SELECT id FROM accounts WHERE id = $1 FOR UPDATE")
        .bind(account)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

async fn insert_job(conn: &mut PgConnection, job: &NewJob, now: Timestamp) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO jobs (kind, payload, run_at, dedupe_key, created_at)
         VALUES ($1, $2, $3, $4, $5)
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

async fn insert_token(
    conn: &mut PgConnection,
    token: &NewToken,
    account: AccountId,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO tokens (hash, account_id, kind, created_at, last_used_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(&token.hash)
    .bind(account)
    .bind(token.kind.as_str())
    .bind(secs(token.created_at))
    .bind(secs(token.expires_at))
    .execute(conn)
    .await?;
    Ok(())
}

async fn consume_token(
    conn: &mut PgConnection,
    hash: &str,
    kind: TokenKind,
    now: Timestamp,
) -> sqlx::Result<Option<AccountId>> {
    // A second use waits for the first one's row lock and then finds `used_at` set.
    sqlx::query_scalar(
        "UPDATE tokens SET used_at = $1
          WHERE hash = $2 AND kind = $3 AND used_at IS NULL AND expires_at > $1
          RETURNING account_id",
    )
    .bind(secs(now))
    .bind(hash)
    .bind(kind.as_str())
    .fetch_optional(conn)
    .await
}

/// Writes the `no-show` status that time has already decided (api.md: the no-show happens at
/// the instant the check-in window closes), for one account or for all. Rows are locked in id
/// order, so the sweep and a booking of the same account cannot deadlock on them.
async fn materialise_no_shows(
    conn: &mut PgConnection,
    account: Option<AccountId>,
    policy: &BookingPolicy,
    now: Timestamp,
) -> sqlx::Result<u64> {
    let closes = policy.checkin_closes_after.as_secs();
    let done = sqlx::query(
        // The ids first (an InitPlan), then the rows by primary key: with the condition on
        // `status` outside as well, a planner without statistics walked every booked
        // appointment and probed the subquery for each. `FOR UPDATE` rechecks the condition
        // on the newest version of a row, and a locked row stays as it was.
        "UPDATE appointments
            SET status = 'no-show', status_changed_at = start_at + $1, sequence = sequence + 1
          WHERE id = ANY(ARRAY(SELECT id FROM appointments
                                WHERE status = 'booked' AND start_at <= $2 - $1
                                  AND ($3::BIGINT IS NULL OR account_id = $3)
                                ORDER BY id
                                FOR UPDATE))",
    )
    .bind(closes)
    .bind(secs(now))
    .bind(account)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

async fn history_in(
    conn: &mut PgConnection,
    account: AccountId,
    since: Timestamp,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<History, StoreError> {
    let closes = policy.checkin_closes_after.as_secs();
    // A no-show written by the sweep or by a clerk carries its instant; one still `booked`
    // past its window is a no-show at start + window (api.md).
    let no_shows: Vec<i64> = sqlx::query_scalar(
        "SELECT at FROM (
             SELECT CASE WHEN status = 'no-show' THEN status_changed_at ELSE start_at + $2 END
                        AS at
               FROM appointments
              WHERE account_id = $1 AND (status = 'no-show' OR status = 'booked')) AS h
          WHERE at > $3 AND at <= $4
          ORDER BY at",
    )
    .bind(account)
    .bind(closes)
    .bind(secs(since))
    .bind(secs(now))
    .fetch_all(&mut *conn)
    .await?;
    let cancellations: Vec<i64> = sqlx::query_scalar(
        "SELECT status_changed_at FROM appointments
          WHERE account_id = $1 AND status = 'cancelled' AND cancelled_by_client
            AND status_changed_at > $2 AND status_changed_at <= $3
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

#[async_trait]
impl Store for PgStore {
    async fn migrate(&self) -> Result<(), StoreError> {
        // sqlx's migrator takes a session-level `pg_advisory_lock` for the whole run, so two
        // instances starting at once apply each migration once (the second waits, then finds
        // it applied). It runs on a connection of its own that is closed afterwards: should a
        // migration fail, the lock goes with the connection instead of staying in the pool.
        let once = PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(self.options.clone())
            .await?;
        let outcome = MIGRATOR.run(&once).await;
        once.close().await;
        outcome?;
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
        let mut tx = self.pool.begin().await?;
        let inserted = sqlx::query(AssertSqlSafe(format!(
            "INSERT INTO accounts (email, password_hash, full_name, date_of_birth, language, role,
                                   email_verified_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING {ACCOUNT_COLUMNS}"
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
        // A concurrent registration with the same e-mail waits on the unique index and then
        // fails here once the first one commits.
        let row = match inserted {
            Ok(row) => row,
            Err(e) if violates(&e, EMAIL_UNIQUE) => return Err(CreateAccountError::EmailTaken),
            Err(e) => return Err(e.into()),
        };
        let created = account_from(&row)?;
        sqlx::query(
            "INSERT INTO persons (account_id, full_name, date_of_birth, relation, created_at)
             VALUES ($1, $2, $3, 'self', $4)",
        )
        .bind(created.id)
        .bind(&created.full_name)
        .bind(created.date_of_birth.to_string())
        .bind(secs(now))
        .execute(&mut *tx)
        .await?;
        for office in &account.offices {
            sqlx::query("INSERT INTO staff_offices (account_id, office_id) VALUES ($1, $2)")
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
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1 AND deleted_at IS NULL"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(account_from).transpose()
    }

    async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1 AND deleted_at IS NULL"
        )))
        .bind(email)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(account_from).transpose()
    }

    async fn staff_offices(&self, id: AccountId) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT office_id FROM staff_offices WHERE account_id = $1 ORDER BY office_id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn set_language(&self, id: AccountId, language: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET language = $1 WHERE id = $2")
            .bind(language)
            .bind(id)
            .execute(&self.pool)
            .await?;
        self.signed_in.forget_account(id);
        Ok(())
    }

    async fn delete_account(&self, id: AccountId, now: Timestamp) -> Result<bool, StoreError> {
        let mut tx = self.pool.begin().await?;
        // The e-mail is freed (a new account may be made with it later) but kept recognisable
        // for the audit trail of this database only. The update locks the account row, so a
        // booking of this account running at the same time finishes first or sees the deletion.
        let done = sqlx::query(
            "UPDATE accounts SET deleted_at = $1, email = 'deleted-' || id || ':' || email
              WHERE id = $2 AND deleted_at IS NULL",
        )
        .bind(secs(now))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM tokens WHERE account_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let mut released: Vec<i64> = sqlx::query_scalar(AssertSqlSafe(format!(
            "UPDATE appointments
                SET status = 'cancelled', status_changed_at = $1, sequence = sequence + 1
              WHERE account_id = $2 AND status IN {ACTIVE} AND start_at > $1
              RETURNING slot_id"
        )))
        .bind(secs(now))
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        // Slot rows in id order: concurrent deletions lock them in the same order.
        released.sort_unstable();
        for slot in released {
            sqlx::query("UPDATE slots SET booked = booked - 1 WHERE id = $1")
                .bind(slot)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        self.signed_in.forget_account(id);
        Ok(true)
    }

    async fn create_token(&self, token: NewToken, job: Option<NewJob>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
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
        signed_in::start(signed_in, &self.pool);
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
                      WHERE t.hash = $1 AND t.kind IN ('session', 'api') AND t.used_at IS NULL
                        AND t.last_used_at > $2 AND t.expires_at > $3 AND a.deleted_at IS NULL",
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
        // the idle expiry holds to within TOKEN_TOUCH_SECS. (The triggers of migration 0006
        // send no notice for this update.)
        if secs(now) - entry.last_used >= TOKEN_TOUCH_SECS {
            sqlx::query("UPDATE tokens SET last_used_at = $1 WHERE hash = $2")
                .bind(secs(now))
                .bind(hash)
                .execute(&self.pool)
                .await?;
            signed_in.touched(hash, secs(now));
        }
        Ok(Some(entry.account))
    }

    async fn delete_token(&self, hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM tokens WHERE hash = $1")
            .bind(hash)
            .execute(&self.pool)
            .await?;
        self.signed_in.forget_token(hash);
        Ok(())
    }

    async fn verify_email(
        &self,
        hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let Some(account) = consume_token(&mut tx, hash, TokenKind::Verify, now).await? else {
            return Ok(None);
        };
        sqlx::query(
            "UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2",
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
        let mut tx = self.pool.begin().await?;
        let Some(account) = consume_token(&mut tx, hash, TokenKind::Reset, now).await? else {
            return Ok(None);
        };
        // A reset link also proves the mailbox.
        sqlx::query(
            "UPDATE accounts
                SET password_hash = $1, email_verified_at = COALESCE(email_verified_at, $2)
              WHERE id = $3",
        )
        .bind(password_hash)
        .bind(secs(now))
        .bind(account)
        .execute(&mut *tx)
        .await?;
        // Whoever knew the old password is logged out everywhere.
        sqlx::query("DELETE FROM tokens WHERE account_id = $1 AND kind IN ('session', 'api')")
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
              WHERE account_id = $1 ORDER BY relation = 'child', id",
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
             VALUES ($1, $2, $3, 'child', $4)
             RETURNING id, account_id, full_name, date_of_birth, relation",
        )
        .bind(account)
        .bind(full_name)
        .bind(date_of_birth.to_string())
        .bind(secs(now))
        .fetch_one(&self.pool)
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
              WHERE office_id = $1 AND visit_type_id = $2 AND start_at = $3",
        )
        .bind(office)
        .bind(visit_type)
        .bind(secs(start))
        .fetch_optional(&self.pool)
        .await?;
        Ok(full == Some(true))
    }

    /// One statement, one round trip, one commit (docs/benchmarks.md, change 8): the person
    /// and no-show checks, the slot's place, the appointment, the idempotency key and the
    /// confirmation job are one `WITH … INSERT`. Any unique violation (a PIN taken at the same
    /// instant, a second active appointment of the type, a concurrent retry with the same key)
    /// aborts the whole statement, so nothing is half written; the loop then decides.
    async fn book(
        &self,
        booking: NewBooking,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, BookError> {
        if booking.capacity == 0 {
            return Err(BookError::SlotFull);
        }
        let local_date = booking.local_date.to_string();
        let since = history_window(policy, now);
        let closes = policy.checkin_closes_after.as_secs();
        let mut block_checked = false;
        let mut no_shows_written = false;
        let mut draws = 0;
        let mut look_up_key = booking.idempotency_key.is_some();
        let mut key_rechecked = false;
        let mut deadlocks = 0;
        // The first attempt goes with the other bookings waiting on this instance; whatever
        // the batch did not write is decided below, as if the batch had not been there. A
        // retry with an Idempotency-Key books alone (its key must be looked up first).
        if booking.idempotency_key.is_none() {
            let pin = random_pin();
            let attempt = batch::Attempt {
                job: placeholder_job(&job, &booking, &pin, now)?,
                booking: booking.clone(),
                local_date: local_date.clone(),
                pin,
                now,
                since,
                closes,
                no_show_limit: i64::from(policy.no_show_limit),
            };
            draws += 1;
            match self.batcher.book(&self.pool, attempt).await? {
                batch::Outcome::Booked(appointment) => return Ok(appointment),
                batch::Outcome::Full => return Err(BookError::SlotFull),
                batch::Outcome::Alone => {}
            }
        }
        loop {
            // A retry of a booking already made with this key answers with that booking.
            if look_up_key && let Some(key) = &booking.idempotency_key {
                let earlier = sqlx::query(AssertSqlSafe(format!(
                    "SELECT {APPOINTMENT_COLUMNS} FROM appointments
                      WHERE id = (SELECT appointment_id FROM idempotency_keys
                                   WHERE account_id = $1 AND key = $2)"
                )))
                .bind(booking.account_id)
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
                if let Some(row) = earlier {
                    let earlier = appointment_from(&row)?;
                    let same = earlier.office_id == booking.office_id
                        && earlier.visit_type_id == booking.visit_type_id
                        && earlier.start == booking.start
                        && booking.person_id.is_none_or(|p| p == earlier.person_id);
                    return if same {
                        Ok(earlier)
                    } else {
                        Err(BookError::IdempotencyKeyReused)
                    };
                }
                look_up_key = false;
            }
            let pin = if draws < PIN_DRAWS {
                random_pin()
            } else {
                let taken: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
                    "SELECT pin FROM appointments
                      WHERE office_id = $1 AND local_date = $2 AND status IN {ACTIVE}"
                )))
                .bind(&booking.office_id)
                .bind(&local_date)
                .fetch_all(&self.pool)
                .await?;
                free_pin(&taken).ok_or(BookError::SlotFull)?
            };
            draws += 1;
            // The job is composed before the row exists: it names the appointment by a
            // placeholder id that the statement replaces with the real one.
            let template = placeholder_job(&job, &booking, &pin, now)?;
            let booked = sqlx::query(AssertSqlSafe(format!(
                "WITH p AS (
                   SELECT id FROM persons
                    WHERE account_id = $1 AND (id = $2 OR $2 IS NULL AND relation = 'self')
                      AND ($11 OR (SELECT count(*) FROM appointments n
                                    WHERE n.account_id = $1
                                      AND (n.status = 'no-show' AND n.status_changed_at > $12
                                           OR n.status = 'booked' AND n.start_at > $12 - $13
                                              AND n.start_at <= $10 - $13)) < $14)),
                 s AS (
                   INSERT INTO slots (office_id, visit_type_id, start_at, end_at, capacity, booked)
                   SELECT $3, $4, $5, $6, $15, 1 FROM p
                   ON CONFLICT (office_id, visit_type_id, start_at)
                     DO UPDATE SET booked = slots.booked + 1 WHERE slots.booked < slots.capacity
                   RETURNING id),
                 a AS (
                   INSERT INTO appointments (account_id, person_id, office_id, visit_type_id,
                       slot_id, start_at, end_at, local_date, pin, status, language, created_at,
                       status_changed_at)
                   SELECT $1, p.id, $3, $4, s.id, $5, $6, $7, $8, 'booked', $9, $10, $10
                     FROM p, s
                   RETURNING {APPOINTMENT_COLUMNS}),
                 k AS (
                   INSERT INTO idempotency_keys (account_id, key, appointment_id, created_at)
                   SELECT $1, $16, a.id, $10 FROM a WHERE $16 IS NOT NULL),
                 j AS (
                   INSERT INTO jobs (kind, payload, run_at, dedupe_key, created_at)
                   SELECT $17, replace($18, $19, a.id::text), $20,
                          replace($21, $19, a.id::text), $10
                     FROM a
                   ON CONFLICT (dedupe_key) DO NOTHING)
                 SELECT * FROM a"
            )))
            .bind(booking.account_id)
            .bind(booking.person_id)
            .bind(&booking.office_id)
            .bind(&booking.visit_type_id)
            .bind(secs(booking.start))
            .bind(secs(booking.end))
            .bind(&local_date)
            .bind(&pin)
            .bind(&booking.language)
            .bind(secs(now))
            .bind(block_checked)
            .bind(secs(since))
            .bind(closes)
            .bind(i64::from(policy.no_show_limit))
            .bind(i64::from(booking.capacity))
            .bind(&booking.idempotency_key)
            .bind(&template.kind)
            .bind(template.payload.to_string())
            .bind(PLACEHOLDER_ID.to_string())
            .bind(secs(template.run_at))
            .bind(&template.dedupe_key)
            .fetch_optional(&self.pool)
            .await;
            match booked {
                Ok(Some(row)) => return Ok(appointment_from(&row)?),
                Ok(None) => {
                    // Not the account's person, enough no-shows that the full rule must
                    // decide, or the slot is full.
                    let owned: Option<i64> = sqlx::query_scalar(
                        "SELECT id FROM persons
                          WHERE account_id = $1 AND (id = $2 OR $2 IS NULL AND relation = 'self')",
                    )
                    .bind(booking.account_id)
                    .bind(booking.person_id)
                    .fetch_optional(&self.pool)
                    .await?;
                    if owned.is_none() {
                        return Err(BookError::NotYourPerson);
                    }
                    if block_checked {
                        return Err(BookError::SlotFull);
                    }
                    let mut conn = self.pool.acquire().await?;
                    let history =
                        history_in(&mut conn, booking.account_id, since, policy, now).await?;
                    if let Some(until) = policy.blocked_until(&history.no_shows, now) {
                        return Err(BookError::Blocked { until });
                    }
                    block_checked = true;
                }
                Err(e) if violates(&e, PIN_UNIQUE) => {
                    tracing::debug!(draws, "PIN taken concurrently; drawing another");
                }
                // A batch of other bookings (batch.rs) holds several slot rows; waiting on
                // each other, one of the two is cancelled by PostgreSQL. Nothing was written.
                Err(e) if deadlocked(&e) && deadlocks < 3 => {
                    deadlocks += 1;
                    tracing::debug!(deadlocks, "booking deadlocked with a batch; trying again");
                }
                Err(e) if violates(&e, IDEMPOTENCY_UNIQUE) => look_up_key = true,
                Err(e) if violates(&e, ONE_ACTIVE_UNIQUE) => {
                    // A concurrent retry with the same key may have booked it: look once.
                    if booking.idempotency_key.is_some() && !key_rechecked {
                        key_rechecked = true;
                        look_up_key = true;
                        continue;
                    }
                    // A `booked` appointment past its check-in window is a no-show already
                    // (domain.md §2): write it, then the same type can be booked again.
                    if no_shows_written {
                        return Err(BookError::AlreadyBooked);
                    }
                    let mut conn = self.pool.acquire().await?;
                    if materialise_no_shows(&mut conn, Some(booking.account_id), policy, now)
                        .await?
                        == 0
                    {
                        return Err(BookError::AlreadyBooked);
                    }
                    no_shows_written = true;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    async fn cancel(
        &self,
        account: AccountId,
        appointment: AppointmentId,
        policy: &BookingPolicy,
        job: JobFor<'_, Appointment>,
        now: Timestamp,
    ) -> Result<Appointment, CancelError> {
        let mut tx = self.pool.begin().await?;
        // Two cancellations of one account at once cannot both be the 10th: the second waits
        // here until the first has committed, and then counts it.
        lock_account(&mut tx, account).await?;
        materialise_no_shows(&mut tx, Some(account), policy, now).await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = $1 AND account_id = $2
                FOR UPDATE"
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
        let history =
            history_in(&mut tx, account, history_window(policy, now), policy, now).await?;
        policy
            .check_cancel(current.start, &history.cancellations, now)
            .map_err(CancelError::Refused)?;
        // The row is locked and was `booked` when read, so it is there and only the id is
        // asked for: with `AND status = 'booked'` here, a planner without statistics read it
        // through the partial index of booked appointments, all of them, not by primary key.
        let row = sqlx::query(AssertSqlSafe(format!(
            "UPDATE appointments
                SET status = 'cancelled', status_changed_at = $1, cancelled_by_client = TRUE,
                    sequence = sequence + 1
              WHERE id = $2
              RETURNING {APPOINTMENT_COLUMNS}, slot_id"
        )))
        .bind(secs(now))
        .bind(appointment)
        .fetch_one(&mut *tx)
        .await?;
        let cancelled = appointment_from(&row)?;
        let slot: i64 = row.try_get("slot_id")?;
        sqlx::query("UPDATE slots SET booked = booked - 1 WHERE id = $1")
            .bind(slot)
            .execute(&mut *tx)
            .await?;
        insert_job(&mut tx, &job(&cancelled), now).await?;
        tx.commit().await?;
        Ok(cancelled)
    }

    async fn appointment(&self, id: AppointmentId) -> Result<Option<Appointment>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(appointment_from).transpose()
    }

    async fn appointments(&self, account: AccountId) -> Result<Vec<Appointment>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE account_id = $1
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
              WHERE office_id = $1 AND visit_type_id = $2 AND start_at >= $3 AND start_at < $4
              ORDER BY start_at",
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
                    booked: count_from(r.try_get("booked")?),
                    capacity: count_from(r.try_get("capacity")?),
                })
            })
            .collect()
    }

    async fn sweep_no_shows(
        &self,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<u64, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(materialise_no_shows(&mut conn, None, policy, now).await?)
    }

    async fn record_rate_event(&self, bucket: &str, now: Timestamp) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
            .bind(bucket)
            .bind(secs(now))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn rate_events(
        &self,
        bucket: &str,
        since: Timestamp,
    ) -> Result<(u32, Option<Timestamp>), StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM rate_events
              WHERE bucket = $1 AND at > $2",
        )
        .bind(bucket)
        .bind(secs(since))
        .fetch_one(&self.pool)
        .await?;
        let n: i64 = row.try_get("n")?;
        let oldest: Option<i64> = row.try_get("oldest")?;
        Ok((count_from(n), oldest.map(ts).transpose()?))
    }

    // ---- the office floor -------------------------------------------------------------------

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
             VALUES ($1, $2, $3, $4, $5, $6)
             RETURNING id, office_id, kind, name, created_at, revoked_at",
        )
        .bind(office)
        .bind(kind.as_str())
        .bind(name)
        .bind(token_hash)
        .bind(by)
        .bind(secs(now))
        .fetch_one(&self.pool)
        .await?;
        device_from(&row)
    }

    async fn devices(&self, office: &str) -> Result<Vec<Device>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, office_id, kind, name, created_at, revoked_at FROM devices
              WHERE office_id = $1 ORDER BY revoked_at IS NOT NULL, id",
        )
        .bind(office)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(device_from).collect()
    }

    async fn device_by_token(&self, token_hash: &str) -> Result<Option<Device>, StoreError> {
        let row = sqlx::query(
            "SELECT id, office_id, kind, name, created_at, revoked_at FROM devices
              WHERE token_hash = $1 AND revoked_at IS NULL",
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
            "UPDATE devices SET revoked_at = $1
              WHERE id = $2 AND office_id = $3 AND revoked_at IS NULL",
        )
        .bind(secs(now))
        .bind(id)
        .bind(office)
        .execute(&self.pool)
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
              WHERE office_id = $1 AND local_date = $2 AND pin = $3 AND status <> 'cancelled'
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
        let mut tx = self.pool.begin().await?;
        lock_floor(&mut tx, &ticket.office_id).await?;
        // A second check-in with the same PIN waits for the first one's row lock and then
        // finds the status no longer `booked`. Locked by id first, then updated by id, so that
        // no condition on `status` can be planned as the cancellation's was without statistics
        // (a scan of every booked appointment; docs/benchmarks.md, change 8).
        let status: Option<String> =
            sqlx::query_scalar("SELECT status FROM appointments WHERE id = $1 FOR UPDATE")
                .bind(appointment)
                .fetch_optional(&mut *tx)
                .await?;
        if status.as_deref() != Some(AppointmentStatus::Booked.as_str()) {
            return Err(FloorError::AlreadyCheckedIn);
        }
        sqlx::query(
            "UPDATE appointments
                SET status = 'checked-in', status_changed_at = $1, sequence = sequence + 1
              WHERE id = $2",
        )
        .bind(secs(now))
        .bind(appointment)
        .execute(&mut *tx)
        .await?;
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
        let mut tx = self.pool.begin().await?;
        lock_floor(&mut tx, &ticket.office_id).await?;
        let created = insert_ticket(&mut tx, &ticket, None, now).await?;
        record_event(&mut tx, &created, "walk-in", None, actor, now).await?;
        let position = position_of(&mut tx, &created).await?;
        tx.commit().await?;
        Ok((created, position))
    }

    async fn queue(&self, office: &str, local_date: Date) -> Result<Vec<Ticket>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets
              WHERE office_id = $1 AND local_date = $2 AND status IN ('checked-in', 'called')
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
        let mut tx = self.pool.begin().await?;
        // A double click waits here and then returns the ticket the first click called; two
        // counters calling at once get the first and the second in line.
        lock_floor(&mut tx, office).await?;
        let current = sqlx::query(AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets
              WHERE office_id = $1 AND local_date = $2 AND counter = $3 AND status = 'called'"
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
            "UPDATE tickets SET status = 'called', counter = $1, called_at = COALESCE(called_at, $2)
              WHERE id = (SELECT id FROM tickets
                           WHERE office_id = $3 AND local_date = $4 AND status = 'checked-in'
                           ORDER BY rank, priority_at, id LIMIT 1
                           FOR UPDATE)
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
        let mut tx = self.pool.begin().await?;
        lock_floor(&mut tx, office).await?;
        let row = sqlx::query(AssertSqlSafe(format!(
            "SELECT {TICKET_COLUMNS} FROM tickets
              WHERE office_id = $1 AND local_date = $2 AND number = $3
              FOR UPDATE"
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
            "UPDATE tickets SET status = $1, counter = $2, finished_at = $3
              WHERE id = $4 AND status = $5
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
            Err(e) if violates(&e, ONE_CALLED_UNIQUE) => {
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
        let kinds: Vec<String> = kinds.iter().map(|k| (*k).to_owned()).collect();
        let rows = sqlx::query(
            "SELECT id, office_id, kind, ticket, counter, at FROM floor_events
              WHERE office_id = $1 AND id > $2 AND kind = ANY($3)
              ORDER BY id LIMIT $4",
        )
        .bind(office)
        .bind(after_id)
        .bind(kinds)
        .bind(i64::from(limit))
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
        let kinds: Vec<String> = kinds.iter().map(|k| (*k).to_owned()).collect();
        let rows = sqlx::query(
            "SELECT id, office_id, kind, ticket, counter, at FROM floor_events
              WHERE office_id = $1 AND local_date = $2 AND kind = ANY($3)
              ORDER BY id DESC LIMIT $4",
        )
        .bind(office)
        .bind(local_date.to_string())
        .bind(kinds)
        .bind(i64::from(limit))
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
              WHERE a.office_id = $1 AND a.local_date = $2 AND a.status <> 'cancelled'
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
        // AVG of BIGINT is NUMERIC in PostgreSQL; as DOUBLE PRECISION it decodes like SQLite's.
        let row = sqlx::query(
            "SELECT COUNT(*) AS checked_in,
                    COUNT(*) FILTER (WHERE status = 'checked-in') AS waiting,
                    COUNT(*) FILTER (WHERE status = 'called') AS called,
                    COUNT(*) FILTER (WHERE status = 'served') AS served,
                    AVG(called_at - checked_in_at)::DOUBLE PRECISION AS avg_wait,
                    AVG(CASE WHEN status = 'served' THEN finished_at - called_at END)
                        ::DOUBLE PRECISION AS avg_service
               FROM tickets WHERE office_id = $1 AND local_date = $2",
        )
        .bind(office)
        .bind(local_date.to_string())
        .fetch_one(&self.pool)
        .await?;
        let no_shows: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM appointments
              WHERE office_id = $1 AND local_date = $2
                AND (status = 'no-show' OR (status = 'booked' AND start_at + $3 <= $4))",
        )
        .bind(office)
        .bind(local_date.to_string())
        .bind(policy.checkin_closes_after.as_secs())
        .bind(secs(now))
        .fetch_one(&self.pool)
        .await?;
        let count = |name: &str| -> Result<u32, StoreError> {
            Ok(count_from(
                row.try_get::<Option<i64>, _>(name)?.unwrap_or(0),
            ))
        };
        Ok(FloorStats {
            checked_in: count("checked_in")?,
            waiting: count("waiting")?,
            called: count("called")?,
            served: count("served")?,
            no_shows: count_from(no_shows),
            average_wait_seconds: row
                .try_get::<Option<f64>, _>("avg_wait")?
                .map(|v| v.round() as i64),
            average_service_seconds: row
                .try_get::<Option<f64>, _>("avg_service")?
                .map(|v| v.round() as i64),
        })
    }

    async fn publish_floor_change(&self, office: &str) -> Result<(), StoreError> {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(FLOOR_CHANNEL)
            .bind(office)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn listen_floor_changes(
        &self,
        sender: tokio::sync::broadcast::Sender<String>,
    ) -> Result<(), StoreError> {
        let mut listener = sqlx::postgres::PgListener::connect_with(&self.pool).await?;
        listener.listen(FLOOR_CHANNEL).await?;
        tokio::spawn(async move {
            loop {
                // `recv` reconnects by itself after a lost connection; a display that missed a
                // notice still looks at the database every few seconds.
                match listener.recv().await {
                    Ok(notice) => {
                        let _ = sender.send(notice.payload().to_string());
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "floor LISTEN failed; retrying");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }

    async fn claim_jobs(
        &self,
        now: Timestamp,
        lease: SignedDuration,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError> {
        let until = now.checked_add(lease).unwrap_or(Timestamp::MAX);
        // SKIP LOCKED: a job another worker is claiming right now is passed over, not waited
        // for; one it has just claimed fails the re-check of `locked_until` on its new version.
        // MATERIALIZED: the locking SELECT runs exactly once.
        let rows = sqlx::query(
            "WITH due AS MATERIALIZED (
                 SELECT id FROM jobs
                  WHERE done_at IS NULL AND run_at <= $2
                    AND (locked_until IS NULL OR locked_until <= $2)
                  ORDER BY run_at, id
                  LIMIT $3
                  FOR UPDATE SKIP LOCKED)
             UPDATE jobs SET locked_until = $1, attempts = attempts + 1
               FROM due
              WHERE jobs.id = due.id
             RETURNING jobs.id, jobs.kind, jobs.payload, jobs.attempts",
        )
        .bind(secs(until))
        .bind(secs(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let payload: String = r.try_get("payload")?;
                Ok(Job {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    payload: serde_json::from_str(&payload)
                        .map_err(|e| StoreError::Corrupt(format!("job payload: {e}")))?,
                    attempts: count_from(r.try_get("attempts")?),
                })
            })
            .collect()
    }

    async fn finish_job(&self, id: i64, now: Timestamp) -> Result<(), StoreError> {
        // The payload may carry a one-time link for a mail: it is not kept once sent.
        sqlx::query(
            "UPDATE jobs SET done_at = $1, locked_until = NULL, payload = '{}' WHERE id = $2",
        )
        .bind(secs(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn finish_jobs(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE jobs SET done_at = $1, locked_until = NULL, payload = '{}' WHERE id = ANY($2)",
        )
        .bind(secs(now))
        .bind(ids)
        .execute(&self.pool)
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
                    "UPDATE jobs SET last_error = $1, run_at = $2, locked_until = NULL
                      WHERE id = $3",
                )
                .bind(error)
                .bind(secs(at))
                .bind(id)
                .execute(&self.pool)
                .await?;
            }
            None => {
                // Given up: done, with the error kept for the operator.
                sqlx::query(
                    "UPDATE jobs SET last_error = $1, done_at = run_at, locked_until = NULL
                      WHERE id = $2",
                )
                .bind(error)
                .bind(id)
                .execute(&self.pool)
                .await?;
            }
        }
        Ok(())
    }

    async fn pending_jobs(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NULL")
            .fetch_one(&self.pool)
            .await?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

// ---- the office floor: helpers ------------------------------------------------------------------

const TICKET_COLUMNS: &str = "id, office_id, local_date, number, appointment_id, visit_type_id, \
     language, status, counter, checked_in_at, called_at, finished_at";

/// Serialises the floor transactions of one office (check-in, walk-in, call, every clerk's
/// action), as `BEGIN IMMEDIATE` does on SQLite: "call next" never races a transfer to the
/// same counter, and floor events commit in id order, so a display that has seen event `n`
/// (the SSE id) can never later miss an event below `n`. Held until commit or rollback.
async fn lock_floor(conn: &mut PgConnection, office: &str) -> sqlx::Result<()> {
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
        .bind(format!("termin-floor:{office}"))
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes the next number of the group for the day and inserts the ticket.
async fn insert_ticket(
    conn: &mut PgConnection,
    ticket: &NewTicket,
    appointment: Option<AppointmentId>,
    now: Timestamp,
) -> Result<Ticket, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_numbers (office_id, local_date, grp, last) VALUES ($1, $2, $3, 1)
         ON CONFLICT (office_id, local_date, grp)
             DO UPDATE SET last = ticket_numbers.last + 1
         RETURNING last",
    )
    .bind(&ticket.office_id)
    .bind(ticket.local_date.to_string())
    .bind(ticket.group.to_string())
    .fetch_one(&mut *conn)
    .await?;
    let number = termin_domain::floor::ticket_number(ticket.group, count_from(n));
    let row = sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO tickets (office_id, local_date, number, appointment_id, visit_type_id,
                              language, status, rank, priority_at, checked_in_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'checked-in', $7, $8, $9)
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
async fn position_of(conn: &mut PgConnection, ticket: &Ticket) -> Result<u32, StoreError> {
    let ahead: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM tickets t, tickets me
          WHERE me.id = $1 AND t.office_id = me.office_id AND t.local_date = me.local_date
            AND t.status = 'checked-in' AND t.id <> me.id
            AND (t.rank < me.rank OR (t.rank = me.rank AND (t.priority_at < me.priority_at
                 OR (t.priority_at = me.priority_at AND t.id < me.id))))",
    )
    .bind(ticket.id)
    .fetch_one(conn)
    .await?;
    Ok(count_from(ahead).saturating_add(1))
}

/// The appointment behind a ticket follows it: called, served, no-show, back to waiting.
async fn mirror_appointment(
    conn: &mut PgConnection,
    ticket: &Ticket,
    now: Timestamp,
) -> Result<(), StoreError> {
    if let Some(id) = ticket.appointment_id {
        sqlx::query(
            "UPDATE appointments SET status = $1, status_changed_at = $2, sequence = sequence + 1
              WHERE id = $3 AND status <> $1",
        )
        .bind(ticket.status.as_str())
        .bind(secs(now))
        .bind(id)
        .execute(conn)
        .await?;
    }
    Ok(())
}

async fn record_event(
    conn: &mut PgConnection,
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
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
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
