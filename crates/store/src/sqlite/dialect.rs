//! SQLite's text of the statements whose dialects differ (`crate::sql::Dialect`). A write
//! transaction is `BEGIN IMMEDIATE`, which holds the whole database: no row or advisory locks.

use sqlx::Sqlite;

use crate::rules::no_show_due;
use crate::sql::{Dialect, Unique};

impl Dialect for Sqlite {
    fn violates(e: &sqlx::Error, which: Unique) -> bool {
        // SQLite names the columns of the violated index: "UNIQUE constraint failed: t.a, t.b".
        let columns = match which {
            Unique::Email => "accounts.email",
            Unique::OneCalledPerCounter => "tickets.counter",
            Unique::OneActivePerPersonType => "appointments.person_id",
            Unique::Pin => "appointments.pin",
            Unique::OneOpenRequest => "waitlist_requests.person_id",
        };
        matches!(e, sqlx::Error::Database(db)
            if db.is_unique_violation() && db.message().contains(columns))
    }

    const LOCK_ACCOUNT: Option<&'static str> = None;
    const LOCK_FLOOR: Option<&'static str> = None;

    const LOCKS_ROWS: bool = false;

    const MATERIALISE_NO_SHOWS: &'static str = concat!(
        "UPDATE appointments
            SET status = 'no-show', status_changed_at = start_at + $1, sequence = sequence + 1
          WHERE ",
        no_show_due!("", "$2", "$1"),
        " AND ($3 IS NULL OR account_id = $3)"
    );

    const CLAIM_JOBS: &'static str = "UPDATE jobs SET locked_until = $1, attempts = attempts + 1
          WHERE id IN (SELECT id FROM jobs
                        WHERE done_at IS NULL AND run_at <= $2
                          AND (locked_until IS NULL OR locked_until <= $2)
                        ORDER BY run_at, id LIMIT $3)
          RETURNING id, kind, payload, attempts";

    const FINISH_JOBS: &'static str =
        "UPDATE jobs SET done_at = $1, locked_until = NULL, payload = '{}'
          WHERE id IN (SELECT value FROM json_each($2))";
}
