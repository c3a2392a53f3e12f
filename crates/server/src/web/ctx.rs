//! What every page needs: the reader's language, who is signed in, the CSRF token, and the
//! frame of the layout (title, navigation, language switch).

use std::sync::LazyLock;

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use fluent_templates::fluent_bundle::FluentValue;
use rand::RngCore;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};
use termin_domain::Language;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n;
use crate::state::AppState;

/// The language chosen with the switch; it wins over the account's and the browser's.
pub const LANG_COOKIE: &str = "lang";

/// The stylesheet, compiled in; its URL carries a hash of its content so it can be cached
/// for a year and still change with a new release.
pub const CSS: &str = include_str!("../../static/app.css");
pub const FAVICON: &str = include_str!("../../static/favicon.svg");
pub const BIO_ICON: &str = include_str!("../../static/bio.svg");
/// The few scripts: progressive enhancement of the office floor only (every page works
/// without them). CSP allows `script-src 'self'`, so they are files, never inline.
pub const DISPLAY_JS: &str = include_str!("../../static/display.js");
pub const KIOSK_JS: &str = include_str!("../../static/kiosk.js");
pub const FLOOR_JS: &str = include_str!("../../static/floor.js");
/// The print button of the checklists (guidance).
pub const GUIDE_JS: &str = include_str!("../../static/guide.js");

/// `path?v=<hash of the content>`: cached for a year, yet new with every change.
fn hashed(path: &str, content: &str) -> String {
    let hash = hex::encode(Sha256::digest(content.as_bytes()));
    format!("{path}?v={}", &hash[..12])
}

pub static CSS_HREF: LazyLock<String> = LazyLock::new(|| hashed("/static/app.css", CSS));
pub static DISPLAY_JS_HREF: LazyLock<String> =
    LazyLock::new(|| hashed("/static/display.js", DISPLAY_JS));
pub static KIOSK_JS_HREF: LazyLock<String> = LazyLock::new(|| hashed("/static/kiosk.js", KIOSK_JS));
pub static FLOOR_JS_HREF: LazyLock<String> = LazyLock::new(|| hashed("/static/floor.js", FLOOR_JS));
pub static GUIDE_JS_HREF: LazyLock<String> = LazyLock::new(|| hashed("/static/guide.js", GUIDE_JS));

/// `__Host-` pins the cookie to this host when served over TLS, so a sibling subdomain
/// cannot plant a token of its choosing (the weak point of double-submit tokens).
fn csrf_cookie_name(secure: bool) -> &'static str {
    if secure { "__Host-csrf" } else { "csrf" }
}

/// A CSRF token is 32 random bytes, base64url without padding: 43 characters.
fn well_formed_token(s: &str) -> bool {
    s.len() == 43
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Compares in time that depends only on the lengths, not on where the first difference is.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The language whose words a page actually shows: a language without `pages.ftl` yet falls
/// back to English, and `<html lang>` must say so for screen readers.
pub fn content_language(lang: Language) -> Language {
    if i18n::has(lang, "site-name") {
        lang
    } else {
        Language::En
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Only a path on this site may be a redirect target: no scheme, no `//host`, no `/\host`.
pub fn local_path(candidate: Option<&str>) -> Option<String> {
    let c = candidate?.trim();
    let ok = c.starts_with('/')
        && !c.starts_with("//")
        && !c.starts_with("/\\")
        && !c.chars().any(|ch| ch.is_control());
    ok.then(|| c.to_string())
}

/// The header's "sign in" link: back to this page afterwards, unless this page is itself
/// part of signing in or the home page.
fn login_href_for(here: &str) -> String {
    const NO_RETURN: [&str; 6] = [
        "/login",
        "/register",
        "/logout",
        "/verify-email",
        "/forgot-password",
        "/reset-password",
    ];
    if here == "/" || NO_RETURN.iter().any(|p| here.starts_with(p)) {
        "/login".to_string()
    } else {
        format!("/login?next={}", enc(here))
    }
}

/// The request as a page sees it.
pub struct Ctx {
    /// The language of the page's words, messages included: the reader's choice, or English
    /// while that language has no page texts yet (one page, one language, as `<html lang>`
    /// says).
    pub lang: Language,
    /// The reader's choice: marked in the language switch and used for what is not the page
    /// (e-mails, calendar files, the language offered for e-mails).
    pub chosen: Language,
    pub user: Option<CurrentUser>,
    pub csrf: String,
    /// The token had to be made for this request: the response sets the cookie.
    new_csrf: bool,
    /// The cookie's token, if the browser sent a well-formed one.
    cookie_csrf: Option<String>,
    pub secure: bool,
    /// Path and query of this request (a GET can be returned to).
    pub here: String,
    /// `Sec-Fetch-Site: cross-site`: a link from elsewhere, not a click on our own page.
    pub cross_site: bool,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        // A database hiccup while resolving the session must not take down every page: the
        // visitor is then treated as signed out and the page that needs an account says so.
        let user =
            <CurrentUser as OptionalFromRequestParts<AppState>>::from_request_parts(parts, state)
                .await
                .unwrap_or(None);
        let jar = CookieJar::from_headers(&parts.headers);
        let chosen = jar
            .get(LANG_COOKIE)
            .and_then(|c| Language::parse(c.value()).ok())
            .or_else(|| {
                user.as_ref()
                    .and_then(|u| Language::parse(&u.account.language).ok())
            })
            .or_else(|| {
                parts
                    .headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(i18n::negotiate)
            })
            .unwrap_or_default();
        let secure = state.config.secure_cookies();
        let cookie_csrf = jar
            .get(csrf_cookie_name(secure))
            .map(|c| c.value().to_string())
            .filter(|v| well_formed_token(v));
        let (csrf, new_csrf) = match &cookie_csrf {
            Some(token) => (token.clone(), false),
            None => (new_token(), true),
        };
        let path = parts.uri.path().to_string();
        let here = if parts.method == Method::GET {
            parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_else(|| path.clone())
        } else {
            path.clone()
        };
        let cross_site = parts
            .headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site");
        Ok(Ctx {
            lang: content_language(chosen),
            chosen,
            user,
            csrf,
            new_csrf,
            cookie_csrf,
            secure,
            here,
            cross_site,
        })
    }
}

/// Which item of the main navigation is the current page.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    None,
    Home,
    Offices,
    Guide,
    Book,
    Appointments,
    Waitlist,
    Account,
    Children,
    SignIn,
    Register,
    Floor,
}

impl Nav {
    pub fn as_str(self) -> &'static str {
        match self {
            Nav::None => "",
            Nav::Home => "home",
            Nav::Offices => "offices",
            Nav::Guide => "guide",
            Nav::Book => "book",
            Nav::Appointments => "appointments",
            Nav::Waitlist => "waitlist",
            Nav::Account => "account",
            Nav::Children => "children",
            Nav::SignIn => "sign-in",
            Nav::Register => "register",
            Nav::Floor => "floor",
        }
    }
}

/// One link of the language switch.
#[derive(Clone)]
pub struct LangLink {
    pub code: &'static str,
    pub name: String,
    pub href: String,
    pub current: bool,
}

/// The frame every template gets: language, title, navigation and the CSRF token.
#[derive(Clone)]
pub struct Page {
    pub lang: Language,
    /// For `<html lang>`: the language of the text actually shown.
    pub html_lang: &'static str,
    pub title: String,
    pub nav: &'static str,
    pub signed_in: bool,
    /// Staff and administrators see the office floor in the navigation.
    pub staff: bool,
    pub user_name: String,
    pub csrf: String,
    pub languages: Vec<LangLink>,
    /// The page shows a form with errors: the title starts with "Error:".
    pub has_errors: bool,
    pub css: &'static str,
    set_cookie: Option<HeaderValue>,
    /// Pages with personal data are not kept in caches.
    private: bool,
    /// "Sign in" in the header: returns to this page afterwards where that makes sense.
    pub login_href: String,
}

impl Page {
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// A message with one string argument.
    pub fn ts(&self, key: &str, name: &str, value: &str) -> String {
        i18n::t_args(self.lang, key, &[(name, value.to_string().into())])
    }

    /// A message with one number argument (plural forms choose by it).
    pub fn tn(&self, key: &str, name: &str, value: i64) -> String {
        i18n::t_args(self.lang, key, &[(name, FluentValue::from(value))])
    }

    pub fn targs(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        i18n::t_args(self.lang, key, args)
    }
}

impl Ctx {
    /// The frame for a page titled by the Fluent message `title_key`.
    pub fn page(&self, title_key: &str, nav: Nav) -> Page {
        let title = i18n::t(self.lang, title_key);
        self.page_titled(title, nav)
    }

    pub fn page_titled(&self, title: String, nav: Nav) -> Page {
        let back = enc(&self.here);
        let languages = Language::ALL
            .iter()
            .map(|l| LangLink {
                code: l.as_str(),
                // Each language is named in itself, whatever the page's language.
                name: i18n::t(self.lang, &format!("lang-name-{}", l.as_str())),
                href: format!("/language/{}?back={back}", l.as_str()),
                current: *l == self.chosen,
            })
            .collect();
        let set_cookie = self.new_csrf.then(|| {
            let cookie = Cookie::build((csrf_cookie_name(self.secure), self.csrf.clone()))
                .path("/")
                .http_only(true)
                .same_site(SameSite::Strict)
                .secure(self.secure)
                .build();
            HeaderValue::from_str(&cookie.to_string()).expect("cookie is ASCII")
        });
        Page {
            lang: self.lang,
            html_lang: content_language(self.lang).as_str(),
            title,
            nav: nav.as_str(),
            signed_in: self.user.is_some(),
            staff: self
                .user
                .as_ref()
                .is_some_and(|u| u.account.role.is_staff()),
            user_name: self
                .user
                .as_ref()
                .map(|u| u.account.full_name.clone())
                .unwrap_or_default(),
            csrf: self.csrf.clone(),
            languages,
            has_errors: false,
            css: CSS_HREF.as_str(),
            set_cookie,
            private: self.user.is_some(),
            login_href: login_href_for(&self.here),
        }
    }

    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    /// Speaks `lang` from here on (a kiosk's screen, a ticket in the client's language).
    pub fn set_language(&mut self, lang: Language) {
        self.chosen = lang;
        self.lang = content_language(lang);
    }

    /// Was the form's token the one in this browser's cookie?
    pub fn csrf_ok(&self, submitted: &str) -> bool {
        match &self.cookie_csrf {
            Some(cookie) => constant_time_eq(cookie.as_bytes(), submitted.trim().as_bytes()),
            None => false,
        }
    }

    /// The signed-in user, or the answer that sends the visitor to sign in first.
    pub fn require_user(&self) -> Result<&CurrentUser, PageError> {
        self.user
            .as_ref()
            .ok_or_else(|| self.error(AppError::Unauthenticated))
    }

    /// An error shown as a page in the reader's language.
    pub fn error(&self, error: AppError) -> PageError {
        PageError {
            page: Box::new(self.page_titled(String::new(), Nav::None)),
            kind: ErrorKind::App(error),
            here: self.here.clone(),
        }
    }

    pub fn csrf_error(&self) -> PageError {
        PageError {
            page: Box::new(self.page_titled(String::new(), Nav::None)),
            kind: ErrorKind::Csrf,
            here: self.here.clone(),
        }
    }

    pub fn not_found(&self) -> PageError {
        self.error(AppError::NotFound)
    }
}

/// A template with the layout frame.
pub trait View: Template {
    fn page(&self) -> &Page;
}

macro_rules! views {
    ($($t:ty),* $(,)?) => {
        $(impl $crate::web::ctx::View for $t {
            fn page(&self) -> &$crate::web::ctx::Page { &self.page }
        })*
    };
}
pub(crate) use views;

/// Renders a page; adds the CSRF cookie when this request had to make one.
pub fn render<V: View>(status: StatusCode, view: &V) -> Response {
    let page = view.page();
    let mut response = match view.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                i18n::t(page.lang, "page-error-500-title"),
            )
                .into_response()
        }
    };
    let headers = response.headers_mut();
    if let Some(cookie) = &page.set_cookie {
        headers.append(header::SET_COOKIE, cookie.clone());
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if page.private { "no-store" } else { "no-cache" }),
    );
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(page.html_lang),
    );
    response
}

pub fn ok<V: View>(view: &V) -> Response {
    render(StatusCode::OK, view)
}

/// After a successful POST: the browser shows the next page with GET (303).
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

pub enum ErrorKind {
    App(AppError),
    Csrf,
}

/// An error answered with a friendly page (or, for "sign in first", a redirect to sign in).
pub struct PageError {
    page: Box<Page>,
    kind: ErrorKind,
    here: String,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorView {
    page: Page,
    heading: String,
    message: String,
    hint: String,
}
views!(ErrorView);

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let mut page = *self.page;
        let (status, heading, message, hint) = match &self.kind {
            ErrorKind::App(AppError::Unauthenticated) => {
                return see_other(&format!("/login?next={}", enc(&self.here)));
            }
            ErrorKind::Csrf => (
                StatusCode::FORBIDDEN,
                page.t("page-error-csrf-title"),
                page.t("page-error-csrf-body"),
                page.t("page-error-csrf-hint"),
            ),
            ErrorKind::App(AppError::NotFound | AppError::NoSuchSlot) => (
                StatusCode::NOT_FOUND,
                page.t("page-error-404-title"),
                page.t("page-error-404-body"),
                page.t("page-error-404-hint"),
            ),
            ErrorKind::App(AppError::Forbidden) => (
                StatusCode::FORBIDDEN,
                page.t("page-error-403-title"),
                page.t("page-error-403-body"),
                String::new(),
            ),
            ErrorKind::App(e @ (AppError::Internal | AppError::Unavailable)) => (
                e.status(),
                page.t("page-error-500-title"),
                e.message(page.lang),
                page.t("page-error-500-hint"),
            ),
            ErrorKind::App(e) => (
                e.status(),
                page.t("page-error-other-title"),
                e.message(page.lang),
                String::new(),
            ),
        };
        page.title = heading.clone();
        render(
            status,
            &ErrorView {
                page,
                heading,
                message,
                hint,
            },
        )
    }
}

/// The friendly 403 page in the reader's language, for a request refused before it reached a
/// handler (a state-changing request from another site, see `security.rs`).
pub async fn forbidden_page(state: &AppState, parts: &mut Parts) -> Response {
    let ctx = match Ctx::from_request_parts(parts, state).await {
        Ok(ctx) => ctx,
        Err(never) => match never {},
    };
    // The form came from another site: to the reader it looks like an expired form, and
    // reloading our own page is what helps.
    ctx.csrf_error().into_response()
}

/// The 404 page for every path nobody answers.
pub async fn fallback(ctx: Ctx) -> Response {
    ctx.not_found().into_response()
}

#[derive(Deserialize)]
struct WithCsrf<T> {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    inner: T,
}

/// A posted form whose hidden `csrf` field matched the browser's CSRF cookie (double
/// submit, compared in constant time). Every field of `T` must be a string (form encoding).
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let ctx = match Ctx::from_request_parts(&mut parts, state).await {
            Ok(ctx) => ctx,
            Err(never) => match never {},
        };
        let req = Request::from_parts(parts, body);
        let form = axum::Form::<WithCsrf<T>>::from_request(req, state).await;
        match form {
            Ok(axum::Form(w)) if ctx.csrf_ok(&w.csrf) => Ok(CsrfForm(w.inner)),
            Ok(_) => Err(ctx.csrf_error().into_response()),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ctx.error(AppError::PayloadTooLarge).into_response())
            }
            Err(_) => Err(ctx.error(AppError::BadRequest).into_response()),
        }
    }
}

/// A posted form as its name/value pairs in order, after the same CSRF check as
/// [`CsrfForm`]: for checkboxes, whose name repeats once per ticked box (serde's form
/// decoding keeps only one value of a name inside `CsrfForm`'s struct).
pub struct CsrfPairs(pub Vec<(String, String)>);

impl CsrfPairs {
    /// Every value sent under `name`.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// The first value sent under `name`, or "".
    pub fn one(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

impl FromRequest<AppState> for CsrfPairs {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = req.into_parts();
        let ctx = match Ctx::from_request_parts(&mut parts, state).await {
            Ok(ctx) => ctx,
            Err(never) => match never {},
        };
        let req = Request::from_parts(parts, body);
        match axum::Form::<Vec<(String, String)>>::from_request(req, state).await {
            Ok(axum::Form(pairs)) => {
                let token = pairs
                    .iter()
                    .find(|(k, _)| k == "csrf")
                    .map(|(_, v)| v.as_str())
                    .unwrap_or_default();
                if !ctx.csrf_ok(token) {
                    return Err(ctx.csrf_error().into_response());
                }
                Ok(CsrfPairs(
                    pairs.into_iter().filter(|(k, _)| k != "csrf").collect(),
                ))
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ctx.error(AppError::PayloadTooLarge).into_response())
            }
            Err(_) => Err(ctx.error(AppError::BadRequest).into_response()),
        }
    }
}

/// A form field's error and the messages of the error summary.
#[derive(Default)]
pub struct Errors {
    pub list: Vec<FieldMessage>,
}

pub struct FieldMessage {
    /// The id of the input the summary links to.
    pub anchor: String,
    pub field: String,
    pub message: String,
}

impl Errors {
    pub fn add(&mut self, field: &str, message: String) {
        self.list.push(FieldMessage {
            anchor: field.to_string(),
            field: field.to_string(),
            message,
        });
    }

    /// A problem of the whole form: listed in the summary without a link.
    pub fn general(&mut self, message: String) {
        self.list.push(FieldMessage {
            anchor: String::new(),
            field: String::new(),
            message,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The first message for `field`, or "".
    pub fn get(&self, field: &str) -> String {
        self.list
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
            .unwrap_or_default()
    }
}

/// An input with its label, hint, value and error, for `_field.html`.
pub struct Field {
    pub name: &'static str,
    /// `text`, `email`, `password`, `date` (three inputs: day, month, year) or `select`.
    pub kind: &'static str,
    pub label: String,
    pub hint: String,
    pub value: String,
    pub error: String,
    pub autocomplete: &'static str,
    pub day: String,
    pub month: String,
    pub year: String,
    pub options: Vec<SelectOption>,
}

pub struct SelectOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Field {
    pub fn new(name: &'static str, kind: &'static str, label: String) -> Field {
        Field {
            name,
            kind,
            label,
            hint: String::new(),
            value: String::new(),
            error: String::new(),
            autocomplete: "off",
            day: String::new(),
            month: String::new(),
            year: String::new(),
            options: Vec::new(),
        }
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = hint;
        self
    }

    pub fn value(mut self, value: &str) -> Self {
        self.value = value.to_string();
        self
    }

    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = a;
        self
    }

    pub fn error_from(mut self, errors: &Errors) -> Self {
        self.error = errors.get(self.name);
        self
    }

    pub fn date(mut self, day: &str, month: &str, year: &str) -> Self {
        self.day = day.trim().to_string();
        self.month = month.trim().to_string();
        self.year = year.trim().to_string();
        self
    }

    pub fn options(mut self, options: Vec<SelectOption>) -> Self {
        self.options = options;
        self
    }

    /// `aria-describedby` of the input: its hint and its error.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.name));
        }
        if !self.error.is_empty() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }
}

/// The message for a field error key of the services. The date of birth is typed here as
/// three boxes, so its "not a date" message says so instead of naming the API's format.
pub fn field_message(ctx: &Ctx, key: &str) -> String {
    match key {
        "field-date-invalid" => ctx.t("form-error-date-invalid"),
        _ => ctx.t(key),
    }
}

/// Day, month and year typed separately (the GOV.UK "memorable date" pattern) as the
/// `YYYY-MM-DD` the services parse; parsing and the rules stay in the services.
pub fn iso_date(day: &str, month: &str, year: &str) -> String {
    let (d, m, y) = (day.trim(), month.trim(), year.trim());
    if d.is_empty() && m.is_empty() && y.is_empty() {
        return String::new();
    }
    format!("{y:0>4}-{m:0>2}-{d:0>2}")
}

/// A link with its text.
pub struct Link {
    pub href: String,
    pub label: String,
}

impl Link {
    pub fn new(href: impl Into<String>, label: String) -> Link {
        Link {
            href: href.into(),
            label,
        }
    }
}

/// A form for `_form.html`: its fields, hidden values and the button.
pub struct FormView {
    pub action: String,
    pub fields: Vec<Field>,
    pub hidden: Vec<(String, String)>,
    pub submit: String,
    /// `button-warning` for a destructive action, else "".
    pub button_class: &'static str,
}

impl FormView {
    pub fn new(action: impl Into<String>, submit: String) -> FormView {
        FormView {
            action: action.into(),
            fields: Vec::new(),
            hidden: Vec::new(),
            submit,
            button_class: "",
        }
    }

    pub fn field(mut self, field: Field) -> Self {
        self.fields.push(field);
        self
    }

    pub fn hidden(mut self, name: &str, value: &str) -> Self {
        self.hidden.push((name.to_string(), value.to_string()));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_targets_stay_on_this_site() {
        assert_eq!(local_path(Some("/book?x=1")), Some("/book?x=1".into()));
        assert_eq!(local_path(Some("//evil.example")), None);
        assert_eq!(local_path(Some("/\\evil.example")), None);
        assert_eq!(local_path(Some("https://evil.example")), None);
        assert_eq!(local_path(None), None);
    }

    #[test]
    fn tokens_compare_only_when_equal() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }

    #[test]
    fn memorable_date_is_padded() {
        assert_eq!(iso_date("5", "3", "1990"), "1990-03-05");
        assert_eq!(iso_date("", "", ""), "");
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(enc("/book?a=b&c"), "%2Fbook%3Fa%3Db%26c");
        assert_eq!(enc("2026-01-01T08:00:00Z"), "2026-01-01T08%3A00%3A00Z");
    }
}
