//! The waitlist: requests in order of filing, and the freed places offered to them.
//!
//! A place that frees up (a client's cancellation, a staff deletion, an offer declined,
//! lapsed or withdrawn) is offered to the first matching request **in the transaction that
//! frees it** ([`offer_freed_place`]): there is no moment in which the place is free for a
//! script to take first. While an offer is open its place is held (counted in
//! `slots.booked`); accepting turns it into an appointment in that place, declining or letting
//! it lapse passes it on to the next request, and when nobody matches it is free for anyone.

use jiff::Timestamp;
use serde_json::json;
use termin_domain::{BookingPolicy, PartOfDay, time};

use super::booking::{OWNED_PERSON, TAKEN_PINS, history_in, history_window};
use crate::rows::{self, Columns, Sql, appointment_columns, offer_columns, request_columns};
use crate::rules::{active, no_show_due};
use crate::sql::{Backend, Dialect, Locking, Statement, count_from, locking, query, secs};
use crate::*;

/// A place just given back to its slot, in the caller's transaction.
pub(crate) struct FreedPlace {
    pub slot_id: i64,
    pub office_id: String,
    pub visit_type_id: String,
    pub start: Timestamp,
    pub end: Timestamp,
}

/// The first waiting request that accepts a place: `$1` the visit type, `$2` the office,
/// `$3` the Prague date, `$4` true for a morning place, `$5` the slot (a request that had an
/// offer of this slot already is passed over), `$6` now, `$7` the check-in window in seconds,
/// `$8` requests passed over already, as `,id,id,` (their accounts are blocked). A request
/// whose person holds an active appointment of the type (not one that time has made a no-show)
/// is passed over too. PostgreSQL skips a request that a concurrent transaction is offering a
/// place to, rather than wait for it.
macro_rules! next_in_line {
    () => {
        concat!(
            "SELECT r.id, r.account_id FROM waitlist_requests r
              WHERE r.status = 'waiting' AND r.visit_type_id = $1
                AND r.offices LIKE '%,' || $2 || ',%'
                AND r.date_from <= $3 AND r.date_to >= $3
                AND CASE WHEN $4 THEN r.morning ELSE r.afternoon END
                AND NOT EXISTS (SELECT 1 FROM offers x WHERE x.request_id = r.id AND x.slot_id = $5)
                AND NOT EXISTS (SELECT 1 FROM appointments a
                                 WHERE a.person_id = r.person_id AND a.visit_type_id = r.visit_type_id
                                   AND ",
            active!("a."),
            " AND NOT (",
            no_show_due!("a.", "$6", "$7"),
            "))
                AND $8 NOT LIKE '%,' || r.id || ',%'
              ORDER BY r.created_at, r.id LIMIT 1"
        )
    };
}

const NEXT_IN_LINE: Locking = Locking {
    unlocked: next_in_line!(),
    locked: concat!(next_in_line!(), " FOR UPDATE OF r SKIP LOCKED"),
};

const INSERT_OFFER: &str = concat!(
    "INSERT INTO offers (request_id, slot_id, office_id, visit_type_id, start_at, end_at,
                         local_date, status, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9) RETURNING ",
    offer_columns!()
);

/// Offers a place that was just given back (its slot's count already lowered) to the first
/// matching request, in the caller's transaction: takes the place again for the offer, marks
/// the request offered and queues the offer's mail. `false` when nobody matches or the slot
/// starts too soon to offer (`BookingPolicy::offer_expires_at`): the place stays free.
pub(crate) async fn offer_freed_place<D: Dialect>(
    conn: &mut D::Connection,
    place: &FreedPlace,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let Some(expires_at) = policy.offer_expires_at(place.start, now) else {
        return Ok(false);
    };
    let local_date = time::local_date(place.start).to_string();
    // A person blocked for no-shows could not accept: their request is passed over (it keeps
    // its place for when the block ends). A few at most are looked at.
    let mut passed_over = String::from(",");
    let request = loop {
        let next = query::<D>(NEXT_IN_LINE.text::<D>())
            .arg(place.visit_type_id.as_str())
            .arg(place.office_id.as_str())
            .arg(local_date.as_str())
            .arg(PartOfDay::of(place.start) == PartOfDay::Morning)
            .arg(place.slot_id)
            .arg(secs(now))
            .arg(policy.checkin_closes_after.as_secs())
            .arg(passed_over.as_str())
            .optional(&mut *conn)
            .await?;
        let Some(next) = next else {
            return Ok(false);
        };
        let next = Sql::<D>(&next);
        let (request, account) = (next.int("id")?, next.int("account_id")?);
        let history = history_in::<D>(
            &mut *conn,
            account,
            history_window(policy, now),
            policy,
            now,
        )
        .await?;
        if policy.blocked_until(&history.no_shows, now).is_none() {
            break request;
        }
        if passed_over.len() > 200 {
            return Ok(false);
        }
        passed_over.push_str(&format!("{request},"));
    };
    let held =
        query::<D>("UPDATE slots SET booked = booked + 1 WHERE id = $1 AND booked < capacity")
            .arg(place.slot_id)
            .run(&mut *conn)
            .await?;
    if held == 0 {
        return Ok(false);
    }
    let row = query::<D>(INSERT_OFFER)
        .arg(request)
        .arg(place.slot_id)
        .arg(place.office_id.as_str())
        .arg(place.visit_type_id.as_str())
        .arg(secs(place.start))
        .arg(secs(place.end))
        .arg(local_date)
        .arg(secs(now))
        .arg(secs(expires_at))
        .one(&mut *conn)
        .await?;
    let offer = rows::offer(&Sql::<D>(&row))?;
    set_request_status::<D>(conn, request, RequestStatus::Offered, now).await?;
    notice_job::<D>(conn, OFFER_MADE_JOB, offer.id, now).await?;
    Ok(true)
}

/// Hands a held place on: the offer that held it is over, so the place goes to the next
/// matching request or, when none, back to everyone.
async fn pass_on<D: Dialect>(
    conn: &mut D::Connection,
    offer: &Offer,
    slot_id: i64,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<(), StoreError> {
    query::<D>("UPDATE slots SET booked = booked - 1 WHERE id = $1")
        .arg(slot_id)
        .run(&mut *conn)
        .await?;
    let place = FreedPlace {
        slot_id,
        office_id: offer.office_id.clone(),
        visit_type_id: offer.visit_type_id.clone(),
        start: offer.start,
        end: offer.end,
    };
    offer_freed_place::<D>(conn, &place, policy, now).await?;
    Ok(())
}

async fn set_request_status<D: Dialect>(
    conn: &mut D::Connection,
    request: i64,
    status: RequestStatus,
    now: Timestamp,
) -> sqlx::Result<()> {
    query::<D>("UPDATE waitlist_requests SET status = $1, status_changed_at = $2 WHERE id = $3")
        .arg(status.as_str())
        .arg(secs(now))
        .arg(request)
        .run(conn)
        .await?;
    Ok(())
}

async fn set_offer_status<D: Dialect>(
    conn: &mut D::Connection,
    offer: i64,
    status: OfferStatus,
    appointment: Option<AppointmentId>,
    now: Timestamp,
) -> sqlx::Result<()> {
    query::<D>("UPDATE offers SET status = $1, decided_at = $2, appointment_id = $3 WHERE id = $4")
        .arg(status.as_str())
        .arg(secs(now))
        .arg(appointment)
        .arg(offer)
        .run(conn)
        .await?;
    Ok(())
}

/// A mail about an offer, composed by the worker when it is sent.
async fn notice_job<D: Dialect>(
    conn: &mut D::Connection,
    kind: &str,
    offer: i64,
    now: Timestamp,
) -> sqlx::Result<()> {
    let job = NewJob {
        kind: kind.to_owned(),
        payload: json!({ "offer": offer }),
        run_at: now,
        dedupe_key: Some(format!("{kind}:{offer}")),
    };
    super::jobs::insert_job::<D>(conn, &job, now).await
}

/// Files a request. One open request per person and visit type; none for a person who holds
/// an active appointment of the type.
pub(crate) async fn file_request<B: Backend>(
    b: &B,
    new: NewWaitlistRequest,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<WaitlistRequest, WaitlistError> {
    const HOLDS_ONE: &str = concat!(
        "SELECT COUNT(*) AS n FROM appointments
          WHERE person_id = $1 AND visit_type_id = $2 AND ",
        active!(""),
        " AND NOT (",
        no_show_due!("", "$3", "$4"),
        ")"
    );
    const INSERT: &str = concat!(
        "INSERT INTO waitlist_requests (account_id, person_id, visit_type_id, offices, date_from,
             date_to, morning, afternoon, language, status, created_at, status_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'waiting', $10, $10) RETURNING ",
        request_columns!()
    );
    let wish = &new.wish;
    let mut tx = b.begin().await?;
    let person = query::<B::Db>(OWNED_PERSON)
        .arg(new.account_id)
        .arg(new.person_id)
        .optional(&mut *tx)
        .await?;
    let Some(person) = person else {
        return Err(WaitlistError::NotYourPerson);
    };
    let person = Sql::<B::Db>(&person).int("id")?;
    let holds = query::<B::Db>(HOLDS_ONE)
        .arg(person)
        .arg(wish.visit_type.as_str())
        .arg(secs(now))
        .arg(policy.checkin_closes_after.as_secs())
        .one(&mut *tx)
        .await?;
    if Sql::<B::Db>(&holds).int("n")? > 0 {
        return Err(WaitlistError::AlreadyBooked);
    }
    // Blocked for no-shows: an offer could not be accepted (domain.md §2).
    let history = history_in::<B::Db>(
        &mut *tx,
        new.account_id,
        history_window(policy, now),
        policy,
        now,
    )
    .await?;
    if let Some(until) = policy.blocked_until(&history.no_shows, now) {
        return Err(WaitlistError::Blocked { until });
    }
    let offices: String = wish.offices.iter().fold(String::from(","), |list, office| {
        list + office.as_str() + ","
    });
    let inserted = query::<B::Db>(INSERT)
        .arg(new.account_id)
        .arg(person)
        .arg(wish.visit_type.as_str())
        .arg(offices)
        .arg(wish.from.to_string())
        .arg(wish.to.to_string())
        .arg(wish.times.contains(&PartOfDay::Morning))
        .arg(wish.times.contains(&PartOfDay::Afternoon))
        .arg(new.language.as_str())
        .arg(secs(now))
        .one(&mut *tx)
        .await;
    let row = match inserted {
        Ok(row) => row,
        Err(e) if B::Db::violates(&e, crate::sql::Unique::OneOpenRequest) => {
            return Err(WaitlistError::AlreadyWaiting);
        }
        Err(e) => return Err(e.into()),
    };
    let mut request = rows::request(&Sql::<B::Db>(&row))?;
    request.position = Some(position::<B::Db>(&mut *tx, request.id).await?);
    tx.commit().await?;
    Ok(request)
}

/// 1 for the first in line among the open requests of the request's visit type.
async fn position<D: Dialect>(conn: &mut D::Connection, request: i64) -> Result<u32, StoreError> {
    let row = query::<D>(
        "SELECT COUNT(*) AS ahead FROM waitlist_requests o, waitlist_requests me
          WHERE me.id = $1 AND o.visit_type_id = me.visit_type_id
            AND o.status IN ('waiting', 'offered') AND o.id <> me.id
            AND (o.created_at < me.created_at OR o.created_at = me.created_at AND o.id < me.id)",
    )
    .arg(request)
    .one(conn)
    .await?;
    Ok(count_from(Sql::<D>(&row).int("ahead")?).saturating_add(1))
}

/// The offer open now for a request, else its latest.
async fn latest_offer<D: Dialect>(
    conn: &mut D::Connection,
    request: i64,
) -> Result<Option<Offer>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        offer_columns!(),
        " FROM offers WHERE request_id = $1 ORDER BY status = 'open' DESC, id DESC LIMIT 1"
    );
    let row = query::<D>(SQL).arg(request).optional(conn).await?;
    row.map(|row| rows::offer(&Sql::<D>(&row))).transpose()
}

/// A request with its position (while open) and offer.
async fn completed<D: Dialect>(
    conn: &mut D::Connection,
    mut request: WaitlistRequest,
) -> Result<WaitlistRequest, StoreError> {
    if request.status.is_open() {
        request.position = Some(position::<D>(&mut *conn, request.id).await?);
    }
    request.offer = latest_offer::<D>(conn, request.id).await?;
    Ok(request)
}

/// The account's requests, newest first, with positions and offers.
pub(crate) async fn requests<B: Backend>(
    b: &B,
    account: AccountId,
) -> Result<Vec<WaitlistRequest>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        request_columns!(),
        " FROM waitlist_requests WHERE account_id = $1 ORDER BY created_at DESC, id DESC"
    );
    let mut conn = b.read().await?;
    let rows = query::<B::Db>(SQL).arg(account).all(&mut *conn).await?;
    let mut requests = Vec::with_capacity(rows.len());
    for row in &rows {
        let request = rows::request(&Sql::<B::Db>(row))?;
        requests.push(completed::<B::Db>(&mut *conn, request).await?);
    }
    Ok(requests)
}

/// One request of the account, with its position and offer.
pub(crate) async fn request<B: Backend>(
    b: &B,
    account: AccountId,
    id: i64,
) -> Result<Option<WaitlistRequest>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        request_columns!(),
        " FROM waitlist_requests WHERE id = $1 AND account_id = $2"
    );
    let mut conn = b.read().await?;
    let row = query::<B::Db>(SQL)
        .arg(id)
        .arg(account)
        .optional(&mut *conn)
        .await?;
    match row {
        Some(row) => {
            let request = rows::request(&Sql::<B::Db>(&row))?;
            Ok(Some(completed::<B::Db>(&mut *conn, request).await?))
        }
        None => Ok(None),
    }
}

/// The request of the account's offer `$1` (account `$2`), locked first: every transaction
/// that changes a request and its offer locks the request, then the offer, so two of them
/// (a withdrawal and a decline, a deletion) wait for each other instead of deadlocking.
const REQUEST_OF_OFFER: Locking = locking!(
    "SELECT r.id FROM waitlist_requests r
      WHERE r.account_id = $2 AND r.id = (SELECT o.request_id FROM offers o WHERE o.id = $1)";
);

/// The offer `$1` with its slot and its request's person and language, locked.
macro_rules! open_offer {
    () => {
        "SELECT o.id, o.request_id, o.office_id, o.visit_type_id, o.start_at, o.end_at, o.status,
                o.created_at, o.expires_at, o.appointment_id, o.slot_id, o.local_date,
                r.person_id, r.language
           FROM offers o JOIN waitlist_requests r ON r.id = o.request_id
          WHERE o.id = $1"
    };
}
const OPEN_OFFER: Locking = Locking {
    unlocked: open_offer!(),
    locked: concat!(open_offer!(), " FOR UPDATE OF o"),
};

/// The offer, if it is the account's and still open at `now`.
async fn open_offer<D: Dialect>(
    conn: &mut D::Connection,
    account: AccountId,
    id: i64,
    now: Timestamp,
) -> Result<(Offer, D::Row), OfferError> {
    let request = query::<D>(REQUEST_OF_OFFER.text::<D>())
        .arg(id)
        .arg(account)
        .optional(&mut *conn)
        .await?;
    if request.is_none() {
        return Err(OfferError::NotFound);
    }
    let row = query::<D>(OPEN_OFFER.text::<D>())
        .arg(id)
        .optional(conn)
        .await?;
    let Some(row) = row else {
        return Err(OfferError::NotFound);
    };
    let offer = rows::offer(&Sql::<D>(&row))?;
    match offer.status {
        OfferStatus::Open if offer.expires_at > now => Ok((offer, row)),
        OfferStatus::Open | OfferStatus::Lapsed => Err(OfferError::Lapsed),
        _ => Err(OfferError::NotOpen),
    }
}

/// Accepts an open offer: an appointment with a fresh PIN in the held place, its
/// confirmation job, all in one transaction. The no-show block applies as to any booking.
pub(crate) async fn accept_offer<B: Backend>(
    b: &B,
    account: AccountId,
    id: i64,
    policy: &BookingPolicy,
    job: BookingJob,
    now: Timestamp,
) -> Result<Appointment, OfferError> {
    // A PIN taken by a booking committed at the same instant (PostgreSQL) fails the insert:
    // the whole transaction is tried again, with the PINs read anew.
    let mut tries = 0;
    loop {
        match accept_once(b, account, id, policy, &job, now).await {
            Err(Accept::PinTaken) if tries < 3 => tries += 1,
            Err(Accept::PinTaken) => {
                return Err(OfferError::Store(StoreError::Corrupt(
                    "no free PIN after several tries".into(),
                )));
            }
            Err(Accept::Booked { request }) => {
                // The held place must not wait for the offer to lapse: the request is
                // withdrawn and the place passed on, then the person is told.
                let mut tx = b.begin().await?;
                withdraw_in::<B::Db>(&mut *tx, request, policy, now).await?;
                tx.commit().await?;
                return Err(OfferError::AlreadyBooked);
            }
            Err(Accept::Refused(e)) => return Err(e),
            Ok(appointment) => return Ok(appointment),
        }
    }
}

enum Accept {
    PinTaken,
    /// The person booked the visit type meanwhile: their request has no use any more.
    Booked {
        request: i64,
    },
    Refused(OfferError),
}

impl<E: Into<OfferError>> From<E> for Accept {
    fn from(e: E) -> Accept {
        Accept::Refused(e.into())
    }
}

async fn accept_once<B: Backend>(
    b: &B,
    account: AccountId,
    id: i64,
    policy: &BookingPolicy,
    job: &BookingJob,
    now: Timestamp,
) -> Result<Appointment, Accept> {
    const INSERT: &str = concat!(
        "INSERT INTO appointments (account_id, person_id, office_id, visit_type_id, slot_id,
             start_at, end_at, local_date, pin, status, language, created_at, status_changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'booked', $10, $11, $11) RETURNING ",
        appointment_columns!()
    );
    let mut tx = b.begin().await?;
    crate::sql::lock::<B::Db, _>(&mut *tx, B::Db::LOCK_ACCOUNT, account).await?;
    let (offer, row) = open_offer::<B::Db>(&mut *tx, account, id, now).await?;
    // An earlier appointment of the type still `booked` past its window is a no-show already
    // (domain.md §2): written, so that it does not stand in the way of this one.
    super::booking::materialise_no_shows::<B::Db>(&mut *tx, Some(account), policy, now).await?;
    let held = Sql::<B::Db>(&row);
    let (slot, local_date) = (held.int("slot_id")?, held.text("local_date")?);
    let (person, language) = (held.int("person_id")?, held.text("language")?);
    let history =
        history_in::<B::Db>(&mut *tx, account, history_window(policy, now), policy, now).await?;
    if let Some(until) = policy.blocked_until(&history.no_shows, now) {
        return Err(OfferError::Blocked { until }.into());
    }
    // The PINs held that day: on SQLite under the write lock, which every booking takes.
    let taken = query::<B::Db>(TAKEN_PINS)
        .arg(offer.office_id.as_str())
        .arg(local_date.as_str())
        .all(&mut *tx)
        .await?
        .iter()
        .map(|row| Sql::<B::Db>(row).text("pin"))
        .collect::<Result<Vec<_>, _>>()?;
    let pin = free_pin(&taken).ok_or_else(|| {
        OfferError::Store(StoreError::Corrupt("every PIN of the day is taken".into()))
    })?;
    let inserted = query::<B::Db>(INSERT)
        .arg(account)
        .arg(person)
        .arg(offer.office_id.as_str())
        .arg(offer.visit_type_id.as_str())
        .arg(slot)
        .arg(secs(offer.start))
        .arg(secs(offer.end))
        .arg(local_date)
        .arg(pin)
        .arg(language)
        .arg(secs(now))
        .one(&mut *tx)
        .await;
    let row = match inserted {
        Ok(row) => row,
        Err(e) if B::Db::violates(&e, crate::sql::Unique::OneActivePerPersonType) => {
            return Err(Accept::Booked {
                request: offer.request_id,
            });
        }
        Err(e) if B::Db::violates(&e, crate::sql::Unique::Pin) => return Err(Accept::PinTaken),
        Err(e) => return Err(e.into()),
    };
    let appointment = rows::appointment(&Sql::<B::Db>(&row))?;
    let confirmation = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&appointment)))
        .map_err(|_| StoreError::Corrupt("the booking's job builder panicked".into()))?;
    super::jobs::insert_job::<B::Db>(&mut *tx, &confirmation, now).await?;
    set_offer_status::<B::Db>(
        &mut *tx,
        offer.id,
        OfferStatus::Accepted,
        Some(appointment.id),
        now,
    )
    .await?;
    set_request_status::<B::Db>(&mut *tx, offer.request_id, RequestStatus::Booked, now).await?;
    tx.commit().await?;
    Ok(appointment)
}

/// Declines an open offer: the request goes back in line where it was, the place to the next.
pub(crate) async fn decline_offer<B: Backend>(
    b: &B,
    account: AccountId,
    id: i64,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<Offer, OfferError> {
    let mut tx = b.begin().await?;
    let (mut offer, row) = open_offer::<B::Db>(&mut *tx, account, id, now).await?;
    let slot = Sql::<B::Db>(&row).int("slot_id")?;
    set_offer_status::<B::Db>(&mut *tx, offer.id, OfferStatus::Declined, None, now).await?;
    set_request_status::<B::Db>(&mut *tx, offer.request_id, RequestStatus::Waiting, now).await?;
    pass_on::<B::Db>(&mut *tx, &offer, slot, policy, now).await?;
    tx.commit().await?;
    offer.status = OfferStatus::Declined;
    Ok(offer)
}

/// Withdraws an open request; an offer open for it is passed on.
pub(crate) async fn withdraw_request<B: Backend>(
    b: &B,
    account: AccountId,
    id: i64,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<WaitlistRequest, WaitlistError> {
    const REQUEST: Locking = locking!(
        "SELECT ", request_columns!(),
        " FROM waitlist_requests WHERE id = $1 AND account_id = $2";
    );
    let mut tx = b.begin().await?;
    let row = query::<B::Db>(REQUEST.text::<B::Db>())
        .arg(id)
        .arg(account)
        .optional(&mut *tx)
        .await?;
    let Some(row) = row else {
        return Err(WaitlistError::NotFound);
    };
    let mut request = rows::request(&Sql::<B::Db>(&row))?;
    if !request.status.is_open() {
        return Err(WaitlistError::NotOpen);
    }
    withdraw_in::<B::Db>(&mut *tx, request.id, policy, now).await?;
    tx.commit().await?;
    request.status = RequestStatus::Withdrawn;
    request.offer = latest_offer::<B::Db>(&mut *b.read().await?, request.id).await?;
    Ok(request)
}

/// Withdraws one open request in the caller's transaction, passing its open offer on.
async fn withdraw_in<D: Dialect>(
    conn: &mut D::Connection,
    request: i64,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<(), StoreError> {
    const OPEN: Locking = locking!(
        "SELECT slot_id, ", offer_columns!(),
        " FROM offers WHERE request_id = $1 AND status = 'open'";
    );
    let withdrawn = query::<D>(
        "UPDATE waitlist_requests SET status = 'withdrawn', status_changed_at = $1
          WHERE id = $2 AND status IN ('waiting', 'offered')",
    )
    .arg(secs(now))
    .arg(request)
    .run(&mut *conn)
    .await?;
    if withdrawn == 0 {
        return Ok(());
    }
    let open = query::<D>(OPEN.text::<D>())
        .arg(request)
        .optional(&mut *conn)
        .await?;
    if let Some(row) = open {
        let offer = rows::offer(&Sql::<D>(&row))?;
        let slot = Sql::<D>(&row).int("slot_id")?;
        set_offer_status::<D>(&mut *conn, offer.id, OfferStatus::Withdrawn, None, now).await?;
        pass_on::<D>(conn, &offer, slot, policy, now).await?;
    }
    Ok(())
}

/// Withdraws every open request of an account (its deletion), in the caller's transaction.
pub(crate) async fn withdraw_all_in<D: Dialect>(
    conn: &mut D::Connection,
    account: AccountId,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<(), StoreError> {
    let open = query::<D>(
        "SELECT id FROM waitlist_requests
          WHERE account_id = $1 AND status IN ('waiting', 'offered') ORDER BY id",
    )
    .arg(account)
    .all(&mut *conn)
    .await?;
    for row in &open {
        let request = Sql::<D>(row).int("id")?;
        withdraw_in::<D>(&mut *conn, request, policy, now).await?;
    }
    Ok(())
}

/// Ends the offers whose time ran out: each request is closed (its owner is told), each place
/// goes to the next in line. Returns how many lapsed.
pub(crate) async fn lapse_offers<B: Backend>(
    b: &B,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<u64, StoreError> {
    // The offers with their requests: an offer whose request another transaction holds (a
    // withdrawal, a decline) is left for the next round rather than waited for.
    macro_rules! due {
        () => {
            "SELECT o.slot_id, o.id, o.request_id, o.office_id, o.visit_type_id, o.start_at,
                    o.end_at, o.status, o.created_at, o.expires_at, o.appointment_id
               FROM offers o JOIN waitlist_requests r ON r.id = o.request_id
              WHERE o.status = 'open' AND o.expires_at <= $1 ORDER BY o.id LIMIT 100"
        };
    }
    const DUE: Locking = Locking {
        unlocked: due!(),
        locked: concat!(due!(), " FOR UPDATE OF r, o SKIP LOCKED"),
    };
    // A request whose last day has passed can no longer be served: it closes quietly (its
    // owner sees it on the waitlist page), so it no longer counts in others' positions.
    query::<B::Db>(
        "UPDATE waitlist_requests SET status = 'expired', status_changed_at = $1
          WHERE status = 'waiting' AND date_to < $2",
    )
    .arg(secs(now))
    .arg(time::local_date(now).to_string())
    .run(&mut *b.writer().await?)
    .await?;
    let mut lapsed = 0;
    loop {
        let mut tx = b.begin().await?;
        let due = query::<B::Db>(DUE.text::<B::Db>())
            .arg(secs(now))
            .all(&mut *tx)
            .await?;
        if due.is_empty() {
            return Ok(lapsed);
        }
        for row in &due {
            let offer = rows::offer(&Sql::<B::Db>(row))?;
            let slot = Sql::<B::Db>(row).int("slot_id")?;
            set_offer_status::<B::Db>(&mut *tx, offer.id, OfferStatus::Lapsed, None, now).await?;
            set_request_status::<B::Db>(&mut *tx, offer.request_id, RequestStatus::Expired, now)
                .await?;
            notice_job::<B::Db>(&mut *tx, OFFER_LAPSED_JOB, offer.id, now).await?;
            pass_on::<B::Db>(&mut *tx, &offer, slot, policy, now).await?;
            lapsed += 1;
        }
        tx.commit().await?;
    }
}

/// An offer with its owner's address, name and language, for its mail.
pub(crate) async fn offer_notice<B: Backend>(
    b: &B,
    id: i64,
) -> Result<Option<OfferNotice>, StoreError> {
    let row = query::<B::Db>(
        "SELECT o.id, o.request_id, o.office_id, o.visit_type_id, o.start_at, o.end_at,
                o.status, o.created_at, o.expires_at, o.appointment_id,
                a.email, p.full_name AS person_name, r.language
           FROM offers o
           JOIN waitlist_requests r ON r.id = o.request_id
           JOIN accounts a ON a.id = r.account_id
           JOIN persons p ON p.id = r.person_id
          WHERE o.id = $1 AND a.deleted_at IS NULL",
    )
    .arg(id)
    .optional(&mut *b.read().await?)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let row = Sql::<B::Db>(&row);
    Ok(Some(OfferNotice {
        offer: rows::offer(&row)?,
        email: row.text("email")?,
        person_name: row.text("person_name")?,
        language: row.text("language")?,
    }))
}
