//! Register, confirm the e-mail, sign in and out, reset a forgotten password (domain.md §2).

use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use termin_domain::Language;
use termin_domain::values::MIN_PASSWORD_CHARS;
use termin_store::TokenKind;

use super::ctx::{
    CsrfForm, Ctx, Errors, Field, FormView, Link, Nav, SelectOption, enc, field_message, iso_date,
    local_path, ok, render, see_other,
};
use super::views::{FormPage, MessagePage};
use crate::auth::{ClientIp, session_cookie_name};
use crate::error::AppError;
use crate::services::accounts::{self as svc, RegisterError, Registration};
use crate::state::AppState;

// ---------------------------------------------------------------- register

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct RegisterInput {
    email: String,
    password: String,
    full_name: String,
    dob_day: String,
    dob_month: String,
    dob_year: String,
    language: String,
}

fn register_page(state: &AppState, ctx: &Ctx, input: &RegisterInput, errors: Errors) -> FormPage {
    let page = ctx.page("page-register-title", Nav::Register);
    let chosen = Language::parse(&input.language).unwrap_or(ctx.chosen);
    let languages = Language::ALL
        .iter()
        .map(|l| SelectOption {
            value: l.as_str().to_string(),
            label: page.t(&format!("lang-name-{}", l.as_str())),
            selected: *l == chosen,
        })
        .collect();
    let form = FormView::new("/register", page.t("form-register-submit"))
        .field(
            Field::new("email", "email", page.t("form-email-label"))
                .hint(page.t("form-email-hint-register"))
                .value(&input.email)
                .autocomplete("email")
                .error_from(&errors),
        )
        .field(
            Field::new("password", "password", page.t("form-password-label"))
                .hint(page.tn("form-password-hint-new", "min", MIN_PASSWORD_CHARS as i64))
                .autocomplete("new-password")
                .error_from(&errors),
        )
        .field(
            Field::new("full_name", "text", page.t("form-full-name-label"))
                .hint(page.t("form-full-name-hint"))
                .value(&input.full_name)
                .autocomplete("name")
                .error_from(&errors),
        )
        .field(
            Field::new("date_of_birth", "date", page.t("form-dob-label"))
                .hint(page.t("form-dob-hint"))
                .date(&input.dob_day, &input.dob_month, &input.dob_year)
                .error_from(&errors),
        )
        .field(
            Field::new("language", "select", page.t("form-language-label"))
                .hint(page.t("form-language-hint"))
                .options(languages)
                .error_from(&errors),
        );
    let heading = page.t("page-register-title");
    let age = i64::from(state.policy().child_age_limit);
    let intro = vec![
        page.t("register-intro-1"),
        page.tn("register-intro-2", "age", age),
    ];
    let after = vec![Link::new("/login", page.t("register-have-account"))];
    FormPage::new(page, heading, form)
        .intro(intro)
        .after(after)
        .errors(errors)
}

pub async fn register_form(State(state): State<AppState>, ctx: Ctx) -> Response {
    ok(&register_page(
        &state,
        &ctx,
        &RegisterInput::default(),
        Errors::default(),
    ))
}

pub async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    CsrfForm(input): CsrfForm<RegisterInput>,
) -> Response {
    let registration = Registration {
        email: input.email.clone(),
        password: input.password.clone(),
        full_name: input.full_name.clone(),
        date_of_birth: iso_date(&input.dob_day, &input.dob_month, &input.dob_year),
        language: input.language.clone(),
    };
    let mut errors = Errors::default();
    match svc::register(&state, &registration, ip).await {
        Ok(_) => return see_other("/register/check-email"),
        Err(RegisterError::Fields(fields)) => {
            for f in fields {
                errors.add(f.field, field_message(&ctx, f.key));
            }
        }
        Err(RegisterError::Other(e @ AppError::EmailTaken)) => {
            errors.add("email", e.message(ctx.lang));
        }
        Err(RegisterError::Other(e @ AppError::TooManyAttempts { .. })) => {
            errors.general(e.message(ctx.lang));
        }
        Err(RegisterError::Other(e)) => return ctx.error(e).into_response(),
    }
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &register_page(&state, &ctx, &input, errors),
    )
}

pub async fn register_done(State(state): State<AppState>, ctx: Ctx) -> Response {
    let page = ctx.page("page-check-email-title", Nav::Register);
    let mut view = MessagePage::new(page.clone(), page.t("page-check-email-title"));
    view.paragraphs = vec![
        page.tn(
            "check-email-sent",
            "hours",
            state.config.limits.verify_token_hours,
        ),
        page.t("check-email-spam"),
        page.t("check-email-then"),
    ];
    view.links = vec![Link::new("/login", page.t("nav-sign-in"))];
    ok(&view)
}

// ---------------------------------------------------------------- verify e-mail

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenQuery {
    token: String,
}

pub async fn verify_form(ctx: Ctx, Query(q): Query<TokenQuery>) -> Response {
    let page = ctx.page("page-verify-title", Nav::None);
    let form =
        FormView::new("/verify-email", page.t("form-verify-submit")).hidden("token", &q.token);
    let heading = page.t("page-verify-title");
    let intro = vec![page.t("verify-intro")];
    ok(&FormPage::new(page, heading, form).intro(intro))
}

pub async fn verify(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<TokenQuery>,
) -> Response {
    match svc::verify_email(&state, &input.token).await {
        Ok(()) => {
            let page = ctx.page("page-verified-title", Nav::None);
            let mut view = MessagePage::new(page.clone(), page.t("page-verified-title"));
            view.panel = true;
            view.paragraphs = vec![page.t("verified-body")];
            view.links = if ctx.user.is_some() {
                vec![Link::new("/book", page.t("home-start-booking"))]
            } else {
                vec![Link::new("/login?next=%2Fbook", page.t("verified-sign-in"))]
            };
            ok(&view)
        }
        Err(AppError::InvalidToken) => {
            let page = ctx.page("page-verify-failed-title", Nav::None);
            let mut view = MessagePage::new(page.clone(), page.t("page-verify-failed-title"));
            view.paragraphs = vec![
                page.tn(
                    "verify-failed-body",
                    "hours",
                    state.config.limits.verify_token_hours,
                ),
                page.t("verify-failed-help"),
            ];
            view.links = vec![Link::new("/login", page.t("nav-sign-in"))];
            render(StatusCode::BAD_REQUEST, &view)
        }
        Err(e) => ctx.error(e).into_response(),
    }
}

// ---------------------------------------------------------------- sign in and out

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct LoginInput {
    email: String,
    password: String,
    next: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NextQuery {
    next: String,
}

fn login_page(ctx: &Ctx, email: &str, next: &str, errors: Errors) -> FormPage {
    let page = ctx.page("page-login-title", Nav::SignIn);
    let mut form = FormView::new("/login", page.t("form-login-submit"))
        .field(
            Field::new("email", "email", page.t("form-email-label"))
                .value(email)
                .autocomplete("username")
                .error_from(&errors),
        )
        .field(
            Field::new("password", "password", page.t("form-password-label"))
                .autocomplete("current-password")
                .error_from(&errors),
        );
    if let Some(next) = local_path(Some(next)) {
        form = form.hidden("next", &next);
    }
    let heading = page.t("page-login-title");
    let intro = if local_path(Some(next)).is_some() {
        vec![page.t("login-needed")]
    } else {
        Vec::new()
    };
    let after = vec![
        Link::new("/forgot-password", page.t("login-forgot")),
        Link::new("/register", page.t("login-no-account")),
    ];
    FormPage::new(page, heading, form)
        .intro(intro)
        .after(after)
        .errors(errors)
}

pub async fn login_form(ctx: Ctx, Query(q): Query<NextQuery>) -> Response {
    ok(&login_page(&ctx, "", &q.next, Errors::default()))
}

pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    ClientIp(ip): ClientIp,
    CsrfForm(input): CsrfForm<LoginInput>,
) -> Response {
    let mut errors = Errors::default();
    if input.email.trim().is_empty() {
        errors.add("email", ctx.t("form-error-email-empty"));
    }
    if input.password.is_empty() {
        errors.add("password", ctx.t("form-error-password-empty"));
    }
    if errors.is_empty() {
        match svc::login(
            &state,
            &input.email,
            &input.password,
            ip,
            TokenKind::Session,
        )
        .await
        {
            Ok(signed_in) => {
                // The session id rotates on sign-in: a token planted before cannot ride along.
                if let Some(old) = ctx.user.as_ref().filter(|u| u.via_cookie)
                    && let Err(e) = svc::logout(&state, &old.token_hash).await
                {
                    tracing::warn!(error = %e, "could not end the previous session");
                }
                let cookie = format!(
                    "{}={}; Path=/; HttpOnly; SameSite=Lax{}",
                    session_cookie_name(&state),
                    signed_in.token,
                    if ctx.secure { "; Secure" } else { "" }
                );
                let target =
                    local_path(Some(&input.next)).unwrap_or_else(|| "/appointments".into());
                let mut response = see_other(&target);
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().append(header::SET_COOKIE, v);
                }
                return response;
            }
            // The same words whether the e-mail is unknown or the password wrong.
            Err(e @ AppError::InvalidCredentials) => errors.add("email", e.message(ctx.lang)),
            Err(e @ AppError::TooManyAttempts { .. }) => errors.general(e.message(ctx.lang)),
            Err(e) => return ctx.error(e).into_response(),
        }
    }
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &login_page(&ctx, &input.email, &input.next, errors),
    )
}

#[derive(Deserialize, Default)]
pub struct Nothing {}

pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(_): CsrfForm<Nothing>,
) -> Response {
    if let Some(user) = &ctx.user
        && let Err(e) = svc::logout(&state, &user.token_hash).await
    {
        return ctx.error(e).into_response();
    }
    let cookie = format!(
        "{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}",
        session_cookie_name(&state),
        if ctx.secure { "; Secure" } else { "" }
    );
    let mut response = see_other("/");
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    response
}

// ---------------------------------------------------------------- forgotten password

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct EmailInput {
    email: String,
}

fn forgot_page(ctx: &Ctx, email: &str, errors: Errors) -> FormPage {
    let page = ctx.page("page-forgot-title", Nav::SignIn);
    let form = FormView::new("/forgot-password", page.t("form-forgot-submit")).field(
        Field::new("email", "email", page.t("form-email-label"))
            .value(email)
            .autocomplete("email")
            .error_from(&errors),
    );
    let heading = page.t("page-forgot-title");
    let intro = vec![page.t("forgot-intro")];
    FormPage::new(page, heading, form)
        .intro(intro)
        .errors(errors)
}

pub async fn forgot_form(ctx: Ctx) -> Response {
    ok(&forgot_page(&ctx, "", Errors::default()))
}

pub async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<EmailInput>,
) -> Response {
    if input.email.trim().is_empty() {
        let mut errors = Errors::default();
        errors.add("email", ctx.t("form-error-email-empty"));
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &forgot_page(&ctx, "", errors),
        );
    }
    if let Err(e) = svc::request_password_reset(&state, &input.email, ctx.chosen).await {
        return ctx.error(e).into_response();
    }
    let page = ctx.page("page-forgot-sent-title", Nav::SignIn);
    let mut view = MessagePage::new(page.clone(), page.t("page-forgot-sent-title"));
    view.paragraphs = vec![
        page.tn(
            "forgot-sent-body",
            "minutes",
            state.config.limits.reset_token_minutes,
        ),
        page.t("check-email-spam"),
    ];
    view.links = vec![Link::new("/login", page.t("nav-sign-in"))];
    ok(&view)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResetInput {
    token: String,
    password: String,
}

fn reset_page(ctx: &Ctx, token: &str, errors: Errors) -> FormPage {
    let page = ctx.page("page-reset-title", Nav::SignIn);
    let form = FormView::new("/reset-password", page.t("form-reset-submit"))
        .field(
            Field::new("password", "password", page.t("form-new-password-label"))
                .hint(page.tn("form-password-hint-new", "min", MIN_PASSWORD_CHARS as i64))
                .autocomplete("new-password")
                .error_from(&errors),
        )
        .hidden("token", token);
    let heading = page.t("page-reset-title");
    FormPage::new(page, heading, form).errors(errors)
}

fn reset_link_invalid(ctx: &Ctx) -> Response {
    let page = ctx.page("page-reset-invalid-title", Nav::SignIn);
    let mut view = MessagePage::new(page.clone(), page.t("page-reset-invalid-title"));
    view.paragraphs = vec![page.t("reset-invalid-body")];
    view.links = vec![Link::new("/forgot-password", page.t("reset-invalid-again"))];
    render(StatusCode::BAD_REQUEST, &view)
}

pub async fn reset_form(ctx: Ctx, Query(q): Query<TokenQuery>) -> Response {
    if q.token.trim().is_empty() {
        return reset_link_invalid(&ctx);
    }
    ok(&reset_page(&ctx, &q.token, Errors::default()))
}

pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(input): CsrfForm<ResetInput>,
) -> Response {
    match svc::confirm_password_reset(&state, &input.token, &input.password).await {
        Ok(()) => {
            let page = ctx.page("page-reset-done-title", Nav::SignIn);
            let mut view = MessagePage::new(page.clone(), page.t("page-reset-done-title"));
            view.panel = true;
            view.paragraphs = vec![page.t("reset-done-body")];
            view.links = vec![Link::new("/login", page.t("nav-sign-in"))];
            ok(&view)
        }
        Err(e @ AppError::WeakPassword) => {
            let mut errors = Errors::default();
            errors.add("password", e.message(ctx.lang));
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &reset_page(&ctx, &input.token, errors),
            )
        }
        Err(AppError::InvalidToken) => reset_link_invalid(&ctx),
        Err(e) => ctx.error(e).into_response(),
    }
}

/// Where "sign in" sends someone who is on `here`.
pub fn login_href(here: &str) -> String {
    format!("/login?next={}", enc(here))
}
