//! The PostgreSQL backend: several instances of `termin` share one database.
//!
//! Transactions run at PostgreSQL's default READ COMMITTED. Every race is settled by the
//! database, never by "read, then write" in the application:
//!
//! * capacity: `UPDATE slots SET booked = booked + 1 WHERE … AND booked < capacity` — a
//!   concurrent updater waits for the row and re-checks the condition on its new version;
//! * per-account rules: a booking's no-show count is part of the statement that takes the
//!   place (`booking.rs`, `batch.rs`); `cancel` locks the account row `FOR UPDATE` first
//!   (`Dialect::LOCK_ACCOUNT`), so one account's cancellations are counted one by one;
//! * PINs: a unique violation of the partial index (somebody committed the same PIN
//!   meanwhile) aborts the booking's one statement, and the booking draws another PIN;
//! * jobs: claimed with `FOR UPDATE SKIP LOCKED`, so two workers never get the same job;
//! * the office floor: every floor transaction of one office holds a transaction-level
//!   advisory lock (`Dialect::LOCK_FLOOR`), like `BEGIN IMMEDIATE` on SQLite, so "call next"
//!   cannot double-call and floor event ids (the display's SSE ids) commit in order;
//! * migrations: sqlx's PostgreSQL migrator holds `pg_advisory_lock` (keyed by the database
//!   name) while it applies them, so instances starting together apply each migration once.
//!
//! The operations themselves are written once for both backends (`crate::ops`); this module
//! is what PostgreSQL does its own way.

mod batch;
mod booking;
mod dialect;
mod signed_in;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgPool, Postgres};
use termin_domain::BookingPolicy;

use crate::sql::{Backend, Pooled, Tx};
use crate::*;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The NOTIFY channel on which instances tell each other that an office's floor changed.
const FLOOR_CHANNEL: &str = "termin_floor";

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

impl Backend for PgStore {
    type Db = Postgres;

    async fn read(&self) -> sqlx::Result<Pooled<Self>> {
        self.pool.acquire().await
    }

    async fn writer(&self) -> sqlx::Result<Pooled<Self>> {
        self.pool.acquire().await
    }

    async fn begin(&self) -> sqlx::Result<Tx<Self>> {
        self.pool.begin().await
    }

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

    fn signed_in(&self) -> &Arc<crate::signed_in::SignedIn> {
        &self.signed_in
    }

    fn follow_sign_ins(&self) {
        signed_in::start(&self.signed_in, &self.pool);
    }

    async fn book(
        &self,
        booking: NewBooking,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, BookError> {
        booking::book(self, booking, policy, job, now).await
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
}
