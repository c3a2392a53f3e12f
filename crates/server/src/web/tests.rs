//! The pages through the whole application router, on a fresh SQLite database: they render in
//! Czech and English without missing texts, forms without the CSRF token are refused, and the
//! templates hold markup only (every word comes from Fluent).

use std::path::Path;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

use crate::config::Config;

async fn app(dir: &Path) -> Router {
    let config = Config {
        database_url: format!("sqlite://{}", dir.join("web.db").display()),
        mail_outbox: Some(dir.join("outbox")),
        ..Config::default()
    };
    let state = crate::build(config).await.expect("the app builds");
    crate::app(state)
}

async fn get(app: &Router, path: &str, lang: &str) -> (StatusCode, String) {
    let response = app
        .clone()
        .oneshot(
            Request::get(path)
                .header(header::ACCEPT_LANGUAGE, lang)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 4 << 20)
        .await
        .unwrap();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

#[tokio::test]
async fn public_pages_render_in_czech_and_english_without_missing_texts() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let pages = [
        "/",
        "/offices",
        "/offices/praha-1",
        "/offices/praha-5",
        "/offices/cheb",
        "/register",
        "/login",
        "/forgot-password",
        "/reset-password?token=abc",
        "/verify-email?token=abc",
        "/book",
        "/register/check-email",
    ];
    for lang in ["cs", "en", "uk"] {
        for path in pages {
            let (status, body) = get(&app, path, lang).await;
            assert_eq!(status, StatusCode::OK, "{path} in {lang}");
            assert!(
                !body.contains("Unknown localization"),
                "{path} in {lang} misses a text"
            );
        }
    }
    let (_, cs) = get(&app, "/", "cs").await;
    assert!(cs.starts_with("<!DOCTYPE html>\n<html lang=\"cs\">"));
    // Every language has its page texts now: the page says which one it is in.
    let (_, uk) = get(&app, "/", "uk").await;
    assert!(uk.contains("<html lang=\"uk\">"));
}

#[tokio::test]
async fn unknown_pages_and_offices_get_a_friendly_404() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    for path in ["/no-such-page", "/offices/atlantis", "/language/xx"] {
        let (status, body) = get(&app, path, "cs").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body.contains("Stránka nenalezena"), "{path}");
    }
}

#[tokio::test]
async fn pages_for_signed_in_people_send_others_to_sign_in() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    for path in [
        "/appointments",
        "/account",
        "/account/children",
        "/appointments/1",
    ] {
        let response = app
            .clone()
            .oneshot(Request::get(path).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{path}");
        let to = response.headers()[header::LOCATION].to_str().unwrap();
        assert!(to.starts_with("/login?next=%2F"), "{path} → {to}");
    }
}

#[tokio::test]
async fn a_form_without_the_cookie_token_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let post = |cookie: Option<&str>, body: &str| {
        let mut request = Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT_LANGUAGE, "en");
        if let Some(c) = cookie {
            request = request.header(header::COOKIE, c);
        }
        request.body(Body::from(body.to_string())).unwrap()
    };
    let token = "a".repeat(43);
    // No cookie, a wrong token, no token: all refused.
    for (cookie, body) in [
        (None, format!("csrf={token}&email=a%40b.cz&password=x")),
        (
            Some(format!("csrf={token}")),
            format!("csrf={}&email=a%40b.cz&password=x", "b".repeat(43)),
        ),
        (
            Some(format!("csrf={token}")),
            "email=a%40b.cz&password=x".into(),
        ),
    ] {
        let response = app
            .clone()
            .oneshot(post(cookie.as_deref(), &body))
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
    // The matching pair passes the check and reaches the sign-in (which then refuses).
    let response = app
        .clone()
        .oneshot(post(
            Some(&format!("csrf={token}")),
            &format!("csrf={token}&email=a%40b.cz&password=wrong-password-1"),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_stylesheet_is_served_with_a_long_cache() {
    let dir = tempfile::tempdir().unwrap();
    let app = app(dir.path()).await;
    let response = app
        .clone()
        .oneshot(Request::get("/static/app.css").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .contains("immutable")
    );
    let (_, home) = get(&app, "/", "cs").await;
    assert!(home.contains(super::ctx::CSS_HREF.as_str()));
}

/// What is left of a template once expressions, tags and comments are removed.
fn literal_text(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = template;
    let mut text = String::new();
    while !rest.is_empty() {
        let next = ["{{", "{%", "{#", "<"]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, *m)))
            .min();
        let Some((at, opener)) = next else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..at]);
        let closer = match opener {
            "{{" => "}}",
            "{%" => "%}",
            "{#" => "#}",
            _ => ">",
        };
        let inner_start = at + opener.len();
        let Some(end) = rest[inner_start..].find(closer) else {
            break;
        };
        if opener == "<" {
            // Attributes a person reads or hears must not hold words either.
            let tag = &rest[inner_start..inner_start + end];
            for attr in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
                if let Some(i) = tag.find(attr) {
                    let value = &tag[i + attr.len()..];
                    let value = &value[..value.find('"').unwrap_or(value.len())];
                    if !value.starts_with("{{") && value.chars().any(char::is_alphabetic) {
                        out.push(value.to_string());
                    }
                }
            }
        }
        rest = &rest[inner_start + end + closer.len()..];
    }
    out.extend(
        text.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .map(str::to_string),
    );
    out
}

#[test]
fn templates_hold_no_literal_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let template = std::fs::read_to_string(&path).unwrap();
        // The doctype is markup, not text.
        let template = template.replace("<!DOCTYPE html>", "");
        let words = literal_text(&template);
        assert!(words.is_empty(), "{}: {words:?}", path.display());
    }
}

#[test]
fn the_literal_text_check_finds_words() {
    assert_eq!(
        literal_text("<p>Hello {{ x }}</p>{% if y %}<img alt=\"Logo\">{% endif %}"),
        ["Logo", "Hello"]
    );
    assert!(literal_text("<p>{{ page.t(\"a\") }} · ({{ b }})</p>").is_empty());
}

// ---------------------------------------------------------------- the office floor

mod floor {
    use std::net::{IpAddr, Ipv4Addr};

    use axum::body::Body;
    use axum::http::{HeaderMap, Request, StatusCode, header};
    use tower::ServiceExt;

    use crate::config::Config;
    use crate::services::accounts::{self, Registration};
    use crate::services::floor as svc;
    use crate::state::AppState;

    const PASSWORD: &str = "counter three coffee 2026";
    const LOCAL: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

    fn csrf() -> String {
        "c".repeat(43)
    }

    struct Floor {
        app: axum::Router,
        state: AppState,
        _dir: tempfile::TempDir,
    }

    struct Answer {
        status: StatusCode,
        headers: HeaderMap,
        body: String,
    }

    impl Floor {
        async fn new() -> Floor {
            let dir = tempfile::tempdir().unwrap();
            let config = Config {
                database_url: format!("sqlite://{}", dir.path().join("floor.db").display()),
                mail_outbox: Some(dir.path().join("outbox")),
                ..Config::default()
            };
            let state = crate::build(config).await.expect("the app builds");
            let app = crate::app(state.clone());
            Floor {
                app,
                state,
                _dir: dir,
            }
        }

        async fn session(&self, email: &str) -> String {
            let signed_in = accounts::login(
                &self.state,
                email,
                PASSWORD,
                LOCAL,
                termin_store::TokenKind::Session,
            )
            .await
            .unwrap();
            format!("termin_session={}", signed_in.token)
        }

        async fn staff(&self) -> String {
            accounts::create_user(
                &self.state,
                "clerk@mvcr.cz",
                PASSWORD,
                "Jana Nováková",
                termin_store::Role::Staff,
                vec!["praha-2".into()],
            )
            .await
            .unwrap();
            self.session("clerk@mvcr.cz").await
        }

        async fn send(&self, request: Request<Body>) -> Answer {
            let response = self.app.clone().oneshot(request).await.unwrap();
            let status = response.status();
            let headers = response.headers().clone();
            let bytes = axum::body::to_bytes(response.into_body(), 4 << 20)
                .await
                .unwrap();
            Answer {
                status,
                headers,
                body: String::from_utf8(bytes.to_vec()).unwrap(),
            }
        }

        async fn get(&self, path: &str, cookie: &str, lang: &str) -> Answer {
            self.send(
                Request::get(path)
                    .header(header::COOKIE, cookie)
                    .header(header::ACCEPT_LANGUAGE, lang)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
        }

        async fn post(&self, path: &str, cookie: &str, form: &str) -> Answer {
            self.send(
                Request::post(path)
                    .header(header::COOKIE, format!("{cookie}; csrf={}", csrf()))
                    .header(header::ACCEPT_LANGUAGE, "cs")
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(format!("csrf={}&{form}", csrf())))
                    .unwrap(),
            )
            .await
        }

        /// Registers a device through the page; returns its secret from the one-time link.
        async fn device(&self, staff: &str, kind: &str) -> String {
            let page = self
                .post(
                    "/floor/praha-2/devices",
                    staff,
                    &format!("name=Screen+{kind}&kind={kind}"),
                )
                .await;
            assert_eq!(page.status, StatusCode::OK, "{}", page.body);
            let at = page.body.find("/device/").expect("the link is shown") + 8;
            page.body[at..at + 43].to_string()
        }
    }

    fn translated(body: &str) -> bool {
        !body.contains("Unknown localization")
    }

    #[tokio::test]
    async fn a_refused_cross_site_form_gets_a_page_in_the_readers_language() {
        let f = Floor::new().await;
        let (mut parts, _) = Request::post("/login")
            .header(header::ACCEPT_LANGUAGE, "en")
            .header("sec-fetch-site", "cross-site")
            .body(Body::empty())
            .unwrap()
            .into_parts();
        let response = crate::web::ctx::forbidden_page(&f.state, &mut parts).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        let body = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(body.contains("<html lang=\"en\">"));
        assert!(body.contains("This form has expired"));
    }

    #[tokio::test]
    async fn visitors_get_explanations_instead_of_the_floor() {
        let f = Floor::new().await;
        let floor = f.get("/floor", "", "cs").await;
        assert_eq!(floor.status, StatusCode::SEE_OTHER);
        assert_eq!(floor.headers[header::LOCATION], "/login?next=%2Ffloor");
        for lang in ["cs", "en", "vi"] {
            let kiosk = f.get("/kiosk", "", lang).await;
            assert_eq!(kiosk.status, StatusCode::FORBIDDEN);
            assert!(translated(&kiosk.body), "{lang}");
            let display = f.get("/display", "", lang).await;
            assert_eq!(display.status, StatusCode::FORBIDDEN);
            assert!(translated(&display.body), "{lang}");
        }
        assert!(
            f.get("/kiosk", "", "cs")
                .await
                .body
                .contains("není nastavená jako kiosk")
        );
        let link = f
            .get(&format!("/device/{}", "x".repeat(43)), "", "en")
            .await;
        assert_eq!(link.status, StatusCode::NOT_FOUND);
        assert!(link.body.contains("This device link does not work"));
        assert!(
            link.headers
                .get_all(header::SET_COOKIE)
                .iter()
                .all(|c| !c.to_str().unwrap().starts_with("termin_device"))
        );
    }

    #[tokio::test]
    async fn staff_register_devices_that_then_work_as_kiosk_and_display() {
        let f = Floor::new().await;
        let staff = f.staff().await;
        for lang in ["cs", "en"] {
            let cookie = format!("{staff}; lang={lang}");
            for path in ["/floor", "/floor/praha-2", "/floor/praha-2/devices"] {
                let page = f.get(path, &cookie, lang).await;
                assert_eq!(page.status, StatusCode::OK, "{path} in {lang}");
                assert!(translated(&page.body), "{path} in {lang}");
                assert!(page.body.contains("href=\"/floor\""), "navigation");
            }
        }
        assert_eq!(
            f.get("/floor/brno", &staff, "cs").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            f.get("/floor/atlantis", &staff, "cs").await.status,
            StatusCode::NOT_FOUND
        );

        // The counter is remembered per office, without the word "counter" typed into it.
        let saved = f
            .post(
                "/floor/praha-2/counter",
                &staff,
                "counter=P%C5%99ep%C3%A1%C5%BEka+3",
            )
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        let set = saved.headers[header::SET_COOKIE].to_str().unwrap();
        assert!(set.contains("Path=/floor/praha-2"), "{set}");
        let counter = set.split(';').next().unwrap();
        let console = f
            .get(
                "/floor/praha-2?done=counter",
                &format!("{staff}; {counter}"),
                "cs",
            )
            .await;
        assert!(
            console.body.contains("Přepážka uložena: 3."),
            "{}",
            console.body
        );
        // Nobody waits yet.
        let called = f
            .post(
                "/floor/praha-2/call-next",
                &format!("{staff}; {counter}"),
                "",
            )
            .await;
        assert_eq!(
            called.headers[header::LOCATION],
            "/floor/praha-2?done=nobody"
        );

        // The kiosk's link sets its cookie and opens the pad.
        let kiosk = f.device(&staff, "kiosk").await;
        let link = f.get(&format!("/device/{kiosk}"), "", "cs").await;
        assert_eq!(link.status, StatusCode::SEE_OTHER);
        assert_eq!(link.headers[header::LOCATION], "/kiosk");
        let set = link.headers[header::SET_COOKIE].to_str().unwrap();
        for part in [
            "termin_device=",
            "HttpOnly",
            "SameSite=Lax",
            "Path=/",
            "Max-Age=31536000",
        ] {
            assert!(set.contains(part), "{set}");
        }
        let device = format!("termin_device={kiosk}");
        for lang in ["cs", "en", "uk"] {
            let pad = f.get(&format!("/kiosk?lang={lang}"), &device, "cs").await;
            assert_eq!(pad.status, StatusCode::OK);
            assert!(translated(&pad.body), "{lang}");
            assert!(pad.body.contains("name=\"key\" value=\"ok\""));
            let walk_in = f
                .get(&format!("/kiosk/walk-in?lang={lang}"), &device, "cs")
                .await;
            assert_eq!(walk_in.status, StatusCode::OK);
            assert!(translated(&walk_in.body), "{lang}");
        }
        // Without JavaScript every key is a round trip: a digit more, a digit less.
        let more = f
            .post("/kiosk/check-in", &device, "lang=en&pin=12&key=5")
            .await;
        assert!(more.body.contains("value=\"125\""), "{}", more.body);
        let less = f
            .post("/kiosk/check-in", &device, "lang=en&pin=125&key=del")
            .await;
        assert!(less.body.contains("value=\"12\""));
        let full = f
            .post("/kiosk/check-in", &device, "lang=en&pin=1234&key=5")
            .await;
        assert!(full.body.contains("value=\"1234\""));
        let empty = f
            .post("/kiosk/check-in", &device, "lang=en&pin=&key=ok")
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("Type the 4 digits of your PIN first."));
        let wrong = f
            .post("/kiosk/check-in", &device, "lang=cs&pin=0000&key=ok")
            .await;
        assert_eq!(wrong.status, StatusCode::NOT_FOUND);
        assert!(wrong.body.contains("není žádný termín s tímto PINem"));
        // A kiosk is not a display.
        let other = f.get("/display", &device, "cs").await;
        assert_eq!(other.headers[header::LOCATION], "/kiosk");

        // The display shows the calls, and without JavaScript reloads itself.
        let display = f.device(&staff, "display").await;
        let screen = f
            .get("/display", &format!("termin_device={display}"), "cs")
            .await;
        assert_eq!(screen.status, StatusCode::OK);
        assert!(translated(&screen.body));
        assert!(
            screen
                .body
                .contains("Dnes zatím nebylo vyvoláno žádné číslo.")
        );
        assert!(
            screen
                .body
                .contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>")
        );
        assert!(screen.body.contains("aria-live=\"polite\""));
        assert!(
            screen
                .body
                .contains("/api/v1/offices/praha-2/display/events")
        );

        // Revoked: the kiosk's cookie stops working at once.
        let actor = svc::staff_actor(
            &f.state,
            f.state
                .store
                .account_by_email("clerk@mvcr.cz")
                .await
                .unwrap()
                .unwrap(),
        )
        .await
        .unwrap();
        let id = svc::devices(&f.state, "praha-2", &actor)
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.kind == termin_store::DeviceKind::Kiosk)
            .unwrap()
            .id;
        let revoked = f
            .post(&format!("/floor/praha-2/devices/{id}/revoke"), &staff, "")
            .await;
        assert_eq!(revoked.status, StatusCode::SEE_OTHER);
        assert_eq!(
            f.get("/kiosk", &device, "cs").await.status,
            StatusCode::FORBIDDEN
        );
    }

    #[tokio::test]
    async fn applicants_cannot_open_the_floor_and_can_ask_for_a_new_confirmation_link() {
        let f = Floor::new().await;
        accounts::register(
            &f.state,
            &Registration {
                email: "olena@example.com".into(),
                password: PASSWORD.into(),
                full_name: "Olena Kovalenko".into(),
                date_of_birth: "1990-03-27".into(),
                language: "en".into(),
            },
            LOCAL,
        )
        .await
        .unwrap();
        let session = f.session("olena@example.com").await;
        let floor = f.get("/floor", &format!("{session}; lang=cs"), "cs").await;
        assert_eq!(floor.status, StatusCode::FORBIDDEN);
        assert!(floor.body.contains("Tohle udělat nemůžete"));
        assert!(!floor.body.contains("href=\"/floor\""));

        for path in ["/account", "/book"] {
            let page = f.get(path, &format!("{session}; lang=cs"), "cs").await;
            assert!(
                page.body
                    .contains("action=\"/account/verify-email/resend\""),
                "{path}"
            );
            assert!(
                page.body.contains("Poslat mi nový potvrzovací odkaz"),
                "{path}"
            );
        }
        let sent = f
            .post(
                "/account/verify-email/resend",
                &format!("{session}; lang=cs"),
                "back=%2Fbook",
            )
            .await;
        assert_eq!(sent.status, StatusCode::OK);
        assert!(sent.body.contains("Poslali jsme vám nový odkaz"));
        assert!(sent.body.contains("olena@example.com"));
        assert!(sent.body.contains("href=\"/book\""));
        // The worker is not running here: both messages (registration, new link) wait as jobs.
        assert_eq!(f.state.store.pending_jobs().await.unwrap(), 2);
    }
}

// ---------------------------------------------------------------- guidance

mod guidance {
    use axum::body::Body;
    use axum::http::{Request, StatusCode, header};
    use termin_domain::deadlines::Event;
    use tower::ServiceExt;

    use super::{app, get};

    fn translated(body: &str) -> bool {
        !body.contains("Unknown localization")
    }

    #[tokio::test]
    async fn every_guidance_page_renders_in_every_language() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path()).await;
        let mut pages: Vec<String> = [
            "/guide",
            "/guide?event=arrival",
            "/guide/date?event=address-change",
            "/guide/date?event=arrival&date=2026-01-09&collect=1",
            "/guide/result?event=arrival&date=2026-01-09&collect=1",
            "/guide/result?event=address-change&date=2026-01-09&stay=permanent",
            "/guide/schengen",
            "/guide/schengen?entry1=2026-01-01&exit1=2026-01-20&entry2=2026-03-01&exit2=2026-03-15&on=2026-04-01&plan=2026-06-01&go=1",
            "/guide/schengen?entry1=2026-01-01&exit1=2026-03-31&plan=2026-04-01&go=1",
            "/guide/checklist",
            "/guide/checklist?application=first-long-term",
            "/guide/checklist?application=extension&purpose=business",
            "/guide/checklist?application=permanent-residence",
            "/guide/checklist?application=child-born",
        ]
        .map(String::from)
        .to_vec();
        for event in Event::ALL.iter().filter(|e| **e != Event::AddressChange) {
            pages.push(format!("/guide/date?event={event}"));
            pages.push(format!("/guide/result?event={event}&date=2026-06-01"));
        }
        for lang in ["cs", "en", "uk", "ru", "vi"] {
            for path in &pages {
                let (status, body) = get(&app, path, lang).await;
                assert_eq!(status, StatusCode::OK, "{path} in {lang}");
                assert!(translated(&body), "{path} in {lang} misses a text");
                // The notice of every guidance page: the sources and which authority.
                assert!(body.contains("class=\"guide-notice\""), "{path}");
            }
        }
        let (_, home) = get(&app, "/", "en").await;
        assert!(home.contains("href=\"/guide\""));
        assert!(home.contains("What do I need to do?"));
    }

    #[tokio::test]
    async fn a_result_lists_the_obligation_with_its_dates_and_links() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path()).await;
        // The three boxes of the date question lead to the clean address.
        let response = app
            .clone()
            .oneshot(
                Request::get("/guide/result?event=biometrics-captured&day=2&month=3&year=2026")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            response.headers()[header::LOCATION],
            "/guide/result?event=biometrics-captured&date=2026-03-02"
        );
        let (status, body) = get(
            &app,
            "/guide/result?event=biometrics-captured&date=2026-03-02",
            "en",
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        // 2 March + 60 days = Friday 1 May, a holiday: the next working day.
        assert!(body.contains("Monday 4 May 2026"), "{body}");
        assert!(body.contains("href=\"/book/office?visit_type=card-pickup\""));
        assert!(body.contains(
            "href=\"/guide/calendar.ics?event=biometrics-captured&#38;date=2026-03-02&#38;id=card-pickup\""
        ));
        assert!(body.contains("Only an office that takes fingerprints and photos"));

        // The extension window: the page says honestly that the sources differ.
        let (_, permit) = get(
            &app,
            "/guide/result?event=permit-expiry&date=2026-06-29",
            "cs",
        )
        .await;
        assert!(permit.contains("Zdroje se liší"));
        assert!(permit.contains("href=\"/guide/checklist?application=extension\""));
        // The police's step: no booking, the authority said in words.
        let (_, lost) = get(
            &app,
            "/guide/result?event=lost-document&date=2026-01-09",
            "en",
        )
        .await;
        assert!(lost.contains("tag-police"));
        assert!(lost.contains("This step belongs to the police"));
        assert_eq!(lost.matches("/book/office?visit_type=").count(), 1);
        assert!(lost.contains("4000 CZK (children under 15: 2500 CZK)"));

        let response = app
            .clone()
            .oneshot(
                Request::get(
                    "/guide/calendar.ics?event=biometrics-captured&date=2026-03-02&id=card-pickup",
                )
                .header(header::ACCEPT_LANGUAGE, "cs")
                .body(Body::empty())
                .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[header::CONTENT_TYPE],
            "text/calendar; charset=utf-8"
        );
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        let ics = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(ics.contains("DTSTART;VALUE=DATE:20260504"));
        assert!(ics.contains("SUMMARY:Poslední den: Převezměte si osobně průkaz"));
    }

    #[tokio::test]
    async fn bad_answers_get_their_own_message_never_a_server_error() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path()).await;
        let cases = [
            ("/guide/date?event=moving", "We do not know this event"),
            (
                "/guide/result?event=moving&date=2026-01-01",
                "We do not know this event",
            ),
            ("/guide/date?event=", "Choose what has happened"),
            (
                "/guide/result?event=permit-expiry&day=1&month=1&year=1980",
                "too far in the past",
            ),
            (
                "/guide/result?event=permit-expiry&day=1&month=1&year=2200",
                "too far in the future",
            ),
            (
                "/guide/result?event=arrival&day=31&month=2&year=2026",
                "Enter a real date",
            ),
            (
                "/guide/result?event=arrival&day=&month=&year=",
                "Enter the date",
            ),
            (
                "/guide/result?event=address-change&date=2026-01-09",
                "For a change of address",
            ),
            (
                "/guide/result?event=address-change&date=2026-01-09&stay=sofa",
                "Please choose the kind of your stay",
            ),
            (
                "/guide/schengen?entry1=2026-01-20&exit1=2026-01-01&go=1",
                "Stay 1: The day you left is before the day you entered.",
            ),
            (
                "/guide/schengen?entry1=2026-01-01&exit1=2026-01-20&entry2=2026-01-10&exit2=2026-01-25&go=1",
                "Stay 2: Two stays overlap.",
            ),
            (
                "/guide/schengen?entry1=2026-01-01&exit1=2026-01-20&plan=2026-01-05&go=1",
                "Planned entry: Two stays overlap.",
            ),
            (
                "/guide/schengen?entry1=1890-01-01&exit1=1890-01-20&go=1",
                "Stay 1: This date is too far in the past",
            ),
            (
                "/guide/schengen?entry1=2026-01-01&go=1",
                "Stay 1: Enter the day you left",
            ),
            (
                "/guide/schengen?entry1=soon&exit1=2026-01-02&go=1",
                "Enter a real date",
            ),
            ("/guide/schengen?go=1", "Enter at least one stay"),
            (
                "/guide/checklist?application=visa",
                "Choose what you are applying for",
            ),
            (
                "/guide/checklist?application=extension&purpose=tourism",
                "Choose a purpose of stay from the list",
            ),
        ];
        for (path, message) in cases {
            let (status, body) = get(&app, path, "en").await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
            assert!(body.contains(message), "{path}: {message}");
            assert!(body.contains("class=\"error-summary\""), "{path}");
            assert!(body.contains("<title>Error:"), "{path}");
        }
        // A planned entry with no days left is an answer, not an error.
        let (status, body) = get(
            &app,
            "/guide/schengen?entry1=2026-01-01&exit1=2026-03-31&plan=2026-04-01&go=1",
            "en",
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("You have no days left"));
        // Calendar files of bad questions: a page, not a crash.
        for path in [
            "/guide/calendar.ics?event=moving&date=2026-01-01&id=x",
            "/guide/calendar.ics?event=arrival&date=1066-10-14&id=police-registration",
            "/guide/calendar.ics?event=arrival&date=2026-01-01&id=card-pickup",
        ] {
            let (status, _) = get(&app, path, "en").await;
            assert!(status.is_client_error(), "{path}: {status}");
        }
    }

    #[tokio::test]
    async fn the_schengen_page_counts_draws_and_tabulates() {
        let dir = tempfile::tempdir().unwrap();
        let app = app(dir.path()).await;
        let (status, body) = get(
            &app,
            "/guide/schengen?entry1=2026-01-01&exit1=2026-01-20&entry2=2026-03-01&exit2=2026-03-15&on=2026-04-01&plan=2026-06-01&go=1",
            "en",
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            body.contains("data-testid=\"days-used\">35 days<"),
            "{body}"
        );
        assert!(body.contains("data-testid=\"days-left\">55 days<"));
        assert!(body.contains("<svg class=\"timeline-svg\""));
        assert!(body.contains("<title id=\"chart-title\">"));
        assert!(body.contains("<desc id=\"chart-desc\">"));
        assert!(body.contains("fill=\"url(#hatch)\""));
        assert!(body.contains("data-testid=\"stays-table\""));
        // "Add more lines" keeps what was typed and adds five empty rows.
        let (_, more) = get(
            &app,
            "/guide/schengen?rows=5&entry1=2026-01-01&exit1=2026-01-20&more=1",
            "en",
        )
        .await;
        assert!(more.contains("name=\"entry10\""));
        assert!(!more.contains("name=\"entry11\""));
        assert!(more.contains("value=\"2026-01-01\""));
        assert!(!more.contains("id=\"result\""));
    }
}

// ---------------------------------------------------------------- the waitlist

mod waitlist {
    use std::net::{IpAddr, Ipv4Addr};

    use axum::body::Body;
    use axum::http::{HeaderMap, Request, StatusCode, header};
    use jiff::{SignedDuration, Timestamp};
    use termin_domain::{OfficeId, PartOfDay, VisitTypeId, time};
    use termin_store::{Account, Role, TokenKind};
    use tower::ServiceExt;

    use crate::config::Config;
    use crate::services::accounts::{self, Registration};
    use crate::services::booking::{self, BookRequest};
    use crate::state::AppState;

    const PASSWORD: &str = "waiting room tulip 2026";
    const LOCAL: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);
    const OFFICE: &str = "praha-2";
    const VISIT: &str = "biometrics";

    fn csrf() -> String {
        "w".repeat(43)
    }

    struct Site {
        app: axum::Router,
        state: AppState,
        _dir: tempfile::TempDir,
    }

    struct Answer {
        status: StatusCode,
        headers: HeaderMap,
        body: String,
    }

    impl Answer {
        fn location(&self) -> &str {
            self.headers[header::LOCATION].to_str().unwrap()
        }
    }

    /// A freed place that a test cancels: its office's visit type, start and the part of day.
    struct Place {
        start: Timestamp,
        part: PartOfDay,
    }

    impl Site {
        async fn new() -> Site {
            Site::with(false).await
        }

        /// With the test clock, which the test moves forward.
        async fn with(dev_clock: bool) -> Site {
            let dir = tempfile::tempdir().unwrap();
            let config = Config {
                database_url: format!("sqlite://{}", dir.path().join("waitlist.db").display()),
                mail_outbox: Some(dir.path().join("outbox")),
                dev_clock,
                ..Config::default()
            };
            let state = crate::build(config).await.expect("the app builds");
            let app = crate::app(state.clone());
            Site {
                app,
                state,
                _dir: dir,
            }
        }

        /// An applicant with a confirmed e-mail address, and the cookie of a session.
        async fn applicant(&self, email: &str, name: &str) -> (Account, String) {
            let account =
                accounts::create_user(&self.state, email, PASSWORD, name, Role::Applicant, vec![])
                    .await
                    .unwrap();
            let signed_in =
                accounts::login(&self.state, email, PASSWORD, LOCAL, TokenKind::Session)
                    .await
                    .unwrap();
            (account, format!("termin_session={}", signed_in.token))
        }

        async fn send(&self, request: Request<Body>) -> Answer {
            let response = self.app.clone().oneshot(request).await.unwrap();
            let status = response.status();
            let headers = response.headers().clone();
            let bytes = axum::body::to_bytes(response.into_body(), 4 << 20)
                .await
                .unwrap();
            Answer {
                status,
                headers,
                body: String::from_utf8(bytes.to_vec()).unwrap(),
            }
        }

        async fn get(&self, path: &str, cookie: &str, lang: &str) -> Answer {
            self.send(
                Request::get(path)
                    .header(header::COOKIE, format!("{cookie}; lang={lang}"))
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
        }

        async fn post(&self, path: &str, cookie: &str, form: &str) -> Answer {
            self.send(
                Request::post(path)
                    .header(
                        header::COOKIE,
                        format!("{cookie}; lang=en; csrf={}", csrf()),
                    )
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(format!("csrf={}&{form}", csrf())))
                    .unwrap(),
            )
            .await
        }

        /// A free place at least three days ahead (past the 24-hour cancellation notice and
        /// the offers' minimum lead), booked by `account`; returns the appointment's id.
        async fn book(&self, account: &Account) -> (i64, Place) {
            let office = self
                .state
                .catalog
                .office(&OfficeId::parse(OFFICE).unwrap())
                .unwrap();
            let vt = self
                .state
                .catalog
                .visit_type(&VisitTypeId::parse(VISIT).unwrap())
                .unwrap();
            let now = self.state.now();
            let today = time::local_date(now);
            let free = booking::availability(
                &self.state,
                office,
                vt,
                today,
                today + jiff::Span::new().days(30),
            )
            .await
            .unwrap()
            .to_vec();
            let slot = free
                .iter()
                .find(|s| s.start > now + SignedDuration::from_hours(72))
                .expect("a free place in the next month");
            let appointment = booking::book(
                &self.state,
                account,
                BookRequest {
                    office: OFFICE,
                    visit_type: VISIT,
                    start: slot.start,
                    person_id: None,
                    idempotency_key: None,
                },
            )
            .await
            .unwrap();
            (
                appointment.id,
                Place {
                    start: slot.start,
                    part: PartOfDay::of(slot.start),
                },
            )
        }

        /// Files the request for exactly this place's day and part of the day on the page.
        async fn file_for(&self, cookie: &str, place: &Place) -> Answer {
            let day = time::local_date(place.start);
            self.post(
                "/waitlist",
                cookie,
                &format!(
                    "visit_type={VISIT}&offices={OFFICE}&offices=praha-1&from={day}&to={day}&times={}",
                    place.part.as_str()
                ),
            )
            .await
        }
    }

    fn translated(body: &str) -> bool {
        !body.contains("Unknown localization")
    }

    /// The id in the first `action="/offers/{id}/…"` of a page.
    fn offer_id(body: &str) -> i64 {
        let at = body.find("action=\"/offers/").expect("an offer to answer") + 16;
        body[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .unwrap()
    }

    #[tokio::test]
    async fn visitors_are_sent_to_sign_in_and_forms_need_the_token() {
        let site = Site::new().await;
        for path in [
            "/waitlist",
            "/waitlist/new",
            "/waitlist/new?visit_type=biometrics",
        ] {
            let page = site.get(path, "", "en").await;
            assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
            assert!(
                page.location().starts_with("/login?next=%2Fwaitlist"),
                "{path}"
            );
        }
        let (_, cookie) = site.applicant("tereza@example.cz", "Tereza Nová").await;
        let forged = site
            .send(
                Request::post("/waitlist")
                    .header(header::COOKIE, format!("{cookie}; csrf={}", csrf()))
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(format!(
                        "csrf={}&visit_type=biometrics",
                        "x".repeat(43)
                    )))
                    .unwrap(),
            )
            .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
        for path in [
            "/offers/1/accept",
            "/offers/1/decline",
            "/waitlist/1/withdraw",
        ] {
            let answer = site
                .send(
                    Request::post(path)
                        .header(header::COOKIE, cookie.as_str())
                        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                        .body(Body::empty())
                        .unwrap(),
                )
                .await;
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "{path}");
            // Back from signing in again: the list, where the buttons are.
            let again = site.get(path, &cookie, "en").await;
            assert_eq!(again.location(), "/waitlist", "{path}");
        }
    }

    #[tokio::test]
    async fn an_unconfirmed_address_is_asked_to_confirm_before_joining() {
        let site = Site::new().await;
        accounts::register(
            &site.state,
            &Registration {
                email: "new@example.cz".into(),
                password: PASSWORD.into(),
                full_name: "Ivan Petrenko".into(),
                date_of_birth: "1991-02-03".into(),
                language: "uk".into(),
            },
            LOCAL,
        )
        .await
        .unwrap();
        let signed_in = accounts::login(
            &site.state,
            "new@example.cz",
            PASSWORD,
            LOCAL,
            TokenKind::Session,
        )
        .await
        .unwrap();
        let cookie = format!("termin_session={}", signed_in.token);
        let page = site.get("/waitlist/new", &cookie, "en").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert!(page.body.contains("Confirm your e-mail address first"));
        assert!(
            page.body
                .contains("action=\"/account/verify-email/resend\"")
        );
        // The list itself is open: it has nothing to hide.
        assert_eq!(
            site.get("/waitlist", &cookie, "en").await.status,
            StatusCode::OK
        );
    }

    #[tokio::test]
    async fn every_waitlist_page_renders_in_every_language() {
        let site = Site::new().await;
        let (_, cookie) = site.applicant("linh@example.cz", "Tran Thi Linh").await;
        for lang in ["cs", "en", "uk", "ru", "vi"] {
            for path in [
                "/waitlist",
                "/waitlist/new",
                "/waitlist/new?visit_type=biometrics&office=praha-2",
                "/waitlist/new?visit_type=biometrics&change=1",
            ] {
                let page = site.get(path, &cookie, lang).await;
                assert_eq!(page.status, StatusCode::OK, "{path} in {lang}");
                assert!(translated(&page.body), "{path} in {lang} misses a text");
                assert!(page.body.contains(&format!("<html lang=\"{lang}\">")));
                assert!(
                    page.body
                        .contains("<a href=\"/waitlist\" aria-current=\"page\">"),
                    "{path}: the navigation marks the waitlist"
                );
            }
        }
        let list = site.get("/waitlist", &cookie, "en").await;
        assert!(list.body.contains("You are not on the waitlist."));
        assert!(list.body.contains("href=\"/waitlist/new\""));
        assert!(list.body.contains("up to 12 hours"));
    }

    #[tokio::test]
    async fn the_form_offers_only_offices_of_the_visit_type_and_keeps_the_booking_choice() {
        let site = Site::new().await;
        let (_, cookie) = site.applicant("linh@example.cz", "Tran Thi Linh").await;

        // Step 1: what for; nothing or nonsense is asked again with a message.
        let first = site.get("/waitlist/new", &cookie, "en").await;
        assert!(
            first
                .body
                .contains("name=\"visit_type\" value=\"biometrics\"")
        );
        assert!(first.body.contains("action=\"/waitlist/new\""));
        assert!(first.body.contains("name=\"asked\""));
        let none = site.get("/waitlist/new?asked=1", &cookie, "en").await;
        assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(none.body.contains("Choose what the appointment is for"));
        let wrong = site
            .get("/waitlist/new?visit_type=moving-house", &cookie, "en")
            .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("class=\"error-summary\""));
        assert!(wrong.body.contains("href=\"#visit_type\""));
        assert!(wrong.body.contains("<title>Error:"));

        // Step 2, as the booking flow's link opens it.
        let today = time::local_date(site.state.now());
        let day = today + jiff::Span::new().days(5);
        let form = site
            .get(
                &format!("/waitlist/new?visit_type=biometrics&office=praha-2&date={day}"),
                &cookie,
                "en",
            )
            .await;
        assert_eq!(form.status, StatusCode::OK);
        let body = &form.body;
        assert!(body.contains("action=\"/waitlist\""));
        assert!(body.contains("name=\"csrf\""));
        assert!(body.contains("<input type=\"hidden\" name=\"visit_type\" value=\"biometrics\">"));
        // Biometrics: BIO offices only, as checkboxes; the office from the booking ticked.
        assert!(body.contains(
            "<input type=\"checkbox\" id=\"offices-2\" name=\"offices\" value=\"praha-2\" checked"
        ));
        assert!(body.contains("name=\"offices\" value=\"praha-1\" aria-describedby"));
        let catalog = &site.state.catalog;
        for office in catalog.offices.iter().filter(|o| !o.bio) {
            assert!(
                !body.contains(&format!("value=\"{}\"", office.id.as_str())),
                "{} takes no fingerprints",
                office.id.as_str()
            );
        }
        assert!(body.contains(
            "<legend class=\"label legend-large\">Which offices could you go to?</legend>"
        ));
        assert!(body.contains("Choose up to 5 offices."));
        // The day from the booking flow is the first day; both parts of the day ticked.
        assert!(body.contains(&format!(
            "id=\"from\" name=\"from\" type=\"date\" min=\"{today}\""
        )));
        assert!(body.contains(&format!("value=\"{day}\"")));
        assert!(body.contains("value=\"morning\" checked"));
        assert!(body.contains("value=\"afternoon\" checked"));
        // No children: nobody to choose.
        assert!(!body.contains("name=\"person\""));
        assert!(body.contains("href=\"/waitlist/new?change=1&#38;visit_type=biometrics\""));
    }

    #[tokio::test]
    async fn mistakes_are_shown_on_the_form_in_the_readers_language_with_the_choices_kept() {
        let site = Site::new().await;
        let (_, cookie) = site.applicant("linh@example.cz", "Tran Thi Linh").await;
        let empty = site
            .post(
                "/waitlist",
                &cookie,
                "visit_type=biometrics&offices=praha-2&from=&to=&times=morning",
            )
            .await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(empty.body.contains("<title>Error:"));
        assert!(
            empty
                .body
                .contains("href=\"#from\">Enter the first day you could come</a>")
        );
        assert!(
            empty
                .body
                .contains("href=\"#to\">Enter the last day you could come</a>")
        );
        assert!(
            empty
                .body
                .contains("aria-invalid=\"true\" aria-describedby=\"from-error\"")
        );
        // What was chosen stays chosen.
        assert!(empty.body.contains("value=\"praha-2\" checked"));
        assert!(empty.body.contains("value=\"morning\" checked"));
        assert!(!empty.body.contains("value=\"afternoon\" checked"));

        let today = time::local_date(site.state.now());
        let nothing_ticked = site
            .post(
                "/waitlist",
                &cookie,
                &format!("visit_type=biometrics&from={today}&to={today}"),
            )
            .await;
        assert_eq!(nothing_ticked.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            nothing_ticked
                .body
                .contains("href=\"#offices\">Choose at least one office")
        );

        let reversed = site
            .send(
                Request::post("/waitlist")
                    .header(
                        header::COOKIE,
                        format!("{cookie}; lang=cs; csrf={}", csrf()),
                    )
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(format!(
                        "csrf={}&visit_type=biometrics&offices=praha-2&from={}&to={today}&times=morning",
                        csrf(),
                        today + jiff::Span::new().days(3)
                    )))
                    .unwrap(),
            )
            .await;
        assert_eq!(reversed.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reversed.body.contains("<html lang=\"cs\">"));
        assert!(reversed.body.contains("href=\"#to\">"), "{}", reversed.body);
        assert!(translated(&reversed.body));

        // An office that does not take fingerprints: said at the offices.
        let not_bio = site
            .post(
                "/waitlist",
                &cookie,
                &format!(
                    "visit_type=biometrics&offices=cheb&from={today}&to={today}&times=morning"
                ),
            )
            .await;
        assert!(not_bio.status.is_client_error());
        assert!(
            not_bio.body.contains("href=\"#offices\""),
            "{}",
            not_bio.body
        );

        // An unknown visit type goes back to the first question.
        let unknown = site
            .post("/waitlist", &cookie, "visit_type=&offices=praha-2")
            .await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(unknown.body.contains("href=\"#visit_type\""));
    }

    #[tokio::test]
    async fn a_freed_place_is_offered_on_the_list_and_accepting_it_shows_the_pin() {
        let site = Site::new().await;
        let (anna, _) = site.applicant("anna@example.cz", "Anna Horáková").await;
        let (_, ben) = site.applicant("ben@example.cz", "Bui Van Ben").await;
        let (appointment, place) = site.book(&anna).await;

        let filed = site.file_for(&ben, &place).await;
        assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
        assert!(filed.location().starts_with("/waitlist?filed="));
        let list = site.get(filed.location(), &ben, "en").await;
        let visit = crate::mail::visit_type_name(
            termin_domain::Language::En,
            site.state
                .catalog
                .visit_type(&VisitTypeId::parse(VISIT).unwrap())
                .unwrap(),
        );
        assert!(
            list.body.contains(&format!(
                "You are on the waitlist for: {visit}. Your place in line: 1."
            )),
            "{}",
            list.body
        );
        assert!(list.body.contains("role=\"status\""));
        assert!(list.body.contains("tag-active\">Waiting<"));
        assert!(list.body.contains("Leave the waitlist"));
        assert!(!list.body.contains("action=\"/offers/"));

        // The same person and visit again: refused on the form.
        let again = site.file_for(&ben, &place).await;
        assert_eq!(again.status, StatusCode::CONFLICT);
        assert!(
            again
                .body
                .contains("already on the waitlist for this kind of visit")
        );

        // Anna cancels: the place is offered to Ben, and held for him.
        let anna_account = site
            .state
            .store
            .account_by_email("anna@example.cz")
            .await
            .unwrap()
            .unwrap();
        booking::cancel(&site.state, &anna_account, appointment)
            .await
            .unwrap();
        let offered = site.get("/waitlist", &ben, "en").await;
        assert!(
            offered.body.contains("A place is held for you"),
            "{}",
            offered.body
        );
        assert!(offered.body.contains("tag-done\">Place offered<"));
        assert!(offered.body.contains("Held for you until"));
        let day =
            crate::i18n::long_date(termin_domain::Language::En, time::local_date(place.start));
        assert!(offered.body.contains(&day));
        assert!(offered.body.contains(&crate::i18n::time_of(place.start)));
        let offer = offer_id(&offered.body);
        assert!(
            offered
                .body
                .contains(&format!("action=\"/offers/{offer}/decline\""))
        );
        // In Czech too.
        let czech = site.get("/waitlist", &ben, "cs").await;
        assert!(czech.body.contains("Přijmout toto místo"));
        assert!(translated(&czech.body));

        // Someone else cannot answer it.
        let (_, cyril) = site.applicant("cyril@example.cz", "Cyril Dvořák").await;
        let stranger = site
            .post(&format!("/offers/{offer}/accept"), &cyril, "")
            .await;
        assert_eq!(stranger.status, StatusCode::NOT_FOUND);

        let accepted = site
            .post(&format!("/offers/{offer}/accept"), &ben, "")
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER);
        let to = accepted.location().to_string();
        assert!(
            to.starts_with("/appointments/") && to.ends_with("?booked=1"),
            "{to}"
        );
        let confirmation = site.get(&to, &ben, "en").await;
        assert!(confirmation.body.contains("Your appointment is booked"));
        let at = confirmation.body.find("data-testid=\"pin\">").unwrap() + 18;
        let pin = &confirmation.body[at..at + 4];
        assert!(pin.chars().all(|c| c.is_ascii_digit()), "{pin}");

        let booked = site.get("/waitlist", &ben, "en").await;
        assert!(booked.body.contains("tag-done\">Booked<"));
        assert!(booked.body.contains("See the appointment and its PIN"));
        assert!(!booked.body.contains("Leave the waitlist"));

        // A second press: the offer was answered already, said on the list.
        let twice = site
            .post(&format!("/offers/{offer}/accept"), &ben, "")
            .await;
        assert_eq!(twice.status, StatusCode::CONFLICT);
        assert!(twice.body.contains("class=\"error-summary\""));
        assert!(twice.body.contains("This offer has already been answered."));
    }

    #[tokio::test]
    async fn declining_keeps_the_place_in_line_and_leaving_closes_the_request() {
        let site = Site::new().await;
        let (anna, _) = site.applicant("anna@example.cz", "Anna Horáková").await;
        let (_, ben) = site.applicant("ben@example.cz", "Bui Van Ben").await;
        let (appointment, place) = site.book(&anna).await;
        assert_eq!(
            site.file_for(&ben, &place).await.status,
            StatusCode::SEE_OTHER
        );
        booking::cancel(&site.state, &anna, appointment)
            .await
            .unwrap();
        let offer = offer_id(&site.get("/waitlist", &ben, "en").await.body);

        let declined = site
            .post(&format!("/offers/{offer}/decline"), &ben, "")
            .await;
        assert_eq!(declined.status, StatusCode::SEE_OTHER);
        assert_eq!(declined.location(), format!("/waitlist?declined={offer}"));
        let list = site.get(declined.location(), &ben, "en").await;
        assert!(list.body.contains("You have declined the place."));
        assert!(list.body.contains("tag-active\">Waiting<"));
        assert!(list.body.contains("You declined the place offered for"));
        assert!(!list.body.contains("action=\"/offers/"));
        let request = site
            .state
            .store
            .waitlist_requests(
                site.state
                    .store
                    .account_by_email("ben@example.cz")
                    .await
                    .unwrap()
                    .unwrap()
                    .id,
            )
            .await
            .unwrap()[0]
            .id;

        let left = site
            .post(&format!("/waitlist/{request}/withdraw"), &ben, "")
            .await;
        assert_eq!(left.status, StatusCode::SEE_OTHER);
        let list = site.get(left.location(), &ben, "en").await;
        assert!(
            list.body
                .contains("You have left the waitlist for this visit.")
        );
        assert!(list.body.contains("Earlier requests"));
        assert!(list.body.contains("tag-cancelled\">Withdrawn<"));
        assert!(!list.body.contains("Place in line"));

        let twice = site
            .post(&format!("/waitlist/{request}/withdraw"), &ben, "")
            .await;
        assert_eq!(twice.status, StatusCode::CONFLICT);
        assert!(
            twice
                .body
                .contains("This waitlist request is closed already.")
        );
        let nobody = site.post("/waitlist/999999/withdraw", &ben, "").await;
        assert_eq!(nobody.status, StatusCode::NOT_FOUND);
    }

    #[tokio::test]
    async fn an_offer_left_unanswered_closes_the_request_and_can_no_longer_be_accepted() {
        let site = Site::with(true).await;
        let (anna, _) = site.applicant("anna@example.cz", "Anna Horáková").await;
        let (_, ben) = site.applicant("ben@example.cz", "Bui Van Ben").await;
        let (appointment, place) = site.book(&anna).await;
        assert_eq!(
            site.file_for(&ben, &place).await.status,
            StatusCode::SEE_OTHER
        );
        booking::cancel(&site.state, &anna, appointment)
            .await
            .unwrap();
        let offer = offer_id(&site.get("/waitlist", &ben, "en").await.body);

        // Past the hold (12 hours at most), before the worker has passed the place on.
        let clock = site.state.dev_clock.as_ref().unwrap();
        clock
            .set(site.state.now() + SignedDuration::from_hours(13))
            .unwrap();
        let list = site.get("/waitlist", &ben, "en").await;
        assert!(!list.body.contains("action=\"/offers/"), "{}", list.body);
        assert!(list.body.contains("tag-missed\">Closed<"));
        assert!(list.body.contains("was not accepted in time"));
        assert!(!list.body.contains("Leave the waitlist"));
        let late = site
            .post(&format!("/offers/{offer}/accept"), &ben, "")
            .await;
        assert_eq!(late.status, StatusCode::CONFLICT);
        assert!(
            late.body
                .contains("The time to answer this offer has run out")
        );
        let late = site
            .post(&format!("/offers/{offer}/decline"), &ben, "")
            .await;
        assert_eq!(late.status, StatusCode::CONFLICT);
    }

    #[tokio::test]
    async fn a_parent_chooses_the_child_the_request_is_for() {
        let site = Site::new().await;
        let (parent, cookie) = site.applicant("mother@example.cz", "Olha Shevchenko").await;
        accounts::add_child(&site.state, &parent, "Mykola Shevchenko", "2018-04-05")
            .await
            .unwrap();
        let form = site
            .get("/waitlist/new?visit_type=biometrics", &cookie, "en")
            .await;
        assert!(form.body.contains("Who is the appointment for?"));
        assert!(form.body.contains("Olha Shevchenko (me)"));
        assert!(form.body.contains("Mykola Shevchenko"));
        let child = site
            .state
            .store
            .persons(parent.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.full_name == "Mykola Shevchenko")
            .unwrap()
            .id;
        let today = time::local_date(site.state.now());
        let last = today + jiff::Span::new().days(20);
        let filed = site
            .post(
                "/waitlist",
                &cookie,
                &format!(
                    "visit_type=biometrics&offices=praha-2&from={today}&to={last}&times=morning&times=afternoon&person={child}"
                ),
            )
            .await;
        assert_eq!(filed.status, StatusCode::SEE_OTHER, "{}", filed.body);
        let list = site.get("/waitlist", &cookie, "en").await;
        assert!(
            list.body.contains("<dd>Mykola Shevchenko</dd>"),
            "{}",
            list.body
        );
        assert!(list.body.contains("Morning<br>Afternoon"));
    }

    #[tokio::test]
    async fn the_booking_flow_leads_to_the_waitlist_when_nothing_suits() {
        let site = Site::new().await;
        let (_, cookie) = site.applicant("linh@example.cz", "Tran Thi Linh").await;
        let days = site
            .get(
                "/book/day?visit_type=biometrics&office=praha-2",
                &cookie,
                "en",
            )
            .await;
        assert_eq!(days.status, StatusCode::OK);
        assert!(
            days.body.contains(
                "href=\"/waitlist/new?visit_type=biometrics&#38;office=praha-2\">None of these days suits you? Join the waitlist</a>"
            ),
            "{}",
            days.body
        );
        // A day without free times (a Sunday): sent back to the days, the link still there.
        let today = time::local_date(site.state.now());
        let sunday = (0..7)
            .map(|n| today + jiff::Span::new().days(n))
            .find(|d| d.weekday() == jiff::civil::Weekday::Sunday)
            .unwrap();
        let full = site
            .get(
                &format!("/book/time?visit_type=biometrics&office=praha-2&date={sunday}"),
                &cookie,
                "en",
            )
            .await;
        assert_eq!(full.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            full.body
                .contains("/waitlist/new?visit_type=biometrics&#38;office=praha-2")
        );
        // The main navigation has it for everyone signed in.
        let home = site.get("/", &cookie, "en").await;
        assert!(home.body.contains("<a href=\"/waitlist\">Waitlist</a>"));
    }
}
