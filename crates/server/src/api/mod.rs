//! The public JSON API, version 1 (`../shared/api.md`), under `/api/v1`.

mod accounts;
mod appointments;
mod calc;
mod catalog;
mod dev;
pub mod floor;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use jiff::Timestamp;
use serde::Serialize;
use serde::de::DeserializeOwned;
use termin_domain::Language;
use utoipa::{OpenApi, ToSchema};

use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;

pub fn router(state: &AppState) -> Router<AppState> {
    let mut api = Router::new()
        .route("/auth/register", post(accounts::register))
        .route("/auth/verify-email", post(accounts::verify_email))
        .route(
            "/auth/verify-email/resend",
            post(accounts::resend_verification),
        )
        .route("/auth/login", post(accounts::login))
        .route("/auth/logout", post(accounts::logout))
        .route("/auth/password-reset", post(accounts::password_reset))
        .route(
            "/auth/password-reset/confirm",
            post(accounts::password_reset_confirm),
        )
        .route("/me", get(accounts::me))
        .route("/me/persons", post(accounts::add_person))
        .route("/accounts/{id}", delete(accounts::delete_account))
        .route("/offices", get(catalog::offices))
        .route("/offices/{id}", get(catalog::office))
        .route("/offices/{id}/availability", get(catalog::availability))
        .route("/visit-types", get(catalog::visit_types))
        .route("/holidays", get(catalog::holidays))
        .route(
            "/appointments",
            get(appointments::list).post(appointments::create),
        )
        .route("/appointments/{id}", get(appointments::get))
        .route("/appointments/{id}/cancel", post(appointments::cancel))
        .route("/appointments/{id}/calendar.ics", get(appointments::ics))
        .route("/offices/{id}/check-in", post(floor::check_in))
        .route("/offices/{id}/walk-in", post(floor::walk_in))
        .route("/offices/{id}/queue", get(floor::queue))
        .route("/offices/{id}/queue/call-next", post(floor::call_next))
        .route("/offices/{id}/tickets/{ticket}/done", post(floor::done))
        .route("/offices/{id}/tickets/{ticket}/recall", post(floor::recall))
        .route(
            "/offices/{id}/tickets/{ticket}/no-show",
            post(floor::no_show),
        )
        .route(
            "/offices/{id}/tickets/{ticket}/send-back",
            post(floor::send_back),
        )
        .route(
            "/offices/{id}/tickets/{ticket}/transfer",
            post(floor::transfer),
        )
        .route("/offices/{id}/agenda", get(floor::agenda))
        .route("/offices/{id}/stats", get(floor::stats))
        .route("/offices/{id}/display/calls", get(floor::display_calls))
        .route("/offices/{id}/display/events", get(floor::display_events))
        .route(
            "/offices/{id}/devices",
            get(floor::devices).post(floor::create_device),
        )
        .route(
            "/offices/{id}/devices/{device_id}",
            delete(floor::revoke_device),
        )
        .route("/calc/schengen", post(calc::schengen))
        .route("/calc/deadlines", post(calc::deadlines))
        .route("/openapi.json", get(openapi_json));
    if state.dev_clock.is_some() {
        api = api.route("/dev/clock", get(dev::get_clock).put(dev::set_clock));
    }
    api.fallback(|| async { AppError::NotFound })
        .layer(middleware::from_fn(problem_language))
}

/// The request's language for API messages: `?lang=`, then `Accept-Language`, then Czech.
pub fn request_language(parts: &Parts) -> Language {
    parts
        .uri
        .query()
        .and_then(|q| {
            q.split('&')
                .find_map(|kv| kv.strip_prefix("lang="))
                .and_then(|l| Language::parse(l).ok())
        })
        .or_else(|| {
            parts
                .headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(i18n::negotiate)
        })
        .unwrap_or_default()
}

/// Extracts the request's language (see [`request_language`]).
pub struct Lang(pub Language);

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Lang(request_language(parts)))
    }
}

/// Writes every error as problem+json in the request's language; turns the body-limit
/// layer's bare 413 into `payload-too-large`.
async fn problem_language(request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let lang = request_language(&parts);
    let response = next.run(Request::from_parts(parts, body)).await;
    if let Some(error) = response.extensions().get::<AppError>() {
        return error.problem_response(lang);
    }
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::PayloadTooLarge.problem_response(lang);
    }
    response
}

/// `Json` whose rejections are our errors: malformed JSON is `bad-request`, a body of the
/// wrong shape `invalid-input`, an oversized one `payload-too-large`.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, AppError> {
        use axum::extract::rejection::JsonRejection;
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::JsonDataError(e)) => {
                tracing::debug!(error = %e, "invalid JSON body");
                Err(AppError::InvalidInput(vec![("body", "field-body-invalid")]))
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(AppError::PayloadTooLarge),
            Err(_) => Err(AppError::BadRequest),
        }
    }
}

/// RFC 3339 with the offset of Europe/Prague (api.md "Conventions"), to the second:
/// `2026-03-30T08:00:00+02:00`.
///
/// Written by hand: this runs twice per slot of every availability answer, and going
/// through `Zoned` and `strftime` cost a sixth of that endpoint's CPU. The output is
/// byte-identical to `strftime("%Y-%m-%dT%H:%M:%S%:z")` (see the tests); the rare inputs
/// whose formatting differs in shape (years outside 0–9999, offsets with seconds such as
/// Prague's local mean time before 1891) take that slow path.
pub fn rfc3339(ts: Timestamp) -> String {
    let offset = termin_domain::time::prague_offset(ts);
    let dt = offset.to_datetime(ts);
    let off = offset.seconds();
    if dt.year() < 0 || off % 60 != 0 {
        return rfc3339_strftime(ts);
    }
    if dt.year() > 9999 {
        return rfc3339_strftime(ts);
    }
    let off_minutes = off.unsigned_abs() / 60;
    // 25 ASCII bytes, filled in place: `YYYY-MM-DDTHH:MM:SS+HH:MM`.
    let mut b = *b"0000-00-00T00:00:00+00:00";
    let mut put = |at: usize, n: u32, width: usize| {
        let mut n = n;
        for k in (at..at + width).rev() {
            b[k] = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    put(0, dt.year().unsigned_abs().into(), 4);
    put(5, dt.month().unsigned_abs().into(), 2);
    put(8, dt.day().unsigned_abs().into(), 2);
    put(11, dt.hour().unsigned_abs().into(), 2);
    put(14, dt.minute().unsigned_abs().into(), 2);
    put(17, dt.second().unsigned_abs().into(), 2);
    // |offset| < 26 h.
    put(20, off_minutes / 60, 2);
    put(23, off_minutes % 60, 2);
    if off < 0 {
        b[19] = b'-';
    }
    // Only ASCII digits and separators were written.
    String::from_utf8_lossy(&b).into_owned()
}

/// The general (slow) way of [`rfc3339`].
fn rfc3339_strftime(ts: Timestamp) -> String {
    ts.to_zoned(termin_domain::time::prague())
        .strftime("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// RFC 9457 problem details, as every error of this API is answered.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[schema(example = "https://termin.invalid/problems/slot-full")]
    pub r#type: String,
    pub title: String,
    pub status: u16,
    /// A sentence in the request's language.
    pub detail: String,
    /// Stable machine-readable code (api.md).
    #[schema(example = "slot-full")]
    pub code: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Termín API",
        version = "1",
        description = "Reservations at the foreigners' residence offices of the Czech Ministry of the Interior (OAMP). Errors are RFC 9457 problem details with a stable `code`."
    ),
    paths(
        accounts::register,
        accounts::verify_email,
        accounts::resend_verification,
        accounts::login,
        accounts::logout,
        accounts::password_reset,
        accounts::password_reset_confirm,
        accounts::me,
        accounts::add_person,
        accounts::delete_account,
        catalog::offices,
        catalog::office,
        catalog::availability,
        catalog::visit_types,
        catalog::holidays,
        appointments::create,
        appointments::list,
        appointments::get,
        appointments::cancel,
        appointments::ics,
        floor::check_in,
        floor::walk_in,
        floor::queue,
        floor::call_next,
        floor::done,
        floor::recall,
        floor::no_show,
        floor::send_back,
        floor::transfer,
        floor::agenda,
        floor::stats,
        floor::display_calls,
        floor::display_events,
        floor::create_device,
        floor::devices,
        floor::revoke_device,
        calc::schengen,
        calc::deadlines,
        dev::get_clock,
        dev::set_clock,
        openapi_json,
    ),
    components(schemas(Problem)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        openapi
            .components
            .get_or_insert_default()
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
    }
}

/// This document.
#[utoipa::path(get, path = "/api/v1/openapi.json", tag = "meta",
    responses((status = 200, description = "The OpenAPI document of this API")))]
async fn openapi_json() -> impl IntoResponse {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::SignedDuration;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn assert_same(t: Timestamp) {
        assert_eq!(rfc3339(t), rfc3339_strftime(t), "{t}");
    }

    #[test]
    fn rfc3339_examples() {
        assert_eq!(
            rfc3339(ts("2026-03-30T06:00:00Z")),
            "2026-03-30T08:00:00+02:00"
        );
        assert_eq!(
            rfc3339(ts("2026-01-05T07:00:00.999Z")),
            "2026-01-05T08:00:00+01:00"
        );
        assert_eq!(
            rfc3339(ts("2026-12-31T23:00:00Z")),
            "2027-01-01T00:00:00+01:00"
        );
    }

    #[test]
    fn rfc3339_matches_strftime_across_the_dst_switches() {
        // Every minute (and a few odd seconds) from the day before to the day after each
        // switch of 2026: 2026-03-29 02:00 CET → 03:00 CEST, 2026-10-25 03:00 CEST → 02:00 CET.
        for day in ["2026-03-28T00:00:00Z", "2026-10-24T00:00:00Z"] {
            let start = ts(day);
            for minute in 0..3 * 24 * 60 {
                let t = start + SignedDuration::from_mins(minute);
                assert_same(t);
                assert_same(t + SignedDuration::from_secs(59));
                assert_same(t - SignedDuration::from_nanos(1));
            }
        }
    }

    #[test]
    fn rfc3339_matches_strftime_over_many_years() {
        // Every 7 h 13 min 17 s over 1850–2200: both offsets, leap days, month ends, the
        // local mean time before 1891 (offset +00:57:44) and years without DST.
        let mut t = ts("1850-01-01T00:00:00Z");
        let end = ts("2200-01-01T00:00:00Z");
        let step = SignedDuration::from_secs(7 * 3600 + 13 * 60 + 17);
        while t < end {
            assert_same(t);
            t += step;
        }
        for s in [
            "1000-01-01T00:00:00Z",
            "9999-12-30T12:00:00Z",
            "2024-02-29T22:59:59Z",
            "2024-02-29T23:00:00Z",
            "1970-01-01T00:00:00Z",
        ] {
            assert_same(ts(s));
        }
        assert_same(Timestamp::MAX);
        assert_same(Timestamp::MIN);
    }
}
