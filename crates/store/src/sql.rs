//! What the store's operations need of a database, so that each operation is written once.
//!
//! The operations (`accounts.rs`, `booking.rs`, `floor.rs`, `jobs.rs`) are async functions
//! generic over a [`Backend`], whose [`Dialect`] is sqlx's `Sqlite` or `Postgres`. They are
//! compiled once per backend (monomorphised: the same machine code a hand-written copy would
//! give) and call sqlx directly, with three small helpers that carry the trait bounds:
//!
//! * [`Statement::arg`] binds a parameter (sqlx's `bind`, for the value types both backends
//!   encode alike), and `.run` / `.one` / `.optional` / `.all` run it on a connection of the
//!   dialect (sqlx's `execute` / `fetch_one` / `fetch_optional` / `fetch_all`);
//! * [`Dialect::get`] (through [`Column`]) reads a column by name;
//! * [`Dialect::violates`] names a unique violation the caller must tell apart.
//!
//! SQL is written once where both dialects accept the same text: parameters are `$1, $2…`,
//! which PostgreSQL and sqlx's SQLite driver both read by number. Where they differ (row
//! locks, `SKIP LOCKED`, arrays and JSON, upsert details) the statement is an associated
//! constant of [`Dialect`], set in `sqlite/dialect.rs` and `postgres/dialect.rs` side by side
//! with the same name. The SQL forms of the booking rules are in `rules.rs`.

use std::future::Future;
use std::sync::Arc;

use jiff::Timestamp;
use sqlx::pool::PoolConnection;
use sqlx::query::Query;
use sqlx::{ColumnIndex, Database, Decode, Encode, Row, Transaction, Type};
use termin_domain::BookingPolicy;

use crate::rows::Sql;
use crate::signed_in::SignedIn;
use crate::{Appointment, BookError, BookingJob, NewBooking, StoreError};

/// A statement of dialect `D` with its parameters.
pub(crate) type Q<'q, D> = Query<'q, D, <D as Database>::Arguments>;

/// A statement whose text is known at compile time.
pub(crate) fn query<D: Database>(sql: &'static str) -> Q<'static, D> {
    sqlx::query(sql)
}

/// A value a statement takes as a parameter.
pub(crate) trait Param<T>: Database {
    fn bind<'q>(statement: Q<'q, Self>, value: T) -> Q<'q, Self>;
}

impl<D: Database, T> Param<T> for D
where
    T: for<'t> Encode<'t, D> + Type<D>,
{
    fn bind<'q>(statement: Q<'q, D>, value: T) -> Q<'q, D> {
        statement.bind(value)
    }
}

/// A value read from a column by its name.
pub(crate) trait Column<T>: Database {
    fn get(row: &Self::Row, column: &str) -> sqlx::Result<T>;
}

impl<D: Database, T> Column<T> for D
where
    T: for<'r> Decode<'r, D> + Type<D>,
    for<'a> &'a str: ColumnIndex<D::Row>,
{
    fn get(row: &D::Row, column: &str) -> sqlx::Result<T> {
        row.try_get(column)
    }
}

/// Runs a statement on a connection of this database.
pub(crate) trait Run: Database {
    fn execute<'c, 'q: 'c>(
        conn: &'c mut Self::Connection,
        statement: Q<'q, Self>,
    ) -> impl Future<Output = sqlx::Result<u64>> + Send + 'c;
    fn fetch_one<'c, 'q: 'c>(
        conn: &'c mut Self::Connection,
        statement: Q<'q, Self>,
    ) -> impl Future<Output = sqlx::Result<Self::Row>> + Send + 'c;
    fn fetch_optional<'c, 'q: 'c>(
        conn: &'c mut Self::Connection,
        statement: Q<'q, Self>,
    ) -> impl Future<Output = sqlx::Result<Option<Self::Row>>> + Send + 'c;
    fn fetch_all<'c, 'q: 'c>(
        conn: &'c mut Self::Connection,
        statement: Q<'q, Self>,
    ) -> impl Future<Output = sqlx::Result<Vec<Self::Row>>> + Send + 'c;
}

macro_rules! run_on {
    ($db:ty) => {
        impl Run for $db {
            async fn execute<'c, 'q: 'c>(
                conn: &'c mut <$db as Database>::Connection,
                statement: Q<'q, $db>,
            ) -> sqlx::Result<u64> {
                Ok(statement.execute(conn).await?.rows_affected())
            }
            async fn fetch_one<'c, 'q: 'c>(
                conn: &'c mut <$db as Database>::Connection,
                statement: Q<'q, $db>,
            ) -> sqlx::Result<<$db as Database>::Row> {
                statement.fetch_one(conn).await
            }
            async fn fetch_optional<'c, 'q: 'c>(
                conn: &'c mut <$db as Database>::Connection,
                statement: Q<'q, $db>,
            ) -> sqlx::Result<Option<<$db as Database>::Row>> {
                statement.fetch_optional(conn).await
            }
            async fn fetch_all<'c, 'q: 'c>(
                conn: &'c mut <$db as Database>::Connection,
                statement: Q<'q, $db>,
            ) -> sqlx::Result<Vec<<$db as Database>::Row>> {
                statement.fetch_all(conn).await
            }
        }
    };
}

run_on!(sqlx::Sqlite);
run_on!(sqlx::Postgres);

/// Unique constraints whose violation means something to the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unique {
    /// One account per e-mail, and per mailbox (`Email::identity`).
    Email,
    /// One called ticket per counter.
    OneCalledPerCounter,
    /// One active appointment per person and visit type.
    OneActivePerPersonType,
    /// One PIN per office and day among the active appointments.
    Pin,
    /// One open waitlist request per person and visit type.
    OneOpenRequest,
}

/// A database dialect: the value types both backends bind and read alike, and the statements
/// whose text differs.
pub(crate) trait Dialect:
    Run
    + Param<i64>
    + Param<bool>
    + Param<String>
    + for<'a> Param<&'a str>
    + Param<Option<i64>>
    + Param<Option<String>>
    + Column<i64>
    + Column<bool>
    + Column<String>
    + Column<Option<i64>>
    + Column<Option<String>>
    + Column<Option<f64>>
{
    /// Whether `e` violates `which`.
    fn violates(e: &sqlx::Error, which: Unique) -> bool;

    /// Locks the account's row until the transaction ends, so that one account's
    /// transactions (cancelling, deleting) run one by one. `$1` the account. `None` where the
    /// write transaction holds the whole database already (SQLite's `BEGIN IMMEDIATE`).
    const LOCK_ACCOUNT: Option<&'static str>;
    /// Serialises the floor transactions of one office until the transaction ends. `$1` the
    /// office. `None` as for [`Dialect::LOCK_ACCOUNT`].
    const LOCK_FLOOR: Option<&'static str>;
    /// Whether reads in a write transaction lock their rows (`FOR UPDATE`, see [`Locking`]).
    const LOCKS_ROWS: bool;
    /// Writes the no-shows that time has decided: `$1` the check-in window in seconds, `$2`
    /// now, `$3` one account or NULL for all (`rules::no_show_due!`).
    const MATERIALISE_NO_SHOWS: &'static str;
    /// Claims at most `$3` jobs due at `$2` until `$1`.
    const CLAIM_JOBS: &'static str;
    /// Marks the jobs of the JSON array `$2` done at `$1`.
    const FINISH_JOBS: &'static str;
}

/// A statement that reads rows it goes on to change, in both forms: PostgreSQL locks them
/// (`FOR UPDATE`) so that a concurrent transaction waits and then re-reads; SQLite's write
/// transaction (`BEGIN IMMEDIATE`) holds the whole database already and knows no `FOR UPDATE`.
pub(crate) struct Locking {
    pub unlocked: &'static str,
    pub locked: &'static str,
}

impl Locking {
    /// The form for dialect `D`.
    pub(crate) fn text<D: Dialect>(&self) -> &'static str {
        if D::LOCKS_ROWS {
            self.locked
        } else {
            self.unlocked
        }
    }
}

/// A [`Locking`] statement from its text before the lock clause and after it (`;` between).
macro_rules! locking {
    ($($before:expr),+ ; $($after:expr),*) => {
        crate::sql::Locking {
            unlocked: concat!($($before,)+ $($after),*),
            locked: concat!($($before,)+ " FOR UPDATE" $(, $after)*),
        }
    };
}

pub(crate) use locking;

/// A connection of the backend's dialect, from its pool.
pub(crate) type Pooled<B> = PoolConnection<<B as Backend>::Db>;
/// A write transaction of the backend's dialect.
pub(crate) type Tx<B> = Transaction<'static, <B as Backend>::Db>;

/// One of the two backends: how it hands out connections, and what it does its own way (the
/// booking path, sign-in notices, floor notices, migrations). Every operation of the `Store`
/// trait is written once against this (`ops.rs`).
pub(crate) trait Backend: Send + Sync + 'static {
    type Db: Dialect;

    /// A connection for reads.
    fn read(&self) -> impl Future<Output = sqlx::Result<Pooled<Self>>> + Send;
    /// A connection for a write of one statement (SQLite: the one writer connection).
    fn writer(&self) -> impl Future<Output = sqlx::Result<Pooled<Self>>> + Send;
    /// A write transaction (SQLite: `BEGIN IMMEDIATE` on the writer connection).
    fn begin(&self) -> impl Future<Output = sqlx::Result<Tx<Self>>> + Send;

    /// Applies pending migrations.
    fn migrate(&self) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// The tokens read lately (crate::signed_in).
    fn signed_in(&self) -> &Arc<SignedIn>;
    /// Starts following the database's reports of sign-in changes, on first use.
    fn follow_sign_ins(&self);

    /// Books one place, the backend's own way (SQLite: the writer thread's group commits;
    /// PostgreSQL: batches and one statement per try).
    fn book(
        &self,
        booking: NewBooking,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> impl Future<Output = Result<Appointment, BookError>> + Send;

    /// Tells every instance that an office's floor changed.
    fn publish_floor_change(
        &self,
        office: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Forwards other instances' floor changes into `sender`.
    fn listen_floor_changes(
        &self,
        sender: tokio::sync::broadcast::Sender<String>,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
}

/// Binding and running, as methods of the statement.
pub(crate) trait Statement<'q, D: Dialect>: Sized {
    /// Binds the next parameter (`$1`, `$2`, … in order).
    fn arg<T>(self, value: T) -> Self
    where
        D: Param<T>;
    /// Rows changed.
    fn run<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<u64>> + Send + 'c
    where
        'q: 'c;
    fn one<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<D::Row>> + Send + 'c
    where
        'q: 'c;
    fn optional<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<Option<D::Row>>> + Send + 'c
    where
        'q: 'c;
    fn all<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<Vec<D::Row>>> + Send + 'c
    where
        'q: 'c;
    /// Every row, each turned into a model by `map` (the mappings of `rows.rs`).
    fn all_as<'c, T, F>(
        self,
        conn: &'c mut D::Connection,
        map: F,
    ) -> impl Future<Output = Result<Vec<T>, StoreError>> + Send + 'c
    where
        'q: 'c,
        T: Send + 'c,
        F: Fn(&Sql<'_, D>) -> Result<T, StoreError> + Send + 'c,
    {
        let rows = self.all(conn);
        async move { rows.await?.iter().map(|row| map(&Sql::<D>(row))).collect() }
    }
    /// The row if there is one, turned into a model by `map`.
    fn optional_as<'c, T, F>(
        self,
        conn: &'c mut D::Connection,
        map: F,
    ) -> impl Future<Output = Result<Option<T>, StoreError>> + Send + 'c
    where
        'q: 'c,
        T: Send + 'c,
        F: Fn(&Sql<'_, D>) -> Result<T, StoreError> + Send + 'c,
    {
        let row = self.optional(conn);
        async move { row.await?.map(|row| map(&Sql::<D>(&row))).transpose() }
    }
}

impl<'q, D: Dialect> Statement<'q, D> for Q<'q, D> {
    fn arg<T>(self, value: T) -> Self
    where
        D: Param<T>,
    {
        D::bind(self, value)
    }
    fn run<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<u64>> + Send + 'c
    where
        'q: 'c,
    {
        D::execute(conn, self)
    }
    fn one<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<D::Row>> + Send + 'c
    where
        'q: 'c,
    {
        D::fetch_one(conn, self)
    }
    fn optional<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<Option<D::Row>>> + Send + 'c
    where
        'q: 'c,
    {
        D::fetch_optional(conn, self)
    }
    fn all<'c>(
        self,
        conn: &'c mut D::Connection,
    ) -> impl Future<Output = sqlx::Result<Vec<D::Row>>> + Send + 'c
    where
        'q: 'c,
    {
        D::fetch_all(conn, self)
    }
}

/// Runs a lock statement of the dialect ([`Dialect::LOCK_ACCOUNT`], [`Dialect::LOCK_FLOOR`]),
/// if it has one, with its one parameter.
pub(crate) async fn lock<D, T>(
    conn: &mut D::Connection,
    statement: Option<&'static str>,
    key: T,
) -> sqlx::Result<()>
where
    D: Dialect + Param<T>,
{
    if let Some(sql) = statement {
        query::<D>(sql).arg(key).run(conn).await?;
    }
    Ok(())
}

/// Instants are stored as UTC seconds.
pub(crate) fn secs(t: Timestamp) -> i64 {
    t.as_second()
}

/// A count read as `i64`, as `u32` (negative never happens; saturated, not wrapped).
pub(crate) fn count_from(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}
