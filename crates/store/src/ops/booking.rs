//! Appointments: reading them, cancelling, the history the rules count, the no-shows that
//! time decides, and the slots' counts. Booking itself is each backend's own path
//! (`sqlite/booking.rs`, `postgres/booking.rs`), which uses the history and no-show pieces
//! here.

use jiff::Timestamp;
use termin_domain::{AppointmentStatus, BookingPolicy};

use super::waitlist::{FreedPlace, offer_freed_place};
use crate::rows::{self, Columns, Sql, appointment_columns};
use crate::rules::{CANCELLATION_INSTANTS, NO_SHOW_INSTANTS};
use crate::sql::{Backend, Dialect, Locking, Statement, count_from, lock, locking, query, secs};
use crate::*;

/// How far back the rules look: a block can reach back one no-show window plus the block,
/// the cancellation limit one cancellation window.
pub(crate) fn history_window(policy: &BookingPolicy, now: Timestamp) -> Timestamp {
    let back = policy
        .no_show_window
        .checked_add(policy.block_for)
        .unwrap_or(policy.no_show_window)
        .max(policy.cancellation_window);
    now.checked_sub(back).unwrap_or(Timestamp::MIN)
}

/// Writes the `no-show` status that time has already decided (api.md: the no-show happens at
/// the instant the check-in window closes), for one account or for all.
pub(crate) async fn materialise_no_shows<D: Dialect>(
    conn: &mut D::Connection,
    account: Option<AccountId>,
    policy: &BookingPolicy,
    now: Timestamp,
) -> sqlx::Result<u64> {
    query::<D>(D::MATERIALISE_NO_SHOWS)
        .arg(policy.checkin_closes_after.as_secs())
        .arg(secs(now))
        .arg(account)
        .run(conn)
        .await
}

/// The instants the rules count: no-shows (written or due) and client cancellations in
/// (`since`, `now`].
pub(crate) async fn history_in<D: Dialect>(
    conn: &mut D::Connection,
    account: AccountId,
    since: Timestamp,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<History, StoreError> {
    let no_shows = query::<D>(NO_SHOW_INSTANTS)
        .arg(account)
        .arg(policy.checkin_closes_after.as_secs())
        .arg(secs(since))
        .arg(secs(now))
        .all(&mut *conn)
        .await?;
    let cancellations = query::<D>(CANCELLATION_INSTANTS)
        .arg(account)
        .arg(secs(since))
        .arg(secs(now))
        .all(&mut *conn)
        .await?;
    let instants = |rows: Vec<D::Row>, column: &str| {
        rows.iter()
            .map(|row| model::ts(Sql::<D>(row).int(column)?))
            .collect::<Result<Vec<_>, StoreError>>()
    };
    Ok(History {
        no_shows: instants(no_shows, "at")?,
        cancellations: instants(cancellations, "status_changed_at")?,
    })
}

pub(crate) async fn history<B: Backend>(
    b: &B,
    account: AccountId,
    since: Timestamp,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<History, StoreError> {
    history_in::<B::Db>(&mut *b.read().await?, account, since, policy, now).await
}

pub(crate) async fn sweep_no_shows<B: Backend>(
    b: &B,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<u64, StoreError> {
    let mut tx = b.begin().await?;
    let n = materialise_no_shows::<B::Db>(&mut *tx, None, policy, now).await?;
    tx.commit().await?;
    Ok(n)
}

/// Is this slot's every place taken right now? A committed answer, read without any lock.
pub(crate) async fn slot_full<B: Backend>(
    b: &B,
    office: &str,
    visit_type: &str,
    start: Timestamp,
) -> Result<bool, StoreError> {
    let row = query::<B::Db>(
        "SELECT booked >= capacity AS full FROM slots
          WHERE office_id = $1 AND visit_type_id = $2 AND start_at = $3",
    )
    .arg(office)
    .arg(visit_type)
    .arg(secs(start))
    .optional(&mut *b.read().await?)
    .await?;
    match row {
        Some(row) => Ok(<B::Db as crate::sql::Column<bool>>::get(&row, "full")?),
        None => Ok(false),
    }
}

/// Cancels on the client's request, under the 24-hour and 10-in-90-days rules.
pub(crate) async fn cancel<B: Backend>(
    b: &B,
    account: AccountId,
    appointment: AppointmentId,
    policy: &BookingPolicy,
    job: JobFor<'_, Appointment>,
    now: Timestamp,
) -> Result<Appointment, CancelError> {
    // The row is locked and was `booked` when read, so only the id is asked for: with
    // `AND status = 'booked'` here, a PostgreSQL planner without statistics read it through
    // the partial index of booked appointments, all of them, not by primary key.
    const CANCEL: &str = concat!(
        "UPDATE appointments
            SET status = 'cancelled', status_changed_at = $1, cancelled_by_client = TRUE,
                sequence = sequence + 1
          WHERE id = $2 RETURNING slot_id, ",
        appointment_columns!()
    );
    const APPOINTMENT_OF_ACCOUNT: Locking = locking!(
        "SELECT ", appointment_columns!(), " FROM appointments WHERE id = $1 AND account_id = $2";
    );
    let mut tx = b.begin().await?;
    // Two cancellations of one account at once cannot both be the 10th: the second waits
    // here (SQLite: at `BEGIN IMMEDIATE`) until the first has committed, and then counts it.
    lock::<B::Db, _>(&mut *tx, B::Db::LOCK_ACCOUNT, account).await?;
    materialise_no_shows::<B::Db>(&mut *tx, Some(account), policy, now).await?;
    let row = query::<B::Db>(APPOINTMENT_OF_ACCOUNT.text::<B::Db>())
        .arg(appointment)
        .arg(account)
        .optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        return Err(CancelError::NotFound);
    };
    let current = rows::appointment(&Sql::<B::Db>(&row))?;
    if current.status != AppointmentStatus::Booked {
        return Err(CancelError::NotCancellable);
    }
    let history =
        history_in::<B::Db>(&mut *tx, account, history_window(policy, now), policy, now).await?;
    policy
        .check_cancel(current.start, &history.cancellations, now)
        .map_err(CancelError::Refused)?;
    let row = query::<B::Db>(CANCEL)
        .arg(secs(now))
        .arg(appointment)
        .one(&mut *tx)
        .await?;
    let columns = Sql::<B::Db>(&row);
    let cancelled = rows::appointment(&columns)?;
    let slot_id = columns.int("slot_id")?;
    query::<B::Db>("UPDATE slots SET booked = booked - 1 WHERE id = $1")
        .arg(slot_id)
        .run(&mut *tx)
        .await?;
    super::jobs::insert_job::<B::Db>(&mut *tx, &job(&cancelled), now).await?;
    // The freed place goes to the waitlist first, in this transaction.
    let place = FreedPlace {
        slot_id,
        office_id: cancelled.office_id.clone(),
        visit_type_id: cancelled.visit_type_id.clone(),
        start: cancelled.start,
        end: cancelled.end,
    };
    offer_freed_place::<B::Db>(&mut *tx, &place, policy, now).await?;
    tx.commit().await?;
    Ok(cancelled)
}

pub(crate) async fn appointment<B: Backend>(
    b: &B,
    id: AppointmentId,
) -> Result<Option<Appointment>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        appointment_columns!(),
        " FROM appointments WHERE id = $1"
    );
    query::<B::Db>(SQL)
        .arg(id)
        .optional_as(&mut *b.read().await?, |row| rows::appointment(row))
        .await
}

/// All appointments of the account's persons, newest first.
pub(crate) async fn appointments<B: Backend>(
    b: &B,
    account: AccountId,
) -> Result<Vec<Appointment>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        appointment_columns!(),
        " FROM appointments WHERE account_id = $1 ORDER BY start_at DESC, id DESC"
    );
    query::<B::Db>(SQL)
        .arg(account)
        .all_as(&mut *b.read().await?, |row| rows::appointment(row))
        .await
}

/// Places taken per slot start for one office and visit type in `[from, to)`.
pub(crate) async fn booked_counts<B: Backend>(
    b: &B,
    office: &str,
    visit_type: &str,
    from: Timestamp,
    to: Timestamp,
) -> Result<Vec<SlotUse>, StoreError> {
    let rows = query::<B::Db>(
        "SELECT start_at, booked, capacity FROM slots
          WHERE office_id = $1 AND visit_type_id = $2 AND start_at >= $3 AND start_at < $4
          ORDER BY start_at",
    )
    .arg(office)
    .arg(visit_type)
    .arg(secs(from))
    .arg(secs(to))
    .all(&mut *b.read().await?)
    .await?;
    rows.iter()
        .map(|row| {
            let row = Sql::<B::Db>(row);
            Ok(SlotUse {
                start: model::ts(row.int("start_at")?)?,
                booked: count_from(row.int("booked")?),
                capacity: count_from(row.int("capacity")?),
            })
        })
        .collect()
}

// ---- pieces of both backends' booking paths -----------------------------------------------

/// The booking made earlier with an idempotency key: `$1` the account, `$2` the key.
pub(crate) const EARLIER_BOOKING: &str = concat!(
    "SELECT ",
    appointment_columns!(),
    " FROM appointments
      WHERE id = (SELECT appointment_id FROM idempotency_keys WHERE account_id = $1 AND key = $2)"
);

/// The person a booking is for, if the account's: `$1` the account, `$2` the person, NULL for
/// the account holder.
pub(crate) const OWNED_PERSON: &str = "SELECT id FROM persons
      WHERE account_id = $1 AND (id = $2 OR $2 IS NULL AND relation = 'self')";

/// The PINs held at office `$1` on day `$2`.
pub(crate) const TAKEN_PINS: &str = concat!(
    "SELECT pin FROM appointments WHERE office_id = $1 AND local_date = $2 AND ",
    crate::rules::active!("")
);

/// A retry with an idempotency key answers with the booking made with it, if the retry asks
/// for the same; a key used for another booking is refused.
pub(crate) fn retried(
    earlier: Appointment,
    booking: &NewBooking,
) -> Result<Appointment, BookError> {
    let same = earlier.office_id == booking.office_id
        && earlier.visit_type_id == booking.visit_type_id
        && earlier.start == booking.start
        && booking.person_id.is_none_or(|p| p == earlier.person_id);
    if same {
        Ok(earlier)
    } else {
        Err(BookError::IdempotencyKeyReused)
    }
}
