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

use jiff::Timestamp;
use sqlx::{AssertSqlSafe, SqliteConnection, SqlitePool};
use termin_domain::BookingPolicy;
use tokio::sync::{mpsc, oneshot};

use super::{
    ACTIVE, APPOINTMENT_COLUMNS, appointment_from, history_in, history_window, is_unique_violation,
    materialise_no_shows, secs,
};
use crate::{
    Appointment, BookError, BookingJob, NewBooking, PIN_DRAWS, PLACEHOLDER_ID, StoreError,
    free_pin, placeholder_job, random_pin,
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
    pub(super) fn start(writer: SqlitePool) -> Result<Booker, StoreError> {
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

async fn run(writer: SqlitePool, mut receiver: mpsc::Receiver<Call>) {
    let mut calls = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut calls, MAX_BATCH).await > 0 {
        match commit_batch(&writer, &calls).await {
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
                    let answer = match commit_batch(&writer, std::slice::from_ref(&call)).await {
                        Ok(mut answers) => answers.pop().unwrap_or_else(|| Err(writer_gone())),
                        Err(e) => Err(BookError::Store(e)),
                    };
                    let _ = call.reply.send(answer);
                }
            }
        }
    }
}

/// Runs `calls` in one transaction; every answer is valid only because the commit succeeded.
async fn commit_batch(
    writer: &SqlitePool,
    calls: &[Call],
) -> Result<Vec<Result<Appointment, BookError>>, StoreError> {
    let mut tx = writer.begin_with("BEGIN IMMEDIATE").await?;
    let mut answers = Vec::with_capacity(calls.len());
    for call in calls {
        match book_in(&mut tx, call).await {
            // The connection may hold half of this booking: drop the transaction (rollback).
            Err(BookError::Store(e)) => return Err(e),
            answer => answers.push(answer),
        }
    }
    tx.commit().await?;
    Ok(answers)
}

/// One booking inside the writer's transaction. Every refusal leaves the transaction as it
/// found it (apart from no-shows that time had already decided, which are true anyway).
async fn book_in(conn: &mut SqliteConnection, call: &Call) -> Result<Appointment, BookError> {
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
        let earlier = sqlx::query(AssertSqlSafe(format!(
            "SELECT {APPOINTMENT_COLUMNS} FROM appointments
              WHERE id = (SELECT appointment_id FROM idempotency_keys WHERE account_id = ? AND key = ?)"
        )))
        .bind(booking.account_id)
        .bind(key)
        .fetch_optional(&mut *conn)
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
    }
    if booking.capacity == 0 {
        return Err(BookError::SlotFull);
    }
    let local_date = booking.local_date.to_string();
    let since = history_window(policy, now);
    let mut block_checked = false;
    let mut no_shows_written = false;
    let mut draws = 0;
    let mut redrawn: Option<Draft> = None;
    loop {
        let draft = match &redrawn {
            None => draft,
            Some(again) => again,
        };
        let inserted = sqlx::query(AssertSqlSafe(format!(
            // The person's ownership and a quick bound of the no-show rule decide whether the
            // slot gives a place at all; the capacity rule is the conditional upsert; the
            // appointment and its job follow only when the statement before changed a row.
            "INSERT INTO slots (office_id, visit_type_id, start_at, end_at, capacity, booked)
             SELECT ?3, ?4, ?5, ?6, ?15, 1
              WHERE EXISTS (SELECT 1 FROM persons p
                             WHERE p.account_id = ?1
                               AND (p.id = ?2 OR ?2 IS NULL AND p.relation = 'self'))
                AND (?11 OR (SELECT count(*) FROM appointments n
                              WHERE n.account_id = ?1
                                AND (n.status = 'no-show' AND n.status_changed_at > ?12
                                     OR n.status = 'booked' AND n.start_at > ?12 - ?13
                                        AND n.start_at <= ?10 - ?13)) < ?14)
             ON CONFLICT (office_id, visit_type_id, start_at)
               DO UPDATE SET booked = booked + 1 WHERE booked < capacity;
             INSERT INTO appointments (account_id, person_id, office_id, visit_type_id, slot_id,
                 start_at, end_at, local_date, pin, status, language, created_at, status_changed_at)
             SELECT ?1, p.id, ?3, ?4, s.id, ?5, ?6, ?7, ?8, 'booked', ?9, ?10, ?10
               FROM persons p, slots s
              WHERE changes() = 1
                AND p.account_id = ?1 AND (p.id = ?2 OR ?2 IS NULL AND p.relation = 'self')
                AND s.office_id = ?3 AND s.visit_type_id = ?4 AND s.start_at = ?5
             RETURNING {APPOINTMENT_COLUMNS};
             INSERT INTO jobs (kind, payload, run_at, dedupe_key, created_at)
             SELECT ?16, replace(?17, ?18, last_insert_rowid()), ?19,
                    replace(?20, ?18, last_insert_rowid()), ?10
              WHERE changes() = 1
             ON CONFLICT (dedupe_key) DO NOTHING;"
        )))
        .bind(booking.account_id)
        .bind(booking.person_id)
        .bind(&booking.office_id)
        .bind(&booking.visit_type_id)
        .bind(secs(booking.start))
        .bind(secs(booking.end))
        .bind(&local_date)
        .bind(&draft.pin)
        .bind(&booking.language)
        .bind(secs(now))
        .bind(block_checked)
        .bind(secs(since))
        .bind(policy.checkin_closes_after.as_secs())
        .bind(policy.no_show_limit)
        .bind(booking.capacity)
        .bind(&draft.kind)
        .bind(&draft.payload)
        .bind(PLACEHOLDER_ID.to_string())
        .bind(draft.run_at)
        .bind(&draft.dedupe_key)
        // All of it: the job's statement runs after the appointment's row comes back.
        .fetch_all(&mut *conn)
        .await;
        match inserted {
            Ok(rows) if !rows.is_empty() => {
                let appointment = appointment_from(&rows[0])?;
                if let Some(key) = &booking.idempotency_key {
                    sqlx::query(
                        "INSERT INTO idempotency_keys (account_id, key, appointment_id, created_at)
                         VALUES (?, ?, ?, ?)",
                    )
                    .bind(booking.account_id)
                    .bind(key)
                    .bind(appointment.id)
                    .bind(secs(now))
                    .execute(&mut *conn)
                    .await?;
                }
                return Ok(appointment);
            }
            Ok(_) => {
                // No place was taken: not the account's person, enough no-shows that the
                // full rule must decide, or the slot is full.
                let owned: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM persons
                      WHERE account_id = ?1 AND (id = ?2 OR ?2 IS NULL AND relation = 'self')",
                )
                .bind(booking.account_id)
                .bind(booking.person_id)
                .fetch_optional(&mut *conn)
                .await?;
                if owned.is_none() {
                    return Err(BookError::NotYourPerson);
                }
                if block_checked {
                    return Err(BookError::SlotFull);
                }
                let history = history_in(conn, booking.account_id, since, policy, now).await?;
                if let Some(until) = policy.blocked_until(&history.no_shows, now) {
                    return Err(BookError::Blocked { until });
                }
                block_checked = true;
            }
            Err(e) => {
                // The appointment's insert failed after the slot gave its place: give it back
                // before deciding (the failed statement itself left nothing).
                sqlx::query(
                    "UPDATE slots SET booked = booked - 1
                      WHERE office_id = ? AND visit_type_id = ? AND start_at = ? AND booked > 0",
                )
                .bind(&booking.office_id)
                .bind(&booking.visit_type_id)
                .bind(secs(booking.start))
                .execute(&mut *conn)
                .await?;
                if is_unique_violation(&e, "appointments.pin") {
                    // Somebody holds this PIN at this office that day: draw another, and
                    // after a few clashes pick among the free ones.
                    draws += 1;
                    let pin = if draws < PIN_DRAWS {
                        random_pin()
                    } else {
                        let taken: Vec<String> = sqlx::query_scalar(AssertSqlSafe(format!(
                            "SELECT pin FROM appointments
                              WHERE office_id = ? AND local_date = ? AND status IN {ACTIVE}"
                        )))
                        .bind(&booking.office_id)
                        .bind(&local_date)
                        .fetch_all(&mut *conn)
                        .await?;
                        free_pin(&taken).ok_or(BookError::SlotFull)?
                    };
                    redrawn = Some(Draft::new(job, booking, pin, now)?);
                    continue;
                }
                if !is_unique_violation(&e, "appointments.visit_type_id") {
                    return Err(e.into());
                }
                // A `booked` appointment past its check-in window is a no-show already
                // (domain.md §2): write it, then the same type can be booked again.
                if no_shows_written
                    || materialise_no_shows(conn, Some(booking.account_id), policy, now).await? == 0
                {
                    return Err(BookError::AlreadyBooked);
                }
                no_shows_written = true;
            }
        }
    }
}
