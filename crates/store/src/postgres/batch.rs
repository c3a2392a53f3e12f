//! Bookings of one instance written together on PostgreSQL: one statement and one commit for
//! every booking that is waiting, as the SQLite writer does (docs/benchmarks.md).
//!
//! A booking's own statement (`PgStore::book`) costs PostgreSQL an executor start for five
//! `WITH` parts, a commit and a round trip; measured with pgbench on this machine, one
//! statement per booking gave about 2,800–3,400 bookings/s and 16 bookings per statement
//! about 4,900/s (docs/benchmarks.md). So the first attempt of every booking without an
//! `Idempotency-Key` is queued here. [`WORKERS`] tasks each take whatever is waiting (up to
//! [`MOST`]) and run it as one transaction:
//!
//! 1. one statement checks every row's person and no-show count (as the single statement
//!    does), takes the places (`ON CONFLICT … DO UPDATE … WHERE booked < capacity`, in slot
//!    order, so concurrent batches lock slot rows in the same order), inserts the
//!    appointments with `ON CONFLICT DO NOTHING` (a PIN or a second active appointment of the
//!    type taken meanwhile skips the row instead of failing the rest) and their mail jobs;
//! 2. a row that got a place but no appointment gives the place back, in the same
//!    transaction;
//! 3. `COMMIT`, then every booking that was written is answered.
//!
//! A row whose person and no-show count passed but whose slot gave no place is answered
//! [`Outcome::Full`], the answer the single statement would reach (without a second try).
//! Every other row — not the account's person, enough no-shows that the full rule must
//! decide, a skipped insert, a second booking of the same slot in the batch, or a batch that
//! failed before its commit (nothing of it was written) — is answered [`Outcome::Alone`]:
//! the caller goes on with its own statement and loop, which decides exactly as without the
//! batch. A failed `COMMIT` is answered as the error it was, as a single booking's would be.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use jiff::Timestamp;
use sqlx::{PgPool, Postgres, Row};
use tokio::sync::{Mutex, mpsc, oneshot};

use crate::rows::{self, Sql, appointment_columns};
use crate::rules::fewer_no_shows_than;
use crate::sql::secs;
use crate::{Appointment, NewBooking, NewJob, StoreError};

/// Batches in flight at once (each holds one pooled connection while it runs).
const WORKERS: usize = 3;
/// Bookings in one batch at most.
const MOST: usize = 64;

/// One booking's first attempt, as `PgStore::book` would make it.
pub(super) struct Attempt {
    pub booking: NewBooking,
    pub local_date: String,
    pub pin: String,
    /// The confirmation job with `PLACEHOLDER_ID` for the appointment's id.
    pub job: NewJob,
    pub now: Timestamp,
    pub since: Timestamp,
    pub closes: i64,
    pub no_show_limit: i64,
}

pub(super) enum Outcome {
    Booked(Appointment),
    /// The person and the no-show count passed; the slot had no place left.
    Full,
    /// Not written by the batch: the caller books on its own.
    Alone,
}

struct Queued {
    attempt: Attempt,
    reply: oneshot::Sender<Result<Outcome, StoreError>>,
}

#[derive(Default)]
pub(super) struct Batcher {
    queue: OnceLock<mpsc::UnboundedSender<Queued>>,
}

impl Batcher {
    /// Queues the attempt and waits for its batch. The workers start with the first attempt.
    pub async fn book(&self, pool: &PgPool, attempt: Attempt) -> Result<Outcome, StoreError> {
        let queue = self.queue.get_or_init(|| {
            let (sender, receiver) = mpsc::unbounded_channel();
            let receiver = Arc::new(Mutex::new(receiver));
            for _ in 0..WORKERS {
                tokio::spawn(work(pool.clone(), receiver.clone()));
            }
            sender
        });
        let (reply, answer) = oneshot::channel();
        if queue.send(Queued { attempt, reply }).is_err() {
            return Ok(Outcome::Alone);
        }
        // A worker that is gone (its runtime shut down) drops the sender: book alone.
        answer.await.unwrap_or(Ok(Outcome::Alone))
    }
}

/// Takes whatever is waiting and writes it, until every sender is gone.
async fn work(pool: PgPool, queue: Arc<Mutex<mpsc::UnboundedReceiver<Queued>>>) {
    loop {
        let mut batch = Vec::new();
        {
            let mut queue = queue.lock().await;
            match queue.recv().await {
                Some(first) => batch.push(first),
                None => return,
            }
            while batch.len() < MOST {
                match queue.try_recv() {
                    Ok(next) => batch.push(next),
                    Err(_) => break,
                }
            }
        }
        write(&pool, batch).await;
    }
}

type SlotKey = (String, String, i64);

fn slot_key(b: &NewBooking) -> SlotKey {
    (b.office_id.clone(), b.visit_type_id.clone(), secs(b.start))
}

async fn write(pool: &PgPool, batch: Vec<Queued>) {
    // One row per slot: a second booking of a slot in the same batch books alone.
    let mut slots = HashSet::new();
    let mut rows = Vec::with_capacity(batch.len());
    for queued in batch {
        if slots.insert(slot_key(&queued.attempt.booking)) {
            rows.push(queued);
        } else {
            let _ = queued.reply.send(Ok(Outcome::Alone));
        }
    }
    match written(pool, &rows).await {
        Ok(mut decided) => {
            for (n, queued) in rows.into_iter().enumerate() {
                let outcome = decided.remove(&n).unwrap_or(Outcome::Alone);
                let _ = queued.reply.send(Ok(outcome));
            }
        }
        Err(Failed::BeforeCommit(e)) => {
            tracing::debug!(error = %e, rows = rows.len(), "booking batch failed; booking alone");
            for queued in rows {
                let _ = queued.reply.send(Ok(Outcome::Alone));
            }
        }
        Err(Failed::AtCommit(e)) => {
            for queued in rows {
                let _ = queued.reply.send(Err(StoreError::Database(copy(&e))));
            }
        }
    }
}

enum Failed {
    /// Nothing was written.
    BeforeCommit(sqlx::Error),
    /// The outcome is unknown, as for any booking whose commit fails.
    AtCommit(sqlx::Error),
}

/// Every waiting booking in one statement (see the module's comment): `$1`… `$20` are arrays,
/// one element per booking.
const BATCH: &str = concat!(
    "WITH i AS (
           SELECT * FROM unnest($1::int8[], $2::int8[], $3::int8[], $4::text[], $5::text[],
                                $6::int8[], $7::int8[], $8::text[], $9::text[], $10::text[],
                                $11::int8[], $12::int8[], $13::int8[], $14::int8[], $15::int8[],
                                $16::text[], $17::text[], $18::int8[], $19::text[], $20::text[])
             AS i(n, account_id, person_id, office_id, visit_type_id, start_at, end_at,
                  local_date, pin, language, created_at, since, closes, no_show_limit, capacity,
                  job_kind, job_payload, job_run_at, job_dedupe_key, placeholder)),
         p AS (
           SELECT i.n, pe.id AS person_id FROM i
             -- CASE, not OR: an OR lets the planner scan all of persons_one_self per row.
             JOIN persons pe ON pe.account_id = i.account_id
                            AND CASE WHEN i.person_id IS NULL THEN pe.relation = 'self'
                                     ELSE pe.id = i.person_id END
            WHERE ",
    fewer_no_shows_than!(
        "i.account_id",
        "i.since",
        "i.created_at",
        "i.closes",
        "i.no_show_limit"
    ),
    "),
         s AS (
           INSERT INTO slots (office_id, visit_type_id, start_at, end_at, capacity, booked)
           SELECT i.office_id, i.visit_type_id, i.start_at, i.end_at, i.capacity, 1
             FROM i JOIN p USING (n)
            ORDER BY i.office_id, i.visit_type_id, i.start_at
           ON CONFLICT (office_id, visit_type_id, start_at)
             DO UPDATE SET booked = slots.booked + 1 WHERE slots.booked < slots.capacity
           RETURNING id, office_id, visit_type_id, start_at),
         a AS (
           INSERT INTO appointments (account_id, person_id, office_id, visit_type_id, slot_id,
               start_at, end_at, local_date, pin, status, language, created_at,
               status_changed_at)
           SELECT i.account_id, p.person_id, i.office_id, i.visit_type_id, s.id, i.start_at,
                  i.end_at, i.local_date, i.pin, 'booked', i.language, i.created_at,
                  i.created_at
             FROM i JOIN p USING (n)
             JOIN s ON (s.office_id, s.visit_type_id, s.start_at)
                     = (i.office_id, i.visit_type_id, i.start_at)
            ORDER BY i.n
           ON CONFLICT DO NOTHING
           RETURNING ",
    appointment_columns!(),
    "),
         j AS (
           INSERT INTO jobs (kind, payload, run_at, dedupe_key, created_at)
           SELECT i.job_kind, replace(i.job_payload, i.placeholder, a.id::text), i.job_run_at,
                  replace(i.job_dedupe_key, i.placeholder, a.id::text), i.created_at
             FROM a JOIN i ON (i.office_id, i.visit_type_id, i.start_at)
                            = (a.office_id, a.visit_type_id, a.start_at)
           ON CONFLICT (dedupe_key) DO NOTHING)
         SELECT i.n, p.n IS NOT NULL AS eligible, s.id AS granted_slot, a.*
           FROM i
           LEFT JOIN p ON p.n = i.n
           LEFT JOIN s ON (s.office_id, s.visit_type_id, s.start_at)
                        = (i.office_id, i.visit_type_id, i.start_at)
           LEFT JOIN a ON (a.office_id, a.visit_type_id, a.start_at)
                        = (i.office_id, i.visit_type_id, i.start_at)"
);

/// The rows the batch decided (written or full), by row number.
async fn written(pool: &PgPool, rows: &[Queued]) -> Result<HashMap<usize, Outcome>, Failed> {
    let mut tx = pool.begin().await.map_err(Failed::BeforeCommit)?;
    let a = |f: fn(&Attempt) -> i64| rows.iter().map(|q| f(&q.attempt)).collect::<Vec<i64>>();
    let t = |f: fn(&Attempt) -> String| rows.iter().map(|q| f(&q.attempt)).collect::<Vec<_>>();
    let result = sqlx::query(BATCH)
        .bind((0..rows.len() as i64).collect::<Vec<_>>())
        .bind(a(|x| x.booking.account_id))
        .bind(
            rows.iter()
                .map(|q| q.attempt.booking.person_id)
                .collect::<Vec<_>>(),
        )
        .bind(t(|x| x.booking.office_id.clone()))
        .bind(t(|x| x.booking.visit_type_id.clone()))
        .bind(a(|x| secs(x.booking.start)))
        .bind(a(|x| secs(x.booking.end)))
        .bind(t(|x| x.local_date.clone()))
        .bind(t(|x| x.pin.clone()))
        .bind(t(|x| x.booking.language.clone()))
        .bind(a(|x| secs(x.now)))
        .bind(a(|x| secs(x.since)))
        .bind(a(|x| x.closes))
        .bind(a(|x| x.no_show_limit))
        .bind(a(|x| i64::from(x.booking.capacity)))
        .bind(t(|x| x.job.kind.clone()))
        .bind(t(|x| x.job.payload.to_string()))
        .bind(a(|x| secs(x.job.run_at)))
        .bind(
            rows.iter()
                .map(|q| q.attempt.job.dedupe_key.clone())
                .collect::<Vec<_>>(),
        )
        .bind(t(|_| crate::PLACEHOLDER_ID.to_string()))
        .fetch_all(&mut *tx)
        .await
        .map_err(Failed::BeforeCommit)?;

    let mut decided = HashMap::new();
    let mut give_back = Vec::new();
    for row in &result {
        let read = || -> Result<_, sqlx::Error> {
            let n: i64 = row.try_get("n")?;
            let eligible: bool = row.try_get("eligible")?;
            let granted: Option<i64> = row.try_get("granted_slot")?;
            let appointment: Option<i64> = row.try_get("id")?;
            Ok((n as usize, eligible, granted, appointment))
        };
        let (n, eligible, granted, appointment) = read().map_err(Failed::BeforeCommit)?;
        match (eligible, granted, appointment) {
            (_, _, Some(_)) => {
                let appointment = rows::appointment(&Sql::<Postgres>(row)).map_err(|e| {
                    Failed::BeforeCommit(sqlx::Error::Protocol(format!("appointment row: {e}")))
                })?;
                decided.insert(n, Outcome::Booked(appointment));
            }
            // A place taken for an appointment that was not written goes back.
            (_, Some(slot), None) => give_back.push(slot),
            (true, None, None) => {
                decided.insert(n, Outcome::Full);
            }
            (false, None, None) => {}
        }
    }
    if !give_back.is_empty() {
        sqlx::query("UPDATE slots SET booked = booked - 1 WHERE id = ANY($1)")
            .bind(&give_back)
            .execute(&mut *tx)
            .await
            .map_err(Failed::BeforeCommit)?;
    }
    tx.commit().await.map_err(Failed::AtCommit)?;
    Ok(decided)
}

/// The same error for another waiting booking (sqlx errors are not `Clone`); what the server
/// tells from it — unreachable (503) or not — is kept.
fn copy(e: &sqlx::Error) -> sqlx::Error {
    match e {
        sqlx::Error::Io(io) => sqlx::Error::Io(std::io::Error::new(io.kind(), io.to_string())),
        sqlx::Error::PoolTimedOut => sqlx::Error::PoolTimedOut,
        sqlx::Error::PoolClosed => sqlx::Error::PoolClosed,
        other => sqlx::Error::Protocol(other.to_string()),
    }
}
