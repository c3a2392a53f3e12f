//! Guidance (issue 5): "What do I need to do?" one question per page (what happened → when
//! → the obligations), the Schengen 90/180 calculator and the checklists. No account is
//! needed; every answer travels in the query string, so a result can be bookmarked, shared
//! and printed. The rules are the domain's and the services' (`services::guidance`); these
//! pages only ask and show.

mod checklist;
mod ics;
mod schengen;

pub use checklist::page as checklist;
pub use schengen::page as schengen;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::Deserialize;
use termin_domain::catalog::Authority;
use termin_domain::deadlines::{Event, Obligation};
use termin_domain::guidance::Application;
use termin_domain::time;

use super::common::{Question, fee_lines};
use super::ctx::{Ctx, Errors, Link, Nav, Page, enc, iso_date, render, see_other, views};
use crate::error::AppError;
use crate::i18n;
use crate::services::guidance::{self as svc, DeadlineQuestion};
use crate::state::AppState;

// ---------------------------------------------------------------- shared pieces

/// The notice every guidance page ends with (domain.md §1: which authority; the sources).
pub struct Notice {
    pub disclaimer: String,
    pub warning: String,
    pub sources: Vec<String>,
    pub links: Vec<Link>,
}

impl Notice {
    pub fn new(page: &Page) -> Notice {
        Notice {
            disclaimer: page.t("guidance-disclaimer"),
            warning: page.t("authority-warning"),
            sources: ["s0", "s1", "s2", "s3", "s4"]
                .iter()
                .map(|s| page.t(&format!("guide-source-{s}")))
                .collect(),
            links: vec![
                Link::new("/guide", page.t("guide-link-deadlines")),
                Link::new("/guide/schengen", page.t("guide-link-schengen")),
                Link::new("/guide/checklist", page.t("guide-link-checklist")),
            ],
        }
    }
}

/// Day, month and year typed in three boxes (the GOV.UK "memorable date"), for `_date.html`.
pub struct DateBoxes {
    /// The id of the first box (the error summary links there); the others add `-month`
    /// and `-year`.
    pub id: String,
    /// The names of the three inputs.
    pub names: [String; 3],
    pub legend: String,
    /// The legend is the page's question (`<h1>`).
    pub heading: bool,
    pub hint: String,
    pub error: String,
    pub day: String,
    pub month: String,
    pub year: String,
}

impl DateBoxes {
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.id));
        }
        if !self.error.is_empty() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

/// "in 5 days", "today", "2 days ago – the deadline has passed".
pub fn countdown(page: &Page, today: Date, day: Date) -> (String, bool) {
    let days = days_between(today, day);
    match days {
        0 => (page.t("guide-countdown-today"), false),
        d if d > 0 => (page.tn("guide-countdown-future", "days", d), false),
        d => (page.tn("guide-countdown-past", "days", -d), true),
    }
}

fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}

fn authority_key(a: Authority) -> (&'static str, &'static str, &'static str) {
    match a {
        Authority::Oamp => ("authority-oamp", "guide-authority-oamp-note", "oamp"),
        Authority::Police => ("authority-police", "guide-authority-police-note", "police"),
    }
}

/// The application whose checklist goes with a visit type, if any.
fn application_of(visit_type: &str) -> Option<Application> {
    Application::ALL
        .into_iter()
        .find(|a| a.visit_type() == visit_type)
}

// ---------------------------------------------------------------- the answers

/// The answers so far, as they arrive in the query string. `day`/`month`/`year` are the
/// three boxes of the date question; `date` is the same day as `YYYY-MM-DD` once known.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct Answers {
    event: String,
    date: String,
    day: Option<String>,
    month: Option<String>,
    year: Option<String>,
    stay: String,
    /// "1": the arrival was on a visa granted to collect a permit.
    collect: String,
    /// For the calendar file: the obligation's id.
    id: String,
}

impl Answers {
    fn event(&self) -> Option<Event> {
        Event::parse(self.event.trim()).ok()
    }

    fn collecting(&self) -> bool {
        self.collect == "1"
    }

    /// The date as typed: from the three boxes when they were sent, else `date`.
    fn typed_date(&self) -> String {
        match (&self.day, &self.month, &self.year) {
            (None, None, None) => self.date.trim().to_string(),
            (d, m, y) => iso_date(
                d.as_deref().unwrap_or(""),
                m.as_deref().unwrap_or(""),
                y.as_deref().unwrap_or(""),
            ),
        }
    }

    /// The query string of the result (and of its calendar files) for `date`.
    fn query(&self, event: Event, date: &str) -> String {
        let mut q = format!("event={}&date={}", event.as_str(), enc(date));
        if event == Event::AddressChange && !self.stay.is_empty() {
            q.push_str(&format!("&stay={}", enc(self.stay.trim())));
        }
        if event == Event::Arrival && self.collecting() {
            q.push_str("&collect=1");
        }
        q
    }

    /// The boxes' values for showing the date question again.
    fn boxes(&self) -> (String, String, String) {
        if self.day.is_some() || self.month.is_some() || self.year.is_some() {
            let v = |s: &Option<String>| s.as_deref().unwrap_or("").trim().to_string();
            return (v(&self.day), v(&self.month), v(&self.year));
        }
        match self.date.trim().parse::<Date>() {
            Ok(d) => (
                d.day().to_string(),
                d.month().to_string(),
                d.year().to_string(),
            ),
            Err(_) => Default::default(),
        }
    }

    fn ask<'a>(&'a self, event: Event, date: &'a str) -> DeadlineQuestion<'a> {
        DeadlineQuestion {
            event: self.event.trim(),
            date,
            stay: (event == Event::AddressChange).then_some(self.stay.as_str()),
            visa_to_collect_permit: event == Event::Arrival && self.collecting(),
        }
    }
}

// ---------------------------------------------------------------- question 1: what happened

#[derive(Template)]
#[template(path = "guide_event.html")]
struct EventView {
    page: Page,
    errors: Errors,
    question: Question,
    notice: Notice,
}

views!(EventView);

fn event_step(ctx: &Ctx, answers: &Answers, error: Option<String>) -> Response {
    let mut page = ctx.page("guide-event-title", Nav::Guide);
    let mut question = Question::new("event", page.t("guide-event-title"));
    question.hint = page.t("guide-event-hint");
    for event in Event::ALL {
        question.radio(
            event.as_str().to_string(),
            page.t(&format!("event-{}", event.as_str())),
            String::new(),
            answers.event.trim() == event.as_str(),
        );
    }
    let mut errors = Errors::default();
    if let Some(message) = error {
        errors.add("event", message.clone());
        question.error = message;
        page.has_errors = true;
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let notice = Notice::new(&page);
    render(
        status,
        &EventView {
            page,
            errors,
            question,
            notice,
        },
    )
}

/// `GET /guide`: what has happened?
pub async fn event(ctx: Ctx, Query(answers): Query<Answers>) -> Response {
    event_step(&ctx, &answers, None)
}

// ---------------------------------------------------------------- question 2: when

#[derive(Template)]
#[template(path = "guide_date.html")]
struct DateView {
    page: Page,
    back: Link,
    errors: Errors,
    event: String,
    date: DateBoxes,
    /// For an address change: long-term or permanent residence.
    stay: Option<Question>,
    /// For an arrival: the visa was granted to collect a permit.
    collect: Option<Collect>,
    notice: Notice,
}

views!(DateView);

/// The arrival's checkbox.
pub struct Collect {
    pub legend: String,
    pub label: String,
    pub hint: String,
    pub checked: bool,
}

/// Errors of the date question, by field: `date`, `stay` or the whole form ("").
fn date_step(ctx: &Ctx, event: Event, answers: &Answers, errors: Errors) -> Response {
    let mut page = ctx.page(&format!("event-{}-date", event.as_str()), Nav::Guide);
    page.has_errors = !errors.is_empty();
    let (day, month, year) = answers.boxes();
    let date = DateBoxes {
        id: "date".into(),
        names: ["day".into(), "month".into(), "year".into()],
        legend: page.t(&format!("event-{}-date", event.as_str())),
        heading: true,
        hint: page.t("guide-date-hint"),
        error: errors.get("date"),
        day,
        month,
        year,
    };
    let stay = (event == Event::AddressChange).then(|| {
        let mut q = Question::new("stay", page.t("guide-stay-legend"));
        for kind in ["long-term", "permanent"] {
            q.radio(
                kind.to_string(),
                page.t(&format!("stay-{kind}")),
                String::new(),
                answers.stay.trim() == kind,
            );
        }
        q.error = errors.get("stay");
        q
    });
    let collect = (event == Event::Arrival).then(|| Collect {
        legend: page.t("guide-collect-legend"),
        label: page.t("guide-collect-label"),
        hint: page.t("guide-collect-hint"),
        checked: answers.collecting(),
    });
    let back = Link::new(
        format!("/guide?event={}", event.as_str()),
        page.t("nav-back"),
    );
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let notice = Notice::new(&page);
    render(
        status,
        &DateView {
            page,
            back,
            errors,
            event: event.as_str().to_string(),
            date,
            stay,
            collect,
            notice,
        },
    )
}

/// `GET /guide/date?event=…`: when did it happen?
pub async fn date(ctx: Ctx, Query(answers): Query<Answers>) -> Response {
    match answers.event() {
        Some(event) => date_step(&ctx, event, &answers, Errors::default()),
        None => event_step(&ctx, &answers, Some(unknown_event_message(&ctx, &answers))),
    }
}

fn unknown_event_message(ctx: &Ctx, answers: &Answers) -> String {
    if answers.event.trim().is_empty() {
        ctx.t("guide-error-choose-event")
    } else {
        ctx.t("deadline-error-unknown-event")
    }
}

/// A refusal of the calculator as an error of the question it belongs to.
fn refusal(ctx: &Ctx, error: &AppError, typed: &str) -> (String, String) {
    match error {
        AppError::InvalidInput(_) if typed.trim().is_empty() => {
            ("date".into(), ctx.t("guide-error-date-empty"))
        }
        AppError::InvalidInput(_) => ("date".into(), ctx.t("guide-error-date-invalid")),
        AppError::Deadline("date-too-early" | "date-too-late") => {
            ("date".into(), error.message(ctx.lang))
        }
        AppError::Deadline("missing-stay" | "unknown-stay") => {
            ("stay".into(), error.message(ctx.lang))
        }
        other => (String::new(), other.message(ctx.lang)),
    }
}

// ---------------------------------------------------------------- the result

pub struct ObligationView {
    pub action: String,
    pub detail: String,
    pub authority: String,
    /// `oamp` or `police`, for the badge's look (its text says the same).
    pub authority_class: &'static str,
    pub authority_note: String,
    pub earliest: String,
    pub earliest_countdown: String,
    pub deadline: String,
    /// The deadline as `YYYY-MM-DD`, for `<time datetime>`.
    pub deadline_iso: String,
    pub countdown: String,
    pub overdue: bool,
    pub rule: String,
    pub representative: String,
    pub office: String,
    pub note: String,
    pub fees: Vec<String>,
    pub ics_href: String,
    pub book_href: String,
    pub checklist_href: String,
}

#[derive(Template)]
#[template(path = "guide_result.html")]
struct ResultView {
    page: Page,
    back: Link,
    answer: String,
    change: Link,
    today: String,
    count: String,
    differ: Vec<String>,
    obligations: Vec<ObligationView>,
    again: Link,
    notice: Notice,
}

views!(ResultView);

fn obligation_view(
    page: &Page,
    today: Date,
    o: &Obligation,
    query: &str,
    lang: termin_domain::Language,
) -> ObligationView {
    let (authority_key, note_key, class) = authority_key(o.authority);
    let (countdown, overdue) = countdown(page, today, o.deadline);
    let earliest_countdown = match o.earliest {
        Some(e) if e > today => page.tn("guide-opens-future", "days", days_between(today, e)),
        Some(_) if !overdue => page.t("guide-opens-now"),
        _ => String::new(),
    };
    // Steps that are no visit (a written appeal, a date to know) have no one to send and no
    // office to pick; the police's own steps say whether someone may act for you.
    let visit = o.visit_type.is_some() || o.authority == Authority::Police;
    ObligationView {
        action: page.t(&format!("obligation-{}", o.id)),
        detail: page.t(&format!("obligation-{}-detail", o.id)),
        authority: page.t(authority_key),
        authority_class: class,
        authority_note: page.t(note_key),
        earliest: o
            .earliest
            .map(|d| i18n::long_date(lang, d))
            .unwrap_or_default(),
        earliest_countdown,
        deadline: i18n::long_date(lang, o.deadline),
        deadline_iso: o.deadline.to_string(),
        countdown,
        overdue,
        rule: svc::basis_text(lang, &o.basis),
        representative: match (visit, o.representative_allowed) {
            (false, _) => String::new(),
            (true, true) => page.t("guide-representative-yes"),
            (true, false) => page.t("guide-representative-no"),
        },
        office: if o.needs_bio_office {
            page.t("guide-office-bio")
        } else {
            String::new()
        },
        note: o
            .note
            .map(|n| page.t(&format!("obligation-note-{n}")))
            .unwrap_or_default(),
        fees: o
            .visit_type
            .map(|vt| fee_lines(page, vt))
            .unwrap_or_default(),
        ics_href: format!("/guide/calendar.ics?{query}&id={}", o.id),
        book_href: o
            .visit_type
            .map(|vt| format!("/book/office?visit_type={}", enc(vt)))
            .unwrap_or_default(),
        checklist_href: o
            .visit_type
            .and_then(application_of)
            .map(|a| format!("/guide/checklist?application={}", a.as_str()))
            .unwrap_or_default(),
    }
}

/// `GET /guide/result?event=…&date=…`: what to do, by when, where. The date question posts
/// its three boxes here; a good answer is redirected to the clean address with `date=`.
pub async fn result(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(answers): Query<Answers>,
) -> Response {
    let Some(event) = answers.event() else {
        return event_step(&ctx, &answers, Some(unknown_event_message(&ctx, &answers)));
    };
    let typed = answers.typed_date();
    let obligations = match svc::deadlines(&answers.ask(event, &typed)) {
        Ok(list) => list,
        Err(e) => {
            let (field, message) = refusal(&ctx, &e, &typed);
            let mut errors = Errors::default();
            if field.is_empty() {
                errors.general(message);
            } else {
                errors.add(&field, message);
            }
            // Both questions of an address change at once, not one per round trip.
            if event == Event::AddressChange && answers.stay.trim().is_empty() && field != "stay" {
                errors.add("stay", ctx.t("deadline-error-missing-stay"));
            }
            return date_step(&ctx, event, &answers, errors);
        }
    };
    let query = answers.query(event, &typed);
    if answers.day.is_some() || answers.month.is_some() || answers.year.is_some() {
        return see_other(&format!("/guide/result?{query}"));
    }
    let Ok(day) = typed.parse::<Date>() else {
        return ctx.error(AppError::BadRequest).into_response();
    };
    let page = ctx.page("guide-result-title", Nav::Guide);
    let lang = page.lang;
    let today = time::local_date(state.now());
    let views: Vec<ObligationView> = obligations
        .iter()
        .map(|o| obligation_view(&page, today, o, &query, lang))
        .collect();
    let mut differ = Vec::new();
    if event == Event::PermitExpiry {
        differ.push(page.t("guidance-sources-differ-extension"));
    }
    let date_href = format!("/guide/date?{query}");
    let view = ResultView {
        back: Link::new(date_href.clone(), page.t("nav-back")),
        answer: page.targs(
            "guide-result-answer",
            &[
                ("event", page.t(&format!("event-{}", event.as_str())).into()),
                ("date", i18n::long_date(lang, day).into()),
            ],
        ),
        change: Link::new(date_href, page.t("guide-result-change")),
        today: page.ts("guide-today", "date", &i18n::long_date(lang, today)),
        count: page.tn("guide-result-count", "count", views.len() as i64),
        differ,
        obligations: views,
        again: Link::new("/guide", page.t("guide-result-other")),
        notice: Notice::new(&page),
        page,
    };
    render(StatusCode::OK, &view)
}

// ---------------------------------------------------------------- the calendar file

/// `GET /guide/calendar.ics?event=…&date=…&id=…`: one deadline as an all-day event.
pub async fn calendar(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(answers): Query<Answers>,
) -> Response {
    let Some(event) = answers.event() else {
        return ctx
            .error(AppError::Deadline("unknown-event"))
            .into_response();
    };
    let typed = answers.typed_date();
    let obligations = match svc::deadlines(&answers.ask(event, &typed)) {
        Ok(list) => list,
        Err(e) => return ctx.error(e).into_response(),
    };
    let Some(o) = obligations.iter().find(|o| o.id == answers.id.trim()) else {
        return ctx.not_found().into_response();
    };
    let uid = format!(
        "deadline-{}-{}-{}{}",
        event.as_str(),
        typed,
        o.id,
        if answers.stay.is_empty() {
            String::new()
        } else {
            format!("-{}", answers.stay.trim())
        }
    );
    let body = ics::deadline(o, &uid, ctx.chosen, state.now());
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"deadline.ics\"",
            ),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use fluent_templates::fluent_bundle::FluentValue;
    use termin_domain::Language;

    use crate::i18n;

    /// Every message of `en/guide.ftl` with the variables it uses.
    fn english_messages() -> Vec<(String, Vec<String>)> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../locales/en/guide.ftl");
        let text = std::fs::read_to_string(path).unwrap();
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for line in text.lines() {
            if let Some((id, _)) = line.split_once(" =")
                && !line.starts_with([' ', '#'])
            {
                out.push((id.to_string(), Vec::new()));
            }
            if let Some((_, vars)) = out.last_mut() {
                let mut rest = line;
                while let Some(at) = rest.find("{ $") {
                    let name: String = rest[at + 3..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !vars.contains(&name) {
                        vars.push(name);
                    }
                    rest = &rest[at + 3..];
                }
            }
        }
        out
    }

    #[test]
    fn every_language_has_its_own_guidance_page_texts() {
        let messages = english_messages();
        assert!(messages.len() > 100);
        // Texts that are the same in some languages (punctuation and numbers only).
        let same_everywhere = ["guide-fee-line", "guide-chart-tick"];
        for lang in [Language::Cs, Language::Uk, Language::Ru, Language::Vi] {
            for (id, vars) in &messages {
                if vars.is_empty() {
                    assert!(i18n::has(lang, id), "{id} in {lang:?}");
                    continue;
                }
                for n in [1, 3, 5, 22] {
                    let args: Vec<(&str, FluentValue<'_>)> = vars
                        .iter()
                        .map(|v| (v.as_str(), FluentValue::from(n)))
                        .collect();
                    let text = i18n::t_args(lang, id, &args);
                    assert!(!text.contains('{'), "{id} in {lang:?}: {text}");
                    if !same_everywhere.contains(&id.as_str()) {
                        assert_ne!(
                            text,
                            i18n::t_args(Language::En, id, &args),
                            "{id} in {lang:?} is the English text"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn plurals_follow_each_language() {
        let count = |lang, n: i64| {
            i18n::t_args(
                lang,
                "guide-countdown-future",
                &[("days", FluentValue::from(n))],
            )
        };
        assert_eq!(count(Language::En, 1), "in 1 day");
        assert_eq!(count(Language::Cs, 3), "za 3 dny");
        assert_eq!(count(Language::Cs, 5), "za 5 dní");
        assert_eq!(count(Language::Uk, 21), "через 21 день");
        assert_eq!(count(Language::Uk, 12), "через 12 днів");
        assert_eq!(count(Language::Ru, 3), "через 3 дня");
        assert_eq!(count(Language::Ru, 11), "через 11 дней");
        assert_eq!(count(Language::Vi, 2), "còn 2 ngày");
        let ago = i18n::t_args(
            Language::Cs,
            "guide-countdown-past",
            &[("days", FluentValue::from(2))],
        );
        assert_eq!(ago, "před 2 dny – lhůta už uplynula");
    }
}
