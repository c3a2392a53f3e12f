//! The staff console of the office floor (issue 3): today's agenda with names and dates of
//! birth (bookings are binding and non-transferable, domain.md §2, so the clerk checks who
//! came), the waiting queue in call order, the tickets at the counters, the clerk's actions
//! as plain forms (each answered by a redirect back: post/redirect/get), the day's figures,
//! and the kiosks and displays of the office.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use termin_domain::{AppointmentStatus, Language, Office, Transition, VisitTypeId};
use termin_store::{AgendaEntry, DeviceKind, Role, Ticket};

use super::auth_pages::Nothing;
use super::ctx::{
    CsrfForm, Ctx, Errors, FLOOR_JS_HREF, Field, FormView, Link, Nav, Page, SelectOption, enc,
    field_message, render, see_other, views,
};
use super::kiosk::visit_name;
use crate::error::AppError;
use crate::i18n;
use crate::services::floor::{self as svc, FloorActor, Need, NewDevice};
use crate::state::AppState;

/// The counter this browser works at, per office (the cookie's path is the office's console).
const COUNTER_COOKIE: &str = "termin_counter";
/// The console reloads itself this often (with JavaScript, and only while nobody types).
const REFRESH_SECONDS: u32 = 10;

/// The signed-in staff member as a floor actor, or the page to show instead: sign in first,
/// or "you cannot do this" for an applicant.
async fn staff(state: &AppState, ctx: &Ctx) -> Result<FloorActor, Response> {
    let user = ctx.require_user().map_err(IntoResponse::into_response)?;
    if !user.account.role.is_staff() {
        return Err(ctx.error(AppError::Forbidden).into_response());
    }
    svc::staff_actor(state, user.account.clone())
        .await
        .map_err(|e| ctx.error(e).into_response())
}

/// The office, if this staff member works there.
#[allow(clippy::result_large_err)]
fn office_for<'a>(
    state: &'a AppState,
    ctx: &Ctx,
    actor: &FloorActor,
    id: &str,
) -> Result<&'a Office, Response> {
    let office = svc::office(state, id).map_err(|e| ctx.error(e).into_response())?;
    actor
        .may(office.id.as_str(), Need::Clerk)
        .map_err(|e| ctx.error(e).into_response())?;
    Ok(office)
}

fn counter_of(jar: &CookieJar) -> Option<String> {
    let raw = jar.get(COUNTER_COOKIE)?.value();
    let bytes = URL_SAFE_NO_PAD.decode(raw).ok()?;
    svc::parse_counter(&String::from_utf8(bytes).ok()?).ok()
}

/// "Přepážka 3" typed where "3" is asked for: the display and the console already say
/// "counter", so the word is dropped (in any of our languages) rather than shown twice.
fn without_counter_word(input: &str) -> &str {
    let input = input.trim();
    for lang in Language::ALL {
        let word = i18n::t(lang, "display-counter").to_lowercase();
        let n = word.chars().count();
        let head: String = input.chars().take(n).collect::<String>().to_lowercase();
        if head == word {
            let rest = input[input.char_indices().nth(n).map_or(input.len(), |(i, _)| i)..]
                .trim_start_matches([' ', ':', '.', '\u{a0}']);
            if !rest.is_empty() && rest.len() < input.len() {
                return rest;
            }
        }
    }
    input
}

fn console_href(office: &str) -> String {
    format!("/floor/{office}")
}

// ---------------------------------------------------------------- my offices

#[derive(Template)]
#[template(path = "floor_offices.html")]
struct OfficesView {
    page: Page,
    offices: Vec<Link>,
}

views!(OfficesView);

pub async fn offices(State(state): State<AppState>, ctx: Ctx) -> Response {
    let actor = match staff(&state, &ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let FloorActor::Staff { account, offices } = &actor else {
        return ctx.error(AppError::Forbidden).into_response();
    };
    let admin = account.role == Role::Admin;
    let page = ctx.page("page-floor-offices-title", Nav::Floor);
    let offices = state
        .catalog
        .offices
        .iter()
        .filter(|o| {
            if admin {
                o.is_bookable()
            } else {
                offices.iter().any(|id| id == o.id.as_str())
            }
        })
        .map(|o| Link::new(console_href(o.id.as_str()), o.name.clone()))
        .collect();
    render(StatusCode::OK, &OfficesView { page, offices })
}

// ---------------------------------------------------------------- the console

pub struct CalledRow {
    pub ticket: String,
    pub counter: String,
    pub mine: bool,
    pub person: String,
    pub visit: String,
    pub since: String,
    /// `/floor/{office}/tickets/{ticket}`: the actions are below it.
    pub action: String,
}

pub struct WaitingRow {
    pub place: usize,
    pub ticket: String,
    pub visit: String,
    pub booked: String,
    pub since: String,
}

pub struct AgendaRow {
    pub time: String,
    pub visit: String,
    pub person: String,
    pub born: String,
    pub status: String,
    pub status_class: &'static str,
    pub ticket: String,
}

pub struct Stat {
    pub label: String,
    pub value: String,
    /// Nothing measured yet: the value is words, shown smaller than a number.
    pub none: bool,
}

impl Stat {
    fn count(label: String, n: u32) -> Stat {
        Stat {
            label,
            value: n.to_string(),
            none: false,
        }
    }

    fn minutes(page: &Page, label: String, seconds: Option<i64>) -> Stat {
        Stat {
            label,
            value: minutes(page, seconds),
            none: seconds.is_none(),
        }
    }
}

#[derive(Template)]
#[template(path = "floor.html")]
struct ConsoleView {
    page: Page,
    office: String,
    base: String,
    errors: Errors,
    notice: String,
    counter: String,
    /// Choosing the counter.
    form: FormView,
    called: Vec<CalledRow>,
    waiting: Vec<WaitingRow>,
    waiting_heading: String,
    agenda: Vec<AgendaRow>,
    stats: Vec<Stat>,
    refresh: u32,
    script: &'static str,
}

views!(ConsoleView);

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConsoleQuery {
    done: String,
    ticket: String,
    counter: String,
}

fn visit_of(state: &AppState, page: &Page, id: &str) -> String {
    VisitTypeId::parse(id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id))
        .map(|vt| visit_name(page.lang, vt))
        .unwrap_or_else(|| id.to_string())
}

fn status_class(status: AppointmentStatus) -> &'static str {
    match status {
        AppointmentStatus::Booked | AppointmentStatus::CheckedIn | AppointmentStatus::Called => {
            "tag-active"
        }
        AppointmentStatus::Served => "tag-done",
        AppointmentStatus::Cancelled => "tag-cancelled",
        AppointmentStatus::NoShow => "tag-missed",
    }
}

/// "5 min": an average of seconds in whole minutes, or a word when nothing was measured.
fn minutes(page: &Page, seconds: Option<i64>) -> String {
    match seconds {
        Some(s) => page.tn("floor-minutes", "minutes", (s + 30) / 60),
        None => page.t("floor-stat-none"),
    }
}

/// A ticket number as shown back in a notice: only what ticket numbers are made of.
fn ticket_like(s: &str) -> bool {
    !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn notice_for(page: &Page, q: &ConsoleQuery, my_counter: &str) -> String {
    let ticket = FluentValue::from(q.ticket.clone());
    // The counter the action sent the ticket to, as the redirect carries it.
    let counter = svc::parse_counter(&q.counter).unwrap_or_default();
    match q.done.as_str() {
        "nobody" => page.t("floor-done-nobody"),
        "counter" if !my_counter.is_empty() => page.ts("floor-done-counter", "counter", my_counter),
        "called" | "recall" | "transfer" if ticket_like(&q.ticket) && !counter.is_empty() => page
            .targs(
                &format!("floor-done-{}", q.done),
                &[("ticket", ticket), ("counter", counter.into())],
            ),
        "serve" | "no-show" | "send-back" if ticket_like(&q.ticket) => {
            page.ts(&format!("floor-done-{}", q.done), "ticket", &q.ticket)
        }
        _ => String::new(),
    }
}

/// Where an action returns to: the console with a notice of what happened to the ticket.
fn done_href(office: &str, action: &str, ticket: &Ticket) -> String {
    let mut to = format!(
        "{}?done={action}&ticket={}",
        console_href(office),
        enc(&ticket.number)
    );
    if let Some(c) = &ticket.counter {
        to.push_str(&format!("&counter={}", enc(c)));
    }
    to
}

fn agenda_person<'a>(agenda: &'a [AgendaEntry], ticket: &Ticket) -> Option<&'a AgendaEntry> {
    let id = ticket.appointment_id?;
    agenda.iter().find(|e| e.appointment.id == id)
}

#[allow(clippy::too_many_arguments)]
async fn console_page(
    state: &AppState,
    ctx: &Ctx,
    office_id: &str,
    jar: &CookieJar,
    query: &ConsoleQuery,
    counter_input: Option<&str>,
    errors: Errors,
    status: StatusCode,
) -> Response {
    let actor = match staff(state, ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let office = match office_for(state, ctx, &actor, office_id) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let id = office.id.as_str();
    let loaded = async {
        let (waiting, called) = svc::queue(state, id, &actor).await?;
        let agenda = svc::agenda(state, id, &actor).await?;
        let stats = svc::stats(state, id, &actor).await?;
        Ok::<_, AppError>((waiting, called, agenda, stats))
    }
    .await;
    let (waiting, called, agenda, stats) = match loaded {
        Ok(l) => l,
        Err(e) => return ctx.error(e).into_response(),
    };
    let mut page = ctx.page_titled(
        i18n::t_args(
            ctx.lang,
            "page-floor-title",
            &[("office", office.name.clone().into())],
        ),
        Nav::Floor,
    );
    page.has_errors = !errors.is_empty();
    let counter = counter_of(jar).unwrap_or_default();
    let base = console_href(id);
    let born = |e: &AgendaEntry| {
        page.ts(
            "floor-born",
            "date",
            &i18n::short_date(page.lang, e.person_date_of_birth),
        )
    };

    let mut called_rows: Vec<CalledRow> = called
        .iter()
        .map(|t| {
            let person = agenda_person(&agenda, t)
                .map(|e| format!("{}, {}", e.person_name, born(e)))
                .unwrap_or_else(|| page.t("floor-walk-in"));
            let counter_of_ticket = t.counter.clone().unwrap_or_default();
            CalledRow {
                mine: !counter.is_empty() && counter_of_ticket == counter,
                ticket: t.number.clone(),
                counter: counter_of_ticket,
                person,
                visit: visit_of(state, &page, &t.visit_type_id),
                since: t.called_at.map(i18n::time_of).unwrap_or_default(),
                action: format!("{base}/tickets/{}", t.number),
            }
        })
        .collect();
    // My counter first: that is the client in front of me.
    called_rows.sort_by_key(|r| !r.mine);

    let waiting_rows = waiting
        .iter()
        .enumerate()
        .map(|(i, t)| WaitingRow {
            place: i + 1,
            ticket: t.number.clone(),
            visit: visit_of(state, &page, &t.visit_type_id),
            booked: match agenda_person(&agenda, t) {
                Some(e) => page.ts(
                    "floor-booked-at",
                    "time",
                    &i18n::time_of(e.appointment.start),
                ),
                None => page.t("floor-walk-in"),
            },
            since: i18n::time_of(t.checked_in_at),
        })
        .collect::<Vec<_>>();
    let waiting_heading = page.tn("floor-waiting-title", "count", waiting_rows.len() as i64);

    let agenda_rows = agenda
        .iter()
        .map(|e| AgendaRow {
            time: i18n::time_of(e.appointment.start),
            visit: visit_of(state, &page, &e.appointment.visit_type_id),
            person: e.person_name.clone(),
            born: i18n::short_date(page.lang, e.person_date_of_birth),
            status: page.t(&format!("appt-status-{}", e.appointment.status.as_str())),
            status_class: status_class(e.appointment.status),
            ticket: e.ticket.clone().unwrap_or_default(),
        })
        .collect();

    let stats = vec![
        Stat::count(page.t("floor-stat-checked-in"), stats.checked_in),
        Stat::count(page.t("floor-stat-waiting"), stats.waiting),
        Stat::count(page.t("floor-stat-served"), stats.served),
        Stat::minutes(&page, page.t("floor-stat-wait"), stats.average_wait_seconds),
        Stat::minutes(
            &page,
            page.t("floor-stat-service"),
            stats.average_service_seconds,
        ),
        Stat::count(page.t("floor-stat-no-shows"), stats.no_shows),
    ];

    let counter_form = FormView::new(format!("{base}/counter"), page.t("floor-counter-submit"))
        .field(
            Field::new("counter", "text", page.t("floor-counter-label"))
                .hint(page.t("floor-counter-hint"))
                .value(counter_input.unwrap_or(&counter))
                .error_from(&errors),
        );
    let notice = notice_for(&page, query, &counter);
    render(
        status,
        &ConsoleView {
            office: office.name.clone(),
            base,
            errors,
            notice,
            counter,
            form: counter_form,
            called: called_rows,
            waiting: waiting_rows,
            waiting_heading,
            agenda: agenda_rows,
            stats,
            refresh: REFRESH_SECONDS,
            script: FLOOR_JS_HREF.as_str(),
            page,
        },
    )
}

pub async fn console(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Path(office): Path<String>,
    Query(q): Query<ConsoleQuery>,
) -> Response {
    console_page(
        &state,
        &ctx,
        &office,
        &jar,
        &q,
        None,
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

/// The console again with the message of a refused action at the top.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    office: &str,
    jar: &CookieJar,
    error: AppError,
) -> Response {
    let status = error.status();
    let mut errors = Errors::default();
    match error {
        AppError::InvalidInput(fields) => {
            for (field, key) in fields {
                errors.add(field, field_message(ctx, key));
            }
        }
        e @ (AppError::Forbidden
        | AppError::Unauthenticated
        | AppError::Internal
        | AppError::Unavailable) => return ctx.error(e).into_response(),
        e => errors.general(e.message(ctx.lang)),
    }
    console_page(
        state,
        ctx,
        office,
        jar,
        &ConsoleQuery::default(),
        None,
        errors,
        status,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CounterInput {
    counter: String,
}

/// `POST /floor/{office}/counter`: this browser works at this counter from now on.
pub async fn set_counter(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Path(office_id): Path<String>,
    CsrfForm(input): CsrfForm<CounterInput>,
) -> Response {
    let actor = match staff(&state, &ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let office = match office_for(&state, &ctx, &actor, &office_id) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let base = console_href(office.id.as_str());
    match svc::parse_counter(without_counter_word(&input.counter)) {
        Ok(counter) => {
            let cookie = format!(
                "{COUNTER_COOKIE}={}; Path={base}; Max-Age=31536000; HttpOnly; SameSite=Lax{}",
                URL_SAFE_NO_PAD.encode(counter.as_bytes()),
                if ctx.secure { "; Secure" } else { "" }
            );
            let mut response = see_other(&format!("{base}?done=counter"));
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, v);
            }
            response
        }
        Err(_) => {
            let mut errors = Errors::default();
            errors.add("counter", ctx.t("field-counter-invalid"));
            console_page(
                &state,
                &ctx,
                &office_id,
                &jar,
                &ConsoleQuery::default(),
                Some(&input.counter),
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /floor/{office}/call-next`: the next client to my counter.
pub async fn call_next(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Path(office): Path<String>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Response {
    let actor = match staff(&state, &ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Some(counter) = counter_of(&jar) else {
        let mut errors = Errors::default();
        errors.add("counter", ctx.t("floor-error-no-counter"));
        return console_page(
            &state,
            &ctx,
            &office,
            &jar,
            &ConsoleQuery::default(),
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    match svc::call_next(&state, &office, &counter, &actor).await {
        Ok(Some(t)) => see_other(&done_href(&office, "called", &t)),
        Ok(None) => see_other(&format!("{}?done=nobody", console_href(&office))),
        Err(e) => refused(&state, &ctx, &office, &jar, e).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ActInput {
    counter: String,
}

/// `POST /floor/{office}/tickets/{ticket}/{action}`: recall, serve, no-show, send back to
/// the queue, or transfer to another counter.
pub async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Path((office, ticket, action)): Path<(String, String, String)>,
    CsrfForm(input): CsrfForm<ActInput>,
) -> Response {
    let actor = match staff(&state, &ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let transition = match action.as_str() {
        "recall" => Transition::Recall,
        "serve" => Transition::Serve,
        "no-show" => Transition::MarkNoShow,
        "send-back" => Transition::SendBack,
        "transfer" => Transition::Transfer,
        _ => return ctx.not_found().into_response(),
    };
    let counter =
        (transition == Transition::Transfer).then_some(without_counter_word(&input.counter));
    match svc::act(&state, &office, &ticket, transition, counter, &actor).await {
        Ok(t) => see_other(&done_href(&office, &action, &t)),
        Err(AppError::InvalidInput(_)) => {
            let mut errors = Errors::default();
            errors.add(
                &format!("transfer-{ticket}"),
                ctx.t("field-counter-invalid"),
            );
            console_page(
                &state,
                &ctx,
                &office,
                &jar,
                &ConsoleQuery::default(),
                None,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => refused(&state, &ctx, &office, &jar, e).await,
    }
}

// ---------------------------------------------------------------- kiosks and displays

pub struct DeviceRow {
    pub name: String,
    pub kind: String,
    pub created: String,
    pub active: bool,
    pub revoke: String,
}

pub struct Created {
    pub name: String,
    pub link: String,
    pub open_on: String,
}

#[derive(Template)]
#[template(path = "floor_devices.html")]
struct DevicesView {
    page: Page,
    office: String,
    back: String,
    errors: Errors,
    notice: String,
    created: Option<Created>,
    form: FormView,
    devices: Vec<DeviceRow>,
}

views!(DevicesView);

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DeviceInput {
    name: String,
    kind: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct DevicesQuery {
    revoked: Option<String>,
}

async fn devices_page(
    state: &AppState,
    ctx: &Ctx,
    office_id: &str,
    input: &DeviceInput,
    errors: Errors,
    created: Option<NewDevice>,
    revoked: bool,
) -> Response {
    let actor = match staff(state, ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let office = match office_for(state, ctx, &actor, office_id) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let id = office.id.as_str();
    let list = match svc::devices(state, id, &actor).await {
        Ok(l) => l,
        Err(e) => return ctx.error(e).into_response(),
    };
    let mut page = ctx.page_titled(
        i18n::t_args(
            ctx.lang,
            "page-floor-devices-title",
            &[("office", office.name.clone().into())],
        ),
        Nav::Floor,
    );
    page.has_errors = !errors.is_empty();
    let base = console_href(id);
    let kind_label = |k: DeviceKind| page.t(&format!("floor-device-kind-{}", k.as_str()));
    let devices = list
        .iter()
        .map(|d| DeviceRow {
            name: d.name.clone(),
            kind: kind_label(d.kind),
            created: i18n::date_time(page.lang, d.created_at),
            active: !d.revoked,
            revoke: format!("{base}/devices/{}/revoke", d.id),
        })
        .collect();
    let created = created.map(|c| Created {
        name: c.device.name.clone(),
        link: format!("{}/device/{}", state.config.base_url(), c.token),
        open_on: page.t(&format!("floor-device-open-{}", c.device.kind.as_str())),
    });
    let chosen = DeviceKind::parse(&input.kind).unwrap_or(DeviceKind::Kiosk);
    let kinds = [DeviceKind::Kiosk, DeviceKind::Display]
        .into_iter()
        .map(|k| SelectOption {
            value: k.as_str().to_string(),
            label: kind_label(k),
            selected: k == chosen,
        })
        .collect();
    // After a registration the form starts empty again for the next device.
    let name = if created.is_some() { "" } else { &input.name };
    let form = FormView::new(format!("{base}/devices"), page.t("floor-device-submit"))
        .field(
            Field::new("name", "text", page.t("floor-device-name-label"))
                .hint(page.t("floor-device-name-hint"))
                .value(name)
                .error_from(&errors),
        )
        .field(
            Field::new("kind", "select", page.t("floor-device-kind-label"))
                .options(kinds)
                .error_from(&errors),
        );
    let notice = if revoked {
        page.t("floor-device-revoked")
    } else {
        String::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        status,
        &DevicesView {
            office: office.name.clone(),
            back: base,
            errors,
            notice,
            created,
            form,
            devices,
            page,
        },
    )
}

pub async fn devices(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(office): Path<String>,
    Query(q): Query<DevicesQuery>,
) -> Response {
    devices_page(
        &state,
        &ctx,
        &office,
        &DeviceInput::default(),
        Errors::default(),
        None,
        q.revoked.is_some(),
    )
    .await
}

/// `POST /floor/{office}/devices`: the new device's secret link is shown on this answer
/// only (never in an address, never again).
pub async fn register_device(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(office): Path<String>,
    CsrfForm(input): CsrfForm<DeviceInput>,
) -> Response {
    let actor = match staff(&state, &ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let mut errors = Errors::default();
    let Some(kind) = DeviceKind::parse(input.kind.trim()) else {
        errors.add("kind", ctx.t("field-device-kind-invalid"));
        return devices_page(&state, &ctx, &office, &input, errors, None, false).await;
    };
    match svc::register_device(&state, &office, kind, &input.name, &actor).await {
        Ok(created) => {
            devices_page(&state, &ctx, &office, &input, errors, Some(created), false).await
        }
        Err(AppError::InvalidInput(fields)) => {
            for (field, key) in fields {
                errors.add(field, field_message(&ctx, key));
            }
            devices_page(&state, &ctx, &office, &input, errors, None, false).await
        }
        Err(e) => ctx.error(e).into_response(),
    }
}

pub async fn revoke_device(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((office, id)): Path<(String, i64)>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Response {
    let actor = match staff(&state, &ctx).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    match svc::revoke_device(&state, &office, id, &actor).await {
        Ok(()) => see_other(&format!("{}/devices?revoked=1", console_href(&office))),
        Err(e) => ctx.error(e).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_counter_is_not_kept_in_a_counter_name() {
        assert_eq!(without_counter_word("Přepážka 12"), "12");
        assert_eq!(without_counter_word("  counter: 3 "), "3");
        assert_eq!(without_counter_word("PŘEPÁŽKA 4a"), "4a");
        assert_eq!(without_counter_word("Přepážka"), "Přepážka");
        assert_eq!(without_counter_word("12"), "12");
        assert_eq!(without_counter_word("Okno 2"), "Okno 2");
    }

    #[test]
    fn only_ticket_numbers_are_echoed_in_notices() {
        assert!(ticket_like("B-042"));
        assert!(!ticket_like(""));
        assert!(!ticket_like("<script>"));
        assert!(!ticket_like("B-0421234567890"));
    }
}
