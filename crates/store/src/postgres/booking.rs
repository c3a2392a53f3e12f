//! Bookings on PostgreSQL: the first attempt goes with the other bookings waiting on this
//! instance (`batch.rs`); whatever the batch did not write is decided here, one statement per
//! try.

use jiff::Timestamp;
use sqlx::Postgres;
use termin_domain::BookingPolicy;

use super::PgStore;
use super::batch;
use super::dialect::{IDEMPOTENCY_UNIQUE, ONE_ACTIVE_UNIQUE, PIN_UNIQUE, violates};
use crate::ops::booking::{
    EARLIER_BOOKING, OWNED_PERSON, TAKEN_PINS, history_in, history_window, materialise_no_shows,
    retried,
};
use crate::rows::{self, Sql, appointment_columns};
use crate::rules::fewer_no_shows_than;
use crate::sql::secs;
use crate::*;

/// A booking in one statement: the person and the no-show bound (unless `$11`, the full rule
/// already checked), the slot's place, the appointment, the idempotency key and the
/// confirmation job, its placeholder id replaced by the appointment's.
const BOOK: &str = concat!(
    "WITH p AS (
       SELECT id FROM persons
        WHERE account_id = $1 AND (id = $2 OR $2 IS NULL AND relation = 'self')
          AND ($11 OR ",
    fewer_no_shows_than!("$1", "$12", "$10", "$13", "$14"),
    ")),
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
       RETURNING ",
    appointment_columns!(),
    "),
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
);

/// PostgreSQL cancelled the statement to break a deadlock.
fn deadlocked(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.code().as_deref() == Some("40P01"))
}

/// One statement, one round trip, one commit (docs/benchmarks.md, change 8): the person
/// and no-show checks, the slot's place, the appointment, the idempotency key and the
/// confirmation job are one `WITH … INSERT`. Any unique violation (a PIN taken at the same
/// instant, a second active appointment of the type, a concurrent retry with the same key)
/// aborts the whole statement, so nothing is half written; the loop then decides.
pub(super) async fn book(
    store: &PgStore,
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
        match store.batcher.book(&store.pool, attempt).await? {
            batch::Outcome::Booked(appointment) => return Ok(appointment),
            batch::Outcome::Full => return Err(BookError::SlotFull),
            batch::Outcome::Alone => {}
        }
    }
    loop {
        // A retry of a booking already made with this key answers with that booking.
        if look_up_key && let Some(key) = &booking.idempotency_key {
            let earlier = sqlx::query(EARLIER_BOOKING)
                .bind(booking.account_id)
                .bind(key)
                .fetch_optional(&store.pool)
                .await?;
            if let Some(row) = earlier {
                return retried(rows::appointment(&Sql::<Postgres>(&row))?, &booking);
            }
            look_up_key = false;
        }
        let pin = if draws < PIN_DRAWS {
            random_pin()
        } else {
            let taken: Vec<String> = sqlx::query_scalar(TAKEN_PINS)
                .bind(&booking.office_id)
                .bind(&local_date)
                .fetch_all(&store.pool)
                .await?;
            free_pin(&taken).ok_or(BookError::SlotFull)?
        };
        draws += 1;
        // The job is composed before the row exists: it names the appointment by a
        // placeholder id that the statement replaces with the real one.
        let template = placeholder_job(&job, &booking, &pin, now)?;
        let booked = sqlx::query(BOOK)
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
            .fetch_optional(&store.pool)
            .await;
        match booked {
            Ok(Some(row)) => return Ok(rows::appointment(&Sql::<Postgres>(&row))?),
            Ok(None) => {
                // Not the account's person, enough no-shows that the full rule must
                // decide, or the slot is full.
                let owned: Option<i64> = sqlx::query_scalar(OWNED_PERSON)
                    .bind(booking.account_id)
                    .bind(booking.person_id)
                    .fetch_optional(&store.pool)
                    .await?;
                if owned.is_none() {
                    return Err(BookError::NotYourPerson);
                }
                if block_checked {
                    return Err(BookError::SlotFull);
                }
                let mut conn = store.pool.acquire().await?;
                let history =
                    history_in::<Postgres>(&mut conn, booking.account_id, since, policy, now)
                        .await?;
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
                let mut conn = store.pool.acquire().await?;
                if materialise_no_shows::<Postgres>(
                    &mut conn,
                    Some(booking.account_id),
                    policy,
                    now,
                )
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
