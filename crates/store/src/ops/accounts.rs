//! Accounts, their persons, sign-in tokens and the rate-limit counters.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use termin_domain::BookingPolicy;

use super::waitlist::{FreedPlace, offer_freed_place, withdraw_all_in};
use crate::rows::{self, Columns, Sql, account_columns, person_columns};
use crate::signed_in::Entry;
use crate::sql::{Backend, Dialect, Param, Statement, Unique, count_from, query, secs};
use crate::*;

/// How stale `tokens.last_used_at` may get before a request writes it again.
const TOKEN_TOUCH_SECS: i64 = 300;

const INSERT_ACCOUNT: &str = concat!(
    "INSERT INTO accounts (email, password_hash, full_name, date_of_birth, language, role,
                           email_verified_at, created_at, email_identity)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ",
    account_columns!()
);

const INSERT_PERSON: &str = concat!(
    "INSERT INTO persons (account_id, full_name, date_of_birth, relation, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING ",
    person_columns!()
);

/// A session or API token used within the idle time, with its account: one statement.
const SESSION_ACCOUNT: &str = concat!(
    "SELECT t.last_used_at, t.expires_at, ",
    account_columns!("a."),
    " FROM tokens t JOIN accounts a ON a.id = t.account_id
      WHERE t.hash = $1 AND t.kind IN ('session', 'api') AND t.used_at IS NULL
        AND t.last_used_at > $2 AND t.expires_at > $3 AND a.deleted_at IS NULL"
);

pub(crate) async fn create_account<B: Backend>(
    b: &B,
    account: NewAccount,
    token: Option<NewToken>,
    job: Option<JobFor<'_, Account>>,
    now: Timestamp,
) -> Result<Account, CreateAccountError> {
    let mut tx = b.begin().await?;
    // A concurrent registration with the same e-mail (or another address of the same
    // mailbox) waits on the unique index and then fails here once the first one commits.
    let inserted = query::<B::Db>(INSERT_ACCOUNT)
        .arg(account.email.as_str())
        .arg(account.password_hash.as_str())
        .arg(account.full_name.as_str())
        .arg(account.date_of_birth.to_string())
        .arg(account.language.as_str())
        .arg(account.role.as_str())
        .arg(account.email_verified.then(|| secs(now)))
        .arg(secs(now))
        .arg(email_identity(&account.email))
        .one(&mut *tx)
        .await;
    let row = match inserted {
        Ok(row) => row,
        Err(e) if B::Db::violates(&e, Unique::Email) => {
            return Err(CreateAccountError::EmailTaken);
        }
        Err(e) => return Err(e.into()),
    };
    let created = rows::account(&Sql::<B::Db>(&row))?;
    insert_person::<B::Db>(
        &mut *tx,
        created.id,
        &created.full_name,
        created.date_of_birth,
        Relation::Myself,
        now,
    )
    .await?;
    for office in &account.offices {
        query::<B::Db>("INSERT INTO staff_offices (account_id, office_id) VALUES ($1, $2)")
            .arg(created.id)
            .arg(office.as_str())
            .run(&mut *tx)
            .await?;
    }
    if let Some(token) = token {
        insert_token::<B::Db>(&mut *tx, &token, created.id).await?;
    }
    if let Some(job) = job {
        super::jobs::insert_job::<B::Db>(&mut *tx, &job(&created), now).await?;
    }
    tx.commit().await?;
    Ok(created)
}

/// The mailbox an address delivers to (`termin_domain::Email::identity`); an address the
/// domain parser would refuse (only from an operator's hand) is its own identity.
fn email_identity(email: &str) -> String {
    termin_domain::Email::parse(email).map_or_else(|_| email.to_owned(), |e| e.identity())
}

/// Gives the accounts made before migration 0010 their mailbox identity. An identity already
/// held by another account (two accounts made earlier on one mailbox) stays unset for the
/// younger one, which keeps working but no longer blocks a registration: logged.
pub(crate) async fn backfill_email_identities<B: Backend>(b: &B) -> Result<(), StoreError> {
    let rows = query::<B::Db>(
        "SELECT id, email FROM accounts WHERE email_identity IS NULL AND deleted_at IS NULL
          ORDER BY id",
    )
    .all(&mut *b.read().await?)
    .await?;
    for row in &rows {
        let row = Sql::<B::Db>(row);
        let (id, email) = (row.int("id")?, row.text("email")?);
        let set = query::<B::Db>("UPDATE accounts SET email_identity = $1 WHERE id = $2")
            .arg(email_identity(&email))
            .arg(id)
            .run(&mut *b.writer().await?)
            .await;
        match set {
            Ok(_) => {}
            Err(e) if B::Db::violates(&e, Unique::Email) => {
                tracing::warn!(account = id, "another account holds this mailbox already");
            }
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

async fn insert_person<D: Dialect>(
    conn: &mut D::Connection,
    account: AccountId,
    full_name: &str,
    date_of_birth: Date,
    relation: Relation,
    now: Timestamp,
) -> Result<Person, StoreError> {
    let row = query::<D>(INSERT_PERSON)
        .arg(account)
        .arg(full_name)
        .arg(date_of_birth.to_string())
        .arg(relation.as_str())
        .arg(secs(now))
        .one(conn)
        .await?;
    rows::person(&Sql::<D>(&row))
}

pub(crate) async fn account<B: Backend>(
    b: &B,
    id: AccountId,
) -> Result<Option<Account>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        account_columns!(),
        " FROM accounts WHERE id = $1 AND deleted_at IS NULL"
    );
    account_where(b, SQL, id).await
}

pub(crate) async fn account_by_email<B: Backend>(
    b: &B,
    email: &str,
) -> Result<Option<Account>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        account_columns!(),
        " FROM accounts WHERE email = $1 AND deleted_at IS NULL"
    );
    account_where(b, SQL, email).await
}

/// The account that `sql` finds by its one parameter.
async fn account_where<B: Backend, T: Send>(
    b: &B,
    sql: &'static str,
    key: T,
) -> Result<Option<Account>, StoreError>
where
    B::Db: Param<T>,
{
    query::<B::Db>(sql)
        .arg(key)
        .optional_as(&mut *b.read().await?, |row| rows::account(row))
        .await
}

pub(crate) async fn staff_offices<B: Backend>(
    b: &B,
    id: AccountId,
) -> Result<Vec<String>, StoreError> {
    let rows = query::<B::Db>(
        "SELECT office_id FROM staff_offices WHERE account_id = $1 ORDER BY office_id",
    )
    .arg(id)
    .all(&mut *b.read().await?)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(<B::Db as crate::sql::Column<String>>::get(
                row,
                "office_id",
            )?)
        })
        .collect()
}

pub(crate) async fn set_language<B: Backend>(
    b: &B,
    id: AccountId,
    language: &str,
) -> Result<(), StoreError> {
    query::<B::Db>("UPDATE accounts SET language = $1 WHERE id = $2")
        .arg(language)
        .arg(id)
        .run(&mut *b.writer().await?)
        .await?;
    b.signed_in().forget_account(id);
    Ok(())
}

/// Staff deletion (domain.md §2): the account can no longer sign in, its tokens are revoked,
/// its waitlist requests withdrawn and its future active appointments released, each freed
/// place going to the waitlist first.
pub(crate) async fn delete_account<B: Backend>(
    b: &B,
    id: AccountId,
    policy: &BookingPolicy,
    now: Timestamp,
) -> Result<bool, StoreError> {
    const RELEASE: &str = concat!(
        "UPDATE appointments
            SET status = 'cancelled', status_changed_at = $1, sequence = sequence + 1
          WHERE account_id = $2 AND ",
        crate::rules::active!(""),
        " AND start_at > $1 RETURNING slot_id, office_id, visit_type_id, start_at, end_at"
    );
    let mut tx = b.begin().await?;
    // The e-mail is freed (a new account may be made with it later) but kept recognisable
    // for the audit trail of this database only. The update locks the account row (on
    // PostgreSQL), so a booking of this account running at the same time finishes first or
    // sees the deletion.
    let done = query::<B::Db>(
        "UPDATE accounts
            SET deleted_at = $1, email = 'deleted-' || id || ':' || email, email_identity = NULL
          WHERE id = $2 AND deleted_at IS NULL",
    )
    .arg(secs(now))
    .arg(id)
    .run(&mut *tx)
    .await?;
    if done == 0 {
        return Ok(false);
    }
    query::<B::Db>("DELETE FROM tokens WHERE account_id = $1")
        .arg(id)
        .run(&mut *tx)
        .await?;
    withdraw_all_in::<B::Db>(&mut *tx, id, policy, now).await?;
    let released = query::<B::Db>(RELEASE)
        .arg(secs(now))
        .arg(id)
        .all(&mut *tx)
        .await?;
    let mut places = released
        .iter()
        .map(|row| {
            let row = Sql::<B::Db>(row);
            Ok(FreedPlace {
                slot_id: row.int("slot_id")?,
                office_id: row.text("office_id")?,
                visit_type_id: row.text("visit_type_id")?,
                start: model::ts(row.int("start_at")?)?,
                end: model::ts(row.int("end_at")?)?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    // Slot rows in id order: concurrent deletions lock them in the same order.
    places.sort_unstable_by_key(|place| place.slot_id);
    for place in &places {
        query::<B::Db>("UPDATE slots SET booked = booked - 1 WHERE id = $1")
            .arg(place.slot_id)
            .run(&mut *tx)
            .await?;
        offer_freed_place::<B::Db>(&mut *tx, place, policy, now).await?;
    }
    tx.commit().await?;
    b.signed_in().forget_account(id);
    Ok(true)
}

// ---- tokens ---------------------------------------------------------------------------------

pub(crate) async fn create_token<B: Backend>(
    b: &B,
    token: NewToken,
    job: Option<NewJob>,
) -> Result<(), StoreError> {
    let mut tx = b.begin().await?;
    insert_token::<B::Db>(&mut *tx, &token, token.account_id).await?;
    if let Some(job) = job {
        super::jobs::insert_job::<B::Db>(&mut *tx, &job, token.created_at).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn insert_token<D: Dialect>(
    conn: &mut D::Connection,
    token: &NewToken,
    account: AccountId,
) -> sqlx::Result<()> {
    query::<D>(
        "INSERT INTO tokens (hash, account_id, kind, created_at, last_used_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .arg(token.hash.as_str())
    .arg(account)
    .arg(token.kind.as_str())
    .arg(secs(token.created_at))
    .arg(secs(token.expires_at))
    .run(conn)
    .await?;
    Ok(())
}

/// Uses a single-use token: a second use (waiting for the first one's row lock on
/// PostgreSQL) finds `used_at` set.
async fn consume_token<D: Dialect>(
    conn: &mut D::Connection,
    hash: &str,
    kind: TokenKind,
    now: Timestamp,
) -> Result<Option<AccountId>, StoreError> {
    let row = query::<D>(
        "UPDATE tokens SET used_at = $1
          WHERE hash = $2 AND kind = $3 AND used_at IS NULL AND expires_at > $1
          RETURNING account_id",
    )
    .arg(secs(now))
    .arg(hash)
    .arg(kind.as_str())
    .optional(conn)
    .await?;
    Ok(row
        .map(|row| <D as crate::sql::Column<i64>>::get(&row, "account_id"))
        .transpose()?)
}

pub(crate) async fn session_account<B: Backend>(
    b: &B,
    hash: &str,
    now: Timestamp,
    idle: SignedDuration,
) -> Result<Option<Account>, StoreError> {
    let idle_since = secs(now.checked_sub(idle).unwrap_or(Timestamp::MIN));
    b.follow_sign_ins();
    let signed_in = b.signed_in();
    let entry = match signed_in.get(hash) {
        // The same conditions as the query's, on the times read then.
        Some(entry) if entry.last_used > idle_since && entry.expires_at > secs(now) => entry,
        Some(_) => return Ok(None),
        None => {
            let epoch = signed_in.epoch();
            let row = query::<B::Db>(SESSION_ACCOUNT)
                .arg(hash)
                .arg(idle_since)
                .arg(secs(now))
                .optional(&mut *b.read().await?)
                .await?;
            let Some(row) = row else {
                return Ok(None);
            };
            let columns = Sql::<B::Db>(&row);
            let entry = Entry {
                account: rows::account(&columns)?,
                last_used: Columns::int(&columns, "last_used_at")?,
                expires_at: Columns::int(&columns, "expires_at")?,
            };
            signed_in.keep(hash, entry.clone(), epoch);
            entry
        }
    };
    // A durable write on every request would serialise all requests behind the writer; the
    // idle expiry holds to within TOKEN_TOUCH_SECS. (The triggers of migrations 0006/0007
    // report nothing for this update.)
    if secs(now) - entry.last_used >= TOKEN_TOUCH_SECS {
        query::<B::Db>("UPDATE tokens SET last_used_at = $1 WHERE hash = $2")
            .arg(secs(now))
            .arg(hash)
            .run(&mut *b.writer().await?)
            .await?;
        signed_in.touched(hash, secs(now));
    }
    Ok(Some(entry.account))
}

pub(crate) async fn delete_token<B: Backend>(b: &B, hash: &str) -> Result<(), StoreError> {
    query::<B::Db>("DELETE FROM tokens WHERE hash = $1")
        .arg(hash)
        .run(&mut *b.writer().await?)
        .await?;
    b.signed_in().forget_token(hash);
    Ok(())
}

pub(crate) async fn verify_email<B: Backend>(
    b: &B,
    hash: &str,
    now: Timestamp,
) -> Result<Option<AccountId>, StoreError> {
    let mut tx = b.begin().await?;
    let Some(account) = consume_token::<B::Db>(&mut *tx, hash, TokenKind::Verify, now).await?
    else {
        return Ok(None);
    };
    query::<B::Db>(
        "UPDATE accounts SET email_verified_at = COALESCE(email_verified_at, $1) WHERE id = $2",
    )
    .arg(secs(now))
    .arg(account)
    .run(&mut *tx)
    .await?;
    tx.commit().await?;
    b.signed_in().forget_account(account);
    Ok(Some(account))
}

pub(crate) async fn reset_password<B: Backend>(
    b: &B,
    hash: &str,
    password_hash: &str,
    now: Timestamp,
) -> Result<Option<AccountId>, StoreError> {
    let mut tx = b.begin().await?;
    let Some(account) = consume_token::<B::Db>(&mut *tx, hash, TokenKind::Reset, now).await? else {
        return Ok(None);
    };
    // A reset link also proves the mailbox.
    query::<B::Db>(
        "UPDATE accounts
            SET password_hash = $1, email_verified_at = COALESCE(email_verified_at, $2)
          WHERE id = $3",
    )
    .arg(password_hash)
    .arg(secs(now))
    .arg(account)
    .run(&mut *tx)
    .await?;
    // Whoever knew the old password is signed out everywhere.
    query::<B::Db>("DELETE FROM tokens WHERE account_id = $1 AND kind IN ('session', 'api')")
        .arg(account)
        .run(&mut *tx)
        .await?;
    tx.commit().await?;
    b.signed_in().forget_account(account);
    Ok(Some(account))
}

// ---- persons --------------------------------------------------------------------------------

pub(crate) async fn persons<B: Backend>(
    b: &B,
    account: AccountId,
) -> Result<Vec<Person>, StoreError> {
    const SQL: &str = concat!(
        "SELECT ",
        person_columns!(),
        " FROM persons WHERE account_id = $1 ORDER BY relation = 'child', id"
    );
    query::<B::Db>(SQL)
        .arg(account)
        .all_as(&mut *b.read().await?, |row| rows::person(row))
        .await
}

pub(crate) async fn add_child<B: Backend>(
    b: &B,
    account: AccountId,
    full_name: &str,
    date_of_birth: Date,
    now: Timestamp,
) -> Result<Person, StoreError> {
    let mut conn = b.writer().await?;
    insert_person::<B::Db>(
        &mut *conn,
        account,
        full_name,
        date_of_birth,
        Relation::Child,
        now,
    )
    .await
}

// ---- rate limits ----------------------------------------------------------------------------

pub(crate) async fn record_rate_event<B: Backend>(
    b: &B,
    bucket: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    query::<B::Db>("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
        .arg(bucket)
        .arg(secs(now))
        .run(&mut *b.writer().await?)
        .await?;
    Ok(())
}

pub(crate) async fn rate_events<B: Backend>(
    b: &B,
    bucket: &str,
    since: Timestamp,
) -> Result<(u32, Option<Timestamp>), StoreError> {
    let row = query::<B::Db>(
        "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM rate_events WHERE bucket = $1 AND at > $2",
    )
    .arg(bucket)
    .arg(secs(since))
    .one(&mut *b.read().await?)
    .await?;
    let columns = Sql::<B::Db>(&row);
    let n = Columns::int(&columns, "n")?;
    let oldest = Columns::int_or_null(&columns, "oldest")?;
    Ok((count_from(n), oldest.map(model::ts).transpose()?))
}
