//! The office floor: devices, check-in and walk-ins, the queue, the clerks' actions, the
//! events the displays read, the agenda and the day's figures.
//!
//! Every floor transaction of one office is serialised (`Dialect::LOCK_FLOOR` on PostgreSQL,
//! `BEGIN IMMEDIATE` on SQLite): "call next" never races a transfer to the same counter, and
//! floor events commit in id order, so a display that has seen event `n` (the SSE id) can
//! never later miss an event below `n`.

use jiff::Timestamp;
use jiff::civil::Date;
use termin_domain::{AppointmentStatus, BookingPolicy, Transition};

use crate::rows::{
    self, Columns, Sql, appointment_columns, device_columns, event_columns, ticket_columns,
};
use crate::rules::no_show_due;
use crate::sql::{
    Backend, Column, Dialect, Locking, Param, Statement, Unique, count_from, lock, locking, query,
    secs,
};
use crate::*;

pub(crate) async fn create_device<B: Backend>(
    b: &B,
    office: &str,
    kind: DeviceKind,
    name: &str,
    token_hash: &str,
    by: AccountId,
    now: Timestamp,
) -> Result<Device, StoreError> {
    const SQL: &str = concat!(
        "INSERT INTO devices (office_id, kind, name, token_hash, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ",
        device_columns!()
    );
    let row = query::<B::Db>(SQL)
        .arg(office)
        .arg(kind.as_str())
        .arg(name)
        .arg(token_hash)
        .arg(by)
        .arg(secs(now))
        .one(&mut *b.writer().await?)
        .await?;
    rows::device(&Sql::<B::Db>(&row))
}

pub(crate) async fn devices<B: Backend>(b: &B, office: &str) -> Result<Vec<Device>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        device_columns!(),
        " FROM devices WHERE office_id = $1 ORDER BY revoked_at IS NOT NULL, id"
    );
    query::<B::Db>(SQL)
        .arg(office)
        .all_as(&mut *b.read().await?, |row| rows::device(row))
        .await
}

/// The device behind a token, unless revoked.
pub(crate) async fn device_by_token<B: Backend>(
    b: &B,
    token_hash: &str,
) -> Result<Option<Device>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        device_columns!(),
        " FROM devices WHERE token_hash = $1 AND revoked_at IS NULL"
    );
    query::<B::Db>(SQL)
        .arg(token_hash)
        .optional_as(&mut *b.read().await?, |row| rows::device(row))
        .await
}

pub(crate) async fn revoke_device<B: Backend>(
    b: &B,
    office: &str,
    id: i64,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = query::<B::Db>(
        "UPDATE devices SET revoked_at = $1
          WHERE id = $2 AND office_id = $3 AND revoked_at IS NULL",
    )
    .arg(secs(now))
    .arg(id)
    .arg(office)
    .run(&mut *b.writer().await?)
    .await?;
    Ok(done == 1)
}

/// The appointment of this office and day with this PIN: an active one if there is one, else
/// the latest (so a no-show or served one can be told apart from an unknown PIN).
pub(crate) async fn appointment_by_pin<B: Backend>(
    b: &B,
    office: &str,
    local_date: Date,
    pin: &str,
) -> Result<Option<Appointment>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        appointment_columns!(),
        " FROM appointments
          WHERE office_id = $1 AND local_date = $2 AND pin = $3 AND status <> 'cancelled'
          ORDER BY ",
        crate::rules::active!(""),
        " DESC, id DESC LIMIT 1"
    );
    query::<B::Db>(SQL)
        .arg(office)
        .arg(local_date.to_string())
        .arg(pin)
        .optional_as(&mut *b.read().await?, |row| rows::appointment(row))
        .await
}

/// Checks a booked appointment in and gives it a ticket, in one transaction.
pub(crate) async fn check_in<B: Backend>(
    b: &B,
    appointment: AppointmentId,
    ticket: NewTicket,
    actor: Actor,
    now: Timestamp,
) -> Result<(Ticket, u32), FloorError> {
    let mut tx = b.begin().await?;
    lock::<B::Db, _>(&mut *tx, B::Db::LOCK_FLOOR, ticket.office_id.as_str()).await?;
    // A second check-in with the same PIN waits for the first one's row lock (PostgreSQL) or
    // the write lock (SQLite) and then finds the status no longer `booked`. Locked by id
    // first, then updated by id, so that no condition on `status` can be planned as a scan
    // of every booked appointment (docs/benchmarks.md, change 8).
    const STATUS: Locking = locking!("SELECT status FROM appointments WHERE id = $1";);
    let status = query::<B::Db>(STATUS.text::<B::Db>())
        .arg(appointment)
        .optional(&mut *tx)
        .await?
        .map(|row| <B::Db as Column<String>>::get(&row, "status"))
        .transpose()?;
    if status.as_deref() != Some(AppointmentStatus::Booked.as_str()) {
        return Err(FloorError::AlreadyCheckedIn);
    }
    query::<B::Db>(
        "UPDATE appointments
            SET status = 'checked-in', status_changed_at = $1, sequence = sequence + 1
          WHERE id = $2",
    )
    .arg(secs(now))
    .arg(appointment)
    .run(&mut *tx)
    .await?;
    let created = insert_ticket::<B::Db>(&mut *tx, &ticket, Some(appointment), now).await?;
    record_event::<B::Db>(&mut *tx, &created, "check-in", None, actor, now).await?;
    let position = position_of::<B::Db>(&mut *tx, &created).await?;
    tx.commit().await?;
    Ok((created, position))
}

/// A ticket without appointment.
pub(crate) async fn walk_in<B: Backend>(
    b: &B,
    ticket: NewTicket,
    actor: Actor,
    now: Timestamp,
) -> Result<(Ticket, u32), StoreError> {
    let mut tx = b.begin().await?;
    lock::<B::Db, _>(&mut *tx, B::Db::LOCK_FLOOR, ticket.office_id.as_str()).await?;
    let created = insert_ticket::<B::Db>(&mut *tx, &ticket, None, now).await?;
    record_event::<B::Db>(&mut *tx, &created, "walk-in", None, actor, now).await?;
    let position = position_of::<B::Db>(&mut *tx, &created).await?;
    tx.commit().await?;
    Ok((created, position))
}

/// Waiting (in queue order) and called tickets of the day.
pub(crate) async fn queue<B: Backend>(
    b: &B,
    office: &str,
    local_date: Date,
) -> Result<Vec<Ticket>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        ticket_columns!(),
        " FROM tickets
          WHERE office_id = $1 AND local_date = $2 AND status IN ('checked-in', 'called')
          ORDER BY status = 'called' DESC, rank, priority_at, id"
    );
    query::<B::Db>(SQL)
        .arg(office)
        .arg(local_date.to_string())
        .all_as(&mut *b.read().await?, |row| rows::ticket(row))
        .await
}

/// Calls the first waiting ticket to `counter`; a counter holds one called ticket at a time.
pub(crate) async fn call_next<B: Backend>(
    b: &B,
    office: &str,
    local_date: Date,
    counter: &str,
    actor: Actor,
    now: Timestamp,
) -> Result<Option<(Ticket, bool)>, StoreError> {
    const CALLED: &str = concat!(
        "SELECT ",
        ticket_columns!(),
        " FROM tickets
          WHERE office_id = $1 AND local_date = $2 AND counter = $3 AND status = 'called'"
    );
    // The first waiting ticket, locked while the update re-checks that it still waits.
    const CALL_NEXT: Locking = locking!(
        "UPDATE tickets SET status = 'called', counter = $1, called_at = COALESCE(called_at, $2)
          WHERE id = (SELECT id FROM tickets
                       WHERE office_id = $3 AND local_date = $4 AND status = 'checked-in'
                       ORDER BY rank, priority_at, id LIMIT 1";
        ") AND status = 'checked-in' RETURNING ",
        ticket_columns!()
    );
    let mut tx = b.begin().await?;
    // A double click waits here and then returns the ticket the first click called; two
    // counters calling at once get the first and the second in line.
    lock::<B::Db, _>(&mut *tx, B::Db::LOCK_FLOOR, office).await?;
    let current = query::<B::Db>(CALLED)
        .arg(office)
        .arg(local_date.to_string())
        .arg(counter)
        .optional(&mut *tx)
        .await?;
    if let Some(row) = current {
        return Ok(Some((rows::ticket(&Sql::<B::Db>(&row))?, false)));
    }
    let row = query::<B::Db>(CALL_NEXT.text::<B::Db>())
        .arg(counter)
        .arg(secs(now))
        .arg(office)
        .arg(local_date.to_string())
        .optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let ticket = rows::ticket(&Sql::<B::Db>(&row))?;
    mirror_appointment::<B::Db>(&mut *tx, &ticket, now).await?;
    record_event::<B::Db>(&mut *tx, &ticket, "call", Some(counter), actor, now).await?;
    tx.commit().await?;
    Ok(Some((ticket, true)))
}

/// Applies a clerk's action to a ticket (and its appointment) if the state machine allows it
/// from the ticket's current status.
pub(crate) async fn transition_ticket<B: Backend>(
    b: &B,
    action: TicketAction<'_>,
    actor: Actor,
    now: Timestamp,
) -> Result<Ticket, FloorError> {
    const UPDATE: &str = concat!(
        "UPDATE tickets SET status = $1, counter = $2, finished_at = $3
          WHERE id = $4 AND status = $5 RETURNING ",
        ticket_columns!()
    );
    const TICKET: Locking = locking!(
        "SELECT ", ticket_columns!(),
        " FROM tickets WHERE office_id = $1 AND local_date = $2 AND number = $3";
    );
    let TicketAction {
        office,
        local_date,
        number,
        transition,
        counter,
    } = action;
    let mut tx = b.begin().await?;
    lock::<B::Db, _>(&mut *tx, B::Db::LOCK_FLOOR, office).await?;
    let row = query::<B::Db>(TICKET.text::<B::Db>())
        .arg(office)
        .arg(local_date.to_string())
        .arg(number)
        .optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        return Err(FloorError::NotFound);
    };
    let current = rows::ticket(&Sql::<B::Db>(&row))?;
    let refused = || FloorError::InvalidTransition {
        from: current.status,
    };
    let next = current.status.apply(transition).map_err(|_| refused())?;
    let new_counter = match (transition, next) {
        (Transition::Transfer, _) => counter.or(current.counter.as_deref()),
        (_, AppointmentStatus::CheckedIn) => None,
        _ => current.counter.as_deref(),
    };
    let finished = matches!(next, AppointmentStatus::Served | AppointmentStatus::NoShow);
    let updated = query::<B::Db>(UPDATE)
        .arg(next.as_str())
        .arg(new_counter.map(str::to_owned))
        .arg(finished.then(|| secs(now)))
        .arg(current.id)
        .arg(current.status.as_str())
        .optional(&mut *tx)
        .await;
    let row = match updated {
        Ok(Some(row)) => row,
        Ok(None) => return Err(refused()),
        // Transferring to a counter that is busy with somebody else.
        Err(e) if B::Db::violates(&e, Unique::OneCalledPerCounter) => return Err(refused()),
        Err(e) => return Err(e.into()),
    };
    let ticket = rows::ticket(&Sql::<B::Db>(&row))?;
    mirror_appointment::<B::Db>(&mut *tx, &ticket, now).await?;
    record_event::<B::Db>(
        &mut *tx,
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

/// The kinds of events asked for, as one text that both dialects search with `LIKE`
/// (`,call,recall,`): the kinds are the floor's own words, never a client's, and hold no `%`,
/// `_` or `,`.
fn kinds_list(kinds: &[&str]) -> String {
    format!(",{},", kinds.join(","))
}

/// Floor events of an office after `after_id`, oldest first, of the given kinds.
pub(crate) async fn floor_events<B: Backend>(
    b: &B,
    office: &str,
    after_id: i64,
    kinds: &[&str],
    limit: u32,
) -> Result<Vec<FloorEvent>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM floor_events
          WHERE office_id = $1 AND id > $2 AND $3 LIKE '%,' || kind || ',%'
          ORDER BY id LIMIT $4"
    );
    events_where(b, SQL, office, after_id, kinds, limit).await
}

/// The newest `limit` events of these kinds on one day, newest first.
pub(crate) async fn recent_floor_events<B: Backend>(
    b: &B,
    office: &str,
    local_date: Date,
    kinds: &[&str],
    limit: u32,
) -> Result<Vec<FloorEvent>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        event_columns!(),
        " FROM floor_events
          WHERE office_id = $1 AND local_date = $2 AND $3 LIKE '%,' || kind || ',%'
          ORDER BY id DESC LIMIT $4"
    );
    events_where(b, SQL, office, local_date.to_string(), kinds, limit).await
}

/// The events that `sql` finds: `$1` the office, `$2` where to start, `$3` the kinds (in the
/// form of [`kinds_list`]), `$4` how many at most.
async fn events_where<B: Backend, T: Send>(
    b: &B,
    sql: &'static str,
    office: &str,
    from: T,
    kinds: &[&str],
    limit: u32,
) -> Result<Vec<FloorEvent>, StoreError>
where
    B::Db: Param<T>,
{
    // The types named: the bound on `T` would otherwise be taken for every parameter.
    query::<B::Db>(sql)
        .arg::<&str>(office)
        .arg::<T>(from)
        .arg::<String>(kinds_list(kinds))
        .arg::<i64>(i64::from(limit))
        .all_as(&mut *b.read().await?, |row| rows::event(row))
        .await
}

/// Today's appointments of an office with the person's name and date of birth.
pub(crate) async fn agenda<B: Backend>(
    b: &B,
    office: &str,
    local_date: Date,
) -> Result<Vec<AgendaEntry>, StoreError> {
    let rows = query::<B::Db>(
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
    .arg(office)
    .arg(local_date.to_string())
    .all(&mut *b.read().await?)
    .await?;
    rows.iter()
        .map(|row| {
            let row = Sql::<B::Db>(row);
            Ok(AgendaEntry {
                appointment: rows::appointment(&row)?,
                person_name: row.text("person_name")?,
                person_date_of_birth: model::date(&row.text("person_dob")?)?,
                ticket: row.text_or_null("ticket")?,
            })
        })
        .collect()
}

/// The day's figures of an office's floor.
pub(crate) async fn floor_stats<B: Backend>(
    b: &B,
    office: &str,
    local_date: Date,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<FloorStats, StoreError> {
    const NO_SHOWS: &str = concat!(
        "SELECT COUNT(*) AS n FROM appointments
          WHERE office_id = $1 AND local_date = $2 AND (status = 'no-show' OR ",
        no_show_due!("", "$4", "$3"),
        ")"
    );
    // AVG of integers is NUMERIC in PostgreSQL, REAL in SQLite: as DOUBLE PRECISION both
    // decode alike.
    let mut conn = b.read().await?;
    let row = query::<B::Db>(
        "SELECT COUNT(*) AS checked_in,
                COUNT(CASE WHEN status = 'checked-in' THEN 1 END) AS waiting,
                COUNT(CASE WHEN status = 'called' THEN 1 END) AS called,
                COUNT(CASE WHEN status = 'served' THEN 1 END) AS served,
                CAST(AVG(called_at - checked_in_at) AS DOUBLE PRECISION) AS avg_wait,
                CAST(AVG(CASE WHEN status = 'served' THEN finished_at - called_at END)
                     AS DOUBLE PRECISION) AS avg_service
           FROM tickets WHERE office_id = $1 AND local_date = $2",
    )
    .arg(office)
    .arg(local_date.to_string())
    .one(&mut *conn)
    .await?;
    let no_shows = query::<B::Db>(NO_SHOWS)
        .arg(office)
        .arg(local_date.to_string())
        .arg(policy.checkin_closes_after.as_secs())
        .arg(secs(now))
        .one(&mut *conn)
        .await?;
    let count =
        |name: &str| -> Result<u32, StoreError> { Ok(count_from(Sql::<B::Db>(&row).int(name)?)) };
    let average = |name: &str| -> Result<Option<i64>, StoreError> {
        Ok(<B::Db as Column<Option<f64>>>::get(&row, name)?.map(|v| v.round() as i64))
    };
    Ok(FloorStats {
        checked_in: count("checked_in")?,
        waiting: count("waiting")?,
        called: count("called")?,
        served: count("served")?,
        no_shows: count_from(Sql::<B::Db>(&no_shows).int("n")?),
        average_wait_seconds: average("avg_wait")?,
        average_service_seconds: average("avg_service")?,
    })
}

// ---- helpers of the floor's transactions ----------------------------------------------------

/// Takes the next number of the group for the day and inserts the ticket.
async fn insert_ticket<D: Dialect>(
    conn: &mut D::Connection,
    ticket: &NewTicket,
    appointment: Option<AppointmentId>,
    now: Timestamp,
) -> Result<Ticket, StoreError> {
    const INSERT: &str = concat!(
        "INSERT INTO tickets (office_id, local_date, number, appointment_id, visit_type_id,
                              language, status, rank, priority_at, checked_in_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'checked-in', $7, $8, $9) RETURNING ",
        ticket_columns!()
    );
    let row = query::<D>(
        "INSERT INTO ticket_numbers (office_id, local_date, grp, last) VALUES ($1, $2, $3, 1)
         ON CONFLICT (office_id, local_date, grp)
             DO UPDATE SET last = ticket_numbers.last + 1
         RETURNING last",
    )
    .arg(ticket.office_id.as_str())
    .arg(ticket.local_date.to_string())
    .arg(ticket.group.to_string())
    .one(&mut *conn)
    .await?;
    let n = count_from(Sql::<D>(&row).int("last")?);
    let number = termin_domain::floor::ticket_number(ticket.group, n);
    let row = query::<D>(INSERT)
        .arg(ticket.office_id.as_str())
        .arg(ticket.local_date.to_string())
        .arg(number)
        .arg(appointment)
        .arg(ticket.visit_type_id.as_str())
        .arg(ticket.language.as_str())
        .arg(i64::from(ticket.rank))
        .arg(secs(ticket.priority_at))
        .arg(secs(now))
        .one(&mut *conn)
        .await?;
    rows::ticket(&Sql::<D>(&row))
}

/// 1 for the first in line, among the tickets still waiting.
async fn position_of<D: Dialect>(
    conn: &mut D::Connection,
    ticket: &Ticket,
) -> Result<u32, StoreError> {
    let row = query::<D>(
        "SELECT COUNT(*) AS ahead FROM tickets t, tickets me
          WHERE me.id = $1 AND t.office_id = me.office_id AND t.local_date = me.local_date
            AND t.status = 'checked-in' AND t.id <> me.id
            AND (t.rank < me.rank OR (t.rank = me.rank AND (t.priority_at < me.priority_at
                 OR (t.priority_at = me.priority_at AND t.id < me.id))))",
    )
    .arg(ticket.id)
    .one(conn)
    .await?;
    Ok(count_from(Sql::<D>(&row).int("ahead")?).saturating_add(1))
}

/// The appointment behind a ticket follows it: called, served, no-show, back to waiting.
async fn mirror_appointment<D: Dialect>(
    conn: &mut D::Connection,
    ticket: &Ticket,
    now: Timestamp,
) -> Result<(), StoreError> {
    if let Some(id) = ticket.appointment_id {
        query::<D>(
            "UPDATE appointments SET status = $1, status_changed_at = $2, sequence = sequence + 1
              WHERE id = $3 AND status <> $1",
        )
        .arg(ticket.status.as_str())
        .arg(secs(now))
        .arg(id)
        .run(conn)
        .await?;
    }
    Ok(())
}

async fn record_event<D: Dialect>(
    conn: &mut D::Connection,
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
    query::<D>(
        "INSERT INTO floor_events (office_id, local_date, kind, ticket_id, ticket, counter,
                                   actor_account_id, actor_device_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .arg(ticket.office_id.as_str())
    .arg(ticket.local_date.to_string())
    .arg(kind)
    .arg(ticket.id)
    .arg(ticket.number.as_str())
    .arg(counter.map(str::to_owned))
    .arg(account)
    .arg(device)
    .arg(secs(now))
    .run(conn)
    .await?;
    Ok(())
}
