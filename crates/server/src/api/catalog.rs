//! Offices, visit types, availability and holidays (api.md "Offices and visit types").

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use termin_domain::{Language, Office, OfficeId, VisitType, calendar};
use utoipa::{IntoParams, ToSchema};

use super::{Lang, Problem};
use crate::error::AppError;
use crate::i18n;
use crate::mail::visit_type_name;
use crate::services::booking::{self, FreeSlots};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct OfficeDto {
    pub id: String,
    pub name: String,
    pub region: String,
    pub address: String,
    pub address_confirmed: bool,
    pub phones: Vec<String>,
    pub bio: bool,
    pub regional: bool,
    /// `mon`…`fri` → list of `["HH:MM","HH:MM"]`; empty when the hours are not published.
    pub hours: BTreeMap<String, Vec<[String; 2]>>,
    /// Friday hours are for booked (invited) clients only (domain.md §3).
    pub friday_booked_only: bool,
    pub permanent_residence_only: bool,
    /// False while the office's hours are unknown: listed, not bookable.
    pub bookable: bool,
    pub visit_types: Vec<String>,
}

pub fn office_dto(office: &Office) -> OfficeDto {
    let mut hours = BTreeMap::new();
    if let Some(week) = &office.hours {
        for (day, intervals) in week.days() {
            let key = match day {
                jiff::civil::Weekday::Monday => "mon",
                jiff::civil::Weekday::Tuesday => "tue",
                jiff::civil::Weekday::Wednesday => "wed",
                jiff::civil::Weekday::Thursday => "thu",
                _ => "fri",
            };
            hours.insert(
                key.to_string(),
                intervals
                    .iter()
                    .map(|i| [hhmm(i.start), hhmm(i.end)])
                    .collect(),
            );
        }
    }
    OfficeDto {
        id: office.id.as_str().into(),
        name: office.name.clone(),
        region: office.region.clone(),
        address: office.address.clone(),
        address_confirmed: office.address_confirmed,
        phones: office.phones.clone(),
        bio: office.bio,
        regional: office.regional,
        hours,
        friday_booked_only: office.friday_booked_only,
        permanent_residence_only: office.permanent_residence_only,
        bookable: office.is_bookable(),
        visit_types: office
            .visit_types
            .iter()
            .map(|v| v.as_str().to_string())
            .collect(),
    }
}

fn hhmm(t: jiff::civil::Time) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// Every office, bookable or not (hours unknown).
#[utoipa::path(get, path = "/api/v1/offices", tag = "offices",
    responses((status = 200, body = [OfficeDto])))]
pub async fn offices(State(state): State<AppState>) -> Json<Vec<OfficeDto>> {
    Json(state.catalog.offices.iter().map(office_dto).collect())
}

/// One office.
#[utoipa::path(get, path = "/api/v1/offices/{id}", tag = "offices",
    params(("id" = String, Path, description = "Office slug, e.g. `praha-2`")),
    responses((status = 200, body = OfficeDto), (status = 404, body = Problem)))]
pub async fn office(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<OfficeDto>, AppError> {
    let office = OfficeId::parse(&id)
        .ok()
        .and_then(|id| state.catalog.office(&id))
        .ok_or(AppError::NotFound)?;
    Ok(Json(office_dto(office)))
}

#[derive(Serialize, ToSchema)]
pub struct VisitTypeDto {
    pub id: String,
    /// In the request's language, with the official Czech name in brackets.
    pub name: String,
    pub name_cs: String,
    pub duration_minutes: u32,
    pub requires_bio: bool,
    pub representative_allowed: bool,
    pub personal_attendance: bool,
}

pub fn visit_type_dto(lang: Language, vt: &VisitType) -> VisitTypeDto {
    VisitTypeDto {
        id: vt.id.as_str().into(),
        name: visit_type_name(lang, vt),
        name_cs: vt.name_cs.clone(),
        duration_minutes: vt.duration_minutes,
        requires_bio: vt.requires_bio,
        representative_allowed: vt.representative_allowed,
        personal_attendance: vt.personal_attendance,
    }
}

/// What an appointment can be for (domain.md §4).
#[utoipa::path(get, path = "/api/v1/visit-types", tag = "offices",
    responses((status = 200, body = [VisitTypeDto])))]
pub async fn visit_types(
    State(state): State<AppState>,
    Lang(lang): Lang,
) -> Json<Vec<VisitTypeDto>> {
    Json(
        state
            .catalog
            .visit_types
            .iter()
            .map(|vt| visit_type_dto(lang, vt))
            .collect(),
    )
}

#[derive(Deserialize, IntoParams)]
pub struct AvailabilityQuery {
    /// Visit type id.
    pub visit_type: Option<String>,
    /// First day, `YYYY-MM-DD` (default: today).
    pub from: Option<String>,
    /// Last day, inclusive (default: `from` + 13 days); at most 62 days in all.
    pub to: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SlotDto {
    pub start: String,
    pub end: String,
    pub remaining: u32,
}

#[derive(Serialize, ToSchema)]
pub struct Availability {
    pub office: String,
    pub visit_type: String,
    pub slots: Vec<SlotDto>,
}

fn parse_day(value: Option<&str>, field: &'static str) -> Result<Option<Date>, AppError> {
    value
        .map(|v| {
            v.trim()
                .parse::<Date>()
                .map_err(|_| AppError::InvalidInput(vec![(field, "field-date-invalid")]))
        })
        .transpose()
}

/// Bookable slots (`remaining` ≥ 1) of one office and visit type.
#[utoipa::path(get, path = "/api/v1/offices/{id}/availability", tag = "offices",
    params(("id" = String, Path, description = "Office slug"), AvailabilityQuery),
    responses((status = 200, body = Availability), (status = 404, body = Problem),
        (status = 422, description = "`visit-type-not-offered`, `range-too-long`, `invalid-input`", body = Problem)))]
pub async fn availability(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<AvailabilityQuery>,
) -> Result<Response, AppError> {
    let visit_type = query
        .visit_type
        .as_deref()
        .ok_or_else(|| AppError::InvalidInput(vec![("visit_type", "field-required")]))?;
    let (office, vt) = booking::office_and_type(&state, &id, visit_type)?;
    let today = termin_domain::time::local_date(state.now());
    let from = parse_day(query.from.as_deref(), "from")?.unwrap_or(today);
    let to = parse_day(query.to.as_deref(), "to")?
        .unwrap_or_else(|| from.saturating_add(jiff::Span::new().days(13)));
    let free = booking::availability(&state, office, vt, from, to).await?;
    let body = availability_body(office.id.as_str(), vt.id.as_str(), &free);
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// An availability answer: byte for byte what `serde_json` writes for [`Availability`] (see
/// the tests), written straight from the slot calendar's texts. Those hold only digits and
/// `-:T+`, so they need no escaping; copying them instead of formatting and escaping each
/// instant is most of what this endpoint does.
fn availability_body(office: &str, visit_type: &str, free: &FreeSlots) -> Vec<u8> {
    use std::io::Write;
    const SLOT_LEN: usize = r#"{"start":"2026-12-03T08:00:00+01:00","end":"2026-12-03T08:30:00+01:00","remaining":99},"#.len();
    let mut body = Vec::with_capacity(64 + free.len() * SLOT_LEN);
    body.extend_from_slice(br#"{"office":"#);
    // Writing a string to a `Vec` cannot fail.
    let _ = serde_json::to_writer(&mut body, office);
    body.extend_from_slice(br#","visit_type":"#);
    let _ = serde_json::to_writer(&mut body, visit_type);
    body.extend_from_slice(br#","slots":["#);
    for (i, (slot, remaining)) in free.iter().enumerate() {
        if i > 0 {
            body.push(b',');
        }
        body.extend_from_slice(br#"{"start":""#);
        body.extend_from_slice(slot.start_text.as_bytes());
        body.extend_from_slice(br#"","end":""#);
        body.extend_from_slice(slot.end_text.as_bytes());
        body.extend_from_slice(br#"","remaining":"#);
        let _ = write!(body, "{remaining}}}");
    }
    body.extend_from_slice(b"]}");
    body
}

#[derive(Deserialize, IntoParams)]
pub struct YearQuery {
    /// Year (default: this year).
    pub year: Option<i16>,
}

#[derive(Serialize, ToSchema)]
pub struct HolidayDto {
    pub date: String,
    pub name: String,
}

/// Czech public holidays of a year (domain.md §5).
#[utoipa::path(get, path = "/api/v1/holidays", tag = "offices", params(YearQuery),
    responses((status = 200, body = [HolidayDto]), (status = 422, body = Problem)))]
pub async fn holidays(
    State(state): State<AppState>,
    Lang(lang): Lang,
    query: Result<Query<YearQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Vec<HolidayDto>>, AppError> {
    let Ok(Query(query)) = query else {
        return Err(AppError::InvalidInput(vec![("year", "field-year-invalid")]));
    };
    let year = query
        .year
        .unwrap_or_else(|| termin_domain::time::local_date(state.now()).year());
    if !(1900..=2200).contains(&year) {
        return Err(AppError::InvalidInput(vec![("year", "field-year-invalid")]));
    }
    Ok(Json(
        calendar::holidays(year)
            .into_iter()
            .map(|h| HolidayDto {
                date: h.date.to_string(),
                name: i18n::t(lang, &format!("holiday-{}", h.id)),
            })
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::rfc3339;
    use crate::services::slot_calendar::SlotCalendar;
    use jiff::civil::date;
    use termin_domain::{Catalog, VisitTypeId};

    #[test]
    fn the_availability_body_is_what_serde_writes_for_the_dto() {
        let catalog = Catalog::shipped();
        let office = catalog.office(&OfficeId::parse("brno").unwrap()).unwrap();
        let vt = catalog
            .visit_type(&VisitTypeId::parse("biometrics").unwrap())
            .unwrap();
        let window = (date(2027, 3, 22), date(2027, 4, 2));
        // Across the switch to summer time, with full and partly booked slots.
        let slots = SlotCalendar::default().between(office, vt, window, window.0, window.1);
        let remaining: Vec<u32> = (0..slots.len()).map(|i| (i % 4) as u32 * 7).collect();
        let free = FreeSlots::from_parts(slots, remaining);
        let dto = Availability {
            office: "brno".into(),
            visit_type: "biometrics".into(),
            slots: free
                .iter()
                .map(|(s, remaining)| SlotDto {
                    start: rfc3339(s.start),
                    end: rfc3339(s.end),
                    remaining,
                })
                .collect(),
        };
        assert!(dto.slots.len() > 20 && dto.slots.iter().any(|s| s.remaining >= 10));
        assert!(dto.slots.iter().any(|s| s.start.ends_with("+01:00")));
        assert!(dto.slots.iter().any(|s| s.start.ends_with("+02:00")));
        let body = availability_body("brno", "biometrics", &free);
        assert_eq!(
            String::from_utf8(body).unwrap(),
            serde_json::to_string(&dto).unwrap()
        );
        let empty = FreeSlots::from_parts(
            SlotCalendar::default().between(office, vt, window, window.1, window.0),
            vec![],
        );
        assert_eq!(
            String::from_utf8(availability_body("brno", "bio\"metrics", &empty)).unwrap(),
            r#"{"office":"brno","visit_type":"bio\"metrics","slots":[]}"#
        );
    }
}
