//! The waitlist (fair access): filing a request, seeing one's place in line, and answering the
//! offer of a freed place. The API and the pages both call these.

use jiff::Timestamp;
use jiff::civil::Date;
use termin_domain::{
    Language, OfficeId, PartOfDay, VisitTypeId, Wish, WishRefusal, time, waitlist,
};
use termin_store::{
    Account, Appointment, NewWaitlistRequest, Offer, OfferError, OfferStatus, WaitlistError,
    WaitlistRequest,
};

use crate::error::AppError;
use crate::mail;
use crate::services::booking::{blocked, pickup_office};
use crate::services::{FieldError, field, to_app_error};
use crate::state::AppState;

/// A request as typed by a person (API body or form), not yet checked.
#[derive(Debug, Clone, Default)]
pub struct WishInput {
    pub visit_type: String,
    pub offices: Vec<String>,
    pub from: String,
    pub to: String,
    /// `morning`, `afternoon`.
    pub times: Vec<String>,
    pub person_id: Option<i64>,
}

/// Checks what was typed against the catalogue and the rules; every field's problem at once.
pub fn parse_wish(state: &AppState, input: &WishInput) -> Result<Wish, AppError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let visit_type = VisitTypeId::parse(input.visit_type.trim())
        .ok()
        .and_then(|id| state.catalog.visit_type(&id));
    let Some(visit_type) = visit_type else {
        return Err(AppError::NotFound);
    };
    let mut offices = Vec::new();
    for raw in &input.offices {
        let office = OfficeId::parse(raw.trim())
            .ok()
            .and_then(|id| state.catalog.office(&id))
            .ok_or(AppError::NotFound)?;
        if !office.offers(&visit_type.id) || !office.is_bookable() {
            return Err(AppError::VisitTypeNotOffered);
        }
        if !offices.contains(&office.id) {
            offices.push(office.id.clone());
        }
    }
    let date = |raw: &str, name: &'static str, errors: &mut Vec<FieldError>| {
        raw.trim()
            .parse::<Date>()
            .map_err(|_| errors.push(field(name, "field-date-invalid")))
            .ok()
    };
    let from = date(&input.from, "from", &mut errors);
    let to = date(&input.to, "to", &mut errors);
    let mut times = Vec::new();
    for raw in &input.times {
        match PartOfDay::parse(raw.trim()) {
            Some(part) if !times.contains(&part) => times.push(part),
            Some(_) => {}
            None => errors.push(field("times", "field-waitlist-times")),
        }
    }
    let refusals = match (from, to) {
        (Some(from), Some(to)) => {
            let wish = Wish {
                visit_type: visit_type.id.clone(),
                offices: offices.clone(),
                from,
                to,
                times: times.clone(),
            };
            match state.policy().check_wish(&wish, state.now()) {
                Ok(()) if errors.is_empty() => return Ok(wish),
                Ok(()) => Vec::new(),
                Err(refusals) => refusals,
            }
        }
        _ => state
            .policy()
            .check_wish_choices(offices.len(), times.len()),
    };
    for refusal in refusals {
        let error = match refusal {
            WishRefusal::Offices => field("offices", "field-waitlist-offices"),
            WishRefusal::Times => field("times", "field-waitlist-times"),
            WishRefusal::RangeReversed => field("to", "field-range-reversed"),
            WishRefusal::InPast => field("to", "field-waitlist-range-over"),
            WishRefusal::BeyondHorizon => field("from", "field-waitlist-beyond-horizon"),
        };
        // One message per field.
        if !errors.iter().any(|e| e.field == error.field) {
            errors.push(error);
        }
    }
    Err(to_app_error(errors))
}

/// Files a request for the account (or one of its children).
pub async fn file(
    state: &AppState,
    account: &Account,
    input: &WishInput,
) -> Result<WaitlistRequest, AppError> {
    let wish = parse_wish(state, input)?;
    if !account.email_verified {
        return Err(AppError::EmailNotVerified);
    }
    // domain.md §4: the card is collected at the office that captured the biometric data.
    if let Some(visit_type) = state.catalog.visit_type(&wish.visit_type)
        && let Some(pickup) = pickup_office(state, account, visit_type).await
        && wish
            .offices
            .iter()
            .any(|office| *office != pickup.office.id)
    {
        return Err(AppError::PickupAtOtherOffice);
    }
    let language = Language::parse(&account.language).unwrap_or_default();
    let request = NewWaitlistRequest {
        account_id: account.id,
        person_id: input.person_id,
        wish,
        language: language.as_str().to_owned(),
    };
    state
        .store
        .file_waitlist_request(request, state.policy(), state.now())
        .await
        .map_err(|e| waitlist_error(state, e))
}

pub async fn list(state: &AppState, account: &Account) -> Result<Vec<WaitlistRequest>, AppError> {
    Ok(state.store.waitlist_requests(account.id).await?)
}

/// One request of this account; someone else's is `not-found`.
pub async fn get(
    state: &AppState,
    account: &Account,
    id: i64,
) -> Result<WaitlistRequest, AppError> {
    state
        .store
        .waitlist_request(account.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn withdraw(
    state: &AppState,
    account: &Account,
    id: i64,
) -> Result<WaitlistRequest, AppError> {
    let withdrawn = state
        .store
        .withdraw_waitlist_request(account.id, id, state.policy(), state.now())
        .await
        .map_err(|e| waitlist_error(state, e))?;
    forget_offered_place(state, withdrawn.offer.as_ref());
    Ok(withdrawn)
}

/// Accepts an offer: an appointment in the held place, with its PIN and confirmation mail.
pub async fn accept(
    state: &AppState,
    account: &Account,
    offer: i64,
) -> Result<Appointment, AppError> {
    let now = state.now();
    let to = account.email.clone();
    let base_url = state.config.base_url();
    let persons = state.store.persons(account.id).await?;
    let catalog_of = state.clone();
    let job = Box::new(move |a: &Appointment| {
        let catalog = &catalog_of.catalog;
        let office = OfficeId::parse(&a.office_id)
            .ok()
            .and_then(|id| catalog.office(&id));
        let visit_type = VisitTypeId::parse(&a.visit_type_id)
            .ok()
            .and_then(|id| catalog.visit_type(&id));
        let (Some(office), Some(visit_type)) = (office, visit_type) else {
            unreachable!("offers are made only for places of the catalogue")
        };
        let person = persons
            .iter()
            .find(|p| p.id == a.person_id)
            .map_or("", |p| p.full_name.as_str());
        let language = Language::parse(&a.language).unwrap_or_default();
        mail::booked(&to, a, office, visit_type, person, language, &base_url, now)
    });
    let appointment = state
        .store
        .accept_offer(account.id, offer, state.policy(), job, now)
        .await
        .map_err(|e| offer_error(state, e))?;
    state
        .slot_uses
        .forget(&appointment.office_id, &appointment.visit_type_id);
    Ok(appointment)
}

pub async fn decline(state: &AppState, account: &Account, offer: i64) -> Result<Offer, AppError> {
    let declined = state
        .store
        .decline_offer(account.id, offer, state.policy(), state.now())
        .await
        .map_err(|e| offer_error(state, e))?;
    forget_offered_place(state, Some(&declined));
    Ok(declined)
}

/// A place passed on may have become free for anyone: the memos must not call it full.
fn forget_offered_place(state: &AppState, offer: Option<&Offer>) {
    if let Some(offer) = offer {
        state
            .full_slots
            .forget(&offer.office_id, &offer.visit_type_id, offer.start);
        state
            .slot_uses
            .forget(&offer.office_id, &offer.visit_type_id);
    }
}

/// Whether an offer can still be answered at `now`.
pub fn answerable(offer: &Offer, now: Timestamp) -> bool {
    offer.status == OfferStatus::Open && offer.expires_at > now
}

/// The first Prague day a request may ask for, and the last (the booking horizon).
pub fn bookable_days(state: &AppState) -> (Date, Date) {
    let now = state.now();
    (time::local_date(now), state.policy().last_bookable_day(now))
}

/// The parts of the day, in order, for forms.
pub fn parts_of_day() -> [PartOfDay; 2] {
    waitlist::PartOfDay::ALL
}

fn waitlist_error(state: &AppState, e: WaitlistError) -> AppError {
    match e {
        WaitlistError::Blocked { until } => blocked(state, until),
        WaitlistError::NotFound => AppError::NotFound,
        WaitlistError::NotYourPerson => AppError::NotYourPerson,
        WaitlistError::AlreadyWaiting => AppError::AlreadyWaiting,
        WaitlistError::AlreadyBooked => AppError::AlreadyBooked,
        WaitlistError::NotOpen => AppError::RequestNotOpen,
        WaitlistError::Store(e) => e.into(),
    }
}

fn offer_error(state: &AppState, e: OfferError) -> AppError {
    match e {
        OfferError::NotFound => AppError::NotFound,
        OfferError::NotOpen => AppError::OfferNotOpen,
        OfferError::Lapsed => AppError::OfferLapsed,
        OfferError::Blocked { until } => blocked(state, until),
        OfferError::AlreadyBooked => AppError::AlreadyBooked,
        OfferError::Store(e) => e.into(),
    }
}
