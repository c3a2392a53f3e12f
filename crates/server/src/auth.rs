//! Who is asking: bearer tokens (API clients) and the session cookie (browsers) lead to the same
//! account and the same rights. Only SHA-256 hashes of tokens are stored.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, OptionalFromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jiff::SignedDuration;
use rand::RngCore;
use sha2::{Digest, Sha256};
use termin_store::Account;

use crate::error::AppError;
use crate::state::AppState;

/// A fresh secret to hand out and the hash to store.
pub fn new_secret() -> (String, String) {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash_secret(&secret);
    (secret, hash)
}

pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// `__Host-` pins the cookie to this host and path when served over TLS (stack.md).
pub fn session_cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies() {
        "__Host-termin_session"
    } else {
        "termin_session"
    }
}

/// The signed-in account of this request.
#[derive(Clone)]
pub struct CurrentUser {
    pub account: Account,
    pub token_hash: String,
    /// Where the token came from: the form pages need a CSRF token only for cookies.
    pub via_cookie: bool,
}

impl CurrentUser {
    /// A per-session value for the hidden form field (double protection beside the
    /// Origin / Sec-Fetch-Site check): derived, so nothing more is stored.
    pub fn csrf_token(&self) -> String {
        hash_secret(&format!("csrf:{}", self.token_hash))[..32].to_string()
    }
}

fn bearer(parts: &Parts) -> Option<&str> {
    parts
        .headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

async fn resolve(parts: &mut Parts, state: &AppState) -> Result<Option<CurrentUser>, AppError> {
    if let Some(cached) = parts.extensions.get::<Option<CurrentUser>>() {
        return Ok(cached.clone());
    }
    let (secret, via_cookie) = match bearer(parts) {
        Some(token) => (Some(token.to_string()), false),
        None => {
            let jar = CookieJar::from_headers(&parts.headers);
            (
                jar.get(session_cookie_name(state))
                    .map(|c| c.value().to_string()),
                true,
            )
        }
    };
    let user = match secret {
        Some(secret) if !secret.is_empty() => {
            let hash = hash_secret(&secret);
            let idle = SignedDuration::from_hours(state.config.limits.token_idle_hours);
            state
                .store
                .session_account(&hash, state.now(), idle)
                .await?
                .map(|account| CurrentUser {
                    account,
                    token_hash: hash,
                    via_cookie,
                })
        }
        _ => None,
    };
    parts.extensions.insert(user.clone());
    Ok(user)
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        resolve(parts, state)
            .await?
            .ok_or(AppError::Unauthenticated)
    }
}

impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Option<Self>, AppError> {
        resolve(parts, state).await
    }
}

/// A staff member or administrator.
pub struct Staff(pub CurrentUser);

impl FromRequestParts<AppState> for Staff {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let user =
            <CurrentUser as FromRequestParts<AppState>>::from_request_parts(parts, state).await?;
        if user.account.role.is_staff() {
            Ok(Staff(user))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// The client's address, for rate limits. Behind a reverse proxy (`trust_proxy`) the last
/// `X-Forwarded-For` hop, which the proxy itself appended.
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.config.trust_proxy {
            let forwarded = parts
                .headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .and_then(|ip| ip.trim().parse().ok());
            if let Some(ip) = forwarded {
                return Ok(ClientIp(ip));
            }
        }
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            .unwrap_or(IpAddr::from([127, 0, 0, 1]));
        Ok(ClientIp(ip))
    }
}
