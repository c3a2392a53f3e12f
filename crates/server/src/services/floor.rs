//! The office floor (issue 3): kiosk check-in, walk-in tickets, the queue, the clerk's
//! actions, the call display and the day's figures. Staff act only on their offices; a kiosk
//! or display device only on its office and only in its role.

use jiff::{SignedDuration, Timestamp};
use termin_domain::floor::{self, CheckInRefusal, WalkInRefusal};
use termin_domain::{AppointmentStatus, Language, Office, OfficeId, Pin, Transition, VisitTypeId};
use termin_store::{
    Account, Actor, AgendaEntry, Device, DeviceKind, FloorError, FloorEvent, FloorStats, NewTicket,
    Ticket, TicketAction,
};

use crate::auth::{hash_secret, new_secret};
use crate::error::AppError;
use crate::metrics::Metrics;
use crate::state::AppState;

/// The cookie a registered kiosk or display keeps (set by its link `/device/{token}`).
pub const DEVICE_COOKIE: &str = "termin_device";

/// Floor events that the waiting-room display shows.
pub const DISPLAY_KINDS: [&str; 3] = ["call", "recall", "transfer"];

/// Who is acting on the floor.
#[derive(Clone)]
pub enum FloorActor {
    Staff {
        account: Account,
        offices: Vec<String>,
    },
    Device(Device),
}

/// What an action needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Typing a PIN or taking a walk-in ticket: the office's kiosk or its staff.
    Kiosk,
    /// Watching the calls: the office's display or its staff.
    Display,
    /// Calling, serving, seeing names: the office's staff only.
    Clerk,
}

impl FloorActor {
    /// The actor as recorded in the audit trail, if it may do `need` at `office`.
    pub fn may(&self, office: &str, need: Need) -> Result<Actor, AppError> {
        match self {
            FloorActor::Staff { account, offices } => {
                let admin = account.role == termin_store::Role::Admin;
                if admin || offices.iter().any(|o| o == office) {
                    Ok(Actor::Staff(account.id))
                } else {
                    Err(AppError::Forbidden)
                }
            }
            FloorActor::Device(device) => {
                let role_fits = matches!(
                    (device.kind, need),
                    (DeviceKind::Kiosk, Need::Kiosk) | (DeviceKind::Display, Need::Display)
                );
                if role_fits && device.office_id == office {
                    Ok(Actor::Device(device.id))
                } else {
                    Err(AppError::Forbidden)
                }
            }
        }
    }
}

pub fn office<'a>(state: &'a AppState, id: &str) -> Result<&'a Office, AppError> {
    OfficeId::parse(id)
        .ok()
        .and_then(|id| state.catalog.office(&id))
        .ok_or(AppError::NotFound)
}

fn today(state: &AppState) -> jiff::civil::Date {
    termin_domain::time::local_date(state.now())
}

/// A counter name as the clerk types it: "3", "Přepážka 3".
pub fn parse_counter(counter: &str) -> Result<String, AppError> {
    let counter = counter.trim();
    if counter.is_empty() || counter.chars().count() > 20 || counter.chars().any(char::is_control) {
        return Err(AppError::InvalidInput(vec![(
            "counter",
            "field-counter-invalid",
        )]));
    }
    Ok(counter.to_string())
}

/// The answer of the kiosk: the ticket, and nothing personal.
pub struct CheckedIn {
    pub ticket: Ticket,
    pub appointment_id: i64,
    pub position: u32,
    /// The language the client chose when booking, for the ticket screen.
    pub language: Language,
}

fn kiosk_bucket(actor: Actor) -> String {
    match actor {
        Actor::Device(id) => format!("kiosk-device:{id}"),
        Actor::Staff(id) => format!("kiosk-staff:{id}"),
    }
}

/// A four-digit PIN is guessable: wrong PINs from one kiosk are counted and slowed down.
async fn check_pin_throttle(state: &AppState, actor: Actor) -> Result<(), AppError> {
    let settings = &state.config.floor;
    let now = state.now();
    let window = SignedDuration::from_mins(settings.wrong_pin_window_minutes);
    let since = now.checked_sub(window).unwrap_or(Timestamp::MIN);
    let (count, oldest) = state.store.rate_events(&kiosk_bucket(actor), since).await?;
    if count >= settings.wrong_pin_limit {
        let free_at = oldest
            .and_then(|o| o.checked_add(window).ok())
            .unwrap_or(now);
        return Err(AppError::TooManyAttempts {
            retry_after_secs: (free_at - now).get_seconds().max(1),
        });
    }
    Ok(())
}

pub async fn check_in(
    state: &AppState,
    office_id: &str,
    pin: &str,
    who: &FloorActor,
) -> Result<CheckedIn, AppError> {
    let office = office(state, office_id)?;
    let actor = who.may(office.id.as_str(), Need::Kiosk)?;
    check_pin_throttle(state, actor).await?;
    let now = state.now();
    let wrong = || async {
        state
            .store
            .record_rate_event(&kiosk_bucket(actor), now)
            .await
            .map_err(AppError::from)?;
        Err::<CheckedIn, AppError>(AppError::UnknownPin)
    };
    let Ok(pin) = Pin::parse(pin.trim()) else {
        return wrong().await;
    };
    let Some(appointment) = state
        .store
        .appointment_by_pin(office.id.as_str(), today(state), pin.as_str())
        .await?
    else {
        return wrong().await;
    };
    match state
        .policy()
        .effective_status(appointment.status, appointment.start, now)
    {
        AppointmentStatus::Booked => {}
        AppointmentStatus::NoShow => return Err(too_late(state)),
        AppointmentStatus::CheckedIn | AppointmentStatus::Called | AppointmentStatus::Served => {
            return Err(AppError::AlreadyCheckedIn);
        }
        AppointmentStatus::Cancelled => return wrong().await,
    }
    floor::check_in_allowed(state.policy(), appointment.start, now).map_err(|r| match r {
        CheckInRefusal::TooEarly { opens_at } => AppError::TooEarly { opens_at },
        CheckInRefusal::TooLate => too_late(state),
    })?;
    let visit_type = VisitTypeId::parse(&appointment.visit_type_id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id))
        .ok_or(AppError::Internal)?;
    let place = floor::queue_place(
        Some(appointment.start),
        now,
        state.config.floor.late_arrivals,
    );
    let ticket = NewTicket {
        office_id: office.id.as_str().to_string(),
        local_date: today(state),
        group: visit_type.group,
        visit_type_id: appointment.visit_type_id.clone(),
        language: appointment.language.clone(),
        appointment_id: Some(appointment.id),
        rank: place.rank,
        priority_at: place.at,
    };
    let (ticket, position) = state
        .store
        .check_in(appointment.id, ticket, actor, now)
        .await
        .map_err(floor_error)?;
    state.floor_changed(office.id.as_str());
    Metrics::inc(&state.metrics.check_ins);
    Ok(CheckedIn {
        ticket,
        appointment_id: appointment.id,
        position,
        language: Language::parse(&appointment.language).unwrap_or_default(),
    })
}

fn floor_error(e: FloorError) -> AppError {
    match e {
        FloorError::NotFound => AppError::NotFound,
        FloorError::AlreadyCheckedIn => AppError::AlreadyCheckedIn,
        FloorError::InvalidTransition { .. } => AppError::InvalidTransition,
        FloorError::Store(e) => e.into(),
    }
}

/// A ticket without appointment, for visit types the office takes that way.
pub async fn walk_in(
    state: &AppState,
    office_id: &str,
    visit_type: &str,
    language: Language,
    who: &FloorActor,
) -> Result<(Ticket, u32), AppError> {
    let office = office(state, office_id)?;
    let actor = who.may(office.id.as_str(), Need::Kiosk)?;
    let visit_type = VisitTypeId::parse(visit_type)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id))
        .ok_or(AppError::NotFound)?;
    let now = state.now();
    floor::walk_in_allowed(office, visit_type, now).map_err(|r| match r {
        WalkInRefusal::ByAppointmentOnly => AppError::WalkInNotAccepted,
        WalkInRefusal::Closed | WalkInRefusal::BookedClientsOnly => AppError::WalkInClosed,
    })?;
    let place = floor::queue_place(None, now, state.config.floor.late_arrivals);
    let ticket = NewTicket {
        office_id: office.id.as_str().to_string(),
        local_date: today(state),
        group: visit_type.group,
        visit_type_id: visit_type.id.as_str().to_string(),
        language: language.as_str().to_string(),
        appointment_id: None,
        rank: place.rank,
        priority_at: place.at,
    };
    let created = state.store.walk_in(ticket, actor, now).await?;
    state.floor_changed(office.id.as_str());
    Ok(created)
}

/// Waiting tickets in the order they will be called, and those at a counter now.
pub async fn queue(
    state: &AppState,
    office_id: &str,
    who: &FloorActor,
) -> Result<(Vec<Ticket>, Vec<Ticket>), AppError> {
    let office = office(state, office_id)?;
    who.may(office.id.as_str(), Need::Clerk)?;
    let tickets = state.store.queue(office.id.as_str(), today(state)).await?;
    Ok(tickets
        .into_iter()
        .partition(|t| t.status == AppointmentStatus::CheckedIn))
}

/// Calls the next client to `counter`; `None` when nobody waits. A counter that already has
/// someone called gets that same ticket back (a double click calls one person).
pub async fn call_next(
    state: &AppState,
    office_id: &str,
    counter: &str,
    who: &FloorActor,
) -> Result<Option<Ticket>, AppError> {
    let office = office(state, office_id)?;
    let actor = who.may(office.id.as_str(), Need::Clerk)?;
    let counter = parse_counter(counter)?;
    let called = state
        .store
        .call_next(
            office.id.as_str(),
            today(state),
            &counter,
            actor,
            state.now(),
        )
        .await?;
    if let Some((ticket, true)) = &called {
        state.floor_changed(office.id.as_str());
        Metrics::inc(&state.metrics.calls);
        if let Some(at) = ticket.called_at {
            let waited = (at - ticket.checked_in_at).get_seconds().max(0) as u64;
            let m = &state.metrics;
            m.queue_wait_seconds_sum
                .fetch_add(waited, std::sync::atomic::Ordering::Relaxed);
            Metrics::inc(&m.queue_wait_count);
        }
    }
    Ok(called.map(|(ticket, _)| ticket))
}

/// Recall, serve, no-show, send back or transfer a ticket.
pub async fn act(
    state: &AppState,
    office_id: &str,
    ticket: &str,
    transition: Transition,
    counter: Option<&str>,
    who: &FloorActor,
) -> Result<Ticket, AppError> {
    let office = office(state, office_id)?;
    let actor = who.may(office.id.as_str(), Need::Clerk)?;
    if !matches!(
        transition,
        Transition::Recall
            | Transition::Serve
            | Transition::MarkNoShow
            | Transition::SendBack
            | Transition::Transfer
    ) {
        return Err(AppError::InvalidTransition);
    }
    let counter = match (transition, counter) {
        (Transition::Transfer, Some(c)) => Some(parse_counter(c)?),
        (Transition::Transfer, None) => {
            return Err(AppError::InvalidInput(vec![("counter", "field-required")]));
        }
        _ => None,
    };
    let ticket = state
        .store
        .transition_ticket(
            TicketAction {
                office: office.id.as_str(),
                local_date: today(state),
                number: ticket.trim(),
                transition,
                counter: counter.as_deref(),
            },
            actor,
            state.now(),
        )
        .await
        .map_err(floor_error)?;
    state.floor_changed(office.id.as_str());
    Ok(ticket)
}

pub async fn agenda(
    state: &AppState,
    office_id: &str,
    who: &FloorActor,
) -> Result<Vec<AgendaEntry>, AppError> {
    let office = office(state, office_id)?;
    who.may(office.id.as_str(), Need::Clerk)?;
    let now = state.now();
    let mut entries = state.store.agenda(office.id.as_str(), today(state)).await?;
    for e in &mut entries {
        e.appointment.status =
            state
                .policy()
                .effective_status(e.appointment.status, e.appointment.start, now);
    }
    Ok(entries)
}

pub async fn stats(
    state: &AppState,
    office_id: &str,
    who: &FloorActor,
) -> Result<FloorStats, AppError> {
    let office = office(state, office_id)?;
    who.may(office.id.as_str(), Need::Clerk)?;
    Ok(state
        .store
        .floor_stats(
            office.id.as_str(),
            today(state),
            state.policy(),
            state.now(),
        )
        .await?)
}

/// The latest calls of today for a display that just connected, newest first.
pub async fn recent_calls(
    state: &AppState,
    office_id: &str,
    who: &FloorActor,
) -> Result<Vec<FloorEvent>, AppError> {
    let office = office(state, office_id)?;
    who.may(office.id.as_str(), Need::Display)?;
    Ok(state
        .store
        .recent_floor_events(
            office.id.as_str(),
            today(state),
            &DISPLAY_KINDS,
            state.config.floor.display_calls,
        )
        .await?)
}

/// Calls after `after_id`, oldest first (the display's catch-up after a reconnect).
pub async fn calls_after(
    state: &AppState,
    office_id: &str,
    after_id: i64,
) -> Result<Vec<FloorEvent>, AppError> {
    let start_of_day =
        termin_domain::time::to_instant(today(state).to_datetime(jiff::civil::Time::midnight()));
    Ok(state
        .store
        .floor_events(office_id, after_id, &DISPLAY_KINDS, 100)
        .await?
        .into_iter()
        .filter(|e| e.at >= start_of_day)
        .collect())
}

/// A device registration: the secret goes into the device's link once.
pub struct NewDevice {
    pub device: Device,
    pub token: String,
}

pub async fn register_device(
    state: &AppState,
    office_id: &str,
    kind: DeviceKind,
    name: &str,
    who: &FloorActor,
) -> Result<NewDevice, AppError> {
    let office = office(state, office_id)?;
    let actor = who.may(office.id.as_str(), Need::Clerk)?;
    let Actor::Staff(by) = actor else {
        return Err(AppError::Forbidden);
    };
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(AppError::InvalidInput(vec![(
            "name",
            "field-device-name-invalid",
        )]));
    }
    let (token, hash) = new_secret();
    let device = state
        .store
        .create_device(office.id.as_str(), kind, name, &hash, by, state.now())
        .await?;
    Ok(NewDevice { device, token })
}

pub async fn devices(
    state: &AppState,
    office_id: &str,
    who: &FloorActor,
) -> Result<Vec<Device>, AppError> {
    let office = office(state, office_id)?;
    who.may(office.id.as_str(), Need::Clerk)?;
    Ok(state.store.devices(office.id.as_str()).await?)
}

pub async fn revoke_device(
    state: &AppState,
    office_id: &str,
    id: i64,
    who: &FloorActor,
) -> Result<(), AppError> {
    let office = office(state, office_id)?;
    who.may(office.id.as_str(), Need::Clerk)?;
    if state
        .store
        .revoke_device(office.id.as_str(), id, state.now())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The device behind a secret, unless revoked.
pub async fn device_by_secret(state: &AppState, secret: &str) -> Result<Option<Device>, AppError> {
    Ok(state
        .store
        .device_by_token(&hash_secret(secret.trim()))
        .await?)
}

/// A staff member as a floor actor (with the offices they work at).
pub async fn staff_actor(state: &AppState, account: Account) -> Result<FloorActor, AppError> {
    if !account.role.is_staff() {
        return Err(AppError::Forbidden);
    }
    let offices = state.store.staff_offices(account.id).await?;
    Ok(FloorActor::Staff { account, offices })
}

/// `too-late`, told with the configured check-in window.
fn too_late(state: &AppState) -> AppError {
    AppError::TooLate {
        closes_after_minutes: state.policy().checkin_closes_after.as_mins(),
    }
}
