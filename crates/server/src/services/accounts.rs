//! Accounts, sign-in, verification, password reset, persons and standing (domain.md §2).

use std::net::IpAddr;

use jiff::{SignedDuration, Timestamp};
use termin_domain::{Email, FullName, Language, Password, Standing, WeakPassword};
use termin_store::{
    Account, AccountId, CreateAccountError, NewAccount, NewJob, NewToken, Person, Role, TokenKind,
};

use super::{FieldError, field, parse_birth_date, to_app_error};
use crate::auth::{hash_secret, new_secret};
use crate::error::AppError;
use crate::mail;
use crate::state::AppState;

/// What a registration form or API call sends, still unparsed.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct Registration {
    pub email: String,
    pub password: String,
    pub full_name: String,
    pub date_of_birth: String,
    pub language: String,
}

struct ValidRegistration {
    email: Email,
    full_name: FullName,
    date_of_birth: jiff::civil::Date,
    language: Language,
}

impl Registration {
    fn parse(&self, today: jiff::civil::Date) -> Result<ValidRegistration, Vec<FieldError>> {
        let mut errors = Vec::new();
        let email = Email::parse(&self.email)
            .map_err(|_| errors.push(field("email", "field-email-invalid")))
            .ok();
        if let Err(problem) = Password::check(&self.password, self.email.trim()) {
            errors.push(field("password", password_key(problem)));
        }
        let full_name = FullName::parse(&self.full_name)
            .map_err(|_| errors.push(field("full_name", "field-name-invalid")))
            .ok();
        let date_of_birth = parse_birth_date(&self.date_of_birth, today)
            .map_err(|e| errors.push(e))
            .ok();
        let language = Language::parse(self.language.trim())
            .map_err(|_| errors.push(field("language", "field-language-invalid")))
            .ok();
        match (email, full_name, date_of_birth, language) {
            (Some(email), Some(full_name), Some(date_of_birth), Some(language))
                if errors.is_empty() =>
            {
                Ok(ValidRegistration {
                    email,
                    full_name,
                    date_of_birth,
                    language,
                })
            }
            _ => Err(errors),
        }
    }
}

pub fn password_key(problem: WeakPassword) -> &'static str {
    match problem {
        WeakPassword::TooShort => "field-password-too-short",
        WeakPassword::TooLong => "field-password-too-long",
        WeakPassword::TooCommon => "field-password-too-common",
        WeakPassword::ContainsEmail => "field-password-contains-email",
    }
}

/// Why a registration failed: per-field problems for the form, or one error.
#[derive(Debug)]
pub enum RegisterError {
    Fields(Vec<FieldError>),
    Other(AppError),
}

impl From<RegisterError> for AppError {
    fn from(e: RegisterError) -> Self {
        match e {
            RegisterError::Fields(f) => to_app_error(f),
            RegisterError::Other(e) => e,
        }
    }
}

impl From<AppError> for RegisterError {
    fn from(e: AppError) -> Self {
        RegisterError::Other(e)
    }
}

async fn hash_password(password: String) -> Result<String, AppError> {
    // Argon2id costs tens of milliseconds of CPU: keep it off the async workers (stack.md).
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .map_err(|_| AppError::Internal)
}

async fn password_matches(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || password_auth::verify_password(password, &hash).is_ok())
        .await
        .unwrap_or(false)
}

/// Refuses when `bucket` had `limit` events within `window`; says when to try again.
async fn check_rate(
    state: &AppState,
    bucket: &str,
    limit: u32,
    window: SignedDuration,
    now: Timestamp,
) -> Result<(), AppError> {
    let since = now.checked_sub(window).unwrap_or(Timestamp::MIN);
    let (count, oldest) = state.store.rate_events(bucket, since).await?;
    if count >= limit {
        let free_at = oldest
            .and_then(|o| o.checked_add(window).ok())
            .unwrap_or(now);
        let retry_after_secs = (free_at - now).get_seconds().max(1);
        return Err(AppError::TooManyAttempts { retry_after_secs });
    }
    Ok(())
}

/// Stores a new token for an account (only its hash) and, in the same transaction, the mail
/// that carries it (made from the secret); returns the secret.
async fn issue_token(
    state: &AppState,
    account: AccountId,
    kind: TokenKind,
    lifetime: SignedDuration,
    mail_for: Option<&(dyn Fn(&str) -> NewJob + Sync)>,
) -> Result<String, AppError> {
    let now = state.now();
    let (secret, hash) = new_secret();
    state
        .store
        .create_token(
            NewToken {
                hash,
                account_id: account,
                kind,
                created_at: now,
                expires_at: now + lifetime,
            },
            mail_for.map(|compose| compose(&secret)),
        )
        .await?;
    Ok(secret)
}

pub async fn register(
    state: &AppState,
    input: &Registration,
    ip: IpAddr,
) -> Result<Account, RegisterError> {
    let now = state.now();
    let today = termin_domain::time::local_date(now);
    let valid = input.parse(today).map_err(RegisterError::Fields)?;
    let limits = &state.config.limits;
    let bucket = format!("register-ip:{ip}");
    check_rate(
        state,
        &bucket,
        limits.registrations_per_ip,
        SignedDuration::from_mins(limits.registration_window_minutes),
        now,
    )
    .await?;
    state
        .store
        .record_rate_event(&bucket, now)
        .await
        .map_err(AppError::from)?;

    let password_hash = hash_password(input.password.clone()).await?;
    let (secret, hash) = new_secret();
    let expires_at = now + SignedDuration::from_hours(limits.verify_token_hours);
    let link = format!("{}/verify-email?token={secret}", state.config.base_url());
    let language = valid.language;
    let account = NewAccount {
        email: valid.email.as_str().to_string(),
        password_hash,
        full_name: valid.full_name.as_str().to_string(),
        date_of_birth: valid.date_of_birth,
        language: language.as_str().to_string(),
        role: Role::Applicant,
        email_verified: false,
        offices: vec![],
    };
    let token = NewToken {
        hash,
        account_id: 0,
        kind: TokenKind::Verify,
        created_at: now,
        expires_at,
    };
    let created = state
        .store
        .create_account(
            account,
            Some(token),
            Some(Box::new(move |a: &Account| {
                mail::verification(a, language, &link, now)
            })),
            now,
        )
        .await;
    match created {
        Ok(account) => Ok(account),
        Err(CreateAccountError::EmailTaken) => Err(AppError::EmailTaken.into()),
        Err(CreateAccountError::Store(e)) => Err(AppError::from(e).into()),
    }
}

/// Creates a staff member or administrator whose e-mail counts as verified (`termin admin`).
pub async fn create_user(
    state: &AppState,
    email: &str,
    password: &str,
    full_name: &str,
    role: Role,
    offices: Vec<String>,
) -> Result<Account, AppError> {
    let email = Email::parse(email).map_err(|_| AppError::InvalidEmail)?;
    Password::check(password, email.as_str()).map_err(|_| AppError::WeakPassword)?;
    for office in &offices {
        let id = termin_domain::OfficeId::parse(office).map_err(|_| AppError::NotFound)?;
        state.catalog.office(&id).ok_or(AppError::NotFound)?;
    }
    let name = FullName::parse(full_name)
        .map_err(|_| AppError::InvalidInput(vec![("full_name", "field-name-invalid")]))?;
    let now = state.now();
    let account = NewAccount {
        email: email.as_str().to_string(),
        password_hash: hash_password(password.to_string()).await?,
        full_name: name.as_str().to_string(),
        date_of_birth: termin_domain::time::local_date(now),
        language: Language::Cs.as_str().to_string(),
        role,
        email_verified: true,
        offices,
    };
    match state.store.create_account(account, None, None, now).await {
        Ok(a) => Ok(a),
        Err(CreateAccountError::EmailTaken) => Err(AppError::EmailTaken),
        Err(CreateAccountError::Store(e)) => Err(e.into()),
    }
}

/// Sends a new verification link to a signed-in account whose e-mail is not yet confirmed
/// (the first link may have expired or been lost); at most 5 an hour.
pub async fn resend_verification(state: &AppState, account: &Account) -> Result<(), AppError> {
    if account.email_verified {
        return Ok(());
    }
    let now = state.now();
    let bucket = format!("verify-resend:{}", account.id);
    check_rate(state, &bucket, 5, SignedDuration::from_hours(1), now).await?;
    state.store.record_rate_event(&bucket, now).await?;
    let language = Language::parse(&account.language).unwrap_or_default();
    let compose = |secret: &str| {
        let link = format!("{}/verify-email?token={secret}", state.config.base_url());
        mail::verification(account, language, &link, now)
    };
    issue_token(
        state,
        account.id,
        TokenKind::Verify,
        SignedDuration::from_hours(state.config.limits.verify_token_hours),
        Some(&compose),
    )
    .await?;
    Ok(())
}

pub async fn verify_email(state: &AppState, token: &str) -> Result<(), AppError> {
    let token = token.trim();
    if token.is_empty() {
        return Err(AppError::InvalidToken);
    }
    match state
        .store
        .verify_email(&hash_secret(token), state.now())
        .await?
    {
        Some(_) => Ok(()),
        None => Err(AppError::InvalidToken),
    }
}

/// A successful sign-in: the secret goes to the client once, as a bearer token or cookie.
pub struct SignedIn {
    pub token: String,
    pub account: Account,
}

pub async fn login(
    state: &AppState,
    email: &str,
    password: &str,
    ip: IpAddr,
    kind: TokenKind,
) -> Result<SignedIn, AppError> {
    let now = state.now();
    let limits = &state.config.limits;
    let window = SignedDuration::from_mins(limits.login_window_minutes);
    let normalised = Email::parse(email)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|_| email.trim().to_lowercase());
    let account_bucket = format!("login-account:{normalised}");
    let ip_bucket = format!("login-ip:{ip}");
    check_rate(state, &ip_bucket, limits.login_failures_per_ip, window, now).await?;
    check_rate(
        state,
        &account_bucket,
        limits.login_failures_per_account,
        window,
        now,
    )
    .await?;

    let account = state.store.account_by_email(&normalised).await?;
    // The same work and the same answer whether or not the e-mail is known (api.md).
    let hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| state.dummy_hash.clone());
    let ok = password_matches(password.to_string(), hash).await && account.is_some();
    let Some(account) = account.filter(|_| ok) else {
        state.store.record_rate_event(&ip_bucket, now).await?;
        state.store.record_rate_event(&account_bucket, now).await?;
        return Err(AppError::InvalidCredentials);
    };
    // Idle expiry is the working limit; the lifetime caps a token that is used forever.
    let token = issue_token(
        state,
        account.id,
        kind,
        SignedDuration::from_hours(24 * 30),
        None,
    )
    .await?;
    Ok(SignedIn { token, account })
}

pub async fn logout(state: &AppState, token_hash: &str) -> Result<(), AppError> {
    state.store.delete_token(token_hash).await?;
    Ok(())
}

/// Always succeeds, so that nobody learns which e-mails have accounts (api.md).
pub async fn request_password_reset(
    state: &AppState,
    email: &str,
    fallback: Language,
) -> Result<(), AppError> {
    let Ok(email) = Email::parse(email) else {
        return Ok(());
    };
    let Some(account) = state.store.account_by_email(email.as_str()).await? else {
        return Ok(());
    };
    let now = state.now();
    let language = Language::parse(&account.language).unwrap_or(fallback);
    let compose = |secret: &str| {
        let link = format!("{}/reset-password?token={secret}", state.config.base_url());
        mail::password_reset(&account, language, &link, now)
    };
    issue_token(
        state,
        account.id,
        TokenKind::Reset,
        SignedDuration::from_mins(state.config.limits.reset_token_minutes),
        Some(&compose),
    )
    .await?;
    Ok(())
}

pub async fn confirm_password_reset(
    state: &AppState,
    token: &str,
    password: &str,
) -> Result<(), AppError> {
    // The account (and so its e-mail) is known only once the token is spent.
    Password::check(password, "").map_err(|_| AppError::WeakPassword)?;
    let hash = hash_password(password.to_string()).await?;
    match state
        .store
        .reset_password(&hash_secret(token.trim()), &hash, state.now())
        .await?
    {
        Some(_) => Ok(()),
        None => Err(AppError::InvalidToken),
    }
}

pub async fn persons(state: &AppState, account: &Account) -> Result<Vec<Person>, AppError> {
    Ok(state.store.persons(account.id).await?)
}

/// domain.md §2: children under 15 are booked through their representative's account.
pub async fn add_child(
    state: &AppState,
    account: &Account,
    full_name: &str,
    date_of_birth: &str,
) -> Result<Person, Vec<FieldError>> {
    let now = state.now();
    let today = termin_domain::time::local_date(now);
    let mut errors = Vec::new();
    let name = FullName::parse(full_name)
        .map_err(|_| errors.push(field("full_name", "field-name-invalid")))
        .ok();
    let dob = parse_birth_date(date_of_birth, today)
        .map_err(|e| errors.push(e))
        .ok();
    if let Some(dob) = dob
        && !state.policy().is_child(dob, today)
    {
        errors.push(field("date_of_birth", "field-not-a-child"));
    }
    match (name, dob) {
        (Some(name), Some(dob)) if errors.is_empty() => state
            .store
            .add_child(account.id, name.as_str(), dob, now)
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "add child");
                vec![field("full_name", "error-internal")]
            }),
        _ => Err(errors),
    }
}

/// The numbers behind "my standing" (domain.md §2).
pub async fn standing(state: &AppState, account: &Account) -> Result<Standing, AppError> {
    let now = state.now();
    let policy = state.policy();
    let back = policy
        .no_show_window
        .checked_add(policy.block_for)
        .unwrap_or(policy.no_show_window)
        .max(policy.cancellation_window);
    let since = now.checked_sub(back).unwrap_or(Timestamp::MIN);
    let history = state.store.history(account.id, since, policy, now).await?;
    Ok(policy.standing(&history.no_shows, &history.cancellations, now))
}

pub async fn set_language(
    state: &AppState,
    account: &Account,
    language: Language,
) -> Result<(), AppError> {
    Ok(state
        .store
        .set_language(account.id, language.as_str())
        .await?)
}

/// Staff only: the account can no longer sign in; its future appointments are released.
pub async fn delete_account(state: &AppState, id: i64) -> Result<(), AppError> {
    if state
        .store
        .delete_account(id, state.policy(), state.now())
        .await?
    {
        // Its future appointments gave their places back.
        state.full_slots.forget_all();
        state.slot_uses.forget_all();
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}
