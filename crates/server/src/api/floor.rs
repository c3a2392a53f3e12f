//! At the office (api.md "At the office"): kiosk, queue, clerk actions, call display, devices.

use std::convert::Infallible;
use std::time::Duration;

use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use futures::Stream;
use serde::{Deserialize, Serialize};
use termin_domain::{Language, Transition};
use termin_store::{DeviceKind, FloorEvent, Ticket};
use utoipa::ToSchema;

use super::{ApiJson, Lang, Problem, rfc3339};
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::services::floor::{self as svc, DEVICE_COOKIE, FloorActor};
use crate::state::AppState;

/// A staff member of the office, or one of its devices.
pub struct FloorAuth(pub FloorActor);

fn query_param<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts.uri.query()?.split('&').find_map(|kv| {
        kv.split_once('=')
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v)
    })
}

impl FromRequestParts<AppState> for FloorAuth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        // A device presents its secret as a bearer token, as `?device=` (EventSource cannot
        // set headers) or in its cookie.
        let bearer = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::to_string);
        let jar = CookieJar::from_headers(&parts.headers);
        let candidates = [
            bearer.clone(),
            query_param(parts, "device").map(str::to_string),
            jar.get(DEVICE_COOKIE).map(|c| c.value().to_string()),
        ];
        for secret in candidates.into_iter().flatten() {
            if let Some(device) = svc::device_by_secret(state, &secret).await? {
                return Ok(FloorAuth(FloorActor::Device(device)));
            }
        }
        let user =
            <CurrentUser as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
        Ok(FloorAuth(svc::staff_actor(state, user.account).await?))
    }
}

#[derive(Serialize, ToSchema)]
pub struct TicketDto {
    /// e.g. `B-042`
    pub ticket: String,
    pub visit_type: String,
    /// `checked-in` (waiting), `called`, `served` or `no-show`.
    pub status: String,
    pub counter: Option<String>,
    pub appointment_id: Option<i64>,
    pub checked_in_at: String,
    pub called_at: Option<String>,
}

fn ticket_dto(t: &Ticket) -> TicketDto {
    TicketDto {
        ticket: t.number.clone(),
        visit_type: t.visit_type_id.clone(),
        status: t.status.as_str().into(),
        counter: t.counter.clone(),
        appointment_id: t.appointment_id,
        checked_in_at: rfc3339(t.checked_in_at),
        called_at: t.called_at.map(rfc3339),
    }
}

#[derive(Deserialize, ToSchema)]
pub struct PinBody {
    pub pin: String,
}

#[derive(Serialize, ToSchema)]
pub struct CheckInDto {
    pub ticket: String,
    pub appointment_id: i64,
    /// 1 = next in line.
    pub position: u32,
    /// The language the client chose when booking (for the ticket screen).
    pub language: String,
}

/// The kiosk: a PIN of today's appointment at this office checks it in and gives a ticket.
#[utoipa::path(post, path = "/api/v1/offices/{id}/check-in", tag = "floor", request_body = PinBody,
    params(("id" = String, Path)),
    responses((status = 200, body = CheckInDto),
        (status = 404, description = "`unknown-pin`", body = Problem),
        (status = 409, description = "`too-early` (with `opens_at`), `too-late`, `already-checked-in`", body = Problem),
        (status = 429, description = "`too-many-attempts`: wrong PINs from this kiosk", body = Problem),
        (status = 403, description = "`forbidden`: not this office's staff or kiosk", body = Problem)),
    security(("bearer" = [])))]
pub async fn check_in(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
    ApiJson(body): ApiJson<PinBody>,
) -> Result<Json<CheckInDto>, AppError> {
    let done = svc::check_in(&state, &office, &body.pin, &who).await?;
    Ok(Json(CheckInDto {
        ticket: done.ticket.number,
        appointment_id: done.appointment_id,
        position: done.position,
        language: done.language.as_str().into(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct WalkInBody {
    pub visit_type: String,
    /// Language of the ticket screen (default: the request's language).
    pub language: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct WalkInDto {
    pub ticket: String,
    pub position: u32,
}

/// A ticket without appointment, for visit types the office takes that way, never in hours
/// for booked clients only.
#[utoipa::path(post, path = "/api/v1/offices/{id}/walk-in", tag = "floor", request_body = WalkInBody,
    params(("id" = String, Path)),
    responses((status = 201, body = WalkInDto),
        (status = 409, description = "`walk-in-closed`", body = Problem),
        (status = 422, description = "`walk-in-not-accepted`", body = Problem),
        (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn walk_in(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Lang(lang): Lang,
    Path(office): Path<String>,
    ApiJson(body): ApiJson<WalkInBody>,
) -> Result<impl IntoResponse, AppError> {
    let language = body
        .language
        .as_deref()
        .and_then(|l| Language::parse(l).ok())
        .unwrap_or(lang);
    let (ticket, position) =
        svc::walk_in(&state, &office, &body.visit_type, language, &who).await?;
    Ok((
        StatusCode::CREATED,
        Json(WalkInDto {
            ticket: ticket.number,
            position,
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct QueueDto {
    /// In the order they will be called.
    pub waiting: Vec<TicketDto>,
    pub called: Vec<TicketDto>,
}

/// Today's queue of the office (staff).
#[utoipa::path(get, path = "/api/v1/offices/{id}/queue", tag = "floor",
    params(("id" = String, Path)),
    responses((status = 200, body = QueueDto), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn queue(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
) -> Result<Json<QueueDto>, AppError> {
    let (waiting, called) = svc::queue(&state, &office, &who).await?;
    Ok(Json(QueueDto {
        waiting: waiting.iter().map(ticket_dto).collect(),
        called: called.iter().map(ticket_dto).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct CounterBody {
    pub counter: String,
}

#[derive(Serialize, ToSchema)]
pub struct CalledDto {
    pub ticket: String,
    pub appointment_id: Option<i64>,
    pub counter: String,
}

/// Calls the next client to the counter; 204 when nobody waits. While the counter has a
/// called client, the same one is returned (a double click calls one person).
#[utoipa::path(post, path = "/api/v1/offices/{id}/queue/call-next", tag = "floor", request_body = CounterBody,
    params(("id" = String, Path)),
    responses((status = 200, body = CalledDto), (status = 204, description = "nobody waits"),
        (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn call_next(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
    ApiJson(body): ApiJson<CounterBody>,
) -> Result<Response, AppError> {
    Ok(
        match svc::call_next(&state, &office, &body.counter, &who).await? {
            Some(t) => Json(CalledDto {
                ticket: t.number,
                appointment_id: t.appointment_id,
                counter: t.counter.unwrap_or_default(),
            })
            .into_response(),
            None => StatusCode::NO_CONTENT.into_response(),
        },
    )
}

async fn act(
    state: &AppState,
    who: &FloorActor,
    office: &str,
    ticket: &str,
    transition: Transition,
    counter: Option<&str>,
) -> Result<Json<TicketDto>, AppError> {
    let t = svc::act(state, office, ticket, transition, counter, who).await?;
    Ok(Json(ticket_dto(&t)))
}

/// Marks a called ticket served.
#[utoipa::path(post, path = "/api/v1/offices/{id}/tickets/{ticket}/done", tag = "floor",
    params(("id" = String, Path), ("ticket" = String, Path)),
    responses((status = 200, body = TicketDto),
        (status = 409, description = "`invalid-transition`", body = Problem), (status = 404, body = Problem)),
    security(("bearer" = [])))]
pub async fn done(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path((office, ticket)): Path<(String, String)>,
) -> Result<Json<TicketDto>, AppError> {
    act(&state, &who, &office, &ticket, Transition::Serve, None).await
}

/// Calls a called ticket again (shown again on the display).
#[utoipa::path(post, path = "/api/v1/offices/{id}/tickets/{ticket}/recall", tag = "floor",
    params(("id" = String, Path), ("ticket" = String, Path)),
    responses((status = 200, body = TicketDto), (status = 409, body = Problem)),
    security(("bearer" = [])))]
pub async fn recall(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path((office, ticket)): Path<(String, String)>,
) -> Result<Json<TicketDto>, AppError> {
    act(&state, &who, &office, &ticket, Transition::Recall, None).await
}

/// The called client did not come to the counter: a no-show (counts against the account).
#[utoipa::path(post, path = "/api/v1/offices/{id}/tickets/{ticket}/no-show", tag = "floor",
    params(("id" = String, Path), ("ticket" = String, Path)),
    responses((status = 200, body = TicketDto), (status = 409, body = Problem)),
    security(("bearer" = [])))]
pub async fn no_show(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path((office, ticket)): Path<(String, String)>,
) -> Result<Json<TicketDto>, AppError> {
    act(&state, &who, &office, &ticket, Transition::MarkNoShow, None).await
}

/// Back to the waiting queue (e.g. a document is missing).
#[utoipa::path(post, path = "/api/v1/offices/{id}/tickets/{ticket}/send-back", tag = "floor",
    params(("id" = String, Path), ("ticket" = String, Path)),
    responses((status = 200, body = TicketDto), (status = 409, body = Problem)),
    security(("bearer" = [])))]
pub async fn send_back(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path((office, ticket)): Path<(String, String)>,
) -> Result<Json<TicketDto>, AppError> {
    act(&state, &who, &office, &ticket, Transition::SendBack, None).await
}

/// Hands a called client over to another counter (shown on the display).
#[utoipa::path(post, path = "/api/v1/offices/{id}/tickets/{ticket}/transfer", tag = "floor",
    request_body = CounterBody,
    params(("id" = String, Path), ("ticket" = String, Path)),
    responses((status = 200, body = TicketDto), (status = 409, body = Problem)),
    security(("bearer" = [])))]
pub async fn transfer(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path((office, ticket)): Path<(String, String)>,
    ApiJson(body): ApiJson<CounterBody>,
) -> Result<Json<TicketDto>, AppError> {
    act(
        &state,
        &who,
        &office,
        &ticket,
        Transition::Transfer,
        Some(&body.counter),
    )
    .await
}

#[derive(Serialize, ToSchema)]
pub struct AgendaDto {
    pub appointment_id: i64,
    pub start: String,
    pub visit_type: String,
    /// To check identity: bookings are non-transferable.
    pub person_name: String,
    pub date_of_birth: String,
    pub status: String,
    pub ticket: Option<String>,
}

/// Today's appointments of the office with name and date of birth (staff).
#[utoipa::path(get, path = "/api/v1/offices/{id}/agenda", tag = "floor",
    params(("id" = String, Path)),
    responses((status = 200, body = [AgendaDto]), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn agenda(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
) -> Result<Json<Vec<AgendaDto>>, AppError> {
    let entries = svc::agenda(&state, &office, &who).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AgendaDto {
                appointment_id: e.appointment.id,
                start: rfc3339(e.appointment.start),
                visit_type: e.appointment.visit_type_id,
                person_name: e.person_name,
                date_of_birth: e.person_date_of_birth.to_string(),
                status: e.appointment.status.as_str().into(),
                ticket: e.ticket,
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct StatsDto {
    pub checked_in: u32,
    pub waiting: u32,
    pub called: u32,
    pub served: u32,
    pub no_shows: u32,
    pub average_wait_seconds: Option<i64>,
    pub average_service_seconds: Option<i64>,
}

/// The day's figures of the office (staff).
#[utoipa::path(get, path = "/api/v1/offices/{id}/stats", tag = "floor",
    params(("id" = String, Path)),
    responses((status = 200, body = StatsDto), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn stats(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
) -> Result<Json<StatsDto>, AppError> {
    let s = svc::stats(&state, &office, &who).await?;
    Ok(Json(StatsDto {
        checked_in: s.checked_in,
        waiting: s.waiting,
        called: s.called,
        served: s.served,
        no_shows: s.no_shows,
        average_wait_seconds: s.average_wait_seconds,
        average_service_seconds: s.average_service_seconds,
    }))
}

#[derive(Serialize, ToSchema)]
pub struct CallDto {
    /// The SSE event id.
    pub id: i64,
    pub ticket: String,
    pub counter: Option<String>,
    /// `call`, `recall` or `transfer`.
    pub kind: String,
    pub at: String,
}

fn call_dto(e: &FloorEvent) -> CallDto {
    CallDto {
        id: e.id,
        ticket: e.ticket.clone(),
        counter: e.counter.clone(),
        kind: e.kind.clone(),
        at: rfc3339(e.at),
    }
}

/// The latest calls of today, newest first (ticket and counter only, never a name).
#[utoipa::path(get, path = "/api/v1/offices/{id}/display/calls", tag = "floor",
    params(("id" = String, Path)),
    responses((status = 200, body = [CallDto]), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn display_calls(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
) -> Result<Json<Vec<CallDto>>, AppError> {
    let calls = svc::recent_calls(&state, &office, &who).await?;
    Ok(Json(calls.iter().map(call_dto).collect()))
}

/// A stream of calls for the waiting-room display: `event: call`, `id:` the event id,
/// `data: {"ticket","counter","kind","at"}`. A reconnecting client sends `Last-Event-ID` and
/// gets what it missed; a new one first gets today's latest calls.
#[utoipa::path(get, path = "/api/v1/offices/{id}/display/events", tag = "floor",
    params(("id" = String, Path),
        ("device" = Option<String>, Query, description = "Display device secret (EventSource cannot send headers)")),
    responses((status = 200, content_type = "text/event-stream"), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn display_events(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
    headers: HeaderMap,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let recent = svc::recent_calls(&state, &office, &who).await?;
    let office = svc::office(&state, &office)?.id.as_str().to_string();
    let last_event_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let (backlog, last_id) = match last_event_id {
        Some(id) => (svc::calls_after(&state, &office, id).await?, id),
        None => {
            let last = recent.first().map(|e| e.id).unwrap_or(0);
            (recent.into_iter().rev().collect(), last)
        }
    };
    let receiver = state.floor_bus.subscribe();
    /// Counts the open display streams for `/metrics` while it lives.
    struct Open(AppState);
    impl Drop for Open {
        fn drop(&mut self) {
            self.0
                .metrics
                .sse_clients
                .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
        }
    }
    state
        .metrics
        .sse_clients
        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    struct Feed {
        _open: Open,
        state: AppState,
        office: String,
        last_id: i64,
        pending: std::collections::VecDeque<FloorEvent>,
        receiver: tokio::sync::broadcast::Receiver<String>,
    }
    let feed = Feed {
        _open: Open(state.clone()),
        state,
        office,
        last_id,
        pending: backlog.into(),
        receiver,
    };
    let stream = futures::stream::unfold(feed, |mut feed| async move {
        loop {
            if let Some(event) = feed.pending.pop_front() {
                feed.last_id = feed.last_id.max(event.id);
                let data = serde_json::to_string(&call_dto(&event)).unwrap_or_default();
                let sse = Event::default()
                    .event("call")
                    .id(event.id.to_string())
                    .data(data);
                return Some((Ok(sse), feed));
            }
            // Wait for news from this instance (or, on PostgreSQL, any instance), but look at
            // the database at least every few seconds in case a notice was missed.
            let woke = tokio::time::timeout(Duration::from_secs(5), feed.receiver.recv()).await;
            if let Ok(Ok(office)) = &woke
                && *office != feed.office
            {
                continue;
            }
            if let Ok(Err(tokio::sync::broadcast::error::RecvError::Closed)) = woke {
                return None;
            }
            match svc::calls_after(&feed.state, &feed.office, feed.last_id).await {
                Ok(events) => feed.pending.extend(events),
                Err(_) => tokio::time::sleep(Duration::from_secs(1)).await,
            }
        }
    });
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

#[derive(Deserialize, ToSchema)]
pub struct NewDeviceBody {
    /// `kiosk` or `display`.
    pub kind: String,
    pub name: String,
}

#[derive(Serialize, ToSchema)]
pub struct DeviceDto {
    pub id: i64,
    pub kind: String,
    pub name: String,
    pub created_at: String,
    pub revoked: bool,
}

#[derive(Serialize, ToSchema)]
pub struct NewDeviceDto {
    pub id: i64,
    pub kind: String,
    pub name: String,
    /// Shown once: the device's secret.
    pub token: String,
    /// Open this link once on the device; it remembers itself in a cookie.
    pub link: String,
}

/// Registers a kiosk or display for the office (staff); returns its secret link once.
#[utoipa::path(post, path = "/api/v1/offices/{id}/devices", tag = "floor", request_body = NewDeviceBody,
    params(("id" = String, Path)),
    responses((status = 201, body = NewDeviceDto), (status = 403, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = [])))]
pub async fn create_device(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
    ApiJson(body): ApiJson<NewDeviceBody>,
) -> Result<impl IntoResponse, AppError> {
    let kind = DeviceKind::parse(body.kind.trim())
        .ok_or_else(|| AppError::InvalidInput(vec![("kind", "field-device-kind-invalid")]))?;
    let created = svc::register_device(&state, &office, kind, &body.name, &who).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewDeviceDto {
            id: created.device.id,
            kind: created.device.kind.as_str().into(),
            name: created.device.name,
            link: format!("{}/device/{}", state.config.base_url(), created.token),
            token: created.token,
        }),
    ))
}

/// The office's devices (staff).
#[utoipa::path(get, path = "/api/v1/offices/{id}/devices", tag = "floor",
    params(("id" = String, Path)),
    responses((status = 200, body = [DeviceDto]), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn devices(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path(office): Path<String>,
) -> Result<Json<Vec<DeviceDto>>, AppError> {
    let list = svc::devices(&state, &office, &who).await?;
    Ok(Json(
        list.into_iter()
            .map(|d| DeviceDto {
                id: d.id,
                kind: d.kind.as_str().into(),
                name: d.name,
                created_at: rfc3339(d.created_at),
                revoked: d.revoked,
            })
            .collect(),
    ))
}

/// Revokes a device: its link and cookie stop working at once (staff).
#[utoipa::path(delete, path = "/api/v1/offices/{id}/devices/{device_id}", tag = "floor",
    params(("id" = String, Path), ("device_id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = [])))]
pub async fn revoke_device(
    State(state): State<AppState>,
    FloorAuth(who): FloorAuth,
    Path((office, id)): Path<(String, i64)>,
) -> Result<StatusCode, AppError> {
    svc::revoke_device(&state, &office, id, &who).await?;
    Ok(StatusCode::NO_CONTENT)
}
