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
    // Ukrainian texts do not exist yet: the page says it is in English.
    let (_, uk) = get(&app, "/", "uk").await;
    assert!(uk.contains("<html lang=\"en\">"));
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
