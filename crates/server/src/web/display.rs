//! The call display of the waiting room: ticket numbers and counters, never a name (issue 3).
//! The page works alone by refreshing itself; `static/display.js` turns it live through the
//! Server-Sent Events of `GET /api/v1/offices/{id}/display/events`.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use termin_store::{DeviceKind, FloorEvent};

use super::ctx::{Ctx, DISPLAY_JS_HREF, Nav, Page, render, see_other, views};
use super::kiosk::{device_of, home_of, not_set_up};
use crate::services::floor::{self as svc, FloorActor};
use crate::state::AppState;

/// Without JavaScript the page reloads itself this often.
const REFRESH_SECONDS: u32 = 5;

pub struct Call {
    pub ticket: String,
    pub counter: String,
}

#[derive(Template)]
#[template(path = "display.html")]
struct DisplayView {
    page: Page,
    skin: &'static str,
    office: String,
    now: Option<Call>,
    earlier: Vec<Call>,
    /// The number of earlier calls the list keeps (the script trims to it).
    keep: usize,
    last_id: i64,
    events: String,
    refresh: u32,
    script: &'static str,
}

views!(DisplayView);

/// The latest call of each ticket, newest first: a recall or a transfer moves the ticket to
/// the top instead of listing it twice.
fn latest_per_ticket(events: &[FloorEvent]) -> Vec<Call> {
    let mut calls: Vec<Call> = Vec::new();
    for e in events {
        if calls.iter().any(|c| c.ticket == e.ticket) {
            continue;
        }
        calls.push(Call {
            ticket: e.ticket.clone(),
            counter: e.counter.clone().unwrap_or_default(),
        });
    }
    calls
}

pub async fn display(State(state): State<AppState>, ctx: Ctx, jar: CookieJar) -> Response {
    let device = match device_of(&state, &jar).await {
        Ok(Some(d)) if d.kind == DeviceKind::Display => d,
        Ok(Some(d)) => return see_other(home_of(d.kind)),
        Ok(None) => return not_set_up(&ctx, DeviceKind::Display),
        Err(e) => return ctx.error(e).into_response(),
    };
    let office = device.office_id.clone();
    let events = match svc::recent_calls(&state, &office, &FloorActor::Device(device)).await {
        Ok(e) => e,
        Err(e) => return ctx.error(e).into_response(),
    };
    let last_id = events.iter().map(|e| e.id).max().unwrap_or(0);
    let mut calls = latest_per_ticket(&events).into_iter();
    let now = calls.next();
    let keep = (state.config.floor.display_calls as usize).saturating_sub(1);
    let earlier = calls.take(keep).collect();
    let page = ctx.page("page-display-title", Nav::None);
    render(
        StatusCode::OK,
        &DisplayView {
            skin: "display",
            office: svc::office(&state, &office)
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            now,
            earlier,
            keep,
            last_id,
            events: format!("/api/v1/offices/{office}/display/events"),
            refresh: REFRESH_SECONDS,
            script: DISPLAY_JS_HREF.as_str(),
            page,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(id: i64, ticket: &str, counter: &str) -> FloorEvent {
        FloorEvent {
            id,
            office_id: "praha-2".into(),
            kind: "call".into(),
            ticket: ticket.into(),
            counter: Some(counter.into()),
            at: jiff::Timestamp::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_recalled_or_transferred_ticket_is_listed_once_with_its_latest_counter() {
        let events = [
            event(4, "B-001", "2"),
            event(3, "B-002", "1"),
            event(1, "B-001", "1"),
        ];
        let calls = latest_per_ticket(&events);
        let shown: Vec<_> = calls
            .iter()
            .map(|c| (c.ticket.as_str(), c.counter.as_str()))
            .collect();
        assert_eq!(shown, [("B-001", "2"), ("B-002", "1")]);
    }
}
