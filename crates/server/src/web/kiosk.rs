//! The kiosk at the office entrance (domain.md §2: the client types the appointment's PIN into
//! the queue system) and the link that turns a browser into a kiosk or a call display.
//!
//! The kiosk is a touch screen in a public room: very large type, the five languages on the
//! screen itself (for this screen only, never stored), a digit pad that works by plain form
//! posts (a small script only spares the round trip), and a ticket screen that shows the
//! number and the place in the queue but nothing personal, and goes back to the pad by itself.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use termin_domain::{Language, VisitType};
use termin_store::{Device, DeviceKind};

use super::ctx::{
    CsrfForm, Ctx, KIOSK_JS_HREF, LangLink, Link, Nav, Page, render, see_other, views,
};
use super::views::MessagePage;
use crate::error::AppError;
use crate::i18n;
use crate::services::floor::{self as svc, DEVICE_COOKIE, FloorActor};
use crate::state::AppState;

/// Seconds the ticket stays on the screen before the pad comes back for the next person.
pub const TICKET_SECONDS: i64 = 20;
/// A half-typed PIN or a message left on the screen is cleared after this long.
const IDLE_SECONDS: i64 = 60;
const DIGITS: [&str; 9] = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

/// A device secret is 32 random bytes in base64url: 43 characters (`auth::new_secret`).
fn well_formed_secret(s: &str) -> bool {
    s.len() == 43
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The kiosk or display this browser was registered as, unless revoked.
pub async fn device_of(state: &AppState, jar: &CookieJar) -> Result<Option<Device>, AppError> {
    match jar.get(DEVICE_COOKIE).map(|c| c.value()) {
        Some(secret) if well_formed_secret(secret) => svc::device_by_secret(state, secret).await,
        _ => Ok(None),
    }
}

/// Where a device of this kind does its job.
pub fn home_of(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Kiosk => "/kiosk",
        DeviceKind::Display => "/display",
    }
}

/// The answer to a browser that is not (or no longer) a registered device of this kind.
pub fn not_set_up(ctx: &Ctx, kind: DeviceKind) -> Response {
    let page = ctx.page(&format!("page-{}-setup-title", kind.as_str()), Nav::None);
    let mut view = MessagePage::new(page.clone(), page.title.clone());
    view.paragraphs = vec![
        page.t(&format!("{}-setup-body", kind.as_str())),
        page.t("device-setup-how"),
        page.t("device-setup-staff"),
    ];
    view.links = vec![Link::new("/floor", page.t("nav-floor"))];
    render(StatusCode::FORBIDDEN, &view)
}

// ---------------------------------------------------------------- the device link

/// `/device/{token}`: remembers the device in an HttpOnly cookie for a year and opens its
/// screen. The secret leaves the address bar at once (the redirect), so it is not left on
/// the screen of a public device.
pub async fn device_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Response {
    let token = token.trim();
    let device = if well_formed_secret(token) {
        match svc::device_by_secret(&state, token).await {
            Ok(d) => d,
            Err(e) => return ctx.error(e).into_response(),
        }
    } else {
        None
    };
    let Some(device) = device else {
        let page = ctx.page("page-device-invalid-title", Nav::None);
        let mut view = MessagePage::new(page.clone(), page.title.clone());
        view.paragraphs = vec![page.t("device-invalid-body"), page.t("device-setup-how")];
        return render(StatusCode::NOT_FOUND, &view);
    };
    let cookie = format!(
        "{DEVICE_COOKIE}={token}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{}",
        if ctx.secure { "; Secure" } else { "" }
    );
    let mut response = see_other(home_of(device.kind));
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        headers.append(header::SET_COOKIE, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

// ---------------------------------------------------------------- the pad

/// The kiosk's language: chosen on its screen for the person standing there, else the
/// language the kiosk's browser asks for.
fn kiosk_language(ctx: &Ctx, chosen: &str) -> Language {
    Language::parse(chosen).unwrap_or(ctx.chosen)
}

fn language_buttons(current: Language, path: &str) -> Vec<LangLink> {
    Language::ALL
        .iter()
        .map(|l| LangLink {
            code: l.as_str(),
            name: i18n::t(*l, &format!("lang-name-{}", l.as_str())),
            href: format!("{path}?lang={}", l.as_str()),
            current: *l == current,
        })
        .collect()
}

#[derive(Template)]
#[template(path = "kiosk.html")]
struct PadView {
    page: Page,
    skin: &'static str,
    office: String,
    languages: Vec<LangLink>,
    lang: &'static str,
    pin: String,
    error: String,
    /// Clear the screen after a while: something is left on it for the next person.
    idle_reset: bool,
    idle_seconds: i64,
    digits: [&'static str; 9],
    walk_in_href: String,
    script: &'static str,
}

#[derive(Template)]
#[template(path = "kiosk_ticket.html")]
struct TicketView {
    page: Page,
    skin: &'static str,
    number: String,
    ahead: String,
    seconds: i64,
    closing: String,
}

#[derive(Template)]
#[template(path = "kiosk_walk_in.html")]
struct WalkInView {
    page: Page,
    skin: &'static str,
    office: String,
    languages: Vec<LangLink>,
    lang: &'static str,
    error: String,
    closed: String,
    types: Vec<WalkInChoice>,
    back_href: String,
    idle_seconds: i64,
    script: &'static str,
}

pub struct WalkInChoice {
    pub id: String,
    pub name: String,
}

views!(PadView, TicketView, WalkInView);

/// The kiosk device of this browser, or the answer to give instead.
async fn kiosk_device(state: &AppState, ctx: &Ctx, jar: &CookieJar) -> Result<Device, Response> {
    match device_of(state, jar).await {
        Ok(Some(d)) if d.kind == DeviceKind::Kiosk => Ok(d),
        Ok(Some(d)) => Err(see_other(home_of(d.kind))),
        Ok(None) => Err(not_set_up(ctx, DeviceKind::Kiosk)),
        Err(e) => Err(ctx.error(e).into_response()),
    }
}

fn office_name(state: &AppState, device: &Device) -> String {
    svc::office(state, &device.office_id)
        .map(|o| o.name.clone())
        .unwrap_or_default()
}

fn pad_view(state: &AppState, ctx: &Ctx, device: &Device, pin: &str, error: String) -> PadView {
    let page = ctx.page("page-kiosk-title", Nav::None);
    let lang = ctx.chosen.as_str();
    PadView {
        skin: "kiosk",
        office: office_name(state, device),
        languages: language_buttons(ctx.chosen, "/kiosk"),
        lang,
        idle_reset: !pin.is_empty() || !error.is_empty(),
        idle_seconds: IDLE_SECONDS,
        pin: pin.to_string(),
        error,
        digits: DIGITS,
        walk_in_href: format!("/kiosk/walk-in?lang={lang}"),
        script: KIOSK_JS_HREF.as_str(),
        page,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LangQuery {
    lang: String,
}

pub async fn pad(
    State(state): State<AppState>,
    mut ctx: Ctx,
    jar: CookieJar,
    Query(q): Query<LangQuery>,
) -> Response {
    let device = match kiosk_device(&state, &ctx, &jar).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    ctx.set_language(kiosk_language(&ctx, &q.lang));
    let mut view = pad_view(&state, &ctx, &device, "", String::new());
    // Another language than the kiosk's own was chosen: back to it for the next person.
    view.idle_reset = !q.lang.is_empty();
    render(StatusCode::OK, &view)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PinInput {
    pin: String,
    /// The pad's button: a digit, `del`, or `ok` (also what Enter in the field sends).
    key: String,
    lang: String,
}

fn ticket_page(ctx: &Ctx, number: String, position: u32) -> Response {
    let page = ctx.page("page-kiosk-ticket-title", Nav::None);
    let ahead = page.tn(
        "kiosk-ticket-ahead",
        "count",
        i64::from(position.max(1) - 1),
    );
    let closing = page.tn("kiosk-ticket-closing", "seconds", TICKET_SECONDS);
    render(
        StatusCode::OK,
        &TicketView {
            skin: "kiosk",
            page,
            number,
            ahead,
            seconds: TICKET_SECONDS,
            closing,
        },
    )
}

/// `POST /kiosk/check-in`: a key of the pad (the screen comes back with one digit more or
/// less), or OK: the PIN checks the appointment in and the ticket is shown.
pub async fn check_in(
    State(state): State<AppState>,
    mut ctx: Ctx,
    jar: CookieJar,
    CsrfForm(input): CsrfForm<PinInput>,
) -> Response {
    let device = match kiosk_device(&state, &ctx, &jar).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    ctx.set_language(kiosk_language(&ctx, &input.lang));
    let mut pin: String = input.pin.chars().filter(char::is_ascii_digit).collect();
    match input.key.as_str() {
        "del" => {
            pin.pop();
            return render(
                StatusCode::OK,
                &pad_view(&state, &ctx, &device, &pin, String::new()),
            );
        }
        k if k.len() == 1 && k.bytes().all(|b| b.is_ascii_digit()) => {
            if pin.len() < 4 {
                pin.push_str(k);
            }
            return render(
                StatusCode::OK,
                &pad_view(&state, &ctx, &device, &pin, String::new()),
            );
        }
        _ => {}
    }
    if pin.is_empty() {
        let error = ctx.t("kiosk-error-empty");
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &pad_view(&state, &ctx, &device, &pin, error),
        );
    }
    let office = device.office_id.clone();
    let actor = FloorActor::Device(device.clone());
    match svc::check_in(&state, &office, &pin, &actor).await {
        Ok(done) => {
            // The ticket speaks the language the client chose when booking.
            ctx.set_language(done.language);
            ticket_page(&ctx, done.ticket.number, done.position)
        }
        Err(e @ (AppError::Internal | AppError::Unavailable | AppError::Forbidden)) => {
            ctx.error(e).into_response()
        }
        // The pad starts empty again: the message says what was wrong with the PIN.
        Err(e) => {
            let error = e.message(ctx.lang);
            render(e.status(), &pad_view(&state, &ctx, &device, "", error))
        }
    }
}

// ---------------------------------------------------------------- without an appointment

/// The visit type's name in one language (the kiosk and the console have little room).
pub fn visit_name(lang: Language, vt: &VisitType) -> String {
    if lang == Language::Cs {
        return vt.name_cs.clone();
    }
    let key = format!("visit-type-{}", vt.id.as_str());
    if i18n::has(lang, &key) {
        i18n::t(lang, &key)
    } else {
        vt.name_en.clone()
    }
}

fn walk_in_view(state: &AppState, ctx: &Ctx, device: &Device, error: String) -> WalkInView {
    let page = ctx.page("page-kiosk-walk-in-title", Nav::None);
    let lang = ctx.chosen.as_str();
    let office = svc::office(state, &device.office_id).ok();
    let offered: Vec<&VisitType> = state
        .catalog
        .visit_types
        .iter()
        .filter(|vt| vt.walk_in && office.is_some_and(|o| o.offers(&vt.id)))
        .collect();
    // Closed now (or hours for booked clients only): say so instead of offering buttons.
    let closed = match (office, offered.first()) {
        (Some(o), Some(vt)) => match termin_domain::floor::walk_in_allowed(o, vt, state.now()) {
            Err(
                termin_domain::floor::WalkInRefusal::Closed
                | termin_domain::floor::WalkInRefusal::BookedClientsOnly,
            ) => AppError::WalkInClosed.message(ctx.lang),
            _ => String::new(),
        },
        (_, None) => page.t("kiosk-walk-in-none"),
        _ => String::new(),
    };
    let types = if closed.is_empty() {
        offered
            .iter()
            .map(|vt| WalkInChoice {
                id: vt.id.as_str().to_string(),
                name: visit_name(ctx.lang, vt),
            })
            .collect()
    } else {
        Vec::new()
    };
    WalkInView {
        skin: "kiosk",
        office: office.map(|o| o.name.clone()).unwrap_or_default(),
        languages: language_buttons(ctx.chosen, "/kiosk/walk-in"),
        lang,
        error,
        closed,
        types,
        back_href: format!("/kiosk?lang={lang}"),
        idle_seconds: IDLE_SECONDS,
        script: KIOSK_JS_HREF.as_str(),
        page,
    }
}

pub async fn walk_in_form(
    State(state): State<AppState>,
    mut ctx: Ctx,
    jar: CookieJar,
    Query(q): Query<LangQuery>,
) -> Response {
    let device = match kiosk_device(&state, &ctx, &jar).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    ctx.set_language(kiosk_language(&ctx, &q.lang));
    render(
        StatusCode::OK,
        &walk_in_view(&state, &ctx, &device, String::new()),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct WalkInInput {
    visit_type: String,
    lang: String,
}

/// `POST /kiosk/walk-in`: a ticket without appointment, in the language of the screen.
pub async fn walk_in(
    State(state): State<AppState>,
    mut ctx: Ctx,
    jar: CookieJar,
    CsrfForm(input): CsrfForm<WalkInInput>,
) -> Response {
    let device = match kiosk_device(&state, &ctx, &jar).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    ctx.set_language(kiosk_language(&ctx, &input.lang));
    let office = device.office_id.clone();
    let actor = FloorActor::Device(device.clone());
    match svc::walk_in(&state, &office, &input.visit_type, ctx.chosen, &actor).await {
        Ok((ticket, position)) => ticket_page(&ctx, ticket.number, position),
        Err(e @ (AppError::Internal | AppError::Unavailable | AppError::Forbidden)) => {
            ctx.error(e).into_response()
        }
        Err(e) => {
            let error = e.message(ctx.lang);
            render(e.status(), &walk_in_view(&state, &ctx, &device, error))
        }
    }
}
