//! Bookings on SQLite: one writer task, group commit.
//!
//! SQLite has one writer at a time, and a durable commit costs an `fsync`. One commit per
//! booking caps the store near the disk's commit rate however fast the rest is
//! (docs/benchmarks.md). So every booking goes to one task, which runs the bookings waiting in
//! its queue one after another in one `BEGIN IMMEDIATE … COMMIT` and answers each only after
//! the `COMMIT`: one `fsync` for the batch, and a booking is confirmed only once it is durable.
//!
//! Each booking in a batch is all or nothing on its own: its refusals (full, blocked, already
//! booked, not your person) are decided before it writes anything, or undo the one write it
//! made. An unexpected database error rolls the whole batch back, and then each of its
//! bookings runs again in a transaction of its own, so one bad booking fails alone.
//!
//! The writer thread runs the batch's statements itself, with rusqlite, on a connection of its
//! own that keeps its prepared statements. Through sqlx every statement was a round trip to the
//! connection's worker thread and every row one more wake-up, and the writer thread is the one
//! serial part of every booking (docs/benchmarks.md). It still takes its turn among writers:
//! for each batch it holds the writer pool's one connection (unused), so bookings and every
//! other write go one at a time, first come, first served, and never meet in SQLite's sleeping
//! busy handler.

use std::path::Path;

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, named_params, params};
use sqlx::{Sqlite, SqlitePool};
use termin_domain::BookingPolicy;
use tokio::sync::{mpsc, oneshot};

use super::{BUSY_TIMEOUT, CACHE_SIZE, MMAP_SIZE, WAL_AUTOCHECKPOINT};
use crate::ops::booking::{EARLIER_BOOKING, OWNED_PERSON, TAKEN_PINS, history_window, retried};
use crate::rows::{appointment as appointment_from, appointment_columns};
use crate::rules::{NO_SHOW_INSTANTS, fewer_no_shows_than};
use crate::sql::{Dialect, secs};
use crate::{
    Appointment, BookError, BookingJob, NewBooking, PIN_DRAWS, PLACEHOLDER_ID, StoreError,
    free_pin, model::ts, placeholder_job, random_pin,
};

/// The most bookings one commit carries. Larger batches add latency for the first booking in
/// them and gain little: at 64, the commit is already a small share of the batch's time.
const MAX_BATCH: usize = 64;
/// Bookings waiting for the writer beyond this wait in their own task (back-pressure).
const QUEUE: usize = 1024;

pub(super) struct Call {
    booking: NewBooking,
    policy: BookingPolicy,
    job: BookingJob,
    now: Timestamp,
    /// The first try's PIN and job, drawn and composed by the caller's task, so the writer's
    /// serial work is only SQL. A PIN clash draws and composes again on the writer.
    draft: Draft,
    reply: oneshot::Sender<Result<Appointment, BookError>>,
}

/// A PIN and the job that names it, ready to bind.
struct Draft {
    pin: String,
    kind: String,
    payload: String,
    run_at: i64,
    dedupe_key: Option<String>,
}

impl Draft {
    fn new(
        job: &BookingJob,
        booking: &NewBooking,
        pin: String,
        now: Timestamp,
    ) -> Result<Draft, StoreError> {
        let template = placeholder_job(job, booking, &pin, now)?;
        Ok(Draft {
            pin,
            kind: template.kind,
            payload: template.payload.to_string(),
            run_at: secs(template.run_at),
            dedupe_key: template.dedupe_key,
        })
    }
}

/// The queue into the writer task; the task ends when the last store clone is dropped.
#[derive(Clone)]
pub(super) struct Booker(mpsc::Sender<Call>);

impl Booker {
    /// Starts the writer on a thread of its own: on the server's runtime it would wait behind
    /// every HTTP task at each of its awaits, and everything it does is on the critical path
    /// of every booking (measured: 156 µs per booking there, most of it queueing).
    pub(super) fn start(turn: SqlitePool, own: Option<Connection>) -> Result<Booker, StoreError> {
        let writer = match own {
            Some(db) => Writer::Own { db, turn },
            None => Writer::Borrowed(turn),
        };
        let (sender, receiver) = mpsc::channel(QUEUE);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| StoreError::Corrupt(format!("booking writer runtime: {e}")))?;
        std::thread::Builder::new()
            .name("termin-booker".into())
            .spawn(move || runtime.block_on(run(writer, receiver)))
            .map_err(|e| StoreError::Corrupt(format!("booking writer thread: {e}")))?;
        Ok(Booker(sender))
    }

    pub(super) async fn book(
        &self,
        booking: NewBooking,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, BookError> {
        let (reply, answer) = oneshot::channel();
        let draft = Draft::new(&job, &booking, random_pin(), now)?;
        let call = Call {
            booking,
            policy: policy.clone(),
            job,
            now,
            draft,
            reply,
        };
        self.0.send(call).await.map_err(|_| writer_gone())?;
        answer.await.map_err(|_| writer_gone())?
    }
}

fn writer_gone() -> BookError {
    BookError::Store(StoreError::Corrupt(
        "the SQLite booking writer has stopped".into(),
    ))
}

async fn run(mut writer: Writer, mut receiver: mpsc::Receiver<Call>) {
    let mut calls = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut calls, MAX_BATCH).await > 0 {
        match writer.run(|db| commit_batch(db, &calls)).await {
            Ok(answers) => {
                for (call, answer) in calls.drain(..).zip(answers) {
                    let _ = call.reply.send(answer);
                }
            }
            Err(e) if calls.len() == 1 => {
                if let Some(call) = calls.pop() {
                    let _ = call.reply.send(Err(BookError::Store(e)));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, bookings = calls.len(), "booking batch rolled back; each booking runs alone");
                for call in calls.drain(..) {
                    let alone = std::slice::from_ref(&call);
                    let answer = match writer.run(|db| commit_batch(db, alone)).await {
                        Ok(mut answers) => answers.pop().unwrap_or_else(|| Err(writer_gone())),
                        Err(e) => Err(BookError::Store(e)),
                    };
                    let _ = call.reply.send(answer);
                }
            }
        }
    }
}

/// The connection the writer's statements run on.
enum Writer {
    /// A database file: the writer's own connection, and the writer pool whose one connection
    /// is the turn to write.
    Own { db: Connection, turn: SqlitePool },
    /// An in-memory database, which is one connection in all: the pool's, borrowed from sqlx
    /// for each batch (its statements are prepared again each time).
    Borrowed(SqlitePool),
}

impl Writer {
    async fn run<T>(
        &mut self,
        work: impl FnOnce(&mut Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match self {
            Writer::Own { db, turn } => {
                let _turn = turn.acquire().await?;
                work(db)
            }
            Writer::Borrowed(pool) => {
                let mut pooled = pool.acquire().await?;
                let mut handle = pooled.lock_handle().await?;
                // SAFETY: `handle` keeps sqlx's worker thread away from the connection until
                // it is dropped, and `db` is dropped before it (declared after it): `db`
                // finalises the statements it prepared and does not close the connection
                // (`from_handle`), and a transaction it opened ends with it (rusqlite's
                // `Transaction` rolls back on drop). The bundled SQLite is built thread-safe,
                // so this thread may use the connection.
                let mut db = unsafe { Connection::from_handle(handle.as_raw_handle().as_ptr()) }?;
                work(&mut db)
            }
        }
    }
}

/// Opens the writer's own connection to the database file, set up as sqlx sets up its own
/// (sqlite.rs): WAL, durable commits, foreign keys, the same waits and caches.
pub(super) fn open_writer(path: &Path) -> Result<Connection, StoreError> {
    let db = Connection::open(path)?;
    db.busy_timeout(BUSY_TIMEOUT)?;
    db.execute_batch(&format!(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA cache_size = {CACHE_SIZE};
         PRAGMA mmap_size = {MMAP_SIZE};
         PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT};"
    ))?;
    // Room for every statement of a booking, prepared once for the connection's life.
    db.set_prepared_statement_cache_capacity(32);
    Ok(db)
}

/// Runs `calls` in one transaction; every answer is valid only because the commit succeeded.
fn commit_batch(
    db: &mut Connection,
    calls: &[Call],
) -> Result<Vec<Result<Appointment, BookError>>, StoreError> {
    let tx = db.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut answers = Vec::with_capacity(calls.len());
    for call in calls {
        match book_in(&tx, call) {
            // The connection may hold half of this booking: drop the transaction (rollback).
            Err(BookError::Store(e)) => return Err(e),
            answer => answers.push(answer),
        }
    }
    tx.commit()?;
    Ok(answers)
}

/// Takes a place in the slot (creating its row on the first booking) when the person is the
/// account's and a quick bound of the no-show rule passes (fewer no-shows in the whole
/// history window than the limit), or when the full rule has already been checked: one row
/// changed means one place taken. The capacity rule is the conditional upsert.
const TAKE_PLACE: &str = concat!(
    "INSERT INTO slots (office_id, visit_type_id, start_at, end_at, capacity, booked)
     SELECT :office, :visit_type, :start, :end, :capacity, 1
      WHERE EXISTS (SELECT 1 FROM persons p
                     WHERE p.account_id = :account
                       AND (p.id = :person OR :person IS NULL AND p.relation = 'self'))
        AND (:block_checked OR ",
    fewer_no_shows_than!(":account", ":since", ":now", ":closes", ":no_show_limit"),
    ")
     ON CONFLICT (office_id, visit_type_id, start_at)
       DO UPDATE SET booked = booked + 1 WHERE booked < capacity"
);

/// Gives back the place [`TAKE_PLACE`] took, when the appointment could not be written.
const GIVE_BACK: &str = "UPDATE slots SET booked = booked - 1
      WHERE office_id = :office AND visit_type_id = :visit_type AND start_at = :start AND booked > 0";

/// The appointment in the place just taken.
const INSERT_APPOINTMENT: &str = concat!(
    "INSERT INTO appointments (account_id, person_id, office_id, visit_type_id, slot_id,
         start_at, end_at, local_date, pin, status, language, created_at, status_changed_at)
     SELECT :account, p.id, :office, :visit_type, s.id, :start, :end, :local_date, :pin,
            'booked', :language, :now, :now
       FROM persons p, slots s
      WHERE p.account_id = :account AND (p.id = :person OR :person IS NULL AND p.relation = 'self')
        AND s.office_id = :office AND s.visit_type_id = :visit_type AND s.start_at = :start
     RETURNING ",
    appointment_columns!()
);

/// The confirmation job, its placeholder replaced by the appointment's id.
const INSERT_JOB: &str = "INSERT INTO jobs (kind, payload, run_at, dedupe_key, created_at)
     VALUES (:kind, replace(:payload, :placeholder, :id), :run_at,
             replace(:dedupe_key, :placeholder, :id), :now)
     ON CONFLICT (dedupe_key) DO NOTHING";

/// One booking inside the writer's transaction. Every refusal leaves the transaction as it
/// found it (apart from no-shows that time had already decided, which are true anyway).
fn book_in(db: &Connection, call: &Call) -> Result<Appointment, BookError> {
    let Call {
        booking,
        policy,
        job,
        now,
        draft,
        ..
    } = call;
    let (policy, now) = (policy, *now);
    // A retry of a booking already made with this key answers with that booking.
    if let Some(key) = &booking.idempotency_key {
        let earlier = db
            .prepare_cached(EARLIER_BOOKING)?
            .query_row(params![booking.account_id, key], |row| {
                Ok(appointment_from(row))
            })
            .optional()?
            .transpose()?;
        if let Some(earlier) = earlier {
            return retried(earlier, booking);
        }
    }
    if booking.capacity == 0 {
        return Err(BookError::SlotFull);
    }
    let local_date = booking.local_date.to_string();
    let since = history_window(policy, now);
    let closes = policy.checkin_closes_after.as_secs();
    let (start, end, at) = (secs(booking.start), secs(booking.end), secs(now));
    let mut block_checked = false;
    let mut no_shows_written = false;
    let mut draws = 0;
    let mut redrawn: Option<Draft> = None;
    loop {
        let draft = redrawn.as_ref().unwrap_or(draft);
        let took = db.prepare_cached(TAKE_PLACE)?.execute(named_params! {
            ":office": booking.office_id,
            ":visit_type": booking.visit_type_id,
            ":start": start,
            ":end": end,
            ":capacity": booking.capacity,
            ":account": booking.account_id,
            ":person": booking.person_id,
            ":block_checked": block_checked,
            ":since": secs(since),
            ":closes": closes,
            ":now": at,
            ":no_show_limit": policy.no_show_limit,
        })? == 1;
        if !took {
            // No place was taken: not the account's person, enough no-shows that the full
            // rule must decide, or the slot is full.
            let owned: Option<i64> = db
                .prepare_cached(OWNED_PERSON)?
                .query_row(params![booking.account_id, booking.person_id], |row| {
                    row.get(0)
                })
                .optional()?;
            if owned.is_none() {
                return Err(BookError::NotYourPerson);
            }
            if block_checked {
                return Err(BookError::SlotFull);
            }
            // The statement's parameters are named `$1`…`$4` (shared with sqlx): bound by name.
            let no_shows = db
                .prepare_cached(NO_SHOW_INSTANTS)?
                .query_map(
                    named_params! {
                        "$1": booking.account_id,
                        "$2": closes,
                        "$3": secs(since),
                        "$4": at,
                    },
                    |row| row.get::<_, i64>(0),
                )?
                .map(|at| ts(at?))
                .collect::<Result<Vec<_>, StoreError>>()?;
            if let Some(until) = policy.blocked_until(&no_shows, now) {
                return Err(BookError::Blocked { until });
            }
            block_checked = true;
            continue;
        }
        let inserted = db.prepare_cached(INSERT_APPOINTMENT)?.query_row(
            named_params! {
                ":account": booking.account_id,
                ":person": booking.person_id,
                ":office": booking.office_id,
                ":visit_type": booking.visit_type_id,
                ":start": start,
                ":end": end,
                ":local_date": local_date,
                ":pin": draft.pin,
                ":language": booking.language,
                ":now": at,
            },
            |row| Ok(appointment_from(row)),
        );
        let e =
            match inserted {
                Ok(appointment) => {
                    let appointment = appointment?;
                    db.prepare_cached(INSERT_JOB)?.execute(named_params! {
                        ":kind": draft.kind,
                        ":payload": draft.payload,
                        ":placeholder": PLACEHOLDER_ID.to_string(),
                        ":id": appointment.id,
                        ":run_at": draft.run_at,
                        ":dedupe_key": draft.dedupe_key,
                        ":now": at,
                    })?;
                    if let Some(key) = &booking.idempotency_key {
                        db.prepare_cached(
                        "INSERT INTO idempotency_keys (account_id, key, appointment_id, created_at)
                         VALUES (?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![booking.account_id, key, appointment.id, at])?;
                    }
                    return Ok(appointment);
                }
                Err(e) => e,
            };
        // The appointment's insert failed after the slot gave its place: give it back before
        // deciding (the failed statement itself left nothing).
        db.prepare_cached(GIVE_BACK)?.execute(named_params! {
            ":office": booking.office_id,
            ":visit_type": booking.visit_type_id,
            ":start": start,
        })?;
        if is_unique_violation(&e, "appointments.pin") {
            // Somebody holds this PIN at this office that day: draw another, and after a few
            // clashes pick among the free ones.
            draws += 1;
            let pin = if draws < PIN_DRAWS {
                random_pin()
            } else {
                let taken = db
                    .prepare_cached(TAKEN_PINS)?
                    .query_map(params![booking.office_id, local_date], |row| row.get(0))?
                    .collect::<Result<Vec<String>, _>>()?;
                free_pin(&taken).ok_or(BookError::SlotFull)?
            };
            redrawn = Some(Draft::new(job, booking, pin, now)?);
            continue;
        }
        if !is_unique_violation(&e, "appointments.visit_type_id") {
            return Err(e.into());
        }
        // A `booked` appointment past its check-in window is a no-show already (domain.md
        // §2): write it, then the same type can be booked again.
        if no_shows_written
            || db
                .prepare_cached(<Sqlite as Dialect>::MATERIALISE_NO_SHOWS)?
                .execute(named_params! {
                    "$1": closes,
                    "$2": at,
                    "$3": booking.account_id,
                })?
                == 0
        {
            return Err(BookError::AlreadyBooked);
        }
        no_shows_written = true;
    }
}

fn is_unique_violation(e: &rusqlite::Error, index: &str) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(failure, Some(message))
            if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                && message.contains(index)
    )
}
