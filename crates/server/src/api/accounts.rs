//! Accounts, sign-in and persons (api.md "Accounts").

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use termin_store::TokenKind;
use utoipa::ToSchema;

use super::{ApiJson, Lang, Problem, rfc3339};
use crate::auth::{ClientIp, CurrentUser, Staff};
use crate::error::AppError;
use crate::services::accounts::{self as svc, Registration};
use crate::services::to_app_error;
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct AccountCreated {
    pub account_id: i64,
}

/// Creates an account and sends the verification e-mail.
#[utoipa::path(post, path = "/api/v1/auth/register", tag = "accounts", request_body = Registration,
    responses(
        (status = 201, body = AccountCreated),
        (status = 409, description = "`email-taken`", body = Problem),
        (status = 422, description = "`invalid-email`, `weak-password`, `invalid-input`", body = Problem),
        (status = 429, description = "`too-many-attempts`", body = Problem),
    ))]
pub async fn register(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(input): ApiJson<Registration>,
) -> Result<impl IntoResponse, AppError> {
    let account = svc::register(&state, &input, ip).await?;
    Ok((
        StatusCode::CREATED,
        Json(AccountCreated {
            account_id: account.id,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct TokenBody {
    pub token: String,
}

/// Confirms the e-mail address with the token from the verification e-mail.
#[utoipa::path(post, path = "/api/v1/auth/verify-email", tag = "accounts", request_body = TokenBody,
    responses((status = 204), (status = 400, description = "`invalid-token`", body = Problem)))]
pub async fn verify_email(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<TokenBody>,
) -> Result<StatusCode, AppError> {
    svc::verify_email(&state, &body.token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Sends a new verification e-mail to the signed-in account (if not yet verified).
#[utoipa::path(post, path = "/api/v1/auth/verify-email/resend", tag = "accounts",
    responses((status = 202), (status = 401, body = Problem),
        (status = 429, description = "`too-many-attempts`", body = Problem)),
    security(("bearer" = [])))]
pub async fn resend_verification(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<StatusCode, AppError> {
    svc::resend_verification(&state, &user.account).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    /// Send as `Authorization: Bearer <token>`; expires after 24 h without use.
    pub token: String,
    pub account_id: i64,
}

/// Signs in and returns a bearer token.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "accounts", request_body = Credentials,
    responses(
        (status = 200, body = LoginResponse),
        (status = 401, description = "`invalid-credentials` (also for an unknown e-mail)", body = Problem),
        (status = 429, description = "`too-many-attempts`, with `Retry-After`", body = Problem),
    ))]
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(body): ApiJson<Credentials>,
) -> Result<Json<LoginResponse>, AppError> {
    let signed_in = svc::login(&state, &body.email, &body.password, ip, TokenKind::Api).await?;
    Ok(Json(LoginResponse {
        token: signed_in.token,
        account_id: signed_in.account.id,
    }))
}

/// Ends this token's session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "accounts",
    responses((status = 204), (status = 401, body = Problem)), security(("bearer" = [])))]
pub async fn logout(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<StatusCode, AppError> {
    svc::logout(&state, &user.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct EmailBody {
    pub email: String,
}

/// Sends a password-reset link if the e-mail has an account; answers 202 either way.
#[utoipa::path(post, path = "/api/v1/auth/password-reset", tag = "accounts", request_body = EmailBody,
    responses((status = 202)))]
pub async fn password_reset(
    State(state): State<AppState>,
    Lang(lang): Lang,
    ApiJson(body): ApiJson<EmailBody>,
) -> Result<StatusCode, AppError> {
    svc::request_password_reset(&state, &body.email, lang).await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
pub struct ResetConfirm {
    pub token: String,
    pub password: String,
}

/// Sets a new password with the token from the reset e-mail; signs out every session.
#[utoipa::path(post, path = "/api/v1/auth/password-reset/confirm", tag = "accounts", request_body = ResetConfirm,
    responses((status = 204), (status = 400, description = "`invalid-token`", body = Problem),
        (status = 422, description = "`weak-password`", body = Problem)))]
pub async fn password_reset_confirm(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ResetConfirm>,
) -> Result<StatusCode, AppError> {
    svc::confirm_password_reset(&state, &body.token, &body.password).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Serialize, ToSchema)]
pub struct PersonDto {
    pub person_id: i64,
    pub full_name: String,
    pub date_of_birth: String,
    /// `self` or `child`.
    pub relation: String,
}

#[derive(Serialize, ToSchema)]
pub struct StandingDto {
    pub no_shows_180d: u32,
    pub cancellations_90d: u32,
    pub cancellations_left: u32,
    pub blocked_until: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub account_id: i64,
    pub email: String,
    pub email_verified: bool,
    pub full_name: String,
    pub date_of_birth: String,
    pub language: String,
    /// `applicant`, `staff` or `admin`.
    pub role: String,
    pub persons: Vec<PersonDto>,
    pub standing: StandingDto,
}

/// The signed-in account, its persons and its standing.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = Me), (status = 401, body = Problem)), security(("bearer" = [])))]
pub async fn me(State(state): State<AppState>, user: CurrentUser) -> Result<Json<Me>, AppError> {
    let account = &user.account;
    let persons = svc::persons(&state, account).await?;
    let standing = svc::standing(&state, account).await?;
    Ok(Json(Me {
        account_id: account.id,
        email: account.email.clone(),
        email_verified: account.email_verified,
        full_name: account.full_name.clone(),
        date_of_birth: account.date_of_birth.to_string(),
        language: account.language.clone(),
        role: account.role.as_str().into(),
        persons: persons
            .into_iter()
            .map(|p| PersonDto {
                person_id: p.id,
                full_name: p.full_name,
                date_of_birth: p.date_of_birth.to_string(),
                relation: p.relation.as_str().into(),
            })
            .collect(),
        standing: StandingDto {
            no_shows_180d: standing.no_shows,
            cancellations_90d: standing.cancellations,
            cancellations_left: standing.cancellations_left,
            blocked_until: standing.blocked_until.map(rfc3339),
        },
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct NewPerson {
    pub full_name: String,
    /// `YYYY-MM-DD`; the child must be under 15 today.
    pub date_of_birth: String,
}

#[derive(Serialize, ToSchema)]
pub struct PersonCreated {
    pub person_id: i64,
}

/// Adds a child under 15 whom the account holder represents (domain.md §2).
#[utoipa::path(post, path = "/api/v1/me/persons", tag = "accounts", request_body = NewPerson,
    responses((status = 201, body = PersonCreated),
        (status = 422, description = "`not-a-child` (15 or older today), `invalid-input`", body = Problem),
        (status = 401, body = Problem)), security(("bearer" = [])))]
pub async fn add_person(
    State(state): State<AppState>,
    user: CurrentUser,
    ApiJson(body): ApiJson<NewPerson>,
) -> Result<impl IntoResponse, AppError> {
    let person = svc::add_child(&state, &user.account, &body.full_name, &body.date_of_birth)
        .await
        .map_err(|errors| {
            if errors.iter().any(|e| e.key == "field-not-a-child") {
                AppError::NotAChild
            } else {
                to_app_error(errors)
            }
        })?;
    Ok((
        StatusCode::CREATED,
        Json(PersonCreated {
            person_id: person.id,
        }),
    ))
}

/// Staff only: deletes an account; it can no longer sign in and its future appointments are
/// released (domain.md §2: only OAMP staff delete accounts).
#[utoipa::path(delete, path = "/api/v1/accounts/{id}", tag = "accounts",
    params(("id" = i64, Path, description = "Account id")),
    responses((status = 204), (status = 401, body = Problem),
        (status = 403, description = "`forbidden` for non-staff", body = Problem),
        (status = 404, body = Problem)), security(("bearer" = [])))]
pub async fn delete_account(
    State(state): State<AppState>,
    Staff(_staff): Staff,
    Path(id): Path<i64>,
) -> Result<StatusCode, AppError> {
    svc::delete_account(&state, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
