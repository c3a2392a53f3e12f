//! The store's operations, written once for both backends and organised by topic. Each topic
//! module holds async functions generic over a [`Backend`]; this module is the `Store`
//! trait's one implementation, which hands every call to its topic.

pub(crate) mod accounts;
pub(crate) mod booking;
pub(crate) mod floor;
pub(crate) mod jobs;
pub(crate) mod waitlist;

use async_trait::async_trait;
use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use termin_domain::BookingPolicy;

use crate::sql::{Backend, Statement, query};
use crate::*;

#[async_trait]
impl<B: Backend> Store for B {
    async fn migrate(&self) -> Result<(), StoreError> {
        Backend::migrate(self).await?;
        accounts::backfill_email_identities(self).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        query::<B::Db>("SELECT 1")
            .run(&mut *self.read().await?)
            .await?;
        Ok(())
    }

    // ---- accounts, tokens, persons, rate limits -------------------------------------------

    async fn create_account(
        &self,
        account: NewAccount,
        token: Option<NewToken>,
        job: Option<JobFor<'_, Account>>,
        now: Timestamp,
    ) -> Result<Account, CreateAccountError> {
        accounts::create_account(self, account, token, job, now).await
    }
    async fn account(&self, id: AccountId) -> Result<Option<Account>, StoreError> {
        accounts::account(self, id).await
    }
    async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        accounts::account_by_email(self, email).await
    }
    async fn staff_offices(&self, id: AccountId) -> Result<Vec<String>, StoreError> {
        accounts::staff_offices(self, id).await
    }
    async fn set_language(&self, id: AccountId, language: &str) -> Result<(), StoreError> {
        accounts::set_language(self, id, language).await
    }
    async fn delete_account(
        &self,
        id: AccountId,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        accounts::delete_account(self, id, policy, now).await
    }
    async fn create_token(&self, token: NewToken, job: Option<NewJob>) -> Result<(), StoreError> {
        accounts::create_token(self, token, job).await
    }
    async fn session_account(
        &self,
        hash: &str,
        now: Timestamp,
        idle: SignedDuration,
    ) -> Result<Option<Account>, StoreError> {
        accounts::session_account(self, hash, now, idle).await
    }
    async fn delete_token(&self, hash: &str) -> Result<(), StoreError> {
        accounts::delete_token(self, hash).await
    }
    async fn verify_email(
        &self,
        hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError> {
        accounts::verify_email(self, hash, now).await
    }
    async fn reset_password(
        &self,
        hash: &str,
        password_hash: &str,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError> {
        accounts::reset_password(self, hash, password_hash, now).await
    }
    async fn persons(&self, account: AccountId) -> Result<Vec<Person>, StoreError> {
        accounts::persons(self, account).await
    }
    async fn add_child(
        &self,
        account: AccountId,
        full_name: &str,
        date_of_birth: Date,
        now: Timestamp,
    ) -> Result<Person, StoreError> {
        accounts::add_child(self, account, full_name, date_of_birth, now).await
    }
    async fn record_rate_event(&self, bucket: &str, now: Timestamp) -> Result<(), StoreError> {
        accounts::record_rate_event(self, bucket, now).await
    }
    async fn rate_events(
        &self,
        bucket: &str,
        since: Timestamp,
    ) -> Result<(u32, Option<Timestamp>), StoreError> {
        accounts::rate_events(self, bucket, since).await
    }

    // ---- appointments -----------------------------------------------------------------------

    async fn slot_full(
        &self,
        office: &str,
        visit_type: &str,
        start: Timestamp,
    ) -> Result<bool, StoreError> {
        booking::slot_full(self, office, visit_type, start).await
    }
    async fn book(
        &self,
        booking: NewBooking,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, BookError> {
        Backend::book(self, booking, policy, job, now).await
    }
    async fn cancel(
        &self,
        account: AccountId,
        appointment: AppointmentId,
        policy: &BookingPolicy,
        job: JobFor<'_, Appointment>,
        now: Timestamp,
    ) -> Result<Appointment, CancelError> {
        booking::cancel(self, account, appointment, policy, job, now).await
    }
    async fn appointment(&self, id: AppointmentId) -> Result<Option<Appointment>, StoreError> {
        booking::appointment(self, id).await
    }
    async fn appointments(&self, account: AccountId) -> Result<Vec<Appointment>, StoreError> {
        booking::appointments(self, account).await
    }
    async fn history(
        &self,
        account: AccountId,
        since: Timestamp,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<History, StoreError> {
        booking::history(self, account, since, policy, now).await
    }
    async fn booked_counts(
        &self,
        office: &str,
        visit_type: &str,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<SlotUse>, StoreError> {
        booking::booked_counts(self, office, visit_type, from, to).await
    }
    async fn sweep_no_shows(
        &self,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<u64, StoreError> {
        booking::sweep_no_shows(self, policy, now).await
    }

    // ---- the waitlist -----------------------------------------------------------------------

    async fn file_waitlist_request(
        &self,
        request: NewWaitlistRequest,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<WaitlistRequest, WaitlistError> {
        waitlist::file_request(self, request, policy, now).await
    }
    async fn waitlist_requests(
        &self,
        account: AccountId,
    ) -> Result<Vec<WaitlistRequest>, StoreError> {
        waitlist::requests(self, account).await
    }
    async fn waitlist_request(
        &self,
        account: AccountId,
        id: i64,
    ) -> Result<Option<WaitlistRequest>, StoreError> {
        waitlist::request(self, account, id).await
    }
    async fn withdraw_waitlist_request(
        &self,
        account: AccountId,
        id: i64,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<WaitlistRequest, WaitlistError> {
        waitlist::withdraw_request(self, account, id, policy, now).await
    }
    async fn accept_offer(
        &self,
        account: AccountId,
        offer: i64,
        policy: &BookingPolicy,
        job: BookingJob,
        now: Timestamp,
    ) -> Result<Appointment, OfferError> {
        waitlist::accept_offer(self, account, offer, policy, job, now).await
    }
    async fn decline_offer(
        &self,
        account: AccountId,
        offer: i64,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<Offer, OfferError> {
        waitlist::decline_offer(self, account, offer, policy, now).await
    }
    async fn lapse_offers(
        &self,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<u64, StoreError> {
        waitlist::lapse_offers(self, policy, now).await
    }
    async fn offer_notice(&self, offer: i64) -> Result<Option<OfferNotice>, StoreError> {
        waitlist::offer_notice(self, offer).await
    }

    // ---- the office floor -------------------------------------------------------------------

    async fn create_device(
        &self,
        office: &str,
        kind: DeviceKind,
        name: &str,
        token_hash: &str,
        by: AccountId,
        now: Timestamp,
    ) -> Result<Device, StoreError> {
        floor::create_device(self, office, kind, name, token_hash, by, now).await
    }
    async fn devices(&self, office: &str) -> Result<Vec<Device>, StoreError> {
        floor::devices(self, office).await
    }
    async fn device_by_token(&self, token_hash: &str) -> Result<Option<Device>, StoreError> {
        floor::device_by_token(self, token_hash).await
    }
    async fn revoke_device(
        &self,
        office: &str,
        id: i64,
        now: Timestamp,
    ) -> Result<bool, StoreError> {
        floor::revoke_device(self, office, id, now).await
    }
    async fn appointment_by_pin(
        &self,
        office: &str,
        local_date: Date,
        pin: &str,
    ) -> Result<Option<Appointment>, StoreError> {
        floor::appointment_by_pin(self, office, local_date, pin).await
    }
    async fn check_in(
        &self,
        appointment: AppointmentId,
        ticket: NewTicket,
        actor: Actor,
        now: Timestamp,
    ) -> Result<(Ticket, u32), FloorError> {
        floor::check_in(self, appointment, ticket, actor, now).await
    }
    async fn walk_in(
        &self,
        ticket: NewTicket,
        actor: Actor,
        now: Timestamp,
    ) -> Result<(Ticket, u32), StoreError> {
        floor::walk_in(self, ticket, actor, now).await
    }
    async fn queue(&self, office: &str, local_date: Date) -> Result<Vec<Ticket>, StoreError> {
        floor::queue(self, office, local_date).await
    }
    async fn call_next(
        &self,
        office: &str,
        local_date: Date,
        counter: &str,
        actor: Actor,
        now: Timestamp,
    ) -> Result<Option<(Ticket, bool)>, StoreError> {
        floor::call_next(self, office, local_date, counter, actor, now).await
    }
    async fn transition_ticket(
        &self,
        action: TicketAction<'_>,
        actor: Actor,
        now: Timestamp,
    ) -> Result<Ticket, FloorError> {
        floor::transition_ticket(self, action, actor, now).await
    }
    async fn floor_events(
        &self,
        office: &str,
        after_id: i64,
        kinds: &[&str],
        limit: u32,
    ) -> Result<Vec<FloorEvent>, StoreError> {
        floor::floor_events(self, office, after_id, kinds, limit).await
    }
    async fn recent_floor_events(
        &self,
        office: &str,
        local_date: Date,
        kinds: &[&str],
        limit: u32,
    ) -> Result<Vec<FloorEvent>, StoreError> {
        floor::recent_floor_events(self, office, local_date, kinds, limit).await
    }
    async fn agenda(&self, office: &str, local_date: Date) -> Result<Vec<AgendaEntry>, StoreError> {
        floor::agenda(self, office, local_date).await
    }
    async fn floor_stats(
        &self,
        office: &str,
        local_date: Date,
        policy: &BookingPolicy,
        now: Timestamp,
    ) -> Result<FloorStats, StoreError> {
        floor::floor_stats(self, office, local_date, policy, now).await
    }
    async fn publish_floor_change(&self, office: &str) -> Result<(), StoreError> {
        Backend::publish_floor_change(self, office).await
    }
    async fn listen_floor_changes(
        &self,
        sender: tokio::sync::broadcast::Sender<String>,
    ) -> Result<(), StoreError> {
        Backend::listen_floor_changes(self, sender).await
    }

    // ---- jobs ---------------------------------------------------------------------------------

    async fn claim_jobs(
        &self,
        now: Timestamp,
        lease: SignedDuration,
        limit: u32,
    ) -> Result<Vec<Job>, StoreError> {
        jobs::claim_jobs(self, now, lease, limit).await
    }
    async fn finish_job(&self, id: i64, now: Timestamp) -> Result<(), StoreError> {
        jobs::finish_jobs(self, &[id], now).await
    }
    async fn finish_jobs(&self, ids: &[i64], now: Timestamp) -> Result<(), StoreError> {
        jobs::finish_jobs(self, ids, now).await
    }
    async fn fail_job(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        jobs::fail_job(self, id, error, retry_at).await
    }
    async fn pending_jobs(&self) -> Result<u64, StoreError> {
        jobs::pending_jobs(self).await
    }
}
