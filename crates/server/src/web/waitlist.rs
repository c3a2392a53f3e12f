//! The waitlist (fair access when appointments are scarce): my requests with their place in
//! line and the place offered to them, a new request in two steps (what for; then where,
//! which days, what times of day, for whom), and answering an offer. The pages call the same
//! services as the JSON API (`services::waitlist`); no rule is checked here.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use serde::Deserialize;
use termin_domain::{OfficeId, PartOfDay, VisitType, VisitTypeId, time};
use termin_store::{
    Account, Appointment, Offer, OfferStatus, Person, Relation, RequestStatus, WaitlistRequest,
};

use super::auth_pages::Nothing;
use super::common::Question;
use super::ctx::{
    CsrfForm, CsrfPairs, Ctx, Errors, Link, Nav, Page, PageError, enc, render, see_other, views,
};
use super::views::MessagePage;
use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n;
use crate::mail::visit_type_name;
use crate::services::accounts as accounts_svc;
use crate::services::booking::pickup_office;
use crate::services::waitlist::{self as svc, WishInput};
use crate::state::AppState;

/// The first page of a new request, with what is known already (from the booking flow:
/// the visit type, the office, the day that had no free time).
pub fn join_href(visit_type: &str, office: Option<&str>, date: Option<Date>) -> String {
    let mut href = format!("/waitlist/new?visit_type={}", enc(visit_type));
    if let Some(office) = office {
        href.push_str(&format!("&office={}", enc(office)));
    }
    if let Some(date) = date {
        href.push_str(&format!("&date={date}"));
    }
    href
}

fn find_visit_type<'a>(state: &'a AppState, id: &str) -> Option<&'a VisitType> {
    VisitTypeId::parse(id.trim())
        .ok()
        .and_then(|id| state.catalog.visit_type(&id))
        // Only what some office can actually be booked for.
        .filter(|vt| state.catalog.offices_offering(&vt.id).next().is_some())
}

fn part_of_day_label(page: &Page, part: PartOfDay) -> String {
    page.t(&format!("waitlist-time-{}", part.as_str()))
}

// ---------------------------------------------------------------- my requests

/// One term of a request and its value (several lines for a list of offices).
pub struct Row {
    pub key: String,
    pub lines: Vec<String>,
    pub detail: String,
}

/// A freed place held for one of my requests, while it can still be answered.
pub struct OfferView {
    pub id: i64,
    pub date: String,
    pub time: String,
    pub visit: String,
    pub office_name: String,
    pub office_address: String,
    pub office_href: String,
    pub until: String,
    pub accept_action: String,
    pub decline_action: String,
}

pub struct RequestView {
    pub id: i64,
    pub visit: String,
    pub status: String,
    /// For the status tag's look; the tag always has words too.
    pub status_class: &'static str,
    pub rows: Vec<Row>,
    pub offer: Option<OfferView>,
    /// What became of the latest offer once it is over, else "".
    pub note: String,
    /// The appointment made by accepting an offer.
    pub appointment: Option<Link>,
    /// Waiting or offered: listed first, with the withdraw button.
    pub in_line: bool,
    pub withdraw_action: String,
}

fn office_name(state: &AppState, id: &str) -> (String, String) {
    OfficeId::parse(id)
        .ok()
        .and_then(|id| state.catalog.office(&id))
        .map(|o| (o.name.clone(), o.address.clone()))
        .unwrap_or_else(|| (id.to_string(), String::new()))
}

fn when_of(page: &Page, offer: &Offer) -> (String, String) {
    (
        i18n::long_date(page.lang, time::local_date(offer.start)),
        format!(
            "{}–{}",
            i18n::time_of(offer.start),
            i18n::time_of(offer.end)
        ),
    )
}

fn view_of(state: &AppState, page: &Page, r: &WaitlistRequest, persons: &[Person]) -> RequestView {
    let visit = state
        .catalog
        .visit_type(&r.wish.visit_type)
        .map(|vt| visit_type_name(page.lang, vt))
        .unwrap_or_else(|| r.wish.visit_type.as_str().to_string());
    let person = persons
        .iter()
        .find(|p| p.id == r.person_id)
        .map(|p| p.full_name.clone())
        .unwrap_or_default();
    let days = if r.wish.from == r.wish.to {
        i18n::long_date(page.lang, r.wish.from)
    } else {
        page.targs(
            "waitlist-days-range",
            &[
                ("from", i18n::long_date(page.lang, r.wish.from).into()),
                ("to", i18n::long_date(page.lang, r.wish.to).into()),
            ],
        )
    };
    let mut rows = vec![
        Row {
            key: page.t("book-summary-who"),
            lines: vec![person],
            detail: String::new(),
        },
        Row {
            key: page.t("waitlist-summary-offices"),
            lines: r
                .wish
                .offices
                .iter()
                .map(|o| office_name(state, o.as_str()).0)
                .collect(),
            detail: String::new(),
        },
        Row {
            key: page.t("waitlist-summary-days"),
            lines: vec![days],
            detail: String::new(),
        },
        Row {
            key: page.t("waitlist-summary-times"),
            lines: r
                .wish
                .times
                .iter()
                .map(|t| part_of_day_label(page, *t))
                .collect(),
            detail: String::new(),
        },
    ];
    if let Some(position) = r.position {
        rows.push(Row {
            key: page.t("waitlist-summary-position"),
            lines: vec![position.to_string()],
            detail: page.t("waitlist-position-hint"),
        });
    }
    rows.push(Row {
        key: page.t("waitlist-summary-filed"),
        lines: vec![i18n::date_time(page.lang, r.created_at)],
        detail: String::new(),
    });

    let now = state.now();
    let mut offer = None;
    let mut note = String::new();
    let mut appointment = None;
    if let Some(o) = &r.offer {
        let (date, time) = when_of(page, o);
        let when = format!("{date}, {time}");
        match o.status {
            OfferStatus::Open if svc::answerable(o, now) => {
                let (office_name, office_address) = office_name(state, &o.office_id);
                offer = Some(OfferView {
                    id: o.id,
                    date,
                    time,
                    visit: visit.clone(),
                    office_name,
                    office_address,
                    office_href: format!("/offices/{}", o.office_id),
                    until: i18n::date_time(page.lang, o.expires_at),
                    accept_action: format!("/offers/{}/accept", o.id),
                    decline_action: format!("/offers/{}/decline", o.id),
                });
            }
            // Its time ran out (perhaps a moment ago, not yet passed on by the worker).
            OfferStatus::Open | OfferStatus::Lapsed => {
                note = page.ts("waitlist-offer-lapsed-note", "when", &when);
            }
            OfferStatus::Declined if r.status.is_open() => {
                note = page.ts("waitlist-offer-declined-note", "when", &when);
            }
            OfferStatus::Accepted => {
                if let Some(id) = o.appointment_id {
                    appointment = Some(Link::new(
                        format!("/appointments/{id}"),
                        page.t("waitlist-see-appointment"),
                    ));
                }
            }
            OfferStatus::Declined | OfferStatus::Withdrawn => {}
        }
    }
    // An offer whose time ran out a moment ago closes its request as soon as the worker
    // passes the place on: shown closed already, with nothing left to press.
    let status = match r.status {
        RequestStatus::Offered if offer.is_none() => RequestStatus::Expired,
        s => s,
    };
    RequestView {
        id: r.id,
        visit,
        status: page.t(&format!("waitlist-status-{}", status.as_str())),
        status_class: match status {
            RequestStatus::Waiting => "tag-active",
            RequestStatus::Offered | RequestStatus::Booked => "tag-done",
            RequestStatus::Withdrawn => "tag-cancelled",
            RequestStatus::Expired => "tag-missed",
        },
        rows,
        offer,
        note,
        appointment,
        in_line: status.is_open(),
        withdraw_action: if status.is_open() {
            format!("/waitlist/{}/withdraw", r.id)
        } else {
            String::new()
        },
    }
}

#[derive(Template)]
#[template(path = "waitlist.html")]
struct ListView {
    page: Page,
    errors: Errors,
    notice: String,
    intro: Vec<String>,
    open: Vec<RequestView>,
    closed: Vec<RequestView>,
}

views!(ListView);

/// What the list says after an action (from the redirect's query).
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListQuery {
    filed: Option<i64>,
    withdrawn: Option<i64>,
    declined: Option<i64>,
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    errors: Errors,
    q: &ListQuery,
) -> Result<ListView, PageError> {
    let user = ctx.require_user()?;
    let mut page = ctx.page("page-waitlist-title", Nav::Waitlist);
    page.has_errors = !errors.is_empty();
    let requests = svc::list(state, &user.account)
        .await
        .map_err(|e| ctx.error(e))?;
    let persons = accounts_svc::persons(state, &user.account)
        .await
        .map_err(|e| ctx.error(e))?;
    let mut notice = String::new();
    if let Some(id) = q.filed
        && let Some(r) = requests.iter().find(|r| r.id == id && r.status.is_open())
    {
        let visit = state
            .catalog
            .visit_type(&r.wish.visit_type)
            .map(|vt| visit_type_name(page.lang, vt))
            .unwrap_or_default();
        notice = page.targs(
            "waitlist-filed-notice",
            &[
                ("visit", visit.into()),
                ("position", r.position.unwrap_or(1).into()),
            ],
        );
    } else if q.withdrawn.is_some() {
        notice = page.t("waitlist-withdrawn-notice");
    } else if q.declined.is_some() {
        notice = page.t("waitlist-declined-notice");
    }
    let (mut open, mut closed) = (Vec::new(), Vec::new());
    for r in &requests {
        let view = view_of(state, &page, r, &persons);
        if view.in_line {
            open.push(view);
        } else {
            closed.push(view);
        }
    }
    // A place to answer comes first: it is held only for a while.
    open.sort_by_key(|r| r.offer.is_none());
    let policy = state.policy();
    let intro = vec![
        page.t("waitlist-intro-order"),
        page.tn("waitlist-intro-hold", "hours", policy.offer_hold.as_hours()),
        page.t("waitlist-intro-answer"),
    ];
    Ok(ListView {
        page,
        errors,
        notice,
        intro,
        open,
        closed,
    })
}

/// `GET /waitlist`: my requests, a place offered to answer first.
pub async fn list(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Response {
    match list_page(&state, &ctx, Errors::default(), &q).await {
        Ok(view) => render(StatusCode::OK, &view),
        Err(e) => e.into_response(),
    }
}

/// An action that was refused shows its reason on the list; what cannot be shown there
/// (someone else's request, an outage) gets its own page.
async fn refused(state: &AppState, ctx: &Ctx, e: AppError) -> Response {
    match e {
        AppError::NotFound | AppError::Internal | AppError::Unavailable => {
            ctx.error(e).into_response()
        }
        e => {
            let mut errors = Errors::default();
            errors.general(e.message(ctx.lang));
            match list_page(state, ctx, errors, &ListQuery::default()).await {
                Ok(view) => render(e.status(), &view),
                Err(err) => err.into_response(),
            }
        }
    }
}

/// An answer to a request or an offer: the signed-in person's account goes to `act`; its
/// success goes to the page `next` names, a refusal is shown on the list.
async fn answer<T, Fut>(
    state: &AppState,
    ctx: &Ctx,
    act: impl FnOnce(Account) -> Fut,
    next: impl FnOnce(T) -> String,
) -> Response
where
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let account = match ctx.require_user() {
        Ok(user) => user.account.clone(),
        Err(e) => return e.into_response(),
    };
    match act(account).await {
        Ok(done) => see_other(&next(done)),
        Err(e) => refused(state, ctx, e).await,
    }
}

/// `POST /waitlist/{id}/withdraw`: leaves the line; a place held for it goes to the next.
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Response {
    let act = |account: Account| {
        let state = state.clone();
        async move { svc::withdraw(&state, &account, id).await }
    };
    answer(&state, &ctx, act, |_| format!("/waitlist?withdrawn={id}")).await
}

/// `POST /offers/{id}/accept`: the held place becomes an appointment; its page shows the PIN
/// as after booking.
pub async fn accept(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Response {
    let act = |account: Account| {
        let state = state.clone();
        async move { svc::accept(&state, &account, id).await }
    };
    let next = |appointment: Appointment| format!("/appointments/{}?booked=1", appointment.id);
    answer(&state, &ctx, act, next).await
}

/// `POST /offers/{id}/decline`: the place goes to the next in line; the request stays.
pub async fn decline(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Response {
    let act = |account: Account| {
        let state = state.clone();
        async move { svc::decline(&state, &account, id).await }
    };
    answer(&state, &ctx, act, |_| format!("/waitlist?declined={id}")).await
}

/// A GET of an action comes only from signing in again after the session ran out: the list
/// shows its buttons again.
pub async fn back_to_list() -> Response {
    see_other("/waitlist")
}

// ---------------------------------------------------------------- a new request

/// One checkbox.
pub struct Check {
    pub id: String,
    pub value: String,
    pub label: String,
    pub hint: String,
    pub checked: bool,
}

/// Checkboxes sharing a name (a fieldset whose legend is the question).
pub struct CheckGroup {
    pub name: &'static str,
    pub legend: String,
    pub hint: String,
    pub error: String,
    pub checks: Vec<Check>,
}

impl CheckGroup {
    fn new(name: &'static str, legend: String, hint: String) -> CheckGroup {
        CheckGroup {
            name,
            legend,
            hint,
            error: String::new(),
            checks: Vec::new(),
        }
    }

    fn check(&mut self, value: String, label: String, hint: String, checked: bool) {
        // The first box carries the group's name as id: the error summary links there.
        let id = if self.checks.is_empty() {
            self.name.to_string()
        } else {
            format!("{}-{}", self.name, self.checks.len() + 1)
        };
        self.checks.push(Check {
            id,
            value,
            label,
            hint,
            checked,
        });
    }
}

/// A date typed or picked (`YYYY-MM-DD`, as the browser's date input sends it).
pub struct DateInput {
    pub name: &'static str,
    pub label: String,
    pub value: String,
    pub error: String,
    pub min: String,
    pub max: String,
}

/// The answers of the form, as typed.
#[derive(Default, Clone)]
struct WishForm {
    visit_type: String,
    offices: Vec<String>,
    from: String,
    to: String,
    times: Vec<String>,
    person: String,
}

impl WishForm {
    fn from_pairs(pairs: &CsrfPairs) -> WishForm {
        WishForm {
            visit_type: pairs.one("visit_type"),
            offices: pairs.all("offices"),
            from: pairs.one("from"),
            to: pairs.one("to"),
            times: pairs.all("times"),
            person: pairs.one("person"),
        }
    }
}

#[derive(Template)]
#[template(path = "waitlist_type.html")]
struct TypeView {
    page: Page,
    back: Link,
    step_label: String,
    errors: Errors,
    question: Question,
}

#[derive(Template)]
#[template(path = "waitlist_new.html")]
struct NewView {
    page: Page,
    back: Link,
    step_label: String,
    errors: Errors,
    intro: Vec<String>,
    visit_type: String,
    offices: CheckGroup,
    days_legend: String,
    days_hint: String,
    /// The first and the last acceptable day.
    dates: Vec<DateInput>,
    dates_error: bool,
    times: CheckGroup,
    person: Option<Question>,
}

views!(TypeView, NewView);

fn step_label(page: &Page, n: i64) -> String {
    page.targs("book-step-of", &[("step", n.into()), ("total", 2.into())])
}

/// Step 1: what the appointment would be for.
fn type_step(state: &AppState, ctx: &Ctx, chosen: &str, error: Option<String>) -> Response {
    let mut page = ctx.page("page-waitlist-type-title", Nav::Waitlist);
    let mut q = Question::new("visit_type", page.t("page-waitlist-type-title"));
    q.hint = page.t("waitlist-type-hint");
    for vt in &state.catalog.visit_types {
        if state.catalog.offices_offering(&vt.id).next().is_none() {
            continue;
        }
        let hint = if vt.requires_bio {
            page.t("book-type-needs-bio")
        } else {
            String::new()
        };
        q.radio(
            vt.id.as_str().to_string(),
            visit_type_name(page.lang, vt),
            hint,
            chosen.trim() == vt.id.as_str(),
        );
    }
    let mut errors = Errors::default();
    if let Some(message) = error {
        errors.add(q.name, message.clone());
        q.error = message;
        page.has_errors = true;
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let back = Link::new("/waitlist", page.t("nav-back"));
    render(
        status,
        &TypeView {
            step_label: step_label(&page, 1),
            page,
            back,
            errors,
            question: q,
        },
    )
}

/// Step 2: where, which days, what times of day, for whom.
async fn details_step(
    state: &AppState,
    ctx: &Ctx,
    user: &CurrentUser,
    vt: &VisitType,
    form: &WishForm,
    errors: Errors,
    status: StatusCode,
) -> Response {
    let persons = match accounts_svc::persons(state, &user.account).await {
        Ok(p) => p,
        Err(e) => return ctx.error(e).into_response(),
    };
    let mut page = ctx.page("page-waitlist-new-title", Nav::Waitlist);
    page.has_errors = !errors.is_empty();
    let policy = state.policy();
    let visit = visit_type_name(page.lang, vt);
    let mut intro = vec![page.ts("book-chosen-type", "visit", &visit)];

    // domain.md §3, §4: a BIO visit only at a BIO office; a card only where the biometric
    // data were captured, when the account knows where (the service checks again).
    let pickup = pickup_office(state, &user.account, vt).await;
    if let Some(p) = &pickup {
        intro.push(page.targs(
            "guide-pickup-only-office",
            &[
                ("office", p.office.name.clone().into()),
                ("date", i18n::short_date(page.lang, p.captured).into()),
            ],
        ));
    }
    let mut offices = CheckGroup::new(
        "offices",
        page.t("waitlist-offices-legend"),
        page.tn(
            "waitlist-offices-hint",
            "count",
            i64::from(policy.waitlist_max_offices),
        ),
    );
    let listed: Vec<_> = state
        .catalog
        .offices_offering(&vt.id)
        .filter(|o| o.bio || !vt.requires_bio)
        .filter(|o| pickup.as_ref().is_none_or(|p| p.office.id == o.id))
        .collect();
    for office in &listed {
        let mut hint = vec![office.region.clone(), office.address.clone()];
        if office.permanent_residence_only {
            hint.push(page.t("office-permanent-residence-only"));
        }
        let id = office.id.as_str();
        offices.check(
            id.to_string(),
            office.name.clone(),
            hint.into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            // The only office there is needs no choosing.
            listed.len() == 1 || form.offices.iter().any(|o| o.trim() == id),
        );
    }
    offices.error = errors.get("offices");

    let (first, last) = svc::bookable_days(state);
    let date_input = |name: &'static str, key: &str, value: &str| DateInput {
        name,
        label: page.t(key),
        value: value.trim().to_string(),
        error: errors.get(name),
        min: first.to_string(),
        max: last.to_string(),
    };
    let from = date_input("from", "waitlist-from-label", &form.from);
    let to = date_input("to", "waitlist-to-label", &form.to);
    let days_hint = page.targs(
        "waitlist-days-hint",
        &[
            ("first", i18n::long_date(page.lang, first).into()),
            ("last", i18n::long_date(page.lang, last).into()),
        ],
    );

    let mut times = CheckGroup::new(
        "times",
        page.t("waitlist-times-legend"),
        page.t("waitlist-times-hint"),
    );
    for part in svc::parts_of_day() {
        times.check(
            part.as_str().to_string(),
            part_of_day_label(&page, part),
            page.t(&format!("waitlist-time-{}-hint", part.as_str())),
            form.times.iter().any(|t| t.trim() == part.as_str()),
        );
    }
    times.error = errors.get("times");

    // Only an account with children has anyone to choose.
    let person = (persons.len() > 1).then(|| {
        let mut q = Question::new("person", page.t("waitlist-person-legend"));
        q.hint = page.t("book-person-hint");
        for p in &persons {
            let (label, hint) = match p.relation {
                Relation::Myself => (
                    page.ts("book-person-self", "name", &p.full_name),
                    String::new(),
                ),
                Relation::Child => (
                    p.full_name.clone(),
                    page.ts(
                        "book-person-child-hint",
                        "born",
                        &i18n::short_date(page.lang, p.date_of_birth),
                    ),
                ),
            };
            let checked = if form.person.trim().is_empty() {
                p.relation == Relation::Myself
            } else {
                form.person.trim() == p.id.to_string()
            };
            q.radio(p.id.to_string(), label, hint, checked);
        }
        q.error = errors.get("person");
        q
    });

    let back = Link::new(
        format!("/waitlist/new?change=1&visit_type={}", enc(vt.id.as_str())),
        page.t("nav-back"),
    );
    render(
        status,
        &NewView {
            step_label: step_label(&page, 2),
            days_legend: page.t("waitlist-days-legend"),
            page,
            back,
            errors,
            intro,
            visit_type: vt.id.as_str().to_string(),
            offices,
            days_hint,
            dates_error: !from.error.is_empty() || !to.error.is_empty(),
            dates: vec![from, to],
            times,
            person,
        },
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewQuery {
    visit_type: Option<String>,
    office: String,
    date: String,
    /// Back from step 2: ask the first question again, the visit type preselected.
    change: Option<String>,
    /// Sent by the first question's form: an answer missing there is a mistake, not a start.
    asked: Option<String>,
}

/// Signed in with a confirmed e-mail (a request needs one), or a page that says what to do.
#[allow(clippy::result_large_err)]
fn gate(ctx: &Ctx) -> Result<&CurrentUser, Response> {
    let user = ctx.require_user().map_err(IntoResponse::into_response)?;
    if !user.account.email_verified {
        let page = ctx.page("page-book-verify-title", Nav::Waitlist);
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

/// `GET /waitlist/new`: the visit type first, then the rest of the request.
pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> Response {
    let user = match gate(&ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let Some(chosen) = q.visit_type.as_deref() else {
        let error = q.asked.is_some().then(|| ctx.t("book-error-choose-type"));
        return type_step(&state, &ctx, "", error);
    };
    let Some(vt) = find_visit_type(&state, chosen) else {
        return type_step(&state, &ctx, chosen, Some(ctx.t("book-error-choose-type")));
    };
    if q.change.is_some() {
        return type_step(&state, &ctx, chosen, None);
    }
    // From the booking flow: the day that had no free time, else today, up to the horizon.
    let (first, last) = svc::bookable_days(&state);
    let from = q
        .date
        .trim()
        .parse::<Date>()
        .ok()
        .filter(|d| (first..=last).contains(d))
        .unwrap_or(first);
    let form = WishForm {
        visit_type: vt.id.as_str().to_string(),
        offices: vec![q.office.clone()],
        from: from.to_string(),
        to: last.to_string(),
        // Any time of day, unless the person says otherwise: the most chances of a place.
        times: svc::parts_of_day()
            .iter()
            .map(|p| p.as_str().to_string())
            .collect(),
        person: String::new(),
    };
    details_step(
        &state,
        &ctx,
        user,
        vt,
        &form,
        Errors::default(),
        StatusCode::OK,
    )
    .await
}

/// The service's refusal as messages on the form, each at its field where it has one.
fn form_errors(ctx: &Ctx, form: &WishForm, e: &AppError, person_asked: bool) -> Errors {
    let mut errors = Errors::default();
    match e {
        AppError::InvalidInput(fields) => {
            for (field, key) in fields {
                let message = match (*field, *key) {
                    ("from", "field-date-invalid") if form.from.trim().is_empty() => {
                        ctx.t("waitlist-error-from-empty")
                    }
                    ("to", "field-date-invalid") if form.to.trim().is_empty() => {
                        ctx.t("waitlist-error-to-empty")
                    }
                    _ => ctx.t(key),
                };
                errors.add(field, message);
            }
        }
        AppError::NotFound | AppError::VisitTypeNotOffered | AppError::PickupAtOtherOffice => {
            errors.add("offices", e.message(ctx.lang));
        }
        AppError::NotYourPerson if person_asked => errors.add("person", e.message(ctx.lang)),
        _ => errors.general(e.message(ctx.lang)),
    }
    errors
}

/// `POST /waitlist`: files the request; refusals are shown on the form, what was chosen kept.
pub async fn file(State(state): State<AppState>, ctx: Ctx, pairs: CsrfPairs) -> Response {
    let user = match gate(&ctx) {
        Ok(u) => u,
        Err(r) => return r,
    };
    let form = WishForm::from_pairs(&pairs);
    let Some(vt) = find_visit_type(&state, &form.visit_type) else {
        return type_step(
            &state,
            &ctx,
            &form.visit_type,
            Some(ctx.t("book-error-choose-type")),
        );
    };
    let input = WishInput {
        visit_type: form.visit_type.clone(),
        offices: form.offices.clone(),
        from: form.from.clone(),
        to: form.to.clone(),
        times: form.times.clone(),
        person_id: form.person.trim().parse().ok(),
    };
    match svc::file(&state, &user.account, &input).await {
        Ok(request) => see_other(&format!("/waitlist?filed={}", request.id)),
        Err(e @ (AppError::Internal | AppError::Unavailable)) => ctx.error(e).into_response(),
        Err(e) => {
            let person_asked = !form.person.trim().is_empty();
            let errors = form_errors(&ctx, &form, &e, person_asked);
            let status = match e {
                AppError::NotFound => StatusCode::UNPROCESSABLE_ENTITY,
                e => e.status(),
            };
            details_step(&state, &ctx, user, vt, &form, errors, status).await
        }
    }
}
