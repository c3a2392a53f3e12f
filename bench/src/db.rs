//! Direct database access of the benchmark: bulk setup before the measured phase and the
//! invariant checks after it. Only plain SQL that reads the same on SQLite and PostgreSQL.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use jiff::{SignedDuration, Timestamp};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePoolOptions};
use sqlx::{AssertSqlSafe, PgPool, Row, SqlitePool};
use termin_store::{NewAccount, NewToken, Role, TokenKind};

use crate::load::Outcomes;

pub enum Db {
    Sqlite(SqlitePool),
    Pg(PgPool),
}

/// One pre-registered, verified account with its API bearer token.
#[derive(Clone)]
pub struct BenchAccount {
    pub id: i64,
    pub token: String,
}

pub type DbResult<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

impl Db {
    pub async fn open(url: &str) -> DbResult<Db> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .busy_timeout(std::time::Duration::from_secs(30));
            let pool = SqlitePoolOptions::new()
                .max_connections(2)
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        } else {
            let pool = PgPoolOptions::new().max_connections(2).connect(url).await?;
            Ok(Db::Pg(pool))
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(p) => p.close().await,
            Db::Pg(p) => p.close().await,
        }
    }

    pub async fn execute(&self, sql: String) -> DbResult<u64> {
        Ok(match self {
            Db::Sqlite(p) => sqlx::query(AssertSqlSafe(sql))
                .execute(p)
                .await?
                .rows_affected(),
            Db::Pg(p) => sqlx::query(AssertSqlSafe(sql))
                .execute(p)
                .await?
                .rows_affected(),
        })
    }

    /// Runs several statements in one transaction.
    pub async fn execute_tx(&self, statements: Vec<String>) -> DbResult<()> {
        match self {
            Db::Sqlite(p) => {
                let mut tx = p.begin().await?;
                for sql in statements {
                    sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
                }
                tx.commit().await?;
            }
            Db::Pg(p) => {
                let mut tx = p.begin().await?;
                for sql in statements {
                    sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
                }
                tx.commit().await?;
            }
        }
        Ok(())
    }

    pub async fn scalar(&self, sql: &str) -> DbResult<i64> {
        Ok(match self {
            Db::Sqlite(p) => {
                sqlx::query_scalar::<_, i64>(AssertSqlSafe(sql.to_string()))
                    .fetch_one(p)
                    .await?
            }
            Db::Pg(p) => {
                sqlx::query_scalar::<_, i64>(AssertSqlSafe(sql.to_string()))
                    .fetch_one(p)
                    .await?
            }
        })
    }

    pub async fn text(&self, sql: &str) -> DbResult<String> {
        Ok(match self {
            Db::Sqlite(p) => {
                sqlx::query_scalar::<_, String>(AssertSqlSafe(sql.to_string()))
                    .fetch_one(p)
                    .await?
            }
            Db::Pg(p) => {
                sqlx::query_scalar::<_, String>(AssertSqlSafe(sql.to_string()))
                    .fetch_one(p)
                    .await?
            }
        })
    }

    async fn appointment_rows(&self) -> DbResult<Vec<DbAppointment>> {
        const SQL: &str = "SELECT id, account_id, office_id, visit_type_id, start_at, pin, status \
                           FROM appointments";
        macro_rules! rows {
            ($rows:expr) => {
                $rows
                    .iter()
                    .map(|r| {
                        Ok(DbAppointment {
                            id: r.try_get("id")?,
                            account_id: r.try_get("account_id")?,
                            office_id: r.try_get("office_id")?,
                            visit_type_id: r.try_get("visit_type_id")?,
                            start_at: r.try_get("start_at")?,
                            pin: r.try_get("pin")?,
                            status: r.try_get("status")?,
                        })
                    })
                    .collect::<Result<Vec<_>, sqlx::Error>>()?
            };
        }
        Ok(match self {
            Db::Sqlite(p) => rows!(sqlx::query(SQL).fetch_all(p).await?),
            Db::Pg(p) => rows!(sqlx::query(SQL).fetch_all(p).await?),
        })
    }

    async fn slot_capacities(&self) -> DbResult<Vec<(String, i64)>> {
        const SQL: &str = "SELECT DISTINCT office_id, capacity FROM slots";
        Ok(match self {
            Db::Sqlite(p) => sqlx::query_as::<_, (String, i64)>(SQL).fetch_all(p).await?,
            Db::Pg(p) => sqlx::query_as::<_, (String, i64)>(SQL).fetch_all(p).await?,
        })
    }

    /// PostgreSQL counters (commits, rollbacks of this database; WAL flushes of the cluster).
    pub async fn pg_counters(&self) -> Option<[i64; 3]> {
        let Db::Pg(_) = self else { return None };
        let commits = self
            .scalar("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
            .await
            .ok()?;
        let rollbacks = self
            .scalar("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()")
            .await
            .ok()?;
        let syncs = self.scalar("SELECT wal_sync FROM pg_stat_wal").await.ok()?;
        Some([commits, rollbacks, syncs])
    }

    pub async fn pending_jobs(&self) -> DbResult<i64> {
        self.scalar("SELECT count(*) FROM jobs WHERE done_at IS NULL")
            .await
    }

    /// Durability settings as the database reports them (for the report).
    pub async fn settings(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        match self {
            Db::Sqlite(_) => {
                out.push((
                    "sqlite_version".into(),
                    self.text("SELECT sqlite_version()")
                        .await
                        .unwrap_or_default(),
                ));
                if let Ok(mode) = self.text("PRAGMA journal_mode").await {
                    out.push(("journal_mode".into(), mode));
                }
                out.push((
                    "synchronous (set by termin-store on every connection)".into(),
                    "FULL".into(),
                ));
            }
            Db::Pg(_) => {
                out.push((
                    "server_version".into(),
                    self.text("SHOW server_version").await.unwrap_or_default(),
                ));
                for name in [
                    "synchronous_commit",
                    "fsync",
                    "wal_sync_method",
                    "commit_delay",
                    "shared_buffers",
                    "max_connections",
                    "full_page_writes",
                ] {
                    if let Ok(v) = self.text(&format!("SHOW {name}")).await {
                        out.push((name.into(), v));
                    }
                }
            }
        }
        out
    }
}

struct DbAppointment {
    id: i64,
    account_id: i64,
    office_id: String,
    visit_type_id: String,
    start_at: i64,
    pin: String,
    status: String,
}

/// Creates `count` verified applicant accounts with an API token each.
///
/// The first one goes through the `Store` trait exactly as the server's tests do
/// (`create_account` + `create_token`); the rest are the same rows written with multi-row
/// INSERTs in large transactions, because hashing or committing thousands of accounts one by one
/// would measure Argon2 and fsync, not booking.
pub async fn create_accounts(
    store: &dyn termin_store::Store,
    db: &Db,
    count: usize,
) -> DbResult<Vec<BenchAccount>> {
    let now = Timestamp::now();
    let expires = now + SignedDuration::from_hours(24 * 30);
    let mut accounts = Vec::with_capacity(count);
    if count == 0 {
        return Ok(accounts);
    }
    let first = store
        .create_account(
            NewAccount {
                email: "bench-0@bench.invalid".into(),
                password_hash: "bench-no-login".into(),
                full_name: "Nguyễn Văn An".into(),
                date_of_birth: "1988-02-29".parse()?,
                language: "en".into(),
                role: Role::Applicant,
                email_verified: true,
                offices: vec![],
            },
            None,
            None,
            now,
        )
        .await
        .map_err(|e| format!("create_account: {e:?}"))?;
    let (secret, hash) = termin_server::auth::new_secret();
    store
        .create_token(
            NewToken {
                hash,
                account_id: first.id,
                kind: TokenKind::Api,
                created_at: now,
                expires_at: expires,
            },
            None,
        )
        .await?;
    accounts.push(BenchAccount {
        id: first.id,
        token: secret,
    });

    let base_account = db
        .scalar("SELECT COALESCE(max(id), 0) FROM accounts")
        .await?
        + 1;
    let base_person = db
        .scalar("SELECT COALESCE(max(id), 0) FROM persons")
        .await?
        + 1;
    let t = now.as_second();
    let e = expires.as_second();
    const CHUNK: usize = 500;
    const TX: usize = 10;
    let mut statements = Vec::new();
    let mut index = 1usize;
    while index < count {
        let end = (index + CHUNK).min(count);
        let mut acc = String::from(
            "INSERT INTO accounts (id, email, password_hash, full_name, date_of_birth, language, \
             role, email_verified_at, created_at) VALUES ",
        );
        let mut per = String::from(
            "INSERT INTO persons (id, account_id, full_name, date_of_birth, relation, created_at) VALUES ",
        );
        let mut tok = String::from(
            "INSERT INTO tokens (hash, account_id, kind, created_at, last_used_at, expires_at) VALUES ",
        );
        for i in index..end {
            let id = base_account + (i as i64 - 1);
            let person = base_person + (i as i64 - 1);
            let sep = if i == index { "" } else { "," };
            let (secret, hash) = termin_server::auth::new_secret();
            acc.push_str(&format!(
                "{sep}({id}, 'bench-{i}@bench.invalid', 'bench-no-login', 'Nguyễn Văn An', \
                 '1988-02-29', 'en', 'applicant', {t}, {t})"
            ));
            per.push_str(&format!(
                "{sep}({person}, {id}, 'Nguyễn Văn An', '1988-02-29', 'self', {t})"
            ));
            tok.push_str(&format!("{sep}('{hash}', {id}, 'api', {t}, {t}, {e})"));
            accounts.push(BenchAccount { id, token: secret });
        }
        statements.push(acc);
        statements.push(per);
        statements.push(tok);
        index = end;
        if statements.len() >= 3 * TX || index >= count {
            db.execute_tx(std::mem::take(&mut statements)).await?;
        }
    }
    if let Db::Pg(_) = db {
        // The identity sequences must not hand out the ids written explicitly above.
        for table in ["accounts", "persons"] {
            db.execute(format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            ))
            .await?;
        }
    }
    Ok(accounts)
}

/// One invariant with the number of rows that break it.
pub struct Check {
    pub name: &'static str,
    pub violations: i64,
    pub note: String,
}

const ACTIVE: &str = "('booked', 'checked-in', 'called')";

/// Checks the database against itself and against what the clients were told.
pub async fn check_invariants(
    db: &Db,
    outcomes: &Outcomes,
    counters: &HashMap<String, u32>,
) -> DbResult<Vec<Check>> {
    let mut checks = Vec::new();
    checks.push(Check {
        name: "no slot over capacity (booked > capacity or < 0)",
        violations: db
            .scalar("SELECT count(*) FROM slots WHERE booked > capacity OR booked < 0")
            .await?,
        note: String::new(),
    });
    checks.push(Check {
        name: "slots.booked = active appointments of the slot",
        violations: db
            .scalar(&format!(
                "SELECT count(*) FROM slots s LEFT JOIN (SELECT slot_id, count(*) AS n FROM appointments \
                 WHERE status IN {ACTIVE} GROUP BY slot_id) c ON c.slot_id = s.id \
                 WHERE s.booked <> COALESCE(c.n, 0)"
            ))
            .await?,
        note: String::new(),
    });
    checks.push(Check {
        name: "appointment's slot row matches its office, visit type and start",
        violations: db
            .scalar(
                "SELECT count(*) FROM appointments a LEFT JOIN slots s ON s.id = a.slot_id \
                 WHERE s.id IS NULL OR s.office_id <> a.office_id OR s.visit_type_id <> a.visit_type_id \
                 OR s.start_at <> a.start_at",
            )
            .await?,
        note: String::new(),
    });
    checks.push(Check {
        name: "no duplicate PIN per office and day (active)",
        violations: db
            .scalar(&format!(
                "SELECT count(*) FROM (SELECT office_id, local_date, pin FROM appointments \
                 WHERE status IN {ACTIVE} GROUP BY office_id, local_date, pin HAVING count(*) > 1) d"
            ))
            .await?,
        note: String::new(),
    });
    checks.push(Check {
        name: "one active appointment per person and visit type",
        violations: db
            .scalar(&format!(
                "SELECT count(*) FROM (SELECT person_id, visit_type_id FROM appointments \
                 WHERE status IN {ACTIVE} GROUP BY person_id, visit_type_id HAVING count(*) > 1) d"
            ))
            .await?,
        note: String::new(),
    });
    let mut wrong_capacity = 0;
    for (office, capacity) in db.slot_capacities().await? {
        if counters.get(&office).map(|c| i64::from(*c)) != Some(capacity) {
            wrong_capacity += 1;
        }
    }
    checks.push(Check {
        name: "slot capacity = the office's counters",
        violations: wrong_capacity,
        note: String::new(),
    });

    // Against what the clients saw.
    let rows = db.appointment_rows().await?;
    let by_id: HashMap<i64, &DbAppointment> = rows.iter().map(|r| (r.id, r)).collect();
    let mut lost = 0i64;
    let mut mismatched = 0i64;
    let mut wrong_status = 0i64;
    let cancelled: HashSet<i64> = outcomes.cancelled.iter().copied().collect();
    for b in &outcomes.booked {
        match by_id.get(&b.id) {
            None => lost += 1,
            Some(r) => {
                if r.pin != b.pin
                    || r.account_id != b.account_id
                    || r.office_id != b.office
                    || r.visit_type_id != b.visit_type
                    || r.start_at != b.start
                {
                    mismatched += 1;
                }
                let expected = if cancelled.contains(&b.id) {
                    "cancelled"
                } else {
                    "booked"
                };
                if r.status != expected {
                    wrong_status += 1;
                }
            }
        }
    }
    let confirmed: HashSet<i64> = outcomes.booked.iter().map(|b| b.id).collect();
    let phantoms = rows.iter().filter(|r| !confirmed.contains(&r.id)).count() as i64;
    let unconfirmed_cancels = cancelled
        .iter()
        .filter(|id| !confirmed.contains(id))
        .count() as i64;
    checks.push(Check {
        name: "every 201 persisted (id exists)",
        violations: lost,
        note: format!("{} confirmed bookings", outcomes.booked.len()),
    });
    checks.push(Check {
        name: "every 201 persisted with the returned PIN, account, office, type, start",
        violations: mismatched,
        note: String::new(),
    });
    checks.push(Check {
        name: "no phantom appointments (rows never confirmed by a 201)",
        violations: phantoms,
        note: if outcomes.unknown_bookings > 0 {
            format!(
                "{} booking requests had no answer (transport error)",
                outcomes.unknown_bookings
            )
        } else {
            String::new()
        },
    });
    checks.push(Check {
        name: "status = cancelled exactly for the 200 cancellations, booked otherwise",
        violations: wrong_status + unconfirmed_cancels,
        note: format!("{} confirmed cancellations", outcomes.cancelled.len()),
    });
    let active = db
        .scalar(&format!(
            "SELECT count(*) FROM appointments WHERE status IN {ACTIVE}"
        ))
        .await?;
    let expected_active = outcomes.booked.len() as i64 - outcomes.cancelled.len() as i64;
    checks.push(Check {
        name: "active appointments = 201s − 200 cancellations",
        violations: (active - expected_active).abs(),
        note: format!("{active} active in the database, {expected_active} expected"),
    });
    let jobs = db.scalar("SELECT count(*) FROM jobs").await?;
    let expected_jobs = outcomes.booked.len() as i64 + outcomes.cancelled.len() as i64;
    checks.push(Check {
        name: "one mail job per booking and per cancellation",
        violations: (jobs - expected_jobs).abs(),
        note: format!("{jobs} jobs, {expected_jobs} expected"),
    });
    Ok(checks)
}
