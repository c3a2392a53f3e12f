//! Appointments (api.md "Appointments").

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use termin_domain::{Language, OfficeId, VisitTypeId};
use termin_store::Appointment;
use utoipa::ToSchema;

use super::{ApiJson, Lang, Problem, rfc3339};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::mail;
use crate::services::booking::{self, BookRequest};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct NewAppointment {
    pub office: String,
    pub visit_type: String,
    /// RFC 3339 instant, any offset, e.g. `2026-12-01T08:30:00+01:00`.
    pub start: String,
    /// A person of this account; defaults to the account holder.
    pub person_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AppointmentDto {
    pub id: i64,
    /// Four decimal digits for the kiosk at the office.
    pub pin: String,
    pub office: String,
    pub visit_type: String,
    pub person_id: i64,
    pub start: String,
    pub end: String,
    /// `booked`, `checked-in`, `called`, `served`, `cancelled` or `no-show`.
    pub status: String,
}

pub fn dto(a: &Appointment) -> AppointmentDto {
    AppointmentDto {
        id: a.id,
        pin: a.pin.clone(),
        office: a.office_id.clone(),
        visit_type: a.visit_type_id.clone(),
        person_id: a.person_id,
        start: rfc3339(a.start),
        end: rfc3339(a.end),
        status: a.status.as_str().into(),
    }
}

/// Books an appointment.
#[utoipa::path(post, path = "/api/v1/appointments", tag = "appointments", request_body = NewAppointment,
    responses(
        (status = 201, body = AppointmentDto),
        (status = 401, body = Problem),
        (status = 403, description = "`email-not-verified`, `booking-blocked` (with `blocked_until`), `not-your-person`", body = Problem),
        (status = 404, description = "`not-found` (office or visit type), `no-such-slot`", body = Problem),
        (status = 409, description = "`slot-full`, `already-booked`", body = Problem),
        (status = 422, description = "`visit-type-not-offered`, `slot-in-past`, `invalid-input`, `idempotency-key-reused`", body = Problem),
    ),
    params(("Idempotency-Key" = Option<String>, Header,
        description = "Retrying with the same key returns the first booking instead of making another")),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    headers: axum::http::HeaderMap,
    ApiJson(body): ApiJson<NewAppointment>,
) -> Result<impl IntoResponse, AppError> {
    // A retry with the same key (a timeout, a double tap) gets the first booking back.
    let idempotency_key = match headers.get("idempotency-key") {
        None => None,
        Some(v) => Some(
            v.to_str()
                .ok()
                .map(str::trim)
                .filter(|k| (1..=255).contains(&k.len()))
                .ok_or_else(|| {
                    AppError::InvalidInput(vec![("Idempotency-Key", "field-idempotency-key")])
                })?,
        ),
    };
    let start: Timestamp = body
        .start
        .trim()
        .parse()
        .map_err(|_| AppError::InvalidInput(vec![("start", "field-instant-invalid")]))?;
    let appointment = booking::book(
        &state,
        &user.account,
        BookRequest {
            office: &body.office,
            visit_type: &body.visit_type,
            start,
            person_id: body.person_id,
            idempotency_key,
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(dto(&appointment))))
}

/// The account's appointments (all its persons), newest first.
#[utoipa::path(get, path = "/api/v1/appointments", tag = "appointments",
    responses((status = 200, body = [AppointmentDto]), (status = 401, body = Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<AppointmentDto>>, AppError> {
    let list = booking::list(&state, &user.account).await?;
    Ok(Json(list.iter().map(dto).collect()))
}

/// One appointment of this account.
#[utoipa::path(get, path = "/api/v1/appointments/{id}", tag = "appointments",
    params(("id" = i64, Path)),
    responses((status = 200, body = AppointmentDto), (status = 404, description = "also for someone else's", body = Problem)),
    security(("bearer" = [])))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<AppointmentDto>, AppError> {
    Ok(Json(dto(&booking::get(&state, &user.account, id).await?)))
}

#[derive(Serialize, ToSchema)]
pub struct Cancelled {
    pub status: String,
}

/// Cancels an appointment, no later than 24 hours before its start, at most 10 times in 90 days.
#[utoipa::path(post, path = "/api/v1/appointments/{id}/cancel", tag = "appointments",
    params(("id" = i64, Path)),
    responses((status = 200, body = Cancelled), (status = 404, body = Problem),
        (status = 409, description = "`cancellation-too-late`, `cancellation-limit-reached` (with `retry_after`), `not-cancellable`", body = Problem)),
    security(("bearer" = [])))]
pub async fn cancel(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<Cancelled>, AppError> {
    let cancelled = booking::cancel(&state, &user.account, id).await?;
    Ok(Json(Cancelled {
        status: cancelled.status.as_str().into(),
    }))
}

/// The appointment as an iCalendar file ("add to calendar").
#[utoipa::path(get, path = "/api/v1/appointments/{id}/calendar.ics", tag = "appointments",
    params(("id" = i64, Path)),
    responses((status = 200, content_type = "text/calendar"), (status = 404, body = Problem)),
    security(("bearer" = [])))]
pub async fn ics(
    State(state): State<AppState>,
    user: CurrentUser,
    Lang(lang): Lang,
    Path(id): Path<i64>,
) -> Result<impl IntoResponse, AppError> {
    let appointment = booking::get(&state, &user.account, id).await?;
    Ok(ics_response(&state, &appointment, lang))
}

pub fn ics_response(
    state: &AppState,
    appointment: &Appointment,
    lang: Language,
) -> axum::response::Response {
    let office = OfficeId::parse(&appointment.office_id)
        .ok()
        .and_then(|id| state.catalog.office(&id));
    let visit_type = VisitTypeId::parse(&appointment.visit_type_id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id));
    let (Some(office), Some(visit_type)) = (office, visit_type) else {
        return AppError::NotFound.into_response();
    };
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"appointment.ics\"",
            ),
        ],
        mail::ics(appointment, office, visit_type, lang, state.now()),
    )
        .into_response()
}
