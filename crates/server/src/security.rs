//! Security headers on every response, and the cross-site request check on every
//! state-changing request that a browser's cookie authenticates.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::AppError;
use crate::state::AppState;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; \
                   form-action 'self'; object-src 'none'";

/// Is this state-changing request from another site? Browsers send `Sec-Fetch-Site`; older
/// ones at least `Origin`, which must then name this host.
fn cross_site(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    match (
        headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
        headers.get(header::HOST).and_then(|v| v.to_str().ok()),
    ) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or(origin);
            origin_host != host
        }
        _ => false,
    }
}

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let unsafe_method = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    // A bearer token is never sent by a browser on its own: only cookie requests can be forged.
    let bearer = request.headers().contains_key(header::AUTHORIZATION);
    if unsafe_method && !bearer && cross_site(&request) {
        // The API answers with a problem document; a page with a page in the reader's language.
        let response = if request.uri().path().starts_with("/api/") {
            let mut response = AppError::Forbidden.into_response();
            response.extensions_mut().remove::<AppError>();
            response
        } else {
            let (mut parts, _) = request.into_parts();
            crate::web::ctx::forbidden_page(&state, &mut parts).await
        };
        return add_headers(&state, response);
    }
    let response = next.run(request).await;
    add_headers(&state, response)
}

fn add_headers(state: &AppState, mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if state.config.secure_cookies() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}
