//! The waitlist: requests for a visit type at some offices, days and times of day, and the
//! offers of freed places made to them in order of filing.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use termin_store::{Offer, WaitlistRequest};
use utoipa::ToSchema;

use super::appointments::{AppointmentDto, dto as appointment_dto};
use super::{ApiJson, Problem, rfc3339};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::services::waitlist::{self as svc, WishInput};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct NewWaitlistRequest {
    pub visit_type: String,
    /// The acceptable offices (at least one, at most the policy's `waitlist_max_offices`,
    /// default 5); each must offer the visit type.
    pub offices: Vec<String>,
    /// The first acceptable Prague date, `YYYY-MM-DD`.
    pub from: String,
    /// The last acceptable Prague date, `YYYY-MM-DD`.
    pub to: String,
    /// The acceptable parts of the day: `morning` (before noon), `afternoon`.
    pub times: Vec<String>,
    /// A person of this account; defaults to the account holder.
    pub person_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct OfferDto {
    pub id: i64,
    pub office: String,
    pub visit_type: String,
    pub start: String,
    pub end: String,
    /// `open`, `accepted`, `declined`, `lapsed` or `withdrawn`.
    pub status: String,
    /// Until when the place is held for this request.
    pub expires_at: String,
    /// The appointment made by accepting it.
    pub appointment_id: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct WaitlistRequestDto {
    pub id: i64,
    pub visit_type: String,
    pub offices: Vec<String>,
    pub from: String,
    pub to: String,
    pub times: Vec<String>,
    pub person_id: i64,
    /// `waiting`, `offered`, `booked`, `withdrawn` or `expired`.
    pub status: String,
    /// 1 for the first in line among the open requests of this visit type; `null` once the
    /// request is closed.
    pub position: Option<u32>,
    pub created_at: String,
    /// The offer open now, else the latest one.
    pub offer: Option<OfferDto>,
}

pub fn offer_dto(o: &Offer) -> OfferDto {
    OfferDto {
        id: o.id,
        office: o.office_id.clone(),
        visit_type: o.visit_type_id.clone(),
        start: rfc3339(o.start),
        end: rfc3339(o.end),
        status: o.status.as_str().into(),
        expires_at: rfc3339(o.expires_at),
        appointment_id: o.appointment_id,
    }
}

pub fn dto(r: &WaitlistRequest) -> WaitlistRequestDto {
    WaitlistRequestDto {
        id: r.id,
        visit_type: r.wish.visit_type.as_str().into(),
        offices: r
            .wish
            .offices
            .iter()
            .map(|o| o.as_str().to_owned())
            .collect(),
        from: r.wish.from.to_string(),
        to: r.wish.to.to_string(),
        times: r.wish.times.iter().map(|t| t.as_str().to_owned()).collect(),
        person_id: r.person_id,
        status: r.status.as_str().into(),
        position: r.position,
        created_at: rfc3339(r.created_at),
        offer: r.offer.as_ref().map(offer_dto),
    }
}

/// Files a waitlist request. A freed place that fits is offered to the first request in order
/// of filing, in the transaction that frees it, and held for it for a limited time.
#[utoipa::path(post, path = "/api/v1/waitlist", tag = "waitlist", request_body = NewWaitlistRequest,
    responses(
        (status = 201, body = WaitlistRequestDto),
        (status = 401, body = Problem),
        (status = 403, description = "`email-not-verified`, `not-your-person`, `booking-blocked` (with `blocked_until`)", body = Problem),
        (status = 404, description = "`not-found` (visit type or office)", body = Problem),
        (status = 409, description = "`already-waiting` (an open request of this person and visit type), `already-booked` (an active appointment of this visit type)", body = Problem),
        (status = 422, description = "`invalid-input` (with `errors`), `visit-type-not-offered`, `pickup-at-other-office`", body = Problem),
    ),
    security(("bearer" = [])))]
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(body): ApiJson<NewWaitlistRequest>,
) -> Result<impl IntoResponse, AppError> {
    let input = WishInput {
        visit_type: body.visit_type,
        offices: body.offices,
        from: body.from,
        to: body.to,
        times: body.times,
        person_id: body.person_id,
    };
    let request = svc::file(&state, &user.account, &input).await?;
    Ok((StatusCode::CREATED, Json(dto(&request))))
}

/// The account's waitlist requests, newest first, with their places in line and offers.
#[utoipa::path(get, path = "/api/v1/waitlist", tag = "waitlist",
    responses((status = 200, body = [WaitlistRequestDto]), (status = 401, body = Problem)),
    security(("bearer" = [])))]
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Json<Vec<WaitlistRequestDto>>, AppError> {
    let list = svc::list(&state, &user.account).await?;
    Ok(Json(list.iter().map(dto).collect()))
}

/// One waitlist request of this account.
#[utoipa::path(get, path = "/api/v1/waitlist/{id}", tag = "waitlist",
    params(("id" = i64, Path)),
    responses((status = 200, body = WaitlistRequestDto), (status = 401, body = Problem),
        (status = 404, description = "also for someone else's", body = Problem)),
    security(("bearer" = [])))]
pub async fn get(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<WaitlistRequestDto>, AppError> {
    Ok(Json(dto(&svc::get(&state, &user.account, id).await?)))
}

/// Withdraws a waitlist request; a place offered to it passes to the next in line.
#[utoipa::path(delete, path = "/api/v1/waitlist/{id}", tag = "waitlist",
    params(("id" = i64, Path)),
    responses((status = 200, body = WaitlistRequestDto), (status = 401, body = Problem),
        (status = 404, body = Problem),
        (status = 409, description = "`request-not-open` (booked, withdrawn or expired)", body = Problem)),
    security(("bearer" = [])))]
pub async fn withdraw(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<WaitlistRequestDto>, AppError> {
    Ok(Json(dto(&svc::withdraw(&state, &user.account, id).await?)))
}

/// Accepts an offer: the held place becomes an appointment with its PIN and confirmation mail.
#[utoipa::path(post, path = "/api/v1/offers/{id}/accept", tag = "waitlist",
    params(("id" = i64, Path)),
    responses((status = 201, body = AppointmentDto), (status = 401, body = Problem),
        (status = 403, description = "`booking-blocked` (with `blocked_until`)", body = Problem),
        (status = 404, description = "also for someone else's", body = Problem),
        (status = 409, description = "`offer-lapsed`, `offer-not-open`, `already-booked` (the person booked this visit type meanwhile: the request is withdrawn and the place passed on)", body = Problem)),
    security(("bearer" = [])))]
pub async fn accept(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<impl IntoResponse, AppError> {
    let appointment = svc::accept(&state, &user.account, id).await?;
    Ok((StatusCode::CREATED, Json(appointment_dto(&appointment))))
}

/// Declines an offer: the request keeps its place in line, the place goes to the next.
#[utoipa::path(post, path = "/api/v1/offers/{id}/decline", tag = "waitlist",
    params(("id" = i64, Path)),
    responses((status = 200, body = OfferDto), (status = 401, body = Problem),
        (status = 404, description = "also for someone else's", body = Problem),
        (status = 409, description = "`offer-lapsed`, `offer-not-open`", body = Problem)),
    security(("bearer" = [])))]
pub async fn decline(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<i64>,
) -> Result<Json<OfferDto>, AppError> {
    Ok(Json(offer_dto(
        &svc::decline(&state, &user.account, id).await?,
    )))
}
