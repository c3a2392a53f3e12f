//! The booking flow, one question per page (GOV.UK): what for → where → which day → what
//! time → for whom → check and confirm. Every choice travels in the query string (and in
//! hidden fields of the final POST), so the browser's Back button and the "Change" links
//! simply work, and nothing is kept on the server until the booking is made.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;
use termin_domain::{Office, VisitType, VisitTypeId, time};
use termin_store::{Person, Relation};

use super::auth_pages::login_href;
use super::common::{Question, fee_lines};
use super::ctx::{CsrfForm, Ctx, Errors, Link, Nav, Page, enc, ok, render, see_other, views};
use super::views::MessagePage;
use super::waitlist::join_href;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n;
use crate::mail::visit_type_name;
use crate::services::accounts as accounts_svc;
use crate::services::booking::{self as svc, BookRequest, FreeSlot};
use crate::state::AppState;

/// The answers so far, as they arrive in the query string.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct Choice {
    visit_type: String,
    office: String,
    date: String,
    start: String,
    person: String,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    VisitType,
    Office,
    Day,
    Time,
    Person,
    Confirm,
}

impl Choice {
    /// The address of `step` carrying the answers (all of them, so "Change" keeps the rest
    /// preselected where it still fits).
    fn href(&self, step: Step) -> String {
        let path = match step {
            Step::VisitType => "/book",
            Step::Office => "/book/office",
            Step::Day => "/book/day",
            Step::Time => "/book/time",
            Step::Person => "/book/person",
            Step::Confirm => "/book/confirm",
        };
        let pairs = [
            ("visit_type", &self.visit_type),
            ("office", &self.office),
            ("date", &self.date),
            ("start", &self.start),
            ("person", &self.person),
        ];
        let query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", enc(v)))
            .collect();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", query.join("&"))
        }
    }

    /// The answers given before `step`, as hidden fields of its form.
    fn hidden_before(&self, step: Step) -> Vec<(String, String)> {
        let mut hidden = Vec::new();
        let mut push = |name: &str, value: &str, from: Step| {
            if step > from && !value.is_empty() {
                hidden.push((name.to_string(), value.to_string()));
            }
        };
        push("visit_type", &self.visit_type, Step::VisitType);
        push("office", &self.office, Step::Office);
        push("date", &self.date, Step::Day);
        push("start", &self.start, Step::Time);
        push("person", &self.person, Step::Person);
        hidden
    }
}

/// An office that cannot be booked online, listed for information.
pub struct OtherOffice {
    pub name: String,
    pub href: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "book_step.html")]
struct StepView {
    page: Page,
    back: Link,
    step_label: String,
    intro: Vec<String>,
    errors: Errors,
    action: String,
    hidden: Vec<(String, String)>,
    question: Question,
    /// Shown instead of the question when there is nothing to choose.
    empty: Vec<String>,
    empty_links: Vec<Link>,
    after: Vec<Link>,
    others_heading: String,
    others_intro: String,
    others: Vec<OtherOffice>,
}

views!(StepView);

const STEPS: i64 = 6;

fn step_label(page: &Page, n: i64) -> String {
    page.targs(
        "book-step-of",
        &[("step", n.into()), ("total", STEPS.into())],
    )
}

impl StepView {
    fn new(page: Page, step: i64, back: Link, action: &str, question: Question) -> StepView {
        StepView {
            step_label: step_label(&page, step),
            page,
            back,
            intro: Vec::new(),
            errors: Errors::default(),
            action: action.to_string(),
            hidden: Vec::new(),
            question,
            empty: Vec::new(),
            empty_links: Vec::new(),
            after: Vec::new(),
            others_heading: String::new(),
            others_intro: String::new(),
            others: Vec::new(),
        }
    }

    fn error(mut self, error: Option<String>) -> StepView {
        if let Some(message) = error {
            self.errors.add(self.question.name, message.clone());
            self.question.error = message;
            self.page.has_errors = true;
        }
        self
    }

    fn respond(self) -> Response {
        let status = if self.errors.is_empty() {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        render(status, &self)
    }
}

/// Signed in with a confirmed e-mail, or a page that says what to do first.
#[allow(clippy::result_large_err)]
fn gate<'a>(state: &AppState, ctx: &'a Ctx) -> Result<&'a CurrentUser, Response> {
    let Some(user) = ctx.user.as_ref() else {
        let page = ctx.page("page-book-sign-in-title", Nav::Book);
        let mut view = MessagePage::new(page.clone(), page.t("page-book-sign-in-title"));
        view.paragraphs = vec![
            page.t("book-sign-in-body"),
            page.tn(
                "book-sign-in-children",
                "age",
                i64::from(state.policy().child_age_limit),
            ),
        ];
        view.links = vec![
            Link::new(login_href(&ctx.here), page.t("nav-sign-in")),
            Link::new("/register", page.t("nav-register")),
        ];
        return Err(ok(&view));
    };
    if !user.account.email_verified {
        let page = ctx.page("page-book-verify-title", Nav::Book);
        let mut view = MessagePage::new(page.clone(), page.t("page-book-verify-title"));
        view.paragraphs = vec![
            page.ts("book-verify-body", "email", &user.account.email),
            page.t("check-email-spam"),
            page.t("verify-resend-intro"),
        ];
        view.form = Some(super::account::resend_form(&page, &ctx.here));
        return Err(render(StatusCode::FORBIDDEN, &view));
    }
    Ok(user)
}

fn find_visit_type<'a>(state: &'a AppState, id: &str) -> Option<&'a VisitType> {
    VisitTypeId::parse(id)
        .ok()
        .and_then(|id| state.catalog.visit_type(&id))
}

fn person_label(page: &Page, person: &Person) -> (String, String) {
    match person.relation {
        Relation::Myself => (
            page.ts("book-person-self", "name", &person.full_name),
            String::new(),
        ),
        Relation::Child => (
            person.full_name.clone(),
            page.ts(
                "book-person-child-hint",
                "born",
                &i18n::short_date(page.lang, person.date_of_birth),
            ),
        ),
    }
}

// ---------------------------------------------------------------- step builders

fn visit_type_step(
    state: &AppState,
    ctx: &Ctx,
    choice: &Choice,
    error: Option<String>,
) -> Response {
    let page = ctx.page("page-book-type-title", Nav::Book);
    let mut q = Question::new("visit_type", page.t("page-book-type-title"));
    q.hint = format!("{} {}", page.t("book-type-intro"), page.t("book-type-hint"));
    for vt in &state.catalog.visit_types {
        // Only what some office can actually be booked for.
        if state.catalog.offices_offering(&vt.id).next().is_none() {
            continue;
        }
        let mut hint = vec![page.tn(
            "book-type-duration",
            "minutes",
            i64::from(vt.duration_minutes),
        )];
        if vt.requires_bio {
            hint.push(page.t("book-type-needs-bio"));
        }
        if vt.representative_allowed {
            hint.push(page.t("book-type-representative"));
        }
        q.radio(
            vt.id.as_str().to_string(),
            visit_type_name(page.lang, vt),
            hint.join(" · "),
            choice.visit_type == vt.id.as_str(),
        );
    }
    let back = Link::new("/", page.t("nav-back"));
    StepView::new(page, 1, back, "/book/office", q)
        .error(error)
        .respond()
}

fn office_step(
    state: &AppState,
    ctx: &Ctx,
    choice: &Choice,
    vt: &VisitType,
    pickup: Option<&Pickup<'_>>,
    error: Option<String>,
) -> Response {
    let page = ctx.page("page-book-office-title", Nav::Book);
    let mut q = Question::new("office", page.t("page-book-office-title"));
    q.hint = if vt.requires_bio {
        page.t("book-office-hint-bio")
    } else {
        page.t("book-office-hint")
    };
    // domain.md §3, §4: a BIO visit only at a BIO office (the catalog refuses anything else;
    // checked here too so that a hand-edited catalog cannot offer one); a card only where the
    // biometric data were captured, when the account knows where.
    let offices = state
        .catalog
        .offices_offering(&vt.id)
        .filter(|o| o.bio || !vt.requires_bio)
        .filter(|o| pickup.is_none_or(|p| p.office.id == o.id));
    for office in offices {
        let mut hint = vec![office.region.clone(), office.address.clone()];
        if office.permanent_residence_only {
            hint.push(page.t("office-permanent-residence-only"));
        }
        q.radio(
            office.id.as_str().to_string(),
            office.name.clone(),
            hint.into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            choice.office == office.id.as_str(),
        );
    }
    let back = Link::new(choice.href(Step::VisitType), page.t("nav-back"));
    let mut view = StepView::new(page, 2, back, "/book/day", q).error(error);
    view.intro = vec![view.page.ts(
        "book-chosen-type",
        "visit",
        &visit_type_name(view.page.lang, vt),
    )];
    view.intro.extend(fee_intro(&view.page, vt));
    if let Some(p) = pickup {
        view.intro.push(view.page.targs(
            "guide-pickup-only-office",
            &[
                ("office", p.office.name.clone().into()),
                ("date", i18n::short_date(view.page.lang, p.captured).into()),
            ],
        ));
    }
    view.hidden = choice.hidden_before(Step::Office);
    // Offices without published hours: not bookable online, but people should know them.
    view.others = state
        .catalog
        .offices
        .iter()
        .filter(|_| pickup.is_none())
        .filter(|o| !o.is_bookable() && (o.bio || !vt.requires_bio))
        .map(|o| OtherOffice {
            name: o.name.clone(),
            href: format!("/offices/{}", o.id.as_str()),
            detail: if o.address_confirmed && !o.address.is_empty() {
                format!("{} · {}", o.region, o.address)
            } else {
                format!(
                    "{} · {}",
                    o.region,
                    view.page.t("office-address-unconfirmed")
                )
            },
        })
        .collect();
    if !view.others.is_empty() {
        view.others_heading = view.page.t("book-office-others-title");
        view.others_intro = view.page.t("book-office-others-body");
    }
    view.respond()
}

/// The fee of the visit (domain.md §7), with the amount for children under 15.
fn fee_intro(page: &Page, vt: &VisitType) -> Vec<String> {
    fee_lines(page, vt.id.as_str())
        .into_iter()
        .map(|line| page.ts("guide-book-fee", "fee", &line))
        .collect()
}

use crate::services::booking::{Pickup, pickup_office};

/// Days from today to the end of the booking horizon (and never more than one query may ask).
fn horizon(state: &AppState) -> (Date, Date) {
    let today = time::local_date(state.now());
    let policy = state.policy();
    let days = policy
        .horizon_days
        .min(policy.max_range_days.saturating_sub(1));
    (
        today,
        today.saturating_add(jiff::Span::new().days(i64::from(days))),
    )
}

async fn day_step(
    state: &AppState,
    ctx: &Ctx,
    choice: &Choice,
    office: &Office,
    vt: &VisitType,
    error: Option<String>,
) -> Response {
    let (from, to) = horizon(state);
    let slots = match svc::availability(state, office, vt, from, to).await {
        Ok(s) => s,
        Err(e) => return ctx.error(e).into_response(),
    };
    let page = ctx.page("page-book-day-title", Nav::Book);
    let mut q = Question::new("date", page.t("page-book-day-title"));
    q.hint = page.t("book-day-hint");
    let mut days: Vec<(Date, u32, Timestamp)> = Vec::new();
    for (slot, remaining) in slots.iter() {
        match days.last_mut() {
            Some((d, places, _)) if *d == slot.day => *places += remaining,
            _ => days.push((slot.day, remaining, slot.start)),
        }
    }
    let mut week = None;
    for (date, places, first) in &days {
        // Forty-odd days read better in weeks: a heading before the first day of each.
        let monday = date
            .checked_sub(jiff::Span::new().days(i64::from(date.weekday().to_monday_zero_offset())))
            .unwrap_or(*date);
        let new_week = week != Some(monday);
        week = Some(monday);
        q.radio(
            date.to_string(),
            i18n::long_date(page.lang, *date),
            page.targs(
                "book-day-places",
                &[
                    ("count", (*places).into()),
                    ("first", i18n::time_of(*first).into()),
                ],
            ),
            choice.date == date.to_string(),
        );
        if new_week && let Some(last) = q.radios.last_mut() {
            last.group = page.ts(
                "book-day-week",
                "monday",
                &i18n::long_date(page.lang, monday),
            );
        }
    }
    let back = Link::new(choice.href(Step::Office), page.t("nav-back"));
    let mut view = StepView::new(page, 3, back, "/book/time", q).error(error);
    let place = format!("{}, {}", office.name, office.address);
    view.intro = vec![
        view.page.ts(
            "book-chosen-type",
            "visit",
            &visit_type_name(view.page.lang, vt),
        ),
        view.page.ts("book-chosen-office", "office", &place),
    ];
    if office.friday_booked_only {
        view.intro.push(view.page.t("office-friday-booked-only"));
    }
    view.hidden = choice.hidden_before(Step::Day);
    if days.is_empty() {
        view.empty = vec![view.page.tn(
            "book-day-none",
            "days",
            i64::from(state.policy().horizon_days),
        )];
        view.empty_links = vec![Link::new(
            choice.href(Step::Office),
            view.page.t("book-choose-other-office"),
        )];
    }
    // Nothing free, or nothing that suits: a cancelled place can be offered from the waitlist.
    let join = join_href(vt.id.as_str(), Some(office.id.as_str()), None);
    if days.is_empty() {
        view.empty_links
            .push(Link::new(join, view.page.t("book-waitlist-join")));
    } else {
        view.after = vec![Link::new(join, view.page.t("book-waitlist-other-days"))];
    }
    view.respond()
}

async fn free_on(
    state: &AppState,
    office: &Office,
    vt: &VisitType,
    date: Date,
) -> Result<Vec<FreeSlot>, AppError> {
    Ok(svc::availability(state, office, vt, date, date)
        .await?
        .to_vec())
}

#[allow(clippy::too_many_arguments)]
fn time_step(
    ctx: &Ctx,
    choice: &Choice,
    office: &Office,
    vt: &VisitType,
    date: Date,
    slots: &[FreeSlot],
    error: Option<String>,
) -> Response {
    let page = ctx.page("page-book-time-title", Nav::Book);
    let mut q = Question::new("start", page.t("page-book-time-title"));
    q.hint = page.ts("book-time-hint", "date", &i18n::long_date(page.lang, date));
    for slot in slots {
        let value = slot.start.to_string();
        q.radio(
            value.clone(),
            format!("{}–{}", i18n::time_of(slot.start), i18n::time_of(slot.end)),
            page.tn("book-time-places", "count", i64::from(slot.remaining)),
            choice.start == value,
        );
    }
    let back = Link::new(choice.href(Step::Day), page.t("nav-back"));
    let mut view = StepView::new(page, 4, back, "/book/person", q).error(error);
    let place = format!("{}, {}", office.name, office.address);
    view.intro = vec![
        view.page.ts(
            "book-chosen-type",
            "visit",
            &visit_type_name(view.page.lang, vt),
        ),
        view.page.ts("book-chosen-office", "office", &place),
    ];
    view.hidden = choice.hidden_before(Step::Time);
    if slots.is_empty() {
        view.empty = vec![view.page.t("book-time-none")];
        view.empty_links = vec![
            Link::new(choice.href(Step::Day), view.page.t("book-choose-other-day")),
            Link::new(
                join_href(vt.id.as_str(), Some(office.id.as_str()), Some(date)),
                view.page.t("book-waitlist-join"),
            ),
        ];
    }
    view.respond()
}

fn person_step(
    state: &AppState,
    ctx: &Ctx,
    choice: &Choice,
    persons: &[Person],
    error: Option<String>,
) -> Response {
    let age = i64::from(state.policy().child_age_limit);
    let page = ctx.page("page-book-person-title", Nav::Book);
    let mut q = Question::new("person", page.t("page-book-person-title"));
    q.hint = page.t("book-person-hint");
    for person in persons {
        let (label, hint) = person_label(&page, person);
        let id = person.id.to_string();
        // Most people book for themselves: preselected unless a child was chosen.
        let checked = if choice.person.is_empty() {
            person.relation == Relation::Myself
        } else {
            choice.person == id
        };
        q.radio(id, label, hint, checked);
    }
    let back = Link::new(choice.href(Step::Time), page.t("nav-back"));
    let mut view = StepView::new(page, 5, back, "/book/confirm", q).error(error);
    view.hidden = choice.hidden_before(Step::Person);
    view.after = vec![Link::new(
        format!("/account/children?back={}", enc(&ctx.here)),
        view.page.tn("book-person-add-child", "age", age),
    )];
    view.respond()
}

// ---------------------------------------------------------------- resolving the answers

/// Everything chosen up to a step, checked again at every step (a slot may fill meanwhile).
struct Resolved<'a> {
    vt: &'a VisitType,
    office: Option<&'a Office>,
    date: Option<Date>,
    slot: Option<FreeSlot>,
    person: Option<Person>,
}

/// Checks the answers up to `upto`; the first one missing or no longer valid sends the
/// reader back to its question with a message.
async fn resolve<'a>(
    state: &'a AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    choice: &Choice,
    upto: Step,
) -> Result<Resolved<'a>, Response> {
    let Some(vt) = find_visit_type(state, &choice.visit_type) else {
        return Err(visit_type_step(
            state,
            ctx,
            choice,
            Some(ctx.t("book-error-choose-type")),
        ));
    };
    let mut resolved = Resolved {
        vt,
        office: None,
        date: None,
        slot: None,
        person: None,
    };
    if upto <= Step::Office {
        return Ok(resolved);
    }
    let pickup = pickup_office(state, &user.account, vt).await;
    let office = match svc::office_and_type(state, &choice.office, &choice.visit_type) {
        Ok((office, _)) => office,
        Err(_) => {
            return Err(office_step(
                state,
                ctx,
                choice,
                vt,
                pickup.as_ref(),
                Some(ctx.t("book-error-choose-office")),
            ));
        }
    };
    if let Some(p) = &pickup
        && p.office.id != office.id
    {
        let message = i18n::t_args(
            ctx.lang,
            "guide-pickup-wrong-office",
            &[("office", p.office.name.clone().into())],
        );
        return Err(office_step(state, ctx, choice, vt, Some(p), Some(message)));
    }
    resolved.office = Some(office);
    if upto <= Step::Day {
        return Ok(resolved);
    }
    let Ok(date) = choice.date.trim().parse::<Date>() else {
        return Err(day_step(
            state,
            ctx,
            choice,
            office,
            vt,
            Some(ctx.t("book-error-choose-day")),
        )
        .await);
    };
    resolved.date = Some(date);
    let (from, to) = horizon(state);
    let slots = if date < from || date > to {
        Vec::new()
    } else {
        free_on(state, office, vt, date)
            .await
            .map_err(|e| ctx.error(e).into_response())?
    };
    if slots.is_empty() {
        return Err(day_step(
            state,
            ctx,
            choice,
            office,
            vt,
            Some(ctx.t("book-error-day-full")),
        )
        .await);
    }
    if upto <= Step::Time {
        return Ok(resolved);
    }
    let start = choice.start.trim().parse::<Timestamp>().ok();
    let Some(slot) = start.and_then(|s| slots.iter().find(|f| f.start == s)) else {
        let message = if choice.start.is_empty() {
            ctx.t("book-error-choose-time")
        } else {
            ctx.t("book-error-time-taken")
        };
        return Err(time_step(
            ctx,
            choice,
            office,
            vt,
            date,
            &slots,
            Some(message),
        ));
    };
    resolved.slot = Some(*slot);
    if upto <= Step::Person {
        return Ok(resolved);
    }
    let persons = accounts_svc::persons(state, &user.account)
        .await
        .map_err(|e| ctx.error(e).into_response())?;
    let person = choice
        .person
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| persons.iter().find(|p| p.id == id));
    let Some(person) = person else {
        return Err(person_step(
            state,
            ctx,
            choice,
            &persons,
            Some(ctx.t("book-error-choose-person")),
        ));
    };
    resolved.person = Some(person.clone());
    Ok(resolved)
}

// ---------------------------------------------------------------- handlers

/// `/book`: what the appointment is for. Says first when booking is blocked (domain.md §2).
pub async fn visit_type(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(choice): Query<Choice>,
) -> Response {
    let user = match gate(&state, &ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    match accounts_svc::standing(&state, &user.account).await {
        Ok(standing) => {
            if let Some(until) = standing.blocked_until {
                let page = ctx.page("page-book-blocked-title", Nav::Book);
                let mut view = MessagePage::new(page.clone(), page.t("page-book-blocked-title"));
                view.paragraphs = vec![
                    crate::services::booking::blocked(&state, until).message(ctx.lang),
                    page.t("book-blocked-why"),
                ];
                view.links = vec![Link::new("/account", page.t("nav-account"))];
                return render(StatusCode::FORBIDDEN, &view);
            }
        }
        Err(e) => return ctx.error(e).into_response(),
    }
    visit_type_step(&state, &ctx, &choice, None)
}

pub async fn office(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(choice): Query<Choice>,
) -> Response {
    let user = match gate(&state, &ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    match resolve(&state, &ctx, user, &choice, Step::Office).await {
        Ok(r) => {
            let pickup = pickup_office(&state, &user.account, r.vt).await;
            office_step(&state, &ctx, &choice, r.vt, pickup.as_ref(), None)
        }
        Err(r) => r,
    }
}

pub async fn day(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(choice): Query<Choice>,
) -> Response {
    let user = match gate(&state, &ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    match resolve(&state, &ctx, user, &choice, Step::Day).await {
        Ok(Resolved {
            vt,
            office: Some(office),
            ..
        }) => day_step(&state, &ctx, &choice, office, vt, None).await,
        Ok(_) => ctx.error(AppError::Internal).into_response(),
        Err(r) => r,
    }
}

pub async fn time(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(choice): Query<Choice>,
) -> Response {
    let user = match gate(&state, &ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    match resolve(&state, &ctx, user, &choice, Step::Time).await {
        Ok(Resolved {
            vt,
            office: Some(office),
            date: Some(date),
            ..
        }) => match free_on(&state, office, vt, date).await {
            Ok(slots) => time_step(&ctx, &choice, office, vt, date, &slots, None),
            Err(e) => ctx.error(e).into_response(),
        },
        Ok(_) => ctx.error(AppError::Internal).into_response(),
        Err(r) => r,
    }
}

pub async fn person(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(choice): Query<Choice>,
) -> Response {
    let user = match gate(&state, &ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    if let Err(r) = resolve(&state, &ctx, user, &choice, Step::Person).await {
        return r;
    }
    match accounts_svc::persons(&state, &user.account).await {
        Ok(persons) => person_step(&state, &ctx, &choice, &persons, None),
        Err(e) => ctx.error(e).into_response(),
    }
}

/// One row of the "check your answers" list.
pub struct SummaryRow {
    pub key: String,
    pub value: Vec<String>,
    pub change: Link,
    /// Read out after "Change" by screen readers: what is changed.
    pub change_hidden: String,
}

#[derive(Template)]
#[template(path = "book_confirm.html")]
struct ConfirmView {
    page: Page,
    back: Link,
    step_label: String,
    errors: Errors,
    rows: Vec<SummaryRow>,
    notes: Vec<String>,
    hidden: Vec<(String, String)>,
    after_error: Vec<Link>,
}

views!(ConfirmView);

fn confirm_view(ctx: &Ctx, choice: &Choice, r: &Resolved<'_>, errors: Errors) -> ConfirmView {
    let mut page = ctx.page("page-book-confirm-title", Nav::Book);
    page.has_errors = !errors.is_empty();
    let mut rows = vec![SummaryRow {
        key: page.t("book-summary-what"),
        value: vec![visit_type_name(page.lang, r.vt)],
        change: Link::new(choice.href(Step::VisitType), page.t("book-change")),
        change_hidden: page.t("book-change-type-hidden"),
    }];
    if let Some(office) = r.office {
        let mut value = vec![office.name.clone(), office.address.clone()];
        value.retain(|s| !s.is_empty());
        rows.push(SummaryRow {
            key: page.t("book-summary-where"),
            value,
            change: Link::new(choice.href(Step::Office), page.t("book-change")),
            change_hidden: page.t("book-change-office-hidden"),
        });
    }
    if let Some(slot) = r.slot {
        rows.push(SummaryRow {
            key: page.t("book-summary-when"),
            value: vec![
                i18n::long_date(page.lang, time::local_date(slot.start)),
                format!("{}–{}", i18n::time_of(slot.start), i18n::time_of(slot.end)),
            ],
            change: Link::new(choice.href(Step::Time), page.t("book-change")),
            change_hidden: page.t("book-change-time-hidden"),
        });
    }
    if let Some(person) = &r.person {
        rows.push(SummaryRow {
            key: page.t("book-summary-who"),
            value: vec![person.full_name.clone()],
            change: Link::new(choice.href(Step::Person), page.t("book-change")),
            change_hidden: page.t("book-change-person-hidden"),
        });
    }
    let policy = &page;
    let mut notes = vec![
        policy.t("book-confirm-binding"),
        policy.t("book-confirm-pin"),
    ];
    notes.extend(fee_intro(&page, r.vt));
    let mut hidden = choice.hidden_before(Step::Confirm);
    hidden.retain(|(k, _)| k != "date");
    let back = Link::new(choice.href(Step::Person), page.t("nav-back"));
    let after_error = if errors.is_empty() {
        Vec::new()
    } else {
        vec![
            Link::new(choice.href(Step::Time), page.t("book-choose-other-time")),
            Link::new("/appointments", page.t("nav-appointments")),
        ]
    };
    ConfirmView {
        step_label: step_label(&page, 6),
        page,
        back,
        errors,
        rows,
        notes,
        hidden,
        after_error,
    }
}

pub async fn confirm_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(choice): Query<Choice>,
) -> Response {
    let user = match gate(&state, &ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    match resolve(&state, &ctx, user, &choice, Step::Confirm).await {
        Ok(r) => {
            let mut view = confirm_view(&ctx, &choice, &r, Errors::default());
            view.notes.insert(
                1,
                view.page.tn(
                    "book-confirm-cancel",
                    "hours",
                    state.policy().cancel_notice.as_hours(),
                ),
            );
            ok(&view)
        }
        Err(r) => r,
    }
}

/// `POST /book/confirm`: books through the same service as the API.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(mut choice): CsrfForm<Choice>,
) -> Response {
    let user = match gate(&state, &ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let Ok(start) = choice.start.trim().parse::<Timestamp>() else {
        return ctx.error(AppError::BadRequest).into_response();
    };
    choice.date = time::local_date(start).to_string();
    let person_id = choice.person.trim().parse::<i64>().ok();
    let result = svc::book(
        &state,
        &user.account,
        BookRequest {
            office: &choice.office,
            visit_type: &choice.visit_type,
            start,
            person_id,
            // A second press of "Confirm" meets the one-active-appointment rule instead.
            idempotency_key: None,
        },
    )
    .await;
    match result {
        Ok(appointment) => see_other(&format!("/appointments/{}?booked=1", appointment.id)),
        Err(e @ (AppError::Internal | AppError::Unavailable | AppError::NotFound)) => {
            ctx.error(e).into_response()
        }
        Err(e) => {
            // Show the refusal on the summary, with the choices still there to change.
            let Some(vt) = find_visit_type(&state, &choice.visit_type) else {
                return ctx.error(e).into_response();
            };
            let office = svc::office_and_type(&state, &choice.office, &choice.visit_type)
                .ok()
                .map(|(o, _)| o);
            let slot = office.and_then(|o| {
                termin_domain::slots::slots_on(o, vt, time::local_date(start))
                    .into_iter()
                    .find(|s| s.start == start)
                    .map(|s| FreeSlot {
                        start: s.start,
                        end: s.end,
                        remaining: 0,
                    })
            });
            let person = match accounts_svc::persons(&state, &user.account).await {
                Ok(persons) => persons.into_iter().find(|p| Some(p.id) == person_id),
                Err(_) => None,
            };
            let resolved = Resolved {
                vt,
                office,
                date: None,
                slot,
                person,
            };
            let mut errors = Errors::default();
            errors.general(e.message(ctx.lang));
            let mut view = confirm_view(&ctx, &choice, &resolved, errors);
            if e == AppError::SlotFull {
                view.after_error.push(Link::new(
                    join_href(
                        vt.id.as_str(),
                        office.map(|o| o.id.as_str()),
                        Some(time::local_date(start)),
                    ),
                    view.page.t("book-waitlist-join"),
                ));
            }
            render(e.status(), &view)
        }
    }
}
