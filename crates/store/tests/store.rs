//! Store-level tests that run on whichever backend `testing::test_database` gives:
//! `cargo test -p termin-store` covers SQLite, `TERMIN_TEST_BACKEND=postgres cargo test -p
//! termin-store` covers PostgreSQL. The races are run for real (many tasks on a
//! multi-threaded runtime); the database must settle them.

use std::collections::{BTreeSet, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use serde_json::json;
use termin_domain::{AppointmentStatus, CancelRefusal, Transition};
use termin_store::testing::test_database;
use termin_store::*;
use tokio::sync::Barrier;
use tokio::task::JoinSet;

mod common;
use common::*;

// ---- harness ------------------------------------------------------------------------------

fn mail(kind: &'static str) -> JobFor<'static, Appointment> {
    Box::new(move |a: &Appointment| NewJob {
        kind: kind.into(),
        payload: json!({ "appointment": a.id, "sequence": a.sequence }),
        run_at: a.status_changed_at,
        dedupe_key: None,
    })
}

async fn book(store: &dyn Store, b: NewBooking, at: Timestamp) -> Result<Appointment, BookError> {
    store.book(b, &policy(), booking_mail(), at).await
}

async fn cancel(
    store: &dyn Store,
    account: AccountId,
    appointment: AppointmentId,
    at: Timestamp,
) -> Result<Appointment, CancelError> {
    store
        .cancel(
            account,
            appointment,
            &policy(),
            mail("cancellation-confirmation"),
            at,
        )
        .await
}

async fn booked_at(store: &dyn Store, office: &str, visit_type: &str, start: Timestamp) -> u32 {
    store
        .booked_counts(
            office,
            visit_type,
            start,
            start + SignedDuration::from_secs(1),
        )
        .await
        .expect("booked counts")
        .iter()
        .map(|s| s.booked)
        .sum()
}

fn token(account: AccountId, kind: TokenKind, hash: &str, at: Timestamp) -> NewToken {
    NewToken {
        hash: hash.into(),
        account_id: account,
        kind,
        created_at: at,
        expires_at: at + hours(24 * 30),
    }
}

/// Lets concurrent tasks start their real work together, each with a pool connection
/// already open (opening one takes long enough to stagger them otherwise).
async fn warm_up(store: &dyn Store, barrier: &Barrier) {
    store.ping().await.expect("ping");
    barrier.wait().await;
}

/// Runs SQL that the store has no method for (test set-up only), on either backend.
async fn exec_raw(url: &str, sql: String) {
    if url.starts_with("sqlite:") {
        let pool = sqlx::SqlitePool::connect(url).await.expect("sqlite");
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&pool)
            .await
            .expect("raw sql");
        pool.close().await;
    } else {
        let pool = sqlx::PgPool::connect(url).await.expect("postgres");
        sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
            .execute(&pool)
            .await
            .expect("raw sql");
        pool.close().await;
    }
}

// ---- migrations and connection ------------------------------------------------------------

/// Both backends must carry the same migrations (version and description), so a database
/// can move between them and the `_sqlx_migrations` history means the same thing.
#[test]
fn migration_folders_have_the_same_versions_and_descriptions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let list = |backend: &str| -> BTreeSet<(i64, String)> {
        std::fs::read_dir(root.join(backend))
            .unwrap_or_else(|e| panic!("migrations/{backend}: {e}"))
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".sql"))
            .map(|name| {
                let stem = name.trim_end_matches(".sql");
                let (version, description) = stem
                    .split_once('_')
                    .unwrap_or_else(|| panic!("{backend}/{name}: expected <version>_<desc>.sql"));
                let version: i64 = version
                    .parse()
                    .unwrap_or_else(|_| panic!("{backend}/{name}: version is not a number"));
                (version, description.to_owned())
            })
            .collect()
    };
    let sqlite = list("sqlite");
    let postgres = list("postgres");
    assert!(!sqlite.is_empty(), "no SQLite migrations found");
    assert_eq!(
        sqlite, postgres,
        "migrations/sqlite and migrations/postgres differ"
    );
}

#[tokio::test]
async fn migrating_again_is_a_no_op() {
    let env = env().await;
    env.store.migrate().await.expect("second migrate");
    env.store.ping().await.expect("ping");
}

/// Two instances starting at once against an empty PostgreSQL database: sqlx's migrator
/// holds `pg_advisory_lock` while it applies, so both succeed and each migration runs once.
/// (SQLite is single-instance by design: its migrator takes no lock.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_starting_together_migrate_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = test_database(dir.path()).await;
    if db.backend() != "postgres" {
        return;
    }
    let (a, b, c) = tokio::join!(connect(&db.url), connect(&db.url), connect(&db.url));
    let (a, _b, _c) = (a.expect("first"), b.expect("second"), c.expect("third"));
    let account = a
        .create_account(new_account("first@example.cz"), None, None, now())
        .await
        .expect("schema works");
    assert!(account.id > 0);
}

#[tokio::test]
async fn an_unreachable_database_fails_fast() {
    let started = std::time::Instant::now();
    let result = connect("postgres://postgres@127.0.0.1:1/termin").await;
    let Err(StoreError::Database(e)) = result else {
        panic!("expected a database error");
    };
    assert!(
        matches!(e, sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut),
        "{e:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

// ---- accounts and tokens ------------------------------------------------------------------

#[tokio::test]
async fn accounts_are_unique_per_email() {
    let env = env().await;
    let s = &*env.store;
    let (olena, _) = applicant(s, "olena@example.cz").await;
    assert_eq!(olena.email, "olena@example.cz");
    assert_eq!(olena.role, Role::Applicant);
    assert!(!olena.email_verified);
    assert_eq!(olena.created_at, now());
    assert_eq!(olena.date_of_birth.to_string(), "1995-04-12");
    let found = s
        .account_by_email("olena@example.cz")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, olena.id);
    assert_eq!(
        s.account(olena.id).await.unwrap().unwrap().email,
        olena.email
    );

    let again = s
        .create_account(new_account("olena@example.cz"), None, None, now())
        .await;
    assert!(
        matches!(again, Err(CreateAccountError::EmailTaken)),
        "{again:?}"
    );

    // Staff with offices, created verified.
    let mut staff = new_account("clerk@mvcr.cz");
    staff.role = Role::Staff;
    staff.email_verified = true;
    staff.offices = vec!["praha-1".into(), "brno".into()];
    let staff = s.create_account(staff, None, None, now()).await.unwrap();
    assert!(staff.email_verified);
    assert_eq!(
        s.staff_offices(staff.id).await.unwrap(),
        vec!["brno".to_string(), "praha-1".to_string()]
    );

    s.set_language(olena.id, "cs").await.unwrap();
    assert_eq!(s.account(olena.id).await.unwrap().unwrap().language, "cs");

    let child = s
        .add_child(
            olena.id,
            "Taras Kovalenko",
            "2018-06-01".parse().unwrap(),
            now(),
        )
        .await
        .unwrap();
    assert_eq!(child.relation, Relation::Child);
    let persons = s.persons(olena.id).await.unwrap();
    assert_eq!(persons.len(), 2);
    assert_eq!(persons[0].relation, Relation::Myself);
    assert_eq!(persons[1].id, child.id);

    // An account with its verification token and mail job, in one transaction.
    let with_token = s
        .create_account(
            new_account("an@example.vn"),
            Some(token(0, TokenKind::Verify, "verify-an", now())),
            Some(Box::new(|a: &Account| NewJob {
                kind: "verify-email".into(),
                payload: json!({ "account": a.id }),
                run_at: a.created_at,
                dedupe_key: Some(format!("verify:{}", a.id)),
            })),
            now(),
        )
        .await
        .unwrap();
    assert_eq!(s.pending_jobs().await.unwrap(), 1);
    assert_eq!(
        s.verify_email("verify-an", now()).await.unwrap(),
        Some(with_token.id)
    );
}

#[tokio::test]
async fn another_address_of_the_same_mailbox_cannot_open_a_second_account() {
    let env = env().await;
    let s = &*env.store;
    applicant(s, "olena.kovalenko@gmail.com").await;
    for variant in [
        "olenakovalenko@gmail.com",
        "olena.kovalenko+oamp@gmail.com",
        "o.lena.kovalenko@googlemail.com",
    ] {
        let again = s
            .create_account(new_account(variant), None, None, now())
            .await;
        assert!(
            matches!(again, Err(CreateAccountError::EmailTaken)),
            "{variant}: {again:?}"
        );
    }
    // Where dots count, another address is another mailbox.
    applicant(s, "olena.kovalenko@outlook.com").await;
    applicant(s, "olenakovalenko@outlook.com").await;
}

#[tokio::test]
async fn deleting_an_account_frees_its_mailbox() {
    let env = env().await;
    let s = &*env.store;
    let (olena, _) = applicant(s, "olena.kovalenko@gmail.com").await;
    assert!(s.delete_account(olena.id, &policy(), now()).await.unwrap());
    applicant(s, "olenakovalenko+new@gmail.com").await;
}

#[tokio::test]
async fn accounts_made_before_mailbox_identities_get_theirs_when_the_store_starts() {
    let env = env().await;
    let s = &*env.store;
    let (olena, _) = applicant(s, "olena.kovalenko@gmail.com").await;
    exec_raw(
        &env.db.url,
        format!(
            "UPDATE accounts SET email_identity = NULL WHERE id = {}",
            olena.id
        ),
    )
    .await;
    s.migrate().await.expect("migrate again");
    let again = s
        .create_account(new_account("olenakovalenko@gmail.com"), None, None, now())
        .await;
    assert!(
        matches!(again, Err(CreateAccountError::EmailTaken)),
        "{again:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_registrations_with_one_email_make_one_account() {
    let env = env().await;
    let barrier = Arc::new(Barrier::new(8));
    let mut tasks = JoinSet::new();
    for _ in 0..8 {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            store
                .create_account(new_account("same@example.cz"), None, None, now())
                .await
        });
    }
    let (mut created, mut taken) = (0, 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(_) => created += 1,
            Err(CreateAccountError::EmailTaken) => taken += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((created, taken), (1, 7));
}

#[tokio::test]
async fn sessions_expire_when_idle_and_links_are_single_use() {
    let env = env().await;
    let s = &*env.store;
    let (olena, _) = applicant(s, "olena@example.cz").await;
    let idle = hours(24);

    s.create_token(
        token(olena.id, TokenKind::Session, "session-1", now()),
        None,
    )
    .await
    .unwrap();
    let t1 = now() + hours(1);
    assert_eq!(
        s.session_account("session-1", t1, idle)
            .await
            .unwrap()
            .unwrap()
            .id,
        olena.id
    );
    // Used at t1: still valid one second before t1 + 24 h, which counts as a new use.
    let t2 = t1 + idle - SignedDuration::from_secs(1);
    assert!(
        s.session_account("session-1", t2, idle)
            .await
            .unwrap()
            .is_some()
    );
    // Idle for exactly 24 h: gone.
    assert!(
        s.session_account("session-1", t2 + idle, idle)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        s.session_account("nonexistent", t1, idle)
            .await
            .unwrap()
            .is_none()
    );

    // A verification token is no session, and works once.
    s.create_token(token(olena.id, TokenKind::Verify, "verify-1", now()), None)
        .await
        .unwrap();
    assert!(
        s.session_account("verify-1", now(), idle)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        s.verify_email("verify-1", now()).await.unwrap(),
        Some(olena.id)
    );
    assert_eq!(s.verify_email("verify-1", now()).await.unwrap(), None);
    assert!(s.account(olena.id).await.unwrap().unwrap().email_verified);

    // An expired link does nothing.
    let mut short = token(olena.id, TokenKind::Verify, "verify-2", now());
    short.expires_at = now() + hours(1);
    s.create_token(short, None).await.unwrap();
    assert_eq!(
        s.verify_email("verify-2", now() + hours(1)).await.unwrap(),
        None
    );

    // A password reset works once and ends every session.
    s.create_token(token(olena.id, TokenKind::Api, "api-1", now()), None)
        .await
        .unwrap();
    s.create_token(token(olena.id, TokenKind::Reset, "reset-1", now()), None)
        .await
        .unwrap();
    assert_eq!(
        s.reset_password("reset-1", "$argon2id$new", now())
            .await
            .unwrap(),
        Some(olena.id)
    );
    assert_eq!(
        s.reset_password("reset-1", "$argon2id$other", now())
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        s.account(olena.id).await.unwrap().unwrap().password_hash,
        "$argon2id$new"
    );
    assert!(
        s.session_account("api-1", now(), idle)
            .await
            .unwrap()
            .is_none()
    );

    // Logging out deletes the token.
    s.create_token(
        token(olena.id, TokenKind::Session, "session-2", now()),
        None,
    )
    .await
    .unwrap();
    s.delete_token("session-2").await.unwrap();
    assert!(
        s.session_account("session-2", now(), idle)
            .await
            .unwrap()
            .is_none()
    );
}

/// Asks `check` every 10 ms until it holds, for at most 5 s; the time it took.
async fn within_5_s<F, Fut>(what: &str, mut check: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let begin = std::time::Instant::now();
    while !check().await {
        assert!(
            begin.elapsed() < Duration::from_secs(5),
            "{what}: not seen within 5 s"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    begin.elapsed()
}

/// Every instance (on SQLite: every process, the server beside `termin admin`) keeps the
/// tokens it read lately; whatever changes an account or its tokens, through any instance or
/// by hand in SQL, must reach every instance.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_to_an_account_or_token_reaches_every_instance() {
    let env = env().await;
    let here = &*env.store;
    let there = connect(&env.db.url).await.expect("second instance");
    let there = &*there;
    let (olena, _) = applicant(here, "olena@example.cz").await;
    let idle = hours(24);
    for hash in ["s-1", "s-2", "s-3"] {
        here.create_token(token(olena.id, TokenKind::Session, hash, now()), None)
            .await
            .unwrap();
    }
    let seen = |store: &'static str, hash: &'static str| {
        let s = if store == "here" { here } else { there };
        async move { s.session_account(hash, now(), idle).await.unwrap() }
    };
    // Read on the other instance first, then used again (kept there, if it keeps).
    for _ in 0..3 {
        assert_eq!(seen("there", "s-1").await.unwrap().language, "uk");
    }
    // The instance answers from memory once the reports come in: a token changed behind the
    // triggers' back (never done by termin) is still answered there. So the checks below are
    // answered from memory too, and hold only because the reports arrive.
    let (hide, unhide) = if env.db.backend() == "postgres" {
        let quietly = |expires: &str| {
            format!(
                "ALTER TABLE tokens DISABLE TRIGGER USER;
                 UPDATE tokens SET expires_at = {expires} WHERE hash = 'hidden';
                 ALTER TABLE tokens ENABLE TRIGGER USER;"
            )
        };
        (quietly("0"), quietly("99999999999"))
    } else {
        // SQLite's triggers cannot be switched off: the change takes its log row with it.
        let quietly = |expires: &str| {
            format!(
                "BEGIN IMMEDIATE;
                 UPDATE tokens SET expires_at = {expires} WHERE hash = 'hidden';
                 DELETE FROM auth_changes WHERE id = (SELECT max(id) FROM auth_changes);
                 COMMIT;"
            )
        };
        (quietly("0"), quietly("99999999999"))
    };
    here.create_token(token(olena.id, TokenKind::Session, "hidden", now()), None)
        .await
        .unwrap();
    within_5_s("kept in memory", || async {
        let kept = seen("there", "hidden").await.is_some();
        exec_raw(&env.db.url, hide.clone()).await;
        let answered = seen("there", "hidden").await.is_some();
        exec_raw(&env.db.url, unhide.clone()).await;
        kept && answered
    })
    .await;
    // s-1 is kept there as well by now.
    assert!(seen("there", "s-1").await.is_some());

    here.set_language(olena.id, "cs").await.unwrap();
    within_5_s("language changed on another instance", || async {
        seen("there", "s-1").await.unwrap().language == "cs"
    })
    .await;

    // An operator's SQL is seen too.
    exec_raw(
        &env.db.url,
        format!(
            "UPDATE accounts SET full_name = 'Olena Kovalenková' WHERE id = {}",
            olena.id
        ),
    )
    .await;
    within_5_s("a change made in SQL", || async {
        seen("there", "s-1").await.unwrap().full_name == "Olena Kovalenková"
    })
    .await;

    // Logging out on one instance ends the session on the other.
    assert!(seen("there", "s-2").await.is_some());
    here.delete_token("s-2").await.unwrap();
    within_5_s("logged out on another instance", || async {
        seen("there", "s-2").await.is_none()
    })
    .await;
    assert!(seen("there", "s-1").await.is_some(), "other sessions go on");

    // On the instance that made the change, at once.
    assert!(seen("there", "s-3").await.is_some());
    there.delete_token("s-3").await.unwrap();
    assert!(seen("there", "s-3").await.is_none());

    // Staff deletion ends every session everywhere.
    assert!(seen("there", "s-1").await.is_some());
    here.delete_account(olena.id, &policy(), now())
        .await
        .unwrap();
    within_5_s("account deleted on another instance", || async {
        seen("there", "s-1").await.is_none()
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_single_use_link_is_used_once_under_concurrency() {
    let env = env().await;
    let (olena, _) = applicant(&*env.store, "olena@example.cz").await;
    env.store
        .create_token(token(olena.id, TokenKind::Reset, "reset-race", now()), None)
        .await
        .unwrap();
    let barrier = Arc::new(Barrier::new(8));
    let mut tasks = JoinSet::new();
    for i in 0..8 {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            store
                .reset_password("reset-race", &format!("hash-{i}"), now())
                .await
                .unwrap()
        });
    }
    let mut used = 0;
    while let Some(result) = tasks.join_next().await {
        used += usize::from(result.unwrap().is_some());
    }
    assert_eq!(used, 1);
}

// ---- booking ------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_slot_is_never_overbooked() {
    let env = env().await;
    let start = now() + hours(72);
    let mut people = Vec::new();
    for i in 0..100 {
        people.push(applicant(&*env.store, &format!("client{i}@example.cz")).await);
    }
    let barrier = Arc::new(Barrier::new(people.len()));
    let mut tasks = JoinSet::new();
    for (account, person) in people {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            let b = booking(account.id, person, "praha-1", "residence-permit", start, 10);
            book(&*store, b, now()).await
        });
    }
    let (mut won, mut full) = (Vec::new(), 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(appointment) => won.push(appointment),
            Err(BookError::SlotFull) => full += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((won.len(), full), (10, 90));
    let counts = env
        .store
        .booked_counts("praha-1", "residence-permit", now(), now() + hours(24 * 7))
        .await
        .unwrap();
    assert_eq!(counts.len(), 1);
    assert_eq!((counts[0].booked, counts[0].capacity), (10, 10));
    assert_eq!(counts[0].start, start);
    let pins: HashSet<&str> = won.iter().map(|a| a.pin.as_str()).collect();
    assert_eq!(pins.len(), 10, "PINs of one office and day are distinct");
    assert!(
        won.iter()
            .all(|a| a.pin.len() == 4 && a.status == AppointmentStatus::Booked)
    );
    // Only the winners' confirmation mails exist.
    assert_eq!(env.store.pending_jobs().await.unwrap(), 10);
}

/// `sqlite::memory:` is one connection in all, which the booking writer borrows from sqlx for
/// each batch instead of opening its own.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_in_memory_sqlite_database_books_on_its_one_connection() {
    let store: Arc<dyn Store> = connect("sqlite::memory:").await.expect("in-memory store");
    let start = now() + hours(72);
    let mut tasks = JoinSet::new();
    for i in 0..3 {
        let (account, person) = applicant(&*store, &format!("memory{i}@example.cz")).await;
        let store = store.clone();
        tasks.spawn(async move {
            let b = booking(account.id, person, "praha-1", "residence-permit", start, 2);
            book(&*store, b, now()).await
        });
    }
    let (mut won, mut full) = (0, 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(_) => won += 1,
            Err(BookError::SlotFull) => full += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((won, full), (2, 1));
    assert_eq!(store.pending_jobs().await.unwrap(), 2);
}

/// PINs are unique among the *active* appointments of one office and day. The office's day
/// is filled up to 8 free PINs (plus cancelled appointments holding those 8); 8 concurrent
/// bookings must get exactly those 8, and a 9th finds none.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pins_are_unique_per_office_and_day_among_active_appointments() {
    let env = env().await;
    let s = &*env.store;
    let start = now() + hours(50);
    let day = termin_domain::time::local_date(start);
    // A slot row for the filler to point at (another office: the filler only needs the FK).
    let (filler, filler_person) = applicant(s, "filler@example.cz").await;
    book(
        s,
        booking(filler.id, filler_person, "brno", "filler", start, 1),
        now(),
    )
    .await
    .unwrap();
    let (st, en, t) = (
        start.as_second(),
        (start + mins(15)).as_second(),
        now().as_second(),
    );
    let (acc, person) = (filler.id, filler_person);
    let free: BTreeSet<String> = (0..10_000)
        .filter(|i| i % 1250 == 7)
        .map(|i| format!("{i:04}"))
        .collect();
    let columns = "account_id, person_id, office_id, visit_type_id, slot_id, start_at, end_at, \
                   local_date, pin, status, language, created_at, status_changed_at";
    let values = format!(
        "{acc}, {person}, 'praha-1', 'filler-' || i, (SELECT MIN(id) FROM slots), {st}, {en}, \
         '{day}', PIN, CASE WHEN i % 1250 = 7 THEN 'cancelled' ELSE 'booked' END, 'cs', {t}, {t}"
    );
    let sql = if env.db.url.starts_with("sqlite:") {
        format!(
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
             INSERT INTO appointments ({columns}) SELECT {} FROM n",
            values.replace("PIN", "printf('%04d', i)")
        )
    } else {
        format!(
            "INSERT INTO appointments ({columns})
             SELECT {} FROM generate_series(0, 9999) AS i",
            values.replace("PIN", "lpad(i::text, 4, '0')")
        )
    };
    exec_raw(&env.db.url, sql).await;

    let booking_start = start + hours(1);
    let mut people = Vec::new();
    for i in 0..9 {
        people.push(applicant(s, &format!("pin{i}@example.cz")).await);
    }
    let last = people.pop().unwrap();
    // Different slots, so that the slot row lock does not serialise them: the PINs race.
    let barrier = Arc::new(Barrier::new(people.len()));
    let mut tasks = JoinSet::new();
    for (i, (account, person)) in people.into_iter().enumerate() {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            let slot = booking_start + mins(15 * i as i64);
            let b = booking(account.id, person, "praha-1", "residence-permit", slot, 50);
            book(&*store, b, now()).await
        });
    }
    let mut pins = BTreeSet::new();
    while let Some(result) = tasks.join_next().await {
        let appointment = result.unwrap().expect("a free PIN exists for each");
        assert!(pins.insert(appointment.pin), "a PIN was given twice");
    }
    assert_eq!(pins, free);

    // No PIN left for this office and day: refused, and the place is not taken.
    let b = booking(
        last.0.id,
        last.1,
        "praha-1",
        "residence-permit",
        booking_start,
        50,
    );
    assert!(matches!(book(s, b, now()).await, Err(BookError::SlotFull)));
    assert_eq!(
        booked_at(s, "praha-1", "residence-permit", booking_start).await,
        1
    );
    // Other offices and other days have their own PINs.
    let b = booking(
        last.0.id,
        last.1,
        "brno",
        "residence-permit",
        booking_start,
        50,
    );
    let elsewhere = book(s, b, now()).await.expect("another office");
    cancel(s, last.0.id, elsewhere.id, now()).await.unwrap();
    let b = booking(
        last.0.id,
        last.1,
        "praha-1",
        "residence-permit",
        booking_start + hours(24),
        50,
    );
    book(s, b, now()).await.expect("another day");
}

#[tokio::test]
async fn one_active_appointment_per_person_and_visit_type() {
    let env = env().await;
    let s = &*env.store;
    let (olena, me) = applicant(s, "olena@example.cz").await;
    let (other, _) = applicant(s, "other@example.cz").await;
    let (t1, t2) = (now() + hours(72), now() + hours(96));

    let first = book(
        s,
        booking(olena.id, me, "praha-1", "residence-permit", t1, 5),
        now(),
    )
    .await
    .unwrap();
    assert_eq!(first.status, AppointmentStatus::Booked);
    assert_eq!(first.sequence, 0);
    let again = book(
        s,
        booking(olena.id, me, "praha-1", "residence-permit", t2, 5),
        now(),
    )
    .await;
    assert!(matches!(again, Err(BookError::AlreadyBooked)), "{again:?}");
    // Rolled back with it: the place at t2 is not taken.
    assert_eq!(booked_at(s, "praha-1", "residence-permit", t2).await, 0);

    // Another visit type, or another person of the account, is fine.
    book(
        s,
        booking(olena.id, me, "praha-1", "long-term-visa", t2, 5),
        now(),
    )
    .await
    .unwrap();
    let child = s
        .add_child(olena.id, "Taras", "2018-06-01".parse().unwrap(), now())
        .await
        .unwrap();
    book(
        s,
        booking(olena.id, child.id, "praha-1", "residence-permit", t1, 5),
        now(),
    )
    .await
    .unwrap();

    // Somebody else's person.
    let theirs = book(
        s,
        booking(other.id, me, "praha-1", "passport", t1, 5),
        now(),
    )
    .await;
    assert!(
        matches!(theirs, Err(BookError::NotYourPerson)),
        "{theirs:?}"
    );

    // Once cancelled, the visit type can be booked again.
    cancel(s, olena.id, first.id, now()).await.unwrap();
    book(
        s,
        booking(olena.id, me, "praha-1", "residence-permit", t2, 5),
        now(),
    )
    .await
    .unwrap();

    let mine = s.appointments(olena.id).await.unwrap();
    assert_eq!(mine.len(), 4);
    assert!(
        mine.windows(2).all(|w| w[0].start >= w[1].start),
        "newest first"
    );
}

#[tokio::test]
async fn cancelling_releases_the_place() {
    let env = env().await;
    let s = &*env.store;
    let (a, a_person) = applicant(s, "a@example.cz").await;
    let (b, b_person) = applicant(s, "b@example.cz").await;
    let start = now() + hours(72);

    let mine = book(
        s,
        booking(a.id, a_person, "brno", "passport", start, 1),
        now(),
    )
    .await
    .unwrap();
    let full = book(
        s,
        booking(b.id, b_person, "brno", "passport", start, 1),
        now(),
    )
    .await;
    assert!(matches!(full, Err(BookError::SlotFull)), "{full:?}");

    let not_theirs = cancel(s, b.id, mine.id, now()).await;
    assert!(
        matches!(not_theirs, Err(CancelError::NotFound)),
        "{not_theirs:?}"
    );
    let at = now() + hours(1);
    let cancelled = cancel(s, a.id, mine.id, at).await.unwrap();
    assert_eq!(cancelled.status, AppointmentStatus::Cancelled);
    assert_eq!(cancelled.status_changed_at, at);
    assert_eq!(cancelled.sequence, 1);
    assert_eq!(booked_at(s, "brno", "passport", start).await, 0);
    let twice = cancel(s, a.id, mine.id, at).await;
    assert!(
        matches!(twice, Err(CancelError::NotCancellable)),
        "{twice:?}"
    );
    let stored = s.appointment(mine.id).await.unwrap().unwrap();
    assert_eq!(stored.status, AppointmentStatus::Cancelled);

    book(
        s,
        booking(b.id, b_person, "brno", "passport", start, 1),
        now(),
    )
    .await
    .expect("the released place");

    // Less than 24 h before the start: refused, nothing changes.
    let soon = book(
        s,
        booking(a.id, a_person, "brno", "passport", now() + hours(23), 1),
        now(),
    )
    .await
    .unwrap();
    let late = cancel(s, a.id, soon.id, now()).await;
    assert!(
        matches!(late, Err(CancelError::Refused(CancelRefusal::TooLate))),
        "{late:?}"
    );
    assert_eq!(booked_at(s, "brno", "passport", now() + hours(23)).await, 1);

    let history = s.history(a.id, now(), &policy(), at).await.unwrap();
    assert_eq!(history.cancellations, vec![at]);
    // Two bookings and one cancellation by A, one booking by B: four mails.
    assert_eq!(s.pending_jobs().await.unwrap(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_cancellation_limit_holds_under_concurrency() {
    let env = env().await;
    let s = &*env.store;
    let (olena, me) = applicant(s, "olena@example.cz").await;
    let start = now() + hours(24 * 10);
    let mut appointments = Vec::new();
    for i in 0..20 {
        let b = booking(olena.id, me, "praha-1", &format!("type-{i}"), start, 1);
        appointments.push(book(s, b, now()).await.unwrap());
    }
    for a in &appointments[..8] {
        cancel(s, olena.id, a.id, now()).await.unwrap();
    }
    // The 9th to 20th cancellation at once: only two fit under the limit of 10.
    let barrier = Arc::new(Barrier::new(12));
    let mut tasks = JoinSet::new();
    for a in &appointments[8..] {
        let (store, id, barrier) = (env.store.clone(), a.id, barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            cancel(&*store, olena.id, id, now()).await
        });
    }
    let (mut done, mut refused) = (0, 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(_) => done += 1,
            Err(CancelError::Refused(CancelRefusal::LimitReached { retry_after })) => {
                assert_eq!(retry_after, now() + hours(24 * 90));
                refused += 1;
            }
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((done, refused), (2, 10));
    let history = s
        .history(olena.id, now() - hours(1), &policy(), now())
        .await
        .unwrap();
    assert_eq!(history.cancellations.len(), 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_bookings_of_one_account_see_each_other() {
    // Several bookings of one person and visit type at once, on different slots: the
    // one-active rule admits exactly one, and no slot keeps a place for a refused one.
    let env = env().await;
    let (olena, me) = applicant(&*env.store, "olena@example.cz").await;
    let barrier = Arc::new(Barrier::new(6));
    let mut tasks = JoinSet::new();
    for i in 0..6 {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            let start = now() + hours(48 + i);
            book(
                &*store,
                booking(olena.id, me, "praha-1", "residence-permit", start, 3),
                now(),
            )
            .await
        });
    }
    let (mut ok, mut already) = (0, 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(_) => ok += 1,
            Err(BookError::AlreadyBooked) => already += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((ok, already), (1, 5));
    let taken: u32 = env
        .store
        .booked_counts("praha-1", "residence-permit", now(), now() + hours(24 * 7))
        .await
        .unwrap()
        .iter()
        .map(|s| s.booked)
        .sum();
    assert_eq!(taken, 1);
}

/// Bookings that arrive together are committed together on SQLite (one writer, one commit per
/// batch) and in one statement each on PostgreSQL. Refusals among them (somebody else's
/// person, a second appointment of the type) must leave no place taken and no job, the own
/// person is found without naming it, and each confirmation job names its own appointment.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn refused_bookings_among_concurrent_ones_leave_nothing_behind() {
    let env = env().await;
    let start = now() + hours(72);
    let (stranger, strangers_person) = applicant(&*env.store, "stranger@example.cz").await;
    let mut people = Vec::new();
    for i in 0..24 {
        people.push(applicant(&*env.store, &format!("batch{i}@example.cz")).await);
    }
    let barrier = Arc::new(Barrier::new(people.len() * 2));
    let mut tasks = JoinSet::new();
    for (i, (account, _)) in people.iter().cloned().enumerate() {
        for attempt in 0..2 {
            let (store, barrier) = (env.store.clone(), barrier.clone());
            let account = account.clone();
            tasks.spawn(async move {
                warm_up(&*store, &barrier).await;
                let mut b = booking(account.id, 0, "praha-1", "residence-permit", start, 100);
                // Every third client names the stranger's person; the rest book for
                // themselves twice, and only one of the two may win.
                b.person_id = if i % 3 == 0 && attempt == 0 {
                    Some(strangers_person)
                } else {
                    None
                };
                (i, book(&*store, b, now()).await)
            });
        }
    }
    let (mut won, mut not_yours, mut already) = (Vec::new(), 0, 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            (_, Ok(a)) => won.push(a),
            (i, Err(BookError::NotYourPerson)) => {
                assert_eq!(i % 3, 0);
                not_yours += 1
            }
            (_, Err(BookError::AlreadyBooked)) => already += 1,
            (_, Err(e)) => panic!("unexpected: {e:?}"),
        }
    }
    // 8 clients sent one foreign and one own booking; 16 sent two own ones.
    assert_eq!((won.len(), not_yours, already), (24, 8, 16));
    for a in &won {
        let (account, me) = people.iter().find(|(p, _)| p.id == a.account_id).unwrap();
        assert_eq!(a.person_id, *me, "the own person of {}", account.email);
    }
    assert!(won.iter().all(|a| a.account_id != stranger.id));
    assert_eq!(
        booked_at(&*env.store, "praha-1", "residence-permit", start).await,
        24
    );
    let jobs = env.store.claim_jobs(now(), mins(5), 1_000).await.unwrap();
    assert_eq!(
        jobs.len(),
        24,
        "one confirmation per booking, none for a refusal"
    );
    let mut named: Vec<i64> = jobs
        .iter()
        .map(|j| j.payload["appointment"].as_i64().unwrap())
        .collect();
    let mut ids: Vec<i64> = won.iter().map(|a| a.id).collect();
    named.sort_unstable();
    ids.sort_unstable();
    assert_eq!(named, ids, "each job names its own appointment");
    env.store.finish_jobs(&ids[..10], now()).await.unwrap();
    assert_eq!(env.store.pending_jobs().await.unwrap(), 14);
}

/// Two bookings of one person for one visit type at two times, sent at once: on PostgreSQL
/// they are often written in one batch, where the second appointment is skipped after its
/// slot gave it a place. That place must go back.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_second_booking_of_a_type_at_another_time_keeps_no_place() {
    let env = env().await;
    let first = now() + hours(72);
    let second = first + mins(30);
    let mut people = Vec::new();
    for i in 0..20 {
        people.push(applicant(&*env.store, &format!("twice{i}@example.cz")).await);
    }
    let barrier = Arc::new(Barrier::new(people.len() * 2));
    let mut tasks = JoinSet::new();
    for (account, me) in people.iter().cloned() {
        for start in [first, second] {
            let (store, barrier) = (env.store.clone(), barrier.clone());
            tasks.spawn(async move {
                warm_up(&*store, &barrier).await;
                let b = booking(account.id, me, "praha-1", "residence-permit", start, 100);
                book(&*store, b, now()).await
            });
        }
    }
    let (mut won, mut already) = (Vec::new(), 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(a) => won.push(a),
            Err(BookError::AlreadyBooked) => already += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((won.len(), already), (20, 20));
    let accounts: HashSet<AccountId> = won.iter().map(|a| a.account_id).collect();
    assert_eq!(accounts.len(), 20, "one appointment per person");
    for start in [first, second] {
        assert_eq!(
            booked_at(&*env.store, "praha-1", "residence-permit", start).await as usize,
            won.iter().filter(|a| a.start == start).count(),
            "places taken at {start} = appointments there"
        );
    }
    let jobs = env.store.claim_jobs(now(), mins(5), 1_000).await.unwrap();
    assert_eq!(jobs.len(), 20, "one confirmation per appointment");
}

// ---- no-shows -----------------------------------------------------------------------------

#[tokio::test]
async fn no_shows_are_swept_and_three_block_booking() {
    let env = env().await;
    let s = &*env.store;
    let (olena, me) = applicant(s, "olena@example.cz").await;
    let (other, other_person) = applicant(s, "other@example.cz").await;
    let starts = [now() + hours(24), now() + hours(48), now() + hours(72)];
    let mut ids = Vec::new();
    for (i, start) in starts.iter().enumerate() {
        let b = booking(olena.id, me, "praha-1", &format!("type-{i}"), *start, 2);
        ids.push(book(s, b, now()).await.unwrap().id);
    }

    let closes = policy().checkin_closes_after;
    assert_eq!(
        s.sweep_no_shows(&policy(), starts[0] + closes - SignedDuration::from_secs(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        s.sweep_no_shows(&policy(), starts[0] + closes)
            .await
            .unwrap(),
        1
    );
    let missed = s.appointment(ids[0]).await.unwrap().unwrap();
    assert_eq!(missed.status, AppointmentStatus::NoShow);
    assert_eq!(missed.status_changed_at, starts[0] + closes);
    assert_eq!(missed.sequence, 1);
    assert_eq!(
        s.sweep_no_shows(&policy(), starts[0] + hours(1))
            .await
            .unwrap(),
        0
    );

    // The third no-show blocks booking for 180 days from it, before any sweep wrote it.
    let at = starts[2] + closes;
    let later = at + hours(24);
    let blocked = book(
        s,
        booking(olena.id, me, "praha-1", "passport", later, 2),
        at,
    )
    .await;
    match blocked {
        Err(BookError::Blocked { until }) => assert_eq!(until, at + policy().block_for),
        other => panic!("expected a block, got {other:?}"),
    }
    let history = s.history(olena.id, now(), &policy(), at).await.unwrap();
    assert_eq!(history.no_shows, starts.map(|t| t + closes).to_vec());
    // The refused booking rolled back whatever it wrote.
    assert_eq!(s.sweep_no_shows(&policy(), at).await.unwrap(), 2);
    assert_eq!(s.sweep_no_shows(&policy(), at).await.unwrap(), 0);
    // Nobody else is affected.
    book(
        s,
        booking(other.id, other_person, "praha-1", "passport", later, 2),
        at,
    )
    .await
    .unwrap();
}

// ---- account deletion ---------------------------------------------------------------------

#[tokio::test]
async fn deleting_an_account_releases_its_future_appointments() {
    let env = env().await;
    let s = &*env.store;
    let (olena, me) = applicant(s, "olena@example.cz").await;
    let (other, other_person) = applicant(s, "other@example.cz").await;
    let past = book(
        s,
        booking(olena.id, me, "praha-1", "passport", now() + hours(1), 1),
        now(),
    )
    .await
    .unwrap();
    let future_start = now() + hours(72);
    let future = book(
        s,
        booking(olena.id, me, "praha-1", "residence-permit", future_start, 1),
        now(),
    )
    .await
    .unwrap();
    s.create_token(
        token(olena.id, TokenKind::Session, "olena-session", now()),
        None,
    )
    .await
    .unwrap();

    let at = now() + hours(2);
    assert!(s.delete_account(olena.id, &policy(), at).await.unwrap());
    assert!(!s.delete_account(olena.id, &policy(), at).await.unwrap());
    assert!(s.account(olena.id).await.unwrap().is_none());
    assert!(
        s.account_by_email("olena@example.cz")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        s.session_account("olena-session", at, hours(24))
            .await
            .unwrap()
            .is_none()
    );

    let released = s.appointment(future.id).await.unwrap().unwrap();
    assert_eq!(released.status, AppointmentStatus::Cancelled);
    assert_eq!(released.status_changed_at, at);
    assert_eq!(
        booked_at(s, "praha-1", "residence-permit", future_start).await,
        0
    );
    // The one that already started is history, not released.
    assert_eq!(
        s.appointment(past.id).await.unwrap().unwrap().status,
        AppointmentStatus::Booked
    );
    // A release by staff is no client cancellation.
    let history = s.history(olena.id, now(), &policy(), at).await.unwrap();
    assert!(history.cancellations.is_empty());

    book(
        s,
        booking(
            other.id,
            other_person,
            "praha-1",
            "residence-permit",
            future_start,
            1,
        ),
        at,
    )
    .await
    .expect("the released place");
    // The e-mail is free again.
    let again = s
        .create_account(new_account("olena@example.cz"), None, None, at)
        .await
        .unwrap();
    assert_ne!(again.id, olena.id);
}

// ---- rate limits --------------------------------------------------------------------------

#[tokio::test]
async fn rate_events_are_counted_per_bucket() {
    let env = env().await;
    let s = &*env.store;
    for at in [now() - mins(10), now() - mins(5), now()] {
        s.record_rate_event("login-ip:192.0.2.1", at).await.unwrap();
    }
    assert_eq!(
        s.rate_events("login-ip:192.0.2.1", now() - mins(6))
            .await
            .unwrap(),
        (2, Some(now() - mins(5)))
    );
    assert_eq!(
        s.rate_events("login-ip:192.0.2.2", now() - mins(6))
            .await
            .unwrap(),
        (0, None)
    );
}

// ---- jobs ---------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_job_is_never_claimed_twice_at_once() {
    let env = env().await;
    let s = &*env.store;
    let (olena, _) = applicant(s, "olena@example.cz").await;
    for i in 0..60 {
        s.create_token(
            token(olena.id, TokenKind::Verify, &format!("t{i}"), now()),
            Some(NewJob {
                kind: "mail".into(),
                payload: json!({ "n": i, "text": "Dobrý den, Ольга" }),
                run_at: now() - SignedDuration::from_secs(i),
                dedupe_key: None,
            }),
        )
        .await
        .unwrap();
    }
    // A dedupe key makes the second job silently not exist.
    for i in 0..2 {
        s.create_token(
            token(olena.id, TokenKind::Reset, &format!("r{i}"), now()),
            Some(NewJob {
                kind: "mail".into(),
                payload: json!({ "reset": i }),
                run_at: now(),
                dedupe_key: Some("reset-mail".into()),
            }),
        )
        .await
        .unwrap();
    }
    // Not due yet.
    s.create_token(
        token(olena.id, TokenKind::Verify, "later", now()),
        Some(NewJob {
            kind: "mail".into(),
            payload: json!({}),
            run_at: now() + hours(1),
            dedupe_key: None,
        }),
    )
    .await
    .unwrap();
    assert_eq!(s.pending_jobs().await.unwrap(), 62);

    let lease = mins(5);
    let barrier = Arc::new(Barrier::new(6));
    let mut tasks = JoinSet::new();
    for _ in 0..6 {
        let (store, barrier) = (env.store.clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            let mut mine = Vec::new();
            loop {
                let claimed = store.claim_jobs(now(), lease, 7).await.unwrap();
                if claimed.is_empty() {
                    return mine;
                }
                mine.extend(claimed);
            }
        });
    }
    let mut all = Vec::new();
    while let Some(result) = tasks.join_next().await {
        all.extend(result.unwrap());
    }
    let ids: HashSet<i64> = all.iter().map(|j| j.id).collect();
    assert_eq!(ids.len(), all.len(), "a job was handed out twice");
    assert_eq!(all.len(), 61);
    assert!(all.iter().all(|j| j.attempts == 1 && j.kind == "mail"));
    assert!(all.iter().any(|j| j.payload["text"] == "Dobrý den, Ольга"));

    // Leased: nothing to claim until the lease runs out; then everything again.
    assert!(
        s.claim_jobs(now() + mins(4), lease, 100)
            .await
            .unwrap()
            .is_empty()
    );
    let again = s.claim_jobs(now() + lease, lease, 100).await.unwrap();
    assert_eq!(again.len(), 61);
    assert!(again.iter().all(|j| j.attempts == 2));

    let (done, retried, given_up) = (again[0].id, again[1].id, again[2].id);
    s.finish_job(done, now() + lease).await.unwrap();
    s.fail_job(retried, "smtp: connection refused", Some(now() + hours(2)))
        .await
        .unwrap();
    s.fail_job(given_up, "smtp: 550 no such user", None)
        .await
        .unwrap();
    assert_eq!(s.pending_jobs().await.unwrap(), 60);
    let third = s.claim_jobs(now() + hours(1), lease, 100).await.unwrap();
    let third: HashSet<i64> = third.iter().map(|j| j.id).collect();
    assert_eq!(
        third.len(),
        59,
        "58 leased ones and the one that became due"
    );
    assert!(!third.contains(&done) && !third.contains(&retried) && !third.contains(&given_up));
    let fourth = s.claim_jobs(now() + hours(2), lease, 100).await.unwrap();
    assert!(fourth.iter().any(|j| j.id == retried));
}

// ---- the office floor ---------------------------------------------------------------------

fn ticket_for(
    appointment: Option<&Appointment>,
    office: &str,
    day: jiff::civil::Date,
) -> NewTicket {
    NewTicket {
        office_id: office.into(),
        local_date: day,
        group: 'B',
        visit_type_id: appointment.map_or("walk-in".into(), |a| a.visit_type_id.clone()),
        language: "uk".into(),
        appointment_id: appointment.map(|a| a.id),
        rank: if appointment.is_some() { 0 } else { 2 },
        priority_at: appointment.map_or(now(), |a| a.start),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_floor_calls_each_ticket_once() {
    let env = env().await;
    let s = &*env.store;
    let mut clerk = new_account("clerk@mvcr.cz");
    clerk.role = Role::Staff;
    clerk.offices = vec!["praha-1".into()];
    let clerk = s.create_account(clerk, None, None, now()).await.unwrap();
    let staff = Actor::Staff(clerk.id);
    let start = now() + hours(2);
    let day = termin_domain::time::local_date(start);

    let mut booked = Vec::new();
    for i in 0..4 {
        let (a, p) = applicant(s, &format!("floor{i}@example.cz")).await;
        let b = booking(a.id, p, "praha-1", "residence-permit", start, 10);
        booked.push(book(s, b, now()).await.unwrap());
    }
    let found = s
        .appointment_by_pin("praha-1", day, &booked[0].pin)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, booked[0].id);

    // The same PIN at the kiosk twice at once: one ticket.
    let barrier = Arc::new(Barrier::new(3));
    let mut tasks = JoinSet::new();
    for _ in 0..3 {
        let (store, a, barrier) = (env.store.clone(), booked[0].clone(), barrier.clone());
        tasks.spawn(async move {
            warm_up(&*store, &barrier).await;
            store
                .check_in(
                    a.id,
                    ticket_for(Some(&a), "praha-1", day),
                    staff,
                    start - mins(20),
                )
                .await
        });
    }
    let (mut tickets, mut refused) = (Vec::new(), 0);
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok((ticket, position)) => {
                assert_eq!(position, 1);
                tickets.push(ticket);
            }
            Err(FloorError::AlreadyCheckedIn) => refused += 1,
            Err(e) => panic!("unexpected: {e:?}"),
        }
    }
    assert_eq!((tickets.len(), refused), (1, 2));
    for a in &booked[1..] {
        let (_, position) = s
            .check_in(
                a.id,
                ticket_for(Some(a), "praha-1", day),
                staff,
                start - mins(10),
            )
            .await
            .unwrap();
        assert!(position >= 2);
    }
    let (walk_in, position) = s
        .walk_in(ticket_for(None, "praha-1", day), staff, start - mins(5))
        .await
        .unwrap();
    assert_eq!(position, 5);
    let numbers: HashSet<String> = s
        .queue("praha-1", day)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.number)
        .collect();
    assert_eq!(numbers.len(), 5);
    assert!(numbers.contains(&walk_in.number));

    // Four counters, each double-clicking "call next": four different people called, each
    // counter gets its own one back on the second click.
    let barrier = Arc::new(Barrier::new(8));
    let mut tasks = JoinSet::new();
    for counter in ["1", "2", "3", "4"] {
        for _ in 0..2 {
            let (store, barrier) = (env.store.clone(), barrier.clone());
            tasks.spawn(async move {
                warm_up(&*store, &barrier).await;
                let called = store
                    .call_next("praha-1", day, counter, staff, start)
                    .await
                    .unwrap()
                    .expect("somebody waits");
                (counter, called)
            });
        }
    }
    let mut per_counter: std::collections::HashMap<&str, Vec<(Ticket, bool)>> = Default::default();
    while let Some(result) = tasks.join_next().await {
        let (counter, called) = result.unwrap();
        per_counter.entry(counter).or_default().push(called);
    }
    let mut called_numbers = HashSet::new();
    for (counter, calls) in &per_counter {
        assert_eq!(calls.len(), 2);
        assert_eq!(
            calls[0].0.id, calls[1].0.id,
            "counter {counter} called twice"
        );
        assert_eq!(calls.iter().filter(|(_, new)| *new).count(), 1);
        assert_eq!(calls[0].0.counter.as_deref(), Some(*counter));
        called_numbers.insert(calls[0].0.number.clone());
    }
    assert_eq!(called_numbers.len(), 4);
    // The walk-in (rank 2) waits behind the appointments.
    assert!(!called_numbers.contains(&walk_in.number));

    // Transferring to a busy counter is refused; serving frees the counter.
    let at_1 = per_counter["1"][0].0.clone();
    let busy = s
        .transition_ticket(
            TicketAction {
                office: "praha-1",
                local_date: day,
                number: &at_1.number,
                transition: Transition::Transfer,
                counter: Some("2"),
            },
            staff,
            start,
        )
        .await;
    assert!(
        matches!(busy, Err(FloorError::InvalidTransition { .. })),
        "{busy:?}"
    );
    let served = s
        .transition_ticket(
            TicketAction {
                office: "praha-1",
                local_date: day,
                number: &at_1.number,
                transition: Transition::Serve,
                counter: None,
            },
            staff,
            start + mins(7),
        )
        .await
        .unwrap();
    assert_eq!(served.status, AppointmentStatus::Served);
    let (next, new) = s
        .call_next("praha-1", day, "1", staff, start + mins(8))
        .await
        .unwrap()
        .unwrap();
    assert!(new);
    assert_eq!(next.number, walk_in.number);
    assert!(
        s.call_next("praha-1", day, "5", staff, start + mins(8))
            .await
            .unwrap()
            .is_none()
    );

    // The served ticket's appointment followed it.
    if let Some(id) = served.appointment_id {
        assert_eq!(
            s.appointment(id).await.unwrap().unwrap().status,
            AppointmentStatus::Served
        );
    }
    let calls = s.floor_events("praha-1", 0, &["call"], 100).await.unwrap();
    assert_eq!(calls.len(), 5);
    assert!(calls.windows(2).all(|w| w[0].id < w[1].id));
    let recent = s
        .recent_floor_events("praha-1", day, &["call", "serve"], 2)
        .await
        .unwrap();
    assert_eq!(recent.len(), 2);
    assert_eq!(recent[0].kind, "call");
    assert_eq!(recent[1].kind, "serve");

    let stats = s
        .floor_stats("praha-1", day, &policy(), start + mins(8))
        .await
        .unwrap();
    assert_eq!((stats.checked_in, stats.served, stats.called), (5, 1, 4));
    assert_eq!(stats.waiting, 0);
    assert!(stats.average_wait_seconds.is_some());
    assert_eq!(stats.average_service_seconds, Some(7 * 60));
    let agenda = s.agenda("praha-1", day).await.unwrap();
    assert_eq!(agenda.len(), 4);
    assert!(agenda.iter().all(|e| e.ticket.is_some()));

    // A clerk's no-show counts at the instant the clerk wrote it.
    let at_2 = per_counter["2"][0].0.clone();
    let missed_at = start + mins(9);
    let missed = s
        .transition_ticket(
            TicketAction {
                office: "praha-1",
                local_date: day,
                number: &at_2.number,
                transition: Transition::MarkNoShow,
                counter: None,
            },
            staff,
            missed_at,
        )
        .await
        .unwrap();
    assert_eq!(missed.status, AppointmentStatus::NoShow);
    let appointment = s
        .appointment(missed.appointment_id.unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(appointment.status, AppointmentStatus::NoShow);
    let history = s
        .history(appointment.account_id, now(), &policy(), start + hours(1))
        .await
        .unwrap();
    assert_eq!(history.no_shows, vec![missed_at]);

    // Devices.
    let kiosk = s
        .create_device(
            "praha-1",
            DeviceKind::Kiosk,
            "Hall kiosk",
            "device-hash",
            clerk.id,
            now(),
        )
        .await
        .unwrap();
    assert_eq!(
        s.device_by_token("device-hash").await.unwrap().unwrap().id,
        kiosk.id
    );
    assert!(!s.revoke_device("brno", kiosk.id, now()).await.unwrap());
    assert!(s.revoke_device("praha-1", kiosk.id, now()).await.unwrap());
    assert!(s.device_by_token("device-hash").await.unwrap().is_none());
    assert!(s.devices("praha-1").await.unwrap()[0].revoked);
}
