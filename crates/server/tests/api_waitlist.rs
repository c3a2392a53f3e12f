//! API tests of the waitlist: filing a request, the offer of a freed place, and accepting,
//! declining, letting it lapse and withdrawing, driving time with the dev clock.

mod common;

use std::time::Duration;

use common::{TestApp, spawn_app};
use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use termin_domain::time::local_date;
use termin_domain::{OfficeId, PartOfDay, VisitTypeId};

const OFFICE: &str = "praha-2";
const OTHER_OFFICE: &str = "praha-3";
const VISIT: &str = "long-term-residence-extension";

/// A free place at least two days ahead (so it can be cancelled and offered for the full
/// hold): its start as the API writes it, and as an instant.
async fn place(app: &TestApp) -> (String, Timestamp) {
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let at = start.parse().unwrap();
    (start, at)
}

/// A request body for exactly the day and part of the day of `start`.
fn wish_for(start: Timestamp) -> Value {
    let day = local_date(start).to_string();
    json!({
        "visit_type": VISIT,
        "offices": [OFFICE],
        "from": day,
        "to": day,
        "times": [PartOfDay::of(start).as_str()],
    })
}

async fn file(app: &TestApp, token: &str, body: Value) -> (StatusCode, Value) {
    app.post("/waitlist", Some(token), body).await
}

/// Files and expects 201; the request's id.
async fn filed(app: &TestApp, token: &str, body: Value) -> i64 {
    let (s, v) = file(app, token, body).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    v["id"].as_i64().unwrap()
}

async fn request(app: &TestApp, token: &str, id: i64) -> Value {
    let (s, v) = app.get(&format!("/waitlist/{id}"), Some(token)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    v
}

async fn delete(app: &TestApp, path: &str, token: &str) -> (StatusCode, Value) {
    let (s, v, _) = app.call(Method::DELETE, path, Some(token), None).await;
    (s, v)
}

async fn cancel(app: &TestApp, token: &str, appointment: i64) {
    let (s, v) = app
        .post(
            &format!("/appointments/{appointment}/cancel"),
            Some(token),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
}

fn ts(v: &Value) -> Timestamp {
    v.as_str()
        .unwrap_or_else(|| panic!("an instant, not {v}"))
        .parse()
        .unwrap()
}

fn problem(s: StatusCode, v: &Value) -> (StatusCode, Option<&str>) {
    (s, v["code"].as_str())
}

/// The fields named by a 422 `invalid-input`, each with a message.
fn fields(v: &Value) -> Vec<String> {
    assert_eq!(v["code"], "invalid-input", "{v}");
    v["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("errors in {v}"))
        .iter()
        .map(|e| {
            assert!(
                !e["detail"].as_str().unwrap_or_default().is_empty(),
                "a message for each field: {v}"
            );
            e["field"].as_str().unwrap().to_string()
        })
        .collect()
}

/// Waits up to 10 s (the worker lapses offers every 2 s) for `check`.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..100 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what}: not within 10 s");
}

/// Whether `mail` holds every line of `body` (the message as the mail module composes
/// it).
fn has_body(mail: &str, body: &str) -> bool {
    let mut lines = body.lines().map(str::trim).filter(|line| !line.is_empty());
    lines.clone().count() > 2 && lines.all(|line| mail.contains(line))
}

/// Waits up to 5 s for a mail to `to` that satisfies `wanted` (the worker may be sending it
/// while the test runs the jobs too).
async fn expect_mail(app: &TestApp, to: &str, what: &str, wanted: impl Fn(&str) -> bool) {
    let mut mails = Vec::new();
    for _ in 0..50 {
        mails = app.mails_to(to).await;
        if mails.iter().any(|m| wanted(m)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{what} to {to}, in {mails:#?}");
}

/// The offer mail and the lapse mail of an offer as the mail module composes them.
async fn offer_mails(app: &TestApp, offer: i64) -> (String, String) {
    let notice = app
        .state
        .store
        .offer_notice(offer)
        .await
        .unwrap()
        .expect("the offer's notice");
    let catalog = &app.state.catalog;
    let office = catalog.office(&OfficeId::parse(OFFICE).unwrap()).unwrap();
    let visit = catalog
        .visit_type(&VisitTypeId::parse(VISIT).unwrap())
        .unwrap();
    let base = app.state.config.base_url();
    (
        termin_server::mail::offer_made(&notice, office, visit, &base).body,
        termin_server::mail::offer_lapsed(&notice, office, visit, &base).body,
    )
}

/// A place booked by a holder, to be cancelled and offered to whoever waits for it.
struct Scene {
    at: Timestamp,
    holder: String,
    appointment: i64,
}

async fn booked_place(app: &TestApp, holder_email: &str) -> Scene {
    let (_, holder) = app.quick_account(holder_email).await;
    let (start, at) = place(app).await;
    let (s, v) = app.book(&holder, OFFICE, VISIT, &start).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    Scene {
        at,
        holder,
        appointment: v["id"].as_i64().unwrap(),
    }
}

// ---- filing -------------------------------------------------------------------------------

#[tokio::test]
async fn filing_a_request_answers_201_with_its_place_in_line_and_the_wish_echoed() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("first@example.cz").await;
    let (_, me) = app.get("/me", Some(&token)).await;
    let person = me["persons"][0]["person_id"].as_i64().unwrap();
    let today = local_date(app.now().await);
    let from = today.saturating_add(jiff::Span::new().days(3)).to_string();
    let to = today.saturating_add(jiff::Span::new().days(20)).to_string();
    let body = json!({
        "visit_type": VISIT,
        "offices": [OFFICE, OTHER_OFFICE],
        "from": from,
        "to": to,
        "times": ["morning", "afternoon"],
    });

    let before = app.now().await;
    let (s, v) = file(&app, &token, body.clone()).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["status"], "waiting");
    assert_eq!(v["position"], 1);
    assert_eq!(v["visit_type"], VISIT);
    assert_eq!(v["offices"], json!([OFFICE, OTHER_OFFICE]));
    assert_eq!(
        (v["from"].as_str(), v["to"].as_str()),
        (Some(&*from), Some(&*to))
    );
    assert_eq!(v["times"], json!(["morning", "afternoon"]));
    assert_eq!(v["person_id"], person);
    assert!(v["offer"].is_null(), "{v}");
    let created = ts(&v["created_at"]);
    assert!(created >= before - SignedDuration::from_secs(1) && created <= app.now().await);
    let id = v["id"].as_i64().unwrap();

    let (s, list) = app.get("/waitlist", Some(&token)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0], v);
    assert_eq!(request(&app, &token, id).await, v);

    // The next person for the visit type is second, whatever the offices and days.
    let (_, second) = app.quick_account("second@example.cz").await;
    let (s, v) = file(
        &app,
        &second,
        json!({"visit_type": VISIT, "offices": [OTHER_OFFICE], "from": from, "to": from,
               "times": ["afternoon"]}),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["position"], 2);
    assert_eq!(v["offices"], json!([OTHER_OFFICE]));
    assert_eq!(v["times"], json!(["afternoon"]));

    // Signed in only.
    let (s, _) = app.post("/waitlist", None, body).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = app.get("/waitlist", None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_second_request_of_a_person_for_the_visit_type_is_409_already_waiting() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("twice@example.cz").await;
    let (_, at) = place(&app).await;
    filed(&app, &token, wish_for(at)).await;
    let mut other = wish_for(at);
    other["offices"] = json!([OTHER_OFFICE]);
    let (s, v) = file(&app, &token, other).await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("already-waiting"))
    );
    // For the account's child it is another person.
    let (_, child) = app
        .post(
            "/me/persons",
            Some(&token),
            json!({"full_name": "Taras Shevchenko", "date_of_birth": "2020-03-09"}),
        )
        .await;
    let mut for_child = wish_for(at);
    for_child["person_id"] = child["person_id"].clone();
    let (s, v) = file(&app, &token, for_child).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["person_id"], child["person_id"]);
}

#[tokio::test]
async fn a_person_holding_an_appointment_of_the_visit_type_gets_409_already_booked() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("booked@example.cz").await;
    let (start, at) = place(&app).await;
    let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let (s, v) = file(&app, &token, wish_for(at)).await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("already-booked"))
    );
    let (_, list) = app.get("/waitlist", Some(&token)).await;
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn invalid_requests_are_422_invalid_input_naming_the_field() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("typo@example.cz").await;
    let today = local_date(app.now().await);
    let day = |n: i64| -> String { today.saturating_add(jiff::Span::new().days(n)).to_string() };
    let visit = VisitTypeId::parse(VISIT).unwrap();
    let six: Vec<String> = app
        .state
        .catalog
        .offices_offering(&visit)
        .take(6)
        .map(|o| o.id.as_str().to_owned())
        .collect();
    assert_eq!(six.len(), 6);
    let good = json!({"visit_type": VISIT, "offices": [OFFICE], "from": day(3), "to": day(10),
                      "times": ["morning"]});
    let with = |changes: &[(&str, Value)]| {
        let mut body = good.clone();
        for (key, value) in changes {
            body[*key] = value.clone();
        }
        body
    };
    for (body, field) in [
        (with(&[("from", json!("2026-02-30"))]), "from"),
        (with(&[("to", json!("next week"))]), "to"),
        (with(&[("offices", json!([]))]), "offices"),
        (with(&[("offices", json!(six))]), "offices"),
        (with(&[("times", json!(["evening"]))]), "times"),
        (with(&[("times", json!([]))]), "times"),
        // The last day before the first.
        (with(&[("to", json!(day(2)))]), "to"),
        // Days that are over.
        (
            with(&[("from", json!(day(-5))), ("to", json!(day(-1)))]),
            "to",
        ),
        // Beyond the booking horizon (60 days).
        (
            with(&[("from", json!(day(61))), ("to", json!(day(70)))]),
            "from",
        ),
    ] {
        let (s, v) = file(&app, &token, body.clone()).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {v}");
        assert!(fields(&v).contains(&field.to_string()), "{body}: {v}");
    }
    // A body that is not the schema is a bad request.
    let (s, v) = file(&app, &token, json!({"visit_type": VISIT})).await;
    assert!(s.is_client_error(), "{v}");
    // None of it was filed.
    let (_, list) = app.get("/waitlist", Some(&token)).await;
    assert_eq!(list, json!([]));
    // The good one is.
    filed(&app, &token, good).await;
}

/// `parse_wish` promises "every field's problem at once".
#[tokio::test]
async fn every_problem_of_a_request_is_named_at_once() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("typos@example.cz").await;
    let (s, v) = file(
        &app,
        &token,
        json!({"visit_type": VISIT, "offices": [], "from": "someday", "to": "2030-01-01",
               "times": []}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let named = fields(&v);
    for field in ["from", "offices", "times"] {
        assert!(named.contains(&field.to_string()), "{field} in {v}");
    }
    // With good days, no office and no time of day are two problems.
    let day = local_date(app.now().await)
        .saturating_add(jiff::Span::new().days(3))
        .to_string();
    let (s, v) = file(
        &app,
        &token,
        json!({"visit_type": VISIT, "offices": [], "from": day, "to": day, "times": []}),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{v}");
    let named = fields(&v);
    for field in ["offices", "times"] {
        assert!(named.contains(&field.to_string()), "{field} in {v}");
    }
}

#[tokio::test]
async fn an_unknown_visit_type_or_office_is_404_and_so_is_someone_elses_request() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("mine@example.cz").await;
    let (_, other) = app.quick_account("theirs@example.cz").await;
    let (_, at) = place(&app).await;

    let mut body = wish_for(at);
    body["visit_type"] = json!("nonsense");
    let (s, v) = file(&app, &token, body).await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));
    let mut body = wish_for(at);
    body["offices"] = json!([OFFICE, "atlantis"]);
    let (s, v) = file(&app, &token, body).await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));
    // Praha I handles only the permanent-residence agenda (domain.md §3).
    let mut body = wish_for(at);
    body["offices"] = json!(["praha-1"]);
    let (s, v) = file(&app, &token, body).await;
    assert_eq!(
        problem(s, &v),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("visit-type-not-offered")
        )
    );

    // Someone else's person.
    let (_, them) = app.get("/me", Some(&other)).await;
    let mut body = wish_for(at);
    body["person_id"] = them["persons"][0]["person_id"].clone();
    let (s, v) = file(&app, &token, body).await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::FORBIDDEN, Some("not-your-person"))
    );

    let id = filed(&app, &token, wish_for(at)).await;
    let (s, v) = app.get(&format!("/waitlist/{id}"), Some(&other)).await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));
    let (s, v) = delete(&app, &format!("/waitlist/{id}"), &other).await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));
    let (s, v) = app.get("/waitlist/999999", Some(&token)).await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));
    let (_, list) = app.get("/waitlist", Some(&other)).await;
    assert_eq!(list, json!([]));
    // Still open for its owner.
    assert_eq!(request(&app, &token, id).await["status"], "waiting");
}

#[tokio::test]
async fn an_unverified_account_gets_403_email_not_verified() {
    let app = spawn_app().await;
    let (s, _) = app
        .post(
            "/auth/register",
            None,
            json!({"email": "new@example.cz", "password": common::PASSWORD,
                   "full_name": "Ali Demir", "date_of_birth": "1980-06-01", "language": "en"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let token = app.login("new@example.cz").await;
    let (_, at) = place(&app).await;
    let (s, v) = file(&app, &token, wish_for(at)).await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::FORBIDDEN, Some("email-not-verified"))
    );
    let (_, list) = app.get("/waitlist", Some(&token)).await;
    assert_eq!(list, json!([]));
}

// ---- offers -------------------------------------------------------------------------------

#[tokio::test]
async fn a_cancellation_offers_the_place_and_accepting_books_it_with_a_pin_and_both_mails() {
    let app = spawn_app().await;
    let scene = booked_place(&app, "holder@example.cz").await;
    let (_, token) = app.quick_account("waiter@example.cz").await;
    let (_, stranger) = app.quick_account("stranger@example.cz").await;
    let id = filed(&app, &token, wish_for(scene.at)).await;

    let before = app.now().await;
    cancel(&app, &scene.holder, scene.appointment).await;
    let after = app.now().await;

    let v = request(&app, &token, id).await;
    assert_eq!(v["status"], "offered", "{v}");
    assert_eq!(v["position"], 1);
    let offer = &v["offer"];
    assert_eq!(offer["status"], "open", "{v}");
    assert_eq!(offer["office"], OFFICE);
    assert_eq!(offer["visit_type"], VISIT);
    assert_eq!(ts(&offer["start"]), scene.at);
    assert!(offer["appointment_id"].is_null());
    // Held for twelve hours: the place is two days or more ahead.
    let expires = ts(&offer["expires_at"]);
    let hold = SignedDuration::from_hours(12);
    assert!(
        expires >= before + hold - SignedDuration::from_secs(1) && expires <= after + hold,
        "{expires} for an offer made between {before} and {after}"
    );
    let offer_id = offer["id"].as_i64().unwrap();
    let (_, listed) = app.get("/waitlist", Some(&token)).await;
    assert_eq!(listed[0]["offer"]["id"], offer_id);

    // The offer is mailed (the worker composes it when it runs).
    let (offer_body, _) = offer_mails(&app, offer_id).await;
    expect_mail(&app, "waiter@example.cz", "the offer mail", |m| {
        has_body(m, &offer_body)
    })
    .await;
    assert!(offer_body.contains("/waitlist"));

    // Someone else's offer is not found.
    let (s, v) = app
        .post(
            &format!("/offers/{offer_id}/accept"),
            Some(&stranger),
            json!({}),
        )
        .await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));
    let (s, v) = app
        .post(
            &format!("/offers/{offer_id}/decline"),
            Some(&stranger),
            json!({}),
        )
        .await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));

    let (s, appointment) = app
        .post(
            &format!("/offers/{offer_id}/accept"),
            Some(&token),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{appointment}");
    let pin = appointment["pin"].as_str().unwrap().to_string();
    assert!(
        pin.len() == 4 && pin.bytes().all(|b| b.is_ascii_digit()),
        "{pin}"
    );
    assert_eq!(appointment["status"], "booked");
    assert_eq!(appointment["office"], OFFICE);
    assert_eq!(appointment["visit_type"], VISIT);
    assert_eq!(ts(&appointment["start"]), scene.at);
    let appointment_id = appointment["id"].as_i64().unwrap();

    let (s, list) = app.get("/appointments", Some(&token)).await;
    assert_eq!(s, StatusCode::OK);
    let listed = list
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == appointment_id)
        .expect("the appointment is listed");
    assert_eq!(listed["pin"], pin.as_str());
    assert_eq!(listed["status"], "booked");

    let v = request(&app, &token, id).await;
    assert_eq!(v["status"], "booked");
    assert!(v["position"].is_null());
    assert_eq!(v["offer"]["status"], "accepted");
    assert_eq!(v["offer"]["appointment_id"], appointment_id);

    // The booking's confirmation, with its PIN and calendar file.
    let address = app
        .state
        .catalog
        .office(&OfficeId::parse(OFFICE).unwrap())
        .unwrap()
        .address
        .clone();
    let uid = format!("UID:appointment-{appointment_id}@termin");
    expect_mail(&app, "waiter@example.cz", "the booking mail", |m| {
        m.contains(&pin)
            && m.contains("BEGIN:VCALENDAR")
            && m.contains(&uid)
            && m.contains(&address)
    })
    .await;

    // Answered once.
    let (s, v) = app
        .post(
            &format!("/offers/{offer_id}/accept"),
            Some(&token),
            json!({}),
        )
        .await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("offer-not-open"))
    );
    let (s, v) = app
        .post(
            &format!("/offers/{offer_id}/decline"),
            Some(&token),
            json!({}),
        )
        .await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("offer-not-open"))
    );
    let (s, v) = app
        .post("/offers/999999/accept", Some(&token), json!({}))
        .await;
    assert_eq!(problem(s, &v), (StatusCode::NOT_FOUND, Some("not-found")));
}

#[tokio::test]
async fn a_held_place_is_neither_bookable_nor_shown_as_available() {
    let app = spawn_app().await;
    let (start, at) = place(&app).await;
    let capacity = app
        .state
        .catalog
        .office(&OfficeId::parse(OFFICE).unwrap())
        .unwrap()
        .counters;
    let mut holders = Vec::new();
    for n in 0..capacity {
        let (_, token) = app.quick_account(&format!("holder{n}@example.cz")).await;
        let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        holders.push((token, v["id"].as_i64().unwrap()));
    }
    let (_, waiter) = app.quick_account("waiter@example.cz").await;
    let (_, walk_in) = app.quick_account("walkin@example.cz").await;
    let id = filed(&app, &waiter, wish_for(at)).await;
    cancel(&app, &holders[0].0, holders[0].1).await;
    assert_eq!(request(&app, &waiter, id).await["status"], "offered");

    let (s, v) = app.book(&walk_in, OFFICE, VISIT, &start).await;
    assert_eq!(problem(s, &v), (StatusCode::CONFLICT, Some("slot-full")));
    let day = local_date(at);
    let (_, v) = app
        .get(
            &format!("/offices/{OFFICE}/availability?visit_type={VISIT}&from={day}&to={day}"),
            None,
        )
        .await;
    assert!(
        v["slots"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| ts(&s["start"]) != at),
        "the held place is not offered to everyone: {v}"
    );

    // Declined by the only one waiting, it is free for anyone at once.
    let offer = request(&app, &waiter, id).await["offer"]["id"]
        .as_i64()
        .unwrap();
    let (s, v) = app
        .post(
            &format!("/offers/{offer}/decline"),
            Some(&waiter),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (_, v) = app
        .get(
            &format!("/offices/{OFFICE}/availability?visit_type={VISIT}&from={day}&to={day}"),
            None,
        )
        .await;
    let free = v["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| ts(&s["start"]) == at)
        .unwrap_or_else(|| panic!("the declined place is available: {v}"));
    assert_eq!(free["remaining"], 1);
    let (s, v) = app.book(&walk_in, OFFICE, VISIT, &start).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn declining_puts_the_request_back_in_line_and_offers_the_place_to_the_next() {
    let app = spawn_app().await;
    let scene = booked_place(&app, "holder@example.cz").await;
    let (_, first) = app.quick_account("first@example.cz").await;
    let (_, second) = app.quick_account("second@example.cz").await;
    let r1 = filed(&app, &first, wish_for(scene.at)).await;
    let r2 = filed(&app, &second, wish_for(scene.at)).await;
    cancel(&app, &scene.holder, scene.appointment).await;
    let v = request(&app, &first, r1).await;
    assert_eq!(v["status"], "offered", "{v}");
    assert_eq!(request(&app, &second, r2).await["status"], "waiting");
    let offer = v["offer"]["id"].as_i64().unwrap();

    let (s, v) = app
        .post(&format!("/offers/{offer}/decline"), Some(&first), json!({}))
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["id"], offer);
    assert_eq!(v["status"], "declined");

    let mine = request(&app, &first, r1).await;
    assert_eq!(mine["status"], "waiting");
    assert_eq!(mine["position"], 1);
    assert_eq!(mine["offer"]["status"], "declined");
    let theirs = request(&app, &second, r2).await;
    assert_eq!(theirs["status"], "offered", "{theirs}");
    assert_eq!(theirs["offer"]["status"], "open");
    assert_eq!(ts(&theirs["offer"]["start"]), scene.at);
    assert_ne!(theirs["offer"]["id"], offer);

    let (s, v) = app
        .post(&format!("/offers/{offer}/decline"), Some(&first), json!({}))
        .await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("offer-not-open"))
    );
    let (s, v) = app
        .post(&format!("/offers/{offer}/accept"), Some(&first), json!({}))
        .await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("offer-not-open"))
    );
}

#[tokio::test]
async fn an_offer_answered_after_it_expires_is_409_offer_lapsed_and_the_place_goes_on() {
    let app = spawn_app().await;
    let scene = booked_place(&app, "holder@example.cz").await;
    let (first_id, first) = app.quick_account("first@example.cz").await;
    let (second_id, second) = app.quick_account("second@example.cz").await;
    let r1 = filed(&app, &first, wish_for(scene.at)).await;
    let r2 = filed(&app, &second, wish_for(scene.at)).await;
    cancel(&app, &scene.holder, scene.appointment).await;
    let v = request(&app, &first, r1).await;
    let offer = v["offer"]["id"].as_i64().unwrap();
    let expires = ts(&v["offer"]["expires_at"]);

    app.set_clock(expires + SignedDuration::from_mins(1)).await;
    let first = app.token_for(first_id).await;
    let second = app.token_for(second_id).await;
    let (s, v) = app
        .post(&format!("/offers/{offer}/accept"), Some(&first), json!({}))
        .await;
    assert_eq!(problem(s, &v), (StatusCode::CONFLICT, Some("offer-lapsed")));

    // The worker lapses it: the request closes, the place goes to the next in line.
    eventually("the lapse of the offer", || async {
        request(&app, &first, r1).await["status"] == "expired"
    })
    .await;
    let closed = request(&app, &first, r1).await;
    assert_eq!(closed["offer"]["status"], "lapsed");
    assert!(closed["position"].is_null());
    let next = request(&app, &second, r2).await;
    assert_eq!(next["status"], "offered", "{next}");
    assert_eq!(ts(&next["offer"]["start"]), scene.at);
    let (s, v) = app
        .post(&format!("/offers/{offer}/decline"), Some(&first), json!({}))
        .await;
    assert_eq!(problem(s, &v), (StatusCode::CONFLICT, Some("offer-lapsed")));

    // Its owner is told.
    let (_, lapsed_body) = offer_mails(&app, offer).await;
    expect_mail(&app, "first@example.cz", "the lapse mail", |m| {
        has_body(m, &lapsed_body)
    })
    .await;

    // The next in line can take it.
    let next_offer = next["offer"]["id"].as_i64().unwrap();
    let (s, v) = app
        .post(
            &format!("/offers/{next_offer}/accept"),
            Some(&second),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn withdrawing_passes_an_offer_on_and_a_second_withdrawal_is_409_request_not_open() {
    let app = spawn_app().await;
    let scene = booked_place(&app, "holder@example.cz").await;
    let (_, first) = app.quick_account("first@example.cz").await;
    let (_, second) = app.quick_account("second@example.cz").await;
    let r1 = filed(&app, &first, wish_for(scene.at)).await;
    let r2 = filed(&app, &second, wish_for(scene.at)).await;
    assert_eq!(request(&app, &second, r2).await["position"], 2);
    cancel(&app, &scene.holder, scene.appointment).await;
    let offer = request(&app, &first, r1).await["offer"]["id"]
        .as_i64()
        .unwrap();

    let (s, v) = delete(&app, &format!("/waitlist/{r1}"), &first).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["id"], r1);
    assert_eq!(v["status"], "withdrawn");
    assert!(v["position"].is_null());
    assert_eq!(v["offer"]["id"], offer);
    assert_eq!(v["offer"]["status"], "withdrawn");
    assert_eq!(request(&app, &first, r1).await["status"], "withdrawn");

    let next = request(&app, &second, r2).await;
    assert_eq!(next["status"], "offered", "{next}");
    assert_eq!(next["position"], 1);
    assert_eq!(ts(&next["offer"]["start"]), scene.at);

    let (s, v) = delete(&app, &format!("/waitlist/{r1}"), &first).await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("request-not-open"))
    );
    let (s, v) = app
        .post(&format!("/offers/{offer}/accept"), Some(&first), json!({}))
        .await;
    assert_eq!(
        problem(s, &v),
        (StatusCode::CONFLICT, Some("offer-not-open"))
    );

    // A new request may be filed, at the back of the line.
    let (s, v) = file(&app, &first, wish_for(scene.at)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["position"], 2);
}

#[tokio::test]
async fn the_openapi_document_lists_every_waitlist_path() {
    let app = spawn_app().await;
    let (s, doc) = app.get("/openapi.json", None).await;
    assert_eq!(s, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/waitlist", "get"),
        ("/api/v1/waitlist", "post"),
        ("/api/v1/waitlist/{id}", "get"),
        ("/api/v1/waitlist/{id}", "delete"),
        ("/api/v1/offers/{id}/accept", "post"),
        ("/api/v1/offers/{id}/decline", "post"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path}"
        );
    }
    // The problem codes of the waitlist are documented with their routes.
    let text = doc.to_string();
    for code in [
        "already-waiting",
        "request-not-open",
        "offer-not-open",
        "offer-lapsed",
    ] {
        assert!(text.contains(code), "{code}");
    }
}
