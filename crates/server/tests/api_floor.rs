//! API tests of the office floor (issue 3): kiosk check-in, queue, clerk actions, the call
//! display stream, devices, walk-ins and the day's figures.

mod common;

use common::{PASSWORD, TestApp, spawn_app};
use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const OFFICE: &str = "praha-2";
const VISIT: &str = "long-term-residence-extension";

struct Floor {
    staff: String,
    kiosk: String,
    display: String,
}

async fn staff_of(app: &TestApp, email: &str, offices: &[&str]) -> (i64, String) {
    let account = termin_server::services::accounts::create_user(
        &app.state,
        email,
        PASSWORD,
        "Jana Nováková",
        termin_store::Role::Staff,
        offices.iter().map(|o| o.to_string()).collect(),
    )
    .await
    .unwrap();
    (account.id, app.token_for(account.id).await)
}

async fn device(app: &TestApp, staff: &str, office: &str, kind: &str) -> String {
    let (s, v) = app
        .post(
            &format!("/offices/{office}/devices"),
            Some(staff),
            json!({"kind": kind, "name": format!("{kind} at the entrance")}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert!(v["link"].as_str().unwrap().contains("/device/"));
    v["token"].as_str().unwrap().to_string()
}

async fn floor(app: &TestApp) -> Floor {
    let (_, staff) = staff_of(app, "clerk@mvcr.cz", &[OFFICE]).await;
    let kiosk = device(app, &staff, OFFICE, "kiosk").await;
    let display = device(app, &staff, OFFICE, "display").await;
    Floor {
        staff,
        kiosk,
        display,
    }
}

/// A booked appointment of a new applicant: (account id, appointment id, pin, start).
async fn booked(app: &TestApp, email: &str, start: &str) -> (i64, i64, String) {
    let (account, token) = app.quick_account(email).await;
    let (s, v) = app.book(&token, OFFICE, VISIT, start).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    (
        account,
        v["id"].as_i64().unwrap(),
        v["pin"].as_str().unwrap().to_string(),
    )
}

async fn check_in(app: &TestApp, kiosk: &str, pin: &str) -> (StatusCode, Value) {
    app.post(
        &format!("/offices/{OFFICE}/check-in"),
        Some(kiosk),
        json!({"pin": pin}),
    )
    .await
}

async fn call_next(app: &TestApp, staff: &str, counter: &str) -> (StatusCode, Value) {
    app.post(
        &format!("/offices/{OFFICE}/queue/call-next"),
        Some(staff),
        json!({"counter": counter}),
    )
    .await
}

/// Moves the clock to `minutes` before `start` and renews the floor's staff token.
async fn at_minutes_before(app: &TestApp, start: &str, minutes: i64) -> Timestamp {
    let start: Timestamp = start.parse().unwrap();
    let to = start - SignedDuration::from_mins(minutes);
    if to > app.now().await {
        app.set_clock(to).await;
    }
    start
}

#[tokio::test]
async fn kiosk_check_in_gives_a_ticket_that_the_clerk_calls_and_serves() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (account, appointment, pin) = booked(&app, "client@example.cz", &start).await;
    at_minutes_before(&app, &start, 10).await;
    let f = floor(&app).await;

    let (s, v) = check_in(&app, &f.kiosk, &pin).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let ticket = v["ticket"].as_str().unwrap().to_string();
    assert!(
        ticket.len() >= 5 && ticket.as_bytes()[1] == b'-',
        "{ticket}"
    );
    assert_eq!(v["appointment_id"], appointment);
    assert_eq!(v["position"], 1);
    assert_eq!(v["language"], "vi");
    assert!(
        v.get("full_name").is_none() && !v.to_string().contains("Nguyễn"),
        "the kiosk shows nothing personal"
    );

    let (s, q) = app
        .get(&format!("/offices/{OFFICE}/queue"), Some(&f.staff))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(q["waiting"][0]["ticket"], ticket);

    let (s, v) = call_next(&app, &f.staff, "3").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(
        (v["ticket"].as_str(), v["counter"].as_str()),
        (Some(ticket.as_str()), Some("3"))
    );

    let (s, calls) = app
        .get(
            &format!("/offices/{OFFICE}/display/calls"),
            Some(&f.display),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(calls[0]["ticket"], ticket);
    assert_eq!(calls[0]["counter"], "3");
    assert!(
        !calls.to_string().contains("Nguyễn"),
        "no names on the display"
    );

    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/tickets/{ticket}/done"),
            Some(&f.staff),
            json!({}),
        )
        .await;
    assert_eq!((s, v["status"].as_str()), (StatusCode::OK, Some("served")));
    // Served never goes back.
    for action in ["done", "send-back", "recall", "no-show"] {
        let (s, v) = app
            .post(
                &format!("/offices/{OFFICE}/tickets/{ticket}/{action}"),
                Some(&f.staff),
                json!({}),
            )
            .await;
        assert_eq!(
            (s, v["code"].as_str()),
            (StatusCode::CONFLICT, Some("invalid-transition")),
            "{action}"
        );
    }
    let token = app.token_for(account).await;
    let (_, a) = app
        .get(&format!("/appointments/{appointment}"), Some(&token))
        .await;
    assert_eq!(a["status"], "served");
}

#[tokio::test]
async fn kiosk_refuses_unknown_early_late_and_repeated_pins_each_with_its_own_code() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (_, _, pin) = booked(&app, "early@example.cz", &start).await;
    let start_at = at_minutes_before(&app, &start, 31).await;
    let f = floor(&app).await;

    let (s, v) = check_in(&app, &f.kiosk, &pin).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("too-early")),
        "{v}"
    );
    assert_eq!(
        v["opens_at"]
            .as_str()
            .unwrap()
            .parse::<Timestamp>()
            .unwrap(),
        start_at - SignedDuration::from_mins(30)
    );

    let wrong = if pin == "0000" { "0001" } else { "0000" };
    let (s, v) = check_in(&app, &f.kiosk, wrong).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("unknown-pin"))
    );
    let (s, v) = check_in(&app, &f.kiosk, "12a4").await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("unknown-pin"))
    );

    app.set_clock(start_at - SignedDuration::from_mins(30))
        .await;
    let (s, _) = check_in(&app, &f.kiosk, &pin).await;
    assert_eq!(s, StatusCode::OK);
    let (s, v) = check_in(&app, &f.kiosk, &pin).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("already-checked-in"))
    );

    // Another appointment in the same slot, never checked in: too late 15 minutes after.
    let (_, _, late_pin) = booked(&app, "late@example.cz", &start).await;
    app.set_clock(start_at + SignedDuration::from_mins(15))
        .await;
    let (s, v) = check_in(&app, &f.kiosk, &late_pin).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("too-late"))
    );
}

#[tokio::test]
async fn only_this_offices_kiosk_or_staff_may_check_in() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (_, _, pin) = booked(&app, "who@example.cz", &start).await;
    at_minutes_before(&app, &start, 10).await;
    let f = floor(&app).await;
    let (_, brno_staff) = staff_of(&app, "brno@mvcr.cz", &["brno"]).await;
    let brno_kiosk = device(&app, &brno_staff, "brno", "kiosk").await;
    let (_, applicant) = app.quick_account("nosy@example.cz").await;

    for (token, status) in [
        (Some(brno_kiosk.as_str()), StatusCode::FORBIDDEN),
        (Some(f.display.as_str()), StatusCode::FORBIDDEN),
        (Some(brno_staff.as_str()), StatusCode::FORBIDDEN),
        (Some(applicant.as_str()), StatusCode::FORBIDDEN),
        (None, StatusCode::UNAUTHORIZED),
    ] {
        let (s, _) = app
            .post(
                &format!("/offices/{OFFICE}/check-in"),
                token,
                json!({"pin": pin}),
            )
            .await;
        assert_eq!(s, status);
    }
    // Devices do only their job: a kiosk cannot see the queue or call.
    let (s, _) = app
        .get(&format!("/offices/{OFFICE}/queue"), Some(&f.kiosk))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = call_next(&app, &f.display, "1").await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = app
        .get(&format!("/offices/{OFFICE}/agenda"), Some(&brno_staff))
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // The office's own staff may check a client in by hand.
    let (s, _) = check_in(&app, &f.staff, &pin).await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn wrong_pins_from_one_kiosk_are_throttled() {
    let app = spawn_app().await;
    let f = floor(&app).await;
    for _ in 0..10 {
        let (s, _) = check_in(&app, &f.kiosk, "9999").await;
        assert_eq!(s, StatusCode::NOT_FOUND);
    }
    let (s, v, headers) = app
        .call(
            Method::POST,
            &format!("/offices/{OFFICE}/check-in"),
            Some(&f.kiosk),
            Some(json!({"pin": "9998"})),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too-many-attempts"))
    );
    assert!(headers.contains_key("retry-after"));
}

#[tokio::test]
async fn call_next_takes_on_time_appointments_by_start_and_a_double_click_calls_one_person() {
    let app = spawn_app().await;
    let first = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let first_at: Timestamp = first.parse().unwrap();
    let (_, _, pin_a) = booked(&app, "a@example.cz", &first).await;
    let (_, _, pin_b) = booked(&app, "b@example.cz", &first).await;
    at_minutes_before(&app, &first, 20).await;
    let f = floor(&app).await;
    let (_, b) = check_in(&app, &f.kiosk, &pin_b).await;
    let (_, a) = check_in(&app, &f.kiosk, &pin_a).await;
    assert_eq!(a["position"], 2, "same start: in order of arrival");

    let (_, one) = call_next(&app, &f.staff, "1").await;
    let (_, again) = call_next(&app, &f.staff, "1").await;
    assert_eq!(one["ticket"], b["ticket"]);
    assert_eq!(again["ticket"], b["ticket"], "double click: same person");
    let (_, two) = call_next(&app, &f.staff, "2").await;
    assert_eq!(two["ticket"], a["ticket"]);
    let (s, _) = call_next(&app, &f.staff, "3").await;
    assert_eq!(s, StatusCode::NO_CONTENT, "nobody waits");

    // Send back: waiting again, and counter 1 is free for the next call.
    let ticket_b = b["ticket"].as_str().unwrap();
    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/tickets/{ticket_b}/send-back"),
            Some(&f.staff),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("checked-in"))
    );
    let (_, v) = call_next(&app, &f.staff, "1").await;
    assert_eq!(v["ticket"], ticket_b);
    // Transfer to a free counter; to a busy one it is refused.
    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/tickets/{ticket_b}/transfer"),
            Some(&f.staff),
            json!({"counter": "2"}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("invalid-transition"))
    );
    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/tickets/{ticket_b}/transfer"),
            Some(&f.staff),
            json!({"counter": "7"}),
        )
        .await;
    assert_eq!((s, v["counter"].as_str()), (StatusCode::OK, Some("7")));
    let _ = first_at;
}

#[tokio::test]
async fn two_clerks_calling_at_once_get_different_people() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let mut pins = Vec::new();
    for n in 0..4 {
        pins.push(booked(&app, &format!("q{n}@example.cz"), &start).await.2);
    }
    at_minutes_before(&app, &start, 10).await;
    let f = floor(&app).await;
    for pin in &pins {
        assert_eq!(check_in(&app, &f.kiosk, pin).await.0, StatusCode::OK);
    }
    let calls = (1..=4).map(|c| {
        let app = &app;
        let staff = f.staff.clone();
        async move { call_next(app, &staff, &c.to_string()).await }
    });
    let results = futures::future::join_all(calls).await;
    let tickets: std::collections::HashSet<_> = results
        .iter()
        .map(|(s, v)| {
            assert_eq!(*s, StatusCode::OK, "{v}");
            v["ticket"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(tickets.len(), 4, "{results:?}");
}

#[tokio::test]
async fn a_no_show_marked_by_the_clerk_counts_against_the_account() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (account, _, pin) = booked(&app, "gone@example.cz", &start).await;
    at_minutes_before(&app, &start, 10).await;
    let f = floor(&app).await;
    let (_, t) = check_in(&app, &f.kiosk, &pin).await;
    call_next(&app, &f.staff, "1").await;
    let ticket = t["ticket"].as_str().unwrap();
    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/tickets/{ticket}/no-show"),
            Some(&f.staff),
            json!({}),
        )
        .await;
    assert_eq!((s, v["status"].as_str()), (StatusCode::OK, Some("no-show")));
    let token = app.token_for(account).await;
    let (_, me) = app.get("/me", Some(&token)).await;
    assert_eq!(me["standing"]["no_shows_180d"], 1);

    let (_, stats) = app
        .get(&format!("/offices/{OFFICE}/stats"), Some(&f.staff))
        .await;
    assert_eq!(stats["checked_in"], 1);
    assert_eq!(stats["no_shows"], 1);
    assert_eq!(stats["waiting"], 0);
}

#[tokio::test]
async fn the_agenda_shows_name_and_date_of_birth_to_check_identity() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    booked(&app, "agenda@example.cz", &start).await;
    at_minutes_before(&app, &start, 60).await;
    let f = floor(&app).await;
    let (s, v) = app
        .get(&format!("/offices/{OFFICE}/agenda"), Some(&f.staff))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v[0]["person_name"], "Nguyễn Văn An");
    assert_eq!(v[0]["date_of_birth"], "1988-02-29");
    assert_eq!(v[0]["status"], "booked");
}

#[tokio::test]
async fn walk_ins_are_taken_only_for_walk_in_visits_in_open_hours() {
    let app = spawn_app().await;
    let f = floor(&app).await;
    // A Wednesday at 10:00 in Prague, some weeks ahead (never a holiday in December's 1st half).
    let now = app.now().await;
    let mut day = termin_domain::time::local_date(now).saturating_add(jiff::Span::new().days(1));
    while day.weekday() != jiff::civil::Weekday::Wednesday
        || !termin_domain::calendar::is_working_day(day)
    {
        day = day.saturating_add(jiff::Span::new().days(1));
    }
    let ten = termin_domain::time::to_instant(day.at(10, 0, 0, 0));
    app.set_clock(ten).await;
    let staff = app.token_for(staff_id(&app).await).await;
    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/walk-in"),
            Some(&f.kiosk),
            json!({"visit_type": "residence-confirmation"}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["position"], 1);
    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/walk-in"),
            Some(&f.kiosk),
            json!({"visit_type": "long-term-residence"}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("walk-in-not-accepted")
        )
    );
    let (s, q) = app
        .get(&format!("/offices/{OFFICE}/queue"), Some(&staff))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(q["waiting"].as_array().unwrap().len(), 1);

    // In the evening the office is closed.
    app.set_clock(termin_domain::time::to_instant(day.at(20, 0, 0, 0)))
        .await;
    let (s, v) = app
        .post(
            &format!("/offices/{OFFICE}/walk-in"),
            Some(&f.kiosk),
            json!({"visit_type": "residence-confirmation"}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("walk-in-closed"))
    );
}

async fn staff_id(app: &TestApp) -> i64 {
    app.state
        .store
        .account_by_email("clerk@mvcr.cz")
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn a_revoked_device_can_do_nothing() {
    let app = spawn_app().await;
    let f = floor(&app).await;
    let (_, list) = app
        .get(&format!("/offices/{OFFICE}/devices"), Some(&f.staff))
        .await;
    let kiosk_id = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "kiosk")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let (s, _, _) = app
        .call(
            Method::DELETE,
            &format!("/offices/{OFFICE}/devices/{kiosk_id}"),
            Some(&f.staff),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = check_in(&app, &f.kiosk, "1234").await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

/// Reads SSE events until one carries `ticket`, or gives up after `limit`.
async fn wait_for_call(
    mut response: reqwest::Response,
    ticket: &str,
    limit: std::time::Duration,
) -> Option<(String, Value)> {
    let mut buffer = String::new();
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let chunk = tokio::time::timeout_at(deadline, response.chunk())
            .await
            .ok()?
            .ok()??;
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let id = block
                .lines()
                .find_map(|l| l.strip_prefix("id:"))
                .map(|s| s.trim().to_string());
            let data = block.lines().find_map(|l| l.strip_prefix("data:"));
            if let (Some(id), Some(data)) = (id, data) {
                let value: Value = serde_json::from_str(data.trim()).ok()?;
                if value["ticket"] == ticket {
                    return Some((id, value));
                }
            }
        }
    }
}

#[tokio::test]
async fn a_call_reaches_the_display_stream_within_a_second_and_a_reconnect_catches_up() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (_, _, pin1) = booked(&app, "sse1@example.cz", &start).await;
    let (_, _, pin2) = booked(&app, "sse2@example.cz", &start).await;
    at_minutes_before(&app, &start, 10).await;
    let f = floor(&app).await;
    let (_, t1) = check_in(&app, &f.kiosk, &pin1).await;
    let (_, t2) = check_in(&app, &f.kiosk, &pin2).await;

    let url = format!(
        "{}/offices/{OFFICE}/display/events?device={}",
        app.base, f.display
    );
    let stream = app.client.get(&url).send().await.unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(
        stream.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    let called_at = std::time::Instant::now();
    let (_, v) = call_next(&app, &f.staff, "4").await;
    assert_eq!(v["ticket"], t1["ticket"]);
    let (id, event) = wait_for_call(
        stream,
        t1["ticket"].as_str().unwrap(),
        std::time::Duration::from_secs(1),
    )
    .await
    .expect("the call reached the display within a second");
    assert!(called_at.elapsed() < std::time::Duration::from_secs(1));
    assert_eq!(event["counter"], "4");
    assert!(event.get("person_name").is_none());

    // While the display is away, another call happens; it reconnects with Last-Event-ID.
    let ticket1 = t1["ticket"].as_str().unwrap();
    app.post(
        &format!("/offices/{OFFICE}/tickets/{ticket1}/done"),
        Some(&f.staff),
        json!({}),
    )
    .await;
    call_next(&app, &f.staff, "4").await;
    let again = app
        .client
        .get(&url)
        .header("Last-Event-ID", id)
        .send()
        .await
        .unwrap();
    let caught_up = wait_for_call(
        again,
        t2["ticket"].as_str().unwrap(),
        std::time::Duration::from_secs(2),
    )
    .await;
    assert!(caught_up.is_some(), "the missed call was replayed");
}

#[tokio::test]
async fn the_queue_survives_a_restart_of_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("floor.db").display());
    let app = common::spawn_with(|c| c.database_url = url.clone()).await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (_, _, pin) = booked(&app, "restart@example.cz", &start).await;
    let now = at_minutes_before(&app, &start, 10).await - SignedDuration::from_mins(10);
    let f = floor(&app).await;
    let (_, t) = check_in(&app, &f.kiosk, &pin).await;
    drop(app);

    let again = common::spawn_with(|c| c.database_url = url.clone()).await;
    again.set_clock(now + SignedDuration::from_mins(1)).await;
    let staff = again.token_for(staff_id(&again).await).await;
    let (s, q) = again
        .get(&format!("/offices/{OFFICE}/queue"), Some(&staff))
        .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(q["waiting"][0]["ticket"], t["ticket"]);
}

#[tokio::test]
async fn the_card_is_booked_for_pickup_only_where_the_biometrics_were_taken() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, "biometrics", SignedDuration::from_hours(48))
        .await;
    let (account, token) = app.quick_account("bio@example.cz").await;
    let (s, v) = app.book(&token, OFFICE, "biometrics", &start).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let pin = v["pin"].as_str().unwrap().to_string();
    at_minutes_before(&app, &start, 10).await;
    let f = floor(&app).await;
    let (_, t) = check_in(&app, &f.kiosk, &pin).await;
    call_next(&app, &f.staff, "1").await;
    let ticket = t["ticket"].as_str().unwrap();
    app.post(
        &format!("/offices/{OFFICE}/tickets/{ticket}/done"),
        Some(&f.staff),
        json!({}),
    )
    .await;

    let token = app.token_for(account).await;
    let elsewhere = app
        .free_slot("praha-3", "card-pickup", SignedDuration::from_hours(48))
        .await;
    let (s, v) = app.book(&token, "praha-3", "card-pickup", &elsewhere).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("pickup-at-other-office")
        )
    );
    let here = app
        .free_slot(OFFICE, "card-pickup", SignedDuration::from_hours(48))
        .await;
    let (s, v) = app.book(&token, OFFICE, "card-pickup", &here).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}
