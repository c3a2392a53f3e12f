//! The office directory (domain.md §3): every office, bookable or not, with its hours.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use jiff::civil::Time;
use termin_domain::{Office, OfficeId};

use super::ctx::{Ctx, Nav, Page, ok, views};
use crate::mail::visit_type_name;
use crate::state::AppState;

/// One weekday's opening hours as a line of text.
pub struct DayHours {
    pub day: String,
    pub times: String,
    /// "closed 12:00–12:30" when the day has a break, else "".
    pub breaks: String,
    /// "booked clients only" on a Friday so marked, else "".
    pub note: String,
}

/// An office as the pages show it.
pub struct OfficeView {
    pub id: String,
    pub href: String,
    pub name: String,
    pub region: String,
    pub address: String,
    pub address_unconfirmed: bool,
    /// Each phone number as shown and as a `tel:` link.
    pub phones: Vec<(String, String)>,
    pub bio: bool,
    pub regional: bool,
    pub bookable: bool,
    pub hours: Vec<DayHours>,
    /// Days with the same hours on one line: "Monday, Wednesday: 08:00–17:00".
    pub hours_compact: Vec<String>,
    pub friday_booked_only: bool,
    pub permanent_residence_only: bool,
    pub visit_types: Vec<String>,
}

fn hhmm(t: Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `974 847 711` → `tel:+420974847711` (Czech numbers have nine digits).
fn tel(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 9 {
        format!("tel:+420{digits}")
    } else {
        format!("tel:{digits}")
    }
}

pub fn office_view(page: &Page, office: &Office, state: &AppState) -> OfficeView {
    let hours: Vec<DayHours> = office
        .hours
        .as_ref()
        .map(|week| {
            week.days()
                .iter()
                .map(|(day, intervals)| {
                    let n = day.to_monday_one_offset();
                    let times = if intervals.is_empty() {
                        page.t("office-closed")
                    } else {
                        intervals
                            .iter()
                            .map(|i| format!("{}–{}", hhmm(i.start), hhmm(i.end)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    let breaks = intervals
                        .windows(2)
                        .map(|w| {
                            page.targs(
                                "office-break",
                                &[
                                    ("from", hhmm(w[0].end).into()),
                                    ("to", hhmm(w[1].start).into()),
                                ],
                            )
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    let note = if n == 5 && office.friday_booked_only && !intervals.is_empty() {
                        page.t("office-friday-booked-only-short")
                    } else {
                        String::new()
                    };
                    DayHours {
                        day: page.t(&format!("weekday-{n}")),
                        times,
                        breaks,
                        note,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let mut groups: Vec<(Vec<String>, String)> = Vec::new();
    for d in &hours {
        let mut text = d.times.clone();
        if !d.breaks.is_empty() {
            text.push_str(&format!(" ({})", d.breaks));
        }
        if !d.note.is_empty() {
            text.push_str(&format!(" – {}", d.note));
        }
        match groups.iter_mut().find(|(_, t)| *t == text) {
            Some((days, _)) => days.push(d.day.clone()),
            None => groups.push((vec![d.day.clone()], text)),
        }
    }
    let hours_compact = groups
        .into_iter()
        .map(|(days, text)| format!("{}: {text}", days.join(", ")))
        .collect();
    OfficeView {
        id: office.id.as_str().to_string(),
        href: format!("/offices/{}", office.id.as_str()),
        name: office.name.clone(),
        region: office.region.clone(),
        address: if office.address_confirmed {
            office.address.clone()
        } else {
            String::new()
        },
        address_unconfirmed: !office.address_confirmed || office.address.trim().is_empty(),
        phones: office.phones.iter().map(|p| (p.clone(), tel(p))).collect(),
        bio: office.bio,
        regional: office.regional,
        bookable: office.is_bookable(),
        hours,
        hours_compact,
        friday_booked_only: office.friday_booked_only,
        permanent_residence_only: office.permanent_residence_only,
        visit_types: office
            .visit_types
            .iter()
            .filter_map(|id| state.catalog.visit_type(id))
            .map(|vt| visit_type_name(page.lang, vt))
            .collect(),
    }
}

pub struct Region {
    pub anchor: String,
    pub name: String,
    pub offices: Vec<OfficeView>,
}

#[derive(Template)]
#[template(path = "offices.html")]
struct ListView {
    page: Page,
    regions: Vec<Region>,
    /// Hours as compact lines on the list; a full table on an office's own page.
    compact: bool,
}

#[derive(Template)]
#[template(path = "office.html")]
struct DetailView {
    page: Page,
    office: OfficeView,
    compact: bool,
}

views!(ListView, DetailView);

/// `/offices`: grouped by region in the order of the data (Prague first).
pub async fn list(State(state): State<AppState>, ctx: Ctx) -> Response {
    let page = ctx.page("page-offices-title", Nav::Offices);
    let mut regions: Vec<Region> = Vec::new();
    for office in &state.catalog.offices {
        let view = office_view(&page, office, &state);
        match regions.iter_mut().find(|r| r.name == office.region) {
            Some(region) => region.offices.push(view),
            None => regions.push(Region {
                anchor: format!("region-{}", regions.len() + 1),
                name: office.region.clone(),
                offices: vec![view],
            }),
        }
    }
    ok(&ListView {
        page,
        regions,
        compact: true,
    })
}

/// `/offices/{id}`.
pub async fn detail(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Response {
    let Some(office) = OfficeId::parse(&id)
        .ok()
        .and_then(|id| state.catalog.office(&id))
    else {
        return ctx.not_found().into_response();
    };
    let page = ctx.page_titled(office.name.clone(), Nav::Offices);
    let office = office_view(&page, office, &state);
    ok(&DetailView {
        page,
        office,
        compact: false,
    })
}
