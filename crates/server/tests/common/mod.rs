//! Black-box test harness: a real server on a free port, a fresh database, a dev clock and a
//! mail outbox per test (zero-to-production's `spawn_app`).

#![allow(dead_code)]

use std::path::PathBuf;

use jiff::{SignedDuration, Timestamp};
use reqwest::header::HeaderMap;
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use termin_server::{AppState, Config};
use termin_store::{NewAccount, NewToken, Role, TokenKind};
use tokio::net::TcpListener;

pub struct TestApp {
    pub base: String,
    _db: termin_store::testing::TestDatabase,
    pub state: AppState,
    pub client: Client,
    pub outbox: PathBuf,
    _dir: tempfile::TempDir,
}

pub const PASSWORD: &str = "correct horse battery";

pub async fn spawn_app() -> TestApp {
    spawn_with(|_| {}).await
}

pub async fn spawn_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let outbox = dir.path().join("outbox");
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().unwrap();
    let db = termin_store::testing::test_database(dir.path()).await;
    let mut config = Config {
        bind: addr.to_string(),
        database_url: db.url.clone(),
        mail_outbox: Some(outbox.clone()),
        dev_clock: true,
        ..Config::default()
    };
    adjust(&mut config);
    let state = termin_server::build(config).await.expect("build app");
    tokio::spawn(termin_server::serve_on(
        state.clone(),
        listener,
        std::future::pending(),
    ));
    TestApp {
        base: format!("http://{addr}/api/v1"),
        _db: db,
        state,
        client: Client::new(),
        outbox,
        _dir: dir,
    }
}

impl TestApp {
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (StatusCode, Value, HeaderMap) {
        let mut request = self
            .client
            .request(method, format!("{}{}", self.base, path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.expect("body");
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()))
        };
        (status, value, headers)
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> (StatusCode, Value) {
        let (s, v, _) = self.call(Method::GET, path, token, None).await;
        (s, v)
    }

    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (StatusCode, Value) {
        let (s, v, _) = self.call(Method::POST, path, token, Some(body)).await;
        (s, v)
    }

    pub async fn now(&self) -> Timestamp {
        let (_, v) = self.get("/dev/clock", None).await;
        v["now"].as_str().unwrap().parse().unwrap()
    }

    pub async fn set_clock(&self, to: Timestamp) {
        let (s, v, _) = self
            .call(
                Method::PUT,
                "/dev/clock",
                None,
                Some(json!({"now": to.to_string()})),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
    }

    /// Registers through the API, then confirms through the link of the e-mail in the outbox.
    pub async fn register_verified(&self, email: &str) -> (i64, String) {
        let (s, v) = self
            .post(
                "/auth/register",
                None,
                json!({"email": email, "password": PASSWORD, "full_name": "Olena Kovalenko",
                       "date_of_birth": "1995-04-12", "language": "uk"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{v}");
        let id = v["account_id"].as_i64().unwrap();
        let token = self.mail_token(email, "verify-email").await;
        let (s, v) = self
            .post("/auth/verify-email", None, json!({"token": token}))
            .await;
        assert_eq!(s, StatusCode::NO_CONTENT, "{v}");
        (id, self.login(email).await)
    }

    pub async fn login(&self, email: &str) -> String {
        let (s, v) = self
            .post(
                "/auth/login",
                None,
                json!({"email": email, "password": PASSWORD}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v["token"].as_str().unwrap().to_string()
    }

    /// A verified account and a bearer token made directly in the store: for tests that need
    /// many accounts, where hashing passwords through the API would only measure Argon2.
    pub async fn quick_account(&self, email: &str) -> (i64, String) {
        let now = self.state.now();
        let account = self
            .state
            .store
            .create_account(
                NewAccount {
                    email: email.into(),
                    password_hash: self.state.dummy_hash.clone(),
                    full_name: "Nguyễn Văn An".into(),
                    date_of_birth: "1988-02-29".parse().unwrap(),
                    language: "vi".into(),
                    role: Role::Applicant,
                    email_verified: true,
                    offices: vec![],
                },
                None,
                None,
                now,
            )
            .await
            .expect("account");
        (account.id, self.token_for(account.id).await)
    }

    /// A new bearer token for an account (after a clock jump longer than the idle expiry).
    pub async fn token_for(&self, account_id: i64) -> String {
        let now = self.state.now();
        let (secret, hash) = termin_server::auth::new_secret();
        self.state
            .store
            .create_token(
                NewToken {
                    hash,
                    account_id,
                    kind: TokenKind::Api,
                    created_at: now,
                    expires_at: now + SignedDuration::from_hours(24 * 30),
                },
                None,
            )
            .await
            .expect("token");
        secret
    }

    /// Runs the due jobs (mail) now instead of waiting for the worker's tick.
    pub async fn flush_jobs(&self) {
        termin_server::jobs::run_due(&self.state)
            .await
            .expect("jobs run");
    }

    /// All messages in the outbox addressed to `to`, decoded to text.
    pub async fn mails_to(&self, to: &str) -> Vec<String> {
        self.flush_jobs().await;
        let mut found = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&self.outbox) {
            for entry in entries.flatten() {
                let raw = std::fs::read_to_string(entry.path()).unwrap_or_default();
                let text = decode_mail(&raw);
                if text.contains(to) {
                    found.push(text);
                }
            }
        }
        found
    }

    /// The `token=` of the newest link to `path` mailed to `to`.
    pub async fn mail_token(&self, to: &str, path: &str) -> String {
        for _ in 0..50 {
            for mail in self.mails_to(to).await {
                let needle = format!("/{path}?token=");
                if let Some(at) = mail.find(&needle) {
                    let rest = &mail[at + needle.len()..];
                    let token: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                        .collect();
                    return token;
                }
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("no mail with a {path} link to {to}");
    }

    /// The first free slot of a visit type at an office, at least `after` from now.
    pub async fn free_slot(&self, office: &str, visit_type: &str, after: SignedDuration) -> String {
        let now = self.now().await;
        let from = termin_domain::time::local_date(now + after);
        let to = from.saturating_add(jiff::Span::new().days(20));
        let (s, v) = self
            .get(
                &format!(
                    "/offices/{office}/availability?visit_type={visit_type}&from={from}&to={to}"
                ),
                None,
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v["slots"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["start"].as_str().unwrap().to_string())
            .find(|start| start.parse::<Timestamp>().unwrap() >= now + after)
            .expect("a free slot")
    }

    pub async fn book(
        &self,
        token: &str,
        office: &str,
        visit_type: &str,
        start: &str,
    ) -> (StatusCode, Value) {
        self.post(
            "/appointments",
            Some(token),
            json!({"office": office, "visit_type": visit_type, "start": start}),
        )
        .await
    }
}

/// Undoes the transfer encodings lettre may choose (quoted-printable or base64 parts).
pub fn decode_mail(raw: &str) -> String {
    let mut out = String::new();
    let unfolded = raw.replace("=\r\n", "").replace("=\n", "");
    out.push_str(&decode_qp(&unfolded));
    // Base64 parts: decode every run of consecutive base64 lines (a part's body ends at the
    // blank line or the boundary line that follows it).
    use base64::Engine;
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() > 20
            && let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(run.as_bytes())
        {
            out.push('\n');
            out.push_str(&String::from_utf8_lossy(&bytes));
        }
        run.clear();
    };
    for line in raw.lines().map(str::trim) {
        let base64_line = !line.is_empty()
            && line
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '/' || c == '=');
        if base64_line {
            run.push_str(line);
        } else {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn decode_qp(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && bytes[i + 1].is_ascii_hexdigit()
            && bytes[i + 2].is_ascii_hexdigit()
        {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
