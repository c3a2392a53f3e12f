//! The waitlist at the store: requests in order of filing, the freed places offered to them
//! inside the transaction that frees them, and what accepting, declining, letting an offer
//! lapse and withdrawing do with the held place. Runs on whichever backend
//! `testing::test_database` gives (`TERMIN_TEST_BACKEND=postgres` for PostgreSQL); the races
//! run for real on a multi-threaded runtime.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use sqlx::Row;
use termin_domain::time::local_date;
use termin_domain::{AppointmentStatus, BookingPolicy, OfficeId, PartOfDay, VisitTypeId, Wish};

use termin_store::*;
use tokio::sync::Barrier;
use tokio::task::JoinSet;

mod common;
use common::*;

// ---- harness ------------------------------------------------------------------------------

const OFFICE: &str = "praha-1";
const TYPE: &str = "passport";

fn secs(s: i64) -> SignedDuration {
    SignedDuration::from_secs(s)
}

/// A morning place (09:00 in Prague) `days` days from [`now`].
fn slot(days: i64) -> Timestamp {
    now() + hours(24 * days)
}

/// Books a place of [`TYPE`] at [`OFFICE`] for `who`.
async fn book_at(
    store: &dyn Store,
    who: &(Account, PersonId),
    start: Timestamp,
    capacity: u32,
    at: Timestamp,
) -> Result<Appointment, BookError> {
    store
        .book(
            booking(who.0.id, who.1, OFFICE, TYPE, start, capacity),
            &policy(),
            booking_mail(),
            at,
        )
        .await
}

async fn cancel_with(
    store: &dyn Store,
    account: AccountId,
    appointment: AppointmentId,
    policy: &BookingPolicy,
    at: Timestamp,
) -> Result<Appointment, CancelError> {
    store
        .cancel(
            account,
            appointment,
            policy,
            Box::new(|a: &Appointment| NewJob {
                kind: "cancellation-confirmation".into(),
                payload: json!({ "appointment": a.id, "sequence": a.sequence }),
                run_at: a.status_changed_at,
                dedupe_key: None,
            }),
            at,
        )
        .await
}

async fn cancel(
    store: &dyn Store,
    account: AccountId,
    appointment: AppointmentId,
    at: Timestamp,
) -> Result<Appointment, CancelError> {
    cancel_with(store, account, appointment, &policy(), at).await
}

/// Places taken (appointments and held offers) in the slot of [`OFFICE`] and [`TYPE`] at
/// `start`.
async fn booked_at(store: &dyn Store, start: Timestamp) -> u32 {
    store
        .booked_counts(OFFICE, TYPE, start, start + secs(1))
        .await
        .expect("booked counts")
        .iter()
        .map(|s| s.booked)
        .sum()
}

fn office(id: &str) -> OfficeId {
    OfficeId::parse(id).unwrap()
}

fn wish(visit_type: &str, offices: &[&str], from: Date, to: Date, times: &[PartOfDay]) -> Wish {
    Wish {
        visit_type: VisitTypeId::parse(visit_type).unwrap(),
        offices: offices.iter().map(|id| office(id)).collect(),
        from,
        to,
        times: times.to_vec(),
    }
}

/// A wish for exactly the place of [`TYPE`] at [`OFFICE`] starting at `start`.
fn wish_for(start: Timestamp) -> Wish {
    let day = local_date(start);
    wish(TYPE, &[OFFICE], day, day, &[PartOfDay::of(start)])
}

async fn try_file(
    store: &dyn Store,
    who: &(Account, PersonId),
    wish: Wish,
    at: Timestamp,
) -> Result<WaitlistRequest, WaitlistError> {
    store
        .file_waitlist_request(
            NewWaitlistRequest {
                account_id: who.0.id,
                person_id: Some(who.1),
                wish,
                language: "uk".into(),
            },
            &policy(),
            at,
        )
        .await
}

async fn file(
    store: &dyn Store,
    who: &(Account, PersonId),
    wish: Wish,
    at: Timestamp,
) -> WaitlistRequest {
    try_file(store, who, wish, at)
        .await
        .expect("file a request")
}

/// The request as its owner sees it now.
async fn request(store: &dyn Store, who: &(Account, PersonId), id: i64) -> WaitlistRequest {
    store
        .waitlist_request(who.0.id, id)
        .await
        .expect("read request")
        .expect("the request exists")
}

/// The open offer of a request (panics when there is none).
async fn open_offer(store: &dyn Store, who: &(Account, PersonId), id: i64) -> Offer {
    let r = request(store, who, id).await;
    assert_eq!(r.status, RequestStatus::Offered, "{r:?}");
    let offer = r.offer.expect("an offer");
    assert_eq!(offer.status, OfferStatus::Open, "{offer:?}");
    offer
}

/// The place of [`slot`]`(3)` booked by a holder, wanted by `first` and then `second`; the
/// holder cancels an hour later and `first` has the offer.
struct Line {
    first: (Account, PersonId),
    second: (Account, PersonId),
    start: Timestamp,
    r1: WaitlistRequest,
    r2: WaitlistRequest,
    offer: Offer,
}

async fn two_in_line(s: &dyn Store) -> Line {
    let holder = applicant(s, "holder@example.cz").await;
    let first = applicant(s, "first@example.cz").await;
    let second = applicant(s, "second@example.cz").await;
    let start = slot(3);
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();
    let r1 = file(s, &first, wish_for(start), now()).await;
    let r2 = file(s, &second, wish_for(start), now() + mins(1)).await;
    cancel(s, holder.0.id, held.id, now() + hours(1))
        .await
        .unwrap();
    let offer = open_offer(s, &first, r1.id).await;
    Line {
        first,
        second,
        start,
        r1,
        r2,
        offer,
    }
}

/// Integers read with SQL the store has no method for (checks only), on either backend.
async fn read_ints(url: &str, sql: String) -> Vec<Vec<i64>> {
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("sqlite");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&pool)
            .await
            .expect("read")
            .iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| row.try_get::<i64, _>(i).expect("an integer"))
                    .collect()
            })
            .collect();
        pool.close().await;
        rows
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("postgres");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&pool)
            .await
            .expect("read")
            .iter()
            .map(|row| {
                (0..row.len())
                    .map(|i| row.try_get::<i64, _>(i).expect("an integer"))
                    .collect()
            })
            .collect();
        pool.close().await;
        rows
    }
}

async fn count(url: &str, sql: String) -> i64 {
    read_ints(url, sql).await[0][0]
}

/// Jobs of `kind` about offer `offer`.
async fn offer_jobs(url: &str, kind: &str, offer: i64) -> i64 {
    let payload = json!({ "offer": offer }).to_string();
    count(
        url,
        format!("SELECT COUNT(*) FROM jobs WHERE kind = '{kind}' AND payload = '{payload}'"),
    )
    .await
}

/// The database's own account of every place: each slot holds exactly its active
/// appointments and its open offers, never more than its capacity; a request is `offered`
/// exactly when it has an open offer, and has at most one.
async fn assert_places_add_up(url: &str) -> Vec<Vec<i64>> {
    let slots = read_ints(
        url,
        "SELECT s.id, CAST(s.booked AS BIGINT), CAST(s.capacity AS BIGINT),
                (SELECT COUNT(*) FROM appointments a
                  WHERE a.slot_id = s.id AND a.status IN ('booked', 'checked-in', 'called')),
                (SELECT COUNT(*) FROM offers o WHERE o.slot_id = s.id AND o.status = 'open')
           FROM slots s ORDER BY s.id"
            .into(),
    )
    .await;
    for s in &slots {
        let (id, booked, capacity, active, open) = (s[0], s[1], s[2], s[3], s[4]);
        assert!(booked <= capacity, "slot {id} over capacity: {s:?}");
        assert_eq!(
            booked,
            active + open,
            "slot {id}: booked = active appointments + open offers"
        );
    }
    let offers_per_request = read_ints(
        url,
        "SELECT request_id, COUNT(*) FROM offers WHERE status = 'open'
          GROUP BY request_id HAVING COUNT(*) > 1"
            .into(),
    )
    .await;
    assert!(
        offers_per_request.is_empty(),
        "requests with more than one open offer: {offers_per_request:?}"
    );
    let mismatched = read_ints(
        url,
        "SELECT r.id FROM waitlist_requests r
          WHERE (r.status = 'offered') <> EXISTS (SELECT 1 FROM offers o
                                                   WHERE o.request_id = r.id
                                                     AND o.status = 'open')"
            .into(),
    )
    .await;
    assert!(
        mismatched.is_empty(),
        "requests `offered` without an open offer, or with one but not `offered`: {mismatched:?}"
    );
    slots
}

/// Lets concurrent tasks start their real work together, each with a pool connection
/// already open.
async fn warm_up(store: &dyn Store, barrier: &Barrier) {
    store.ping().await.expect("ping");
    barrier.wait().await;
}

// ---- offers -------------------------------------------------------------------------------

#[tokio::test]
async fn a_cancellation_offers_the_place_to_the_first_matching_request_in_order_of_filing() {
    let env = env().await;
    let s = &*env.store;
    let holder = applicant(s, "holder@example.cz").await;
    let first = applicant(s, "first@example.cz").await;
    let second = applicant(s, "second@example.cz").await;
    let third = applicant(s, "third@example.cz").await;
    let start = slot(3);
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();

    // Filed in this order; the second and the third at the same instant (then by id).
    let r1 = file(s, &first, wish_for(start), now()).await;
    let r2 = file(s, &second, wish_for(start), now() + mins(1)).await;
    let r3 = file(s, &third, wish_for(start), now() + mins(1)).await;
    assert_eq!(r1.status, RequestStatus::Waiting);
    assert!(r1.offer.is_none());

    let at = now() + hours(1);
    let cancelled = cancel(s, holder.0.id, held.id, at).await.unwrap();
    assert_eq!(cancelled.status, AppointmentStatus::Cancelled);

    let offer = open_offer(s, &first, r1.id).await;
    assert_eq!(offer.request_id, r1.id);
    assert_eq!(offer.office_id, OFFICE);
    assert_eq!(offer.visit_type_id, TYPE);
    assert_eq!((offer.start, offer.end), (start, start + mins(15)));
    assert_eq!(offer.created_at, at);
    assert_eq!(offer.expires_at, at + policy().offer_hold);
    assert_eq!(Some(offer.expires_at), policy().offer_expires_at(start, at));
    assert_eq!(offer.appointment_id, None);
    for (who, id) in [(&second, r2.id), (&third, r3.id)] {
        let r = request(s, who, id).await;
        assert_eq!(r.status, RequestStatus::Waiting, "{r:?}");
        assert!(r.offer.is_none(), "{r:?}");
    }
    // The person offered the place is told, by a job of the same transaction.
    assert_eq!(
        offer_jobs(&env.db.url, OFFER_MADE_JOB, offer.id).await,
        1,
        "one waitlist-offer job for the offer"
    );
    let notice = s.offer_notice(offer.id).await.unwrap().expect("a notice");
    assert_eq!(notice.email, "first@example.cz");
    assert_eq!(notice.language, "uk");
    assert_eq!(notice.offer.id, offer.id);
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn a_request_for_another_office_day_or_time_of_day_gets_no_offer() {
    let env = env().await;
    let s = &*env.store;
    let holder = applicant(s, "holder@example.cz").await;
    let start = slot(3);
    let day = local_date(start);
    let next_day = local_date(slot(4));
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();
    let holder2 = applicant(s, "holder2@example.cz").await;
    let held2 = book_at(s, &holder2, start + mins(15), 1, now())
        .await
        .unwrap();

    let mut misses = Vec::new();
    for (n, w) in [
        // Another office, and offices whose ids merely contain this one's.
        wish(
            TYPE,
            &["brno", "praha-10", "praha-11"],
            day,
            day,
            &[PartOfDay::Morning],
        ),
        // Other days, on both sides.
        wish(TYPE, &[OFFICE], next_day, next_day, &[PartOfDay::Morning]),
        wish(
            TYPE,
            &[OFFICE],
            local_date(slot(1)),
            local_date(slot(2)),
            &[PartOfDay::Morning],
        ),
        // The afternoon only.
        wish(TYPE, &[OFFICE], day, day, &[PartOfDay::Afternoon]),
        // Another visit type.
        wish(
            "residence-permit",
            &[OFFICE],
            day,
            day,
            &[PartOfDay::Morning],
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let who = applicant(s, &format!("miss{n}@example.cz")).await;
        let r = file(s, &who, w, now()).await;
        misses.push((who, r.id));
    }
    // Filed last, but the only one that fits: this office among others, the day itself.
    let fits = applicant(s, "fits@example.cz").await;
    let r = file(
        s,
        &fits,
        wish(TYPE, &["brno", OFFICE], day, day, &PartOfDay::ALL),
        now() + mins(5),
    )
    .await;

    cancel(s, holder.0.id, held.id, now() + hours(1))
        .await
        .unwrap();
    let offer = open_offer(s, &fits, r.id).await;
    assert_eq!(offer.start, start);
    for (who, id) in &misses {
        let r = request(s, who, *id).await;
        assert_eq!(r.status, RequestStatus::Waiting, "{:?}", r.wish);
        assert!(r.offer.is_none(), "{:?}", r.wish);
    }
    assert_eq!(
        booked_at(s, start).await,
        1,
        "the place is held for the offer"
    );

    // Another place of the same day: the one request that fits holds an offer already, so
    // nobody takes it and it is free for anyone.
    cancel(s, holder2.0.id, held2.id, now() + hours(1))
        .await
        .unwrap();
    assert_eq!(booked_at(s, start + mins(15)).await, 0);
    assert_eq!(open_offer(s, &fits, r.id).await.id, offer.id);
    for (who, id) in &misses {
        assert!(request(s, who, *id).await.offer.is_none());
    }
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn an_offer_holds_the_place_so_nobody_else_can_book_it() {
    let env = env().await;
    let s = &*env.store;
    let holder = applicant(s, "holder@example.cz").await;
    let waiter = applicant(s, "waiter@example.cz").await;
    let other = applicant(s, "other@example.cz").await;
    let start = slot(3);
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();
    file(s, &waiter, wish_for(start), now()).await;
    assert_eq!(booked_at(s, start).await, 1);

    cancel(s, holder.0.id, held.id, now() + hours(1))
        .await
        .unwrap();
    assert_eq!(
        booked_at(s, start).await,
        1,
        "the place went from the appointment to the offer"
    );
    assert!(s.slot_full(OFFICE, TYPE, start).await.unwrap());
    let taken = book_at(s, &other, start, 1, now() + hours(1)).await;
    assert!(matches!(taken, Err(BookError::SlotFull)), "{taken:?}");
    // The cancelled holder cannot take it back either.
    let back = book_at(s, &holder, start, 1, now() + hours(1)).await;
    assert!(matches!(back, Err(BookError::SlotFull)), "{back:?}");
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn accepting_an_offer_makes_an_appointment_in_the_held_place_with_a_pin_and_its_mail_job() {
    let env = env().await;
    let s = &*env.store;
    let holder = applicant(s, "holder@example.cz").await;
    let neighbour = applicant(s, "neighbour@example.cz").await;
    let waiter = applicant(s, "waiter@example.cz").await;
    let stranger = applicant(s, "stranger@example.cz").await;
    let start = slot(3);
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();
    // Another appointment at the office that day: PINs are unique per office and day.
    let same_day = book_at(s, &neighbour, start + mins(30), 1, now())
        .await
        .unwrap();
    let r = file(s, &waiter, wish_for(start), now()).await;
    cancel(s, holder.0.id, held.id, now() + hours(1))
        .await
        .unwrap();
    let offer = open_offer(s, &waiter, r.id).await;

    // Not someone else's to accept.
    let theirs = s
        .accept_offer(
            stranger.0.id,
            offer.id,
            &policy(),
            booking_mail(),
            now() + hours(2),
        )
        .await;
    assert!(matches!(theirs, Err(OfferError::NotFound)), "{theirs:?}");

    let at = now() + hours(2);
    let appointment = s
        .accept_offer(waiter.0.id, offer.id, &policy(), booking_mail(), at)
        .await
        .unwrap();
    assert_eq!(appointment.account_id, waiter.0.id);
    assert_eq!(appointment.person_id, waiter.1);
    assert_eq!(
        (
            appointment.office_id.as_str(),
            appointment.visit_type_id.as_str()
        ),
        (OFFICE, TYPE)
    );
    assert_eq!(
        (appointment.start, appointment.end),
        (start, start + mins(15))
    );
    assert_eq!(appointment.status, AppointmentStatus::Booked);
    assert_eq!(appointment.created_at, at);
    assert_eq!(appointment.language, "uk");
    assert!(
        appointment.pin.len() == 4 && appointment.pin.bytes().all(|b| b.is_ascii_digit()),
        "{}",
        appointment.pin
    );
    assert_ne!(appointment.pin, same_day.pin);
    // In the held place: nothing more is taken.
    assert_eq!(booked_at(s, start).await, 1);
    let stored = s.appointment(appointment.id).await.unwrap().unwrap();
    assert_eq!(stored.pin, appointment.pin);
    assert!(
        s.appointments(waiter.0.id)
            .await
            .unwrap()
            .iter()
            .any(|a| a.id == appointment.id)
    );
    // Its confirmation job, written with it.
    assert_eq!(
        count(
            &env.db.url,
            format!(
                "SELECT COUNT(*) FROM jobs WHERE kind = 'booking-confirmation'
                  AND dedupe_key = 'booked:{}'",
                appointment.id
            ),
        )
        .await,
        1
    );

    let r = request(s, &waiter, r.id).await;
    assert_eq!(r.status, RequestStatus::Booked);
    assert_eq!(r.position, None);
    let accepted = r.offer.expect("the offer");
    assert_eq!(accepted.status, OfferStatus::Accepted);
    assert_eq!(accepted.appointment_id, Some(appointment.id));

    // Answered once.
    let again = s
        .accept_offer(waiter.0.id, offer.id, &policy(), booking_mail(), at)
        .await;
    assert!(matches!(again, Err(OfferError::NotOpen)), "{again:?}");
    let decline = s.decline_offer(waiter.0.id, offer.id, &policy(), at).await;
    assert!(matches!(decline, Err(OfferError::NotOpen)), "{decline:?}");
    // The appointment is an ordinary one: a new request of the type is refused.
    let more = try_file(s, &waiter, wish_for(slot(5)), at).await;
    assert!(
        matches!(more, Err(WaitlistError::AlreadyBooked)),
        "{more:?}"
    );
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn declining_passes_the_place_to_the_next_in_line_and_keeps_the_decliner_waiting() {
    let env = env().await;
    let s = &*env.store;
    let Line {
        first,
        second,
        start,
        r1,
        r2,
        offer,
        ..
    } = two_in_line(s).await;
    let nobody = s
        .decline_offer(second.0.id, offer.id, &policy(), now() + hours(2))
        .await;
    assert!(matches!(nobody, Err(OfferError::NotFound)), "{nobody:?}");

    let at = now() + hours(2);
    let declined = s
        .decline_offer(first.0.id, offer.id, &policy(), at)
        .await
        .unwrap();
    assert_eq!(declined.id, offer.id);
    assert_eq!(declined.status, OfferStatus::Declined);

    let mine = request(s, &first, r1.id).await;
    assert_eq!(mine.status, RequestStatus::Waiting);
    assert_eq!(mine.position, Some(1), "still first in line");
    assert_eq!(mine.offer.map(|o| o.status), Some(OfferStatus::Declined));
    let passed = open_offer(s, &second, r2.id).await;
    assert_eq!(passed.start, start);
    assert_eq!(passed.created_at, at);
    assert_eq!(
        Some(passed.expires_at),
        policy().offer_expires_at(start, at)
    );
    assert_eq!(offer_jobs(&env.db.url, OFFER_MADE_JOB, passed.id).await, 1);
    assert_eq!(booked_at(s, start).await, 1, "the place stays held");

    let twice = s.decline_offer(first.0.id, offer.id, &policy(), at).await;
    assert!(matches!(twice, Err(OfferError::NotOpen)), "{twice:?}");

    // The second declines too: the first had this place already, so nobody is left and
    // it is free for anyone; the first keeps waiting.
    s.decline_offer(second.0.id, passed.id, &policy(), at)
        .await
        .unwrap();
    assert_eq!(booked_at(s, start).await, 0);
    let mine = request(s, &first, r1.id).await;
    assert_eq!(mine.status, RequestStatus::Waiting);
    assert_eq!(mine.offer.map(|o| o.status), Some(OfferStatus::Declined));
    assert_eq!(
        request(s, &second, r2.id).await.status,
        RequestStatus::Waiting
    );
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn a_lapsed_offer_passes_the_place_on_and_closes_the_request() {
    let env = env().await;
    let s = &*env.store;
    let Line {
        first,
        second,
        start,
        r1,
        r2,
        offer,
        ..
    } = two_in_line(s).await;
    let expires = offer.expires_at;

    // Not yet.
    assert_eq!(
        s.lapse_offers(&policy(), expires - secs(1)).await.unwrap(),
        0
    );
    assert_eq!(open_offer(s, &first, r1.id).await.id, offer.id);
    // At its end it can no longer be accepted, even before the worker has lapsed it.
    let late = s
        .accept_offer(first.0.id, offer.id, &policy(), booking_mail(), expires)
        .await;
    assert!(matches!(late, Err(OfferError::Lapsed)), "{late:?}");
    assert_eq!(booked_at(s, start).await, 1);

    assert_eq!(s.lapse_offers(&policy(), expires).await.unwrap(), 1);
    assert_eq!(s.lapse_offers(&policy(), expires).await.unwrap(), 0);
    let closed = request(s, &first, r1.id).await;
    assert_eq!(closed.status, RequestStatus::Expired);
    assert_eq!(closed.position, None);
    let lapsed = closed.offer.expect("the offer");
    assert_eq!((lapsed.id, lapsed.status), (offer.id, OfferStatus::Lapsed));
    assert_eq!(
        offer_jobs(&env.db.url, OFFER_LAPSED_JOB, offer.id).await,
        1,
        "one waitlist-lapsed job for the lapsed offer"
    );

    let passed = open_offer(s, &second, r2.id).await;
    assert_eq!(passed.start, start);
    assert_eq!(passed.created_at, expires);
    assert_eq!(
        Some(passed.expires_at),
        policy().offer_expires_at(start, expires)
    );
    assert_eq!(booked_at(s, start).await, 1, "the place stays held");

    let after = s
        .accept_offer(first.0.id, offer.id, &policy(), booking_mail(), expires)
        .await;
    assert!(matches!(after, Err(OfferError::Lapsed)), "{after:?}");
    // The closed request does not hold the person back: a new one may be filed.
    let again = try_file(s, &first, wish_for(start), expires).await;
    assert!(again.is_ok(), "{again:?}");
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn withdrawing_an_offered_request_passes_the_place_on() {
    let env = env().await;
    let s = &*env.store;
    let Line {
        first,
        second,
        start,
        r1,
        r2,
        offer,
        ..
    } = two_in_line(s).await;

    let at = now() + hours(2);
    let theirs = s
        .withdraw_waitlist_request(second.0.id, r1.id, &policy(), at)
        .await;
    assert!(matches!(theirs, Err(WaitlistError::NotFound)), "{theirs:?}");
    let withdrawn = s
        .withdraw_waitlist_request(first.0.id, r1.id, &policy(), at)
        .await
        .unwrap();
    assert_eq!(withdrawn.status, RequestStatus::Withdrawn);
    assert_eq!(
        withdrawn.offer.map(|o| (o.id, o.status)),
        Some((offer.id, OfferStatus::Withdrawn))
    );
    let stored = request(s, &first, r1.id).await;
    assert_eq!(stored.status, RequestStatus::Withdrawn);
    assert_eq!(stored.position, None);

    let passed = open_offer(s, &second, r2.id).await;
    assert_eq!(passed.start, start);
    assert_eq!(passed.created_at, at);
    assert_eq!(booked_at(s, start).await, 1);
    let gone = s
        .accept_offer(first.0.id, offer.id, &policy(), booking_mail(), at)
        .await;
    assert!(matches!(gone, Err(OfferError::NotOpen)), "{gone:?}");

    let twice = s
        .withdraw_waitlist_request(first.0.id, r1.id, &policy(), at)
        .await;
    assert!(matches!(twice, Err(WaitlistError::NotOpen)), "{twice:?}");

    // A waiting request without an offer simply closes; the offer elsewhere is untouched.
    let r3 = file(s, &first, wish_for(start), at).await;
    assert_eq!(
        r3.position,
        Some(2),
        "behind the second, whose request is open"
    );
    let closed = s
        .withdraw_waitlist_request(first.0.id, r3.id, &policy(), at)
        .await
        .unwrap();
    assert_eq!(closed.status, RequestStatus::Withdrawn);
    assert!(closed.offer.is_none());
    assert_eq!(open_offer(s, &second, r2.id).await.id, passed.id);
    assert_eq!(booked_at(s, start).await, 1);
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn a_place_that_starts_too_soon_is_not_offered_and_stays_free() {
    let env = env().await;
    let s = &*env.store;
    let leaving = applicant(s, "leaving@example.cz").await;
    let holder = applicant(s, "holder@example.cz").await;
    let waiter = applicant(s, "waiter@example.cz").await;
    let latecomer = applicant(s, "late@example.cz").await;

    // Released by the deletion of its holder's account an hour before it starts: sooner
    // than the minimum lead of two hours.
    let soon = slot(3);
    book_at(s, &leaving, soon, 1, now()).await.unwrap();
    let r = file(s, &waiter, wish_for(soon), now()).await;
    let at = soon - hours(1);
    assert!(soon.duration_since(at) < policy().offer_min_lead);
    assert!(s.delete_account(leaving.0.id, &policy(), at).await.unwrap());
    assert_eq!(booked_at(s, soon).await, 0, "free for anyone");
    let still = request(s, &waiter, r.id).await;
    assert_eq!(still.status, RequestStatus::Waiting);
    assert!(still.offer.is_none());
    book_at(s, &latecomer, soon, 1, at)
        .await
        .expect("the freed place is anyone's");

    // With a longer minimum lead (configurable), a client's cancellation 30 hours ahead is
    // too late to offer; exactly the minimum lead is not.
    let long_lead = BookingPolicy {
        offer_min_lead: hours(48),
        ..policy()
    };
    let at = now() + hours(1);
    let near = at + hours(30);
    let edge = at + hours(48);
    let near_held = book_at(s, &holder, near, 1, now()).await.unwrap();
    let other_holder = applicant(s, "holder2@example.cz").await;
    let edge_held = book_at(s, &other_holder, edge, 1, now()).await.unwrap();
    s.withdraw_waitlist_request(waiter.0.id, r.id, &policy(), now())
        .await
        .unwrap();
    let day = local_date(near);
    let r = file(
        s,
        &waiter,
        wish(TYPE, &[OFFICE], day, local_date(edge), &PartOfDay::ALL),
        now(),
    )
    .await;
    cancel_with(s, holder.0.id, near_held.id, &long_lead, at)
        .await
        .unwrap();
    assert_eq!(booked_at(s, near).await, 0);
    assert!(request(s, &waiter, r.id).await.offer.is_none());
    cancel_with(s, other_holder.0.id, edge_held.id, &long_lead, at)
        .await
        .unwrap();
    assert_eq!(booked_at(s, edge).await, 1);
    assert_eq!(open_offer(s, &waiter, r.id).await.start, edge);
    assert_places_add_up(&env.db.url).await;
}

// ---- filing -------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_open_request_per_person_and_visit_type() {
    let env = env().await;
    let s = &*env.store;
    let olena = applicant(s, "olena@example.cz").await;
    let stranger = applicant(s, "stranger@example.cz").await;
    let start = slot(3);
    let first = file(s, &olena, wish_for(start), now()).await;
    assert_eq!(first.account_id, olena.0.id);
    assert_eq!(first.person_id, olena.1);
    assert_eq!(first.wish, wish_for(start));
    assert_eq!(first.language, "uk");
    assert_eq!(first.created_at, now());
    assert_eq!(first.position, Some(1));

    // Another wish for the same type is still the same person waiting.
    let again = try_file(s, &olena, wish_for(slot(10)), now()).await;
    assert!(
        matches!(again, Err(WaitlistError::AlreadyWaiting)),
        "{again:?}"
    );
    // Another visit type, and the account's child, are other requests.
    let mut other_type = wish_for(start);
    other_type.visit_type = VisitTypeId::parse("residence-permit").unwrap();
    try_file(s, &olena, other_type, now()).await.unwrap();
    let child = s
        .add_child(
            olena.0.id,
            "Taras Kovalenko",
            "2020-03-09".parse().unwrap(),
            now(),
        )
        .await
        .unwrap();
    let for_child = try_file(s, &(olena.0.clone(), child.id), wish_for(start), now())
        .await
        .unwrap();
    assert_eq!(for_child.person_id, child.id);
    // The person must be the account's.
    let foreign = try_file(s, &(olena.0.clone(), stranger.1), wish_for(start), now()).await;
    assert!(
        matches!(foreign, Err(WaitlistError::NotYourPerson)),
        "{foreign:?}"
    );
    // `None` is the account holder.
    let implicit = s
        .file_waitlist_request(
            NewWaitlistRequest {
                account_id: olena.0.id,
                person_id: None,
                wish: wish_for(start),
                language: "uk".into(),
            },
            &policy(),
            now(),
        )
        .await;
    assert!(
        matches!(implicit, Err(WaitlistError::AlreadyWaiting)),
        "{implicit:?}"
    );

    // Once withdrawn, a new one may be filed.
    s.withdraw_waitlist_request(olena.0.id, first.id, &policy(), now())
        .await
        .unwrap();
    let renewed = file(s, &olena, wish_for(slot(10)), now() + mins(1)).await;
    assert_ne!(renewed.id, first.id);

    // Many at once for one person: exactly one is filed.
    let ali = applicant(s, "ali@example.cz").await;
    let barrier = Arc::new(Barrier::new(12));
    let mut tasks = JoinSet::new();
    for n in 0..12 {
        let (store, barrier, ali) = (env.store.clone(), barrier.clone(), ali.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            try_file(&*store, &ali, wish_for(slot(3 + n)), now()).await
        });
    }
    let (mut filed, mut waiting) = (0, 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(_) => filed += 1,
            Err(WaitlistError::AlreadyWaiting) => waiting += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((filed, waiting), (1, 11));
    let open = s
        .waitlist_requests(ali.0.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.status.is_open())
        .count();
    assert_eq!(open, 1);
}

#[tokio::test]
async fn no_request_for_a_person_holding_an_active_appointment_of_the_type() {
    let env = env().await;
    let s = &*env.store;
    let olena = applicant(s, "olena@example.cz").await;
    let start = slot(3);
    let mine = book_at(s, &olena, start, 2, now()).await.unwrap();
    let refused = try_file(s, &olena, wish_for(slot(5)), now()).await;
    assert!(
        matches!(refused, Err(WaitlistError::AlreadyBooked)),
        "{refused:?}"
    );
    // Another type is fine.
    let mut other = wish_for(slot(5));
    other.visit_type = VisitTypeId::parse("residence-permit").unwrap();
    try_file(s, &olena, other, now()).await.unwrap();

    // Once cancelled, the person may wait for the type.
    cancel(s, olena.0.id, mine.id, now() + hours(1))
        .await
        .unwrap();
    let filed = try_file(s, &olena, wish_for(slot(5)), now() + hours(1)).await;
    assert!(filed.is_ok(), "{filed:?}");

    // A missed appointment is no active one: its check-in window has closed.
    let ali = applicant(s, "ali@example.cz").await;
    let soon = now() + hours(1);
    book_at(s, &ali, soon, 2, now()).await.unwrap();
    let closes = policy().checkin_closes_after;
    let open = try_file(s, &ali, wish_for(slot(5)), soon + closes - secs(1)).await;
    assert!(
        matches!(open, Err(WaitlistError::AlreadyBooked)),
        "{open:?}"
    );
    let missed = try_file(s, &ali, wish_for(slot(5)), soon + closes).await;
    assert!(missed.is_ok(), "{missed:?}");
}

#[tokio::test]
async fn a_person_whose_earlier_appointment_was_missed_is_offered_the_place_and_can_accept_it() {
    let env = env().await;
    let s = &*env.store;
    let ali = applicant(s, "ali@example.cz").await;
    let holder = applicant(s, "holder@example.cz").await;
    let second = applicant(s, "second@example.cz").await;
    let missed = now() + hours(1);
    book_at(s, &ali, missed, 2, now()).await.unwrap();
    let start = slot(3);
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();

    // The check-in window of Ali's appointment has closed (no sweep has written it yet): the
    // store lets Ali wait for the type, first in line.
    let at = missed + policy().checkin_closes_after;
    let r = file(s, &ali, wish_for(start), at).await;
    let r2 = file(s, &second, wish_for(start), at + secs(1)).await;
    cancel(s, holder.0.id, held.id, at + secs(2)).await.unwrap();

    let mine = request(s, &ali, r.id).await;
    let theirs = request(s, &second, r2.id).await;
    assert_eq!(
        (mine.status, theirs.status),
        (RequestStatus::Offered, RequestStatus::Waiting),
        "the first in line, who holds no active appointment of the type, gets the place"
    );
    let offer = mine.offer.expect("an offer");
    let accepted = s
        .accept_offer(ali.0.id, offer.id, &policy(), booking_mail(), at + secs(3))
        .await;
    assert!(accepted.is_ok(), "{accepted:?}");
}

#[tokio::test]
async fn position_counts_the_open_requests_filed_earlier() {
    let env = env().await;
    let s = &*env.store;
    let holder = applicant(s, "holder@example.cz").await;
    let a = applicant(s, "a@example.cz").await;
    let b = applicant(s, "b@example.cz").await;
    let c = applicant(s, "c@example.cz").await;
    let d = applicant(s, "d@example.cz").await;
    let start = slot(3);
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();
    let ra = file(s, &a, wish_for(start), now()).await;
    // Other offices and days count too: the line is per visit type.
    let rb = file(
        s,
        &b,
        wish(
            TYPE,
            &["brno"],
            local_date(slot(10)),
            local_date(slot(12)),
            &[PartOfDay::Afternoon],
        ),
        now() + mins(1),
    )
    .await;
    let rc = file(s, &c, wish_for(start), now() + mins(2)).await;
    // Another visit type is another line.
    let mut other = wish_for(start);
    other.visit_type = VisitTypeId::parse("residence-permit").unwrap();
    let ro = file(s, &d, other, now() + mins(3)).await;
    let rd = file(s, &d, wish_for(slot(4)), now() + mins(4)).await;
    assert_eq!(
        [
            ra.position,
            rb.position,
            rc.position,
            ro.position,
            rd.position
        ],
        [Some(1), Some(2), Some(3), Some(1), Some(4)]
    );

    // Newest first, with positions.
    let list = s.waitlist_requests(d.0.id).await.unwrap();
    assert_eq!(
        list.iter().map(|r| (r.id, r.position)).collect::<Vec<_>>(),
        vec![(rd.id, Some(4)), (ro.id, Some(1))]
    );

    // A withdrawn request no longer counts.
    s.withdraw_waitlist_request(b.0.id, rb.id, &policy(), now() + mins(5))
        .await
        .unwrap();
    assert_eq!(request(s, &c, rc.id).await.position, Some(2));
    assert_eq!(request(s, &d, rd.id).await.position, Some(3));
    assert_eq!(request(s, &b, rb.id).await.position, None);

    // An offered request is still in line...
    cancel(s, holder.0.id, held.id, now() + hours(1))
        .await
        .unwrap();
    let offered = request(s, &a, ra.id).await;
    assert_eq!(
        (offered.status, offered.position),
        (RequestStatus::Offered, Some(1))
    );
    assert_eq!(request(s, &d, rd.id).await.position, Some(3));
    // ...until it is booked.
    let offer = offered.offer.unwrap();
    s.accept_offer(
        a.0.id,
        offer.id,
        &policy(),
        booking_mail(),
        now() + hours(2),
    )
    .await
    .unwrap();
    assert_eq!(request(s, &a, ra.id).await.position, None);
    assert_eq!(request(s, &c, rc.id).await.position, Some(1));
    assert_eq!(request(s, &d, rd.id).await.position, Some(2));
    assert_eq!(request(s, &d, ro.id).await.position, Some(1));
}

// ---- accounts -----------------------------------------------------------------------------

#[tokio::test]
async fn deleting_an_account_withdraws_its_requests_and_offers_its_places() {
    let env = env().await;
    let s = &*env.store;
    let leaving = applicant(s, "leaving@example.cz").await;
    let holder = applicant(s, "holder@example.cz").await;
    let w1 = applicant(s, "w1@example.cz").await;
    let w2 = applicant(s, "w2@example.cz").await;
    let child = s
        .add_child(
            leaving.0.id,
            "Taras Kovalenko",
            "2020-03-09".parse().unwrap(),
            now(),
        )
        .await
        .unwrap();
    let leaving_child = (leaving.0.clone(), child.id);

    // The leaving account holds an appointment of another type in S1...
    let s1 = slot(3);
    let own = s
        .book(
            booking(leaving.0.id, leaving.1, OFFICE, "residence-permit", s1, 1),
            &policy(),
            booking_mail(),
            now(),
        )
        .await
        .unwrap();
    let mut for_s1 = wish_for(s1);
    for_s1.visit_type = VisitTypeId::parse("residence-permit").unwrap();
    let r1 = file(s, &w1, for_s1, now()).await;
    // ...an open offer of S2 for itself, and a waiting request for its child that fits S2
    // as well.
    let s2 = slot(4);
    let held = book_at(s, &holder, s2, 1, now()).await.unwrap();
    let mine = file(s, &leaving, wish_for(s2), now()).await;
    let childs = file(s, &leaving_child, wish_for(s2), now() + mins(1)).await;
    let r2 = file(s, &w2, wish_for(s2), now() + mins(2)).await;
    cancel(s, holder.0.id, held.id, now() + hours(1))
        .await
        .unwrap();
    let offer = open_offer(s, &leaving, mine.id).await;

    let at = now() + hours(2);
    assert!(s.delete_account(leaving.0.id, &policy(), at).await.unwrap());

    // Its requests are closed, its offer withdrawn: nothing of it holds a place.
    for r in [
        request(s, &leaving, mine.id).await,
        request(s, &leaving_child, childs.id).await,
    ] {
        assert_eq!(r.status, RequestStatus::Withdrawn, "{r:?}");
        assert!(
            r.offer
                .as_ref()
                .is_none_or(|o| o.status != OfferStatus::Open),
            "{r:?}"
        );
    }
    assert_eq!(
        request(s, &leaving, mine.id)
            .await
            .offer
            .map(|o| (o.id, o.status)),
        Some((offer.id, OfferStatus::Withdrawn))
    );
    // The offered place goes to the next other person in line...
    let passed = open_offer(s, &w2, r2.id).await;
    assert_eq!((passed.start, passed.created_at), (s2, at));
    assert_eq!(booked_at(s, s2).await, 1);
    // ...and the released appointment's place to whoever waits for it.
    assert_eq!(
        s.appointment(own.id).await.unwrap().unwrap().status,
        AppointmentStatus::Cancelled
    );
    let released = open_offer(s, &w1, r1.id).await;
    assert_eq!((released.start, released.created_at), (s1, at));
    assert_eq!(
        s.booked_counts(OFFICE, "residence-permit", s1, s1 + secs(1))
            .await
            .unwrap()[0]
            .booked,
        1
    );
    // Nobody mails the deleted account about its offers.
    assert!(s.offer_notice(offer.id).await.unwrap().is_none());
    assert_places_add_up(&env.db.url).await;
}

#[tokio::test]
async fn a_blocked_account_cannot_file_is_passed_over_and_cannot_accept() {
    let env = env().await;
    let s = &*env.store;
    let olena = applicant(s, "olena@example.cz").await;
    let ivan = applicant(s, "ivan@example.cz").await;
    let holder = applicant(s, "holder@example.cz").await;
    // Olena files while in good standing, and gets an offer at once.
    let start = now() + hours(24 * 5);
    let held = book_at(s, &holder, start, 1, now()).await.unwrap();
    let r = file(s, &olena, wish_for(start), now()).await;
    cancel(s, holder.0.id, held.id, now()).await.unwrap();
    let offer = open_offer(s, &olena, r.id).await;
    // Then three appointments she booked earlier lapse, within the offer's 12 hours.
    let missed = [now() + hours(1), now() + hours(2), now() + hours(3)];
    for (i, missed_start) in missed.iter().enumerate() {
        s.book(
            booking(
                olena.0.id,
                olena.1,
                OFFICE,
                &format!("type-{i}"),
                *missed_start,
                2,
            ),
            &policy(),
            booking_mail(),
            now(),
        )
        .await
        .unwrap();
    }
    let at = missed[2] + policy().checkin_closes_after;
    assert!(at < offer.expires_at);

    // Accepting is refused as any booking would be, and nothing is written.
    let refused = s
        .accept_offer(olena.0.id, offer.id, &policy(), booking_mail(), at)
        .await;
    match refused {
        Err(OfferError::Blocked { until }) => assert_eq!(until, at + policy().block_for),
        other => panic!("expected a block, got {other:?}"),
    }
    assert_eq!(open_offer(s, &olena, r.id).await.id, offer.id);
    assert_eq!(booked_at(s, start).await, 1);
    assert!(
        s.appointments(olena.0.id)
            .await
            .unwrap()
            .iter()
            .all(|a| a.visit_type_id != TYPE)
    );

    // Ivan files behind her; when she declines, the place goes to him.
    let ivans = file(s, &ivan, wish_for(start), at).await;
    s.decline_offer(olena.0.id, offer.id, &policy(), at)
        .await
        .unwrap();
    assert_eq!(open_offer(s, &ivan, ivans.id).await.start, start);
    // Another place of that morning frees up: Olena is first in line but blocked, so she is
    // passed over (her request keeps its place) and Petr, who filed after her, gets it.
    let petr = applicant(s, "petr@example.cz").await;
    let next = start + mins(15);
    let held = book_at(s, &holder, next, 1, at).await.unwrap();
    let petrs = file(s, &petr, wish_for(next), at).await;
    cancel(s, holder.0.id, held.id, at).await.unwrap();
    assert_eq!(open_offer(s, &petr, petrs.id).await.start, next);
    assert_eq!(
        request(s, &olena, r.id).await.status,
        RequestStatus::Waiting
    );

    // A blocked account cannot file at all.
    s.withdraw_waitlist_request(olena.0.id, r.id, &policy(), at)
        .await
        .unwrap();
    match try_file(s, &olena, wish_for(next), at).await {
        Err(WaitlistError::Blocked { until }) => assert_eq!(until, at + policy().block_for),
        other => panic!("expected a block, got {other:?}"),
    }
    assert_places_add_up(&env.db.url).await;
}

// ---- races --------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_cancellations_at_once_offer_each_request_at_most_one_place_and_overfill_no_slot() {
    let env = env().await;
    let s = &*env.store;
    let starts: Vec<Timestamp> = (0..16).map(|n| slot(3) + mins(15 * n)).collect();
    let mut held = Vec::new();
    for (n, start) in starts.iter().enumerate() {
        let holder = applicant(s, &format!("holder{n}@example.cz")).await;
        let appointment = book_at(s, &holder, *start, 1, now()).await.unwrap();
        held.push((holder, appointment));
    }
    let day = local_date(starts[0]);
    let mut waiters = Vec::new();
    for n in 0..6 {
        let who = applicant(s, &format!("waiter{n}@example.cz")).await;
        let r = file(
            s,
            &who,
            wish(TYPE, &[OFFICE], day, day, &PartOfDay::ALL),
            now() + secs(n),
        )
        .await;
        waiters.push((who, r.id));
    }

    let at = now() + hours(1);
    let barrier = Arc::new(Barrier::new(held.len()));
    let mut tasks = JoinSet::new();
    for (holder, appointment) in &held {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        let (account, id) = (holder.0.id, appointment.id);
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            cancel(&*store, account, id, at).await
        });
    }
    while let Some(result) = tasks.join_next().await {
        let cancelled = result.unwrap().expect("every cancellation succeeds");
        assert_eq!(cancelled.status, AppointmentStatus::Cancelled);
    }

    // Sixteen places for six requests: every request has one, in six different slots.
    let mut offered_slots = HashSet::new();
    for (who, id) in &waiters {
        let offer = open_offer(s, who, *id).await;
        assert!(starts.contains(&offer.start));
        assert!(offered_slots.insert(offer.start), "one place per slot");
    }
    let slots = assert_places_add_up(&env.db.url).await;
    assert_eq!(slots.len(), starts.len());
    assert_eq!(slots.iter().map(|s| s[1]).sum::<i64>(), 6);
    for start in &starts {
        let expected = u32::from(offered_slots.contains(start));
        assert_eq!(booked_at(s, *start).await, expected);
    }

    // Now half decline and half withdraw, at once, while the freed places are booked by
    // others: the places move on, nothing is counted twice.
    let at = at + hours(1);
    let barrier = Arc::new(Barrier::new(waiters.len() + 4));
    let mut tasks = JoinSet::new();
    for (n, (who, id)) in waiters.iter().enumerate() {
        let (store, barrier, who, id) = (env.store.clone(), barrier.clone(), who.clone(), *id);
        let offer = open_offer(s, &who, id).await;
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            if n % 2 == 0 {
                store
                    .decline_offer(who.0.id, offer.id, &policy(), at)
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("decline: {e:?}"))
            } else {
                store
                    .withdraw_waitlist_request(who.0.id, id, &policy(), at)
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("withdraw: {e:?}"))
            }
        });
    }
    for n in 0..4 {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        let who = applicant(s, &format!("walk{n}@example.cz")).await;
        let starts = starts.clone();
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            for start in starts {
                match book_at(&*store, &who, start, 1, at).await {
                    Ok(_) => return Ok(()),
                    Err(BookError::SlotFull) => {}
                    Err(e) => return Err(format!("book: {e:?}")),
                }
            }
            Err("no free place among sixteen".into())
        });
    }
    while let Some(result) = tasks.join_next().await {
        result.unwrap().expect("no error");
    }
    assert_places_add_up(&env.db.url).await;
    let mut open_offers = 0;
    for (who, id) in &waiters {
        let r = request(s, who, *id).await;
        if r.status == RequestStatus::Offered {
            open_offers += 1;
        }
        assert!(
            matches!(
                r.status,
                RequestStatus::Waiting | RequestStatus::Offered | RequestStatus::Withdrawn
            ),
            "{r:?}"
        );
    }
    let total: i64 = read_ints(
        &env.db.url,
        "SELECT COUNT(*) FROM offers WHERE status = 'open'".into(),
    )
    .await[0][0];
    assert_eq!(total, open_offers);
}

/// Withdrawing a request while the worker lapses its offer: one of them closes the offer and
/// passes the place on once; neither fails.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn withdrawals_racing_the_lapse_of_their_offers_settle_without_errors() {
    let env = env().await;
    let s = &*env.store;
    let starts: Vec<Timestamp> = (0..12).map(|n| slot(3) + mins(15 * n)).collect();
    let day = local_date(starts[0]);
    let whole_day = || wish(TYPE, &[OFFICE], day, day, &PartOfDay::ALL);
    let mut held = Vec::new();
    for (n, start) in starts.iter().enumerate() {
        let holder = applicant(s, &format!("holder{n}@example.cz")).await;
        held.push((
            holder.0.id,
            book_at(s, &holder, *start, 1, now()).await.unwrap().id,
        ));
    }
    let mut first = Vec::new();
    for n in 0..12 {
        let who = applicant(s, &format!("first{n}@example.cz")).await;
        let id = file(s, &who, whole_day(), now() + secs(n)).await.id;
        first.push((who, id));
    }
    let mut next = Vec::new();
    for n in 0..12 {
        let who = applicant(s, &format!("next{n}@example.cz")).await;
        let id = file(s, &who, whole_day(), now() + mins(1) + secs(n))
            .await
            .id;
        next.push((who, id));
    }
    let at = now() + hours(1);
    for (account, id) in &held {
        cancel(s, *account, *id, at).await.unwrap();
    }
    let mut expires = Vec::new();
    for (who, id) in &first {
        expires.push(open_offer(s, who, *id).await.expires_at);
    }
    let due = *expires.iter().max().unwrap();

    let barrier = Arc::new(Barrier::new(first.len() + 1));
    let mut tasks = JoinSet::new();
    {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            store
                .lapse_offers(&policy(), due)
                .await
                .map(|_| ())
                .map_err(|e| format!("lapse: {e:?}"))
        });
    }
    for (who, id) in &first {
        let (store, barrier, account, id) = (env.store.clone(), barrier.clone(), who.0.id, *id);
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            match store
                .withdraw_waitlist_request(account, id, &policy(), due)
                .await
            {
                // Withdrawn, or the lapse closed it first.
                Ok(_) | Err(WaitlistError::NotOpen) => Ok(()),
                Err(e) => Err(format!("withdraw: {e:?}")),
            }
        });
    }
    let mut errors = Vec::new();
    while let Some(result) = tasks.join_next().await {
        if let Err(e) = result.unwrap() {
            errors.push(e);
        }
    }
    assert!(errors.is_empty(), "{errors:?}");
    // Whatever is left due lapses now; then every place went on exactly once.
    s.lapse_offers(&policy(), due).await.unwrap();
    assert_places_add_up(&env.db.url).await;
    let mut by_slot: HashMap<Timestamp, usize> = HashMap::new();
    for (who, id) in &next {
        let offer = open_offer(s, who, *id).await;
        *by_slot.entry(offer.start).or_default() += 1;
    }
    assert_eq!(
        by_slot.len(),
        starts.len(),
        "every place offered once: {by_slot:?}"
    );
    for (who, id) in &first {
        let r = request(s, who, *id).await;
        assert!(
            matches!(r.status, RequestStatus::Withdrawn | RequestStatus::Expired),
            "{r:?}"
        );
    }
}
