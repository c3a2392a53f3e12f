//! Rows and errors shared by every backend.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use termin_domain::{AppointmentStatus, CancelRefusal};

pub type AccountId = i64;
pub type PersonId = i64;
pub type AppointmentId = i64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Applicant,
    Staff,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Applicant => "applicant",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "applicant" => Some(Role::Applicant),
            "staff" => Some(Role::Staff),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Staff and administrators act for the Ministry (delete accounts, run the office floor).
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Staff | Role::Admin)
    }
}

#[derive(Debug, Clone)]
pub struct Account {
    pub id: AccountId,
    pub email: String,
    pub password_hash: String,
    pub full_name: String,
    pub date_of_birth: Date,
    pub language: String,
    pub role: Role,
    pub email_verified: bool,
    pub created_at: Timestamp,
}

#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Already normalised by `termin_domain::Email::parse`.
    pub email: String,
    pub password_hash: String,
    pub full_name: String,
    pub date_of_birth: Date,
    pub language: String,
    pub role: Role,
    pub email_verified: bool,
    pub offices: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Session,
    Api,
    Verify,
    Reset,
}

impl TokenKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Session => "session",
            TokenKind::Api => "api",
            TokenKind::Verify => "verify",
            TokenKind::Reset => "reset",
        }
    }
}

/// A token to store. `account_id` is ignored by `create_account` (the new account's id is used).
#[derive(Debug, Clone)]
pub struct NewToken {
    pub hash: String,
    pub account_id: AccountId,
    pub kind: TokenKind,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    #[serde(rename = "self")]
    Myself,
    Child,
}

impl Relation {
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Myself => "self",
            Relation::Child => "child",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: PersonId,
    pub account_id: AccountId,
    pub full_name: String,
    pub date_of_birth: Date,
    pub relation: Relation,
}

#[derive(Debug, Clone)]
pub struct NewBooking {
    pub account_id: AccountId,
    /// `None`: the account's own person (`relation = 'self'`).
    pub person_id: Option<PersonId>,
    pub office_id: String,
    pub visit_type_id: String,
    pub start: Timestamp,
    pub end: Timestamp,
    /// Day of `start` in Europe/Prague: PINs are unique per office and day.
    pub local_date: Date,
    pub capacity: u32,
    pub language: String,
    /// A client's `Idempotency-Key`: a retry with the same key returns the first booking.
    pub idempotency_key: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Appointment {
    pub id: AppointmentId,
    pub account_id: AccountId,
    pub person_id: PersonId,
    pub office_id: String,
    pub visit_type_id: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub pin: String,
    /// As stored; apply `BookingPolicy::effective_status` before showing it.
    pub status: AppointmentStatus,
    pub language: String,
    pub created_at: Timestamp,
    pub status_changed_at: Timestamp,
    /// Bumped on every change, for the ICS `SEQUENCE`.
    pub sequence: i64,
}

#[derive(Debug, Clone, Default)]
pub struct History {
    pub no_shows: Vec<Timestamp>,
    pub cancellations: Vec<Timestamp>,
}

#[derive(Debug, Clone, Copy)]
pub struct SlotUse {
    pub start: Timestamp,
    pub booked: u32,
    pub capacity: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NewJob {
    pub kind: String,
    pub payload: serde_json::Value,
    pub run_at: Timestamp,
    /// A second job with the same key is silently not created.
    pub dedupe_key: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Job {
    pub id: i64,
    pub kind: String,
    pub payload: serde_json::Value,
    pub attempts: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// From the SQLite booking writer, which drives its connection without sqlx.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    UnsupportedUrl(String),
    #[error("corrupt row: {0}")]
    Corrupt(String),
}

#[derive(Debug, thiserror::Error)]
pub enum CreateAccountError {
    #[error("an account with this e-mail already exists")]
    EmailTaken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

#[derive(Debug, thiserror::Error)]
pub enum BookError {
    #[error("booking is blocked until {until}")]
    Blocked { until: Timestamp },
    #[error("the person does not belong to this account")]
    NotYourPerson,
    #[error("the slot is full")]
    SlotFull,
    #[error("this person already holds an active appointment of this visit type")]
    AlreadyBooked,
    #[error("the idempotency key was used for a different booking")]
    IdempotencyKeyReused,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for BookError {
    fn from(e: rusqlite::Error) -> Self {
        BookError::Store(e.into())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CancelError {
    #[error("no such appointment")]
    NotFound,
    #[error("the appointment can no longer be cancelled")]
    NotCancellable,
    #[error("cancellation refused: {0:?}")]
    Refused(CancelRefusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for BookError {
    fn from(e: sqlx::Error) -> Self {
        BookError::Store(e.into())
    }
}

impl From<sqlx::Error> for CancelError {
    fn from(e: sqlx::Error) -> Self {
        CancelError::Store(e.into())
    }
}

impl From<sqlx::Error> for CreateAccountError {
    fn from(e: sqlx::Error) -> Self {
        CreateAccountError::Store(e.into())
    }
}

pub(crate) fn ts(secs: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_second(secs).map_err(|e| StoreError::Corrupt(format!("instant {secs}: {e}")))
}

pub(crate) fn date(s: &str) -> Result<Date, StoreError> {
    s.parse()
        .map_err(|e| StoreError::Corrupt(format!("date {s:?}: {e}")))
}

// ---- the office floor (issue 3) ----------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeviceKind {
    Kiosk,
    Display,
}

impl DeviceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DeviceKind::Kiosk => "kiosk",
            DeviceKind::Display => "display",
        }
    }

    pub fn parse(s: &str) -> Option<DeviceKind> {
        match s {
            "kiosk" => Some(DeviceKind::Kiosk),
            "display" => Some(DeviceKind::Display),
            _ => None,
        }
    }
}

/// A kiosk or call display registered by staff for one office; it acts through its token.
#[derive(Debug, Clone)]
pub struct Device {
    pub id: i64,
    pub office_id: String,
    pub kind: DeviceKind,
    pub name: String,
    pub created_at: Timestamp,
    pub revoked: bool,
}

/// Who did something on the floor (every action is recorded with its actor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Staff(AccountId),
    Device(i64),
}

#[derive(Debug, Clone)]
pub struct NewTicket {
    pub office_id: String,
    pub local_date: Date,
    /// Visit-type group letter of the number (`B` of `B-042`).
    pub group: char,
    pub visit_type_id: String,
    pub language: String,
    pub appointment_id: Option<AppointmentId>,
    pub rank: u8,
    pub priority_at: Timestamp,
}

/// A clerk's action on one ticket of one office and day.
#[derive(Debug, Clone, Copy)]
pub struct TicketAction<'a> {
    pub office: &'a str,
    pub local_date: Date,
    pub number: &'a str,
    pub transition: termin_domain::Transition,
    /// The new counter of a transfer.
    pub counter: Option<&'a str>,
}

/// A place in today's queue. `status` uses the appointment vocabulary: `CheckedIn` is
/// waiting, then `Called`, `Served` or `NoShow`.
#[derive(Debug, Clone)]
pub struct Ticket {
    pub id: i64,
    pub office_id: String,
    pub local_date: Date,
    pub number: String,
    pub appointment_id: Option<AppointmentId>,
    pub visit_type_id: String,
    pub language: String,
    pub status: AppointmentStatus,
    pub counter: Option<String>,
    pub checked_in_at: Timestamp,
    pub called_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
}

/// One action on the floor; the calls among them feed the waiting-room display.
#[derive(Debug, Clone)]
pub struct FloorEvent {
    pub id: i64,
    pub office_id: String,
    pub kind: String,
    pub ticket: String,
    pub counter: Option<String>,
    pub at: Timestamp,
}

/// One line of the clerk's agenda: today's appointment, who it is for, and its ticket.
#[derive(Debug, Clone)]
pub struct AgendaEntry {
    pub appointment: Appointment,
    pub person_name: String,
    pub person_date_of_birth: Date,
    pub ticket: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct FloorStats {
    pub checked_in: u32,
    pub waiting: u32,
    pub called: u32,
    pub served: u32,
    pub no_shows: u32,
    /// From check-in to the first call, in seconds.
    pub average_wait_seconds: Option<i64>,
    /// From the call to "served", in seconds.
    pub average_service_seconds: Option<i64>,
}

#[derive(Debug, thiserror::Error)]
pub enum FloorError {
    #[error("no such ticket or appointment")]
    NotFound,
    #[error("already checked in")]
    AlreadyCheckedIn,
    #[error("not allowed from {from}")]
    InvalidTransition { from: AppointmentStatus },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for FloorError {
    fn from(e: sqlx::Error) -> Self {
        FloorError::Store(e.into())
    }
}

// ---- the waitlist ---------------------------------------------------------------------------

/// The job that mails an offer to the person it is made to (composed when sent: the store
/// makes offers inside other people's cancellations). Payload `{"offer": id}`.
pub const OFFER_MADE_JOB: &str = "waitlist-offer";
/// The job that mails the owner of a request that an offer lapsed unanswered. Payload
/// `{"offer": id}`.
pub const OFFER_LAPSED_JOB: &str = "waitlist-lapsed";

#[derive(Debug, Clone)]
pub struct NewWaitlistRequest {
    pub account_id: AccountId,
    /// `None`: the account holder.
    pub person_id: Option<PersonId>,
    pub wish: termin_domain::Wish,
    /// The language of the mails about it.
    pub language: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RequestStatus {
    /// In line for a place.
    Waiting,
    /// A place is offered to it now.
    Offered,
    /// An offer was accepted.
    Booked,
    /// Withdrawn by its owner (or with the account).
    Withdrawn,
    /// An offer lapsed unanswered.
    Expired,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Waiting => "waiting",
            RequestStatus::Offered => "offered",
            RequestStatus::Booked => "booked",
            RequestStatus::Withdrawn => "withdrawn",
            RequestStatus::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Waiting,
            RequestStatus::Offered,
            RequestStatus::Booked,
            RequestStatus::Withdrawn,
            RequestStatus::Expired,
        ]
        .into_iter()
        .find(|status| status.as_str() == s)
    }

    /// Waiting or offered: still in line.
    pub fn is_open(self) -> bool {
        matches!(self, RequestStatus::Waiting | RequestStatus::Offered)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OfferStatus {
    Open,
    Accepted,
    Declined,
    Lapsed,
    /// The request was withdrawn while the offer was open.
    Withdrawn,
}

impl OfferStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OfferStatus::Open => "open",
            OfferStatus::Accepted => "accepted",
            OfferStatus::Declined => "declined",
            OfferStatus::Lapsed => "lapsed",
            OfferStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(s: &str) -> Option<OfferStatus> {
        [
            OfferStatus::Open,
            OfferStatus::Accepted,
            OfferStatus::Declined,
            OfferStatus::Lapsed,
            OfferStatus::Withdrawn,
        ]
        .into_iter()
        .find(|status| status.as_str() == s)
    }
}

/// A freed place offered to a waitlist request.
#[derive(Debug, Clone)]
pub struct Offer {
    pub id: i64,
    pub request_id: i64,
    pub office_id: String,
    pub visit_type_id: String,
    pub start: Timestamp,
    pub end: Timestamp,
    pub status: OfferStatus,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub appointment_id: Option<AppointmentId>,
}

#[derive(Debug, Clone)]
pub struct WaitlistRequest {
    pub id: i64,
    pub account_id: AccountId,
    pub person_id: PersonId,
    pub wish: termin_domain::Wish,
    pub language: String,
    pub status: RequestStatus,
    pub created_at: Timestamp,
    /// 1 for the first in line among the open requests of its visit type; `None` when the
    /// request is no longer open.
    pub position: Option<u32>,
    /// The offer open now, else the latest one.
    pub offer: Option<Offer>,
}

/// An offer with what its mail needs.
#[derive(Debug, Clone)]
pub struct OfferNotice {
    pub offer: Offer,
    pub email: String,
    pub person_name: String,
    pub language: String,
}

#[derive(Debug, thiserror::Error)]
pub enum WaitlistError {
    #[error("no such request")]
    NotFound,
    #[error("the person does not belong to this account")]
    NotYourPerson,
    #[error("this person already waits for this visit type")]
    AlreadyWaiting,
    #[error("this person already holds an active appointment of this visit type")]
    AlreadyBooked,
    #[error("the request is no longer open")]
    NotOpen,
    #[error("booking is blocked until {until}")]
    Blocked { until: Timestamp },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for WaitlistError {
    fn from(e: sqlx::Error) -> Self {
        WaitlistError::Store(e.into())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum OfferError {
    #[error("no such offer")]
    NotFound,
    #[error("the offer is no longer open")]
    NotOpen,
    #[error("the offer has lapsed")]
    Lapsed,
    #[error("booking is blocked until {until}")]
    Blocked { until: Timestamp },
    #[error("this person already holds an active appointment of this visit type")]
    AlreadyBooked,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for OfferError {
    fn from(e: sqlx::Error) -> Self {
        OfferError::Store(e.into())
    }
}
