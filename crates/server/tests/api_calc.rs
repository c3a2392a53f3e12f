//! API tests of the calculators (api.md "Calculators"): public, no account.

mod common;

use common::spawn_app;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn schengen_counts_entry_and_exit_days_in_the_180_day_window() {
    let app = spawn_app().await;
    let (s, v) = app
        .post(
            "/calc/schengen",
            None,
            json!({"stays": [{"entry": "2026-01-01", "exit": "2026-01-10"},
                             {"entry": "2026-03-01", "exit": "2026-03-31"}],
                   "on": "2026-04-30"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["days_used"], 41);
    assert_eq!(v["days_remaining"], 49);
    assert_eq!(v["window_start"], "2025-11-02");
    assert_eq!(v["window_end"], "2026-04-30");
    assert!(v.get("latest_exit").is_none());
}

#[tokio::test]
async fn schengen_latest_exit_keeps_every_window_at_90_days() {
    let app = spawn_app().await;
    // 80 days used up to 2026-03-21; entering 2026-04-01 leaves 10 days while those count.
    let (s, v) = app
        .post(
            "/calc/schengen",
            None,
            json!({"stays": [{"entry": "2026-01-01", "exit": "2026-03-21"}],
                   "plan_entry": "2026-04-01"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["days_used"], 80);
    assert_eq!(v["latest_exit"], "2026-04-10");

    let (s, v) = app
        .post(
            "/calc/schengen",
            None,
            json!({"stays": [{"entry": "2026-01-01", "exit": "2026-03-31"}],
                   "plan_entry": "2026-04-01"}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("no-days-left"))
    );
}

#[tokio::test]
async fn schengen_refuses_impossible_stays_with_specific_codes() {
    let app = spawn_app().await;
    let (s, v) = app
        .post(
            "/calc/schengen",
            None,
            json!({"stays": [{"entry": "2026-02-10", "exit": "2026-02-01"}]}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("exit-before-entry"))
    );
    let (s, v) = app
        .post(
            "/calc/schengen",
            None,
            json!({"stays": [{"entry": "2026-02-01", "exit": "2026-02-10"},
                             {"entry": "2026-02-05", "exit": "2026-02-20"}]}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("overlapping-stays"))
    );
    let (s, v) = app
        .post(
            "/calc/schengen",
            None,
            json!({"stays": [{"entry": "yesterday", "exit": "2026-02-10"}]}),
        )
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid-input"))
    );
    let many: Vec<_> = (0..501)
        .map(|_| json!({"entry": "2026-01-01", "exit": "2026-01-01"}))
        .collect();
    let (s, v) = app
        .post("/calc/schengen", None, json!({"stays": many}))
        .await;
    assert_eq!(
        (s, v["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("invalid-input"))
    );
}

#[tokio::test]
async fn arrival_gives_police_registration_within_3_working_days() {
    let app = spawn_app().await;
    // Arrival Thursday 2026-04-02: Good Friday 04-03, weekend, Easter Monday 04-06 are not
    // working days; the 3 working days are 04-07, 04-08, 04-09.
    let (s, v) = app
        .post(
            "/calc/deadlines?lang=en",
            None,
            json!({"event": "arrival", "date": "2026-04-02"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let first = &v["obligations"][0];
    assert_eq!(first["id"], "police-registration");
    assert_eq!(first["authority"], "police");
    assert_eq!(first["deadline"], "2026-04-09");
    assert_eq!(first["basis"], "3-working-days");
    assert!(
        first["basis_text"]
            .as_str()
            .unwrap()
            .starts_with("3 working days"),
        "{first}"
    );
    assert_eq!(first["authority_name"], "Foreign Police");
    assert!(first["visit_type"].is_null());
    assert!(!first["action"].as_str().unwrap().is_empty());
}

#[tokio::test]
async fn biometrics_give_card_pickup_within_60_days_moved_to_a_working_day() {
    let app = spawn_app().await;
    // 2026-10-26 + 60 days = 2026-12-25 (Christmas Day) → 26th holiday, 27th Sunday → 28th.
    let (s, v) = app
        .post(
            "/calc/deadlines",
            None,
            json!({"event": "biometrics-captured", "date": "2026-10-26"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let pickup = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "card-pickup")
        .unwrap();
    assert_eq!(pickup["deadline"], "2026-12-28");
    assert_eq!(pickup["authority"], "oamp");
    assert_eq!(pickup["visit_type"], "card-pickup");
}

#[tokio::test]
async fn deadline_questions_with_bad_input_get_specific_codes() {
    let app = spawn_app().await;
    for (body, code) in [
        (
            json!({"event": "moon-landing", "date": "2026-01-01"}),
            "unknown-event",
        ),
        (
            json!({"event": "address-change", "date": "2026-01-01"}),
            "missing-stay",
        ),
        (
            json!({"event": "address-change", "date": "2026-01-01", "stay": "forever"}),
            "unknown-stay",
        ),
        (
            json!({"event": "arrival", "date": "1850-01-01"}),
            "date-too-early",
        ),
        (
            json!({"event": "arrival", "date": "2999-01-01"}),
            "date-too-late",
        ),
        (
            json!({"event": "arrival", "date": "31.12.2026"}),
            "invalid-input",
        ),
    ] {
        let (s, v) = app
            .post("/calc/deadlines?lang=cs", None, body.clone())
            .await;
        assert_eq!(
            (s, v["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(code)),
            "{body}"
        );
        assert!(!v["detail"].as_str().unwrap().starts_with("Unknown"), "{v}");
    }
}
