//! Server-rendered pages: the main face of Termín. They work without JavaScript, follow the
//! GOV.UK Design System patterns (one question per page in the booking flow, an error summary
//! linking to each field) and call the same services as the JSON API.
//!
//! Every text comes from Fluent (`locales/*/pages.ftl` and `main.ftl`); templates hold markup
//! only. Every POST form carries a double-submit CSRF token (see [`ctx::CsrfForm`]) beside the
//! global Origin / Sec-Fetch-Site check of `security.rs`.

mod account;
mod appointments;
mod auth_pages;
mod booking;
mod common;
pub(crate) mod ctx;
mod display;
mod floor;
mod guide;
mod home;
mod kiosk;
mod offices;
#[cfg(test)]
mod tests;
mod views;
mod waitlist;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use termin_domain::Language;

use crate::services::accounts as svc;
use crate::state::AppState;
use ctx::{Ctx, LANG_COOKIE, local_path, see_other};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/static/app.css", get(css))
        .route("/static/favicon.svg", get(favicon))
        .route("/static/bio.svg", get(bio_icon))
        .route("/static/display.js", get(display_js))
        .route("/static/kiosk.js", get(kiosk_js))
        .route("/static/floor.js", get(floor_js))
        .route("/static/guide.js", get(guide_js))
        .route("/favicon.ico", get(favicon))
        .route("/language/{code}", get(switch_language))
        .route("/offices", get(offices::list))
        .route("/offices/{id}", get(offices::detail))
        .route(
            "/register",
            get(auth_pages::register_form).post(auth_pages::register),
        )
        .route("/register/check-email", get(auth_pages::register_done))
        .route(
            "/verify-email",
            get(auth_pages::verify_form).post(auth_pages::verify),
        )
        .route(
            "/login",
            get(auth_pages::login_form).post(auth_pages::login),
        )
        // Reached by GET only when a sign-in interrupted a POST: go somewhere sensible.
        .route(
            "/logout",
            get(|| async { see_other("/") }).post(auth_pages::logout),
        )
        .route(
            "/forgot-password",
            get(auth_pages::forgot_form).post(auth_pages::forgot),
        )
        .route(
            "/reset-password",
            get(auth_pages::reset_form).post(auth_pages::reset),
        )
        // Guidance: what to do after an event, Schengen 90/180, what to bring (no account).
        .route("/guide", get(guide::event))
        .route("/guide/date", get(guide::date))
        .route("/guide/result", get(guide::result))
        .route("/guide/calendar.ics", get(guide::calendar))
        .route("/guide/schengen", get(guide::schengen))
        .route("/guide/checklist", get(guide::checklist))
        .route("/book", get(booking::visit_type))
        .route("/book/office", get(booking::office))
        .route("/book/day", get(booking::day))
        .route("/book/time", get(booking::time))
        .route("/book/person", get(booking::person))
        .route(
            "/book/confirm",
            get(booking::confirm_form).post(booking::confirm),
        )
        .route("/appointments", get(appointments::list))
        .route("/appointments/{id}", get(appointments::detail))
        .route(
            "/appointments/{id}/cancel",
            get(appointments::cancel_get).post(appointments::cancel),
        )
        .route("/appointments/{id}/calendar.ics", get(appointments::ics))
        // The waitlist: requests for a place when none is free, and the offers of freed ones.
        .route("/waitlist", get(waitlist::list).post(waitlist::file))
        .route("/waitlist/new", get(waitlist::new_form))
        .route(
            "/waitlist/{id}/withdraw",
            get(waitlist::back_to_list).post(waitlist::withdraw),
        )
        .route(
            "/offers/{id}/accept",
            get(waitlist::back_to_list).post(waitlist::accept),
        )
        .route(
            "/offers/{id}/decline",
            get(waitlist::back_to_list).post(waitlist::decline),
        )
        .route("/account", get(account::standing))
        .route(
            "/account/children",
            get(account::children).post(account::add_child),
        )
        .route(
            "/account/verify-email/resend",
            get(account::resend_get).post(account::resend_verification),
        )
        // The office floor: devices, kiosk, call display, staff console.
        .route("/device/{token}", get(kiosk::device_link))
        .route("/kiosk", get(kiosk::pad))
        .route(
            "/kiosk/check-in",
            get(|| async { see_other("/kiosk") }).post(kiosk::check_in),
        )
        .route(
            "/kiosk/walk-in",
            get(kiosk::walk_in_form).post(kiosk::walk_in),
        )
        .route("/display", get(display::display))
        .route("/floor", get(floor::offices))
        .route("/floor/{office}", get(floor::console))
        .route("/floor/{office}/counter", post(floor::set_counter))
        .route("/floor/{office}/call-next", post(floor::call_next))
        .route(
            "/floor/{office}/tickets/{ticket}/{action}",
            post(floor::act),
        )
        .route(
            "/floor/{office}/devices",
            get(floor::devices).post(floor::register_device),
        )
        .route(
            "/floor/{office}/devices/{id}/revoke",
            post(floor::revoke_device),
        )
        .fallback(ctx::fallback)
}

fn asset(content_type: &'static str, cache: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response()
}

/// The stylesheet; its link carries a content hash, so it may be cached for a year.
async fn css() -> Response {
    asset(
        "text/css; charset=utf-8",
        "public, max-age=31536000, immutable",
        ctx::CSS,
    )
}

async fn favicon() -> Response {
    asset("image/svg+xml", "public, max-age=86400", ctx::FAVICON)
}

async fn bio_icon() -> Response {
    asset("image/svg+xml", "public, max-age=86400", ctx::BIO_ICON)
}

/// The scripts' links carry a content hash too.
const SCRIPT: &str = "text/javascript; charset=utf-8";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

async fn display_js() -> Response {
    asset(SCRIPT, IMMUTABLE, ctx::DISPLAY_JS)
}

async fn kiosk_js() -> Response {
    asset(SCRIPT, IMMUTABLE, ctx::KIOSK_JS)
}

async fn floor_js() -> Response {
    asset(SCRIPT, IMMUTABLE, ctx::FLOOR_JS)
}

async fn guide_js() -> Response {
    asset(SCRIPT, IMMUTABLE, ctx::GUIDE_JS)
}

#[derive(Deserialize)]
struct Back {
    back: Option<String>,
}

/// The language switch: remembers the choice in a cookie (and in the account when signed
/// in), then returns to the page the reader was on.
async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
    Query(back): Query<Back>,
) -> Response {
    let Ok(lang) = Language::parse(&code) else {
        return ctx.not_found().into_response();
    };
    // A link from another site only changes this browser's cookie, never the account.
    if let (Some(user), false) = (&ctx.user, ctx.cross_site)
        && let Err(e) = svc::set_language(&state, &user.account, lang).await
    {
        tracing::warn!(error = %e, "could not store the account language");
    }
    // A year: the choice of language is not personal data worth expiring sooner.
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{}",
        lang.as_str(),
        if ctx.secure { "; Secure" } else { "" }
    );
    let target = local_path(back.back.as_deref()).unwrap_or_else(|| "/".to_string());
    let mut response = see_other(&target);
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}
