//! API tests of offices, availability, holidays and appointments, driving time with the dev
//! clock (api.md "Offices and visit types", "Appointments").

mod common;

use common::spawn_app;
use jiff::{SignedDuration, Timestamp};
use reqwest::StatusCode;
use serde_json::json;

const OFFICE: &str = "praha-2";
const VISIT: &str = "long-term-residence-extension";

#[tokio::test]
async fn offices_list_the_21_bio_offices_with_hours_and_unbookable_ones_honestly() {
    let app = spawn_app().await;
    let (s, v) = app.get("/offices", None).await;
    assert_eq!(s, StatusCode::OK);
    let offices = v.as_array().unwrap();
    assert_eq!(offices.iter().filter(|o| o["bio"] == true).count(), 21);
    let praha5 = offices.iter().find(|o| o["id"] == "praha-5").unwrap();
    assert_eq!(
        praha5["hours"]["mon"],
        json!([["08:00", "12:00"], ["12:30", "15:00"]])
    );
    let unknown = offices.iter().find(|o| o["hours"] == json!({})).unwrap();
    assert_eq!(unknown["bookable"], false);

    let (s, v) = app.get("/offices/brno", None).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["friday_booked_only"], true);
    let (s, v) = app.get("/offices/atlantis", None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not-found"))
    );
}

#[tokio::test]
async fn visit_types_show_the_czech_name_beside_the_translation() {
    let app = spawn_app().await;
    let (s, v) = app.get("/visit-types?lang=en", None).await;
    assert_eq!(s, StatusCode::OK);
    let bio = v
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "biometrics")
        .unwrap();
    assert_eq!(bio["requires_bio"], true);
    assert_eq!(
        bio["name"],
        "Biometric data capture (Snímání biometrických údajů)"
    );
    for id in [
        "long-term-residence",
        "long-term-residence-extension",
        "purpose-change",
        "permanent-residence",
        "biometrics",
        "card-pickup",
        "long-term-visa-extension",
        "change-report",
        "lost-document",
        "child-born",
        "residence-confirmation",
    ] {
        assert!(v.as_array().unwrap().iter().any(|t| t["id"] == id), "{id}");
    }
}

#[tokio::test]
async fn holidays_include_good_friday_and_easter_monday_2026() {
    let app = spawn_app().await;
    let (s, v) = app.get("/holidays?year=2026&lang=cs", None).await;
    assert_eq!(s, StatusCode::OK);
    let days = v.as_array().unwrap();
    assert_eq!(days.len(), 13);
    assert!(
        days.iter()
            .any(|d| d["date"] == "2026-04-03" && d["name"] == "Velký pátek")
    );
    assert!(days.iter().any(|d| d["date"] == "2026-04-06"));
    let (s, v) = app.get("/holidays?year=abc", None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid-input"))
    );
}

#[tokio::test]
async fn availability_offers_future_working_day_slots_and_refuses_bad_ranges() {
    let app = spawn_app().await;
    let now = app.now().await;
    let from = termin_domain::time::local_date(now);
    let to = from.saturating_add(jiff::Span::new().days(30));
    let (s, v) = app
        .get(
            &format!("/offices/{OFFICE}/availability?visit_type={VISIT}&from={from}&to={to}"),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["office"], OFFICE);
    let slots = v["slots"].as_array().unwrap();
    assert!(!slots.is_empty());
    for slot in slots {
        let start: Timestamp = slot["start"].as_str().unwrap().parse().unwrap();
        assert!(start > now);
        let date = termin_domain::time::local_date(start);
        assert!(termin_domain::calendar::is_working_day(date), "{date}");
        assert!(slot["remaining"].as_u64().unwrap() >= 1);
        // RFC 3339 with the Prague offset.
        let text = slot["start"].as_str().unwrap();
        assert!(
            text.ends_with("+01:00") || text.ends_with("+02:00"),
            "{text}"
        );
    }

    let far = from.saturating_add(jiff::Span::new().days(62));
    let (s, v) = app
        .get(
            &format!("/offices/{OFFICE}/availability?visit_type={VISIT}&from={from}&to={far}"),
            None,
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("range-too-long"))
    );

    // Praha I handles only the permanent-residence agenda (domain.md §3).
    let (s, v) = app
        .get(
            "/offices/praha-1/availability?visit_type=long-term-residence",
            None,
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("visit-type-not-offered")
        )
    );
    let (s, v) = app
        .get(
            &format!("/offices/{OFFICE}/availability?visit_type=nonsense"),
            None,
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not-found"))
    );
}

#[tokio::test]
async fn booking_needs_a_verified_email() {
    let app = spawn_app().await;
    app.post(
        "/auth/register",
        None,
        json!({"email": "new@example.cz", "password": common::PASSWORD, "full_name": "Ali Demir",
               "date_of_birth": "1980-06-01", "language": "en"}),
    )
    .await;
    let token = app.login("new@example.cz").await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("email-not-verified"))
    );
}

#[tokio::test]
async fn booking_gives_a_four_digit_pin_and_a_confirmation_mail_with_a_calendar_file() {
    let app = spawn_app().await;
    let (_, token) = app.register_verified("book@example.cz").await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let pin = v["pin"].as_str().unwrap();
    assert_eq!(pin.len(), 4);
    assert!(pin.chars().all(|c| c.is_ascii_digit()));
    assert_eq!(v["status"], "booked");
    assert_eq!(v["office"], OFFICE);
    assert_eq!(
        v["start"].as_str().unwrap().parse::<Timestamp>().unwrap(),
        start.parse::<Timestamp>().unwrap()
    );

    let mails = app.mails_to("book@example.cz").await;
    let confirmation = mails
        .iter()
        .find(|m| m.contains("BEGIN:VCALENDAR"))
        .expect("a confirmation with an ICS attachment");
    assert!(confirmation.contains(pin), "the PIN is in the mail");
    assert!(confirmation.contains("METHOD:PUBLISH"));

    let id = v["id"].as_i64().unwrap();
    let (s, one) = app.get(&format!("/appointments/{id}"), Some(&token)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(one["pin"], pin);
    let response = app
        .client
        .get(format!("{}/appointments/{id}/calendar.ics", app.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let ics = response.text().await.unwrap();
    assert!(ics.contains(&format!("UID:appointment-{id}@termin")));
}

#[tokio::test]
async fn booking_refuses_what_the_rules_forbid() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("rules@example.cz").await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (s, _) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(s, StatusCode::CREATED);

    // One active future appointment per person and visit type.
    let other = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(24 * 5))
        .await;
    let (s, v) = app.book(&token, OFFICE, VISIT, &other).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("already-booked"))
    );

    // A moment that is not a slot start.
    let odd = (start.parse::<Timestamp>().unwrap() + SignedDuration::from_mins(7)).to_string();
    let (s, v) = app.book(&token, OFFICE, "biometrics", &odd).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("no-such-slot"))
    );

    // In the past.
    let past = (app.now().await - SignedDuration::from_hours(24 * 3)).to_string();
    let (s, v) = app.book(&token, OFFICE, "biometrics", &past).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("slot-in-past"))
    );

    // Unknown office, type not offered, bad instant, someone else's person.
    let (s, v) = app.book(&token, "atlantis", VISIT, &start).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not-found"))
    );
    let (s, v) = app
        .book(&token, "praha-1", "long-term-residence", &start)
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("visit-type-not-offered")
        )
    );
    let (s, v) = app.book(&token, OFFICE, VISIT, "tomorrow at nine").await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid-input"))
    );
    let (_, other_token) = app.quick_account("stranger@example.cz").await;
    let (_, stranger) = app.get("/me", Some(&other_token)).await;
    let foreign = stranger["persons"][0]["person_id"].as_i64().unwrap();
    let (s, v) = app
        .post(
            "/appointments",
            Some(&token),
            json!({"office": OFFICE, "visit_type": "biometrics", "start": start, "person_id": foreign}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("not-your-person"))
    );

    // Someone else's appointment is simply not found.
    let (_, mine) = app.get("/appointments", Some(&token)).await;
    let id = mine[0]["id"].as_i64().unwrap();
    let (s, _) = app
        .get(&format!("/appointments/{id}"), Some(&other_token))
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = app
        .post(
            &format!("/appointments/{id}/cancel"),
            Some(&other_token),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_representative_books_for_a_child_of_the_account() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("father@example.cz").await;
    let (_, v) = app
        .post(
            "/me/persons",
            Some(&token),
            json!({"full_name": "Taras Shevchenko", "date_of_birth": "2020-03-09"}),
        )
        .await;
    let child = v["person_id"].as_i64().unwrap();
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (s, own) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(s, StatusCode::CREATED);
    // The same visit type for another person of the account is a separate appointment.
    let (s, v) = app
        .post(
            "/appointments",
            Some(&token),
            json!({"office": OFFICE, "visit_type": VISIT, "start": start, "person_id": child}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["person_id"], child);
    assert_ne!(v["pin"], own["pin"], "PINs are unique per office and day");
    let (_, list) = app.get("/appointments", Some(&token)).await;
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn cancellation_is_allowed_until_exactly_24_hours_before_start() {
    let app = spawn_app().await;
    let (account, token) = app.quick_account("cancel@example.cz").await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(72))
        .await;
    let (_, v) = app.book(&token, OFFICE, VISIT, &start).await;
    let id = v["id"].as_i64().unwrap();
    let start_at: Timestamp = start.parse().unwrap();

    // 24 h + 1 minute before: allowed. Book again, then try at 23 h 59 min before.
    let (s, v) = app
        .post(
            &format!("/appointments/{id}/cancel"),
            Some(&token),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, v["status"].as_str()),
        (StatusCode::OK, Some("cancelled"))
    );
    let (s, v) = app
        .post(
            &format!("/appointments/{id}/cancel"),
            Some(&token),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("not-cancellable"))
    );

    let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(
        s,
        StatusCode::CREATED,
        "the cancelled place is free again: {v}"
    );
    let id = v["id"].as_i64().unwrap();
    app.set_clock(start_at - SignedDuration::from_hours(24) + SignedDuration::from_mins(1))
        .await;
    let token = app.token_for(account).await;
    let (s, v) = app
        .post(
            &format!("/appointments/{id}/cancel"),
            Some(&token),
            json!({}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("cancellation-too-late"))
    );
}

#[tokio::test]
async fn the_eleventh_cancellation_within_90_days_is_refused_with_retry_after() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("fickle@example.cz").await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(72))
        .await;
    for n in 1..=11 {
        let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
        assert_eq!(s, StatusCode::CREATED, "booking {n}: {v}");
        let id = v["id"].as_i64().unwrap();
        let (s, v) = app
            .post(
                &format!("/appointments/{id}/cancel"),
                Some(&token),
                json!({}),
            )
            .await;
        if n <= 10 {
            assert_eq!(s, StatusCode::OK, "cancellation {n}: {v}");
        } else {
            assert_eq!(s, StatusCode::CONFLICT);
            assert_eq!(v["code"], "cancellation-limit-reached");
            let retry: Timestamp = v["retry_after"].as_str().unwrap().parse().unwrap();
            assert!(retry > app.now().await + SignedDuration::from_hours(24 * 89));
        }
    }
    let (_, me) = app.get("/me", Some(&token)).await;
    assert_eq!(me["standing"]["cancellations_90d"], 10);
    assert_eq!(me["standing"]["cancellations_left"], 0);
}

#[tokio::test]
async fn third_no_show_within_180_days_blocks_booking_for_180_days() {
    let app = spawn_app().await;
    let (account, mut token) = app.quick_account("absent@example.cz").await;
    let mut third_no_show = None;
    for n in 1..=3 {
        let start = app
            .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
            .await;
        let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
        assert_eq!(s, StatusCode::CREATED, "booking {n}: {v}");
        let id = v["id"].as_i64().unwrap();
        let start_at: Timestamp = start.parse().unwrap();
        // Nobody checks in: 15 minutes after the start it is a no-show by itself.
        app.set_clock(start_at + SignedDuration::from_mins(14))
            .await;
        token = app.token_for(account).await;
        let (_, v) = app.get(&format!("/appointments/{id}"), Some(&token)).await;
        assert_eq!(v["status"], "booked");
        app.set_clock(start_at + SignedDuration::from_mins(15))
            .await;
        let (_, v) = app.get(&format!("/appointments/{id}"), Some(&token)).await;
        assert_eq!(v["status"], "no-show");
        third_no_show = Some(start_at + SignedDuration::from_mins(15));
    }
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("booking-blocked"))
    );
    let until: Timestamp = v["blocked_until"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        until,
        third_no_show.unwrap() + SignedDuration::from_hours(24 * 180)
    );
    let (_, me) = app.get("/me", Some(&token)).await;
    assert_eq!(me["standing"]["no_shows_180d"], 3);
    assert_eq!(
        me["standing"]["blocked_until"]
            .as_str()
            .unwrap()
            .parse::<Timestamp>()
            .unwrap(),
        until
    );

    // When the block ends, booking works again.
    app.set_clock(until + SignedDuration::from_mins(1)).await;
    let token = app.token_for(account).await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let (s, v) = app.book(&token, OFFICE, VISIT, &start).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
}

#[tokio::test]
async fn two_people_booking_the_last_place_at_once_exactly_capacity_win() {
    let app = spawn_app().await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let capacity = app
        .state
        .catalog
        .office(&termin_domain::OfficeId::parse(OFFICE).unwrap())
        .unwrap()
        .counters as usize;
    let mut tokens = Vec::new();
    for n in 0..40 {
        tokens.push(app.quick_account(&format!("rush{n}@example.cz")).await.1);
    }
    let attempts = tokens.iter().map(|token| {
        let app = &app;
        let start = start.clone();
        async move { app.book(token, OFFICE, VISIT, &start).await }
    });
    let results = futures::future::join_all(attempts).await;
    let won = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let full = results
        .iter()
        .filter(|(s, v)| *s == StatusCode::CONFLICT && v["code"] == "slot-full")
        .count();
    assert_eq!(won, capacity, "{results:?}");
    assert_eq!(full, tokens.len() - capacity);
    let pins: std::collections::HashSet<_> = results
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .map(|(_, v)| v["pin"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(pins.len(), capacity, "PINs unique per office and day");

    // The slot no longer appears as available.
    let date = termin_domain::time::local_date(start.parse().unwrap());
    let (_, v) = app
        .get(
            &format!("/offices/{OFFICE}/availability?visit_type={VISIT}&from={date}&to={date}"),
            None,
        )
        .await;
    assert!(
        v["slots"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["start"] != start)
    );

    // The slot is now remembered as full (services/full_slots.rs) and its counts are cached
    // (services/slot_uses.rs): a place freed here must be offered and bookable at once.
    let (winner, winners_booking) = tokens
        .iter()
        .zip(&results)
        .find(|(_, (s, _))| *s == StatusCode::CREATED)
        .unwrap();
    let (loser, _) = tokens
        .iter()
        .zip(&results)
        .find(|(_, (s, _))| *s == StatusCode::CONFLICT)
        .unwrap();
    let (s, v) = app.book(loser, OFFICE, VISIT, &start).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("slot-full"))
    );
    let id = winners_booking.1["id"].as_i64().unwrap();
    let (s, _) = app
        .post(
            &format!("/appointments/{id}/cancel"),
            Some(winner),
            json!({}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, v) = app
        .get(
            &format!("/offices/{OFFICE}/availability?visit_type={VISIT}&from={date}&to={date}"),
            None,
        )
        .await;
    let offered = v["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["start"] == start)
        .expect("the freed place is offered at once");
    assert_eq!(offered["remaining"], 1);
    let (s, v) = app.book(loser, OFFICE, VISIT, &start).await;
    assert_eq!(
        s,
        StatusCode::CREATED,
        "the freed place is bookable at once: {v}"
    );
}

#[tokio::test]
async fn the_openapi_document_covers_every_route() {
    let app = spawn_app().await;
    let (s, doc) = app.get("/openapi.json", None).await;
    assert_eq!(s, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/v1/auth/register", "post"),
        ("/api/v1/auth/verify-email", "post"),
        ("/api/v1/auth/verify-email/resend", "post"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/auth/password-reset", "post"),
        ("/api/v1/auth/password-reset/confirm", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/me/persons", "post"),
        ("/api/v1/accounts/{id}", "delete"),
        ("/api/v1/offices", "get"),
        ("/api/v1/offices/{id}", "get"),
        ("/api/v1/offices/{id}/availability", "get"),
        ("/api/v1/visit-types", "get"),
        ("/api/v1/holidays", "get"),
        ("/api/v1/appointments", "get"),
        ("/api/v1/appointments", "post"),
        ("/api/v1/appointments/{id}", "get"),
        ("/api/v1/appointments/{id}/cancel", "post"),
        ("/api/v1/appointments/{id}/calendar.ics", "get"),
        ("/api/v1/dev/clock", "get"),
        ("/api/v1/dev/clock", "put"),
        ("/api/v1/openapi.json", "get"),
        ("/api/v1/offices/{id}/check-in", "post"),
        ("/api/v1/offices/{id}/walk-in", "post"),
        ("/api/v1/offices/{id}/queue", "get"),
        ("/api/v1/offices/{id}/queue/call-next", "post"),
        ("/api/v1/offices/{id}/tickets/{ticket}/done", "post"),
        ("/api/v1/offices/{id}/tickets/{ticket}/recall", "post"),
        ("/api/v1/offices/{id}/tickets/{ticket}/no-show", "post"),
        ("/api/v1/offices/{id}/tickets/{ticket}/send-back", "post"),
        ("/api/v1/offices/{id}/tickets/{ticket}/transfer", "post"),
        ("/api/v1/offices/{id}/agenda", "get"),
        ("/api/v1/offices/{id}/stats", "get"),
        ("/api/v1/offices/{id}/display/calls", "get"),
        ("/api/v1/offices/{id}/display/events", "get"),
        ("/api/v1/offices/{id}/devices", "get"),
        ("/api/v1/offices/{id}/devices", "post"),
        ("/api/v1/offices/{id}/devices/{device_id}", "delete"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path}"
        );
    }
}

#[tokio::test]
async fn a_booking_retried_with_the_same_idempotency_key_creates_one_appointment() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("retry@example.cz").await;
    let start = app
        .free_slot(OFFICE, VISIT, SignedDuration::from_hours(48))
        .await;
    let body = json!({"office": OFFICE, "visit_type": VISIT, "start": start});
    let send = |key: &'static str, body: serde_json::Value| {
        let app = &app;
        let token = token.clone();
        async move {
            let response = app
                .client
                .post(format!("{}/appointments", app.base))
                .bearer_auth(&token)
                .header("Idempotency-Key", key)
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = response.status();
            (status, response.json::<serde_json::Value>().await.unwrap())
        }
    };
    let (s1, first) = send("booking-1", body.clone()).await;
    let (s2, again) = send("booking-1", body.clone()).await;
    assert_eq!((s1, s2), (StatusCode::CREATED, StatusCode::CREATED));
    assert_eq!(first["id"], again["id"]);
    assert_eq!(first["pin"], again["pin"]);
    let (_, list) = app.get("/appointments", Some(&token)).await;
    assert_eq!(list.as_array().unwrap().len(), 1);

    // The same key for another booking is refused.
    let other = json!({"office": OFFICE, "visit_type": "biometrics", "start": start});
    let (s, v) = send("booking-1", other).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            Some("idempotency-key-reused")
        )
    );
}
