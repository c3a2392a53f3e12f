//! Availability, booking and cancellation (domain.md §2, §3, §4).

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};
use termin_domain::{
    AppointmentStatus, BookingTimeRefusal, CancelRefusal, Language, Office, OfficeId, VisitType,
    VisitTypeId, slots, time,
};
use termin_store::{Account, Appointment, BookError, CancelError, NewBooking};

use crate::error::AppError;
use crate::mail;
use crate::metrics::Metrics;
use crate::services::full_slots::Seen;
use crate::services::slot_calendar::{CalendarSlot, Slots};
use crate::services::slot_uses;
use crate::state::AppState;

/// A bookable slot with the places still free.
#[derive(Debug, Clone, Copy)]
pub struct FreeSlot {
    pub start: Timestamp,
    pub end: Timestamp,
    pub remaining: u32,
}

/// Looks up an office and a visit type and checks that the office offers it.
pub fn office_and_type<'a>(
    state: &'a AppState,
    office: &str,
    visit_type: &str,
) -> Result<(&'a Office, &'a VisitType), AppError> {
    let office = OfficeId::parse(office)
        .ok()
        .and_then(|id| state.catalog.office(&id))
        .ok_or(AppError::NotFound)?;
    let visit_type = VisitTypeId::parse(visit_type)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id))
        .ok_or(AppError::NotFound)?;
    if !office.offers(&visit_type.id) || !office.is_bookable() {
        return Err(AppError::VisitTypeNotOffered);
    }
    Ok((office, visit_type))
}

/// The slots of a run of days with the places still free in each.
#[derive(Debug, Clone)]
pub struct FreeSlots {
    slots: Slots,
    /// Free places of `slots[i]`; 0 when it is full.
    remaining: Vec<u32>,
}

impl FreeSlots {
    /// `remaining[i]` free places in `slots[i]`.
    pub fn from_parts(slots: Slots, remaining: Vec<u32>) -> FreeSlots {
        debug_assert_eq!(slots.len(), remaining.len());
        FreeSlots { slots, remaining }
    }

    /// How many slots have a free place.
    pub fn len(&self) -> usize {
        self.remaining.iter().filter(|r| **r > 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The slots with at least one free place, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&CalendarSlot, u32)> {
        self.slots
            .iter()
            .zip(&self.remaining)
            .filter(|(_, remaining)| **remaining > 0)
            .map(|(slot, remaining)| (slot, *remaining))
    }

    pub fn to_vec(&self) -> Vec<FreeSlot> {
        self.iter()
            .map(|(slot, remaining)| FreeSlot {
                start: slot.start,
                end: slot.end,
                remaining,
            })
            .collect()
    }
}

/// Free places from `from` to `to` (inclusive), only in the future and within the horizon.
pub async fn availability(
    state: &AppState,
    office: &Office,
    visit_type: &VisitType,
    from: Date,
    to: Date,
) -> Result<FreeSlots, AppError> {
    if to < from {
        return Err(AppError::InvalidInput(vec![("to", "field-range-reversed")]));
    }
    let days = (to - from).get_days() + 1;
    if days > state.policy().max_range_days as i32 {
        return Err(AppError::RangeTooLong);
    }
    let now = state.now();
    // `check_booking_time` for every slot, with the horizon worked out once: no day before
    // today or after the last bookable one, no slot that has started.
    let today = time::local_date(now);
    let last_day = state.policy().last_bookable_day(now);
    let slots = state
        .slot_calendar
        .between(
            office,
            visit_type,
            (today, last_day),
            from.max(today),
            to.min(last_day),
        )
        .starting_after(now);
    let (Some(first), Some(last)) = (slots.first(), slots.last()) else {
        return Ok(FreeSlots {
            slots,
            remaining: vec![],
        });
    };
    let (office_key, type_key) = (office.id.as_str(), visit_type.id.as_str());
    let used = match state
        .slot_uses
        .get(office_key, type_key, first.start, last.start)
    {
        Some(used) => used,
        None => {
            // Read the whole horizon: the next queries of this office's visit type, whatever
            // their days, are answered from it.
            let from = now;
            let to =
                now + SignedDuration::from_hours(24 * (i64::from(state.policy().horizon_days) + 2));
            let to = to.max(last.start + SignedDuration::from_secs(1));
            let used = state
                .store
                .booked_counts(office_key, type_key, from, to)
                .await?;
            state.slot_uses.put(office_key, type_key, from, to, used)
        }
    };
    let remaining = slots
        .iter()
        .map(|s| {
            let (booked, capacity) = slot_uses::use_at(&used, s.start)
                .map(|u| (u.booked, u.capacity))
                .unwrap_or((0, office.counters));
            capacity.saturating_sub(booked)
        })
        .collect();
    Ok(FreeSlots { slots, remaining })
}

pub struct BookRequest<'a> {
    pub office: &'a str,
    pub visit_type: &'a str,
    pub start: Timestamp,
    pub person_id: Option<i64>,
    /// A client's `Idempotency-Key`: a retried request returns the first booking.
    pub idempotency_key: Option<&'a str>,
}

pub async fn book(
    state: &AppState,
    account: &Account,
    request: BookRequest<'_>,
) -> Result<Appointment, AppError> {
    let (office, visit_type) = office_and_type(state, request.office, request.visit_type)?;
    if !account.email_verified {
        return Err(AppError::EmailNotVerified);
    }
    let now = state.now();
    match state.policy().check_booking_time(request.start, now) {
        Err(BookingTimeRefusal::InPast) => return Err(AppError::SlotInPast),
        Err(BookingTimeRefusal::BeyondHorizon) => return Err(AppError::NoSuchSlot),
        Ok(()) => {}
    }
    // domain.md §4: the card is collected at the office that captured the biometric data.
    if let Some(pickup) = pickup_office(state, account, visit_type).await
        && pickup.office.id != office.id
    {
        return Err(AppError::PickupAtOtherOffice);
    }
    let local_date = time::local_date(request.start);
    let slot = slots::slots_on(office, visit_type, local_date)
        .into_iter()
        .find(|s| s.start == request.start)
        .ok_or(AppError::NoSuchSlot)?;
    // In a release rush almost every attempt ends here, on the memo of full slots, or on one
    // indexed read once the memo's answer is old; a slot never seen full goes straight to the
    // booking. A retry with an Idempotency-Key goes on, to get its first booking back.
    let (office_key, type_key) = (office.id.as_str(), visit_type.id.as_str());
    let full = match state.full_slots.seen(office_key, type_key, slot.start) {
        _ if request.idempotency_key.is_some() => false,
        Seen::Full => true,
        Seen::FullLately => {
            state
                .store
                .slot_full(office_key, type_key, slot.start)
                .await?
        }
        Seen::Unknown => false,
    };
    if full {
        state.full_slots.mark_full(office_key, type_key, slot.start);
        Metrics::inc(&state.metrics.slot_full);
        return Err(AppError::SlotFull);
    }
    // The account's own person is resolved by the store; a child is looked up here, for the
    // name in the mail (the store checks again that the person is the account's).
    let person_name = match request.person_id {
        Some(id) => {
            state
                .store
                .persons(account.id)
                .await?
                .into_iter()
                .find(|p| p.id == id)
                .ok_or(AppError::NotYourPerson)?
                .full_name
        }
        None => account.full_name.clone(),
    };
    let language = Language::parse(&account.language).unwrap_or_default();
    let booking = NewBooking {
        account_id: account.id,
        person_id: request.person_id,
        office_id: office.id.as_str().to_string(),
        visit_type_id: visit_type.id.as_str().to_string(),
        start: slot.start,
        end: slot.end,
        local_date,
        capacity: office.counters,
        language: language.as_str().to_string(),
        idempotency_key: request.idempotency_key.map(str::to_string),
    };
    let to = account.email.clone();
    let base_url = state.config.base_url();
    let (office_id, visit_type_id) = (office.id.clone(), visit_type.id.clone());
    let catalog_of = state.clone();
    let job = Box::new(move |a: &Appointment| {
        // The closure outlives this request (the SQLite store runs it on its writer task), so
        // it holds the state and finds the catalogue entries again; both are always there.
        let catalog = &catalog_of.catalog;
        let (Some(office), Some(visit_type)) = (
            catalog.office(&office_id),
            catalog.visit_type(&visit_type_id),
        ) else {
            unreachable!("the catalogue does not change while the server runs")
        };
        mail::booked(
            &to,
            a,
            office,
            visit_type,
            &person_name,
            language,
            &base_url,
            now,
        )
    });
    let booked = state
        .store
        .book(booking, state.policy(), job, now)
        .await
        .map_err(|e| match e {
            BookError::Blocked { until } => blocked(state, until),
            BookError::NotYourPerson => AppError::NotYourPerson,
            BookError::SlotFull => AppError::SlotFull,
            BookError::AlreadyBooked => AppError::AlreadyBooked,
            BookError::IdempotencyKeyReused => AppError::IdempotencyKeyReused,
            BookError::Store(e) => e.into(),
        });
    match &booked {
        Ok(_) => {
            state.slot_uses.forget(office_key, type_key);
            Metrics::inc(&state.metrics.bookings)
        }
        Err(AppError::SlotFull) => {
            state.full_slots.mark_full(office_key, type_key, slot.start);
            Metrics::inc(&state.metrics.slot_full)
        }
        Err(_) => Metrics::inc(&state.metrics.booking_refusals),
    }
    booked
}

pub async fn cancel(state: &AppState, account: &Account, id: i64) -> Result<Appointment, AppError> {
    let existing = state
        .store
        .appointment(id)
        .await?
        .filter(|a| a.account_id == account.id)
        .ok_or(AppError::NotFound)?;
    let office = OfficeId::parse(&existing.office_id)
        .ok()
        .and_then(|id| state.catalog.office(&id))
        .ok_or(AppError::Internal)?;
    let visit_type = VisitTypeId::parse(&existing.visit_type_id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id))
        .ok_or(AppError::Internal)?;
    let now = state.now();
    let to = account.email.clone();
    let job = Box::new(move |a: &Appointment| mail::cancelled(&to, a, office, visit_type, now));
    let cancelled = state
        .store
        .cancel(account.id, id, state.policy(), job, now)
        .await
        .map_err(|e| match e {
            CancelError::NotFound => AppError::NotFound,
            CancelError::NotCancellable => AppError::NotCancellable,
            CancelError::Refused(CancelRefusal::TooLate) => too_late(state),
            CancelError::Refused(CancelRefusal::LimitReached { retry_after }) => {
                let policy = state.policy();
                AppError::CancellationLimitReached {
                    retry_after,
                    limit: policy.cancellation_limit,
                    window_days: policy.cancellation_window.as_hours() / 24,
                }
            }
            CancelError::Store(e) => e.into(),
        })?;
    state.full_slots.forget(
        &cancelled.office_id,
        &cancelled.visit_type_id,
        cancelled.start,
    );
    state
        .slot_uses
        .forget(&cancelled.office_id, &cancelled.visit_type_id);
    Metrics::inc(&state.metrics.cancellations);
    Ok(cancelled)
}

/// The status a person sees: a `booked` appointment past its window is a no-show (api.md).
pub fn effective(state: &AppState, mut appointment: Appointment) -> Appointment {
    appointment.status =
        state
            .policy()
            .effective_status(appointment.status, appointment.start, state.now());
    appointment
}

pub async fn list(state: &AppState, account: &Account) -> Result<Vec<Appointment>, AppError> {
    Ok(state
        .store
        .appointments(account.id)
        .await?
        .into_iter()
        .map(|a| effective(state, a))
        .collect())
}

/// One appointment of this account; someone else's is `not-found`, never `forbidden`.
pub async fn get(state: &AppState, account: &Account, id: i64) -> Result<Appointment, AppError> {
    state
        .store
        .appointment(id)
        .await?
        .filter(|a| a.account_id == account.id)
        .map(|a| effective(state, a))
        .ok_or(AppError::NotFound)
}

/// Can this appointment still be cancelled by its client right now? (for showing the button)
pub fn cancellable(state: &AppState, appointment: &Appointment) -> Result<(), AppError> {
    if appointment.status != AppointmentStatus::Booked {
        return Err(AppError::NotCancellable);
    }
    // The 10-in-90-days limit is only known to the store; the button shows the time rule.
    state
        .policy()
        .check_cancel(appointment.start, &[], state.now())
        .map_err(|_| too_late(state))
}

/// `booking-blocked`, told with the configured rule (domain.md §2: 3 no-shows in 180 days).
pub fn blocked(state: &AppState, until: Timestamp) -> AppError {
    let policy = state.policy();
    AppError::BookingBlocked {
        until,
        no_shows: policy.no_show_limit,
        window_days: policy.no_show_window.as_hours() / 24,
    }
}

fn too_late(state: &AppState) -> AppError {
    AppError::CancellationTooLate {
        notice_hours: state.policy().cancel_notice.as_hours(),
    }
}

/// Where a card must be collected: the office that captured the biometric data.
pub struct Pickup<'a> {
    pub office: &'a Office,
    pub captured: Date,
}

/// For a card pickup: the office of this account's latest visit at which biometric data were
/// taken (any BIO visit the client attended), while its 60 days to collect the card run
/// (domain.md §4, §5: the card is collected in person at the same office). `None` for
/// other visits, when the account knows no such visit, or when that office cannot be booked
/// for a pickup online.
pub async fn pickup_office<'a>(
    state: &'a AppState,
    account: &Account,
    vt: &VisitType,
) -> Option<Pickup<'a>> {
    use termin_domain::AppointmentStatus as S;
    use termin_domain::deadlines::{DeadlineRules, Event, EventInput, obligations};
    if vt.id.as_str() != "card-pickup" {
        return None;
    }
    let appointments = match list(state, account).await {
        Ok(list) => list,
        Err(e) => {
            tracing::warn!(error = %e, "could not read the appointments for a card pickup");
            return None;
        }
    };
    let capture = appointments
        .iter()
        .filter(|a| matches!(a.status, S::CheckedIn | S::Called | S::Served))
        .filter(|a| a.visit_type_id != vt.id.as_str())
        .filter(|a| {
            VisitTypeId::parse(&a.visit_type_id)
                .ok()
                .and_then(|id| state.catalog.visit_type(&id))
                .is_some_and(|t| t.requires_bio)
        })
        .max_by_key(|a| a.start)?;
    let captured = time::local_date(capture.start);
    let today = time::local_date(state.now());
    let due = obligations(
        &EventInput::new(Event::BiometricsCaptured, captured),
        &DeadlineRules::default(),
    )
    .ok()?
    .into_iter()
    .find(|o| o.visit_type == Some("card-pickup"))?;
    if due.deadline < today {
        return None;
    }
    let office = termin_domain::OfficeId::parse(&capture.office_id)
        .ok()
        .and_then(|id| state.catalog.office(&id))?;
    state
        .catalog
        .offices_offering(&vt.id)
        .any(|o| o.id == office.id)
        .then_some(Pickup { office, captured })
}
