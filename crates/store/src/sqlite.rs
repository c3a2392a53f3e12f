//! The embedded SQLite backend: one file, WAL, durable commits, writes in `BEGIN IMMEDIATE`.
//!
//! The operations themselves are written once for both backends (`crate::ops`); this module
//! is what SQLite does its own way: one writer connection, bookings on their own thread.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use jiff::Timestamp;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool};
use termin_domain::BookingPolicy;

use crate::sql::{Backend, Pooled, Tx};
use crate::*;

mod booking;
mod dialect;
mod signed_in;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

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
}

impl Backend for SqliteStore {
    type Db = Sqlite;

    async fn read(&self) -> sqlx::Result<Pooled<Self>> {
        self.pool.acquire().await
    }

    async fn writer(&self) -> sqlx::Result<Pooled<Self>> {
        self.writer.acquire().await
    }

    /// Every write transaction: `BEGIN IMMEDIATE` takes the write lock up front, so a
    /// transaction that reads before it writes cannot fail on a stale snapshot, and writers
    /// are serialised by SQLite itself.
    async fn begin(&self) -> sqlx::Result<Tx<Self>> {
        self.writer.begin_with("BEGIN IMMEDIATE").await
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    fn signed_in(&self) -> &Arc<crate::signed_in::SignedIn> {
        &self.signed_in
    }

    fn follow_sign_ins(&self) {
        signed_in::start(&self.signed_in, &self.pool, &self.writer);
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

    /// One process serves every display: it tells its own directly (`AppState::floor_bus`).
    async fn publish_floor_change(&self, _office: &str) -> Result<(), StoreError> {
        Ok(())
    }

    async fn listen_floor_changes(
        &self,
        _sender: tokio::sync::broadcast::Sender<String>,
    ) -> Result<(), StoreError> {
        Ok(())
    }
}
