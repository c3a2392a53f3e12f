//! What an operator's tooling reads: liveness, readiness and Prometheus metrics.

mod common;

use common::spawn_app;
use jiff::SignedDuration;
use reqwest::StatusCode;

#[tokio::test]
async fn health_ready_and_metrics_answer() {
    let app = spawn_app().await;
    let root = app.base.trim_end_matches("/api/v1").to_string();
    let health = app
        .client
        .get(format!("{root}/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK);
    let ready = app
        .client
        .get(format!("{root}/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), StatusCode::OK);

    let (_, token) = app.quick_account("metrics@example.cz").await;
    let start = app
        .free_slot("praha-2", "biometrics", SignedDuration::from_hours(48))
        .await;
    let (s, _) = app.book(&token, "praha-2", "biometrics", &start).await;
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = app.book(&token, "praha-2", "biometrics", &start).await;
    assert_eq!(s, StatusCode::CONFLICT);

    let metrics = app
        .client
        .get(format!("{root}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), StatusCode::OK);
    let text = metrics.text().await.unwrap();
    assert!(text.contains("termin_bookings_total 1"), "{text}");
    assert!(text.contains("termin_booking_refusals_total 1"), "{text}");
    assert!(text.contains("# TYPE termin_sse_clients gauge"), "{text}");
}
