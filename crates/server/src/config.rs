//! Settings of one Termín instance. Loaded once by the binary (defaults → file → env → flags).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use termin_domain::BookingPolicy;
use termin_domain::floor::LateArrivals;

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Address to listen on.
    pub bind: String,
    /// `sqlite://path` (created when missing) or `postgres://…`.
    pub database_url: String,
    /// Folder with `offices.toml` and `visit_types.toml` replacing the shipped data.
    pub data_dir: Option<PathBuf>,
    /// Public address used in links inside e-mails, e.g. `https://termin.example.cz`.
    /// Defaults to `http://{bind}`. An `https://` address turns on secure cookies.
    pub base_url: Option<String>,
    /// Write every outgoing e-mail as a file into this folder instead of sending it.
    pub mail_outbox: Option<PathBuf>,
    /// `smtps://user:pass@host:465` or `smtp://host:25?tls=required` (lettre URL syntax).
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// Enables `PUT /api/v1/dev/clock`; refused on a non-loopback bind address.
    pub dev_clock: bool,
    /// Take the client address from the last `X-Forwarded-For` hop (behind a reverse proxy).
    pub trust_proxy: bool,
    pub policy: BookingPolicy,
    pub limits: Limits,
    pub floor: FloorSettings,
}

/// How the office floor runs (issue 3).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct FloorSettings {
    /// Where a client who checks in after the start goes: `keep-place`, `after-on-time`
    /// (default) or `with-walk-ins`.
    pub late_arrivals: LateArrivals,
    /// Wrong PINs one kiosk may send within the window before it is slowed down.
    pub wrong_pin_limit: u32,
    pub wrong_pin_window_minutes: i64,
    /// How many recent calls the waiting-room display shows.
    pub display_calls: u32,
}

impl Default for FloorSettings {
    fn default() -> Self {
        Self {
            late_arrivals: LateArrivals::default(),
            wrong_pin_limit: 10,
            wrong_pin_window_minutes: 5,
            display_calls: 8,
        }
    }
}

/// Rate limits and token lifetimes (api.md "Conventions").
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    pub login_failures_per_account: u32,
    pub login_failures_per_ip: u32,
    pub login_window_minutes: i64,
    pub registrations_per_ip: u32,
    pub registration_window_minutes: i64,
    /// Session and API tokens expire after this long without use.
    pub token_idle_hours: i64,
    pub verify_token_hours: i64,
    pub reset_token_minutes: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            login_failures_per_account: 10,
            login_failures_per_ip: 50,
            login_window_minutes: 15,
            registrations_per_ip: 300,
            registration_window_minutes: 60,
            token_idle_hours: 24,
            verify_token_hours: 72,
            reset_token_minutes: 60,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            database_url: "sqlite://termin.db".into(),
            data_dir: None,
            base_url: None,
            mail_outbox: None,
            smtp_url: None,
            mail_from: "Termín <noreply@termin.invalid>".into(),
            dev_clock: false,
            trust_proxy: false,
            policy: BookingPolicy::default(),
            limits: Limits::default(),
            floor: FloorSettings::default(),
        }
    }
}

impl Config {
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.bind))
            .trim_end_matches('/')
            .to_string()
    }

    pub fn secure_cookies(&self) -> bool {
        self.base_url().starts_with("https://")
    }
}
