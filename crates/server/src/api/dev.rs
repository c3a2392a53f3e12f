//! The test clock (`termin serve --dev-clock`, loopback only): time moves forward on request.

use axum::Json;
use axum::extract::State;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, Problem, rfc3339};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ClockDto {
    pub now: String,
}

/// The server's current instant (only with `--dev-clock`).
#[utoipa::path(get, path = "/api/v1/dev/clock", tag = "dev",
    responses((status = 200, body = ClockDto)))]
pub async fn get_clock(State(state): State<AppState>) -> Json<ClockDto> {
    Json(ClockDto {
        now: rfc3339(state.now()),
    })
}

/// Moves the clock forward; it keeps ticking from the new instant.
#[utoipa::path(put, path = "/api/v1/dev/clock", tag = "dev", request_body = ClockDto,
    responses((status = 200, body = ClockDto),
        (status = 409, description = "`clock-backwards`: the clock only moves forward", body = Problem),
        (status = 422, body = Problem)))]
pub async fn set_clock(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ClockDto>,
) -> Result<Json<ClockDto>, AppError> {
    let clock = state.dev_clock.as_ref().ok_or(AppError::NotFound)?;
    let to: Timestamp = body
        .now
        .trim()
        .parse()
        .map_err(|_| AppError::InvalidInput(vec![("now", "field-instant-invalid")]))?;
    let now = clock.set(to).map_err(|_| AppError::ClockBackwards)?;
    Ok(Json(ClockDto { now: rfc3339(now) }))
}
