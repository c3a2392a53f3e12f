//! The harness both store suites share: a fresh database per test on the backend that
//! `termin_store::testing::test_database` picks, and the accounts and bookings they start from.

#![allow(dead_code)]

use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use termin_domain::BookingPolicy;
use termin_store::testing::{TestDatabase, test_database};
use termin_store::*;

pub struct Env {
    // Field order is drop order: the pool goes before its database.
    pub store: Arc<dyn Store>,
    pub db: TestDatabase,
    _dir: tempfile::TempDir,
}

pub async fn env() -> Env {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = test_database(dir.path()).await;
    let store = connect(&db.url).await.expect("connect and migrate");
    Env {
        store,
        db,
        _dir: dir,
    }
}

pub fn now() -> Timestamp {
    "2026-12-01T08:00:00Z".parse().unwrap()
}

pub fn hours(h: i64) -> SignedDuration {
    SignedDuration::from_hours(h)
}

pub fn mins(m: i64) -> SignedDuration {
    SignedDuration::from_mins(m)
}

pub fn policy() -> BookingPolicy {
    BookingPolicy::default()
}

pub fn new_account(email: &str) -> NewAccount {
    NewAccount {
        email: email.into(),
        password_hash: "$argon2id$dummy".into(),
        full_name: "Olena Kovalenko".into(),
        date_of_birth: "1995-04-12".parse().unwrap(),
        language: "uk".into(),
        role: Role::Applicant,
        email_verified: false,
        offices: vec![],
    }
}

/// An applicant and the id of their `self` person.
pub async fn applicant(store: &dyn Store, email: &str) -> (Account, PersonId) {
    let account = store
        .create_account(new_account(email), None, None, now())
        .await
        .expect("create account");
    let persons = store.persons(account.id).await.expect("persons");
    assert_eq!(persons.len(), 1);
    (account, persons[0].id)
}

pub fn booking(
    account: AccountId,
    person: PersonId,
    office: &str,
    visit_type: &str,
    start: Timestamp,
    capacity: u32,
) -> NewBooking {
    NewBooking {
        account_id: account,
        person_id: Some(person),
        office_id: office.into(),
        visit_type_id: visit_type.into(),
        start,
        end: start + mins(15),
        local_date: termin_domain::time::local_date(start),
        capacity,
        language: "uk".into(),
        idempotency_key: None,
    }
}

pub fn booking_mail() -> BookingJob {
    Box::new(|a: &Appointment| NewJob {
        kind: "booking-confirmation".into(),
        payload: json!({ "appointment": a.id, "sequence": a.sequence }),
        run_at: a.status_changed_at,
        dedupe_key: Some(format!("booked:{}", a.id)),
    })
}
