//! Calculators (api.md "Calculators"): public, no account.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use termin_domain::catalog::Authority;
use utoipa::ToSchema;

use super::{ApiJson, Lang, Problem};
use crate::error::AppError;
use crate::i18n;
use crate::services::guidance::{self as svc, DeadlineQuestion};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct StayDto {
    /// `YYYY-MM-DD`, the day of entry (counts).
    pub entry: String,
    /// `YYYY-MM-DD`, the day of exit (counts).
    pub exit: String,
}

#[derive(Deserialize, ToSchema)]
pub struct SchengenQuestion {
    pub stays: Vec<StayDto>,
    /// The day to count on (default: `plan_entry`, else today).
    pub on: Option<String>,
    /// The first day of a planned stay: the answer then has `latest_exit`.
    pub plan_entry: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SchengenDto {
    pub days_used: u32,
    pub days_remaining: u32,
    pub window_start: String,
    pub window_end: String,
    /// Last day of a stay from `plan_entry` that keeps every 180-day window at ≤ 90 days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_exit: Option<String>,
}

/// The Schengen 90/180 rule: days used in the 180-day window ending on `on` (entry and exit
/// days count) and, for a planned entry, the latest exit.
#[utoipa::path(post, path = "/api/v1/calc/schengen", tag = "calculators", request_body = SchengenQuestion,
    responses((status = 200, body = SchengenDto),
        (status = 422, description = "`exit-before-entry`, `overlapping-stays`, `no-days-left`, `invalid-input`", body = Problem)))]
pub async fn schengen(
    State(state): State<AppState>,
    ApiJson(question): ApiJson<SchengenQuestion>,
) -> Result<Json<SchengenDto>, AppError> {
    let stays: Vec<(String, String)> = question
        .stays
        .into_iter()
        .map(|s| (s.entry, s.exit))
        .collect();
    let answer = svc::schengen(
        &state,
        &stays,
        question.on.as_deref(),
        question.plan_entry.as_deref(),
    )?;
    Ok(Json(SchengenDto {
        days_used: answer.report.days_used,
        days_remaining: answer.report.days_remaining,
        window_start: answer.report.window_start.to_string(),
        window_end: answer.report.window_end.to_string(),
        latest_exit: answer.latest_exit.map(|d| d.to_string()),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct DeadlineQuestionDto {
    /// `arrival`, `visa-expiry`, `permit-expiry`, `employee-card-expiry`,
    /// `permanent-card-expiry`, `biometrics-captured`, `name-change`, `marital-status-change`,
    /// `new-passport`, `address-change`, `lost-document`, `child-born`, `visa-refused`,
    /// `letter-deposited`, `card-data-change`, `notice-posted`.
    pub event: String,
    /// The day of the event (`YYYY-MM-DD`); for expiries, the last day of validity.
    pub date: String,
    /// For `address-change`: `long-term` or `permanent`.
    pub stay: Option<String>,
    /// For `arrival`: the visa was granted to collect a residence permit (biometrics follow).
    #[serde(default)]
    pub visa_to_collect_permit: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ObligationDto {
    /// Stable id (api.md), e.g. `police-registration`.
    pub id: String,
    /// `oamp` or `police`: documents sent to the wrong one are rejected.
    pub authority: String,
    /// What to do, in the request's language.
    pub action: String,
    pub earliest: Option<String>,
    pub deadline: String,
    /// The rule, e.g. `3-working-days`, `60-days`, `last-day-of-validity`.
    pub basis: String,
    /// The rule in words, in the request's language.
    pub basis_text: String,
    /// Who this step belongs to, in words (post sent to the wrong authority is rejected).
    pub authority_name: String,
    pub representative_allowed: bool,
    pub needs_bio_office: bool,
    /// The visit type to book at an OAMP office, if the step is a visit.
    pub visit_type: Option<String>,
    /// A warning that goes with it, in the request's language.
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct DeadlinesDto {
    pub obligations: Vec<ObligationDto>,
}

/// What must be done, by when and at which authority, after an event (domain.md §5).
#[utoipa::path(post, path = "/api/v1/calc/deadlines", tag = "calculators", request_body = DeadlineQuestionDto,
    responses((status = 200, body = DeadlinesDto),
        (status = 422, description = "`unknown-event`, `unknown-stay`, `missing-stay`, `date-too-early`, `date-too-late`, `option-not-applicable`, `invalid-input`", body = Problem)))]
pub async fn deadlines(
    Lang(lang): Lang,
    ApiJson(question): ApiJson<DeadlineQuestionDto>,
) -> Result<Json<DeadlinesDto>, AppError> {
    let obligations = svc::deadlines(&DeadlineQuestion {
        event: &question.event,
        date: &question.date,
        stay: question.stay.as_deref(),
        visa_to_collect_permit: question.visa_to_collect_permit,
    })?;
    Ok(Json(DeadlinesDto {
        obligations: obligations
            .into_iter()
            .map(|o| ObligationDto {
                id: o.id.into(),
                authority: match o.authority {
                    Authority::Oamp => "oamp",
                    Authority::Police => "police",
                }
                .into(),
                action: i18n::t(lang, &format!("obligation-{}", o.id)),
                earliest: o.earliest.map(|d| d.to_string()),
                deadline: o.deadline.to_string(),
                basis: o.basis.code(),
                basis_text: svc::basis_text(lang, &o.basis),
                authority_name: i18n::t(
                    lang,
                    match o.authority {
                        Authority::Oamp => "authority-oamp",
                        Authority::Police => "authority-police",
                    },
                ),
                representative_allowed: o.representative_allowed,
                needs_bio_office: o.needs_bio_office,
                visit_type: o.visit_type.map(str::to_string),
                note: o
                    .note
                    .map(|n| i18n::t(lang, &format!("obligation-note-{n}"))),
            })
            .collect(),
    }))
}
