//! One error type at the edge. Services return [`AppError`]; the API turns it into RFC 9457
//! problem details in the request's language, the pages into a message in the user's language.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use fluent_templates::fluent_bundle::FluentValue;
use jiff::Timestamp;
use serde_json::{Value, json};
use termin_domain::Language;
use termin_domain::time::rfc3339;

use crate::i18n;

#[derive(Debug, Clone, PartialEq)]
pub enum AppError {
    BadRequest,
    PayloadTooLarge,
    NotFound,
    Unauthenticated,
    Forbidden,
    EmailTaken,
    InvalidEmail,
    WeakPassword,
    /// One or more fields failed to parse: `(field, message key)`.
    InvalidInput(Vec<(&'static str, &'static str)>),
    InvalidToken,
    InvalidCredentials,
    TooManyAttempts {
        retry_after_secs: i64,
    },
    NotAChild,
    EmailNotVerified,
    BookingBlocked {
        until: Timestamp,
        no_shows: u32,
        window_days: i64,
    },
    NoSuchSlot,
    SlotFull,
    AlreadyBooked,
    VisitTypeNotOffered,
    SlotInPast,
    NotYourPerson,
    RangeTooLong,
    CancellationTooLate {
        notice_hours: i64,
    },
    CancellationLimitReached {
        retry_after: Timestamp,
        limit: u32,
        window_days: i64,
    },
    NotCancellable,
    ClockBackwards,
    UnknownPin,
    TooEarly {
        opens_at: Timestamp,
    },
    TooLate {
        closes_after_minutes: i64,
    },
    AlreadyCheckedIn,
    InvalidTransition,
    WalkInNotAccepted,
    WalkInClosed,
    IdempotencyKeyReused,
    /// A card pickup at another office than the one that captured the biometric data.
    PickupAtOtherOffice,
    /// The person already has an open waitlist request for the visit type.
    AlreadyWaiting,
    /// The waitlist request is no longer open (booked, withdrawn or expired).
    RequestNotOpen,
    /// The offer was answered already or withdrawn.
    OfferNotOpen,
    /// The offer's time ran out; the place went to the next in line.
    OfferLapsed,
    /// A deadline-calculator refusal, with the domain's stable code (`unknown-event`, …).
    Deadline(&'static str),
    /// A Schengen-calculator refusal (`exit-before-entry`, `overlapping-stays`, `no-days-left`).
    Schengen(&'static str),
    Unavailable,
    Internal,
}

impl AppError {
    /// The stable kebab-case code of api.md.
    pub fn code(&self) -> &'static str {
        use AppError::*;
        match self {
            BadRequest => "bad-request",
            PayloadTooLarge => "payload-too-large",
            NotFound => "not-found",
            Unauthenticated => "unauthenticated",
            Forbidden => "forbidden",
            EmailTaken => "email-taken",
            InvalidEmail => "invalid-email",
            WeakPassword => "weak-password",
            InvalidInput(_) => "invalid-input",
            InvalidToken => "invalid-token",
            InvalidCredentials => "invalid-credentials",
            TooManyAttempts { .. } => "too-many-attempts",
            NotAChild => "not-a-child",
            EmailNotVerified => "email-not-verified",
            BookingBlocked { .. } => "booking-blocked",
            NoSuchSlot => "no-such-slot",
            SlotFull => "slot-full",
            AlreadyBooked => "already-booked",
            VisitTypeNotOffered => "visit-type-not-offered",
            SlotInPast => "slot-in-past",
            NotYourPerson => "not-your-person",
            RangeTooLong => "range-too-long",
            CancellationTooLate { .. } => "cancellation-too-late",
            CancellationLimitReached { .. } => "cancellation-limit-reached",
            NotCancellable => "not-cancellable",
            ClockBackwards => "clock-backwards",
            UnknownPin => "unknown-pin",
            TooEarly { .. } => "too-early",
            TooLate { .. } => "too-late",
            AlreadyCheckedIn => "already-checked-in",
            InvalidTransition => "invalid-transition",
            WalkInNotAccepted => "walk-in-not-accepted",
            WalkInClosed => "walk-in-closed",
            IdempotencyKeyReused => "idempotency-key-reused",
            PickupAtOtherOffice => "pickup-at-other-office",
            AlreadyWaiting => "already-waiting",
            RequestNotOpen => "request-not-open",
            OfferNotOpen => "offer-not-open",
            OfferLapsed => "offer-lapsed",
            Deadline(code) | Schengen(code) => code,
            Unavailable => "unavailable",
            Internal => "internal",
        }
    }

    pub fn status(&self) -> StatusCode {
        use AppError::*;
        match self {
            BadRequest | InvalidToken => StatusCode::BAD_REQUEST,
            PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            NotFound | NoSuchSlot | UnknownPin => StatusCode::NOT_FOUND,
            Unauthenticated | InvalidCredentials => StatusCode::UNAUTHORIZED,
            Forbidden | EmailNotVerified | BookingBlocked { .. } | NotYourPerson => {
                StatusCode::FORBIDDEN
            }
            EmailTaken
            | SlotFull
            | AlreadyBooked
            | CancellationTooLate { .. }
            | CancellationLimitReached { .. }
            | NotCancellable
            | ClockBackwards
            | TooEarly { .. }
            | TooLate { .. }
            | AlreadyCheckedIn
            | InvalidTransition
            | WalkInClosed
            | AlreadyWaiting
            | RequestNotOpen
            | OfferNotOpen
            | OfferLapsed => StatusCode::CONFLICT,
            InvalidEmail | WeakPassword | InvalidInput(_) | NotAChild | VisitTypeNotOffered
            | SlotInPast | RangeTooLong | WalkInNotAccepted | IdempotencyKeyReused
            | PickupAtOtherOffice | Deadline(_) | Schengen(_) => StatusCode::UNPROCESSABLE_ENTITY,
            TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A sentence for a person, in `lang`.
    pub fn message(&self, lang: Language) -> String {
        let key = match self {
            AppError::Deadline(code) => format!("deadline-error-{code}"),
            AppError::Schengen(code) => format!("schengen-error-{code}"),
            _ => format!("error-{}", self.code()),
        };
        match self {
            AppError::BookingBlocked {
                until,
                no_shows,
                window_days,
            } => i18n::t_args(
                lang,
                &key,
                &[
                    ("until", i18n::date_time(lang, *until).into()),
                    ("count", FluentValue::from(*no_shows)),
                    ("days", FluentValue::from(*window_days)),
                ],
            ),
            AppError::CancellationLimitReached {
                retry_after,
                limit,
                window_days,
            } => i18n::t_args(
                lang,
                &key,
                &[
                    ("retry", i18n::date_time(lang, *retry_after).into()),
                    ("count", FluentValue::from(*limit)),
                    ("days", FluentValue::from(*window_days)),
                ],
            ),
            AppError::CancellationTooLate { notice_hours } => {
                i18n::t_args(lang, &key, &[("hours", FluentValue::from(*notice_hours))])
            }
            AppError::TooLate {
                closes_after_minutes,
            } => i18n::t_args(
                lang,
                &key,
                &[("minutes", FluentValue::from(*closes_after_minutes))],
            ),
            AppError::TooEarly { opens_at } => {
                i18n::t_args(lang, &key, &[("time", i18n::time_of(*opens_at).into())])
            }
            AppError::TooManyAttempts { retry_after_secs } => i18n::t_args(
                lang,
                &key,
                &[("minutes", FluentValue::from((retry_after_secs + 59) / 60))],
            ),
            _ => i18n::t(lang, &key),
        }
    }

    /// The RFC 9457 body.
    pub fn problem(&self, lang: Language) -> Value {
        let status = self.status();
        let mut body = json!({
            "type": format!("https://termin.invalid/problems/{}", self.code()),
            "title": status.canonical_reason().unwrap_or("Error"),
            "status": status.as_u16(),
            "detail": self.message(lang),
            "code": self.code(),
        });
        match self {
            AppError::BookingBlocked { until, .. } => {
                body["blocked_until"] = json!(rfc3339(*until));
            }
            AppError::CancellationLimitReached { retry_after, .. } => {
                body["retry_after"] = json!(rfc3339(*retry_after));
            }
            AppError::TooEarly { opens_at } => {
                body["opens_at"] = json!(rfc3339(*opens_at));
            }
            AppError::InvalidInput(fields) => {
                body["errors"] = fields
                    .iter()
                    .map(|(field, key)| json!({"field": field, "detail": i18n::t(lang, key)}))
                    .collect();
            }
            _ => {}
        }
        body
    }

    pub fn problem_response(&self, lang: Language) -> Response {
        let mut response = (
            self.status(),
            [(header::CONTENT_TYPE, "application/problem+json")],
            self.problem(lang).to_string(),
        )
            .into_response();
        if let AppError::TooManyAttempts { retry_after_secs } = self
            && let Ok(v) = HeaderValue::from_str(&(*retry_after_secs).max(1).to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, v);
        }
        response
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for AppError {}

impl From<termin_store::StoreError> for AppError {
    fn from(e: termin_store::StoreError) -> Self {
        // Logged once here; the client sees only a code.
        if is_unavailable(&e) {
            tracing::warn!(error = %e, "database unavailable");
            AppError::Unavailable
        } else {
            tracing::error!(error = %e, "store error");
            AppError::Internal
        }
    }
}

/// The pool could not reach the database: a 503 that recovers by itself, not a bug.
fn is_unavailable(e: &termin_store::StoreError) -> bool {
    use termin_store::SqlxError as E;
    matches!(
        e,
        termin_store::StoreError::Database(E::PoolTimedOut | E::PoolClosed | E::Io(_) | E::Tls(_))
    )
}

/// API errors carry the code to the problem middleware, which knows the request's language.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut response = self.problem_response(Language::default());
        response.extensions_mut().insert(self);
        response
    }
}
