//! My account: standing under the booking rules (domain.md §2) and the children I represent.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use fluent_templates::fluent_bundle::FluentValue;
use serde::Deserialize;
use termin_domain::Language;
use termin_store::Relation;

use super::ctx::{
    CsrfForm, Ctx, Errors, Field, FormView, Link, Nav, Page, enc, field_message, iso_date,
    local_path, render, see_other, views,
};
use super::home::policy_rules;
use super::views::MessagePage;
use crate::error::AppError;
use crate::i18n;
use crate::services::accounts as svc;
use crate::state::AppState;

/// A term and its value, for a GOV.UK summary list.
pub struct Row {
    pub key: String,
    pub value: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct StandingView {
    page: Page,
    details: Vec<Row>,
    /// "Send me a new confirmation link", while the e-mail address is not confirmed.
    resend: Option<FormView>,
    standing: Vec<Row>,
    blocked: bool,
    verdict: String,
    rules: Vec<String>,
}

views!(StandingView);

fn days(d: jiff::SignedDuration) -> i64 {
    d.as_hours() / 24
}

pub async fn standing(State(state): State<AppState>, ctx: Ctx) -> Response {
    let user = match ctx.require_user() {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let standing = match svc::standing(&state, &user.account).await {
        Ok(s) => s,
        Err(e) => return ctx.error(e).into_response(),
    };
    let page = ctx.page("page-account-title", Nav::Account);
    let account = &user.account;
    let policy = state.policy();
    let language = Language::parse(&account.language).unwrap_or_default();
    let details = vec![
        Row {
            key: page.t("account-name"),
            value: account.full_name.clone(),
            detail: String::new(),
        },
        Row {
            key: page.t("account-email"),
            value: account.email.clone(),
            detail: if account.email_verified {
                page.t("account-email-confirmed")
            } else {
                page.t("account-email-not-confirmed")
            },
        },
        Row {
            key: page.t("account-dob"),
            value: i18n::short_date(page.lang, account.date_of_birth),
            detail: String::new(),
        },
        Row {
            key: page.t("account-language"),
            value: page.t(&format!("lang-name-{}", language.as_str())),
            detail: page.t("account-language-hint"),
        },
    ];
    let standing_rows = vec![
        Row {
            key: page.tn("account-no-shows", "days", days(policy.no_show_window)),
            value: page.targs(
                "account-no-shows-value",
                &[
                    ("count", FluentValue::from(standing.no_shows)),
                    ("limit", FluentValue::from(policy.no_show_limit)),
                ],
            ),
            detail: page.targs(
                "rule-no-shows",
                &[
                    ("count", FluentValue::from(policy.no_show_limit)),
                    ("days", FluentValue::from(days(policy.no_show_window))),
                    ("block", FluentValue::from(days(policy.block_for))),
                ],
            ),
        },
        Row {
            key: page.tn(
                "account-cancellations",
                "days",
                days(policy.cancellation_window),
            ),
            value: page.targs(
                "account-cancellations-value",
                &[
                    ("count", FluentValue::from(standing.cancellations)),
                    ("left", FluentValue::from(standing.cancellations_left)),
                ],
            ),
            detail: page.targs(
                "rule-cancel-limit",
                &[
                    ("count", FluentValue::from(policy.cancellation_limit)),
                    ("days", FluentValue::from(days(policy.cancellation_window))),
                ],
            ),
        },
    ];
    let (blocked, verdict) = match standing.blocked_until {
        Some(until) => (
            true,
            page.ts(
                "account-blocked-until",
                "until",
                &i18n::date_time(page.lang, until),
            ),
        ),
        None => (false, page.t("account-not-blocked")),
    };
    let rules = policy_rules(&page, policy);
    let resend = (!account.email_verified).then(|| resend_form(&page, "/account"));
    render(
        StatusCode::OK,
        &StandingView {
            page,
            details,
            resend,
            standing: standing_rows,
            blocked,
            verdict,
            rules,
        },
    )
}

// ---------------------------------------------------------------- a new confirmation link

/// The button that sends a new confirmation e-mail; afterwards the reader can go `back`.
pub fn resend_form(page: &Page, back: &str) -> FormView {
    let mut form = FormView::new(
        "/account/verify-email/resend",
        page.t("verify-resend-submit"),
    )
    .hidden("back", back);
    form.button_class = "button-secondary";
    form
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResendInput {
    back: String,
}

/// `POST /account/verify-email/resend`: a new confirmation link by e-mail (rate-limited by
/// the service); the answer says where it went.
pub async fn resend_verification(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<ResendInput>,
) -> Response {
    let user = match ctx.require_user() {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let back = local_path(Some(&input.back)).unwrap_or_else(|| "/account".to_string());
    let account = &user.account;
    if account.email_verified {
        let page = ctx.page("page-verified-title", Nav::Account);
        let mut view = MessagePage::new(page.clone(), page.t("page-verified-title"));
        view.paragraphs = vec![page.t("verify-resend-not-needed")];
        view.links = vec![Link::new(back, page.t("verify-resend-back"))];
        return render(StatusCode::OK, &view);
    }
    match svc::resend_verification(&state, account).await {
        Ok(()) => {
            let page = ctx.page("page-verify-resent-title", Nav::Account);
            let mut view = MessagePage::new(page.clone(), page.t("page-verify-resent-title"));
            view.panel = true;
            view.paragraphs = vec![
                page.targs(
                    "verify-resent-body",
                    &[
                        ("email", account.email.clone().into()),
                        (
                            "hours",
                            FluentValue::from(state.config.limits.verify_token_hours),
                        ),
                    ],
                ),
                page.t("check-email-spam"),
            ];
            view.links = vec![Link::new(back, page.t("verify-resend-back"))];
            render(StatusCode::OK, &view)
        }
        Err(e @ AppError::TooManyAttempts { .. }) => {
            let page = ctx.page("page-verify-resend-wait-title", Nav::Account);
            let mut view = MessagePage::new(page.clone(), page.t("page-verify-resend-wait-title"));
            view.paragraphs = vec![e.message(page.lang), page.t("check-email-spam")];
            view.links = vec![Link::new(back, page.t("verify-resend-back"))];
            render(e.status(), &view)
        }
        Err(e) => ctx.error(e).into_response(),
    }
}

/// A GET here comes only from signing in again after the session ran out.
pub async fn resend_get() -> Response {
    see_other("/account")
}

// ---------------------------------------------------------------- children

#[derive(Template)]
#[template(path = "children.html")]
struct ChildrenView {
    page: Page,
    errors: Errors,
    notice: String,
    children: Vec<Row>,
    form: FormView,
    back: String,
    rules: String,
    older: String,
}

views!(ChildrenView);

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ChildrenQuery {
    added: Option<String>,
    back: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ChildInput {
    full_name: String,
    dob_day: String,
    dob_month: String,
    dob_year: String,
    back: String,
}

async fn children_page(
    state: &AppState,
    ctx: &Ctx,
    input: &ChildInput,
    errors: Errors,
    added: bool,
) -> Response {
    let user = match ctx.require_user() {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let persons = match svc::persons(state, &user.account).await {
        Ok(p) => p,
        Err(e) => return ctx.error(e).into_response(),
    };
    let mut page = ctx.page("page-children-title", Nav::Children);
    page.has_errors = !errors.is_empty();
    let children = persons
        .iter()
        .filter(|p| p.relation == Relation::Child)
        .map(|p| Row {
            key: p.full_name.clone(),
            value: page.ts(
                "children-born",
                "date",
                &i18n::short_date(page.lang, p.date_of_birth),
            ),
            detail: String::new(),
        })
        .collect();
    let back = local_path(Some(&input.back))
        .filter(|b| b.starts_with("/book"))
        .unwrap_or_default();
    let mut form = FormView::new("/account/children", page.t("form-child-submit"))
        .field(
            Field::new("full_name", "text", page.t("form-child-name-label"))
                .hint(page.t("form-child-name-hint"))
                .value(&input.full_name)
                .error_from(&errors),
        )
        .field(
            Field::new("date_of_birth", "date", page.t("form-child-dob-label"))
                .hint(page.t("form-dob-hint"))
                .date(&input.dob_day, &input.dob_month, &input.dob_year)
                .error_from(&errors),
        );
    if !back.is_empty() {
        form = form.hidden("back", &back);
    }
    let notice = if added {
        page.t("children-added")
    } else {
        String::new()
    };
    let age = i64::from(state.policy().child_age_limit);
    let rules = page.tn("rule-children", "age", age);
    let older = page.tn("children-older", "age", age);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render(
        status,
        &ChildrenView {
            page,
            errors,
            notice,
            children,
            form,
            back,
            rules,
            older,
        },
    )
}

pub async fn children(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<ChildrenQuery>,
) -> Response {
    let input = ChildInput {
        back: q.back,
        ..ChildInput::default()
    };
    children_page(&state, &ctx, &input, Errors::default(), q.added.is_some()).await
}

pub async fn add_child(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<ChildInput>,
) -> Response {
    let user = match ctx.require_user() {
        Ok(u) => u,
        Err(e) => return e.into_response(),
    };
    let dob = iso_date(&input.dob_day, &input.dob_month, &input.dob_year);
    match svc::add_child(&state, &user.account, &input.full_name, &dob).await {
        Ok(_) => {
            let mut to = "/account/children?added=1".to_string();
            if let Some(back) = local_path(Some(&input.back)) {
                to.push_str(&format!("&back={}", enc(&back)));
            }
            see_other(&to)
        }
        Err(fields) => {
            let mut errors = Errors::default();
            for f in fields {
                errors.add(f.field, field_message(&ctx, f.key));
            }
            children_page(&state, &ctx, &input, errors, false).await
        }
    }
}
