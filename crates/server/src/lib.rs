//! The HTTP face of Termín: JSON API (with OpenAPI), server-rendered pages, the services both
//! call, mail and the job worker. `termin serve` calls [`serve`]; tests call [`build`].

pub mod api;
pub mod auth;
pub mod config;
pub mod error;
pub mod i18n;
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod security;
pub mod services;
pub mod state;
pub mod web;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use termin_domain::Catalog;
use termin_domain::time::{Clock, DevClock, SystemClock};
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

pub use config::Config;
pub use state::AppState;

/// Everything a running instance needs, assembled from its settings.
pub async fn build(config: Config) -> anyhow_free::Result<AppState> {
    if config.dev_clock {
        let host = config
            .bind
            .parse::<SocketAddr>()
            .map(|a| a.ip().is_loopback())
            .unwrap_or(false);
        if !host {
            return Err(format!(
                "--dev-clock is refused on {}: it is only for a loopback address",
                config.bind
            )
            .into());
        }
    }
    let catalog = match &config.data_dir {
        Some(dir) => {
            let offices = std::fs::read_to_string(dir.join("offices.toml"))?;
            let visit_types = std::fs::read_to_string(dir.join("visit_types.toml"))?;
            Catalog::from_toml(&offices, &visit_types)?
        }
        None => Catalog::shipped(),
    };
    let store = termin_store::connect(&config.database_url).await?;
    let mailer = match (&config.smtp_url, &config.mail_outbox) {
        (_, Some(dir)) => mail::Mailer::outbox(dir.clone())?,
        (Some(url), None) => mail::Mailer::smtp(url)?,
        (None, None) => mail::Mailer::outbox("outbox".into())?,
    };
    let dev_clock = config.dev_clock.then(|| Arc::new(DevClock::new()));
    let clock: Arc<dyn Clock> = match &dev_clock {
        Some(c) => c.clone(),
        None => Arc::new(SystemClock),
    };
    let dummy_hash =
        tokio::task::spawn_blocking(|| password_auth::generate_hash("not a real password")).await?;
    let floor_bus = tokio::sync::broadcast::channel(256).0;
    store.listen_floor_changes(floor_bus.clone()).await?;
    Ok(AppState::new(state::Inner {
        store,
        catalog,
        config,
        clock,
        dev_clock,
        mailer,
        dummy_hash,
        floor_bus,
        metrics: metrics::Metrics::default(),
        full_slots: Default::default(),
        slot_uses: Default::default(),
        slot_calendar: Default::default(),
    }))
}

/// The whole application router.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/health", axum::routing::get(|| async { "ok" }))
        .route("/ready", axum::routing::get(ready))
        .route("/metrics", axum::routing::get(metrics_text))
        .nest("/api/v1", api::router(&state))
        .merge(web::router())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .layer(DefaultBodyLimit::max(1024 * 1024))
        .layer(CatchPanicLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Readiness: 200 while the database answers, else 503 (a load balancer stops sending).
async fn ready(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready: database unreachable");
            error::AppError::Unavailable.problem_response(termin_domain::Language::En)
        }
    }
}

async fn metrics_text(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> impl axum::response::IntoResponse {
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        state.metrics.render(),
    )
}

/// Serves until Ctrl-C or SIGTERM, finishing requests in flight; runs the job worker.
pub async fn serve(state: AppState) -> anyhow_free::Result<()> {
    let listener = TcpListener::bind(&state.config.bind).await?;
    tracing::info!(address = %listener.local_addr()?, "Termín is listening");
    serve_on(state, listener, shutdown_signal()).await
}

pub async fn serve_on(
    state: AppState,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> anyhow_free::Result<()> {
    let (stop_tx, stop_rx) = watch::channel(false);
    let worker = tokio::spawn(jobs::run(state.clone(), stop_rx));
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    let _ = stop_tx.send(true);
    let _ = tokio::time::timeout(Duration::from_secs(10), worker).await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}

/// A boxed error for start-up, where any failure ends the process with its message.
pub mod anyhow_free {
    pub type Error = Box<dyn std::error::Error + Send + Sync + 'static>;
    pub type Result<T> = std::result::Result<T, Error>;
}
