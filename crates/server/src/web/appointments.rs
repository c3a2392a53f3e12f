//! My appointments: the list, one appointment with its PIN, cancelling, "add to calendar".

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use termin_domain::{AppointmentStatus, OfficeId, VisitTypeId, time};
use termin_store::{Appointment, Person};

use super::auth_pages::Nothing;
use super::ctx::{CsrfForm, Ctx, Errors, Nav, Page, PageError, render, see_other, views};
use crate::error::AppError;
use crate::i18n;
use crate::mail::{self, visit_type_name};
use crate::services::accounts as accounts_svc;
use crate::services::booking as svc;
use crate::state::AppState;

/// One appointment as the pages show it.
pub struct AppointmentView {
    pub id: i64,
    pub href: String,
    pub visit: String,
    pub office_name: String,
    pub office_address: String,
    pub office_href: String,
    pub date: String,
    pub time: String,
    pub person: String,
    pub status: String,
    /// For the status tag's look; the tag always has words too.
    pub status_class: &'static str,
    pub active: bool,
    pub pin: String,
    pub cancel_action: String,
    /// The cancel button is shown (services::booking::cancellable said yes).
    pub cancellable: bool,
    /// Why it cannot be cancelled any more, for a booked appointment; else "".
    pub cancel_note: String,
    pub ics_href: String,
    /// "Type the PIN at the kiosk between 08:00 and 08:45."
    pub checkin: String,
}

fn view_of(state: &AppState, page: &Page, a: &Appointment, persons: &[Person]) -> AppointmentView {
    let office = OfficeId::parse(&a.office_id)
        .ok()
        .and_then(|id| state.catalog.office(&id));
    let vt = VisitTypeId::parse(&a.visit_type_id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id));
    let active = a.status.is_active();
    let cancel = svc::cancellable(state, a);
    let cancel_note = match (&cancel, a.status) {
        (Err(e), AppointmentStatus::Booked) => e.message(page.lang),
        _ => String::new(),
    };
    let (opens, closes) = state.policy().checkin_window(a.start);
    AppointmentView {
        id: a.id,
        href: format!("/appointments/{}", a.id),
        visit: vt
            .map(|vt| visit_type_name(page.lang, vt))
            .unwrap_or_else(|| a.visit_type_id.clone()),
        office_name: office
            .map(|o| o.name.clone())
            .unwrap_or_else(|| a.office_id.clone()),
        office_address: office.map(|o| o.address.clone()).unwrap_or_default(),
        office_href: format!("/offices/{}", a.office_id),
        date: i18n::long_date(page.lang, time::local_date(a.start)),
        time: format!("{}–{}", i18n::time_of(a.start), i18n::time_of(a.end)),
        person: persons
            .iter()
            .find(|p| p.id == a.person_id)
            .map(|p| p.full_name.clone())
            .unwrap_or_default(),
        status: page.t(&format!("appt-status-{}", a.status.as_str())),
        status_class: match a.status {
            AppointmentStatus::Booked
            | AppointmentStatus::CheckedIn
            | AppointmentStatus::Called => "tag-active",
            AppointmentStatus::Served => "tag-done",
            AppointmentStatus::Cancelled => "tag-cancelled",
            AppointmentStatus::NoShow => "tag-missed",
        },
        active,
        pin: if active { a.pin.clone() } else { String::new() },
        cancel_action: format!("/appointments/{}/cancel", a.id),
        cancellable: cancel.is_ok(),
        cancel_note,
        ics_href: format!("/appointments/{}/calendar.ics", a.id),
        checkin: page.targs(
            "appt-checkin-window",
            &[
                ("from", i18n::time_of(opens).into()),
                ("to", i18n::time_of(closes).into()),
            ],
        ),
    }
}

#[derive(Template)]
#[template(path = "appointments.html")]
struct ListView {
    page: Page,
    errors: Errors,
    notice: String,
    upcoming: Vec<AppointmentView>,
    past: Vec<AppointmentView>,
    cancellations_note: String,
}

#[derive(Template)]
#[template(path = "appointment.html")]
struct DetailView {
    page: Page,
    a: AppointmentView,
    just_booked: bool,
    booked_heading: String,
    bring: String,
}

views!(ListView, DetailView);

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    cancelled: Option<i64>,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    errors: Errors,
    cancelled: Option<i64>,
) -> Result<ListView, PageError> {
    let user = ctx.require_user()?;
    let mut page = ctx.page("page-appointments-title", Nav::Appointments);
    page.has_errors = !errors.is_empty();
    let appointments = svc::list(state, &user.account)
        .await
        .map_err(|e| ctx.error(e))?;
    let persons = accounts_svc::persons(state, &user.account)
        .await
        .map_err(|e| ctx.error(e))?;
    let standing = accounts_svc::standing(state, &user.account)
        .await
        .map_err(|e| ctx.error(e))?;
    let mut notice = String::new();
    let (mut upcoming, mut past) = (Vec::new(), Vec::new());
    for a in &appointments {
        let view = view_of(state, &page, a, &persons);
        if Some(a.id) == cancelled && a.status == AppointmentStatus::Cancelled {
            notice = page.targs(
                "appt-cancelled-notice",
                &[
                    ("date", view.date.clone().into()),
                    ("time", i18n::time_of(a.start).into()),
                ],
            );
        }
        if a.status.is_active() {
            upcoming.push(view);
        } else {
            past.push(view);
        }
    }
    // Soonest first for what is ahead; the list from the service is newest first.
    upcoming.reverse();
    let policy = state.policy();
    let cancellations_note = page.targs(
        "appt-cancellations-left",
        &[
            ("left", standing.cancellations_left.into()),
            ("days", (policy.cancellation_window.as_hours() / 24).into()),
        ],
    );
    Ok(ListView {
        page,
        errors,
        notice,
        upcoming,
        past,
        cancellations_note,
    })
}

pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Response {
    match list_page(&state, &ctx, Errors::default(), q.cancelled).await {
        Ok(view) => render(StatusCode::OK, &view),
        Err(e) => e.into_response(),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DetailQuery {
    booked: Option<String>,
}

pub async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(q): Query<DetailQuery>,
) -> Response {
    let user = match ctx.require_user() {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let appointment = match svc::get(&state, &user.account, id).await {
        Ok(a) => a,
        Err(e) => return ctx.error(e).into_response(),
    };
    let persons = match accounts_svc::persons(&state, &user.account).await {
        Ok(p) => p,
        Err(e) => return ctx.error(e).into_response(),
    };
    let just_booked = q.booked.is_some() && appointment.status.is_active();
    let title = if just_booked {
        "page-appointment-booked-title"
    } else {
        "page-appointment-title"
    };
    let page = ctx.page(title, Nav::Appointments);
    let a = view_of(&state, &page, &appointment, &persons);
    let booked_heading = page.t("page-appointment-booked-title");
    let bring = page.t("appt-bring");
    render(
        StatusCode::OK,
        &DetailView {
            page,
            a,
            just_booked,
            booked_heading,
            bring,
        },
    )
}

/// `POST /appointments/{id}/cancel`: refused cancellations show their reason on the list.
pub async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Response {
    let user = match ctx.require_user() {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    match svc::cancel(&state, &user.account, id).await {
        Ok(_) => see_other(&format!("/appointments?cancelled={id}")),
        Err(e @ (AppError::NotFound | AppError::Internal | AppError::Unavailable)) => {
            ctx.error(e).into_response()
        }
        Err(e) => {
            let mut errors = Errors::default();
            errors.general(e.message(ctx.lang));
            match list_page(&state, &ctx, errors, None).await {
                Ok(view) => render(e.status(), &view),
                Err(err) => err.into_response(),
            }
        }
    }
}

/// A GET here comes only from signing in again after the session ran out: the appointment's
/// page shows the cancel button again.
pub async fn cancel_get(Path(id): Path<i64>) -> Response {
    see_other(&format!("/appointments/{id}"))
}

/// The appointment as an iCalendar file, in the reader's language.
pub async fn ics(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let user = match ctx.require_user() {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let appointment = match svc::get(&state, &user.account, id).await {
        Ok(a) => a,
        Err(e) => return ctx.error(e).into_response(),
    };
    let office = OfficeId::parse(&appointment.office_id)
        .ok()
        .and_then(|id| state.catalog.office(&id));
    let vt = VisitTypeId::parse(&appointment.visit_type_id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id));
    let (Some(office), Some(vt)) = (office, vt) else {
        return ctx.error(AppError::NotFound).into_response();
    };
    let body = mail::ics(&appointment, office, vt, ctx.chosen, state.now());
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"appointment.ics\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}
