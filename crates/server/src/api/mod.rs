//! The public JSON API, version 1 (`../shared/api.md`), under `/api/v1`.

mod accounts;
mod appointments;
mod calc;
mod catalog;
mod dev;
pub mod floor;
mod waitlist;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use axum::{Json, Router};
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
        .route("/waitlist", get(waitlist::list).post(waitlist::create))
        .route(
            "/waitlist/{id}",
            get(waitlist::get).delete(waitlist::withdraw),
        )
        .route("/offers/{id}/accept", post(waitlist::accept))
        .route("/offers/{id}/decline", post(waitlist::decline))
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

pub use termin_domain::time::rfc3339;

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
        waitlist::create,
        waitlist::list,
        waitlist::get,
        waitlist::withdraw,
        waitlist::accept,
        waitlist::decline,
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
