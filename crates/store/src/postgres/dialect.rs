//! PostgreSQL's text of the statements whose dialects differ (`crate::sql::Dialect`).
//! Transactions run at READ COMMITTED: what must not race is locked (`FOR UPDATE`, an advisory
//! lock per office floor) and re-checked on the newest version of the row.

use sqlx::Postgres;

use crate::rules::no_show_due;
use crate::sql::{Dialect, Unique};

/// Unique constraints whose violations mean something to the caller (see the migrations).
pub(super) const EMAIL_UNIQUE: &str = "accounts_email_key";
pub(super) const PIN_UNIQUE: &str = "appointments_pin_per_office_day";
pub(super) const ONE_ACTIVE_UNIQUE: &str = "appointments_one_active_per_person_type";
pub(super) const IDEMPOTENCY_UNIQUE: &str = "idempotency_keys_pkey";
pub(super) const ONE_CALLED_UNIQUE: &str = "tickets_one_called_per_counter";
const EMAIL_IDENTITY_UNIQUE: &str = "accounts_email_identity";
const ONE_OPEN_REQUEST_UNIQUE: &str = "waitlist_one_open_per_person_type";

/// A unique violation of the named constraint or unique index.
pub(super) fn violates(e: &sqlx::Error, constraint: &str) -> bool {
    matches!(e, sqlx::Error::Database(db)
        if db.is_unique_violation() && db.constraint() == Some(constraint))
}

impl Dialect for Postgres {
    fn violates(e: &sqlx::Error, which: Unique) -> bool {
        if which == Unique::Email {
            return violates(e, EMAIL_UNIQUE) || violates(e, EMAIL_IDENTITY_UNIQUE);
        }
        violates(
            e,
            match which {
                Unique::Email => EMAIL_UNIQUE,
                Unique::OneCalledPerCounter => ONE_CALLED_UNIQUE,
                Unique::OneActivePerPersonType => ONE_ACTIVE_UNIQUE,
                Unique::Pin => PIN_UNIQUE,
                Unique::OneOpenRequest => ONE_OPEN_REQUEST_UNIQUE,
            },
        )
    }

    /// Whoever locks the account row first runs its checks and writes; the other waits and
    /// then sees them committed.
    const LOCK_ACCOUNT: Option<&'static str> =
        Some("SELECT id FROM accounts WHERE id = $1 FOR UPDATE");

    /// Held until commit or rollback, like `BEGIN IMMEDIATE` on SQLite.
    const LOCK_FLOOR: Option<&'static str> =
        Some("SELECT pg_advisory_xact_lock(hashtextextended('termin-floor:' || $1, 0))");

    const LOCKS_ROWS: bool = true;

    /// The ids first (an InitPlan), then the rows by primary key: with the condition on
    /// `status` outside as well, a planner without statistics walked every booked appointment
    /// and probed the subquery for each. Rows are locked in id order, so the sweep and a
    /// booking of the same account cannot deadlock on them; `FOR UPDATE` rechecks the
    /// condition on the newest version of a row.
    const MATERIALISE_NO_SHOWS: &'static str = concat!(
        "UPDATE appointments
            SET status = 'no-show', status_changed_at = start_at + $1, sequence = sequence + 1
          WHERE id = ANY(ARRAY(SELECT id FROM appointments WHERE ",
        no_show_due!("", "$2", "$1"),
        " AND ($3::BIGINT IS NULL OR account_id = $3) ORDER BY id FOR UPDATE))"
    );

    /// SKIP LOCKED: a job another worker is claiming right now is passed over, not waited
    /// for; one it has just claimed fails the re-check of `locked_until` on its new version.
    /// MATERIALIZED: the locking SELECT runs exactly once.
    const CLAIM_JOBS: &'static str = "WITH due AS MATERIALIZED (
             SELECT id FROM jobs
              WHERE done_at IS NULL AND run_at <= $2
                AND (locked_until IS NULL OR locked_until <= $2)
              ORDER BY run_at, id
              LIMIT $3
              FOR UPDATE SKIP LOCKED)
         UPDATE jobs SET locked_until = $1, attempts = attempts + 1
           FROM due
          WHERE jobs.id = due.id
         RETURNING jobs.id, jobs.kind, jobs.payload, jobs.attempts";

    const FINISH_JOBS: &'static str =
        "UPDATE jobs SET done_at = $1, locked_until = NULL, payload = '{}'
          WHERE id = ANY(ARRAY(SELECT json_array_elements_text($2::json)::BIGINT))";
}
