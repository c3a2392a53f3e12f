//! Databases for tests: SQLite in a folder by default; a fresh PostgreSQL database per test
//! when `TERMIN_TEST_BACKEND=postgres` (server from `TERMIN_TEST_POSTGRES_URL`).
//!
//! The PostgreSQL suite is required in CI, so an unreachable server is a panic with a clear
//! message, never a silent skip.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use rand::Rng;
use sqlx::postgres::PgConnectOptions;
use sqlx::{AssertSqlSafe, ConnectOptions, Connection};

/// Selects the backend of [`test_database`]: `sqlite` (default) or `postgres`.
pub const BACKEND_VAR: &str = "TERMIN_TEST_BACKEND";
/// Administrative URL of the PostgreSQL server the per-test databases are created on.
pub const POSTGRES_URL_VAR: &str = "TERMIN_TEST_POSTGRES_URL";
pub const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A database that exists for one test. A PostgreSQL one is dropped with this value.
pub struct TestDatabase {
    pub url: String,
    postgres: Option<Created>,
}

struct Created {
    admin_url: String,
    name: String,
}

impl TestDatabase {
    /// `"postgres"` or `"sqlite"`.
    pub fn backend(&self) -> &'static str {
        if self.postgres.is_some() {
            "postgres"
        } else {
            "sqlite"
        }
    }
}

/// Whether `TERMIN_TEST_BACKEND` asks for PostgreSQL (panics on an unknown value).
pub fn postgres_requested() -> bool {
    match std::env::var(BACKEND_VAR) {
        Err(_) => false,
        Ok(v) => match v.trim().to_ascii_lowercase().as_str() {
            "" | "sqlite" => false,
            "postgres" | "postgresql" | "pg" => true,
            other => panic!("{BACKEND_VAR}={other:?}: expected `sqlite` or `postgres`"),
        },
    }
}

/// A new, empty database for one test; `dir` is the test's own temporary folder.
pub async fn test_database(dir: &Path) -> TestDatabase {
    if !postgres_requested() {
        return TestDatabase {
            url: format!("sqlite://{}", dir.join("termin.db").display()),
            postgres: None,
        };
    }
    let admin_url =
        std::env::var(POSTGRES_URL_VAR).unwrap_or_else(|_| DEFAULT_POSTGRES_URL.to_owned());
    let options = PgConnectOptions::from_str(&admin_url).unwrap_or_else(|e| {
        panic!("{POSTGRES_URL_VAR}: not a PostgreSQL URL ({e}); {BACKEND_VAR}=postgres needs one")
    });
    let mut admin = match tokio::time::timeout(Duration::from_secs(10), options.connect()).await {
        Ok(Ok(conn)) => conn,
        Ok(Err(e)) => panic!(
            "{BACKEND_VAR}=postgres, but PostgreSQL at {} is unreachable: {e}. Start it \
             (e.g. `pg_ctlcluster <version> main start`) or set {POSTGRES_URL_VAR}.",
            redacted(&admin_url)
        ),
        Err(_) => panic!(
            "{BACKEND_VAR}=postgres, but connecting to PostgreSQL at {} timed out after 10 s",
            redacted(&admin_url)
        ),
    };
    let name = format!("termin_test_{:016x}", rand::rng().random::<u64>());
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut admin)
        .await
        .unwrap_or_else(|e| panic!("CREATE DATABASE {name} on {}: {e}", redacted(&admin_url)));
    let _ = admin.close().await;
    TestDatabase {
        url: with_database(&admin_url, &name),
        postgres: Some(Created { admin_url, name }),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some(created) = self.postgres.take() else {
            return;
        };
        // Drop is synchronous and may run inside a runtime: do the async work on a thread of
        // its own with its own runtime, and wait for it so the database is gone when the test
        // ends. Any failure is reported, never a panic (a panic in Drop could abort).
        let spawned = std::thread::Builder::new()
            .name("drop-test-database".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => return Err(format!("runtime: {e}")),
                };
                runtime.block_on(async {
                    let options = PgConnectOptions::from_str(&created.admin_url)
                        .map_err(|e| e.to_string())?;
                    let mut admin =
                        tokio::time::timeout(Duration::from_secs(10), options.connect())
                            .await
                            .map_err(|_| "connect timed out".to_owned())?
                            .map_err(|e| e.to_string())?;
                    // FORCE: the test's pool may still hold connections.
                    sqlx::query(AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                        created.name
                    )))
                    .execute(&mut admin)
                    .await
                    .map_err(|e| e.to_string())?;
                    let _ = admin.close().await;
                    Ok(created.name)
                })
            });
        match spawned.map(|handle| handle.join()) {
            Ok(Ok(Ok(_))) => {}
            Ok(Ok(Err(e))) => eprintln!("warning: could not drop a test database: {e}"),
            Ok(Err(_)) => eprintln!("warning: dropping a test database panicked"),
            Err(e) => eprintln!("warning: could not start a thread to drop a test database: {e}"),
        }
    }
}

/// The admin URL with its database (path) replaced by `name`; the query string is kept.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let authority_from = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_from..].find('/') {
        Some(slash) => &base[..authority_from + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

/// The URL without a password, for messages.
fn redacted(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_owned();
    };
    let rest = &url[scheme_end..];
    let host_from = rest.find('/').unwrap_or(rest.len());
    match rest[..host_from].rfind('@') {
        Some(at) => match rest[..at].split_once(':') {
            Some((user, _)) => format!("{}{user}:***@{}", &url[..scheme_end], &rest[at + 1..]),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{redacted, with_database};

    #[test]
    fn database_name_replaces_the_path_and_keeps_the_query() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
            "postgres://u:p@h/t2?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://h:5432", "t3"),
            "postgres://h:5432/t3"
        );
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redacted("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(redacted("postgres://h/db"), "postgres://h/db");
        assert_eq!(redacted("postgres://u@h/db"), "postgres://u@h/db");
    }
}
