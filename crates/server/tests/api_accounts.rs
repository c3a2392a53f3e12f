//! API tests of accounts, sign-in, persons and staff deletion (api.md "Accounts").

mod common;

use common::{PASSWORD, spawn_app, spawn_with};
use reqwest::{Method, StatusCode};
use serde_json::json;

fn registration(email: &str) -> serde_json::Value {
    json!({"email": email, "password": PASSWORD, "full_name": "Ivan Petrov",
           "date_of_birth": "1990-01-31", "language": "ru"})
}

#[tokio::test]
async fn registration_creates_one_account_per_email_compared_case_insensitively_after_trimming() {
    let app = spawn_app().await;
    let (s, v) = app
        .post("/auth/register", None, registration("Ivan@Example.cz"))
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert!(v["account_id"].as_i64().unwrap() > 0);

    let (s, v) = app
        .post("/auth/register", None, registration("  ivan@EXAMPLE.cz "))
        .await;
    assert_eq!(s, StatusCode::CONFLICT);
    assert_eq!(v["code"], "email-taken");
    assert_eq!(v["status"], 409);
}

#[tokio::test]
async fn registration_rejects_bad_input_with_specific_codes_in_the_requested_language() {
    let app = spawn_app().await;
    let mut bad_email = registration("not-an-email");
    bad_email["email"] = json!("not-an-email");
    let (s, v) = app.post("/auth/register?lang=cs", None, bad_email).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "invalid-email");
    assert_eq!(v["detail"], "Toto není platná e-mailová adresa.");

    let mut weak = registration("weak@example.cz");
    weak["password"] = json!("short");
    let (s, v) = app.post("/auth/register", None, weak).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "weak-password");

    let mut future = registration("future@example.cz");
    future["date_of_birth"] = json!("2999-01-01");
    let (s, v) = app.post("/auth/register", None, future).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(v["code"], "invalid-input");
    assert_eq!(v["errors"][0]["field"], "date_of_birth");

    let mut language = registration("lang@example.cz");
    language["language"] = json!("de");
    let (s, v) = app.post("/auth/register", None, language).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid-input"))
    );

    // Nothing half-written: none of these e-mails has an account now.
    for email in ["weak@example.cz", "future@example.cz", "lang@example.cz"] {
        let (s, _) = app.post("/auth/register", None, registration(email)).await;
        assert_eq!(s, StatusCode::CREATED, "{email} was left behind");
    }
}

#[tokio::test]
async fn malformed_json_is_bad_request_and_a_huge_body_is_payload_too_large() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(format!("{}/auth/register", app.base))
        .header("content-type", "application/json")
        .body("{\"email\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let v: serde_json::Value = response.json().await.unwrap();
    assert_eq!(v["code"], "bad-request");

    let huge = format!("{{\"email\": \"{}\"}}", "a".repeat(2 * 1024 * 1024));
    let response = app
        .client
        .post(format!("{}/auth/register", app.base))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let v: serde_json::Value = response.json().await.unwrap();
    assert_eq!(v["code"], "payload-too-large");

    let (s, v) = app.get("/no/such/route", None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not-found"))
    );
}

#[tokio::test]
async fn verification_link_from_the_mail_works_once() {
    let app = spawn_app().await;
    app.post("/auth/register", None, registration("olga@example.cz"))
        .await;
    let token = app.mail_token("olga@example.cz", "verify-email").await;

    let (s, v) = app
        .post("/auth/verify-email", None, json!({"token": "nonsense"}))
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid-token"))
    );

    let (s, _) = app
        .post("/auth/verify-email", None, json!({"token": token}))
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, v) = app
        .post("/auth/verify-email", None, json!({"token": token}))
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid-token"))
    );

    let token = app.login("olga@example.cz").await;
    let (_, me) = app.get("/me", Some(&token)).await;
    assert_eq!(me["email_verified"], true);
}

#[tokio::test]
async fn login_works_before_verification_and_gives_the_same_answer_for_unknown_email() {
    let app = spawn_app().await;
    app.post("/auth/register", None, registration("anna@example.cz"))
        .await;
    let token = app.login("ANNA@example.cz").await;
    let (s, me) = app.get("/me", Some(&token)).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(me["email_verified"], false);
    assert_eq!(me["role"], "applicant");
    assert_eq!(me["language"], "ru");
    assert_eq!(me["persons"][0]["relation"], "self");
    assert_eq!(me["persons"][0]["full_name"], "Ivan Petrov");
    assert_eq!(me["standing"]["cancellations_left"], 10);
    assert!(me["standing"]["blocked_until"].is_null());

    let (s1, wrong) = app
        .post(
            "/auth/login",
            None,
            json!({"email": "anna@example.cz", "password": "wrong password!"}),
        )
        .await;
    let (s2, unknown) = app
        .post(
            "/auth/login",
            None,
            json!({"email": "nobody@example.cz", "password": "wrong password!"}),
        )
        .await;
    assert_eq!(s1, StatusCode::UNAUTHORIZED);
    assert_eq!(s2, StatusCode::UNAUTHORIZED);
    assert_eq!(wrong, unknown);
    assert_eq!(wrong["code"], "invalid-credentials");
}

#[tokio::test]
async fn failed_logins_are_limited_per_account_with_retry_after() {
    let app = spawn_app().await;
    app.post("/auth/register", None, registration("boris@example.cz"))
        .await;
    for _ in 0..10 {
        let (s, _) = app
            .post(
                "/auth/login",
                None,
                json!({"email": "boris@example.cz", "password": "wrong password!"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    let (s, v, headers) = app
        .call(
            Method::POST,
            "/auth/login",
            None,
            Some(json!({"email": "boris@example.cz", "password": PASSWORD})),
        )
        .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(v["code"], "too-many-attempts");
    let retry: i64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=15 * 60).contains(&retry), "{retry}");

    // After the 15-minute window the right password works again.
    let later = app.now().await + jiff::SignedDuration::from_mins(16);
    app.set_clock(later).await;
    app.login("boris@example.cz").await;
}

#[tokio::test]
async fn failed_logins_are_limited_per_ip() {
    let app = spawn_with(|c| c.limits.login_failures_per_ip = 3).await;
    for n in 0..3 {
        let (s, _) = app
            .post(
                "/auth/login",
                None,
                json!({"email": format!("x{n}@example.cz"), "password": "wrong password!"}),
            )
            .await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    let (s, v) = app
        .post(
            "/auth/login",
            None,
            json!({"email": "y@example.cz", "password": "wrong password!"}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too-many-attempts"))
    );
}

#[tokio::test]
async fn registrations_are_limited_per_ip() {
    let app = spawn_with(|c| c.limits.registrations_per_ip = 2).await;
    for n in 0..2 {
        let (s, _) = app
            .post(
                "/auth/register",
                None,
                registration(&format!("r{n}@example.cz")),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED);
    }
    let (s, v) = app
        .post("/auth/register", None, registration("r9@example.cz"))
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::TOO_MANY_REQUESTS, Some("too-many-attempts"))
    );
}

#[tokio::test]
async fn protected_routes_need_a_valid_token_and_logout_ends_it() {
    let app = spawn_app().await;
    let (s, v) = app.get("/me", None).await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("unauthenticated"))
    );
    let (s, _) = app.get("/me", Some("forged")).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);

    let (_, token) = app.quick_account("pavel@example.cz").await;
    let (s, _) = app.post("/auth/logout", Some(&token), json!({})).await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = app.get("/me", Some(&token)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn tokens_expire_after_24_hours_without_use() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("idle@example.cz").await;
    let now = app.now().await;
    app.set_clock(now + jiff::SignedDuration::from_hours(23))
        .await;
    assert_eq!(app.get("/me", Some(&token)).await.0, StatusCode::OK);
    // Used just now: another 23 hours are fine, 25 are not.
    app.set_clock(now + jiff::SignedDuration::from_hours(46))
        .await;
    assert_eq!(app.get("/me", Some(&token)).await.0, StatusCode::OK);
    app.set_clock(now + jiff::SignedDuration::from_hours(71))
        .await;
    assert_eq!(
        app.get("/me", Some(&token)).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn password_reset_answers_202_always_and_the_link_sets_a_new_password_once() {
    let app = spawn_app().await;
    let (_, old_token) = app.register_verified("reset@example.cz").await;

    let (s, _) = app
        .post(
            "/auth/password-reset",
            None,
            json!({"email": "nobody@example.cz"}),
        )
        .await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let (s, _) = app
        .post(
            "/auth/password-reset",
            None,
            json!({"email": "Reset@example.cz"}),
        )
        .await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let token = app.mail_token("reset@example.cz", "reset-password").await;

    let (s, v) = app
        .post(
            "/auth/password-reset/confirm",
            None,
            json!({"token": token, "password": "123"}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("weak-password"))
    );
    let (s, _) = app
        .post(
            "/auth/password-reset/confirm",
            None,
            json!({"token": token, "password": "a much better secret"}),
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, v) = app
        .post(
            "/auth/password-reset/confirm",
            None,
            json!({"token": token, "password": "another good secret"}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid-token"))
    );

    // Every old session ended; the new password works, the old one does not.
    assert_eq!(
        app.get("/me", Some(&old_token)).await.0,
        StatusCode::UNAUTHORIZED
    );
    let (s, _) = app
        .post(
            "/auth/login",
            None,
            json!({"email": "reset@example.cz", "password": PASSWORD}),
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = app
        .post(
            "/auth/login",
            None,
            json!({"email": "reset@example.cz", "password": "a much better secret"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn a_child_under_15_can_be_added_but_not_a_person_of_15() {
    let app = spawn_app().await;
    let (_, token) = app.quick_account("mother@example.cz").await;
    let today = termin_domain::time::local_date(app.now().await);
    let fourteen = today
        .saturating_sub(jiff::Span::new().years(15))
        .saturating_add(jiff::Span::new().days(1));
    let fifteen_today = today.saturating_sub(jiff::Span::new().years(15));

    let (s, v) = app
        .post(
            "/me/persons",
            Some(&token),
            json!({"full_name": "Mai Nguyen", "date_of_birth": fourteen.to_string()}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    let child = v["person_id"].as_i64().unwrap();

    let (s, v) = app
        .post(
            "/me/persons",
            Some(&token),
            json!({"full_name": "Linh Nguyen", "date_of_birth": fifteen_today.to_string()}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("not-a-child"))
    );

    let (_, me) = app.get("/me", Some(&token)).await;
    let persons = me["persons"].as_array().unwrap();
    assert_eq!(persons.len(), 2);
    assert_eq!(persons[1]["person_id"], child);
    assert_eq!(persons[1]["relation"], "child");
}

#[tokio::test]
async fn only_staff_delete_accounts_and_a_deleted_account_cannot_sign_in() {
    let app = spawn_app().await;
    let (victim, _) = app.register_verified("victim@example.cz").await;
    let (_, applicant) = app.quick_account("someone@example.cz").await;

    let (s, v, _) = app
        .call(
            Method::DELETE,
            &format!("/accounts/{victim}"),
            Some(&applicant),
            None,
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::FORBIDDEN, Some("forbidden"))
    );

    termin_server::services::accounts::create_user(
        &app.state,
        "clerk@mvcr.cz",
        PASSWORD,
        "Jana Nováková",
        termin_store::Role::Staff,
        vec!["praha-2".into()],
    )
    .await
    .unwrap();
    let staff = app.login("clerk@mvcr.cz").await;
    let (s, _, _) = app
        .call(
            Method::DELETE,
            &format!("/accounts/{victim}"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    let (s, _) = app
        .post(
            "/auth/login",
            None,
            json!({"email": "victim@example.cz", "password": PASSWORD}),
        )
        .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = app
        .call(
            Method::DELETE,
            &format!("/accounts/{victim}"),
            Some(&staff),
            None,
        )
        .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn dev_clock_moves_only_forward() {
    let app = spawn_app().await;
    let now = app.now().await;
    let (s, v, _) = app
        .call(
            Method::PUT,
            "/dev/clock",
            None,
            Some(json!({"now": (now - jiff::SignedDuration::from_hours(1)).to_string()})),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::CONFLICT, Some("clock-backwards"))
    );
    let target = now + jiff::SignedDuration::from_hours(48);
    app.set_clock(target).await;
    assert!(app.now().await >= target);
}

#[tokio::test]
async fn dev_clock_is_absent_unless_enabled() {
    let app = spawn_with(|c| c.dev_clock = false).await;
    let (s, _) = app.get("/dev/clock", None).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_new_verification_link_can_be_asked_for_and_the_newest_works() {
    let app = spawn_app().await;
    app.post("/auth/register", None, registration("late@example.cz"))
        .await;
    let token = app.login("late@example.cz").await;
    let (s, _) = app
        .post("/auth/verify-email/resend", Some(&token), json!({}))
        .await;
    assert_eq!(s, StatusCode::ACCEPTED);
    let mails = app.mails_to("late@example.cz").await;
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.contains("verify-email?token="))
            .count(),
        2
    );
    let link = app.mail_token("late@example.cz", "verify-email").await;
    let (s, _) = app
        .post("/auth/verify-email", None, json!({"token": link}))
        .await;
    assert_eq!(s, StatusCode::NO_CONTENT);
    for _ in 0..4 {
        app.post("/auth/verify-email/resend", Some(&token), json!({}))
            .await;
    }
    // Verified now: asking again sends nothing and is not an error.
    let (s, _) = app
        .post("/auth/verify-email/resend", Some(&token), json!({}))
        .await;
    assert_eq!(s, StatusCode::ACCEPTED);
}
