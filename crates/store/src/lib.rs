//! Persistence of Termín behind one [`Store`] trait.
//!
//! Handlers and services only ever see `Arc<dyn Store>`; the backend is picked from the
//! database URL ([`connect`]). Every race that matters (last place in a slot, PIN uniqueness,
//! one active appointment per person and visit type, the cancellation limit) is settled inside
//! one database transaction, never by "read, then write" in the application.

mod model;
mod ops;
mod postgres;
mod rows;
mod rules;
mod signed_in;
mod sql;
mod sqlite;
pub mod testing;

pub use model::*;
pub use postgres::PgStore;
pub use sqlite::SqliteStore;
pub use sqlx::Error as SqlxError;

use std::sync::Arc;

use async_trait::async_trait;
use jiff::{SignedDuration, Timestamp};
use termin_domain::BookingPolicy;

/// Opens the store named by `url` and applies its migrations.
///
/// `sqlite://path` (created when missing) or `sqlite::memory:`; `postgres://` is the
/// multi-instance backend (see ARCHITECTURE.md).
pub async fn connect(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    if url.starts_with("sqlite:") {
        let store = SqliteStore::connect(url).await?;
        store.migrate().await?;
        Ok(Arc::new(store))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let store = PgStore::connect(url).await?;
        store.migrate().await?;
        Ok(Arc::new(store))
    } else {
        Err(StoreError::UnsupportedUrl(format!(
            "unknown database URL scheme in {url:?}: expected sqlite:// or postgres://"
        )))
    }
}

/// Builds a job once the row it belongs to has an id.
pub type JobFor<'a, T> = Box<dyn FnOnce(&T) -> NewJob + Send + 'a>;

/// Builds a booking's confirmation job from the appointment. It may run more than once (a
/// batch that is rolled back runs again, each booking alone) and may run on another task, so
/// it is `Fn` and owns what it needs.
pub type BookingJob = Box<dyn Fn(&Appointment) -> NewJob + Send + Sync + 'static>;

/// A random four-digit PIN, leading zeros kept. Uniqueness per office and day is the partial
/// unique index's job; a clash is retried with another draw.
pub(crate) fn random_pin() -> String {
    use rand::Rng;
    format!("{:04}", rand::rng().random_range(0..10_000u32))
}

/// A PIN not in `taken`, for the rare day when random draws keep clashing; `None` when all
/// 10,000 are in use.
pub(crate) fn free_pin(taken: &[String]) -> Option<String> {
    use rand::Rng;
    let mut used = vec![false; 10_000];
    for pin in taken {
        if let Ok(n) = pin.parse::<usize>() {
            used[n.min(9_999)] = true;
        }
    }
    let free = used.iter().filter(|u| !**u).count();
    if free == 0 {
        return None;
    }
    let pick = rand::rng().random_range(0..free);
    let n = used
        .iter()
        .enumerate()
        .filter(|(_, u)| !**u)
        .nth(pick)
        .map(|(n, _)| n)?;
    Some(format!("{n:04}"))
}

/// Stands for the appointment's id in a booking's job until the row exists: both backends
/// write the appointment and its job in one statement and replace this number, as text, with
/// the new id. 19 eights, which no mail text contains by chance.
pub(crate) const PLACEHOLDER_ID: i64 = 8_888_888_888_888_888_888;

/// The booking's job as it will be once the appointment exists, with [`PLACEHOLDER_ID`]
/// for its id. The job is the caller's code, which may run on the SQLite writer task: a panic
/// in it fails this booking, not the writer.
pub(crate) fn placeholder_job(
    job: &BookingJob,
    booking: &NewBooking,
    pin: &str,
    now: Timestamp,
) -> Result<NewJob, StoreError> {
    let appointment = Appointment {
        id: PLACEHOLDER_ID,
        account_id: booking.account_id,
        person_id: booking.person_id.unwrap_or(0),
        office_id: booking.office_id.clone(),
        visit_type_id: booking.visit_type_id.clone(),
        start: booking.start,
        end: booking.end,
        pin: pin.to_string(),
        status: termin_domain::AppointmentStatus::Booked,
        language: booking.language.clone(),
        created_at: now,
        status_changed_at: now,
        sequence: 0,
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&appointment)))
        .map_err(|_| StoreError::Corrupt("the booking's job builder panicked".into()))
}

/// Random PIN draws before a booking asks the database which PINs are free.
pub(crate) const PIN_DRAWS: u32 = 6;

#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Applies pending migrations; safe to call on every start.
    async fn migrate(&self) -> Result<(), StoreError>;

    /// Is the database reachable right now (readiness)?
    async fn ping(&self) -> Result<(), StoreError>;

    // ---- accounts -------------------------------------------------------------------------

    /// Creates an account, its `self` person, optional staff offices, an optional token and the
    /// job that goes with it (the verification mail), all in one transaction.
    async fn create_account(
        &self,
        account: NewAccount,
        token: Option<NewToken>,
        job: Option<JobFor<'_, Account>>,
        now: Timestamp,
    ) -> Result<Account, CreateAccountError>;

    async fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError>;
    async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError>;
    async fn staff_offices(&self, id: AccountId) -> Result<Vec<String>, StoreError>;
    async fn set_language(&self, id: AccountId, language: &str) -> Result<(), StoreError>;

    /// Staff deletion (domain.md §2): the account can no longer log in, its tokens are revoked,
    /// its waitlist requests withdrawn, its future active appointments released (each freed
    /// place offered to the waitlist first). `false` when there was no such account.
    async fn delete_account(
        &self,
        id: AccountId,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<bool, StoreError>;

    // ---- tokens -----------------------------------------------------------------------------

    /// Stores a token (only its hash) and, in the same transaction, an optional job.
    async fn create_token(&self, token: NewToken, job: Option<NewJob>) -> Result<(), StoreError>;

    /// The account behind a session or API token that was used within `idle`; marks it used.
    async fn session_account(
        &self,
        hash: &str,
        now: Timestamp,
        idle: SignedDuration,
    ) -> Result<Option<Account>, StoreError>;

    async fn delete_token(&self, hash: &str) -> Result<(), StoreError>;

    /// Marks the e-mail verified through a single-use verification token.
    async fn verify_email(
        &self,
        hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError>;

    /// Sets a new password through a single-use reset token and revokes every session.
    async fn reset_password(
        &self,
        hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError>;

    // ---- persons ----------------------------------------------------------------------------

    async fn persons(&self, account: AccountId) -> Result<Vec<Person>, StoreError>;
    async fn add_child(
        &self,
        account: AccountId,
        full_name: &str,
        date_of_birth: jiff::civil::Date,
        now: Timestamp,
    ) -> Result<Person, StoreError>;

    // ---- appointments -----------------------------------------------------------------------

    /// Is this slot's every place taken right now? A committed answer, read without any
    /// lock: the refusal of a release rush costs one indexed read. `false` for a slot nobody
    /// has booked yet.
    async fn slot_full(
        &self,
        office: &str,
        visit_type: &str,
        start: Timestamp,
    ) -> Result<bool, StoreError>;

    /// Books one place: block check, capacity check-and-increment by a conditional update,
    /// the appointment with a fresh PIN and its confirmation job, all or nothing. The booking's
    /// `person_id` of `None` means the account's own person.
    async fn book(
        &self,
        booking: NewBooking,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, BookError>;

    /// Cancels on the client's request, under the 24-hour and 10-in-90-days rules, releasing
    /// the place (offered to the first matching waitlist request, if any); in one transaction
    /// with its job.
    async fn cancel(
        &self,
        account: AccountId,
        appointment: AppointmentId,
        policy: &BookingPolicy,
        job: JobFor<'_, Appointment>,
        now: Timestamp,
    ) -> Result<Appointment, CancelError>;

    async fn appointment(&self, id: AppointmentId) -> Result<Option<Appointment>, StoreError>;
    /// All appointments of the account's persons, newest first.
    async fn appointments(&self, account: AccountId) -> Result<Vec<Appointment>, StoreError>;

    /// Instants of the account's no-shows and client cancellations since `since`.
    async fn history(
        &self,
        account: AccountId,
        since: Timestamp,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<History, StoreError>;

    /// Places taken per slot start for one office and visit type in `[from, to)`.
    async fn booked_counts(
        &self,
        office: &str,
        visit_type: &str,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<SlotUse>, StoreError>;

    /// Writes the `no-show` status of every appointment whose check-in window has closed.
    async fn sweep_no_shows(
        &self,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<u64, StoreError>;

    // ---- the waitlist -----------------------------------------------------------------------

    /// Files a waitlist request: one open request per person and visit type, none for a
    /// person who holds an active appointment of the type.
    async fn file_waitlist_request(
        &self,
        request: NewWaitlistRequest,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<WaitlistRequest, WaitlistError>;

    /// The account's requests, newest first, with their positions and offers.
    async fn waitlist_requests(
        &self,
        account: AccountId,
    ) -> Result<Vec<WaitlistRequest>, StoreError>;

    /// One request of the account.
    async fn waitlist_request(
        &self,
        account: AccountId,
        id: i64,
    ) -> Result<Option<WaitlistRequest>, StoreError>;

    /// Withdraws an open request of the account; its open offer passes to the next in line.
    async fn withdraw_waitlist_request(
        &self,
        account: AccountId,
        id: i64,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<WaitlistRequest, WaitlistError>;

    /// Accepts an open offer: an appointment in the held place, with its PIN and job.
    async fn accept_offer(
        &self,
        account: AccountId,
        offer: i64,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, OfferError>;

    /// Declines an open offer: the request keeps its place in line, the offer passes on.
    async fn decline_offer(
        &self,
        account: AccountId,
        offer: i64,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<Offer, OfferError>;

    /// Ends the offers whose time ran out (their requests close), passing each place on.
    async fn lapse_offers(&self, policy: &BookingPolicy, now: Timestamp)
    -> Result<u64, StoreError>;

    /// An offer with what its mail needs; `None` once the account is gone.
    async fn offer_notice(&self, offer: i64) -> Result<Option<OfferNotice>, StoreError>;

    // ---- rate limits ------------------------------------------------------------------------

    async fn record_rate_event(&self, bucket: &str, now: Timestamp) -> Result<(), StoreError>;
    /// Events of `bucket` after `since`, and the oldest of them.
    async fn rate_events(
        &self,
        bucket: &str,
        since: Timestamp,
    ) -> Result<(u32, Option<Timestamp>), StoreError>;

    // ---- the office floor (issue 3) ----------------------------------------------------------

    async fn create_device(
        &self,
        office: &str,
        kind: DeviceKind,
        name: &str,
        token_hash: &str,
        by: AccountId,
        now: Timestamp,
    ) -> Result<Device, StoreError>;
    async fn devices(&self, office: &str) -> Result<Vec<Device>, StoreError>;
    /// The device behind a token, unless revoked.
    async fn device_by_token(&self, token_hash: &str) -> Result<Option<Device>, StoreError>;
    async fn revoke_device(
        &self,
        office: &str,
        id: i64,
        now: Timestamp,
    ) -> Result<bool, StoreError>;

    /// The appointment of this office and day with this PIN: an active one if there is one,
    /// else the latest (so a no-show or served one can be told apart from an unknown PIN).
    async fn appointment_by_pin(
        &self,
        office: &str,
        local_date: jiff::civil::Date,
        pin: &str,
    ) -> Result<Option<Appointment>, StoreError>;

    /// Checks a booked appointment in and gives it a ticket, in one transaction; the
    /// conditional status update makes a second check-in with the same PIN fail.
    async fn check_in(
        &self,
        appointment: AppointmentId,
        ticket: NewTicket,
        actor: Actor,
        now: Timestamp,
    ) -> Result<(Ticket, u32), FloorError>;

    /// A ticket without appointment.
    async fn walk_in(
        &self,
        ticket: NewTicket,
        actor: Actor,
        now: Timestamp,
    ) -> Result<(Ticket, u32), StoreError>;

    /// Waiting (in queue order) and called tickets of the day.
    async fn queue(
        &self,
        office: &str,
        local_date: jiff::civil::Date,
    ) -> Result<Vec<Ticket>, StoreError>;

    /// Calls the first waiting ticket to `counter`. A counter holds one called ticket at a
    /// time: while it has one, that one is returned again (`false`: nothing new was called),
    /// so a double click calls one person. `None` when nobody waits.
    async fn call_next(
        &self,
        office: &str,
        local_date: jiff::civil::Date,
        counter: &str,
        actor: Actor,
        now: Timestamp,
    ) -> Result<Option<(Ticket, bool)>, StoreError>;

    /// Applies a clerk's action to a ticket (and its appointment) if the state machine allows
    /// it from the ticket's current status; `counter` is the new counter of a transfer.
    async fn transition_ticket(
        &self,
        action: TicketAction<'_>,
        actor: Actor,
        now: Timestamp,
    ) -> Result<Ticket, FloorError>;

    /// Floor events of an office after `after_id`, oldest first, of the given kinds.
    async fn floor_events(
        &self,
        office: &str,
        after_id: i64,
        kinds: &[&str],
        limit: u32,
    ) -> Result<Vec<FloorEvent>, StoreError>;

    /// The newest `limit` events of these kinds on one day, newest first.
    async fn recent_floor_events(
        &self,
        office: &str,
        local_date: jiff::civil::Date,
        kinds: &[&str],
        limit: u32,
    ) -> Result<Vec<FloorEvent>, StoreError>;

    /// Today's appointments of an office with the person's name and date of birth.
    async fn agenda(
        &self,
        office: &str,
        local_date: jiff::civil::Date,
    ) -> Result<Vec<AgendaEntry>, StoreError>;

    async fn floor_stats(
        &self,
        office: &str,
        local_date: jiff::civil::Date,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<FloorStats, StoreError>;

    /// Tells every instance that an office's floor changed (PostgreSQL `NOTIFY`; a no-op on
    /// SQLite, whose single process tells its own displays directly).
    async fn publish_floor_change(&self, office: &str) -> Result<(), StoreError>;

    /// Forwards other instances' floor changes into `sender` until the process ends
    /// (PostgreSQL `LISTEN`, reconnecting by itself; a no-op on SQLite).
    async fn listen_floor_changes(
        &self,
        sender: tokio::sync::broadcast::Sender<String>,
    ) -> Result<(), StoreError>;

    // ---- jobs -------------------------------------------------------------------------------

    /// Claims up to `limit` due jobs for `lease`; a crashed worker's lease runs out.
    async fn claim_jobs(
        &self,
        now: Timestamp,
        lease: SignedDuration,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError>;
    async fn finish_job(&self, id: i64, now: Timestamp) -> Result<(), StoreError>;
    /// Marks several jobs done in one commit (the worker's batch).
    async fn finish_jobs(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError>;
    async fn fail_job(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<Timestamp>,
    ) -> Result<(), StoreError>;
    /// Jobs not yet done (for tests and the operator).
    async fn pending_jobs(&self) -> Result<u64, StoreError>;
}

#[cfg(test)]
mod tests {
    use super::{free_pin, random_pin};

    #[test]
    fn free_pin_keeps_leading_zeros_and_avoids_taken_ones() {
        let taken: Vec<String> = (1..10_000).map(|n| format!("{n:04}")).collect();
        assert_eq!(free_pin(&taken).as_deref(), Some("0000"));
        let all: Vec<String> = (0..10_000).map(|n| format!("{n:04}")).collect();
        assert_eq!(free_pin(&all), None);
    }

    #[test]
    fn random_pins_are_four_digits_and_reach_leading_zeros() {
        let pins: Vec<String> = (0..20_000).map(|_| random_pin()).collect();
        assert!(
            pins.iter()
                .all(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
        );
        assert!(pins.iter().any(|p| p.starts_with('0')));
    }
}
